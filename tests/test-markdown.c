/* test-markdown.c — the block model and its rendering helpers
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

#include "kns-config.h"

#include <string.h>

#include "kns-content-private.h"
#include "kns-markdown.h"

static GPtrArray *
parse (const char *markdown,
       GPtrArray  *diagnostics)
{
  KnsParseContext ctx;

  kns_parse_context_init (&ctx, "test.md", diagnostics);
  return kns_markdown_parse_text (&ctx, NULL, markdown, strlen (markdown));
}

typedef struct
{
  const char *markdown;
  const char *markup;
} MarkupCase;

static const MarkupCase markup_cases[] = {
  { "Chữ **đậm** và *nghiêng*", "Chữ <b>đậm</b> và <i>nghiêng</i>" },
  /* Literals are escaped; raw HTML never becomes markup. */
  { "a < b & c > d", "a &lt; b &amp; c &gt; d" },
  { "<span foreground=\"red\">đỏ</span>", "&lt;span foreground=&quot;red&quot;&gt;đỏ&lt;/span&gt;" },
  { "`<b>mã</b>`", "<tt>&lt;b&gt;mã&lt;/b&gt;</tt>" },
  /* A link shows its address, escaped, because it is never opened. */
  { "[trang](https://vn-cop.vn/?a=1&b=<2>)", "<u>trang</u> (<tt>https://vn-cop.vn/?a=1&amp;b=&lt;2&gt;</tt>)" },
  { "[vn-cop.vn](vn-cop.vn)", "<u>vn-cop.vn</u>" },
  { "[**đậm** thường](x)", "<u><b>đậm</b></u><u> thường</u> (<tt>x</tt>)" },
  { "dòng một\ndòng hai", "dòng một dòng hai" },
  { "dòng một  \ndòng hai", "dòng một\ndòng hai" },
};

static void
test_markup (gconstpointer data)
{
  const MarkupCase *c = data;
  g_autoptr(GPtrArray) diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) kns_diagnostic_unref);
  g_autoptr(GPtrArray) blocks = parse (c->markdown, diagnostics);
  g_autofree char *markup = NULL;
  KnsBlock *block;

  g_assert_cmpuint (blocks->len, ==, 1);
  block = g_ptr_array_index (blocks, 0);
  markup = kns_spans_to_markup (block->spans);
  g_assert_cmpstr (markup, ==, c->markup);
}

static void
test_strip_prefix (void)
{
  g_autoptr(GPtrArray) diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) kns_diagnostic_unref);
  g_autoptr(GPtrArray) blocks = parse ("[x]   **Đúng** rồi", diagnostics);
  KnsBlock *block = g_ptr_array_index (blocks, 0);
  g_autofree char *text = NULL;

  kns_spans_strip_prefix (block->spans, 3);
  text = kns_spans_to_text (block->spans);
  g_assert_cmpstr (text, ==, "Đúng rồi");
  g_assert_cmpint (((KnsSpan *) g_ptr_array_index (block->spans, 0))->style, ==, KNS_SPAN_STRONG);
}

static void
test_blocks_to_text (void)
{
  g_autoptr(GPtrArray) diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) kns_diagnostic_unref);
  g_autoptr(GPtrArray) blocks = parse ("# Tiêu đề\n\nĐoạn **một**.\n\n- A\n- B\n\n> **Ghi nhớ:** Nhớ nhé.\n",
                                       diagnostics);
  g_autofree char *text = kns_blocks_to_text (blocks);

  g_assert_cmpstr (text, ==, "Tiêu đề\nĐoạn một.\n• A\n• B\nGhi nhớ:\nNhớ nhé.\n");
}

static void
test_callout_case_and_colon (void)
{
  g_autoptr(GPtrArray) diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) kns_diagnostic_unref);
  g_autoptr(GPtrArray) blocks = parse ("> **GHI NHỚ**: Một.\n\n> **Gọi 113** ngay.\n\n> **Gọi mẹ:** không phải số.\n",
                                       diagnostics);
  KnsBlock *block;

  block = g_ptr_array_index (blocks, 0);
  g_assert_cmpint (block->callout, ==, KNS_CALLOUT_REMEMBER);
  g_assert_cmpstr (block->title, ==, "GHI NHỚ");

  block = g_ptr_array_index (blocks, 1);
  g_assert_cmpint (block->callout, ==, KNS_CALLOUT_HOTLINE);

  /* "Gọi" needs a number to be a hotline. */
  block = g_ptr_array_index (blocks, 2);
  g_assert_cmpint (block->kind, ==, KNS_BLOCK_QUOTE);
  g_assert_cmpuint (diagnostics->len, ==, 1);
  g_assert_cmpint (((KnsDiagnostic *) g_ptr_array_index (diagnostics, 0))->code, ==,
                   KNS_CONTENT_ERROR_UNKNOWN_CALLOUT);
}

static void
test_image_without_scope (void)
{
  g_autoptr(GPtrArray) diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) kns_diagnostic_unref);
  g_autoptr(GPtrArray) blocks = parse ("![Ảnh](https://example.com/a.png)\n\n![Ảnh](/etc/hosts)\n", diagnostics);

  /* Neither the internet nor an absolute path. */
  g_assert_cmpuint (blocks->len, ==, 0);
  g_assert_cmpuint (diagnostics->len, ==, 2);
  for (guint i = 0; i < diagnostics->len; i++)
    g_assert_cmpint (((KnsDiagnostic *) g_ptr_array_index (diagnostics, i))->code, ==,
                     KNS_CONTENT_ERROR_IMAGE_OUTSIDE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (markup_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/kns/markdown/markup/%u", i);

      g_test_add_data_func (path, &markup_cases[i], test_markup);
    }
  g_test_add_func ("/kns/markdown/strip-prefix", test_strip_prefix);
  g_test_add_func ("/kns/markdown/blocks-to-text", test_blocks_to_text);
  g_test_add_func ("/kns/markdown/callout-case-and-colon", test_callout_case_and_colon);
  g_test_add_func ("/kns/markdown/image-without-scope", test_image_without_scope);

  return g_test_run ();
}
