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
 * of a question. Teacher mode left open locks after the same time, kiosk
 * or not, wherever it takes a PIN: its dialogs close and the sign-in
 * screen comes back. Input in the window's dialogs counts as input.
 *
 * The kiosk is the kiosk.enabled action: its state is what is in force
 * (--kiosk included), and changing it applies at once and is kept in
 * GSettings. A changed idle timeout also applies at once.
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

/* Only where it takes a PIN to get back in: at home it would only be
 * in the way. */
static gboolean
teacher_lock_applies (KnsWindow *self)
{
  return self->screen == KNS_SCREEN_TEACHER && self->teacher_locks && self->idle_timeout_ms > 0;
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

/* Input in the window, or in one of its dialogs. */
static void
input_from (GtkEventController *controller,
            KnsWindow          *self)
{
  GtkWidget *widget = gtk_event_controller_get_widget (controller);

  if (widget == GTK_WIDGET (self) ||
      gtk_window_get_transient_for (GTK_WINDOW (widget)) == GTK_WINDOW (self))
    input_seen (self);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                KnsWindow             *self)
{
  input_from (GTK_EVENT_CONTROLLER (controller), self);
  return GDK_EVENT_PROPAGATE;
}

static void
pointer_cb (GtkEventController *controller,
            double              x,
            double              y,
            KnsWindow          *self)
{
  input_from (controller, self);
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            KnsWindow       *self)
{
  input_from (GTK_EVENT_CONTROLLER (gesture), self);
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           KnsWindow                *self)
{
  input_from (GTK_EVENT_CONTROLLER (controller), self);
  return GDK_EVENT_PROPAGATE;
}

/* Capture phase: every input reaches us before any widget takes it. */
static void
watch_input (KnsWindow *self,
             GtkWidget *window)
{
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *scroll =
    gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_propagation_phase (motion, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);

  g_signal_connect_object (key, "key-pressed", G_CALLBACK (key_pressed_cb), self, 0);
  g_signal_connect_object (motion, "motion", G_CALLBACK (pointer_cb), self, 0);
  g_signal_connect_object (scroll, "scroll", G_CALLBACK (scroll_cb), self, 0);
  g_signal_connect_object (click, "pressed", G_CALLBACK (pressed_cb), self, 0);

  gtk_widget_add_controller (window, key);
  gtk_widget_add_controller (window, motion);
  gtk_widget_add_controller (window, scroll);
  gtk_widget_add_controller (window, GTK_EVENT_CONTROLLER (click));
}

/* A dialog is not inside the window: its input is watched too, or a
 * teacher typing in one would be locked out mid-sentence. Whose dialog
 * it is, is known only once it is shown. */
static void
toplevels_changed_cb (KnsWindow  *self,
                      guint       position,
                      guint       removed,
                      guint       added,
                      GListModel *toplevels)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (window != GTK_WIDGET (self))
        watch_input (self, window);
    }
}

/* What a locked teacher mode leaves: no dialog of it is answered later. */
static void
close_dialogs (KnsWindow *self)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  g_autoptr(GPtrArray) dialogs = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (gtk_window_get_transient_for (window) == GTK_WINDOW (self))
        g_ptr_array_add (dialogs, g_steal_pointer (&window));
    }
  for (guint i = 0; i < dialogs->len; i++)
    gtk_window_close (g_ptr_array_index (dialogs, i));
}

static void
lock_teacher_mode (KnsWindow *self)
{
  g_debug ("Locking teacher mode after %u ms without input", self->idle_timeout_ms);
  close_dialogs (self);
  kns_ui_reveal (self->idle_revealer, FALSE);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.back", NULL);
  self->last_input = g_get_monotonic_time ();
}

static char *
describe_countdown (KnsWindow *self,
                    guint      seconds)
{
  if (teacher_lock_applies (self))
    return g_strdup_printf (ngettext ("Nobody has used teacher mode for a while. It locks in %u second.",
                                      "Nobody has used teacher mode for a while. It locks in %u seconds.",
                                      seconds),
                            seconds);
  return g_strdup_printf (ngettext ("Are you still there? You will be signed out in %u second.",
                                    "Are you still there? You will be signed out in %u seconds.",
                                    seconds),
                          seconds);
}

static gboolean
idle_tick_cb (gpointer user_data)
{
  KnsWindow *self = user_data;
  gint64 elapsed_ms, left_ms, warn_ms;

  if (!idle_applies (self) && !teacher_lock_applies (self))
    {
      kns_ui_reveal (self->idle_revealer, FALSE);
      self->last_input = g_get_monotonic_time ();
      return G_SOURCE_CONTINUE;
    }

  /* Choosing an answer is being busy, even without moving. */
  if (self->learner != NULL && mid_question (self))
    {
      input_seen (self);
      return G_SOURCE_CONTINUE;
    }

  elapsed_ms = (g_get_monotonic_time () - self->last_input) / 1000;
  left_ms = (gint64) self->idle_timeout_ms - elapsed_ms;
  warn_ms = MIN (COUNTDOWN_MS, self->idle_timeout_ms / 3);

  if (left_ms <= 0 && teacher_lock_applies (self))
    lock_teacher_mode (self);
  else if (left_ms <= 0)
    {
      g_debug ("Signing %s out after %u ms without input", self->learner->nickname, self->idle_timeout_ms);
      kns_ui_reveal (self->idle_revealer, FALSE);
      gtk_widget_activate_action (GTK_WIDGET (self), "win.sign-out", NULL);
      self->last_input = g_get_monotonic_time ();
    }
  else if (left_ms <= warn_ms)
    {
      g_autofree char *text = describe_countdown (self, (guint) ((left_ms + 999) / 1000));
      GtkWidget *button = gtk_widget_get_last_child (gtk_revealer_get_child (self->idle_revealer));

      gtk_label_set_text (self->idle_label, text);
      /* Any input cancels it; the button says so to whoever is there. */
      if (GTK_IS_BUTTON (button))
        gtk_button_set_label (GTK_BUTTON (button),
                              teacher_lock_applies (self) ? _("Keep teacher mode open")
                                                          : _("I am still here"));
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

static void
kiosk_state_changed (GSimpleAction *action,
                     GVariant      *value,
                     gpointer       user_data)
{
  KnsWindow *self = user_data;
  gboolean kiosk = g_variant_get_boolean (value);

  kns_window_set_kiosk (self, kiosk);
  if (self->settings != NULL && g_settings_is_writable (self->settings, "kiosk-mode"))
    g_settings_set_boolean (self->settings, "kiosk-mode", kiosk);
}

void
kns_window_kiosk_init (KnsWindow *self)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

  watch_input (self, GTK_WIDGET (self));
  g_signal_connect_object (gtk_window_get_toplevels (), "items-changed",
                           G_CALLBACK (toplevels_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (is_active_changed_cb), NULL);

  self->kiosk_action = g_simple_action_new_stateful ("enabled", NULL,
                                                     g_variant_new_boolean (FALSE));
  g_signal_connect (self->kiosk_action, "change-state", G_CALLBACK (kiosk_state_changed), self);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (self->kiosk_action));
  gtk_widget_insert_action_group (GTK_WIDGET (self), "kiosk", G_ACTION_GROUP (group));

  self->idle_timeout_ms = 300 * 1000;
  self->last_input = g_get_monotonic_time ();
  self->kiosk_screen = self->screen;
  self->idle_source = g_timeout_add (IDLE_TICK_MS, idle_tick_cb, self);
}

static void
idle_timeout_changed_cb (KnsWindow  *self,
                         const char *key,
                         GSettings  *settings)
{
  kns_window_set_idle_timeout (self, g_settings_get_uint (settings, "idle-timeout") * 1000);
}

static void
kiosk_writable_changed_cb (KnsWindow  *self,
                           const char *key,
                           GSettings  *settings)
{
  /* Locked with dconf: the technician decides, not teacher mode. */
  g_simple_action_set_enabled (self->kiosk_action, g_settings_is_writable (settings, "kiosk-mode"));
}

/* The window's GSettings: what they say now, and from now on. */
void
kns_window_kiosk_follow_settings (KnsWindow *self)
{
  g_signal_connect_object (self->settings, "changed::idle-timeout",
                           G_CALLBACK (idle_timeout_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "writable-changed::kiosk-mode",
                           G_CALLBACK (kiosk_writable_changed_cb), self, G_CONNECT_SWAPPED);
  idle_timeout_changed_cb (self, "idle-timeout", self->settings);
  kiosk_writable_changed_cb (self, "kiosk-mode", self->settings);
}

void
kns_window_kiosk_dispose (KnsWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  g_clear_handle_id (&self->idle_source, g_source_remove);
  g_clear_object (&self->kiosk_action);
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

  /* Teacher mode just opened: it locks when idle if it took a PIN. */
  if (self->screen != self->kiosk_screen)
    {
      if (self->screen == KNS_SCREEN_TEACHER)
        {
          self->teacher_locks = self->store != NULL && kns_teacher_pin_needed (self->store);
          self->last_input = g_get_monotonic_time ();
        }
      self->kiosk_screen = self->screen;
    }

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

/* Only teacher mode quits a kiosk: Ctrl+Q and app.quit are off. */
static void
update_app_quit (KnsWindow *self)
{
  static const char *const quit_accels[] = { "<Control>q", NULL };
  static const char *const no_accels[] = { NULL };
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GAction *quit = app != NULL ? g_action_map_lookup_action (G_ACTION_MAP (app), "quit") : NULL;

  if (!G_IS_SIMPLE_ACTION (quit))
    return;
  g_simple_action_set_enabled (G_SIMPLE_ACTION (quit), !self->kiosk);
  gtk_application_set_accels_for_action (app, "app.quit", self->kiosk ? no_accels : quit_accels);
}

void
kns_window_set_kiosk (KnsWindow *self,
                      gboolean   kiosk)
{
  g_return_if_fail (KNS_IS_WINDOW (self));

  self->kiosk = !!kiosk;
  g_simple_action_set_state (self->kiosk_action, g_variant_new_boolean (self->kiosk));
  update_app_quit (self);
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

guint
kns_window_get_idle_timeout (KnsWindow *self)
{
  g_return_val_if_fail (KNS_IS_WINDOW (self), 0);
  return self->idle_timeout_ms;
}
