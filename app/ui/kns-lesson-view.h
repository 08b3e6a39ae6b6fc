/* kns-lesson-view.h — reads a lesson to a child
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

#define KNS_TYPE_LESSON_VIEW (kns_lesson_view_get_type ())

G_DECLARE_FINAL_TYPE (KnsLessonView, kns_lesson_view, KNS, LESSON_VIEW, AdwBin)

void       kns_lesson_view_show          (KnsLessonView *self,
                                          KnsStore      *store,
                                          gint64         learner_id,
                                          KnsLesson     *lesson,
                                          guint          position);
void       kns_lesson_view_save_position (KnsLessonView *self);
void       kns_lesson_view_clear         (KnsLessonView *self);
KnsLesson *kns_lesson_view_get_lesson    (KnsLessonView *self);
guint      kns_lesson_view_get_position  (KnsLessonView *self);
void       kns_lesson_view_set_speech    (KnsLessonView *self,
                                          KnsSpeech     *speech);

G_END_DECLS
