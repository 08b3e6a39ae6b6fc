/* kns-date.c — days as Vietnamese teachers write them, and as files store them
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
 * People read "05/09/2026" (day/month/year, as Vietnamese documents
 * write it); lesson details, the store and report bundles use
 * "2026-09-05", read by hand, strictly: sscanf () was a tenth of
 * checking a bundle.
 */

#define G_LOG_DOMAIN "kns-date"

#include "kns-config.h"

#include <string.h>

#include "kns-date.h"

/* The digits of @text[@start, @end), or -1. */
static int
parse_digits (const char *text,
              guint       start,
              guint       end)
{
  int value = 0;

  for (guint i = start; i < end; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return -1;
      value = value * 10 + (text[i] - '0');
    }
  return value;
}

static gboolean
set_valid (GDate *date,
           int    day,
           int    month,
           int    year)
{
  g_date_clear (date, 1);
  if (day < 1 || month < 1 || year < 1 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

/**
 * kns_date_format:
 *
 * Returns: (transfer full): @date as "05/09/2026"
 */
char *
kns_date_format (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%02u/%02u/%04u", g_date_get_day (date), g_date_get_month (date),
                          g_date_get_year (date));
}

/**
 * kns_date_to_iso:
 *
 * Writes @date as "2026-09-05" into @out.
 */
void
kns_date_to_iso (const GDate *date,
                 char         out[KNS_DATE_ISO_SIZE])
{
  g_return_if_fail (date != NULL && g_date_valid (date));

  g_snprintf (out, KNS_DATE_ISO_SIZE, "%04u-%02u-%02u", g_date_get_year (date),
              g_date_get_month (date), g_date_get_day (date));
}

/**
 * kns_date_parse_iso:
 * @text: "2026-09-05", exactly
 *
 * Returns: whether @text is a real day; @date is cleared if not
 */
gboolean
kns_date_parse_iso (const char *text,
                    GDate      *date)
{
  g_return_val_if_fail (text != NULL && date != NULL, FALSE);

  g_date_clear (date, 1);
  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  return set_valid (date, parse_digits (text, 8, 10), parse_digits (text, 5, 7),
                    parse_digits (text, 0, 4));
}
