/* fuzz-main.c — the libFuzzer entry point
 *
 * Copyright 2026 The Kỹ năng số authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "fuzz-content.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  kns_fuzz_parse (data, size);
  return 0;
}
