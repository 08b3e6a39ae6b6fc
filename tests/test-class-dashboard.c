/* test-class-dashboard.c — a class halfway through the course, as the
 * teacher sees it in teacher mode, at 1920×1080
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
 * Eight pupils of class 4A have read, answered and got things wrong in
 * the bundled tier-2 lessons. The dashboard must show all of them, each
 * lesson's figures and the hardest questions; its screenshot is the one
 * the AppStream metainfo shows (data/screenshots/teacher-dashboard.png).
 * Its grid must be honest (a quiz below the pass mark is not passed, in a
 * mark and in words), number its columns as the pupils see them, name
 * them, and fit at 1024 px with the pupils' names in view.
 */

#include "kns-config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "kns-dashboard.h"
#include "kns-dashboard-panel.h"
#include "kns-home-page.h"
#include "kns-teacher.h"
#include "kns-teacher-page.h"
#include "kns-test-util.h"
#include "kns-window.h"

#define PIN "246810"
#define GRADE 4

static const struct
{
  const char *nickname;
  const char *avatar;
  guint       n_lessons; /* how far in the tier they went */
} pupils[] = {
  { "Cá Heo 3", "dolphin", 6 },
  { "Cú Mèo 2", "owl", 5 },
  { "Ếch Xanh", "frog", 2 },
  { "Gấu Nâu 5", "bear", 4 },
  { "Mèo Con 4", "cat", 6 },
  { "Rùa Chậm 9", "turtle", 1 },
  { "Sư Tử 7", "lion", 3 },
  { "Thỏ Ngọc", "rabbit", 5 },
};

typedef struct
{
  char      *dir;
  KnsStore  *store;
  KnsCourse *course;
  KnsWindow *window;
  GSettings *settings;
  gint64     first_pupil;
} Fixture;

typedef struct
{
  int   width;
  int   height;
  guint pass_mark; /* set in GSettings before teacher mode opens */
} Setup;

/* Pupil @p's answer to question @q: mostly right, never all the same. */
static gboolean
answers_right (guint p,
               guint q)
{
  return (p * 7 + q * 3) % 5 != 0;
}

static void
take_quiz (Fixture   *f,
           gint64     learner,
           KnsLesson *lesson,
           guint      p)
{
  KnsQuiz *quiz = kns_lesson_get_quiz (lesson);
  guint n = kns_quiz_get_n_questions (quiz);
  g_autoptr(KnsAttempt) attempt = NULL;
  g_autoptr(KnsAttempt) finished = NULL;

  attempt = kns_store_start_attempt (f->store, learner, kns_lesson_get_id (lesson),
                                     kns_lesson_get_version (lesson), kns_lesson_get_tier (lesson),
                                     n, NULL);
  g_assert_nonnull (attempt);
  for (guint q = 0; q < n; q++)
    {
      KnsQuestion *question = kns_quiz_get_question (quiz, q);
      gboolean right = answers_right (p, q);
      guint32 wrong_mask = kns_question_all_options (question) & ~question->correct_mask;
      /* Wrong means the first wrong option. */
      guint32 chosen = right || wrong_mask == 0 ? question->correct_mask : (wrong_mask & -wrong_mask);

      g_assert_true (kns_store_record_answer (f->store, attempt->id, question->id, chosen,
                                              kns_question_is_correct (question, chosen), NULL));
    }
  finished = kns_store_finish_attempt (f->store, attempt->id, 70, NULL);
  g_assert_nonnull (finished);
}

/* Pupil @p reads the first lessons of the tier and takes their quizzes;
 * scenarios stay unplayed. */
static gint64
follow_course (Fixture *f,
               KnsTier *tier,
               guint    p)
{
  g_autoptr(KnsLearner) learner = kns_store_add_learner (f->store, pupils[p].nickname, "4A", GRADE,
                                                         pupils[p].avatar, KNS_SEX_UNSTATED, NULL);
  guint done = 0;

  g_assert_nonnull (learner);
  for (guint i = 0; i < kns_tier_get_n_lessons (tier) && done < pupils[p].n_lessons; i++)
    {
      KnsLesson *lesson = kns_tier_get_lesson (tier, i);

      if (kns_lesson_get_scenario (lesson) != NULL)
        continue;
      if (kns_lesson_get_quiz (lesson) != NULL)
        take_quiz (f, learner->id, lesson, p);
      else
        g_assert_true (kns_store_complete_reading (f->store, learner->id, kns_lesson_get_id (lesson),
                                                   kns_lesson_get_version (lesson),
                                                   kns_lesson_get_tier (lesson), NULL));
      done++;
    }
  return learner->id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *content = g_test_build_filename (G_TEST_DIST, "..", "content", "vi", NULL);
  const Setup *setup = data;
  KnsTier *tier;

  f->dir = g_dir_make_tmp ("kns-class-dashboard-XXXXXX", &error);
  g_assert_no_error (error);
  f->store = kns_store_open (f->dir, &error);
  g_assert_no_error (error);
  f->course = kns_course_load (content, NULL, NULL);
  g_assert_nonnull (f->course);
  g_assert_true (kns_teacher_set_setup (f->store, KNS_SETUP_LAB, NULL));
  g_assert_true (kns_teacher_set_pin (f->store, PIN, NULL));

  tier = kns_course_get_tier_for_grade (f->course, GRADE);
  g_assert_nonnull (tier);
  for (guint p = 0; p < G_N_ELEMENTS (pupils); p++)
    {
      gint64 id = follow_course (f, tier, p);

      if (p == 0)
        f->first_pupil = id;
    }

  f->settings = g_settings_new (APP_ID);
  g_settings_set_uint (f->settings, "pass-mark", setup->pass_mark);
  f->window = kns_test_window_new (f->store, f->course, f->settings, setup->width, setup->height);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_settings_reset (f->settings, "pass-mark");
  g_clear_object (&f->settings);
  g_clear_object (&f->course);
  g_clear_object (&f->store);
  kns_test_remove_tree (f->dir);
  g_free (f->dir);
}

static void
enter_dashboard (Fixture *f)
{
  KnsTeacherPage *teacher = KNS_TEACHER_PAGE (kns_window_get_page (f->window, "teacher"));
  AdwMessageDialog *dialog;

  kns_test_click (kns_test_find_button (GTK_WIDGET (f->window), _("Teacher")));
  WAIT_FOR ((dialog = kns_test_find_message_dialog ()) != NULL);
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), PIN);
  kns_test_respond (dialog, _("Open"));
  WAIT_FOR (g_strcmp0 (kns_screen_to_string (kns_window_get_screen (f->window)), "teacher") == 0);
  kns_teacher_page_set_panel (teacher, "dashboard");
}

static KnsDashboardPanel *
dashboard_panel (Fixture *f)
{
  KnsTeacherPage *teacher = KNS_TEACHER_PAGE (kns_window_get_page (f->window, "teacher"));

  return KNS_DASHBOARD_PANEL (kns_teacher_page_get_panel (teacher, "dashboard"));
}

static void
test_class_dashboard (Fixture       *f,
                      gconstpointer  data)
{
  KnsDashboard *dashboard;
  guint n_done_by_all = 0;

  enter_dashboard (f);
  dashboard = kns_dashboard_panel_get_dashboard (dashboard_panel (f));
  g_assert_nonnull (dashboard);

  /* The whole class, a lesson everyone finished, and the questions
   * pupils got wrong. */
  g_assert_cmpstr (dashboard->class_label, ==, "4A");
  g_assert_cmpuint (dashboard->learners->len, ==, G_N_ELEMENTS (pupils));
  for (guint l = 0; l < dashboard->lessons->len; l++)
    if (dashboard->summaries[l].n_done == G_N_ELEMENTS (pupils))
      n_done_by_all++;
  g_assert_cmpuint (n_done_by_all, >=, 1);
  g_assert_cmpuint (dashboard->hard_questions->len, >, 0);

  kns_test_spin (200);
  kns_test_screenshot (GTK_WIDGET (f->window), "50-class-dashboard");
}

/* A label inside @root whose text is @text, or NULL. */
static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
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

/* The teacher's "B5" is what the pupil's home page calls "Bài 5"; each
 * column carries the lesson's title, and its tooltip the competences it
 * covers with their names. */
static void
test_columns (Fixture       *f,
              gconstpointer  data)
{
  KnsTier *tier = kns_course_get_tier_for_grade (f->course, GRADE);
  KnsHomePage *home = KNS_HOME_PAGE (kns_window_get_page (f->window, "home"));
  KnsDashboard *dashboard;
  guint lessons = 0, scenarios = 0, fifth = G_MAXUINT;

  /* The pupil's own numbers, from the home page. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.sign-in", "x", f->first_pupil);
  WAIT_FOR (g_strcmp0 (kns_screen_to_string (kns_window_get_screen (f->window)), "home") == 0);
  for (guint i = 0; i < kns_tier_get_n_lessons (tier); i++)
    {
      KnsLesson *lesson = kns_tier_get_lesson (tier, i);

      if (kns_lesson_get_scenario (lesson) == NULL && ++lessons == 5)
        {
          g_autofree char *shown = g_strdup_printf (_("Lesson %u"), 5);

          fifth = i;
          g_assert_nonnull (find_label (kns_home_page_get_lesson_card (home, kns_lesson_get_id (lesson)), shown));
        }
    }
  g_assert_cmpuint (fifth, !=, G_MAXUINT);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.sign-out", NULL);
  WAIT_FOR (g_strcmp0 (kns_screen_to_string (kns_window_get_screen (f->window)), "sign-in") == 0);

  enter_dashboard (f);
  dashboard = kns_dashboard_panel_get_dashboard (dashboard_panel (f));
  g_assert_cmpuint (dashboard->lessons->len, ==, kns_tier_get_n_lessons (tier));

  lessons = 0;
  for (guint l = 0; l < dashboard->lessons->len; l++)
    {
      KnsLesson *lesson = g_ptr_array_index (dashboard->lessons, l);
      GtkWidget *head = kns_dashboard_panel_get_column_head (dashboard_panel (f), l);
      gboolean scenario = kns_lesson_get_scenario (lesson) != NULL;
      g_autofree char *code = scenario ? g_strdup_printf (_("S%u"), ++scenarios)
                                       : g_strdup_printf (_("L%u"), ++lessons);
      const char *tooltip = gtk_widget_get_tooltip_text (head);
      const char * const *competences = kns_lesson_get_competences (lesson);

      g_assert_nonnull (head);
      g_assert_nonnull (find_label (head, code));
      g_assert_nonnull (find_label (head, kns_lesson_get_title (lesson)));
      g_assert_nonnull (strstr (tooltip, kns_lesson_get_title (lesson)));
      for (guint c = 0; competences[c] != NULL; c++)
        {
          g_autofree char *named = g_strdup_printf ("%s %s", competences[c], kns_competence_get_name (competences[c]));

          g_assert_nonnull (strstr (tooltip, named));
        }
      if (l == fifth)
        g_assert_cmpstr (code, ==, "B5");
    }
  g_assert_cmpuint (scenarios, >=, 1);
  /* TT 02/2025's names, in Vietnamese. */
  g_assert_cmpstr (kns_competence_get_name ("4.2"), ==, "Bảo vệ dữ liệu cá nhân và quyền riêng tư");
}

/* Passed, not yet passed, begun and not started, told apart by a mark
 * and by words, never by colour alone; at the settings' pass mark. */
static void
test_honest_cells (Fixture       *f,
                   gconstpointer  data)
{
  const Setup *setup = data;
  KnsDashboard *dashboard;
  guint seen[4] = { 0 };

  enter_dashboard (f);
  dashboard = kns_dashboard_panel_get_dashboard (dashboard_panel (f));
  g_assert_cmpuint (dashboard->pass_mark, ==, setup->pass_mark);

  for (guint r = 0; r < dashboard->learners->len; r++)
    for (guint l = 0; l < dashboard->lessons->len; l++)
      {
        const KnsDashboardCell *cell = kns_dashboard_get_cell (dashboard, r, l);
        GtkWidget *label = kns_dashboard_panel_get_cell (dashboard_panel (f), r, l);
        const char *text = gtk_label_get_text (GTK_LABEL (label));
        const char *tooltip = gtk_widget_get_tooltip_text (label);
        gboolean quiz = cell->state == KNS_LESSON_DONE && cell->best_score >= 0;

        seen[cell->outcome]++;
        switch (cell->outcome)
          {
          case KNS_OUTCOME_PASSED:
            g_assert_true (!quiz || (guint) cell->best_score >= setup->pass_mark);
            g_assert_true (gtk_widget_has_css_class (label, "state-passed"));
            g_assert_true (g_str_has_prefix (text, "✓"));
            g_assert_true (g_str_has_prefix (tooltip, _("Passed")));
            break;
          case KNS_OUTCOME_NOT_PASSED:
            g_assert_true (quiz && (guint) cell->best_score < setup->pass_mark);
            g_assert_true (gtk_widget_has_css_class (label, "state-not-passed"));
            g_assert_true (g_str_has_prefix (text, "✗"));
            g_assert_true (g_str_has_prefix (tooltip, _("Not passed yet")));
            break;
          case KNS_OUTCOME_IN_PROGRESS:
            g_assert_true (gtk_widget_has_css_class (label, "state-started"));
            g_assert_cmpstr (text, ==, "…");
            break;
          case KNS_OUTCOME_NOT_STARTED:
          default:
            g_assert_true (gtk_widget_has_css_class (label, "state-new"));
            g_assert_cmpstr (text, ==, "–");
            g_assert_cmpstr (tooltip, ==, _("Not started"));
            break;
          }
      }
  g_test_message ("pass mark %u: %u passed, %u not yet, %u begun, %u not started", setup->pass_mark,
                  seen[KNS_OUTCOME_PASSED], seen[KNS_OUTCOME_NOT_PASSED], seen[KNS_OUTCOME_IN_PROGRESS],
                  seen[KNS_OUTCOME_NOT_STARTED]);
  g_assert_cmpuint (seen[KNS_OUTCOME_PASSED], >, 0);
  g_assert_cmpuint (seen[KNS_OUTCOME_NOT_STARTED], >, 0);
  /* The class has 67 % scores: below 70, above 60. */
  if (setup->pass_mark == 70)
    g_assert_cmpuint (seen[KNS_OUTCOME_NOT_PASSED], >, 0);
  else
    g_assert_cmpuint (seen[KNS_OUTCOME_NOT_PASSED], ==, 0);
}

/* At 1024 px the lessons scroll sideways and the names stay in view. */
static void
test_fits (Fixture       *f,
           gconstpointer  data)
{
  const Setup *setup = data;
  GtkWidget *window = GTK_WIDGET (f->window);
  GtkScrolledWindow *scroller;
  GtkAdjustment *hadjustment;
  KnsDashboard *dashboard;
  GtkWidget *name, *last;
  graphene_rect_t before, after, last_bounds;
  g_autofree char *shot = NULL;

  enter_dashboard (f);
  kns_test_spin (200);
  dashboard = kns_dashboard_panel_get_dashboard (dashboard_panel (f));
  scroller = kns_dashboard_panel_get_matrix_scroller (dashboard_panel (f));
  hadjustment = gtk_scrolled_window_get_hadjustment (scroller);
  name = kns_dashboard_panel_get_name_cell (dashboard_panel (f), 0);
  last = kns_dashboard_panel_get_column_head (dashboard_panel (f), dashboard->lessons->len - 1);
  WAIT_FOR (gtk_widget_get_width (GTK_WIDGET (dashboard_panel (f))) > 0 && gtk_widget_get_mapped (name));

  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (dashboard_panel (f))), <=, gtk_widget_get_width (window));
  g_assert_true (gtk_widget_compute_bounds (name, window, &before));
  g_assert_cmpfloat (before.origin.x, >=, 0);
  g_test_message ("%d px: the lessons are %.0f px wide in %.0f px", setup->width,
                  gtk_adjustment_get_upper (hadjustment), gtk_adjustment_get_page_size (hadjustment));
  if (setup->width <= 1024)
    g_assert_cmpfloat (gtk_adjustment_get_upper (hadjustment), >, gtk_adjustment_get_page_size (hadjustment));
  shot = g_strdup_printf ("51-class-dashboard-%d", setup->width);
  kns_test_screenshot (window, shot);

  /* To the last lesson: it comes into view, the names do not move. */
  gtk_adjustment_set_value (hadjustment, gtk_adjustment_get_upper (hadjustment));
  kns_test_spin (200);
  g_assert_true (gtk_widget_compute_bounds (name, window, &after));
  g_assert_cmpfloat_with_epsilon (after.origin.x, before.origin.x, 0.5);
  g_assert_true (gtk_widget_compute_bounds (last, window, &last_bounds));
  g_assert_cmpfloat (last_bounds.origin.x + last_bounds.size.width, <=, gtk_widget_get_width (window));
  g_free (shot);
  shot = g_strdup_printf ("52-class-dashboard-%d-scrolled", setup->width);
  kns_test_screenshot (window, shot);

  /* The keyboard gets there too: each column title takes the focus. */
  gtk_adjustment_set_value (hadjustment, 0);
  kns_test_spin (200);
  g_assert_true (gtk_widget_get_focusable (last));
  g_assert_true (gtk_widget_grab_focus (last));
  kns_test_spin (200);
  WAIT_FOR (gtk_adjustment_get_value (hadjustment) > 0 || gtk_adjustment_get_upper (hadjustment) <=
                                                            gtk_adjustment_get_page_size (hadjustment));
}

static const Setup large = { 1920, 1080, 70 };
static const Setup small = { 1024, 768, 70 };
static const Setup lenient = { 1024, 768, 60 };

int
main (int   argc,
      char *argv[])
{
  kns_test_use_vietnamese ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/kns/class-dashboard/halfway", Fixture, &large,
              fixture_set_up, test_class_dashboard, fixture_tear_down);
  g_test_add ("/kns/class-dashboard/columns", Fixture, &small,
              fixture_set_up, test_columns, fixture_tear_down);
  g_test_add ("/kns/class-dashboard/honest-cells", Fixture, &small,
              fixture_set_up, test_honest_cells, fixture_tear_down);
  g_test_add ("/kns/class-dashboard/honest-cells/pass-mark-60", Fixture, &lenient,
              fixture_set_up, test_honest_cells, fixture_tear_down);
  g_test_add ("/kns/class-dashboard/fits/1024x768", Fixture, &small,
              fixture_set_up, test_fits, fixture_tear_down);
  g_test_add ("/kns/class-dashboard/fits/1920x1080", Fixture, &large,
              fixture_set_up, test_fits, fixture_tear_down);

  return g_test_run ();
}
