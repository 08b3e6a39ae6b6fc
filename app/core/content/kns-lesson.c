/* kns-lesson.c
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
#include "kns-lesson.h"
#include "kns-scenario-private.h"
#include "kns-text.h"
#include "kns-yaml.h"

struct _KnsLesson
{
  GObject         parent_instance;

  char           *id;
  char           *title;
  char           *summary;
  char           *file;
  char           *version;
  guint           tier;
  guint           tier_line;
  guint           id_line;
  guint           minutes;
  KnsSkillGroups  skill_groups;
  GStrv           objectives;
  GStrv           topics;
  GStrv           competences;
  GStrv           sources;
  GStrv           verify;
  GStrv           parents;   /* tips for parents and teachers, not the child's text */
  GStrv           channels;
  GDate           reviewed;
  GPtrArray      *blocks;
  KnsQuiz        *quiz;
  KnsScenario    *scenario;  /* a .scenario.md file: scenes instead of blocks */
};

G_DEFINE_FINAL_TYPE (KnsLesson, kns_lesson, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_TIER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *const front_matter_keys[] = {
  "id", "title", "summary", "tier", "minutes", "objectives", "topics", "skill_group",
  "competences", "sources", "reviewed", "verify", "channels", "parents", NULL
};

/* A scenario's front matter also names its first scene. */
static const char *const scenario_keys[] = {
  "id", "title", "summary", "tier", "minutes", "objectives", "topics", "skill_group",
  "competences", "sources", "reviewed", "verify", "channels", "parents", "start", NULL
};

/* The reporting channels a lesson can teach; reports say which were. */
static const char *const known_channels[] = {
  "111", "113", "vn-cop", "vneid", "5656", "156", "tinnhiemmang", "report-button",
  "trusted-adult", NULL
};

static char *
version_of (const char *previous,
            const char *text,
            gsize       length)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  if (previous != NULL)
    g_checksum_update (checksum, (const guchar *) previous, -1);
  g_checksum_update (checksum, (const guchar *) text, length);

  /* 64 bits tell versions of one lesson apart; the full hash is noise. */
  return g_strndup (g_checksum_get_string (checksum), 16);
}

/**
 * kns_lesson_id_is_valid:
 *
 * Whether @id has the form of a lesson's id: small letters without
 * accents, digits and single dashes, starting with a letter.
 */
gboolean
kns_lesson_id_is_valid (const char *id)
{
  gsize len = strlen (id);

  if (len < 2 || len > 64 || !g_ascii_islower (id[0]) || id[len - 1] == '-')
    return FALSE;

  for (const char *p = id; *p; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || (*p == '-' && p[1] != '-')))
      return FALSE;

  return TRUE;
}

/* TT 02/2025 codes: domain 1–6, a competence within it, as "4.2". */
gboolean
kns_competence_is_valid (const char *code)
{
  return strlen (code) == 3 && code[0] >= '1' && code[0] <= '6' && code[1] == '.' &&
         code[2] >= '1' && code[2] <= '9';
}

/* The 24 competences of TT 02/2025/TT-BGDĐT, named as in the Ministry's
 * training handbook (Hướng dẫn phát triển năng lực số cho học sinh phổ
 * thông, 2025, Phụ lục 1), read from a secondary copy: a school should
 * check them against the circular. The English follows DigComp 2.2, on
 * which the framework is built. */
static const struct
{
  const char *code;
  const char *name;
} competences[] = {
  /* Translators: competence names of the Ministry's digital competence
   * framework (TT 02/2025/TT-BGDĐT); use the circular's own wording */
  { "1.1", N_("Browsing, searching and filtering data, information and digital content") },
  { "1.2", N_("Evaluating data, information and digital content") },
  { "1.3", N_("Managing data, information and digital content") },
  { "2.1", N_("Interacting through digital technologies") },
  { "2.2", N_("Sharing information and content through digital technologies") },
  { "2.3", N_("Engaging in citizenship through digital technologies") },
  { "2.4", N_("Collaborating through digital technologies") },
  { "2.5", N_("Rules of conduct online") },
  { "2.6", N_("Managing digital identity") },
  { "3.1", N_("Developing digital content") },
  { "3.2", N_("Integrating and re-elaborating digital content") },
  { "3.3", N_("Copyright and licences") },
  { "3.4", N_("Programming") },
  { "4.1", N_("Protecting devices") },
  { "4.2", N_("Protecting personal data and privacy") },
  { "4.3", N_("Protecting health and digital well-being") },
  { "4.4", N_("Protecting the environment") },
  { "5.1", N_("Solving technical problems") },
  { "5.2", N_("Identifying needs and technological responses") },
  { "5.3", N_("Creatively using digital technologies") },
  { "5.4", N_("Identifying digital competence gaps") },
  { "6.1", N_("Understanding artificial intelligence") },
  { "6.2", N_("Using artificial intelligence") },
  { "6.3", N_("Evaluating artificial intelligence") },
};

/**
 * kns_competence_get_name:
 * @code: a competence code, such as "4.2"
 *
 * Returns: (nullable): the competence's name, translated, or %NULL for a
 *   code the framework does not have
 */
const char *
kns_competence_get_name (const char *code)
{
  g_return_val_if_fail (code != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (competences); i++)
    if (strcmp (competences[i].code, code) == 0)
      return _(competences[i].name);
  return NULL;
}

static gboolean
read_id (KnsLesson       *self,
         KnsYaml         *yaml,
         KnsParseContext *ctx,
         yaml_node_t     *root)
{
  if (!kns_yaml_get_string (yaml, ctx, root, "id", TRUE, &self->id))
    return FALSE;

  self->id_line = kns_yaml_line (kns_yaml_lookup (yaml, root, "id")) + ctx->line_offset;
  if (!kns_lesson_id_is_valid (self->id))
    {
      kns_diagnose (ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_INVALID_VALUE,
                    self->id_line - ctx->line_offset,
                    _("The id “%s” may use only small letters without accents, digits and "
                      "single dashes, such as “t1-mat-khau”."),
                    self->id);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_classification (KnsLesson       *self,
                     KnsYaml         *yaml,
                     KnsParseContext *ctx,
                     yaml_node_t     *root)
{
  g_autoptr(GArray) groups = NULL;
  gboolean ok = TRUE;

  if (kns_yaml_get_uint_list (yaml, ctx, root, "skill_group", 1, 3, &groups))
    for (guint i = 0; i < groups->len; i++)
      self->skill_groups |= 1u << g_array_index (groups, guint, i);
  else
    ok = FALSE;

  if (kns_yaml_get_strv (yaml, ctx, root, "competences", TRUE, &self->competences))
    {
      for (guint i = 0; self->competences[i]; i++)
        if (!kns_competence_is_valid (self->competences[i]))
          {
            kns_diagnose (ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_INVALID_VALUE,
                          kns_yaml_line (kns_yaml_lookup (yaml, root, "competences")),
                          _("“%s” is not a competence code of TT 02/2025; write the domain and "
                            "the competence, such as 4.2."),
                          self->competences[i]);
            ok = FALSE;
          }
    }
  else
    ok = FALSE;

  if (!kns_yaml_get_strv (yaml, ctx, root, "channels", FALSE, &self->channels))
    ok = FALSE;
  for (guint i = 0; self->channels && self->channels[i]; i++)
    if (!g_strv_contains (known_channels, self->channels[i]))
      {
        g_autofree char *list = g_strjoinv (", ", (char **) known_channels);

        kns_diagnose (ctx, KNS_SEVERITY_WARNING, KNS_CONTENT_ERROR_INVALID_VALUE,
                      kns_yaml_line (kns_yaml_lookup (yaml, root, "channels")),
                      _("“%s” is not a known reporting channel and will not count in reports; "
                        "known ones are: %s."),
                      self->channels[i], list);
      }

  return ok;
}

/* @start is %NULL for a lesson; for a scenario it receives the first
 * scene's id, and @start_line the line in the file that names it. */
static gboolean
read_front_matter (KnsLesson       *self,
                   KnsParseContext *ctx,
                   const char      *text,
                   char           **start,
                   guint           *start_line)
{
  g_auto(KnsYaml) yaml = { 0 };
  yaml_node_t *root;
  gboolean ok = TRUE;

  /* The YAML starts on the line after the opening "---". */
  ctx->line_offset = 1;

  if (!kns_yaml_load (&yaml, ctx, text, strlen (text)))
    return FALSE;
  if (!(root = kns_yaml_root_mapping (&yaml, ctx, _("The lesson details"))))
    return FALSE;

  kns_yaml_warn_unknown (&yaml, ctx, root, start != NULL ? scenario_keys : front_matter_keys);

  ok &= read_id (self, &yaml, ctx, root);
  ok &= kns_yaml_get_string (&yaml, ctx, root, "title", TRUE, &self->title);
  ok &= kns_yaml_get_string (&yaml, ctx, root, "summary", FALSE, &self->summary);
  if (kns_yaml_get_uint (&yaml, ctx, root, "tier", 1, 9, &self->tier))
    self->tier_line = kns_yaml_line (kns_yaml_lookup (&yaml, root, "tier")) + ctx->line_offset;
  else
    ok = FALSE;
  ok &= kns_yaml_get_uint (&yaml, ctx, root, "minutes", 1, 60, &self->minutes);
  ok &= kns_yaml_get_strv (&yaml, ctx, root, "objectives", TRUE, &self->objectives);
  ok &= kns_yaml_get_strv (&yaml, ctx, root, "topics", TRUE, &self->topics);
  ok &= read_classification (self, &yaml, ctx, root);
  ok &= kns_yaml_get_strv (&yaml, ctx, root, "sources", TRUE, &self->sources);
  ok &= kns_yaml_get_date (&yaml, ctx, root, "reviewed", &self->reviewed);
  ok &= kns_yaml_get_strv (&yaml, ctx, root, "verify", FALSE, &self->verify);
  ok &= kns_yaml_get_strv (&yaml, ctx, root, "parents", FALSE, &self->parents);
  if (start != NULL && kns_yaml_get_string (&yaml, ctx, root, "start", TRUE, start))
    *start_line = kns_yaml_line (kns_yaml_lookup (&yaml, root, "start")) + ctx->line_offset;
  else if (start != NULL)
    ok = FALSE;

  return ok;
}

static gboolean
has_help_callout (GPtrArray *blocks)
{
  for (guint i = 0; i < blocks->len; i++)
    {
      KnsBlock *block = g_ptr_array_index (blocks, i);

      if (block->kind == KNS_BLOCK_CALLOUT &&
          (block->callout == KNS_CALLOUT_HELP || block->callout == KNS_CALLOUT_HOTLINE))
        return TRUE;
    }
  return FALSE;
}

static gboolean
read_body (KnsLesson       *self,
           KnsParseContext *ctx,
           const char      *body,
           guint            body_line,
           const char      *base_dir,
           const char      *root_dir)
{
  KnsMediaScope scope = { base_dir, root_dir };
  guint errors_before = ctx->n_errors;

  ctx->line_offset = body_line;
  self->blocks = kns_markdown_parse_text (ctx, &scope, body, strlen (body));

  if (self->blocks->len == 0)
    {
      kns_diagnose (ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_EMPTY_BODY, 1,
                    _("The lesson has no text: write it below the closing “---” line."));
      return FALSE;
    }

  if (!has_help_callout (self->blocks))
    kns_diagnose (ctx, KNS_SEVERITY_WARNING, KNS_CONTENT_ERROR_NO_HELP_CALLOUT, 1,
                  _("The lesson does not end with a “Khi cần giúp đỡ” call-out telling the "
                    "child where to get help (a trusted adult, 111)."));

  return ctx->n_errors == errors_before;
}

static gboolean
read_scenario (KnsLesson       *self,
               KnsParseContext *ctx,
               const char      *body,
               guint            body_line,
               const char      *start,
               guint            start_line,
               const char      *base_dir,
               const char      *root_dir)
{
  KnsMediaScope scope = { base_dir, root_dir };

  ctx->line_offset = body_line;
  self->scenario = kns_scenario_parse (ctx, &scope, body, strlen (body), start, start_line);
  /* Readers of the blocks (search, reading aloud) find none rather than NULL. */
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) kns_block_free);
  return self->scenario != NULL;
}

static void
kns_lesson_finalize (GObject *object)
{
  KnsLesson *self = (KnsLesson *) object;

  g_free (self->id);
  g_free (self->title);
  g_free (self->summary);
  g_free (self->file);
  g_free (self->version);
  g_strfreev (self->objectives);
  g_strfreev (self->topics);
  g_strfreev (self->competences);
  g_strfreev (self->sources);
  g_strfreev (self->verify);
  g_strfreev (self->parents);
  g_strfreev (self->channels);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->quiz, kns_quiz_unref);
  g_clear_pointer (&self->scenario, kns_scenario_unref);

  G_OBJECT_CLASS (kns_lesson_parent_class)->finalize (object);
}

static void
kns_lesson_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  KnsLesson *self = KNS_LESSON (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_TIER:
      g_value_set_uint (value, self->tier);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kns_lesson_class_init (KnsLessonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kns_lesson_finalize;
  object_class->get_property = kns_lesson_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TIER] =
    g_param_spec_uint ("tier", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kns_lesson_init (KnsLesson *self)
{
  g_date_clear (&self->reviewed, 1);
}

static KnsLesson *
parse_file (const char *file,
            const char *text,
            gsize       length,
            const char *base_dir,
            const char *root_dir,
            GPtrArray  *diagnostics,
            gboolean    scenario)
{
  g_autoptr(KnsLesson) self = NULL;
  g_autofree char *front_matter = NULL;
  g_autofree char *start = NULL;
  KnsParseContext ctx;
  const char *body = NULL;
  guint body_line = 0;
  guint start_line = 0;

  kns_parse_context_init (&ctx, file, diagnostics);

  if (!kns_text_check (&ctx, text, length) ||
      !kns_text_split_front_matter (&ctx, text, &front_matter, &body, &body_line))
    return NULL;

  self = g_object_new (KNS_TYPE_LESSON, NULL);
  self->file = g_strdup (file);
  self->version = version_of (NULL, text, length);

  /* Both halves are checked, so that an author sees every problem at once. */
  if (!scenario)
    {
      read_front_matter (self, &ctx, front_matter, NULL, NULL);
      read_body (self, &ctx, body, body_line, base_dir, root_dir);
    }
  else
    {
      read_front_matter (self, &ctx, front_matter, &start, &start_line);
      read_scenario (self, &ctx, body, body_line, start, start_line, base_dir, root_dir);
    }

  if (ctx.n_errors > 0)
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * kns_lesson_parse:
 * @file: the name to report problems under
 * @base_dir: (nullable): the lesson's folder, for its pictures
 * @root_dir: (nullable): the content folder pictures must stay inside
 * @diagnostics: (element-type KnsDiagnostic): where problems go
 *
 * Returns: (transfer full) (nullable): the lesson, or %NULL when it has
 *   errors (which are in @diagnostics)
 */
KnsLesson *
kns_lesson_parse (const char *file,
                  const char *text,
                  gsize       length,
                  const char *base_dir,
                  const char *root_dir,
                  GPtrArray  *diagnostics)
{
  g_return_val_if_fail (file != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (diagnostics != NULL, NULL);

  return parse_file (file, text, length, base_dir, root_dir, diagnostics, FALSE);
}

/**
 * kns_lesson_parse_scenario:
 *
 * Like kns_lesson_parse(), for a scenario file: the same details plus
 * `start:`, and scenes instead of a body. The result is a lesson whose
 * kns_lesson_get_scenario() is set, so that the course, the tallies and
 * the reports count it as one more lesson of its tier.
 *
 * Returns: (transfer full) (nullable): the scenario's lesson, or %NULL
 *   when it has errors (which are in @diagnostics)
 */
KnsLesson *
kns_lesson_parse_scenario (const char *file,
                           const char *text,
                           gsize       length,
                           const char *base_dir,
                           const char *root_dir,
                           GPtrArray  *diagnostics)
{
  g_return_val_if_fail (file != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (diagnostics != NULL, NULL);

  return parse_file (file, text, length, base_dir, root_dir, diagnostics, TRUE);
}

/**
 * kns_lesson_load_quiz:
 * @file: the name to report problems under
 * @path: where to read the quiz from
 *
 * Reads and attaches the lesson's quiz. The lesson's version then covers
 * the quiz too, so that a changed question never resumes an old attempt.
 *
 * Returns: %FALSE if the quiz has errors (in @diagnostics)
 */
gboolean
kns_lesson_load_quiz (KnsLesson  *self,
                      const char *file,
                      const char *path,
                      const char *root_dir,
                      GPtrArray  *diagnostics)
{
  g_autofree char *text = NULL;
  g_autofree char *base_dir = NULL;
  g_autofree char *version = NULL;
  KnsParseContext ctx;
  KnsMediaScope scope;
  gsize length;

  g_return_val_if_fail (KNS_IS_LESSON (self), FALSE);
  g_return_val_if_fail (file != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  kns_parse_context_init (&ctx, file, diagnostics);

  if (!kns_read_text_file (&ctx, path, &text, &length) ||
      !kns_text_check (&ctx, text, length))
    return FALSE;

  base_dir = g_path_get_dirname (path);
  scope.base_dir = base_dir;
  scope.root_dir = root_dir;

  g_clear_pointer (&self->quiz, kns_quiz_unref);
  self->quiz = kns_quiz_parse (&ctx, &scope, text, length);
  if (self->quiz == NULL)
    return FALSE;

  version = version_of (self->version, text, length);
  g_free (self->version);
  self->version = g_steal_pointer (&version);
  return TRUE;
}

const char *
kns_lesson_get_id (KnsLesson *self)
{
  g_return_val_if_fail (KNS_IS_LESSON (self), NULL);
  return self->id;
}

const char *
kns_lesson_get_title (KnsLesson *self)
{
  g_return_val_if_fail (KNS_IS_LESSON (self), NULL);
  return self->title;
}

const char *
kns_lesson_get_summary (KnsLesson *self)
{
  g_return_val_if_fail (KNS_IS_LESSON (self), NULL);
  return self->summary;
}

const char *
kns_lesson_get_file (KnsLesson *self)
{
  g_return_val_if_fail (KNS_IS_LESSON (self), NULL);
  return self->file;
}

/* Changes whenever the lesson or its quiz changes. */
const char *
kns_lesson_get_version (KnsLesson *self)
{
  g_return_val_if_fail (KNS_IS_LESSON (self), NULL);
  return self->version;
}

guint
kns_lesson_get_tier (KnsLesson *self)
{
  g_return_val_if_fail (KNS_IS_LESSON (self), 0);
  return self->tier;
}

guint
kns_lesson_get_tier_line (KnsLesson *self)
{
  g_return_val_if_fail (KNS_IS_LESSON (self), 0);
  return self->tier_line;
}

guint
kns_lesson_get_id_line (KnsLesson *self)
{
  g_return_val_if_fail (KNS_IS_LESSON (self), 0);
  return self->id_line;
}

guint
kns_lesson_get_minutes (KnsLesson *self)
{
  g_return_val_if_fail (KNS_IS_LESSON (self), 0);
  return self->minutes;
}

KnsSkillGroups
kns_lesson_get_skill_groups (KnsLesson *self)
{
  g_return_val_if_fail (KNS_IS_LESSON (self), 0);
  return self->skill_groups;
}

const char * const *
kns_lesson_get_objectives (KnsLesson *self)
{
  g_return_val_if_fail (KNS_IS_LESSON (self), NULL);
  return (const char * const *) self->objectives;
}

const char * const *
kns_lesson_get_topics (KnsLesson *self)
{
  g_return_val_if_fail (KNS_IS_LESSON (self), NULL);
  return (const char * const *) self->topics;
}

const char * const *
kns_lesson_get_competences (KnsLesson *self)
{
  g_return_val_if_fail (KNS_IS_LESSON (self), NULL);
  return (const char * const *) self->competences;
}

const char * const *
kns_lesson_get_sources (KnsLesson *self)
{
  g_return_val_if_fail (KNS_IS_LESSON (self), NULL);
  return (const char * const *) self->sources;
}

const char * const *
kns_lesson_get_verify (KnsLesson *self)
{
  g_return_val_if_fail (KNS_IS_LESSON (self), NULL);
  return (const char * const *) self->verify;
}

/* Tips for the adults around the child (the "parents" key): kept out of
 * the lesson's text, which a six-year-old reads. */
const char * const *
kns_lesson_get_parent_tips (KnsLesson *self)
{
  g_return_val_if_fail (KNS_IS_LESSON (self), NULL);
  return (const char * const *) self->parents;
}

const char * const *
kns_lesson_get_channels (KnsLesson *self)
{
  g_return_val_if_fail (KNS_IS_LESSON (self), NULL);
  return (const char * const *) self->channels;
}

const GDate *
kns_lesson_get_reviewed (KnsLesson *self)
{
  g_return_val_if_fail (KNS_IS_LESSON (self), NULL);
  return &self->reviewed;
}

GPtrArray *
kns_lesson_get_blocks (KnsLesson *self)
{
  g_return_val_if_fail (KNS_IS_LESSON (self), NULL);
  return self->blocks;
}

KnsQuiz *
kns_lesson_get_quiz (KnsLesson *self)
{
  g_return_val_if_fail (KNS_IS_LESSON (self), NULL);
  return self->quiz;
}

/**
 * kns_lesson_get_scenario:
 *
 * Returns: (transfer none) (nullable): the scenes, when the lesson is a
 *   scenario
 */
KnsScenario *
kns_lesson_get_scenario (KnsLesson *self)
{
  g_return_val_if_fail (KNS_IS_LESSON (self), NULL);
  return self->scenario;
}
