/* kns-dashboard-panel.h — teacher mode: a class at a glance
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
#include "kns-dashboard.h"
#include "kns-store.h"

G_BEGIN_DECLS

#define KNS_TYPE_DASHBOARD_PANEL (kns_dashboard_panel_get_type ())

G_DECLARE_FINAL_TYPE (KnsDashboardPanel, kns_dashboard_panel, KNS, DASHBOARD_PANEL, AdwBin)

void          kns_dashboard_panel_refresh       (KnsDashboardPanel *self,
                                                 KnsStore          *store,
                                                 KnsCourse         *course);
void          kns_dashboard_panel_select_class  (KnsDashboardPanel *self,
                                                 const char        *class_label);
KnsDashboard *kns_dashboard_panel_get_dashboard (KnsDashboardPanel *self);
void          kns_dashboard_panel_set_pass_mark (KnsDashboardPanel *self,
                                                 guint              pass_mark);
guint         kns_dashboard_panel_get_pass_mark (KnsDashboardPanel *self);
GtkWidget    *kns_dashboard_panel_get_column_head (KnsDashboardPanel *self,
                                                   guint              lesson);
GtkWidget    *kns_dashboard_panel_get_cell      (KnsDashboardPanel *self,
                                                 guint              learner,
                                                 guint              lesson);
GtkWidget    *kns_dashboard_panel_get_name_cell (KnsDashboardPanel *self,
                                                 guint              learner);
GtkScrolledWindow *kns_dashboard_panel_get_matrix_scroller (KnsDashboardPanel *self);

G_END_DECLS
