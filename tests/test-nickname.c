/* test-nickname.c — normalizing nicknames, spotting real names, suggestions
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

#include <string.h>

#include "kns-nickname.h"
#include "kns-school.h"

typedef struct
{
  const char *input;
  const char *expected;
} NormalizeCase;

static const NormalizeCase normalize_cases[] = {
  { "Mèo Con 7", "Mèo Con 7" },
  { "  Mèo   Con\t7 \n", "Mèo Con 7" },
  /* Decomposed (as some keyboards type it) becomes composed. */
  { "Me\xcc\x80o Con", "Mèo Con" },
  /* A no-break space is a space; a zero-width space is nothing. */
  { "Cá\xc2\xa0Heo", "Cá Heo" },
  { "Cá\xe2\x80\x8bHeo", "CáHeo" },
  { "Gấu\x01Trúc", "Gấu Trúc" },
  { "", "" },
  { "   ", "" },
  /* At most 24 characters, and no space left dangling at the cut. */
  { "Chim Cánh Cụt Tinh Nghịch 99", "Chim Cánh Cụt Tinh Nghịc" },
  { "Mèo Con Tinh Nghịch Vui X", "Mèo Con Tinh Nghịch Vui" },
};

typedef struct
{
  const char *nickname;
  gboolean    full_name;
} FullNameCase;

static const FullNameCase full_name_cases[] = {
  { "Nguyễn Văn An", TRUE },
  { "nguyễn thị bình", TRUE },
  { "NGUYỄN VĂN AN", TRUE },
  { "Trần Minh", TRUE },
  { "  Lê   Hoa ", TRUE },
  { "Đỗ Hùng", TRUE },
  { "đặng thu", TRUE },
  { "Dương Quá", TRUE },
  { "Lý Tiểu Long", TRUE },
  { "Trương Vô Kỵ", TRUE },
  /* Decomposed accents are the same name. */
  { "Nguye\xcc\x82\xcc\x83n Van", TRUE },
  /* Without accents, in any case, it is the same name too. */
  { "Nguyen Van An", TRUE },
  { "nguyen van an", TRUE },
  { "NGUYEN VAN AN", TRUE },
  { "Tran Thi Binh", TRUE },
  { "do hung", TRUE },
  { "Huynh Minh Khoa", TRUE },
  /* A number after the name does not hide it. */
  { "Nguyễn An 7", TRUE },
  { "Phạm Gia Bảo 2015", TRUE },
  /* Given name first, as on social networks. */
  { "An Nguyễn", TRUE },
  { "Minh Anh Tran", TRUE },
  /* One word is a nickname, even a family name. */
  { "Nguyễn", FALSE },
  { "Lê", FALSE },
  { "An", FALSE },
  /* Playful nicknames. */
  { "Mèo Con 7", FALSE },
  { "Cá Heo Xanh 12", FALSE },
  { "Bé Na", FALSE },
  { "Siêu Nhân", FALSE },
  { "Gấu Trúc Lém Lỉnh", FALSE },
  { "Lêna", FALSE },
  /* A laugh is not a name. */
  { "Ha Ha", FALSE },
  /* Given names that are also family names, last: "Bé Mai" names no family. */
  { "Bé Mai", FALSE },
  { "Hoa Mai", FALSE },
  { "Sóc Hoàng", FALSE },
  /* Accents that make another word: "Lễ" is not "Lê". */
  { "Lễ Hội", FALSE },
  { "", FALSE },
};

static void
test_normalize (gconstpointer data)
{
  const NormalizeCase *c = data;
  g_autofree char *normalized = kns_nickname_normalize (c->input);

  g_assert_cmpstr (normalized, ==, c->expected);
  g_assert_cmpuint (g_utf8_strlen (normalized, -1), <=, KNS_NICKNAME_MAX_CHARS);
}

static void
test_length (void)
{
  g_assert_cmpuint (kns_nickname_length ("  Mèo   Con 7 "), ==, 9);
  g_assert_cmpuint (kns_nickname_length (" \t "), ==, 0);
  /* Longer than the limit: the length tells, normalizing would cut. */
  g_assert_cmpuint (kns_nickname_length ("Chim Cánh Cụt Tinh Nghịch 99"), ==, 28);
}

static void
test_full_name (gconstpointer data)
{
  const FullNameCase *c = data;

  g_assert_cmpint (kns_nickname_looks_like_full_name (c->nickname), ==, c->full_name);
}

static gboolean
ends_with_number (const char *text)
{
  const char *space = strrchr (text, ' ');
  guint64 number;

  return space != NULL &&
         g_ascii_string_to_unsigned (space + 1, 10, 1, 99, &number, NULL);
}

static void
test_suggest (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* Many seeds: every suggestion is clean and never a full name. */
  for (guint32 seed = 0; seed < 5000; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      g_autofree char *nickname = kns_nickname_suggest (rand);
      g_autofree char *normalized = kns_nickname_normalize (nickname);

      g_assert_cmpstr (nickname, ==, normalized);
      g_assert_cmpuint (g_utf8_strlen (nickname, -1), <=, KNS_NICKNAME_MAX_CHARS);
      g_assert_false (kns_nickname_looks_like_full_name (nickname));
      g_assert_true (ends_with_number (nickname));
      g_hash_table_add (seen, g_steal_pointer (&nickname));
    }

  /* Varied enough that a class rarely gets the same one twice. */
  g_assert_cmpuint (g_hash_table_size (seen), >, 2500);
}

static void
test_suggest_same_seed (void)
{
  g_autoptr(GRand) a = g_rand_new_with_seed (42);
  g_autoptr(GRand) b = g_rand_new_with_seed (42);
  g_autofree char *first = kns_nickname_suggest (a);
  g_autofree char *second = kns_nickname_suggest (b);
  g_autofree char *global = kns_nickname_suggest (NULL);

  g_assert_cmpstr (first, ==, second);
  g_assert_false (kns_nickname_looks_like_full_name (global));
}

/* Names a child could not tell apart on the sign-in screen match. */
static void
test_match_key (void)
{
  static const char *const same[] = { "Mèo Con 7", "meo con 7", "MÈO CON 7", "  Mèo  Con\t7 ",
                                      "Me\xcc\x80o Con 7", "Mẹo Côn 7", "Mèo\xe2\x80\x8b Con 7" };
  static const char *const different[] = { "Mèo Con 8", "Mèo Con", "Mèo Con 7a", "Méo Con 77" };
  g_autofree char *key = kns_nickname_match_key (same[0]);

  for (guint i = 0; i < G_N_ELEMENTS (same); i++)
    {
      g_autofree char *other = kns_nickname_match_key (same[i]);

      g_assert_cmpstr (other, ==, key);
    }
  for (guint i = 0; i < G_N_ELEMENTS (different); i++)
    {
      g_autofree char *other = kns_nickname_match_key (different[i]);

      g_assert_cmpstr (other, !=, key);
    }
  g_clear_pointer (&key, g_free);
  key = kns_nickname_match_key ("Đậu Đỏ");
  g_assert_cmpstr (key, ==, "dau do");
}

typedef struct
{
  const char *label;
  guint       grade;
} ClassCase;

static const ClassCase class_cases[] = {
  { "2A", 2 }, { "10A1", 10 }, { "12C", 12 }, { "1", 1 }, { "6/3", 6 }, { " 5B ", 5 },
  { "Lớp 7B", 7 }, { "lớp 9A2", 9 }, { "LỚP 11", 11 }, { "Lop 4", 4 }, { "09A", 9 },
  { "A1", 0 }, { "13A", 0 }, { "0A", 0 }, { "123", 0 }, { "", 0 }, { "Câu lạc bộ", 0 },
  { "Lớp", 0 }, { "K10", 0 },
};

/* What the session form puts in "Grade" when a class is typed. */
static void
test_class_grade (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (class_cases); i++)
    {
      g_test_message ("%s", class_cases[i].label);
      g_assert_cmpuint (kns_school_grade_for_class (class_cases[i].label), ==, class_cases[i].grade);
    }
  g_assert_cmpuint (kns_school_grade_for_class (NULL), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (normalize_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/kns/nickname/normalize/%u", i);

      g_test_add_data_func (path, &normalize_cases[i], test_normalize);
    }
  for (guint i = 0; i < G_N_ELEMENTS (full_name_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/kns/nickname/full-name/%u", i);

      g_test_add_data_func (path, &full_name_cases[i], test_full_name);
    }
  g_test_add_func ("/kns/nickname/length", test_length);
  g_test_add_func ("/kns/nickname/suggest", test_suggest);
  g_test_add_func ("/kns/nickname/suggest-same-seed", test_suggest_same_seed);
  g_test_add_func ("/kns/nickname/match-key", test_match_key);
  g_test_add_func ("/kns/nickname/class-grade", test_class_grade);

  return g_test_run ();
}
