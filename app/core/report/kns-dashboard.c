/* kns-dashboard.c
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
 * Figures for the teacher of one class: who did what, how each lesson
 * went, and which questions the class found hardest, so the teacher
 * knows what to go over in the next session.
 */

#define G_LOG_DOMAIN "kns-dashboard"

#include "kns-config.h"

#include "kns-dashboard.h"

static void
hard_question_free (gpointer data)
{
  g_free (data);
}

void
kns_dashboard_free (KnsDashboard *self)
{
  if (self == NULL)
    return;

  g_free (self->class_label);
  g_clear_object (&self->tier);
  g_clear_pointer (&self->learners, g_ptr_array_unref);
  g_clear_pointer (&self->lessons, g_ptr_array_unref);
  g_clear_pointer (&self->hard_questions, g_ptr_array_unref);
  g_free (self->cells);
  g_free (self->summaries);
  g_free (self);
}

const KnsDashboardCell *
kns_dashboard_get_cell (KnsDashboard *self,
                        guint         learner,
                        guint         lesson)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (learner < self->learners->len, NULL);
  g_return_val_if_fail (lesson < self->lessons->len, NULL);

  return &self->cells[learner * self->lessons->len + lesson];
}

/* The tier most of the class's learners belong to, by grade. */
guint
kns_dashboard_guess_tier (KnsCourse *course,
                          GPtrArray *learners)
{
  guint counts[10] = { 0 };
  guint best = 0;

  g_return_val_if_fail (KNS_IS_COURSE (course), 0);

  for (guint i = 0; learners != NULL && i < learners->len; i++)
    {
      KnsTier *tier = kns_course_get_tier_for_grade (course, ((KnsLearner *) g_ptr_array_index (learners, i))->grade);

      if (tier != NULL && kns_tier_get_id (tier) < G_N_ELEMENTS (counts))
        counts[kns_tier_get_id (tier)]++;
    }

  for (guint id = 1; id < G_N_ELEMENTS (counts); id++)
    if (counts[id] > counts[best])
      best = id;

  if (best == 0 && kns_course_get_tiers (course)->len > 0)
    best = kns_tier_get_id (g_ptr_array_index (kns_course_get_tiers (course), 0));
  return best;
}

static gboolean
fill_cells (KnsDashboard  *self,
            KnsStore      *store,
            GError       **error)
{
  guint n_lessons = self->lessons->len;

  self->cells = g_new0 (KnsDashboardCell, self->learners->len * MAX (n_lessons, 1));
  self->summaries = g_new0 (KnsDashboardLesson, MAX (n_lessons, 1));

  for (guint l = 0; l < n_lessons; l++)
    {
      KnsLesson *lesson = g_ptr_array_index (self->lessons, l);

      self->summaries[l].lesson = lesson;
      self->summaries[l].scenario = kns_lesson_get_scenario (lesson) != NULL;
      self->summaries[l].number = self->tier != NULL ? kns_tier_get_lesson_number (self->tier, lesson) : l + 1;
    }

  for (guint r = 0; r < self->learners->len; r++)
    {
      KnsLearner *learner = g_ptr_array_index (self->learners, r);
      g_autoptr(GPtrArray) progress = kns_store_list_progress (store, learner->id, error);
      g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);

      if (progress == NULL)
        return FALSE;
      for (guint i = 0; i < progress->len; i++)
        {
          KnsProgress *p = g_ptr_array_index (progress, i);

          g_hash_table_insert (by_id, p->lesson_id, p);
        }

      for (guint l = 0; l < n_lessons; l++)
        {
          KnsProgress *p = g_hash_table_lookup (by_id, kns_lesson_get_id (self->summaries[l].lesson));
          KnsDashboardCell *cell = &self->cells[r * n_lessons + l];
          KnsDashboardLesson *summary = &self->summaries[l];

          cell->state = p ? p->state : KNS_LESSON_NOT_STARTED;
          cell->outcome = kns_progress_get_outcome (p, self->pass_mark);
          cell->best_score = p ? p->best_score : -1;
          if (cell->state == KNS_LESSON_DONE)
            summary->n_done++;
          if (cell->outcome == KNS_OUTCOME_PASSED)
            summary->n_passed++;
          if (cell->best_score >= 0)
            {
              summary->mean_score += cell->best_score;
              summary->n_scored++;
            }
        }
    }

  for (guint l = 0; l < n_lessons; l++)
    self->summaries[l].mean_score = self->summaries[l].n_scored > 0
      ? self->summaries[l].mean_score / self->summaries[l].n_scored
      : -1.0;

  return TRUE;
}

static gboolean
fill_hard_questions (KnsDashboard  *self,
                     KnsStore      *store,
                     KnsCourse     *course,
                     GError       **error)
{
  g_autoptr(GPtrArray) stats = kns_store_list_question_stats (store, self->class_label, error);

  if (stats == NULL)
    return FALSE;

  self->hard_questions = g_ptr_array_new_with_free_func (hard_question_free);
  for (guint i = 0; i < stats->len && self->hard_questions->len < KNS_DASHBOARD_MAX_HARD_QUESTIONS; i++)
    {
      KnsQuestionStat *stat = g_ptr_array_index (stats, i);
      KnsLesson *lesson = kns_course_lookup_lesson (course, stat->lesson_id);
      KnsQuestion *question;
      KnsHardQuestion *hard;

      /* Only this tier's lessons, only questions that still exist, and
       * only questions someone got wrong. */
      if (stat->wrong == 0 || lesson == NULL || !g_ptr_array_find (self->lessons, lesson, NULL) ||
          kns_lesson_get_quiz (lesson) == NULL ||
          (question = kns_quiz_find_question (kns_lesson_get_quiz (lesson), stat->question_id)) == NULL)
        continue;

      hard = g_new0 (KnsHardQuestion, 1);
      hard->lesson = lesson;
      hard->question = question;
      hard->answered = stat->answered;
      hard->wrong = stat->wrong;
      g_ptr_array_add (self->hard_questions, hard);
    }

  return TRUE;
}

/**
 * kns_dashboard_compute:
 * @class_label: the class
 * @tier_id: the tier whose lessons make the columns
 * @pass_mark: the percentage a quiz needs to be passed
 *
 * Returns: (transfer full) (nullable): the dashboard, or %NULL with
 *   @error set when the store could not be read
 */
KnsDashboard *
kns_dashboard_compute (KnsStore    *store,
                       KnsCourse   *course,
                       const char  *class_label,
                       guint        tier_id,
                       guint        pass_mark,
                       GError     **error)
{
  g_autoptr(KnsDashboard) self = NULL;
  KnsTier *tier;

  g_return_val_if_fail (KNS_IS_STORE (store), NULL);
  g_return_val_if_fail (KNS_IS_COURSE (course), NULL);
  g_return_val_if_fail (class_label != NULL, NULL);

  self = g_new0 (KnsDashboard, 1);
  self->class_label = g_strdup (class_label);
  self->pass_mark = pass_mark;
  self->lessons = g_ptr_array_new_with_free_func (g_object_unref);

  tier = kns_course_get_tier (course, tier_id);
  if (tier != NULL)
    {
      self->tier = g_object_ref (tier);
      for (guint i = 0; i < kns_tier_get_n_lessons (tier); i++)
        g_ptr_array_add (self->lessons, g_object_ref (kns_tier_get_lesson (tier, i)));
    }

  self->learners = kns_store_list_learners (store, class_label, FALSE, error);
  if (self->learners == NULL ||
      !fill_cells (self, store, error) ||
      !fill_hard_questions (self, store, course, error))
    return NULL;

  return g_steal_pointer (&self);
}
