/* test-store-lessons.c — reading, quizzes, class sessions and the tallies they feed
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

#include "kns-config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kns-locale.h"
#include "kns-store.h"
#include "kns-store-private.h"
#include "test-store-fixture.h"

/* Lessons and quizzes */

static void
test_reading (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsLearner) learner = add_learner (f, "Rùa 5", "5A", 5, KNS_SEX_UNSTATED);
  g_autoptr(KnsProgress) progress = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gint64 started = f->now;

  progress = kns_store_get_progress (f->store, learner->id, "t2-a", &error);
  g_assert_no_error (error);
  g_assert_cmpint (progress->state, ==, KNS_LESSON_NOT_STARTED);
  g_assert_cmpint (progress->last_score, ==, -1);
  g_assert_cmpint (progress->best_score, ==, -1);
  g_clear_pointer (&progress, kns_progress_free);

  g_assert_true (kns_store_save_reading (f->store, learner->id, "t2-a", "v1", 3, &error));
  f->now += 60 * G_USEC_PER_SEC;
  g_assert_true (kns_store_save_reading (f->store, learner->id, "t2-a", "v1", 5, &error));
  g_assert_no_error (error);
  progress = kns_store_get_progress (f->store, learner->id, "t2-a", &error);
  g_assert_cmpint (progress->state, ==, KNS_LESSON_READING);
  g_assert_cmpuint (progress->position, ==, 5);
  g_assert_cmpint (progress->started, ==, started);
  g_assert_cmpint (progress->updated, ==, f->now);
  g_assert_cmpint (progress->completed, ==, 0);
  g_clear_pointer (&progress, kns_progress_free);

  f->now += 60 * G_USEC_PER_SEC;
  g_assert_true (kns_store_complete_reading (f->store, learner->id, "t2-a", "v1", 2, &error));
  g_assert_no_error (error);

  /* Reading again never makes a done lesson undone. */
  f->now += 60 * G_USEC_PER_SEC;
  g_assert_true (kns_store_save_reading (f->store, learner->id, "t2-a", "v2", 1, &error));
  progress = kns_store_get_progress (f->store, learner->id, "t2-a", &error);
  g_assert_cmpint (progress->state, ==, KNS_LESSON_DONE);
  g_assert_cmpuint (progress->position, ==, 1);
  g_assert_cmpstr (progress->lesson_version, ==, "v2");
  g_assert_cmpint (progress->completed, ==, f->now - 60 * G_USEC_PER_SEC);

  list = kns_store_list_progress (f->store, learner->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);

  g_assert_false (kns_store_save_reading (f->store, 999, "t2-a", "v1", 1, &error));
  g_assert_error (error, KNS_STORE_ERROR, KNS_STORE_ERROR_NOT_FOUND);
}

static void
test_quiz (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsLearner) learner = add_learner (f, "Cáo 8", "5A", 5, KNS_SEX_UNSTATED);
  g_autoptr(KnsAttempt) attempt = NULL;
  g_autoptr(KnsAttempt) finished = NULL;
  g_autoptr(KnsAttempt) last = NULL;
  g_autoptr(KnsProgress) progress = NULL;

  attempt = kns_store_start_attempt (f->store, learner->id, "t2-b", "v1", 2, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (attempt->n_questions, ==, 3);
  g_assert_cmpint (attempt->finished, ==, 0);
  progress = kns_store_get_progress (f->store, learner->id, "t2-b", NULL);
  g_assert_cmpint (progress->state, ==, KNS_LESSON_QUIZ);
  g_clear_pointer (&progress, kns_progress_free);

  /* Answers keep the order given, not the order of the ids. */
  g_assert_true (kns_store_record_answer (f->store, attempt->id, "q2", 0x2, FALSE, &error));
  g_assert_true (kns_store_record_answer (f->store, attempt->id, "q1", 0x5, TRUE, &error));
  g_assert_no_error (error);

  g_assert_false (kns_store_record_answer (f->store, attempt->id, "q2", 0x1, TRUE, &error));
  g_assert_error (error, KNS_STORE_ERROR, KNS_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (kns_store_record_answer (f->store, attempt->id, "q3", 0x1, TRUE, &error));
  g_assert_false (kns_store_record_answer (f->store, attempt->id, "q4", 0x1, TRUE, &error));
  g_assert_error (error, KNS_STORE_ERROR, KNS_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Two right out of three is 67, under a pass mark of 70. */
  finished = kns_store_finish_attempt (f->store, attempt->id, 70, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (finished->n_correct, ==, 2);
  g_assert_cmpuint (finished->score, ==, 67);
  g_assert_false (finished->passed);
  g_assert_cmpint (finished->finished, ==, f->now);
  g_assert_cmpuint (finished->answers->len, ==, 3);
  assert_answer (finished, 0, "q2", 0x2, FALSE);
  assert_answer (finished, 1, "q1", 0x5, TRUE);
  assert_answer (finished, 2, "q3", 0x1, TRUE);

  g_assert_null (kns_store_finish_attempt (f->store, attempt->id, 70, &error));
  g_assert_error (error, KNS_STORE_ERROR, KNS_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (kns_store_record_answer (f->store, attempt->id, "q4", 0x1, TRUE, &error));
  g_assert_error (error, KNS_STORE_ERROR, KNS_STORE_ERROR_INVALID);
  g_clear_error (&error);

  progress = kns_store_get_progress (f->store, learner->id, "t2-b", NULL);
  g_assert_cmpint (progress->state, ==, KNS_LESSON_DONE);
  g_assert_cmpint (progress->last_score, ==, 67);
  g_assert_cmpint (progress->best_score, ==, 67);
  g_clear_pointer (&progress, kns_progress_free);

  /* A better try, then a worse one: best and last differ. */
  f->now += G_USEC_PER_SEC;
  g_clear_pointer (&finished, kns_attempt_free);
  finished = take_quiz (f, learner->id, "t2-b", 2, 3, 3);
  g_assert_cmpuint (finished->score, ==, 100);
  g_assert_true (finished->passed);
  f->now += G_USEC_PER_SEC;
  g_clear_pointer (&finished, kns_attempt_free);
  finished = take_quiz (f, learner->id, "t2-b", 2, 3, 1);
  g_assert_cmpuint (finished->score, ==, 33);

  progress = kns_store_get_progress (f->store, learner->id, "t2-b", NULL);
  g_assert_cmpint (progress->state, ==, KNS_LESSON_DONE);
  g_assert_cmpint (progress->last_score, ==, 33);
  g_assert_cmpint (progress->best_score, ==, 100);

  last = kns_store_get_last_attempt (f->store, learner->id, "t2-b", &error);
  g_assert_no_error (error);
  g_assert_cmpint (last->id, ==, finished->id);
  g_assert_null (kns_store_get_last_attempt (f->store, learner->id, "t2-none", &error));
  g_assert_no_error (error);

  g_assert_null (kns_store_get_attempt (f->store, 999, &error));
  g_assert_error (error, KNS_STORE_ERROR, KNS_STORE_ERROR_NOT_FOUND);
}

static void
test_quiz_unanswered (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsLearner) learner = add_learner (f, "Cáo 9", "5A", 5, KNS_SEX_UNSTATED);
  g_autoptr(KnsAttempt) attempt = NULL;
  g_autoptr(KnsAttempt) finished = NULL;

  attempt = kns_store_start_attempt (f->store, learner->id, "t2-b", "v1", 2, 4, &error);

  /* Questions left unanswered count as wrong: 2 of 4 is 50. */
  g_assert_true (kns_store_record_answer (f->store, attempt->id, "q1", 1, TRUE, &error));
  g_assert_true (kns_store_record_answer (f->store, attempt->id, "q2", 1, TRUE, &error));
  finished = kns_store_finish_attempt (f->store, attempt->id, 50, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (finished->score, ==, 50);
  g_assert_true (finished->passed);
}

static void
test_resume (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsLearner) learner = add_learner (f, "Ong Mật 4", "5A", 5, KNS_SEX_UNSTATED);
  g_autoptr(KnsAttempt) attempt = NULL;
  g_autoptr(KnsAttempt) resumed = NULL;
  g_autoptr(KnsAttempt) other = NULL;
  g_autoptr(KnsAttempt) fresh = NULL;
  g_autoptr(KnsAttempt) done = NULL;
  g_autoptr(KnsProgress) progress = NULL;

  attempt = kns_store_start_attempt (f->store, learner->id, "t2-c", "v1", 2, 5, &error);
  g_assert_true (kns_store_record_answer (f->store, attempt->id, "q1", 1, TRUE, &error));
  g_assert_true (kns_store_record_answer (f->store, attempt->id, "q2", 2, FALSE, &error));
  g_assert_no_error (error);

  /* The app stops (a crash, a power cut); the quiz resumes. */
  reopen_store (f);
  resumed = kns_store_get_open_attempt (f->store, learner->id, "t2-c", "v1", &error);
  g_assert_no_error (error);
  g_assert_nonnull (resumed);
  g_assert_cmpint (resumed->id, ==, attempt->id);
  g_assert_cmpuint (resumed->answers->len, ==, 2);
  assert_answer (resumed, 0, "q1", 1, TRUE);
  assert_answer (resumed, 1, "q2", 2, FALSE);

  /* Another version of the lesson: its questions may differ. */
  other = kns_store_get_open_attempt (f->store, learner->id, "t2-c", "v2", &error);
  g_assert_no_error (error);
  g_assert_null (other);

  /* Starting over replaces the open attempt. */
  fresh = kns_store_start_attempt (f->store, learner->id, "t2-c", "v2", 2, 5, &error);
  g_assert_no_error (error);
  g_assert_null (kns_store_get_attempt (f->store, attempt->id, &error));
  g_assert_error (error, KNS_STORE_ERROR, KNS_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A done lesson stays done when its quiz is tried again. */
  done = take_quiz (f, learner->id, "t2-d", 2, 1, 1);
  g_clear_pointer (&attempt, kns_attempt_free);
  attempt = kns_store_start_attempt (f->store, learner->id, "t2-d", "v1", 2, 1, &error);
  progress = kns_store_get_progress (f->store, learner->id, "t2-d", &error);
  g_assert_cmpint (progress->state, ==, KNS_LESSON_DONE);
  g_assert_null (kns_store_get_open_attempt (f->store, learner->id, "t2-c", "v1", &error));
}

/* Class sessions */

static void
test_sessions (Fixture       *f,
               gconstpointer  data)
{
  static const char *const lessons[] = { "t2-a", "t2-b", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsLearner) an = add_learner (f, "Sư Tử 1", "5A", 5, KNS_SEX_UNSTATED);
  g_autoptr(KnsLearner) binh = add_learner (f, "Hổ Con 2", "5A", 5, KNS_SEX_UNSTATED);
  g_autoptr(KnsClassSession) session = NULL;
  g_autoptr(KnsClassSession) running = NULL;
  g_autoptr(KnsClassSession) second = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autofree char *backups = NULL;
  KnsClassSession *ended;

  session = kns_store_start_session (f->store, "5A", 5, 2, "An toàn trên mạng",
                                     KNS_SESSION_FORMAT_IN_PERSON, lessons, &error);
  g_assert_no_error (error);
  g_assert_true (g_uuid_string_is_valid (session->uuid));
  g_assert_cmpint (session->started, ==, f->now);
  g_assert_cmpint (session->ended, ==, 0);

  second = kns_store_start_session (f->store, "5B", 5, 2, "Buổi hai", KNS_SESSION_FORMAT_KIOSK,
                                    NULL, &error);
  g_assert_null (second);
  g_assert_error (error, KNS_STORE_ERROR, KNS_STORE_ERROR_BUSY);
  g_clear_error (&error);

  /* Signing in joins it, once. */
  f->now += 5 * G_TIME_SPAN_MINUTE;
  sign_in (f, an->id);
  sign_in (f, binh->id);
  sign_in (f, an->id);
  running = kns_store_get_running_session (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (running->uuid, ==, session->uuid);
  g_assert_cmpstr (running->title, ==, "An toàn trên mạng");
  g_assert_cmpstrv (running->lesson_ids, lessons);
  g_assert_cmpuint (running->attendance, ==, 2);

  f->now += 45 * G_TIME_SPAN_MINUTE;
  g_assert_true (kns_store_end_session (f->store, session->uuid, "Lớp sôi nổi.", &error));
  g_assert_no_error (error);
  g_assert_null (kns_store_get_running_session (f->store, &error));
  g_assert_no_error (error);

  g_assert_false (kns_store_end_session (f->store, session->uuid, NULL, &error));
  g_assert_error (error, KNS_STORE_ERROR, KNS_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (kns_store_end_session (f->store, "no-such-session", NULL, &error));
  g_assert_error (error, KNS_STORE_ERROR, KNS_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Ending a session makes a backup. */
  backups = g_build_filename (f->dir, "backups", "kynangso-20261005-085000.db", NULL);
  g_assert_true (g_file_test (backups, G_FILE_TEST_IS_REGULAR));

  /* Attendance is a tally: deleting a learner does not change it. */
  g_assert_true (kns_store_delete_learner (f->store, an->id, &error));
  g_clear_pointer (&second, kns_class_session_free);
  second = kns_store_start_session (f->store, NULL, 5, 2, NULL, KNS_SESSION_FORMAT_ONLINE, NULL,
                                    &error);
  g_assert_no_error (error);
  g_assert_null (second->lesson_ids);

  sessions = kns_store_list_sessions (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, 2);
  ended = g_ptr_array_index (sessions, 1);
  g_assert_cmpstr (ended->uuid, ==, session->uuid);
  g_assert_cmpstr (ended->notes, ==, "Lớp sôi nổi.");
  g_assert_cmpint (ended->ended, ==, f->now);
  g_assert_cmpint (ended->format, ==, KNS_SESSION_FORMAT_IN_PERSON);
  g_assert_cmpuint (ended->attendance, ==, 2);
  g_assert_cmpuint (((KnsClassSession *) g_ptr_array_index (sessions, 0))->attendance, ==, 0);
}

/* Tallies */

static void
test_tallies_day (Fixture       *f,
                  gconstpointer  data)
{
  const char *day = "2026-10-05";
  g_autoptr(KnsLearner) an = NULL;
  g_autoptr(KnsLearner) binh = NULL;
  g_autoptr(KnsLearner) chi = NULL;
  g_autoptr(KnsClassSession) session = NULL;
  g_autoptr(KnsAttempt) a1 = NULL;
  g_autoptr(KnsAttempt) a2 = NULL;
  g_autoptr(KnsAttempt) a3 = NULL;
  g_autoptr(KnsAttempt) a4 = NULL;
  g_autofree char *t = NULL;
  const char *uuid;

  set_setting (f, KNS_STORE_SETTING_RECORD_SEX, "true");
  an = add_learner (f, "Sư Tử 1", "5A", 5, KNS_SEX_MALE);
  binh = add_learner (f, "Mèo Con 2", "5A", 5, KNS_SEX_FEMALE);
  chi = add_learner (f, "Vịt Con 3", "2B", 2, KNS_SEX_FEMALE);

  /* 08:00 An signs in twice, 08:10 Bình once: one attendance each. */
  sign_in (f, an->id);
  f->now += 5 * G_TIME_SPAN_MINUTE;
  sign_in (f, an->id);
  f->now += 5 * G_TIME_SPAN_MINUTE;
  sign_in (f, binh->id);

  /* An reads a lesson without a quiz, twice; takes a quiz twice. */
  g_assert_true (kns_store_complete_reading (f->store, an->id, "t2-a", "v1", 2, NULL));
  g_assert_true (kns_store_complete_reading (f->store, an->id, "t2-a", "v1", 2, NULL));
  a1 = take_quiz (f, an->id, "t2-b", 2, 2, 2);
  a2 = take_quiz (f, an->id, "t2-b", 2, 2, 1);

  /* 09:00 a session for 5A: Bình and Chi sign in and join it. */
  f->now = local_time (2026, 10, 5, 9, 0);
  session = kns_store_start_session (f->store, "5A", 5, 2, "Buổi ngoại khóa",
                                     KNS_SESSION_FORMAT_IN_PERSON, NULL, NULL);
  uuid = session->uuid;
  sign_in (f, binh->id);
  sign_in (f, chi->id);
  a3 = take_quiz (f, binh->id, "t2-b", 2, 2, 1);
  /* An signed in before the session: not a member, counted outside it. */
  a4 = take_quiz (f, an->id, "t2-c", 2, 4, 3);
  g_assert_true (kns_store_end_session (f->store, uuid, NULL, NULL));

  g_assert_cmpstr ((t = day_tally (f, day, "", 5, KNS_SEX_MALE, 2, "")), ==, "1/0/0/0/0");
  g_clear_pointer (&t, g_free);
  g_assert_cmpstr ((t = day_tally (f, day, "", 5, KNS_SEX_FEMALE, 2, "")), ==, "1/0/0/0/0");
  g_clear_pointer (&t, g_free);
  g_assert_cmpstr ((t = day_tally (f, day, uuid, 5, KNS_SEX_FEMALE, 2, "")), ==, "1/0/0/0/0");
  g_clear_pointer (&t, g_free);
  g_assert_cmpstr ((t = day_tally (f, day, uuid, 2, KNS_SEX_FEMALE, 1, "")), ==, "1/0/0/0/0");
  g_clear_pointer (&t, g_free);
  g_assert_cmpstr ((t = day_tally (f, day, "", 5, KNS_SEX_MALE, 2, "t2-a")), ==, "0/1/0/0/0");
  g_clear_pointer (&t, g_free);
  g_assert_cmpstr ((t = day_tally (f, day, "", 5, KNS_SEX_MALE, 2, "t2-b")), ==, "0/1/2/150/1");
  g_clear_pointer (&t, g_free);
  g_assert_cmpstr ((t = day_tally (f, day, uuid, 5, KNS_SEX_FEMALE, 2, "t2-b")), ==, "0/1/1/50/0");
  g_clear_pointer (&t, g_free);
  g_assert_cmpstr ((t = day_tally (f, day, "", 5, KNS_SEX_MALE, 2, "t2-c")), ==, "0/1/1/75/1");
  g_clear_pointer (&t, g_free);

  g_assert_cmpint (raw_int (f, "SELECT sum (attendances) FROM tally_day"), ==, 4);
  g_assert_cmpint (raw_int (f, "SELECT sum (completions) FROM tally_day"), ==, 4);
  g_assert_cmpint (raw_int (f, "SELECT sum (attempts) FROM tally_day"), ==, 4);

  /* Three learners this school year; two in the session. */
  g_assert_cmpint (headcount (f, 2026, "", 5, KNS_SEX_MALE, 2), ==, 1);
  g_assert_cmpint (headcount (f, 2026, "", 5, KNS_SEX_FEMALE, 2), ==, 1);
  g_assert_cmpint (headcount (f, 2026, "", 2, KNS_SEX_FEMALE, 1), ==, 1);
  g_assert_cmpint (headcount (f, 2026, uuid, 5, KNS_SEX_FEMALE, 2), ==, 1);
  g_assert_cmpint (headcount (f, 2026, uuid, 2, KNS_SEX_FEMALE, 1), ==, 1);
  g_assert_cmpint (raw_int (f, "SELECT sum (participants) FROM tally_headcount"), ==, 5);
}

static void
test_tallies_days_and_years (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(KnsLearner) an = NULL;
  g_autofree char *t = NULL;

  /* The last evening of năm học 2026–2027 … */
  f->now = local_time (2027, 8, 31, 23, 50);
  an = add_learner (f, "Nai Con 5", "5A", 5, KNS_SEX_UNSTATED);
  sign_in (f, an->id);
  f->now += 5 * G_TIME_SPAN_MINUTE;
  sign_in (f, an->id);

  /* … then past midnight, local time: a new day and a new school year. */
  f->now = local_time (2027, 9, 1, 0, 10);
  sign_in (f, an->id);

  /* The next day, in grade 6: counted in the grade of the day. */
  f->now = local_time (2027, 9, 2, 8, 0);
  an->grade = 6;
  g_assert_true (kns_store_update_learner (f->store, an, NULL));
  sign_in (f, an->id);

  t = day_tally (f, "2027-08-31", "", 5, KNS_SEX_UNSTATED, 2, "");
  g_assert_cmpstr (t, ==, "1/0/0/0/0");
  g_clear_pointer (&t, g_free);
  t = day_tally (f, "2027-09-01", "", 5, KNS_SEX_UNSTATED, 2, "");
  g_assert_cmpstr (t, ==, "1/0/0/0/0");
  g_clear_pointer (&t, g_free);
  t = day_tally (f, "2027-09-02", "", 6, KNS_SEX_UNSTATED, 3, "");
  g_assert_cmpstr (t, ==, "1/0/0/0/0");
  g_clear_pointer (&t, g_free);
  g_assert_cmpint (raw_int (f, "SELECT sum (attendances) FROM tally_day"), ==, 3);

  /* Once a school year: in 2026 and in 2027, in the grade first seen. */
  g_assert_cmpint (headcount (f, 2026, "", 5, KNS_SEX_UNSTATED, 2), ==, 1);
  g_assert_cmpint (headcount (f, 2027, "", 5, KNS_SEX_UNSTATED, 2), ==, 1);
  g_assert_cmpint (raw_int (f, "SELECT sum (participants) FROM tally_headcount"), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  /* Việt Nam's time, with no tzdata needed: days and school years turn
   * at local midnight, 17:00 UTC. */
  g_setenv ("TZ", "ICT-7", TRUE);
  g_test_init (&argc, &argv, NULL);

  ADD ("/kns/store/lessons/reading", test_reading);
  ADD ("/kns/store/lessons/quiz", test_quiz);
  ADD ("/kns/store/lessons/quiz-unanswered", test_quiz_unanswered);
  ADD ("/kns/store/lessons/resume", test_resume);
  ADD ("/kns/store/sessions", test_sessions);
  ADD ("/kns/store/tallies/day", test_tallies_day);
  ADD ("/kns/store/tallies/days-and-years", test_tallies_days_and_years);

  return g_test_run ();
}
