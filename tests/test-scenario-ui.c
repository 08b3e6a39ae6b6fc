/* test-scenario-ui.c — playing a scenario through the real widgets
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
 * A grade-4 child opens a scenario of the bundled course from home, plays
 * it to an unsafe ending, plays again to a safe one, leaves a third run
 * halfway to resume it after signing out, and finds a run cut off after
 * its last choice closed on opening, asserting what the store holds at
 * each step. Screenshots of the scenario screens, at 1024×768
 * and 1920×1080, go to KNS_SCREENSHOT_DIR, as test-student's do.
 */

#include "kns-config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "kns-home-page.h"
#include "kns-scenario-view.h"
#include "kns-sign-in-page.h"
#include "kns-store-scenario.h"
#include "kns-teacher.h"
#include "kns-test-util.h"
#include "kns-window.h"

typedef struct
{
  char      *data_dir;
  KnsStore  *store;
  KnsCourse *course;
  KnsWindow *window;
  gint64     learner_id;
  int        width;      /* of the window once shown */
} Fixture;

static gboolean
has_label (GtkWidget  *root,
           const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;
  return FALSE;
}

/* The label drawn on screen whose text is @text, or NULL. */
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

/* An ending highlights one button, the one its words point to, and
 * gives it the focus: "Play again" when it is not safe yet. */
static void
assert_main_button (Fixture  *f,
                    gboolean  safe)
{
  GtkWidget *replay = kns_test_find_button (GTK_WIDGET (f->window), _("Play again"));
  GtkWidget *home = kns_test_find_button (GTK_WIDGET (f->window), _("Back to my lessons"));
  GtkWidget *main_button = safe ? home : replay;
  GtkWidget *other = safe ? replay : home;

  g_assert_true (gtk_widget_has_css_class (main_button, "suggested-action"));
  g_assert_false (gtk_widget_has_css_class (other, "suggested-action"));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == main_button);
}

static const char *
screen (Fixture *f)
{
  return kns_screen_to_string (kns_window_get_screen (f->window));
}

static KnsScenarioView *
view (Fixture *f)
{
  return KNS_SCENARIO_VIEW (kns_window_get_page (f->window, "scenario"));
}

/* No scene, choice or debrief may widen the window beyond the screen. */
static void
screenshot (Fixture    *f,
            const char *name)
{
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), ==, f->width);
  kns_test_screenshot (GTK_WIDGET (f->window), name);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsLearner) learner = NULL;
  g_autofree char *content = g_test_build_filename (G_TEST_DIST, "..", "content", "vi", NULL);
  const int *size = data;

  f->data_dir = g_dir_make_tmp ("kns-scenario-ui-XXXXXX", &error);
  g_assert_no_error (error);
  f->store = kns_store_open (f->data_dir, &error);
  g_assert_no_error (error);
  learner = kns_store_add_learner (f->store, "Cú Mèo 4", "4A", 4, "owl", KNS_SEX_UNSTATED, &error);
  g_assert_no_error (error);
  g_assert_true (kns_teacher_set_setup (f->store, KNS_SETUP_LAB, NULL));
  f->learner_id = learner->id;
  f->course = kns_course_load (content, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kns_course_get_n_errors (f->course), ==, 0);

  f->window = kns_test_window_new (f->store, f->course, NULL, size[0], size[1]);
  WAIT_FOR (g_strcmp0 (screen (f), "sign-in") == 0);
  f->width = gtk_widget_get_width (GTK_WIDGET (f->window));
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

static void
sign_in (Fixture *f)
{
  KnsSignInPage *page = KNS_SIGN_IN_PAGE (kns_window_get_page (f->window, "sign-in"));

  kns_test_click (kns_sign_in_page_get_tile (page, f->learner_id));
  WAIT_FOR (g_strcmp0 (screen (f), "home") == 0);
}

/* The first scenario of the tier a grade-4 child learns. */
static KnsLesson *
first_scenario (Fixture *f)
{
  KnsTier *tier = kns_course_get_tier_for_grade (f->course, 4);

  for (guint i = 0; i < kns_tier_get_n_lessons (tier); i++)
    if (kns_lesson_get_scenario (kns_tier_get_lesson (tier, i)) != NULL)
      return kns_tier_get_lesson (tier, i);
  g_assert_not_reached ();
}

/* The choices of a shortest way from the start to an ending of @kind,
 * found breadth first. */
static GArray *
way_to (KnsScenario   *scenario,
        KnsEndingKind  kind)
{
  g_autoptr(GHashTable) came_from = g_hash_table_new (NULL, NULL); /* scene → Step */
  g_autoptr(GPtrArray) queue = g_ptr_array_new ();
  KnsScene *start = kns_scenario_get_start (scenario);
  GArray *way = g_array_new (FALSE, FALSE, sizeof (guint));

  g_ptr_array_add (queue, start);
  g_hash_table_insert (came_from, start, NULL);
  for (guint i = 0; i < queue->len; i++)
    {
      KnsScene *scene = g_ptr_array_index (queue, i);

      if (scene->ending == kind)
        {
          /* Walk back: each scene remembers its parent and the choice. */
          while (scene != start)
            {
              KnsScene *parent = g_hash_table_lookup (came_from, scene);

              for (guint c = 0; c < parent->choices->len; c++)
                if (kns_scene_follow (parent, c) == scene)
                  {
                    g_array_prepend_val (way, c);
                    break;
                  }
              scene = parent;
            }
          return way;
        }

      for (guint c = 0; c < scene->choices->len; c++)
        {
          KnsScene *next = kns_scene_follow (scene, c);

          if (g_hash_table_contains (came_from, next))
            continue;
          g_hash_table_insert (came_from, next, scene);
          g_ptr_array_add (queue, next);
        }
    }
  g_assert_not_reached ();
}

/* Presses the choices of @way, from the scene on screen. */
static void
play (Fixture *f,
      GArray  *way,
      guint    from)
{
  for (guint i = from; i < way->len; i++)
    {
      GtkWidget *button = kns_scenario_view_get_choice (view (f), g_array_index (way, guint, i));

      /* Big enough for a child's finger, once laid out. */
      WAIT_FOR (gtk_widget_get_height (button) > 0);
      g_assert_cmpint (gtk_widget_get_height (button), >=, 48);
      kns_test_click (button);
      g_assert_cmpuint (kns_scenario_view_get_n_steps (view (f)), ==, i + 1);
    }
}

/* The finished run the store holds last, checked against @way. */
static void
assert_last_run (Fixture     *f,
                 KnsLesson   *lesson,
                 GArray      *way,
                 gboolean     safe)
{
  g_autoptr(KnsAttempt) run = kns_store_get_last_attempt (f->store, f->learner_id,
                                                          kns_lesson_get_id (lesson), NULL);
  KnsScene *scene = kns_scenario_get_start (kns_lesson_get_scenario (lesson));
  KnsAnswer *ending;

  g_assert_nonnull (run);
  g_assert_cmpint (run->finished, >, 0);
  g_assert_cmpstr (run->lesson_version, ==, kns_lesson_get_version (lesson));
  g_assert_cmpuint (run->score, ==, safe ? 100 : 0);
  g_assert_cmpint (run->passed, ==, safe);
  g_assert_cmpuint (run->answers->len, ==, way->len + 1);

  /* A choice an answer: the scene, and the choice as a one-bit mask. */
  for (guint i = 0; i < way->len; i++)
    {
      KnsAnswer *answer = g_ptr_array_index (run->answers, i);
      guint choice = g_array_index (way, guint, i);

      g_assert_cmpstr (answer->question_id, ==, scene->id);
      g_assert_cmpuint (answer->chosen, ==, 1u << choice);
      scene = kns_scene_follow (scene, choice);
    }

  /* Then the ending reached. */
  ending = g_ptr_array_index (run->answers, way->len);
  g_assert_cmpstr (ending->question_id, ==, scene->id);
  g_assert_cmpint (ending->correct, ==, safe);
  g_assert_cmpstr (kns_scenario_view_get_scene_id (view (f)), ==, scene->id);
}

static void
test_safe_and_unsafe (Fixture       *f,
                      gconstpointer  data)
{
  KnsHomePage *home = KNS_HOME_PAGE (kns_window_get_page (f->window, "home"));
  KnsLesson *lesson = first_scenario (f);
  KnsScenario *scenario = kns_lesson_get_scenario (lesson);
  g_autoptr(GArray) unsafe = way_to (scenario, KNS_ENDING_UNSAFE);
  g_autoptr(GArray) safe = way_to (scenario, KNS_ENDING_SAFE);
  g_autoptr(KnsProgress) progress = NULL;
  g_autofree char *counts = NULL;
  g_autoptr(GtkWidget) back = NULL;
  GtkWidget *card;

  sign_in (f);

  /* Home: the scenario's card, marked as one, in course order. */
  card = kns_home_page_get_lesson_card (home, kns_lesson_get_id (lesson));
  g_assert_nonnull (card);
  g_assert_true (has_label (card, _("Scenario")));
  g_assert_true (has_label (card, C_("scenario state", "Not started")));
  gtk_widget_grab_focus (card);
  screenshot (f, "40-home-scenario-card");

  /* The first scene; nothing is stored until the first choice. */
  kns_test_click (card);
  WAIT_FOR (g_strcmp0 (screen (f), "scenario") == 0);
  g_assert_cmpstr (kns_scenario_view_get_scene_id (view (f)), ==, kns_scenario_get_start (scenario)->id);
  g_assert_cmpint (kns_scenario_view_get_attempt_id (view (f)), ==, 0);
  screenshot (f, "41-scenario-first-scene");

  /* The unsafe way: each choice is in the store at once. */
  g_assert_cmpuint (unsafe->len, >=, 2);
  play (f, unsafe, 0);
  screenshot (f, "43-scenario-unsafe-ending");
  assert_main_button (f, FALSE);
  assert_last_run (f, lesson, unsafe, FALSE);
  progress = kns_store_get_progress (f->store, f->learner_id, kns_lesson_get_id (lesson), NULL);
  g_assert_cmpint (progress->state, ==, KNS_LESSON_DONE);
  g_assert_cmpint (progress->best_score, ==, 0);
  g_clear_pointer (&progress, kns_progress_free);
  g_assert_cmpstr ((counts = kns_test_tally (f->store, kns_lesson_get_id (lesson))), ==, "1/1/0/0");
  g_clear_pointer (&counts, g_free);

  /* Play again, the safe way; the first choice shows "what happened next". */
  back = g_object_ref (kns_test_find_button (GTK_WIDGET (f->window), _("Back to my lessons")));
  kns_test_click (kns_test_find_button (GTK_WIDGET (f->window), _("Play again")));
  g_assert_cmpstr (kns_scenario_view_get_scene_id (view (f)), ==, kns_scenario_get_start (scenario)->id);
  /* The debrief is gone for a screen reader too, not only folded away. */
  WAIT_FOR (!gtk_widget_is_visible (back));
  g_assert_cmpuint (kns_scenario_view_get_n_steps (view (f)), ==, 0);
  play (f, safe, 0);
  screenshot (f, "44-scenario-safe-ending");
  assert_main_button (f, TRUE);
  assert_last_run (f, lesson, safe, TRUE);
  progress = kns_store_get_progress (f->store, f->learner_id, kns_lesson_get_id (lesson), NULL);
  g_assert_cmpint (progress->best_score, ==, 100);

  /* Counted once as a completion, twice as an attempt. */
  g_assert_cmpstr ((counts = kns_test_tally (f->store, kns_lesson_get_id (lesson))), ==, "1/2/100/1");

  kns_test_click (kns_test_find_button (GTK_WIDGET (f->window), _("Back to my lessons")));
  WAIT_FOR (g_strcmp0 (screen (f), "home") == 0);
  card = kns_home_page_get_lesson_card (home, kns_lesson_get_id (lesson));
  g_assert_true (has_label (card, _("Finished · safe ending")));
}

static void
test_resume_after_sign_out (Fixture       *f,
                            gconstpointer  data)
{
  KnsHomePage *home = KNS_HOME_PAGE (kns_window_get_page (f->window, "home"));
  KnsSignInPage *sign_in_page = KNS_SIGN_IN_PAGE (kns_window_get_page (f->window, "sign-in"));
  KnsLesson *lesson = first_scenario (f);
  KnsScenario *scenario = kns_lesson_get_scenario (lesson);
  g_autoptr(GArray) way = way_to (scenario, KNS_ENDING_UNSAFE);
  g_autoptr(KnsAttempt) open = NULL;
  g_autofree char *second = NULL;

  sign_in (f);
  kns_test_click (kns_home_page_get_lesson_card (home, kns_lesson_get_id (lesson)));
  WAIT_FOR (g_strcmp0 (screen (f), "scenario") == 0);

  /* One choice, and the child leaves: the choice is stored. */
  g_array_set_size (way, 1);
  play (f, way, 0);
  second = g_strdup (kns_scenario_view_get_scene_id (view (f)));
  screenshot (f, "42-scenario-what-happened-next");

  /* What the child chose, recalled above the next scene, is read as
   * easily as the rest (WCAG asks 4.5:1; dimmed, it was 3.2:1). */
  {
    KnsScene *start = kns_scenario_get_start (scenario);
    g_autofree char *chosen = g_strdup_printf (_("You chose: “%s”"),
                                               ((KnsChoice *) g_ptr_array_index (start->choices,
                                                                                 g_array_index (way, guint, 0)))->text);
    g_autoptr(GdkTexture) shot = kns_test_render (GTK_WIDGET (f->window));
    GtkWidget *recap = find_label (GTK_WIDGET (view (f)), chosen);
    double contrast;

    g_assert_nonnull (recap);
    contrast = kns_test_text_contrast (shot, GTK_WIDGET (f->window), recap);
    g_test_message ("the choice recalled: contrast %.1f:1", contrast);
    g_assert_cmpfloat (contrast, >=, 4.5);
  }
  open = kns_store_get_open_attempt (f->store, f->learner_id, kns_lesson_get_id (lesson),
                                     kns_lesson_get_version (lesson), NULL);
  g_assert_nonnull (open);
  g_assert_cmpuint (open->answers->len, ==, 1);

  kns_test_click (kns_test_find_button (GTK_WIDGET (f->window), _("Switch learner")));
  WAIT_FOR (g_strcmp0 (screen (f), "sign-in") == 0);
  /* The next child sees nothing of it. */
  g_assert_null (kns_scenario_view_get_scene_id (view (f)));

  /* Back in: "continue" offers the scenario and resumes at the same scene. */
  kns_test_click (kns_sign_in_page_get_tile (sign_in_page, f->learner_id));
  WAIT_FOR (g_strcmp0 (screen (f), "home") == 0);
  g_assert_cmpstr (kns_home_page_get_continue_id (home), ==, kns_lesson_get_id (lesson));
  g_assert_true (has_label (kns_home_page_get_lesson_card (home, kns_lesson_get_id (lesson)), C_("scenario state", "In progress")));
  kns_test_click (kns_test_find_button (GTK_WIDGET (f->window), kns_lesson_get_title (lesson)));
  WAIT_FOR (g_strcmp0 (screen (f), "scenario") == 0);
  g_assert_cmpstr (kns_scenario_view_get_scene_id (view (f)), ==, second);
  g_assert_cmpuint (kns_scenario_view_get_n_steps (view (f)), ==, 1);
  g_assert_cmpint (kns_scenario_view_get_attempt_id (view (f)), ==, open->id);

  /* The rest of the way ends the same run. */
  g_array_unref (g_steal_pointer (&way));
  way = way_to (scenario, KNS_ENDING_UNSAFE);
  play (f, way, 1);
  assert_last_run (f, lesson, way, FALSE);
  g_assert_null (kns_store_get_open_attempt (f->store, f->learner_id, kns_lesson_get_id (lesson),
                                             kns_lesson_get_version (lesson), NULL));

  /* Help, from here, and back to the same ending. */
  kns_test_click (kns_test_find_button (GTK_WIDGET (f->window), _("Need help?")));
  WAIT_FOR (g_strcmp0 (screen (f), "help") == 0);
  kns_test_click (kns_test_find_button (GTK_WIDGET (f->window), _("Go back")));
  WAIT_FOR (g_strcmp0 (screen (f), "scenario") == 0);
}

/* A crash after the last choice, before the ending was stored: opening
 * the scenario again shows that ending and closes the run. */
static void
test_crash_before_ending (Fixture       *f,
                          gconstpointer  data)
{
  KnsLesson *lesson = first_scenario (f);
  KnsScenario *scenario = kns_lesson_get_scenario (lesson);
  g_autoptr(GArray) way = way_to (scenario, KNS_ENDING_SAFE);
  g_autoptr(KnsAttempt) run = NULL;
  g_autoptr(GError) error = NULL;
  KnsScene *scene = kns_scenario_get_start (scenario);

  run = kns_store_start_scenario (f->store, f->learner_id, kns_lesson_get_id (lesson),
                                  kns_lesson_get_version (lesson), 2, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < way->len; i++)
    {
      g_assert_true (kns_store_record_choice (f->store, run->id, scene->id,
                                              g_array_index (way, guint, i), &error));
      scene = kns_scene_follow (scene, g_array_index (way, guint, i));
    }

  sign_in (f);
  /* Opened as a lesson would be, it still plays as a scenario. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-lesson", "s",
                                             kns_lesson_get_id (lesson)));
  WAIT_FOR (g_strcmp0 (screen (f), "scenario") == 0);
  g_assert_cmpstr (kns_scenario_view_get_scene_id (view (f)), ==, scene->id);
  assert_last_run (f, lesson, way, TRUE);
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

  g_test_add ("/kns/scenario-ui/safe-and-unsafe/1024x768", Fixture, small,
              fixture_set_up, test_safe_and_unsafe, fixture_tear_down);
  g_test_add ("/kns/scenario-ui/safe-and-unsafe/1920x1080", Fixture, large,
              fixture_set_up, test_safe_and_unsafe, fixture_tear_down);
  g_test_add ("/kns/scenario-ui/resume-after-sign-out/1024x768", Fixture, small,
              fixture_set_up, test_resume_after_sign_out, fixture_tear_down);
  g_test_add ("/kns/scenario-ui/resume-after-sign-out/1920x1080", Fixture, large,
              fixture_set_up, test_resume_after_sign_out, fixture_tear_down);

  g_test_add ("/kns/scenario-ui/crash-before-ending", Fixture, small,
              fixture_set_up, test_crash_before_ending, fixture_tear_down);

  return g_test_run ();
}
