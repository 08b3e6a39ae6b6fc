/* kns-kit.h — the session kit: pre/post check, session plan, parents' page
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
 * The files of issue 21, in the format of /work/notes/kit-format.md and
 * content/README.md: a tier's check (tier-N/kiem-tra.check.md), its
 * teacher's plan (tier-N/ke-hoach.plan.md), and the parents' page
 * (parents.md). All three are read-only records once loaded.
 */

#pragma once

#include <glib-object.h>

#include "kns-markdown.h"
#include "kns-quiz.h"

G_BEGIN_DECLS

/* The questions of a check, and how many there are of them. */
#define KNS_CHECK_N_QUESTIONS 5

/* Skill groups of QĐ 830, as numbered in lessons' skill_group: the
 * check names them an-toan, thong-tin and bao-cao. */
#define KNS_CHECK_N_SKILLS 3

typedef struct
{
  char    *id;
  char    *title;
  char    *file;
  guint    tier;
  KnsQuiz *quiz;                               /* exactly KNS_CHECK_N_QUESTIONS, one key each */
  guint    skills[KNS_CHECK_N_QUESTIONS];      /* 1–3, the skill group of each question */
  char    *version;                            /* of the file's text */
} KnsCheck;

typedef struct
{
  char      *title;   /* the heading as written: "Khởi động (5 phút)" */
  char      *name;    /* "Khởi động", without the minutes */
  guint      minutes;
  guint      line;
  GPtrArray *blocks;  /* KnsBlock: the section's body, heading excluded */
} KnsPlanSection;

typedef struct
{
  char      *id;
  char      *title;
  char      *file;
  guint      tier;
  guint      minutes;
  GStrv      lessons;   /* ids of lessons of the tier, done on the PCs */
  char      *scenario;  /* id of a scenario of the tier, played together */
  guint      minutes_line;
  guint      lessons_line;  /* in the file, for the course's checks */
  guint      scenario_line;
  GStrv      sources;
  GPtrArray *intro;     /* KnsBlock before the first section */
  GPtrArray *sections;  /* KnsPlanSection, in order */
} KnsPlan;

typedef struct
{
  char      *title;
  GStrv      sources;
  GPtrArray *sections;  /* KnsPlanSection (minutes 0), in order */
} KnsParentsPage;

#define KNS_TYPE_CHECK        (kns_check_get_type ())
#define KNS_TYPE_PLAN         (kns_plan_get_type ())
#define KNS_TYPE_PARENTS_PAGE (kns_parents_page_get_type ())

GType           kns_check_get_type          (void) G_GNUC_CONST;
GType           kns_plan_get_type           (void) G_GNUC_CONST;
GType           kns_parents_page_get_type   (void) G_GNUC_CONST;
KnsCheck       *kns_check_ref               (KnsCheck       *self);
void            kns_check_unref             (KnsCheck       *self);
KnsPlan        *kns_plan_ref                (KnsPlan        *self);
void            kns_plan_unref              (KnsPlan        *self);
KnsParentsPage *kns_parents_page_ref        (KnsParentsPage *self);
void            kns_parents_page_unref      (KnsParentsPage *self);

KnsCheck       *kns_check_parse             (const char     *file,
                                             guint           tier,
                                             const char     *text,
                                             gsize           length,
                                             const char     *base_dir,
                                             const char     *root_dir,
                                             GPtrArray      *diagnostics);
KnsPlan        *kns_plan_parse              (const char     *file,
                                             guint           tier,
                                             const char     *text,
                                             gsize           length,
                                             const char     *base_dir,
                                             const char     *root_dir,
                                             GPtrArray      *diagnostics);
KnsParentsPage *kns_parents_page_parse      (const char     *file,
                                             const char     *text,
                                             gsize           length,
                                             const char     *base_dir,
                                             const char     *root_dir,
                                             GPtrArray      *diagnostics);
const char     *kns_skill_group_get_name    (guint           group);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KnsCheck, kns_check_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KnsPlan, kns_plan_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KnsParentsPage, kns_parents_page_unref)

G_END_DECLS
