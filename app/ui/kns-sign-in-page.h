/* kns-sign-in-page.h — "Em là ai?": pick your picture and nickname
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

#define KNS_TYPE_SIGN_IN_PAGE (kns_sign_in_page_get_type ())

G_DECLARE_FINAL_TYPE (KnsSignInPage, kns_sign_in_page, KNS, SIGN_IN_PAGE, AdwBin)

gboolean   kns_sign_in_page_refresh          (KnsSignInPage *self,
                                              KnsStore      *store,
                                              GError       **error);
void       kns_sign_in_page_set_anonymous    (KnsSignInPage *self,
                                              gboolean       anonymous);
void       kns_sign_in_page_set_class_filter (KnsSignInPage *self,
                                              const char    *class_label);
void       kns_sign_in_page_set_wide         (KnsSignInPage *self,
                                              gboolean       wide);
GtkWidget *kns_sign_in_page_get_tile         (KnsSignInPage *self,
                                              gint64         learner_id);
guint      kns_sign_in_page_get_n_tiles      (KnsSignInPage *self);

G_END_DECLS
