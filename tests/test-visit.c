/* test-visit.c — a grade-1 class's visit: safe, clear, by keyboard too
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
 * What issue 17 asked of the sign-in, new-learner, home, help and set-up
 * screens, through the real widgets: older classes' lessons closed unless
 * the teacher opens them; real names refused; passed, not passed yet and
 * not started told apart; one Tab stop a tile or card, real keys for
 * Enter, Space, Escape and Alt+Left; the set-up at 1024×768; big screens.
 * Screenshots at 1024×768 and 1920×1080 go to KNS_SCREENSHOT_DIR, as
 * test-student's do.
 */

#include "kns-config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "kns-home-page.h"
#include "kns-learner-tile.h"
#include "kns-learners-panel.h"
#include "kns-lesson-card.h"
#include "kns-new-learner-page.h"
#include "kns-quiz-view.h"
#include "kns-setup-page.h"
#include "kns-sign-in-page.h"
#include "kns-teacher-page.h"
#include "kns-teacher.h"
#include "kns-test-util.h"
#include "kns-window.h"

#define PIN "246810"

typedef struct
{
  int         width;
  int         height;
  const char *setup; /* KNS_SETUP_…, or NULL for a computer not set up */
} Params;

typedef struct
{
  char      *data_dir;
  KnsStore  *store;
  KnsCourse *course;
  GSettings *settings;
  KnsWindow *window;
} Fixture;

static const char *
screen (Fixture *f)
{
  return kns_screen_to_string (kns_window_get_screen (f->window));
}

static GtkWidget *
page (Fixture    *f,
      const char *name)
{
  return kns_window_get_page (f->window, name);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  const Params *params = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *content = g_test_build_filename (G_TEST_DIST, "..", "content", "vi", NULL);

  f->data_dir = g_dir_make_tmp ("kns-visit-XXXXXX", &error);
  g_assert_no_error (error);
  f->store = kns_store_open (f->data_dir, &error);
  g_assert_no_error (error);
  if (params->setup != NULL)
    g_assert_true (kns_teacher_set_setup (f->store, params->setup, NULL));
  f->course = kns_course_load (content, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kns_course_get_n_errors (f->course), ==, 0);
  f->settings = g_settings_new (APP_ID);
  g_settings_reset (f->settings, "allow-higher-tiers");

  f->window = kns_test_window_new (f->store, f->course, f->settings, params->width, params->height);
  WAIT_FOR (g_strcmp0 (screen (f), params->setup != NULL ? "sign-in" : "setup") == 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_settings_reset (f->settings, "allow-higher-tiers");
  g_clear_object (&f->settings);
  g_clear_object (&f->course);
  g_clear_object (&f->store);
  kns_test_remove_tree (f->data_dir);
  g_free (f->data_dir);
}

/* kns_test_save_texture () puts the window's size in the name. */
static void
shoot (Fixture    *f,
       const char *name)
{
  kns_test_screenshot (GTK_WIDGET (f->window), name);
}

static gint64
add_learner (Fixture    *f,
             const char *nickname,
             guint       grade)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsLearner) learner = kns_store_add_learner (f->store, nickname, "", grade, "cat",
                                                         KNS_SEX_UNSTATED, &error);

  g_assert_no_error (error);
  return learner->id;
}

/* The sign-in screen lists the learners added since it was shown. */
static void
show_sign_in_again (Fixture *f)
{
  g_assert_true (kns_sign_in_page_refresh (KNS_SIGN_IN_PAGE (page (f, "sign-in")), f->store, NULL));
}

static void
sign_in (Fixture *f,
         gint64   learner_id)
{
  show_sign_in_again (f);
  kns_test_click (kns_sign_in_page_get_tile (KNS_SIGN_IN_PAGE (page (f, "sign-in")), learner_id));
  WAIT_FOR (g_strcmp0 (screen (f), "home") == 0);
}

static void
sign_out (Fixture *f)
{
  kns_test_click (kns_test_find_button (GTK_WIDGET (f->window), _("Switch learner")));
  WAIT_FOR (g_strcmp0 (screen (f), "sign-in") == 0);
}

static KnsTier *
tier_for_grade (Fixture *f,
                guint    grade)
{
  KnsTier *tier = kns_course_get_tier_for_grade (f->course, grade);

  g_assert_nonnull (tier);
  return tier;
}

/* The @n-th lesson of @tier with a quiz, from 0. */
static KnsLesson *
quiz_lesson (KnsTier *tier,
             guint    n)
{
  for (guint i = 0; i < kns_tier_get_n_lessons (tier); i++)
    {
      KnsLesson *lesson = kns_tier_get_lesson (tier, i);

      if (kns_lesson_get_quiz (lesson) != NULL && n-- == 0)
        return lesson;
    }
  g_assert_not_reached ();
}

static KnsLesson *
first_scenario (KnsTier *tier)
{
  for (guint i = 0; i < kns_tier_get_n_lessons (tier); i++)
    if (kns_lesson_get_scenario (kns_tier_get_lesson (tier, i)) != NULL)
      return kns_tier_get_lesson (tier, i);
  return NULL;
}

/* A finished quiz with @n_right right answers, through the store. */
static void
take_quiz (Fixture   *f,
           gint64     learner_id,
           KnsLesson *lesson,
           guint      n_right)
{
  KnsQuiz *quiz = kns_lesson_get_quiz (lesson);
  guint n = kns_quiz_get_n_questions (quiz);
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsAttempt) attempt = NULL;
  g_autoptr(KnsAttempt) finished = NULL;

  attempt = kns_store_start_attempt (f->store, learner_id, kns_lesson_get_id (lesson),
                                     kns_lesson_get_version (lesson), kns_lesson_get_tier (lesson), n,
                                     &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      KnsQuestion *question = kns_quiz_get_question (quiz, i);

      g_assert_true (kns_store_record_answer (f->store, attempt->id, question->id,
                                              i < n_right ? question->correct_mask : ~question->correct_mask,
                                              i < n_right, &error));
    }
  finished = kns_store_finish_attempt (f->store, attempt->id, 70, &error);
  g_assert_no_error (error);
}

/* A label drawn on screen whose text is @text, or NULL. */
static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  if (!gtk_widget_is_drawable (root))
    return NULL;
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_image (GtkWidget *root)
{
  if (GTK_IS_IMAGE (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_image (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
focus (Fixture *f)
{
  return gtk_root_get_focus (GTK_ROOT (f->window));
}

/* Whether @widget is wholly inside the window, not scrolled out of it. */
static gboolean
in_view (GtkWidget *widget)
{
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (widget));
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds, visible;

  if (!gtk_widget_compute_bounds (widget, window, &bounds))
    return FALSE;
  visible = GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (window), gtk_widget_get_height (window));
  if (scroller != NULL && !gtk_widget_compute_bounds (scroller, window, &visible))
    return FALSE;
  return bounds.origin.y >= visible.origin.y - 1 &&
         bounds.origin.y + bounds.size.height <= visible.origin.y + visible.size.height + 1;
}

/* Item 1: a grade-1 pupil never opens an older class's lessons, by a
 * click or by any action; the teacher's switch opens them. */
static void
test_age_gate (Fixture       *f,
               gconstpointer  data)
{
  KnsHomePage *home = KNS_HOME_PAGE (page (f, "home"));
  KnsTier *own = tier_for_grade (f, 1);
  KnsTier *oldest = tier_for_grade (f, 10);
  KnsLesson *lesson = quiz_lesson (oldest, 0);
  KnsLesson *scenario = first_scenario (oldest);
  GPtrArray *tiers = kns_course_get_tiers (f->course);
  gint64 grade_1 = add_learner (f, "Thỏ Ngọc 1", 1);
  gint64 grade_4 = add_learner (f, "Cú Mèo 4", 4);
  g_autoptr(KnsProgress) progress = NULL;

  sign_in (f, grade_1);
  g_assert_cmpuint (kns_home_page_get_shown_tier (home), ==, kns_tier_get_id (own));
  /* No other class is offered: every other one is older. */
  for (guint i = 0; i < tiers->len; i++)
    if (g_ptr_array_index (tiers, i) != own)
      g_assert_null (kns_test_find_button (GTK_WIDGET (f->window),
                                           kns_tier_get_title (g_ptr_array_index (tiers, i))));
  g_assert_null (find_label (GTK_WIDGET (f->window), _("Lessons for other classes")));
  shoot (f, "visit-01-age-gate-grade-1");

  /* Nor by the window's actions, as a stray shortcut or a bug would. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-lesson", "s",
                                             kns_lesson_get_id (lesson)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.retake-quiz", "s",
                                             kns_lesson_get_id (lesson)));
  if (scenario != NULL)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-scenario", "s",
                                               kns_lesson_get_id (scenario)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-tier", "u",
                                             kns_tier_get_id (oldest)));
  kns_test_spin (200);
  g_assert_cmpstr (screen (f), ==, "home");
  g_assert_cmpuint (kns_home_page_get_shown_tier (home), ==, kns_tier_get_id (own));
  progress = kns_store_get_progress (f->store, grade_1, kns_lesson_get_id (lesson), NULL);
  g_assert_cmpint (progress->state, ==, KNS_LESSON_NOT_STARTED);
  g_clear_pointer (&progress, kns_progress_free);

  /* A grade-4 pupil has the younger class's lessons, not the older ones. */
  sign_out (f);
  sign_in (f, grade_4);
  g_assert_nonnull (kns_test_find_button (GTK_WIDGET (f->window), kns_tier_get_title (own)));
  g_assert_null (kns_test_find_button (GTK_WIDGET (f->window), kns_tier_get_title (tier_for_grade (f, 6))));
  g_assert_null (kns_test_find_button (GTK_WIDGET (f->window), kns_tier_get_title (oldest)));
  sign_out (f);

  /* The teacher opens the older classes' lessons. */
  sign_in (f, grade_1);
  g_settings_set_boolean (f->settings, "allow-higher-tiers", TRUE);
  WAIT_FOR (kns_test_find_button (GTK_WIDGET (f->window), kns_tier_get_title (oldest)) != NULL);
  kns_test_click (kns_test_find_button (GTK_WIDGET (f->window), kns_tier_get_title (oldest)));
  WAIT_FOR (kns_home_page_get_shown_tier (home) == kns_tier_get_id (oldest));
  shoot (f, "visit-02-age-gate-allowed");
  kns_test_click (kns_home_page_get_lesson_card (home, kns_lesson_get_id (lesson)));
  WAIT_FOR (g_strcmp0 (screen (f), "lesson") == 0);
  progress = kns_store_get_progress (f->store, grade_1, kns_lesson_get_id (lesson), NULL);
  g_assert_cmpint (progress->state, ==, KNS_LESSON_READING);

  /* Closed again: asked for, an older lesson is refused once more. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.go-home", NULL));
  g_settings_set_boolean (f->settings, "allow-higher-tiers", FALSE);
  WAIT_FOR (kns_home_page_get_shown_tier (home) == kns_tier_get_id (own));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-lesson", "s",
                                             kns_lesson_get_id (lesson)));
  kns_test_spin (200);
  g_assert_cmpstr (screen (f), ==, "home");
}

/* Item 2: a real full name is refused with a playful nickname to take;
 * nicknames are kept as typed. */
static void
test_real_names (Fixture       *f,
                 gconstpointer  data)
{
  static const char *const real[] = {
    "Nguyễn Văn An", "nguyen van an", "TRẦN THỊ BÌNH", "Le Minh Khoa", "Phạm Gia Bảo 2", "An Nguyễn",
  };
  static const char *const nicknames[] = { "Mèo Con 7", "An", "Bé Na" };
  KnsNewLearnerPage *new_learner = KNS_NEW_LEARNER_PAGE (page (f, "new-learner"));
  g_autoptr(GPtrArray) learners = NULL;
  g_autofree char *suggestion = NULL;

  kns_test_click (kns_test_find_button (GTK_WIDGET (f->window), _("I am new")));
  WAIT_FOR (g_strcmp0 (screen (f), "new-learner") == 0);
  suggestion = g_strdup (gtk_editable_get_text (kns_new_learner_page_get_nickname (new_learner)));
  kns_test_click (kns_new_learner_page_get_grade_button (new_learner, 1));

  for (guint i = 0; i < G_N_ELEMENTS (real); i++)
    {
      gtk_editable_set_text (kns_new_learner_page_get_nickname (new_learner), real[i]);
      g_assert_true (kns_new_learner_page_get_name_warning_visible (new_learner));
      kns_test_click (kns_new_learner_page_get_start_button (new_learner));
      kns_test_spin (100);
      g_assert_cmpstr (screen (f), ==, "new-learner");
      /* The way out is one press away, and has the focus. */
      g_assert_true (focus (f) == kns_new_learner_page_get_use_suggestion_button (new_learner));
      learners = kns_store_list_learners (f->store, NULL, TRUE, NULL);
      g_assert_cmpuint (learners->len, ==, 0);
      g_clear_pointer (&learners, g_ptr_array_unref);
    }
  shoot (f, "visit-03-real-name-refused");

  /* The suggestion, taken: in at once. */
  kns_test_click (kns_new_learner_page_get_use_suggestion_button (new_learner));
  g_assert_cmpstr (gtk_editable_get_text (kns_new_learner_page_get_nickname (new_learner)), ==, suggestion);
  g_assert_false (kns_new_learner_page_get_name_warning_visible (new_learner));
  kns_test_click (kns_new_learner_page_get_start_button (new_learner));
  WAIT_FOR (g_strcmp0 (screen (f), "home") == 0);
  g_assert_cmpstr (kns_window_get_learner (f->window)->nickname, ==, suggestion);

  /* Nicknames, short ones too, pass. */
  for (guint i = 0; i < G_N_ELEMENTS (nicknames); i++)
    {
      sign_out (f);
      kns_test_click (kns_test_find_button (GTK_WIDGET (f->window), _("I am new")));
      WAIT_FOR (g_strcmp0 (screen (f), "new-learner") == 0);
      gtk_editable_set_text (kns_new_learner_page_get_nickname (new_learner), nicknames[i]);
      g_assert_false (kns_new_learner_page_get_name_warning_visible (new_learner));
      kns_test_click (kns_new_learner_page_get_grade_button (new_learner, 2));
      kns_test_click (kns_new_learner_page_get_start_button (new_learner));
      WAIT_FOR (g_strcmp0 (screen (f), "home") == 0);
      g_assert_cmpstr (kns_window_get_learner (f->window)->nickname, ==, nicknames[i]);
    }
}

static GtkWidget *find_row (GtkWidget  *root,
                            const char *title);

/* Scrolls @widget's page so that @widget is near the top. */
static void
scroll_to (GtkWidget *widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  graphene_point_t point;

  WAIT_FOR (gtk_adjustment_get_upper (adjustment) > 0);
  g_assert_true (gtk_widget_compute_point (widget, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)),
                                           &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + point.y - 24);
  kns_test_spin (100);
}

/* Item 2: the teacher may still rename a pupil, to anything. */
static void
test_teacher_rename (Fixture       *f,
                     gconstpointer  data)
{
  gint64 id = add_learner (f, "Mèo Con 7", 2);
  KnsTeacherPage *teacher;
  GtkWidget *pupil;
  GtkWidget *row;
  g_autoptr(KnsLearner) learner = NULL;

  /* At home, teacher mode opens without a PIN. */
  show_sign_in_again (f);
  kns_test_click (kns_test_find_button (GTK_WIDGET (f->window), _("Teacher")));
  WAIT_FOR (g_strcmp0 (screen (f), "teacher") == 0);
  teacher = KNS_TEACHER_PAGE (page (f, "teacher"));
  kns_teacher_page_set_panel (teacher, "learners");
  kns_test_spin (100);
  /* The pupil's row, opened: the nickname corrected in place. */
  WAIT_FOR ((pupil = kns_learners_panel_get_row (KNS_LEARNERS_PANEL (kns_teacher_page_get_panel (teacher, "learners")),
                                                 id)) != NULL);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (pupil), TRUE);
  kns_test_spin (300);
  row = find_row (pupil, _("The pupil’s nickname"));
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), "Nguyễn Văn An");
  kns_test_click (kns_test_find_button (pupil, _("Save")));
  kns_test_spin (100);

  learner = kns_store_get_learner (f->store, id, NULL);
  g_assert_cmpstr (learner->nickname, ==, "Nguyễn Văn An");

  /* The switch for the older classes' lessons, off. */
  kns_teacher_page_set_panel (teacher, "settings");
  kns_test_spin (100);
  row = find_row (kns_teacher_page_get_panel (teacher, "settings"), _("Older classes’ lessons"));
  g_assert_nonnull (row);
  scroll_to (row);
  shoot (f, "visit-15-settings-older-classes");
}

/* Item 3: passed, not passed yet and not started, each with its words
 * and its picture; "Try again" on the quiz not passed yet. */
static void
test_card_states (Fixture       *f,
                  gconstpointer  data)
{
  KnsHomePage *home = KNS_HOME_PAGE (page (f, "home"));
  KnsTier *tier = tier_for_grade (f, 2);
  KnsLesson *passed = quiz_lesson (tier, 0);
  KnsLesson *failed = quiz_lesson (tier, 1);
  KnsLesson *fresh = quiz_lesson (tier, 2);
  gint64 id = add_learner (f, "Gấu Trúc 2", 2);
  g_autofree char *passed_text = g_strdup_printf (_("Passed · %d%%"), 100);
  g_autofree char *failed_text = NULL;
  g_autoptr(KnsProgress) progress = NULL;
  g_autoptr(KnsAttempt) attempt = NULL;
  KnsLessonCard *card;
  const char *icons[3];

  take_quiz (f, id, passed, kns_quiz_get_n_questions (kns_lesson_get_quiz (passed)));
  take_quiz (f, id, failed, 1);
  progress = kns_store_get_progress (f->store, id, kns_lesson_get_id (failed), NULL);
  g_assert_cmpint (progress->best_score, <, 70);
  failed_text = g_strdup_printf (_("Not passed yet · %d%%"), progress->best_score);

  sign_in (f, id);
  card = kns_home_page_get_card (home, kns_lesson_get_id (passed));
  g_assert_cmpint (kns_lesson_card_get_state (card), ==, KNS_CARD_PASSED);
  g_assert_nonnull (find_label (GTK_WIDGET (card), passed_text));
  g_assert_false (gtk_widget_get_visible (kns_lesson_card_get_retry_button (card)));
  icons[0] = gtk_image_get_icon_name (GTK_IMAGE (find_image (kns_lesson_card_get_button (card))));

  card = kns_home_page_get_card (home, kns_lesson_get_id (failed));
  g_assert_cmpint (kns_lesson_card_get_state (card), ==, KNS_CARD_NOT_PASSED);
  g_assert_nonnull (find_label (GTK_WIDGET (card), failed_text));
  g_assert_true (gtk_widget_is_drawable (kns_lesson_card_get_retry_button (card)));
  g_assert_nonnull (find_label (kns_lesson_card_get_retry_button (card), _("Try again")));
  icons[1] = gtk_image_get_icon_name (GTK_IMAGE (find_image (kns_lesson_card_get_button (card))));

  card = kns_home_page_get_card (home, kns_lesson_get_id (fresh));
  g_assert_cmpint (kns_lesson_card_get_state (card), ==, KNS_CARD_NOT_STARTED);
  g_assert_nonnull (find_label (GTK_WIDGET (card), _("Not started")));
  g_assert_false (gtk_widget_get_visible (kns_lesson_card_get_retry_button (card)));
  icons[2] = gtk_image_get_icon_name (GTK_IMAGE (find_image (kns_lesson_card_get_button (card))));

  /* A picture for each, not a colour alone. */
  g_assert_cmpstr (icons[0], !=, icons[1]);
  g_assert_cmpstr (icons[1], !=, icons[2]);
  g_assert_cmpstr (icons[0], !=, icons[2]);
  shoot (f, "visit-04-card-states");

  /* "Try again" starts a new attempt at once. */
  card = kns_home_page_get_card (home, kns_lesson_get_id (failed));
  kns_test_click (kns_lesson_card_get_retry_button (card));
  WAIT_FOR (g_strcmp0 (screen (f), "quiz") == 0);
  g_assert_cmpuint (kns_quiz_view_get_question_index (KNS_QUIZ_VIEW (page (f, "quiz"))), ==, 0);
  attempt = kns_store_get_open_attempt (f->store, id, kns_lesson_get_id (failed),
                                        kns_lesson_get_version (failed), NULL);
  g_assert_nonnull (attempt);
  g_assert_cmpuint (attempt->answers->len, ==, 0);
}

/* Item 7, with real keys: one Tab stop a tile or card, Enter and Space
 * open them, Alt+Left and Escape leave a quiz for the card of its
 * lesson, Escape leaves help, and the focus shows. */
static void
test_keyboard (Fixture       *f,
               gconstpointer  data)
{
  KnsSignInPage *sign_in_page = KNS_SIGN_IN_PAGE (page (f, "sign-in"));
  KnsHomePage *home = KNS_HOME_PAGE (page (f, "home"));
  KnsTier *tier = tier_for_grade (f, 2);
  KnsLesson *first = kns_tier_get_lesson (tier, 0);
  KnsLesson *second = kns_tier_get_lesson (tier, 1);
  gint64 ids[3];
  GtkWidget *window = GTK_WIDGET (f->window);

  if (!kns_test_keyboard_available ())
    {
      g_test_skip ("needs real key presses: an X server with XTest, and libxtst-dev at build time");
      return;
    }

  ids[0] = add_learner (f, "Cá Heo 1", 2);
  ids[1] = add_learner (f, "Cá Heo 2", 2);
  ids[2] = add_learner (f, "Cá Heo 3", 2);
  show_sign_in_again (f);

  /* Tiles: Tab goes from one to the next, Shift+Tab back. */
  gtk_widget_grab_focus (kns_sign_in_page_get_tile (sign_in_page, ids[0]));
  kns_test_press_key (window, GDK_KEY_Tab, 0);
  g_assert_true (focus (f) == kns_sign_in_page_get_tile (sign_in_page, ids[1]));
  kns_test_press_key (window, GDK_KEY_Tab, 0);
  g_assert_true (focus (f) == kns_sign_in_page_get_tile (sign_in_page, ids[2]));
  kns_test_press_key (window, GDK_KEY_Tab, GDK_SHIFT_MASK);
  g_assert_true (focus (f) == kns_sign_in_page_get_tile (sign_in_page, ids[1]));
  g_assert_true (gtk_window_get_focus_visible (GTK_WINDOW (window)));
  shoot (f, "visit-05-focus-tile");

  /* Escape does nothing here. */
  kns_test_press_key (window, GDK_KEY_Escape, 0);
  g_assert_cmpstr (screen (f), ==, "sign-in");

  /* Enter on the tile signs that child in. */
  kns_test_press_key (window, GDK_KEY_Return, 0);
  WAIT_FOR (g_strcmp0 (screen (f), "home") == 0);
  g_assert_cmpint (kns_window_get_learner (f->window)->id, ==, ids[1]);

  /* Cards: one stop each; Space opens the lesson. */
  gtk_widget_grab_focus (kns_home_page_get_lesson_card (home, kns_lesson_get_id (first)));
  kns_test_press_key (window, GDK_KEY_Tab, 0);
  g_assert_true (focus (f) == kns_home_page_get_lesson_card (home, kns_lesson_get_id (second)));
  shoot (f, "visit-06-focus-card");
  kns_test_press_key (window, GDK_KEY_space, 0);
  WAIT_FOR (g_strcmp0 (screen (f), "lesson") == 0);

  /* The quiz, left with Alt+Left: the focus is on the card of its lesson. */
  kns_test_click (kns_test_find_button (window, _("Take the quiz")));
  WAIT_FOR (g_strcmp0 (screen (f), "quiz") == 0);
  kns_test_press_key (window, GDK_KEY_Left, GDK_ALT_MASK);
  WAIT_FOR (g_strcmp0 (screen (f), "home") == 0);
  WAIT_FOR (focus (f) == kns_home_page_get_lesson_card (home, kns_lesson_get_id (second)));
  g_assert_true (in_view (focus (f)));
  g_assert_true (gtk_window_get_focus_visible (GTK_WINDOW (window)));
  shoot (f, "visit-07-focus-after-quiz");

  /* And with Escape, the same; nothing is lost, the quiz resumes. */
  kns_test_press_key (window, GDK_KEY_Return, 0);
  WAIT_FOR (g_strcmp0 (screen (f), "quiz") == 0);
  kns_test_press_key (window, GDK_KEY_Escape, 0);
  WAIT_FOR (g_strcmp0 (screen (f), "home") == 0);
  WAIT_FOR (focus (f) == kns_home_page_get_lesson_card (home, kns_lesson_get_id (second)));

  /* Help, with F1, and out of it with Escape. */
  kns_test_press_key (window, GDK_KEY_F1, 0);
  WAIT_FOR (g_strcmp0 (screen (f), "help") == 0);
  kns_test_press_key (window, GDK_KEY_Escape, 0);
  WAIT_FOR (g_strcmp0 (screen (f), "home") == 0);
}

/* Item 9: another class's lessons start at the top of the page, with
 * the way back to the child's own in view. */
static void
test_tier_switch (Fixture       *f,
                  gconstpointer  data)
{
  KnsHomePage *home = KNS_HOME_PAGE (page (f, "home"));
  KnsTier *younger = tier_for_grade (f, 1);
  gint64 id = add_learner (f, "Sóc Nâu 4", 4);
  GtkAdjustment *adjustment;
  GtkWidget *button;

  sign_in (f, id);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (adw_bin_get_child (ADW_BIN (home))));
  /* The child scrolls down to the other classes, as one would with
   * Tab (in an active window, as on a desktop) or with the wheel. */
  button = kns_test_find_button (GTK_WIDGET (home), kns_tier_get_title (younger));
  if (kns_test_keyboard_available ())
    kns_test_focus_window (GTK_WIDGET (f->window));
  WAIT_FOR (gtk_adjustment_get_upper (adjustment) > gtk_adjustment_get_page_size (adjustment));
  gtk_widget_grab_focus (button);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  WAIT_FOR (in_view (button));
  kns_test_click (button);
  WAIT_FOR (kns_home_page_get_shown_tier (home) == kns_tier_get_id (younger));
  kns_test_spin (300);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
  g_assert_true (focus (f) == kns_test_find_button (GTK_WIDGET (home), _("Back to my lessons")));
  shoot (f, "visit-08-other-tier-top");
}

/* Item 9: a guest is told what a guest is. */
static void
test_guest (Fixture       *f,
            gconstpointer  data)
{
  KnsNewLearnerPage *new_learner = KNS_NEW_LEARNER_PAGE (page (f, "new-learner"));

  g_assert_nonnull (find_label (GTK_WIDGET (f->window), _("Nothing is kept when you finish")));
  shoot (f, "visit-09-sign-in-guest");
  kns_test_click (kns_test_find_button (GTK_WIDGET (f->window), _("Try without a name")));
  WAIT_FOR (g_strcmp0 (screen (f), "new-learner") == 0);
  kns_test_click (kns_new_learner_page_get_grade_button (new_learner, 1));
  kns_test_click (kns_new_learner_page_get_start_button (new_learner));
  WAIT_FOR (g_strcmp0 (screen (f), "home") == 0);
  g_assert_nonnull (find_label (GTK_WIDGET (f->window),
                                _("You are trying it out: nothing is kept when you finish.")));
  shoot (f, "visit-10-guest-home");
}

/* Item 9: a big screen gets big pictures and text; the app's own window
 * opens to fit the screen. */
static void
test_big_screen (Fixture       *f,
                 gconstpointer  data)
{
  const Params *params = data;
  gboolean wide = params->width >= 1500;
  KnsWindow *window = NULL;
  gint64 id = add_learner (f, "Voi Con 9", 2);
  GtkWidget *tile;
  int width, height;

  show_sign_in_again (f);
  tile = gtk_widget_get_ancestor (kns_sign_in_page_get_tile (KNS_SIGN_IN_PAGE (page (f, "sign-in")), id),
                                  GTK_TYPE_FLOW_BOX_CHILD);
  WAIT_FOR (gtk_widget_has_css_class (GTK_WIDGET (f->window), "wide") == wide);
  g_assert_cmpint (kns_learner_tile_get_avatar_size (KNS_LEARNER_TILE (tile)), ==, wide ? 128 : 80);
  shoot (f, "visit-11-sign-in-size");
  kns_test_click (kns_test_find_button (GTK_WIDGET (f->window), _("I am new")));
  WAIT_FOR (g_strcmp0 (screen (f), "new-learner") == 0);
  shoot (f, "visit-12-new-learner-size");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.back", NULL));
  WAIT_FOR (g_strcmp0 (screen (f), "sign-in") == 0);
  sign_in (f, id);
  shoot (f, "visit-12-home-size");

  /* The screen under test is 1920×1200; the window made for the app is
   * asked to be maximised, and without a window manager fills most of it. */
  window = kns_window_new (NULL);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, >=, 1700);
  g_assert_cmpint (height, >=, 1000);
  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
find_row (GtkWidget  *root,
          const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Item 9: the first-run set-up fits 1024×768: "Start" in view, Tab
 * brings each field into view, a mended mistake is no longer shown, and
 * Enter in the last field starts. */
static void
test_setup (Fixture       *f,
            gconstpointer  data)
{
  KnsSetupPage *setup = KNS_SETUP_PAGE (page (f, "setup"));
  GtkWidget *window = GTK_WIDGET (f->window);
  gboolean keyboard = kns_test_keyboard_available ();
  GtkWidget *start;

  /* As on a desktop, the window has the keyboard: focus scrolls. */
  if (keyboard)
    kns_test_focus_window (window);
  kns_test_click (kns_test_find_button (window, _("A school computer lab")));
  start = kns_test_find_button (window, _("Start"));
  kns_test_spin (200);
  g_assert_true (in_view (start));
  shoot (f, "visit-13-setup");

  /* Two PINs that differ: said; mended: no longer said. */
  kns_setup_page_set_fields (setup, "Trường Tiểu học Kim Đồng", "Phường Ba Đình, Hà Nội", PIN, "246811");
  kns_test_click (start);
  g_assert_nonnull (kns_setup_page_get_error (setup));
  g_assert_true (in_view (find_label (window, kns_setup_page_get_error (setup))));
  /* The field to mend has the focus, in view. */
  if (keyboard)
    WAIT_FOR (in_view (focus (f)));
  shoot (f, "visit-14-setup-error");
  gtk_editable_set_text (GTK_EDITABLE (find_row (window, _("Teacher PIN, again"))), PIN);
  g_assert_null (kns_setup_page_get_error (setup));

  if (!keyboard)
    {
      g_test_message ("no real key presses here: Tab and Enter not tried");
      return;
    }

  /* Tab from the top: every field it reaches is in view. */
  gtk_widget_grab_focus (kns_test_find_button (window, _("A school computer lab")));
  for (guint i = 0; i < 12 && focus (f) != start; i++)
    {
      kns_test_press_key (window, GDK_KEY_Tab, 0);
      kns_test_spin (100);
      g_assert_true (in_view (focus (f)));
    }
  g_assert_true (focus (f) == start);

  /* Enter in "Teacher PIN, again" starts. */
  gtk_widget_grab_focus (find_row (window, _("Teacher PIN, again")));
  kns_test_press_key (window, GDK_KEY_Return, 0);
  WAIT_FOR (g_strcmp0 (screen (f), "sign-in") == 0);
  g_assert_cmpint (kns_teacher_check_pin (f->store, PIN, NULL, NULL), ==, KNS_PIN_OK);
}

/* Item 9: the "Aa" popover with no compositor (as under openbox, and
 * here): plain and square, nothing drawn black around it. */
static void
test_text_size_popover (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (f->window);
  gint64 id = add_learner (f, "Sao Biển 3", 3);
  GtkWidget *button;
  GtkPopover *popover;
  gboolean plain = !gdk_display_is_composited (gtk_widget_get_display (window));
  const char *root_shot = g_getenv ("KNS_TEST_ROOT_SCREENSHOT");

  sign_in (f, id);
  gtk_widget_activate_action (window, "win.open-lesson", "s",
                              kns_lesson_get_id (kns_tier_get_lesson (tier_for_grade (f, 3), 0)));
  WAIT_FOR (g_strcmp0 (screen (f), "lesson") == 0);
  button = gtk_widget_get_ancestor (find_label (window, _("Aa")), GTK_TYPE_MENU_BUTTON);
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  kns_test_spin (300);

  /* What the X server shows, popover and all, for a person to look at
   * (KNS_TEST_ROOT_SCREENSHOT=FILE.png, with ImageMagick's import). */
  if (root_shot != NULL)
    {
      g_autoptr(GError) error = NULL;
      const char *argv[] = { "import", "-window", "root", root_shot, NULL };

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
    }
  g_assert_cmpint (gtk_widget_has_css_class (GTK_WIDGET (popover), "plain-popover"), ==, plain);
  g_assert_cmpint (gtk_popover_get_has_arrow (popover), ==, !plain);
  gtk_popover_popdown (popover);
}

static const Params small = { 1024, 768, KNS_SETUP_LAB };
static const Params large = { 1920, 1080, KNS_SETUP_LAB };
static const Params small_home = { 1024, 768, KNS_SETUP_HOME };
static const Params large_home = { 1920, 1080, KNS_SETUP_HOME };
static const Params small_new = { 1024, 768, NULL };
static const Params large_new = { 1920, 1080, NULL };

int
main (int   argc,
      char *argv[])
{
  kns_test_use_vietnamese ();

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/kns/visit/age-gate", Fixture, &small, fixture_set_up, test_age_gate, fixture_tear_down);
  g_test_add ("/kns/visit/age-gate/1920x1080", Fixture, &large, fixture_set_up, test_age_gate, fixture_tear_down);
  g_test_add ("/kns/visit/real-names", Fixture, &small, fixture_set_up, test_real_names, fixture_tear_down);
  g_test_add ("/kns/visit/real-names/1920x1080", Fixture, &large, fixture_set_up, test_real_names,
              fixture_tear_down);
  g_test_add ("/kns/visit/teacher-rename", Fixture, &small_home, fixture_set_up, test_teacher_rename,
              fixture_tear_down);
  g_test_add ("/kns/visit/teacher-rename/1920x1080", Fixture, &large_home, fixture_set_up,
              test_teacher_rename, fixture_tear_down);
  g_test_add ("/kns/visit/card-states", Fixture, &small, fixture_set_up, test_card_states, fixture_tear_down);
  g_test_add ("/kns/visit/card-states/1920x1080", Fixture, &large, fixture_set_up, test_card_states,
              fixture_tear_down);
  g_test_add ("/kns/visit/keyboard", Fixture, &small, fixture_set_up, test_keyboard, fixture_tear_down);
  g_test_add ("/kns/visit/keyboard/1920x1080", Fixture, &large, fixture_set_up, test_keyboard, fixture_tear_down);
  g_test_add ("/kns/visit/tier-switch", Fixture, &small, fixture_set_up, test_tier_switch, fixture_tear_down);
  g_test_add ("/kns/visit/guest", Fixture, &small, fixture_set_up, test_guest, fixture_tear_down);
  g_test_add ("/kns/visit/guest/1920x1080", Fixture, &large, fixture_set_up, test_guest, fixture_tear_down);
  g_test_add ("/kns/visit/big-screen", Fixture, &small, fixture_set_up, test_big_screen, fixture_tear_down);
  g_test_add ("/kns/visit/big-screen/1920x1080", Fixture, &large, fixture_set_up, test_big_screen,
              fixture_tear_down);
  g_test_add ("/kns/visit/setup", Fixture, &small_new, fixture_set_up, test_setup, fixture_tear_down);
  g_test_add ("/kns/visit/setup/1920x1080", Fixture, &large_new, fixture_set_up, test_setup, fixture_tear_down);
  g_test_add ("/kns/visit/text-size-popover", Fixture, &small, fixture_set_up, test_text_size_popover,
              fixture_tear_down);

  return g_test_run ();
}
