/* kns-help-page.h — "Cần giúp đỡ?": where a child can get help
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

#include "kns-speech.h"

G_BEGIN_DECLS

#define KNS_TYPE_HELP_PAGE (kns_help_page_get_type ())

G_DECLARE_FINAL_TYPE (KnsHelpPage, kns_help_page, KNS, HELP_PAGE, AdwBin)

void kns_help_page_set_blocks (KnsHelpPage *self,
                               GPtrArray   *blocks);
void kns_help_page_set_speech (KnsHelpPage *self,
                               KnsSpeech   *speech);

G_END_DECLS
