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
 * back with how many tries are left; a locked entry says how long to
 * wait; both say what to do when the PIN is forgotten.
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
  GtkWidget     *entry;
} PinRequest;

static void
pin_request_free (PinRequest *request)
{
  g_clear_object (&request->parent);
  g_clear_object (&request->store);
  g_free (request->heading);
  g_free (request);
}

static GtkWidget *present (PinRequest *request,
                           const char *problem);

static char *
describe_wait (gint64 until,
               gint64 now)
{
  guint seconds = (guint) MAX (1, (until - now + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);

  if (seconds < 120)
    return g_strdup_printf (ngettext ("%u second", "%u seconds", seconds), seconds);
  return g_strdup_printf (ngettext ("%u minute", "%u minutes", (seconds + 59) / 60), (seconds + 59) / 60);
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             PinRequest       *request)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *wait = NULL;
  const char *pin;
  gint64 until = 0;

  /* One answer per dialog: closing it after a response must not count
   * as a second one. */
  g_signal_handlers_disconnect_by_func (dialog, response_cb, request);

  if (g_strcmp0 (response, "unlock") != 0)
    {
      pin_request_free (request);
      return;
    }

  pin = gtk_editable_get_text (GTK_EDITABLE (request->entry));
  switch (kns_teacher_check_pin (request->store, pin, &until, &error))
    {
    case KNS_PIN_OK:
    case KNS_PIN_NOT_SET:
      request->granted (request->parent, request->user_data);
      pin_request_free (request);
      return;

    case KNS_PIN_LOCKED:
      wait = describe_wait (until, kns_store_now (request->store));
      /* Translators: %s is a wait, such as "30 seconds" */
      problem = g_strdup_printf (_("Too many wrong tries. Try again in %s."), wait);
      break;

    case KNS_PIN_WRONG:
    default:
      if (error != NULL)
        problem = g_strdup (error->message);
      else
        {
          guint left = kns_teacher_get_tries_left (request->store);

          problem = g_strdup_printf (ngettext ("That PIN is not right. %u try left before entry locks.",
                                               "That PIN is not right. %u tries left before entry locks.",
                                               left),
                                     left);
        }
      break;
    }

  present (request, problem);
}

static GtkWidget *
present (PinRequest *request,
         const char *problem)
{
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  body = g_strdup_printf ("%s%s%s\n\n%s",
                          problem ? problem : "",
                          problem ? "\n\n" : "",
                          _("Enter the teacher PIN."),
                          _("Forgot it? Whoever looks after this computer can set a new PIN with the "
                            "command: kynangso --reset-teacher-pin"));

  dialog = adw_message_dialog_new (request->parent, request->heading, body);
  /* A plain entry in password mode: GtkPasswordEntry in GTK 4.8 trips
   * over its caps-lock watch when its dialog is destroyed. */
  request->entry = gtk_entry_new ();
  gtk_entry_set_visibility (GTK_ENTRY (request->entry), FALSE);
  gtk_entry_set_input_purpose (GTK_ENTRY (request->entry), GTK_INPUT_PURPOSE_PIN);
  gtk_entry_set_activates_default (GTK_ENTRY (request->entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (request->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Teacher PIN"),
                                  -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), request->entry);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("Cancel"),
                                    "unlock", _("Open"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "unlock",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "unlock");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), request);
  kns_ui_name_dialog_buttons (dialog);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (request->entry);
  return dialog;
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

  return present (request, NULL);
}
