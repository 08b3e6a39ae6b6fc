/* test-store-learners.c — learners and the privacy operations
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

/* Learners */

static void
test_learners (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsLearner) meo = add_learner (f, "  Mèo   Con 7 ", " 5A ", 5, KNS_SEX_UNSTATED);
  g_autoptr(KnsLearner) ca = add_learner (f, "Cá Heo Xanh 12", "5A", 5, KNS_SEX_UNSTATED);
  g_autoptr(KnsLearner) gau = add_learner (f, "Gấu Trúc 3", "2B", 2, KNS_SEX_UNSTATED);
  g_autoptr(KnsLearner) got = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_auto(GStrv) classes = NULL;

  g_assert_cmpstr (meo->nickname, ==, "Mèo Con 7");
  g_assert_cmpstr (meo->class_label, ==, "5A");
  g_assert_cmpint (meo->kind, ==, KNS_LEARNER_PROFILE);
  g_assert_cmpint (meo->created, ==, f->now);

  got = kns_store_get_learner (f->store, meo->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (got->id, ==, meo->id);
  g_assert_cmpstr (got->nickname, ==, "Mèo Con 7");
  g_assert_cmpstr (got->avatar, ==, "cat");
  g_assert_cmpuint (got->grade, ==, 5);
  g_assert_cmpint (got->last_seen, ==, f->now);
  g_assert_false (got->archived);

  list = kns_store_list_learners (f->store, "5A", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((KnsLearner *) g_ptr_array_index (list, 0))->nickname, ==, "Cá Heo Xanh 12");
  g_clear_pointer (&list, g_ptr_array_unref);
  list = kns_store_list_learners (f->store, NULL, FALSE, &error);
  g_assert_cmpuint (list->len, ==, 3);

  classes = kns_store_list_classes (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (classes), ==, 2);
  g_assert_cmpstr (classes[0], ==, "2B");
  g_assert_cmpstr (classes[1], ==, "5A");

  /* Moving up a grade and to another class. */
  g_free (gau->nickname);
  gau->nickname = g_strdup ("Gấu Trúc 4");
  g_free (gau->class_label);
  gau->class_label = g_strdup ("3B");
  gau->grade = 3;
  g_assert_true (kns_store_update_learner (f->store, gau, &error));
  g_assert_no_error (error);
  g_clear_pointer (&got, kns_learner_free);
  got = kns_store_get_learner (f->store, gau->id, &error);
  g_assert_cmpstr (got->nickname, ==, "Gấu Trúc 4");
  g_assert_cmpstr (got->class_label, ==, "3B");
  g_assert_cmpuint (got->grade, ==, 3);
}

static void
assert_add_invalid (Fixture    *f,
                    const char *nickname,
                    guint       grade)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsLearner) learner = kns_store_add_learner (f->store, nickname, "5A", grade, NULL,
                                                         KNS_SEX_UNSTATED, &error);

  g_assert_null (learner);
  g_assert_error (error, KNS_STORE_ERROR, KNS_STORE_ERROR_INVALID);
  g_test_message ("%s", error->message);
}

/* The sign-in grid and the class list read as a Vietnamese teacher
 * expects, on a lab PC whose locale is C: "Ếch" among the Es, "Đậu"
 * among the Ds, "4A" before "10A". */
static void
test_learner_order (Fixture       *f,
                    gconstpointer  data)
{
  const char *const added[] = { "Thỏ Ngọc", "ếch xanh", "Đậu Đỏ", "Cú Mèo", "Ếch Con", "Gấu Nâu", "An" };
  const char *const expected[] = { "An", "Cú Mèo", "Đậu Đỏ", "Ếch Con", "ếch xanh", "Gấu Nâu", "Thỏ Ngọc" };
  const char *const classes_added[] = { "10A", "4B", "12C", "Đặc biệt", "Câu lạc bộ" };
  const char *const classes_expected[] = { "4A", "4B", "10A", "12C", "Câu lạc bộ", "Đặc biệt" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_auto(GStrv) classes = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (added); i++)
    kns_learner_free (add_learner (f, added[i], "4A", 4, KNS_SEX_UNSTATED));
  for (guint i = 0; i < G_N_ELEMENTS (classes_added); i++)
    kns_learner_free (add_learner (f, "Sóc", classes_added[i], 4, KNS_SEX_UNSTATED));

  list = kns_store_list_learners (f->store, "4A", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (((KnsLearner *) g_ptr_array_index (list, i))->nickname, ==, expected[i]);

  classes = kns_store_list_classes (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (classes), ==, G_N_ELEMENTS (classes_expected));
  for (guint i = 0; i < G_N_ELEMENTS (classes_expected); i++)
    g_assert_cmpstr (classes[i], ==, classes_expected[i]);
}

static void
test_learner_invalid (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsLearner) learner = add_learner (f, "Sóc 1", "5A", 5, KNS_SEX_UNSTATED);
  g_autoptr(GPtrArray) list = NULL;

  assert_add_invalid (f, "", 5);
  assert_add_invalid (f, " \t ", 5);
  assert_add_invalid (f, "Chim Cánh Cụt Tinh Nghịch 99", 5);
  assert_add_invalid (f, "Sóc 2", 0);
  assert_add_invalid (f, "Sóc 2", 13);

  learner->grade = 13;
  g_assert_false (kns_store_update_learner (f->store, learner, &error));
  g_assert_error (error, KNS_STORE_ERROR, KNS_STORE_ERROR_INVALID);
  g_clear_error (&error);

  learner->grade = 5;
  learner->id += 100;
  g_assert_false (kns_store_update_learner (f->store, learner, &error));
  g_assert_error (error, KNS_STORE_ERROR, KNS_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_null (kns_store_get_learner (f->store, 999, &error));
  g_assert_error (error, KNS_STORE_ERROR, KNS_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (kns_store_delete_learner (f->store, 999, &error));
  g_assert_error (error, KNS_STORE_ERROR, KNS_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (kns_store_sign_in (f->store, 999, &error));
  g_assert_error (error, KNS_STORE_ERROR, KNS_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Nothing half-saved. */
  list = kns_store_list_learners (f->store, NULL, TRUE, &error);
  g_assert_cmpuint (list->len, ==, 1);
}

static void
test_record_sex (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(KnsLearner) before = add_learner (f, "Thỏ Ngọc 1", "5A", 5, KNS_SEX_FEMALE);
  g_autoptr(KnsLearner) during = NULL;
  g_autoptr(KnsLearner) after = NULL;
  g_autofree char *value = kns_store_get_setting (f->store, KNS_STORE_SETTING_RECORD_SEX, NULL);

  /* Not recorded unless the school asks. */
  g_assert_cmpstr (value, ==, "false");
  g_assert_cmpint (before->sex, ==, KNS_SEX_UNSTATED);

  set_setting (f, KNS_STORE_SETTING_RECORD_SEX, "true");
  during = add_learner (f, "Thỏ Ngọc 2", "5A", 5, KNS_SEX_FEMALE);
  g_assert_cmpint (during->sex, ==, KNS_SEX_FEMALE);
  sign_in (f, during->id);
  g_assert_cmpint (headcount (f, 2026, "", 5, KNS_SEX_FEMALE, 2), ==, 1);

  /* Stopping forgets what was recorded; the tallies keep their counts. */
  set_setting (f, KNS_STORE_SETTING_RECORD_SEX, "false");
  after = kns_store_get_learner (f->store, during->id, NULL);
  g_assert_cmpint (after->sex, ==, KNS_SEX_UNSTATED);
  g_assert_cmpint (headcount (f, 2026, "", 5, KNS_SEX_FEMALE, 2), ==, 1);
}

static void
assert_duplicate (KnsLearner *learner,
                  GError     *error,
                  const char *mentioned)
{
  g_assert_null (learner);
  g_assert_error (error, KNS_STORE_ERROR, KNS_STORE_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, mentioned));
  g_test_message ("%s", error->message);
}

/* Two pupils of one class cannot share a nickname, whatever its case,
 * accents or spaces: they would sign in as each other. */
static void
test_nickname_unique (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(KnsLearner) meo = add_learner (f, "Mèo Con 7", "5A", 5, KNS_SEX_UNSTATED);
  g_autoptr(KnsLearner) other_class = add_learner (f, "Mèo Con 7", "5B", 5, KNS_SEX_UNSTATED);
  g_autoptr(KnsLearner) no_class = add_learner (f, "Sóc", "", 5, KNS_SEX_UNSTATED);
  g_autoptr(KnsLearner) got = NULL;
  g_autoptr(GPtrArray) list = NULL;
  const char *const same[] = { "Mèo Con 7", "meo con 7", "  MÈO  CON 7", "Mẹo Còn 7" };

  for (guint i = 0; i < G_N_ELEMENTS (same); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(KnsLearner) twin = kns_store_add_learner (f->store, same[i], "5A", 5, "cat",
                                                          KNS_SEX_UNSTATED, &error);

      assert_duplicate (twin, error, "5A");
      assert_duplicate (NULL, error, "Mèo Con 7");
    }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(KnsLearner) twin = kns_store_add_learner (f->store, "sóc", "", 5, "cat",
                                                        KNS_SEX_UNSTATED, &error);

    assert_duplicate (twin, error, "Sóc");
  }

  /* Moving the 5B pupil into 5A is refused too, and changes nothing. */
  {
    g_autoptr(GError) error = NULL;

    g_free (other_class->class_label);
    other_class->class_label = g_strdup ("5A");
    g_assert_false (kns_store_update_learner (f->store, other_class, &error));
    g_assert_error (error, KNS_STORE_ERROR, KNS_STORE_ERROR_DUPLICATE);
    got = kns_store_get_learner (f->store, other_class->id, NULL);
    g_assert_cmpstr (got->class_label, ==, "5B");
  }

  /* A pupil keeps their own nickname when other things change. */
  meo->grade = 6;
  g_assert_true (kns_store_update_learner (f->store, meo, NULL));

  /* Once 5A is archived, a new 5A may use the name again; guests are
   * all "Guest". */
  g_assert_cmpuint (kns_store_archive_class (f->store, "5A", NULL), ==, 1);
  kns_learner_free (add_learner (f, "Mèo Con 7", "5A", 5, KNS_SEX_UNSTATED));
  kns_learner_free (kns_store_add_guest (f->store, 5, NULL, NULL));
  kns_learner_free (kns_store_add_guest (f->store, 5, NULL, NULL));
  list = kns_store_list_learners (f->store, NULL, TRUE, NULL);
  g_assert_cmpuint (list->len, ==, 4);
}

/* Privacy operations */

static void
test_delete_learner (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsClassSession) session = NULL;
  g_autoptr(KnsClassSession) running = NULL;
  g_autoptr(KnsLearner) learner = NULL;
  g_autoptr(KnsAttempt) attempt = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  session = kns_store_start_session (f->store, "5A", 5, 2, "Buổi", KNS_SESSION_FORMAT_IN_PERSON,
                                     NULL, NULL);
  learner = busy_learner (f, "Kỳ Lân 9", "5A");
  attempt = kns_store_get_last_attempt (f->store, learner->id, "t2-b", NULL);
  before = dump_tallies (f);
  g_assert_cmpint (count_learner_rows (f), >, 6);

  g_assert_true (kns_store_delete_learner (f->store, learner->id, &error));
  g_assert_no_error (error);

  /* Every row about them is gone; the tallies are the same. */
  g_assert_cmpint (count_learner_rows (f), ==, 0);
  after = dump_tallies (f);
  g_assert_cmpstr (after, ==, before);
  g_assert_null (kns_store_get_learner (f->store, learner->id, &error));
  g_assert_error (error, KNS_STORE_ERROR, KNS_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (kns_store_get_attempt (f->store, attempt->id, &error));
  g_assert_error (error, KNS_STORE_ERROR, KNS_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (kns_store_list_progress (f->store, learner->id, &error));
  g_assert_error (error, KNS_STORE_ERROR, KNS_STORE_ERROR_NOT_FOUND);

  running = kns_store_get_running_session (f->store, NULL);
  g_assert_cmpuint (running->attendance, ==, 1);
}

static void
test_archive_class (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsLearner) a = busy_learner (f, "Cú Mèo 1", "5A");
  g_autoptr(KnsLearner) b = busy_learner (f, "Cú Mèo 2", "5A");
  g_autoptr(KnsLearner) c = busy_learner (f, "Cú Mèo 3", "5B");
  g_autoptr(GPtrArray) grid = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(KnsProgress) progress = NULL;
  g_auto(GStrv) classes = NULL;
  g_autofree char *before = dump_tallies (f);
  g_autofree char *after = NULL;

  g_assert_cmpuint (kns_store_archive_class (f->store, "5A", &error), ==, 2);
  g_assert_no_error (error);
  g_assert_cmpuint (kns_store_archive_class (f->store, "5A", &error), ==, 0);

  /* They leave the sign-in grid and the list of classes. */
  grid = kns_store_list_learners (f->store, NULL, FALSE, &error);
  g_assert_cmpuint (grid->len, ==, 1);
  g_assert_cmpint (((KnsLearner *) g_ptr_array_index (grid, 0))->id, ==, c->id);
  all = kns_store_list_learners (f->store, NULL, TRUE, &error);
  g_assert_cmpuint (all->len, ==, 3);
  classes = kns_store_list_classes (f->store, &error);
  g_assert_cmpuint (g_strv_length (classes), ==, 1);
  g_assert_cmpstr (classes[0], ==, "5B");

  /* Their progress stays until the retention limit; tallies unchanged. */
  progress = kns_store_get_progress (f->store, a->id, "t2-b", &error);
  g_assert_cmpint (progress->state, ==, KNS_LESSON_DONE);
  after = dump_tallies (f);
  g_assert_cmpstr (after, ==, before);
}

static void
test_purge_inactive (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsLearner) old = busy_learner (f, "Bướm 1", "5A");
  g_autoptr(KnsLearner) recent = NULL;
  g_autoptr(KnsLearner) got = NULL;
  g_autofree char *retention = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  retention = kns_store_get_setting (f->store, KNS_STORE_SETTING_RETENTION_DAYS, NULL);
  g_assert_cmpstr (retention, ==, "365");

  f->now += 200 * G_TIME_SPAN_DAY;
  recent = busy_learner (f, "Bướm 2", "6A");
  before = dump_tallies (f);

  /* 365 days less a minute: nobody is old enough yet. */
  f->now += 165 * G_TIME_SPAN_DAY - G_TIME_SPAN_MINUTE;
  g_assert_cmpuint (kns_store_purge_inactive (f->store, 365, &error), ==, 0);
  f->now += 2 * G_TIME_SPAN_MINUTE;
  g_assert_cmpuint (kns_store_purge_inactive (f->store, 365, &error), ==, 1);
  g_assert_no_error (error);

  g_assert_null (kns_store_get_learner (f->store, old->id, &error));
  g_assert_error (error, KNS_STORE_ERROR, KNS_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  got = kns_store_get_learner (f->store, recent->id, &error);
  g_assert_no_error (error);
  after = dump_tallies (f);
  g_assert_cmpstr (after, ==, before);
}

static void
test_guest (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsLearner) guest = kns_store_add_guest (f->store, 3, "owl", &error);
  g_autoptr(KnsLearner) second = NULL;
  g_autoptr(KnsLearner) leftover = NULL;
  g_autoptr(KnsAttempt) attempt = NULL;
  g_autoptr(GPtrArray) grid = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (guest->kind, ==, KNS_LEARNER_GUEST);
  g_assert_cmpstr (guest->class_label, ==, "");
  g_assert_cmpstr (guest->nickname, ==, "Guest");
  g_assert_null (kns_store_add_guest (f->store, 0, NULL, &error));
  g_assert_error (error, KNS_STORE_ERROR, KNS_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Guests never appear in the sign-in grid. */
  grid = kns_store_list_learners (f->store, NULL, TRUE, &error);
  g_assert_cmpuint (grid->len, ==, 0);

  sign_in (f, guest->id);
  attempt = take_quiz (f, guest->id, "t1-a", 1, 2, 2);
  g_assert_true (kns_store_sign_out (f->store, guest->id, &error));
  g_assert_no_error (error);

  /* Nothing of theirs is kept but the counts. */
  g_assert_cmpint (count_learner_rows (f), ==, 0);
  g_assert_null (kns_store_get_attempt (f->store, attempt->id, &error));
  g_assert_error (error, KNS_STORE_ERROR, KNS_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (headcount (f, 2026, "", 3, KNS_SEX_UNSTATED, 1), ==, 1);
  g_assert_cmpint (raw_int (f, "SELECT sum (attempts) FROM tally_day"), ==, 1);

  /* Each guest is a new participant. */
  second = kns_store_add_guest (f->store, 3, "owl", &error);
  sign_in (f, second->id);
  g_assert_true (kns_store_sign_out (f->store, second->id, &error));
  g_assert_cmpint (headcount (f, 2026, "", 3, KNS_SEX_UNSTATED, 1), ==, 2);

  /* A guest left behind by a crash goes at the next start. */
  leftover = kns_store_add_guest (f->store, 3, "owl", &error);
  sign_in (f, leftover->id);
  reopen_store (f);
  g_assert_cmpint (count_learner_rows (f), ==, 0);
  g_assert_cmpint (headcount (f, 2026, "", 3, KNS_SEX_UNSTATED, 1), ==, 3);
}

static void
test_sign_out (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsLearner) learner = add_learner (f, "Rồng Con 1", "5A", 5, KNS_SEX_UNSTATED);
  g_autoptr(KnsLearner) got = NULL;

  f->now += G_TIME_SPAN_HOUR;
  g_assert_true (kns_store_sign_out (f->store, learner->id, &error));
  g_assert_no_error (error);
  got = kns_store_get_learner (f->store, learner->id, &error);
  g_assert_cmpint (got->last_seen, ==, f->now);

  g_assert_false (kns_store_sign_out (f->store, 999, &error));
  g_assert_error (error, KNS_STORE_ERROR, KNS_STORE_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  /* Việt Nam's time, with no tzdata needed: days and school years turn
   * at local midnight, 17:00 UTC. */
  g_setenv ("TZ", "ICT-7", TRUE);
  g_test_init (&argc, &argv, NULL);

  ADD ("/kns/store/learners/add-list-update", test_learners);
  ADD ("/kns/store/learners/order", test_learner_order);
  ADD ("/kns/store/learners/invalid", test_learner_invalid);
  ADD ("/kns/store/learners/record-sex", test_record_sex);
  ADD ("/kns/store/learners/nickname-unique", test_nickname_unique);
  ADD ("/kns/store/learners/sign-out", test_sign_out);
  ADD ("/kns/store/privacy/delete-learner", test_delete_learner);
  ADD ("/kns/store/privacy/archive-class", test_archive_class);
  ADD ("/kns/store/privacy/purge-inactive", test_purge_inactive);
  ADD ("/kns/store/privacy/guest", test_guest);

  return g_test_run ();
}
