/* test-fuzz-regressions.c — replays inputs the fuzzers once crashed on
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
 * regressions/content/ goes to the lesson parsers, regressions/bundle/
 * to the bundle import and the report; they are also the fuzzers' seeds.
 */

#include "kns-config.h"

#include <glib.h>

#include "fuzz-targets.h"

typedef int (*FuzzTarget) (const uint8_t *data,
                           size_t         size);

typedef struct
{
  FuzzTarget target;
  char      *path;
} Replay;

static void
replay_free (gpointer data)
{
  Replay *replay = data;

  g_free (replay->path);
  g_free (replay);
}

static void
replay (gconstpointer data)
{
  const Replay *r = data;
  g_autofree char *contents = NULL;
  g_autofree char *base = g_path_get_basename (r->path);
  gsize length;
  int whole_way;

  g_assert_true (g_file_get_contents (r->path, &contents, &length, NULL));
  /* Passing is not crashing, hanging, leaking or tripping a sanitizer;
   * a seed named good-… must also go the whole way (for a bundle: into
   * a report), or the fuzzer would start from nothing. */
  whole_way = r->target ((const guint8 *) contents, length);
  if (g_str_has_prefix (base, "good-"))
    g_assert_true (whole_way);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

static guint
add_folder (const char *name,
            FuzzTarget  target)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "fuzz", "regressions", name, NULL);
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *file;

  g_assert_nonnull (folder);
  while ((file = g_dir_read_name (folder)) != NULL)
    g_ptr_array_add (names, g_strdup (file));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      const char *base = g_ptr_array_index (names, i);
      g_autofree char *test_path = g_strdup_printf ("/kns/fuzz/%s/%s", name, base);
      Replay *r = g_new0 (Replay, 1);

      r->target = target;
      r->path = g_build_filename (dir, base, NULL);
      g_test_add_data_func_full (test_path, r, replay, replay_free);
    }
  return names->len;
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_assert_cmpuint (add_folder ("content", kns_fuzz_parse), >, 0);
  g_assert_cmpuint (add_folder ("bundle", kns_fuzz_bundle), >, 0);

  return g_test_run ();
}
