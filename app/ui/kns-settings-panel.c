/* kns-settings-panel.c
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
 * School details and privacy choices belong with the records, in the
 * store; how the lab behaves (kiosk, idle sign-out, pass mark) is
 * GSettings, so a technician can lock it with dconf. Each takes effect
 * at once: the kiosk switch is the window's kiosk.enabled action, so it
 * shows what is in force, --kiosk included.
 *
 * Teacher mode may be left open in front of a child: changing the PIN
 * asks for the current one (a wrong one counts towards the lockout),
 * and quitting asks first.
 */

#define G_LOG_DOMAIN "kns-settings-panel"

#include "kns-config.h"

#include <glib/gi18n.h>

#include "kns-pin-dialog.h"
#include "kns-settings-panel.h"
#include "kns-teacher.h"
#include "kns-ui-util.h"

struct _KnsSettingsPanel
{
  AdwBin          parent_instance;

  /* Template widgets */
  AdwEntryRow    *school_row;
  AdwEntryRow    *location_row;
  AdwExpanderRow *enrolment_row;
  GtkSwitch      *sex_switch;
  GtkSpinButton  *retention_spin;
  GtkWidget      *lab_group;
  AdwActionRow   *kiosk_row;
  GtkSwitch      *kiosk_switch;
  GtkAdjustment  *idle_adjustment;
  GtkAdjustment  *pass_adjustment;
  GtkAdjustment  *text_scale_adjustment;
  GtkSwitch      *higher_tiers_switch;
  AdwEntryRow    *current_pin_row;
  AdwEntryRow    *pin_row;
  AdwEntryRow    *pin_again_row;
  GtkLabel       *pin_message;

  /* Owned */
  KnsStore       *store;
  GSettings      *settings;
  GPtrArray      *enrolment_spins;
  guint           school_year;
  gboolean        filling;
};

G_DEFINE_FINAL_TYPE (KnsSettingsPanel, kns_settings_panel, ADW_TYPE_BIN)

static void
save_setting (KnsSettingsPanel *self,
              const char       *key,
              const char       *value)
{
  g_autoptr(GError) error = NULL;

  if (self->store != NULL && !kns_store_set_setting (self->store, key, value, &error))
    kns_report_error (GTK_WIDGET (self), error);
}

static void
school_applied_cb (KnsSettingsPanel *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->school_row))));

  save_setting (self, KNS_STORE_SETTING_SCHOOL_NAME, text);
}

static void
location_applied_cb (KnsSettingsPanel *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->location_row))));

  save_setting (self, KNS_STORE_SETTING_SCHOOL_LOCATION, text);
}

static void
sex_switched_cb (KnsSettingsPanel *self)
{
  if (!self->filling)
    save_setting (self, KNS_STORE_SETTING_RECORD_SEX,
                  gtk_switch_get_active (self->sex_switch) ? "true" : "false");
}

static void
retention_changed_cb (KnsSettingsPanel *self)
{
  g_autofree char *days = NULL;

  if (self->filling)
    return;
  days = g_strdup_printf ("%d", gtk_spin_button_get_value_as_int (self->retention_spin));
  save_setting (self, KNS_STORE_SETTING_RETENTION_DAYS, days);
}

/* The key holds a factor (1.0); a teacher reads a percentage (100). */
static gboolean
scale_to_percent (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  g_value_set_double (value, g_variant_get_double (variant) * 100);
  return TRUE;
}

static GVariant *
percent_to_scale (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  return g_variant_new_double (g_value_get_double (value) / 100);
}

static void
purge_clicked_cb (KnsSettingsPanel *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint days = (guint) gtk_spin_button_get_value_as_int (self->retention_spin);
  guint n = kns_store_purge_inactive (self->store, days, &error);
  GtkWidget *overlay;

  if (error != NULL)
    {
      kns_report_error (GTK_WIDGET (self), error);
      return;
    }

  message = g_strdup_printf (ngettext ("%u pupil not seen for %u days was deleted.",
                                       "%u pupils not seen for %u days were deleted.", n),
                             n, days);
  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
}

static void
enrolment_changed_cb (GtkSpinButton    *spin,
                      KnsSettingsPanel *self)
{
  g_autoptr(GError) error = NULL;
  guint grade;

  /* The spins are in the order of the grades. */
  if (self->filling || !g_ptr_array_find (self->enrolment_spins, spin, &grade))
    return;
  grade++;
  if (!kns_store_set_enrolment (self->store, self->school_year, grade, KNS_SEX_UNSTATED,
                                (guint) gtk_spin_button_get_value_as_int (spin), &error))
    kns_report_error (GTK_WIDGET (self), error);
}

static void
build_enrolment_rows (KnsSettingsPanel *self)
{
  for (guint grade = 1; grade <= 12; grade++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *spin = gtk_spin_button_new_with_range (0, 5000, 1);
      g_autofree char *title = g_strdup_printf (_("Grade %u"), grade);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
      g_signal_connect (spin, "value-changed", G_CALLBACK (enrolment_changed_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      adw_expander_row_add_row (self->enrolment_row, row);
      g_ptr_array_add (self->enrolment_spins, spin);
    }
}

static void
show_pin_message (KnsSettingsPanel *self,
                  const char       *message,
                  gboolean          error)
{
  gtk_label_set_text (self->pin_message, message);
  gtk_widget_set_visible (GTK_WIDGET (self->pin_message), TRUE);
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (self->pin_message), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->pin_message), "error");
}

/* A message about the PIN is stale once a field changes. */
static void
pin_changed_cb (KnsSettingsPanel *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->pin_message), FALSE);
}

static void
pin_activated_cb (KnsSettingsPanel *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "settings.change-pin", NULL);
}

/* Whether the current PIN was given; says why not otherwise. A wrong
 * one counts as a wrong try at the door of teacher mode. */
static gboolean
check_current_pin (KnsSettingsPanel *self)
{
  const char *current = gtk_editable_get_text (GTK_EDITABLE (self->current_pin_row));
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;
  gint64 until = 0;
  guint left;

  if (!gtk_widget_get_visible (GTK_WIDGET (self->current_pin_row)))
    return TRUE;

  switch (kns_teacher_check_pin (self->store, current, &until, &error))
    {
    case KNS_PIN_OK:
      return TRUE;
    case KNS_PIN_LOCKED:
      problem = kns_pin_dialog_describe_lock (until - kns_store_now (self->store));
      show_pin_message (self, problem, TRUE);
      return FALSE;
    case KNS_PIN_NOT_SET:
    case KNS_PIN_DAMAGED:
      show_pin_message (self, _("The saved PIN is damaged, so it cannot be changed here. Use the "
                                "command kynangso --reset-teacher-pin."),
                        TRUE);
      return FALSE;
    case KNS_PIN_WRONG:
    default:
      left = kns_teacher_get_tries_left (self->store);
      if (error != NULL)
        problem = g_strdup (error->message);
      else
        problem = g_strdup_printf (ngettext ("The current PIN is not right. %u try left before "
                                             "entry locks.",
                                             "The current PIN is not right. %u tries left before "
                                             "entry locks.",
                                             left),
                                   left);
      show_pin_message (self, problem, TRUE);
      return FALSE;
    }
}

static void
change_pin_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  KnsSettingsPanel *self = KNS_SETTINGS_PANEL (widget);
  const char *pin = gtk_editable_get_text (GTK_EDITABLE (self->pin_row));
  g_autoptr(GError) error = NULL;

  /* What can be told without the current PIN first: a mistyped new PIN
   * should not count as a wrong try. */
  if (g_strcmp0 (pin, gtk_editable_get_text (GTK_EDITABLE (self->pin_again_row))) != 0)
    {
      show_pin_message (self, _("The two PINs are not the same. Type the PIN again."), TRUE);
      return;
    }
  if (!kns_pin_is_valid (pin))
    {
      g_autofree char *message = g_strdup_printf (_("A teacher PIN is %d to %d digits."),
                                                  KNS_PIN_MIN_DIGITS, KNS_PIN_MAX_DIGITS);

      show_pin_message (self, message, TRUE);
      return;
    }
  if (!check_current_pin (self))
    return;
  if (!kns_teacher_set_pin (self->store, pin, &error))
    {
      show_pin_message (self, error->message, TRUE);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->current_pin_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->pin_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->pin_again_row), "");
  gtk_widget_set_visible (GTK_WIDGET (self->current_pin_row), TRUE);
  show_pin_message (self, _("The PIN was changed."), FALSE);
}

static gboolean
quit_idle_cb (gpointer data)
{
  gtk_widget_activate_action (GTK_WIDGET (data), "win.quit", NULL);
  return G_SOURCE_REMOVE;
}

/* Once the dialog is gone: quitting destroys the window it belongs to. */
static void
quit_response_cb (KnsSettingsPanel *self,
                  const char       *response)
{
  if (g_strcmp0 (response, "quit") == 0)
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, quit_idle_cb, g_object_ref (self), g_object_unref);
}

static void
quit_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Quit Kỹ năng số?"),
                                   _("Pupils cannot use it on this computer until it is started "
                                     "again."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("Cancel"),
                                    "quit", _("Quit"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "quit",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (quit_response_cb), widget,
                           G_CONNECT_SWAPPED);
  kns_ui_name_dialog_buttons (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
kns_settings_panel_dispose (GObject *object)
{
  KnsSettingsPanel *self = (KnsSettingsPanel *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), KNS_TYPE_SETTINGS_PANEL);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->enrolment_spins, g_ptr_array_unref);

  G_OBJECT_CLASS (kns_settings_panel_parent_class)->dispose (object);
}

static void
kns_settings_panel_class_init (KnsSettingsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kns_settings_panel_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/kns-settings-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, KnsSettingsPanel, school_row);
  gtk_widget_class_bind_template_child (widget_class, KnsSettingsPanel, location_row);
  gtk_widget_class_bind_template_child (widget_class, KnsSettingsPanel, enrolment_row);
  gtk_widget_class_bind_template_child (widget_class, KnsSettingsPanel, sex_switch);
  gtk_widget_class_bind_template_child (widget_class, KnsSettingsPanel, retention_spin);
  gtk_widget_class_bind_template_child (widget_class, KnsSettingsPanel, lab_group);
  gtk_widget_class_bind_template_child (widget_class, KnsSettingsPanel, kiosk_row);
  gtk_widget_class_bind_template_child (widget_class, KnsSettingsPanel, kiosk_switch);
  gtk_widget_class_bind_template_child (widget_class, KnsSettingsPanel, idle_adjustment);
  gtk_widget_class_bind_template_child (widget_class, KnsSettingsPanel, pass_adjustment);
  gtk_widget_class_bind_template_child (widget_class, KnsSettingsPanel, text_scale_adjustment);
  gtk_widget_class_bind_template_child (widget_class, KnsSettingsPanel, higher_tiers_switch);
  gtk_widget_class_bind_template_child (widget_class, KnsSettingsPanel, current_pin_row);
  gtk_widget_class_bind_template_child (widget_class, KnsSettingsPanel, pin_row);
  gtk_widget_class_bind_template_child (widget_class, KnsSettingsPanel, pin_again_row);
  gtk_widget_class_bind_template_child (widget_class, KnsSettingsPanel, pin_message);
  gtk_widget_class_bind_template_callback (widget_class, school_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, location_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, sex_switched_cb);
  gtk_widget_class_bind_template_callback (widget_class, retention_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, purge_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, pin_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, pin_activated_cb);

  gtk_widget_class_install_action (widget_class, "settings.change-pin", NULL, change_pin_activated);
  gtk_widget_class_install_action (widget_class, "settings.quit", NULL, quit_activated);
}

static void
kns_settings_panel_init (KnsSettingsPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  kns_ui_name_pin_peek (GTK_WIDGET (self->current_pin_row));
  kns_ui_name_pin_peek (GTK_WIDGET (self->pin_row));
  kns_ui_name_pin_peek (GTK_WIDGET (self->pin_again_row));
  self->enrolment_spins = g_ptr_array_new ();
  build_enrolment_rows (self);
}

/**
 * kns_settings_panel_refresh:
 * @settings: (nullable): the app's GSettings; %NULL hides the lab group
 */
void
kns_settings_panel_refresh (KnsSettingsPanel *self,
                            KnsStore         *store,
                            GSettings        *settings)
{
  g_autofree char *school = NULL;
  g_autofree char *location = NULL;
  g_autofree char *record_sex = NULL;
  g_autofree char *retention = NULL;
  g_autofree char *enrolment_title = NULL;

  g_return_if_fail (KNS_IS_SETTINGS_PANEL (self));
  g_return_if_fail (KNS_IS_STORE (store));

  self->filling = TRUE;
  g_set_object (&self->store, store);
  school = kns_store_get_setting (store, KNS_STORE_SETTING_SCHOOL_NAME, NULL);
  location = kns_store_get_setting (store, KNS_STORE_SETTING_SCHOOL_LOCATION, NULL);
  record_sex = kns_store_get_setting (store, KNS_STORE_SETTING_RECORD_SEX, NULL);
  retention = kns_store_get_setting (store, KNS_STORE_SETTING_RETENTION_DAYS, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->school_row), school ? school : "");
  gtk_editable_set_text (GTK_EDITABLE (self->location_row), location ? location : "");
  gtk_switch_set_active (self->sex_switch, g_strcmp0 (record_sex, "true") == 0);
  gtk_spin_button_set_value (self->retention_spin, retention ? g_ascii_strtod (retention, NULL) : 365);

  self->school_year = kns_school_year_for_time (kns_store_now (store));
  /* Translators: "Pupils enrolled, by grade, school year 2026–2027" */
  enrolment_title = g_strdup_printf (_("Pupils enrolled, by grade, school year %u–%u"),
                                     self->school_year, self->school_year + 1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->enrolment_row), enrolment_title);
  for (guint i = 0; i < self->enrolment_spins->len; i++)
    gtk_spin_button_set_value (g_ptr_array_index (self->enrolment_spins, i),
                               kns_store_get_enrolment (store, self->school_year, i + 1,
                                                        KNS_SEX_UNSTATED, NULL));

  if (settings != NULL && settings != self->settings)
    {
      g_set_object (&self->settings, settings);
      g_settings_bind (settings, "idle-timeout", self->idle_adjustment, "value", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "pass-mark", self->pass_adjustment, "value", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind_with_mapping (settings, "text-scale", self->text_scale_adjustment, "value",
                                    G_SETTINGS_BIND_DEFAULT, scale_to_percent, percent_to_scale,
                                    NULL, NULL);
      g_settings_bind (settings, "allow-higher-tiers", self->higher_tiers_switch, "active",
                       G_SETTINGS_BIND_DEFAULT);
    }
  gtk_widget_set_visible (self->lab_group, settings != NULL);
  if (settings != NULL && !g_settings_is_writable (settings, "kiosk-mode"))
    adw_action_row_set_subtitle (self->kiosk_row, _("Set by the school’s technician."));

  /* No PIN to ask for only at home, where none was ever set. */
  gtk_widget_set_visible (GTK_WIDGET (self->current_pin_row), kns_teacher_pin_needed (store));
  gtk_editable_set_text (GTK_EDITABLE (self->current_pin_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->pin_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->pin_again_row), "");
  gtk_widget_set_visible (GTK_WIDGET (self->pin_message), FALSE);
  self->filling = FALSE;
}
