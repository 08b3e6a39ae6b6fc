/* report-attack.c — a reader who tries to recover hidden report cells
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
 * Written apart from kns-report-suppress.c, on purpose: a brute-force
 * search over integer tables, narrowing each hidden cell's range by the
 * rows and columns it lies in, and trying values until a table fits.
 * The reader knows a hidden cell is not zero (zeros are shown) and not
 * above a public cap (an enrolment).
 */

#include "report-attack.h"

/* The attacker. Unknowns are the hidden cells, each with a range of
 * possible values; every row with its total, every column with its
 * total, and the totals' own row and column must add up. */
typedef struct
{
  const AttackTable *t;
  guint              n;
  guint              r[64], c[64];
  gint64             lo[64], hi[64];
} Attack;

static int
unknown_at (const Attack *a,
            guint         r,
            guint         c)
{
  for (guint i = 0; i < a->n; i++)
    if (a->r[i] == r && a->c[i] == c)
      return (int) i;
  return -1;
}

/* Narrows the ranges on one line: the cells (sign +1) minus the total
 * (sign −1) make zero. Returns FALSE if the line cannot add up. */
static gboolean
narrow_line (Attack   *a,
             gboolean  is_row,
             guint     index,
             gboolean *changed)
{
  const AttackTable *t = a->t;
  guint              n = is_row ? t->cols : t->rows;
  guint              rs[9], cs[9];
  int                sign[9];
  gint64             lo = 0, hi = 0;

  for (guint k = 0; k <= n; k++)
    {
      rs[k] = is_row ? index : (k < n ? k : t->rows);
      cs[k] = is_row ? (k < n ? k : t->cols) : index;
      sign[k] = k < n ? 1 : -1;
    }

  for (guint k = 0; k <= n; k++)
    {
      int    u = unknown_at (a, rs[k], cs[k]);
      gint64 vlo = u < 0 ? t->value[rs[k]][cs[k]] : a->lo[u];
      gint64 vhi = u < 0 ? t->value[rs[k]][cs[k]] : a->hi[u];

      lo += sign[k] > 0 ? vlo : -vhi;
      hi += sign[k] > 0 ? vhi : -vlo;
    }
  if (lo > 0 || hi < 0)
    return FALSE;

  for (guint k = 0; k <= n; k++)
    {
      int    u = unknown_at (a, rs[k], cs[k]);
      gint64 rest_lo, rest_hi, new_lo, new_hi;

      if (u < 0)
        continue;
      /* The sum of the others lies in [rest_lo, rest_hi]; this term must
       * make the whole zero. */
      rest_lo = lo - (sign[k] > 0 ? a->lo[u] : -a->hi[u]);
      rest_hi = hi - (sign[k] > 0 ? a->hi[u] : -a->lo[u]);
      new_lo = sign[k] > 0 ? -rest_hi : rest_lo;
      new_hi = sign[k] > 0 ? -rest_lo : rest_hi;
      if (new_lo > a->lo[u])
        a->lo[u] = new_lo, *changed = TRUE;
      if (new_hi < a->hi[u])
        a->hi[u] = new_hi, *changed = TRUE;
      if (a->lo[u] > a->hi[u])
        return FALSE;
    }
  return TRUE;
}

static gboolean
propagate (Attack *a)
{
  gboolean changed = TRUE;

  while (changed)
    {
      changed = FALSE;
      for (guint r = 0; r <= a->t->rows; r++)
        if (!narrow_line (a, TRUE, r, &changed))
          return FALSE;
      for (guint c = 0; c <= a->t->cols; c++)
        if (!narrow_line (a, FALSE, c, &changed))
          return FALSE;
    }
  return TRUE;
}

/* Whether some table with integer values fits the ranges. */
static gboolean
feasible (const Attack *start)
{
  Attack a = *start;
  int    pick = -1;

  if (!propagate (&a))
    return FALSE;
  for (guint i = 0; i < a.n; i++)
    if (a.lo[i] < a.hi[i] && (pick < 0 || a.hi[i] - a.lo[i] < a.hi[pick] - a.lo[pick]))
      pick = (int) i;
  if (pick < 0)
    return TRUE; /* all fixed, and every line adds up */

  for (gint64 v = a.lo[pick]; v <= a.hi[pick]; v++)
    {
      Attack b = a;

      b.lo[pick] = b.hi[pick] = v;
      if (feasible (&b))
        return TRUE;
    }
  return FALSE;
}

/* The smallest and largest value of unknown @i in any table the shown
 * cells allow, with values capped at @cap. */
static void
attack_cell (Attack *a,
             guint   i,
             gint64  cap,
             gint64 *min,
             gint64 *max)
{
  Attack b = *a;

  g_assert_true (propagate (&b));
  *min = *max = -1;
  for (gint64 v = b.lo[i]; v <= b.hi[i] && *min < 0; v++)
    {
      Attack c = b;

      c.lo[i] = c.hi[i] = v;
      if (feasible (&c))
        *min = v;
    }
  for (gint64 v = b.hi[i]; v >= b.lo[i] && *max < 0; v--)
    {
      Attack c = b;

      c.lo[i] = c.hi[i] = v;
      if (feasible (&c))
        *max = v;
    }
  g_assert_cmpint (*min, >=, 0);
  g_assert_cmpint (*max, <=, cap);
}

/**
 * attack_range:
 * @cap: no value is tried above it
 *
 * The smallest and largest value of hidden cell (@row, @col) in any
 * table that agrees with the shown cells.
 */
void
attack_range (const AttackTable *table,
              guint              row,
              guint              col,
              gint64             cap,
              gint64            *min,
              gint64            *max)
{
  Attack a = { .t = table };
  guint  target = G_MAXUINT;

  for (guint r = 0; r <= table->rows; r++)
    for (guint c = 0; c <= table->cols; c++)
      if (table->hidden[r][c])
        {
          g_assert_cmpuint (a.n, <, G_N_ELEMENTS (a.r));
          if (r == row && c == col)
            target = a.n;
          a.r[a.n] = r;
          a.c[a.n] = c;
          a.lo[a.n] = 1;
          a.hi[a.n] = table->upper[r][c] > 0 ? MIN (table->upper[r][c], cap) : cap;
          a.n++;
        }
  g_assert_cmpuint (target, !=, G_MAXUINT);
  attack_cell (&a, target, cap, min, max);
}
