/* kns-nickname.h — playful nicknames, and a check for real names
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

#define KNS_NICKNAME_MAX_CHARS 24

gboolean kns_nickname_looks_like_full_name (const char *nickname);
char    *kns_nickname_normalize            (const char *nickname);
guint    kns_nickname_length               (const char *nickname);
char    *kns_nickname_suggest              (GRand      *rand);
char    *kns_nickname_sort_key             (const char *name);
char    *kns_nickname_match_key            (const char *name);

G_END_DECLS
