/* kns-window-text-size.c — the text size of lessons and quizzes
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
 * The GSettings key `text-scale` holds the size; the "Aa" button on the
 * reading screens, Ctrl+plus, Ctrl+minus and Ctrl+0 change it, as in
 * GNOME's own apps, and so does a row in the teacher's settings. Without
 * the schema (a binary run from its build folder, the widget tests) the
 * size lives in the window only.
 */

#define G_LOG_DOMAIN "kns-window"

#include "kns-config.h"

#include <glib/gi18n.h>

#include "kns-ui-util.h"
#include "kns-window-private.h"

/* In tenths: 80 % to 200 %, 20 % a press. */
#define SCALE_MIN  8
#define SCALE_MAX  20
#define SCALE_STEP 2

static int
tenths (double scale)
{
  return (int) (scale * 10 + 0.5);
}

/* GTK 4.8's GtkMenuButton takes the focus with an inner toggle button,
 * which a screen reader names by its label, "Aa": it is labelled by the
 * menu button's own name instead. */
static GtkWidget *
inner_button (KnsWindow *self)
{
  GtkWidget *child = gtk_widget_get_first_child (self->text_size_button);

  return GTK_IS_BUTTON (child) ? child : NULL;
}

static void
apply_text_scale (KnsWindow *self)
{
  g_autofree char *percent = g_strdup_printf ("%d %%", tenths (self->text_scale) * 10);

  /* A wide window's reading text is larger still; the percent shown is
   * the child's own choice. */
  kns_ui_set_text_scale (gtk_widget_get_display (GTK_WIDGET (self)),
                         self->text_scale * (self->wide ? KNS_WINDOW_WIDE_TEXT : 1.0));
  gtk_label_set_text (self->text_size_label, percent);
  /* A screen reader says "Text size, 120 %" on the button. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_size_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, percent,
                                  -1);
  if (inner_button (self) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (inner_button (self)),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, percent,
                                    -1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.text-smaller",
                                 tenths (self->text_scale) > SCALE_MIN);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.text-larger",
                                 tenths (self->text_scale) < SCALE_MAX);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.text-normal",
                                 tenths (self->text_scale) != 10);
}

static void
text_scale_changed_cb (GSettings  *settings,
                       const char *key,
                       KnsWindow  *self)
{
  self->text_scale = g_settings_get_double (settings, "text-scale");
  apply_text_scale (self);
}

static void
set_text_scale (KnsWindow *self,
                int        scale_tenths)
{
  double scale = CLAMP (scale_tenths, SCALE_MIN, SCALE_MAX) / 10.0;

  if (self->settings != NULL)
    {
      /* The changed signal applies it. */
      g_settings_set_double (self->settings, "text-scale", scale);
      return;
    }
  self->text_scale = scale;
  apply_text_scale (self);
}

static void
text_size_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  KnsWindow *self = KNS_WINDOW (widget);
  int now = tenths (self->text_scale);

  if (g_str_equal (action_name, "win.text-larger"))
    set_text_scale (self, (now + SCALE_STEP) / SCALE_STEP * SCALE_STEP);
  else if (g_str_equal (action_name, "win.text-smaller"))
    set_text_scale (self, (now - 1) / SCALE_STEP * SCALE_STEP);
  else
    set_text_scale (self, 10);
}

void
kns_window_text_size_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, KnsWindow, text_size_button);
  gtk_widget_class_bind_template_child (widget_class, KnsWindow, text_size_label);

  gtk_widget_class_install_action (widget_class, "win.text-larger", NULL, text_size_activated);
  gtk_widget_class_install_action (widget_class, "win.text-smaller", NULL, text_size_activated);
  gtk_widget_class_install_action (widget_class, "win.text-normal", NULL, text_size_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "win.text-larger", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "win.text-larger", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "win.text-larger", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "win.text-smaller", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "win.text-smaller", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "win.text-normal", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "win.text-normal", NULL);
}

/* Without a compositor (openbox and other plain window managers) the
 * popover's shadow, rounded corners and arrow are drawn over black: GTK
 * 4.8 cannot make them see-through there. The popover is then plain and
 * square, with an outline for an edge. */
static void
composited_cb (GdkDisplay *display,
               GParamSpec *pspec,
               KnsWindow  *self)
{
  GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (self->text_size_button));
  gboolean plain = !gdk_display_is_composited (display);

  gtk_popover_set_has_arrow (popover, !plain);
  if (plain)
    gtk_widget_add_css_class (GTK_WIDGET (popover), "plain-popover");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (popover), "plain-popover");
}

void
kns_window_text_size_init (KnsWindow *self)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self));

  g_signal_connect_object (display, "notify::composited", G_CALLBACK (composited_cb), self, 0);
  composited_cb (display, NULL, self);

  self->text_scale = 1.0;
  if (inner_button (self) != NULL)
    gtk_accessible_update_relation (GTK_ACCESSIBLE (inner_button (self)),
                                    GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->text_size_button, NULL,
                                    -1);
  apply_text_scale (self);
}

/* Applies the size again, as the window becomes wide or narrow. */
void
kns_window_text_size_update (KnsWindow *self)
{
  apply_text_scale (self);
}

/* Follows the key from now on; called when the window gets its settings. */
void
kns_window_text_size_follow (KnsWindow *self)
{
  if (self->settings == NULL)
    return;
  g_signal_handlers_disconnect_by_func (self->settings, text_scale_changed_cb, self);
  g_signal_connect_object (self->settings, "changed::text-scale",
                           G_CALLBACK (text_scale_changed_cb), self, 0);
  text_scale_changed_cb (self->settings, "text-scale", self);
}
