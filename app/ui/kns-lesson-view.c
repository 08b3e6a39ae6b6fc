/* kns-lesson-view.c
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
 * The reading position is the first block at the top of the view. It is
 * saved a moment after scrolling stops and when the child leaves, so a
 * crash, a sign-out or an idle timeout resumes where the child was.
 */

#define G_LOG_DOMAIN "kns-lesson-view"

#include "kns-config.h"

#include <glib/gi18n.h>

#include "kns-block-view.h"
#include "kns-lesson-view.h"
#include "kns-read-aloud-button.h"
#include "kns-speech-text.h"
#include "kns-ui-util.h"

#define SAVE_DELAY_MS 800

struct _KnsLessonView
{
  AdwBin             parent_instance;

  /* Template widgets */
  GtkBox            *content;
  GtkLabel          *title_label;
  GtkLabel          *meta_label;
  KnsReadAloudButton *read_aloud_button;
  GtkBox            *objectives_box;
  KnsBlockView      *blocks;
  GtkButton         *next_button;

  /* Owned */
  KnsStore          *store;
  KnsLesson         *lesson;
  GPtrArray         *objective_labels;
  gint64             learner_id;
  guint              position;
  guint              restore_position;
  guint              save_source;
  gulong             upper_handler;
};

G_DEFINE_FINAL_TYPE (KnsLessonView, kns_lesson_view, ADW_TYPE_BIN)

/* The AdwBin's own child: not bound as a template child, since disposing
 * the template would unparent it before AdwBin does. */
static GtkScrolledWindow *
get_scroller (KnsLessonView *self)
{
  return GTK_SCROLLED_WINDOW (adw_bin_get_child (ADW_BIN (self)));
}

static guint
block_at_top (KnsLessonView *self)
{
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (get_scroller (self));
  double top = gtk_adjustment_get_value (adj);
  guint n = kns_block_view_get_n_blocks (self->blocks);

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *widget = kns_block_view_get_block_widget (self->blocks, i);
      graphene_point_t point;

      if (!gtk_widget_compute_point (widget, GTK_WIDGET (self->content),
                                     &GRAPHENE_POINT_INIT (0, 0), &point))
        continue;
      if (point.y + gtk_widget_get_height (widget) > top)
        return i;
    }

  return n > 0 ? n - 1 : 0;
}

static void
save_position (KnsLessonView *self,
               guint          position)
{
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->lesson == NULL || self->store == NULL)
    return;

  self->position = position;
  if (!kns_store_save_reading (self->store, self->learner_id,
                               kns_lesson_get_id (self->lesson),
                               kns_lesson_get_version (self->lesson),
                               position, &error))
    kns_report_error (GTK_WIDGET (self), error);
}

/* Until the page has scrolled back to the saved place, the saved place
 * stands; afterwards, what is at the top of the view. */
static void
save_now (KnsLessonView *self)
{
  save_position (self, self->restore_position > 0 ? self->restore_position : block_at_top (self));
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  KnsLessonView *self = user_data;

  self->save_source = 0;
  save_now (self);
  return G_SOURCE_REMOVE;
}

static void
scrolled_cb (GtkAdjustment *adj,
             KnsLessonView *self)
{
  if (self->lesson == NULL || self->restore_position > 0)
    return;
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

/* Scroll back to where the child stopped, once the page has its size. */
static void
upper_changed_cb (GtkAdjustment *adj,
                  GParamSpec    *pspec,
                  KnsLessonView *self)
{
  GtkWidget *widget;
  graphene_point_t point;

  if (self->restore_position == 0)
    return;

  widget = kns_block_view_get_block_widget (self->blocks, self->restore_position);
  if (widget == NULL ||
      !gtk_widget_compute_point (widget, GTK_WIDGET (self->content),
                                 &GRAPHENE_POINT_INIT (0, 0), &point) ||
      point.y <= 0)
    return;

  gtk_adjustment_set_value (adj, point.y - 12);
  self->position = self->restore_position;
  self->restore_position = 0;
}

static void
set_objectives (KnsLessonView *self)
{
  const char * const *objectives = kns_lesson_get_objectives (self->lesson);

  for (guint i = 0; i < self->objective_labels->len; i++)
    gtk_box_remove (self->objectives_box, g_ptr_array_index (self->objective_labels, i));
  g_ptr_array_set_size (self->objective_labels, 0);

  for (guint i = 0; objectives != NULL && objectives[i] != NULL; i++)
    {
      g_autofree char *text = g_strdup_printf ("• %s", objectives[i]);
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_box_append (self->objectives_box, label);
      g_ptr_array_add (self->objective_labels, label);
    }
}

static void
kns_lesson_view_dispose (GObject *object)
{
  KnsLessonView *self = (KnsLessonView *) object;

  g_clear_handle_id (&self->save_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), KNS_TYPE_LESSON_VIEW);
  g_clear_object (&self->store);
  g_clear_object (&self->lesson);
  g_clear_pointer (&self->objective_labels, g_ptr_array_unref);

  G_OBJECT_CLASS (kns_lesson_view_parent_class)->dispose (object);
}

static void
kns_lesson_view_class_init (KnsLessonViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kns_lesson_view_dispose;

  g_type_ensure (KNS_TYPE_BLOCK_VIEW);
  g_type_ensure (KNS_TYPE_READ_ALOUD_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/kns-lesson-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KnsLessonView, content);
  gtk_widget_class_bind_template_child (widget_class, KnsLessonView, title_label);
  gtk_widget_class_bind_template_child (widget_class, KnsLessonView, meta_label);
  gtk_widget_class_bind_template_child (widget_class, KnsLessonView, read_aloud_button);
  gtk_widget_class_bind_template_child (widget_class, KnsLessonView, objectives_box);
  gtk_widget_class_bind_template_child (widget_class, KnsLessonView, blocks);
  gtk_widget_class_bind_template_child (widget_class, KnsLessonView, next_button);
}

static void
kns_lesson_view_init (KnsLessonView *self)
{
  GtkAdjustment *adj;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->objective_labels = g_ptr_array_new ();

  adj = gtk_scrolled_window_get_vadjustment (get_scroller (self));
  g_signal_connect (adj, "value-changed", G_CALLBACK (scrolled_cb), self);
  self->upper_handler = g_signal_connect (adj, "notify::upper", G_CALLBACK (upper_changed_cb), self);
}

/**
 * kns_lesson_view_show:
 * @position: the block to scroll to, as saved last time
 *
 * Shows @lesson from @position and records that @learner_id is reading it.
 */
void
kns_lesson_view_show (KnsLessonView *self,
                      KnsStore      *store,
                      gint64         learner_id,
                      KnsLesson     *lesson,
                      guint          position)
{
  g_autofree char *minutes = NULL;
  g_autofree char *spoken = NULL;
  KnsQuiz *quiz;

  g_return_if_fail (KNS_IS_LESSON_VIEW (self));
  g_return_if_fail (KNS_IS_STORE (store));
  g_return_if_fail (KNS_IS_LESSON (lesson));

  kns_lesson_view_clear (self);
  g_set_object (&self->store, store);
  g_set_object (&self->lesson, lesson);
  self->learner_id = learner_id;
  self->position = position;
  self->restore_position = position;

  gtk_label_set_text (self->title_label, kns_lesson_get_title (lesson));
  minutes = g_strdup_printf (ngettext ("About %u minute of reading", "About %u minutes of reading",
                                       kns_lesson_get_minutes (lesson)),
                             kns_lesson_get_minutes (lesson));
  gtk_label_set_text (self->meta_label, minutes);
  set_objectives (self);
  kns_block_view_set_blocks (self->blocks, kns_lesson_get_blocks (lesson));
  spoken = kns_speech_text_for_lesson (lesson);
  kns_read_aloud_button_set_text (self->read_aloud_button, spoken);

  /* Young readers get bigger text. */
  if (kns_lesson_get_tier (lesson) <= 2)
    gtk_widget_add_css_class (GTK_WIDGET (self->content), "young");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->content), "young");

  quiz = kns_lesson_get_quiz (lesson);
  /* Translators: the button at the end of a lesson that starts its quiz */
  gtk_button_set_label (self->next_button, quiz ? _("Take the quiz") : _("I have finished this lesson"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->next_button),
                                  quiz ? "win.start-quiz" : "win.finish-lesson");

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (get_scroller (self)), 0);
  save_position (self, position);
}

/* Called when the child leaves the lesson, whichever way. */
void
kns_lesson_view_save_position (KnsLessonView *self)
{
  g_return_if_fail (KNS_IS_LESSON_VIEW (self));

  if (self->lesson != NULL)
    save_now (self);
}

/* Forgets the lesson, so that the next child never sees it. */
void
kns_lesson_view_clear (KnsLessonView *self)
{
  g_return_if_fail (KNS_IS_LESSON_VIEW (self));

  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_object (&self->lesson);
  g_clear_object (&self->store);
  self->restore_position = 0;
  kns_block_view_set_blocks (self->blocks, NULL);
  kns_read_aloud_button_set_text (self->read_aloud_button, NULL);
  gtk_label_set_text (self->title_label, "");
}

/**
 * kns_lesson_view_set_speech:
 * @speech: (nullable): the voice for the "Read aloud" button
 */
void
kns_lesson_view_set_speech (KnsLessonView *self,
                            KnsSpeech     *speech)
{
  g_return_if_fail (KNS_IS_LESSON_VIEW (self));

  kns_read_aloud_button_set_speech (self->read_aloud_button, speech);
}

KnsLesson *
kns_lesson_view_get_lesson (KnsLessonView *self)
{
  g_return_val_if_fail (KNS_IS_LESSON_VIEW (self), NULL);
  return self->lesson;
}

guint
kns_lesson_view_get_position (KnsLessonView *self)
{
  g_return_val_if_fail (KNS_IS_LESSON_VIEW (self), 0);
  return self->position;
}
