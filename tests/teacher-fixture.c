/* teacher-fixture.c — a lab computer in teacher mode, for the ui tests
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
 * A school lab set up with a PIN (or a home without one), two pupils
 * of class 2A, the bundled course and the app's GSettings (the memory
 * backend), shown in the app's window at the size the test asks for.
 */

#include "kns-config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>
#include <string.h>

#include "kns-teacher.h"
#include "teacher-fixture.h"

const TeacherSetup teacher_lab = { KNS_SETUP_LAB, 1024, 768 };
const TeacherSetup teacher_lab_1920 = { KNS_SETUP_LAB, 1920, 1080 };
const TeacherSetup teacher_home = { KNS_SETUP_HOME, 1024, 768 };

void
teacher_open_window (TeacherFixture *f,
                     int             width,
                     int             height)
{
  f->window = kns_test_window_new (f->store, f->course, f->settings, width, height);
}

void
teacher_fixture_set_up (TeacherFixture *f,
                        gconstpointer   data)
{
  const TeacherSetup *setup = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *content = g_test_build_filename (G_TEST_DIST, "..", "content", "vi", NULL);
  g_autoptr(KnsLearner) meo = NULL;
  g_autoptr(KnsLearner) ca = NULL;

  f->dir = g_dir_make_tmp ("kns-teacher-XXXXXX", &error);
  g_assert_no_error (error);
  f->store = kns_store_open (f->dir, &error);
  g_assert_no_error (error);
  f->course = kns_course_load (content, NULL, NULL);
  f->settings = g_settings_new (APP_ID);

  g_assert_true (kns_teacher_set_setup (f->store, setup->setup, NULL));
  if (g_str_equal (setup->setup, KNS_SETUP_LAB))
    g_assert_true (kns_teacher_set_pin (f->store, TEACHER_PIN, NULL));
  g_assert_true (kns_store_set_setting (f->store, KNS_STORE_SETTING_SCHOOL_NAME,
                                        "Trường Tiểu học Hòa Bình", NULL));
  meo = kns_store_add_learner (f->store, "Mèo Con 7", "2A", 2, "cat", KNS_SEX_UNSTATED, NULL);
  ca = kns_store_add_learner (f->store, "Cá Heo 2", "2A", 2, "dolphin", KNS_SEX_UNSTATED, NULL);
  f->meo = meo->id;
  f->ca = ca->id;

  if (setup->width > 0)
    teacher_open_window (f, setup->width, setup->height);
}

void
teacher_fixture_tear_down (TeacherFixture *f,
                           gconstpointer   data)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  /* Dialogs first, then the window. */
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (l->data != f->window)
      gtk_window_destroy (l->data);
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  kns_test_spin (50);
  g_settings_reset (f->settings, "kiosk-mode");
  g_settings_reset (f->settings, "idle-timeout");
  g_clear_object (&f->settings);
  g_clear_object (&f->course);
  g_clear_object (&f->store);
  kns_test_remove_tree (f->dir);
  g_free (f->dir);
}

const char *
teacher_screen (TeacherFixture *f)
{
  return kns_screen_to_string (kns_window_get_screen (f->window));
}

KnsTeacherPage *
teacher_page (TeacherFixture *f)
{
  return KNS_TEACHER_PAGE (kns_window_get_page (f->window, "teacher"));
}

GtkWidget *
teacher_panel (TeacherFixture *f,
               const char     *name)
{
  kns_teacher_page_set_panel (teacher_page (f), name);
  return kns_teacher_page_get_panel (teacher_page (f), name);
}

AdwMessageDialog *
teacher_wait_dialog (void)
{
  AdwMessageDialog *dialog;

  WAIT_FOR ((dialog = kns_test_find_message_dialog ()) != NULL &&
            gtk_widget_get_mapped (GTK_WIDGET (dialog)));
  return dialog;
}

/* Types @pin in the PIN dialog and presses "Open". */
void
teacher_give_pin (const char *pin)
{
  AdwMessageDialog *dialog = teacher_wait_dialog ();

  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), pin);
  kns_test_respond (dialog, _("Open"));
  kns_test_spin (50);
}

void
teacher_enter (TeacherFixture *f)
{
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.teacher-mode", NULL);
  if (kns_teacher_pin_needed (f->store))
    teacher_give_pin (TEACHER_PIN);
  WAIT_FOR (g_strcmp0 (teacher_screen (f), "teacher") == 0);
}

const char *
teacher_dialog_body (AdwMessageDialog *dialog)
{
  return adw_message_dialog_get_body (dialog);
}

/* What a pupil with an SQLite editor would do, while the app is open. */
void
teacher_sql (TeacherFixture *f,
             const char     *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (kns_store_get_path (f->store), &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

/* The drawable boxed-list row titled @title. */
GtkWidget *
teacher_find_row (GtkWidget  *root,
                  const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (root) && gtk_widget_is_drawable (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = teacher_find_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
teacher_find_child (GtkWidget *root,
                    GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = G_TYPE_CHECK_INSTANCE_TYPE (child, type)
                           ? child : teacher_find_child (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A drawable label whose text holds @part. */
GtkLabel *
teacher_find_label (GtkWidget  *root,
                    const char *part)
{
  if (GTK_IS_LABEL (root) && gtk_widget_is_drawable (root) &&
      strstr (gtk_label_get_text (GTK_LABEL (root)), part) != NULL)
    return GTK_LABEL (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = teacher_find_label (child, part);

      if (found != NULL)
        return found;
    }
  return NULL;
}
