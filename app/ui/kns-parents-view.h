/* kns-parents-view.h — the parents' page, at home
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

#include <adwaita.h>

#include "kns-course.h"
#include "kns-store.h"

G_BEGIN_DECLS

#define KNS_TYPE_PARENTS_VIEW (kns_parents_view_get_type ())

G_DECLARE_FINAL_TYPE (KnsParentsView, kns_parents_view, KNS, PARENTS_VIEW, AdwBin)

void       kns_parents_view_show         (KnsParentsView *self,
                                          KnsCourse      *course,
                                          KnsStore       *store,
                                          guint           pass_mark);
GtkWidget *kns_parents_view_get_progress (KnsParentsView *self);

G_END_DECLS
