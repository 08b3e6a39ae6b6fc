/* kns-learner-object.c
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
 * The store hands out learners as plain records (KnsLearner, a boxed
 * type); a list model holds objects. This is the record in an object,
 * read-only, for lists bound to a model.
 */

#define G_LOG_DOMAIN "kns-learner-object"

#include "kns-config.h"

#include "kns-learner-object.h"

struct _KnsLearnerObject
{
  GObject     parent_instance;

  KnsLearner *learner;
};

G_DEFINE_FINAL_TYPE (KnsLearnerObject, kns_learner_object, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LEARNER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kns_learner_object_finalize (GObject *object)
{
  KnsLearnerObject *self = KNS_LEARNER_OBJECT (object);

  g_clear_pointer (&self->learner, kns_learner_free);

  G_OBJECT_CLASS (kns_learner_object_parent_class)->finalize (object);
}

static void
kns_learner_object_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  KnsLearnerObject *self = KNS_LEARNER_OBJECT (object);

  switch (prop_id)
    {
    case PROP_LEARNER:
      g_value_set_boxed (value, self->learner);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kns_learner_object_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  KnsLearnerObject *self = KNS_LEARNER_OBJECT (object);

  switch (prop_id)
    {
    case PROP_LEARNER:
      self->learner = g_value_dup_boxed (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kns_learner_object_class_init (KnsLearnerObjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kns_learner_object_finalize;
  object_class->get_property = kns_learner_object_get_property;
  object_class->set_property = kns_learner_object_set_property;

  properties[PROP_LEARNER] =
    g_param_spec_boxed ("learner", NULL, NULL, KNS_TYPE_LEARNER,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kns_learner_object_init (KnsLearnerObject *self)
{
}

KnsLearnerObject *
kns_learner_object_new (const KnsLearner *learner)
{
  g_return_val_if_fail (learner != NULL, NULL);

  return g_object_new (KNS_TYPE_LEARNER_OBJECT, "learner", learner, NULL);
}

const KnsLearner *
kns_learner_object_get_learner (KnsLearnerObject *self)
{
  g_return_val_if_fail (KNS_IS_LEARNER_OBJECT (self), NULL);
  return self->learner;
}
