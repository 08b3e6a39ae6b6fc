/* kns-session-row.c
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
 * A session that has ended: when, which class, what, how long, how many
 * pupils, in what format.
 */

#define G_LOG_DOMAIN "kns-sessions-panel"

#include "kns-config.h"

#include <glib/gi18n.h>

#include "kns-session-row.h"

struct _KnsSessionRow
{
  AdwActionRow parent_instance;
};

G_DEFINE_FINAL_TYPE (KnsSessionRow, kns_session_row, ADW_TYPE_ACTION_ROW)

static void
kns_session_row_class_init (KnsSessionRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/kns-session-row.ui");
}

static void
kns_session_row_init (KnsSessionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

const char *
kns_session_row_format_name (KnsSessionFormat format)
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

char *
kns_session_row_format_time (gint64 time)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (time / G_USEC_PER_SEC);

  /* Translators: a date and time, as strftime: 23/11/2026 08:30 */
  return g_date_time_format (dt, _("%d/%m/%Y %H:%M"));
}

/**
 * kns_session_row_new:
 * @session: a session that has ended
 *
 * Returns: (transfer floating): its row
 */
GtkWidget *
kns_session_row_new (const KnsClassSession *session)
{
  KnsSessionRow *self;
  g_autofree char *when = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  guint minutes;

  g_return_val_if_fail (session != NULL && session->ended > 0, NULL);

  self = g_object_new (KNS_TYPE_SESSION_ROW, NULL);
  when = kns_session_row_format_time (session->started);
  minutes = (guint) ((session->ended - session->started) / (60 * G_USEC_PER_SEC));
  /* Translators: a past session: "23/11/2026 08:30 · 6A · Safe online" */
  title = g_strdup_printf (_("%s · %s · %s"), when, session->class_label, session->title);
  subtitle = g_strdup_printf (_("%u min · %u pupils · %s"), minutes, session->attendance,
                              kns_session_row_format_name (session->format));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  return GTK_WIDGET (self);
}
