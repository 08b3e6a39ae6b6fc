/* kns-scenario.h — a branching scenario: scenes, choices and endings
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

#pragma once

#include <glib-object.h>

#include "kns-markdown.h"

G_BEGIN_DECLS

/* Choices are numbered from 0; the store records one as the mask
 * 1 << index, as it records a quiz option. */
#define KNS_SCENARIO_MAX_CHOICES 6

typedef enum
{
  KNS_ENDING_NONE,   /* a scene with choices */
  KNS_ENDING_SAFE,   /* "Kết thúc an toàn" */
  KNS_ENDING_UNSAFE, /* "Kết thúc chưa an toàn" */
} KnsEndingKind;

typedef struct _KnsScene KnsScene;

typedef struct
{
  GPtrArray *spans;  /* KnsSpan: the link's words, without the link */
  char      *text;   /* plain, for screen readers and the path */
  char      *target; /* the id of the scene it leads to */
  KnsScene  *scene;  /* that scene, once the scenario is whole */
  guint      line;   /* in the file */
} KnsChoice;

struct _KnsScene
{
  char          *id;         /* from "## id" or "## Title {#id}" */
  guint          line;       /* of the heading, in the file */
  GPtrArray     *title;      /* KnsSpan, or NULL when the heading is only the id */
  char          *title_text; /* plain, or NULL */
  GPtrArray     *body;       /* KnsBlock: what happens */
  GPtrArray     *choices;    /* KnsChoice; empty for an ending */
  KnsEndingKind  ending;
  GPtrArray     *debrief;    /* KnsBlock, endings only: why, and what to do */
};

#define KNS_TYPE_SCENARIO (kns_scenario_get_type ())

typedef struct _KnsScenario KnsScenario;

GType        kns_scenario_get_type      (void) G_GNUC_CONST;
KnsScenario *kns_scenario_ref           (KnsScenario *self);
void         kns_scenario_unref         (KnsScenario *self);
KnsScene    *kns_scenario_get_start     (KnsScenario *self);
guint        kns_scenario_get_n_scenes  (KnsScenario *self);
KnsScene    *kns_scenario_get_scene     (KnsScenario *self,
                                         guint        index);
KnsScene    *kns_scenario_find_scene    (KnsScenario *self,
                                         const char  *id);
gboolean     kns_scene_is_ending        (const KnsScene *scene);
KnsScene    *kns_scene_follow           (const KnsScene *scene,
                                         guint           choice);
gboolean     kns_scene_has_help         (const KnsScene *scene);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KnsScenario, kns_scenario_unref)

G_END_DECLS
