/* kns-scenario-graph.c — what must hold between a scenario's scenes
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
 * Scenes and their choices make a directed graph. A child must always be
 * able to finish: every choice leads to a scene, every scene is an ending
 * or offers a choice, every scene can be reached from the start, from
 * every scene reached some path leads to an ending (a loop back to an
 * earlier scene is fine if it has a way out), and at least one ending is
 * safe.
 */

#define G_LOG_DOMAIN "kns-content"

#include "kns-config.h"

#include <glib/gi18n.h>

#include "kns-scenario-private.h"

/* Scenes store their line in the file; kns_diagnose() wants it relative
 * to the body. */
static guint
body_line (KnsParseContext *ctx,
           guint            line)
{
  return line > ctx->line_offset ? line - ctx->line_offset : 1;
}

static char *
list_ids (GPtrArray      *scenes,
          const gboolean *selected)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < scenes->len; i++)
    if (selected == NULL || selected[i])
      g_string_append_printf (out, "%s“%s”", out->len ? ", " : "",
                              ((KnsScene *) g_ptr_array_index (scenes, i))->id);
  return g_string_free (out, FALSE);
}

static guint
index_of (GPtrArray *scenes,
          KnsScene  *scene)
{
  guint index = 0;
  gboolean found = g_ptr_array_find (scenes, scene, &index);

  g_assert (found);
  return index;
}

/* Links each choice to its scene. */
static gboolean
resolve_choices (KnsParseContext *ctx,
                 GPtrArray       *scenes,
                 GHashTable      *ids)
{
  gboolean ok = TRUE;

  for (guint i = 0; i < scenes->len; i++)
    {
      KnsScene *scene = g_ptr_array_index (scenes, i);

      for (guint j = 0; j < scene->choices->len; j++)
        {
          KnsChoice *choice = g_ptr_array_index (scene->choices, j);
          g_autofree char *known = NULL;

          choice->scene = g_hash_table_lookup (ids, choice->target);
          if (choice->scene != NULL)
            continue;

          known = list_ids (scenes, NULL);
          kns_diagnose (ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_CHOICE_NOWHERE,
                        body_line (ctx, choice->line),
                        _("The choice “%s” leads to “#%s”, but there is no scene with that id. "
                          "The scenes are: %s."),
                        choice->text, choice->target, known);
          ok = FALSE;
        }
    }
  return ok;
}

static gboolean
check_dead_ends (KnsParseContext *ctx,
                 GPtrArray       *scenes)
{
  gboolean ok = TRUE;

  for (guint i = 0; i < scenes->len; i++)
    {
      KnsScene *scene = g_ptr_array_index (scenes, i);

      if (scene->ending != KNS_ENDING_NONE || scene->choices->len > 0)
        continue;

      kns_diagnose (ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_SCENE_DEAD_END,
                    body_line (ctx, scene->line),
                    _("The scene “%s” has no choices and is not an ending. Add choices "
                      "(- [What the child does](#next-scene)), or end it with “> **Kết thúc an "
                      "toàn:** …” or “> **Kết thúc chưa an toàn:** …”."),
                    scene->id);
      ok = FALSE;
    }
  return ok;
}

static KnsScene *
find_start (KnsParseContext *ctx,
            GPtrArray       *scenes,
            GHashTable      *ids,
            const char      *start,
            guint            start_line)
{
  KnsScene *scene = g_hash_table_lookup (ids, start);
  g_autofree char *known = NULL;
  guint offset = ctx->line_offset;

  if (scene != NULL)
    return scene;

  /* The front matter's line, not the body's. */
  known = list_ids (scenes, NULL);
  ctx->line_offset = 0;
  kns_diagnose (ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_SCENE_ID, start_line,
                _("“start: %s” names no scene; write the id of the first scene. The scenes "
                  "are: %s."),
                start, known);
  ctx->line_offset = offset;
  return NULL;
}

static gboolean
has_safe_ending (GPtrArray *scenes)
{
  for (guint i = 0; i < scenes->len; i++)
    if (((KnsScene *) g_ptr_array_index (scenes, i))->ending == KNS_ENDING_SAFE)
      return TRUE;
  return FALSE;
}

/* Marks every scene the choices lead to from @start. */
static gboolean *
find_reached (GPtrArray *scenes,
              KnsScene  *start)
{
  gboolean *reached = g_new0 (gboolean, scenes->len);
  g_autoptr(GPtrArray) queue = g_ptr_array_new ();

  reached[index_of (scenes, start)] = TRUE;
  g_ptr_array_add (queue, start);

  for (guint i = 0; i < queue->len; i++)
    {
      KnsScene *scene = g_ptr_array_index (queue, i);

      for (guint j = 0; j < scene->choices->len; j++)
        {
          KnsScene *next = ((KnsChoice *) g_ptr_array_index (scene->choices, j))->scene;
          guint k = index_of (scenes, next);

          if (reached[k])
            continue;
          reached[k] = TRUE;
          g_ptr_array_add (queue, next);
        }
    }
  return reached;
}

/* Marks every scene from which some path of choices reaches an ending:
 * the endings, then whatever leads to a marked scene, until nothing
 * changes. Scenarios have tens of scenes; this is quick enough. */
static gboolean *
find_can_end (GPtrArray *scenes)
{
  gboolean *can_end = g_new0 (gboolean, scenes->len);
  gboolean changed = TRUE;

  while (changed)
    {
      changed = FALSE;
      for (guint i = 0; i < scenes->len; i++)
        {
          KnsScene *scene = g_ptr_array_index (scenes, i);

          if (can_end[i])
            continue;
          can_end[i] = scene->ending != KNS_ENDING_NONE;
          for (guint j = 0; !can_end[i] && j < scene->choices->len; j++)
            can_end[i] = can_end[index_of (scenes, kns_scene_follow (scene, j))];
          changed |= can_end[i];
        }
    }
  return can_end;
}

static gboolean
check_reachable (KnsParseContext *ctx,
                 GPtrArray       *scenes,
                 const gboolean  *reached)
{
  gboolean ok = TRUE;

  for (guint i = 0; i < scenes->len; i++)
    {
      KnsScene *scene = g_ptr_array_index (scenes, i);

      if (reached[i])
        continue;
      kns_diagnose (ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_SCENE_UNREACHABLE,
                    body_line (ctx, scene->line),
                    _("No choice leads to the scene “%s”, so no child will ever see it. Link to "
                      "it from another scene (- […](#%s)), or remove it."),
                    scene->id, scene->id);
      ok = FALSE;
    }
  return ok;
}

/* Scenes a child can reach but never leave for an ending: one error,
 * at the first of them, naming them all. */
static gboolean
check_exits (KnsParseContext *ctx,
             GPtrArray       *scenes,
             const gboolean  *reached)
{
  g_autofree gboolean *can_end = find_can_end (scenes);
  g_autofree gboolean *trapped = g_new0 (gboolean, scenes->len);
  g_autofree char *names = NULL;
  KnsScene *first = NULL;

  for (guint i = 0; i < scenes->len; i++)
    {
      trapped[i] = reached[i] && !can_end[i];
      if (trapped[i] && first == NULL)
        first = g_ptr_array_index (scenes, i);
    }
  if (first == NULL)
    return TRUE;

  names = list_ids (scenes, trapped);
  kns_diagnose (ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_SCENE_NO_EXIT,
                body_line (ctx, first->line),
                _("From the scene “%s” no path of choices ever reaches an ending: the scenes %s "
                  "only lead to each other. Give one of them a choice that leads towards an ending."),
                first->id, names);
  return FALSE;
}

/**
 * kns_scenario_check_graph:
 * @start_scene: (out): the scene @start names, when the checks pass
 *
 * Returns: %FALSE if any check failed (and was reported)
 */
gboolean
kns_scenario_check_graph (KnsParseContext  *ctx,
                          GPtrArray        *scenes,
                          GHashTable       *ids,
                          const char       *start,
                          guint             start_line,
                          KnsScene        **start_scene)
{
  g_autofree gboolean *reached = NULL;
  KnsScene *first = NULL;
  gboolean ok = TRUE;

  g_assert (scenes->len > 0);
  *start_scene = NULL;

  ok &= resolve_choices (ctx, scenes, ids);
  ok &= check_dead_ends (ctx, scenes);
  if (start != NULL && (first = find_start (ctx, scenes, ids, start, start_line)) == NULL)
    ok = FALSE;

  /* What follows would only repeat those problems in other words. */
  if (!ok)
    return FALSE;

  if (!has_safe_ending (scenes))
    {
      kns_diagnose (ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_NO_SAFE_ENDING,
                    body_line (ctx, ((KnsScene *) g_ptr_array_index (scenes, 0))->line),
                    _("The scenario has no safe ending. At least one scene must show the child "
                      "what a safe choice leads to, with “> **Kết thúc an toàn:** …”."));
      ok = FALSE;
    }

  if (first == NULL)
    return FALSE;

  reached = find_reached (scenes, first);
  ok &= check_reachable (ctx, scenes, reached);
  ok &= check_exits (ctx, scenes, reached);

  if (ok)
    *start_scene = first;
  return ok;
}
