/* kns-speech.c
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
 * Read-aloud is offered only where it works: a connection to
 * speech-dispatcher and a Vietnamese voice behind it. Connecting may start
 * the daemon and take seconds, so it is a GTask on a worker thread; until
 * it has succeeded, "available" stays false and the button stays hidden.
 *
 * Every later call to speech-dispatcher waits for its answer, and a daemon
 * stuck on a broken sound card never answers (seen here: the Debian
 * configuration on a machine without a sound card). So saying and
 * cancelling are queued to a thread of their own, and the main thread
 * never waits on the daemon, except for at most a second as the window
 * closes, so that the voice does not outlive the app.
 *
 * speech-dispatcher reports the start and end of each message on a
 * thread of its own, through callbacks that carry no user data. Those
 * reports, and the command thread's, are posted to the main context with
 * the connection's client id, which finds the KnsSpeech they belong to.
 * g_main_context_invoke() is not used for this: it runs the function on
 * the calling thread whenever the main context happens to be free.
 *
 * KNS_SPEECH=off in the environment turns read-aloud off, as the tests
 * do to stay away from any daemon on the machine.
 */

#define G_LOG_DOMAIN "kns-speech"

#include "kns-config.h"

#ifdef HAVE_LIBSPEECHD
#include <libspeechd.h>
#include <pthread.h>
#endif

#include <gio/gio.h>

#include "kns-speech.h"

/* speech-dispatcher's scale runs from -100 to 100; a little slower than
 * usual suits children who are still learning to read. */
#define CHILD_RATE -25

/* How long closing waits for the daemon to confirm the silence. */
#define CLOSE_WAIT_US (1 * G_USEC_PER_SEC)
/* How long a reading may go without speech-dispatcher saying it began
 * before it is sent again, doubled each time, and how many times. */
#define BEGIN_WAIT_MS 2000
#define RESENDS 3

#ifdef HAVE_LIBSPEECHD
typedef struct _Worker Worker;
#endif

struct _KnsSpeech
{
  GObject        parent_instance;

  /* Owned */
  GCancellable  *cancellable;  /* the connection under way */
#ifdef HAVE_LIBSPEECHD
  Worker        *worker;
  GArray        *early;        /* Report: events of a message not yet numbered */
  char          *text;         /* what is being read, to send again */
  guint          resends;
  guint          begin_timeout;
#endif
  gsize          client_id;
  guint          serial;       /* of the last speak () */
  int            message;      /* its number, once known; 0 when it has ended */
  gboolean       waiting;      /* for that number */
  gboolean       stopping;     /* cancelled; a late BEGIN is ignored */
  gboolean       connecting;
  gboolean       available;
  gboolean       speaking;
};

G_DEFINE_FINAL_TYPE (KnsSpeech, kns_speech, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_AVAILABLE,
  PROP_CONNECTING,
  PROP_SPEAKING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#ifdef HAVE_LIBSPEECHD

typedef enum
{
  COMMAND_SAY,
  COMMAND_CANCEL,
  COMMAND_CLOSE,
} CommandKind;

typedef struct
{
  CommandKind  kind;
  guint        serial;
  char        *text;
} Command;

typedef enum
{
  REPORT_EVENT, /* BEGIN, END, CANCEL from speech-dispatcher */
  REPORT_SAID,  /* the number speech-dispatcher gave a message */
  REPORT_LOST,  /* the daemon no longer answers */
} ReportKind;

typedef struct
{
  ReportKind          kind;
  gsize               client_id;
  int                 message;
  SPDNotificationType type;
  guint               serial;
} Report;

/* Shared by the KnsSpeech and its command thread. */
struct _Worker
{
  GAsyncQueue   *commands;
  SPDConnection *connection; /* the command thread's alone */
  gsize          client_id;
  GMutex         lock;
  GCond          closed_cond;
  gboolean       closed;
};

typedef struct
{
  SPDConnection *connection;
  gsize          client_id;
} Connected;

/* Where reports are delivered, and to whom: main thread only. */
static GMainContext *main_context;
static GHashTable *speakers; /* client id → KnsSpeech */

static void
set_available (KnsSpeech *self,
               gboolean   available)
{
  if (self->available == available)
    return;
  self->available = available;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AVAILABLE]);
}

static void
set_connecting (KnsSpeech *self,
                gboolean   connecting)
{
  if (self->connecting == connecting)
    return;
  self->connecting = connecting;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTING]);
}

static void
set_speaking (KnsSpeech *self,
              gboolean   speaking)
{
  if (self->speaking == speaking)
    return;
  self->speaking = speaking;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPEAKING]);
}

static void
command_free (Command *command)
{
  g_free (command->text);
  g_free (command);
}

static void
worker_clear (gpointer data)
{
  Worker *worker = data;

  g_async_queue_unref (worker->commands);
  if (worker->connection != NULL)
    spd_close (worker->connection);
  g_mutex_clear (&worker->lock);
  g_cond_clear (&worker->closed_cond);
}

static void
worker_push (Worker      *worker,
             CommandKind  kind,
             guint        serial,
             const char  *text)
{
  Command *command = g_new0 (Command, 1);

  command->kind = kind;
  command->serial = serial;
  command->text = g_strdup (text);
  g_async_queue_push (worker->commands, command);
}

static void handle_report (KnsSpeech    *self,
                           const Report *report);

static gboolean
deliver_report_cb (gpointer data)
{
  Report *report = data;
  KnsSpeech *self = NULL;

  if (speakers != NULL)
    self = g_hash_table_lookup (speakers, GSIZE_TO_POINTER (report->client_id));
  if (self != NULL)
    handle_report (self, report);
  return G_SOURCE_REMOVE;
}

/* From any thread. */
static void
post_report (ReportKind          kind,
             gsize               client_id,
             int                 message,
             SPDNotificationType type,
             guint               serial)
{
  Report *report = g_new0 (Report, 1);
  GSource *source = g_idle_source_new ();

  report->kind = kind;
  report->client_id = client_id;
  report->message = message;
  report->type = type;
  report->serial = serial;
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, deliver_report_cb, report, g_free);
  g_source_set_static_name (source, "[kns] speech report");
  g_source_attach (source, main_context);
  g_source_unref (source);
}

/* On speech-dispatcher's thread. */
static void
notification_cb (size_t              message,
                 size_t              client_id,
                 SPDNotificationType type)
{
  int state;

  /* spd_close() cancels this thread; never while it holds the main
   * context's lock, or the UI would wait on it for ever. */
  pthread_setcancelstate (PTHREAD_CANCEL_DISABLE, &state);
  post_report (REPORT_EVENT, client_id, (int) message, type, 0);
  pthread_setcancelstate (state, NULL);
}

static gpointer
worker_thread (gpointer data)
{
  Worker *worker = data;
  gboolean running = TRUE;

  while (running)
    {
      Command *command = g_async_queue_pop (worker->commands);
      int message;

      switch (command->kind)
        {
        case COMMAND_SAY:
          spd_cancel (worker->connection);
          message = spd_say (worker->connection, SPD_TEXT, command->text);
          post_report (message > 0 ? REPORT_SAID : REPORT_LOST, worker->client_id, message, 0,
                       command->serial);
          break;
        case COMMAND_CANCEL:
          if (spd_cancel (worker->connection) != 0)
            post_report (REPORT_LOST, worker->client_id, 0, 0, 0);
          break;
        case COMMAND_CLOSE:
        default:
          spd_cancel (worker->connection);
          g_clear_pointer (&worker->connection, spd_close);
          running = FALSE;
          break;
        }
      command_free (command);
    }

  g_mutex_lock (&worker->lock);
  worker->closed = TRUE;
  g_cond_signal (&worker->closed_cond);
  g_mutex_unlock (&worker->lock);
  g_atomic_rc_box_release_full (worker, worker_clear);
  return NULL;
}

static Worker *
worker_start (SPDConnection *connection,
              gsize          client_id)
{
  Worker *worker = g_atomic_rc_box_new0 (Worker);

  worker->commands = g_async_queue_new_full ((GDestroyNotify) command_free);
  worker->connection = connection;
  worker->client_id = client_id;
  g_mutex_init (&worker->lock);
  g_cond_init (&worker->closed_cond);
  g_thread_unref (g_thread_new ("kns-speech", worker_thread, g_atomic_rc_box_acquire (worker)));
  return worker;
}

/* Silences the voice and lets go of the daemon, waiting a moment at most
 * for it: the app may be about to exit. */
static void
worker_close (Worker *worker)
{
  gint64 deadline = g_get_monotonic_time () + CLOSE_WAIT_US;

  worker_push (worker, COMMAND_CLOSE, 0, NULL);
  g_mutex_lock (&worker->lock);
  while (!worker->closed)
    if (!g_cond_wait_until (&worker->closed_cond, &worker->lock, deadline))
      break;
  g_mutex_unlock (&worker->lock);
  g_atomic_rc_box_release_full (worker, worker_clear);
}

static void
handle_event (KnsSpeech           *self,
              int                  message,
              SPDNotificationType  type)
{
  /* Events of a message already replaced or let go. */
  if (self->message <= 0 || message != self->message)
    return;

  switch (type)
    {
    case SPD_EVENT_BEGIN:
      g_clear_handle_id (&self->begin_timeout, g_source_remove);
      if (!self->stopping)
        set_speaking (self, TRUE);
      break;
    case SPD_EVENT_END:
    case SPD_EVENT_CANCEL:
      g_clear_handle_id (&self->begin_timeout, g_source_remove);
      self->message = 0;
      self->stopping = FALSE;
      set_speaking (self, FALSE);
      break;
    case SPD_EVENT_INDEX_MARK:
    case SPD_EVENT_PAUSE:
    case SPD_EVENT_RESUME:
    default:
      break;
    }
}

static void disconnect (KnsSpeech *self);
static void send_text (KnsSpeech *self);

/* speech-dispatcher took the reading but never began it: its generic
 * module refuses ("301 ERROR CANT SPEAK") while it is still letting go
 * of the reading just cancelled, which on a slow or busy computer takes
 * a second or more, and the daemon tells the client nothing. Without
 * this, a child who pressed "Read aloud" again at once heard nothing
 * while the button said "Stop reading". */
static void
begin_timeout_cb (gpointer user_data)
{
  KnsSpeech *self = user_data;

  self->begin_timeout = 0;
  if (self->message <= 0 || self->speaking || self->stopping || self->resends >= RESENDS)
    return;
  self->resends++;
  g_debug ("speech-dispatcher did not begin reading; sending it again (%u)", self->resends);
  send_text (self);
}

static void
handle_report (KnsSpeech    *self,
               const Report *report)
{
  switch (report->kind)
    {
    case REPORT_EVENT:
      /* It may come before the command thread's report of its number. */
      if (self->waiting)
        g_array_append_val (self->early, *report);
      else
        handle_event (self, report->message, report->type);
      break;

    case REPORT_SAID:
      if (report->serial != self->serial)
        break;
      self->message = report->message;
      self->waiting = FALSE;
      for (guint i = 0; i < self->early->len; i++)
        {
          Report *early = &g_array_index (self->early, Report, i);

          handle_event (self, early->message, early->type);
        }
      g_array_set_size (self->early, 0);
      if (self->message > 0 && !self->speaking && !self->stopping)
        self->begin_timeout = g_timeout_add_once (BEGIN_WAIT_MS << self->resends,
                                                  begin_timeout_cb, self);
      break;

    case REPORT_LOST:
    default:
      /* Hide the button rather than fail again. */
      g_message ("Read-aloud stopped: speech-dispatcher no longer answers");
      disconnect (self);
      break;
    }
}

static gboolean
is_vietnamese (const char *language)
{
  return language != NULL &&
         (g_ascii_strcasecmp (language, "vi") == 0 ||
          g_ascii_strncasecmp (language, "vi-", 3) == 0 ||
          g_ascii_strncasecmp (language, "vi_", 3) == 0);
}

static gboolean
has_vietnamese_voice (SPDConnection *connection)
{
  SPDVoice **voices = spd_list_synthesis_voices (connection);
  gboolean found = FALSE;

  for (guint i = 0; voices != NULL && voices[i] != NULL && !found; i++)
    found = is_vietnamese (voices[i]->language);
  if (voices != NULL)
    free_spd_voices (voices);
  return found;
}

/* The default synthesiser may lack Vietnamese while another one, such as
 * espeak-ng, has it. */
static gboolean
choose_vietnamese_module (SPDConnection *connection)
{
  char **modules;
  gboolean found = FALSE;

  if (has_vietnamese_voice (connection))
    return TRUE;

  modules = spd_list_modules (connection);
  for (guint i = 0; modules != NULL && modules[i] != NULL && !found; i++)
    found = spd_set_output_module (connection, modules[i]) == 0 && has_vietnamese_voice (connection);
  if (modules != NULL)
    free_spd_modules (modules);
  return found;
}

static void
connected_free (gpointer data)
{
  Connected *connected = data;

  if (connected->connection != NULL)
    spd_close (connected->connection);
  g_free (connected);
}

static void
connect_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  g_autofree char *message = NULL;
  SPDConnection *connection;
  Connected *connected;

  /* Starts the daemon if it is installed and not running. */
  connection = spd_open2 ("kynangso", "read-aloud", NULL, SPD_MODE_THREADED, NULL, TRUE, &message);
  if (connection == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_CONNECTED, "%s",
                               message != NULL ? message : "speech-dispatcher cannot be reached");
      return;
    }

  connected = g_new0 (Connected, 1);
  connected->connection = connection;
  if (!choose_vietnamese_module (connection))
    {
      connected_free (connected);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               "speech-dispatcher has no Vietnamese voice");
      return;
    }

  spd_set_language (connection, "vi");
  spd_set_voice_rate (connection, CHILD_RATE);
  spd_set_punctuation (connection, SPD_PUNCT_NONE);
  connection->callback_begin = notification_cb;
  connection->callback_end = notification_cb;
  connection->callback_cancel = notification_cb;
  spd_set_notification_on (connection, SPD_BEGIN);
  spd_set_notification_on (connection, SPD_END);
  spd_set_notification_on (connection, SPD_CANCEL);
  connected->client_id = spd_get_client_id (connection);

  g_task_return_pointer (task, connected, connected_free);
}

static void
connect_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  KnsSpeech *self = KNS_SPEECH (source);
  g_autoptr(GError) error = NULL;
  Connected *connected;

  connected = g_task_propagate_pointer (G_TASK (result), &error);
  set_connecting (self, FALSE);
  if (connected == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Read-aloud is off: %s", error->message);
      return;
    }

  self->client_id = connected->client_id;
  self->worker = worker_start (g_steal_pointer (&connected->connection), connected->client_id);
  connected_free (connected);

  if (speakers == NULL)
    speakers = g_hash_table_new (NULL, NULL);
  g_hash_table_insert (speakers, GSIZE_TO_POINTER (self->client_id), self);
  set_available (self, TRUE);
}

static void
start_connecting (KnsSpeech *self)
{
  g_autoptr(GTask) task = NULL;

  if (main_context == NULL)
    main_context = g_main_context_ref_thread_default ();

  self->early = g_array_new (FALSE, FALSE, sizeof (Report));
  self->cancellable = g_cancellable_new ();
  set_connecting (self, TRUE);
  task = g_task_new (self, self->cancellable, connect_done_cb, NULL);
  g_task_set_source_tag (task, start_connecting);
  g_task_run_in_thread (task, connect_thread);
}

static void
disconnect (KnsSpeech *self)
{
  g_cancellable_cancel (self->cancellable);
  set_connecting (self, FALSE);
  if (self->worker != NULL)
    {
      g_hash_table_remove (speakers, GSIZE_TO_POINTER (self->client_id));
      g_clear_pointer (&self->worker, worker_close);
    }
  if (self->early != NULL)
    g_array_set_size (self->early, 0);
  g_clear_handle_id (&self->begin_timeout, g_source_remove);
  self->message = 0;
  self->waiting = FALSE;
  set_speaking (self, FALSE);
  set_available (self, FALSE);
}

#else /* !HAVE_LIBSPEECHD */

static void
start_connecting (KnsSpeech *self)
{
  g_debug ("Read-aloud is off: built without speech-dispatcher");
}

static void
disconnect (KnsSpeech *self)
{
}

#endif

static void
kns_speech_constructed (GObject *object)
{
  KnsSpeech *self = KNS_SPEECH (object);

  G_OBJECT_CLASS (kns_speech_parent_class)->constructed (object);

  if (g_strcmp0 (g_getenv ("KNS_SPEECH"), "off") != 0)
    start_connecting (self);
}

static void
kns_speech_dispose (GObject *object)
{
  KnsSpeech *self = KNS_SPEECH (object);

  kns_speech_close (self);
  g_clear_object (&self->cancellable);
#ifdef HAVE_LIBSPEECHD
  g_clear_pointer (&self->early, g_array_unref);
  g_clear_pointer (&self->text, g_free);
#endif

  G_OBJECT_CLASS (kns_speech_parent_class)->dispose (object);
}

static void
kns_speech_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  KnsSpeech *self = KNS_SPEECH (object);

  switch (prop_id)
    {
    case PROP_AVAILABLE:
      g_value_set_boolean (value, self->available);
      break;
    case PROP_CONNECTING:
      g_value_set_boolean (value, self->connecting);
      break;
    case PROP_SPEAKING:
      g_value_set_boolean (value, self->speaking);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kns_speech_class_init (KnsSpeechClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = kns_speech_constructed;
  object_class->dispose = kns_speech_dispose;
  object_class->get_property = kns_speech_get_property;

  /**
   * KnsSpeech:available:
   *
   * Whether text can be read aloud: speech-dispatcher answered and has a
   * Vietnamese voice.
   */
  properties[PROP_AVAILABLE] =
    g_param_spec_boolean ("available", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * KnsSpeech:connecting:
   *
   * Whether the connection to speech-dispatcher is still being made;
   * once false, #KnsSpeech:available is the answer.
   */
  properties[PROP_CONNECTING] =
    g_param_spec_boolean ("connecting", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * KnsSpeech:speaking:
   *
   * Whether the voice is reading: from speech-dispatcher's "begin" of the
   * last message asked for to its "end" or "cancel".
   */
  properties[PROP_SPEAKING] =
    g_param_spec_boolean ("speaking", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kns_speech_init (KnsSpeech *self)
{
}

/**
 * kns_speech_new:
 *
 * Starts connecting to speech-dispatcher in the background; watch
 * #KnsSpeech:available.
 */
KnsSpeech *
kns_speech_new (void)
{
  return g_object_new (KNS_TYPE_SPEECH, NULL);
}

gboolean
kns_speech_get_available (KnsSpeech *self)
{
  g_return_val_if_fail (KNS_IS_SPEECH (self), FALSE);
  return self->available;
}

gboolean
kns_speech_get_connecting (KnsSpeech *self)
{
  g_return_val_if_fail (KNS_IS_SPEECH (self), FALSE);
  return self->connecting;
}

gboolean
kns_speech_get_speaking (KnsSpeech *self)
{
  g_return_val_if_fail (KNS_IS_SPEECH (self), FALSE);
  return self->speaking;
}

#ifdef HAVE_LIBSPEECHD
static void
send_text (KnsSpeech *self)
{
  /* Its number comes back from the command thread. */
  g_clear_handle_id (&self->begin_timeout, g_source_remove);
  self->serial++;
  self->message = 0;
  self->waiting = TRUE;
  self->stopping = FALSE;
  g_array_set_size (self->early, 0);
  worker_push (self->worker, COMMAND_SAY, self->serial, self->text);
}
#endif

/**
 * kns_speech_speak:
 *
 * Reads @text aloud in place of whatever was being read. Does nothing
 * while read-aloud is not available.
 */
void
kns_speech_speak (KnsSpeech  *self,
                  const char *text)
{
  g_return_if_fail (KNS_IS_SPEECH (self));
  g_return_if_fail (text != NULL);

#ifdef HAVE_LIBSPEECHD
  if (self->worker == NULL)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  self->resends = 0;
  send_text (self);
#endif
}

/**
 * kns_speech_stop:
 *
 * Silences the voice, without waiting for speech-dispatcher.
 * #KnsSpeech:speaking turns false when it confirms.
 */
void
kns_speech_stop (KnsSpeech *self)
{
  g_return_if_fail (KNS_IS_SPEECH (self));

#ifdef HAVE_LIBSPEECHD
  if (self->worker == NULL || (self->message <= 0 && !self->waiting))
    return;

  self->stopping = TRUE;
  g_clear_handle_id (&self->begin_timeout, g_source_remove);
  worker_push (self->worker, COMMAND_CANCEL, 0, NULL);
#endif
}

/**
 * kns_speech_close:
 *
 * Silences the voice and lets go of speech-dispatcher, for good: as the
 * window closes. Waits a second at most for the daemon to confirm.
 */
void
kns_speech_close (KnsSpeech *self)
{
  g_return_if_fail (KNS_IS_SPEECH (self));

  disconnect (self);
}
