/* test-text-size.c — larger text for children who need it
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
 * The "Aa" button and the GSettings key make lesson and quiz text really
 * larger on screen (measured in pixels), the choice is kept, and a page
 * at the largest size still fits a 1024×768 lab screen. Screenshots at
 * 100 %, 160 % and 200 % go to the test log folder.
 */

#include "kns-config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "kns-lesson-view.h"
#include "kns-quiz-view.h"
#include "kns-sign-in-page.h"
#include "kns-teacher.h"
#include "kns-test-util.h"
#include "kns-ui-util.h"
#include "kns-window.h"

typedef struct
{
  char      *data_dir;
  KnsStore  *store;
  KnsCourse *course;
  GSettings *settings;
  KnsWindow *window;
  gint64     learner_id;
} Fixture;

static const char *
screen (Fixture *f)
{
  return kns_screen_to_string (kns_window_get_screen (f->window));
}

static void
open_window (Fixture *f)
{
  f->window = kns_test_window_new (f->store, f->course, f->settings, 1024, 768);
  WAIT_FOR (g_strcmp0 (screen (f), "sign-in") == 0);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsLearner) learner = NULL;
  g_autofree char *content = g_test_build_filename (G_TEST_DIST, "..", "content", "vi", NULL);

  f->data_dir = g_dir_make_tmp ("kns-text-size-XXXXXX", &error);
  g_assert_no_error (error);
  f->store = kns_store_open (f->data_dir, &error);
  g_assert_no_error (error);
  g_assert_true (kns_teacher_set_setup (f->store, KNS_SETUP_LAB, NULL));
  learner = kns_store_add_learner (f->store, "Mèo Con 7", "2A", 2, "cat", KNS_SEX_UNSTATED, &error);
  g_assert_no_error (error);
  f->learner_id = learner->id;
  f->course = kns_course_load (content, NULL, &error);
  g_assert_no_error (error);

  /* The memory backend: a fresh key for each test. */
  f->settings = g_settings_new (APP_ID);
  g_settings_reset (f->settings, "text-scale");
  open_window (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_settings_reset (f->settings, "text-scale");
  g_clear_object (&f->settings);
  g_clear_object (&f->course);
  g_clear_object (&f->store);
  kns_test_remove_tree (f->data_dir);
  g_free (f->data_dir);
}

static KnsLesson *
first_lesson (Fixture *f)
{
  return kns_tier_get_lesson (kns_course_get_tier_for_grade (f->course, 2), 0);
}

static void
open_lesson (Fixture *f)
{
  KnsSignInPage *page = KNS_SIGN_IN_PAGE (kns_window_get_page (f->window, "sign-in"));

  kns_test_click (kns_sign_in_page_get_tile (page, f->learner_id));
  WAIT_FOR (g_strcmp0 (screen (f), "home") == 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-lesson", "s",
                                             kns_lesson_get_id (first_lesson (f))));
  WAIT_FOR (g_strcmp0 (screen (f), "lesson") == 0);
}

/* The first descendant of @root with CSS class @css_class, or whose
 * tooltip or button label is @name. */
static GtkWidget *
find_widget (GtkWidget  *root,
             const char *css_class,
             const char *name)
{
  if ((css_class != NULL && gtk_widget_has_css_class (root, css_class)) ||
      (name != NULL && (g_strcmp0 (gtk_widget_get_tooltip_text (root), name) == 0 ||
                        (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), name) == 0))))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, css_class, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first paragraph of the lesson on screen. */
static GtkWidget *
first_paragraph (Fixture *f)
{
  GtkWidget *label = find_widget (kns_window_get_page (f->window, "lesson"), "block-paragraph", NULL);

  g_assert_true (GTK_IS_LABEL (label));
  return label;
}

/* The paragraph's natural size: its one-line width, and its height when
 * wrapped to a fixed 500 px column. */
static void
measure (GtkWidget *label,
         int       *width,
         int       *height)
{
  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, width, NULL, NULL);
  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, 500, NULL, height, NULL, NULL);
}

static int
width_of (GtkWidget *label)
{
  int width, height;

  measure (label, &width, &height);
  return width;
}

static GtkWidget *
text_size_button (Fixture *f)
{
  GtkWidget *button = kns_test_find_button (GTK_WIDGET (f->window), "Aa");

  /* kns_test_find_button finds the menu button's inner toggle. */
  g_assert_nonnull (button);
  return gtk_widget_get_ancestor (button, GTK_TYPE_MENU_BUTTON);
}

/* A child opens "Aa" and presses the button called @name. */
static void
press_in_text_size_menu (Fixture    *f,
                         const char *name)
{
  GtkMenuButton *menu = GTK_MENU_BUTTON (text_size_button (f));
  GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (menu));

  gtk_menu_button_popup (menu);
  WAIT_FOR (gtk_widget_get_mapped (popover));
  kns_test_click (find_widget (popover, NULL, name));
  gtk_menu_button_popdown (menu);
  WAIT_FOR (!gtk_widget_get_mapped (popover));
}

static void
test_scales_lesson_text (Fixture       *f,
                         gconstpointer  data)
{
  int width_100, height_100, width, height;

  open_lesson (f);
  g_assert_true (gtk_widget_get_visible (text_size_button (f)));
  kns_test_screenshot (GTK_WIDGET (f->window), "text-size-100-lesson");
  measure (first_paragraph (f), &width_100, &height_100);

  /* "Aa", then "Larger text": 120 %, kept in GSettings. */
  press_in_text_size_menu (f, _("Larger text"));
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (f->settings, "text-scale"), 1.2, 0.001);
  measure (first_paragraph (f), &width, &height);
  g_test_message ("paragraph at 100 %%: %d×%d px; at 120 %%: %d×%d px", width_100, height_100, width, height);
  g_assert_cmpint (width, >, width_100 * 1.1);
  g_assert_cmpint (height, >, height_100);

  /* The teacher's setting (or another copy of the app) says 160 %. */
  g_settings_set_double (f->settings, "text-scale", 1.6);
  /* The new style reaches the label with GTK's next style pass. */
  WAIT_FOR (width_of (first_paragraph (f)) > width_100 * 1.45);
  measure (first_paragraph (f), &width, &height);
  g_test_message ("paragraph at 160 %%: %d×%d px", width, height);
  g_assert_cmpint (width, >, width_100 * 1.45);
  g_assert_cmpint (height, >, height_100 * 1.3);
  kns_test_screenshot (GTK_WIDGET (f->window), "text-size-160-lesson");

  /* "Normal size" goes back to 100 %, and the text with it. */
  press_in_text_size_menu (f, _("Normal size"));
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (f->settings, "text-scale"), 1.0, 0.001);
  measure (first_paragraph (f), &width, &height);
  g_assert_cmpint (width, ==, width_100);
}

/* The actions behind Ctrl+plus, Ctrl+minus and Ctrl+0 stay within
 * 80–200 %. (The AT-SPI test presses the keys themselves.) */
static void
test_actions_and_bounds (Fixture       *f,
                           gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (f->window);
  int window_width = gtk_widget_get_width (window);

  open_lesson (f);
  for (guint i = 0; i < 10; i++)
    gtk_widget_activate_action (window, "win.text-larger", NULL);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (f->settings, "text-scale"), 2.0, 0.001);
  gtk_widget_activate_action (window, "win.text-larger", NULL);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (f->settings, "text-scale"), 2.0, 0.001);

  /* At the largest size the page still fits the lab's screen: long
   * Vietnamese words wrap instead of widening the window. */
  kns_test_spin (100);
  g_assert_cmpint (gtk_widget_get_width (window), ==, window_width);
  kns_test_screenshot (window, "text-size-200-lesson");

  for (guint i = 0; i < 10; i++)
    gtk_widget_activate_action (window, "win.text-smaller", NULL);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (f->settings, "text-scale"), 0.8, 0.001);
  gtk_widget_activate_action (window, "win.text-normal", NULL);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (f->settings, "text-scale"), 1.0, 0.001);
}

/* The quiz scales too; the size is kept for the next window. */
static void
test_quiz_and_persistence (Fixture       *f,
                           gconstpointer  data)
{
  KnsQuizView *quiz;
  int width_100, height_100, width, height;
  GtkWidget *option;

  open_lesson (f);
  kns_test_click (kns_test_find_button (GTK_WIDGET (f->window), _("Take the quiz")));
  WAIT_FOR (g_strcmp0 (screen (f), "quiz") == 0);
  quiz = KNS_QUIZ_VIEW (kns_window_get_page (f->window, "quiz"));
  option = kns_quiz_view_get_option (quiz, 0);
  measure (option, &width_100, &height_100);
  kns_test_screenshot (GTK_WIDGET (f->window), "text-size-100-quiz");

  g_settings_set_double (f->settings, "text-scale", 1.6);
  WAIT_FOR (width_of (option) > width_100 * 1.3);
  measure (option, &width, &height);
  g_test_message ("quiz option at 100 %%: %d×%d px; at 160 %%: %d×%d px",
                  width_100, height_100, width, height);
  g_assert_cmpint (width, >, width_100 * 1.3);
  kns_test_click (option);
  kns_test_click (kns_test_find_button (GTK_WIDGET (quiz), _("Answer")));
  kns_test_screenshot (GTK_WIDGET (f->window), "text-size-160-quiz");

  /* Back in a new window, the quiz resumes at the size that was chosen:
   * the same option is half as wide again as at 100 %. */
  gtk_window_destroy (GTK_WINDOW (f->window));
  open_window (f);
  kns_test_click (kns_sign_in_page_get_tile (KNS_SIGN_IN_PAGE (kns_window_get_page (f->window, "sign-in")),
                                            f->learner_id));
  WAIT_FOR (g_strcmp0 (screen (f), "home") == 0);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-lesson", "s",
                              kns_lesson_get_id (first_lesson (f)));
  WAIT_FOR (g_strcmp0 (screen (f), "quiz") == 0);
  option = kns_quiz_view_get_option (KNS_QUIZ_VIEW (kns_window_get_page (f->window, "quiz")), 0);
  measure (option, &width, &height);
  kns_ui_set_text_scale (gtk_widget_get_display (GTK_WIDGET (f->window)), 1.0);
  WAIT_FOR (width_of (option) * 1.3 < width);
  measure (option, &width_100, &height_100);
  g_assert_cmpint (width, >, width_100 * 1.3);
}

int
main (int   argc,
      char *argv[])
{
  kns_test_use_vietnamese ();

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/kns/text-size/scales-lesson-text", Fixture, NULL,
              fixture_set_up, test_scales_lesson_text, fixture_tear_down);
  g_test_add ("/kns/text-size/actions-and-bounds", Fixture, NULL,
              fixture_set_up, test_actions_and_bounds, fixture_tear_down);
  g_test_add ("/kns/text-size/quiz-and-persistence", Fixture, NULL,
              fixture_set_up, test_quiz_and_persistence, fixture_tear_down);

  return g_test_run ();
}
