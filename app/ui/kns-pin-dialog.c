/* kns-pin-dialog.c
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
 * A message dialog with a password entry. A wrong PIN brings the dialog
 * back with how many tries are left; a locked entry counts down the
 * wait, with "Open" off until it ends. Only a right PIN opens: a PIN
 * missing or damaged on this computer keeps the door shut, and says
 * whom to ask.
 *
 * Pupils see this dialog, so it names no command: whoever looks after
 * the computer finds `kynangso --reset-teacher-pin` in the README, and
 * teachers in teacher mode's settings.
 */

#define G_LOG_DOMAIN "kns-pin-dialog"

#include "kns-config.h"

#include <glib/gi18n.h>

#include "kns-pin-dialog.h"
#include "kns-teacher.h"
#include "kns-ui-util.h"

typedef struct
{
  GtkWindow     *parent;
  KnsStore      *store;
  char          *heading;
  KnsPinGranted  granted;
  gpointer       user_data;
  char          *problem;   /* what went wrong with the last try, or NULL */
  gboolean       shut;      /* no PIN can open: missing or damaged */

  /* The dialog on screen: a new one after each try, since a message
   * dialog closes when answered. */
  GtkWidget     *dialog;
  GtkWidget     *entry;
  guint          countdown;
  gboolean       closing;   /* it will answer; else it was destroyed unanswered */
} PinRequest;

static void
pin_request_free (PinRequest *request)
{
  g_clear_handle_id (&request->countdown, g_source_remove);
  g_clear_object (&request->parent);
  g_clear_object (&request->store);
  g_free (request->heading);
  g_free (request->problem);
  g_free (request);
}

static void present (PinRequest *request);

static char *
describe_wait (gint64 wait)
{
  guint seconds = (guint) MAX (1, (wait + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);

  if (seconds < 120)
    return g_strdup_printf (ngettext ("%u second", "%u seconds", seconds), seconds);
  return g_strdup_printf (ngettext ("%u minute", "%u minutes", (seconds + 59) / 60), (seconds + 59) / 60);
}

/**
 * kns_pin_dialog_describe_lock:
 * @wait: microseconds left, more than 0
 *
 * Returns: (transfer full): "Too many wrong tries. Try again in 25 seconds."
 */
char *
kns_pin_dialog_describe_lock (gint64 wait)
{
  g_autofree char *left = describe_wait (wait);

  /* Translators: %s is a wait, such as "30 seconds" */
  return g_strdup_printf (_("Too many wrong tries. Try again in %s."), left);
}

static char *
compose_body (PinRequest *request,
              gint64      wait)
{
  g_autoptr(GString) body = g_string_new (NULL);

  if (request->shut)
    return g_strdup (request->problem);

  if (wait > 0)
    {
      g_autofree char *lock = kns_pin_dialog_describe_lock (wait);

      g_string_append (body, lock);
    }
  else
    {
      if (request->problem != NULL)
        g_string_append_printf (body, "%s\n\n", request->problem);
      g_string_append (body, _("Enter the teacher PIN."));
    }
  g_string_append_printf (body, "\n\n%s", _("Forgot it? Ask whoever looks after this computer to "
                                            "set a new one."));
  return g_string_free (g_steal_pointer (&body), FALSE);
}

/* Once a second while locked: the wait as it shrinks, then "Open". */
static gboolean
countdown_cb (gpointer user_data)
{
  PinRequest *request = user_data;
  gint64 wait = kns_teacher_get_wait (request->store);
  g_autofree char *body = NULL;

  if (wait <= 0)
    {
      g_clear_pointer (&request->problem, g_free);
      request->problem = g_strdup (_("You can try again now."));
    }
  body = compose_body (request, wait);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (request->dialog), body);
  if (wait > 0)
    return G_SOURCE_CONTINUE;

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (request->dialog), "unlock", TRUE);
  gtk_widget_set_sensitive (request->entry, TRUE);
  gtk_widget_grab_focus (request->entry);
  request->countdown = 0;
  return G_SOURCE_REMOVE;
}

static void
set_problem (PinRequest *request,
             char       *problem)
{
  g_free (request->problem);
  request->problem = problem;
}

/* Says what the try gave; only KNS_PIN_OK opens. */
static gboolean
try_pin (PinRequest *request,
         const char *pin)
{
  g_autoptr(GError) error = NULL;
  guint left;

  switch (kns_teacher_check_pin (request->store, pin, NULL, &error))
    {
    case KNS_PIN_OK:
      return TRUE;

    case KNS_PIN_NOT_SET:
      request->shut = TRUE;
      set_problem (request, g_strdup (_("No teacher PIN is set on this computer, so teacher mode "
                                        "stays closed. Ask whoever looks after this computer to "
                                        "set one.")));
      return FALSE;

    case KNS_PIN_DAMAGED:
      request->shut = TRUE;
      set_problem (request, g_strdup (_("The teacher PIN saved on this computer is damaged, so "
                                        "teacher mode stays closed. Ask whoever looks after this "
                                        "computer to set a new one.")));
      return FALSE;

    case KNS_PIN_LOCKED:
      set_problem (request, NULL);
      return FALSE;

    case KNS_PIN_WRONG:
    default:
      left = kns_teacher_get_tries_left (request->store);
      if (error != NULL)
        set_problem (request, g_strdup (error->message));
      else
        set_problem (request,
                     g_strdup_printf (ngettext ("That PIN is not right. %u try left before entry locks.",
                                                "That PIN is not right. %u tries left before entry locks.",
                                                left),
                                      left));
      return FALSE;
    }
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             PinRequest       *request)
{
  g_autofree char *pin = NULL;

  /* One answer per dialog. */
  g_signal_handlers_disconnect_by_data (dialog, request);
  g_clear_handle_id (&request->countdown, g_source_remove);
  request->dialog = NULL;

  if (g_strcmp0 (response, "unlock") != 0)
    {
      pin_request_free (request);
      return;
    }

  pin = g_strdup (gtk_editable_get_text (GTK_EDITABLE (request->entry)));
  if (try_pin (request, pin))
    {
      request->granted (request->parent, request->user_data);
      pin_request_free (request);
      return;
    }
  present (request);
}

static gboolean
close_request_cb (GtkWindow  *dialog,
                  PinRequest *request)
{
  request->closing = TRUE;
  return GDK_EVENT_PROPAGATE;
}

/* Destroyed without an answer (its window went first): nothing more
 * will come for this request. */
static void
destroy_cb (GtkWidget  *dialog,
            PinRequest *request)
{
  if (!request->closing && request->dialog == dialog)
    {
      g_signal_handlers_disconnect_by_data (dialog, request);
      pin_request_free (request);
    }
}

static void
present (PinRequest *request)
{
  gint64 wait = request->shut ? 0 : kns_teacher_get_wait (request->store);
  g_autofree char *body = compose_body (request, wait);
  AdwMessageDialog *dialog;

  request->dialog = adw_message_dialog_new (request->parent, request->heading, body);
  request->closing = FALSE;
  dialog = ADW_MESSAGE_DIALOG (request->dialog);

  if (request->shut)
    {
      adw_message_dialog_add_response (dialog, "close", _("Close"));
      adw_message_dialog_set_default_response (dialog, "close");
      adw_message_dialog_set_close_response (dialog, "close");
    }
  else
    {
      /* A plain entry in password mode: GtkPasswordEntry in GTK 4.8 trips
       * over its caps-lock watch when its dialog is destroyed. */
      request->entry = gtk_entry_new ();
      gtk_entry_set_visibility (GTK_ENTRY (request->entry), FALSE);
      gtk_entry_set_input_purpose (GTK_ENTRY (request->entry), GTK_INPUT_PURPOSE_PIN);
      gtk_entry_set_activates_default (GTK_ENTRY (request->entry), TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (request->entry),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Teacher PIN"),
                                      -1);
      adw_message_dialog_set_extra_child (dialog, request->entry);
      adw_message_dialog_add_responses (dialog,
                                        "cancel", _("Cancel"),
                                        "unlock", _("Open"),
                                        NULL);
      adw_message_dialog_set_response_appearance (dialog, "unlock", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "unlock");
      adw_message_dialog_set_close_response (dialog, "cancel");
      if (wait > 0)
        {
          adw_message_dialog_set_response_enabled (dialog, "unlock", FALSE);
          gtk_widget_set_sensitive (request->entry, FALSE);
          request->countdown = g_timeout_add_seconds (1, countdown_cb, request);
        }
    }

  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), request);
  g_signal_connect (dialog, "close-request", G_CALLBACK (close_request_cb), request);
  g_signal_connect (dialog, "destroy", G_CALLBACK (destroy_cb), request);
  kns_ui_name_dialog_buttons (request->dialog);

  gtk_window_present (GTK_WINDOW (dialog));
  if (!request->shut && wait <= 0)
    gtk_widget_grab_focus (request->entry);
}

/**
 * kns_pin_dialog_present:
 * @heading: what the PIN is for, e.g. "Teacher mode"
 * @granted: called once the right PIN is given
 *
 * Returns: (transfer none): the dialog
 */
GtkWidget *
kns_pin_dialog_present (GtkWindow     *parent,
                        KnsStore      *store,
                        const char    *heading,
                        KnsPinGranted  granted,
                        gpointer       user_data)
{
  PinRequest *request;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (KNS_IS_STORE (store), NULL);
  g_return_val_if_fail (granted != NULL, NULL);

  request = g_new0 (PinRequest, 1);
  request->parent = g_object_ref (parent);
  request->store = g_object_ref (store);
  request->heading = g_strdup (heading);
  request->granted = granted;
  request->user_data = user_data;

  /* A missing or damaged PIN is said at once, before anyone types. */
  if (!kns_teacher_has_pin (store))
    try_pin (request, "");

  present (request);
  return request->dialog;
}
