/* kns-store-tally.c — the anonymous counters that reports read
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
 * Every event updates its tallies inside the event's own transaction:
 * either both are saved or neither is. The tallies hold no learner id,
 * so deleting learners never changes a past report. Grade, sex and tier
 * are the learner's at the time of the event.
 */

#define G_LOG_DOMAIN "kns-store"

#include "kns-config.h"

#include <glib/gi18n.h>
#include <sodium.h>
#include <string.h>

#include "kns-school.h"
#include "kns-store-private.h"

void
kns_store_event_clear (KnsEvent *event)
{
  g_clear_pointer (&event->session_uuid, g_free);
}

/**
 * kns_store_event_init:
 *
 * Who and when an event of @learner_id counts for. Call inside the
 * event's transaction. A learner counts in the running session only
 * once they have joined it, by signing in while it runs.
 */
gboolean
kns_store_event_init (KnsStore  *self,
                      KnsEvent  *event,
                      gint64     learner_id,
                      GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *day = NULL;
  int rc;

  memset (event, 0, sizeof *event);
  stmt = kns_store_prepare (self,
                            "SELECT l.grade, l.sex, "
                            "  (SELECT m.session_uuid FROM session_member m "
                            "     JOIN class_session s ON s.uuid = m.session_uuid "
                            "   WHERE m.learner_id = l.id AND s.ended = 0) "
                            "FROM learner l WHERE l.id = ?",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, learner_id);

  rc = kns_store_step (self, stmt, error);
  if (rc == 0)
    return FALSE;
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, KNS_STORE_ERROR, KNS_STORE_ERROR_NOT_FOUND,
                           _("This learner is no longer on this computer."));
      return FALSE;
    }

  event->learner_id = learner_id;
  event->grade = (guint) sqlite3_column_int (stmt, 0);
  /* Sex is stored only while the school records it (kns-store-learner.c). */
  event->sex = (KnsSex) sqlite3_column_int (stmt, 1);
  /* Sign-ins have no lesson to take a tier from: they count in the
   * tier of the grade. */
  event->tier = kns_school_tier_for_grade (event->grade);
  event->session_uuid = sqlite3_column_type (stmt, 2) == SQLITE_NULL
                          ? g_strdup ("")
                          : kns_store_column_dup (stmt, 2);
  event->now = kns_store_now (self);
  event->school_year = kns_school_year_for_time (event->now);
  day = kns_store_format_time (event->now, "%Y-%m-%d");
  g_strlcpy (event->day, day, sizeof event->day);
  return TRUE;
}

/* libsodium's generator: a reader of the database may not foresee keys. */
static guint32
random_key (gpointer user_data)
{
  return randombytes_random ();
}

/**
 * kns_store_set_record_keys:
 * @func: (nullable): where keys come from, or %NULL for secret random ones
 *
 * Tests that compare published figures make keys predictable.
 */
void
kns_store_set_record_keys (KnsStore          *self,
                           KnsStoreRecordKey  func,
                           gpointer           user_data)
{
  g_return_if_fail (KNS_IS_STORE (self));

  self->record_key = func != NULL ? func : random_key;
  self->record_key_data = user_data;
}

guint32
kns_store_record_key (KnsStore *self)
{
  return self->record_key != NULL ? self->record_key (self->record_key_data) : random_key (NULL);
}

/* Each counter that moves gets the key of its one event; key sums are
 * kept modulo 2^32. */
gboolean
kns_store_tally_day (KnsStore        *self,
                     const KnsEvent  *event,
                     guint            tier,
                     const char      *lesson_id,
                     guint            attendances,
                     guint            completions,
                     guint            attempts,
                     guint            score_sum,
                     guint            passes,
                     GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = kns_store_prepare (self,
                            "INSERT INTO tally_day (day, session_uuid, grade, sex, tier, "
                            "lesson_id, "
                            "  attendances, completions, attempts, score_sum, passes, "
                            "  attendance_key, completion_key, attempt_key) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                            "ON CONFLICT (day, session_uuid, grade, sex, tier, lesson_id) DO "
                            "UPDATE SET "
                            "  attendances = attendances + excluded.attendances, "
                            "  completions = completions + excluded.completions, "
                            "  attempts = attempts + excluded.attempts, "
                            "  score_sum = score_sum + excluded.score_sum, "
                            "  passes = passes + excluded.passes, "
                            "  attendance_key = (attendance_key + excluded.attendance_key) & 4294967295, "
                            "  completion_key = (completion_key + excluded.completion_key) & 4294967295, "
                            "  attempt_key = (attempt_key + excluded.attempt_key) & 4294967295",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, event->day, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, event->session_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, (int) event->grade);
  sqlite3_bind_int (stmt, 4, event->sex);
  sqlite3_bind_int (stmt, 5, (int) tier);
  sqlite3_bind_text (stmt, 6, lesson_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 7, attendances);
  sqlite3_bind_int64 (stmt, 8, completions);
  sqlite3_bind_int64 (stmt, 9, attempts);
  sqlite3_bind_int64 (stmt, 10, score_sum);
  sqlite3_bind_int64 (stmt, 11, passes);
  sqlite3_bind_int64 (stmt, 12, attendances > 0 ? kns_store_record_key (self) : 0);
  sqlite3_bind_int64 (stmt, 13, completions > 0 ? kns_store_record_key (self) : 0);
  sqlite3_bind_int64 (stmt, 14, attempts > 0 ? kns_store_record_key (self) : 0);
  return kns_store_run (self, stmt, error);
}

/* Inserts a "seen" row; *first tells whether it was new. */
static gboolean
mark_seen (KnsStore    *self,
           const char  *sql,
           gint64       learner_id,
           gint64       period,
           const char  *period_text,
           const char  *session_uuid,
           gboolean    *first,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = kns_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, learner_id);
  if (period_text != NULL)
    sqlite3_bind_text (stmt, 2, period_text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_int64 (stmt, 2, period);
  sqlite3_bind_text (stmt, 3, session_uuid, -1, SQLITE_STATIC);
  if (!kns_store_run (self, stmt, error))
    return FALSE;

  *first = sqlite3_changes (self->db) > 0;
  return TRUE;
}

/**
 * kns_store_tally_headcount:
 * @session_uuid: "" for the whole school year, or a session
 *
 * Counts the learner once per school year, or once per session.
 */
gboolean
kns_store_tally_headcount (KnsStore        *self,
                           const KnsEvent  *event,
                           const char      *session_uuid,
                           GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean first;

  if (!mark_seen (self,
                  "INSERT OR IGNORE INTO headcount_seen (learner_id, school_year, session_uuid) "
                  "VALUES (?, ?, ?)",
                  event->learner_id, event->school_year, NULL, session_uuid, &first, error))
    return FALSE;
  if (!first)
    return TRUE;

  stmt = kns_store_prepare (self,
                            "INSERT INTO tally_headcount (school_year, session_uuid, grade, sex, "
                            "tier, participants, participant_key) VALUES (?, ?, ?, ?, ?, 1, ?) "
                            "ON CONFLICT (school_year, session_uuid, grade, sex, tier) DO UPDATE "
                            "SET participants = participants + 1, "
                            "  participant_key = (participant_key + excluded.participant_key) "
                            "    & 4294967295",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, event->school_year);
  sqlite3_bind_text (stmt, 2, session_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, (int) event->grade);
  sqlite3_bind_int (stmt, 4, event->sex);
  sqlite3_bind_int (stmt, 5, (int) event->tier);
  sqlite3_bind_int64 (stmt, 6, kns_store_record_key (self));
  return kns_store_run (self, stmt, error);
}

/**
 * kns_store_tally_attendance:
 *
 * One attendance (lượt) the first time a learner signs in on a day, or
 * in a session. Only today's marks matter, so older ones are dropped.
 */
gboolean
kns_store_tally_attendance (KnsStore        *self,
                            const KnsEvent  *event,
                            GError         **error)
{
  g_autoptr(sqlite3_stmt) prune = NULL;
  gboolean first;

  prune = kns_store_prepare (self,
                             "DELETE FROM attendance_seen WHERE learner_id = ? AND day <> ?",
                             error);
  if (prune == NULL)
    return FALSE;
  sqlite3_bind_int64 (prune, 1, event->learner_id);
  sqlite3_bind_text (prune, 2, event->day, -1, SQLITE_STATIC);
  if (!kns_store_run (self, prune, error))
    return FALSE;

  if (!mark_seen (self,
                  "INSERT OR IGNORE INTO attendance_seen (learner_id, day, session_uuid) "
                  "VALUES (?, ?, ?)",
                  event->learner_id, 0, event->day, event->session_uuid, &first, error))
    return FALSE;
  if (!first)
    return TRUE;

  return kns_store_tally_day (self, event, event->tier, "", 1, 0, 0, 0, 0, error);
}
