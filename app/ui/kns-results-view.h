/* kns-results-view.h — the score, a review of every question, and help
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

#define KNS_TYPE_RESULTS_VIEW (kns_results_view_get_type ())

G_DECLARE_FINAL_TYPE (KnsResultsView, kns_results_view, KNS, RESULTS_VIEW, AdwBin)

void     kns_results_view_show       (KnsResultsView   *self,
                                      KnsLesson        *lesson,
                                      const KnsAttempt *attempt,
                                      guint             pass_mark);
void     kns_results_view_clear      (KnsResultsView   *self);
gboolean kns_results_view_get_passed (KnsResultsView   *self);
gboolean kns_results_view_get_stars  (KnsResultsView   *self);
void     kns_results_view_set_speech (KnsResultsView   *self,
                                      KnsSpeech        *speech);

G_END_DECLS
