/* kns-parents-view.c — the parents' page, at home
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
 * Reached from the sign-in screen at home, where there is no PIN: each
 * child's progress on this computer (and their certificate once a tier's
 * lessons are done), then parents.md with, under "what each class
 * learns", the tips for parents of every tier's lessons. Printable.
 */

#define G_LOG_DOMAIN "kns-parents-view"

#include "kns-config.h"

#include <glib/gi18n.h>

#include "kns-block-view.h"
#include "kns-kit-print.h"
#include "kns-parents-view.h"
#include "kns-ui-util.h"

struct _KnsParentsView
{
  AdwBin               parent_instance;

  GtkScrolledWindow   *scroller;
  GtkLabel            *title_label;
  AdwPreferencesGroup *progress_group;
  GtkBox              *content;

  GPtrArray           *progress_rows;
  KnsCourse           *course;
  KnsStore            *store;
  guint                pass_mark;
};

G_DEFINE_FINAL_TYPE (KnsParentsView, kns_parents_view, ADW_TYPE_BIN)

static void
print_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  KnsParentsView *self = KNS_PARENTS_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;

  if (self->course == NULL)
    return;
  pdf = kns_kit_parents_pdf (self->course, self->store, self->pass_mark, &error);
  if (pdf == NULL)
    {
      kns_report_error (widget, error);
      return;
    }
  kns_kit_save_pdf (widget, pdf, _("for-parents.pdf"));
}

static void
certificate_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  KnsParentsView *self = KNS_PARENTS_VIEW (widget);
  KnsTier *tier = self->course ? kns_course_get_tier (self->course, g_variant_get_uint32 (parameter))
                               : NULL;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (tier == NULL || kns_tier_get_pledge (tier) == NULL)
    return;
  gtk_window_present (GTK_WINDOW (kns_kit_certificate_dialog_new (GTK_WINDOW (root), tier, NULL)));
}

static void
clear (KnsParentsView *self)
{
  GtkWidget *child;

  for (guint i = 0; i < self->progress_rows->len; i++)
    adw_preferences_group_remove (self->progress_group, g_ptr_array_index (self->progress_rows, i));
  g_ptr_array_set_size (self->progress_rows, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content))) != NULL)
    gtk_box_remove (self->content, child);
}

static void
add_progress_row (KnsParentsView *self,
                  GtkWidget      *row)
{
  adw_preferences_group_add (self->progress_group, row);
  g_ptr_array_add (self->progress_rows, row);
}

static void
fill_progress (KnsParentsView *self)
{
  g_autoptr(GPtrArray) learners = kns_store_list_learners (self->store, NULL, FALSE, NULL);

  for (guint i = 0; learners != NULL && i < learners->len; i++)
    {
      KnsLearner *learner = g_ptr_array_index (learners, i);
      KnsTier *tier = kns_course_get_tier_for_grade (self->course, learner->grade);
      g_autofree char *progress = NULL;
      g_autoptr(GdkPaintable) picture = NULL;
      GtkWidget *row, *avatar;
      gboolean finished;

      if (learner->kind != KNS_LEARNER_PROFILE || tier == NULL)
        continue;
      progress = kns_kit_describe_progress (self->course, self->store, learner, self->pass_mark,
                                            &finished);
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), learner->nickname);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), progress);
      avatar = adw_avatar_new (40, learner->nickname, FALSE);
      picture = kns_avatar_paintable_new (learner->avatar);
      adw_avatar_set_custom_image (ADW_AVATAR (avatar), picture);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), avatar);
      if (finished && kns_tier_get_pledge (tier) != NULL)
        {
          /* Translators: prints a child's certificate, on the parents' page */
          GtkWidget *button = gtk_button_new_with_label (_("Certificate…"));

          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (button, "suggested-action");
          gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "parents.certificate");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", kns_tier_get_id (tier));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
      add_progress_row (self, row);
    }

  if (self->progress_rows->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("No child has started yet. On the first screen, your child "
                                       "picks a picture and a nickname."));
      add_progress_row (self, row);
    }
}

static GtkWidget *
bullet_new (const char *text)
{
  g_autofree char *line = g_strdup_printf ("•  %s", text);
  GtkWidget *label = kns_ui_wrapped_label_new (line);

  gtk_widget_set_margin_start (label, 12);
  return label;
}

static void
fill_page (KnsParentsView *self)
{
  KnsParentsPage *page = kns_course_get_parents (self->course);
  GPtrArray *tiers = kns_course_get_tiers (self->course);

  gtk_label_set_text (self->title_label, page != NULL ? page->title : _("For parents"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "parents.print", page != NULL);
  if (page == NULL)
    return;

  for (guint i = 0; i < page->sections->len; i++)
    {
      KnsPlanSection *section = g_ptr_array_index (page->sections, i);
      g_autofree char *markup = g_markup_escape_text (section->title, -1);
      GtkWidget *blocks = kns_block_view_new ();

      gtk_box_append (self->content, kns_ui_heading_new (markup, "title-2"));
      kns_block_view_set_blocks (KNS_BLOCK_VIEW (blocks), section->blocks);
      gtk_box_append (self->content, blocks);
      if (i != 0)
        continue;
      for (guint t = 0; t < tiers->len; t++)
        {
          KnsTier *tier = g_ptr_array_index (tiers, t);
          g_autoptr(GPtrArray) tips = kns_kit_parent_tips (tier);
          g_autofree char *heading = NULL;

          if (tips->len == 0)
            continue;
          heading = g_markup_escape_text (kns_tier_get_title (tier), -1);
          gtk_box_append (self->content, kns_ui_heading_new (heading, "title-4"));
          for (guint j = 0; j < tips->len; j++)
            gtk_box_append (self->content, bullet_new (g_ptr_array_index (tips, j)));
        }
    }
}

static void
kns_parents_view_dispose (GObject *object)
{
  KnsParentsView *self = KNS_PARENTS_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), KNS_TYPE_PARENTS_VIEW);
  g_clear_pointer (&self->progress_rows, g_ptr_array_unref);
  g_clear_object (&self->course);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kns_parents_view_parent_class)->dispose (object);
}

static void
kns_parents_view_class_init (KnsParentsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kns_parents_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/kns-parents-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KnsParentsView, title_label);
  gtk_widget_class_bind_template_child (widget_class, KnsParentsView, progress_group);
  gtk_widget_class_bind_template_child (widget_class, KnsParentsView, content);
  gtk_widget_class_install_action (widget_class, "parents.print", NULL, print_activated);
  gtk_widget_class_install_action (widget_class, "parents.certificate", "u", certificate_activated);
}

static void
kns_parents_view_init (KnsParentsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The bin's own child: AdwBin lets go of it, not the template. */
  self->scroller = GTK_SCROLLED_WINDOW (adw_bin_get_child (ADW_BIN (self)));
  self->progress_rows = g_ptr_array_new ();
}

/**
 * kns_parents_view_show:
 * @pass_mark: what passing a lesson's quiz takes
 *
 * Reads the page and every child's progress again.
 */
void
kns_parents_view_show (KnsParentsView *self,
                       KnsCourse      *course,
                       KnsStore       *store,
                       guint           pass_mark)
{
  g_return_if_fail (KNS_IS_PARENTS_VIEW (self));
  g_return_if_fail (KNS_IS_COURSE (course) && KNS_IS_STORE (store));

  g_set_object (&self->course, course);
  g_set_object (&self->store, store);
  self->pass_mark = pass_mark;
  clear (self);
  fill_progress (self);
  fill_page (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

GtkWidget *
kns_parents_view_get_progress (KnsParentsView *self)
{
  g_return_val_if_fail (KNS_IS_PARENTS_VIEW (self), NULL);
  return GTK_WIDGET (self->progress_group);
}
