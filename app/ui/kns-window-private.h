/* kns-window-private.h — what the kns-window*.c files share
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

#include "kns-check-view.h"
#include "kns-help-page.h"
#include "kns-home-page.h"
#include "kns-lesson-view.h"
#include "kns-new-learner-page.h"
#include "kns-parents-view.h"
#include "kns-quiz-view.h"
#include "kns-results-view.h"
#include "kns-scenario-view.h"
#include "kns-setup-page.h"
#include "kns-sign-in-page.h"
#include "kns-speech.h"
#include "kns-teacher-page.h"
#include "kns-window.h"

G_BEGIN_DECLS

/* From this width on, the student screens grow (see set_wide ()). */
#define KNS_WINDOW_WIDE_WIDTH 1500

/* How much larger reading text is on a wide window. */
#define KNS_WINDOW_WIDE_TEXT  1.25

struct _KnsWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwHeaderBar         *header_bar;
  GtkWidget            *back_button;
  AdwWindowTitle       *window_title;
  GtkWidget            *sign_out_button;
  AdwAvatar            *learner_avatar;
  GtkWidget            *help_button;
  GtkWidget            *text_size_button;
  GtkLabel             *text_size_label;
  GtkWidget            *teacher_button;
  GtkWidget            *parents_button;
  GtkRevealer          *idle_revealer;
  GtkLabel             *idle_label;
  GtkStack             *stack;
  AdwStatusPage        *error_page;
  GtkWidget            *problems_button;
  AdwPreferencesPage   *problems_page;
  KnsSignInPage        *sign_in_page;
  KnsNewLearnerPage    *new_learner_page;
  KnsHomePage          *home_page;
  KnsLessonView        *lesson_view;
  KnsQuizView          *quiz_view;
  KnsResultsView       *results_view;
  KnsScenarioView      *scenario_view;
  KnsHelpPage          *help_page;

  /* Screens built when first needed, then children of the stack */
  KnsSetupPage         *setup_page;
  KnsTeacherPage       *teacher_page;
  KnsCheckView         *check_view;   /* the session's check (kns-window-kit.c) */
  KnsParentsView       *parents_view; /* the parents' page, at home */

  /* Owned */
  KnsCourse            *course;
  KnsStore             *store;
  GSettings            *settings;     /* NULL when the schema is missing */
  KnsLearner           *learner;
  KnsLesson            *lesson;       /* open in the lesson, quiz or results screen */
  KnsSpeech            *speech;       /* "Read aloud" in the lesson and the quiz */
  GPtrArray            *problem_groups;
  KnsScreen             screen;       /* the page of the stack on view */
  KnsScreen             help_return;  /* the screen "back" leaves help for */
  char                 *setup;        /* KNS_SETUP_…, NULL before first-run set-up */
  guint                 pass_mark;
  gboolean              allow_higher_tiers; /* older classes' lessons open */

  /* Kiosk and idle sign-out (kns-window-kiosk.c) */
  gboolean              kiosk;
  gboolean              closing;      /* a quit was allowed */
  guint                 inhibit_cookie;
  guint                 idle_timeout_ms;
  gint64                last_input;
  guint                 idle_source;
  GSimpleAction        *kiosk_action; /* kiosk.enabled: what is in force */
  KnsScreen             kiosk_screen; /* on view at the last kns_window_kiosk_update () */
  gboolean              teacher_locks; /* teacher mode, on view, locks when idle */

  /* Text size (kns-window-text-size.c) */
  double                text_scale;
  gboolean              wide;         /* at least KNS_WINDOW_WIDE_WIDTH */
};

void        kns_window_show_screen     (KnsWindow *self,
                                        KnsScreen  screen);
void        kns_window_show_home       (KnsWindow *self,
                                        guint      tier);
guint       kns_window_own_tier        (KnsWindow *self);
void        kns_window_lessons_class_init (GtkWidgetClass *widget_class);
guint       kns_window_max_open_grade  (KnsWindow *self);
gboolean    kns_window_may_open_tier   (KnsWindow *self,
                                        KnsTier   *tier);
void        kns_window_refuse_older    (KnsWindow *self);
void        kns_window_kiosk_init      (KnsWindow *self);
void        kns_window_kiosk_dispose   (KnsWindow *self);
void        kns_window_kiosk_update    (KnsWindow *self);
void        kns_window_kiosk_follow_settings (KnsWindow *self);
gboolean    kns_window_kiosk_close_request (KnsWindow *self);
void        kns_window_kit_class_init  (GtkWidgetClass *widget_class);
gboolean    kns_window_kit_check_at_sign_in (KnsWindow *self);
void        kns_window_kit_update_home (KnsWindow *self);
void        kns_window_kit_forget      (KnsWindow *self);
GtkWidget  *kns_window_kit_build_page  (KnsWindow  *self,
                                        const char *name);
void        kns_window_text_size_class_init (GtkWidgetClass *widget_class);
void        kns_window_text_size_init  (KnsWindow *self);
void        kns_window_text_size_follow (KnsWindow *self);
void        kns_window_text_size_update (KnsWindow *self);

G_END_DECLS
