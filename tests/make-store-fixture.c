/* make-store-fixture.c — writes the fixture of the current schema version
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
 * Each released schema version keeps a database in tests/data/store/,
 * made by this program when the version was released and never remade:
 * test-store-recovery opens a copy of each with today's code and checks that the
 * data is intact. When a release adds schema version N, run
 *
 *   build/tests/make-store-fixture tests/data/store/schema-N.db
 *
 * and add a test like test_schema_1 for it. The data is fixed (a set
 * clock, a set device UUID) so the tests can name it.
 */

#include "kns-config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdlib.h>

#include "kns-store.h"
#include "kns-test-common.h"

#define DEVICE_UUID "5b0c3d4e-9a51-4c36-8d3e-0f6f2a7b1c90"

static gint64 now;

static gint64
fixed_clock (gpointer user_data)
{
  return now;
}

static void
check (gboolean  ok,
       GError   *error)
{
  if (!ok)
    g_error ("%s", error ? error->message : "failed");
}

static void
take_quiz (KnsStore   *store,
           gint64      learner_id,
           const char *lesson_id,
           guint       n,
           guint       n_right)
{
  GError *error = NULL;
  g_autoptr(KnsAttempt) attempt = NULL;
  g_autoptr(KnsAttempt) finished = NULL;

  attempt = kns_store_start_attempt (store, learner_id, lesson_id, "v1", 2, n, &error);

  check (attempt != NULL, error);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *question = g_strdup_printf ("q%u", i + 1);

      check (kns_store_record_answer (store, attempt->id, question, 1u << i, i < n_right, &error),
             error);
    }
  finished = kns_store_finish_attempt (store, attempt->id, 70, &error);
  check (finished != NULL, error);
}

/* A bundle of another lab computer, as kns-bundle.c would import it
 * (schema version 2). */
static void
import_other_computer (KnsStore *store)
{
  static const char *const lessons_t2[] = { "t2-a", NULL };
  static const char *const competences[] = { "4.2", NULL };
  static const char *const channels[] = { "111", "trusted-adult", NULL };
  GError                  *error = NULL;
  g_autoptr(GPtrArray) tallies = g_ptr_array_new_with_free_func ((GDestroyNotify) kns_tally_row_free);
  g_autoptr(GPtrArray) heads = g_ptr_array_new_with_free_func ((GDestroyNotify) kns_headcount_row_free);
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) kns_session_summary_free);
  g_autoptr(GPtrArray) lessons = g_ptr_array_new_with_free_func ((GDestroyNotify) kns_lesson_summary_free);
  KnsImportedBundle bundle = {
    .device_uuid = (char *) "0d7e1f52-6c1b-4a8e-9f0e-2b4c6d8e0a13",
    .school_year = 2026,
    .exported = now,
    .checksum = (char *) "sha256:5e6b3b0c2f8a4d1e9c7b5a3f1e0d2c4b6a8f0e1d3c5b7a9f2e4d6c8b0a1f3e5d",
    .app_version = (char *) "0.1.0",
    .school_name = (char *) "Trường Tiểu học Kim Đồng",
    .school_location = (char *) "Phường Ba Đình, Hà Nội",
    .file_name = (char *) "may-2.json",
  };
  KnsTallyRow       *row = g_new0 (KnsTallyRow, 1);
  KnsHeadcountRow   *head = g_new0 (KnsHeadcountRow, 1);
  KnsSessionSummary *session = g_new0 (KnsSessionSummary, 1);
  KnsLessonSummary  *lesson = g_new0 (KnsLessonSummary, 1);
  KnsImportResult    result;

  row->day = g_strdup ("2026-10-05");
  row->session_uuid = g_strdup ("7f3c2a10-4b5d-4e6f-8a9b-0c1d2e3f4a5b");
  row->grade = 5;
  row->sex = KNS_SEX_FEMALE;
  row->tier = 2;
  row->lesson_id = g_strdup ("t2-a");
  row->completions = 6;
  row->attempts = 7;
  row->score_sum = 560;
  row->passes = 5;
  g_ptr_array_add (tallies, row);

  head->session_uuid = g_strdup ("");
  head->grade = 5;
  head->sex = KNS_SEX_FEMALE;
  head->tier = 2;
  head->participants = 6;
  g_ptr_array_add (heads, head);

  session->uuid = g_strdup ("7f3c2a10-4b5d-4e6f-8a9b-0c1d2e3f4a5b");
  session->class_label = g_strdup ("5B");
  session->grade = 5;
  session->tier = 2;
  session->title = g_strdup ("Mật khẩu an toàn");
  session->format = KNS_SESSION_FORMAT_KIOSK;
  session->lesson_ids = g_strdupv ((char **) lessons_t2);
  session->started = now + G_TIME_SPAN_HOUR;
  session->ended = now + 2 * G_TIME_SPAN_HOUR;
  session->skill_groups = 1 << 2;
  session->competences = g_strdupv ((char **) competences);
  g_ptr_array_add (sessions, session);

  lesson->id = g_strdup ("t2-a");
  lesson->title = g_strdup ("Bài A");
  lesson->tier = 2;
  lesson->skill_groups = 1 << 2;
  lesson->competences = g_strdupv ((char **) competences);
  lesson->channels = g_strdupv ((char **) channels);
  g_ptr_array_add (lessons, lesson);

  check (kns_store_import_bundle (store, &bundle, tallies, heads, sessions, lessons, &result,
                                  &error),
         error);
}

static void
fill (KnsStore *store)
{
  static const char *const lessons[] = { "t2-a", "t2-b", NULL };
  GError *error = NULL;
  g_autoptr(KnsLearner) an = NULL;
  g_autoptr(KnsLearner) binh = NULL;
  g_autoptr(KnsLearner) cu = NULL;
  g_autoptr(KnsClassSession) session = NULL;
  g_autoptr(KnsAttempt) open = NULL;

  check (kns_store_set_setting (store, KNS_STORE_SETTING_RECORD_SEX, "true", &error), error);
  check (kns_store_set_setting (store, KNS_STORE_SETTING_SCHOOL_NAME, "Trường Tiểu học Kim Đồng",
                                &error), error);
  check (kns_store_set_setting (store, KNS_STORE_SETTING_SCHOOL_LOCATION, "Phường Ba Đình, Hà Nội",
                                &error), error);
  check (kns_store_set_enrolment (store, 2026, 5, KNS_SEX_FEMALE, 32, &error), error);
  check (kns_store_set_enrolment (store, 2026, 5, KNS_SEX_MALE, 30, &error), error);

  an = kns_store_add_learner (store, "Sư Tử 1", "5A", 5, "lion", KNS_SEX_MALE, &error);
  binh = kns_store_add_learner (store, "Mèo Con 2", "5A", 5, "cat", KNS_SEX_FEMALE, &error);
  cu = kns_store_add_learner (store, "Cú Mèo 3", "4C", 4, "owl", KNS_SEX_UNSTATED, &error);
  check (an && binh && cu, error);

  /* Last year's class, archived. */
  check (kns_store_sign_in (store, cu->id, &error), error);
  check (kns_store_complete_reading (store, cu->id, "t2-a", "v1", 2, &error), error);
  check (kns_store_archive_class (store, "4C", &error) == 1, error);

  now += G_TIME_SPAN_HOUR;
  session = kns_store_start_session (store, "5A", 5, 2, "An toàn trên mạng",
                                     KNS_SESSION_FORMAT_IN_PERSON, lessons, &error);
  check (session != NULL, error);
  check (kns_store_sign_in (store, an->id, &error), error);
  check (kns_store_sign_in (store, binh->id, &error), error);

  check (kns_store_save_reading (store, an->id, "t2-b", "v1", 4, &error), error);
  take_quiz (store, an->id, "t2-b", 3, 3);
  now += G_TIME_SPAN_MINUTE;
  take_quiz (store, an->id, "t2-b", 3, 2);
  take_quiz (store, binh->id, "t2-b", 2, 1);

  /* A quiz left half-way, to be resumed. */
  open = kns_store_start_attempt (store, binh->id, "t2-c", "v1", 2, 4, &error);
  check (open != NULL, error);
  check (kns_store_record_answer (store, open->id, "q1", 2, FALSE, &error), error);

  now += 40 * G_TIME_SPAN_MINUTE;
  check (kns_store_end_session (store, session->uuid, "Lớp sôi nổi.", &error), error);

  import_other_computer (store);
}

/* The device UUID is random and never changes through the store; the
 * fixture's is set by hand so that the test can name it. */
static void
set_device_uuid (const char *path)
{
  sqlite3 *db = NULL;

  if (sqlite3_open (path, &db) != SQLITE_OK ||
      sqlite3_exec (db, "UPDATE setting SET value = '" DEVICE_UUID "' WHERE key = 'device-uuid'",
                    NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_exec (db, "VACUUM", NULL, NULL, NULL) != SQLITE_OK)
    g_error ("%s: %s", path, sqlite3_errmsg (db));
  sqlite3_close (db);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GDateTime) start = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autofree char *contents = NULL;
  GError *error = NULL;
  KnsStore *store;
  guint version;
  gsize length;

  if (argc != 2)
    {
      g_printerr ("usage: %s tests/data/store/schema-N.db\n", argv[0]);
      return 2;
    }

  /* Việt Nam’s time, as in the store’s tests. */
  g_setenv ("TZ", "ICT-7", TRUE);
  start = g_date_time_new_local (2026, 10, 5, 8, 0, 0);
  now = g_date_time_to_unix (start) * G_USEC_PER_SEC;
  dir = g_dir_make_tmp ("kns-fixture-XXXXXX", &error);
  check (dir != NULL, error);

  store = kns_store_open_with_clock (dir, fixed_clock, NULL, &error);
  check (store != NULL, error);
  fill (store);
  db = g_strdup (kns_store_get_path (store));
  version = kns_store_get_schema_version (store);
  g_object_unref (store);
  set_device_uuid (db);

  check (g_file_get_contents (db, &contents, &length, &error), error);
  check (g_file_set_contents (argv[1], contents, length, &error), error);
  kns_test_remove_tree (dir);
  g_print ("%s: schema version %u, %" G_GSIZE_FORMAT " bytes\n", argv[1], version, length);
  return EXIT_SUCCESS;
}
