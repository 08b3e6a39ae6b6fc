/* kns-text.c
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

#define G_LOG_DOMAIN "kns-content"

#include "kns-config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "kns-file.h"
#include "kns-text.h"

#define UTF8_BOM "\xEF\xBB\xBF"

static guint
count_lines (const char *text,
             const char *end)
{
  guint line = 1;

  for (const char *p = text; p < end; p++)
    if (*p == '\n')
      line++;

  return line;
}

/* A line of only "---" (or "..." to close), as YAML and most static site
 * generators delimit front matter. Trailing blanks and \r are tolerated:
 * teachers' editors add them. */
static gboolean
is_delimiter_line (const char *line,
                   gsize       length,
                   gboolean    closing)
{
  if (length < 3)
    return FALSE;
  if (strncmp (line, "---", 3) != 0 && !(closing && strncmp (line, "...", 3) == 0))
    return FALSE;
  for (gsize i = 3; i < length; i++)
    if (line[i] != ' ' && line[i] != '\t' && line[i] != '\r')
      return FALSE;
  return TRUE;
}

gboolean
kns_read_text_file (KnsParseContext *ctx,
                    const char      *path,
                    char           **text,
                    gsize           *length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  g_assert (ctx != NULL);
  g_assert (path != NULL);

  if (!kns_file_read_bounded (path, KNS_CONTENT_MAX_FILE_SIZE, &contents, &len, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
        kns_diagnose (ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_UNREADABLE, 0,
                      _("This is a folder, not a lesson file."));
      else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE))
        kns_diagnose (ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_UNREADABLE, 0,
                      _("This is not an ordinary file but a device, a pipe or a socket; a lesson "
                        "is a text file."));
      else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
        kns_diagnose (ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_UNREADABLE, 0,
                      _("The file is too large; a lesson is at most %d bytes."),
                      KNS_CONTENT_MAX_FILE_SIZE);
      else
        kns_diagnose (ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_UNREADABLE, 0, "%s",
                      error->message);
      return FALSE;
    }

  /* Windows Notepad starts UTF-8 files with a byte-order mark. */
  if (len >= 3 && memcmp (contents, UTF8_BOM, 3) == 0)
    {
      memmove (contents, contents + 3, len - 3 + 1);
      len -= 3;
    }

  *text = g_steal_pointer (&contents);
  *length = len;
  return TRUE;
}

/**
 * kns_text_is_plain_nfc:
 *
 * Whether @c is a character that NFC leaves alone whatever comes before
 * or after it among such characters: ASCII, Latin-1 and Latin
 * Extended-A and -B (ơ, ư, đ), Latin Extended Additional (every
 * precomposed Vietnamese letter), punctuation (– — “ ” …) and arrows.
 * Every character and every pair of them is its own NFC, as
 * test-content checks with g_utf8_normalize () itself, so a line made
 * only of them needs no normalizing.
 */
gboolean
kns_text_is_plain_nfc (gunichar c)
{
  return c < 0x300 || (c >= 0x1E00 && c < 0x1F00) || (c >= 0x2010 && c < 0x2028) ||
         (c >= 0x2030 && c < 0x205F) || (c >= 0x2190 && c < 0x2200);
}

/* Whether a line of valid UTF-8 is NFC. g_utf8_normalize () was more
 * than half of loading the course, so lines of plain characters, which
 * are nearly all Vietnamese text, are only scanned. */
static gboolean
is_nfc_line (const char *line,
             gsize       length)
{
  const char *end = line + length;
  g_autofree char *nfc = NULL;

  for (const char *p = line; p < end; p = g_utf8_next_char (p))
    if ((guchar) *p >= 0x80 && !kns_text_is_plain_nfc (g_utf8_get_char (p)))
      {
        nfc = g_utf8_normalize (line, (gssize) length, G_NORMALIZE_NFC);
        return nfc != NULL && strlen (nfc) == length && memcmp (nfc, line, length) == 0;
      }
  return TRUE;
}

/**
 * kns_text_check:
 *
 * Checks that @text is UTF-8 without NUL bytes and that every line is in
 * Unicode NFC ("Unicode dựng sẵn"). Decomposed Vietnamese (a letter
 * followed by combining accents) looks right in some editors but breaks
 * searching, spelling and some fonts.
 */
gboolean
kns_text_check (KnsParseContext *ctx,
                const char      *text,
                gsize            length)
{
  const char *end = NULL;
  const char *line = text;

  g_assert (ctx != NULL);
  g_assert (text != NULL);

  if (!g_utf8_validate_len (text, length, &end))
    {
      kns_diagnose (ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_INVALID_UTF8,
                    count_lines (text, end),
                    _("This line holds bytes that are not UTF-8 text. Save the file with "
                      "the encoding “UTF-8”."));
      return FALSE;
    }

  for (guint lineno = 1; line < text + length; lineno++)
    {
      const char *nl = memchr (line, '\n', text + length - line);
      gsize line_len = nl != NULL ? (gsize) (nl - line) : (gsize) (text + length - line);

      if (!is_nfc_line (line, line_len))
        {
          kns_diagnose (ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_NOT_NFC, lineno,
                        _("This line writes accents as separate characters (“Unicode tổ "
                          "hợp”). Convert the file to precomposed Unicode (“Unicode dựng "
                          "sẵn”, NFC), for example with Unikey’s converter."));
          return FALSE;
        }

      if (nl == NULL)
        break;
      line = nl + 1;
    }

  return TRUE;
}

/**
 * kns_text_split_front_matter:
 * @body_line: (out): the line of the closing delimiter, so that body line
 *   N is file line N + @body_line
 *
 * Splits a lesson into its YAML front matter and its Markdown body.
 */
gboolean
kns_text_split_front_matter (KnsParseContext *ctx,
                             const char      *text,
                             char           **front_matter,
                             const char     **body,
                             guint           *body_line)
{
  const char *first_nl = strchr (text, '\n');
  const char *line;
  guint lineno = 2;

  g_assert (ctx != NULL);
  g_assert (text != NULL);

  if (!is_delimiter_line (text, first_nl ? (gsize) (first_nl - text) : strlen (text), FALSE))
    {
      kns_diagnose (ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_NO_FRONT_MATTER, 1,
                    _("A lesson must start with a line “---”, then its details (id, title, "
                      "tier…), then another line “---”."));
      return FALSE;
    }

  for (line = first_nl ? first_nl + 1 : NULL; line != NULL && *line != '\0'; lineno++)
    {
      const char *nl = strchr (line, '\n');
      gsize len = nl ? (gsize) (nl - line) : strlen (line);

      if (is_delimiter_line (line, len, TRUE))
        {
          *front_matter = g_strndup (first_nl + 1, line - (first_nl + 1));
          *body = nl ? nl + 1 : line + len;
          *body_line = lineno;
          return TRUE;
        }

      line = nl ? nl + 1 : NULL;
    }

  kns_diagnose (ctx, KNS_SEVERITY_ERROR, KNS_CONTENT_ERROR_NO_FRONT_MATTER, 1,
                _("The lesson details that start on this line are never closed: add a line "
                  "“---” after them."));
  return FALSE;
}

/* Trims blanks at both ends and folds inner runs of white space into one
 * space, as a title or an option should read. */
char *
kns_text_strip (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}
