/* fuzz-bundle.c — libFuzzer target for report bundles, through to the report
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
 * Each input is read as a bundle from another lab computer. A fuzzer
 * cannot make a checksum or a seal, so neither is required here; all the
 * other checks are the import's own. What they accept goes where an
 * import takes it: into a store, into the school report, into its CSV
 * and its printable layout. It must also survive the trip back: written
 * in canonical form and sealed, it must read again. Then the store
 * forgets it, so that every input meets the same store.
 */

#include "kns-config.h"

#include <glib/gstdio.h>
#include <stdint.h>
#include <stdlib.h>

#include "fuzz-targets.h"
#include "kns-bundle-private.h"
#include "kns-report-export.h"

static char *store_dir;
static const guint8 fuzz_key[32] = "the fuzzer's own school key 32b";

/* The store's folder goes when the fuzzer or the replay test exits. */
static void
remove_store_dir (void)
{
  g_autoptr(GDir) dir = g_dir_open (store_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (store_dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          g_autoptr(GDir) sub = g_dir_open (path, 0, NULL);
          const char *inner;

          while (sub != NULL && (inner = g_dir_read_name (sub)) != NULL)
            {
              g_autofree char *file = g_build_filename (path, inner, NULL);

              g_remove (file);
            }
        }
      g_remove (path);
    }
  g_remove (store_dir);
  g_clear_pointer (&store_dir, g_free);
}

static KnsStore *
fuzz_store (void)
{
  static KnsStore *store;

  if (store == NULL)
    {
      g_autoptr(GError) error = NULL;
      /* In memory where there is a /dev/shm: every import is a commit. */
      const char *base = g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) ? "/dev/shm" : NULL;

      store_dir = g_build_filename (base ? base : g_get_tmp_dir (), "kns-fuzz-XXXXXX", NULL);
      g_assert (g_mkdtemp (store_dir) != NULL);
      atexit (remove_store_dir);
      store = kns_store_open (store_dir, &error);
      g_assert_no_error (error);
    }
  return store;
}

static void
check_round_trip (KnsBundle *bundle)
{
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(KnsBundle) again = NULL;
  g_autoptr(GError) error = NULL;

  g_free (bundle->info->checksum);
  bundle->info->checksum = kns_bundle_compute_checksum (bundle);
  plain = kns_bundle_to_bytes (bundle);
  /* Version 1 files were in clear; version 2 are always sealed. */
  bytes = bundle->version == 1 ? g_bytes_ref (plain) : kns_bundle_seal (plain, fuzz_key);
  again = kns_bundle_load_bytes (bytes, "fuzz-again.json", fuzz_key, &error);
  g_assert_no_error (error);
  g_assert (again != NULL);
  g_assert (again->tallies->len == bundle->tallies->len);
}

static void
report_on (KnsStore *store,
           guint     school_year)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsReport) report = NULL;
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(GBytes) pdf = NULL;
  KnsReportPeriod period;

  kns_report_period_init (&period, school_year);
  report = kns_report_new (store, NULL, &period, NULL, 5, &error);
  g_assert_no_error (error);
  csv = kns_report_to_csv (report);
  g_assert (g_bytes_get_size (csv) > 3);
  pdf = kns_report_to_pdf (report, &error);
  g_assert_no_error (error);
}

int
kns_fuzz_bundle (const uint8_t *data,
                 size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(KnsBundle) bundle = NULL;
  g_autoptr(GError) error = NULL;
  KnsStore *store = fuzz_store ();
  KnsImportResult result;
  gboolean imported;

  bundle = kns_bundle_parse (bytes, "fuzz.json",
                             KNS_BUNDLE_PARSE_SKIP_CHECKSUM | KNS_BUNDLE_PARSE_UNSEALED, fuzz_key,
                             &error);
  if (bundle == NULL)
    {
      g_assert (error != NULL && error->domain == KNS_BUNDLE_ERROR);
      return 0;
    }

  imported = kns_store_import_bundle (store, bundle->info, bundle->tallies, bundle->headcounts,
                                      bundle->sessions, bundle->lessons, &result, &error);
  if (imported)
    {
      report_on (store, bundle->info->school_year);
      g_assert (kns_store_forget_bundle (store, bundle->info->device_uuid,
                                         bundle->info->school_year, NULL));
    }
  else
    /* Only this computer's own UUID is refused by the store. */
    g_assert (g_error_matches (error, KNS_STORE_ERROR, KNS_STORE_ERROR_INVALID));

  check_round_trip (bundle);
  return imported;
}
