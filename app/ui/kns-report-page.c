/* kns-report-page.c — "Báo cáo" in teacher mode: the school report
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
 * The report on screen, as it will be printed: the period and the
 * sessions to count, the tables with hidden figures marked "*", a bar
 * chart, and the buttons that save it (CSV, PDF, or the bundle for the
 * computer that makes the school's report) and that import the bundles
 * of other lab computers, one file per main-loop turn so that a folder
 * of three hundred shows its progress. Teacher mode places the page; it
 * needs only kns_report_page_set_context().
 */

#define G_LOG_DOMAIN "kns-report-page"

#include "kns-config.h"

#include <glib/gi18n.h>

#include "kns-bundle.h"
#include "kns-date.h"
#include "kns-passphrase-dialog.h"
#include "kns-report-export.h"
#include "kns-report-page.h"
#include "kns-school-key.h"

#define N_YEARS 4  /* the current school year and the three before */

struct _KnsReportPage
{
  AdwBin            parent_instance;

  /* Template widgets */
  GtkLabel         *title_label;
  GtkLabel         *school_label;
  AdwComboRow      *year_row;
  GtkStringList    *years;
  GtkListBox       *sessions_list;
  GtkBox           *report_box;
  GtkProgressBar   *import_progress;
  GtkListBox       *import_results;
  GtkListBox       *bundles_list;
  AdwActionRow     *passphrase_row;
  GtkSpinner       *passphrase_spinner;
  GtkButton        *passphrase_button;

  /* Owned */
  KnsStore         *store;
  KnsCourse        *course;
  KnsReport        *report;
  GHashTable       *chosen;       /* session uuids ticked */
  GPtrArray        *import_files; /* the files of the import, or NULL */
  GCancellable     *import_cancellable;
  GtkNativeDialog  *chooser;
  guint             import_index; /* files done */
  guint             n_imported;
  guint             n_unchanged;
  guint             n_refused;
  KnsReportPeriod   period;
  guint             min_cell;
  guint             latest_year;  /* the combo's first school year */
  gboolean          filling;      /* widgets being set from code */
};

G_DEFINE_FINAL_TYPE (KnsReportPage, kns_report_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_REPORT,
  PROP_IMPORTING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_bundles (KnsReportPage *self);

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    {
      if (GTK_IS_LIST_BOX (box))
        gtk_list_box_remove (GTK_LIST_BOX (box), child);
      else
        gtk_box_remove (GTK_BOX (box), child);
    }
}

static GtkWidget *
label_new (const char *text,
           float       xalign,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWindow *
get_window (KnsReportPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_toast (KnsReportPage *self,
            const char    *text)
{
  AdwToastOverlay *overlay = ADW_TOAST_OVERLAY (adw_bin_get_child (ADW_BIN (self)));

  adw_toast_overlay_add_toast (overlay, adw_toast_new (text));
}

static void
show_error (KnsReportPage *self,
            const char    *heading,
            const GError  *error)
{
  GtkWidget *dialog = adw_message_dialog_new (get_window (self), heading, error->message);

  /* Translators: closes a message */
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The report on screen */

/* A hidden figure shows "*", said aloud as what it means. */
static GtkWidget *
cell_label (const KnsReportCell *cell,
            gboolean             bold)
{
  g_autofree char *text = cell->hidden ? g_strdup ("*") : kns_report_cell_format (cell);
  GtkWidget *label = label_new (text, 1.0, "numeric");

  gtk_label_set_wrap (GTK_LABEL (label), FALSE);
  if (bold)
    gtk_widget_add_css_class (label, "heading");
  if (cell->hidden)
    {
      /* Translators: the tooltip of a report figure hidden to protect the pupils */
      const char *why = _("Not shown, to protect the pupils");

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_tooltip_text (label, why);
      gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, why,
                                      -1);
    }
  return label;
}

static GtkWidget *
card_new (const char *title,
          GtkWidget  *content)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *heading = label_new (title, 0.0, "heading");

  gtk_accessible_update_property (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  gtk_widget_set_margin_top (content, 12);
  gtk_widget_set_margin_bottom (content, 12);
  gtk_box_append (GTK_BOX (card), content);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), card);
  return box;
}

static GtkWidget *
table_widget (const KnsReportTable *table)
{
  GtkWidget *grid = gtk_grid_new ();
  guint labels = table->group_heading != NULL ? 2 : 1;

  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);

  gtk_grid_attach (GTK_GRID (grid), label_new (table->row_heading, 0.0, "heading"), 0, 0, 1, 1);
  if (labels == 2)
    gtk_grid_attach (GTK_GRID (grid), label_new (table->group_heading, 0.0, "heading"), 1, 0, 1,
                     1);
  for (guint c = 0; c < table->n_columns; c++)
    gtk_grid_attach (GTK_GRID (grid), label_new (table->column_labels[c], 1.0, "heading"),
                     (int) (labels + c), 0, 1, 1);

  for (guint r = 0; r < table->n_rows; r++)
    {
      gboolean total = table->total_row && r + 1 == table->n_rows;
      GtkWidget *label = label_new (table->row_labels[r], 0.0, total ? "heading" : NULL);

      gtk_widget_set_hexpand (label, TRUE);
      gtk_grid_attach (GTK_GRID (grid), label, 0, (int) r + 1, 1, 1);
      if (labels == 2)
        gtk_grid_attach (GTK_GRID (grid), label_new (table->row_groups[r], 0.0, "dim-label"), 1,
                         (int) r + 1, 1, 1);
      for (guint c = 0; c < table->n_columns; c++)
        gtk_grid_attach (GTK_GRID (grid),
                         cell_label (kns_report_table_get_cell (table, r, c), total),
                         (int) (labels + c), (int) r + 1, 1, 1);
    }
  return card_new (table->title, grid);
}

/* Headcount by grade; a hidden figure gets no bar, its length would
 * tell it. */
static void
draw_chart_cb (GtkDrawingArea *area,
               cairo_t        *cr,
               int             width,
               int             height,
               gpointer        user_data)
{
  KnsReportPage *self = user_data;
  const KnsReportTable *heads;
  g_autoptr(PangoLayout) layout = NULL;
  guint n;
  gint64 top = 1;
  double slot, base = height - 24;
  GdkRGBA fg;

  if (self->report == NULL)
    return;
  heads = kns_report_get_table (self->report, "participants");
  n = heads->n_rows - 1;
  if (n == 0)
    return;

  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &fg);
  for (guint r = 0; r < n; r++)
    {
      const KnsReportCell *cell = kns_report_table_get_cell (heads, r, heads->n_columns - 1);

      if (!cell->hidden)
        top = MAX (top, cell->value);
    }

  slot = (double) width / MAX (n, 4);
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (area), NULL);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_width (layout, (int) (slot * PANGO_SCALE));
  for (guint r = 0; r < n; r++)
    {
      const KnsReportCell *cell = kns_report_table_get_cell (heads, r, heads->n_columns - 1);
      double bar = cell->hidden ? 0 : (base - 30) * cell->value / top;
      g_autofree char *value = cell->hidden ? g_strdup ("*") : kns_report_cell_format (cell);
      int text_height;

      /* The blue of libadwaita's accent. */
      cairo_set_source_rgb (cr, 0.21, 0.52, 0.89);
      cairo_rectangle (cr, r * slot + slot * 0.2, base - bar, slot * 0.6, bar);
      cairo_fill (cr);

      gdk_cairo_set_source_rgba (cr, &fg);
      pango_layout_set_text (layout, value, -1);
      pango_layout_get_pixel_size (layout, NULL, &text_height);
      cairo_move_to (cr, r * slot, base - bar - text_height - 2);
      pango_cairo_show_layout (cr, layout);
      pango_layout_set_text (layout, heads->row_labels[r], -1);
      cairo_move_to (cr, r * slot, base + 4);
      pango_cairo_show_layout (cr, layout);
    }
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, 0, base + 0.5);
  cairo_line_to (cr, slot * MAX (n, 4), base + 0.5);
  cairo_stroke (cr);
}

static GtkWidget *
chart_widget (KnsReportPage *self)
{
  GtkWidget *area = gtk_drawing_area_new ();
  /* Translators: the title of the report page's chart */
  const char *title = _("Pupils who took part, by grade");

  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), 200);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_chart_cb, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  return card_new (title, area);
}

static GtkWidget *
lines_widget (const char * const *lines)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  for (guint i = 0; lines[i] != NULL; i++)
    gtk_box_append (GTK_BOX (box), label_new (lines[i], 0.0, NULL));
  return box;
}

static GtkWidget *
channels_widget (KnsReport *report)
{
  GPtrArray *channels = kns_report_get_channels (report);
  g_autoptr(GStrvBuilder) lines = g_strv_builder_new ();
  g_auto(GStrv) text = NULL;

  for (guint i = 0; i < channels->len; i++)
    {
      const KnsReportChannel *channel = g_ptr_array_index (channels, i);
      g_autofree char *line = g_strdup_printf ("%s: %s", channel->label,
                                               channel->taught ? _("Yes") : _("No"));

      g_strv_builder_add (lines, line);
    }
  text = g_strv_builder_end (lines);
  return card_new (_("Reporting channels taught"), lines_widget ((const char * const *) text));
}

static void
show_report (KnsReportPage *self)
{
  GPtrArray *tables = kns_report_get_tables (self->report);
  g_autofree char *summary = NULL;
  g_autoptr(GStrvBuilder) notes = g_strv_builder_new ();
  g_auto(GStrv) note_lines = NULL;

  clear_box (GTK_WIDGET (self->report_box));

  /* Translators: above the report on screen; the first %u counts computers, the second pupils */
  summary = g_strdup_printf (ngettext ("Figures of %u computer. Groups of fewer than %u pupils are "
                                       "not shown: “*”.",
                                       "Figures of %u computers. Groups of fewer than %u pupils "
                                       "are not shown: “*”.",
                                       kns_report_get_n_computers (self->report)),
                             kns_report_get_n_computers (self->report),
                             kns_report_get_min_cell (self->report));
  gtk_box_append (self->report_box, label_new (summary, 0.0, "dim-label"));

  for (guint i = 0; i < tables->len; i++)
    {
      const KnsReportTable *table = g_ptr_array_index (tables, i);

      gtk_box_append (self->report_box, table_widget (table));
      if (g_str_equal (table->id, "coverage"))
        gtk_box_append (self->report_box, chart_widget (self));
    }
  gtk_box_append (self->report_box, channels_widget (self->report));

  g_strv_builder_addv (notes, (const char **) kns_report_get_notes (self->report));
  note_lines = g_strv_builder_end (notes);
  /* Translators: heading of the notes on how to read the report */
  gtk_box_append (self->report_box, card_new (_("Notes"),
                                              lines_widget ((const char * const *) note_lines)));
}

/* Sessions: ticked ones restrict the report */

static void
session_toggled_cb (GtkCheckButton *check,
                    KnsReportPage  *self)
{
  const char * const *uuids = g_object_get_data (G_OBJECT (check), "uuids");

  for (guint i = 0; uuids[i] != NULL; i++)
    {
      if (gtk_check_button_get_active (check))
        g_hash_table_add (self->chosen, g_strdup (uuids[i]));
      else
        g_hash_table_remove (self->chosen, uuids[i]);
    }
  if (!self->filling)
    kns_report_page_refresh (self);
}

static GtkWidget *
session_row_new (KnsReportPage          *self,
                 const KnsReportSession *session)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  g_autoptr(GDateTime) started = g_date_time_new_from_unix_local (session->started /
                                                                  G_USEC_PER_SEC);
  g_autofree char *date = g_date_time_format (started, "%d/%m/%Y");
  g_autofree char *title = g_strdup_printf ("%s · %s · %s", date, session->class_label,
                                            session->title);
  g_autofree char *groups = kns_report_format_skill_groups (session->skill_groups);
  g_autofree char *codes = g_strjoinv (", ", session->competences);
  g_autofree char *pupils = session->participants.hidden
                              ? g_strdup ("*")
                              : g_strdup_printf ("%" G_GINT64_FORMAT, session->participants.value);
  g_autofree char *subtitle = NULL;
  gboolean ticked = g_hash_table_contains (self->chosen, session->uuids[0]);

  /* Translators: under a session: its length, format, skill groups, competence codes and pupils */
  subtitle = g_strdup_printf (_("%u minutes · %s · skill groups %s · %s · %s pupils"),
                              session->minutes, kns_report_format_name (session->format), groups,
                              codes, pupils);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), ticked);
  g_object_set_data_full (G_OBJECT (check), "uuids", g_strdupv (session->uuids),
                          (GDestroyNotify) g_strfreev);
  g_signal_connect (check, "toggled", G_CALLBACK (session_toggled_cb), self);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  return row;
}

static void
update_sessions (KnsReportPage *self,
                 KnsReport     *all)
{
  GPtrArray *sessions = kns_report_get_sessions (all);
  g_autoptr(GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer uuid;

  self->filling = TRUE;
  clear_box (GTK_WIDGET (self->sessions_list));
  for (guint i = 0; i < sessions->len; i++)
    {
      const KnsReportSession *session = g_ptr_array_index (sessions, i);

      for (guint j = 0; session->uuids[j] != NULL; j++)
        g_hash_table_add (listed, session->uuids[j]);
      gtk_list_box_append (self->sessions_list, session_row_new (self, session));
    }
  if (sessions->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      /* Translators: in the list of sessions, when the period has none */
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No session in this period."));
      gtk_list_box_append (self->sessions_list, row);
    }

  /* A session outside the new period is no longer chosen. */
  g_hash_table_iter_init (&iter, self->chosen);
  while (g_hash_table_iter_next (&iter, &uuid, NULL))
    if (!g_hash_table_contains (listed, uuid))
      g_hash_table_iter_remove (&iter);
  self->filling = FALSE;
}

static void
show_period (KnsReportPage *self)
{
  self->filling = TRUE;
  adw_combo_row_set_selected (self->year_row, self->latest_year - self->period.school_year);
  self->filling = FALSE;
}

/* Callbacks */

static void
year_selected_cb (KnsReportPage *self)
{
  guint selected = adw_combo_row_get_selected (self->year_row);

  if (self->filling || selected == GTK_INVALID_LIST_POSITION || self->store == NULL)
    return;
  kns_report_period_init (&self->period, self->latest_year - selected);
  g_hash_table_remove_all (self->chosen);
  show_period (self);
  kns_report_page_refresh (self);
}

/* Exports */

typedef struct
{
  KnsReport *report;
  KnsBundle *bundle;
  char      *path;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->report);
  g_clear_pointer (&data->bundle, kns_bundle_free);
  g_free (data->path);
  g_free (data);
}

/* In a worker thread: the report is not changed once made, and the
 * bundle belongs to this task alone. */
static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = data->bundle != NULL ? kns_bundle_write (data->bundle, data->path, &error)
                                     : kns_report_write (data->report, data->path, &error);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  KnsReportPage *self = KNS_REPORT_PAGE (source);
  g_autofree char *path = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *saved = NULL;

  if (!kns_report_page_export_finish (self, result, &error))
    {
      /* Translators: the heading of a message when saving the report failed */
      show_error (self, _("The report could not be saved"), error);
      return;
    }
  name = g_path_get_basename (path);
  /* Translators: a toast after saving; %s is a file name */
  saved = g_strdup_printf (_("Saved %s"), name);
  show_toast (self, saved);
}

static void
save_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  KnsReportPage   *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file != NULL)
    kns_report_page_export_async (self, file, NULL, export_done_cb, g_file_get_path (file));
}

static void
open_save_chooser (KnsReportPage *self,
                   const char    *name)
{
  GtkFileChooserNative *chooser;

  if (self->store == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Save the report"), get_window (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (save_response_cb), self);
  g_clear_object (&self->chooser);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

static char *
report_file_name (KnsReportPage *self,
                  const char    *extension)
{
  /* Translators: the file name offered when saving the report; no spaces */
  return g_strdup_printf (_("school-report-%u-%u.%s"), self->period.school_year,
                          self->period.school_year + 1, extension);
}

static void
export_csv_activated (GtkWidget  *widget,
                      const char *action,
                      GVariant   *parameter)
{
  KnsReportPage *self = KNS_REPORT_PAGE (widget);
  g_autofree char *name = report_file_name (self, "csv");

  open_save_chooser (self, name);
}

static void
export_pdf_activated (GtkWidget  *widget,
                      const char *action,
                      GVariant   *parameter)
{
  KnsReportPage *self = KNS_REPORT_PAGE (widget);
  g_autofree char *name = report_file_name (self, "pdf");

  open_save_chooser (self, name);
}

static void
export_json_activated (GtkWidget  *widget,
                       const char *action,
                       GVariant   *parameter)
{
  KnsReportPage *self = KNS_REPORT_PAGE (widget);
  g_autofree char *name = NULL;

  if (self->store == NULL)
    return;
  /* Figures leave the computer only locked: the passphrase first. */
  if (!kns_school_key_is_set (self->store))
    {
      gtk_widget_activate_action (widget, "report.set-passphrase", NULL);
      return;
    }
  name = kns_bundle_default_name (self->store, self->period.school_year);
  open_save_chooser (self, name);
}

/* The report passphrase */

static void
update_passphrase (KnsReportPage *self,
                   gboolean       deriving)
{
  gboolean set = self->store != NULL && kns_school_key_is_set (self->store);

  gtk_widget_set_visible (GTK_WIDGET (self->passphrase_spinner), deriving);
  gtk_spinner_set_spinning (self->passphrase_spinner, deriving);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.set-passphrase",
                                 self->store != NULL && !deriving);
  gtk_button_set_label (self->passphrase_button,
                        /* Translators: button of the report passphrase row */
                        set ? _("Change…")
                            /* Translators: button of the report passphrase row */
                            : _("Set…"));
  if (deriving)
    /* Translators: the report passphrase row while the key is made */
    adw_action_row_set_subtitle (self->passphrase_row, _("Setting the passphrase…"));
  else if (set)
    adw_action_row_set_subtitle (self->passphrase_row,
                                 /* Translators: the report passphrase row */
                                 _("Set on this computer. Every lab computer of the school needs "
                                   "the same one to import the others’ figures."));
  else
    adw_action_row_set_subtitle (self->passphrase_row,
                                 /* Translators: the report passphrase row */
                                 _("Not set yet. Set the same passphrase on every lab computer: "
                                   "the figures saved for another computer are locked with it."));
}

static void
passphrase_changed_cb (GObject            *owner,
                       KnsPassphraseState  state)
{
  KnsReportPage *self = KNS_REPORT_PAGE (owner);

  update_passphrase (self, state == KNS_PASSPHRASE_DERIVING);
  if (state == KNS_PASSPHRASE_SET)
    /* Translators: a toast after setting the report passphrase */
    show_toast (self, _("The report passphrase is set"));
}

static void
set_passphrase_activated (GtkWidget  *widget,
                          const char *action,
                          GVariant   *parameter)
{
  KnsReportPage *self = KNS_REPORT_PAGE (widget);
  GtkWindow *window = get_window (self);

  if (self->store == NULL || window == NULL)
    return;
  kns_passphrase_dialog_present (window, self->store, G_OBJECT (self), passphrase_changed_cb);
}

/* Imports: one file a main-loop turn */

static GtkWidget *
result_row_new (const char *file,
                const char *message,
                gboolean    refused)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (refused ? "dialog-error-symbolic"
                                                          : "emblem-ok-symbolic");
  g_autofree char *name = file != NULL ? g_path_get_basename (file) : NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name != NULL ? name : message);
  if (name != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), message);
  if (refused)
    gtk_widget_add_css_class (icon, "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  /* Translators: what a screen reader says of an import's icon */
                                  refused ? _("Refused") : _("Done"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  return row;
}

static void
update_progress (KnsReportPage *self)
{
  guint n = self->import_files->len;
  /* Translators: the progress of an import: files done, of how many */
  g_autofree char *text = g_strdup_printf (_("%u of %u files"), self->import_index, n);

  gtk_progress_bar_set_fraction (self->import_progress, n > 0 ? (double) self->import_index / n : 1);
  gtk_progress_bar_set_text (self->import_progress, text);
}

static void
finish_import (KnsReportPage *self)
{
  g_autofree char *summary = NULL;

  g_clear_pointer (&self->import_files, g_ptr_array_unref);
  gtk_widget_set_visible (GTK_WIDGET (self->import_progress), FALSE);
  /* Translators: after an import */
  summary = g_strdup_printf (_("Imported: %u. Unchanged: %u. Refused: %u."), self->n_imported,
                             self->n_unchanged, self->n_refused);
  gtk_list_box_prepend (self->import_results, result_row_new (NULL, summary, self->n_refused > 0));
  show_toast (self, summary);
  kns_report_page_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMPORTING]);
}

/* One file's import, told by the importing thread to the page. */
typedef struct
{
  KnsReportPage   *page;
  GCancellable    *cancellable;
  char            *file;
  char            *message;
  KnsImportResult  result;
  gboolean         refused;
} Imported;

static void
imported_free (Imported *imported)
{
  g_object_unref (imported->page);
  g_object_unref (imported->cancellable);
  g_free (imported->file);
  g_free (imported->message);
  g_free (imported);
}

static gboolean
imported_cb (gpointer user_data)
{
  Imported *imported = user_data;
  KnsReportPage *self = imported->page;

  /* The page went away, or another import began since. */
  if (g_cancellable_is_cancelled (imported->cancellable) ||
      imported->cancellable != self->import_cancellable)
    return G_SOURCE_REMOVE;

  self->import_index++;
  if (imported->refused)
    self->n_refused++;
  else if (imported->result == KNS_IMPORT_ADDED || imported->result == KNS_IMPORT_REPLACED ||
           imported->result == KNS_IMPORT_KEPT_BOTH)
    self->n_imported++;
  else
    self->n_unchanged++;
  gtk_list_box_append (self->import_results,
                       result_row_new (imported->file, imported->message, imported->refused));
  update_progress (self);
  return G_SOURCE_REMOVE;
}

/* In the importing thread. */
static void
file_imported_cb (const KnsBundleImport *import,
                  gpointer               user_data)
{
  GTask *task = user_data;
  Imported *imported = g_new0 (Imported, 1);

  imported->page = g_object_ref (g_task_get_source_object (task));
  imported->cancellable = g_object_ref (g_task_get_cancellable (task));
  imported->file = g_strdup (import->file);
  imported->message = kns_bundle_import_describe (import);
  imported->result = import->result;
  imported->refused = import->error != NULL;
  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, imported_cb, imported,
                              (GDestroyNotify) imported_free);
}

typedef struct
{
  GPtrArray *files;
  char      *data_dir;
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_ptr_array_unref (data->files);
  g_free (data->data_dir);
  g_free (data);
}

/* The import runs on a connection of its own, in a worker thread, as
 * the headless --import-report does: the page stays live, and the
 * files are read and stored in parallel (kns_bundle_import_files_full). */
static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportData *data = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsStore) store = kns_store_open_shared (data->data_dir, &error);

  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* What became of each file reached the page through file_imported_cb. */
  g_ptr_array_unref (kns_bundle_import_files_full (store, data->files, cancellable,
                                                   file_imported_cb, task));
  g_task_return_boolean (task, TRUE);
}

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  KnsReportPage *self = KNS_REPORT_PAGE (object);
  g_autoptr(GCancellable) cancellable = user_data;
  g_autoptr(GError) error = NULL;

  if (g_cancellable_is_cancelled (cancellable) || cancellable != self->import_cancellable)
    return;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    gtk_list_box_append (self->import_results, result_row_new (NULL, error->message, TRUE));
  /* The files' lines were queued before this; they are shown by now. */
  g_clear_object (&self->import_cancellable);
  finish_import (self);
}

static void
import_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    KnsReportPage   *self)
{
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GStrvBuilder) paths = g_strv_builder_new ();
  g_auto(GStrv) list = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  for (guint i = 0; files != NULL && i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        g_strv_builder_add (paths, path);
    }
  list = g_strv_builder_end (paths);
  if (list[0] != NULL)
    kns_report_page_import (self, (const char * const *) list);
}

static void
open_import_chooser (KnsReportPage        *self,
                     GtkFileChooserAction  action)
{
  GtkFileChooserNative *chooser;

  if (self->store == NULL || self->import_files != NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Import the figures of other computers"),
                                         get_window (self), action, _("_Import"), _("_Cancel"));
  if (action == GTK_FILE_CHOOSER_ACTION_OPEN)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      /* Translators: the kind of file the import chooser shows */
      gtk_file_filter_set_name (filter, _("Report files (.json)"));
      gtk_file_filter_add_pattern (filter, "*.json");
      gtk_file_filter_add_pattern (filter, "*.JSON");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
      gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
    }
  g_signal_connect (chooser, "response", G_CALLBACK (import_response_cb), self);
  g_clear_object (&self->chooser);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

static void
import_files_activated (GtkWidget  *widget,
                        const char *action,
                        GVariant   *parameter)
{
  open_import_chooser (KNS_REPORT_PAGE (widget), GTK_FILE_CHOOSER_ACTION_OPEN);
}

static void
import_folder_activated (GtkWidget  *widget,
                         const char *action,
                         GVariant   *parameter)
{
  open_import_chooser (KNS_REPORT_PAGE (widget), GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER);
}

/* Imported bundles, each of which can be removed */

static void
forget_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    KnsReportPage    *self)
{
  const char *device = g_object_get_data (G_OBJECT (dialog), "device");
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "remove") || self->store == NULL)
    return;
  if (!kns_store_forget_bundle (self->store, device, self->period.school_year, &error))
    {
      /* Translators: the heading of a message when removing imported figures failed */
      show_error (self, _("The figures could not be removed"), error);
      return;
    }
  kns_report_page_refresh (self);
}

static void
forget_clicked_cb (GtkButton     *button,
                   KnsReportPage *self)
{
  const char *device = g_object_get_data (G_OBJECT (button), "device");
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* Translators: asks before removing another computer's imported figures */
  body = g_strdup_printf (_("The figures of computer %.8s for this school year will no longer "
                            "count in the report. You can import its file again later."),
                          device);
  dialog = adw_message_dialog_new (get_window (self), _("Remove these figures?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "remove", _("_Remove"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  g_object_set_data_full (G_OBJECT (dialog), "device", g_strdup (device), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (forget_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
update_bundles (KnsReportPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) bundles = kns_store_list_imported_bundles (self->store,
                                                                  self->period.school_year,
                                                                  &error);

  clear_box (GTK_WIDGET (self->bundles_list));
  gtk_widget_set_visible (GTK_WIDGET (self->bundles_list), bundles != NULL && bundles->len > 0);
  for (guint i = 0; bundles != NULL && i < bundles->len; i++)
    {
      const KnsImportedBundle *bundle = g_ptr_array_index (bundles, i);
      g_autoptr(GDateTime) exported = g_date_time_new_from_unix_local (bundle->exported /
                                                                       G_USEC_PER_SEC);
      g_autofree char *when = g_date_time_format (exported, "%d/%m/%Y %H:%M");
      /* Translators: an imported computer: the start of its identifier */
      g_autofree char *title = g_strdup_printf (_("Computer %.8s"), bundle->device_uuid);
      /* Translators: under an imported computer: its file and when it was saved */
      g_autofree char *subtitle = g_strdup_printf (_("%s, saved %s"), bundle->file_name, when);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      /* Translators: the button that removes an imported computer's figures */
      gtk_widget_set_tooltip_text (remove, _("Remove these figures"));
      g_object_set_data_full (G_OBJECT (remove), "device", g_strdup (bundle->device_uuid), g_free);
      g_signal_connect (remove, "clicked", G_CALLBACK (forget_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_append (self->bundles_list, row);
    }
  if (error != NULL)
    g_message ("Imported bundles not listed: %s", error->message);
}

/* Overrides */

static void
kns_report_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  KnsReportPage *self = KNS_REPORT_PAGE (object);

  switch (prop_id)
    {
    case PROP_REPORT:
      g_value_set_object (value, self->report);
      break;
    case PROP_IMPORTING:
      g_value_set_boolean (value, kns_report_page_get_importing (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kns_report_page_dispose (GObject *object)
{
  KnsReportPage *self = (KnsReportPage *) object;

  /* The importing thread stops after its current file. */
  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
  g_clear_object (&self->import_cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), KNS_TYPE_REPORT_PAGE);
  g_clear_object (&self->store);
  g_clear_object (&self->course);
  g_clear_object (&self->report);
  g_clear_pointer (&self->import_files, g_ptr_array_unref);
  g_clear_pointer (&self->chosen, g_hash_table_unref);

  G_OBJECT_CLASS (kns_report_page_parent_class)->dispose (object);
}

static void
kns_report_page_class_init (KnsReportPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = kns_report_page_get_property;
  object_class->dispose = kns_report_page_dispose;

  properties[PROP_REPORT] =
    g_param_spec_object ("report", NULL, NULL, KNS_TYPE_REPORT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_IMPORTING] =
    g_param_spec_boolean ("importing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/kns-report-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KnsReportPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, KnsReportPage, school_label);
  gtk_widget_class_bind_template_child (widget_class, KnsReportPage, year_row);
  gtk_widget_class_bind_template_child (widget_class, KnsReportPage, years);
  gtk_widget_class_bind_template_child (widget_class, KnsReportPage, sessions_list);
  gtk_widget_class_bind_template_child (widget_class, KnsReportPage, report_box);
  gtk_widget_class_bind_template_child (widget_class, KnsReportPage, import_progress);
  gtk_widget_class_bind_template_child (widget_class, KnsReportPage, import_results);
  gtk_widget_class_bind_template_child (widget_class, KnsReportPage, bundles_list);
  gtk_widget_class_bind_template_child (widget_class, KnsReportPage, passphrase_row);
  gtk_widget_class_bind_template_child (widget_class, KnsReportPage, passphrase_spinner);
  gtk_widget_class_bind_template_child (widget_class, KnsReportPage, passphrase_button);

  gtk_widget_class_install_action (widget_class, "report.export-csv", NULL, export_csv_activated);
  gtk_widget_class_install_action (widget_class, "report.export-pdf", NULL, export_pdf_activated);
  gtk_widget_class_install_action (widget_class, "report.export-json", NULL,
                                   export_json_activated);
  gtk_widget_class_install_action (widget_class, "report.import-files", NULL,
                                   import_files_activated);
  gtk_widget_class_install_action (widget_class, "report.import-folder", NULL,
                                   import_folder_activated);
  gtk_widget_class_install_action (widget_class, "report.set-passphrase", NULL,
                                   set_passphrase_activated);
}

static void
kns_report_page_init (KnsReportPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->chosen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->min_cell = 5;

  g_signal_connect_swapped (self->year_row, "notify::selected", G_CALLBACK (year_selected_cb),
                            self);

  /* Nothing to save or import until there is a store. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.export-csv", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.export-pdf", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.export-json", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.import-files", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.import-folder", FALSE);
  update_passphrase (self, FALSE);
}

/* Public API */

GtkWidget *
kns_report_page_new (void)
{
  return g_object_new (KNS_TYPE_REPORT_PAGE, NULL);
}

/**
 * kns_report_page_set_context:
 * @course: (nullable): the lessons, for what the sessions covered
 * @min_cell: the GSettings key report-min-cell
 *
 * Shows the report of the current school year for @store.
 */
void
kns_report_page_set_context (KnsReportPage *self,
                             KnsStore      *store,
                             KnsCourse     *course,
                             guint          min_cell)
{
  guint year;

  g_return_if_fail (KNS_IS_REPORT_PAGE (self));
  g_return_if_fail (KNS_IS_STORE (store));
  g_return_if_fail (course == NULL || KNS_IS_COURSE (course));

  g_set_object (&self->store, store);
  g_set_object (&self->course, course);
  self->min_cell = min_cell;
  g_hash_table_remove_all (self->chosen);

  year = kns_school_year_for_time (kns_store_now (store));
  self->filling = TRUE;
  self->latest_year = year;
  while (g_list_model_get_n_items (G_LIST_MODEL (self->years)) > 0)
    gtk_string_list_remove (self->years, 0);
  for (guint i = 0; i < N_YEARS; i++)
    {
      g_autofree char *label = kns_report_format_school_year (year - i);

      gtk_string_list_append (self->years, label);
    }
  self->filling = FALSE;

  kns_report_period_init (&self->period, year);
  show_period (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.export-csv", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.export-pdf", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.export-json", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.import-files", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.import-folder", TRUE);
  update_passphrase (self, FALSE);
  kns_report_page_refresh (self);
}

/**
 * kns_report_page_refresh:
 *
 * Computes the report again: after sessions ended, or figures imported
 * elsewhere.
 */
void
kns_report_page_refresh (KnsReportPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsReport) all = NULL;
  g_autoptr(KnsReport) report = NULL;
  g_autofree const char **chosen = NULL;

  g_return_if_fail (KNS_IS_REPORT_PAGE (self));
  g_return_if_fail (self->store != NULL);

  all = kns_report_new (self->store, self->course, &self->period, NULL, self->min_cell, &error);
  if (all != NULL)
    update_sessions (self, all);
  if (all != NULL && g_hash_table_size (self->chosen) > 0)
    {
      chosen = (const char **) g_hash_table_get_keys_as_array (self->chosen, NULL);
      report = kns_report_new (self->store, self->course, &self->period, chosen, self->min_cell,
                               &error);
    }
  else
    report = g_steal_pointer (&all);

  if (report == NULL)
    {
      /* Translators: the heading of a message when the report cannot be computed */
      show_error (self, _("The report could not be made"), error);
      return;
    }

  g_set_object (&self->report, report);
  gtk_label_set_text (self->title_label, kns_report_get_subtitle (report));
  {
    g_autofree char *school = g_strdup_printf ("%s%s%s", kns_report_get_school_name (report),
                                               *kns_report_get_school_location (report) != '\0'
                                                 ? " · "
                                                 : "",
                                               kns_report_get_school_location (report));

    gtk_label_set_text (self->school_label, school);
  }
  show_report (self);
  update_bundles (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORT]);
}

/**
 * kns_report_page_get_report:
 *
 * Returns: (transfer none) (nullable): the report on screen
 */
KnsReport *
kns_report_page_get_report (KnsReportPage *self)
{
  g_return_val_if_fail (KNS_IS_REPORT_PAGE (self), NULL);
  return self->report;
}

gboolean
kns_report_page_get_importing (KnsReportPage *self)
{
  g_return_val_if_fail (KNS_IS_REPORT_PAGE (self), FALSE);
  return self->import_files != NULL;
}

/**
 * kns_report_page_import:
 * @paths: (array zero-terminated=1): files and folders
 *
 * Imports every bundle found, in a worker thread, with a progress bar
 * and a line for each file; then shows the report again. Does nothing
 * while an import runs.
 */
void
kns_report_page_import (KnsReportPage      *self,
                        const char * const *paths)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GTask) task = NULL;
  ImportData *data;

  g_return_if_fail (KNS_IS_REPORT_PAGE (self));
  g_return_if_fail (paths != NULL);

  if (self->store == NULL || self->import_files != NULL)
    return;

  clear_box (GTK_WIDGET (self->import_results));
  gtk_widget_set_visible (GTK_WIDGET (self->import_results), TRUE);
  files = kns_bundle_list_files (paths, &error);
  if (files == NULL)
    {
      gtk_list_box_append (self->import_results, result_row_new (NULL, error->message, TRUE));
      return;
    }

  self->import_files = g_steal_pointer (&files);
  self->import_index = 0;
  self->n_imported = self->n_unchanged = self->n_refused = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->import_progress), TRUE);
  update_progress (self);

  self->import_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->import_cancellable, import_done_cb,
                     g_object_ref (self->import_cancellable));
  g_task_set_source_tag (task, kns_report_page_import);
  data = g_new0 (ImportData, 1);
  data->files = g_ptr_array_ref (self->import_files);
  data->data_dir = g_path_get_dirname (kns_store_get_path (self->store));
  g_task_set_task_data (task, data, (GDestroyNotify) import_data_free);
  g_task_run_in_thread (task, import_thread);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMPORTING]);
}

/**
 * kns_report_page_export_async:
 * @file: a .csv or .pdf file for the report on screen, or a .json file
 *   for this computer's figures of the school year
 *
 * Writes the file in a worker thread.
 */
void
kns_report_page_export_async (KnsReportPage       *self,
                              GFile               *file,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  ExportData *data;
  KnsReportFormat format;

  g_return_if_fail (KNS_IS_REPORT_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kns_report_page_export_async);

  data = g_new0 (ExportData, 1);
  data->path = g_file_get_path (file);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  if (self->report == NULL || data->path == NULL ||
      !kns_report_format_for_file (data->path, &format, &error))
    {
      if (error == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                             _("There is no report to save."));
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The bundle is read from the store here, in the main thread. */
  if (format == KNS_REPORT_FORMAT_JSON)
    {
      data->bundle = kns_bundle_new_from_store (self->store, self->course,
                                                self->period.school_year, &error);
      if (data->bundle == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }
  else
    data->report = g_object_ref (self->report);

  g_task_run_in_thread (task, export_thread);
}

gboolean
kns_report_page_export_finish (KnsReportPage  *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
