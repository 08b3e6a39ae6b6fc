/* test-check.c — `kynangso --check-content`, in-process and as a command
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
#include <locale.h>
#include <string.h>

#include "kns-content-check.h"
#include "kns-locale.h"

static char *
data_dir (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static void
test_format_and_status (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "broken", "wrong-type", NULL);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *expected = NULL;
  int status;

  status = kns_content_check (dir, out);

  g_assert_cmpint (status, ==, 1);
  expected = g_strdup_printf ("%s/tier-1/01-bai.md:5: error: “minutes” must be a whole number from "
                              "1 to 60, not “mười”.\n"
                              "0 lessons loaded in 2 tiers: 1 error, 0 warnings.\n",
                              dir);
  g_assert_cmpstr (out->str, ==, expected);
}

static void
test_warnings_only (void)
{
  g_autofree char *dir = data_dir ("good");
  g_autoptr(GString) out = g_string_new (NULL);

  /* Warnings alone do not fail the check. */
  g_assert_cmpint (kns_content_check (dir, out), ==, 0);
  g_assert_nonnull (strstr (out->str, ":52: warning: "));
  g_assert_true (g_str_has_suffix (out->str, "3 lessons loaded in 2 tiers: 0 errors, 4 warnings.\n"));
}

static void
test_command (void)
{
  const char *binary = g_getenv ("KNS_BINARY");
  g_autofree char *broken = g_test_build_filename (G_TEST_DIST, "data", "broken", "no-correct", NULL);
  g_autofree char *option = g_strdup_printf ("--check-content=%s", broken);
  const char *argv[] = { binary, option, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  int status;

  g_assert_nonnull (binary);
  env = g_environ_setenv (env, "KYNANGSO_LANGUAGE", "en", TRUE);

  g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);

  /* Exit status 1, one line a problem, no display needed. */
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 1);
  g_assert_true (g_str_has_prefix (out, broken));
  g_assert_nonnull (strstr (out, "/tier-1/01-bai.quiz.md:1: error: The question “Em làm gì?” has no right option"));
  g_assert_cmpstr (err, ==, "");
}

static void
test_command_default_dir (void)
{
  const char *binary = g_getenv ("KNS_BINARY");
  g_autofree char *good = data_dir ("good");
  const char *argv[] = { binary, "--check-content", NULL };
  g_autofree char *out = NULL;
  g_auto(GStrv) env = g_get_environ ();
  int status;

  /* Without a folder it checks the bundled content (here: pointed at). */
  env = g_environ_setenv (env, "KYNANGSO_CONTENT_DIR", good, TRUE);
  env = g_environ_setenv (env, "KYNANGSO_LANGUAGE", "en", TRUE);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (out, "3 lessons loaded in 2 tiers"));
}

/* With the Vietnamese catalogue built beside the tests, the messages a
 * teacher reads are Vietnamese. */
static void
test_vietnamese (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "broken", "no-correct", NULL);
  g_autoptr(GString) out = g_string_new (NULL);

  kns_locale_use ("vi");
  bindtextdomain (GETTEXT_PACKAGE, PO_BUILDDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_assert_cmpint (kns_content_check (dir, out), ==, 1);
  g_test_message ("%s", out->str);
  g_assert_nonnull (strstr (out->str, "Câu hỏi “Em làm gì?”"));
  g_assert_nonnull (strstr (out->str, "1 lỗi"));
  g_assert_null (strstr (out->str, "has no right option"));

  /* The session kit's files too (issue 21): a plan whose minutes do not
   * add up, named by file and line, in Vietnamese. */
  g_string_truncate (out, 0);
  g_clear_pointer (&dir, g_free);
  dir = g_test_build_filename (G_TEST_DIST, "data", "broken", "kit-plan-minutes", NULL);
  g_assert_cmpint (kns_content_check (dir, out), ==, 1);
  g_assert_nonnull (strstr (out->str, "/tier-1/ke-hoach.plan.md:4: error: Các phần cộng lại được "
                                      "50 phút, nhưng “minutes” ghi 45."));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kns/check/format-and-status", test_format_and_status);
  g_test_add_func ("/kns/check/warnings-only", test_warnings_only);
  g_test_add_func ("/kns/check/command", test_command);
  g_test_add_func ("/kns/check/command-default-dir", test_command_default_dir);
  /* Last: it switches the process to Vietnamese. */
  g_test_add_func ("/kns/check/vietnamese", test_vietnamese);

  return g_test_run ();
}
