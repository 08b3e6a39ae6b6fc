/* test-store-crash.c — answers survive SIGKILL at any moment
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
 * A child process (this program with "--child DIR") records answers in
 * a loop and, after each kns_store_record_answer() returns, writes the
 * answer to its stdout. The parent kills it with SIGKILL at a random
 * moment, then checks that the file passes PRAGMA integrity_check and
 * holds every answer the child reported. SIGKILL stands in for a crash;
 * a power cut also loses what the kernel had not written, which
 * synchronous=FULL covers and a process kill cannot show.
 */

#include "kns-config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kns-store.h"
#include "kns-test-common.h"

#define N_KILLS 60
#define N_QUESTIONS 5

/* write(2) straight away: stdio would keep reports in a buffer that
 * SIGKILL throws away, and the parent would miss answers made safe. */
static void
report (const char *format,
        ...) G_GNUC_PRINTF (1, 2);

static void
report (const char *format,
        ...)
{
  g_autofree char *line = NULL;
  va_list args;

  va_start (args, format);
  line = g_strdup_vprintf (format, args);
  va_end (args);

  if (write (STDOUT_FILENO, line, strlen (line)) < 0)
    exit (EXIT_FAILURE);
}

static void
child_fail (GError *error)
{
  g_printerr ("child: %s\n", error ? error->message : "failed");
  exit (EXIT_FAILURE);
}

static int
run_child (const char *dir)
{
  GError *error = NULL;
  g_autoptr(KnsStore) store = kns_store_open (dir, &error);
  g_autoptr(KnsLearner) learner = NULL;
  g_autofree char *nickname = g_strdup_printf ("Rùa %d", (int) (getpid () % 100000));

  if (store == NULL)
    child_fail (error);
  learner = kns_store_add_learner (store, nickname, "5A", 5, NULL, KNS_SEX_UNSTATED, &error);
  if (learner == NULL)
    child_fail (error);
  if (!kns_store_sign_in (store, learner->id, &error))
    child_fail (error);

  for (guint k = 0;; k++)
    {
      g_autofree char *lesson = g_strdup_printf ("crash-%u", k);
      g_autoptr(KnsAttempt) attempt = NULL;
      g_autoptr(KnsAttempt) finished = NULL;

      attempt = kns_store_start_attempt (store, learner->id, lesson, "v1", 2, N_QUESTIONS, &error);
      if (attempt == NULL)
        child_fail (error);

      for (guint q = 1; q <= N_QUESTIONS; q++)
        {
          g_autofree char *question = g_strdup_printf ("q%u", q);

          if (!kns_store_record_answer (store, attempt->id, question, 1u << q, q % 2, &error))
            child_fail (error);
          report ("A %" G_GINT64_FORMAT " %s\n", attempt->id, question);
        }

      finished = kns_store_finish_attempt (store, attempt->id, 70, &error);
      if (finished == NULL)
        child_fail (error);
      report ("F %" G_GINT64_FORMAT "\n", attempt->id);
    }

  return EXIT_SUCCESS;
}

typedef struct
{
  char      *dir;
  char      *path;
  GPtrArray *answers;  /* "ATTEMPT QUESTION", reported committed */
  GArray    *finished; /* gint64 attempt ids, reported finished */
} Crash;

static void
crash_clear (Crash *crash)
{
  g_free (crash->dir);
  g_free (crash->path);
  g_clear_pointer (&crash->answers, g_ptr_array_unref);
  g_clear_pointer (&crash->finished, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Crash, crash_clear)

static GPid
spawn_child (const char *dir,
             int        *out_fd)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *self = g_file_read_link ("/proc/self/exe", &error);
  const char *argv[] = { self, "--child", dir, NULL };
  GPid pid;

  g_assert_no_error (error);
  g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                            NULL, NULL, &pid, NULL, out_fd, NULL, &error);
  g_assert_no_error (error);
  return pid;
}

/* Reads what the child writes until it has reported @n answers, or
 * has died; the text read so far stays in @text. */
static void
read_answers (int      fd,
              GString *text,
              guint    n)
{
  char buffer[4096];
  gssize got;

  for (;;)
    {
      guint seen = 0;

      for (const char *p = text->str; (p = strstr (p, "A ")) != NULL; p += 2)
        seen++;
      if (seen >= n)
        return;
      if ((got = read (fd, buffer, sizeof buffer)) <= 0)
        return;
      g_string_append_len (text, buffer, got);
    }
}

/* Everything the child wrote before it died. */
static void
collect_reports (Crash   *crash,
                 int      fd,
                 GString *text)
{
  g_auto(GStrv) lines = NULL;

  read_answers (fd, text, G_MAXUINT);
  close (fd);

  lines = g_strsplit (text->str, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "A "))
        g_ptr_array_add (crash->answers, g_strdup (lines[i] + 2));
      else if (g_str_has_prefix (lines[i], "F "))
        {
          gint64 id = g_ascii_strtoll (lines[i] + 2, NULL, 10);

          g_array_append_val (crash->finished, id);
        }
    }
}

static gint64
query_int (sqlite3    *db,
           const char *sql,
           gint64      a,
           const char *b)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_bind_parameter_count (stmt) >= 1)
    sqlite3_bind_int64 (stmt, 1, a);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_text (stmt, 2, b, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static void
check_database (Crash *crash)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  if (!g_file_test (crash->path, G_FILE_TEST_EXISTS))
    {
      /* Killed before the very first database was in place. */
      g_assert_cmpuint (crash->answers->len, ==, 0);
      return;
    }

  g_assert_cmpint (sqlite3_open_v2 (crash->path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);

  for (guint i = 0; i < crash->answers->len; i++)
    {
      g_auto(GStrv) parts = g_strsplit (g_ptr_array_index (crash->answers, i), " ", 2);

      g_assert_cmpint (query_int (db,
                                  "SELECT count (*) FROM answer "
                                  "WHERE attempt_id = ? AND question_id = ?",
                                  g_ascii_strtoll (parts[0], NULL, 10), parts[1]),
                       ==, 1);
    }
  for (guint i = 0; i < crash->finished->len; i++)
    g_assert_cmpint (query_int (db, "SELECT finished > 0 FROM attempt WHERE id = ?",
                                g_array_index (crash->finished, gint64, i), NULL),
                     ==, 1);

  /* The tallies moved in the same transactions as the events. */
  g_assert_cmpint (query_int (db, "SELECT coalesce (sum (attempts), 0) FROM tally_day", 0, NULL),
                   ==, query_int (db, "SELECT count (*) FROM attempt WHERE finished > 0", 0, NULL));
  g_assert_cmpint (query_int (db, "SELECT coalesce (sum (completions), 0) FROM tally_day", 0, NULL),
                   ==, query_int (db, "SELECT count (*) FROM progress WHERE completed > 0", 0,
                                  NULL));
  sqlite3_close (db);
}

static gboolean
has_damaged_files (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (strstr (name, ".damaged-") != NULL)
      return TRUE;
  return FALSE;
}

static void
test_kill_while_answering (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(Crash) crash = { 0 };
  g_autoptr(KnsStore) store = NULL;
  gint64 start = g_get_monotonic_time ();
  guint n_dead_before_answering = 0;

  crash.dir = g_dir_make_tmp ("kns-crash-XXXXXX", &error);
  g_assert_no_error (error);
  crash.path = g_build_filename (crash.dir, "kynangso.db", NULL);
  crash.answers = g_ptr_array_new_with_free_func (g_free);
  crash.finished = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < N_KILLS; i++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      guint before = crash.answers->len;
      int fd = -1;
      int status;
      GPid pid = spawn_child (crash.dir, &fd);

      /* Every other kill comes at a random moment of start-up; the
       * others once the child has answered a random number of questions,
       * within the next few milliseconds, wherever a commit then is.
       * Counting answers rather than time keeps the kills among the
       * answers on a machine slowed down by other work. */
      if (i % 2 == 0)
        g_usleep (g_test_rand_int_range (1000, 60000));
      else
        {
          read_answers (fd, text, (guint) g_test_rand_int_range (1, 3 * N_QUESTIONS));
          g_usleep (g_test_rand_int_range (0, 4000));
        }
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_spawn_close_pid (pid);

      /* Died of the kill, not of an error of its own. */
      g_assert_true (WIFSIGNALED (status));
      g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

      collect_reports (&crash, fd, text);
      if (crash.answers->len == before)
        n_dead_before_answering++;
      check_database (&crash);
    }

  /* The store itself never had anything to recover. */
  g_assert_false (has_damaged_files (crash.dir));
  store = kns_store_open (crash.dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kns_store_get_recovery (store), ==, KNS_STORE_RECOVERY_NONE);

  g_test_message ("%u kills in %.1f s: %u answers and %u finished quizzes reported committed, all "
                  "found; %u kills before the first answer",
                  N_KILLS, (g_get_monotonic_time () - start) / 1e6, crash.answers->len,
                  crash.finished->len, n_dead_before_answering);
  /* Half the kills came after at least one answer each. */
  g_assert_cmpuint (crash.answers->len, >=, N_KILLS / 2);
  g_assert_cmpuint (n_dead_before_answering, <=, N_KILLS / 2);

  g_clear_object (&store);
  kns_test_remove_tree (crash.dir);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--child"))
    return run_child (argv[2]);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kns/store-crash/kill-while-answering", test_kill_while_answering);
  return g_test_run ();
}
