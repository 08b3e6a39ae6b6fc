/* kns-quiz-view.h — one question at a time
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

#define KNS_TYPE_QUIZ_VIEW (kns_quiz_view_get_type ())

G_DECLARE_FINAL_TYPE (KnsQuizView, kns_quiz_view, KNS, QUIZ_VIEW, AdwBin)

gboolean   kns_quiz_view_start              (KnsQuizView  *self,
                                             KnsStore     *store,
                                             gint64        learner_id,
                                             KnsLesson    *lesson,
                                             guint         tier,
                                             guint         pass_mark,
                                             GError      **error);
void       kns_quiz_view_clear              (KnsQuizView  *self);
gboolean   kns_quiz_view_is_mid_question    (KnsQuizView  *self);
guint      kns_quiz_view_get_question_index (KnsQuizView  *self);
gint64     kns_quiz_view_get_attempt_id     (KnsQuizView  *self);
GtkWidget *kns_quiz_view_get_option         (KnsQuizView  *self,
                                             guint         index);
GtkWidget *kns_quiz_view_get_option_at      (KnsQuizView  *self,
                                             guint         position);
GtkWidget *kns_quiz_view_get_action_button  (KnsQuizView  *self);
KnsSpeech *kns_quiz_view_get_speech         (KnsQuizView  *self);
void       kns_quiz_view_set_speech         (KnsQuizView  *self,
                                             KnsSpeech    *speech);

G_END_DECLS
