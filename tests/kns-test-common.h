/* kns-test-common.h — what every test and benchmark program shares
 *
 * Copyright 2026 The Kỹ năng số authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GLib only, like app/core: the core tests and the benchmarks use it
 * without GTK. kns-test-util.h adds what the UI tests need.
 */

#pragma once

#include <glib.h>

#include "kns-report.h"
#include "kns-store.h"

G_BEGIN_DECLS

void   kns_test_remove_tree     (const char *path);
int    kns_test_compare_doubles (const void *a,
                                 const void *b);
double kns_test_median          (double     *values,
                                 guint       n);
void   kns_test_bench_exports   (KnsReport  *report);
char  *kns_test_tally           (KnsStore   *store,
                                 const char *lesson_id);

G_END_DECLS
