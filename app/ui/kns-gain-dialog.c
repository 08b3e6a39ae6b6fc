/* kns-gain-dialog.c — the class's gain, shown when a session ends
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
 * What the teacher sees on the computer where the session ends: for each
 * skill group, the share of right answers at the start and at the end.
 * It is this computer's pupils only; the school report adds the other
 * computers' and hides cells too small to be anonymous.
 */

#define G_LOG_DOMAIN "kns-gain-dialog"

#include "kns-config.h"

#include <glib/gi18n.h>

#include "kns-gain-dialog.h"
#include "kns-kit.h"
#include "kns-store.h"
#include "kns-ui-util.h"

/**
 * kns_gain_format_cell:
 *
 * Returns: (transfer full): "60%", or "–" when nothing was asked
 */
char *
kns_gain_format_cell (guint64 right,
                      guint64 asked)
{
  if (asked == 0)
    return g_strdup ("–");
  /* Translators: a share of right answers, "60%" */
  return g_strdup_printf (_("%u%%"), (guint) ((right * 100 + asked / 2) / asked));
}

static const KnsCheckGain *
find (GPtrArray     *gain,
      guint          skill,
      KnsCheckPhase  phase)
{
  for (guint i = 0; i < gain->len; i++)
    {
      const KnsCheckGain *row = g_ptr_array_index (gain, i);

      if (row->skill == skill && row->phase == phase)
        return row;
    }
  return NULL;
}

static GtkWidget *
cell_new (const char *text,
          gboolean    heading,
          float       xalign)
{
  GtkWidget *label = gtk_label_new (text);

  /* Short texts, not wrapped: a wrapping label makes the dialog measure
   * itself at its narrowest, and it grows gaps. */
  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  return label;
}

static guint
pupils (GPtrArray     *gain,
        KnsCheckPhase  phase)
{
  guint n = 0;

  for (guint i = 0; i < gain->len; i++)
    {
      const KnsCheckGain *row = g_ptr_array_index (gain, i);

      if (row->phase == phase)
        n = MAX (n, row->pupils);
    }
  return n;
}

/**
 * kns_gain_dialog_new:
 * @gain: (element-type KnsCheckGain): kns_store_list_session_gain()
 *
 * Returns: (transfer floating): the dialog, to present
 */
GtkWidget *
kns_gain_dialog_new (GtkWindow *parent,
                     GPtrArray *gain)
{
  GtkWidget *dialog, *grid;
  g_autofree char *body = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_return_val_if_fail (gain != NULL, NULL);

  before = g_strdup_printf (ngettext ("%u pupil answered at the start", "%u pupils answered at the start",
                                      pupils (gain, KNS_CHECK_BEFORE)),
                            pupils (gain, KNS_CHECK_BEFORE));
  after = g_strdup_printf (ngettext ("%u at the end", "%u at the end", pupils (gain, KNS_CHECK_AFTER)),
                           pupils (gain, KNS_CHECK_AFTER));
  /* Translators: "On this computer, 12 pupils answered at the start, 10 at the end." */
  body = g_strdup_printf (_("On this computer, %s, %s. Right answers, by skill group:"), before, after);
  /* Translators: the heading of the dialog when a class session ends */
  dialog = adw_message_dialog_new (parent, _("What the class learnt"), body);

  grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 8);
  gtk_widget_set_halign (grid, GTK_ALIGN_CENTER);
  /* Translators: column headings of the class's gain */
  gtk_grid_attach (GTK_GRID (grid), cell_new (_("Skill group"), TRUE, 0), 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), cell_new (_("At the start"), TRUE, 1), 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), cell_new (_("At the end"), TRUE, 1), 2, 0, 1, 1);
  for (guint skill = 1; skill <= KNS_CHECK_N_SKILLS; skill++)
    {
      const KnsCheckGain *b = find (gain, skill, KNS_CHECK_BEFORE);
      const KnsCheckGain *a = find (gain, skill, KNS_CHECK_AFTER);
      g_autofree char *start = kns_gain_format_cell (b ? b->right : 0, b ? b->asked : 0);
      g_autofree char *end = kns_gain_format_cell (a ? a->right : 0, a ? a->asked : 0);

      gtk_grid_attach (GTK_GRID (grid), cell_new (kns_skill_group_get_name (skill), FALSE, 0), 0, skill, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), cell_new (start, FALSE, 1), 1, skill, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), cell_new (end, FALSE, 1), 2, skill, 1, 1);
    }
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), grid);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("OK"));
  return dialog;
}
