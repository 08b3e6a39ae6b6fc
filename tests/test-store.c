/* test-store.c — the progress store: records, tallies, privacy, recovery
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
#include "kns-test-common.h"

typedef struct
{
  char     *dir;
  gint64    now;
  KnsStore *store;
} Fixture;

static gint64
fixture_clock (gpointer user_data)
{
  return ((Fixture *) user_data)->now;
}

static gint64
local_time (int year,
            int month,
            int day,
            int hour,
            int minute)
{
  g_autoptr(GDateTime) time = g_date_time_new_local (year, month, day, hour, minute, 0);

  return g_date_time_to_unix (time) * G_USEC_PER_SEC;
}

static KnsStore *
open_store (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  KnsStore *store = kns_store_open_with_clock (f->dir, fixture_clock, f, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static void
close_store (Fixture *f)
{
  g_assert_finalize_object (f->store);
  f->store = NULL;
}

static void
reopen_store (Fixture *f)
{
  close_store (f);
  f->store = open_store (f);
}

static void
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

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->store != NULL)
    close_store (f);
  kns_test_remove_tree (f->dir);
  g_free (f->dir);
}

/* Tests read the file through their own connection. */
static sqlite3 *
open_raw (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 2000);
  return db;
}

static char *
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

static gint64
raw_int (Fixture    *f,
         const char *sql)
{
  g_autofree char *text = raw_text (kns_store_get_path (f->store), sql);

  return text != NULL ? g_ascii_strtoll (text, NULL, 10) : 0;
}

/* "attendances/completions/attempts/score_sum/passes" of one tally row. */
static char *
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

static gint64
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
static char *
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

static KnsLearner *
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

static void
sign_in (Fixture *f,
         gint64   learner_id)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (kns_store_sign_in (f->store, learner_id, &error));
  g_assert_no_error (error);
}

static void
set_setting (Fixture    *f,
             const char *key,
             const char *value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (kns_store_set_setting (f->store, key, value, &error));
  g_assert_no_error (error);
}

/* Takes a quiz of @n questions with @n_right right answers. */
static KnsAttempt *
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

static GBytes *
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
static char *
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

/* Opening */

static void
test_open_fresh (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *nested = g_build_filename (f->dir, "lab", "data", NULL);
  g_autoptr(KnsStore) store = kns_store_open (nested, &error);
  g_autofree char *expected = g_build_filename (nested, "kynangso.db", NULL);
  g_autoptr(GBytes) header = NULL;
  GStatBuf st;

  g_assert_no_error (error);
  g_assert_cmpstr (kns_store_get_path (store), ==, expected);
  g_assert_cmpuint (kns_store_get_schema_version (store), ==, 3);
  g_assert_true (g_uuid_string_is_valid (kns_store_get_device_uuid (store)));
  g_assert_cmpint (kns_store_get_recovery (store), ==, KNS_STORE_RECOVERY_NONE);
  g_assert_null (kns_store_get_moved_aside (store));
  g_assert_null (kns_store_describe_recovery (store));

  /* The folder is private; the file is in WAL mode (header bytes 18, 19). */
  g_assert_cmpint (g_stat (nested, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  header = read_bytes (expected);
  g_assert_cmpint (((const guint8 *) g_bytes_get_data (header, NULL))[18], ==, 2);

  /* The real clock is used without one. */
  g_assert_cmpint (ABS (kns_store_now (store) - g_get_real_time ()), <, 10 * G_USEC_PER_SEC);
}

static void
test_default_dir (void)
{
  g_autofree char *dir = kns_store_default_dir ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "kynangso", NULL);

  g_assert_cmpstr (dir, ==, expected);
}

static void
test_device_uuid (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = g_strdup (kns_store_get_device_uuid (f->store));

  reopen_store (f);
  g_assert_cmpstr (kns_store_get_device_uuid (f->store), ==, uuid);

  g_assert_false (kns_store_set_setting (f->store, KNS_STORE_SETTING_DEVICE_UUID, "x", &error));
  g_assert_error (error, KNS_STORE_ERROR, KNS_STORE_ERROR_INVALID);
  g_assert_cmpstr (kns_store_get_device_uuid (f->store), ==, uuid);
}

static void
test_school_year (void)
{
  g_assert_cmpuint (kns_school_year_for_time (local_time (2026, 9, 1, 0, 0)), ==, 2026);
  g_assert_cmpuint (kns_school_year_for_time (local_time (2027, 1, 15, 12, 0)), ==, 2026);
  g_assert_cmpuint (kns_school_year_for_time (local_time (2027, 5, 31, 12, 0)), ==, 2026);
  g_assert_cmpuint (kns_school_year_for_time (local_time (2027, 8, 31, 23, 59)), ==, 2026);
  /* Local time: 00:30 on 1 September in Việt Nam is still August in UTC. */
  g_assert_cmpuint (kns_school_year_for_time (local_time (2027, 9, 1, 0, 30)), ==, 2027);
}

/* Learners */

static void
test_learners (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsLearner) meo = add_learner (f, "  Mèo   Con 7 ", " 5A ", 5, KNS_SEX_UNSTATED);
  g_autoptr(KnsLearner) ca = add_learner (f, "Cá Heo Xanh 12", "5A", 5, KNS_SEX_UNSTATED);
  g_autoptr(KnsLearner) gau = add_learner (f, "Gấu Trúc 3", "2B", 2, KNS_SEX_UNSTATED);
  g_autoptr(KnsLearner) got = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_auto(GStrv) classes = NULL;

  g_assert_cmpstr (meo->nickname, ==, "Mèo Con 7");
  g_assert_cmpstr (meo->class_label, ==, "5A");
  g_assert_cmpint (meo->kind, ==, KNS_LEARNER_PROFILE);
  g_assert_cmpint (meo->created, ==, f->now);

  got = kns_store_get_learner (f->store, meo->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (got->id, ==, meo->id);
  g_assert_cmpstr (got->nickname, ==, "Mèo Con 7");
  g_assert_cmpstr (got->avatar, ==, "cat");
  g_assert_cmpuint (got->grade, ==, 5);
  g_assert_cmpint (got->last_seen, ==, f->now);
  g_assert_false (got->archived);

  list = kns_store_list_learners (f->store, "5A", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((KnsLearner *) g_ptr_array_index (list, 0))->nickname, ==, "Cá Heo Xanh 12");
  g_clear_pointer (&list, g_ptr_array_unref);
  list = kns_store_list_learners (f->store, NULL, FALSE, &error);
  g_assert_cmpuint (list->len, ==, 3);

  classes = kns_store_list_classes (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (classes), ==, 2);
  g_assert_cmpstr (classes[0], ==, "2B");
  g_assert_cmpstr (classes[1], ==, "5A");

  /* Moving up a grade and to another class. */
  g_free (gau->nickname);
  gau->nickname = g_strdup ("Gấu Trúc 4");
  g_free (gau->class_label);
  gau->class_label = g_strdup ("3B");
  gau->grade = 3;
  g_assert_true (kns_store_update_learner (f->store, gau, &error));
  g_assert_no_error (error);
  g_clear_pointer (&got, kns_learner_free);
  got = kns_store_get_learner (f->store, gau->id, &error);
  g_assert_cmpstr (got->nickname, ==, "Gấu Trúc 4");
  g_assert_cmpstr (got->class_label, ==, "3B");
  g_assert_cmpuint (got->grade, ==, 3);
}

static void
assert_add_invalid (Fixture    *f,
                    const char *nickname,
                    guint       grade)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsLearner) learner = kns_store_add_learner (f->store, nickname, "5A", grade, NULL,
                                                         KNS_SEX_UNSTATED, &error);

  g_assert_null (learner);
  g_assert_error (error, KNS_STORE_ERROR, KNS_STORE_ERROR_INVALID);
  g_test_message ("%s", error->message);
}

/* The sign-in grid and the class list read as a Vietnamese teacher
 * expects, on a lab PC whose locale is C: "Ếch" among the Es, "Đậu"
 * among the Ds, "4A" before "10A". */
static void
test_learner_order (Fixture       *f,
                    gconstpointer  data)
{
  const char *const added[] = { "Thỏ Ngọc", "ếch xanh", "Đậu Đỏ", "Cú Mèo", "Ếch Con", "Gấu Nâu", "An" };
  const char *const expected[] = { "An", "Cú Mèo", "Đậu Đỏ", "Ếch Con", "ếch xanh", "Gấu Nâu", "Thỏ Ngọc" };
  const char *const classes_added[] = { "10A", "4B", "12C", "Đặc biệt", "Câu lạc bộ" };
  const char *const classes_expected[] = { "4A", "4B", "10A", "12C", "Câu lạc bộ", "Đặc biệt" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_auto(GStrv) classes = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (added); i++)
    kns_learner_free (add_learner (f, added[i], "4A", 4, KNS_SEX_UNSTATED));
  for (guint i = 0; i < G_N_ELEMENTS (classes_added); i++)
    kns_learner_free (add_learner (f, "Sóc", classes_added[i], 4, KNS_SEX_UNSTATED));

  list = kns_store_list_learners (f->store, "4A", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (((KnsLearner *) g_ptr_array_index (list, i))->nickname, ==, expected[i]);

  classes = kns_store_list_classes (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (classes), ==, G_N_ELEMENTS (classes_expected));
  for (guint i = 0; i < G_N_ELEMENTS (classes_expected); i++)
    g_assert_cmpstr (classes[i], ==, classes_expected[i]);
}

static void
test_learner_invalid (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsLearner) learner = add_learner (f, "Sóc 1", "5A", 5, KNS_SEX_UNSTATED);
  g_autoptr(GPtrArray) list = NULL;

  assert_add_invalid (f, "", 5);
  assert_add_invalid (f, " \t ", 5);
  assert_add_invalid (f, "Chim Cánh Cụt Tinh Nghịch 99", 5);
  assert_add_invalid (f, "Sóc 2", 0);
  assert_add_invalid (f, "Sóc 2", 13);

  learner->grade = 13;
  g_assert_false (kns_store_update_learner (f->store, learner, &error));
  g_assert_error (error, KNS_STORE_ERROR, KNS_STORE_ERROR_INVALID);
  g_clear_error (&error);

  learner->grade = 5;
  learner->id += 100;
  g_assert_false (kns_store_update_learner (f->store, learner, &error));
  g_assert_error (error, KNS_STORE_ERROR, KNS_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_null (kns_store_get_learner (f->store, 999, &error));
  g_assert_error (error, KNS_STORE_ERROR, KNS_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (kns_store_delete_learner (f->store, 999, &error));
  g_assert_error (error, KNS_STORE_ERROR, KNS_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (kns_store_sign_in (f->store, 999, &error));
  g_assert_error (error, KNS_STORE_ERROR, KNS_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Nothing half-saved. */
  list = kns_store_list_learners (f->store, NULL, TRUE, &error);
  g_assert_cmpuint (list->len, ==, 1);
}

static void
test_record_sex (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(KnsLearner) before = add_learner (f, "Thỏ Ngọc 1", "5A", 5, KNS_SEX_FEMALE);
  g_autoptr(KnsLearner) during = NULL;
  g_autoptr(KnsLearner) after = NULL;
  g_autofree char *value = kns_store_get_setting (f->store, KNS_STORE_SETTING_RECORD_SEX, NULL);

  /* Not recorded unless the school asks. */
  g_assert_cmpstr (value, ==, "false");
  g_assert_cmpint (before->sex, ==, KNS_SEX_UNSTATED);

  set_setting (f, KNS_STORE_SETTING_RECORD_SEX, "true");
  during = add_learner (f, "Thỏ Ngọc 2", "5A", 5, KNS_SEX_FEMALE);
  g_assert_cmpint (during->sex, ==, KNS_SEX_FEMALE);
  sign_in (f, during->id);
  g_assert_cmpint (headcount (f, 2026, "", 5, KNS_SEX_FEMALE, 2), ==, 1);

  /* Stopping forgets what was recorded; the tallies keep their counts. */
  set_setting (f, KNS_STORE_SETTING_RECORD_SEX, "false");
  after = kns_store_get_learner (f->store, during->id, NULL);
  g_assert_cmpint (after->sex, ==, KNS_SEX_UNSTATED);
  g_assert_cmpint (headcount (f, 2026, "", 5, KNS_SEX_FEMALE, 2), ==, 1);
}

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

/* Privacy operations */

static gint64
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
static KnsLearner *
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

static void
test_delete_learner (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsClassSession) session = NULL;
  g_autoptr(KnsClassSession) running = NULL;
  g_autoptr(KnsLearner) learner = NULL;
  g_autoptr(KnsAttempt) attempt = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  session = kns_store_start_session (f->store, "5A", 5, 2, "Buổi", KNS_SESSION_FORMAT_IN_PERSON,
                                     NULL, NULL);
  learner = busy_learner (f, "Kỳ Lân 9", "5A");
  attempt = kns_store_get_last_attempt (f->store, learner->id, "t2-b", NULL);
  before = dump_tallies (f);
  g_assert_cmpint (count_learner_rows (f), >, 6);

  g_assert_true (kns_store_delete_learner (f->store, learner->id, &error));
  g_assert_no_error (error);

  /* Every row about them is gone; the tallies are the same. */
  g_assert_cmpint (count_learner_rows (f), ==, 0);
  after = dump_tallies (f);
  g_assert_cmpstr (after, ==, before);
  g_assert_null (kns_store_get_learner (f->store, learner->id, &error));
  g_assert_error (error, KNS_STORE_ERROR, KNS_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (kns_store_get_attempt (f->store, attempt->id, &error));
  g_assert_error (error, KNS_STORE_ERROR, KNS_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (kns_store_list_progress (f->store, learner->id, &error));
  g_assert_error (error, KNS_STORE_ERROR, KNS_STORE_ERROR_NOT_FOUND);

  running = kns_store_get_running_session (f->store, NULL);
  g_assert_cmpuint (running->attendance, ==, 1);
}

static void
test_archive_class (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsLearner) a = busy_learner (f, "Cú Mèo 1", "5A");
  g_autoptr(KnsLearner) b = busy_learner (f, "Cú Mèo 2", "5A");
  g_autoptr(KnsLearner) c = busy_learner (f, "Cú Mèo 3", "5B");
  g_autoptr(GPtrArray) grid = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(KnsProgress) progress = NULL;
  g_auto(GStrv) classes = NULL;
  g_autofree char *before = dump_tallies (f);
  g_autofree char *after = NULL;

  g_assert_cmpuint (kns_store_archive_class (f->store, "5A", &error), ==, 2);
  g_assert_no_error (error);
  g_assert_cmpuint (kns_store_archive_class (f->store, "5A", &error), ==, 0);

  /* They leave the sign-in grid and the list of classes. */
  grid = kns_store_list_learners (f->store, NULL, FALSE, &error);
  g_assert_cmpuint (grid->len, ==, 1);
  g_assert_cmpint (((KnsLearner *) g_ptr_array_index (grid, 0))->id, ==, c->id);
  all = kns_store_list_learners (f->store, NULL, TRUE, &error);
  g_assert_cmpuint (all->len, ==, 3);
  classes = kns_store_list_classes (f->store, &error);
  g_assert_cmpuint (g_strv_length (classes), ==, 1);
  g_assert_cmpstr (classes[0], ==, "5B");

  /* Their progress stays until the retention limit; tallies unchanged. */
  progress = kns_store_get_progress (f->store, a->id, "t2-b", &error);
  g_assert_cmpint (progress->state, ==, KNS_LESSON_DONE);
  after = dump_tallies (f);
  g_assert_cmpstr (after, ==, before);
}

static void
test_purge_inactive (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsLearner) old = busy_learner (f, "Bướm 1", "5A");
  g_autoptr(KnsLearner) recent = NULL;
  g_autoptr(KnsLearner) got = NULL;
  g_autofree char *retention = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  retention = kns_store_get_setting (f->store, KNS_STORE_SETTING_RETENTION_DAYS, NULL);
  g_assert_cmpstr (retention, ==, "365");

  f->now += 200 * G_TIME_SPAN_DAY;
  recent = busy_learner (f, "Bướm 2", "6A");
  before = dump_tallies (f);

  /* 365 days less a minute: nobody is old enough yet. */
  f->now += 165 * G_TIME_SPAN_DAY - G_TIME_SPAN_MINUTE;
  g_assert_cmpuint (kns_store_purge_inactive (f->store, 365, &error), ==, 0);
  f->now += 2 * G_TIME_SPAN_MINUTE;
  g_assert_cmpuint (kns_store_purge_inactive (f->store, 365, &error), ==, 1);
  g_assert_no_error (error);

  g_assert_null (kns_store_get_learner (f->store, old->id, &error));
  g_assert_error (error, KNS_STORE_ERROR, KNS_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  got = kns_store_get_learner (f->store, recent->id, &error);
  g_assert_no_error (error);
  after = dump_tallies (f);
  g_assert_cmpstr (after, ==, before);
}

static void
test_guest (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsLearner) guest = kns_store_add_guest (f->store, 3, "owl", &error);
  g_autoptr(KnsLearner) second = NULL;
  g_autoptr(KnsLearner) leftover = NULL;
  g_autoptr(KnsAttempt) attempt = NULL;
  g_autoptr(GPtrArray) grid = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (guest->kind, ==, KNS_LEARNER_GUEST);
  g_assert_cmpstr (guest->class_label, ==, "");
  g_assert_cmpstr (guest->nickname, ==, "Guest");
  g_assert_null (kns_store_add_guest (f->store, 0, NULL, &error));
  g_assert_error (error, KNS_STORE_ERROR, KNS_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Guests never appear in the sign-in grid. */
  grid = kns_store_list_learners (f->store, NULL, TRUE, &error);
  g_assert_cmpuint (grid->len, ==, 0);

  sign_in (f, guest->id);
  attempt = take_quiz (f, guest->id, "t1-a", 1, 2, 2);
  g_assert_true (kns_store_sign_out (f->store, guest->id, &error));
  g_assert_no_error (error);

  /* Nothing of theirs is kept but the counts. */
  g_assert_cmpint (count_learner_rows (f), ==, 0);
  g_assert_null (kns_store_get_attempt (f->store, attempt->id, &error));
  g_assert_error (error, KNS_STORE_ERROR, KNS_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (headcount (f, 2026, "", 3, KNS_SEX_UNSTATED, 1), ==, 1);
  g_assert_cmpint (raw_int (f, "SELECT sum (attempts) FROM tally_day"), ==, 1);

  /* Each guest is a new participant. */
  second = kns_store_add_guest (f->store, 3, "owl", &error);
  sign_in (f, second->id);
  g_assert_true (kns_store_sign_out (f->store, second->id, &error));
  g_assert_cmpint (headcount (f, 2026, "", 3, KNS_SEX_UNSTATED, 1), ==, 2);

  /* A guest left behind by a crash goes at the next start. */
  leftover = kns_store_add_guest (f->store, 3, "owl", &error);
  sign_in (f, leftover->id);
  reopen_store (f);
  g_assert_cmpint (count_learner_rows (f), ==, 0);
  g_assert_cmpint (headcount (f, 2026, "", 3, KNS_SEX_UNSTATED, 1), ==, 3);
}

static void
test_sign_out (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsLearner) learner = add_learner (f, "Rồng Con 1", "5A", 5, KNS_SEX_UNSTATED);
  g_autoptr(KnsLearner) got = NULL;

  f->now += G_TIME_SPAN_HOUR;
  g_assert_true (kns_store_sign_out (f->store, learner->id, &error));
  g_assert_no_error (error);
  got = kns_store_get_learner (f->store, learner->id, &error);
  g_assert_cmpint (got->last_seen, ==, f->now);

  g_assert_false (kns_store_sign_out (f->store, 999, &error));
  g_assert_error (error, KNS_STORE_ERROR, KNS_STORE_ERROR_NOT_FOUND);
}

/* Settings */

static void
test_settings (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *unset = kns_store_get_setting (f->store, "teacher-pin", &error);
  g_autofree char *name = NULL;
  g_autofree char *removed = NULL;

  g_assert_no_error (error);
  g_assert_null (unset);

  set_setting (f, KNS_STORE_SETTING_SCHOOL_NAME, "Trường Tiểu học Kim Đồng");
  set_setting (f, KNS_STORE_SETTING_SCHOOL_LOCATION, "Phường Ba Đình, Hà Nội");
  set_setting (f, "teacher-pin", "$argon2id$…");
  set_setting (f, "teacher-pin", NULL);
  g_assert_true (kns_store_set_enrolment (f->store, 2026, 5, KNS_SEX_FEMALE, 31, &error));
  g_assert_true (kns_store_set_enrolment (f->store, 2026, 5, KNS_SEX_FEMALE, 32, &error));
  g_assert_true (kns_store_set_enrolment (f->store, 2026, 5, KNS_SEX_MALE, 30, &error));
  g_assert_no_error (error);
  g_assert_false (kns_store_set_enrolment (f->store, 2026, 13, KNS_SEX_MALE, 30, &error));
  g_assert_error (error, KNS_STORE_ERROR, KNS_STORE_ERROR_INVALID);
  g_clear_error (&error);

  reopen_store (f);
  name = kns_store_get_setting (f->store, KNS_STORE_SETTING_SCHOOL_NAME, &error);
  g_assert_cmpstr (name, ==, "Trường Tiểu học Kim Đồng");
  removed = kns_store_get_setting (f->store, "teacher-pin", &error);
  g_assert_null (removed);
  g_assert_cmpuint (kns_store_get_enrolment (f->store, 2026, 5, KNS_SEX_FEMALE, &error), ==, 32);
  g_assert_cmpuint (kns_store_get_enrolment (f->store, 2026, 5, KNS_SEX_MALE, &error), ==, 30);
  g_assert_cmpuint (kns_store_get_enrolment (f->store, 2026, 6, KNS_SEX_MALE, &error), ==, 0);
  g_assert_no_error (error);
}

/* Backups */

static char *
backup_path (Fixture    *f,
             const char *stamp)
{
  g_autofree char *name = g_strdup_printf ("kynangso-%s.db", stamp);

  return g_build_filename (f->dir, "backups", name, NULL);
}

static void
test_backups (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsLearner) learner = add_learner (f, "Cá Voi 1", "5A", 5, KNS_SEX_UNSTATED);
  g_autofree char *folder = g_build_filename (f->dir, "backups", NULL);
  g_autofree char *first = backup_path (f, "20261005-080000");
  g_autofree char *listing = NULL;
  g_autofree char *check = NULL;
  g_autofree char *count = NULL;
  g_autoptr(GBytes) bytes = NULL;

  /* At most one a day. */
  g_assert_true (kns_store_backup_if_due (f->store, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (first, G_FILE_TEST_IS_REGULAR));
  f->now += 3 * G_TIME_SPAN_HOUR;
  g_assert_true (kns_store_backup_if_due (f->store, &error));
  listing = list_folder (folder);
  g_assert_cmpstr (listing, ==, "kynangso-20261005-080000.db");
  g_clear_pointer (&listing, g_free);

  /* A backup is one self-contained file, not in WAL mode, and whole. */
  bytes = read_bytes (first);
  g_assert_cmpint (((const guint8 *) g_bytes_get_data (bytes, NULL))[18], ==, 1);
  check = raw_text (first, "PRAGMA integrity_check");
  g_assert_cmpstr (check, ==, "ok");
  count = raw_text (first, "SELECT count (*) FROM learner");
  g_assert_cmpstr (count, ==, "1");

  /* The next day, and a few class sessions: the last five are kept. */
  f->now = local_time (2026, 10, 6, 7, 30);
  g_assert_true (kns_store_backup_if_due (f->store, &error));
  for (guint i = 0; i < 5; i++)
    {
      f->now += G_TIME_SPAN_HOUR;
      g_assert_true (kns_store_backup (f->store, &error));
      g_assert_no_error (error);
    }
  listing = list_folder (folder);
  g_assert_cmpstr (listing, ==,
                   "kynangso-20261006-083000.db kynangso-20261006-093000.db "
                   "kynangso-20261006-103000.db kynangso-20261006-113000.db "
                   "kynangso-20261006-123000.db");
}

/* Recovery */

typedef enum
{
  DAMAGE_ZERO_LENGTH,
  DAMAGE_TRUNCATED,
  DAMAGE_CORRUPT,
  DAMAGE_BAD_PAGE,
  DAMAGE_NOT_SQLITE,
} Damage;

typedef struct
{
  Damage   damage;
  gboolean with_backup;
} RecoveryCase;

static void
damage_file (const char *path,
             Damage      damage)
{
  g_autoptr(GBytes) bytes = read_bytes (path);
  gsize size = g_bytes_get_size (bytes);
  g_autofree guint8 *data = g_memdup2 (g_bytes_get_data (bytes, NULL), size);

  switch (damage)
    {
    case DAMAGE_ZERO_LENGTH:
      size = 0;
      break;
    case DAMAGE_TRUNCATED:
      /* Cut in the middle of a page, as a copy that stopped would. */
      size = size / 2 + 100;
      break;
    case DAMAGE_CORRUPT:
      /* The header stays; every b-tree page after the first is garbage. */
      g_assert_cmpuint (size, >, 3 * 4096);
      memset (data + 4096, 0x5a, size - 4096);
      break;
    case DAMAGE_BAD_PAGE:
      /* Only the last page: the schema reads, PRAGMA quick_check does not pass. */
      memset (data + size - 4096, 0x5a, 4096);
      break;
    case DAMAGE_NOT_SQLITE:
    default:
      g_free (data);
      data = (guint8 *) g_strdup ("Đây không phải là cơ sở dữ liệu.\n");
      size = strlen ((char *) data);
      break;
    }

  g_assert_true (g_file_set_contents (path, (const char *) data, size, NULL));
}

static void
test_recovery (Fixture       *f,
               gconstpointer  data)
{
  const RecoveryCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsLearner) kept = add_learner (f, "Sao Biển 1", "5A", 5, KNS_SEX_UNSTATED);
  g_autoptr(KnsLearner) lost = NULL;
  g_autoptr(GBytes) damaged = NULL;
  g_autoptr(GBytes) aside = NULL;
  g_autoptr(GPtrArray) learners = NULL;
  g_autofree char *uuid = g_strdup (kns_store_get_device_uuid (f->store));
  g_autofree char *path = g_strdup (kns_store_get_path (f->store));
  g_autofree char *expected_aside = g_strconcat (path, ".damaged-20261006-073000", NULL);
  g_autofree char *message = NULL;

  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(KnsLearner) filler = busy_learner (f, "Bạch Tuộc", "5B");
    }
  if (c->with_backup)
    g_assert_true (kns_store_backup (f->store, NULL));
  f->now += G_TIME_SPAN_HOUR;
  lost = add_learner (f, "Cua 2", "5A", 5, KNS_SEX_UNSTATED);
  close_store (f);

  damage_file (path, c->damage);
  damaged = read_bytes (path);

  f->now = local_time (2026, 10, 6, 7, 30);
  f->store = kns_store_open_with_clock (f->dir, fixture_clock, f, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);

  /* The damaged file is kept, byte for byte, under a dated name. */
  g_assert_cmpstr (kns_store_get_moved_aside (f->store), ==, expected_aside);
  aside = read_bytes (expected_aside);
  g_assert_true (g_bytes_equal (aside, damaged));
  message = kns_store_describe_recovery (f->store);
  g_assert_nonnull (strstr (message, expected_aside));

  learners = kns_store_list_learners (f->store, "5A", TRUE, &error);
  g_assert_no_error (error);
  if (c->with_backup)
    {
      g_assert_cmpint (kns_store_get_recovery (f->store), ==, KNS_STORE_RECOVERY_RESTORED_BACKUP);
      g_assert_nonnull (kns_store_get_restored_backup (f->store));
      g_assert_nonnull (strstr (message, "(05/10/2026 08:00)"));
      g_assert_cmpuint (learners->len, ==, 1);
      g_assert_cmpstr (((KnsLearner *) g_ptr_array_index (learners, 0))->nickname, ==,
                       kept->nickname);
      g_assert_cmpstr (kns_store_get_device_uuid (f->store), ==, uuid);
    }
  else
    {
      g_assert_cmpint (kns_store_get_recovery (f->store), ==, KNS_STORE_RECOVERY_STARTED_FRESH);
      g_assert_null (kns_store_get_restored_backup (f->store));
      g_assert_cmpuint (learners->len, ==, 0);
    }

  /* What replaced it is sound: the next start finds nothing to do. */
  reopen_store (f);
  g_assert_cmpint (kns_store_get_recovery (f->store), ==, KNS_STORE_RECOVERY_NONE);
  g_assert_true (g_file_test (expected_aside, G_FILE_TEST_IS_REGULAR));
}

static void
test_recovery_skips_bad_backup (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsLearner) first = add_learner (f, "Voi Con 1", "5A", 5, KNS_SEX_UNSTATED);
  g_autoptr(KnsLearner) second = NULL;
  g_autoptr(GPtrArray) learners = NULL;
  g_autofree char *older = backup_path (f, "20261005-080000");
  g_autofree char *newer = backup_path (f, "20261005-090000");
  g_autofree char *path = g_strdup (kns_store_get_path (f->store));

  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(KnsLearner) filler = busy_learner (f, "Ếch Con", "5B");
    }
  g_assert_true (kns_store_backup (f->store, NULL));
  f->now += G_TIME_SPAN_HOUR;
  second = add_learner (f, "Voi Con 2", "5A", 5, KNS_SEX_UNSTATED);
  g_assert_true (kns_store_backup (f->store, NULL));
  close_store (f);

  /* The newest backup is damaged too: the one before it is restored. */
  damage_file (newer, DAMAGE_CORRUPT);
  damage_file (path, DAMAGE_NOT_SQLITE);
  f->store = open_store (f);
  g_assert_cmpint (kns_store_get_recovery (f->store), ==, KNS_STORE_RECOVERY_RESTORED_BACKUP);
  g_assert_cmpstr (kns_store_get_restored_backup (f->store), ==, older);
  learners = kns_store_list_learners (f->store, "5A", TRUE, &error);
  g_assert_cmpuint (learners->len, ==, 1);
  g_assert_cmpstr (((KnsLearner *) g_ptr_array_index (learners, 0))->nickname, ==, "Voi Con 1");
}

static void
test_orphan_wal (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsLearner) learner = add_learner (f, "Sóc 7", "5A", 5, KNS_SEX_UNSTATED);
  g_autoptr(GPtrArray) learners = NULL;
  g_autofree char *path = g_strdup (kns_store_get_path (f->store));
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *orphan = g_strconcat (path, ".orphan-20261005-080000-wal", NULL);
  g_autofree char *check = NULL;
  g_autoptr(GBytes) log = read_bytes (wal);

  /* Someone deletes the database by hand and leaves its log. */
  g_assert_cmpuint (g_bytes_get_size (log), >, 0);
  close_store (f);
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_true (g_file_set_contents (wal, g_bytes_get_data (log, NULL), g_bytes_get_size (log),
                                     NULL));

  /* The log is kept aside, not replayed into the new database. */
  f->store = open_store (f);
  g_assert_true (g_file_test (orphan, G_FILE_TEST_IS_REGULAR));
  learners = kns_store_list_learners (f->store, NULL, TRUE, &error);
  g_assert_cmpuint (learners->len, ==, 0);
  check = raw_text (path, "PRAGMA integrity_check");
  g_assert_cmpstr (check, ==, "ok");
}

/* Refusals: the file is left exactly as it was. */

static void
test_newer_version (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup (kns_store_get_path (f->store));
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *listing_before = NULL;
  g_autofree char *listing_after = NULL;
  g_autoptr(KnsStore) store = NULL;
  sqlite3 *db;

  close_store (f);
  db = open_raw (path);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  before = read_bytes (path);
  listing_before = list_folder (f->dir);

  store = kns_store_open_with_clock (f->dir, fixture_clock, f, &error);
  g_assert_null (store);
  g_assert_error (error, KNS_STORE_ERROR, KNS_STORE_ERROR_NEWER_VERSION);
  g_assert_nonnull (strstr (error->message, "newer version"));

  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  listing_after = list_folder (f->dir);
  g_assert_cmpstr (listing_after, ==, listing_before);
}

static void
test_locked (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup (kns_store_get_path (f->store));
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(KnsStore) store = NULL;
  g_autoptr(KnsLearner) learner = NULL;
  g_autoptr(KnsAttempt) attempt = NULL;
  sqlite3 *other;

  g_setenv ("KNS_STORE_BUSY_TIMEOUT_MS", "200", TRUE);
  reopen_store (f);
  learner = add_learner (f, "Hươu Sao 1", "5A", 5, KNS_SEX_UNSTATED);
  attempt = kns_store_start_attempt (f->store, learner->id, "t2-a", "v1", 2, 3, NULL);

  /* Another program holds the write lock. */
  other = open_raw (path);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  /* An answer cannot be saved, and says why … */
  g_assert_false (kns_store_record_answer (f->store, attempt->id, "q1", 1, TRUE, &error));
  g_assert_error (error, KNS_STORE_ERROR, KNS_STORE_ERROR_LOCKED);
  g_clear_error (&error);

  /* … and a second copy of the app is refused, touching nothing. */
  close_store (f);
  before = read_bytes (path);
  store = kns_store_open_with_clock (f->dir, fixture_clock, f, &error);
  g_assert_null (store);
  g_assert_error (error, KNS_STORE_ERROR, KNS_STORE_ERROR_LOCKED);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));

  /* Once let go, everything works. */
  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);
  f->store = open_store (f);
  g_assert_cmpint (kns_store_get_recovery (f->store), ==, KNS_STORE_RECOVERY_NONE);
  g_assert_true (kns_store_record_answer (f->store, attempt->id, "q1", 1, TRUE, &error));
  g_assert_no_error (error);
  g_unsetenv ("KNS_STORE_BUSY_TIMEOUT_MS");
}

/* root ignores file permissions, so the refusal is checked in a
 * subprocess that becomes "nobody" first: the test then runs, and can
 * fail, in CI too. */
static void
drop_privileges (void)
{
  if (geteuid () != 0)
    return;
  g_assert_cmpint (setgid (65534), ==, 0);
  g_assert_cmpint (setuid (65534), ==, 0);
  g_assert_cmpint (geteuid (), !=, 0);
}

static void
test_read_only (gconstpointer data)
{
  gboolean only_file = GPOINTER_TO_INT (data);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(KnsStore) store = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *listing_before = NULL;
  g_autofree char *listing_after = NULL;

  if (g_test_subprocess ())
    {
      drop_privileges ();
      store = kns_store_open (g_getenv ("KNS_TEST_DATA_DIR"), &error);
      g_assert_null (store);
      g_assert_error (error, KNS_STORE_ERROR, KNS_STORE_ERROR_READ_ONLY);
      g_test_message ("%s", error->message);
      return;
    }

  dir = g_dir_make_tmp ("kns-store-ro-XXXXXX", &error);
  g_assert_no_error (error);
  store = kns_store_open (dir, &error);
  g_assert_no_error (error);
  path = g_strdup (kns_store_get_path (store));
  g_assert_finalize_object (g_steal_pointer (&store));

  /* Others may enter the folder; only its owner (root, or us) writes. */
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  if (only_file)
    g_assert_cmpint (g_chmod (dir, geteuid () == 0 ? 0777 : 0755), ==, 0);
  else
    g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  before = read_bytes (path);
  listing_before = list_folder (dir);

  g_setenv ("KNS_TEST_DATA_DIR", dir, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_unsetenv ("KNS_TEST_DATA_DIR");

  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  listing_after = list_folder (dir);
  g_assert_cmpstr (listing_after, ==, listing_before);
  kns_test_remove_tree (dir);
}

static void
test_disk_full (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsLearner) learner = add_learner (f, "Chuột Túi 1", "5A", 5, KNS_SEX_UNSTATED);
  g_autoptr(KnsAttempt) attempt = kns_store_start_attempt (f->store, learner->id, "t2-a", "v1", 2,
                                                           10000, NULL);
  g_autoptr(KnsAttempt) saved = NULL;
  g_autofree char *check = NULL;
  gint64 pages = raw_int (f, "PRAGMA page_count");
  guint n_saved = 0;

  /* The disk fills up a few pages further on. */
  kns_store_set_max_pages (f->store, (guint) pages + 8);
  for (guint i = 0; i < 10000; i++)
    {
      g_autofree char *question = g_strdup_printf ("q%05u-%0200u", i, i);

      if (!kns_store_record_answer (f->store, attempt->id, question, 1, TRUE, &error))
        break;
      n_saved++;
    }

  g_assert_error (error, KNS_STORE_ERROR, KNS_STORE_ERROR_FULL);
  g_test_message ("%u answers saved before: %s", n_saved, error->message);
  g_clear_error (&error);
  g_assert_cmpuint (n_saved, >, 5);

  /* Everything saved before is there; the failed answer is not. */
  saved = kns_store_get_attempt (f->store, attempt->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (saved->answers->len, ==, n_saved);
  check = raw_text (kns_store_get_path (f->store), "PRAGMA integrity_check");
  g_assert_cmpstr (check, ==, "ok");

  /* Once space is freed, saving works again. */
  kns_store_set_max_pages (f->store, 1000000);
  g_assert_true (kns_store_record_answer (f->store, attempt->id, "last", 1, TRUE, &error));
  g_assert_no_error (error);
}

/* Each released schema version's file, opened by today's code. */
static void
test_schema_1 (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", "store", "schema-1.db",
                                                    NULL);
  g_autofree char *path = g_strdup (kns_store_get_path (f->store));
  g_autoptr(GBytes) bytes = read_bytes (fixture);
  g_autoptr(GPtrArray) learners = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(KnsProgress) progress = NULL;
  g_autoptr(KnsAttempt) attempt = NULL;
  g_autofree char *school = NULL;
  g_autofree char *tallies = NULL;
  KnsLearner *an;
  KnsClassSession *session;

  close_store (f);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                     g_bytes_get_size (bytes), NULL));
  f->store = open_store (f);

  g_assert_cmpint (kns_store_get_recovery (f->store), ==, KNS_STORE_RECOVERY_NONE);
  g_assert_cmpuint (kns_store_get_schema_version (f->store), ==, kns_store_schema_latest ());
  g_assert_cmpstr (kns_store_get_device_uuid (f->store), ==,
                   "5b0c3d4e-9a51-4c36-8d3e-0f6f2a7b1c90");
  school = kns_store_get_setting (f->store, KNS_STORE_SETTING_SCHOOL_NAME, &error);
  g_assert_cmpstr (school, ==, "Trường Tiểu học Kim Đồng");
  g_assert_cmpuint (kns_store_get_enrolment (f->store, 2026, 5, KNS_SEX_FEMALE, &error), ==, 32);

  learners = kns_store_list_learners (f->store, NULL, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (learners->len, ==, 3);
  an = g_ptr_array_index (learners, 2);
  g_assert_cmpstr (an->nickname, ==, "Sư Tử 1");
  g_assert_cmpstr (an->class_label, ==, "5A");
  g_assert_cmpint (an->sex, ==, KNS_SEX_MALE);
  g_assert_true (((KnsLearner *) g_ptr_array_index (learners, 0))->archived);

  progress = kns_store_get_progress (f->store, an->id, "t2-b", &error);
  g_assert_cmpint (progress->state, ==, KNS_LESSON_DONE);
  g_assert_cmpint (progress->best_score, ==, 100);
  attempt = kns_store_get_last_attempt (f->store, an->id, "t2-b", &error);
  g_assert_cmpuint (attempt->score, ==, 67);
  g_assert_cmpuint (attempt->answers->len, ==, 3);
  assert_answer (attempt, 0, "q1", 1, TRUE);

  sessions = kns_store_list_sessions (f->store, &error);
  g_assert_cmpuint (sessions->len, ==, 1);
  session = g_ptr_array_index (sessions, 0);
  g_assert_cmpstr (session->title, ==, "An toàn trên mạng");
  g_assert_cmpstr (session->notes, ==, "Lớp sôi nổi.");
  g_assert_cmpuint (session->attendance, ==, 2);

  tallies = dump_tallies (f);
  g_assert_cmpint (raw_int (f, "SELECT sum (attempts) FROM tally_day"), ==, 3);
  g_assert_cmpint (raw_int (f, "SELECT sum (score_sum) FROM tally_day"), ==, 217);
  g_assert_cmpint (raw_int (f, "SELECT sum (participants) FROM tally_headcount "
                               "WHERE session_uuid = ''"), ==, 3);
}

/* Version 2 added the figures imported from other lab computers. */
static void
test_schema_2 (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", "store", "schema-2.db",
                                                    NULL);
  g_autofree char *path = g_strdup (kns_store_get_path (f->store));
  g_autoptr(GBytes) bytes = read_bytes (fixture);
  g_autoptr(GPtrArray) bundles = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) lessons = NULL;
  g_autoptr(GPtrArray) own = NULL;
  g_autoptr(GPtrArray) all = NULL;
  KnsImportedBundle *bundle;
  KnsSessionSummary *imported;
  guint64            completions = 0;

  close_store (f);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), NULL));
  f->store = open_store (f);
  g_assert_cmpuint (kns_store_get_schema_version (f->store), ==, kns_store_schema_latest ());
  g_assert_cmpuint (kns_store_get_enrolment (f->store, 2026, 5, KNS_SEX_MALE, &error), ==, 30);

  bundles = kns_store_list_imported_bundles (f->store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bundles->len, ==, 1);
  bundle = g_ptr_array_index (bundles, 0);
  g_assert_cmpstr (bundle->device_uuid, ==, "0d7e1f52-6c1b-4a8e-9f0e-2b4c6d8e0a13");
  g_assert_cmpuint (bundle->school_year, ==, 2026);
  g_assert_cmpstr (bundle->file_name, ==, "may-2.json");

  sessions = kns_store_list_session_summaries (f->store, 2026, KNS_TALLY_ALL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, 2);
  imported = g_ptr_array_index (sessions, 1);
  g_assert_cmpstr (imported->title, ==, "Mật khẩu an toàn");
  g_assert_cmpuint (imported->participants, ==, 0);
  g_assert_cmpstr (imported->competences[0], ==, "4.2");

  lessons = kns_store_list_imported_lessons (f->store, 2026, &error);
  g_assert_cmpuint (lessons->len, ==, 1);
  g_assert_cmpstr (((KnsLessonSummary *) g_ptr_array_index (lessons, 0))->channels[0], ==, "111");

  own = kns_store_sum_tallies (f->store, "2026-09-01", "2027-08-31", NULL, KNS_TALLY_OWN, &error);
  all = kns_store_sum_tallies (f->store, "2026-09-01", "2027-08-31", NULL, KNS_TALLY_ALL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    completions += ((KnsTallyRow *) g_ptr_array_index (all, i))->completions;
  for (guint i = 0; i < own->len; i++)
    completions -= ((KnsTallyRow *) g_ptr_array_index (own, i))->completions;
  g_assert_cmpuint (completions, ==, 6);
}

/* What a Vietnamese teacher reads, from the catalogue built beside the
 * tests; in a subprocess, so the rest stays in English. */
static void
test_vietnamese (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsLearner) learner = NULL;
  g_autoptr(KnsLearner) guest = NULL;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  kns_locale_use ("vi");
  bindtextdomain (GETTEXT_PACKAGE, PO_BUILDDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  learner = kns_store_add_learner (f->store, " ", "5A", 5, NULL, KNS_SEX_UNSTATED, &error);
  g_assert_error (error, KNS_STORE_ERROR, KNS_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Hãy chọn một biệt danh.");
  guest = kns_store_add_guest (f->store, 4, NULL, NULL);
  g_assert_cmpstr (guest->nickname, ==, "Khách");
}

static void
test_preconditions (void)
{
  g_autoptr(KnsLearner) learner = NULL;

  g_test_expect_message ("kns-store", G_LOG_LEVEL_CRITICAL, "*KNS_IS_STORE*");
  learner = kns_store_add_learner (NULL, "Mèo Con 1", "5A", 5, NULL, KNS_SEX_UNSTATED, NULL);
  g_test_assert_expected_messages ();
  g_assert_null (learner);
}

static const RecoveryCase recovery_cases[] = {
  { DAMAGE_ZERO_LENGTH, TRUE },
  { DAMAGE_ZERO_LENGTH, FALSE },
  { DAMAGE_TRUNCATED, TRUE },
  { DAMAGE_TRUNCATED, FALSE },
  { DAMAGE_CORRUPT, TRUE },
  { DAMAGE_CORRUPT, FALSE },
  { DAMAGE_BAD_PAGE, TRUE },
  { DAMAGE_BAD_PAGE, FALSE },
  { DAMAGE_NOT_SQLITE, TRUE },
  { DAMAGE_NOT_SQLITE, FALSE },
};

static const char *const damage_names[] = {
  "zero-length", "truncated", "corrupt", "bad-page", "not-sqlite"
};

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  /* Việt Nam's time, with no tzdata needed: days and school years turn
   * at local midnight, 17:00 UTC. */
  g_setenv ("TZ", "ICT-7", TRUE);
  g_test_init (&argc, &argv, NULL);

  ADD ("/kns/store/open/fresh", test_open_fresh);
  g_test_add_func ("/kns/store/open/default-dir", test_default_dir);
  ADD ("/kns/store/open/device-uuid", test_device_uuid);
  g_test_add_func ("/kns/store/school-year", test_school_year);
  ADD ("/kns/store/learners/add-list-update", test_learners);
  ADD ("/kns/store/learners/order", test_learner_order);
  ADD ("/kns/store/learners/invalid", test_learner_invalid);
  ADD ("/kns/store/learners/record-sex", test_record_sex);
  ADD ("/kns/store/learners/sign-out", test_sign_out);
  ADD ("/kns/store/lessons/reading", test_reading);
  ADD ("/kns/store/lessons/quiz", test_quiz);
  ADD ("/kns/store/lessons/quiz-unanswered", test_quiz_unanswered);
  ADD ("/kns/store/lessons/resume", test_resume);
  ADD ("/kns/store/sessions", test_sessions);
  ADD ("/kns/store/tallies/day", test_tallies_day);
  ADD ("/kns/store/tallies/days-and-years", test_tallies_days_and_years);
  ADD ("/kns/store/privacy/delete-learner", test_delete_learner);
  ADD ("/kns/store/privacy/archive-class", test_archive_class);
  ADD ("/kns/store/privacy/purge-inactive", test_purge_inactive);
  ADD ("/kns/store/privacy/guest", test_guest);
  ADD ("/kns/store/settings-enrolment", test_settings);
  ADD ("/kns/store/backups", test_backups);
  for (guint i = 0; i < G_N_ELEMENTS (recovery_cases); i++)
    {
      const RecoveryCase *c = &recovery_cases[i];
      g_autofree char *path = g_strdup_printf ("/kns/store/recovery/%s/%s", damage_names[c->damage],
                                               c->with_backup ? "backup" : "no-backup");

      g_test_add (path, Fixture, c, fixture_set_up, test_recovery, fixture_tear_down);
    }
  ADD ("/kns/store/recovery/skips-bad-backup", test_recovery_skips_bad_backup);
  ADD ("/kns/store/recovery/orphan-wal", test_orphan_wal);
  ADD ("/kns/store/refuse/newer-version", test_newer_version);
  ADD ("/kns/store/refuse/locked", test_locked);
  g_test_add_data_func ("/kns/store/refuse/read-only-folder", GINT_TO_POINTER (FALSE),
                        test_read_only);
  g_test_add_data_func ("/kns/store/refuse/read-only-file", GINT_TO_POINTER (TRUE),
                        test_read_only);
  ADD ("/kns/store/disk-full", test_disk_full);
  ADD ("/kns/store/fixtures/schema-1", test_schema_1);
  ADD ("/kns/store/fixtures/schema-2", test_schema_2);
  g_test_add_func ("/kns/store/preconditions", test_preconditions);
  ADD ("/kns/store/vietnamese", test_vietnamese);

  return g_test_run ();
}
