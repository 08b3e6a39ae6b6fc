/* kns-sign-in-page.c
 *
 * Copyright 2026 The Kỹ năng số authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A returning child finds their picture and is in with one press. While a
 * class session runs, its class is shown first, so thirty children are
 * not lost among three hundred.
 */

#define G_LOG_DOMAIN "kns-sign-in-page"

#include "kns-config.h"

#include <glib/gi18n.h>

#include "kns-learner-object.h"
#include "kns-learner-tile.h"
#include "kns-sign-in-page.h"
#include "kns-ui-util.h"

#define NORMAL_AVATAR_SIZE 80
#define WIDE_AVATAR_SIZE   128

struct _KnsSignInPage
{
  AdwBin              parent_instance;

  /* Template widgets */
  AdwClamp           *clamp;
  GtkLabel           *session_label;
  GtkLabel           *subtitle_label;
  GtkWidget          *new_button;
  GtkWidget          *guest_button;
  GtkWidget          *filter_box;
  GtkDropDown        *class_dropdown;
  GtkFlowBox         *tiles_box;
  GtkWidget          *empty_page;

  /* Owned */
  GListStore         *learners;     /* KnsLearnerObject, as the store lists them */
  GtkCustomFilter    *class_filter; /* the class chosen in the drop-down */
  GtkFilterListModel *shown;        /* the learners of that class: the tiles */
  GStrv               classes;
  int                 avatar_size;
  gboolean            filling;
  gboolean            anonymous;
};

G_DEFINE_FINAL_TYPE (KnsSignInPage, kns_sign_in_page, ADW_TYPE_BIN)

static const char *
selected_class (KnsSignInPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->class_dropdown);

  /* Item 0 is "every class". */
  if (selected == GTK_INVALID_LIST_POSITION || selected == 0 || self->classes == NULL)
    return NULL;
  return self->classes[selected - 1];
}

static gboolean
in_class_cb (gpointer item,
             gpointer user_data)
{
  KnsSignInPage *self = user_data;
  const char *class_label = selected_class (self);

  return class_label == NULL ||
         g_strcmp0 (kns_learner_object_get_learner (item)->class_label, class_label) == 0;
}

static GtkWidget *
create_tile_cb (gpointer item,
                gpointer user_data)
{
  KnsSignInPage *self = user_data;
  GtkWidget *tile = kns_learner_tile_new (kns_learner_object_get_learner (item));

  kns_learner_tile_set_avatar_size (KNS_LEARNER_TILE (tile), self->avatar_size);
  return tile;
}

static void
update_empty (KnsSignInPage *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->shown));

  gtk_widget_set_visible (self->empty_page, shown == 0 && !self->anonymous);
  gtk_widget_set_visible (GTK_WIDGET (self->tiles_box), !self->anonymous);
}

static void
class_selected_cb (KnsSignInPage *self)
{
  if (!self->filling)
    gtk_filter_changed (GTK_FILTER (self->class_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
show_session (KnsSignInPage   *self,
              KnsClassSession *session)
{
  g_autofree char *text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->session_label), session != NULL);
  if (session == NULL)
    return;

  /* Translators: a banner on the sign-in screen: "Class session: Safe online (class 6A)" */
  text = g_strdup_printf (_("Class session: %s (class %s). Sign in to join it."),
                          session->title, session->class_label);
  gtk_label_set_text (self->session_label, text);
}

static void
kns_sign_in_page_dispose (GObject *object)
{
  KnsSignInPage *self = (KnsSignInPage *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), KNS_TYPE_SIGN_IN_PAGE);
  g_clear_object (&self->shown);
  g_clear_object (&self->class_filter);
  g_clear_object (&self->learners);
  g_clear_pointer (&self->classes, g_strfreev);

  G_OBJECT_CLASS (kns_sign_in_page_parent_class)->dispose (object);
}

static void
kns_sign_in_page_class_init (KnsSignInPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kns_sign_in_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/kns-sign-in-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KnsSignInPage, clamp);
  gtk_widget_class_bind_template_child (widget_class, KnsSignInPage, session_label);
  gtk_widget_class_bind_template_child (widget_class, KnsSignInPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, KnsSignInPage, new_button);
  gtk_widget_class_bind_template_child (widget_class, KnsSignInPage, guest_button);
  gtk_widget_class_bind_template_child (widget_class, KnsSignInPage, filter_box);
  gtk_widget_class_bind_template_child (widget_class, KnsSignInPage, class_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KnsSignInPage, tiles_box);
  gtk_widget_class_bind_template_child (widget_class, KnsSignInPage, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, class_selected_cb);
}

static void
kns_sign_in_page_init (KnsSignInPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  kns_ui_name_inner_control (GTK_WIDGET (self->class_dropdown), GTK_TYPE_TOGGLE_BUTTON, _("Class"));
  kns_ui_status_page_skip_focus (self->empty_page);
  self->avatar_size = NORMAL_AVATAR_SIZE;
  self->learners = g_list_store_new (KNS_TYPE_LEARNER_OBJECT);
  self->class_filter = gtk_custom_filter_new (in_class_cb, self, NULL);
  self->shown = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->learners)),
                                           g_object_ref (GTK_FILTER (self->class_filter)));
  g_signal_connect_object (self->shown, "items-changed", G_CALLBACK (update_empty), self,
                           G_CONNECT_SWAPPED);
  gtk_flow_box_bind_model (self->tiles_box, G_LIST_MODEL (self->shown), create_tile_cb, self, NULL);
}

/* The learners the store lists, in its order, as the model's items. */
static void
set_learners (KnsSignInPage *self,
              GPtrArray     *learners)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < learners->len; i++)
    g_ptr_array_add (items, kns_learner_object_new (g_ptr_array_index (learners, i)));
  g_list_store_splice (self->learners, 0, g_list_model_get_n_items (G_LIST_MODEL (self->learners)),
                       items->pdata, items->len);
}

/**
 * kns_sign_in_page_refresh:
 *
 * Reads the learners, the classes and the running session again.
 *
 * Returns: %FALSE if the store could not be read
 */
gboolean
kns_sign_in_page_refresh (KnsSignInPage  *self,
                          KnsStore       *store,
                          GError        **error)
{
  g_autoptr(GPtrArray) learners = NULL;
  g_autoptr(KnsClassSession) session = NULL;
  g_autoptr(GtkStringList) names = NULL;
  g_auto(GStrv) classes = NULL;
  guint select = 0;

  g_return_val_if_fail (KNS_IS_SIGN_IN_PAGE (self), FALSE);
  g_return_val_if_fail (KNS_IS_STORE (store), FALSE);

  if (!(learners = kns_store_list_learners (store, NULL, FALSE, error)) ||
      !(classes = kns_store_list_classes (store, error)))
    return FALSE;
  session = kns_store_get_running_session (store, NULL);

  g_clear_pointer (&self->classes, g_strfreev);
  self->classes = g_steal_pointer (&classes);

  /* Translators: the class filter's first entry */
  names = gtk_string_list_new ((const char * const[]) { _("Every class"), NULL });
  for (guint i = 0; self->classes[i] != NULL; i++)
    {
      gtk_string_list_append (names, self->classes[i]);
      if (session != NULL && g_strcmp0 (self->classes[i], session->class_label) == 0)
        select = i + 1;
    }

  self->filling = TRUE;
  gtk_drop_down_set_model (self->class_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->class_dropdown, select);
  self->filling = FALSE;
  gtk_widget_set_visible (self->filter_box, self->classes[0] != NULL && !self->anonymous);

  show_session (self, session);
  /* Every tile anew, filtered by the class now chosen. */
  set_learners (self, learners);
  update_empty (self);
  return TRUE;
}

/**
 * kns_sign_in_page_set_anonymous:
 *
 * In a lab set up for anonymous use only, nobody signs up: every child
 * learns as a guest, and only counts are kept.
 */
void
kns_sign_in_page_set_anonymous (KnsSignInPage *self,
                                gboolean       anonymous)
{
  g_return_if_fail (KNS_IS_SIGN_IN_PAGE (self));

  self->anonymous = anonymous;
  gtk_widget_set_visible (self->new_button, !anonymous);
  gtk_label_set_text (self->subtitle_label,
                      anonymous ? _("Press “Try without a name” to start. Nothing about you is kept.")
                                : _("Find your picture and press it. New here? Press “I am new”."));
  if (anonymous)
    gtk_widget_add_css_class (self->guest_button, "suggested-action");
  else
    gtk_widget_remove_css_class (self->guest_button, "suggested-action");
}

/* Shows one class's learners, or everyone's for %NULL. */
void
kns_sign_in_page_set_class_filter (KnsSignInPage *self,
                                   const char    *class_label)
{
  guint select = 0;

  g_return_if_fail (KNS_IS_SIGN_IN_PAGE (self));

  for (guint i = 0; class_label != NULL && self->classes && self->classes[i]; i++)
    if (g_strcmp0 (self->classes[i], class_label) == 0)
      select = i + 1;
  gtk_drop_down_set_selected (self->class_dropdown, select);
}

/**
 * kns_sign_in_page_set_wide:
 *
 * On a big screen, bigger pictures and a wider page.
 */
void
kns_sign_in_page_set_wide (KnsSignInPage *self,
                           gboolean       wide)
{
  g_return_if_fail (KNS_IS_SIGN_IN_PAGE (self));

  self->avatar_size = wide ? WIDE_AVATAR_SIZE : NORMAL_AVATAR_SIZE;
  adw_clamp_set_maximum_size (self->clamp, wide ? 1600 : 1100);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->tiles_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (KNS_IS_LEARNER_TILE (child))
      kns_learner_tile_set_avatar_size (KNS_LEARNER_TILE (child), self->avatar_size);
}

/**
 * kns_sign_in_page_get_tile:
 *
 * Returns: (transfer none) (nullable): the button of @learner_id, if shown
 */
GtkWidget *
kns_sign_in_page_get_tile (KnsSignInPage *self,
                           gint64         learner_id)
{
  g_return_val_if_fail (KNS_IS_SIGN_IN_PAGE (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->tiles_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (KNS_IS_LEARNER_TILE (child) &&
        kns_learner_tile_get_learner (KNS_LEARNER_TILE (child))->id == learner_id)
      return kns_learner_tile_get_button (KNS_LEARNER_TILE (child));
  return NULL;
}

guint
kns_sign_in_page_get_n_tiles (KnsSignInPage *self)
{
  g_return_val_if_fail (KNS_IS_SIGN_IN_PAGE (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->shown));
}
