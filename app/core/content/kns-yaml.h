/* kns-yaml.h — typed reads from a libyaml document, with line numbers
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

#include <yaml.h>

#include "kns-content-private.h"

G_BEGIN_DECLS

typedef struct
{
  yaml_document_t document;
  gboolean        loaded;
} KnsYaml;

gboolean     kns_yaml_load            (KnsYaml          *self,
                                       KnsParseContext  *ctx,
                                       const char       *text,
                                       gsize             length);
void         kns_yaml_clear           (KnsYaml          *self);
yaml_node_t *kns_yaml_root_mapping    (KnsYaml          *self,
                                       KnsParseContext  *ctx,
                                       const char       *what);
yaml_node_t *kns_yaml_lookup          (KnsYaml          *self,
                                       yaml_node_t      *mapping,
                                       const char       *key);
guint        kns_yaml_line            (yaml_node_t      *node);
gboolean     kns_yaml_is_scalar       (yaml_node_t      *node);
const char  *kns_yaml_scalar          (yaml_node_t      *node);
void         kns_yaml_warn_unknown    (KnsYaml          *self,
                                       KnsParseContext  *ctx,
                                       yaml_node_t      *mapping,
                                       const char *const *known);
gboolean     kns_yaml_get_string      (KnsYaml          *self,
                                       KnsParseContext  *ctx,
                                       yaml_node_t      *mapping,
                                       const char       *key,
                                       gboolean          required,
                                       char            **value);
gboolean     kns_yaml_get_uint        (KnsYaml          *self,
                                       KnsParseContext  *ctx,
                                       yaml_node_t      *mapping,
                                       const char       *key,
                                       guint             min,
                                       guint             max,
                                       guint            *value);
gboolean     kns_yaml_get_strv        (KnsYaml          *self,
                                       KnsParseContext  *ctx,
                                       yaml_node_t      *mapping,
                                       const char       *key,
                                       gboolean          required,
                                       GStrv            *value);
gboolean     kns_yaml_get_uint_list   (KnsYaml          *self,
                                       KnsParseContext  *ctx,
                                       yaml_node_t      *mapping,
                                       const char       *key,
                                       guint             min,
                                       guint             max,
                                       GArray          **value);
gboolean     kns_yaml_get_date        (KnsYaml          *self,
                                       KnsParseContext  *ctx,
                                       yaml_node_t      *mapping,
                                       const char       *key,
                                       GDate            *value);
gboolean     kns_yaml_parse_uint      (const char       *text,
                                       guint64          *value);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (KnsYaml, kns_yaml_clear)

G_END_DECLS
