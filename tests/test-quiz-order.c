/* test-quiz-order.c — options shuffled per attempt, and what stays put
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
 * The course in tests/data/quiz: a single-answer and a multiple-answer
 * question of four options, two questions whose last option points at
 * the others, one whose option names others by letter. Also, with the
 * bundled course, how lessons are numbered and competences named.
 */

#include "kns-config.h"

#include <string.h>

#include "kns-course.h"
#include "kns-speech-text.h"
#include "kns-test-common.h"

#define N_ATTEMPTS 2000

typedef struct
{
  KnsCourse *course;
  KnsQuiz   *quiz;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "quiz", NULL);

  f->course = kns_course_load (dir, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kns_course_get_n_errors (f->course), ==, 0);
  f->quiz = kns_lesson_get_quiz (kns_course_lookup_lesson (f->course, "t1-xao-tron"));
  g_assert_nonnull (f->quiz);
  g_assert_cmpuint (kns_quiz_get_n_questions (f->quiz), ==, 5);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->course);
}

static KnsQuestion *
question (Fixture *f,
          guint    index)
{
  return kns_quiz_get_question (f->quiz, index);
}

static void
assert_permutation (const guint *order,
                    guint        n)
{
  guint seen = 0;

  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpuint (order[i], <, n);
      g_assert_false (seen & (1u << order[i]));
      seen |= 1u << order[i];
    }
}

static gboolean
same_order (const guint *a,
            const guint *b,
            guint        n)
{
  return memcmp (a, b, n * sizeof (guint)) == 0;
}

/* The same attempt always sees the same order: on resume, in review. */
static void
test_deterministic (Fixture       *f,
                    gconstpointer  data)
{
  for (guint q = 0; q < kns_quiz_get_n_questions (f->quiz); q++)
    for (gint64 attempt = 1; attempt < 200; attempt++)
      {
        guint first[KNS_QUIZ_MAX_OPTIONS], again[KNS_QUIZ_MAX_OPTIONS];
        guint n = question (f, q)->options->len;

        kns_question_get_order (question (f, q), attempt, first);
        kns_question_get_order (question (f, q), attempt, again);
        assert_permutation (first, n);
        g_assert_true (same_order (first, again, n));
      }
}

/* Attempts 1 and 2 of one pupil, as the store numbers them, differ; and
 * over many attempts the key lands everywhere about as often. */
static void
test_shuffled (Fixture       *f,
               gconstpointer  data)
{
  guint counts[2][4] = { { 0 } };
  guint identity = 0;

  for (guint q = 0; q < 2; q++)
    {
      guint first[KNS_QUIZ_MAX_OPTIONS], second[KNS_QUIZ_MAX_OPTIONS];

      kns_question_get_order (question (f, q), 1, first);
      kns_question_get_order (question (f, q), 2, second);
      g_test_message ("q%u: attempt 1 %u%u%u%u, attempt 2 %u%u%u%u", q + 1, first[0], first[1],
                      first[2], first[3], second[0], second[1], second[2], second[3]);
      g_assert_false (same_order (first, second, 4));
    }

  for (gint64 attempt = 1; attempt <= N_ATTEMPTS; attempt++)
    for (guint q = 0; q < 2; q++)
      {
        guint order[KNS_QUIZ_MAX_OPTIONS];
        KnsQuestion *question = kns_quiz_get_question (f->quiz, q);

        kns_question_get_order (question, attempt, order);
        identity += order[0] == 0 && order[1] == 1 && order[2] == 2 && order[3] == 3;
        for (guint place = 0; place < 4; place++)
          if (question->correct_mask & (1u << order[place]))
            counts[q][place]++;
      }

  /* q1's one key: each place a quarter of the time, give or take 3 %. */
  for (guint place = 0; place < 4; place++)
    {
      g_test_message ("q1 key at place %u: %u of %u", place, counts[0][place], N_ATTEMPTS);
      g_assert_cmpuint (counts[0][place], >, N_ATTEMPTS * 22 / 100);
      g_assert_cmpuint (counts[0][place], <, N_ATTEMPTS * 28 / 100);
      /* q2's two keys: half the time at each place. */
      g_assert_cmpuint (counts[1][place], >, N_ATTEMPTS * 47 / 100);
      g_assert_cmpuint (counts[1][place], <, N_ATTEMPTS * 53 / 100);
    }
  /* The file's own order comes up no more than its 1 in 24. */
  g_assert_cmpuint (identity, <, 2 * N_ATTEMPTS * 2 / 24);
}

/* "Không ý nào ở trên" and "Tất cả các ý trên" stay last; the others move. */
static void
test_pinned_last (Fixture       *f,
                  gconstpointer  data)
{
  for (guint q = 2; q <= 3; q++)
    {
      guint moved = 0;

      g_assert_true (kns_option_refers_to_others (g_ptr_array_index (question (f, q)->options, 3)));
      for (gint64 attempt = 1; attempt <= 200; attempt++)
        {
          guint order[KNS_QUIZ_MAX_OPTIONS];

          kns_question_get_order (question (f, q), attempt, order);
          g_assert_cmpuint (order[3], ==, 3);
          moved += order[0] != 0;
        }
      g_assert_cmpuint (moved, >, 100);
    }
}

/* "Cả A và C": moving the options would point the letters elsewhere. */
static void
test_letters_keep_order (Fixture       *f,
                         gconstpointer  data)
{
  for (gint64 attempt = 1; attempt <= 200; attempt++)
    {
      guint order[KNS_QUIZ_MAX_OPTIONS];

      kns_question_get_order (question (f, 4), attempt, order);
      for (guint i = 0; i < 4; i++)
        g_assert_cmpuint (order[i], ==, i);
    }
}

typedef struct
{
  const char *text;
  gboolean    refers;
} ReferCase;

static const ReferCase refer_cases[] = {
  { "Tất cả các ý trên.", TRUE },
  { "Tất cả các ý trên đều đúng", TRUE },
  { "Cả hai ý trên", TRUE },
  { "CẢ HAI Ý TRÊN ĐỀU SAI", TRUE },
  { "Không ý nào ở trên", TRUE },
  { "Không có đáp án nào đúng: cả hai đáp án đều sai", TRUE },
  { "Tất cả các phương án", TRUE },
  { "All of the above", TRUE },
  /* Not about the other options. */
  { "Chú ý trên mạng: không gửi ảnh cho người lạ.", FALSE },
  { "Lưu ý trên điện thoại của bố mẹ.", FALSE },
  { "Tôn trọng các ý kiến khác nhau.", FALSE },
  { "Kể với bố mẹ.", FALSE },
};

static void
test_refers_to_others (gconstpointer data)
{
  const ReferCase *c = data;
  KnsOption option = { .text = (char *) c->text };

  g_assert_cmpint (kns_option_refers_to_others (&option), ==, c->refers);
}

/* Read aloud, the options come in the order on screen with its letters. */
static void
test_spoken_in_order (Fixture       *f,
                      gconstpointer  data)
{
  KnsQuestion *q1 = question (f, 0);
  guint order[KNS_QUIZ_MAX_OPTIONS];
  g_autofree char *spoken = NULL;
  g_autofree char *review = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *right = NULL;
  guint key = 0;

  kns_question_get_order (q1, 1, order);
  spoken = kns_speech_text_for_shown_question (q1, 1, order, FALSE);
  for (guint place = 0; place < 4; place++)
    {
      g_autofree char *line = g_strdup_printf ("Lựa chọn %c: %s", 'A' + place,
                                               ((KnsOption *) g_ptr_array_index (q1->options, order[place]))->text);

      g_assert_nonnull (strstr (spoken, line));
      if (order[place] == 1)
        key = place;
    }

  /* A wrong answer (the file's first option), reviewed. */
  review = kns_speech_text_for_review (q1, 1, order, 1u << 0, TRUE);
  for (guint place = 0; place < 4; place++)
    if (order[place] == 0)
      expected = g_strdup_printf ("Em đã chọn %c: Gửi ngay ảnh đẹp nhất.", 'A' + place);
  right = g_strdup_printf ("Đáp án đúng: %c: Không gửi, kể với bố mẹ.", 'A' + key);
  g_assert_nonnull (strstr (review, expected));
  g_assert_nonnull (strstr (review, "Chưa đúng."));
  g_assert_nonnull (strstr (review, right));
}

/* Lessons and scenarios numbered apart, as on the pupil's home page:
 * tier 2's second item is a scenario, so its third is lesson 2. */
static void
test_lesson_numbers (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "..", "content", "vi", NULL);
  g_autoptr(KnsCourse) course = kns_course_load (dir, NULL, &error);
  KnsTier *tier;
  guint lessons = 0, scenarios = 0;

  g_assert_no_error (error);
  tier = kns_course_get_tier (course, 2);
  for (guint i = 0; i < kns_tier_get_n_lessons (tier); i++)
    {
      KnsLesson *lesson = kns_tier_get_lesson (tier, i);
      guint expected = kns_lesson_get_scenario (lesson) ? ++scenarios : ++lessons;

      g_assert_cmpuint (kns_tier_get_lesson_number (tier, lesson), ==, expected);
    }
  g_assert_cmpuint (scenarios, >=, 1);
  g_assert_cmpuint (kns_lesson_get_scenario (kns_tier_get_lesson (tier, 1)) != NULL, ==, TRUE);
  g_assert_cmpuint (kns_tier_get_lesson_number (tier, kns_tier_get_lesson (tier, 1)), ==, 1);
  g_assert_cmpuint (kns_tier_get_lesson_number (tier, kns_tier_get_lesson (tier, 2)), ==, 2);
  g_assert_cmpuint (kns_tier_get_lesson_number (tier, kns_course_lookup_lesson (course, "t2-cuoc-goi-bao-tin-xau")), ==, 4);
  g_assert_cmpuint (kns_tier_get_lesson_number (kns_course_get_tier (course, 1),
                                                kns_course_lookup_lesson (course, "t2-cuoc-goi-bao-tin-xau")), ==, 0);
}

/* Every competence code in the course has a name to show the teacher. */
static void
test_competence_names (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "..", "content", "vi", NULL);
  g_autoptr(KnsCourse) course = kns_course_load (dir, NULL, &error);
  GPtrArray *tiers;

  g_assert_no_error (error);
  g_assert_cmpstr (kns_competence_get_name ("4.2"), ==, "Protecting personal data and privacy");
  g_assert_cmpstr (kns_competence_get_name ("2.5"), ==, "Rules of conduct online");
  g_assert_null (kns_competence_get_name ("4.9"));

  tiers = kns_course_get_tiers (course);
  for (guint t = 0; t < tiers->len; t++)
    for (guint i = 0; i < kns_tier_get_n_lessons (g_ptr_array_index (tiers, t)); i++)
      {
        const char * const *codes = kns_lesson_get_competences (kns_tier_get_lesson (g_ptr_array_index (tiers, t), i));

        for (guint c = 0; codes != NULL && codes[c] != NULL; c++)
          g_assert_nonnull (kns_competence_get_name (codes[c]));
      }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/kns/quiz-order/deterministic", Fixture, NULL, fixture_set_up, test_deterministic, fixture_tear_down);
  g_test_add ("/kns/quiz-order/shuffled", Fixture, NULL, fixture_set_up, test_shuffled, fixture_tear_down);
  g_test_add ("/kns/quiz-order/pinned-last", Fixture, NULL, fixture_set_up, test_pinned_last, fixture_tear_down);
  g_test_add ("/kns/quiz-order/letters-keep-order", Fixture, NULL, fixture_set_up, test_letters_keep_order, fixture_tear_down);
  g_test_add ("/kns/quiz-order/spoken-in-order", Fixture, NULL, fixture_set_up, test_spoken_in_order, fixture_tear_down);
  for (guint i = 0; i < G_N_ELEMENTS (refer_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/kns/quiz-order/refers-to-others/%u", i);

      g_test_add_data_func (path, &refer_cases[i], test_refers_to_others);
    }
  g_test_add_func ("/kns/quiz-order/lesson-numbers", test_lesson_numbers);
  g_test_add_func ("/kns/quiz-order/competence-names", test_competence_names);

  return g_test_run ();
}
