/* test-kit.c — the session kit of issue 21 through the real widgets
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
 * On the kit test course (tests/data/kit): a class session in a lab,
 * where two pupils take the check at sign-in and one the check at the
 * end, and the teacher ends the session and sees the class's gain;
 * teacher mode's kit panel, with the plan, the poster and a certificate
 * whose typed name is in the PDF and nowhere in the store; and a home,
 * with no PIN, no kiosk, and the parents' page. Screenshots at 1024×768
 * and 1920×1080 go to KNS_SCREENSHOT_DIR, the PDFs beside them.
 */

#define _GNU_SOURCE
#include "kns-config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "kns-check-view.h"
#include "kns-home-page.h"
#include "kns-kit-panel.h"
#include "kns-parents-view.h"
#include "kns-teacher-page.h"
#include "kns-teacher.h"
#include "kns-test-util.h"
#include "kns-window.h"

#define PIN "246810"

typedef struct
{
  const char *setup;
  int         width;
  int         height;
} Setup;

typedef struct
{
  char      *dir;
  char      *saved;    /* KNS_TEST_SAVE_DIR */
  gint64     now;
  KnsStore  *store;
  KnsCourse *course;
  GSettings *settings;
  KnsWindow *window;
  gint64     an;       /* "Sư Tử 1", 1A */
  gint64     binh;     /* "Mèo Con 2", 1A */
  const Setup *setup;
} Fixture;

static gint64
clock_cb (gpointer user_data)
{
  return ((Fixture *) user_data)->now;
}

static const char *
screen (Fixture *f)
{
  return kns_screen_to_string (kns_window_get_screen (f->window));
}

static void
shot (Fixture    *f,
      const char *name)
{
  g_autofree char *file = g_strdup_printf ("kit-%s-%d", name, f->setup->width);

  kns_test_spin (100);
  /* Nothing of the kit may widen the window past the screen. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), <=, f->setup->width);
  kns_test_screenshot (GTK_WIDGET (f->window), file);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *content = g_test_build_filename (G_TEST_DIST, "data", "kit", NULL);
  g_autoptr(KnsLearner) an = NULL;
  g_autoptr(KnsLearner) binh = NULL;

  f->setup = data;
  f->dir = g_dir_make_tmp ("kns-kit-XXXXXX", &error);
  g_assert_no_error (error);
  f->saved = g_build_filename (f->dir, "saved", NULL);
  g_mkdir (f->saved, 0755);
  g_setenv ("KNS_TEST_SAVE_DIR", f->saved, TRUE);
  /* A Monday morning of năm học 2026–2027. */
  f->now = g_date_time_to_unix (g_date_time_new_local (2026, 10, 5, 8, 0, 0)) * G_USEC_PER_SEC;
  f->store = kns_store_open_with_clock (f->dir, clock_cb, f, &error);
  g_assert_no_error (error);
  f->course = kns_course_load (content, NULL, NULL);
  g_assert_cmpuint (kns_course_get_n_errors (f->course), ==, 0);
  f->settings = g_settings_new (APP_ID);

  g_assert_true (kns_teacher_set_setup (f->store, f->setup->setup, NULL));
  if (g_str_equal (f->setup->setup, KNS_SETUP_LAB))
    g_assert_true (kns_teacher_set_pin (f->store, PIN, NULL));
  g_assert_true (kns_store_set_setting (f->store, KNS_STORE_SETTING_SCHOOL_NAME,
                                        "Trường Tiểu học Hòa Bình", NULL));
  an = kns_store_add_learner (f->store, "Sư Tử 1", "1A", 1, "lion", KNS_SEX_UNSTATED, NULL);
  binh = kns_store_add_learner (f->store, "Mèo Con 2", "1A", 1, "cat", KNS_SEX_UNSTATED, NULL);
  f->an = an->id;
  f->binh = binh->id;

  f->window = kns_test_window_new (f->store, f->course, f->settings, f->setup->width,
                                   f->setup->height);
  WAIT_FOR (g_strcmp0 (screen (f), "sign-in") == 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (l->data != f->window)
      gtk_window_destroy (l->data);
  gtk_window_destroy (GTK_WINDOW (f->window));
  kns_test_spin (50);
  g_unsetenv ("KNS_TEST_SAVE_DIR");
  g_clear_object (&f->settings);
  g_clear_object (&f->course);
  g_clear_object (&f->store);
  kns_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->saved);
}

static void
sign_in (Fixture *f,
         gint64   learner_id)
{
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.sign-in", "x", learner_id);
  WAIT_FOR (kns_window_get_learner (f->window) != NULL &&
            kns_window_get_learner (f->window)->id == learner_id);
}

static void
sign_out (Fixture *f)
{
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.sign-out", NULL);
  WAIT_FOR (g_strcmp0 (screen (f), "sign-in") == 0);
}

static KnsCheckView *
check_view (Fixture *f)
{
  return KNS_CHECK_VIEW (kns_window_get_page (f->window, "check"));
}

static AdwMessageDialog *
wait_dialog (void)
{
  AdwMessageDialog *dialog;

  WAIT_FOR ((dialog = kns_test_find_message_dialog ()) != NULL &&
            gtk_widget_get_mapped (GTK_WIDGET (dialog)));
  return dialog;
}

static void
enter_teacher_mode (Fixture *f)
{
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.teacher-mode", NULL);
  if (kns_teacher_pin_needed (f->store))
    {
      AdwMessageDialog *dialog = wait_dialog ();

      gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), PIN);
      kns_test_respond (dialog, _("Open"));
    }
  WAIT_FOR (g_strcmp0 (screen (f), "teacher") == 0);
}

/* Answers the check on screen by clicking: the right option when
 * @right, else a wrong one. Returns the options' order, as a string. */
static char *
answer_check (Fixture  *f,
              gboolean  right,
              gboolean  take_shot)
{
  KnsCheck *check = kns_tier_get_check (kns_course_get_tier (f->course, 1));
  g_autoptr(GString) order = g_string_new (NULL);

  for (guint q = 0; q < 5; q++)
    {
      KnsQuestion *question = kns_quiz_get_question (check->quiz, q);
      GtkWidget *option = NULL;

      WAIT_FOR (kns_check_view_get_question_index (check_view (f)) == q &&
                kns_check_view_get_option_at (check_view (f), 0) != NULL);
      for (guint p = 0; p < question->options->len; p++)
        {
          guint index = kns_check_view_get_option_index (check_view (f), p);
          KnsOption *o = g_ptr_array_index (question->options, index);

          g_string_append_printf (order, "%u", index);
          if (option == NULL && o->correct == right)
            option = kns_check_view_get_option_at (check_view (f), p);
        }
      g_string_append_c (order, ' ');
      /* Nothing to press before an answer is chosen. */
      g_assert_false (gtk_widget_get_sensitive (kns_check_view_get_action_button (check_view (f))));
      kns_test_click (option);
      if (q == 0 && take_shot)
        shot (f, right ? "check-after" : "check-before");
      kns_test_click (kns_check_view_get_action_button (check_view (f)));
    }
  WAIT_FOR (kns_check_view_is_done (check_view (f)));
  return g_string_free (g_steal_pointer (&order), FALSE);
}

static GtkWidget *
find_label (GtkWidget  *root,
            const char *prefix)
{
  if (GTK_IS_LABEL (root) && gtk_widget_is_drawable (root) &&
      g_str_has_prefix (gtk_label_get_text (GTK_LABEL (root)), prefix))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, prefix);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A lab's class session: the check at sign-in, the one at the end from
 * the home page, and the teacher's view of the gain. */
static void
test_session (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(KnsClassSession) session = NULL;
  g_autoptr(KnsCheckRun) an_before = NULL;
  g_autoptr(KnsCheckRun) an_after = NULL;
  g_autofree char *before_order = NULL;
  g_autofree char *after_order = NULL;
  KnsHomePage *home = KNS_HOME_PAGE (kns_window_get_page (f->window, "home"));
  AdwMessageDialog *dialog;
  GtkWidget *panel;

  /* Outside a session, signing in goes home as before. */
  sign_in (f, f->an);
  WAIT_FOR (g_strcmp0 (screen (f), "home") == 0);
  g_assert_null (kns_home_page_get_kit_button (home));
  sign_out (f);

  session = kns_store_start_session (f->store, "1A", 1, 1, "Em an toàn trên mạng",
                                     KNS_SESSION_FORMAT_IN_PERSON, NULL, NULL);
  g_assert_nonnull (session);

  /* An signs in: the check at the start, wrong answers, no verdict. */
  sign_in (f, f->an);
  WAIT_FOR (g_strcmp0 (screen (f), "check") == 0);
  g_assert_cmpint (kns_check_view_get_phase (check_view (f)), ==, KNS_CHECK_BEFORE);
  before_order = answer_check (f, FALSE, TRUE);
  {
    g_autofree char *verdict = g_strdup_printf (_("The right answer: %s"), "");

    g_assert_null (find_label (GTK_WIDGET (f->window), verdict));
  }
  shot (f, "check-before-done");
  an_before = kns_store_get_check_run (f->store, f->an, session->uuid, KNS_CHECK_BEFORE, NULL);
  g_assert_cmpint (an_before->finished, >, 0);
  g_assert_cmpuint (an_before->n_correct, ==, 0);

  kns_test_click (kns_test_find_button (GTK_WIDGET (f->window), _("Start learning")));
  WAIT_FOR (g_strcmp0 (screen (f), "home") == 0);
  /* Too early for the check at the end. */
  g_assert_null (kns_home_page_get_kit_button (home));
  sign_out (f);

  /* Signing in again, the check is not asked twice. */
  sign_in (f, f->an);
  WAIT_FOR (g_strcmp0 (screen (f), "home") == 0);
  sign_out (f);

  /* Bình, sharing the computer, gets it at her own sign-in. */
  sign_in (f, f->binh);
  WAIT_FOR (g_strcmp0 (screen (f), "check") == 0);
  g_free (answer_check (f, TRUE, FALSE));
  sign_out (f);

  /* Half an hour later, An's home page offers the last questions. */
  f->now += 30 * G_TIME_SPAN_MINUTE;
  sign_in (f, f->an);
  WAIT_FOR (g_strcmp0 (screen (f), "home") == 0);
  WAIT_FOR (kns_home_page_get_kit_button (home) != NULL);
  shot (f, "home-last-questions");
  kns_test_click (kns_home_page_get_kit_button (home));
  WAIT_FOR (g_strcmp0 (screen (f), "check") == 0);
  g_assert_cmpint (kns_check_view_get_phase (check_view (f)), ==, KNS_CHECK_AFTER);
  after_order = answer_check (f, TRUE, TRUE);
  /* The same questions, the options in another order. */
  g_assert_cmpstr (before_order, !=, after_order);
  /* Now the answers and why. */
  {
    g_autofree char *verdict = g_strdup_printf (_("You got it right: %s"), "");

    WAIT_FOR (find_label (GTK_WIDGET (f->window), verdict) != NULL);
  }
  shot (f, "check-after-done");
  an_after = kns_store_get_check_run (f->store, f->an, session->uuid, KNS_CHECK_AFTER, NULL);
  g_assert_cmpuint (an_after->n_correct, ==, 5);
  kns_test_click (kns_test_find_button (GTK_WIDGET (f->window), _("Back to my lessons")));
  WAIT_FOR (g_strcmp0 (screen (f), "home") == 0);
  g_assert_null (kns_home_page_get_kit_button (home));
  sign_out (f);

  /* The teacher ends the session: Bình has not done the last questions. */
  enter_teacher_mode (f);
  panel = kns_teacher_page_get_panel (KNS_TEACHER_PAGE (kns_window_get_page (f->window, "teacher")),
                                      "sessions");
  gtk_widget_activate_action (panel, "sessions.end", NULL);
  dialog = wait_dialog ();
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "1"));
  kns_test_respond (dialog, _("_Wait"));
  g_assert_nonnull (kns_store_get_running_session (f->store, NULL));
  gtk_widget_activate_action (panel, "sessions.end", NULL);
  kns_test_respond (wait_dialog (), _("_End now"));

  /* The class's gain: skill 1, 0 of 4 right before (An wrong, Bình right
   * gives 2 of 4), 2 of 2 after. */
  dialog = wait_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, _("What the class learnt"));
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "50%"));
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "100%"));
  kns_test_screenshot (GTK_WIDGET (dialog), f->setup->width > 1024 ? "kit-gain-1920"
                                                                   : "kit-gain-1024");
  kns_test_respond (dialog, _("OK"));
  g_assert_null (kns_store_get_running_session (f->store, NULL));
}

static char *
read_saved (Fixture    *f,
            const char *name)
{
  g_autofree char *path = g_build_filename (f->saved, name, NULL);
  g_autofree char *dest = NULL;
  char *contents = NULL;
  gsize length = 0;

  WAIT_FOR (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  /* Kept beside the screenshots, to render and look at. */
  if (g_getenv ("KNS_SCREENSHOT_DIR") != NULL)
    {
      g_autofree char *copy = g_strdup_printf ("kit-%d-%s", f->setup->width, name);

      dest = g_build_filename (g_getenv ("KNS_SCREENSHOT_DIR"), copy, NULL);
      g_file_set_contents (dest, contents, length, NULL);
    }
  return contents;
}

static gboolean
store_holds (Fixture    *f,
             const char *text)
{
  g_autofree char *db = NULL;
  g_autofree char *wal_path = g_strdup_printf ("%s-wal", kns_store_get_path (f->store));
  g_autofree char *wal = NULL;
  gsize db_length = 0, wal_length = 0;

  g_assert_true (g_file_get_contents (kns_store_get_path (f->store), &db, &db_length, NULL));
  g_file_get_contents (wal_path, &wal, &wal_length, NULL);
  return (db != NULL && memmem (db, db_length, text, strlen (text)) != NULL) ||
         (wal != NULL && memmem (wal, wal_length, text, strlen (text)) != NULL);
}

/* Teacher mode's kit: the plan to read and print, the poster, and a
 * certificate for the pupil who finished, its name typed and not kept. */
static void
test_teacher_kit (Fixture       *f,
                  gconstpointer  data)
{
  KnsKitPanel *panel;
  GtkWidget *row, *plan_window = NULL;
  AdwMessageDialog *dialog;
  GtkEditable *name = NULL;
  g_autofree char *pdf = NULL;
  g_autoptr(GList) toplevels = NULL;
  /* The file names the app offers, in its language. */
  g_autofree char *plan_file = g_strdup_printf (_("session-plan-tier-%u.pdf"), 1u);
  g_autofree char *poster_file = g_strdup_printf (_("class-promise-tier-%u.pdf"), 1u);
  g_autofree char *certificate_file = g_strdup_printf (_("certificate-tier-%u.pdf"), 1u);

  /* An passes both lessons of lớp 1–3 (they have no quiz). */
  g_assert_true (kns_store_complete_reading (f->store, f->an, "t1-bai", "v1", 1, NULL));
  g_assert_true (kns_store_complete_reading (f->store, f->an, "t1-so-111", "v1", 1, NULL));

  /* An's home page says so. */
  sign_in (f, f->an);
  WAIT_FOR (g_strcmp0 (screen (f), "home") == 0);
  {
    g_autofree char *finished = g_strdup_printf (_("You finished every lesson of %s! Ask your "
                                                   "teacher or a parent to print your certificate."),
                                                 "Lớp 1–3");

    g_assert_nonnull (find_label (GTK_WIDGET (f->window), finished));
  }
  shot (f, "home-finished");
  sign_out (f);

  enter_teacher_mode (f);
  kns_teacher_page_set_panel (KNS_TEACHER_PAGE (kns_window_get_page (f->window, "teacher")), "kit");
  panel = KNS_KIT_PANEL (kns_teacher_page_get_panel (KNS_TEACHER_PAGE (kns_window_get_page (f->window, "teacher")), "kit"));
  WAIT_FOR (kns_kit_panel_find_row (panel, "Sư Tử 1") != NULL);
  g_assert_null (kns_kit_panel_find_row (panel, "Mèo Con 2"));
  shot (f, "teacher-kit");

  /* The plan, read in its window, then saved. */
  row = kns_kit_panel_find_row (panel, _("Session plan"));
  kns_test_click (kns_test_find_button (row, _("Open")));
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (g_str_equal (G_OBJECT_TYPE_NAME (l->data), "KnsPlanWindow"))
      plan_window = l->data;
  g_assert_nonnull (plan_window);
  WAIT_FOR (gtk_widget_get_mapped (plan_window));
  g_assert_nonnull (find_label (plan_window, "Thảo luận (5 phút)"));
  kns_test_spin (100);
  kns_test_screenshot (plan_window, f->setup->width > 1024 ? "kit-plan-window-1920"
                                                           : "kit-plan-window-1024");
  kns_test_click (kns_test_find_button (plan_window, _("Save to print")));
  pdf = read_saved (f, plan_file);
  g_assert_true (g_str_has_prefix (pdf, "%PDF"));
  g_clear_pointer (&pdf, g_free);
  gtk_window_destroy (GTK_WINDOW (plan_window));

  /* The class poster. */
  row = kns_kit_panel_find_row (panel, _("The class’s promise poster"));
  kns_test_click (kns_test_find_button (row, _("Save to print")));
  pdf = read_saved (f, poster_file);
  g_clear_pointer (&pdf, g_free);

  /* An's certificate: a real name typed, which the store never sees. */
  row = kns_kit_panel_find_row (panel, "Sư Tử 1");
  kns_test_click (kns_test_find_button (row, _("Certificate…")));
  dialog = wait_dialog ();
  for (GtkWidget *w = adw_message_dialog_get_extra_child (dialog); w != NULL; w = gtk_widget_get_first_child (w))
    if (ADW_IS_ENTRY_ROW (w))
      {
        name = GTK_EDITABLE (w);
        break;
      }
  if (name == NULL)
    name = GTK_EDITABLE (gtk_widget_get_first_child (gtk_widget_get_first_child (adw_message_dialog_get_extra_child (dialog))));
  g_assert_true (ADW_IS_ENTRY_ROW (name));
  g_assert_cmpstr (gtk_editable_get_text (name), ==, "");
  gtk_editable_set_text (name, "Trần Minh Khôi");
  kns_test_spin (50);
  kns_test_screenshot (GTK_WIDGET (dialog), f->setup->width > 1024 ? "kit-certificate-dialog-1920"
                                                                   : "kit-certificate-dialog-1024");
  kns_test_respond (dialog, _("_Save to print"));
  pdf = read_saved (f, certificate_file);
  g_assert_true (g_str_has_prefix (pdf, "%PDF"));
  g_assert_false (store_holds (f, "Trần Minh Khôi"));
  g_assert_false (store_holds (f, "Khôi"));
}

/* At home: no PIN, no kiosk, and the parents' page with the child's
 * progress, printable. */
static void
test_home (Fixture       *f,
           gconstpointer  data)
{
  GtkWidget *button = kns_test_find_button (GTK_WIDGET (f->window), _("For parents"));
  KnsParentsView *view;
  g_autofree char *pdf = NULL;

  g_assert_false (kns_window_get_kiosk (f->window));
  g_assert_false (kns_teacher_pin_needed (f->store));
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_drawable (button));

  g_assert_true (kns_store_complete_reading (f->store, f->binh, "t1-bai", "v1", 1, NULL));
  kns_test_click (button);
  WAIT_FOR (g_strcmp0 (screen (f), "parents") == 0);
  view = KNS_PARENTS_VIEW (kns_window_get_page (f->window, "parents"));
  {
    g_autofree char *progress = g_strdup_printf (ngettext ("%s: %u of %u lesson done",
                                                           "%s: %u of %u lessons done", 2),
                                                 "Lớp 1–3", 1, 2);

    g_assert_nonnull (find_label (GTK_WIDGET (view), progress));
  }
  g_assert_nonnull (find_label (GTK_WIDGET (view), "Thỏa thuận gia đình"));
  g_assert_nonnull (find_label (GTK_WIDGET (view), "•  Hỏi con hôm nay học gì trên máy."));
  shot (f, "parents");

  kns_test_click (kns_test_find_button (GTK_WIDGET (view), _("Save to print")));
  pdf = read_saved (f, _("for-parents.pdf"));
  g_assert_true (g_str_has_prefix (pdf, "%PDF"));

  /* Back, and teacher mode opens with no PIN. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.back", NULL);
  WAIT_FOR (g_strcmp0 (screen (f), "sign-in") == 0);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.teacher-mode", NULL);
  WAIT_FOR (g_strcmp0 (screen (f), "teacher") == 0);
  g_assert_null (kns_test_find_message_dialog ());
}

/* In a school the parents' page is not on the sign-in screen, where
 * pupils are. */
static void
test_lab_no_parents_button (Fixture       *f,
                            gconstpointer  data)
{
  GtkWidget *button = kns_test_find_button (GTK_WIDGET (f->window), _("For parents"));

  g_assert_true (button == NULL || !gtk_widget_is_drawable (button));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.parents", NULL);
  kns_test_spin (100);
  g_assert_cmpstr (screen (f), ==, "sign-in");
}

static const Setup lab_1024 = { KNS_SETUP_LAB, 1024, 768 };
static const Setup lab_1920 = { KNS_SETUP_LAB, 1920, 1080 };
static const Setup home_1024 = { KNS_SETUP_HOME, 1024, 768 };
static const Setup home_1920 = { KNS_SETUP_HOME, 1920, 1080 };

#define ADD(path, setup, func) \
  g_test_add (path, Fixture, setup, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  kns_test_use_vietnamese ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  ADD ("/kns/kit/session/1024", &lab_1024, test_session);
  ADD ("/kns/kit/session/1920", &lab_1920, test_session);
  ADD ("/kns/kit/teacher/1024", &lab_1024, test_teacher_kit);
  ADD ("/kns/kit/teacher/1920", &lab_1920, test_teacher_kit);
  ADD ("/kns/kit/home/1024", &home_1024, test_home);
  ADD ("/kns/kit/home/1920", &home_1920, test_home);
  ADD ("/kns/kit/lab-no-parents", &lab_1024, test_lab_no_parents_button);

  return g_test_run ();
}
