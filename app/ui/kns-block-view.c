/* kns-block-view.c
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
 * One widget per block, as Builder's Markdown view does it: a label for
 * text, a picture for an image, a styled box for a call-out. Links are
 * shown with their address and never opened: the kiosk is offline.
 */

#define G_LOG_DOMAIN "kns-block-view"

#include "kns-config.h"

#include <glib/gi18n.h>

#include "kns-block-view.h"
#include "kns-ui-util.h"

struct _KnsBlockView
{
  GtkWidget  parent_instance;

  GPtrArray *blocks;  /* KnsBlock, borrowed from their owner through a ref */
  GPtrArray *widgets; /* GtkWidget, one per top-level block */
};

G_DEFINE_FINAL_TYPE (KnsBlockView, kns_block_view, GTK_TYPE_WIDGET)

static GtkWidget *build_block (KnsBlock *block);

static const char *
callout_icon (KnsCalloutKind kind)
{
  switch (kind)
    {
    case KNS_CALLOUT_REMEMBER:
      return "starred-symbolic";
    case KNS_CALLOUT_WARNING:
      return "dialog-warning-symbolic";
    case KNS_CALLOUT_HOTLINE:
      return "call-start-symbolic";
    case KNS_CALLOUT_HELP:
      return "help-about-symbolic";
    case KNS_CALLOUT_TIP:
      return "dialog-information-symbolic";
    case KNS_CALLOUT_NONE:
    default:
      return NULL;
    }
}

/* A wrapping label for running text. WORD_CHAR lets a long address or a
 * long compound word break instead of widening the page. */
GtkWidget *
kns_label_new_for_spans (GPtrArray *spans)
{
  g_autofree char *markup = kns_spans_to_markup (spans);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_set_halign (label, GTK_ALIGN_FILL);
  return label;
}

static GtkWidget *
build_children (GPtrArray *blocks)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);

  for (guint i = 0; blocks != NULL && i < blocks->len; i++)
    {
      GtkWidget *child = build_block (g_ptr_array_index (blocks, i));

      if (child != NULL)
        gtk_box_append (GTK_BOX (box), child);
    }
  return box;
}

static GtkWidget *
build_heading (KnsBlock *block)
{
  g_autofree char *markup = kns_spans_to_markup (block->spans);
  static const char *classes[] = { "title-1", "title-2", "title-3", "title-4" };
  GtkWidget *label = kns_ui_heading_new (markup, classes[MIN (block->level, 4) - 1]);

  gtk_widget_add_css_class (label, "block-heading");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, (int) block->level,
                                  -1);
  return label;
}

static GtkWidget *
build_list (KnsBlock *block)
{
  GtkWidget *list = g_object_new (GTK_TYPE_BOX,
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_LIST,
                                  "orientation", GTK_ORIENTATION_VERTICAL,
                                  "spacing", 6,
                                  NULL);

  for (guint i = 0; i < block->children->len; i++)
    {
      KnsBlock *item = g_ptr_array_index (block->children, i);
      GtkWidget *row = g_object_new (GTK_TYPE_BOX,
                                     "accessible-role", GTK_ACCESSIBLE_ROLE_LIST_ITEM,
                                     "orientation", GTK_ORIENTATION_HORIZONTAL,
                                     "spacing", 10,
                                     NULL);
      g_autofree char *mark = block->ordered ? g_strdup_printf ("%u.", block->start + i)
                                             : g_strdup ("•");
      GtkWidget *bullet = gtk_label_new (mark);
      GtkWidget *content = build_children (item->children);

      gtk_label_set_yalign (GTK_LABEL (bullet), 0.0);
      gtk_widget_add_css_class (bullet, "list-mark");
      gtk_widget_set_hexpand (content, TRUE);
      gtk_box_append (GTK_BOX (row), bullet);
      gtk_box_append (GTK_BOX (row), content);
      gtk_box_append (GTK_BOX (list), row);
    }

  return list;
}

static GtkWidget *
build_callout (KnsBlock *block)
{
  GtkWidget *box = g_object_new (GTK_TYPE_BOX,
                                 "accessible-role", GTK_ACCESSIBLE_ROLE_NOTE,
                                 "orientation", GTK_ORIENTATION_VERTICAL,
                                 "spacing", 8,
                                 NULL);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *title = gtk_label_new (block->title);
  GtkWidget *icon;
  g_autofree char *css = g_strdup_printf ("callout-%s", kns_callout_kind_to_string (block->callout));

  gtk_widget_add_css_class (box, "callout");
  gtk_widget_add_css_class (box, css);
  gtk_widget_add_css_class (title, "callout-title");
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0.0);
  /* The icon only repeats the title, which names the call-out. */
  icon = g_object_new (GTK_TYPE_IMAGE,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                       "icon-name", callout_icon (block->callout),
                       NULL);
  gtk_box_append (GTK_BOX (header), icon);
  gtk_box_append (GTK_BOX (header), title);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), build_children (block->children));

  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, block->title,
                                  -1);
  return box;
}

static GtkWidget *
build_image (KnsBlock *block)
{
  GtkWidget *picture = gtk_picture_new_for_filename (block->path);

  /* Alt text is what a screen reader reads for the picture. */
  gtk_picture_set_alternative_text (GTK_PICTURE (picture), block->text);
  /* GTK 4.8 makes alt text the description only; Orca names a picture
   * by its name. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (picture),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, block->text,
                                  -1);
  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_picture_set_content_fit (GTK_PICTURE (picture), GTK_CONTENT_FIT_CONTAIN);
  gtk_widget_set_size_request (picture, -1, 220);
  gtk_widget_set_tooltip_text (picture, block->text);
  gtk_widget_add_css_class (picture, "lesson-picture");
  return picture;
}

static GtkWidget *
build_block (KnsBlock *block)
{
  GtkWidget *widget = NULL;

  switch (block->kind)
    {
    case KNS_BLOCK_HEADING:
      widget = build_heading (block);
      break;
    case KNS_BLOCK_PARAGRAPH:
      widget = kns_label_new_for_spans (block->spans);
      gtk_widget_add_css_class (widget, "block-paragraph");
      break;
    case KNS_BLOCK_LIST:
      widget = build_list (block);
      break;
    case KNS_BLOCK_ITEM:
      widget = build_children (block->children);
      break;
    case KNS_BLOCK_CALLOUT:
      widget = build_callout (block);
      break;
    case KNS_BLOCK_QUOTE:
      widget = build_children (block->children);
      gtk_widget_add_css_class (widget, "block-quote");
      break;
    case KNS_BLOCK_IMAGE:
      widget = build_image (block);
      break;
    case KNS_BLOCK_CODE:
      widget = kns_ui_wrapped_label_new (block->text);
      gtk_widget_add_css_class (widget, "monospace");
      gtk_widget_add_css_class (widget, "block-code");
      break;
    case KNS_BLOCK_RULE:
      widget = gtk_separator_new (GTK_ORIENTATION_HORIZONTAL);
      break;
    default:
      break;
    }

  return widget;
}

static void
clear (KnsBlockView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_ptr_array_set_size (self->widgets, 0);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
}

static void
kns_block_view_dispose (GObject *object)
{
  KnsBlockView *self = (KnsBlockView *) object;

  if (self->widgets != NULL)
    clear (self);
  g_clear_pointer (&self->widgets, g_ptr_array_unref);

  G_OBJECT_CLASS (kns_block_view_parent_class)->dispose (object);
}

static void
kns_block_view_class_init (KnsBlockViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kns_block_view_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "blockview");
}

static void
kns_block_view_init (KnsBlockView *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 14);
  self->widgets = g_ptr_array_new ();
}

GtkWidget *
kns_block_view_new (void)
{
  return g_object_new (KNS_TYPE_BLOCK_VIEW, NULL);
}

/**
 * kns_block_view_set_blocks:
 * @blocks: (element-type KnsBlock) (nullable): the blocks to show; the
 *   view keeps a reference to the array
 */
void
kns_block_view_set_blocks (KnsBlockView *self,
                           GPtrArray    *blocks)
{
  g_return_if_fail (KNS_IS_BLOCK_VIEW (self));

  clear (self);
  if (blocks == NULL)
    return;

  self->blocks = g_ptr_array_ref (blocks);
  for (guint i = 0; i < blocks->len; i++)
    {
      GtkWidget *widget = build_block (g_ptr_array_index (blocks, i));

      /* Keep indices aligned with the blocks, for reading positions. */
      if (widget == NULL)
        widget = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      gtk_widget_set_parent (widget, GTK_WIDGET (self));
      g_ptr_array_add (self->widgets, widget);
    }
}

guint
kns_block_view_get_n_blocks (KnsBlockView *self)
{
  g_return_val_if_fail (KNS_IS_BLOCK_VIEW (self), 0);
  return self->widgets->len;
}

/**
 * kns_block_view_get_block_widget:
 *
 * Returns: (transfer none) (nullable): the widget showing top-level block
 *   @index
 */
GtkWidget *
kns_block_view_get_block_widget (KnsBlockView *self,
                                 guint         index)
{
  g_return_val_if_fail (KNS_IS_BLOCK_VIEW (self), NULL);

  if (index >= self->widgets->len)
    return NULL;
  return g_ptr_array_index (self->widgets, index);
}
