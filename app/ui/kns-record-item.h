/* kns-record-item.h — a store record as an item of a list model
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

#include <gio/gio.h>

G_BEGIN_DECLS

#define KNS_TYPE_RECORD_ITEM (kns_record_item_get_type ())

G_DECLARE_FINAL_TYPE (KnsRecordItem, kns_record_item, KNS, RECORD_ITEM, GObject)

KnsRecordItem *kns_record_item_new        (GType          boxed_type,
                                           gconstpointer  record);
gconstpointer  kns_record_item_get_record (KnsRecordItem *self);
GListStore    *kns_record_item_store_new  (GType          boxed_type,
                                           GPtrArray     *records);

G_END_DECLS
