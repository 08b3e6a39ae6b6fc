/* kns-quiz.h — a lesson's quiz
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

#include <glib-object.h>

#include "kns-markdown.h"

G_BEGIN_DECLS

/* Options are numbered from 0; a set of chosen options is a bit mask,
 * which is what the store records. */
#define KNS_QUIZ_MAX_OPTIONS 8

typedef struct
{
  GPtrArray *spans; /* KnsSpan */
  char      *text;  /* plain, for screen readers and the store */
  gboolean   correct;
} KnsOption;

typedef struct
{
  char      *id;          /* "q1", "q2"…: stable for one version of the quiz */
  guint      line;
  GPtrArray *prompt;      /* KnsSpan: the heading */
  char      *prompt_text;
  GPtrArray *body;        /* KnsBlock: the situation, between heading and options */
  GPtrArray *options;     /* KnsOption */
  GPtrArray *explanation; /* KnsBlock: shown after answering */
  guint32    correct_mask;
  gboolean   options_failed; /* while parsing: an option had errors */
} KnsQuestion;

#define KNS_TYPE_QUIZ (kns_quiz_get_type ())

typedef struct _KnsQuiz KnsQuiz;

GType        kns_quiz_get_type           (void) G_GNUC_CONST;
KnsQuiz     *kns_quiz_ref                (KnsQuiz           *self);
void         kns_quiz_unref              (KnsQuiz           *self);
guint        kns_quiz_get_n_questions    (KnsQuiz           *self);
KnsQuestion *kns_quiz_get_question       (KnsQuiz           *self,
                                          guint              index);
KnsQuestion *kns_quiz_find_question      (KnsQuiz           *self,
                                          const char        *id);
gboolean     kns_question_is_multiple    (const KnsQuestion *question);
gboolean     kns_question_is_correct     (const KnsQuestion *question,
                                          guint32            chosen_mask);
guint32      kns_question_all_options    (const KnsQuestion *question);
void         kns_question_get_order      (const KnsQuestion *question,
                                          gint64             attempt_id,
                                          guint             *order);
gboolean     kns_option_refers_to_others (const KnsOption   *option);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KnsQuiz, kns_quiz_unref)

G_END_DECLS
