/* kns-report-suppress.c — disclosure control: small cells and their complements
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
 * A table with its row, column and grand totals is a circulation: a
 * source node feeds each row its total, each inner cell carries flow
 * from its row to its column, each column passes its total to a sink,
 * and the grand total runs from the sink back to the source. "A row adds
 * up to its total" is then "flow is conserved at the row's node". Other
 * shapes (lessons adding up to a tier, tiers to a grand total) are
 * circulations too, so one model serves every table of the report.
 *
 * What a reader can deduce about a hidden cell is then exact: every
 * table that agrees with the published figures differs from the true
 * one by a circulation in the residual graph of the hidden cells. The
 * largest value a hidden cell can take is its value plus the maximum
 * flow that can go back from its head to its tail without it; the
 * smallest, likewise the other way. Because the constraint matrix of a
 * network is totally unimodular, these bounds are also the integer ones:
 * no cleverer arithmetic on the published figures does better.
 *
 * The rules (README "Making the school report"):
 * - A count of learners from 1 to K−1 is hidden (primary suppression).
 * - Zero is shown: it says nothing about any child. So a reader knows a
 *   hidden count is at least 1, and the model says so (lower bound 1);
 *   a zero is never chosen as a complement, since hiding it protects
 *   nothing once readers know hidden means "not zero".
 * - Complementary suppression: while some hidden cell could be worked
 *   out exactly, or a hidden small count could be shown to be below K
 *   (unless public caps, such as a grade's enrolment, already keep it
 *   below K whatever is hidden),
 *   one more cell is hidden: the smallest shown non-zero cell beside the
 *   hidden ones whose hiding alone stops the deduction, or else the
 *   smallest in the same row or column, as a step. Each round hides one
 *   more cell, and hiding every non-zero cell always satisfies the
 *   rules (each lies on a cycle of hidden cells), so it ends.
 */

#define G_LOG_DOMAIN "kns-report"

#include "kns-config.h"

#include "kns-report-suppress.h"

typedef enum
{
  CELL_SHOWN,
  CELL_PRIMARY,
  CELL_COMPLEMENT,
} CellState;

typedef struct
{
  guint              from;
  guint              to;
  gint64             value;
  gint64             lower;
  gint64             upper;
  gint64             ceiling; /* the most public caps allow, all else hidden */
  KnsSuppressionKind kind;
  CellState          state;
} Cell;

struct _KnsSuppression
{
  guint    min_cell;
  guint    n_nodes;
  GArray  *cells; /* Cell */
  gboolean ran;
  int      exposed; /* a cell still deducible after run, or -1 */
};

/* One search over the residual graph: capacities that augmenting paths
 * use up, forward and backward, for each hidden cell. */
typedef struct
{
  KnsSuppression *self;
  guint           skip;     /* the cell whose range is asked */
  gint64         *forward;  /* room to grow, per cell */
  gint64         *backward; /* room to shrink, per cell */
  int            *via;      /* per node: the cell reached through, or -1 */
  gboolean       *via_back; /* per node: whether that cell was used backward */
  guint          *queue;
} Residual;

static Cell *
get_cell (KnsSuppression *self,
          guint           cell)
{
  return &g_array_index (self->cells, Cell, cell);
}

static gboolean
is_hidden (const Cell *cell)
{
  return cell->state != CELL_SHOWN;
}

static void
residual_init (Residual       *residual,
               KnsSuppression *self,
               guint           skip)
{
  guint n_cells = self->cells->len;

  residual->self = self;
  residual->skip = skip;
  residual->forward = g_new0 (gint64, n_cells);
  residual->backward = g_new0 (gint64, n_cells);
  residual->via = g_new (int, self->n_nodes);
  residual->via_back = g_new0 (gboolean, self->n_nodes);
  residual->queue = g_new (guint, self->n_nodes);

  /* Shown cells are fixed: they offer no room either way. */
  for (guint i = 0; i < n_cells; i++)
    {
      const Cell *cell = get_cell (self, i);

      if (i == skip || !is_hidden (cell))
        continue;
      residual->forward[i] = cell->upper - cell->value;
      residual->backward[i] = cell->value - cell->lower;
    }
}

static void
residual_clear (Residual *residual)
{
  g_free (residual->forward);
  g_free (residual->backward);
  g_free (residual->via);
  g_free (residual->via_back);
  g_free (residual->queue);
}

/* Breadth-first search for a path of spare capacity from @source to
 * @sink; fills via[] and returns whether one was found. */
static gboolean
find_path (Residual *residual,
           guint     source,
           guint     sink)
{
  KnsSuppression *self = residual->self;
  guint           head = 0, tail = 0;

  for (guint n = 0; n < self->n_nodes; n++)
    residual->via[n] = -1;
  residual->via[source] = G_MAXINT;
  residual->queue[tail++] = source;

  while (head < tail && residual->via[sink] == -1)
    {
      guint node = residual->queue[head++];

      for (guint i = 0; i < self->cells->len; i++)
        {
          const Cell *cell = get_cell (self, i);
          guint       next;
          gboolean    back;

          if (cell->from == node && residual->forward[i] > 0)
            next = cell->to, back = FALSE;
          else if (cell->to == node && residual->backward[i] > 0)
            next = cell->from, back = TRUE;
          else
            continue;

          if (residual->via[next] != -1)
            continue;
          residual->via[next] = (int) i;
          residual->via_back[next] = back;
          residual->queue[tail++] = next;
        }
    }

  return residual->via[sink] != -1;
}

/* Pushes as much as the path found allows, at most @limit. */
static gint64
augment (Residual *residual,
         guint     source,
         guint     sink,
         gint64    limit)
{
  KnsSuppression *self = residual->self;
  gint64          amount = limit;

  for (guint node = sink; node != source;)
    {
      guint       i = (guint) residual->via[node];
      const Cell *cell = get_cell (self, i);

      amount = MIN (amount, residual->via_back[node] ? residual->backward[i]
                                                     : residual->forward[i]);
      node = residual->via_back[node] ? cell->to : cell->from;
    }

  for (guint node = sink; node != source;)
    {
      guint       i = (guint) residual->via[node];
      const Cell *cell = get_cell (self, i);

      if (residual->via_back[node])
        {
          residual->backward[i] -= amount;
          residual->forward[i] = MIN (residual->forward[i] + amount, KNS_SUPPRESSION_UNBOUNDED);
          node = cell->to;
        }
      else
        {
          residual->forward[i] -= amount;
          residual->backward[i] += amount;
          node = cell->from;
        }
    }
  return amount;
}

/* The flow that can go from @source to @sink through hidden cells other
 * than @skip, up to @limit: Edmonds–Karp, on graphs of a few dozen
 * nodes. */
static gint64
max_flow (KnsSuppression *self,
          guint           skip,
          guint           source,
          guint           sink,
          gint64          limit)
{
  Residual residual;
  gint64   total = 0;

  if (limit <= 0 || source == sink)
    return source == sink ? limit : 0;

  residual_init (&residual, self, skip);
  while (total < limit && find_path (&residual, source, sink))
    total += augment (&residual, source, sink, limit - total);
  residual_clear (&residual);
  return MIN (total, limit);
}

static void
compute_range (KnsSuppression *self,
               guint           i,
               gint64         *min,
               gint64         *max)
{
  const Cell *cell = get_cell (self, i);

  if (!is_hidden (cell))
    {
      *min = *max = cell->value;
      return;
    }

  /* Growing the cell means sending the extra back from its head to its
   * tail through the other hidden cells; shrinking, the other way. */
  *max = cell->value + max_flow (self, i, cell->to, cell->from, cell->upper - cell->value);
  *min = cell->value - max_flow (self, i, cell->from, cell->to, cell->value - cell->lower);
}

static gboolean
is_disclosed (KnsSuppression *self,
              guint           i)
{
  const Cell *cell = get_cell (self, i);
  gint64      min, max;

  if (!is_hidden (cell))
    return FALSE;

  compute_range (self, i, &min, &max);
  if (min == max)
    return TRUE;

  /* A small group must not be provably small either, unless what is
   * public (an enrolment) already caps it below K. */
  return cell->kind == KNS_SUPPRESSION_COUNT && cell->state == CELL_PRIMARY &&
         max < MIN ((gint64) self->min_cell, cell->ceiling);
}

static gboolean
is_candidate (const Cell *cell)
{
  return !is_hidden (cell) && cell->value > 0;
}

static gboolean
touches (const Cell *cell,
         guint       node)
{
  return cell->from == node || cell->to == node;
}

static gboolean
is_beside (const Cell *cell,
           const Cell *other)
{
  return touches (cell, other->from) || touches (cell, other->to);
}

/* Shown non-zero cells beside any hidden cell, smallest first. */
static GArray *
list_candidates (KnsSuppression *self)
{
  GArray *candidates = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint j = 0; j < self->cells->len; j++)
    {
      const Cell *cell = get_cell (self, j);

      if (!is_candidate (cell))
        continue;
      for (guint k = 0; k < self->cells->len; k++)
        if (is_hidden (get_cell (self, k)) && is_beside (cell, get_cell (self, k)))
          {
            g_array_append_val (candidates, j);
            break;
          }
    }
  return candidates;
}

static int
compare_by_value (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  KnsSuppression *self = user_data;
  guint           i = *(const guint *) a, j = *(const guint *) b;
  gint64          vi = get_cell (self, i)->value, vj = get_cell (self, j)->value;

  if (vi != vj)
    return vi < vj ? -1 : 1;
  return i < j ? -1 : i > j;
}

/* The smallest shown non-zero cell that, hidden, stops @target from
 * being deduced; if no single cell does, the smallest in @target's own
 * row or column, as a step towards a pattern that does; failing that,
 * the smallest anywhere. Returns -1 when none is left. */
static int
choose_complement (KnsSuppression *self,
                   guint           target)
{
  g_autoptr(GArray) candidates = list_candidates (self);
  int best_near = -1, best = -1;

  g_array_sort_with_data (candidates, compare_by_value, self);
  for (guint k = 0; k < candidates->len; k++)
    {
      guint    j = g_array_index (candidates, guint, k);
      Cell    *cell = get_cell (self, j);
      gboolean helps;

      cell->state = CELL_COMPLEMENT;
      helps = !is_disclosed (self, target);
      cell->state = CELL_SHOWN;
      if (helps)
        return (int) j;
      if (best_near < 0 && is_beside (cell, get_cell (self, target)))
        best_near = (int) j;
    }
  if (best_near >= 0)
    return best_near;

  for (guint j = 0; j < self->cells->len; j++)
    if (is_candidate (get_cell (self, j)) &&
        (best < 0 || get_cell (self, j)->value < get_cell (self, best)->value))
      best = (int) j;
  return best;
}

/* For each small count, the largest value it could have if every other
 * non-zero cell were hidden: only public caps bound it then. */
static void
compute_ceilings (KnsSuppression *self)
{
  guint                 n = self->cells->len;
  g_autofree CellState *saved = g_new (CellState, n);

  for (guint i = 0; i < n; i++)
    {
      Cell *cell = get_cell (self, i);

      saved[i] = cell->state;
      if (cell->value > 0)
        cell->state = CELL_COMPLEMENT;
    }
  for (guint i = 0; i < n; i++)
    {
      Cell  *cell = get_cell (self, i);
      gint64 min;

      cell->ceiling = KNS_SUPPRESSION_UNBOUNDED;
      if (saved[i] == CELL_PRIMARY && cell->kind == KNS_SUPPRESSION_COUNT)
        compute_range (self, i, &min, &cell->ceiling);
    }
  for (guint i = 0; i < n; i++)
    get_cell (self, i)->state = saved[i];
}

/**
 * kns_suppression_new:
 * @min_cell: K, the smallest number of learners a cell may show; raised
 *   to KNS_SUPPRESSION_MIN_CELL_FLOOR if lower
 *
 * Returns: (transfer full): an empty model: add nodes, then cells
 */
KnsSuppression *
kns_suppression_new (guint min_cell)
{
  KnsSuppression *self = g_new0 (KnsSuppression, 1);

  self->min_cell = MAX (min_cell, KNS_SUPPRESSION_MIN_CELL_FLOOR);
  self->cells = g_array_new (FALSE, TRUE, sizeof (Cell));
  return self;
}

void
kns_suppression_free (KnsSuppression *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->cells);
  g_free (self);
}

guint
kns_suppression_get_min_cell (KnsSuppression *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->min_cell;
}

/* Returns: the new node's number */
guint
kns_suppression_add_node (KnsSuppression *self)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (!self->ran, 0);

  return self->n_nodes++;
}

/**
 * kns_suppression_add_cell:
 * @from: the node the cell's value leaves (its row, or the source for
 *   a row total)
 * @to: the node it reaches (its column, or the row for a row total)
 * @value: the true value, at least 0
 *
 * Returns: the cell's number
 */
guint
kns_suppression_add_cell (KnsSuppression    *self,
                          guint              from,
                          guint              to,
                          gint64             value,
                          KnsSuppressionKind kind)
{
  Cell cell = { 0 };

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (!self->ran, 0);
  g_return_val_if_fail (from < self->n_nodes && to < self->n_nodes && from != to, 0);
  g_return_val_if_fail (value >= 0 && value < KNS_SUPPRESSION_UNBOUNDED, 0);

  cell.from = from;
  cell.to = to;
  cell.value = value;
  /* Zero counts are shown, so readers know a hidden count is not zero. */
  cell.lower = kind == KNS_SUPPRESSION_COUNT ? MIN (value, 1) : 0;
  cell.upper = KNS_SUPPRESSION_UNBOUNDED;
  cell.kind = kind;
  cell.state = kind == KNS_SUPPRESSION_COUNT && value > 0 && value < self->min_cell
                 ? CELL_PRIMARY
                 : CELL_SHOWN;
  g_array_append_val (self->cells, cell);
  return self->cells->len - 1;
}

/**
 * kns_suppression_set_upper:
 * @upper: what readers know the cell cannot exceed, such as the
 *   enrolment of a grade; ignored if below the true value
 */
void
kns_suppression_set_upper (KnsSuppression *self,
                           guint           cell,
                           gint64          upper)
{
  Cell *c;

  g_return_if_fail (self != NULL && cell < self->cells->len);

  c = get_cell (self, cell);
  if (upper >= c->value)
    c->upper = MIN (upper, KNS_SUPPRESSION_UNBOUNDED);
}

/* Hides a cell for a reason of the caller's, as a primary one: a mean
 * score behind too few learners. */
void
kns_suppression_hide (KnsSuppression *self,
                      guint           cell)
{
  g_return_if_fail (self != NULL && cell < self->cells->len);
  g_return_if_fail (!self->ran);

  get_cell (self, cell)->state = CELL_PRIMARY;
}

/**
 * kns_suppression_run:
 *
 * Adds complementary suppressions until no hidden cell can be worked
 * out from the shown ones.
 *
 * Returns: how many cells are hidden in all
 */
guint
kns_suppression_run (KnsSuppression *self)
{
  guint n_hidden = 0;
  guint i = 0;

  g_return_val_if_fail (self != NULL, 0);

  self->ran = TRUE;
  self->exposed = -1;
  compute_ceilings (self);
  while (i < self->cells->len)
    {
      int complement;

      if (!is_disclosed (self, i))
        {
          i++;
          continue;
        }

      complement = choose_complement (self, i);
      if (complement < 0)
        {
          /* Every non-zero cell is hidden already: only the caps give it
           * away, and the caller must drop them. */
          g_debug ("cell %u stays deducible: no cell left to hide", i);
          if (self->exposed < 0)
            self->exposed = (int) i;
          i++;
          continue;
        }
      get_cell (self, (guint) complement)->state = CELL_COMPLEMENT;
      /* A new hidden cell changes what can be deduced everywhere. */
      i = 0;
    }

  for (guint j = 0; j < self->cells->len; j++)
    n_hidden += is_hidden (get_cell (self, j)) ? 1 : 0;
  return n_hidden;
}

gboolean
kns_suppression_is_hidden (KnsSuppression *self,
                           guint           cell)
{
  g_return_val_if_fail (self != NULL && cell < self->cells->len, TRUE);
  return is_hidden (get_cell (self, cell));
}

/**
 * kns_suppression_get_exposed:
 * @cell: (out) (optional): the first cell still deducible
 *
 * After kns_suppression_run(): whether some hidden cell can still be
 * worked out however many cells are hidden. Only upper caps do that (a
 * grade of one pupil, who took part): the caller must stop publishing
 * the cap and start again.
 */
gboolean
kns_suppression_get_exposed (KnsSuppression *self,
                             guint          *cell)
{
  g_return_val_if_fail (self != NULL && self->ran, FALSE);

  if (cell != NULL && self->exposed >= 0)
    *cell = (guint) self->exposed;
  return self->exposed >= 0;
}

/* Whether the cell is hidden for itself, not as a complement. */
gboolean
kns_suppression_is_primary (KnsSuppression *self,
                            guint           cell)
{
  g_return_val_if_fail (self != NULL && cell < self->cells->len, FALSE);
  return get_cell (self, cell)->state == CELL_PRIMARY;
}

/**
 * kns_suppression_get_range:
 * @min: (out): the smallest value the shown cells allow
 * @max: (out): the largest, or KNS_SUPPRESSION_UNBOUNDED
 *
 * What a reader of the shown cells can deduce about @cell: a shown
 * cell's range is its value.
 */
void
kns_suppression_get_range (KnsSuppression *self,
                           guint           cell,
                           gint64         *min,
                           gint64         *max)
{
  g_return_if_fail (self != NULL && cell < self->cells->len);
  g_return_if_fail (min != NULL && max != NULL);

  compute_range (self, cell, min, max);
}
