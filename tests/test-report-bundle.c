/* test-report-bundle.c — bundles: export, import, merging, refusals
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
 * Each "computer" is a store of its own (report-fixture.c). A refused
 * file must leave the importing store exactly as it was: the tests
 * compare a dump of every table before and after.
 *
 * tests/data/report/bundle-v1.json is a bundle of the fixture school
 * written by version 1 of the format; it must import as long as version
 * 1 is read. It was made with
 *   KNS_WRITE_BUNDLE_FIXTURE=tests/data/report/bundle-v1.json \
 *     build/tests/test-report-bundle -p /kns/report-bundle/fixture
 */

#include "kns-config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kns-bundle.h"
#include "kns-report.h"
#include "kns-report-private.h"
#include "kns-store-private.h"
#include "report-fixture.h"

#define K 5

/* A file exactly as @bytes say: what a USB stick might hold. */
static char *
write_raw (const char *dir,
           const char *name,
           GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                      (gssize) g_bytes_get_size (bytes), &error));
  g_assert_no_error (error);
  return path;
}

/* A bundle's canonical form, or any text in its place, sealed with the
 * school's key as the app writes it. */
static char *
write_temp (const char *dir,
            const char *name,
            GBytes     *plain)
{
  g_autoptr(GBytes) sealed = report_seal (plain);

  return write_raw (dir, name, sealed);
}

static KnsBundle *
export_bundle (ReportSchool *school,
               KnsCourse    *course)
{
  g_autoptr(GError) error = NULL;
  KnsBundle *bundle = kns_bundle_new_from_store (school->store, course, 2026, &error);

  g_assert_no_error (error);
  return bundle;
}

/* Exports @school into @dir/@name. */
static char *
export_file (ReportSchool *school,
             KnsCourse    *course,
             const char   *dir,
             const char   *name)
{
  g_autoptr(KnsBundle) bundle = export_bundle (school, course);
  g_autoptr(GBytes) bytes = kns_bundle_to_bytes (bundle);

  return write_temp (dir, name, bytes);
}

static KnsImportResult
import_ok (ReportSchool *school,
           const char   *file)
{
  g_autoptr(KnsBundleImport) import = kns_bundle_import_file (school->store, file);

  g_assert_no_error (import->error);
  return import->result;
}

static char *
table_text (KnsReport  *report,
            const char *id)
{
  const KnsReportTable *table = kns_report_get_table (report, id);
  GString              *out = g_string_new (NULL);

  for (guint r = 0; r < table->n_rows; r++)
    {
      g_string_append_printf (out, "%s%s:", r > 0 ? " | " : "", table->row_labels[r]);
      for (guint c = 0; c < table->n_columns; c++)
        {
          const KnsReportCell *cell = kns_report_table_get_cell (table, r, c);
          g_autofree char     *text = kns_report_cell_format (cell);

          g_string_append_printf (out, " %s", cell->hidden ? "·" : text);
        }
    }
  return g_string_free (out, FALSE);
}

static KnsReport *
report_of (ReportSchool *school,
           KnsCourse    *course)
{
  g_autoptr(GError) error = NULL;
  KnsReportPeriod period;
  KnsReport      *report;

  kns_report_period_init (&period, 2026);
  report = kns_report_new_exact (school->store, course, &period, NULL, K, &error);
  g_assert_no_error (error);
  return report;
}

static char *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("kns-bundles-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* Exported, read back, written again: the same bytes; imported into an
 * empty computer: the same figures as at home. */
static void
test_round_trip (void)
{
  g_autoptr(ReportSchool) home = report_school_new (TRUE);
  g_autoptr(ReportSchool) lab = report_school_new (FALSE);
  g_autoptr(KnsCourse) course = report_course_load ();
  g_autoptr(KnsBundle) bundle = export_bundle (home, course);
  g_autoptr(GBytes) bytes = kns_bundle_to_bytes (bundle);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) sealed = report_seal (bytes);
  g_autoptr(KnsBundle) again = kns_bundle_load_bytes (sealed, "may-1.json", report_school_key,
                                                      &error);
  g_autoptr(GBytes) rewritten = NULL;
  g_autoptr(KnsReport) at_home = NULL;
  g_autoptr(KnsReport) in_lab = NULL;
  g_autofree char         *dir = make_dir ();
  g_autofree char         *file = NULL;
  const char              *text = g_bytes_get_data (bytes, NULL);
  static const char *const same[] = { "participants", "attendances", "tiers", "lessons" };

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (text, "{\"format\":\"kynangso-report-bundle\",\"version\":2,"));
  g_assert_true (g_str_has_prefix (bundle->info->checksum, "sha256:"));
  g_assert_cmpuint (strlen (bundle->info->checksum), ==, 7 + 64);
  g_assert_cmpstr (again->info->device_uuid, ==, kns_store_get_device_uuid (home->store));
  g_assert_cmpstr (again->info->school_name, ==, "Trường Tiểu học Kim Đồng");
  g_assert_cmpuint (again->tallies->len, ==, bundle->tallies->len);
  rewritten = kns_bundle_to_bytes (again);
  g_assert_true (g_bytes_equal (bytes, rewritten));

  /* Sessions travel with their lessons spelled out and what they cover. */
  g_assert_cmpuint (again->sessions->len, ==, 2);
  g_assert_cmpuint (g_strv_length (((KnsSessionSummary *) g_ptr_array_index (again->sessions, 1))
                                     ->lesson_ids),
                    ==, 3);

  file = write_temp (dir, "may-1.json", bytes);
  g_assert_cmpint (import_ok (lab, file), ==, KNS_IMPORT_ADDED);

  /* The lab computer reports the same figures. */
  at_home = report_of (home, course);
  in_lab = report_of (lab, course);
  g_assert_cmpuint (kns_report_get_n_computers (in_lab), ==, 2);
  for (guint i = 0; i < G_N_ELEMENTS (same); i++)
    {
      g_autofree char *a = table_text (at_home, same[i]);
      g_autofree char *b = table_text (in_lab, same[i]);

      g_assert_cmpstr (a, ==, b);
    }

  /* Even without the course, the bundle told it the lessons' titles. */
  {
    g_autoptr(KnsReport) bare = report_of (lab, NULL);
    g_autofree char *lessons = table_text (bare, "lessons");
    g_autofree char *tiers = table_text (bare, "tiers");

    g_assert_cmpstr (lessons, ==, "Số 111: 10 0 — | Khi em bị bắt nạt: 11 11 73 | "
                                  "Mật khẩu và khóa màn hình: 17 25 92");
    g_assert_cmpstr (tiers, ==, "Grades 1–3: 10 0 — | Grades 4–5: 28 36 86 | Total: 38 36 86");
  }
  g_assert_cmpuint (kns_report_get_sessions (in_lab)->len, ==, 2);
  g_assert_true (((KnsReportChannel *) g_ptr_array_index (kns_report_get_channels (in_lab), 0))->taught);

  kns_test_remove_tree (dir);
}

/* Importing the same file twice counts it once. */
static void
test_twice (void)
{
  g_autoptr(ReportSchool) home = report_school_new (TRUE);
  g_autoptr(ReportSchool) lab = report_school_new (FALSE);
  g_autoptr(KnsCourse) course = report_course_load ();
  g_autofree char *dir = make_dir ();
  g_autofree char *file = export_file (home, course, dir, "may-1.json");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(KnsBundleImport) import = NULL;
  g_autofree char *said = NULL;

  g_assert_cmpint (import_ok (lab, file), ==, KNS_IMPORT_ADDED);
  before = report_dump_store (kns_store_get_path (lab->store));
  import = kns_bundle_import_file (lab->store, file);
  g_assert_no_error (import->error);
  g_assert_cmpint (import->result, ==, KNS_IMPORT_UNCHANGED);
  after = report_dump_store (kns_store_get_path (lab->store));
  g_assert_cmpstr (before, ==, after);

  said = kns_bundle_import_describe (import);
  g_assert_true (g_str_has_suffix (said, "may-1.json: already imported; nothing changed."));
  kns_test_remove_tree (dir);
}

/* A newer export of the same computer and year replaces the older; the
 * older one, imported after, changes nothing. */
static void
test_newer_replaces (void)
{
  g_autoptr(ReportSchool) home = report_school_new (TRUE);
  g_autoptr(ReportSchool) lab = report_school_new (FALSE);
  g_autoptr(KnsCourse) course = report_course_load ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_dir ();
  g_autofree char *older = export_file (home, course, dir, "older.json");
  g_autofree char *newer = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(KnsReport) report = NULL;
  g_autoptr(KnsLearner) learner = NULL;
  const KnsReportTable *heads;

  /* One more pupil, a week later. */
  home->now = report_local_time (2027, 6, 22, 9, 0);
  learner = kns_store_add_learner (home->store, "Rùa 99", "5A", 5, "turtle", KNS_SEX_FEMALE, &error);
  g_assert_true (kns_store_sign_in (home->store, learner->id, &error));
  newer = export_file (home, course, dir, "newer.json");

  g_assert_cmpint (import_ok (lab, older), ==, KNS_IMPORT_ADDED);
  g_assert_cmpint (import_ok (lab, newer), ==, KNS_IMPORT_REPLACED);

  before = report_dump_store (kns_store_get_path (lab->store));
  g_assert_cmpint (import_ok (lab, older), ==, KNS_IMPORT_OLDER);
  after = report_dump_store (kns_store_get_path (lab->store));
  g_assert_cmpstr (before, ==, after);

  /* 36 pupils: the newer figures, not both added up. */
  report = report_of (lab, course);
  heads = kns_report_get_table (report, "participants");
  g_assert_cmpint (kns_report_table_get_cell (heads, heads->n_rows - 1, 3)->value, ==, 36);
  g_assert_cmpuint (kns_report_get_n_computers (report), ==, 2);
  kns_test_remove_tree (dir);
}

typedef enum
{
  BROKEN_NOT_JSON,
  BROKEN_TRUNCATED,
  BROKEN_TAMPERED,
  BROKEN_NEWER_VERSION,
  BROKEN_OWN_DEVICE,
  BROKEN_NOT_BUNDLE,
  BROKEN_WRONG_TYPE,
  BROKEN_OUT_OF_RANGE,
  BROKEN_UNKNOWN_MEMBER,
  BROKEN_DUPLICATE_ROW,
  BROKEN_DAY_OUTSIDE_YEAR,
  BROKEN_CONFLICT,
  BROKEN_EMPTY,
  BROKEN_MISSING,
  /* Hostile files: each once crashed, hung or corrupted a report. */
  BROKEN_DEEP,
  BROKEN_TIER,
  BROKEN_ATTENDANCE_TIER,
  BROKEN_LESSON_ID,
  BROKEN_HUGE_COUNT,
  BROKEN_SPREADSHEET,
  BROKEN_PIPE,
  BROKEN_DEVICE,
  BROKEN_TOO_LARGE,
  /* Sealing: a file sealed with another school's key, and one in clear. */
  BROKEN_WRONG_KEY,
  BROKEN_UNSEALED,
} Broken;

typedef struct
{
  Broken         broken;
  const char    *name;
  KnsBundleError code;
  const char    *says; /* part of the message */
} BrokenCase;

static const BrokenCase broken_cases[] = {
  { BROKEN_NOT_JSON, "not-json", KNS_BUNDLE_ERROR_MALFORMED, "is damaged" },
  { BROKEN_TRUNCATED, "truncated", KNS_BUNDLE_ERROR_TRUNCATED, "is cut short" },
  { BROKEN_TAMPERED, "tampered", KNS_BUNDLE_ERROR_CHECKSUM, "was changed after it was exported" },
  { BROKEN_NEWER_VERSION, "newer-version", KNS_BUNDLE_ERROR_NEWER_VERSION,
    "newer version of Kỹ năng số (file version 3)" },
  { BROKEN_OWN_DEVICE, "own-device", KNS_BUNDLE_ERROR_OWN_DEVICE, "exported by this computer" },
  { BROKEN_NOT_BUNDLE, "not-bundle", KNS_BUNDLE_ERROR_NOT_BUNDLE, "is not a report file" },
  { BROKEN_WRONG_TYPE, "wrong-type", KNS_BUNDLE_ERROR_MALFORMED, "“school_year” must be a whole number" },
  { BROKEN_OUT_OF_RANGE, "out-of-range", KNS_BUNDLE_ERROR_MALFORMED, "“tallies” is out of range" },
  { BROKEN_UNKNOWN_MEMBER, "unknown-member", KNS_BUNDLE_ERROR_MALFORMED,
    "“nicknames” is not part of a bundle" },
  { BROKEN_DUPLICATE_ROW, "duplicate-row", KNS_BUNDLE_ERROR_MALFORMED, "“tallies” has a row twice" },
  { BROKEN_DAY_OUTSIDE_YEAR, "day-outside-year", KNS_BUNDLE_ERROR_MALFORMED,
    "a day outside the school year" },
  { BROKEN_CONFLICT, "conflict", KNS_BUNDLE_ERROR_CONFLICT, "same computer and time" },
  { BROKEN_EMPTY, "empty", KNS_BUNDLE_ERROR_TRUNCATED, "is cut short" },
  { BROKEN_MISSING, "missing", KNS_BUNDLE_ERROR_READ, "cannot be read" },
  { BROKEN_DEEP, "deep", KNS_BUNDLE_ERROR_MALFORMED, "lists nested more than 8 deep" },
  { BROKEN_TIER, "tier", KNS_BUNDLE_ERROR_MALFORMED, "“tallies” is out of range" },
  { BROKEN_ATTENDANCE_TIER, "attendance-tier", KNS_BUNDLE_ERROR_MALFORMED,
    "“tallies” is out of range" },
  { BROKEN_LESSON_ID, "lesson-id", KNS_BUNDLE_ERROR_MALFORMED, "“tallies” is out of range" },
  { BROKEN_HUGE_COUNT, "huge-count", KNS_BUNDLE_ERROR_MALFORMED, "“tallies” is out of range" },
  { BROKEN_SPREADSHEET, "spreadsheet", KNS_BUNDLE_ERROR_NOT_BUNDLE, "is not a report file" },
  { BROKEN_PIPE, "pipe", KNS_BUNDLE_ERROR_READ, "is not an ordinary file" },
  { BROKEN_DEVICE, "device", KNS_BUNDLE_ERROR_READ, "is not an ordinary file" },
  { BROKEN_TOO_LARGE, "too-large", KNS_BUNDLE_ERROR_MALFORMED, "is too large" },
  { BROKEN_WRONG_KEY, "wrong-key", KNS_BUNDLE_ERROR_WRONG_KEY,
    "cannot be opened with this computer’s report passphrase" },
  { BROKEN_UNSEALED, "unsealed", KNS_BUNDLE_ERROR_MALFORMED, "not sealed" },
};

/* @bundle with its first tally row changed by @change, and its checksum
 * made again: a file the checksum cannot catch. */
static GBytes *
resealed (KnsBundle *bundle,
          void     (*change) (KnsTallyRow *row))
{
  g_autoptr(GBytes) plain = NULL;

  change (g_ptr_array_index (bundle->tallies, 0));
  g_free (bundle->info->checksum);
  bundle->info->checksum = kns_bundle_compute_checksum (bundle);
  plain = kns_bundle_to_bytes (bundle);
  return report_seal (plain);
}

/* Tier 5 and 6 once overflowed the report's table of tiers. */
static void
set_tier_6 (KnsTallyRow *row)
{
  row->tier = 6;
}

/* Sign-ins count in the tier of the grade. */
static void
set_attendance_in_other_tier (KnsTallyRow *row)
{
  g_free (row->lesson_id);
  row->lesson_id = g_strdup ("");
  row->attendances = 1;
  row->completions = row->attempts = row->score_sum = row->passes = 0;
  row->tier = row->grade <= 3 ? 4 : 1;
}

static void
set_lesson_id_markup (KnsTallyRow *row)
{
  g_free (row->lesson_id);
  row->lesson_id = g_strdup ("<b>=cmd|' /C calc'!A0");
}

static void
set_huge_count (KnsTallyRow *row)
{
  row->attendances = row->completions = 0;
  row->completions = (guint64) 1 << 35;
}

/* A file that is not a file: reading it would never end. */
static char *
make_special (Broken      broken,
              const char *dir,
              const char *name)
{
  char *path = g_build_filename (dir, name, NULL);

  if (broken == BROKEN_PIPE)
    g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  else
    g_assert_cmpint (symlink ("/dev/zero", path), ==, 0);
  return path;
}

static char *
replace_once (const char *text,
              const char *old,
              const char *new)
{
  const char *at = strstr (text, old);

  g_assert_nonnull (at);
  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, new, at + strlen (old));
}

/* The bytes of a broken file, made from a good one: sealed as the app
 * seals, unless the break is in the file itself. */
static GBytes *
break_bundle (Broken     broken,
              KnsBundle *bundle,
              GBytes    *good)
{
  g_autofree char *text = g_strndup (g_bytes_get_data (good, NULL), g_bytes_get_size (good));
  g_autofree char *bad = NULL;
  KnsTallyRow     *row = g_ptr_array_index (bundle->tallies, 0);
  gsize            length;

  switch (broken)
    {
    case BROKEN_NOT_JSON:
      bad = g_strconcat ("{\"format\": oops", text + 1, NULL);
      break;
    case BROKEN_TRUNCATED:
      {
        /* The file on the stick, cut in half by a copy that stopped. */
        g_autoptr(GBytes) sealed = report_seal (good);

        return g_bytes_new_from_bytes (sealed, 0, g_bytes_get_size (sealed) / 2);
      }
    case BROKEN_TAMPERED:
      /* The first tally row's first count, one more than it was. */
      {
        g_autofree char *old = g_strdup_printf (",\"%s\",%" G_GUINT64_FORMAT ",", row->lesson_id,
                                                row->attendances);
        g_autofree char *new = g_strdup_printf (",\"%s\",%" G_GUINT64_FORMAT ",", row->lesson_id,
                                                row->attendances + 1);

        bad = replace_once (text, old, new);
      }
      break;
    case BROKEN_NEWER_VERSION:
      bad = replace_once (text, "\"version\":2,", "\"version\":3,\"future\":[1,2],");
      break;
    case BROKEN_NOT_BUNDLE:
      bad = g_strdup ("{\"hello\": \"world\"}\n");
      break;
    case BROKEN_WRONG_TYPE:
      bad = replace_once (text, "\"school_year\":2026", "\"school_year\":\"2026\"");
      break;
    case BROKEN_OUT_OF_RANGE:
      bad = replace_once (text, "\"tallies\":[[\"", "\"tallies\":[[\"\",13,0,1,\"\",1,0,0,0,0,1,0,0],[\"");
      break;
    case BROKEN_UNKNOWN_MEMBER:
      bad = replace_once (text, "\"tallies\":", "\"nicknames\":[\"Mèo 50b\"],\"tallies\":");
      break;
    case BROKEN_DUPLICATE_ROW:
      {
        const char      *start = strstr (text, "\"tallies\":[") + strlen ("\"tallies\":[");
        const char      *end = strchr (start, ']') + 1;
        g_autofree char *first = g_strndup (start, (gsize) (end - start));
        g_autofree char *twice = g_strconcat ("\"tallies\":[", first, ",", NULL);

        bad = replace_once (text, "\"tallies\":[", twice);
      }
      break;
    case BROKEN_DAY_OUTSIDE_YEAR:
      {
        /* Only files of version 1, in clear, have days. */
        g_autofree char *v1 = NULL;
        g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "report",
                                                       "bundle-v1.json", NULL);

        g_assert_true (g_file_get_contents (path, &v1, NULL, NULL));
        bad = replace_once (v1, "\"2026-09-02\"", "\"2027-09-01\"");
        length = strlen (bad);
        return g_bytes_new_take (g_steal_pointer (&bad), length);
      }
    case BROKEN_CONFLICT:
      {
        /* A figure changed and the checksum made again, with the same
         * export time: not what the computer wrote. */
        g_autoptr(GBytes) bytes = NULL;

        row->attendances += 1;
        g_free (bundle->info->checksum);
        bundle->info->checksum = kns_bundle_compute_checksum (bundle);
        bytes = kns_bundle_to_bytes (bundle);
        return report_seal (bytes);
      }
    case BROKEN_EMPTY:
      return g_bytes_new (NULL, 0);
    case BROKEN_DEEP:
      {
        g_autofree char *deep = g_strnfill (80000, '[');

        bad = replace_once (text, "\"tallies\":", deep);
      }
      break;
    case BROKEN_TIER:
      return resealed (bundle, set_tier_6);
    case BROKEN_ATTENDANCE_TIER:
      return resealed (bundle, set_attendance_in_other_tier);
    case BROKEN_LESSON_ID:
      return resealed (bundle, set_lesson_id_markup);
    case BROKEN_HUGE_COUNT:
      return resealed (bundle, set_huge_count);
    case BROKEN_SPREADSHEET:
      return g_bytes_new_static ("\xEF\xBB\xBFLớp,Nam,Nữ\n5A,12,14\n",
                                 strlen ("\xEF\xBB\xBFLớp,Nam,Nữ\n5A,12,14\n"));
    case BROKEN_TOO_LARGE:
      {
        /* Valid JSON, and far larger than a school's year. */
        GString *big = g_string_new ("{\"format\":\"kynangso-report-bundle\",\"pad\":[");

        while (big->len < 7 * 1024 * 1024)
          g_string_append (big, "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\",");
        g_string_append (big, "0]}");
        return g_string_free_to_bytes (big);
      }
    case BROKEN_WRONG_KEY:
      {
        static const guint8 other[32] = "another school's key, not ours!";

        return kns_bundle_seal (good, other);
      }
    case BROKEN_UNSEALED:
      return g_bytes_ref (good);
    case BROKEN_OWN_DEVICE:
    case BROKEN_MISSING:
    case BROKEN_PIPE:
    case BROKEN_DEVICE:
    default:
      g_assert_not_reached ();
    }
  length = strlen (bad);
  {
    g_autoptr(GBytes) plain = g_bytes_new_take (g_steal_pointer (&bad), length);

    return report_seal (plain);
  }
}

/* The SHA-256 of the database file and of its write-ahead log. */
static char *
store_bytes (KnsStore *store)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *path = g_strconcat (kns_store_get_path (store), i == 0 ? "" : "-wal", NULL);
      g_autofree char *contents = NULL;
      g_autofree char *sum = NULL;
      gsize length = 0;

      if (!g_file_get_contents (path, &contents, &length, NULL))
        continue;
      sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
      g_string_append_printf (out, "%s %s\n", i == 0 ? "db" : "wal", sum);
    }
  return g_string_free (out, FALSE);
}

/* Every kind of broken file is refused with a message naming it and the
 * problem, and the store is left exactly as it was, to the byte. */
static void
test_broken (gconstpointer data)
{
  const BrokenCase *c = data;
  g_autoptr(ReportSchool) home = report_school_new (TRUE);
  g_autoptr(ReportSchool) lab = report_school_new (TRUE);
  g_autoptr(KnsCourse) course = report_course_load ();
  g_autoptr(KnsBundle) bundle = export_bundle (home, course);
  g_autoptr(GBytes) good = kns_bundle_to_bytes (bundle);
  g_autofree char *dir = make_dir ();
  g_autofree char *name = g_strconcat (c->name, ".json", NULL);
  g_autofree char *good_file = write_temp (dir, "good.json", good);
  g_autofree char *file = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *before_bytes = NULL;
  g_autofree char *after_bytes = NULL;
  g_autoptr(KnsBundleImport) import = NULL;

  /* The lab has pupils of its own and the home computer's bundle. */
  g_assert_cmpint (import_ok (lab, good_file), ==, KNS_IMPORT_ADDED);

  if (c->broken == BROKEN_OWN_DEVICE)
    file = export_file (lab, course, dir, name);
  else if (c->broken == BROKEN_MISSING)
    file = g_build_filename (dir, name, NULL);
  else if (c->broken == BROKEN_PIPE || c->broken == BROKEN_DEVICE)
    file = make_special (c->broken, dir, name);
  else
    {
      g_autoptr(GBytes) bad = break_bundle (c->broken, bundle, good);

      file = write_raw (dir, name, bad);
    }

  before = report_dump_store (kns_store_get_path (lab->store));
  before_bytes = store_bytes (lab->store);
  import = kns_bundle_import_file (lab->store, file);
  after = report_dump_store (kns_store_get_path (lab->store));
  after_bytes = store_bytes (lab->store);

  g_test_message ("%s", import->error ? import->error->message : "(imported)");
  g_assert_error (import->error, KNS_BUNDLE_ERROR, (gint) c->code);
  g_assert_nonnull (strstr (import->error->message, file));
  g_assert_nonnull (strstr (import->error->message, c->says));
  g_assert_cmpstr (before, ==, after);
  /* Not a byte of the database or its log was written. */
  g_assert_cmpstr (before_bytes, ==, after_bytes);
  g_assert_nonnull (strstr (before, "[import_tally_day]"));
  kns_test_remove_tree (dir);
}

/* A folder from a USB stick: bundles in subfolders, other files left
 * alone, a broken bundle refused while the others are imported. */
static void
test_folder (void)
{
  g_autoptr(KnsCourse) course = report_course_load ();
  g_autoptr(ReportSchool) lab = report_school_new (FALSE);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_dir ();
  g_autofree char *sub = g_build_filename (dir, "may-3", NULL);
  g_autofree char *readme = g_build_filename (dir, "doc-truoc.txt", NULL);
  g_autofree char *broken = g_build_filename (dir, "z-hong.json", NULL);
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) imports = NULL;
  const char *paths[] = { dir, NULL };
  guint       n_ok = 0, n_refused = 0;

  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(ReportSchool) pc = report_school_new (TRUE);
      g_autofree char *name = g_strdup_printf ("may-%u.json", i + 1);

      g_free (export_file (pc, course, i == 2 ? sub : dir, name));
    }
  g_assert_true (g_file_set_contents (readme, "Chép cả thư mục này.", -1, NULL));
  g_assert_true (g_file_set_contents (broken, "{\"format\":", -1, NULL));

  files = kns_bundle_list_files (paths, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (files->len, ==, 4);
  g_assert_true (g_str_has_suffix (g_ptr_array_index (files, 0), "may-1.json"));
  g_assert_true (g_str_has_suffix (g_ptr_array_index (files, 2), "may-3/may-3.json"));
  g_assert_true (g_str_has_suffix (g_ptr_array_index (files, 3), "z-hong.json"));

  imports = kns_bundle_import_files (lab->store, files);
  g_assert_cmpuint (imports->len, ==, 4);
  for (guint i = 0; i < imports->len; i++)
    {
      const KnsBundleImport *import = g_ptr_array_index (imports, i);

      /* In the order of the files, though read by several threads. */
      g_assert_cmpstr (import->file, ==, g_ptr_array_index (files, i));
      if (import->error != NULL)
        n_refused++;
      else
        n_ok++;
    }
  g_assert_cmpuint (n_ok, ==, 3);
  g_assert_cmpuint (n_refused, ==, 1);
  g_assert_nonnull (((KnsBundleImport *) g_ptr_array_index (imports, 3))->error);

  {
    g_autoptr(KnsReport) report = report_of (lab, course);
    const KnsReportTable *heads = kns_report_get_table (report, "participants");
    KnsReportSession     *first;

    /* Three computers with 35 pupils each, and this one, empty. */
    g_assert_cmpuint (kns_report_get_n_computers (report), ==, 4);
    g_assert_cmpint (kns_report_table_get_cell (heads, heads->n_rows - 1, 3)->value, ==, 105);
    /* The same two sessions ran on three computers: two sessions. */
    g_assert_cmpuint (kns_report_get_sessions (report)->len, ==, 2);
    first = g_ptr_array_index (kns_report_get_sessions (report), 0);
    g_assert_cmpuint (first->n_computers, ==, 3);
    g_assert_cmpint (first->participants.value, ==, 3 * 17);
  }
  kns_test_remove_tree (dir);
}

static void
add_pupils (ReportSchool *school,
            guint         grade,
            KnsSex        sex,
            guint         n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *nickname = g_strdup_printf ("Ong %u%u%c", grade, i,
                                                   sex == KNS_SEX_FEMALE ? 'b' : 'a');
      g_autoptr(KnsLearner) learner = kns_store_add_learner (school->store, nickname, "5C", grade,
                                                              "bee", sex, &error);

      g_assert_no_error (error);
      g_assert_true (kns_store_sign_in (school->store, learner->id, &error));
    }
}

/* Three girls on each of two computers: hidden on each, six merged,
 * shown. The bundle carries the exact three. */
static void
test_suppress_after_merge (void)
{
  g_autoptr(ReportSchool) a = report_school_new (FALSE);
  g_autoptr(ReportSchool) b = report_school_new (FALSE);
  g_autoptr(KnsBundle) bundle = NULL;
  g_autoptr(KnsReport) alone = NULL;
  g_autoptr(KnsReport) merged = NULL;
  g_autofree char *dir = make_dir ();
  g_autofree char *file = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 2; i++)
    {
      ReportSchool *school = i == 0 ? a : b;

      g_assert_true (kns_store_set_setting (school->store, KNS_STORE_SETTING_RECORD_SEX, "true",
                                            &error));
      add_pupils (school, 5, KNS_SEX_FEMALE, 3);
      add_pupils (school, 5, KNS_SEX_MALE, 10);
    }

  bundle = export_bundle (a, NULL);
  g_assert_cmpuint (bundle->headcounts->len, ==, 2);
  g_assert_cmpuint (((KnsHeadcountRow *) g_ptr_array_index (bundle->headcounts, 1))->participants,
                    ==, 3);

  alone = report_of (b, NULL);
  text = table_text (alone, "participants");
  g_assert_cmpstr (text, ==, "Grade 5: · · 0 13 | Total: · · 0 13");

  file = export_file (a, NULL, dir, "a.json");
  g_assert_cmpint (import_ok (b, file), ==, KNS_IMPORT_ADDED);
  merged = report_of (b, NULL);
  g_clear_pointer (&text, g_free);
  text = table_text (merged, "participants");
  g_assert_cmpstr (text, ==, "Grade 5: 20 6 0 26 | Total: 20 6 0 26");
  kns_test_remove_tree (dir);
}

/* No nickname, and not the teacher's notes (which name a pupil), in a
 * bundle. */
static void
test_no_nicknames (void)
{
  g_autoptr(ReportSchool) home = report_school_new (TRUE);
  g_autoptr(KnsCourse) course = report_course_load ();
  g_autoptr(KnsBundle) bundle = export_bundle (home, course);
  g_autoptr(GBytes) bytes = kns_bundle_to_bytes (bundle);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  g_assert_cmpuint (home->nicknames->len, ==, 35);
  for (guint i = 0; i < home->nicknames->len; i++)
    g_assert_null (strstr (text, g_ptr_array_index (home->nicknames, i)));
  g_assert_null (strstr (text, "Mèo"));
  g_assert_null (strstr (text, "hăng hái"));
}

/* One made-up computer's bundle: in each of grades 1–5, one boy and one
 * girl, who each signed in twice; in grades 4–5 each also finished a quiz
 * at 80. */
static GBytes *
made_up_bundle (void)
{
  g_autoptr(KnsBundle) bundle = g_new0 (KnsBundle, 1);
  KnsLessonSummary *lesson = g_new0 (KnsLessonSummary, 1);

  bundle->version = KNS_BUNDLE_VERSION;
  bundle->info = g_new0 (KnsImportedBundle, 1);
  bundle->info->device_uuid = g_uuid_string_random ();
  bundle->info->school_year = 2026;
  bundle->info->exported = report_local_time (2027, 5, 20, 9, 0);
  bundle->info->app_version = g_strdup (PACKAGE_VERSION);
  bundle->info->school_name = g_strdup ("Trường Tiểu học Kim Đồng");
  bundle->info->school_location = g_strdup ("");
  bundle->tallies = g_ptr_array_new_with_free_func ((GDestroyNotify) kns_tally_row_free);
  bundle->headcounts = g_ptr_array_new_with_free_func ((GDestroyNotify) kns_headcount_row_free);
  bundle->sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) kns_session_summary_free);
  bundle->lessons = g_ptr_array_new_with_free_func ((GDestroyNotify) kns_lesson_summary_free);

  for (guint grade = 1; grade <= 5; grade++)
    for (KnsSex sex = KNS_SEX_MALE; sex <= KNS_SEX_FEMALE; sex++)
      {
        KnsTallyRow     *visits = g_new0 (KnsTallyRow, 1);
        KnsHeadcountRow *head = g_new0 (KnsHeadcountRow, 1);
        guint            tier = grade <= 3 ? 1 : 2;

        visits->day = g_strdup ("2026-10-05");
        visits->session_uuid = g_strdup ("");
        visits->grade = grade;
        visits->sex = sex;
        visits->tier = tier;
        visits->lesson_id = g_strdup ("");
        visits->attendances = 2;
        g_ptr_array_add (bundle->tallies, visits);

        if (tier == 2)
          {
            KnsTallyRow *quiz = g_new0 (KnsTallyRow, 1);

            quiz->day = g_strdup ("2026-10-05");
            quiz->session_uuid = g_strdup ("");
            quiz->grade = grade;
            quiz->sex = sex;
            quiz->tier = 2;
            quiz->lesson_id = g_strdup ("t2-mat-khau");
            quiz->completions = quiz->attempts = quiz->passes = 1;
            quiz->score_sum = 80;
            g_ptr_array_add (bundle->tallies, quiz);
          }

        head->session_uuid = g_strdup ("");
        head->grade = grade;
        head->sex = sex;
        head->tier = tier;
        head->participants = 1;
        g_ptr_array_add (bundle->headcounts, head);
      }

  lesson->id = g_strdup ("t2-mat-khau");
  lesson->title = g_strdup ("Mật khẩu và khóa màn hình");
  lesson->tier = 2;
  lesson->competences = g_new0 (char *, 1);
  lesson->channels = g_new0 (char *, 1);
  g_ptr_array_add (bundle->lessons, lesson);

  bundle->info->checksum = kns_bundle_compute_checksum (bundle);
  return kns_bundle_to_bytes (bundle);
}

typedef struct
{
  GPtrArray    *heard;       /* the imports told, in order */
  GCancellable *cancellable; /* cancelled on the first one, if set */
} Heard;

static void
heard_cb (const KnsBundleImport *import,
          gpointer               user_data)
{
  Heard *heard = user_data;

  g_ptr_array_add (heard->heard, (gpointer) import);
  if (heard->cancellable != NULL)
    g_cancellable_cancel (heard->cancellable);
}

/* What teacher mode sees of a long import: each file told once, in
 * order, when it is final; a cancelled import stops between two files,
 * and the store holds exactly the files it told of. */
static void
test_files_told (void)
{
  g_autoptr(ReportSchool) lab = report_school_new (FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) imports = NULL;
  g_autoptr(GPtrArray) told = g_ptr_array_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(KnsReport) report = NULL;
  g_autofree char *dir = make_dir ();
  const char      *paths[] = { dir, NULL };
  Heard            all = { told, NULL };
  Heard            first = { NULL, cancellable };

  for (guint i = 0; i < 40; i++)
    {
      g_autoptr(GBytes) bytes = made_up_bundle ();
      g_autofree char *name = g_strdup_printf ("may-%02u.json", i + 1);

      g_free (write_temp (dir, name, bytes));
    }
  files = kns_bundle_list_files (paths, &error);
  g_assert_no_error (error);

  /* Cancelled as the first file is told, at the end of the first group
   * of writes (32 files at most): the files after it are not
   * begun. */
  first.heard = g_ptr_array_new ();
  imports = kns_bundle_import_files_full (lab->store, files, cancellable, heard_cb, &first);
  g_assert_cmpuint (imports->len, >=, 1);
  g_assert_cmpuint (imports->len, <=, 32);
  g_assert_cmpuint (first.heard->len, ==, imports->len);
  for (guint i = 0; i < imports->len; i++)
    g_assert_true (g_ptr_array_index (first.heard, i) == g_ptr_array_index (imports, i));
  report = report_of (lab, NULL);
  g_assert_cmpuint (kns_report_get_n_computers (report), ==, imports->len + 1);
  g_clear_object (&report);
  g_ptr_array_unref (first.heard);

  /* Again, to the end: the files done are unchanged, the others added,
   * each told once, in the order of the files. */
  g_clear_pointer (&imports, g_ptr_array_unref);
  imports = kns_bundle_import_files_full (lab->store, files, NULL, heard_cb, &all);
  g_assert_cmpuint (imports->len, ==, files->len);
  g_assert_cmpuint (told->len, ==, files->len);
  for (guint i = 0; i < imports->len; i++)
    {
      const KnsBundleImport *import = g_ptr_array_index (imports, i);

      g_assert_true (g_ptr_array_index (told, i) == import);
      g_assert_cmpstr (import->file, ==, g_ptr_array_index (files, i));
      g_assert_no_error (import->error);
    }
  report = report_of (lab, NULL);
  g_assert_cmpuint (kns_report_get_n_computers (report), ==, files->len + 1);
  kns_test_remove_tree (dir);
}

/* The lab of a big school, every computer's bundle in one folder. The
 * time is a benchmark's business (bench-report); here, the figures. */
static void
test_300 (void)
{
  g_autoptr(ReportSchool) lab = report_school_new (FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) imports = NULL;
  g_autoptr(KnsReport) report = NULL;
  g_autofree char *dir = make_dir ();
  const char      *paths[] = { dir, NULL };
  g_autofree char *heads = NULL;
  g_autofree char *lessons = NULL;

  for (guint i = 0; i < 300; i++)
    {
      g_autoptr(GBytes) bytes = made_up_bundle ();
      g_autofree char *name = g_strdup_printf ("may-%03u.json", i + 1);

      g_free (write_temp (dir, name, bytes));
    }

  files = kns_bundle_list_files (paths, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (files->len, ==, 300);
  imports = kns_bundle_import_files (lab->store, files);
  for (guint i = 0; i < imports->len; i++)
    {
      const KnsBundleImport *import = g_ptr_array_index (imports, i);

      g_assert_no_error (import->error);
      g_assert_cmpint (import->result, ==, KNS_IMPORT_ADDED);
    }

  report = report_of (lab, NULL);
  g_assert_cmpuint (kns_report_get_n_computers (report), ==, 301);
  heads = table_text (report, "participants");
  g_assert_cmpstr (heads, ==, "Grade 1: 300 300 0 600 | Grade 2: 300 300 0 600 | "
                              "Grade 3: 300 300 0 600 | Grade 4: 300 300 0 600 | "
                              "Grade 5: 300 300 0 600 | Total: 1500 1500 0 3000");
  lessons = table_text (report, "lessons");
  g_assert_cmpstr (lessons, ==, "Mật khẩu và khóa màn hình: 1200 1200 80");
  g_assert_cmpint (kns_report_table_get_cell (kns_report_get_table (report, "attendances"), 5, 3)
                     ->value,
                   ==, 6000);
  kns_test_remove_tree (dir);
}

static GPtrArray *
paths_of (const char *first,
          ...)
{
  GPtrArray  *paths = g_ptr_array_new_with_free_func (g_free);
  const char *path = first;
  va_list     args;

  va_start (args, first);
  for (; path != NULL; path = va_arg (args, const char *))
    g_ptr_array_add (paths, g_strdup (path));
  va_end (args);
  return paths;
}

static const KnsImportedBundle *
find_imported (GPtrArray  *bundles,
               const char *device_uuid)
{
  for (guint i = 0; i < bundles->len; i++)
    {
      const KnsImportedBundle *bundle = g_ptr_array_index (bundles, i);

      if (g_str_equal (bundle->device_uuid, device_uuid))
        return bundle;
    }
  return NULL;
}

/* Many files at once, their writes grouped: a file the store refuses
 * in the middle of the group leaves nothing, and the files around it
 * are saved. */
static void
test_files_conflict (void)
{
  g_autoptr(ReportSchool) home = report_school_new (TRUE);
  g_autoptr(ReportSchool) lab = report_school_new (TRUE);
  g_autoptr(KnsCourse) course = report_course_load ();
  g_autoptr(KnsBundle) bundle = export_bundle (home, course);
  g_autoptr(GBytes) good = kns_bundle_to_bytes (bundle);
  g_autofree char *good_checksum = g_strdup (bundle->info->checksum);
  g_autofree char *dir = make_dir ();
  g_autofree char *good_file = write_temp (dir, "home.json", good);
  g_autoptr(GBytes) bad = break_bundle (BROKEN_CONFLICT, bundle, good);
  g_autoptr(GBytes) first = made_up_bundle ();
  g_autoptr(GBytes) last = made_up_bundle ();
  g_autofree char *bad_file = write_raw (dir, "conflict.json", bad);
  g_autofree char *first_file = write_temp (dir, "first.json", first);
  g_autofree char *last_file = write_temp (dir, "last.json", last);
  g_autoptr(GPtrArray) files = paths_of (first_file, bad_file, last_file, NULL);
  g_autoptr(GPtrArray) imports = NULL;
  g_autoptr(GPtrArray) bundles = NULL;
  g_autoptr(GError) error = NULL;
  const KnsBundleImport *import;

  g_assert_cmpint (import_ok (lab, good_file), ==, KNS_IMPORT_ADDED);
  imports = kns_bundle_import_files (lab->store, files);

  g_assert_cmpuint (imports->len, ==, 3);
  import = g_ptr_array_index (imports, 0);
  g_assert_no_error (import->error);
  g_assert_cmpint (import->result, ==, KNS_IMPORT_ADDED);
  import = g_ptr_array_index (imports, 1);
  g_assert_error (import->error, KNS_BUNDLE_ERROR, KNS_BUNDLE_ERROR_CONFLICT);
  import = g_ptr_array_index (imports, 2);
  g_assert_no_error (import->error);
  g_assert_cmpint (import->result, ==, KNS_IMPORT_ADDED);

  bundles = kns_store_list_imported_bundles (lab->store, 2026, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bundles->len, ==, 3);
  g_assert_cmpstr (find_imported (bundles, kns_store_get_device_uuid (home->store))->checksum, ==,
                   good_checksum);
  kns_test_remove_tree (dir);
}

static guint
count_pages (const char *db_path)
{
  sqlite3         *db = NULL;
  sqlite3_stmt    *stmt = NULL;
  guint            pages;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA page_count", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  pages = (guint) sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return pages;
}

/* The disk fills up in the middle of many files: every file said to be
 * imported is in the store, the others are refused, and once there is
 * room again they import. */
static void
test_files_disk_full (void)
{
  g_autoptr(ReportSchool) lab = report_school_new (FALSE);
  g_autofree char *dir = make_dir ();
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) imports = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) bundles = NULL;
  g_autoptr(GError) error = NULL;
  guint n_ok = 0;

  for (guint i = 0; i < 40; i++)
    {
      g_autoptr(GBytes) bytes = made_up_bundle ();
      g_autofree char *name = g_strdup_printf ("may-%02u.json", i + 1);

      g_ptr_array_add (files, write_temp (dir, name, bytes));
    }

  kns_store_set_max_pages (lab->store, count_pages (kns_store_get_path (lab->store)) + 4);
  imports = kns_bundle_import_files (lab->store, files);
  bundles = kns_store_list_imported_bundles (lab->store, 2026, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < imports->len; i++)
    {
      const KnsBundleImport *import = g_ptr_array_index (imports, i);

      if (import->error == NULL)
        {
          n_ok++;
          g_assert_nonnull (find_imported (bundles, import->device_uuid));
        }
      else
        g_assert_error (import->error, KNS_BUNDLE_ERROR, KNS_BUNDLE_ERROR_READ);
    }
  g_assert_cmpuint (n_ok, <, files->len);
  g_assert_cmpuint (bundles->len, ==, n_ok);

  kns_store_set_max_pages (lab->store, G_MAXINT32);
  again = kns_bundle_import_files (lab->store, files);
  for (guint i = 0; i < again->len; i++)
    {
      const KnsBundleImport *import = g_ptr_array_index (again, i);
      gboolean was_ok = ((KnsBundleImport *) g_ptr_array_index (imports, i))->error == NULL;

      g_assert_no_error (import->error);
      g_assert_cmpint (import->result, ==, was_ok ? KNS_IMPORT_UNCHANGED : KNS_IMPORT_ADDED);
    }
  kns_test_remove_tree (dir);
}

static KnsTallyRow *
odd_tally (const char *day,
           const char *session,
           guint       grade,
           const char *lesson,
           guint64     n)
{
  KnsTallyRow *row = g_new0 (KnsTallyRow, 1);

  row->day = g_strdup (day);
  row->session_uuid = g_strdup (session);
  row->grade = grade;
  row->sex = grade % 3;
  row->tier = 1 + grade / 4;
  row->lesson_id = g_strdup (lesson);
  row->attendances = n;
  row->completions = n * 3;
  row->attempts = n + 7;
  row->score_sum = 100 * n;
  row->passes = n;
  return row;
}

/* The canonical form, which the checksum covers, never changes: a bundle
 * full of what a teacher might type (quotes, every ASCII control
 * character, Vietnamese, an emoji), empty and missing lists and huge
 * counts has the checksum that json-glib 1.6's generator gave it when
 * bundles were first written. */
static void
test_canonical_form (void)
{
  g_autoptr(KnsBundle) bundle = g_new0 (KnsBundle, 1);
  g_autoptr(GString) odd = g_string_new ("Trường \"Hòa\\Bình\" ");
  KnsHeadcountRow  *head;
  KnsLessonSummary *lesson;

  for (int c = 1; c < 128; c++)
    g_string_append_c (odd, (char) c);
  g_string_append (odd, " é ∑ \u2028 😀");

  bundle->version = 1;
  bundle->info = g_new0 (KnsImportedBundle, 1);
  bundle->info->device_uuid = g_strdup ("db24469c-065b-4c34-85b1-c1d0738ee165");
  bundle->info->school_year = 2026;
  bundle->info->exported = G_GINT64_CONSTANT (1781486400) * G_USEC_PER_SEC;
  bundle->info->app_version = g_strdup ("0.1.0");
  bundle->info->school_name = g_strdup (odd->str);
  bundle->tallies = g_ptr_array_new_with_free_func ((GDestroyNotify) kns_tally_row_free);
  bundle->headcounts = g_ptr_array_new_with_free_func ((GDestroyNotify) kns_headcount_row_free);
  bundle->sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) kns_session_summary_free);
  bundle->lessons = g_ptr_array_new_with_free_func ((GDestroyNotify) kns_lesson_summary_free);

  g_ptr_array_add (bundle->tallies, odd_tally ("2026-10-05", "c04bddec-0000-4000-8000-000000000001",
                                               5, "t2-mat-khau", 8));
  g_ptr_array_add (bundle->tallies, odd_tally ("2026-10-04", "", 12, "", (guint64) 1 << 40));
  g_ptr_array_add (bundle->tallies, odd_tally ("2026-10-05", "", 1, odd->str, 0));

  head = g_new0 (KnsHeadcountRow, 1);
  head->session_uuid = g_strdup ("");
  head->grade = 5;
  head->sex = KNS_SEX_FEMALE;
  head->tier = 2;
  head->participants = 17;
  g_ptr_array_add (bundle->headcounts, head);
  head = g_new0 (KnsHeadcountRow, 1);
  head->session_uuid = g_strdup ("c04bddec-0000-4000-8000-000000000001");
  head->grade = 4;
  head->tier = 2;
  g_ptr_array_add (bundle->headcounts, head);

  for (guint i = 0; i < 2; i++)
    {
      KnsSessionSummary *session = g_new0 (KnsSessionSummary, 1);

      session->uuid = g_strdup_printf ("c04bddec-0000-4000-8000-00000000000%u", 2 - i);
      session->class_label = g_strdup (i > 0 ? odd->str : "5A");
      session->grade = 5;
      session->tier = 2;
      session->title = g_strdup ("An toàn\nkhi dùng mạng");
      session->format = (KnsSessionFormat) (i + 1);
      session->started = (G_GINT64_CONSTANT (1780000000) + i) * G_USEC_PER_SEC;
      session->ended = session->started + 45 * G_TIME_SPAN_MINUTE;
      session->lesson_ids = i > 0 ? g_new0 (char *, 1) : g_strsplit ("t2-mat-khau t2-\"bat\"", " ", -1);
      session->skill_groups = i > 0 ? 0 : (1 << 1) | (1 << 3);
      session->competences = i > 0 ? NULL : g_strsplit ("2.5 4.1", " ", -1);
      g_ptr_array_add (bundle->sessions, session);
    }

  lesson = g_new0 (KnsLessonSummary, 1);
  lesson->id = g_strdup ("t2-mat-khau");
  lesson->title = g_strdup (odd->str);
  lesson->tier = 2;
  lesson->skill_groups = 1 << 2;
  lesson->competences = g_new0 (char *, 1);
  lesson->channels = g_strsplit ("111 trusted-adult", " ", -1);
  g_ptr_array_add (bundle->lessons, lesson);
  lesson = g_new0 (KnsLessonSummary, 1);
  lesson->id = g_strdup ("a");
  lesson->title = g_strdup ("b");
  lesson->tier = 9;
  lesson->skill_groups = 14;
  g_ptr_array_add (bundle->lessons, lesson);

  bundle->info->checksum = kns_bundle_compute_checksum (bundle);
  g_assert_cmpstr (bundle->info->checksum, ==,
                   "sha256:e40a1f4cfb91d05f3ef8d735959f0bd348344d7e19d1dc1d46e7629537963a48");
}

/* A bundle written by version 1 of the format, kept in the tree: it
 * imports, with the fixture school's figures. */
static void
test_fixture (void)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", "report",
                                                    "bundle-v1.json", NULL);
  const char      *write_to = g_getenv ("KNS_WRITE_BUNDLE_FIXTURE");
  g_autoptr(ReportSchool) lab = report_school_new (FALSE);
  g_autoptr(KnsReport) report = NULL;
  g_autofree char *heads = NULL;

  if (write_to != NULL)
    {
      g_autoptr(ReportSchool) home = report_school_new (TRUE);
      g_autoptr(KnsCourse) course = report_course_load ();
      g_autoptr(KnsBundle) bundle = export_bundle (home, course);
      g_autoptr(GError) error = NULL;

      g_assert_true (kns_bundle_write (bundle, write_to, &error));
      g_assert_no_error (error);
    }

  g_assert_cmpint (import_ok (lab, fixture), ==, KNS_IMPORT_ADDED);
  report = report_of (lab, NULL);
  heads = table_text (report, "participants");
  g_assert_cmpstr (heads, ==, "Grade 1: · · 0 · | Grade 3: · · 0 · | Grade 4: · · 0 8 | "
                              "Grade 5: · · 0 17 | Total: 20 15 0 35");
  g_assert_cmpuint (kns_report_get_sessions (report)->len, ==, 2);
}

/* The largest file read (4 MiB of rows, the worst case for json-glib's
 * tree) and a 58 MB one, each read with the process's data capped at
 * 200 MiB: allocation beyond it would abort the child. */
static void
test_memory_bound (void)
{
#if defined(__SANITIZE_ADDRESS__)
  g_test_skip ("AddressSanitizer's shadow memory counts against the limit");
#else
  if (g_test_subprocess ())
    {
      g_autofree char *dir = make_dir ();
      struct rlimit limit = { 200 * 1024 * 1024, 200 * 1024 * 1024 };
      static const char row[] = "[\"2026-11-20\",\"\",5,2,2,\"t2-mat-khau\",0,1,1,50,0]";
      GString *text = g_string_new ("{\"format\":\"kynangso-report-bundle\",\"version\":1,"
                                    "\"tallies\":[");
      g_autofree char *largest = NULL;
      g_autofree char *huge = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) huge_error = NULL;
      g_autoptr(KnsBundle) bundle = NULL;
      g_autoptr(KnsBundle) none = NULL;

      while (text->len + sizeof row + 2 < 4 * 1024 * 1024)
        g_string_append (text, row), g_string_append_c (text, ',');
      g_string_append (text, "0]}");
      bytes = g_string_free_to_bytes (text);
      largest = write_raw (dir, "largest.json", bytes);
      huge = g_build_filename (dir, "huge.json", NULL);
      g_assert_true (g_file_set_contents (huge, "{", 1, NULL));
      g_assert_cmpint (truncate (huge, 58 * 1000 * 1000), ==, 0);
      g_clear_pointer (&bytes, g_bytes_unref);

      g_assert_cmpint (setrlimit (RLIMIT_DATA, &limit), ==, 0);
      /* Parsed whole, then refused for what it lacks. */
      bundle = kns_bundle_load (largest, report_school_key, &error);
      g_assert_error (error, KNS_BUNDLE_ERROR, KNS_BUNDLE_ERROR_MALFORMED);
      g_assert_nonnull (strstr (error->message, "“device” is missing"));
      none = kns_bundle_load (huge, report_school_key, &huge_error);
      g_assert_error (huge_error, KNS_BUNDLE_ERROR, KNS_BUNDLE_ERROR_MALFORMED);
      g_assert_nonnull (strstr (huge_error->message, "is too large"));
      kns_test_remove_tree (dir);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
#endif
}

int
main (int   argc,
      char *argv[])
{
  /* Việt Nam's time, with no tzdata needed, as in test-store. */
  g_setenv ("TZ", "ICT-7", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kns/report-bundle/round-trip", test_round_trip);
  g_test_add_func ("/kns/report-bundle/twice", test_twice);
  g_test_add_func ("/kns/report-bundle/newer-replaces", test_newer_replaces);
  for (guint i = 0; i < G_N_ELEMENTS (broken_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/kns/report-bundle/broken/%s",
                                               broken_cases[i].name);

      g_test_add_data_func (path, &broken_cases[i], test_broken);
    }
  g_test_add_func ("/kns/report-bundle/folder", test_folder);
  g_test_add_func ("/kns/report-bundle/suppress-after-merge", test_suppress_after_merge);
  g_test_add_func ("/kns/report-bundle/no-nicknames", test_no_nicknames);
  g_test_add_func ("/kns/report-bundle/300", test_300);
  g_test_add_func ("/kns/report-bundle/files-told", test_files_told);
  g_test_add_func ("/kns/report-bundle/fixture", test_fixture);
  g_test_add_func ("/kns/report-bundle/canonical-form", test_canonical_form);
  g_test_add_func ("/kns/report-bundle/files-conflict", test_files_conflict);
  g_test_add_func ("/kns/report-bundle/files-disk-full", test_files_disk_full);
  g_test_add_func ("/kns/report-bundle/memory-bound", test_memory_bound);

  return g_test_run ();
}
