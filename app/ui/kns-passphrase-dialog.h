/* kns-passphrase-dialog.h
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

typedef enum
{
  KNS_PASSPHRASE_DERIVING,  /* the key is being made from the words */
  KNS_PASSPHRASE_SET,       /* the new key is stored */
  KNS_PASSPHRASE_UNCHANGED, /* the teacher went away without setting one */
} KnsPassphraseState;

typedef void (*KnsPassphraseChanged) (GObject            *owner,
                                      KnsPassphraseState  state);

GtkWidget *kns_passphrase_dialog_present (GtkWindow            *parent,
                                          KnsStore             *store,
                                          GObject              *owner,
                                          KnsPassphraseChanged  changed);

G_END_DECLS
