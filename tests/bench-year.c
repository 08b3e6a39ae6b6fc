/* bench-year.c — the school report over a big school's year of answers
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
 * Prints figures; it never fails on speed. Run with
 *   meson test -C build --benchmark --verbose
 *
 * A school of 1,200 pupils (grades 1 to 12, four classes of 25 each)
 * spends a year in the lab: eight class sessions a school day, each
 * pupil reading and answering the quizzes of five lessons of their tier,
 * until the store holds a million answers. Everything goes through the
 * store's own functions (sign-in, reading, attempt, each answer, score),
 * so the tallies are what real use makes; only the waits for the disk
 * are grouped, a school day at a time (kns_store_begin_group ()), or
 * the year would take as long to build as to live. Then the store is
 * opened as the app opens it, and the report, its CSV and its PDF are
 * timed. The store goes in a folder under the current one (or the one
 * given), since /tmp may be in memory.
 */

#include "kns-config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kns-course.h"
#include "kns-report-export.h"
#include "kns-test-common.h"

#define N_ANSWERS        1000000
#define CLASSES_A_GRADE  4
#define PUPILS_A_CLASS   25
#define SESSIONS_A_DAY   8
#define LESSONS_A_VISIT  5
#define RUNS             7

typedef struct
{
  KnsStore  *store;
  KnsCourse *course;
  GPtrArray *learners[12 * CLASSES_A_GRADE]; /* KnsLearner, by class */
  GPtrArray *quizzes[5];                     /* KnsLesson with a quiz, by tier */
  guint      n_answers;
  guint      n_attempts;
  guint      n_sessions;
} Year;

static gint64 now;

static gint64
year_clock (gpointer user_data)
{
  return now;
}

static void
fail (GError *error)
{
  g_printerr ("%s\n", error ? error->message : "failed");
  exit (EXIT_FAILURE);
}

static void
add_pupils (Year *year)
{
  GError *error = NULL;

  if (!kns_store_set_setting (year->store, KNS_STORE_SETTING_RECORD_SEX, "true", &error) ||
      !kns_store_set_setting (year->store, KNS_STORE_SETTING_SCHOOL_NAME,
                              "Trường Liên cấp Hòa Bình", &error))
    fail (error);

  for (guint c = 0; c < G_N_ELEMENTS (year->learners); c++)
    {
      guint grade = c / CLASSES_A_GRADE + 1;
      g_autofree char *label = g_strdup_printf ("%u%c", grade, 'A' + c % CLASSES_A_GRADE);

      year->learners[c] = g_ptr_array_new_with_free_func ((GDestroyNotify) kns_learner_free);
      for (guint p = 0; p < PUPILS_A_CLASS; p++)
        {
          g_autofree char *nickname = g_strdup_printf ("Mèo %s-%02u", label, p + 1);
          KnsLearner *learner = kns_store_add_learner (year->store, nickname, label, grade, "cat",
                                                       p % 2 ? KNS_SEX_FEMALE : KNS_SEX_MALE,
                                                       &error);

          if (learner == NULL)
            fail (error);
          g_ptr_array_add (year->learners[c], learner);
        }
    }
}

static void
find_quizzes (Year *year)
{
  GPtrArray *tiers = kns_course_get_tiers (year->course);

  for (guint t = 0; t < G_N_ELEMENTS (year->quizzes); t++)
    year->quizzes[t] = g_ptr_array_new ();
  for (guint t = 0; t < tiers->len; t++)
    {
      KnsTier *tier = g_ptr_array_index (tiers, t);

      for (guint l = 0; l < kns_tier_get_n_lessons (tier); l++)
        {
          KnsLesson *lesson = kns_tier_get_lesson (tier, l);

          if (kns_lesson_get_quiz (lesson) != NULL && kns_tier_get_id (tier) < 5)
            g_ptr_array_add (year->quizzes[kns_tier_get_id (tier)], lesson);
        }
    }
}

/* A lesson read to the end, then its quiz: every answer saved on its
 * own, then the score. */
static void
take_lesson (Year             *year,
             const KnsLearner *learner,
             KnsLesson        *lesson,
             guint             seed)
{
  KnsQuiz *quiz = kns_lesson_get_quiz (lesson);
  guint n = kns_quiz_get_n_questions (quiz);
  const char *id = kns_lesson_get_id (lesson);
  const char *version = kns_lesson_get_version (lesson);
  guint tier = kns_lesson_get_tier (lesson);
  g_autoptr(KnsAttempt) attempt = NULL;
  g_autoptr(KnsAttempt) finished = NULL;
  GError *error = NULL;

  now += 10 * G_TIME_SPAN_SECOND;
  if (!kns_store_complete_reading (year->store, learner->id, id, version, tier, &error))
    fail (error);
  attempt = kns_store_start_attempt (year->store, learner->id, id, version, tier, n, &error);
  if (attempt == NULL)
    fail (error);
  for (guint q = 0; q < n; q++)
    {
      g_autofree char *question = g_strdup_printf ("q%u", q + 1);

      now += G_TIME_SPAN_SECOND;
      if (!kns_store_record_answer (year->store, attempt->id, question, 1, (seed + q) % 5 != 0,
                                    &error))
        fail (error);
    }
  year->n_answers += n;
  year->n_attempts++;
  finished = kns_store_finish_attempt (year->store, attempt->id, 70, &error);
  if (finished == NULL)
    fail (error);
}

/* One class in the lab for a lesson period: a session, every pupil
 * signing in and taking five lessons. */
static void
run_session (Year  *year,
             guint  class,
             guint  visit)
{
  GPtrArray *pupils = year->learners[class];
  const KnsLearner *first = g_ptr_array_index (pupils, 0);
  GPtrArray *quizzes;
  g_autoptr(KnsClassSession) session = NULL;
  GError *error = NULL;

  quizzes = year->quizzes[first->grade <= 3 ? 1 : first->grade <= 5 ? 2 : first->grade <= 9 ? 3 : 4];
  session = kns_store_start_session (year->store, first->class_label, first->grade,
                                     first->grade <= 3 ? 1 : first->grade <= 5 ? 2 : first->grade <= 9 ? 3 : 4,
                                     "An toàn trên mạng", KNS_SESSION_FORMAT_KIOSK, NULL, &error);
  if (session == NULL)
    fail (error);
  year->n_sessions++;

  for (guint p = 0; p < pupils->len; p++)
    {
      const KnsLearner *learner = g_ptr_array_index (pupils, p);

      if (!kns_store_sign_in (year->store, learner->id, &error))
        fail (error);
      for (guint l = 0; l < LESSONS_A_VISIT; l++)
        take_lesson (year, learner,
                     g_ptr_array_index (quizzes, (visit * LESSONS_A_VISIT + l) % quizzes->len),
                     p + l);
      if (!kns_store_sign_out (year->store, learner->id, &error))
        fail (error);
    }

  if (!kns_store_end_session (year->store, session->uuid, NULL, &error))
    fail (error);
}

/* The backup made after each session cannot be made inside the day's
 * group of writes, which holds the lock: counted, not shown. */
static guint n_skipped_backups;

static GLogWriterOutput
count_backups_cb (GLogLevelFlags   log_level,
                  const GLogField *fields,
                  gsize            n_fields,
                  gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0 &&
        strstr (fields[i].value, "backup") != NULL)
      {
        n_skipped_backups++;
        return G_LOG_WRITER_HANDLED;
      }
  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

/* School days from 7 September, Monday to Friday, until the store holds
 * a million answers: far more than one lab computer records in a year
 * (a pupil answers a question every twenty seconds or so), to see how
 * the report grows. A pupil's answers are a second apart here, so that
 * a day's eight sessions fit in the day. */
static guint
live_the_year (Year *year)
{
  g_autoptr(GDateTime) day = g_date_time_new_local (2026, 9, 7, 7, 30, 0);
  guint n_days = 0, next_class = 0;

  while (year->n_answers < N_ANSWERS)
    {
      GError *error = NULL;

      if (g_date_time_get_day_of_week (day) <= 5)
        {
          if (!kns_store_begin_group (year->store, &error))
            fail (error);
          for (guint s = 0; s < SESSIONS_A_DAY && year->n_answers < N_ANSWERS; s++)
            {
              now = (g_date_time_to_unix (day) + s * 50 * 60) * G_USEC_PER_SEC;
              run_session (year, next_class % G_N_ELEMENTS (year->learners),
                           next_class / G_N_ELEMENTS (year->learners));
              next_class++;
            }
          if (!kns_store_end_group (year->store, &error))
            fail (error);
          n_days++;
        }
      {
        GDateTime *next = g_date_time_add_days (day, 1);

        g_date_time_unref (day);
        day = next;
      }
    }
  return n_days;
}

static void
bench_report (KnsStore  *store,
              KnsCourse *course)
{
  g_autoptr(KnsReport) report = NULL;
  GError *error = NULL;
  KnsReportPeriod period;
  double runs[RUNS];
  double median;

  kns_report_period_init (&period, 2026);
  for (guint r = 0; r < RUNS; r++)
    {
      gint64 t = g_get_monotonic_time ();

      g_clear_object (&report);
      report = kns_report_new (store, course, &period, NULL, 5, &error);
      if (report == NULL)
        fail (error);
      runs[r] = (g_get_monotonic_time () - t) / 1000.0;
    }
  median = kns_test_median (runs, RUNS);
  printf ("Report (%u sessions): median %.1f ms, ratio to 0.5 s %.3f\n",
          kns_report_get_sessions (report)->len, median, median / 500);

  kns_test_bench_exports (report);
}

int
main (int   argc,
      char *argv[])
{
  const char *content = argc > 2 ? argv[2] : CONTENT_SRCDIR;
  g_autofree char *parent = argc > 1 ? g_strdup (argv[1]) : g_get_current_dir ();
  g_autofree char *dir = g_build_filename (parent, "kns-bench-year-XXXXXX", NULL);
  g_autoptr(KnsCourse) course = NULL;
  g_autoptr(KnsStore) store = NULL;
  g_autofree char *path = NULL;
  Year year = { 0 };
  GError *error = NULL;
  GStatBuf st;
  gint64 t0;
  guint n_days;

  g_setenv ("TZ", "ICT-7", TRUE);
  g_log_set_writer_func (count_backups_cb, NULL, NULL);
  if (g_mkdtemp (dir) == NULL)
    {
      g_printerr ("%s: cannot create\n", dir);
      return EXIT_FAILURE;
    }
  course = kns_course_load (content, NULL, &error);
  if (course == NULL)
    fail (error);

  t0 = g_get_monotonic_time ();
  year.course = course;
  year.store = kns_store_open_with_clock (dir, year_clock, NULL, &error);
  if (year.store == NULL)
    fail (error);
  now = g_get_real_time ();
  add_pupils (&year);
  find_quizzes (&year);
  n_days = live_the_year (&year);
  path = g_strdup (kns_store_get_path (year.store));
  g_clear_object (&year.store);
  g_stat (path, &st);
  printf ("A year of %u school days: %u sessions, %u quiz attempts, %u answers, %.0f MB;\n"
          "  recorded through the store in %.1f s\n",
          n_days, year.n_sessions, year.n_attempts, year.n_answers, st.st_size / 1e6,
          (g_get_monotonic_time () - t0) / 1e6);
  printf ("  (the backup after each session was skipped: %u times)\n", n_skipped_backups / 2);

  /* As the app opens it, checks included. */
  t0 = g_get_monotonic_time ();
  store = kns_store_open (dir, &error);
  if (store == NULL)
    fail (error);
  printf ("Opening it (quick_check included): %.0f ms\n", (g_get_monotonic_time () - t0) / 1e3);

  bench_report (store, course);

  g_clear_object (&store);
  for (guint c = 0; c < G_N_ELEMENTS (year.learners); c++)
    g_ptr_array_unref (year.learners[c]);
  for (guint t = 0; t < G_N_ELEMENTS (year.quizzes); t++)
    g_ptr_array_unref (year.quizzes[t]);
  if (g_getenv ("KNS_BENCH_KEEP") != NULL)
    printf ("Kept %s\n", dir);
  else
    kns_test_remove_tree (dir);
  return EXIT_SUCCESS;
}
