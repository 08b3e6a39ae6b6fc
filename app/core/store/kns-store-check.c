/* kns-store-check.c — the session's check, before and after, and its tallies
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
 * Tables of schema 4 (kns-store-schema.c). A check is taken inside a
 * running class session: the "before" once, the "after" only once the
 * "before" is finished. Each answer is its own transaction; finishing
 * writes the anonymous tally_check rows in the same transaction that
 * closes the check, so a report never sees half a check.
 */

#define G_LOG_DOMAIN "kns-store"

#include "kns-config.h"

#include <glib/gi18n.h>
#include <sodium.h>

#include "kns-store-private.h"

G_DEFINE_BOXED_TYPE (KnsCheckRun, kns_check_run, kns_check_run_copy, kns_check_run_free)

KnsCheckRun *
kns_check_run_copy (const KnsCheckRun *run)
{
  KnsCheckRun *copy;

  g_return_val_if_fail (run != NULL, NULL);

  copy = g_memdup2 (run, sizeof *run);
  copy->session_uuid = g_strdup (run->session_uuid);
  copy->check_id = g_strdup (run->check_id);
  copy->check_version = g_strdup (run->check_version);
  copy->answers = g_ptr_array_new_with_free_func ((GDestroyNotify) kns_answer_free);
  for (guint i = 0; run->answers != NULL && i < run->answers->len; i++)
    g_ptr_array_add (copy->answers, kns_answer_copy (g_ptr_array_index (run->answers, i)));
  return copy;
}

void
kns_check_run_free (KnsCheckRun *run)
{
  if (run == NULL)
    return;
  g_free (run->session_uuid);
  g_free (run->check_id);
  g_free (run->check_version);
  g_clear_pointer (&run->answers, g_ptr_array_unref);
  g_free (run);
}

void
kns_check_row_free (KnsCheckRow *row)
{
  if (row == NULL)
    return;
  g_free (row->session_uuid);
  g_free (row);
}

static gboolean
read_answers (KnsStore     *self,
              KnsCheckRun  *run,
              GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = kns_store_prepare (self,
                            "SELECT question_id, chosen, correct, answered FROM check_answer "
                            "WHERE learner_id = ? AND session_uuid = ? AND phase = ? "
                            "ORDER BY answered, question_id",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, run->learner_id);
  sqlite3_bind_text (stmt, 2, run->session_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, run->phase);

  run->n_correct = 0;
  while ((rc = kns_store_step (self, stmt, error)) == SQLITE_ROW)
    {
      KnsAnswer *answer = g_new0 (KnsAnswer, 1);

      answer->question_id = kns_store_column_dup (stmt, 0);
      answer->chosen = (guint32) sqlite3_column_int64 (stmt, 1);
      answer->correct = sqlite3_column_int (stmt, 2) != 0;
      answer->answered = sqlite3_column_int64 (stmt, 3);
      run->n_correct += answer->correct;
      g_ptr_array_add (run->answers, answer);
    }
  return rc == SQLITE_DONE;
}

/* The pupil's run, or NULL without an error when there is none. */
static KnsCheckRun *
read_run (KnsStore       *self,
          gint64          learner_id,
          const char     *session_uuid,
          KnsCheckPhase   phase,
          gint64         *taker,
          GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(KnsCheckRun) run = NULL;
  int rc;

  stmt = kns_store_prepare (self,
                            "SELECT check_id, check_version, tier, started, finished, taker "
                            "FROM check_taken WHERE learner_id = ? AND session_uuid = ? AND phase = ?",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, learner_id);
  sqlite3_bind_text (stmt, 2, session_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, phase);

  rc = kns_store_step (self, stmt, error);
  if (rc != SQLITE_ROW)
    return NULL;

  run = g_new0 (KnsCheckRun, 1);
  run->learner_id = learner_id;
  run->session_uuid = g_strdup (session_uuid);
  run->phase = phase;
  run->check_id = kns_store_column_dup (stmt, 0);
  run->check_version = kns_store_column_dup (stmt, 1);
  run->tier = (guint) sqlite3_column_int (stmt, 2);
  run->started = sqlite3_column_int64 (stmt, 3);
  run->finished = sqlite3_column_int64 (stmt, 4);
  if (taker != NULL)
    *taker = sqlite3_column_int64 (stmt, 5);
  run->answers = g_ptr_array_new_with_free_func ((GDestroyNotify) kns_answer_free);
  if (!read_answers (self, run, error))
    return NULL;
  return g_steal_pointer (&run);
}

/**
 * kns_store_get_check_run:
 *
 * Returns: (transfer full) (nullable): the pupil's check of @phase in the
 *   session, or %NULL (without an error) when they have not started it
 */
KnsCheckRun *
kns_store_get_check_run (KnsStore       *self,
                         gint64          learner_id,
                         const char     *session_uuid,
                         KnsCheckPhase   phase,
                         GError        **error)
{
  g_return_val_if_fail (KNS_IS_STORE (self), NULL);
  g_return_val_if_fail (session_uuid != NULL, NULL);

  return read_run (self, learner_id, session_uuid, phase, NULL, error);
}

static gboolean
session_is_running (KnsStore    *self,
                    const char  *session_uuid,
                    GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = kns_store_prepare (self, "SELECT 1 FROM class_session WHERE uuid = ? AND ended = 0",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, session_uuid, -1, SQLITE_STATIC);
  switch (kns_store_step (self, stmt, error))
    {
    case SQLITE_ROW:
      return TRUE;
    case SQLITE_DONE:
      g_set_error_literal (error, KNS_STORE_ERROR, KNS_STORE_ERROR_NOT_FOUND,
                           _("The class session has ended."));
      return FALSE;
    default:
      return FALSE;
    }
}

/* A random taker, never 0, that says nothing about the pupil. */
static gint64
new_taker (void)
{
  gint64 taker = 0;

  while (taker <= 0)
    {
      randombytes_buf (&taker, sizeof taker);
      taker &= G_MAXINT64;
    }
  return taker;
}

static gboolean
insert_run (KnsStore       *self,
            gint64          learner_id,
            const char     *session_uuid,
            KnsCheckPhase   phase,
            const char     *check_id,
            const char     *check_version,
            guint           tier,
            GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(KnsCheckRun) before = NULL;
  gint64 taker = 0;

  if (!session_is_running (self, session_uuid, error))
    return FALSE;

  if (phase == KNS_CHECK_AFTER)
    {
      before = read_run (self, learner_id, session_uuid, KNS_CHECK_BEFORE, &taker, error);
      if (before == NULL || before->finished == 0)
        {
          if (error != NULL && *error == NULL)
            g_set_error_literal (error, KNS_STORE_ERROR, KNS_STORE_ERROR_INVALID,
                                 _("The check at the end of the session comes after the one at "
                                   "its start."));
          return FALSE;
        }
    }
  else
    taker = new_taker ();

  stmt = kns_store_prepare (self,
                            "INSERT INTO check_taken (learner_id, session_uuid, phase, check_id, "
                            "  check_version, tier, taker, started) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, learner_id);
  sqlite3_bind_text (stmt, 2, session_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, phase);
  sqlite3_bind_text (stmt, 4, check_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, check_version, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 6, (int) tier);
  sqlite3_bind_int64 (stmt, 7, taker);
  sqlite3_bind_int64 (stmt, 8, kns_store_now (self));
  return kns_store_run (self, stmt, error);
}

/**
 * kns_store_start_check:
 * @session_uuid: the running session
 *
 * Starts the pupil's check of @phase, or returns the one they started
 * before (a crash, a sign-out half-way): a check is taken once a session.
 * The "after" check needs a finished "before".
 *
 * Returns: (transfer full) (nullable): the run, with its answers so far
 */
KnsCheckRun *
kns_store_start_check (KnsStore       *self,
                       gint64          learner_id,
                       const char     *session_uuid,
                       KnsCheckPhase   phase,
                       const char     *check_id,
                       const char     *check_version,
                       guint           tier,
                       GError        **error)
{
  g_autoptr(KnsCheckRun) run = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (KNS_IS_STORE (self), NULL);
  g_return_val_if_fail (session_uuid != NULL && check_id != NULL && check_version != NULL, NULL);
  g_return_val_if_fail (phase == KNS_CHECK_BEFORE || phase == KNS_CHECK_AFTER, NULL);

  run = read_run (self, learner_id, session_uuid, phase, NULL, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (run != NULL)
    return g_steal_pointer (&run);

  if (!kns_store_begin (self, error))
    return NULL;
  if (!insert_run (self, learner_id, session_uuid, phase, check_id, check_version, tier, error))
    {
      kns_store_rollback (self);
      return NULL;
    }
  if (!kns_store_commit (self, error))
    return NULL;
  return read_run (self, learner_id, session_uuid, phase, NULL, error);
}

/**
 * kns_store_record_check_answer:
 * @skill: the question's skill group, 1–3
 *
 * Saves one answer of an open check, in its own transaction. A question
 * is answered once.
 */
gboolean
kns_store_record_check_answer (KnsStore          *self,
                               const KnsCheckRun *run,
                               const char        *question_id,
                               guint              skill,
                               guint32            chosen,
                               gboolean           correct,
                               GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (KNS_IS_STORE (self), FALSE);
  g_return_val_if_fail (run != NULL && question_id != NULL, FALSE);
  g_return_val_if_fail (skill >= 1 && skill <= 3, FALSE);

  stmt = kns_store_prepare (self,
                            "INSERT INTO check_answer (learner_id, session_uuid, phase, question_id, "
                            "  skill, chosen, correct, answered) "
                            "SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8 FROM check_taken "
                            "WHERE learner_id = ?1 AND session_uuid = ?2 AND phase = ?3 "
                            "  AND finished = 0",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, run->learner_id);
  sqlite3_bind_text (stmt, 2, run->session_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, run->phase);
  sqlite3_bind_text (stmt, 4, question_id, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, (int) skill);
  sqlite3_bind_int64 (stmt, 6, chosen);
  sqlite3_bind_int (stmt, 7, correct ? 1 : 0);
  sqlite3_bind_int64 (stmt, 8, kns_store_now (self));

  if (!kns_store_begin (self, error))
    return FALSE;
  if (!kns_store_run (self, stmt, error))
    return kns_store_rollback (self);
  if (sqlite3_changes (self->db) == 0)
    {
      kns_store_rollback (self);
      g_set_error_literal (error, KNS_STORE_ERROR, KNS_STORE_ERROR_NOT_FOUND,
                           _("This check is already finished."));
      return FALSE;
    }
  return kns_store_commit (self, error);
}

/* One anonymous row per skill group the check asked about. */
static gboolean
write_tallies (KnsStore          *self,
               const KnsCheckRun *run,
               GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = kns_store_prepare (self,
                            "INSERT INTO tally_check (school_year, session_uuid, taker, tier, phase, "
                            "  skill, asked, answered_right, record_key) "
                            "SELECT ?, t.session_uuid, t.taker, t.tier, t.phase, a.skill, count (*), "
                            "  sum (a.correct), 0 "
                            "FROM check_taken t JOIN check_answer a USING (learner_id, session_uuid, phase) "
                            "WHERE t.learner_id = ? AND t.session_uuid = ? AND t.phase = ? "
                            "GROUP BY a.skill",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, kns_school_year_for_time (kns_store_now (self)));
  sqlite3_bind_int64 (stmt, 2, run->learner_id);
  sqlite3_bind_text (stmt, 3, run->session_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, run->phase);
  if (!kns_store_run (self, stmt, error))
    return FALSE;

  /* Each row its own secret key, drawn here rather than by SQLite's
   * random (), which a test could not make predictable. */
  for (guint skill = 1; skill <= 3; skill++)
    {
      g_autoptr(sqlite3_stmt) key = NULL;

      key = kns_store_prepare (self,
                               "UPDATE tally_check SET record_key = ? "
                               "WHERE session_uuid = ? AND phase = ? AND skill = ? AND taker = "
                               "  (SELECT taker FROM check_taken "
                               "   WHERE learner_id = ? AND session_uuid = ? AND phase = ?)",
                               error);
      if (key == NULL)
        return FALSE;
      sqlite3_bind_int64 (key, 1, kns_store_record_key (self));
      sqlite3_bind_text (key, 2, run->session_uuid, -1, SQLITE_STATIC);
      sqlite3_bind_int (key, 3, run->phase);
      sqlite3_bind_int (key, 4, (int) skill);
      sqlite3_bind_int64 (key, 5, run->learner_id);
      sqlite3_bind_text (key, 6, run->session_uuid, -1, SQLITE_STATIC);
      sqlite3_bind_int (key, 7, run->phase);
      if (!kns_store_run (self, key, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
close_run (KnsStore          *self,
           const KnsCheckRun *run,
           GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = kns_store_prepare (self,
                            "UPDATE check_taken SET finished = ? "
                            "WHERE learner_id = ? AND session_uuid = ? AND phase = ? AND finished = 0",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, kns_store_now (self));
  sqlite3_bind_int64 (stmt, 2, run->learner_id);
  sqlite3_bind_text (stmt, 3, run->session_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, run->phase);
  if (!kns_store_run (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, KNS_STORE_ERROR, KNS_STORE_ERROR_NOT_FOUND,
                           _("This check is already finished."));
      return FALSE;
    }
  return TRUE;
}

/**
 * kns_store_finish_check:
 *
 * Closes the check and counts it, anonymously, in one transaction.
 *
 * Returns: (transfer full) (nullable): the finished run
 */
KnsCheckRun *
kns_store_finish_check (KnsStore          *self,
                        const KnsCheckRun *run,
                        GError           **error)
{
  g_return_val_if_fail (KNS_IS_STORE (self), NULL);
  g_return_val_if_fail (run != NULL, NULL);

  if (!kns_store_begin (self, error))
    return NULL;
  if (!close_run (self, run, error) || !write_tallies (self, run, error))
    {
      kns_store_rollback (self);
      return NULL;
    }
  if (!kns_store_commit (self, error))
    return NULL;
  return read_run (self, run->learner_id, run->session_uuid, run->phase, NULL, error);
}

/**
 * kns_store_list_session_gain:
 *
 * What the teacher sees at the session's end, on this computer: for each
 * skill group and phase, how many pupils finished the check and how many
 * of their answers were right.
 *
 * Returns: (transfer full) (element-type KnsCheckGain): rows by skill
 *   group, then phase
 */
GPtrArray *
kns_store_list_session_gain (KnsStore    *self,
                             const char  *session_uuid,
                             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  int rc;

  g_return_val_if_fail (KNS_IS_STORE (self), NULL);
  g_return_val_if_fail (session_uuid != NULL, NULL);

  stmt = kns_store_prepare (self,
                            "SELECT skill, phase, count (*), sum (asked), sum (answered_right) "
                            "FROM tally_check WHERE session_uuid = ? "
                            "GROUP BY skill, phase ORDER BY skill, phase",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, session_uuid, -1, SQLITE_STATIC);
  while ((rc = kns_store_step (self, stmt, error)) == SQLITE_ROW)
    {
      KnsCheckGain *row = g_new0 (KnsCheckGain, 1);

      row->skill = (guint) sqlite3_column_int (stmt, 0);
      row->phase = (KnsCheckPhase) sqlite3_column_int (stmt, 1);
      row->pupils = (guint) sqlite3_column_int (stmt, 2);
      row->asked = (guint64) sqlite3_column_int64 (stmt, 3);
      row->right = (guint64) sqlite3_column_int64 (stmt, 4);
      g_ptr_array_add (rows, row);
    }
  return rc == SQLITE_DONE ? g_steal_pointer (&rows) : NULL;
}

/**
 * kns_store_count_check_pending:
 *
 * Returns: how many pupils of the session, on this computer, finished
 *   the check at its start and not yet the one at its end
 */
guint
kns_store_count_check_pending (KnsStore    *self,
                               const char  *session_uuid,
                               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (KNS_IS_STORE (self), 0);
  g_return_val_if_fail (session_uuid != NULL, 0);

  stmt = kns_store_prepare (self,
                            "SELECT count (*) FROM check_taken b "
                            "WHERE b.session_uuid = ? AND b.phase = 0 AND b.finished > 0 "
                            "  AND NOT EXISTS (SELECT 1 FROM check_taken a "
                            "    WHERE a.learner_id = b.learner_id "
                            "      AND a.session_uuid = b.session_uuid "
                            "      AND a.phase = 1 AND a.finished > 0)",
                            error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, session_uuid, -1, SQLITE_STATIC);
  if (kns_store_step (self, stmt, error) != SQLITE_ROW)
    return 0;
  return (guint) sqlite3_column_int (stmt, 0);
}

/**
 * kns_store_list_check_rows:
 * @school_year: e.g. 2026 for năm học 2026–2027
 * @sources: this computer's rows, imported ones, or both
 *
 * What the school report's gain table reads: one row per pupil, session,
 * phase and skill group, with its record key; never a learner id. The
 * report sums them per tier × skill group × phase (rows of one session
 * and taker are one pupil before and after, for a report that counts
 * only pupils who took both), and suppresses small cells as it does the
 * other tallies.
 *
 * Returns: (transfer full) (element-type KnsCheckRow): rows by tier,
 *   skill group, phase, session and taker
 */
GPtrArray *
kns_store_list_check_rows (KnsStore         *self,
                           guint             school_year,
                           KnsTallySources   sources,
                           GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) kns_check_row_free);
  int rc;

  g_return_val_if_fail (KNS_IS_STORE (self), NULL);

  stmt = kns_store_prepare (self,
                            "SELECT session_uuid, taker, tier, skill, phase, asked, answered_right, "
                            "  record_key, 0 FROM tally_check WHERE ?2 AND school_year = ?1 "
                            "UNION ALL "
                            "SELECT c.session_uuid, c.taker, c.tier, c.skill, c.phase, c.asked, "
                            "  c.answered_right, c.record_key, 1 FROM import_tally_check c "
                            "  JOIN import_bundle b ON b.id = c.bundle_id "
                            "  WHERE ?3 AND b.school_year = ?1 "
                            "ORDER BY 3, 4, 5, 1, 2",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, school_year);
  sqlite3_bind_int (stmt, 2, (sources & KNS_TALLY_OWN) != 0);
  sqlite3_bind_int (stmt, 3, (sources & KNS_TALLY_IMPORTED) != 0);
  while ((rc = kns_store_step (self, stmt, error)) == SQLITE_ROW)
    {
      KnsCheckRow *row = g_new0 (KnsCheckRow, 1);

      row->school_year = school_year;
      row->session_uuid = kns_store_column_dup (stmt, 0);
      row->taker = sqlite3_column_int64 (stmt, 1);
      row->tier = (guint) sqlite3_column_int (stmt, 2);
      row->skill = (guint) sqlite3_column_int (stmt, 3);
      row->phase = (KnsCheckPhase) sqlite3_column_int (stmt, 4);
      row->asked = (guint) sqlite3_column_int (stmt, 5);
      row->right = (guint) sqlite3_column_int (stmt, 6);
      row->record_key = (guint32) sqlite3_column_int64 (stmt, 7);
      row->imported = sqlite3_column_int (stmt, 8) != 0;
      g_ptr_array_add (rows, row);
    }
  return rc == SQLITE_DONE ? g_steal_pointer (&rows) : NULL;
}
