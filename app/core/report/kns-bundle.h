/* kns-bundle.h — the figures one lab computer hands to another
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

#include <gio/gio.h>

#include "kns-course.h"
#include "kns-store.h"

G_BEGIN_DECLS

#define KNS_BUNDLE_ERROR (kns_bundle_error_quark ())

typedef enum
{
  KNS_BUNDLE_ERROR_READ,          /* the file cannot be read */
  KNS_BUNDLE_ERROR_NOT_BUNDLE,    /* JSON, but not a report bundle */
  KNS_BUNDLE_ERROR_TRUNCATED,     /* cut short: a copy that did not finish */
  KNS_BUNDLE_ERROR_MALFORMED,     /* broken JSON, or figures that make no sense */
  KNS_BUNDLE_ERROR_NEWER_VERSION, /* made by a newer Kỹ năng số */
  KNS_BUNDLE_ERROR_CHECKSUM,      /* changed after it was exported */
  KNS_BUNDLE_ERROR_OWN_DEVICE,    /* exported by this very computer */
  KNS_BUNDLE_ERROR_CONFLICT,      /* another export of the same computer and time */
  KNS_BUNDLE_ERROR_WRITE,         /* the file could not be written */
  KNS_BUNDLE_ERROR_NO_KEY,        /* this computer has no school key to seal or open with */
  KNS_BUNDLE_ERROR_WRONG_KEY,     /* sealed with another school's key, or damaged */
} KnsBundleError;

/* The format's name and the newest version this code reads and writes.
 * Version 1 (read only): exact rows per day, in clear. Version 2: rows
 * per school year with their record keys, sealed with the school's key. */
#define KNS_BUNDLE_FORMAT "kynangso-report-bundle"
#define KNS_BUNDLE_VERSION 2

/* One computer's exact figures for one school year, before any
 * suppression: what it exports, and what another imports. */
typedef struct
{
  guint              version;
  KnsImportedBundle *info;       /* device, school year, export time, checksum… */
  gboolean           has_key;    /* the school's, to seal with */
  guint8             key[32];
  GPtrArray         *tallies;    /* KnsTallyRow, with days */
  GPtrArray         *headcounts; /* KnsHeadcountRow */
  GPtrArray         *sessions;   /* KnsSessionSummary */
  GPtrArray         *lessons;    /* KnsLessonSummary */
} KnsBundle;

/* What became of one file of an import. */
typedef struct
{
  char           *file;
  KnsImportResult result;
  char           *device_uuid; /* NULL if refused */
  GError         *error;       /* NULL unless refused */
} KnsBundleImport;

/* See kns_bundle_import_files_full(). */
typedef void (*KnsBundleImportedFunc) (const KnsBundleImport *import,
                                       gpointer               user_data);

GQuark kns_bundle_error_quark (void);
void   kns_bundle_free        (KnsBundle       *bundle);
void   kns_bundle_import_free (KnsBundleImport *import);

KnsBundle *kns_bundle_new_from_store   (KnsStore    *store,
                                        KnsCourse   *course,
                                        guint        school_year,
                                        GError     **error);
GBytes    *kns_bundle_to_bytes         (KnsBundle   *bundle);
char      *kns_bundle_compute_checksum (KnsBundle   *bundle);
gboolean   kns_bundle_write            (KnsBundle   *bundle,
                                        const char  *file,
                                        GError     **error);
GBytes    *kns_bundle_seal             (GBytes      *plain,
                                        const guint8 key[32]);
KnsBundle *kns_bundle_load             (const char  *file,
                                        const guint8 *key,
                                        GError     **error);
KnsBundle *kns_bundle_load_bytes       (GBytes      *bytes,
                                        const char  *file,
                                        const guint8 *key,
                                        GError     **error);
char      *kns_bundle_default_name     (KnsStore    *store,
                                        guint        school_year);

GPtrArray       *kns_bundle_list_files      (const char * const     *paths,
                                             GError                **error);
KnsBundleImport *kns_bundle_import_file     (KnsStore               *store,
                                             const char             *file);
GPtrArray       *kns_bundle_import_files    (KnsStore               *store,
                                             GPtrArray              *files);
GPtrArray       *kns_bundle_import_files_full (KnsStore              *store,
                                               GPtrArray             *files,
                                               GCancellable          *cancellable,
                                               KnsBundleImportedFunc  func,
                                               gpointer               user_data);
char            *kns_bundle_import_describe (const KnsBundleImport  *import);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KnsBundle, kns_bundle_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KnsBundleImport, kns_bundle_import_free)

G_END_DECLS
