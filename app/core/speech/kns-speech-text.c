/* kns-speech-text.c
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
 * The words on screen, a sentence a line, for a speech synthesiser: no
 * Markdown, no tags, and a full stop where a heading or a list item has
 * none, so that the voice pauses where the eye does. The few words this
 * adds ("Câu", "Lựa chọn") are in the course's language, not the UI's:
 * the voice is Vietnamese whatever language the buttons are in.
 */

#define G_LOG_DOMAIN "kns-speech"

#include "kns-config.h"

#include <string.h>

#include "kns-speech-text.h"

static void append_blocks (GString   *out,
                           GPtrArray *blocks);

static gboolean
is_tag_at (const char *p)
{
  if (*p != '<')
    return FALSE;
  p++;
  if (*p == '/')
    p++;
  return g_ascii_isalpha (*p);
}

/* Raw HTML stays text in a lesson; a voice would spell out its brackets. */
static const char *
skip_tag (const char *p)
{
  const char *end = p + 1;

  while (*end != '\0' && *end != '>' && *end != '<' && *end != '\n')
    end++;
  return *end == '>' ? end + 1 : NULL;
}

static gboolean
ends_sentence (const char *text,
               gsize       length)
{
  const char *end = text + length;

  /* A closing quote or bracket after the full stop still ends it. */
  while (end > text)
    {
      const char *prev = g_utf8_find_prev_char (text, end);
      gunichar c = g_utf8_get_char (prev);

      if (c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D || c == 0x2019)
        end = prev;
      else
        return c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == 0x2026;
    }
  return FALSE;
}

/* @text on one line, tags dropped, spaces collapsed, ended as a sentence. */
static void
append_sentence (GString    *out,
                 const char *text)
{
  g_autoptr(GString) line = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *after_tag;

      if (is_tag_at (p) && (after_tag = skip_tag (p)) != NULL)
        {
          space = TRUE;
          p = after_tag - 1;
          continue;
        }
      if (g_unichar_isspace (c))
        {
          space = TRUE;
          continue;
        }
      if (space && line->len > 0)
        g_string_append_c (line, ' ');
      space = FALSE;
      g_string_append_unichar (line, c);
    }

  if (line->len == 0)
    return;
  if (!ends_sentence (line->str, line->len))
    g_string_append_c (line, '.');
  g_string_append_printf (out, "%s\n", line->str);
}

static void
append_spans (GString   *out,
              GPtrArray *spans)
{
  g_autofree char *text = kns_spans_to_text (spans);

  append_sentence (out, text);
}

/* "Ghi nhớ: Điều cần nhớ." — the marker leads the call-out's first line. */
static void
append_callout (GString  *out,
                KnsBlock *block)
{
  g_autoptr(GString) inner = g_string_new (NULL);
  gsize title_len = block->title != NULL ? strlen (block->title) : 0;

  append_blocks (inner, block->children);
  if (title_len > 0 && inner->len > 0)
    g_string_prepend (inner, ends_sentence (block->title, title_len) ? " " : ": ");
  if (title_len > 0)
    g_string_prepend (inner, block->title);
  if (inner->len > 0 && inner->str[inner->len - 1] != '\n')
    append_sentence (out, inner->str);
  else
    g_string_append (out, inner->str);
}

static void
append_blocks (GString   *out,
               GPtrArray *blocks)
{
  for (guint i = 0; blocks != NULL && i < blocks->len; i++)
    {
      KnsBlock *block = g_ptr_array_index (blocks, i);

      switch (block->kind)
        {
        case KNS_BLOCK_HEADING:
        case KNS_BLOCK_PARAGRAPH:
          append_spans (out, block->spans);
          break;
        case KNS_BLOCK_CALLOUT:
          append_callout (out, block);
          break;
        case KNS_BLOCK_LIST:
        case KNS_BLOCK_ITEM:
        case KNS_BLOCK_QUOTE:
          append_blocks (out, block->children);
          break;
        case KNS_BLOCK_IMAGE:
        case KNS_BLOCK_CODE:
          /* A picture is read as its description. */
          append_sentence (out, block->text);
          break;
        case KNS_BLOCK_RULE:
        default:
          break;
        }
    }
}

/**
 * kns_speech_text_for_blocks:
 *
 * Returns: (transfer full): the words of @blocks, a sentence a line
 */
char *
kns_speech_text_for_blocks (GPtrArray *blocks)
{
  GString *out = g_string_new (NULL);

  append_blocks (out, blocks);
  return g_string_free (out, FALSE);
}

/**
 * kns_speech_text_for_lesson:
 *
 * Returns: (transfer full): the lesson's title and body as they are read
 *   aloud
 */
char *
kns_speech_text_for_lesson (KnsLesson *lesson)
{
  GString *out;

  g_return_val_if_fail (KNS_IS_LESSON (lesson), NULL);

  out = g_string_new (NULL);
  append_sentence (out, kns_lesson_get_title (lesson));
  append_blocks (out, kns_lesson_get_blocks (lesson));
  return g_string_free (out, FALSE);
}

/* "Lựa chọn B: …" for each option, in the order the screen shows. */
static void
append_options (GString           *out,
                const KnsQuestion *question,
                const guint       *order)
{
  for (guint i = 0; question->options != NULL && i < question->options->len; i++)
    {
      KnsOption *option = g_ptr_array_index (question->options, order ? order[i] : i);
      g_autofree char *line = g_strdup_printf ("Lựa chọn %c: %s", 'A' + i, option->text);

      append_sentence (out, line);
    }
}

static void
append_heading (GString           *out,
                const KnsQuestion *question,
                guint              number)
{
  g_autofree char *prompt = kns_spans_to_text (question->prompt);
  g_autofree char *heading = g_strdup_printf ("Câu %u. %s", number, prompt);

  append_sentence (out, heading);
}

/**
 * kns_speech_text_for_scene:
 *
 * A scene of a scenario: its title, what happens, then its choices by
 * the numbers the screen shows beside them; an ending says which kind it
 * is, then its debrief.
 *
 * Returns: (transfer full): the scene as it is read aloud
 */
char *
kns_speech_text_for_scene (const KnsScene *scene)
{
  GString *out;

  g_return_val_if_fail (scene != NULL, NULL);

  out = g_string_new (NULL);
  if (scene->title_text != NULL)
    append_sentence (out, scene->title_text);
  append_blocks (out, scene->body);

  if (scene->choices->len > 0)
    append_sentence (out, "Em sẽ làm gì?");
  for (guint i = 0; i < scene->choices->len; i++)
    {
      KnsChoice *choice = g_ptr_array_index (scene->choices, i);
      g_autofree char *line = g_strdup_printf ("Lựa chọn %u: %s", i + 1, choice->text);

      append_sentence (out, line);
    }

  if (kns_scene_is_ending (scene))
    {
      append_sentence (out, scene->ending == KNS_ENDING_SAFE ? "Kết thúc an toàn."
                                                             : "Kết thúc chưa an toàn.");
      append_blocks (out, scene->debrief);
    }
  return g_string_free (out, FALSE);
}

/**
 * kns_speech_text_for_question:
 * @number: the question's number as the screen shows it, from 1
 * @with_explanation: whether the explanation is on screen too
 *
 * Options are named by the letters the screen shows beside them, in the
 * order of the file.
 *
 * Returns: (transfer full): the question as it is read aloud
 */
char *
kns_speech_text_for_question (const KnsQuestion *question,
                              guint              number,
                              gboolean           with_explanation)
{
  return kns_speech_text_for_shown_question (question, number, NULL, with_explanation);
}

/**
 * kns_speech_text_for_shown_question:
 * @number: the question's number as the screen shows it, from 1
 * @order: (nullable) (array): the options' order on screen, as
 *   kns_question_get_order() gives it; %NULL for the file's
 * @with_explanation: whether the explanation is on screen too
 *
 * Returns: (transfer full): the question as it is read aloud, its options
 *   named by the letters the screen shows beside them
 */
char *
kns_speech_text_for_shown_question (const KnsQuestion *question,
                                    guint              number,
                                    const guint       *order,
                                    gboolean           with_explanation)
{
  GString *out;

  g_return_val_if_fail (question != NULL, NULL);

  out = g_string_new (NULL);
  append_heading (out, question, number);
  append_blocks (out, question->body);
  append_options (out, question, order);
  if (with_explanation)
    append_blocks (out, question->explanation);
  return g_string_free (out, FALSE);
}

/* "A: …; C: …", the options of @mask by their letters on screen. */
static char *
options_text (const KnsQuestion *question,
              const guint       *order,
              guint32            mask)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < question->options->len; i++)
    {
      guint index = order ? order[i] : i;

      if (mask & (1u << index))
        g_string_append_printf (text, "%s%c: %s", text->len ? "; " : "", 'A' + i,
                                ((KnsOption *) g_ptr_array_index (question->options, index))->text);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * kns_speech_text_for_review:
 * @number: the question's number, from 1
 * @order: (nullable) (array): the options' order in the attempt
 * @chosen: the options the learner chose, by their index in the file
 * @answered: whether the learner answered at all
 *
 * A question of the results screen: what the learner chose, whether it
 * was right, the right answer when it was not, and the explanation.
 *
 * Returns: (transfer full): the review of one question as it is read aloud
 */
char *
kns_speech_text_for_review (const KnsQuestion *question,
                            guint              number,
                            const guint       *order,
                            guint32            chosen,
                            gboolean           answered)
{
  GString *out;
  g_autofree char *chosen_text = NULL;

  g_return_val_if_fail (question != NULL, NULL);

  out = g_string_new (NULL);
  append_heading (out, question, number);
  if (!answered)
    append_sentence (out, "Em chưa trả lời câu này.");
  else
    {
      g_autofree char *line = NULL;

      chosen_text = options_text (question, order, chosen);
      line = g_strdup_printf ("Em đã chọn %s", chosen_text);
      append_sentence (out, line);
      append_sentence (out, chosen == question->correct_mask ? "Đúng." : "Chưa đúng.");
    }
  if (!answered || chosen != question->correct_mask)
    {
      g_autofree char *right = options_text (question, order, question->correct_mask);
      g_autofree char *line = g_strdup_printf ("Đáp án đúng: %s", right);

      append_sentence (out, line);
    }
  append_blocks (out, question->explanation);
  return g_string_free (out, FALSE);
}
