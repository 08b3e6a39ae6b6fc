/* test-report-cli.c — `kynangso --export-report` and `--import-report`
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
 * The real binary (KNS_BINARY), run on a data folder whose store this
 * test keeps open, as the app in kiosk mode would: with a guest signed
 * in, and once with a write transaction in progress. Messages may be in
 * Vietnamese or English, depending on what is installed; the tests look
 * at exit statuses, files and file names.
 */

#include "kns-config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kns-bundle.h"
#include "report-fixture.h"

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs kynangso with @args (NULL-terminated) and the data folder. */
static void
run_kynangso (Run        *run,
              const char *data_dir,
              ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, g_strdup (g_getenv ("KNS_BINARY")));
  g_ptr_array_add (argv, g_strdup_printf ("--data-dir=%s", data_dir));
  va_start (args, data_dir);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, g_strdup (arg));
  va_end (args);
  g_ptr_array_add (argv, NULL);

  env = g_environ_setenv (env, "TZ", "ICT-7", TRUE);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &run->status, &error));
  g_assert_no_error (error);
  run->status = WIFEXITED (run->status) ? WEXITSTATUS (run->status) : -1;
}

static gboolean
have_binary (void)
{
  const char *binary = g_getenv ("KNS_BINARY");

  if (binary != NULL && g_file_test (binary, G_FILE_TEST_IS_EXECUTABLE))
    return TRUE;
  g_test_skip ("KNS_BINARY is not set: run through meson test");
  return FALSE;
}

/* The app is open with a guest signed in; the three exports work, and
 * the guest is still there afterwards. */
static void
test_export (void)
{
  g_autoptr(ReportSchool) school = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsLearner) guest = NULL;
  g_autoptr(KnsLearner) still = NULL;
  static const char *const names[] = { "bao-cao.csv", "bao-cao.pdf", "may-1.json" };

  if (!have_binary ())
    return;
  school = report_school_new (TRUE);
  guest = kns_store_add_guest (school->store, 4, "owl", &error);
  g_assert_true (kns_store_sign_in (school->store, guest->id, &error));

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *file = g_build_filename (school->dir, names[i], NULL);
      g_autofree char *arg = g_strdup_printf ("--export-report=%s", file);
      g_auto(Run) run = { 0 };
      g_autofree char *contents = NULL;

      run_kynangso (&run, school->dir, arg, "--school-year=2026-2027", NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_nonnull (strstr (run.out, file));
      g_assert_true (g_file_get_contents (file, &contents, NULL, NULL));
      g_assert_true (g_str_has_prefix (contents, i == 0 ? "\xEF\xBB\xBF" : i == 1 ? "%PDF"
                                                                          : "{\"format\""));
    }

  still = kns_store_get_learner (school->store, guest->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (still->kind, ==, KNS_LEARNER_GUEST);
}

static void
test_export_refused (void)
{
  g_autoptr(ReportSchool) school = NULL;
  g_auto(Run) bad_year = { 0 };
  g_auto(Run) bad_name = { 0 };
  g_auto(Run) stray = { 0 };

  if (!have_binary ())
    return;
  school = report_school_new (TRUE);

  run_kynangso (&bad_year, school->dir, "--export-report=x.csv", "--school-year=2026-2028", NULL);
  g_assert_cmpint (bad_year.status, ==, 1);
  g_assert_nonnull (strstr (bad_year.err, "2026-2028"));

  run_kynangso (&bad_name, school->dir, "--export-report=bao-cao.docx", NULL);
  g_assert_cmpint (bad_name.status, ==, 1);
  g_assert_nonnull (strstr (bad_name.err, "bao-cao.docx"));

  run_kynangso (&stray, school->dir, "--school-year=2026-2027", NULL);
  g_assert_cmpint (stray.status, ==, 1);
}

/* An empty school year once raised a GLib-CRITICAL; now it is a clear
 * refusal like any other. */
static void
test_export_empty_year (void)
{
  g_autoptr(ReportSchool) school = NULL;
  g_auto(Run) empty = { 0 };

  if (!have_binary ())
    return;
  school = report_school_new (TRUE);

  run_kynangso (&empty, school->dir, "--export-report=x.csv", "--school-year=", NULL);
  g_assert_cmpint (empty.status, ==, 1);
  g_assert_null (strstr (empty.err, "CRITICAL"));
  g_assert_nonnull (strstr (empty.err, "2026-2027"));
}

/* Three pages of the database overwritten with garbage: the export
 * refuses, says the progress is damaged, and writes no report. */
static void
test_export_damaged (void)
{
  g_autoptr(ReportSchool) school = NULL;
  g_autofree char *db = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *report = NULL;
  g_autofree char *arg = NULL;
  g_auto(Run) run = { 0 };
  gsize length, page = 4096;

  if (!have_binary ())
    return;
  school = report_school_new (TRUE);
  db = g_strdup (kns_store_get_path (school->store));
  g_clear_object (&school->store);

  g_assert_true (g_file_get_contents (db, &contents, &length, NULL));
  g_assert_cmpuint (length / page, >, 6);
  for (gsize i = length - 3 * page; i < length; i++)
    contents[i] = (char) (i * 7919 % 251);
  g_assert_true (g_file_set_contents (db, contents, (gssize) length, NULL));

  report = g_build_filename (school->dir, "bao-cao.csv", NULL);
  arg = g_strdup_printf ("--export-report=%s", report);
  run_kynangso (&run, school->dir, arg, NULL);
  g_test_message ("%s", run.err);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (strstr (run.err, "is damaged") != NULL || strstr (run.err, "bị hỏng") != NULL);
  g_assert_false (g_file_test (report, G_FILE_TEST_EXISTS));
}

static char *
export_from_new_computer (const char *dir,
                          const char *name)
{
  g_autoptr(ReportSchool) pc = report_school_new (TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsBundle) bundle = kns_bundle_new_from_store (pc->store, NULL, 2026, &error);
  char *file = g_build_filename (dir, name, NULL);

  g_assert_no_error (error);
  g_assert_true (kns_bundle_write (bundle, file, &error));
  return file;
}

/* Files as several values, and a folder; a broken file is refused, the
 * others imported, and the status says so. */
static void
test_import (void)
{
  g_autoptr(ReportSchool) school = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) bundles = NULL;
  g_autofree char *usb = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autofree char *broken = NULL;
  g_autofree char *arg = NULL;
  g_auto(Run) first = { 0 };
  g_auto(Run) second = { 0 };

  if (!have_binary ())
    return;
  school = report_school_new (TRUE);
  usb = g_build_filename (school->dir, "usb", NULL);
  folder = g_build_filename (usb, "phong-may-2", NULL);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  a = export_from_new_computer (usb, "may-1.json");
  b = export_from_new_computer (usb, "may-2.json");
  c = export_from_new_computer (folder, "may-3.json");

  arg = g_strdup_printf ("--import-report=%s", a);
  run_kynangso (&first, school->dir, arg, b, NULL);
  g_assert_cmpint (first.status, ==, 0);
  g_assert_nonnull (strstr (first.out, "may-1.json"));
  g_assert_nonnull (strstr (first.out, "may-2.json"));

  broken = g_build_filename (folder, "may-4.json", NULL);
  g_assert_true (g_file_set_contents (broken, "{\"format\":\"kynangso-report-bundle\",", -1, NULL));
  g_clear_pointer (&arg, g_free);
  arg = g_strdup_printf ("--import-report=%s", usb);
  run_kynangso (&second, school->dir, arg, NULL);
  g_assert_cmpint (second.status, ==, 1);
  g_assert_nonnull (strstr (second.err, broken));
  g_assert_nonnull (strstr (second.out, "may-3.json"));

  bundles = kns_store_list_imported_bundles (school->store, 2026, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bundles->len, ==, 3);
}

/* A USB stick with one good bundle and four hostile files: a bundle
 * nested 80,000 deep (it once crashed the import), a named pipe and a
 * link to /dev/zero (read forever), and a name with terminal escapes.
 * The good one is imported; each other is named and refused; nothing
 * reaches the terminal raw. */
static void
test_import_hostile (void)
{
  g_autoptr(ReportSchool) school = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) bundles = NULL;
  g_autofree char *usb = NULL;
  g_autofree char *deep = NULL;
  g_autofree char *deep_text = NULL;
  g_autofree char *brackets = g_strnfill (80000, '[');
  g_autofree char *pipe = NULL;
  g_autofree char *zero = NULL;
  g_autofree char *escapes = NULL;
  g_autofree char *arg = NULL;
  g_auto(Run) run = { 0 };

  if (!have_binary ())
    return;
  school = report_school_new (TRUE);
  usb = g_build_filename (school->dir, "usb", NULL);
  g_assert_cmpint (g_mkdir (usb, 0700), ==, 0);
  g_free (export_from_new_computer (usb, "may-1.json"));

  deep = g_build_filename (usb, "may-2.json", NULL);
  deep_text = g_strconcat ("{\"format\":\"kynangso-report-bundle\",\"tallies\":", brackets,
                           NULL);
  g_assert_true (g_file_set_contents (deep, deep_text, -1, NULL));
  pipe = g_build_filename (usb, "may-3.json", NULL);
  g_assert_cmpint (mkfifo (pipe, 0600), ==, 0);
  zero = g_build_filename (usb, "may-4.json", NULL);
  g_assert_cmpint (symlink ("/dev/zero", zero), ==, 0);
  escapes = g_build_filename (usb, "may-5\033]0;owned\007\033[2J.json", NULL);
  g_assert_true (g_file_set_contents (escapes, "[1]", -1, NULL));

  arg = g_strdup_printf ("--import-report=%s", usb);
  run_kynangso (&run, school->dir, arg, NULL);
  g_test_message ("%s%s", run.out, run.err);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.out, "may-1.json"));
  for (guint i = 2; i <= 4; i++)
    {
      g_autofree char *name = g_strdup_printf ("may-%u.json", i);

      g_assert_nonnull (strstr (run.err, name));
    }
  g_assert_nonnull (strstr (run.err, "may-5"));
  g_assert_null (strchr (run.out, '\033'));
  g_assert_null (strchr (run.err, '\033'));
  g_assert_null (strchr (run.err, '\007'));

  bundles = kns_store_list_imported_bundles (school->store, 2026, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bundles->len, ==, 1);
}

/* The app is in the middle of saving an answer: the import waits for
 * it, then goes ahead. */
static void
test_import_while_busy (void)
{
  g_autoptr(ReportSchool) school = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) bundles = NULL;
  g_autofree char *file = NULL;
  g_autofree char *arg = NULL;
  g_autofree char *binary = NULL;
  g_autofree char *data_arg = NULL;
  sqlite3 *app = NULL;
  GPid pid;
  int status;
  const char *argv[4];

  if (!have_binary ())
    return;
  school = report_school_new (TRUE);
  file = export_from_new_computer (school->dir, "may-9.json");

  g_assert_cmpint (sqlite3_open (kns_store_get_path (school->store), &app), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (app, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  binary = g_strdup (g_getenv ("KNS_BINARY"));
  data_arg = g_strdup_printf ("--data-dir=%s", school->dir);
  arg = g_strdup_printf ("--import-report=%s", file);
  argv[0] = binary;
  argv[1] = data_arg;
  argv[2] = arg;
  argv[3] = NULL;
  g_assert_true (g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD |
                                G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, &pid, &error));
  g_usleep (700 * 1000);
  g_assert_cmpint (sqlite3_exec (app, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (app);

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);

  bundles = kns_store_list_imported_bundles (school->store, 2026, &error);
  g_assert_cmpuint (bundles->len, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "ICT-7", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kns/report-cli/export", test_export);
  g_test_add_func ("/kns/report-cli/export-refused", test_export_refused);
  g_test_add_func ("/kns/report-cli/export-empty-year", test_export_empty_year);
  g_test_add_func ("/kns/report-cli/export-damaged", test_export_damaged);
  g_test_add_func ("/kns/report-cli/import", test_import);
  g_test_add_func ("/kns/report-cli/import-hostile", test_import_hostile);
  g_test_add_func ("/kns/report-cli/import-while-busy", test_import_while_busy);

  return g_test_run ();
}
