/* kns-results-view.c
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

#define G_LOG_DOMAIN "kns-results-view"

#include "kns-config.h"

#include <glib/gi18n.h>

#include "kns-block-view.h"
#include "kns-results-view.h"
#include "kns-ui-util.h"

struct _KnsResultsView
{
  AdwBin             parent_instance;

  /* Template widgets */
  GtkImage          *result_icon;
  GtkLabel          *score_label;
  GtkLabel          *verdict_label;
  GtkBox            *review_box;
  GtkButton         *home_button;

  /* Owned */
  GPtrArray         *review_rows;
};

G_DEFINE_FINAL_TYPE (KnsResultsView, kns_results_view, ADW_TYPE_BIN)

/* The AdwBin's own child: not bound as a template child, since disposing
 * the template would unparent it before AdwBin does. */
static GtkScrolledWindow *
get_scroller (KnsResultsView *self)
{
  return GTK_SCROLLED_WINDOW (adw_bin_get_child (ADW_BIN (self)));
}

static char *
options_text (KnsQuestion *question,
              guint32      mask)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < question->options->len; i++)
    if (mask & (1u << i))
      g_string_append_printf (out, "%s%c. %s", out->len ? "\n" : "", 'A' + i,
                              ((KnsOption *) g_ptr_array_index (question->options, i))->text);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static const KnsAnswer *
find_answer (const KnsAttempt *attempt,
             const char       *question_id)
{
  for (guint i = 0; i < attempt->answers->len; i++)
    {
      const KnsAnswer *answer = g_ptr_array_index (attempt->answers, i);

      if (g_strcmp0 (answer->question_id, question_id) == 0)
        return answer;
    }
  return NULL;
}

/* One question: the child's answer, the right one if different, and the
 * explanation, always shown: the review is where children learn most. */
static GtkWidget *
review_row_new (KnsQuestion     *question,
                guint            number,
                const KnsAnswer *answer)
{
  gboolean correct = answer != NULL && answer->correct;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *icon = gtk_image_new_from_icon_name (correct ? "object-select-symbolic"
                                                          : "window-close-symbolic");
  g_autofree char *title = g_strdup_printf ("%u. %s", number, question->prompt_text);
  g_autofree char *chosen = answer ? options_text (question, answer->chosen) : g_strdup ("—");
  g_autofree char *chosen_text = g_strdup_printf (_("You chose:\n%s"), chosen);
  GtkWidget *title_label = kns_ui_wrapped_label_new (title);
  GtkWidget *explanation = kns_block_view_new ();

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "review");
  gtk_widget_add_css_class (box, correct ? "right" : "wrong");
  gtk_widget_add_css_class (icon, correct ? "success" : "error");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, correct ? _("Right") : _("Not right"),
                                  -1);
  gtk_widget_set_hexpand (title_label, TRUE);
  gtk_widget_add_css_class (title_label, "heading");
  gtk_box_append (GTK_BOX (header), icon);
  gtk_box_append (GTK_BOX (header), title_label);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), kns_ui_wrapped_label_new (chosen_text));

  if (!correct)
    {
      g_autofree char *right = options_text (question, question->correct_mask);
      g_autofree char *right_text = g_strdup_printf (_("Right answer:\n%s"), right);

      gtk_box_append (GTK_BOX (box), kns_ui_wrapped_label_new (right_text));
    }

  kns_block_view_set_blocks (KNS_BLOCK_VIEW (explanation), question->explanation);
  gtk_widget_add_css_class (explanation, "explanation");
  gtk_box_append (GTK_BOX (box), explanation);
  return box;
}

static void
kns_results_view_dispose (GObject *object)
{
  KnsResultsView *self = (KnsResultsView *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), KNS_TYPE_RESULTS_VIEW);
  g_clear_pointer (&self->review_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (kns_results_view_parent_class)->dispose (object);
}

static void
kns_results_view_class_init (KnsResultsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kns_results_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/kns-results-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KnsResultsView, result_icon);
  gtk_widget_class_bind_template_child (widget_class, KnsResultsView, score_label);
  gtk_widget_class_bind_template_child (widget_class, KnsResultsView, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, KnsResultsView, review_box);
  gtk_widget_class_bind_template_child (widget_class, KnsResultsView, home_button);
}

static void
kns_results_view_init (KnsResultsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->review_rows = g_ptr_array_new ();
}

void
kns_results_view_show (KnsResultsView   *self,
                       KnsLesson        *lesson,
                       const KnsAttempt *attempt,
                       guint             pass_mark)
{
  KnsQuiz *quiz;
  g_autofree char *score = NULL;
  g_autofree char *verdict = NULL;

  g_return_if_fail (KNS_IS_RESULTS_VIEW (self));
  g_return_if_fail (KNS_IS_LESSON (lesson));
  g_return_if_fail (attempt != NULL);

  kns_results_view_clear (self);
  quiz = kns_lesson_get_quiz (lesson);

  /* Translators: "You got 5 of 6 questions right (83%)" */
  score = g_strdup_printf (_("You got %u of %u right (%u%%)"),
                           attempt->n_correct, attempt->n_questions, attempt->score);
  gtk_label_set_text (self->score_label, score);

  if (attempt->passed)
    verdict = g_strdup (_("Well done! You passed this lesson."));
  else
    /* Translators: %u is the pass mark in percent */
    verdict = g_strdup_printf (_("You need %u%% to pass. Read the explanations below and try again: you can do it!"),
                               pass_mark);
  gtk_label_set_text (self->verdict_label, verdict);
  gtk_image_set_from_icon_name (self->result_icon,
                                attempt->passed ? "emblem-ok-symbolic" : "view-refresh-symbolic");
  gtk_widget_remove_css_class (GTK_WIDGET (self->result_icon), attempt->passed ? "accent" : "success");
  gtk_widget_add_css_class (GTK_WIDGET (self->result_icon), attempt->passed ? "success" : "accent");

  for (guint i = 0; quiz != NULL && i < kns_quiz_get_n_questions (quiz); i++)
    {
      KnsQuestion *question = kns_quiz_get_question (quiz, i);
      GtkWidget *row = review_row_new (question, i + 1, find_answer (attempt, question->id));

      gtk_box_append (self->review_box, row);
      g_ptr_array_add (self->review_rows, row);
    }

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (get_scroller (self)), 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->home_button));
}

void
kns_results_view_clear (KnsResultsView *self)
{
  g_return_if_fail (KNS_IS_RESULTS_VIEW (self));

  for (guint i = 0; i < self->review_rows->len; i++)
    gtk_box_remove (self->review_box, g_ptr_array_index (self->review_rows, i));
  g_ptr_array_set_size (self->review_rows, 0);
  gtk_label_set_text (self->score_label, "");
  gtk_label_set_text (self->verdict_label, "");
}
