/* test-report-clones.c — merging computers that claim one id
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
 * A technician sets up one lab computer and copies its data folder to
 * the others. Copies made before this version carry the same computer id
 * (kns-store-identity.c gives a copy its own id now, but a copy made
 * earlier cannot be told by its folder). Before, the second copy's file
 * replaced the first's, and a whole session and its pupils vanished from
 * the report without a word; the first copy refused the second's file as
 * its own. Here a merge never drops what it has not seen: a later export
 * of one computer replaces its earlier one only when it holds all the
 * earlier one counted; otherwise both are kept and the teacher is told.
 */

#include "kns-config.h"

#include <glib/gstdio.h>

#include "kns-bundle.h"
#include "kns-report-private.h"
#include "report-fixture.h"

#define K 5

/* A 45-minute class session on the computer with @n new pupils. */
static char *
hold_session (ReportSchool *school,
              const char   *class_label,
              guint         grade,
              guint         n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsClassSession) session = NULL;

  school->now += (gint64) 3600 * G_USEC_PER_SEC;
  session = kns_store_start_session (school->store, class_label, grade,
                                     grade <= 3 ? 1 : grade <= 5 ? 2 : grade <= 9 ? 3 : 4,
                                     "An toàn trên mạng", KNS_SESSION_FORMAT_IN_PERSON, NULL,
                                     &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    report_pupil_visit (school, grade, KNS_SEX_UNSTATED, NULL, 0);
  school->now += (gint64) 45 * 60 * G_USEC_PER_SEC;
  g_assert_true (kns_store_end_session (school->store, session->uuid, "", &error));
  g_assert_no_error (error);
  return g_strdup (session->uuid);
}

/* Saves @school's figures to @name in @into's folder. */
static char *
export_to (ReportSchool *school,
           ReportSchool *into,
           const char   *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsBundle) bundle = kns_bundle_new_from_store (school->store, NULL, 2026, &error);
  char *file = g_build_filename (into->dir, name, NULL);

  g_assert_no_error (error);
  g_assert_true (kns_bundle_write (bundle, file, &error));
  g_assert_no_error (error);
  return file;
}

static KnsImportResult
import (ReportSchool *into,
        const char   *file)
{
  g_autoptr(KnsBundleImport) import = kns_bundle_import_file (into->store, file);
  g_autofree char *said = kns_bundle_import_describe (import);

  g_test_message ("%s", said);
  g_assert_no_error (import->error);
  return import->result;
}

static KnsReport *
report_of (ReportSchool *school)
{
  g_autoptr(GError) error = NULL;
  KnsReportPeriod period;
  KnsReport *report;

  kns_report_period_init (&period, 2026);
  report = kns_report_new_exact (school->store, NULL, &period, NULL, K, &error);
  g_assert_no_error (error);
  return report;
}

static gboolean
has_session (KnsReport  *report,
             const char *uuid)
{
  GPtrArray *sessions = kns_report_get_sessions (report);

  for (guint i = 0; i < sessions->len; i++)
    {
      const KnsReportSession *session = g_ptr_array_index (sessions, i);

      if (g_strv_contains ((const char *const *) session->uuids, uuid))
        return TRUE;
    }
  return FALSE;
}

static gint64
participants (KnsReport *report)
{
  const KnsReportTable *table = kns_report_get_table (report, "participants");

  return kns_report_table_get_cell (table, table->n_rows - 1, table->n_columns - 1)->value;
}

/* The lab: one computer set up with a session, copied, and each
 * copy then used by a class of its own. The school's report computer
 * imports both files, in either order: three sessions, every pupil. */
static void
test_two_copies (gconstpointer data)
{
  gboolean second_first = GPOINTER_TO_INT (data);
  g_autoptr(ReportSchool) a = report_school_new (FALSE);
  g_autoptr(ReportSchool) b = NULL;
  g_autoptr(ReportSchool) office = report_school_new (FALSE);
  g_autofree char *set_up = hold_session (a, "3A", 3, 3);
  g_autofree char *on_a = NULL;
  g_autofree char *on_b = NULL;
  g_autofree char *file_a = NULL;
  g_autofree char *file_b = NULL;
  g_autoptr(KnsReport) report = NULL;

  b = report_school_clone (a);
  on_a = hold_session (a, "5A", 5, 5);
  on_b = hold_session (b, "4B", 4, 4);
  file_a = export_to (a, office, "may-a.json");
  b->now += (gint64) 60 * G_USEC_PER_SEC;
  file_b = export_to (b, office, "may-b.json");

  g_assert_cmpint (import (office, second_first ? file_b : file_a), ==, KNS_IMPORT_ADDED);
  g_assert_cmpint (import (office, second_first ? file_a : file_b), ==, KNS_IMPORT_KEPT_BOTH);
  /* Each file again: nothing changes. */
  g_assert_cmpint (import (office, file_a), ==, KNS_IMPORT_UNCHANGED);
  g_assert_cmpint (import (office, file_b), ==, KNS_IMPORT_UNCHANGED);

  report = report_of (office);
  g_assert_cmpuint (kns_report_get_n_computers (report), ==, 3);
  g_assert_true (has_session (report, set_up));
  g_assert_true (has_session (report, on_a));
  g_assert_true (has_session (report, on_b));
  /* Every pupil who came after the copy; the set-up class is in both
   * files, and counted twice: the teacher is told so. */
  g_assert_cmpint (participants (report), ==, 5 + 4 + 3 + 3);
}

/* One computer's exports, earlier and later: the later replaces the
 * earlier, whichever comes first, and nothing is kept twice. */
static void
test_later_export (void)
{
  g_autoptr(ReportSchool) a = report_school_new (FALSE);
  g_autoptr(ReportSchool) office = report_school_new (FALSE);
  g_autoptr(ReportSchool) office_2 = report_school_new (FALSE);
  g_autofree char *first = hold_session (a, "5A", 5, 5);
  g_autofree char *file_1 = export_to (a, office, "may-a-1.json");
  g_autofree char *second = hold_session (a, "5B", 5, 6);
  g_autofree char *file_2 = export_to (a, office, "may-a-2.json");
  g_autofree char *copy_1 = NULL;
  g_autofree char *copy_2 = NULL;
  g_autoptr(KnsReport) report = NULL;

  g_assert_cmpint (import (office, file_1), ==, KNS_IMPORT_ADDED);
  g_assert_cmpint (import (office, file_2), ==, KNS_IMPORT_REPLACED);
  report = report_of (office);
  g_assert_cmpuint (kns_report_get_n_computers (report), ==, 2);
  g_assert_cmpint (participants (report), ==, 11);
  g_clear_object (&report);

  /* The other way round: the earlier file is left out. */
  copy_1 = g_build_filename (office_2->dir, "1.json", NULL);
  copy_2 = g_build_filename (office_2->dir, "2.json", NULL);
  g_assert_cmpint (g_rename (file_1, copy_1), ==, 0);
  g_assert_cmpint (g_rename (file_2, copy_2), ==, 0);
  g_assert_cmpint (import (office_2, copy_2), ==, KNS_IMPORT_ADDED);
  g_assert_cmpint (import (office_2, copy_1), ==, KNS_IMPORT_OLDER);
  report = report_of (office_2);
  g_assert_cmpuint (kns_report_get_n_computers (report), ==, 2);
  g_assert_cmpint (participants (report), ==, 11);
  g_assert_true (has_session (report, first));
  g_assert_true (has_session (report, second));
}

/* The copy's later file replaces the copy's earlier one, not the
 * original's; the original's later file replaces the original's. */
static void
test_copies_go_on (void)
{
  g_autoptr(ReportSchool) a = report_school_new (FALSE);
  g_autoptr(ReportSchool) b = NULL;
  g_autoptr(ReportSchool) office = report_school_new (FALSE);
  g_autofree char *set_up = hold_session (a, "3A", 3, 3);
  g_autofree char *on_a = NULL;
  g_autofree char *on_b = NULL;
  g_autofree char *on_b_later = NULL;
  g_autofree char *on_a_later = NULL;
  g_autofree char *file = NULL;
  g_autoptr(KnsReport) report = NULL;

  b = report_school_clone (a);
  on_a = hold_session (a, "5A", 5, 5);
  on_b = hold_session (b, "4B", 4, 4);
  g_free (file), file = export_to (a, office, "a-1.json");
  g_assert_cmpint (import (office, file), ==, KNS_IMPORT_ADDED);
  g_free (file), file = export_to (b, office, "b-1.json");
  g_assert_cmpint (import (office, file), ==, KNS_IMPORT_KEPT_BOTH);

  on_b_later = hold_session (b, "4C", 4, 6);
  g_free (file), file = export_to (b, office, "b-2.json");
  g_assert_cmpint (import (office, file), ==, KNS_IMPORT_REPLACED);
  on_a_later = hold_session (a, "5C", 5, 7);
  g_free (file), file = export_to (a, office, "a-2.json");
  g_assert_cmpint (import (office, file), ==, KNS_IMPORT_REPLACED);

  report = report_of (office);
  g_assert_cmpuint (kns_report_get_n_computers (report), ==, 3);
  g_assert_cmpint (participants (report), ==, 5 + 7 + 4 + 6 + 3 + 3);
  g_assert_true (has_session (report, on_a_later));
  g_assert_true (has_session (report, on_b_later));
}

/* The original computer makes the report: its own file is still refused
 * as counted, and a copy's file is kept, not refused as its own. */
static void
test_copy_imported_on_original (void)
{
  g_autoptr(ReportSchool) a = report_school_new (FALSE);
  g_autoptr(ReportSchool) b = NULL;
  g_autofree char *set_up = hold_session (a, "3A", 3, 3);
  g_autofree char *on_b = NULL;
  g_autofree char *own = NULL;
  g_autofree char *from_b = NULL;
  g_autoptr(KnsBundleImport) refused = NULL;
  g_autoptr(KnsReport) report = NULL;

  b = report_school_clone (a);
  on_b = hold_session (b, "4B", 4, 4);
  own = export_to (a, a, "own.json");
  refused = kns_bundle_import_file (a->store, own);
  g_assert_error (refused->error, KNS_BUNDLE_ERROR, KNS_BUNDLE_ERROR_OWN_DEVICE);

  from_b = export_to (b, a, "b.json");
  g_assert_cmpint (import (a, from_b), ==, KNS_IMPORT_KEPT_BOTH);
  report = report_of (a);
  g_assert_cmpuint (kns_report_get_n_computers (report), ==, 2);
  g_assert_true (has_session (report, on_b));
  g_assert_cmpint (participants (report), ==, 3 + 4 + 3);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "ICT-7", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/kns/report/clones/two-copies", GINT_TO_POINTER (FALSE), test_two_copies);
  g_test_add_data_func ("/kns/report/clones/two-copies/second-first", GINT_TO_POINTER (TRUE),
                        test_two_copies);
  g_test_add_func ("/kns/report/clones/later-export", test_later_export);
  g_test_add_func ("/kns/report/clones/copies-go-on", test_copies_go_on);
  g_test_add_func ("/kns/report/clones/copy-imported-on-original", test_copy_imported_on_original);

  return g_test_run ();
}
