/* kns-lesson-card.h — a lesson or a scenario on the home page
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

G_BEGIN_DECLS

/* Where a child stands with a lesson, as its card shows it. */
typedef enum
{
  KNS_CARD_NOT_STARTED,
  KNS_CARD_READING,       /* opened, not finished */
  KNS_CARD_QUIZ_STARTED,  /* a quiz begun and not finished */
  KNS_CARD_FINISHED,      /* read to the end; no quiz taken */
  KNS_CARD_PASSED,        /* a quiz at the pass mark, or a safe ending */
  KNS_CARD_NOT_PASSED,    /* a quiz below the pass mark, or no safe ending yet */
} KnsCardState;

#define KNS_TYPE_LESSON_CARD (kns_lesson_card_get_type ())

G_DECLARE_FINAL_TYPE (KnsLessonCard, kns_lesson_card, KNS, LESSON_CARD, GtkFlowBoxChild)

GtkWidget    *kns_lesson_card_new              (KnsLesson     *lesson,
                                                guint          number,
                                                KnsCardState   state,
                                                int            score);
KnsLesson    *kns_lesson_card_get_lesson       (KnsLessonCard *self);
KnsCardState  kns_lesson_card_get_state        (KnsLessonCard *self);
GtkWidget    *kns_lesson_card_get_button       (KnsLessonCard *self);
GtkWidget    *kns_lesson_card_get_retry_button (KnsLessonCard *self);

G_END_DECLS
