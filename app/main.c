/* main.c
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

#include "kns-config.h"

#include "kns-application.h"
#include "kns-locale.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(KnsApplication) app = NULL;
  /* A build tree's catalogues, for `meson devenv` and the AT-SPI test. */
  const char *localedir = g_getenv ("KYNANGSO_LOCALEDIR");

  kns_locale_init (localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);

  app = kns_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
