/* kns-content-check.c
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

#define G_LOG_DOMAIN "kns-content"

#include "kns-config.h"

#include <glib/gi18n.h>

#include "kns-content-check.h"

/* One sentence: what loaded, and how many problems. */
char *
kns_content_check_summary (KnsCourse *course)
{
  guint n_lessons = kns_course_get_n_lessons (course);
  guint n_tiers = kns_course_get_tiers (course)->len;
  guint n_errors = kns_course_get_n_errors (course);
  guint n_warnings = kns_course_get_n_warnings (course);
  g_autofree char *lessons = NULL;
  g_autofree char *tiers = NULL;
  g_autofree char *errors = NULL;
  g_autofree char *warnings = NULL;

  g_return_val_if_fail (KNS_IS_COURSE (course), NULL);

  lessons = g_strdup_printf (ngettext ("%u lesson loaded", "%u lessons loaded", n_lessons),
                             n_lessons);
  tiers = g_strdup_printf (ngettext ("in %u tier", "in %u tiers", n_tiers), n_tiers);
  errors = g_strdup_printf (ngettext ("%u error", "%u errors", n_errors), n_errors);
  warnings = g_strdup_printf (ngettext ("%u warning", "%u warnings", n_warnings), n_warnings);

  /* Translators: e.g. "12 lessons loaded in 4 tiers: 1 error, 2 warnings." */
  return g_strdup_printf (_("%s %s: %s, %s."), lessons, tiers, errors, warnings);
}

/**
 * kns_content_check:
 * @dir: the content folder to check
 * @out: where the report goes: a line per problem, then a summary
 *
 * Returns: the exit status: 1 if there is any error, else 0
 */
int
kns_content_check (const char *dir,
                   GString    *out)
{
  g_autoptr(KnsCourse) course = NULL;
  g_autofree char *summary = NULL;
  GPtrArray *diagnostics;

  g_return_val_if_fail (dir != NULL, 1);
  g_return_val_if_fail (out != NULL, 1);

  course = kns_course_load (dir, NULL, NULL);
  diagnostics = kns_course_get_diagnostics (course);

  for (guint i = 0; i < diagnostics->len; i++)
    {
      g_autofree char *line = kns_diagnostic_format (g_ptr_array_index (diagnostics, i));

      g_string_append_printf (out, "%s\n", line);
    }

  summary = kns_content_check_summary (course);
  g_string_append_printf (out, "%s\n", summary);

  return kns_course_get_n_errors (course) > 0 ? 1 : 0;
}
