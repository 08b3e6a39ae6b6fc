/* test-quiz.c — a quiz and its results through the real widgets
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
 * With the course in tests/data/quiz, a pupil of lớp 2 and one of lớp 11
 * take a quiz: options shuffled per attempt and the same on resume and
 * in review, answers recorded by the file's indices, radio and check
 * marks, right / not right / missed in marks and words, the focus on the
 * button that goes on; then honest results, stars for the youngest and
 * figures for the others, "Try again" first when not passed.
 * Screenshots at 1024×768 and 1920×1080 go to the test log folder.
 */

#include "kns-config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "kns-quiz-option.h"
#include "kns-quiz-view.h"
#include "kns-read-aloud-button.h"
#include "kns-results-view.h"
#include "kns-speech-text.h"
#include "kns-teacher.h"
#include "kns-test-util.h"
#include "kns-window.h"

#define PASS_MARK 70

typedef struct
{
  char      *data_dir;
  KnsStore  *store;
  KnsCourse *course;
  KnsWindow *window;
  gint64     young;   /* lớp 2: tier 1 */
  gint64     older;   /* lớp 11: tier 4 */
  const int *size;
} Fixture;

static const char *
screen (Fixture *f)
{
  return kns_screen_to_string (kns_window_get_screen (f->window));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsLearner) young = NULL;
  g_autoptr(KnsLearner) older = NULL;
  g_autofree char *content = g_test_build_filename (G_TEST_DIST, "data", "quiz", NULL);

  f->size = data;
  f->data_dir = g_dir_make_tmp ("kns-quiz-XXXXXX", &error);
  g_assert_no_error (error);
  f->store = kns_store_open (f->data_dir, &error);
  g_assert_no_error (error);
  g_assert_true (kns_teacher_set_setup (f->store, KNS_SETUP_LAB, NULL));
  young = kns_store_add_learner (f->store, "Mèo Con 7", "2A", 2, "cat", KNS_SEX_UNSTATED, &error);
  g_assert_no_error (error);
  older = kns_store_add_learner (f->store, "Cú Mèo 2", "11A", 11, "owl", KNS_SEX_UNSTATED, &error);
  g_assert_no_error (error);
  f->young = young->id;
  f->older = older->id;
  f->course = kns_course_load (content, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kns_course_get_n_errors (f->course), ==, 0);

  f->window = kns_test_window_new (f->store, f->course, NULL, f->size[0], f->size[1]);
  WAIT_FOR (g_strcmp0 (screen (f), "sign-in") == 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->course);
  g_clear_object (&f->store);
  kns_test_remove_tree (f->data_dir);
  g_free (f->data_dir);
}

static KnsQuizView *
quiz_view (Fixture *f)
{
  return KNS_QUIZ_VIEW (kns_window_get_page (f->window, "quiz"));
}

static KnsResultsView *
results_view (Fixture *f)
{
  return KNS_RESULTS_VIEW (kns_window_get_page (f->window, "results"));
}

static void
shoot (Fixture    *f,
       const char *name)
{
  kns_test_screenshot (GTK_WIDGET (f->window), name);
}

static void
sign_in (Fixture *f,
         gint64   learner)
{
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.sign-in", "x", learner);
  WAIT_FOR (g_strcmp0 (screen (f), "home") == 0);
}

static void
open_quiz (Fixture    *f,
           const char *lesson_id)
{
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-lesson", "s", lesson_id);
  /* A quiz left half-done opens at once. */
  WAIT_FOR (g_strcmp0 (screen (f), "lesson") == 0 || g_strcmp0 (screen (f), "quiz") == 0);
  if (g_strcmp0 (screen (f), "lesson") == 0)
    kns_test_click (kns_test_find_button (GTK_WIDGET (f->window), _("Take the quiz")));
  WAIT_FOR (g_strcmp0 (screen (f), "quiz") == 0);
}

/* The file's index of each option, top to bottom, as on screen. */
static void
shown_order (Fixture *f,
             guint   *order,
             guint    n)
{
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *option = kns_quiz_view_get_option_at (quiz_view (f), i);

      g_assert_true (KNS_IS_QUIZ_OPTION (option));
      order[i] = kns_quiz_option_get_index (KNS_QUIZ_OPTION (option));
    }
  g_assert_null (kns_quiz_view_get_option_at (quiz_view (f), n));
}

/* Ticks the options of @mask (by the file's indices), and answers. */
static void
answer (Fixture *f,
        guint32  mask)
{
  GtkWidget *action = kns_quiz_view_get_action_button (quiz_view (f));

  g_assert_false (gtk_widget_get_sensitive (action));
  for (guint i = 0; i < KNS_QUIZ_MAX_OPTIONS; i++)
    if (mask & (1u << i))
      kns_test_click (kns_quiz_view_get_option (quiz_view (f), i));
  g_assert_true (gtk_widget_get_sensitive (action));
  kns_test_click (kns_test_find_button (GTK_WIDGET (quiz_view (f)), _("Answer")));
}

/* After an answer the focus is on the button that goes on, and Enter
 * there (which activates the focused button) goes on. */
static void
go_on_by_keyboard (Fixture *f)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));
  guint index = kns_quiz_view_get_question_index (quiz_view (f));

  g_assert_true (focus == kns_quiz_view_get_action_button (quiz_view (f)));
  g_assert_true (gtk_widget_activate (focus));
  WAIT_FOR (kns_quiz_view_get_question_index (quiz_view (f)) != index ||
            g_strcmp0 (screen (f), "results") == 0);
}

static const KnsAnswer *
last_answer (Fixture    *f,
             gint64      learner,
             const char *lesson_id)
{
  static KnsAttempt *attempt = NULL;

  g_clear_pointer (&attempt, kns_attempt_free);
  attempt = kns_store_get_open_attempt (f->store, learner, lesson_id,
                                        kns_lesson_get_version (kns_course_lookup_lesson (f->course, lesson_id)),
                                        NULL);
  g_assert_nonnull (attempt);
  g_assert_cmpuint (attempt->answers->len, >, 0);
  return g_ptr_array_index (attempt->answers, attempt->answers->len - 1);
}

static void
assert_verdict (Fixture              *f,
                guint                 index,
                KnsQuizOptionVerdict  verdict,
                const char           *words)
{
  KnsQuizOption *option = KNS_QUIZ_OPTION (kns_quiz_view_get_option (quiz_view (f), index));

  g_assert_cmpint (kns_quiz_option_get_verdict (option), ==, verdict);
  g_assert_cmpstr (kns_quiz_option_get_verdict_text (option), ==, words);
  /* Answered: the options are locked, and the focus has left them. */
  g_assert_false (gtk_widget_get_focusable (GTK_WIDGET (option)));
}

/* A descendant of @root, drawn, of CSS class @css_class and type @type. */
static GtkWidget *
find_widget (GtkWidget  *root,
             const char *css_class,
             GType       type)
{
  if (gtk_widget_is_drawable (root) && g_type_is_a (G_OBJECT_TYPE (root), type) &&
      (css_class == NULL || gtk_widget_has_css_class (root, css_class)))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, css_class, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static guint
count_widgets (GtkWidget  *root,
               const char *css_class)
{
  guint n = gtk_widget_is_drawable (root) && gtk_widget_has_css_class (root, css_class);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    n += count_widgets (child, css_class);
  return n;
}

static gboolean
has_label (GtkWidget  *root,
           const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_is_drawable (root) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;
  return FALSE;
}

static const char *
label_text (GtkWidget  *root,
            const char *css_class)
{
  GtkWidget *label = find_widget (root, css_class, GTK_TYPE_LABEL);

  g_assert_nonnull (label);
  return gtk_label_get_text (GTK_LABEL (label));
}

/* "B. …" as the review shows a choice, with the attempt's letters. */
static char *
choice_text (KnsQuestion *question,
             const guint *order,
             guint32      mask)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < question->options->len; i++)
    if (mask & (1u << order[i]))
      g_string_append_printf (text, "%s%c. %s", text->len ? "\n" : "", 'A' + i,
                              ((KnsOption *) g_ptr_array_index (question->options, order[i]))->text);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The results screen's main action: first, in the accent colour, and
 * with the focus; the other plain. */
static void
assert_main_action (Fixture    *f,
                    const char *main_label,
                    const char *other_label)
{
  GtkWidget *main_button = kns_test_find_button (GTK_WIDGET (results_view (f)), main_label);
  GtkWidget *other = kns_test_find_button (GTK_WIDGET (results_view (f)), other_label);

  g_assert_nonnull (main_button);
  g_assert_nonnull (other);
  g_assert_true (gtk_widget_has_css_class (main_button, "suggested-action"));
  g_assert_false (gtk_widget_has_css_class (other, "suggested-action"));
  g_assert_true (gtk_widget_get_prev_sibling (main_button) == NULL);
  g_assert_true (gtk_widget_get_next_sibling (main_button) == other);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == main_button);
}

/* "Try again" reads as "again", not as "loading", and is in the theme. */
static void
assert_retry_icon (Fixture *f)
{
  GtkWidget *retry = kns_test_find_button (GTK_WIDGET (results_view (f)), _("Try again"));
  GtkWidget *content = gtk_button_get_child (GTK_BUTTON (retry));
  const char *icon = adw_button_content_get_icon_name (ADW_BUTTON_CONTENT (content));
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (retry));

  g_assert_cmpstr (icon, ==, "edit-undo-symbolic");
  g_assert_true (gtk_icon_theme_has_icon (theme, icon));
}

static KnsReadAloudButton *
results_read_aloud (Fixture *f)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (results_view (f)));
       child != NULL;
       child = gtk_widget_get_first_child (child))
    {
      for (GtkWidget *sibling = child; sibling != NULL; sibling = gtk_widget_get_next_sibling (sibling))
        if (KNS_IS_READ_ALOUD_BUTTON (sibling))
          return KNS_READ_ALOUD_BUTTON (sibling);
    }
  return NULL;
}

/* Lớp 2 takes the quiz twice: every screen, both attempts, the review. */
static void
test_young_pupil (Fixture       *f,
                  gconstpointer  data)
{
  const char *lesson_id = "t1-xao-tron";
  KnsQuiz *quiz = kns_lesson_get_quiz (kns_course_lookup_lesson (f->course, lesson_id));
  guint first[5][KNS_QUIZ_MAX_OPTIONS], second[2][KNS_QUIZ_MAX_OPTIONS];
  guint expected[KNS_QUIZ_MAX_OPTIONS];
  gint64 attempt_id, retry_id;
  const KnsAnswer *given;
  KnsReadAloudButton *read_aloud;
  const char *spoken;
  g_autoptr(KnsAttempt) finished = NULL;

  sign_in (f, f->young);
  open_quiz (f, lesson_id);
  attempt_id = kns_quiz_view_get_attempt_id (quiz_view (f));

  /* 1. One answer: radio buttons, in this attempt's order. */
  shown_order (f, first[0], 4);
  kns_question_get_order (kns_quiz_get_question (quiz, 0), attempt_id, expected);
  g_assert_cmpmem (first[0], sizeof (guint) * 4, expected, sizeof (guint) * 4);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (kns_quiz_view_get_option_at (quiz_view (f), i))),
                     ==, GTK_ACCESSIBLE_ROLE_RADIO);
  shoot (f, "quiz-single-asking");
  kns_test_click (kns_quiz_view_get_option (quiz_view (f), 1));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (kns_quiz_view_get_option (quiz_view (f), 1))));
  shoot (f, "quiz-single-chosen");
  kns_test_click (kns_quiz_view_get_action_button (quiz_view (f)));
  given = last_answer (f, f->young, lesson_id);
  g_assert_cmpstr (given->question_id, ==, "q1");
  g_assert_cmpuint (given->chosen, ==, 1u << 1);
  g_assert_true (given->correct);
  assert_verdict (f, 1, KNS_QUIZ_OPTION_RIGHT_CHOSEN, _("Right"));
  assert_verdict (f, 0, KNS_QUIZ_OPTION_WRONG_LEFT, NULL);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (kns_quiz_view_get_action_button (quiz_view (f)))), ==,
                   _("Next question"));
  shoot (f, "quiz-single-right");
  go_on_by_keyboard (f);

  /* 2. Several answers: check boxes. Partly right: one right ticked,
   * one wrong ticked, one right missed, each said in its own words. */
  shown_order (f, first[1], 4);
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (kns_quiz_view_get_option_at (quiz_view (f), 0))),
                   ==, GTK_ACCESSIBLE_ROLE_CHECKBOX);
  shoot (f, "quiz-multiple-asking");
  kns_test_click (kns_quiz_view_get_option (quiz_view (f), 0));
  kns_test_click (kns_quiz_view_get_option (quiz_view (f), 1));
  shoot (f, "quiz-multiple-chosen");
  kns_test_click (kns_quiz_view_get_action_button (quiz_view (f)));
  given = last_answer (f, f->young, lesson_id);
  g_assert_cmpuint (given->chosen, ==, (1u << 0) | (1u << 1));
  g_assert_false (given->correct);
  assert_verdict (f, 0, KNS_QUIZ_OPTION_RIGHT_CHOSEN, _("Right"));
  assert_verdict (f, 1, KNS_QUIZ_OPTION_WRONG_CHOSEN, _("Not right"));
  assert_verdict (f, 2, KNS_QUIZ_OPTION_RIGHT_MISSED, _("Also right: you did not choose this one"));
  assert_verdict (f, 3, KNS_QUIZ_OPTION_WRONG_LEFT, NULL);
  shoot (f, "quiz-multiple-partly-right");
  go_on_by_keyboard (f);

  /* 3. "Không ý nào ở trên" stays last. The pupil leaves, comes back:
   * the same attempt, at the same question, in the same order. */
  shown_order (f, first[2], 4);
  g_assert_cmpuint (first[2][3], ==, 3);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.go-home", NULL);
  WAIT_FOR (g_strcmp0 (screen (f), "home") == 0);
  open_quiz (f, lesson_id);
  g_assert_cmpint (kns_quiz_view_get_attempt_id (quiz_view (f)), ==, attempt_id);
  g_assert_cmpuint (kns_quiz_view_get_question_index (quiz_view (f)), ==, 2);
  shown_order (f, expected, 4);
  g_assert_cmpmem (first[2], sizeof (guint) * 4, expected, sizeof (guint) * 4);
  answer (f, 1u << 0);
  go_on_by_keyboard (f);

  /* 4. "Tất cả các ý trên" stays last; 5. "Cả A và C" keeps the file's order. */
  shown_order (f, first[3], 4);
  g_assert_cmpuint (first[3][3], ==, 3);
  answer (f, 1u << 0);
  go_on_by_keyboard (f);
  shown_order (f, first[4], 4);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpuint (first[4][i], ==, i);
  answer (f, 1u << 1);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (kns_quiz_view_get_action_button (quiz_view (f)))), ==,
                   _("See my results"));
  go_on_by_keyboard (f);

  /* Results: 2 of 5, not passed. Stars and a sentence, no percentage;
   * "Try again" first. */
  WAIT_FOR (g_strcmp0 (screen (f), "results") == 0);
  finished = kns_store_get_attempt (f->store, attempt_id, NULL);
  g_assert_cmpuint (finished->n_correct, ==, 2);
  g_assert_false (finished->passed);
  g_assert_true (kns_results_view_get_stars (results_view (f)));
  g_assert_false (kns_results_view_get_passed (results_view (f)));
  g_assert_cmpuint (count_widgets (GTK_WIDGET (results_view (f)), "star-won"), ==, 2);
  g_assert_cmpuint (count_widgets (GTK_WIDGET (results_view (f)), "star-empty"), ==, 3);
  g_assert_null (strchr (label_text (GTK_WIDGET (results_view (f)), "title-1"), '%'));
  g_assert_null (strchr (label_text (GTK_WIDGET (results_view (f)), "result-verdict"), '%'));
  assert_main_action (f, _("Try again"), _("Back to my lessons"));
  assert_retry_icon (f);
  g_assert_cmpint (kns_store_get_lesson_outcome (f->store, f->young, lesson_id, PASS_MARK, NULL), ==,
                   KNS_OUTCOME_NOT_PASSED);
  shoot (f, "results-tier1-fail");

  /* The review uses the letters this attempt showed. */
  for (guint q = 0; q < 5; q++)
    {
      KnsQuestion *question = kns_quiz_get_question (quiz, q);
      const KnsAnswer *a = g_ptr_array_index (finished->answers, q);
      g_autofree char *chosen = choice_text (question, first[q], a->chosen);
      g_autofree char *shown = g_strdup_printf (_("You chose:\n%s"), chosen);

      g_assert_true (has_label (GTK_WIDGET (results_view (f)), shown));
    }

  /* It can all be read aloud, with the quiz's voice. */
  read_aloud = results_read_aloud (f);
  g_assert_nonnull (read_aloud);
  g_assert_true (kns_read_aloud_button_get_speech (read_aloud) == kns_quiz_view_get_speech (quiz_view (f)));
  spoken = kns_read_aloud_button_get_text (read_aloud);
  g_assert_true (g_str_has_prefix (spoken, label_text (GTK_WIDGET (results_view (f)), "title-1")));
  for (guint q = 0; q < 5; q++)
    {
      KnsQuestion *question = kns_quiz_get_question (quiz, q);
      const KnsAnswer *a = g_ptr_array_index (finished->answers, q);
      g_autofree char *review = kns_speech_text_for_review (question, q + 1, first[q], a->chosen, TRUE);

      g_assert_nonnull (strstr (spoken, review));
    }

  /* Try again: a new attempt, in another order. */
  kns_test_click (kns_test_find_button (GTK_WIDGET (results_view (f)), _("Try again")));
  WAIT_FOR (g_strcmp0 (screen (f), "quiz") == 0);
  retry_id = kns_quiz_view_get_attempt_id (quiz_view (f));
  g_assert_cmpint (retry_id, !=, attempt_id);
  shown_order (f, second[0], 4);
  answer (f, 1u << 1);
  go_on_by_keyboard (f);
  shown_order (f, second[1], 4);
  g_test_message ("q1 order %u%u%u%u then %u%u%u%u", first[0][0], first[0][1], first[0][2], first[0][3],
                  second[0][0], second[0][1], second[0][2], second[0][3]);
  g_assert_true (memcmp (first[0], second[0], sizeof (guint) * 4) != 0 ||
                 memcmp (first[1], second[1], sizeof (guint) * 4) != 0);
  answer (f, (1u << 0) | (1u << 2));
  go_on_by_keyboard (f);
  answer (f, 1u << 3);
  go_on_by_keyboard (f);
  answer (f, 1u << 3);
  go_on_by_keyboard (f);
  answer (f, 1u << 1);
  go_on_by_keyboard (f);

  /* All right: five stars, back to the lessons first. */
  WAIT_FOR (g_strcmp0 (screen (f), "results") == 0);
  g_assert_true (kns_results_view_get_passed (results_view (f)));
  g_assert_cmpuint (count_widgets (GTK_WIDGET (results_view (f)), "star-won"), ==, 5);
  g_assert_cmpuint (count_widgets (GTK_WIDGET (results_view (f)), "star-empty"), ==, 0);
  assert_main_action (f, _("Back to my lessons"), _("Try again"));
  g_assert_cmpint (kns_store_get_lesson_outcome (f->store, f->young, lesson_id, PASS_MARK, NULL), ==,
                   KNS_OUTCOME_PASSED);
  shoot (f, "results-tier1-pass");
}

/* Lớp 11 keeps the figures: a percentage and the pass mark. */
static void
test_older_pupil (Fixture       *f,
                  gconstpointer  data)
{
  const char *lesson_id = "t4-xao-tron";
  g_autofree char *percent = NULL;

  sign_in (f, f->older);
  open_quiz (f, lesson_id);
  /* Right, not right, not right, not right, right: 2 of 5. */
  answer (f, 1u << 1);
  go_on_by_keyboard (f);
  answer (f, 1u << 1);
  go_on_by_keyboard (f);
  answer (f, 1u << 0);
  go_on_by_keyboard (f);
  answer (f, 1u << 0);
  go_on_by_keyboard (f);
  answer (f, 1u << 1);
  go_on_by_keyboard (f);
  WAIT_FOR (g_strcmp0 (screen (f), "results") == 0);

  g_assert_false (kns_results_view_get_stars (results_view (f)));
  g_assert_false (kns_results_view_get_passed (results_view (f)));
  g_assert_nonnull (strstr (label_text (GTK_WIDGET (results_view (f)), "title-1"), "(40%)"));
  percent = g_strdup_printf ("%u%%", PASS_MARK);
  g_assert_nonnull (strstr (label_text (GTK_WIDGET (results_view (f)), "result-verdict"), percent));
  assert_main_action (f, _("Try again"), _("Back to my lessons"));
  assert_retry_icon (f);
  shoot (f, "results-tier4-fail");

  kns_test_click (kns_test_find_button (GTK_WIDGET (results_view (f)), _("Try again")));
  WAIT_FOR (g_strcmp0 (screen (f), "quiz") == 0);
  answer (f, 1u << 1);
  go_on_by_keyboard (f);
  answer (f, (1u << 0) | (1u << 2));
  go_on_by_keyboard (f);
  answer (f, 1u << 3);
  go_on_by_keyboard (f);
  answer (f, 1u << 3);
  go_on_by_keyboard (f);
  answer (f, 1u << 0);
  go_on_by_keyboard (f);
  WAIT_FOR (g_strcmp0 (screen (f), "results") == 0);
  /* 4 of 5: 80 %, passed. */
  g_assert_true (kns_results_view_get_passed (results_view (f)));
  g_assert_nonnull (strstr (label_text (GTK_WIDGET (results_view (f)), "title-1"), "(80%)"));
  assert_main_action (f, _("Back to my lessons"), _("Try again"));
  shoot (f, "results-tier4-pass");
}

static const int small[] = { 1024, 768 };
static const int large[] = { 1920, 1080 };

int
main (int   argc,
      char *argv[])
{
  kns_test_use_vietnamese ();

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/kns/quiz/young-pupil/1024x768", Fixture, small,
              fixture_set_up, test_young_pupil, fixture_tear_down);
  g_test_add ("/kns/quiz/young-pupil/1920x1080", Fixture, large,
              fixture_set_up, test_young_pupil, fixture_tear_down);
  g_test_add ("/kns/quiz/older-pupil/1024x768", Fixture, small,
              fixture_set_up, test_older_pupil, fixture_tear_down);
  g_test_add ("/kns/quiz/older-pupil/1920x1080", Fixture, large,
              fixture_set_up, test_older_pupil, fixture_tear_down);

  return g_test_run ();
}
