/* kns-read-aloud-button.c
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
 * A toggle: pressed, it reads its text aloud; pressed again, it stops.
 * It is hidden unless the speech behind it is available, so a lab PC
 * without a Vietnamese voice never shows a button that does nothing. The
 * lesson and the quiz share one KnsSpeech: a button only answers for the
 * reading it started itself.
 */

#define G_LOG_DOMAIN "kns-read-aloud-button"

#include "kns-config.h"

#include <glib/gi18n.h>

#include "kns-read-aloud-button.h"

struct _KnsReadAloudButton
{
  GtkToggleButton   parent_instance;

  /* Owned */
  KnsSpeech        *speech;
  char             *text;
  gboolean          started;  /* the reading under way is ours */
  gboolean          syncing;  /* set_active from here, not from the child */
};

G_DEFINE_FINAL_TYPE (KnsReadAloudButton, kns_read_aloud_button, GTK_TYPE_TOGGLE_BUTTON)

enum {
  PROP_0,
  PROP_SPEECH,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The button's own child: not bound as a template child, since disposing
 * the template would unparent it before GtkButton does. */
static AdwButtonContent *
get_content (KnsReadAloudButton *self)
{
  return ADW_BUTTON_CONTENT (gtk_button_get_child (GTK_BUTTON (self)));
}

static void
update_look (KnsReadAloudButton *self)
{
  gboolean active = gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self));

  adw_button_content_set_icon_name (get_content (self), active ? "media-playback-stop-symbolic"
                                                          : "audio-volume-high-symbolic");
  /* Translators: the read-aloud button while it is reading */
  adw_button_content_set_label (get_content (self), active ? _("Stop reading") : _("Read aloud"));
}

/* Shows the button up, as when the reading ends by itself. */
static void
release (KnsReadAloudButton *self)
{
  self->started = FALSE;
  self->syncing = TRUE;
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self), FALSE);
  self->syncing = FALSE;
}

static void
update_visible (KnsReadAloudButton *self)
{
  gboolean available = self->speech != NULL && kns_speech_get_available (self->speech);

  gtk_widget_set_visible (GTK_WIDGET (self), available);
  if (!available)
    release (self);
}

static void
speech_available_cb (KnsSpeech          *speech,
                     GParamSpec         *pspec,
                     KnsReadAloudButton *self)
{
  update_visible (self);
}

static void
speech_speaking_cb (KnsSpeech          *speech,
                    GParamSpec         *pspec,
                    KnsReadAloudButton *self)
{
  if (self->started && !kns_speech_get_speaking (speech))
    release (self);
}

static void
kns_read_aloud_button_toggled (GtkToggleButton *button)
{
  KnsReadAloudButton *self = KNS_READ_ALOUD_BUTTON (button);

  if (GTK_TOGGLE_BUTTON_CLASS (kns_read_aloud_button_parent_class)->toggled != NULL)
    GTK_TOGGLE_BUTTON_CLASS (kns_read_aloud_button_parent_class)->toggled (button);

  update_look (self);
  if (self->syncing || self->speech == NULL)
    return;

  if (gtk_toggle_button_get_active (button))
    {
      if (self->text == NULL || *self->text == '\0')
        {
          release (self);
          return;
        }
      self->started = TRUE;
      kns_speech_speak (self->speech, self->text);
    }
  else if (self->started)
    {
      self->started = FALSE;
      kns_speech_stop (self->speech);
    }
}

static void
kns_read_aloud_button_dispose (GObject *object)
{
  KnsReadAloudButton *self = KNS_READ_ALOUD_BUTTON (object);

  kns_read_aloud_button_set_speech (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KNS_TYPE_READ_ALOUD_BUTTON);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (kns_read_aloud_button_parent_class)->dispose (object);
}

static void
kns_read_aloud_button_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  KnsReadAloudButton *self = KNS_READ_ALOUD_BUTTON (object);

  switch (prop_id)
    {
    case PROP_SPEECH:
      g_value_set_object (value, self->speech);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kns_read_aloud_button_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  KnsReadAloudButton *self = KNS_READ_ALOUD_BUTTON (object);

  switch (prop_id)
    {
    case PROP_SPEECH:
      kns_read_aloud_button_set_speech (self, g_value_get_object (value));
      break;
    case PROP_TEXT:
      kns_read_aloud_button_set_text (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kns_read_aloud_button_class_init (KnsReadAloudButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkToggleButtonClass *toggle_class = GTK_TOGGLE_BUTTON_CLASS (klass);

  object_class->dispose = kns_read_aloud_button_dispose;
  object_class->get_property = kns_read_aloud_button_get_property;
  object_class->set_property = kns_read_aloud_button_set_property;
  toggle_class->toggled = kns_read_aloud_button_toggled;

  properties[PROP_SPEECH] =
    g_param_spec_object ("speech", NULL, NULL, KNS_TYPE_SPEECH,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/kns-read-aloud-button.ui");
}

static void
kns_read_aloud_button_init (KnsReadAloudButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * kns_read_aloud_button_set_speech:
 * @speech: (nullable): the voice; the button shows while it is available
 */
void
kns_read_aloud_button_set_speech (KnsReadAloudButton *self,
                                  KnsSpeech          *speech)
{
  g_return_if_fail (KNS_IS_READ_ALOUD_BUTTON (self));
  g_return_if_fail (speech == NULL || KNS_IS_SPEECH (speech));

  if (self->speech == speech)
    return;

  if (self->speech != NULL)
    {
      if (self->started)
        kns_speech_stop (self->speech);
      g_signal_handlers_disconnect_by_data (self->speech, self);
    }
  g_set_object (&self->speech, speech);
  if (speech != NULL)
    {
      g_signal_connect_object (speech, "notify::available", G_CALLBACK (speech_available_cb), self, 0);
      g_signal_connect_object (speech, "notify::speaking", G_CALLBACK (speech_speaking_cb), self, 0);
    }
  update_visible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPEECH]);
}

KnsSpeech *
kns_read_aloud_button_get_speech (KnsReadAloudButton *self)
{
  g_return_val_if_fail (KNS_IS_READ_ALOUD_BUTTON (self), NULL);
  return self->speech;
}

/**
 * kns_read_aloud_button_set_text:
 * @text: (nullable): what is read aloud, as kns-speech-text.h makes it
 *
 * New words on screen: whatever this button was reading stops.
 */
void
kns_read_aloud_button_set_text (KnsReadAloudButton *self,
                                const char         *text)
{
  g_return_if_fail (KNS_IS_READ_ALOUD_BUTTON (self));

  if (self->started && self->speech != NULL)
    kns_speech_stop (self->speech);
  release (self);

  if (g_strcmp0 (self->text, text) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

const char *
kns_read_aloud_button_get_text (KnsReadAloudButton *self)
{
  g_return_val_if_fail (KNS_IS_READ_ALOUD_BUTTON (self), NULL);
  return self->text;
}
