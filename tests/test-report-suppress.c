/* test-report-suppress.c — disclosure control, attacked
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
 * Each table is suppressed, then attacked by a reader who sees only the
 * shown cells and knows the rules: a hidden count is not zero, nothing
 * exceeds a published enrolment, rows and columns add up. The attacker
 * here is a brute-force search written apart from the flow model that
 * kns-report-suppress.c uses: for each hidden cell it finds the smallest
 * and largest value any table consistent with the shown cells allows.
 * Suppression holds if no hidden cell has a single possible value and no
 * hidden small cell can be shown to be below K.
 */

#include "kns-config.h"

#include <string.h>

#include "kns-report-suppress.h"
#include "report-attack.h"

#define K 5

/* A table with totals, as a reader sees it. Cell (r, c) for r < rows and
 * c < cols is inner; column cols is the row totals; row rows is the
 * column totals; (rows, cols) is the grand total. */
typedef struct
{
  guint    rows;
  guint    cols;
  gint64   value[8][8];
  gint64   upper[8][8]; /* 0: none */
  guint    id[8][8];    /* the cell in the model */
  gboolean hidden[8][8];
  gboolean primary[8][8];
} Table;

/* Builds the circulation: source → row (row total) → column (inner
 * cell) → sink (column total) → source (grand total). */
static KnsSuppression *
suppress_table (Table *t,
                guint  min_cell)
{
  KnsSuppression *s = kns_suppression_new (min_cell);
  guint           source = kns_suppression_add_node (s);
  guint           sink = kns_suppression_add_node (s);
  guint           row_node[8], col_node[8];

  for (guint r = 0; r < t->rows; r++)
    row_node[r] = kns_suppression_add_node (s);
  for (guint c = 0; c < t->cols; c++)
    col_node[c] = kns_suppression_add_node (s);

  t->value[t->rows][t->cols] = 0;
  for (guint r = 0; r < t->rows; r++)
    {
      t->value[r][t->cols] = 0;
      for (guint c = 0; c < t->cols; c++)
        t->value[r][t->cols] += t->value[r][c];
      t->value[t->rows][t->cols] += t->value[r][t->cols];
    }
  for (guint c = 0; c < t->cols; c++)
    {
      t->value[t->rows][c] = 0;
      for (guint r = 0; r < t->rows; r++)
        t->value[t->rows][c] += t->value[r][c];
    }

  for (guint r = 0; r < t->rows; r++)
    for (guint c = 0; c < t->cols; c++)
      t->id[r][c] = kns_suppression_add_cell (s, row_node[r], col_node[c], t->value[r][c],
                                              KNS_SUPPRESSION_COUNT);
  for (guint r = 0; r < t->rows; r++)
    t->id[r][t->cols] = kns_suppression_add_cell (s, source, row_node[r], t->value[r][t->cols],
                                                  KNS_SUPPRESSION_COUNT);
  for (guint c = 0; c < t->cols; c++)
    t->id[t->rows][c] = kns_suppression_add_cell (s, col_node[c], sink, t->value[t->rows][c],
                                                  KNS_SUPPRESSION_COUNT);
  t->id[t->rows][t->cols] = kns_suppression_add_cell (s, sink, source,
                                                      t->value[t->rows][t->cols],
                                                      KNS_SUPPRESSION_COUNT);

  for (guint r = 0; r <= t->rows; r++)
    for (guint c = 0; c <= t->cols; c++)
      if (t->upper[r][c] > 0)
        kns_suppression_set_upper (s, t->id[r][c], t->upper[r][c]);

  kns_suppression_run (s);
  for (guint r = 0; r <= t->rows; r++)
    for (guint c = 0; c <= t->cols; c++)
      {
        t->hidden[r][c] = kns_suppression_is_hidden (s, t->id[r][c]);
        t->primary[r][c] = kns_suppression_is_primary (s, t->id[r][c]);
      }
  return s;
}

/* The table as a reader sees it; with @all_hidden, as if every non-zero
 * cell were hidden: then only the caps say anything. */
static void
to_attack (const Table *t,
           AttackTable *a,
           gboolean     all_hidden)
{
  memset (a, 0, sizeof *a);
  a->rows = t->rows;
  a->cols = t->cols;
  for (guint r = 0; r <= t->rows; r++)
    for (guint c = 0; c <= t->cols; c++)
      {
        a->value[r][c] = t->value[r][c];
        a->hidden[r][c] = all_hidden ? t->value[r][c] > 0 : t->hidden[r][c];
        a->upper[r][c] = t->upper[r][c];
      }
}

static void
public_range (const Table *t,
              guint        row,
              guint        col,
              gint64       cap,
              gint64      *min,
              gint64      *max)
{
  AttackTable a;

  to_attack (t, &a, TRUE);
  attack_range (&a, row, col, cap, min, max);
}

static guint n_exposed;

static guint
attack_table (const Table    *t,
              KnsSuppression *s)
{
  AttackTable a;
  gint64 cap = 10 * (t->value[t->rows][t->cols] + K);
  guint       n = 0;

  to_attack (t, &a, FALSE);
  for (guint r = 0; r <= t->rows; r++)
    for (guint c = 0; c <= t->cols; c++)
      {
        gint64 min, max, model_min, model_max, public_min, public_max;

        if (!t->hidden[r][c])
          continue;
        n++;
        g_assert_cmpint (t->value[r][c], >, 0); /* zeros are shown */
        attack_range (&a, r, c, cap, &min, &max);
        kns_suppression_get_range (s, t->id[r][c], &model_min, &model_max);

        /* Hidden means "not zero"; with an enrolment of 1 that is all
         * there is to know. The model must say so, for the report to
         * stop publishing that enrolment. */
        public_range (t, r, c, cap, &public_min, &public_max);
        if (public_min == public_max)
          {
            g_assert_true (kns_suppression_get_exposed (s, NULL));
            n_exposed++;
            continue;
          }

        /* Nothing recovered exactly… */
        g_assert_cmpint (min, <, max);
        g_assert_cmpint (min, <=, t->value[r][c]);
        g_assert_cmpint (max, >=, t->value[r][c]);
        /* …nor a small group proved smaller than K, unless the enrolments
         * alone already prove it. */
        if (t->primary[r][c] && max < K)
          g_assert_cmpint (max, ==, public_max);

        /* The flow model finds exactly what brute force finds. */
        g_assert_cmpint (model_min, ==, min);
        if (model_max < cap / 2)
          g_assert_cmpint (model_max, ==, max);
        else /* unbounded, but for the attacker's own cap */
          g_assert_cmpint (max, >=, cap / 2);
      }
  return n;
}

static void
fill_table (Table        *t,
            guint         rows,
            guint         cols,
            const gint64 *values)
{
  memset (t, 0, sizeof *t);
  t->rows = rows;
  t->cols = cols;
  for (guint r = 0; r < rows; r++)
    for (guint c = 0; c < cols; c++)
      t->value[r][c] = values[r * cols + c];
}

/* Two small cells in one row can still be recovered by the rule "no row
 * has exactly one hidden cell": 32 − 30 = 2 and neither is zero, so both
 * are 1. The model hides more. */
static void
test_two_ones (void)
{
  static const gint64 values[] = {
    1,
    1,
    30,
    12,
    14,
    16,
  };
  Table t;
  g_autoptr(KnsSuppression) s = NULL;

  fill_table (&t, 2, 3, values);
  s = suppress_table (&t, K);
  g_assert_true (t.hidden[0][0] && t.hidden[0][1]);
  g_assert_true (t.primary[0][0] && t.primary[0][1]);
  g_assert_cmpuint (attack_table (&t, s), >, 2);
  g_assert_false (kns_suppression_get_exposed (s, NULL));
}

/* A single small cell: its row and column each get a complement, and the
 * complements need one more to close the rectangle. */
static void
test_rectangle (void)
{
  static const gint64 values[] = {
    28,
    2,
    0,
    30,
    32,
    0,
    25,
    27,
    0,
  };
  Table t;
  g_autoptr(KnsSuppression) s = NULL;

  fill_table (&t, 3, 3, values);
  s = suppress_table (&t, K);
  g_assert_true (t.primary[0][1]);
  g_assert_true (t.hidden[0][0]); /* smallest non-zero in its row */
  g_assert_true (t.hidden[2][1]); /* smallest non-zero in its column */
  g_assert_true (t.hidden[2][0]); /* closes the rectangle */
  g_assert_false (t.hidden[1][0] || t.hidden[1][1]);
  /* Zeros are never hidden, totals of big rows stay shown. */
  for (guint r = 0; r <= 3; r++)
    g_assert_false (t.hidden[r][2]);
  g_assert_false (t.hidden[0][3] || t.hidden[3][3]);
  g_assert_cmpuint (attack_table (&t, s), ==, 4);
  g_assert_false (kns_suppression_get_exposed (s, NULL));
}

/* A school that does not record sex: one non-zero column equal to the
 * row totals. Hiding a cell hides its total too. */
static void
test_one_column (void)
{
  static const gint64 values[] = {
    0,
    0,
    3,
    0,
    0,
    40,
    0,
    0,
    41,
  };
  Table t;
  g_autoptr(KnsSuppression) s = NULL;

  fill_table (&t, 3, 3, values);
  s = suppress_table (&t, K);
  g_assert_true (t.hidden[0][2] && t.hidden[0][3]);
  g_assert_true (t.hidden[1][2] || t.hidden[2][2]);
  attack_table (&t, s);
  g_assert_false (kns_suppression_get_exposed (s, NULL));
}

/* A grade of three children who all took part: the enrolment caps what
 * can be hidden, and the rule accepts a cap it cannot change. */
static void
test_enrolment_cap (void)
{
  static const gint64 values[] = {
    2,
    1,
    20,
    22,
  };
  Table t;
  g_autoptr(KnsSuppression) s = NULL;

  fill_table (&t, 2, 2, values);
  t.upper[0][2] = 3; /* 3 pupils enrolled in that grade */
  s = suppress_table (&t, K);
  g_assert_true (t.hidden[0][0] && t.hidden[0][1] && t.hidden[0][2]);
  attack_table (&t, s);
  g_assert_false (kns_suppression_get_exposed (s, NULL));
}

/* A grade with one pupil enrolled, who took part: hidden or not, the
 * reader knows it is 1. Only dropping the enrolment helps. */
static void
test_enrolment_exposed (void)
{
  static const gint64 values[] = {
    1,
    0,
    20,
    22,
  };
  Table t;
  g_autoptr(KnsSuppression) s = NULL;
  guint exposed = G_MAXUINT;

  fill_table (&t, 2, 2, values);
  t.upper[0][2] = 1;
  s = suppress_table (&t, K);
  g_assert_true (kns_suppression_get_exposed (s, &exposed));
  g_assert_cmpuint (exposed, ==, t.id[0][0]);
  g_clear_pointer (&s, kns_suppression_free);

  t.upper[0][2] = 0;
  s = suppress_table (&t, K);
  g_assert_false (kns_suppression_get_exposed (s, NULL));
  attack_table (&t, s);
}

static void
test_zeros_and_big (void)
{
  static const gint64 values[] = {
    0,
    0,
    0,
    10,
    0,
    7,
  };
  Table t;
  g_autoptr(KnsSuppression) s = NULL;

  fill_table (&t, 2, 3, values);
  s = suppress_table (&t, K);
  g_assert_cmpuint (attack_table (&t, s), ==, 0);
}

/* K below the floor is raised to it. */
static void
test_floor (void)
{
  static const gint64 values[] = { 2, 9, 9, 9 };
  Table               t;
  g_autoptr(KnsSuppression) s = NULL;

  fill_table (&t, 2, 2, values);
  s = suppress_table (&t, 1);
  g_assert_cmpuint (kns_suppression_get_min_cell (s), ==, KNS_SUPPRESSION_MIN_CELL_FLOOR);
  g_assert_true (t.primary[0][0]);
}

/* Lessons adding up to their tier, tiers to a grand total: parallel
 * cells between two nodes. */
static void
test_groups (void)
{
  static const gint64 lessons[2][4] = { { 12, 3, 9, 0 }, { 30, 8, 1, 6 } };
  g_autoptr(KnsSuppression) s = kns_suppression_new (K);
  guint  source = kns_suppression_add_node (s);
  guint  sink = kns_suppression_add_node (s);
  guint  ids[2][4], tier_ids[2], grand;
  gint64 grand_value = 0;

  for (guint i = 0; i < 2; i++)
    {
      guint  node = kns_suppression_add_node (s);
      gint64 sum = 0;

      for (guint j = 0; j < 4; j++)
        {
          ids[i][j] = kns_suppression_add_cell (s, node, sink, lessons[i][j],
                                                KNS_SUPPRESSION_COUNT);
          sum += lessons[i][j];
        }
      tier_ids[i] = kns_suppression_add_cell (s, source, node, sum, KNS_SUPPRESSION_COUNT);
      grand_value += sum;
    }
  grand = kns_suppression_add_cell (s, sink, source, grand_value, KNS_SUPPRESSION_COUNT);
  kns_suppression_run (s);

  for (guint i = 0; i < 2; i++)
    {
      guint hidden = 0;

      for (guint j = 0; j < 4; j++)
        {
          gint64 min, max;

          if (!kns_suppression_is_hidden (s, ids[i][j]))
            continue;
          hidden++;
          kns_suppression_get_range (s, ids[i][j], &min, &max);
          g_assert_cmpint (min, <, max);
          if (kns_suppression_is_primary (s, ids[i][j]))
            g_assert_cmpint (max, >=, K);
        }
      /* Never exactly one hidden lesson in a tier whose total shows. */
      if (!kns_suppression_is_hidden (s, tier_ids[i]))
        g_assert_cmpuint (hidden, !=, 1);
    }
  /* 3 is hidden with 9 (smallest non-zero beside it); 1 with 6. */
  g_assert_true (kns_suppression_is_hidden (s, ids[0][1]) && kns_suppression_is_hidden (s, ids[0][2]));
  g_assert_true (kns_suppression_is_hidden (s, ids[1][2]) && kns_suppression_is_hidden (s, ids[1][3]));
  g_assert_false (kns_suppression_is_hidden (s, ids[0][3])); /* a zero */
  g_assert_false (kns_suppression_is_hidden (s, grand));
}

/* Amounts (quiz points) hidden on request may be zero; they must not be
 * recoverable from the others either. */
static void
test_amounts (void)
{
  g_autoptr(KnsSuppression) s = kns_suppression_new (K);
  guint  source = kns_suppression_add_node (s);
  guint  sink = kns_suppression_add_node (s);
  guint  a = kns_suppression_add_cell (s, source, sink, 0, KNS_SUPPRESSION_AMOUNT);
  guint  b = kns_suppression_add_cell (s, source, sink, 500, KNS_SUPPRESSION_AMOUNT);
  guint  c = kns_suppression_add_cell (s, source, sink, 420, KNS_SUPPRESSION_AMOUNT);
  guint  total = kns_suppression_add_cell (s, sink, source, 920, KNS_SUPPRESSION_AMOUNT);
  gint64 min, max;

  kns_suppression_hide (s, a);
  kns_suppression_run (s);
  g_assert_true (kns_suppression_is_hidden (s, a));
  g_assert_true (kns_suppression_is_hidden (s, c)); /* the smallest non-zero */
  g_assert_false (kns_suppression_is_hidden (s, b) || kns_suppression_is_hidden (s, total));
  kns_suppression_get_range (s, a, &min, &max);
  g_assert_cmpint (min, ==, 0);
  g_assert_cmpint (max, ==, 420);
}

/* Many random tables, each attacked in full. */
static void
test_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261123);
  guint n_hidden = 0;

  for (guint round = 0; round < 300; round++)
    {
      Table t;
      g_autoptr(KnsSuppression) s = NULL;
      guint rows = (guint) g_rand_int_range (rand, 1, 5);
      guint cols = (guint) g_rand_int_range (rand, 1, 4);

      memset (&t, 0, sizeof t);
      t.rows = rows;
      t.cols = cols;
      for (guint r = 0; r < rows; r++)
        for (guint c = 0; c < cols; c++)
          {
            int kind = g_rand_int_range (rand, 0, 4);

            t.value[r][c] = kind == 0 ? 0 : kind == 1 ? g_rand_int_range (rand, 1, K)
                                                      : g_rand_int_range (rand, 1, 16);
          }
      /* Some grades have an enrolment, at or a little above who came. */
      for (guint r = 0; r < rows; r++)
        if (g_rand_boolean (rand))
          {
            gint64 sum = 0;

            for (guint c = 0; c < cols; c++)
              sum += t.value[r][c];
            t.upper[r][cols] = sum + g_rand_int_range (rand, 0, 4);
          }
      s = suppress_table (&t, K);
      n_hidden += attack_table (&t, s);
    }

  g_test_message ("%u hidden cells attacked, %u given away by an enrolment alone",
                  n_hidden, n_exposed);
  g_assert_cmpuint (n_hidden, >, 300);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kns/report-suppress/two-ones", test_two_ones);
  g_test_add_func ("/kns/report-suppress/rectangle", test_rectangle);
  g_test_add_func ("/kns/report-suppress/one-column", test_one_column);
  g_test_add_func ("/kns/report-suppress/enrolment-cap", test_enrolment_cap);
  g_test_add_func ("/kns/report-suppress/enrolment-exposed", test_enrolment_exposed);
  g_test_add_func ("/kns/report-suppress/zeros-and-big", test_zeros_and_big);
  g_test_add_func ("/kns/report-suppress/floor", test_floor);
  g_test_add_func ("/kns/report-suppress/groups", test_groups);
  g_test_add_func ("/kns/report-suppress/amounts", test_amounts);
  g_test_add_func ("/kns/report-suppress/random", test_random);

  return g_test_run ();
}
