/* kns-bundle-private.h — what the bundle's writer, reader and import share
 *
 * Copyright 2026 The Kỹ năng số authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kns-bundle.h"

G_BEGIN_DECLS

/* A busy school year is a few hundred kilobytes; this is ten times that.
 * json-glib's tree takes about fifteen times the text, so reading one
 * file stays under 70 MiB. A sealed file is base64, a third larger. */
#define KNS_BUNDLE_MAX_BYTES (4 * 1024 * 1024)
#define KNS_BUNDLE_MAX_FILE_BYTES (KNS_BUNDLE_MAX_BYTES / 3 * 4 + 1024)

typedef enum
{
  KNS_BUNDLE_PARSE_DEFAULT = 0,
  /* Only the fuzzer, which cannot make a checksum or seal a file, reads
   * past these. */
  KNS_BUNDLE_PARSE_SKIP_CHECKSUM = 1 << 0,
  KNS_BUNDLE_PARSE_UNSEALED = 1 << 1,
} KnsBundleParseFlags;

KnsBundle  *kns_bundle_alloc              (guint               version);
char       *kns_bundle_format_time        (gint64              time);
const char *kns_bundle_format_name        (KnsSessionFormat    format);
gboolean    kns_bundle_parse_format       (const char         *name,
                                           KnsSessionFormat   *format);
char       *kns_bundle_year_first_day     (guint               school_year);
int         kns_bundle_compare_tallies    (gconstpointer       a,
                                           gconstpointer       b);
int         kns_bundle_compare_headcounts (gconstpointer       a,
                                           gconstpointer       b);
int         kns_bundle_compare_sessions   (gconstpointer       a,
                                           gconstpointer       b);
int         kns_bundle_compare_session_uuids (gconstpointer    a,
                                              gconstpointer    b);
int         kns_bundle_compare_lessons    (gconstpointer       a,
                                           gconstpointer       b);
GPtrArray  *kns_bundle_sorted             (GPtrArray          *rows,
                                           GCompareFunc        compare);
KnsBundle  *kns_bundle_parse              (GBytes             *bytes,
                                           const char         *file,
                                           KnsBundleParseFlags flags,
                                           const guint8       *key,
                                           GError            **error);

G_END_DECLS
