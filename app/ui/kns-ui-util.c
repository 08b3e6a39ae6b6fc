/* kns-ui-util.c
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

#define G_LOG_DOMAIN "kns-ui"

#include "kns-config.h"

#include <glib/gi18n.h>

#include "kns-ui-util.h"

/* The built-in pictures children choose from; see avatars/README.md. */
static const struct
{
  const char *id;
  const char *name;
} avatars[] = {
  { "cat", N_("Cat") },
  { "dog", N_("Dog") },
  { "rabbit", N_("Rabbit") },
  { "dolphin", N_("Dolphin") },
  { "bear", N_("Bear") },
  { "elephant", N_("Elephant") },
  { "tiger", N_("Tiger") },
  { "monkey", N_("Monkey") },
  { "chick", N_("Chick") },
  { "duck", N_("Duck") },
  { "turtle", N_("Turtle") },
  { "fish", N_("Fish") },
  { "penguin", N_("Penguin") },
  { "owl", N_("Owl") },
  { "lion", N_("Lion") },
  { "frog", N_("Frog") },
};

/**
 * kns_ui_load_style:
 *
 * Loads our stylesheet for @display, once. The window does it, rather
 * than AdwApplication's automatic style.css, so that a window shown
 * without the application (tests, screenshots) looks the same.
 */
void
kns_ui_load_style (GdkDisplay *display)
{
  g_autoptr(GtkCssProvider) provider = NULL;

  g_return_if_fail (GDK_IS_DISPLAY (display));

  if (g_object_get_data (G_OBJECT (display), "kns-style") != NULL)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_PREFIX "/ui/kns-style.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data (G_OBJECT (display), "kns-style", GINT_TO_POINTER (TRUE));
}

/* The screens whose reading text the text size scales. */
static const char * const reading_pages[] = {
  ".lesson-page", ".quiz-page", ".scenario-page", ".results-page", ".help-page",
};

/**
 * kns_ui_set_text_scale:
 * @scale: 1.0 for the normal size
 *
 * Scales the text children read (lessons, quizzes, scenarios, results
 * and help) on @display. The pages' own size scales running text, which
 * is sized in em; libadwaita sizes headings in points, so they are
 * scaled one by one.
 */
void
kns_ui_set_text_scale (GdkDisplay *display,
                       double      scale)
{
  static const struct { const char *class; double points; } titles[] = {
    { ".title-1", 20 }, { ".title-2", 15 }, { ".title-3", 15 }, { ".title-4", 13 }, { ".heading", 11 },
  };
  GtkCssProvider *provider;
  g_autoptr(GString) css = g_string_new (NULL);
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_if_fail (GDK_IS_DISPLAY (display));

  provider = g_object_get_data (G_OBJECT (display), "kns-text-scale");
  if (provider == NULL)
    {
      provider = gtk_css_provider_new ();
      gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_object_set_data_full (G_OBJECT (display), "kns-text-scale", provider, g_object_unref);
    }

  /* g_ascii_formatd: a decimal comma would break the CSS. */
  for (guint i = 0; i < G_N_ELEMENTS (reading_pages); i++)
    g_string_append_printf (css, "%s { font-size: %sem; }\n", reading_pages[i],
                            g_ascii_formatd (number, sizeof number, "%.2f", scale));
  for (guint i = 0; i < G_N_ELEMENTS (reading_pages); i++)
    for (guint j = 0; j < G_N_ELEMENTS (titles); j++)
      g_string_append_printf (css, "%s %s { font-size: %spt; }\n", reading_pages[i], titles[j].class,
                              g_ascii_formatd (number, sizeof number, "%.1f", titles[j].points * scale));
  gtk_css_provider_load_from_data (provider, css->str, css->len);
}

/**
 * kns_ui_name_pin_peek:
 *
 * libadwaita 1.2 gives the "show the text" button of an
 * AdwPasswordEntryRow no accessible name, so a screen reader says only
 * "button" beside the PIN. Names it, if it is found.
 */
void
kns_ui_name_pin_peek (GtkWidget *row)
{
  g_return_if_fail (GTK_IS_WIDGET (row));

  for (GtkWidget *child = gtk_widget_get_first_child (row); child; child = gtk_widget_get_next_sibling (child))
    {
      const char *icon = GTK_IS_BUTTON (child) ? gtk_button_get_icon_name (GTK_BUTTON (child)) : NULL;

      if (icon != NULL && g_str_has_prefix (icon, "view-"))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, _("Show or hide the PIN"),
                                        -1);
      else
        kns_ui_name_pin_peek (child);
    }
}

/**
 * kns_ui_status_page_skip_focus:
 *
 * An AdwStatusPage scrolls its content in a focusable GtkScrolledWindow:
 * inside a page that scrolls already, Tab stops on it and a screen
 * reader says only "scroll pane". Its text stays readable. Not
 * set_focusable (): the scrolled window would still claim Tab and give
 * the focus to nobody, trapping keyboard users on the button before it.
 */
void
kns_ui_status_page_skip_focus (GtkWidget *status_page)
{
  g_return_if_fail (GTK_IS_WIDGET (status_page));

  for (GtkWidget *child = gtk_widget_get_first_child (status_page); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_SCROLLED_WINDOW (child))
      gtk_widget_set_can_focus (child, FALSE);
}

/**
 * kns_ui_name_inner_control:
 * @widget: a widget holding a control of its own, e.g. a GtkDropDown
 * @type: the type of that control, which takes the focus
 * @name: what a screen reader should call it
 *
 * Some widgets take the focus with an unnamed control of their own: the
 * button of a GtkDropDown, the switch of an AdwExpanderRow. A screen
 * reader would say only "toggle button". (A relation to @widget would
 * not do: GTK 4.8 does not follow a name given by another relation.)
 */
void
kns_ui_name_inner_control (GtkWidget  *widget,
                           GType       type,
                           const char *name)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        {
          gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
          return;
        }
      kns_ui_name_inner_control (child, type, name);
    }
}

/**
 * kns_ui_name_dialog_buttons:
 *
 * AdwMessageDialog makes its buttons with mnemonics, and GTK 4.8 then
 * names each twice ("Open Open") for screen readers. The button's label
 * alone names it.
 */
void
kns_ui_name_dialog_buttons (GtkWidget *dialog)
{
  g_return_if_fail (GTK_IS_WIDGET (dialog));

  for (GtkWidget *child = gtk_widget_get_first_child (dialog); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child) && gtk_button_get_use_underline (GTK_BUTTON (child)))
        gtk_accessible_reset_relation (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
      kns_ui_name_dialog_buttons (child);
    }
}

/**
 * kns_report_error:
 *
 * Shows @error's message, which the store and the content engine write
 * for people, through the window's "win.report-error" action.
 */
void
kns_report_error (GtkWidget    *widget,
                  const GError *error)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (error != NULL);

  g_message ("%s", error->message);
  gtk_widget_activate_action (widget, "win.report-error", "s", error->message);
}

/**
 * kns_avatar_list:
 *
 * Returns: (transfer none): the ids of the built-in pictures
 */
const char * const *
kns_avatar_list (void)
{
  static const char *ids[G_N_ELEMENTS (avatars) + 1];

  if (ids[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (avatars); i++)
      ids[i] = avatars[i].id;
  return ids;
}

static void
folded_cb (GtkRevealer *revealer)
{
  if (!gtk_revealer_get_child_revealed (revealer) && !gtk_revealer_get_reveal_child (revealer))
    gtk_widget_set_visible (GTK_WIDGET (revealer), FALSE);
}

/**
 * kns_ui_reveal:
 *
 * Slides @revealer's child in or out, as gtk_revealer_set_reveal_child()
 * does; once out, the revealer is hidden too. A folded revealer's child
 * stays in the accessibility tree: a screen reader would find a banner
 * or a debrief that is not on the screen.
 */
void
kns_ui_reveal (GtkRevealer *revealer,
               gboolean     shown)
{
  g_return_if_fail (GTK_IS_REVEALER (revealer));

  if (g_object_get_data (G_OBJECT (revealer), "kns-reveal") == NULL)
    {
      g_object_set_data (G_OBJECT (revealer), "kns-reveal", GINT_TO_POINTER (TRUE));
      g_signal_connect (revealer, "notify::child-revealed", G_CALLBACK (folded_cb), NULL);
    }
  if (shown)
    gtk_widget_set_visible (GTK_WIDGET (revealer), TRUE);
  gtk_revealer_set_reveal_child (revealer, shown);
  folded_cb (revealer);
}

/**
 * kns_ui_flow_box_child_new:
 * @child: a button, or anything with a focusable widget inside
 *
 * A flow box child that takes no focus itself, around @child: without
 * it, GtkFlowBox gives each item two stops for Tab, the first of which
 * does nothing on Enter or Space.
 *
 * Returns: (transfer floating): the flow box child
 */
GtkWidget *
kns_ui_flow_box_child_new (GtkWidget *child)
{
  GtkWidget *flow_box_child = gtk_flow_box_child_new ();

  g_return_val_if_fail (GTK_IS_WIDGET (child), NULL);

  gtk_widget_set_focusable (flow_box_child, FALSE);
  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (flow_box_child), child);
  return flow_box_child;
}

/* Text that wraps, a long Vietnamese word included, from the left. */
GtkWidget *
kns_ui_wrapped_label_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  return label;
}

/* A heading for screen readers too, from Pango markup, wrapped. */
GtkWidget *
kns_ui_heading_new (const char *markup,
                    const char *css_class)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                                   "use-markup", TRUE,
                                   "label", markup,
                                   "wrap", TRUE,
                                   "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                   "xalign", 0.0f,
                                   NULL);

  gtk_widget_add_css_class (label, css_class);
  return label;
}

/* The picture's name, for screen readers and tooltips. */
const char *
kns_avatar_get_name (const char *avatar)
{
  for (guint i = 0; avatar != NULL && i < G_N_ELEMENTS (avatars); i++)
    if (g_str_equal (avatars[i].id, avatar))
      return _(avatars[i].name);
  return "";
}

/**
 * kns_avatar_paintable_new:
 *
 * Returns: (transfer full) (nullable): the picture @avatar, or %NULL for
 *   an id that is not built in (then an AdwAvatar shows initials)
 */
GdkPaintable *
kns_avatar_paintable_new (const char *avatar)
{
  /* Each picture is drawn from its SVG once, then shared: drawing one
   * takes milliseconds, and the sign-in screen shows one a pupil. */
  static GHashTable *textures; /* avatars[].id → GdkTexture */
  GdkTexture *texture;

  for (guint i = 0; avatar != NULL && i < G_N_ELEMENTS (avatars); i++)
    {
      if (!g_str_equal (avatars[i].id, avatar))
        continue;

      if (textures == NULL)
        textures = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
      texture = g_hash_table_lookup (textures, avatars[i].id);
      if (texture == NULL)
        {
          g_autofree char *path = g_strdup_printf (RESOURCE_PREFIX "/avatars/%s.svg", avatar);

          texture = gdk_texture_new_from_resource (path);
          g_hash_table_insert (textures, (char *) avatars[i].id, texture);
        }
      return GDK_PAINTABLE (g_object_ref (texture));
    }
  return NULL;
}
