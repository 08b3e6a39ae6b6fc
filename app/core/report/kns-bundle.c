/* kns-bundle.c — the figures one lab computer hands to another
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
 * A bundle is one computer's exact tallies for one school year, as JSON
 * (README "Making the school report" documents the format): a format
 * name and version, the device UUID, the school year, when it was
 * exported, the tally rows, headcounts, sessions, what the computer knew
 * of its lessons, and a checksum. It carries no nickname and no learner
 * row: only what reports read. It is not suppressed, because
 * suppression must come after merging.
 *
 * The checksum is "sha256:" and the SHA-256 of the canonical form: the
 * bundle written compactly by this code, members in the documented
 * order, rows sorted, without the checksum member. On import the file is
 * parsed and checked into the model, the canonical form is made again
 * from the model, and the two checksums must agree: any change to a
 * figure after export, or a file cut short, is refused. It guards
 * against accidents, not against someone who recomputes the checksum.
 *
 * Nothing a bundle says is trusted: every value is checked before the
 * store sees it, and a refused file changes nothing.
 */

#define G_LOG_DOMAIN "kns-bundle"

#include "kns-config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "kns-bundle.h"
#include "kns-bundle-private.h"
#include "kns-date.h"
#include "kns-file.h"
#include "kns-school.h"

/* A busy school year is a few hundred kilobytes; this is ten times that.
 * json-glib's tree takes about fifteen times the text, so reading one
 * file stays under 70 MiB. */
#define MAX_BUNDLE_BYTES (4 * 1024 * 1024)
/* A bundle's lists and objects nest three deep. json-glib parses by
 * recursion: 80,000 "[" overflow a worker thread's stack. */
#define MAX_BUNDLE_DEPTH 8
#define MAX_TEXT_CHARS 500
/* No lab counts a billion of anything; a sum of thousands of such
 * counts still fits in 64 bits. */
#define MAX_COUNT ((gint64) 1000000000)
/* How long an import's group of writes may hold the store's lock. */
#define GROUP_TIME (250 * G_TIME_SPAN_MILLISECOND)
/* and how many files it may hold: teacher mode tells of the files of a
 * group when it ends, so this is also how often the progress moves. */
#define GROUP_FILES 32

/* clang-format off: it would split the quark's name at its dashes. */
G_DEFINE_QUARK (kns-bundle-error-quark, kns_bundle_error)
/* clang-format on */

static const char *const format_names[] = { "in-person", "kiosk", "online" };

void
kns_bundle_free (KnsBundle *bundle)
{
  if (bundle == NULL)
    return;

  kns_imported_bundle_free (bundle->info);
  g_clear_pointer (&bundle->tallies, g_ptr_array_unref);
  g_clear_pointer (&bundle->headcounts, g_ptr_array_unref);
  g_clear_pointer (&bundle->sessions, g_ptr_array_unref);
  g_clear_pointer (&bundle->lessons, g_ptr_array_unref);
  g_free (bundle);
}

void
kns_bundle_import_free (KnsBundleImport *import)
{
  if (import == NULL)
    return;

  g_free (import->file);
  g_free (import->device_uuid);
  g_clear_error (&import->error);
  g_free (import);
}

static KnsBundle *
bundle_new (void)
{
  KnsBundle *bundle = g_new0 (KnsBundle, 1);

  bundle->version = KNS_BUNDLE_VERSION;
  bundle->info = g_new0 (KnsImportedBundle, 1);
  bundle->tallies = g_ptr_array_new_with_free_func ((GDestroyNotify) kns_tally_row_free);
  bundle->headcounts = g_ptr_array_new_with_free_func ((GDestroyNotify) kns_headcount_row_free);
  bundle->sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) kns_session_summary_free);
  bundle->lessons = g_ptr_array_new_with_free_func ((GDestroyNotify) kns_lesson_summary_free);
  return bundle;
}

/* Times are written as "2026-10-05T01:00:00Z", to the second: what
 * g_date_time_format()'s "%Y-%m-%dT%H:%M:%SZ" wrote for the first
 * bundles, at a tenth of its cost (a bundle has hundreds of times). */
static char *
format_time (gint64 time)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (time / G_USEC_PER_SEC);
  int year, month, day;

  if (utc == NULL)
    return NULL;
  g_date_time_get_ymd (utc, &year, &month, &day);
  return g_strdup_printf ("%d-%02d-%02dT%02d:%02d:%02dZ", year, month, day,
                          g_date_time_get_hour (utc), g_date_time_get_minute (utc),
                          g_date_time_get_second (utc));
}

/* Export */

static guint
skill_group_mask_to_list (guint mask,
                          guint list[3])
{
  guint n = 0;

  for (guint group = 1; group <= 3; group++)
    if (mask & (1u << group))
      list[n++] = group;
  return n;
}

static GStrv
copy_strv (const char *const *strv)
{
  return strv != NULL ? g_strdupv ((char **) strv) : g_new0 (char *, 1);
}

static KnsLessonSummary *
lesson_summary (KnsCourse  *course,
                const char *id,
                guint       tier)
{
  KnsLessonSummary *summary = g_new0 (KnsLessonSummary, 1);
  KnsLesson        *lesson = course != NULL ? kns_course_lookup_lesson (course, id) : NULL;

  summary->id = g_strdup (id);
  summary->title = g_strdup (lesson != NULL ? kns_lesson_get_title (lesson) : id);
  summary->tier = lesson != NULL ? kns_lesson_get_tier (lesson) : tier;
  summary->skill_groups = lesson != NULL ? kns_lesson_get_skill_groups (lesson) : 0;
  summary->competences = copy_strv (lesson != NULL ? kns_lesson_get_competences (lesson) : NULL);
  summary->channels = copy_strv (lesson != NULL ? kns_lesson_get_channels (lesson) : NULL);
  return summary;
}

/* What another computer needs to report on our sessions: their lessons
 * spelled out, and the skill groups and codes those lessons cover. */
static void
describe_session (KnsSessionSummary *session,
                  KnsCourse         *course,
                  GHashTable        *lessons)
{
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_autofree const char **sorted = NULL;
  KnsTier                *tier;
  guint                   n;

  if (session->lesson_ids != NULL)
    g_strv_builder_addv (ids, (const char **) session->lesson_ids);
  else if (course != NULL && (tier = kns_course_get_tier (course, session->tier)) != NULL)
    for (guint i = 0; i < kns_tier_get_n_lessons (tier); i++)
      g_strv_builder_add (ids, kns_lesson_get_id (kns_tier_get_lesson (tier, i)));
  g_strfreev (session->lesson_ids);
  session->lesson_ids = g_strv_builder_end (ids);

  session->skill_groups = 0;
  for (guint i = 0; session->lesson_ids[i] != NULL; i++)
    {
      KnsLessonSummary *lesson = g_hash_table_lookup (lessons, session->lesson_ids[i]);

      if (lesson == NULL)
        {
          lesson = lesson_summary (course, session->lesson_ids[i], session->tier);
          g_hash_table_insert (lessons, lesson->id, lesson);
        }
      session->skill_groups |= lesson->skill_groups;
      for (guint j = 0; lesson->competences[j] != NULL; j++)
        g_hash_table_add (codes, lesson->competences[j]);
    }

  sorted = (const char **) g_hash_table_get_keys_as_array (codes, &n);
  g_qsort_with_data (sorted, (gint) n, sizeof (char *), (GCompareDataFunc) g_strcmp0, NULL);
  g_strfreev (session->competences);
  session->competences = g_strdupv ((char **) sorted);
}

/**
 * kns_bundle_new_from_store:
 * @course: (nullable): the lessons, to tell what they cover
 *
 * This computer's own figures for the school year, exact, with nothing
 * imported from others (they travel in their own bundles).
 *
 * Returns: (transfer full): the bundle, its checksum computed
 */
KnsBundle *
kns_bundle_new_from_store (KnsStore  *store,
                           KnsCourse *course,
                           guint      school_year,
                           GError   **error)
{
  g_autoptr(KnsBundle) bundle = bundle_new ();
  g_autoptr(GHashTable) lessons = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) local_error = NULL;
  GHashTableIter iter;
  gpointer       value;

  g_return_val_if_fail (KNS_IS_STORE (store), NULL);

  bundle->info->device_uuid = g_strdup (kns_store_get_device_uuid (store));
  bundle->info->school_year = school_year;
  /* To the second, as the file says it. */
  bundle->info->exported = kns_store_now (store) / G_USEC_PER_SEC * G_USEC_PER_SEC;
  bundle->info->app_version = g_strdup (PACKAGE_VERSION);
  bundle->info->school_name = kns_store_get_setting (store, KNS_STORE_SETTING_SCHOOL_NAME,
                                                     &local_error);
  if (local_error == NULL)
    bundle->info->school_location = kns_store_get_setting (store, KNS_STORE_SETTING_SCHOOL_LOCATION,
                                                           &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  g_clear_pointer (&bundle->tallies, g_ptr_array_unref);
  g_clear_pointer (&bundle->headcounts, g_ptr_array_unref);
  g_clear_pointer (&bundle->sessions, g_ptr_array_unref);
  if ((bundle->tallies = kns_store_list_tallies (store, school_year, error)) == NULL ||
      (bundle->headcounts = kns_store_list_headcounts (store, school_year, error)) == NULL ||
      (bundle->sessions = kns_store_list_session_summaries (store, school_year, KNS_TALLY_OWN,
                                                            error)) == NULL)
    return NULL;

  for (guint i = 0; i < bundle->tallies->len; i++)
    {
      const KnsTallyRow *row = g_ptr_array_index (bundle->tallies, i);

      if (*row->lesson_id != '\0' && !g_hash_table_contains (lessons, row->lesson_id))
        {
          KnsLessonSummary *lesson = lesson_summary (course, row->lesson_id, row->tier);

          g_hash_table_insert (lessons, lesson->id, lesson);
        }
    }
  for (guint i = 0; i < bundle->sessions->len; i++)
    describe_session (g_ptr_array_index (bundle->sessions, i), course, lessons);

  g_hash_table_iter_init (&iter, lessons);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (bundle->lessons, value);

  bundle->info->checksum = kns_bundle_compute_checksum (bundle);
  return g_steal_pointer (&bundle);
}

/* Writing: the canonical form */

static int
compare_tallies (gconstpointer a,
                 gconstpointer b)
{
  const KnsTallyRow *x = *(KnsTallyRow **) a, *y = *(KnsTallyRow **) b;
  int                c;

  if ((c = g_strcmp0 (x->day, y->day)) != 0 || (c = g_strcmp0 (x->session_uuid, y->session_uuid)) != 0)
    return c;
  if (x->grade != y->grade)
    return x->grade < y->grade ? -1 : 1;
  if (x->sex != y->sex)
    return x->sex < y->sex ? -1 : 1;
  if (x->tier != y->tier)
    return x->tier < y->tier ? -1 : 1;
  return g_strcmp0 (x->lesson_id, y->lesson_id);
}

static int
compare_headcounts (gconstpointer a,
                    gconstpointer b)
{
  const KnsHeadcountRow *x = *(KnsHeadcountRow **) a, *y = *(KnsHeadcountRow **) b;
  int                    c;

  if ((c = g_strcmp0 (x->session_uuid, y->session_uuid)) != 0)
    return c;
  if (x->grade != y->grade)
    return x->grade < y->grade ? -1 : 1;
  if (x->sex != y->sex)
    return x->sex < y->sex ? -1 : 1;
  return x->tier < y->tier ? -1 : x->tier > y->tier;
}

static int
compare_sessions (gconstpointer a,
                  gconstpointer b)
{
  const KnsSessionSummary *x = *(KnsSessionSummary **) a, *y = *(KnsSessionSummary **) b;

  if (x->started != y->started)
    return x->started < y->started ? -1 : 1;
  return g_strcmp0 (x->uuid, y->uuid);
}

/* Sessions are keyed on their UUID alone. */
static int
compare_session_uuids (gconstpointer a,
                       gconstpointer b)
{
  return g_strcmp0 ((*(KnsSessionSummary **) a)->uuid, (*(KnsSessionSummary **) b)->uuid);
}

static int
compare_lessons (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 ((*(KnsLessonSummary **) a)->id, (*(KnsLessonSummary **) b)->id);
}

/* A sorted copy, leaving the bundle's own order alone. */
static GPtrArray *
sorted (GPtrArray   *rows,
        GCompareFunc compare)
{
  /* Not g_ptr_array_copy (): the copy would free the rows too. */
  GPtrArray *copy = g_ptr_array_sized_new (rows->len);

  g_ptr_array_extend (copy, rows, NULL, NULL);

  g_ptr_array_sort (copy, compare);
  return copy;
}

/* The canonical form is written by hand rather than with JsonGenerator:
 * its bytes are what the checksum covers, so they must not change with
 * json-glib's version, and building a tree of JsonNodes only to print it
 * took a third of an import. It is byte for byte what json-glib 1.6's
 * generator wrote for the first bundles (test-report-bundle checks it
 * against a checksum made then): no spaces, members in order, and
 * strings escaped as it escapes them. */
static void
append_string (GString    *out,
               const char *text)
{
  const char *run = text;
  const char *p;

  g_string_append_c (out, '"');
  for (p = text; *p != '\0'; p++)
    {
      guchar      c = (guchar) *p;
      const char *escape;

      switch (c)
        {
        case '"': escape = "\\\""; break;
        case '\\': escape = "\\\\"; break;
        case '\b': escape = "\\b"; break;
        case '\f': escape = "\\f"; break;
        case '\n': escape = "\\n"; break;
        case '\r': escape = "\\r"; break;
        case '\t': escape = "\\t"; break;
        default:
          /* json-glib 1.6 leaves U+001F as it is, and escapes U+007F. */
          if (c >= 0x1f && c != 0x7f)
            continue;
          escape = NULL;
          break;
        }

      g_string_append_len (out, run, p - run);
      run = p + 1;
      if (escape != NULL)
        g_string_append (out, escape);
      else
        g_string_append_printf (out, "\\u%04x", c);
    }
  g_string_append_len (out, run, p - run);
  g_string_append_c (out, '"');
}

/* ,"name": — every member but an object's first, which the caller
 * writes with its opening brace. */
static void
append_name (GString    *out,
             const char *name)
{
  g_string_append_c (out, ',');
  append_string (out, name);
  g_string_append_c (out, ':');
}

/* As "%" G_GINT64_FORMAT, without printf's cost: a bundle has about
 * ten thousand numbers. */
static void
append_int (GString *out,
            gint64   value)
{
  char    digits[24];
  guint   n = 0;
  guint64 rest = value < 0 ? -(guint64) value : (guint64) value;

  do
    {
      digits[sizeof digits - ++n] = (char) ('0' + rest % 10);
      rest /= 10;
    }
  while (rest > 0);
  if (value < 0)
    digits[sizeof digits - ++n] = '-';
  g_string_append_len (out, digits + sizeof digits - n, n);
}

/* A number after another item of an array. */
static void
append_item (GString *out,
             gint64   value)
{
  g_string_append_c (out, ',');
  append_int (out, value);
}

static void
member_string (GString    *out,
               const char *name,
               const char *value)
{
  append_name (out, name);
  append_string (out, value != NULL ? value : "");
}

static void
member_int (GString    *out,
            const char *name,
            gint64      value)
{
  append_name (out, name);
  append_int (out, value);
}

static void
member_time (GString    *out,
             const char *name,
             gint64      time)
{
  g_autofree char *text = format_time (time);

  member_string (out, name, text);
}

static void
member_strings (GString           *out,
                const char        *name,
                const char *const *strings)
{
  append_name (out, name);
  g_string_append_c (out, '[');
  for (guint i = 0; strings != NULL && strings[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_string (out, strings[i]);
    }
  g_string_append_c (out, ']');
}

static void
member_skill_groups (GString    *out,
                     const char *name,
                     guint       mask)
{
  guint list[3];
  guint n = skill_group_mask_to_list (mask, list);

  append_name (out, name);
  g_string_append_c (out, '[');
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_int (out, list[i]);
    }
  g_string_append_c (out, ']');
}

static void
add_tallies (GString   *out,
             GPtrArray *tallies)
{
  g_autoptr(GPtrArray) rows = sorted (tallies, compare_tallies);

  append_name (out, "tallies");
  g_string_append_c (out, '[');
  for (guint i = 0; i < rows->len; i++)
    {
      const KnsTallyRow *row = g_ptr_array_index (rows, i);

      g_string_append (out, i > 0 ? ",[" : "[");
      append_string (out, row->day);
      g_string_append_c (out, ',');
      append_string (out, row->session_uuid);
      append_item (out, row->grade);
      append_item (out, row->sex);
      append_item (out, row->tier);
      g_string_append_c (out, ',');
      append_string (out, row->lesson_id);
      append_item (out, (gint64) row->attendances);
      append_item (out, (gint64) row->completions);
      append_item (out, (gint64) row->attempts);
      append_item (out, (gint64) row->score_sum);
      append_item (out, (gint64) row->passes);
      g_string_append_c (out, ']');
    }
  g_string_append_c (out, ']');
}

static void
add_headcounts (GString   *out,
                GPtrArray *headcounts)
{
  g_autoptr(GPtrArray) rows = sorted (headcounts, compare_headcounts);

  append_name (out, "headcounts");
  g_string_append_c (out, '[');
  for (guint i = 0; i < rows->len; i++)
    {
      const KnsHeadcountRow *row = g_ptr_array_index (rows, i);

      g_string_append (out, i > 0 ? ",[" : "[");
      append_string (out, row->session_uuid);
      append_item (out, row->grade);
      append_item (out, row->sex);
      append_item (out, row->tier);
      append_item (out, (gint64) row->participants);
      g_string_append_c (out, ']');
    }
  g_string_append_c (out, ']');
}

static void
add_sessions (GString   *out,
              GPtrArray *sessions)
{
  g_autoptr(GPtrArray) rows = sorted (sessions, compare_sessions);

  append_name (out, "sessions");
  g_string_append_c (out, '[');
  for (guint i = 0; i < rows->len; i++)
    {
      const KnsSessionSummary *session = g_ptr_array_index (rows, i);

      g_string_append (out, i > 0 ? ",{\"uuid\":" : "{\"uuid\":");
      append_string (out, session->uuid);
      member_string (out, "class", session->class_label);
      member_int (out, "grade", session->grade);
      member_int (out, "tier", session->tier);
      member_string (out, "title", session->title);
      member_string (out, "format", format_names[session->format]);
      member_time (out, "started", session->started);
      member_time (out, "ended", session->ended);
      member_strings (out, "lessons", (const char *const *) session->lesson_ids);
      member_skill_groups (out, "skill_groups", session->skill_groups);
      member_strings (out, "competences", (const char *const *) session->competences);
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');
}

static void
add_lessons (GString   *out,
             GPtrArray *lessons)
{
  g_autoptr(GPtrArray) rows = sorted (lessons, compare_lessons);

  append_name (out, "lessons");
  g_string_append_c (out, '[');
  for (guint i = 0; i < rows->len; i++)
    {
      const KnsLessonSummary *lesson = g_ptr_array_index (rows, i);

      g_string_append (out, i > 0 ? ",{\"id\":" : "{\"id\":");
      append_string (out, lesson->id);
      member_string (out, "title", lesson->title);
      member_int (out, "tier", lesson->tier);
      member_skill_groups (out, "skill_groups", lesson->skill_groups);
      member_strings (out, "competences", (const char *const *) lesson->competences);
      member_strings (out, "channels", (const char *const *) lesson->channels);
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');
}

/* The bundle as compact JSON, members in the documented order; with
 * @checksum, the checksum member last. */
static GString *
write_json (KnsBundle  *bundle,
            const char *checksum)
{
  /* About a hundred bytes a tally row, the bulk of a bundle. */
  GString *out = g_string_sized_new (4096 + 128 * bundle->tallies->len);

  g_string_append (out, "{\"format\":");
  append_string (out, KNS_BUNDLE_FORMAT);
  member_int (out, "version", bundle->version);
  member_string (out, "device", bundle->info->device_uuid);
  member_int (out, "school_year", bundle->info->school_year);
  member_time (out, "exported", bundle->info->exported);
  member_string (out, "app_version", bundle->info->app_version);
  append_name (out, "school");
  g_string_append (out, "{\"name\":");
  append_string (out, bundle->info->school_name != NULL ? bundle->info->school_name : "");
  member_string (out, "location", bundle->info->school_location);
  g_string_append_c (out, '}');
  add_tallies (out, bundle->tallies);
  add_headcounts (out, bundle->headcounts);
  add_sessions (out, bundle->sessions);
  add_lessons (out, bundle->lessons);
  if (checksum != NULL)
    member_string (out, "checksum", checksum);
  g_string_append_c (out, '}');
  return out;
}

/**
 * kns_bundle_compute_checksum:
 *
 * Returns: (transfer full): "sha256:" and the hex SHA-256 of the
 *   bundle's canonical form
 */
char *
kns_bundle_compute_checksum (KnsBundle *bundle)
{
  g_autoptr(GString) canonical = NULL;
  g_autofree char *digest = NULL;

  g_return_val_if_fail (bundle != NULL, NULL);

  canonical = write_json (bundle, NULL);
  digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) canonical->str,
                                        canonical->len);
  return g_strconcat ("sha256:", digest, NULL);
}

/* Returns: (transfer full): the file's bytes: the canonical form with its
 *   checksum, and a final newline */
GBytes *
kns_bundle_to_bytes (KnsBundle *bundle)
{
  GString *json;

  g_return_val_if_fail (bundle != NULL && bundle->info->checksum != NULL, NULL);

  json = write_json (bundle, bundle->info->checksum);
  g_string_append_c (json, '\n');
  return g_string_free_to_bytes (json);
}

gboolean
kns_bundle_write (KnsBundle  *bundle,
                  const char *file,
                  GError    **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize       length;
  const char *data;

  g_return_val_if_fail (bundle != NULL && file != NULL, FALSE);

  bytes = kns_bundle_to_bytes (bundle);
  data = g_bytes_get_data (bytes, &length);
  if (g_file_set_contents_full (file, data, (gssize) length, G_FILE_SET_CONTENTS_CONSISTENT, 0644,
                                &local_error))
    return TRUE;

  g_set_error (error, KNS_BUNDLE_ERROR, KNS_BUNDLE_ERROR_WRITE, _("%s could not be written: %s"),
               file, local_error->message);
  return FALSE;
}

/**
 * kns_bundle_default_name:
 *
 * Returns: (transfer full): "kynangso-2026-2027-5b0c3d4e.json": the
 *   school year and the start of this computer's UUID, so that the files
 *   of a lab's computers can share a USB stick
 */
char *
kns_bundle_default_name (KnsStore *store,
                         guint     school_year)
{
  g_return_val_if_fail (KNS_IS_STORE (store), NULL);

  return g_strdup_printf ("kynangso-%u-%u-%.8s.json", school_year, school_year + 1,
                          kns_store_get_device_uuid (store));
}

/* Reading: every value checked */

typedef struct
{
  const char *file;
  GError    **error;
  gboolean    failed;
} Reader;

/* A damaged bundle: @what says where and why, for the technician. */
G_GNUC_PRINTF (2, 3)
static gboolean
malformed (Reader     *reader,
           const char *format,
           ...)
{
  g_autofree char *what = NULL;
  va_list          args;

  if (reader->failed)
    return FALSE;
  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  reader->failed = TRUE;
  g_set_error (reader->error, KNS_BUNDLE_ERROR, KNS_BUNDLE_ERROR_MALFORMED,
               /* Translators: %s is a file, then what is wrong in it */
               _("%s is damaged (%s); nothing was imported from it."), reader->file, what);
  return FALSE;
}

static gboolean
read_int (Reader     *reader,
          JsonNode   *node,
          const char *where,
          gint64      min,
          gint64      max,
          gint64     *value)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    return malformed (reader, _("“%s” must be a whole number"), where);
  *value = json_node_get_int (node);
  if (*value < min || *value > max)
    return malformed (reader, _("“%s” is out of range"), where);
  return TRUE;
}

static gboolean
is_clean_text (const char *text,
               gboolean    one_line)
{
  /* No more characters than bytes: most text needs no counting. */
  return (strlen (text) <= MAX_TEXT_CHARS || g_utf8_strlen (text, -1) <= MAX_TEXT_CHARS) &&
         (!one_line || strpbrk (text, "\r\n") == NULL);
}

static gboolean
read_string (Reader     *reader,
             JsonNode   *node,
             const char *where,
             gboolean    one_line,
             char      **value)
{
  const char *text;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return malformed (reader, _("“%s” must be text"), where);
  text = json_node_get_string (node);
  if (!g_utf8_validate (text, -1, NULL) || !is_clean_text (text, one_line))
    return malformed (reader, _("“%s” is out of range"), where);
  *value = g_strdup (text);
  return TRUE;
}

static gboolean
read_uuid (Reader     *reader,
           JsonNode   *node,
           const char *where,
           gboolean    empty_ok,
           char      **value)
{
  if (!read_string (reader, node, where, TRUE, value))
    return FALSE;
  if ((empty_ok && **value == '\0') || g_uuid_string_is_valid (*value))
    return TRUE;
  return malformed (reader, _("“%s” is not a device or session identifier"), where);
}

static gboolean
read_time (Reader     *reader,
           JsonNode   *node,
           const char *where,
           gint64     *time)
{
  g_autofree char *text = NULL;
  g_autoptr(GDateTime) parsed = NULL;
  g_autofree char *again = NULL;

  if (!read_string (reader, node, where, TRUE, &text))
    return FALSE;
  parsed = g_date_time_new_from_iso8601 (text, NULL);
  if (parsed != NULL)
    {
      *time = g_date_time_to_unix (parsed) * G_USEC_PER_SEC;
      again = format_time (*time);
    }
  /* Only the form this code writes, so that the canonical form holds. */
  if (again == NULL || !g_str_equal (again, text))
    return malformed (reader, _("“%s” is not a time"), where);
  return TRUE;
}

static JsonArray *
read_array (Reader     *reader,
            JsonNode   *node,
            const char *where,
            guint       length)
{
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      malformed (reader, _("“%s” must be a list"), where);
      return NULL;
    }
  array = json_node_get_array (node);
  if (length > 0 && json_array_get_length (array) != length)
    {
      malformed (reader, _("“%s” must be a list"), where);
      return NULL;
    }
  return array;
}

/* A reporting channel's name, such as "111" or "vn-cop": newer versions
 * may know more of them. */
static gboolean
is_token (const char *text)
{
  gsize length = strlen (text);

  return length > 0 && length <= 32 && strspn (text, "abcdefghijklmnopqrstuvwxyz0123456789-") == length;
}

static gboolean
read_lesson_id (Reader     *reader,
                JsonNode   *node,
                const char *where,
                gboolean    empty_ok,
                char      **value)
{
  if (!read_string (reader, node, where, TRUE, value))
    return FALSE;
  if ((empty_ok && **value == '\0') || kns_lesson_id_is_valid (*value))
    return TRUE;
  return malformed (reader, _("“%s” is out of range"), where);
}

/* A list of strings, each of which @valid accepts. */
static gboolean
read_strings (Reader     *reader,
              JsonNode   *node,
              const char *where,
              gboolean  (*valid) (const char *text),
              GStrv      *value)
{
  JsonArray *array = read_array (reader, node, where, 0);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (array == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *item = NULL;

      if (!read_string (reader, json_array_get_element (array, i), where, TRUE, &item) ||
          !valid (item))
        return malformed (reader, _("“%s” is out of range"), where);
      g_strv_builder_add (builder, item);
    }
  *value = g_strv_builder_end (builder);
  return TRUE;
}

static gboolean
read_skill_groups (Reader     *reader,
                   JsonNode   *node,
                   const char *where,
                   guint      *mask)
{
  JsonArray *array = read_array (reader, node, where, 0);

  *mask = 0;
  if (array == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gint64 group;

      if (!read_int (reader, json_array_get_element (array, i), where, 1, 3, &group))
        return FALSE;
      *mask |= 1u << group;
    }
  return TRUE;
}

/* The members an object must have, and no others. */
static JsonObject *
read_object (Reader            *reader,
             JsonNode          *node,
             const char        *where,
             const char *const *members)
{
  JsonObject *object;
  g_autoptr(GList) names = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      malformed (reader, _("“%s” must be an object"), where);
      return NULL;
    }
  object = json_node_get_object (node);
  for (guint i = 0; members[i] != NULL; i++)
    if (!json_object_has_member (object, members[i]))
      {
        malformed (reader, _("“%s” is missing"), members[i]);
        return NULL;
      }
  names = json_object_get_members (object);
  for (GList *l = names; l != NULL; l = l->next)
    if (!g_strv_contains (members, l->data))
      {
        malformed (reader, _("“%s” is not part of a bundle"), (const char *) l->data);
        return NULL;
      }
  return object;
}

/* "YYYY-MM-DD", a real day, from 1 September to 31 August. */
static gboolean
is_day_in_year (const char *day,
                guint       school_year)
{
  GDate date;
  guint y, m;

  if (!kns_date_parse_iso (day, &date))
    return FALSE;
  y = g_date_get_year (&date);
  m = g_date_get_month (&date);
  return (y == school_year && m >= 9) || (y == school_year + 1 && m <= 8);
}

static gboolean
read_tally (Reader    *reader,
            JsonNode  *node,
            guint      school_year,
            GPtrArray *rows)
{
  JsonArray   *array = read_array (reader, node, "tallies", 11);
  KnsTallyRow *row;
  gint64       v[11];

  if (array == NULL)
    return FALSE;
  row = g_new0 (KnsTallyRow, 1);
  g_ptr_array_add (rows, row);

  if (!read_string (reader, json_array_get_element (array, 0), "tallies", TRUE, &row->day) ||
      !read_uuid (reader, json_array_get_element (array, 1), "tallies", TRUE, &row->session_uuid) ||
      !read_int (reader, json_array_get_element (array, 2), "tallies", 1, KNS_N_GRADES, &v[2]) ||
      !read_int (reader, json_array_get_element (array, 3), "tallies", 0, 2, &v[3]) ||
      !read_int (reader, json_array_get_element (array, 4), "tallies", 1, KNS_N_TIERS, &v[4]) ||
      !read_lesson_id (reader, json_array_get_element (array, 5), "tallies", TRUE,
                       &row->lesson_id))
    return FALSE;
  for (guint i = 6; i < 11; i++)
    if (!read_int (reader, json_array_get_element (array, i), "tallies", 0, MAX_COUNT, &v[i]))
      return FALSE;
  if (!is_day_in_year (row->day, school_year))
    return malformed (reader, _("“%s” has a day outside the school year"), "tallies");
  /* A quiz scores at most 100; a pass is a finished quiz. A row counts
   * sign-ins (no lesson, in the grade's tier) or a lesson's work, as
   * the store writes them. */
  if (v[9] > 100 * v[8] || v[10] > v[8] ||
      (*row->lesson_id == '\0' && (v[4] != kns_school_tier_for_grade ((guint) v[2]) ||
                                   v[7] + v[8] + v[9] + v[10] > 0)) ||
      (*row->lesson_id != '\0' && v[6] > 0))
    return malformed (reader, _("“%s” is out of range"), "tallies");

  row->grade = (guint) v[2];
  row->sex = (KnsSex) v[3];
  row->tier = (guint) v[4];
  row->attendances = (guint64) v[6];
  row->completions = (guint64) v[7];
  row->attempts = (guint64) v[8];
  row->score_sum = (guint64) v[9];
  row->passes = (guint64) v[10];
  return TRUE;
}

static gboolean
read_headcount (Reader    *reader,
                JsonNode  *node,
                GPtrArray *rows)
{
  JsonArray       *array = read_array (reader, node, "headcounts", 5);
  KnsHeadcountRow *row;
  gint64           v[5];

  if (array == NULL)
    return FALSE;
  row = g_new0 (KnsHeadcountRow, 1);
  g_ptr_array_add (rows, row);

  if (!read_uuid (reader, json_array_get_element (array, 0), "headcounts", TRUE,
                  &row->session_uuid) ||
      !read_int (reader, json_array_get_element (array, 1), "headcounts", 1, KNS_N_GRADES,
                 &v[1]) ||
      !read_int (reader, json_array_get_element (array, 2), "headcounts", 0, 2, &v[2]) ||
      !read_int (reader, json_array_get_element (array, 3), "headcounts", 1, KNS_N_TIERS, &v[3]) ||
      !read_int (reader, json_array_get_element (array, 4), "headcounts", 0, MAX_COUNT, &v[4]))
    return FALSE;
  if (v[3] != kns_school_tier_for_grade ((guint) v[1]))
    return malformed (reader, _("“%s” is out of range"), "headcounts");

  row->grade = (guint) v[1];
  row->sex = (KnsSex) v[2];
  row->tier = (guint) v[3];
  row->participants = (guint64) v[4];
  return TRUE;
}

static gboolean
read_format (Reader           *reader,
             JsonNode         *node,
             KnsSessionFormat *format)
{
  g_autofree char *name = NULL;

  if (!read_string (reader, node, "format", TRUE, &name))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    if (g_str_equal (name, format_names[i]))
      {
        *format = (KnsSessionFormat) i;
        return TRUE;
      }
  return malformed (reader, _("“%s” is out of range"), "format");
}

static gboolean
read_session (Reader    *reader,
              JsonNode  *node,
              GPtrArray *rows)
{
  static const char *const members[] = {
    "uuid", "class", "grade", "tier", "title", "format", "started", "ended", "lessons",
    "skill_groups", "competences", NULL
  };
  JsonObject        *object = read_object (reader, node, "sessions", members);
  KnsSessionSummary *session;
  gint64             grade, tier;

  if (object == NULL)
    return FALSE;
  session = g_new0 (KnsSessionSummary, 1);
  g_ptr_array_add (rows, session);

  if (!read_uuid (reader, json_object_get_member (object, "uuid"), "uuid", FALSE, &session->uuid) ||
      !read_string (reader, json_object_get_member (object, "class"), "class", TRUE,
                    &session->class_label) ||
      !read_int (reader, json_object_get_member (object, "grade"), "grade", 1, KNS_N_GRADES,
                 &grade) ||
      /* 0: the session was held without the lessons at hand. */
      !read_int (reader, json_object_get_member (object, "tier"), "tier", 0, KNS_N_TIERS, &tier) ||
      !read_string (reader, json_object_get_member (object, "title"), "title", TRUE,
                    &session->title) ||
      !read_format (reader, json_object_get_member (object, "format"), &session->format) ||
      !read_time (reader, json_object_get_member (object, "started"), "started",
                  &session->started) ||
      !read_time (reader, json_object_get_member (object, "ended"), "ended", &session->ended) ||
      !read_strings (reader, json_object_get_member (object, "lessons"), "lessons",
                     kns_lesson_id_is_valid, &session->lesson_ids) ||
      !read_skill_groups (reader, json_object_get_member (object, "skill_groups"), "skill_groups",
                          &session->skill_groups) ||
      !read_strings (reader, json_object_get_member (object, "competences"), "competences",
                     kns_competence_is_valid, &session->competences))
    return FALSE;
  if (session->ended < session->started)
    return malformed (reader, _("“%s” is out of range"), "ended");

  session->grade = (guint) grade;
  session->tier = (guint) tier;
  return TRUE;
}

static gboolean
read_lesson (Reader    *reader,
             JsonNode  *node,
             GPtrArray *rows)
{
  static const char *const members[] = {
    "id", "title", "tier", "skill_groups", "competences", "channels", NULL
  };
  JsonObject       *object = read_object (reader, node, "lessons", members);
  KnsLessonSummary *lesson;
  gint64            tier;

  if (object == NULL)
    return FALSE;
  lesson = g_new0 (KnsLessonSummary, 1);
  g_ptr_array_add (rows, lesson);

  if (!read_lesson_id (reader, json_object_get_member (object, "id"), "id", FALSE, &lesson->id) ||
      !read_string (reader, json_object_get_member (object, "title"), "title", TRUE,
                    &lesson->title) ||
      !read_int (reader, json_object_get_member (object, "tier"), "tier", 1, KNS_N_TIERS, &tier) ||
      !read_skill_groups (reader, json_object_get_member (object, "skill_groups"), "skill_groups",
                          &lesson->skill_groups) ||
      !read_strings (reader, json_object_get_member (object, "competences"), "competences",
                     kns_competence_is_valid, &lesson->competences) ||
      !read_strings (reader, json_object_get_member (object, "channels"), "channels", is_token,
                     &lesson->channels))
    return FALSE;
  lesson->tier = (guint) tier;
  return TRUE;
}

/* Rows the store keys on must be unique; a repeated one is damage. */
static gboolean
check_unique (Reader      *reader,
              GPtrArray   *rows,
              GCompareFunc compare,
              const char  *where)
{
  g_autoptr(GPtrArray) copy = sorted (rows, compare);

  for (guint i = 1; i < copy->len; i++)
    if (compare (&copy->pdata[i - 1], &copy->pdata[i]) == 0)
      return malformed (reader, _("“%s” has a row twice"), where);
  return TRUE;
}

typedef gboolean (*ReadRow) (Reader    *reader,
                             JsonNode  *node,
                             GPtrArray *rows);

static gboolean
read_rows (Reader     *reader,
           JsonObject *root,
           const char *name,
           ReadRow     read_row,
           GPtrArray  *rows)
{
  JsonArray *array = read_array (reader, json_object_get_member (root, name), name, 0);

  if (array == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (!read_row (reader, json_array_get_element (array, i), rows))
      return FALSE;
  return TRUE;
}

static gboolean
read_tallies (Reader     *reader,
              JsonObject *root,
              guint       school_year,
              GPtrArray  *rows)
{
  JsonArray *array = read_array (reader, json_object_get_member (root, "tallies"), "tallies", 0);

  if (array == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (!read_tally (reader, json_array_get_element (array, i), school_year, rows))
      return FALSE;
  return TRUE;
}

static gboolean
read_header (Reader     *reader,
             JsonObject *root,
             KnsBundle  *bundle)
{
  static const char *const school_members[] = { "name", "location", NULL };
  KnsImportedBundle       *info = bundle->info;
  JsonObject              *school;
  gint64                   year;

  if (!read_uuid (reader, json_object_get_member (root, "device"), "device", FALSE,
                  &info->device_uuid) ||
      !read_int (reader, json_object_get_member (root, "school_year"), "school_year", 2000, 9998,
                 &year) ||
      !read_time (reader, json_object_get_member (root, "exported"), "exported", &info->exported) ||
      !read_string (reader, json_object_get_member (root, "app_version"), "app_version", TRUE,
                    &info->app_version) ||
      !read_string (reader, json_object_get_member (root, "checksum"), "checksum", TRUE,
                    &info->checksum))
    return FALSE;
  info->school_year = (guint) year;

  school = read_object (reader, json_object_get_member (root, "school"), "school", school_members);
  return school != NULL &&
         read_string (reader, json_object_get_member (school, "name"), "name", TRUE,
                      &info->school_name) &&
         read_string (reader, json_object_get_member (school, "location"), "location", FALSE,
                      &info->school_location);
}

static gboolean
refuse_not_bundle (Reader *reader)
{
  reader->failed = TRUE;
  g_set_error (reader->error, KNS_BUNDLE_ERROR, KNS_BUNDLE_ERROR_NOT_BUNDLE,
               _("%s is not a report file of Kỹ năng số; nothing was imported from it."),
               reader->file);
  return FALSE;
}

/* The format and version come first: a newer version may change
 * everything else, and deserves a clearer word than "damaged". */
static gboolean
check_format (Reader   *reader,
              JsonNode *root,
              guint    *version)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  JsonNode   *format = object != NULL ? json_object_get_member (object, "format") : NULL;
  JsonNode   *number = object != NULL ? json_object_get_member (object, "version") : NULL;

  if (format == NULL || !JSON_NODE_HOLDS_VALUE (format) ||
      json_node_get_value_type (format) != G_TYPE_STRING ||
      g_strcmp0 (json_node_get_string (format), KNS_BUNDLE_FORMAT) != 0)
    return refuse_not_bundle (reader);
  if (number == NULL || !JSON_NODE_HOLDS_VALUE (number) ||
      json_node_get_value_type (number) != G_TYPE_INT64 || json_node_get_int (number) < 1)
    return malformed (reader, _("“%s” must be a whole number"), "version");
  if (json_node_get_int (number) > KNS_BUNDLE_VERSION)
    {
      g_autofree char *newer = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (number));

      reader->failed = TRUE;
      g_set_error (reader->error, KNS_BUNDLE_ERROR, KNS_BUNDLE_ERROR_NEWER_VERSION,
                   _("%s was made by a newer version of Kỹ năng số (file version %s); update "
                      "Kỹ năng số on this computer to import it. Nothing was imported from it."),
                   reader->file, newer);
      return FALSE;
    }
  *version = (guint) json_node_get_int (number);
  return TRUE;
}

static gboolean
read_bundle (Reader    *reader,
             JsonNode  *root,
             KnsBundle *bundle)
{
  static const char *const members[] = {
    "format", "version", "device", "school_year", "exported", "app_version", "school",
    "tallies", "headcounts", "sessions", "lessons", "checksum", NULL
  };
  JsonObject *object;

  if (!check_format (reader, root, &bundle->version))
    return FALSE;
  object = read_object (reader, root, "bundle", members);
  return object != NULL &&
         read_header (reader, object, bundle) &&
         read_tallies (reader, object, bundle->info->school_year, bundle->tallies) &&
         read_rows (reader, object, "headcounts", read_headcount, bundle->headcounts) &&
         read_rows (reader, object, "sessions", read_session, bundle->sessions) &&
         read_rows (reader, object, "lessons", read_lesson, bundle->lessons) &&
         check_unique (reader, bundle->tallies, compare_tallies, "tallies") &&
         check_unique (reader, bundle->headcounts, compare_headcounts, "headcounts") &&
         check_unique (reader, bundle->sessions, compare_session_uuids, "sessions") &&
         check_unique (reader, bundle->lessons, compare_lessons, "lessons");
}

/* A parse error at the very end of the text: the copy did not finish. */
static gboolean
looks_truncated (const char *text,
                 gsize       length)
{
  while (length > 0 && g_ascii_isspace (text[length - 1]))
    length--;
  return length == 0 || text[length - 1] != '}';
}

/* Whether brackets nest deeper than @max outside strings: one pass over
 * the bytes, before json-glib's recursion sees them. */
static gboolean
nests_deeper_than (const char *text,
                   gsize       length,
                   guint       max)
{
  gboolean in_string = FALSE;
  guint    depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      if (in_string)
        {
          if (text[i] == '\\')
            i++;
          else if (text[i] == '"')
            in_string = FALSE;
          continue;
        }
      switch (text[i])
        {
        case '"':
          in_string = TRUE;
          break;
        case '[':
        case '{':
          if (++depth > max)
            return TRUE;
          break;
        case ']':
        case '}':
          depth -= depth > 0;
          break;
        default:
          break;
        }
    }
  return FALSE;
}

/* A bundle is a JSON object: a spreadsheet, a PDF or a text file offered
 * by mistake is the wrong kind of file, not a damaged bundle. */
static gboolean
looks_like_object (const char *text,
                   gsize       length)
{
  gsize i = 0;

  while (i < length && g_ascii_isspace (text[i]))
    i++;
  return length == 0 || (i < length && text[i] == '{');
}

/* Text from another computer is shown in the app, in spreadsheets and
 * on terminals: no character there may steer how the rest is shown. */
static void
replace_controls (char **text)
{
  char *clean;

  if (*text == NULL)
    return;
  clean = kns_text_replace_controls (*text);
  g_free (*text);
  *text = clean;
}

static void
neutralise_text (KnsBundle *bundle)
{
  replace_controls (&bundle->info->school_name);
  replace_controls (&bundle->info->school_location);
  replace_controls (&bundle->info->app_version);
  for (guint i = 0; i < bundle->sessions->len; i++)
    {
      KnsSessionSummary *session = g_ptr_array_index (bundle->sessions, i);

      replace_controls (&session->class_label);
      replace_controls (&session->title);
    }
  for (guint i = 0; i < bundle->lessons->len; i++)
    replace_controls (&((KnsLessonSummary *) g_ptr_array_index (bundle->lessons, i))->title);
}

/**
 * kns_bundle_parse:
 * @file: the file's name, for messages
 * @check_sum: whether the checksum must match; only the fuzzer, which
 *   cannot compute one, reads past it without
 *
 * Parses and checks a bundle. Nothing is parsed before its size and its
 * nesting are known to be sensible.
 *
 * Returns: (transfer full): the bundle, or %NULL with @error set to a
 *   translated sentence naming @file and what is wrong
 */
KnsBundle *
kns_bundle_parse (GBytes     *bytes,
                  const char *file,
                  gboolean    check_sum,
                  GError    **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(KnsBundle) bundle = bundle_new ();
  g_autoptr(GError) parse_error = NULL;
  g_autofree char *checksum = NULL;
  g_autofree char *name = NULL;
  Reader           reader = { .error = error };
  gsize            length;
  const char      *text;

  g_return_val_if_fail (bytes != NULL && file != NULL, NULL);

  reader.file = name = kns_file_display_name (file);
  text = g_bytes_get_data (bytes, &length);
  /* GBytes of no bytes may have no data at all. */
  if (text == NULL)
    text = "";
  if (length > MAX_BUNDLE_BYTES || !g_utf8_validate (text, (gssize) length, NULL))
    {
      malformed (&reader, _("not UTF-8 text of a sensible size"));
      return NULL;
    }
  if (!looks_like_object (text, length))
    {
      refuse_not_bundle (&reader);
      return NULL;
    }
  if (nests_deeper_than (text, length, MAX_BUNDLE_DEPTH))
    {
      malformed (&reader, _("lists nested more than %d deep"), MAX_BUNDLE_DEPTH);
      return NULL;
    }

  /* An empty file parses, with no root: a copy that never started. */
  if (!json_parser_load_from_data (parser, text, (gssize) length, &parse_error) ||
      json_parser_get_root (parser) == NULL)
    {
      if (looks_truncated (text, length))
        g_set_error (error, KNS_BUNDLE_ERROR, KNS_BUNDLE_ERROR_TRUNCATED,
                     _("%s is cut short, as when a copy does not finish; copy it again from the "
                        "computer that exported it. Nothing was imported from it."),
                     name);
      else
        malformed (&reader, "%s", parse_error != NULL ? parse_error->message : "");
      return NULL;
    }

  if (!read_bundle (&reader, json_parser_get_root (parser), bundle))
    return NULL;

  checksum = kns_bundle_compute_checksum (bundle);
  if (check_sum && !g_str_equal (checksum, bundle->info->checksum))
    {
      g_set_error (error, KNS_BUNDLE_ERROR, KNS_BUNDLE_ERROR_CHECKSUM,
                   _("%s was changed after it was exported: its checksum does not match its "
                      "figures. Export it again; nothing was imported from it."),
                   name);
      return NULL;
    }

  neutralise_text (bundle);
  g_free (bundle->info->file_name);
  bundle->info->file_name = g_path_get_basename (name);
  return g_steal_pointer (&bundle);
}

/**
 * kns_bundle_load_bytes:
 * @file: the file's name, for messages
 *
 * Parses and checks a bundle, its checksum included.
 *
 * Returns: (transfer full): the bundle, or %NULL with @error set to a
 *   translated sentence naming @file and what is wrong
 */
KnsBundle *
kns_bundle_load_bytes (GBytes     *bytes,
                       const char *file,
                       GError    **error)
{
  return kns_bundle_parse (bytes, file, TRUE, error);
}

/**
 * kns_bundle_load:
 *
 * Reads and checks a bundle file. Only a regular file of a bundle's size
 * is read: a folder, a device, a pipe or a huge file is refused first.
 */
KnsBundle *
kns_bundle_load (const char *file,
                 GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_return_val_if_fail (file != NULL, NULL);

  if (!kns_file_read_bounded (file, MAX_BUNDLE_BYTES, &contents, &length, &local_error))
    {
      gboolean too_large = g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE);

      g_set_error_literal (error, KNS_BUNDLE_ERROR,
                           too_large ? KNS_BUNDLE_ERROR_MALFORMED : KNS_BUNDLE_ERROR_READ,
                           local_error->message);
      return NULL;
    }
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  return kns_bundle_load_bytes (bytes, file, error);
}

/* Import */

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/* Bundles in a folder and its subfolders (one per lab computer, say),
 * a few levels deep. */
static gboolean
add_folder (GPtrArray  *files,
            const char *folder,
            guint       depth,
            GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDir) dir = g_dir_open (folder, 0, &local_error);
  const char *name;

  if (dir == NULL)
    {
      g_autofree char *shown = kns_file_display_name (folder);

      g_set_error (error, KNS_BUNDLE_ERROR, KNS_BUNDLE_ERROR_READ, _("%s cannot be read: %s"),
                   shown, local_error->message);
      return FALSE;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autofree char *lower = g_ascii_strdown (name, -1);

      if (name[0] == '.')
        continue;
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          if (depth < 4 && !add_folder (files, path, depth + 1, error))
            return FALSE;
        }
      else if (g_str_has_suffix (lower, ".json"))
        g_ptr_array_add (files, g_steal_pointer (&path));
    }
  return TRUE;
}

/**
 * kns_bundle_list_files:
 * @paths: (array zero-terminated=1): files and folders
 *
 * Returns: (transfer full) (element-type utf8): the files to import: each
 *   file named, and the .json files in each folder, sorted; %NULL if a
 *   folder cannot be read
 */
GPtrArray *
kns_bundle_list_files (const char *const *paths,
                       GError           **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (paths != NULL, NULL);

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);

      if (!g_file_test (paths[i], G_FILE_TEST_IS_DIR))
        {
          g_ptr_array_add (files, g_strdup (paths[i]));
          continue;
        }
      if (!add_folder (found, paths[i], 0, error))
        return NULL;
      g_ptr_array_sort (found, compare_paths);
      g_ptr_array_extend_and_steal (files, g_steal_pointer (&found));
    }
  return g_steal_pointer (&files);
}

/* The store's half of an import: @bundle was loaded from @file, or
 * @error says why not. Takes both. */
static KnsBundleImport *
import_loaded (KnsStore   *store,
               const char *file,
               KnsBundle  *loaded,
               GError     *error)
{
  KnsBundleImport *import = g_new0 (KnsBundleImport, 1);
  g_autoptr(KnsBundle) bundle = loaded;
  g_autoptr(GError) store_error = NULL;

  /* The name as messages show it: no terminal escape passes. */
  import->file = kns_file_display_name (file);
  import->error = error;
  if (bundle == NULL)
    return import;

  if (g_str_equal (bundle->info->device_uuid, kns_store_get_device_uuid (store)))
    {
      g_set_error (&import->error, KNS_BUNDLE_ERROR, KNS_BUNDLE_ERROR_OWN_DEVICE,
                   _("%s was exported by this computer: its figures are already counted. "
                      "Nothing was imported from it."),
                   import->file);
      return import;
    }

  if (!kns_store_import_bundle (store, bundle->info, bundle->tallies, bundle->headcounts,
                                bundle->sessions, bundle->lessons, &import->result, &store_error))
    {
      gboolean conflict = g_error_matches (store_error, KNS_STORE_ERROR, KNS_STORE_ERROR_INVALID);

      g_set_error (&import->error, KNS_BUNDLE_ERROR,
                   conflict ? KNS_BUNDLE_ERROR_CONFLICT : KNS_BUNDLE_ERROR_READ,
                   /* Translators: a file, then why it was not imported */
                   _("%s: %s Nothing was imported from it."), import->file, store_error->message);
      return import;
    }

  import->device_uuid = g_strdup (bundle->info->device_uuid);
  return import;
}

/**
 * kns_bundle_import_file:
 *
 * Checks a bundle and stores it, in one transaction. A file refused for
 * any reason changes nothing.
 *
 * Returns: (transfer full): what became of it; its error is set if it
 *   was refused
 */
KnsBundleImport *
kns_bundle_import_file (KnsStore   *store,
                        const char *file)
{
  GError    *error = NULL;
  KnsBundle *bundle;

  g_return_val_if_fail (KNS_IS_STORE (store), NULL);
  g_return_val_if_fail (file != NULL, NULL);

  bundle = kns_bundle_load (file, &error);
  return import_loaded (store, file, bundle, error);
}

/* Imports since @first were in a group of writes that the disk did not
 * take: none of them is saved after all. */
static void
refuse_group (GPtrArray    *imports,
              guint         first,
              const GError *error)
{
  for (guint i = first; i < imports->len; i++)
    {
      KnsBundleImport *import = g_ptr_array_index (imports, i);

      if (import->error != NULL)
        continue;
      g_clear_pointer (&import->device_uuid, g_free);
      g_set_error (&import->error, KNS_BUNDLE_ERROR, KNS_BUNDLE_ERROR_READ,
                   _("%s: %s Nothing was imported from it."), import->file, error->message);
    }
}

/* Files being read and checked by worker threads, ahead of the store. */
typedef struct
{
  GMutex      lock;
  GCond       loaded;
  const char *file;
  KnsBundle  *bundle;
  GError     *error;
  gboolean    done;
} Loading;

static void
load_cb (gpointer data,
         gpointer user_data)
{
  Loading   *loading = data;
  GError    *error = NULL;
  KnsBundle *bundle = kns_bundle_load (loading->file, &error);

  g_mutex_lock (&loading->lock);
  loading->bundle = bundle;
  loading->error = error;
  loading->done = TRUE;
  g_cond_signal (&loading->loaded);
  g_mutex_unlock (&loading->lock);
}

/* Tells the caller of each import from @from on, now that it is final. */
static void
report_imports (GPtrArray             *imports,
                guint                 *from,
                KnsBundleImportedFunc  func,
                gpointer               user_data)
{
  for (; *from < imports->len; (*from)++)
    if (func != NULL)
      func (g_ptr_array_index (imports, *from), user_data);
}

/**
 * kns_bundle_import_files:
 * @files: (element-type filename): the files, as kns_bundle_list_files()
 *   gives them
 *
 * Imports each file as kns_bundle_import_file() does, in order, each
 * all or nothing; see kns_bundle_import_files_full().
 *
 * Returns: (transfer full) (element-type KnsBundleImport): what became
 *   of each file, in the order of @files
 */
GPtrArray *
kns_bundle_import_files (KnsStore  *store,
                         GPtrArray *files)
{
  return kns_bundle_import_files_full (store, files, NULL, NULL, NULL);
}

/**
 * kns_bundle_import_files_full:
 * @files: (element-type filename): the files, as kns_bundle_list_files()
 *   gives them
 * @cancellable: (nullable): stops the import between two files
 * @func: (nullable) (scope call): called in this thread with each
 *   file's import once it is final, in the order of @files
 *
 * Imports each file as kns_bundle_import_file() does, in order, each
 * all or nothing. Reading and checking a file costs several times what
 * storing it does, so worker threads, one a processor, read the next
 * few files while this thread stores the current one. The files stored
 * in a quarter of a second, 32 at most, reach the disk together (a
 * group of writes, kns_store_begin_group ()): one wait for the disk
 * instead of one a file, while the app, if it is open, waits at most
 * that long to save an answer. @func hears of the files of a group when
 * the group has reached the disk.
 *
 * When @cancellable is cancelled, the files not yet begun are left
 * alone, and are not in the result.
 *
 * Returns: (transfer full) (element-type KnsBundleImport): what became
 *   of each file, in the order of @files
 */
GPtrArray *
kns_bundle_import_files_full (KnsStore              *store,
                              GPtrArray             *files,
                              GCancellable          *cancellable,
                              KnsBundleImportedFunc  func,
                              gpointer               user_data)
{
  g_autoptr(GPtrArray) imports = NULL;
  g_autofree Loading *loadings = NULL;
  GThreadPool        *pool;
  guint               n_threads, ahead, queued = 0, reported = 0;
  gboolean            grouped = FALSE;
  guint               group_first = 0;
  gint64              group_started = 0;

  g_return_val_if_fail (KNS_IS_STORE (store), NULL);
  g_return_val_if_fail (files != NULL, NULL);

  imports = g_ptr_array_new_full (files->len, (GDestroyNotify) kns_bundle_import_free);
  loadings = g_new0 (Loading, MAX (files->len, 1));
  n_threads = CLAMP (g_get_num_processors (), 1, 8);
  /* A checked bundle takes several times its file's size in memory: a
   * few of them ahead are enough to keep the threads busy. */
  ahead = 2 * n_threads;
  pool = g_thread_pool_new (load_cb, NULL, (int) n_threads, FALSE, NULL);

  for (guint i = 0; i < files->len && !g_cancellable_is_cancelled (cancellable); i++)
    {
      Loading *loading = &loadings[i];

      for (; queued < files->len && queued < i + ahead; queued++)
        {
          g_mutex_init (&loadings[queued].lock);
          g_cond_init (&loadings[queued].loaded);
          loadings[queued].file = g_ptr_array_index (files, queued);
          g_thread_pool_push (pool, &loadings[queued], NULL);
        }

      g_mutex_lock (&loading->lock);
      while (!loading->done)
        g_cond_wait (&loading->loaded, &loading->lock);
      g_mutex_unlock (&loading->lock);

      /* Without a group (the app holds the lock, say), each file is its
       * own transaction, as in kns_bundle_import_file (). */
      if (!grouped && (grouped = kns_store_begin_group (store, NULL)))
        {
          group_first = i;
          group_started = g_get_monotonic_time ();
        }
      g_ptr_array_add (imports,
                       import_loaded (store, loading->file, loading->bundle, loading->error));
      loading->bundle = NULL;
      loading->error = NULL;

      if (grouped && (i + 1 == files->len || g_cancellable_is_cancelled (cancellable) ||
                      i + 1 - group_first >= GROUP_FILES ||
                      g_get_monotonic_time () - group_started >= GROUP_TIME))
        {
          g_autoptr(GError) error = NULL;

          if (!kns_store_end_group (store, &error))
            refuse_group (imports, group_first, error);
          grouped = FALSE;
        }
      if (!grouped)
        report_imports (imports, &reported, func, user_data);
    }

  /* Cancelled: the files read ahead are dropped. */
  g_thread_pool_free (pool, FALSE, TRUE);
  for (guint i = 0; i < queued; i++)
    {
      if (loadings[i].bundle != NULL)
        kns_bundle_free (loadings[i].bundle);
      g_clear_error (&loadings[i].error);
      g_mutex_clear (&loadings[i].lock);
      g_cond_clear (&loadings[i].loaded);
    }
  return g_steal_pointer (&imports);
}

/**
 * kns_bundle_import_describe:
 *
 * Returns: (transfer full): a translated sentence on what became of the
 *   file, for the teacher or the technician
 */
char *
kns_bundle_import_describe (const KnsBundleImport *import)
{
  g_return_val_if_fail (import != NULL, NULL);

  if (import->error != NULL)
    return g_strdup (import->error->message);

  switch (import->result)
    {
    case KNS_IMPORT_REPLACED:
      return g_strdup_printf (_("%s: imported; it replaces an older export of computer %.8s."),
                              import->file, import->device_uuid);
    case KNS_IMPORT_UNCHANGED:
      return g_strdup_printf (_("%s: already imported; nothing changed."), import->file);
    case KNS_IMPORT_OLDER:
      return g_strdup_printf (_("%s: a newer export of computer %.8s is already imported; this "
                                 "older one was left out."),
                              import->file, import->device_uuid);
    case KNS_IMPORT_ADDED:
    default:
      return g_strdup_printf (_("%s: imported the figures of computer %.8s."), import->file,
                              import->device_uuid);
    }
}
