/* test-speech-text.c — what "read aloud" says for a lesson and a question
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

#include "kns-content-private.h"
#include "kns-course.h"
#include "kns-speech-text.h"

static KnsCourse *
load_good_course (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "good", NULL);
  KnsCourse *course = kns_course_load (dir, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (kns_course_get_n_errors (course), ==, 0);
  return course;
}

/* What a voice would spell out rather than read. */
static void
assert_no_markup (const char *text)
{
  static const char *const symbols[] = { "*", "#", "`", "[", "]", "](", "<b>", "</b>", "> ", "- [", NULL };

  for (guint i = 0; symbols[i] != NULL; i++)
    if (strstr (text, symbols[i]) != NULL)
      g_error ("“%s” in the text read aloud:\n%s", symbols[i], text);
}

/* tests/data/good/tier-1/01-day-du.md uses every kind of block. */
static void
test_lesson (void)
{
  g_autoptr(KnsCourse) course = load_good_course ();
  KnsLesson *lesson = kns_course_lookup_lesson (course, "t1-day-du");
  g_autofree char *text = kns_speech_text_for_lesson (lesson);

  g_assert_cmpstr (text, ==,
                   "Bài đầy đủ & <đặc biệt>.\n"
                   "Tiêu đề một.\n"
                   "Đoạn có chữ đậm, chữ nghiêng, mã, và một liên kết cùng đậm nghiêng.\n"
                   "Tiêu đề hai.\n"
                   "Mục một.\n"
                   "Mục hai.\n"
                   "Mục con một.\n"
                   "Mục con hai.\n"
                   "Ba.\n"
                   "Bốn.\n"
                   "Một bạn nhỏ kể với mẹ.\n"
                   "Ghi nhớ: Điều cần nhớ.\n"
                   "Cảnh báo: Điều cần cẩn thận. Dòng thứ hai.\n"
                   "Gọi 111: Miễn phí.\n"
                   "Em có biết? Một điều thú vị.\n"
                   "Mẹo: Một mẹo nhỏ.\n"
                   "Một câu trích dẫn thường.\n"
                   "Ghi nho: Sai chính tả nên là trích dẫn.\n"
                   "mã nguồn.\n"
                   "HTML thô.\n"
                   "Khi cần giúp đỡ: Kể với người lớn, gọi 111.\n");
  assert_no_markup (text);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  {
    g_autofree char *nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);

    g_assert_cmpstr (text, ==, nfc);
  }
}

static void
test_question (void)
{
  g_autoptr(KnsCourse) course = load_good_course ();
  KnsQuiz *quiz = kns_lesson_get_quiz (kns_course_lookup_lesson (course, "t1-day-du"));
  g_autofree char *first = kns_speech_text_for_question (kns_quiz_get_question (quiz, 0), 1, FALSE);
  g_autofree char *answered = kns_speech_text_for_question (kns_quiz_get_question (quiz, 0), 1, TRUE);
  g_autofree char *second = kns_speech_text_for_question (kns_quiz_get_question (quiz, 1), 2, TRUE);

  g_assert_cmpstr (first, ==,
                   "Câu 1. Câu một: chọn một ý?\n"
                   "Tình huống: một người lạ nhắn tin cho em.\n"
                   "Lựa chọn A: Sai một.\n"
                   "Lựa chọn B: Đúng.\n"
                   "Lựa chọn C: Sai hai.\n");
  /* Once answered, the explanation on screen is read too. */
  g_assert_cmpstr (answered, ==,
                   "Câu 1. Câu một: chọn một ý?\n"
                   "Tình huống: một người lạ nhắn tin cho em.\n"
                   "Lựa chọn A: Sai một.\n"
                   "Lựa chọn B: Đúng.\n"
                   "Lựa chọn C: Sai hai.\n"
                   "Giải thích câu một.\n");
  g_assert_cmpstr (second, ==,
                   "Câu 2. Câu hai: chọn nhiều ý?\n"
                   "Lựa chọn A: Đúng một.\n"
                   "Lựa chọn B: Sai.\n"
                   "Lựa chọn C: Đúng hai.\n"
                   "Giải thích câu hai.\n"
                   "Đoạn thứ hai.\n");
  assert_no_markup (first);
  assert_no_markup (second);
}

/* A scene is read with its choices by number, an ending with its kind
 * and debrief: what the scenario screen shows. */
static void
test_scene (void)
{
  static const char text[] =
    "---\n"
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
    "---\n"
    "## Tin nhắn lạ {#a}\n\n"
    "Một người lạ **xin ảnh** của em\n\n"
    "- [Gửi ảnh](#b)\n"
    "- [Kể với mẹ](#c)\n\n"
    "## b\n\n"
    "Người lạ đòi thêm ảnh.\n\n"
    "> **Kết thúc chưa an toàn:** Đừng gửi ảnh cho người lạ.\n\n"
    "## c\n\n"
    "> **Kết thúc an toàn:** Mẹ giúp em chặn người đó.\n";
  g_autoptr(GPtrArray) diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) kns_diagnostic_unref);
  g_autoptr(KnsLesson) lesson = kns_lesson_parse_scenario ("thu.scenario.md", text, strlen (text), NULL,
                                                          NULL, diagnostics);
  KnsScenario *scenario;
  g_autofree char *start = NULL;
  g_autofree char *unsafe = NULL;
  g_autofree char *safe = NULL;

  g_assert_nonnull (lesson);
  g_assert_cmpuint (diagnostics->len, ==, 0);
  scenario = kns_lesson_get_scenario (lesson);
  start = kns_speech_text_for_scene (kns_scenario_get_start (scenario));
  unsafe = kns_speech_text_for_scene (kns_scenario_find_scene (scenario, "b"));
  safe = kns_speech_text_for_scene (kns_scenario_find_scene (scenario, "c"));

  g_assert_cmpstr (start, ==,
                   "Tin nhắn lạ.\n"
                   "Một người lạ xin ảnh của em.\n"
                   "Em sẽ làm gì?\n"
                   "Lựa chọn 1: Gửi ảnh.\n"
                   "Lựa chọn 2: Kể với mẹ.\n");
  g_assert_cmpstr (unsafe, ==,
                   "Người lạ đòi thêm ảnh.\n"
                   "Kết thúc chưa an toàn.\n"
                   "Đừng gửi ảnh cho người lạ.\n");
  g_assert_cmpstr (safe, ==,
                   "Kết thúc an toàn.\n"
                   "Mẹ giúp em chặn người đó.\n");
  assert_no_markup (start);
}

typedef struct
{
  const char *markdown;
  const char *spoken;
} SentenceCase;

static const SentenceCase sentence_cases[] = {
  /* A full stop where there is none, so the voice pauses. */
  { "# Không có dấu chấm", "Không có dấu chấm.\n" },
  { "Có dấu hỏi?", "Có dấu hỏi?\n" },
  { "Có dấu chấm than!", "Có dấu chấm than!\n" },
  { "Lời nói “Xin chào.”", "Lời nói “Xin chào.”\n" },
  { "Ba chấm…", "Ba chấm…\n" },
  /* Lines of a paragraph run on; tags go, comparisons stay. */
  { "Dòng một\ndòng hai", "Dòng một dòng hai.\n" },
  { "Chữ <b>đậm</b> thô", "Chữ đậm thô.\n" },
  { "1 < 2 và 3 > 2", "1 < 2 và 3 > 2.\n" },
  { "- Một\n- Hai?\n", "Một.\nHai?\n" },
  { "> **Gọi 111**", "Gọi 111.\n" },
  { "---", "" },
};

static void
test_sentences (gconstpointer data)
{
  const SentenceCase *c = data;
  g_autoptr(GPtrArray) diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) kns_diagnostic_unref);
  KnsParseContext ctx;
  g_autoptr(GPtrArray) blocks = NULL;
  g_autofree char *spoken = NULL;

  kns_parse_context_init (&ctx, "test.md", diagnostics);
  blocks = kns_markdown_parse_text (&ctx, NULL, c->markdown, strlen (c->markdown));
  spoken = kns_speech_text_for_blocks (blocks);
  g_assert_cmpstr (spoken, ==, c->spoken);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kns/speech-text/lesson", test_lesson);
  g_test_add_func ("/kns/speech-text/question", test_question);
  g_test_add_func ("/kns/speech-text/scene", test_scene);
  for (guint i = 0; i < G_N_ELEMENTS (sentence_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/kns/speech-text/sentence/%u", i);

      g_test_add_data_func (path, &sentence_cases[i], test_sentences);
    }

  return g_test_run ();
}
