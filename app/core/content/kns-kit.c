/* kns-kit.c — parses and checks a tier's check and plan, and the parents' page
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
 * The checks here are those a single file can fail; what holds between a
 * plan and its tier's lessons is checked in kns-course.c. Every message
 * names the file and the line, like the lessons' (content/README.md).
 */

#define G_LOG_DOMAIN "kns-content"

#include "kns-config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "kns-content-private.h"
#include "kns-kit.h"
#include "kns-lesson.h"
#include "kns-text.h"
#include "kns-yaml.h"

G_DEFINE_BOXED_TYPE (KnsCheck, kns_check, kns_check_ref, kns_check_unref)
G_DEFINE_BOXED_TYPE (KnsPlan, kns_plan, kns_plan_ref, kns_plan_unref)
G_DEFINE_BOXED_TYPE (KnsParentsPage, kns_parents_page, kns_parents_page_ref, kns_parents_page_unref)

/* "verify", as in lessons: facts a school should check again. */
static const char *const check_keys[] = {
  "id", "title", "skills", "reviewed", "sources", "verify", NULL
};
static const char *const plan_keys[] = {
  "id", "title", "minutes", "lessons", "scenario", "reviewed", "sources", "verify", NULL
};
static const char *const parents_keys[] = { "title", "reviewed", "sources", "verify", NULL };

/* As the check's front matter names the three groups, in group order. */
static const char *const skill_keys[KNS_CHECK_N_SKILLS] = { "an-toan", "thong-tin", "bao-cao" };

/* The plan's sections, in the order a teacher runs them (kit-format.md). */
static const char *const plan_sections[] = {
  "Khởi động", "Kiểm tra đầu buổi", "Học trên máy", "Cùng chơi tình huống", "Thảo luận",
  "Tổng kết và kiểm tra cuối buổi",
};
#define DISCUSSION_SECTION 4
#define MIN_DISCUSSION_QUESTIONS 3

static const char *const parents_sections[] = {
  "Con học gì ở mỗi lớp", "Trò chuyện với con", "Thỏa thuận gia đình", "Khi cần giúp đỡ",
};

/* Tier 1 reads slowly: at most this many words a sentence, this many
 * options a question. */
#define TIER1_MAX_WORDS   10
#define TIER1_N_OPTIONS   3

static void
section_free (gpointer data)
{
  KnsPlanSection *section = data;

  g_free (section->title);
  g_free (section->name);
  g_clear_pointer (&section->blocks, g_ptr_array_unref);
  g_free (section);
}

static void
check_clear (gpointer data)
{
  KnsCheck *self = data;

  g_free (self->id);
  g_free (self->title);
  g_free (self->file);
  g_free (self->version);
  g_clear_pointer (&self->quiz, kns_quiz_unref);
}

static void
plan_clear (gpointer data)
{
  KnsPlan *self = data;

  g_free (self->id);
  g_free (self->title);
  g_free (self->file);
  g_free (self->scenario);
  g_strfreev (self->lessons);
  g_strfreev (self->sources);
  g_clear_pointer (&self->intro, g_ptr_array_unref);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
}

static void
parents_clear (gpointer data)
{
  KnsParentsPage *self = data;

  g_free (self->title);
  g_strfreev (self->sources);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
}

KnsCheck *
kns_check_ref (KnsCheck *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_rc_box_acquire (self);
}

void
kns_check_unref (KnsCheck *self)
{
  g_return_if_fail (self != NULL);
  g_rc_box_release_full (self, check_clear);
}

KnsPlan *
kns_plan_ref (KnsPlan *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_rc_box_acquire (self);
}

void
kns_plan_unref (KnsPlan *self)
{
  g_return_if_fail (self != NULL);
  g_rc_box_release_full (self, plan_clear);
}

KnsParentsPage *
kns_parents_page_ref (KnsParentsPage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_rc_box_acquire (self);
}

void
kns_parents_page_unref (KnsParentsPage *self)
{
  g_return_if_fail (self != NULL);
  g_rc_box_release_full (self, parents_clear);
}

/**
 * kns_skill_group_get_name:
 * @group: 1, 2 or 3
 *
 * Returns: the skill group's name, translated
 */
const char *
kns_skill_group_get_name (guint group)
{
  switch (group)
    {
    /* Translators: the three skill groups of QĐ 830/QĐ-TTg */
    case 1: return _("Using the internet safely");
    case 2: return _("Protecting personal information");
    case 3: return _("Recognising and reporting abuse and scams");
    default: g_return_val_if_reached (NULL);
    }
}

static guint
line_of (KnsYaml     *yaml,
         yaml_node_t *root,
         const char  *key)
{
  yaml_node_t *node = kns_yaml_lookup (yaml, root, key);

  return kns_yaml_line (node != NULL ? node : root);
}

/* The id, the title, the sources and the date every kit file has. */
static gboolean
read_common (KnsYaml         *yaml,
             KnsParseContext *ctx,
             yaml_node_t     *root,
             guint            tier,
             char           **id,
             char           **title,
             GStrv           *sources)
{
  g_auto(GStrv) verify = NULL;
  GDate reviewed;
  gboolean ok = TRUE;

  g_date_clear (&reviewed, 1);
  if (id != NULL && kns_yaml_get_string (yaml, ctx, root, "id", TRUE, id))
    {
      g_autofree char *prefix = g_strdup_printf ("t%u-", tier);

      if (!kns_lesson_id_is_valid (*id) || !g_str_has_prefix (*id, prefix))
        {
          kns_diagnose (ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_INVALID_VALUE,
                        line_of (yaml, root, "id"),
                        _("The id “%s” must start with “%s” and use only small letters without "
                          "accents, digits and single dashes, such as “%skiem-tra”."),
                        *id, prefix, prefix);
          ok = FALSE;
        }
    }
  else if (id != NULL)
    ok = FALSE;

  ok &= kns_yaml_get_string (yaml, ctx, root, "title", TRUE, title);
  ok &= kns_yaml_get_strv (yaml, ctx, root, "sources", TRUE, sources);
  ok &= kns_yaml_get_date (yaml, ctx, root, "reviewed", &reviewed);
  ok &= kns_yaml_get_strv (yaml, ctx, root, "verify", FALSE, &verify);
  return ok;
}

/* The front matter's root mapping, its lines counted from the file's. */
static yaml_node_t *
load_front_matter (KnsYaml           *yaml,
                   KnsParseContext   *ctx,
                   const char        *front_matter,
                   const char *const *keys)
{
  yaml_node_t *root;

  ctx->line_offset = 1;
  if (!kns_yaml_load (yaml, ctx, front_matter, strlen (front_matter)))
    return NULL;
  if (!(root = kns_yaml_root_mapping (yaml, ctx, _("The file’s details"))))
    return NULL;
  kns_yaml_warn_unknown (yaml, ctx, root, keys);
  return root;
}

static guint
skill_from_key (const char *key)
{
  for (guint i = 0; i < KNS_CHECK_N_SKILLS; i++)
    if (g_strcmp0 (key, skill_keys[i]) == 0)
      return i + 1;
  return 0;
}

static gboolean
read_skills (KnsCheck        *self,
             KnsYaml         *yaml,
             KnsParseContext *ctx,
             yaml_node_t     *root,
             GStrv           *skills,
             guint           *skills_line)
{
  if (!kns_yaml_get_strv (yaml, ctx, root, "skills", TRUE, skills))
    return FALSE;

  *skills_line = line_of (yaml, root, "skills") + ctx->line_offset;
  for (guint i = 0; (*skills)[i] != NULL; i++)
    if (skill_from_key ((*skills)[i]) == 0)
      {
        kns_diagnose (ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_INVALID_VALUE,
                      line_of (yaml, root, "skills"),
                      _("“%s” is not a skill group; write an-toan (using the internet safely), "
                        "thong-tin (protecting personal information) or bao-cao (recognising "
                        "and reporting abuse)."),
                      (*skills)[i]);
        return FALSE;
      }
  return TRUE;
}

static guint
count_words (const char *sentence)
{
  g_auto(GStrv) words = g_strsplit_set (sentence, " \t\n", -1);
  guint n = 0;

  for (guint i = 0; words[i] != NULL; i++)
    n += words[i][0] != '\0';
  return n;
}

/* The longest sentence of @text, in words. */
static guint
longest_sentence (const char *text)
{
  g_auto(GStrv) sentences = g_strsplit_set (text, ".?!:;", -1);
  guint longest = 0;

  for (guint i = 0; sentences[i] != NULL; i++)
    longest = MAX (longest, count_words (sentences[i]));
  return longest;
}

static void
check_tier1_question (KnsParseContext   *ctx,
                      const KnsQuestion *question)
{
  guint line = question->line - ctx->line_offset;
  guint longest = longest_sentence (question->prompt_text);

  for (guint i = 0; i < question->options->len; i++)
    longest = MAX (longest, longest_sentence (((KnsOption *) g_ptr_array_index (question->options, i))->text));

  if (question->options->len != TIER1_N_OPTIONS)
    kns_diagnose (ctx, KNS_SEVERITY_WARNING, KNS_CONTENT_ERROR_READING_LEVEL, line,
                  _("A question for lớp 1–3 should have %d options; this one has %u."),
                  TIER1_N_OPTIONS, question->options->len);
  if (longest > TIER1_MAX_WORDS)
    kns_diagnose (ctx, KNS_SEVERITY_WARNING, KNS_CONTENT_ERROR_READING_LEVEL, line,
                  _("A sentence of this question has %u words; for lớp 1–3 keep each to %d "
                    "or fewer."),
                  longest, TIER1_MAX_WORDS);
}

/* What makes a check fair to give twice: one key a question, no option
 * that points at the others (they are shuffled), five questions. */
static gboolean
check_questions (KnsCheck        *self,
                 KnsParseContext *ctx)
{
  guint n = kns_quiz_get_n_questions (self->quiz);
  gboolean ok = TRUE;

  if (n != KNS_CHECK_N_QUESTIONS)
    {
      kns_diagnose (ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_CHECK_STRUCTURE,
                    kns_quiz_get_question (self->quiz, MIN (n, KNS_CHECK_N_QUESTIONS + 1) - 1)->line -
                      ctx->line_offset,
                    _("A check has exactly %d questions, and this one has %u: it must be quick, "
                      "and the same before and after."),
                    KNS_CHECK_N_QUESTIONS, n);
      return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      KnsQuestion *question = kns_quiz_get_question (self->quiz, i);

      if (kns_question_is_multiple (question))
        {
          kns_diagnose (ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_CHECK_STRUCTURE,
                        question->line - ctx->line_offset,
                        _("The question “%s” has more than one right option; in a check each "
                          "question has exactly one “[x]”."),
                        question->prompt_text);
          ok = FALSE;
        }
      for (guint j = 0; j < question->options->len; j++)
        if (kns_option_refers_to_others (g_ptr_array_index (question->options, j)))
          {
            kns_diagnose (ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_CHECK_STRUCTURE,
                          question->line - ctx->line_offset,
                          _("An option of “%s” refers to the others; in a check the options are "
                            "shuffled, so each must stand alone."),
                          question->prompt_text);
            ok = FALSE;
            break;
          }
      if (self->tier == 1)
        check_tier1_question (ctx, question);
    }
  return ok;
}

/* One skill group a question, in order, and every group at least once. */
static gboolean
match_skills (KnsCheck        *self,
              KnsParseContext *ctx,
              GStrv            skills,
              guint            skills_line)
{
  guint seen = 0;
  guint n = g_strv_length (skills);

  if (n != KNS_CHECK_N_QUESTIONS)
    {
      kns_diagnose (ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_CHECK_STRUCTURE,
                    skills_line - ctx->line_offset,
                    _("“skills” lists %u skill groups; it needs one for each of the %d questions, "
                      "in order."),
                    n, KNS_CHECK_N_QUESTIONS);
      return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      self->skills[i] = skill_from_key (skills[i]);
      seen |= 1u << self->skills[i];
    }
  for (guint g = 1; g <= KNS_CHECK_N_SKILLS; g++)
    if (!(seen & (1u << g)))
      {
        kns_diagnose (ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_CHECK_STRUCTURE,
                      skills_line - ctx->line_offset,
                      _("No question is about “%s”; a check asks about each of the three skill "
                        "groups at least once."),
                      skill_keys[g - 1]);
        return FALSE;
      }
  return TRUE;
}

static char *
version_of (const char *text,
            gsize       length)
{
  g_autofree char *sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) text,
                                                      length);

  return g_strndup (sum, 16);
}

/**
 * kns_check_parse:
 * @file: the name to report problems under
 * @tier: the tier whose folder holds it
 * @base_dir: (nullable): the file's folder, for its pictures
 * @root_dir: (nullable): the content folder pictures must stay inside
 *
 * Returns: (transfer full) (nullable): the check, or %NULL when it has
 *   errors (which are in @diagnostics)
 */
KnsCheck *
kns_check_parse (const char *file,
                 guint       tier,
                 const char *text,
                 gsize       length,
                 const char *base_dir,
                 const char *root_dir,
                 GPtrArray  *diagnostics)
{
  g_autoptr(KnsCheck) self = NULL;
  g_autofree char *front_matter = NULL;
  g_auto(KnsYaml) yaml = { 0 };
  g_auto(GStrv) skills = NULL;
  g_auto(GStrv) sources = NULL;
  KnsMediaScope scope = { base_dir, root_dir };
  KnsParseContext ctx;
  yaml_node_t *root;
  const char *body;
  guint body_line = 0, skills_line = 0;
  gboolean ok;

  g_return_val_if_fail (file != NULL && text != NULL && diagnostics != NULL, NULL);

  kns_parse_context_init (&ctx, file, diagnostics);
  if (!kns_text_check (&ctx, text, length) ||
      !kns_text_split_front_matter (&ctx, text, &front_matter, &body, &body_line))
    return NULL;

  self = g_rc_box_new0 (KnsCheck);
  self->file = g_strdup (file);
  self->tier = tier;
  self->version = version_of (text, length);

  if ((root = load_front_matter (&yaml, &ctx, front_matter, check_keys)) == NULL)
    return NULL;
  ok = read_common (&yaml, &ctx, root, tier, &self->id, &self->title, &sources);
  ok &= read_skills (self, &yaml, &ctx, root, &skills, &skills_line);

  ctx.line_offset = body_line;
  self->quiz = kns_quiz_parse (&ctx, &scope, body, strlen (body));
  if (self->quiz == NULL || !check_questions (self, &ctx))
    return NULL;
  if (!ok)
    return NULL;

  ctx.line_offset = 0;
  if (!match_skills (self, &ctx, skills, skills_line) || ctx.n_errors > 0)
    return NULL;
  return g_steal_pointer (&self);
}

/* "Khởi động (5 phút)" → "Khởi động" and 5; FALSE without the minutes. */
static gboolean
split_heading (const char  *heading,
               char       **name,
               guint       *minutes)
{
  const char *open = strrchr (heading, '(');
  guint64 value;
  g_autofree char *number = NULL;

  if (open == NULL || !g_str_has_suffix (open, " phút)"))
    return FALSE;
  number = g_strndup (open + 1, strlen (open + 1) - strlen (" phút)"));
  if (!kns_yaml_parse_uint (number, &value) || value == 0 || value > 240)
    return FALSE;

  *name = g_strstrip (g_strndup (heading, open - heading));
  *minutes = (guint) value;
  return TRUE;
}

/* Cuts @blocks at its level-2 headings: what comes before the first goes
 * to @intro. Headings are consumed; each section keeps its title. */
static GPtrArray *
cut_sections (GPtrArray  *blocks,
              GPtrArray **intro)
{
  GPtrArray *sections = g_ptr_array_new_with_free_func (section_free);
  KnsPlanSection *current = NULL;

  *intro = g_ptr_array_new_with_free_func ((GDestroyNotify) kns_block_free);
  g_ptr_array_set_free_func (blocks, NULL);
  for (guint i = 0; i < blocks->len; i++)
    {
      KnsBlock *block = g_ptr_array_index (blocks, i);

      if (block->kind == KNS_BLOCK_HEADING && block->level == 2)
        {
          current = g_new0 (KnsPlanSection, 1);
          current->title = g_strstrip (kns_spans_to_text (block->spans));
          current->line = block->line;
          current->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) kns_block_free);
          g_ptr_array_add (sections, current);
          kns_block_free (block);
          continue;
        }
      g_ptr_array_add (current != NULL ? current->blocks : *intro, block);
    }
  g_ptr_array_set_size (blocks, 0);
  return sections;
}

static gboolean
text_has_111 (GPtrArray *blocks)
{
  g_autofree char *text = kns_blocks_to_text (blocks);

  return strstr (text, "111") != NULL;
}

static gboolean
has_help_111 (GPtrArray *blocks)
{
  for (guint i = 0; blocks != NULL && i < blocks->len; i++)
    {
      KnsBlock *block = g_ptr_array_index (blocks, i);

      if (block->kind == KNS_BLOCK_CALLOUT && block->callout == KNS_CALLOUT_HELP &&
          text_has_111 (block->children))
        return TRUE;
      if (block->kind == KNS_BLOCK_LIST && has_help_111 (block->children))
        return TRUE;
    }
  return FALSE;
}

static guint
count_list_items (GPtrArray *blocks)
{
  guint n = 0;

  for (guint i = 0; i < blocks->len; i++)
    {
      KnsBlock *block = g_ptr_array_index (blocks, i);

      if (block->kind == KNS_BLOCK_LIST)
        n = MAX (n, block->children->len);
    }
  return n;
}

/* The sections @expected, in order, each once; @timed: each heading
 * ends in its minutes. */
static gboolean
check_sections (KnsParseContext   *ctx,
                GPtrArray         *sections,
                const char *const *expected,
                guint              n_expected,
                gboolean           timed,
                KnsContentError    code)
{
  g_autoptr(GString) names = g_string_new (NULL);
  const char *list;
  gboolean ok = TRUE;

  for (guint i = 0; i < n_expected; i++)
    g_string_append_printf (names, "%s%s", i > 0 ? "”, “" : "", expected[i]);
  list = names->str;

  for (guint i = 0; i < sections->len; i++)
    {
      KnsPlanSection *section = g_ptr_array_index (sections, i);
      guint line = section->line - ctx->line_offset;

      if (timed && !split_heading (section->title, &section->name, &section->minutes))
        {
          kns_diagnose (ctx, KNS_SEVERITY_ERROR, code, line,
                        _("The heading “%s” must end with its minutes in brackets, such as "
                          "“## %s (5 phút)”."),
                        section->title, i < n_expected ? expected[i] : expected[0]);
          ok = FALSE;
          continue;
        }
      if (!timed)
        section->name = g_strdup (section->title);

      if (i >= n_expected || g_strcmp0 (section->name, expected[i]) != 0)
        {
          kns_diagnose (ctx, KNS_SEVERITY_ERROR, code, line,
                        _("The section “%s” is not expected here; the sections are, in this "
                          "order: “%s”."),
                        section->name, list);
          return FALSE;
        }
    }

  if (ok && sections->len < n_expected)
    {
      kns_diagnose (ctx, KNS_SEVERITY_ERROR, code, 1,
                    _("The section “%s” is missing; the sections are, in this order: “%s”."),
                    expected[sections->len], list);
      return FALSE;
    }
  return ok;
}

static gboolean
check_plan_body (KnsPlan         *self,
                 KnsParseContext *ctx)
{
  guint total = 0;

  if (!check_sections (ctx, self->sections, plan_sections, G_N_ELEMENTS (plan_sections), TRUE,
                       KNS_CONTENT_ERROR_PLAN_STRUCTURE))
    return FALSE;

  for (guint i = 0; i < self->sections->len; i++)
    total += ((KnsPlanSection *) g_ptr_array_index (self->sections, i))->minutes;
  if (total != self->minutes)
    {
      kns_diagnose (ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_PLAN_STRUCTURE,
                    self->minutes_line - ctx->line_offset,
                    _("The sections add up to %u minutes, but “minutes” says %u."),
                    total, self->minutes);
      return FALSE;
    }

  {
    KnsPlanSection *discussion = g_ptr_array_index (self->sections, DISCUSSION_SECTION);

    if (count_list_items (discussion->blocks) < MIN_DISCUSSION_QUESTIONS)
      {
        kns_diagnose (ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_PLAN_STRUCTURE,
                      discussion->line - ctx->line_offset,
                      _("“Thảo luận” needs a list of at least %d discussion questions, each on a "
                        "line starting with “- ”."),
                      MIN_DISCUSSION_QUESTIONS);
        return FALSE;
      }
  }

  for (guint i = 0; i < self->sections->len; i++)
    if (has_help_111 (((KnsPlanSection *) g_ptr_array_index (self->sections, i))->blocks))
      return TRUE;
  if (has_help_111 (self->intro))
    return TRUE;

  kns_diagnose (ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_NO_HELP_CALLOUT, 1,
                _("The plan has no “> **Khi cần giúp đỡ:** …” call-out naming 111; the class "
                  "must hear where to get help."));
  return FALSE;
}

/**
 * kns_plan_parse:
 *
 * Like kns_check_parse(), for a teacher's session plan.
 *
 * Returns: (transfer full) (nullable): the plan, or %NULL when it has
 *   errors (which are in @diagnostics)
 */
KnsPlan *
kns_plan_parse (const char *file,
                guint       tier,
                const char *text,
                gsize       length,
                const char *base_dir,
                const char *root_dir,
                GPtrArray  *diagnostics)
{
  g_autoptr(KnsPlan) self = NULL;
  g_autofree char *front_matter = NULL;
  g_autoptr(GPtrArray) blocks = NULL;
  g_auto(KnsYaml) yaml = { 0 };
  KnsMediaScope scope = { base_dir, root_dir };
  KnsParseContext ctx;
  yaml_node_t *root;
  const char *body;
  guint body_line = 0;
  gboolean ok;

  g_return_val_if_fail (file != NULL && text != NULL && diagnostics != NULL, NULL);

  kns_parse_context_init (&ctx, file, diagnostics);
  if (!kns_text_check (&ctx, text, length) ||
      !kns_text_split_front_matter (&ctx, text, &front_matter, &body, &body_line))
    return NULL;

  self = g_rc_box_new0 (KnsPlan);
  self->file = g_strdup (file);
  self->tier = tier;

  if ((root = load_front_matter (&yaml, &ctx, front_matter, plan_keys)) == NULL)
    return NULL;
  ok = read_common (&yaml, &ctx, root, tier, &self->id, &self->title, &self->sources);
  ok &= kns_yaml_get_uint (&yaml, &ctx, root, "minutes", 10, 240, &self->minutes);
  self->minutes_line = line_of (&yaml, root, "minutes") + ctx.line_offset;
  ok &= kns_yaml_get_strv (&yaml, &ctx, root, "lessons", TRUE, &self->lessons);
  self->lessons_line = line_of (&yaml, root, "lessons") + ctx.line_offset;
  ok &= kns_yaml_get_string (&yaml, &ctx, root, "scenario", TRUE, &self->scenario);
  self->scenario_line = line_of (&yaml, root, "scenario") + ctx.line_offset;

  ctx.line_offset = body_line;
  blocks = kns_markdown_parse_text (&ctx, &scope, body, strlen (body));
  self->sections = cut_sections (blocks, &self->intro);
  if (!ok || ctx.n_errors > 0 || !check_plan_body (self, &ctx))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * kns_parents_page_parse:
 *
 * The parents' page: its title, and the four sections of kit-format.md.
 *
 * Returns: (transfer full) (nullable): the page, or %NULL when it has
 *   errors (which are in @diagnostics)
 */
KnsParentsPage *
kns_parents_page_parse (const char *file,
                        const char *text,
                        gsize       length,
                        const char *base_dir,
                        const char *root_dir,
                        GPtrArray  *diagnostics)
{
  g_autoptr(KnsParentsPage) self = NULL;
  g_autofree char *front_matter = NULL;
  g_autoptr(GPtrArray) blocks = NULL;
  g_autoptr(GPtrArray) intro = NULL;
  g_auto(KnsYaml) yaml = { 0 };
  KnsMediaScope scope = { base_dir, root_dir };
  KnsParseContext ctx;
  yaml_node_t *root;
  const char *body;
  guint body_line = 0;
  gboolean ok;

  g_return_val_if_fail (file != NULL && text != NULL && diagnostics != NULL, NULL);

  kns_parse_context_init (&ctx, file, diagnostics);
  if (!kns_text_check (&ctx, text, length) ||
      !kns_text_split_front_matter (&ctx, text, &front_matter, &body, &body_line))
    return NULL;

  self = g_rc_box_new0 (KnsParentsPage);
  if ((root = load_front_matter (&yaml, &ctx, front_matter, parents_keys)) == NULL)
    return NULL;
  ok = read_common (&yaml, &ctx, root, 0, NULL, &self->title, &self->sources);

  ctx.line_offset = body_line;
  blocks = kns_markdown_parse_text (&ctx, &scope, body, strlen (body));
  self->sections = cut_sections (blocks, &intro);
  if (!ok || ctx.n_errors > 0 ||
      !check_sections (&ctx, self->sections, parents_sections, G_N_ELEMENTS (parents_sections),
                       FALSE, KNS_CONTENT_ERROR_PARENTS_STRUCTURE))
    return NULL;
  return g_steal_pointer (&self);
}
