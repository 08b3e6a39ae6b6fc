/* kns-window-lessons.c — opening and leaving lessons, quizzes and scenarios
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
 * The window's actions for what a signed-in child opens: a lesson, its
 * quiz (again), its results, a scenario, another class's lessons, and
 * home again. The age gate is here too, the one place that decides
 * which classes' lessons a child may open.
 */

#define G_LOG_DOMAIN "kns-window"

#include "kns-config.h"

#include <glib/gi18n.h>

#include "kns-ui-util.h"
#include "kns-window-private.h"

/* The highest grade whose lessons the signed-in child may open: their
 * own, or any when the teacher allows it (the GSettings key
 * allow-higher-tiers). A grade-1 child never lands in the lessons on
 * sextortion by a click or by any other way. */
guint
kns_window_max_open_grade (KnsWindow *self)
{
  if (self->learner == NULL)
    return 0;
  return self->allow_higher_tiers ? G_MAXUINT : self->learner->grade;
}

gboolean
kns_window_may_open_tier (KnsWindow *self,
                          KnsTier   *tier)
{
  return tier == NULL || kns_tier_get_grade_min (tier) <= kns_window_max_open_grade (self);
}

static gboolean
may_open_lesson (KnsWindow *self,
                 KnsLesson *lesson)
{
  return kns_window_may_open_tier (self, kns_course_get_lesson_tier (self->course, lesson));
}

/* Said when an older class's lesson is asked for anyway. */
void
kns_window_refuse_older (KnsWindow *self)
{
  /* Translators: a child asked for a lesson of older classes, which the teacher has not allowed */
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (_("These lessons are for older pupils. Ask your "
                                                "teacher if you want to see them.")));
}

static void
open_lesson_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  KnsWindow *self = KNS_WINDOW (widget);
  KnsLesson *lesson = kns_course_lookup_lesson (self->course, g_variant_get_string (parameter, NULL));
  g_autoptr(KnsProgress) progress = NULL;
  g_autoptr(GError) error = NULL;
  gboolean same_version;

  if (lesson == NULL)
    return;
  if (!may_open_lesson (self, lesson))
    {
      kns_window_refuse_older (self);
      return;
    }
  /* The "continue" card and any other caller may name a scenario. */
  if (kns_lesson_get_scenario (lesson) != NULL)
    {
      gtk_widget_activate_action_variant (widget, "win.open-scenario", parameter);
      return;
    }

  progress = kns_store_get_progress (self->store, self->learner->id, kns_lesson_get_id (lesson), &error);
  if (progress == NULL)
    {
      kns_report_error (widget, error);
      return;
    }

  g_set_object (&self->lesson, lesson);
  same_version = g_strcmp0 (progress->lesson_version, kns_lesson_get_version (lesson)) == 0;

  /* A quiz left half-done resumes at its next unanswered question. */
  if (progress->state == KNS_LESSON_QUIZ && same_version && kns_lesson_get_quiz (lesson) != NULL)
    {
      kns_window_show_screen (self, KNS_SCREEN_LESSON);
      gtk_widget_activate_action (widget, "win.start-quiz", NULL);
      return;
    }

  kns_lesson_view_show (self->lesson_view, self->store, self->learner->id, lesson,
                        progress->state == KNS_LESSON_READING && same_version ? progress->position : 0);
  kns_window_show_screen (self, KNS_SCREEN_LESSON);
}

static guint
lesson_tier (KnsWindow *self)
{
  KnsTier *tier = kns_course_get_lesson_tier (self->course, self->lesson);

  return tier != NULL ? kns_tier_get_id (tier) : kns_lesson_get_tier (self->lesson);
}

/* A scenario resumes its open run, if any, else shows its first scene. */
static void
open_scenario_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  KnsWindow *self = KNS_WINDOW (widget);
  KnsLesson *lesson = kns_course_lookup_lesson (self->course, g_variant_get_string (parameter, NULL));
  g_autoptr(GError) error = NULL;

  if (lesson == NULL || kns_lesson_get_scenario (lesson) == NULL)
    return;
  if (!may_open_lesson (self, lesson))
    {
      kns_window_refuse_older (self);
      return;
    }

  g_set_object (&self->lesson, lesson);
  /* Shown first, so that an error dialog has the scenario behind it. */
  kns_window_show_screen (self, KNS_SCREEN_SCENARIO);
  if (!kns_scenario_view_start (self->scenario_view, self->store, self->learner->id, lesson,
                                lesson_tier (self), &error))
    {
      kns_report_error (widget, error);
      kns_window_show_home (self, kns_window_own_tier (self));
    }
}

static void
start_quiz (KnsWindow *self)
{
  g_autoptr(GError) error = NULL;

  kns_lesson_view_save_position (self->lesson_view);
  kns_lesson_view_clear (self->lesson_view);
  /* The quiz view may jump straight to results, when a crash came
   * after the last answer; show the quiz first so that wins. */
  kns_window_show_screen (self, KNS_SCREEN_QUIZ);
  if (!kns_quiz_view_start (self->quiz_view, self->store, self->learner->id, self->lesson,
                            lesson_tier (self), self->pass_mark, &error))
    {
      kns_report_error (GTK_WIDGET (self), error);
      kns_window_show_home (self, kns_window_own_tier (self));
    }
}

static void
start_quiz_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  KnsWindow *self = KNS_WINDOW (widget);

  if (self->lesson == NULL)
    return;
  start_quiz (self);
}

/* "Try again" on the card of a quiz not passed yet: a new attempt. */
static void
retake_quiz_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  KnsWindow *self = KNS_WINDOW (widget);
  KnsLesson *lesson = kns_course_lookup_lesson (self->course, g_variant_get_string (parameter, NULL));

  if (lesson == NULL || kns_lesson_get_quiz (lesson) == NULL)
    return;
  if (!may_open_lesson (self, lesson))
    {
      kns_window_refuse_older (self);
      return;
    }
  g_set_object (&self->lesson, lesson);
  start_quiz (self);
}

static void
finish_lesson_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  KnsWindow *self = KNS_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->lesson == NULL)
    return;

  if (!kns_store_complete_reading (self->store, self->learner->id, kns_lesson_get_id (self->lesson),
                                   kns_lesson_get_version (self->lesson), lesson_tier (self), &error))
    {
      kns_report_error (widget, error);
      return;
    }

  kns_lesson_view_clear (self->lesson_view);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Lesson finished. Well done!")));
  kns_window_show_home (self, kns_window_own_tier (self));
}

static void
show_results_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  KnsWindow *self = KNS_WINDOW (widget);
  g_autoptr(KnsAttempt) attempt = NULL;
  g_autoptr(GError) error = NULL;

  attempt = kns_store_get_attempt (self->store, g_variant_get_int64 (parameter), &error);
  if (attempt == NULL)
    {
      kns_report_error (widget, error);
      return;
    }

  kns_quiz_view_clear (self->quiz_view);
  kns_results_view_show (self->results_view, self->lesson, attempt, self->pass_mark);
  kns_window_show_screen (self, KNS_SCREEN_RESULTS);
}

static void
go_home_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  KnsWindow *self = KNS_WINDOW (widget);
  g_autoptr(KnsLesson) left = g_steal_pointer (&self->lesson);

  if (self->screen == KNS_SCREEN_LESSON)
    kns_lesson_view_save_position (self->lesson_view);
  kns_lesson_view_clear (self->lesson_view);
  kns_quiz_view_clear (self->quiz_view);
  kns_results_view_clear (self->results_view);
  kns_scenario_view_clear (self->scenario_view);
  kns_window_show_home (self, kns_window_own_tier (self));
  /* The child finds their place again: the card of what they left. */
  if (left != NULL)
    kns_home_page_focus_lesson (self->home_page, kns_lesson_get_id (left));
  else
    kns_home_page_focus_top (self->home_page);
}

static void
show_tier_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  KnsWindow *self = KNS_WINDOW (widget);

  kns_window_show_home (self, g_variant_get_uint32 (parameter));
  /* A new list: from its top, not where the tier's button was. */
  kns_home_page_focus_top (self->home_page);
}

void
kns_window_lessons_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open-lesson", "s", open_lesson_activated);
  gtk_widget_class_install_action (widget_class, "win.open-scenario", "s", open_scenario_activated);
  gtk_widget_class_install_action (widget_class, "win.start-quiz", NULL, start_quiz_activated);
  gtk_widget_class_install_action (widget_class, "win.finish-lesson", NULL, finish_lesson_activated);
  gtk_widget_class_install_action (widget_class, "win.show-results", "x", show_results_activated);
  gtk_widget_class_install_action (widget_class, "win.retry-quiz", NULL, start_quiz_activated);
  gtk_widget_class_install_action (widget_class, "win.retake-quiz", "s", retake_quiz_activated);
  gtk_widget_class_install_action (widget_class, "win.go-home", NULL, go_home_activated);
  gtk_widget_class_install_action (widget_class, "win.show-tier", "u", show_tier_activated);
}
