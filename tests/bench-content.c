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
 */

#include "kns-config.h"

#include <stdio.h>
#include <stdlib.h>

#include "kns-course.h"

#define RUNS 50

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

int
main (int   argc,
      char *argv[])
{
  const char *dir = argc > 1 ? argv[1] : CONTENT_SRCDIR;
  double times[RUNS];
  guint n_lessons = 0, n_questions = 0;

  for (guint i = 0; i < RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(KnsCourse) course = kns_course_load (dir, NULL, NULL);

      times[i] = (g_get_monotonic_time () - start) / 1000.0;
      n_lessons = kns_course_get_n_lessons (course);

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

  qsort (times, RUNS, sizeof (double), compare_doubles);
  printf ("content load: %s\n", dir);
  printf ("  %u lessons, %u questions, %d runs\n", n_lessons, n_questions, RUNS);
  printf ("  median %.2f ms, min %.2f ms, max %.2f ms\n", times[RUNS / 2], times[0], times[RUNS - 1]);
  printf ("  per lesson (median) %.3f ms; target for the bundled course < 50 ms: ratio %.3f\n",
          n_lessons ? times[RUNS / 2] / n_lessons : 0.0, times[RUNS / 2] / 50.0);
  return 0;
}
