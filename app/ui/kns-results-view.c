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
 *
 * Honest results: a quiz below the pass mark is "not yet", with "Try
 * again" first, never a green "done". Pupils of lớp 1–3 get stars, one
 * for each right answer, and a sentence instead of percentages; older
 * pupils keep the figures. Every question is reviewed below, with the
 * letters the attempt showed, and the whole screen can be read aloud.
 */

#define G_LOG_DOMAIN "kns-results-view"

#include "kns-config.h"

#include <glib/gi18n.h>

#include "kns-block-view.h"
#include "kns-read-aloud-button.h"
#include "kns-results-view.h"
#include "kns-school.h"
#include "kns-speech-text.h"
#include "kns-ui-util.h"
#include "kns-window.h"

struct _KnsResultsView
{
  AdwBin              parent_instance;

  /* Template widgets */
  KnsReadAloudButton *read_aloud_button;
  GtkImage           *result_icon;
  GtkBox             *stars_box;
  GtkLabel           *score_label;
  GtkLabel           *verdict_label;
  GtkBox             *actions_box;
  GtkButton          *home_button;
  GtkButton          *retry_button;
  GtkLabel           *help_title;
  GtkLabel           *help_text;
  GtkLabel           *review_heading;
  GtkBox             *review_box;

  /* Owned */
  GPtrArray          *review_rows;
  gboolean            passed;
  gboolean            stars;  /* shown as stars, for the youngest */
  gboolean            focus_pending;
};

G_DEFINE_FINAL_TYPE (KnsResultsView, kns_results_view, ADW_TYPE_BIN)

/* The AdwBin's own child: not bound as a template child, since disposing
 * the template would unparent it before AdwBin does. */
static GtkScrolledWindow *
get_scroller (KnsResultsView *self)
{
  return GTK_SCROLLED_WINDOW (adw_bin_get_child (ADW_BIN (self)));
}

/* "B. …", the options of @mask by the letters the attempt showed. */
static char *
options_text (KnsQuestion *question,
              const guint *order,
              guint32      mask)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < question->options->len; i++)
    if (mask & (1u << order[i]))
      g_string_append_printf (out, "%s%c. %s", out->len ? "\n" : "", 'A' + i,
                              ((KnsOption *) g_ptr_array_index (question->options, order[i]))->text);
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

/* One question: whether it was right, in a mark and in words, the
 * child's answer, the right one if different, and the explanation,
 * always shown: the review is where children learn most. */
static GtkWidget *
review_row_new (KnsQuestion      *question,
                guint             number,
                const guint      *order,
                const KnsAnswer  *answer)
{
  gboolean correct = answer != NULL && answer->correct;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *icon = gtk_image_new_from_icon_name (correct ? "object-select-symbolic"
                                                          : "window-close-symbolic");
  /* Translators: how a question of the quiz went, beside it in the review */
  GtkWidget *verdict = gtk_label_new (correct ? _("Right") : answer ? _("Not right") : _("Not answered"));
  g_autofree char *title = g_strdup_printf ("%u. %s", number, question->prompt_text);
  g_autofree char *chosen = answer ? options_text (question, order, answer->chosen) : g_strdup ("—");
  g_autofree char *chosen_text = g_strdup_printf (_("You chose:\n%s"), chosen);
  GtkWidget *title_label = kns_ui_wrapped_label_new (title);
  GtkWidget *explanation = kns_block_view_new ();

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "review");
  gtk_widget_add_css_class (box, correct ? "right" : "wrong");
  gtk_widget_add_css_class (icon, "review-mark");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_label_get_text (GTK_LABEL (verdict)),
                                  -1);
  gtk_widget_set_hexpand (title_label, TRUE);
  gtk_widget_add_css_class (title_label, "heading");
  gtk_widget_add_css_class (verdict, "badge");
  gtk_widget_add_css_class (verdict, correct ? "review-right" : "review-wrong");
  gtk_widget_set_valign (verdict, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (header), icon);
  gtk_box_append (GTK_BOX (header), title_label);
  gtk_box_append (GTK_BOX (header), verdict);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), kns_ui_wrapped_label_new (chosen_text));

  if (!correct)
    {
      g_autofree char *right = options_text (question, order, question->correct_mask);
      g_autofree char *right_text = g_strdup_printf (_("Right answer:\n%s"), right);

      gtk_box_append (GTK_BOX (box), kns_ui_wrapped_label_new (right_text));
    }

  kns_block_view_set_blocks (KNS_BLOCK_VIEW (explanation), question->explanation);
  gtk_widget_add_css_class (explanation, "explanation");
  gtk_box_append (GTK_BOX (box), explanation);
  return box;
}

/* The window around, for who is signed in and the voice: the results
 * screen is only ever shown inside it. */
static KnsWindow *
get_window (KnsResultsView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return KNS_IS_WINDOW (root) ? KNS_WINDOW (root) : NULL;
}

/* The learner's tier by grade, which decides stars or figures; the
 * attempt's (the lesson's) when no learner is known. */
static guint
learner_tier (KnsResultsView   *self,
              const KnsAttempt *attempt)
{
  KnsWindow *window = get_window (self);
  const KnsLearner *learner = window ? kns_window_get_learner (window) : NULL;

  if (learner != NULL && learner->id == attempt->learner_id && learner->grade >= 1)
    return kns_school_tier_for_grade (learner->grade);
  return attempt->tier;
}

/* The fewest right answers out of @n that reach @pass_mark, scored as
 * the store scores them (rounded half up). */
static guint
needed_right (guint n,
              guint pass_mark)
{
  for (guint right = 0; right <= n; right++)
    if ((200 * right + n) / (2 * n) >= pass_mark)
      return right;
  return n;
}

static void
clear_stars (KnsResultsView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->stars_box))) != NULL)
    gtk_box_remove (self->stars_box, child);
}

/* One star a right answer, an empty one a wrong answer: counted, not a
 * percentage, for children who cannot read one yet. */
static void
show_stars (KnsResultsView   *self,
            const KnsAttempt *attempt,
            guint             pass_mark)
{
  g_autofree char *score = NULL;
  g_autofree char *verdict = NULL;
  g_autofree char *described = NULL;
  guint needed = needed_right (attempt->n_questions, pass_mark);

  clear_stars (self);
  for (guint i = 0; i < attempt->n_questions; i++)
    {
      gboolean won = i < attempt->n_correct;
      /* The row of stars says "3 of 5 stars"; a star alone, nothing. */
      GtkWidget *star = g_object_new (GTK_TYPE_IMAGE,
                                      "icon-name", won ? "starred-symbolic" : "non-starred-symbolic",
                                      "pixel-size", 48,
                                      "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                      NULL);

      gtk_widget_add_css_class (star, won ? "star-won" : "star-empty");
      gtk_box_append (self->stars_box, star);
    }
  /* Translators: the stars a young child got on the results screen, e.g. "3 of 5 stars" */
  described = g_strdup_printf (_("%u of %u stars"), attempt->n_correct, attempt->n_questions);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->stars_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, described,
                                  -1);

  /* Translators: results for children of 6 to 8, instead of a percentage */
  score = g_strdup_printf (ngettext ("You got %u star!", "You got %u stars!", attempt->n_correct),
                           attempt->n_correct);
  if (attempt->passed)
    verdict = g_strdup (_("Well done! You passed this lesson."));
  else
    /* Translators: to a child of 6 to 8 who did not pass; %u is a number of stars */
    verdict = g_strdup_printf (ngettext ("You need %u star to pass. Look at the answers below, then try again!",
                                         "You need %u stars to pass. Look at the answers below, then try again!",
                                         needed),
                               needed);
  gtk_label_set_text (self->score_label, score);
  gtk_label_set_text (self->verdict_label, verdict);
}

static void
show_figures (KnsResultsView   *self,
              const KnsAttempt *attempt,
              guint             pass_mark)
{
  g_autofree char *score = NULL;
  g_autofree char *verdict = NULL;

  /* Translators: "You got 5 of 6 questions right (83%)" */
  score = g_strdup_printf (_("You got %u of %u right (%u%%)"),
                           attempt->n_correct, attempt->n_questions, attempt->score);
  if (attempt->passed)
    verdict = g_strdup (_("Well done! You passed this lesson."));
  else
    /* Translators: %u is the pass mark in percent */
    verdict = g_strdup_printf (_("Not passed yet: you need %u%% to pass. Read the explanations below and try again: you can do it!"),
                               pass_mark);
  gtk_label_set_text (self->score_label, score);
  gtk_label_set_text (self->verdict_label, verdict);
}

/* Passed: back to the lessons is the main action. Not passed: "Try
 * again" comes first, in the accent colour, and has the focus. */
static void
show_actions (KnsResultsView *self,
              gboolean        passed)
{
  GtkWidget *primary = GTK_WIDGET (passed ? self->home_button : self->retry_button);
  GtkWidget *other = GTK_WIDGET (passed ? self->retry_button : self->home_button);

  gtk_widget_add_css_class (primary, "suggested-action");
  gtk_widget_remove_css_class (other, "suggested-action");
  gtk_box_reorder_child_after (self->actions_box, primary, NULL);
}

static void
update_spoken_text (KnsResultsView   *self,
                    KnsLesson        *lesson,
                    const KnsAttempt *attempt)
{
  KnsQuiz *quiz = kns_lesson_get_quiz (lesson);
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append_printf (text, "%s\n%s\n%s. %s\n%s.\n",
                          gtk_label_get_text (self->score_label),
                          gtk_label_get_text (self->verdict_label),
                          gtk_label_get_text (self->help_title),
                          gtk_label_get_text (self->help_text),
                          gtk_label_get_text (self->review_heading));
  for (guint i = 0; quiz != NULL && i < kns_quiz_get_n_questions (quiz); i++)
    {
      KnsQuestion *question = kns_quiz_get_question (quiz, i);
      const KnsAnswer *answer = find_answer (attempt, question->id);
      guint order[KNS_QUIZ_MAX_OPTIONS];
      g_autofree char *review = NULL;

      kns_question_get_order (question, attempt->id, order);
      review = kns_speech_text_for_review (question, i + 1, order, answer ? answer->chosen : 0,
                                           answer != NULL);
      g_string_append (text, review);
    }
  kns_read_aloud_button_set_text (self->read_aloud_button, text->str);
}

/* The main action takes the focus, so that Enter does it. The window
 * fills the screen before it shows it and enables "Try again" after, and
 * a button unmapped or insensitive cannot take the focus: it takes it as
 * soon as it can. */
static void
focus_main_action (KnsResultsView *self)
{
  if (self->focus_pending &&
      gtk_widget_grab_focus (GTK_WIDGET (self->passed ? self->home_button : self->retry_button)))
    self->focus_pending = FALSE;
}

static void
action_sensitive_cb (KnsResultsView *self)
{
  focus_main_action (self);
}

static void
kns_results_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (kns_results_view_parent_class)->map (widget);
  focus_main_action (KNS_RESULTS_VIEW (widget));
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
  widget_class->map = kns_results_view_map;

  g_type_ensure (KNS_TYPE_READ_ALOUD_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/kns-results-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KnsResultsView, read_aloud_button);
  gtk_widget_class_bind_template_child (widget_class, KnsResultsView, result_icon);
  gtk_widget_class_bind_template_child (widget_class, KnsResultsView, stars_box);
  gtk_widget_class_bind_template_child (widget_class, KnsResultsView, score_label);
  gtk_widget_class_bind_template_child (widget_class, KnsResultsView, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, KnsResultsView, actions_box);
  gtk_widget_class_bind_template_child (widget_class, KnsResultsView, home_button);
  gtk_widget_class_bind_template_child (widget_class, KnsResultsView, retry_button);
  gtk_widget_class_bind_template_child (widget_class, KnsResultsView, help_title);
  gtk_widget_class_bind_template_child (widget_class, KnsResultsView, help_text);
  gtk_widget_class_bind_template_child (widget_class, KnsResultsView, review_heading);
  gtk_widget_class_bind_template_child (widget_class, KnsResultsView, review_box);
  gtk_widget_class_bind_template_callback (widget_class, action_sensitive_cb);
}

static void
kns_results_view_init (KnsResultsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->review_rows = g_ptr_array_new ();
}

/**
 * kns_results_view_show:
 * @attempt: a finished attempt at @lesson's quiz
 * @pass_mark: the percentage needed to pass, to tell a child who did not
 *   pass how far they are
 */
void
kns_results_view_show (KnsResultsView   *self,
                       KnsLesson        *lesson,
                       const KnsAttempt *attempt,
                       guint             pass_mark)
{
  KnsQuiz *quiz;
  guint tier;

  g_return_if_fail (KNS_IS_RESULTS_VIEW (self));
  g_return_if_fail (KNS_IS_LESSON (lesson));
  g_return_if_fail (attempt != NULL);

  kns_results_view_clear (self);
  quiz = kns_lesson_get_quiz (lesson);
  tier = learner_tier (self, attempt);
  self->passed = attempt->passed;
  self->stars = tier == 1 && attempt->n_questions > 0;

  if (self->stars)
    show_stars (self, attempt, pass_mark);
  else
    show_figures (self, attempt, pass_mark);
  gtk_widget_set_visible (GTK_WIDGET (self->stars_box), self->stars);
  /* The stars are the picture for the youngest. */
  gtk_widget_set_visible (GTK_WIDGET (self->result_icon), !self->stars);
  gtk_image_set_from_icon_name (self->result_icon,
                                attempt->passed ? "emblem-ok-symbolic" : "edit-undo-symbolic");
  gtk_widget_remove_css_class (GTK_WIDGET (self->result_icon), attempt->passed ? "accent" : "success");
  gtk_widget_add_css_class (GTK_WIDGET (self->result_icon), attempt->passed ? "success" : "accent");
  gtk_widget_remove_css_class (GTK_WIDGET (self), attempt->passed ? "not-passed" : "passed");
  gtk_widget_add_css_class (GTK_WIDGET (self), attempt->passed ? "passed" : "not-passed");
  if (tier <= 2)
    gtk_widget_add_css_class (GTK_WIDGET (self), "young");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "young");
  show_actions (self, attempt->passed);

  for (guint i = 0; quiz != NULL && i < kns_quiz_get_n_questions (quiz); i++)
    {
      KnsQuestion *question = kns_quiz_get_question (quiz, i);
      guint order[KNS_QUIZ_MAX_OPTIONS];
      GtkWidget *row;

      kns_question_get_order (question, attempt->id, order);
      row = review_row_new (question, i + 1, order, find_answer (attempt, question->id));
      gtk_box_append (self->review_box, row);
      g_ptr_array_add (self->review_rows, row);
    }

  update_spoken_text (self, lesson, attempt);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (get_scroller (self)), 0);
  self->focus_pending = TRUE;
  focus_main_action (self);
}

void
kns_results_view_clear (KnsResultsView *self)
{
  g_return_if_fail (KNS_IS_RESULTS_VIEW (self));

  for (guint i = 0; i < self->review_rows->len; i++)
    gtk_box_remove (self->review_box, g_ptr_array_index (self->review_rows, i));
  g_ptr_array_set_size (self->review_rows, 0);
  self->focus_pending = FALSE;
  clear_stars (self);
  gtk_label_set_text (self->score_label, "");
  gtk_label_set_text (self->verdict_label, "");
  kns_read_aloud_button_set_text (self->read_aloud_button, NULL);
}

/* Whether the results say "passed": for tests and screen readers alike,
 * what the screen shows. */
gboolean
kns_results_view_get_passed (KnsResultsView *self)
{
  g_return_val_if_fail (KNS_IS_RESULTS_VIEW (self), FALSE);
  return self->passed;
}

/* Whether the score is shown as stars, for lớp 1–3. */
gboolean
kns_results_view_get_stars (KnsResultsView *self)
{
  g_return_val_if_fail (KNS_IS_RESULTS_VIEW (self), FALSE);
  return self->stars;
}

/**
 * kns_results_view_set_speech:
 * @speech: (nullable): the voice for the "Read aloud" button
 *
 * Without it, the results view borrows the quiz's voice from the window.
 */
void
kns_results_view_set_speech (KnsResultsView *self,
                             KnsSpeech      *speech)
{
  g_return_if_fail (KNS_IS_RESULTS_VIEW (self));

  kns_read_aloud_button_set_speech (self->read_aloud_button, speech);
}
