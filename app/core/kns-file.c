/* kns-file.c — reading files that may be hostile, and naming them safely
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
 * Lessons and report bundles come from USB sticks and shared folders.
 * A name there can be a symbolic link to /dev/zero or a named pipe,
 * which a "stat, then read to the end" reader follows forever; a file
 * can grow while it is read. kns_file_read_bounded () opens first,
 * looks at what it opened, and never reads more than it allows.
 */

#define G_LOG_DOMAIN "kns-file"

#include "kns-config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kns-file.h"

typedef int KnsFd;

static void
close_fd (KnsFd fd)
{
  if (fd >= 0)
    close (fd);
}

G_DEFINE_AUTO_CLEANUP_FREE_FUNC (KnsFd, close_fd, -1)

static gboolean
fail_errno (int          errsv,
            const char  *path,
            GError     **error)
{
  g_autofree char *name = kns_file_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv), _("%s cannot be read: %s"), name,
               g_strerror (errsv));
  return FALSE;
}

static gboolean
check_kind (const struct stat *st,
            const char        *path,
            gsize              max_size,
            GError           **error)
{
  g_autofree char *name = kns_file_display_name (path);

  if (S_ISDIR (st->st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, _("%s is a folder, not a file."),
                   name);
      return FALSE;
    }
  if (!S_ISREG (st->st_mode))
    {
      /* A device, a pipe or a socket never ends. */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("%s is not an ordinary file (it is a device, a pipe or a socket), so it "
                     "was not read."),
                   name);
      return FALSE;
    }
  if ((guint64) st->st_size > max_size)
    {
      g_autofree char *size = g_format_size ((guint64) st->st_size);
      g_autofree char *most = g_format_size (max_size);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                   /* Translators: a file, its size, then the largest size allowed */
                   _("%s is too large (%s; at most %s is read), so it was not read."), name, size,
                   most);
      return FALSE;
    }
  return TRUE;
}

/**
 * kns_file_read_bounded:
 * @max_size: the most bytes a sensible file of this kind has
 * @contents: (out): the bytes, NUL-terminated
 * @length: (out): their number, without the NUL
 *
 * Reads a whole regular file. Folders, devices, pipes and sockets are
 * refused without reading, whatever a symbolic link pretends, and so is
 * a file larger than @max_size, also one that grows while it is read.
 * The error is in the #G_IO_ERROR domain (%G_IO_ERROR_IS_DIRECTORY,
 * %G_IO_ERROR_NOT_REGULAR_FILE, %G_IO_ERROR_MESSAGE_TOO_LARGE, or
 * what the system said) with a translated sentence naming the file.
 */
gboolean
kns_file_read_bounded (const char  *path,
                       gsize        max_size,
                       char       **contents,
                       gsize       *length,
                       GError     **error)
{
  g_auto(KnsFd) fd = -1;
  g_autofree char *buffer = NULL;
  struct stat st;
  gsize size, used = 0;

  g_return_val_if_fail (path != NULL && contents != NULL && length != NULL, FALSE);
  g_return_val_if_fail (max_size < G_MAXSIZE - 1, FALSE);

  /* O_NONBLOCK: opening a pipe with no writer would wait for one. */
  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    return fail_errno (errno, path, error);
  if (fstat (fd, &st) != 0)
    return fail_errno (errno, path, error);
  if (!check_kind (&st, path, max_size, error))
    return FALSE;

  /* One byte more than allowed tells a file that grew since fstat (). */
  size = MIN ((gsize) st.st_size, max_size) + 1;
  buffer = g_malloc (size + 1);
  for (;;)
    {
      gssize got = read (fd, buffer + used, size - used);

      if (got < 0 && errno == EINTR)
        continue;
      if (got < 0)
        return fail_errno (errno, path, error);
      if (got == 0)
        break;
      used += (gsize) got;
      if (used == size && used <= max_size)
        {
          size = MIN (size * 2, max_size + 1);
          buffer = g_realloc (buffer, size + 1);
        }
      else if (used > max_size)
        {
          st.st_size = (off_t) used;
          return check_kind (&st, path, max_size, error);
        }
    }

  buffer[used] = '\0';
  *contents = g_steal_pointer (&buffer);
  *length = used;
  return TRUE;
}

/**
 * kns_unichar_is_control:
 *
 * Whether @c changes how text around it is shown rather than showing
 * itself: C0 and C1 controls, DEL, and the bidirectional marks and
 * overrides that can make "gpj.exe" read as "exe.jpg".
 */
gboolean
kns_unichar_is_control (gunichar c)
{
  return c < 0x20 || (c >= 0x7F && c < 0xA0) || c == 0x061C || c == 0x200E || c == 0x200F ||
         (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

/**
 * kns_text_replace_controls:
 * @text: UTF-8
 *
 * Returns: (transfer full): @text with every control character (as
 *   kns_unichar_is_control () says, tab and line breaks included)
 *   replaced by U+FFFD, so that it cannot move a terminal's cursor,
 *   change its colours or turn text around
 */
char *
kns_text_replace_controls (const char *text)
{
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (kns_unichar_is_control (c))
        g_string_append (out, "\xEF\xBF\xBD");
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  return g_string_free (out, FALSE);
}

/**
 * kns_text_flatten:
 * @text: UTF-8
 *
 * Returns: (transfer full): @text on one line for a report: every
 *   control character (tabs and line breaks too) and bidirectional
 *   override becomes a space, so that a title from another computer can
 *   neither break a spreadsheet's row nor turn a printed line around
 */
char *
kns_text_flatten (const char *text)
{
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (kns_unichar_is_control (c))
        g_string_append_c (out, ' ');
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  return g_string_free (out, FALSE);
}

/**
 * kns_file_display_name:
 *
 * Returns: (transfer full): @path as a person may read it in a message or
 *   on a terminal: valid UTF-8 with no control characters
 */
char *
kns_file_display_name (const char *path)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  name = g_filename_display_name (path);
  return kns_text_replace_controls (name);
}
