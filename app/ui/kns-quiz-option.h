/* kns-quiz-option.h — one answer of a quiz question, to tick
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

#include "kns-quiz.h"

G_BEGIN_DECLS

/* What an option says once the question is answered. */
typedef enum
{
  KNS_QUIZ_OPTION_ASKING,       /* not answered yet */
  KNS_QUIZ_OPTION_RIGHT_CHOSEN,
  KNS_QUIZ_OPTION_WRONG_CHOSEN,
  KNS_QUIZ_OPTION_RIGHT_MISSED, /* right, and not chosen */
  KNS_QUIZ_OPTION_WRONG_LEFT,   /* wrong, and rightly not chosen */
} KnsQuizOptionVerdict;

#define KNS_TYPE_QUIZ_OPTION (kns_quiz_option_get_type ())

G_DECLARE_FINAL_TYPE (KnsQuizOption, kns_quiz_option, KNS, QUIZ_OPTION, GtkToggleButton)

GtkWidget            *kns_quiz_option_new          (const KnsOption      *option,
                                                    guint                 index,
                                                    guint                 position,
                                                    gboolean              multiple);
guint                 kns_quiz_option_get_index    (KnsQuizOption        *self);
char                  kns_quiz_option_get_letter   (KnsQuizOption        *self);
void                  kns_quiz_option_set_verdict  (KnsQuizOption        *self,
                                                    KnsQuizOptionVerdict  verdict);
KnsQuizOptionVerdict  kns_quiz_option_get_verdict  (KnsQuizOption        *self);
const char           *kns_quiz_option_get_verdict_text (KnsQuizOption    *self);

G_END_DECLS
