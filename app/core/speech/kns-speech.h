/* kns-speech.h — reads text aloud through speech-dispatcher
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

#include <glib-object.h>

G_BEGIN_DECLS

#define KNS_TYPE_SPEECH (kns_speech_get_type ())

G_DECLARE_FINAL_TYPE (KnsSpeech, kns_speech, KNS, SPEECH, GObject)

KnsSpeech *kns_speech_new            (void);
gboolean   kns_speech_get_available  (KnsSpeech  *self);
gboolean   kns_speech_get_connecting (KnsSpeech  *self);
gboolean   kns_speech_get_speaking   (KnsSpeech  *self);
void       kns_speech_speak          (KnsSpeech  *self,
                                      const char *text);
void       kns_speech_stop           (KnsSpeech  *self);
void       kns_speech_close          (KnsSpeech  *self);

G_END_DECLS
