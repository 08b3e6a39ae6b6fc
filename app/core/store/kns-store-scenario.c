/* kns-store-scenario.c — scenario runs, kept as quiz attempts
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
 * A run through a scenario uses the quiz tables as they are, with no
 * schema of its own:
 *
 * - the run is an attempt: lesson_id is the scenario's id,
 *   lesson_version its version, n_questions 1 (one outcome);
 * - each choice is an answer: question_id the scene's id ("scene#2",
 *   "scene#3"… when a loop brings the child back to a scene), chosen
 *   the mask 1 << choice index, correct 0 (a choice is neither right
 *   nor wrong; the ending says how it went), in its own transaction;
 * - the ending reached closes the run: one more answer, question_id the
 *   ending scene's id, chosen 0, correct 1 when safe; then n_correct
 *   is 1 or 0, score 100 or 0, passed = safe, and the lesson is done
 *   and counted in the tallies exactly as a finished quiz is (one
 *   attempt; a completion the first time).
 *
 * An unfinished run is found again with kns_store_get_open_attempt(),
 * and replayed choice by choice.
 */

#define G_LOG_DOMAIN "kns-store"

#include "kns-config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kns-store-private.h"
#include "kns-store-scenario.h"

/**
 * kns_store_start_scenario:
 * @tier: the scenario's tier, for the tallies
 *
 * Opens a new run, replacing one left open, and marks the scenario
 * started (one already done stays done).
 *
 * Returns: (transfer full): the open run, without choices
 */
KnsAttempt *
kns_store_start_scenario (KnsStore    *self,
                          gint64       learner_id,
                          const char  *scenario_id,
                          const char  *scenario_version,
                          guint        tier,
                          GError     **error)
{
  g_return_val_if_fail (KNS_IS_STORE (self), NULL);

  return kns_store_start_attempt (self, learner_id, scenario_id, scenario_version, tier, 1, error);
}

/* The run's state, inside the caller's transaction. */
static gboolean
check_open (KnsStore    *self,
            gint64       attempt_id,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = kns_store_prepare (self, "SELECT finished FROM attempt WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, attempt_id);

  rc = kns_store_step (self, stmt, error);
  if (rc == 0)
    return FALSE;
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, KNS_STORE_ERROR, KNS_STORE_ERROR_NOT_FOUND,
                           _("This scenario is no longer on this computer."));
      return FALSE;
    }
  if (sqlite3_column_int64 (stmt, 0) != 0)
    {
      g_set_error_literal (error, KNS_STORE_ERROR, KNS_STORE_ERROR_INVALID,
                           _("This scenario is already finished."));
      return FALSE;
    }
  return TRUE;
}

/* "scene" the first time the run passes through it, then "scene#2"… */
static char *
visit_id (KnsStore    *self,
          gint64       attempt_id,
          const char  *scene_id,
          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int visits;

  stmt = kns_store_prepare (self,
                            "SELECT count (*) FROM answer WHERE attempt_id = ?1 AND "
                            "  (question_id = ?2 OR "
                            "   substr (question_id, 1, length (?2) + 1) = ?2 || '#')",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, attempt_id);
  sqlite3_bind_text (stmt, 2, scene_id, -1, SQLITE_STATIC);
  if (kns_store_step (self, stmt, error) != SQLITE_ROW)
    return NULL;

  visits = sqlite3_column_int (stmt, 0);
  return visits == 0 ? g_strdup (scene_id) : g_strdup_printf ("%s#%d", scene_id, visits + 1);
}

/**
 * kns_store_record_choice:
 * @scene_id: the scene the choice was made in
 * @choice: the index of the choice, from 0
 *
 * Saves one choice in its own committed transaction.
 */
gboolean
kns_store_record_choice (KnsStore    *self,
                         gint64       attempt_id,
                         const char  *scene_id,
                         guint        choice,
                         GError     **error)
{
  g_autofree char *question_id = NULL;

  g_return_val_if_fail (KNS_IS_STORE (self), FALSE);
  g_return_val_if_fail (scene_id != NULL && *scene_id != '\0', FALSE);
  g_return_val_if_fail (choice < 32, FALSE);

  if (!kns_store_begin (self, error))
    return FALSE;
  if (!check_open (self, attempt_id, error) ||
      !(question_id = visit_id (self, attempt_id, scene_id, error)) ||
      !kns_store_insert_answer (self, attempt_id, question_id, 1u << choice, FALSE, error))
    return kns_store_rollback (self);
  return kns_store_commit (self, error);
}

/* The ending is one more answer; the run is then scored 100 or 0 and
 * closed and counted as a finished quiz is. */
static gboolean
close_run (KnsStore    *self,
           KnsAttempt  *attempt,
           const char  *ending_id,
           gboolean     safe,
           GError     **error)
{
  attempt->n_correct = safe ? 1 : 0;
  attempt->score = safe ? 100 : 0;
  attempt->passed = safe;

  return kns_store_insert_answer (self, attempt->id, ending_id, 0, safe, error) &&
         kns_store_close_counted (self, attempt, error);
}

/**
 * kns_store_finish_scenario:
 * @ending_id: the id of the ending scene reached
 * @safe: whether that ending is a safe one
 *
 * Records the ending, closes the run with a score of 100 (safe) or 0,
 * marks the scenario done and counts it in the tallies, all in one
 * transaction.
 *
 * Returns: (transfer full): the finished run with its choices and ending
 */
KnsAttempt *
kns_store_finish_scenario (KnsStore    *self,
                           gint64       attempt_id,
                           const char  *ending_id,
                           gboolean     safe,
                           GError     **error)
{
  g_autoptr(KnsAttempt) attempt = NULL;

  g_return_val_if_fail (KNS_IS_STORE (self), NULL);
  g_return_val_if_fail (ending_id != NULL && *ending_id != '\0', NULL);

  if (!kns_store_begin (self, error))
    return NULL;
  if (!check_open (self, attempt_id, error) ||
      !(attempt = kns_store_get_attempt (self, attempt_id, error)) ||
      !close_run (self, attempt, ending_id, safe, error))
    {
      kns_store_rollback (self);
      return NULL;
    }
  if (!kns_store_commit (self, error))
    return NULL;

  return kns_store_get_attempt (self, attempt_id, error);
}

/* Whether @answer is a choice made in @scene_id, on any visit. */
gboolean
kns_store_answer_is_scene (const KnsAnswer *answer,
                           const char      *scene_id)
{
  gsize len;

  g_return_val_if_fail (answer != NULL, FALSE);
  g_return_val_if_fail (scene_id != NULL, FALSE);

  len = strlen (scene_id);
  return strncmp (answer->question_id, scene_id, len) == 0 &&
         (answer->question_id[len] == '\0' || answer->question_id[len] == '#');
}

/* The index of the choice @answer records, or -1 for an ending. */
gint
kns_store_answer_get_choice (const KnsAnswer *answer)
{
  g_return_val_if_fail (answer != NULL, -1);

  return answer->chosen != 0 ? g_bit_nth_lsf (answer->chosen, -1) : -1;
}
