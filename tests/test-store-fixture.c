/* test-store-fixture.c — what the store's tests share
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
 * Each test gets a fresh data folder and a clock it moves by hand. The
 * tests read the tallies with their own SQLite connection: reports do
 * not exist yet, and the tallies are what they will read.
 */

#include "kns-config.h"

#include <sqlite3.h>

#include "test-store-fixture.h"

gint64
fixture_clock (gpointer user_data)
{
  return ((Fixture *) user_data)->now;
}

gint64
local_time (int year,
            int month,
            int day,
            int hour,
            int minute)
{
  g_autoptr(GDateTime) time = g_date_time_new_local (year, month, day, hour, minute, 0);

  return g_date_time_to_unix (time) * G_USEC_PER_SEC;
}

KnsStore *
open_store (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  KnsStore *store = kns_store_open_with_clock (f->dir, fixture_clock, f, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

void
close_store (Fixture *f)
{
  g_assert_finalize_object (f->store);
  f->store = NULL;
}

void
reopen_store (Fixture *f)
{
  close_store (f);
  f->store = open_store (f);
}

void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("kns-store-XXXXXX", &error);
  g_assert_no_error (error);
  /* A Monday in năm học 2026–2027. */
  f->now = local_time (2026, 10, 5, 8, 0);
  f->store = open_store (f);
}

void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->store != NULL)
    close_store (f);
  kns_test_remove_tree (f->dir);
  g_free (f->dir);
}

/* Tests read the file through their own connection. */
sqlite3 *
open_raw (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 2000);
  return db;
}

char *
raw_text (const char *path,
          const char *sql)
{
  sqlite3 *db = open_raw (path);
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

gint64
raw_int (Fixture    *f,
         const char *sql)
{
  g_autofree char *text = raw_text (kns_store_get_path (f->store), sql);

  return text != NULL ? g_ascii_strtoll (text, NULL, 10) : 0;
}

/* "attendances/completions/attempts/score_sum/passes" of one tally row. */
char *
day_tally (Fixture    *f,
           const char *day,
           const char *session,
           guint       grade,
           KnsSex      sex,
           guint       tier,
           const char *lesson)
{
  g_autofree char *sql = g_strdup_printf (
    "SELECT coalesce (sum (attendances), 0) || '/' || coalesce (sum (completions), 0) || '/' || "
    "  coalesce (sum (attempts), 0) || '/' || coalesce (sum (score_sum), 0) || '/' || "
    "  coalesce (sum (passes), 0) FROM tally_day "
    "WHERE day = '%s' AND session_uuid = '%s' AND grade = %u AND sex = %d AND tier = %u "
    "  AND lesson_id = '%s'",
    day, session, grade, sex, tier, lesson);

  return raw_text (kns_store_get_path (f->store), sql);
}

gint64
headcount (Fixture    *f,
           guint       school_year,
           const char *session,
           guint       grade,
           KnsSex      sex,
           guint       tier)
{
  g_autofree char *sql = g_strdup_printf (
    "SELECT participants FROM tally_headcount WHERE school_year = %u AND session_uuid = '%s' "
    "  AND grade = %u AND sex = %d AND tier = %u",
    school_year, session, grade, sex, tier);

  return raw_int (f, sql);
}

/* Every tally row, in order: what a report would read. */
char *
dump_tallies (Fixture *f)
{
  g_autofree char *days = raw_text (kns_store_get_path (f->store),
                                    "SELECT group_concat (row, ';') FROM (SELECT day || ',' || "
                                    "  session_uuid || ',' || grade || ',' || sex || ',' || tier "
                                    "|| ',' || "
                                    "  lesson_id || ',' || attendances || ',' || completions || "
                                    "',' || "
                                    "  attempts || ',' || score_sum || ',' || passes AS row "
                                    "  FROM tally_day ORDER BY row)");
  g_autofree char *heads = raw_text (kns_store_get_path (f->store),
                                     "SELECT group_concat (row, ';') FROM (SELECT school_year || "
                                     "',' || "
                                     "  session_uuid || ',' || grade || ',' || sex || ',' || tier "
                                     "|| ',' || "
                                     "  participants AS row FROM tally_headcount ORDER BY row)");

  return g_strdup_printf ("%s|%s", days ? days : "", heads ? heads : "");
}

KnsLearner *
add_learner (Fixture    *f,
             const char *nickname,
             const char *class_label,
             guint       grade,
             KnsSex      sex)
{
  g_autoptr(GError) error = NULL;
  KnsLearner *learner;

  learner = kns_store_add_learner (f->store, nickname, class_label, grade, "cat", sex, &error);

  g_assert_no_error (error);
  g_assert_nonnull (learner);
  return learner;
}

void
sign_in (Fixture *f,
         gint64   learner_id)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (kns_store_sign_in (f->store, learner_id, &error));
  g_assert_no_error (error);
}

void
set_setting (Fixture    *f,
             const char *key,
             const char *value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (kns_store_set_setting (f->store, key, value, &error));
  g_assert_no_error (error);
}

/* Takes a quiz of @n questions with @n_right right answers. */
KnsAttempt *
take_quiz (Fixture    *f,
           gint64      learner_id,
           const char *lesson_id,
           guint       tier,
           guint       n,
           guint       n_right)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsAttempt) attempt = kns_store_start_attempt (f->store, learner_id, lesson_id, "v1",
                                                           tier, n, &error);
  KnsAttempt *finished;

  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *question = g_strdup_printf ("q%u", i + 1);

      g_assert_true (kns_store_record_answer (f->store, attempt->id, question, 1u << i, i < n_right,
                                              &error));
      g_assert_no_error (error);
    }

  finished = kns_store_finish_attempt (f->store, attempt->id, 70, &error);
  g_assert_no_error (error);
  g_assert_nonnull (finished);
  return finished;
}

GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/* The names in a folder, sorted, space-separated. */
char *
list_folder (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

void
assert_answer (KnsAttempt *attempt,
               guint       index,
               const char *question_id,
               guint32     chosen,
               gboolean    correct)
{
  KnsAnswer *answer;

  g_assert_cmpuint (index, <, attempt->answers->len);
  answer = g_ptr_array_index (attempt->answers, index);
  g_assert_cmpstr (answer->question_id, ==, question_id);
  g_assert_cmpuint (answer->chosen, ==, chosen);
  g_assert_cmpint (answer->correct, ==, correct);
}

gint64
count_learner_rows (Fixture *f)
{
  return raw_int (f,
                  "SELECT (SELECT count (*) FROM learner) + (SELECT count (*) FROM progress) + "
                  "  (SELECT count (*) FROM attempt) + (SELECT count (*) FROM answer) + "
                  "  (SELECT count (*) FROM session_member) + (SELECT count (*) FROM "
                  "headcount_seen) + "
                  "  (SELECT count (*) FROM attendance_seen)");
}

/* A learner who did a bit of everything. */
KnsLearner *
busy_learner (Fixture    *f,
              const char *nickname,
              const char *class_label)
{
  KnsLearner *learner = add_learner (f, nickname, class_label, 5, KNS_SEX_UNSTATED);
  g_autoptr(KnsAttempt) attempt = NULL;

  sign_in (f, learner->id);
  g_assert_true (kns_store_save_reading (f->store, learner->id, "t2-a", "v1", 2, NULL));
  g_assert_true (kns_store_complete_reading (f->store, learner->id, "t2-a", "v1", 2, NULL));
  attempt = take_quiz (f, learner->id, "t2-b", 2, 3, 2);
  return learner;
}
