/* report-fixture.h — a school with known activity, for the report tests
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

#include "kns-test-common.h"
#include "kns-course.h"
#include "kns-store.h"

G_BEGIN_DECLS

typedef struct
{
  char      *dir;
  gint64     now;
  KnsStore  *store;
  GPtrArray *nicknames; /* every learner's, to search exports for */
  char      *session_1; /* 5A, 5 October 2026 */
  char      *session_2; /* 4B, 12 October 2026 */
  guint32    key_state; /* record keys: the same in every run */
} ReportSchool;

extern const guint8 report_school_key[32];

KnsCourse    *report_course_load (void);
GBytes       *report_seal        (GBytes       *plain);
ReportSchool *report_school_new  (gboolean      fill);
ReportSchool *report_school_clone (ReportSchool *school);
void          report_school_free (ReportSchool *school);
gint64        report_local_time  (int           year,
                                  int           month,
                                  int           day,
                                  int           hour,
                                  int           minute);
char         *report_dump_store  (const char   *db_path);
gint64        report_pupil_visit (ReportSchool *school,
                                  guint         grade,
                                  KnsSex        sex,
                                  const char   *lesson_id,
                                  guint         n_right);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReportSchool, report_school_free)

G_END_DECLS
