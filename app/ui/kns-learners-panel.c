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
 *
 * The pupils of a class, one KnsLearnerRow each, from a list model of
 * the store's records. Deleting a pupil and archiving a class are
 * actions that ask first: in a lab, teacher mode may be left open in
 * front of a child.
 */

#define G_LOG_DOMAIN "kns-learners-panel"

#include "kns-config.h"

#include <glib/gi18n.h>

#include "kns-learner-row.h"
#include "kns-learners-panel.h"
#include "kns-record-item.h"
#include "kns-ui-util.h"

struct _KnsLearnersPanel
{
  AdwBin               parent_instance;

  /* Template widgets */
  AdwComboRow         *class_row;
  AdwPreferencesGroup *learners_group;
  GtkListBox          *learners_list;
  GtkWidget           *archive_group;

  /* Owned */
  KnsStore            *store;
  GStrv                classes;
  GListStore          *learners;      /* KnsRecordItem of KnsLearner */
  gboolean             record_sex;
  gboolean             filling;
  /* What the confirmation on screen is about (dialogs are modal). */
  gint64               pending_learner;
  char                *pending_class;
};

G_DEFINE_FINAL_TYPE (KnsLearnersPanel, kns_learners_panel, ADW_TYPE_BIN)

/* Item 0 is every class. */
static const char *
selected_class (KnsLearnersPanel *self)
{
  guint selected = adw_combo_row_get_selected (self->class_row);

  if (self->classes == NULL || selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return NULL;
  return self->classes[selected - 1];
}

static const KnsLearner *
find_learner (KnsLearnersPanel *self,
              gint64            id)
{
  guint n = self->learners != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->learners)) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KnsRecordItem) item = g_list_model_get_item (G_LIST_MODEL (self->learners), i);
      const KnsLearner *learner = kns_record_item_get_record (item);

      if (learner->id == id)
        return learner;
    }
  return NULL;
}

static void
toast (KnsLearnersPanel *self,
       const char       *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  KnsLearnersPanel *self = user_data;

  return kns_learner_row_new (self->store, kns_record_item_get_record (item), self->record_sex);
}

static void
fill_learners (KnsLearnersPanel *self)
{
  g_autoptr(GPtrArray) learners = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  learners = kns_store_list_learners (self->store, selected_class (self), FALSE, &error);
  if (learners == NULL)
    {
      kns_report_error (GTK_WIDGET (self), error);
      return;
    }

  g_clear_object (&self->learners);
  self->learners = kns_record_item_store_new (KNS_TYPE_LEARNER, learners);
  gtk_list_box_bind_model (self->learners_list, G_LIST_MODEL (self->learners), create_row, self,
                           NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->learners));
  gtk_widget_set_visible (GTK_WIDGET (self->learners_list), n > 0);
  adw_preferences_group_set_title (self->learners_group,
                                   n > 0 ? _("Pupils") : _("No pupils in this class"));
  gtk_widget_set_visible (self->archive_group, selected_class (self) != NULL);
}

/* The classes again, keeping the one on view if it is still there. */
static void
fill_classes (KnsLearnersPanel *self)
{
  g_autofree char *shown = g_strdup (selected_class (self));
  g_autoptr(GtkStringList) names = NULL;
  g_autoptr(GError) error = NULL;
  guint selected = 0;

  g_clear_pointer (&self->classes, g_strfreev);
  self->classes = kns_store_list_classes (self->store, &error);
  if (self->classes == NULL)
    {
      kns_report_error (GTK_WIDGET (self), error);
      return;
    }

  names = gtk_string_list_new ((const char * const[]) { _("Every class"), NULL });
  for (guint i = 0; self->classes[i] != NULL; i++)
    {
      gtk_string_list_append (names, self->classes[i]);
      if (g_strcmp0 (self->classes[i], shown) == 0)
        selected = i + 1;
    }

  self->filling = TRUE;
  adw_combo_row_set_model (self->class_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->class_row, selected);
  self->filling = FALSE;
  fill_learners (self);
}

static void
class_selected_cb (KnsLearnersPanel *self)
{
  if (!self->filling && self->store != NULL)
    fill_learners (self);
}

/* A row saved a pupil: their class may have changed, or be new. */
static void
saved_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  KnsLearnersPanel *self = KNS_LEARNERS_PANEL (widget);

  fill_classes (self);
  toast (self, _("Saved."));
}

static void
delete_response_cb (KnsLearnersPanel *self,
                    const char       *response)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0)
    return;
  if (!kns_store_delete_learner (self->store, self->pending_learner, &error))
    kns_report_error (GTK_WIDGET (self), error);
  fill_classes (self);
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KnsLearnersPanel *self = KNS_LEARNERS_PANEL (widget);
  const KnsLearner *learner = find_learner (self, g_variant_get_int64 (parameter));
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (learner == NULL)
    return;

  self->pending_learner = learner->id;
  /* Translators: %s is a pupil's nickname */
  heading = g_strdup_printf (_("Delete “%s”?"), learner->nickname);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), heading,
                                   _("All of this pupil’s progress on this computer is deleted. This cannot be undone."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("Cancel"),
                                    "delete", _("Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self,
                           G_CONNECT_SWAPPED);
  kns_ui_name_dialog_buttons (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
archive_response_cb (KnsLearnersPanel *self,
                     const char       *response)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "archive") != 0)
    return;
  if (kns_store_archive_class (self->store, self->pending_class, &error) == 0 && error != NULL)
    kns_report_error (GTK_WIDGET (self), error);
  kns_learners_panel_refresh (self, self->store);
}

static void
archive_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  KnsLearnersPanel *self = KNS_LEARNERS_PANEL (widget);
  const char *class_label = selected_class (self);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (class_label == NULL)
    return;

  g_free (self->pending_class);
  self->pending_class = g_strdup (class_label);
  heading = g_strdup_printf (_("Archive class %s?"), class_label);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), heading,
                                   _("Its pupils no longer appear on the sign-in screen. Do this at the end of the school year."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("Cancel"),
                                    "archive", _("Archive"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "archive", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (archive_response_cb), self,
                           G_CONNECT_SWAPPED);
  kns_ui_name_dialog_buttons (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
kns_learners_panel_dispose (GObject *object)
{
  KnsLearnersPanel *self = (KnsLearnersPanel *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), KNS_TYPE_LEARNERS_PANEL);
  g_clear_object (&self->store);
  g_clear_object (&self->learners);
  g_clear_pointer (&self->classes, g_strfreev);
  g_clear_pointer (&self->pending_class, g_free);

  G_OBJECT_CLASS (kns_learners_panel_parent_class)->dispose (object);
}

static void
kns_learners_panel_class_init (KnsLearnersPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kns_learners_panel_dispose;

  g_type_ensure (KNS_TYPE_LEARNER_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/kns-learners-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, KnsLearnersPanel, class_row);
  gtk_widget_class_bind_template_child (widget_class, KnsLearnersPanel, learners_group);
  gtk_widget_class_bind_template_child (widget_class, KnsLearnersPanel, learners_list);
  gtk_widget_class_bind_template_child (widget_class, KnsLearnersPanel, archive_group);
  gtk_widget_class_bind_template_callback (widget_class, class_selected_cb);

  gtk_widget_class_install_action (widget_class, "learners.delete", "x", delete_activated);
  gtk_widget_class_install_action (widget_class, "learners.saved", "x", saved_activated);
  gtk_widget_class_install_action (widget_class, "learners.archive", NULL, archive_activated);
}

static void
kns_learners_panel_init (KnsLearnersPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
kns_learners_panel_refresh (KnsLearnersPanel *self,
                            KnsStore         *store)
{
  g_autofree char *record_sex = NULL;

  g_return_if_fail (KNS_IS_LEARNERS_PANEL (self));
  g_return_if_fail (KNS_IS_STORE (store));

  g_set_object (&self->store, store);
  record_sex = kns_store_get_setting (store, KNS_STORE_SETTING_RECORD_SEX, NULL);
  self->record_sex = g_strcmp0 (record_sex, "true") == 0;

  /* Teacher mode opened again: every class, as on first sight. */
  self->filling = TRUE;
  adw_combo_row_set_selected (self->class_row, 0);
  self->filling = FALSE;
  fill_classes (self);
}

guint
kns_learners_panel_get_n_rows (KnsLearnersPanel *self)
{
  g_return_val_if_fail (KNS_IS_LEARNERS_PANEL (self), 0);
  return self->learners != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->learners)) : 0;
}

/**
 * kns_learners_panel_get_row:
 *
 * Returns: (transfer none) (nullable): the row of the pupil @learner_id,
 *   if the class on view has them
 */
GtkWidget *
kns_learners_panel_get_row (KnsLearnersPanel *self,
                            gint64            learner_id)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (KNS_IS_LEARNERS_PANEL (self), NULL);

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->learners_list, i)) != NULL; i++)
    if (KNS_IS_LEARNER_ROW (row) && kns_learner_row_get_id (KNS_LEARNER_ROW (row)) == learner_id)
      return GTK_WIDGET (row);
  return NULL;
}
