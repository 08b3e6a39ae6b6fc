/* kns-store-identity.c — which computer a store belongs to, and copies of it
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
 * The computer's id (device-uuid) names its figures in the school
 * report, so two computers must never share one. It lives inside
 * kynangso.db, and a lab technician who sets one PC up and copies its
 * data folder, or its whole disk, to the other 29 would give all 30 the
 * same id. So beside the id the store keeps what it was bound to, and
 * checks it at every start:
 *
 * - the network cards: keyed hashes of the permanent addresses of the
 *   physical cards. They travel with the hardware, not the disk, so a
 *   disk image copied block by block still shows up;
 * - /etc/machine-id, keyed and hashed (it is meant to stay private):
 *   different on every installed system unless the system itself was
 *   copied, and used when a side has no network card to go by;
 * - the folder itself: a random value in DATA_DIR/kynangso.id, the
 *   file's device and inode, and the folder's path. A database put into
 *   another store's folder carries the wrong value; a folder copied on
 *   the same computer leaves the original, value and inode unchanged,
 *   where the binding says it was.
 *
 * A copy gets a new id, keeps every row it had, remembers the id it was
 * copied from, and says so once to the teacher. A folder that was only
 * moved, restored on the same computer or given a new network card
 * keeps its id and is bound again.
 *
 * KNS_MACHINE_ID_FILE and KNS_NET_CLASS_DIR replace /etc/machine-id and
 * /sys/class/net, for tests only.
 */

#define G_LOG_DOMAIN "kns-store"

#include "kns-config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "kns-store-private.h"

#define TOKEN_FILE_NAME "kynangso.id"
#define TOKEN_BYTES 16
#define HASH_BYTES 16

#define SETTING_BINDING  "device-binding"  /* what device-uuid was bound to */
#define SETTING_PREVIOUS "device-previous-uuid"
#define SETTING_NOTICE   "device-renewed"  /* when, until the teacher has been told */

#define BINDING_VERSION "1"

typedef struct
{
  char  *machine;  /* keyed hash of the machine id, hex; NULL if unknown */
  GStrv  nics;     /* keyed hashes of the physical cards' addresses, sorted; may be empty */
  char  *token;    /* the random value of DATA_DIR/kynangso.id; NULL if missing */
  char  *file_id;  /* "DEVICE:INODE" of that file; NULL if missing */
  char  *folder;   /* the data folder, absolute */
} Binding;

static void
binding_clear (Binding *binding)
{
  g_clear_pointer (&binding->machine, g_free);
  g_clear_pointer (&binding->nics, g_strfreev);
  g_clear_pointer (&binding->token, g_free);
  g_clear_pointer (&binding->file_id, g_free);
  g_clear_pointer (&binding->folder, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Binding, binding_clear)

gboolean
kns_store_is_identity_key (const char *key)
{
  return g_str_equal (key, KNS_STORE_SETTING_DEVICE_UUID) || g_str_equal (key, SETTING_BINDING) ||
         g_str_equal (key, SETTING_PREVIOUS) || g_str_equal (key, SETTING_NOTICE);
}

/* A keyed BLAKE2b of @text, so that the database never holds the
 * machine id or a card's address, only what can be compared. */
static char *
keyed_hash (const char *purpose,
            const char *text)
{
  g_autofree char *key = g_strconcat (APP_ID, "/", purpose, NULL);
  guint8 out[HASH_BYTES];
  char hex[HASH_BYTES * 2 + 1];

  if (sodium_init () < 0)
    g_error ("libsodium cannot be initialised");
  crypto_generichash (out, sizeof out, (const guint8 *) text, strlen (text),
                      (const guint8 *) key, strlen (key));
  return g_strdup (sodium_bin2hex (hex, sizeof hex, out, sizeof out));
}

static gboolean
is_hex (const char *text,
        gsize       length)
{
  if (text == NULL || strlen (text) != length)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isxdigit (*p))
      return FALSE;
  return TRUE;
}

/* The first line of a small file, stripped; %NULL if unreadable. */
static char *
read_line (const char *path)
{
  g_autofree char *contents = NULL;
  char *newline;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;
  if ((newline = strchr (contents, '\n')) != NULL)
    *newline = '\0';
  return g_strstrip (g_steal_pointer (&contents));
}

static char *
read_machine (void)
{
  const char *override = g_getenv ("KNS_MACHINE_ID_FILE");
  const char *const paths[] = { "/etc/machine-id", "/var/lib/dbus/machine-id" };
  g_autofree char *id = NULL;

  if (override != NULL)
    id = read_line (override);
  for (guint i = 0; override == NULL && id == NULL && i < G_N_ELEMENTS (paths); i++)
    id = read_line (paths[i]);

  /* Empty or "uninitialized" on an image prepared for copying: unknown. */
  if (!is_hex (id, 32))
    return NULL;
  return keyed_hash ("machine-id", id);
}

static char *
read_in (const char *dir,
         const char *name,
         const char *file)
{
  g_autofree char *path = g_build_filename (dir, name, file, NULL);

  return read_line (path);
}

/* A card plugged in a socket of this computer (it has a "device"), whose
 * address is the one burnt in (addr_assign_type 0), not random. */
static char *
read_nic (const char *dir,
          const char *name)
{
  g_autofree char *device = g_build_filename (dir, name, "device", NULL);
  g_autofree char *assign = NULL;
  g_autofree char *address = NULL;
  g_autofree char *lower = NULL;

  if (!g_file_test (device, G_FILE_TEST_EXISTS))
    return NULL;
  assign = read_in (dir, name, "addr_assign_type");
  address = read_in (dir, name, "address");
  if (g_strcmp0 (assign, "0") != 0 || address == NULL || *address == '\0' ||
      g_str_equal (address, "00:00:00:00:00:00"))
    return NULL;
  lower = g_ascii_strdown (address, -1);
  return keyed_hash ("nic", lower);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static GStrv
read_nics (void)
{
  const char *override = g_getenv ("KNS_NET_CLASS_DIR");
  const char *dir = override != NULL ? override : "/sys/class/net";
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) nics = g_ptr_array_new ();
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      char *nic = read_nic (dir, name);

      if (nic != NULL && !g_ptr_array_find_with_equal_func (nics, nic, g_str_equal, NULL))
        g_ptr_array_add (nics, nic);
      else
        g_free (nic);
    }
  g_ptr_array_sort (nics, compare_strings);
  g_ptr_array_add (nics, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&nics), FALSE);
}

static char *
token_path (KnsStore *self)
{
  return g_build_filename (self->data_dir, TOKEN_FILE_NAME, NULL);
}

static char *
file_id_of (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return NULL;
  return g_strdup_printf ("%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT,
                          (guint64) st.st_dev, (guint64) st.st_ino);
}

static void
read_token (const char  *path,
            char       **token,
            char       **file_id)
{
  g_autofree char *line = read_line (path);

  *token = is_hex (line, TOKEN_BYTES * 2) ? g_steal_pointer (&line) : NULL;
  *file_id = *token != NULL ? file_id_of (path) : NULL;
}

static char *
folder_of (KnsStore *self)
{
  char *real = realpath (self->data_dir, NULL);
  char *folder = g_strdup (real != NULL ? real : self->data_dir);

  free (real);
  return folder;
}

/* What this store is on now. */
static void
read_current (KnsStore *self,
              Binding  *current)
{
  g_autofree char *path = token_path (self);

  current->machine = read_machine ();
  current->nics = read_nics ();
  read_token (path, &current->token, &current->file_id);
  current->folder = folder_of (self);
}

/* "1;MACHINE;NIC,NIC;TOKEN;DEVICE:INODE;FOLDER", '-' for nothing; the
 * folder goes last since it may hold any character. */
static char *
format_binding (const Binding *binding)
{
  g_autofree char *nics = g_strjoinv (",", binding->nics);

  return g_strdup_printf (BINDING_VERSION ";%s;%s;%s;%s;%s",
                          binding->machine ? binding->machine : "-", *nics ? nics : "-",
                          binding->token ? binding->token : "-",
                          binding->file_id ? binding->file_id : "-", binding->folder);
}

static char *
dash_to_null (const char *field)
{
  return g_str_equal (field, "-") ? NULL : g_strdup (field);
}

static gboolean
parse_binding (const char *text,
               Binding    *binding)
{
  g_auto(GStrv) fields = g_strsplit (text, ";", 6);

  if (g_strv_length (fields) != 6 || !g_str_equal (fields[0], BINDING_VERSION))
    return FALSE;
  binding->machine = dash_to_null (fields[1]);
  binding->nics = g_str_equal (fields[2], "-") ? g_new0 (char *, 1) : g_strsplit (fields[2], ",", -1);
  binding->token = dash_to_null (fields[3]);
  binding->file_id = dash_to_null (fields[4]);
  binding->folder = g_strdup (fields[5]);
  return TRUE;
}

static gboolean
share_a_nic (const Binding *a,
             const Binding *b)
{
  for (guint i = 0; a->nics[i] != NULL; i++)
    if (g_strv_contains ((const char * const *) b->nics, a->nics[i]))
      return TRUE;
  return FALSE;
}

/* The hardware decides where both sides know their network cards; the
 * installed system only where one side has none (a different system on
 * the same cards is a reinstall, not another computer). */
static gboolean
on_another_computer (const Binding *stored,
                     const Binding *current)
{
  if (stored->nics[0] != NULL && current->nics[0] != NULL)
    return !share_a_nic (stored, current);
  return stored->machine != NULL && current->machine != NULL &&
         !g_str_equal (stored->machine, current->machine);
}

/* The folder was copied on this computer: the original is still where
 * the binding says, the very same file, and it is not ours. */
static gboolean
original_still_there (const Binding *stored,
                      const Binding *current)
{
  g_autofree char *path = NULL;
  g_autofree char *token = NULL;
  g_autofree char *file_id = NULL;

  if (stored->token == NULL || stored->file_id == NULL ||
      g_strcmp0 (stored->folder, current->folder) == 0)
    return FALSE;

  path = g_build_filename (stored->folder, TOKEN_FILE_NAME, NULL);
  read_token (path, &token, &file_id);
  return g_strcmp0 (token, stored->token) == 0 && g_strcmp0 (file_id, stored->file_id) == 0 &&
         g_strcmp0 (file_id, current->file_id) != 0;
}

static const char *
why_copied (const Binding *stored,
            const Binding *current)
{
  if (on_another_computer (stored, current))
    return "bound to another computer";
  /* This database was put into the folder of another store. */
  if (current->token != NULL && stored->token != NULL && !g_str_equal (current->token, stored->token))
    return "in another store's folder";
  if (original_still_there (stored, current))
    return "a copy of a folder that is still there";
  return NULL;
}

/* A new random value in DATA_DIR/kynangso.id, written whole or not at
 * all. Without it the folder is bound by the computer alone. */
static void
write_token (KnsStore *self,
             Binding  *current)
{
  g_autofree char *path = token_path (self);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  guint8 bytes[TOKEN_BYTES];
  char hex[TOKEN_BYTES * 2 + 1];

  g_clear_pointer (&current->token, g_free);
  g_clear_pointer (&current->file_id, g_free);
  randombytes_buf (bytes, sizeof bytes);
  contents = g_strconcat (sodium_bin2hex (hex, sizeof hex, bytes, sizeof bytes), "\n", NULL);
  if (!g_file_set_contents_full (path, contents, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &error))
    {
      g_message ("%s: %s", path, error->message);
      return;
    }
  current->token = g_strdup (hex);
  current->file_id = file_id_of (path);
}

/* Writes the binding and, when @renew, a new id that remembers the old
 * one: one transaction, so a power cut leaves either. */
static gboolean
save_identity (KnsStore       *self,
               const Binding  *current,
               gboolean        renew,
               GError        **error)
{
  g_autofree char *binding = format_binding (current);
  g_autofree char *uuid = renew || self->device_uuid == NULL ? g_uuid_string_random ()
                                                              : g_strdup (self->device_uuid);
  g_autofree char *now = g_strdup_printf ("%" G_GINT64_FORMAT, kns_store_now (self));

  if (!kns_store_begin (self, error))
    return FALSE;
  if (!kns_store_write_setting (self, KNS_STORE_SETTING_DEVICE_UUID, uuid, error) ||
      !kns_store_write_setting (self, SETTING_BINDING, binding, error) ||
      (renew && !kns_store_write_setting (self, SETTING_PREVIOUS, self->device_uuid, error)) ||
      (renew && !kns_store_write_setting (self, SETTING_NOTICE, now, error)))
    return kns_store_rollback (self);
  if (!kns_store_commit (self, error))
    return FALSE;

  if (renew)
    {
      g_free (self->previous_device_uuid);
      self->previous_device_uuid = g_steal_pointer (&self->device_uuid);
    }
  g_free (self->device_uuid);
  self->device_uuid = g_steal_pointer (&uuid);
  return TRUE;
}

/**
 * kns_store_load_identity:
 *
 * At open: reads the computer's id, or makes one for a new store, and
 * gives a copy of another computer's store an id of its own.
 */
gboolean
kns_store_load_identity (KnsStore  *self,
                         GError   **error)
{
  g_autofree char *text = NULL;
  g_auto(Binding) stored = { 0 };
  g_auto(Binding) current = { 0 };
  const char *copied = NULL;
  gboolean had_token;

  if (!kns_store_read_setting (self, KNS_STORE_SETTING_DEVICE_UUID, &self->device_uuid, error) ||
      !kns_store_read_setting (self, SETTING_PREVIOUS, &self->previous_device_uuid, error) ||
      !kns_store_read_setting (self, SETTING_BINDING, &text, error))
    return FALSE;

  read_current (self, &current);
  had_token = current.token != NULL;
  /* Without a binding (a new store, or one from before bindings) there
   * is nothing to compare: it is bound as it is found. */
  if (self->device_uuid != NULL && text != NULL && parse_binding (text, &stored))
    copied = why_copied (&stored, &current);

  if (copied != NULL)
    g_message ("%s is %s: this computer gets an id of its own instead of %s", self->path,
               copied, self->device_uuid);

  /* A copy gets a folder value of its own too, so that it and the
   * original are told apart from now on. */
  if (copied != NULL || !had_token)
    write_token (self, &current);

  if (self->device_uuid != NULL && copied == NULL && text != NULL)
    {
      g_autofree char *now = format_binding (&current);

      if (g_str_equal (now, text))
        return TRUE;
      g_debug ("%s: bound again: was %s, is %s", self->path, text, now);
    }
  return save_identity (self, &current, copied != NULL, error);
}

/**
 * kns_store_get_previous_device_uuid:
 *
 * Returns: (nullable): the id this store had before it found itself a
 *   copy of another computer's (or was renewed by hand), else %NULL
 */
const char *
kns_store_get_previous_device_uuid (KnsStore *self)
{
  g_return_val_if_fail (KNS_IS_STORE (self), NULL);
  return self->previous_device_uuid;
}

/**
 * kns_store_renew_device_uuid:
 *
 * Gives this computer a new id, for a copy that could not be told from
 * its original (a virtual machine copied with its network card's
 * address, or a store copied before this check existed). Every row
 * stays; kns_store_take_identity_notice() then says so once.
 */
gboolean
kns_store_renew_device_uuid (KnsStore  *self,
                             GError   **error)
{
  g_auto(Binding) current = { 0 };

  g_return_val_if_fail (KNS_IS_STORE (self), FALSE);

  read_current (self, &current);
  write_token (self, &current);
  return save_identity (self, &current, TRUE, error);
}

/**
 * kns_store_take_identity_notice:
 *
 * What the teacher must be told, once, after this computer got an id
 * of its own; asking again returns %NULL.
 *
 * Returns: (transfer full) (nullable): a translated sentence, or %NULL
 */
char *
kns_store_take_identity_notice (KnsStore *self)
{
  g_autofree char *when = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (KNS_IS_STORE (self), NULL);

  if (!kns_store_read_setting (self, SETTING_NOTICE, &when, &error) || when == NULL)
    return NULL;
  if (!kns_store_begin (self, &error) ||
      !kns_store_write_setting (self, SETTING_NOTICE, NULL, &error) ||
      !kns_store_commit (self, &error))
    {
      /* Said again next time rather than never. */
      kns_store_rollback (self);
      g_message ("%s: %s", self->path, error->message);
    }

  return g_strdup_printf (_("This computer’s saved progress was copied from another computer "
                            "(%.8s). This computer now has its own code in the school report, "
                            "%.8s, and keeps everything it had. Save its figures for the report "
                            "again."),
                          self->previous_device_uuid ? self->previous_device_uuid : "?",
                          self->device_uuid);
}
