/* kns-file.h — reading files that may be hostile, and naming them safely
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

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean  kns_file_read_bounded       (const char  *path,
                                       gsize        max_size,
                                       char       **contents,
                                       gsize       *length,
                                       GError     **error);
char     *kns_file_display_name       (const char  *path);
gboolean  kns_unichar_is_control      (gunichar     c);
char     *kns_text_replace_controls   (const char  *text);
char     *kns_text_flatten            (const char  *text);

G_END_DECLS
