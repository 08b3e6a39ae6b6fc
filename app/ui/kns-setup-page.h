/* kns-setup-page.h — first run: what this computer is for
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

#define KNS_TYPE_SETUP_PAGE (kns_setup_page_get_type ())

G_DECLARE_FINAL_TYPE (KnsSetupPage, kns_setup_page, KNS, SETUP_PAGE, AdwBin)

void        kns_setup_page_reset      (KnsSetupPage *self,
                                       KnsStore     *store);
void        kns_setup_page_choose     (KnsSetupPage *self,
                                       const char   *setup);
void        kns_setup_page_set_fields (KnsSetupPage *self,
                                       const char   *school,
                                       const char   *location,
                                       const char   *pin,
                                       const char   *pin_again);
gboolean    kns_setup_page_finish     (KnsSetupPage *self);
const char *kns_setup_page_get_error  (KnsSetupPage *self);

G_END_DECLS
