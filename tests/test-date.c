/* test-date.c — days as files store them and as teachers read them
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

#include "kns-config.h"

#include "kns-date.h"

typedef struct
{
  const char *text;
  const char *expected; /* as "05/09/2026", or NULL if refused */
} DateCase;

static const DateCase cases[] = {
  { "2026-09-05", "05/09/2026" },
  { "2028-02-29", "29/02/2028" },
  { "2026-9-5", NULL },
  { "2027-02-29", NULL },
  { "2026-13-01", NULL },
  { "2026-09-05T00", NULL },
  { "0000-01-01", NULL },
  { "", NULL },
};

static void
test_case (gconstpointer data)
{
  const DateCase *c = data;
  GDate date;
  gboolean ok = kns_date_parse_iso (c->text, &date);

  g_assert_cmpint (ok, ==, c->expected != NULL);
  if (ok)
    {
      g_autofree char *shown = kns_date_format (&date);
      char iso[KNS_DATE_ISO_SIZE];
      GDate again;

      g_assert_cmpstr (shown, ==, c->expected);
      kns_date_to_iso (&date, iso);
      g_assert_true (kns_date_parse_iso (iso, &again));
      g_assert_cmpint (g_date_compare (&date, &again), ==, 0);
    }
  else
    g_assert_false (g_date_valid (&date));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/kns/date/iso/%u", i);

      g_test_add_data_func (path, &cases[i], test_case);
    }
  return g_test_run ();
}
