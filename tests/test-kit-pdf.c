/* test-kit-pdf.c — the certificate, the class poster and the printed plan
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
 * The PDFs are read back with poppler and kept in KNS_SCREENSHOT_DIR, to
 * be rendered (pdftoppm) and looked at.
 */

#include "kns-config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "kns-course.h"
#include "kns-kit-pdf.h"
#include "kns-locale.h"
#include "kns-test-pdf.h"

static const char *const pledge[] = {
  "Em giữ bí mật mật khẩu.", "Em không gửi ảnh cho người lạ.", "Em kể với người lớn tin cậy.",
  "Em nhớ số 111.", "Em nói lời tử tế trên mạng.", NULL
};

static void
keep (GBytes     *pdf,
      const char *name)
{
  const char *dir = g_getenv ("KNS_SCREENSHOT_DIR");
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;
  g_mkdir_with_parents (dir, 0755);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf),
                                      NULL));
}

static void
test_certificate (gconstpointer data)
{
  KnsPaper paper = GPOINTER_TO_UINT (data);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *text = NULL;
  GDate date;
  KnsCertificate certificate = {
    .name = "Nguyễn Thị Mai Anh",
    .tier_title = "Lớp 1–3",
    .pledge = pledge,
    .school = "Trường Tiểu học Kim Đồng",
    .date = &date,
  };
  guint n_pages;

  g_date_set_dmy (&date, 6, 12, 2026);
  pdf = kns_kit_certificate_pdf (&certificate, paper, &error);
  g_assert_no_error (error);
  keep (pdf, paper == KNS_PAPER_A4 ? "certificate-a4.pdf" : "certificate-a5.pdf");

  text = kns_test_pdf_text (pdf, &n_pages);
  if (text == NULL)
    return;
  g_test_message ("%s", text);
  g_assert_cmpuint (n_pages, ==, 1);
  g_assert_true (kns_test_pdf_has (text, "GIẤY CHỨNG NHẬN"));
  g_assert_true (kns_test_pdf_has (text, "Nguyễn Thị Mai Anh"));
  g_assert_true (kns_test_pdf_has (text, "Lớp 1–3"));
  g_assert_true (kns_test_pdf_has (text, "Trường Tiểu học Kim Đồng"));
  g_assert_true (kns_test_pdf_has (text, "6/12/2026"));
  for (guint i = 0; pledge[i] != NULL; i++)
    g_assert_true (kns_test_pdf_has (text, pledge[i]));
  /* No score: a certificate praises, it does not grade. */
  g_assert_null (strstr (text, "%"));
  g_assert_null (strstr (text, "điểm"));
}

static void
test_poster (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = kns_kit_poster_pdf ("Lớp 1–3", pledge, NULL, KNS_PAPER_A4, &error);
  g_autofree char *text = NULL;
  guint n_pages;

  g_assert_no_error (error);
  keep (pdf, "poster-a4.pdf");
  text = kns_test_pdf_text (pdf, &n_pages);
  if (text == NULL)
    return;
  g_assert_cmpuint (n_pages, ==, 1);
  g_assert_true (kns_test_pdf_has (text, "LỜI HỨA CỦA LỚP EM"));
  g_assert_true (kns_test_pdf_has (text, "Em nhớ số 111."));
}

/* The kit course's plan, printed: every section, in order, with its
 * minutes and the 111 call-out. */
static void
test_plan (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "kit", NULL);
  g_autoptr(KnsCourse) course = kns_course_load (dir, NULL, NULL);
  KnsPlan *plan = kns_tier_get_plan (kns_course_get_tier (course, 1));
  g_autoptr(GPtrArray) sections = g_ptr_array_new_with_free_func ((GDestroyNotify) kns_print_section_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *text = NULL;
  const char *discussion, *wrap_up;

  g_assert_nonnull (plan);
  g_ptr_array_add (sections, kns_print_section_new (NULL, plan->intro, NULL));
  for (guint i = 0; i < plan->sections->len; i++)
    {
      KnsPlanSection *section = g_ptr_array_index (plan->sections, i);

      g_ptr_array_add (sections, kns_print_section_new (section->title, section->blocks, NULL));
    }
  pdf = kns_kit_document_pdf (plan->title, "45 phút", sections, &error);
  g_assert_no_error (error);
  keep (pdf, "plan-t1.pdf");
  text = kns_test_pdf_text (pdf, NULL);
  if (text == NULL)
    return;
  discussion = strstr (text, "Thảo luận (5 phút)");
  wrap_up = strstr (text, "Tổng kết và kiểm tra cuối buổi (7 phút)");
  g_assert_nonnull (discussion);
  g_assert_nonnull (wrap_up);
  g_assert_true (discussion < wrap_up);
  g_assert_true (kns_test_pdf_has (text, "Em kể với ai khi sợ?"));
  g_assert_true (kns_test_pdf_has (text, "Gọi 111: miễn phí"));
}

/* The bundled course's kit, every tier, printed: what a school gets. */
static void
test_bundled (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "..", "content", "vi", NULL);
  g_autoptr(KnsCourse) course = kns_course_load (dir, NULL, NULL);
  GPtrArray *tiers = kns_course_get_tiers (course);
  KnsParentsPage *parents = kns_course_get_parents (course);
  g_autoptr(GPtrArray) sections = g_ptr_array_new_with_free_func ((GDestroyNotify) kns_print_section_free);
  g_autoptr(GBytes) parents_pdf = NULL;
  GDate date;

  g_assert_cmpuint (kns_course_get_n_errors (course), ==, 0);
  g_assert_cmpuint (tiers->len, ==, 4);
  g_date_set_dmy (&date, 6, 12, 2026);
  for (guint i = 0; i < tiers->len; i++)
    {
      KnsTier *tier = g_ptr_array_index (tiers, i);
      KnsPlan *plan = kns_tier_get_plan (tier);
      g_autoptr(GPtrArray) plan_sections = g_ptr_array_new_with_free_func ((GDestroyNotify) kns_print_section_free);
      g_autoptr(GBytes) pdf = NULL;
      g_autofree char *name = NULL;
      KnsCertificate certificate = {
        .name = "Nguyễn Thị Mai Anh", .tier_title = kns_tier_get_title (tier),
        .pledge = kns_tier_get_pledge (tier), .school = "Trường Tiểu học Kim Đồng", .date = &date,
      };
      guint n_pages;
      g_autofree char *text = NULL;

      g_assert_nonnull (kns_tier_get_check (tier));
      g_assert_nonnull (plan);
      g_assert_cmpuint (g_strv_length ((char **) kns_tier_get_pledge (tier)), ==, 5);

      pdf = kns_kit_certificate_pdf (&certificate, KNS_PAPER_A4, NULL);
      name = g_strdup_printf ("bundled-certificate-t%u.pdf", kns_tier_get_id (tier));
      keep (pdf, name);
      /* Every rule fits on the one page. */
      text = kns_test_pdf_text (pdf, &n_pages);
      if (text != NULL)
        {
          g_assert_cmpuint (n_pages, ==, 1);
          g_assert_true (kns_test_pdf_has (text, kns_tier_get_pledge (tier)[4]));
        }
      g_clear_pointer (&pdf, g_bytes_unref);
      g_clear_pointer (&name, g_free);

      for (guint j = 0; j < plan->sections->len; j++)
        {
          KnsPlanSection *section = g_ptr_array_index (plan->sections, j);

          g_ptr_array_add (plan_sections, kns_print_section_new (section->title, section->blocks, NULL));
        }
      pdf = kns_kit_document_pdf (plan->title, NULL, plan_sections, NULL);
      g_assert_nonnull (pdf);
      name = g_strdup_printf ("bundled-plan-t%u.pdf", kns_tier_get_id (tier));
      keep (pdf, name);
    }

  g_assert_nonnull (parents);
  for (guint i = 0; i < parents->sections->len; i++)
    {
      KnsPlanSection *section = g_ptr_array_index (parents->sections, i);

      g_ptr_array_add (sections, kns_print_section_new (section->title, section->blocks, NULL));
    }
  parents_pdf = kns_kit_document_pdf (parents->title, NULL, sections, NULL);
  g_assert_nonnull (parents_pdf);
  keep (parents_pdf, "bundled-parents.pdf");
}

int
main (int   argc,
      char *argv[])
{
  kns_locale_use ("vi");
  bindtextdomain (GETTEXT_PACKAGE, PO_BUILDDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/kns/kit-pdf/certificate/a4", GUINT_TO_POINTER (KNS_PAPER_A4), test_certificate);
  g_test_add_data_func ("/kns/kit-pdf/certificate/a5", GUINT_TO_POINTER (KNS_PAPER_A5), test_certificate);
  g_test_add_func ("/kns/kit-pdf/poster", test_poster);
  g_test_add_func ("/kns/kit-pdf/plan", test_plan);
  g_test_add_func ("/kns/kit-pdf/bundled", test_bundled);

  return g_test_run ();
}
