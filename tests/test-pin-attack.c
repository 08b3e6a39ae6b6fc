/* test-pin-attack.c — the teacher PIN attacked through the database file
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
 * A pupil who can reach kynangso.db with an SQLite editor, and the
 * computer's clock, tries to get into teacher mode without the PIN:
 * by emptying, cutting or replacing the stored hash, by editing,
 * deleting or putting back the lockout's rows, and by moving the clock.
 * Every attack is written straight into the file with SQLite, as the
 * pupil would, and each test fails if the attack opens teacher mode.
 * Against the code before these checks, the empty and the deleted hash
 * opened teacher mode, one edited row ended a lockout, and a clock
 * moved a day forwards ended it too.
 *
 * Whoever has the machine's files may still set a new PIN with
 * `kynangso --reset-teacher-pin`: the last test runs the real binary
 * after each attack.
 */

#include "kns-config.h"

#include <sqlite3.h>
#include <string.h>

#include "kns-store-private.h"
#include "kns-teacher.h"
#include "kns-test-common.h"

#define PIN "246810"
#define ATTACKER_PIN "999999"
#define NEW_PIN "864200"
#define SECOND G_USEC_PER_SEC
#define HOUR ((gint64) 3600 * G_USEC_PER_SEC)

typedef struct
{
  char     *dir;
  KnsStore *store;
  gint64    wall;      /* the computer's clock, which a pupil may move */
  gint64    monotonic; /* time that passes */
} Fixture;

static gint64
wall_clock (gpointer data)
{
  return ((Fixture *) data)->wall;
}

static gint64
monotonic_clock (gpointer data)
{
  return ((Fixture *) data)->monotonic;
}

static void
reopen (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->store);
  f->store = kns_store_open_with_clock (f->dir, wall_clock, f, &error);
  g_assert_no_error (error);
  kns_store_set_monotonic_clock (f->store, monotonic_clock, f);
}

static void
pass (Fixture *f,
      gint64   time)
{
  f->wall += time;
  f->monotonic += time;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("kns-pin-attack-XXXXXX", &error);
  g_assert_no_error (error);
  f->wall = G_GINT64_CONSTANT (1790000000) * G_USEC_PER_SEC;
  f->monotonic = 1000 * SECOND;
  reopen (f);
  g_assert_true (kns_teacher_set_setup (f->store, KNS_SETUP_LAB, NULL));
  g_assert_true (kns_teacher_set_pin (f->store, PIN, NULL));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  kns_test_remove_tree (f->dir);
  g_free (f->dir);
}

/* What the pupil does: the app closed (or not), SQL into the file. */
static void
attack (Fixture    *f,
        const char *sql)
{
  g_autofree char *path = g_build_filename (f->dir, "kynangso.db", NULL);
  char *message = NULL;
  sqlite3 *db = NULL;

  g_clear_object (&f->store);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  g_assert_cmpint (sqlite3_changes (db), >, 0);
  sqlite3_close (db);
  reopen (f);
}

static char *
read_row (Fixture    *f,
          const char *key)
{
  g_autofree char *value = NULL;

  g_assert_true (kns_store_read_setting (f->store, key, &value, NULL));
  return g_steal_pointer (&value);
}

static char *
set_row_sql (const char *key,
             const char *value)
{
  char *sql = sqlite3_mprintf ("INSERT OR REPLACE INTO setting (key, value) VALUES (%Q, %Q)",
                               key, value);
  char *copy = g_strdup (sql);

  sqlite3_free (sql);
  return copy;
}

static void
lock_out (Fixture *f)
{
  for (guint i = 0; i < KNS_PIN_FREE_TRIES; i++)
    kns_teacher_check_pin (f->store, "111111", NULL, NULL);
  g_assert_cmpint (kns_teacher_check_pin (f->store, PIN, NULL, NULL), ==, KNS_PIN_LOCKED);
}

/* Teacher mode stays shut whatever is typed. */
static void
assert_never_opens (Fixture *f)
{
  static const char *const guesses[] = { PIN, ATTACKER_PIN, "000000", "", "123456", "0" };

  g_assert_true (kns_teacher_pin_needed (f->store));
  for (guint i = 0; i < G_N_ELEMENTS (guesses); i++)
    g_assert_cmpint (kns_teacher_check_pin (f->store, guesses[i], NULL, NULL), !=, KNS_PIN_OK);
}

typedef struct
{
  const char   *name;
  const char   *sql;
  KnsPinResult  expected; /* KNS_PIN_OK: LOCKED or DAMAGED */
} HashAttack;

static const HashAttack hash_attacks[] = {
  { "empty", "UPDATE setting SET value = '' WHERE key = 'teacher-pin-hash'", KNS_PIN_NOT_SET },
  { "deleted", "DELETE FROM setting WHERE key = 'teacher-pin-hash'", KNS_PIN_NOT_SET },
  { "blank", "UPDATE setting SET value = ' ' WHERE key = 'teacher-pin-hash'", KNS_PIN_DAMAGED },
  { "truncated", "UPDATE setting SET value = substr (value, 1, 40) WHERE key = 'teacher-pin-hash'",
    KNS_PIN_DAMAGED },
  /* Still readable as a hash or not, depending on its last letter:
   * damaged, or a hash the lockout's seal does not match (locked). */
  { "last-character-cut",
    "UPDATE setting SET value = substr (value, 1, length (value) - 1) "
    "WHERE key = 'teacher-pin-hash'",
    KNS_PIN_OK },
  { "garbage", "UPDATE setting SET value = 'garbage' WHERE key = 'teacher-pin-hash'",
    KNS_PIN_DAMAGED },
  { "binary", "UPDATE setting SET value = x'2461726700ff' WHERE key = 'teacher-pin-hash'",
    KNS_PIN_DAMAGED },
  { "too-long",
    "UPDATE setting SET value = value || printf ('%.200c', 'A') WHERE key = 'teacher-pin-hash'",
    KNS_PIN_DAMAGED },
};

static void
test_damaged_hash (Fixture       *f,
                   gconstpointer  data)
{
  const HashAttack *hash_attack = data;
  KnsPinResult result;

  attack (f, hash_attack->sql);
  result = kns_teacher_check_pin (f->store, PIN, NULL, NULL);
  if (hash_attack->expected != KNS_PIN_OK)
    g_assert_cmpint (result, ==, hash_attack->expected);
  else
    g_assert_true (result == KNS_PIN_LOCKED || result == KNS_PIN_DAMAGED);
  assert_never_opens (f);

  /* The computer's keeper sets a new PIN, and all is well again. */
  g_assert_true (kns_teacher_set_pin (f->store, NEW_PIN, NULL));
  g_assert_cmpint (kns_teacher_check_pin (f->store, NEW_PIN, NULL, NULL), ==, KNS_PIN_OK);
}

/* "Home" opens teacher mode without a PIN, but not once a PIN was set. */
static void
test_switched_to_home (Fixture       *f,
                       gconstpointer  data)
{
  attack (f, "UPDATE setting SET value = 'home' WHERE key = 'setup'");
  g_assert_true (kns_teacher_pin_needed (f->store));

  attack (f, "DELETE FROM setting WHERE key = 'teacher-pin-hash'");
  assert_never_opens (f);
}

typedef struct
{
  const char *name;
  const char *sql;
} LockAttack;

static const LockAttack lock_attacks[] = {
  /* Zero wrong tries and nothing to wait, keeping serial and seal. */
  { "edited", NULL },
  { "deleted", "DELETE FROM setting WHERE key = 'teacher-pin-lock'" },
  { "serial-deleted", "DELETE FROM setting WHERE key = 'teacher-pin-serial'" },
  { "serial-changed", "UPDATE setting SET value = value + 1 WHERE key = 'teacher-pin-serial'" },
  { "garbage", "UPDATE setting SET value = 'x' WHERE key = 'teacher-pin-lock'" },
  /* The rows of the version before sealed records, claiming no lock. */
  { "old-rows", "DELETE FROM setting WHERE key = 'teacher-pin-lock'; "
                "INSERT INTO setting VALUES ('teacher-pin-failures', '0'), "
                "('teacher-pin-locked-until', '0')" },
};

/* "2:5:30000000:7:MAC" becomes "2:0:0:7:MAC". */
static char *
edited_lock_sql (Fixture *f)
{
  g_autofree char *lock = read_row (f, "teacher-pin-lock");
  g_auto(GStrv) fields = g_strsplit (lock, ":", -1);
  g_autofree char *edited = NULL;

  g_assert_cmpuint (g_strv_length (fields), ==, 5);
  g_assert_cmpstr (fields[1], ==, "5");
  edited = g_strdup_printf ("2:0:0:%s:%s", fields[3], fields[4]);
  return set_row_sql ("teacher-pin-lock", edited);
}

/* One edited row does not end a lockout: it locks for the longest wait. */
static void
test_lockout_row (Fixture       *f,
                  gconstpointer  data)
{
  const LockAttack *lock_attack = data;
  g_autofree char *sql = NULL;

  lock_out (f);
  sql = lock_attack->sql != NULL ? g_strdup (lock_attack->sql) : edited_lock_sql (f);
  attack (f, sql);
  g_assert_cmpint (kns_teacher_check_pin (f->store, PIN, NULL, NULL), ==, KNS_PIN_LOCKED);
  g_assert_cmpint (kns_teacher_get_wait (f->store), ==, HOUR);
  g_assert_cmpuint (kns_teacher_get_tries_left (f->store), ==, 0);

  /* Waited out, the right PIN opens again; a wrong one waits as long. */
  pass (f, HOUR - SECOND);
  g_assert_cmpint (kns_teacher_check_pin (f->store, PIN, NULL, NULL), ==, KNS_PIN_LOCKED);
  pass (f, SECOND);
  g_assert_cmpint (kns_teacher_check_pin (f->store, "000000", NULL, NULL), ==, KNS_PIN_LOCKED);
  g_assert_cmpint (kns_teacher_get_wait (f->store), ==, HOUR);
  pass (f, HOUR);
  g_assert_cmpint (kns_teacher_check_pin (f->store, PIN, NULL, NULL), ==, KNS_PIN_OK);
  g_assert_cmpuint (kns_teacher_get_tries_left (f->store), ==, KNS_PIN_FREE_TRIES);
}

/* The lockout record from before the wrong tries, put back. */
static void
test_lockout_replayed (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *before = read_row (f, "teacher-pin-lock");
  g_autofree char *sql = set_row_sql ("teacher-pin-lock", before);

  lock_out (f);
  attack (f, sql);
  g_assert_cmpint (kns_teacher_check_pin (f->store, PIN, NULL, NULL), ==, KNS_PIN_LOCKED);
  g_assert_cmpint (kns_teacher_get_wait (f->store), ==, HOUR);
}

/* The pupil's own hash in place of the teacher's, while locked: the
 * lockout still has to be waited out, and then some. */
static void
test_own_hash (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *own = kns_pin_hash (ATTACKER_PIN, NULL);
  g_autofree char *sql = set_row_sql ("teacher-pin-hash", own);

  lock_out (f);
  attack (f, sql);
  g_assert_cmpint (kns_teacher_check_pin (f->store, ATTACKER_PIN, NULL, NULL), ==, KNS_PIN_LOCKED);
  pass (f, 30 * SECOND);
  g_assert_cmpint (kns_teacher_check_pin (f->store, ATTACKER_PIN, NULL, NULL), ==, KNS_PIN_LOCKED);
  pass (f, HOUR - 31 * SECOND);
  g_assert_cmpint (kns_teacher_check_pin (f->store, ATTACKER_PIN, NULL, NULL), ==, KNS_PIN_LOCKED);
}

/* Before: the clock a day ahead ended the lockout at once. */
static void
test_clock_forwards (Fixture       *f,
                     gconstpointer  data)
{
  lock_out (f);
  f->wall += 24 * HOUR;
  f->monotonic += SECOND;
  g_assert_cmpint (kns_teacher_check_pin (f->store, PIN, NULL, NULL), ==, KNS_PIN_LOCKED);
  reopen (f);
  g_assert_cmpint (kns_teacher_check_pin (f->store, PIN, NULL, NULL), ==, KNS_PIN_LOCKED);
  g_assert_cmpint (kns_teacher_get_wait (f->store), ==, 29 * SECOND);

  /* Only the 30 s themselves open it. */
  f->monotonic += 29 * SECOND;
  g_assert_cmpint (kns_teacher_check_pin (f->store, PIN, NULL, NULL), ==, KNS_PIN_OK);
}

/* Before: the clock a year back (a flat battery) locked for a year. */
static void
test_clock_backwards (Fixture       *f,
                      gconstpointer  data)
{
  lock_out (f);
  f->wall -= 365 * 24 * HOUR;
  f->monotonic += 10 * SECOND;
  g_assert_cmpint (kns_teacher_check_pin (f->store, PIN, NULL, NULL), ==, KNS_PIN_LOCKED);
  g_assert_cmpint (kns_teacher_get_wait (f->store), ==, 20 * SECOND);
  f->monotonic += 20 * SECOND;
  g_assert_cmpint (kns_teacher_check_pin (f->store, PIN, NULL, NULL), ==, KNS_PIN_OK);
}

/* A restart neither resets the wait nor skips it: what was waited with
 * the app open counts (saved every few seconds while the PIN dialog
 * counts down), the time it was closed does not. */
static void
test_restart (Fixture       *f,
              gconstpointer  data)
{
  lock_out (f);
  /* The PIN dialog counts down meanwhile. */
  for (guint i = 0; i < 15; i++)
    {
      pass (f, SECOND);
      g_assert_cmpint (kns_teacher_get_wait (f->store), ==, (30 - i - 1) * SECOND);
    }
  reopen (f);
  pass (f, HOUR);
  reopen (f);
  g_assert_cmpint (kns_teacher_get_wait (f->store), ==, 15 * SECOND);
  g_assert_cmpint (kns_teacher_check_pin (f->store, PIN, NULL, NULL), ==, KNS_PIN_LOCKED);
  pass (f, 15 * SECOND);
  g_assert_cmpint (kns_teacher_check_pin (f->store, PIN, NULL, NULL), ==, KNS_PIN_OK);
}

/* A store of the version before sealed records keeps its lockout. */
static void
test_old_rows_kept (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *until = g_strdup_printf ("%" G_GINT64_FORMAT, f->wall + 25 * SECOND);
  g_autofree char *sql = set_row_sql ("teacher-pin-locked-until", until);
  g_autofree char *all = g_strconcat ("DELETE FROM setting WHERE key IN ('teacher-pin-lock', "
                                      "'teacher-pin-serial'); "
                                      "INSERT INTO setting VALUES ('teacher-pin-failures', '5'); ",
                                      sql, NULL);
  g_autofree char *lock = NULL;

  attack (f, all);
  g_assert_cmpint (kns_teacher_check_pin (f->store, PIN, NULL, NULL), ==, KNS_PIN_LOCKED);
  g_assert_cmpint (kns_teacher_get_wait (f->store), ==, 25 * SECOND);
  lock = read_row (f, "teacher-pin-lock");
  g_assert_true (g_str_has_prefix (lock, "2:5:"));
  g_assert_null (read_row (f, "teacher-pin-failures"));
  g_assert_null (read_row (f, "teacher-pin-locked-until"));
  pass (f, 25 * SECOND);
  g_assert_cmpint (kns_teacher_check_pin (f->store, PIN, NULL, NULL), ==, KNS_PIN_OK);
}

/* `kynangso --reset-teacher-pin` still works after every attack. */
static void
test_reset_command (Fixture       *f,
                    gconstpointer  data)
{
  const char *binary = g_getenv ("KNS_BINARY");
  static const char *const attacks[] = {
    "UPDATE setting SET value = '' WHERE key = 'teacher-pin-hash'",
    "UPDATE setting SET value = 'garbage' WHERE key = 'teacher-pin-hash'",
    "DELETE FROM setting WHERE key = 'teacher-pin-lock'",
    "DELETE FROM setting WHERE key LIKE 'teacher-pin-%'",
  };

  if (binary == NULL)
    {
      g_test_skip ("KNS_BINARY is not set");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (attacks); i++)
    {
      g_autofree char *data_dir = g_strconcat ("--data-dir=", f->dir, NULL);
      g_autoptr(GSubprocess) process = NULL;
      g_autofree char *out = NULL;
      g_autoptr(GError) error = NULL;

      lock_out (f);
      attack (f, attacks[i]);
      g_clear_object (&f->store);
      process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE,
                                  &error, binary, "--reset-teacher-pin", data_dir, NULL);
      g_assert_no_error (error);
      g_assert_true (g_subprocess_communicate_utf8 (process, NEW_PIN "\n" NEW_PIN "\n", NULL, &out,
                                                    NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);

      reopen (f);
      g_assert_cmpint (kns_teacher_check_pin (f->store, NEW_PIN, NULL, NULL), ==, KNS_PIN_OK);
      g_assert_true (kns_teacher_set_pin (f->store, PIN, NULL));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (hash_attacks); i++)
    {
      g_autofree char *path = g_strdup_printf ("/kns/pin-attack/hash/%s", hash_attacks[i].name);

      g_test_add (path, Fixture, &hash_attacks[i], fixture_set_up, test_damaged_hash,
                  fixture_tear_down);
    }
  for (guint i = 0; i < G_N_ELEMENTS (lock_attacks); i++)
    {
      g_autofree char *path = g_strdup_printf ("/kns/pin-attack/lockout/%s", lock_attacks[i].name);

      g_test_add (path, Fixture, &lock_attacks[i], fixture_set_up, test_lockout_row,
                  fixture_tear_down);
    }
  g_test_add ("/kns/pin-attack/switched-to-home", Fixture, NULL, fixture_set_up,
              test_switched_to_home, fixture_tear_down);
  g_test_add ("/kns/pin-attack/lockout/replayed", Fixture, NULL, fixture_set_up,
              test_lockout_replayed, fixture_tear_down);
  g_test_add ("/kns/pin-attack/own-hash", Fixture, NULL, fixture_set_up, test_own_hash,
              fixture_tear_down);
  g_test_add ("/kns/pin-attack/clock/forwards", Fixture, NULL, fixture_set_up, test_clock_forwards,
              fixture_tear_down);
  g_test_add ("/kns/pin-attack/clock/backwards", Fixture, NULL, fixture_set_up,
              test_clock_backwards, fixture_tear_down);
  g_test_add ("/kns/pin-attack/restart", Fixture, NULL, fixture_set_up, test_restart,
              fixture_tear_down);
  g_test_add ("/kns/pin-attack/old-rows-kept", Fixture, NULL, fixture_set_up, test_old_rows_kept,
              fixture_tear_down);
  g_test_add ("/kns/pin-attack/reset-command", Fixture, NULL, fixture_set_up, test_reset_command,
              fixture_tear_down);

  return g_test_run ();
}
