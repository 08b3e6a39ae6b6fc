/* kns-text.h — checks on raw text before it is parsed
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

#include "kns-content-private.h"

G_BEGIN_DECLS

gboolean kns_text_check              (KnsParseContext *ctx,
                                      const char      *text,
                                      gsize            length);
gboolean kns_text_split_front_matter (KnsParseContext *ctx,
                                      const char      *text,
                                      char           **front_matter,
                                      const char     **body,
                                      guint           *body_line);
char    *kns_text_strip              (const char      *text);
gboolean kns_text_is_plain_nfc       (gunichar         c);

G_END_DECLS
