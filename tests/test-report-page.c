/* test-report-page.c — "Báo cáo" on its own in a window
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
 * Teacher mode places the page; here it is driven alone, on the fixture
 * school of report-fixture.c: the figures on screen, the period and the
 * sessions, saving, and importing a folder of bundles with its progress.
 * Screenshots go to the test log folder (KNS_SCREENSHOT_DIR).
 */

#include "kns-config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "kns-bundle.h"
#include "kns-report-page.h"
#include "kns-report-private.h"
#include "kns-school-key.h"
#include "kns-test-util.h"
#include "kns-ui-util.h"
#include "report-fixture.h"

typedef struct
{
  ReportSchool  *school;
  KnsCourse     *course;
  GtkWindow     *window;
  KnsReportPage *page;
} Fixture;

#define WAIT_FOR(cond)                                                       \
  G_STMT_START {                                                             \
    gint64 _deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;        \
    while (!(cond) && g_get_monotonic_time () < _deadline)                   \
      g_main_context_iteration (NULL, FALSE);                                \
    g_assert_true (cond);                                                    \
  } G_STMT_END

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static void
collect_text (GtkWidget *widget,
              GString   *out)
{
  if (!gtk_widget_get_visible (widget))
    return;
  /* Rows show their title and subtitle in labels of their own. */
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_text (child, out);
}

static char *
visible_text (Fixture *f)
{
  GString *out = g_string_new (NULL);

  collect_text (GTK_WIDGET (f->page), out);
  return g_string_free (out, FALSE);
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type,
             guint     *skip)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    {
      if (*skip == 0)
        return root;
      (*skip)--;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, skip);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
nth_widget (Fixture *f,
            GType    type,
            guint    n)
{
  return find_widget (GTK_WIDGET (f->page), type, &n);
}

static gint64
total_of (KnsReport  *report,
          const char *id)
{
  const KnsReportTable *table = kns_report_get_table (report, id);

  return kns_report_table_get_cell (table, table->n_rows - 1, table->n_columns - 1)->value;
}

static char *
screenshot_dir (void)
{
  const char *dir = g_getenv ("KNS_SCREENSHOT_DIR");

  return g_strdup (dir != NULL ? dir : g_get_tmp_dir ());
}

static void
screenshot (Fixture    *f,
            const char *name)
{
  GtkWidget *widget = GTK_WIDGET (f->window);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = screenshot_dir ();
  g_autofree char *file = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  /* The window may not have been drawn yet on a busy machine. A
   * screenshot is for people to look at, not a check: after a while,
   * go on without it. */
  for (guint tries = 0; node == NULL && tries < 20; tries++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

      spin (100);
      width = gtk_widget_get_width (widget);
      height = gtk_widget_get_height (widget);
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  if (node == NULL)
    {
      g_test_message ("no screenshot of %s: the window was not drawn", name);
      return;
    }
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_mkdir_with_parents (dir, 0755);
  file = g_strdup_printf ("%s/report-page-%s.png", dir, name);
  g_assert_true (gdk_texture_save_to_png (texture, file));
  g_test_message ("screenshot: %s", file);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->school = report_school_new (TRUE);
  f->course = report_course_load ();
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1024, 1400);
  kns_ui_load_style (gtk_widget_get_display (GTK_WIDGET (f->window)));
  f->page = KNS_REPORT_PAGE (kns_report_page_new ());
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  kns_report_page_set_context (f->page, f->school->store, f->course, 5);
  gtk_window_present (f->window);
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (f->page)));
  spin (200);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_object_add_weak_pointer (G_OBJECT (f->page), (gpointer *) &f->page);
  gtk_window_destroy (f->window);
  WAIT_FOR (f->page == NULL);
  g_clear_object (&f->course);
  report_school_free (f->school);
}

/* The fixture school's figures, with hidden ones marked. */
static void
test_shows_report (Fixture       *f,
                   gconstpointer  data)
{
  KnsReport *report = kns_report_page_get_report (f->page);
  g_autofree char *text = visible_text (f);

  g_assert_nonnull (report);
  g_assert_cmpint (total_of (report, "participants"), ==, 35);
  g_assert_nonnull (strstr (text, "School year 2026–2027\n"));
  g_assert_nonnull (strstr (text, "Trường Tiểu học Kim Đồng · Phường Ba Đình, Hà Nội\n"));
  g_assert_nonnull (strstr (text, "Pupils who took part (headcount)\n"));
  g_assert_nonnull (strstr (text, "05/10/2026 · 5A · An toàn khi dùng mạng\n"));
  /* 17 pupils, published rounded to a multiple of 5. */
  g_assert_true (strstr (text, "45 minutes · In person · skill groups 1, 2, 3 · 2.5, 4.1, 4.2, 4.3 · 15 pupils\n") != NULL ||
                 strstr (text, "45 minutes · In person · skill groups 1, 2, 3 · 2.5, 4.1, 4.2, 4.3 · 20 pupils\n") != NULL);
  g_assert_nonnull (strstr (text, "Hotline 111 (child protection): Yes\n"));
  /* Hidden figures show "*", never a number. */
  g_assert_nonnull (strstr (text, "\n*\n"));
  /* No nickname on screen either. */
  for (guint i = 0; i < f->school->nicknames->len; i++)
    g_assert_null (strstr (text, g_ptr_array_index (f->school->nicknames, i)));
  screenshot (f, "report");
}

static gint64
exact_total (Fixture    *f,
             const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsReport) report = NULL;
  KnsReportPeriod period;

  kns_report_period_init (&period, 2026);
  report = kns_report_new_exact (f->school->store, f->course, &period, NULL, 5, &error);
  g_assert_no_error (error);
  return total_of (report, id);
}

/* Whether @shown is @exact rounded to a multiple of 5, up or down. */
static gboolean
is_rounding_of (gint64 shown,
                gint64 exact)
{
  return shown % 5 == 0 && ABS (shown - exact) < 5;
}

/* The whole school year, with no dates to type; then a session ticked,
 * then the previous school year. */
static void
test_year_and_sessions (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *check;

  g_assert_null (nth_widget (f, ADW_TYPE_ENTRY_ROW, 0));
  /* What the page shows is the exact year's figure, rounded. */
  g_assert_true (is_rounding_of (total_of (kns_report_page_get_report (f->page), "attendances"),
                                 exact_total (f, "attendances")));

  check = nth_widget (f, GTK_TYPE_CHECK_BUTTON, 0);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  WAIT_FOR (kns_report_get_sessions_chosen (kns_report_page_get_report (f->page)));
  g_assert_true (is_rounding_of (total_of (kns_report_page_get_report (f->page), "participants"),
                                 17));
  screenshot (f, "session-chosen");

  adw_combo_row_set_selected (ADW_COMBO_ROW (nth_widget (f, ADW_TYPE_COMBO_ROW, 0)), 1);
  WAIT_FOR (kns_report_get_period (kns_report_page_get_report (f->page))->school_year == 2025);
  g_assert_false (kns_report_get_sessions_chosen (kns_report_page_get_report (f->page)));
  g_assert_cmpint (total_of (kns_report_page_get_report (f->page), "participants"), ==, 0);
}

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (kns_report_page_export_finish (KNS_REPORT_PAGE (source), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

/* What the file chooser's answer leads to: each kind of file. */
static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  static const char *const names[] = { "bao-cao.csv", "bao-cao.pdf", "may-1.json" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (f->school->dir, names[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      gboolean done = FALSE;

      kns_report_page_export_async (f->page, file, NULL, exported_cb, &done);
      WAIT_FOR (done);
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    }
}

static void
notify_importing_cb (KnsReportPage *page,
                     GParamSpec    *pspec,
                     guint         *changes)
{
  (*changes)++;
}

/* A USB stick of thirty computers' files and a broken one: progress as
 * it goes, a line for each file, and the merged report. */
static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *usb = g_build_filename (f->school->dir, "usb", NULL);
  g_autofree char *broken = g_build_filename (usb, "zz-hong.json", NULL);
  g_autoptr(KnsBundle) bundle = NULL;
  g_autoptr(GError) error = NULL;
  const char *paths[] = { usb, NULL };
  GtkProgressBar *progress;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  double last_fraction = 0;
  guint changes = 0;
  guint rows = 0;

  g_assert_cmpint (g_mkdir (usb, 0700), ==, 0);
  for (guint i = 0; i < 30; i++)
    {
      g_autoptr(ReportSchool) pc = report_school_new (FALSE);
      g_autoptr(KnsLearner) learner = kns_store_add_learner (pc->store, "Cáo 1", "5A", 5, "cat",
                                                             KNS_SEX_UNSTATED, &error);
      g_autofree char *file = g_strdup_printf ("%s/may-%02u.json", usb, i + 1);

      g_assert_true (kns_store_sign_in (pc->store, learner->id, &error));
      bundle = kns_bundle_new_from_store (pc->store, NULL, 2026, &error);
      g_assert_true (kns_bundle_write (bundle, file, &error));
      g_clear_pointer (&bundle, kns_bundle_free);
    }
  g_assert_true (g_file_set_contents (broken, "{\"format\": \"kynangso-report-bundle\"", -1, NULL));

  g_signal_connect (f->page, "notify::importing", G_CALLBACK (notify_importing_cb), &changes);
  kns_report_page_import (f->page, paths);
  g_assert_true (kns_report_page_get_importing (f->page));
  progress = GTK_PROGRESS_BAR (nth_widget (f, GTK_TYPE_PROGRESS_BAR, 0));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (progress)));
  g_assert_cmpstr (gtk_progress_bar_get_text (progress), ==, "0 of 31 files");
  /* The files are imported in a worker thread, and told to the page as
   * their writes reach the disk, a group at a time: the progress only
   * goes forward, and the page stays live meanwhile. */
  while (kns_report_page_get_importing (f->page))
    {
      double fraction = gtk_progress_bar_get_fraction (progress);

      g_assert_cmpfloat (fraction, >=, last_fraction);
      last_fraction = fraction;
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_cmpuint (changes, ==, 2);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (progress)));

  /* The summary, then a line for each file. */
  text = visible_text (f);
  lines = g_strsplit (text, "\n", -1);
  /* In the order of the files. */
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_regex_match_simple ("^(may-[0-9][0-9]|zz-hong)\\.json$", lines[i], 0, 0))
      {
        g_autofree char *expected = rows < 30 ? g_strdup_printf ("may-%02u.json", rows + 1)
                                              : g_strdup ("zz-hong.json");

        g_assert_cmpstr (lines[i], ==, expected);
        rows++;
      }
  g_assert_cmpuint (rows, ==, 31);
  g_assert_nonnull (strstr (text, "Imported: 30. Unchanged: 0. Refused: 1.\n"));
  g_assert_nonnull (strstr (text, "zz-hong.json\n"));
  g_assert_nonnull (strstr (text, "is cut short"));
  g_assert_cmpuint (kns_report_get_n_computers (kns_report_page_get_report (f->page)), ==, 31);
  g_assert_cmpint (total_of (kns_report_page_get_report (f->page), "participants"), ==, 35 + 30);
  screenshot (f, "imported");
}

/* Types @passphrase and @again in the passphrase dialog and presses
 * "Set". */
static void
give_passphrase (const char *passphrase,
                 const char *again)
{
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  WAIT_FOR ((dialog = kns_test_find_message_dialog ()) != NULL);
  entry = gtk_widget_get_first_child (adw_message_dialog_get_extra_child (dialog));
  gtk_editable_set_text (GTK_EDITABLE (entry), passphrase);
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_next_sibling (entry)), again);
  WAIT_FOR (kns_test_find_button (GTK_WIDGET (dialog), "Set") != NULL);
  kns_test_click (kns_test_find_button (GTK_WIDGET (dialog), "Set"));
  WAIT_FOR (kns_test_find_message_dialog () != dialog);
}

static const char *
row_subtitle (Fixture *f)
{
  AdwActionRow *row = NULL;

  for (guint i = 0; (row = ADW_ACTION_ROW (nth_widget (f, ADW_TYPE_ACTION_ROW, i))) != NULL; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "Report passphrase") == 0)
      return adw_action_row_get_subtitle (row);
  g_assert_not_reached ();
}

/* A computer without the passphrase cannot send its figures away: the
 * button asks for one first. Two different ones, or a short one, are
 * refused saying why; once set, the file it saves opens with the key of
 * those words, on any computer, and with no other key. */
static void
test_passphrase (Fixture       *f,
                 gconstpointer  data)
{
  static const char *words = "  Sen hồng phòng máy số hai ";
  g_autofree char *path = g_build_filename (f->school->dir, "may-1.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsBundle) opened = NULL;
  guint8 key[KNS_SCHOOL_KEY_SIZE];
  guint8 stored[KNS_SCHOOL_KEY_SIZE];
  AdwMessageDialog *dialog;
  gboolean done = FALSE;

  /* A fresh lab computer. */
  g_assert_true (kns_store_set_setting (f->school->store, KNS_STORE_SETTING_SCHOOL_KEY, "", &error));
  kns_report_page_set_context (f->page, f->school->store, f->course, 5);
  g_assert_true (g_str_has_prefix (row_subtitle (f), "Not set yet."));

  gtk_widget_activate_action (GTK_WIDGET (f->page), "report.export-json", NULL);
  WAIT_FOR ((dialog = kns_test_find_message_dialog ()) != NULL);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Set the report passphrase");
  kns_test_screenshot (GTK_WIDGET (dialog), "report-page-passphrase-dialog");

  give_passphrase ("Sen hồng phòng máy số hai", "Sen hồng phòng máy số ba");
  WAIT_FOR ((dialog = kns_test_find_message_dialog ()) != NULL);
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog),
                                   "The two passphrases are not the same"));
  give_passphrase ("hoa sen", "hoa sen");
  WAIT_FOR ((dialog = kns_test_find_message_dialog ()) != NULL);
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog),
                                   "The passphrase is too short"));
  g_assert_false (kns_school_key_is_set (f->school->store));

  /* Spaces around, and the same letters typed decomposed (as some input
   * methods do), make the same words. */
  give_passphrase (words, "Sen ho\xcc\x82\xcc\x80ng phòng máy số hai");
  WAIT_FOR (g_str_has_prefix (row_subtitle (f), "Set on this computer."));
  g_assert_null (kns_test_find_message_dialog ());
  g_assert_true (kns_school_key_get (f->school->store, stored, &error));
  g_assert_true (kns_school_key_derive ("Sen hồng phòng máy số hai", key, &error));
  g_assert_true (memcmp (key, stored, sizeof key) == 0);

  kns_report_page_export_async (f->page, file, NULL, exported_cb, &done);
  WAIT_FOR (done);
  opened = kns_bundle_load (path, key, &error);
  g_assert_no_error (error);
  g_assert_nonnull (opened);
  g_clear_pointer (&opened, kns_bundle_free);
  opened = kns_bundle_load (path, report_school_key, &error);
  g_assert_error (error, KNS_BUNDLE_ERROR, KNS_BUNDLE_ERROR_WRONG_KEY);
  g_assert_null (opened);
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "ICT-7", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  ADD ("/kns/report-page/shows-report", test_shows_report);
  ADD ("/kns/report-page/year-and-sessions", test_year_and_sessions);
  ADD ("/kns/report-page/export", test_export);
  ADD ("/kns/report-page/import", test_import);
  ADD ("/kns/report-page/passphrase", test_passphrase);

  return g_test_run ();
}
