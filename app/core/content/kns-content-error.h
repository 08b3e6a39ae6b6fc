/* kns-content-error.h
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

G_BEGIN_DECLS

#define KNS_CONTENT_ERROR (kns_content_error_quark ())

/* One code for each kind of problem an author can make; tests assert on
 * them, and the UI may group by them. */
typedef enum
{
  KNS_CONTENT_ERROR_UNREADABLE,
  KNS_CONTENT_ERROR_INVALID_UTF8,
  KNS_CONTENT_ERROR_NOT_NFC,
  KNS_CONTENT_ERROR_NO_FRONT_MATTER,
  KNS_CONTENT_ERROR_YAML_SYNTAX,
  KNS_CONTENT_ERROR_MISSING_KEY,
  KNS_CONTENT_ERROR_WRONG_TYPE,
  KNS_CONTENT_ERROR_INVALID_VALUE,
  KNS_CONTENT_ERROR_UNKNOWN_KEY,
  KNS_CONTENT_ERROR_DUPLICATE_ID,
  KNS_CONTENT_ERROR_TIER_MISMATCH,
  KNS_CONTENT_ERROR_UNKNOWN_TIER,
  KNS_CONTENT_ERROR_MISSING_LESSON,
  KNS_CONTENT_ERROR_UNLISTED_LESSON,
  KNS_CONTENT_ERROR_ORPHAN_QUIZ,
  KNS_CONTENT_ERROR_EMPTY_BODY,
  KNS_CONTENT_ERROR_QUIZ_STRUCTURE,
  KNS_CONTENT_ERROR_OPTION_MARK,
  KNS_CONTENT_ERROR_NO_OPTIONS,
  KNS_CONTENT_ERROR_SINGLE_OPTION,
  KNS_CONTENT_ERROR_NO_CORRECT_OPTION,
  KNS_CONTENT_ERROR_NO_EXPLANATION,
  KNS_CONTENT_ERROR_IMAGE_MISSING,
  KNS_CONTENT_ERROR_IMAGE_OUTSIDE,
  KNS_CONTENT_ERROR_IMAGE_NO_ALT,
  KNS_CONTENT_ERROR_UNKNOWN_CALLOUT,
  KNS_CONTENT_ERROR_RAW_HTML,
  KNS_CONTENT_ERROR_NO_HELP_CALLOUT,
  KNS_CONTENT_ERROR_TOO_DEEP,
  KNS_CONTENT_ERROR_GUESSABLE_KEY,    /* the right answer is nearly always the longest */
  KNS_CONTENT_ERROR_DUPLICATE_KEY,    /* a key written twice in the same group */
  /* Scenarios (tier-N/NN-name.scenario.md) */
  KNS_CONTENT_ERROR_SCENE_STRUCTURE,  /* a heading without an id, a bad choice list… */
  KNS_CONTENT_ERROR_SCENE_ID,         /* an id that is malformed, used twice, or unknown */
  KNS_CONTENT_ERROR_CHOICE_NOWHERE,   /* a choice leads to no scene */
  KNS_CONTENT_ERROR_SCENE_DEAD_END,   /* no choices, and not an ending */
  KNS_CONTENT_ERROR_SCENE_UNREACHABLE,
  KNS_CONTENT_ERROR_SCENE_NO_EXIT,    /* every way from here goes round in circles */
  KNS_CONTENT_ERROR_NO_SAFE_ENDING,
  /* The session kit (kns-kit.c): checks, plans, the parents' page, pledges */
  KNS_CONTENT_ERROR_CHECK_STRUCTURE,   /* not 5 questions, two keys, skills that do not match */
  KNS_CONTENT_ERROR_PLAN_STRUCTURE,    /* sections missing, out of order, minutes that do not add up */
  KNS_CONTENT_ERROR_PARENTS_STRUCTURE, /* the parents' page's sections */
  KNS_CONTENT_ERROR_UNKNOWN_REFERENCE, /* a plan names a lesson or scenario its tier lacks */
  KNS_CONTENT_ERROR_READING_LEVEL,     /* too long for the tier's readers (a warning) */
} KnsContentError;

typedef enum
{
  KNS_SEVERITY_WARNING,
  KNS_SEVERITY_ERROR,
} KnsSeverity;

#define KNS_TYPE_DIAGNOSTIC (kns_diagnostic_get_type ())

/* A problem found in the content, where it is, and what was expected. */
typedef struct _KnsDiagnostic
{
  KnsSeverity     severity;
  KnsContentError code;
  char           *file;    /* as the author would open it */
  guint           line;    /* 1-based; 0 when the whole file is meant */
  char           *message; /* translated, one sentence or two */
} KnsDiagnostic;

GQuark         kns_content_error_quark (void);
GType          kns_diagnostic_get_type (void) G_GNUC_CONST;
KnsDiagnostic *kns_diagnostic_new      (KnsSeverity      severity,
                                        KnsContentError  code,
                                        const char      *file,
                                        guint            line,
                                        const char      *message);
KnsDiagnostic *kns_diagnostic_ref      (KnsDiagnostic   *self);
void           kns_diagnostic_unref    (KnsDiagnostic   *self);
char          *kns_diagnostic_format   (const KnsDiagnostic *self);
int            kns_diagnostic_compare  (const KnsDiagnostic *a,
                                        const KnsDiagnostic *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KnsDiagnostic, kns_diagnostic_unref)

G_END_DECLS
