/* kns-markdown.h — the GTK-free block model of a lesson body
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

typedef enum
{
  KNS_SPAN_PLAIN    = 0,
  KNS_SPAN_STRONG   = 1 << 0,
  KNS_SPAN_EMPHASIS = 1 << 1,
  KNS_SPAN_CODE     = 1 << 2,
  KNS_SPAN_LINK     = 1 << 3,
} KnsSpanStyle;

/* A run of text with one style. Nested Markdown (bold inside a link) is
 * flattened into style bits, which is all a label needs. */
typedef struct
{
  char         *text;
  KnsSpanStyle  style;
  char         *url; /* KNS_SPAN_LINK only: shown, never opened */
} KnsSpan;

typedef enum
{
  KNS_BLOCK_HEADING,
  KNS_BLOCK_PARAGRAPH,
  KNS_BLOCK_LIST,
  KNS_BLOCK_ITEM,
  KNS_BLOCK_CALLOUT,
  KNS_BLOCK_QUOTE,
  KNS_BLOCK_IMAGE,
  KNS_BLOCK_CODE,
  KNS_BLOCK_RULE,
} KnsBlockKind;

typedef enum
{
  KNS_CALLOUT_NONE,
  KNS_CALLOUT_REMEMBER, /* Ghi nhớ */
  KNS_CALLOUT_WARNING,  /* Cảnh báo */
  KNS_CALLOUT_HOTLINE,  /* Gọi 111, Gọi 113 */
  KNS_CALLOUT_HELP,     /* Khi cần giúp đỡ */
  KNS_CALLOUT_TIP,      /* Mẹo, Em có biết */
} KnsCalloutKind;

typedef struct _KnsBlock KnsBlock;

struct _KnsBlock
{
  KnsBlockKind    kind;
  guint           line;     /* in the file, for error messages and tests */
  guint           level;    /* HEADING: 1–6 */
  gboolean        ordered;  /* LIST */
  guint           start;    /* LIST, when ordered */
  KnsCalloutKind  callout;  /* CALLOUT */
  char           *title;    /* CALLOUT: the marker as written, e.g. "Ghi nhớ" */
  char           *text;     /* CODE: the literal; IMAGE: the alt text */
  char           *path;     /* IMAGE: absolute path inside the content folder */
  GPtrArray      *spans;    /* HEADING, PARAGRAPH: KnsSpan */
  GPtrArray      *children; /* LIST: items; ITEM, CALLOUT, QUOTE: blocks */
};

void       kns_block_free         (KnsBlock   *block);
char      *kns_spans_to_text      (GPtrArray  *spans);
char      *kns_spans_to_markup    (GPtrArray  *spans);
char      *kns_blocks_to_text     (GPtrArray  *blocks);
const char *kns_callout_kind_to_string (KnsCalloutKind kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KnsBlock, kns_block_free)

G_END_DECLS
