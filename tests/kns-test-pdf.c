/* kns-test-pdf.c — reading back the PDF the report writes
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
 * The tests read the real file with poppler, as a PDF viewer would, not
 * what the code meant to draw. Poppler breaks text where the page wraps
 * it, so words are compared with every run of white space as one space.
 */

#include "kns-config.h"

#include <string.h>
#ifdef HAVE_POPPLER
#include <poppler.h>

/* poppler-glib 22.12 declares no cleanup functions. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)
#endif

#include "kns-test-pdf.h"

static char *
collapse_space (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/**
 * kns_test_pdf_text:
 * @n_pages: (out) (optional): its pages
 *
 * Returns: (transfer full) (nullable): the text of every page of @pdf,
 *   white space collapsed; fails the test if @pdf is not a PDF poppler
 *   can open; %NULL, the test skipped, where poppler-glib is missing
 */
char *
kns_test_pdf_text (GBytes *pdf,
                   guint  *n_pages)
{
#ifndef HAVE_POPPLER
  g_test_skip ("poppler-glib was not found when this was built: the PDF is not read back");
  return NULL;
#else
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) document = poppler_document_new_from_bytes (pdf, NULL, &error);
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert_no_error (error);
  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (document, i);
      g_autofree char *words = poppler_page_get_text (page);

      g_string_append_printf (text, "%s\n", words);
    }
  if (n_pages != NULL)
    *n_pages = (guint) poppler_document_get_n_pages (document);
  return collapse_space (text->str);
#endif
}

/**
 * kns_test_pdf_has:
 * @text: from kns_test_pdf_text ()
 *
 * Whether @words are in @text, however the page broke their lines.
 */
gboolean
kns_test_pdf_has (const char *text,
                  const char *words)
{
  g_autofree char *wanted = collapse_space (words);

  return strstr (text, wanted) != NULL;
}
