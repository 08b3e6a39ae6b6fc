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

#include "kns-gain-dialog.h"
#include "kns-record-item.h"
#include "kns-school.h"
#include "kns-session-row.h"
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
  GtkListBox           *past_list;

  /* Owned */
  KnsStore             *store;
  KnsCourse            *course;
  KnsClassSession      *running;
  GPtrArray            *lessons;        /* KnsLesson of the grade's tier… */
  GPtrArray            *lesson_checks;  /* …and the GtkCheckButton of each */
  GPtrArray            *lesson_rows;    /* rows added to lessons_row */
  GListStore           *past;           /* KnsRecordItem of KnsClassSession */
};

G_DEFINE_FINAL_TYPE (KnsSessionsPanel, kns_sessions_panel, ADW_TYPE_BIN)

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

/* A message about the form is stale once the form is changed. */
static void
form_changed_cb (KnsSessionsPanel *self)
{
  show_error (self, NULL);
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
  g_ptr_array_set_size (self->lessons, 0);

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
      g_signal_connect_object (check, "toggled", G_CALLBACK (form_changed_cb), self,
                               G_CONNECT_SWAPPED);
      adw_expander_row_add_row (self->lessons_row, row);
      g_ptr_array_add (self->lesson_rows, row);
      g_ptr_array_add (self->lesson_checks, check);
      g_ptr_array_add (self->lessons, g_object_ref (lesson));
    }
}

static void
grade_changed_cb (KnsSessionsPanel *self)
{
  form_changed_cb (self);
  fill_lessons (self);
}

/* "2A" is grade 2, "10A1" grade 10: the grade follows the class typed,
 * and the teacher can still change it. */
static void
class_changed_cb (KnsSessionsPanel *self)
{
  guint grade = kns_school_grade_for_class (gtk_editable_get_text (GTK_EDITABLE (self->class_row)));

  form_changed_cb (self);
  if (grade > 0 && grade != selected_grade (self))
    adw_combo_row_set_selected (self->grade_row, grade - 1);
}

/* Enter in the title or the class starts the session. */
static void
entry_activated_cb (KnsSessionsPanel *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "sessions.start", NULL);
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

  started = kns_session_row_format_time (self->running->started);
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

static GtkWidget *
create_past_row (gpointer item,
                 gpointer user_data)
{
  return kns_session_row_new (kns_record_item_get_record (item));
}

static void
show_past (KnsSessionsPanel *self)
{
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  sessions = kns_store_list_sessions (self->store, &error);
  if (sessions == NULL)
    {
      kns_report_error (GTK_WIDGET (self), error);
      return;
    }

  g_clear_object (&self->past);
  self->past = g_list_store_new (KNS_TYPE_RECORD_ITEM);
  for (guint i = 0; i < sessions->len; i++)
    {
      KnsClassSession *session = g_ptr_array_index (sessions, i);
      g_autoptr(KnsRecordItem) item = NULL;

      if (session->ended == 0)
        continue;
      item = kns_record_item_new (KNS_TYPE_CLASS_SESSION, session);
      g_list_store_append (self->past, item);
    }
  gtk_list_box_bind_model (self->past_list, G_LIST_MODEL (self->past), create_past_row, NULL, NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->past));
  gtk_widget_set_visible (GTK_WIDGET (self->past_list), n > 0);
  adw_preferences_group_set_description (self->past_group,
                                         n == 0 ? _("No session has ended yet.") : NULL);
}

static void
start_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  kns_sessions_panel_start (KNS_SESSIONS_PANEL (widget));
}

static void
end_anyway_cb (AdwMessageDialog *dialog,
               const char       *response,
               KnsSessionsPanel *self)
{
  if (g_strcmp0 (response, "end") == 0)
    kns_sessions_panel_end (self, gtk_editable_get_text (GTK_EDITABLE (self->notes_row)));
}

/* Pupils who did the check at the start and not yet the one at the end
 * would be missing from the class's gain: the teacher is asked first. */
static void
end_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KnsSessionsPanel *self = KNS_SESSIONS_PANEL (widget);
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  GtkRoot *root;
  guint pending;

  if (self->running == NULL)
    return;
  pending = kns_store_count_check_pending (self->store, self->running->uuid, NULL);
  if (pending == 0)
    {
      kns_sessions_panel_end (self, gtk_editable_get_text (GTK_EDITABLE (self->notes_row)));
      return;
    }

  body = g_strdup_printf (ngettext ("%u pupil on this computer answered the questions at the start "
                                    "but not yet the last questions. Once the session ends, they "
                                    "cannot.",
                                    "%u pupils on this computer answered the questions at the start "
                                    "but not yet the last questions. Once the session ends, they "
                                    "cannot.",
                                    pending),
                          pending);
  root = gtk_widget_get_root (widget);
  /* Translators: asked before ending a session some pupils have not finished */
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("End the session now?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "wait", _("_Wait"),
                                    "end", _("_End now"),
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "wait");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "wait");
  g_signal_connect_object (dialog, "response", G_CALLBACK (end_anyway_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* At the session's end, on this computer: what the class learnt. */
static void
show_gain (KnsSessionsPanel *self,
           const char       *uuid)
{
  g_autoptr(GPtrArray) gain = kns_store_list_session_gain (self->store, uuid, NULL);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (gain == NULL || gain->len == 0 || !GTK_IS_WINDOW (root))
    return;
  gtk_window_present (GTK_WINDOW (kns_gain_dialog_new (GTK_WINDOW (root), gain)));
}

static void
kns_sessions_panel_dispose (GObject *object)
{
  KnsSessionsPanel *self = (KnsSessionsPanel *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), KNS_TYPE_SESSIONS_PANEL);
  g_clear_object (&self->store);
  g_clear_object (&self->course);
  g_clear_pointer (&self->running, kns_class_session_free);
  g_clear_pointer (&self->lessons, g_ptr_array_unref);
  g_clear_pointer (&self->lesson_checks, g_ptr_array_unref);
  g_clear_pointer (&self->lesson_rows, g_ptr_array_unref);
  g_clear_object (&self->past);

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
  gtk_widget_class_bind_template_child (widget_class, KnsSessionsPanel, past_list);
  gtk_widget_class_bind_template_callback (widget_class, form_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, grade_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, class_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "sessions.start", NULL, start_activated);
  gtk_widget_class_install_action (widget_class, "sessions.end", NULL, end_activated);
}

static void
kns_sessions_panel_init (KnsSessionsPanel *self)
{
  g_autoptr(GtkStringList) grades = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) formats = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  kns_ui_name_inner_control (GTK_WIDGET (self->lessons_row), GTK_TYPE_SWITCH,
                             adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->lessons_row)));
  self->lessons = g_ptr_array_new_with_free_func (g_object_unref);
  self->lesson_checks = g_ptr_array_new ();
  self->lesson_rows = g_ptr_array_new ();

  for (guint g = 1; g <= 12; g++)
    {
      /* Translators: a grade in a list: "Grade 6" */
      g_autofree char *name = g_strdup_printf (_("Grade %u"), g);
      gtk_string_list_append (grades, name);
    }
  adw_combo_row_set_model (self->grade_row, G_LIST_MODEL (grades));

  for (KnsSessionFormat f = KNS_SESSION_FORMAT_IN_PERSON; f <= KNS_SESSION_FORMAT_ONLINE; f++)
    gtk_string_list_append (formats, kns_session_row_format_name (f));
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
        if (gtk_check_button_get_active (g_ptr_array_index (self->lesson_checks, i)))
          g_strv_builder_add (lessons, kns_lesson_get_id (g_ptr_array_index (self->lessons, i)));
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
  g_autofree char *uuid = NULL;

  g_return_val_if_fail (KNS_IS_SESSIONS_PANEL (self), FALSE);

  if (self->running == NULL)
    return FALSE;

  if (!kns_store_end_session (self->store, self->running->uuid, notes ? notes : "", &error))
    {
      kns_report_error (GTK_WIDGET (self), error);
      return FALSE;
    }

  uuid = g_strdup (self->running->uuid);
  kns_sessions_panel_refresh (self, self->store, self->course);
  show_gain (self, uuid);
  return TRUE;
}
