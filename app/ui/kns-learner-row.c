/* kns-learner-row.c
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
 * One pupil in teacher mode's list. Opened, the row is a form: a child
 * who typed the wrong class or grade, or a nickname too close to a
 * classmate's, is put right here. The store checks what is saved; its
 * refusal stays under the form until the field is changed. Once saved,
 * the row asks its list, through learners.saved, to read the class
 * again (a pupil may have moved class).
 */

#define G_LOG_DOMAIN "kns-learners-panel"

#include "kns-config.h"

#include <glib/gi18n.h>

#include "kns-learner-row.h"
#include "kns-nickname.h"
#include "kns-school.h"
#include "kns-ui-util.h"

struct _KnsLearnerRow
{
  AdwExpanderRow  parent_instance;

  /* Template widgets */
  AdwAvatar      *avatar;
  AdwEntryRow    *nickname_row;
  AdwEntryRow    *class_row;
  AdwComboRow    *grade_row;
  AdwComboRow    *sex_row;
  GtkLabel       *message_label;
  GtkWidget      *delete_button;

  /* Owned */
  KnsStore       *store;
  KnsLearner     *learner;
  gboolean        filling;
};

G_DEFINE_FINAL_TYPE (KnsLearnerRow, kns_learner_row, ADW_TYPE_EXPANDER_ROW)

static void
show_message (KnsLearnerRow *self,
              const char    *message)
{
  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

static void
show_learner (KnsLearnerRow *self)
{
  const KnsLearner *learner = self->learner;
  g_autoptr(GdkPaintable) picture = kns_avatar_paintable_new (learner->avatar);
  g_autofree char *subtitle = *learner->class_label
    ? g_strdup_printf (_("Class %s · grade %u"), learner->class_label, learner->grade)
    : g_strdup_printf (_("Grade %u"), learner->grade);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), learner->nickname);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
  adw_avatar_set_text (self->avatar, learner->nickname);
  adw_avatar_set_custom_image (self->avatar, picture);

  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->nickname_row), learner->nickname);
  gtk_editable_set_text (GTK_EDITABLE (self->class_row), learner->class_label);
  adw_combo_row_set_selected (self->grade_row, learner->grade - 1);
  adw_combo_row_set_selected (self->sex_row, learner->sex);
  self->filling = FALSE;
}

/* A message about what was typed is stale once it is changed. */
static void
field_changed_cb (KnsLearnerRow *self)
{
  if (!self->filling)
    show_message (self, NULL);
}

/* "6B" is grade 6: the grade follows the class, and stays editable. */
static void
class_changed_cb (KnsLearnerRow *self)
{
  guint grade = kns_school_grade_for_class (gtk_editable_get_text (GTK_EDITABLE (self->class_row)));

  if (self->filling)
    return;
  field_changed_cb (self);
  if (grade > 0)
    adw_combo_row_set_selected (self->grade_row, grade - 1);
}

static void
entry_activated_cb (KnsLearnerRow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "learner.save", NULL);
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  KnsLearnerRow *self = KNS_LEARNER_ROW (widget);
  g_autoptr(KnsLearner) changed = kns_learner_copy (self->learner);
  g_autoptr(KnsLearner) saved = NULL;
  g_autoptr(GError) error = NULL;

  g_free (changed->nickname);
  changed->nickname = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->nickname_row)));
  g_free (changed->class_label);
  changed->class_label = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->class_row)));
  changed->grade = adw_combo_row_get_selected (self->grade_row) + 1;
  if (gtk_widget_get_visible (GTK_WIDGET (self->sex_row)))
    changed->sex = (KnsSex) adw_combo_row_get_selected (self->sex_row);

  if (!kns_store_update_learner (self->store, changed, &error) ||
      (saved = kns_store_get_learner (self->store, changed->id, &error)) == NULL)
    {
      g_debug ("Saving %s: %s", self->learner->nickname, error->message);
      show_message (self, error->message);
      return;
    }

  kns_learner_free (self->learner);
  self->learner = g_steal_pointer (&saved);
  show_message (self, NULL);
  show_learner (self);
  gtk_widget_activate_action (widget, "learners.saved", "x", self->learner->id);
}

static void
kns_learner_row_dispose (GObject *object)
{
  KnsLearnerRow *self = KNS_LEARNER_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KNS_TYPE_LEARNER_ROW);
  g_clear_object (&self->store);
  g_clear_pointer (&self->learner, kns_learner_free);

  G_OBJECT_CLASS (kns_learner_row_parent_class)->dispose (object);
}

static void
kns_learner_row_class_init (KnsLearnerRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kns_learner_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/kns-learner-row.ui");
  gtk_widget_class_bind_template_child (widget_class, KnsLearnerRow, avatar);
  gtk_widget_class_bind_template_child (widget_class, KnsLearnerRow, nickname_row);
  gtk_widget_class_bind_template_child (widget_class, KnsLearnerRow, class_row);
  gtk_widget_class_bind_template_child (widget_class, KnsLearnerRow, grade_row);
  gtk_widget_class_bind_template_child (widget_class, KnsLearnerRow, sex_row);
  gtk_widget_class_bind_template_child (widget_class, KnsLearnerRow, message_label);
  gtk_widget_class_bind_template_child (widget_class, KnsLearnerRow, delete_button);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, class_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "learner.save", NULL, save_activated);
}

static void
kns_learner_row_init (KnsLearnerRow *self)
{
  g_autoptr(GtkStringList) grades = gtk_string_list_new (NULL);
  /* In the order of KnsSex. */
  const char *const sexes[] = { _("Not recorded"), _("A boy"), _("A girl"), NULL };
  g_autoptr(GtkStringList) sex_names = gtk_string_list_new (sexes);

  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint grade = 1; grade <= KNS_N_GRADES; grade++)
    {
      g_autofree char *name = g_strdup_printf (_("Grade %u"), grade);

      gtk_string_list_append (grades, name);
    }
  adw_combo_row_set_model (self->grade_row, G_LIST_MODEL (grades));
  adw_combo_row_set_model (self->sex_row, G_LIST_MODEL (sex_names));
}

/**
 * kns_learner_row_new:
 * @record_sex: whether the school records sex, and the form shows it
 *
 * Returns: (transfer floating): the row for @learner
 */
GtkWidget *
kns_learner_row_new (KnsStore         *store,
                     const KnsLearner *learner,
                     gboolean          record_sex)
{
  KnsLearnerRow *self;

  g_return_val_if_fail (KNS_IS_STORE (store), NULL);
  g_return_val_if_fail (learner != NULL, NULL);

  self = g_object_new (KNS_TYPE_LEARNER_ROW, NULL);
  self->store = g_object_ref (store);
  self->learner = kns_learner_copy (learner);
  gtk_widget_set_visible (GTK_WIDGET (self->sex_row), record_sex);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->delete_button), "x", learner->id);
  show_learner (self);
  return GTK_WIDGET (self);
}

gint64
kns_learner_row_get_id (KnsLearnerRow *self)
{
  g_return_val_if_fail (KNS_IS_LEARNER_ROW (self), 0);
  return self->learner->id;
}

/* What a teacher types into the form, for tests. */
void
kns_learner_row_set_fields (KnsLearnerRow *self,
                            const char    *nickname,
                            const char    *class_label,
                            guint          grade,
                            KnsSex         sex)
{
  g_return_if_fail (KNS_IS_LEARNER_ROW (self));
  g_return_if_fail (grade >= 1 && grade <= KNS_N_GRADES);

  gtk_editable_set_text (GTK_EDITABLE (self->nickname_row), nickname);
  gtk_editable_set_text (GTK_EDITABLE (self->class_row), class_label);
  adw_combo_row_set_selected (self->grade_row, grade - 1);
  adw_combo_row_set_selected (self->sex_row, sex);
}

/**
 * kns_learner_row_get_message:
 *
 * Returns: (nullable): why the last save was refused, while it is shown
 */
const char *
kns_learner_row_get_message (KnsLearnerRow *self)
{
  g_return_val_if_fail (KNS_IS_LEARNER_ROW (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->message_label)))
    return NULL;
  return gtk_label_get_text (self->message_label);
}

/**
 * kns_learner_row_get_nickname:
 *
 * Returns: (transfer none): the nickname field
 */
GtkEditable *
kns_learner_row_get_nickname (KnsLearnerRow *self)
{
  g_return_val_if_fail (KNS_IS_LEARNER_ROW (self), NULL);
  return GTK_EDITABLE (self->nickname_row);
}
