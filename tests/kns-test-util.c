/* kns-test-util.c
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

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>

#include "kns-locale.h"
#include "kns-test-util.h"

#ifdef HAVE_XTEST
#include <gdk/x11/gdkx.h>
#include <X11/extensions/XTest.h>
#endif

/* As on a lab PC: Vietnamese, whatever the locale. Buttons are found by
 * their translated labels, so the screenshots show what children see. */
void
kns_test_use_vietnamese (void)
{
  setlocale (LC_ALL, "");
  kns_locale_use ("vi");
  bindtextdomain (GETTEXT_PACKAGE, PO_BUILDDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

void
kns_test_spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

/* A drawable button labelled @label, or holding a label @label. */
GtkWidget *
kns_test_find_button (GtkWidget  *root,
                      const char *label)
{
  if (GTK_IS_BUTTON (root) && gtk_widget_is_drawable (root) &&
      g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  if (GTK_IS_LABEL (root) && gtk_widget_is_drawable (root) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), label) == 0)
    {
      GtkWidget *button = gtk_widget_get_ancestor (root, GTK_TYPE_BUTTON);

      if (button != NULL)
        return button;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = kns_test_find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The message dialog on screen, or %NULL. */
AdwMessageDialog *
kns_test_find_message_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

/* Presses the button of @dialog labelled @label, as a teacher would:
 * the dialog answers and closes. */
void
kns_test_respond (AdwMessageDialog *dialog,
                  const char       *label)
{
  g_object_ref (dialog);
  kns_test_click (kns_test_find_button (GTK_WIDGET (dialog), label));
  WAIT_FOR (!gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_object_unref (dialog);
}

static void
clicked_cb (GtkButton *button,
            gboolean  *done)
{
  *done = TRUE;
}

/* Presses @button as a child would, and waits until its "clicked" has
 * been handled: GTK emits it a moment after activation, and ignores a
 * second activation meanwhile. */
void
kns_test_click (GtkWidget *button)
{
  gboolean done = FALSE;
  gulong handler;

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  /* The button may leave the screen as the click is handled. */
  g_object_ref (button);
  handler = g_signal_connect (button, "clicked", G_CALLBACK (clicked_cb), &done);
  g_assert_true (gtk_widget_activate (button));
  WAIT_FOR (done);
  g_signal_handler_disconnect (button, handler);
  g_object_unref (button);
  kns_test_spin (20);
}

/* WCAG's relative luminance of an sRGB colour. */
static double
luminance (const guchar *bgra)
{
  double rgb[3];

  for (guint i = 0; i < 3; i++)
    {
      double c = bgra[2 - i] / 255.0;

      rgb[i] = c <= 0.03928 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
    }
  return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
}

/* The contrast of @label's text on what is behind it, as drawn: the
 * commonest colour in its box is the background, the colour farthest
 * from it in luminance the text (the core of a glyph is drawn solid). */
double
kns_test_text_contrast (GdkTexture *texture,
                        GtkWidget  *window,
                        GtkWidget  *label)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  gsize stride = width * 4;
  g_autofree guchar *pixels = g_malloc (stride * height);
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  graphene_rect_t bounds;
  guint32 background = 0;
  guint best = 0;
  double background_l, text_l;
  int x0, y0, x1, y1;

  g_assert_true (gtk_widget_compute_bounds (label, window, &bounds));
  gdk_texture_download (texture, pixels, stride);
  x0 = MAX (0, (int) bounds.origin.x);
  y0 = MAX (0, (int) bounds.origin.y);
  x1 = MIN (width, (int) (bounds.origin.x + bounds.size.width));
  y1 = MIN (height, (int) (bounds.origin.y + bounds.size.height));
  g_assert_cmpint (x1 - x0, >, 4);
  g_assert_cmpint (y1 - y0, >, 4);

  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      {
        guint32 pixel = *(guint32 *) (pixels + y * stride + x * 4);
        guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, GUINT_TO_POINTER (pixel))) + 1;

        g_hash_table_insert (counts, GUINT_TO_POINTER (pixel), GUINT_TO_POINTER (n));
        if (n > best)
          {
            best = n;
            background = pixel;
          }
      }

  background_l = text_l = luminance ((guchar *) &background);
  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      {
        double l = luminance (pixels + y * stride + x * 4);

        if (fabs (l - background_l) > fabs (text_l - background_l))
          text_l = l;
      }

  return (MAX (text_l, background_l) + 0.05) / (MIN (text_l, background_l) + 0.05);
}

static char *
screenshot_dir (void)
{
  const char *dir = g_getenv ("KNS_SCREENSHOT_DIR");

  if (dir != NULL)
    return g_strdup (dir);
  return g_build_filename (g_get_tmp_dir (), "kns-screenshots", NULL);
}

static gboolean
transition_running (GtkWidget *widget)
{
  if (GTK_IS_STACK (widget) && gtk_stack_get_transition_running (GTK_STACK (widget)))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (transition_running (child))
      return TRUE;
  return FALSE;
}

/**
 * kns_test_render:
 *
 * Returns: (transfer full): what is on screen, as GTK itself draws it,
 *   once cross-fades end
 */
/* What the window shows now; %NULL before it has been laid out. */
static GskRenderNode *
snapshot_window (GdkPaintable *paintable,
                 GtkWidget    *window)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), gtk_widget_get_width (window),
                          gtk_widget_get_height (window));
  return gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

GdkTexture *
kns_test_render (GtkWidget *window)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GskRenderNode) node = NULL;

  /* On a loaded machine the window may be mapped, and laid out, well
   * after it was presented. */
  WAIT_FOR (gtk_widget_get_mapped (window) && gtk_widget_get_width (window) > 0 &&
            !transition_running (window));
  kns_test_spin (200);
  node = snapshot_window (paintable, window);
  WAIT_FOR (node != NULL || (node = snapshot_window (paintable, window)) != NULL);
  return gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                      &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (window),
                                                           gtk_widget_get_height (window)));
}

void
kns_test_save_texture (GdkTexture *texture,
                       const char *name)
{
  g_autofree char *dir = screenshot_dir ();
  g_autofree char *file = NULL;
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);

  g_mkdir_with_parents (dir, 0755);
  file = g_strdup_printf ("%s/%dx%d-%s.png", dir, width, height, name);
  g_assert_true (gdk_texture_save_to_png (texture, file));
  g_test_message ("screenshot: %s", file);
}

void
kns_test_screenshot (GtkWidget  *window,
                     const char *name)
{
  g_autoptr(GdkTexture) texture = kns_test_render (window);

  kns_test_save_texture (texture, name);
}

/* The app's window on @store and @course (and @settings, if not NULL),
 * at @width × @height, presented, mapped, and given time to draw its
 * first frame before anything is pressed. */
KnsWindow *
kns_test_window_new (KnsStore  *store,
                     KnsCourse *course,
                     GSettings *settings,
                     int        width,
                     int        height)
{
  KnsWindow *window = g_object_new (KNS_TYPE_WINDOW, NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  if (settings != NULL)
    kns_window_set_settings (window, settings);
  kns_window_set_store (window, store);
  kns_window_set_course (window, course);
  gtk_window_present (GTK_WINDOW (window));
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (window)));
  kns_test_spin (300);
  return window;
}

/**
 * kns_test_keyboard_available:
 *
 * Whether kns_test_press_key() can press real keys: an X server with
 * XTest, as under Xvfb.
 */
gboolean
kns_test_keyboard_available (void)
{
#ifdef HAVE_XTEST
  GdkDisplay *display = gdk_display_get_default ();
  int event, error, major, minor;

  return GDK_IS_X11_DISPLAY (display) &&
         XTestQueryExtension (gdk_x11_display_get_xdisplay (display), &event, &error, &major, &minor);
#else
  return FALSE;
#endif
}

#ifdef HAVE_XTEST
static void
fake_key (Display *xdisplay,
          guint    keyval,
          gboolean press)
{
  KeyCode code = XKeysymToKeycode (xdisplay, keyval);

  g_assert_cmpint (code, !=, 0);
  XTestFakeKeyEvent (xdisplay, code, press, CurrentTime);
}
#endif

/**
 * kns_test_focus_window:
 *
 * Gives @window the keyboard, as a window manager does when it is
 * clicked; there is none under Xvfb. GTK shows focus (and a viewport
 * scrolls to it) only in the active window. Call
 * kns_test_keyboard_available() first.
 */
void
kns_test_focus_window (GtkWidget *window)
{
#ifdef HAVE_XTEST
  Display *xdisplay = gdk_x11_display_get_xdisplay (gtk_widget_get_display (window));
  Window xid = gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window)));

  XSetInputFocus (xdisplay, xid, RevertToParent, CurrentTime);
  XSync (xdisplay, False);
  WAIT_FOR (gtk_window_is_active (GTK_WINDOW (window)));
#else
  g_assert_not_reached ();
#endif
}

/**
 * kns_test_press_key:
 * @keyval: GDK_KEY_Tab, GDK_KEY_Return…
 * @modifiers: GDK_ALT_MASK, GDK_SHIFT_MASK, GDK_CONTROL_MASK or none
 *
 * Presses and releases a real key on @window, through the X server, as
 * a child at the keyboard does, and waits for GTK to handle it. Call
 * kns_test_keyboard_available() first.
 */
void
kns_test_press_key (GtkWidget       *window,
                    guint            keyval,
                    GdkModifierType  modifiers)
{
#ifdef HAVE_XTEST
  Display *xdisplay = gdk_x11_display_get_xdisplay (gtk_widget_get_display (window));
  static const struct { GdkModifierType mask; guint keyval; } keys[] = {
    { GDK_SHIFT_MASK, GDK_KEY_Shift_L },
    { GDK_CONTROL_MASK, GDK_KEY_Control_L },
    { GDK_ALT_MASK, GDK_KEY_Alt_L },
  };

  kns_test_focus_window (window);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (modifiers & keys[i].mask)
      fake_key (xdisplay, keys[i].keyval, TRUE);
  fake_key (xdisplay, keyval, TRUE);
  fake_key (xdisplay, keyval, FALSE);
  for (guint i = G_N_ELEMENTS (keys); i > 0; i--)
    if (modifiers & keys[i - 1].mask)
      fake_key (xdisplay, keys[i - 1].keyval, FALSE);
  XSync (xdisplay, False);
  kns_test_spin (150);
#else
  g_assert_not_reached ();
#endif
}
