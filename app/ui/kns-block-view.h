/* kns-block-view.h — lesson blocks as native widgets
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

#include <gtk/gtk.h>

#include "kns-markdown.h"

G_BEGIN_DECLS

#define KNS_TYPE_BLOCK_VIEW (kns_block_view_get_type ())

G_DECLARE_FINAL_TYPE (KnsBlockView, kns_block_view, KNS, BLOCK_VIEW, GtkWidget)

GtkWidget *kns_block_view_new              (void);
void       kns_block_view_set_blocks       (KnsBlockView *self,
                                            GPtrArray    *blocks);
guint      kns_block_view_get_n_blocks     (KnsBlockView *self);
GtkWidget *kns_block_view_get_block_widget (KnsBlockView *self,
                                            guint         index);
GtkWidget *kns_label_new_for_spans         (GPtrArray    *spans);

G_END_DECLS
