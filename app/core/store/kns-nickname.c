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
 * and goes on with more words is most likely the child's real name.
 * Some are also everyday words (Mai, Cao, Hà): a false alarm only costs
 * a gentle suggestion, so they stay. */
static const char *const family_names[] = {
  "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Vũ", "Võ",
  "Phan", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý",
  "Trương", "Đinh", "Đoàn", "Lâm", "Lương", "Trịnh", "Mai", "Cao",
  "Hà", "Đào", "Tô", "Lưu", "Vương", "Tạ", "Châu", "Quách",
  "Phùng", "Triệu", "Lại", "Kiều",
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

static gboolean
is_family_name (const char *word,
                gssize      length)
{
  g_autofree char *folded = fold_word (word, length);

  for (guint i = 0; i < G_N_ELEMENTS (family_names); i++)
    {
      g_autofree char *name = fold_word (family_names[i], -1);

      if (strcmp (folded, name) == 0)
        return TRUE;
    }
  return FALSE;
}

static guint
pick (GRand *rand,
      guint  n)
{
  return (guint) (rand != NULL ? g_rand_int_range (rand, 0, (gint32) n)
                               : g_random_int_range (0, (gint32) n));
}

/**
 * kns_nickname_looks_like_full_name:
 * @nickname: what a learner or a teacher typed
 *
 * Two or more words of which the first is a common family name, in any
 * case but with its accents: “Nguyễn Văn An”, “trần bình”. Without
 * accents (“Nguyen Van An”) it is not recognised; the check is a gentle
 * hint, not a filter.
 *
 * Returns: whether to suggest picking another nickname
 */
gboolean
kns_nickname_looks_like_full_name (const char *nickname)
{
  g_autofree char *text = NULL;
  const char *space;

  g_return_val_if_fail (nickname != NULL, FALSE);

  text = collapse_spaces (nickname);
  space = strchr (text, ' ');
  if (space == NULL)
    return FALSE;

  return is_family_name (text, space - text);
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

/* @name's letters without their accents ("Ếch" → "Ech", "Đậu" → "Dau"). */
static GString *
strip_accents (const char *name)
{
  g_autofree char *decomposed = g_utf8_normalize (name, -1, G_NORMALIZE_NFD);
  GString *base = g_string_new (NULL);

  for (const char *p = decomposed; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) == G_UNICODE_NON_SPACING_MARK)
        continue;
      if (c == 0x0110 || c == 0x0111)  /* Đ, đ */
        c = 'd';
      g_string_append_unichar (base, c);
    }
  return base;
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
  g_autoptr(GString) base = NULL;

  g_return_val_if_fail (name != NULL, NULL);

  text = collapse_spaces (name);
  base = strip_accents (text);
  return g_utf8_casefold (base->str, -1);
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
  g_autoptr(GString) base = NULL;
  g_autofree char *folded = NULL;

  g_return_val_if_fail (name != NULL, NULL);

  base = strip_accents (name);
  folded = g_utf8_casefold (base->str, -1);
  return g_utf8_collate_key_for_filename (folded, -1);
}
