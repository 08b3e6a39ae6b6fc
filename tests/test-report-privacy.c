/* test-report-privacy.c — two reports compared, bundles found, text injected
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
 * Each report is suppressed on its own (test-report, report-attack.c);
 * these are the attacks of a reader with two of them
 * (report-differencing.c): before and after one pupil's visit, before
 * and after one day, one computer against the merge, an enrolment after
 * the merge. Each is also run on reports that are not rounded, to show
 * that the attack is real: there it recovers what it looks for.
 */

#include "kns-config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "kns-bundle.h"
#include "kns-report-export.h"
#include "kns-report-private.h"
#include "kns-school-key.h"
#include "kns-store-private.h"
#include "kns-test-pdf.h"
#include "report-differencing.h"
#include "report-fixture.h"

#define K    5
#define BASE 5

static KnsReport *
report_now (ReportSchool *school,
            gboolean      rounded)
{
  g_autoptr(GError) error = NULL;
  KnsReportPeriod period;
  KnsReport *report;

  kns_report_period_init (&period, 2026);
  report = rounded ? kns_report_new (school->store, NULL, &period, NULL, K, &error)
                   : kns_report_new_exact (school->store, NULL, &period, NULL, K, &error);
  g_assert_no_error (error);
  return report;
}

/* The cells a reader pins to an exact non-zero change, as "table r,c".
 * @base is what the reports say they round to: 1 for reports that do
 * not round, whose every shown figure is exact. */
static guint
exact_changes (KnsReport   *before,
               KnsReport   *after,
               const char  *id,
               gint64       base,
               GString     *found)
{
  RangeTable t;
  guint n = 0;

  differencing_table (kns_report_get_table (before, id), kns_report_get_table (after, id), base,
                      &t);
  differencing_propagate (&t);
  for (guint r = 0; r < t.rows; r++)
    for (guint c = 0; c < t.cols; c++)
      if (differencing_is_exact (t.cell[r][c]))
        {
          g_string_append_printf (found, " %s %u,%u=%" G_GINT64_FORMAT, id, r, c, t.cell[r][c].min);
          n++;
        }
  return n;
}

/* The scores a pupil's one attempt of @lesson could have had, as a
 * reader who knows there was exactly one attempt works them out from the
 * lesson's attempts and mean score in both reports: multiples of 25 (a
 * quiz of four questions) from 0 to 100. */
static guint
score_candidates (KnsReport  *before,
                  KnsReport  *after,
                  const char *lesson_title,
                  gboolean    rounded)
{
  const KnsReportTable *a = kns_report_get_table (before, "lessons");
  const KnsReportTable *b = kns_report_get_table (after, "lessons");
  int                   ra = kns_report_table_find_row (a, lesson_title);
  int                   rb = kns_report_table_find_row (b, lesson_title);
  Range                 att0, att1;
  double                mean_slack = rounded ? BASE : 0.5;
  guint                 n = 0;

  g_assert_cmpint (ra, >=, 0);
  g_assert_cmpint (rb, >=, 0);
  att0 = differencing_cell_range (kns_report_table_get_cell (a, ra, 1), rounded ? BASE : 1);
  att1 = differencing_cell_range (kns_report_table_get_cell (b, rb, 1), rounded ? BASE : 1);

  for (gint64 s = 0; s <= 100; s += 25)
    {
      gboolean possible = FALSE;

      /* Some number of attempts before (and one more after) and some
       * points before agree with both shown means. */
      for (gint64 n0 = MAX (att0.min, att1.min - 1); n0 <= MIN (att0.max, att1.max - 1) && !possible;
           n0++)
        {
          const KnsReportCell *m0 = kns_report_table_get_cell (a, ra, 2);
          const KnsReportCell *m1 = kns_report_table_get_cell (b, rb, 2);

          if (n0 <= 0 || m0->hidden || m1->hidden)
            {
              possible = TRUE;
              break;
            }
          for (gint64 points = (gint64) ((m0->value - mean_slack) * n0);
               points <= (gint64) ((m0->value + mean_slack) * n0) && !possible; points++)
            {
              double mean0 = (double) points / n0;
              double mean1 = (double) (points + s) / (n0 + 1);

              possible = mean0 > m0->value - mean_slack && mean0 <= m0->value + mean_slack &&
                         mean1 > m1->value - mean_slack && mean1 <= m1->value + mean_slack;
            }
        }
      n += possible;
    }
  return n;
}

/* One pupil, a grade-3 girl (a group of 3, hidden), signs in and takes a
 * quiz between two reports. Without rounding the reader pins that one
 * girl came (the girls' total and the grand total move by exactly 1);
 * with it, no change comes out exact, and her score could be any of
 * several. */
static void
test_one_pupil (void)
{
  g_autoptr(ReportSchool) school = report_school_new (TRUE);
  g_autoptr(KnsReport) before = report_now (school, TRUE);
  g_autoptr(KnsReport) before_exact = report_now (school, FALSE);
  g_autoptr(KnsReport) after = NULL;
  g_autoptr(KnsReport) after_exact = NULL;
  g_autoptr(GString) exact = g_string_new (NULL);
  g_autoptr(GString) rounded = g_string_new (NULL);
  guint exact_scores, rounded_scores;

  report_pupil_visit (school, 3, KNS_SEX_FEMALE, "t2-mat-khau", 2);
  after = report_now (school, TRUE);
  after_exact = report_now (school, FALSE);

  /* The attack works where nothing is rounded… */
  g_assert_cmpuint (exact_changes (before_exact, after_exact, "participants", 1, exact), >, 0);
  exact_scores = score_candidates (before_exact, after_exact, "t2-mat-khau", FALSE);
  g_test_message ("not rounded: exact changes%s; scores possible: %u", exact->str, exact_scores);

  /* …and not on what is published. */
  g_assert_cmpuint (exact_changes (before, after, "participants", BASE, rounded), ==, 0);
  g_assert_cmpuint (exact_changes (before, after, "attendances", BASE, rounded), ==, 0);
  rounded_scores = score_candidates (before, after, "t2-mat-khau", TRUE);
  g_test_message ("rounded: exact changes:%s; scores possible: %u", rounded->str, rounded_scores);
  g_assert_cmpuint (rounded_scores, >=, 2);
}

/* The same with record keys drawn anew, many times: how often the reader
 * pins a change or a score (never), and how often a published figure of
 * her grade and sex moves at all (which tells that some grade-3 girl came,
 * never how many). */
static void
test_one_pupil_many (void)
{
  guint moved = 0, runs = 40;

  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(ReportSchool) school = report_school_new (TRUE);
      g_autoptr(KnsReport) before = NULL;
      g_autoptr(KnsReport) after = NULL;
      g_autoptr(GString) found = g_string_new (NULL);
      const KnsReportTable *a, *b;
      int row;

      /* Secret random keys from here on, as in the app. */
      kns_store_set_record_keys (school->store, NULL, NULL);
      before = report_now (school, TRUE);
      report_pupil_visit (school, 5, KNS_SEX_FEMALE, "t2-mat-khau", 3);
      after = report_now (school, TRUE);

      g_assert_cmpuint (exact_changes (before, after, "participants", BASE, found), ==, 0);
      g_assert_cmpuint (exact_changes (before, after, "attendances", BASE, found), ==, 0);
      g_assert_cmpuint (score_candidates (before, after, "t2-mat-khau", TRUE), >=, 2);

      /* The girls' total, shown in every report. */
      a = kns_report_get_table (before, "participants");
      b = kns_report_get_table (after, "participants");
      row = (int) a->n_rows - 1;
      g_assert_false (kns_report_table_get_cell (a, row, 1)->hidden);
      moved += kns_report_table_get_cell (a, row, 1)->value != kns_report_table_get_cell (b, row, 1)->value;
    }
  g_test_message ("%u runs: no change or score pinned; the girls' total moved in %u", runs, moved);
}

/* A day: three grade-1 boys (a group of one, hidden) come and sign in.
 * Reports the day before and the day after. */
static void
test_one_day (void)
{
  g_autoptr(ReportSchool) school = report_school_new (TRUE);
  g_autoptr(KnsReport) before = report_now (school, TRUE);
  g_autoptr(KnsReport) before_exact = report_now (school, FALSE);
  g_autoptr(KnsReport) after = NULL;
  g_autoptr(KnsReport) after_exact = NULL;
  g_autoptr(GString) exact = g_string_new (NULL);
  g_autoptr(GString) rounded = g_string_new (NULL);

  school->now = report_local_time (2026, 11, 20, 8, 0);
  for (guint i = 0; i < 3; i++)
    report_pupil_visit (school, 1, KNS_SEX_MALE, NULL, 0);
  after = report_now (school, TRUE);
  after_exact = report_now (school, FALSE);

  g_assert_cmpuint (exact_changes (before_exact, after_exact, "participants", 1, exact) +
                      exact_changes (before_exact, after_exact, "attendances", 1, exact),
                    >, 0);
  g_test_message ("not rounded:%s", exact->str);
  g_assert_cmpuint (exact_changes (before, after, "participants", BASE, rounded) +
                      exact_changes (before, after, "attendances", BASE, rounded),
                    ==, 0);
}

/* Computer A alone, computer B alone, and B after importing A's bundle:
 * the reader subtracts B from the merge to find A's hidden groups. */
static void
test_computer_against_merge (void)
{
  g_autoptr(ReportSchool) a = report_school_new (TRUE);
  g_autoptr(ReportSchool) b = report_school_new (FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsBundle) bundle = NULL;
  g_autoptr(KnsBundleImport) import = NULL;
  g_autofree char *file = g_build_filename (b->dir, "a.json", NULL);
  g_autoptr(KnsReport) b_alone = NULL;
  g_autoptr(KnsReport) b_alone_exact = NULL;
  g_autoptr(KnsReport) merged = NULL;
  g_autoptr(KnsReport) merged_exact = NULL;
  g_autoptr(GString) exact = g_string_new (NULL);
  g_autoptr(GString) rounded = g_string_new (NULL);

  for (guint i = 0; i < 7; i++)
    report_pupil_visit (b, 3, KNS_SEX_MALE, NULL, 0);
  b_alone = report_now (b, TRUE);
  b_alone_exact = report_now (b, FALSE);

  bundle = kns_bundle_new_from_store (a->store, NULL, 2026, &error);
  g_assert_no_error (error);
  g_assert_true (kns_bundle_write (bundle, file, &error));
  import = kns_bundle_import_file (b->store, file);
  g_assert_no_error (import->error);
  merged = report_now (b, TRUE);
  merged_exact = report_now (b, FALSE);

  /* A's grade-3 girls (3) come back exactly from figures not rounded. */
  g_assert_cmpuint (exact_changes (b_alone_exact, merged_exact, "participants", 1, exact), >, 0);
  g_test_message ("not rounded:%s", exact->str);
  g_assert_cmpuint (exact_changes (b_alone, merged, "participants", BASE, rounded), ==, 0);
  g_assert_cmpuint (exact_changes (b_alone, merged, "attendances", BASE, rounded), ==, 0);
}

/* A grade of three pupils, two of whom took part: so small an enrolment
 * is hidden in every report, merged or not, and a grade of 42 is shown
 * in every one: no report shows what another hides. */
static void
test_enrolment_after_merge (void)
{
  g_autoptr(ReportSchool) a = report_school_new (TRUE);
  g_autoptr(ReportSchool) b = report_school_new (FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsBundle) bundle = NULL;
  g_autoptr(KnsBundleImport) import = NULL;
  g_autofree char *file = g_build_filename (b->dir, "a.json", NULL);
  g_autoptr(KnsReport) alone = NULL;
  g_autoptr(KnsReport) merged = NULL;

  /* Grade 1: three enrolled, two of whom took part on computer A. An
   * enrolment of 3 caps nothing exactly, so a report that showed it when
   * it gave nothing away showed it. */
  g_assert_true (kns_store_set_enrolment (a->store, 2026, 1, KNS_SEX_MALE, 2, &error));
  for (guint grade = 1; grade <= 3; grade += 2)
    for (KnsSex sex = KNS_SEX_MALE; sex <= KNS_SEX_FEMALE; sex++)
      g_assert_true (kns_store_set_enrolment (b->store, 2026, grade, sex,
                                              kns_store_get_enrolment (a->store, 2026, grade, sex,
                                                                       NULL),
                                              &error));
  for (guint i = 0; i < 6; i++)
    report_pupil_visit (b, 5, KNS_SEX_MALE, NULL, 0);

  alone = report_now (a, TRUE);
  bundle = kns_bundle_new_from_store (a->store, NULL, 2026, &error);
  g_assert_no_error (error);
  g_assert_true (kns_bundle_write (bundle, file, &error));
  import = kns_bundle_import_file (b->store, file);
  g_assert_no_error (import->error);
  merged = report_now (b, TRUE);

  for (guint i = 0; i < 2; i++)
    {
      const KnsReportTable *coverage = kns_report_get_table (i == 0 ? alone : merged, "coverage");
      int                   grade_1 = kns_report_table_find_row (coverage, "Grade 1");
      int                   grade_3 = kns_report_table_find_row (coverage, "Grade 3");

      g_assert_true (kns_report_table_get_cell (coverage, grade_1, 0)->hidden);
      g_assert_false (kns_report_table_get_cell (coverage, grade_3, 0)->hidden);
      g_assert_cmpint (kns_report_table_get_cell (coverage, grade_3, 0)->value, ==, 42);
    }
}

/* Every published count is the exact one rounded to a multiple of 5, the
 * same every time the same pupils are counted, and the same on the
 * computer that imported the bundle: keys travel with the figures. */
static void
test_rounding_consistent (void)
{
  g_autoptr(ReportSchool) home = report_school_new (TRUE);
  g_autoptr(ReportSchool) lab = report_school_new (FALSE);
  g_autoptr(KnsReport) shown = report_now (home, TRUE);
  g_autoptr(KnsReport) again = report_now (home, TRUE);
  g_autoptr(KnsReport) exact = report_now (home, FALSE);
  g_autoptr(KnsReport) in_lab = NULL;
  g_autoptr(KnsBundle) bundle = NULL;
  g_autoptr(KnsBundleImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_build_filename (lab->dir, "home.json", NULL);
  static const char *const ids[] = { "participants", "attendances", "tiers", "lessons" };
  guint rounded = 0;

  bundle = kns_bundle_new_from_store (home->store, NULL, 2026, &error);
  g_assert_no_error (error);
  g_assert_true (kns_bundle_write (bundle, file, &error));
  import = kns_bundle_import_file (lab->store, file);
  g_assert_no_error (import->error);
  in_lab = report_now (lab, TRUE);

  for (guint t = 0; t < G_N_ELEMENTS (ids); t++)
    {
      const KnsReportTable *s = kns_report_get_table (shown, ids[t]);
      const KnsReportTable *g = kns_report_get_table (again, ids[t]);
      const KnsReportTable *x = kns_report_get_table (exact, ids[t]);
      const KnsReportTable *l = kns_report_get_table (in_lab, ids[t]);

      for (guint r = 0; r < s->n_rows; r++)
        for (guint c = 0; c < s->n_columns; c++)
          {
            const KnsReportCell *cell = kns_report_table_get_cell (s, r, c);
            const KnsReportCell *truth = kns_report_table_get_cell (x, r, c);

            g_assert_cmpint (cell->value, ==, kns_report_table_get_cell (g, r, c)->value);
            g_assert_cmpint (cell->value, ==, kns_report_table_get_cell (l, r, c)->value);
            g_assert_cmpint (cell->hidden, ==, truth->hidden);
            if (cell->hidden || cell->kind == KNS_REPORT_CELL_NONE)
              continue;
            g_assert_cmpint (cell->value % BASE, ==, 0);
            g_assert_cmpint (ABS (cell->value - truth->value), <, BASE);
            rounded += cell->value != truth->value;
          }
    }
  g_assert_cmpuint (rounded, >, 0);
}

/* A bundle on a lost USB stick: no figure, no school, no class, no
 * lesson can be read from it, and another school's key opens nothing. */
static void
test_lost_stick (void)
{
  g_autoptr(ReportSchool) home = report_school_new (TRUE);
  g_autoptr(ReportSchool) other = report_school_new (FALSE);
  g_autoptr(KnsBundle) bundle = NULL;
  g_autoptr(KnsBundle) opened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_build_filename (home->dir, "may-1.json", NULL);
  g_autofree char *contents = NULL;
  static const guint8 other_key[32] = "a school across the river, 32 b";
  /* Each with a character base64 never writes, so that no chance run of
   * letters in the seal matches it. */
  static const char *const secrets[] = {
    "Kim Đồng", "\"5A\"", "\"4B\"", "t2-mat-khau", "\"tallies\"", "\"headcounts\"",
    "\"sessions\"", "Mật khẩu", "2026-10-05", "\"school\"",
  };
  gsize length;

  bundle = kns_bundle_new_from_store (home->store, report_course_load (), 2026, &error);
  g_assert_no_error (error);
  g_assert_true (kns_bundle_write (bundle, file, &error));
  g_assert_true (g_file_get_contents (file, &contents, &length, NULL));

  g_assert_true (g_str_has_prefix (contents, "{\"format\":\"kynangso-report-bundle\",\"version\":2,"
                                             "\"sealed\":\""));
  for (guint i = 0; i < G_N_ELEMENTS (secrets); i++)
    g_assert_null (strstr (contents, secrets[i]));
  g_assert_null (strstr (contents, kns_store_get_device_uuid (home->store)));

  /* Opened with the school's key: everything; with another: nothing. */
  opened = kns_bundle_load (file, report_school_key, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (opened->info->school_name, ==, "Trường Tiểu học Kim Đồng");
  g_clear_pointer (&opened, kns_bundle_free);
  opened = kns_bundle_load (file, other_key, &error);
  g_assert_error (error, KNS_BUNDLE_ERROR, KNS_BUNDLE_ERROR_WRONG_KEY);
  g_assert_null (opened);
  g_clear_error (&error);

  /* A computer with no key yet is told to set it; nothing is stored. */
  {
    g_autofree char *before = report_dump_store (kns_store_get_path (other->store));
    g_autofree char *after = NULL;
    g_autoptr(KnsBundleImport) import = NULL;

    g_assert_true (kns_store_set_setting (other->store, KNS_STORE_SETTING_SCHOOL_KEY, "", &error));
    g_free (before);
    before = report_dump_store (kns_store_get_path (other->store));
    import = kns_bundle_import_file (other->store, file);
    after = report_dump_store (kns_store_get_path (other->store));
    g_assert_error (import->error, KNS_BUNDLE_ERROR, KNS_BUNDLE_ERROR_NO_KEY);
    g_assert_nonnull (strstr (import->error->message, "--set-report-passphrase"));
    g_assert_cmpstr (before, ==, after);
  }
}

/* The same passphrase gives the same key on every computer, however it
 * was typed (Unicode composed or not, spaces around); a short one is
 * refused; the store keeps the key, never the passphrase. */
static void
test_passphrase (void)
{
  g_autoptr(ReportSchool) a = report_school_new (FALSE);
  g_autoptr(ReportSchool) b = report_school_new (FALSE);
  g_autoptr(GError) error = NULL;
  g_autofree char *decomposed = g_utf8_normalize ("Kim Đồng phòng máy hai", -1, G_NORMALIZE_NFD);
  g_autofree char *padded = g_strconcat ("  ", decomposed, " ", NULL);
  g_autofree char *dump = NULL;
  guint8 key_a[32], key_b[32];

  g_assert_false (kns_school_key_set_passphrase (a->store, "ngắn quá", &error));
  g_assert_error (error, KNS_STORE_ERROR, KNS_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (kns_school_key_set_passphrase (a->store, "Kim Đồng phòng máy hai", &error));
  g_assert_true (kns_school_key_set_passphrase (b->store, padded, &error));
  g_assert_no_error (error);
  g_assert_true (kns_school_key_get (a->store, key_a, &error));
  g_assert_true (kns_school_key_get (b->store, key_b, &error));
  g_assert_cmpmem (key_a, sizeof key_a, key_b, sizeof key_b);
  g_assert_true (memcmp (key_a, report_school_key, sizeof key_a) != 0);

  dump = report_dump_store (kns_store_get_path (a->store));
  g_assert_null (strstr (dump, "phòng máy"));
}

/* Text from another computer cannot run in a spreadsheet nor turn a
 * printed line around: a formula is shown, not run; tabs, line breaks and
 * bidirectional overrides are gone; an ordinary "- …" gets no apostrophe. */
static void
test_text_injection (void)
{
  g_autoptr(ReportSchool) school = report_school_new (TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsClassSession) session = NULL;
  g_autoptr(KnsClassSession) plain = NULL;
  g_autoptr(KnsReport) report = NULL;
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *pdf_text = NULL;

  g_assert_true (kns_store_set_setting (school->store, KNS_STORE_SETTING_SCHOOL_NAME,
                                        "Trường \u202Eexe.gpj\u202C Kim Đồng", &error));
  session = kns_store_start_session (school->store, "\t5A\r\n=1+1", 5, 2,
                                     "=HYPERLINK(\"http://x\",\"bấm\")", KNS_SESSION_FORMAT_KIOSK,
                                     NULL, &error);
  g_assert_no_error (error);
  g_assert_true (kns_store_end_session (school->store, session->uuid, "", &error));
  plain = kns_store_start_session (school->store, "5B", 5, 2, "- Phòng chống bắt nạt",
                                   KNS_SESSION_FORMAT_KIOSK, NULL, &error);
  g_assert_true (kns_store_end_session (school->store, plain->uuid, "", &error));
  g_assert_no_error (error);

  report = report_now (school, TRUE);
  csv = kns_report_to_csv (report);
  text = g_strndup (g_bytes_get_data (csv, NULL), g_bytes_get_size (csv));
  g_assert_nonnull (strstr (text, "\"'=HYPERLINK("));
  g_assert_nonnull (strstr (text, "5A  =1+1,"));
  g_assert_nonnull (strstr (text, ",- Phòng chống bắt nạt,"));
  g_assert_null (strstr (text, "'- Phòng"));
  g_assert_null (strchr (text, '\t'));
  g_assert_null (strstr (text, "\u202E"));
  g_assert_null (strstr (text, "\u202C"));
  for (const char *p = strstr (text, "\r\n"); p != NULL; p = strstr (p + 2, "\r\n"))
    g_assert_true (p == text || p[-1] != '\r');

  pdf = kns_report_to_pdf (report, &error);
  g_assert_no_error (error);
  if ((pdf_text = kns_test_pdf_text (pdf, NULL)) != NULL)
    {
      g_assert_null (strstr (pdf_text, "\u202E"));
      g_assert_true (kns_test_pdf_has (pdf_text, "Trường exe.gpj Kim Đồng"));
    }
}

/* Counted events carry record keys; a store counted before keys existed
 * gets one for each row when it moves to schema 3. */
static void
test_record_keys (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kns-keys-XXXXXX", &error);
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", "store", "schema-2.db",
                                                    NULL);
  g_autofree char *path = g_build_filename (dir, "kynangso.db", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(KnsStore) store = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gsize length;
  guint counted = 0;

  g_assert_true (g_file_get_contents (fixture, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, (gssize) length, NULL));
  store = kns_store_open (dir, &error);
  g_assert_no_error (error);

  rows = kns_store_list_tallies (store, 2026, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, >, 0);
  for (guint i = 0; i < rows->len; i++)
    {
      const KnsTallyRow *row = g_ptr_array_index (rows, i);

      /* 0 is one key in four billion: a row counted has another. */
      g_assert_true (row->attendances == 0 || row->attendance_key != 0);
      g_assert_true (row->completions == 0 || row->completion_key != 0);
      g_assert_true (row->attempts == 0 || row->attempt_key != 0);
      counted += row->attendances + row->completions + row->attempts > 0;
    }
  g_assert_cmpuint (counted, >, 0);
  g_clear_object (&store);
  kns_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "ICT-7", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kns/report-privacy/one-pupil", test_one_pupil);
  g_test_add_func ("/kns/report-privacy/one-pupil-many", test_one_pupil_many);
  g_test_add_func ("/kns/report-privacy/one-day", test_one_day);
  g_test_add_func ("/kns/report-privacy/computer-against-merge", test_computer_against_merge);
  g_test_add_func ("/kns/report-privacy/enrolment-after-merge", test_enrolment_after_merge);
  g_test_add_func ("/kns/report-privacy/rounding-consistent", test_rounding_consistent);
  g_test_add_func ("/kns/report-privacy/lost-stick", test_lost_stick);
  g_test_add_func ("/kns/report-privacy/passphrase", test_passphrase);
  g_test_add_func ("/kns/report-privacy/text-injection", test_text_injection);
  g_test_add_func ("/kns/report-privacy/record-keys", test_record_keys);

  return g_test_run ();
}
