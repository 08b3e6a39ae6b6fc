/* fuzz-content.h
 *
 * Copyright 2026 The Kỹ năng số authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stddef.h>
#include <stdint.h>

void kns_fuzz_parse (const uint8_t *data,
                     size_t         size);
