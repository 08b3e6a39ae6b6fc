/* kns-bundle-read.c — opening and checking a bundle from another computer
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
 * Nothing a bundle says is trusted. The file must be a regular file of a
 * bundle's size, its nesting shallow, its seal open with the school's
 * key (version 2; version 1 files of older copies are in clear), and
 * every value within the ranges the report can hold, before the store
 * sees a row. A refused file changes nothing.
 */

#define G_LOG_DOMAIN "kns-bundle"

#include "kns-config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <sodium.h>
#include <string.h>

#include "kns-bundle.h"
#include "kns-bundle-private.h"
#include "kns-date.h"
#include "kns-file.h"
#include "kns-school.h"

/* A bundle's lists and objects nest three deep. json-glib parses by
 * recursion: 80,000 "[" overflow a worker thread's stack. */
#define MAX_BUNDLE_DEPTH 8
#define MAX_TEXT_CHARS 500
/* No lab counts a billion of anything; a sum of thousands of such
 * counts still fits in 64 bits. */
#define MAX_COUNT ((gint64) 1000000000)
#define MAX_KEY ((gint64) G_MAXUINT32)


typedef struct
{
  const char *file;
  GError    **error;
  gboolean    failed;
  guint       version; /* of the file's format */
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

/* The sealed bundle: one long line of base64. */
static gboolean
read_long_string (Reader     *reader,
                  JsonNode   *node,
                  char      **value)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return malformed (reader, _("“%s” must be text"), "sealed");
  *value = g_strdup (json_node_get_string (node));
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
      again = kns_bundle_format_time (*time);
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

/* Version 1: [day, session, grade, sex, tier, lesson, attendances,
 * completions, attempts, score_sum, passes]. Version 2: no day (the
 * school year's), and the key sums of attendances, completions and
 * attempts after passes. */
static gboolean
read_tally (Reader    *reader,
            JsonNode  *node,
            guint      school_year,
            GPtrArray *rows)
{
  guint        first = reader->version == 1 ? 1 : 0;
  guint        n = reader->version == 1 ? 11 : 13;
  JsonArray   *array = read_array (reader, node, "tallies", n);
  KnsTallyRow *row;
  gint64       v[14] = { 0 };

  if (array == NULL)
    return FALSE;
  row = g_new0 (KnsTallyRow, 1);
  g_ptr_array_add (rows, row);

  if (first == 1 && !read_string (reader, json_array_get_element (array, 0), "tallies", TRUE,
                                  &row->day))
    return FALSE;
  if (!read_uuid (reader, json_array_get_element (array, first), "tallies", TRUE,
                  &row->session_uuid) ||
      !read_int (reader, json_array_get_element (array, first + 1), "tallies", 1, KNS_N_GRADES,
                 &v[2]) ||
      !read_int (reader, json_array_get_element (array, first + 2), "tallies", 0, 2, &v[3]) ||
      !read_int (reader, json_array_get_element (array, first + 3), "tallies", 1, KNS_N_TIERS,
                 &v[4]) ||
      !read_lesson_id (reader, json_array_get_element (array, first + 4), "tallies", TRUE,
                       &row->lesson_id))
    return FALSE;
  for (guint i = 6; i < 11; i++)
    if (!read_int (reader, json_array_get_element (array, first + i - 1), "tallies", 0, MAX_COUNT,
                   &v[i]))
      return FALSE;
  for (guint i = 11; first == 0 && i < 14; i++)
    if (!read_int (reader, json_array_get_element (array, i - 1), "tallies", 0, MAX_KEY, &v[i]))
      return FALSE;
  if (first == 0)
    row->day = kns_bundle_year_first_day (school_year);
  else if (!is_day_in_year (row->day, school_year))
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
  row->attendance_key = (guint32) v[11];
  row->completion_key = (guint32) v[12];
  row->attempt_key = (guint32) v[13];
  return TRUE;
}

static gboolean
read_headcount (Reader    *reader,
                JsonNode  *node,
                GPtrArray *rows)
{
  JsonArray       *array = read_array (reader, node, "headcounts", reader->version == 1 ? 5 : 6);
  KnsHeadcountRow *row;
  gint64           v[6] = { 0 };

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
      !read_int (reader, json_array_get_element (array, 4), "headcounts", 0, MAX_COUNT, &v[4]) ||
      (reader->version >= 2 &&
       !read_int (reader, json_array_get_element (array, 5), "headcounts", 0, MAX_KEY, &v[5])))
    return FALSE;
  if (v[3] != kns_school_tier_for_grade ((guint) v[1]))
    return malformed (reader, _("“%s” is out of range"), "headcounts");

  row->grade = (guint) v[1];
  row->sex = (KnsSex) v[2];
  row->tier = (guint) v[3];
  row->participants = (guint64) v[4];
  row->participant_key = (guint32) v[5];
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
  if (!kns_bundle_parse_format (name, format))
    return malformed (reader, _("“%s” is out of range"), "format");
  return TRUE;
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
  g_autoptr(GPtrArray) copy = kns_bundle_sorted (rows, compare);

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

  bundle->version = reader->version;
  object = read_object (reader, root, "bundle", members);
  return object != NULL &&
         read_header (reader, object, bundle) &&
         read_tallies (reader, object, bundle->info->school_year, bundle->tallies) &&
         read_rows (reader, object, "headcounts", read_headcount, bundle->headcounts) &&
         read_rows (reader, object, "sessions", read_session, bundle->sessions) &&
         read_rows (reader, object, "lessons", read_lesson, bundle->lessons) &&
         check_unique (reader, bundle->tallies, kns_bundle_compare_tallies, "tallies") &&
         check_unique (reader, bundle->headcounts, kns_bundle_compare_headcounts, "headcounts") &&
         check_unique (reader, bundle->sessions, kns_bundle_compare_session_uuids, "sessions") &&
         check_unique (reader, bundle->lessons, kns_bundle_compare_lessons, "lessons");
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

/* Text read from a file or opened from a seal: bounded and shallow
 * before json-glib sees it. */
static JsonParser *
parse_json (Reader     *reader,
            const char *text,
            gsize       length)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) parse_error = NULL;

  if (length > KNS_BUNDLE_MAX_FILE_BYTES || !g_utf8_validate (text, (gssize) length, NULL))
    {
      malformed (reader, _("not UTF-8 text of a sensible size"));
      return NULL;
    }
  if (!looks_like_object (text, length))
    {
      refuse_not_bundle (reader);
      return NULL;
    }
  if (nests_deeper_than (text, length, MAX_BUNDLE_DEPTH))
    {
      malformed (reader, _("lists nested more than %d deep"), MAX_BUNDLE_DEPTH);
      return NULL;
    }

  /* An empty file parses, with no root: a copy that never started. */
  if (!json_parser_load_from_data (parser, text, (gssize) length, &parse_error) ||
      json_parser_get_root (parser) == NULL)
    {
      if (looks_truncated (text, length))
        {
          reader->failed = TRUE;
          g_set_error (reader->error, KNS_BUNDLE_ERROR, KNS_BUNDLE_ERROR_TRUNCATED,
                       _("%s is cut short, as when a copy does not finish; copy it again from "
                         "the computer that exported it. Nothing was imported from it."),
                       reader->file);
        }
      else
        malformed (reader, "%s", parse_error != NULL ? parse_error->message : "");
      return NULL;
    }
  return g_steal_pointer (&parser);
}

/* The bundle inside a sealed file, or %NULL with the error set. */
static GBytes *
open_seal (Reader       *reader,
           JsonNode     *root,
           const guint8 *key)
{
  static const char *const members[] = { "format", "version", "sealed", NULL };
  JsonObject        *object = read_object (reader, root, "bundle", members);
  g_autofree char   *text = NULL;
  g_autofree guchar *boxed = NULL;
  g_autofree guchar *plain = NULL;
  gsize              length = 0;

  if (object == NULL ||
      !read_long_string (reader, json_object_get_member (object, "sealed"), &text))
    return NULL;
  if (key == NULL)
    {
      reader->failed = TRUE;
      g_set_error (reader->error, KNS_BUNDLE_ERROR, KNS_BUNDLE_ERROR_NO_KEY,
                   _("%s is sealed with the school’s report passphrase, which this computer "
                     "does not have yet: set it in teacher mode, on the Report page, or with "
                     "kynangso --set-report-passphrase. Nothing was imported from it."),
                   reader->file);
      return NULL;
    }

  boxed = g_base64_decode (text, &length);
  if (length < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES ||
      length - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES > KNS_BUNDLE_MAX_BYTES)
    {
      malformed (reader, _("“%s” is out of range"), "sealed");
      return NULL;
    }
  length -= crypto_secretbox_NONCEBYTES;
  plain = g_malloc (length - crypto_secretbox_MACBYTES + 1);
  if (crypto_secretbox_open_easy (plain, boxed + crypto_secretbox_NONCEBYTES, length, boxed,
                                  key) != 0)
    {
      reader->failed = TRUE;
      g_set_error (reader->error, KNS_BUNDLE_ERROR, KNS_BUNDLE_ERROR_WRONG_KEY,
                   _("%s cannot be opened with this computer’s report passphrase: it was sealed "
                     "with another one (the same school must use the same passphrase on every "
                     "computer), or it was damaged on the way. Nothing was imported from it."),
                   reader->file);
      return NULL;
    }
  length -= crypto_secretbox_MACBYTES;
  return g_bytes_new_take (g_steal_pointer (&plain), length);
}

/* Version 1 bundles carry no record keys: each row gets random ones, as
 * the store gave rows counted before keys existed. */
static void
give_keys (KnsBundle *bundle)
{
  for (guint i = 0; i < bundle->tallies->len; i++)
    {
      KnsTallyRow *row = g_ptr_array_index (bundle->tallies, i);

      row->attendance_key = row->attendances > 0 ? randombytes_random () : 0;
      row->completion_key = row->completions > 0 ? randombytes_random () : 0;
      row->attempt_key = row->attempts > 0 ? randombytes_random () : 0;
    }
  for (guint i = 0; i < bundle->headcounts->len; i++)
    {
      KnsHeadcountRow *row = g_ptr_array_index (bundle->headcounts, i);

      row->participant_key = row->participants > 0 ? randombytes_random () : 0;
    }
}

static KnsBundle *
read_checked (Reader             *reader,
              JsonNode           *root,
              KnsBundleParseFlags flags,
              const char         *name)
{
  g_autoptr(KnsBundle) bundle = kns_bundle_alloc (reader->version);
  g_autofree char *checksum = NULL;

  if (!read_bundle (reader, root, bundle))
    return NULL;

  checksum = kns_bundle_compute_checksum (bundle);
  if (!(flags & KNS_BUNDLE_PARSE_SKIP_CHECKSUM) && !g_str_equal (checksum, bundle->info->checksum))
    {
      reader->failed = TRUE;
      g_set_error (reader->error, KNS_BUNDLE_ERROR, KNS_BUNDLE_ERROR_CHECKSUM,
                   _("%s was changed after it was exported: its checksum does not match its "
                     "figures. Export it again; nothing was imported from it."),
                   name);
      return NULL;
    }

  if (bundle->version == 1)
    give_keys (bundle);
  neutralise_text (bundle);
  g_free (bundle->info->file_name);
  bundle->info->file_name = g_path_get_basename (name);
  return g_steal_pointer (&bundle);
}

/**
 * kns_bundle_parse:
 * @file: the file's name, for messages
 * @flags: what the fuzzer skips; %KNS_BUNDLE_PARSE_DEFAULT for any file
 * @key: (nullable): the school's key, to open a sealed file
 *
 * Parses and checks a bundle: a sealed file of version 2, or a clear one
 * of version 1. Nothing is parsed before its size and its nesting are
 * known to be sensible.
 *
 * Returns: (transfer full): the bundle, or %NULL with @error set to a
 *   translated sentence naming @file and what is wrong
 */
KnsBundle *
kns_bundle_parse (GBytes             *bytes,
                  const char         *file,
                  KnsBundleParseFlags flags,
                  const guint8       *key,
                  GError            **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(JsonParser) inner = NULL;
  g_autoptr(GBytes) opened = NULL;
  g_autofree char *name = NULL;
  Reader           reader = { .error = error };
  JsonNode        *root;
  gsize            length;
  const char      *text;

  g_return_val_if_fail (bytes != NULL && file != NULL, NULL);

  reader.file = name = kns_file_display_name (file);
  text = g_bytes_get_data (bytes, &length);
  /* GBytes of no bytes may have no data at all. */
  if (text == NULL)
    text = "";
  if ((parser = parse_json (&reader, text, length)) == NULL)
    return NULL;
  root = json_parser_get_root (parser);
  if (!check_format (&reader, root, &reader.version))
    return NULL;

  if (reader.version >= 2 && json_object_has_member (json_node_get_object (root), "sealed"))
    {
      if ((opened = open_seal (&reader, root, key)) == NULL)
        return NULL;
      text = g_bytes_get_data (opened, &length);
      if ((inner = parse_json (&reader, text != NULL ? text : "", length)) == NULL)
        return NULL;
      root = json_parser_get_root (inner);
      if (!check_format (&reader, root, &reader.version))
        return NULL;
      if (reader.version < 2)
        {
          malformed (&reader, _("“%s” is out of range"), "version");
          return NULL;
        }
    }
  else if (reader.version >= 2 && !(flags & KNS_BUNDLE_PARSE_UNSEALED))
    {
      /* What this version writes is always sealed: a clear one was not
       * made by Kỹ năng số, and could be anyone's figures. */
      malformed (&reader, _("not sealed"));
      return NULL;
    }

  return read_checked (&reader, root, flags, name);
}

/**
 * kns_bundle_load_bytes:
 * @file: the file's name, for messages
 * @key: (nullable): the school's key, to open a sealed file
 *
 * Parses and checks a bundle, its seal and its checksum.
 *
 * Returns: (transfer full): the bundle, or %NULL with @error set to a
 *   translated sentence naming @file and what is wrong
 */
KnsBundle *
kns_bundle_load_bytes (GBytes       *bytes,
                       const char   *file,
                       const guint8 *key,
                       GError      **error)
{
  return kns_bundle_parse (bytes, file, KNS_BUNDLE_PARSE_DEFAULT, key, error);
}

/**
 * kns_bundle_load:
 * @key: (nullable): the school's key, to open a sealed file
 *
 * Reads and checks a bundle file. Only a regular file of a bundle's size
 * is read: a folder, a device, a pipe or a huge file is refused first.
 */
KnsBundle *
kns_bundle_load (const char   *file,
                 const guint8 *key,
                 GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_return_val_if_fail (file != NULL, NULL);

  if (!kns_file_read_bounded (file, KNS_BUNDLE_MAX_FILE_BYTES, &contents, &length, &local_error))
    {
      gboolean too_large = g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE);

      g_set_error_literal (error, KNS_BUNDLE_ERROR,
                           too_large ? KNS_BUNDLE_ERROR_MALFORMED : KNS_BUNDLE_ERROR_READ,
                           local_error->message);
      return NULL;
    }
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  return kns_bundle_load_bytes (bytes, file, key, error);
}
