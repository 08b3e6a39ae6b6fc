/* test-class-dashboard.c — a class halfway through the course, as the
 * teacher sees it in teacher mode, at 1920×1080
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
 * Eight pupils of class 4A have read, answered and got things wrong in
 * the bundled tier-2 lessons. The dashboard must show all of them, each
 * lesson's figures and the hardest questions; its screenshot is the one
 * the AppStream metainfo shows (data/screenshots/teacher-dashboard.png).
 */

#include "kns-config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "kns-dashboard.h"
#include "kns-dashboard-panel.h"
#include "kns-teacher.h"
#include "kns-teacher-page.h"
#include "kns-test-util.h"
#include "kns-window.h"

#define PIN "246810"
#define GRADE 4

static const struct
{
  const char *nickname;
  const char *avatar;
  guint       n_lessons; /* how far in the tier they went */
} pupils[] = {
  { "Cá Heo 3", "dolphin", 6 },
  { "Cú Mèo 2", "owl", 5 },
  { "Ếch Xanh", "frog", 2 },
  { "Gấu Nâu 5", "bear", 4 },
  { "Mèo Con 4", "cat", 6 },
  { "Rùa Chậm 9", "turtle", 1 },
  { "Sư Tử 7", "lion", 3 },
  { "Thỏ Ngọc", "rabbit", 5 },
};

typedef struct
{
  char      *dir;
  KnsStore  *store;
  KnsCourse *course;
  KnsWindow *window;
} Fixture;

/* Pupil @p's answer to question @q: mostly right, never all the same. */
static gboolean
answers_right (guint p,
               guint q)
{
  return (p * 7 + q * 3) % 5 != 0;
}

static void
take_quiz (Fixture   *f,
           gint64     learner,
           KnsLesson *lesson,
           guint      p)
{
  KnsQuiz *quiz = kns_lesson_get_quiz (lesson);
  guint n = kns_quiz_get_n_questions (quiz);
  g_autoptr(KnsAttempt) attempt = NULL;
  g_autoptr(KnsAttempt) finished = NULL;

  attempt = kns_store_start_attempt (f->store, learner, kns_lesson_get_id (lesson),
                                     kns_lesson_get_version (lesson), kns_lesson_get_tier (lesson),
                                     n, NULL);
  g_assert_nonnull (attempt);
  for (guint q = 0; q < n; q++)
    {
      KnsQuestion *question = kns_quiz_get_question (quiz, q);
      gboolean right = answers_right (p, q);
      guint32 wrong_mask = kns_question_all_options (question) & ~question->correct_mask;
      /* Wrong means the first wrong option. */
      guint32 chosen = right || wrong_mask == 0 ? question->correct_mask : (wrong_mask & -wrong_mask);

      g_assert_true (kns_store_record_answer (f->store, attempt->id, question->id, chosen,
                                              kns_question_is_correct (question, chosen), NULL));
    }
  finished = kns_store_finish_attempt (f->store, attempt->id, 70, NULL);
  g_assert_nonnull (finished);
}

/* Pupil @p reads the first lessons of the tier and takes their quizzes;
 * scenarios stay unplayed. */
static void
follow_course (Fixture *f,
               KnsTier *tier,
               guint    p)
{
  g_autoptr(KnsLearner) learner = kns_store_add_learner (f->store, pupils[p].nickname, "4A", GRADE,
                                                         pupils[p].avatar, KNS_SEX_UNSTATED, NULL);
  guint done = 0;

  g_assert_nonnull (learner);
  for (guint i = 0; i < kns_tier_get_n_lessons (tier) && done < pupils[p].n_lessons; i++)
    {
      KnsLesson *lesson = kns_tier_get_lesson (tier, i);

      if (kns_lesson_get_scenario (lesson) != NULL)
        continue;
      if (kns_lesson_get_quiz (lesson) != NULL)
        take_quiz (f, learner->id, lesson, p);
      else
        g_assert_true (kns_store_complete_reading (f->store, learner->id, kns_lesson_get_id (lesson),
                                                   kns_lesson_get_version (lesson),
                                                   kns_lesson_get_tier (lesson), NULL));
      done++;
    }
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *content = g_test_build_filename (G_TEST_DIST, "..", "content", "vi", NULL);
  KnsTier *tier;

  f->dir = g_dir_make_tmp ("kns-class-dashboard-XXXXXX", &error);
  g_assert_no_error (error);
  f->store = kns_store_open (f->dir, &error);
  g_assert_no_error (error);
  f->course = kns_course_load (content, NULL, NULL);
  g_assert_nonnull (f->course);
  g_assert_true (kns_teacher_set_setup (f->store, KNS_SETUP_LAB, NULL));
  g_assert_true (kns_teacher_set_pin (f->store, PIN, NULL));

  tier = kns_course_get_tier_for_grade (f->course, GRADE);
  g_assert_nonnull (tier);
  for (guint p = 0; p < G_N_ELEMENTS (pupils); p++)
    follow_course (f, tier, p);

  f->window = kns_test_window_new (f->store, f->course, NULL, 1920, 1080);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->course);
  g_clear_object (&f->store);
  kns_test_remove_tree (f->dir);
  g_free (f->dir);
}

static AdwMessageDialog *
find_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static void
test_class_dashboard (Fixture       *f,
                      gconstpointer  data)
{
  KnsTeacherPage *teacher = KNS_TEACHER_PAGE (kns_window_get_page (f->window, "teacher"));
  AdwMessageDialog *dialog;
  KnsDashboard *dashboard;
  guint n_done_by_all = 0;

  kns_test_click (kns_test_find_button (GTK_WIDGET (f->window), _("Teacher")));
  WAIT_FOR ((dialog = find_dialog ()) != NULL);
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), PIN);
  adw_message_dialog_response (dialog, "unlock");
  WAIT_FOR (g_strcmp0 (kns_screen_to_string (kns_window_get_screen (f->window)), "teacher") == 0);

  kns_teacher_page_set_panel (teacher, "dashboard");
  dashboard = kns_dashboard_panel_get_dashboard (KNS_DASHBOARD_PANEL (kns_teacher_page_get_panel (teacher, "dashboard")));
  g_assert_nonnull (dashboard);

  /* The whole class, a lesson everyone finished, and the questions
   * pupils got wrong. */
  g_assert_cmpstr (dashboard->class_label, ==, "4A");
  g_assert_cmpuint (dashboard->learners->len, ==, G_N_ELEMENTS (pupils));
  for (guint l = 0; l < dashboard->lessons->len; l++)
    if (dashboard->summaries[l].n_done == G_N_ELEMENTS (pupils))
      n_done_by_all++;
  g_assert_cmpuint (n_done_by_all, >=, 1);
  g_assert_cmpuint (dashboard->hard_questions->len, >, 0);

  kns_test_spin (200);
  kns_test_screenshot (GTK_WIDGET (f->window), "50-class-dashboard");
}

int
main (int   argc,
      char *argv[])
{
  kns_test_use_vietnamese ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/kns/class-dashboard/halfway", Fixture, NULL,
              fixture_set_up, test_class_dashboard, fixture_tear_down);

  return g_test_run ();
}
