/* kns-store-file.c — the database file: checking, recovery and backups
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
 * A damaged file is never deleted: it is moved aside, with its
 * write-ahead log, so that someone can still try to rescue it. In its
 * place goes the newest backup that passes PRAGMA integrity_check, or an
 * empty database. Both are built under a temporary name and renamed into
 * place, so a power cut never leaves half a database at the real name.
 */

#define G_LOG_DOMAIN "kns-store"

#include "kns-config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "kns-store-private.h"

#define BACKUP_PREFIX "kynangso-"
#define BACKUP_SUFFIX ".db"
#define BACKUP_NAME_LENGTH (sizeof BACKUP_PREFIX - 1 + 15 + sizeof BACKUP_SUFFIX - 1)

/* The first 100 bytes of every SQLite file (https://sqlite.org/fileformat.html). */
#define HEADER_SIZE 100
static const char sqlite_magic[16] = "SQLite format 3";

static guint32
read_be32 (const guint8 *bytes)
{
  return ((guint32) bytes[0] << 24) | ((guint32) bytes[1] << 16) |
         ((guint32) bytes[2] << 8) | (guint32) bytes[3];
}

static goffset
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (goffset) st.st_size : 0;
}

static KnsDamage
check_header_bytes (const guint8 *header,
                    gsize         length,
                    goffset       size,
                    gboolean      has_wal,
                    guint        *user_version)
{
  guint page_size;
  guint32 n_pages;

  if (length < HEADER_SIZE)
    return memcmp (header, sqlite_magic, MIN (length, sizeof sqlite_magic)) == 0
             ? KNS_DAMAGE_TRUNCATED : KNS_DAMAGE_NOT_SQLITE;
  if (memcmp (header, sqlite_magic, sizeof sqlite_magic) != 0)
    return KNS_DAMAGE_NOT_SQLITE;

  page_size = (header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  if (page_size < 512 || (page_size & (page_size - 1)) != 0)
    return KNS_DAMAGE_CORRUPT;
  if (size % page_size != 0)
    return KNS_DAMAGE_TRUNCATED;

  /* The page count is valid when the two change counters agree. With a
   * write-ahead log the file may lawfully be shorter: a checkpoint cut
   * short by a power cut is finished from the log. */
  n_pages = read_be32 (header + 28);
  if (!has_wal && n_pages > 0 && read_be32 (header + 24) == read_be32 (header + 92) &&
      size < (goffset) n_pages * page_size)
    return KNS_DAMAGE_TRUNCATED;

  *user_version = read_be32 (header + 60);
  return KNS_DAMAGE_NONE;
}

/**
 * kns_store_check_header:
 * @user_version: (out): the schema version the file says it has
 *
 * What can be known without SQLite, from the size and the first 100
 * bytes: nearly free, and it never writes. A file that cannot be read is
 * not damaged here; opening it reports the real problem.
 */
KnsDamage
kns_store_check_header (const char *path,
                        guint      *user_version)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  guint8 header[HEADER_SIZE] = { 0 };
  goffset size;
  gssize length;
  int fd;

  *user_version = 0;
  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    return KNS_DAMAGE_NONE;

  size = file_size (path);
  length = read (fd, header, sizeof header);
  close (fd);

  if (size == 0)
    return KNS_DAMAGE_ZERO_LENGTH;
  if (length < 0)
    return KNS_DAMAGE_NONE;

  return check_header_bytes (header, (gsize) length, size, file_size (wal) > 0, user_version);
}

const char *
kns_store_damage_to_string (KnsDamage damage)
{
  switch (damage)
    {
    case KNS_DAMAGE_NONE:
      return "not damaged";
    case KNS_DAMAGE_ZERO_LENGTH:
      return "zero length";
    case KNS_DAMAGE_NOT_SQLITE:
      return "not an SQLite database";
    case KNS_DAMAGE_TRUNCATED:
      return "truncated";
    case KNS_DAMAGE_CORRUPT:
    default:
      return "corrupt";
    }
}

char *
kns_store_format_time (gint64      time,
                       const char *format)
{
  g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (time / G_USEC_PER_SEC);

  g_return_val_if_fail (local != NULL, g_strdup ("00000000-000000"));
  return g_date_time_format (local, format);
}

/* Makes renames in @folder survive a power cut. */
static void
sync_folder (const char *folder)
{
  int fd = g_open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd < 0)
    return;
  if (fsync (fd) != 0)
    g_debug ("%s: fsync: %s", folder, g_strerror (errno));
  close (fd);
}

static void
remove_with_sidecars (const char *path)
{
  static const char *const suffixes[] = { "", "-journal", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      if (g_remove (file) != 0 && errno != ENOENT)
        g_debug ("%s: %s", file, g_strerror (errno));
    }
}

static char *
aside_name (KnsStore *self)
{
  g_autofree char *stamp = kns_store_format_time (kns_store_now (self), "%Y%m%d-%H%M%S");
  g_autofree char *base = g_strdup_printf ("%s.damaged-%s", self->path, stamp);
  char *name = g_strdup (base);

  /* Two recoveries in one second: keep both. */
  for (guint n = 2; g_file_test (name, G_FILE_TEST_EXISTS); n++)
    {
      g_free (name);
      name = g_strdup_printf ("%s-%u", base, n);
    }
  return name;
}

/* The log and the index go along: a stale log beside a new database
 * would be replayed into it. */
static gboolean
move_aside (KnsStore  *self,
            GError   **error)
{
  static const char *const suffixes[] = { "", "-wal", "-shm" };
  g_autofree char *target = aside_name (self);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (self->path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (target, suffixes[i], NULL);

      if (i > 0 && !g_file_test (from, G_FILE_TEST_EXISTS))
        continue;
      if (g_rename (from, to) != 0)
        return kns_store_fail_errno (self, errno, from, error);
    }

  sync_folder (self->data_dir);
  g_message ("%s was damaged; moved to %s", self->path, target);
  self->moved_aside = g_steal_pointer (&target);
  return TRUE;
}

static char *
backup_folder (KnsStore *self)
{
  return g_build_filename (self->data_dir, "backups", NULL);
}

static gboolean
is_backup_name (const char *name)
{
  return strlen (name) == BACKUP_NAME_LENGTH &&
         g_str_has_prefix (name, BACKUP_PREFIX) &&
         g_str_has_suffix (name, BACKUP_SUFFIX);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  return -g_strcmp0 (*(const char **) a, *(const char **) b);
}

/* Backup file names, newest first: their names sort by time. */
static GPtrArray *
list_backups (KnsStore *self)
{
  g_autofree char *folder = backup_folder (self);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (is_backup_name (name))
      g_ptr_array_add (names, g_strdup (name));

  g_ptr_array_sort (names, compare_newest_first);
  return names;
}

static int
query_int (sqlite3    *db,
           const char *sql,
           char      **text)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      *text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      return SQLITE_OK;
    }
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Recovery is rare and worth the full check. */
/**
 * kns_store_describe_backup_time:
 * @backup: a backup's path
 *
 * Returns: (transfer full): when the backup was made, as a teacher in
 *   Việt Nam writes it ("05/10/2026 08:00"), read from its name
 */
char *
kns_store_describe_backup_time (const char *backup)
{
  g_autofree char *name = g_path_get_basename (backup);
  g_autoptr(GDateTime) time = NULL;
  int year, month, day, hour, minute, second;

  if (is_backup_name (name) &&
      sscanf (name + strlen (BACKUP_PREFIX), "%4d%2d%2d-%2d%2d%2d",
              &year, &month, &day, &hour, &minute, &second) == 6)
    time = g_date_time_new_local (year, month, day, hour, minute, second);

  return time != NULL ? g_date_time_format (time, "%d/%m/%Y %H:%M") : g_steal_pointer (&name);
}

static gboolean
is_usable_backup (const char *file)
{
  g_autofree char *check = NULL;
  g_autofree char *version = NULL;
  sqlite3 *db = NULL;
  gboolean usable;
  guint header_version;

  if (kns_store_check_header (file, &header_version) != KNS_DAMAGE_NONE)
    return FALSE;

  if (sqlite3_open_v2 (file, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      sqlite3_close (db);
      return FALSE;
    }

  usable = query_int (db, "PRAGMA integrity_check", &check) == SQLITE_OK &&
           g_strcmp0 (check, "ok") == 0 &&
           query_int (db, "PRAGMA user_version", &version) == SQLITE_OK &&
           g_ascii_strtoull (version ? version : "0", NULL, 10) <= kns_store_schema_latest ();
  sqlite3_close (db);

  if (!usable)
    g_message ("%s: not a usable backup (%s)", file, check ? check : "unreadable");
  return usable;
}

/* Copies @from into @to with the online backup API. The copy is left in
 * rollback-journal mode: one self-contained file. */
static int
copy_database (sqlite3    *from,
               const char *to)
{
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc = sqlite3_open_v2 (to, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);

  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", from, "main");
      if (backup != NULL)
        {
          sqlite3_backup_step (backup, -1);
          rc = sqlite3_backup_finish (backup);
        }
      else
        rc = sqlite3_errcode (dest);
    }

  if (rc == SQLITE_OK)
    rc = sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    g_message ("%s: backup failed: %s", to, dest ? sqlite3_errmsg (dest) : sqlite3_errstr (rc));

  sqlite3_close (dest);
  return rc;
}

static gboolean
restore_backup (KnsStore   *self,
                const char *backup,
                GError    **error)
{
  g_autofree char *tmp = g_strconcat (self->path, ".new", NULL);
  sqlite3 *source = NULL;
  int rc;

  remove_with_sidecars (tmp);
  rc = sqlite3_open_v2 (backup, &source, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    rc = copy_database (source, tmp);
  sqlite3_close (source);

  if (rc != SQLITE_OK)
    {
      remove_with_sidecars (tmp);
      kns_store_set_error (self,
                           (rc & 0xff) == SQLITE_FULL ? KNS_STORE_ERROR_FULL : KNS_STORE_ERROR_IO,
                           error);
      return FALSE;
    }

  if (g_rename (tmp, self->path) != 0)
    return kns_store_fail_errno (self, errno, self->path, error);
  sync_folder (self->data_dir);
  return TRUE;
}

/* A log without its database (someone deleted kynangso.db by hand) would
 * be replayed into the new one: it is moved aside, not deleted. */
static gboolean
move_orphans (KnsStore  *self,
              GError   **error)
{
  static const char *const suffixes[] = { "-wal", "-shm" };
  g_autofree char *stamp = kns_store_format_time (kns_store_now (self), "%Y%m%d-%H%M%S");

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (self->path, suffixes[i], NULL);
      g_autofree char *to = g_strdup_printf ("%s.orphan-%s%s", self->path, stamp, suffixes[i]);

      if (!g_file_test (from, G_FILE_TEST_EXISTS))
        continue;
      if (g_rename (from, to) != 0)
        return kns_store_fail_errno (self, errno, from, error);
      g_message ("%s had no database; moved to %s", from, to);
    }
  return TRUE;
}

/**
 * kns_store_create_fresh:
 *
 * Creates an empty database with the latest schema at the store's path,
 * built under a temporary name first.
 */
gboolean
kns_store_create_fresh (KnsStore  *self,
                        GError   **error)
{
  g_autofree char *tmp = g_strconcat (self->path, ".new", NULL);
  gboolean ok;
  int rc;

  g_assert (self->db == NULL);

  remove_with_sidecars (tmp);
  rc = sqlite3_open_v2 (tmp, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  ok = rc == SQLITE_OK ? kns_store_migrate (self, 0, error) : kns_store_fail (self, rc, error);

  if (sqlite3_close (self->db) != SQLITE_OK)
    g_warning ("%s: not closed", tmp);
  self->db = NULL;

  if (!ok || !move_orphans (self, error))
    {
      remove_with_sidecars (tmp);
      return FALSE;
    }
  if (g_rename (tmp, self->path) != 0)
    return kns_store_fail_errno (self, errno, self->path, error);

  sync_folder (self->data_dir);
  return TRUE;
}

/**
 * kns_store_recover:
 *
 * Moves the damaged file aside, then restores the newest usable backup or
 * starts an empty database; kns_store_get_recovery() tells which.
 */
gboolean
kns_store_recover (KnsStore   *self,
                   KnsDamage   damage,
                   GError    **error)
{
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *folder = NULL;

  g_assert (self->db == NULL);
  g_message ("%s: %s", self->path, kns_store_damage_to_string (damage));

  if (!move_aside (self, error))
    return FALSE;

  backups = list_backups (self);
  folder = backup_folder (self);
  for (guint i = 0; i < backups->len; i++)
    {
      g_autofree char *file = g_build_filename (folder, g_ptr_array_index (backups, i), NULL);

      if (!is_usable_backup (file))
        continue;
      if (!restore_backup (self, file, error))
        return FALSE;

      g_message ("%s: restored %s", self->path, file);
      self->recovery = KNS_STORE_RECOVERY_RESTORED_BACKUP;
      self->restored_from = g_steal_pointer (&file);
      return TRUE;
    }

  if (!kns_store_create_fresh (self, error))
    return FALSE;
  g_message ("%s: no usable backup; started an empty database", self->path);
  self->recovery = KNS_STORE_RECOVERY_STARTED_FRESH;
  return TRUE;
}

static void
prune_backups (KnsStore *self)
{
  g_autoptr(GPtrArray) backups = list_backups (self);
  g_autofree char *folder = backup_folder (self);

  for (guint i = KNS_STORE_BACKUPS_KEPT; i < backups->len; i++)
    {
      g_autofree char *file = g_build_filename (folder, g_ptr_array_index (backups, i), NULL);

      if (g_remove (file) != 0)
        g_message ("%s: not removed: %s", file, g_strerror (errno));
    }
}

/**
 * kns_store_backup:
 *
 * Copies the database with SQLite's online backup API into
 * DATA_DIR/backups/kynangso-YYYYMMDD-HHMMSS.db and keeps the newest
 * five. A backup made in the same second replaces the earlier one.
 */
gboolean
kns_store_backup (KnsStore  *self,
                  GError   **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *name = NULL;
  g_autofree char *file = NULL;
  g_autofree char *tmp = NULL;
  int rc;

  g_return_val_if_fail (KNS_IS_STORE (self), FALSE);

  folder = backup_folder (self);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    return kns_store_fail_errno (self, errno, folder, error);

  stamp = kns_store_format_time (kns_store_now (self), "%Y%m%d-%H%M%S");
  name = g_strdup_printf (BACKUP_PREFIX "%s" BACKUP_SUFFIX, stamp);
  file = g_build_filename (folder, name, NULL);
  tmp = g_strconcat (file, ".tmp", NULL);

  remove_with_sidecars (tmp);
  rc = copy_database (self->db, tmp);
  if (rc != SQLITE_OK)
    {
      remove_with_sidecars (tmp);
      kns_store_set_error (self,
                           (rc & 0xff) == SQLITE_FULL ? KNS_STORE_ERROR_FULL : KNS_STORE_ERROR_IO,
                           error);
      return FALSE;
    }

  /* Renamed only once complete: a file with a backup's name is whole. */
  if (g_rename (tmp, file) != 0)
    return kns_store_fail_errno (self, errno, file, error);
  sync_folder (folder);

  g_debug ("%s: backed up to %s", self->path, file);
  prune_backups (self);
  return TRUE;
}

/**
 * kns_store_backup_if_due:
 *
 * Backs up unless there is already a backup from today (local time).
 * Call it at start-up; kns_store_end_session() backs up by itself.
 */
gboolean
kns_store_backup_if_due (KnsStore  *self,
                         GError   **error)
{
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *today = NULL;

  g_return_val_if_fail (KNS_IS_STORE (self), FALSE);

  backups = list_backups (self);
  today = kns_store_format_time (kns_store_now (self), BACKUP_PREFIX "%Y%m%d-");
  if (backups->len > 0 && g_str_has_prefix (g_ptr_array_index (backups, 0), today))
    return TRUE;

  return kns_store_backup (self, error);
}
