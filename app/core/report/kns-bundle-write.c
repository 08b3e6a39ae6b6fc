/* kns-bundle-write.c — a computer's figures as a bundle: canonical form, sealed
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
 * Version 2 of the format: the tally rows of the school year, summed
 * over its days (a report is always a whole year, so merging needs no
 * finer), each with the sums of its record keys so that the merged
 * report rounds as the computer's own did. The canonical form is sealed
 * (libsodium's crypto_secretbox: XSalsa20 and Poly1305) with the
 * school's key into
 *
 *   {"format":"kynangso-report-bundle","version":2,"sealed":"BASE64"}
 *
 * where BASE64 is a random nonce followed by the box: a lost USB stick
 * shows no figure, no school, no class, and a copy without the key can
 * neither read nor forge one.
 */

#define G_LOG_DOMAIN "kns-bundle"

#include "kns-config.h"

#include <glib/gi18n.h>
#include <sodium.h>
#include <string.h>

#include "kns-bundle.h"
#include "kns-bundle-private.h"
#include "kns-file.h"
#include "kns-school-key.h"

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

static guint
tally_hash (gconstpointer key)
{
  const KnsTallyRow *row = key;

  return g_str_hash (row->session_uuid) ^ g_str_hash (row->lesson_id) ^ (row->grade * 131u) ^
         (row->sex * 17u) ^ (row->tier * 7u);
}

static gboolean
tally_equal (gconstpointer a,
             gconstpointer b)
{
  const KnsTallyRow *x = a, *y = b;

  return x->grade == y->grade && x->sex == y->sex && x->tier == y->tier &&
         g_str_equal (x->session_uuid, y->session_uuid) && g_str_equal (x->lesson_id, y->lesson_id);
}

/* The rows of the year's days as one row each for the school year: no
 * day leaves the computer. Key sums add modulo 2^32, as guint32 does. */
static void
sum_over_year (KnsBundle *bundle,
               GPtrArray *days,
               guint      school_year)
{
  g_autoptr(GHashTable) sums = g_hash_table_new (tally_hash, tally_equal);

  for (guint i = 0; i < days->len; i++)
    {
      const KnsTallyRow *day = g_ptr_array_index (days, i);
      KnsTallyRow       *sum = g_hash_table_lookup (sums, day);

      if (sum == NULL)
        {
          sum = g_new0 (KnsTallyRow, 1);
          sum->day = kns_bundle_year_first_day (school_year);
          sum->session_uuid = g_strdup (day->session_uuid);
          sum->grade = day->grade;
          sum->sex = day->sex;
          sum->tier = day->tier;
          sum->lesson_id = g_strdup (day->lesson_id);
          g_hash_table_add (sums, sum);
          g_ptr_array_add (bundle->tallies, sum);
        }
      sum->attendances += day->attendances;
      sum->completions += day->completions;
      sum->attempts += day->attempts;
      sum->score_sum += day->score_sum;
      sum->passes += day->passes;
      sum->attendance_key += day->attendance_key;
      sum->completion_key += day->completion_key;
      sum->attempt_key += day->attempt_key;
    }
}

/**
 * kns_bundle_new_from_store:
 * @course: (nullable): the lessons, to tell what they cover
 *
 * This computer's own figures for the school year, exact, with nothing
 * imported from others (they travel in their own bundles), and the
 * school's key if this computer has it.
 *
 * Returns: (transfer full): the bundle, its checksum computed
 */
KnsBundle *
kns_bundle_new_from_store (KnsStore  *store,
                           KnsCourse *course,
                           guint      school_year,
                           GError   **error)
{
  g_autoptr(KnsBundle) bundle = kns_bundle_alloc (KNS_BUNDLE_VERSION);
  g_autoptr(GHashTable) lessons = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) days = NULL;
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

  g_clear_pointer (&bundle->headcounts, g_ptr_array_unref);
  g_clear_pointer (&bundle->sessions, g_ptr_array_unref);
  if ((days = kns_store_list_tallies (store, school_year, error)) == NULL ||
      (bundle->headcounts = kns_store_list_headcounts (store, school_year, error)) == NULL ||
      (bundle->sessions = kns_store_list_session_summaries (store, school_year, KNS_TALLY_OWN,
                                                            error)) == NULL)
    return NULL;
  sum_over_year (bundle, days, school_year);
  bundle->has_key = kns_school_key_get (store, bundle->key, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

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
  g_autofree char *text = kns_bundle_format_time (time);

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
             GPtrArray *tallies,
             guint      version)
{
  g_autoptr(GPtrArray) rows = kns_bundle_sorted (tallies, kns_bundle_compare_tallies);

  append_name (out, "tallies");
  g_string_append_c (out, '[');
  for (guint i = 0; i < rows->len; i++)
    {
      const KnsTallyRow *row = g_ptr_array_index (rows, i);

      g_string_append (out, i > 0 ? ",[" : "[");
      if (version == 1)
        {
          append_string (out, row->day);
          g_string_append_c (out, ',');
        }
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
      if (version >= 2)
        {
          append_item (out, row->attendance_key);
          append_item (out, row->completion_key);
          append_item (out, row->attempt_key);
        }
      g_string_append_c (out, ']');
    }
  g_string_append_c (out, ']');
}

static void
add_headcounts (GString   *out,
                GPtrArray *headcounts,
                guint      version)
{
  g_autoptr(GPtrArray) rows = kns_bundle_sorted (headcounts, kns_bundle_compare_headcounts);

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
      if (version >= 2)
        append_item (out, row->participant_key);
      g_string_append_c (out, ']');
    }
  g_string_append_c (out, ']');
}

static void
add_sessions (GString   *out,
              GPtrArray *sessions)
{
  g_autoptr(GPtrArray) rows = kns_bundle_sorted (sessions, kns_bundle_compare_sessions);

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
      member_string (out, "format", kns_bundle_format_name (session->format));
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
  g_autoptr(GPtrArray) rows = kns_bundle_sorted (lessons, kns_bundle_compare_lessons);

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
  add_tallies (out, bundle->tallies, bundle->version);
  add_headcounts (out, bundle->headcounts, bundle->version);
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

/* Returns: (transfer full): the canonical form with its checksum, and a
 *   final newline: what a sealed file holds */
GBytes *
kns_bundle_to_bytes (KnsBundle *bundle)
{
  GString *json;

  g_return_val_if_fail (bundle != NULL && bundle->info->checksum != NULL, NULL);

  json = write_json (bundle, bundle->info->checksum);
  g_string_append_c (json, '\n');
  return g_string_free_to_bytes (json);
}

/**
 * kns_bundle_seal:
 * @plain: a bundle's canonical form
 * @key: the school's key
 *
 * Returns: (transfer full): the file's bytes: @plain in a secret box, with
 *   a random nonce, in the small JSON envelope described at the top
 */
GBytes *
kns_bundle_seal (GBytes       *plain,
                 const guint8  key[32])
{
  gsize            length;
  const guint8    *data = g_bytes_get_data (plain, &length);
  g_autofree guint8 *boxed = g_malloc (crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + length);
  g_autofree char *text = NULL;
  GString         *out;

  G_STATIC_ASSERT (crypto_secretbox_KEYBYTES == 32);

  randombytes_buf (boxed, crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy (boxed + crypto_secretbox_NONCEBYTES, data, length, boxed, key);
  text = g_base64_encode (boxed, crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + length);

  out = g_string_sized_new (strlen (text) + 96);
  g_string_append (out, "{\"format\":");
  append_string (out, KNS_BUNDLE_FORMAT);
  member_int (out, "version", KNS_BUNDLE_VERSION);
  member_string (out, "sealed", text);
  g_string_append (out, "}\n");
  return g_string_free_to_bytes (out);
}

/**
 * kns_bundle_write:
 *
 * Writes @bundle sealed with the school's key; without one, refuses with
 * %KNS_BUNDLE_ERROR_NO_KEY and says how to set it.
 */
gboolean
kns_bundle_write (KnsBundle  *bundle,
                  const char *file,
                  GError    **error)
{
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GBytes) sealed = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *shown = NULL;
  gsize       length;
  const char *data;

  g_return_val_if_fail (bundle != NULL && file != NULL, FALSE);

  if (!bundle->has_key)
    {
      g_set_error_literal (error, KNS_BUNDLE_ERROR, KNS_BUNDLE_ERROR_NO_KEY,
                           _("This computer has no school report passphrase yet, so its figures "
                             "cannot leave it safely. Set the same passphrase on every lab "
                             "computer of the school: in teacher mode, on the Report page, or "
                             "with kynangso --set-report-passphrase."));
      return FALSE;
    }

  plain = kns_bundle_to_bytes (bundle);
  sealed = kns_bundle_seal (plain, bundle->key);
  data = g_bytes_get_data (sealed, &length);
  if (g_file_set_contents_full (file, data, (gssize) length, G_FILE_SET_CONTENTS_CONSISTENT, 0644,
                                &local_error))
    return TRUE;

  shown = kns_file_display_name (file);
  g_set_error (error, KNS_BUNDLE_ERROR, KNS_BUNDLE_ERROR_WRITE, _("%s could not be written: %s"),
               shown, local_error->message);
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

