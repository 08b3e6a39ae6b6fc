/* test-window.c — what the window says when something is wrong
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

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "kns-teacher.h"
#include "kns-window.h"

static KnsCourse *
load_course (const char *first,
             const char *second)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", first, second, NULL);

  return kns_course_load (dir, NULL, NULL);
}

static void
collect_text (GtkWidget *widget,
              GString   *out)
{
  if (!gtk_widget_get_visible (widget))
    return;
  if (ADW_IS_PREFERENCES_ROW (widget))
    g_string_append_printf (out, "%s\n", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));
  if (ADW_IS_STATUS_PAGE (widget))
    g_string_append_printf (out, "%s\n%s\n", adw_status_page_get_title (ADW_STATUS_PAGE (widget)),
                            adw_status_page_get_description (ADW_STATUS_PAGE (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_text (child, out);
}

static char *
visible_text (KnsWindow *window)
{
  GString *out = g_string_new (NULL);

  collect_text (kns_window_get_page (window, kns_screen_to_string (kns_window_get_screen (window))), out);
  return g_string_free (out, FALSE);
}

static KnsStore *
temporary_store (char **dir)
{
  g_autoptr(GError) error = NULL;
  KnsStore *store;

  *dir = g_dir_make_tmp ("kns-window-XXXXXX", &error);
  g_assert_no_error (error);
  store = kns_store_open (*dir, &error);
  g_assert_no_error (error);
  g_assert_true (kns_teacher_set_setup (store, KNS_SETUP_LAB, NULL));
  return store;
}

static void
test_no_lessons (void)
{
  g_autoptr(KnsCourse) course = load_course ("broken", "missing-key");
  g_autofree char *dir = NULL;
  g_autoptr(KnsStore) store = temporary_store (&dir);
  KnsWindow *window = g_object_new (KNS_TYPE_WINDOW, NULL);
  g_autofree char *text = NULL;

  kns_window_set_store (window, store);
  kns_window_set_course (window, course);
  gtk_window_present (GTK_WINDOW (window));

  /* No lesson at all: a clear page, and the way to the problems. */
  g_assert_cmpstr (kns_screen_to_string (kns_window_get_screen (window)), ==, "error");
  text = visible_text (window);
  g_assert_nonnull (strstr (text, "The lessons could not be loaded"));
  g_assert_nonnull (strstr (text, "--check-content"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-problems", NULL));
  g_assert_cmpstr (kns_screen_to_string (kns_window_get_screen (window)), ==, "problems");
  g_clear_pointer (&text, g_free);
  text = visible_text (window);
  g_assert_nonnull (strstr (text, "The key “title” is missing; it must be a line of text."));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static void
test_some_lessons_broken (void)
{
  g_autoptr(KnsCourse) course = load_course ("broken", "one-bad-lesson");
  g_autofree char *dir = NULL;
  g_autoptr(KnsStore) store = temporary_store (&dir);
  KnsWindow *window = g_object_new (KNS_TYPE_WINDOW, NULL);

  guint notified = 0;
  KnsScreen screen;

  kns_window_set_course (window, course);
  g_assert_cmpstr (kns_screen_to_string (kns_window_get_screen (window)), ==, "loading");
  g_signal_connect_swapped (window, "notify::screen", G_CALLBACK (count_cb), &notified);
  kns_window_set_store (window, store);

  /* The good lessons still serve: children sign in as usual. */
  g_assert_cmpstr (kns_screen_to_string (kns_window_get_screen (window)), ==, "sign-in");
  /* The screen is a property a .ui file can bind to. */
  g_object_get (window, "screen", &screen, NULL);
  g_assert_cmpint (screen, ==, KNS_SCREEN_SIGN_IN);
  g_assert_cmpuint (notified, ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_store_error (void)
{
  g_autoptr(KnsCourse) course = load_course ("good", NULL);
  KnsWindow *window = g_object_new (KNS_TYPE_WINDOW, NULL);
  g_autoptr(GError) error = g_error_new_literal (KNS_STORE_ERROR, KNS_STORE_ERROR_READ_ONLY,
                                                 "The data folder cannot be written.");
  g_autofree char *text = NULL;

  kns_window_set_course (window, course);
  kns_window_show_store_error (window, error, "/srv/kynangso");

  g_assert_cmpstr (kns_screen_to_string (kns_window_get_screen (window)), ==, "error");
  text = visible_text (window);
  g_assert_nonnull (strstr (text, "The data folder cannot be written."));
  g_assert_nonnull (strstr (text, "/srv/kynangso"));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/kns/window/no-lessons", test_no_lessons);
  g_test_add_func ("/kns/window/some-lessons-broken", test_some_lessons_broken);
  g_test_add_func ("/kns/window/store-error", test_store_error);

  return g_test_run ();
}
