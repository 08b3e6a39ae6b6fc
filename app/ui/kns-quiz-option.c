/* kns-quiz-option.c
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
 * A check box, or a radio button when only one answer is right, so that
 * a child sees before answering whether to tick one or several. It is a
 * toggle button that looks and presents itself as one: GTK 4.8's own
 * GtkCheckButton offers screen readers and switch access no action to
 * press it with.
 * Once answered, each option says what it was in a mark and in words,
 * never by colour alone: right, not right, or right but not chosen.
 */

#define G_LOG_DOMAIN "kns-quiz-option"

#include "kns-config.h"

#include <glib/gi18n.h>

#include "kns-quiz-option.h"

struct _KnsQuizOption
{
  GtkToggleButton       parent_instance;

  /* Template widgets */
  GtkImage             *indicator;
  GtkLabel             *letter_label;
  GtkLabel             *text_label;
  GtkWidget            *verdict_box;
  GtkImage             *verdict_icon;
  GtkLabel             *verdict_label;

  guint                 index;    /* in the quiz file: what the store records */
  char                  letter;   /* by its place on screen */
  gboolean              multiple;
  KnsQuizOptionVerdict  verdict;
};

G_DEFINE_FINAL_TYPE (KnsQuizOption, kns_quiz_option, GTK_TYPE_TOGGLE_BUTTON)

static const char * const verdict_classes[] = {
  NULL, "option-right", "option-wrong", "option-missed", "option-left",
};

static const char *
verdict_icon_name (KnsQuizOptionVerdict verdict)
{
  switch (verdict)
    {
    case KNS_QUIZ_OPTION_RIGHT_CHOSEN:
      return "object-select-symbolic";
    case KNS_QUIZ_OPTION_WRONG_CHOSEN:
      return "window-close-symbolic";
    case KNS_QUIZ_OPTION_RIGHT_MISSED:
      return "emblem-important-symbolic";
    case KNS_QUIZ_OPTION_ASKING:
    case KNS_QUIZ_OPTION_WRONG_LEFT:
    default:
      return NULL;
    }
}

static const char *
verdict_text (KnsQuizOption *self)
{
  switch (self->verdict)
    {
    case KNS_QUIZ_OPTION_RIGHT_CHOSEN:
      /* Translators: under a quiz option the child chose, which is right */
      return _("Right");
    case KNS_QUIZ_OPTION_WRONG_CHOSEN:
      /* Translators: under a quiz option the child chose, which is not right */
      return _("Not right");
    case KNS_QUIZ_OPTION_RIGHT_MISSED:
      return self->multiple
               /* Translators: under a right option the child did not tick, in a question with several right answers */
               ? _("Also right: you did not choose this one")
               /* Translators: under the right option when the child chose another */
               : _("This is the right answer");
    case KNS_QUIZ_OPTION_ASKING:
    case KNS_QUIZ_OPTION_WRONG_LEFT:
    default:
      return NULL;
    }
}

/* The mark a check box or a radio button has, ticked or not, and what
 * a screen reader hears of it. */
static void
update_indicator (KnsQuizOption *self)
{
  gboolean active = gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self));

  if (self->multiple)
    gtk_image_set_from_icon_name (self->indicator, active ? "checkbox-checked-symbolic" : "checkbox-symbolic");
  else
    gtk_image_set_from_icon_name (self->indicator, active ? "radio-checked-symbolic" : "radio-symbolic");
  gtk_accessible_update_state (GTK_ACCESSIBLE (self),
                               GTK_ACCESSIBLE_STATE_CHECKED, active ? GTK_ACCESSIBLE_TRISTATE_TRUE
                                                                    : GTK_ACCESSIBLE_TRISTATE_FALSE,
                               -1);
}

static void
kns_quiz_option_toggled (GtkToggleButton *button)
{
  if (GTK_TOGGLE_BUTTON_CLASS (kns_quiz_option_parent_class)->toggled != NULL)
    GTK_TOGGLE_BUTTON_CLASS (kns_quiz_option_parent_class)->toggled (button);
  update_indicator (KNS_QUIZ_OPTION (button));
}

static void
kns_quiz_option_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), KNS_TYPE_QUIZ_OPTION);

  G_OBJECT_CLASS (kns_quiz_option_parent_class)->dispose (object);
}

static void
kns_quiz_option_class_init (KnsQuizOptionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kns_quiz_option_dispose;
  GTK_TOGGLE_BUTTON_CLASS (klass)->toggled = kns_quiz_option_toggled;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/kns-quiz-option.ui");
  gtk_widget_class_bind_template_child (widget_class, KnsQuizOption, indicator);
  gtk_widget_class_bind_template_child (widget_class, KnsQuizOption, letter_label);
  gtk_widget_class_bind_template_child (widget_class, KnsQuizOption, text_label);
  gtk_widget_class_bind_template_child (widget_class, KnsQuizOption, verdict_box);
  gtk_widget_class_bind_template_child (widget_class, KnsQuizOption, verdict_icon);
  gtk_widget_class_bind_template_child (widget_class, KnsQuizOption, verdict_label);
}

static void
kns_quiz_option_init (KnsQuizOption *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * kns_quiz_option_new:
 * @index: the option's index in the quiz file
 * @position: its place on screen, from 0, which gives its letter
 * @multiple: whether the question has several right answers: a check
 *   box; else a radio button, to be put in a group with
 *   gtk_toggle_button_set_group()
 *
 * Returns: (transfer floating): the option
 */
GtkWidget *
kns_quiz_option_new (const KnsOption *option,
                     guint            index,
                     guint            position,
                     gboolean         multiple)
{
  KnsQuizOption *self;
  g_autofree char *markup = NULL;
  g_autofree char *letter = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (option != NULL, NULL);
  g_return_val_if_fail (position < 26, NULL);

  self = g_object_new (KNS_TYPE_QUIZ_OPTION,
                       "accessible-role", multiple ? GTK_ACCESSIBLE_ROLE_CHECKBOX
                                                   : GTK_ACCESSIBLE_ROLE_RADIO,
                       NULL);
  self->index = index;
  self->letter = (char) ('A' + position);
  self->multiple = multiple;

  letter = g_strdup_printf ("%c", self->letter);
  markup = kns_spans_to_markup (option->spans);
  name = g_strdup_printf ("%s. %s", letter, option->text);
  gtk_label_set_text (self->letter_label, letter);
  gtk_label_set_markup (self->text_label, markup);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  update_indicator (self);
  return GTK_WIDGET (self);
}

guint
kns_quiz_option_get_index (KnsQuizOption *self)
{
  g_return_val_if_fail (KNS_IS_QUIZ_OPTION (self), 0);
  return self->index;
}

char
kns_quiz_option_get_letter (KnsQuizOption *self)
{
  g_return_val_if_fail (KNS_IS_QUIZ_OPTION (self), 0);
  return self->letter;
}

/**
 * kns_quiz_option_set_verdict:
 *
 * Shows what the option was, in a mark and in words, and tells screen
 * readers the same. Any verdict but %KNS_QUIZ_OPTION_ASKING locks the
 * option: the answer is given.
 */
void
kns_quiz_option_set_verdict (KnsQuizOption        *self,
                             KnsQuizOptionVerdict  verdict)
{
  const char *text;
  const char *icon;
  gboolean asking = verdict == KNS_QUIZ_OPTION_ASKING;

  g_return_if_fail (KNS_IS_QUIZ_OPTION (self));
  g_return_if_fail (verdict < G_N_ELEMENTS (verdict_classes));

  if (verdict_classes[self->verdict] != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self), verdict_classes[self->verdict]);
  self->verdict = verdict;
  if (verdict_classes[verdict] != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), verdict_classes[verdict]);

  text = verdict_text (self);
  icon = verdict_icon_name (verdict);
  gtk_label_set_text (self->verdict_label, text ? text : "");
  gtk_image_set_from_icon_name (self->verdict_icon, icon);
  gtk_widget_set_visible (self->verdict_box, text != NULL);

  gtk_widget_set_can_target (GTK_WIDGET (self), asking);
  gtk_widget_set_focusable (GTK_WIDGET (self), asking);
  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

KnsQuizOptionVerdict
kns_quiz_option_get_verdict (KnsQuizOption *self)
{
  g_return_val_if_fail (KNS_IS_QUIZ_OPTION (self), KNS_QUIZ_OPTION_ASKING);
  return self->verdict;
}

/**
 * kns_quiz_option_get_verdict_text:
 *
 * Returns: (nullable): the words under the option, or %NULL when it
 *   shows none
 */
const char *
kns_quiz_option_get_verdict_text (KnsQuizOption *self)
{
  g_return_val_if_fail (KNS_IS_QUIZ_OPTION (self), NULL);
  return gtk_widget_get_visible (self->verdict_box) ? gtk_label_get_text (self->verdict_label) : NULL;
}
