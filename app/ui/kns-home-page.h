/* kns-home-page.h — a learner's lessons, with "continue" first
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
#include "kns-lesson-card.h"
#include "kns-store.h"

G_BEGIN_DECLS

#define KNS_TYPE_HOME_PAGE (kns_home_page_get_type ())

G_DECLARE_FINAL_TYPE (KnsHomePage, kns_home_page, KNS, HOME_PAGE, AdwBin)

gboolean       kns_home_page_show             (KnsHomePage      *self,
                                               KnsCourse        *course,
                                               KnsStore         *store,
                                               const KnsLearner *learner,
                                               guint             tier,
                                               guint             max_grade,
                                               guint             pass_mark,
                                               GError          **error);
void           kns_home_page_clear            (KnsHomePage      *self);
void           kns_home_page_focus_top        (KnsHomePage      *self);
void           kns_home_page_focus_lesson     (KnsHomePage      *self,
                                               const char       *lesson_id);
void           kns_home_page_set_wide         (KnsHomePage      *self,
                                               gboolean          wide);
guint          kns_home_page_get_shown_tier   (KnsHomePage      *self);
const char    *kns_home_page_get_continue_id  (KnsHomePage      *self);
KnsLessonCard *kns_home_page_get_card         (KnsHomePage      *self,
                                               const char       *lesson_id);
GtkWidget     *kns_home_page_get_lesson_card  (KnsHomePage      *self,
                                               const char       *lesson_id);

void        kns_home_page_set_kit_banner (KnsHomePage *self,
                                          const char  *text,
                                          const char  *button_label,
                                          const char  *action);
GtkWidget  *kns_home_page_get_kit_button (KnsHomePage *self);

G_END_DECLS
