/* test-store-recovery.c — backups, damaged files, and every released schema
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

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kns-locale.h"
#include "kns-store.h"
#include "kns-store-private.h"
#include "test-store-fixture.h"

/* Backups */

static char *
backup_path (Fixture    *f,
             const char *stamp)
{
  g_autofree char *name = g_strdup_printf ("kynangso-%s.db", stamp);

  return g_build_filename (f->dir, "backups", name, NULL);
}

static void
test_backups (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsLearner) learner = add_learner (f, "Cá Voi 1", "5A", 5, KNS_SEX_UNSTATED);
  g_autofree char *folder = g_build_filename (f->dir, "backups", NULL);
  g_autofree char *first = backup_path (f, "20261005-080000");
  g_autofree char *listing = NULL;
  g_autofree char *check = NULL;
  g_autofree char *count = NULL;
  g_autoptr(GBytes) bytes = NULL;

  /* At most one a day. */
  g_assert_true (kns_store_backup_if_due (f->store, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (first, G_FILE_TEST_IS_REGULAR));
  f->now += 3 * G_TIME_SPAN_HOUR;
  g_assert_true (kns_store_backup_if_due (f->store, &error));
  listing = list_folder (folder);
  g_assert_cmpstr (listing, ==, "kynangso-20261005-080000.db");
  g_clear_pointer (&listing, g_free);

  /* A backup is one self-contained file, not in WAL mode, and whole. */
  bytes = read_bytes (first);
  g_assert_cmpint (((const guint8 *) g_bytes_get_data (bytes, NULL))[18], ==, 1);
  check = raw_text (first, "PRAGMA integrity_check");
  g_assert_cmpstr (check, ==, "ok");
  count = raw_text (first, "SELECT count (*) FROM learner");
  g_assert_cmpstr (count, ==, "1");

  /* The next day, and a few class sessions: the last five are kept. */
  f->now = local_time (2026, 10, 6, 7, 30);
  g_assert_true (kns_store_backup_if_due (f->store, &error));
  for (guint i = 0; i < 5; i++)
    {
      f->now += G_TIME_SPAN_HOUR;
      g_assert_true (kns_store_backup (f->store, &error));
      g_assert_no_error (error);
    }
  listing = list_folder (folder);
  g_assert_cmpstr (listing, ==,
                   "kynangso-20261006-083000.db kynangso-20261006-093000.db "
                   "kynangso-20261006-103000.db kynangso-20261006-113000.db "
                   "kynangso-20261006-123000.db");
}

/* Recovery */

typedef enum
{
  DAMAGE_ZERO_LENGTH,
  DAMAGE_TRUNCATED,
  DAMAGE_CORRUPT,
  DAMAGE_BAD_PAGE,
  DAMAGE_NOT_SQLITE,
} Damage;

typedef struct
{
  Damage   damage;
  gboolean with_backup;
} RecoveryCase;

static void
damage_file (const char *path,
             Damage      damage)
{
  g_autoptr(GBytes) bytes = read_bytes (path);
  gsize size = g_bytes_get_size (bytes);
  g_autofree guint8 *data = g_memdup2 (g_bytes_get_data (bytes, NULL), size);

  switch (damage)
    {
    case DAMAGE_ZERO_LENGTH:
      size = 0;
      break;
    case DAMAGE_TRUNCATED:
      /* Cut in the middle of a page, as a copy that stopped would. */
      size = size / 2 + 100;
      break;
    case DAMAGE_CORRUPT:
      /* The header stays; every b-tree page after the first is garbage. */
      g_assert_cmpuint (size, >, 3 * 4096);
      memset (data + 4096, 0x5a, size - 4096);
      break;
    case DAMAGE_BAD_PAGE:
      /* Only the last page: the schema reads, PRAGMA quick_check does not pass. */
      memset (data + size - 4096, 0x5a, 4096);
      break;
    case DAMAGE_NOT_SQLITE:
    default:
      g_free (data);
      data = (guint8 *) g_strdup ("Đây không phải là cơ sở dữ liệu.\n");
      size = strlen ((char *) data);
      break;
    }

  g_assert_true (g_file_set_contents (path, (const char *) data, size, NULL));
}

static void
test_recovery (Fixture       *f,
               gconstpointer  data)
{
  const RecoveryCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsLearner) kept = add_learner (f, "Sao Biển 1", "5A", 5, KNS_SEX_UNSTATED);
  g_autoptr(KnsLearner) lost = NULL;
  g_autoptr(GBytes) damaged = NULL;
  g_autoptr(GBytes) aside = NULL;
  g_autoptr(GPtrArray) learners = NULL;
  g_autofree char *uuid = g_strdup (kns_store_get_device_uuid (f->store));
  g_autofree char *path = g_strdup (kns_store_get_path (f->store));
  g_autofree char *expected_aside = g_strconcat (path, ".damaged-20261006-073000", NULL);
  g_autofree char *message = NULL;

  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *nickname = g_strdup_printf ("Bạch Tuộc %u", i + 1);
      g_autoptr(KnsLearner) filler = busy_learner (f, nickname, "5B");
    }
  if (c->with_backup)
    g_assert_true (kns_store_backup (f->store, NULL));
  f->now += G_TIME_SPAN_HOUR;
  lost = add_learner (f, "Cua 2", "5A", 5, KNS_SEX_UNSTATED);
  close_store (f);

  damage_file (path, c->damage);
  damaged = read_bytes (path);

  f->now = local_time (2026, 10, 6, 7, 30);
  f->store = kns_store_open_with_clock (f->dir, fixture_clock, f, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);

  /* The damaged file is kept, byte for byte, under a dated name. */
  g_assert_cmpstr (kns_store_get_moved_aside (f->store), ==, expected_aside);
  aside = read_bytes (expected_aside);
  g_assert_true (g_bytes_equal (aside, damaged));
  message = kns_store_describe_recovery (f->store);
  g_assert_nonnull (strstr (message, expected_aside));

  learners = kns_store_list_learners (f->store, "5A", TRUE, &error);
  g_assert_no_error (error);
  if (c->with_backup)
    {
      g_assert_cmpint (kns_store_get_recovery (f->store), ==, KNS_STORE_RECOVERY_RESTORED_BACKUP);
      g_assert_nonnull (kns_store_get_restored_backup (f->store));
      g_assert_nonnull (strstr (message, "(05/10/2026 08:00)"));
      g_assert_cmpuint (learners->len, ==, 1);
      g_assert_cmpstr (((KnsLearner *) g_ptr_array_index (learners, 0))->nickname, ==,
                       kept->nickname);
      g_assert_cmpstr (kns_store_get_device_uuid (f->store), ==, uuid);
    }
  else
    {
      g_assert_cmpint (kns_store_get_recovery (f->store), ==, KNS_STORE_RECOVERY_STARTED_FRESH);
      g_assert_null (kns_store_get_restored_backup (f->store));
      g_assert_cmpuint (learners->len, ==, 0);
    }

  /* What replaced it is sound: the next start finds nothing to do. */
  reopen_store (f);
  g_assert_cmpint (kns_store_get_recovery (f->store), ==, KNS_STORE_RECOVERY_NONE);
  g_assert_true (g_file_test (expected_aside, G_FILE_TEST_IS_REGULAR));
}

static void
test_recovery_skips_bad_backup (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsLearner) first = add_learner (f, "Voi Con 1", "5A", 5, KNS_SEX_UNSTATED);
  g_autoptr(KnsLearner) second = NULL;
  g_autoptr(GPtrArray) learners = NULL;
  g_autofree char *older = backup_path (f, "20261005-080000");
  g_autofree char *newer = backup_path (f, "20261005-090000");
  g_autofree char *path = g_strdup (kns_store_get_path (f->store));

  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *nickname = g_strdup_printf ("Ếch Con %u", i + 1);
      g_autoptr(KnsLearner) filler = busy_learner (f, nickname, "5B");
    }
  g_assert_true (kns_store_backup (f->store, NULL));
  f->now += G_TIME_SPAN_HOUR;
  second = add_learner (f, "Voi Con 2", "5A", 5, KNS_SEX_UNSTATED);
  g_assert_true (kns_store_backup (f->store, NULL));
  close_store (f);

  /* The newest backup is damaged too: the one before it is restored. */
  damage_file (newer, DAMAGE_CORRUPT);
  damage_file (path, DAMAGE_NOT_SQLITE);
  f->store = open_store (f);
  g_assert_cmpint (kns_store_get_recovery (f->store), ==, KNS_STORE_RECOVERY_RESTORED_BACKUP);
  g_assert_cmpstr (kns_store_get_restored_backup (f->store), ==, older);
  learners = kns_store_list_learners (f->store, "5A", TRUE, &error);
  g_assert_cmpuint (learners->len, ==, 1);
  g_assert_cmpstr (((KnsLearner *) g_ptr_array_index (learners, 0))->nickname, ==, "Voi Con 1");
}

static void
test_orphan_wal (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsLearner) learner = add_learner (f, "Sóc 7", "5A", 5, KNS_SEX_UNSTATED);
  g_autoptr(GPtrArray) learners = NULL;
  g_autofree char *path = g_strdup (kns_store_get_path (f->store));
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *orphan = g_strconcat (path, ".orphan-20261005-080000-wal", NULL);
  g_autofree char *check = NULL;
  g_autoptr(GBytes) log = read_bytes (wal);

  /* Someone deletes the database by hand and leaves its log. */
  g_assert_cmpuint (g_bytes_get_size (log), >, 0);
  close_store (f);
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_true (g_file_set_contents (wal, g_bytes_get_data (log, NULL), g_bytes_get_size (log),
                                     NULL));

  /* The log is kept aside, not replayed into the new database. */
  f->store = open_store (f);
  g_assert_true (g_file_test (orphan, G_FILE_TEST_IS_REGULAR));
  learners = kns_store_list_learners (f->store, NULL, TRUE, &error);
  g_assert_cmpuint (learners->len, ==, 0);
  check = raw_text (path, "PRAGMA integrity_check");
  g_assert_cmpstr (check, ==, "ok");
}

/* Each released schema version's file, opened by today's code. */
static void
test_schema_1 (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", "store", "schema-1.db",
                                                    NULL);
  g_autofree char *path = g_strdup (kns_store_get_path (f->store));
  g_autoptr(GBytes) bytes = read_bytes (fixture);
  g_autoptr(GPtrArray) learners = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(KnsProgress) progress = NULL;
  g_autoptr(KnsAttempt) attempt = NULL;
  g_autofree char *school = NULL;
  g_autofree char *tallies = NULL;
  KnsLearner *an;
  KnsClassSession *session;

  close_store (f);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                     g_bytes_get_size (bytes), NULL));
  f->store = open_store (f);

  g_assert_cmpint (kns_store_get_recovery (f->store), ==, KNS_STORE_RECOVERY_NONE);
  g_assert_cmpuint (kns_store_get_schema_version (f->store), ==, kns_store_schema_latest ());
  g_assert_cmpstr (kns_store_get_device_uuid (f->store), ==,
                   "5b0c3d4e-9a51-4c36-8d3e-0f6f2a7b1c90");
  school = kns_store_get_setting (f->store, KNS_STORE_SETTING_SCHOOL_NAME, &error);
  g_assert_cmpstr (school, ==, "Trường Tiểu học Kim Đồng");
  g_assert_cmpuint (kns_store_get_enrolment (f->store, 2026, 5, KNS_SEX_FEMALE, &error), ==, 32);

  learners = kns_store_list_learners (f->store, NULL, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (learners->len, ==, 3);
  an = g_ptr_array_index (learners, 2);
  g_assert_cmpstr (an->nickname, ==, "Sư Tử 1");
  g_assert_cmpstr (an->class_label, ==, "5A");
  g_assert_cmpint (an->sex, ==, KNS_SEX_MALE);
  g_assert_true (((KnsLearner *) g_ptr_array_index (learners, 0))->archived);

  progress = kns_store_get_progress (f->store, an->id, "t2-b", &error);
  g_assert_cmpint (progress->state, ==, KNS_LESSON_DONE);
  g_assert_cmpint (progress->best_score, ==, 100);
  attempt = kns_store_get_last_attempt (f->store, an->id, "t2-b", &error);
  g_assert_cmpuint (attempt->score, ==, 67);
  g_assert_cmpuint (attempt->answers->len, ==, 3);
  assert_answer (attempt, 0, "q1", 1, TRUE);

  sessions = kns_store_list_sessions (f->store, &error);
  g_assert_cmpuint (sessions->len, ==, 1);
  session = g_ptr_array_index (sessions, 0);
  g_assert_cmpstr (session->title, ==, "An toàn trên mạng");
  g_assert_cmpstr (session->notes, ==, "Lớp sôi nổi.");
  g_assert_cmpuint (session->attendance, ==, 2);

  tallies = dump_tallies (f);
  g_assert_cmpint (raw_int (f, "SELECT sum (attempts) FROM tally_day"), ==, 3);
  g_assert_cmpint (raw_int (f, "SELECT sum (score_sum) FROM tally_day"), ==, 217);
  g_assert_cmpint (raw_int (f, "SELECT sum (participants) FROM tally_headcount "
                               "WHERE session_uuid = ''"), ==, 3);
}

/* Version 2 added the figures imported from other lab computers. */
static void
test_schema_2 (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", "store", "schema-2.db",
                                                    NULL);
  g_autofree char *path = g_strdup (kns_store_get_path (f->store));
  g_autoptr(GBytes) bytes = read_bytes (fixture);
  g_autoptr(GPtrArray) bundles = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) lessons = NULL;
  g_autoptr(GPtrArray) own = NULL;
  g_autoptr(GPtrArray) all = NULL;
  KnsImportedBundle *bundle;
  KnsSessionSummary *imported;
  guint64            completions = 0;

  close_store (f);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), NULL));
  f->store = open_store (f);
  g_assert_cmpuint (kns_store_get_schema_version (f->store), ==, kns_store_schema_latest ());
  g_assert_cmpuint (kns_store_get_enrolment (f->store, 2026, 5, KNS_SEX_MALE, &error), ==, 30);

  bundles = kns_store_list_imported_bundles (f->store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bundles->len, ==, 1);
  bundle = g_ptr_array_index (bundles, 0);
  g_assert_cmpstr (bundle->device_uuid, ==, "0d7e1f52-6c1b-4a8e-9f0e-2b4c6d8e0a13");
  g_assert_cmpuint (bundle->school_year, ==, 2026);
  g_assert_cmpstr (bundle->file_name, ==, "may-2.json");

  sessions = kns_store_list_session_summaries (f->store, 2026, KNS_TALLY_ALL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, 2);
  imported = g_ptr_array_index (sessions, 1);
  g_assert_cmpstr (imported->title, ==, "Mật khẩu an toàn");
  g_assert_cmpuint (imported->participants, ==, 0);
  g_assert_cmpstr (imported->competences[0], ==, "4.2");

  lessons = kns_store_list_imported_lessons (f->store, 2026, &error);
  g_assert_cmpuint (lessons->len, ==, 1);
  g_assert_cmpstr (((KnsLessonSummary *) g_ptr_array_index (lessons, 0))->channels[0], ==, "111");

  own = kns_store_sum_tallies (f->store, "2026-09-01", "2027-08-31", NULL, KNS_TALLY_OWN, &error);
  all = kns_store_sum_tallies (f->store, "2026-09-01", "2027-08-31", NULL, KNS_TALLY_ALL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    completions += ((KnsTallyRow *) g_ptr_array_index (all, i))->completions;
  for (guint i = 0; i < own->len; i++)
    completions -= ((KnsTallyRow *) g_ptr_array_index (own, i))->completions;
  g_assert_cmpuint (completions, ==, 6);
}

/* Version 3 added record keys; version 4 (issue 21) the session's check.
 * The schema-3 file keeps its keys, and a check can be taken at once. */
static void
test_schema_3 (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", "store", "schema-3.db",
                                                    NULL);
  g_autofree char *path = g_strdup (kns_store_get_path (f->store));
  g_autoptr(GBytes) bytes = read_bytes (fixture);
  g_autofree char *keys_before = raw_text (fixture, "SELECT group_concat (attempt_key) FROM "
                                                    "(SELECT attempt_key FROM tally_day "
                                                    " ORDER BY day, lesson_id, grade)");
  g_autofree char *keys_after = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) learners = NULL;
  g_autoptr(KnsClassSession) session = NULL;
  g_autoptr(KnsCheckRun) run = NULL;
  KnsLearner *an;

  close_store (f);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), NULL));
  f->store = open_store (f);
  g_assert_cmpint (kns_store_get_recovery (f->store), ==, KNS_STORE_RECOVERY_NONE);
  g_assert_cmpuint (kns_store_get_schema_version (f->store), ==, 4);
  g_assert_cmpuint (kns_store_get_schema_version (f->store), ==, kns_store_schema_latest ());

  keys_after = raw_text (path, "SELECT group_concat (attempt_key) FROM "
                               "(SELECT attempt_key FROM tally_day ORDER BY day, lesson_id, grade)");
  g_assert_cmpstr (keys_after, ==, keys_before);
  g_assert_cmpint (raw_int (f, "SELECT sum (score_sum) FROM tally_day"), ==, 217);

  rows = kns_store_list_check_rows (f->store, 2026, KNS_TALLY_ALL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 0);

  learners = kns_store_list_learners (f->store, "5A", FALSE, &error);
  an = g_ptr_array_index (learners, 0);
  session = kns_store_start_session (f->store, "5A", 5, 2, "Kiểm tra", KNS_SESSION_FORMAT_IN_PERSON,
                                     NULL, &error);
  g_assert_no_error (error);
  g_assert_true (kns_store_sign_in (f->store, an->id, &error));
  run = kns_store_start_check (f->store, an->id, session->uuid, KNS_CHECK_BEFORE, "t2-kiem-tra",
                               "v1", 2, &error);
  g_assert_no_error (error);
  g_assert_nonnull (run);
}

static const RecoveryCase recovery_cases[] = {
  { DAMAGE_ZERO_LENGTH, TRUE },
  { DAMAGE_ZERO_LENGTH, FALSE },
  { DAMAGE_TRUNCATED, TRUE },
  { DAMAGE_TRUNCATED, FALSE },
  { DAMAGE_CORRUPT, TRUE },
  { DAMAGE_CORRUPT, FALSE },
  { DAMAGE_BAD_PAGE, TRUE },
  { DAMAGE_BAD_PAGE, FALSE },
  { DAMAGE_NOT_SQLITE, TRUE },
  { DAMAGE_NOT_SQLITE, FALSE },
};

static const char *const damage_names[] = {
  "zero-length", "truncated", "corrupt", "bad-page", "not-sqlite"
};

int
main (int   argc,
      char *argv[])
{
  /* Việt Nam's time, with no tzdata needed: days and school years turn
   * at local midnight, 17:00 UTC. */
  g_setenv ("TZ", "ICT-7", TRUE);
  g_test_init (&argc, &argv, NULL);

  ADD ("/kns/store/backups", test_backups);
  for (guint i = 0; i < G_N_ELEMENTS (recovery_cases); i++)
    {
      const RecoveryCase *c = &recovery_cases[i];
      g_autofree char *path = g_strdup_printf ("/kns/store/recovery/%s/%s", damage_names[c->damage],
                                               c->with_backup ? "backup" : "no-backup");

      g_test_add (path, Fixture, c, fixture_set_up, test_recovery, fixture_tear_down);
    }
  ADD ("/kns/store/recovery/skips-bad-backup", test_recovery_skips_bad_backup);
  ADD ("/kns/store/recovery/orphan-wal", test_orphan_wal);
  ADD ("/kns/store/fixtures/schema-1", test_schema_1);
  ADD ("/kns/store/fixtures/schema-2", test_schema_2);
  ADD ("/kns/store/fixtures/schema-3", test_schema_3);

  return g_test_run ();
}
