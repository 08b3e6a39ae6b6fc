/* kns-kit-pdf.c — the certificate, the class poster and printed documents
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
 * Drawn with cairo and pango, like the school report (kns-report-pdf.c),
 * so that nothing here needs a display. The certificate is for a child
 * of six as much as for one of seventeen: big letters, warm words, calm
 * colours, no score. The name on it is typed when it is printed and is
 * kept nowhere but in the PDF.
 */

#define G_LOG_DOMAIN "kns-kit"

#include "kns-config.h"

#include <cairo-pdf.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "kns-kit-pdf.h"

#define MM (72.0 / 25.4)

/* Calm colours of the GNOME palette: blue 3, green 4, yellow 3. */
#define BLUE   0.208, 0.518, 0.894
#define GREEN  0.149, 0.635, 0.412
#define GOLD   0.965, 0.827, 0.176
#define INK    0.12, 0.12, 0.14
#define TINT   0.93, 0.95, 0.99

typedef struct
{
  cairo_t *cr;
  double   width;
  double   height;
  double   left;
  double   right;
  double   top;
  double   bottom;
  double   y;
  guint    page;
} Page;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

KnsPrintSection *
kns_print_section_new (const char         *heading,
                       GPtrArray          *blocks,
                       const char * const *bullets)
{
  KnsPrintSection *section = g_new0 (KnsPrintSection, 1);

  section->heading = g_strdup (heading);
  section->blocks = blocks != NULL ? g_ptr_array_ref (blocks) : NULL;
  section->bullets = g_strdupv ((char **) bullets);
  return section;
}

void
kns_print_section_free (KnsPrintSection *section)
{
  if (section == NULL)
    return;
  g_free (section->heading);
  g_clear_pointer (&section->blocks, g_ptr_array_unref);
  g_strfreev (section->bullets);
  g_free (section);
}

/**
 * kns_kit_format_date:
 *
 * Returns: (transfer full): the date as a Vietnamese document writes it,
 *   "ngày 6 tháng 12 năm 2026"
 */
char *
kns_kit_format_date (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  /* Translators: a date on a certificate: day, month, year */
  return g_strdup_printf (_("%u/%u/%u"), g_date_get_day (date), g_date_get_month (date),
                          g_date_get_year (date));
}

static PangoLayout *
make_layout (cairo_t        *cr,
             const char     *text,
             gboolean        markup,
             double          size,
             gboolean        bold,
             double          width,
             PangoAlignment  align)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans");

  pango_font_description_set_size (font, (gint) (size * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  if (markup)
    pango_layout_set_markup (layout, text, -1);
  else
    pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, (gint) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, align);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int width, height;

  pango_layout_get_size (layout, &width, &height);
  return (double) height / PANGO_SCALE;
}

/* Draws centred text at the page's y and moves y below it. */
static void
centred (Page       *page,
         const char *text,
         double      size,
         gboolean    bold,
         double      r,
         double      g,
         double      b,
         double      space_after)
{
  g_autoptr(PangoLayout) layout = make_layout (page->cr, text, FALSE, size, bold,
                                               page->right - page->left, PANGO_ALIGN_CENTER);

  /* A very long name shrinks rather than run over the border. */
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (layout, -2);
  cairo_set_source_rgb (page->cr, r, g, b);
  cairo_move_to (page->cr, page->left, page->y);
  pango_cairo_show_layout (page->cr, layout);
  page->y += layout_height (layout) + space_after;
}

static void
rounded_rect (cairo_t *cr,
              double   x,
              double   y,
              double   w,
              double   h,
              double   radius)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + w - radius, y + h - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + h - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
star (cairo_t *cr,
      double   cx,
      double   cy,
      double   radius)
{
  for (guint i = 0; i < 10; i++)
    {
      double angle = -G_PI / 2 + i * G_PI / 5;
      double r = i % 2 == 0 ? radius : radius * 0.45;

      if (i == 0)
        cairo_move_to (cr, cx + r * cos (angle), cy + r * sin (angle));
      else
        cairo_line_to (cr, cx + r * cos (angle), cy + r * sin (angle));
    }
  cairo_close_path (cr);
  cairo_set_source_rgb (cr, GOLD);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 0.85, 0.6, 0.05);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

static void
frame (Page   *page,
       double  scale)
{
  cairo_t *cr = page->cr;
  double m = 8 * MM * scale;

  cairo_set_line_width (cr, 5 * scale);
  cairo_set_source_rgb (cr, BLUE);
  rounded_rect (cr, m, m, page->width - 2 * m, page->height - 2 * m, 14 * MM * scale);
  cairo_stroke (cr);
  cairo_set_line_width (cr, 2 * scale);
  cairo_set_source_rgb (cr, GREEN);
  rounded_rect (cr, m + 4 * MM * scale, m + 4 * MM * scale, page->width - 2 * m - 8 * MM * scale,
                page->height - 2 * m - 8 * MM * scale, 10 * MM * scale);
  cairo_stroke (cr);

  star (cr, m + 20 * MM * scale, m + 20 * MM * scale, 9 * MM * scale);
  star (cr, page->width - m - 20 * MM * scale, m + 20 * MM * scale, 9 * MM * scale);
}

/* The rules, each behind a star, in a column centred on the page. */
static void
rules (Page               *page,
       const char * const *pledge,
       double              size,
       double              column)
{
  double x = (page->width - column) / 2;

  for (guint i = 0; pledge != NULL && pledge[i] != NULL; i++)
    {
      g_autoptr(PangoLayout) layout = make_layout (page->cr, pledge[i], FALSE, size, FALSE,
                                                   column - size * 1.6, PANGO_ALIGN_LEFT);
      double height = layout_height (layout);

      star (page->cr, x + size * 0.5, page->y + height / 2, size * 0.5);
      cairo_set_source_rgb (page->cr, INK);
      cairo_move_to (page->cr, x + size * 1.4, page->y);
      pango_cairo_show_layout (page->cr, layout);
      page->y += height + size * 0.35;
    }
}

static double
rules_height (Page               *page,
              const char * const *pledge,
              double              size,
              double              column)
{
  double height = 0;

  for (guint i = 0; pledge != NULL && pledge[i] != NULL; i++)
    {
      g_autoptr(PangoLayout) layout = make_layout (page->cr, pledge[i], FALSE, size, FALSE,
                                                   column - size * 1.6, PANGO_ALIGN_LEFT);

      height += layout_height (layout) + size * 0.35;
    }
  return height;
}

/* The biggest letters, up to @size, at which the rules fit above @limit:
 * older classes' rules are longer than "Em nhớ số 111." */
static double
fit_rules (Page               *page,
           const char * const *pledge,
           double              size,
           double              column,
           double              limit)
{
  while (size > 9 && page->y + rules_height (page, pledge, size, column) > limit)
    size -= 0.5;
  return size;
}

static GBytes *
finish (cairo_surface_t  *surface,
        GByteArray       *bytes,
        GError          **error)
{
  cairo_status_t status;

  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_byte_array_unref (bytes);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The PDF could not be drawn: %s"),
                   cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (bytes);
}

static void
paper_size (KnsPaper  paper,
            gboolean  landscape,
            double   *width,
            double   *height)
{
  double short_side = paper == KNS_PAPER_A5 ? 148 * MM : 210 * MM;
  double long_side = paper == KNS_PAPER_A5 ? 210 * MM : 297 * MM;

  *width = landscape ? long_side : short_side;
  *height = landscape ? short_side : long_side;
}

/**
 * kns_kit_certificate_pdf:
 * @paper: A4 or A5, landscape
 *
 * Returns: (transfer full) (nullable): the certificate as a one-page PDF
 */
GBytes *
kns_kit_certificate_pdf (const KnsCertificate  *certificate,
                         KnsPaper               paper,
                         GError               **error)
{
  GByteArray *bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  g_autofree char *date = NULL;
  g_autofree char *finished = NULL;
  g_autofree char *signed_on = NULL;
  Page page = { 0 };
  double scale;

  g_return_val_if_fail (certificate != NULL && certificate->name != NULL, NULL);
  g_return_val_if_fail (certificate->tier_title != NULL && certificate->date != NULL, NULL);

  paper_size (paper, TRUE, &page.width, &page.height);
  scale = page.width / (297 * MM);
  surface = cairo_pdf_surface_create_for_stream (write_cb, bytes, page.width, page.height);
  /* Translators: the PDF's title, in its properties */
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _("Certificate"));
  page.cr = cairo_create (surface);
  page.left = 32 * MM * scale;
  page.right = page.width - 32 * MM * scale;
  page.y = 20 * MM * scale;

  frame (&page, scale);
  if (certificate->school != NULL && *certificate->school != '\0')
    centred (&page, certificate->school, 13 * scale, TRUE, INK, 4 * scale);
  else
    page.y += 8 * scale;
  /* Translators: the big title of the certificate a child gets */
  centred (&page, _("CERTIFICATE"), 38 * scale, TRUE, BLUE, 2 * scale);
  /* Translators: on the certificate, before the child's name */
  centred (&page, _("Well done,"), 18 * scale, FALSE, INK, 0);
  centred (&page, certificate->name, 40 * scale, TRUE, GREEN, 2 * scale);
  /* Translators: on the certificate; %s is a tier, "Lớp 1–3" */
  finished = g_strdup_printf (_("you finished the lessons of %s in Kỹ năng số!"),
                              certificate->tier_title);
  centred (&page, finished, 17 * scale, FALSE, INK, 6 * scale);
  /* Translators: on the certificate, before the tier's five rules */
  centred (&page, _("I promise:"), 17 * scale, TRUE, BLUE, 4 * scale);
  rules (&page, certificate->pledge,
         fit_rules (&page, certificate->pledge, 17 * scale, 215 * MM * scale,
                    page.height - 34 * MM * scale),
         215 * MM * scale);

  date = kns_kit_format_date (certificate->date);
  /* Translators: on the certificate; %s is a date */
  signed_on = g_strdup_printf (_("Date: %s"), date);
  page.y = page.height - 30 * MM * scale;
  {
    g_autoptr(PangoLayout) left = make_layout (page.cr, signed_on, FALSE, 12 * scale, FALSE,
                                               90 * MM * scale, PANGO_ALIGN_LEFT);
    /* Translators: on the certificate, where a teacher or a parent signs */
    g_autoptr(PangoLayout) right = make_layout (page.cr, _("Teacher or parent"), FALSE,
                                                12 * scale, FALSE, 90 * MM * scale,
                                                PANGO_ALIGN_RIGHT);

    cairo_set_source_rgb (page.cr, INK);
    cairo_move_to (page.cr, page.left, page.y);
    pango_cairo_show_layout (page.cr, left);
    /* Room to sign, above the words. */
    cairo_set_line_width (page.cr, 0.6);
    cairo_move_to (page.cr, page.right - 60 * MM * scale, page.y - 2 * scale);
    cairo_line_to (page.cr, page.right, page.y - 2 * scale);
    cairo_stroke (page.cr);
    cairo_move_to (page.cr, page.right - 90 * MM * scale, page.y);
    pango_cairo_show_layout (page.cr, right);
  }

  cairo_show_page (page.cr);
  cairo_destroy (page.cr);
  return finish (surface, bytes, error);
}

/**
 * kns_kit_poster_pdf:
 * @school: (nullable): the school's name
 *
 * The class's version of the pledge, for the wall: the five rules in big
 * letters and room for every pupil to sign.
 *
 * Returns: (transfer full) (nullable): the poster as a one-page PDF
 */
GBytes *
kns_kit_poster_pdf (const char         *tier_title,
                    const char * const *pledge,
                    const char         *school,
                    KnsPaper            paper,
                    GError            **error)
{
  GByteArray *bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  g_autofree char *subtitle = NULL;
  Page page = { 0 };
  double scale;

  g_return_val_if_fail (tier_title != NULL && pledge != NULL, NULL);

  paper_size (paper, FALSE, &page.width, &page.height);
  scale = page.width / (210 * MM);
  surface = cairo_pdf_surface_create_for_stream (write_cb, bytes, page.width, page.height);
  /* Translators: the PDF's title, in its properties */
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _("Our class’s promise"));
  page.cr = cairo_create (surface);
  page.left = 22 * MM * scale;
  page.right = page.width - 22 * MM * scale;
  page.y = 24 * MM * scale;

  frame (&page, scale * 0.8);
  if (school != NULL && *school != '\0')
    centred (&page, school, 12 * scale, TRUE, INK, 6 * scale);
  /* Translators: the title of the class poster */
  centred (&page, _("OUR CLASS’S PROMISE"), 30 * scale, TRUE, BLUE, 4 * scale);
  /* Translators: under the poster's title; %s is a tier, "Lớp 1–3" */
  subtitle = g_strdup_printf (_("Staying safe online · %s"), tier_title);
  centred (&page, subtitle, 15 * scale, FALSE, INK, 14 * scale);
  rules (&page, pledge, fit_rules (&page, pledge, 20 * scale, 165 * MM * scale, page.height * 0.62),
         165 * MM * scale);

  page.y += 10 * scale;
  /* Translators: on the class poster, above the room for signatures */
  centred (&page, _("Our names:"), 15 * scale, TRUE, GREEN, 6 * scale);
  cairo_set_source_rgb (page.cr, 0.6, 0.6, 0.65);
  cairo_set_line_width (page.cr, 0.6);
  for (double y = page.y + 12 * scale; y < page.height - 24 * MM * scale; y += 11 * MM * scale)
    for (guint column = 0; column < 3; column++)
      {
        double w = (page.right - page.left) / 3;
        double x = page.left + column * w;

        cairo_move_to (page.cr, x + 3 * MM * scale, y);
        cairo_line_to (page.cr, x + w - 3 * MM * scale, y);
        cairo_stroke (page.cr);
      }

  cairo_show_page (page.cr);
  cairo_destroy (page.cr);
  return finish (surface, bytes, error);
}

/* Documents: A4 portrait, text that flows from page to page. */

#define DOC_BODY 10.5

static void
doc_new_page (Page *page)
{
  g_autofree char *number = NULL;
  g_autoptr(PangoLayout) footer = NULL;

  /* Translators: at the foot of each page of a printed document */
  number = g_strdup_printf (_("Page %u"), page->page);
  footer = make_layout (page->cr, number, FALSE, 8, FALSE, page->right - page->left,
                        PANGO_ALIGN_CENTER);
  cairo_set_source_rgb (page->cr, 0.4, 0.4, 0.45);
  cairo_move_to (page->cr, page->left, page->height - 12 * MM);
  pango_cairo_show_layout (page->cr, footer);
  cairo_show_page (page->cr);
  page->page++;
  page->y = page->top;
}

/* Draws a layout at x, turning the page first if it does not fit. */
static void
doc_put (Page        *page,
         PangoLayout *layout,
         double       x,
         double       space_after)
{
  double height = layout_height (layout);

  if (page->y + height > page->bottom && page->y > page->top)
    doc_new_page (page);
  cairo_set_source_rgb (page->cr, INK);
  cairo_move_to (page->cr, x, page->y);
  pango_cairo_show_layout (page->cr, layout);
  page->y += height + space_after;
}

static void doc_blocks (Page      *page,
                        GPtrArray *blocks,
                        double     indent);

static void
doc_text (Page       *page,
          const char *markup,
          double      size,
          gboolean    bold,
          double      indent,
          double      space_after)
{
  g_autoptr(PangoLayout) layout = make_layout (page->cr, markup, TRUE, size, bold,
                                               page->right - page->left - indent,
                                               PANGO_ALIGN_LEFT);

  doc_put (page, layout, page->left + indent, space_after);
}

static void
doc_list (Page     *page,
          KnsBlock *list,
          double    indent)
{
  for (guint i = 0; i < list->children->len; i++)
    {
      KnsBlock *item = g_ptr_array_index (list->children, i);
      g_autofree char *marker = list->ordered ? g_strdup_printf ("%u.", list->start + i)
                                              : g_strdup ("•");
      g_autoptr(PangoLayout) layout = make_layout (page->cr, marker, FALSE, DOC_BODY, FALSE,
                                                   6 * MM, PANGO_ALIGN_LEFT);
      double y;

      if (page->y + layout_height (layout) > page->bottom)
        doc_new_page (page);
      y = page->y;
      cairo_set_source_rgb (page->cr, INK);
      cairo_move_to (page->cr, page->left + indent, y);
      pango_cairo_show_layout (page->cr, layout);
      doc_blocks (page, item->children, indent + 6 * MM);
    }
  page->y += 2;
}

static void
doc_block (Page     *page,
           KnsBlock *block,
           double    indent)
{
  g_autofree char *markup = NULL;

  switch (block->kind)
    {
    case KNS_BLOCK_HEADING:
      markup = kns_spans_to_markup (block->spans);
      doc_text (page, markup, block->level <= 2 ? 13 : 11.5, TRUE, indent, 4);
      break;
    case KNS_BLOCK_PARAGRAPH:
      markup = kns_spans_to_markup (block->spans);
      doc_text (page, markup, DOC_BODY, FALSE, indent, 5);
      break;
    case KNS_BLOCK_LIST:
      doc_list (page, block, indent);
      break;
    case KNS_BLOCK_ITEM:
      doc_blocks (page, block->children, indent);
      break;
    case KNS_BLOCK_CALLOUT:
    case KNS_BLOCK_QUOTE:
      {
        double top = page->y;

        if (block->title != NULL)
          {
            g_autofree char *escaped = g_markup_escape_text (block->title, -1);

            markup = g_strdup_printf ("<b>%s:</b>", escaped);
            doc_text (page, markup, DOC_BODY, FALSE, indent + 4 * MM, 2);
          }
        doc_blocks (page, block->children, indent + 4 * MM);
        /* A bar beside the call-out, on the page where it ends. */
        cairo_set_source_rgb (page->cr, BLUE);
        cairo_rectangle (page->cr, page->left + indent, MIN (top, page->y), 1.5 * MM,
                         page->y > top ? page->y - top - 4 : 0);
        cairo_fill (page->cr);
        page->y += 3;
      }
      break;
    case KNS_BLOCK_IMAGE:
      if (block->text != NULL)
        {
          g_autofree char *escaped = g_markup_escape_text (block->text, -1);

          markup = g_strdup_printf ("<i>[%s]</i>", escaped);
          doc_text (page, markup, DOC_BODY - 1, FALSE, indent, 4);
        }
      break;
    case KNS_BLOCK_CODE:
      markup = g_markup_escape_text (block->text ? block->text : "", -1);
      doc_text (page, markup, DOC_BODY - 1, FALSE, indent, 4);
      break;
    case KNS_BLOCK_RULE:
      page->y += 6;
      break;
    default:
      break;
    }
}

static void
doc_blocks (Page      *page,
            GPtrArray *blocks,
            double     indent)
{
  for (guint i = 0; blocks != NULL && i < blocks->len; i++)
    doc_block (page, g_ptr_array_index (blocks, i), indent);
}

/**
 * kns_kit_document_pdf:
 * @subtitle: (nullable): a line under the title
 * @sections: (element-type KnsPrintSection): what the document says
 *
 * A plain A4 document: a teacher's session plan, the parents' page.
 *
 * Returns: (transfer full) (nullable): the PDF
 */
GBytes *
kns_kit_document_pdf (const char  *title,
                      const char  *subtitle,
                      GPtrArray   *sections,
                      GError     **error)
{
  GByteArray *bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  g_autofree char *escaped = NULL;
  Page page = { 0 };

  g_return_val_if_fail (title != NULL && sections != NULL, NULL);

  paper_size (KNS_PAPER_A4, FALSE, &page.width, &page.height);
  surface = cairo_pdf_surface_create_for_stream (write_cb, bytes, page.width, page.height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  page.cr = cairo_create (surface);
  page.left = 25 * MM;
  page.right = page.width - 20 * MM;
  page.top = 20 * MM;
  page.bottom = page.height - 22 * MM;
  page.y = page.top;
  page.page = 1;

  escaped = g_markup_escape_text (title, -1);
  doc_text (&page, escaped, 17, TRUE, 0, subtitle != NULL ? 2 : 10);
  if (subtitle != NULL)
    {
      g_autofree char *sub = g_markup_escape_text (subtitle, -1);

      doc_text (&page, sub, DOC_BODY, FALSE, 0, 10);
    }

  for (guint i = 0; i < sections->len; i++)
    {
      KnsPrintSection *section = g_ptr_array_index (sections, i);

      if (section->heading != NULL)
        {
          g_autofree char *heading = g_markup_escape_text (section->heading, -1);

          page.y += 4;
          doc_text (&page, heading, 13, TRUE, 0, 4);
        }
      doc_blocks (&page, section->blocks, 0);
      for (guint j = 0; section->bullets != NULL && section->bullets[j] != NULL; j++)
        {
          g_autofree char *line = g_markup_escape_text (section->bullets[j], -1);
          g_autofree char *item = g_strdup_printf ("•  %s", line);

          doc_text (&page, item, DOC_BODY, FALSE, 2 * MM, 3);
        }
    }

  /* The last page's number. */
  {
    g_autofree char *number = g_strdup_printf (_("Page %u"), page.page);
    g_autoptr(PangoLayout) footer = make_layout (page.cr, number, FALSE, 8, FALSE,
                                                 page.right - page.left, PANGO_ALIGN_CENTER);

    cairo_set_source_rgb (page.cr, 0.4, 0.4, 0.45);
    cairo_move_to (page.cr, page.left, page.height - 12 * MM);
    pango_cairo_show_layout (page.cr, footer);
  }
  cairo_show_page (page.cr);
  cairo_destroy (page.cr);
  return finish (surface, bytes, error);
}
