/* kns-report-cli.h — the headless report verbs of `kynangso`
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

#include <glib.h>

G_BEGIN_DECLS

int kns_report_cli_export (const char         *data_dir,
                           const char         *content_dir,
                           const char         *file,
                           const char         *school_year,
                           guint               min_cell,
                           GString            *out,
                           GString            *err);
int kns_report_cli_import (const char         *data_dir,
                           const char * const *paths,
                           GString            *out,
                           GString            *err);

G_END_DECLS
