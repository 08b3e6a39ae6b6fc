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

#include "kns-sign-in-page.h"
#include "kns-ui-util.h"

struct _KnsSignInPage
{
  AdwBin         parent_instance;

  /* Template widgets */
  GtkLabel      *session_label;
  GtkLabel      *subtitle_label;
  GtkWidget     *new_button;
  GtkWidget     *guest_button;
  GtkWidget     *filter_box;
  GtkDropDown   *class_dropdown;
  GtkFlowBox    *tiles_box;
  GtkWidget     *empty_page;

  /* Owned */
  GPtrArray     *learners; /* KnsLearner */
  GStrv          classes;
  GHashTable    *tiles;    /* learner id → GtkButton (borrowed) */
  gboolean       filling;
  gboolean       anonymous;
};

G_DEFINE_FINAL_TYPE (KnsSignInPage, kns_sign_in_page, ADW_TYPE_BIN)

static GtkWidget *
tile_new (const KnsLearner *learner)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *avatar = adw_avatar_new (80, learner->nickname, TRUE);
  GtkWidget *name = gtk_label_new (learner->nickname);
  g_autoptr(GdkPaintable) picture = kns_avatar_paintable_new (learner->avatar);
  g_autofree char *accessible = NULL;

  adw_avatar_set_custom_image (ADW_AVATAR (avatar), picture);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (name), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_justify (GTK_LABEL (name), GTK_JUSTIFY_CENTER);
  gtk_label_set_max_width_chars (GTK_LABEL (name), 12);
  gtk_label_set_lines (GTK_LABEL (name), 2);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), avatar);
  gtk_box_append (GTK_BOX (box), name);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "learner-tile");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.sign-in");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", learner->id);

  accessible = *learner->class_label
    /* Translators: a sign-in picture as a screen reader says it: "Mèo Con 7, class 3A" */
    ? g_strdup_printf (_("%s, class %s"), learner->nickname, learner->class_label)
    : g_strdup (learner->nickname);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  return button;
}

static const char *
selected_class (KnsSignInPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->class_dropdown);

  /* Item 0 is "every class". */
  if (selected == GTK_INVALID_LIST_POSITION || selected == 0 || self->classes == NULL)
    return NULL;
  return self->classes[selected - 1];
}

static void
fill_tiles (KnsSignInPage *self)
{
  const char *class_label = selected_class (self);
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tiles_box))) != NULL)
    gtk_flow_box_remove (self->tiles_box, child);
  g_hash_table_remove_all (self->tiles);

  for (guint i = 0; self->learners != NULL && i < self->learners->len; i++)
    {
      KnsLearner *learner = g_ptr_array_index (self->learners, i);
      GtkWidget *tile;

      if (class_label != NULL && g_strcmp0 (learner->class_label, class_label) != 0)
        continue;
      tile = tile_new (learner);
      gtk_flow_box_append (self->tiles_box, tile);
      g_hash_table_insert (self->tiles, g_memdup2 (&learner->id, sizeof learner->id), tile);
      shown++;
    }

  gtk_widget_set_visible (self->empty_page, shown == 0 && !self->anonymous);
  gtk_widget_set_visible (GTK_WIDGET (self->tiles_box), !self->anonymous);
}

static void
class_selected_cb (KnsSignInPage *self)
{
  if (!self->filling)
    fill_tiles (self);
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
  g_clear_pointer (&self->learners, g_ptr_array_unref);
  g_clear_pointer (&self->classes, g_strfreev);
  g_clear_pointer (&self->tiles, g_hash_table_unref);

  G_OBJECT_CLASS (kns_sign_in_page_parent_class)->dispose (object);
}

static void
kns_sign_in_page_class_init (KnsSignInPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kns_sign_in_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/kns-sign-in-page.ui");
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
  self->tiles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
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

  g_clear_pointer (&self->learners, g_ptr_array_unref);
  self->learners = g_steal_pointer (&learners);
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
  fill_tiles (self);
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
 * kns_sign_in_page_get_tile:
 *
 * Returns: (transfer none) (nullable): the button of @learner_id, if shown
 */
GtkWidget *
kns_sign_in_page_get_tile (KnsSignInPage *self,
                           gint64         learner_id)
{
  g_return_val_if_fail (KNS_IS_SIGN_IN_PAGE (self), NULL);
  return g_hash_table_lookup (self->tiles, &learner_id);
}

guint
kns_sign_in_page_get_n_tiles (KnsSignInPage *self)
{
  g_return_val_if_fail (KNS_IS_SIGN_IN_PAGE (self), 0);
  return g_hash_table_size (self->tiles);
}
