/* kns-bundle-private.h — what the tests and the fuzzer reach inside
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

#include "kns-bundle.h"

G_BEGIN_DECLS

KnsBundle *kns_bundle_parse (GBytes     *bytes,
                             const char *file,
                             gboolean    check_sum,
                             GError    **error);

G_END_DECLS
