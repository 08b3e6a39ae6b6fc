/* kns-tier.c
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

#define G_LOG_DOMAIN "kns-content"

#include "kns-config.h"

#include "kns-tier.h"

struct _KnsTier
{
  GObject     parent_instance;

  guint       id;
  char       *title;
  char       *ages;
  char       *level;
  guint       grade_min;
  guint       grade_max;
  GListStore *lessons; /* KnsLesson, in course order */
  KnsCheck   *check;   /* the session's pre/post check, or NULL */
  KnsPlan    *plan;    /* the teacher's session plan, or NULL */
  GStrv       pledge;  /* five rules, for the certificate; NULL without */
};

G_DEFINE_FINAL_TYPE (KnsTier, kns_tier, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kns_tier_finalize (GObject *object)
{
  KnsTier *self = (KnsTier *) object;

  g_free (self->title);
  g_free (self->ages);
  g_free (self->level);
  g_clear_object (&self->lessons);
  g_clear_pointer (&self->check, kns_check_unref);
  g_clear_pointer (&self->plan, kns_plan_unref);
  g_clear_pointer (&self->pledge, g_strfreev);

  G_OBJECT_CLASS (kns_tier_parent_class)->finalize (object);
}

static void
kns_tier_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  KnsTier *self = KNS_TIER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_uint (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kns_tier_class_init (KnsTierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kns_tier_finalize;
  object_class->get_property = kns_tier_get_property;

  properties[PROP_ID] =
    g_param_spec_uint ("id", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kns_tier_init (KnsTier *self)
{
  self->lessons = g_list_store_new (KNS_TYPE_LESSON);
}

KnsTier *
kns_tier_new (guint       id,
              const char *title,
              guint       grade_min,
              guint       grade_max)
{
  KnsTier *self;

  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (grade_min <= grade_max, NULL);

  self = g_object_new (KNS_TYPE_TIER, NULL);
  self->id = id;
  self->title = g_strdup (title);
  self->grade_min = grade_min;
  self->grade_max = grade_max;

  return self;
}

void
kns_tier_set_details (KnsTier    *self,
                      const char *ages,
                      const char *level)
{
  g_return_if_fail (KNS_IS_TIER (self));

  g_free (self->ages);
  self->ages = g_strdup (ages);
  g_free (self->level);
  self->level = g_strdup (level);
}

void
kns_tier_add_lesson (KnsTier   *self,
                     KnsLesson *lesson)
{
  g_return_if_fail (KNS_IS_TIER (self));
  g_return_if_fail (KNS_IS_LESSON (lesson));

  g_list_store_append (self->lessons, lesson);
}

guint
kns_tier_get_id (KnsTier *self)
{
  g_return_val_if_fail (KNS_IS_TIER (self), 0);
  return self->id;
}

const char *
kns_tier_get_title (KnsTier *self)
{
  g_return_val_if_fail (KNS_IS_TIER (self), NULL);
  return self->title;
}

const char *
kns_tier_get_ages (KnsTier *self)
{
  g_return_val_if_fail (KNS_IS_TIER (self), NULL);
  return self->ages;
}

const char *
kns_tier_get_level (KnsTier *self)
{
  g_return_val_if_fail (KNS_IS_TIER (self), NULL);
  return self->level;
}

guint
kns_tier_get_grade_min (KnsTier *self)
{
  g_return_val_if_fail (KNS_IS_TIER (self), 0);
  return self->grade_min;
}

guint
kns_tier_get_grade_max (KnsTier *self)
{
  g_return_val_if_fail (KNS_IS_TIER (self), 0);
  return self->grade_max;
}

gboolean
kns_tier_has_grade (KnsTier *self,
                    guint    grade)
{
  g_return_val_if_fail (KNS_IS_TIER (self), FALSE);
  return grade >= self->grade_min && grade <= self->grade_max;
}

/**
 * kns_tier_get_lessons:
 *
 * Returns: (transfer none): the tier's lessons in course order
 */
GListModel *
kns_tier_get_lessons (KnsTier *self)
{
  g_return_val_if_fail (KNS_IS_TIER (self), NULL);
  return G_LIST_MODEL (self->lessons);
}

guint
kns_tier_get_n_lessons (KnsTier *self)
{
  g_return_val_if_fail (KNS_IS_TIER (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->lessons));
}

/**
 * kns_tier_get_lesson:
 *
 * Returns: (transfer none): the lesson at @position
 */
KnsLesson *
kns_tier_get_lesson (KnsTier *self,
                     guint    position)
{
  KnsLesson *lesson;

  g_return_val_if_fail (KNS_IS_TIER (self), NULL);

  lesson = g_list_model_get_item (G_LIST_MODEL (self->lessons), position);
  /* The store keeps its own reference for as long as the tier lives. */
  if (lesson != NULL)
    g_object_unref (lesson);
  return lesson;
}

/**
 * kns_tier_get_lesson_number:
 *
 * The number a pupil sees for @lesson: lessons and scenarios are counted
 * apart, so that "Bài 5" is the fifth lesson on the pupil's home page
 * whatever scenarios come between, and the first scenario is scenario 1
 * (kns_lesson_get_scenario() tells which it is).
 *
 * Returns: the number, from 1, or 0 if @lesson is not in the tier
 */
guint
kns_tier_get_lesson_number (KnsTier   *self,
                            KnsLesson *lesson)
{
  gboolean scenario;
  guint number = 0;

  g_return_val_if_fail (KNS_IS_TIER (self), 0);
  g_return_val_if_fail (KNS_IS_LESSON (lesson), 0);

  scenario = kns_lesson_get_scenario (lesson) != NULL;
  for (guint i = 0; i < kns_tier_get_n_lessons (self); i++)
    {
      KnsLesson *other = kns_tier_get_lesson (self, i);

      if ((kns_lesson_get_scenario (other) != NULL) == scenario)
        number++;
      if (other == lesson)
        return number;
    }
  return 0;
}

/**
 * kns_tier_set_kit:
 * @check: (nullable): the tier's pre/post check
 * @plan: (nullable): the teacher's session plan
 * @pledge: (nullable): the tier's five rules
 *
 * The session kit of issue 21, set by the course once loaded and checked.
 */
void
kns_tier_set_kit (KnsTier            *self,
                  KnsCheck           *check,
                  KnsPlan            *plan,
                  const char * const *pledge)
{
  g_return_if_fail (KNS_IS_TIER (self));

  g_clear_pointer (&self->check, kns_check_unref);
  g_clear_pointer (&self->plan, kns_plan_unref);
  g_clear_pointer (&self->pledge, g_strfreev);
  self->check = check != NULL ? kns_check_ref (check) : NULL;
  self->plan = plan != NULL ? kns_plan_ref (plan) : NULL;
  self->pledge = g_strdupv ((char **) pledge);
}

/**
 * kns_tier_get_check:
 *
 * Returns: (transfer none) (nullable): the check given before and after a session
 */
KnsCheck *
kns_tier_get_check (KnsTier *self)
{
  g_return_val_if_fail (KNS_IS_TIER (self), NULL);
  return self->check;
}

/**
 * kns_tier_get_plan:
 *
 * Returns: (transfer none) (nullable): the teacher's plan for a 45-minute session
 */
KnsPlan *
kns_tier_get_plan (KnsTier *self)
{
  g_return_val_if_fail (KNS_IS_TIER (self), NULL);
  return self->plan;
}

/**
 * kns_tier_get_pledge:
 *
 * Returns: (transfer none) (nullable): the five rules the certificate prints
 */
const char * const *
kns_tier_get_pledge (KnsTier *self)
{
  g_return_val_if_fail (KNS_IS_TIER (self), NULL);
  return (const char * const *) self->pledge;
}

/**
 * kns_tier_core_lessons_done:
 * @passed: whether a learner passed a lesson
 *
 * A tier's core lessons are its lessons that are not scenarios. The
 * certificate is earned when every one of them is passed.
 *
 * Returns: whether @passed holds for every core lesson (and there is one)
 */
gboolean
kns_tier_core_lessons_done (KnsTier   *self,
                            gboolean (*passed) (KnsLesson *lesson,
                                                gpointer   user_data),
                            gpointer   user_data)
{
  guint n_core = 0;

  g_return_val_if_fail (KNS_IS_TIER (self), FALSE);
  g_return_val_if_fail (passed != NULL, FALSE);

  for (guint i = 0; i < kns_tier_get_n_lessons (self); i++)
    {
      KnsLesson *lesson = kns_tier_get_lesson (self, i);

      if (kns_lesson_get_scenario (lesson) != NULL)
        continue;
      n_core++;
      if (!passed (lesson, user_data))
        return FALSE;
    }
  return n_core > 0;
}
