/* kns-school-key.c — the key that seals a school's report bundles
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
 * Bundles travel between a school's lab computers on USB sticks, which
 * get lost. They are sealed (kns-bundle-write.c) with a key that the
 * teacher sets once on every computer of the school by typing the same
 * passphrase: a lost stick leaks nothing readable, and only a copy that
 * knows the passphrase imports the files, or adds figures of its own.
 *
 * The key is Argon2id of the passphrase (libsodium's crypto_pwhash, as
 * the teacher PIN). Every computer must derive the same key from the
 * same passphrase, so the salt is fixed; the work factor makes each
 * guess at a found stick's passphrase cost about a second. The store
 * keeps the key, never the passphrase: whoever can read the database of
 * a lab computer can read its figures anyway.
 */

#define G_LOG_DOMAIN "kns-report"

#include "kns-config.h"

#include <glib/gi18n.h>
#include <sodium.h>
#include <string.h>

#include "kns-school-key.h"

static const guint8 salt[crypto_pwhash_SALTBYTES] = "kynangso-school";

G_STATIC_ASSERT (sizeof salt == crypto_pwhash_SALTBYTES);

/**
 * kns_school_key_get:
 *
 * Returns: whether this computer has the school's key; %FALSE with
 *   @error set only if the store failed
 */
gboolean
kns_school_key_get (KnsStore *store,
                    guint8    key[KNS_SCHOOL_KEY_SIZE],
                    GError  **error)
{
  g_autofree char *text = NULL;
  g_autofree guchar *bytes = NULL;
  gsize length = 0;

  g_return_val_if_fail (KNS_IS_STORE (store), FALSE);

  text = kns_store_get_setting (store, KNS_STORE_SETTING_SCHOOL_KEY, error);
  if (text == NULL || *text == '\0')
    return FALSE;
  bytes = g_base64_decode (text, &length);
  if (length != KNS_SCHOOL_KEY_SIZE)
    {
      /* A damaged setting is no key: the teacher sets it again. */
      g_message ("The school's report key in the store is damaged");
      return FALSE;
    }
  memcpy (key, bytes, KNS_SCHOOL_KEY_SIZE);
  sodium_memzero (bytes, length);
  return TRUE;
}

gboolean
kns_school_key_is_set (KnsStore *store)
{
  guint8 key[KNS_SCHOOL_KEY_SIZE];
  gboolean set = kns_school_key_get (store, key, NULL);

  sodium_memzero (key, sizeof key);
  return set;
}

/**
 * kns_school_key_set:
 *
 * Stores @key as this computer's school key, as tests do; teachers give
 * a passphrase (kns_school_key_set_passphrase ()).
 */
gboolean
kns_school_key_set (KnsStore     *store,
                    const guint8  key[KNS_SCHOOL_KEY_SIZE],
                    GError      **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (KNS_IS_STORE (store), FALSE);

  text = g_base64_encode (key, KNS_SCHOOL_KEY_SIZE);
  return kns_store_set_setting (store, KNS_STORE_SETTING_SCHOOL_KEY, text, error);
}

/**
 * kns_school_key_derive:
 * @key: (out): the school's key
 *
 * Derives the school's key from @passphrase, the same on every
 * computer. The passphrase is taken as Unicode NFC with its outer spaces
 * removed, so that the same words typed with another keyboard or input
 * method give the same key. Takes about a second on an old computer: a
 * window calls it in a thread.
 */
gboolean
kns_school_key_derive (const char  *passphrase,
                       guint8       key[KNS_SCHOOL_KEY_SIZE],
                       GError     **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *nfc = NULL;
  int status;

  g_return_val_if_fail (passphrase != NULL, FALSE);

  if (!g_utf8_validate (passphrase, -1, NULL) ||
      (nfc = g_utf8_normalize ((stripped = g_strstrip (g_strdup (passphrase))), -1,
                               G_NORMALIZE_NFC)) == NULL ||
      g_utf8_strlen (nfc, -1) < KNS_SCHOOL_PASSPHRASE_MIN)
    {
      g_set_error (error, KNS_STORE_ERROR, KNS_STORE_ERROR_INVALID,
                   _("The passphrase is too short: write at least %d characters, for example "
                     "three words that only the school’s teachers know."),
                   KNS_SCHOOL_PASSPHRASE_MIN);
      return FALSE;
    }

  status = crypto_pwhash (key, KNS_SCHOOL_KEY_SIZE, nfc, strlen (nfc), salt,
                          crypto_pwhash_OPSLIMIT_MODERATE, crypto_pwhash_MEMLIMIT_INTERACTIVE,
                          crypto_pwhash_ALG_ARGON2ID13);
  sodium_memzero (nfc, strlen (nfc));
  sodium_memzero (stripped, strlen (stripped));
  if (status != 0)
    {
      g_set_error_literal (error, KNS_STORE_ERROR, KNS_STORE_ERROR_IO,
                           _("There is not enough memory to set the passphrase; close other "
                             "programs and try again."));
      return FALSE;
    }
  return TRUE;
}

/**
 * kns_school_key_set_passphrase:
 *
 * kns_school_key_derive (), then kns_school_key_set ().
 */
gboolean
kns_school_key_set_passphrase (KnsStore    *store,
                               const char  *passphrase,
                               GError     **error)
{
  guint8 key[KNS_SCHOOL_KEY_SIZE];
  gboolean ok;

  g_return_val_if_fail (KNS_IS_STORE (store), FALSE);

  ok = kns_school_key_derive (passphrase, key, error) && kns_school_key_set (store, key, error);
  sodium_memzero (key, sizeof key);
  return ok;
}
