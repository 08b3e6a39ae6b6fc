/* kns-learners-panel.c
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

#define G_LOG_DOMAIN "kns-learners-panel"

#include "kns-config.h"

#include <glib/gi18n.h>

#include "kns-learners-panel.h"
#include "kns-nickname.h"
#include "kns-ui-util.h"

struct _KnsLearnersPanel
{
  AdwBin               parent_instance;

  /* Template widgets */
  AdwComboRow         *class_row;
  AdwPreferencesGroup *learners_group;
  GtkWidget           *archive_group;

  /* Owned */
  KnsStore            *store;
  GStrv                classes;
  GPtrArray           *rows;
  GPtrArray           *learners;
  gboolean             filling;
};

G_DEFINE_FINAL_TYPE (KnsLearnersPanel, kns_learners_panel, ADW_TYPE_BIN)

static void fill_learners (KnsLearnersPanel *self);

/* Item 0 is every class. */
static const char *
selected_class (KnsLearnersPanel *self)
{
  guint selected = adw_combo_row_get_selected (self->class_row);

  if (self->classes == NULL || selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return NULL;
  return self->classes[selected - 1];
}

static KnsLearner *
find_learner (KnsLearnersPanel *self,
              gint64            id)
{
  for (guint i = 0; self->learners && i < self->learners->len; i++)
    if (((KnsLearner *) g_ptr_array_index (self->learners, i))->id == id)
      return g_ptr_array_index (self->learners, i);
  return NULL;
}

static void
rename_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    KnsLearnersPanel *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "learner-id");
  g_autofree char *nickname = NULL;
  g_autoptr(KnsLearner) copy = NULL;
  g_autoptr(GError) error = NULL;
  KnsLearner *learner = find_learner (self, id);

  if (g_strcmp0 (response, "rename") != 0 || learner == NULL)
    return;

  nickname = kns_nickname_normalize (gtk_editable_get_text (entry));
  copy = kns_learner_copy (learner);
  g_free (copy->nickname);
  copy->nickname = g_steal_pointer (&nickname);
  if (!kns_store_update_learner (self->store, copy, &error))
    kns_report_error (GTK_WIDGET (self), error);
  fill_learners (self);
}

static void
rename_clicked_cb (GtkButton        *button,
                   KnsLearnersPanel *self)
{
  KnsLearner *learner = find_learner (self, *(gint64 *) g_object_get_data (G_OBJECT (button), "learner-id"));
  GtkWidget *dialog, *entry;

  if (learner == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Rename"), _("A fun nickname, never a real full name."));
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), learner->nickname);
  gtk_entry_set_max_length (GTK_ENTRY (entry), KNS_NICKNAME_MAX_CHARS);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("Cancel"),
                                    "rename", _("Rename"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "rename", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "rename");
  g_object_set_data_full (G_OBJECT (dialog), "learner-id", g_memdup2 (&learner->id, sizeof learner->id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (rename_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    KnsLearnersPanel *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "learner-id");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0)
    return;
  if (!kns_store_delete_learner (self->store, id, &error))
    kns_report_error (GTK_WIDGET (self), error);
  fill_learners (self);
}

static void
delete_clicked_cb (GtkButton        *button,
                   KnsLearnersPanel *self)
{
  KnsLearner *learner = find_learner (self, *(gint64 *) g_object_get_data (G_OBJECT (button), "learner-id"));
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (learner == NULL)
    return;

  /* Translators: %s is a pupil's nickname */
  heading = g_strdup_printf (_("Delete “%s”?"), learner->nickname);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading,
                                   _("All of this pupil’s progress on this computer is deleted. This cannot be undone."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("Cancel"),
                                    "delete", _("Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "learner-id", g_memdup2 (&learner->id, sizeof learner->id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
icon_button (const char *icon,
             const char *tooltip,
             gint64      id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  g_object_set_data_full (G_OBJECT (button), "learner-id", g_memdup2 (&id, sizeof id), g_free);
  return button;
}

static void
fill_learners (KnsLearnersPanel *self)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->learners_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  g_clear_pointer (&self->learners, g_ptr_array_unref);
  self->learners = kns_store_list_learners (self->store, selected_class (self), FALSE, &error);
  if (self->learners == NULL)
    {
      kns_report_error (GTK_WIDGET (self), error);
      return;
    }

  for (guint i = 0; i < self->learners->len; i++)
    {
      KnsLearner *learner = g_ptr_array_index (self->learners, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *avatar = adw_avatar_new (32, learner->nickname, TRUE);
      g_autoptr(GdkPaintable) picture = kns_avatar_paintable_new (learner->avatar);
      g_autofree char *subtitle = *learner->class_label
        ? g_strdup_printf (_("Class %s · grade %u"), learner->class_label, learner->grade)
        : g_strdup_printf (_("Grade %u"), learner->grade);
      GtkWidget *rename = icon_button ("document-edit-symbolic", _("Rename"), learner->id);
      GtkWidget *delete = icon_button ("user-trash-symbolic", _("Delete"), learner->id);

      adw_avatar_set_custom_image (ADW_AVATAR (avatar), picture);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), learner->nickname);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), avatar);
      g_signal_connect (rename, "clicked", G_CALLBACK (rename_clicked_cb), self);
      g_signal_connect (delete, "clicked", G_CALLBACK (delete_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), rename);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete);
      adw_preferences_group_add (self->learners_group, row);
      g_ptr_array_add (self->rows, row);
    }

  adw_preferences_group_set_title (self->learners_group,
                                   self->learners->len ? _("Pupils") : _("No pupils in this class"));
  gtk_widget_set_visible (self->archive_group, selected_class (self) != NULL);
}

static void
class_selected_cb (KnsLearnersPanel *self)
{
  if (!self->filling && self->store != NULL)
    fill_learners (self);
}

static void
archive_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     KnsLearnersPanel *self)
{
  g_autoptr(GError) error = NULL;
  const char *class_label = g_object_get_data (G_OBJECT (dialog), "class");

  if (g_strcmp0 (response, "archive") != 0)
    return;
  if (kns_store_archive_class (self->store, class_label, &error) == 0 && error != NULL)
    kns_report_error (GTK_WIDGET (self), error);
  kns_learners_panel_refresh (self, self->store);
}

static void
archive_clicked_cb (KnsLearnersPanel *self)
{
  const char *class_label = selected_class (self);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (class_label == NULL)
    return;

  heading = g_strdup_printf (_("Archive class %s?"), class_label);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading,
                                   _("Its pupils no longer appear on the sign-in screen. Do this at the end of the school year."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("Cancel"),
                                    "archive", _("Archive"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "archive", ADW_RESPONSE_DESTRUCTIVE);
  g_object_set_data_full (G_OBJECT (dialog), "class", g_strdup (class_label), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (archive_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
kns_learners_panel_dispose (GObject *object)
{
  KnsLearnersPanel *self = (KnsLearnersPanel *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), KNS_TYPE_LEARNERS_PANEL);
  g_clear_object (&self->store);
  g_clear_pointer (&self->classes, g_strfreev);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->learners, g_ptr_array_unref);

  G_OBJECT_CLASS (kns_learners_panel_parent_class)->dispose (object);
}

static void
kns_learners_panel_class_init (KnsLearnersPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kns_learners_panel_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/kns-learners-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, KnsLearnersPanel, class_row);
  gtk_widget_class_bind_template_child (widget_class, KnsLearnersPanel, learners_group);
  gtk_widget_class_bind_template_child (widget_class, KnsLearnersPanel, archive_group);
  gtk_widget_class_bind_template_callback (widget_class, class_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, archive_clicked_cb);
}

static void
kns_learners_panel_init (KnsLearnersPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}

void
kns_learners_panel_refresh (KnsLearnersPanel *self,
                            KnsStore         *store)
{
  g_autoptr(GtkStringList) names = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (KNS_IS_LEARNERS_PANEL (self));
  g_return_if_fail (KNS_IS_STORE (store));

  g_set_object (&self->store, store);
  g_clear_pointer (&self->classes, g_strfreev);
  self->classes = kns_store_list_classes (store, &error);
  if (self->classes == NULL)
    {
      kns_report_error (GTK_WIDGET (self), error);
      return;
    }

  names = gtk_string_list_new ((const char * const[]) { _("Every class"), NULL });
  for (guint i = 0; self->classes[i] != NULL; i++)
    gtk_string_list_append (names, self->classes[i]);

  self->filling = TRUE;
  adw_combo_row_set_model (self->class_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->class_row, 0);
  self->filling = FALSE;
  fill_learners (self);
}

guint
kns_learners_panel_get_n_rows (KnsLearnersPanel *self)
{
  g_return_val_if_fail (KNS_IS_LEARNERS_PANEL (self), 0);
  return self->rows->len;
}
