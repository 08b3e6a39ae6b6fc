/* kns-test-pdf.h — reading back the PDF the report writes
 *
 * Copyright 2026 The Kỹ năng số authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *kns_test_pdf_text (GBytes     *pdf,
                             guint      *n_pages);
gboolean  kns_test_pdf_has  (const char *text,
                             const char *words);

G_END_DECLS
