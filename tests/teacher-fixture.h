/* teacher-fixture.h — a lab computer in teacher mode, for the ui tests
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

#pragma once

#include <adwaita.h>

#include "kns-teacher-page.h"
#include "kns-test-util.h"

G_BEGIN_DECLS

#define TEACHER_PIN "246810"

typedef struct
{
  const char *setup;  /* KNS_SETUP_LAB or KNS_SETUP_HOME */
  int         width;
  int         height;
} TeacherSetup;

typedef struct
{
  char      *dir;
  KnsStore  *store;
  KnsCourse *course;
  GSettings *settings;
  KnsWindow *window;
  gint64     meo;     /* "Mèo Con 7", 2A */
  gint64     ca;      /* "Cá Heo 2", 2A */
} TeacherFixture;

extern const TeacherSetup teacher_lab;
extern const TeacherSetup teacher_lab_1920;
extern const TeacherSetup teacher_home;

void              teacher_fixture_set_up    (TeacherFixture *f,
                                             gconstpointer   data);
void              teacher_fixture_tear_down (TeacherFixture *f,
                                             gconstpointer   data);
void              teacher_open_window       (TeacherFixture *f,
                                             int             width,
                                             int             height);
const char       *teacher_screen            (TeacherFixture *f);
KnsTeacherPage   *teacher_page              (TeacherFixture *f);
GtkWidget        *teacher_panel             (TeacherFixture *f,
                                             const char     *name);
void              teacher_enter             (TeacherFixture *f);
void              teacher_sql               (TeacherFixture *f,
                                             const char     *sql);

AdwMessageDialog *teacher_wait_dialog       (void);
void              teacher_give_pin          (const char     *pin);
const char       *teacher_dialog_body       (AdwMessageDialog *dialog);
GtkWidget        *teacher_find_row          (GtkWidget      *root,
                                             const char     *title);
GtkWidget        *teacher_find_child        (GtkWidget      *root,
                                             GType           type);
GtkLabel         *teacher_find_label        (GtkWidget      *root,
                                             const char     *part);

G_END_DECLS
