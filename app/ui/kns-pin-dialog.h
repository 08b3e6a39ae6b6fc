/* kns-pin-dialog.h — asks for the teacher PIN
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

typedef void (*KnsPinGranted) (GtkWindow *parent,
                               gpointer   user_data);

GtkWidget *kns_pin_dialog_present       (GtkWindow     *parent,
                                         KnsStore      *store,
                                         const char    *heading,
                                         KnsPinGranted  granted,
                                         gpointer       user_data);
char      *kns_pin_dialog_describe_lock (gint64         wait);

G_END_DECLS
