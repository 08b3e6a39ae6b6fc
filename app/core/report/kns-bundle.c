/* kns-bundle.c — the figures one lab computer hands to another: what the parts share
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
 * exported, the tally rows with their record keys, headcounts, sessions,
 * what the computer knew of its lessons, and a checksum. It carries no
 * nickname and no learner row, and nothing finer than merging needs:
 * rows are per school year, as reports are. It is not suppressed,
 * because suppression must come after merging; so it is sealed, with the
 * school's key (kns-school-key.c), before it leaves the computer.
 *
 * kns-bundle-write.c makes the canonical form and seals it,
 * kns-bundle-read.c opens and checks a file, kns-bundle-import.c stores
 * files in threads.
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
#include <string.h>

#include "kns-bundle.h"
#include "kns-bundle-private.h"

/* clang-format off: it would split the quark's name at its dashes. */
G_DEFINE_QUARK (kns-bundle-error-quark, kns_bundle_error)
/* clang-format on */

static const char *const format_names[] = { "in-person", "kiosk", "online" };

const char *
kns_bundle_format_name (KnsSessionFormat format)
{
  return format_names[format < G_N_ELEMENTS (format_names) ? format : 0];
}

gboolean
kns_bundle_parse_format (const char       *name,
                         KnsSessionFormat *format)
{
  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    if (g_str_equal (name, format_names[i]))
      {
        *format = (KnsSessionFormat) i;
        return TRUE;
      }
  return FALSE;
}

/* Rows of a bundle of version 2 are the school year's; in the store they
 * are kept under its first day. */
char *
kns_bundle_year_first_day (guint school_year)
{
  return g_strdup_printf ("%04u-09-01", school_year);
}

void
kns_bundle_free (KnsBundle *bundle)
{
  if (bundle == NULL)
    return;

  kns_imported_bundle_free (bundle->info);
  memset (bundle->key, 0, sizeof bundle->key);
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

KnsBundle *
kns_bundle_alloc (guint version)
{
  KnsBundle *bundle = g_new0 (KnsBundle, 1);

  bundle->version = version;
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
char *
kns_bundle_format_time (gint64 time)
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


/* Rows in the canonical order, which is also how duplicates are found */

int
kns_bundle_compare_tallies (gconstpointer a,
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

int
kns_bundle_compare_headcounts (gconstpointer a,
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

int
kns_bundle_compare_sessions (gconstpointer a,
                  gconstpointer b)
{
  const KnsSessionSummary *x = *(KnsSessionSummary **) a, *y = *(KnsSessionSummary **) b;

  if (x->started != y->started)
    return x->started < y->started ? -1 : 1;
  return g_strcmp0 (x->uuid, y->uuid);
}

/* Sessions are keyed on their UUID alone. */
int
kns_bundle_compare_session_uuids (gconstpointer a,
                       gconstpointer b)
{
  return g_strcmp0 ((*(KnsSessionSummary **) a)->uuid, (*(KnsSessionSummary **) b)->uuid);
}

int
kns_bundle_compare_lessons (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 ((*(KnsLessonSummary **) a)->id, (*(KnsLessonSummary **) b)->id);
}

/* A sorted copy, leaving the bundle's own order alone. */
GPtrArray *
kns_bundle_sorted (GPtrArray   *rows,
        GCompareFunc compare)
{
  /* Not g_ptr_array_copy (): the copy would free the rows too. */
  GPtrArray *copy = g_ptr_array_sized_new (rows->len);

  g_ptr_array_extend (copy, rows, NULL, NULL);

  g_ptr_array_sort (copy, compare);
  return copy;
}

