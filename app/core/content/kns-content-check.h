/* kns-content-check.h — `kynangso --check-content`
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

#include "kns-course.h"

G_BEGIN_DECLS

char *kns_content_check_summary (KnsCourse  *course);
int   kns_content_check         (const char *dir,
                                 GString    *out);

G_END_DECLS
