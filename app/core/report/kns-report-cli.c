/* kns-report-cli.c — the headless report verbs of `kynangso`
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
 * `kynangso --export-report=FILE [--school-year=2026-2027]` and
 * `kynangso --import-report=FILE…`, for a lab technician's scripts
 * (README, "Command line"). They run before any GTK start-up, and
 * while the app itself may be open on the same data, in kiosk mode with
 * a child signed in: the store is opened with kns_store_open_shared().
 * What was done goes to @out, what went wrong to @err, translated; the
 * exit status is 0, or 1 if anything failed or a file was refused.
 */

#define G_LOG_DOMAIN "kns-report"

#include "kns-config.h"

#include <glib/gi18n.h>

#include "kns-bundle.h"
#include "kns-course.h"
#include "kns-report-cli.h"
#include "kns-report-export.h"

static KnsStore *
open_store (const char *data_dir,
            GString    *err)
{
  g_autoptr(GError) error = NULL;
  KnsStore *store = kns_store_open_shared (data_dir, &error);

  if (store == NULL)
    g_string_append_printf (err, "%s\n", error->message);
  return store;
}

/* The lessons tell what the sessions covered; without them the report
 * is still made, with less to say. */
static KnsCourse *
load_course (const char *content_dir,
             GString    *err)
{
  g_autoptr(GError) error = NULL;
  KnsCourse *course = content_dir != NULL ? kns_course_load (content_dir, NULL, &error) : NULL;

  if (course == NULL && error != NULL)
    g_string_append_printf (err,
                            _("The lessons could not be read (%s); the report leaves out what "
                              "they cover.\n"),
                            error->message);
  return course;
}

/**
 * kns_report_cli_export:
 * @content_dir: (nullable): the lessons
 * @school_year: (nullable): "2026-2027", or %NULL for the current one
 * @min_cell: the GSettings key report-min-cell
 *
 * Returns: the exit status
 */
int
kns_report_cli_export (const char *data_dir,
                       const char *content_dir,
                       const char *file,
                       const char *school_year,
                       guint       min_cell,
                       GString    *out,
                       GString    *err)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsStore) store = NULL;
  g_autoptr(KnsCourse) course = NULL;
  g_autofree char *year_text = NULL;
  g_autofree char *period_text = NULL;
  KnsReportFormat format;
  KnsReportPeriod period;
  guint year;

  g_return_val_if_fail (data_dir != NULL && file != NULL, 1);

  year = kns_school_year_for_time (g_get_real_time ());
  if ((school_year != NULL && !kns_report_parse_school_year (school_year, &year, &error)) ||
      !kns_report_format_for_file (file, &format, &error))
    {
      g_string_append_printf (err, "%s\n", error->message);
      return 1;
    }
  kns_report_period_init (&period, year);

  if ((store = open_store (data_dir, err)) == NULL)
    return 1;
  course = load_course (content_dir, err);
  if (!kns_report_export_file (store, course, file, &period, min_cell, &error))
    {
      g_string_append_printf (err, "%s\n", error->message);
      return 1;
    }

  year_text = kns_report_format_school_year (year);
  period_text = kns_report_format_period (&period);
  if (format == KNS_REPORT_FORMAT_JSON)
    g_string_append_printf (out,
                            _("Wrote %s: this computer’s figures for the school year %s. Import "
                              "it on the computer that makes the school’s report.\n"),
                            file, year_text);
  else
    g_string_append_printf (out, _("Wrote %s: the report of the school year %s (%s).\n"), file,
                            year_text, period_text);
  return 0;
}

/**
 * kns_report_cli_import:
 * @paths: (array zero-terminated=1): files and folders
 *
 * Imports every bundle, each in its own transaction: a refused file
 * changes nothing, and the others are imported all the same.
 *
 * Returns: the exit status: 1 if a file was refused
 */
int
kns_report_cli_import (const char         *data_dir,
                       const char * const *paths,
                       GString            *out,
                       GString            *err)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsStore) store = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) imports = NULL;
  guint n_imported = 0, n_unchanged = 0, n_refused = 0;

  g_return_val_if_fail (data_dir != NULL && paths != NULL, 1);

  files = kns_bundle_list_files (paths, &error);
  if (files == NULL)
    {
      g_string_append_printf (err, "%s\n", error->message);
      return 1;
    }
  if (files->len == 0)
    {
      g_autofree char *where = g_strjoinv (", ", (char **) paths);

      g_string_append_printf (err, _("No report file (.json) in %s.\n"), where);
      return 1;
    }
  if ((store = open_store (data_dir, err)) == NULL)
    return 1;

  imports = kns_bundle_import_files (store, files);
  for (guint i = 0; i < imports->len; i++)
    {
      const KnsBundleImport *import = g_ptr_array_index (imports, i);
      g_autofree char *said = kns_bundle_import_describe (import);

      g_string_append_printf (import->error != NULL ? err : out, "%s\n", said);
      if (import->error != NULL)
        n_refused++;
      else if (import->result == KNS_IMPORT_ADDED || import->result == KNS_IMPORT_REPLACED ||
               import->result == KNS_IMPORT_KEPT_BOTH)
        n_imported++;
      else
        n_unchanged++;
    }

  /* Translators: the last line of `kynangso --import-report` */
  g_string_append_printf (out, _("Imported: %u. Unchanged: %u. Refused: %u.\n"), n_imported,
                          n_unchanged, n_refused);
  return n_refused > 0 ? 1 : 0;
}
