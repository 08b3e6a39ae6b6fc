/* kns-store.c — opening the database, running SQL, errors and settings
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
 * The store is split by subject: kns-store-learner.c (learners and the
 * privacy operations), kns-store-lesson.c (progress and quizzes),
 * kns-store-session.c (class sessions), kns-store-tally.c (the anonymous
 * counters), kns-store-file.c (checking, recovery, backups),
 * kns-store-schema.c (tables and migrations) and kns-store-records.c
 * (the plain records handed out).
 */

#define G_LOG_DOMAIN "kns-store"

#include "kns-config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n.h>
#include <sodium.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "kns-nickname.h"
#include "kns-store-private.h"

G_DEFINE_FINAL_TYPE (KnsStore, kns_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (kns-store-error-quark, kns_store_error)

/* Defaults of the settings the store itself reads; others have none. */
static const struct
{
  const char *key;
  const char *value;
} setting_defaults[] = {
  { KNS_STORE_SETTING_RECORD_SEX, "false" },
  { KNS_STORE_SETTING_RETENTION_DAYS, "365" },
};

static gint64
real_time_clock (gpointer user_data)
{
  return g_get_real_time ();
}

static gint64
monotonic_clock (gpointer user_data)
{
  return g_get_monotonic_time ();
}

static guint
busy_timeout_ms (void)
{
  const char *env = g_getenv ("KNS_STORE_BUSY_TIMEOUT_MS");
  guint64 value;

  if (env != NULL && g_ascii_string_to_unsigned (env, 10, 0, G_MAXINT, &value, NULL))
    return (guint) value;
  return KNS_STORE_BUSY_TIMEOUT_MS;
}

/* Short and for a teacher. The SQLite message, which means nothing to
 * them, goes to the log. */
void
kns_store_set_error (KnsStore       *self,
                     KnsStoreError   code,
                     GError        **error)
{
  switch (code)
    {
    case KNS_STORE_ERROR_READ_ONLY:
      g_set_error (error, KNS_STORE_ERROR, code,
                   _("Progress cannot be saved in %s: the folder or the file is read-only. Ask "
                     "the school’s technician to allow writing there, or choose another data "
                     "folder."),
                   self->data_dir);
      break;
    case KNS_STORE_ERROR_LOCKED:
      g_set_error (error, KNS_STORE_ERROR, code,
                   _("Another program is using the saved progress in %s. Close it, or the other "
                     "copy of Kỹ năng số, and try again."),
                   self->data_dir);
      break;
    case KNS_STORE_ERROR_NEWER_VERSION:
      g_set_error (error, KNS_STORE_ERROR, code,
                   _("The saved progress in %s comes from a newer version of Kỹ năng số. "
                     "Install that version to open it; nothing was changed."),
                   self->data_dir);
      break;
    case KNS_STORE_ERROR_FULL:
      g_set_error_literal (error, KNS_STORE_ERROR, code,
                           _("The disk is full, so this was not saved. Everything saved before "
                             "is safe; free some space and try again."));
      break;
    case KNS_STORE_ERROR_DAMAGED:
      g_set_error (error, KNS_STORE_ERROR, code,
                   _("The saved progress in %s is damaged. Close Kỹ năng số and start it "
                     "again: it keeps the damaged file aside and puts back the newest backup. "
                     "Nothing was changed."),
                   self->data_dir);
      break;
    case KNS_STORE_ERROR_IO:
    case KNS_STORE_ERROR_NOT_FOUND:
    case KNS_STORE_ERROR_INVALID:
    case KNS_STORE_ERROR_BUSY:
    default:
      g_set_error_literal (error, KNS_STORE_ERROR, KNS_STORE_ERROR_IO,
                           _("The disk failed to read or write the saved progress, so this was "
                             "not saved. Ask the school’s technician to check the disk."));
      break;
    }
}

static KnsStoreError
error_for_errno (int errsv)
{
  switch (errsv)
    {
    case EACCES:
    case EPERM:
    case EROFS:
      return KNS_STORE_ERROR_READ_ONLY;
    case ENOSPC:
    case EDQUOT:
      return KNS_STORE_ERROR_FULL;
    default:
      return KNS_STORE_ERROR_IO;
    }
}

static KnsStoreError
error_for_sqlite (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      return KNS_STORE_ERROR_FULL;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return KNS_STORE_ERROR_LOCKED;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      return KNS_STORE_ERROR_READ_ONLY;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return KNS_STORE_ERROR_DAMAGED;
    default:
      return KNS_STORE_ERROR_IO;
    }
}

/* Logs a failed file operation on @file and sets a teacher's message.
 * Returns %FALSE, to be returned by the caller. */
gboolean
kns_store_fail_errno (KnsStore    *self,
                      int          errsv,
                      const char  *file,
                      GError     **error)
{
  g_message ("%s: %s", file, g_strerror (errsv));
  kns_store_set_error (self, error_for_errno (errsv), error);
  return FALSE;
}

/**
 * kns_store_fail:
 * @rc: an SQLite result code other than SQLITE_OK, _ROW or _DONE
 *
 * Logs what SQLite said and sets a teacher's message in @error.
 *
 * Returns: %FALSE, to be returned by the caller
 */
gboolean
kns_store_fail (KnsStore  *self,
                int        rc,
                GError   **error)
{
  const char *detail = self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);

  /* A full disk or a lock is the world, not a bug: logged, not warned. */
  switch (rc & 0xff)
    {
    case SQLITE_FULL:
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_message ("%s: SQLite error %d: %s", self->path, rc, detail);
      break;
    default:
      g_warning ("%s: SQLite error %d: %s", self->path, rc, detail);
      break;
    }

  kns_store_set_error (self, error_for_sqlite (rc), error);
  return FALSE;
}

sqlite3_stmt *
kns_store_prepare (KnsStore    *self,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      sqlite3_finalize (stmt);
      kns_store_fail (self, rc, error);
      return NULL;
    }
  return stmt;
}

/* Returns SQLITE_ROW or SQLITE_DONE, or 0 with @error set. */
int
kns_store_step (KnsStore      *self,
                sqlite3_stmt  *stmt,
                GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return rc;
  kns_store_fail (self, rc, error);
  return 0;
}

/* Steps a statement that returns no rows. */
gboolean
kns_store_run (KnsStore      *self,
               sqlite3_stmt  *stmt,
               GError       **error)
{
  return kns_store_step (self, stmt, error) == SQLITE_DONE;
}

/* For fixed SQL only: never text that came from a user. */
gboolean
kns_store_exec (KnsStore    *self,
                const char  *sql,
                GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return kns_store_fail (self, rc, error);
  return TRUE;
}

/* IMMEDIATE takes the write lock up front, so a transaction never fails
 * half-way because another connection started writing first. In a group
 * (kns_store_begin_group ()), a write is a savepoint of the group's
 * transaction instead: still all or nothing, but not yet on the disk. */
gboolean
kns_store_begin (KnsStore  *self,
                 GError   **error)
{
  if (!self->grouped)
    return kns_store_exec (self, "BEGIN IMMEDIATE", error);

  /* A savepoint outside any transaction would commit on its own. */
  if (self->group_lost || sqlite3_get_autocommit (self->db))
    {
      self->group_lost = TRUE;
      kns_store_set_error (self, KNS_STORE_ERROR_IO, error);
      return FALSE;
    }
  return kns_store_exec (self, "SAVEPOINT kns_write", error);
}

gboolean
kns_store_commit (KnsStore  *self,
                  GError   **error)
{
  if (!kns_store_exec (self, self->grouped ? "RELEASE kns_write" : "COMMIT", error))
    return kns_store_rollback (self);
  return TRUE;
}

static void
exec_rollback (KnsStore   *self,
               const char *sql)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    g_message ("%s: rollback failed: %s", self->path, sqlite3_errmsg (self->db));
}

/* SQLite may already have rolled back by itself (a full disk does that),
 * so only an open transaction is rolled back; in a group, that loses the
 * whole group, which kns_store_end_group () then reports. Returns
 * %FALSE, for the caller to return. */
gboolean
kns_store_rollback (KnsStore *self)
{
  if (sqlite3_get_autocommit (self->db))
    self->group_lost = self->grouped;
  else if (self->grouped)
    exec_rollback (self, "ROLLBACK TO kns_write; RELEASE kns_write");
  else
    exec_rollback (self, "ROLLBACK");
  return FALSE;
}

/**
 * kns_store_begin_group:
 *
 * Starts a group of writes, for bulk work such as importing many
 * bundles: until kns_store_end_group (), each write is all or nothing
 * as always, but they reach the disk together, with one wait for the
 * disk instead of one each. The group holds the write lock, so it must
 * stay short (the app's answers wait for it), and never holds a
 * learner's answers, which must each be on the disk when saved.
 */
gboolean
kns_store_begin_group (KnsStore  *self,
                       GError   **error)
{
  g_return_val_if_fail (KNS_IS_STORE (self), FALSE);
  g_return_val_if_fail (!self->grouped, FALSE);

  if (!kns_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  self->grouped = TRUE;
  self->group_lost = FALSE;
  return TRUE;
}

/**
 * kns_store_end_group:
 *
 * Commits the writes of the group that succeeded.
 *
 * Returns: %FALSE, with @error set, if none of them was saved after all
 *   (the disk filled up, say)
 */
gboolean
kns_store_end_group (KnsStore  *self,
                     GError   **error)
{
  g_return_val_if_fail (KNS_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->grouped, FALSE);

  self->grouped = FALSE;
  if (self->group_lost || sqlite3_get_autocommit (self->db))
    {
      g_message ("%s: a group of writes was rolled back", self->path);
      kns_store_set_error (self, KNS_STORE_ERROR_IO, error);
      return FALSE;
    }
  return kns_store_commit (self, error);
}

char *
kns_store_column_dup (sqlite3_stmt *stmt,
                      int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/* *value is %NULL when the setting is not there. */
gboolean
kns_store_read_setting (KnsStore    *self,
                        const char  *key,
                        char       **value,
                        GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = kns_store_prepare (self, "SELECT value FROM setting WHERE key = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  rc = kns_store_step (self, stmt, error);
  if (rc == 0)
    return FALSE;

  *value = rc == SQLITE_ROW ? kns_store_column_dup (stmt, 0) : NULL;
  return TRUE;
}

/* Inside the caller's transaction; a %NULL @value deletes the row. */
gboolean
kns_store_write_setting (KnsStore    *self,
                         const char  *key,
                         const char  *value,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (value == NULL)
    stmt = kns_store_prepare (self, "DELETE FROM setting WHERE key = ?", error);
  else
    stmt = kns_store_prepare (self,
                              "INSERT INTO setting (key, value) VALUES (?, ?) "
                              "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (value != NULL)
    sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
  return kns_store_run (self, stmt, error);
}

/* Whether the school asked to record sex for its report; otherwise every
 * learner is KNS_SEX_UNSTATED (README, "Privacy"). */
gboolean
kns_store_records_sex (KnsStore  *self,
                       gboolean  *records,
                       GError   **error)
{
  g_autofree char *value = NULL;

  if (!kns_store_read_setting (self, KNS_STORE_SETTING_RECORD_SEX, &value, error))
    return FALSE;
  *records = g_strcmp0 (value, "true") == 0;
  return TRUE;
}

void
kns_store_set_max_pages (KnsStore *self,
                         guint     n_pages)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA max_page_count = %u", n_pages);

  g_return_if_fail (KNS_IS_STORE (self));

  if (!kns_store_exec (self, sql, NULL))
    g_warning ("Could not limit the size of %s", self->path);
}

/* Closes without writing anything more: a file refused or found damaged
 * is left exactly as it was, write-ahead log included. */
static void
close_untouched (KnsStore *self)
{
  if (self->db == NULL)
    return;

  sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  if (sqlite3_close (self->db) != SQLITE_OK)
    g_warning ("%s: not closed: %s", self->path, sqlite3_errmsg (self->db));
  self->db = NULL;
}

static gboolean
is_writable (const char *path)
{
  return access (path, F_OK) != 0 || access (path, R_OK | W_OK) == 0;
}

/* The folder is created private to the user. Checked before SQLite sees
 * anything: a read-only place is refused and left untouched. */
static gboolean
prepare_folder (KnsStore  *self,
                GError   **error)
{
  static const char *const suffixes[] = { "", "-wal", "-shm" };

  if (g_mkdir_with_parents (self->data_dir, 0700) != 0)
    return kns_store_fail_errno (self, errno, self->data_dir, error);

  /* WAL needs to create files beside the database, and recovery and
   * backups need the folder too. */
  if (access (self->data_dir, W_OK | X_OK) != 0)
    {
      g_message ("%s: the folder is not writable: %s", self->data_dir, g_strerror (errno));
      kns_store_set_error (self, KNS_STORE_ERROR_READ_ONLY, error);
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (self->path, suffixes[i], NULL);

      if (!is_writable (file))
        {
          g_message ("%s is not writable: %s", file, g_strerror (errno));
          kns_store_set_error (self, KNS_STORE_ERROR_READ_ONLY, error);
          return FALSE;
        }
    }

  return TRUE;
}

static int
query_text (KnsStore    *self,
            const char  *sql,
            char       **value)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  *value = NULL;
  if (rc != SQLITE_OK)
    return rc;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *value = kns_store_column_dup (stmt, 0);
  return rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static gboolean
is_damage (int rc)
{
  return (rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB;
}

/* A failure while checking the file: damage is for recovery to deal
 * with; anything else (a lock, a read-only disk) refuses the open. */
static gboolean
check_failed (KnsStore   *self,
              int         rc,
              KnsDamage  *damage,
              GError    **error)
{
  if (is_damage (rc))
    {
      g_message ("%s: %s", self->path, sqlite3_errmsg (self->db));
      *damage = KNS_DAMAGE_CORRUPT;
      return TRUE;
    }
  return kns_store_fail (self, rc, error);
}

/* PRAGMA quick_check reads every page and checks every b-tree, but not
 * that indexes match their tables: about a third of integrity_check's
 * time (tens of milliseconds for a year of a school's answers), and it
 * finds a damaged page at once instead of in the middle of a lesson. */
static gboolean
check_database (KnsStore   *self,
                KnsDamage  *damage,
                guint      *version,
                GError    **error)
{
  g_autofree char *mode = NULL;
  g_autofree char *check = NULL;
  g_autofree char *user_version = NULL;
  int rc;

  if ((rc = query_text (self, "PRAGMA journal_mode = WAL", &mode)) != SQLITE_OK)
    return check_failed (self, rc, damage, error);
  if (g_strcmp0 (mode, "wal") != 0)
    {
      /* Some network shares cannot hold a write-ahead log. */
      g_message ("%s: journal mode is %s, not wal", self->path, mode);
      kns_store_set_error (self, KNS_STORE_ERROR_IO, error);
      return FALSE;
    }

  if ((rc = query_text (self, "PRAGMA quick_check", &check)) != SQLITE_OK)
    return check_failed (self, rc, damage, error);
  if (g_strcmp0 (check, "ok") != 0)
    {
      g_message ("%s: quick_check: %s", self->path, check);
      *damage = KNS_DAMAGE_CORRUPT;
      return TRUE;
    }

  if ((rc = query_text (self, "PRAGMA user_version", &user_version)) != SQLITE_OK)
    return check_failed (self, rc, damage, error);
  *version = (guint) g_ascii_strtoull (user_version ? user_version : "0", NULL, 10);
  return TRUE;
}

/* COLLATE KNS_NAME: names sorted as kns_nickname_sort_key () says. */
static int
compare_names (void       *data,
               int         a_len,
               const void *a,
               int         b_len,
               const void *b)
{
  g_autofree char *a_name = g_strndup (a, a_len);
  g_autofree char *b_name = g_strndup (b, b_len);
  g_autofree char *a_key = kns_nickname_sort_key (a_name);
  g_autofree char *b_key = kns_nickname_sort_key (b_name);
  int order = strcmp (a_key, b_key);

  return order != 0 ? order : strcmp (a_name, b_name);
}

/* Opens an existing file with what every connection needs: extended
 * result codes, a busy timeout and our collation. */
gboolean
kns_store_connect (KnsStore  *self,
                   GError   **error)
{
  int rc = sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READWRITE, NULL);

  if (rc != SQLITE_OK)
    return kns_store_fail (self, rc, error);

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, (int) busy_timeout_ms ());
  sqlite3_create_collation_v2 (self->db, "KNS_NAME", SQLITE_UTF8, NULL, compare_names, NULL);
  return TRUE;
}

static gboolean
connect_database (KnsStore   *self,
                  KnsDamage  *damage,
                  GError    **error)
{
  guint version = 0;

  *damage = KNS_DAMAGE_NONE;
  if (!kns_store_connect (self, error))
    return FALSE;

  if (!check_database (self, damage, &version, error))
    return FALSE;
  if (*damage != KNS_DAMAGE_NONE)
    return TRUE;

  if (version > kns_store_schema_latest ())
    {
      g_message ("%s: schema version %u, newer than %u", self->path, version,
                 kns_store_schema_latest ());
      kns_store_set_error (self, KNS_STORE_ERROR_NEWER_VERSION, error);
      return FALSE;
    }

  /* Taking the write lock now turns "another program holds the file"
   * into a clear refusal instead of a failure at the first answer. */
  if (!kns_store_exec (self, "PRAGMA synchronous = FULL", error) ||
      !kns_store_exec (self, "PRAGMA foreign_keys = ON", error) ||
      !kns_store_begin (self, error) ||
      !kns_store_commit (self, error))
    return FALSE;

  return kns_store_migrate (self, version, error);
}

/* A guest's rows go at sign-out; a crash or a power cut during a guest's
 * turn leaves them behind, and they go now. Their tallies stay. */
static gboolean
wipe_leftover_guests (KnsStore  *self,
                      GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = kns_store_prepare (self, "DELETE FROM learner WHERE kind = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, KNS_LEARNER_GUEST);
  if (!kns_store_run (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (self->db) > 0)
    g_debug ("%s: wiped %d guests left by a crash", self->path, sqlite3_changes (self->db));
  return TRUE;
}

/* An existing file: refused when it cannot be written or is newer than
 * this code, moved aside when damaged. */
static gboolean
open_file (KnsStore  *self,
           GError   **error)
{
  KnsDamage damage;
  guint header_version = 0;

  if (!g_file_test (self->path, G_FILE_TEST_EXISTS) && !kns_store_create_fresh (self, error))
    return FALSE;

  damage = kns_store_check_header (self->path, &header_version);
  if (damage == KNS_DAMAGE_NONE && header_version > kns_store_schema_latest ())
    {
      g_message ("%s: schema version %u, newer than %u", self->path, header_version,
                 kns_store_schema_latest ());
      kns_store_set_error (self, KNS_STORE_ERROR_NEWER_VERSION, error);
      return FALSE;
    }

  if (damage == KNS_DAMAGE_NONE && !connect_database (self, &damage, error))
    {
      close_untouched (self);
      return FALSE;
    }
  if (damage == KNS_DAMAGE_NONE)
    return TRUE;

  close_untouched (self);
  if (!kns_store_recover (self, damage, error))
    return FALSE;

  /* What recovery put in place was checked; if it still fails, give up
   * rather than move aside the good copy too. */
  if (!connect_database (self, &damage, error))
    {
      close_untouched (self);
      return FALSE;
    }
  if (damage != KNS_DAMAGE_NONE)
    {
      close_untouched (self);
      kns_store_set_error (self, KNS_STORE_ERROR_IO, error);
      return FALSE;
    }
  return TRUE;
}

static void
kns_store_finalize (GObject *object)
{
  KnsStore *self = (KnsStore *) object;

  if (self->db != NULL && sqlite3_close (self->db) != SQLITE_OK)
    g_warning ("%s: not closed: %s", self->path, sqlite3_errmsg (self->db));

  g_free (self->data_dir);
  g_free (self->path);
  g_free (self->device_uuid);
  g_free (self->previous_device_uuid);
  g_free (self->pin_anchor);
  g_free (self->moved_aside);
  g_free (self->restored_from);

  G_OBJECT_CLASS (kns_store_parent_class)->finalize (object);
}

static void
kns_store_class_init (KnsStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kns_store_finalize;

  /* Record keys and the PIN's hash come from libsodium. */
  if (sodium_init () < 0)
    g_error ("libsodium cannot be initialised");
}

static void
kns_store_init (KnsStore *self)
{
  self->clock = real_time_clock;
  self->monotonic = monotonic_clock;
  self->opened_monotonic = g_get_monotonic_time ();
}

/**
 * kns_store_default_dir:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/kynangso`; `--data-dir` and
 *   the GSettings key `data-dir` override it in the UI
 */
char *
kns_store_default_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "kynangso", NULL);
}

KnsStore *
kns_store_open (const char  *data_dir,
                GError     **error)
{
  return kns_store_open_with_clock (data_dir, NULL, NULL, error);
}

/**
 * kns_store_open_with_clock:
 * @data_dir: the folder of kynangso.db, created 0700 if missing
 * @clock: (nullable): what "now" is, for tests; %NULL for the real time
 *
 * Opens or creates the database. A damaged file is moved aside and
 * replaced (see kns_store_get_recovery()); a read-only or locked file,
 * or one from a newer version, is refused and left untouched.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
KnsStore *
kns_store_open_with_clock (const char     *data_dir,
                           KnsStoreClock   clock,
                           gpointer        clock_data,
                           GError        **error)
{
  g_autoptr(KnsStore) self = NULL;

  g_return_val_if_fail (data_dir != NULL && *data_dir != '\0', NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (KNS_TYPE_STORE, NULL);
  if (clock != NULL)
    {
      self->clock = clock;
      self->clock_data = clock_data;
    }
  self->data_dir = g_strdup (data_dir);
  self->path = g_build_filename (data_dir, KNS_STORE_FILE_NAME, NULL);

  if (!prepare_folder (self, error) ||
      !open_file (self, error) ||
      !kns_store_load_identity (self, error))
    return NULL;

  /* Not worth refusing to start for: the next open tries again. */
  if (!wipe_leftover_guests (self, NULL))
    g_message ("%s: guests left by a crash were not wiped", self->path);

  return g_steal_pointer (&self);
}

const char *
kns_store_get_path (KnsStore *self)
{
  g_return_val_if_fail (KNS_IS_STORE (self), NULL);
  return self->path;
}

const char *
kns_store_get_device_uuid (KnsStore *self)
{
  g_return_val_if_fail (KNS_IS_STORE (self), NULL);
  return self->device_uuid;
}

KnsStoreRecovery
kns_store_get_recovery (KnsStore *self)
{
  g_return_val_if_fail (KNS_IS_STORE (self), KNS_STORE_RECOVERY_NONE);
  return self->recovery;
}

/**
 * kns_store_get_moved_aside:
 *
 * Returns: (nullable): where the damaged database was moved, when
 *   kns_store_get_recovery() is not %KNS_STORE_RECOVERY_NONE
 */
const char *
kns_store_get_moved_aside (KnsStore *self)
{
  g_return_val_if_fail (KNS_IS_STORE (self), NULL);
  return self->moved_aside;
}

/**
 * kns_store_get_restored_backup:
 *
 * Returns: (nullable): the backup file restored, when
 *   kns_store_get_recovery() is %KNS_STORE_RECOVERY_RESTORED_BACKUP
 */
const char *
kns_store_get_restored_backup (KnsStore *self)
{
  g_return_val_if_fail (KNS_IS_STORE (self), NULL);
  return self->restored_from;
}

/**
 * kns_store_describe_recovery:
 *
 * Returns: (transfer full) (nullable): a translated sentence or two for
 *   the teacher on what kns_store_open() had to do, or %NULL if nothing
 */
char *
kns_store_describe_recovery (KnsStore *self)
{
  g_autofree char *when = NULL;

  g_return_val_if_fail (KNS_IS_STORE (self), NULL);

  switch (self->recovery)
    {
    case KNS_STORE_RECOVERY_RESTORED_BACKUP:
      when = kns_store_describe_backup_time (self->restored_from);
      return g_strdup_printf (_("The saved progress was damaged. It was kept as %s, and the "
                                "latest backup (%s) was restored: what was done after that "
                                "backup is missing."),
                              self->moved_aside, when);
    case KNS_STORE_RECOVERY_STARTED_FRESH:
      return g_strdup_printf (_("The saved progress was damaged and there was no usable backup. "
                                "It was kept as %s, and Kỹ năng số starts with empty records."),
                              self->moved_aside);
    case KNS_STORE_RECOVERY_NONE:
    default:
      return NULL;
    }
}

guint
kns_store_get_schema_version (KnsStore *self)
{
  g_return_val_if_fail (KNS_IS_STORE (self), 0);
  return self->schema_version;
}

gint64
kns_store_now (KnsStore *self)
{
  g_return_val_if_fail (KNS_IS_STORE (self), 0);
  return self->clock (self->clock_data);
}

/* Time that only goes forwards, whatever the computer's clock says:
 * what the teacher PIN's lockout counts. */
gint64
kns_store_monotonic_now (KnsStore *self)
{
  return self->monotonic (self->monotonic_data);
}

void
kns_store_set_monotonic_clock (KnsStore      *self,
                               KnsStoreClock  clock,
                               gpointer       clock_data)
{
  g_return_if_fail (KNS_IS_STORE (self));

  self->monotonic = clock != NULL ? clock : monotonic_clock;
  self->monotonic_data = clock_data;
  self->opened_monotonic = self->monotonic (self->monotonic_data);
}

static const char *
setting_default (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (setting_defaults); i++)
    if (g_str_equal (setting_defaults[i].key, key))
      return setting_defaults[i].value;
  return NULL;
}

/**
 * kns_store_get_setting:
 *
 * Returns: (transfer full) (nullable): the value, the default of a
 *   setting the store knows (record-sex "false", retention-days "365"),
 *   or %NULL without an error when unset
 */
char *
kns_store_get_setting (KnsStore    *self,
                       const char  *key,
                       GError     **error)
{
  char *value = NULL;

  g_return_val_if_fail (KNS_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (!kns_store_read_setting (self, key, &value, error))
    return NULL;
  return value != NULL ? value : g_strdup (setting_default (key));
}

/**
 * kns_store_set_setting:
 * @value: (nullable): the new value; %NULL removes the setting
 *
 * The device UUID cannot be changed. Setting record-sex to anything but
 * "true" also forgets the sex of every learner.
 */
gboolean
kns_store_set_setting (KnsStore    *self,
                       const char  *key,
                       const char  *value,
                       GError     **error)
{
  g_return_val_if_fail (KNS_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL && *key != '\0', FALSE);

  if (kns_store_is_identity_key (key))
    {
      g_set_error_literal (error, KNS_STORE_ERROR, KNS_STORE_ERROR_INVALID,
                           _("The identity of this computer cannot be changed."));
      return FALSE;
    }

  if (!kns_store_begin (self, error))
    return FALSE;
  if (!kns_store_write_setting (self, key, value, error))
    return kns_store_rollback (self);

  /* A school that stops recording sex keeps none. */
  if (g_str_equal (key, KNS_STORE_SETTING_RECORD_SEX) && g_strcmp0 (value, "true") != 0)
    {
      g_autoptr(sqlite3_stmt) stmt = kns_store_prepare (self, "UPDATE learner SET sex = 0", error);

      if (stmt == NULL || !kns_store_run (self, stmt, error))
        return kns_store_rollback (self);
    }

  return kns_store_commit (self, error);
}

gboolean
kns_store_set_enrolment (KnsStore  *self,
                         guint      school_year,
                         guint      grade,
                         KnsSex     sex,
                         guint      count,
                         GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (KNS_IS_STORE (self), FALSE);
  g_return_val_if_fail (sex <= KNS_SEX_FEMALE, FALSE);

  if (grade < 1 || grade > 12)
    {
      g_set_error_literal (error, KNS_STORE_ERROR, KNS_STORE_ERROR_INVALID,
                           _("The grade must be from 1 to 12."));
      return FALSE;
    }

  stmt = kns_store_prepare (self,
                            "INSERT INTO enrolment (school_year, grade, sex, count) VALUES (?, ?, "
                            "?, ?) "
                            "ON CONFLICT (school_year, grade, sex) DO UPDATE SET count = "
                            "excluded.count",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, school_year);
  sqlite3_bind_int64 (stmt, 2, grade);
  sqlite3_bind_int (stmt, 3, sex);
  sqlite3_bind_int64 (stmt, 4, count);

  /* One statement is one transaction: committed when it returns. */
  return kns_store_run (self, stmt, error);
}

guint
kns_store_get_enrolment (KnsStore  *self,
                         guint      school_year,
                         guint      grade,
                         KnsSex     sex,
                         GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (KNS_IS_STORE (self), 0);

  stmt = kns_store_prepare (self,
                            "SELECT count FROM enrolment WHERE school_year = ? AND grade = ? AND "
                            "sex = ?",
                            error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, school_year);
  sqlite3_bind_int64 (stmt, 2, grade);
  sqlite3_bind_int (stmt, 3, sex);

  if (kns_store_step (self, stmt, error) != SQLITE_ROW)
    return 0;
  return (guint) sqlite3_column_int64 (stmt, 0);
}

/* School years start in September: a date in 2026-09 … 2027-08 belongs to
 * năm học 2026–2027, which is 2026 here. */
guint
kns_school_year_for_time (gint64 time)
{
  g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (time / G_USEC_PER_SEC);
  int year;

  g_return_val_if_fail (local != NULL, 0);

  year = g_date_time_get_year (local);
  return (guint) (g_date_time_get_month (local) >= 9 ? year : year - 1);
}
