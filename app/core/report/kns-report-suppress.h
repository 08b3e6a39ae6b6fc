/* kns-report-suppress.h — which cells of a report must stay hidden
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

#include <glib.h>

G_BEGIN_DECLS

/* The smallest group a report may show (README, "Hidden figures"); a school
 * may raise it, never lower it below KNS_SUPPRESSION_MIN_CELL_FLOOR. */
#define KNS_SUPPRESSION_MIN_CELL_DEFAULT 5
#define KNS_SUPPRESSION_MIN_CELL_FLOOR 3

typedef enum
{
  KNS_SUPPRESSION_COUNT,  /* a number of learners: hidden when 0 < value < K */
  KNS_SUPPRESSION_AMOUNT, /* a sum such as quiz points: hidden only when asked */
} KnsSuppressionKind;

typedef struct _KnsSuppression KnsSuppression;

KnsSuppression *kns_suppression_new          (guint               min_cell);
void            kns_suppression_free         (KnsSuppression     *self);
guint           kns_suppression_get_min_cell (KnsSuppression     *self);
guint           kns_suppression_add_node     (KnsSuppression     *self);
guint           kns_suppression_add_cell     (KnsSuppression     *self,
                                              guint               from,
                                              guint               to,
                                              gint64              value,
                                              KnsSuppressionKind  kind);
void            kns_suppression_set_upper    (KnsSuppression     *self,
                                              guint               cell,
                                              gint64              upper);
void            kns_suppression_hide         (KnsSuppression     *self,
                                              guint               cell);
guint           kns_suppression_run          (KnsSuppression     *self);
gboolean        kns_suppression_get_exposed  (KnsSuppression     *self,
                                              guint              *cell);
gboolean        kns_suppression_is_hidden    (KnsSuppression     *self,
                                              guint               cell);
gboolean        kns_suppression_is_primary   (KnsSuppression     *self,
                                              guint               cell);
void            kns_suppression_get_range    (KnsSuppression     *self,
                                              guint               cell,
                                              gint64             *min,
                                              gint64             *max);

/* Stands for "no upper bound" in kns_suppression_get_range(). */
#define KNS_SUPPRESSION_UNBOUNDED (G_MAXINT64 / 4)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KnsSuppression, kns_suppression_free)

G_END_DECLS
