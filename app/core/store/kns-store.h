/* kns-store.h — everything the app remembers, in one SQLite file
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
 * KnsStore is the only code that runs SQL. Every write is its own
 * committed transaction (WAL, synchronous=FULL) before the call returns,
 * so a crash or a power cut loses nothing a learner has already done.
 *
 * Privacy (README, "Privacy"): a learner is a nickname, a class
 * label, a grade, an avatar and, only if the school asks, a sex. Reports
 * read the anonymous tallies, which every event updates in its own
 * transaction and which deleting learners never changes.
 *
 * Times are microseconds since the epoch (g_get_real_time()); "days" and
 * school years are in local time.
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define KNS_STORE_ERROR (kns_store_error_quark ())

typedef enum
{
  KNS_STORE_ERROR_READ_ONLY,     /* the file or its folder cannot be written */
  KNS_STORE_ERROR_LOCKED,        /* another program holds the database */
  KNS_STORE_ERROR_NEWER_VERSION, /* written by a newer Kỹ năng số */
  KNS_STORE_ERROR_FULL,          /* the disk is full */
  KNS_STORE_ERROR_IO,            /* the disk failed to read or write */
  KNS_STORE_ERROR_NOT_FOUND,     /* no such learner, attempt or session */
  KNS_STORE_ERROR_INVALID,       /* bad input: an empty nickname, grade 13… */
  KNS_STORE_ERROR_BUSY,          /* a class session is already running */
  KNS_STORE_ERROR_DAMAGED,       /* the file is damaged: the app restores a backup */
  KNS_STORE_ERROR_DUPLICATE,     /* another pupil of the class has that nickname */
  KNS_STORE_ERROR_COUNTED,       /* a bundle of this computer's own, already counted */
} KnsStoreError;

/* What kns_store_open() had to do with a damaged database. */
typedef enum
{
  KNS_STORE_RECOVERY_NONE,
  KNS_STORE_RECOVERY_RESTORED_BACKUP, /* damaged file moved aside, newest backup restored */
  KNS_STORE_RECOVERY_STARTED_FRESH,   /* damaged file moved aside, no usable backup */
} KnsStoreRecovery;

typedef enum
{
  KNS_SEX_UNSTATED, /* không nêu, and whenever the school does not record sex */
  KNS_SEX_MALE,     /* nam */
  KNS_SEX_FEMALE,   /* nữ */
} KnsSex;

typedef enum
{
  KNS_LEARNER_PROFILE,
  KNS_LEARNER_GUEST, /* everything of theirs is wiped at sign-out */
} KnsLearnerKind;

typedef enum
{
  KNS_LESSON_NOT_STARTED,
  KNS_LESSON_READING,
  KNS_LESSON_QUIZ,
  KNS_LESSON_DONE,
} KnsLessonState;

/* How a learner stands with a lesson, as the learner and the teacher are
 * told: a quiz finished below the pass mark is not passed, and is offered
 * again ("Làm lại"). A lesson without a quiz is passed once read; a
 * scenario once a safe ending is reached. */
typedef enum
{
  KNS_OUTCOME_NOT_STARTED,
  KNS_OUTCOME_IN_PROGRESS, /* reading, or a quiz or a scenario under way */
  KNS_OUTCOME_NOT_PASSED,  /* finished, best score below the pass mark */
  KNS_OUTCOME_PASSED,
} KnsLessonOutcome;

typedef enum
{
  KNS_SESSION_FORMAT_IN_PERSON, /* trực tiếp */
  KNS_SESSION_FORMAT_KIOSK,     /* tự học trên máy */
  KNS_SESSION_FORMAT_ONLINE,    /* trực tuyến */
} KnsSessionFormat;

/* Plain records, copied out of the database; free with the _free
 * function. Nothing in them is live. */

#define KNS_TYPE_LEARNER (kns_learner_get_type ())

typedef struct
{
  gint64          id;
  KnsLearnerKind  kind;
  char           *nickname;
  char           *class_label; /* "" for guests and when not given */
  guint           grade;       /* 1–12 */
  char           *avatar;      /* a built-in picture's id, e.g. "cat" */
  KnsSex          sex;
  gint64          created;
  gint64          last_seen;
  gboolean        archived;    /* the class was archived at the end of a year */
} KnsLearner;

#define KNS_TYPE_PROGRESS (kns_progress_get_type ())

typedef struct
{
  char           *lesson_id;
  char           *lesson_version; /* KnsLesson's version when last touched */
  KnsLessonState  state;
  guint           position;       /* where reading stopped: an index of a block */
  int             last_score;     /* percent, or -1 before a finished quiz */
  int             best_score;     /* percent, or -1 */
  gint64          started;
  gint64          updated;
  gint64          completed;      /* 0 until first done */
} KnsProgress;

#define KNS_TYPE_ANSWER (kns_answer_get_type ())

typedef struct
{
  char     *question_id; /* "q1"… as in KnsQuestion */
  guint32   chosen;      /* bit mask of chosen options */
  gboolean  correct;
  gint64    answered;
} KnsAnswer;

#define KNS_TYPE_ATTEMPT (kns_attempt_get_type ())

typedef struct
{
  gint64     id;
  gint64     learner_id;
  char      *lesson_id;
  char      *lesson_version;
  guint      tier;
  guint      n_questions;
  gint64     started;
  gint64     finished;  /* 0 while open */
  guint      n_correct;
  guint      score;     /* percent, when finished */
  gboolean   passed;
  GPtrArray *answers;   /* KnsAnswer, in the order given */
} KnsAttempt;

#define KNS_TYPE_CLASS_SESSION (kns_class_session_get_type ())

typedef struct
{
  char             *uuid;
  char             *class_label;
  guint             grade;
  guint             tier;
  char             *title;
  KnsSessionFormat  format;
  GStrv             lesson_ids; /* NULL: the whole tier */
  gint64            started;
  gint64            ended;      /* 0 while running */
  char             *notes;      /* the teacher's, "" if none */
  guint             attendance; /* learners who joined */
} KnsClassSession;

typedef gint64 (*KnsStoreClock) (gpointer user_data);

/* Keys of kns_store_get_setting() that the store itself knows. */
#define KNS_STORE_SETTING_DEVICE_UUID     "device-uuid"     /* read-only */
#define KNS_STORE_SETTING_SCHOOL_NAME     "school-name"
#define KNS_STORE_SETTING_SCHOOL_LOCATION "school-location"
#define KNS_STORE_SETTING_RECORD_SEX      "record-sex"      /* "true" or "false" (default) */
#define KNS_STORE_SETTING_RETENTION_DAYS  "retention-days"  /* default "365" */

#define KNS_TYPE_STORE (kns_store_get_type ())

G_DECLARE_FINAL_TYPE (KnsStore, kns_store, KNS, STORE, GObject)

GQuark            kns_store_error_quark          (void);
GType             kns_learner_get_type           (void) G_GNUC_CONST;
GType             kns_progress_get_type          (void) G_GNUC_CONST;
GType             kns_answer_get_type            (void) G_GNUC_CONST;
GType             kns_attempt_get_type           (void) G_GNUC_CONST;
GType             kns_class_session_get_type     (void) G_GNUC_CONST;
KnsLearner       *kns_learner_copy               (const KnsLearner      *learner);
void              kns_learner_free               (KnsLearner            *learner);
KnsProgress      *kns_progress_copy              (const KnsProgress     *progress);
void              kns_progress_free              (KnsProgress           *progress);
KnsAnswer        *kns_answer_copy                (const KnsAnswer       *answer);
void              kns_answer_free                (KnsAnswer             *answer);
KnsAttempt       *kns_attempt_copy               (const KnsAttempt      *attempt);
void              kns_attempt_free               (KnsAttempt            *attempt);
KnsClassSession  *kns_class_session_copy         (const KnsClassSession *session);
void              kns_class_session_free         (KnsClassSession       *session);

/* Opening */
char             *kns_store_default_dir          (void);
KnsStore         *kns_store_open                 (const char            *data_dir,
                                                  GError               **error);
KnsStore         *kns_store_open_with_clock      (const char            *data_dir,
                                                  KnsStoreClock          clock,
                                                  gpointer               clock_data,
                                                  GError               **error);
const char       *kns_store_get_path             (KnsStore              *self);
const char       *kns_store_get_device_uuid      (KnsStore              *self);
const char       *kns_store_get_previous_device_uuid (KnsStore          *self);
gboolean          kns_store_renew_device_uuid    (KnsStore              *self,
                                                  GError               **error);
char             *kns_store_take_identity_notice (KnsStore              *self);
KnsStoreRecovery  kns_store_get_recovery         (KnsStore              *self);
const char       *kns_store_get_moved_aside      (KnsStore              *self);
const char       *kns_store_get_restored_backup  (KnsStore              *self);
char             *kns_store_describe_recovery    (KnsStore              *self);
guint             kns_store_get_schema_version   (KnsStore              *self);
gint64            kns_store_now                  (KnsStore              *self);

/* Learners */
KnsLearner       *kns_store_add_learner          (KnsStore              *self,
                                                  const char            *nickname,
                                                  const char            *class_label,
                                                  guint                  grade,
                                                  const char            *avatar,
                                                  KnsSex                 sex,
                                                  GError               **error);
KnsLearner       *kns_store_add_guest            (KnsStore              *self,
                                                  guint                  grade,
                                                  const char            *avatar,
                                                  GError               **error);
KnsLearner       *kns_store_get_learner          (KnsStore              *self,
                                                  gint64                 learner_id,
                                                  GError               **error);
GPtrArray        *kns_store_list_learners        (KnsStore              *self,
                                                  const char            *class_label,
                                                  gboolean               include_archived,
                                                  GError               **error);
GStrv             kns_store_list_classes         (KnsStore              *self,
                                                  GError               **error);
gboolean          kns_store_update_learner       (KnsStore              *self,
                                                  const KnsLearner      *learner,
                                                  GError               **error);
gboolean          kns_store_delete_learner       (KnsStore              *self,
                                                  gint64                 learner_id,
                                                  GError               **error);
gboolean          kns_store_sign_in              (KnsStore              *self,
                                                  gint64                 learner_id,
                                                  GError               **error);
gboolean          kns_store_sign_out             (KnsStore              *self,
                                                  gint64                 learner_id,
                                                  GError               **error);
guint             kns_store_archive_class        (KnsStore              *self,
                                                  const char            *class_label,
                                                  GError               **error);
guint             kns_store_purge_inactive       (KnsStore              *self,
                                                  guint                  retention_days,
                                                  GError               **error);

/* Lessons and quizzes */
KnsProgress      *kns_store_get_progress         (KnsStore              *self,
                                                  gint64                 learner_id,
                                                  const char            *lesson_id,
                                                  GError               **error);
GPtrArray        *kns_store_list_progress        (KnsStore              *self,
                                                  gint64                 learner_id,
                                                  GError               **error);
gboolean          kns_store_save_reading         (KnsStore              *self,
                                                  gint64                 learner_id,
                                                  const char            *lesson_id,
                                                  const char            *lesson_version,
                                                  guint                  position,
                                                  GError               **error);
gboolean          kns_store_complete_reading     (KnsStore              *self,
                                                  gint64                 learner_id,
                                                  const char            *lesson_id,
                                                  const char            *lesson_version,
                                                  guint                  tier,
                                                  GError               **error);
KnsAttempt       *kns_store_start_attempt        (KnsStore              *self,
                                                  gint64                 learner_id,
                                                  const char            *lesson_id,
                                                  const char            *lesson_version,
                                                  guint                  tier,
                                                  guint                  n_questions,
                                                  GError               **error);
KnsAttempt       *kns_store_get_open_attempt     (KnsStore              *self,
                                                  gint64                 learner_id,
                                                  const char            *lesson_id,
                                                  const char            *lesson_version,
                                                  GError               **error);
KnsAttempt       *kns_store_get_attempt          (KnsStore              *self,
                                                  gint64                 attempt_id,
                                                  GError               **error);
KnsAttempt       *kns_store_get_last_attempt     (KnsStore              *self,
                                                  gint64                 learner_id,
                                                  const char            *lesson_id,
                                                  GError               **error);
gboolean          kns_store_record_answer        (KnsStore              *self,
                                                  gint64                 attempt_id,
                                                  const char            *question_id,
                                                  guint32                chosen,
                                                  gboolean               correct,
                                                  GError               **error);
KnsAttempt       *kns_store_finish_attempt       (KnsStore              *self,
                                                  gint64                 attempt_id,
                                                  guint                  pass_mark,
                                                  GError               **error);
KnsLessonOutcome  kns_progress_get_outcome       (const KnsProgress     *progress,
                                                  guint                  pass_mark);
KnsLessonOutcome  kns_store_get_lesson_outcome   (KnsStore              *self,
                                                  gint64                 learner_id,
                                                  const char            *lesson_id,
                                                  guint                  pass_mark,
                                                  GError               **error);

/* Class sessions (buổi ngoại khóa) */
KnsClassSession  *kns_store_start_session        (KnsStore              *self,
                                                  const char            *class_label,
                                                  guint                  grade,
                                                  guint                  tier,
                                                  const char            *title,
                                                  KnsSessionFormat       format,
                                                  const char * const    *lesson_ids,
                                                  GError               **error);
KnsClassSession  *kns_store_get_running_session  (KnsStore              *self,
                                                  GError               **error);
gboolean          kns_store_end_session          (KnsStore              *self,
                                                  const char            *uuid,
                                                  const char            *notes,
                                                  GError               **error);
GPtrArray        *kns_store_list_sessions        (KnsStore              *self,
                                                  GError               **error);

/* School details: name, location, record-sex, retention-days, and what
 * teacher mode keeps (the PIN hash and its lockout). */
char             *kns_store_get_setting          (KnsStore              *self,
                                                  const char            *key,
                                                  GError               **error);
gboolean          kns_store_set_setting          (KnsStore              *self,
                                                  const char            *key,
                                                  const char            *value,
                                                  GError               **error);
gboolean          kns_store_set_enrolment        (KnsStore              *self,
                                                  guint                  school_year,
                                                  guint                  grade,
                                                  KnsSex                 sex,
                                                  guint                  count,
                                                  GError               **error);
guint             kns_store_get_enrolment        (KnsStore              *self,
                                                  guint                  school_year,
                                                  guint                  grade,
                                                  KnsSex                 sex,
                                                  GError               **error);

/* Bulk work: several writes reach the disk together. */
gboolean          kns_store_begin_group          (KnsStore              *self,
                                                  GError               **error);
gboolean          kns_store_end_group            (KnsStore              *self,
                                                  GError               **error);

/* Backups, with SQLite's online backup API, into DATA_DIR/backups */
gboolean          kns_store_backup               (KnsStore              *self,
                                                  GError               **error);
gboolean          kns_store_backup_if_due        (KnsStore              *self,
                                                  GError               **error);

/* Teacher mode's dashboard: how a class answered each question. */
typedef struct
{
  char  *lesson_id;
  char  *question_id;
  guint  answered;
  guint  wrong;
} KnsQuestionStat;

GPtrArray        *kns_store_list_question_stats  (KnsStore              *self,
                                                  const char            *class_label,
                                                  GError               **error);

/* School years start in September: 2026 is năm học 2026–2027. */
guint             kns_school_year_for_time       (gint64                 time);

/* Reports (kns-store-report.c)
 *
 * What the school report reads: the anonymous tallies, sessions, school
 * settings and enrolment, and the same figures imported from the
 * bundles of other lab computers (schema version 2). Never a learner's
 * row. */

typedef enum
{
  KNS_TALLY_OWN = 1 << 0,      /* counted on this computer */
  KNS_TALLY_IMPORTED = 1 << 1, /* from bundles of other computers */
} KnsTallySources;

#define KNS_TALLY_ALL (KNS_TALLY_OWN | KNS_TALLY_IMPORTED)

/* Where a bundle stands after kns_store_import_bundle(). */
typedef enum
{
  KNS_IMPORT_ADDED,     /* a computer and school year not seen before */
  KNS_IMPORT_REPLACED,  /* a newer export replaced the older one */
  KNS_IMPORT_UNCHANGED, /* the very same bundle was imported before */
  KNS_IMPORT_OLDER,     /* a newer export of it is already imported */
  KNS_IMPORT_KEPT_BOTH, /* another computer claims its id: both are kept */
} KnsImportResult;

/* A row of tally_day, or a sum of rows (day is then NULL). */
typedef struct
{
  char   *day;          /* YYYY-MM-DD, or NULL in sums over days */
  char   *session_uuid; /* "" outside sessions, NULL in sums over sessions */
  guint   grade;
  KnsSex  sex;
  guint   tier;
  char   *lesson_id; /* "" for sign-ins */
  guint64 attendances;
  guint64 completions;
  guint64 attempts;
  guint64 score_sum;
  guint64 passes;
  /* Sums of the record keys of what each count counts, modulo 2^32:
   * attempt_key goes with attempts and score_sum (schema_3). */
  guint32 attendance_key;
  guint32 completion_key;
  guint32 attempt_key;
} KnsTallyRow;

typedef struct
{
  char   *session_uuid; /* "" for the whole school year */
  guint   grade;
  KnsSex  sex;
  guint   tier;
  guint64 participants;
  guint32 participant_key; /* the sum of their record keys, modulo 2^32 */
} KnsHeadcountRow;

/* A session as a report shows it, from this computer or another. */
typedef struct
{
  char            *uuid;
  char            *device_uuid; /* the computer it ran on */
  char            *class_label;
  guint            grade;
  guint            tier;
  char            *title;
  KnsSessionFormat format;
  GStrv            lesson_ids; /* NULL: the whole tier */
  gint64           started;
  gint64           ended;
  guint            skill_groups; /* KnsSkillGroups, from the bundle; 0 on this computer */
  GStrv            competences;  /* from the bundle; NULL on this computer */
  guint64          participants;
  guint32          participant_key;
} KnsSessionSummary;

/* What another computer knew of a lesson it counted. */
typedef struct
{
  char *id;
  char *title;
  guint tier;
  guint skill_groups;
  GStrv competences;
  GStrv channels;
} KnsLessonSummary;

typedef struct
{
  char  *device_uuid;
  guint  school_year;
  gint64 exported;
  gint64 imported;
  char  *checksum;
  char  *app_version;
  char  *school_name;
  char  *school_location;
  char  *file_name;
} KnsImportedBundle;

KnsStore *kns_store_open_shared (const char  *data_dir,
                                 GError     **error);

void kns_tally_row_free       (KnsTallyRow       *row);
void kns_headcount_row_free   (KnsHeadcountRow   *row);
void kns_session_summary_free (KnsSessionSummary *session);
void kns_lesson_summary_free  (KnsLessonSummary  *lesson);
void kns_imported_bundle_free (KnsImportedBundle *bundle);

GPtrArray *kns_store_sum_tallies            (KnsStore                 *self,
                                             const char               *first_day,
                                             const char               *last_day,
                                             const char * const       *session_uuids,
                                             KnsTallySources           sources,
                                             GError                  **error);
GPtrArray *kns_store_sum_headcounts         (KnsStore                 *self,
                                             guint                     school_year,
                                             const char * const       *session_uuids,
                                             KnsTallySources           sources,
                                             GError                  **error);
GPtrArray *kns_store_list_tallies           (KnsStore                 *self,
                                             guint                     school_year,
                                             GError                  **error);
GPtrArray *kns_store_list_headcounts        (KnsStore                 *self,
                                             guint                     school_year,
                                             GError                  **error);
GPtrArray *kns_store_list_session_summaries (KnsStore                 *self,
                                             guint                     school_year,
                                             KnsTallySources           sources,
                                             GError                  **error);
GPtrArray *kns_store_list_imported_lessons  (KnsStore                 *self,
                                             guint                     school_year,
                                             GError                  **error);
GPtrArray *kns_store_list_imported_bundles  (KnsStore                 *self,
                                             guint                     school_year,
                                             GError                  **error);
gboolean   kns_store_import_bundle          (KnsStore                 *self,
                                             const KnsImportedBundle  *bundle,
                                             GPtrArray                *tallies,
                                             GPtrArray                *headcounts,
                                             GPtrArray                *sessions,
                                             GPtrArray                *lessons,
                                             KnsImportResult          *result,
                                             GError                  **error);
gboolean   kns_store_forget_bundle          (KnsStore                 *self,
                                             const char               *device_uuid,
                                             guint                     school_year,
                                             GError                  **error);


/* The session's check, before and after (issue 21; kns-store-check.c)
 *
 * While a class session runs, a pupil who signs in takes the tier's
 * check once before (KNS_CHECK_BEFORE) and once after (KNS_CHECK_AFTER).
 * Each answer is committed as it is given; finishing a check writes its
 * anonymous rows (tally_check, schema 4): one per skill group, with how
 * many questions were asked and answered right, a random `taker` shared
 * by the pupil's before and after rows, and a secret record key. */

typedef enum
{
  KNS_CHECK_BEFORE, /* kiểm tra đầu buổi */
  KNS_CHECK_AFTER,  /* kiểm tra cuối buổi */
} KnsCheckPhase;

#define KNS_TYPE_CHECK_RUN (kns_check_run_get_type ())

/* A pupil's check in one session and phase. */
typedef struct
{
  gint64         learner_id;
  char          *session_uuid;
  KnsCheckPhase  phase;
  char          *check_id;
  char          *check_version;
  guint          tier;
  gint64         started;
  gint64         finished;  /* 0 while open */
  guint          n_correct;
  GPtrArray     *answers;   /* KnsAnswer, in the order given */
} KnsCheckRun;

/* The class's figures for one skill group and phase of a session. */
typedef struct
{
  guint         skill;    /* 1–3 */
  KnsCheckPhase phase;
  guint         pupils;   /* who finished this phase */
  guint64       asked;
  guint64       right;
} KnsCheckGain;

/* One row the school report reads (kns_store_list_check_rows()): one
 * pupil's answers to one skill group's questions in one phase. Rows of
 * the same session and taker are the same pupil before and after. */
typedef struct
{
  guint         school_year;
  char         *session_uuid;
  gint64        taker;
  guint         tier;
  guint         skill;    /* 1–3 */
  KnsCheckPhase phase;
  guint         asked;
  guint         right;
  guint32       record_key;
  gboolean      imported; /* from another computer's bundle */
} KnsCheckRow;

GType        kns_check_run_get_type       (void) G_GNUC_CONST;
KnsCheckRun *kns_check_run_copy           (const KnsCheckRun *run);
void         kns_check_run_free           (KnsCheckRun       *run);
void         kns_check_row_free           (KnsCheckRow       *row);

KnsCheckRun *kns_store_get_check_run      (KnsStore          *self,
                                           gint64             learner_id,
                                           const char        *session_uuid,
                                           KnsCheckPhase      phase,
                                           GError           **error);
KnsCheckRun *kns_store_start_check        (KnsStore          *self,
                                           gint64             learner_id,
                                           const char        *session_uuid,
                                           KnsCheckPhase      phase,
                                           const char        *check_id,
                                           const char        *check_version,
                                           guint              tier,
                                           GError           **error);
gboolean     kns_store_record_check_answer (KnsStore         *self,
                                           const KnsCheckRun *run,
                                           const char        *question_id,
                                           guint              skill,
                                           guint32            chosen,
                                           gboolean           correct,
                                           GError           **error);
KnsCheckRun *kns_store_finish_check       (KnsStore          *self,
                                           const KnsCheckRun *run,
                                           GError           **error);
GPtrArray   *kns_store_list_session_gain  (KnsStore          *self,
                                           const char        *session_uuid,
                                           GError           **error);
guint        kns_store_count_check_pending (KnsStore         *self,
                                           const char        *session_uuid,
                                           GError           **error);
GPtrArray   *kns_store_list_check_rows    (KnsStore          *self,
                                           guint              school_year,
                                           KnsTallySources    sources,
                                           GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KnsCheckRun, kns_check_run_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KnsCheckRow, kns_check_row_free)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KnsLearner, kns_learner_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KnsProgress, kns_progress_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KnsAnswer, kns_answer_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KnsAttempt, kns_attempt_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KnsClassSession, kns_class_session_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KnsTallyRow, kns_tally_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KnsHeadcountRow, kns_headcount_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KnsSessionSummary, kns_session_summary_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KnsLessonSummary, kns_lesson_summary_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KnsImportedBundle, kns_imported_bundle_free)

G_END_DECLS
