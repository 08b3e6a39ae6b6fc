/* fuzz-targets.h — the fuzz targets, also replayed by test-fuzz-regressions
 *
 * Copyright 2026 The Kỹ năng số authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stddef.h>
#include <stdint.h>

/* Each returns whether the input went the whole way: parsed and
 * accepted (and, for a bundle, counted in a report). */
int kns_fuzz_parse  (const uint8_t *data,
                     size_t         size);
int kns_fuzz_bundle (const uint8_t *data,
                     size_t         size);
