/* kns-scenario-view.h — a branching scenario, one scene at a time
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

#include "kns-lesson.h"
#include "kns-speech.h"
#include "kns-store.h"

G_BEGIN_DECLS

#define KNS_TYPE_SCENARIO_VIEW (kns_scenario_view_get_type ())

G_DECLARE_FINAL_TYPE (KnsScenarioView, kns_scenario_view, KNS, SCENARIO_VIEW, AdwBin)

gboolean    kns_scenario_view_start          (KnsScenarioView  *self,
                                              KnsStore         *store,
                                              gint64            learner_id,
                                              KnsLesson        *lesson,
                                              guint             tier,
                                              GError          **error);
void        kns_scenario_view_clear          (KnsScenarioView  *self);
const char *kns_scenario_view_get_scene_id   (KnsScenarioView  *self);
gint64      kns_scenario_view_get_attempt_id (KnsScenarioView  *self);
guint       kns_scenario_view_get_n_steps    (KnsScenarioView  *self);
GtkWidget  *kns_scenario_view_get_choice     (KnsScenarioView  *self,
                                              guint             index);
void        kns_scenario_view_set_speech     (KnsScenarioView  *self,
                                              KnsSpeech        *speech);

G_END_DECLS
