/* kns-teacher.h — the teacher PIN and its lockout
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
 * The PIN is kept only as a libsodium crypto_pwhash_str (argon2id) hash.
 * After KNS_PIN_FREE_TRIES wrong tries, entry locks for a delay that
 * doubles with each further wrong try. The count and the time left to
 * wait live in the store, sealed with a MAC keyed by the hash, so that
 * neither a restart nor an edited, deleted or replayed row resets them;
 * the wait counts time that has passed with the app open, so moving the
 * clock changes nothing. An empty, missing or damaged hash never opens
 * teacher mode: `kynangso --reset-teacher-pin` sets a new PIN.
 */

#pragma once

#include "kns-store.h"

G_BEGIN_DECLS

#define KNS_PIN_MIN_DIGITS 6
#define KNS_PIN_MAX_DIGITS 12
#define KNS_PIN_FREE_TRIES 5
#define KNS_PIN_FIRST_DELAY_SECONDS 30
#define KNS_PIN_MAX_DELAY_SECONDS 3600

/* How this computer is used; chosen once, at first start. */
#define KNS_SETUP_LAB           "lab"           /* a school lab: learners have profiles */
#define KNS_SETUP_LAB_ANONYMOUS "lab-anonymous" /* a school lab: guests only, counters only */
#define KNS_SETUP_HOME          "home"          /* a family: no PIN, no kiosk */

typedef enum
{
  KNS_PIN_OK,
  KNS_PIN_WRONG,
  KNS_PIN_LOCKED,
  KNS_PIN_NOT_SET, /* no PIN on a computer that needs one: never opens */
  KNS_PIN_DAMAGED, /* the saved hash is not one: never opens */
} KnsPinResult;

gboolean      kns_pin_is_valid            (const char  *pin);
char         *kns_pin_hash                (const char  *pin,
                                           GError     **error);
gboolean      kns_pin_matches             (const char  *hash,
                                           const char  *pin);

char         *kns_teacher_get_setup       (KnsStore    *store);
gboolean      kns_teacher_set_setup       (KnsStore    *store,
                                           const char  *setup,
                                           GError     **error);
gboolean      kns_teacher_has_pin         (KnsStore    *store);
gboolean      kns_teacher_pin_needed      (KnsStore    *store);
gboolean      kns_teacher_set_pin         (KnsStore    *store,
                                           const char  *pin,
                                           GError     **error);
KnsPinResult  kns_teacher_check_pin       (KnsStore    *store,
                                           const char  *pin,
                                           gint64      *locked_until,
                                           GError     **error);
gint64        kns_teacher_get_locked_until (KnsStore   *store);
gint64        kns_teacher_get_wait        (KnsStore    *store);
guint         kns_teacher_get_tries_left  (KnsStore    *store);

G_END_DECLS
