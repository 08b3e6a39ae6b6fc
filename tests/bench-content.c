/* bench-content.c — how long loading and checking the course takes
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
 * Besides the bundled course, courses of 1,000 and 10,000 lessons, each a
 * copy of a tier's first lesson and its quiz under a new id, are written
 * under the current folder, so that how the cost grows shows.
 */

#include "kns-config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kns-course.h"
#include "kns-test-common.h"

/* Tiers of the bundled course whose first lesson serves as a template. */
#define N_TIERS 4

static void
fail (GError *error)
{
  g_printerr ("%s\n", error ? error->message : "failed");
  exit (EXIT_FAILURE);
}

/* Not inlined: GCC 12 then mistakes the result for a local. */
G_GNUC_NO_INLINE static char *
read_file (const char *path)
{
  GError *error = NULL;
  char *text = NULL;

  if (!g_file_get_contents (path, &text, NULL, &error))
    fail (error);
  return text;
}

static void
write_file (const char *path,
            const char *text)
{
  GError *error = NULL;

  if (!g_file_set_contents (path, text, -1, &error))
    fail (error);
}

static void
copy_folder (const char *from,
             const char *to)
{
  g_autoptr(GDir) dir = g_dir_open (from, 0, NULL);
  const char *name;

  g_mkdir_with_parents (to, 0700);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *source = g_build_filename (from, name, NULL);
      g_autofree char *target = g_build_filename (to, name, NULL);
      g_autofree char *text = read_file (source);

      write_file (target, text);
    }
}

/* A lesson of the bundled course made the @n-th of a synthetic tier: a
 * new id, the rest as it is. */
static char *
renumber (const char *lesson,
          const char *id,
          guint       n)
{
  g_autofree char *old = g_strdup_printf ("\nid: %s\n", id);
  g_autofree char *new = g_strdup_printf ("\nid: %s-%05u\n", id, n);
  const char *at = strstr (lesson, old);
  GString *out;
  gsize offset;

  if (at == NULL)
    fail (NULL);
  offset = (gsize) (at - lesson);
  out = g_string_new_len (lesson, (gssize) offset);
  g_string_append (out, new);
  g_string_append (out, lesson + offset + strlen (old));
  return g_string_free (out, FALSE);
}

/* A course of @n_lessons lessons, each a copy of a real one with its
 * quiz, spread over the four tiers, in a new folder under @parent. */
static char *
make_course (KnsCourse  *bundled,
             const char *source,
             const char *parent,
             guint       n_lessons)
{
  g_autofree char *dir = g_strdup_printf ("%s/kns-bench-course-%u", parent, n_lessons);
  g_autofree char *media_from = g_build_filename (source, "media", NULL);
  g_autofree char *media_to = g_build_filename (dir, "media", NULL);
  g_autofree char *help_from = g_build_filename (source, "help.md", NULL);
  g_autofree char *help_to = g_build_filename (dir, "help.md", NULL);
  g_autofree char *help = read_file (help_from);
  g_autofree char *course_file = g_build_filename (dir, "course.yaml", NULL);
  GString *course = g_string_new ("title: Khóa học thử\nlanguage: vi\nhelp: help.md\n\ntiers:\n");

  kns_test_remove_tree (dir);
  copy_folder (media_from, media_to);
  write_file (help_to, help);

  for (guint t = 0; t < N_TIERS; t++)
    {
      KnsTier *tier = kns_course_get_tier (bundled, t + 1);
      KnsLesson *model = kns_tier_get_lesson (tier, 0);
      g_autofree char *folder = g_strdup_printf ("%s/tier-%u", dir, t + 1);
      g_autofree char *lesson_text = read_file (kns_lesson_get_file (model));
      g_autofree char *quiz_file = g_strdup_printf ("%.*s.quiz.md",
                                                    (int) strlen (kns_lesson_get_file (model)) - 3,
                                                    kns_lesson_get_file (model));
      g_autofree char *quiz_text = read_file (quiz_file);

      g_mkdir_with_parents (folder, 0700);
      g_string_append_printf (course,
                              "  - id: %u\n    title: %s\n    ages: %s\n    level: %s\n"
                              "    grades: [%u, %u]\n    lessons:\n",
                              t + 1, kns_tier_get_title (tier), kns_tier_get_ages (tier),
                              kns_tier_get_level (tier), kns_tier_get_grade_min (tier),
                              kns_tier_get_grade_max (tier));
      for (guint n = t; n < n_lessons; n += N_TIERS)
        {
          g_autofree char *name = g_strdup_printf ("%05u-bai", n);
          g_autofree char *path = g_strdup_printf ("%s/%s.md", folder, name);
          g_autofree char *quiz_path = g_strdup_printf ("%s/%s.quiz.md", folder, name);
          g_autofree char *text = renumber (lesson_text, kns_lesson_get_id (model), n);

          write_file (path, text);
          write_file (quiz_path, quiz_text);
          g_string_append_printf (course, "      - %s\n", name);
        }
    }

  write_file (course_file, course->str);
  g_string_free (course, TRUE);
  return g_steal_pointer (&dir);
}

/* Loads and checks @dir @runs times; returns the median in ms. */
static double
time_load (const char *dir,
           guint       runs,
           guint       expected)
{
  g_autofree double *times = g_new (double, runs);
  guint n_lessons = 0, n_questions = 0, n_errors = 0;

  for (guint i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(KnsCourse) course = kns_course_load (dir, NULL, NULL);

      times[i] = (g_get_monotonic_time () - start) / 1000.0;
      n_lessons = kns_course_get_n_lessons (course);
      n_errors = kns_course_get_n_errors (course);

      if (i == 0)
        for (guint t = 0; t < kns_course_get_tiers (course)->len; t++)
          {
            KnsTier *tier = g_ptr_array_index (kns_course_get_tiers (course), t);

            for (guint l = 0; l < kns_tier_get_n_lessons (tier); l++)
              {
                KnsQuiz *quiz = kns_lesson_get_quiz (kns_tier_get_lesson (tier, l));

                n_questions += quiz ? kns_quiz_get_n_questions (quiz) : 0;
              }
          }
    }

  /* A course that does not load whole measures nothing. */
  if (n_errors > 0 || (expected > 0 && n_lessons != expected))
    {
      g_printerr ("%s: %u lessons, %u errors\n", dir, n_lessons, n_errors);
      exit (EXIT_FAILURE);
    }

  qsort (times, runs, sizeof (double), kns_test_compare_doubles);
  printf ("  %5u lessons, %5u questions, %2u runs: median %8.2f ms, min %8.2f ms; "
          "%.3f ms a lesson\n",
          n_lessons, n_questions, runs, times[runs / 2], times[0], times[runs / 2] / n_lessons);
  return times[runs / 2];
}

int
main (int   argc,
      char *argv[])
{
  const char *source = argc > 1 ? argv[1] : CONTENT_SRCDIR;
  g_autofree char *cwd = g_get_current_dir ();
  g_autoptr(KnsCourse) bundled = NULL;
  GError *error = NULL;
  static const struct
  {
    guint n_lessons;
    guint runs;
  } sizes[] = { { 1000, 7 }, { 10000, 3 } };
  double bundled_ms;

  bundled = kns_course_load (source, NULL, &error);
  if (bundled == NULL)
    fail (error);

  printf ("Loading and checking a course (parse every lesson and quiz, validate):\n");
  bundled_ms = time_load (source, 50, 0);
  printf ("  the bundled course (%s): target < 50 ms, ratio %.3f\n", source, bundled_ms / 50.0);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *dir = make_course (bundled, source, cwd, sizes[i].n_lessons);
      double ms = time_load (dir, sizes[i].runs, sizes[i].n_lessons);

      printf ("  %u lessons cost %.1f times the bundled course's, for %.1f times as many "
              "lessons\n",
              sizes[i].n_lessons, ms / bundled_ms,
              (double) sizes[i].n_lessons / kns_course_get_n_lessons (bundled));
      kns_test_remove_tree (dir);
    }
  return 0;
}
