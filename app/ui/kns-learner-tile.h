/* kns-learner-tile.h — a child's picture and nickname on the sign-in screen
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

#include "kns-store.h"

G_BEGIN_DECLS

#define KNS_TYPE_LEARNER_TILE (kns_learner_tile_get_type ())

G_DECLARE_FINAL_TYPE (KnsLearnerTile, kns_learner_tile, KNS, LEARNER_TILE, GtkFlowBoxChild)

GtkWidget        *kns_learner_tile_new             (const KnsLearner *learner);
const KnsLearner *kns_learner_tile_get_learner     (KnsLearnerTile   *self);
GtkWidget        *kns_learner_tile_get_button      (KnsLearnerTile   *self);
void              kns_learner_tile_set_avatar_size (KnsLearnerTile   *self,
                                                    int               size);
int               kns_learner_tile_get_avatar_size (KnsLearnerTile   *self);

G_END_DECLS
