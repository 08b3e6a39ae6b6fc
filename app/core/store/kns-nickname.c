/* kns-nickname.c
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

#define G_LOG_DOMAIN "kns-store"

#include "kns-config.h"

#include <string.h>

#include "kns-nickname.h"

/* The commonest family names; the first sixteen alone are carried by
 * about nine Vietnamese in ten. A nickname that starts with one of them
 * and goes on with more words is most likely the child's real name, and
 * is refused on the new-learner page. Some are also everyday words (Mai,
 * Cao, Hà): a false alarm only costs a press on the suggested nickname,
 * so they stay. @given marks those that are also common given names
 * ("Bé Mai", "Gấu Hoàng"): they count only in the first place. */
static const struct
{
  const char *name;
  gboolean    given;
} family_names[] = {
  { "Nguyễn", FALSE }, { "Trần", FALSE }, { "Lê", FALSE }, { "Phạm", FALSE },
  { "Hoàng", TRUE }, { "Huỳnh", FALSE }, { "Vũ", TRUE }, { "Võ", FALSE },
  { "Phan", FALSE }, { "Đặng", FALSE }, { "Bùi", FALSE }, { "Đỗ", FALSE },
  { "Hồ", FALSE }, { "Ngô", FALSE }, { "Dương", TRUE }, { "Lý", FALSE },
  { "Trương", FALSE }, { "Đinh", FALSE }, { "Đoàn", FALSE }, { "Lâm", TRUE },
  { "Lương", FALSE }, { "Trịnh", FALSE }, { "Mai", TRUE }, { "Cao", TRUE },
  { "Hà", TRUE }, { "Đào", TRUE }, { "Tô", FALSE }, { "Lưu", FALSE },
  { "Vương", FALSE }, { "Tạ", FALSE }, { "Châu", TRUE }, { "Quách", FALSE },
  { "Phùng", FALSE }, { "Triệu", FALSE }, { "Lại", FALSE }, { "Kiều", TRUE },
};

/* Suggestions: an animal, perhaps a colour or a quality, and a number.
 * None starts with a family name (the tests check many seeds). */
static const char *const animals[] = {
  "Mèo Con", "Cún Con", "Thỏ Ngọc", "Gấu Trúc", "Gấu Con", "Cá Heo",
  "Cá Voi", "Chim Sẻ", "Chim Cánh Cụt", "Voi Con", "Sóc", "Rùa",
  "Cú Mèo", "Ong Mật", "Bướm", "Khỉ Con", "Cáo", "Gà Con", "Vịt Con",
  "Ngựa Vằn", "Sư Tử", "Hổ Con", "Hươu Sao", "Kỳ Lân", "Rồng Con",
  "Ếch Con", "Nai Con", "Chuột Túi", "Sao Biển", "Bạch Tuộc",
};

static const char *const qualities[] = {
  "Xanh", "Đỏ", "Vàng", "Tím", "Hồng", "Nâu", "Vui Vẻ", "Tinh Nghịch",
  "Dũng Cảm", "Thông Minh", "Nhanh Nhẹn", "Lém Lỉnh", "Tí Hon",
  "Chăm Chỉ", "Hiền Lành", "Siêu Tốc",
};

/* Zero-width and other invisible format characters would let two
 * nicknames look the same and differ; they are dropped. */
static gboolean
is_invisible (gunichar c)
{
  return g_unichar_type (c) == G_UNICODE_FORMAT;
}

/* Trims, turns every run of white space or control characters into one
 * space, drops invisible characters, and composes to NFC, the form our
 * content uses. Never truncates. */
static char *
collapse_spaces (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean pending_space = FALSE;

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_invisible (c))
        continue;
      if (g_unichar_isspace (c) || g_unichar_iscntrl (c))
        {
          pending_space = out->len > 0;
          continue;
        }
      if (pending_space)
        g_string_append_c (out, ' ');
      pending_space = FALSE;
      g_string_append_unichar (out, c);
    }

  return g_utf8_normalize (out->str, -1, G_NORMALIZE_NFC);
}

static char *
fold_word (const char *word,
           gssize      length)
{
  g_autofree char *folded = g_utf8_casefold (word, length);

  return g_utf8_normalize (folded, -1, G_NORMALIZE_NFC);
}

/* @word without its accents, and đ as d, case folded: "Nguyễn" and
 * "NGUYEN" both give "nguyen". */
static char *
strip_accents (const char *word,
               gssize      length)
{
  g_autofree char *folded = g_utf8_casefold (word, length);
  g_autofree char *decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_NFD);
  GString *out = g_string_new (NULL);

  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) == G_UNICODE_NON_SPACING_MARK)
        continue;
      g_string_append_unichar (out, c == 0x0111 ? 'd' : c);
    }
  return g_string_free (out, FALSE);
}

static gboolean
is_ascii (const char *word,
          gssize      length)
{
  for (gssize i = 0; i < length; i++)
    if ((guchar) word[i] >= 0x80)
      return FALSE;
  return TRUE;
}

/* Whether @word is a family name of the list: with the accents as
 * written, or, typed without any accent ("Nguyen", "tran"), as the name
 * without them. @last: only names that are not also given names. */
static gboolean
is_family_name (const char *word,
                gssize      length,
                gboolean    last)
{
  gboolean plain = is_ascii (word, length);
  g_autofree char *folded = plain ? g_ascii_strdown (word, length) : fold_word (word, length);

  for (guint i = 0; i < G_N_ELEMENTS (family_names); i++)
    {
      g_autofree char *name = NULL;

      if (last && family_names[i].given)
        continue;
      name = plain ? strip_accents (family_names[i].name, -1) : fold_word (family_names[i].name, -1);
      if (strcmp (folded, name) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
has_letter (const char *word)
{
  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalpha (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static gboolean
only_letters (const char *word)
{
  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalpha (c) && g_unichar_type (c) != G_UNICODE_NON_SPACING_MARK)
        return FALSE;
    }
  return TRUE;
}

static guint
pick (GRand *rand,
      guint  n)
{
  return (guint) (rand != NULL ? g_rand_int_range (rand, 0, (gint32) n)
                               : g_random_int_range (0, (gint32) n));
}

/* Family name first, as Vietnamese names are written: "Nguyễn Văn An",
 * "tran binh", "Lê Hoa 2". Another word with letters must follow, and
 * not the same one again ("Ha Ha" is a laugh). */
static gboolean
family_name_first (char **words)
{
  g_autofree char *first = fold_word (words[0], -1);

  if (!is_family_name (words[0], strlen (words[0]), FALSE))
    return FALSE;
  for (guint i = 1; words[i] != NULL; i++)
    {
      g_autofree char *word = fold_word (words[i], -1);

      if (has_letter (words[i]) && strcmp (word, first) != 0)
        return TRUE;
    }
  return FALSE;
}

/* Given name first, as on social networks: "An Nguyễn", "Minh Anh Tran".
 * Two or three words of letters only. */
static gboolean
family_name_last (char **words)
{
  guint n = g_strv_length (words);

  if (n < 2 || n > 3 || !is_family_name (words[n - 1], strlen (words[n - 1]), TRUE))
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (!only_letters (words[i]))
      return FALSE;
  return TRUE;
}

/**
 * kns_nickname_looks_like_full_name:
 * @nickname: what a learner or a teacher typed
 *
 * Two or more words of which the first is a common family name, in any
 * case and with or without its accents: “Nguyễn Văn An”, “trần bình”,
 * “NGUYEN VAN AN”; or two or three words ending with one: “An Nguyễn”.
 * The new-learner page refuses such a nickname; a teacher may still
 * rename a pupil to anything.
 *
 * Returns: whether @nickname looks like a real full name
 */
gboolean
kns_nickname_looks_like_full_name (const char *nickname)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) words = NULL;

  g_return_val_if_fail (nickname != NULL, FALSE);

  text = collapse_spaces (nickname);
  if (strchr (text, ' ') == NULL)
    return FALSE;
  words = g_strsplit (text, " ", -1);

  return family_name_first (words) || family_name_last (words);
}

/**
 * kns_nickname_normalize:
 * @nickname: what was typed
 *
 * Trims, collapses white space, drops invisible characters, composes to
 * NFC and keeps at most %KNS_NICKNAME_MAX_CHARS characters.
 *
 * Returns: (transfer full): the nickname as it would be stored; may be
 *   empty
 */
char *
kns_nickname_normalize (const char *nickname)
{
  g_autofree char *text = NULL;
  char *cut;

  g_return_val_if_fail (nickname != NULL, NULL);

  text = collapse_spaces (nickname);
  if (g_utf8_strlen (text, -1) <= KNS_NICKNAME_MAX_CHARS)
    return g_steal_pointer (&text);

  cut = g_utf8_substring (text, 0, KNS_NICKNAME_MAX_CHARS);
  return g_strchomp (cut);
}

/**
 * kns_nickname_length:
 * @nickname: what was typed
 *
 * Returns: how many characters @nickname has once normalized, before
 *   any cut: more than %KNS_NICKNAME_MAX_CHARS is too long, 0 is empty
 */
guint
kns_nickname_length (const char *nickname)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (nickname != NULL, 0);

  text = collapse_spaces (nickname);
  return (guint) g_utf8_strlen (text, -1);
}

/**
 * kns_nickname_suggest:
 * @rand: (nullable): where the choices come from; %NULL for GLib's
 *   global generator
 *
 * A playful nickname such as “Mèo Con 7” or “Cá Heo Xanh 12”.
 *
 * Returns: (transfer full): a normalized nickname that never looks like
 *   a full name
 */
char *
kns_nickname_suggest (GRand *rand)
{
  const char *animal, *quality = NULL;
  guint number;
  char *text;

  animal = animals[pick (rand, G_N_ELEMENTS (animals))];
  if (pick (rand, 2) == 1)
    quality = qualities[pick (rand, G_N_ELEMENTS (qualities))];
  number = 1 + pick (rand, 99);

  if (quality != NULL)
    {
      text = g_strdup_printf ("%s %s %u", animal, quality, number);
      if (g_utf8_strlen (text, -1) <= KNS_NICKNAME_MAX_CHARS)
        return text;
      g_free (text);
    }

  return g_strdup_printf ("%s %u", animal, number);
}

/**
 * kns_nickname_match_key:
 * @name: a nickname or a class label, UTF-8
 *
 * Two names that a child reading the sign-in screen could not tell
 * apart have the same key: case, accents, spaces and invisible
 * characters aside ("Mèo Con 7", "meo  con 7", "MÈO CON 7").
 *
 * Returns: (transfer full): a key to compare with strcmp()
 */
char *
kns_nickname_match_key (const char *name)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (name != NULL, NULL);

  text = collapse_spaces (name);
  return strip_accents (text, -1);
}

/**
 * kns_nickname_sort_key:
 * @name: a nickname or a class label, UTF-8
 *
 * A key that sorts names as a Vietnamese reader expects, whatever the
 * computer's locale: letters by their base letter ("Ếch" with the Es,
 * "Đậu" with the Ds), case ignored, and numbers by value ("4A" before
 * "10A"). Names equal under this key are still different names; break
 * the tie with strcmp().
 *
 * Returns: (transfer full): a key to compare with strcmp()
 */
char *
kns_nickname_sort_key (const char *name)
{
  g_autofree char *folded = NULL;

  g_return_val_if_fail (name != NULL, NULL);

  folded = strip_accents (name, -1);
  return g_utf8_collate_key_for_filename (folded, -1);
}
