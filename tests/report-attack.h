/* report-attack.h — a reader who tries to recover hidden report cells
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

#include <glib.h>

G_BEGIN_DECLS

#define ATTACK_MAX 24

/* A table as a reader sees it: inner cells (r < rows, c < cols), row
 * totals in column cols, column totals in row rows, the grand total at
 * (rows, cols). Every row and column adds up to its total. */
typedef struct
{
  guint    rows;
  guint    cols;
  gint64   value[ATTACK_MAX + 1][ATTACK_MAX + 1]; /* shown values */
  gboolean hidden[ATTACK_MAX + 1][ATTACK_MAX + 1];
  gint64   upper[ATTACK_MAX + 1][ATTACK_MAX + 1]; /* a public cap, or 0 */
} AttackTable;

void attack_range (const AttackTable *table,
                   guint              row,
                   guint              col,
                   gint64             cap,
                   gint64            *min,
                   gint64            *max);

G_END_DECLS
