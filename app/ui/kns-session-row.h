/* kns-session-row.h — a past class session in teacher mode
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

#include "kns-store.h"

G_BEGIN_DECLS

#define KNS_TYPE_SESSION_ROW (kns_session_row_get_type ())

G_DECLARE_FINAL_TYPE (KnsSessionRow, kns_session_row, KNS, SESSION_ROW, AdwActionRow)

GtkWidget  *kns_session_row_new         (const KnsClassSession *session);
const char *kns_session_row_format_name (KnsSessionFormat       format);
char       *kns_session_row_format_time (gint64                 time);

G_END_DECLS
