/* kns-sessions-panel.c
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

#define G_LOG_DOMAIN "kns-sessions-panel"

#include "kns-config.h"

#include <glib/gi18n.h>

#include "kns-sessions-panel.h"
#include "kns-ui-util.h"

struct _KnsSessionsPanel
{
  AdwBin                parent_instance;

  /* Template widgets */
  AdwPreferencesGroup  *running_group;
  AdwActionRow         *running_row;
  AdwEntryRow          *notes_row;
  AdwPreferencesGroup  *start_group;
  AdwEntryRow          *title_row;
  AdwEntryRow          *class_row;
  AdwComboRow          *grade_row;
  AdwComboRow          *format_row;
  AdwExpanderRow       *lessons_row;
  GtkLabel             *error_label;
  AdwPreferencesGroup  *past_group;

  /* Owned */
  KnsStore             *store;
  KnsCourse            *course;
  KnsClassSession      *running;
  GPtrArray            *lesson_checks;  /* GtkCheckButton, data "lesson-id" */
  GPtrArray            *lesson_rows;    /* rows added to lessons_row */
  GPtrArray            *past_rows;
};

G_DEFINE_FINAL_TYPE (KnsSessionsPanel, kns_sessions_panel, ADW_TYPE_BIN)

static const char *
format_name (KnsSessionFormat format)
{
  switch (format)
    {
    case KNS_SESSION_FORMAT_KIOSK:
      return _("Self-study on the computers");
    case KNS_SESSION_FORMAT_ONLINE:
      return _("Online");
    case KNS_SESSION_FORMAT_IN_PERSON:
    default:
      return _("In person");
    }
}

static char *
format_time (gint64 time)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (time / G_USEC_PER_SEC);

  /* Translators: a date and time, as strftime: 23/11/2026 08:30 */
  return g_date_time_format (dt, _("%d/%m/%Y %H:%M"));
}

static void
show_error (KnsSessionsPanel *self,
            const char       *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static guint
selected_grade (KnsSessionsPanel *self)
{
  return adw_combo_row_get_selected (self->grade_row) + 1;
}

/* The lessons of the grade's tier, to tick when the session covers
 * only some of them. */
static void
fill_lessons (KnsSessionsPanel *self)
{
  KnsTier *tier;

  for (guint i = 0; i < self->lesson_rows->len; i++)
    adw_expander_row_remove (self->lessons_row, g_ptr_array_index (self->lesson_rows, i));
  g_ptr_array_set_size (self->lesson_rows, 0);
  g_ptr_array_set_size (self->lesson_checks, 0);

  if (self->course == NULL ||
      (tier = kns_course_get_tier_for_grade (self->course, selected_grade (self))) == NULL)
    return;

  for (guint i = 0; i < kns_tier_get_n_lessons (tier); i++)
    {
      KnsLesson *lesson = kns_tier_get_lesson (tier, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), kns_lesson_get_title (lesson));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_object_set_data_full (G_OBJECT (check), "lesson-id", g_strdup (kns_lesson_get_id (lesson)), g_free);
      adw_expander_row_add_row (self->lessons_row, row);
      g_ptr_array_add (self->lesson_rows, row);
      g_ptr_array_add (self->lesson_checks, check);
    }
}

static void
grade_changed_cb (KnsSessionsPanel *self)
{
  fill_lessons (self);
}

static void
show_running (KnsSessionsPanel *self)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *started = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->running_group), self->running != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->start_group), self->running == NULL);
  if (self->running == NULL)
    return;

  started = format_time (self->running->started);
  /* Translators: "Safe online · class 6A" */
  title = g_strdup_printf (_("%s · class %s"), self->running->title, self->running->class_label);
  subtitle = g_strdup_printf (ngettext ("Started %s · %u pupil has joined",
                                       "Started %s · %u pupils have joined",
                                       self->running->attendance),
                              started, self->running->attendance);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->running_row), title);
  adw_action_row_set_subtitle (self->running_row, subtitle);
  gtk_editable_set_text (GTK_EDITABLE (self->notes_row), self->running->notes ? self->running->notes : "");
}

static void
show_past (KnsSessionsPanel *self)
{
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->past_rows->len; i++)
    adw_preferences_group_remove (self->past_group, g_ptr_array_index (self->past_rows, i));
  g_ptr_array_set_size (self->past_rows, 0);

  sessions = kns_store_list_sessions (self->store, &error);
  if (sessions == NULL)
    {
      kns_report_error (GTK_WIDGET (self), error);
      return;
    }

  for (guint i = 0; i < sessions->len; i++)
    {
      KnsClassSession *session = g_ptr_array_index (sessions, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *when = NULL;
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      guint minutes;

      if (session->ended == 0)
        continue;
      when = format_time (session->started);
      minutes = (guint) ((session->ended - session->started) / (60 * G_USEC_PER_SEC));
      /* Translators: a past session: "23/11/2026 08:30 · 6A · Safe online" */
      title = g_strdup_printf (_("%s · %s · %s"), when, session->class_label, session->title);
      subtitle = g_strdup_printf (_("%u min · %u pupils · %s"), minutes, session->attendance,
                                  format_name (session->format));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_preferences_group_add (self->past_group, row);
      g_ptr_array_add (self->past_rows, row);
    }

  adw_preferences_group_set_description (self->past_group,
                                         self->past_rows->len == 0 ? _("No session has ended yet.") : NULL);
}

static void
start_clicked_cb (KnsSessionsPanel *self)
{
  kns_sessions_panel_start (self);
}

static void
end_clicked_cb (KnsSessionsPanel *self)
{
  kns_sessions_panel_end (self, gtk_editable_get_text (GTK_EDITABLE (self->notes_row)));
}

static void
kns_sessions_panel_dispose (GObject *object)
{
  KnsSessionsPanel *self = (KnsSessionsPanel *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), KNS_TYPE_SESSIONS_PANEL);
  g_clear_object (&self->store);
  g_clear_object (&self->course);
  g_clear_pointer (&self->running, kns_class_session_free);
  g_clear_pointer (&self->lesson_checks, g_ptr_array_unref);
  g_clear_pointer (&self->lesson_rows, g_ptr_array_unref);
  g_clear_pointer (&self->past_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (kns_sessions_panel_parent_class)->dispose (object);
}

static void
kns_sessions_panel_class_init (KnsSessionsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kns_sessions_panel_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/kns-sessions-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, KnsSessionsPanel, running_group);
  gtk_widget_class_bind_template_child (widget_class, KnsSessionsPanel, running_row);
  gtk_widget_class_bind_template_child (widget_class, KnsSessionsPanel, notes_row);
  gtk_widget_class_bind_template_child (widget_class, KnsSessionsPanel, start_group);
  gtk_widget_class_bind_template_child (widget_class, KnsSessionsPanel, title_row);
  gtk_widget_class_bind_template_child (widget_class, KnsSessionsPanel, class_row);
  gtk_widget_class_bind_template_child (widget_class, KnsSessionsPanel, grade_row);
  gtk_widget_class_bind_template_child (widget_class, KnsSessionsPanel, format_row);
  gtk_widget_class_bind_template_child (widget_class, KnsSessionsPanel, lessons_row);
  gtk_widget_class_bind_template_child (widget_class, KnsSessionsPanel, error_label);
  gtk_widget_class_bind_template_child (widget_class, KnsSessionsPanel, past_group);
  gtk_widget_class_bind_template_callback (widget_class, grade_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, start_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, end_clicked_cb);
}

static void
kns_sessions_panel_init (KnsSessionsPanel *self)
{
  g_autoptr(GtkStringList) grades = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) formats = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  kns_ui_name_inner_control (GTK_WIDGET (self->lessons_row), GTK_TYPE_SWITCH,
                             adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->lessons_row)));
  self->lesson_checks = g_ptr_array_new ();
  self->lesson_rows = g_ptr_array_new ();
  self->past_rows = g_ptr_array_new ();

  for (guint g = 1; g <= 12; g++)
    {
      /* Translators: a grade in a list: "Grade 6" */
      g_autofree char *name = g_strdup_printf (_("Grade %u"), g);
      gtk_string_list_append (grades, name);
    }
  adw_combo_row_set_model (self->grade_row, G_LIST_MODEL (grades));

  for (KnsSessionFormat f = KNS_SESSION_FORMAT_IN_PERSON; f <= KNS_SESSION_FORMAT_ONLINE; f++)
    gtk_string_list_append (formats, format_name (f));
  adw_combo_row_set_model (self->format_row, G_LIST_MODEL (formats));

  /* Translators: the suggested title of a class session */
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), _("Staying safe online"));
}

/* Reads the running session and the past ones again. */
void
kns_sessions_panel_refresh (KnsSessionsPanel *self,
                            KnsStore         *store,
                            KnsCourse        *course)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (KNS_IS_SESSIONS_PANEL (self));
  g_return_if_fail (KNS_IS_STORE (store));

  g_set_object (&self->store, store);
  g_set_object (&self->course, course);
  g_clear_pointer (&self->running, kns_class_session_free);
  self->running = kns_store_get_running_session (store, &error);
  if (error != NULL)
    kns_report_error (GTK_WIDGET (self), error);

  fill_lessons (self);
  show_running (self);
  show_past (self);
  show_error (self, NULL);
}

void
kns_sessions_panel_set_form (KnsSessionsPanel *self,
                             const char       *title,
                             const char       *class_label,
                             guint             grade)
{
  g_return_if_fail (KNS_IS_SESSIONS_PANEL (self));
  g_return_if_fail (grade >= 1 && grade <= 12);

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), title);
  gtk_editable_set_text (GTK_EDITABLE (self->class_row), class_label);
  adw_combo_row_set_selected (self->grade_row, grade - 1);
}

gboolean
kns_sessions_panel_start (KnsSessionsPanel *self)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  g_autofree char *class_label = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->class_row))));
  g_autoptr(GStrvBuilder) lessons = g_strv_builder_new ();
  g_auto(GStrv) lesson_ids = NULL;
  g_autoptr(GError) error = NULL;
  KnsTier *tier;
  guint grade = selected_grade (self);

  g_return_val_if_fail (KNS_IS_SESSIONS_PANEL (self), FALSE);

  if (*title == '\0' || *class_label == '\0')
    {
      show_error (self, _("Give the session a title and the class that takes it."));
      return FALSE;
    }

  if (adw_expander_row_get_enable_expansion (self->lessons_row))
    {
      for (guint i = 0; i < self->lesson_checks->len; i++)
        {
          GtkCheckButton *check = g_ptr_array_index (self->lesson_checks, i);

          if (gtk_check_button_get_active (check))
            g_strv_builder_add (lessons, g_object_get_data (G_OBJECT (check), "lesson-id"));
        }
      lesson_ids = g_strv_builder_end (lessons);
      if (lesson_ids[0] == NULL)
        {
          show_error (self, _("Tick the lessons the session covers, or switch “Only some lessons” off."));
          return FALSE;
        }
    }

  tier = self->course ? kns_course_get_tier_for_grade (self->course, grade) : NULL;
  self->running = kns_store_start_session (self->store, class_label, grade,
                                           tier ? kns_tier_get_id (tier) : 0, title,
                                           (KnsSessionFormat) adw_combo_row_get_selected (self->format_row),
                                           (const char * const *) lesson_ids, &error);
  if (self->running == NULL)
    {
      show_error (self, error->message);
      return FALSE;
    }

  show_error (self, NULL);
  show_running (self);
  return TRUE;
}

gboolean
kns_sessions_panel_end (KnsSessionsPanel *self,
                        const char       *notes)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (KNS_IS_SESSIONS_PANEL (self), FALSE);

  if (self->running == NULL)
    return FALSE;

  if (!kns_store_end_session (self->store, self->running->uuid, notes ? notes : "", &error))
    {
      kns_report_error (GTK_WIDGET (self), error);
      return FALSE;
    }

  kns_sessions_panel_refresh (self, self->store, self->course);
  return TRUE;
}
