/* kns-passphrase-dialog.c
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
 * Sets the school's report passphrase: a message dialog with the words
 * typed twice. The key is made from them in a worker thread (Argon2id
 * takes about a second on an old lab computer), then stored; a problem
 * (the two differ, too short) brings the dialog back saying so.
 */

#define G_LOG_DOMAIN "kns-passphrase-dialog"

#include "kns-config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kns-passphrase-dialog.h"
#include "kns-school-key.h"
#include "kns-ui-util.h"

typedef struct
{
  GtkWindow            *parent;
  KnsStore             *store;
  GObject              *owner;
  KnsPassphraseChanged  changed;
  GtkWidget            *entry;
  GtkWidget            *again;
} Request;

typedef struct
{
  char   *passphrase;
  guint8  key[KNS_SCHOOL_KEY_SIZE];
} Derivation;

static void
request_free (Request *request)
{
  g_clear_object (&request->parent);
  g_clear_object (&request->store);
  g_clear_object (&request->owner);
  g_free (request);
}

static void
derivation_free (Derivation *derivation)
{
  explicit_bzero (derivation->passphrase, strlen (derivation->passphrase));
  g_free (derivation->passphrase);
  explicit_bzero (derivation->key, sizeof derivation->key);
  g_free (derivation);
}

static GtkWidget *present (Request    *request,
                           const char *problem);

/* In a worker thread. */
static void
derive_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Derivation *derivation = task_data;
  GError *error = NULL;

  if (kns_school_key_derive (derivation->passphrase, derivation->key, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
derived_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Request *request = user_data;
  Derivation *derivation = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error) ||
      !kns_school_key_set (request->store, derivation->key, &error))
    {
      present (request, error->message);
      return;
    }
  request->changed (request->owner, KNS_PASSPHRASE_SET);
  request_free (request);
}

/* Whether @a and @b make the same key: kns_school_key_derive () takes
 * the words without outer spaces, in NFC. */
static gboolean
same_words (const char *a,
            const char *b)
{
  g_autofree char *stripped_a = g_strstrip (g_strdup (a));
  g_autofree char *stripped_b = g_strstrip (g_strdup (b));
  g_autofree char *nfc_a = g_utf8_normalize (stripped_a, -1, G_NORMALIZE_NFC);
  g_autofree char *nfc_b = g_utf8_normalize (stripped_b, -1, G_NORMALIZE_NFC);
  gboolean same = nfc_a != NULL && g_strcmp0 (nfc_a, nfc_b) == 0;

  explicit_bzero (stripped_a, strlen (stripped_a));
  explicit_bzero (stripped_b, strlen (stripped_b));
  if (nfc_a != NULL)
    explicit_bzero (nfc_a, strlen (nfc_a));
  if (nfc_b != NULL)
    explicit_bzero (nfc_b, strlen (nfc_b));
  return same;
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             Request          *request)
{
  g_autoptr(GTask) task = NULL;
  Derivation *derivation;
  const char *passphrase;

  /* One answer per dialog. */
  g_signal_handlers_disconnect_by_func (dialog, response_cb, request);

  if (g_strcmp0 (response, "set") != 0)
    {
      request->changed (request->owner, KNS_PASSPHRASE_UNCHANGED);
      request_free (request);
      return;
    }

  passphrase = gtk_editable_get_text (GTK_EDITABLE (request->entry));
  if (!same_words (passphrase, gtk_editable_get_text (GTK_EDITABLE (request->again))))
    {
      /* Translators: in the report passphrase dialog */
      present (request, _("The two passphrases are not the same; nothing was changed."));
      return;
    }

  derivation = g_new0 (Derivation, 1);
  derivation->passphrase = g_strdup (passphrase);
  /* The entries' text goes with the dialog; clear it now. */
  gtk_editable_set_text (GTK_EDITABLE (request->entry), "");
  gtk_editable_set_text (GTK_EDITABLE (request->again), "");

  request->changed (request->owner, KNS_PASSPHRASE_DERIVING);
  task = g_task_new (NULL, NULL, derived_cb, request);
  g_task_set_source_tag (task, response_cb);
  g_task_set_task_data (task, derivation, (GDestroyNotify) derivation_free);
  g_task_run_in_thread (task, derive_thread);
}

static GtkWidget *
secret_entry_new (const char *label)
{
  /* A plain entry in password mode: GtkPasswordEntry in GTK 4.8 trips
   * over its caps-lock watch when its dialog is destroyed. */
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_visibility (GTK_ENTRY (entry), FALSE);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_PASSWORD);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  return entry;
}

static GtkWidget *
present (Request    *request,
         const char *problem)
{
  gboolean replacing = kns_school_key_is_set (request->store);
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  GtkWidget *box;

  body = g_strdup_printf ("%s%s%s\n\n%s",
                          problem ? problem : "",
                          problem ? "\n\n" : "",
                          /* Translators: in the report passphrase dialog */
                          _("The figures this computer saves for another computer are locked with "
                            "this passphrase, and only a computer that has the same one can "
                            "import them. Set the same passphrase on every lab computer of the "
                            "school: at least 10 characters, for example three words that only "
                            "the school’s teachers know."),
                          replacing
                          /* Translators: in the report passphrase dialog, when there is one */
                          ? _("Files saved with the old passphrase cannot be imported after the "
                              "change: save them again. Nothing already on this computer is lost.")
                          /* Translators: in the report passphrase dialog, when there is none */
                          : _("Forgot it later? Set a new one on every lab computer and save the "
                              "figures again: nothing on the computers is lost."));

  dialog = adw_message_dialog_new (request->parent,
                                   replacing
                                   /* Translators: heading of the report passphrase dialog */
                                   ? _("Change the report passphrase")
                                   /* Translators: heading of the report passphrase dialog */
                                   : _("Set the report passphrase"),
                                   body);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  /* Translators: placeholder of the first passphrase entry */
  request->entry = secret_entry_new (_("Passphrase"));
  /* Translators: placeholder of the second passphrase entry */
  request->again = secret_entry_new (_("The same passphrase again"));
  gtk_entry_set_activates_default (GTK_ENTRY (request->again), TRUE);
  gtk_box_append (GTK_BOX (box), request->entry);
  gtk_box_append (GTK_BOX (box), request->again);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("Cancel"),
                                    /* Translators: button of the report passphrase dialog */
                                    "set", _("Set"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "set",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "set");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), request);
  kns_ui_name_dialog_buttons (dialog);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (request->entry);
  return dialog;
}

/**
 * kns_passphrase_dialog_present:
 * @owner: given back to @changed, kept alive until then
 * @changed: called when the key is being made, when it is stored, and
 *   when the dialog is left without one
 *
 * Returns: (transfer none): the dialog
 */
GtkWidget *
kns_passphrase_dialog_present (GtkWindow            *parent,
                               KnsStore             *store,
                               GObject              *owner,
                               KnsPassphraseChanged  changed)
{
  Request *request;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (KNS_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_OBJECT (owner), NULL);
  g_return_val_if_fail (changed != NULL, NULL);

  request = g_new0 (Request, 1);
  request->parent = g_object_ref (parent);
  request->store = g_object_ref (store);
  request->owner = g_object_ref (owner);
  request->changed = changed;

  return present (request, NULL);
}
