/* kns-quiz.c — parses a quiz file: "## question", options, "> explanation"
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

#define G_LOG_DOMAIN "kns-content"

#include "kns-config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kns-content-private.h"
#include "kns-quiz.h"

struct _KnsQuiz
{
  GPtrArray *questions; /* KnsQuestion */
};

G_DEFINE_BOXED_TYPE (KnsQuiz, kns_quiz, kns_quiz_ref, kns_quiz_unref)

static void
option_free (gpointer data)
{
  KnsOption *option = data;

  g_clear_pointer (&option->spans, g_ptr_array_unref);
  g_free (option->text);
  g_free (option);
}

static void
question_free (gpointer data)
{
  KnsQuestion *question = data;

  g_free (question->id);
  g_free (question->prompt_text);
  g_clear_pointer (&question->prompt, g_ptr_array_unref);
  g_clear_pointer (&question->body, g_ptr_array_unref);
  g_clear_pointer (&question->options, g_ptr_array_unref);
  g_clear_pointer (&question->explanation, g_ptr_array_unref);
  g_free (question);
}

static void
quiz_clear (gpointer data)
{
  KnsQuiz *self = data;

  g_clear_pointer (&self->questions, g_ptr_array_unref);
}

KnsQuiz *
kns_quiz_ref (KnsQuiz *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_rc_box_acquire (self);
}

void
kns_quiz_unref (KnsQuiz *self)
{
  g_return_if_fail (self != NULL);

  g_rc_box_release_full (self, quiz_clear);
}

guint
kns_quiz_get_n_questions (KnsQuiz *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->questions->len;
}

KnsQuestion *
kns_quiz_get_question (KnsQuiz *self,
                       guint    index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->questions->len, NULL);

  return g_ptr_array_index (self->questions, index);
}

KnsQuestion *
kns_quiz_find_question (KnsQuiz    *self,
                        const char *id)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < self->questions->len; i++)
    {
      KnsQuestion *question = g_ptr_array_index (self->questions, i);

      if (strcmp (question->id, id) == 0)
        return question;
    }

  return NULL;
}

gboolean
kns_question_is_multiple (const KnsQuestion *question)
{
  g_return_val_if_fail (question != NULL, FALSE);

  return (question->correct_mask & (question->correct_mask - 1)) != 0;
}

/* Right when exactly the right options are chosen: a multiple-answer
 * question is not half right. */
gboolean
kns_question_is_correct (const KnsQuestion *question,
                         guint32            chosen_mask)
{
  g_return_val_if_fail (question != NULL, FALSE);

  return chosen_mask == question->correct_mask;
}

guint32
kns_question_all_options (const KnsQuestion *question)
{
  g_return_val_if_fail (question != NULL, 0);

  return question->options->len >= 32 ? G_MAXUINT32 : (1u << question->options->len) - 1;
}

/* Words by which an option points at the options around it. Matched on
 * the lower-cased text, so "Tất cả các ý trên" and "cả hai ý trên" are
 * both found; "chú ý trên mạng" (be careful online) is not, since it
 * needs one of the quantifiers. */
static const char * const referring_phrases[] = {
  "các ý trên", "các ý ở trên", "các ý còn lại", "hai ý trên", "ba ý trên", "những ý trên",
  "mọi ý trên", "cả hai ý", "cả ba ý", "tất cả các ý", "không ý nào", "ý nào ở trên",
  "các đáp án trên", "các đáp án ở trên", "cả hai đáp án", "tất cả các đáp án", "không đáp án nào",
  "các phương án trên", "cả hai phương án", "tất cả các phương án", "không phương án nào",
  "các lựa chọn trên", "tất cả các lựa chọn", "không lựa chọn nào",
  "all of the above", "none of the above", "both of the above",
};

/* "Cả A và B": a word that is one capital letter naming an option. */
static gboolean
names_option_by_letter (const KnsOption *option,
                        guint            n_options)
{
  const char *p = option->text;

  while (*p != '\0')
    {
      const char *start = p;

      while (*p != '\0' && !g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p != '\0' && g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p - start == 1 && *start >= 'A' && (guint) (*start - 'A') < n_options)
        return TRUE;
    }
  return FALSE;
}

/**
 * kns_option_refers_to_others:
 *
 * Whether the option only makes sense beside the others: "Tất cả các ý
 * trên", "Cả hai ý trên", "Không ý nào ở trên". Such an option keeps its
 * place when the options are shuffled.
 */
gboolean
kns_option_refers_to_others (const KnsOption *option)
{
  g_autofree char *normal = NULL;
  g_autofree char *folded = NULL;

  g_return_val_if_fail (option != NULL, FALSE);

  normal = g_utf8_normalize (option->text, -1, G_NORMALIZE_NFC);
  if (normal == NULL)
    return FALSE;
  folded = g_utf8_strdown (normal, -1);
  for (guint i = 0; i < G_N_ELEMENTS (referring_phrases); i++)
    if (strstr (folded, referring_phrases[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* SplitMix64: a small generator whose sequence, unlike GRand's, is
 * fixed here for good, so an attempt shows the same order in every
 * version of the app. */
static guint64
splitmix64 (guint64 *state)
{
  guint64 z = (*state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

static guint64
order_seed (const KnsQuestion *question,
            gint64             attempt_id)
{
  guint64 hash = G_GUINT64_CONSTANT (0xCBF29CE484222325); /* FNV-1a */

  for (const char *p = question->id; *p != '\0'; p++)
    hash = (hash ^ (guchar) *p) * G_GUINT64_CONSTANT (0x100000001B3);
  return hash ^ ((guint64) attempt_id * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));
}

/**
 * kns_question_get_order:
 * @attempt_id: the attempt the question is asked in
 * @order: (out caller-allocates) (array): one slot per option; receives,
 *   for each place on screen from the top, the option's index in the file
 *
 * Shuffles the options of @question for one attempt, so that a pupil
 * who learnt where the key was, or who always picks the second option,
 * gains nothing. The order follows from @attempt_id and the question's
 * id alone: the same attempt shows the same order when it resumes and
 * in its review, and nothing about it needs storing. Answers are still
 * recorded by the indices in the file.
 *
 * Options that refer to the others (kns_option_refers_to_others()) keep
 * their place. A question whose options name others by letter ("Cả A
 * và B") keeps its whole order: the letters would point elsewhere.
 */
void
kns_question_get_order (const KnsQuestion *question,
                        gint64             attempt_id,
                        guint             *order)
{
  guint n, movable[KNS_QUIZ_MAX_OPTIONS], n_movable = 0;
  guint64 state;
  gboolean by_letter = FALSE;

  g_return_if_fail (question != NULL);
  g_return_if_fail (order != NULL);

  n = question->options->len;
  for (guint i = 0; i < n; i++)
    {
      KnsOption *option = g_ptr_array_index (question->options, i);

      order[i] = i;
      by_letter |= names_option_by_letter (option, n);
      if (i < G_N_ELEMENTS (movable) && !kns_option_refers_to_others (option))
        movable[n_movable++] = i;
    }
  if (by_letter || n_movable < 2)
    return;

  /* Fisher–Yates over the places of the movable options. */
  state = order_seed (question, attempt_id);
  for (guint i = n_movable - 1; i > 0; i--)
    {
      guint j = (guint) (splitmix64 (&state) % (i + 1));
      guint swap = order[movable[i]];

      order[movable[i]] = order[movable[j]];
      order[movable[j]] = swap;
    }
}

static guint
local_line (cmark_node *node)
{
  return (guint) MAX (cmark_node_get_start_line (node), 1);
}

static KnsOption *
parse_option (KnsParseContext     *ctx,
              const KnsMediaScope *scope,
              cmark_node          *item)
{
  cmark_node *para = cmark_node_first_child (item);
  g_autoptr(GPtrArray) spans = NULL;
  g_autofree char *text = NULL;
  KnsOption *option;
  gboolean correct;

  if (para == NULL || cmark_node_get_type (para) != CMARK_NODE_PARAGRAPH ||
      cmark_node_next (para) != NULL)
    {
      kns_diagnose (ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_QUIZ_STRUCTURE, local_line (item),
                    _("An option must be a single line of text after “- [ ]” or “- [x]”."));
      return NULL;
    }

  spans = kns_markdown_convert_inlines (ctx, scope, para, NULL);
  text = kns_spans_to_text (spans);

  if (g_str_has_prefix (text, "[ ]"))
    correct = FALSE;
  else if (g_str_has_prefix (text, "[x]") || g_str_has_prefix (text, "[X]"))
    correct = TRUE;
  else
    {
      kns_diagnose (ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_OPTION_MARK, local_line (item),
                    _("An option must start with “[ ]” (a wrong answer) or “[x]” (a right "
                      "answer), like: - [x] Tell a parent."));
      return NULL;
    }

  kns_spans_strip_prefix (spans, 3);
  g_clear_pointer (&text, g_free);
  text = kns_spans_to_text (spans);
  if (*text == '\0')
    {
      kns_diagnose (ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_OPTION_MARK, local_line (item),
                    _("This option has no text after its “[ ]” or “[x]”."));
      return NULL;
    }

  option = g_new0 (KnsOption, 1);
  option->spans = g_steal_pointer (&spans);
  option->text = g_steal_pointer (&text);
  option->correct = correct;
  return option;
}

static gboolean
parse_options (KnsParseContext     *ctx,
               const KnsMediaScope *scope,
               KnsQuestion         *question,
               cmark_node          *list)
{
  gboolean ok = TRUE;

  question->options = g_ptr_array_new_with_free_func (option_free);

  for (cmark_node *item = cmark_node_first_child (list); item; item = cmark_node_next (item))
    {
      KnsOption *option = parse_option (ctx, scope, item);

      if (option == NULL)
        {
          question->options_failed = TRUE;
          ok = FALSE;
          continue;
        }

      if (question->options->len == KNS_QUIZ_MAX_OPTIONS)
        {
          kns_diagnose (ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_QUIZ_STRUCTURE,
                        local_line (item),
                        _("A question has at most %d options; split this one into two questions."),
                        KNS_QUIZ_MAX_OPTIONS);
          option_free (option);
          return FALSE;
        }

      if (option->correct)
        question->correct_mask |= 1u << question->options->len;
      g_ptr_array_add (question->options, option);
    }

  return ok;
}

/* The checks that need the whole question; all point at its heading. */
static gboolean
check_question (KnsParseContext *ctx,
                KnsQuestion     *question,
                guint            heading_line)
{
  guint n_options = question->options ? question->options->len : 0;

  /* An option that failed has been reported; counting the rest would
   * only add a second, misleading error. */
  if (question->options_failed)
    return FALSE;

  if (n_options == 0)
    {
      kns_diagnose (ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_NO_OPTIONS, heading_line,
                    _("The question “%s” has no options. Under it, list the answers, each on "
                      "a line starting with “- [ ]” or “- [x]”."),
                    question->prompt_text);
      return FALSE;
    }

  if (n_options == 1)
    {
      kns_diagnose (ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_SINGLE_OPTION, heading_line,
                    _("The question “%s” has only one option; give at least two to choose from."),
                    question->prompt_text);
      return FALSE;
    }

  if (question->correct_mask == 0)
    {
      kns_diagnose (ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_NO_CORRECT_OPTION, heading_line,
                    _("The question “%s” has no right option; mark each right one with “[x]”."),
                    question->prompt_text);
      return FALSE;
    }

  if (question->explanation == NULL || question->explanation->len == 0)
    {
      kns_diagnose (ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_NO_EXPLANATION, heading_line,
                    _("The question “%s” has no explanation. After the options, add a line "
                      "starting with “> ” that says why the answer is right."),
                    question->prompt_text);
      return FALSE;
    }

  return TRUE;
}

static KnsQuestion *
question_new (KnsParseContext     *ctx,
              const KnsMediaScope *scope,
              cmark_node          *heading,
              guint                number)
{
  KnsQuestion *question = g_new0 (KnsQuestion, 1);
  g_autofree char *prompt = NULL;

  question->id = g_strdup_printf ("q%u", number);
  question->line = local_line (heading) + ctx->line_offset;
  question->prompt = kns_markdown_convert_inlines (ctx, scope, heading, NULL);
  prompt = kns_spans_to_text (question->prompt);
  question->prompt_text = g_strstrip (g_steal_pointer (&prompt));
  question->body = g_ptr_array_new_with_free_func ((GDestroyNotify) kns_block_free);

  if (*question->prompt_text == '\0')
    kns_diagnose (ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_QUIZ_STRUCTURE, local_line (heading),
                  _("This question heading is empty; write the question after “## ”."));

  return question;
}

/* One top-level block inside a question: the situation before the
 * options, the options, then the explanation. */
static gboolean
add_to_question (KnsParseContext     *ctx,
                 const KnsMediaScope *scope,
                 KnsQuestion         *question,
                 cmark_node          *node)
{
  switch (cmark_node_get_type (node))
    {
    case CMARK_NODE_LIST:
      if (question->options != NULL || question->explanation != NULL)
        {
          kns_diagnose (ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_QUIZ_STRUCTURE, local_line (node),
                        _("A question has one list of options, before its explanation. Keep "
                          "all options together, with no other text between them."));
          return FALSE;
        }
      return parse_options (ctx, scope, question, node);

    case CMARK_NODE_BLOCK_QUOTE:
      if (question->explanation != NULL)
        {
          kns_diagnose (ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_QUIZ_STRUCTURE, local_line (node),
                        _("This question already has an explanation; write it as one block of "
                          "lines starting with “> ”."));
          return FALSE;
        }
      question->explanation = kns_markdown_convert_blocks (ctx, scope, cmark_node_first_child (node));
      return TRUE;

    default:
      if (question->options != NULL)
        {
          kns_diagnose (ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_QUIZ_STRUCTURE, local_line (node),
                        _("After the options only the explanation may follow, on lines starting "
                          "with “> ”."));
          return FALSE;
        }
      kns_markdown_convert_block (ctx, scope, node, question->body);
      return TRUE;
    }
}

/* Whether the one right option is longer than every wrong one: a pupil
 * who picks the longest answer without reading gets it right. */
static gboolean
key_is_longest (const KnsQuestion *question)
{
  glong key = -1, longest_wrong = 0;

  for (guint i = 0; i < question->options->len; i++)
    {
      const KnsOption *option = g_ptr_array_index (question->options, i);
      glong length = g_utf8_strlen (option->text, -1);

      if (option->correct)
        key = length;
      else
        longest_wrong = MAX (longest_wrong, length);
    }

  return key > longest_wrong;
}

/* Options are shuffled for each attempt, so the key's place tells
 * nothing; its length still may. Warn when it does in more than two
 * questions out of three: by chance that happens about one time in three. */
static void
check_key_lengths (KnsParseContext *ctx,
                   GPtrArray       *questions)
{
  guint single = 0, longest = 0;

  for (guint i = 0; i < questions->len; i++)
    {
      const KnsQuestion *question = g_ptr_array_index (questions, i);

      if (kns_question_is_multiple (question))
        continue;
      single++;
      longest += key_is_longest (question);
    }

  if (single >= 3 && longest * 3 > single * 2)
    kns_diagnose (ctx, KNS_SEVERITY_WARNING, KNS_CONTENT_ERROR_GUESSABLE_KEY, 1,
                  _("In %u of the %u one-answer questions the right answer is the longest "
                    "option, so a pupil can pick it without reading; make some wrong answers "
                    "as long as the right one."),
                  longest, single);
}

KnsQuiz *
kns_quiz_parse (KnsParseContext     *ctx,
                const KnsMediaScope *scope,
                const char          *text,
                gsize                length)
{
  g_autoptr(cmark_node) doc = kns_markdown_parse_document (text, length);
  g_autoptr(GPtrArray) questions = g_ptr_array_new_with_free_func (question_free);
  KnsQuestion *current = NULL;
  guint current_line = 0;
  gboolean ok = TRUE;
  gboolean warned_intro = FALSE;
  KnsQuiz *quiz;

  g_assert (ctx != NULL);
  g_assert (text != NULL);

  for (cmark_node *node = cmark_node_first_child (doc); node; node = cmark_node_next (node))
    {
      if (cmark_node_get_type (node) == CMARK_NODE_HEADING)
        {
          if (cmark_node_get_heading_level (node) != 2)
            {
              kns_diagnose (ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_QUIZ_STRUCTURE,
                            local_line (node),
                            _("A question is a heading written with two hashes: “## What would "
                              "you do?”."));
              ok = FALSE;
            }

          if (current != NULL && !check_question (ctx, current, current_line))
            ok = FALSE;

          current = question_new (ctx, scope, node, questions->len + 1);
          current_line = local_line (node);
          g_ptr_array_add (questions, current);
          continue;
        }

      if (current == NULL)
        {
          if (!warned_intro)
            kns_diagnose (ctx, KNS_SEVERITY_WARNING, KNS_CONTENT_ERROR_QUIZ_STRUCTURE,
                          local_line (node),
                          _("Text before the first question (“## …”) is not shown."));
          warned_intro = TRUE;
          continue;
        }

      if (!add_to_question (ctx, scope, current, node))
        ok = FALSE;
    }

  if (current != NULL && !check_question (ctx, current, current_line))
    ok = FALSE;

  if (questions->len == 0)
    {
      kns_diagnose (ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_QUIZ_STRUCTURE, 1,
                    _("The quiz has no questions. Each question starts with a line “## …”."));
      return NULL;
    }

  if (!ok)
    return NULL;

  check_key_lengths (ctx, questions);

  quiz = g_rc_box_new0 (KnsQuiz);
  quiz->questions = g_steal_pointer (&questions);
  return quiz;
}
