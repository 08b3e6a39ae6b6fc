/* kns-content-private.h — what the content parsers share; not for the UI.
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

#include <cmark.h>
#include <glib.h>

#include "kns-content-error.h"

G_BEGIN_DECLS

/* Where a parser is and where its problems go. Lines handed to
 * kns_diagnose() are relative to the text being parsed; line_offset maps
 * them back to the file (front matter and body start lower down). */
typedef struct
{
  const char *file;
  GPtrArray  *diagnostics;
  guint       line_offset;
  guint       n_errors;
  guint       depth;       /* of nested quotes and lists, while converting */
  gboolean    too_deep;    /* reported once a file */
} KnsParseContext;

/* Quotes and lists nest this deep at most. A child's lesson needs two or
 * three levels; the limit keeps a hostile file from exhausting the stack. */
#define KNS_CONTENT_MAX_DEPTH 8

/* Lessons are a few kilobytes; anything this big is a wrong file. */
#define KNS_CONTENT_MAX_FILE_SIZE (1024 * 1024)

void     kns_parse_context_init (KnsParseContext *ctx,
                                 const char      *file,
                                 GPtrArray       *diagnostics);
void     kns_diagnose           (KnsParseContext *ctx,
                                 KnsSeverity      severity,
                                 KnsContentError  code,
                                 guint            line,
                                 const char      *format,
                                 ...) G_GNUC_PRINTF (5, 6);

gboolean kns_read_text_file     (KnsParseContext *ctx,
                                 const char      *path,
                                 char           **text,
                                 gsize           *length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (cmark_node, cmark_node_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (cmark_iter, cmark_iter_free)

G_END_DECLS

#include "kns-markdown.h"

G_BEGIN_DECLS

/* Where a body's images may come from: @base_dir is the lesson's folder
 * (relative paths start there), @root_dir the content folder they must
 * stay inside. */
typedef struct
{
  const char *base_dir;
  const char *root_dir;
} KnsMediaScope;

GPtrArray *kns_markdown_parse_text     (KnsParseContext     *ctx,
                                        const KnsMediaScope *scope,
                                        const char          *text,
                                        gsize                length);
cmark_node *kns_markdown_parse_document (const char         *text,
                                         gsize               length);
void       kns_markdown_convert_block  (KnsParseContext     *ctx,
                                        const KnsMediaScope *scope,
                                        cmark_node          *node,
                                        GPtrArray           *blocks);
GPtrArray *kns_markdown_convert_blocks (KnsParseContext     *ctx,
                                        const KnsMediaScope *scope,
                                        cmark_node          *first);
GPtrArray *kns_markdown_convert_inlines (KnsParseContext     *ctx,
                                         const KnsMediaScope *scope,
                                         cmark_node          *parent,
                                         GPtrArray          **images);
char      *kns_markdown_quote_marker   (cmark_node          *quote,
                                        cmark_node         **strong,
                                        gboolean            *had_colon);
void       kns_markdown_drop_marker    (cmark_node          *strong);
void       kns_spans_strip_prefix      (GPtrArray           *spans,
                                        gsize                n_bytes);

G_END_DECLS

#include "kns-quiz.h"

G_BEGIN_DECLS

KnsQuiz *kns_quiz_parse (KnsParseContext     *ctx,
                         const KnsMediaScope *scope,
                         const char          *text,
                         gsize                length);

G_END_DECLS
