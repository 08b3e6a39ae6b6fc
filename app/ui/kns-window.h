/* kns-window.h
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

#include "kns-application.h"
#include "kns-course.h"

G_BEGIN_DECLS

#define KNS_TYPE_WINDOW (kns_window_get_type ())

G_DECLARE_FINAL_TYPE (KnsWindow, kns_window, KNS, WINDOW, AdwApplicationWindow)

KnsWindow *kns_window_new        (KnsApplication *application);
void       kns_window_set_course (KnsWindow      *self,
                                  KnsCourse      *course);
KnsCourse *kns_window_get_course (KnsWindow      *self);

G_END_DECLS
