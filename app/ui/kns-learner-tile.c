/* kns-learner-tile.c
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
 * One button: one press of Tab reaches it and Enter or Space signs the
 * child in. The flow box's own child around it takes no focus.
 */

#define G_LOG_DOMAIN "kns-learner-tile"

#include "kns-config.h"

#include <glib/gi18n.h>

#include "kns-learner-tile.h"
#include "kns-ui-util.h"

struct _KnsLearnerTile
{
  GtkFlowBoxChild  parent_instance;

  /* Template widgets */
  AdwAvatar       *avatar;
  GtkLabel        *name_label;

  /* Owned */
  KnsLearner      *learner;
};

G_DEFINE_FINAL_TYPE (KnsLearnerTile, kns_learner_tile, GTK_TYPE_FLOW_BOX_CHILD)

enum {
  PROP_0,
  PROP_AVATAR_SIZE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kns_learner_tile_dispose (GObject *object)
{
  KnsLearnerTile *self = KNS_LEARNER_TILE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KNS_TYPE_LEARNER_TILE);
  g_clear_pointer (&self->learner, kns_learner_free);

  G_OBJECT_CLASS (kns_learner_tile_parent_class)->dispose (object);
}

static void
kns_learner_tile_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  KnsLearnerTile *self = KNS_LEARNER_TILE (object);

  switch (prop_id)
    {
    case PROP_AVATAR_SIZE:
      g_value_set_int (value, kns_learner_tile_get_avatar_size (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kns_learner_tile_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  KnsLearnerTile *self = KNS_LEARNER_TILE (object);

  switch (prop_id)
    {
    case PROP_AVATAR_SIZE:
      kns_learner_tile_set_avatar_size (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kns_learner_tile_class_init (KnsLearnerTileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kns_learner_tile_dispose;
  object_class->get_property = kns_learner_tile_get_property;
  object_class->set_property = kns_learner_tile_set_property;

  properties[PROP_AVATAR_SIZE] =
    g_param_spec_int ("avatar-size", NULL, NULL, 32, 256, 80,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/kns-learner-tile.ui");
  gtk_widget_class_bind_template_child (widget_class, KnsLearnerTile, avatar);
  gtk_widget_class_bind_template_child (widget_class, KnsLearnerTile, name_label);
}

static void
kns_learner_tile_init (KnsLearnerTile *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
}

GtkWidget *
kns_learner_tile_new (const KnsLearner *learner)
{
  KnsLearnerTile *self;
  GtkWidget *button;
  g_autoptr(GdkPaintable) picture = NULL;
  g_autofree char *accessible = NULL;

  g_return_val_if_fail (learner != NULL, NULL);

  self = g_object_new (KNS_TYPE_LEARNER_TILE, NULL);
  self->learner = kns_learner_copy (learner);
  button = kns_learner_tile_get_button (self);

  picture = kns_avatar_paintable_new (learner->avatar);
  adw_avatar_set_text (self->avatar, learner->nickname);
  adw_avatar_set_custom_image (self->avatar, picture);
  gtk_label_set_text (self->name_label, learner->nickname);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", learner->id);

  accessible = *learner->class_label
    /* Translators: a sign-in picture as a screen reader says it: "Mèo Con 7, class 3A" */
    ? g_strdup_printf (_("%s, class %s"), learner->nickname, learner->class_label)
    : g_strdup (learner->nickname);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  return GTK_WIDGET (self);
}

const KnsLearner *
kns_learner_tile_get_learner (KnsLearnerTile *self)
{
  g_return_val_if_fail (KNS_IS_LEARNER_TILE (self), NULL);
  return self->learner;
}

/* The button that signs the child in. */
GtkWidget *
kns_learner_tile_get_button (KnsLearnerTile *self)
{
  g_return_val_if_fail (KNS_IS_LEARNER_TILE (self), NULL);
  return gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (self));
}

void
kns_learner_tile_set_avatar_size (KnsLearnerTile *self,
                                  int             size)
{
  g_return_if_fail (KNS_IS_LEARNER_TILE (self));

  if (adw_avatar_get_size (self->avatar) == size)
    return;
  adw_avatar_set_size (self->avatar, size);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AVATAR_SIZE]);
}

int
kns_learner_tile_get_avatar_size (KnsLearnerTile *self)
{
  g_return_val_if_fail (KNS_IS_LEARNER_TILE (self), 0);
  return adw_avatar_get_size (self->avatar);
}
