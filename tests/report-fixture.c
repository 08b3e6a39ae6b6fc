/* report-fixture.c — a school with known activity, for the report tests
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
 * A primary school that records sex, made with the store's API and a
 * clock moved by hand (Việt Nam's time; the tests set TZ). Its figures,
 * worked out by hand, are what tests/test-report.c expects:
 *
 * learners (all sign in; headcount of năm học 2026–2027)
 *   grade 1: 1 boy, 1 girl    grade 3: 5 boys, 3 girls
 *   grade 4: 6 boys, 2 girls  grade 5: 8 boys, 9 girls      35 in all
 * enrolment: grade 1: 1 + 1; 3: 20 + 22; 4: 25 + 24; 5: 30 + 32
 *
 * 2 Sep 2026  a grade-5 girl signs in (the school year's first week)
 * 5 Oct 2026  session 1, 5A, grade 5, in person, 08:00–08:45, lessons
 *             t2-mat-khau and t2-bat-nat: the 17 of grade 5 sign in and
 *             take t2-mat-khau (boys 3/4 = 75, girls 4/4 = 100); three
 *             girls also take t2-bat-nat (2/4 = 50)
 * 12 Oct 2026 session 2, 4B, grade 4, on computers, 08:00–08:40, the
 *             whole tier: the 8 of grade 4 take t2-bat-nat (boys 100,
 *             girls 25)
 * 2 Nov 2026  no session: grades 3 and 1 sign in and read t1-so-111
 * 3 Nov 2026  the 8 boys of grade 5 sign in and retake t2-mat-khau: 100
 * 10 Jun 2027 a grade-4 boy signs in (in the summer, still the school year)
 */

#include "kns-config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "kns-bundle.h"
#include "kns-school-key.h"
#include "kns-store-private.h"
#include "report-fixture.h"

gint64
report_local_time (int year,
                   int month,
                   int day,
                   int hour,
                   int minute)
{
  g_autoptr(GDateTime) time = g_date_time_new_local (year, month, day, hour, minute, 0);

  return g_date_time_to_unix (time) * G_USEC_PER_SEC;
}

static gint64
school_clock (gpointer user_data)
{
  return ((ReportSchool *) user_data)->now;
}

KnsCourse *
report_course_load (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "report", "course", NULL);
  g_autoptr(GError) error = NULL;
  KnsCourse *course = kns_course_load (dir, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (kns_course_get_n_lessons (course), ==, 5);
  return course;
}

static GArray *
add_learners (ReportSchool *school,
              const char   *animal,
              const char   *class_label,
              guint         grade,
              KnsSex        sex,
              guint         n)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *nickname = g_strdup_printf ("%s %u%c", animal, grade * 10 + i,
                                                   sex == KNS_SEX_FEMALE ? 'b' : 'a');
      g_autoptr(KnsLearner) learner = kns_store_add_learner (school->store, nickname, class_label,
                                                              grade, "cat", sex, &error);

      g_assert_no_error (error);
      g_array_append_val (ids, learner->id);
      g_ptr_array_add (school->nicknames, g_strdup (learner->nickname));
    }
  return ids;
}

static void
sign_in_all (ReportSchool *school,
             GArray       *ids)
{
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (kns_store_sign_in (school->store, g_array_index (ids, gint64, i), &error));
      g_assert_no_error (error);
    }
}

static void
take_quiz (ReportSchool *school,
           gint64        learner_id,
           const char   *lesson_id,
           guint         n_right)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsAttempt) attempt = NULL;
  g_autoptr(KnsAttempt) finished = NULL;

  attempt = kns_store_start_attempt (school->store, learner_id, lesson_id, "v1", 2, 4, &error);
  g_assert_no_error (error);
  for (guint q = 0; q < 4; q++)
    {
      g_autofree char *question = g_strdup_printf ("q%u", q + 1);

      g_assert_true (kns_store_record_answer (school->store, attempt->id, question, 1, q < n_right,
                                              &error));
    }
  finished = kns_store_finish_attempt (school->store, attempt->id, 70, &error);
  g_assert_no_error (error);
}

static void
quiz_all (ReportSchool *school,
          GArray       *ids,
          guint         n,
          const char   *lesson_id,
          guint         n_right)
{
  for (guint i = 0; i < MIN (n, ids->len); i++)
    take_quiz (school, g_array_index (ids, gint64, i), lesson_id, n_right);
}

/**
 * report_pupil_visit:
 * @lesson_id: (nullable): a quiz the pupil takes, or none
 * @n_right: of its four questions
 *
 * A new pupil signs in, and takes one quiz.
 *
 * Returns: the pupil's id
 */
gint64
report_pupil_visit (ReportSchool *school,
                    guint         grade,
                    KnsSex        sex,
                    const char   *lesson_id,
                    guint         n_right)
{
  /* Each a nickname of its own: two pupils without a class cannot share one. */
  g_autofree char *animal = g_strdup_printf ("Sóc %u", school->nicknames->len);
  g_autoptr(GArray) ids = add_learners (school, animal, "", grade, sex, 1);
  gint64 id = g_array_index (ids, gint64, 0);

  sign_in_all (school, ids);
  if (lesson_id != NULL)
    take_quiz (school, id, lesson_id, n_right);
  return id;
}

static char *
run_session (ReportSchool      *school,
             const char        *class_label,
             guint              grade,
             const char        *title,
             KnsSessionFormat   format,
             const char *const *lessons)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KnsClassSession) session = kns_store_start_session (school->store, class_label, grade,
                                                                 2, title, format, lessons, &error);

  g_assert_no_error (error);
  return g_strdup (session->uuid);
}

static void
end_session (ReportSchool *school,
             const char   *uuid)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (kns_store_end_session (school->store, uuid, "Em Mèo 50b hăng hái.", &error));
  g_assert_no_error (error);
}

static void
fill_school (ReportSchool *school)
{
  static const char *const session_1_lessons[] = { "t2-mat-khau", "t2-bat-nat", NULL };
  static const guint       enrolment[][3] = { { 1, 1, 1 }, { 3, 20, 22 }, { 4, 25, 24 }, { 5, 30, 32 } };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) g1m = NULL, g1f = NULL, g3m = NULL, g3f = NULL;
  g_autoptr(GArray) g4m = NULL, g4f = NULL, g5m = NULL, g5f = NULL;
  g_autoptr(GArray) early = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) late = g_array_new (FALSE, FALSE, sizeof (gint64));

  school->now = report_local_time (2026, 8, 28, 9, 0);
  g_assert_true (kns_store_set_setting (school->store, KNS_STORE_SETTING_RECORD_SEX, "true", &error));
  g_assert_true (kns_store_set_setting (school->store, KNS_STORE_SETTING_SCHOOL_NAME,
                                        "Trường Tiểu học Kim Đồng", &error));
  g_assert_true (kns_store_set_setting (school->store, KNS_STORE_SETTING_SCHOOL_LOCATION,
                                        "Phường Ba Đình, Hà Nội", &error));
  for (guint i = 0; i < G_N_ELEMENTS (enrolment); i++)
    {
      g_assert_true (kns_store_set_enrolment (school->store, 2026, enrolment[i][0], KNS_SEX_MALE,
                                              enrolment[i][1], &error));
      g_assert_true (kns_store_set_enrolment (school->store, 2026, enrolment[i][0], KNS_SEX_FEMALE,
                                              enrolment[i][2], &error));
    }

  g1m = add_learners (school, "Gấu Trúc", "1A", 1, KNS_SEX_MALE, 1);
  g1f = add_learners (school, "Thỏ Ngọc", "1A", 1, KNS_SEX_FEMALE, 1);
  g3m = add_learners (school, "Sư Tử", "3C", 3, KNS_SEX_MALE, 5);
  g3f = add_learners (school, "Chim Sẻ", "3C", 3, KNS_SEX_FEMALE, 3);
  g4m = add_learners (school, "Cá Heo", "4B", 4, KNS_SEX_MALE, 6);
  g4f = add_learners (school, "Hươu Cao Cổ", "4B", 4, KNS_SEX_FEMALE, 2);
  g5m = add_learners (school, "Voi Con", "5A", 5, KNS_SEX_MALE, 8);
  g5f = add_learners (school, "Mèo", "5A", 5, KNS_SEX_FEMALE, 9);

  /* Before the period, in the school year. */
  school->now = report_local_time (2026, 9, 2, 10, 0);
  g_array_append_val (early, g_array_index (g5f, gint64, 0));
  sign_in_all (school, early);

  school->now = report_local_time (2026, 10, 5, 8, 0);
  school->session_1 = run_session (school, "5A", 5, "An toàn khi dùng mạng",
                                   KNS_SESSION_FORMAT_IN_PERSON, session_1_lessons);
  sign_in_all (school, g5m);
  sign_in_all (school, g5f);
  quiz_all (school, g5m, 8, "t2-mat-khau", 3);
  quiz_all (school, g5f, 9, "t2-mat-khau", 4);
  quiz_all (school, g5f, 3, "t2-bat-nat", 2);
  school->now = report_local_time (2026, 10, 5, 8, 45);
  end_session (school, school->session_1);

  school->now = report_local_time (2026, 10, 12, 8, 0);
  school->session_2 = run_session (school, "4B", 4, "Bắt nạt trên mạng",
                                   KNS_SESSION_FORMAT_KIOSK, NULL);
  sign_in_all (school, g4m);
  sign_in_all (school, g4f);
  quiz_all (school, g4m, 6, "t2-bat-nat", 4);
  quiz_all (school, g4f, 2, "t2-bat-nat", 1);
  school->now = report_local_time (2026, 10, 12, 8, 40);
  end_session (school, school->session_2);

  school->now = report_local_time (2026, 11, 2, 9, 0);
  {
    GArray *groups[] = { g3m, g3f, g1m, g1f };

    for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
      {
        sign_in_all (school, groups[g]);
        for (guint i = 0; i < groups[g]->len; i++)
          g_assert_true (kns_store_complete_reading (school->store,
                                                     g_array_index (groups[g], gint64, i),
                                                     "t1-so-111", "v1", 1, &error));
      }
  }

  school->now = report_local_time (2026, 11, 3, 9, 0);
  sign_in_all (school, g5m);
  quiz_all (school, g5m, 8, "t2-mat-khau", 4);

  /* After the period, in the school year. */
  school->now = report_local_time (2027, 6, 10, 9, 0);
  g_array_append_val (late, g_array_index (g4m, gint64, 0));
  sign_in_all (school, late);

  school->now = report_local_time (2027, 6, 15, 9, 0);
  g_assert_no_error (error);
}

/* The school key every fixture computer has, as if the teacher had typed
 * the same passphrase on each. */
const guint8 report_school_key[32] = "kynangso test school key 32 byte";

/**
 * report_seal:
 * @plain: a bundle's canonical form, or any text to seal as one
 *
 * Returns: (transfer full): the bytes of a file sealed with the fixture
 *   school's key
 */
GBytes *
report_seal (GBytes *plain)
{
  return kns_bundle_seal (plain, report_school_key);
}

/* Record keys from a small generator of the school's own, so that the
 * rounding of a test's report is the same in every run. */
static guint32
school_key (gpointer user_data)
{
  ReportSchool *school = user_data;

  /* xorshift32 */
  school->key_state ^= school->key_state << 13;
  school->key_state ^= school->key_state >> 17;
  school->key_state ^= school->key_state << 5;
  return school->key_state;
}

/**
 * report_school_new:
 * @fill: whether to play the script above, or leave the store empty
 */
ReportSchool *
report_school_new (gboolean fill)
{
  static guint32 schools_made;
  g_autoptr(GError) error = NULL;
  ReportSchool *school = g_new0 (ReportSchool, 1);

  school->dir = g_dir_make_tmp ("kns-report-XXXXXX", &error);
  g_assert_no_error (error);
  school->nicknames = g_ptr_array_new_with_free_func (g_free);
  school->now = report_local_time (2026, 10, 1, 8, 0);
  school->store = kns_store_open_with_clock (school->dir, school_clock, school, &error);
  g_assert_no_error (error);
  school->key_state = 0x9E3779B9u * ++schools_made;
  kns_store_set_record_keys (school->store, school_key, school);
  /* Every computer of the fixture is the same school's. */
  kns_school_key_set (school->store, report_school_key, &error);
  g_assert_no_error (error);
  if (fill)
    fill_school (school);
  return school;
}

/**
 * report_school_clone:
 *
 * A copy of @school's data folder, opened as another lab computer would
 * have opened a copy before copies were told apart: the same computer
 * id, counting on its own from now on.
 */
ReportSchool *
report_school_clone (ReportSchool *school)
{
  g_autoptr(GError) error = NULL;
  ReportSchool *clone = g_new0 (ReportSchool, 1);
  g_autofree char *db = NULL;
  g_autofree char *id_file = NULL;
  g_autofree char *command = NULL;
  sqlite3 *raw = NULL;
  int status = -1;

  g_clear_object (&school->store);
  clone->dir = g_dir_make_tmp ("kns-report-clone-XXXXXX", &error);
  g_assert_no_error (error);
  command = g_strdup_printf ("cp -a %s/. %s", school->dir, clone->dir);
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  /* What tells copies apart since schema 3's identity rows. */
  id_file = g_build_filename (clone->dir, "kynangso.id", NULL);
  g_remove (id_file);
  db = g_build_filename (clone->dir, "kynangso.db", NULL);
  g_assert_cmpint (sqlite3_open (db, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "DELETE FROM setting WHERE key = 'device-binding'", NULL,
                                 NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  clone->nicknames = g_ptr_array_new_with_free_func (g_free);
  clone->now = school->now;
  clone->key_state = school->key_state ^ 0x5bd1e995u;
  clone->store = kns_store_open_with_clock (clone->dir, school_clock, clone, &error);
  g_assert_no_error (error);
  kns_store_set_record_keys (clone->store, school_key, clone);

  school->store = kns_store_open_with_clock (school->dir, school_clock, school, &error);
  g_assert_no_error (error);
  kns_store_set_record_keys (school->store, school_key, school);
  g_assert_cmpstr (kns_store_get_device_uuid (clone->store), ==,
                   kns_store_get_device_uuid (school->store));
  return clone;
}

void
report_school_free (ReportSchool *school)
{
  if (school == NULL)
    return;

  if (school->store != NULL)
    g_assert_finalize_object (school->store);
  kns_test_remove_tree (school->dir);
  g_free (school->dir);
  g_ptr_array_unref (school->nicknames);
  g_free (school->session_1);
  g_free (school->session_2);
  g_free (school);
}

/* Every row of every table, in order, through a connection of its own:
 * to compare a database before and after something. */
char *
report_dump_store (const char *db_path)
{
  GString      *out = g_string_new (NULL);
  sqlite3      *db = NULL;
  sqlite3_stmt *tables = NULL;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 2000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table' "
                                           "ORDER BY name",
                                       -1, &tables, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char      *name = (const char *) sqlite3_column_text (tables, 0);
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY 1, 2, 3", name);
      sqlite3_stmt    *rows = NULL;

      g_string_append_printf (out, "[%s]\n", name);
      if (sqlite3_prepare_v2 (db, sql, -1, &rows, NULL) != SQLITE_OK)
        {
          /* A table of fewer than three columns. */
          g_free (sql);
          sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY 1", name);
          g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &rows, NULL), ==, SQLITE_OK);
        }
      while (sqlite3_step (rows) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (rows); c++)
            g_string_append_printf (out, "%s|", (const char *) sqlite3_column_text (rows, c));
          g_string_append_c (out, '\n');
        }
      sqlite3_finalize (rows);
    }
  sqlite3_finalize (tables);
  sqlite3_close (db);
  return g_string_free (out, FALSE);
}
