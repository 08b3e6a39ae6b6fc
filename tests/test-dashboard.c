/* test-dashboard.c — the teacher's figures, checked against the database
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
 * A scripted class, whose figures are known by hand, and the same figures
 * computed a second way, with SQL straight on the database file.
 */

#include "kns-config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <sqlite3.h>

#include "kns-dashboard.h"
#include "kns-test-common.h"

typedef struct
{
  char      *dir;
  KnsStore  *store;
  KnsCourse *course;
  KnsLesson *quiz_lesson;   /* t1-day-du: two questions */
  KnsLesson *read_lesson;   /* t1-crlf-bom: no quiz */
} Fixture;

static gint64
add (Fixture    *f,
     const char *nickname,
     const char *class_label)
{
  g_autoptr(KnsLearner) learner = kns_store_add_learner (f->store, nickname, class_label, 2, "cat",
                                                         KNS_SEX_UNSTATED, NULL);

  g_assert_nonnull (learner);
  g_assert_true (kns_store_sign_in (f->store, learner->id, NULL));
  return learner->id;
}

/* One attempt at the two-question quiz: q1 and q2 right or wrong. */
static void
take_quiz (Fixture  *f,
           gint64    learner,
           gboolean  q1,
           gboolean  q2)
{
  KnsLesson *lesson = f->quiz_lesson;
  g_autoptr(KnsAttempt) attempt = kns_store_start_attempt (f->store, learner, kns_lesson_get_id (lesson),
                                                           kns_lesson_get_version (lesson), 1, 2, NULL);
  g_autoptr(KnsAttempt) finished = NULL;

  g_assert_nonnull (attempt);
  g_assert_true (kns_store_record_answer (f->store, attempt->id, "q1", q1 ? 0x2 : 0x1, q1, NULL));
  g_assert_true (kns_store_record_answer (f->store, attempt->id, "q2", q2 ? 0x5 : 0x1, q2, NULL));
  finished = kns_store_finish_attempt (f->store, attempt->id, 70, NULL);
  g_assert_nonnull (finished);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *content = g_test_build_filename (G_TEST_DIST, "data", "good", NULL);
  gint64 a, b, c, d;

  f->dir = g_dir_make_tmp ("kns-dashboard-XXXXXX", &error);
  g_assert_no_error (error);
  f->store = kns_store_open (f->dir, &error);
  g_assert_no_error (error);
  f->course = kns_course_load (content, NULL, NULL);
  f->quiz_lesson = kns_course_lookup_lesson (f->course, "t1-day-du");
  f->read_lesson = kns_course_lookup_lesson (f->course, "t1-crlf-bom");

  a = add (f, "An Nhiên", "2A");
  b = add (f, "Bình Minh", "2A");
  c = add (f, "Cá Voi", "2A");
  d = add (f, "Dế Mèn", "2B");

  take_quiz (f, a, TRUE, FALSE);                /* 50 */
  take_quiz (f, b, FALSE, FALSE);               /* 0 */
  take_quiz (f, b, TRUE, TRUE);                 /* 100: best */
  g_assert_true (kns_store_complete_reading (f->store, b, kns_lesson_get_id (f->read_lesson),
                                             kns_lesson_get_version (f->read_lesson), 1, NULL));
  g_assert_true (kns_store_save_reading (f->store, c, kns_lesson_get_id (f->quiz_lesson),
                                         kns_lesson_get_version (f->quiz_lesson), 3, NULL));
  take_quiz (f, d, FALSE, FALSE);               /* another class: not counted */
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  g_clear_object (&f->course);
  kns_test_remove_tree (f->dir);
  g_free (f->dir);
}

static guint
lesson_index (KnsDashboard *dashboard,
              KnsLesson    *lesson)
{
  guint index;

  g_assert_true (g_ptr_array_find (dashboard->lessons, lesson, &index));
  return index;
}

static void
test_known_figures (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsDashboard) dashboard = kns_dashboard_compute (f->store, f->course, "2A", 1, 70, &error);
  guint quiz, read;
  KnsHardQuestion *first, *second;

  g_assert_no_error (error);
  g_assert_cmpuint (dashboard->learners->len, ==, 3);
  g_assert_cmpuint (dashboard->lessons->len, ==, 2);
  quiz = lesson_index (dashboard, f->quiz_lesson);
  read = lesson_index (dashboard, f->read_lesson);

  /* Rows by nickname: An Nhiên, Bình Minh, Cá Voi. */
  g_assert_cmpstr (((KnsLearner *) g_ptr_array_index (dashboard->learners, 0))->nickname, ==, "An Nhiên");
  g_assert_cmpint (kns_dashboard_get_cell (dashboard, 0, quiz)->state, ==, KNS_LESSON_DONE);
  g_assert_cmpint (kns_dashboard_get_cell (dashboard, 0, quiz)->best_score, ==, 50);
  g_assert_cmpint (kns_dashboard_get_cell (dashboard, 1, quiz)->best_score, ==, 100);
  g_assert_cmpint (kns_dashboard_get_cell (dashboard, 1, read)->state, ==, KNS_LESSON_DONE);
  g_assert_cmpint (kns_dashboard_get_cell (dashboard, 2, quiz)->state, ==, KNS_LESSON_READING);
  g_assert_cmpint (kns_dashboard_get_cell (dashboard, 2, quiz)->best_score, ==, -1);
  g_assert_cmpint (kns_dashboard_get_cell (dashboard, 0, read)->state, ==, KNS_LESSON_NOT_STARTED);

  /* Finished is not passed: An Nhiên's 50 is below the 70 needed. */
  g_assert_cmpint (kns_dashboard_get_cell (dashboard, 0, quiz)->outcome, ==, KNS_OUTCOME_NOT_PASSED);
  g_assert_cmpint (kns_dashboard_get_cell (dashboard, 1, quiz)->outcome, ==, KNS_OUTCOME_PASSED);
  g_assert_cmpint (kns_dashboard_get_cell (dashboard, 1, read)->outcome, ==, KNS_OUTCOME_PASSED);
  g_assert_cmpint (kns_dashboard_get_cell (dashboard, 2, quiz)->outcome, ==, KNS_OUTCOME_IN_PROGRESS);
  g_assert_cmpint (kns_dashboard_get_cell (dashboard, 0, read)->outcome, ==, KNS_OUTCOME_NOT_STARTED);

  g_assert_cmpuint (dashboard->summaries[quiz].n_done, ==, 2);
  g_assert_cmpuint (dashboard->summaries[quiz].n_passed, ==, 1);
  g_assert_cmpfloat_with_epsilon (dashboard->summaries[quiz].mean_score, 75.0, 0.001);
  g_assert_cmpuint (dashboard->summaries[read].n_done, ==, 1);
  g_assert_cmpuint (dashboard->summaries[read].n_passed, ==, 1);
  /* Numbered as the pupils see them; this course has no scenario. */
  g_assert_cmpuint (dashboard->summaries[quiz].number, ==, 1);
  g_assert_cmpuint (dashboard->summaries[read].number, ==, 2);
  g_assert_false (dashboard->summaries[quiz].scenario);
  g_assert_cmpfloat (dashboard->summaries[read].mean_score, <, 0.0);

  /* q2 was wrong twice in three answers, q1 once; 2B does not count. */
  g_assert_cmpuint (dashboard->hard_questions->len, ==, 2);
  first = g_ptr_array_index (dashboard->hard_questions, 0);
  second = g_ptr_array_index (dashboard->hard_questions, 1);
  g_assert_cmpstr (first->question->id, ==, "q2");
  g_assert_cmpuint (first->answered, ==, 3);
  g_assert_cmpuint (first->wrong, ==, 2);
  g_assert_cmpstr (second->question->id, ==, "q1");
  g_assert_cmpuint (second->wrong, ==, 1);

  g_assert_cmpuint (kns_dashboard_guess_tier (f->course, dashboard->learners), ==, 1);
}

/* The same figures, a second way: SQL straight on the file. */
static void
test_matches_database (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(KnsDashboard) dashboard = kns_dashboard_compute (f->store, f->course, "2A", 1, 70, NULL);
  g_autofree char *path = g_build_filename (f->dir, "kynangso.db", NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);

  for (guint l = 0; l < dashboard->lessons->len; l++)
    {
      KnsLesson *lesson = g_ptr_array_index (dashboard->lessons, l);
      sqlite3_stmt *stmt = NULL;
      int done, passed;
      double mean;

      sqlite3_prepare_v2 (db,
                          "SELECT SUM (p.state = 3), AVG (CASE WHEN p.best_score >= 0 THEN p.best_score END), "
                          "SUM (p.state = 3 AND (p.best_score < 0 OR p.best_score >= 70)) "
                          "FROM progress p JOIN learner l ON l.id = p.learner_id "
                          "WHERE l.class_label = '2A' AND p.lesson_id = ?",
                          -1, &stmt, NULL);
      sqlite3_bind_text (stmt, 1, kns_lesson_get_id (lesson), -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      done = sqlite3_column_int (stmt, 0);
      mean = sqlite3_column_type (stmt, 1) == SQLITE_NULL ? -1.0 : sqlite3_column_double (stmt, 1);
      passed = sqlite3_column_int (stmt, 2);
      sqlite3_finalize (stmt);

      g_assert_cmpuint (dashboard->summaries[l].n_done, ==, (guint) done);
      g_assert_cmpuint (dashboard->summaries[l].n_passed, ==, (guint) passed);
      g_assert_cmpfloat_with_epsilon (dashboard->summaries[l].mean_score, mean, 0.001);
    }

  for (guint i = 0; i < dashboard->hard_questions->len; i++)
    {
      KnsHardQuestion *hard = g_ptr_array_index (dashboard->hard_questions, i);
      sqlite3_stmt *stmt = NULL;

      sqlite3_prepare_v2 (db,
                          "SELECT COUNT (*), SUM (n.correct = 0) FROM answer n "
                          "JOIN attempt a ON a.id = n.attempt_id JOIN learner l ON l.id = a.learner_id "
                          "WHERE l.class_label = '2A' AND a.lesson_id = ? AND n.question_id = ?",
                          -1, &stmt, NULL);
      sqlite3_bind_text (stmt, 1, kns_lesson_get_id (hard->lesson), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, hard->question->id, -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_cmpuint (hard->answered, ==, (guint) sqlite3_column_int (stmt, 0));
      g_assert_cmpuint (hard->wrong, ==, (guint) sqlite3_column_int (stmt, 1));
      sqlite3_finalize (stmt);
    }

  sqlite3_close (db);
}

/* The pass mark is the school's: at 50 %, An Nhiên's 50 passes. */
static void
test_pass_mark (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(KnsDashboard) strict = kns_dashboard_compute (f->store, f->course, "2A", 1, 70, NULL);
  g_autoptr(KnsDashboard) lenient = kns_dashboard_compute (f->store, f->course, "2A", 1, 50, NULL);
  guint quiz = lesson_index (strict, f->quiz_lesson);

  g_assert_cmpint (kns_dashboard_get_cell (strict, 0, quiz)->outcome, ==, KNS_OUTCOME_NOT_PASSED);
  g_assert_cmpint (kns_dashboard_get_cell (lenient, 0, quiz)->outcome, ==, KNS_OUTCOME_PASSED);
  g_assert_cmpuint (strict->summaries[quiz].n_passed, ==, 1);
  g_assert_cmpuint (lenient->summaries[quiz].n_passed, ==, 2);
  g_assert_cmpuint (lenient->summaries[quiz].n_done, ==, strict->summaries[quiz].n_done);
}

static void
test_deleted_learner_leaves (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GPtrArray) learners = kns_store_list_learners (f->store, "2A", FALSE, NULL);
  g_autoptr(KnsDashboard) dashboard = NULL;

  /* Bình Minh leaves the school: the class figures lose her rows. */
  g_assert_true (kns_store_delete_learner (f->store, ((KnsLearner *) g_ptr_array_index (learners, 1))->id, NULL));
  dashboard = kns_dashboard_compute (f->store, f->course, "2A", 1, 70, NULL);
  g_assert_cmpuint (dashboard->learners->len, ==, 2);
  g_assert_cmpuint (dashboard->summaries[lesson_index (dashboard, f->quiz_lesson)].n_done, ==, 1);
  g_assert_cmpuint (((KnsHardQuestion *) g_ptr_array_index (dashboard->hard_questions, 0))->answered, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/kns/dashboard/known-figures", Fixture, NULL, fixture_set_up, test_known_figures, fixture_tear_down);
  g_test_add ("/kns/dashboard/matches-database", Fixture, NULL, fixture_set_up, test_matches_database, fixture_tear_down);
  g_test_add ("/kns/dashboard/pass-mark", Fixture, NULL, fixture_set_up, test_pass_mark, fixture_tear_down);
  g_test_add ("/kns/dashboard/deleted-learner-leaves", Fixture, NULL, fixture_set_up, test_deleted_learner_leaves, fixture_tear_down);

  return g_test_run ();
}
