/* test-store-check.c — the session's check before and after, in the store
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

#include "test-store-fixture.h"

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

static const guint skills[] = { 1, 2, 3, 1, 3 };

static KnsClassSession *
start_session (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  KnsClassSession *session = kns_store_start_session (f->store, "1A", 1, 1, "An toàn",
                                                      KNS_SESSION_FORMAT_IN_PERSON, NULL, &error);

  g_assert_no_error (error);
  return session;
}

/* Answers the five questions, the first @n_right of them right. */
static KnsCheckRun *
take_check (Fixture       *f,
            gint64         learner_id,
            const char    *session_uuid,
            KnsCheckPhase  phase,
            guint          n_right)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsCheckRun) run = NULL;
  KnsCheckRun *finished;

  run = kns_store_start_check (f->store, learner_id, session_uuid, phase, "t1-kiem-tra", "v1", 1,
                               &error);
  g_assert_no_error (error);
  g_assert_nonnull (run);
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *question = g_strdup_printf ("q%u", i + 1);

      f->now += G_TIME_SPAN_SECOND;
      g_assert_true (kns_store_record_check_answer (f->store, run, question, skills[i], 1,
                                                    i < n_right, &error));
      g_assert_no_error (error);
    }
  finished = kns_store_finish_check (f->store, run, &error);
  g_assert_no_error (error);
  g_assert_nonnull (finished);
  return finished;
}

static const KnsCheckGain *
find_gain (GPtrArray     *gain,
           guint          skill,
           KnsCheckPhase  phase)
{
  for (guint i = 0; i < gain->len; i++)
    {
      const KnsCheckGain *row = g_ptr_array_index (gain, i);

      if (row->skill == skill && row->phase == phase)
        return row;
    }
  return NULL;
}

/* Before, after, the class's gain, and rows for the report that hold no
 * learner: what a session's check leaves. */
static void
test_before_after (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsClassSession) session = start_session (f);
  g_autoptr(KnsLearner) an = add_learner (f, "Sư Tử 1", "1A", 1, KNS_SEX_UNSTATED);
  g_autoptr(KnsLearner) binh = add_learner (f, "Mèo Con 2", "1A", 1, KNS_SEX_UNSTATED);
  g_autoptr(KnsCheckRun) an_before = NULL;
  g_autoptr(KnsCheckRun) an_after = NULL;
  g_autoptr(KnsCheckRun) binh_before = NULL;
  g_autoptr(KnsCheckRun) again = NULL;
  g_autoptr(GPtrArray) gain = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  const KnsCheckGain *g;

  sign_in (f, an->id);
  sign_in (f, binh->id);

  /* No "after" before the "before". */
  g_assert_null (kns_store_start_check (f->store, an->id, session->uuid, KNS_CHECK_AFTER,
                                        "t1-kiem-tra", "v1", 1, &error));
  g_assert_error (error, KNS_STORE_ERROR, KNS_STORE_ERROR_INVALID);
  g_clear_error (&error);

  an_before = take_check (f, an->id, session->uuid, KNS_CHECK_BEFORE, 2);
  binh_before = take_check (f, binh->id, session->uuid, KNS_CHECK_BEFORE, 1);
  g_assert_cmpuint (an_before->n_correct, ==, 2);
  g_assert_cmpuint (an_before->answers->len, ==, 5);
  g_assert_cmpint (an_before->finished, >, 0);
  g_assert_cmpuint (kns_store_count_check_pending (f->store, session->uuid, &error), ==, 2);

  /* Taken once: starting again gives the finished one back. */
  again = kns_store_start_check (f->store, an->id, session->uuid, KNS_CHECK_BEFORE,
                                 "t1-kiem-tra", "v1", 1, &error);
  g_assert_nonnull (again);
  g_assert_cmpint (again->finished, ==, an_before->finished);
  g_assert_false (kns_store_record_check_answer (f->store, again, "q1", 1, 1, TRUE, &error));
  g_clear_error (&error);

  f->now += 30 * G_TIME_SPAN_MINUTE;
  an_after = take_check (f, an->id, session->uuid, KNS_CHECK_AFTER, 5);
  g_assert_cmpuint (an_after->n_correct, ==, 5);
  g_assert_cmpuint (kns_store_count_check_pending (f->store, session->uuid, &error), ==, 1);

  gain = kns_store_list_session_gain (f->store, session->uuid, &error);
  g_assert_no_error (error);
  /* Skill 1 (q1, q4): before, An 1 of 2 and Bình 1 of 2; after, An 2 of 2. */
  g = find_gain (gain, 1, KNS_CHECK_BEFORE);
  g_assert_cmpuint (g->pupils, ==, 2);
  g_assert_cmpuint (g->asked, ==, 4);
  g_assert_cmpuint (g->right, ==, 2);
  g = find_gain (gain, 1, KNS_CHECK_AFTER);
  g_assert_cmpuint (g->pupils, ==, 1);
  g_assert_cmpuint (g->right, ==, 2);
  /* Skill 3 (q3, q5): before, nobody right. */
  g_assert_cmpuint (find_gain (gain, 3, KNS_CHECK_BEFORE)->right, ==, 0);

  /* The report's rows: 3 skill groups × (2 before + 1 after). */
  rows = kns_store_list_check_rows (f->store, 2026, KNS_TALLY_ALL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 9);
  {
    gint64 an_taker = 0;
    guint n_an = 0;

    for (guint i = 0; i < rows->len; i++)
      {
        KnsCheckRow *row = g_ptr_array_index (rows, i);

        g_assert_cmpuint (row->tier, ==, 1);
        g_assert_cmpstr (row->session_uuid, ==, session->uuid);
        g_assert_cmpint (row->taker, >, 0);
        if (row->phase == KNS_CHECK_AFTER)
          an_taker = row->taker;
      }
    /* An's before and after rows share a taker, Bình's is another. */
    for (guint i = 0; i < rows->len; i++)
      n_an += ((KnsCheckRow *) g_ptr_array_index (rows, i))->taker == an_taker;
    g_assert_cmpuint (n_an, ==, 6);
  }
}

/* Deleting pupils deletes their answers, never the report's rows. */
static void
test_delete_keeps_tallies (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsClassSession) session = start_session (f);
  g_autoptr(KnsLearner) an = add_learner (f, "Sư Tử 1", "1A", 1, KNS_SEX_UNSTATED);
  g_autoptr(KnsCheckRun) before = NULL;
  g_autoptr(KnsCheckRun) gone = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  sign_in (f, an->id);
  before = take_check (f, an->id, session->uuid, KNS_CHECK_BEFORE, 3);
  g_assert_true (kns_store_delete_learner (f->store, an->id, &error));

  gone = kns_store_get_check_run (f->store, an->id, session->uuid, KNS_CHECK_BEFORE, &error);
  g_assert_no_error (error);
  g_assert_null (gone);
  g_assert_cmpint (raw_int (f, "SELECT count (*) FROM check_answer"), ==, 0);
  rows = kns_store_list_check_rows (f->store, 2026, KNS_TALLY_OWN, &error);
  g_assert_cmpuint (rows->len, ==, 3);
}

/* A check half done survives a restart and resumes where it stopped;
 * after the session ends no new check starts. */
static void
test_resume_and_end (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsClassSession) session = start_session (f);
  g_autoptr(KnsLearner) an = add_learner (f, "Sư Tử 1", "1A", 1, KNS_SEX_UNSTATED);
  g_autoptr(KnsLearner) binh = add_learner (f, "Mèo Con 2", "1A", 1, KNS_SEX_UNSTATED);
  g_autoptr(KnsCheckRun) run = NULL;
  g_autoptr(KnsCheckRun) resumed = NULL;

  sign_in (f, an->id);
  run = kns_store_start_check (f->store, an->id, session->uuid, KNS_CHECK_BEFORE, "t1-kiem-tra",
                               "v1", 1, &error);
  g_assert_true (kns_store_record_check_answer (f->store, run, "q1", 1, 2, TRUE, &error));
  g_assert_true (kns_store_record_check_answer (f->store, run, "q2", 2, 1, FALSE, &error));
  reopen_store (f);

  resumed = kns_store_start_check (f->store, an->id, session->uuid, KNS_CHECK_BEFORE,
                                   "t1-kiem-tra", "v1", 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (resumed->answers->len, ==, 2);
  g_assert_cmpuint (resumed->n_correct, ==, 1);
  g_assert_cmpint (resumed->finished, ==, 0);

  g_assert_true (kns_store_end_session (f->store, session->uuid, "", &error));
  g_assert_null (kns_store_start_check (f->store, binh->id, session->uuid, KNS_CHECK_BEFORE,
                                        "t1-kiem-tra", "v1", 1, &error));
  g_assert_error (error, KNS_STORE_ERROR, KNS_STORE_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "ICT-7", TRUE);
  g_test_init (&argc, &argv, NULL);

  ADD ("/kns/store/check/before-after", test_before_after);
  ADD ("/kns/store/check/delete-keeps-tallies", test_delete_keeps_tallies);
  ADD ("/kns/store/check/resume-and-end", test_resume_and_end);

  return g_test_run ();
}
