/* kns-ui-util.h — small helpers the screens share
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

G_BEGIN_DECLS

void        kns_ui_load_style      (GdkDisplay *display);
void        kns_ui_set_text_scale  (GdkDisplay *display,
                                    double      scale);
void        kns_ui_name_pin_peek   (GtkWidget  *row);
void        kns_ui_status_page_skip_focus (GtkWidget *status_page);
void        kns_ui_name_inner_control (GtkWidget  *widget,
                                       GType       type,
                                       const char *name);
void        kns_ui_name_dialog_buttons (GtkWidget *dialog);
void        kns_ui_reveal          (GtkRevealer *revealer,
                                    gboolean     shown);
GtkWidget  *kns_ui_flow_box_child_new (GtkWidget *child);
GtkWidget  *kns_ui_wrapped_label_new (const char *text);
GtkWidget  *kns_ui_heading_new     (const char *markup,
                                    const char *css_class);
void        kns_report_error       (GtkWidget  *widget,
                                    const GError *error);
GdkPaintable *kns_avatar_paintable_new (const char *avatar);
const char *kns_avatar_get_name    (const char *avatar);
const char * const *kns_avatar_list (void);

G_END_DECLS
