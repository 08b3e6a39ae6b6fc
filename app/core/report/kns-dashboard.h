/* kns-dashboard.h — a class at a glance, for the teacher
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

#include "kns-course.h"
#include "kns-store.h"

G_BEGIN_DECLS

#define KNS_DASHBOARD_MAX_HARD_QUESTIONS 10

typedef struct
{
  KnsLessonState   state;
  KnsLessonOutcome outcome;    /* passed, not yet passed… at the dashboard's pass mark */
  int              best_score; /* percent, or -1 */
} KnsDashboardCell;

typedef struct
{
  KnsLesson *lesson;
  guint      number;     /* as the pupils see it: lessons and scenarios counted apart */
  gboolean   scenario;
  guint      n_done;     /* learners who finished it */
  guint      n_passed;   /* learners who passed it */
  guint      n_scored;   /* learners with a quiz score */
  double     mean_score; /* of their best scores; < 0 when none */
} KnsDashboardLesson;

typedef struct
{
  KnsLesson   *lesson;
  KnsQuestion *question;
  guint        answered;
  guint        wrong;
} KnsHardQuestion;

typedef struct
{
  char             *class_label;
  KnsTier          *tier;
  guint             pass_mark;      /* percent */
  GPtrArray        *learners;       /* KnsLearner, rows, by nickname */
  GPtrArray        *lessons;        /* KnsLesson, columns, in course order */
  KnsDashboardCell *cells;          /* learners × lessons, row by row */
  KnsDashboardLesson *summaries;    /* one per lesson */
  GPtrArray        *hard_questions; /* KnsHardQuestion, most often wrong first */
} KnsDashboard;

KnsDashboard           *kns_dashboard_compute    (KnsStore     *store,
                                                  KnsCourse    *course,
                                                  const char   *class_label,
                                                  guint         tier_id,
                                                  guint         pass_mark,
                                                  GError      **error);
void                    kns_dashboard_free       (KnsDashboard *self);
const KnsDashboardCell *kns_dashboard_get_cell   (KnsDashboard *self,
                                                  guint         learner,
                                                  guint         lesson);
guint                   kns_dashboard_guess_tier (KnsCourse    *course,
                                                  GPtrArray    *learners);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KnsDashboard, kns_dashboard_free)

G_END_DECLS
