/* fuzz-content.c — libFuzzer target for the lesson and quiz parsers
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
 * Each input is parsed as a lesson (front matter + body), as a scenario
 * and as a quiz, with a content folder that does not exist, so that
 * picture paths are resolved and checked without touching real files.
 */

#include "kns-config.h"

#include <stdint.h>
#include <string.h>

#include "fuzz-targets.h"
#include "kns-content-private.h"
#include "kns-lesson.h"

int
kns_fuzz_parse (const uint8_t *data,
                size_t         size)
{
  g_autoptr(GPtrArray) diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) kns_diagnostic_unref);
  g_autofree char *text = g_malloc (size + 1);
  g_autoptr(KnsLesson) lesson = NULL;
  KnsMediaScope scope = { "/nonexistent/kns-fuzz/tier-1", "/nonexistent/kns-fuzz" };
  KnsParseContext ctx;
  KnsQuiz *quiz;
  gboolean accepted;

  memcpy (text, data, size);
  text[size] = '\0';

  lesson = kns_lesson_parse ("fuzz.md", text, size, scope.base_dir, scope.root_dir, diagnostics);
  if (lesson != NULL)
    {
      g_autofree char *plain = kns_blocks_to_text (kns_lesson_get_blocks (lesson));
      (void) plain;
    }

  /* The same text as a scenario: scenes, choices, the graph checks. */
  g_clear_object (&lesson);
  lesson = kns_lesson_parse_scenario ("fuzz.scenario.md", text, size, scope.base_dir, scope.root_dir,
                                      diagnostics);
  if (lesson != NULL)
    {
      KnsScenario *scenario = kns_lesson_get_scenario (lesson);

      g_assert (scenario != NULL);
      g_assert (kns_scenario_get_start (scenario) != NULL);
      for (guint i = 0; i < kns_scenario_get_n_scenes (scenario); i++)
        {
          KnsScene *scene = kns_scenario_get_scene (scenario, i);

          g_assert (kns_scene_is_ending (scene) != (scene->choices->len > 0));
          for (guint j = 0; j < scene->choices->len; j++)
            g_assert (kns_scene_follow (scene, j) != NULL);
        }
    }

  /* The quiz parser expects checked text, as the loader gives it. */
  kns_parse_context_init (&ctx, "fuzz.quiz.md", diagnostics);
  if (!g_utf8_validate_len (text, size, NULL))
    return 0;
  quiz = kns_quiz_parse (&ctx, &scope, text, size);
  accepted = lesson != NULL || quiz != NULL;
  if (quiz != NULL)
    {
      for (guint i = 0; i < kns_quiz_get_n_questions (quiz); i++)
        {
          KnsQuestion *q = kns_quiz_get_question (quiz, i);
          g_autofree char *markup = kns_spans_to_markup (q->prompt);

          g_assert (markup != NULL);
          g_assert (q->correct_mask != 0);
          g_assert (q->options->len >= 2);
        }
      kns_quiz_unref (quiz);
    }
  return accepted;
}
