/* kns-teacher.c
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

#define G_LOG_DOMAIN "kns-teacher"

#include "kns-config.h"

#include <glib/gi18n.h>
#include <sodium.h>
#include <string.h>

#include "kns-teacher.h"

#define SETTING_SETUP          "setup"
#define SETTING_PIN_HASH       "teacher-pin-hash"
#define SETTING_PIN_FAILURES   "teacher-pin-failures"
#define SETTING_PIN_LOCKED     "teacher-pin-locked-until"

static void
ensure_sodium (void)
{
  /* Idempotent and thread-safe; < 0 only when no randomness source exists. */
  if (sodium_init () < 0)
    g_error ("libsodium cannot be initialised");
}

/* 6–12 ASCII digits: long enough not to be guessed in five tries,
 * short enough for a teacher to type in front of a class. */
gboolean
kns_pin_is_valid (const char *pin)
{
  gsize len;

  if (pin == NULL)
    return FALSE;

  len = strlen (pin);
  if (len < KNS_PIN_MIN_DIGITS || len > KNS_PIN_MAX_DIGITS)
    return FALSE;
  for (const char *p = pin; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

/**
 * kns_pin_hash:
 *
 * Hashes @pin with argon2id at libsodium's interactive limits. Safe to
 * call from a worker thread.
 *
 * Returns: (transfer full) (nullable): the encoded hash
 */
char *
kns_pin_hash (const char  *pin,
              GError     **error)
{
  char hash[crypto_pwhash_STRBYTES];

  g_return_val_if_fail (pin != NULL, NULL);

  ensure_sodium ();
  if (crypto_pwhash_str (hash, pin, strlen (pin),
                         crypto_pwhash_OPSLIMIT_INTERACTIVE,
                         crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    {
      /* Only when the memory the hash needs cannot be had. */
      g_set_error_literal (error, KNS_STORE_ERROR, KNS_STORE_ERROR_IO,
                           _("The PIN could not be protected: the computer is short of memory."));
      return NULL;
    }

  return g_strdup (hash);
}

gboolean
kns_pin_matches (const char *hash,
                 const char *pin)
{
  g_return_val_if_fail (pin != NULL, FALSE);

  if (hash == NULL || strlen (hash) >= crypto_pwhash_STRBYTES)
    return FALSE;

  ensure_sodium ();
  return crypto_pwhash_str_verify (hash, pin, strlen (pin)) == 0;
}

static gint64
get_int_setting (KnsStore   *store,
                 const char *key)
{
  g_autofree char *value = kns_store_get_setting (store, key, NULL);

  return value != NULL ? g_ascii_strtoll (value, NULL, 10) : 0;
}

static gboolean
set_int_setting (KnsStore    *store,
                 const char  *key,
                 gint64       value,
                 GError     **error)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, value);

  return kns_store_set_setting (store, key, text, error);
}

/**
 * kns_teacher_get_setup:
 *
 * Returns: (transfer full) (nullable): KNS_SETUP_LAB, KNS_SETUP_LAB_ANONYMOUS
 *   or KNS_SETUP_HOME; %NULL before the first-run set-up
 */
char *
kns_teacher_get_setup (KnsStore *store)
{
  g_return_val_if_fail (KNS_IS_STORE (store), NULL);
  return kns_store_get_setting (store, SETTING_SETUP, NULL);
}

gboolean
kns_teacher_set_setup (KnsStore    *store,
                       const char  *setup,
                       GError     **error)
{
  g_return_val_if_fail (KNS_IS_STORE (store), FALSE);
  g_return_val_if_fail (g_strv_contains ((const char *[]) { KNS_SETUP_LAB, KNS_SETUP_LAB_ANONYMOUS,
                                                            KNS_SETUP_HOME, NULL }, setup), FALSE);

  return kns_store_set_setting (store, SETTING_SETUP, setup, error);
}

gboolean
kns_teacher_has_pin (KnsStore *store)
{
  g_autofree char *hash = NULL;

  g_return_val_if_fail (KNS_IS_STORE (store), FALSE);

  hash = kns_store_get_setting (store, SETTING_PIN_HASH, NULL);
  return hash != NULL && *hash != '\0';
}

/**
 * kns_teacher_set_pin:
 *
 * Sets a new PIN and clears any lockout. The PIN itself is never stored.
 */
gboolean
kns_teacher_set_pin (KnsStore    *store,
                     const char  *pin,
                     GError     **error)
{
  g_autofree char *hash = NULL;

  g_return_val_if_fail (KNS_IS_STORE (store), FALSE);

  if (!kns_pin_is_valid (pin))
    {
      g_set_error (error, KNS_STORE_ERROR, KNS_STORE_ERROR_INVALID,
                   _("A teacher PIN is %d to %d digits."), KNS_PIN_MIN_DIGITS, KNS_PIN_MAX_DIGITS);
      return FALSE;
    }

  if ((hash = kns_pin_hash (pin, error)) == NULL)
    return FALSE;

  return kns_store_set_setting (store, SETTING_PIN_HASH, hash, error) &&
         set_int_setting (store, SETTING_PIN_FAILURES, 0, error) &&
         set_int_setting (store, SETTING_PIN_LOCKED, 0, error);
}

gint64
kns_teacher_get_locked_until (KnsStore *store)
{
  gint64 until;

  g_return_val_if_fail (KNS_IS_STORE (store), 0);

  until = get_int_setting (store, SETTING_PIN_LOCKED);
  return until > kns_store_now (store) ? until : 0;
}

guint
kns_teacher_get_tries_left (KnsStore *store)
{
  gint64 failures;

  g_return_val_if_fail (KNS_IS_STORE (store), 0);

  failures = get_int_setting (store, SETTING_PIN_FAILURES);
  return failures < KNS_PIN_FREE_TRIES ? (guint) (KNS_PIN_FREE_TRIES - failures) : 0;
}

/* 30 s after the fifth wrong try, then 60 s, 120 s… up to an hour. */
static gint64
delay_after (gint64 failures)
{
  gint64 delay = KNS_PIN_FIRST_DELAY_SECONDS;

  for (gint64 i = KNS_PIN_FREE_TRIES; i < failures && delay < KNS_PIN_MAX_DELAY_SECONDS; i++)
    delay *= 2;
  return MIN (delay, KNS_PIN_MAX_DELAY_SECONDS) * G_USEC_PER_SEC;
}

/**
 * kns_teacher_check_pin:
 * @locked_until: (out) (optional): when entry opens again, if locked
 *
 * While entry is locked the PIN is not even checked, so guessing gains
 * nothing. A wrong PIN is counted before the answer is given.
 */
KnsPinResult
kns_teacher_check_pin (KnsStore    *store,
                       const char  *pin,
                       gint64      *locked_until,
                       GError     **error)
{
  g_autofree char *hash = NULL;
  gint64 until, failures;

  g_return_val_if_fail (KNS_IS_STORE (store), KNS_PIN_WRONG);
  g_return_val_if_fail (pin != NULL, KNS_PIN_WRONG);

  if (locked_until != NULL)
    *locked_until = 0;

  hash = kns_store_get_setting (store, SETTING_PIN_HASH, error);
  if (hash == NULL || *hash == '\0')
    return KNS_PIN_NOT_SET;

  until = kns_teacher_get_locked_until (store);
  if (until > 0)
    {
      if (locked_until != NULL)
        *locked_until = until;
      return KNS_PIN_LOCKED;
    }

  if (kns_pin_matches (hash, pin))
    {
      if (get_int_setting (store, SETTING_PIN_FAILURES) != 0 &&
          !set_int_setting (store, SETTING_PIN_FAILURES, 0, error))
        return KNS_PIN_WRONG;
      return KNS_PIN_OK;
    }

  failures = get_int_setting (store, SETTING_PIN_FAILURES) + 1;
  if (!set_int_setting (store, SETTING_PIN_FAILURES, failures, error))
    return KNS_PIN_WRONG;

  if (failures >= KNS_PIN_FREE_TRIES)
    {
      until = kns_store_now (store) + delay_after (failures);
      if (!set_int_setting (store, SETTING_PIN_LOCKED, until, error))
        return KNS_PIN_WRONG;
      if (locked_until != NULL)
        *locked_until = until;
      return KNS_PIN_LOCKED;
    }

  return KNS_PIN_WRONG;
}
