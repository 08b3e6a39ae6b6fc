/* kns-plan-window.c — a teacher's session plan, to read and to print
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
 * Opened from teacher mode: the plan's sections with their minutes, as
 * the checker accepted them, and a button that saves the same as a PDF.
 */

#define G_LOG_DOMAIN "kns-plan-window"

#include "kns-config.h"

#include <glib/gi18n.h>

#include "kns-block-view.h"
#include "kns-kit-print.h"
#include "kns-plan-window.h"
#include "kns-ui-util.h"

struct _KnsPlanWindow
{
  AdwWindow  parent_instance;

  GtkBox    *content;
  GtkLabel  *title_label;
  GtkLabel  *subtitle_label;

  KnsCourse *course;
  KnsPlan   *plan;
};

G_DEFINE_FINAL_TYPE (KnsPlanWindow, kns_plan_window, ADW_TYPE_WINDOW)

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  KnsPlanWindow *self = KNS_PLAN_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = kns_kit_plan_pdf (self->plan, self->course, &error);
  g_autofree char *name = NULL;

  if (pdf == NULL)
    {
      kns_report_error (widget, error);
      return;
    }
  /* Translators: the file name offered for a session plan; no spaces */
  name = g_strdup_printf (_("session-plan-tier-%u.pdf"), self->plan->tier);
  kns_kit_save_pdf (GTK_WIDGET (self->content), pdf, name);
}

static void
add_blocks (KnsPlanWindow *self,
            GPtrArray     *blocks)
{
  GtkWidget *view = kns_block_view_new ();

  kns_block_view_set_blocks (KNS_BLOCK_VIEW (view), blocks);
  gtk_box_append (self->content, view);
}

static void
kns_plan_window_dispose (GObject *object)
{
  KnsPlanWindow *self = KNS_PLAN_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), KNS_TYPE_PLAN_WINDOW);
  g_clear_object (&self->course);
  g_clear_pointer (&self->plan, kns_plan_unref);

  G_OBJECT_CLASS (kns_plan_window_parent_class)->dispose (object);
}

static void
kns_plan_window_class_init (KnsPlanWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kns_plan_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/kns-plan-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KnsPlanWindow, content);
  gtk_widget_class_bind_template_child (widget_class, KnsPlanWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, KnsPlanWindow, subtitle_label);
  gtk_widget_class_install_action (widget_class, "plan.save", NULL, save_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kns_plan_window_init (KnsPlanWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * kns_plan_window_new:
 *
 * Returns: (transfer floating): a window showing @plan, modal to @parent
 */
GtkWidget *
kns_plan_window_new (GtkWindow *parent,
                     KnsCourse *course,
                     KnsPlan   *plan)
{
  KnsPlanWindow *self;
  g_autoptr(GString) lessons = g_string_new (NULL);
  g_autofree char *subtitle = NULL;
  KnsLesson *scenario;

  g_return_val_if_fail (KNS_IS_COURSE (course) && plan != NULL, NULL);

  self = g_object_new (KNS_TYPE_PLAN_WINDOW, "transient-for", parent, NULL);
  self->course = g_object_ref (course);
  self->plan = kns_plan_ref (plan);

  gtk_label_set_text (self->title_label, plan->title);
  for (guint i = 0; plan->lessons[i] != NULL; i++)
    {
      KnsLesson *lesson = kns_course_lookup_lesson (course, plan->lessons[i]);

      g_string_append_printf (lessons, "%s“%s”", i > 0 ? ", " : "",
                              lesson != NULL ? kns_lesson_get_title (lesson) : plan->lessons[i]);
    }
  scenario = kns_course_lookup_lesson (course, plan->scenario);
  subtitle = g_strdup_printf (_("%u minutes · Lessons on the computers: %s · Scenario played "
                                "together: “%s”"),
                              plan->minutes, lessons->str,
                              scenario != NULL ? kns_lesson_get_title (scenario) : plan->scenario);
  gtk_label_set_text (self->subtitle_label, subtitle);

  add_blocks (self, plan->intro);
  for (guint i = 0; i < plan->sections->len; i++)
    {
      KnsPlanSection *section = g_ptr_array_index (plan->sections, i);
      g_autofree char *markup = g_markup_escape_text (section->title, -1);
      GtkWidget *heading = kns_ui_heading_new (markup, "title-3");

      gtk_widget_set_margin_top (heading, 12);
      gtk_box_append (self->content, heading);
      add_blocks (self, section->blocks);
    }
  return GTK_WIDGET (self);
}
