/* kns-kit-panel.h — teacher mode's session kit: plans, posters, certificates
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

#define KNS_TYPE_KIT_PANEL (kns_kit_panel_get_type ())

G_DECLARE_FINAL_TYPE (KnsKitPanel, kns_kit_panel, KNS, KIT_PANEL, AdwBin)

void       kns_kit_panel_refresh        (KnsKitPanel *self,
                                         KnsStore    *store,
                                         KnsCourse   *course,
                                         guint        pass_mark);
GtkWidget *kns_kit_panel_find_row       (KnsKitPanel *self,
                                         const char  *title);

G_END_DECLS
