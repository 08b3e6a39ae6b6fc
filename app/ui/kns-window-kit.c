/* kns-window-kit.c — the session kit in the window (issue 21)
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
 * How the check fits a real lab (30–40 pupils, ~20 computers, taking
 * turns): the check at the start is asked when a pupil signs in while
 * a class session runs and they have not done it in that session — the
 * second pupil of a computer gets it at their own sign-in. The check at
 * the end is a button on the pupil's home page, which appears once ten
 * minutes have passed since their first check: at the wrap-up the
 * teacher says "press the yellow button", and each pair does it in
 * turn. The teacher does not walk to twenty computers with the PIN
 * again; a pupil who presses it early only lowers the class's gain, and
 * cannot inflate it. Ending the session (teacher mode) then shows the
 * class's gain on that computer.
 */

#define G_LOG_DOMAIN "kns-window"

#include "kns-config.h"

#include <glib/gi18n.h>

#include "kns-kit-print.h"
#include "kns-teacher.h"
#include "kns-ui-util.h"
#include "kns-window-private.h"

/* How long after the check at the start the one at the end is offered. */
#define CHECK_AFTER_DELAY (10 * G_TIME_SPAN_MINUTE)

static KnsTier *
own_tier (KnsWindow *self)
{
  if (self->learner == NULL || self->course == NULL)
    return NULL;
  return kns_course_get_tier_for_grade (self->course, self->learner->grade);
}

static KnsCheck *
own_check (KnsWindow *self)
{
  KnsTier *tier = own_tier (self);

  return tier != NULL ? kns_tier_get_check (tier) : NULL;
}

static KnsClassSession *
running_session (KnsWindow *self)
{
  g_autoptr(GError) error = NULL;
  KnsClassSession *session = kns_store_get_running_session (self->store, &error);

  if (error != NULL)
    g_message ("Reading the running session: %s", error->message);
  return session;
}

static gboolean
start_check (KnsWindow     *self,
             const char    *session_uuid,
             KnsCheckPhase  phase)
{
  g_autoptr(GError) error = NULL;
  KnsCheckView *view = KNS_CHECK_VIEW (kns_window_get_page (self, "check"));

  if (!kns_check_view_start (view, self->store, own_check (self), self->learner->id, session_uuid,
                             phase, &error))
    {
      kns_report_error (GTK_WIDGET (self), error);
      return FALSE;
    }
  kns_window_show_screen (self, KNS_SCREEN_CHECK);
  return TRUE;
}

/**
 * kns_window_kit_check_at_sign_in:
 *
 * Returns: whether the check at the start of the running session was
 *   shown, for a pupil who has not finished it
 */
gboolean
kns_window_kit_check_at_sign_in (KnsWindow *self)
{
  g_autoptr(KnsClassSession) session = NULL;
  g_autoptr(KnsCheckRun) run = NULL;
  g_autoptr(GError) error = NULL;

  if (self->learner == NULL || own_check (self) == NULL || (session = running_session (self)) == NULL)
    return FALSE;

  run = kns_store_get_check_run (self->store, self->learner->id, session->uuid, KNS_CHECK_BEFORE,
                                 &error);
  if (error != NULL)
    {
      g_message ("Reading the check: %s", error->message);
      return FALSE;
    }
  if (run != NULL && run->finished != 0)
    return FALSE;
  return start_check (self, session->uuid, KNS_CHECK_BEFORE);
}

/* The running session's uuid, when the pupil may take the check at its end. */
static char *
post_check_session (KnsWindow *self)
{
  g_autoptr(KnsClassSession) session = NULL;
  g_autoptr(KnsCheckRun) before = NULL;
  g_autoptr(KnsCheckRun) after = NULL;

  if (self->learner == NULL || own_check (self) == NULL || (session = running_session (self)) == NULL)
    return NULL;
  before = kns_store_get_check_run (self->store, self->learner->id, session->uuid,
                                    KNS_CHECK_BEFORE, NULL);
  if (before == NULL || before->finished == 0 ||
      kns_store_now (self->store) - before->finished < CHECK_AFTER_DELAY)
    return NULL;
  after = kns_store_get_check_run (self->store, self->learner->id, session->uuid,
                                   KNS_CHECK_AFTER, NULL);
  if (after != NULL && after->finished != 0)
    return NULL;
  return g_strdup (session->uuid);
}

/**
 * kns_window_kit_update_home:
 *
 * The home page's word from the kit: the check at the end of the session
 * is open, or every lesson of the pupil's class is done.
 */
void
kns_window_kit_update_home (KnsWindow *self)
{
  g_autofree char *session = post_check_session (self);
  KnsTier *tier = own_tier (self);

  if (session != NULL)
    {
      kns_home_page_set_kit_banner (self->home_page,
                                    /* Translators: on a pupil's home page, near the end of a
                                     * class session */
                                    _("The session is nearly over. Answer the five little "
                                      "questions again, then see the answers!"),
                                    /* Translators: opens the check at the end of a session */
                                    _("Last questions"), "win.post-check");
      return;
    }
  if (tier != NULL && kns_tier_get_pledge (tier) != NULL &&
      kns_kit_tier_finished (tier, self->store, self->learner->id, self->pass_mark))
    {
      g_autofree char *text = NULL;

      /* Translators: on a pupil's home page; %s is their class group, "Lớp 1–3" */
      text = g_strdup_printf (_("You finished every lesson of %s! Ask your teacher or a parent to "
                                "print your certificate."),
                              kns_tier_get_title (tier));
      kns_home_page_set_kit_banner (self->home_page, text, NULL, NULL);
      return;
    }
  kns_home_page_set_kit_banner (self->home_page, NULL, NULL, NULL);
}

static void
post_check_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  KnsWindow *self = KNS_WINDOW (widget);
  g_autofree char *session = post_check_session (self);

  if (session != NULL)
    start_check (self, session, KNS_CHECK_AFTER);
}

static void
check_done_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  KnsWindow *self = KNS_WINDOW (widget);

  if (self->learner == NULL || kns_window_get_screen (self) != KNS_SCREEN_CHECK)
    return;
  kns_check_view_clear (self->check_view);
  kns_window_show_home (self, kns_window_own_tier (self));
  kns_home_page_focus_top (self->home_page);
}

static void
parents_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  KnsWindow *self = KNS_WINDOW (widget);
  KnsParentsView *view;

  /* Only at home, where there is no PIN to keep children out of it. */
  if (g_strcmp0 (self->setup, KNS_SETUP_HOME) != 0 || self->learner != NULL ||
      kns_window_get_screen (self) != KNS_SCREEN_SIGN_IN)
    return;
  view = KNS_PARENTS_VIEW (kns_window_get_page (self, "parents"));
  kns_parents_view_show (view, self->course, self->store, self->pass_mark);
  kns_window_show_screen (self, KNS_SCREEN_PARENTS);
}

void
kns_window_kit_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.check-done", NULL, check_done_activated);
  gtk_widget_class_install_action (widget_class, "win.post-check", NULL, post_check_activated);
  gtk_widget_class_install_action (widget_class, "win.parents", NULL, parents_activated);
}

/* Whatever a pupil answered leaves the screen with them. */
void
kns_window_kit_forget (KnsWindow *self)
{
  if (self->check_view != NULL)
    kns_check_view_clear (self->check_view);
}

/**
 * kns_window_kit_build_page:
 *
 * Builds the check's and the parents' screens the first time they are
 * asked for: most starts need neither.
 *
 * Returns: (transfer none) (nullable): the page, if it is one of them
 */
GtkWidget *
kns_window_kit_build_page (KnsWindow  *self,
                           const char *name)
{
  if (g_strcmp0 (name, "check") == 0 && self->check_view == NULL)
    {
      self->check_view = g_object_new (KNS_TYPE_CHECK_VIEW, NULL);
      kns_check_view_set_speech (self->check_view, self->speech);
      gtk_stack_add_named (self->stack, GTK_WIDGET (self->check_view), name);
      return GTK_WIDGET (self->check_view);
    }
  if (g_strcmp0 (name, "parents") == 0 && self->parents_view == NULL)
    {
      self->parents_view = g_object_new (KNS_TYPE_PARENTS_VIEW, NULL);
      gtk_stack_add_named (self->stack, GTK_WIDGET (self->parents_view), name);
      return GTK_WIDGET (self->parents_view);
    }
  return NULL;
}
