/* test-teacher.c — the teacher PIN: hash, check, lockout that survives a restart
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

#include "kns-config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "kns-store-private.h"
#include "kns-teacher.h"
#include "kns-test-common.h"

typedef struct
{
  char     *dir;
  KnsStore *store;
  gint64    now;
} Fixture;

static gint64
fake_clock (gpointer data)
{
  return ((Fixture *) data)->now;
}

static void
reopen (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->store);
  f->store = kns_store_open_with_clock (f->dir, fake_clock, f, &error);
  g_assert_no_error (error);
  /* Time passes for the lockout as for everything else here. */
  kns_store_set_monotonic_clock (f->store, fake_clock, f);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("kns-teacher-XXXXXX", &error);
  g_assert_no_error (error);
  f->now = G_GINT64_CONSTANT (1790000000) * G_USEC_PER_SEC;
  reopen (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  kns_test_remove_tree (f->dir);
  g_free (f->dir);
}

static void
test_valid_pins (void)
{
  g_assert_true (kns_pin_is_valid ("123456"));
  g_assert_true (kns_pin_is_valid ("123456789012"));
  g_assert_false (kns_pin_is_valid ("12345"));
  g_assert_false (kns_pin_is_valid ("1234567890123"));
  g_assert_false (kns_pin_is_valid ("12345a"));
  g_assert_false (kns_pin_is_valid ("１２３４５６"));
  g_assert_false (kns_pin_is_valid (""));
  g_assert_false (kns_pin_is_valid (NULL));
}

static void
test_hash (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *a = kns_pin_hash ("246810", &error);
  g_autofree char *b = kns_pin_hash ("246810", &error);

  g_assert_no_error (error);
  /* argon2id, salted: the same PIN never gives the same text. */
  g_assert_true (g_str_has_prefix (a, "$argon2id$"));
  g_assert_cmpstr (a, !=, b);
  g_assert_null (strstr (a, "246810"));
  g_assert_true (kns_pin_matches (a, "246810"));
  g_assert_true (kns_pin_matches (b, "246810"));
  g_assert_false (kns_pin_matches (a, "246811"));
  g_assert_false (kns_pin_matches ("garbage", "246810"));
  g_assert_false (kns_pin_matches (NULL, "246810"));
}

static void
test_set_and_check (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;

  g_assert_false (kns_teacher_has_pin (f->store));
  g_assert_cmpint (kns_teacher_check_pin (f->store, "135790", NULL, NULL), ==, KNS_PIN_NOT_SET);

  /* Too short a PIN is refused with a reason. */
  g_assert_false (kns_teacher_set_pin (f->store, "1234", &error));
  g_assert_error (error, KNS_STORE_ERROR, KNS_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (kns_teacher_set_pin (f->store, "135790", &error));
  g_assert_no_error (error);
  g_assert_true (kns_teacher_has_pin (f->store));

  /* Only the hash is kept. */
  stored = kns_store_get_setting (f->store, "teacher-pin-hash", NULL);
  g_assert_true (g_str_has_prefix (stored, "$argon2id$"));

  g_assert_cmpint (kns_teacher_check_pin (f->store, "135790", NULL, NULL), ==, KNS_PIN_OK);
  g_assert_cmpint (kns_teacher_check_pin (f->store, "000000", NULL, NULL), ==, KNS_PIN_WRONG);
  g_assert_cmpuint (kns_teacher_get_tries_left (f->store), ==, 4);

  /* A right PIN resets the count. */
  g_assert_cmpint (kns_teacher_check_pin (f->store, "135790", NULL, NULL), ==, KNS_PIN_OK);
  g_assert_cmpuint (kns_teacher_get_tries_left (f->store), ==, 5);

  /* A changed PIN replaces the old one. */
  g_assert_true (kns_teacher_set_pin (f->store, "975310", NULL));
  g_assert_cmpint (kns_teacher_check_pin (f->store, "135790", NULL, NULL), ==, KNS_PIN_WRONG);
  g_assert_cmpint (kns_teacher_check_pin (f->store, "975310", NULL, NULL), ==, KNS_PIN_OK);
}

static void
test_lockout (Fixture       *f,
              gconstpointer  data)
{
  gint64 until = 0;

  g_assert_true (kns_teacher_set_pin (f->store, "135790", NULL));

  for (guint i = 0; i < KNS_PIN_FREE_TRIES - 1; i++)
    g_assert_cmpint (kns_teacher_check_pin (f->store, "111111", &until, NULL), ==, KNS_PIN_WRONG);
  g_assert_cmpint (until, ==, 0);

  /* The fifth wrong try locks for 30 s. */
  g_assert_cmpint (kns_teacher_check_pin (f->store, "111111", &until, NULL), ==, KNS_PIN_LOCKED);
  g_assert_cmpint (until, ==, f->now + 30 * G_USEC_PER_SEC);

  /* Locked: even the right PIN does not open, and a restart changes nothing. */
  g_assert_cmpint (kns_teacher_check_pin (f->store, "135790", NULL, NULL), ==, KNS_PIN_LOCKED);
  reopen (f);
  g_assert_cmpint (kns_teacher_get_locked_until (f->store), ==, until);
  g_assert_cmpint (kns_teacher_check_pin (f->store, "135790", NULL, NULL), ==, KNS_PIN_LOCKED);

  /* After the delay, one more wrong try locks for twice as long. */
  f->now += 31 * G_USEC_PER_SEC;
  g_assert_cmpint (kns_teacher_get_locked_until (f->store), ==, 0);
  g_assert_cmpint (kns_teacher_check_pin (f->store, "222222", &until, NULL), ==, KNS_PIN_LOCKED);
  g_assert_cmpint (until, ==, f->now + 60 * G_USEC_PER_SEC);
  f->now += 61 * G_USEC_PER_SEC;
  g_assert_cmpint (kns_teacher_check_pin (f->store, "333333", &until, NULL), ==, KNS_PIN_LOCKED);
  g_assert_cmpint (until, ==, f->now + 120 * G_USEC_PER_SEC);

  /* The delay stops growing at an hour. */
  for (guint i = 0; i < 10; i++)
    {
      f->now = until + 1;
      kns_teacher_check_pin (f->store, "444444", &until, NULL);
    }
  g_assert_cmpint (until - f->now, ==, G_GINT64_CONSTANT (3600) * G_USEC_PER_SEC);

  /* Once open again, the right PIN works and clears the count. */
  f->now = until + 1;
  g_assert_cmpint (kns_teacher_check_pin (f->store, "135790", NULL, NULL), ==, KNS_PIN_OK);
  g_assert_cmpuint (kns_teacher_get_tries_left (f->store), ==, KNS_PIN_FREE_TRIES);
}

static void
test_reset_clears_lock (Fixture       *f,
                        gconstpointer  data)
{
  g_assert_true (kns_teacher_set_pin (f->store, "135790", NULL));
  for (guint i = 0; i < KNS_PIN_FREE_TRIES; i++)
    kns_teacher_check_pin (f->store, "000000", NULL, NULL);
  g_assert_cmpint (kns_teacher_get_locked_until (f->store), >, 0);

  /* What --reset-teacher-pin does: a new PIN, no lock. */
  g_assert_true (kns_teacher_set_pin (f->store, "864200", NULL));
  g_assert_cmpint (kns_teacher_get_locked_until (f->store), ==, 0);
  g_assert_cmpint (kns_teacher_check_pin (f->store, "864200", NULL, NULL), ==, KNS_PIN_OK);
}

static void
test_setup (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *setup = kns_teacher_get_setup (f->store);

  g_assert_null (setup);
  g_assert_true (kns_teacher_set_setup (f->store, KNS_SETUP_LAB_ANONYMOUS, NULL));
  reopen (f);
  g_clear_pointer (&setup, g_free);
  setup = kns_teacher_get_setup (f->store);
  g_assert_cmpstr (setup, ==, KNS_SETUP_LAB_ANONYMOUS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kns/teacher/valid-pins", test_valid_pins);
  g_test_add_func ("/kns/teacher/hash", test_hash);
  g_test_add ("/kns/teacher/set-and-check", Fixture, NULL, fixture_set_up, test_set_and_check, fixture_tear_down);
  g_test_add ("/kns/teacher/lockout", Fixture, NULL, fixture_set_up, test_lockout, fixture_tear_down);
  g_test_add ("/kns/teacher/reset-clears-lock", Fixture, NULL, fixture_set_up, test_reset_clears_lock, fixture_tear_down);
  g_test_add ("/kns/teacher/setup", Fixture, NULL, fixture_set_up, test_setup, fixture_tear_down);

  return g_test_run ();
}
