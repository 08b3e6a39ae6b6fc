/* kns-yaml.c
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

#include "kns-date.h"
#include "kns-text.h"
#include "kns-yaml.h"

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (yaml_parser_t, yaml_parser_delete)

/* Shown in place of a value that is not a single word or number. */
static const char *
describe_node (yaml_node_t *node)
{
  switch (node->type)
    {
    case YAML_SEQUENCE_NODE:
      return _("a list");
    case YAML_MAPPING_NODE:
      return _("a group of keys");
    case YAML_SCALAR_NODE:
      return (const char *) node->data.scalar.value;
    case YAML_NO_NODE:
    default:
      return _("nothing");
    }
}

static void
report_wrong_type (KnsParseContext *ctx,
                   yaml_node_t     *node,
                   const char      *key,
                   const char      *expected)
{
  kns_diagnose (ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_WRONG_TYPE, kns_yaml_line (node),
                _("“%s” must be %s, not “%s”."), key, expected, describe_node (node));
}

static void
report_missing (KnsParseContext *ctx,
                yaml_node_t     *mapping,
                const char      *key,
                const char      *expected)
{
  kns_diagnose (ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_MISSING_KEY, kns_yaml_line (mapping),
                _("The key “%s” is missing; it must be %s."), key, expected);
}

/* The first line up to @last_line with an odd number of double quotes,
 * or 0. Escaped quotes and quotes inside single quotes are skipped. */
static guint
find_unbalanced_quote (const char *text,
                       gsize       length,
                       guint       last_line)
{
  guint line = 1;
  guint quotes = 0;
  gboolean in_single = FALSE;

  for (gsize i = 0; i < length && line <= last_line; i++)
    {
      char c = text[i];

      if (c == '\n')
        {
          if (quotes % 2 == 1)
            return line;
          line++;
          quotes = 0;
          in_single = FALSE;
        }
      else if (c == '\\' && i + 1 < length)
        i++;
      else if (c == '\'' && quotes % 2 == 0)
        in_single = !in_single;
      else if (c == '"' && !in_single)
        quotes++;
    }

  return quotes % 2 == 1 ? line : 0;
}

gboolean
kns_yaml_parse_uint (const char *text,
                     guint64    *value)
{
  return text != NULL && *text != '\0' &&
         g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT32, value, NULL);
}

guint
kns_yaml_line (yaml_node_t *node)
{
  return node != NULL ? (guint) node->start_mark.line + 1 : 0;
}

gboolean
kns_yaml_is_scalar (yaml_node_t *node)
{
  return node != NULL && node->type == YAML_SCALAR_NODE;
}

const char *
kns_yaml_scalar (yaml_node_t *node)
{
  g_assert (kns_yaml_is_scalar (node));
  return (const char *) node->data.scalar.value;
}

/* The line where lists and groups first nest deeper than
 * KNS_CONTENT_MAX_DEPTH, or 0. Lesson details nest two deep and the
 * course four; libyaml's loader takes time quadratic in the depth (a
 * hundred thousand "[" took 39 s), while its event parser, stopped at
 * the limit, reads a few dozen events whatever follows. A syntax error
 * is left for the loader to report. */
static guint
find_too_deep (const char *text,
               gsize       length)
{
  g_auto(yaml_parser_t) parser = { 0 };
  guint depth = 0;

  if (!yaml_parser_initialize (&parser))
    g_error ("Out of memory initialising the YAML parser");
  yaml_parser_set_input_string (&parser, (const unsigned char *) text, length);
  yaml_parser_set_encoding (&parser, YAML_UTF8_ENCODING);

  for (;;)
    {
      yaml_event_t event;
      yaml_event_type_t type;
      guint line;

      if (!yaml_parser_parse (&parser, &event))
        return 0;
      type = event.type;
      line = (guint) event.start_mark.line + 1;
      yaml_event_delete (&event);

      if (type == YAML_SEQUENCE_START_EVENT || type == YAML_MAPPING_START_EVENT)
        {
          if (++depth > KNS_CONTENT_MAX_DEPTH)
            return line;
        }
      else if (type == YAML_SEQUENCE_END_EVENT || type == YAML_MAPPING_END_EVENT)
        depth--;
      else if (type == YAML_STREAM_END_EVENT)
        return 0;
    }
}

/* A key written twice: libyaml keeps both, and a lookup would find
 * only the first, so the author's edit of the second would do nothing. */
static gboolean
check_duplicate_keys (KnsYaml         *self,
                      KnsParseContext *ctx)
{
  gboolean ok = TRUE;

  for (yaml_node_t *node = self->document.nodes.start; node < self->document.nodes.top; node++)
    {
      g_autoptr(GHashTable) seen = NULL;

      if (node->type != YAML_MAPPING_NODE)
        continue;
      seen = g_hash_table_new (g_str_hash, g_str_equal);
      for (yaml_node_pair_t *pair = node->data.mapping.pairs.start;
           pair < node->data.mapping.pairs.top;
           pair++)
        {
          yaml_node_t *key = yaml_document_get_node (&self->document, pair->key);
          yaml_node_t *first;

          if (!kns_yaml_is_scalar (key))
            continue;
          first = g_hash_table_lookup (seen, kns_yaml_scalar (key));
          if (first == NULL)
            {
              g_hash_table_insert (seen, (gpointer) kns_yaml_scalar (key), key);
              continue;
            }
          kns_diagnose (ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_DUPLICATE_KEY, kns_yaml_line (key),
                        _("The key “%s” is written twice, on line %u and on this line; keep one."),
                        kns_yaml_scalar (key), kns_yaml_line (first) + ctx->line_offset);
          ok = FALSE;
        }
    }
  return ok;
}

gboolean
kns_yaml_load (KnsYaml         *self,
               KnsParseContext *ctx,
               const char      *text,
               gsize            length)
{
  g_auto(yaml_parser_t) parser = { 0 };
  guint too_deep;

  g_assert (self != NULL);
  g_assert (!self->loaded);

  if ((too_deep = find_too_deep (text, length)) > 0)
    {
      kns_diagnose (ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_TOO_DEEP, too_deep,
                    _("Lists and groups of keys are nested more than %d levels deep here; the "
                      "details of a lesson need two or three."),
                    KNS_CONTENT_MAX_DEPTH);
      return FALSE;
    }

  if (!yaml_parser_initialize (&parser))
    g_error ("Out of memory initialising the YAML parser");

  yaml_parser_set_input_string (&parser, (const unsigned char *) text, length);
  yaml_parser_set_encoding (&parser, YAML_UTF8_ENCODING);

  if (!yaml_parser_load (&parser, &self->document))
    {
      guint line = (guint) parser.problem_mark.line + 1;
      guint quote_line = find_unbalanced_quote (text, length, line);

      if (parser.context != NULL && g_str_has_suffix (parser.context, "quoted scalar"))
        quote_line = (guint) parser.context_mark.line + 1;

      /* A quotation mark left open swallows the lines after it, so libyaml
       * stumbles far below the slip; point at the slip instead. */
      if (quote_line > 0)
        kns_diagnose (ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_YAML_SYNTAX, quote_line,
                      _("A quotation mark (\") opens on this line but is never closed. Close "
                        "it at the end of the line, or remove it."));
      else
        /* libyaml's own words are English; the line is what helps most. */
        kns_diagnose (ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_YAML_SYNTAX, line,
                      _("The details are not valid YAML (%s). Check the colons, the "
                        "indentation and that each list item starts with “- ”."),
                      parser.problem ? parser.problem : "?");
      return FALSE;
    }

  self->loaded = TRUE;
  return check_duplicate_keys (self, ctx);
}

void
kns_yaml_clear (KnsYaml *self)
{
  if (self->loaded)
    yaml_document_delete (&self->document);
  self->loaded = FALSE;
}

yaml_node_t *
kns_yaml_root_mapping (KnsYaml         *self,
                       KnsParseContext *ctx,
                       const char      *what)
{
  yaml_node_t *root = yaml_document_get_root_node (&self->document);

  if (root == NULL || root->type != YAML_MAPPING_NODE)
    {
      kns_diagnose (ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_WRONG_TYPE,
                    root ? kns_yaml_line (root) : 1,
                    _("%s must be a list of “key: value” lines."), what);
      return NULL;
    }

  return root;
}

yaml_node_t *
kns_yaml_lookup (KnsYaml     *self,
                 yaml_node_t *mapping,
                 const char  *key)
{
  g_assert (mapping != NULL && mapping->type == YAML_MAPPING_NODE);

  for (yaml_node_pair_t *pair = mapping->data.mapping.pairs.start;
       pair < mapping->data.mapping.pairs.top;
       pair++)
    {
      yaml_node_t *k = yaml_document_get_node (&self->document, pair->key);

      if (kns_yaml_is_scalar (k) && strcmp (kns_yaml_scalar (k), key) == 0)
        return yaml_document_get_node (&self->document, pair->value);
    }

  return NULL;
}

void
kns_yaml_warn_unknown (KnsYaml            *self,
                       KnsParseContext    *ctx,
                       yaml_node_t        *mapping,
                       const char *const  *known)
{
  for (yaml_node_pair_t *pair = mapping->data.mapping.pairs.start;
       pair < mapping->data.mapping.pairs.top;
       pair++)
    {
      yaml_node_t *k = yaml_document_get_node (&self->document, pair->key);
      g_autofree char *list = NULL;

      if (kns_yaml_is_scalar (k) && g_strv_contains (known, kns_yaml_scalar (k)))
        continue;

      list = g_strjoinv (", ", (char **) known);
      kns_diagnose (ctx, KNS_SEVERITY_WARNING, KNS_CONTENT_ERROR_UNKNOWN_KEY, kns_yaml_line (k),
                    _("Unknown key “%s” is ignored; the known keys are: %s."),
                    k ? describe_node (k) : "?", list);
    }
}

gboolean
kns_yaml_get_string (KnsYaml         *self,
                     KnsParseContext *ctx,
                     yaml_node_t     *mapping,
                     const char      *key,
                     gboolean         required,
                     char           **value)
{
  yaml_node_t *node = kns_yaml_lookup (self, mapping, key);
  g_autofree char *text = NULL;

  if (node == NULL)
    {
      if (required)
        report_missing (ctx, mapping, key, _("a line of text"));
      return !required;
    }

  if (!kns_yaml_is_scalar (node))
    {
      report_wrong_type (ctx, node, key, _("a line of text"));
      return FALSE;
    }

  text = kns_text_strip (kns_yaml_scalar (node));
  if (required && *text == '\0')
    {
      kns_diagnose (ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_INVALID_VALUE, kns_yaml_line (node),
                    _("“%s” must not be empty."), key);
      return FALSE;
    }

  g_free (*value);
  *value = g_steal_pointer (&text);
  return TRUE;
}

static gboolean
read_uint (KnsParseContext *ctx,
           yaml_node_t     *node,
           const char      *key,
           guint            min,
           guint            max,
           guint           *value)
{
  g_autofree char *expected = g_strdup_printf (_("a whole number from %u to %u"), min, max);
  guint64 v;

  if (!kns_yaml_is_scalar (node) || !kns_yaml_parse_uint (kns_yaml_scalar (node), &v))
    {
      report_wrong_type (ctx, node, key, expected);
      return FALSE;
    }

  if (v < min || v > max)
    {
      kns_diagnose (ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_INVALID_VALUE, kns_yaml_line (node),
                    _("“%s” must be %s, not %s."), key, expected, kns_yaml_scalar (node));
      return FALSE;
    }

  *value = (guint) v;
  return TRUE;
}

gboolean
kns_yaml_get_uint (KnsYaml         *self,
                   KnsParseContext *ctx,
                   yaml_node_t     *mapping,
                   const char      *key,
                   guint            min,
                   guint            max,
                   guint           *value)
{
  yaml_node_t *node = kns_yaml_lookup (self, mapping, key);

  if (node == NULL)
    {
      g_autofree char *expected = g_strdup_printf (_("a whole number from %u to %u"), min, max);
      report_missing (ctx, mapping, key, expected);
      return FALSE;
    }

  return read_uint (ctx, node, key, min, max, value);
}

/* Lists may also be written as a single value ("topics: mật khẩu"):
 * authors do that, and it is not ambiguous. */
gboolean
kns_yaml_get_strv (KnsYaml         *self,
                   KnsParseContext *ctx,
                   yaml_node_t     *mapping,
                   const char      *key,
                   gboolean         required,
                   GStrv           *value)
{
  yaml_node_t *node = kns_yaml_lookup (self, mapping, key);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = 0;

  if (node == NULL)
    {
      if (required)
        report_missing (ctx, mapping, key, _("a list of lines, each starting with “- ”"));
      return !required;
    }

  if (kns_yaml_is_scalar (node))
    {
      g_autofree char *text = kns_text_strip (kns_yaml_scalar (node));

      if (*text != '\0')
        {
          g_strv_builder_add (builder, text);
          n++;
        }
    }
  else if (node->type == YAML_SEQUENCE_NODE)
    {
      for (yaml_node_item_t *item = node->data.sequence.items.start;
           item < node->data.sequence.items.top;
           item++)
        {
          yaml_node_t *child = yaml_document_get_node (&self->document, *item);
          g_autofree char *text = NULL;

          if (child != NULL && child->type == YAML_MAPPING_NODE)
            {
              /* The commonest slip: "- Nhận diện: …" reads as a key. */
              kns_diagnose (ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_WRONG_TYPE,
                            kns_yaml_line (child),
                            _("This item of “%s” contains “: ”, which YAML reads as a key. "
                              "Put the whole line in double quotes: - \"…\""),
                            key);
              return FALSE;
            }
          if (!kns_yaml_is_scalar (child))
            {
              report_wrong_type (ctx, child, key, _("a list of lines of text"));
              return FALSE;
            }

          text = kns_text_strip (kns_yaml_scalar (child));
          if (*text == '\0')
            continue;
          g_strv_builder_add (builder, text);
          n++;
        }
    }
  else
    {
      report_wrong_type (ctx, node, key, _("a list of lines, each starting with “- ”"));
      return FALSE;
    }

  if (required && n == 0)
    {
      kns_diagnose (ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_INVALID_VALUE, kns_yaml_line (node),
                    _("“%s” must list at least one item."), key);
      return FALSE;
    }

  g_strfreev (*value);
  *value = g_strv_builder_end (builder);
  return TRUE;
}

gboolean
kns_yaml_get_uint_list (KnsYaml         *self,
                        KnsParseContext *ctx,
                        yaml_node_t     *mapping,
                        const char      *key,
                        guint            min,
                        guint            max,
                        GArray         **value)
{
  yaml_node_t *node = kns_yaml_lookup (self, mapping, key);
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (guint));

  if (node == NULL)
    {
      g_autofree char *expected = g_strdup_printf (_("a whole number from %u to %u"), min, max);
      report_missing (ctx, mapping, key, expected);
      return FALSE;
    }

  if (kns_yaml_is_scalar (node))
    {
      guint v;

      if (!read_uint (ctx, node, key, min, max, &v))
        return FALSE;
      g_array_append_val (values, v);
    }
  else if (node->type == YAML_SEQUENCE_NODE)
    {
      for (yaml_node_item_t *item = node->data.sequence.items.start;
           item < node->data.sequence.items.top;
           item++)
        {
          guint v;

          if (!read_uint (ctx, yaml_document_get_node (&self->document, *item), key, min, max, &v))
            return FALSE;
          g_array_append_val (values, v);
        }
    }

  if (values->len == 0)
    {
      g_autofree char *expected = g_strdup_printf (_("a whole number from %u to %u"), min, max);
      report_wrong_type (ctx, node, key, expected);
      return FALSE;
    }

  if (*value != NULL)
    g_array_unref (*value);
  *value = g_steal_pointer (&values);
  return TRUE;
}

gboolean
kns_yaml_get_date (KnsYaml         *self,
                   KnsParseContext *ctx,
                   yaml_node_t     *mapping,
                   const char      *key,
                   GDate           *value)
{
  yaml_node_t *node = kns_yaml_lookup (self, mapping, key);
  const char *expected = _("a date written year-month-day, such as 2026-11-23");

  if (node == NULL)
    {
      report_missing (ctx, mapping, key, expected);
      return FALSE;
    }

  if (!kns_yaml_is_scalar (node) || !kns_date_parse_iso (kns_yaml_scalar (node), value))
    {
      report_wrong_type (ctx, node, key, expected);
      return FALSE;
    }
  return TRUE;
}
