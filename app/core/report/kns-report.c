/* kns-report.c — the yearly school report, from the tallies only
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
 * What a school reports each year on the child online-protection
 * programme (README, "Making the school report"): its sessions,
 * who took part by grade and sex as headcount and attendances, coverage
 * of each grade, lessons completed and quiz scores by tier and lesson,
 * and whether the hotlines were taught.
 *
 * It reads only what kns-store-report.c gives: sums of the anonymous
 * tallies of this computer and of the bundles imported from the others.
 * Suppression comes last, on the merged figures (kns-report-suppress.c),
 * and a hidden cell keeps no value in the finished report.
 */

#define G_LOG_DOMAIN "kns-report"

#include "kns-config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "kns-date.h"
#include "kns-file.h"
#include "kns-report.h"
#include "kns-report-private.h"
#include "kns-report-suppress.h"
#include "kns-school.h"

#define N_GRADES KNS_N_GRADES
#define N_SEXES 3
#define N_TIERS KNS_N_TIERS

struct _KnsReport
{
  GObject parent_instance;

  char           *title;
  char           *subtitle;
  char           *school_name;
  char           *school_location;
  KnsReportPeriod period;
  guint           min_cell;
  guint           n_computers;
  gint64          generated;
  gboolean        sessions_chosen;
  gboolean        exact;   /* tests of the suppression only: no rounding */
  guint           n_hidden;

  GPtrArray *tables;   /* KnsReportTable */
  GPtrArray *sessions; /* KnsReportSession */
  GPtrArray *channels; /* KnsReportChannel */
  GStrv      notes;
};

G_DEFINE_FINAL_TYPE (KnsReport, kns_report, G_TYPE_OBJECT)
/* clang-format off: it would split the quark's name at its dashes. */
G_DEFINE_QUARK (kns-report-error-quark, kns_report_error)
/* clang-format on */

/* One lesson's figures over the period. */
typedef struct
{
  char  *id;
  guint  tier;
  guint  position; /* in the course, for the order of rows */
  gint64 completions;
  gint64 attempts;
  gint64 score_sum;
  guint32 completion_key;
  guint32 attempt_key;   /* of the attempts, which the mean score rounds with */
} LessonStats;

/* What the report is made from, gathered before any suppression. */
typedef struct
{
  KnsStore              *store;
  KnsCourse             *course;
  const KnsReportPeriod *period;
  GHashTable            *chosen; /* session uuids, or NULL for all */
  gint64                 participants[N_GRADES + 1][N_SEXES];
  gint64                 attendances[N_GRADES + 1][N_SEXES];
  guint32                participant_keys[N_GRADES + 1][N_SEXES];
  guint32                attendance_keys[N_GRADES + 1][N_SEXES];
  gint64                 enrolment[N_GRADES + 1];
  gboolean               enrolment_dropped[N_GRADES + 1];
  guint                  grades[N_GRADES]; /* the grades the tables list */
  guint                  n_grades;
  GHashTable            *lessons;   /* id → LessonStats */
  GHashTable            *imported;  /* id → KnsLessonSummary, from bundles */
  GPtrArray             *summaries; /* KnsSessionSummary, in the period */
  GPtrArray             *all_imported_lessons;
} Build;

/* The reporting channels a school is asked whether it taught: the child
 * hotline 111, the police 113 and vn-cop.vn, the abuse reporting site. */
static const struct
{
  const char *id;
  const char *label;
} reported_channels[] = {
  /* Translators: the national child-protection hotline */
  { "111", N_("Hotline 111 (child protection)") },
  /* Translators: the police emergency number */
  { "113", N_("113 (police)") },
  /* Translators: the national network for protecting children online */
  { "vn-cop", N_("vn-cop.vn (reporting online abuse)") },
};

static void
lesson_stats_free (LessonStats *stats)
{
  g_free (stats->id);
  g_free (stats);
}

static void
table_free (KnsReportTable *table)
{
  g_free (table->id);
  g_free (table->title);
  g_free (table->row_heading);
  g_free (table->group_heading);
  g_strfreev (table->row_labels);
  g_strfreev (table->row_groups);
  g_strfreev (table->column_labels);
  g_free (table->cells);
  g_free (table);
}

static void
session_free (KnsReportSession *session)
{
  g_strfreev (session->uuids);
  g_free (session->class_label);
  g_free (session->title);
  g_strfreev (session->competences);
  g_free (session);
}

static void
channel_free (KnsReportChannel *channel)
{
  g_free (channel->label);
  g_free (channel);
}

static KnsReportTable *
table_new (const char *id,
           const char *title,
           const char *row_heading,
           guint       n_rows,
           guint       n_columns)
{
  KnsReportTable *table = g_new0 (KnsReportTable, 1);

  table->id = g_strdup (id);
  table->title = g_strdup (title);
  table->row_heading = g_strdup (row_heading);
  table->n_rows = n_rows;
  table->n_columns = n_columns;
  table->row_labels = g_new0 (char *, n_rows + 1);
  table->column_labels = g_new0 (char *, n_columns + 1);
  table->cells = g_new0 (KnsReportCell, (gsize) n_rows * n_columns);
  return table;
}

static KnsReportCell *
table_cell (KnsReportTable *table,
            guint           row,
            guint           column)
{
  g_assert (row < table->n_rows && column < table->n_columns);
  return &table->cells[row * table->n_columns + column];
}

/* A cell as the report shows it: a hidden one keeps no value. */
static void
set_cell (KnsReportCell    *cell,
          KnsReportCellKind kind,
          gint64            value,
          gboolean          hidden)
{
  cell->kind = kind;
  cell->hidden = hidden && kind != KNS_REPORT_CELL_NONE;
  cell->value = cell->hidden || kind == KNS_REPORT_CELL_NONE ? 0 : value;
}

/* Published counts of pupils are rounded to a multiple of this, up or
 * down at random but the same way whenever the same events are counted
 * (README, "Privacy"): two reports cannot be subtracted to find one
 * child. */
#define ROUNDING_BASE 5

/* Consistent random rounding: @value goes up to the next multiple of
 * @base with probability (value mod base) / base, as the cell's key, the
 * sum of the secret record keys of what it counts, decides. Unbiased on
 * average; a multiple of @base stays as it is. */
static gint64
round_with_key (gint64  value,
                guint32 key,
                gint64  base)
{
  gint64 rest = value % base;

  if (rest == 0)
    return value;
  return (guint64) key * (guint64) base < ((guint64) rest << 32) ? value - rest + base
                                                                 : value - rest;
}

/* A count of pupils or of their visits, lessons or quizzes. */
static void
set_count (KnsReport     *self,
           KnsReportCell *cell,
           gint64         value,
           guint32        key,
           gboolean       hidden)
{
  set_cell (cell, KNS_REPORT_CELL_COUNT,
            self->exact ? value : round_with_key (value, key, ROUNDING_BASE), hidden);
}

/* A mean score in percent: @points is the sum of the attempts' scores,
 * each in percent. Rounded to a multiple of 5 the same way, with the
 * attempts' key. */
static void
set_mean (KnsReport     *self,
          KnsReportCell *cell,
          gint64         points,
          gint64         attempts,
          guint32        key,
          gboolean       hidden)
{
  double  percent = (double) points / (double) attempts;
  gint64  below = (gint64) (percent / ROUNDING_BASE) * ROUNDING_BASE;
  double  rest = (percent - (double) below) / ROUNDING_BASE;
  gint64  value;

  g_assert (attempts > 0);
  if (self->exact)
    value = (2 * points + attempts) / (2 * attempts);
  else
    value = rest > 0 && (double) key < rest * 4294967296.0 ? below + ROUNDING_BASE : below;
  set_cell (cell, KNS_REPORT_CELL_PERCENT, value, hidden);
}

/* Rounded half up, as a teacher would. */
static gint64
percent_of (gint64 part,
            gint64 whole)
{
  g_assert (whole > 0);
  return (200 * part + whole) / (2 * whole);
}

/* The columns of a grade × sex table, in the order a school writes them. */
static const KnsSex sex_columns[N_SEXES] = { KNS_SEX_MALE, KNS_SEX_FEMALE, KNS_SEX_UNSTATED };

static const char *
sex_label (guint sex)
{
  switch (sex)
    {
    case KNS_SEX_MALE:
      /* Translators: a column of the report: boys */
      return _("Male");
    case KNS_SEX_FEMALE:
      /* Translators: a column of the report: girls */
      return _("Female");
    case KNS_SEX_UNSTATED:
    default:
      /* Translators: a column of the report: pupils whose sex the school does not record */
      return _("Not recorded");
    }
}

static char *
grade_label (guint grade)
{
  /* Translators: a row of the report: all classes of one grade (khối) */
  return g_strdup_printf (C_("report", "Grade %u"), grade);
}

static char *
tier_label (KnsCourse *course,
            guint      tier)
{
  KnsTier *found = course != NULL ? kns_course_get_tier (course, tier) : NULL;
  guint    first, last;

  if (found != NULL)
    return g_strdup (kns_tier_get_title (found));
  kns_school_tier_grades (tier, &first, &last);
  if (first > 0)
    /* Translators: a tier of lessons by the grades it is for, such as "Lớp 1–3" */
    return g_strdup_printf (_("Grades %u–%u"), first, last);
  return g_strdup_printf ("%u", tier);
}

/* Period */

/**
 * kns_report_period_init:
 * @school_year: the year it starts in: 2026 for năm học 2026–2027
 *
 * A report covers a whole school year, from 1 September to 31 August:
 * reports of parts of a year could be subtracted to find one child
 * (README, "Privacy").
 */
void
kns_report_period_init (KnsReportPeriod *period,
                        guint            school_year)
{
  g_return_if_fail (period != NULL);
  g_return_if_fail (school_year >= 2000 && school_year < 9999);

  period->school_year = school_year;
  g_date_clear (&period->first, 1);
  g_date_clear (&period->last, 1);
  g_date_set_dmy (&period->first, 1, G_DATE_SEPTEMBER, (GDateYear) school_year);
  g_date_set_dmy (&period->last, 31, G_DATE_AUGUST, (GDateYear) (school_year + 1));
}

/**
 * kns_report_parse_school_year:
 * @text: "2026-2027" (with a hyphen or an en dash), or "2026"
 */
gboolean
kns_report_parse_school_year (const char *text,
                              guint      *school_year,
                              GError    **error)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *plain = NULL;
  guint64          start = 0, end = 0;
  gboolean         ok;

  g_return_val_if_fail (text != NULL && school_year != NULL, FALSE);

  plain = g_strstrip (g_strdup (text));
  /* An en dash, as Vietnamese writes it, is as good as a hyphen. */
  parts = g_strsplit (plain, strstr (plain, "–") != NULL ? "–" : "-", 2);
  /* An empty text splits into no parts at all. */
  ok = parts[0] != NULL && g_ascii_string_to_unsigned (parts[0], 10, 2000, 9998, &start, NULL);
  if (ok && parts[1] != NULL)
    ok = g_ascii_string_to_unsigned (parts[1], 10, 2001, 9999, &end, NULL) && end == start + 1;

  if (!ok)
    {
      g_set_error (error, KNS_REPORT_ERROR, KNS_REPORT_ERROR_PERIOD,
                   _("“%s” is not a school year; write it as 2026-2027."), text);
      return FALSE;
    }
  *school_year = (guint) start;
  return TRUE;
}

char *
kns_report_format_school_year (guint school_year)
{
  return g_strdup_printf ("%u–%u", school_year, school_year + 1);
}

/* "05/09/2026 – 31/05/2027", as Vietnamese documents write dates. */
char *
kns_report_format_period (const KnsReportPeriod *period)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  g_return_val_if_fail (period != NULL, NULL);

  first = kns_date_format (&period->first);
  last = kns_date_format (&period->last);
  return g_strdup_printf ("%s – %s", first, last);
}

const char *
kns_report_format_name (KnsSessionFormat format)
{
  switch (format)
    {
    case KNS_SESSION_FORMAT_KIOSK:
      /* Translators: a session format: pupils learn on the lab computers */
      return _("On computers");
    case KNS_SESSION_FORMAT_ONLINE:
      /* Translators: a session format */
      return _("Online");
    case KNS_SESSION_FORMAT_IN_PERSON:
    default:
      /* Translators: a session format: a teacher with the class */
      return _("In person");
    }
}

/* "1, 3": the programme's skill groups, by number. */
char *
kns_report_format_skill_groups (guint skill_groups)
{
  GString *out = g_string_new (NULL);

  for (guint group = 1; group <= 3; group++)
    if (skill_groups & (1u << group))
      g_string_append_printf (out, "%s%u", out->len > 0 ? ", " : "", group);
  return g_string_free (out, FALSE);
}

/* Gathering */

static gboolean
is_chosen (Build      *build,
           const char *uuid)
{
  return build->chosen == NULL || g_hash_table_contains (build->chosen, uuid);
}

static guint
lesson_position (KnsCourse *course,
                 KnsLesson *lesson)
{
  KnsTier *tier = kns_course_get_lesson_tier (course, lesson);

  for (guint i = 0; tier != NULL && i < kns_tier_get_n_lessons (tier); i++)
    if (kns_tier_get_lesson (tier, i) == lesson)
      return i;
  return G_MAXUINT;
}

static LessonStats *
lesson_stats (Build      *build,
              const char *id,
              guint       tier)
{
  LessonStats *stats = g_hash_table_lookup (build->lessons, id);
  KnsLesson   *lesson;

  if (stats != NULL)
    return stats;

  stats = g_new0 (LessonStats, 1);
  stats->id = g_strdup (id);
  stats->tier = tier;
  lesson = build->course != NULL ? kns_course_lookup_lesson (build->course, id) : NULL;
  stats->position = lesson != NULL ? lesson_position (build->course, lesson) : G_MAXUINT;
  g_hash_table_insert (build->lessons, stats->id, stats);
  return stats;
}

static gboolean
gather_tallies (Build   *build,
                GError **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree const char **uuids = NULL;
  char                    first[KNS_DATE_ISO_SIZE], last[KNS_DATE_ISO_SIZE];

  kns_date_to_iso (&build->period->first, first);
  kns_date_to_iso (&build->period->last, last);
  if (build->chosen != NULL)
    uuids = (const char **) g_hash_table_get_keys_as_array (build->chosen, NULL);

  rows = kns_store_sum_tallies (build->store, first, last, uuids, KNS_TALLY_ALL, error);
  if (rows == NULL)
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      const KnsTallyRow *row = g_ptr_array_index (rows, i);
      LessonStats       *stats;

      /* The store and imports hold only these; the tables' arrays are
       * sized by them, so nothing else may reach them. */
      if (row->grade < 1 || row->grade > N_GRADES || row->sex > KNS_SEX_FEMALE ||
          row->tier < 1 || row->tier > N_TIERS)
        continue;
      build->attendances[row->grade][row->sex] += (gint64) row->attendances;
      build->attendance_keys[row->grade][row->sex] += row->attendance_key;
      if (*row->lesson_id == '\0')
        continue;

      stats = lesson_stats (build, row->lesson_id, row->tier);
      stats->completions += (gint64) row->completions;
      stats->attempts += (gint64) row->attempts;
      stats->score_sum += (gint64) row->score_sum;
      stats->completion_key += row->completion_key;
      stats->attempt_key += row->attempt_key;
    }
  return TRUE;
}

static gboolean
gather_headcounts (Build   *build,
                   GError **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree const char **uuids = NULL;

  /* The year's headcount, or the chosen sessions' own. */
  if (build->chosen != NULL)
    uuids = (const char **) g_hash_table_get_keys_as_array (build->chosen, NULL);
  rows = kns_store_sum_headcounts (build->store, build->period->school_year, uuids, KNS_TALLY_ALL,
                                   error);
  if (rows == NULL)
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      const KnsHeadcountRow *row = g_ptr_array_index (rows, i);

      if (row->grade >= 1 && row->grade <= N_GRADES && row->sex <= KNS_SEX_FEMALE)
        {
          build->participants[row->grade][row->sex] += (gint64) row->participants;
          build->participant_keys[row->grade][row->sex] += row->participant_key;
        }
    }
  return TRUE;
}

static gboolean
gather_enrolment (Build   *build,
                  GError **error)
{
  for (guint grade = 1; grade <= N_GRADES; grade++)
    for (guint sex = 0; sex < N_SEXES; sex++)
      {
        g_autoptr(GError) local_error = NULL;
        guint count = kns_store_get_enrolment (build->store, build->period->school_year, grade,
                                               (KnsSex) sex, &local_error);

        if (local_error != NULL)
          {
            g_propagate_error (error, g_steal_pointer (&local_error));
            return FALSE;
          }
        build->enrolment[grade] += count;
      }
  return TRUE;
}

static gboolean
in_period (const KnsReportPeriod *period,
           gint64                 time)
{
  g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (time / G_USEC_PER_SEC);
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) g_date_time_get_day_of_month (local),
                  (GDateMonth) g_date_time_get_month (local),
                  (GDateYear) g_date_time_get_year (local));
  return g_date_compare (&date, &period->first) >= 0 && g_date_compare (&date, &period->last) <= 0;
}

static gboolean
gather_sessions (Build   *build,
                 GError **error)
{
  g_autoptr(GPtrArray) all = NULL;

  all = kns_store_list_session_summaries (build->store, build->period->school_year, KNS_TALLY_ALL,
                                          error);
  if (all == NULL)
    return FALSE;

  build->summaries = g_ptr_array_new_with_free_func ((GDestroyNotify) kns_session_summary_free);
  for (guint i = 0; i < all->len; i++)
    {
      KnsSessionSummary *summary = g_ptr_array_index (all, i);

      if (in_period (build->period, summary->started) && is_chosen (build, summary->uuid))
        g_ptr_array_add (build->summaries, g_ptr_array_steal_index (all, i--));
    }
  return TRUE;
}

static gboolean
gather_imported_lessons (Build   *build,
                         GError **error)
{
  build->all_imported_lessons = kns_store_list_imported_lessons (build->store,
                                                                 build->period->school_year,
                                                                 error);
  if (build->all_imported_lessons == NULL)
    return FALSE;

  for (guint i = 0; i < build->all_imported_lessons->len; i++)
    {
      KnsLessonSummary *lesson = g_ptr_array_index (build->all_imported_lessons, i);

      g_hash_table_insert (build->imported, lesson->id, lesson);
    }
  return TRUE;
}

static void
build_clear (Build *build)
{
  g_clear_pointer (&build->lessons, g_hash_table_unref);
  g_clear_pointer (&build->imported, g_hash_table_unref);
  g_clear_pointer (&build->chosen, g_hash_table_unref);
  g_clear_pointer (&build->summaries, g_ptr_array_unref);
  g_clear_pointer (&build->all_imported_lessons, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Build, build_clear)

/* What the programme asks about a lesson, from our course or, for a
 * lesson only another computer has, from its bundle. */
static const char *
lesson_title (Build      *build,
              const char *id)
{
  KnsLesson        *lesson = build->course != NULL ? kns_course_lookup_lesson (build->course, id) : NULL;
  KnsLessonSummary *summary = g_hash_table_lookup (build->imported, id);

  if (lesson != NULL)
    return kns_lesson_get_title (lesson);
  return summary != NULL && *summary->title != '\0' ? summary->title : id;
}

static void
add_lesson_tags (Build      *build,
                 const char *id,
                 guint      *skill_groups,
                 GHashTable *competences,
                 GHashTable *channels)
{
  KnsLesson         *lesson = build->course != NULL ? kns_course_lookup_lesson (build->course, id) : NULL;
  KnsLessonSummary  *summary = g_hash_table_lookup (build->imported, id);
  const char *const *codes = NULL;
  const char *const *taught = NULL;

  if (lesson != NULL)
    {
      *skill_groups |= kns_lesson_get_skill_groups (lesson);
      codes = kns_lesson_get_competences (lesson);
      taught = kns_lesson_get_channels (lesson);
    }
  else if (summary != NULL)
    {
      *skill_groups |= summary->skill_groups;
      codes = (const char *const *) summary->competences;
      taught = (const char *const *) summary->channels;
    }

  for (guint i = 0; competences != NULL && codes != NULL && codes[i] != NULL; i++)
    g_hash_table_add (competences, g_strdup (codes[i]));
  for (guint i = 0; channels != NULL && taught != NULL && taught[i] != NULL; i++)
    g_hash_table_add (channels, g_strdup (taught[i]));
}

/* A session's planned lessons; %NULL lesson ids mean its whole tier. */
static GPtrArray *
session_lessons (Build                   *build,
                 const KnsSessionSummary *summary)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  KnsTier   *tier;

  if (summary->lesson_ids != NULL)
    {
      for (guint i = 0; summary->lesson_ids[i] != NULL; i++)
        g_ptr_array_add (ids, g_strdup (summary->lesson_ids[i]));
      return ids;
    }

  tier = build->course != NULL ? kns_course_get_tier (build->course, summary->tier) : NULL;
  for (guint i = 0; tier != NULL && i < kns_tier_get_n_lessons (tier); i++)
    g_ptr_array_add (ids, g_strdup (kns_lesson_get_id (kns_tier_get_lesson (tier, i))));
  return ids;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

static GStrv
sorted_set (GHashTable *set)
{
  guint  n = 0;
  char **items = (char **) g_hash_table_get_keys_as_array (set, &n);
  GStrv  copy = g_new0 (char *, n + 1);

  qsort (items, n, sizeof (char *), compare_strings);
  for (guint i = 0; i < n; i++)
    copy[i] = g_strdup (items[i]);
  g_free (items);
  return copy;
}

/* Suppression of a grade × sex table */

/* Builds the circulation of a grade × sex table with its totals (see
 * kns-report-suppress.c) and runs it. @caps are the enrolments readers
 * know; a cap that alone gives a cell away is dropped (and the caller
 * hides that enrolment). When sessions are chosen, @extra holds their
 * headcounts, which add up to the grand total. */
typedef struct
{
  const guint *grades;
  guint        n_grades;
  gint64 (*values)[N_SEXES];
  guint32 (*keys)[N_SEXES];
  const gint64 *caps;    /* per grade, or NULL */
  gboolean     *dropped; /* per grade, or NULL */
  const gint64 *extra;
  guint         n_extra;
  gboolean      hidden[N_GRADES + 1][N_SEXES + 1];
  gboolean     *extra_hidden;
} GradeGrid;

static KnsSuppression *
suppress_grid (GradeGrid *grid,
               guint      min_cell)
{
  KnsSuppression *s = kns_suppression_new (min_cell);
  guint           source = kns_suppression_add_node (s);
  guint           sink = kns_suppression_add_node (s);
  /* With chosen sessions, the grand total flows on through them. */
  guint  sessions = grid->n_extra > 0 ? kns_suppression_add_node (s) : source;
  guint  rows[N_GRADES + 1], columns[N_SEXES];
  gint64 row_total[N_GRADES + 1] = { 0 }, column_total[N_SEXES] = { 0 }, grand = 0;
  guint  id[N_GRADES + 1][N_SEXES + 1];

  for (guint r = 0; r < grid->n_grades; r++)
    rows[r] = kns_suppression_add_node (s);
  for (guint c = 0; c < N_SEXES; c++)
    columns[c] = kns_suppression_add_node (s);

  for (guint r = 0; r < grid->n_grades; r++)
    for (guint c = 0; c < N_SEXES; c++)
      {
        gint64 v = grid->values[grid->grades[r]][sex_columns[c]];

        id[r][c] = kns_suppression_add_cell (s, rows[r], columns[c], v, KNS_SUPPRESSION_COUNT);
        row_total[r] += v;
        column_total[c] += v;
        grand += v;
      }
  for (guint r = 0; r < grid->n_grades; r++)
    {
      guint grade = grid->grades[r];

      id[r][N_SEXES] = kns_suppression_add_cell (s, source, rows[r], row_total[r],
                                                 KNS_SUPPRESSION_COUNT);
      if (grid->caps != NULL && grid->caps[grade] > 0 && !grid->dropped[grade])
        kns_suppression_set_upper (s, id[r][N_SEXES], grid->caps[grade]);
    }
  for (guint c = 0; c < N_SEXES; c++)
    id[grid->n_grades][c] = kns_suppression_add_cell (s, columns[c], sink, column_total[c],
                                                      KNS_SUPPRESSION_COUNT);
  id[grid->n_grades][N_SEXES] = kns_suppression_add_cell (s, sink, sessions, grand,
                                                          KNS_SUPPRESSION_COUNT);

  /* The chosen sessions' headcounts add up to the grand total. */
  for (guint i = 0; i < grid->n_extra; i++)
    {
      guint cell = kns_suppression_add_cell (s, sessions, source, grid->extra[i],
                                             KNS_SUPPRESSION_COUNT);

      g_assert (cell == (grid->n_grades + 1) * (N_SEXES + 1) + i);
    }

  kns_suppression_run (s);
  for (guint r = 0; r <= grid->n_grades; r++)
    for (guint c = 0; c <= N_SEXES; c++)
      grid->hidden[r][c] = kns_suppression_is_hidden (s, id[r][c]);
  for (guint i = 0; i < grid->n_extra; i++)
    grid->extra_hidden[i] = kns_suppression_is_hidden (s, (grid->n_grades + 1) * (N_SEXES + 1) + i);
  return s;
}

static void
run_grid (GradeGrid *grid,
          guint      min_cell)
{
  g_autoptr(KnsSuppression) s = suppress_grid (grid, min_cell);
  guint cell;

  /* The enrolments published (see publish_enrolments ()) are never fewer
   * than 4 pupils: then hiding every non-zero cell of a grade always
   * protects it, so the suppression always finds enough to hide. */
  g_warn_if_fail (!kns_suppression_get_exposed (s, &cell));
}

/* An enrolment is published when it is at least K and at least 4 — the
 * same in every report of the school year, whatever was merged or
 * chosen. A report that published it only when it gave nothing away
 * told a reader of two reports what the one without it hid. */
static void
publish_enrolments (Build *build,
                    guint  min_cell)
{
  for (guint grade = 1; grade <= N_GRADES; grade++)
    build->enrolment_dropped[grade] = build->enrolment[grade] > 0 &&
                                      build->enrolment[grade] < MAX (min_cell, 4);
}

static KnsReportTable *
grid_table (KnsReport       *self,
            const GradeGrid *grid,
            const char      *id,
            const char      *title)
{
  KnsReportTable *table = table_new (id, title,
                                     /* Translators: the heading of a column of grades */
                                     C_("report", "Grade"), grid->n_grades + 1, N_SEXES + 1);
  gint64          column_total[N_SEXES + 1] = { 0 };
  guint32         column_key[N_SEXES + 1] = { 0 };

  for (guint c = 0; c < N_SEXES; c++)
    table->column_labels[c] = g_strdup (sex_label (sex_columns[c]));
  /* Translators: a total column or row of the report */
  table->column_labels[N_SEXES] = g_strdup (_("Total"));
  table->row_labels[grid->n_grades] = g_strdup (_("Total"));
  table->total_row = table->total_column = TRUE;

  for (guint r = 0; r < grid->n_grades; r++)
    {
      gint64  row_total = 0;
      guint32 row_key = 0;

      table->row_labels[r] = grade_label (grid->grades[r]);
      for (guint c = 0; c < N_SEXES; c++)
        {
          gint64  v = grid->values[grid->grades[r]][sex_columns[c]];
          guint32 key = grid->keys[grid->grades[r]][sex_columns[c]];

          set_count (self, table_cell (table, r, c), v, key, grid->hidden[r][c]);
          row_total += v;
          row_key += key;
          column_total[c] += v;
          column_key[c] += key;
        }
      set_count (self, table_cell (table, r, N_SEXES), row_total, row_key,
                 grid->hidden[r][N_SEXES]);
      column_total[N_SEXES] += row_total;
      column_key[N_SEXES] += row_key;
    }
  for (guint c = 0; c <= N_SEXES; c++)
    set_count (self, table_cell (table, grid->n_grades, c), column_total[c], column_key[c],
               grid->hidden[grid->n_grades][c]);
  return table;
}

/* Sessions: the same session on several computers is one */

static char *
session_key (const KnsSessionSummary *summary)
{
  g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (summary->started / G_USEC_PER_SEC);
  g_autofree char *day = g_date_time_format (local, "%Y-%m-%d");

  return g_strdup_printf ("%s\n%s\n%u\n%s\n%d", day, summary->class_label, summary->grade,
                          summary->title, summary->format);
}

typedef struct
{
  KnsReportSession *session;
  GPtrArray        *uuids;
  GHashTable       *devices;
  GHashTable       *competences;
  gint64            participants;
  guint32           participant_key;
} SessionGroup;

static void
session_group_free (SessionGroup *group)
{
  if (group->session != NULL)
    session_free (group->session);
  g_ptr_array_unref (group->uuids);
  g_hash_table_unref (group->devices);
  g_hash_table_unref (group->competences);
  g_free (group);
}

static void
add_to_group (Build                   *build,
              SessionGroup            *group,
              const KnsSessionSummary *summary)
{
  KnsReportSession *session = group->session;
  guint             minutes = summary->ended > summary->started
                                ? (guint) ((summary->ended - summary->started + 30 * G_USEC_PER_SEC) /
                               (60 * G_USEC_PER_SEC))
                                : 0;

  if (session->started == 0 || summary->started < session->started)
    session->started = summary->started;
  session->minutes = MAX (session->minutes, minutes);
  g_ptr_array_add (group->uuids, g_strdup (summary->uuid));
  g_hash_table_add (group->devices, g_strdup (summary->device_uuid));
  group->participants += (gint64) summary->participants;
  group->participant_key += summary->participant_key;

  if (summary->competences != NULL)
    {
      /* From another computer, as it knew its lessons. */
      session->skill_groups |= summary->skill_groups;
      for (guint i = 0; summary->competences[i] != NULL; i++)
        g_hash_table_add (group->competences, g_strdup (summary->competences[i]));
    }
  else
    {
      g_autoptr(GPtrArray) lessons = session_lessons (build, summary);

      for (guint i = 0; i < lessons->len; i++)
        add_lesson_tags (build, g_ptr_array_index (lessons, i), &session->skill_groups,
                         group->competences, NULL);
    }
}

static GPtrArray *
group_sessions (Build *build)
{
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *groups = g_ptr_array_new_with_free_func ((GDestroyNotify) session_group_free);

  for (guint i = 0; i < build->summaries->len; i++)
    {
      const KnsSessionSummary *summary = g_ptr_array_index (build->summaries, i);
      char                    *key = session_key (summary);
      SessionGroup            *group = g_hash_table_lookup (by_key, key);

      if (group == NULL)
        {
          group = g_new0 (SessionGroup, 1);
          group->session = g_new0 (KnsReportSession, 1);
          group->session->format = summary->format;
          group->session->class_label = kns_text_flatten (summary->class_label);
          group->session->grade = summary->grade;
          group->session->title = kns_text_flatten (summary->title);
          group->uuids = g_ptr_array_new_with_free_func (g_free);
          group->devices = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          group->competences = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          g_hash_table_insert (by_key, key, group);
          g_ptr_array_add (groups, group);
        }
      else
        g_free (key);
      add_to_group (build, group, summary);
    }
  return groups;
}

static void
finish_sessions (KnsReport *self,
                 GPtrArray *groups,
                 gboolean  *hidden)
{
  for (guint i = 0; i < groups->len; i++)
    {
      SessionGroup     *group = g_ptr_array_index (groups, i);
      KnsReportSession *session = g_steal_pointer (&group->session);

      g_ptr_array_add (group->uuids, NULL);
      session->uuids = g_strdupv ((char **) group->uuids->pdata);
      session->competences = sorted_set (group->competences);
      session->n_computers = g_hash_table_size (group->devices);
      set_count (self, &session->participants, group->participants, group->participant_key,
                 hidden[i]);
      g_ptr_array_add (self->sessions, session);
    }
}

/* The tables */

static void
add_grade_tables (KnsReport *self,
                  Build     *build,
                  GPtrArray *groups,
                  gboolean  *session_hidden)
{
  guint             *grades = build->grades;
  guint              n_grades = 0;
  g_autofree gint64 *extra = g_new0 (gint64, groups->len + 1);
  GradeGrid          heads = { 0 }, visits = { 0 };

  for (guint grade = 1; grade <= N_GRADES; grade++)
    {
      gboolean any = build->enrolment[grade] > 0;

      for (guint sex = 0; sex < N_SEXES; sex++)
        any = any || build->participants[grade][sex] > 0 || build->attendances[grade][sex] > 0;
      if (any)
        grades[n_grades++] = grade;
    }
  build->n_grades = n_grades;
  for (guint i = 0; i < groups->len; i++)
    extra[i] = ((SessionGroup *) g_ptr_array_index (groups, i))->participants;

  heads.grades = visits.grades = grades;
  heads.n_grades = visits.n_grades = n_grades;
  publish_enrolments (build, self->min_cell);
  heads.values = build->participants;
  heads.keys = build->participant_keys;
  heads.caps = build->enrolment;
  heads.dropped = build->enrolment_dropped;
  if (build->chosen != NULL)
    {
      heads.extra = extra;
      heads.n_extra = groups->len;
    }
  heads.extra_hidden = session_hidden;
  run_grid (&heads, self->min_cell);

  visits.values = build->attendances;
  visits.keys = build->attendance_keys;
  run_grid (&visits, self->min_cell);

  g_ptr_array_add (self->tables,
                   grid_table (self, &heads, "participants",
                               /* Translators: a table of the report */
                               _("Pupils who took part (headcount)")));
  g_ptr_array_add (self->tables,
                   grid_table (self, &visits, "attendances",
                               /* Translators: a table of the report: each pupil's visits, lượt */
                               _("Attendances")));
}

/* Coverage: enrolment, pupils who took part and the share, per grade.
 * Its participants are the headcount table's row totals, hidden alike. */
static void
add_coverage_table (KnsReport *self,
                    Build     *build)
{
  const KnsReportTable *heads = g_ptr_array_index (self->tables, 0);
  KnsReportTable       *table;
  guint                 n = heads->n_rows - 1;
  gint64                enrolled = 0;
  gboolean              enrolment_hidden = FALSE, enrolment_missing = FALSE;
  const KnsReportCell  *all;

  table = table_new ("coverage",
                     /* Translators: a table of the report: what share of each grade took part */
                     _("Coverage of each grade"), C_("report", "Grade"), n + 1, 3);
  /* Translators: a column of the report: pupils enrolled in the grade (sĩ số) */
  table->column_labels[0] = g_strdup (_("Enrolled"));
  /* Translators: a column of the report */
  table->column_labels[1] = g_strdup (_("Took part"));
  /* Translators: a column of the report: the share of enrolled pupils who took part */
  table->column_labels[2] = g_strdup (_("Coverage (%)"));
  table->total_row = TRUE;

  for (guint r = 0; r <= n; r++)
    {
      const KnsReportCell *took = kns_report_table_get_cell (heads, r, N_SEXES);
      guint                grade = r < n ? build->grades[r] : 0;
      gint64               enrol;
      gboolean             hidden;

      table->row_labels[r] = g_strdup (heads->row_labels[r]);
      *table_cell (table, r, 1) = *took;
      if (r < n)
        {
          enrol = build->enrolment[grade];
          hidden = build->enrolment_dropped[grade];
          enrolled += enrol;
          enrolment_hidden |= hidden && enrol > 0;
          enrolment_missing |= enrol == 0 && (took->hidden || took->value > 0);
        }
      else
        {
          enrol = enrolled;
          hidden = enrolment_hidden;
        }

      set_cell (table_cell (table, r, 0), enrol > 0 ? KNS_REPORT_CELL_COUNT : KNS_REPORT_CELL_NONE,
                enrol, hidden);
      if (enrol == 0 || (r == n && enrolment_missing))
        set_cell (table_cell (table, r, 2), KNS_REPORT_CELL_NONE, 0, FALSE);
      else
        set_cell (table_cell (table, r, 2), KNS_REPORT_CELL_PERCENT,
                  took->hidden ? 0 : percent_of (took->value, enrol), hidden || took->hidden);
    }

  all = kns_report_table_get_cell (table, n, 1);
  g_assert (all->hidden || all->value == kns_report_table_get_cell (heads, n, N_SEXES)->value);
  g_ptr_array_add (self->tables, table);
}

static int
compare_lessons (gconstpointer a,
                 gconstpointer b)
{
  const LessonStats *x = *(LessonStats **) a, *y = *(LessonStats **) b;

  if (x->tier != y->tier)
    return x->tier < y->tier ? -1 : 1;
  if (x->position != y->position)
    return x->position < y->position ? -1 : 1;
  return g_strcmp0 (x->id, y->id);
}

/* Lessons add up to their tier, tiers to the whole: three circulations
 * of that shape, for completions, quiz attempts and quiz points. A mean
 * score is shown only behind at least K attempts by at least K pupils,
 * and never where its attempts are hidden. */
typedef struct
{
  GPtrArray *lessons; /* LessonStats, sorted */
  guint      tiers[N_TIERS + 1];
  guint      n_tiers;
  gint64     tier_values[3][N_TIERS + 1];
  gboolean  *lesson_hidden[3]; /* completions, attempts, means; a lesson each */
  gboolean   tier_hidden[3][N_TIERS + 2];
} LessonGrid;

enum
{
  COMPLETIONS,
  ATTEMPTS,
  POINTS,
};

static gint64
lesson_value (const LessonStats *stats,
              guint              what)
{
  return what == COMPLETIONS ? stats->completions : what == ATTEMPTS ? stats->attempts
                                                                     : stats->score_sum;
}

static gboolean
mean_too_thin (gint64 completions,
               gint64 attempts,
               guint  min_cell)
{
  return attempts > 0 && (attempts < min_cell || completions < min_cell);
}

static void
suppress_lessons (LessonGrid *grid,
                  guint       what,
                  guint       min_cell)
{
  g_autoptr(KnsSuppression) s = kns_suppression_new (min_cell);
  KnsSuppressionKind kind = what == POINTS ? KNS_SUPPRESSION_AMOUNT : KNS_SUPPRESSION_COUNT;
  guint              source = kns_suppression_add_node (s);
  guint              sink = kns_suppression_add_node (s);
  guint              tier_node[N_TIERS + 1];
  guint              n = grid->lessons->len;
  g_autofree guint  *ids = g_new (guint, n);
  guint              tier_ids[N_TIERS + 2];
  gint64             grand = 0, grand_completions = 0, grand_attempts = 0;

  for (guint t = 0; t < grid->n_tiers; t++)
    tier_node[t] = kns_suppression_add_node (s);

  for (guint i = 0; i < n; i++)
    {
      const LessonStats *stats = g_ptr_array_index (grid->lessons, i);
      guint              t = 0;

      while (grid->tiers[t] != stats->tier)
        t++;
      ids[i] = kns_suppression_add_cell (s, tier_node[t], sink, lesson_value (stats, what), kind);
      if (what == POINTS && (grid->lesson_hidden[ATTEMPTS][i] ||
                             mean_too_thin (stats->completions, stats->attempts, min_cell)))
        kns_suppression_hide (s, ids[i]);
    }
  for (guint t = 0; t < grid->n_tiers; t++)
    {
      tier_ids[t] = kns_suppression_add_cell (s, source, tier_node[t], grid->tier_values[what][t],
                                              kind);
      if (what == POINTS && (grid->tier_hidden[ATTEMPTS][t] ||
                             mean_too_thin (grid->tier_values[COMPLETIONS][t],
                                            grid->tier_values[ATTEMPTS][t], min_cell)))
        kns_suppression_hide (s, tier_ids[t]);
      grand += grid->tier_values[what][t];
      grand_completions += grid->tier_values[COMPLETIONS][t];
      grand_attempts += grid->tier_values[ATTEMPTS][t];
    }
  tier_ids[grid->n_tiers] = kns_suppression_add_cell (s, sink, source, grand, kind);
  if (what == POINTS && (grid->tier_hidden[ATTEMPTS][grid->n_tiers] ||
                         mean_too_thin (grand_completions, grand_attempts, min_cell)))
    kns_suppression_hide (s, tier_ids[grid->n_tiers]);

  kns_suppression_run (s);
  for (guint i = 0; i < n; i++)
    grid->lesson_hidden[what][i] = kns_suppression_is_hidden (s, ids[i]);
  for (guint t = 0; t <= grid->n_tiers; t++)
    grid->tier_hidden[what][t] = kns_suppression_is_hidden (s, tier_ids[t]);
}

/* A row of lesson figures and the keys of its completions and attempts. */
typedef struct
{
  gint64  values[3]; /* completions, attempts, points */
  guint32 completion_key;
  guint32 attempt_key;
} StatRow;

static void
add_stat_row (StatRow           *row,
              const LessonStats *stats)
{
  row->values[0] += stats->completions;
  row->values[1] += stats->attempts;
  row->values[2] += stats->score_sum;
  row->completion_key += stats->completion_key;
  row->attempt_key += stats->attempt_key;
}

static void
set_stat_cells (KnsReport      *self,
                KnsReportTable *table,
                guint           row,
                const StatRow  *stats,
                const gboolean  hidden[3])
{
  set_count (self, table_cell (table, row, 0), stats->values[0], stats->completion_key,
             hidden[COMPLETIONS]);
  set_count (self, table_cell (table, row, 1), stats->values[1], stats->attempt_key,
             hidden[ATTEMPTS]);
  if (stats->values[1] == 0)
    set_cell (table_cell (table, row, 2), KNS_REPORT_CELL_NONE, 0, FALSE);
  else
    set_mean (self, table_cell (table, row, 2), stats->values[2], stats->values[1],
              stats->attempt_key, hidden[POINTS] || hidden[ATTEMPTS]);
}

static KnsReportTable *
stat_table_new (const char *id,
                const char *title,
                const char *row_heading,
                guint       n_rows)
{
  KnsReportTable *table = table_new (id, title, row_heading, n_rows, 3);

  /* Translators: a column of the report: pupils who finished a lesson (each counted once a lesson) */
  table->column_labels[0] = g_strdup (_("Lessons completed"));
  /* Translators: a column of the report: quizzes taken, retakes included */
  table->column_labels[1] = g_strdup (_("Quiz attempts"));
  /* Translators: a column of the report: mean quiz score, in percent */
  table->column_labels[2] = g_strdup (_("Mean score (%)"));
  return table;
}

static void
add_lesson_tables (KnsReport *self,
                   Build     *build)
{
  LessonGrid      grid = { 0 };
  KnsReportTable *tiers, *lessons;
  GHashTableIter  iter;
  gpointer        value;
  guint           n;

  grid.lessons = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, build->lessons);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      LessonStats *stats = value;

      if (stats->completions > 0 || stats->attempts > 0)
        g_ptr_array_add (grid.lessons, stats);
    }
  g_ptr_array_sort (grid.lessons, compare_lessons);
  n = grid.lessons->len;
  for (guint what = COMPLETIONS; what <= POINTS; what++)
    grid.lesson_hidden[what] = g_new0 (gboolean, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      const LessonStats *stats = g_ptr_array_index (grid.lessons, i);

      if (grid.n_tiers == 0 || grid.tiers[grid.n_tiers - 1] != stats->tier)
        grid.tiers[grid.n_tiers++] = stats->tier;
      for (guint what = COMPLETIONS; what <= POINTS; what++)
        grid.tier_values[what][grid.n_tiers - 1] += lesson_value (stats, what);
    }

  /* Attempts first: a mean hides where its attempts do. */
  suppress_lessons (&grid, COMPLETIONS, self->min_cell);
  suppress_lessons (&grid, ATTEMPTS, self->min_cell);
  suppress_lessons (&grid, POINTS, self->min_cell);

  tiers = stat_table_new ("tiers",
                          /* Translators: a table of the report */
                          _("Lessons and quizzes by tier"),
                          /* Translators: the heading of a column of tiers (nhóm lớp) */
                          _("Tier"), grid.n_tiers + 1);
  tiers->total_row = TRUE;
  for (guint t = 0; t <= grid.n_tiers; t++)
    {
      StatRow  row = { 0 };
      gboolean hidden[3];

      for (guint i = 0; i < n; i++)
        {
          const LessonStats *stats = g_ptr_array_index (grid.lessons, i);

          if (t == grid.n_tiers || stats->tier == grid.tiers[t])
            add_stat_row (&row, stats);
        }
      for (guint what = COMPLETIONS; what <= POINTS; what++)
        hidden[what] = grid.tier_hidden[what][t];
      tiers->row_labels[t] = t < grid.n_tiers ? tier_label (build->course, grid.tiers[t])
                                              : g_strdup (_("Total"));
      set_stat_cells (self, tiers, t, &row, hidden);
    }
  g_ptr_array_add (self->tables, tiers);

  lessons = stat_table_new ("lessons",
                            /* Translators: a table of the report */
                            _("Lessons and quizzes by lesson"),
                            /* Translators: the heading of a column of lesson titles */
                            _("Lesson"), n);
  lessons->group_heading = g_strdup (_("Tier"));
  lessons->row_groups = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    {
      const LessonStats *stats = g_ptr_array_index (grid.lessons, i);
      gboolean           hidden[3] = { grid.lesson_hidden[COMPLETIONS][i], grid.lesson_hidden[ATTEMPTS][i],
                                       grid.lesson_hidden[POINTS][i] };
      StatRow            row = { 0 };

      add_stat_row (&row, stats);
      lessons->row_labels[i] = kns_text_flatten (lesson_title (build, stats->id));
      lessons->row_groups[i] = tier_label (build->course, stats->tier);
      set_stat_cells (self, lessons, i, &row, hidden);
    }
  g_ptr_array_add (self->tables, lessons);
  g_ptr_array_unref (grid.lessons);
  for (guint what = COMPLETIONS; what <= POINTS; what++)
    g_free (grid.lesson_hidden[what]);
}

/* A channel counts as taught if a lesson that teaches it was completed
 * in the period, or planned for one of its sessions. */
static void
add_channels (KnsReport *self,
              Build     *build)
{
  g_autoptr(GHashTable) taught = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer       value;
  guint          groups = 0;

  g_hash_table_iter_init (&iter, build->lessons);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (((LessonStats *) value)->completions > 0)
      add_lesson_tags (build, ((LessonStats *) value)->id, &groups, NULL, taught);

  for (guint i = 0; i < build->summaries->len; i++)
    {
      g_autoptr(GPtrArray) lessons = session_lessons (build, g_ptr_array_index (build->summaries, i));

      for (guint j = 0; j < lessons->len; j++)
        add_lesson_tags (build, g_ptr_array_index (lessons, j), &groups, NULL, taught);
    }

  for (guint i = 0; i < G_N_ELEMENTS (reported_channels); i++)
    {
      KnsReportChannel *channel = g_new0 (KnsReportChannel, 1);

      channel->id = reported_channels[i].id;
      channel->label = g_strdup (_(reported_channels[i].label));
      channel->taught = g_hash_table_contains (taught, channel->id);
      g_ptr_array_add (self->channels, channel);
    }
}

static void
add_notes (KnsReport *self,
           Build     *build)
{
  g_autoptr(GStrvBuilder) notes = g_strv_builder_new ();
  g_autofree char *hidden = NULL;
  g_autofree char *computers = NULL;
  gboolean         any_dropped = FALSE;

  if (build->chosen == NULL)
    g_strv_builder_add (notes,
                        _("Headcounts cover the whole school year, from 1 September to 31 August, "
                           "as do attendances, lessons and quizzes."));
  else
    g_strv_builder_add (notes,
                        _("Only the chosen sessions are counted; a pupil who took part in two of "
                           "them counts twice."));

  if (self->n_computers > 1)
    {
      computers = g_strdup_printf (ngettext ("The figures of %u computer are merged; a pupil who "
                                             "used two computers counts once on each.",
                                             "The figures of %u computers are merged; a pupil who "
                                             "used two computers counts once on each.",
                                             self->n_computers),
                                   self->n_computers);
      g_strv_builder_add (notes, computers);
    }

  hidden = g_strdup_printf (_("To protect the pupils, a figure about fewer than %u pupils is not "
                              "shown, and neither are some others, so that none can be worked out "
                              "from the totals."),
                            self->min_cell);
  g_strv_builder_add (notes, hidden);

  for (guint grade = 1; grade <= N_GRADES; grade++)
    any_dropped |= build->enrolment_dropped[grade] && build->enrolment[grade] > 0;
  if (any_dropped)
    {
      g_autofree char *small = g_strdup_printf (_("The enrolment of a grade is not shown when "
                                                  "it is fewer than %u pupils: with so few, it "
                                                  "would tell how many of them took part."),
                                                MAX (self->min_cell, 4));

      g_strv_builder_add (notes, small);
    }
  if (!self->exact)
    {
      g_autofree char *rounded = g_strdup_printf (_("Counts of pupils, of their visits, lessons "
                                                    "and quizzes are rounded at random to a "
                                                    "multiple of %d, and mean scores to a "
                                                    "multiple of %d%%, the same way each time the "
                                                    "same pupils are counted: so no two reports "
                                                    "can be compared to find one child. A total "
                                                    "may therefore differ a little from the sum "
                                                    "of its rows."),
                                                  ROUNDING_BASE, ROUNDING_BASE);

      g_strv_builder_add (notes, rounded);
    }

  g_strv_builder_add (notes,
                      _("A pupil counts once for each lesson completed. The mean score is over "
                         "all quiz attempts, retakes included."));
  self->notes = g_strv_builder_end (notes);
}

static guint
count_hidden (KnsReport *self)
{
  guint n = 0;

  for (guint i = 0; i < self->tables->len; i++)
    {
      const KnsReportTable *table = g_ptr_array_index (self->tables, i);

      for (guint c = 0; c < table->n_rows * table->n_columns; c++)
        n += table->cells[c].hidden ? 1 : 0;
    }
  for (guint i = 0; i < self->sessions->len; i++)
    n += ((KnsReportSession *) g_ptr_array_index (self->sessions, i))->participants.hidden ? 1 : 0;
  return n;
}

/* Text typed on this computer or another goes into spreadsheets, print
 * and screens: on one line, with no control character or bidirectional
 * override (which could make "gpj.exe" read "exe.jpg"). Also NULL → "". */
static void
flatten (char **text)
{
  char *flat = kns_text_flatten (*text != NULL ? *text : "");

  g_free (*text);
  *text = flat;
}

static gboolean
read_school (KnsReport *self,
             KnsStore  *store,
             GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) bundles = NULL;

  self->school_name = kns_store_get_setting (store, KNS_STORE_SETTING_SCHOOL_NAME, &local_error);
  if (local_error == NULL)
    self->school_location = kns_store_get_setting (store, KNS_STORE_SETTING_SCHOOL_LOCATION,
                                                   &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  flatten (&self->school_name);
  flatten (&self->school_location);

  bundles = kns_store_list_imported_bundles (store, self->period.school_year, error);
  if (bundles == NULL)
    return FALSE;
  self->n_computers = 1 + bundles->len;
  return TRUE;
}

static gboolean
compute (KnsReport *self,
         Build     *build,
         GError   **error)
{
  g_autoptr(GPtrArray) groups = NULL;
  g_autofree gboolean *session_hidden = NULL;

  if (!read_school (self, build->store, error) ||
      !gather_imported_lessons (build, error) ||
      !gather_tallies (build, error) ||
      !gather_headcounts (build, error) ||
      !gather_enrolment (build, error) ||
      !gather_sessions (build, error))
    return FALSE;

  groups = group_sessions (build);
  session_hidden = g_new0 (gboolean, groups->len + 1);
  if (build->chosen == NULL)
    {
      /* Each session's headcount stands alone: no total adds them up. */
      for (guint i = 0; i < groups->len; i++)
        {
          gint64 v = ((SessionGroup *) g_ptr_array_index (groups, i))->participants;

          session_hidden[i] = v > 0 && v < self->min_cell;
        }
    }

  add_grade_tables (self, build, groups, session_hidden);
  add_coverage_table (self, build);
  add_lesson_tables (self, build);
  finish_sessions (self, groups, session_hidden);
  add_channels (self, build);
  add_notes (self, build);
  self->n_hidden = count_hidden (self);
  return TRUE;
}

static void
kns_report_finalize (GObject *object)
{
  KnsReport *self = (KnsReport *) object;

  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->school_name);
  g_free (self->school_location);
  g_clear_pointer (&self->tables, g_ptr_array_unref);
  g_clear_pointer (&self->sessions, g_ptr_array_unref);
  g_clear_pointer (&self->channels, g_ptr_array_unref);
  g_strfreev (self->notes);

  G_OBJECT_CLASS (kns_report_parent_class)->finalize (object);
}

static void
kns_report_class_init (KnsReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kns_report_finalize;
}

static void
kns_report_init (KnsReport *self)
{
  self->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) table_free);
  self->sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) session_free);
  self->channels = g_ptr_array_new_with_free_func ((GDestroyNotify) channel_free);
}

static KnsReport *
report_new (KnsStore              *store,
            KnsCourse             *course,
            const KnsReportPeriod *period,
            const char *const     *session_uuids,
            guint                  min_cell,
            gboolean               exact,
            GError               **error)
{
  g_autoptr(KnsReport) self = NULL;
  g_auto(Build) build = { 0 };
  g_autofree char *year = NULL;

  g_return_val_if_fail (KNS_IS_STORE (store), NULL);
  g_return_val_if_fail (course == NULL || KNS_IS_COURSE (course), NULL);
  g_return_val_if_fail (period != NULL && g_date_valid (&period->first), NULL);

  self = g_object_new (KNS_TYPE_REPORT, NULL);
  self->period = *period;
  self->min_cell = MAX (min_cell, KNS_SUPPRESSION_MIN_CELL_FLOOR);
  self->generated = kns_store_now (store);
  self->sessions_chosen = session_uuids != NULL;
  self->exact = exact;
  /* Translators: the title of the printed report */
  self->title = g_strdup (_("Report on teaching pupils to stay safe online"));
  year = kns_report_format_school_year (period->school_year);
  /* Translators: under the report's title; %s is a school year such as 2026–2027 */
  self->subtitle = g_strdup_printf (_("School year %s"), year);

  build.store = store;
  build.course = course;
  build.period = &self->period;
  build.lessons = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                         (GDestroyNotify) lesson_stats_free);
  build.imported = g_hash_table_new (g_str_hash, g_str_equal);
  if (session_uuids != NULL)
    {
      build.chosen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; session_uuids[i] != NULL; i++)
        g_hash_table_add (build.chosen, g_strdup (session_uuids[i]));
    }

  if (!compute (self, &build, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * kns_report_new:
 * @course: (nullable): the lessons, for titles, skill groups, competence
 *   codes and channels; without it, only imported bundles tell them
 * @session_uuids: (nullable) (array zero-terminated=1): only these
 *   sessions, or %NULL for the whole school year
 * @min_cell: K, the GSettings key report-min-cell; never below 3
 *
 * Computes the report from this computer's tallies and the imported
 * bundles of the school year, hides what would expose a pupil, and
 * rounds every count of pupils as the README's "Privacy" says.
 *
 * Returns: (transfer full): the report, or %NULL with @error set
 */
KnsReport *
kns_report_new (KnsStore              *store,
                KnsCourse             *course,
                const KnsReportPeriod *period,
                const char *const     *session_uuids,
                guint                  min_cell,
                GError               **error)
{
  return report_new (store, course, period, session_uuids, min_cell, FALSE, error);
}

/**
 * kns_report_new_exact:
 *
 * As kns_report_new (), without the rounding: for tests of what the
 * suppression alone hides, never for a report anyone reads.
 */
KnsReport *
kns_report_new_exact (KnsStore              *store,
                      KnsCourse             *course,
                      const KnsReportPeriod *period,
                      const char *const     *session_uuids,
                      guint                  min_cell,
                      GError               **error)
{
  return report_new (store, course, period, session_uuids, min_cell, TRUE, error);
}

const char *
kns_report_get_title (KnsReport *self)
{
  g_return_val_if_fail (KNS_IS_REPORT (self), NULL);
  return self->title;
}

const char *
kns_report_get_subtitle (KnsReport *self)
{
  g_return_val_if_fail (KNS_IS_REPORT (self), NULL);
  return self->subtitle;
}

const char *
kns_report_get_school_name (KnsReport *self)
{
  g_return_val_if_fail (KNS_IS_REPORT (self), NULL);
  return self->school_name;
}

const char *
kns_report_get_school_location (KnsReport *self)
{
  g_return_val_if_fail (KNS_IS_REPORT (self), NULL);
  return self->school_location;
}

const KnsReportPeriod *
kns_report_get_period (KnsReport *self)
{
  g_return_val_if_fail (KNS_IS_REPORT (self), NULL);
  return &self->period;
}

guint
kns_report_get_min_cell (KnsReport *self)
{
  g_return_val_if_fail (KNS_IS_REPORT (self), 0);
  return self->min_cell;
}

/* This computer and every computer whose bundle of the year was imported. */
guint
kns_report_get_n_computers (KnsReport *self)
{
  g_return_val_if_fail (KNS_IS_REPORT (self), 0);
  return self->n_computers;
}

gint64
kns_report_get_generated (KnsReport *self)
{
  g_return_val_if_fail (KNS_IS_REPORT (self), 0);
  return self->generated;
}

gboolean
kns_report_get_sessions_chosen (KnsReport *self)
{
  g_return_val_if_fail (KNS_IS_REPORT (self), FALSE);
  return self->sessions_chosen;
}

/**
 * kns_report_get_tables:
 *
 * Returns: (transfer none) (element-type KnsReportTable): participants,
 *   attendances, coverage, tiers and lessons, in that order
 */
GPtrArray *
kns_report_get_tables (KnsReport *self)
{
  g_return_val_if_fail (KNS_IS_REPORT (self), NULL);
  return self->tables;
}

const KnsReportTable *
kns_report_get_table (KnsReport  *self,
                      const char *id)
{
  g_return_val_if_fail (KNS_IS_REPORT (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < self->tables->len; i++)
    {
      const KnsReportTable *table = g_ptr_array_index (self->tables, i);

      if (g_str_equal (table->id, id))
        return table;
    }
  return NULL;
}

/**
 * kns_report_get_sessions:
 *
 * Returns: (transfer none) (element-type KnsReportSession): the sessions
 *   of the period, by start time
 */
GPtrArray *
kns_report_get_sessions (KnsReport *self)
{
  g_return_val_if_fail (KNS_IS_REPORT (self), NULL);
  return self->sessions;
}

/**
 * kns_report_get_channels:
 *
 * Returns: (transfer none) (element-type KnsReportChannel): 111, 113
 *   and vn-cop.vn, and whether each was taught
 */
GPtrArray *
kns_report_get_channels (KnsReport *self)
{
  g_return_val_if_fail (KNS_IS_REPORT (self), NULL);
  return self->channels;
}

/* Returns: (transfer none): translated sentences on how to read it */
const char *const *
kns_report_get_notes (KnsReport *self)
{
  g_return_val_if_fail (KNS_IS_REPORT (self), NULL);
  return (const char *const *) self->notes;
}

guint
kns_report_get_n_hidden (KnsReport *self)
{
  g_return_val_if_fail (KNS_IS_REPORT (self), 0);
  return self->n_hidden;
}

const KnsReportCell *
kns_report_table_get_cell (const KnsReportTable *table,
                           guint                 row,
                           guint                 column)
{
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (row < table->n_rows && column < table->n_columns, NULL);

  return &table->cells[row * table->n_columns + column];
}

/* Returns: the row labelled @label, or -1 */
int
kns_report_table_find_row (const KnsReportTable *table,
                           const char           *label)
{
  g_return_val_if_fail (table != NULL && label != NULL, -1);

  for (guint r = 0; r < table->n_rows; r++)
    if (g_str_equal (table->row_labels[r], label))
      return (int) r;
  return -1;
}

/**
 * kns_report_cell_format:
 *
 * Returns: (transfer full): the cell as printed: "12", "48", "—" when
 *   there is nothing to show, and "" for a hidden cell
 */
char *
kns_report_cell_format (const KnsReportCell *cell)
{
  g_return_val_if_fail (cell != NULL, NULL);

  if (cell->hidden)
    return g_strdup ("");
  if (cell->kind == KNS_REPORT_CELL_NONE)
    return g_strdup ("—");
  return g_strdup_printf ("%" G_GINT64_FORMAT, cell->value);
}
