/* kns-window.c
 *
 * Copyright 2026 The Kỹ năng số authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kns-window"

#include "kns-config.h"

#include <glib/gi18n.h>

#include "kns-content-check.h"
#include "kns-window.h"

struct _KnsWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  GtkStack             *stack;
  AdwPreferencesPage   *course_page;

  /* Owned */
  KnsCourse            *course;
  GPtrArray            *groups; /* AdwPreferencesGroup added to course_page */
};

G_DEFINE_FINAL_TYPE (KnsWindow, kns_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_COURSE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
new_row (const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* Lesson titles are text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  return row;
}

static void
add_group (KnsWindow *self,
           GtkWidget *group)
{
  adw_preferences_page_add (self->course_page, ADW_PREFERENCES_GROUP (group));
  g_ptr_array_add (self->groups, group);
}

static GtkWidget *
build_tier_group (KnsTier *tier)
{
  GtkWidget *group = adw_preferences_group_new ();
  guint n_lessons = kns_tier_get_n_lessons (tier);
  g_autofree char *description = NULL;

  description = g_strdup_printf (ngettext ("%u lesson", "%u lessons", n_lessons), n_lessons);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), kns_tier_get_title (tier));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);

  for (guint i = 0; i < n_lessons; i++)
    {
      KnsLesson *lesson = kns_tier_get_lesson (tier, i);
      KnsQuiz *quiz = kns_lesson_get_quiz (lesson);
      guint minutes = kns_lesson_get_minutes (lesson);
      g_autofree char *duration = NULL;
      g_autofree char *subtitle = NULL;

      duration = g_strdup_printf (ngettext ("%u minute", "%u minutes", minutes), minutes);
      if (quiz != NULL)
        {
          guint n = kns_quiz_get_n_questions (quiz);
          g_autofree char *questions = NULL;

          questions = g_strdup_printf (ngettext ("%u question", "%u questions", n), n);
          /* Translators: a lesson's length and its quiz, "10 minutes · 6 questions" */
          subtitle = g_strdup_printf (_("%s · %s"), duration, questions);
        }
      else
        subtitle = g_steal_pointer (&duration);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 new_row (kns_lesson_get_title (lesson), subtitle));
    }

  return group;
}

static GtkWidget *
build_problems_group (KnsCourse *course)
{
  GPtrArray *diagnostics = kns_course_get_diagnostics (course);
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *summary = kns_content_check_summary (course);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                   _("Problems in the lessons"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), summary);

  for (guint i = 0; i < diagnostics->len; i++)
    {
      KnsDiagnostic *diagnostic = g_ptr_array_index (diagnostics, i);
      g_autofree char *where = NULL;
      GtkWidget *row;

      where = diagnostic->line > 0 ? g_strdup_printf ("%s:%u", diagnostic->file, diagnostic->line)
                                   : g_strdup (diagnostic->file);
      row = new_row (diagnostic->message, where);
      gtk_widget_add_css_class (row, diagnostic->severity == KNS_SEVERITY_ERROR
                                       ? "diagnostic-error" : "diagnostic-warning");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  return group;
}

static void
rebuild (KnsWindow *self)
{
  GPtrArray *tiers;

  for (guint i = 0; i < self->groups->len; i++)
    adw_preferences_page_remove (self->course_page, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);

  if (self->course == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "loading");
      return;
    }

  if (kns_course_get_diagnostics (self->course)->len > 0)
    add_group (self, build_problems_group (self->course));

  tiers = kns_course_get_tiers (self->course);
  for (guint i = 0; i < tiers->len; i++)
    add_group (self, build_tier_group (g_ptr_array_index (tiers, i)));

  if (kns_course_get_title (self->course) != NULL)
    adw_window_title_set_title (self->window_title, kns_course_get_title (self->course));
  gtk_stack_set_visible_child_name (self->stack, "course");
}

static void
kns_window_dispose (GObject *object)
{
  KnsWindow *self = (KnsWindow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), KNS_TYPE_WINDOW);
  g_clear_object (&self->course);
  g_clear_pointer (&self->groups, g_ptr_array_unref);

  G_OBJECT_CLASS (kns_window_parent_class)->dispose (object);
}

static void
kns_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  KnsWindow *self = KNS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_COURSE:
      g_value_set_object (value, self->course);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kns_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  KnsWindow *self = KNS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_COURSE:
      kns_window_set_course (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kns_window_class_init (KnsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kns_window_dispose;
  object_class->get_property = kns_window_get_property;
  object_class->set_property = kns_window_set_property;

  properties[PROP_COURSE] =
    g_param_spec_object ("course", NULL, NULL, KNS_TYPE_COURSE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/kns-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KnsWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, KnsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, KnsWindow, course_page);
}

static void
kns_window_init (KnsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->groups = g_ptr_array_new ();
}

KnsWindow *
kns_window_new (KnsApplication *application)
{
  return g_object_new (KNS_TYPE_WINDOW, "application", application, NULL);
}

void
kns_window_set_course (KnsWindow *self,
                       KnsCourse *course)
{
  g_return_if_fail (KNS_IS_WINDOW (self));
  g_return_if_fail (course == NULL || KNS_IS_COURSE (course));

  if (!g_set_object (&self->course, course))
    return;

  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COURSE]);
}

KnsCourse *
kns_window_get_course (KnsWindow *self)
{
  g_return_val_if_fail (KNS_IS_WINDOW (self), NULL);
  return self->course;
}
