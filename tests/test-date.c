/* test-date.c — days as teachers type them and as files store them
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
  gboolean    iso;      /* year-month-day, else day/month/year */
  const char *expected; /* as "05/09/2026", or NULL if refused */
} DateCase;

static const DateCase cases[] = {
  { "05/09/2026", FALSE, "05/09/2026" },
  { "5/9/2026", FALSE, "05/09/2026" },
  { "31/10/20", FALSE, NULL },        /* a year still being typed */
  { "29/02/2027", FALSE, NULL },      /* not a leap year */
  { "29/02/2028", FALSE, "29/02/2028" },
  { "31/04/2027", FALSE, NULL },
  { "05/09/2026x", FALSE, NULL },
  { "", FALSE, NULL },
  { "05-09-2026", FALSE, NULL },
  { "2026-09-05", TRUE, "05/09/2026" },
  { "2026-9-5", TRUE, NULL },
  { "2027-02-29", TRUE, NULL },
  { "2026-13-01", TRUE, NULL },
  { "2026-09-05T00", TRUE, NULL },
  { "0000-01-01", TRUE, NULL },
  { "", TRUE, NULL },
};

static void
test_case (gconstpointer data)
{
  const DateCase *c = data;
  GDate date;
  gboolean ok = c->iso ? kns_date_parse_iso (c->text, &date) : kns_date_parse (c->text, &date);

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
      g_autofree char *path = g_strdup_printf ("/kns/date/%s/%u", cases[i].iso ? "iso" : "typed", i);

      g_test_add_data_func (path, &cases[i], test_case);
    }
  return g_test_run ();
}
