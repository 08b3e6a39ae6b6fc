/* kns-report-pdf.c — the printable A4 report
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
 * Drawn with cairo and pango, not GTK, so that `kynangso
 * --export-report=x.pdf` works without a display. The page follows the
 * shape of a Vietnamese administrative document (NĐ 30/2020): the
 * school's name and the national motto at the top, the title in the
 * middle, numbered sections, and at the end the place and date left
 * blank, "Hiệu trưởng" and room for the signature and seal. Margins:
 * 30 mm on the left for binding, 20 mm elsewhere. Fonts are whatever
 * fontconfig gives for "Sans".
 *
 * It is drawn twice: once to count the pages, once for real, so that
 * each page can say "Trang 2/3".
 */

#define G_LOG_DOMAIN "kns-report"

#include "kns-config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "kns-report-export.h"

#define MM            (72.0 / 25.4)
#define PAGE_WIDTH    (210 * MM)
#define PAGE_HEIGHT   (297 * MM)
#define LEFT          (30 * MM)
#define RIGHT         (PAGE_WIDTH - 20 * MM)
#define TOP           (20 * MM)
#define BOTTOM        (PAGE_HEIGHT - 20 * MM)
#define WIDTH         (RIGHT - LEFT)
#define BODY_SIZE     10.5
#define TABLE_SIZE    9.0
#define SMALL_SIZE    8.0
#define CELL_PADDING  3.0
#define CHART_HEIGHT  (45 * MM)

typedef enum
{
  STYLE_PLAIN = 0,
  STYLE_BOLD = 1 << 0,
  STYLE_ITALIC = 1 << 1,
} Style;

typedef struct
{
  KnsReport       *report;
  cairo_surface_t *surface;
  cairo_t         *cr;
  double           y;
  guint            page;    /* from 1 */
  guint            n_pages; /* 0 while counting */
} Pdf;

/* A table as drawn: texts already formatted. */
typedef struct
{
  guint          n_columns;
  const double  *widths;   /* fractions of the text width */
  const char   **header;
  GPtrArray     *rows;     /* GStrv, n_columns each */
  GArray        *bold;     /* gboolean per row: a total */
  guint          n_label_columns; /* left-aligned; the rest are numbers */
  double         size;
} Table;

static PangoLayout *
make_layout (Pdf            *pdf,
             const char     *text,
             double          size,
             Style           style,
             double          width,
             PangoAlignment  align)
{
  PangoLayout *layout = pango_cairo_create_layout (pdf->cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans");

  pango_font_description_set_size (font, (gint) (size * PANGO_SCALE));
  if (style & STYLE_BOLD)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  if (style & STYLE_ITALIC)
    pango_font_description_set_style (font, PANGO_STYLE_ITALIC);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  /* Plain text: a school's name is never markup. */
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, (gint) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, align);
  return layout;
}

/* Breaks a heading between words; inside a word only if one is wider
 * than the cell, rather than let it run over the border. */
static void
wrap_heading (PangoLayout *layout,
              double       width)
{
  int text_width;

  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_get_pixel_size (layout, &text_width, NULL);
  if (text_width > width)
    pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
}

static double
layout_height (PangoLayout *layout)
{
  int width, height;

  pango_layout_get_size (layout, &width, &height);
  return (double) height / PANGO_SCALE;
}

static void
draw_layout (Pdf         *pdf,
             PangoLayout *layout,
             double       x,
             double       y)
{
  cairo_move_to (pdf->cr, x, y);
  pango_cairo_show_layout (pdf->cr, layout);
}

static void
draw_footer (Pdf *pdf)
{
  g_autofree char *text = NULL;
  g_autoptr(PangoLayout) layout = NULL;

  if (pdf->n_pages == 0)
    return;
  /* Translators: at the foot of each printed page */
  text = g_strdup_printf (_("Page %u of %u"), pdf->page, pdf->n_pages);
  layout = make_layout (pdf, text, SMALL_SIZE, STYLE_PLAIN, WIDTH, PANGO_ALIGN_CENTER);
  cairo_set_source_rgb (pdf->cr, 0.35, 0.35, 0.35);
  draw_layout (pdf, layout, LEFT, BOTTOM + 4 * MM);
  cairo_set_source_rgb (pdf->cr, 0, 0, 0);
}

static void
new_page (Pdf *pdf)
{
  draw_footer (pdf);
  cairo_show_page (pdf->cr);
  pdf->page++;
  pdf->y = TOP;
}

/* Starts a new page unless @height fits on this one. */
static void
make_room (Pdf    *pdf,
           double  height)
{
  if (pdf->y + height > BOTTOM)
    new_page (pdf);
}

static void
paragraph (Pdf            *pdf,
           const char     *text,
           double          size,
           Style           style,
           PangoAlignment  align,
           double          space_after)
{
  g_autoptr(PangoLayout) layout = make_layout (pdf, text, size, style, WIDTH, align);
  double height = layout_height (layout);

  make_room (pdf, height);
  draw_layout (pdf, layout, LEFT, pdf->y);
  pdf->y += height + space_after;
}

static void
heading (Pdf        *pdf,
         guint       number,
         const char *text)
{
  static const char *const roman[] = { "I", "II", "III", "IV", "V", "VI", "VII", "VIII" };
  g_autofree char *title = g_strdup_printf ("%s. %s", roman[MIN (number, 8) - 1], text);

  /* A heading never ends a page alone. */
  make_room (pdf, 60);
  pdf->y += 6;
  paragraph (pdf, title, BODY_SIZE + 0.5, STYLE_BOLD, PANGO_ALIGN_LEFT, 5);
}

/* The header of a Vietnamese administrative document: the school on the
 * left, the national name and motto on the right, each underlined. */
static void
draw_letterhead (Pdf *pdf)
{
  const char *name = kns_report_get_school_name (pdf->report);
  g_autofree char *school = g_utf8_strup (*name != '\0' ? name : "……………………………", -1);
  double column = WIDTH * 0.40;
  g_autoptr(PangoLayout) left = make_layout (pdf, school, TABLE_SIZE, STYLE_BOLD, column,
                                             PANGO_ALIGN_CENTER);
  /* Translators: the national name heading every Vietnamese official document */
  g_autoptr(PangoLayout) nation = make_layout (pdf, _("SOCIALIST REPUBLIC OF VIETNAM"),
                                               TABLE_SIZE, STYLE_BOLD, WIDTH - column,
                                               PANGO_ALIGN_CENTER);
  /* Translators: the national motto under it */
  g_autoptr(PangoLayout) motto = make_layout (pdf, _("Independence – Freedom – Happiness"),
                                              BODY_SIZE, STYLE_BOLD, WIDTH - column,
                                              PANGO_ALIGN_CENTER);
  double left_height = layout_height (left);
  double nation_height = layout_height (nation);
  double motto_height = layout_height (motto);
  PangoRectangle ink, logical;
  double under_y;

  draw_layout (pdf, left, LEFT, pdf->y);
  draw_layout (pdf, nation, LEFT + column, pdf->y);
  draw_layout (pdf, motto, LEFT + column, pdf->y + nation_height);

  /* Short rules under the school and under the motto. */
  cairo_set_line_width (pdf->cr, 0.6);
  under_y = pdf->y + left_height + 3;
  cairo_move_to (pdf->cr, LEFT + column / 2 - 20 * MM / 2, under_y);
  cairo_line_to (pdf->cr, LEFT + column / 2 + 20 * MM / 2, under_y);
  pango_layout_get_pixel_extents (motto, &ink, &logical);
  under_y = pdf->y + nation_height + motto_height + 2;
  cairo_move_to (pdf->cr, LEFT + column + ink.x, under_y);
  cairo_line_to (pdf->cr, LEFT + column + ink.x + ink.width, under_y);
  cairo_stroke (pdf->cr);

  pdf->y += MAX (left_height, nation_height + motto_height) + 14 * MM;
}

static void
draw_title (Pdf *pdf)
{
  /* Translators: the word heading a report, in capitals */
  paragraph (pdf, _("REPORT"), BODY_SIZE + 4, STYLE_BOLD, PANGO_ALIGN_CENTER, 2);
  /* Translators: under "REPORT" on the printed report */
  paragraph (pdf, _("Results of teaching pupils to stay safe online"), BODY_SIZE + 2, STYLE_BOLD,
             PANGO_ALIGN_CENTER, 2);
  paragraph (pdf, kns_report_get_subtitle (pdf->report), BODY_SIZE + 1, STYLE_BOLD,
             PANGO_ALIGN_CENTER, 6);
  cairo_set_line_width (pdf->cr, 0.6);
  cairo_move_to (pdf->cr, LEFT + WIDTH / 2 - 15 * MM, pdf->y);
  cairo_line_to (pdf->cr, LEFT + WIDTH / 2 + 15 * MM, pdf->y);
  cairo_stroke (pdf->cr);
  pdf->y += 8 * MM;
}

static void
info_line (Pdf        *pdf,
           const char *label,
           const char *value)
{
  g_autofree char *text = g_strdup_printf ("%s: %s", label, *value != '\0' ? value : "……………");

  paragraph (pdf, text, BODY_SIZE, STYLE_PLAIN, PANGO_ALIGN_LEFT, 2);
}

static void
draw_general (Pdf *pdf)
{
  KnsReport *report = pdf->report;
  g_autofree char *period = kns_report_format_period (kns_report_get_period (report));
  g_autofree char *computers = g_strdup_printf ("%u", kns_report_get_n_computers (report));
  g_autoptr(GDateTime) made = g_date_time_new_from_unix_local (kns_report_get_generated (report) /
                                                               G_USEC_PER_SEC);
  g_autofree char *made_text = g_date_time_format (made, "%d/%m/%Y");

  /* Translators: a section of the printed report */
  heading (pdf, 1, _("General information"));
  info_line (pdf, _("School"), kns_report_get_school_name (report));
  info_line (pdf, _("Location"), kns_report_get_school_location (report));
  info_line (pdf, _("Period"), period);
  info_line (pdf, _("Computers"), computers);
  info_line (pdf, _("Made on"), made_text);
}

/* Tables */

static double
row_height (Pdf         *pdf,
            const Table *table,
            char       **cells,
            gboolean     bold)
{
  double height = 0;

  for (guint c = 0; c < table->n_columns; c++)
    {
      double width = table->widths[c] * WIDTH - 2 * CELL_PADDING;
      g_autoptr(PangoLayout) layout = make_layout (pdf, cells[c], table->size,
                                                   bold ? STYLE_BOLD : STYLE_PLAIN, width,
                                                   PANGO_ALIGN_LEFT);

      if (cells == (char **) table->header)
        wrap_heading (layout, width);
      height = MAX (height, layout_height (layout));
    }
  return height + 2 * CELL_PADDING;
}

static void
draw_row (Pdf         *pdf,
          const Table *table,
          char       **cells,
          gboolean     bold,
          gboolean     header,
          double       height)
{
  double x = LEFT;

  if (header)
    {
      cairo_set_source_rgb (pdf->cr, 0.91, 0.91, 0.91);
      cairo_rectangle (pdf->cr, LEFT, pdf->y, WIDTH, height);
      cairo_fill (pdf->cr);
      cairo_set_source_rgb (pdf->cr, 0, 0, 0);
    }

  for (guint c = 0; c < table->n_columns; c++)
    {
      double width = table->widths[c] * WIDTH;
      PangoAlignment align = header ? PANGO_ALIGN_CENTER
                                    : c < table->n_label_columns ? PANGO_ALIGN_LEFT
                                                                 : PANGO_ALIGN_RIGHT;
      g_autoptr(PangoLayout) layout = make_layout (pdf, cells[c], table->size,
                                                   bold || header ? STYLE_BOLD : STYLE_PLAIN,
                                                   width - 2 * CELL_PADDING, align);

      if (header)
        wrap_heading (layout, width - 2 * CELL_PADDING);
      draw_layout (pdf, layout, x + CELL_PADDING, pdf->y + CELL_PADDING);
      cairo_rectangle (pdf->cr, x, pdf->y, width, height);
      x += width;
    }
  cairo_set_line_width (pdf->cr, 0.5);
  cairo_stroke (pdf->cr);
  pdf->y += height;
}

/* The header and the first rows, which must not be parted. */
static double
table_head_height (Pdf         *pdf,
                   const Table *table)
{
  double height = row_height (pdf, table, (char **) table->header, TRUE);

  for (guint r = 0; r < MIN (table->rows->len, 3); r++)
    height += row_height (pdf, table, g_ptr_array_index (table->rows, r),
                          g_array_index (table->bold, gboolean, r));
  return height;
}

/* Draws the table, its header again at the top of each new page. */
static void
draw_table (Pdf         *pdf,
            const Table *table)
{
  double header_height = row_height (pdf, table, (char **) table->header, TRUE);

  make_room (pdf, table_head_height (pdf, table));

  for (guint r = 0; r < table->rows->len; r++)
    {
      char **cells = g_ptr_array_index (table->rows, r);
      gboolean bold = g_array_index (table->bold, gboolean, r);
      double height = row_height (pdf, table, cells, bold);

      if (r == 0 || pdf->y + height > BOTTOM)
        {
          make_room (pdf, header_height + height);
          draw_row (pdf, table, (char **) table->header, TRUE, TRUE, header_height);
        }
      draw_row (pdf, table, cells, bold, FALSE, height);
    }
  if (table->rows->len == 0)
    {
      make_room (pdf, header_height);
      draw_row (pdf, table, (char **) table->header, TRUE, TRUE, header_height);
    }
  pdf->y += 4 * MM;
}

static void
table_init (Table         *table,
            guint          n_columns,
            const double  *widths,
            const char   **header,
            guint          n_label_columns)
{
  table->n_columns = n_columns;
  table->widths = widths;
  table->header = header;
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  table->bold = g_array_new (FALSE, FALSE, sizeof (gboolean));
  table->n_label_columns = n_label_columns;
  table->size = TABLE_SIZE;
}

static void
table_clear (Table *table)
{
  g_clear_pointer (&table->rows, g_ptr_array_unref);
  g_clear_pointer (&table->bold, g_array_unref);
}

static void
table_add (Table    *table,
           GStrv     cells,
           gboolean  bold)
{
  g_ptr_array_add (table->rows, cells);
  g_array_append_val (table->bold, bold);
}

/* A hidden figure prints as "*", explained in the notes. */
static char *
cell_text (const KnsReportCell *cell)
{
  return cell->hidden ? g_strdup ("*") : kns_report_cell_format (cell);
}

static void
draw_report_table (Pdf                  *pdf,
                   const KnsReportTable *source)
{
  guint labels = source->group_heading != NULL ? 2 : 1;
  guint n = labels + source->n_columns;
  g_autofree double *widths = g_new (double, n);
  g_autofree const char **header = g_new0 (const char *, n + 1);
  double label_width = labels == 2 ? 0.34 : source->n_columns > 3 ? 0.24 : 0.34;
  Table table = { 0 };

  widths[0] = label_width;
  header[0] = source->row_heading;
  if (labels == 2)
    {
      widths[1] = 0.12;
      header[1] = source->group_heading;
    }
  for (guint c = 0; c < source->n_columns; c++)
    {
      widths[labels + c] = (1.0 - label_width - (labels == 2 ? 0.12 : 0)) / source->n_columns;
      header[labels + c] = source->column_labels[c];
    }

  table_init (&table, n, widths, header, labels);
  for (guint r = 0; r < source->n_rows; r++)
    {
      GStrv cells = g_new0 (char *, n + 1);

      cells[0] = g_strdup (source->row_labels[r]);
      if (labels == 2)
        cells[1] = g_strdup (source->row_groups[r]);
      for (guint c = 0; c < source->n_columns; c++)
        cells[labels + c] = cell_text (kns_report_table_get_cell (source, r, c));
      table_add (&table, cells, source->total_row && r + 1 == source->n_rows);
    }

  /* The table's title stays with its first rows. */
  make_room (pdf, 20 + table_head_height (pdf, &table));
  paragraph (pdf, source->title, BODY_SIZE, STYLE_BOLD | STYLE_ITALIC, PANGO_ALIGN_LEFT, 3);
  draw_table (pdf, &table);
  table_clear (&table);
}

static void
draw_sessions (Pdf *pdf)
{
  static const double widths[] = { 0.05, 0.16, 0.08, 0.13, 0.08, 0.18, 0.10, 0.13, 0.09 };
  const char *header[] = {
    /* Translators: the numbering column of a printed table (TT) */
    C_("report", "No."),
    _("Date"), _("Minutes"), _("Format"), _("Class"), _("Title"), _("Skill groups"),
    _("Competence codes"), _("Pupils"), NULL
  };
  GPtrArray *sessions = kns_report_get_sessions (pdf->report);
  Table table = { 0 };

  heading (pdf, 2, _("Sessions"));
  if (sessions->len == 0)
    {
      /* Translators: in the printed report, when the period has no session */
      paragraph (pdf, _("No session in this period."), BODY_SIZE, STYLE_ITALIC, PANGO_ALIGN_LEFT,
                 4);
      return;
    }

  table_init (&table, G_N_ELEMENTS (widths), widths, header, 8);
  table.size = SMALL_SIZE + 0.5;
  for (guint i = 0; i < sessions->len; i++)
    {
      const KnsReportSession *session = g_ptr_array_index (sessions, i);
      g_autoptr(GDateTime) started = g_date_time_new_from_unix_local (session->started /
                                                                      G_USEC_PER_SEC);
      GStrv cells = g_new0 (char *, G_N_ELEMENTS (widths) + 1);

      cells[0] = g_strdup_printf ("%u", i + 1);
      cells[1] = g_date_time_format (started, "%d/%m/%Y");
      cells[2] = g_strdup_printf ("%u", session->minutes);
      cells[3] = g_strdup (kns_report_format_name (session->format));
      /* A class without a label is named by its grade. */
      cells[4] = *session->class_label != '\0'
                   ? g_strdup (session->class_label)
                   : g_strdup_printf (C_("report", "Grade %u"), session->grade);
      cells[5] = g_strdup (session->title);
      cells[6] = kns_report_format_skill_groups (session->skill_groups);
      cells[7] = g_strjoinv (", ", session->competences);
      cells[8] = cell_text (&session->participants);
      table_add (&table, cells, FALSE);
    }
  draw_table (pdf, &table);
  table_clear (&table);
  paragraph (pdf,
             /* Translators: under the sessions table; the three skill groups of QĐ 830 */
             _("Skill groups (QĐ 830/QĐ-TTg): 1 – using the internet in a healthy, safe way; "
               "2 – protecting oneself when interacting online; 3 – recognising, notifying and "
               "reporting online abuse of children. Competence codes: TT 02/2025/TT-BGDĐT."),
             SMALL_SIZE, STYLE_ITALIC, PANGO_ALIGN_LEFT, 4);
}

/* Headcount by grade, as bars. A hidden figure gets no bar, only "*":
 * a bar's length would tell it. */
static void
draw_chart (Pdf *pdf)
{
  const KnsReportTable *heads = kns_report_get_table (pdf->report, "participants");
  guint n = heads->n_rows - 1;
  gint64 top = 1;
  double base, slot, bar;

  if (n == 0)
    return;
  for (guint r = 0; r < n; r++)
    {
      const KnsReportCell *cell = kns_report_table_get_cell (heads, r, heads->n_columns - 1);

      if (!cell->hidden)
        top = MAX (top, cell->value);
    }

  make_room (pdf, CHART_HEIGHT + 40);
  /* Translators: the title of the printed report's chart */
  paragraph (pdf, _("Pupils who took part, by grade"), BODY_SIZE, STYLE_BOLD | STYLE_ITALIC,
             PANGO_ALIGN_LEFT, 4);

  base = pdf->y + CHART_HEIGHT;
  slot = WIDTH / MAX (n, 4);
  bar = slot * 0.55;
  for (guint r = 0; r < n; r++)
    {
      const KnsReportCell *cell = kns_report_table_get_cell (heads, r, heads->n_columns - 1);
      double x = LEFT + r * slot + (slot - bar) / 2;
      double height = cell->hidden ? 0 : (CHART_HEIGHT - 14) * cell->value / top;
      g_autofree char *value = cell_text (cell);
      g_autoptr(PangoLayout) label = make_layout (pdf, value, TABLE_SIZE, STYLE_BOLD, slot,
                                                  PANGO_ALIGN_CENTER);
      g_autoptr(PangoLayout) grade = make_layout (pdf, heads->row_labels[r], TABLE_SIZE,
                                                  STYLE_PLAIN, slot, PANGO_ALIGN_CENTER);

      cairo_set_source_rgb (pdf->cr, 0.25, 0.45, 0.70);
      cairo_rectangle (pdf->cr, x, base - height, bar, height);
      cairo_fill (pdf->cr);
      cairo_set_source_rgb (pdf->cr, 0, 0, 0);
      draw_layout (pdf, label, LEFT + r * slot, base - height - layout_height (label) - 1);
      draw_layout (pdf, grade, LEFT + r * slot, base + 3);
    }

  cairo_set_line_width (pdf->cr, 0.8);
  cairo_move_to (pdf->cr, LEFT, base);
  cairo_line_to (pdf->cr, LEFT + slot * MAX (n, 4), base);
  cairo_stroke (pdf->cr);
  pdf->y = base + 8 * MM;
}

static void
draw_participants (Pdf *pdf)
{
  heading (pdf, 3, _("Pupils who took part"));
  draw_report_table (pdf, kns_report_get_table (pdf->report, "participants"));
  draw_report_table (pdf, kns_report_get_table (pdf->report, "attendances"));
  draw_report_table (pdf, kns_report_get_table (pdf->report, "coverage"));
  draw_chart (pdf);
}

static void
draw_lessons (Pdf *pdf)
{
  /* Translators: a section of the printed report */
  heading (pdf, 4, _("Lessons and quizzes"));
  draw_report_table (pdf, kns_report_get_table (pdf->report, "tiers"));
  draw_report_table (pdf, kns_report_get_table (pdf->report, "lessons"));
}

static void
draw_channels (Pdf *pdf)
{
  static const double widths[] = { 0.7, 0.3 };
  const char *header[] = { _("Channel"), _("Taught"), NULL };
  GPtrArray *channels = kns_report_get_channels (pdf->report);
  Table table = { 0 };

  heading (pdf, 5, _("Reporting channels taught"));
  table_init (&table, 2, widths, header, 2);
  for (guint i = 0; i < channels->len; i++)
    {
      const KnsReportChannel *channel = g_ptr_array_index (channels, i);
      GStrv cells = g_new0 (char *, 3);

      cells[0] = g_strdup (channel->label);
      cells[1] = g_strdup (channel->taught ? _("Yes") : _("No"));
      table_add (&table, cells, FALSE);
    }
  draw_table (pdf, &table);
  table_clear (&table);
}

static void
draw_notes (Pdf *pdf)
{
  heading (pdf, 6, _("Notes"));
  /* Translators: explains "*" in the printed report's tables */
  paragraph (pdf, _("* A figure left out to protect the pupils."), TABLE_SIZE, STYLE_PLAIN,
             PANGO_ALIGN_LEFT, 2);
  for (const char * const *note = kns_report_get_notes (pdf->report); *note != NULL; note++)
    {
      g_autofree char *line = g_strconcat ("– ", *note, NULL);

      paragraph (pdf, line, TABLE_SIZE, STYLE_PLAIN, PANGO_ALIGN_LEFT, 2);
    }
}

/* Where the principal dates, signs and stamps it. */
static void
draw_signature (Pdf *pdf)
{
  double column = WIDTH * 0.62;
  double x = LEFT + WIDTH - column;
  /* Translators: the place and date a principal fills in by hand */
  g_autoptr(PangoLayout) date = make_layout (pdf, _("……………, day …… month …… year 20……"),
                                             BODY_SIZE - 0.5, STYLE_ITALIC, column,
                                             PANGO_ALIGN_CENTER);
  /* Translators: who signs the report, in capitals */
  g_autoptr(PangoLayout) role = make_layout (pdf, _("PRINCIPAL"), BODY_SIZE, STYLE_BOLD, column,
                                             PANGO_ALIGN_CENTER);
  /* Translators: under the signer's title */
  g_autoptr(PangoLayout) sign = make_layout (pdf, _("(Signature, full name and seal)"),
                                             SMALL_SIZE + 0.5, STYLE_ITALIC, column,
                                             PANGO_ALIGN_CENTER);
  /* Translators: the list of who receives a copy, bottom left of an official document */
  g_autoptr(PangoLayout) to = make_layout (pdf, _("Recipients:"), TABLE_SIZE,
                                           STYLE_BOLD | STYLE_ITALIC, WIDTH - column - 10,
                                           PANGO_ALIGN_LEFT);
  /* Translators: the recipients, to fill in, and the school's own copy (Lưu: VT) */
  g_autoptr(PangoLayout) list = make_layout (pdf, _("– ………………;\n– Filed: office."), SMALL_SIZE,
                                             STYLE_PLAIN, WIDTH - column - 10, PANGO_ALIGN_LEFT);
  double role_height = layout_height (role);
  double sign_height = layout_height (sign);
  double date_height;
  PangoRectangle ink, logical;

  /* The blanks for place and date stay on one line, centred over the
   * title even if wider than its column. */
  pango_layout_set_width (date, -1);
  pango_layout_get_pixel_extents (date, &ink, &logical);
  date_height = layout_height (date);

  /* Place, date, title and 30 mm for the signature stay together. */
  make_room (pdf, date_height + role_height + sign_height + 40 * MM);
  pdf->y += 6 * MM;
  draw_layout (pdf, date, MIN (x + (column - logical.width) / 2, RIGHT - logical.width), pdf->y);
  draw_layout (pdf, to, LEFT, pdf->y + date_height);
  draw_layout (pdf, list, LEFT, pdf->y + date_height + layout_height (to) + 1);
  draw_layout (pdf, role, x, pdf->y + date_height);
  draw_layout (pdf, sign, x, pdf->y + date_height + role_height);
  pdf->y += date_height + role_height + sign_height + 30 * MM;
}

static void
draw_report (Pdf *pdf)
{
  GPtrArray *tables = kns_report_get_tables (pdf->report);

  g_assert (tables->len == 5);
  pdf->page = 1;
  pdf->y = TOP;
  cairo_set_source_rgb (pdf->cr, 0, 0, 0);

  draw_letterhead (pdf);
  draw_title (pdf);
  draw_general (pdf);
  draw_sessions (pdf);
  draw_participants (pdf);
  draw_lessons (pdf);
  draw_channels (pdf);
  draw_notes (pdf);
  draw_signature (pdf);
  draw_footer (pdf);
  cairo_show_page (pdf->cr);
}

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  if (closure != NULL)
    g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* One pass; @out NULL only counts the pages. */
static cairo_status_t
render (KnsReport  *report,
        guint       n_pages,
        GByteArray *out,
        guint      *pages)
{
  Pdf pdf = { .report = report, .n_pages = n_pages };
  cairo_status_t status;

  pdf.surface = cairo_pdf_surface_create_for_stream (append_cb, out, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_restrict_to_version (pdf.surface, CAIRO_PDF_VERSION_1_5);
  cairo_pdf_surface_set_metadata (pdf.surface, CAIRO_PDF_METADATA_TITLE,
                                  kns_report_get_title (report));
  cairo_pdf_surface_set_metadata (pdf.surface, CAIRO_PDF_METADATA_CREATOR, "Kỹ năng số");
  pdf.cr = cairo_create (pdf.surface);

  draw_report (&pdf);
  *pages = pdf.page;

  status = cairo_status (pdf.cr);
  cairo_destroy (pdf.cr);
  cairo_surface_finish (pdf.surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (pdf.surface);
  cairo_surface_destroy (pdf.surface);
  return status;
}

/**
 * kns_report_to_pdf:
 *
 * Returns: (transfer full): the printable report, A4, as PDF
 */
GBytes *
kns_report_to_pdf (KnsReport  *self,
                   GError    **error)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  cairo_status_t status;
  guint n_pages = 0, pages = 0;

  g_return_val_if_fail (KNS_IS_REPORT (self), NULL);

  status = render (self, 0, NULL, &n_pages);
  if (status == CAIRO_STATUS_SUCCESS)
    status = render (self, n_pages, out, &pages);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, KNS_REPORT_ERROR, KNS_REPORT_ERROR_WRITE,
                   _("The printable report could not be made: %s"),
                   cairo_status_to_string (status));
      return NULL;
    }
  g_assert (pages == n_pages);
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}
