/* bench-report.c — merging 300 lab computers, computing and saving the report
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
 * Each made-up computer holds a busy school year: 120 days with a
 * session each, a grade a day, sign-ins and three lessons with quizzes
 * for boys and girls: 960 tally rows, 264 headcount rows, 120 sessions.
 * Files and store go in a folder under the current one, since /tmp may
 * be in memory, where fsync costs nothing.
 */

#include "kns-config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kns-bundle.h"
#include "kns-report-export.h"
#include "kns-school-key.h"
#include "kns-test-common.h"

#define N_COMPUTERS 300

/* The school's key, on every made-up computer. */
static const guint8 bench_key[32] = "the benchmark school's key 32 by";
#define N_DAYS      120
#define RUNS        10

static void
fail (GError *error)
{
  g_printerr ("%s\n", error ? error->message : "failed");
  exit (EXIT_FAILURE);
}

static KnsTallyRow *
tally (const char *day,
       const char *session,
       guint       grade,
       KnsSex      sex,
       const char *lesson)
{
  KnsTallyRow *row = g_new0 (KnsTallyRow, 1);

  row->day = g_strdup (day);
  row->session_uuid = g_strdup (session);
  row->grade = grade;
  row->sex = sex;
  row->tier = grade <= 3 ? 1 : grade <= 5 ? 2 : grade <= 9 ? 3 : 4;
  row->lesson_id = g_strdup (lesson);
  if (*lesson == '\0')
    row->attendances = 15;
  else
    {
      row->completions = 5;
      row->attempts = 6;
      row->score_sum = 6 * 75;
      row->passes = 5;
    }
  return row;
}

static KnsHeadcountRow *
headcount (const char *session,
           guint       grade,
           KnsSex      sex,
           guint64     participants)
{
  KnsHeadcountRow *row = g_new0 (KnsHeadcountRow, 1);

  row->session_uuid = g_strdup (session);
  row->grade = grade;
  row->sex = sex;
  row->tier = grade <= 3 ? 1 : grade <= 5 ? 2 : grade <= 9 ? 3 : 4;
  row->participants = participants;
  return row;
}

static KnsBundle *
made_up_bundle (void)
{
  KnsBundle *bundle = g_new0 (KnsBundle, 1);
  g_autoptr(GDateTime) start = g_date_time_new_local (2026, 9, 7, 8, 0, 0);

  bundle->version = KNS_BUNDLE_VERSION;
  bundle->has_key = TRUE;
  memcpy (bundle->key, bench_key, sizeof bundle->key);
  bundle->info = g_new0 (KnsImportedBundle, 1);
  bundle->info->device_uuid = g_uuid_string_random ();
  bundle->info->school_year = 2026;
  bundle->info->exported = g_date_time_to_unix (start) * G_USEC_PER_SEC + 300 * G_TIME_SPAN_DAY;
  bundle->info->app_version = g_strdup (PACKAGE_VERSION);
  bundle->info->school_name = g_strdup ("Trường Liên cấp Hòa Bình");
  bundle->info->school_location = g_strdup ("Xã Tân Phú, Đồng Nai");
  bundle->tallies = g_ptr_array_new_with_free_func ((GDestroyNotify) kns_tally_row_free);
  bundle->headcounts = g_ptr_array_new_with_free_func ((GDestroyNotify) kns_headcount_row_free);
  bundle->sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) kns_session_summary_free);
  bundle->lessons = g_ptr_array_new_with_free_func ((GDestroyNotify) kns_lesson_summary_free);

  for (guint d = 0; d < N_DAYS; d++)
    {
      g_autoptr(GDateTime) time = g_date_time_add_days (start, (int) (d + d / 5 * 2));
      g_autofree char *day = g_date_time_format (time, "%Y-%m-%d");
      g_autofree char *uuid = g_uuid_string_random ();
      guint grade = 1 + d % 12;
      KnsSessionSummary *session = g_new0 (KnsSessionSummary, 1);
      GStrvBuilder *lessons = g_strv_builder_new ();

      for (KnsSex sex = KNS_SEX_MALE; sex <= KNS_SEX_FEMALE; sex++)
        {
          g_ptr_array_add (bundle->tallies, tally (day, uuid, grade, sex, ""));
          for (guint l = 0; l < 3; l++)
            {
              g_autofree char *lesson = g_strdup_printf ("t%u-bai-%02u", grade <= 3 ? 1 : 2,
                                                         (d / 12 * 3 + l) % 30 + 1);

              g_ptr_array_add (bundle->tallies, tally (day, uuid, grade, sex, lesson));
              if (sex == KNS_SEX_MALE)
                g_strv_builder_add (lessons, lesson);
            }
          g_ptr_array_add (bundle->headcounts, headcount (uuid, grade, sex, 15));
        }

      session->uuid = g_strdup (uuid);
      session->class_label = g_strdup_printf ("%uA", grade);
      session->grade = grade;
      session->tier = grade <= 3 ? 1 : 2;
      session->title = g_strdup ("An toàn trên mạng");
      session->format = KNS_SESSION_FORMAT_KIOSK;
      session->lesson_ids = g_strv_builder_end (lessons);
      session->started = g_date_time_to_unix (time) * G_USEC_PER_SEC;
      session->ended = session->started + 45 * G_TIME_SPAN_MINUTE;
      session->skill_groups = 1 << 2;
      session->competences = g_strsplit ("2.5 4.2", " ", -1);
      g_ptr_array_add (bundle->sessions, session);
      g_strv_builder_unref (lessons);
    }
  for (guint grade = 1; grade <= 12; grade++)
    for (KnsSex sex = KNS_SEX_MALE; sex <= KNS_SEX_FEMALE; sex++)
      g_ptr_array_add (bundle->headcounts, headcount ("", grade, sex, 20));

  bundle->info->checksum = kns_bundle_compute_checksum (bundle);
  return bundle;
}

static GPtrArray *
write_bundles (const char *files_dir)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  gint64 t0 = g_get_monotonic_time ();
  gsize  bytes = 0;

  printf ("Making %u bundles of %u days each…\n", N_COMPUTERS, N_DAYS);
  for (guint i = 0; i < N_COMPUTERS; i++)
    {
      g_autoptr(KnsBundle) bundle = made_up_bundle ();
      g_autofree char *file = g_strdup_printf ("%s/may-%03u.json", files_dir, i + 1);
      g_autoptr(GBytes) written = NULL;

      if (!kns_bundle_write (bundle, file, &error))
        fail (error);
      written = kns_bundle_to_bytes (bundle);
      bytes += g_bytes_get_size (written);
      g_ptr_array_add (files, g_steal_pointer (&file));
    }
  printf ("  written in %.0f ms, %.0f KiB a bundle\n", (g_get_monotonic_time () - t0) / 1000.0,
          bytes / 1024.0 / N_COMPUTERS);
  return files;
}

static KnsStore *
open_store (const char *dir,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  KnsStore *store = kns_store_open (path, &error);

  if (store == NULL || !kns_school_key_set (store, bench_key, &error))
    fail (error);
  return store;
}

/* The reference: one file after another, each with its own wait for
 * the disk, as kns_bundle_import_file () does. */
static double
merge_one_by_one (KnsStore  *store,
                  GPtrArray *files)
{
  double per_file[N_COMPUTERS];
  gint64 t0 = g_get_monotonic_time ();
  double total, middle;

  for (guint i = 0; i < files->len; i++)
    {
      gint64 t = g_get_monotonic_time ();
      g_autoptr(KnsBundleImport) import = kns_bundle_import_file (store, g_ptr_array_index (files, i));

      if (import->error != NULL)
        fail (import->error);
      per_file[i] = (g_get_monotonic_time () - t) / 1000.0;
    }
  total = (g_get_monotonic_time () - t0) / 1e6;
  middle = kns_test_median (per_file, N_COMPUTERS);  /* sorts them */
  printf ("  one by one (a file at a time): %.2f s, ratio to 2 s %.2f; a bundle: median %.1f ms, "
          "max %.1f ms\n",
          total, total / 2.0, middle, per_file[N_COMPUTERS - 1]);
  return total;
}

/* As teacher mode and kynangso --import-report do: read ahead by worker
 * threads, the files' writes grouped. */
static double
merge_all (KnsStore  *store,
           GPtrArray *files,
           gboolean   again)
{
  gint64 t0 = g_get_monotonic_time ();
  g_autoptr(GPtrArray) imports = kns_bundle_import_files (store, files);
  double total = (g_get_monotonic_time () - t0) / 1e6;

  for (guint i = 0; i < imports->len; i++)
    {
      const KnsBundleImport *import = g_ptr_array_index (imports, i);

      if (import->error != NULL)
        fail (import->error);
      if (again && import->result != KNS_IMPORT_UNCHANGED)
        fail (NULL);
    }
  if (again)
    printf ("  the same %u again (nothing changes): %.2f s\n", N_COMPUTERS, total);
  else
    printf ("  all at once (teacher mode, --import-report; %u threads): %.2f s, ratio to 2 s %.2f\n",
            CLAMP (g_get_num_processors (), 1, 8), total, total / 2.0);
  return total;
}

/* What one bundle costs, apart: reading and checking, and storing. */
static void
bench_one_bundle (KnsStore  *store,
                  GPtrArray *files)
{
  double load[RUNS], save[RUNS];

  for (guint r = 0; r < RUNS; r++)
    {
      g_autoptr(GError) error = NULL;
      gint64 t = g_get_monotonic_time ();
      g_autoptr(KnsBundle) bundle = kns_bundle_load (g_ptr_array_index (files, r), bench_key,
                                                     &error);
      KnsImportResult result;

      if (bundle == NULL)
        fail (error);
      load[r] = (g_get_monotonic_time () - t) / 1000.0;
      t = g_get_monotonic_time ();
      if (!kns_store_import_bundle (store, bundle->info, bundle->tallies, bundle->headcounts,
                                    bundle->sessions, bundle->lessons, &result, &error))
        fail (error);
      save[r] = (g_get_monotonic_time () - t) / 1000.0;
    }
  printf ("  a bundle: reading and checking it, median %.1f ms; storing it, median %.1f ms\n",
          kns_test_median (load, RUNS), kns_test_median (save, RUNS));
}

static void
bench_report (KnsStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsReport) report = NULL;
  KnsReportPeriod period;
  double runs[RUNS];

  kns_report_period_init (&period, 2026);
  for (guint r = 0; r < RUNS; r++)
    {
      gint64 t = g_get_monotonic_time ();

      g_clear_object (&report);
      report = kns_report_new (store, NULL, &period, NULL, 5, &error);
      if (report == NULL)
        fail (error);
      runs[r] = (g_get_monotonic_time () - t) / 1000.0;
    }
  printf ("Report over %u computers (%u sessions): median %.1f ms\n",
          kns_report_get_n_computers (report), kns_report_get_sessions (report)->len,
          kns_test_median (runs, RUNS));

  kns_test_bench_exports (report);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *files_dir = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(KnsStore) store = NULL;

  g_setenv ("TZ", "ICT-7", TRUE);
  {
    g_autofree char *parent = argc > 1 ? g_strdup (argv[1]) : g_get_current_dir ();

    dir = g_build_filename (parent, "kns-bench-report-XXXXXX", NULL);
    if (g_mkdtemp (dir) == NULL)
      {
        g_printerr ("%s: cannot create\n", dir);
        return EXIT_FAILURE;
      }
  }
  files_dir = g_build_filename (dir, "usb", NULL);
  g_mkdir_with_parents (files_dir, 0700);
  files = write_bundles (files_dir);

  /* Alternately, each into a fresh store, since the machine's load
   * changes: the medians of three. */
  printf ("Merging %u bundles, each checked and stored in its own transaction:\n", N_COMPUTERS);
  {
    double one[3], all[3], one_median, all_median;

    for (guint r = 0; r < 3; r++)
      {
        g_autofree char *a = g_strdup_printf ("one-%u", r);
        g_autofree char *b = g_strdup_printf ("all-%u", r);
        g_autoptr(KnsStore) by_one = open_store (dir, a);

        g_clear_object (&store);
        store = open_store (dir, b);
        one[r] = merge_one_by_one (by_one, files);
        all[r] = merge_all (store, files, FALSE);
      }
    one_median = kns_test_median (one, 3);
    all_median = kns_test_median (all, 3);
    printf ("  median of 3: one by one %.2f s (ratio %.2f), all at once %.2f s (ratio %.2f);\n"
            "  all at once takes %.2f of the time one by one takes\n",
            one_median, one_median / 2.0, all_median, all_median / 2.0, all_median / one_median);
  }
  merge_all (store, files, TRUE);
  {
    g_autoptr(KnsStore) scratch = open_store (dir, "scratch");

    bench_one_bundle (scratch, files);
  }

  bench_report (store);

  g_clear_object (&store);
  /* KNS_BENCH_KEEP=1 keeps the merged store, to try queries on it. */
  if (g_getenv ("KNS_BENCH_KEEP") != NULL)
    printf ("Kept %s\n", dir);
  else
    kns_test_remove_tree (dir);
  return EXIT_SUCCESS;
}
