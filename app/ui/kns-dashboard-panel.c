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
 * chart of the share of the class who passed each lesson, drawn with
 * cairo, the learners × lessons matrix, and the questions the class found
 * hardest.
 *
 * The matrix says passed, not yet passed, begun and not started with a
 * mark and a tint, and in words in each cell's tooltip and in the legend.
 * Its columns carry the numbers the pupils see ("B5" is the fifth lesson
 * on their home page; scenarios are "TH1"…) and the lesson's title. At
 * 1024 px a tier's 16 to 19 columns do not fit: they scroll sideways
 * while the pupils' names stay in view, in a grid of their own whose rows
 * keep the matrix's heights through a size group per row.
 */

#define G_LOG_DOMAIN "kns-dashboard-panel"

#include "kns-config.h"

#include <glib/gi18n.h>

#include "kns-dashboard-panel.h"
#include "kns-ui-util.h"

#define DEFAULT_PASS_MARK 70

struct _KnsDashboardPanel
{
  AdwBin             parent_instance;

  /* Template widgets */
  GtkDropDown       *class_dropdown;
  GtkLabel          *tier_label;
  GtkDrawingArea    *chart;
  GtkLabel          *legend_passed;
  GtkGrid           *names_grid;
  GtkScrolledWindow *matrix_scroller;
  GtkGrid           *matrix;
  GtkListBox        *hard_list;

  /* Owned */
  KnsStore          *store;
  KnsCourse         *course;
  GStrv              classes;
  KnsDashboard      *dashboard;
  guint              pass_mark;
  gboolean           filling;
};

G_DEFINE_FINAL_TYPE (KnsDashboardPanel, kns_dashboard_panel, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PASS_MARK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static double
passed_share (KnsDashboard *dashboard,
              guint         lesson)
{
  guint n = dashboard->learners->len;

  return n > 0 ? (double) dashboard->summaries[lesson].n_passed / n : 0.0;
}

/* "B5" for the fifth lesson the pupils see, "TH1" for the first scenario. */
static char *
column_code (const KnsDashboardLesson *summary)
{
  if (summary->scenario)
    /* Translators: a scenario's column in the teacher's progress grid: S1 is the first scenario of the tier */
    return g_strdup_printf (_("S%u"), summary->number);
  /* Translators: a lesson's column in the teacher's progress grid: L5 is what pupils see as lesson 5 */
  return g_strdup_printf (_("L%u"), summary->number);
}

/* "Lesson 5: title" or "Scenario: title", then the competences it
 * covers, each with its name in the Ministry's framework. */
static char *
column_description (const KnsDashboardLesson *summary)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char * const *codes = kns_lesson_get_competences (summary->lesson);

  if (summary->scenario)
    /* Translators: tooltip of a scenario's column in the progress grid */
    g_string_append_printf (text, _("Scenario %u: %s"), summary->number,
                            kns_lesson_get_title (summary->lesson));
  else
    /* Translators: tooltip of a lesson's column in the progress grid */
    g_string_append_printf (text, _("Lesson %u: %s"), summary->number,
                            kns_lesson_get_title (summary->lesson));

  if (codes != NULL && codes[0] != NULL)
    {
      /* Translators: before the list of competence codes of the TT 02/2025 framework */
      g_string_append_printf (text, "\n%s", _("Digital competences (TT 02/2025):"));
      for (guint i = 0; codes[i] != NULL; i++)
        {
          const char *name = kns_competence_get_name (codes[i]);

          g_string_append_printf (text, "\n%s %s", codes[i], name ? name : "");
        }
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
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
      double value = passed_share (d, i);
      double bar_w = MIN (slot * 0.6, 48);
      double x = pad + slot * i + (slot - bar_w) / 2;
      double bar_h = plot_h * value;
      g_autofree char *percent = g_strdup_printf ("%.0f%%", value * 100);
      g_autofree char *code = column_code (&d->summaries[i]);
      g_autoptr(PangoLayout) top = gtk_widget_create_pango_layout (widget, percent);
      g_autoptr(PangoLayout) bottom = gtk_widget_create_pango_layout (widget, code);
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
  g_autoptr(GString) text = g_string_new (_("Share of the class who passed each lesson:"));

  for (guint i = 0; i < self->dashboard->lessons->len; i++)
    {
      g_autofree char *code = column_code (&self->dashboard->summaries[i]);

      g_string_append_printf (text, " %s, %s: %.0f%%;", code,
                              kns_lesson_get_title (self->dashboard->summaries[i].lesson),
                              passed_share (self->dashboard, i) * 100);
    }
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

/* A pupil's cell: a mark, the best score, and in the tooltip the words. */
static GtkWidget *
state_cell (KnsDashboardPanel        *self,
            const KnsDashboardLesson *summary,
            const KnsDashboardCell   *cell)
{
  gboolean scored = cell->best_score >= 0 && !summary->scenario;
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;

  switch (cell->outcome)
    {
    case KNS_OUTCOME_PASSED:
      text = scored ? g_strdup_printf ("✓ %d%%", cell->best_score) : g_strdup ("✓");
      tooltip = summary->scenario ? g_strdup (_("Passed: reached a safe ending"))
                : scored ? g_strdup_printf (_("Passed: best score %d%%"), cell->best_score)
                         : g_strdup (_("Passed: lesson read"));
      return cell_label (text, "state-passed", tooltip);
    case KNS_OUTCOME_NOT_PASSED:
      text = scored ? g_strdup_printf ("✗ %d%%", cell->best_score) : g_strdup ("✗");
      tooltip = summary->scenario
                  ? g_strdup (_("Not passed yet: no safe ending reached"))
                  /* Translators: a pupil's best quiz score, then the pass mark */
                  : g_strdup_printf (_("Not passed yet: best score %d%%, %u%% needed"),
                                     cell->best_score, self->pass_mark);
      return cell_label (text, "state-not-passed", tooltip);
    case KNS_OUTCOME_IN_PROGRESS:
      return cell_label ("…", "state-started",
                         summary->scenario ? _("Scenario begun")
                         : cell->state == KNS_LESSON_QUIZ ? _("Quiz started") : _("In progress"));
    case KNS_OUTCOME_NOT_STARTED:
    default:
      return cell_label ("–", "state-new", _("Not started"));
    }
}

/* A column title that takes the focus comes into view, so that Tab
 * walks the matrix sideways. GtkViewport does so itself only while the
 * window is active; the root's focus tells it always. */
static void
root_focus_changed_cb (GtkRoot           *root,
                       GParamSpec        *pspec,
                       KnsDashboardPanel *self)
{
  GtkWidget *head = gtk_root_get_focus (root);
  GtkWidget *viewport = gtk_scrolled_window_get_child (self->matrix_scroller);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_hadjustment (self->matrix_scroller);
  double page = gtk_adjustment_get_page_size (adjustment);
  graphene_rect_t bounds;

  if (head == NULL || !gtk_widget_has_css_class (head, "matrix-column-head") ||
      !gtk_widget_is_ancestor (head, GTK_WIDGET (self->matrix)))
    return;
  /* The viewport's coordinates start at what is scrolled into view. */
  if (!gtk_widget_compute_bounds (head, viewport, &bounds))
    return;
  if (bounds.origin.x < 0)
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + bounds.origin.x);
  else if (bounds.origin.x + bounds.size.width > page)
    gtk_adjustment_set_value (adjustment,
                              gtk_adjustment_get_value (adjustment) + bounds.origin.x + bounds.size.width - page);
}

/* A column's title: its code over the lesson's title, cut to three
 * lines, the whole of it in the tooltip. It takes the focus, so that the
 * keyboard scrolls the matrix sideways. */
static GtkWidget *
column_head_new (const KnsDashboardLesson *summary)
{
  g_autofree char *code = column_code (summary);
  g_autofree char *description = column_description (summary);
  GtkWidget *box = g_object_new (GTK_TYPE_BOX,
                                 "orientation", GTK_ORIENTATION_VERTICAL,
                                 "accessible-role", GTK_ACCESSIBLE_ROLE_COLUMN_HEADER,
                                 "spacing", 2,
                                 "focusable", TRUE,
                                 "valign", GTK_ALIGN_END,
                                 NULL);
  GtkWidget *code_label = gtk_label_new (code);
  GtkWidget *title = gtk_label_new (kns_lesson_get_title (summary->lesson));

  gtk_widget_add_css_class (box, "matrix-column-head");
  gtk_widget_add_css_class (code_label, "matrix-head");
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (title), 3);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (title), 9);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 11);
  gtk_label_set_justify (GTK_LABEL (title), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (title, "matrix-title");
  gtk_widget_add_css_class (title, "caption");
  gtk_box_append (GTK_BOX (box), code_label);
  gtk_box_append (GTK_BOX (box), title);
  gtk_widget_set_tooltip_text (box, description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);
  return box;
}

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

/* Row @row of both grids: the name (or the row's title) on the left,
 * @cells at the right, as tall as the tallest of them. */
static void
attach_row (KnsDashboardPanel *self,
            guint              row,
            GtkWidget         *name,
            GtkWidget        **cells,
            guint              n)
{
  g_autoptr(GtkSizeGroup) group = gtk_size_group_new (GTK_SIZE_GROUP_VERTICAL);

  gtk_size_group_add_widget (group, name);
  gtk_grid_attach (self->names_grid, name, 0, row, 1, 1);
  for (guint l = 0; l < n; l++)
    {
      gtk_size_group_add_widget (group, cells[l]);
      gtk_grid_attach (self->matrix, cells[l], l, row, 1, 1);
    }
}

static void
fill_matrix (KnsDashboardPanel *self)
{
  KnsDashboard *d = self->dashboard;
  guint n = d->lessons->len, rows = d->learners->len;
  g_autofree GtkWidget **cells = g_new0 (GtkWidget *, MAX (n, 1));
  GtkWidget *pupil;

  clear_grid (self->names_grid);
  clear_grid (self->matrix);

  for (guint l = 0; l < n; l++)
    cells[l] = column_head_new (&d->summaries[l]);
  pupil = cell_label (_("Pupil"), "matrix-head", NULL);
  gtk_widget_set_valign (pupil, GTK_ALIGN_END);
  attach_row (self, 0, pupil, cells, n);

  for (guint r = 0; r < rows; r++)
    {
      KnsLearner *learner = g_ptr_array_index (d->learners, r);
      GtkWidget *name = cell_label (learner->nickname, "matrix-name", NULL);

      gtk_label_set_xalign (GTK_LABEL (name), 0.0);
      for (guint l = 0; l < n; l++)
        cells[l] = state_cell (self, &d->summaries[l], kns_dashboard_get_cell (d, r, l));
      attach_row (self, r + 1, name, cells, n);
    }

  /* Two summary rows: how many passed, and their mean best score. */
  for (guint l = 0; l < n; l++)
    {
      g_autofree char *passed = g_strdup_printf ("%u/%u", d->summaries[l].n_passed, rows);

      cells[l] = cell_label (passed, "matrix-summary", NULL);
    }
  attach_row (self, rows + 1, cell_label (_("Passed"), "matrix-head", NULL), cells, n);
  for (guint l = 0; l < n; l++)
    {
      g_autofree char *mean = d->summaries[l].mean_score >= 0 && !d->summaries[l].scenario
        ? g_strdup_printf ("%.0f%%", d->summaries[l].mean_score) : g_strdup ("–");

      cells[l] = cell_label (mean, "matrix-summary", NULL);
    }
  attach_row (self, rows + 2, cell_label (_("Mean score"), "matrix-head", NULL), cells, n);
}

static void
update_legend (KnsDashboardPanel *self)
{
  /* Translators: legend of the progress grid; %u is the pass mark */
  g_autofree char *passed = g_strdup_printf (_("Passed (%u%% or more)"), self->pass_mark);

  gtk_label_set_text (self->legend_passed, passed);
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
      subtitle = g_strdup_printf (_("Lesson %u, %s · %u of %u answers wrong"),
                                  self->dashboard->summaries[index].number,
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
  self->dashboard = kns_dashboard_compute (self->store, self->course, class_label, tier,
                                          self->pass_mark, &error);
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

  update_legend (self);
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
kns_dashboard_panel_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  KnsDashboardPanel *self = KNS_DASHBOARD_PANEL (object);

  switch (prop_id)
    {
    case PROP_PASS_MARK:
      g_value_set_uint (value, self->pass_mark);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kns_dashboard_panel_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  KnsDashboardPanel *self = KNS_DASHBOARD_PANEL (object);

  switch (prop_id)
    {
    case PROP_PASS_MARK:
      kns_dashboard_panel_set_pass_mark (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kns_dashboard_panel_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (kns_dashboard_panel_parent_class)->root (widget);
  g_signal_connect_object (gtk_widget_get_root (widget), "notify::focus-widget",
                           G_CALLBACK (root_focus_changed_cb), widget, 0);
}

static void
kns_dashboard_panel_unroot (GtkWidget *widget)
{
  g_signal_handlers_disconnect_by_func (gtk_widget_get_root (widget), root_focus_changed_cb, widget);
  GTK_WIDGET_CLASS (kns_dashboard_panel_parent_class)->unroot (widget);
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
  object_class->get_property = kns_dashboard_panel_get_property;
  object_class->set_property = kns_dashboard_panel_set_property;
  widget_class->root = kns_dashboard_panel_root;
  widget_class->unroot = kns_dashboard_panel_unroot;

  /**
   * KnsDashboardPanel:pass-mark:
   *
   * The percentage a quiz needs to count as passed: the GSettings key
   * pass-mark, as the pupils' results screens use it.
   */
  properties[PROP_PASS_MARK] =
    g_param_spec_uint ("pass-mark", NULL, NULL, 1, 100, DEFAULT_PASS_MARK,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/kns-dashboard-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, KnsDashboardPanel, class_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KnsDashboardPanel, tier_label);
  gtk_widget_class_bind_template_child (widget_class, KnsDashboardPanel, chart);
  gtk_widget_class_bind_template_child (widget_class, KnsDashboardPanel, legend_passed);
  gtk_widget_class_bind_template_child (widget_class, KnsDashboardPanel, names_grid);
  gtk_widget_class_bind_template_child (widget_class, KnsDashboardPanel, matrix_scroller);
  gtk_widget_class_bind_template_child (widget_class, KnsDashboardPanel, matrix);
  gtk_widget_class_bind_template_child (widget_class, KnsDashboardPanel, hard_list);
  gtk_widget_class_bind_template_callback (widget_class, class_selected_cb);
}

static void
kns_dashboard_panel_init (KnsDashboardPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->pass_mark = DEFAULT_PASS_MARK;
  update_legend (self);
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

/**
 * kns_dashboard_panel_set_pass_mark:
 * @pass_mark: the percentage a quiz needs to be passed
 */
void
kns_dashboard_panel_set_pass_mark (KnsDashboardPanel *self,
                                   guint              pass_mark)
{
  g_return_if_fail (KNS_IS_DASHBOARD_PANEL (self));
  g_return_if_fail (pass_mark >= 1 && pass_mark <= 100);

  if (self->pass_mark == pass_mark)
    return;
  self->pass_mark = pass_mark;
  update_legend (self);
  if (self->dashboard != NULL)
    show_class (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PASS_MARK]);
}

guint
kns_dashboard_panel_get_pass_mark (KnsDashboardPanel *self)
{
  g_return_val_if_fail (KNS_IS_DASHBOARD_PANEL (self), DEFAULT_PASS_MARK);
  return self->pass_mark;
}

/**
 * kns_dashboard_panel_get_column_head:
 * @lesson: a column, from 0
 *
 * Returns: (transfer none) (nullable): the title of the column
 */
GtkWidget *
kns_dashboard_panel_get_column_head (KnsDashboardPanel *self,
                                     guint              lesson)
{
  g_return_val_if_fail (KNS_IS_DASHBOARD_PANEL (self), NULL);
  return gtk_grid_get_child_at (self->matrix, lesson, 0);
}

/**
 * kns_dashboard_panel_get_cell:
 * @learner: a row, from 0, as in the dashboard
 * @lesson: a column, from 0
 *
 * Returns: (transfer none) (nullable): the label of the cell
 */
GtkWidget *
kns_dashboard_panel_get_cell (KnsDashboardPanel *self,
                              guint              learner,
                              guint              lesson)
{
  g_return_val_if_fail (KNS_IS_DASHBOARD_PANEL (self), NULL);
  return gtk_grid_get_child_at (self->matrix, lesson, learner + 1);
}

/**
 * kns_dashboard_panel_get_name_cell:
 * @learner: a row, from 0, as in the dashboard
 *
 * Returns: (transfer none) (nullable): the label with the pupil's name
 */
GtkWidget *
kns_dashboard_panel_get_name_cell (KnsDashboardPanel *self,
                                   guint              learner)
{
  g_return_val_if_fail (KNS_IS_DASHBOARD_PANEL (self), NULL);
  return gtk_grid_get_child_at (self->names_grid, 0, learner + 1);
}

/**
 * kns_dashboard_panel_get_matrix_scroller:
 *
 * Returns: (transfer none): what scrolls the lessons sideways
 */
GtkScrolledWindow *
kns_dashboard_panel_get_matrix_scroller (KnsDashboardPanel *self)
{
  g_return_val_if_fail (KNS_IS_DASHBOARD_PANEL (self), NULL);
  return self->matrix_scroller;
}
