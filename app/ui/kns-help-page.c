/* kns-help-page.c
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
 * The page only shows channels; it never asks a child to type anything:
 * the app collects no details of an incident. Its text comes from the course's help.md, so a
 * school can correct a number without a new release; a short built-in
 * text stands in if the course has none.
 */

#define G_LOG_DOMAIN "kns-help-page"

#include "kns-config.h"

#include "kns-block-view.h"
#include "kns-help-page.h"
#include "kns-read-aloud-button.h"
#include "kns-speech-text.h"

struct _KnsHelpPage
{
  AdwBin              parent_instance;

  KnsBlockView       *blocks;
  GtkWidget          *fallback;
  GtkWidget          *back_button;
  KnsReadAloudButton *read_aloud_button;
};

G_DEFINE_FINAL_TYPE (KnsHelpPage, kns_help_page, ADW_TYPE_BIN)

/* The built-in text's words, a sentence a line, as it is read aloud. */
static char *
fallback_text (KnsHelpPage *self)
{
  GString *out = g_string_new (NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (self->fallback);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LABEL (child))
      g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (child)));
  return g_string_free (out, FALSE);
}

static void
kns_help_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), KNS_TYPE_HELP_PAGE);

  G_OBJECT_CLASS (kns_help_page_parent_class)->dispose (object);
}

static void
kns_help_page_class_init (KnsHelpPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kns_help_page_dispose;

  g_type_ensure (KNS_TYPE_BLOCK_VIEW);
  g_type_ensure (KNS_TYPE_READ_ALOUD_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/kns-help-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KnsHelpPage, blocks);
  gtk_widget_class_bind_template_child (widget_class, KnsHelpPage, fallback);
  gtk_widget_class_bind_template_child (widget_class, KnsHelpPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, KnsHelpPage, read_aloud_button);
}

static void
kns_help_page_init (KnsHelpPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  kns_help_page_set_blocks (self, NULL);
}

/**
 * kns_help_page_set_blocks:
 * @blocks: (nullable) (element-type KnsBlock): the course's help page
 */
void
kns_help_page_set_blocks (KnsHelpPage *self,
                          GPtrArray   *blocks)
{
  g_autofree char *spoken = NULL;

  g_return_if_fail (KNS_IS_HELP_PAGE (self));

  kns_block_view_set_blocks (self->blocks, blocks);
  gtk_widget_set_visible (GTK_WIDGET (self->blocks), blocks != NULL);
  gtk_widget_set_visible (self->fallback, blocks == NULL);
  spoken = blocks != NULL ? kns_speech_text_for_blocks (blocks) : fallback_text (self);
  kns_read_aloud_button_set_text (self->read_aloud_button, spoken);
}

/**
 * kns_help_page_set_speech:
 * @speech: (nullable): the voice for the "Read aloud" button
 */
void
kns_help_page_set_speech (KnsHelpPage *self,
                          KnsSpeech   *speech)
{
  g_return_if_fail (KNS_IS_HELP_PAGE (self));
  kns_read_aloud_button_set_speech (self->read_aloud_button, speech);
}
