/* kns-store-records.c — the plain records the store hands out
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

#define G_LOG_DOMAIN "kns-store"

#include "kns-config.h"

#include "kns-store.h"

G_DEFINE_BOXED_TYPE (KnsLearner, kns_learner, kns_learner_copy, kns_learner_free)
G_DEFINE_BOXED_TYPE (KnsProgress, kns_progress, kns_progress_copy, kns_progress_free)
G_DEFINE_BOXED_TYPE (KnsAnswer, kns_answer, kns_answer_copy, kns_answer_free)
G_DEFINE_BOXED_TYPE (KnsAttempt, kns_attempt, kns_attempt_copy, kns_attempt_free)
G_DEFINE_BOXED_TYPE (KnsClassSession, kns_class_session,
                     kns_class_session_copy, kns_class_session_free)

KnsLearner *
kns_learner_copy (const KnsLearner *learner)
{
  KnsLearner *copy;

  g_return_val_if_fail (learner != NULL, NULL);

  copy = g_memdup2 (learner, sizeof *learner);
  copy->nickname = g_strdup (learner->nickname);
  copy->class_label = g_strdup (learner->class_label);
  copy->avatar = g_strdup (learner->avatar);
  return copy;
}

void
kns_learner_free (KnsLearner *learner)
{
  if (learner == NULL)
    return;

  g_free (learner->nickname);
  g_free (learner->class_label);
  g_free (learner->avatar);
  g_free (learner);
}

KnsProgress *
kns_progress_copy (const KnsProgress *progress)
{
  KnsProgress *copy;

  g_return_val_if_fail (progress != NULL, NULL);

  copy = g_memdup2 (progress, sizeof *progress);
  copy->lesson_id = g_strdup (progress->lesson_id);
  copy->lesson_version = g_strdup (progress->lesson_version);
  return copy;
}

void
kns_progress_free (KnsProgress *progress)
{
  if (progress == NULL)
    return;

  g_free (progress->lesson_id);
  g_free (progress->lesson_version);
  g_free (progress);
}

KnsAnswer *
kns_answer_copy (const KnsAnswer *answer)
{
  KnsAnswer *copy;

  g_return_val_if_fail (answer != NULL, NULL);

  copy = g_memdup2 (answer, sizeof *answer);
  copy->question_id = g_strdup (answer->question_id);
  return copy;
}

void
kns_answer_free (KnsAnswer *answer)
{
  if (answer == NULL)
    return;

  g_free (answer->question_id);
  g_free (answer);
}

KnsAttempt *
kns_attempt_copy (const KnsAttempt *attempt)
{
  KnsAttempt *copy;

  g_return_val_if_fail (attempt != NULL, NULL);

  copy = g_memdup2 (attempt, sizeof *attempt);
  copy->lesson_id = g_strdup (attempt->lesson_id);
  copy->lesson_version = g_strdup (attempt->lesson_version);
  copy->answers = g_ptr_array_new_with_free_func ((GDestroyNotify) kns_answer_free);
  for (guint i = 0; attempt->answers != NULL && i < attempt->answers->len; i++)
    g_ptr_array_add (copy->answers, kns_answer_copy (g_ptr_array_index (attempt->answers, i)));
  return copy;
}

void
kns_attempt_free (KnsAttempt *attempt)
{
  if (attempt == NULL)
    return;

  g_free (attempt->lesson_id);
  g_free (attempt->lesson_version);
  g_clear_pointer (&attempt->answers, g_ptr_array_unref);
  g_free (attempt);
}

KnsClassSession *
kns_class_session_copy (const KnsClassSession *session)
{
  KnsClassSession *copy;

  g_return_val_if_fail (session != NULL, NULL);

  copy = g_memdup2 (session, sizeof *session);
  copy->uuid = g_strdup (session->uuid);
  copy->class_label = g_strdup (session->class_label);
  copy->title = g_strdup (session->title);
  copy->lesson_ids = g_strdupv (session->lesson_ids);
  copy->notes = g_strdup (session->notes);
  return copy;
}

void
kns_class_session_free (KnsClassSession *session)
{
  if (session == NULL)
    return;

  g_free (session->uuid);
  g_free (session->class_label);
  g_free (session->title);
  g_strfreev (session->lesson_ids);
  g_free (session->notes);
  g_free (session);
}
