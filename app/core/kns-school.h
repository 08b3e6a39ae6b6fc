/* kns-school.h — the shape of a Vietnamese school that every stage shares
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
 * Grades (lớp) 1–12 in the programme's four tiers: lớp 1–3, 4–5, 6–9
 * (THCS) and 10–12 (THPT). Lessons, the store and the report all index
 * by these numbers, and a report bundle from another computer is
 * checked against them before anything is counted.
 */

#pragma once

#include <glib.h>
#include <string.h>

G_BEGIN_DECLS

#define KNS_N_GRADES 12
#define KNS_N_TIERS  4

/* The tier of a grade from 1 to KNS_N_GRADES. */
static inline guint
kns_school_tier_for_grade (guint grade)
{
  return grade <= 3 ? 1 : grade <= 5 ? 2 : grade <= 9 ? 3 : 4;
}

/* The first and last grade of a tier from 1 to KNS_N_TIERS. */
static inline void
kns_school_tier_grades (guint  tier,
                        guint *first,
                        guint *last)
{
  static const guint grades[KNS_N_TIERS + 1][2] = { { 0, 0 }, { 1, 3 }, { 4, 5 }, { 6, 9 }, { 10, 12 } };

  tier = tier <= KNS_N_TIERS ? tier : 0;
  *first = grades[tier][0];
  *last = grades[tier][1];
}

/* The grade a class label names, as schools write them: "2A" → 2,
 * "10A1" → 10, "6/3" → 6, "Lớp 7B" → 7; 0 when it names none ("A1",
 * "13A", "Câu lạc bộ"). */
static inline guint
kns_school_grade_for_class (const char *label)
{
  static const char *const prefixes[] = { "lớp", "Lớp", "LỚP", "lop", "Lop", "LOP" };
  guint grade = 0, digits = 0;
  const char *p = label;

  if (p == NULL)
    return 0;
  while (g_ascii_isspace (*p))
    p++;
  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (p, prefixes[i]))
      {
        p += strlen (prefixes[i]);
        break;
      }
  while (g_ascii_isspace (*p))
    p++;
  for (; g_ascii_isdigit (*p) && digits < 3; p++, digits++)
    grade = grade * 10 + (guint) (*p - '0');

  if (digits == 0 || digits > 2 || grade < 1 || grade > KNS_N_GRADES)
    return 0;
  return grade;
}

G_END_DECLS
