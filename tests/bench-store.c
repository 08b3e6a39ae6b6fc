/* bench-store.c — how long saving one answer takes, and opening a big store
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
 * The store goes in a folder made under the current one (or the folder
 * given), because /tmp may be in memory, where fsync costs nothing.
 */

#include "kns-config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

#include "kns-store.h"
#include "kns-test-common.h"

#define N_ANSWERS 10000
#define N_QUESTIONS 10
#define BIG_STORE_ANSWERS 100000
#define OPEN_RUNS 20

static void
fail (GError *error)
{
  g_printerr ("%s\n", error ? error->message : "failed");
  exit (EXIT_FAILURE);
}

/* Each answer as the quiz screen saves it: one committed transaction. */
static void
bench_answers (KnsStore *store,
               gint64    learner_id)
{
  static double times[N_ANSWERS];
  g_autoptr(KnsAttempt) attempt = NULL;
  GError *error = NULL;
  double total = 0;

  for (guint i = 0; i < N_ANSWERS; i++)
    {
      g_autofree char *question = g_strdup_printf ("q%u", i % N_QUESTIONS + 1);
      gint64 start;

      if (i % N_QUESTIONS == 0)
        {
          g_autofree char *lesson = g_strdup_printf ("t2-bai-%u", i / N_QUESTIONS % 30);

          if (attempt != NULL && kns_store_finish_attempt (store, attempt->id, 70, &error) == NULL)
            fail (error);
          g_clear_pointer (&attempt, kns_attempt_free);
          attempt = kns_store_start_attempt (store, learner_id, lesson, "v1", 2, N_QUESTIONS,
                                             &error);
          if (attempt == NULL)
            fail (error);
        }

      start = g_get_monotonic_time ();
      if (!kns_store_record_answer (store, attempt->id, question, 1, i % 3 != 0, &error))
        fail (error);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
      total += times[i];
    }

  qsort (times, N_ANSWERS, sizeof (double), kns_test_compare_doubles);
  printf ("commit one answer (%d answers, WAL, synchronous=FULL):\n", N_ANSWERS);
  printf ("  p50 %.2f ms, p99 %.2f ms, max %.2f ms, mean %.2f ms\n",
          times[N_ANSWERS / 2], times[N_ANSWERS * 99 / 100], times[N_ANSWERS - 1],
          total / N_ANSWERS);
  printf ("  target p99 < 10 ms: ratio %.3f (p50 to the same 10 ms: %.3f)\n",
          times[N_ANSWERS * 99 / 100] / 10.0, times[N_ANSWERS / 2] / 10.0);
}

/* A big school's year, written straight into the file: through the store
 * it would take as long as the year. */
static void
grow_store (const char *path)
{
  sqlite3 *db = NULL;

  if (sqlite3_open (path, &db) != SQLITE_OK ||
      sqlite3_exec (db,
                    "BEGIN;"
                    "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < "
                    "10000) "
                    "INSERT INTO attempt (learner_id, lesson_id, lesson_version, tier, "
                    "n_questions, "
                    "  started, finished, n_correct, score, passed) "
                    "SELECT (SELECT min (id) FROM learner), 'big-' || i, 'v1', 2, 10, i, i, 7, "
                    "70, 1 FROM n;"
                    "INSERT INTO answer (attempt_id, question_id, chosen, correct, answered) "
                    "SELECT a.id, 'q' || q.i, 1, 1, a.started FROM attempt a, "
                    "  (WITH RECURSIVE m (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM m WHERE i < "
                    "10) "
                    "   SELECT i FROM m) q WHERE a.lesson_id LIKE 'big-%';"
                    "COMMIT;",
                    NULL, NULL, NULL) != SQLITE_OK)
    {
      g_printerr ("%s: %s\n", path, sqlite3_errmsg (db));
      exit (EXIT_FAILURE);
    }
  sqlite3_close (db);
}

static double
time_pragma (const char *path,
             const char *sql)
{
  sqlite3 *db = NULL;
  double times[OPEN_RUNS];

  sqlite3_open (path, &db);
  for (guint i = 0; i < OPEN_RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();

      if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
        g_printerr ("%s: %s\n", sql, sqlite3_errmsg (db));
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  sqlite3_close (db);

  qsort (times, OPEN_RUNS, sizeof (double), kns_test_compare_doubles);
  return times[OPEN_RUNS / 2];
}

static void
bench_open (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "kynangso.db", NULL);
  double times[OPEN_RUNS];
  GStatBuf st;

  for (guint i = 0; i < OPEN_RUNS; i++)
    {
      GError *error = NULL;
      gint64 start = g_get_monotonic_time ();
      KnsStore *store = kns_store_open (dir, &error);

      if (store == NULL)
        fail (error);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
      g_object_unref (store);
    }

  qsort (times, OPEN_RUNS, sizeof (double), kns_test_compare_doubles);
  g_stat (path, &st);
  printf ("open (header check + PRAGMA quick_check), %.1f MB file:\n", st.st_size / 1e6);
  printf ("  median %.2f ms, min %.2f ms, max %.2f ms (file in the page cache)\n",
          times[OPEN_RUNS / 2], times[0], times[OPEN_RUNS - 1]);
  printf ("  of which PRAGMA quick_check alone: median %.2f ms (integrity_check: %.2f ms)\n",
          time_pragma (path, "PRAGMA quick_check"), time_pragma (path, "PRAGMA integrity_check"));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *dir = g_build_filename (argc > 1 ? argv[1] : cwd, "bench-store-XXXXXX", NULL);
  g_autoptr(KnsLearner) learner = NULL;
  g_autofree char *path = NULL;
  GError *error = NULL;
  KnsStore *store;

  if (g_mkdtemp (dir) == NULL)
    {
      g_printerr ("%s: cannot create\n", dir);
      return EXIT_FAILURE;
    }
  printf ("store in %s\n", dir);

  store = kns_store_open (dir, &error);
  if (store == NULL)
    fail (error);
  learner = kns_store_add_learner (store, "Mèo Con 1", "5A", 5, NULL, KNS_SEX_UNSTATED, &error);
  if (learner == NULL)
    fail (error);

  bench_answers (store, learner->id);
  path = g_strdup (kns_store_get_path (store));
  g_object_unref (store);

  grow_store (path);
  printf ("store grown to %d answers\n", N_ANSWERS + BIG_STORE_ANSWERS);
  bench_open (dir);

  kns_test_remove_tree (dir);
  return EXIT_SUCCESS;
}
