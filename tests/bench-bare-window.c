/* bench-bare-window.c — the reference for the start-up benchmark
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
 * An AdwApplication showing an empty AdwApplicationWindow of the app's
 * default size, built in the same tree with the same flags: what any
 * libadwaita app costs before it does anything of its own. With
 * KNS_EXIT_AFTER_FIRST_FRAME set it does what kynangso does then (see
 * kns-application.c): on its first frame painted it prints the renderer
 * and g_get_monotonic_time (), and quits. bench-startup runs both.
 */

#include <adwaita.h>
#include <stdio.h>
#include <string.h>

/* Which GL driver the process loaded, if any: Xvfb has no GPU, so GL
 * is Mesa's software rasteriser (llvmpipe, in swrast_dri.so). */
static const char *
gl_driver (void)
{
  g_autofree char *maps = NULL;

  if (!g_file_get_contents ("/proc/self/maps", &maps, NULL, NULL))
    return "unknown";
  if (strstr (maps, "swrast_dri") != NULL || strstr (maps, "libgallium") != NULL)
    return "mesa-software";
  if (strstr (maps, "_dri.so") != NULL)
    return "mesa-hardware";
  return "none";
}

static void
frame_painted_cb (GdkFrameClock *clock,
                  GtkWidget     *window)
{
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));

  printf ("kns-frame: bare %s %" G_GINT64_FORMAT " %s\n", G_OBJECT_TYPE_NAME (renderer),
          g_get_monotonic_time (), gl_driver ());
  fflush (stdout);
  g_signal_handlers_disconnect_by_func (clock, frame_painted_cb, window);
  g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (window))));
}

static void
window_realized_cb (GtkWidget *window)
{
  g_signal_connect_after (gtk_widget_get_frame_clock (window), "after-paint",
                          G_CALLBACK (frame_painted_cb), window);
}

static void
activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));

  /* kns-window.ui's default size. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 720);
  gtk_window_set_title (GTK_WINDOW (window), "Bare window");
  if (g_getenv ("KNS_EXIT_AFTER_FIRST_FRAME") != NULL)
    g_signal_connect (window, "realize", G_CALLBACK (window_realized_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.kynangso.BareWindow",
                                                       G_APPLICATION_DEFAULT_FLAGS);

  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
