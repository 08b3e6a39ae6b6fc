/* kns-learner-object.h — a learner as an item of a GListModel
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

#include <glib-object.h>

#include "kns-store.h"

G_BEGIN_DECLS

#define KNS_TYPE_LEARNER_OBJECT (kns_learner_object_get_type ())

G_DECLARE_FINAL_TYPE (KnsLearnerObject, kns_learner_object, KNS, LEARNER_OBJECT, GObject)

KnsLearnerObject *kns_learner_object_new         (const KnsLearner *learner);
const KnsLearner *kns_learner_object_get_learner (KnsLearnerObject *self);

G_END_DECLS
