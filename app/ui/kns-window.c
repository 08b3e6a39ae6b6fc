/* kns-window.c
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
 * The window holds the screens a child moves through and the actions that
 * move between them. Each screen is its own widget; the window only knows
 * who is signed in, which lesson is open, and where "back" goes.
 */

#define G_LOG_DOMAIN "kns-window"

#include "kns-config.h"

#include <glib/gi18n.h>

#include "kns-content-check.h"
#include "kns-pin-dialog.h"
#include "kns-teacher.h"
#include "kns-ui-util.h"
#include "kns-window-private.h"

G_DEFINE_FINAL_TYPE (KnsWindow, kns_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_COURSE,
  PROP_STORE,
  PROP_SCREEN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_ENUM_TYPE (KnsScreen, kns_screen,
                    G_DEFINE_ENUM_VALUE (KNS_SCREEN_LOADING, "loading"),
                    G_DEFINE_ENUM_VALUE (KNS_SCREEN_ERROR, "error"),
                    G_DEFINE_ENUM_VALUE (KNS_SCREEN_PROBLEMS, "problems"),
                    G_DEFINE_ENUM_VALUE (KNS_SCREEN_SETUP, "setup"),
                    G_DEFINE_ENUM_VALUE (KNS_SCREEN_SIGN_IN, "sign-in"),
                    G_DEFINE_ENUM_VALUE (KNS_SCREEN_NEW_LEARNER, "new-learner"),
                    G_DEFINE_ENUM_VALUE (KNS_SCREEN_HOME, "home"),
                    G_DEFINE_ENUM_VALUE (KNS_SCREEN_LESSON, "lesson"),
                    G_DEFINE_ENUM_VALUE (KNS_SCREEN_QUIZ, "quiz"),
                    G_DEFINE_ENUM_VALUE (KNS_SCREEN_RESULTS, "results"),
                    G_DEFINE_ENUM_VALUE (KNS_SCREEN_SCENARIO, "scenario"),
                    G_DEFINE_ENUM_VALUE (KNS_SCREEN_HELP, "help"),
                    G_DEFINE_ENUM_VALUE (KNS_SCREEN_TEACHER, "teacher"),
                    G_DEFINE_ENUM_VALUE (KNS_SCREEN_CHECK, "check"),
                    G_DEFINE_ENUM_VALUE (KNS_SCREEN_PARENTS, "parents"))

/**
 * kns_screen_to_string:
 *
 * Returns: the name of the stack page that shows @screen
 */
const char *
kns_screen_to_string (KnsScreen screen)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (KNS_TYPE_SCREEN);
  GEnumValue *value = g_enum_get_value (klass, (int) screen);

  g_return_val_if_fail (value != NULL, NULL);
  return value->value_nick;
}

#define SCREEN_BIT(screen) (1u << (screen))

static gboolean
on_screen (KnsWindow *self,
           KnsScreen  screen)
{
  return self->screen == screen;
}

/* Whether the screen on view is one of @screens, a set of SCREEN_BIT ()s. */
static gboolean
on_one_of (KnsWindow *self,
           guint      screens)
{
  return (SCREEN_BIT (self->screen) & screens) != 0;
}

#define STUDENT_SCREENS (SCREEN_BIT (KNS_SCREEN_HOME) | SCREEN_BIT (KNS_SCREEN_LESSON) |        \
                         SCREEN_BIT (KNS_SCREEN_QUIZ) | SCREEN_BIT (KNS_SCREEN_RESULTS) |      \
                         SCREEN_BIT (KNS_SCREEN_SCENARIO))
#define LESSON_SCREENS (SCREEN_BIT (KNS_SCREEN_LESSON) | SCREEN_BIT (KNS_SCREEN_QUIZ) |         \
                        SCREEN_BIT (KNS_SCREEN_RESULTS) | SCREEN_BIT (KNS_SCREEN_SCENARIO))

/* The tier of the signed-in learner's grade, or 0. */
static guint
own_tier (KnsWindow *self)
{
  KnsTier *tier;

  if (self->learner == NULL || self->course == NULL)
    return 0;
  tier = kns_course_get_tier_for_grade (self->course, self->learner->grade);

  return tier != NULL ? kns_tier_get_id (tier) : 0;
}

/* What can be done depends on the screen and on who is signed in; this
 * is the one place that decides it. */
static void
update_chrome (KnsWindow *self)
{
  gboolean signed_in = self->learner != NULL;
  gboolean can_go_back = on_one_of (self, LESSON_SCREENS | SCREEN_BIT (KNS_SCREEN_NEW_LEARNER) |
                                            SCREEN_BIT (KNS_SCREEN_HELP) |
                                            SCREEN_BIT (KNS_SCREEN_PROBLEMS) |
                                            SCREEN_BIT (KNS_SCREEN_TEACHER) |
                                            SCREEN_BIT (KNS_SCREEN_PARENTS)) ||
                         (on_screen (self, KNS_SCREEN_HOME) && signed_in &&
                          kns_home_page_get_shown_tier (self->home_page) != own_tier (self));
  const char *subtitle = signed_in ? self->learner->nickname : "";
  const char *title = "Kỹ năng số";

  if (on_one_of (self, LESSON_SCREENS) && self->lesson != NULL)
    title = kns_lesson_get_title (self->lesson);
  else if (on_screen (self, KNS_SCREEN_HELP))
    title = _("Need help?");
  else if (on_screen (self, KNS_SCREEN_TEACHER))
    title = _("Teacher mode");
  else if (on_screen (self, KNS_SCREEN_SETUP))
    title = _("Set-up");
  else if (on_screen (self, KNS_SCREEN_CHECK))
    /* Translators: the window's title during the session's check */
    title = _("Five little questions");
  else if (on_screen (self, KNS_SCREEN_PARENTS))
    title = _("For parents");

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  gtk_widget_set_visible (self->back_button, can_go_back);
  gtk_widget_set_visible (self->sign_out_button, signed_in);
  gtk_widget_set_visible (self->help_button,
                          !on_one_of (self, SCREEN_BIT (KNS_SCREEN_HELP) | SCREEN_BIT (KNS_SCREEN_LOADING) |
                                              SCREEN_BIT (KNS_SCREEN_SETUP) |
                                              SCREEN_BIT (KNS_SCREEN_TEACHER)));
  gtk_widget_set_visible (self->teacher_button, on_screen (self, KNS_SCREEN_SIGN_IN));
  /* At home the parents' page needs no PIN; a school prints it in teacher mode. */
  gtk_widget_set_visible (self->parents_button, on_screen (self, KNS_SCREEN_SIGN_IN) &&
                                                g_strcmp0 (self->setup, KNS_SETUP_HOME) == 0);
  gtk_widget_set_visible (self->text_size_button,
                          on_one_of (self, LESSON_SCREENS | SCREEN_BIT (KNS_SCREEN_HELP)));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back", can_go_back);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sign-out", signed_in);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-lesson", signed_in);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-scenario", signed_in);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-tier", signed_in);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.go-home", signed_in);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.start-quiz", signed_in && on_screen (self, KNS_SCREEN_LESSON));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.finish-lesson", signed_in && on_screen (self, KNS_SCREEN_LESSON));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.retry-quiz", signed_in && on_screen (self, KNS_SCREEN_RESULTS));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.retake-quiz", signed_in);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-results", signed_in);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sign-in", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-learner", self->store != NULL && !signed_in);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.guest", self->store != NULL && !signed_in);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.teacher-mode", on_screen (self, KNS_SCREEN_SIGN_IN));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.quit", on_screen (self, KNS_SCREEN_TEACHER));

  kns_window_kiosk_update (self);
}

/* GTK 4.8 presents every page of a stack to screen readers, so a blind
 * child would meet the headings and buttons of screens that are not
 * there: only the screen on view is presented. */
static void
present_only_visible_screen (KnsWindow *self)
{
  GtkWidget *visible = gtk_stack_get_visible_child (self->stack);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_accessible_update_state (GTK_ACCESSIBLE (child),
                                 GTK_ACCESSIBLE_STATE_HIDDEN, child != visible,
                                 -1);
}

static void
show_screen (KnsWindow *self,
             KnsScreen  screen)
{
  const char *name = kns_screen_to_string (screen);

  /* Whatever was being read aloud belongs to the screen being left. */
  if (!on_screen (self, screen))
    kns_speech_stop (self->speech);
  /* Built here if it is the first time it is shown. */
  kns_window_get_page (self, name);
  gtk_stack_set_visible_child_name (self->stack, name);
  if (self->screen != screen)
    {
      self->screen = screen;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCREEN]);
    }
  present_only_visible_screen (self);
  update_chrome (self);
}

static void
show_error_page (KnsWindow  *self,
                 const char *title,
                 const char *description,
                 gboolean    has_problems)
{
  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, description);
  gtk_widget_set_visible (self->problems_button, has_problems);
  show_screen (self, KNS_SCREEN_ERROR);
}

static GtkWidget *
problem_row_new (KnsDiagnostic *diagnostic)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *where = diagnostic->line > 0
    ? g_strdup_printf ("%s:%u", diagnostic->file, diagnostic->line)
    : g_strdup (diagnostic->file);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), diagnostic->message);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), where);
  gtk_widget_add_css_class (row, diagnostic->severity == KNS_SEVERITY_ERROR ? "diagnostic-error"
                                                                            : "diagnostic-warning");
  return row;
}

/* The content checker's findings, for the teacher or technician. */
static void
fill_problems (KnsWindow *self)
{
  GPtrArray *diagnostics = kns_course_get_diagnostics (self->course);
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *summary = kns_content_check_summary (self->course);

  for (guint i = 0; i < self->problem_groups->len; i++)
    adw_preferences_page_remove (self->problems_page, g_ptr_array_index (self->problem_groups, i));
  g_ptr_array_set_size (self->problem_groups, 0);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Problems in the lessons"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), summary);
  for (guint i = 0; i < diagnostics->len; i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               problem_row_new (g_ptr_array_index (diagnostics, i)));
  adw_preferences_page_add (self->problems_page, ADW_PREFERENCES_GROUP (group));
  g_ptr_array_add (self->problem_groups, group);
}

static void
show_sign_in (KnsWindow *self)
{
  g_autoptr(GError) error = NULL;

  kns_sign_in_page_set_anonymous (self->sign_in_page,
                                  g_strcmp0 (self->setup, KNS_SETUP_LAB_ANONYMOUS) == 0);
  if (!kns_sign_in_page_refresh (self->sign_in_page, self->store, &error))
    {
      show_error_page (self, _("The learners’ progress cannot be read"), error->message, FALSE);
      return;
    }
  show_screen (self, KNS_SCREEN_SIGN_IN);
}

/* Course and store both ready: open the door, or say why not. */
static void
start (KnsWindow *self)
{
  if (self->course == NULL || self->store == NULL)
    return;

  fill_problems (self);
  kns_help_page_set_blocks (self->help_page, kns_course_get_help (self->course));

  if (kns_course_get_n_lessons (self->course) == 0)
    {
      g_autofree char *description = NULL;

      description = g_strdup_printf (_("No lesson could be loaded from %s. Ask the teacher or the "
                                       "computer technician to check the lessons with "
                                       "“kynangso --check-content”."),
                                     kns_course_get_root (self->course));
      show_error_page (self, _("The lessons could not be loaded"), description,
                       kns_course_get_diagnostics (self->course)->len > 0);
      return;
    }

  g_free (self->setup);
  self->setup = kns_teacher_get_setup (self->store);
  if (self->setup == NULL)
    {
      kns_setup_page_reset (KNS_SETUP_PAGE (kns_window_get_page (self, "setup")), self->store);
      show_screen (self, KNS_SCREEN_SETUP);
      return;
    }

  show_sign_in (self);
}

static void
show_home (KnsWindow *self,
           guint      tier)
{
  g_autoptr(GError) error = NULL;

  if (!kns_window_may_open_tier (self, kns_course_get_tier (self->course, tier)))
    {
      kns_window_refuse_older (self);
      tier = own_tier (self);
    }
  if (!kns_home_page_show (self->home_page, self->course, self->store, self->learner, tier,
                           kns_window_max_open_grade (self), self->pass_mark, &error))
    {
      kns_report_error (GTK_WIDGET (self), error);
      return;
    }
  kns_window_kit_update_home (self);
  show_screen (self, KNS_SCREEN_HOME);
}

/* For kns-window-lessons.c, which opens and leaves the lessons. */
void
kns_window_show_screen (KnsWindow *self,
                        KnsScreen  screen)
{
  show_screen (self, screen);
}

void
kns_window_show_home (KnsWindow *self,
                      guint      tier)
{
  show_home (self, tier);
}

guint
kns_window_own_tier (KnsWindow *self)
{
  return own_tier (self);
}

/* Leaves whatever a child had open, so that the next one never sees it. */
static void
forget_learner (KnsWindow *self)
{
  kns_lesson_view_clear (self->lesson_view);
  kns_quiz_view_clear (self->quiz_view);
  kns_results_view_clear (self->results_view);
  kns_scenario_view_clear (self->scenario_view);
  kns_home_page_clear (self->home_page);
  kns_window_kit_forget (self);
  g_clear_object (&self->lesson);
  g_clear_pointer (&self->learner, kns_learner_free);
  adw_avatar_set_custom_image (self->learner_avatar, NULL);
}

static void
sign_in_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  KnsWindow *self = KNS_WINDOW (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsLearner) learner = NULL;
  g_autoptr(GdkPaintable) picture = NULL;

  if (!kns_store_sign_in (self->store, id, &error) ||
      !(learner = kns_store_get_learner (self->store, id, &error)))
    {
      kns_report_error (widget, error);
      return;
    }

  forget_learner (self);
  self->learner = g_steal_pointer (&learner);
  picture = kns_avatar_paintable_new (self->learner->avatar);
  adw_avatar_set_text (self->learner_avatar, self->learner->nickname);
  adw_avatar_set_custom_image (self->learner_avatar, picture);
  /* In a running class session, the check comes first (issue 21). */
  if (kns_window_kit_check_at_sign_in (self))
    return;
  show_home (self, own_tier (self));
  kns_home_page_focus_top (self->home_page);
}

static void
sign_out_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  KnsWindow *self = KNS_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->learner == NULL)
    return;

  if (on_screen (self, KNS_SCREEN_LESSON))
    kns_lesson_view_save_position (self->lesson_view);
  if (!kns_store_sign_out (self->store, self->learner->id, &error))
    g_message ("Signing out: %s", error->message);

  forget_learner (self);
  show_sign_in (self);
}

static void
new_learner_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  KnsWindow *self = KNS_WINDOW (widget);

  kns_new_learner_page_reset (self->new_learner_page, self->store, g_str_equal (action_name, "win.guest"));
  show_screen (self, KNS_SCREEN_NEW_LEARNER);
}

static void
help_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  KnsWindow *self = KNS_WINDOW (widget);

  if (on_screen (self, KNS_SCREEN_HELP) || on_screen (self, KNS_SCREEN_LOADING))
    return;
  if (on_screen (self, KNS_SCREEN_LESSON))
    kns_lesson_view_save_position (self->lesson_view);

  self->help_return = self->screen;
  show_screen (self, KNS_SCREEN_HELP);
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  KnsWindow *self = KNS_WINDOW (widget);

  if (on_screen (self, KNS_SCREEN_HELP))
    show_screen (self, self->help_return);
  else if (on_screen (self, KNS_SCREEN_NEW_LEARNER))
    show_sign_in (self);
  else if (on_screen (self, KNS_SCREEN_PROBLEMS))
    show_screen (self, KNS_SCREEN_ERROR);
  else if (on_screen (self, KNS_SCREEN_TEACHER) || on_screen (self, KNS_SCREEN_PARENTS))
    show_sign_in (self);
  else if (self->learner != NULL && on_one_of (self, STUDENT_SCREENS))
    gtk_widget_activate_action (widget, "win.go-home", NULL);
}

static void
show_problems_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  show_screen (KNS_WINDOW (widget), KNS_SCREEN_PROBLEMS);
}

static void
setup_done_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  start (KNS_WINDOW (widget));
}

static void
open_teacher_mode (GtkWindow *window,
                   gpointer   user_data)
{
  KnsWindow *self = KNS_WINDOW (window);

  kns_teacher_page_show (KNS_TEACHER_PAGE (kns_window_get_page (self, "teacher")), self->store,
                         self->course, self->settings);
  show_screen (self, KNS_SCREEN_TEACHER);
}

/* At home there is no PIN; in a school it is asked every time, and a
 * missing or damaged one opens nothing (kns_teacher_pin_needed ()). */
static void
teacher_mode_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  KnsWindow *self = KNS_WINDOW (widget);

  if (!kns_teacher_pin_needed (self->store))
    open_teacher_mode (GTK_WINDOW (self), NULL);
  else
    kns_pin_dialog_present (GTK_WINDOW (self), self->store, _("Teacher mode"), open_teacher_mode, NULL);
}

/* Only teacher mode offers it, so the PIN has been given. */
static void
quit_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  KnsWindow *self = KNS_WINDOW (widget);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  self->closing = TRUE;
  if (app != NULL)
    g_application_quit (G_APPLICATION (app));
  else
    gtk_window_close (GTK_WINDOW (self));
}

static gboolean
kns_window_close_request (GtkWindow *window)
{
  if (kns_window_kiosk_close_request (KNS_WINDOW (window)))
    return TRUE;
  return GTK_WINDOW_CLASS (kns_window_parent_class)->close_request (window);
}

/* A failed write or read: the child (and the teacher) must see it, and
 * it must not vanish like a toast. */
static void
report_error_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  g_autofree char *body = g_strdup_printf ("%s\n\n%s", g_variant_get_string (parameter, NULL),
                                           _("Please tell your teacher."));
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (widget), _("Something went wrong"), body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("OK"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The store found its file damaged and moved it aside: the teacher must
 * know, and know where the old file went. */
static void
show_recovery (KnsWindow *self,
               KnsStore  *store)
{
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (kns_store_get_recovery (store) == KNS_STORE_RECOVERY_RESTORED_BACKUP)
    body = g_strdup_printf (_("The file of learners’ progress was damaged. It was kept as %s, and "
                              "the newest backup was restored: work since that backup may be missing."),
                            kns_store_get_moved_aside (store));
  else
    body = g_strdup_printf (_("The file of learners’ progress was damaged. It was kept as %s, and "
                              "no backup could be used, so the app starts with no learners."),
                            kns_store_get_moved_aside (store));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Learners’ progress was repaired"), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("OK"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Escape leaves help, and a lesson, quiz, results or scenario, as "back"
 * does: nothing is lost, since every answer and choice is saved as it is
 * given. Elsewhere (sign-in, set-up, the forms) it does nothing. */
static void
escape_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KnsWindow *self = KNS_WINDOW (widget);

  if (on_one_of (self, LESSON_SCREENS | SCREEN_BIT (KNS_SCREEN_HELP)))
    gtk_widget_activate_action (widget, "win.back", NULL);
}

/* Big screens: bigger pictures, three cards a row, larger text; a
 * 1920-pixel screen no longer shows a 1024-pixel page in its middle. */
static void
set_wide (KnsWindow *self,
          gboolean   wide)
{
  if (self->wide == wide)
    return;
  self->wide = wide;
  if (wide)
    gtk_widget_add_css_class (GTK_WIDGET (self), "wide");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "wide");
  kns_sign_in_page_set_wide (self->sign_in_page, wide);
  kns_new_learner_page_set_wide (self->new_learner_page, wide);
  kns_home_page_set_wide (self->home_page, wide);
  kns_window_text_size_update (self);
}

static void
surface_width_cb (GdkSurface *surface,
                  GParamSpec *pspec,
                  KnsWindow  *self)
{
  set_wide (self, gdk_surface_get_width (surface) >= KNS_WINDOW_WIDE_WIDTH);
}

static void
kns_window_realize (GtkWidget *widget)
{
  KnsWindow *self = KNS_WINDOW (widget);
  GdkSurface *surface;

  GTK_WIDGET_CLASS (kns_window_parent_class)->realize (widget);

  surface = gtk_native_get_surface (GTK_NATIVE (self));
  g_signal_connect_object (surface, "notify::width", G_CALLBACK (surface_width_cb), self, 0);
  surface_width_cb (surface, NULL, self);
}

/* The window a child or a teacher opens fills the screen: maximised, and,
 * where nothing maximises it, nine tenths of the first monitor. */
static void
fit_to_screen (KnsWindow *self)
{
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));
  g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, 0);
  GdkRectangle area;

  gtk_window_maximize (GTK_WINDOW (self));
  if (monitor == NULL)
    return;
  gdk_monitor_get_geometry (monitor, &area);
  gtk_window_set_default_size (GTK_WINDOW (self), MAX (1024, area.width * 9 / 10),
                               MAX (720, area.height * 9 / 10));
}

static void
kns_window_dispose (GObject *object)
{
  KnsWindow *self = (KnsWindow *) object;

  kns_window_kiosk_dispose (self);
  /* Silent as it closes, and letting go of speech-dispatcher. */
  if (self->speech != NULL)
    kns_speech_close (self->speech);
  gtk_widget_dispose_template (GTK_WIDGET (self), KNS_TYPE_WINDOW);
  g_clear_object (&self->speech);
  g_clear_object (&self->course);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->setup, g_free);
  g_clear_object (&self->store);
  g_clear_object (&self->lesson);
  g_clear_pointer (&self->learner, kns_learner_free);
  g_clear_pointer (&self->problem_groups, g_ptr_array_unref);

  G_OBJECT_CLASS (kns_window_parent_class)->dispose (object);
}

static void
kns_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  KnsWindow *self = KNS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_COURSE:
      g_value_set_object (value, self->course);
      break;
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SCREEN:
      g_value_set_enum (value, self->screen);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kns_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  KnsWindow *self = KNS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_COURSE:
      kns_window_set_course (self, g_value_get_object (value));
      break;
    case PROP_STORE:
      kns_window_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kns_window_class_init (KnsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = kns_window_dispose;
  widget_class->realize = kns_window_realize;
  window_class->close_request = kns_window_close_request;
  object_class->get_property = kns_window_get_property;
  object_class->set_property = kns_window_set_property;

  properties[PROP_COURSE] =
    g_param_spec_object ("course", NULL, NULL, KNS_TYPE_COURSE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, KNS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The screen on view, which only the window's actions change. */
  properties[PROP_SCREEN] =
    g_param_spec_enum ("screen", NULL, NULL, KNS_TYPE_SCREEN, KNS_SCREEN_LOADING,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KNS_TYPE_SIGN_IN_PAGE);
  g_type_ensure (KNS_TYPE_NEW_LEARNER_PAGE);
  g_type_ensure (KNS_TYPE_HOME_PAGE);
  g_type_ensure (KNS_TYPE_LESSON_VIEW);
  g_type_ensure (KNS_TYPE_QUIZ_VIEW);
  g_type_ensure (KNS_TYPE_RESULTS_VIEW);
  g_type_ensure (KNS_TYPE_SCENARIO_VIEW);
  g_type_ensure (KNS_TYPE_HELP_PAGE);
  g_type_ensure (KNS_TYPE_SETUP_PAGE);
  g_type_ensure (KNS_TYPE_TEACHER_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/kns-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KnsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KnsWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, KnsWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, KnsWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, KnsWindow, sign_out_button);
  gtk_widget_class_bind_template_child (widget_class, KnsWindow, learner_avatar);
  gtk_widget_class_bind_template_child (widget_class, KnsWindow, help_button);
  gtk_widget_class_bind_template_child (widget_class, KnsWindow, teacher_button);
  gtk_widget_class_bind_template_child (widget_class, KnsWindow, parents_button);
  gtk_widget_class_bind_template_child (widget_class, KnsWindow, idle_revealer);
  gtk_widget_class_bind_template_child (widget_class, KnsWindow, idle_label);
  gtk_widget_class_bind_template_child (widget_class, KnsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, KnsWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, KnsWindow, problems_button);
  gtk_widget_class_bind_template_child (widget_class, KnsWindow, problems_page);
  gtk_widget_class_bind_template_child (widget_class, KnsWindow, sign_in_page);
  gtk_widget_class_bind_template_child (widget_class, KnsWindow, new_learner_page);
  gtk_widget_class_bind_template_child (widget_class, KnsWindow, home_page);
  gtk_widget_class_bind_template_child (widget_class, KnsWindow, lesson_view);
  gtk_widget_class_bind_template_child (widget_class, KnsWindow, quiz_view);
  gtk_widget_class_bind_template_child (widget_class, KnsWindow, results_view);
  gtk_widget_class_bind_template_child (widget_class, KnsWindow, scenario_view);
  gtk_widget_class_bind_template_child (widget_class, KnsWindow, help_page);
  kns_window_text_size_class_init (widget_class);
  kns_window_lessons_class_init (widget_class);
  kns_window_kit_class_init (widget_class);

  gtk_widget_class_install_action (widget_class, "win.sign-in", "x", sign_in_activated);
  gtk_widget_class_install_action (widget_class, "win.sign-out", NULL, sign_out_activated);
  gtk_widget_class_install_action (widget_class, "win.new-learner", NULL, new_learner_activated);
  gtk_widget_class_install_action (widget_class, "win.guest", NULL, new_learner_activated);
  gtk_widget_class_install_action (widget_class, "win.help", NULL, help_activated);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "win.escape", NULL, escape_activated);
  gtk_widget_class_install_action (widget_class, "win.show-problems", NULL, show_problems_activated);
  gtk_widget_class_install_action (widget_class, "win.report-error", "s", report_error_activated);
  gtk_widget_class_install_action (widget_class, "win.setup-done", NULL, setup_done_activated);
  gtk_widget_class_install_action (widget_class, "win.teacher-mode", NULL, teacher_mode_activated);
  gtk_widget_class_install_action (widget_class, "win.quit", NULL, quit_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F1, 0, "win.help", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.escape", NULL);
}

/* libadwaita outlines its cards in high contrast; the .hc class lets
 * our own tinted boxes (call-outs) do the same. */
static void
high_contrast_changed_cb (AdwStyleManager *manager,
                          GParamSpec      *pspec,
                          KnsWindow       *self)
{
  if (adw_style_manager_get_high_contrast (manager))
    gtk_widget_add_css_class (GTK_WIDGET (self), "hc");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "hc");
}

static void
kns_window_init (KnsWindow *self)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();

  gtk_widget_init_template (GTK_WIDGET (self));
  kns_ui_load_style (gtk_widget_get_display (GTK_WIDGET (self)));
  self->problem_groups = g_ptr_array_new ();
  self->pass_mark = 70;
  self->screen = KNS_SCREEN_LOADING;
  self->help_return = KNS_SCREEN_SIGN_IN;
  self->speech = kns_speech_new ();
  kns_lesson_view_set_speech (self->lesson_view, self->speech);
  kns_quiz_view_set_speech (self->quiz_view, self->speech);
  kns_results_view_set_speech (self->results_view, self->speech);
  kns_scenario_view_set_speech (self->scenario_view, self->speech);
  kns_help_page_set_speech (self->help_page, self->speech);
  kns_window_kiosk_init (self);
  kns_window_text_size_init (self);
  g_signal_connect_object (style_manager, "notify::high-contrast",
                           G_CALLBACK (high_contrast_changed_cb), self, 0);
  high_contrast_changed_cb (style_manager, NULL, self);
  present_only_visible_screen (self);
  update_chrome (self);
}

/**
 * kns_window_new:
 *
 * The application's window, which opens maximised (tests make theirs
 * with g_object_new () at the size they choose).
 */
KnsWindow *
kns_window_new (GtkApplication *application)
{
  KnsWindow *self = g_object_new (KNS_TYPE_WINDOW, "application", application, NULL);

  fit_to_screen (self);
  return self;
}

void
kns_window_set_course (KnsWindow *self,
                       KnsCourse *course)
{
  g_return_if_fail (KNS_IS_WINDOW (self));
  g_return_if_fail (course == NULL || KNS_IS_COURSE (course));

  if (!g_set_object (&self->course, course))
    return;

  start (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COURSE]);
}

KnsCourse *
kns_window_get_course (KnsWindow *self)
{
  g_return_val_if_fail (KNS_IS_WINDOW (self), NULL);
  return self->course;
}

void
kns_window_set_store (KnsWindow *self,
                      KnsStore  *store)
{
  g_return_if_fail (KNS_IS_WINDOW (self));
  g_return_if_fail (store == NULL || KNS_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  if (store != NULL && kns_store_get_recovery (store) != KNS_STORE_RECOVERY_NONE)
    show_recovery (self, store);
  start (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

KnsStore *
kns_window_get_store (KnsWindow *self)
{
  g_return_val_if_fail (KNS_IS_WINDOW (self), NULL);
  return self->store;
}

/* The store could not be opened: say what is wrong and where. */
void
kns_window_show_store_error (KnsWindow    *self,
                             const GError *error,
                             const char   *data_dir)
{
  g_autofree char *description = NULL;

  g_return_if_fail (KNS_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  description = g_strdup_printf (_("%s\n\nThe data folder is %s. Ask the teacher or the computer "
                                   "technician to check it."),
                                 error->message, data_dir);
  show_error_page (self, _("The learners’ progress cannot be opened"), description, FALSE);
}

void
kns_window_set_pass_mark (KnsWindow *self,
                          guint      pass_mark)
{
  g_return_if_fail (KNS_IS_WINDOW (self));
  self->pass_mark = CLAMP (pass_mark, 1, 100);
}

/* The teacher opened or closed the older classes' lessons. */
static void
allow_higher_tiers_changed_cb (GSettings  *settings,
                               const char *key,
                               KnsWindow  *self)
{
  gboolean allow = g_settings_get_boolean (settings, "allow-higher-tiers");

  if (allow == self->allow_higher_tiers)
    return;
  self->allow_higher_tiers = allow;
  if (on_screen (self, KNS_SCREEN_HOME) && self->learner != NULL)
    show_home (self, kns_home_page_get_shown_tier (self->home_page));
}

/**
 * kns_window_set_settings:
 * @settings: (nullable): the app's GSettings, for teacher mode and the
 *   idle sign-out
 */
void
kns_window_set_settings (KnsWindow *self,
                         GSettings *settings)
{
  g_return_if_fail (KNS_IS_WINDOW (self));

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_func (self->settings, allow_higher_tiers_changed_cb, self);
  g_set_object (&self->settings, settings);
  if (settings != NULL)
    {
      g_signal_connect_object (settings, "changed::allow-higher-tiers",
                               G_CALLBACK (allow_higher_tiers_changed_cb), self, 0);
      allow_higher_tiers_changed_cb (settings, "allow-higher-tiers", self);
      self->pass_mark = g_settings_get_uint (settings, "pass-mark");
      kns_window_kiosk_follow_settings (self);
      kns_window_text_size_follow (self);
    }
}

/**
 * kns_window_get_screen:
 *
 * Returns: the screen on view; the window's #KnsWindow:screen
 */
KnsScreen
kns_window_get_screen (KnsWindow *self)
{
  g_return_val_if_fail (KNS_IS_WINDOW (self), KNS_SCREEN_LOADING);
  return self->screen;
}

const KnsLearner *
kns_window_get_learner (KnsWindow *self)
{
  g_return_val_if_fail (KNS_IS_WINDOW (self), NULL);
  return self->learner;
}

/**
 * kns_window_get_page:
 *
 * Returns: (transfer none) (nullable): the screen called @name
 */
GtkWidget *
kns_window_get_page (KnsWindow  *self,
                     const char *name)
{
  g_return_val_if_fail (KNS_IS_WINDOW (self), NULL);

  /* Teacher mode and the first-run set-up are built the first time they
   * are asked for: a lab's start needs neither, and building them was a
   * tenth of the time to the sign-in screen. */
  if (g_strcmp0 (name, "teacher") == 0 && self->teacher_page == NULL)
    {
      self->teacher_page = g_object_new (KNS_TYPE_TEACHER_PAGE, NULL);
      gtk_stack_add_named (self->stack, GTK_WIDGET (self->teacher_page), name);
    }
  else if (g_strcmp0 (name, "setup") == 0 && self->setup_page == NULL)
    {
      self->setup_page = g_object_new (KNS_TYPE_SETUP_PAGE, NULL);
      gtk_stack_add_named (self->stack, GTK_WIDGET (self->setup_page), name);
    }
  else
    kns_window_kit_build_page (self, name);
  return gtk_stack_get_child_by_name (self->stack, name);
}
