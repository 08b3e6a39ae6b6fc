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
 * test-store opens a copy of each with today's code and checks that the
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

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
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

  /* Việt Nam's time, as in test-store. */
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
  remove_tree (dir);
  g_print ("%s: schema version %u, %" G_GSIZE_FORMAT " bytes\n", argv[1], version, length);
  return EXIT_SUCCESS;
}
