/* kns-report-export.c — writing the report's files
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

#define G_LOG_DOMAIN "kns-report"

#include "kns-config.h"

#include <glib/gi18n.h>

#include "kns-bundle.h"
#include "kns-report-export.h"

/**
 * kns_report_format_for_file:
 *
 * The format a file name asks for, by its extension: .csv, .pdf or
 * .json, in any case.
 */
gboolean
kns_report_format_for_file (const char      *file,
                            KnsReportFormat *format,
                            GError         **error)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (file != NULL && format != NULL, FALSE);

  lower = g_ascii_strdown (file, -1);
  if (g_str_has_suffix (lower, ".csv"))
    *format = KNS_REPORT_FORMAT_CSV;
  else if (g_str_has_suffix (lower, ".pdf"))
    *format = KNS_REPORT_FORMAT_PDF;
  else if (g_str_has_suffix (lower, ".json"))
    *format = KNS_REPORT_FORMAT_JSON;
  else
    {
      g_set_error (error, KNS_REPORT_ERROR, KNS_REPORT_ERROR_FORMAT,
                   _("%s: the file name must end in .csv (spreadsheet), .pdf (printable "
                      "report) or .json (figures for another computer)."),
                   file);
      return FALSE;
    }
  return TRUE;
}

/* Written under a temporary name and renamed: a file with the export's
 * name is always whole. */
static gboolean
write_bytes (const char *file,
             GBytes     *bytes,
             GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize       length = 0;
  const char *data = g_bytes_get_data (bytes, &length);

  if (g_file_set_contents_full (file, data, (gssize) length, G_FILE_SET_CONTENTS_CONSISTENT, 0644,
                                &local_error))
    return TRUE;

  g_set_error (error, KNS_REPORT_ERROR, KNS_REPORT_ERROR_WRITE, _("%s could not be written: %s"),
               file, local_error->message);
  return FALSE;
}

/**
 * kns_report_write:
 * @file: a .csv or .pdf file
 *
 * Writes the report as a spreadsheet or as the printable report, by the
 * file's extension.
 */
gboolean
kns_report_write (KnsReport   *self,
                  const char  *file,
                  GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  KnsReportFormat format;

  g_return_val_if_fail (KNS_IS_REPORT (self), FALSE);
  g_return_val_if_fail (file != NULL, FALSE);

  if (!kns_report_format_for_file (file, &format, error))
    return FALSE;
  /* A bundle is made from the store, never from a suppressed report. */
  g_return_val_if_fail (format != KNS_REPORT_FORMAT_JSON, FALSE);

  bytes = format == KNS_REPORT_FORMAT_CSV ? kns_report_to_csv (self)
                                          : kns_report_to_pdf (self, error);
  return bytes != NULL && write_bytes (file, bytes, error);
}

/**
 * kns_report_export_file:
 * @course: (nullable): the lessons
 * @file: .csv, .pdf, or .json for a bundle of @period's school year
 *
 * What `kynangso --export-report=FILE` does: the report of the period,
 * suppressed with @min_cell, as a spreadsheet or a printable report; or
 * this computer's exact figures of the school year as a bundle.
 */
gboolean
kns_report_export_file (KnsStore               *store,
                        KnsCourse              *course,
                        const char             *file,
                        const KnsReportPeriod  *period,
                        guint                   min_cell,
                        GError                **error)
{
  g_autoptr(KnsReport) report = NULL;
  KnsReportFormat format;

  g_return_val_if_fail (KNS_IS_STORE (store), FALSE);
  g_return_val_if_fail (file != NULL && period != NULL, FALSE);

  if (!kns_report_format_for_file (file, &format, error))
    return FALSE;
  if (format == KNS_REPORT_FORMAT_JSON)
    {
      g_autoptr(KnsBundle) bundle = kns_bundle_new_from_store (store, course, period->school_year,
                                                               error);

      return bundle != NULL && kns_bundle_write (bundle, file, error);
    }

  report = kns_report_new (store, course, period, NULL, min_cell, error);
  return report != NULL && kns_report_write (report, file, error);
}
