/* test-content.c — the course loader on good and broken courses
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

#include "kns-config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kns-course.h"
#include "kns-test-common.h"
#include "kns-text.h"

typedef struct
{
  const char      *dir;       /* under tests/data/broken */
  const char      *file;      /* the file the error names, relative to dir */
  guint            line;
  KnsContentError  code;
  const char      *fragment;  /* a piece of the message */
  guint            n_lessons; /* what still loads */
} BrokenCase;

/* One course per kind of mistake; each must give exactly one error, at
 * the right place, and leave the rest of the course loaded. */
static const BrokenCase broken_cases[] = {
  { "unreadable", "tier-1/01-bai.md", 0, KNS_CONTENT_ERROR_UNREADABLE, "folder, not a lesson", 0 },
  { "invalid-utf8", "tier-1/01-bai.md", 18, KNS_CONTENT_ERROR_INVALID_UTF8, "not UTF-8", 0 },
  { "not-nfc", "tier-1/01-bai.md", 3, KNS_CONTENT_ERROR_NOT_NFC, "Unicode dựng sẵn", 0 },
  { "yaml-syntax", "tier-1/01-bai.md", 3, KNS_CONTENT_ERROR_YAML_SYNTAX, "quotation mark", 0 },
  { "missing-key", "tier-1/01-bai.md", 2, KNS_CONTENT_ERROR_MISSING_KEY, "“title” is missing", 0 },
  { "wrong-type", "tier-1/01-bai.md", 5, KNS_CONTENT_ERROR_WRONG_TYPE, "“minutes” must be a whole number from 1 to 60, not “mười”", 0 },
  { "duplicate-id", "tier-2/01-bai.md", 2, KNS_CONTENT_ERROR_DUPLICATE_ID, "“t1-bai” is already used by", 1 },
  { "tier-mismatch", "tier-1/01-bai.md", 4, KNS_CONTENT_ERROR_TIER_MISMATCH, "says “tier: 2” but lies in the folder of tier 1", 0 },
  { "missing-lesson", "course.yaml", 8, KNS_CONTENT_ERROR_MISSING_LESSON, "“02-chua-viet” is listed", 1 },
  { "unlisted-lesson", "course.yaml", 7, KNS_CONTENT_ERROR_UNLISTED_LESSON, "add “02-them” to the list", 1 },
  { "empty-body", "tier-1/01-bai.md", 15, KNS_CONTENT_ERROR_EMPTY_BODY, "has no text", 0 },
  { "no-front-matter", "tier-1/01-bai.md", 1, KNS_CONTENT_ERROR_NO_FRONT_MATTER, "must start with a line “---”", 0 },
  { "no-options", "tier-1/01-bai.quiz.md", 1, KNS_CONTENT_ERROR_NO_OPTIONS, "“Em làm gì?” has no options", 0 },
  { "single-option", "tier-1/01-bai.quiz.md", 8, KNS_CONTENT_ERROR_SINGLE_OPTION, "“Ai giúp em?” has only one option", 0 },
  { "no-correct", "tier-1/01-bai.quiz.md", 1, KNS_CONTENT_ERROR_NO_CORRECT_OPTION, "has no right option", 0 },
  { "no-explanation", "tier-1/01-bai.quiz.md", 1, KNS_CONTENT_ERROR_NO_EXPLANATION, "has no explanation", 0 },
  { "option-mark", "tier-1/01-bai.quiz.md", 4, KNS_CONTENT_ERROR_OPTION_MARK, "must start with “[ ]”", 0 },
  { "quiz-structure", "tier-1/01-bai.quiz.md", 6, KNS_CONTENT_ERROR_QUIZ_STRUCTURE, "only the explanation may follow", 0 },
  { "orphan-quiz", "tier-1/02-mo-coi.quiz.md", 0, KNS_CONTENT_ERROR_ORPHAN_QUIZ, "has no lesson", 1 },
  { "image-missing", "tier-1/01-bai.md", 18, KNS_CONTENT_ERROR_IMAGE_MISSING, "“../media/khong-co.svg” does not exist", 0 },
  { "image-outside", "tier-1/01-bai.md", 18, KNS_CONTENT_ERROR_IMAGE_OUTSIDE, "lies outside the content folder", 0 },
  { "too-deep", "tier-1/01-bai.md", 18, KNS_CONTENT_ERROR_TOO_DEEP, "nested more than 8 levels", 0 },
  { "image-no-alt", "tier-1/01-bai.md", 18, KNS_CONTENT_ERROR_IMAGE_NO_ALT, "has no description", 0 },
  { "one-bad-lesson", "tier-1/02-hong.md", 2, KNS_CONTENT_ERROR_MISSING_KEY, "“title” is missing", 2 },
  { "no-course", "course.yaml", 0, KNS_CONTENT_ERROR_UNREADABLE, "There is no course here", 0 },
  { "yaml-too-deep", "tier-1/01-bai.md", 6, KNS_CONTENT_ERROR_TOO_DEEP, "nested more than 8 levels", 0 },
  { "duplicate-key", "tier-1/01-bai.md", 6, KNS_CONTENT_ERROR_DUPLICATE_KEY, "“title” is written twice, on line 3", 0 },
  /* The session kit (issue 21): a check, a plan, a pledge, the parents' page */
  { "kit-check-count", "tier-1/kiem-tra.check.md", 34, KNS_CONTENT_ERROR_CHECK_STRUCTURE, "exactly 5 questions, and this one has 4", 4 },
  { "kit-check-two-keys", "tier-1/kiem-tra.check.md", 26, KNS_CONTENT_ERROR_CHECK_STRUCTURE, "has more than one right option", 4 },
  { "kit-check-skills", "tier-1/kiem-tra.check.md", 4, KNS_CONTENT_ERROR_CHECK_STRUCTURE, "“skills” lists 4 skill groups", 4 },
  { "kit-check-skill-missing", "tier-1/kiem-tra.check.md", 4, KNS_CONTENT_ERROR_CHECK_STRUCTURE, "No question is about “thong-tin”", 4 },
  { "kit-check-refers", "tier-1/kiem-tra.check.md", 10, KNS_CONTENT_ERROR_CHECK_STRUCTURE, "refers to the others", 4 },
  { "kit-check-id", "tier-1/kiem-tra.check.md", 2, KNS_CONTENT_ERROR_INVALID_VALUE, "must start with “t1-”", 4 },
  { "kit-plan-order", "tier-1/ke-hoach.plan.md", 14, KNS_CONTENT_ERROR_PLAN_STRUCTURE, "“Học trên máy” is not expected here", 4 },
  { "kit-plan-minutes", "tier-1/ke-hoach.plan.md", 4, KNS_CONTENT_ERROR_PLAN_STRUCTURE, "add up to 50 minutes, but “minutes” says 45", 4 },
  { "kit-plan-no-minutes", "tier-1/ke-hoach.plan.md", 30, KNS_CONTENT_ERROR_PLAN_STRUCTURE, "must end with its minutes", 4 },
  { "kit-plan-discussion", "tier-1/ke-hoach.plan.md", 30, KNS_CONTENT_ERROR_PLAN_STRUCTURE, "at least 3 discussion questions", 4 },
  { "kit-plan-no-111", "tier-1/ke-hoach.plan.md", 11, KNS_CONTENT_ERROR_NO_HELP_CALLOUT, "naming 111", 4 },
  { "kit-plan-lesson", "tier-1/ke-hoach.plan.md", 5, KNS_CONTENT_ERROR_UNKNOWN_REFERENCE, "“t1-so-113” is not a lesson of tier 1", 4 },
  { "kit-plan-scenario", "tier-1/ke-hoach.plan.md", 6, KNS_CONTENT_ERROR_UNKNOWN_REFERENCE, "“t1-bai” is not a scenario of tier 1", 4 },
  { "kit-pledge-count", "course.yaml", 17, KNS_CONTENT_ERROR_INVALID_VALUE, "“pledge” lists 4 rules", 4 },
  { "kit-missing-check", "course.yaml", 14, KNS_CONTENT_ERROR_MISSING_LESSON, "there is no file", 4 },
  { "kit-unlisted-plan", "course.yaml", 11, KNS_CONTENT_ERROR_UNLISTED_LESSON, "write “plan: ke-hoach.plan”", 4 },
  { "kit-parents-order", "parents.md", 12, KNS_CONTENT_ERROR_PARENTS_STRUCTURE, "“Khi cần giúp đỡ” is not expected here", 4 },
};

static KnsCourse *
load_data_course (const char *first, ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autofree char *relative = NULL;
  g_autofree char *dir = NULL;
  KnsCourse *course;
  va_list args;

  g_ptr_array_add (parts, (gpointer) "data");
  va_start (args, first);
  for (const char *part = first; part != NULL; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);

  relative = g_build_filenamev ((char **) parts->pdata);
  dir = g_test_build_filename (G_TEST_DIST, relative, NULL);
  course = kns_course_load (dir, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (course);
  return course;
}

static KnsDiagnostic *
only_error (KnsCourse *course)
{
  GPtrArray *diagnostics = kns_course_get_diagnostics (course);

  for (guint i = 0; i < diagnostics->len; i++)
    {
      KnsDiagnostic *d = g_ptr_array_index (diagnostics, i);

      if (d->severity == KNS_SEVERITY_ERROR)
        return d;
    }
  return NULL;
}

static void
test_broken (gconstpointer data)
{
  const BrokenCase *c = data;
  g_autoptr(KnsCourse) course = load_data_course ("broken", c->dir, NULL);
  g_autofree char *suffix = g_strconcat (G_DIR_SEPARATOR_S, c->file, NULL);
  KnsDiagnostic *error = only_error (course);

  g_assert_cmpuint (kns_course_get_n_errors (course), ==, 1);
  g_assert_nonnull (error);
  g_test_message ("%s:%u: %s", error->file, error->line, error->message);

  g_assert_true (g_str_has_suffix (error->file, suffix));
  g_assert_cmpuint (error->line, ==, c->line);
  g_assert_cmpint (error->code, ==, c->code);
  g_assert_nonnull (strstr (error->message, c->fragment));
  g_assert_cmpuint (kns_course_get_n_lessons (course), ==, c->n_lessons);
}

/* A quiz whose right answer is always the longest option can be passed
 * without reading: the checker says so, and the lesson still loads. */
/* The session kit of issue 21, whole: every part loads and says what it
 * holds. */
static void
test_kit (void)
{
  g_autoptr(KnsCourse) course = load_data_course ("kit", NULL);
  KnsTier *tier = kns_course_get_tier (course, 1);
  KnsCheck *check = kns_tier_get_check (tier);
  KnsPlan *plan = kns_tier_get_plan (tier);
  KnsParentsPage *parents = kns_course_get_parents (course);
  const char * const *pledge = kns_tier_get_pledge (tier);

  g_assert_cmpuint (kns_course_get_diagnostics (course)->len, ==, 0);

  g_assert_nonnull (check);
  g_assert_cmpstr (check->id, ==, "t1-kiem-tra");
  g_assert_cmpuint (kns_quiz_get_n_questions (check->quiz), ==, 5);
  g_assert_cmpuint (check->skills[0], ==, 1);
  g_assert_cmpuint (check->skills[1], ==, 2);
  g_assert_cmpuint (check->skills[4], ==, 3);
  g_assert_cmpstr (kns_quiz_get_question (check->quiz, 2)->prompt_text, ==,
                   "Em gọi số nào để xin giúp đỡ?");

  g_assert_nonnull (plan);
  g_assert_cmpuint (plan->minutes, ==, 45);
  g_assert_cmpstr (plan->scenario, ==, "t1-tin-nhan-la");
  g_assert_cmpstr (plan->lessons[1], ==, "t1-so-111");
  g_assert_cmpuint (plan->sections->len, ==, 6);
  g_assert_cmpstr (((KnsPlanSection *) g_ptr_array_index (plan->sections, 4))->name, ==, "Thảo luận");
  g_assert_cmpuint (((KnsPlanSection *) g_ptr_array_index (plan->sections, 5))->minutes, ==, 7);

  g_assert_cmpuint (g_strv_length ((char **) pledge), ==, 5);
  g_assert_cmpstr (pledge[3], ==, "Em nhớ số 111.");

  g_assert_nonnull (parents);
  g_assert_cmpstr (parents->title, ==, "Dành cho bố mẹ");
  g_assert_cmpuint (parents->sections->len, ==, 4);
  g_assert_cmpstr (((KnsPlanSection *) g_ptr_array_index (parents->sections, 2))->name, ==,
                   "Thỏa thuận gia đình");

  /* A tier without a kit has none, and that is no error. */
  g_assert_null (kns_tier_get_check (kns_course_get_tier (course, 2)));
  g_assert_null (kns_tier_get_pledge (kns_course_get_tier (course, 2)));
}

static void
test_guessable_key (void)
{
  g_autoptr(KnsCourse) course = load_data_course ("broken", "guessable-key", NULL);
  GPtrArray *diagnostics = kns_course_get_diagnostics (course);
  KnsDiagnostic *warning;

  g_assert_cmpuint (kns_course_get_n_errors (course), ==, 0);
  g_assert_cmpuint (diagnostics->len, ==, 1);
  warning = g_ptr_array_index (diagnostics, 0);
  g_assert_cmpint (warning->severity, ==, KNS_SEVERITY_WARNING);
  g_assert_cmpint (warning->code, ==, KNS_CONTENT_ERROR_GUESSABLE_KEY);
  g_assert_true (g_str_has_suffix (warning->file, "/tier-1/01-bai.quiz.md"));
  /* The fourth question has two right answers: length tells nothing there. */
  g_assert_nonnull (strstr (warning->message, "In 3 of the 3 one-answer questions"));
  g_assert_cmpuint (kns_course_get_n_lessons (course), ==, 1);
}

static void
test_unknown_tier (void)
{
  g_autoptr(KnsCourse) course = load_data_course ("broken", "unknown-tier", NULL);
  GPtrArray *diagnostics = kns_course_get_diagnostics (course);
  KnsDiagnostic *lesson, *folder;

  /* A lesson claiming tier 7, and a folder for tier 9: both reported. */
  g_assert_cmpuint (diagnostics->len, ==, 2);
  lesson = g_ptr_array_index (diagnostics, 0);
  folder = g_ptr_array_index (diagnostics, 1);

  g_assert_cmpint (lesson->code, ==, KNS_CONTENT_ERROR_UNKNOWN_TIER);
  g_assert_true (g_str_has_suffix (lesson->file, "/tier-1/01-bai.md"));
  g_assert_cmpuint (lesson->line, ==, 4);
  g_assert_nonnull (strstr (lesson->message, "no tier 7 in course.yaml (its tiers are: 1, 2)"));

  g_assert_cmpint (folder->code, ==, KNS_CONTENT_ERROR_UNKNOWN_TIER);
  g_assert_true (g_str_has_suffix (folder->file, "/tier-9"));
  g_assert_nonnull (strstr (folder->message, "tier-9 is not a tier"));
}

static void
test_one_bad_lesson (void)
{
  g_autoptr(KnsCourse) course = load_data_course ("broken", "one-bad-lesson", NULL);
  KnsTier *tier = kns_course_get_tier (course, 1);

  /* The bad lesson is left out; the ones around it keep their order. */
  g_assert_cmpuint (kns_tier_get_n_lessons (tier), ==, 2);
  g_assert_cmpstr (kns_lesson_get_id (kns_tier_get_lesson (tier, 0)), ==, "t1-bai");
  g_assert_cmpstr (kns_lesson_get_id (kns_tier_get_lesson (tier, 1)), ==, "t1-tot");
  g_assert_nonnull (kns_lesson_get_quiz (kns_tier_get_lesson (tier, 0)));
  g_assert_null (kns_course_lookup_lesson (course, "t1-hong"));
}

/* root ignores permissions, so this only runs for an ordinary user. */
static void
test_unreadable_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("kns-content-XXXXXX", &error);
  g_autofree char *src = g_test_build_filename (G_TEST_DIST, "data", "broken", "missing-lesson", "course.yaml", NULL);
  g_autofree char *course_text = NULL;
  g_autofree char *dst = NULL;
  g_autofree char *tier_dir = NULL;
  g_autofree char *lesson = NULL;
  g_autoptr(KnsCourse) course = NULL;
  KnsDiagnostic *diagnostic;

  if (geteuid () == 0)
    {
      g_test_skip ("root can read any file");
      return;
    }

  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (src, &course_text, NULL, NULL));
  dst = g_build_filename (tmp, "course.yaml", NULL);
  g_assert_true (g_file_set_contents (dst, course_text, -1, NULL));
  tier_dir = g_build_filename (tmp, "tier-1", NULL);
  g_assert_cmpint (g_mkdir (tier_dir, 0700), ==, 0);
  lesson = g_build_filename (tier_dir, "01-bai.md", NULL);
  g_assert_true (g_file_set_contents (lesson, "---\n", -1, NULL));
  g_assert_cmpint (g_chmod (lesson, 0), ==, 0);

  course = kns_course_load (tmp, NULL, &error);
  g_assert_no_error (error);
  diagnostic = only_error (course);
  g_assert_nonnull (diagnostic);
  g_assert_cmpint (diagnostic->code, ==, KNS_CONTENT_ERROR_UNREADABLE);
  g_assert_true (g_str_has_suffix (diagnostic->file, "/tier-1/01-bai.md"));

  g_chmod (lesson, 0600);
  g_remove (lesson);
  g_remove (dst);
  g_rmdir (tier_dir);
  g_rmdir (tmp);
}

static KnsBlock *
block_at (GPtrArray *blocks,
          guint      index)
{
  g_assert_cmpuint (index, <, blocks->len);
  return g_ptr_array_index (blocks, index);
}

static void
assert_span (GPtrArray    *spans,
             guint         index,
             const char   *text,
             KnsSpanStyle  style)
{
  KnsSpan *span;

  g_assert_cmpuint (index, <, spans->len);
  span = g_ptr_array_index (spans, index);
  g_assert_cmpstr (span->text, ==, text);
  g_assert_cmpint (span->style, ==, style);
}

static void
test_good_course_structure (void)
{
  g_autoptr(KnsCourse) course = load_data_course ("good", NULL);
  GPtrArray *tiers = kns_course_get_tiers (course);
  KnsTier *tier1;

  g_assert_cmpuint (kns_course_get_n_errors (course), ==, 0);
  g_assert_cmpstr (kns_course_get_title (course), ==, "Khóa thử đầy đủ");
  g_assert_cmpuint (tiers->len, ==, 2);
  g_assert_cmpuint (kns_course_get_n_lessons (course), ==, 3);

  tier1 = g_ptr_array_index (tiers, 0);
  g_assert_cmpuint (kns_tier_get_id (tier1), ==, 1);
  g_assert_cmpstr (kns_tier_get_title (tier1), ==, "Lớp 1–3");
  g_assert_cmpstr (kns_tier_get_ages (tier1), ==, "6–8 tuổi");
  g_assert_cmpstr (kns_tier_get_level (tier1), ==, "CB1");
  g_assert_cmpuint (kns_tier_get_grade_min (tier1), ==, 1);
  g_assert_cmpuint (kns_tier_get_grade_max (tier1), ==, 3);

  /* A learner's grade picks the tier. */
  g_assert_true (kns_course_get_tier_for_grade (course, 2) == tier1);
  g_assert_true (kns_course_get_tier_for_grade (course, 5) == g_ptr_array_index (tiers, 1));
  g_assert_null (kns_course_get_tier_for_grade (course, 9));

  /* Course order, and ".md" in course.yaml is accepted. */
  g_assert_cmpstr (kns_lesson_get_id (kns_tier_get_lesson (tier1, 0)), ==, "t1-day-du");
  g_assert_cmpstr (kns_lesson_get_id (kns_tier_get_lesson (tier1, 1)), ==, "t1-crlf-bom");
  g_assert_true (kns_course_get_lesson_tier (course, kns_tier_get_lesson (tier1, 1)) == tier1);

  /* Help page: two hotline call-outs. */
  g_assert_nonnull (kns_course_get_help (course));
  g_assert_cmpint (block_at (kns_course_get_help (course), 1)->callout, ==, KNS_CALLOUT_HOTLINE);
  g_assert_cmpstr (block_at (kns_course_get_help (course), 2)->title, ==, "Gọi 113");
}

static void
test_good_lesson_metadata (void)
{
  g_autoptr(KnsCourse) course = load_data_course ("good", NULL);
  KnsLesson *lesson = kns_course_lookup_lesson (course, "t1-day-du");
  KnsLesson *windows = kns_course_lookup_lesson (course, "t1-crlf-bom");
  const GDate *reviewed;

  g_assert_nonnull (lesson);
  g_assert_cmpstr (kns_lesson_get_title (lesson), ==, "Bài đầy đủ & <đặc biệt>");
  g_assert_cmpstr (kns_lesson_get_summary (lesson), ==, "Dùng mọi khối của định dạng.");
  g_assert_cmpuint (kns_lesson_get_tier (lesson), ==, 1);
  g_assert_cmpuint (kns_lesson_get_minutes (lesson), ==, 7);
  g_assert_cmpint (kns_lesson_get_skill_groups (lesson), ==, KNS_SKILL_SAFE_USE | KNS_SKILL_RECOGNISE);
  g_assert_cmpuint (g_strv_length ((char **) kns_lesson_get_objectives (lesson)), ==, 2);
  g_assert_cmpstr (kns_lesson_get_objectives (lesson)[1], ==, "Mục tiêu hai: có dấu hai chấm.");
  g_assert_true (g_strv_contains (kns_lesson_get_topics (lesson), "chủ đề hai"));
  g_assert_true (g_strv_contains (kns_lesson_get_competences (lesson), "4.2"));
  g_assert_true (g_strv_contains (kns_lesson_get_competences (lesson), "2.5"));
  g_assert_true (g_strv_contains (kns_lesson_get_channels (lesson), "111"));
  g_assert_cmpstr (kns_lesson_get_verify (lesson)[0], ==, "Điều cần kiểm tra lại.");
  reviewed = kns_lesson_get_reviewed (lesson);
  g_assert_cmpint (g_date_get_year (reviewed), ==, 2026);
  g_assert_cmpint (g_date_get_month (reviewed), ==, G_DATE_NOVEMBER);
  g_assert_cmpint (g_date_get_day (reviewed), ==, 1);
  g_assert_cmpuint (strlen (kns_lesson_get_version (lesson)), ==, 16);

  /* Written in Notepad: a byte-order mark, CRLF and single values for lists. */
  g_assert_nonnull (windows);
  g_assert_cmpstr (kns_lesson_get_title (windows), ==, "Bài soạn trên Windows");
  g_assert_cmpstr (kns_lesson_get_objectives (windows)[0], ==, "Một mục tiêu.");
  g_assert_cmpint (kns_lesson_get_skill_groups (windows), ==, KNS_SKILL_SELF_PROTECT);
  g_assert_null (kns_lesson_get_quiz (windows));
  g_assert_null (kns_lesson_get_verify (windows));
  g_assert_null (kns_lesson_get_parent_tips (windows));
  /* Tips for parents are details, not the lesson's text. */
  g_assert_cmpstr (kns_lesson_get_parent_tips (kns_course_lookup_lesson (course,
                                                                         "t2-khong-co-bai-kiem-tra"))[0],
                   ==, "Mẹo cho bố mẹ, không nằm trong bài của em.");
}

static void
test_good_lesson_blocks (void)
{
  g_autoptr(KnsCourse) course = load_data_course ("good", NULL);
  GPtrArray *blocks = kns_lesson_get_blocks (kns_course_lookup_lesson (course, "t1-day-du"));
  KnsBlock *block, *item, *nested;
  guint i = 0;

  block = block_at (blocks, i++);
  g_assert_cmpint (block->kind, ==, KNS_BLOCK_HEADING);
  g_assert_cmpuint (block->level, ==, 1);
  g_assert_cmpuint (block->line, ==, 21);
  assert_span (block->spans, 0, "Tiêu đề một", KNS_SPAN_PLAIN);

  block = block_at (blocks, i++);
  g_assert_cmpint (block->kind, ==, KNS_BLOCK_PARAGRAPH);
  assert_span (block->spans, 0, "Đoạn có ", KNS_SPAN_PLAIN);
  assert_span (block->spans, 1, "chữ đậm", KNS_SPAN_STRONG);
  assert_span (block->spans, 3, "chữ nghiêng", KNS_SPAN_EMPHASIS);
  assert_span (block->spans, 5, "mã", KNS_SPAN_CODE);
  assert_span (block->spans, 7, "một liên kết", KNS_SPAN_LINK);
  g_assert_cmpstr (((KnsSpan *) g_ptr_array_index (block->spans, 7))->url, ==, "https://vn-cop.vn");
  assert_span (block->spans, 8, " cùng ", KNS_SPAN_PLAIN);
  assert_span (block->spans, 9, "đậm nghiêng", KNS_SPAN_STRONG | KNS_SPAN_EMPHASIS);

  block = block_at (blocks, i++);
  g_assert_cmpint (block->kind, ==, KNS_BLOCK_HEADING);
  g_assert_cmpuint (block->level, ==, 2);

  /* A bullet list with an ordered list inside its second item. */
  block = block_at (blocks, i++);
  g_assert_cmpint (block->kind, ==, KNS_BLOCK_LIST);
  g_assert_false (block->ordered);
  g_assert_cmpuint (block->children->len, ==, 2);
  item = block_at (block->children, 1);
  g_assert_cmpint (item->kind, ==, KNS_BLOCK_ITEM);
  nested = block_at (item->children, 1);
  g_assert_cmpint (nested->kind, ==, KNS_BLOCK_LIST);
  g_assert_true (nested->ordered);
  g_assert_cmpuint (nested->start, ==, 1);

  block = block_at (blocks, i++);
  g_assert_true (block->ordered);
  g_assert_cmpuint (block->start, ==, 3);

  block = block_at (blocks, i++);
  g_assert_cmpint (block->kind, ==, KNS_BLOCK_IMAGE);
  g_assert_cmpstr (block->text, ==, "Một bạn nhỏ kể với mẹ");
  g_assert_true (g_path_is_absolute (block->path));
  g_assert_true (g_str_has_suffix (block->path, "/media/hinh.svg"));
  g_assert_true (g_file_test (block->path, G_FILE_TEST_IS_REGULAR));

  /* Call-outs: the marker becomes the title and leaves the text. */
  block = block_at (blocks, i++);
  g_assert_cmpint (block->kind, ==, KNS_BLOCK_CALLOUT);
  g_assert_cmpint (block->callout, ==, KNS_CALLOUT_REMEMBER);
  g_assert_cmpstr (block->title, ==, "Ghi nhớ");
  assert_span (block_at (block->children, 0)->spans, 0, "Điều cần nhớ.", KNS_SPAN_PLAIN);

  block = block_at (blocks, i++);
  g_assert_cmpint (block->callout, ==, KNS_CALLOUT_WARNING);
  g_assert_cmpstr (block->title, ==, "Cảnh báo");
  assert_span (block_at (block->children, 0)->spans, 0, "Điều cần cẩn thận. Dòng thứ hai.", KNS_SPAN_PLAIN);

  block = block_at (blocks, i++);
  g_assert_cmpint (block->callout, ==, KNS_CALLOUT_HOTLINE);
  g_assert_cmpstr (block->title, ==, "Gọi 111");
  assert_span (block_at (block->children, 0)->spans, 0, "Miễn phí.", KNS_SPAN_PLAIN);

  block = block_at (blocks, i++);
  g_assert_cmpint (block->callout, ==, KNS_CALLOUT_TIP);
  g_assert_cmpstr (block->title, ==, "Em có biết?");

  block = block_at (blocks, i++);
  g_assert_cmpint (block->callout, ==, KNS_CALLOUT_TIP);

  block = block_at (blocks, i++);
  g_assert_cmpint (block->kind, ==, KNS_BLOCK_QUOTE);

  /* A misspelt marker stays a quote, keeps its words, and warns. */
  block = block_at (blocks, i++);
  g_assert_cmpint (block->kind, ==, KNS_BLOCK_QUOTE);
  assert_span (block_at (block->children, 0)->spans, 0, "Ghi nho:", KNS_SPAN_STRONG);

  block = block_at (blocks, i++);
  g_assert_cmpint (block->kind, ==, KNS_BLOCK_CODE);
  g_assert_cmpstr (block->text, ==, "mã nguồn <b>\n");

  block = block_at (blocks, i++);
  g_assert_cmpint (block->kind, ==, KNS_BLOCK_RULE);

  /* Raw HTML stays text. */
  block = block_at (blocks, i++);
  g_assert_cmpint (block->kind, ==, KNS_BLOCK_PARAGRAPH);
  {
    g_autofree char *text = kns_spans_to_text (block->spans);
    g_assert_cmpstr (text, ==, "<b>HTML thô</b>");
  }

  block = block_at (blocks, i++);
  g_assert_cmpint (block->callout, ==, KNS_CALLOUT_HELP);
  g_assert_cmpuint (blocks->len, ==, i);
}

static void
test_good_quiz (void)
{
  g_autoptr(KnsCourse) course = load_data_course ("good", NULL);
  KnsQuiz *quiz = kns_lesson_get_quiz (kns_course_lookup_lesson (course, "t1-day-du"));
  KnsQuestion *q1, *q2;

  g_assert_nonnull (quiz);
  g_assert_cmpuint (kns_quiz_get_n_questions (quiz), ==, 2);

  q1 = kns_quiz_get_question (quiz, 0);
  g_assert_cmpstr (q1->id, ==, "q1");
  g_assert_cmpuint (q1->line, ==, 1);
  g_assert_cmpstr (q1->prompt_text, ==, "Câu một: chọn một ý?");
  assert_span (q1->prompt, 1, "một", KNS_SPAN_STRONG);
  g_assert_cmpuint (q1->body->len, ==, 1);
  g_assert_cmpuint (q1->options->len, ==, 3);
  g_assert_cmpstr (((KnsOption *) g_ptr_array_index (q1->options, 1))->text, ==, "Đúng");
  g_assert_false (kns_question_is_multiple (q1));
  g_assert_cmpuint (q1->correct_mask, ==, 1u << 1);
  g_assert_true (kns_question_is_correct (q1, 1u << 1));
  g_assert_false (kns_question_is_correct (q1, 1u << 0));
  g_assert_cmpuint (kns_question_all_options (q1), ==, 0x7);

  q2 = kns_quiz_get_question (quiz, 1);
  g_assert_cmpstr (q2->id, ==, "q2");
  g_assert_true (kns_question_is_multiple (q2));
  g_assert_cmpuint (q2->correct_mask, ==, (1u << 0) | (1u << 2));
  /* A multiple-answer question is right only with every right option. */
  g_assert_false (kns_question_is_correct (q2, 1u << 0));
  g_assert_false (kns_question_is_correct (q2, 0x7));
  g_assert_true (kns_question_is_correct (q2, 0x5));
  g_assert_cmpuint (q2->explanation->len, ==, 2);

  g_assert_true (kns_quiz_find_question (quiz, "q2") == q2);
  g_assert_null (kns_quiz_find_question (quiz, "q9"));
}

static void
test_good_course_warnings (void)
{
  g_autoptr(KnsCourse) course = load_data_course ("good", NULL);
  GPtrArray *diagnostics = kns_course_get_diagnostics (course);
  guint callout = 0, html = 0, help = 0;

  /* Warnings do not keep a lesson out. */
  for (guint i = 0; i < diagnostics->len; i++)
    {
      KnsDiagnostic *d = g_ptr_array_index (diagnostics, i);

      g_assert_cmpint (d->severity, ==, KNS_SEVERITY_WARNING);
      if (d->code == KNS_CONTENT_ERROR_UNKNOWN_CALLOUT)
        {
          callout++;
          g_assert_cmpuint (d->line, ==, 52);
        }
      else if (d->code == KNS_CONTENT_ERROR_RAW_HTML)
        html++;
      else if (d->code == KNS_CONTENT_ERROR_NO_HELP_CALLOUT)
        {
          help++;
          g_assert_true (g_str_has_suffix (d->file, "/tier-2/01-khong-co-bai-kiem-tra.md"));
        }
    }

  g_assert_cmpuint (callout, ==, 1);
  g_assert_cmpuint (html, ==, 2);
  g_assert_cmpuint (help, ==, 1);
}

static void
test_vi_subfolder (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "..", "content", NULL);
  g_autofree char *root = kns_course_find_root (dir);

  /* Pointing at content/ finds content/vi/course.yaml. */
  g_assert_nonnull (root);
  g_assert_true (g_str_has_suffix (root, G_DIR_SEPARATOR_S "vi"));
}

static void
load_async_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  KnsCourse **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = kns_course_load_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_load_async (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "good", NULL);
  g_autoptr(KnsCourse) course = NULL;

  kns_course_load_async (dir, NULL, load_async_cb, &course);
  while (course == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (kns_course_get_n_lessons (course), ==, 3);
}

static void
test_lesson_finalized (void)
{
  KnsCourse *course = load_data_course ("good", NULL);
  KnsLesson *lesson = g_object_ref (kns_course_lookup_lesson (course, "t1-day-du"));

  /* The course owns its lessons and lets go of them. */
  g_assert_finalize_object (course);
  g_assert_finalize_object (lesson);
}

static gboolean
is_own_nfc (const char *text)
{
  g_autofree char *nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);

  return nfc != NULL && strcmp (nfc, text) == 0;
}

/* The checker skips normalizing lines of "plain" characters: each of
 * them, and each pair of them, must be its own NFC, with this GLib's
 * Unicode tables (which a newer runtime may update). Combining accents
 * are not plain. */
static void
test_plain_nfc (void)
{
  g_autoptr(GArray) plain = g_array_new (FALSE, FALSE, sizeof (gunichar));

  for (gunichar c = 1; c < 0x110000; c++)
    if (g_unichar_validate (c) && kns_text_is_plain_nfc (c))
      g_array_append_val (plain, c);
  g_assert_cmpuint (plain->len, >, 1000);
  g_assert_false (kns_text_is_plain_nfc (0x0301));
  g_assert_false (kns_text_is_plain_nfc (0x2001));

  for (guint i = 0; i < plain->len; i++)
    {
      char pair[16] = { 0 };
      int first = g_unichar_to_utf8 (g_array_index (plain, gunichar, i), pair);

      g_assert_cmpint (g_unichar_combining_class (g_array_index (plain, gunichar, i)), ==, 0);
      g_assert_true (is_own_nfc (pair));
      for (guint j = 0; j < plain->len; j++)
        {
          int second = g_unichar_to_utf8 (g_array_index (plain, gunichar, j), pair + first);

          pair[first + second] = '\0';
          if (!is_own_nfc (pair))
            g_error ("U+%04X U+%04X changes under NFC", g_array_index (plain, gunichar, i),
                     g_array_index (plain, gunichar, j));
        }
    }
}

static void
write_file (const char *dir,
            const char *name,
            const char *contents,
            gssize      length)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

static const KnsDiagnostic *
error_for (KnsCourse  *course,
           const char *suffix)
{
  GPtrArray *diagnostics = kns_course_get_diagnostics (course);

  for (guint i = 0; i < diagnostics->len; i++)
    {
      const KnsDiagnostic *d = g_ptr_array_index (diagnostics, i);

      if (d->severity == KNS_SEVERITY_ERROR && g_str_has_suffix (d->file, suffix))
        return d;
    }
  return NULL;
}

/* A lesson that is a named pipe, a link to /dev/zero or a huge file is
 * refused by name, before anything is read: before, loading read the
 * pipe or the device forever. The test's timeout is the hang's verdict. */
static void
test_not_ordinary_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("kns-content-XXXXXX", &error);
  g_autofree char *tier_dir = g_build_filename (tmp, "tier-1", NULL);
  g_autofree char *good = g_test_build_filename (G_TEST_DIST, "data", "broken", "guessable-key",
                                                 "tier-1", "01-bai.md", NULL);
  g_autofree char *good_text = NULL;
  g_autofree char *fifo = g_build_filename (tier_dir, "02-ong.md", NULL);
  g_autofree char *zero = g_build_filename (tier_dir, "03-khong.md", NULL);
  g_autofree char *huge = g_malloc (2 * 1024 * 1024);
  g_autoptr(KnsCourse) course = NULL;
  const KnsDiagnostic *d;

  g_assert_no_error (error);
  write_file (tmp, "course.yaml",
              "title: Khóa thử\ntiers:\n"
              "  - id: 1\n    title: Lớp 1–3\n    grades: [1, 3]\n"
              "    lessons: [01-bai, 02-ong, 03-khong, 04-lon]\n", -1);
  g_assert_cmpint (g_mkdir (tier_dir, 0700), ==, 0);
  g_assert_true (g_file_get_contents (good, &good_text, NULL, NULL));
  write_file (tier_dir, "01-bai.md", good_text, -1);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (symlink ("/dev/zero", zero), ==, 0);
  memset (huge, 'a', 2 * 1024 * 1024);
  write_file (tier_dir, "04-lon.md", huge, 2 * 1024 * 1024);

  course = kns_course_load (tmp, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kns_course_get_n_lessons (course), ==, 1);
  g_assert_cmpuint (kns_course_get_n_errors (course), ==, 3);

  g_assert_nonnull ((d = error_for (course, "/tier-1/02-ong.md")));
  g_assert_cmpint (d->code, ==, KNS_CONTENT_ERROR_UNREADABLE);
  g_assert_nonnull (strstr (d->message, "a device, a pipe or a socket"));
  g_assert_nonnull ((d = error_for (course, "/tier-1/03-khong.md")));
  g_assert_nonnull (strstr (d->message, "a device, a pipe or a socket"));
  g_assert_nonnull ((d = error_for (course, "/tier-1/04-lon.md")));
  g_assert_nonnull (strstr (d->message, "too large"));

  kns_test_remove_tree (tmp);
}

/* A file's name can hold terminal escapes; the checker prints none. */
static void
test_escapes_in_names (void)
{
  KnsDiagnostic d = { KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_UNREADABLE,
                      (char *) "tier-1/\033[2J\033]0;owned\007\u202Egpj.md", 3,
                      (char *) "“\033[31m” is not a key" };
  g_autofree char *line = kns_diagnostic_format (&d);

  g_test_message ("%s", line);
  g_assert_null (strchr (line, '\033'));
  g_assert_null (strchr (line, '\007'));
  g_assert_null (strstr (line, "\u202E"));
  g_assert_true (g_str_has_prefix (line, "tier-1/\uFFFD[2J\uFFFD]0;owned\uFFFD\uFFFDgpj.md:3: error: "));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (broken_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/kns/content/broken/%s", broken_cases[i].dir);

      g_test_add_data_func (path, &broken_cases[i], test_broken);
    }

  g_test_add_func ("/kns/content/broken/unknown-tier", test_unknown_tier);
  g_test_add_func ("/kns/content/one-bad-lesson", test_one_bad_lesson);
  g_test_add_func ("/kns/content/unreadable-file", test_unreadable_file);
  g_test_add_func ("/kns/content/not-ordinary-files", test_not_ordinary_files);
  g_test_add_func ("/kns/content/escapes-in-names", test_escapes_in_names);
  g_test_add_func ("/kns/content/good/structure", test_good_course_structure);
  g_test_add_func ("/kns/content/good/metadata", test_good_lesson_metadata);
  g_test_add_func ("/kns/content/good/blocks", test_good_lesson_blocks);
  g_test_add_func ("/kns/content/good/quiz", test_good_quiz);
  g_test_add_func ("/kns/content/good/warnings", test_good_course_warnings);
  g_test_add_func ("/kns/content/vi-subfolder", test_vi_subfolder);
  g_test_add_func ("/kns/content/guessable-key", test_guessable_key);
  g_test_add_func ("/kns/content/kit", test_kit);
  g_test_add_func ("/kns/content/load-async", test_load_async);
  g_test_add_func ("/kns/content/finalized", test_lesson_finalized);
  g_test_add_func ("/kns/content/plain-nfc", test_plain_nfc);

  return g_test_run ();
}
