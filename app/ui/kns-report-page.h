/* kns-report-page.h — "Báo cáo" in teacher mode: the school report
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

#include <adwaita.h>

#include "kns-course.h"
#include "kns-report.h"
#include "kns-store.h"

G_BEGIN_DECLS

#define KNS_TYPE_REPORT_PAGE (kns_report_page_get_type ())

G_DECLARE_FINAL_TYPE (KnsReportPage, kns_report_page, KNS, REPORT_PAGE, AdwBin)

GtkWidget *kns_report_page_new           (void);
void       kns_report_page_set_context   (KnsReportPage       *self,
                                          KnsStore            *store,
                                          KnsCourse           *course,
                                          guint                min_cell);
void       kns_report_page_refresh       (KnsReportPage       *self);
KnsReport *kns_report_page_get_report    (KnsReportPage       *self);
gboolean   kns_report_page_get_importing (KnsReportPage       *self);
void       kns_report_page_import        (KnsReportPage       *self,
                                          const char * const  *paths);
void       kns_report_page_export_async  (KnsReportPage       *self,
                                          GFile               *file,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
gboolean   kns_report_page_export_finish (KnsReportPage       *self,
                                          GAsyncResult        *result,
                                          GError             **error);

G_END_DECLS
