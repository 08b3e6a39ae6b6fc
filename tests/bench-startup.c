/* bench-startup.c — how long kynangso takes to show its first screen
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
 * Prints figures; it never fails on speed, only when it cannot measure
 * (no display, or a program that does not show its window). Run with
 *   meson test -C build --benchmark --verbose startup
 * which runs it under the same Xvfb and D-Bus session as the ui tests.
 *
 * For each renderer setting, it starts alternately the bare window
 * (bench-bare-window.c, the reference) and kynangso, RUNS times each
 * after one warm-up run each (the files are then in the page cache: a
 * warm start, as every start after the first on a lab PC). kynangso
 * opens a prepared data folder (set-up done, a class of 30 pupils), so
 * that it shows the sign-in screen, the first screen a lab sees. Both
 * print g_get_monotonic_time () when their frame clock has painted a
 * frame (KNS_EXIT_AFTER_FIRST_FRAME, see kns-application.c), and quit;
 * the time from fork () to that line is the start-up time, and wait4 ()
 * gives the peak resident memory (ru_maxrss).
 */

#include "kns-config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib-unix.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kns-store.h"
#include "kns-teacher.h"
#include "kns-test-common.h"

#define RUNS 10
#define DEADLINE_MS 60000

typedef struct
{
  double first_ms;   /* fork () to the first frame painted */
  double ready_ms;   /* fork () to the first frame of the expected screen */
  double rss_mib;    /* peak resident memory */
  char   renderer[64];
  char   driver[32];
} Run;

static void
fail (const char *what)
{
  g_printerr ("bench-startup: cannot measure: %s\n", what);
  exit (EXIT_FAILURE);
}

static double
median (const Run *runs,
        gsize      offset)
{
  double values[RUNS];

  for (guint i = 0; i < RUNS; i++)
    values[i] = *(const double *) ((const char *) &runs[i] + offset);
  return kns_test_median (values, RUNS);
}

/* A lab computer's data after set-up: a PIN, the school, a class. */
static void
prepare_data (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsStore) store = kns_store_open (dir, &error);

  if (store == NULL ||
      !kns_teacher_set_setup (store, KNS_SETUP_LAB, &error) ||
      !kns_teacher_set_pin (store, "246810", &error) ||
      !kns_store_set_setting (store, KNS_STORE_SETTING_SCHOOL_NAME, "Trường Tiểu học Kim Đồng",
                              &error))
    fail (error != NULL ? error->message : dir);

  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *nickname = g_strdup_printf ("Cá Heo %u", i + 1);
      g_autoptr(KnsLearner) learner = kns_store_add_learner (store, nickname, "5A", 5, "dolphin",
                                                              KNS_SEX_UNSTATED, &error);

      if (learner == NULL)
        fail (error->message);
    }
}

/* Reads the child's lines until it closes its end, or the deadline. */
static char *
read_output (int   fd,
             pid_t pid)
{
  GString *out = g_string_new (NULL);
  gint64 deadline = g_get_monotonic_time () + DEADLINE_MS * 1000;

  for (;;)
    {
      GPollFD poll_fd = { fd, G_IO_IN | G_IO_HUP, 0 };
      char buffer[512];
      gssize n;
      int left = (int) ((deadline - g_get_monotonic_time ()) / 1000);

      if (left <= 0 || g_poll (&poll_fd, 1, left) == 0)
        {
          kill (pid, SIGKILL);
          break;
        }
      n = read (fd, buffer, sizeof buffer);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      g_string_append_len (out, buffer, n);
    }
  return g_string_free (out, FALSE);
}

/* Starts @argv with @envp, waits for it and reads its "kns-frame:"
 * lines: "kns-frame: SCREEN RENDERER TIME [DRIVER]". */
static Run
run_once (char       **argv,
          char       **envp,
          const char  *expected)
{
  Run run = { 0 };
  struct rusage usage;
  g_autofree char *output = NULL;
  g_auto(GStrv) lines = NULL;
  int fds[2], status;
  gint64 start;
  pid_t pid;

  if (!g_unix_open_pipe (fds, FD_CLOEXEC, NULL))
    fail ("pipe");
  start = g_get_monotonic_time ();
  pid = fork ();
  if (pid < 0)
    fail ("fork");
  if (pid == 0)
    {
      dup2 (fds[1], STDOUT_FILENO);
      execve (argv[0], argv, envp);
      _exit (127);
    }
  close (fds[1]);
  output = read_output (fds[0], pid);
  close (fds[0]);
  if (wait4 (pid, &status, 0, &usage) != pid)
    fail ("wait4");

  run.first_ms = run.ready_ms = -1;
  lines = g_strsplit (output, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = g_strsplit (lines[i], " ", -1);
      double ms;

      if (g_strv_length (words) < 4 || !g_str_equal (words[0], "kns-frame:"))
        continue;
      ms = (g_ascii_strtoll (words[3], NULL, 10) - start) / 1000.0;
      if (run.first_ms < 0)
        run.first_ms = ms;
      if (g_str_equal (words[1], expected))
        {
          run.ready_ms = ms;
          g_strlcpy (run.renderer, words[2], sizeof run.renderer);
          g_strlcpy (run.driver, words[4] != NULL ? words[4] : "", sizeof run.driver);
        }
    }
  if (run.ready_ms < 0)
    {
      g_autofree char *what = g_strdup_printf ("%s did not draw its %s screen (exit status %d); "
                                               "it printed: %s",
                                               argv[0], expected, status, output);

      fail (what);
    }
  /* ru_maxrss is in KiB on Linux. */
  run.rss_mib = usage.ru_maxrss / 1024.0;
  return run;
}

/* The benchmark's own environment, without what the tests add that a
 * lab PC does not have (malloc checks, fatal warnings, no
 * accessibility), and with the renderer asked for. */
static char **
child_environment (gboolean cairo)
{
  static const char *const removed[] = {
    "MALLOC_CHECK_", "MALLOC_PERTURB_", "G_DEBUG", "GTK_A11Y", "NO_AT_BRIDGE", "GSK_RENDERER",
    "GDK_DEBUG", NULL
  };
  char **envp = g_get_environ ();

  for (guint i = 0; removed[i] != NULL; i++)
    envp = g_environ_unsetenv (envp, removed[i]);
  envp = g_environ_setenv (envp, "KNS_EXIT_AFTER_FIRST_FRAME", "1", TRUE);
  if (cairo)
    {
      envp = g_environ_setenv (envp, "GSK_RENDERER", "cairo", TRUE);
      envp = g_environ_setenv (envp, "GDK_DEBUG", "gl-disable", TRUE);
    }
  return envp;
}

static void
bench_renderer (char       **bare,
                char       **app,
                gboolean     cairo)
{
  g_auto(GStrv) envp = child_environment (cairo);
  Run bare_runs[RUNS], app_runs[RUNS];
  double bare_ms, app_ms, app_first_ms, bare_rss, app_rss;

  /* Warm-up: the page cache, the fontconfig cache, the store's daily
   * backup. Not counted. */
  run_once (bare, envp, "bare");
  run_once (app, envp, "sign-in");

  for (guint i = 0; i < RUNS; i++)
    {
      bare_runs[i] = run_once (bare, envp, "bare");
      app_runs[i] = run_once (app, envp, "sign-in");
    }

  bare_ms = median (bare_runs, G_STRUCT_OFFSET (Run, ready_ms));
  app_ms = median (app_runs, G_STRUCT_OFFSET (Run, ready_ms));
  app_first_ms = median (app_runs, G_STRUCT_OFFSET (Run, first_ms));
  bare_rss = median (bare_runs, G_STRUCT_OFFSET (Run, rss_mib));
  app_rss = median (app_runs, G_STRUCT_OFFSET (Run, rss_mib));

  printf ("%s: renderer %s, GL %s\n",
          cairo ? "GSK_RENDERER=cairo GDK_DEBUG=gl-disable" : "default renderer (GSK_RENDERER unset)",
          app_runs[0].renderer, bare_runs[0].driver);
  printf ("  bare window: first frame %.0f ms, peak RSS %.1f MiB\n", bare_ms, bare_rss);
  printf ("  kynangso:    sign-in screen %.0f ms (first frame %.0f ms), peak RSS %.1f MiB\n",
          app_ms, app_first_ms, app_rss);
  printf ("  ratio to the bare window: start %.2f (target ≤ 1.3), peak RSS %.2f (target ≤ 1.5)\n",
          app_ms / bare_ms, app_rss / bare_rss);
  if (strcmp (bare_runs[0].renderer, app_runs[0].renderer) != 0)
    printf ("  (the bare window used %s)\n", bare_runs[0].renderer);
}

int
main (int   argc,
      char *argv[])
{
  const char *binary = g_getenv ("KNS_BINARY");
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *data = g_build_filename (cwd, "kns-bench-startup-XXXXXX", NULL);
  g_autofree char *data_arg = NULL;
  g_autofree char *content_arg = g_strdup ("--content-dir=" CONTENT_SRCDIR);
  char *bare[] = { argc > 1 ? argv[1] : NULL, NULL };
  char *app[] = { (char *) binary, NULL, content_arg, NULL };

  /* `bench-startup --prepare DIR` only writes the data folder, for
   * profiling one start by hand: kynangso --data-dir=DIR under perf,
   * callgrind or heaptrack, with KNS_EXIT_AFTER_FIRST_FRAME=1. */
  if (argc == 3 && strcmp (argv[1], "--prepare") == 0)
    {
      prepare_data (argv[2]);
      return EXIT_SUCCESS;
    }
  if (bare[0] == NULL || binary == NULL)
    fail ("usage: KNS_BINARY=kynangso bench-startup BARE-WINDOW");
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    fail ("no display; run it through meson test, which starts Xvfb");
  if (g_mkdtemp (data) == NULL)
    fail (data);
  prepare_data (data);
  data_arg = g_strconcat ("--data-dir=", data, NULL);
  app[1] = data_arg;

  printf ("Start-up, exec to the first frame painted; medians of %d runs each, alternately:\n",
          RUNS);
  bench_renderer (bare, app, FALSE);
  bench_renderer (bare, app, TRUE);

  kns_test_remove_tree (data);
  return EXIT_SUCCESS;
}
