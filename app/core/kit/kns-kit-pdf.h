/* kns-kit-pdf.h — the certificate, the class poster and printed documents
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

#include "kns-markdown.h"

G_BEGIN_DECLS

typedef enum
{
  KNS_PAPER_A4,
  KNS_PAPER_A5,
} KnsPaper;

/* What a certificate says. @name is typed when it is printed and goes
 * nowhere but the PDF. */
typedef struct
{
  const char         *name;
  const char         *tier_title;   /* "Lớp 1–3" */
  const char * const *pledge;       /* the tier's five rules */
  const char         *school;       /* nullable */
  const GDate        *date;
} KnsCertificate;

/* A part of a printed document: a heading, then blocks, then lines of
 * plain text each printed as a bullet. */
typedef struct
{
  char      *heading;  /* nullable */
  GPtrArray *blocks;   /* KnsBlock, nullable */
  GStrv      bullets;  /* nullable */
} KnsPrintSection;

KnsPrintSection *kns_print_section_new   (const char         *heading,
                                          GPtrArray          *blocks,
                                          const char * const *bullets);
void             kns_print_section_free  (KnsPrintSection    *section);

GBytes *kns_kit_certificate_pdf (const KnsCertificate *certificate,
                                 KnsPaper              paper,
                                 GError              **error);
GBytes *kns_kit_poster_pdf      (const char           *tier_title,
                                 const char * const   *pledge,
                                 const char           *school,
                                 KnsPaper              paper,
                                 GError              **error);
GBytes *kns_kit_document_pdf    (const char           *title,
                                 const char           *subtitle,
                                 GPtrArray            *sections,
                                 GError              **error);
char   *kns_kit_format_date     (const GDate          *date);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KnsPrintSection, kns_print_section_free)

G_END_DECLS
