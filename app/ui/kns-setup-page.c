/* kns-setup-page.c
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

#define G_LOG_DOMAIN "kns-setup-page"

#include "kns-config.h"

#include <glib/gi18n.h>

#include "kns-setup-page.h"
#include "kns-ui-util.h"
#include "kns-teacher.h"

struct _KnsSetupPage
{
  AdwBin           parent_instance;

  /* Template widgets */
  GtkToggleButton *lab_button;
  GtkToggleButton *anonymous_button;
  GtkToggleButton *home_button;
  GtkWidget       *school_group;
  AdwEntryRow     *school_row;
  AdwEntryRow     *location_row;
  AdwEntryRow     *pin_row;
  AdwEntryRow     *pin_again_row;
  GtkLabel        *error_label;
  GtkWidget       *done_button;

  /* Owned */
  KnsStore        *store;
};

G_DEFINE_FINAL_TYPE (KnsSetupPage, kns_setup_page, ADW_TYPE_BIN)

static const char *
chosen (KnsSetupPage *self)
{
  if (gtk_toggle_button_get_active (self->lab_button))
    return KNS_SETUP_LAB;
  if (gtk_toggle_button_get_active (self->anonymous_button))
    return KNS_SETUP_LAB_ANONYMOUS;
  if (gtk_toggle_button_get_active (self->home_button))
    return KNS_SETUP_HOME;
  return NULL;
}

/* The label keeps its line when empty: were the bar below the form to
 * grow with a message, the field given the focus could slip under it.
 * Empty, a screen reader does not meet it. */
static void
show_error (KnsSetupPage *self,
            const char   *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->error_label),
                               GTK_ACCESSIBLE_STATE_HIDDEN, message == NULL,
                               -1);
}

static void
choice_toggled_cb (KnsSetupPage *self)
{
  const char *setup = chosen (self);

  gtk_widget_set_visible (self->school_group, setup != NULL && !g_str_equal (setup, KNS_SETUP_HOME));
  gtk_widget_set_sensitive (self->done_button, setup != NULL);
  show_error (self, NULL);
}

static const char *
text_of (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* Checks what a school must give, and says what is missing. */
static gboolean
validate (KnsSetupPage *self)
{
  g_autofree char *school = g_strstrip (g_strdup (text_of (self->school_row)));

  if (*school == '\0')
    {
      show_error (self, _("Write the school’s name: it goes on the school report."));
      gtk_widget_grab_focus (GTK_WIDGET (self->school_row));
      return FALSE;
    }
  if (!kns_pin_is_valid (text_of (self->pin_row)))
    {
      show_error (self, _("The teacher PIN must be 6 to 12 digits."));
      gtk_widget_grab_focus (GTK_WIDGET (self->pin_row));
      return FALSE;
    }
  if (g_strcmp0 (text_of (self->pin_row), text_of (self->pin_again_row)) != 0)
    {
      show_error (self, _("The two PINs are not the same. Type the PIN again."));
      gtk_widget_grab_focus (GTK_WIDGET (self->pin_again_row));
      return FALSE;
    }
  return TRUE;
}

static gboolean
save (KnsSetupPage  *self,
      const char    *setup,
      GError       **error)
{
  if (!g_str_equal (setup, KNS_SETUP_HOME))
    {
      g_autofree char *school = g_strstrip (g_strdup (text_of (self->school_row)));
      g_autofree char *location = g_strstrip (g_strdup (text_of (self->location_row)));

      if (!kns_store_set_setting (self->store, KNS_STORE_SETTING_SCHOOL_NAME, school, error) ||
          !kns_store_set_setting (self->store, KNS_STORE_SETTING_SCHOOL_LOCATION, location, error) ||
          !kns_teacher_set_pin (self->store, text_of (self->pin_row), error))
        return FALSE;
    }

  /* Last: until it is written, the next start asks again. */
  return kns_teacher_set_setup (self->store, setup, error);
}

static void
done_clicked_cb (KnsSetupPage *self)
{
  kns_setup_page_finish (self);
}

/* What was wrong may be fixed now: an old "the PINs differ" must not
 * stay once they agree. */
static void
field_changed_cb (KnsSetupPage *self)
{
  show_error (self, NULL);
}

/* Enter goes on to the next field, and from the last one starts. */
static void
school_activated_cb (KnsSetupPage *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->location_row));
}

static void
location_activated_cb (KnsSetupPage *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->pin_row));
}

static void
pin_activated_cb (KnsSetupPage *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->pin_again_row));
}

static void
pin_again_activated_cb (KnsSetupPage *self)
{
  if (gtk_widget_is_sensitive (self->done_button))
    kns_setup_page_finish (self);
}

static void
kns_setup_page_dispose (GObject *object)
{
  KnsSetupPage *self = (KnsSetupPage *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), KNS_TYPE_SETUP_PAGE);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kns_setup_page_parent_class)->dispose (object);
}

static void
kns_setup_page_class_init (KnsSetupPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kns_setup_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/kns-setup-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KnsSetupPage, lab_button);
  gtk_widget_class_bind_template_child (widget_class, KnsSetupPage, anonymous_button);
  gtk_widget_class_bind_template_child (widget_class, KnsSetupPage, home_button);
  gtk_widget_class_bind_template_child (widget_class, KnsSetupPage, school_group);
  gtk_widget_class_bind_template_child (widget_class, KnsSetupPage, school_row);
  gtk_widget_class_bind_template_child (widget_class, KnsSetupPage, location_row);
  gtk_widget_class_bind_template_child (widget_class, KnsSetupPage, pin_row);
  gtk_widget_class_bind_template_child (widget_class, KnsSetupPage, pin_again_row);
  gtk_widget_class_bind_template_child (widget_class, KnsSetupPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, KnsSetupPage, done_button);
  gtk_widget_class_bind_template_callback (widget_class, choice_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, done_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, school_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, location_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, pin_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, pin_again_activated_cb);
}

static void
kns_setup_page_init (KnsSetupPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  show_error (self, NULL);
  kns_ui_name_pin_peek (GTK_WIDGET (self->pin_row));
  kns_ui_name_pin_peek (GTK_WIDGET (self->pin_again_row));
}

void
kns_setup_page_reset (KnsSetupPage *self,
                      KnsStore     *store)
{
  g_return_if_fail (KNS_IS_SETUP_PAGE (self));
  g_return_if_fail (KNS_IS_STORE (store));

  g_set_object (&self->store, store);
  show_error (self, NULL);
}

/* What a test (or a teacher) picks: KNS_SETUP_LAB… */
void
kns_setup_page_choose (KnsSetupPage *self,
                       const char   *setup)
{
  g_return_if_fail (KNS_IS_SETUP_PAGE (self));

  if (g_strcmp0 (setup, KNS_SETUP_LAB) == 0)
    gtk_toggle_button_set_active (self->lab_button, TRUE);
  else if (g_strcmp0 (setup, KNS_SETUP_LAB_ANONYMOUS) == 0)
    gtk_toggle_button_set_active (self->anonymous_button, TRUE);
  else if (g_strcmp0 (setup, KNS_SETUP_HOME) == 0)
    gtk_toggle_button_set_active (self->home_button, TRUE);
}

void
kns_setup_page_set_fields (KnsSetupPage *self,
                           const char   *school,
                           const char   *location,
                           const char   *pin,
                           const char   *pin_again)
{
  g_return_if_fail (KNS_IS_SETUP_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->school_row), school);
  gtk_editable_set_text (GTK_EDITABLE (self->location_row), location);
  gtk_editable_set_text (GTK_EDITABLE (self->pin_row), pin);
  gtk_editable_set_text (GTK_EDITABLE (self->pin_again_row), pin_again);
}

/**
 * kns_setup_page_finish:
 *
 * Saves the choice if it is complete, and moves on through
 * "win.setup-done"; otherwise says what is missing.
 */
gboolean
kns_setup_page_finish (KnsSetupPage *self)
{
  g_autoptr(GError) error = NULL;
  const char *setup;

  g_return_val_if_fail (KNS_IS_SETUP_PAGE (self), FALSE);

  setup = chosen (self);
  if (setup == NULL)
    return FALSE;
  if (!g_str_equal (setup, KNS_SETUP_HOME) && !validate (self))
    return FALSE;
  if (!save (self, setup, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }

  gtk_widget_activate_action (GTK_WIDGET (self), "win.setup-done", NULL);
  return TRUE;
}

/* The message shown, or %NULL. */
const char *
kns_setup_page_get_error (KnsSetupPage *self)
{
  g_return_val_if_fail (KNS_IS_SETUP_PAGE (self), NULL);

  return *gtk_label_get_text (self->error_label) != '\0' ? gtk_label_get_text (self->error_label) : NULL;
}
