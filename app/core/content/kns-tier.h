/* kns-tier.h — an age tier, keyed to school grades
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

#include <gio/gio.h>

#include "kns-kit.h"
#include "kns-lesson.h"

G_BEGIN_DECLS

#define KNS_TYPE_TIER (kns_tier_get_type ())

G_DECLARE_FINAL_TYPE (KnsTier, kns_tier, KNS, TIER, GObject)

KnsTier    *kns_tier_new            (guint       id,
                                     const char *title,
                                     guint       grade_min,
                                     guint       grade_max);
void        kns_tier_set_details    (KnsTier    *self,
                                     const char *ages,
                                     const char *level);
void        kns_tier_add_lesson     (KnsTier    *self,
                                     KnsLesson  *lesson);
guint       kns_tier_get_id         (KnsTier    *self);
const char *kns_tier_get_title      (KnsTier    *self);
const char *kns_tier_get_ages       (KnsTier    *self);
const char *kns_tier_get_level      (KnsTier    *self);
guint       kns_tier_get_grade_min  (KnsTier    *self);
guint       kns_tier_get_grade_max  (KnsTier    *self);
gboolean    kns_tier_has_grade      (KnsTier    *self,
                                     guint       grade);
GListModel *kns_tier_get_lessons    (KnsTier    *self);
guint       kns_tier_get_n_lessons  (KnsTier    *self);
KnsLesson  *kns_tier_get_lesson     (KnsTier    *self,
                                     guint       position);
guint       kns_tier_get_lesson_number (KnsTier  *self,
                                        KnsLesson *lesson);
void        kns_tier_set_kit        (KnsTier            *self,
                                     KnsCheck           *check,
                                     KnsPlan            *plan,
                                     const char * const *pledge);
KnsCheck   *kns_tier_get_check      (KnsTier    *self);
KnsPlan    *kns_tier_get_plan       (KnsTier    *self);
const char * const *kns_tier_get_pledge (KnsTier *self);
gboolean    kns_tier_core_lessons_done (KnsTier    *self,
                                        gboolean  (*passed) (KnsLesson *lesson,
                                                             gpointer   user_data),
                                        gpointer    user_data);

G_END_DECLS
