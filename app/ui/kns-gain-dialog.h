/* kns-gain-dialog.h — the class's gain, shown when a session ends
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

G_BEGIN_DECLS

GtkWidget *kns_gain_dialog_new  (GtkWindow *parent,
                                 GPtrArray *gain);
char      *kns_gain_format_cell (guint64    right,
                                 guint64    asked);

G_END_DECLS
