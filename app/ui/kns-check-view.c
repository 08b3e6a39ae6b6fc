/* kns-check-view.c — the session's check, before and after, for a pupil
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
 * Five questions, one at a time, nothing said about right or wrong until
 * the check at the session's end is done: a six-year-old at the start of
 * a session has not learnt it yet, and should not feel tested. Each
 * answer is committed before the next question shows, so a crash or a
 * change of pupil loses nothing. The options are shuffled by when the
 * check started, so the check at the end shows them in another order.
 */

#define G_LOG_DOMAIN "kns-check-view"

#include "kns-config.h"

#include <glib/gi18n.h>

#include "kns-block-view.h"
#include "kns-check-view.h"
#include "kns-quiz-option.h"
#include "kns-read-aloud-button.h"
#include "kns-speech-text.h"
#include "kns-ui-util.h"

struct _KnsCheckView
{
  AdwBin              parent_instance;

  /* Template widgets */
  GtkProgressBar     *progress_bar;
  GtkScrolledWindow  *scroller;
  GtkStack           *stack;
  GtkLabel           *intro_label;
  GtkLabel           *counter_label;
  KnsReadAloudButton *read_aloud_button;
  GtkLabel           *prompt_label;
  KnsBlockView       *body;
  GtkBox             *options_box;
  GtkButton          *action_button;
  GtkLabel           *done_title;
  GtkLabel           *done_label;
  GtkButton          *done_button;
  GtkBox             *review_box;

  /* Owned */
  KnsStore           *store;
  KnsCheck           *check;
  KnsCheckRun        *run;
  GPtrArray          *options;   /* KnsQuizOption, top to bottom */
  guint               order[KNS_QUIZ_MAX_OPTIONS];
  guint               index;
  gboolean            done;
};

G_DEFINE_FINAL_TYPE (KnsCheckView, kns_check_view, ADW_TYPE_BIN)

static KnsQuestion *
current_question (KnsCheckView *self)
{
  return kns_quiz_get_question (self->check->quiz, self->index);
}

static const KnsAnswer *
find_answer (KnsCheckView *self,
             const char   *question_id)
{
  for (guint i = 0; self->run != NULL && i < self->run->answers->len; i++)
    {
      const KnsAnswer *answer = g_ptr_array_index (self->run->answers, i);

      if (g_strcmp0 (answer->question_id, question_id) == 0)
        return answer;
    }
  return NULL;
}

static guint32
chosen_mask (KnsCheckView *self)
{
  guint32 mask = 0;

  for (guint i = 0; i < self->options->len; i++)
    {
      KnsQuizOption *option = g_ptr_array_index (self->options, i);

      if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (option)))
        mask |= 1u << kns_quiz_option_get_index (option);
    }
  return mask;
}

static void
option_toggled_cb (GtkToggleButton *button,
                   KnsCheckView    *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->action_button), chosen_mask (self) != 0);
}

static void
clear_options (KnsCheckView *self)
{
  for (guint i = 0; i < self->options->len; i++)
    gtk_box_remove (self->options_box, g_ptr_array_index (self->options, i));
  g_ptr_array_set_size (self->options, 0);
}

static void
show_question (KnsCheckView *self,
               guint         index)
{
  guint n = kns_quiz_get_n_questions (self->check->quiz);
  KnsQuestion *question;
  GtkToggleButton *group = NULL;
  g_autofree char *counter = NULL;
  g_autofree char *markup = NULL;
  g_autofree char *spoken = NULL;

  self->index = index;
  question = current_question (self);

  /* Translators: "Question 2 of 5" */
  counter = g_strdup_printf (_("Question %u of %u"), index + 1, n);
  gtk_label_set_text (self->counter_label, counter);
  gtk_progress_bar_set_fraction (self->progress_bar, (double) index / n);
  markup = kns_spans_to_markup (question->prompt);
  gtk_label_set_markup (self->prompt_label, markup);
  kns_block_view_set_blocks (self->body, question->body);
  gtk_widget_set_visible (GTK_WIDGET (self->body), question->body->len > 0);

  clear_options (self);
  kns_question_get_order (question, self->run->started, self->order);
  for (guint i = 0; i < question->options->len; i++)
    {
      guint file_index = self->order[i];
      GtkWidget *option = kns_quiz_option_new (g_ptr_array_index (question->options, file_index),
                                               file_index, i, FALSE);

      if (group != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (option), group);
      else
        group = GTK_TOGGLE_BUTTON (option);
      g_signal_connect (option, "toggled", G_CALLBACK (option_toggled_cb), self);
      gtk_box_append (self->options_box, option);
      g_ptr_array_add (self->options, option);
    }

  gtk_button_set_label (self->action_button, index + 1 < n ? _("Next question") : _("Done"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->action_button), FALSE);
  spoken = kns_speech_text_for_shown_question (question, index + 1, self->order, FALSE);
  kns_read_aloud_button_set_text (self->read_aloud_button, spoken);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  gtk_stack_set_visible_child_name (self->stack, "asking");
  if (self->options->len > 0)
    gtk_widget_grab_focus (g_ptr_array_index (self->options, 0));
}

static char *
right_option_text (KnsQuestion *question)
{
  for (guint i = 0; i < question->options->len; i++)
    {
      KnsOption *option = g_ptr_array_index (question->options, i);

      if (option->correct)
        return g_strdup (option->text);
    }
  return g_strdup ("");
}

/* After the check at the end: each question, its answer, and why. */
static GtkWidget *
review_card_new (KnsCheckView *self,
                 KnsQuestion  *question)
{
  const KnsAnswer *answer = find_answer (self, question->id);
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *prompt = kns_label_new_for_spans (question->prompt);
  GtkWidget *verdict = gtk_label_new (NULL);
  GtkWidget *explanation = kns_block_view_new ();
  g_autofree char *right = right_option_text (question);
  g_autofree char *text = NULL;

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "check-review");
  gtk_widget_add_css_class (prompt, "heading");
  if (answer != NULL && answer->correct)
    /* Translators: in the review after the end-of-session check */
    text = g_strdup_printf (_("You got it right: %s"), right);
  else
    /* Translators: in the review after the end-of-session check */
    text = g_strdup_printf (_("The right answer: %s"), right);
  gtk_label_set_text (GTK_LABEL (verdict), text);
  gtk_label_set_wrap (GTK_LABEL (verdict), TRUE);
  gtk_label_set_xalign (GTK_LABEL (verdict), 0);
  gtk_widget_add_css_class (verdict, answer != NULL && answer->correct ? "success" : "accent");
  kns_block_view_set_blocks (KNS_BLOCK_VIEW (explanation), question->explanation);
  gtk_box_append (GTK_BOX (card), prompt);
  gtk_box_append (GTK_BOX (card), verdict);
  gtk_box_append (GTK_BOX (card), explanation);
  return card;
}

static void
show_done (KnsCheckView *self)
{
  GtkWidget *child;

  self->done = TRUE;
  gtk_progress_bar_set_fraction (self->progress_bar, 1.0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->review_box))) != NULL)
    gtk_box_remove (self->review_box, child);

  if (self->run->phase == KNS_CHECK_BEFORE)
    {
      /* Translators: after the check at the start of a class session */
      gtk_label_set_text (self->done_title, _("Thank you!"));
      gtk_label_set_text (self->done_label,
                          _("Now let’s learn together. At the end of the session you will see "
                            "these questions again, with the answers."));
      gtk_button_set_label (self->done_button, _("Start learning"));
    }
  else
    {
      gtk_label_set_text (self->done_title, _("Well done, you finished!"));
      gtk_label_set_text (self->done_label, _("Here are the answers, and why."));
      gtk_button_set_label (self->done_button, _("Back to my lessons"));
      for (guint i = 0; i < kns_quiz_get_n_questions (self->check->quiz); i++)
        gtk_box_append (self->review_box,
                        review_card_new (self, kns_quiz_get_question (self->check->quiz, i)));
    }
  kns_read_aloud_button_set_text (self->read_aloud_button, NULL);
  gtk_stack_set_visible_child_name (self->stack, "done");
  gtk_widget_grab_focus (GTK_WIDGET (self->done_button));
}

/* The first question not answered yet, or the end. */
static void
show_next (KnsCheckView *self)
{
  g_autoptr(GError) error = NULL;
  guint n = kns_quiz_get_n_questions (self->check->quiz);

  for (guint i = 0; i < n; i++)
    if (find_answer (self, kns_quiz_get_question (self->check->quiz, i)->id) == NULL)
      {
        show_question (self, i);
        return;
      }

  if (self->run->finished == 0)
    {
      KnsCheckRun *finished = kns_store_finish_check (self->store, self->run, &error);

      if (finished == NULL)
        {
          kns_report_error (GTK_WIDGET (self), error);
          return;
        }
      kns_check_run_free (self->run);
      self->run = finished;
    }
  show_done (self);
}

static void
action_button_clicked_cb (KnsCheckView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsCheckRun) run = NULL;
  KnsQuestion *question = current_question (self);
  guint32 chosen = chosen_mask (self);

  if (chosen == 0 || self->done)
    return;
  if (!kns_store_record_check_answer (self->store, self->run, question->id,
                                      self->check->skills[self->index], chosen,
                                      kns_question_is_correct (question, chosen), &error) ||
      !(run = kns_store_get_check_run (self->store, self->run->learner_id, self->run->session_uuid,
                                       self->run->phase, &error)))
    {
      kns_report_error (GTK_WIDGET (self), error);
      return;
    }
  kns_check_run_free (self->run);
  self->run = g_steal_pointer (&run);
  show_next (self);
}

static void
kns_check_view_dispose (GObject *object)
{
  KnsCheckView *self = KNS_CHECK_VIEW (object);

  kns_check_view_clear (self);
  gtk_widget_dispose_template (GTK_WIDGET (object), KNS_TYPE_CHECK_VIEW);
  g_clear_pointer (&self->options, g_ptr_array_unref);

  G_OBJECT_CLASS (kns_check_view_parent_class)->dispose (object);
}

static void
kns_check_view_class_init (KnsCheckViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kns_check_view_dispose;

  g_type_ensure (KNS_TYPE_BLOCK_VIEW);
  g_type_ensure (KNS_TYPE_READ_ALOUD_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/kns-check-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KnsCheckView, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, KnsCheckView, scroller);
  gtk_widget_class_bind_template_child (widget_class, KnsCheckView, stack);
  gtk_widget_class_bind_template_child (widget_class, KnsCheckView, intro_label);
  gtk_widget_class_bind_template_child (widget_class, KnsCheckView, counter_label);
  gtk_widget_class_bind_template_child (widget_class, KnsCheckView, read_aloud_button);
  gtk_widget_class_bind_template_child (widget_class, KnsCheckView, prompt_label);
  gtk_widget_class_bind_template_child (widget_class, KnsCheckView, body);
  gtk_widget_class_bind_template_child (widget_class, KnsCheckView, options_box);
  gtk_widget_class_bind_template_child (widget_class, KnsCheckView, action_button);
  gtk_widget_class_bind_template_child (widget_class, KnsCheckView, done_title);
  gtk_widget_class_bind_template_child (widget_class, KnsCheckView, done_label);
  gtk_widget_class_bind_template_child (widget_class, KnsCheckView, done_button);
  gtk_widget_class_bind_template_child (widget_class, KnsCheckView, review_box);
  gtk_widget_class_bind_template_callback (widget_class, action_button_clicked_cb);
}

static void
kns_check_view_init (KnsCheckView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->options = g_ptr_array_new ();
}

/**
 * kns_check_view_start:
 * @session_uuid: the running session
 *
 * Shows the pupil's check of @phase: the first question not answered
 * yet, or, when it is finished, what follows it.
 *
 * Returns: %FALSE, with @error set, when the store refuses it
 */
gboolean
kns_check_view_start (KnsCheckView   *self,
                      KnsStore       *store,
                      KnsCheck       *check,
                      gint64          learner_id,
                      const char     *session_uuid,
                      KnsCheckPhase   phase,
                      GError        **error)
{
  KnsCheckRun *run;

  g_return_val_if_fail (KNS_IS_CHECK_VIEW (self), FALSE);
  g_return_val_if_fail (KNS_IS_STORE (store), FALSE);
  g_return_val_if_fail (check != NULL && session_uuid != NULL, FALSE);

  run = kns_store_start_check (store, learner_id, session_uuid, phase, check->id, check->version,
                               check->tier, error);
  if (run == NULL)
    return FALSE;

  kns_check_view_clear (self);
  g_set_object (&self->store, store);
  self->check = kns_check_ref (check);
  self->run = run;
  /* Lớp 1–5 read bigger letters, as in their quizzes. */
  if (check->tier <= 2)
    gtk_widget_add_css_class (GTK_WIDGET (self->stack), "young");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->stack), "young");
  gtk_label_set_text (self->intro_label,
                      phase == KNS_CHECK_BEFORE
                        /* Translators: above the check at the start of a session; for a
                         * six-year-old: warm, short, no pressure */
                        ? _("Before we start: five little questions. It is fine not to know yet!")
                        /* Translators: above the check at the end of a session */
                        : _("You have learnt a lot. Here are the five questions again."));
  show_next (self);
  return TRUE;
}

void
kns_check_view_clear (KnsCheckView *self)
{
  g_return_if_fail (KNS_IS_CHECK_VIEW (self));

  if (self->options != NULL)
    clear_options (self);
  g_clear_object (&self->store);
  g_clear_pointer (&self->check, kns_check_unref);
  g_clear_pointer (&self->run, kns_check_run_free);
  self->done = FALSE;
  self->index = 0;
}

void
kns_check_view_set_speech (KnsCheckView *self,
                           KnsSpeech    *speech)
{
  g_return_if_fail (KNS_IS_CHECK_VIEW (self));
  kns_read_aloud_button_set_speech (self->read_aloud_button, speech);
}

gboolean
kns_check_view_is_done (KnsCheckView *self)
{
  g_return_val_if_fail (KNS_IS_CHECK_VIEW (self), FALSE);
  return self->done;
}

KnsCheckPhase
kns_check_view_get_phase (KnsCheckView *self)
{
  g_return_val_if_fail (KNS_IS_CHECK_VIEW (self), KNS_CHECK_BEFORE);
  return self->run != NULL ? self->run->phase : KNS_CHECK_BEFORE;
}

/**
 * kns_check_view_get_option_at:
 * @position: from the top, as shown
 *
 * Returns: (transfer none) (nullable): the option button there
 */
GtkWidget *
kns_check_view_get_option_at (KnsCheckView *self,
                              guint         position)
{
  g_return_val_if_fail (KNS_IS_CHECK_VIEW (self), NULL);
  return position < self->options->len ? g_ptr_array_index (self->options, position) : NULL;
}

/* The file's index of the option shown at @position. */
guint
kns_check_view_get_option_index (KnsCheckView *self,
                                 guint         position)
{
  g_return_val_if_fail (KNS_IS_CHECK_VIEW (self), 0);
  g_return_val_if_fail (position < self->options->len, 0);
  return kns_quiz_option_get_index (g_ptr_array_index (self->options, position));
}

guint
kns_check_view_get_question_index (KnsCheckView *self)
{
  g_return_val_if_fail (KNS_IS_CHECK_VIEW (self), 0);
  return self->index;
}

GtkWidget *
kns_check_view_get_action_button (KnsCheckView *self)
{
  g_return_val_if_fail (KNS_IS_CHECK_VIEW (self), NULL);
  return GTK_WIDGET (self->action_button);
}
