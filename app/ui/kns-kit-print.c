/* kns-kit-print.c — saving the session kit's PDFs from the window
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
 * What the teacher (or a parent, at home) prints: the plan, the parents'
 * page, a certificate, the class's poster. The PDF is drawn by
 * app/core/kit and saved where the file chooser says. The name on a
 * certificate is typed in its dialog and goes only into the PDF: it is
 * not saved, and the dialog never offers the pupil's stored nickname.
 *
 * Tests set KNS_TEST_SAVE_DIR: the file is then written there under its
 * suggested name instead of asking, so that the real buttons can be
 * pressed and the real file read.
 */

#define G_LOG_DOMAIN "kns-kit-print"

#include "kns-config.h"

#include <glib/gi18n.h>

#include "kns-kit-print.h"
#include "kns-ui-util.h"

typedef struct
{
  GBytes    *pdf;
  GtkWidget *widget;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_bytes_unref (data->pdf);
  g_object_unref (data->widget);
  g_free (data);
}

static void
toast (GtkWidget  *widget,
       const char *file_name)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *text = NULL;

  if (overlay == NULL)
    {
      GtkRoot *root = gtk_widget_get_root (widget);
      GtkWindow *parent = GTK_IS_WINDOW (root) ? gtk_window_get_transient_for (GTK_WINDOW (root)) : NULL;

      if (parent != NULL)
        overlay = gtk_widget_get_first_child (GTK_WIDGET (parent));
      if (overlay != NULL && !ADW_IS_TOAST_OVERLAY (overlay))
        overlay = NULL;
    }
  if (overlay == NULL)
    return;
  /* Translators: a toast after saving; %s is a file name */
  text = g_strdup_printf (_("Saved %s"), file_name);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (text));
}

static void
write_pdf (GtkWidget *widget,
           GBytes    *pdf,
           GFile     *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);

  if (!g_file_replace_contents (file, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL,
                                FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error))
    {
      kns_report_error (widget, error);
      return;
    }
  toast (widget, name);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     SaveData        *data)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    write_pdf (data->widget, data->pdf, file);
  save_data_free (data);
  g_object_unref (chooser);
}

/**
 * kns_kit_save_pdf:
 * @widget: what asked, for the dialog's parent and the toast
 * @file_name: the name offered
 *
 * Asks where to save @pdf and saves it there.
 */
void
kns_kit_save_pdf (GtkWidget  *widget,
                  GBytes     *pdf,
                  const char *file_name)
{
  const char *test_dir = g_getenv ("KNS_TEST_SAVE_DIR");
  GtkFileChooserNative *chooser;
  GtkRoot *root;
  SaveData *data;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (pdf != NULL && file_name != NULL);

  if (test_dir != NULL)
    {
      g_autofree char *path = g_build_filename (test_dir, file_name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      write_pdf (widget, pdf, file);
      return;
    }

  root = gtk_widget_get_root (widget);
  /* Translators: the title of the dialog that saves a printable PDF */
  chooser = gtk_file_chooser_native_new (_("Save to print"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  data = g_new0 (SaveData, 1);
  data->pdf = g_bytes_ref (pdf);
  data->widget = g_object_ref (widget);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static char *
tier_subtitle (KnsCourse *course,
               KnsPlan   *plan)
{
  g_autoptr(GString) lessons = g_string_new (NULL);
  KnsLesson *scenario = kns_course_lookup_lesson (course, plan->scenario);

  for (guint i = 0; plan->lessons[i] != NULL; i++)
    {
      KnsLesson *lesson = kns_course_lookup_lesson (course, plan->lessons[i]);

      g_string_append_printf (lessons, "%s“%s”", i > 0 ? ", " : "",
                              lesson != NULL ? kns_lesson_get_title (lesson) : plan->lessons[i]);
    }
  /* Translators: under a session plan's title: minutes, lessons, scenario */
  return g_strdup_printf (_("%u minutes · Lessons on the computers: %s · Scenario played "
                            "together: “%s”"),
                          plan->minutes, lessons->str,
                          scenario != NULL ? kns_lesson_get_title (scenario) : plan->scenario);
}

/**
 * kns_kit_plan_pdf:
 *
 * Returns: (transfer full) (nullable): the teacher's session plan, to print
 */
GBytes *
kns_kit_plan_pdf (KnsPlan    *plan,
                  KnsCourse  *course,
                  GError    **error)
{
  g_autoptr(GPtrArray) sections = g_ptr_array_new_with_free_func ((GDestroyNotify) kns_print_section_free);
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (plan != NULL && KNS_IS_COURSE (course), NULL);

  subtitle = tier_subtitle (course, plan);
  g_ptr_array_add (sections, kns_print_section_new (NULL, plan->intro, NULL));
  for (guint i = 0; i < plan->sections->len; i++)
    {
      KnsPlanSection *section = g_ptr_array_index (plan->sections, i);

      g_ptr_array_add (sections, kns_print_section_new (section->title, section->blocks, NULL));
    }
  return kns_kit_document_pdf (plan->title, subtitle, sections, error);
}

/**
 * kns_kit_parent_tips:
 *
 * Returns: (transfer full) (element-type utf8): the `parents:` tips of the
 *   tier's lessons, in course order, each once
 */
GPtrArray *
kns_kit_parent_tips (KnsTier *tier)
{
  GPtrArray *tips = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < kns_tier_get_n_lessons (tier); i++)
    {
      const char * const *lesson_tips = kns_lesson_get_parent_tips (kns_tier_get_lesson (tier, i));

      for (guint j = 0; lesson_tips != NULL && lesson_tips[j] != NULL; j++)
        if (!g_ptr_array_find_with_equal_func (tips, lesson_tips[j], g_str_equal, NULL))
          g_ptr_array_add (tips, g_strdup (lesson_tips[j]));
    }
  return tips;
}

static GHashTable *
passed_lessons (KnsStore *store,
                gint64    learner_id,
                guint     pass_mark)
{
  GHashTable *passed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) progress = kns_store_list_progress (store, learner_id, NULL);

  for (guint i = 0; progress != NULL && i < progress->len; i++)
    {
      KnsProgress *p = g_ptr_array_index (progress, i);

      if (kns_progress_get_outcome (p, pass_mark) == KNS_OUTCOME_PASSED)
        g_hash_table_add (passed, g_strdup (p->lesson_id));
    }
  return passed;
}

static gboolean
lesson_passed_cb (KnsLesson *lesson,
                  gpointer   user_data)
{
  return g_hash_table_contains (user_data, kns_lesson_get_id (lesson));
}

/**
 * kns_kit_tier_finished:
 *
 * Whether the learner passed every lesson (not scenario) of @tier: what
 * earns the certificate.
 */
gboolean
kns_kit_tier_finished (KnsTier  *tier,
                       KnsStore *store,
                       gint64    learner_id,
                       guint     pass_mark)
{
  g_autoptr(GHashTable) passed = NULL;

  g_return_val_if_fail (KNS_IS_TIER (tier) && KNS_IS_STORE (store), FALSE);

  passed = passed_lessons (store, learner_id, pass_mark);
  return kns_tier_core_lessons_done (tier, lesson_passed_cb, passed);
}

/**
 * kns_kit_describe_progress:
 * @finished: (out) (optional): whether the learner's tier is finished
 *
 * Returns: (transfer full): "Lớp 1–3: 4 of 10 lessons done", for a parent
 */
char *
kns_kit_describe_progress (KnsCourse        *course,
                           KnsStore         *store,
                           const KnsLearner *learner,
                           guint             pass_mark,
                           gboolean         *finished)
{
  KnsTier *tier = kns_course_get_tier_for_grade (course, learner->grade);
  g_autoptr(GHashTable) passed = NULL;
  guint n_core = 0, n_done = 0;

  if (finished != NULL)
    *finished = FALSE;
  if (tier == NULL)
    return g_strdup ("");

  passed = passed_lessons (store, learner->id, pass_mark);
  for (guint i = 0; i < kns_tier_get_n_lessons (tier); i++)
    {
      KnsLesson *lesson = kns_tier_get_lesson (tier, i);

      if (kns_lesson_get_scenario (lesson) != NULL)
        continue;
      n_core++;
      n_done += g_hash_table_contains (passed, kns_lesson_get_id (lesson));
    }
  if (finished != NULL)
    *finished = n_core > 0 && n_done == n_core;
  /* Translators: a child's progress, for a parent: "Lớp 1–3: 4 of 10 lessons done" */
  return g_strdup_printf (ngettext ("%s: %u of %u lesson done", "%s: %u of %u lessons done", n_core),
                          kns_tier_get_title (tier), n_done, n_core);
}

/**
 * kns_kit_parents_pdf:
 * @store: (nullable): at home, the store whose children's progress to
 *   list; %NULL in a school, where the page goes to every family
 *
 * Returns: (transfer full) (nullable): the parents' page, to print
 */
GBytes *
kns_kit_parents_pdf (KnsCourse  *course,
                     KnsStore   *store,
                     guint       pass_mark,
                     GError    **error)
{
  KnsParentsPage *page = kns_course_get_parents (course);
  g_autoptr(GPtrArray) sections = g_ptr_array_new_with_free_func ((GDestroyNotify) kns_print_section_free);
  GPtrArray *tiers = kns_course_get_tiers (course);

  g_return_val_if_fail (KNS_IS_COURSE (course), NULL);

  if (page == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("The lessons have no page for parents."));
      return NULL;
    }

  for (guint i = 0; i < page->sections->len; i++)
    {
      KnsPlanSection *section = g_ptr_array_index (page->sections, i);

      g_ptr_array_add (sections, kns_print_section_new (section->title, section->blocks, NULL));
      if (i != 0)
        continue;
      /* Under "what each class learns", each tier's tips for parents. */
      for (guint t = 0; t < tiers->len; t++)
        {
          KnsTier *tier = g_ptr_array_index (tiers, t);
          g_autoptr(GPtrArray) tips = kns_kit_parent_tips (tier);

          if (tips->len == 0)
            continue;
          g_ptr_array_add (tips, NULL);
          g_ptr_array_add (sections, kns_print_section_new (kns_tier_get_title (tier), NULL,
                                                            (const char * const *) tips->pdata));
        }
    }

  if (store != NULL)
    {
      g_autoptr(GPtrArray) learners = kns_store_list_learners (store, NULL, FALSE, NULL);
      g_autoptr(GStrvBuilder) lines = g_strv_builder_new ();
      g_auto(GStrv) strv = NULL;

      for (guint i = 0; learners != NULL && i < learners->len; i++)
        {
          KnsLearner *learner = g_ptr_array_index (learners, i);
          g_autofree char *progress = NULL;
          g_autofree char *line = NULL;

          if (learner->kind != KNS_LEARNER_PROFILE)
            continue;
          progress = kns_kit_describe_progress (course, store, learner, pass_mark, NULL);
          line = g_strdup_printf ("%s — %s", learner->nickname, progress);
          g_strv_builder_add (lines, line);
        }
      strv = g_strv_builder_end (lines);
      /* Translators: a heading of the parents' page at home */
      g_ptr_array_add (sections, kns_print_section_new (_("Your child’s progress on this computer"),
                                                        NULL, (const char * const *) strv));
    }

  return kns_kit_document_pdf (page->title, NULL, sections, error);
}

/* The certificate dialog. */

typedef struct
{
  KnsTier     *tier;
  char        *school;
  GtkEditable *name;
  AdwComboRow *paper;
} CertificateData;

static void
certificate_data_free (CertificateData *data)
{
  g_object_unref (data->tier);
  g_free (data->school);
  g_free (data);
}

static void
name_changed_cb (GtkEditable *editable,
                 AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  adw_message_dialog_set_response_enabled (dialog, "save", *name != '\0');
}

static void
certificate_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         CertificateData  *data)
{
  g_autofree char *name = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *file_name = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));
  KnsCertificate certificate = { 0 };
  GDate date;

  if (g_strcmp0 (response, "save") != 0 || parent == NULL)
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (data->name)));
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  certificate.name = name;
  certificate.tier_title = kns_tier_get_title (data->tier);
  certificate.pledge = kns_tier_get_pledge (data->tier);
  certificate.school = data->school;
  certificate.date = &date;
  pdf = kns_kit_certificate_pdf (&certificate,
                                 adw_combo_row_get_selected (data->paper) == 1 ? KNS_PAPER_A5
                                                                               : KNS_PAPER_A4,
                                 &error);
  /* The name typed is gone with the dialog; it is not in the file name. */
  gtk_editable_set_text (data->name, "");
  if (pdf == NULL)
    {
      kns_report_error (GTK_WIDGET (parent), error);
      return;
    }
  /* Translators: the file name offered for a certificate; no spaces */
  file_name = g_strdup_printf (_("certificate-tier-%u.pdf"), kns_tier_get_id (data->tier));
  kns_kit_save_pdf (GTK_WIDGET (parent), pdf, file_name);
}

/**
 * kns_kit_certificate_dialog_new:
 * @school: (nullable): the school's name, printed at the top
 *
 * Asks for the name to print and the paper, then saves the certificate.
 * The name is not stored anywhere.
 *
 * Returns: (transfer floating): the dialog, to present
 */
GtkWidget *
kns_kit_certificate_dialog_new (GtkWindow  *parent,
                                KnsTier    *tier,
                                const char *school)
{
  g_autoptr(GtkStringList) papers = gtk_string_list_new (NULL);
  CertificateData *data;
  GtkWidget *dialog, *list, *entry, *paper;
  g_autofree char *body = NULL;

  g_return_val_if_fail (KNS_IS_TIER (tier), NULL);

  /* Translators: %s is a tier, "Lớp 1–3" */
  body = g_strdup_printf (_("For finishing the lessons of %s. Type the name to print on it: it is "
                            "not saved anywhere."),
                          kns_tier_get_title (tier));
  /* Translators: the heading of the dialog that prints a certificate */
  dialog = adw_message_dialog_new (parent, _("Print a certificate"), body);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  entry = adw_entry_row_new ();
  /* Translators: the field of the certificate dialog */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _("Name on the certificate"));
  paper = adw_combo_row_new ();
  /* Translators: the paper size of the certificate */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (paper), _("Paper"));
  gtk_string_list_append (papers, _("A4, landscape"));
  gtk_string_list_append (papers, _("A5, landscape"));
  adw_combo_row_set_model (ADW_COMBO_ROW (paper), G_LIST_MODEL (papers));
  gtk_list_box_append (GTK_LIST_BOX (list), entry);
  gtk_list_box_append (GTK_LIST_BOX (list), paper);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    /* Translators: saves the certificate as a PDF to print */
                                    "save", _("_Save to print"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");

  data = g_new0 (CertificateData, 1);
  data->tier = g_object_ref (tier);
  data->school = g_strdup (school);
  data->name = GTK_EDITABLE (entry);
  data->paper = ADW_COMBO_ROW (paper);
  g_signal_connect (entry, "changed", G_CALLBACK (name_changed_cb), dialog);
  g_signal_connect_data (dialog, "response", G_CALLBACK (certificate_response_cb), data,
                         (GClosureNotify) certificate_data_free, 0);
  kns_ui_name_dialog_buttons (dialog);
  return dialog;
}

/**
 * kns_kit_save_poster:
 *
 * Saves the class's pledge poster of @tier, A4.
 */
void
kns_kit_save_poster (GtkWidget  *widget,
                     KnsTier    *tier,
                     const char *school)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *file_name = NULL;

  g_return_if_fail (KNS_IS_TIER (tier));

  pdf = kns_kit_poster_pdf (kns_tier_get_title (tier), kns_tier_get_pledge (tier), school,
                            KNS_PAPER_A4, &error);
  if (pdf == NULL)
    {
      kns_report_error (widget, error);
      return;
    }
  /* Translators: the file name offered for the class poster; no spaces */
  file_name = g_strdup_printf (_("class-promise-tier-%u.pdf"), kns_tier_get_id (tier));
  kns_kit_save_pdf (widget, pdf, file_name);
}
