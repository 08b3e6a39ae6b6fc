/* kns-lesson.h — one lesson: its details, its body and its quiz
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

#include <glib-object.h>

#include "kns-quiz.h"
#include "kns-scenario.h"

G_BEGIN_DECLS

/* Skill groups of the QĐ 830 programme, as a mask of 1 << group. */
typedef enum
{
  KNS_SKILL_SAFE_USE       = 1 << 1, /* sử dụng mạng lành mạnh, an toàn */
  KNS_SKILL_SELF_PROTECT   = 1 << 2, /* tự bảo vệ mình khi tương tác */
  KNS_SKILL_RECOGNISE      = 1 << 3, /* nhận diện, thông báo, tố giác */
} KnsSkillGroups;

#define KNS_TYPE_LESSON (kns_lesson_get_type ())

G_DECLARE_FINAL_TYPE (KnsLesson, kns_lesson, KNS, LESSON, GObject)

KnsLesson          *kns_lesson_parse            (const char        *file,
                                                 const char        *text,
                                                 gsize              length,
                                                 const char        *base_dir,
                                                 const char        *root_dir,
                                                 GPtrArray         *diagnostics);
KnsLesson          *kns_lesson_parse_scenario   (const char        *file,
                                                 const char        *text,
                                                 gsize              length,
                                                 const char        *base_dir,
                                                 const char        *root_dir,
                                                 GPtrArray         *diagnostics);
gboolean            kns_lesson_load_quiz        (KnsLesson         *self,
                                                 const char        *file,
                                                 const char        *path,
                                                 const char        *root_dir,
                                                 GPtrArray         *diagnostics);
const char         *kns_lesson_get_id           (KnsLesson         *self);
const char         *kns_lesson_get_title        (KnsLesson         *self);
const char         *kns_lesson_get_summary      (KnsLesson         *self);
const char         *kns_lesson_get_file         (KnsLesson         *self);
const char         *kns_lesson_get_version      (KnsLesson         *self);
guint               kns_lesson_get_tier         (KnsLesson         *self);
guint               kns_lesson_get_tier_line    (KnsLesson         *self);
guint               kns_lesson_get_id_line      (KnsLesson         *self);
guint               kns_lesson_get_minutes      (KnsLesson         *self);
KnsSkillGroups      kns_lesson_get_skill_groups (KnsLesson         *self);
const char * const *kns_lesson_get_objectives   (KnsLesson         *self);
const char * const *kns_lesson_get_topics       (KnsLesson         *self);
const char * const *kns_lesson_get_competences  (KnsLesson         *self);
const char * const *kns_lesson_get_sources      (KnsLesson         *self);
const char * const *kns_lesson_get_verify       (KnsLesson         *self);
gboolean            kns_lesson_id_is_valid      (const char        *id);
gboolean            kns_competence_is_valid     (const char        *code);
const char         *kns_competence_get_name     (const char        *code);
const char * const *kns_lesson_get_parent_tips  (KnsLesson         *self);
const char * const *kns_lesson_get_channels     (KnsLesson         *self);
const GDate        *kns_lesson_get_reviewed     (KnsLesson         *self);
GPtrArray          *kns_lesson_get_blocks       (KnsLesson         *self);
KnsQuiz            *kns_lesson_get_quiz         (KnsLesson         *self);
KnsScenario        *kns_lesson_get_scenario     (KnsLesson         *self);

G_END_DECLS
