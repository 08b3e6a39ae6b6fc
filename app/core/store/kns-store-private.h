/* kns-store-private.h — what the parts of KnsStore share; not for the UI.
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

#pragma once

#include <sqlite3.h>

#include "kns-store.h"

G_BEGIN_DECLS

/* The secret random number each counted event adds to its tally's key
 * sum (kns-store-tally.c). */
typedef guint32 (*KnsStoreRecordKey) (gpointer user_data);

struct _KnsStore
{
  GObject           parent_instance;

  sqlite3          *db;
  KnsStoreClock     clock;
  gpointer          clock_data;
  KnsStoreClock     monotonic;      /* g_get_monotonic_time (), or a test's */
  gpointer          monotonic_data;
  gint64            opened_monotonic;

  char             *data_dir;
  char             *path;           /* DATA_DIR/kynangso.db */
  char             *device_uuid;
  char             *previous_device_uuid; /* before this copy got its own; kns-store-identity.c */
  guint             schema_version;

  /* The PIN lockout counts time waited (kns-teacher.c): the record it
   * last saw or wrote, and when, on the monotonic clock. */
  char             *pin_anchor;
  gint64            pin_anchor_time;

  gboolean          grouped;        /* in kns_store_begin_group () */
  gboolean          group_lost;     /* SQLite rolled the group back */

  KnsStoreRecovery  recovery;
  char             *moved_aside;    /* where a damaged file went, or NULL */
  char             *restored_from;  /* the backup restored, or NULL */

  KnsStoreRecordKey record_key;     /* tests make keys predictable */
  gpointer          record_key_data;
};

#define KNS_STORE_FILE_NAME "kynangso.db"

/* How long to wait for another program to let go of the database before
 * giving up with KNS_STORE_ERROR_LOCKED. Tests shorten it through the
 * environment variable KNS_STORE_BUSY_TIMEOUT_MS. */
#define KNS_STORE_BUSY_TIMEOUT_MS 5000

/* Backups kept in DATA_DIR/backups; older ones are removed. */
#define KNS_STORE_BACKUPS_KEPT 5

/* Why an existing file cannot be used as a database; see kns-store-file.c. */
typedef enum
{
  KNS_DAMAGE_NONE,
  KNS_DAMAGE_ZERO_LENGTH,
  KNS_DAMAGE_NOT_SQLITE,
  KNS_DAMAGE_TRUNCATED,
  KNS_DAMAGE_CORRUPT,
} KnsDamage;

/* Who an event counts for, in the tallies: the learner as they are now. */
typedef struct
{
  gint64  learner_id;
  guint   grade;
  KnsSex  sex;          /* KNS_SEX_UNSTATED unless the school records sex */
  guint   tier;         /* of the learner's grade */
  gint64  now;
  char    day[16];      /* YYYY-MM-DD, local */
  guint   school_year;
  char   *session_uuid; /* the running session the learner joined, or "" */
} KnsEvent;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* kns-store.c: statements, transactions, errors */
sqlite3_stmt *kns_store_prepare           (KnsStore     *self,
                                           const char   *sql,
                                           GError      **error);
int           kns_store_step              (KnsStore     *self,
                                           sqlite3_stmt *stmt,
                                           GError      **error);
gboolean      kns_store_run               (KnsStore     *self,
                                           sqlite3_stmt *stmt,
                                           GError      **error);
gboolean      kns_store_exec              (KnsStore     *self,
                                           const char   *sql,
                                           GError      **error);
gboolean      kns_store_begin             (KnsStore     *self,
                                           GError      **error);
gboolean      kns_store_commit            (KnsStore     *self,
                                           GError      **error);
gboolean      kns_store_rollback          (KnsStore     *self);
gboolean      kns_store_connect           (KnsStore     *self,
                                           GError      **error);
gboolean      kns_store_fail              (KnsStore     *self,
                                           int           rc,
                                           GError      **error);
gboolean      kns_store_fail_errno        (KnsStore     *self,
                                           int           errsv,
                                           const char   *file,
                                           GError      **error);
void          kns_store_set_error         (KnsStore     *self,
                                           KnsStoreError code,
                                           GError      **error);
char         *kns_store_column_dup        (sqlite3_stmt *stmt,
                                           int           column);
gboolean      kns_store_read_setting      (KnsStore     *self,
                                           const char   *key,
                                           char        **value,
                                           GError      **error);
gboolean      kns_store_write_setting     (KnsStore     *self,
                                           const char   *key,
                                           const char   *value,
                                           GError      **error);
gint64        kns_store_monotonic_now     (KnsStore     *self);
gboolean      kns_store_records_sex       (KnsStore     *self,
                                           gboolean     *records,
                                           GError      **error);

/* kns-store-identity.c */
gboolean      kns_store_load_identity     (KnsStore     *self,
                                           GError      **error);
gboolean      kns_store_is_identity_key   (const char   *key);

/* kns-store-schema.c */
guint         kns_store_schema_latest     (void);
gboolean      kns_store_migrate           (KnsStore     *self,
                                           guint         from,
                                           GError      **error);

/* kns-store-file.c: checking, recovery and backups */
KnsDamage     kns_store_check_header      (const char   *path,
                                           guint        *user_version);
const char   *kns_store_damage_to_string  (KnsDamage     damage);
gboolean      kns_store_recover           (KnsStore     *self,
                                           KnsDamage     damage,
                                           GError      **error);
gboolean      kns_store_create_fresh      (KnsStore     *self,
                                           GError      **error);
char         *kns_store_format_time       (gint64        time,
                                           const char   *format);
char         *kns_store_describe_backup_time (const char *backup);

/* kns-store-tally.c */
gboolean      kns_store_event_init        (KnsStore     *self,
                                           KnsEvent     *event,
                                           gint64        learner_id,
                                           GError      **error);
void          kns_store_event_clear       (KnsEvent     *event);
void          kns_store_set_record_keys   (KnsStore          *self,
                                           KnsStoreRecordKey  func,
                                           gpointer           user_data);
guint32       kns_store_record_key        (KnsStore     *self);
gboolean      kns_store_tally_day         (KnsStore     *self,
                                           const KnsEvent *event,
                                           guint         tier,
                                           const char   *lesson_id,
                                           guint         attendances,
                                           guint         completions,
                                           guint         attempts,
                                           guint         score_sum,
                                           guint         passes,
                                           GError      **error);
gboolean      kns_store_tally_headcount   (KnsStore     *self,
                                           const KnsEvent *event,
                                           const char   *session_uuid,
                                           GError      **error);
gboolean      kns_store_tally_attendance  (KnsStore     *self,
                                           const KnsEvent *event,
                                           GError      **error);

/* kns-store-lesson.c */
gboolean      kns_store_complete_lesson   (KnsStore     *self,
                                           const KnsEvent *event,
                                           const char   *lesson_id,
                                           const char   *lesson_version,
                                           guint         tier,
                                           int           score,
                                           GError      **error);
gboolean      kns_store_insert_answer     (KnsStore     *self,
                                           gint64        attempt_id,
                                           const char   *question_id,
                                           guint32       chosen,
                                           gboolean      correct,
                                           GError      **error);
gboolean      kns_store_close_counted     (KnsStore     *self,
                                           KnsAttempt   *attempt,
                                           GError      **error);

/* For tests only: makes the database refuse to grow past @n_pages, as a
 * full disk would. */
void          kns_store_set_max_pages     (KnsStore     *self,
                                           guint         n_pages);
/* For tests only: what "time waited" is measured with (the PIN's
 * lockout); %NULL for the real monotonic clock. */
void          kns_store_set_monotonic_clock (KnsStore    *self,
                                           KnsStoreClock clock,
                                           gpointer      clock_data);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (KnsEvent, kns_store_event_clear)

G_END_DECLS
