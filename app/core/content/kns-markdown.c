/* kns-markdown.c — CommonMark (cmark) to the block model
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

#define G_LOG_DOMAIN "kns-content"

#include "kns-config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "kns-content-private.h"
#include "kns-markdown.h"
#include "kns-text.h"

static const struct
{
  const char     *marker; /* casefolded */
  KnsCalloutKind  kind;
} callout_markers[] = {
  { "ghi nhớ", KNS_CALLOUT_REMEMBER },
  { "cảnh báo", KNS_CALLOUT_WARNING },
  { "khi cần giúp đỡ", KNS_CALLOUT_HELP },
  { "mẹo", KNS_CALLOUT_TIP },
  { "em có biết", KNS_CALLOUT_TIP },
  { "bạn có biết", KNS_CALLOUT_TIP },
};

static void
span_free (gpointer data)
{
  KnsSpan *span = data;

  g_free (span->text);
  g_free (span->url);
  g_free (span);
}

static GPtrArray *
span_array_new (void)
{
  return g_ptr_array_new_with_free_func (span_free);
}

static GPtrArray *
block_array_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) kns_block_free);
}

static KnsBlock *
block_new (KnsBlockKind  kind,
           guint         line)
{
  KnsBlock *block = g_new0 (KnsBlock, 1);

  block->kind = kind;
  block->line = line;
  return block;
}

void
kns_block_free (KnsBlock *block)
{
  if (block == NULL)
    return;

  g_free (block->title);
  g_free (block->text);
  g_free (block->path);
  g_clear_pointer (&block->spans, g_ptr_array_unref);
  g_clear_pointer (&block->children, g_ptr_array_unref);
  g_free (block);
}

static guint
node_line (KnsParseContext *ctx,
           cmark_node      *node)
{
  return (guint) MAX (cmark_node_get_start_line (node), 1) + ctx->line_offset;
}

/* Lines reported through kns_diagnose() are offset there. */
static guint
node_local_line (cmark_node *node)
{
  return (guint) MAX (cmark_node_get_start_line (node), 1);
}

static void
add_span (GPtrArray    *spans,
          const char   *text,
          KnsSpanStyle  style,
          const char   *url)
{
  KnsSpan *last = spans->len > 0 ? g_ptr_array_index (spans, spans->len - 1) : NULL;
  KnsSpan *span;

  if (text == NULL || *text == '\0')
    return;

  if (last != NULL && last->style == style && g_strcmp0 (last->url, url) == 0)
    {
      char *joined = g_strconcat (last->text, text, NULL);

      g_free (last->text);
      last->text = joined;
      return;
    }

  span = g_new0 (KnsSpan, 1);
  span->text = g_strdup (text);
  span->style = style;
  span->url = g_strdup (url);
  g_ptr_array_add (spans, span);
}

static void
append_plain_text (GString    *out,
                   cmark_node *node)
{
  g_autoptr(cmark_iter) iter = cmark_iter_new (node);
  cmark_event_type ev;

  while ((ev = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *cur = cmark_iter_get_node (iter);

      if (ev != CMARK_EVENT_ENTER)
        continue;

      switch (cmark_node_get_type (cur))
        {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
        case CMARK_NODE_HTML_INLINE:
          g_string_append (out, cmark_node_get_literal (cur));
          break;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
          g_string_append_c (out, ' ');
          break;
        default:
          break;
        }
    }
}

static gboolean
path_is_inside (const char *path,
                const char *root)
{
  gsize len = strlen (root);

  return strncmp (path, root, len) == 0 && (path[len] == '/' || root[len - 1] == '/');
}

/* Resolves an image reference and checks that it names a file inside the
 * content folder, so that a lesson cannot show /etc/… or the internet. */
static char *
resolve_image (KnsParseContext     *ctx,
               const KnsMediaScope *scope,
               const char          *url,
               guint                line)
{
  g_autofree char *unescaped = NULL;
  g_autofree char *path = NULL;
  g_autofree char *real_path = NULL;
  g_autofree char *real_root = NULL;

  if (url == NULL || *url == '\0')
    {
      kns_diagnose (ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_IMAGE_MISSING, line,
                    _("The picture has no file name. Write it as ![description](../media/picture.svg)."));
      return NULL;
    }

  unescaped = g_uri_unescape_string (url, NULL);
  if (unescaped == NULL || g_path_is_absolute (unescaped) || strstr (unescaped, "://") != NULL ||
      g_str_has_prefix (unescaped, "data:"))
    {
      kns_diagnose (ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_IMAGE_OUTSIDE, line,
                    _("The picture “%s” must be a file inside the content folder, written "
                      "relative to the lesson, such as ../media/picture.svg."),
                    url);
      return NULL;
    }

  if (scope == NULL || scope->base_dir == NULL || scope->root_dir == NULL)
    return g_strdup (unescaped);

  path = g_canonicalize_filename (unescaped, scope->base_dir);
  real_root = realpath (scope->root_dir, NULL);
  if (real_root == NULL)
    real_root = g_canonicalize_filename (scope->root_dir, NULL);
  real_path = realpath (path, NULL);

  /* Check the name as written first, then where symbolic links lead. */
  if (!path_is_inside (path, scope->root_dir) ||
      (real_path != NULL && !path_is_inside (real_path, real_root)))
    {
      kns_diagnose (ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_IMAGE_OUTSIDE, line,
                    _("The picture “%s” lies outside the content folder; put it in the "
                      "media folder and write ../media/…"),
                    url);
      return NULL;
    }

  if (real_path == NULL || !g_file_test (real_path, G_FILE_TEST_IS_REGULAR))
    {
      kns_diagnose (ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_IMAGE_MISSING, line,
                    _("The picture “%s” does not exist. Check the file name and the folder."),
                    url);
      return NULL;
    }

  return g_steal_pointer (&real_path);
}

static KnsBlock *
convert_image (KnsParseContext     *ctx,
               const KnsMediaScope *scope,
               cmark_node          *node)
{
  g_autoptr(GString) alt = g_string_new (NULL);
  g_autoptr(KnsBlock) block = block_new (KNS_BLOCK_IMAGE, node_line (ctx, node));
  guint line = node_local_line (node);

  append_plain_text (alt, node);
  block->text = kns_text_strip (alt->str);
  block->path = resolve_image (ctx, scope, cmark_node_get_url (node), line);

  if (*block->text == '\0')
    kns_diagnose (ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_IMAGE_NO_ALT, line,
                  _("The picture has no description. Write what it shows between the "
                    "brackets: ![A boy asking his mother](…); screen readers read it aloud."));

  if (block->path == NULL || *block->text == '\0')
    return NULL;

  return g_steal_pointer (&block);
}

GPtrArray *
kns_markdown_convert_inlines (KnsParseContext     *ctx,
                              const KnsMediaScope *scope,
                              cmark_node          *parent,
                              GPtrArray          **images)
{
  g_autoptr(GPtrArray) spans = span_array_new ();
  g_autoptr(GPtrArray) urls = g_ptr_array_new ();
  g_autoptr(cmark_iter) iter = cmark_iter_new (parent);
  cmark_event_type ev;
  guint strong = 0, emphasis = 0;

  while ((ev = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);
      gboolean enter = ev == CMARK_EVENT_ENTER;
      KnsSpanStyle style = (strong ? KNS_SPAN_STRONG : 0) | (emphasis ? KNS_SPAN_EMPHASIS : 0) |
                           (urls->len ? KNS_SPAN_LINK : 0);
      const char *url = urls->len ? g_ptr_array_index (urls, urls->len - 1) : NULL;

      if (node == parent)
        continue;

      switch (cmark_node_get_type (node))
        {
        case CMARK_NODE_TEXT:
          add_span (spans, cmark_node_get_literal (node), style, url);
          break;
        case CMARK_NODE_CODE:
          add_span (spans, cmark_node_get_literal (node), style | KNS_SPAN_CODE, url);
          break;
        case CMARK_NODE_SOFTBREAK:
          add_span (spans, " ", style, url);
          break;
        case CMARK_NODE_LINEBREAK:
          add_span (spans, "\n", style, url);
          break;
        case CMARK_NODE_HTML_INLINE:
          kns_diagnose (ctx, KNS_SEVERITY_WARNING, KNS_CONTENT_ERROR_RAW_HTML,
                        node_local_line (node),
                        _("HTML such as “%s” is shown as plain text; use Markdown instead."),
                        cmark_node_get_literal (node));
          add_span (spans, cmark_node_get_literal (node), style, url);
          break;
        case CMARK_NODE_STRONG:
          strong = enter ? strong + 1 : strong - 1;
          break;
        case CMARK_NODE_EMPH:
          emphasis = enter ? emphasis + 1 : emphasis - 1;
          break;
        case CMARK_NODE_LINK:
          if (enter)
            g_ptr_array_add (urls, (gpointer) cmark_node_get_url (node));
          else
            g_ptr_array_remove_index (urls, urls->len - 1);
          break;
        case CMARK_NODE_IMAGE:
          {
            KnsBlock *image = convert_image (ctx, scope, node);

            if (image != NULL && images != NULL)
              {
                if (*images == NULL)
                  *images = block_array_new ();
                g_ptr_array_add (*images, image);
              }
            else
              kns_block_free (image);

            /* The alt text is not part of the paragraph. */
            cmark_iter_reset (iter, node, CMARK_EVENT_EXIT);
          }
          break;
        default:
          break;
        }
    }

  return g_steal_pointer (&spans);
}

static gboolean
spans_are_blank (GPtrArray *spans)
{
  for (guint i = 0; i < spans->len; i++)
    {
      KnsSpan *span = g_ptr_array_index (spans, i);

      for (const char *p = span->text; *p; p++)
        if (!g_ascii_isspace (*p))
          return FALSE;
    }
  return TRUE;
}

/* Removes @n_bytes from the start of the text, across spans; used to take
 * the "[x] " off a quiz option and the ": " after a call-out marker. */
void
kns_spans_strip_prefix (GPtrArray *spans,
                        gsize      n_bytes)
{
  while (n_bytes > 0 && spans->len > 0)
    {
      KnsSpan *span = g_ptr_array_index (spans, 0);
      gsize len = strlen (span->text);

      if (len <= n_bytes)
        {
          n_bytes -= len;
          g_ptr_array_remove_index (spans, 0);
          continue;
        }

      memmove (span->text, span->text + n_bytes, len - n_bytes + 1);
      n_bytes = 0;
    }

  /* And the blanks that followed. */
  while (spans->len > 0)
    {
      KnsSpan *span = g_ptr_array_index (spans, 0);
      gsize skip = 0;

      while (span->text[skip] != '\0' && g_ascii_isspace (span->text[skip]))
        skip++;
      if (span->text[skip] != '\0')
        {
          memmove (span->text, span->text + skip, strlen (span->text + skip) + 1);
          break;
        }
      g_ptr_array_remove_index (spans, 0);
    }
}

static KnsCalloutKind
lookup_callout (const char *marker)
{
  g_autofree char *folded = g_utf8_casefold (marker, -1);
  g_autofree char *nfc = g_utf8_normalize (folded, -1, G_NORMALIZE_NFC);

  if (nfc == NULL)
    return KNS_CALLOUT_NONE;

  for (guint i = 0; i < G_N_ELEMENTS (callout_markers); i++)
    if (strcmp (nfc, callout_markers[i].marker) == 0)
      return callout_markers[i].kind;

  /* "Gọi 111", "Gọi 113": a number to call. */
  if (g_str_has_prefix (nfc, "gọi "))
    {
      const char *p = nfc + strlen ("gọi ");

      if (*p != '\0' && strspn (p, "0123456789 ") == strlen (p))
        return KNS_CALLOUT_HOTLINE;
    }

  return KNS_CALLOUT_NONE;
}

/* A block quote whose first words are a bold marker ("**Ghi nhớ:**") is a
 * call-out. Returns the marker with its colon removed, and takes it and
 * the colon out of the quote. */
static char *
take_callout_marker (KnsParseContext *ctx,
                     cmark_node      *quote,
                     KnsCalloutKind  *kind)
{
  cmark_node *strong = NULL;
  g_autofree char *marker = NULL;
  g_autofree char *key = NULL;
  gboolean had_colon;

  *kind = KNS_CALLOUT_NONE;
  if ((marker = kns_markdown_quote_marker (quote, &strong, &had_colon)) == NULL)
    return NULL;

  /* "Em có biết?" keeps its question mark on screen, not in the lookup. */
  key = g_strdup (marker);
  if (g_str_has_suffix (key, "?"))
    key[strlen (key) - 1] = '\0';
  g_strchomp (key);

  *kind = lookup_callout (key);
  if (*kind == KNS_CALLOUT_NONE)
    {
      if (had_colon)
        kns_diagnose (ctx, KNS_SEVERITY_WARNING, KNS_CONTENT_ERROR_UNKNOWN_CALLOUT,
                      node_local_line (strong),
                      _("“%s” is not a known call-out, so this is shown as a plain quote. "
                        "Known ones: Ghi nhớ, Cảnh báo, Gọi 111, Khi cần giúp đỡ, Mẹo, Em có biết."),
                      marker);
      return NULL;
    }

  kns_markdown_drop_marker (strong);
  return g_steal_pointer (&marker);
}

/**
 * kns_markdown_quote_marker:
 * @quote: a block quote
 * @strong: (out): the marker's node, for kns_markdown_drop_marker ()
 * @had_colon: (out) (optional): whether a colon ended the marker
 *
 * The bold words that open a quote's first paragraph: "**Ghi nhớ:**"
 * (a call-out) or "**Kết thúc an toàn:**" (a scenario's ending).
 *
 * Returns: (transfer full) (nullable): the marker's plain text without
 *   its colon, or %NULL if the quote does not open with bold words
 */
char *
kns_markdown_quote_marker (cmark_node  *quote,
                           cmark_node **strong,
                           gboolean    *had_colon)
{
  cmark_node *para = cmark_node_first_child (quote);
  cmark_node *first = para ? cmark_node_first_child (para) : NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  char *marker;
  gboolean colon;

  if (para == NULL || cmark_node_get_type (para) != CMARK_NODE_PARAGRAPH ||
      first == NULL || cmark_node_get_type (first) != CMARK_NODE_STRONG)
    return NULL;

  append_plain_text (text, first);
  marker = kns_text_strip (text->str);
  colon = g_str_has_suffix (marker, ":");
  if (colon)
    marker[strlen (marker) - 1] = '\0';
  g_strchomp (marker);

  *strong = first;
  if (had_colon != NULL)
    *had_colon = colon;
  return marker;
}

/**
 * kns_markdown_drop_marker:
 * @strong: a bold marker that opens a paragraph, such as "**Ghi nhớ**"
 *   or "**Kết thúc an toàn:**"
 *
 * Frees @strong, the line breaks after it, and the colon and spaces
 * that begin the text after it ("**Ghi nhớ**: …" puts the colon there),
 * leaving the words the marker introduces.
 */
void
kns_markdown_drop_marker (cmark_node *strong)
{
  cmark_node *next = cmark_node_next (strong);

  cmark_node_free (strong);
  while (next != NULL && (cmark_node_get_type (next) == CMARK_NODE_SOFTBREAK ||
                          cmark_node_get_type (next) == CMARK_NODE_LINEBREAK))
    {
      cmark_node *line_break = next;

      next = cmark_node_next (next);
      cmark_node_free (line_break);
    }
  if (next != NULL && cmark_node_get_type (next) == CMARK_NODE_TEXT)
    {
      const char *literal = cmark_node_get_literal (next);
      g_autofree char *rest = g_strdup (g_str_has_prefix (literal, ":") ? literal + 1 : literal);

      cmark_node_set_literal (next, g_strchug (rest));
    }
}

/* Converts the children of a quote or a list item one level deeper, or
 * refuses once, at the first block that goes too deep. */
static GPtrArray *
convert_nested (KnsParseContext     *ctx,
                const KnsMediaScope *scope,
                cmark_node          *parent)
{
  GPtrArray *blocks;

  if (ctx->depth >= KNS_CONTENT_MAX_DEPTH)
    {
      if (ctx->too_deep)
        return block_array_new ();
      ctx->too_deep = TRUE;
      kns_diagnose (ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_TOO_DEEP, node_local_line (parent),
                    _("Quotes and lists are nested more than %d levels deep here; a lesson "
                      "needs two or three at most."),
                    KNS_CONTENT_MAX_DEPTH);
      return block_array_new ();
    }

  ctx->depth++;
  blocks = kns_markdown_convert_blocks (ctx, scope, cmark_node_first_child (parent));
  ctx->depth--;

  return blocks;
}

static KnsBlock *
convert_list (KnsParseContext     *ctx,
              const KnsMediaScope *scope,
              cmark_node          *node)
{
  KnsBlock *block = block_new (KNS_BLOCK_LIST, node_line (ctx, node));

  block->ordered = cmark_node_get_list_type (node) == CMARK_ORDERED_LIST;
  block->start = (guint) MAX (cmark_node_get_list_start (node), 0);
  block->children = block_array_new ();

  for (cmark_node *item = cmark_node_first_child (node); item; item = cmark_node_next (item))
    {
      KnsBlock *child = block_new (KNS_BLOCK_ITEM, node_line (ctx, item));

      child->children = convert_nested (ctx, scope, item);
      g_ptr_array_add (block->children, child);
    }

  return block;
}

static void
convert_paragraph (KnsParseContext     *ctx,
                   const KnsMediaScope *scope,
                   cmark_node          *node,
                   GPtrArray           *blocks)
{
  g_autoptr(GPtrArray) images = NULL;
  g_autoptr(GPtrArray) spans = kns_markdown_convert_inlines (ctx, scope, node, &images);

  if (!spans_are_blank (spans))
    {
      KnsBlock *block = block_new (KNS_BLOCK_PARAGRAPH, node_line (ctx, node));

      block->spans = g_steal_pointer (&spans);
      g_ptr_array_add (blocks, block);
    }

  if (images != NULL)
    g_ptr_array_extend_and_steal (blocks, g_steal_pointer (&images));
}

static KnsBlock *
convert_quote (KnsParseContext     *ctx,
               const KnsMediaScope *scope,
               cmark_node          *node)
{
  KnsCalloutKind kind = KNS_CALLOUT_NONE;
  g_autofree char *marker = ctx->depth < KNS_CONTENT_MAX_DEPTH ? take_callout_marker (ctx, node, &kind) : NULL;
  KnsBlock *block = block_new (kind != KNS_CALLOUT_NONE ? KNS_BLOCK_CALLOUT : KNS_BLOCK_QUOTE,
                               node_line (ctx, node));

  block->callout = kind;
  block->title = g_steal_pointer (&marker);
  block->children = convert_nested (ctx, scope, node);
  return block;
}

/* Appends what @node becomes (none, one or several blocks) to @blocks. */
void
kns_markdown_convert_block (KnsParseContext     *ctx,
                            const KnsMediaScope *scope,
                            cmark_node          *node,
                            GPtrArray           *blocks)
{
  KnsBlock *block = NULL;

  switch (cmark_node_get_type (node))
    {
    case CMARK_NODE_PARAGRAPH:
      convert_paragraph (ctx, scope, node, blocks);
      break;
    case CMARK_NODE_HEADING:
      block = block_new (KNS_BLOCK_HEADING, node_line (ctx, node));
      block->level = (guint) CLAMP (cmark_node_get_heading_level (node), 1, 6);
      block->spans = kns_markdown_convert_inlines (ctx, scope, node, NULL);
      break;
    case CMARK_NODE_BLOCK_QUOTE:
      block = convert_quote (ctx, scope, node);
      break;
    case CMARK_NODE_LIST:
      block = convert_list (ctx, scope, node);
      break;
    case CMARK_NODE_CODE_BLOCK:
      block = block_new (KNS_BLOCK_CODE, node_line (ctx, node));
      block->text = g_strdup (cmark_node_get_literal (node));
      break;
    case CMARK_NODE_HTML_BLOCK:
      kns_diagnose (ctx, KNS_SEVERITY_WARNING, KNS_CONTENT_ERROR_RAW_HTML,
                    node_local_line (node),
                    _("HTML is shown as plain text; use Markdown instead."));
      block = block_new (KNS_BLOCK_PARAGRAPH, node_line (ctx, node));
      block->spans = span_array_new ();
      add_span (block->spans, cmark_node_get_literal (node), KNS_SPAN_PLAIN, NULL);
      break;
    case CMARK_NODE_THEMATIC_BREAK:
      block = block_new (KNS_BLOCK_RULE, node_line (ctx, node));
      break;
    default:
      break;
    }

  if (block != NULL)
    g_ptr_array_add (blocks, block);
}

/* @first and all its following siblings. */
GPtrArray *
kns_markdown_convert_blocks (KnsParseContext     *ctx,
                             const KnsMediaScope *scope,
                             cmark_node          *first)
{
  g_autoptr(GPtrArray) blocks = block_array_new ();

  for (cmark_node *node = first; node != NULL; node = cmark_node_next (node))
    kns_markdown_convert_block (ctx, scope, node, blocks);

  return g_steal_pointer (&blocks);
}

cmark_node *
kns_markdown_parse_document (const char *text,
                             gsize       length)
{
  cmark_node *doc = cmark_parse_document (text, length, CMARK_OPT_SOURCEPOS | CMARK_OPT_VALIDATE_UTF8);

  cmark_consolidate_text_nodes (doc);
  return doc;
}

GPtrArray *
kns_markdown_parse_text (KnsParseContext     *ctx,
                         const KnsMediaScope *scope,
                         const char          *text,
                         gsize                length)
{
  g_autoptr(cmark_node) doc = kns_markdown_parse_document (text, length);

  return kns_markdown_convert_blocks (ctx, scope, cmark_node_first_child (doc));
}

char *
kns_spans_to_text (GPtrArray *spans)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; spans != NULL && i < spans->len; i++)
    g_string_append (out, ((KnsSpan *) g_ptr_array_index (spans, i))->text);

  return g_string_free (out, FALSE);
}

/**
 * kns_spans_to_markup:
 *
 * Pango markup for a run of spans. Every literal is escaped. A link is
 * underlined and followed by its address, because the kiosk is offline
 * and never opens it: the child (or a parent at home) can read it.
 */
char *
kns_spans_to_markup (GPtrArray *spans)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; spans != NULL && i < spans->len; i++)
    {
      KnsSpan *span = g_ptr_array_index (spans, i);
      KnsSpan *next = i + 1 < spans->len ? g_ptr_array_index (spans, i + 1) : NULL;
      g_autofree char *escaped = g_markup_escape_text (span->text, -1);

      if (span->style & KNS_SPAN_LINK)
        g_string_append (out, "<u>");
      if (span->style & KNS_SPAN_STRONG)
        g_string_append (out, "<b>");
      if (span->style & KNS_SPAN_EMPHASIS)
        g_string_append (out, "<i>");
      if (span->style & KNS_SPAN_CODE)
        g_string_append (out, "<tt>");
      g_string_append (out, escaped);
      if (span->style & KNS_SPAN_CODE)
        g_string_append (out, "</tt>");
      if (span->style & KNS_SPAN_EMPHASIS)
        g_string_append (out, "</i>");
      if (span->style & KNS_SPAN_STRONG)
        g_string_append (out, "</b>");
      if (span->style & KNS_SPAN_LINK)
        g_string_append (out, "</u>");

      /* After the last span of a link, its address unless the text is it. */
      if ((span->style & KNS_SPAN_LINK) && span->url != NULL &&
          (next == NULL || !(next->style & KNS_SPAN_LINK) || g_strcmp0 (next->url, span->url) != 0) &&
          strstr (span->text, span->url) == NULL)
        {
          g_autofree char *url = g_markup_escape_text (span->url, -1);

          g_string_append_printf (out, " (<tt>%s</tt>)", url);
        }
    }

  return g_string_free (out, FALSE);
}

static void
append_blocks_text (GString   *out,
                    GPtrArray *blocks,
                    guint      depth)
{
  for (guint i = 0; blocks != NULL && i < blocks->len; i++)
    {
      KnsBlock *block = g_ptr_array_index (blocks, i);
      g_autofree char *text = NULL;

      switch (block->kind)
        {
        case KNS_BLOCK_HEADING:
        case KNS_BLOCK_PARAGRAPH:
          text = kns_spans_to_text (block->spans);
          g_string_append_printf (out, "%s\n", text);
          break;
        case KNS_BLOCK_CALLOUT:
          g_string_append_printf (out, "%s:\n", block->title);
          append_blocks_text (out, block->children, depth);
          break;
        case KNS_BLOCK_ITEM:
          for (guint d = 0; d < depth; d++)
            g_string_append (out, "  ");
          g_string_append (out, "• ");
          append_blocks_text (out, block->children, depth + 1);
          break;
        case KNS_BLOCK_LIST:
        case KNS_BLOCK_QUOTE:
          append_blocks_text (out, block->children, depth);
          break;
        case KNS_BLOCK_IMAGE:
        case KNS_BLOCK_CODE:
          g_string_append_printf (out, "%s\n", block->text);
          break;
        case KNS_BLOCK_RULE:
        default:
          break;
        }
    }
}

/* All the words of @blocks, a block a line: for reading aloud, spelling
 * checks and search. */
char *
kns_blocks_to_text (GPtrArray *blocks)
{
  GString *out = g_string_new (NULL);

  append_blocks_text (out, blocks, 0);
  return g_string_free (out, FALSE);
}

const char *
kns_callout_kind_to_string (KnsCalloutKind kind)
{
  switch (kind)
    {
    case KNS_CALLOUT_REMEMBER:
      return "remember";
    case KNS_CALLOUT_WARNING:
      return "warning";
    case KNS_CALLOUT_HOTLINE:
      return "hotline";
    case KNS_CALLOUT_HELP:
      return "help";
    case KNS_CALLOUT_TIP:
      return "tip";
    case KNS_CALLOUT_NONE:
    default:
      return "none";
    }
}
