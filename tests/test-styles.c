/* test-styles.c — readable in light, dark and high contrast
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
 * Home, a lesson's call-outs, a quiz with its feedback and the teacher's
 * dashboard, in libadwaita's light, dark and high-contrast styles: each
 * is screenshotted, and the text a child or a teacher reads there is
 * measured against what is drawn behind it, from the pixels of the
 * screenshot. WCAG asks 4.5:1 for running text.
 *
 * High contrast cannot be switched on inside a running process in
 * libadwaita 1.2: it is read from ADW_DEBUG_HIGH_CONTRAST (or the
 * desktop) at start-up, so that case runs in a subprocess.
 */

#include "kns-config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "kns-quiz-view.h"
#include "kns-sign-in-page.h"
#include "kns-teacher-page.h"
#include "kns-teacher.h"
#include "kns-test-util.h"
#include "kns-window.h"

#define MIN_CONTRAST 4.5

typedef struct
{
  char      *data_dir;
  KnsStore  *store;
  KnsCourse *course;
  KnsWindow *window;
  gint64     learner_id;
} Fixture;

static const char *
screen (Fixture *f)
{
  return kns_screen_to_string (kns_window_get_screen (f->window));
}

/* Lesson 4's quiz, every answer wrong: not passed, on home and in the
 * class matrix. */
static void
fail_quiz (Fixture   *f,
           KnsLesson *lesson)
{
  KnsQuiz *quiz = kns_lesson_get_quiz (lesson);
  g_autoptr(KnsAttempt) attempt = NULL;
  g_autoptr(KnsAttempt) finished = NULL;

  g_assert_nonnull (quiz);
  attempt = kns_store_start_attempt (f->store, f->learner_id, kns_lesson_get_id (lesson),
                                     kns_lesson_get_version (lesson), 1,
                                     kns_quiz_get_n_questions (quiz), NULL);
  g_assert_nonnull (attempt);
  for (guint q = 0; q < kns_quiz_get_n_questions (quiz); q++)
    {
      KnsQuestion *question = kns_quiz_get_question (quiz, q);
      guint32 wrong = kns_question_all_options (question) & ~question->correct_mask;

      g_assert_true (kns_store_record_answer (f->store, attempt->id, question->id, wrong & -wrong,
                                              FALSE, NULL));
    }
  finished = kns_store_finish_attempt (f->store, attempt->id, 70, NULL);
  g_assert_false (finished->passed);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsLearner) learner = NULL;
  g_autofree char *content = g_test_build_filename (G_TEST_DIST, "..", "content", "vi", NULL);
  KnsTier *tier;

  f->data_dir = g_dir_make_tmp ("kns-styles-XXXXXX", &error);
  g_assert_no_error (error);
  f->store = kns_store_open (f->data_dir, &error);
  g_assert_no_error (error);
  /* At home: teacher mode opens without a PIN. */
  g_assert_true (kns_teacher_set_setup (f->store, KNS_SETUP_HOME, NULL));
  learner = kns_store_add_learner (f->store, "Mèo Con 7", "2A", 2, "cat", KNS_SEX_UNSTATED, &error);
  g_assert_no_error (error);
  f->learner_id = learner->id;
  f->course = kns_course_load (content, NULL, &error);
  g_assert_no_error (error);
  /* Lesson 2 begun, lesson 3 done, lesson 4's quiz failed: home and
   * the class matrix show each state. */
  tier = kns_course_get_tier_for_grade (f->course, 2);
  g_assert_true (kns_store_save_reading (f->store, f->learner_id, kns_lesson_get_id (kns_tier_get_lesson (tier, 1)),
                                         kns_lesson_get_version (kns_tier_get_lesson (tier, 1)), 2, NULL));
  g_assert_true (kns_store_complete_reading (f->store, f->learner_id,
                                             kns_lesson_get_id (kns_tier_get_lesson (tier, 2)),
                                             kns_lesson_get_version (kns_tier_get_lesson (tier, 2)),
                                             kns_tier_get_id (tier), NULL));

  fail_quiz (f, kns_tier_get_lesson (tier, 3));

  f->window = kns_test_window_new (f->store, f->course, NULL, 1024, 768);
  WAIT_FOR (g_strcmp0 (screen (f), "sign-in") == 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  g_clear_object (&f->course);
  g_clear_object (&f->store);
  kns_test_remove_tree (f->data_dir);
  g_free (f->data_dir);
}

/* Whether the top of @widget is drawn in its window, not scrolled out. */
static gboolean
is_in_view (GtkWidget *widget)
{
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (widget));
  graphene_rect_t bounds;

  return gtk_widget_get_mapped (widget) &&
         gtk_widget_compute_bounds (widget, window, &bounds) &&
         bounds.origin.y >= 0 && bounds.origin.y + 24 <= gtk_widget_get_height (window);
}

/* The first descendant of @root in view with CSS class @css_class, or
 * of type @type if @css_class is NULL. */
static GtkWidget *
find_widget (GtkWidget  *root,
             const char *css_class,
             GType       type,
             gboolean    in_view)
{
  if ((in_view ? is_in_view (root) : gtk_widget_get_mapped (root)) &&
      (css_class == NULL || gtk_widget_has_css_class (root, css_class)) &&
      g_type_is_a (G_OBJECT_TYPE (root), type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, css_class, type, in_view);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first label inside the first widget of class @css_class. */
static GtkWidget *
label_in (GtkWidget  *root,
          const char *css_class)
{
  GtkWidget *container = find_widget (root, css_class, GTK_TYPE_WIDGET, TRUE);
  GtkWidget *label;

  if (container == NULL)
    g_error ("nothing of class %s in view", css_class);
  label = GTK_IS_LABEL (container) ? container : find_widget (container, NULL, GTK_TYPE_LABEL, TRUE);
  g_assert_nonnull (label);
  return label;
}

static void
assert_readable (Fixture    *f,
                 GdkTexture *texture,
                 GtkWidget  *label,
                 const char *what)
{
  double contrast = kns_test_text_contrast (texture, GTK_WIDGET (f->window), label);

  g_autofree char *text = g_utf8_substring (gtk_label_get_text (GTK_LABEL (label)), 0, 24);

  /* The high-contrast run is a subprocess whose stdout is not shown. */
  if (g_test_subprocess ())
    g_printerr ("# %s: “%s…” contrast %.1f:1\n", what, text, contrast);
  else
    g_test_message ("%s: “%s…” contrast %.1f:1", what, text, contrast);
  if (contrast < MIN_CONTRAST)
    g_error ("%s is hard to read: contrast %.2f:1, below %.1f:1", what, contrast, MIN_CONTRAST);
}

/* Scrolls @widget's page so that @widget is near the top. */
static void
scroll_to (GtkWidget *widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));
  graphene_point_t point;

  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

  /* The viewport's coordinates start at what is scrolled into view. */
  g_assert_true (gtk_widget_compute_point (widget, content, &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + point.y - 24);
  kns_test_spin (100);
}

static void
shoot_and_check (Fixture    *f,
                 const char *style)
{
  GtkWidget *window = GTK_WIDGET (f->window);
  KnsLesson *lesson = kns_tier_get_lesson (kns_course_get_tier_for_grade (f->course, 2), 0);
  KnsQuizView *quiz = KNS_QUIZ_VIEW (kns_window_get_page (f->window, "quiz"));
  KnsTeacherPage *teacher = KNS_TEACHER_PAGE (kns_window_get_page (f->window, "teacher"));
  g_autoptr(GdkTexture) shot = NULL;
  g_autofree char *name = NULL;
  GtkWidget *callout;

  /* Home */
  kns_test_click (kns_sign_in_page_get_tile (KNS_SIGN_IN_PAGE (kns_window_get_page (f->window, "sign-in")),
                                            f->learner_id));
  WAIT_FOR (g_strcmp0 (screen (f), "home") == 0);
  shot = kns_test_render (window);
  kns_test_save_texture (shot, (name = g_strdup_printf ("%s-home", style)));
  assert_readable (f, shot, label_in (kns_window_get_page (f->window, "home"), "lesson-card-title"),
                   "a lesson card's title");
  assert_readable (f, shot, label_in (kns_window_get_page (f->window, "home"), "state-started"),
                   "the badge of a lesson begun");
  assert_readable (f, shot, label_in (kns_window_get_page (f->window, "home"), "state-done"),
                   "the badge of a lesson done");
  g_clear_object (&shot);
  g_clear_pointer (&name, g_free);

  /* A lesson, at its first call-out */
  gtk_widget_activate_action (window, "win.open-lesson", "s", kns_lesson_get_id (lesson));
  WAIT_FOR (g_strcmp0 (screen (f), "lesson") == 0);
  shot = kns_test_render (window);
  assert_readable (f, shot, label_in (kns_window_get_page (f->window, "lesson"), "block-paragraph"),
                   "a lesson paragraph");
  g_clear_object (&shot);
  callout = find_widget (kns_window_get_page (f->window, "lesson"), "callout", GTK_TYPE_WIDGET, FALSE);
  scroll_to (callout);
  shot = kns_test_render (window);
  kns_test_save_texture (shot, (name = g_strdup_printf ("%s-lesson-callout", style)));
  assert_readable (f, shot, label_in (callout, "callout-title"), "a call-out's title");
  assert_readable (f, shot, label_in (callout, "block-paragraph"), "a call-out's text");
  g_clear_object (&shot);
  g_clear_pointer (&name, g_free);
  /* A warning, tinted red: the one call-out that must stand out. */
  callout = find_widget (kns_window_get_page (f->window, "lesson"), "callout-warning", GTK_TYPE_WIDGET, FALSE);
  g_assert_nonnull (callout);
  scroll_to (callout);
  shot = kns_test_render (window);
  kns_test_save_texture (shot, (name = g_strdup_printf ("%s-lesson-warning", style)));
  assert_readable (f, shot, label_in (callout, "block-paragraph"), "a warning's text");
  g_clear_object (&shot);
  g_clear_pointer (&name, g_free);

  /* A quiz question answered wrongly, with its feedback */
  kns_test_click (kns_test_find_button (window, _("Take the quiz")));
  WAIT_FOR (g_strcmp0 (screen (f), "quiz") == 0);
  for (guint i = 0; kns_quiz_view_get_option (quiz, i) != NULL; i++)
    if ((kns_quiz_get_question (kns_lesson_get_quiz (lesson), kns_quiz_view_get_question_index (quiz))->correct_mask &
         (1u << i)) == 0)
      {
        kns_test_click (kns_quiz_view_get_option (quiz, i));
        break;
      }
  kns_test_click (kns_test_find_button (GTK_WIDGET (quiz), _("Answer")));
  shot = kns_test_render (window);
  kns_test_save_texture (shot, (name = g_strdup_printf ("%s-quiz-feedback", style)));
  assert_readable (f, shot, label_in (GTK_WIDGET (quiz), "option-missed"), "the right option, not chosen");
  assert_readable (f, shot, label_in (GTK_WIDGET (quiz), "option-wrong"), "the wrong option chosen");
  assert_readable (f, shot, label_in (GTK_WIDGET (quiz), "option-verdict"), "the words under an answered option");
  assert_readable (f, shot, label_in (GTK_WIDGET (quiz), "title-3"), "the verdict");
  assert_readable (f, shot, label_in (find_widget (GTK_WIDGET (quiz), "feedback", GTK_TYPE_WIDGET, FALSE),
                                      "block-paragraph"),
                   "the explanation");
  g_clear_object (&shot);
  g_clear_pointer (&name, g_free);

  /* The teacher's dashboard */
  gtk_widget_activate_action (window, "win.sign-out", NULL);
  WAIT_FOR (g_strcmp0 (screen (f), "sign-in") == 0);
  gtk_widget_activate_action (window, "win.teacher-mode", NULL);
  WAIT_FOR (g_strcmp0 (screen (f), "teacher") == 0);
  kns_teacher_page_set_panel (teacher, "dashboard");
  kns_test_spin (200);
  shot = kns_test_render (window);
  kns_test_save_texture (shot, (name = g_strdup_printf ("%s-teacher-dashboard", style)));
  assert_readable (f, shot, label_in (kns_teacher_page_get_panel (teacher, "dashboard"), "matrix-name"),
                   "a pupil's name in the class matrix");
  assert_readable (f, shot, label_in (kns_teacher_page_get_panel (teacher, "dashboard"), "state-started"),
                   "a lesson begun, in the class matrix");
  assert_readable (f, shot, label_in (kns_teacher_page_get_panel (teacher, "dashboard"), "state-passed"),
                   "a lesson passed, in the class matrix");
  assert_readable (f, shot, label_in (kns_teacher_page_get_panel (teacher, "dashboard"), "state-not-passed"),
                   "a quiz not passed yet, in the class matrix");
}

static void
test_light (Fixture       *f,
            gconstpointer  data)
{
  g_assert_false (adw_style_manager_get_dark (adw_style_manager_get_default ()));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (f->window), "hc"));
  shoot_and_check (f, "light");
}

static void
test_dark (Fixture       *f,
           gconstpointer  data)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  WAIT_FOR (adw_style_manager_get_dark (manager));
  kns_test_spin (200);
  shoot_and_check (f, "dark");
}

static void
test_high_contrast_child (Fixture       *f,
                          gconstpointer  data)
{
  if (!g_test_subprocess ())
    {
      g_test_skip ("run by /kns/styles/high-contrast");
      return;
    }
  g_assert_true (adw_style_manager_get_high_contrast (adw_style_manager_get_default ()));
  /* Call-outs are outlined, as libadwaita's cards are. */
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (f->window), "hc"));
  shoot_and_check (f, "high-contrast");
}

static void
test_high_contrast (void)
{
  g_setenv ("ADW_DEBUG_HIGH_CONTRAST", "1", TRUE);
  g_test_trap_subprocess ("/kns/styles/high-contrast/subprocess", 120 * G_USEC_PER_SEC,
                          G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv ("ADW_DEBUG_HIGH_CONTRAST");
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  kns_test_use_vietnamese ();

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/kns/styles/light", Fixture, NULL, fixture_set_up, test_light, fixture_tear_down);
  g_test_add ("/kns/styles/dark", Fixture, NULL, fixture_set_up, test_dark, fixture_tear_down);
  g_test_add_func ("/kns/styles/high-contrast", test_high_contrast);
  g_test_add ("/kns/styles/high-contrast/subprocess", Fixture, NULL,
              fixture_set_up, test_high_contrast_child, fixture_tear_down);

  return g_test_run ();
}
