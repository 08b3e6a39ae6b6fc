/* kns-window.h
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

#include "kns-course.h"
#include "kns-store.h"

G_BEGIN_DECLS

/* The screens of the window, one page of its stack each; the nick of
 * each value is the page's name. */
typedef enum
{
  KNS_SCREEN_LOADING,
  KNS_SCREEN_ERROR,
  KNS_SCREEN_PROBLEMS,
  KNS_SCREEN_SETUP,
  KNS_SCREEN_SIGN_IN,
  KNS_SCREEN_NEW_LEARNER,
  KNS_SCREEN_HOME,
  KNS_SCREEN_LESSON,
  KNS_SCREEN_QUIZ,
  KNS_SCREEN_RESULTS,
  KNS_SCREEN_SCENARIO,
  KNS_SCREEN_HELP,
  KNS_SCREEN_TEACHER,
  KNS_SCREEN_CHECK,   /* the session's check, before or after (kns-window-kit.c) */
  KNS_SCREEN_PARENTS, /* the parents' page, at home */
} KnsScreen;

#define KNS_TYPE_SCREEN (kns_screen_get_type ())
#define KNS_TYPE_WINDOW (kns_window_get_type ())

GType       kns_screen_get_type  (void) G_GNUC_CONST;
const char *kns_screen_to_string (KnsScreen screen);

G_DECLARE_FINAL_TYPE (KnsWindow, kns_window, KNS, WINDOW, AdwApplicationWindow)

KnsWindow        *kns_window_new              (GtkApplication *application);
void              kns_window_set_course       (KnsWindow      *self,
                                               KnsCourse      *course);
KnsCourse        *kns_window_get_course       (KnsWindow      *self);
void              kns_window_set_store        (KnsWindow      *self,
                                               KnsStore       *store);
KnsStore         *kns_window_get_store        (KnsWindow      *self);
void              kns_window_show_store_error (KnsWindow      *self,
                                               const GError   *error,
                                               const char     *data_dir);
void              kns_window_set_pass_mark    (KnsWindow      *self,
                                               guint           pass_mark);
void              kns_window_set_settings     (KnsWindow      *self,
                                               GSettings      *settings);
void              kns_window_set_kiosk        (KnsWindow      *self,
                                               gboolean        kiosk);
gboolean          kns_window_get_kiosk        (KnsWindow      *self);
void              kns_window_set_idle_timeout (KnsWindow      *self,
                                               guint           milliseconds);
guint             kns_window_get_idle_timeout (KnsWindow      *self);
KnsScreen         kns_window_get_screen       (KnsWindow      *self);
const KnsLearner *kns_window_get_learner      (KnsWindow      *self);
GtkWidget        *kns_window_get_page         (KnsWindow      *self,
                                               const char     *name);

G_END_DECLS
