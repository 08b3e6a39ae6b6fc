/* kns-store-learner.c — learners, signing in and out, and the privacy
 * operations
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
 * A learner is a nickname, a class label, a grade, an avatar and, only
 * while the school records it, a sex (README, "Privacy").
 * Deleting, archiving and purging learners never touches the tallies.
 */

#define G_LOG_DOMAIN "kns-store"

#include "kns-config.h"

#include <glib/gi18n.h>

#include "kns-nickname.h"
#include "kns-store-private.h"

#define LEARNER_COLUMNS \
  "id, kind, nickname, class_label, grade, avatar, sex, created, last_seen, archived"

static KnsLearner *
learner_from_row (sqlite3_stmt *stmt)
{
  KnsLearner *learner = g_new0 (KnsLearner, 1);

  learner->id = sqlite3_column_int64 (stmt, 0);
  learner->kind = (KnsLearnerKind) sqlite3_column_int (stmt, 1);
  learner->nickname = kns_store_column_dup (stmt, 2);
  learner->class_label = kns_store_column_dup (stmt, 3);
  learner->grade = (guint) sqlite3_column_int (stmt, 4);
  learner->avatar = kns_store_column_dup (stmt, 5);
  learner->sex = (KnsSex) sqlite3_column_int (stmt, 6);
  learner->created = sqlite3_column_int64 (stmt, 7);
  learner->last_seen = sqlite3_column_int64 (stmt, 8);
  learner->archived = sqlite3_column_int (stmt, 9) != 0;
  return learner;
}

static gboolean
set_not_found (GError **error)
{
  g_set_error_literal (error, KNS_STORE_ERROR, KNS_STORE_ERROR_NOT_FOUND,
                       _("This learner is no longer on this computer."));
  return FALSE;
}

static gboolean
check_grade (guint    grade,
             GError **error)
{
  if (grade >= 1 && grade <= 12)
    return TRUE;

  g_set_error_literal (error, KNS_STORE_ERROR, KNS_STORE_ERROR_INVALID,
                       _("The grade must be from 1 to 12."));
  return FALSE;
}

/* Returns the nickname as stored, or %NULL with @error set. */
static char *
check_nickname (const char  *nickname,
                GError     **error)
{
  if (nickname == NULL || kns_nickname_length (nickname) == 0)
    {
      g_set_error_literal (error, KNS_STORE_ERROR, KNS_STORE_ERROR_INVALID,
                           _("Choose a nickname."));
      return NULL;
    }
  if (kns_nickname_length (nickname) > KNS_NICKNAME_MAX_CHARS)
    {
      g_set_error (error, KNS_STORE_ERROR, KNS_STORE_ERROR_INVALID,
                   _("A nickname has at most %d letters."), KNS_NICKNAME_MAX_CHARS);
      return NULL;
    }
  return kns_nickname_normalize (nickname);
}

static char *
clean_label (const char *text)
{
  return g_strstrip (g_strdup (text != NULL ? text : ""));
}

/* Two pupils of one class whose nicknames differ only in case, accents
 * or spaces would pick each other on the sign-in screen. Pupils of
 * archived classes are off that screen and do not count. */
static gboolean
check_unique (KnsStore    *self,
              gint64       learner_id,
              const char  *nickname,
              const char  *class_label,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *key = kns_nickname_match_key (nickname);
  int rc;

  stmt = kns_store_prepare (self,
                            "SELECT nickname FROM learner "
                            "WHERE kind = 0 AND archived = 0 AND class_label = ? AND id <> ?",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, class_label, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, learner_id);

  while ((rc = kns_store_step (self, stmt, error)) == SQLITE_ROW)
    {
      g_autofree char *other = kns_nickname_match_key ((const char *) sqlite3_column_text (stmt, 0));

      if (!g_str_equal (key, other))
        continue;
      if (*class_label != '\0')
        g_set_error (error, KNS_STORE_ERROR, KNS_STORE_ERROR_DUPLICATE,
                     /* Translators: %s are a class label, then a nickname */
                     _("Class %s already has a pupil called “%s”. Choose another nickname, for "
                       "example with a number."),
                     class_label, sqlite3_column_text (stmt, 0));
      else
        g_set_error (error, KNS_STORE_ERROR, KNS_STORE_ERROR_DUPLICATE,
                     _("A pupil without a class is already called “%s”. Choose another "
                       "nickname, for example with a number."),
                     sqlite3_column_text (stmt, 0));
      return FALSE;
    }
  return rc == SQLITE_DONE;
}

/* Sex is kept only if the school records it for its report. */
static gboolean
sex_to_store (KnsStore  *self,
              KnsSex     sex,
              KnsSex    *stored,
              GError   **error)
{
  gboolean records;

  if (!kns_store_records_sex (self, &records, error))
    return FALSE;
  *stored = records ? sex : KNS_SEX_UNSTATED;
  return TRUE;
}

static gboolean
insert_learner_row (KnsStore    *self,
                    KnsLearner  *learner,
                    KnsSex       sex,
                    GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!sex_to_store (self, sex, &learner->sex, error))
    return FALSE;

  stmt = kns_store_prepare (self,
                            "INSERT INTO learner (kind, nickname, class_label, grade, avatar, sex, "
                            "  created, last_seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, learner->kind);
  sqlite3_bind_text (stmt, 2, learner->nickname, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, learner->class_label, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, (int) learner->grade);
  sqlite3_bind_text (stmt, 5, learner->avatar, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 6, learner->sex);
  sqlite3_bind_int64 (stmt, 7, learner->created);
  sqlite3_bind_int64 (stmt, 8, learner->last_seen);
  if (!kns_store_run (self, stmt, error))
    return FALSE;

  learner->id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

/* Takes @nickname and @class_label. */
static KnsLearner *
insert_learner (KnsStore       *self,
                KnsLearnerKind  kind,
                char           *nickname,
                char           *class_label,
                guint           grade,
                const char     *avatar,
                KnsSex          sex,
                GError        **error)
{
  g_autoptr(KnsLearner) learner = g_new0 (KnsLearner, 1);

  learner->kind = kind;
  learner->nickname = nickname;
  learner->class_label = class_label;
  learner->grade = grade;
  learner->avatar = g_strdup (avatar != NULL ? avatar : "");
  learner->created = learner->last_seen = kns_store_now (self);

  if (!kns_store_begin (self, error))
    return NULL;
  if ((kind == KNS_LEARNER_PROFILE &&
       !check_unique (self, 0, learner->nickname, learner->class_label, error)) ||
      !insert_learner_row (self, learner, sex, error))
    {
      kns_store_rollback (self);
      return NULL;
    }
  if (!kns_store_commit (self, error))
    return NULL;

  return g_steal_pointer (&learner);
}

/**
 * kns_store_add_learner:
 * @class_label: (nullable): such as "5A"
 * @avatar: (nullable): a built-in picture's id
 * @sex: kept only if the setting record-sex is "true"
 *
 * The nickname is normalized (kns_nickname_normalize()); an empty or
 * too long one, or a grade outside 1–12, is %KNS_STORE_ERROR_INVALID;
 * one that another pupil of the class has, case and accents aside, is
 * %KNS_STORE_ERROR_DUPLICATE.
 *
 * Returns: (transfer full): the new learner
 */
KnsLearner *
kns_store_add_learner (KnsStore    *self,
                       const char  *nickname,
                       const char  *class_label,
                       guint        grade,
                       const char  *avatar,
                       KnsSex       sex,
                       GError     **error)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (KNS_IS_STORE (self), NULL);
  g_return_val_if_fail (sex <= KNS_SEX_FEMALE, NULL);

  if (!check_grade (grade, error) || (name = check_nickname (nickname, error)) == NULL)
    return NULL;

  return insert_learner (self, KNS_LEARNER_PROFILE, g_steal_pointer (&name),
                         clean_label (class_label), grade, avatar, sex, error);
}

/**
 * kns_store_add_guest:
 *
 * A learner without a profile: their rows are wiped by
 * kns_store_sign_out(), or at the next kns_store_open() if the app
 * stopped before. What they did still counts in the tallies.
 *
 * Returns: (transfer full): the guest
 */
KnsLearner *
kns_store_add_guest (KnsStore    *self,
                     guint        grade,
                     const char  *avatar,
                     GError     **error)
{
  g_return_val_if_fail (KNS_IS_STORE (self), NULL);

  if (!check_grade (grade, error))
    return NULL;

  return insert_learner (self, KNS_LEARNER_GUEST, g_strdup (_("Guest")), g_strdup (""),
                         grade, avatar, KNS_SEX_UNSTATED, error);
}

KnsLearner *
kns_store_get_learner (KnsStore  *self,
                       gint64     learner_id,
                       GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (KNS_IS_STORE (self), NULL);

  stmt = kns_store_prepare (self, "SELECT " LEARNER_COLUMNS " FROM learner WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, learner_id);

  rc = kns_store_step (self, stmt, error);
  if (rc == SQLITE_DONE)
    set_not_found (error);
  return rc == SQLITE_ROW ? learner_from_row (stmt) : NULL;
}

/**
 * kns_store_list_learners:
 * @class_label: (nullable): one class, or %NULL for all
 * @include_archived: whether to list learners of archived classes
 *
 * Profiles only, never guests; by nickname.
 *
 * Returns: (transfer full) (element-type KnsLearner): the learners
 */
GPtrArray *
kns_store_list_learners (KnsStore    *self,
                         const char  *class_label,
                         gboolean     include_archived,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) learners = NULL;
  int rc;

  g_return_val_if_fail (KNS_IS_STORE (self), NULL);

  stmt = kns_store_prepare (self,
                            "SELECT " LEARNER_COLUMNS " FROM learner "
                            "WHERE kind = 0 AND (?1 IS NULL OR class_label = ?1) "
                            "  AND (?2 OR archived = 0) "
                            "ORDER BY nickname COLLATE KNS_NAME, id",
                            error);
  if (stmt == NULL)
    return NULL;
  if (class_label != NULL)
    sqlite3_bind_text (stmt, 1, class_label, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, include_archived ? 1 : 0);

  learners = g_ptr_array_new_with_free_func ((GDestroyNotify) kns_learner_free);
  while ((rc = kns_store_step (self, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (learners, learner_from_row (stmt));

  return rc == SQLITE_DONE ? g_steal_pointer (&learners) : NULL;
}

/**
 * kns_store_list_classes:
 *
 * Returns: (transfer full): the labels of classes with learners who are
 *   not archived, sorted; empty labels left out
 */
GStrv
kns_store_list_classes (KnsStore  *self,
                        GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  int rc;

  g_return_val_if_fail (KNS_IS_STORE (self), NULL);

  stmt = kns_store_prepare (self,
                            "SELECT DISTINCT class_label FROM learner "
                            "WHERE kind = 0 AND archived = 0 AND class_label <> '' "
                            "ORDER BY class_label COLLATE KNS_NAME",
                            error);
  if (stmt == NULL)
    return NULL;

  builder = g_strv_builder_new ();
  while ((rc = kns_store_step (self, stmt, error)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));

  return rc == SQLITE_DONE ? g_strv_builder_end (builder) : NULL;
}

static gboolean
update_learner_row (KnsStore          *self,
                    const KnsLearner  *learner,
                    const char        *nickname,
                    const char        *class_label,
                    GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  KnsSex sex;

  if (!sex_to_store (self, learner->sex, &sex, error))
    return FALSE;

  stmt = kns_store_prepare (self,
                            "UPDATE learner SET nickname = ?, class_label = ?, grade = ?, avatar "
                            "= ?, "
                            "  sex = ?, archived = ? WHERE id = ?",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, nickname, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, class_label, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, (int) learner->grade);
  sqlite3_bind_text (stmt, 4, learner->avatar != NULL ? learner->avatar : "", -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, sex);
  sqlite3_bind_int (stmt, 6, learner->archived ? 1 : 0);
  sqlite3_bind_int64 (stmt, 7, learner->id);
  if (!kns_store_run (self, stmt, error))
    return FALSE;

  return sqlite3_changes (self->db) > 0 || set_not_found (error);
}

/**
 * kns_store_update_learner:
 * @learner: the learner with its new nickname, class label, grade,
 *   avatar, sex or archived flag; its id says which
 *
 * The kind and the times are not changed; the nickname is checked as
 * by kns_store_add_learner(), against the pupils of the new class.
 */
gboolean
kns_store_update_learner (KnsStore          *self,
                          const KnsLearner  *learner,
                          GError           **error)
{
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (KNS_IS_STORE (self), FALSE);
  g_return_val_if_fail (learner != NULL, FALSE);
  g_return_val_if_fail (learner->sex <= KNS_SEX_FEMALE, FALSE);

  if (!check_grade (learner->grade, error))
    return FALSE;
  if ((name = check_nickname (learner->nickname, error)) == NULL)
    return FALSE;
  label = clean_label (learner->class_label);

  if (!kns_store_begin (self, error))
    return FALSE;
  if (!update_learner_row (self, learner, name, label, error) ||
      (learner->kind == KNS_LEARNER_PROFILE && !learner->archived &&
       !check_unique (self, learner->id, name, label, error)))
    return kns_store_rollback (self);
  return kns_store_commit (self, error);
}

/* A single statement is its own committed transaction. */
static gboolean
delete_learner_row (KnsStore  *self,
                    gint64     learner_id,
                    GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = kns_store_prepare (self, "DELETE FROM learner WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, learner_id);
  if (!kns_store_run (self, stmt, error))
    return FALSE;

  return sqlite3_changes (self->db) > 0 || set_not_found (error);
}

/**
 * kns_store_delete_learner:
 *
 * Deletes the learner and everything about them: progress, quiz
 * attempts and answers, session membership. The tallies stay as they
 * are, so past reports do not change.
 */
gboolean
kns_store_delete_learner (KnsStore  *self,
                          gint64     learner_id,
                          GError   **error)
{
  g_return_val_if_fail (KNS_IS_STORE (self), FALSE);

  return delete_learner_row (self, learner_id, error);
}

static gboolean
join_running_session (KnsStore  *self,
                      KnsEvent  *event,
                      GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = kns_store_prepare (self,
                            "INSERT OR IGNORE INTO session_member (session_uuid, learner_id, "
                            "joined) "
                            "SELECT uuid, ?, ? FROM class_session WHERE ended = 0",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, event->learner_id);
  sqlite3_bind_int64 (stmt, 2, event->now);
  if (!kns_store_run (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (self->db) > 0)
    {
      /* The learner now counts in the session. */
      kns_store_event_clear (event);
      return kns_store_event_init (self, event, event->learner_id, error);
    }
  return TRUE;
}

static gboolean
touch_learner (KnsStore        *self,
               const KnsEvent  *event,
               GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = kns_store_prepare (self, "UPDATE learner SET last_seen = ? WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, event->now);
  sqlite3_bind_int64 (stmt, 2, event->learner_id);
  return kns_store_run (self, stmt, error);
}

static gboolean
sign_in_counted (KnsStore  *self,
                 gint64     learner_id,
                 GError   **error)
{
  g_auto(KnsEvent) event = { 0 };

  if (!kns_store_event_init (self, &event, learner_id, error) ||
      !join_running_session (self, &event, error) ||
      !touch_learner (self, &event, error) ||
      !kns_store_tally_attendance (self, &event, error) ||
      !kns_store_tally_headcount (self, &event, "", error))
    return FALSE;

  if (*event.session_uuid != '\0')
    return kns_store_tally_headcount (self, &event, event.session_uuid, error);
  return TRUE;
}

/**
 * kns_store_sign_in:
 *
 * Records that the learner started a turn: they join the running class
 * session, if any, and count once a day (or once a session) as an
 * attendance and once a school year (and once a session) as a
 * participant.
 */
gboolean
kns_store_sign_in (KnsStore  *self,
                   gint64     learner_id,
                   GError   **error)
{
  g_return_val_if_fail (KNS_IS_STORE (self), FALSE);

  if (!kns_store_begin (self, error))
    return FALSE;
  if (!sign_in_counted (self, learner_id, error))
    return kns_store_rollback (self);
  return kns_store_commit (self, error);
}

/**
 * kns_store_sign_out:
 *
 * Ends a learner's turn. A guest is wiped: nothing of theirs stays but
 * the anonymous tallies.
 */
gboolean
kns_store_sign_out (KnsStore  *self,
                    gint64     learner_id,
                    GError   **error)
{
  g_autoptr(KnsLearner) learner = NULL;
  KnsEvent event = { 0 };

  g_return_val_if_fail (KNS_IS_STORE (self), FALSE);

  learner = kns_store_get_learner (self, learner_id, error);
  if (learner == NULL)
    return FALSE;
  if (learner->kind == KNS_LEARNER_GUEST)
    return delete_learner_row (self, learner_id, error);

  event.learner_id = learner_id;
  event.now = kns_store_now (self);
  return touch_learner (self, &event, error);
}

/**
 * kns_store_archive_class:
 *
 * At the end of a school year: the class's learners leave the sign-in
 * grid. Their progress stays until kns_store_purge_inactive() removes
 * it.
 *
 * Returns: how many learners were archived
 */
guint
kns_store_archive_class (KnsStore    *self,
                         const char  *class_label,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (KNS_IS_STORE (self), 0);
  g_return_val_if_fail (class_label != NULL, 0);

  stmt = kns_store_prepare (self,
                            "UPDATE learner SET archived = 1 "
                            "WHERE kind = 0 AND class_label = ? AND archived = 0",
                            error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, class_label, -1, SQLITE_STATIC);

  return kns_store_run (self, stmt, error) ? (guint) sqlite3_changes (self->db) : 0;
}

/**
 * kns_store_purge_inactive:
 * @retention_days: the setting retention-days
 *
 * Deletes every learner not seen for @retention_days days, with all
 * their rows; the tallies stay.
 *
 * Returns: how many learners were deleted
 */
guint
kns_store_purge_inactive (KnsStore  *self,
                          guint      retention_days,
                          GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 cutoff;

  g_return_val_if_fail (KNS_IS_STORE (self), 0);
  g_return_val_if_fail (retention_days > 0, 0);

  cutoff = kns_store_now (self) - (gint64) retention_days * G_TIME_SPAN_DAY;
  stmt = kns_store_prepare (self, "DELETE FROM learner WHERE last_seen < ?", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, cutoff);

  return kns_store_run (self, stmt, error) ? (guint) sqlite3_changes (self->db) : 0;
}
