/* kns-plan-window.h — a teacher's session plan, to read and to print
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

G_BEGIN_DECLS

#define KNS_TYPE_PLAN_WINDOW (kns_plan_window_get_type ())

G_DECLARE_FINAL_TYPE (KnsPlanWindow, kns_plan_window, KNS, PLAN_WINDOW, AdwWindow)

GtkWidget *kns_plan_window_new (GtkWindow *parent,
                                KnsCourse *course,
                                KnsPlan   *plan);

G_END_DECLS
