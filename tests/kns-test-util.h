/* kns-test-util.h — what the ui tests share
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

#include <gtk/gtk.h>

#include "kns-test-common.h"
#include "kns-window.h"

G_BEGIN_DECLS

/* GTK emits "clicked" after gtk_widget_activate () asynchronously, and
 * screens change after that: spin until the condition holds. The
 * deadline is only reached when a test fails, so it is generous: a
 * loaded two-core machine may take seconds where an idle one takes
 * milliseconds. */
#define WAIT_FOR(cond)                                                       \
  G_STMT_START {                                                             \
    gint64 _deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;        \
    while (!(cond) && g_get_monotonic_time () < _deadline)                   \
      g_main_context_iteration (NULL, FALSE);                                \
    g_assert_true (cond);                                                    \
  } G_STMT_END

void       kns_test_use_vietnamese (void);
void       kns_test_spin           (guint       ms);
GtkWidget *kns_test_find_button    (GtkWidget  *root,
                                    const char *label);
void       kns_test_click          (GtkWidget  *button);
AdwMessageDialog *kns_test_find_message_dialog (void);
void       kns_test_respond        (AdwMessageDialog *dialog,
                                    const char       *label);
void       kns_test_screenshot     (GtkWidget  *window,
                                    const char *name);
GdkTexture *kns_test_render        (GtkWidget  *window);
void       kns_test_save_texture   (GdkTexture *texture,
                                    const char *name);
double     kns_test_text_contrast  (GdkTexture *texture,
                                    GtkWidget  *window,
                                    GtkWidget  *label);
gboolean   kns_test_keyboard_available (void);
void       kns_test_focus_window   (GtkWidget  *window);
void       kns_test_press_key      (GtkWidget       *window,
                                    guint            keyval,
                                    GdkModifierType  modifiers);
KnsWindow *kns_test_window_new     (KnsStore   *store,
                                    KnsCourse  *course,
                                    GSettings  *settings,
                                    int         width,
                                    int         height);

G_END_DECLS
