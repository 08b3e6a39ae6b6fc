/* kns-report-export.h — the report as files: CSV, PDF, bundle
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

typedef enum
{
  KNS_REPORT_FORMAT_CSV,  /* for spreadsheets */
  KNS_REPORT_FORMAT_PDF,  /* the printable A4 report */
  KNS_REPORT_FORMAT_JSON, /* the bundle another lab computer imports */
} KnsReportFormat;

gboolean  kns_report_format_for_file (const char             *file,
                                      KnsReportFormat        *format,
                                      GError                **error);
GBytes   *kns_report_to_csv          (KnsReport              *self);
GBytes   *kns_report_to_pdf          (KnsReport              *self,
                                      GError                **error);
gboolean  kns_report_write           (KnsReport              *self,
                                      const char             *file,
                                      GError                **error);
gboolean  kns_report_export_file     (KnsStore               *store,
                                      KnsCourse              *course,
                                      const char             *file,
                                      const KnsReportPeriod  *period,
                                      guint                   min_cell,
                                      GError                **error);

G_END_DECLS
