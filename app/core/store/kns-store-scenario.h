/* kns-store-scenario.h — scenario runs, kept as quiz attempts
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

#include "kns-store.h"

G_BEGIN_DECLS

KnsAttempt *kns_store_start_scenario     (KnsStore    *self,
                                          gint64       learner_id,
                                          const char  *scenario_id,
                                          const char  *scenario_version,
                                          guint        tier,
                                          GError     **error);
gboolean    kns_store_record_choice      (KnsStore    *self,
                                          gint64       attempt_id,
                                          const char  *scene_id,
                                          guint        choice,
                                          GError     **error);
KnsAttempt *kns_store_finish_scenario    (KnsStore    *self,
                                          gint64       attempt_id,
                                          const char  *ending_id,
                                          gboolean     safe,
                                          GError     **error);
gboolean    kns_store_answer_is_scene    (const KnsAnswer *answer,
                                          const char      *scene_id);
gint        kns_store_answer_get_choice  (const KnsAnswer *answer);

G_END_DECLS
