/* kns-new-learner-page.h — a new child chooses a nickname and a picture
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

#define KNS_TYPE_NEW_LEARNER_PAGE (kns_new_learner_page_get_type ())

G_DECLARE_FINAL_TYPE (KnsNewLearnerPage, kns_new_learner_page, KNS, NEW_LEARNER_PAGE, AdwBin)

void        kns_new_learner_page_reset          (KnsNewLearnerPage *self,
                                                 KnsStore          *store,
                                                 gboolean           guest);
gboolean    kns_new_learner_page_is_guest       (KnsNewLearnerPage *self);
GtkEditable *kns_new_learner_page_get_nickname  (KnsNewLearnerPage *self);
GtkEditable *kns_new_learner_page_get_class     (KnsNewLearnerPage *self);
GtkWidget  *kns_new_learner_page_get_grade_button (KnsNewLearnerPage *self,
                                                   guint              grade);
GtkWidget  *kns_new_learner_page_get_start_button (KnsNewLearnerPage *self);
gboolean    kns_new_learner_page_get_name_warning_visible (KnsNewLearnerPage *self);
GtkWidget  *kns_new_learner_page_get_use_suggestion_button (KnsNewLearnerPage *self);
void        kns_new_learner_page_set_wide       (KnsNewLearnerPage *self,
                                                 gboolean           wide);

G_END_DECLS
