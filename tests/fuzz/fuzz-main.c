/* fuzz-main.c — the libFuzzer entry point, built once a target
 *
 * Copyright 2026 The Kỹ năng số authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * KNS_FUZZ_TARGET names the function, as tests/fuzz/meson.build sets it.
 */

#include "fuzz-targets.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  (void) KNS_FUZZ_TARGET (data, size);
  return 0;
}
