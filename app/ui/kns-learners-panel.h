/* kns-learners-panel.h — teacher mode: correct, delete, archive learners
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

#define KNS_TYPE_LEARNERS_PANEL (kns_learners_panel_get_type ())

G_DECLARE_FINAL_TYPE (KnsLearnersPanel, kns_learners_panel, KNS, LEARNERS_PANEL, AdwBin)

void       kns_learners_panel_refresh    (KnsLearnersPanel *self,
                                         KnsStore         *store);
guint      kns_learners_panel_get_n_rows (KnsLearnersPanel *self);
GtkWidget *kns_learners_panel_get_row    (KnsLearnersPanel *self,
                                         gint64            learner_id);

G_END_DECLS
