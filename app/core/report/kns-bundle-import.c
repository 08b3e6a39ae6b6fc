/* kns-bundle-import.c — storing the bundles of a school's other computers
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
 * Files from a USB stick, or its folders: each read and checked by a
 * worker thread (kns-bundle-read.c), opened with this computer's school
 * key, and stored in a transaction of its own, in the order given. A
 * refused file changes nothing and does not stop the others.
 */

#define G_LOG_DOMAIN "kns-bundle"

#include "kns-config.h"

#include <glib/gi18n.h>
#include <sodium.h>

#include "kns-bundle.h"
#include "kns-bundle-private.h"
#include "kns-file.h"
#include "kns-school-key.h"

/* How long an import's group of writes may hold the store's lock. */
#define GROUP_TIME (250 * G_TIME_SPAN_MILLISECOND)
/* and how many files it may hold: teacher mode tells of the files of a
 * group when it ends, so this is also how often the progress moves. */
#define GROUP_FILES 32


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

  if (!kns_store_import_bundle (store, bundle->info, bundle->tallies, bundle->headcounts,
                                bundle->sessions, bundle->lessons, &import->result, &store_error))
    {
      gboolean conflict = g_error_matches (store_error, KNS_STORE_ERROR, KNS_STORE_ERROR_INVALID);

      /* This computer's own export (a copy of its folder's is kept). */
      if (g_error_matches (store_error, KNS_STORE_ERROR, KNS_STORE_ERROR_COUNTED))
        {
          g_set_error (&import->error, KNS_BUNDLE_ERROR, KNS_BUNDLE_ERROR_OWN_DEVICE,
                       _("%s was exported by this computer: its figures are already counted. "
                         "Nothing was imported from it."),
                       import->file);
          return import;
        }
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
  KnsBundle *bundle = NULL;
  guint8     key[KNS_SCHOOL_KEY_SIZE];
  gboolean   has_key;

  g_return_val_if_fail (KNS_IS_STORE (store), NULL);
  g_return_val_if_fail (file != NULL, NULL);

  has_key = kns_school_key_get (store, key, &error);
  if (error == NULL)
    bundle = kns_bundle_load (file, has_key ? key : NULL, &error);
  sodium_memzero (key, sizeof key);
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
  GMutex        lock;
  GCond         loaded;
  const char   *file;
  const guint8 *key;   /* the import's, or NULL */
  KnsBundle    *bundle;
  GError       *error;
  gboolean      done;
} Loading;

static void
load_cb (gpointer data,
         gpointer user_data)
{
  Loading   *loading = data;
  GError    *error = NULL;
  KnsBundle *bundle = kns_bundle_load (loading->file, loading->key, &error);

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
  g_autoptr(GError)   key_error = NULL;
  guint8              key[KNS_SCHOOL_KEY_SIZE];
  gboolean            has_key;
  GThreadPool        *pool;
  guint               n_threads, ahead, queued = 0, reported = 0;
  gboolean            grouped = FALSE;
  guint               group_first = 0;
  gint64              group_started = 0;

  g_return_val_if_fail (KNS_IS_STORE (store), NULL);
  g_return_val_if_fail (files != NULL, NULL);

  imports = g_ptr_array_new_full (files->len, (GDestroyNotify) kns_bundle_import_free);
  /* A store that cannot say whether it has a key opens no sealed file;
   * the files tell why, one by one. */
  has_key = kns_school_key_get (store, key, &key_error);
  if (key_error != NULL)
    g_message ("The school's key could not be read: %s", key_error->message);
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
          loadings[queued].key = has_key ? key : NULL;
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
  sodium_memzero (key, sizeof key);
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
    case KNS_IMPORT_KEPT_BOTH:
      return g_strdup_printf (_("%s: imported, and kept beside another file that also says it "
                                 "comes from computer %.8s: each holds figures the other lacks, "
                                 "so that computer’s data folder was probably copied to another "
                                 "computer. Both are counted, and what was done before the copy "
                                 "may be counted twice. Start Kỹ năng số once on each lab "
                                 "computer (a copy now gets a code of its own), save its "
                                 "figures again and import those."),
                              import->file, import->device_uuid);
    case KNS_IMPORT_ADDED:
    default:
      return g_strdup_printf (_("%s: imported the figures of computer %.8s."), import->file,
                              import->device_uuid);
    }
}
