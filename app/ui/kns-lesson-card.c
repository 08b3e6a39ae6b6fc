/* kns-lesson-card.c
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
 * A card is one button, so one press of Tab and Enter or Space opens it;
 * the flow box's own child around it takes no focus. Where the child
 * stands is said in words and with a picture, never by colour alone: a
 * star for a quiz passed, an empty star and "Try again" for one not
 * passed yet, a play sign for a lesson not started.
 */

#define G_LOG_DOMAIN "kns-lesson-card"

#include "kns-config.h"

#include <glib/gi18n.h>

#include "kns-lesson-card.h"

struct _KnsLessonCard
{
  GtkFlowBoxChild  parent_instance;

  /* Template widgets */
  GtkWidget       *frame;
  GtkWidget       *button;
  GtkLabel        *number_label;
  GtkWidget       *badge;
  GtkImage        *state_icon;
  GtkLabel        *state_label;
  GtkLabel        *title_label;
  GtkLabel        *summary_label;
  GtkLabel        *minutes_label;
  GtkWidget       *retry_button;

  /* Owned */
  KnsLesson       *lesson;
  KnsCardState     state;
};

G_DEFINE_FINAL_TYPE (KnsLessonCard, kns_lesson_card, GTK_TYPE_FLOW_BOX_CHILD)

static gboolean
is_scenario (KnsLessonCard *self)
{
  return kns_lesson_get_scenario (self->lesson) != NULL;
}

/* The words of the badge. */
static char *
state_text (KnsLessonCard *self,
            int            score)
{
  gboolean scenario = is_scenario (self);

  switch (self->state)
    {
    case KNS_CARD_READING:
      return g_strdup (scenario ? C_("scenario state", "In progress") : _("In progress"));
    case KNS_CARD_QUIZ_STARTED:
      return g_strdup (scenario ? C_("scenario state", "In progress") : _("Quiz started"));
    case KNS_CARD_FINISHED:
      return g_strdup (_("Finished"));
    case KNS_CARD_PASSED:
      if (scenario)
        /* Translators: a scenario the child brought to a safe ending */
        return g_strdup (_("Finished · safe ending"));
      /* Translators: a quiz at or above the pass mark, and the child's best score */
      return g_strdup_printf (_("Passed · %d%%"), score);
    case KNS_CARD_NOT_PASSED:
      if (scenario)
        /* Translators: a scenario the child ended badly; inviting to play again */
        return g_strdup (_("Finished · try another way"));
      /* Translators: a quiz finished below the pass mark, and the child's best score */
      return g_strdup_printf (_("Not passed yet · %d%%"), score);
    case KNS_CARD_NOT_STARTED:
    default:
      return g_strdup (scenario ? C_("scenario state", "Not started") : _("Not started"));
    }
}

static const char *
state_icon_name (KnsCardState state)
{
  switch (state)
    {
    case KNS_CARD_READING:
    case KNS_CARD_QUIZ_STARTED:
      return "document-open-recent-symbolic";
    case KNS_CARD_FINISHED:
      return "emblem-ok-symbolic";
    case KNS_CARD_PASSED:
      return "starred-symbolic";
    case KNS_CARD_NOT_PASSED:
      return "non-starred-symbolic";
    case KNS_CARD_NOT_STARTED:
    default:
      return "media-playback-start-symbolic";
    }
}

/* The CSS class of the badge: its tint, and what tests look for. */
static const char *
state_class (KnsCardState state)
{
  switch (state)
    {
    case KNS_CARD_READING:
    case KNS_CARD_QUIZ_STARTED:
      return "state-started";
    case KNS_CARD_FINISHED:
    case KNS_CARD_PASSED:
      return "state-done";
    case KNS_CARD_NOT_PASSED:
      return "state-retry";
    case KNS_CARD_NOT_STARTED:
    default:
      return "state-new";
    }
}

static void
kns_lesson_card_dispose (GObject *object)
{
  KnsLessonCard *self = KNS_LESSON_CARD (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KNS_TYPE_LESSON_CARD);
  g_clear_object (&self->lesson);

  G_OBJECT_CLASS (kns_lesson_card_parent_class)->dispose (object);
}

static void
kns_lesson_card_class_init (KnsLessonCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kns_lesson_card_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/kns-lesson-card.ui");
  gtk_widget_class_bind_template_child (widget_class, KnsLessonCard, button);
  gtk_widget_class_bind_template_child (widget_class, KnsLessonCard, number_label);
  gtk_widget_class_bind_template_child (widget_class, KnsLessonCard, badge);
  gtk_widget_class_bind_template_child (widget_class, KnsLessonCard, state_icon);
  gtk_widget_class_bind_template_child (widget_class, KnsLessonCard, state_label);
  gtk_widget_class_bind_template_child (widget_class, KnsLessonCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, KnsLessonCard, summary_label);
  gtk_widget_class_bind_template_child (widget_class, KnsLessonCard, minutes_label);
  gtk_widget_class_bind_template_child (widget_class, KnsLessonCard, retry_button);
}

static void
kns_lesson_card_init (KnsLessonCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The flow box's child is only a frame: the button inside is the one
   * place the focus stops. */
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
  self->frame = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (self));
}

static void
fill (KnsLessonCard *self,
      guint          number,
      int            score)
{
  KnsLesson *lesson = self->lesson;
  const char *summary = kns_lesson_get_summary (lesson);
  guint minutes = kns_lesson_get_minutes (lesson);
  g_autofree char *number_text = NULL;
  g_autofree char *state = state_text (self, score);
  g_autofree char *minutes_text = g_strdup_printf (ngettext ("%u minute", "%u minutes", minutes), minutes);
  g_autofree char *accessible = NULL;
  g_autofree char *retry = NULL;

  if (is_scenario (self))
    /* Translators: marks a branching scenario on its card, where a lesson shows "Lesson 3" */
    number_text = g_strdup (_("Scenario"));
  else
    number_text = g_strdup_printf (_("Lesson %u"), number);

  gtk_label_set_text (self->number_label, number_text);
  gtk_label_set_text (self->state_label, state);
  gtk_image_set_from_icon_name (self->state_icon, state_icon_name (self->state));
  gtk_widget_add_css_class (self->badge, state_class (self->state));
  gtk_label_set_text (self->title_label, kns_lesson_get_title (lesson));
  gtk_label_set_text (self->summary_label, summary != NULL ? summary : "");
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), summary != NULL && *summary != '\0');
  gtk_label_set_text (self->minutes_label, minutes_text);
  if (is_scenario (self))
    gtk_widget_add_css_class (self->frame, "scenario-card");

  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->button), "s", kns_lesson_get_id (lesson));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->button),
                                  is_scenario (self) ? "win.open-scenario" : "win.open-lesson");
  /* Translators: what a screen reader says for a lesson card: "Lesson 2: title. Passed · 80%" */
  accessible = g_strdup_printf (_("%s: %s. %s"), number_text, kns_lesson_get_title (lesson), state);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);

  /* A quiz not passed yet: taken again straight from here. */
  gtk_widget_set_visible (self->retry_button,
                          self->state == KNS_CARD_NOT_PASSED && !is_scenario (self) &&
                          kns_lesson_get_quiz (lesson) != NULL);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->retry_button), "s", kns_lesson_get_id (lesson));
  /* Translators: what a screen reader says for "Try again" on a lesson card: "Try the quiz again: title" */
  retry = g_strdup_printf (_("Try the quiz again: %s"), kns_lesson_get_title (lesson));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->retry_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, retry,
                                  -1);
}

/**
 * kns_lesson_card_new:
 * @number: the lesson's number in its tier; ignored for a scenario
 * @score: the best quiz score in percent, for %KNS_CARD_PASSED and
 *   %KNS_CARD_NOT_PASSED
 */
GtkWidget *
kns_lesson_card_new (KnsLesson    *lesson,
                     guint         number,
                     KnsCardState  state,
                     int           score)
{
  KnsLessonCard *self;

  g_return_val_if_fail (KNS_IS_LESSON (lesson), NULL);

  self = g_object_new (KNS_TYPE_LESSON_CARD, NULL);
  self->lesson = g_object_ref (lesson);
  self->state = state;
  fill (self, number, score);
  return GTK_WIDGET (self);
}

KnsLesson *
kns_lesson_card_get_lesson (KnsLessonCard *self)
{
  g_return_val_if_fail (KNS_IS_LESSON_CARD (self), NULL);
  return self->lesson;
}

KnsCardState
kns_lesson_card_get_state (KnsLessonCard *self)
{
  g_return_val_if_fail (KNS_IS_LESSON_CARD (self), KNS_CARD_NOT_STARTED);
  return self->state;
}

/* The card's own button: what opens the lesson. */
GtkWidget *
kns_lesson_card_get_button (KnsLessonCard *self)
{
  g_return_val_if_fail (KNS_IS_LESSON_CARD (self), NULL);
  return self->button;
}

GtkWidget *
kns_lesson_card_get_retry_button (KnsLessonCard *self)
{
  g_return_val_if_fail (KNS_IS_LESSON_CARD (self), NULL);
  return self->retry_button;
}
