/* kns-report-private.h — what tests reach inside the school report
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

KnsReport *kns_report_new_exact (KnsStore              *store,
                                 KnsCourse             *course,
                                 const KnsReportPeriod *period,
                                 const char *const     *session_uuids,
                                 guint                  min_cell,
                                 GError               **error);

G_END_DECLS
