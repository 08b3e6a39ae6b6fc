/* test-teacher-forms.c — teacher mode's forms, as a teacher fills them in
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
 * Issue 22, item 5: the session's grade follows the class typed; a
 * pupil's grade, class and sex can be corrected; two pupils of one class
 * cannot share a nickname; a message goes once what it was about is
 * changed; Enter submits. And item 2: changing the PIN asks for the
 * current one, deleting a pupil asks first. Every field is typed into
 * and every button pressed through the real widgets; Enter is the
 * entry's own activation. Screenshots at 1024×768 and 1920×1080.
 */

#include "kns-config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kns-learner-row.h"
#include "kns-learners-panel.h"
#include "kns-sessions-panel.h"
#include "kns-teacher.h"
#include "teacher-fixture.h"

/* Enter in an entry row: what GtkText's Enter key binding emits. */
static void
press_enter (GtkWidget *row)
{
  GtkWidget *text = teacher_find_child (row, GTK_TYPE_TEXT);

  g_assert_nonnull (text);
  g_signal_emit_by_name (text, "activate");
  kns_test_spin (50);
}

static GtkWidget *
row (GtkWidget  *panel,
     const char *title)
{
  GtkWidget *found = teacher_find_row (panel, title);

  g_assert_nonnull (found);
  return found;
}

static void
type_into (GtkWidget  *panel,
           const char *title,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row (panel, title)), text);
}

static guint
selected_grade (GtkWidget *panel)
{
  return adw_combo_row_get_selected (ADW_COMBO_ROW (row (panel, _("Grade")))) + 1;
}

/* The form's message, when one is shown. */
static const char *
form_error (GtkWidget  *panel,
            const char *part)
{
  GtkLabel *label = teacher_find_label (panel, part);

  return label != NULL ? gtk_label_get_text (label) : NULL;
}

static void
test_session_grade_follows_class (TeacherFixture *f,
                                  gconstpointer   data)
{
  g_autoptr(KnsClassSession) running = NULL;
  const char *missing = _("Give the session a title and the class that takes it.");
  GtkWidget *sessions;

  teacher_enter (f);
  sessions = teacher_panel (f, "sessions");

  type_into (sessions, _("Class, for example 6A"), "2A");
  g_assert_cmpuint (selected_grade (sessions), ==, 2);
  type_into (sessions, _("Class, for example 6A"), "10A1");
  g_assert_cmpuint (selected_grade (sessions), ==, 10);
  /* A label that names no grade leaves the grade as it was. */
  type_into (sessions, _("Class, for example 6A"), "Câu lạc bộ");
  g_assert_cmpuint (selected_grade (sessions), ==, 10);
  type_into (sessions, _("Class, for example 6A"), "Lớp 7B");
  g_assert_cmpuint (selected_grade (sessions), ==, 7);
  /* And the teacher can still choose another. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (row (sessions, _("Grade"))), 5);
  g_assert_cmpuint (selected_grade (sessions), ==, 6);

  /* Enter with no title: refused, said; the message goes once typed. */
  type_into (sessions, _("Title"), "");
  press_enter (row (sessions, _("Class, for example 6A")));
  g_assert_null (kns_store_get_running_session (f->store, NULL));
  g_assert_nonnull (form_error (sessions, missing));
  kns_test_screenshot (GTK_WIDGET (f->window), "40-session-form-error");
  type_into (sessions, _("Title"), "An toàn trên mạng");
  g_assert_null (form_error (sessions, missing));

  /* Enter in the title starts it, with the grade chosen. */
  press_enter (row (sessions, _("Title")));
  running = kns_store_get_running_session (f->store, NULL);
  g_assert_nonnull (running);
  g_assert_cmpstr (running->class_label, ==, "Lớp 7B");
  g_assert_cmpuint (running->grade, ==, 6);
  g_assert_cmpstr (running->title, ==, "An toàn trên mạng");
}

/* The lessons ticked are the session's; the message about ticking goes
 * once one is. */
static void
test_session_lessons (TeacherFixture *f,
                      gconstpointer   data)
{
  g_autoptr(KnsClassSession) running = NULL;
  const char *tick =
    _("Tick the lessons the session covers, or switch “Only some lessons” off.");
  GtkWidget *sessions, *lessons, *check;
  KnsTier *tier;

  teacher_enter (f);
  sessions = teacher_panel (f, "sessions");
  type_into (sessions, _("Class, for example 6A"), "4A");
  lessons = row (sessions, _("Only some lessons"));
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (lessons), TRUE);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (lessons), TRUE);
  kns_test_click (kns_test_find_button (sessions, _("Start the session")));
  g_assert_nonnull (form_error (sessions, tick));

  /* The tier's second lesson, ticked. */
  WAIT_FOR ((check = teacher_find_child (lessons, GTK_TYPE_CHECK_BUTTON)) != NULL);
  check = gtk_widget_get_ancestor (check, ADW_TYPE_ACTION_ROW);
  check = teacher_find_child (gtk_widget_get_next_sibling (check), GTK_TYPE_CHECK_BUTTON);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_assert_null (form_error (sessions, tick));
  kns_test_click (kns_test_find_button (sessions, _("Start the session")));

  running = kns_store_get_running_session (f->store, NULL);
  g_assert_nonnull (running);
  g_assert_cmpuint (g_strv_length (running->lesson_ids), ==, 1);
  tier = kns_course_get_tier_for_grade (f->course, 4);
  g_assert_cmpstr (running->lesson_ids[0], ==, kns_lesson_get_id (kns_tier_get_lesson (tier, 1)));
}

static KnsLearnerRow *
pupil_row (TeacherFixture *f,
           gint64          id)
{
  GtkWidget *learners = teacher_panel (f, "learners");
  GtkWidget *found;

  WAIT_FOR ((found = kns_learners_panel_get_row (KNS_LEARNERS_PANEL (learners), id)) != NULL);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (found), TRUE);
  kns_test_spin (300);
  return KNS_LEARNER_ROW (found);
}

/* A pupil who typed the wrong class: corrected in teacher mode, the
 * grade following the class. */
static void
test_correct_pupil (TeacherFixture *f,
                    gconstpointer   data)
{
  g_autoptr(KnsLearner) meo = NULL;
  KnsLearnerRow *pupil;
  GtkWidget *sex;

  teacher_enter (f);
  pupil = pupil_row (f, f->meo);
  sex = teacher_find_row (GTK_WIDGET (pupil), _("Boy or girl"));
  g_assert_null (sex);   /* the school does not record sex */

  type_into (GTK_WIDGET (pupil), _("Class, for example 6A"), "3B");
  g_assert_cmpuint (selected_grade (GTK_WIDGET (pupil)), ==, 3);
  kns_test_click (kns_test_find_button (GTK_WIDGET (pupil), _("Save")));
  meo = kns_store_get_learner (f->store, f->meo, NULL);
  g_assert_cmpstr (meo->class_label, ==, "3B");
  g_assert_cmpuint (meo->grade, ==, 3);
  g_clear_pointer (&meo, kns_learner_free);

  /* Where the school records sex, it can be corrected too. */
  g_assert_true (kns_store_set_setting (f->store, KNS_STORE_SETTING_RECORD_SEX, "true", NULL));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.back", NULL);
  teacher_enter (f);
  pupil = pupil_row (f, f->meo);
  sex = row (GTK_WIDGET (pupil), _("Boy or girl"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (sex), KNS_SEX_FEMALE);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row (GTK_WIDGET (pupil), _("Grade"))), 3);
  press_enter (row (GTK_WIDGET (pupil), _("The pupil’s nickname")));
  meo = kns_store_get_learner (f->store, f->meo, NULL);
  g_assert_cmpint (meo->sex, ==, KNS_SEX_FEMALE);
  g_assert_cmpuint (meo->grade, ==, 4);
  g_assert_cmpstr (meo->class_label, ==, "3B");
}

/* Two pupils of 2A cannot share a nickname, however it is typed. */
static void
test_duplicate_nickname (TeacherFixture *f,
                         gconstpointer   data)
{
  g_autoptr(KnsLearner) meo = NULL;
  KnsLearnerRow *pupil;

  teacher_enter (f);
  pupil = pupil_row (f, f->meo);
  type_into (GTK_WIDGET (pupil), _("The pupil’s nickname"), "cá  heo 2");
  press_enter (row (GTK_WIDGET (pupil), _("The pupil’s nickname")));
  g_assert_nonnull (kns_learner_row_get_message (pupil));
  g_assert_nonnull (strstr (kns_learner_row_get_message (pupil), "Cá Heo 2"));
  g_assert_nonnull (strstr (kns_learner_row_get_message (pupil), "2A"));
  meo = kns_store_get_learner (f->store, f->meo, NULL);
  g_assert_cmpstr (meo->nickname, ==, "Mèo Con 7");
  kns_test_screenshot (GTK_WIDGET (f->window), "41-pupil-duplicate");

  /* Typing again takes the message away; another name is saved. */
  type_into (GTK_WIDGET (pupil), _("The pupil’s nickname"), "Cá Heo 3");
  g_assert_null (kns_learner_row_get_message (pupil));
  press_enter (row (GTK_WIDGET (pupil), _("The pupil’s nickname")));
  g_clear_pointer (&meo, kns_learner_free);
  meo = kns_store_get_learner (f->store, f->meo, NULL);
  g_assert_cmpstr (meo->nickname, ==, "Cá Heo 3");
}

/* Deleting a pupil asks first; "Cancel" keeps them. */
static void
test_delete_asks (TeacherFixture *f,
                  gconstpointer   data)
{
  g_autoptr(KnsLearner) kept = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsLearner) gone = NULL;
  KnsLearnerRow *pupil = NULL;
  KnsLearnersPanel *learners;
  AdwMessageDialog *dialog;

  teacher_enter (f);
  pupil = pupil_row (f, f->ca);
  kns_test_click (kns_test_find_button (GTK_WIDGET (pupil), _("Delete this pupil")));
  dialog = teacher_wait_dialog ();
  kns_test_screenshot (GTK_WIDGET (dialog), "42-delete-confirm");
  kns_test_respond (dialog, _("Cancel"));
  kept = kns_store_get_learner (f->store, f->ca, NULL);
  g_assert_nonnull (kept);

  kns_test_click (kns_test_find_button (GTK_WIDGET (pupil), _("Delete this pupil")));
  kns_test_respond (teacher_wait_dialog (), _("Delete"));
  gone = kns_store_get_learner (f->store, f->ca, &error);
  g_assert_null (gone);
  g_assert_error (error, KNS_STORE_ERROR, KNS_STORE_ERROR_NOT_FOUND);
  learners = KNS_LEARNERS_PANEL (teacher_panel (f, "learners"));
  WAIT_FOR (kns_learners_panel_get_n_rows (learners) == 1);
}

/* Changing the PIN asks for the current one: a pupil at an open teacher
 * mode cannot lock the teacher out. */
static void
test_pin_change_asks_current (TeacherFixture *f,
                              gconstpointer   data)
{
  const char *wrong =
    ngettext ("The current PIN is not right. %u try left before entry locks.",
              "The current PIN is not right. %u tries left before entry locks.", 4);
  g_autofree char *wrong_words = g_strndup (wrong, strstr (wrong, "%u") - wrong);
  GtkWidget *settings;

  teacher_enter (f);
  settings = teacher_panel (f, "settings");
  g_assert_true (gtk_widget_get_visible (row (settings, _("Current PIN"))));

  /* Two different new PINs: said, and not a wrong try. */
  type_into (settings, _("New PIN (6 to 12 digits)"), "135790");
  type_into (settings, _("New PIN, again"), "135791");
  press_enter (row (settings, _("New PIN, again")));
  g_assert_nonnull (form_error (settings, _("The two PINs are not the same. Type the PIN again.")));
  g_assert_cmpuint (kns_teacher_get_tries_left (f->store), ==, KNS_PIN_FREE_TRIES);

  /* No current PIN: refused, counted. */
  type_into (settings, _("New PIN, again"), "135790");
  g_assert_null (form_error (settings, _("The two PINs are not the same. Type the PIN again.")));
  press_enter (row (settings, _("New PIN, again")));
  g_assert_nonnull (form_error (settings, wrong_words));
  g_assert_cmpuint (kns_teacher_get_tries_left (f->store), ==, KNS_PIN_FREE_TRIES - 1);
  g_assert_cmpint (kns_teacher_check_pin (f->store, TEACHER_PIN, NULL, NULL), ==, KNS_PIN_OK);

  /* The right one, Enter in its field: changed. */
  type_into (settings, _("New PIN (6 to 12 digits)"), "135790");
  type_into (settings, _("New PIN, again"), "135790");
  type_into (settings, _("Current PIN"), TEACHER_PIN);
  g_assert_null (form_error (settings, wrong_words));
  press_enter (row (settings, _("Current PIN")));
  g_assert_nonnull (form_error (settings, _("The PIN was changed.")));
  g_assert_cmpint (kns_teacher_check_pin (f->store, "135790", NULL, NULL), ==, KNS_PIN_OK);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (settings, _("Current PIN")))), ==, "");
}

/* At home without a PIN, there is no current PIN to ask for. */
static void
test_pin_first_at_home (TeacherFixture *f,
                        gconstpointer   data)
{
  GtkWidget *settings;

  teacher_enter (f);
  settings = teacher_panel (f, "settings");
  g_assert_null (teacher_find_row (settings, _("Current PIN")));
  type_into (settings, _("New PIN (6 to 12 digits)"), "135790");
  type_into (settings, _("New PIN, again"), "135790");
  press_enter (row (settings, _("New PIN, again")));
  g_assert_cmpint (kns_teacher_check_pin (f->store, "135790", NULL, NULL), ==, KNS_PIN_OK);
  g_assert_true (kns_teacher_pin_needed (f->store));
}

/* Scrolls the panel's page to its end, where the PIN is. */
static void
scroll_to_end (GtkWidget *panel)
{
  GtkWidget *scrolled = teacher_find_child (panel, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

  kns_test_spin (100);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  kns_test_spin (100);
}

/* Each panel and dialog this work touched, at the size of @data. */
static void
test_screens (TeacherFixture *f,
              gconstpointer   data)
{
  const TeacherSetup *setup = data;
  g_autofree char *prefix = g_strdup_printf ("%dpx", setup->width);
  g_autofree char *name = NULL;
  GtkWidget *sessions, *settings;
  KnsLearnerRow *pupil;
  AdwMessageDialog *dialog;

#define SHOT(widget, what) \
  G_STMT_START { \
    g_free (name); \
    name = g_strdup_printf ("45-%s-%s", prefix, what); \
    kns_test_screenshot (GTK_WIDGET (widget), name); \
  } G_STMT_END

  /* The PIN dialog, then after a wrong PIN. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.teacher-mode", NULL);
  SHOT (teacher_wait_dialog (), "pin");
  teacher_give_pin ("000000");
  SHOT (teacher_wait_dialog (), "pin-wrong");
  teacher_give_pin (TEACHER_PIN);
  WAIT_FOR (g_strcmp0 (teacher_screen (f), "teacher") == 0);

  /* A past session, and the form for the next. */
  sessions = teacher_panel (f, "sessions");
  kns_sessions_panel_set_form (KNS_SESSIONS_PANEL (sessions), "Buổi ngoại khóa: Mật khẩu",
                               "2A", 2);
  kns_test_click (kns_test_find_button (sessions, _("Start the session")));
  kns_test_click (kns_test_find_button (sessions, _("End the session")));
  type_into (sessions, _("Class, for example 6A"), "10A1");
  SHOT (f->window, "sessions");

  /* A pupil opened, refused a classmate's nickname. */
  pupil = pupil_row (f, f->meo);
  type_into (GTK_WIDGET (pupil), _("The pupil’s nickname"), "Cá Heo 2");
  press_enter (row (GTK_WIDGET (pupil), _("The pupil’s nickname")));
  SHOT (f->window, "learners");
  kns_test_click (kns_test_find_button (GTK_WIDGET (pupil), _("Delete this pupil")));
  dialog = teacher_wait_dialog ();
  SHOT (dialog, "delete");
  kns_test_respond (dialog, _("Cancel"));

  /* Settings: the kiosk, the lab, then the PIN with a message. */
  settings = teacher_panel (f, "settings");
  SHOT (f->window, "settings");
  type_into (settings, _("New PIN (6 to 12 digits)"), "135790");
  type_into (settings, _("New PIN, again"), "135790");
  press_enter (row (settings, _("New PIN, again")));
  scroll_to_end (settings);
  SHOT (f->window, "settings-pin");
  kns_test_click (kns_test_find_button (settings, _("Quit Kỹ năng số")));
  dialog = teacher_wait_dialog ();
  SHOT (dialog, "quit");
  kns_test_respond (dialog, _("Cancel"));

  /* Left alone: the countdown before it locks. */
  kns_window_set_idle_timeout (f->window, 9000);
  kns_test_spin (7000);
  SHOT (f->window, "locking");
#undef SHOT
}

#define ADD(path, setup, func) \
  g_test_add (path, TeacherFixture, setup, teacher_fixture_set_up, func, teacher_fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  kns_test_use_vietnamese ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  ADD ("/kns/teacher-forms/session-grade-follows-class", &teacher_lab,
       test_session_grade_follows_class);
  ADD ("/kns/teacher-forms/session-lessons", &teacher_lab, test_session_lessons);
  ADD ("/kns/teacher-forms/correct-pupil", &teacher_lab, test_correct_pupil);
  ADD ("/kns/teacher-forms/duplicate-nickname", &teacher_lab, test_duplicate_nickname);
  ADD ("/kns/teacher-forms/delete-asks", &teacher_lab, test_delete_asks);
  ADD ("/kns/teacher-forms/pin-change-asks-current", &teacher_lab, test_pin_change_asks_current);
  ADD ("/kns/teacher-forms/pin-first-at-home", &teacher_home, test_pin_first_at_home);
  ADD ("/kns/teacher-forms/screens-1024", &teacher_lab, test_screens);
  ADD ("/kns/teacher-forms/screens-1920", &teacher_lab_1920, test_screens);

  return g_test_run ();
}
