/* test-report.c — the school report: figures, suppression, exports
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
 * The fixture school of report-fixture.c, whose figures are worked out
 * by hand there, reported and attacked.
 */

#include "kns-config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "kns-locale.h"
#include "kns-report.h"
#include "kns-report-export.h"
#include "kns-report-private.h"
#include "kns-test-pdf.h"
#include "report-attack.h"
#include "report-fixture.h"

#define K 5

static KnsReport *
default_report (ReportSchool *school,
                KnsCourse    *course,
                guint         min_cell)
{
  g_autoptr(GError) error = NULL;
  KnsReportPeriod period;
  KnsReport      *report;

  kns_report_period_init (&period, kns_school_year_for_time (kns_store_now (school->store)));
  report = kns_report_new_exact (school->store, course, &period, NULL, min_cell, &error);
  g_assert_no_error (error);
  return report;
}

/* A table as "label: a b c | …", hidden cells as "·". */
static char *
table_text (const KnsReportTable *table)
{
  GString *out = g_string_new (NULL);

  for (guint r = 0; r < table->n_rows; r++)
    {
      g_string_append_printf (out, "%s%s:", r > 0 ? " | " : "", table->row_labels[r]);
      for (guint c = 0; c < table->n_columns; c++)
        {
          const KnsReportCell *cell = kns_report_table_get_cell (table, r, c);
          g_autofree char     *text = kns_report_cell_format (cell);

          g_string_append_printf (out, " %s", cell->hidden ? "·" : text);
        }
    }
  return g_string_free (out, FALSE);
}

static void
assert_table (KnsReport  *report,
              const char *id,
              const char *expected)
{
  const KnsReportTable *table = kns_report_get_table (report, id);
  g_autofree char      *text = NULL;

  g_assert_nonnull (table);
  text = table_text (table);
  g_assert_cmpstr (text, ==, expected);
}

/* Exact figures, hand-worked in report-fixture.c; "·" is hidden. */
static void
test_figures (void)
{
  g_autoptr(ReportSchool) school = report_school_new (TRUE);
  g_autoptr(KnsCourse) course = report_course_load ();
  g_autoptr(KnsReport) report = default_report (school, course, K);
  g_autofree char      *period = kns_report_format_period (kns_report_get_period (report));
  const KnsReportTable *heads = kns_report_get_table (report, "participants");

  g_assert_cmpstr (kns_report_get_school_name (report), ==, "Trường Tiểu học Kim Đồng");
  g_assert_cmpstr (kns_report_get_school_location (report), ==, "Phường Ba Đình, Hà Nội");
  g_assert_cmpstr (kns_report_get_subtitle (report), ==, "School year 2026–2027");
  g_assert_cmpstr (period, ==, "01/09/2026 – 31/08/2027");
  g_assert_cmpuint (kns_report_get_n_computers (report), ==, 1);
  g_assert_cmpuint (kns_report_get_min_cell (report), ==, K);
  g_assert_cmpstr (heads->column_labels[0], ==, "Male");
  g_assert_cmpstr (heads->column_labels[3], ==, "Total");

  /* Small groups and what would give them away by subtraction are
   * hidden; every total of a column, and the grade totals of 8 and 17,
   * are shown. */
  assert_table (report, "participants",
                "Grade 1: · · 0 · | Grade 3: · · 0 · | Grade 4: · · 0 8 | Grade 5: · · 0 17 | "
                "Total: 20 15 0 35");
  /* Attendances (lượt) of the whole school year: 2 Sep and 10 Jun too. */
  assert_table (report, "attendances",
                "Grade 1: · · 0 · | Grade 3: · · 0 · | Grade 4: · · 0 9 | Grade 5: · · 0 26 | "
                "Total: 29 16 0 45");
  /* 8 of 49, 17 of 62; grade 1's enrolment (2) would tell that both its
   * pupils took part, so it is blank, and with it the total's. */
  assert_table (report, "coverage",
                "Grade 1: · · · | Grade 3: 42 · · | Grade 4: 49 8 16 | Grade 5: 62 17 27 | "
                "Total: · 35 ·");
  /* Tier 1 read without a quiz: no mean. (2300 + 800) / 36 = 86. */
  assert_table (report, "tiers", "Lớp 1–3: 10 0 — | Lớp 4–5: 28 36 86 | Total: 38 36 86");
  /* 2300 / 25 = 92; 800 / 11 = 72.7. */
  assert_table (report, "lessons",
                "Số 111: 10 0 — | Mật khẩu và khóa màn hình: 17 25 92 | Khi em bị bắt nạt: 11 11 73");
  g_assert_cmpstr (kns_report_get_table (report, "lessons")->row_groups[1], ==, "Lớp 4–5");
  g_assert_cmpuint (kns_report_get_n_hidden (report), ==, 10 + 10 + 7);
}

static void
test_sessions_and_channels (void)
{
  g_autoptr(ReportSchool) school = report_school_new (TRUE);
  g_autoptr(KnsCourse) course = report_course_load ();
  g_autoptr(KnsReport) report = default_report (school, course, K);
  GPtrArray         *sessions = kns_report_get_sessions (report);
  GPtrArray         *channels = kns_report_get_channels (report);
  const char *const *notes = kns_report_get_notes (report);
  KnsReportSession  *first, *second;
  g_autofree char   *groups = NULL;
  g_autofree char   *codes = NULL;

  g_assert_cmpuint (sessions->len, ==, 2);
  first = g_ptr_array_index (sessions, 0);
  g_assert_cmpint (first->started, ==, report_local_time (2026, 10, 5, 8, 0));
  g_assert_cmpuint (first->minutes, ==, 45);
  g_assert_cmpint (first->format, ==, KNS_SESSION_FORMAT_IN_PERSON);
  g_assert_cmpstr (first->class_label, ==, "5A");
  g_assert_cmpstr (first->title, ==, "An toàn khi dùng mạng");
  g_assert_cmpuint (first->n_computers, ==, 1);
  g_assert_false (first->participants.hidden);
  g_assert_cmpint (first->participants.value, ==, 17);
  /* Its two lessons: skill groups 1, 2 | 2, 3; codes 4.1, 4.2 | 2.5, 4.3. */
  groups = kns_report_format_skill_groups (first->skill_groups);
  g_assert_cmpstr (groups, ==, "1, 2, 3");
  codes = g_strjoinv (" ", first->competences);
  g_assert_cmpstr (codes, ==, "2.5 4.1 4.2 4.3");

  /* The whole tier: t2-tin-gia brings 1.2. */
  second = g_ptr_array_index (sessions, 1);
  g_assert_cmpuint (second->minutes, ==, 40);
  g_assert_cmpint (second->format, ==, KNS_SESSION_FORMAT_KIOSK);
  g_assert_cmpint (second->participants.value, ==, 8);
  g_clear_pointer (&codes, g_free);
  codes = g_strjoinv (" ", second->competences);
  g_assert_cmpstr (codes, ==, "1.2 2.5 4.1 4.2 4.3");

  /* 111 (t2-bat-nat, t1-so-111), 113 (t1-so-111); vn-cop only in t3,
   * which nobody took. */
  g_assert_cmpuint (channels->len, ==, 3);
  g_assert_true (((KnsReportChannel *) g_ptr_array_index (channels, 0))->taught);
  g_assert_true (((KnsReportChannel *) g_ptr_array_index (channels, 1))->taught);
  g_assert_false (((KnsReportChannel *) g_ptr_array_index (channels, 2))->taught);
  g_assert_cmpstr (((KnsReportChannel *) g_ptr_array_index (channels, 2))->id, ==, "vn-cop");

  g_assert_nonnull (strstr (notes[0], "Headcounts cover the whole school year"));
  g_assert_nonnull (strstr (notes[1], "fewer than 5 pupils"));
  g_assert_nonnull (strstr (notes[2], "enrolment of a grade is not shown"));
}

/* What the reader sees of a grade table, with the enrolments shown in
 * the coverage table as caps on the grade totals. */
static void
grade_attack_table (KnsReport   *report,
                    const char  *id,
                    gboolean     capped,
                    AttackTable *a)
{
  const KnsReportTable *table = kns_report_get_table (report, id);
  const KnsReportTable *coverage = kns_report_get_table (report, "coverage");

  memset (a, 0, sizeof *a);
  a->rows = table->n_rows - 1;
  a->cols = table->n_columns - 1;
  for (guint r = 0; r <= a->rows; r++)
    for (guint c = 0; c <= a->cols; c++)
      {
        const KnsReportCell *cell = kns_report_table_get_cell (table, r, c);

        a->hidden[r][c] = cell->hidden;
        a->value[r][c] = cell->value;
      }
  for (guint r = 0; capped && r < a->rows; r++)
    {
      const KnsReportCell *enrolled = kns_report_table_get_cell (coverage, r, 0);

      if (!enrolled->hidden && enrolled->kind == KNS_REPORT_CELL_COUNT)
        a->upper[r][a->cols] = enrolled->value;
    }
}

/* Tries to recover every hidden cell of @a, whose true values are
 * @truth; no cell may come out exact, nor a small one below K. */
static guint
attack (const AttackTable *a,
        gint64             truth[ATTACK_MAX + 1][ATTACK_MAX + 1],
        guint              min_cell)
{
  guint n = 0;

  for (guint r = 0; r <= a->rows; r++)
    for (guint c = 0; c <= a->cols; c++)
      {
        gint64 min, max;

        if (!a->hidden[r][c])
          {
            g_assert_cmpint (a->value[r][c], ==, truth[r][c]);
            continue;
          }
        attack_range (a, r, c, 1000, &min, &max);
        g_assert_cmpint (min, <=, truth[r][c]);
        g_assert_cmpint (max, >=, truth[r][c]);
        g_assert_cmpint (min, <, max);
        if (truth[r][c] < min_cell)
          g_assert_cmpint (max, >=, min_cell);
        n++;
      }
  return n;
}

static void
grade_truth (const gint64 inner[][3],
             guint        rows,
             gint64       truth[ATTACK_MAX + 1][ATTACK_MAX + 1])
{
  memset (truth, 0, sizeof (gint64) * (ATTACK_MAX + 1) * (ATTACK_MAX + 1));
  for (guint r = 0; r < rows; r++)
    for (guint c = 0; c < 3; c++)
      {
        truth[r][c] = inner[r][c];
        truth[r][3] += inner[r][c];
        truth[rows][c] += inner[r][c];
        truth[rows][3] += inner[r][c];
      }
}

/* Lessons add up to tiers, tiers to the total: a tiers × lessons table
 * whose cells outside a lesson's tier are structural zeros. */
static void
lesson_attack_table (KnsReport   *report,
                     guint        column,
                     AttackTable *a)
{
  const KnsReportTable *lessons = kns_report_get_table (report, "lessons");
  const KnsReportTable *tiers = kns_report_get_table (report, "tiers");

  memset (a, 0, sizeof *a);
  a->rows = tiers->n_rows - 1;
  a->cols = lessons->n_rows;
  for (guint t = 0; t <= a->rows; t++)
    {
      const KnsReportCell *cell = kns_report_table_get_cell (tiers, t, column);

      a->hidden[t][a->cols] = cell->hidden;
      a->value[t][a->cols] = cell->value;
    }
  for (guint l = 0; l < a->cols; l++)
    {
      const KnsReportCell *cell = kns_report_table_get_cell (lessons, l, column);
      int                  t = kns_report_table_find_row (tiers, lessons->row_groups[l]);

      g_assert_cmpint (t, >=, 0);
      a->hidden[t][l] = a->hidden[a->rows][l] = cell->hidden;
      a->value[t][l] = a->value[a->rows][l] = cell->value;
    }
}

static void
test_attack (gconstpointer data)
{
  guint min_cell = GPOINTER_TO_UINT (data);
  g_autoptr(ReportSchool) school = report_school_new (TRUE);
  g_autoptr(KnsCourse) course = report_course_load ();
  g_autoptr(KnsReport) report = default_report (school, course, min_cell);
  static const gint64 heads[][3] = { { 1, 1, 0 }, { 5, 3, 0 }, { 6, 2, 0 }, { 8, 9, 0 } };
  /* The whole year: the grade-4 boy of 10 June, the grade-5 girl of 2 September. */
  static const gint64 visits[][3] = { { 1, 1, 0 }, { 5, 3, 0 }, { 7, 2, 0 }, { 16, 10, 0 } };
  /* Per tier (1, 2), per lesson (so-111, mat-khau, bat-nat). */
  static const gint64 lessons[2][3] = { { 10, 17, 11 }, { 0, 25, 11 } };
  gint64              truth[ATTACK_MAX + 1][ATTACK_MAX + 1];
  AttackTable         a;
  guint               n = 0;

  grade_attack_table (report, "participants", TRUE, &a);
  grade_truth (heads, 4, truth);
  n += attack (&a, truth, min_cell);

  grade_attack_table (report, "attendances", FALSE, &a);
  grade_truth (visits, 4, truth);
  n += attack (&a, truth, min_cell);

  for (guint what = 0; what < 2; what++)
    {
      lesson_attack_table (report, what, &a);
      memset (truth, 0, sizeof truth);
      truth[0][0] = truth[2][0] = truth[0][3] = lessons[what][0];
      truth[1][1] = truth[2][1] = lessons[what][1];
      truth[1][2] = truth[2][2] = lessons[what][2];
      truth[1][3] = lessons[what][1] + lessons[what][2];
      truth[2][3] = truth[0][3] + truth[1][3];
      n += attack (&a, truth, min_cell);
    }

  g_test_message ("K = %u: %u hidden cells attacked", min_cell, n);
  g_assert_cmpuint (n, >, 0);
}

static void
test_school_year (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = kns_report_format_school_year (2026);
  guint            year = 0;

  g_assert_cmpstr (text, ==, "2026–2027");
  g_assert_true (kns_report_parse_school_year ("2026-2027", &year, &error));
  g_assert_cmpuint (year, ==, 2026);
  g_assert_true (kns_report_parse_school_year (" 2027–2028 ", &year, &error));
  g_assert_cmpuint (year, ==, 2027);
  g_assert_true (kns_report_parse_school_year ("2025", &year, &error));
  g_assert_cmpuint (year, ==, 2025);
  g_assert_no_error (error);

  g_assert_false (kns_report_parse_school_year ("2026-2028", &year, &error));
  g_assert_error (error, KNS_REPORT_ERROR, KNS_REPORT_ERROR_PERIOD);
  g_assert_cmpstr (error->message, ==, "“2026-2028” is not a school year; write it as 2026-2027.");
  g_clear_error (&error);
  g_assert_false (kns_report_parse_school_year ("năm nay", &year, &error));
  g_clear_error (&error);
}

/* A report covers the whole school year, 1 September to 31 August, and
 * nothing else: no part of a year can be reported, and so subtracted
 * from another. A visit on 20 August counts; one on 1 September of the
 * next year does not. */
static void
test_whole_year (void)
{
  g_autoptr(ReportSchool) school = report_school_new (TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsReport) before = NULL;
  g_autoptr(KnsReport) after = NULL;
  g_autoptr(KnsLearner) late = NULL;
  g_autoptr(KnsLearner) next = NULL;
  g_autofree char *first = NULL;
  KnsReportPeriod period;
  const KnsReportTable *visits;
  gint64 total_before;

  kns_report_period_init (&period, 2026);
  first = kns_report_format_period (&period);
  g_assert_cmpstr (first, ==, "01/09/2026 – 31/08/2027");

  before = kns_report_new_exact (school->store, NULL, &period, NULL, K, &error);
  g_assert_no_error (error);
  visits = kns_report_get_table (before, "attendances");
  total_before = kns_report_table_get_cell (visits, visits->n_rows - 1, 3)->value;

  school->now = report_local_time (2027, 8, 20, 9, 0);
  late = kns_store_add_learner (school->store, "Cú 8", "5A", 5, NULL, KNS_SEX_UNSTATED, &error);
  g_assert_true (kns_store_sign_in (school->store, late->id, &error));
  school->now = report_local_time (2027, 9, 1, 9, 0);
  next = kns_store_add_learner (school->store, "Cú 9", "5A", 5, NULL, KNS_SEX_UNSTATED, &error);
  g_assert_true (kns_store_sign_in (school->store, next->id, &error));
  g_assert_no_error (error);

  after = kns_report_new_exact (school->store, NULL, &period, NULL, K, &error);
  g_assert_no_error (error);
  visits = kns_report_get_table (after, "attendances");
  g_assert_cmpint (kns_report_table_get_cell (visits, visits->n_rows - 1, 3)->value, ==,
                   total_before + 1);
}

/* Session 1 alone: its own headcount, attendances and lessons. The three
 * girls of t2-bat-nat are too few, and the tier total would give them
 * away from t2-mat-khau's 17: both lessons are hidden. */
static void
test_chosen_sessions (void)
{
  g_autoptr(ReportSchool) school = report_school_new (TRUE);
  g_autoptr(KnsCourse) course = report_course_load ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsReport) report = NULL;
  const char       *chosen[] = { school->session_1, NULL };
  KnsReportSession *session;
  KnsReportPeriod   period;

  kns_report_period_init (&period, 2026);
  report = kns_report_new_exact (school->store, course, &period, chosen, K, &error);
  g_assert_no_error (error);
  g_assert_true (kns_report_get_sessions_chosen (report));

  g_assert_cmpuint (kns_report_get_sessions (report)->len, ==, 1);
  session = g_ptr_array_index (kns_report_get_sessions (report), 0);
  g_assert_cmpint (session->participants.value, ==, 17);
  /* Grades with an enrolment are listed all the same, for coverage. */
  assert_table (report, "participants",
                "Grade 1: 0 0 0 0 | Grade 3: 0 0 0 0 | Grade 4: 0 0 0 0 | Grade 5: 8 9 0 17 | "
                "Total: 8 9 0 17");
  assert_table (report, "attendances",
                "Grade 1: 0 0 0 0 | Grade 3: 0 0 0 0 | Grade 4: 0 0 0 0 | Grade 5: 8 9 0 17 | "
                "Total: 8 9 0 17");
  assert_table (report, "lessons", "Mật khẩu và khóa màn hình: · · · | Khi em bị bắt nạt: · · ·");
  /* (1200 + 450) / 20 */
  assert_table (report, "tiers", "Lớp 4–5: 20 20 83 | Total: 20 20 83");
  g_assert_nonnull (strstr (kns_report_get_notes (report)[0], "Only the chosen sessions"));
}

/* A computer nobody used yet: a report of zeros, not an error. */
static void
test_empty (void)
{
  g_autoptr(ReportSchool) school = report_school_new (FALSE);
  g_autoptr(KnsReport) report = default_report (school, NULL, K);

  assert_table (report, "participants", "Total: 0 0 0 0");
  assert_table (report, "coverage", "Total: — 0 —");
  assert_table (report, "tiers", "Total: 0 0 —");
  assert_table (report, "lessons", "");
  g_assert_cmpuint (kns_report_get_sessions (report)->len, ==, 0);
  g_assert_cmpstr (kns_report_get_school_name (report), ==, "");
  g_assert_cmpuint (kns_report_get_n_hidden (report), ==, 0);
}

/* No learner's nickname anywhere in the model; the teacher's session
 * notes (which name one) are not in it either. */
static void
test_no_nicknames_in_model (void)
{
  g_autoptr(ReportSchool) school = report_school_new (TRUE);
  g_autoptr(KnsCourse) course = report_course_load ();
  g_autoptr(KnsReport) report = default_report (school, course, K);
  GString         *all = g_string_new (NULL);
  GPtrArray       *tables = kns_report_get_tables (report);
  g_autofree char *text = NULL;

  for (guint i = 0; i < tables->len; i++)
    {
      const KnsReportTable *table = g_ptr_array_index (tables, i);
      g_autofree char      *cells = table_text (table);
      g_autofree char      *columns = g_strjoinv ("|", table->column_labels);

      g_string_append_printf (all, "%s\n%s\n%s\n", table->title, cells, columns);
    }
  for (guint i = 0; i < kns_report_get_sessions (report)->len; i++)
    {
      KnsReportSession *session = g_ptr_array_index (kns_report_get_sessions (report), i);

      g_string_append_printf (all, "%s %s\n", session->title, session->class_label);
    }
  for (const char *const *note = kns_report_get_notes (report); *note; note++)
    g_string_append_printf (all, "%s\n", *note);
  text = g_string_free (all, FALSE);

  g_assert_cmpuint (school->nicknames->len, ==, 35);
  for (guint i = 0; i < school->nicknames->len; i++)
    g_assert_null (strstr (text, g_ptr_array_index (school->nicknames, i)));
  g_assert_null (strstr (text, "Mèo"));
}

/* strstr () for binary data. */
static gboolean
contains_bytes (const char *data,
                gsize       length,
                const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static char *
log_dir (void)
{
  const char *dir = g_getenv ("KNS_SCREENSHOT_DIR");

  return dir != NULL ? g_strdup (dir) : g_dir_make_tmp ("kns-report-pdf-XXXXXX", NULL);
}

/* What a Vietnamese school reads; in a subprocess, so the rest stays in
 * English. */
static void
test_vietnamese (void)
{
  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  kns_locale_use ("vi");
  bindtextdomain (GETTEXT_PACKAGE, PO_BUILDDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  {
    g_autoptr(ReportSchool) school = report_school_new (TRUE);
    g_autoptr(KnsCourse) course = report_course_load ();
    g_autoptr(KnsReport) report = default_report (school, course, K);
    const KnsReportTable *heads = kns_report_get_table (report, "participants");
    g_autoptr(GBytes) csv = NULL;
    g_autoptr(GBytes) pdf = NULL;
    g_autoptr(GError) error = NULL;
    g_autofree char *text = NULL;
    g_autofree char *pdf_text = NULL;
    g_autofree char *dir = NULL;
    g_autofree char *copy = NULL;

    g_assert_cmpstr (kns_report_get_subtitle (report), ==, "Năm học 2026–2027");
    g_assert_cmpstr (heads->row_heading, ==, "Khối");
    g_assert_cmpstr (heads->row_labels[3], ==, "Khối 5");
    g_assert_cmpstr (heads->column_labels[0], ==, "Nam");
    g_assert_cmpstr (heads->column_labels[1], ==, "Nữ");
    g_assert_cmpstr (heads->column_labels[3], ==, "Tổng");
    g_assert_cmpstr (kns_report_format_name (KNS_SESSION_FORMAT_IN_PERSON), ==, "Trực tiếp");

    /* The CSV's headers, as a spreadsheet shows them. */
    csv = kns_report_to_csv (report);
    text = g_strndup (g_bytes_get_data (csv, NULL), g_bytes_get_size (csv));
    g_assert_nonnull (strstr (text, "\r\nSố học sinh tham gia\r\nKhối,Nam,Nữ,Không ghi,Tổng,*\r\n"));
    g_assert_nonnull (strstr (text, "\r\nKhối 4,,,0,8,*\r\n"));
    g_assert_nonnull (strstr (text, "\r\nNăm học,2026–2027\r\n"));

    /* The printable report as a school prints it, beside the English
     * one in the test log folder. */
    pdf = kns_report_to_pdf (report, &error);
    g_assert_no_error (error);
    if ((pdf_text = kns_test_pdf_text (pdf, NULL)) != NULL)
      {
        g_assert_true (kns_test_pdf_has (pdf_text, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"));
        g_assert_true (kns_test_pdf_has (pdf_text, "HIỆU TRƯỞNG\n"));
        g_assert_true (kns_test_pdf_has (pdf_text, "……………, ngày …… tháng …… năm 20……\n"));
      }
    dir = log_dir ();
    copy = g_build_filename (dir, "report-vi.pdf", NULL);
    g_mkdir_with_parents (dir, 0755);
    g_assert_true (g_file_set_contents (copy, g_bytes_get_data (pdf, NULL),
                                        (gssize) g_bytes_get_size (pdf), &error));
    g_free (copy);
    copy = g_build_filename (dir, "report-vi.csv", NULL);
    g_assert_true (g_file_set_contents (copy, g_bytes_get_data (csv, NULL),
                                        (gssize) g_bytes_get_size (csv), &error));
  }
}

/* RFC 4180, strictly: every line ends in CRLF; quoted fields may hold
 * commas, quotes (doubled) and line breaks. Returns rows of fields. */
static GPtrArray *
parse_csv (const char *text,
           gsize       length)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  GString    *field = g_string_new (NULL);
  const char *p = text, *end = text + length;

  while (p < end)
    {
      if (*p == '"' && field->len == 0)
        {
          for (p++; p < end; p++)
            {
              if (*p == '"' && p + 1 < end && p[1] == '"')
                g_string_append_c (field, *p++);
              else if (*p == '"')
                break;
              else
                g_string_append_c (field, *p);
            }
          g_assert_true (p < end && *p == '"');
          p++;
          g_assert_true (p < end && (*p == ',' || *p == '\r'));
          continue;
        }
      if (*p == ',')
        {
          g_ptr_array_add (fields, g_string_free (field, FALSE));
          field = g_string_new (NULL);
          p++;
          continue;
        }
      if (*p == '\r')
        {
          g_assert_true (p + 1 < end && p[1] == '\n');
          g_ptr_array_add (fields, g_string_free (field, FALSE));
          field = g_string_new (NULL);
          g_ptr_array_add (fields, NULL);
          g_ptr_array_add (rows, g_ptr_array_steal (fields, NULL));
          fields = g_ptr_array_new_with_free_func (g_free);
          p += 2;
          continue;
        }
      g_assert_cmpint (*p, !=, '\n'); /* no bare LF */
      g_assert_cmpint (*p, !=, '"');  /* no quote inside an unquoted field */
      g_string_append_c (field, *p++);
    }
  g_assert_cmpuint (field->len, ==, 0);
  g_assert_cmpuint (fields->len, ==, 0);
  g_string_free (field, TRUE);
  return rows;
}

/* The rows of the section titled @title, header first, up to the next
 * empty line. */
static GPtrArray *
csv_section (GPtrArray  *rows,
             const char *title)
{
  GPtrArray *section = g_ptr_array_new ();

  for (guint i = 0; i + 1 < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);

      if (g_strv_length (row) != 1 || g_strcmp0 (row[0], title) != 0)
        continue;
      for (guint j = i + 1; j < rows->len; j++)
        {
          char **line = g_ptr_array_index (rows, j);

          if (g_strv_length (line) == 1 && *line[0] == '\0')
            break;
          g_ptr_array_add (section, line);
        }
      return section;
    }
  g_assert_not_reached ();
}

static char *
csv_row_text (char **row)
{
  return g_strjoinv (",", row);
}

/* Parsed back, the CSV holds exactly the model's figures, in the
 * documented columns, with numbers as bare integers. */
static void
test_csv (void)
{
  g_autoptr(ReportSchool) school = report_school_new (TRUE);
  g_autoptr(KnsCourse) course = report_course_load ();
  g_autoptr(KnsReport) report = default_report (school, course, K);
  g_autoptr(GBytes) bytes = kns_report_to_csv (report);
  gsize       length = 0;
  const char *text = g_bytes_get_data (bytes, &length);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) section = NULL;
  GPtrArray *tables = kns_report_get_tables (report);

  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF"));
  g_assert_true (g_utf8_validate (text, (gssize) length, NULL));
  rows = parse_csv (text + 3, length - 3);

  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 0))[0], ==,
                   "Report on teaching pupils to stay safe online");
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 1))[1], ==, "Trường Tiểu học Kim Đồng");
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 5))[0], ==, "Computers");
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 5))[1], ==, "1");

  for (guint i = 0; i < tables->len; i++)
    {
      const KnsReportTable *table = g_ptr_array_index (tables, i);
      g_autoptr(GPtrArray) part = csv_section (rows, table->title);
      char **header = g_ptr_array_index (part, 0);
      guint  offset = table->group_heading != NULL ? 2 : 1;

      g_assert_cmpuint (part->len, ==, table->n_rows + 1);
      g_assert_cmpstr (header[0], ==, table->row_heading);
      g_assert_cmpuint (g_strv_length (header), ==, offset + table->n_columns + 1);
      for (guint c = 0; c < table->n_columns; c++)
        g_assert_cmpstr (header[offset + c], ==, table->column_labels[c]);

      for (guint r = 0; r < table->n_rows; r++)
        {
          char   **row = g_ptr_array_index (part, r + 1);
          gboolean any_hidden = FALSE;

          g_assert_cmpuint (g_strv_length (row), ==, g_strv_length (header));
          g_assert_cmpstr (row[0], ==, table->row_labels[r]);
          for (guint c = 0; c < table->n_columns; c++)
            {
              const KnsReportCell *cell = kns_report_table_get_cell (table, r, c);
              const char          *field = row[offset + c];

              any_hidden |= cell->hidden;
              if (cell->hidden || cell->kind == KNS_REPORT_CELL_NONE)
                g_assert_cmpstr (field, ==, "");
              else
                {
                  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, cell->value);

                  g_assert_cmpstr (field, ==, number);
                }
            }
          g_assert_cmpstr (row[offset + table->n_columns], ==, any_hidden ? "*" : "");
        }
    }

  /* Spot checks, as a spreadsheet user reads them. */
  section = csv_section (rows, "Pupils who took part (headcount)");
  {
    g_autofree char *header = csv_row_text (g_ptr_array_index (section, 0));
    g_autofree char *grade_4 = csv_row_text (g_ptr_array_index (section, 3));
    g_autofree char *total = csv_row_text (g_ptr_array_index (section, 5));

    g_assert_cmpstr (header, ==, "Grade,Male,Female,Not recorded,Total,*");
    g_assert_cmpstr (grade_4, ==, "Grade 4,,,0,8,*");
    g_assert_cmpstr (total, ==, "Total,20,15,0,35,");
  }
  g_assert_nonnull (strstr (text, "\r\nGrade 5,,,0,17,*\r\n"));
  g_clear_pointer (&section, g_ptr_array_unref);

  section = csv_section (rows, "Sessions");
  {
    g_autofree char *header = csv_row_text (g_ptr_array_index (section, 0));
    g_autofree char *first = csv_row_text (g_ptr_array_index (section, 1));

    g_assert_cmpstr (header, ==, "Date,Minutes,Format,Class,Grade,Title,Skill groups,"
                                 "Competence codes,Computers,Pupils,*");
    g_assert_cmpstr (first, ==, "05/10/2026,45,In person,5A,5,An toàn khi dùng mạng,1, 2, 3,"
                                "2.5 4.1 4.2 4.3,1,17,");
    /* "1, 2, 3" is one field, quoted. */
    g_assert_nonnull (strstr (text, ",\"1, 2, 3\","));
  }
  g_clear_pointer (&section, g_ptr_array_unref);

  section = csv_section (rows, "Reporting channels taught");
  {
    g_autofree char *vncop = csv_row_text (g_ptr_array_index (section, 3));

    g_assert_cmpstr (vncop, ==, "vn-cop.vn (reporting online abuse),No");
  }
}

/* Quotes, commas and formula-like text in what a teacher typed; a line
 * break becomes a space, so each field is one line in any program. */
static void
test_csv_quoting (void)
{
  g_autoptr(ReportSchool) school = report_school_new (FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsReport) report = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gsize       length;
  const char *text;

  g_assert_true (kns_store_set_setting (school->store, KNS_STORE_SETTING_SCHOOL_NAME,
                                        "=Trường \"Hoa Sen\", cơ sở 2", &error));
  g_assert_true (kns_store_set_setting (school->store, KNS_STORE_SETTING_SCHOOL_LOCATION,
                                        "Xã Tân Phú,\nĐồng Nai", &error));
  report = default_report (school, NULL, K);
  bytes = kns_report_to_csv (report);
  text = g_bytes_get_data (bytes, &length);
  rows = parse_csv (text + 3, length - 3);

  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 1))[1], ==, "'=Trường \"Hoa Sen\", cơ sở 2");
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 2))[1], ==, "Xã Tân Phú, Đồng Nai");
}

/* A4 pages in a PDF, with the report's text on them; a copy goes to the
 * test log folder (meson-logs/screenshots/report.pdf) to look at. */
static void
test_pdf (void)
{
  g_autoptr(ReportSchool) school = report_school_new (TRUE);
  g_autoptr(KnsCourse) course = report_course_load ();
  g_autoptr(KnsReport) report = default_report (school, course, K);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = kns_report_to_pdf (report, &error);
  g_autofree char *text = NULL;
  g_autofree char *dir = log_dir ();
  g_autofree char *copy = g_build_filename (dir, "report.pdf", NULL);
  const char *data;
  gsize length;
  guint n_pages = 0;

  g_assert_no_error (error);
  data = g_bytes_get_data (pdf, &length);
  g_assert_true (length > 1000 && memcmp (data, "%PDF-1.5", 8) == 0);
  /* A4 is 595.28 × 841.89 points. */
  g_assert_true (contains_bytes (data, length, "/MediaBox [ 0 0 595.275591 841.889764 ]"));

  if ((text = kns_test_pdf_text (pdf, &n_pages)) == NULL)
    return;
  g_assert_cmpuint (n_pages, >=, 2);
  g_assert_true (kns_test_pdf_has (text, "TRƯỜNG TIỂU HỌC KIM ĐỒNG\n"));
  g_assert_true (kns_test_pdf_has (text, "Results of teaching pupils to stay safe online\n"));
  g_assert_true (kns_test_pdf_has (text, "Pupils who took part, by grade\n"));
  g_assert_true (kns_test_pdf_has (text, "PRINCIPAL\n"));
  g_assert_true (kns_test_pdf_has (text, "……………, day …… month …… year 20……\n"));

  g_mkdir_with_parents (dir, 0755);
  g_assert_true (g_file_set_contents (copy, data, (gssize) length, &error));
  g_test_message ("%u pages: %s", n_pages, copy);
}

/* No nickname in any export, nor the teacher's notes, which name a
 * pupil; the bundle is searched in test-report-bundle. */
static void
test_no_nicknames_in_exports (void)
{
  g_autoptr(ReportSchool) school = report_school_new (TRUE);
  g_autoptr(KnsCourse) course = report_course_load ();
  g_autoptr(KnsReport) report = default_report (school, course, K);
  g_autoptr(GBytes) csv = kns_report_to_csv (report);
  g_autofree char *csv_text = g_strndup (g_bytes_get_data (csv, NULL), g_bytes_get_size (csv));
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = kns_report_to_pdf (report, &error);
  g_autofree char *pdf_text = kns_test_pdf_text (pdf, NULL);
  const char *texts[] = { csv_text, pdf_text };

  for (guint t = 0; t < G_N_ELEMENTS (texts) && texts[t] != NULL; t++)
    {
      for (guint i = 0; i < school->nicknames->len; i++)
        g_assert_null (strstr (texts[t], g_ptr_array_index (school->nicknames, i)));
      g_assert_null (strstr (texts[t], "Mèo"));
      g_assert_null (strstr (texts[t], "hăng hái"));
    }
}

int
main (int   argc,
      char *argv[])
{
  /* Việt Nam's time, with no tzdata needed, as in test-store. */
  g_setenv ("TZ", "ICT-7", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kns/report/figures", test_figures);
  g_test_add_func ("/kns/report/sessions-and-channels", test_sessions_and_channels);
  g_test_add_data_func ("/kns/report/attack/k3", GUINT_TO_POINTER (3), test_attack);
  g_test_add_data_func ("/kns/report/attack/k5", GUINT_TO_POINTER (5), test_attack);
  g_test_add_data_func ("/kns/report/attack/k12", GUINT_TO_POINTER (12), test_attack);
  g_test_add_func ("/kns/report/school-year", test_school_year);
  g_test_add_func ("/kns/report/whole-year", test_whole_year);
  g_test_add_func ("/kns/report/chosen-sessions", test_chosen_sessions);
  g_test_add_func ("/kns/report/empty", test_empty);
  g_test_add_func ("/kns/report/no-nicknames/model", test_no_nicknames_in_model);
  g_test_add_func ("/kns/report/vietnamese", test_vietnamese);
  g_test_add_func ("/kns/report/csv", test_csv);
  g_test_add_func ("/kns/report/csv-quoting", test_csv_quoting);
  g_test_add_func ("/kns/report/pdf", test_pdf);
  g_test_add_func ("/kns/report/no-nicknames/exports", test_no_nicknames_in_exports);

  return g_test_run ();
}
