/* test-store-fixture.h — what the store's tests share
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

#pragma once

#include <sqlite3.h>

#include "kns-store.h"
#include "kns-test-common.h"

G_BEGIN_DECLS

typedef struct
{
  char     *dir;
  gint64    now;
  KnsStore *store;
} Fixture;

gint64      fixture_clock     (gpointer       user_data);
void        fixture_set_up    (Fixture       *f,
                               gconstpointer  data);
void        fixture_tear_down (Fixture       *f,
                               gconstpointer  data);
gint64      local_time        (int            year,
                               int            month,
                               int            day,
                               int            hour,
                               int            minute);
KnsStore   *open_store        (Fixture       *f);
void        close_store       (Fixture       *f);
void        reopen_store      (Fixture       *f);

/* Tests read the file through their own connection. */
sqlite3    *open_raw          (const char    *path);
char       *raw_text          (const char    *path,
                               const char    *sql);
gint64      raw_int           (Fixture       *f,
                               const char    *sql);
char       *day_tally         (Fixture       *f,
                               const char    *day,
                               const char    *session,
                               guint          grade,
                               KnsSex         sex,
                               guint          tier,
                               const char    *lesson);
gint64      headcount         (Fixture       *f,
                               guint          school_year,
                               const char    *session,
                               guint          grade,
                               KnsSex         sex,
                               guint          tier);
char       *dump_tallies      (Fixture       *f);

KnsLearner *add_learner       (Fixture       *f,
                               const char    *nickname,
                               const char    *class_label,
                               guint          grade,
                               KnsSex         sex);
void        sign_in           (Fixture       *f,
                               gint64         learner_id);
void        set_setting       (Fixture       *f,
                               const char    *key,
                               const char    *value);
KnsAttempt *take_quiz         (Fixture       *f,
                               gint64         learner_id,
                               const char    *lesson_id,
                               guint          tier,
                               guint          n,
                               guint          n_right);
GBytes     *read_bytes        (const char    *path);
char       *list_folder       (const char    *path);
void        assert_answer     (KnsAttempt    *attempt,
                               guint          index,
                               const char    *question_id,
                               guint32        chosen,
                               gboolean       correct);
gint64      count_learner_rows (Fixture      *f);
/* A learner who did a bit of everything. */
KnsLearner *busy_learner      (Fixture       *f,
                               const char    *nickname,
                               const char    *class_label);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

G_END_DECLS
