/* kns-store-session.c — class sessions (buổi ngoại khóa)
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
 * At most one session runs at a time (a unique index enforces it).
 * Learners who sign in while it runs join it (kns-store-learner.c); its
 * attendance is read from the headcount tally, so deleting learners
 * does not change it.
 */

#define G_LOG_DOMAIN "kns-store"

#include "kns-config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kns-store-private.h"

#define SESSION_COLUMNS \
  "uuid, class_label, grade, tier, title, format, lesson_ids, started, ended, notes, " \
  "(SELECT coalesce (sum (participants), 0) FROM tally_headcount h WHERE h.session_uuid = s.uuid)"

static KnsClassSession *
session_from_row (sqlite3_stmt *stmt)
{
  KnsClassSession *session = g_new0 (KnsClassSession, 1);

  session->uuid = kns_store_column_dup (stmt, 0);
  session->class_label = kns_store_column_dup (stmt, 1);
  session->grade = (guint) sqlite3_column_int (stmt, 2);
  session->tier = (guint) sqlite3_column_int (stmt, 3);
  session->title = kns_store_column_dup (stmt, 4);
  session->format = (KnsSessionFormat) sqlite3_column_int (stmt, 5);
  if (sqlite3_column_type (stmt, 6) != SQLITE_NULL)
    session->lesson_ids = g_strsplit ((const char *) sqlite3_column_text (stmt, 6), "\n", -1);
  session->started = sqlite3_column_int64 (stmt, 7);
  session->ended = sqlite3_column_int64 (stmt, 8);
  session->notes = kns_store_column_dup (stmt, 9);
  session->attendance = (guint) sqlite3_column_int64 (stmt, 10);
  return session;
}

/* Lesson ids are stored one a line. */
static gboolean
check_lesson_ids (const char * const  *lesson_ids,
                  GError             **error)
{
  for (guint i = 0; lesson_ids != NULL && lesson_ids[i] != NULL; i++)
    if (*lesson_ids[i] == '\0' || strchr (lesson_ids[i], '\n') != NULL)
      {
        g_set_error_literal (error, KNS_STORE_ERROR, KNS_STORE_ERROR_INVALID,
                             _("A lesson of this session has no valid id."));
        return FALSE;
      }
  return TRUE;
}

static KnsClassSession *
query_running (KnsStore  *self,
               GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = kns_store_prepare (self,
                            "SELECT " SESSION_COLUMNS " FROM class_session s WHERE ended = 0",
                            error);
  if (stmt == NULL || kns_store_step (self, stmt, error) != SQLITE_ROW)
    return NULL;
  return session_from_row (stmt);
}

static gboolean
insert_session (KnsStore         *self,
                KnsClassSession  *session,
                GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(KnsClassSession) running = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *lessons = NULL;

  running = query_running (self, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (running != NULL)
    {
      g_set_error (error, KNS_STORE_ERROR, KNS_STORE_ERROR_BUSY,
                   _("The session “%s” is still running; end it before starting another."),
                   running->title);
      return FALSE;
    }

  stmt = kns_store_prepare (self,
                            "INSERT INTO class_session (uuid, class_label, grade, tier, title, "
                            "format, "
                            "  lesson_ids, started) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                            error);
  if (stmt == NULL)
    return FALSE;
  if (session->lesson_ids != NULL)
    lessons = g_strjoinv ("\n", session->lesson_ids);
  sqlite3_bind_text (stmt, 1, session->uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, session->class_label, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, (int) session->grade);
  sqlite3_bind_int (stmt, 4, (int) session->tier);
  sqlite3_bind_text (stmt, 5, session->title, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 6, session->format);
  if (lessons != NULL)
    sqlite3_bind_text (stmt, 7, lessons, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 8, session->started);
  return kns_store_run (self, stmt, error);
}

/**
 * kns_store_start_session:
 * @class_label: (nullable): the class taking part
 * @grade: its grade, 1–12
 * @tier: the tier of the lessons taught
 * @title: (nullable): what the teacher calls it
 * @lesson_ids: (nullable) (array zero-terminated=1): the lessons
 *   planned, or %NULL for the whole tier
 *
 * Starts a session; learners who sign in from now on join it. Another
 * session still running is %KNS_STORE_ERROR_BUSY.
 *
 * Returns: (transfer full): the running session
 */
KnsClassSession *
kns_store_start_session (KnsStore            *self,
                         const char          *class_label,
                         guint                grade,
                         guint                tier,
                         const char          *title,
                         KnsSessionFormat     format,
                         const char * const  *lesson_ids,
                         GError             **error)
{
  g_autoptr(KnsClassSession) session = NULL;

  g_return_val_if_fail (KNS_IS_STORE (self), NULL);
  g_return_val_if_fail (format <= KNS_SESSION_FORMAT_ONLINE, NULL);

  if (grade < 1 || grade > 12)
    {
      g_set_error_literal (error, KNS_STORE_ERROR, KNS_STORE_ERROR_INVALID,
                           _("The grade must be from 1 to 12."));
      return NULL;
    }
  if (!check_lesson_ids (lesson_ids, error))
    return NULL;

  session = g_new0 (KnsClassSession, 1);
  session->uuid = g_uuid_string_random ();
  session->class_label = g_strstrip (g_strdup (class_label ? class_label : ""));
  session->grade = grade;
  session->tier = tier;
  session->title = g_strstrip (g_strdup (title ? title : ""));
  session->format = format;
  session->lesson_ids = g_strdupv ((char **) lesson_ids);
  session->started = kns_store_now (self);
  session->notes = g_strdup ("");

  if (!kns_store_begin (self, error))
    return NULL;
  if (!insert_session (self, session, error))
    {
      kns_store_rollback (self);
      return NULL;
    }
  if (!kns_store_commit (self, error))
    return NULL;

  return g_steal_pointer (&session);
}

/**
 * kns_store_get_running_session:
 *
 * Returns: (transfer full) (nullable): the running session, or %NULL
 *   without an error if none runs
 */
KnsClassSession *
kns_store_get_running_session (KnsStore  *self,
                               GError   **error)
{
  g_return_val_if_fail (KNS_IS_STORE (self), NULL);

  return query_running (self, error);
}

static gboolean
close_session (KnsStore    *self,
               const char  *uuid,
               const char  *notes,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) query = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autoptr(sqlite3_stmt) forget = NULL;
  int rc;

  query = kns_store_prepare (self, "SELECT ended FROM class_session WHERE uuid = ?", error);
  if (query == NULL)
    return FALSE;
  sqlite3_bind_text (query, 1, uuid, -1, SQLITE_STATIC);
  if ((rc = kns_store_step (self, query, error)) == 0)
    return FALSE;
  if (rc == SQLITE_DONE || sqlite3_column_int64 (query, 0) != 0)
    {
      g_set_error_literal (error, KNS_STORE_ERROR,
                           rc == SQLITE_DONE ? KNS_STORE_ERROR_NOT_FOUND : KNS_STORE_ERROR_INVALID,
                           rc == SQLITE_DONE ? _("This session is no longer on this computer.")
                                             : _("This session has already ended."));
      return FALSE;
    }

  update = kns_store_prepare (self,
                              "UPDATE class_session SET ended = ?, notes = ? WHERE uuid = ?",
                              error);
  if (update == NULL)
    return FALSE;
  sqlite3_bind_int64 (update, 1, kns_store_now (self));
  sqlite3_bind_text (update, 2, notes != NULL ? notes : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (update, 3, uuid, -1, SQLITE_STATIC);
  if (!kns_store_run (self, update, error))
    return FALSE;

  /* Who was counted in the session matters only while it runs. */
  forget = kns_store_prepare (self, "DELETE FROM headcount_seen WHERE session_uuid = ?", error);
  if (forget == NULL)
    return FALSE;
  sqlite3_bind_text (forget, 1, uuid, -1, SQLITE_STATIC);
  return kns_store_run (self, forget, error);
}

/**
 * kns_store_end_session:
 * @notes: (nullable): the teacher's notes
 *
 * Ends the running session and makes a backup. A backup that fails is
 * logged; the session is ended all the same.
 */
gboolean
kns_store_end_session (KnsStore    *self,
                       const char  *uuid,
                       const char  *notes,
                       GError     **error)
{
  g_autoptr(GError) backup_error = NULL;

  g_return_val_if_fail (KNS_IS_STORE (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  if (!kns_store_begin (self, error))
    return FALSE;
  if (!close_session (self, uuid, notes, error))
    return kns_store_rollback (self);
  if (!kns_store_commit (self, error))
    return FALSE;

  if (!kns_store_backup (self, &backup_error))
    g_message ("%s: no backup after the session: %s", self->path, backup_error->message);
  return TRUE;
}

/**
 * kns_store_list_sessions:
 *
 * Returns: (transfer full) (element-type KnsClassSession): every session,
 *   the latest first
 */
GPtrArray *
kns_store_list_sessions (KnsStore  *self,
                         GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  int rc;

  g_return_val_if_fail (KNS_IS_STORE (self), NULL);

  stmt = kns_store_prepare (self,
                            "SELECT " SESSION_COLUMNS " FROM class_session s ORDER BY started "
                            "DESC, uuid",
                            error);
  if (stmt == NULL)
    return NULL;

  sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) kns_class_session_free);
  while ((rc = kns_store_step (self, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (sessions, session_from_row (stmt));

  return rc == SQLITE_DONE ? g_steal_pointer (&sessions) : NULL;
}
