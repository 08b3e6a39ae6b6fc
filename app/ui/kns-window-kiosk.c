/* kns-window-kiosk.c — the kiosk lock and the idle sign-out
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
 * In kiosk mode the window is full screen, has no window buttons, refuses
 * to close, and keeps the desktop's shortcuts while it has the focus;
 * only teacher mode, behind the PIN, quits. While a child is in a lesson
 * the session is kept from going idle or logging out.
 *
 * In a school, a child who walks away is signed out after the idle
 * timeout, with a visible countdown first that any input cancels, so the
 * next child never sees the previous one's screen. A child who has chosen
 * an answer but not yet given it is never signed out: that is the middle
 * of a question.
 */

#define G_LOG_DOMAIN "kns-window"

#include "kns-config.h"

#include <glib/gi18n.h>

#include "kns-teacher.h"
#include "kns-ui-util.h"
#include "kns-window-private.h"

#define IDLE_TICK_MS 250
#define COUNTDOWN_MS 30000

static gboolean
idle_applies (KnsWindow *self)
{
  if (self->learner == NULL || self->idle_timeout_ms == 0)
    return FALSE;
  return self->kiosk || g_strcmp0 (self->setup, KNS_SETUP_LAB) == 0 ||
         g_strcmp0 (self->setup, KNS_SETUP_LAB_ANONYMOUS) == 0;
}

static gboolean
mid_question (KnsWindow *self)
{
  return self->screen == KNS_SCREEN_QUIZ &&
         kns_quiz_view_is_mid_question (self->quiz_view);
}

static void
input_seen (KnsWindow *self)
{
  self->last_input = g_get_monotonic_time ();
  kns_ui_reveal (self->idle_revealer, FALSE);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                KnsWindow             *self)
{
  input_seen (self);
  return GDK_EVENT_PROPAGATE;
}

static void
pointer_cb (GtkEventController *controller,
            KnsWindow          *self)
{
  input_seen (self);
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           KnsWindow                *self)
{
  input_seen (self);
  return GDK_EVENT_PROPAGATE;
}

static gboolean
idle_tick_cb (gpointer user_data)
{
  KnsWindow *self = user_data;
  gint64 elapsed_ms, left_ms, warn_ms;

  if (!idle_applies (self))
    {
      kns_ui_reveal (self->idle_revealer, FALSE);
      self->last_input = g_get_monotonic_time ();
      return G_SOURCE_CONTINUE;
    }

  /* Choosing an answer is being busy, even without moving. */
  if (mid_question (self))
    {
      input_seen (self);
      return G_SOURCE_CONTINUE;
    }

  elapsed_ms = (g_get_monotonic_time () - self->last_input) / 1000;
  left_ms = (gint64) self->idle_timeout_ms - elapsed_ms;
  warn_ms = MIN (COUNTDOWN_MS, self->idle_timeout_ms / 3);

  if (left_ms <= 0)
    {
      g_debug ("Signing %s out after %u ms without input", self->learner->nickname, self->idle_timeout_ms);
      kns_ui_reveal (self->idle_revealer, FALSE);
      gtk_widget_activate_action (GTK_WIDGET (self), "win.sign-out", NULL);
      self->last_input = g_get_monotonic_time ();
    }
  else if (left_ms <= warn_ms)
    {
      guint seconds = (guint) ((left_ms + 999) / 1000);
      g_autofree char *text = NULL;

      text = g_strdup_printf (ngettext ("Are you still there? You will be signed out in %u second.",
                                        "Are you still there? You will be signed out in %u seconds.",
                                        seconds),
                              seconds);
      gtk_label_set_text (self->idle_label, text);
      kns_ui_reveal (self->idle_revealer, TRUE);
    }

  return G_SOURCE_CONTINUE;
}

static void
is_active_changed_cb (KnsWindow  *self,
                      GParamSpec *pspec)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (self));

  if (surface == NULL || !GDK_IS_TOPLEVEL (surface))
    return;

  /* Alt+Tab, the Super key and the like stay ours while we have focus. */
  if (self->kiosk && gtk_window_is_active (GTK_WINDOW (self)))
    gdk_toplevel_inhibit_system_shortcuts (GDK_TOPLEVEL (surface), NULL);
  else
    gdk_toplevel_restore_system_shortcuts (GDK_TOPLEVEL (surface));
}

void
kns_window_kiosk_init (KnsWindow *self)
{
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  GtkGesture *click = gtk_gesture_click_new ();

  /* Capture phase: every input reaches us before any widget takes it. */
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_propagation_phase (motion, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);

  g_signal_connect (key, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  g_signal_connect (motion, "motion", G_CALLBACK (pointer_cb), self);
  g_signal_connect (scroll, "scroll", G_CALLBACK (scroll_cb), self);
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (input_seen), self);

  gtk_widget_add_controller (GTK_WIDGET (self), key);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  g_signal_connect (self, "notify::is-active", G_CALLBACK (is_active_changed_cb), NULL);

  self->idle_timeout_ms = 300 * 1000;
  self->last_input = g_get_monotonic_time ();
  self->idle_source = g_timeout_add (IDLE_TICK_MS, idle_tick_cb, self);
}

void
kns_window_kiosk_dispose (KnsWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  g_clear_handle_id (&self->idle_source, g_source_remove);
  if (self->inhibit_cookie != 0 && app != NULL)
    gtk_application_uninhibit (app, self->inhibit_cookie);
  self->inhibit_cookie = 0;
}

/* Called whenever the screen changes: a lesson or a quiz in a kiosk
 * keeps the session from idling or logging out. */
void
kns_window_kiosk_update (KnsWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  gboolean want = self->kiosk && app != NULL &&
                  (self->screen == KNS_SCREEN_LESSON || self->screen == KNS_SCREEN_QUIZ);

  if (want && self->inhibit_cookie == 0)
    self->inhibit_cookie = gtk_application_inhibit (app, GTK_WINDOW (self),
                                                    GTK_APPLICATION_INHIBIT_IDLE |
                                                    GTK_APPLICATION_INHIBIT_LOGOUT,
                                                    _("A pupil is in the middle of a lesson"));
  else if (!want && self->inhibit_cookie != 0)
    {
      gtk_application_uninhibit (app, self->inhibit_cookie);
      self->inhibit_cookie = 0;
    }
}

/* Returns %TRUE to refuse the close: Alt+F4 and the window manager's
 * close button do nothing in a kiosk. */
gboolean
kns_window_kiosk_close_request (KnsWindow *self)
{
  if (self->kiosk && !self->closing)
    {
      g_debug ("Close refused: kiosk mode");
      return TRUE;
    }
  return FALSE;
}

void
kns_window_set_kiosk (KnsWindow *self,
                      gboolean   kiosk)
{
  g_return_if_fail (KNS_IS_WINDOW (self));

  self->kiosk = !!kiosk;
  adw_header_bar_set_show_start_title_buttons (self->header_bar, !kiosk);
  adw_header_bar_set_show_end_title_buttons (self->header_bar, !kiosk);
  gtk_window_set_deletable (GTK_WINDOW (self), !kiosk);
  if (kiosk)
    gtk_window_fullscreen (GTK_WINDOW (self));
  else
    gtk_window_unfullscreen (GTK_WINDOW (self));
  is_active_changed_cb (self, NULL);
  kns_window_kiosk_update (self);
}

gboolean
kns_window_get_kiosk (KnsWindow *self)
{
  g_return_val_if_fail (KNS_IS_WINDOW (self), FALSE);
  return self->kiosk;
}

/* Milliseconds without input before a signed-in child is signed out;
 * 0 turns it off. */
void
kns_window_set_idle_timeout (KnsWindow *self,
                             guint      milliseconds)
{
  g_return_if_fail (KNS_IS_WINDOW (self));

  self->idle_timeout_ms = milliseconds;
  self->last_input = g_get_monotonic_time ();
}
