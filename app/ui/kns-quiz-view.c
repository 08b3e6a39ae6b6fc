/* kns-quiz-view.c
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
 * A question is asked, answered, then explained. The answer is committed
 * to the store before the explanation shows, so nothing answered is ever
 * lost; an interrupted quiz resumes at the first unanswered question.
 */

#define G_LOG_DOMAIN "kns-quiz-view"

#include "kns-config.h"

#include <glib/gi18n.h>

#include "kns-block-view.h"
#include "kns-quiz-option.h"
#include "kns-quiz-view.h"
#include "kns-read-aloud-button.h"
#include "kns-speech-text.h"
#include "kns-ui-util.h"

typedef enum
{
  STATE_IDLE,
  STATE_ASKING,
  STATE_ANSWERED,
} QuizState;

struct _KnsQuizView
{
  AdwBin          parent_instance;

  /* Template widgets */
  GtkProgressBar *progress_bar;
  GtkScrolledWindow *scroller;
  GtkWidget      *content;
  GtkLabel       *counter_label;
  KnsReadAloudButton *read_aloud_button;
  GtkLabel       *prompt_label;
  KnsBlockView   *body;
  GtkLabel       *hint_label;
  GtkBox         *options_box;
  GtkBox         *feedback_box;
  GtkImage       *verdict_icon;
  GtkLabel       *verdict_label;
  GtkLabel       *answer_label;
  KnsBlockView   *explanation;
  GtkButton      *action_button;

  /* Owned */
  KnsStore       *store;
  KnsLesson      *lesson;
  GHashTable     *answered;  /* question id → itself */
  GPtrArray      *options;   /* KnsQuizOption of the current question, top to bottom */
  guint           order[KNS_QUIZ_MAX_OPTIONS]; /* the file's index of each, top to bottom */
  gint64          learner_id;
  gint64          attempt_id;
  guint           tier;
  guint           pass_mark;
  guint           index;
  QuizState       state;
  guint           reveal_tick;   /* scrolls the next action into view */
  guint           reveal_frames;
};

G_DEFINE_FINAL_TYPE (KnsQuizView, kns_quiz_view, ADW_TYPE_BIN)

static KnsQuiz *
get_quiz (KnsQuizView *self)
{
  return kns_lesson_get_quiz (self->lesson);
}

static KnsQuestion *
current_question (KnsQuizView *self)
{
  return kns_quiz_get_question (get_quiz (self), self->index);
}

/* The question on screen, and its explanation once it shows. */
static void
update_spoken_text (KnsQuizView *self)
{
  g_autofree char *spoken = kns_speech_text_for_shown_question (current_question (self),
                                                                self->index + 1, self->order,
                                                                self->state == STATE_ANSWERED);

  kns_read_aloud_button_set_text (self->read_aloud_button, spoken);
}

/* The chosen options, by their index in the file: what the store keeps,
 * whatever order they were shown in. */
static guint32
chosen_mask (KnsQuizView *self)
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
update_progress (KnsQuizView *self)
{
  guint n = kns_quiz_get_n_questions (get_quiz (self));
  guint done = g_hash_table_size (self->answered);
  g_autofree char *counter = NULL;

  /* Translators: "Question 2 of 6" */
  counter = g_strdup_printf (_("Question %u of %u"), self->index + 1, n);
  gtk_label_set_text (self->counter_label, counter);
  gtk_progress_bar_set_fraction (self->progress_bar, n ? (double) done / n : 0.0);
}

static void
option_toggled_cb (GtkToggleButton *button,
                   KnsQuizView     *self)
{
  if (self->state == STATE_ASKING)
    gtk_widget_set_sensitive (GTK_WIDGET (self->action_button), chosen_mask (self) != 0);
}

static void
clear_options (KnsQuizView *self)
{
  for (guint i = 0; i < self->options->len; i++)
    gtk_box_remove (self->options_box, g_ptr_array_index (self->options, i));
  g_ptr_array_set_size (self->options, 0);
}

/* The options in this attempt's order: radio buttons for one answer,
 * check boxes for several. */
static void
fill_options (KnsQuizView *self,
              KnsQuestion *question)
{
  gboolean multiple = kns_question_is_multiple (question);
  GtkToggleButton *group = NULL;

  clear_options (self);
  kns_question_get_order (question, self->attempt_id, self->order);
  for (guint i = 0; i < question->options->len; i++)
    {
      guint index = self->order[i];
      GtkWidget *option = kns_quiz_option_new (g_ptr_array_index (question->options, index), index,
                                               i, multiple);

      if (!multiple && group != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (option), group);
      else if (!multiple)
        group = GTK_TOGGLE_BUTTON (option);
      g_signal_connect (option, "toggled", G_CALLBACK (option_toggled_cb), self);
      gtk_box_append (self->options_box, option);
      g_ptr_array_add (self->options, option);
    }
}

/* The feedback grows the page as it appears, after the focus moved: the
 * viewport scrolled to where the button was. Once the page is laid out
 * again (a frame later), the button that goes on is brought into view,
 * with the feedback just above it. */
static gboolean
reveal_action_cb (GtkWidget     *widget,
                  GdkFrameClock *clock,
                  gpointer       user_data)
{
  KnsQuizView *self = KNS_QUIZ_VIEW (widget);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  GtkWidget *viewport = gtk_scrolled_window_get_child (self->scroller);
  graphene_rect_t bounds;
  double overflow;

  if (++self->reveal_frames < 2)
    return G_SOURCE_CONTINUE;
  self->reveal_tick = 0;

  /* The viewport's coordinates start at what is scrolled into view. */
  if (gtk_widget_compute_bounds (GTK_WIDGET (self->action_button), viewport, &bounds))
    {
      overflow = bounds.origin.y + bounds.size.height + 18 - gtk_adjustment_get_page_size (adjustment);
      if (overflow > 0)
        gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + overflow);
    }
  return G_SOURCE_REMOVE;
}

static void
reveal_action (KnsQuizView *self)
{
  self->reveal_frames = 0;
  if (self->reveal_tick == 0)
    self->reveal_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), reveal_action_cb, NULL, NULL);
}

static void
stop_revealing (KnsQuizView *self)
{
  if (self->reveal_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->reveal_tick);
  self->reveal_tick = 0;
}

static void
show_question (KnsQuizView *self,
               guint        index)
{
  KnsQuestion *question;
  g_autofree char *markup = NULL;
  gboolean multiple;

  self->index = index;
  self->state = STATE_ASKING;
  question = current_question (self);
  multiple = kns_question_is_multiple (question);

  update_progress (self);
  markup = kns_spans_to_markup (question->prompt);
  gtk_label_set_markup (self->prompt_label, markup);
  kns_block_view_set_blocks (self->body, question->body);
  gtk_widget_set_visible (GTK_WIDGET (self->body), question->body->len > 0);
  gtk_label_set_text (self->hint_label,
                      multiple ? _("Choose every right answer, then press “Answer”.")
                               : _("Choose one answer, then press “Answer”."));
  fill_options (self, question);

  gtk_widget_set_visible (GTK_WIDGET (self->feedback_box), FALSE);
  kns_block_view_set_blocks (self->explanation, NULL);
  /* Translators: the button that submits a quiz answer */
  gtk_button_set_label (self->action_button, _("Answer"));
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self->action_button),
                                 GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  gtk_widget_set_sensitive (GTK_WIDGET (self->action_button), FALSE);
  update_spoken_text (self);

  stop_revealing (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  if (self->options->len > 0)
    gtk_widget_grab_focus (g_ptr_array_index (self->options, 0));
}

/* "A. …", the right options by the letters they have on screen. */
static char *
correct_answers_text (KnsQuizView *self,
                      KnsQuestion *question)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < self->options->len; i++)
    {
      KnsQuizOption *option = g_ptr_array_index (self->options, i);
      KnsOption *content = g_ptr_array_index (question->options, kns_quiz_option_get_index (option));

      if (content->correct)
        g_string_append_printf (out, "%s%c. %s", out->len ? "\n" : "",
                                kns_quiz_option_get_letter (option), content->text);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Marks each option right, not right or missed, and locks them. */
static void
mark_options (KnsQuizView *self,
              KnsQuestion *question,
              guint32      chosen)
{
  for (guint i = 0; i < self->options->len; i++)
    {
      KnsQuizOption *option = g_ptr_array_index (self->options, i);
      guint index = kns_quiz_option_get_index (option);
      gboolean right = ((KnsOption *) g_ptr_array_index (question->options, index))->correct;
      gboolean was_chosen = (chosen & (1u << index)) != 0;
      KnsQuizOptionVerdict verdict;

      if (right)
        verdict = was_chosen ? KNS_QUIZ_OPTION_RIGHT_CHOSEN : KNS_QUIZ_OPTION_RIGHT_MISSED;
      else
        verdict = was_chosen ? KNS_QUIZ_OPTION_WRONG_CHOSEN : KNS_QUIZ_OPTION_WRONG_LEFT;
      kns_quiz_option_set_verdict (option, verdict);
    }
}

/* GTK 4.8 has no gtk_accessible_announce (), and it tells screen readers
 * that an alert appeared only for whole windows: Orca would stay silent
 * about a feedback card that is merely shown. What Orca always speaks is
 * the object that takes the focus, with its description: the focus goes
 * to the button that goes on, so that Enter goes on too, and its
 * description is the verdict, the right answer and the explanation. The
 * card says the same to whoever reads the screen with the arrow keys. */
static void
announce_feedback (KnsQuizView *self,
                   const char  *verdict,
                   const char  *answer_text,
                   KnsQuestion *question)
{
  g_autofree char *explanation = kns_blocks_to_text (question->explanation);
  g_autofree char *details = g_strdup_printf ("%s\n%s", answer_text, explanation);
  g_autofree char *description = NULL;

  g_strstrip (details);
  description = g_strdup_printf ("%s\n%s", verdict, details);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->feedback_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, verdict,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, details,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->action_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  gtk_widget_grab_focus (GTK_WIDGET (self->action_button));
  reveal_action (self);
}

static gboolean
all_answered (KnsQuizView *self)
{
  return g_hash_table_size (self->answered) >= kns_quiz_get_n_questions (get_quiz (self));
}

static void
answer (KnsQuizView *self)
{
  KnsQuestion *question = current_question (self);
  guint32 chosen = chosen_mask (self);
  gboolean correct = kns_question_is_correct (question, chosen);
  g_autoptr(GError) error = NULL;
  g_autofree char *answers = NULL;
  g_autofree char *answer_text = NULL;

  if (chosen == 0)
    return;

  /* Saved first; if that fails, the child can press again. */
  if (!kns_store_record_answer (self->store, self->attempt_id, question->id, chosen, correct, &error))
    {
      kns_report_error (GTK_WIDGET (self), error);
      return;
    }

  g_hash_table_add (self->answered, g_strdup (question->id));
  self->state = STATE_ANSWERED;
  update_progress (self);
  mark_options (self, question, chosen);

  gtk_label_set_text (self->verdict_label, correct ? _("Right!") : _("Not quite."));
  gtk_image_set_from_icon_name (self->verdict_icon,
                                correct ? "emblem-ok-symbolic" : "dialog-information-symbolic");
  gtk_widget_remove_css_class (GTK_WIDGET (self->feedback_box), correct ? "wrong" : "right");
  gtk_widget_add_css_class (GTK_WIDGET (self->feedback_box), correct ? "right" : "wrong");

  answers = correct_answers_text (self, question);
  answer_text = g_strdup_printf (kns_question_is_multiple (question) ? _("The right answers:\n%s")
                                                                     : _("The right answer:\n%s"),
                                 answers);
  gtk_label_set_text (self->answer_label, answer_text);
  /* Right: the marked options already say it all. */
  gtk_widget_set_visible (GTK_WIDGET (self->answer_label), !correct);
  kns_block_view_set_blocks (self->explanation, question->explanation);
  gtk_widget_set_visible (GTK_WIDGET (self->feedback_box), TRUE);
  update_spoken_text (self);

  gtk_button_set_label (self->action_button,
                        all_answered (self) ? _("See my results") : _("Next question"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->action_button), TRUE);
  announce_feedback (self, correct ? _("Right!") : _("Not quite."), answer_text, question);
}

static gboolean
finish (KnsQuizView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsAttempt) attempt = NULL;

  attempt = kns_store_finish_attempt (self->store, self->attempt_id, self->pass_mark, &error);
  if (attempt == NULL)
    {
      kns_report_error (GTK_WIDGET (self), error);
      return FALSE;
    }

  self->state = STATE_IDLE;
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-results", "x", attempt->id);
  return TRUE;
}

static gboolean
next_unanswered (KnsQuizView *self,
                 guint        from,
                 guint       *index)
{
  guint n = kns_quiz_get_n_questions (get_quiz (self));

  for (guint i = 0; i < n; i++)
    {
      guint j = (from + i) % n;

      if (!g_hash_table_contains (self->answered, kns_quiz_get_question (get_quiz (self), j)->id))
        {
          *index = j;
          return TRUE;
        }
    }
  return FALSE;
}

static void
action_button_clicked_cb (KnsQuizView *self)
{
  guint next;

  if (self->state == STATE_ASKING)
    answer (self);
  else if (self->state == STATE_ANSWERED)
    {
      if (next_unanswered (self, self->index + 1, &next))
        show_question (self, next);
      else
        finish (self);
    }
}

static void
kns_quiz_view_dispose (GObject *object)
{
  KnsQuizView *self = (KnsQuizView *) object;

  stop_revealing (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), KNS_TYPE_QUIZ_VIEW);
  g_clear_object (&self->store);
  g_clear_object (&self->lesson);
  g_clear_pointer (&self->answered, g_hash_table_unref);
  g_clear_pointer (&self->options, g_ptr_array_unref);

  G_OBJECT_CLASS (kns_quiz_view_parent_class)->dispose (object);
}

static void
kns_quiz_view_class_init (KnsQuizViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kns_quiz_view_dispose;

  g_type_ensure (KNS_TYPE_BLOCK_VIEW);
  g_type_ensure (KNS_TYPE_QUIZ_OPTION);
  g_type_ensure (KNS_TYPE_READ_ALOUD_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/kns-quiz-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KnsQuizView, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, KnsQuizView, scroller);
  gtk_widget_class_bind_template_child (widget_class, KnsQuizView, content);
  gtk_widget_class_bind_template_child (widget_class, KnsQuizView, counter_label);
  gtk_widget_class_bind_template_child (widget_class, KnsQuizView, read_aloud_button);
  gtk_widget_class_bind_template_child (widget_class, KnsQuizView, prompt_label);
  gtk_widget_class_bind_template_child (widget_class, KnsQuizView, body);
  gtk_widget_class_bind_template_child (widget_class, KnsQuizView, hint_label);
  gtk_widget_class_bind_template_child (widget_class, KnsQuizView, options_box);
  gtk_widget_class_bind_template_child (widget_class, KnsQuizView, feedback_box);
  gtk_widget_class_bind_template_child (widget_class, KnsQuizView, verdict_icon);
  gtk_widget_class_bind_template_child (widget_class, KnsQuizView, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, KnsQuizView, answer_label);
  gtk_widget_class_bind_template_child (widget_class, KnsQuizView, explanation);
  gtk_widget_class_bind_template_child (widget_class, KnsQuizView, action_button);
  gtk_widget_class_bind_template_callback (widget_class, action_button_clicked_cb);
}

static void
kns_quiz_view_init (KnsQuizView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->answered = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->options = g_ptr_array_new ();
}

/**
 * kns_quiz_view_start:
 *
 * Resumes the learner's open attempt at this version of the lesson, or
 * starts a new one.
 *
 * Returns: %FALSE if the store could not start the quiz
 */
gboolean
kns_quiz_view_start (KnsQuizView  *self,
                     KnsStore     *store,
                     gint64        learner_id,
                     KnsLesson    *lesson,
                     guint         tier,
                     guint         pass_mark,
                     GError      **error)
{
  g_autoptr(KnsAttempt) attempt = NULL;
  guint first;

  g_return_val_if_fail (KNS_IS_QUIZ_VIEW (self), FALSE);
  g_return_val_if_fail (KNS_IS_STORE (store), FALSE);
  g_return_val_if_fail (KNS_IS_LESSON (lesson), FALSE);
  g_return_val_if_fail (kns_lesson_get_quiz (lesson) != NULL, FALSE);

  kns_quiz_view_clear (self);

  attempt = kns_store_get_open_attempt (store, learner_id, kns_lesson_get_id (lesson),
                                        kns_lesson_get_version (lesson), error);
  if (attempt == NULL && error != NULL && *error != NULL)
    return FALSE;
  if (attempt == NULL)
    attempt = kns_store_start_attempt (store, learner_id, kns_lesson_get_id (lesson),
                                       kns_lesson_get_version (lesson), tier,
                                       kns_quiz_get_n_questions (kns_lesson_get_quiz (lesson)),
                                       error);
  if (attempt == NULL)
    return FALSE;

  g_set_object (&self->store, store);
  g_set_object (&self->lesson, lesson);
  self->learner_id = learner_id;
  self->attempt_id = attempt->id;

  /* Young readers get bigger text, as in the lesson. */
  if (tier <= 2)
    gtk_widget_add_css_class (GTK_WIDGET (self->content), "young");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->content), "young");
  self->tier = tier;
  self->pass_mark = pass_mark;

  for (guint i = 0; i < attempt->answers->len; i++)
    {
      KnsAnswer *answer = g_ptr_array_index (attempt->answers, i);

      g_hash_table_add (self->answered, g_strdup (answer->question_id));
    }

  /* Everything answered but not finished: a crash after the last answer. */
  if (!next_unanswered (self, 0, &first))
    return finish (self);

  show_question (self, first);
  return TRUE;
}

/* Forgets the quiz, so that the next child never sees it. */
void
kns_quiz_view_clear (KnsQuizView *self)
{
  g_return_if_fail (KNS_IS_QUIZ_VIEW (self));

  stop_revealing (self);
  clear_options (self);
  g_hash_table_remove_all (self->answered);
  g_clear_object (&self->store);
  g_clear_object (&self->lesson);
  self->attempt_id = 0;
  self->index = 0;
  self->state = STATE_IDLE;
  gtk_label_set_text (self->prompt_label, "");
  kns_block_view_set_blocks (self->body, NULL);
  kns_block_view_set_blocks (self->explanation, NULL);
  kns_read_aloud_button_set_text (self->read_aloud_button, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->feedback_box), FALSE);
}

/**
 * kns_quiz_view_set_speech:
 * @speech: (nullable): the voice for the "Read aloud" button
 */
void
kns_quiz_view_set_speech (KnsQuizView *self,
                          KnsSpeech   *speech)
{
  g_return_if_fail (KNS_IS_QUIZ_VIEW (self));

  kns_read_aloud_button_set_speech (self->read_aloud_button, speech);
}

/* A question is on screen with an answer chosen but not yet given. */
gboolean
kns_quiz_view_is_mid_question (KnsQuizView *self)
{
  g_return_val_if_fail (KNS_IS_QUIZ_VIEW (self), FALSE);
  return self->state == STATE_ASKING && chosen_mask (self) != 0;
}

guint
kns_quiz_view_get_question_index (KnsQuizView *self)
{
  g_return_val_if_fail (KNS_IS_QUIZ_VIEW (self), 0);
  return self->index;
}

gint64
kns_quiz_view_get_attempt_id (KnsQuizView *self)
{
  g_return_val_if_fail (KNS_IS_QUIZ_VIEW (self), 0);
  return self->attempt_id;
}

/**
 * kns_quiz_view_get_option:
 * @index: an option's index in the quiz file
 *
 * Returns: (transfer none) (nullable): the button of option @index of
 *   the question on screen, wherever this attempt shows it
 */
GtkWidget *
kns_quiz_view_get_option (KnsQuizView *self,
                          guint        index)
{
  g_return_val_if_fail (KNS_IS_QUIZ_VIEW (self), NULL);

  for (guint i = 0; i < self->options->len; i++)
    if (kns_quiz_option_get_index (g_ptr_array_index (self->options, i)) == index)
      return g_ptr_array_index (self->options, i);
  return NULL;
}

/**
 * kns_quiz_view_get_option_at:
 * @position: a place on screen, from the top, from 0
 *
 * Returns: (transfer none) (nullable): the button shown at @position
 */
GtkWidget *
kns_quiz_view_get_option_at (KnsQuizView *self,
                             guint        position)
{
  g_return_val_if_fail (KNS_IS_QUIZ_VIEW (self), NULL);

  return position < self->options->len ? g_ptr_array_index (self->options, position) : NULL;
}

/* The button that answers, goes on to the next question or to the
 * results, whichever it is now. */
GtkWidget *
kns_quiz_view_get_action_button (KnsQuizView *self)
{
  g_return_val_if_fail (KNS_IS_QUIZ_VIEW (self), NULL);
  return GTK_WIDGET (self->action_button);
}

/**
 * kns_quiz_view_get_speech:
 *
 * Returns: (transfer none) (nullable): the voice of its "Read aloud" button
 */
KnsSpeech *
kns_quiz_view_get_speech (KnsQuizView *self)
{
  g_return_val_if_fail (KNS_IS_QUIZ_VIEW (self), NULL);
  return kns_read_aloud_button_get_speech (self->read_aloud_button);
}
