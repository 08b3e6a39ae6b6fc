/* kns-record-item.c
 *
 * Copyright 2026 The Kỹ năng số authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store hands out plain boxed records (KnsLearner, KnsClassSession);
 * a GListStore holds GObjects. This is the one wrapper between them, so
 * that teacher mode's lists are models bound to their list boxes, each
 * row made from its item.
 */

#define G_LOG_DOMAIN "kns-ui"

#include "kns-config.h"

#include "kns-record-item.h"

struct _KnsRecordItem
{
  GObject   parent_instance;

  GType     boxed_type;
  gpointer  record; /* owned copy */
};

G_DEFINE_FINAL_TYPE (KnsRecordItem, kns_record_item, G_TYPE_OBJECT)

static void
kns_record_item_finalize (GObject *object)
{
  KnsRecordItem *self = KNS_RECORD_ITEM (object);

  if (self->record != NULL)
    g_boxed_free (self->boxed_type, self->record);

  G_OBJECT_CLASS (kns_record_item_parent_class)->finalize (object);
}

static void
kns_record_item_class_init (KnsRecordItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kns_record_item_finalize;
}

static void
kns_record_item_init (KnsRecordItem *self)
{
}

/**
 * kns_record_item_new:
 * @boxed_type: the record's type, such as KNS_TYPE_LEARNER
 * @record: copied
 */
KnsRecordItem *
kns_record_item_new (GType         boxed_type,
                     gconstpointer record)
{
  KnsRecordItem *self;

  g_return_val_if_fail (G_TYPE_IS_BOXED (boxed_type), NULL);
  g_return_val_if_fail (record != NULL, NULL);

  self = g_object_new (KNS_TYPE_RECORD_ITEM, NULL);
  self->boxed_type = boxed_type;
  self->record = g_boxed_copy (boxed_type, record);
  return self;
}

/**
 * kns_record_item_get_record:
 *
 * Returns: (transfer none): the record, as it was when the item was made
 */
gconstpointer
kns_record_item_get_record (KnsRecordItem *self)
{
  g_return_val_if_fail (KNS_IS_RECORD_ITEM (self), NULL);
  return self->record;
}

/**
 * kns_record_item_store_new:
 * @records: (element-type gpointer): records of @boxed_type, copied
 *
 * Returns: (transfer full): a list store of one item a record, in order
 */
GListStore *
kns_record_item_store_new (GType      boxed_type,
                           GPtrArray *records)
{
  GListStore *store = g_list_store_new (KNS_TYPE_RECORD_ITEM);

  for (guint i = 0; records != NULL && i < records->len; i++)
    {
      g_autoptr(KnsRecordItem) item = kns_record_item_new (boxed_type,
                                                           g_ptr_array_index (records, i));

      g_list_store_append (store, item);
    }
  return store;
}
