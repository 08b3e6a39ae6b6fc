/* kns-content-error.c
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

#include "kns-content-error.h"
#include "kns-content-private.h"
#include "kns-file.h"

typedef struct
{
  KnsDiagnostic   public;
  gatomicrefcount ref_count;
} KnsDiagnosticReal;

G_DEFINE_QUARK (kns-content-error-quark, kns_content_error)
G_DEFINE_BOXED_TYPE (KnsDiagnostic, kns_diagnostic, kns_diagnostic_ref, kns_diagnostic_unref)

KnsDiagnostic *
kns_diagnostic_new (KnsSeverity      severity,
                    KnsContentError  code,
                    const char      *file,
                    guint            line,
                    const char      *message)
{
  KnsDiagnosticReal *real;

  g_return_val_if_fail (file != NULL, NULL);
  g_return_val_if_fail (message != NULL, NULL);

  real = g_new0 (KnsDiagnosticReal, 1);
  g_atomic_ref_count_init (&real->ref_count);
  real->public.severity = severity;
  real->public.code = code;
  real->public.file = g_strdup (file);
  real->public.line = line;
  real->public.message = g_strdup (message);

  return &real->public;
}

KnsDiagnostic *
kns_diagnostic_ref (KnsDiagnostic *self)
{
  KnsDiagnosticReal *real = (KnsDiagnosticReal *) self;

  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&real->ref_count);
  return self;
}

void
kns_diagnostic_unref (KnsDiagnostic *self)
{
  KnsDiagnosticReal *real = (KnsDiagnosticReal *) self;

  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&real->ref_count))
    {
      g_free (self->file);
      g_free (self->message);
      g_free (real);
    }
}

/**
 * kns_diagnostic_format:
 *
 * Formats @self the way compilers do, so that editors can jump to it:
 * `FILE:LINE: error: MESSAGE`. The words "error" and "warning" stay in
 * English for those tools; the message is translated.
 */
char *
kns_diagnostic_format (const KnsDiagnostic *self)
{
  g_autofree char *file = NULL;
  g_autofree char *line = NULL;
  const char *kind;

  g_return_val_if_fail (self != NULL, NULL);

  kind = self->severity == KNS_SEVERITY_ERROR ? "error" : "warning";
  file = kns_file_display_name (self->file);
  if (self->line > 0)
    line = g_strdup_printf ("%s:%u: %s: %s", file, self->line, kind, self->message);
  else
    line = g_strdup_printf ("%s: %s: %s", file, kind, self->message);
  /* A file's name or a quoted value can hold terminal escapes. */
  return kns_text_replace_controls (line);
}

int
kns_diagnostic_compare (const KnsDiagnostic *a,
                        const KnsDiagnostic *b)
{
  int cmp = g_strcmp0 (a->file, b->file);

  if (cmp != 0)
    return cmp;
  if (a->line != b->line)
    return a->line < b->line ? -1 : 1;
  return g_strcmp0 (a->message, b->message);
}

void
kns_parse_context_init (KnsParseContext *ctx,
                        const char      *file,
                        GPtrArray       *diagnostics)
{
  g_assert (ctx != NULL);
  g_assert (file != NULL);
  g_assert (diagnostics != NULL);

  ctx->file = file;
  ctx->diagnostics = diagnostics;
  ctx->line_offset = 0;
  ctx->n_errors = 0;
  ctx->depth = 0;
  ctx->too_deep = FALSE;
}

void
kns_diagnose (KnsParseContext *ctx,
              KnsSeverity      severity,
              KnsContentError  code,
              guint            line,
              const char      *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (line > 0)
    line += ctx->line_offset;
  if (severity == KNS_SEVERITY_ERROR)
    ctx->n_errors++;

  g_ptr_array_add (ctx->diagnostics,
                   kns_diagnostic_new (severity, code, ctx->file, line, message));
}
