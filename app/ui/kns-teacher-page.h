/* kns-teacher-page.h — teacher mode: sessions, dashboard, learners, settings
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

#include <adwaita.h>

#include "kns-course.h"
#include "kns-store.h"

G_BEGIN_DECLS

#define KNS_TYPE_TEACHER_PAGE (kns_teacher_page_get_type ())

G_DECLARE_FINAL_TYPE (KnsTeacherPage, kns_teacher_page, KNS, TEACHER_PAGE, AdwBin)

void       kns_teacher_page_show      (KnsTeacherPage *self,
                                       KnsStore       *store,
                                       KnsCourse      *course,
                                       GSettings      *settings);
GtkWidget *kns_teacher_page_get_panel (KnsTeacherPage *self,
                                       const char     *name);
void       kns_teacher_page_set_panel (KnsTeacherPage *self,
                                       const char     *name);

G_END_DECLS
