/* kns-scenario.c — parses a scenario body: "## scene", choices, endings
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
 * A scene is a "## id" heading (or "## Title {#id}"), its text, and
 * either a list of links to other scenes (the choices) or a call-out
 * "> **Kết thúc an toàn:** …" / "> **Kết thúc chưa an toàn:** …" that
 * makes it an ending and holds the debrief. The checks on the graph the
 * scenes make are in kns-scenario-graph.c.
 */

#define G_LOG_DOMAIN "kns-content"

#include "kns-config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kns-scenario-private.h"
#include "kns-text.h"

struct _KnsScenario
{
  GPtrArray  *scenes; /* KnsScene, in file order */
  GHashTable *ids;    /* id → KnsScene (borrowed) */
  KnsScene   *start;
};

G_DEFINE_BOXED_TYPE (KnsScenario, kns_scenario, kns_scenario_ref, kns_scenario_unref)

typedef struct
{
  KnsParseContext     *ctx;
  const KnsMediaScope *scope;
  GPtrArray           *scenes;
  GHashTable          *ids;
  KnsScene            *current;
  gboolean             had_choice_list; /* in the current scene */
  gboolean             warned_intro;
} Parser;

/* Written in front of a debrief, casefolded. */
static const struct
{
  const char    *marker;
  KnsEndingKind  kind;
} ending_markers[] = {
  { "kết thúc an toàn", KNS_ENDING_SAFE },
  { "kết thúc chưa an toàn", KNS_ENDING_UNSAFE },
  { "kết thúc không an toàn", KNS_ENDING_UNSAFE },
};

static void
choice_free (gpointer data)
{
  KnsChoice *choice = data;

  g_clear_pointer (&choice->spans, g_ptr_array_unref);
  g_free (choice->text);
  g_free (choice->target);
  g_free (choice);
}

static void
scene_free (gpointer data)
{
  KnsScene *scene = data;

  g_free (scene->id);
  g_free (scene->title_text);
  g_clear_pointer (&scene->title, g_ptr_array_unref);
  g_clear_pointer (&scene->body, g_ptr_array_unref);
  g_clear_pointer (&scene->choices, g_ptr_array_unref);
  g_clear_pointer (&scene->debrief, g_ptr_array_unref);
  g_free (scene);
}

static void
scenario_clear (gpointer data)
{
  KnsScenario *self = data;

  g_clear_pointer (&self->ids, g_hash_table_unref);
  g_clear_pointer (&self->scenes, g_ptr_array_unref);
}

KnsScenario *
kns_scenario_ref (KnsScenario *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_rc_box_acquire (self);
}

void
kns_scenario_unref (KnsScenario *self)
{
  g_return_if_fail (self != NULL);

  g_rc_box_release_full (self, scenario_clear);
}

KnsScene *
kns_scenario_get_start (KnsScenario *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->start;
}

guint
kns_scenario_get_n_scenes (KnsScenario *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->scenes->len;
}

KnsScene *
kns_scenario_get_scene (KnsScenario *self,
                        guint        index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->scenes->len, NULL);

  return g_ptr_array_index (self->scenes, index);
}

/**
 * kns_scenario_find_scene:
 *
 * Returns: (transfer none) (nullable): the scene called @id
 */
KnsScene *
kns_scenario_find_scene (KnsScenario *self,
                         const char  *id)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->ids, id);
}

gboolean
kns_scene_is_ending (const KnsScene *scene)
{
  g_return_val_if_fail (scene != NULL, FALSE);

  return scene->ending != KNS_ENDING_NONE;
}

/**
 * kns_scene_follow:
 * @choice: an index of @scene's choices
 *
 * Returns: (transfer none) (nullable): the scene @choice leads to, or
 *   %NULL when @scene has no such choice
 */
KnsScene *
kns_scene_follow (const KnsScene *scene,
                  guint           choice)
{
  g_return_val_if_fail (scene != NULL, NULL);

  if (choice >= scene->choices->len)
    return NULL;
  return ((KnsChoice *) g_ptr_array_index (scene->choices, choice))->scene;
}

static gboolean
blocks_have_help (GPtrArray *blocks)
{
  for (guint i = 0; blocks != NULL && i < blocks->len; i++)
    {
      KnsBlock *block = g_ptr_array_index (blocks, i);

      if (block->kind == KNS_BLOCK_CALLOUT &&
          (block->callout == KNS_CALLOUT_HELP || block->callout == KNS_CALLOUT_HOTLINE))
        return TRUE;
    }
  return FALSE;
}

/* Whether the author wrote where to get help ("Khi cần giúp đỡ", "Gọi
 * 111") in the scene; the player adds its own note otherwise. */
gboolean
kns_scene_has_help (const KnsScene *scene)
{
  g_return_val_if_fail (scene != NULL, FALSE);

  return blocks_have_help (scene->body) || blocks_have_help (scene->debrief);
}

static guint
local_line (cmark_node *node)
{
  return (guint) MAX (cmark_node_get_start_line (node), 1);
}

static gboolean
is_valid_scene_id (const char *id)
{
  gsize len = strlen (id);

  if (len == 0 || len > 64 || !(g_ascii_islower (id[0]) || g_ascii_isdigit (id[0])) ||
      id[len - 1] == '-')
    return FALSE;

  for (const char *p = id; *p; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || (*p == '-' && p[1] != '-')))
      return FALSE;

  return TRUE;
}

/* Removes @n_bytes from the end of the text, across spans, and the
 * blanks before them: takes the " {#id}" off a heading. */
static void
spans_strip_suffix (GPtrArray *spans,
                    gsize      n_bytes)
{
  while (n_bytes > 0 && spans->len > 0)
    {
      KnsSpan *span = g_ptr_array_index (spans, spans->len - 1);
      gsize len = strlen (span->text);

      if (len <= n_bytes)
        {
          n_bytes -= len;
          g_ptr_array_remove_index (spans, spans->len - 1);
          continue;
        }
      span->text[len - n_bytes] = '\0';
      n_bytes = 0;
    }

  while (spans->len > 0)
    {
      KnsSpan *span = g_ptr_array_index (spans, spans->len - 1);

      g_strchomp (span->text);
      if (*span->text != '\0')
        break;
      g_ptr_array_remove_index (spans, spans->len - 1);
    }
}

/* "## Title {#id}" gives both; "## id" gives the id alone. */
static char *
read_heading_id (Parser     *p,
                 KnsScene   *scene,
                 cmark_node *heading)
{
  g_autoptr(GPtrArray) spans = kns_markdown_convert_inlines (p->ctx, p->scope, heading, NULL);
  g_autofree char *raw = kns_spans_to_text (spans);
  g_autofree char *text = kns_text_strip (raw);
  gsize len = strlen (text);
  const char *open = len > 0 && text[len - 1] == '}' ? g_strrstr (text, "{#") : NULL;
  g_autofree char *id = NULL;

  if (open == NULL)
    {
      if (is_valid_scene_id (text))
        return g_steal_pointer (&text);
      kns_diagnose (p->ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_SCENE_STRUCTURE,
                    local_line (heading),
                    _("A scene heading needs the scene’s id: write “## %s {#short-id}”, or "
                      "only “## short-id”, using small letters without accents, digits and dashes."),
                    text);
      return NULL;
    }

  id = g_strndup (open + 2, text + len - 1 - (open + 2));
  if (!is_valid_scene_id (id))
    {
      kns_diagnose (p->ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_SCENE_ID, local_line (heading),
                    _("The scene id “%s” may use only small letters without accents, digits and "
                      "single dashes, such as “ke-voi-me”."),
                    id);
      return NULL;
    }

  /* The raw text may end in blanks that kns_text_strip() dropped. */
  spans_strip_suffix (spans, strlen (raw) - (g_strrstr (raw, "{#") - raw));
  if (spans->len > 0)
    {
      scene->title_text = g_strchomp (g_strndup (text, open - text));
      scene->title = g_steal_pointer (&spans);
    }
  return g_steal_pointer (&id);
}

static void
start_scene (Parser     *p,
             cmark_node *heading)
{
  KnsScene *scene = g_new0 (KnsScene, 1);
  KnsScene *other;

  scene->line = local_line (heading) + p->ctx->line_offset;
  scene->body = g_ptr_array_new_with_free_func ((GDestroyNotify) kns_block_free);
  scene->choices = g_ptr_array_new_with_free_func (choice_free);
  scene->id = read_heading_id (p, scene, heading);
  g_ptr_array_add (p->scenes, scene);
  p->current = scene;
  p->had_choice_list = FALSE;

  if (scene->id == NULL)
    return;

  other = g_hash_table_lookup (p->ids, scene->id);
  if (other != NULL)
    {
      kns_diagnose (p->ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_SCENE_ID, local_line (heading),
                    _("There is already a scene “%s” (line %u); every scene needs its own id."),
                    scene->id, other->line);
      return;
    }
  g_hash_table_insert (p->ids, scene->id, scene);
}

/* The link of a choice item: "- [words](#scene)", alone on its line. */
static cmark_node *
single_link (cmark_node *item)
{
  cmark_node *para = cmark_node_first_child (item);
  cmark_node *link = NULL;

  if (para == NULL || cmark_node_get_type (para) != CMARK_NODE_PARAGRAPH ||
      cmark_node_next (para) != NULL)
    return NULL;

  for (cmark_node *node = cmark_node_first_child (para); node; node = cmark_node_next (node))
    {
      cmark_node_type type = cmark_node_get_type (node);

      if (type == CMARK_NODE_LINK && link == NULL)
        link = node;
      else if (type == CMARK_NODE_SOFTBREAK ||
               (type == CMARK_NODE_TEXT && strspn (cmark_node_get_literal (node), " \t") ==
                                              strlen (cmark_node_get_literal (node))))
        continue;
      else
        return NULL;
    }

  return link;
}

static gboolean
links_to_scene (cmark_node *link)
{
  const char *url = cmark_node_get_url (link);

  return url != NULL && url[0] == '#';
}

/* A list is the choices when one of its items links to a scene. */
static gboolean
is_choice_list (cmark_node *list)
{
  for (cmark_node *item = cmark_node_first_child (list); item; item = cmark_node_next (item))
    {
      cmark_node *para = cmark_node_first_child (item);

      for (cmark_node *node = para ? cmark_node_first_child (para) : NULL; node;
           node = cmark_node_next (node))
        if (cmark_node_get_type (node) == CMARK_NODE_LINK && links_to_scene (node))
          return TRUE;
    }
  return FALSE;
}

static KnsChoice *
parse_choice (Parser     *p,
              cmark_node *item)
{
  cmark_node *link = single_link (item);
  g_autoptr(GPtrArray) spans = NULL;
  g_autofree char *text = NULL;
  KnsChoice *choice;

  if (link == NULL || !links_to_scene (link) || cmark_node_get_url (link)[1] == '\0')
    {
      kns_diagnose (p->ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_SCENE_STRUCTURE, local_line (item),
                    _("Each choice is one line holding one link to a scene, such as: "
                      "- [Tell mum](#tell-mum)."));
      return NULL;
    }

  spans = kns_markdown_convert_inlines (p->ctx, p->scope, link, NULL);
  text = kns_spans_to_text (spans);
  g_strstrip (text);
  if (*text == '\0')
    {
      kns_diagnose (p->ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_SCENE_STRUCTURE, local_line (item),
                    _("This choice has no words: write what the child does between “[” and “]”."));
      return NULL;
    }

  choice = g_new0 (KnsChoice, 1);
  choice->spans = g_steal_pointer (&spans);
  choice->text = g_steal_pointer (&text);
  choice->target = g_strdup (cmark_node_get_url (link) + 1);
  choice->line = local_line (item) + p->ctx->line_offset;
  return choice;
}

static void
parse_choices (Parser     *p,
               cmark_node *list)
{
  KnsScene *scene = p->current;

  for (cmark_node *item = cmark_node_first_child (list); item; item = cmark_node_next (item))
    {
      KnsChoice *choice = parse_choice (p, item);

      if (choice == NULL)
        continue;
      if (scene->choices->len == KNS_SCENARIO_MAX_CHOICES)
        {
          kns_diagnose (p->ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_SCENE_STRUCTURE,
                        local_line (item),
                        _("A scene offers at most %d choices; fewer are easier for a child."),
                        KNS_SCENARIO_MAX_CHOICES);
          choice_free (choice);
          return;
        }
      g_ptr_array_add (scene->choices, choice);
    }
}

static KnsEndingKind
lookup_ending (const char *marker)
{
  g_autofree char *folded = g_utf8_casefold (marker, -1);
  g_autofree char *nfc = g_utf8_normalize (folded, -1, G_NORMALIZE_NFC);

  for (guint i = 0; nfc != NULL && i < G_N_ELEMENTS (ending_markers); i++)
    if (strcmp (nfc, ending_markers[i].marker) == 0)
      return ending_markers[i].kind;
  return KNS_ENDING_NONE;
}

/* Takes "**Kết thúc an toàn:**" and the colon off the start of @quote,
 * and says which ending it marks. A near miss ("**Kết thúc:**") is an
 * error rather than a quote, so that no ending is lost to a typo; then
 * @rejected is set. */
static KnsEndingKind
take_ending_marker (Parser     *p,
                    cmark_node *quote,
                    gboolean   *rejected)
{
  cmark_node *strong = NULL;
  g_autofree char *marker = NULL;
  g_autofree char *folded = NULL;
  KnsEndingKind kind;

  *rejected = FALSE;
  if ((marker = kns_markdown_quote_marker (quote, &strong, NULL)) == NULL)
    return KNS_ENDING_NONE;

  kind = lookup_ending (marker);
  folded = g_utf8_casefold (marker, -1);
  if (kind == KNS_ENDING_NONE)
    {
      *rejected = g_str_has_prefix (folded, "kết thúc");
      if (*rejected)
        kns_diagnose (p->ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_SCENE_STRUCTURE,
                      local_line (strong),
                      _("“%s” is not an ending the app knows: write “**Kết thúc an toàn:**” or "
                        "“**Kết thúc chưa an toàn:**”."),
                      marker);
      return KNS_ENDING_NONE;
    }

  kns_markdown_drop_marker (strong);
  return kind;
}

static void
add_ending (Parser        *p,
            cmark_node    *quote,
            KnsEndingKind  kind)
{
  KnsScene *scene = p->current;
  guint errors_before = p->ctx->n_errors;
  g_autofree char *words = NULL;

  if (p->had_choice_list)
    {
      kns_diagnose (p->ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_SCENE_STRUCTURE, local_line (quote),
                    _("A scene with choices is not an ending. Put the ending in a scene of its "
                      "own, which a choice leads to."));
      return;
    }
  if (scene->ending != KNS_ENDING_NONE)
    {
      kns_diagnose (p->ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_SCENE_STRUCTURE, local_line (quote),
                    _("This scene already has an ending; a scene ends one way only."));
      return;
    }

  scene->ending = kind;
  scene->debrief = kns_markdown_convert_blocks (p->ctx, p->scope, cmark_node_first_child (quote));
  words = kns_blocks_to_text (scene->debrief);
  g_strstrip (words);
  if (p->ctx->n_errors == errors_before && *words == '\0')
    kns_diagnose (p->ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_SCENE_STRUCTURE, local_line (quote),
                  _("The ending says nothing: after the marker, explain why it is safe or not, "
                    "and what to do."));
}

/* One top-level block inside the current scene. */
static void
add_to_scene (Parser     *p,
              cmark_node *node)
{
  KnsScene *scene = p->current;

  if (cmark_node_get_type (node) == CMARK_NODE_LIST && is_choice_list (node))
    {
      if (scene->ending != KNS_ENDING_NONE)
        kns_diagnose (p->ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_SCENE_STRUCTURE, local_line (node),
                      _("An ending has no choices. Put these choices in a scene of their own."));
      else if (p->had_choice_list)
        kns_diagnose (p->ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_SCENE_STRUCTURE, local_line (node),
                      _("A scene has one list of choices; keep all its choices together."));
      else
        parse_choices (p, node);
      p->had_choice_list = TRUE;
      return;
    }

  if (cmark_node_get_type (node) == CMARK_NODE_BLOCK_QUOTE)
    {
      gboolean rejected;
      KnsEndingKind kind = take_ending_marker (p, node, &rejected);

      if (kind != KNS_ENDING_NONE)
        add_ending (p, node, kind);
      if (kind != KNS_ENDING_NONE || rejected)
        return;
    }

  if (p->had_choice_list)
    {
      kns_diagnose (p->ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_SCENE_STRUCTURE, local_line (node),
                    _("Nothing may follow a scene’s choices. Start the next scene with a line "
                      "“## scene-id”."));
      return;
    }

  kns_markdown_convert_block (p->ctx, p->scope, node,
                              scene->ending != KNS_ENDING_NONE ? scene->debrief : scene->body);
}

static void
parse_node (Parser     *p,
            cmark_node *node)
{
  if (cmark_node_get_type (node) == CMARK_NODE_HEADING && cmark_node_get_heading_level (node) == 2)
    {
      start_scene (p, node);
      return;
    }

  if (p->current == NULL)
    {
      if (!p->warned_intro)
        kns_diagnose (p->ctx, KNS_SEVERITY_WARNING, KNS_CONTENT_ERROR_SCENE_STRUCTURE, local_line (node),
                      _("Text before the first scene (“## …”) is not shown."));
      p->warned_intro = TRUE;
      return;
    }

  add_to_scene (p, node);
}

/**
 * kns_scenario_parse:
 *
 * Returns: (transfer full) (nullable): the scenario, or %NULL when it has
 *   errors (which are in @ctx's diagnostics)
 */
KnsScenario *
kns_scenario_parse (KnsParseContext     *ctx,
                    const KnsMediaScope *scope,
                    const char          *text,
                    gsize                length,
                    const char          *start,
                    guint                start_line)
{
  g_autoptr(cmark_node) doc = kns_markdown_parse_document (text, length);
  g_autoptr(GPtrArray) scenes = g_ptr_array_new_with_free_func (scene_free);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  guint errors_before = ctx->n_errors;
  KnsScene *start_scene = NULL;
  Parser p = { ctx, scope, scenes, ids, NULL, FALSE, FALSE };
  KnsScenario *scenario;

  g_assert (ctx != NULL);
  g_assert (text != NULL);

  for (cmark_node *node = cmark_node_first_child (doc); node; node = cmark_node_next (node))
    parse_node (&p, node);

  if (scenes->len == 0)
    {
      kns_diagnose (ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_SCENE_STRUCTURE, 1,
                    _("The scenario has no scenes. Each scene starts with a line “## scene-id”."));
      return NULL;
    }

  /* The graph is checked only when every scene could be read: a broken
   * heading would make its scene look unreachable too. */
  if (ctx->n_errors > errors_before ||
      !kns_scenario_check_graph (ctx, scenes, ids, start, start_line, &start_scene) ||
      start_scene == NULL)
    return NULL;

  scenario = g_rc_box_new0 (KnsScenario);
  scenario->scenes = g_steal_pointer (&scenes);
  scenario->ids = g_steal_pointer (&ids);
  scenario->start = start_scene;
  return scenario;
}
