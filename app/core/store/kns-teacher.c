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

#include "kns-store-private.h"
#include "kns-teacher.h"

#define SETTING_SETUP          "setup"
#define SETTING_PIN_HASH       "teacher-pin-hash"
#define SETTING_PIN_LOCK       "teacher-pin-lock"    /* the sealed lockout record */
#define SETTING_PIN_SERIAL     "teacher-pin-serial"  /* which record is the latest */
/* Before the record was sealed: read once, then deleted. */
#define SETTING_OLD_FAILURES   "teacher-pin-failures"
#define SETTING_OLD_LOCKED     "teacher-pin-locked-until"

#define LOCK_VERSION "2"
/* A record that does not verify counts as this many wrong tries: the
 * longest wait, and every wrong try after it waits as long again. */
#define TAMPERED_FAILURES (KNS_PIN_FREE_TRIES + 7)
#define MAX_DELAY ((gint64) KNS_PIN_MAX_DELAY_SECONDS * G_USEC_PER_SEC)
#define SAVE_WAITED_EVERY (5 * G_USEC_PER_SEC)

/* The lockout as the store holds it. */
typedef struct
{
  char    *hash;     /* NULL when there is none */
  gint64   failures; /* wrong tries in a row */
  gint64   wait;     /* µs still to wait when @record was written */
  guint64  serial;   /* of the latest record, from its own row */
  char    *record;   /* the record's text, NULL if none */
  gboolean tampered; /* no record, or one that does not verify */
  gboolean old;      /* from before records were sealed */
} PinState;

static void
pin_state_clear (PinState *state)
{
  g_clear_pointer (&state->hash, g_free);
  g_clear_pointer (&state->record, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PinState, pin_state_clear)

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

/* A well-formed argon2id hash, as kns_pin_hash () writes: anything else
 * is damage, or an attempt, and opens nothing. */
static gboolean
is_usable_hash (const char *hash)
{
  if (hash == NULL || strlen (hash) >= crypto_pwhash_STRBYTES ||
      !g_str_has_prefix (hash, crypto_pwhash_STRPREFIX))
    return FALSE;
  ensure_sodium ();
  /* -1: not a hash this libsodium can read at all. */
  return crypto_pwhash_str_needs_rehash (hash, crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                         crypto_pwhash_MEMLIMIT_INTERACTIVE) != -1;
}

static void
lock_key (const char *hash,
          guint8      key[crypto_auth_KEYBYTES])
{
  static const char purpose[] = APP_ID "/teacher-pin-lock";

  ensure_sodium ();
  crypto_generichash (key, crypto_auth_KEYBYTES, (const guint8 *) hash, strlen (hash),
                      (const guint8 *) purpose, sizeof purpose - 1);
}

static char *
lock_message (gint64  failures,
              gint64  wait,
              guint64 serial)
{
  return g_strdup_printf (LOCK_VERSION ":%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%" G_GUINT64_FORMAT,
                          failures, wait, serial);
}

/* "2:FAILURES:WAIT:SERIAL:MAC", the MAC over the rest keyed by the hash. */
static char *
seal_record (const char *hash,
             gint64      failures,
             gint64      wait,
             guint64     serial)
{
  g_autofree char *message = lock_message (failures, wait, serial);
  guint8 key[crypto_auth_KEYBYTES];
  guint8 mac[crypto_auth_BYTES];
  char hex[crypto_auth_BYTES * 2 + 1];

  lock_key (hash, key);
  crypto_auth (mac, (const guint8 *) message, strlen (message), key);
  sodium_memzero (key, sizeof key);
  return g_strdup_printf ("%s:%s", message, sodium_bin2hex (hex, sizeof hex, mac, sizeof mac));
}

static gboolean
parse_number (const char *text,
              guint64     max,
              guint64    *value)
{
  return g_ascii_string_to_unsigned (text, 10, 0, max, value, NULL);
}

/* Whether @state->record was sealed with this hash and is the latest. */
static gboolean
open_record (PinState *state)
{
  g_auto(GStrv) fields = g_strsplit (state->record, ":", -1);
  g_autofree char *message = NULL;
  guint8 key[crypto_auth_KEYBYTES];
  guint8 mac[crypto_auth_BYTES];
  guint64 failures, wait, serial;
  gboolean good;

  if (g_strv_length (fields) != 5 || !g_str_equal (fields[0], LOCK_VERSION) ||
      !parse_number (fields[1], G_MAXINT32, &failures) ||
      !parse_number (fields[2], MAX_DELAY, &wait) ||
      !parse_number (fields[3], G_MAXINT64, &serial) ||
      sodium_hex2bin (mac, sizeof mac, fields[4], strlen (fields[4]), NULL, NULL, NULL) != 0 ||
      strlen (fields[4]) != sizeof mac * 2)
    return FALSE;

  message = lock_message ((gint64) failures, (gint64) wait, serial);
  lock_key (state->hash, key);
  good = crypto_auth_verify (mac, (const guint8 *) message, strlen (message), key) == 0;
  sodium_memzero (key, sizeof key);
  /* An older record put back in place of the latest is caught here. */
  if (!good || serial != state->serial)
    return FALSE;

  state->failures = (gint64) failures;
  state->wait = (gint64) wait;
  return TRUE;
}

static gint64
read_number (KnsStore   *store,
             const char *key)
{
  g_autofree char *value = NULL;

  if (!kns_store_read_setting (store, key, &value, NULL) || value == NULL)
    return 0;
  return g_ascii_strtoll (value, NULL, 10);
}

/* The lockout before records were sealed: trusted once, as it was. */
static gboolean
read_old_state (KnsStore *store,
                PinState *state)
{
  g_autofree char *failures = NULL;
  gint64 until;

  if (!kns_store_read_setting (store, SETTING_OLD_FAILURES, &failures, NULL) || failures == NULL)
    return FALSE;
  state->failures = CLAMP (g_ascii_strtoll (failures, NULL, 10), 0, G_MAXINT32);
  until = read_number (store, SETTING_OLD_LOCKED);
  state->wait = CLAMP (until - kns_store_now (store), 0, MAX_DELAY);
  state->old = TRUE;
  return TRUE;
}

/* Reads the hash and the lockout. Without a usable hash the rest is
 * not read: nothing opens anyway. */
static gboolean
read_state (KnsStore  *store,
            PinState  *state,
            GError   **error)
{
  g_autofree char *serial = NULL;

  if (!kns_store_read_setting (store, SETTING_PIN_HASH, &state->hash, error))
    return FALSE;
  if (!is_usable_hash (state->hash))
    return TRUE;

  if (!kns_store_read_setting (store, SETTING_PIN_LOCK, &state->record, error) ||
      !kns_store_read_setting (store, SETTING_PIN_SERIAL, &serial, error))
    return FALSE;
  if (serial == NULL || !parse_number (serial, G_MAXINT64, &state->serial))
    state->serial = 0;

  /* Old rows are read only where no sealed record was ever written. */
  if (state->record != NULL ? !open_record (state)
                            : state->serial != 0 || !read_old_state (store, state))
    {
      state->tampered = TRUE;
      state->failures = TAMPERED_FAILURES;
      state->wait = MAX_DELAY;
    }
  return TRUE;
}

/* Time waited since @state's record was written or first seen by this
 * process. Until the app opens it again, time does not count: a clock
 * moved forwards opens nothing, a clock moved back locks no longer. */
static gint64
waited (KnsStore       *store,
        const PinState *state)
{
  if (state->tampered || state->old || state->record == NULL)
    return 0;
  if (g_strcmp0 (store->pin_anchor, state->record) != 0)
    {
      /* First seen since the store was opened: the time since counts.
       * Written meanwhile by another program: from now. */
      store->pin_anchor_time = store->pin_anchor == NULL ? store->opened_monotonic
                                                         : kns_store_monotonic_now (store);
      g_free (store->pin_anchor);
      store->pin_anchor = g_strdup (state->record);
    }
  return MAX (0, kns_store_monotonic_now (store) - store->pin_anchor_time);
}

static gint64
time_left (KnsStore       *store,
           const PinState *state)
{
  return MAX (0, state->wait - waited (store, state));
}

/* Seals and saves the lockout, with the next serial, in one
 * transaction; the old rows go. */
static gboolean
write_state (KnsStore    *store,
             const char  *hash,
             gint64       failures,
             gint64       wait,
             GError     **error)
{
  guint64 serial = (guint64) MAX (0, read_number (store, SETTING_PIN_SERIAL)) + 1;
  g_autofree char *serial_text = g_strdup_printf ("%" G_GUINT64_FORMAT, serial);
  g_autofree char *record = seal_record (hash, failures, wait, serial);

  if (!kns_store_begin (store, error))
    return FALSE;
  if (!kns_store_write_setting (store, SETTING_PIN_HASH, hash, error) ||
      !kns_store_write_setting (store, SETTING_PIN_LOCK, record, error) ||
      !kns_store_write_setting (store, SETTING_PIN_SERIAL, serial_text, error) ||
      !kns_store_write_setting (store, SETTING_OLD_FAILURES, NULL, error) ||
      !kns_store_write_setting (store, SETTING_OLD_LOCKED, NULL, error))
    return kns_store_rollback (store);
  if (!kns_store_commit (store, error))
    return FALSE;

  g_free (store->pin_anchor);
  store->pin_anchor = g_steal_pointer (&record);
  store->pin_anchor_time = kns_store_monotonic_now (store);
  return TRUE;
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
 * kns_teacher_pin_needed:
 *
 * Teacher mode opens without a PIN only at home, and only where no PIN
 * was ever set: a school computer always asks, and so does a computer
 * whose PIN rows are there but empty or damaged, or whose set-up was
 * changed to "home" behind the app's back.
 */
gboolean
kns_teacher_pin_needed (KnsStore *store)
{
  static const char *const keys[] = { SETTING_PIN_HASH, SETTING_PIN_LOCK, SETTING_PIN_SERIAL,
                                      SETTING_OLD_FAILURES, SETTING_OLD_LOCKED };
  g_autofree char *setup = NULL;

  g_return_val_if_fail (KNS_IS_STORE (store), TRUE);

  setup = kns_teacher_get_setup (store);
  if (g_strcmp0 (setup, KNS_SETUP_HOME) != 0)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autofree char *value = NULL;

      /* Unreadable: asking is the safe answer. */
      if (!kns_store_read_setting (store, keys[i], &value, NULL) || value != NULL)
        return TRUE;
    }
  return FALSE;
}

/**
 * kns_teacher_set_pin:
 *
 * Sets a new PIN and clears any lockout: what the first-run set-up, the
 * settings and `kynangso --reset-teacher-pin` do. The PIN itself is
 * never stored.
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

  return write_state (store, hash, 0, 0, error);
}

/**
 * kns_teacher_get_wait:
 *
 * The PIN dialog asks every second while entry is locked; every few
 * seconds the time waited so far is saved, so that a restart does not
 * make anyone wait it again.
 *
 * Returns: how long entry stays locked, in microseconds of time the app
 *   is open; 0 when a PIN may be tried
 */
gint64
kns_teacher_get_wait (KnsStore *store)
{
  g_auto(PinState) state = { 0 };
  gint64 left;

  g_return_val_if_fail (KNS_IS_STORE (store), 0);

  if (!read_state (store, &state, NULL) || !is_usable_hash (state.hash))
    return 0;
  if (state.tampered)
    return state.wait;

  left = time_left (store, &state);
  if (left > 0 && state.wait - left >= SAVE_WAITED_EVERY &&
      !write_state (store, state.hash, state.failures, left, NULL))
    g_message ("The time waited for the teacher PIN was not saved");
  return left;
}

/**
 * kns_teacher_get_locked_until:
 *
 * Returns: when entry opens again by the computer's clock if nobody
 *   moves it, or 0 when a PIN may be tried; see kns_teacher_get_wait()
 */
gint64
kns_teacher_get_locked_until (KnsStore *store)
{
  gint64 wait;

  g_return_val_if_fail (KNS_IS_STORE (store), 0);

  wait = kns_teacher_get_wait (store);
  return wait > 0 ? kns_store_now (store) + wait : 0;
}

guint
kns_teacher_get_tries_left (KnsStore *store)
{
  g_auto(PinState) state = { 0 };

  g_return_val_if_fail (KNS_IS_STORE (store), 0);

  if (!read_state (store, &state, NULL) || !is_usable_hash (state.hash))
    return 0;
  return state.failures < KNS_PIN_FREE_TRIES ? (guint) (KNS_PIN_FREE_TRIES - state.failures) : 0;
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

static KnsPinResult
locked (KnsStore *store,
        gint64    wait,
        gint64   *locked_until)
{
  if (locked_until != NULL)
    *locked_until = kns_store_now (store) + wait;
  return KNS_PIN_LOCKED;
}

/**
 * kns_teacher_check_pin:
 * @locked_until: (out) (optional): when entry opens again, if locked, by
 *   the computer's clock (see kns_teacher_get_wait())
 *
 * Only a right PIN against a good hash, while entry is not locked, is
 * %KNS_PIN_OK: no hash is %KNS_PIN_NOT_SET, a damaged one
 * %KNS_PIN_DAMAGED, and a lockout record that was edited, deleted or
 * put back from earlier locks entry for the longest wait. While entry
 * is locked the PIN is not even checked, so guessing gains nothing. A
 * wrong PIN is counted before the answer is given.
 */
KnsPinResult
kns_teacher_check_pin (KnsStore    *store,
                       const char  *pin,
                       gint64      *locked_until,
                       GError     **error)
{
  g_auto(PinState) state = { 0 };
  gint64 left, failures;

  g_return_val_if_fail (KNS_IS_STORE (store), KNS_PIN_WRONG);
  g_return_val_if_fail (pin != NULL, KNS_PIN_WRONG);

  if (locked_until != NULL)
    *locked_until = 0;

  if (!read_state (store, &state, error))
    return KNS_PIN_WRONG;
  if (state.hash == NULL || *state.hash == '\0')
    return KNS_PIN_NOT_SET;
  if (!is_usable_hash (state.hash))
    return KNS_PIN_DAMAGED;

  if (state.tampered)
    {
      g_message ("The teacher PIN's lockout record is missing or does not match: entry locked");
      if (!write_state (store, state.hash, state.failures, state.wait, error))
        return KNS_PIN_WRONG;
      return locked (store, state.wait, locked_until);
    }

  /* What was waited so far is saved: a restart does not wait again. */
  left = time_left (store, &state);
  if (left > 0)
    {
      if (!write_state (store, state.hash, state.failures, left, error))
        return KNS_PIN_WRONG;
      return locked (store, left, locked_until);
    }

  if (kns_pin_matches (state.hash, pin))
    {
      if ((state.failures != 0 || state.wait != 0 || state.old) &&
          !write_state (store, state.hash, 0, 0, error))
        return KNS_PIN_WRONG;
      return KNS_PIN_OK;
    }

  failures = state.failures + 1;
  left = failures >= KNS_PIN_FREE_TRIES ? delay_after (failures) : 0;
  if (!write_state (store, state.hash, failures, left, error))
    return KNS_PIN_WRONG;
  return left > 0 ? locked (store, left, locked_until) : KNS_PIN_WRONG;
}
