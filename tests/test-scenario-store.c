/* test-scenario-store.c — a scenario run, kept as a quiz attempt
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

#include "kns-store-scenario.h"
#include "kns-test-common.h"

typedef struct
{
  char     *dir;
  KnsStore *store;
  gint64    learner;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsLearner) learner = NULL;

  f->dir = g_dir_make_tmp ("kns-scenario-store-XXXXXX", &error);
  g_assert_no_error (error);
  f->store = kns_store_open (f->dir, &error);
  g_assert_no_error (error);
  learner = kns_store_add_learner (f->store, "Cú Mèo 3", "4A", 4, "owl", KNS_SEX_UNSTATED, &error);
  g_assert_no_error (error);
  f->learner = learner->id;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->store);
  kns_test_remove_tree (f->dir);
  g_free (f->dir);
}

static KnsAnswer *
answer_at (KnsAttempt *attempt,
           guint       index)
{
  g_assert_cmpuint (index, <, attempt->answers->len);
  return g_ptr_array_index (attempt->answers, index);
}

static void
test_safe_run (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsAttempt) run = NULL;
  g_autoptr(KnsAttempt) open = NULL;
  g_autoptr(KnsAttempt) done = NULL;
  g_autoptr(KnsProgress) progress = NULL;
  g_autofree char *counts = NULL;

  run = kns_store_start_scenario (f->store, f->learner, "t2-vong-lap", "v1", 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (run->n_questions, ==, 1);

  /* mot → hai → back to mot → hai → the ending: revisits get "#2". */
  g_assert_true (kns_store_record_choice (f->store, run->id, "mot", 0, &error));
  g_assert_true (kns_store_record_choice (f->store, run->id, "hai", 0, &error));
  g_assert_true (kns_store_record_choice (f->store, run->id, "mot", 0, &error));
  g_assert_true (kns_store_record_choice (f->store, run->id, "hai", 1, &error));
  g_assert_no_error (error);

  /* Interrupted here, the run is found again with its path. */
  progress = kns_store_get_progress (f->store, f->learner, "t2-vong-lap", &error);
  g_assert_cmpint (progress->state, ==, KNS_LESSON_QUIZ);
  g_clear_pointer (&progress, kns_progress_free);
  open = kns_store_get_open_attempt (f->store, f->learner, "t2-vong-lap", "v1", &error);
  g_assert_nonnull (open);
  g_assert_cmpuint (open->answers->len, ==, 4);
  g_assert_cmpstr (answer_at (open, 0)->question_id, ==, "mot");
  g_assert_cmpstr (answer_at (open, 2)->question_id, ==, "mot#2");
  g_assert_cmpstr (answer_at (open, 3)->question_id, ==, "hai#2");
  g_assert_cmpuint (answer_at (open, 3)->chosen, ==, 1u << 1);
  g_assert_false (answer_at (open, 3)->correct);
  g_assert_true (kns_store_answer_is_scene (answer_at (open, 2), "mot"));
  g_assert_false (kns_store_answer_is_scene (answer_at (open, 2), "mo"));
  g_assert_cmpint (kns_store_answer_get_choice (answer_at (open, 3)), ==, 1);
  g_assert_cmpstr ((counts = kns_test_tally (f->store, "t2-vong-lap")), ==, "0/0/0/0");
  g_clear_pointer (&counts, g_free);

  done = kns_store_finish_scenario (f->store, run->id, "het", TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (done->finished, >, 0);
  g_assert_cmpuint (done->score, ==, 100);
  g_assert_cmpuint (done->n_correct, ==, 1);
  g_assert_true (done->passed);
  g_assert_cmpuint (done->answers->len, ==, 5);
  g_assert_cmpstr (answer_at (done, 4)->question_id, ==, "het");
  g_assert_cmpuint (answer_at (done, 4)->chosen, ==, 0);
  g_assert_true (answer_at (done, 4)->correct);
  g_assert_cmpint (kns_store_answer_get_choice (answer_at (done, 4)), ==, -1);

  /* Done, counted like a finished quiz; a finished run takes no more. */
  progress = kns_store_get_progress (f->store, f->learner, "t2-vong-lap", &error);
  g_assert_cmpint (progress->state, ==, KNS_LESSON_DONE);
  g_assert_cmpint (progress->best_score, ==, 100);
  g_assert_cmpstr ((counts = kns_test_tally (f->store, "t2-vong-lap")), ==, "1/1/100/1");
  g_assert_null (kns_store_get_open_attempt (f->store, f->learner, "t2-vong-lap", "v1", &error));
  g_assert_no_error (error);
  g_assert_false (kns_store_record_choice (f->store, run->id, "mot", 0, &error));
  g_assert_error (error, KNS_STORE_ERROR, KNS_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (kns_store_finish_scenario (f->store, run->id, "het", TRUE, &error));
  g_assert_error (error, KNS_STORE_ERROR, KNS_STORE_ERROR_INVALID);
}

static void
test_unsafe_then_safe (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsAttempt) run = NULL;
  g_autoptr(KnsAttempt) done = NULL;
  g_autoptr(KnsProgress) progress = NULL;
  g_autofree char *counts = NULL;

  run = kns_store_start_scenario (f->store, f->learner, "t2-kim-cuong", "v1", 2, &error);
  g_assert_true (kns_store_record_choice (f->store, run->id, "tin-nhan", 1, &error));
  done = kns_store_finish_scenario (f->store, run->id, "gui-ma", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (done->score, ==, 0);
  g_assert_false (done->passed);
  g_assert_false (answer_at (done, 1)->correct);

  progress = kns_store_get_progress (f->store, f->learner, "t2-kim-cuong", &error);
  g_assert_cmpint (progress->state, ==, KNS_LESSON_DONE);
  g_assert_cmpint (progress->best_score, ==, 0);
  g_clear_pointer (&progress, kns_progress_free);
  g_assert_cmpstr ((counts = kns_test_tally (f->store, "t2-kim-cuong")), ==, "1/1/0/0");
  g_clear_pointer (&counts, g_free);

  /* Replayed to a safe ending: one completion still, two attempts. */
  g_clear_pointer (&run, kns_attempt_free);
  g_clear_pointer (&done, kns_attempt_free);
  run = kns_store_start_scenario (f->store, f->learner, "t2-kim-cuong", "v1", 2, &error);
  g_assert_true (kns_store_record_choice (f->store, run->id, "tin-nhan", 0, &error));
  done = kns_store_finish_scenario (f->store, run->id, "ke-voi-me", TRUE, &error);
  g_assert_no_error (error);
  progress = kns_store_get_progress (f->store, f->learner, "t2-kim-cuong", &error);
  g_assert_cmpint (progress->best_score, ==, 100);
  g_assert_cmpint (progress->last_score, ==, 100);
  g_assert_cmpstr ((counts = kns_test_tally (f->store, "t2-kim-cuong")), ==, "1/2/100/1");
}

static void
test_unknown_run (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (kns_store_record_choice (f->store, 999, "a", 0, &error));
  g_assert_error (error, KNS_STORE_ERROR, KNS_STORE_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/kns/scenario-store/safe-run", Fixture, NULL,
              fixture_set_up, test_safe_run, fixture_tear_down);
  g_test_add ("/kns/scenario-store/unsafe-then-safe", Fixture, NULL,
              fixture_set_up, test_unsafe_then_safe, fixture_tear_down);
  g_test_add ("/kns/scenario-store/unknown-run", Fixture, NULL,
              fixture_set_up, test_unknown_run, fixture_tear_down);

  return g_test_run ();
}
