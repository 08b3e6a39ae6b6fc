/* kns-dashboard-panel.c
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
 * The figures come from KnsDashboard; this only lays them out: a bar
 * chart of completion by lesson, drawn with cairo, the learners × lessons
 * matrix, and the questions the class found hardest.
 */

#define G_LOG_DOMAIN "kns-dashboard-panel"

#include "kns-config.h"

#include <glib/gi18n.h>

#include "kns-dashboard-panel.h"
#include "kns-ui-util.h"

struct _KnsDashboardPanel
{
  AdwBin          parent_instance;

  /* Template widgets */
  GtkDropDown    *class_dropdown;
  GtkLabel       *tier_label;
  GtkDrawingArea *chart;
  GtkGrid        *matrix;
  GtkListBox     *hard_list;

  /* Owned */
  KnsStore       *store;
  KnsCourse      *course;
  GStrv           classes;
  KnsDashboard   *dashboard;
  gboolean        filling;
};

G_DEFINE_FINAL_TYPE (KnsDashboardPanel, kns_dashboard_panel, ADW_TYPE_BIN)

static double
completion (KnsDashboard *dashboard,
            guint         lesson)
{
  guint n = dashboard->learners->len;

  return n > 0 ? (double) dashboard->summaries[lesson].n_done / n : 0.0;
}

static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  KnsDashboardPanel *self = user_data;
  KnsDashboard *d = self->dashboard;
  GtkWidget *widget = GTK_WIDGET (area);
  GdkRGBA fg, accent = { 0.208, 0.518, 0.894, 1.0 };
  const double pad = 16, label_h = 22;
  double slot, plot_h;
  guint n;

  if (d == NULL || (n = d->lessons->len) == 0)
    return;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  slot = (width - 2 * pad) / n;
  plot_h = height - 2 * pad - 2 * label_h;

  /* The axis. */
  gdk_cairo_set_source_rgba (cr, &(GdkRGBA) { fg.red, fg.green, fg.blue, 0.25 });
  cairo_rectangle (cr, pad, pad + label_h + plot_h, width - 2 * pad, 1);
  cairo_fill (cr);

  for (guint i = 0; i < n; i++)
    {
      double value = completion (d, i);
      double bar_w = MIN (slot * 0.6, 48);
      double x = pad + slot * i + (slot - bar_w) / 2;
      double bar_h = plot_h * value;
      g_autofree char *percent = g_strdup_printf ("%.0f%%", value * 100);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autoptr(PangoLayout) top = gtk_widget_create_pango_layout (widget, percent);
      g_autoptr(PangoLayout) bottom = gtk_widget_create_pango_layout (widget, number);
      int tw, th;

      gdk_cairo_set_source_rgba (cr, &accent);
      cairo_rectangle (cr, x, pad + label_h + plot_h - bar_h, bar_w, MAX (bar_h, 1));
      cairo_fill (cr);

      gdk_cairo_set_source_rgba (cr, &fg);
      pango_layout_get_pixel_size (top, &tw, &th);
      cairo_move_to (cr, x + (bar_w - tw) / 2, pad + label_h + plot_h - bar_h - th - 2);
      pango_cairo_show_layout (cr, top);
      pango_layout_get_pixel_size (bottom, &tw, &th);
      cairo_move_to (cr, x + (bar_w - tw) / 2, pad + label_h + plot_h + 4);
      pango_cairo_show_layout (cr, bottom);
    }
}

/* What a screen reader says for the chart: every bar, in words. */
static void
describe_chart (KnsDashboardPanel *self)
{
  g_autoptr(GString) text = g_string_new (_("Lessons finished by the class:"));

  for (guint i = 0; i < self->dashboard->lessons->len; i++)
    g_string_append_printf (text, " %s %u: %.0f%%;", _("lesson"), i + 1,
                            completion (self->dashboard, i) * 100);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text->str,
                                  -1);
}

static GtkWidget *
cell_label (const char *text,
            const char *css,
            const char *tooltip)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "matrix-cell");
  if (css != NULL)
    gtk_widget_add_css_class (label, css);
  if (tooltip != NULL)
    gtk_widget_set_tooltip_text (label, tooltip);
  return label;
}

static GtkWidget *
state_cell (const KnsDashboardCell *cell)
{
  g_autofree char *score = NULL;

  switch (cell->state)
    {
    case KNS_LESSON_DONE:
      score = cell->best_score >= 0 ? g_strdup_printf ("%d%%", cell->best_score) : g_strdup ("✓");
      return cell_label (score, "state-done", _("Finished"));
    case KNS_LESSON_QUIZ:
      return cell_label ("…", "state-started", _("Quiz started"));
    case KNS_LESSON_READING:
      return cell_label ("…", "state-started", _("In progress"));
    case KNS_LESSON_NOT_STARTED:
    default:
      return cell_label ("–", "state-new", _("Not started"));
    }
}

static void
fill_matrix (KnsDashboardPanel *self)
{
  KnsDashboard *d = self->dashboard;
  GtkWidget *child;
  guint n = d->lessons->len, rows = d->learners->len;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->matrix))) != NULL)
    gtk_grid_remove (self->matrix, child);

  gtk_grid_attach (self->matrix, cell_label (_("Pupil"), "matrix-head", NULL), 0, 0, 1, 1);
  for (guint l = 0; l < n; l++)
    {
      g_autofree char *number = g_strdup_printf (_("L%u"), l + 1);

      gtk_grid_attach (self->matrix,
                       cell_label (number, "matrix-head",
                                   kns_lesson_get_title (g_ptr_array_index (d->lessons, l))),
                       l + 1, 0, 1, 1);
    }

  for (guint r = 0; r < rows; r++)
    {
      KnsLearner *learner = g_ptr_array_index (d->learners, r);
      GtkWidget *name = cell_label (learner->nickname, "matrix-name", NULL);

      gtk_label_set_xalign (GTK_LABEL (name), 0.0);
      gtk_grid_attach (self->matrix, name, 0, r + 1, 1, 1);
      for (guint l = 0; l < n; l++)
        gtk_grid_attach (self->matrix, state_cell (kns_dashboard_get_cell (d, r, l)), l + 1, r + 1, 1, 1);
    }

  /* Two summary rows: how many finished, and their mean best score. */
  gtk_grid_attach (self->matrix, cell_label (_("Finished"), "matrix-head", NULL), 0, rows + 1, 1, 1);
  gtk_grid_attach (self->matrix, cell_label (_("Mean score"), "matrix-head", NULL), 0, rows + 2, 1, 1);
  for (guint l = 0; l < n; l++)
    {
      g_autofree char *done = g_strdup_printf ("%u/%u", d->summaries[l].n_done, rows);
      g_autofree char *mean = d->summaries[l].mean_score >= 0
        ? g_strdup_printf ("%.0f%%", d->summaries[l].mean_score) : g_strdup ("–");

      gtk_grid_attach (self->matrix, cell_label (done, "matrix-summary", NULL), l + 1, rows + 1, 1, 1);
      gtk_grid_attach (self->matrix, cell_label (mean, "matrix-summary", NULL), l + 1, rows + 2, 1, 1);
    }
}

static void
fill_hard_questions (KnsDashboardPanel *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->hard_list))) != NULL)
    gtk_list_box_remove (self->hard_list, child);

  for (guint i = 0; i < self->dashboard->hard_questions->len; i++)
    {
      KnsHardQuestion *hard = g_ptr_array_index (self->dashboard->hard_questions, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = NULL;
      guint index = 0;

      g_ptr_array_find (self->dashboard->lessons, hard->lesson, &index);
      /* Translators: "Lesson 3, title · 5 of 8 answers wrong" */
      subtitle = g_strdup_printf (_("Lesson %u, %s · %u of %u answers wrong"), index + 1,
                                  kns_lesson_get_title (hard->lesson), hard->wrong, hard->answered);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), hard->question->prompt_text);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->hard_list, row);
    }

  if (self->dashboard->hard_questions->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No wrong answers yet."));
      gtk_list_box_append (self->hard_list, row);
    }
}

static void
show_class (KnsDashboardPanel *self)
{
  guint selected = gtk_drop_down_get_selected (self->class_dropdown);
  g_autoptr(GPtrArray) learners = NULL;
  g_autoptr(GError) error = NULL;
  const char *class_label;
  guint tier;

  if (self->classes == NULL || selected == GTK_INVALID_LIST_POSITION ||
      (class_label = self->classes[selected]) == NULL)
    return;

  learners = kns_store_list_learners (self->store, class_label, FALSE, NULL);
  tier = kns_dashboard_guess_tier (self->course, learners);

  g_clear_pointer (&self->dashboard, kns_dashboard_free);
  self->dashboard = kns_dashboard_compute (self->store, self->course, class_label, tier, &error);
  if (self->dashboard == NULL)
    {
      kns_report_error (GTK_WIDGET (self), error);
      return;
    }

  if (self->dashboard->tier != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Lessons for %s"), kns_tier_get_title (self->dashboard->tier));
      gtk_label_set_text (self->tier_label, text);
    }

  fill_matrix (self);
  fill_hard_questions (self);
  describe_chart (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->chart));
}

static void
class_selected_cb (KnsDashboardPanel *self)
{
  if (!self->filling)
    show_class (self);
}

static void
kns_dashboard_panel_dispose (GObject *object)
{
  KnsDashboardPanel *self = (KnsDashboardPanel *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), KNS_TYPE_DASHBOARD_PANEL);
  g_clear_object (&self->store);
  g_clear_object (&self->course);
  g_clear_pointer (&self->classes, g_strfreev);
  g_clear_pointer (&self->dashboard, kns_dashboard_free);

  G_OBJECT_CLASS (kns_dashboard_panel_parent_class)->dispose (object);
}

static void
kns_dashboard_panel_class_init (KnsDashboardPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kns_dashboard_panel_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/kns-dashboard-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, KnsDashboardPanel, class_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KnsDashboardPanel, tier_label);
  gtk_widget_class_bind_template_child (widget_class, KnsDashboardPanel, chart);
  gtk_widget_class_bind_template_child (widget_class, KnsDashboardPanel, matrix);
  gtk_widget_class_bind_template_child (widget_class, KnsDashboardPanel, hard_list);
  gtk_widget_class_bind_template_callback (widget_class, class_selected_cb);
}

static void
kns_dashboard_panel_init (KnsDashboardPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  kns_ui_name_inner_control (GTK_WIDGET (self->class_dropdown), GTK_TYPE_TOGGLE_BUTTON, _("Class"));
  gtk_drawing_area_set_draw_func (self->chart, draw_chart, self, NULL);
}

/* Reads the classes again and shows the first, or the one shown before. */
void
kns_dashboard_panel_refresh (KnsDashboardPanel *self,
                             KnsStore          *store,
                             KnsCourse         *course)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *previous = NULL;
  g_autoptr(GtkStringList) names = NULL;
  guint selected = gtk_drop_down_get_selected (self->class_dropdown);
  guint select = 0;

  g_return_if_fail (KNS_IS_DASHBOARD_PANEL (self));
  g_return_if_fail (KNS_IS_STORE (store));
  g_return_if_fail (KNS_IS_COURSE (course));

  if (self->classes != NULL && selected != GTK_INVALID_LIST_POSITION && selected < g_strv_length (self->classes))
    previous = g_strdup (self->classes[selected]);

  g_set_object (&self->store, store);
  g_set_object (&self->course, course);
  g_clear_pointer (&self->classes, g_strfreev);
  self->classes = kns_store_list_classes (store, &error);
  if (self->classes == NULL)
    {
      kns_report_error (GTK_WIDGET (self), error);
      return;
    }

  for (guint i = 0; self->classes[i] != NULL; i++)
    if (g_strcmp0 (self->classes[i], previous) == 0)
      select = i;

  names = gtk_string_list_new ((const char * const *) self->classes);
  self->filling = TRUE;
  gtk_drop_down_set_model (self->class_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->class_dropdown, select);
  self->filling = FALSE;

  /* The AdwBin's child, not bound: disposing the template would unparent
   * it before AdwBin does. */
  gtk_stack_set_visible_child_name (GTK_STACK (adw_bin_get_child (ADW_BIN (self))), self->classes[0] ? "dashboard" : "empty");
  show_class (self);
}

void
kns_dashboard_panel_select_class (KnsDashboardPanel *self,
                                  const char        *class_label)
{
  g_return_if_fail (KNS_IS_DASHBOARD_PANEL (self));

  for (guint i = 0; self->classes != NULL && self->classes[i] != NULL; i++)
    if (g_strcmp0 (self->classes[i], class_label) == 0)
      gtk_drop_down_set_selected (self->class_dropdown, i);
}

/**
 * kns_dashboard_panel_get_dashboard:
 *
 * Returns: (transfer none) (nullable): the figures on screen
 */
KnsDashboard *
kns_dashboard_panel_get_dashboard (KnsDashboardPanel *self)
{
  g_return_val_if_fail (KNS_IS_DASHBOARD_PANEL (self), NULL);
  return self->dashboard;
}
