/* kns-sessions-panel.h — teacher mode: class sessions (buổi ngoại khóa)
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

#define KNS_TYPE_SESSIONS_PANEL (kns_sessions_panel_get_type ())

G_DECLARE_FINAL_TYPE (KnsSessionsPanel, kns_sessions_panel, KNS, SESSIONS_PANEL, AdwBin)

void     kns_sessions_panel_refresh      (KnsSessionsPanel *self,
                                          KnsStore         *store,
                                          KnsCourse        *course);
void     kns_sessions_panel_set_form     (KnsSessionsPanel *self,
                                          const char       *title,
                                          const char       *class_label,
                                          guint             grade);
gboolean kns_sessions_panel_start        (KnsSessionsPanel *self);
gboolean kns_sessions_panel_end          (KnsSessionsPanel *self,
                                          const char       *notes);

G_END_DECLS
