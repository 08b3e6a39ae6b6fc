/* test-store-open.c — opening the store, its settings, and what it refuses
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
  g_assert_cmpuint (kns_store_get_schema_version (store), ==, 4);
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
  ADD ("/kns/store/settings-enrolment", test_settings);
  ADD ("/kns/store/refuse/newer-version", test_newer_version);
  ADD ("/kns/store/refuse/locked", test_locked);
  g_test_add_data_func ("/kns/store/refuse/read-only-folder", GINT_TO_POINTER (FALSE),
                        test_read_only);
  g_test_add_data_func ("/kns/store/refuse/read-only-file", GINT_TO_POINTER (TRUE),
                        test_read_only);
  ADD ("/kns/store/disk-full", test_disk_full);
  g_test_add_func ("/kns/store/preconditions", test_preconditions);
  ADD ("/kns/store/vietnamese", test_vietnamese);

  return g_test_run ();
}
