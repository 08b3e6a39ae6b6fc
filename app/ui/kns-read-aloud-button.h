/* kns-read-aloud-button.h — "Đọc cho em nghe": reads a screen aloud
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

#define KNS_TYPE_READ_ALOUD_BUTTON (kns_read_aloud_button_get_type ())

G_DECLARE_FINAL_TYPE (KnsReadAloudButton, kns_read_aloud_button, KNS, READ_ALOUD_BUTTON, GtkToggleButton)

void       kns_read_aloud_button_set_speech (KnsReadAloudButton *self,
                                             KnsSpeech          *speech);
KnsSpeech *kns_read_aloud_button_get_speech (KnsReadAloudButton *self);
void       kns_read_aloud_button_set_text   (KnsReadAloudButton *self,
                                             const char         *text);
const char *kns_read_aloud_button_get_text  (KnsReadAloudButton *self);

G_END_DECLS
