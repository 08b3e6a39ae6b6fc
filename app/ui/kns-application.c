/* kns-application.c
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

#define G_LOG_DOMAIN "kns-application"

#include "kns-config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <termios.h>
#include <unistd.h>

#include "kns-application.h"
#include "kns-content-check.h"
#include "kns-report-cli.h"
#include "kns-report.h"
#include "kns-school-key.h"
#include "kns-store.h"
#include "kns-teacher.h"
#include "kns-window.h"

struct _KnsApplication
{
  AdwApplication  parent_instance;

  char           *content_dir;
  char           *data_dir;
  gboolean        kiosk;
  GSettings      *settings;  /* NULL when the schema is not installed */
  KnsCourse      *course;
  GCancellable   *cancellable;
};

G_DEFINE_FINAL_TYPE (KnsApplication, kns_application, ADW_TYPE_APPLICATION)

/* --check-content takes an optional folder, which GOptionEntry can only
 * express through a callback; the callback has no instance to write to. */
static gboolean check_content_requested;
static char *check_content_dir;

static gboolean
check_content_option_cb (const char  *option_name,
                         const char  *value,
                         gpointer     data,
                         GError     **error)
{
  check_content_requested = TRUE;
  g_free (check_content_dir);
  check_content_dir = g_strdup (value);
  return TRUE;
}

static const GOptionEntry option_entries[] = {
  { "kiosk", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Run full screen for a school lab; leaving takes the teacher PIN"), NULL },
  { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Keep learners’ progress in DIR"), N_("DIR") },
  { "content-dir", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Read lessons from DIR instead of the bundled ones"), N_("DIR") },
  { "check-content", 0, G_OPTION_FLAG_OPTIONAL_ARG, G_OPTION_ARG_CALLBACK,
    (gpointer) check_content_option_cb,
    N_("Check the lessons in DIR (default: the bundled ones), print each problem and exit"),
    N_("DIR") },
  { "reset-teacher-pin", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Set a new teacher PIN, for whoever looks after this computer, and exit"), NULL },
  { "set-report-passphrase", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Set the school’s report passphrase, the same on every lab computer, and exit"), NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and exit"), NULL },
  { "export-report", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the school report to FILE and exit: .csv (spreadsheet), .pdf (printable) or .json "
       "(this computer’s figures, for the computer that makes the report)"),
    N_("FILE") },
  { "school-year", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-report: the school year, such as 2026-2027 (default: the current one)"),
    N_("YEAR") },
  { "import-report", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL,
    N_("Merge the .json report files, or folders of them, of other lab computers and exit"),
    N_("FILE…") },
  /* More files after --import-report FILE. */
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[FILE…]") },
  { NULL }
};

static void
course_loaded_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(KnsApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  self->course = kns_course_load_finish (result, &error);
  if (self->course == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Loading the course failed: %s", error->message);
      return;
    }

  g_debug ("Loaded %u lessons from %s", kns_course_get_n_lessons (self->course),
           kns_course_get_root (self->course));

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window != NULL)
    kns_window_set_course (KNS_WINDOW (window), self->course);
}

/* GSettings aborts on a missing schema; a binary run straight from a
 * build folder has none, and then the defaults serve. */
static GSettings *
kns_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      g_debug ("The GSettings schema %s is not installed; using the defaults", APP_ID);
      return NULL;
    }
  return g_settings_new (APP_ID);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static char *resolve_data_dir (KnsApplication *self);

/* One line from the terminal, without echo when it is one. */
static char *
read_secret (const char *prompt)
{
  struct termios saved, quiet;
  gboolean tty = isatty (STDIN_FILENO);
  char line[256] = { 0 };

  fputs (prompt, stdout);
  fflush (stdout);
  if (tty && tcgetattr (STDIN_FILENO, &saved) == 0)
    {
      quiet = saved;
      quiet.c_lflag &= ~(tcflag_t) ECHO;
      tcsetattr (STDIN_FILENO, TCSANOW, &quiet);
    }
  if (fgets (line, sizeof line, stdin) == NULL)
    line[0] = '\0';
  if (tty)
    tcsetattr (STDIN_FILENO, TCSANOW, &saved);
  fputs ("\n", stdout);
  return g_strstrip (g_strdup (line));
}

/* `kynangso --reset-teacher-pin`: whoever can write the data folder can
 * set a new PIN. That is the same person who could delete the database,
 * so it gives nothing away. */
static int
reset_teacher_pin (KnsApplication *self)
{
  g_autofree char *data_dir = resolve_data_dir (self);
  g_autoptr(GError) error = NULL;
  /* Shared: the app may be open in kiosk mode with a guest signed in. */
  g_autoptr(KnsStore) store = kns_store_open_shared (data_dir, &error);
  g_autofree char *pin = NULL;
  g_autofree char *again = NULL;
  g_autofree char *done = NULL;

  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  pin = read_secret (_("New teacher PIN (6 to 12 digits): "));
  again = read_secret (_("The same PIN again: "));
  if (g_strcmp0 (pin, again) != 0)
    {
      g_printerr ("%s\n", _("The two PINs are not the same; the PIN was not changed."));
      return 1;
    }
  if (!kns_teacher_set_pin (store, pin, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  done = g_strdup_printf (_("The teacher PIN for %s was changed.\n"), kns_store_get_path (store));
  fputs (done, stdout);
  return 0;
}

/* `kynangso --set-report-passphrase`: the school's report bundles are
 * sealed with a key made from this passphrase, typed the same on every
 * lab computer (README, "Privacy"). From a terminal it is asked twice,
 * unseen; a script may give it once on standard input. */
static int
set_report_passphrase (KnsApplication *self)
{
  g_autofree char *data_dir = resolve_data_dir (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsStore) store = kns_store_open_shared (data_dir, &error);
  g_autofree char *passphrase = NULL;
  g_autofree char *done = NULL;

  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  passphrase = read_secret (_("The school’s report passphrase: "));
  if (isatty (STDIN_FILENO))
    {
      g_autofree char *again = read_secret (_("The same passphrase again: "));

      if (g_strcmp0 (passphrase, again) != 0)
        {
          g_printerr ("%s\n", _("The two passphrases are not the same; nothing was changed."));
          return 1;
        }
    }
  if (!kns_school_key_set_passphrase (store, passphrase, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  done = g_strdup_printf (_("The school’s report passphrase for %s was set. Set the same one on "
                            "every lab computer of the school.\n"),
                          kns_store_get_path (store));
  fputs (done, stdout);
  return 0;
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
};

static void
print_utf8 (const char *text)
{
  /* g_print() would convert to the locale's charset; file names and
   * messages are UTF-8 and a C-locale terminal shows them fine. */
  fputs (text, stdout);
  fflush (stdout);
}

/* --export-report and --import-report, before any GTK start-up; they
 * work while the app is open on the same data (kns-report-cli.c). */
static int
run_report_verbs (KnsApplication *self,
                  GVariantDict   *options)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) err = g_string_new (NULL);
  g_autofree char *data_dir = resolve_data_dir (self);
  g_autofree const char **imports = NULL;
  g_autofree const char **remaining = NULL;
  const char *export_file = NULL;
  const char *school_year = NULL;
  guint min_cell = self->settings != NULL ? g_settings_get_uint (self->settings, "report-min-cell")
                                          : KNS_REPORT_DEFAULT_MIN_CELL;
  int status = 0;

  g_variant_dict_lookup (options, "export-report", "^&ay", &export_file);
  g_variant_dict_lookup (options, "school-year", "&s", &school_year);
  g_variant_dict_lookup (options, "import-report", "^a&ay", &imports);
  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &remaining);

  if ((remaining != NULL && imports == NULL) || (school_year != NULL && export_file == NULL))
    {
      g_string_append (err, _("Files go after --import-report, and --school-year goes with "
                              "--export-report; see kynangso --help.\n"));
      status = 1;
    }
  else
    {
      g_autoptr(GStrvBuilder) paths = g_strv_builder_new ();
      g_auto(GStrv) all = NULL;

      if (imports != NULL)
        g_strv_builder_addv (paths, imports);
      if (remaining != NULL)
        g_strv_builder_addv (paths, remaining);
      all = g_strv_builder_end (paths);

      if (export_file != NULL)
        status = kns_report_cli_export (data_dir, self->content_dir, export_file, school_year,
                                        min_cell, out, err);
      if (all[0] != NULL && status == 0)
        status = kns_report_cli_import (data_dir, (const char * const *) all, out, err);
    }

  print_utf8 (out->str);
  fputs (err->str, stderr);
  return status;
}

static int
kns_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  KnsApplication *self = KNS_APPLICATION (app);
  const char *dir = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      print_utf8 ("kynangso " PACKAGE_VERSION "\n");
      return 0;
    }

  if (g_variant_dict_lookup (options, "content-dir", "^&ay", &dir))
    {
      g_free (self->content_dir);
      self->content_dir = g_strdup (dir);
    }
  if (g_variant_dict_lookup (options, "data-dir", "^&ay", &dir))
    {
      g_free (self->data_dir);
      self->data_dir = g_strdup (dir);
    }
  self->kiosk = g_variant_dict_contains (options, "kiosk");

  if (g_variant_dict_contains (options, "reset-teacher-pin"))
    return reset_teacher_pin (self);
  if (g_variant_dict_contains (options, "set-report-passphrase"))
    return set_report_passphrase (self);
  if (g_variant_dict_contains (options, "export-report") ||
      g_variant_dict_contains (options, "import-report") ||
      g_variant_dict_contains (options, "school-year") ||
      g_variant_dict_contains (options, G_OPTION_REMAINING))
    return run_report_verbs (self, options);

  if (check_content_requested)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      int status;

      status = kns_content_check (check_content_dir ? check_content_dir : self->content_dir, out);
      print_utf8 (out->str);
      return status;
    }

  return G_APPLICATION_CLASS (kns_application_parent_class)->handle_local_options (app, options);
}

static void
kns_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (kns_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);

  /* In a kiosk, Ctrl+Q does nothing: only teacher mode quits. The
   * GSettings key can turn the kiosk on as well as --kiosk. */
  if (KNS_APPLICATION (app)->settings != NULL &&
      g_settings_get_boolean (KNS_APPLICATION (app)->settings, "kiosk-mode"))
    KNS_APPLICATION (app)->kiosk = TRUE;
  if (KNS_APPLICATION (app)->kiosk)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (app), "quit")), FALSE);
  else
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
}

/* --data-dir, else the GSettings key, else the user's data folder. */
static char *
resolve_data_dir (KnsApplication *self)
{
  g_autofree char *from_settings = NULL;

  if (self->data_dir != NULL)
    return g_strdup (self->data_dir);
  if (self->settings != NULL)
    from_settings = g_settings_get_string (self->settings, "data-dir");
  if (from_settings != NULL && *from_settings != '\0')
    return g_steal_pointer (&from_settings);
  return kns_store_default_dir ();
}

static void
open_store (KnsApplication *self,
            KnsWindow      *window)
{
  g_autofree char *data_dir = resolve_data_dir (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsStore) store = kns_store_open (data_dir, &error);

  if (store == NULL)
    {
      g_message ("Opening the store in %s failed: %s", data_dir, error->message);
      kns_window_show_store_error (window, error, data_dir);
      return;
    }
  kns_window_set_store (window, store);
}

/* KNS_EXIT_AFTER_FIRST_FRAME=1 is for tests/bench-startup.c only: on
 * the first frame painted, and on the first frame of the screen the app
 * settles on (sign-in, set-up…, not "loading"), print a line with the
 * renderer, the screen and g_get_monotonic_time (), then quit. Nothing
 * of it runs without the variable. */
static void
frame_painted_cb (GdkFrameClock *clock,
                  GtkWidget     *window)
{
  static gboolean loading_shown;
  const char *screen = kns_screen_to_string (kns_window_get_screen (KNS_WINDOW (window)));
  gboolean loading = kns_window_get_screen (KNS_WINDOW (window)) == KNS_SCREEN_LOADING;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  g_autofree char *line = g_strdup_printf ("kns-frame: %s %s %" G_GINT64_FORMAT "\n",
                                           screen != NULL ? screen : "none",
                                           G_OBJECT_TYPE_NAME (renderer),
                                           g_get_monotonic_time ());

  if (!loading || !loading_shown)
    print_utf8 (line);
  loading_shown |= loading;
  if (loading)
    return;
  g_signal_handlers_disconnect_by_func (clock, frame_painted_cb, window);
  g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (window))));
}

static void
window_realized_cb (GtkWidget *window)
{
  g_signal_connect_after (gtk_widget_get_frame_clock (window), "after-paint",
                          G_CALLBACK (frame_painted_cb), window);
}

static void
kns_application_activate (GApplication *app)
{
  KnsApplication *self = KNS_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      KnsWindow *kns_window = kns_window_new (GTK_APPLICATION (app));

      window = GTK_WINDOW (kns_window);
      if (g_getenv ("KNS_EXIT_AFTER_FIRST_FRAME") != NULL)
        g_signal_connect (kns_window, "realize", G_CALLBACK (window_realized_cb), NULL);
      kns_window_set_settings (kns_window, self->settings);
      kns_window_set_kiosk (kns_window, self->kiosk);
      open_store (self, kns_window);
      if (self->course != NULL)
        kns_window_set_course (kns_window, self->course);
      else
        kns_course_load_async (self->content_dir, self->cancellable, course_loaded_cb,
                               g_object_ref (self));
    }

  gtk_window_present (window);
}

static void
kns_application_dispose (GObject *object)
{
  KnsApplication *self = (KnsApplication *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->course);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (kns_application_parent_class)->dispose (object);
}

static void
kns_application_finalize (GObject *object)
{
  KnsApplication *self = (KnsApplication *) object;

  g_free (self->content_dir);
  g_free (self->data_dir);

  G_OBJECT_CLASS (kns_application_parent_class)->finalize (object);
}

static void
kns_application_class_init (KnsApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = kns_application_dispose;
  object_class->finalize = kns_application_finalize;
  app_class->handle_local_options = kns_application_handle_local_options;
  app_class->startup = kns_application_startup;
  app_class->activate = kns_application_activate;
}

static void
kns_application_init (KnsApplication *self)
{
  const char *env_content = g_getenv ("KYNANGSO_CONTENT_DIR");

  /* KYNANGSO_CONTENT_DIR is set by `meson devenv`, to run from the tree. */
  self->content_dir = g_strdup (env_content ? env_content : CONTENTDIR);
  self->cancellable = g_cancellable_new ();
  self->settings = kns_settings_new ();

  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Learn to stay safe online, lesson by lesson."));
}

KnsApplication *
kns_application_new (void)
{
  return g_object_new (KNS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

const char *
kns_application_get_content_dir (KnsApplication *self)
{
  g_return_val_if_fail (KNS_IS_APPLICATION (self), NULL);
  return self->content_dir;
}
