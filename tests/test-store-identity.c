/* test-store-identity.c — a copied data folder gets its own computer id
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
 * A lab technician sets one PC up and copies its data folder, or its
 * whole disk, to the others. Each test copies a real folder with cp -a
 * (or moves it with mv) and opens the copy as another computer would:
 * another /etc/machine-id and other network cards, given through
 * KNS_MACHINE_ID_FILE and KNS_NET_CLASS_DIR, laid out as the kernel lays
 * out /sys/class/net. Before this check, every copy kept the original's
 * id, and merging their report bundles dropped one of them.
 */

#include "kns-config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "kns-store-private.h"
#include "test-store-fixture.h"

/* Two lab PCs of the same model: each its own card and system. */
#define MACHINE_A "5f2c8d0e6a3b4c1d9e8f7a6b5c4d3e2f"
#define MACHINE_B "0a1b2c3d4e5f60718293a4b5c6d7e8f9"
#define CARD_A "52:54:00:12:34:56"
#define CARD_B "52:54:00:65:43:21"
#define USB_WIFI "d8:3a:dd:01:02:03"

typedef struct
{
  Fixture  store;   /* the first computer's folder, set up and used */
  char    *sys;     /* the fake /etc/machine-id and /sys/class/net */
  char    *uuid;    /* the first computer's id */
} Lab;

static void
write_file (const char *folder,
            const char *name,
            const char *file,
            const char *contents)
{
  g_autofree char *dir = g_build_filename (folder, name, NULL);
  g_autofree char *path = g_build_filename (dir, file, NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
}

/* Which computer the next kns_store_open () runs on: @machine (NULL: no
 * machine id) and these network cards, NULL-terminated. */
static void
be_computer (Lab        *lab,
             const char *machine,
             ...)
{
  g_autofree char *machine_file = g_build_filename (lab->sys, "machine-id", NULL);
  g_autofree char *net = g_build_filename (lab->sys, "net", NULL);
  const char *card;
  va_list cards;
  guint n = 0;

  kns_test_remove_tree (net);
  g_assert_cmpint (g_mkdir_with_parents (net, 0700), ==, 0);
  write_file (lab->sys, ".", "machine-id", machine != NULL ? machine : "");

  /* The loopback and a virtual bridge never count. */
  write_file (net, "lo", "address", "00:00:00:00:00:00\n");
  write_file (net, "lo", "addr_assign_type", "0\n");
  write_file (net, "virbr0", "address", "52:54:00:aa:bb:cc\n");
  write_file (net, "virbr0", "addr_assign_type", "3\n");

  va_start (cards, machine);
  while ((card = va_arg (cards, const char *)) != NULL)
    {
      g_autofree char *name = g_strdup_printf ("enp%us0", ++n);

      g_autofree char *device = g_build_filename (name, "device", NULL);

      write_file (net, name, "address", card);
      write_file (net, name, "addr_assign_type", "0\n");
      write_file (net, device, "vendor", "0x8086\n");
    }
  va_end (cards);

  g_setenv ("KNS_MACHINE_ID_FILE", machine_file, TRUE);
  g_setenv ("KNS_NET_CLASS_DIR", net, TRUE);
}

static void
run (const char *const *argv)
{
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL,
                               NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

static char *
sibling (Lab        *lab,
         const char *name)
{
  g_autofree char *parent = g_path_get_dirname (lab->store.dir);

  return g_build_filename (parent, name, NULL);
}

/* A real copy, as a technician makes it. */
static char *
copy_folder (Lab        *lab,
             const char *name)
{
  char *copy = sibling (lab, name);

  run ((const char *[]) { "cp", "-a", lab->store.dir, copy, NULL });
  return copy;
}

static KnsStore *
open_at (Lab        *lab,
         const char *dir)
{
  g_autoptr(GError) error = NULL;
  KnsStore *store = kns_store_open_with_clock (dir, fixture_clock, &lab->store, &error);

  g_assert_no_error (error);
  return store;
}

/* Every row of every table, the identity rows aside: what must survive
 * a new id untouched. */
static char *
dump_rows (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "kynangso.db", NULL);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *tables = raw_text (path, "SELECT group_concat (name, ' ') FROM (SELECT name "
                                            "FROM sqlite_master WHERE type = 'table' AND name "
                                            "NOT LIKE 'sqlite_%' ORDER BY name)");
  g_auto(GStrv) names = g_strsplit (tables, " ", -1);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s %s", names[i],
                                              g_str_equal (names[i], "setting")
                                                ? "WHERE key NOT LIKE 'device-%'" : "");
      sqlite3 *db = open_raw (path);
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      g_string_append_printf (out, "%s:", names[i]);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (stmt); c++)
          g_string_append_printf (out, "%s%s",
                                  sqlite3_column_text (stmt, c) ?: (const guint8 *) "∅",
                                  c + 1 < sqlite3_column_count (stmt) ? "," : ";");
      g_string_append_c (out, '\n');
      sqlite3_finalize (stmt);
      sqlite3_close (db);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* One computer that has been used: pupils, a session, quizzes. */
static void
lab_set_up (Lab           *lab,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsLearner) meo = NULL;
  g_autoptr(KnsLearner) ca = NULL;
  g_autoptr(KnsClassSession) session = NULL;

  lab->sys = g_dir_make_tmp ("kns-sys-XXXXXX", &error);
  g_assert_no_error (error);
  be_computer (lab, MACHINE_A, CARD_A, NULL);
  fixture_set_up (&lab->store, data);
  lab->uuid = g_strdup (kns_store_get_device_uuid (lab->store.store));

  session = kns_store_start_session (lab->store.store, "5A", 5, 2, "An toàn trên mạng",
                                     KNS_SESSION_FORMAT_IN_PERSON, NULL, &error);
  g_assert_no_error (error);
  meo = busy_learner (&lab->store, "Mèo Con 7", "5A");
  ca = busy_learner (&lab->store, "Cá Heo 2", "5A");
  lab->store.now += (gint64) 45 * 60 * G_USEC_PER_SEC;
  g_assert_true (kns_store_end_session (lab->store.store, session->uuid, "", &error));
  g_assert_no_error (error);
  close_store (&lab->store);
}

static void
lab_tear_down (Lab           *lab,
               gconstpointer  data)
{
  g_autofree char *parent = g_path_get_dirname (lab->store.dir);
  g_autoptr(GDir) dir = g_dir_open (parent, 0, NULL);
  g_autofree char *base = g_path_get_basename (lab->store.dir);
  const char *name;

  /* The copies sit beside the folder, named after it. */
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, base) && !g_str_equal (name, base))
      {
        g_autofree char *path = g_build_filename (parent, name, NULL);

        kns_test_remove_tree (path);
      }
  fixture_tear_down (&lab->store, data);
  kns_test_remove_tree (lab->sys);
  g_free (lab->sys);
  g_free (lab->uuid);
  g_unsetenv ("KNS_MACHINE_ID_FILE");
  g_unsetenv ("KNS_NET_CLASS_DIR");
}

static char *
copy_name (Lab        *lab,
           const char *what)
{
  g_autofree char *base = g_path_get_basename (lab->store.dir);

  return g_strconcat (base, "-", what, NULL);
}

/* @dir got an id of its own, kept every row, and says so once. */
static void
assert_renewed (Lab        *lab,
                const char *dir,
                const char *rows_before)
{
  g_autoptr(KnsStore) store = open_at (lab, dir);
  g_autofree char *notice = kns_store_take_identity_notice (store);
  g_autofree char *rows_after = NULL;
  g_autofree char *id_file = g_build_filename (dir, "kynangso.id", NULL);
  g_autofree char *original_id_file = g_build_filename (lab->store.dir, "kynangso.id", NULL);
  g_autofree char *token = NULL;
  g_autofree char *original_token = NULL;
  g_autofree char *uuid = NULL;

  g_assert_true (g_uuid_string_is_valid (kns_store_get_device_uuid (store)));
  g_assert_cmpstr (kns_store_get_device_uuid (store), !=, lab->uuid);
  g_assert_cmpstr (kns_store_get_previous_device_uuid (store), ==, lab->uuid);
  g_assert_nonnull (notice);
  g_test_message ("%s", notice);
  g_assert_null (kns_store_take_identity_notice (store));

  rows_after = dump_rows (dir);
  g_assert_cmpstr (rows_after, ==, rows_before);
  g_assert_true (g_file_get_contents (id_file, &token, NULL, NULL));
  if (g_strcmp0 (dir, lab->store.dir) != 0 &&
      g_file_get_contents (original_id_file, &original_token, NULL, NULL))
    g_assert_cmpstr (token, !=, original_token);

  /* Settled: the next start keeps the new id and says nothing. */
  uuid = g_strdup (kns_store_get_device_uuid (store));
  g_clear_object (&store);
  store = open_at (lab, dir);
  g_assert_cmpstr (kns_store_get_device_uuid (store), ==, uuid);
  g_assert_null (kns_store_take_identity_notice (store));
}

static void
assert_kept (Lab        *lab,
             const char *dir)
{
  g_autoptr(KnsStore) store = open_at (lab, dir);

  g_assert_cmpstr (kns_store_get_device_uuid (store), ==, lab->uuid);
  g_assert_null (kns_store_get_previous_device_uuid (store));
  g_assert_null (kns_store_take_identity_notice (store));
  g_clear_object (&store);

  /* And bound where it is now: the next start too. */
  store = open_at (lab, dir);
  g_assert_cmpstr (kns_store_get_device_uuid (store), ==, lab->uuid);
  g_assert_null (kns_store_take_identity_notice (store));
}

static void
test_new_store (Lab           *lab,
                gconstpointer  data)
{
  g_autofree char *id_file = g_build_filename (lab->store.dir, "kynangso.id", NULL);
  g_autofree char *token = NULL;
  g_autofree char *binding = NULL;
  g_autoptr(KnsStore) store = open_at (lab, lab->store.dir);
  g_autofree char *db = g_build_filename (lab->store.dir, "kynangso.db", NULL);
  GStatBuf st;

  /* A value of the folder's own, private like the database. */
  g_assert_true (g_file_get_contents (id_file, &token, NULL, NULL));
  g_assert_cmpuint (strlen (g_strstrip (token)), ==, 32);
  g_assert_cmpint (g_stat (id_file, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* Only keyed hashes of the machine id and the card are stored. */
  binding = raw_text (db, "SELECT value FROM setting WHERE key = 'device-binding'");
  g_assert_nonnull (binding);
  g_assert_null (strstr (binding, MACHINE_A));
  g_assert_null (strstr (binding, CARD_A));
  g_assert_null (strstr (binding, "525400123456"));

  g_assert_cmpstr (kns_store_get_device_uuid (store), ==, lab->uuid);
  g_assert_null (kns_store_get_previous_device_uuid (store));
  g_assert_null (kns_store_take_identity_notice (store));
}

/* The folder copied to a USB stick and onto another PC. */
static void
test_folder_copied_to_another_computer (Lab           *lab,
                                        gconstpointer  data)
{
  g_autofree char *name = copy_name (lab, "pc2");
  g_autofree char *copy = copy_folder (lab, name);
  g_autofree char *rows = dump_rows (lab->store.dir);

  be_computer (lab, MACHINE_B, CARD_B, NULL);
  assert_renewed (lab, copy, rows);

  /* The original, on its own computer, is still itself. */
  be_computer (lab, MACHINE_A, CARD_A, NULL);
  assert_kept (lab, lab->store.dir);
}

/* The headless report export, run on a cloned computer before the app
 * ever started there, speaks for the copy, not for the original. */
static void
test_copy_opened_shared_first (Lab           *lab,
                               gconstpointer  data)
{
  g_autofree char *name = copy_name (lab, "shared");
  g_autofree char *copy = copy_folder (lab, name);
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsStore) shared = NULL;
  g_autoptr(KnsStore) store = NULL;

  be_computer (lab, MACHINE_B, CARD_B, NULL);
  shared = kns_store_open_shared (copy, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kns_store_get_device_uuid (shared), !=, lab->uuid);
  g_assert_cmpstr (kns_store_get_previous_device_uuid (shared), ==, lab->uuid);

  /* The app, started afterwards, is the same computer as the export. */
  store = open_at (lab, copy);
  g_assert_cmpstr (kns_store_get_device_uuid (store), ==, kns_store_get_device_uuid (shared));
}

/* A disk image copied block by block: the same machine id, the same
 * inode, the same path; only the network card tells. */
static void
test_disk_image (Lab           *lab,
                 gconstpointer  data)
{
  g_autofree char *rows = dump_rows (lab->store.dir);

  be_computer (lab, MACHINE_A, CARD_B, NULL);
  assert_renewed (lab, lab->store.dir, rows);
}

/* A second folder made by copying the first, on the same computer (two
 * data folders, or a copy meant for another room). */
static void
test_folder_copied_on_same_computer (Lab           *lab,
                                     gconstpointer  data)
{
  g_autofree char *name = copy_name (lab, "copy");
  g_autofree char *copy = copy_folder (lab, name);
  g_autofree char *rows = dump_rows (lab->store.dir);

  assert_renewed (lab, copy, rows);
  assert_kept (lab, lab->store.dir);
}

/* Moved to another partition, or put back from a backup in its place:
 * the same computer's folder, whatever its inode. */
static void
test_folder_moved_or_restored (Lab           *lab,
                               gconstpointer  data)
{
  g_autofree char *name = copy_name (lab, "moved");
  g_autofree char *backup_name = copy_name (lab, "backup");
  g_autofree char *moved = sibling (lab, name);
  g_autofree char *backup = copy_folder (lab, backup_name);

  run ((const char *[]) { "mv", lab->store.dir, moved, NULL });
  assert_kept (lab, moved);

  /* Back where it was, from the copy made before: a new inode. */
  kns_test_remove_tree (moved);
  run ((const char *[]) { "cp", "-a", backup, lab->store.dir, NULL });
  kns_test_remove_tree (backup);
  assert_kept (lab, lab->store.dir);
}

/* Only the database, put into another computer's (or store's) folder. */
static void
test_database_into_another_folder (Lab           *lab,
                                   gconstpointer  data)
{
  g_autofree char *name = copy_name (lab, "other");
  g_autofree char *other = sibling (lab, name);
  g_autofree char *from = g_build_filename (lab->store.dir, "kynangso.db", NULL);
  g_autofree char *to = g_build_filename (other, "kynangso.db", NULL);
  g_autofree char *rows = dump_rows (lab->store.dir);

  g_object_unref (open_at (lab, other));
  run ((const char *[]) { "cp", "-a", from, to, NULL });
  assert_renewed (lab, other, rows);
}

/* The same computer after a reinstall, or with a USB Wi-Fi dongle. */
static void
test_same_hardware (Lab           *lab,
                    gconstpointer  data)
{
  be_computer (lab, MACHINE_B, CARD_A, NULL);
  assert_kept (lab, lab->store.dir);
  be_computer (lab, MACHINE_B, CARD_A, USB_WIFI, NULL);
  assert_kept (lab, lab->store.dir);
}

/* No network card to go by (a sandbox, a PC without one): the machine
 * id decides, and without either nothing can be told. */
static void
test_no_network_card (Lab           *lab,
                      gconstpointer  data)
{
  g_autofree char *name = copy_name (lab, "pc3");
  g_autofree char *copy = copy_folder (lab, name);
  g_autofree char *rows = dump_rows (lab->store.dir);

  be_computer (lab, NULL, NULL);
  assert_kept (lab, lab->store.dir);
  be_computer (lab, MACHINE_B, NULL);
  assert_renewed (lab, copy, rows);
}

/* For a copy nothing could tell apart: the teacher renews by hand. */
static void
test_renew_by_hand (Lab           *lab,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsStore) store = open_at (lab, lab->store.dir);
  g_autofree char *rows = dump_rows (lab->store.dir);

  g_assert_true (kns_store_renew_device_uuid (store, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  /* assert_renewed compares with the id it had. */
  assert_renewed (lab, lab->store.dir, rows);
}

static void
test_not_a_setting (Lab           *lab,
                    gconstpointer  data)
{
  static const char *const keys[] = { "device-uuid", "device-binding", "device-previous-uuid",
                                      "device-renewed" };
  g_autoptr(KnsStore) store = open_at (lab, lab->store.dir);

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (kns_store_set_setting (store, keys[i], "x", &error));
      g_assert_error (error, KNS_STORE_ERROR, KNS_STORE_ERROR_INVALID);
    }
  g_assert_cmpstr (kns_store_get_device_uuid (store), ==, lab->uuid);
}

#define ADD_LAB(path, func) \
  g_test_add (path, Lab, NULL, lab_set_up, func, lab_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "ICT-7", TRUE);
  g_test_init (&argc, &argv, NULL);

  ADD_LAB ("/kns/store/identity/new-store", test_new_store);
  ADD_LAB ("/kns/store/identity/folder-copied-to-another-computer",
           test_folder_copied_to_another_computer);
  ADD_LAB ("/kns/store/identity/copy-opened-shared-first", test_copy_opened_shared_first);
  ADD_LAB ("/kns/store/identity/disk-image", test_disk_image);
  ADD_LAB ("/kns/store/identity/folder-copied-on-same-computer",
           test_folder_copied_on_same_computer);
  ADD_LAB ("/kns/store/identity/folder-moved-or-restored", test_folder_moved_or_restored);
  ADD_LAB ("/kns/store/identity/database-into-another-folder", test_database_into_another_folder);
  ADD_LAB ("/kns/store/identity/same-hardware", test_same_hardware);
  ADD_LAB ("/kns/store/identity/no-network-card", test_no_network_card);
  ADD_LAB ("/kns/store/identity/renew-by-hand", test_renew_by_hand);
  ADD_LAB ("/kns/store/identity/not-a-setting", test_not_a_setting);

  return g_test_run ();
}
