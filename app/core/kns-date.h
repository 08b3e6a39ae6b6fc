/* kns-date.h — days as Vietnamese teachers write them, and as files store them
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

/* "2026-09-05" and a NUL: what kns_date_to_iso () writes. */
#define KNS_DATE_ISO_SIZE 11

char     *kns_date_format    (const GDate *date);
void      kns_date_to_iso    (const GDate *date,
                              char         out[KNS_DATE_ISO_SIZE]);
gboolean  kns_date_parse_iso (const char  *text,
                              GDate       *date);

G_END_DECLS
