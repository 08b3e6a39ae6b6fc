/* kns-store-report.c — what the school report reads
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
 * Reports read the tally tables, sessions and the import_ tables of
 * schema version 2, and nothing else: no query here touches learner,
 * progress, attempt or answer. Sums are left to SQLite, so a report over
 * three hundred merged computers moves a few thousand rows, not millions.
 * Bundles are stored by kns-store-import.c.
 */

#define G_LOG_DOMAIN "kns-store"

#include "kns-config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kns-store-private.h"

/* Own and imported tally rows, as one table. ?1 and ?2 choose the
 * sources (1 or 0). */
#define TALLY_COLUMNS                                                                 \
  "day, session_uuid, grade, sex, tier, lesson_id, attendances, completions, "        \
  "  attempts, score_sum, passes, attendance_key, completion_key, attempt_key"
#define ALL_TALLY_DAYS                                                                \
  "SELECT " TALLY_COLUMNS " FROM tally_day WHERE ?1 "                                 \
  "UNION ALL "                                                                        \
  "SELECT " TALLY_COLUMNS " FROM import_tally_day WHERE ?2"

/* Key sums are kept modulo 2^32. */
#define KEY(value) ((guint32) ((guint64) (value) & G_MAXUINT32))

void
kns_tally_row_free (KnsTallyRow *row)
{
  if (row == NULL)
    return;

  g_free (row->day);
  g_free (row->session_uuid);
  g_free (row->lesson_id);
  g_free (row);
}

void
kns_headcount_row_free (KnsHeadcountRow *row)
{
  if (row == NULL)
    return;

  g_free (row->session_uuid);
  g_free (row);
}

void
kns_session_summary_free (KnsSessionSummary *session)
{
  if (session == NULL)
    return;

  g_free (session->uuid);
  g_free (session->device_uuid);
  g_free (session->class_label);
  g_free (session->title);
  g_strfreev (session->lesson_ids);
  g_strfreev (session->competences);
  g_free (session);
}

void
kns_lesson_summary_free (KnsLessonSummary *lesson)
{
  if (lesson == NULL)
    return;

  g_free (lesson->id);
  g_free (lesson->title);
  g_strfreev (lesson->competences);
  g_strfreev (lesson->channels);
  g_free (lesson);
}

void
kns_imported_bundle_free (KnsImportedBundle *bundle)
{
  if (bundle == NULL)
    return;

  g_free (bundle->device_uuid);
  g_free (bundle->checksum);
  g_free (bundle->app_version);
  g_free (bundle->school_name);
  g_free (bundle->school_location);
  g_free (bundle->file_name);
  g_free (bundle);
}

/* Lists are kept one item a line; "" is an empty list. */
static GStrv
split_lines (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  if (text == NULL || *text == '\0')
    return g_new0 (char *, 1);
  return g_strsplit (text, "\n", -1);
}

/* The school year's days, as text: 'YYYY-09-01' to 'YYYY+1-08-31'. */
static void
school_year_days (guint school_year,
                  char  first[16],
                  char  last[16])
{
  g_snprintf (first, 16, "%04u-09-01", school_year);
  g_snprintf (last, 16, "%04u-08-31", school_year + 1);
}

static gint64
local_midnight (guint year,
                guint month)
{
  g_autoptr(GDateTime) time = g_date_time_new_local ((int) year, (int) month, 1, 0, 0, 0);

  return g_date_time_to_unix (time) * G_USEC_PER_SEC;
}

static void
bind_sources (sqlite3_stmt   *stmt,
              KnsTallySources sources)
{
  sqlite3_bind_int (stmt, 1, (sources & KNS_TALLY_OWN) != 0);
  sqlite3_bind_int (stmt, 2, (sources & KNS_TALLY_IMPORTED) != 0);
}

static KnsTallyRow *
tally_from_row (sqlite3_stmt *stmt,
                gboolean      with_day)
{
  KnsTallyRow *row = g_new0 (KnsTallyRow, 1);
  int          c = 0;

  if (with_day)
    {
      row->day = kns_store_column_dup (stmt, c++);
      row->session_uuid = kns_store_column_dup (stmt, c++);
    }
  row->grade = (guint) sqlite3_column_int (stmt, c++);
  row->sex = (KnsSex) sqlite3_column_int (stmt, c++);
  row->tier = (guint) sqlite3_column_int (stmt, c++);
  row->lesson_id = kns_store_column_dup (stmt, c++);
  row->attendances = (guint64) sqlite3_column_int64 (stmt, c++);
  row->completions = (guint64) sqlite3_column_int64 (stmt, c++);
  row->attempts = (guint64) sqlite3_column_int64 (stmt, c++);
  row->score_sum = (guint64) sqlite3_column_int64 (stmt, c++);
  row->passes = (guint64) sqlite3_column_int64 (stmt, c++);
  row->attendance_key = KEY (sqlite3_column_int64 (stmt, c++));
  row->completion_key = KEY (sqlite3_column_int64 (stmt, c++));
  row->attempt_key = KEY (sqlite3_column_int64 (stmt, c++));
  return row;
}

/* Steps @stmt to the end, making one record a row. */
static GPtrArray *
collect (KnsStore     *self,
         sqlite3_stmt *stmt,
         gpointer (*from_row) (sqlite3_stmt *stmt, gpointer data),
         gpointer       data,
         GDestroyNotify free_func,
         GError       **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (free_func);
  int rc;

  while ((rc = kns_store_step (self, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (rows, from_row (stmt, data));
  return rc == SQLITE_DONE ? g_steal_pointer (&rows) : NULL;
}

static gpointer
tally_sum_cb (sqlite3_stmt *stmt,
              gpointer      data)
{
  return tally_from_row (stmt, GPOINTER_TO_INT (data));
}

static guint
tally_key_hash (gconstpointer key)
{
  const KnsTallyRow *row = key;

  return g_str_hash (row->lesson_id) ^ (row->grade * 131u) ^ (row->sex * 17u) ^ (row->tier * 7u);
}

static gboolean
tally_key_equal (gconstpointer a,
                 gconstpointer b)
{
  const KnsTallyRow *x = a, *y = b;

  return x->grade == y->grade && x->sex == y->sex && x->tier == y->tier &&
         g_str_equal (x->lesson_id, y->lesson_id);
}

static int
compare_sums (gconstpointer a,
              gconstpointer b)
{
  const KnsTallyRow *x = *(KnsTallyRow **) a, *y = *(KnsTallyRow **) b;

  if (x->grade != y->grade)
    return x->grade < y->grade ? -1 : 1;
  if (x->sex != y->sex)
    return x->sex < y->sex ? -1 : 1;
  if (x->tier != y->tier)
    return x->tier < y->tier ? -1 : 1;
  return g_strcmp0 (x->lesson_id, y->lesson_id);
}

/* Adds one row of the query into the sums. */
static void
add_to_sums (GHashTable   *sums,
             sqlite3_stmt *stmt)
{
  KnsTallyRow probe = { 0 };
  KnsTallyRow *sum;

  probe.grade = (guint) sqlite3_column_int (stmt, 0);
  probe.sex = (KnsSex) sqlite3_column_int (stmt, 1);
  probe.tier = (guint) sqlite3_column_int (stmt, 2);
  probe.lesson_id = (char *) sqlite3_column_text (stmt, 3);

  sum = g_hash_table_lookup (sums, &probe);
  if (sum == NULL)
    {
      sum = g_new0 (KnsTallyRow, 1);
      sum->grade = probe.grade;
      sum->sex = probe.sex;
      sum->tier = probe.tier;
      sum->lesson_id = g_strdup (probe.lesson_id);
      g_hash_table_add (sums, sum);
    }
  sum->attendances += (guint64) sqlite3_column_int64 (stmt, 4);
  sum->completions += (guint64) sqlite3_column_int64 (stmt, 5);
  sum->attempts += (guint64) sqlite3_column_int64 (stmt, 6);
  sum->score_sum += (guint64) sqlite3_column_int64 (stmt, 7);
  sum->passes += (guint64) sqlite3_column_int64 (stmt, 8);
  sum->attendance_key += KEY (sqlite3_column_int64 (stmt, 9));
  sum->completion_key += KEY (sqlite3_column_int64 (stmt, 10));
  sum->attempt_key += KEY (sqlite3_column_int64 (stmt, 11));
}

/**
 * kns_store_sum_tallies:
 * @first_day: the first day counted, "YYYY-MM-DD"
 * @last_day: the last day counted
 * @session_uuids: (nullable) (array zero-terminated=1): only these
 *   sessions, or %NULL for everything, in sessions or not
 *
 * Sums tally_day over days, sessions and computers. The rows are summed
 * here in a hash table rather than by SQLite's GROUP BY, which sorts
 * them first: with three hundred computers' rows, a third of the time.
 *
 * Returns: (transfer full) (element-type KnsTallyRow): one row for each
 *   grade, sex, tier and lesson ("" for sign-ins), sorted; day and
 *   session_uuid are %NULL
 */
GPtrArray *
kns_store_sum_tallies (KnsStore            *self,
                       const char          *first_day,
                       const char          *last_day,
                       const char * const  *session_uuids,
                       KnsTallySources      sources,
                       GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) sums = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *sessions = NULL;
  GHashTableIter iter;
  gpointer row;
  int rc;

  g_return_val_if_fail (KNS_IS_STORE (self), NULL);
  g_return_val_if_fail (first_day != NULL && last_day != NULL, NULL);

  stmt = kns_store_prepare (self,
                            "SELECT grade, sex, tier, lesson_id, attendances, completions, "
                            "  attempts, score_sum, passes, attendance_key, completion_key, "
                            "  attempt_key "
                            "FROM (" ALL_TALLY_DAYS ") "
                            "WHERE day BETWEEN ?3 AND ?4 "
                            "  AND (?5 IS NULL OR instr (?5, char (10) || session_uuid || char (10)) > 0)",
                            error);
  if (stmt == NULL)
    return NULL;

  bind_sources (stmt, sources);
  sqlite3_bind_text (stmt, 3, first_day, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, last_day, -1, SQLITE_STATIC);
  if (session_uuids != NULL)
    {
      /* "\nA\nB\n": a session matches when "\nA\n" is in it. */
      g_autofree char *joined = g_strjoinv ("\n", (char **) session_uuids);

      sessions = g_strconcat ("\n", joined, "\n", NULL);
      sqlite3_bind_text (stmt, 5, sessions, -1, SQLITE_STATIC);
    }

  sums = g_hash_table_new (tally_key_hash, tally_key_equal);
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) kns_tally_row_free);
  while ((rc = kns_store_step (self, stmt, error)) == SQLITE_ROW)
    add_to_sums (sums, stmt);

  /* The table does not own the rows: the array does, from here on. */
  g_hash_table_iter_init (&iter, sums);
  while (g_hash_table_iter_next (&iter, &row, NULL))
    g_ptr_array_add (rows, row);
  if (rc != SQLITE_DONE)
    return NULL;

  g_ptr_array_sort (rows, compare_sums);
  return g_steal_pointer (&rows);
}

/**
 * kns_store_list_tallies:
 *
 * This computer's own tally_day rows of the school year, exactly as
 * kept: what a bundle carries.
 *
 * Returns: (transfer full) (element-type KnsTallyRow): the rows, sorted
 */
GPtrArray *
kns_store_list_tallies (KnsStore *self,
                        guint     school_year,
                        GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  char first[16], last[16];

  g_return_val_if_fail (KNS_IS_STORE (self), NULL);

  school_year_days (school_year, first, last);
  stmt = kns_store_prepare (self,
                            "SELECT " TALLY_COLUMNS " FROM tally_day "
                            "WHERE day BETWEEN ? AND ? "
                            "ORDER BY day, session_uuid, grade, sex, tier, lesson_id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, last, -1, SQLITE_TRANSIENT);

  return collect (self, stmt, tally_sum_cb, GINT_TO_POINTER (TRUE),
                  (GDestroyNotify) kns_tally_row_free, error);
}

static gpointer
headcount_cb (sqlite3_stmt *stmt,
              gpointer      data)
{
  KnsHeadcountRow *row = g_new0 (KnsHeadcountRow, 1);

  row->session_uuid = kns_store_column_dup (stmt, 0);
  row->grade = (guint) sqlite3_column_int (stmt, 1);
  row->sex = (KnsSex) sqlite3_column_int (stmt, 2);
  row->tier = (guint) sqlite3_column_int (stmt, 3);
  row->participants = (guint64) sqlite3_column_int64 (stmt, 4);
  row->participant_key = KEY (sqlite3_column_int64 (stmt, 5));
  return row;
}

/**
 * kns_store_sum_headcounts:
 * @session_uuids: (nullable) (array zero-terminated=1): these sessions'
 *   headcounts, or %NULL for the school year's
 *
 * Distinct learners of the school year, or of each session, summed over
 * computers: a child who used two computers counts on each.
 *
 * Returns: (transfer full) (element-type KnsHeadcountRow): the sums
 */
GPtrArray *
kns_store_sum_headcounts (KnsStore            *self,
                          guint                school_year,
                          const char * const  *session_uuids,
                          KnsTallySources      sources,
                          GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sessions = NULL;

  g_return_val_if_fail (KNS_IS_STORE (self), NULL);

  stmt = kns_store_prepare (self,
                            "SELECT session_uuid, grade, sex, tier, sum (participants), "
                            "  sum (participant_key) FROM ("
                            "  SELECT session_uuid, grade, sex, tier, participants, participant_key "
                            "  FROM tally_headcount WHERE ?1 AND school_year = ?3 "
                            "  UNION ALL "
                            "  SELECT h.session_uuid, h.grade, h.sex, h.tier, h.participants, "
                            "    h.participant_key "
                            "  FROM import_headcount h JOIN import_bundle b ON b.id = h.bundle_id "
                            "  WHERE ?2 AND b.school_year = ?3) "
                            "WHERE CASE WHEN ?4 IS NULL THEN session_uuid = '' "
                            "  ELSE instr (?4, char (10) || session_uuid || char (10)) > 0 END "
                            "GROUP BY session_uuid, grade, sex, tier "
                            "ORDER BY session_uuid, grade, sex, tier",
                            error);
  if (stmt == NULL)
    return NULL;
  bind_sources (stmt, sources);
  sqlite3_bind_int64 (stmt, 3, school_year);
  if (session_uuids != NULL)
    {
      g_autofree char *joined = g_strjoinv ("\n", (char **) session_uuids);

      sessions = g_strconcat ("\n", joined, "\n", NULL);
      sqlite3_bind_text (stmt, 4, sessions, -1, SQLITE_STATIC);
    }

  return collect (self, stmt, headcount_cb, NULL, (GDestroyNotify) kns_headcount_row_free, error);
}

/**
 * kns_store_list_headcounts:
 *
 * Returns: (transfer full) (element-type KnsHeadcountRow): this
 *   computer's own tally_headcount rows of the school year, the year's
 *   and each session's, exactly as kept: what a bundle carries
 */
GPtrArray *
kns_store_list_headcounts (KnsStore  *self,
                           guint      school_year,
                           GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (KNS_IS_STORE (self), NULL);

  stmt = kns_store_prepare (self,
                            "SELECT session_uuid, grade, sex, tier, participants, participant_key "
                            "FROM tally_headcount WHERE school_year = ? "
                            "ORDER BY session_uuid, grade, sex, tier",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, school_year);

  return collect (self, stmt, headcount_cb, NULL, (GDestroyNotify) kns_headcount_row_free, error);
}

static gpointer
session_cb (sqlite3_stmt *stmt,
            gpointer      data)
{
  KnsSessionSummary *session = g_new0 (KnsSessionSummary, 1);

  session->uuid = kns_store_column_dup (stmt, 0);
  session->device_uuid = kns_store_column_dup (stmt, 1);
  session->class_label = kns_store_column_dup (stmt, 2);
  session->grade = (guint) sqlite3_column_int (stmt, 3);
  session->tier = (guint) sqlite3_column_int (stmt, 4);
  session->title = kns_store_column_dup (stmt, 5);
  session->format = (KnsSessionFormat) sqlite3_column_int (stmt, 6);
  if (sqlite3_column_type (stmt, 7) != SQLITE_NULL)
    session->lesson_ids = split_lines (stmt, 7);
  session->started = sqlite3_column_int64 (stmt, 8);
  session->ended = sqlite3_column_int64 (stmt, 9);
  session->skill_groups = (guint) sqlite3_column_int (stmt, 10);
  if (sqlite3_column_type (stmt, 11) != SQLITE_NULL)
    session->competences = split_lines (stmt, 11);
  session->participants = (guint64) sqlite3_column_int64 (stmt, 12);
  session->participant_key = KEY (sqlite3_column_int64 (stmt, 13));
  return session;
}

/**
 * kns_store_list_session_summaries:
 *
 * The sessions of the school year that have ended, from this computer
 * (those started in it) and from imported bundles of that year, by
 * start time.
 *
 * Returns: (transfer full) (element-type KnsSessionSummary): the sessions
 */
GPtrArray *
kns_store_list_session_summaries (KnsStore       *self,
                                  guint           school_year,
                                  KnsTallySources sources,
                                  GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (KNS_IS_STORE (self), NULL);

  stmt = kns_store_prepare (self,
                            /* Each session's headcount comes from one grouped pass over
                             * the headcounts, joined on the session: a subquery for each
                             * session could not use the headcounts' key and read them
                             * all, for each session (issue 19). */
                            "SELECT uuid, ?6, class_label, grade, tier, title, format, lesson_ids, "
                            "  started, ended, 0, NULL, coalesce (h.n, 0), coalesce (h.k, 0) "
                            "FROM class_session s LEFT JOIN ("
                            "  SELECT session_uuid, sum (participants) AS n, "
                            "    sum (participant_key) AS k "
                            "  FROM tally_headcount WHERE school_year = ?3 AND session_uuid <> '' "
                            "  GROUP BY session_uuid) h ON h.session_uuid = s.uuid "
                            "WHERE ?1 AND ended > 0 AND started >= ?4 AND started < ?5 "
                            "UNION ALL "
                            "SELECT s.uuid, b.device_uuid, s.class_label, s.grade, s.tier, s.title, "
                            "  s.format, s.lesson_ids, s.started, s.ended, s.skill_groups, "
                            "  s.competences, coalesce (h.n, 0), coalesce (h.k, 0) "
                            "FROM import_session s JOIN import_bundle b ON b.id = s.bundle_id "
                            "LEFT JOIN ("
                            "  SELECT bundle_id, session_uuid, sum (participants) AS n, "
                            "    sum (participant_key) AS k "
                            "  FROM import_headcount WHERE session_uuid <> '' "
                            "  GROUP BY bundle_id, session_uuid) h "
                            "  ON h.bundle_id = s.bundle_id AND h.session_uuid = s.uuid "
                            "WHERE ?2 AND b.school_year = ?3 "
                            "ORDER BY 9, 1",
                            error);
  if (stmt == NULL)
    return NULL;
  bind_sources (stmt, sources);
  sqlite3_bind_int64 (stmt, 3, school_year);
  sqlite3_bind_int64 (stmt, 4, local_midnight (school_year, 9));
  sqlite3_bind_int64 (stmt, 5, local_midnight (school_year + 1, 9));
  sqlite3_bind_text (stmt, 6, self->device_uuid, -1, SQLITE_STATIC);

  return collect (self, stmt, session_cb, NULL, (GDestroyNotify) kns_session_summary_free, error);
}

static gpointer
lesson_cb (sqlite3_stmt *stmt,
           gpointer      data)
{
  KnsLessonSummary *lesson = g_new0 (KnsLessonSummary, 1);

  lesson->id = kns_store_column_dup (stmt, 0);
  lesson->title = kns_store_column_dup (stmt, 1);
  lesson->tier = (guint) sqlite3_column_int (stmt, 2);
  lesson->skill_groups = (guint) sqlite3_column_int (stmt, 3);
  lesson->competences = split_lines (stmt, 4);
  lesson->channels = split_lines (stmt, 5);
  return lesson;
}

/**
 * kns_store_list_imported_lessons:
 *
 * Returns: (transfer full) (element-type KnsLessonSummary): each lesson
 *   that imported bundles of the school year describe, once, as the
 *   most recently exported bundle describes it
 */
GPtrArray *
kns_store_list_imported_lessons (KnsStore *self,
                                 guint     school_year,
                                 GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (KNS_IS_STORE (self), NULL);

  stmt = kns_store_prepare (self,
                            "SELECT id, title, tier, skill_groups, competences, channels FROM ("
                            "  SELECT l.*, row_number () OVER ("
                            "    PARTITION BY l.id ORDER BY b.exported DESC, b.id DESC) AS n "
                            "  FROM import_lesson l JOIN import_bundle b ON b.id = l.bundle_id "
                            "  WHERE b.school_year = ?) "
                            "WHERE n = 1 ORDER BY id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, school_year);

  return collect (self, stmt, lesson_cb, NULL, (GDestroyNotify) kns_lesson_summary_free, error);
}

#define BUNDLE_COLUMNS                                                                 \
  "device_uuid, school_year, exported, imported, checksum, app_version, school_name, " \
  "school_location, file_name"

static gpointer
bundle_cb (sqlite3_stmt *stmt,
           gpointer      data)
{
  KnsImportedBundle *bundle = g_new0 (KnsImportedBundle, 1);

  bundle->device_uuid = kns_store_column_dup (stmt, 0);
  bundle->school_year = (guint) sqlite3_column_int (stmt, 1);
  bundle->exported = sqlite3_column_int64 (stmt, 2);
  bundle->imported = sqlite3_column_int64 (stmt, 3);
  bundle->checksum = kns_store_column_dup (stmt, 4);
  bundle->app_version = kns_store_column_dup (stmt, 5);
  bundle->school_name = kns_store_column_dup (stmt, 6);
  bundle->school_location = kns_store_column_dup (stmt, 7);
  bundle->file_name = kns_store_column_dup (stmt, 8);
  return bundle;
}

/**
 * kns_store_list_imported_bundles:
 * @school_year: a school year, or 0 for all
 *
 * Returns: (transfer full) (element-type KnsImportedBundle): the bundles
 *   imported, by school year and computer
 */
GPtrArray *
kns_store_list_imported_bundles (KnsStore *self,
                                 guint     school_year,
                                 GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (KNS_IS_STORE (self), NULL);

  stmt = kns_store_prepare (self,
                            "SELECT " BUNDLE_COLUMNS " FROM import_bundle "
                            "WHERE ?1 = 0 OR school_year = ?1 ORDER BY school_year, device_uuid",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, school_year);

  return collect (self, stmt, bundle_cb, NULL, (GDestroyNotify) kns_imported_bundle_free, error);
}

static gboolean
check_pages (KnsStore  *self,
             GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = kns_store_prepare (self, "PRAGMA quick_check", error);

  if (stmt == NULL || kns_store_step (self, stmt, error) != SQLITE_ROW)
    return FALSE;
  if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
    {
      g_message ("%s: quick_check: %s", self->path, sqlite3_column_text (stmt, 0));
      kns_store_set_error (self, KNS_STORE_ERROR_DAMAGED, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
connect_shared (KnsStore  *self,
                GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint version;

  if (kns_store_check_header (self->path, &version) != KNS_DAMAGE_NONE)
    {
      kns_store_set_error (self, KNS_STORE_ERROR_DAMAGED, error);
      return FALSE;
    }
  if (!kns_store_connect (self, error))
    return FALSE;

  /* Recovery is the app's business, but a report made from a damaged
   * file would be wrong without a word: every page is read first (tens
   * of milliseconds for a year), as the app does when it starts. */
  if (!check_pages (self, error) ||
      !kns_store_exec (self, "PRAGMA synchronous = FULL", error) ||
      !kns_store_exec (self, "PRAGMA foreign_keys = ON", error) ||
      (stmt = kns_store_prepare (self, "PRAGMA user_version", error)) == NULL ||
      kns_store_step (self, stmt, error) != SQLITE_ROW)
    return FALSE;

  version = (guint) sqlite3_column_int (stmt, 0);
  if (version > kns_store_schema_latest ())
    {
      kns_store_set_error (self, KNS_STORE_ERROR_NEWER_VERSION, error);
      return FALSE;
    }
  /* The same binary as the app: its schema, after one step if needed,
   * and its computer id, a copied folder's renewed as the app does (an
   * export run before the app ever started on a cloned computer must
   * not speak for the original). */
  return kns_store_migrate (self, version, error) && kns_store_load_identity (self, error);
}

/**
 * kns_store_open_shared:
 *
 * Opens the store while the app may have it open too, for the headless
 * report verbs: WAL lets both read and write, and a busy timeout waits
 * for the app's short transactions. Unlike kns_store_open(), it does no
 * start-up chores: no recovery of a damaged file (the app's business),
 * and above all no wiping of leftover guests, since a guest may be
 * signed in on the kiosk at that very moment. A folder with no store
 * yet gets one from kns_store_open(): then no app is using it.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
KnsStore *
kns_store_open_shared (const char  *data_dir,
                       GError     **error)
{
  g_autoptr(KnsStore) self = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (data_dir != NULL && *data_dir != '\0', NULL);

  path = g_build_filename (data_dir, KNS_STORE_FILE_NAME, NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return kns_store_open (data_dir, error);

  self = g_object_new (KNS_TYPE_STORE, NULL);
  self->data_dir = g_strdup (data_dir);
  self->path = g_steal_pointer (&path);
  if (!connect_shared (self, error))
    return NULL;
  return g_steal_pointer (&self);
}
