/* test-window.c — the first window shows what loaded and what failed
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

#include "kns-window.h"

static KnsCourse *
load_course (const char *first,
             const char *second)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", first, second, NULL);

  return kns_course_load (dir, NULL, NULL);
}

static void
collect_rows (GtkWidget *widget,
              GPtrArray *titles)
{
  if (ADW_IS_PREFERENCES_ROW (widget) && gtk_widget_get_visible (widget))
    g_ptr_array_add (titles, (gpointer) adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));
  if (ADW_IS_PREFERENCES_GROUP (widget) && gtk_widget_get_visible (widget))
    g_ptr_array_add (titles, (gpointer) adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_rows (child, titles);
}

static gboolean
has_title (GPtrArray  *titles,
           const char *title)
{
  for (guint i = 0; i < titles->len; i++)
    if (g_strcmp0 (g_ptr_array_index (titles, i), title) == 0)
      return TRUE;
  return FALSE;
}

static void
test_lists_tiers_and_lessons (void)
{
  g_autoptr(KnsCourse) course = load_course ("good", NULL);
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  KnsWindow *window = g_object_new (KNS_TYPE_WINDOW, NULL);

  kns_window_set_course (window, course);
  gtk_window_present (GTK_WINDOW (window));
  collect_rows (GTK_WIDGET (window), titles);

  g_assert_true (has_title (titles, "Lớp 1–3"));
  g_assert_true (has_title (titles, "Lớp 4–5"));
  /* Shown as text, not taken for markup. */
  g_assert_true (has_title (titles, "Bài đầy đủ & <đặc biệt>"));
  g_assert_true (has_title (titles, "Bài không có bài kiểm tra"));
  g_assert_true (has_title (titles, "Problems in the lessons"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_shows_errors (void)
{
  g_autoptr(KnsCourse) course = load_course ("broken", "one-bad-lesson");
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  KnsWindow *window = g_object_new (KNS_TYPE_WINDOW, NULL);

  kns_window_set_course (window, course);
  collect_rows (GTK_WIDGET (window), titles);

  /* What loaded, and what did not, and why. */
  g_assert_true (has_title (titles, "Problems in the lessons"));
  g_assert_true (has_title (titles, "The key “title” is missing; it must be a line of text."));
  g_assert_cmpuint (kns_tier_get_n_lessons (kns_course_get_tier (course, 1)), ==, 2);

  /* A second course replaces the first. */
  g_ptr_array_set_size (titles, 0);
  {
    g_autoptr(KnsCourse) good = load_course ("good", NULL);

    kns_window_set_course (window, good);
  }
  collect_rows (GTK_WIDGET (window), titles);
  g_assert_false (has_title (titles, "The key “title” is missing; it must be a line of text."));
  g_assert_true (has_title (titles, "Bài soạn trên Windows"));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/kns/window/lists-tiers-and-lessons", test_lists_tiers_and_lessons);
  g_test_add_func ("/kns/window/shows-errors", test_shows_errors);

  return g_test_run ();
}
