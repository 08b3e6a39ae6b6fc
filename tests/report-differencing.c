/* report-differencing.c — a reader who compares two published reports
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
 * Written apart from kns-report.c, from what the README tells a reader:
 * a shown count is the true one rounded to a multiple of the base (so
 * within base − 1 of it), a shown count that is no multiple of the base
 * is exact (a report that does not round), and a hidden count is
 * unknown. Two reports of growing counts give each cell's change as a
 * range; rows and columns that add up to their totals narrow the ranges
 * further, until nothing changes. If any change comes out as one exact
 * value, the reader has singled out what those pupils did.
 */

#include "kns-config.h"

#include "report-differencing.h"

/**
 * differencing_cell_range:
 * @base: the rounding base the report says it uses
 *
 * What a reader knows of the true value behind @cell.
 */
Range
differencing_cell_range (const KnsReportCell *cell,
                         gint64               base)
{
  Range r = { 0, RANGE_UNBOUNDED };

  if (cell->hidden || cell->kind == KNS_REPORT_CELL_NONE)
    return r;
  if (cell->value % base != 0)
    {
      /* Not rounded: exact. */
      r.min = r.max = cell->value;
      return r;
    }
  r.min = MAX (0, cell->value - (base - 1));
  r.max = cell->value + (base - 1);
  return r;
}

/* Counts only grow between two reports of one school year. */
static Range
change_of (Range before,
           Range after)
{
  Range r;

  r.min = MAX (0, after.min - before.max);
  r.max = MIN (RANGE_UNBOUNDED, after.max - before.min);
  return r;
}

/**
 * differencing_table:
 *
 * The change of every cell of a table between two reports, as ranges.
 */
void
differencing_table (const KnsReportTable *before,
                    const KnsReportTable *after,
                    gint64                base,
                    RangeTable           *out)
{
  g_assert_cmpuint (before->n_columns, ==, after->n_columns);
  g_assert_cmpuint (after->n_rows, <=, G_N_ELEMENTS (out->cell));
  g_assert_cmpuint (after->n_columns, <=, G_N_ELEMENTS (out->cell[0]));

  out->rows = after->n_rows;
  out->cols = after->n_columns;
  for (guint r = 0; r < out->rows; r++)
    {
      /* Rows by their labels: a grade missing before had no pupils. */
      int was = kns_report_table_find_row (before, after->row_labels[r]);

      for (guint c = 0; c < out->cols; c++)
        {
          Range none = { 0, 0 };
          Range then = was >= 0 ? differencing_cell_range (kns_report_table_get_cell (before, (guint) was, c), base)
                                : none;

          out->cell[r][c] = change_of (then, differencing_cell_range (kns_report_table_get_cell (after, r, c), base));
        }
    }
}

/* One line that adds up: @n parts and their total. Returns whether any
 * range narrowed. */
static gboolean
narrow (Range **parts,
        guint   n,
        Range  *total)
{
  gint64   sum_min = 0, sum_max = 0;
  gboolean changed = FALSE;

  for (guint i = 0; i < n; i++)
    {
      /* Sums of at most 16 parts of at most RANGE_UNBOUNDED: no cap needed. */
      sum_min += parts[i]->min;
      sum_max += parts[i]->max;
    }
  if (total->min < sum_min)
    total->min = sum_min, changed = TRUE;
  if (total->max > sum_max)
    total->max = sum_max, changed = TRUE;
  for (guint i = 0; i < n; i++)
    {
      gint64 others_min = sum_min - parts[i]->min;
      gint64 others_max = sum_max - parts[i]->max;

      if (parts[i]->max > total->max - others_min)
        parts[i]->max = total->max - others_min, changed = TRUE;
      /* An unknown part makes the others' sum unknown too. */
      if (others_max < RANGE_UNBOUNDED && parts[i]->min < total->min - others_max)
        parts[i]->min = total->min - others_max, changed = TRUE;
    }
  return changed;
}

/**
 * differencing_propagate:
 *
 * Narrows every range with the rows and columns that add up to their
 * totals (the last row and column), until nothing narrows.
 */
void
differencing_propagate (RangeTable *t)
{
  gboolean changed = TRUE;

  while (changed)
    {
      changed = FALSE;
      for (guint r = 0; r < t->rows; r++)
        {
          Range *parts[8];

          for (guint c = 0; c + 1 < t->cols; c++)
            parts[c] = &t->cell[r][c];
          changed |= narrow (parts, t->cols - 1, &t->cell[r][t->cols - 1]);
        }
      for (guint c = 0; c < t->cols; c++)
        {
          Range *parts[16];

          for (guint r = 0; r + 1 < t->rows; r++)
            parts[r] = &t->cell[r][c];
          changed |= narrow (parts, t->rows - 1, &t->cell[t->rows - 1][c]);
        }
      for (guint r = 0; r < t->rows; r++)
        for (guint c = 0; c < t->cols; c++)
          g_assert_cmpint (t->cell[r][c].min, <=, t->cell[r][c].max);
    }
}

/* Whether a reader knows a non-zero change exactly. */
gboolean
differencing_is_exact (Range range)
{
  return range.min == range.max && range.min > 0;
}

/* How many values a multiple of @step could take in @range. */
guint
differencing_candidates (Range  range,
                         gint64 step)
{
  guint n = 0;

  for (gint64 v = range.min; v <= range.max && n < 1000; v++)
    n += v % step == 0;
  return n;
}
