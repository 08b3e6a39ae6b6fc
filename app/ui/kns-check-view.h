/* kns-check-view.h — the session's check, before and after, for a pupil
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

#include "kns-kit.h"
#include "kns-speech.h"
#include "kns-store.h"

G_BEGIN_DECLS

#define KNS_TYPE_CHECK_VIEW (kns_check_view_get_type ())

G_DECLARE_FINAL_TYPE (KnsCheckView, kns_check_view, KNS, CHECK_VIEW, AdwBin)

gboolean      kns_check_view_start            (KnsCheckView  *self,
                                               KnsStore      *store,
                                               KnsCheck      *check,
                                               gint64         learner_id,
                                               const char    *session_uuid,
                                               KnsCheckPhase  phase,
                                               GError       **error);
void          kns_check_view_clear            (KnsCheckView  *self);
void          kns_check_view_set_speech       (KnsCheckView  *self,
                                               KnsSpeech     *speech);
gboolean      kns_check_view_is_done          (KnsCheckView  *self);
KnsCheckPhase kns_check_view_get_phase        (KnsCheckView  *self);
GtkWidget    *kns_check_view_get_option_at    (KnsCheckView  *self,
                                               guint          position);
guint         kns_check_view_get_option_index (KnsCheckView  *self,
                                               guint          position);
guint         kns_check_view_get_question_index (KnsCheckView *self);
GtkWidget    *kns_check_view_get_action_button (KnsCheckView *self);

G_END_DECLS
