/* test-teacher-mode.c — first-run set-up, the PIN, the kiosk, idle
 * sign-out, class sessions and the panels, through the real widgets
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

#include <adwaita.h>
#include <glib/gi18n.h>

#include "kns-application.h"
#include "kns-dashboard-panel.h"
#include "kns-learners-panel.h"
#include "kns-quiz-view.h"
#include "kns-report-page.h"
#include "kns-sessions-panel.h"
#include "kns-setup-page.h"
#include "kns-sign-in-page.h"
#include "kns-teacher-page.h"
#include "kns-teacher.h"
#include "kns-test-util.h"
#include "kns-window.h"

#define PIN "246810"

typedef struct
{
  char      *dir;
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

static void
open_window (Fixture *f)
{
  f->window = kns_test_window_new (f->store, f->course, NULL, 1024, 768);
}

/* A fresh store; @data says whether to set the school up already. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *content = g_test_build_filename (G_TEST_DIST, "..", "content", "vi", NULL);

  f->dir = g_dir_make_tmp ("kns-teacher-mode-XXXXXX", &error);
  g_assert_no_error (error);
  f->store = kns_store_open (f->dir, &error);
  g_assert_no_error (error);
  f->course = kns_course_load (content, NULL, NULL);

  if (GPOINTER_TO_INT (data))
    {
      g_autoptr(KnsLearner) learner = NULL;

      g_assert_true (kns_teacher_set_setup (f->store, KNS_SETUP_LAB, NULL));
      g_assert_true (kns_teacher_set_pin (f->store, PIN, NULL));
      g_assert_true (kns_store_set_setting (f->store, KNS_STORE_SETTING_SCHOOL_NAME, "Trường Tiểu học Hòa Bình", NULL));
      learner = kns_store_add_learner (f->store, "Mèo Con 7", "2A", 2, "cat", KNS_SEX_UNSTATED, NULL);
      f->learner_id = learner->id;
    }
  open_window (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->course);
  g_clear_object (&f->store);
  kns_test_remove_tree (f->dir);
  g_free (f->dir);
}

/* Types @pin in the PIN dialog and presses "Open". */
static void
give_pin (const char *pin)
{
  AdwMessageDialog *dialog;

  WAIT_FOR ((dialog = kns_test_find_message_dialog ()) != NULL);
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), pin);
  kns_test_respond (dialog, _("Open"));
  kns_test_spin (100);
}

static void
enter_teacher_mode (Fixture *f)
{
  kns_test_click (kns_test_find_button (GTK_WIDGET (f->window), _("Teacher")));
  give_pin (PIN);
  WAIT_FOR (g_strcmp0 (screen (f), "teacher") == 0);
}

static void
test_first_run (Fixture       *f,
                gconstpointer  data)
{
  KnsSetupPage *page = KNS_SETUP_PAGE (kns_window_get_page (f->window, "setup"));
  g_autofree char *school = NULL;

  /* A new computer asks what it is for, before anything else. */
  g_assert_cmpstr (screen (f), ==, "setup");
  kns_setup_page_choose (page, KNS_SETUP_LAB);
  kns_test_screenshot (GTK_WIDGET (f->window), "20-setup");

  /* Two different PINs: refused, with a reason, and nothing saved. */
  kns_setup_page_set_fields (page, "Trường THCS Lê Lợi", "Phường Hòa Bình, tỉnh Đắk Lắk", PIN, "246811");
  g_assert_false (kns_setup_page_finish (page));
  g_assert_nonnull (kns_setup_page_get_error (page));
  g_assert_null (kns_teacher_get_setup (f->store));
  g_assert_false (kns_teacher_has_pin (f->store));

  /* Too short a PIN: refused. */
  kns_setup_page_set_fields (page, "Trường THCS Lê Lợi", "Phường Hòa Bình, tỉnh Đắk Lắk", "1234", "1234");
  g_assert_false (kns_setup_page_finish (page));

  kns_setup_page_set_fields (page, "Trường THCS Lê Lợi", "Phường Hòa Bình, tỉnh Đắk Lắk", PIN, PIN);
  kns_test_click (kns_test_find_button (GTK_WIDGET (f->window), _("Start")));
  WAIT_FOR (g_strcmp0 (screen (f), "sign-in") == 0);

  school = kns_store_get_setting (f->store, KNS_STORE_SETTING_SCHOOL_NAME, NULL);
  g_assert_cmpstr (school, ==, "Trường THCS Lê Lợi");
  g_assert_cmpint (kns_teacher_check_pin (f->store, PIN, NULL, NULL), ==, KNS_PIN_OK);
  g_assert_nonnull (kns_test_find_button (GTK_WIDGET (f->window), _("I am new")));
}

static void
test_anonymous_lab (Fixture       *f,
                    gconstpointer  data)
{
  KnsSetupPage *page = KNS_SETUP_PAGE (kns_window_get_page (f->window, "setup"));

  kns_setup_page_choose (page, KNS_SETUP_LAB_ANONYMOUS);
  kns_setup_page_set_fields (page, "Trường Tiểu học Kim Đồng", "Xã Tân Lập, tỉnh Phú Thọ", PIN, PIN);
  g_assert_true (kns_setup_page_finish (page));
  WAIT_FOR (g_strcmp0 (screen (f), "sign-in") == 0);

  /* Nobody signs up: only the guest button. */
  g_assert_null (kns_test_find_button (GTK_WIDGET (f->window), _("I am new")));
  g_assert_nonnull (kns_test_find_button (GTK_WIDGET (f->window), _("Try without a name")));
  kns_test_screenshot (GTK_WIDGET (f->window), "21-sign-in-anonymous");
}

static void
test_pin_guards_teacher_mode (Fixture       *f,
                              gconstpointer  data)
{
  g_assert_cmpstr (screen (f), ==, "sign-in");

  /* A wrong PIN keeps teacher mode shut and says how many tries are left. */
  kns_test_click (kns_test_find_button (GTK_WIDGET (f->window), _("Teacher")));
  kns_test_screenshot (GTK_WIDGET (kns_test_find_message_dialog ()), "22-pin-dialog");
  give_pin ("000000");
  g_assert_cmpstr (screen (f), ==, "sign-in");
  g_assert_cmpuint (kns_teacher_get_tries_left (f->store), ==, 4);
  WAIT_FOR (kns_test_find_message_dialog () != NULL);

  /* The right one opens it. */
  give_pin (PIN);
  WAIT_FOR (g_strcmp0 (screen (f), "teacher") == 0);
  g_assert_cmpuint (kns_teacher_get_tries_left (f->store), ==, KNS_PIN_FREE_TRIES);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.back", NULL));
  g_assert_cmpstr (screen (f), ==, "sign-in");
}

static void
test_session_and_panels (Fixture       *f,
                         gconstpointer  data)
{
  KnsTeacherPage *teacher = KNS_TEACHER_PAGE (kns_window_get_page (f->window, "teacher"));
  KnsSignInPage *sign_in = KNS_SIGN_IN_PAGE (kns_window_get_page (f->window, "sign-in"));
  KnsSessionsPanel *sessions;
  g_autoptr(KnsClassSession) running = NULL;
  g_autoptr(GPtrArray) list = NULL;
  KnsReport *report;

  enter_teacher_mode (f);
  sessions = KNS_SESSIONS_PANEL (kns_teacher_page_get_panel (teacher, "sessions"));
  kns_test_screenshot (GTK_WIDGET (f->window), "23-teacher-sessions");

  /* Start a session for class 2A. */
  kns_sessions_panel_set_form (sessions, "Buổi ngoại khóa: An toàn trên mạng", "2A", 2);
  kns_test_click (kns_test_find_button (GTK_WIDGET (sessions), _("Start the session")));
  running = kns_store_get_running_session (f->store, NULL);
  g_assert_nonnull (running);
  g_assert_cmpstr (running->class_label, ==, "2A");
  g_assert_null (running->lesson_ids);
  g_clear_pointer (&running, kns_class_session_free);

  /* The sign-in screen shows it; a child who signs in joins it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.back", NULL));
  WAIT_FOR (g_strcmp0 (screen (f), "sign-in") == 0);
  kns_test_screenshot (GTK_WIDGET (f->window), "24-sign-in-session");
  kns_test_click (kns_sign_in_page_get_tile (sign_in, f->learner_id));
  /* In a session the tier's check comes first (issue 21; test-kit). */
  WAIT_FOR (g_strcmp0 (screen (f), "check") == 0);
  running = kns_store_get_running_session (f->store, NULL);
  g_assert_cmpuint (running->attendance, ==, 1);
  g_clear_pointer (&running, kns_class_session_free);
  kns_test_click (kns_test_find_button (GTK_WIDGET (f->window), _("Switch learner")));
  WAIT_FOR (g_strcmp0 (screen (f), "sign-in") == 0);

  /* Teacher mode again: the dashboard, the pupils, and end the session. */
  enter_teacher_mode (f);
  kns_teacher_page_set_panel (teacher, "dashboard");
  g_assert_nonnull (kns_dashboard_panel_get_dashboard (KNS_DASHBOARD_PANEL (kns_teacher_page_get_panel (teacher, "dashboard"))));
  kns_test_screenshot (GTK_WIDGET (f->window), "25-teacher-dashboard");
  kns_teacher_page_set_panel (teacher, "learners");
  g_assert_cmpuint (kns_learners_panel_get_n_rows (KNS_LEARNERS_PANEL (kns_teacher_page_get_panel (teacher, "learners"))), ==, 1);
  kns_test_screenshot (GTK_WIDGET (f->window), "26-teacher-learners");
  kns_teacher_page_set_panel (teacher, "settings");
  kns_test_screenshot (GTK_WIDGET (f->window), "27-teacher-settings");

  kns_teacher_page_set_panel (teacher, "sessions");
  g_assert_true (kns_sessions_panel_end (sessions, "Lớp sôi nổi."));
  g_assert_null (kns_store_get_running_session (f->store, NULL));
  list = kns_store_list_sessions (f->store, NULL);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (((KnsClassSession *) g_ptr_array_index (list, 0))->ended, >, 0);
  g_assert_cmpuint (((KnsClassSession *) g_ptr_array_index (list, 0))->attendance, ==, 1);
  g_assert_cmpstr (((KnsClassSession *) g_ptr_array_index (list, 0))->notes, ==, "Lớp sôi nổi.");

  /* The report tab, turned to now, counts the session just ended. */
  kns_teacher_page_set_panel (teacher, "report");
  report = kns_report_page_get_report (KNS_REPORT_PAGE (kns_teacher_page_get_panel (teacher, "report")));
  g_assert_nonnull (report);
  g_assert_cmpuint (kns_report_get_sessions (report)->len, ==, 1);
  kns_test_screenshot (GTK_WIDGET (f->window), "28-teacher-report");
}

static void
sign_in (Fixture *f)
{
  KnsSignInPage *sign_in = KNS_SIGN_IN_PAGE (kns_window_get_page (f->window, "sign-in"));

  kns_test_click (kns_sign_in_page_get_tile (sign_in, f->learner_id));
  WAIT_FOR (g_strcmp0 (screen (f), "home") == 0);
}

static void
test_idle_sign_out (Fixture       *f,
                    gconstpointer  data)
{
  gint64 start;
  gboolean warned = FALSE;

  sign_in (f);
  kns_window_set_idle_timeout (f->window, 1500);

  /* A countdown first, then back to sign-in. */
  start = g_get_monotonic_time ();
  while (g_strcmp0 (screen (f), "home") == 0 && g_get_monotonic_time () - start < 5 * G_USEC_PER_SEC)
    {
      g_main_context_iteration (NULL, FALSE);
      if (kns_test_find_button (GTK_WIDGET (f->window), _("I am still here")) != NULL)
        warned = TRUE;
    }
  g_assert_true (warned);
  g_assert_cmpstr (screen (f), ==, "sign-in");
  g_assert_null (kns_window_get_learner (f->window));
}

static void
test_idle_never_mid_question (Fixture       *f,
                              gconstpointer  data)
{
  KnsQuizView *quiz = KNS_QUIZ_VIEW (kns_window_get_page (f->window, "quiz"));

  sign_in (f);
  kns_test_click (kns_test_find_button (GTK_WIDGET (f->window), _("Your next lesson")));
  WAIT_FOR (g_strcmp0 (screen (f), "lesson") == 0);
  kns_test_click (kns_test_find_button (GTK_WIDGET (f->window), _("Take the quiz")));
  WAIT_FOR (g_strcmp0 (screen (f), "quiz") == 0);

  /* An answer chosen, not yet given: the child is mid-question. */
  kns_test_click (kns_quiz_view_get_option (quiz, 0));
  /* Set only now: activating widgets is not input, and on a busy
   * machine the steps above may take longer than the timeout. */
  kns_window_set_idle_timeout (f->window, 1500);
  kns_test_spin (3000);
  g_assert_cmpstr (screen (f), ==, "quiz");
  g_assert_nonnull (kns_window_get_learner (f->window));

  /* Answered, and nothing chosen on the next question: idle again. */
  kns_test_click (kns_test_find_button (GTK_WIDGET (quiz), _("Answer")));
  kns_test_click (kns_test_find_button (GTK_WIDGET (quiz), _("Next question")));
  WAIT_FOR (g_strcmp0 (screen (f), "sign-in") == 0);
  g_assert_null (kns_window_get_learner (f->window));
}

/* The whole application, with the kiosk turned on by GSettings. */
static void
test_kiosk (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kns-kiosk-XXXXXX", &error);
  g_autofree char *content = g_test_build_filename (G_TEST_DIST, "..", "content", "vi", NULL);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(KnsApplication) app = NULL;
  g_autoptr(KnsStore) store = kns_store_open (dir, &error);
  g_auto(GStrv) accels = NULL;
  KnsWindow *window;

  g_assert_true (kns_teacher_set_setup (store, KNS_SETUP_LAB, NULL));
  g_assert_true (kns_teacher_set_pin (store, PIN, NULL));
  g_clear_object (&store);

  g_settings_set_string (settings, "data-dir", dir);
  g_settings_set_boolean (settings, "kiosk-mode", TRUE);
  g_setenv ("KYNANGSO_CONTENT_DIR", content, TRUE);

  app = kns_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  /* Ctrl+Q is not bound, and quitting is off. */
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.quit");
  g_assert_cmpuint (g_strv_length (accels), ==, 0);
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "quit"));

  g_application_activate (G_APPLICATION (app));
  window = KNS_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  WAIT_FOR (g_strcmp0 (kns_screen_to_string (kns_window_get_screen (window)), "sign-in") == 0);
  g_assert_true (kns_window_get_kiosk (window));
  g_assert_false (gtk_window_get_deletable (GTK_WINDOW (window)));

  /* Alt+F4 and the window manager's close: refused. */
  gtk_window_close (GTK_WINDOW (window));
  kns_test_spin (100);
  g_assert_true (gtk_application_get_active_window (GTK_APPLICATION (app)) == GTK_WINDOW (window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  /* Quitting is only in teacher mode, behind the PIN. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.quit", NULL);
  kns_test_spin (100);
  gtk_window_close (GTK_WINDOW (window));
  kns_test_spin (100);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.teacher-mode", NULL));
  give_pin (PIN);
  WAIT_FOR (g_strcmp0 (kns_screen_to_string (kns_window_get_screen (window)), "teacher") == 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL));

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "kiosk-mode");
  g_settings_reset (settings, "data-dir");
  kns_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  kns_test_use_vietnamese ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/kns/teacher-mode/first-run", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_first_run, fixture_tear_down);
  g_test_add ("/kns/teacher-mode/anonymous-lab", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_anonymous_lab, fixture_tear_down);
  g_test_add ("/kns/teacher-mode/pin", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_pin_guards_teacher_mode, fixture_tear_down);
  g_test_add ("/kns/teacher-mode/session-and-panels", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_session_and_panels, fixture_tear_down);
  g_test_add ("/kns/teacher-mode/idle-sign-out", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_idle_sign_out, fixture_tear_down);
  g_test_add ("/kns/teacher-mode/idle-never-mid-question", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_idle_never_mid_question, fixture_tear_down);
  g_test_add_func ("/kns/teacher-mode/kiosk", test_kiosk);

  return g_test_run ();
}
