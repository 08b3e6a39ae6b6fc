/* kns-school-key.h — the key that seals a school's report bundles
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

#include "kns-store.h"

G_BEGIN_DECLS

#define KNS_SCHOOL_KEY_SIZE 32
/* The shortest passphrase taken, in characters. */
#define KNS_SCHOOL_PASSPHRASE_MIN 10

/* The setting that holds the key (base64); never the passphrase. */
#define KNS_STORE_SETTING_SCHOOL_KEY "school-report-key"

gboolean kns_school_key_is_set          (KnsStore    *store);
gboolean kns_school_key_get             (KnsStore    *store,
                                         guint8       key[KNS_SCHOOL_KEY_SIZE],
                                         GError     **error);
gboolean kns_school_key_derive          (const char  *passphrase,
                                         guint8       key[KNS_SCHOOL_KEY_SIZE],
                                         GError     **error);
gboolean kns_school_key_set_passphrase  (KnsStore    *store,
                                         const char  *passphrase,
                                         GError     **error);
gboolean kns_school_key_set             (KnsStore    *store,
                                         const guint8 key[KNS_SCHOOL_KEY_SIZE],
                                         GError     **error);

G_END_DECLS
