/* kns-speech-text.h — what "read aloud" says: plain sentences
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

#include "kns-lesson.h"

G_BEGIN_DECLS

char *kns_speech_text_for_blocks   (GPtrArray         *blocks);
char *kns_speech_text_for_lesson   (KnsLesson         *lesson);
char *kns_speech_text_for_scene    (const KnsScene    *scene);
char *kns_speech_text_for_question (const KnsQuestion *question,
                                    guint              number,
                                    gboolean           with_explanation);
char *kns_speech_text_for_shown_question (const KnsQuestion *question,
                                          guint              number,
                                          const guint       *order,
                                          gboolean           with_explanation);
char *kns_speech_text_for_review   (const KnsQuestion *question,
                                    guint              number,
                                    const guint       *order,
                                    guint32            chosen,
                                    gboolean           answered);

G_END_DECLS
