/* kns-settings-panel.h — teacher mode: the school, privacy, the lab, the PIN
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

#include "kns-store.h"

G_BEGIN_DECLS

#define KNS_TYPE_SETTINGS_PANEL (kns_settings_panel_get_type ())

G_DECLARE_FINAL_TYPE (KnsSettingsPanel, kns_settings_panel, KNS, SETTINGS_PANEL, AdwBin)

void kns_settings_panel_refresh (KnsSettingsPanel *self,
                                 KnsStore         *store,
                                 GSettings        *settings);

G_END_DECLS
