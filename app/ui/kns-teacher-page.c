/* kns-teacher-page.c
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
 * The teacher area looks like an ordinary GNOME app: a view switcher and
 * boxed lists. Every panel reads the store again each time teacher mode
 * opens, so what a teacher sees is what the children did. What the store
 * found at start that a teacher must know (this computer's data folder
 * was copied from another's) is said here, once, in a line above the
 * panels that stays until it is closed.
 */

#define G_LOG_DOMAIN "kns-teacher-page"

#include "kns-config.h"

#include "kns-dashboard-panel.h"
#include "kns-kit-panel.h"
#include "kns-learners-panel.h"
#include "kns-report-page.h"
#include "kns-sessions-panel.h"
#include "kns-settings-panel.h"
#include "kns-teacher-page.h"
#include "kns-ui-util.h"

struct _KnsTeacherPage
{
  AdwBin             parent_instance;

  GtkRevealer       *notice_revealer;
  GtkLabel          *notice_label;
  AdwViewStack      *view_stack;
  KnsSessionsPanel  *sessions_panel;
  KnsDashboardPanel *dashboard_panel;
  KnsKitPanel       *kit_panel;
  KnsReportPage     *report_page;
  KnsLearnersPanel  *learners_panel;
  KnsSettingsPanel  *settings_panel;

  /* What the panels were shown with, to bring one up to date when the
   * teacher turns to it: a session just ended counts in the report. */
  KnsStore          *store;
  KnsCourse         *course;
  GSettings         *settings;
};

G_DEFINE_FINAL_TYPE (KnsTeacherPage, kns_teacher_page, ADW_TYPE_BIN)

static guint
min_cell (KnsTeacherPage *self)
{
  return self->settings != NULL ? g_settings_get_uint (self->settings, "report-min-cell")
                                : KNS_REPORT_DEFAULT_MIN_CELL;
}

static guint
pass_mark (KnsTeacherPage *self)
{
  return self->settings != NULL ? g_settings_get_uint (self->settings, "pass-mark") : 70;
}

static void
visible_panel_changed_cb (KnsTeacherPage *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  if (self->store == NULL)
    return;
  if (g_strcmp0 (name, "dashboard") == 0)
    kns_dashboard_panel_refresh (self->dashboard_panel, self->store, self->course);
  else if (g_strcmp0 (name, "report") == 0)
    kns_report_page_refresh (self->report_page);
  else if (g_strcmp0 (name, "kit") == 0)
    kns_kit_panel_refresh (self->kit_panel, self->store, self->course, pass_mark (self));
}

static void
tell_identity (KnsTeacherPage *self,
               KnsStore       *store)
{
  g_autofree char *notice = kns_store_take_identity_notice (store);

  if (notice == NULL)
    return;
  gtk_label_set_text (self->notice_label, notice);
  kns_ui_reveal (self->notice_revealer, TRUE);
}

static void
close_notice_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  kns_ui_reveal (KNS_TEACHER_PAGE (widget)->notice_revealer, FALSE);
}

static void
kns_teacher_page_dispose (GObject *object)
{
  KnsTeacherPage *self = KNS_TEACHER_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), KNS_TYPE_TEACHER_PAGE);
  g_clear_object (&self->store);
  g_clear_object (&self->course);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (kns_teacher_page_parent_class)->dispose (object);
}

static void
kns_teacher_page_class_init (KnsTeacherPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kns_teacher_page_dispose;

  g_type_ensure (KNS_TYPE_SESSIONS_PANEL);
  g_type_ensure (KNS_TYPE_DASHBOARD_PANEL);
  g_type_ensure (KNS_TYPE_KIT_PANEL);
  g_type_ensure (KNS_TYPE_REPORT_PAGE);
  g_type_ensure (KNS_TYPE_LEARNERS_PANEL);
  g_type_ensure (KNS_TYPE_SETTINGS_PANEL);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/kns-teacher-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KnsTeacherPage, notice_revealer);
  gtk_widget_class_bind_template_child (widget_class, KnsTeacherPage, notice_label);
  gtk_widget_class_bind_template_child (widget_class, KnsTeacherPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, KnsTeacherPage, sessions_panel);
  gtk_widget_class_bind_template_child (widget_class, KnsTeacherPage, dashboard_panel);
  gtk_widget_class_bind_template_child (widget_class, KnsTeacherPage, kit_panel);
  gtk_widget_class_bind_template_child (widget_class, KnsTeacherPage, report_page);
  gtk_widget_class_bind_template_child (widget_class, KnsTeacherPage, learners_panel);
  gtk_widget_class_bind_template_child (widget_class, KnsTeacherPage, settings_panel);
  gtk_widget_class_bind_template_callback (widget_class, visible_panel_changed_cb);

  gtk_widget_class_install_action (widget_class, "teacher.close-notice", NULL,
                                   close_notice_activated);
}

static void
kns_teacher_page_init (KnsTeacherPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * kns_teacher_page_show:
 * @settings: (nullable): the app's GSettings
 */
void
kns_teacher_page_show (KnsTeacherPage *self,
                       KnsStore       *store,
                       KnsCourse      *course,
                       GSettings      *settings)
{
  g_return_if_fail (KNS_IS_TEACHER_PAGE (self));

  /* The grid tells passed from not yet passed by the pupils' pass mark. */
  if (settings != NULL && settings != self->settings)
    g_settings_bind (settings, "pass-mark", self->dashboard_panel, "pass-mark", G_SETTINGS_BIND_GET);
  kns_sessions_panel_refresh (self->sessions_panel, store, course);
  kns_dashboard_panel_refresh (self->dashboard_panel, store, course);
  g_set_object (&self->store, store);
  g_set_object (&self->course, course);
  g_set_object (&self->settings, settings);
  kns_report_page_set_context (self->report_page, store, course, min_cell (self));
  kns_learners_panel_refresh (self->learners_panel, store);
  kns_kit_panel_refresh (self->kit_panel, store, course, pass_mark (self));
  kns_settings_panel_refresh (self->settings_panel, store, settings);
  tell_identity (self, store);
}

/**
 * kns_teacher_page_get_panel:
 * @name: "sessions", "dashboard", "report", "learners" or "settings"
 *
 * Returns: (transfer none) (nullable): the panel
 */
GtkWidget *
kns_teacher_page_get_panel (KnsTeacherPage *self,
                            const char     *name)
{
  g_return_val_if_fail (KNS_IS_TEACHER_PAGE (self), NULL);
  return adw_view_stack_get_child_by_name (self->view_stack, name);
}

void
kns_teacher_page_set_panel (KnsTeacherPage *self,
                            const char     *name)
{
  g_return_if_fail (KNS_IS_TEACHER_PAGE (self));
  adw_view_stack_set_visible_child_name (self->view_stack, name);
}
