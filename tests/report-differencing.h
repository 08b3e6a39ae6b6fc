/* report-differencing.h — a reader who compares two published reports
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

#pragma once

#include "kns-report.h"

G_BEGIN_DECLS

/* What a reader can say of a true value: it lies in [min, max]. */
typedef struct
{
  gint64 min;
  gint64 max;
} Range;

#define RANGE_UNBOUNDED G_GINT64_CONSTANT (1000000)

/* A grade × sex table (or any table whose rows and columns add up to
 * totals in its last row and column) of ranges. */
typedef struct
{
  guint rows; /* with the total row */
  guint cols; /* with the total column */
  Range cell[16][8];
} RangeTable;

Range    differencing_cell_range  (const KnsReportCell  *cell,
                                   gint64                base);
void     differencing_table       (const KnsReportTable *before,
                                   const KnsReportTable *after,
                                   gint64                base,
                                   RangeTable           *out);
void     differencing_propagate   (RangeTable           *table);
gboolean differencing_is_exact    (Range                 range);
guint    differencing_candidates  (Range                 range,
                                   gint64                step);

G_END_DECLS
