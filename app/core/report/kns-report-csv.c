/* kns-report-csv.c — the report as a spreadsheet
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
 * One file, in sections separated by an empty line, each a title line
 * then a table with a header line (README "Making the school report"):
 * UTF-8 with a byte order mark, so that Excel opens Vietnamese right;
 * RFC 4180 quoting and CRLF line ends; numbers as bare integers (no
 * decimal separator to disagree with the spreadsheet's locale). A hidden
 * cell is an empty field, and its row has "*" in the last column; an
 * empty field without "*" means there is nothing to show (no enrolment
 * entered, no quiz taken).
 */

#define G_LOG_DOMAIN "kns-report"

#include "kns-config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kns-file.h"
#include "kns-report-export.h"

#define HIDDEN_MARK "*"

typedef struct
{
  GString *out;
  gboolean line_start;
} Csv;

/* Whether a spreadsheet would run @text as a formula: "=" and "@"
 * always; "+" and "-" before a number, a bracket, an operator or a
 * function's or cell's name ("-A1", "+SUM("), but not before a space,
 * as in "- Phòng chống bắt nạt", which it shows as text. */
static gboolean
looks_like_formula (const char *text)
{
  switch (text[0])
    {
    case '=':
    case '@':
      return TRUE;
    case '+':
    case '-':
      return g_ascii_isalnum (text[1]) || strchr ("(=+-@.", text[1]) != NULL;
    default:
      return FALSE;
    }
}

/* A text field: quoted when it must be, on one line (kns_text_flatten ()
 * also takes out tabs and bidirectional overrides). Text that a
 * spreadsheet would run gets a leading apostrophe, so that it shows it. */
static void
append_text (GString    *out,
             const char *text)
{
  g_autofree char *flat = kns_text_flatten (text);
  gboolean formula = looks_like_formula (flat);

  if (!formula && strpbrk (flat, ",\"") == NULL)
    {
      g_string_append (out, flat);
      return;
    }

  g_string_append_c (out, '"');
  if (formula)
    g_string_append_c (out, '\'');
  for (const char *p = flat; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
separate (Csv *csv)
{
  if (!csv->line_start)
    g_string_append_c (csv->out, ',');
  csv->line_start = FALSE;
}

static void
append_field (Csv        *csv,
              const char *text)
{
  separate (csv);
  append_text (csv->out, text);
}

static void
append_number (Csv   *csv,
               gint64 value)
{
  separate (csv);
  g_string_append_printf (csv->out, "%" G_GINT64_FORMAT, value);
}

static void
append_cell (Csv                 *csv,
             const KnsReportCell *cell)
{
  if (cell->hidden || cell->kind == KNS_REPORT_CELL_NONE)
    append_field (csv, "");
  else
    append_number (csv, cell->value);
}

static void
end_line (Csv *csv)
{
  g_string_append (csv->out, "\r\n");
  csv->line_start = TRUE;
}

static void
append_pair (Csv        *out,
             const char *label,
             const char *value)
{
  append_field (out, label);
  append_field (out, value);
  end_line (out);
}

static void
append_header (Csv       *out,
               KnsReport *report)
{
  g_autofree char *year = kns_report_format_school_year (kns_report_get_period (report)->school_year);
  g_autofree char *period = kns_report_format_period (kns_report_get_period (report));
  g_autoptr(GDateTime) made = g_date_time_new_from_unix_local (kns_report_get_generated (report) /
                                                                G_USEC_PER_SEC);
  g_autofree char *made_text = g_date_time_format (made, "%d/%m/%Y");

  append_field (out, kns_report_get_title (report));
  end_line (out);
  /* Translators: a line of the CSV report: the school's name */
  append_pair (out, _("School"), kns_report_get_school_name (report));
  /* Translators: a line of the CSV report: the school's commune and province */
  append_pair (out, _("Location"), kns_report_get_school_location (report));
  /* Translators: a line of the CSV report */
  append_pair (out, _("School year"), year);
  /* Translators: a line of the CSV report: the days counted */
  append_pair (out, _("Period"), period);
  /* Translators: a line of the CSV report: how many lab computers' figures are merged */
  append_field (out, _("Computers"));
  append_number (out, kns_report_get_n_computers (report));
  end_line (out);
  /* Translators: a line of the CSV report: figures about fewer pupils than this are hidden */
  append_field (out, _("Smallest group shown"));
  append_number (out, kns_report_get_min_cell (report));
  end_line (out);
  /* Translators: a line of the CSV report: the day the report was made */
  append_pair (out, _("Made on"), made_text);
}

static void
append_sessions (Csv       *out,
                 KnsReport *report)
{
  GPtrArray *sessions = kns_report_get_sessions (report);

  end_line (out);
  /* Translators: a section of the report: the extracurricular sessions (buổi ngoại khóa) */
  append_field (out, _("Sessions"));
  end_line (out);
  /* Translators: columns of the sessions table of the CSV report */
  append_field (out, _("Date"));
  append_field (out, _("Minutes"));
  append_field (out, _("Format"));
  append_field (out, _("Class"));
  append_field (out, C_("report", "Grade"));
  append_field (out, _("Title"));
  append_field (out, _("Skill groups"));
  append_field (out, _("Competence codes"));
  append_field (out, _("Computers"));
  append_field (out, _("Pupils"));
  append_field (out, HIDDEN_MARK);
  end_line (out);

  for (guint i = 0; i < sessions->len; i++)
    {
      const KnsReportSession *session = g_ptr_array_index (sessions, i);
      g_autoptr(GDateTime) started = g_date_time_new_from_unix_local (session->started /
                                                                       G_USEC_PER_SEC);
      g_autofree char *date = g_date_time_format (started, "%d/%m/%Y");
      g_autofree char *groups = kns_report_format_skill_groups (session->skill_groups);
      g_autofree char *codes = g_strjoinv (" ", session->competences);

      append_field (out, date);
      append_number (out, session->minutes);
      append_field (out, kns_report_format_name (session->format));
      append_field (out, session->class_label);
      append_number (out, session->grade);
      append_field (out, session->title);
      append_field (out, groups);
      append_field (out, codes);
      append_number (out, session->n_computers);
      append_cell (out, &session->participants);
      append_field (out, session->participants.hidden ? HIDDEN_MARK : "");
      end_line (out);
    }
}

static void
append_table (Csv                  *out,
              const KnsReportTable *table)
{
  end_line (out);
  append_field (out, table->title);
  end_line (out);
  append_field (out, table->row_heading);
  if (table->group_heading != NULL)
    append_field (out, table->group_heading);
  for (guint c = 0; c < table->n_columns; c++)
    append_field (out, table->column_labels[c]);
  append_field (out, HIDDEN_MARK);
  end_line (out);

  for (guint r = 0; r < table->n_rows; r++)
    {
      gboolean hidden = FALSE;

      append_field (out, table->row_labels[r]);
      if (table->group_heading != NULL)
        append_field (out, table->row_groups[r]);
      for (guint c = 0; c < table->n_columns; c++)
        {
          const KnsReportCell *cell = kns_report_table_get_cell (table, r, c);

          append_cell (out, cell);
          hidden |= cell->hidden;
        }
      append_field (out, hidden ? HIDDEN_MARK : "");
      end_line (out);
    }
}

static void
append_channels (Csv       *out,
                 KnsReport *report)
{
  GPtrArray *channels = kns_report_get_channels (report);

  end_line (out);
  /* Translators: a section of the report: whether each hotline was taught */
  append_field (out, _("Reporting channels taught"));
  end_line (out);
  /* Translators: columns of the channels section of the CSV report */
  append_field (out, _("Channel"));
  append_field (out, _("Taught"));
  end_line (out);
  for (guint i = 0; i < channels->len; i++)
    {
      const KnsReportChannel *channel = g_ptr_array_index (channels, i);

      append_field (out, channel->label);
      append_field (out, channel->taught ? _("Yes") : _("No"));
      end_line (out);
    }
}

static void
append_notes (Csv       *out,
              KnsReport *report)
{
  end_line (out);
  /* Translators: a section of the report */
  append_field (out, _("Notes"));
  end_line (out);
  append_field (out, _("* A row marked with an asterisk has figures left blank to protect the "
                        "pupils. Other blanks mean there is nothing to show: no enrolment "
                        "entered, no quiz taken."));
  end_line (out);
  for (const char *const *note = kns_report_get_notes (report); *note != NULL; note++)
    {
      append_field (out, *note);
      end_line (out);
    }
}

/**
 * kns_report_to_csv:
 *
 * Returns: (transfer full): the whole report as CSV, byte order mark
 *   included
 */
GBytes *
kns_report_to_csv (KnsReport *self)
{
  Csv        csv = { .line_start = TRUE };
  GPtrArray *tables;

  g_return_val_if_fail (KNS_IS_REPORT (self), NULL);

  csv.out = g_string_new ("\xEF\xBB\xBF");
  append_header (&csv, self);
  append_sessions (&csv, self);
  tables = kns_report_get_tables (self);
  for (guint i = 0; i < tables->len; i++)
    append_table (&csv, g_ptr_array_index (tables, i));
  append_channels (&csv, self);
  append_notes (&csv, self);
  return g_string_free_to_bytes (csv.out);
}
