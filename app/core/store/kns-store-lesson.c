/* kns-store-lesson.c — reading progress, quiz attempts and answers
 *
 * Copyright 2026 The Kỹ năng số authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each answer is its own committed transaction before
 * kns_store_record_answer() returns: a power cut after a child clicked
 * loses nothing they answered, and the open attempt resumes where they
 * were (kns_store_get_open_attempt()).
 */

#define G_LOG_DOMAIN "kns-store"

#include "kns-config.h"

#include <glib/gi18n.h>

#include "kns-store-private.h"

#define PROGRESS_COLUMNS \
  "lesson_id, lesson_version, state, position, last_score, best_score, started, updated, completed"
#define ATTEMPT_COLUMNS \
  "id, learner_id, lesson_id, lesson_version, tier, n_questions, started, finished, n_correct, " \
  "score, passed"

static gboolean
set_error (GError        **error,
           KnsStoreError   code,
           const char     *message)
{
  g_set_error_literal (error, KNS_STORE_ERROR, code, message);
  return FALSE;
}

static KnsProgress *
progress_from_row (sqlite3_stmt *stmt)
{
  KnsProgress *progress = g_new0 (KnsProgress, 1);

  progress->lesson_id = kns_store_column_dup (stmt, 0);
  progress->lesson_version = kns_store_column_dup (stmt, 1);
  progress->state = (KnsLessonState) sqlite3_column_int (stmt, 2);
  progress->position = (guint) sqlite3_column_int (stmt, 3);
  progress->last_score = sqlite3_column_int (stmt, 4);
  progress->best_score = sqlite3_column_int (stmt, 5);
  progress->started = sqlite3_column_int64 (stmt, 6);
  progress->updated = sqlite3_column_int64 (stmt, 7);
  progress->completed = sqlite3_column_int64 (stmt, 8);
  return progress;
}

static KnsAttempt *
attempt_from_row (sqlite3_stmt *stmt)
{
  KnsAttempt *attempt = g_new0 (KnsAttempt, 1);

  attempt->id = sqlite3_column_int64 (stmt, 0);
  attempt->learner_id = sqlite3_column_int64 (stmt, 1);
  attempt->lesson_id = kns_store_column_dup (stmt, 2);
  attempt->lesson_version = kns_store_column_dup (stmt, 3);
  attempt->tier = (guint) sqlite3_column_int (stmt, 4);
  attempt->n_questions = (guint) sqlite3_column_int (stmt, 5);
  attempt->started = sqlite3_column_int64 (stmt, 6);
  attempt->finished = sqlite3_column_int64 (stmt, 7);
  attempt->n_correct = (guint) sqlite3_column_int (stmt, 8);
  attempt->score = (guint) sqlite3_column_int (stmt, 9);
  attempt->passed = sqlite3_column_int (stmt, 10) != 0;
  attempt->answers = g_ptr_array_new_with_free_func ((GDestroyNotify) kns_answer_free);
  return attempt;
}

static gboolean
learner_exists (KnsStore  *self,
                gint64     learner_id,
                GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = kns_store_prepare (self, "SELECT 1 FROM learner WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, learner_id);

  rc = kns_store_step (self, stmt, error);
  if (rc == SQLITE_DONE)
    return set_error (error, KNS_STORE_ERROR_NOT_FOUND,
                      _("This learner is no longer on this computer."));
  return rc == SQLITE_ROW;
}

/**
 * kns_store_get_progress:
 *
 * Returns: (transfer full): the learner's progress in the lesson; a
 *   lesson never opened is %KNS_LESSON_NOT_STARTED with scores of -1
 */
KnsProgress *
kns_store_get_progress (KnsStore    *self,
                        gint64       learner_id,
                        const char  *lesson_id,
                        GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  KnsProgress *progress;
  int rc;

  g_return_val_if_fail (KNS_IS_STORE (self), NULL);
  g_return_val_if_fail (lesson_id != NULL, NULL);

  if (!learner_exists (self, learner_id, error))
    return NULL;

  stmt = kns_store_prepare (self,
                            "SELECT " PROGRESS_COLUMNS " FROM progress "
                            "WHERE learner_id = ? AND lesson_id = ?",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, learner_id);
  sqlite3_bind_text (stmt, 2, lesson_id, -1, SQLITE_STATIC);

  rc = kns_store_step (self, stmt, error);
  if (rc == SQLITE_ROW)
    return progress_from_row (stmt);
  if (rc == 0)
    return NULL;

  progress = g_new0 (KnsProgress, 1);
  progress->lesson_id = g_strdup (lesson_id);
  progress->lesson_version = g_strdup ("");
  progress->state = KNS_LESSON_NOT_STARTED;
  progress->last_score = progress->best_score = -1;
  return progress;
}

/**
 * kns_store_list_progress:
 *
 * Returns: (transfer full) (element-type KnsProgress): every lesson the
 *   learner has opened, by lesson id
 */
GPtrArray *
kns_store_list_progress (KnsStore  *self,
                         gint64     learner_id,
                         GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = NULL;
  int rc;

  g_return_val_if_fail (KNS_IS_STORE (self), NULL);

  if (!learner_exists (self, learner_id, error))
    return NULL;

  stmt = kns_store_prepare (self,
                            "SELECT " PROGRESS_COLUMNS " FROM progress WHERE learner_id = ? "
                            "ORDER BY lesson_id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, learner_id);

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) kns_progress_free);
  while ((rc = kns_store_step (self, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (list, progress_from_row (stmt));

  return rc == SQLITE_DONE ? g_steal_pointer (&list) : NULL;
}

/* Progress moves forward only: a lesson once done stays done. */
static gboolean
set_progress_state (KnsStore        *self,
                    gint64           learner_id,
                    const char      *lesson_id,
                    const char      *lesson_version,
                    KnsLessonState   state,
                    gint             position,
                    GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 now = kns_store_now (self);

  stmt = kns_store_prepare (self,
                            "INSERT INTO progress (learner_id, lesson_id, lesson_version, state, "
                            "  position, started, updated) VALUES (?1, ?2, ?3, ?4, max (?5, 0), "
                            "?6, ?6) "
                            "ON CONFLICT (learner_id, lesson_id) DO UPDATE SET "
                            "  lesson_version = excluded.lesson_version, "
                            "  state = CASE WHEN state = 3 THEN 3 ELSE excluded.state END, "
                            "  position = CASE WHEN ?5 < 0 THEN position ELSE ?5 END, "
                            "  updated = excluded.updated",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, learner_id);
  sqlite3_bind_text (stmt, 2, lesson_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, lesson_version, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, state);
  sqlite3_bind_int (stmt, 5, position);
  sqlite3_bind_int64 (stmt, 6, now);
  return kns_store_run (self, stmt, error);
}

/**
 * kns_store_save_reading:
 * @position: where reading stopped, as an index of a block
 *
 * Marks the lesson %KNS_LESSON_READING (a lesson already done stays
 * done) and remembers the position.
 */
gboolean
kns_store_save_reading (KnsStore    *self,
                        gint64       learner_id,
                        const char  *lesson_id,
                        const char  *lesson_version,
                        guint        position,
                        GError     **error)
{
  g_return_val_if_fail (KNS_IS_STORE (self), FALSE);
  g_return_val_if_fail (lesson_id != NULL && lesson_version != NULL, FALSE);
  g_return_val_if_fail (position <= G_MAXINT, FALSE);

  if (!kns_store_begin (self, error))
    return FALSE;
  if (!learner_exists (self, learner_id, error) ||
      !set_progress_state (self, learner_id, lesson_id, lesson_version, KNS_LESSON_READING,
                           (gint) position, error))
    return kns_store_rollback (self);
  return kns_store_commit (self, error);
}

/**
 * kns_store_complete_lesson:
 * @score: the quiz's score, or -1 for a lesson without a quiz
 *
 * Marks the lesson done. The first time a learner completes a lesson it
 * counts as a completion in the tallies. Call inside the event's
 * transaction.
 */
gboolean
kns_store_complete_lesson (KnsStore        *self,
                           const KnsEvent  *event,
                           const char      *lesson_id,
                           const char      *lesson_version,
                           guint            tier,
                           int              score,
                           GError         **error)
{
  g_autoptr(sqlite3_stmt) query = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean first;
  int rc;

  query = kns_store_prepare (self,
                             "SELECT completed FROM progress WHERE learner_id = ? AND lesson_id = "
                             "?",
                             error);
  if (query == NULL)
    return FALSE;
  sqlite3_bind_int64 (query, 1, event->learner_id);
  sqlite3_bind_text (query, 2, lesson_id, -1, SQLITE_STATIC);
  if ((rc = kns_store_step (self, query, error)) == 0)
    return FALSE;
  first = rc == SQLITE_DONE || sqlite3_column_int64 (query, 0) == 0;

  stmt = kns_store_prepare (self,
                            "INSERT INTO progress (learner_id, lesson_id, lesson_version, state, "
                            "  last_score, best_score, started, updated, completed) "
                            "VALUES (?1, ?2, ?3, 3, ?4, ?4, ?5, ?5, ?5) "
                            "ON CONFLICT (learner_id, lesson_id) DO UPDATE SET "
                            "  lesson_version = excluded.lesson_version, state = 3, "
                            "  last_score = CASE WHEN ?4 < 0 THEN last_score ELSE ?4 END, "
                            "  best_score = max (best_score, ?4), updated = ?5, "
                            "  completed = CASE WHEN completed = 0 THEN ?5 ELSE completed END",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, event->learner_id);
  sqlite3_bind_text (stmt, 2, lesson_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, lesson_version, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, score);
  sqlite3_bind_int64 (stmt, 5, event->now);
  if (!kns_store_run (self, stmt, error))
    return FALSE;

  if (!first)
    return TRUE;
  return kns_store_tally_day (self, event, tier, lesson_id, 0, 1, 0, 0, 0, error);
}

static gboolean
complete_reading_counted (KnsStore    *self,
                          gint64       learner_id,
                          const char  *lesson_id,
                          const char  *lesson_version,
                          guint        tier,
                          GError     **error)
{
  g_auto(KnsEvent) event = { 0 };

  return kns_store_event_init (self, &event, learner_id, error) &&
         kns_store_complete_lesson (self, &event, lesson_id, lesson_version, tier, -1, error);
}

/**
 * kns_store_complete_reading:
 * @tier: the lesson's tier, for the tallies
 *
 * For a lesson without a quiz: the lesson is done. A lesson with a quiz
 * is done by kns_store_finish_attempt() instead.
 */
gboolean
kns_store_complete_reading (KnsStore    *self,
                            gint64       learner_id,
                            const char  *lesson_id,
                            const char  *lesson_version,
                            guint        tier,
                            GError     **error)
{
  g_return_val_if_fail (KNS_IS_STORE (self), FALSE);
  g_return_val_if_fail (lesson_id != NULL && *lesson_id != '\0', FALSE);
  g_return_val_if_fail (lesson_version != NULL, FALSE);

  if (!kns_store_begin (self, error))
    return FALSE;
  if (!complete_reading_counted (self, learner_id, lesson_id, lesson_version, tier, error))
    return kns_store_rollback (self);
  return kns_store_commit (self, error);
}

static gboolean
load_answers (KnsStore    *self,
              KnsAttempt  *attempt,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = kns_store_prepare (self,
                            "SELECT question_id, chosen, correct, answered FROM answer "
                            "WHERE attempt_id = ? ORDER BY rowid",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, attempt->id);

  while ((rc = kns_store_step (self, stmt, error)) == SQLITE_ROW)
    {
      KnsAnswer *answer = g_new0 (KnsAnswer, 1);

      answer->question_id = kns_store_column_dup (stmt, 0);
      answer->chosen = (guint32) sqlite3_column_int64 (stmt, 1);
      answer->correct = sqlite3_column_int (stmt, 2) != 0;
      answer->answered = sqlite3_column_int64 (stmt, 3);
      g_ptr_array_add (attempt->answers, answer);
    }
  return rc == SQLITE_DONE;
}

/* Runs @stmt, whose parameters are bound, for at most one attempt. */
static KnsAttempt *
query_attempt (KnsStore      *self,
               sqlite3_stmt  *stmt,
               GError       **error)
{
  g_autoptr(KnsAttempt) attempt = NULL;

  if (kns_store_step (self, stmt, error) != SQLITE_ROW)
    return NULL;

  attempt = attempt_from_row (stmt);
  if (!load_answers (self, attempt, error))
    return NULL;
  return g_steal_pointer (&attempt);
}

static gboolean
open_attempt (KnsStore    *self,
              KnsAttempt  *attempt,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) drop = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;

  /* An earlier attempt left open counts for nothing: a fresh start
   * replaces it, so there is only ever one to resume. */
  drop = kns_store_prepare (self,
                            "DELETE FROM attempt WHERE learner_id = ? AND lesson_id = ? AND "
                            "finished = 0",
                            error);
  if (drop == NULL)
    return FALSE;
  sqlite3_bind_int64 (drop, 1, attempt->learner_id);
  sqlite3_bind_text (drop, 2, attempt->lesson_id, -1, SQLITE_STATIC);
  if (!kns_store_run (self, drop, error))
    return FALSE;

  insert = kns_store_prepare (self,
                              "INSERT INTO attempt (learner_id, lesson_id, lesson_version, tier, "
                              "  n_questions, started) VALUES (?, ?, ?, ?, ?, ?)",
                              error);
  if (insert == NULL)
    return FALSE;
  sqlite3_bind_int64 (insert, 1, attempt->learner_id);
  sqlite3_bind_text (insert, 2, attempt->lesson_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 3, attempt->lesson_version, -1, SQLITE_STATIC);
  sqlite3_bind_int (insert, 4, (int) attempt->tier);
  sqlite3_bind_int (insert, 5, (int) attempt->n_questions);
  sqlite3_bind_int64 (insert, 6, attempt->started);
  if (!kns_store_run (self, insert, error))
    return FALSE;

  attempt->id = sqlite3_last_insert_rowid (self->db);
  return set_progress_state (self, attempt->learner_id, attempt->lesson_id, attempt->lesson_version,
                             KNS_LESSON_QUIZ, -1, error);
}

/**
 * kns_store_start_attempt:
 * @tier: the lesson's tier, for the tallies
 * @n_questions: how many questions the quiz has
 *
 * Opens a new attempt at the lesson's quiz, replacing one left open, and
 * marks the lesson %KNS_LESSON_QUIZ (a lesson already done stays done).
 *
 * Returns: (transfer full): the open attempt, without answers
 */
KnsAttempt *
kns_store_start_attempt (KnsStore    *self,
                         gint64       learner_id,
                         const char  *lesson_id,
                         const char  *lesson_version,
                         guint        tier,
                         guint        n_questions,
                         GError     **error)
{
  g_autoptr(KnsAttempt) attempt = NULL;

  g_return_val_if_fail (KNS_IS_STORE (self), NULL);
  g_return_val_if_fail (lesson_id != NULL && *lesson_id != '\0', NULL);
  g_return_val_if_fail (lesson_version != NULL, NULL);
  g_return_val_if_fail (n_questions > 0 && n_questions <= G_MAXINT, NULL);

  attempt = g_new0 (KnsAttempt, 1);
  attempt->learner_id = learner_id;
  attempt->lesson_id = g_strdup (lesson_id);
  attempt->lesson_version = g_strdup (lesson_version);
  attempt->tier = tier;
  attempt->n_questions = n_questions;
  attempt->started = kns_store_now (self);
  attempt->answers = g_ptr_array_new_with_free_func ((GDestroyNotify) kns_answer_free);

  if (!kns_store_begin (self, error))
    return NULL;
  if (!learner_exists (self, learner_id, error) || !open_attempt (self, attempt, error))
    {
      kns_store_rollback (self);
      return NULL;
    }
  if (!kns_store_commit (self, error))
    return NULL;

  return g_steal_pointer (&attempt);
}

/**
 * kns_store_get_open_attempt:
 *
 * The attempt to resume after an interruption. One opened for another
 * version of the lesson is not returned: its questions may have changed.
 *
 * Returns: (transfer full) (nullable): the open attempt with its
 *   answers, or %NULL without an error if there is none
 */
KnsAttempt *
kns_store_get_open_attempt (KnsStore    *self,
                            gint64       learner_id,
                            const char  *lesson_id,
                            const char  *lesson_version,
                            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (KNS_IS_STORE (self), NULL);
  g_return_val_if_fail (lesson_id != NULL && lesson_version != NULL, NULL);

  stmt = kns_store_prepare (self,
                            "SELECT " ATTEMPT_COLUMNS " FROM attempt "
                            "WHERE learner_id = ? AND lesson_id = ? AND lesson_version = ? "
                            "  AND finished = 0 "
                            "ORDER BY id DESC LIMIT 1",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, learner_id);
  sqlite3_bind_text (stmt, 2, lesson_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, lesson_version, -1, SQLITE_STATIC);

  return query_attempt (self, stmt, error);
}

/**
 * kns_store_get_attempt:
 *
 * Returns: (transfer full): the attempt with its answers
 */
KnsAttempt *
kns_store_get_attempt (KnsStore  *self,
                       gint64     attempt_id,
                       GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  KnsAttempt *attempt;

  g_return_val_if_fail (KNS_IS_STORE (self), NULL);

  stmt = kns_store_prepare (self, "SELECT " ATTEMPT_COLUMNS " FROM attempt WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, attempt_id);

  attempt = query_attempt (self, stmt, &local_error);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else if (attempt == NULL)
    set_error (error, KNS_STORE_ERROR_NOT_FOUND, _("This quiz is no longer on this computer."));
  return attempt;
}

/**
 * kns_store_get_last_attempt:
 *
 * Returns: (transfer full) (nullable): the learner's most recently
 *   finished attempt at the lesson's quiz, with its answers, or %NULL
 *   without an error if there is none
 */
KnsAttempt *
kns_store_get_last_attempt (KnsStore    *self,
                            gint64       learner_id,
                            const char  *lesson_id,
                            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (KNS_IS_STORE (self), NULL);
  g_return_val_if_fail (lesson_id != NULL, NULL);

  stmt = kns_store_prepare (self,
                            "SELECT " ATTEMPT_COLUMNS " FROM attempt "
                            "WHERE learner_id = ? AND lesson_id = ? AND finished > 0 "
                            "ORDER BY finished DESC, id DESC LIMIT 1",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, learner_id);
  sqlite3_bind_text (stmt, 2, lesson_id, -1, SQLITE_STATIC);

  return query_attempt (self, stmt, error);
}

/* Whether another answer may go into the attempt. */
static gboolean
check_answerable (KnsStore    *self,
                  gint64       attempt_id,
                  const char  *question_id,
                  GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = kns_store_prepare (self,
                            "SELECT a.finished, a.n_questions, "
                            "  (SELECT count (*) FROM answer WHERE attempt_id = a.id), "
                            "  EXISTS (SELECT 1 FROM answer WHERE attempt_id = a.id AND "
                            "question_id = ?) "
                            "FROM attempt a WHERE a.id = ?",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, question_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, attempt_id);

  rc = kns_store_step (self, stmt, error);
  if (rc == 0)
    return FALSE;
  if (rc == SQLITE_DONE)
    return set_error (error, KNS_STORE_ERROR_NOT_FOUND,
                      _("This quiz is no longer on this computer."));
  if (sqlite3_column_int64 (stmt, 0) != 0)
    return set_error (error, KNS_STORE_ERROR_INVALID, _("This quiz is already finished."));
  if (sqlite3_column_int (stmt, 3) != 0)
    return set_error (error, KNS_STORE_ERROR_INVALID,
                      _("This question was already answered in this quiz."));
  if (sqlite3_column_int64 (stmt, 2) >= sqlite3_column_int64 (stmt, 1))
    return set_error (error, KNS_STORE_ERROR_INVALID,
                      _("Every question of this quiz is already answered."));
  return TRUE;
}

/* One answer of an open attempt, in the caller's transaction; also a
 * scenario's choices and ending (kns-store-scenario.c). */
gboolean
kns_store_insert_answer (KnsStore    *self,
                         gint64       attempt_id,
                         const char  *question_id,
                         guint32      chosen,
                         gboolean     correct,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = kns_store_prepare (self,
                            "INSERT INTO answer (attempt_id, question_id, chosen, correct, "
                            "answered) "
                            "VALUES (?, ?, ?, ?, ?)",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, attempt_id);
  sqlite3_bind_text (stmt, 2, question_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, chosen);
  sqlite3_bind_int (stmt, 4, correct ? 1 : 0);
  sqlite3_bind_int64 (stmt, 5, kns_store_now (self));
  return kns_store_run (self, stmt, error);
}

/**
 * kns_store_record_answer:
 * @question_id: as in KnsQuestion, such as "q1"
 * @chosen: the bit mask of chosen options
 *
 * Saves one answer in its own committed transaction. Answering the same
 * question twice in one attempt, or answering a finished attempt, is
 * %KNS_STORE_ERROR_INVALID.
 */
gboolean
kns_store_record_answer (KnsStore    *self,
                         gint64       attempt_id,
                         const char  *question_id,
                         guint32      chosen,
                         gboolean     correct,
                         GError     **error)
{
  g_return_val_if_fail (KNS_IS_STORE (self), FALSE);
  g_return_val_if_fail (question_id != NULL && *question_id != '\0', FALSE);

  if (!kns_store_begin (self, error))
    return FALSE;
  if (!check_answerable (self, attempt_id, question_id, error) ||
      !kns_store_insert_answer (self, attempt_id, question_id, chosen, correct, error))
    return kns_store_rollback (self);
  return kns_store_commit (self, error);
}

static gboolean
count_correct (KnsStore    *self,
               KnsAttempt  *attempt,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = kns_store_prepare (self,
                            "SELECT count (*) FROM answer WHERE attempt_id = ? AND correct = 1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, attempt->id);
  if (kns_store_step (self, stmt, error) != SQLITE_ROW)
    return FALSE;

  attempt->n_correct = (guint) sqlite3_column_int (stmt, 0);
  return TRUE;
}

static gboolean
close_attempt (KnsStore        *self,
               KnsAttempt      *attempt,
               const KnsEvent  *event,
               GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = kns_store_prepare (self,
                            "UPDATE attempt SET finished = ?, n_correct = ?, score = ?, passed = ? "
                            "WHERE id = ?",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, event->now);
  sqlite3_bind_int (stmt, 2, (int) attempt->n_correct);
  sqlite3_bind_int (stmt, 3, (int) attempt->score);
  sqlite3_bind_int (stmt, 4, attempt->passed ? 1 : 0);
  sqlite3_bind_int64 (stmt, 5, attempt->id);
  if (!kns_store_run (self, stmt, error))
    return FALSE;

  attempt->finished = event->now;
  return TRUE;
}

/* Closes @attempt with the n_correct, score and passed it holds,
 * completes the lesson and counts both, all in the caller's
 * transaction: a quiz's end, and a scenario's (kns-store-scenario.c). */
gboolean
kns_store_close_counted (KnsStore    *self,
                         KnsAttempt  *attempt,
                         GError     **error)
{
  g_auto(KnsEvent) event = { 0 };

  return kns_store_event_init (self, &event, attempt->learner_id, error) &&
         close_attempt (self, attempt, &event, error) &&
         kns_store_complete_lesson (self, &event, attempt->lesson_id, attempt->lesson_version,
                                    attempt->tier, (int) attempt->score, error) &&
         kns_store_tally_day (self, &event, attempt->tier, attempt->lesson_id, 0, 0, 1,
                              attempt->score, attempt->passed ? 1 : 0, error);
}

/* Scores the attempt from its answers, then closes and counts it. */
static gboolean
finish_counted (KnsStore    *self,
                KnsAttempt  *attempt,
                guint        pass_mark,
                GError     **error)
{
  if (attempt->finished != 0)
    return set_error (error, KNS_STORE_ERROR_INVALID, _("This quiz is already finished."));
  if (!count_correct (self, attempt, error))
    return FALSE;

  /* Rounded half up: 2 right out of 3 is 67. */
  attempt->score = (200 * attempt->n_correct + attempt->n_questions) / (2 * attempt->n_questions);
  attempt->passed = attempt->score >= pass_mark;

  return kns_store_close_counted (self, attempt, error);
}

/**
 * kns_store_finish_attempt:
 * @pass_mark: the percentage needed to pass (the GSettings key pass-mark)
 *
 * Scores the attempt (questions left unanswered count as wrong), marks
 * the lesson done with its last and best scores, and counts the attempt
 * in the tallies, in one transaction.
 *
 * Returns: (transfer full): the finished attempt with its answers
 */
KnsAttempt *
kns_store_finish_attempt (KnsStore  *self,
                          gint64     attempt_id,
                          guint      pass_mark,
                          GError   **error)
{
  g_autoptr(KnsAttempt) attempt = NULL;

  g_return_val_if_fail (KNS_IS_STORE (self), NULL);
  g_return_val_if_fail (pass_mark <= 100, NULL);

  if (!kns_store_begin (self, error))
    return NULL;
  attempt = kns_store_get_attempt (self, attempt_id, error);
  if (attempt == NULL || !finish_counted (self, attempt, pass_mark, error))
    {
      kns_store_rollback (self);
      return NULL;
    }
  if (!kns_store_commit (self, error))
    return NULL;

  return g_steal_pointer (&attempt);
}

/**
 * kns_progress_get_outcome:
 * @progress: (nullable): a learner's progress in a lesson; %NULL for a
 *   lesson never opened
 * @pass_mark: the percentage needed to pass (the GSettings key pass-mark)
 *
 * Passed, not yet passed or not started, from the best score: a learner
 * who passed once and then did worse has still passed. The pass mark is
 * today's, not the one of the day of the quiz, so what the child and the
 * teacher see always agrees with the settings.
 */
KnsLessonOutcome
kns_progress_get_outcome (const KnsProgress *progress,
                          guint              pass_mark)
{
  if (progress == NULL)
    return KNS_OUTCOME_NOT_STARTED;

  switch (progress->state)
    {
    case KNS_LESSON_READING:
    case KNS_LESSON_QUIZ:
      return KNS_OUTCOME_IN_PROGRESS;
    case KNS_LESSON_DONE:
      /* -1: a lesson without a quiz, done once read. */
      return progress->best_score < 0 || (guint) progress->best_score >= pass_mark
               ? KNS_OUTCOME_PASSED
               : KNS_OUTCOME_NOT_PASSED;
    case KNS_LESSON_NOT_STARTED:
    default:
      return KNS_OUTCOME_NOT_STARTED;
    }
}

/**
 * kns_store_get_lesson_outcome:
 * @pass_mark: the percentage needed to pass
 *
 * Returns: how the learner stands with the lesson; %KNS_OUTCOME_NOT_STARTED
 *   with @error set when the store could not be read
 */
KnsLessonOutcome
kns_store_get_lesson_outcome (KnsStore    *self,
                              gint64       learner_id,
                              const char  *lesson_id,
                              guint        pass_mark,
                              GError     **error)
{
  g_autoptr(KnsProgress) progress = NULL;

  g_return_val_if_fail (KNS_IS_STORE (self), KNS_OUTCOME_NOT_STARTED);
  g_return_val_if_fail (lesson_id != NULL, KNS_OUTCOME_NOT_STARTED);

  progress = kns_store_get_progress (self, learner_id, lesson_id, error);
  return kns_progress_get_outcome (progress, pass_mark);
}
