/* kns-store-import.c — bundles of other computers, stored
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
 * An import is one transaction: a bundle is stored whole or not at all.
 * A computer's later export holds everything its earlier one held, and
 * more: its counts only grow and its sessions stay. An export that does
 * not hold all of an earlier one of the same computer id is another
 * computer with the same id (a data folder copied before this version
 * told copies apart): it is kept beside the first, never instead of it.
 */

#define G_LOG_DOMAIN "kns-store"

#include "kns-config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kns-store-private.h"

/* Lists are kept one item a line; "" is an empty list. */
static char *
join_lines (const char *const *items)
{
  return items != NULL ? g_strjoinv ("\n", (char **) items) : g_strdup ("");
}

static gboolean
delete_bundle (KnsStore *self,
               gint64    id,
               GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = kns_store_prepare (self, "DELETE FROM import_bundle WHERE id = ?",
                                                     error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return kns_store_run (self, stmt, error);
}

static gboolean
insert_bundle_row (KnsStore                *self,
                   const KnsImportedBundle *bundle,
                   gint64                  *id,
                   GError                 **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = kns_store_prepare (self,
                            "INSERT INTO import_bundle (device_uuid, school_year, exported, "
                            "  checksum, imported, app_version, school_name, school_location, "
                            "  file_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, bundle->device_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, bundle->school_year);
  sqlite3_bind_int64 (stmt, 3, bundle->exported);
  sqlite3_bind_text (stmt, 4, bundle->checksum, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, kns_store_now (self));
  sqlite3_bind_text (stmt, 6, bundle->app_version ? bundle->app_version : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, bundle->school_name ? bundle->school_name : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, bundle->school_location ? bundle->school_location : "", -1,
                     SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, bundle->file_name ? bundle->file_name : "", -1, SQLITE_STATIC);
  if (!kns_store_run (self, stmt, error))
    return FALSE;

  *id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

static gboolean
insert_tallies (KnsStore  *self,
                gint64     id,
                GPtrArray *tallies,
                GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = kns_store_prepare (self,
                            "INSERT INTO import_tally_day (bundle_id, day, session_uuid, grade, "
                            "  sex, tier, lesson_id, attendances, completions, attempts, "
                            "  score_sum, passes, attendance_key, completion_key, attempt_key) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; tallies != NULL && i < tallies->len; i++)
    {
      const KnsTallyRow *row = g_ptr_array_index (tallies, i);

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, row->day, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, row->session_uuid, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 4, (int) row->grade);
      sqlite3_bind_int (stmt, 5, row->sex);
      sqlite3_bind_int (stmt, 6, (int) row->tier);
      sqlite3_bind_text (stmt, 7, row->lesson_id, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 8, (sqlite3_int64) row->attendances);
      sqlite3_bind_int64 (stmt, 9, (sqlite3_int64) row->completions);
      sqlite3_bind_int64 (stmt, 10, (sqlite3_int64) row->attempts);
      sqlite3_bind_int64 (stmt, 11, (sqlite3_int64) row->score_sum);
      sqlite3_bind_int64 (stmt, 12, (sqlite3_int64) row->passes);
      sqlite3_bind_int64 (stmt, 13, row->attendance_key);
      sqlite3_bind_int64 (stmt, 14, row->completion_key);
      sqlite3_bind_int64 (stmt, 15, row->attempt_key);
      if (!kns_store_run (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_headcounts (KnsStore  *self,
                   gint64     id,
                   GPtrArray *headcounts,
                   GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = kns_store_prepare (self,
                            "INSERT INTO import_headcount (bundle_id, session_uuid, grade, sex, "
                            "  tier, participants, participant_key) VALUES (?, ?, ?, ?, ?, ?, ?)",
                            error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; headcounts != NULL && i < headcounts->len; i++)
    {
      const KnsHeadcountRow *row = g_ptr_array_index (headcounts, i);

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, row->session_uuid, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 3, (int) row->grade);
      sqlite3_bind_int (stmt, 4, row->sex);
      sqlite3_bind_int (stmt, 5, (int) row->tier);
      sqlite3_bind_int64 (stmt, 6, (sqlite3_int64) row->participants);
      sqlite3_bind_int64 (stmt, 7, row->participant_key);
      if (!kns_store_run (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_sessions (KnsStore  *self,
                 gint64     id,
                 GPtrArray *sessions,
                 GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = kns_store_prepare (self,
                            "INSERT INTO import_session (bundle_id, uuid, class_label, grade, tier, "
                            "  title, format, lesson_ids, started, ended, skill_groups, "
                            "  competences) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; sessions != NULL && i < sessions->len; i++)
    {
      const KnsSessionSummary *session = g_ptr_array_index (sessions, i);
      g_autofree char         *lessons = NULL;
      g_autofree char         *competences = join_lines ((const char *const *) session->competences);

      if (session->lesson_ids != NULL)
        lessons = join_lines ((const char *const *) session->lesson_ids);
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, session->uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, session->class_label, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 4, (int) session->grade);
      sqlite3_bind_int (stmt, 5, (int) session->tier);
      sqlite3_bind_text (stmt, 6, session->title, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 7, session->format);
      if (lessons != NULL)
        sqlite3_bind_text (stmt, 8, lessons, -1, SQLITE_STATIC);
      else
        sqlite3_bind_null (stmt, 8);
      sqlite3_bind_int64 (stmt, 9, session->started);
      sqlite3_bind_int64 (stmt, 10, session->ended);
      sqlite3_bind_int (stmt, 11, (int) session->skill_groups);
      sqlite3_bind_text (stmt, 12, competences, -1, SQLITE_STATIC);
      if (!kns_store_run (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_lessons (KnsStore  *self,
                gint64     id,
                GPtrArray *lessons,
                GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = kns_store_prepare (self,
                            "INSERT INTO import_lesson (bundle_id, id, title, tier, skill_groups, "
                            "  competences, channels) VALUES (?, ?, ?, ?, ?, ?, ?)",
                            error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; lessons != NULL && i < lessons->len; i++)
    {
      const KnsLessonSummary *lesson = g_ptr_array_index (lessons, i);
      g_autofree char        *competences = join_lines ((const char *const *) lesson->competences);
      g_autofree char        *channels = join_lines ((const char *const *) lesson->channels);

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, lesson->id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, lesson->title, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 4, (int) lesson->tier);
      sqlite3_bind_int (stmt, 5, (int) lesson->skill_groups);
      sqlite3_bind_text (stmt, 6, competences, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 7, channels, -1, SQLITE_STATIC);
      if (!kns_store_run (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* What a bundle counts, to tell a later export of one computer from
 * another computer's: the counts summed over days (a format-1 bundle
 * has a row a day, a format-2 one a row a year), its headcounts and its
 * sessions. */
typedef struct
{
  GHashTable *tallies;    /* key → Counts */
  GHashTable *headcounts; /* key → Counts (participants in attendances) */
  GHashTable *sessions;   /* uuid */
} Figures;

typedef struct
{
  guint64 attendances;
  guint64 completions;
  guint64 attempts;
  guint64 passes;
} Counts;

static void
figures_init (Figures *figures)
{
  figures->tallies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  figures->headcounts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  figures->sessions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
figures_clear (Figures *figures)
{
  g_clear_pointer (&figures->tallies, g_hash_table_unref);
  g_clear_pointer (&figures->headcounts, g_hash_table_unref);
  g_clear_pointer (&figures->sessions, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Figures, figures_clear)

static Counts *
figures_counts (GHashTable *table,
                const char *session_uuid,
                guint       grade,
                guint       sex,
                guint       tier,
                const char *lesson_id)
{
  char *key = g_strdup_printf ("%s\x1f%u\x1f%u\x1f%u\x1f%s", session_uuid, grade, sex, tier,
                               lesson_id);
  Counts *counts = g_hash_table_lookup (table, key);

  if (counts == NULL)
    g_hash_table_insert (table, key, (counts = g_new0 (Counts, 1)));
  else
    g_free (key);
  return counts;
}

static void
figures_add_tally (Figures           *figures,
                   const KnsTallyRow *row)
{
  Counts *counts = figures_counts (figures->tallies, row->session_uuid, row->grade, row->sex,
                                   row->tier, row->lesson_id);

  counts->attendances += row->attendances;
  counts->completions += row->completions;
  counts->attempts += row->attempts;
  counts->passes += row->passes;
}

static void
figures_add_headcount (Figures               *figures,
                       const KnsHeadcountRow *row)
{
  figures_counts (figures->headcounts, row->session_uuid, row->grade, row->sex, row->tier,
                  "")->attendances += row->participants;
}

static void
figures_from_rows (Figures   *figures,
                   GPtrArray *tallies,
                   GPtrArray *headcounts,
                   GPtrArray *sessions)
{
  figures_init (figures);
  for (guint i = 0; tallies != NULL && i < tallies->len; i++)
    figures_add_tally (figures, g_ptr_array_index (tallies, i));
  for (guint i = 0; headcounts != NULL && i < headcounts->len; i++)
    figures_add_headcount (figures, g_ptr_array_index (headcounts, i));
  for (guint i = 0; sessions != NULL && i < sessions->len; i++)
    {
      const KnsSessionSummary *session = g_ptr_array_index (sessions, i);

      g_hash_table_add (figures->sessions, g_strdup (session->uuid));
    }
}

/* An imported bundle's figures, as stored. */
static gboolean
figures_from_store (KnsStore  *self,
                    gint64     bundle_id,
                    Figures   *figures,
                    GError   **error)
{
  g_autoptr(sqlite3_stmt) tallies = NULL;
  g_autoptr(sqlite3_stmt) headcounts = NULL;
  g_autoptr(sqlite3_stmt) sessions = NULL;
  int rc;

  figures_init (figures);
  tallies = kns_store_prepare (self,
                               "SELECT session_uuid, grade, sex, tier, lesson_id, attendances, "
                               "  completions, attempts, passes "
                               "FROM import_tally_day WHERE bundle_id = ?",
                               error);
  headcounts = kns_store_prepare (self,
                                  "SELECT session_uuid, grade, sex, tier, participants "
                                  "FROM import_headcount WHERE bundle_id = ?",
                                  error);
  sessions = kns_store_prepare (self, "SELECT uuid FROM import_session WHERE bundle_id = ?",
                                error);
  if (tallies == NULL || headcounts == NULL || sessions == NULL)
    return FALSE;
  sqlite3_bind_int64 (tallies, 1, bundle_id);
  sqlite3_bind_int64 (headcounts, 1, bundle_id);
  sqlite3_bind_int64 (sessions, 1, bundle_id);

  while ((rc = kns_store_step (self, tallies, error)) == SQLITE_ROW)
    {
      Counts *counts = figures_counts (figures->tallies,
                                       (const char *) sqlite3_column_text (tallies, 0),
                                       (guint) sqlite3_column_int (tallies, 1),
                                       (guint) sqlite3_column_int (tallies, 2),
                                       (guint) sqlite3_column_int (tallies, 3),
                                       (const char *) sqlite3_column_text (tallies, 4));

      counts->attendances += (guint64) sqlite3_column_int64 (tallies, 5);
      counts->completions += (guint64) sqlite3_column_int64 (tallies, 6);
      counts->attempts += (guint64) sqlite3_column_int64 (tallies, 7);
      counts->passes += (guint64) sqlite3_column_int64 (tallies, 8);
    }
  if (rc != SQLITE_DONE)
    return FALSE;
  while ((rc = kns_store_step (self, headcounts, error)) == SQLITE_ROW)
    figures_counts (figures->headcounts, (const char *) sqlite3_column_text (headcounts, 0),
                    (guint) sqlite3_column_int (headcounts, 1),
                    (guint) sqlite3_column_int (headcounts, 2),
                    (guint) sqlite3_column_int (headcounts, 3),
                    "")->attendances += (guint64) sqlite3_column_int64 (headcounts, 4);
  if (rc != SQLITE_DONE)
    return FALSE;
  while ((rc = kns_store_step (self, sessions, error)) == SQLITE_ROW)
    g_hash_table_add (figures->sessions, kns_store_column_dup (sessions, 0));
  return rc == SQLITE_DONE;
}

/* This computer's own figures of the school year, as its bundle would
 * carry them. */
static gboolean
figures_of_own (KnsStore  *self,
                guint      school_year,
                Figures   *figures,
                GError   **error)
{
  g_autoptr(GPtrArray) tallies = kns_store_list_tallies (self, school_year, error);
  g_autoptr(GPtrArray) headcounts = NULL;
  g_autoptr(GPtrArray) sessions = NULL;

  if (tallies == NULL ||
      (headcounts = kns_store_list_headcounts (self, school_year, error)) == NULL ||
      (sessions = kns_store_list_session_summaries (self, school_year, KNS_TALLY_OWN,
                                                    error)) == NULL)
    return FALSE;
  figures_from_rows (figures, tallies, headcounts, sessions);
  return TRUE;
}

static gboolean
counts_cover (GHashTable *a,
              GHashTable *b)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, b);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const Counts *in_b = value;
      const Counts *in_a = g_hash_table_lookup (a, key);

      if (in_a == NULL ||
          in_a->attendances < in_b->attendances || in_a->completions < in_b->completions ||
          in_a->attempts < in_b->attempts || in_a->passes < in_b->passes)
        return FALSE;
    }
  return TRUE;
}

/* Whether @a holds everything @b counts: every session, every count at
 * least as high. A later export of one computer covers its earlier. */
static gboolean
figures_cover (const Figures *a,
               const Figures *b)
{
  GHashTableIter iter;
  gpointer uuid;

  g_hash_table_iter_init (&iter, b->sessions);
  while (g_hash_table_iter_next (&iter, &uuid, NULL))
    if (!g_hash_table_contains (a->sessions, uuid))
      return FALSE;
  return counts_cover (a->tallies, b->tallies) && counts_cover (a->headcounts, b->headcounts);
}

typedef struct
{
  gint64  id;
  gint64  exported;
  char   *device_uuid;
  char   *checksum;
} Stored;

static void
stored_free (Stored *stored)
{
  g_free (stored->device_uuid);
  g_free (stored->checksum);
  g_free (stored);
}

/* What is stored already under the bundle's computer id and year: the
 * id itself, and "ID~2", "ID~3"… for other computers that claimed it. */
static GPtrArray *
list_stored (KnsStore                *self,
             const KnsImportedBundle *bundle,
             GError                 **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) stored = g_ptr_array_new_with_free_func ((GDestroyNotify) stored_free);
  int rc;

  stmt = kns_store_prepare (self,
                            "SELECT id, exported, device_uuid, checksum FROM import_bundle "
                            "WHERE school_year = ?2 AND (device_uuid = ?1 OR "
                            "  substr (device_uuid, 1, length (?1) + 1) = ?1 || '~') "
                            "ORDER BY id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, bundle->device_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, bundle->school_year);
  while ((rc = kns_store_step (self, stmt, error)) == SQLITE_ROW)
    {
      Stored *row = g_new0 (Stored, 1);

      row->id = sqlite3_column_int64 (stmt, 0);
      row->exported = sqlite3_column_int64 (stmt, 1);
      row->device_uuid = kns_store_column_dup (stmt, 2);
      row->checksum = kns_store_column_dup (stmt, 3);
      g_ptr_array_add (stored, row);
    }
  return rc == SQLITE_DONE ? g_steal_pointer (&stored) : NULL;
}

/* The id another computer claiming @uuid is stored under. */
static char *
other_claimant (const char *uuid,
                GPtrArray  *stored)
{
  for (guint n = 2;; n++)
    {
      g_autofree char *candidate = g_strdup_printf ("%s~%u", uuid, n);
      gboolean taken = FALSE;

      for (guint i = 0; i < stored->len && !taken; i++)
        taken = g_str_equal (((Stored *) g_ptr_array_index (stored, i))->device_uuid, candidate);
      if (!taken)
        return g_steal_pointer (&candidate);
    }
}

static gboolean
store_bundle (KnsStore                *self,
              const KnsImportedBundle *bundle,
              const char              *device_uuid,
              GPtrArray               *tallies,
              GPtrArray               *headcounts,
              GPtrArray               *sessions,
              GPtrArray               *lessons,
              GError                 **error)
{
  KnsImportedBundle stored = *bundle;
  gint64 id;

  stored.device_uuid = (char *) device_uuid;
  return insert_bundle_row (self, &stored, &id, error) &&
         insert_tallies (self, id, tallies, error) &&
         insert_headcounts (self, id, headcounts, error) &&
         insert_sessions (self, id, sessions, error) &&
         insert_lessons (self, id, lessons, error);
}

static gboolean
import_counted (KnsStore                *self,
                const KnsImportedBundle *bundle,
                GPtrArray               *tallies,
                GPtrArray               *headcounts,
                GPtrArray               *sessions,
                GPtrArray               *lessons,
                KnsImportResult         *result,
                GError                 **error)
{
  g_autoptr(GPtrArray) stored = list_stored (self, bundle, error);
  g_auto(Figures) figures = { 0 };
  g_autofree char *other = NULL;
  gboolean replaced = FALSE;

  if (stored == NULL)
    return FALSE;
  for (guint i = 0; i < stored->len; i++)
    if (g_strcmp0 (((Stored *) g_ptr_array_index (stored, i))->checksum, bundle->checksum) == 0)
      {
        *result = KNS_IMPORT_UNCHANGED;
        return TRUE;
      }

  figures_from_rows (&figures, tallies, headcounts, sessions);

  /* This computer's own id: its own export, or a copy of its folder
   * made before copies were told apart, which counted on its own since. */
  if (g_strcmp0 (bundle->device_uuid, self->device_uuid) == 0)
    {
      g_auto(Figures) own = { 0 };

      if (!figures_of_own (self, bundle->school_year, &own, error))
        return FALSE;
      if (figures_cover (&own, &figures))
        {
          g_set_error_literal (error, KNS_STORE_ERROR, KNS_STORE_ERROR_COUNTED,
                               _("This bundle was exported by this computer: its figures are "
                                 "already counted."));
          return FALSE;
        }
    }

  /* An earlier export of the same computer gives way; a later one
   * already here leaves this one out. */
  for (guint i = 0; i < stored->len; i++)
    {
      Stored *row = g_ptr_array_index (stored, i);
      g_auto(Figures) before = { 0 };
      gboolean covers, covered;

      if (!figures_from_store (self, row->id, &before, error))
        return FALSE;
      covers = figures_cover (&figures, &before);
      covered = figures_cover (&before, &figures);
      if ((covers || covered) && row->exported == bundle->exported)
        {
          /* One computer's two exports of the same second, with other
           * figures: one of them is not what the computer wrote. */
          g_set_error_literal (error, KNS_STORE_ERROR, KNS_STORE_ERROR_INVALID,
                               _("Another export of the same computer and time, with other "
                                 "figures, was imported before."));
          return FALSE;
        }
      if (covered && (!covers || row->exported >= bundle->exported))
        {
          *result = KNS_IMPORT_OLDER;
          return TRUE;
        }
      if (covers)
        {
          if (!delete_bundle (self, row->id, error) ||
              !store_bundle (self, bundle, row->device_uuid, tallies, headcounts, sessions,
                             lessons, error))
            return FALSE;
          *result = KNS_IMPORT_REPLACED;
          replaced = TRUE;
          break;
        }
    }
  if (replaced)
    return TRUE;

  /* Another computer with the same id: kept beside the others, never
   * instead of them. */
  if (stored->len > 0 || g_strcmp0 (bundle->device_uuid, self->device_uuid) == 0)
    {
      other = other_claimant (bundle->device_uuid, stored);
      *result = KNS_IMPORT_KEPT_BOTH;
    }
  else
    *result = KNS_IMPORT_ADDED;
  return store_bundle (self, bundle, other != NULL ? other : bundle->device_uuid, tallies,
                       headcounts, sessions, lessons, error);
}

/**
 * kns_store_import_bundle:
 * @bundle: the bundle's computer, school year, export time and checksum
 * @tallies: (element-type KnsTallyRow): its tally_day rows, with days
 * @headcounts: (element-type KnsHeadcountRow): its tally_headcount rows
 * @sessions: (element-type KnsSessionSummary): its sessions
 * @lessons: (element-type KnsLessonSummary): the lessons it counted
 * @result: (out): what became of it
 *
 * Stores a checked bundle of another computer in one transaction. The
 * same bundle twice changes nothing; a later export of the same computer
 * and school year (one that holds all the earlier one counted) replaces
 * it; an earlier one is left out. A bundle that claims a computer id
 * already here, or this computer's own, but does not hold what is
 * counted under it, is another computer (a copied data folder): it is
 * kept beside, under "ID~2", and @result says so. Checking the bundle
 * (kns-bundle-read.c) comes first: this trusts its figures.
 */
gboolean
kns_store_import_bundle (KnsStore                *self,
                         const KnsImportedBundle *bundle,
                         GPtrArray               *tallies,
                         GPtrArray               *headcounts,
                         GPtrArray               *sessions,
                         GPtrArray               *lessons,
                         KnsImportResult         *result,
                         GError                 **error)
{
  g_return_val_if_fail (KNS_IS_STORE (self), FALSE);
  g_return_val_if_fail (bundle != NULL && bundle->device_uuid != NULL, FALSE);
  g_return_val_if_fail (bundle->checksum != NULL, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  if (!kns_store_begin (self, error))
    return FALSE;
  if (!import_counted (self, bundle, tallies, headcounts, sessions, lessons, result, error))
    return kns_store_rollback (self);
  return kns_store_commit (self, error);
}

/**
 * kns_store_forget_bundle:
 *
 * Removes an imported bundle and everything it brought, for a bundle
 * imported by mistake (another school's, say).
 */
gboolean
kns_store_forget_bundle (KnsStore   *self,
                         const char *device_uuid,
                         guint       school_year,
                         GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (KNS_IS_STORE (self), FALSE);
  g_return_val_if_fail (device_uuid != NULL, FALSE);

  stmt = kns_store_prepare (self,
                            "DELETE FROM import_bundle WHERE device_uuid = ? AND school_year = ?",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, device_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, school_year);

  /* One statement is one transaction; the rows go with it (cascade). */
  if (!kns_store_run (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, KNS_STORE_ERROR, KNS_STORE_ERROR_NOT_FOUND,
                           _("This bundle is no longer on this computer."));
      return FALSE;
    }
  return TRUE;
}

