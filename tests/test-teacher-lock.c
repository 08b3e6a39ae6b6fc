/* test-teacher-lock.c — teacher mode left open locks; the PIN fails closed;
 * settings apply at once
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
 * Issue 22 found teacher mode open 75 s after its 30 s idle time, in a
 * kiosk, with a pupil free to quit or delete pupils; the PIN dialog
 * showed pupils the reset command; a changed idle time waited for a
 * restart and --kiosk showed the kiosk switch off. Issue 15 found that
 * an emptied PIN hash opened teacher mode. Each is tried here through
 * the app's window, its dialogs and, for --kiosk, the whole application.
 */

#include "kns-config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kns-application.h"
#include "kns-learners-panel.h"
#include "kns-teacher.h"
#include "teacher-fixture.h"

/* The first words of a countdown, before its number. */
static char *
countdown_words (const char *one,
                 const char *many)
{
  const char *text = ngettext (one, many, 2);
  const char *number = strstr (text, "%u");

  return g_strndup (text, number != NULL ? (gsize) (number - text) : strlen (text));
}

static char *
lock_words (void)
{
  return countdown_words ("Nobody has used teacher mode for a while. It locks in %u second.",
                          "Nobody has used teacher mode for a while. It locks in %u seconds.");
}

/* The countdown, then the sign-in screen: dialogs closed, nothing done. */
static void
assert_locks (TeacherFixture *f,
              guint           timeout_ms)
{
  g_autofree char *words = lock_words ();
  gboolean warned = FALSE;
  gint64 start = g_get_monotonic_time ();

  kns_window_set_idle_timeout (f->window, timeout_ms);
  while (g_strcmp0 (teacher_screen (f), "teacher") == 0 &&
         g_get_monotonic_time () - start < 20 * G_USEC_PER_SEC)
    {
      g_main_context_iteration (NULL, FALSE);
      warned |= teacher_find_label (GTK_WIDGET (f->window), words) != NULL;
    }
  g_assert_true (warned);
  g_assert_cmpstr (teacher_screen (f), ==, "sign-in");
  /* At least the idle time went by. */
  g_assert_cmpint (g_get_monotonic_time () - start, >=, (gint64) timeout_ms * 1000);
  WAIT_FOR (kns_test_find_message_dialog () == NULL);
}

/* Left open with a deletion about to be confirmed: it locks, the
 * dialog goes, the pupil stays, and the PIN is asked again. */
static void
test_locks_when_idle (TeacherFixture *f,
                      gconstpointer   data)
{
  g_autoptr(KnsLearner) meo = NULL;
  GtkWidget *learners;
  AdwMessageDialog *pin;

  teacher_enter (f);
  learners = teacher_panel (f, "learners");
  gtk_widget_activate_action (learners, "learners.delete", "x", f->meo);
  teacher_wait_dialog ();

  assert_locks (f, 2000);
  meo = kns_store_get_learner (f->store, f->meo, NULL);
  g_assert_nonnull (meo);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.teacher-mode", NULL));
  pin = teacher_wait_dialog ();
  g_assert_true (GTK_IS_EDITABLE (adw_message_dialog_get_extra_child (pin)));
  g_assert_cmpstr (teacher_screen (f), ==, "sign-in");
}

static void
test_locks_in_kiosk (TeacherFixture *f,
                     gconstpointer   data)
{
  kns_window_set_kiosk (f->window, TRUE);
  teacher_enter (f);
  assert_locks (f, 1500);
}

static void
press_key_in (GtkWidget *window)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (window);
  gboolean pressed = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      gboolean handled;

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller) &&
          gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
        {
          g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_1, 10, 0, &handled);
          pressed = TRUE;
        }
    }
  g_assert_true (pressed);
}

/* A teacher typing in a dialog is not idle. */
static void
test_input_in_dialog (TeacherFixture *f,
                      gconstpointer   data)
{
  AdwMessageDialog *dialog;
  gint64 start;

  teacher_enter (f);
  gtk_widget_activate_action (teacher_panel (f, "settings"), "settings.quit", NULL);
  dialog = teacher_wait_dialog ();
  kns_window_set_idle_timeout (f->window, 1500);

  start = g_get_monotonic_time ();
  while (g_get_monotonic_time () - start < 4 * G_USEC_PER_SEC)
    {
      press_key_in (GTK_WIDGET (dialog));
      kns_test_spin (250);
    }
  g_assert_cmpstr (teacher_screen (f), ==, "teacher");
  g_assert_true (kns_test_find_message_dialog () == dialog);

  /* Then nothing more: it locks. */
  WAIT_FOR (g_strcmp0 (teacher_screen (f), "sign-in") == 0);
}

/* At home there is no PIN to lock behind: teacher mode stays. */
static void
test_home_does_not_lock (TeacherFixture *f,
                         gconstpointer   data)
{
  teacher_enter (f);
  kns_window_set_idle_timeout (f->window, 800);
  kns_test_spin (2500);
  g_assert_cmpstr (teacher_screen (f), ==, "teacher");
}

static void
assert_no_command (AdwMessageDialog *dialog)
{
  const char *body = teacher_dialog_body (dialog);

  g_test_message ("%s", body);
  g_assert_null (strstr (body, "reset-teacher-pin"));
  g_assert_null (strstr (body, "kynangso"));
}

/* Issue 15: an emptied or damaged hash opens nothing, and the dialog
 * says whom to ask, never which command to type. */
static void
test_pin_fails_closed (TeacherFixture *f,
                       gconstpointer   data)
{
  AdwMessageDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.teacher-mode", NULL);
  dialog = teacher_wait_dialog ();
  assert_no_command (dialog);
  kns_test_respond (dialog, _("Cancel"));
  WAIT_FOR (kns_test_find_message_dialog () == NULL);

  /* The hash emptied behind the app's back: before, teacher mode opened. */
  teacher_sql (f, "UPDATE setting SET value = '' WHERE key = 'teacher-pin-hash'");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.teacher-mode", NULL);
  dialog = teacher_wait_dialog ();
  g_assert_null (adw_message_dialog_get_extra_child (dialog));
  g_assert_false (adw_message_dialog_has_response (dialog, "unlock"));
  assert_no_command (dialog);
  kns_test_screenshot (GTK_WIDGET (dialog), "30-pin-not-set");
  kns_test_respond (dialog, _("Close"));
  kns_test_spin (100);
  g_assert_cmpstr (teacher_screen (f), ==, "sign-in");

  /* Garbage instead of a hash: the right PIN does not open either. */
  teacher_sql (f, "UPDATE setting SET value = 'garbage' WHERE key = 'teacher-pin-hash'");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.teacher-mode", NULL);
  teacher_give_pin (TEACHER_PIN);
  dialog = teacher_wait_dialog ();
  g_assert_false (adw_message_dialog_has_response (dialog, "unlock"));
  assert_no_command (dialog);
  kns_test_respond (dialog, _("Close"));
  kns_test_spin (100);
  g_assert_cmpstr (teacher_screen (f), ==, "sign-in");

  /* Set up as "home" behind its back: the PIN is still asked. */
  g_assert_true (kns_teacher_set_pin (f->store, TEACHER_PIN, NULL));
  teacher_sql (f, "UPDATE setting SET value = 'home' WHERE key = 'setup'");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.teacher-mode", NULL);
  dialog = teacher_wait_dialog ();
  g_assert_true (GTK_IS_EDITABLE (adw_message_dialog_get_extra_child (dialog)));
  g_assert_cmpstr (teacher_screen (f), ==, "sign-in");
}

static guint
first_number (const char *text)
{
  while (*text != '\0' && !g_ascii_isdigit (*text))
    text++;
  return (guint) g_ascii_strtoull (text, NULL, 10);
}

/* After five wrong tries the dialog counts the wait down, "Open" off. */
static void
test_lockout_counts_down (TeacherFixture *f,
                          gconstpointer   data)
{
  AdwMessageDialog *dialog;
  guint first, later;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.teacher-mode", NULL);
  for (guint i = 0; i < KNS_PIN_FREE_TRIES; i++)
    {
      teacher_give_pin ("000000");
      assert_no_command (teacher_wait_dialog ());
    }
  dialog = teacher_wait_dialog ();
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "unlock"));
  first = first_number (teacher_dialog_body (dialog));
  g_assert_cmpuint (first, >=, 28);
  g_assert_cmpuint (first, <=, 30);
  kns_test_screenshot (GTK_WIDGET (dialog), "31-pin-locked");

  kns_test_spin (2500);
  later = first_number (teacher_dialog_body (dialog));
  g_assert_cmpuint (later, <, first);
  g_assert_cmpuint (later, >=, first - 3);
  g_assert_cmpstr (teacher_screen (f), ==, "sign-in");
}

/* A changed idle time applies at once, through the settings' own spin. */
static void
test_idle_time_applies_at_once (TeacherFixture *f,
                                gconstpointer   data)
{
  GtkWidget *row, *spin;

  g_settings_set_uint (f->settings, "idle-timeout", 300);
  g_assert_cmpuint (kns_window_get_idle_timeout (f->window), ==, 300000);
  teacher_enter (f);
  row = teacher_find_row (teacher_panel (f, "settings"), _("Sign out after (seconds without use)"));
  spin = teacher_find_child (row, GTK_TYPE_SPIN_BUTTON);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 90);
  kns_test_spin (50);
  g_assert_cmpuint (g_settings_get_uint (f->settings, "idle-timeout"), ==, 90);
  g_assert_cmpuint (kns_window_get_idle_timeout (f->window), ==, 90000);
}

static GtkSwitch *
kiosk_switch (TeacherFixture *f)
{
  GtkWidget *row = teacher_find_row (teacher_panel (f, "settings"), _("Kiosk mode"));

  g_assert_nonnull (row);
  return GTK_SWITCH (teacher_find_child (row, GTK_TYPE_SWITCH));
}

/* What the switch shows is what is in force, and a change applies at
 * once and is kept. */
static void
test_kiosk_switch (TeacherFixture *f,
                   gconstpointer   data)
{
  GtkSwitch *toggle;

  /* As --kiosk does, the key saying nothing. */
  g_settings_set_boolean (f->settings, "kiosk-mode", FALSE);
  kns_window_set_kiosk (f->window, TRUE);
  teacher_enter (f);
  toggle = kiosk_switch (f);
  g_assert_true (gtk_switch_get_active (toggle));

  g_assert_true (gtk_widget_activate (GTK_WIDGET (toggle)));
  WAIT_FOR (!kns_window_get_kiosk (f->window));
  g_assert_false (gtk_switch_get_active (toggle));
  g_assert_false (g_settings_get_boolean (f->settings, "kiosk-mode"));
  g_assert_true (gtk_window_get_deletable (GTK_WINDOW (f->window)));

  g_assert_true (gtk_widget_activate (GTK_WIDGET (toggle)));
  WAIT_FOR (kns_window_get_kiosk (f->window));
  g_assert_true (gtk_switch_get_active (toggle));
  g_assert_true (g_settings_get_boolean (f->settings, "kiosk-mode"));
  g_assert_false (gtk_window_get_deletable (GTK_WINDOW (f->window)));
}

typedef struct
{
  TeacherFixture *f;
  gboolean        checked;
} KioskRun;

static gboolean
check_kiosk_app (gpointer data)
{
  KioskRun *run = data;
  GApplication *app = g_application_get_default ();
  KnsWindow *window = KNS_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  KnsTeacherPage *page;
  GtkWidget *row;

  run->f->window = window;
  WAIT_FOR (g_strcmp0 (teacher_screen (run->f), "sign-in") == 0);
  g_assert_true (kns_window_get_kiosk (window));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "quit"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.teacher-mode", NULL);
  teacher_give_pin (TEACHER_PIN);
  WAIT_FOR (g_strcmp0 (teacher_screen (run->f), "teacher") == 0);
  page = KNS_TEACHER_PAGE (kns_window_get_page (window, "teacher"));
  kns_teacher_page_set_panel (page, "settings");
  row = teacher_find_row (kns_teacher_page_get_panel (page, "settings"), _("Kiosk mode"));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (teacher_find_child (row, GTK_TYPE_SWITCH))));
  kns_test_screenshot (GTK_WIDGET (window), "32-settings-kiosk-on");

  run->checked = TRUE;
  g_application_quit (app);
  return G_SOURCE_REMOVE;
}

/* The whole application started with --kiosk, the GSettings key off:
 * the switch says on. Before, it said off. */
static void
test_kiosk_option (TeacherFixture *f,
                   gconstpointer   data)
{
  g_autofree char *content = g_test_build_filename (G_TEST_DIST, "..", "content", "vi", NULL);
  g_autofree char *data_dir = g_strconcat ("--data-dir=", f->dir, NULL);
  char *argv[] = { (char *) "kynangso", (char *) "--kiosk", data_dir, NULL };
  g_autoptr(KnsApplication) app = NULL;
  KioskRun run = { f, FALSE };

  g_settings_set_boolean (f->settings, "kiosk-mode", FALSE);
  g_setenv ("KYNANGSO_CONTENT_DIR", content, TRUE);
  app = kns_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_timeout_add (300, check_kiosk_app, &run);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), G_N_ELEMENTS (argv) - 1, argv), ==, 0);
  g_assert_true (run.checked);
  /* The fixture's teardown destroys the window. */
}

/* Quitting asks first; "Cancel" keeps the app. */
static void
test_quit_asks (TeacherFixture *f,
                gconstpointer   data)
{
  GtkWidget *settings;
  AdwMessageDialog *dialog;

  teacher_enter (f);
  settings = teacher_panel (f, "settings");
  kns_test_click (kns_test_find_button (settings, _("Quit Kỹ năng số")));
  dialog = teacher_wait_dialog ();
  kns_test_screenshot (GTK_WIDGET (dialog), "33-quit-confirm");
  kns_test_respond (dialog, _("Cancel"));
  kns_test_spin (200);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));

  kns_test_click (kns_test_find_button (settings, _("Quit Kỹ năng số")));
  dialog = teacher_wait_dialog ();
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *) &f->window);
  kns_test_click (kns_test_find_button (GTK_WIDGET (dialog), _("Quit")));
  WAIT_FOR (f->window == NULL);
}

/* A copied data folder: the teacher is told once, in teacher mode. */
static void
test_copy_told_once (TeacherFixture *f,
                     gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *notice = NULL;
  g_autofree char *words = NULL;
  const char *translated = _("This computer’s saved progress was copied from another computer "
                             "(%.8s). This computer now has its own code in the school report, "
                             "%.8s, and keeps everything it had. Save its figures for the report "
                             "again.");

  g_assert_true (kns_store_renew_device_uuid (f->store, &error));
  g_assert_no_error (error);
  words = g_strndup (translated, strstr (translated, "(") - translated);

  teacher_enter (f);
  WAIT_FOR (teacher_find_label (GTK_WIDGET (f->window), words) != NULL);
  kns_test_screenshot (GTK_WIDGET (f->window), "34-teacher-copy-notice");
  g_assert_null (kns_store_take_identity_notice (f->store));

  /* Closed and opened again: not a second time. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.back", NULL);
  teacher_enter (f);
  kns_test_spin (300);
  notice = kns_store_take_identity_notice (f->store);
  g_assert_null (notice);
}

/* The application makes its own window. */
static const TeacherSetup no_window = { KNS_SETUP_LAB, 0, 0 };

#define ADD(path, setup, func) \
  g_test_add (path, TeacherFixture, setup, teacher_fixture_set_up, func, teacher_fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  kns_test_use_vietnamese ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  ADD ("/kns/teacher-lock/locks-when-idle", &teacher_lab, test_locks_when_idle);
  ADD ("/kns/teacher-lock/locks-in-kiosk", &teacher_lab, test_locks_in_kiosk);
  ADD ("/kns/teacher-lock/input-in-dialog", &teacher_lab, test_input_in_dialog);
  ADD ("/kns/teacher-lock/home-does-not-lock", &teacher_home, test_home_does_not_lock);
  ADD ("/kns/teacher-lock/pin-fails-closed", &teacher_lab, test_pin_fails_closed);
  ADD ("/kns/teacher-lock/lockout-counts-down", &teacher_lab, test_lockout_counts_down);
  ADD ("/kns/teacher-lock/idle-time-applies-at-once", &teacher_lab, test_idle_time_applies_at_once);
  ADD ("/kns/teacher-lock/kiosk-switch", &teacher_lab, test_kiosk_switch);
  ADD ("/kns/teacher-lock/quit-asks", &teacher_lab, test_quit_asks);
  ADD ("/kns/teacher-lock/copy-told-once", &teacher_lab, test_copy_told_once);
  ADD ("/kns/teacher-lock/kiosk-option", &no_window, test_kiosk_option);

  return g_test_run ();
}
