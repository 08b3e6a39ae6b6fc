/* kns-report.h — the yearly school report, anonymised
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

#include <gio/gio.h>

#include "kns-course.h"
#include "kns-store.h"

G_BEGIN_DECLS

/* Smallest published group when GSettings is missing: the key's default. */
#define KNS_REPORT_DEFAULT_MIN_CELL 5

#define KNS_REPORT_ERROR (kns_report_error_quark ())

typedef enum
{
  KNS_REPORT_ERROR_PERIOD, /* not a school year, or a period outside one */
  KNS_REPORT_ERROR_FORMAT, /* a file name whose extension is not .csv, .json or .pdf */
  KNS_REPORT_ERROR_WRITE,  /* the export could not be written */
} KnsReportError;

/* The days a report counts, inside one school year (1 September to
 * 31 August); by default 5 September to 31 May. */
typedef struct
{
  guint school_year; /* the year it starts in: 2026 for 2026–2027 */
  GDate first;
  GDate last;
} KnsReportPeriod;

typedef enum
{
  KNS_REPORT_CELL_COUNT,   /* a number of pupils, attendances or attempts */
  KNS_REPORT_CELL_PERCENT, /* a whole percentage */
  KNS_REPORT_CELL_NONE,    /* nothing to show: no enrolment entered, no quiz taken */
} KnsReportCellKind;

/* A hidden cell's value is 0 here: the true figure never leaves the
 * computation, so no export can print it by mistake. */
typedef struct
{
  KnsReportCellKind kind;
  gboolean          hidden;
  gint64            value;
} KnsReportCell;

typedef struct
{
  char          *id; /* "participants", "attendances", "coverage", "tiers", "lessons" */
  char          *title;
  char          *row_heading;   /* what the rows are: "Khối", "Nhóm lớp", "Bài học" */
  char          *group_heading; /* (nullable) a second label column, such as the tier */
  guint          n_rows;
  guint          n_columns;
  GStrv          row_labels;
  GStrv          row_groups; /* (nullable) beside each row label, under group_heading */
  GStrv          column_labels;
  KnsReportCell *cells;        /* n_rows × n_columns, row by row */
  gboolean       total_row;    /* whether the last row is the total */
  gboolean       total_column; /* whether the last column is the total */
} KnsReportTable;

/* A session (buổi ngoại khóa); the same session run on several lab
 * computers at once is one. */
typedef struct
{
  GStrv            uuids; /* of each computer's session */
  gint64           started;
  guint            minutes;
  KnsSessionFormat format;
  char            *class_label;
  guint            grade;
  char            *title;
  guint            skill_groups; /* KnsSkillGroups */
  GStrv            competences;  /* sorted */
  guint            n_computers;
  KnsReportCell    participants;
} KnsReportSession;

/* Whether a reporting channel was taught. */
typedef struct
{
  const char *id; /* "111", "113", "vn-cop" */
  char       *label;
  gboolean    taught;
} KnsReportChannel;

#define KNS_TYPE_REPORT (kns_report_get_type ())

G_DECLARE_FINAL_TYPE (KnsReport, kns_report, KNS, REPORT, GObject)

GQuark kns_report_error_quark (void);

void        kns_report_period_init         (KnsReportPeriod        *period,
                                            guint                   school_year);
gboolean    kns_report_parse_school_year   (const char             *text,
                                            guint                  *school_year,
                                            GError                **error);
char       *kns_report_format_school_year  (guint                   school_year);
char       *kns_report_format_period       (const KnsReportPeriod  *period);
const char *kns_report_format_name         (KnsSessionFormat        format);
char       *kns_report_format_skill_groups (guint                   skill_groups);

KnsReport             *kns_report_new                 (KnsStore               *store,
                                                       KnsCourse              *course,
                                                       const KnsReportPeriod  *period,
                                                       const char * const     *session_uuids,
                                                       guint                   min_cell,
                                                       GError                **error);
const char            *kns_report_get_title           (KnsReport              *self);
const char            *kns_report_get_subtitle        (KnsReport              *self);
const char            *kns_report_get_school_name     (KnsReport              *self);
const char            *kns_report_get_school_location (KnsReport              *self);
const KnsReportPeriod *kns_report_get_period          (KnsReport              *self);
guint                  kns_report_get_min_cell        (KnsReport              *self);
guint                  kns_report_get_n_computers     (KnsReport              *self);
gint64                 kns_report_get_generated       (KnsReport              *self);
gboolean               kns_report_get_sessions_chosen (KnsReport              *self);
GPtrArray             *kns_report_get_tables          (KnsReport              *self);
const KnsReportTable  *kns_report_get_table           (KnsReport              *self,
                                                       const char             *id);
GPtrArray             *kns_report_get_sessions        (KnsReport              *self);
GPtrArray             *kns_report_get_channels        (KnsReport              *self);
const char * const    *kns_report_get_notes           (KnsReport              *self);
guint                  kns_report_get_n_hidden        (KnsReport              *self);

const KnsReportCell *kns_report_table_get_cell (const KnsReportTable *table,
                                                guint                 row,
                                                guint                 column);
int                  kns_report_table_find_row (const KnsReportTable *table,
                                                const char           *label);
char                *kns_report_cell_format    (const KnsReportCell  *cell);

G_END_DECLS
