/* test-student.c — a child's whole visit, through the real widgets
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
 * New learner → lesson → quiz with right and wrong answers → results →
 * sign out → sign back in → resume, asserting what the store holds at
 * each step. Screenshots of every screen, at 1024×768 and 1920×1080, go to
 * the test log folder (KNS_SCREENSHOT_DIR, else build/meson-logs/screenshots).
 */

#include "kns-config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>
#include <glib/gstdio.h>

#include "kns-home-page.h"
#include "kns-lesson-view.h"
#include "kns-new-learner-page.h"
#include "kns-quiz-view.h"
#include "kns-sign-in-page.h"
#include "kns-teacher.h"
#include "kns-test-util.h"
#include "kns-window.h"

typedef struct
{
  char      *data_dir;
  KnsStore  *store;
  KnsCourse *course;
  KnsWindow *window;
} Fixture;

static const char *
screen (Fixture *f)
{
  return kns_screen_to_string (kns_window_get_screen (f->window));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *content = g_test_build_filename (G_TEST_DIST, "..", "content", "vi", NULL);
  const int *size = data;

  f->data_dir = g_dir_make_tmp ("kns-student-XXXXXX", &error);
  g_assert_no_error (error);
  f->store = kns_store_open (f->data_dir, &error);
  g_assert_no_error (error);
  g_assert_true (kns_teacher_set_setup (f->store, KNS_SETUP_LAB, NULL));
  f->course = kns_course_load (content, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kns_course_get_n_errors (f->course), ==, 0);

  f->window = kns_test_window_new (f->store, f->course, NULL, size[0], size[1]);
  WAIT_FOR (g_strcmp0 (screen (f), "sign-in") == 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->course);
  g_clear_object (&f->store);
  kns_test_remove_tree (f->data_dir);
  g_free (f->data_dir);
}

static KnsLesson *
first_lesson (Fixture *f,
              guint    grade)
{
  KnsTier *tier = kns_course_get_tier_for_grade (f->course, grade);

  g_assert_nonnull (tier);
  g_assert_cmpuint (kns_tier_get_n_lessons (tier), >, 0);
  return kns_tier_get_lesson (tier, 0);
}

/* "The right answer:" as the feedback shows it, up to the answer. */
static const char *
right_answer_prefix (void)
{
  static char *prefix = NULL;

  if (prefix == NULL)
    {
      const char *format = _("The right answer:\n%s");

      prefix = g_strndup (format, strstr (format, "%s") - format);
    }
  return prefix;
}

/* A label on screen whose text starts with @prefix, or NULL. */
static GtkWidget *
shown_label_starting (GtkWidget  *root,
                      const char *prefix)
{
  if (!gtk_widget_is_drawable (root))
    return NULL;
  if (GTK_IS_LABEL (root) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (root)), prefix))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = shown_label_starting (child, prefix);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Chooses options: the right ones, or the first wrong one. */
static void
answer_question (Fixture  *f,
                 gboolean  rightly)
{
  KnsQuizView *quiz = KNS_QUIZ_VIEW (kns_window_get_page (f->window, "quiz"));
  KnsLesson *lesson = first_lesson (f, 2);
  KnsQuestion *question = kns_quiz_get_question (kns_lesson_get_quiz (lesson),
                                                 kns_quiz_view_get_question_index (quiz));

  for (guint i = 0; i < question->options->len; i++)
    {
      gboolean correct = (question->correct_mask & (1u << i)) != 0;

      if (rightly ? correct : !correct)
        {
          kns_test_click (kns_quiz_view_get_option (quiz, i));
          if (!rightly)
            break;
        }
    }
  kns_test_click (kns_test_find_button (GTK_WIDGET (quiz), _("Answer")));
}

static void
sign_up (Fixture    *f,
         const char *nickname,
         guint       grade)
{
  KnsNewLearnerPage *page = KNS_NEW_LEARNER_PAGE (kns_window_get_page (f->window, "new-learner"));

  kns_test_click (kns_test_find_button (GTK_WIDGET (f->window), _("I am new")));
  WAIT_FOR (g_strcmp0 (screen (f), "new-learner") == 0);

  /* A suggestion is there already; a real-looking name gets a warning. */
  g_assert_cmpstr (gtk_editable_get_text (kns_new_learner_page_get_nickname (page)), !=, "");
  gtk_editable_set_text (kns_new_learner_page_get_nickname (page), "Nguyễn Văn An");
  g_assert_true (kns_new_learner_page_get_name_warning_visible (page));
  gtk_editable_set_text (kns_new_learner_page_get_nickname (page), nickname);
  g_assert_false (kns_new_learner_page_get_name_warning_visible (page));

  gtk_editable_set_text (kns_new_learner_page_get_class (page), "2A");
  kns_test_click (kns_new_learner_page_get_grade_button (page, grade));
  kns_test_screenshot (GTK_WIDGET (f->window), "02-new-learner");
  kns_test_click (kns_new_learner_page_get_start_button (page));
  WAIT_FOR (g_strcmp0 (screen (f), "home") == 0);
}

static void
test_whole_visit (Fixture       *f,
                  gconstpointer  data)
{
  KnsLesson *lesson = first_lesson (f, 2);
  KnsQuiz *quiz = kns_lesson_get_quiz (lesson);
  KnsHomePage *home = KNS_HOME_PAGE (kns_window_get_page (f->window, "home"));
  KnsSignInPage *sign_in = KNS_SIGN_IN_PAGE (kns_window_get_page (f->window, "sign-in"));
  g_autoptr(GPtrArray) learners = NULL;
  g_autoptr(KnsProgress) progress = NULL;
  g_autoptr(KnsAttempt) attempt = NULL;
  gint64 learner_id;
  guint n;

  g_assert_nonnull (quiz);
  n = kns_quiz_get_n_questions (quiz);
  g_assert_cmpuint (n, >=, 3);
  kns_test_screenshot (GTK_WIDGET (f->window), "01-sign-in-empty");

  /* A new child, grade 2. */
  sign_up (f, "Mèo Con 7", 2);
  learners = kns_store_list_learners (f->store, NULL, FALSE, NULL);
  g_assert_cmpuint (learners->len, ==, 1);
  learner_id = ((KnsLearner *) g_ptr_array_index (learners, 0))->id;
  g_assert_cmpstr (((KnsLearner *) g_ptr_array_index (learners, 0))->nickname, ==, "Mèo Con 7");
  g_assert_cmpstr (((KnsLearner *) g_ptr_array_index (learners, 0))->class_label, ==, "2A");
  g_assert_cmpuint (((KnsLearner *) g_ptr_array_index (learners, 0))->grade, ==, 2);
  g_assert_cmpint (kns_window_get_learner (f->window)->id, ==, learner_id);

  /* Home offers the first lesson of the tier first. */
  g_assert_cmpstr (kns_home_page_get_continue_id (home), ==, kns_lesson_get_id (lesson));
  kns_test_screenshot (GTK_WIDGET (f->window), "03-home");

  /* The help page, from here, and back. */
  kns_test_click (kns_test_find_button (GTK_WIDGET (f->window), _("Need help?")));
  WAIT_FOR (g_strcmp0 (screen (f), "help") == 0);
  kns_test_screenshot (GTK_WIDGET (f->window), "04-help");
  kns_test_click (kns_test_find_button (GTK_WIDGET (f->window), _("Go back")));
  WAIT_FOR (g_strcmp0 (screen (f), "home") == 0);

  /* Read the lesson: the store knows it is being read. */
  kns_test_click (kns_home_page_get_lesson_card (home, kns_lesson_get_id (lesson)));
  WAIT_FOR (g_strcmp0 (screen (f), "lesson") == 0);
  kns_test_screenshot (GTK_WIDGET (f->window), "05-lesson");
  progress = kns_store_get_progress (f->store, learner_id, kns_lesson_get_id (lesson), NULL);
  g_assert_cmpint (progress->state, ==, KNS_LESSON_READING);
  g_assert_cmpstr (progress->lesson_version, ==, kns_lesson_get_version (lesson));
  g_clear_pointer (&progress, kns_progress_free);

  /* Quiz: a right answer, then a wrong one; each is in the store at once. */
  kns_test_click (kns_test_find_button (GTK_WIDGET (f->window), _("Take the quiz")));
  WAIT_FOR (g_strcmp0 (screen (f), "quiz") == 0);
  kns_test_screenshot (GTK_WIDGET (f->window), "06-quiz-question");
  answer_question (f, TRUE);
  kns_test_screenshot (GTK_WIDGET (f->window), "07-quiz-right");
  /* Right: no "the right answer was…" line repeating the child's choice. */
  g_assert_null (shown_label_starting (GTK_WIDGET (f->window), right_answer_prefix ()));
  attempt = kns_store_get_open_attempt (f->store, learner_id, kns_lesson_get_id (lesson),
                                        kns_lesson_get_version (lesson), NULL);
  g_assert_nonnull (attempt);
  g_assert_cmpuint (attempt->answers->len, ==, 1);
  g_assert_true (((KnsAnswer *) g_ptr_array_index (attempt->answers, 0))->correct);
  g_clear_pointer (&attempt, kns_attempt_free);

  kns_test_click (kns_test_find_button (GTK_WIDGET (f->window), _("Next question")));
  answer_question (f, FALSE);
  kns_test_screenshot (GTK_WIDGET (f->window), "08-quiz-wrong");
  g_assert_nonnull (shown_label_starting (GTK_WIDGET (f->window), right_answer_prefix ()));
  attempt = kns_store_get_open_attempt (f->store, learner_id, kns_lesson_get_id (lesson),
                                        kns_lesson_get_version (lesson), NULL);
  g_assert_cmpuint (attempt->answers->len, ==, 2);
  g_assert_false (((KnsAnswer *) g_ptr_array_index (attempt->answers, 1))->correct);
  g_clear_pointer (&attempt, kns_attempt_free);

  /* The child leaves mid-quiz: the next child sees the sign-in screen. */
  kns_test_click (kns_test_find_button (GTK_WIDGET (f->window), _("Switch learner")));
  WAIT_FOR (g_strcmp0 (screen (f), "sign-in") == 0);
  g_assert_null (kns_window_get_learner (f->window));
  g_assert_cmpuint (kns_sign_in_page_get_n_tiles (sign_in), ==, 1);
  kns_test_screenshot (GTK_WIDGET (f->window), "09-sign-in");

  /* Back in: "continue" resumes the quiz at question 3. */
  kns_test_click (kns_sign_in_page_get_tile (sign_in, learner_id));
  WAIT_FOR (g_strcmp0 (screen (f), "home") == 0);
  g_assert_cmpstr (kns_home_page_get_continue_id (home), ==, kns_lesson_get_id (lesson));
  kns_test_click (kns_test_find_button (GTK_WIDGET (f->window), kns_lesson_get_title (lesson)));
  WAIT_FOR (g_strcmp0 (screen (f), "quiz") == 0);
  g_assert_cmpuint (kns_quiz_view_get_question_index (KNS_QUIZ_VIEW (kns_window_get_page (f->window, "quiz"))), ==, 2);

  /* Finish, rightly: the results count the one wrong answer. */
  for (guint i = 2; i < n; i++)
    {
      answer_question (f, TRUE);
      kns_test_click (kns_test_find_button (GTK_WIDGET (f->window), i + 1 < n ? _("Next question") : _("See my results")));
    }
  WAIT_FOR (g_strcmp0 (screen (f), "results") == 0);
  kns_test_screenshot (GTK_WIDGET (f->window), "10-results");

  attempt = kns_store_get_last_attempt (f->store, learner_id, kns_lesson_get_id (lesson), NULL);
  g_assert_nonnull (attempt);
  g_assert_cmpint (attempt->finished, >, 0);
  g_assert_cmpuint (attempt->n_correct, ==, n - 1);
  g_assert_cmpuint (attempt->answers->len, ==, n);
  progress = kns_store_get_progress (f->store, learner_id, kns_lesson_get_id (lesson), NULL);
  g_assert_cmpint (progress->state, ==, KNS_LESSON_DONE);
  g_assert_cmpint (progress->best_score, ==, (int) attempt->score);

  /* Home shows the lesson done and offers the next one. */
  kns_test_click (kns_test_find_button (GTK_WIDGET (f->window), _("Back to my lessons")));
  WAIT_FOR (g_strcmp0 (screen (f), "home") == 0);
  g_assert_cmpstr (kns_home_page_get_continue_id (home), !=, kns_lesson_get_id (lesson));
  kns_test_screenshot (GTK_WIDGET (f->window), "11-home-after");
}

static void
test_guest_is_forgotten (Fixture       *f,
                         gconstpointer  data)
{
  KnsNewLearnerPage *page = KNS_NEW_LEARNER_PAGE (kns_window_get_page (f->window, "new-learner"));
  g_autoptr(GPtrArray) learners = NULL;

  kns_test_click (kns_test_find_button (GTK_WIDGET (f->window), _("Try without a name")));
  WAIT_FOR (g_strcmp0 (screen (f), "new-learner") == 0);
  g_assert_true (kns_new_learner_page_is_guest (page));

  /* A grade is needed; without it, a clear message and no learner. */
  kns_test_click (kns_new_learner_page_get_start_button (page));
  g_assert_cmpstr (screen (f), ==, "new-learner");

  kns_test_click (kns_new_learner_page_get_grade_button (page, 7));
  kns_test_click (kns_new_learner_page_get_start_button (page));
  WAIT_FOR (g_strcmp0 (screen (f), "home") == 0);
  g_assert_cmpint (kns_window_get_learner (f->window)->kind, ==, KNS_LEARNER_GUEST);
  kns_test_screenshot (GTK_WIDGET (f->window), "12-guest-home");

  kns_test_click (kns_test_find_button (GTK_WIDGET (f->window), _("Switch learner")));
  WAIT_FOR (g_strcmp0 (screen (f), "sign-in") == 0);
  learners = kns_store_list_learners (f->store, NULL, TRUE, NULL);
  g_assert_cmpuint (learners->len, ==, 0);
}

static void
test_other_tier_is_marked (Fixture       *f,
                           gconstpointer  data)
{
  KnsHomePage *home = KNS_HOME_PAGE (kns_window_get_page (f->window, "home"));
  KnsTier *younger = kns_course_get_tier_for_grade (f->course, 1);

  /* A younger class's lessons: open, and marked as not the child's own
   * (older classes' are not offered: test-visit.c). */
  sign_up (f, "Cá Heo Xanh", 4);
  kns_test_click (kns_test_find_button (GTK_WIDGET (f->window), kns_tier_get_title (younger)));
  WAIT_FOR (kns_home_page_get_shown_tier (home) == kns_tier_get_id (younger));
  g_assert_nonnull (kns_test_find_button (GTK_WIDGET (home), _("Back to my lessons")));
  kns_test_screenshot (GTK_WIDGET (f->window), "13-other-tier");
  kns_test_click (kns_test_find_button (GTK_WIDGET (home), _("Back to my lessons")));
  WAIT_FOR (kns_home_page_get_shown_tier (home) == kns_tier_get_id (kns_course_get_tier_for_grade (f->course, 4)));
}

static const int small[] = { 1024, 768 };
static const int large[] = { 1920, 1080 };

int
main (int   argc,
      char *argv[])
{
  kns_test_use_vietnamese ();

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/kns/student/whole-visit/1024x768", Fixture, small,
              fixture_set_up, test_whole_visit, fixture_tear_down);
  g_test_add ("/kns/student/whole-visit/1920x1080", Fixture, large,
              fixture_set_up, test_whole_visit, fixture_tear_down);
  g_test_add ("/kns/student/guest-is-forgotten", Fixture, small,
              fixture_set_up, test_guest_is_forgotten, fixture_tear_down);
  g_test_add ("/kns/student/other-tier-is-marked", Fixture, small,
              fixture_set_up, test_other_tier_is_marked, fixture_tear_down);

  return g_test_run ();
}
