/* kns-locale.c
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

#define G_LOG_DOMAIN "kns-locale"

#include "kns-config.h"

#include <glib/gi18n.h>
#include <gio/gio.h>
#include <locale.h>
#include <string.h>

#include "kns-locale.h"

static gboolean
is_c_locale (const char *name)
{
  return name == NULL || strcmp (name, "C") == 0 || strcmp (name, "POSIX") == 0;
}

/* KYNANGSO_LANGUAGE, else the GSettings key `language`: "vi" (the
 * default), "en", or "system".
 * Read without failing when the schema is not installed, as when a
 * teacher runs the binary straight from a build folder. */
static char *
configured_language (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  const char *forced = g_getenv ("KYNANGSO_LANGUAGE");

  /* For scripts and tests: KYNANGSO_LANGUAGE=en kynangso --check-content */
  if (forced != NULL && *forced != '\0')
    return g_strdup (forced);

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "language"))
    return g_strdup ("vi");

  settings = g_settings_new (APP_ID);
  return g_settings_get_string (settings, "language");
}

/**
 * kns_locale_use:
 * @language: "vi", "en" or "system"
 *
 * Lab PCs in Vietnam often run an English or a bare C locale, and
 * children must still meet Vietnamese; so unless told "system", the
 * language is forced through LANGUAGE. glibc ignores LANGUAGE in the C
 * locale, hence the switch to C.UTF-8, which is always there.
 */
void
kns_locale_use (const char *language)
{
  g_return_if_fail (language != NULL);

  if (g_strcmp0 (language, "system") == 0)
    return;

  if (is_c_locale (setlocale (LC_MESSAGES, NULL)))
    {
      /* GTK calls setlocale (LC_ALL, "") again at start-up: the
       * environment must already say C.UTF-8. */
      g_setenv ("LC_ALL", "C.UTF-8", TRUE);
      setlocale (LC_ALL, "");
    }

  g_setenv ("LANGUAGE", language, TRUE);
}

void
kns_locale_init (const char *localedir)
{
  g_autofree char *language = NULL;

  g_return_if_fail (localedir != NULL);

  setlocale (LC_ALL, "");
  language = configured_language ();
  kns_locale_use (language);

  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
