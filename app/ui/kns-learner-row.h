/* kns-learner-row.h — a pupil in teacher mode, and the form to correct them
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

#define KNS_TYPE_LEARNER_ROW (kns_learner_row_get_type ())

G_DECLARE_FINAL_TYPE (KnsLearnerRow, kns_learner_row, KNS, LEARNER_ROW, AdwExpanderRow)

GtkWidget  *kns_learner_row_new         (KnsStore         *store,
                                         const KnsLearner *learner,
                                         gboolean          record_sex);
gint64      kns_learner_row_get_id      (KnsLearnerRow    *self);
void        kns_learner_row_set_fields  (KnsLearnerRow    *self,
                                         const char       *nickname,
                                         const char       *class_label,
                                         guint             grade,
                                         KnsSex            sex);
const char *kns_learner_row_get_message (KnsLearnerRow    *self);
GtkEditable *kns_learner_row_get_nickname (KnsLearnerRow  *self);

G_END_DECLS
