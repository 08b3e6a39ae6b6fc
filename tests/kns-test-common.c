/* kns-test-common.c — what every test and benchmark program shares
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

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

#include "kns-report-export.h"
#include "kns-test-common.h"

/* Removes @path and everything under it, even a folder a test made
 * read-only; a missing @path is no error. */
void
kns_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_chmod (path, 0700);
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        kns_test_remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

/* For qsort () of an array of doubles, smallest first. */
int
kns_test_compare_doubles (const void *a,
                          const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Sorts @values, and returns their median: the mean of the middle two
 * when @n is even. */
double
kns_test_median (double *values,
                 guint   n)
{
  g_return_val_if_fail (n > 0, 0);

  qsort (values, n, sizeof (double), kns_test_compare_doubles);
  if (n % 2 == 0)
    return (values[n / 2 - 1] + values[n / 2]) / 2;
  return values[n / 2];
}

/* What the tallies of @store count for @lesson_id, summed over every
 * row, as "completions/attempts/score_sum/passes"; read through a
 * connection of its own, as a report would. */
char *
kns_test_tally (KnsStore   *store,
                const char *lesson_id)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_open_v2 (kns_store_get_path (store), &db, SQLITE_OPEN_READONLY, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT coalesce (sum (completions), 0), "
                                       "  coalesce (sum (attempts), 0), "
                                       "  coalesce (sum (score_sum), 0), coalesce (sum (passes), 0) "
                                       "FROM tally_day WHERE lesson_id = ?",
                                       -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, lesson_id, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup_printf ("%d/%d/%d/%d", sqlite3_column_int (stmt, 0),
                           sqlite3_column_int (stmt, 1), sqlite3_column_int (stmt, 2),
                           sqlite3_column_int (stmt, 3));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

/* For the benchmarks: prints the medians of saving @report as CSV (ten
 * times) and as PDF (three times, with its pages and size). */
void
kns_test_bench_exports (KnsReport *report)
{
  double runs[10];
  gsize pdf_size = 0;

  for (guint r = 0; r < G_N_ELEMENTS (runs); r++)
    {
      gint64 t = g_get_monotonic_time ();
      g_autoptr(GBytes) csv = kns_report_to_csv (report);

      runs[r] = (g_get_monotonic_time () - t) / 1000.0;
    }
  printf ("  as CSV: median %.1f ms\n", kns_test_median (runs, G_N_ELEMENTS (runs)));

  for (guint r = 0; r < 3; r++)
    {
      gint64 t = g_get_monotonic_time ();
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) pdf = kns_report_to_pdf (report, &error);

      if (pdf == NULL)
        {
          g_printerr ("%s\n", error->message);
          exit (EXIT_FAILURE);
        }
      runs[r] = (g_get_monotonic_time () - t) / 1000.0;
      pdf_size = g_bytes_get_size (pdf);
    }
  printf ("  as PDF (%.0f KiB): median %.1f ms\n", pdf_size / 1024.0, kns_test_median (runs, 3));
}
