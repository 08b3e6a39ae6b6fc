/* kns-course.c — loads course.yaml, every tier's lessons and quizzes
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
#include <stdlib.h>
#include <string.h>

#include "kns-content-private.h"
#include "kns-course.h"
#include "kns-school.h"
#include "kns-text.h"
#include "kns-yaml.h"

struct _KnsCourse
{
  GObject     parent_instance;

  char       *root;        /* as given, for messages */
  char       *real_root;   /* absolute, for keeping pictures inside */
  char       *title;
  GPtrArray  *tiers;       /* KnsTier, in course order */
  GHashTable *lessons;     /* id → KnsLesson */
  GHashTable *lesson_tier; /* KnsLesson → KnsTier */
  GPtrArray  *help;        /* KnsBlock, or NULL */
  KnsParentsPage *parents; /* the parents' page, or NULL */
  GPtrArray  *diagnostics; /* KnsDiagnostic, sorted by file and line */
};

G_DEFINE_FINAL_TYPE (KnsCourse, kns_course, G_TYPE_OBJECT)

/* What course.yaml says of a tier, kept while its folder is read. */
typedef struct
{
  KnsTier *tier;
  guint    lessons_line;
  GPtrArray *names; /* char *, file names without .md */
  GArray  *lines;   /* guint, where each name is listed */
  /* The session kit (kns-kit.c): file names without .md, and pledge */
  char    *check;
  char    *plan;
  guint    check_line;
  guint    plan_line;
  GStrv    pledge;
} TierSpec;

static const char *const course_keys[] = { "title", "language", "help", "parents", "tiers", NULL };
static const char *const tier_keys[] = {
  "id", "title", "ages", "level", "grades", "lessons", "check", "plan", "pledge", NULL
};

/* A tier's pledge: this many rules, each this short for lớp 1–3. */
#define PLEDGE_N_RULES      5
#define PLEDGE_TIER1_WORDS  8

static void
tier_spec_free (gpointer data)
{
  TierSpec *spec = data;

  g_clear_object (&spec->tier);
  g_clear_pointer (&spec->names, g_ptr_array_unref);
  g_clear_pointer (&spec->lines, g_array_unref);
  g_free (spec->check);
  g_free (spec->plan);
  g_strfreev (spec->pledge);
  g_free (spec);
}

static char *
strip_md_suffix (const char *name)
{
  if (g_str_has_suffix (name, ".md"))
    return g_strndup (name, strlen (name) - 3);
  return g_strdup (name);
}

static TierSpec *
find_spec (GPtrArray *specs,
           guint      id)
{
  for (guint i = 0; i < specs->len; i++)
    {
      TierSpec *spec = g_ptr_array_index (specs, i);

      if (kns_tier_get_id (spec->tier) == id)
        return spec;
    }
  return NULL;
}

static char *
list_tier_ids (GPtrArray *specs)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < specs->len; i++)
    g_string_append_printf (out, "%s%u", i ? ", " : "",
                            kns_tier_get_id (((TierSpec *) g_ptr_array_index (specs, i))->tier));
  return g_string_free (out, FALSE);
}

static void
read_tier_lessons (KnsYaml         *yaml,
                   KnsParseContext *ctx,
                   yaml_node_t     *map,
                   TierSpec        *spec)
{
  yaml_node_t *lessons = kns_yaml_lookup (yaml, map, "lessons");

  spec->names = g_ptr_array_new_with_free_func (g_free);
  spec->lines = g_array_new (FALSE, FALSE, sizeof (guint));
  spec->lessons_line = kns_yaml_line (lessons ? lessons : map);

  if (lessons == NULL || (kns_yaml_is_scalar (lessons) && *kns_yaml_scalar (lessons) == '\0'))
    return;

  if (lessons->type != YAML_SEQUENCE_NODE)
    {
      kns_diagnose (ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_WRONG_TYPE, spec->lessons_line,
                    _("“lessons” must be a list of lesson file names, each on a line starting "
                      "with “- ”."));
      return;
    }

  for (yaml_node_item_t *item = lessons->data.sequence.items.start;
       item < lessons->data.sequence.items.top;
       item++)
    {
      yaml_node_t *node = yaml_document_get_node (&yaml->document, *item);
      g_autofree char *name = NULL;
      guint line = kns_yaml_line (node);

      if (!kns_yaml_is_scalar (node) || strchr (kns_yaml_scalar (node), '/') != NULL)
        {
          kns_diagnose (ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_WRONG_TYPE, line,
                        _("A lesson is listed by its file name in the tier’s folder, such as "
                          "“01-internet-la-gi”."));
          continue;
        }

      name = strip_md_suffix (kns_yaml_scalar (node));
      for (guint i = 0; i < spec->names->len; i++)
        if (strcmp (g_ptr_array_index (spec->names, i), name) == 0)
          {
            kns_diagnose (ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_INVALID_VALUE, line,
                          _("The lesson “%s” is listed twice."), name);
            g_clear_pointer (&name, g_free);
            break;
          }
      if (name == NULL)
        continue;

      g_ptr_array_add (spec->names, g_steal_pointer (&name));
      g_array_append_val (spec->lines, line);
    }
}

static guint
count_words (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t", -1);
  guint n = 0;

  for (guint i = 0; words[i] != NULL; i++)
    n += words[i][0] != '\0';
  return n;
}

/* "check:", "plan:" and "pledge:" of a tier: the session kit. */
static void
read_tier_kit (KnsYaml         *yaml,
               KnsParseContext *ctx,
               yaml_node_t     *map,
               TierSpec        *spec)
{
  yaml_node_t *node;

  if (kns_yaml_get_string (yaml, ctx, map, "check", FALSE, &spec->check) && spec->check != NULL)
    {
      g_autofree char *name = strip_md_suffix (spec->check);

      g_free (spec->check);
      spec->check = g_steal_pointer (&name);
      spec->check_line = kns_yaml_line (kns_yaml_lookup (yaml, map, "check"));
    }
  if (kns_yaml_get_string (yaml, ctx, map, "plan", FALSE, &spec->plan) && spec->plan != NULL)
    {
      g_autofree char *name = strip_md_suffix (spec->plan);

      g_free (spec->plan);
      spec->plan = g_steal_pointer (&name);
      spec->plan_line = kns_yaml_line (kns_yaml_lookup (yaml, map, "plan"));
    }

  if (!kns_yaml_get_strv (yaml, ctx, map, "pledge", FALSE, &spec->pledge) || spec->pledge == NULL)
    return;
  node = kns_yaml_lookup (yaml, map, "pledge");
  if (g_strv_length (spec->pledge) != PLEDGE_N_RULES)
    {
      kns_diagnose (ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_INVALID_VALUE, kns_yaml_line (node),
                    _("“pledge” lists %u rules; the certificate prints exactly %d, each on a line "
                      "starting with “- ”."),
                    g_strv_length (spec->pledge), PLEDGE_N_RULES);
      g_clear_pointer (&spec->pledge, g_strfreev);
      return;
    }
  for (guint i = 0; kns_tier_get_id (spec->tier) == 1 && spec->pledge[i] != NULL; i++)
    if (count_words (spec->pledge[i]) > PLEDGE_TIER1_WORDS)
      kns_diagnose (ctx, KNS_SEVERITY_WARNING, KNS_CONTENT_ERROR_READING_LEVEL,
                    kns_yaml_line (node),
                    _("The rule “%s” has %u words; for lớp 1–3 keep each rule to %d or fewer."),
                    spec->pledge[i], count_words (spec->pledge[i]), PLEDGE_TIER1_WORDS);
}

static TierSpec *
read_tier (KnsYaml         *yaml,
           KnsParseContext *ctx,
           yaml_node_t     *map,
           GPtrArray       *specs)
{
  g_autofree char *title = NULL;
  g_autofree char *ages = NULL;
  g_autofree char *level = NULL;
  g_autoptr(GArray) grades = NULL;
  TierSpec *spec;
  guint id = 0;
  gboolean ok = TRUE;

  if (map->type != YAML_MAPPING_NODE)
    {
      kns_diagnose (ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_WRONG_TYPE, kns_yaml_line (map),
                    _("Each tier is a group of keys: id, title, grades and lessons."));
      return NULL;
    }

  kns_yaml_warn_unknown (yaml, ctx, map, tier_keys);
  ok &= kns_yaml_get_uint (yaml, ctx, map, "id", 1, KNS_N_TIERS, &id);
  ok &= kns_yaml_get_string (yaml, ctx, map, "title", TRUE, &title);
  ok &= kns_yaml_get_string (yaml, ctx, map, "ages", FALSE, &ages);
  ok &= kns_yaml_get_string (yaml, ctx, map, "level", FALSE, &level);
  ok &= kns_yaml_get_uint_list (yaml, ctx, map, "grades", 1, 12, &grades);

  if (ok && (grades->len != 2 || g_array_index (grades, guint, 0) > g_array_index (grades, guint, 1)))
    {
      kns_diagnose (ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_INVALID_VALUE,
                    kns_yaml_line (kns_yaml_lookup (yaml, map, "grades")),
                    _("“grades” must give the first and the last grade of the tier, such as [1, 3]."));
      ok = FALSE;
    }

  if (ok && find_spec (specs, id) != NULL)
    {
      kns_diagnose (ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_DUPLICATE_ID,
                    kns_yaml_line (kns_yaml_lookup (yaml, map, "id")),
                    _("There is already a tier %u."), id);
      ok = FALSE;
    }

  for (guint i = 0; ok && i < specs->len; i++)
    {
      KnsTier *other = ((TierSpec *) g_ptr_array_index (specs, i))->tier;

      if (g_array_index (grades, guint, 0) <= kns_tier_get_grade_max (other) &&
          g_array_index (grades, guint, 1) >= kns_tier_get_grade_min (other))
        {
          kns_diagnose (ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_INVALID_VALUE,
                        kns_yaml_line (kns_yaml_lookup (yaml, map, "grades")),
                        _("These grades overlap those of tier %u; a grade belongs to one tier."),
                        kns_tier_get_id (other));
          ok = FALSE;
        }
    }

  if (!ok)
    return NULL;

  spec = g_new0 (TierSpec, 1);
  spec->tier = kns_tier_new (id, title, g_array_index (grades, guint, 0),
                             g_array_index (grades, guint, 1));
  kns_tier_set_details (spec->tier, ages, level);
  read_tier_lessons (yaml, ctx, map, spec);
  read_tier_kit (yaml, ctx, map, spec);
  return spec;
}

static GPtrArray *
read_course_file (KnsCourse       *self,
                  KnsParseContext *ctx,
                  char           **help_file,
                  char           **parents_file)
{
  g_autoptr(GPtrArray) specs = g_ptr_array_new_with_free_func (tier_spec_free);
  g_autofree char *path = g_build_filename (self->root, "course.yaml", NULL);
  g_autofree char *text = NULL;
  g_auto(KnsYaml) yaml = { 0 };
  g_autofree char *language = NULL;
  yaml_node_t *root, *tiers;
  gsize length;

  if (!kns_read_text_file (ctx, path, &text, &length) ||
      !kns_text_check (ctx, text, length) ||
      !kns_yaml_load (&yaml, ctx, text, length) ||
      !(root = kns_yaml_root_mapping (&yaml, ctx, "course.yaml")))
    return g_steal_pointer (&specs);

  kns_yaml_warn_unknown (&yaml, ctx, root, course_keys);
  kns_yaml_get_string (&yaml, ctx, root, "title", TRUE, &self->title);
  kns_yaml_get_string (&yaml, ctx, root, "language", FALSE, &language);
  kns_yaml_get_string (&yaml, ctx, root, "help", FALSE, help_file);
  kns_yaml_get_string (&yaml, ctx, root, "parents", FALSE, parents_file);

  tiers = kns_yaml_lookup (&yaml, root, "tiers");
  if (tiers == NULL || tiers->type != YAML_SEQUENCE_NODE ||
      tiers->data.sequence.items.start == tiers->data.sequence.items.top)
    {
      kns_diagnose (ctx, KNS_SEVERITY_ERROR,
                    tiers ? KNS_CONTENT_ERROR_WRONG_TYPE : KNS_CONTENT_ERROR_MISSING_KEY,
                    kns_yaml_line (tiers ? tiers : root),
                    _("course.yaml must list its tiers under “tiers:”, each with id, title, "
                      "grades and lessons."));
      return g_steal_pointer (&specs);
    }

  for (yaml_node_item_t *item = tiers->data.sequence.items.start;
       item < tiers->data.sequence.items.top;
       item++)
    {
      TierSpec *spec = read_tier (&yaml, ctx, yaml_document_get_node (&yaml.document, *item), specs);

      if (spec != NULL)
        g_ptr_array_add (specs, spec);
    }

  return g_steal_pointer (&specs);
}

static KnsLesson *
load_lesson (KnsCourse  *self,
             const char *folder,
             const char *name)
{
  g_autofree char *file = g_strdup_printf ("%s.md", name);
  g_autofree char *quiz_file = g_strdup_printf ("%s.quiz.md", name);
  g_autofree char *path = g_build_filename (self->root, folder, file, NULL);
  g_autofree char *quiz_path = g_build_filename (self->root, folder, quiz_file, NULL);
  g_autofree char *base_dir = g_build_filename (self->real_root, folder, NULL);
  g_autoptr(KnsLesson) lesson = NULL;
  g_autofree char *text = NULL;
  KnsParseContext ctx;
  gsize length;

  kns_parse_context_init (&ctx, path, self->diagnostics);
  if (!kns_read_text_file (&ctx, path, &text, &length))
    return NULL;

  /* "NN-name.scenario" in course.yaml: scenes and choices, no quiz. */
  if (g_str_has_suffix (name, ".scenario"))
    return kns_lesson_parse_scenario (path, text, length, base_dir, self->real_root,
                                      self->diagnostics);

  lesson = kns_lesson_parse (path, text, length, base_dir, self->real_root, self->diagnostics);
  if (lesson == NULL)
    return NULL;

  if (g_file_test (quiz_path, G_FILE_TEST_EXISTS) &&
      !kns_lesson_load_quiz (lesson, quiz_path, quiz_path, self->real_root, self->diagnostics))
    return NULL;

  return g_steal_pointer (&lesson);
}

/* Checks that hold between a lesson and the rest of the course. */
static gboolean
check_lesson_place (KnsCourse *self,
                    GPtrArray *specs,
                    TierSpec  *spec,
                    KnsLesson *lesson)
{
  KnsParseContext ctx;
  KnsLesson *other;
  guint tier = kns_lesson_get_tier (lesson);

  kns_parse_context_init (&ctx, kns_lesson_get_file (lesson), self->diagnostics);

  if (find_spec (specs, tier) == NULL)
    {
      g_autofree char *ids = list_tier_ids (specs);

      kns_diagnose (&ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_UNKNOWN_TIER,
                    kns_lesson_get_tier_line (lesson),
                    _("There is no tier %u in course.yaml (its tiers are: %s)."), tier, ids);
      return FALSE;
    }

  if (tier != kns_tier_get_id (spec->tier))
    {
      kns_diagnose (&ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_TIER_MISMATCH,
                    kns_lesson_get_tier_line (lesson),
                    _("The lesson says “tier: %u” but lies in the folder of tier %u; move it "
                      "or correct the tier."),
                    tier, kns_tier_get_id (spec->tier));
      return FALSE;
    }

  other = g_hash_table_lookup (self->lessons, kns_lesson_get_id (lesson));
  if (other != NULL)
    {
      kns_diagnose (&ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_DUPLICATE_ID,
                    kns_lesson_get_id_line (lesson),
                    _("The id “%s” is already used by %s; every lesson needs its own id, and "
                      "an old id is never reused."),
                    kns_lesson_get_id (lesson), kns_lesson_get_file (other));
      return FALSE;
    }

  return TRUE;
}

static gboolean
is_listed (TierSpec   *spec,
           const char *name)
{
  for (guint i = 0; i < spec->names->len; i++)
    if (strcmp (g_ptr_array_index (spec->names, i), name) == 0)
      return TRUE;
  return FALSE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/* Files in a tier's folder that course.yaml does not account for. */
static void
check_folder (KnsCourse  *self,
              TierSpec   *spec,
              const char *folder)
{
  g_autofree char *dir_path = g_build_filename (self->root, folder, NULL);
  g_autofree char *course_file = g_build_filename (self->root, "course.yaml", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *entry;

  while (dir != NULL && (entry = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (entry));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      KnsParseContext ctx;

      if (g_str_has_suffix (name, ".quiz.md"))
        {
          g_autofree char *stem = g_strndup (name, strlen (name) - strlen (".quiz.md"));
          g_autofree char *lesson = g_strdup_printf ("%s.md", stem);
          g_autofree char *lesson_path = g_build_filename (dir_path, lesson, NULL);

          if (!g_file_test (lesson_path, G_FILE_TEST_EXISTS))
            {
              kns_parse_context_init (&ctx, path, self->diagnostics);
              kns_diagnose (&ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_ORPHAN_QUIZ, 0,
                            _("This quiz has no lesson: a quiz “NAME.quiz.md” belongs to the "
                              "lesson “NAME.md” in the same folder."));
            }
        }
      else if (g_str_has_suffix (name, ".md") && g_ascii_strcasecmp (name, "README.md") != 0)
        {
          g_autofree char *stem = strip_md_suffix (name);

          if (spec != NULL && (is_listed (spec, stem) || g_strcmp0 (stem, spec->check) == 0 ||
                               g_strcmp0 (stem, spec->plan) == 0))
            continue;

          if (spec != NULL && (g_str_has_suffix (stem, ".check") || g_str_has_suffix (stem, ".plan")))
            {
              kns_parse_context_init (&ctx, course_file, self->diagnostics);
              kns_diagnose (&ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_UNLISTED_LESSON,
                            spec->lessons_line,
                            _("The file %s is not named by tier %u, so it is not used; write "
                              "“%s: %s” in the tier."),
                            path, kns_tier_get_id (spec->tier),
                            g_str_has_suffix (stem, ".check") ? "check" : "plan", stem);
              continue;
            }

          kns_parse_context_init (&ctx, course_file, self->diagnostics);
          if (spec != NULL)
            kns_diagnose (&ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_UNLISTED_LESSON,
                          spec->lessons_line,
                          _("The lesson %s is not listed under “lessons” of tier %u, so it is "
                            "not shown; add “%s” to the list."),
                          path, kns_tier_get_id (spec->tier), stem);
        }
    }
}

/* Folders named tier-N for a tier course.yaml does not have. */
static void
check_unknown_tier_folders (KnsCourse *self,
                            GPtrArray *specs)
{
  g_autoptr(GDir) dir = g_dir_open (self->root, 0, NULL);
  const char *entry;

  while (dir != NULL && (entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *ids = NULL;
      KnsParseContext ctx;
      guint64 id;

      if (!g_str_has_prefix (entry, "tier-"))
        continue;
      if (kns_yaml_parse_uint (entry + strlen ("tier-"), &id) && find_spec (specs, (guint) id))
        continue;

      path = g_build_filename (self->root, entry, NULL);
      if (!g_file_test (path, G_FILE_TEST_IS_DIR))
        continue;

      ids = list_tier_ids (specs);
      kns_parse_context_init (&ctx, path, self->diagnostics);
      kns_diagnose (&ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_UNKNOWN_TIER, 0,
                    _("The folder %s is not a tier of course.yaml (its tiers are: %s); its "
                      "lessons are not shown."),
                    entry, ids);
    }
}

static void
load_tier (KnsCourse    *self,
           GPtrArray    *specs,
           TierSpec     *spec,
           GCancellable *cancellable)
{
  g_autofree char *folder = g_strdup_printf ("tier-%u", kns_tier_get_id (spec->tier));
  g_autofree char *course_file = g_build_filename (self->root, "course.yaml", NULL);

  for (guint i = 0; i < spec->names->len; i++)
    {
      const char *name = g_ptr_array_index (spec->names, i);
      g_autofree char *file = g_strdup_printf ("%s.md", name);
      g_autofree char *path = g_build_filename (self->root, folder, file, NULL);
      g_autoptr(KnsLesson) lesson = NULL;

      if (g_cancellable_is_cancelled (cancellable))
        return;

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        {
          KnsParseContext ctx;

          kns_parse_context_init (&ctx, course_file, self->diagnostics);
          kns_diagnose (&ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_MISSING_LESSON,
                        g_array_index (spec->lines, guint, i),
                        _("The lesson “%s” is listed, but there is no file %s."), name, path);
          continue;
        }

      lesson = load_lesson (self, folder, name);
      if (lesson == NULL || !check_lesson_place (self, specs, spec, lesson))
        continue;

      g_hash_table_insert (self->lessons, g_strdup (kns_lesson_get_id (lesson)), g_object_ref (lesson));
      g_hash_table_insert (self->lesson_tier, lesson, spec->tier);
      kns_tier_add_lesson (spec->tier, lesson);
    }

  check_folder (self, spec, folder);
}

/* Reads a kit file named in course.yaml; NULL (and an error) without it. */
static char *
read_kit_file (KnsCourse  *self,
               const char *relative,
               guint       line,
               gsize      *length,
               char      **path)
{
  g_autofree char *course_file = g_build_filename (self->root, "course.yaml", NULL);
  g_autofree char *file = g_strdup_printf ("%s.md", relative);
  char *text = NULL;
  KnsParseContext ctx;

  *path = g_build_filename (self->root, file, NULL);
  if (!g_file_test (*path, G_FILE_TEST_EXISTS))
    {
      kns_parse_context_init (&ctx, course_file, self->diagnostics);
      kns_diagnose (&ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_MISSING_LESSON, line,
                    _("“%s” is named, but there is no file %s."), relative, *path);
      return NULL;
    }
  kns_parse_context_init (&ctx, *path, self->diagnostics);
  if (!kns_read_text_file (&ctx, *path, &text, length))
    return NULL;
  return text;
}

/* Whether the plan's lessons and scenario are the tier's own. */
static gboolean
check_plan_place (KnsCourse *self,
                  KnsTier   *tier,
                  KnsPlan   *plan)
{
  KnsParseContext ctx;
  KnsLesson *scenario = kns_course_lookup_lesson (self, plan->scenario);
  gboolean ok = TRUE;

  kns_parse_context_init (&ctx, plan->file, self->diagnostics);
  for (guint i = 0; plan->lessons[i] != NULL; i++)
    {
      KnsLesson *lesson = kns_course_lookup_lesson (self, plan->lessons[i]);

      if (lesson == NULL || kns_course_get_lesson_tier (self, lesson) != tier ||
          kns_lesson_get_scenario (lesson) != NULL)
        {
          kns_diagnose (&ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_UNKNOWN_REFERENCE,
                        plan->lessons_line,
                        _("“%s” is not a lesson of tier %u; “lessons” lists the ids of lessons "
                          "(not scenarios) of the plan’s tier."),
                        plan->lessons[i], kns_tier_get_id (tier));
          ok = FALSE;
        }
    }

  if (scenario == NULL || kns_course_get_lesson_tier (self, scenario) != tier ||
      kns_lesson_get_scenario (scenario) == NULL)
    {
      kns_diagnose (&ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_UNKNOWN_REFERENCE,
                    plan->scenario_line,
                    _("“%s” is not a scenario of tier %u; “scenario” is the id of one of its "
                      "scenarios."),
                    plan->scenario, kns_tier_get_id (tier));
      ok = FALSE;
    }
  return ok;
}

/* The tier's check and plan, once its lessons are known. */
static void
load_kit (KnsCourse *self,
          TierSpec  *spec)
{
  guint id = kns_tier_get_id (spec->tier);
  g_autofree char *folder = g_strdup_printf ("tier-%u", id);
  g_autofree char *base_dir = g_build_filename (self->real_root, folder, NULL);
  g_autoptr(KnsCheck) check = NULL;
  g_autoptr(KnsPlan) plan = NULL;

  if (spec->check != NULL)
    {
      g_autofree char *relative = g_build_filename (folder, spec->check, NULL);
      g_autofree char *path = NULL;
      g_autofree char *text = NULL;
      gsize length;

      if ((text = read_kit_file (self, relative, spec->check_line, &length, &path)) != NULL)
        check = kns_check_parse (path, id, text, length, base_dir, self->real_root,
                                 self->diagnostics);
    }

  if (spec->plan != NULL)
    {
      g_autofree char *relative = g_build_filename (folder, spec->plan, NULL);
      g_autofree char *path = NULL;
      g_autofree char *text = NULL;
      gsize length;

      if ((text = read_kit_file (self, relative, spec->plan_line, &length, &path)) != NULL)
        plan = kns_plan_parse (path, id, text, length, base_dir, self->real_root,
                               self->diagnostics);
      if (plan != NULL && !check_plan_place (self, spec->tier, plan))
        g_clear_pointer (&plan, kns_plan_unref);
    }

  kns_tier_set_kit (spec->tier, check, plan, (const char * const *) spec->pledge);
}

static void
load_parents (KnsCourse  *self,
              const char *parents_file)
{
  g_autofree char *relative = strip_md_suffix (parents_file);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  gsize length;

  if ((text = read_kit_file (self, relative, 0, &length, &path)) != NULL)
    self->parents = kns_parents_page_parse (path, text, length, self->real_root, self->real_root,
                                            self->diagnostics);
}

static void
load_help (KnsCourse  *self,
           const char *help_file)
{
  g_autofree char *path = g_build_filename (self->root, help_file, NULL);
  g_autofree char *text = NULL;
  KnsMediaScope scope = { self->real_root, self->real_root };
  KnsParseContext ctx;
  gsize length;

  kns_parse_context_init (&ctx, path, self->diagnostics);
  if (!kns_read_text_file (&ctx, path, &text, &length) || !kns_text_check (&ctx, text, length))
    return;

  self->help = kns_markdown_parse_text (&ctx, &scope, text, length);
  if (self->help->len == 0)
    kns_diagnose (&ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_EMPTY_BODY, 1,
                  _("The help page is empty; it should list where a child can get help."));
  if (ctx.n_errors > 0)
    g_clear_pointer (&self->help, g_ptr_array_unref);
}

static void
kns_course_finalize (GObject *object)
{
  KnsCourse *self = (KnsCourse *) object;

  g_free (self->root);
  g_free (self->real_root);
  g_free (self->title);
  g_clear_pointer (&self->tiers, g_ptr_array_unref);
  g_clear_pointer (&self->lessons, g_hash_table_unref);
  g_clear_pointer (&self->lesson_tier, g_hash_table_unref);
  g_clear_pointer (&self->help, g_ptr_array_unref);
  g_clear_pointer (&self->parents, kns_parents_page_unref);
  g_clear_pointer (&self->diagnostics, g_ptr_array_unref);

  G_OBJECT_CLASS (kns_course_parent_class)->finalize (object);
}

static void
kns_course_class_init (KnsCourseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kns_course_finalize;
}

static void
kns_course_init (KnsCourse *self)
{
  self->tiers = g_ptr_array_new_with_free_func (g_object_unref);
  self->lessons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->lesson_tier = g_hash_table_new (NULL, NULL);
  self->diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) kns_diagnostic_unref);
}

/**
 * kns_course_find_root:
 * @dir: a content folder: the one holding course.yaml, or its parent
 *   holding vi/course.yaml
 *
 * Returns: (transfer full) (nullable): the folder holding course.yaml
 */
char *
kns_course_find_root (const char *dir)
{
  g_autofree char *direct = NULL;
  g_autofree char *nested = NULL;

  g_return_val_if_fail (dir != NULL, NULL);

  direct = g_build_filename (dir, "course.yaml", NULL);
  if (g_file_test (direct, G_FILE_TEST_IS_REGULAR))
    return g_strdup (dir);

  nested = g_build_filename (dir, "vi", "course.yaml", NULL);
  if (g_file_test (nested, G_FILE_TEST_IS_REGULAR))
    return g_build_filename (dir, "vi", NULL);

  return NULL;
}

static int
compare_diagnostics (gconstpointer a,
                     gconstpointer b)
{
  return kns_diagnostic_compare (*(KnsDiagnostic **) a, *(KnsDiagnostic **) b);
}

/**
 * kns_course_load:
 * @dir: the content folder
 *
 * Loads everything that can be loaded. A lesson with errors is left out
 * and its problems are in kns_course_get_diagnostics(); one bad lesson
 * never stops the others.
 *
 * Returns: (transfer full): the course, or %NULL only when cancelled
 */
KnsCourse *
kns_course_load (const char    *dir,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(KnsCourse) self = NULL;
  g_autoptr(GPtrArray) specs = NULL;
  g_autofree char *help_file = NULL;
  g_autofree char *parents_file = NULL;
  g_autofree char *course_file = NULL;
  KnsParseContext ctx;

  g_return_val_if_fail (dir != NULL, NULL);

  self = g_object_new (KNS_TYPE_COURSE, NULL);
  self->root = kns_course_find_root (dir);

  if (self->root == NULL)
    {
      g_autofree char *expected = g_build_filename (dir, "course.yaml", NULL);

      self->root = g_strdup (dir);
      kns_parse_context_init (&ctx, expected, self->diagnostics);
      kns_diagnose (&ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_UNREADABLE, 0,
                    _("There is no course here: a content folder holds course.yaml (or "
                      "vi/course.yaml) and one folder per tier."));
      return g_steal_pointer (&self);
    }

  self->real_root = realpath (self->root, NULL);
  if (self->real_root == NULL)
    self->real_root = g_canonicalize_filename (self->root, NULL);

  course_file = g_build_filename (self->root, "course.yaml", NULL);
  kns_parse_context_init (&ctx, course_file, self->diagnostics);
  specs = read_course_file (self, &ctx, &help_file, &parents_file);

  for (guint i = 0; i < specs->len; i++)
    {
      TierSpec *spec = g_ptr_array_index (specs, i);

      load_tier (self, specs, spec, cancellable);
      load_kit (self, spec);
      g_ptr_array_add (self->tiers, g_object_ref (spec->tier));
    }
  check_unknown_tier_folders (self, specs);

  if (help_file != NULL)
    load_help (self, help_file);
  if (parents_file != NULL)
    load_parents (self, parents_file);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  g_ptr_array_sort (self->diagnostics, compare_diagnostics);
  return g_steal_pointer (&self);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  KnsCourse *course = kns_course_load (task_data, cancellable, &error);

  if (course == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, course, g_object_unref);
}

void
kns_course_load_async (const char          *dir,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (dir != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, kns_course_load_async);
  g_task_set_task_data (task, g_strdup (dir), g_free);
  g_task_run_in_thread (task, load_thread);
}

KnsCourse *
kns_course_load_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

const char *
kns_course_get_title (KnsCourse *self)
{
  g_return_val_if_fail (KNS_IS_COURSE (self), NULL);
  return self->title;
}

const char *
kns_course_get_root (KnsCourse *self)
{
  g_return_val_if_fail (KNS_IS_COURSE (self), NULL);
  return self->root;
}

/**
 * kns_course_get_tiers:
 *
 * Returns: (transfer none) (element-type KnsTier): the tiers in course order
 */
GPtrArray *
kns_course_get_tiers (KnsCourse *self)
{
  g_return_val_if_fail (KNS_IS_COURSE (self), NULL);
  return self->tiers;
}

KnsTier *
kns_course_get_tier (KnsCourse *self,
                     guint      id)
{
  g_return_val_if_fail (KNS_IS_COURSE (self), NULL);

  for (guint i = 0; i < self->tiers->len; i++)
    if (kns_tier_get_id (g_ptr_array_index (self->tiers, i)) == id)
      return g_ptr_array_index (self->tiers, i);
  return NULL;
}

/* A learner's grade picks the tier. */
KnsTier *
kns_course_get_tier_for_grade (KnsCourse *self,
                               guint      grade)
{
  g_return_val_if_fail (KNS_IS_COURSE (self), NULL);

  for (guint i = 0; i < self->tiers->len; i++)
    if (kns_tier_has_grade (g_ptr_array_index (self->tiers, i), grade))
      return g_ptr_array_index (self->tiers, i);
  return NULL;
}

KnsLesson *
kns_course_lookup_lesson (KnsCourse  *self,
                          const char *id)
{
  g_return_val_if_fail (KNS_IS_COURSE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->lessons, id);
}

KnsTier *
kns_course_get_lesson_tier (KnsCourse *self,
                            KnsLesson *lesson)
{
  g_return_val_if_fail (KNS_IS_COURSE (self), NULL);
  g_return_val_if_fail (KNS_IS_LESSON (lesson), NULL);

  return g_hash_table_lookup (self->lesson_tier, lesson);
}

guint
kns_course_get_n_lessons (KnsCourse *self)
{
  g_return_val_if_fail (KNS_IS_COURSE (self), 0);
  return g_hash_table_size (self->lessons);
}

/**
 * kns_course_get_help:
 *
 * Returns: (transfer none) (nullable) (element-type KnsBlock): the "Cần
 *   giúp đỡ?" page: where a child can get help
 */
GPtrArray *
kns_course_get_help (KnsCourse *self)
{
  g_return_val_if_fail (KNS_IS_COURSE (self), NULL);
  return self->help;
}

/**
 * kns_course_get_diagnostics:
 *
 * Returns: (transfer none) (element-type KnsDiagnostic): every problem
 *   found, sorted by file and line
 */
GPtrArray *
kns_course_get_diagnostics (KnsCourse *self)
{
  g_return_val_if_fail (KNS_IS_COURSE (self), NULL);
  return self->diagnostics;
}

static guint
count_severity (KnsCourse   *self,
                KnsSeverity  severity)
{
  guint n = 0;

  for (guint i = 0; i < self->diagnostics->len; i++)
    if (((KnsDiagnostic *) g_ptr_array_index (self->diagnostics, i))->severity == severity)
      n++;
  return n;
}

guint
kns_course_get_n_errors (KnsCourse *self)
{
  g_return_val_if_fail (KNS_IS_COURSE (self), 0);
  return count_severity (self, KNS_SEVERITY_ERROR);
}

guint
kns_course_get_n_warnings (KnsCourse *self)
{
  g_return_val_if_fail (KNS_IS_COURSE (self), 0);
  return count_severity (self, KNS_SEVERITY_WARNING);
}

/**
 * kns_course_get_parents:
 *
 * Returns: (transfer none) (nullable): the parents' page (course.yaml's
 *   `parents:`), or %NULL when there is none or it has errors
 */
KnsParentsPage *
kns_course_get_parents (KnsCourse *self)
{
  g_return_val_if_fail (KNS_IS_COURSE (self), NULL);
  return self->parents;
}
