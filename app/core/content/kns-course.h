/* kns-course.h — the whole course, as loaded from content/
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

#include "kns-content-error.h"
#include "kns-lesson.h"
#include "kns-tier.h"

G_BEGIN_DECLS

#define KNS_TYPE_COURSE (kns_course_get_type ())

G_DECLARE_FINAL_TYPE (KnsCourse, kns_course, KNS, COURSE, GObject)

char       *kns_course_find_root         (const char           *dir);
KnsCourse  *kns_course_load              (const char           *dir,
                                          GCancellable         *cancellable,
                                          GError              **error);
void        kns_course_load_async        (const char           *dir,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
KnsCourse  *kns_course_load_finish       (GAsyncResult         *result,
                                          GError              **error);
const char *kns_course_get_title         (KnsCourse            *self);
const char *kns_course_get_root          (KnsCourse            *self);
GPtrArray  *kns_course_get_tiers         (KnsCourse            *self);
KnsTier    *kns_course_get_tier          (KnsCourse            *self,
                                          guint                 id);
KnsTier    *kns_course_get_tier_for_grade (KnsCourse           *self,
                                          guint                 grade);
KnsLesson  *kns_course_lookup_lesson     (KnsCourse            *self,
                                          const char           *id);
KnsTier    *kns_course_get_lesson_tier   (KnsCourse            *self,
                                          KnsLesson            *lesson);
guint       kns_course_get_n_lessons     (KnsCourse            *self);
GPtrArray  *kns_course_get_help          (KnsCourse            *self);
KnsParentsPage *kns_course_get_parents   (KnsCourse            *self);
GPtrArray  *kns_course_get_diagnostics   (KnsCourse            *self);
guint       kns_course_get_n_errors      (KnsCourse            *self);
guint       kns_course_get_n_warnings    (KnsCourse            *self);

G_END_DECLS
