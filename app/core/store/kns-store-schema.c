/* kns-store-schema.c — the tables, and how each release's file is upgraded
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
 * PRAGMA user_version holds the schema version. Each released version
 * has a fixture in tests/data/store/schema-N.db, and test-store-recovery opens a
 * copy of each. A migration is never edited once released: a change is
 * a new migration appended to the list.
 */

#define G_LOG_DOMAIN "kns-store"

#include "kns-config.h"

#include "kns-store-private.h"

typedef struct
{
  guint       version;
  const char *sql;
} Migration;

/* Version 1, the first release.
 *
 * Per-learner rows (learner, progress, attempt, answer, session_member,
 * attendance_seen, headcount_seen) cascade from learner, so deleting a
 * learner deletes everything about them. The tally_ tables hold no
 * learner id: reports read only them, and they never change when a
 * learner is deleted.
 *
 * Times are microseconds since the epoch; a day is 'YYYY-MM-DD' in local
 * time; a school year is the year it starts in. */
static const char schema_1[] =
  "CREATE TABLE setting ("
  "  key   TEXT PRIMARY KEY NOT NULL,"
  "  value TEXT NOT NULL"
  ") WITHOUT ROWID;"

  /* AUTOINCREMENT: an id is never reused, so an id the UI still holds
   * can never reach another child's rows. */
  "CREATE TABLE learner ("
  "  id          INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  kind        INTEGER NOT NULL CHECK (kind IN (0, 1)),"
  "  nickname    TEXT NOT NULL CHECK (length (nickname) BETWEEN 1 AND 24),"
  "  class_label TEXT NOT NULL DEFAULT '',"
  "  grade       INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 12),"
  "  avatar      TEXT NOT NULL DEFAULT '',"
  "  sex         INTEGER NOT NULL DEFAULT 0 CHECK (sex IN (0, 1, 2)),"
  "  created     INTEGER NOT NULL,"
  "  last_seen   INTEGER NOT NULL,"
  "  archived    INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))"
  ");"
  "CREATE INDEX learner_class ON learner (class_label, archived);"

  "CREATE TABLE progress ("
  "  learner_id     INTEGER NOT NULL REFERENCES learner (id) ON DELETE CASCADE,"
  "  lesson_id      TEXT NOT NULL,"
  "  lesson_version TEXT NOT NULL,"
  "  state          INTEGER NOT NULL CHECK (state BETWEEN 0 AND 3),"
  "  position       INTEGER NOT NULL DEFAULT 0,"
  "  last_score     INTEGER NOT NULL DEFAULT -1,"
  "  best_score     INTEGER NOT NULL DEFAULT -1,"
  "  started        INTEGER NOT NULL,"
  "  updated        INTEGER NOT NULL,"
  "  completed      INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (learner_id, lesson_id)"
  ") WITHOUT ROWID;"

  "CREATE TABLE attempt ("
  "  id             INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  learner_id     INTEGER NOT NULL REFERENCES learner (id) ON DELETE CASCADE,"
  "  lesson_id      TEXT NOT NULL,"
  "  lesson_version TEXT NOT NULL,"
  "  tier           INTEGER NOT NULL,"
  "  n_questions    INTEGER NOT NULL CHECK (n_questions > 0),"
  "  started        INTEGER NOT NULL,"
  "  finished       INTEGER NOT NULL DEFAULT 0,"
  "  n_correct      INTEGER NOT NULL DEFAULT 0,"
  "  score          INTEGER NOT NULL DEFAULT 0,"
  "  passed         INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX attempt_learner ON attempt (learner_id, lesson_id);"

  /* The rowid keeps the order in which questions were answered. */
  "CREATE TABLE answer ("
  "  attempt_id  INTEGER NOT NULL REFERENCES attempt (id) ON DELETE CASCADE,"
  "  question_id TEXT NOT NULL,"
  "  chosen      INTEGER NOT NULL,"
  "  correct     INTEGER NOT NULL CHECK (correct IN (0, 1)),"
  "  answered    INTEGER NOT NULL,"
  "  UNIQUE (attempt_id, question_id)"
  ");"

  "CREATE TABLE class_session ("
  "  uuid        TEXT PRIMARY KEY NOT NULL,"
  "  class_label TEXT NOT NULL,"
  "  grade       INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 12),"
  "  tier        INTEGER NOT NULL,"
  "  title       TEXT NOT NULL,"
  "  format      INTEGER NOT NULL CHECK (format BETWEEN 0 AND 2),"
  "  lesson_ids  TEXT,"          /* one a line; NULL: the whole tier */
  "  started     INTEGER NOT NULL,"
  "  ended       INTEGER NOT NULL DEFAULT 0,"
  "  notes       TEXT NOT NULL DEFAULT ''"
  ") WITHOUT ROWID;"
  /* At most one session runs at a time. */
  "CREATE UNIQUE INDEX class_session_running ON class_session (ended) WHERE ended = 0;"

  "CREATE TABLE session_member ("
  "  session_uuid TEXT NOT NULL REFERENCES class_session (uuid) ON DELETE CASCADE,"
  "  learner_id   INTEGER NOT NULL REFERENCES learner (id) ON DELETE CASCADE,"
  "  joined       INTEGER NOT NULL,"
  "  PRIMARY KEY (session_uuid, learner_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX session_member_learner ON session_member (learner_id);"

  "CREATE TABLE enrolment ("
  "  school_year INTEGER NOT NULL,"
  "  grade       INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 12),"
  "  sex         INTEGER NOT NULL CHECK (sex IN (0, 1, 2)),"
  "  count       INTEGER NOT NULL CHECK (count >= 0),"
  "  PRIMARY KEY (school_year, grade, sex)"
  ") WITHOUT ROWID;"

  /* Additive counters, so a report can sum any period. session_uuid is
   * '' outside sessions; lesson_id is '' for sign-ins. */
  "CREATE TABLE tally_day ("
  "  day          TEXT NOT NULL,"
  "  session_uuid TEXT NOT NULL,"
  "  grade        INTEGER NOT NULL,"
  "  sex          INTEGER NOT NULL,"
  "  tier         INTEGER NOT NULL,"
  "  lesson_id    TEXT NOT NULL,"
  "  attendances  INTEGER NOT NULL DEFAULT 0,"
  "  completions  INTEGER NOT NULL DEFAULT 0,"
  "  attempts     INTEGER NOT NULL DEFAULT 0,"
  "  score_sum    INTEGER NOT NULL DEFAULT 0,"
  "  passes       INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (day, session_uuid, grade, sex, tier, lesson_id)"
  ") WITHOUT ROWID;"

  /* Distinct learners cannot be summed across days: headcount is kept per
   * school year (session_uuid '') and per session. */
  "CREATE TABLE tally_headcount ("
  "  school_year  INTEGER NOT NULL,"
  "  session_uuid TEXT NOT NULL,"
  "  grade        INTEGER NOT NULL,"
  "  sex          INTEGER NOT NULL,"
  "  tier         INTEGER NOT NULL,"
  "  participants INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (school_year, session_uuid, grade, sex, tier)"
  ") WITHOUT ROWID;"

  /* What has been counted already, so each learner counts once. */
  "CREATE TABLE headcount_seen ("
  "  learner_id   INTEGER NOT NULL REFERENCES learner (id) ON DELETE CASCADE,"
  "  school_year  INTEGER NOT NULL,"
  "  session_uuid TEXT NOT NULL,"
  "  PRIMARY KEY (learner_id, school_year, session_uuid)"
  ") WITHOUT ROWID;"
  "CREATE TABLE attendance_seen ("
  "  learner_id   INTEGER NOT NULL REFERENCES learner (id) ON DELETE CASCADE,"
  "  day          TEXT NOT NULL,"
  "  session_uuid TEXT NOT NULL,"
  "  PRIMARY KEY (learner_id, day, session_uuid)"
  ") WITHOUT ROWID;";

/* Version 2: the figures of other lab computers, imported from their
 * report bundles (kns-bundle.c), so that one computer can report for the
 * whole lab.
 *
 * A bundle is one computer's school year: (device_uuid, school_year) is
 * unique, and a newer export replaces the older by deleting the bundle,
 * which cascades to its rows. The rows mirror tally_day and
 * tally_headcount and, like them, hold no learner id. Sessions and
 * lessons keep what the other computer knew of them (skill groups,
 * competence codes and channels, one a line), since its lessons may
 * differ from ours. Nothing here ever holds a nickname. */
static const char schema_2[] =
  "CREATE TABLE import_bundle ("
  "  id              INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  device_uuid     TEXT NOT NULL,"
  "  school_year     INTEGER NOT NULL,"
  "  exported        INTEGER NOT NULL,"
  "  checksum        TEXT NOT NULL,"
  "  imported        INTEGER NOT NULL,"
  "  app_version     TEXT NOT NULL DEFAULT '',"
  "  school_name     TEXT NOT NULL DEFAULT '',"
  "  school_location TEXT NOT NULL DEFAULT '',"
  "  file_name       TEXT NOT NULL DEFAULT '',"
  "  UNIQUE (device_uuid, school_year)"
  ");"
  "CREATE INDEX import_bundle_year ON import_bundle (school_year);"

  "CREATE TABLE import_tally_day ("
  "  bundle_id    INTEGER NOT NULL REFERENCES import_bundle (id) ON DELETE CASCADE,"
  "  day          TEXT NOT NULL,"
  "  session_uuid TEXT NOT NULL,"
  "  grade        INTEGER NOT NULL,"
  "  sex          INTEGER NOT NULL,"
  "  tier         INTEGER NOT NULL,"
  "  lesson_id    TEXT NOT NULL,"
  "  attendances  INTEGER NOT NULL DEFAULT 0,"
  "  completions  INTEGER NOT NULL DEFAULT 0,"
  "  attempts     INTEGER NOT NULL DEFAULT 0,"
  "  score_sum    INTEGER NOT NULL DEFAULT 0,"
  "  passes       INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (bundle_id, day, session_uuid, grade, sex, tier, lesson_id)"
  ") WITHOUT ROWID;"

  "CREATE TABLE import_headcount ("
  "  bundle_id    INTEGER NOT NULL REFERENCES import_bundle (id) ON DELETE CASCADE,"
  "  session_uuid TEXT NOT NULL,"
  "  grade        INTEGER NOT NULL,"
  "  sex          INTEGER NOT NULL,"
  "  tier         INTEGER NOT NULL,"
  "  participants INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (bundle_id, session_uuid, grade, sex, tier)"
  ") WITHOUT ROWID;"

  "CREATE TABLE import_session ("
  "  bundle_id    INTEGER NOT NULL REFERENCES import_bundle (id) ON DELETE CASCADE,"
  "  uuid         TEXT NOT NULL,"
  "  class_label  TEXT NOT NULL,"
  "  grade        INTEGER NOT NULL,"
  "  tier         INTEGER NOT NULL,"
  "  title        TEXT NOT NULL,"
  "  format       INTEGER NOT NULL,"
  "  lesson_ids   TEXT,"
  "  started      INTEGER NOT NULL,"
  "  ended        INTEGER NOT NULL,"
  "  skill_groups INTEGER NOT NULL DEFAULT 0,"
  "  competences  TEXT NOT NULL DEFAULT '',"
  "  PRIMARY KEY (bundle_id, uuid)"
  ") WITHOUT ROWID;"

  "CREATE TABLE import_lesson ("
  "  bundle_id    INTEGER NOT NULL REFERENCES import_bundle (id) ON DELETE CASCADE,"
  "  id           TEXT NOT NULL,"
  "  title        TEXT NOT NULL,"
  "  tier         INTEGER NOT NULL,"
  "  skill_groups INTEGER NOT NULL DEFAULT 0,"
  "  competences  TEXT NOT NULL DEFAULT '',"
  "  channels     TEXT NOT NULL DEFAULT '',"
  "  PRIMARY KEY (bundle_id, id)"
  ") WITHOUT ROWID;";

/* Version 3: record keys, for the report's consistent rounding (README,
 * "Privacy"). Every counted event adds a secret random 32-bit key to its
 * tally row, modulo 2^32: attendances, completions and quiz attempts
 * each their own, and each pupil counted in a headcount. A published
 * cell's key is the sum of the keys of what it counts, so the same
 * events always round the same way, and a cell that changed by one
 * pupil rounds afresh. Rows counted before this version get one random
 * key each. */
static const char schema_3[] =
  "ALTER TABLE tally_day ADD COLUMN attendance_key INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE tally_day ADD COLUMN completion_key INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE tally_day ADD COLUMN attempt_key INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE tally_headcount ADD COLUMN participant_key INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE import_tally_day ADD COLUMN attendance_key INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE import_tally_day ADD COLUMN completion_key INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE import_tally_day ADD COLUMN attempt_key INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE import_headcount ADD COLUMN participant_key INTEGER NOT NULL DEFAULT 0;"
  "UPDATE tally_day SET "
  "  attendance_key = CASE WHEN attendances > 0 THEN random () & 4294967295 ELSE 0 END, "
  "  completion_key = CASE WHEN completions > 0 THEN random () & 4294967295 ELSE 0 END, "
  "  attempt_key = CASE WHEN attempts > 0 THEN random () & 4294967295 ELSE 0 END;"
  "UPDATE import_tally_day SET "
  "  attendance_key = CASE WHEN attendances > 0 THEN random () & 4294967295 ELSE 0 END, "
  "  completion_key = CASE WHEN completions > 0 THEN random () & 4294967295 ELSE 0 END, "
  "  attempt_key = CASE WHEN attempts > 0 THEN random () & 4294967295 ELSE 0 END;"
  "UPDATE tally_headcount SET participant_key = random () & 4294967295 WHERE participants > 0;"
  "UPDATE import_headcount SET participant_key = random () & 4294967295 WHERE participants > 0;";

/* Version 4: the session's check, before and after (issue 21,
 * kns-store-check.c).
 *
 * check_taken and check_answer are the pupil's own: which check they
 * took in which session and what they answered, so that the check is
 * asked once, resumes after a crash, and its review shows their answers.
 * They cascade from learner like progress does.
 *
 * tally_check is what reports read: one row per pupil, session, phase
 * (0 before, 1 after) and skill group (1–3), with how many questions of
 * that group were asked and how many answered right, written when the
 * check is finished. It holds no learner id: `taker` is a random number
 * drawn for the pupil and the session, the same in the before and after
 * rows, so that a report can pair them; once the pupil is deleted,
 * nothing links it to anyone. Each row has its own secret record key,
 * like the tallies of schema 3. import_tally_check holds the same rows
 * from other lab computers' bundles. */
static const char schema_4[] =
  "CREATE TABLE check_taken ("
  "  learner_id    INTEGER NOT NULL REFERENCES learner (id) ON DELETE CASCADE,"
  "  session_uuid  TEXT NOT NULL,"
  "  phase         INTEGER NOT NULL CHECK (phase IN (0, 1)),"
  "  check_id      TEXT NOT NULL,"
  "  check_version TEXT NOT NULL,"
  "  tier          INTEGER NOT NULL,"
  "  taker         INTEGER NOT NULL,"
  "  started       INTEGER NOT NULL,"
  "  finished      INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (learner_id, session_uuid, phase)"
  ") WITHOUT ROWID;"
  "CREATE INDEX check_taken_session ON check_taken (session_uuid);"

  "CREATE TABLE check_answer ("
  "  learner_id   INTEGER NOT NULL,"
  "  session_uuid TEXT NOT NULL,"
  "  phase        INTEGER NOT NULL,"
  "  question_id  TEXT NOT NULL,"
  "  skill        INTEGER NOT NULL CHECK (skill BETWEEN 1 AND 3),"
  "  chosen       INTEGER NOT NULL,"
  "  correct      INTEGER NOT NULL CHECK (correct IN (0, 1)),"
  "  answered     INTEGER NOT NULL,"
  "  PRIMARY KEY (learner_id, session_uuid, phase, question_id),"
  "  FOREIGN KEY (learner_id, session_uuid, phase) "
  "    REFERENCES check_taken (learner_id, session_uuid, phase) ON DELETE CASCADE"
  ") WITHOUT ROWID;"

  "CREATE TABLE tally_check ("
  "  school_year  INTEGER NOT NULL,"
  "  session_uuid TEXT NOT NULL,"
  "  taker        INTEGER NOT NULL,"
  "  tier         INTEGER NOT NULL,"
  "  phase        INTEGER NOT NULL CHECK (phase IN (0, 1)),"
  "  skill        INTEGER NOT NULL CHECK (skill BETWEEN 1 AND 3),"
  "  asked        INTEGER NOT NULL CHECK (asked > 0),"
  "  answered_right INTEGER NOT NULL CHECK (answered_right BETWEEN 0 AND asked),"
  "  record_key   INTEGER NOT NULL,"
  "  PRIMARY KEY (session_uuid, taker, phase, skill)"
  ") WITHOUT ROWID;"
  "CREATE INDEX tally_check_year ON tally_check (school_year, tier, skill, phase);"

  "CREATE TABLE import_tally_check ("
  "  bundle_id    INTEGER NOT NULL REFERENCES import_bundle (id) ON DELETE CASCADE,"
  "  session_uuid TEXT NOT NULL,"
  "  taker        INTEGER NOT NULL,"
  "  tier         INTEGER NOT NULL,"
  "  phase        INTEGER NOT NULL CHECK (phase IN (0, 1)),"
  "  skill        INTEGER NOT NULL CHECK (skill BETWEEN 1 AND 3),"
  "  asked        INTEGER NOT NULL CHECK (asked > 0),"
  "  answered_right INTEGER NOT NULL CHECK (answered_right BETWEEN 0 AND asked),"
  "  record_key   INTEGER NOT NULL,"
  "  PRIMARY KEY (bundle_id, session_uuid, taker, phase, skill)"
  ") WITHOUT ROWID;";

static const Migration migrations[] = {
  { 1, schema_1 },
  { 2, schema_2 },
  { 3, schema_3 },
  { 4, schema_4 },
};

guint
kns_store_schema_latest (void)
{
  return migrations[G_N_ELEMENTS (migrations) - 1].version;
}

static gboolean
apply_migration (KnsStore        *self,
                 const Migration *migration,
                 GError         **error)
{
  /* A number, never user text: safe to format into the pragma. */
  g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %u", migration->version);

  if (!kns_store_begin (self, error))
    return FALSE;
  if (!kns_store_exec (self, migration->sql, error) ||
      !kns_store_exec (self, set_version, error))
    return kns_store_rollback (self);
  if (!kns_store_commit (self, error))
    return FALSE;

  g_debug ("%s: schema version %u", self->path, migration->version);
  return TRUE;
}

/* Brings a database at version @from up to the latest, one committed
 * step at a time, so a power cut leaves it at a version it can resume. */
gboolean
kns_store_migrate (KnsStore  *self,
                   guint      from,
                   GError   **error)
{
  g_assert (from <= kns_store_schema_latest ());

  for (guint i = 0; i < G_N_ELEMENTS (migrations); i++)
    {
      if (migrations[i].version <= from)
        continue;
      if (!apply_migration (self, &migrations[i], error))
        return FALSE;
      self->schema_version = migrations[i].version;
    }

  self->schema_version = MAX (self->schema_version, from);
  return TRUE;
}
