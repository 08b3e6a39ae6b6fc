/* test-scenario.c — scenario files: parsing, the graph checks, the validator
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

#include <string.h>

#include "kns-content-check.h"
#include "kns-course.h"

typedef struct
{
  const char      *dir;       /* under tests/data/scenario */
  const char      *file;      /* the file the error names, relative to dir */
  guint            line;
  KnsContentError  code;
  const char      *fragment;  /* a piece of the message */
  guint            n_lessons; /* what still loads */
} BrokenCase;

/* One course per kind of mistake: exactly one error each, at the right
 * line, with the rest of the course still loaded. */
static const BrokenCase broken_cases[] = {
  { "choice-nowhere", "tier-1/01-tinh-huong.scenario.md", 23, KNS_CONTENT_ERROR_CHOICE_NOWHERE,
    "The choice “Em gửi ảnh” leads to “#gui-anh-ngay”, but there is no scene with that id", 0 },
  { "unreachable", "tier-1/01-tinh-huong.scenario.md", 37, KNS_CONTENT_ERROR_SCENE_UNREACHABLE,
    "No choice leads to the scene “canh-quen”", 0 },
  { "no-exit", "tier-1/01-tinh-huong.scenario.md", 38, KNS_CONTENT_ERROR_SCENE_NO_EXIT,
    "the scenes “hoi-lai”, “hoi-them” only lead to each other", 0 },
  { "no-safe-ending", "tier-1/01-tinh-huong.scenario.md", 18, KNS_CONTENT_ERROR_NO_SAFE_ENDING,
    "has no safe ending", 0 },
  { "dead-end", "tier-1/01-tinh-huong.scenario.md", 25, KNS_CONTENT_ERROR_SCENE_DEAD_END,
    "“ke-voi-me” has no choices and is not an ending", 0 },
  { "heading-without-id", "tier-1/01-tinh-huong.scenario.md", 25, KNS_CONTENT_ERROR_SCENE_STRUCTURE,
    "write “## Em kể với mẹ {#short-id}”", 0 },
  { "duplicate-scene", "tier-1/01-tinh-huong.scenario.md", 31, KNS_CONTENT_ERROR_SCENE_ID,
    "already a scene “ke-voi-me” (line 25)", 0 },
  { "bad-start", "tier-1/01-tinh-huong.scenario.md", 15, KNS_CONTENT_ERROR_SCENE_ID,
    "“start: bat-dau” names no scene", 0 },
  { "missing-start", "tier-1/01-tinh-huong.scenario.md", 2, KNS_CONTENT_ERROR_MISSING_KEY,
    "“start” is missing", 0 },
  { "ending-typo", "tier-1/01-tinh-huong.scenario.md", 29, KNS_CONTENT_ERROR_SCENE_STRUCTURE,
    "“Kết thúc” is not an ending the app knows", 0 },
  { "choice-not-link", "tier-1/01-tinh-huong.scenario.md", 23, KNS_CONTENT_ERROR_SCENE_STRUCTURE,
    "Each choice is one line holding one link to a scene", 0 },
  { "ending-with-choices", "tier-1/01-tinh-huong.scenario.md", 37, KNS_CONTENT_ERROR_SCENE_STRUCTURE,
    "A scene with choices is not an ending", 0 },
  { "one-bad-scenario", "tier-1/02-hong.scenario.md", 23, KNS_CONTENT_ERROR_CHOICE_NOWHERE,
    "leads to “#khong-co”", 2 },
};

static KnsCourse *
load_course (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "scenario", name, NULL);
  KnsCourse *course = kns_course_load (dir, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (course);
  return course;
}

static void
test_broken (gconstpointer data)
{
  const BrokenCase *c = data;
  g_autoptr(KnsCourse) course = load_course (c->dir);
  g_autofree char *suffix = g_strconcat (G_DIR_SEPARATOR_S, c->file, NULL);
  GPtrArray *diagnostics = kns_course_get_diagnostics (course);
  KnsDiagnostic *error = NULL;

  g_assert_cmpuint (kns_course_get_n_errors (course), ==, 1);
  g_assert_cmpuint (kns_course_get_n_warnings (course), ==, 0);
  for (guint i = 0; i < diagnostics->len; i++)
    if (((KnsDiagnostic *) g_ptr_array_index (diagnostics, i))->severity == KNS_SEVERITY_ERROR)
      error = g_ptr_array_index (diagnostics, i);
  g_assert_nonnull (error);
  g_test_message ("%s:%u: %s", error->file, error->line, error->message);

  g_assert_true (g_str_has_suffix (error->file, suffix));
  g_assert_cmpuint (error->line, ==, c->line);
  g_assert_cmpint (error->code, ==, c->code);
  g_assert_nonnull (strstr (error->message, c->fragment));
  g_assert_cmpuint (kns_course_get_n_lessons (course), ==, c->n_lessons);
}

static void
test_one_bad_scenario (void)
{
  g_autoptr(KnsCourse) course = load_course ("one-bad-scenario");
  KnsTier *tier = kns_course_get_tier (course, 1);

  /* The bad scenario is left out; the lesson and the good one stay, in order. */
  g_assert_cmpuint (kns_tier_get_n_lessons (tier), ==, 2);
  g_assert_cmpstr (kns_lesson_get_id (kns_tier_get_lesson (tier, 0)), ==, "t1-bai");
  g_assert_null (kns_lesson_get_scenario (kns_tier_get_lesson (tier, 0)));
  g_assert_cmpstr (kns_lesson_get_id (kns_tier_get_lesson (tier, 1)), ==, "t1-tot");
  g_assert_nonnull (kns_lesson_get_scenario (kns_tier_get_lesson (tier, 1)));
  g_assert_null (kns_course_lookup_lesson (course, "t1-hong"));
}

static KnsChoice *
choice_at (KnsScene *scene,
           guint     index)
{
  g_assert_cmpuint (index, <, scene->choices->len);
  return g_ptr_array_index (scene->choices, index);
}

static void
test_good_scenes (void)
{
  g_autoptr(KnsCourse) course = load_course ("good");
  KnsLesson *lesson = kns_course_lookup_lesson (course, "t1-tin-nhan-la");
  KnsScenario *scenario;
  KnsScene *start, *ask, *safe, *unsafe;
  KnsBlock *block;

  g_assert_cmpuint (kns_course_get_n_errors (course), ==, 0);
  g_assert_cmpuint (kns_course_get_n_lessons (course), ==, 3);
  g_assert_nonnull (lesson);

  /* A scenario is a lesson of its tier, in course order, with details. */
  g_assert_true (kns_tier_get_lesson (kns_course_get_tier (course, 1), 1) == lesson);
  g_assert_cmpstr (kns_lesson_get_title (lesson), ==, "Tình huống: tin nhắn lạ");
  g_assert_cmpuint (kns_lesson_get_minutes (lesson), ==, 4);
  g_assert_cmpint (kns_lesson_get_skill_groups (lesson), ==, KNS_SKILL_SELF_PROTECT | KNS_SKILL_RECOGNISE);
  g_assert_true (g_strv_contains (kns_lesson_get_channels (lesson), "111"));
  g_assert_cmpuint (strlen (kns_lesson_get_version (lesson)), ==, 16);
  g_assert_null (kns_lesson_get_quiz (lesson));
  g_assert_cmpuint (kns_lesson_get_blocks (lesson)->len, ==, 0);

  scenario = kns_lesson_get_scenario (lesson);
  g_assert_nonnull (scenario);
  g_assert_cmpuint (kns_scenario_get_n_scenes (scenario), ==, 4);

  /* "## Title {#id}": both; the text, a quote that is no ending, a picture. */
  start = kns_scenario_get_start (scenario);
  g_assert_true (start == kns_scenario_get_scene (scenario, 0));
  g_assert_cmpstr (start->id, ==, "tin-nhan");
  g_assert_cmpuint (start->line, ==, 22);
  g_assert_cmpstr (start->title_text, ==, "Một tin nhắn lạ");
  g_assert_cmpuint (start->title->len, ==, 2);
  g_assert_cmpint (((KnsSpan *) g_ptr_array_index (start->title, 1))->style, ==, KNS_SPAN_STRONG);
  g_assert_cmpstr (((KnsSpan *) g_ptr_array_index (start->title, 1))->text, ==, "lạ");
  g_assert_cmpuint (start->body->len, ==, 3);
  block = g_ptr_array_index (start->body, 1);
  g_assert_cmpint (block->kind, ==, KNS_BLOCK_QUOTE);
  block = g_ptr_array_index (start->body, 2);
  g_assert_cmpint (block->kind, ==, KNS_BLOCK_IMAGE);
  g_assert_true (g_str_has_suffix (block->path, "/media/hinh.svg"));
  g_assert_false (kns_scene_is_ending (start));

  /* Choices: their words without the link, where they lead. */
  g_assert_cmpuint (start->choices->len, ==, 3);
  g_assert_cmpstr (choice_at (start, 0)->text, ==, "Em kể với mẹ");
  g_assert_cmpint (((KnsSpan *) g_ptr_array_index (choice_at (start, 0)->spans, 1))->style, ==, KNS_SPAN_STRONG);
  g_assert_cmpstr (choice_at (start, 0)->target, ==, "ke-voi-me");
  g_assert_cmpuint (choice_at (start, 0)->line, ==, 30);
  g_assert_cmpstr (choice_at (start, 2)->text, ==, "Em hỏi \"Chú là ai?\"");

  /* "## id": an id, no title. */
  ask = kns_scene_follow (start, 2);
  g_assert_cmpstr (ask->id, ==, "hoi-lai");
  g_assert_null (ask->title);
  g_assert_null (ask->title_text);
  g_assert_null (kns_scene_follow (start, 3));

  /* Endings: the marker leaves the debrief; what follows it joins it. */
  safe = kns_scene_follow (ask, 0);
  g_assert_true (safe == kns_scenario_find_scene (scenario, "ke-voi-me"));
  g_assert_cmpint (safe->ending, ==, KNS_ENDING_SAFE);
  g_assert_cmpuint (safe->choices->len, ==, 0);
  g_assert_cmpuint (safe->body->len, ==, 1);
  g_assert_cmpuint (safe->debrief->len, ==, 2);
  {
    g_autofree char *text = kns_blocks_to_text (safe->debrief);

    g_assert_true (g_str_has_prefix (text, "An đã làm đúng. Người lạ xin ảnh"));
  }
  g_assert_cmpint (((KnsBlock *) g_ptr_array_index (safe->debrief, 1))->callout, ==, KNS_CALLOUT_HELP);
  g_assert_true (kns_scene_has_help (safe));

  unsafe = kns_scenario_find_scene (scenario, "gui-anh");
  g_assert_cmpint (unsafe->ending, ==, KNS_ENDING_UNSAFE);
  g_assert_false (kns_scene_has_help (unsafe));
  g_assert_null (kns_scenario_find_scene (scenario, "khong-co"));
}

static void
test_good_loop (void)
{
  g_autoptr(KnsCourse) course = load_course ("good");
  KnsLesson *lesson = kns_course_lookup_lesson (course, "t2-vong-lap");
  KnsScenario *scenario = kns_lesson_get_scenario (lesson);
  KnsScene *one = kns_scenario_get_start (scenario);
  KnsScene *two = kns_scene_follow (one, 0);

  /* A way back is fine when there is also a way out. */
  g_assert_true (kns_scene_follow (two, 0) == one);
  g_assert_true (kns_scene_is_ending (kns_scene_follow (two, 1)));
  g_assert_true (kns_course_get_lesson_tier (course, lesson) == kns_course_get_tier (course, 2));
}

static void
test_good_warnings (void)
{
  g_autoptr(KnsCourse) course = load_course ("good");
  GPtrArray *diagnostics = kns_course_get_diagnostics (course);
  KnsDiagnostic *d;

  /* Only the text before the first scene, which is not shown. */
  g_assert_cmpuint (diagnostics->len, ==, 1);
  d = g_ptr_array_index (diagnostics, 0);
  g_assert_cmpint (d->severity, ==, KNS_SEVERITY_WARNING);
  g_assert_cmpint (d->code, ==, KNS_CONTENT_ERROR_SCENE_STRUCTURE);
  g_assert_cmpuint (d->line, ==, 20);
}

/* Parses @body as the scenes of a scenario starting at "a", and returns
 * its diagnostics. */
static GPtrArray *
parse_body (const char  *body,
            KnsLesson  **out)
{
  GPtrArray *diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) kns_diagnostic_unref);
  g_autofree char *text = g_strconcat ("---\n"
                                       "id: t1-thu\n"
                                       "title: Thử\n"
                                       "tier: 1\n"
                                       "minutes: 1\n"
                                       "objectives: [Một.]\n"
                                       "topics: [một]\n"
                                       "skill_group: 1\n"
                                       "competences: [\"4.2\"]\n"
                                       "sources: [Sách]\n"
                                       "reviewed: 2026-11-01\n"
                                       "start: a\n"
                                       "---\n",
                                       body, NULL);
  KnsLesson *lesson = kns_lesson_parse_scenario ("thu.scenario.md", text, strlen (text), NULL, NULL,
                                                 diagnostics);

  if (out != NULL)
    *out = lesson;
  else
    g_clear_object (&lesson);
  return diagnostics;
}

static guint
count_code (GPtrArray       *diagnostics,
            KnsContentError  code)
{
  guint n = 0;

  for (guint i = 0; i < diagnostics->len; i++)
    if (((KnsDiagnostic *) g_ptr_array_index (diagnostics, i))->code == code)
      n++;
  return n;
}

static KnsDiagnostic *
find_code (GPtrArray       *diagnostics,
           KnsContentError  code)
{
  for (guint i = 0; i < diagnostics->len; i++)
    if (((KnsDiagnostic *) g_ptr_array_index (diagnostics, i))->code == code)
      return g_ptr_array_index (diagnostics, i);
  g_assert_not_reached ();
}

static void
test_graph_cases (void)
{
  g_autoptr(GPtrArray) d = NULL;
  g_autoptr(KnsLesson) lesson = NULL;

  /* A scene that loops on itself, with a way out. */
  d = parse_body ("## a\n\n- [Lại](#a)\n- [Xong](#b)\n\n## b\n\n> **Kết thúc an toàn:** Tốt.\n", &lesson);
  g_assert_cmpuint (d->len, ==, 0);
  g_assert_nonnull (lesson);
  g_clear_pointer (&d, g_ptr_array_unref);
  g_clear_object (&lesson);

  /* Without a way out: one error for the whole loop. */
  d = parse_body ("## a\n\n- [Lại](#a)\n- [Sang c](#c)\n\n## c\n\n- [Về a](#a)\n\n"
                  "## b\n\n> **Kết thúc an toàn:** Tốt.\n", &lesson);
  g_assert_null (lesson);
  g_assert_cmpuint (count_code (d, KNS_CONTENT_ERROR_SCENE_NO_EXIT), ==, 1);
  g_assert_cmpuint (count_code (d, KNS_CONTENT_ERROR_SCENE_UNREACHABLE), ==, 1);
  g_assert_cmpuint (find_code (d, KNS_CONTENT_ERROR_SCENE_NO_EXIT)->line, ==, 14);
  g_clear_pointer (&d, g_ptr_array_unref);

  /* A trap reachable only through a scene that can still end. */
  d = parse_body ("## a\n\n- [Xong](#b)\n- [Bẫy](#c)\n\n## b\n\n> **Kết thúc an toàn:** Tốt.\n\n"
                  "## c\n\n- [Bẫy tiếp](#d)\n\n## d\n\n- [Về bẫy](#c)\n", NULL);
  g_assert_cmpuint (d->len, ==, 1);
  g_assert_nonnull (strstr (((KnsDiagnostic *) g_ptr_array_index (d, 0))->message, "“c”, “d”"));
  g_clear_pointer (&d, g_ptr_array_unref);

  /* Too many choices; a choice list after the text it ends; two endings. */
  d = parse_body ("## a\n\n- [1](#b)\n- [2](#b)\n- [3](#b)\n- [4](#b)\n- [5](#b)\n- [6](#b)\n- [7](#b)\n\n"
                  "## b\n\n> **Kết thúc an toàn:** Tốt.\n\n> **Kết thúc chưa an toàn:** Xấu.\n", NULL);
  g_assert_cmpuint (count_code (d, KNS_CONTENT_ERROR_SCENE_STRUCTURE), ==, 2);
  g_clear_pointer (&d, g_ptr_array_unref);

  /* Text after the choices; a second list of choices. */
  d = parse_body ("## a\n\n- [1](#b)\n\nRồi sao?\n\n- [2](#b)\n\n"
                  "## b\n\n> **Kết thúc an toàn:** Tốt.\n", NULL);
  g_assert_cmpuint (count_code (d, KNS_CONTENT_ERROR_SCENE_STRUCTURE), ==, 2);
  g_clear_pointer (&d, g_ptr_array_unref);

  /* A bad id; an ending with nothing to say; no scenes at all. */
  d = parse_body ("## Cảnh {#Canh_A}\n\n- [1](#b)\n\n## b\n\n> **Kết thúc an toàn:**\n", NULL);
  g_assert_cmpuint (count_code (d, KNS_CONTENT_ERROR_SCENE_ID), ==, 1);
  g_assert_cmpuint (count_code (d, KNS_CONTENT_ERROR_SCENE_STRUCTURE), ==, 1);
  g_clear_pointer (&d, g_ptr_array_unref);

  d = parse_body ("Chỉ có chữ.\n", NULL);
  g_assert_cmpuint (count_code (d, KNS_CONTENT_ERROR_SCENE_STRUCTURE), ==, 2);
  g_clear_pointer (&d, g_ptr_array_unref);

  /* An ordinary list in a scene is text, not choices. */
  d = parse_body ("## a\n\n- một ý\n- [một trang](https://vn-cop.vn)\n\nEm làm gì?\n\n- [Tiếp](#b)\n\n"
                  "## b\n\n> **Kết thúc không an toàn:** Chưa tốt.\n\n## c\n\n"
                  "> **Kết thúc an toàn:** Tốt.\n", NULL);
  g_assert_cmpuint (d->len, ==, 1);
  g_assert_cmpint (((KnsDiagnostic *) g_ptr_array_index (d, 0))->code, ==, KNS_CONTENT_ERROR_SCENE_UNREACHABLE);
}

static void
test_check_output (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "scenario", "no-exit", NULL);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *expected = NULL;

  /* kynangso --check-content: FILE:LINE: error: MESSAGE, exit status 1. */
  g_assert_cmpint (kns_content_check (dir, out), ==, 1);
  expected = g_strdup_printf ("%s/tier-1/01-tinh-huong.scenario.md:38: error: From the scene "
                              "“hoi-lai” no path of choices ever reaches an ending",
                              dir);
  g_assert_true (g_str_has_prefix (out->str, expected));
  g_assert_true (g_str_has_suffix (out->str, "0 lessons loaded in 1 tier: 1 error, 0 warnings.\n"));
}

static void
test_bundled_scenarios (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "..", "content", "vi", NULL);
  g_autoptr(KnsCourse) course = kns_course_load (dir, NULL, NULL);
  GPtrArray *tiers = kns_course_get_tiers (course);
  KnsSkillGroups groups = 0;

  g_assert_cmpuint (kns_course_get_n_errors (course), ==, 0);

  /* At least two a tier, and the three skill groups between them. */
  for (guint i = 0; i < tiers->len; i++)
    {
      KnsTier *tier = g_ptr_array_index (tiers, i);
      guint n = 0;

      for (guint j = 0; j < kns_tier_get_n_lessons (tier); j++)
        {
          KnsLesson *lesson = kns_tier_get_lesson (tier, j);

          if (kns_lesson_get_scenario (lesson) == NULL)
            continue;
          n++;
          groups |= kns_lesson_get_skill_groups (lesson);
        }
      g_test_message ("tier %u: %u scenarios", kns_tier_get_id (tier), n);
      g_assert_cmpuint (n, >=, 2);
    }
  g_assert_cmpint (groups, ==, KNS_SKILL_SAFE_USE | KNS_SKILL_SELF_PROTECT | KNS_SKILL_RECOGNISE);
}

static void
test_finalized (void)
{
  KnsCourse *course = load_course ("good");
  KnsLesson *lesson = g_object_ref (kns_course_lookup_lesson (course, "t1-tin-nhan-la"));
  KnsScenario *scenario = kns_scenario_ref (kns_lesson_get_scenario (lesson));

  g_assert_finalize_object (course);
  g_assert_finalize_object (lesson);
  /* The scenes outlive the lesson for whoever holds a reference. */
  g_assert_cmpstr (kns_scenario_get_start (scenario)->id, ==, "tin-nhan");
  kns_scenario_unref (scenario);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (broken_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/kns/scenario/broken/%s", broken_cases[i].dir);

      g_test_add_data_func (path, &broken_cases[i], test_broken);
    }

  g_test_add_func ("/kns/scenario/one-bad-scenario", test_one_bad_scenario);
  g_test_add_func ("/kns/scenario/good/scenes", test_good_scenes);
  g_test_add_func ("/kns/scenario/good/loop", test_good_loop);
  g_test_add_func ("/kns/scenario/good/warnings", test_good_warnings);
  g_test_add_func ("/kns/scenario/graph", test_graph_cases);
  g_test_add_func ("/kns/scenario/check-output", test_check_output);
  g_test_add_func ("/kns/scenario/bundled", test_bundled_scenarios);
  g_test_add_func ("/kns/scenario/finalized", test_finalized);

  return g_test_run ();
}
