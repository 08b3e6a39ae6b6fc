/* kns-scenario-private.h — the scenario parser, for the lesson loader
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

#include "kns-content-private.h"
#include "kns-scenario.h"

G_BEGIN_DECLS

/* @start and @start_line come from the front matter: the first scene's
 * id (NULL when missing, already reported) and the line, in the file,
 * that names it. */
KnsScenario *kns_scenario_parse (KnsParseContext     *ctx,
                                 const KnsMediaScope *scope,
                                 const char          *text,
                                 gsize                length,
                                 const char          *start,
                                 guint                start_line);

/* kns-scenario-graph.c: targets, dead ends, reachability, endings */
gboolean     kns_scenario_check_graph (KnsParseContext *ctx,
                                       GPtrArray       *scenes,
                                       GHashTable      *ids,
                                       const char      *start,
                                       guint            start_line,
                                       KnsScene       **start_scene);

G_END_DECLS
