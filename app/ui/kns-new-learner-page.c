/* kns-new-learner-page.c
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
 * Everything starts filled in: a playful nickname, a picture, and the
 * class and grade of a running session, so that a new child is reading
 * in seconds. A nickname that looks like a real full name is refused,
 * kindly, with a playful one to take instead: the sign-in screen is
 * shared by the whole class (a teacher may still rename a pupil).
 */

#define G_LOG_DOMAIN "kns-new-learner-page"

#include "kns-config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "kns-new-learner-page.h"
#include "kns-nickname.h"
#include "kns-ui-util.h"

#define NORMAL_AVATAR_SIZE 64
#define WIDE_AVATAR_SIZE   96

struct _KnsNewLearnerPage
{
  AdwBin             parent_instance;

  /* Template widgets */
  AdwClamp          *clamp;
  GtkLabel          *title_label;
  GtkWidget         *nickname_section;
  GtkEntry          *nickname_entry;
  GtkWidget         *name_warning;
  GtkLabel          *name_warning_label;
  GtkButton         *use_suggestion_button;
  GtkWidget         *class_section;
  GtkFlowBox        *class_box;
  GtkEntry          *class_entry;
  GtkGrid           *grade_grid;
  GtkWidget         *sex_section;
  GtkToggleButton   *sex_male;
  GtkToggleButton   *sex_female;
  GtkToggleButton   *sex_unstated;
  GtkFlowBox        *avatar_box;
  GtkLabel          *error_label;
  GtkButton         *start_button;

  /* Owned */
  KnsStore          *store;
  GRand             *rand;
  char              *suggestion;
  GtkWidget         *grade_buttons[13]; /* [1]…[12] */
  GHashTable        *avatar_buttons;    /* id → GtkToggleButton (borrowed) */
  gboolean           pictures_drawn;
  gboolean           guest;
  gboolean           grade_chosen;      /* by the child, not guessed */
};

G_DEFINE_FINAL_TYPE (KnsNewLearnerPage, kns_new_learner_page, ADW_TYPE_BIN)

/* The AdwBin's own child: not bound as a template child, since disposing
 * the template would unparent it before AdwBin does. */
static GtkScrolledWindow *
get_scroller (KnsNewLearnerPage *self)
{
  return GTK_SCROLLED_WINDOW (adw_bin_get_child (ADW_BIN (self)));
}

static guint
selected_grade (KnsNewLearnerPage *self)
{
  for (guint g = 1; g <= 12; g++)
    if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->grade_buttons[g])))
      return g;
  return 0;
}

static const char *
selected_avatar (KnsNewLearnerPage *self)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->avatar_buttons);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (gtk_toggle_button_get_active (value))
      return key;
  return NULL;
}

static KnsSex
selected_sex (KnsNewLearnerPage *self)
{
  if (!gtk_widget_get_visible (self->sex_section))
    return KNS_SEX_UNSTATED;
  if (gtk_toggle_button_get_active (self->sex_male))
    return KNS_SEX_MALE;
  if (gtk_toggle_button_get_active (self->sex_female))
    return KNS_SEX_FEMALE;
  return KNS_SEX_UNSTATED;
}

static void
show_error (KnsNewLearnerPage *self,
            const char        *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
new_suggestion (KnsNewLearnerPage *self)
{
  g_free (self->suggestion);
  self->suggestion = kns_nickname_suggest (self->rand);
}

/* Whether the nickname typed looks like a real full name; if so the
 * note says so and offers the suggestion instead. */
static gboolean
check_real_name (KnsNewLearnerPage *self)
{
  g_autofree char *nickname = kns_nickname_normalize (gtk_editable_get_text (GTK_EDITABLE (self->nickname_entry)));
  gboolean real = !self->guest && kns_nickname_looks_like_full_name (nickname);

  if (real)
    {
      g_autofree char *text = NULL;
      g_autofree char *button = NULL;

      /* Translators: a nickname that looks like a child's real full name is refused, kindly */
      text = g_strdup_printf (_("“%s” looks like a real name. Here you use a fun nickname instead, "
                                "so that nobody learns who you are. Take this one, or make up your own."),
                              nickname);
      /* Translators: uses the suggested nickname, shown in quotes */
      button = g_strdup_printf (_("Use “%s”"), self->suggestion);
      gtk_label_set_text (self->name_warning_label, text);
      gtk_button_set_label (self->use_suggestion_button, button);
    }
  gtk_widget_set_visible (self->name_warning, real);
  return real;
}

static void
nickname_changed_cb (KnsNewLearnerPage *self)
{
  check_real_name (self);
  show_error (self, NULL);
}

static void
dice_clicked_cb (KnsNewLearnerPage *self)
{
  new_suggestion (self);
  gtk_editable_set_text (GTK_EDITABLE (self->nickname_entry), self->suggestion);
}

static void
use_suggestion_clicked_cb (KnsNewLearnerPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->nickname_entry), self->suggestion);
  gtk_widget_grab_focus (GTK_WIDGET (self->start_button));
}

/* "3A" or "10A1" tells the grade, unless the child already chose one. */
static void
class_changed_cb (KnsNewLearnerPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->class_entry));
  char *end = NULL;
  guint64 grade;

  show_error (self, NULL);
  if (self->grade_chosen || !g_ascii_isdigit (text[0]))
    return;

  grade = g_ascii_strtoull (text, &end, 10);
  if (grade >= 1 && grade <= 12)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->grade_buttons[grade]), TRUE);
}

static void
grade_clicked_cb (GtkButton         *button,
                  KnsNewLearnerPage *self)
{
  self->grade_chosen = TRUE;
  show_error (self, NULL);
}

/* A class already on this computer, pressed rather than typed. */
static void
use_class_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  KnsNewLearnerPage *self = KNS_NEW_LEARNER_PAGE (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->class_entry), g_variant_get_string (parameter, NULL));
}

static void
start_clicked_cb (KnsNewLearnerPage *self)
{
  g_autofree char *nickname = kns_nickname_normalize (gtk_editable_get_text (GTK_EDITABLE (self->nickname_entry)));
  g_autofree char *class_label = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->class_entry))));
  g_autoptr(KnsLearner) learner = NULL;
  g_autoptr(GError) error = NULL;
  guint grade = selected_grade (self);
  const char *avatar = selected_avatar (self);

  g_debug ("Start pressed: grade %u, avatar %s, guest %d", grade, avatar, self->guest);
  if (!self->guest && *nickname == '\0')
    {
      show_error (self, _("Write a nickname, or press the dice for one."));
      gtk_widget_grab_focus (GTK_WIDGET (self->nickname_entry));
      return;
    }
  /* The note above says why; its button fixes it in one press. */
  if (check_real_name (self))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->use_suggestion_button));
      return;
    }
  if (grade == 0)
    {
      show_error (self, _("Choose your grade: press the number of your class."));
      gtk_widget_grab_focus (self->grade_buttons[1]);
      return;
    }

  if (self->guest)
    learner = kns_store_add_guest (self->store, grade, avatar, &error);
  else
    learner = kns_store_add_learner (self->store, nickname, class_label, grade, avatar,
                                     selected_sex (self), &error);
  if (learner == NULL)
    {
      g_debug ("Adding a learner failed: %s", error->message);
      show_error (self, error->message);
      return;
    }

  gtk_widget_activate_action (GTK_WIDGET (self), "win.sign-in", "x", learner->id);
}

static void
build_grade_buttons (KnsNewLearnerPage *self)
{
  GtkWidget *group = NULL;

  for (guint g = 1; g <= 12; g++)
    {
      g_autofree char *label = g_strdup_printf ("%u", g);
      /* Translators: a grade button's accessible name: "Grade 3" */
      g_autofree char *name = g_strdup_printf (_("Grade %u"), g);
      GtkWidget *button = gtk_toggle_button_new_with_label (label);

      if (group != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), GTK_TOGGLE_BUTTON (group));
      else
        group = button;
      gtk_widget_add_css_class (button, "grade-button");
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
      g_signal_connect (button, "clicked", G_CALLBACK (grade_clicked_cb), self);
      /* Two rows of six: 1–6, 7–12. */
      gtk_grid_attach (self->grade_grid, button, (g - 1) % 6, (g - 1) / 6, 1, 1);
      self->grade_buttons[g] = button;
    }
}

static void
build_avatar_buttons (KnsNewLearnerPage *self)
{
  const char * const *avatars = kns_avatar_list ();
  GtkWidget *group = NULL;

  for (guint i = 0; avatars[i] != NULL; i++)
    {
      GtkWidget *button = gtk_toggle_button_new ();
      GtkWidget *avatar = adw_avatar_new (NORMAL_AVATAR_SIZE, NULL, FALSE);

      gtk_button_set_child (GTK_BUTTON (button), avatar);
      gtk_widget_add_css_class (button, "avatar-choice");
      gtk_widget_add_css_class (button, "flat");
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, kns_avatar_get_name (avatars[i]),
                                      -1);
      gtk_widget_set_tooltip_text (button, kns_avatar_get_name (avatars[i]));
      if (group != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), GTK_TOGGLE_BUTTON (group));
      else
        group = button;
      gtk_flow_box_append (self->avatar_box, kns_ui_flow_box_child_new (button));
      g_hash_table_insert (self->avatar_buttons, (gpointer) avatars[i], button);
    }
}

/* The pictures are drawn when the page is first needed, not while the
 * app starts: it starts on the sign-in screen. */
static void
draw_avatar_pictures (KnsNewLearnerPage *self)
{
  const char * const *avatars = kns_avatar_list ();

  for (guint i = 0; !self->pictures_drawn && avatars[i] != NULL; i++)
    {
      GtkButton *button = g_hash_table_lookup (self->avatar_buttons, avatars[i]);
      g_autoptr(GdkPaintable) picture = kns_avatar_paintable_new (avatars[i]);

      adw_avatar_set_custom_image (ADW_AVATAR (gtk_button_get_child (button)), picture);
    }
  self->pictures_drawn = TRUE;
}

static void
fill_classes (KnsNewLearnerPage *self)
{
  g_auto(GStrv) classes = kns_store_list_classes (self->store, NULL);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->class_box))) != NULL)
    gtk_flow_box_remove (self->class_box, child);

  for (guint i = 0; classes != NULL && classes[i] != NULL; i++)
    {
      GtkWidget *button = gtk_button_new_with_label (classes[i]);

      gtk_widget_add_css_class (button, "pill");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", classes[i]);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "new-learner.use-class");
      gtk_flow_box_append (self->class_box, kns_ui_flow_box_child_new (button));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->class_box), classes != NULL && classes[0] != NULL);
}

static void
kns_new_learner_page_map (GtkWidget *widget)
{
  KnsNewLearnerPage *self = KNS_NEW_LEARNER_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  GTK_WIDGET_CLASS (kns_new_learner_page_parent_class)->map (widget);

  /* Enter in the nickname box starts, as the button does. */
  if (GTK_IS_WINDOW (root))
    gtk_window_set_default_widget (GTK_WINDOW (root), GTK_WIDGET (self->start_button));
}

static void
kns_new_learner_page_dispose (GObject *object)
{
  KnsNewLearnerPage *self = (KnsNewLearnerPage *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), KNS_TYPE_NEW_LEARNER_PAGE);
  g_clear_object (&self->store);
  g_clear_pointer (&self->rand, g_rand_free);
  g_clear_pointer (&self->suggestion, g_free);
  g_clear_pointer (&self->avatar_buttons, g_hash_table_unref);

  G_OBJECT_CLASS (kns_new_learner_page_parent_class)->dispose (object);
}

static void
kns_new_learner_page_class_init (KnsNewLearnerPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kns_new_learner_page_dispose;
  widget_class->map = kns_new_learner_page_map;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/kns-new-learner-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KnsNewLearnerPage, clamp);
  gtk_widget_class_bind_template_child (widget_class, KnsNewLearnerPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, KnsNewLearnerPage, nickname_section);
  gtk_widget_class_bind_template_child (widget_class, KnsNewLearnerPage, nickname_entry);
  gtk_widget_class_bind_template_child (widget_class, KnsNewLearnerPage, name_warning);
  gtk_widget_class_bind_template_child (widget_class, KnsNewLearnerPage, name_warning_label);
  gtk_widget_class_bind_template_child (widget_class, KnsNewLearnerPage, use_suggestion_button);
  gtk_widget_class_bind_template_child (widget_class, KnsNewLearnerPage, class_section);
  gtk_widget_class_bind_template_child (widget_class, KnsNewLearnerPage, class_box);
  gtk_widget_class_bind_template_child (widget_class, KnsNewLearnerPage, class_entry);
  gtk_widget_class_bind_template_child (widget_class, KnsNewLearnerPage, grade_grid);
  gtk_widget_class_bind_template_child (widget_class, KnsNewLearnerPage, sex_section);
  gtk_widget_class_bind_template_child (widget_class, KnsNewLearnerPage, sex_male);
  gtk_widget_class_bind_template_child (widget_class, KnsNewLearnerPage, sex_female);
  gtk_widget_class_bind_template_child (widget_class, KnsNewLearnerPage, sex_unstated);
  gtk_widget_class_bind_template_child (widget_class, KnsNewLearnerPage, avatar_box);
  gtk_widget_class_bind_template_child (widget_class, KnsNewLearnerPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, KnsNewLearnerPage, start_button);
  gtk_widget_class_bind_template_callback (widget_class, nickname_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, dice_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, use_suggestion_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, class_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, start_clicked_cb);

  gtk_widget_class_install_action (widget_class, "new-learner.use-class", "s", use_class_activated);
}

static void
kns_new_learner_page_init (KnsNewLearnerPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rand = g_rand_new ();
  self->avatar_buttons = g_hash_table_new (g_str_hash, g_str_equal);
  build_grade_buttons (self);
  build_avatar_buttons (self);
}

/**
 * kns_new_learner_page_reset:
 * @guest: a guest gives only a grade and a picture, and is forgotten at
 *   sign-out
 *
 * Starts the form afresh, with suggestions filled in.
 */
void
kns_new_learner_page_reset (KnsNewLearnerPage *self,
                            KnsStore          *store,
                            gboolean           guest)
{
  g_autoptr(KnsClassSession) session = NULL;
  g_autofree char *record_sex = NULL;
  const char * const *avatars = kns_avatar_list ();
  guint n_avatars = g_strv_length ((char **) avatars);

  g_return_if_fail (KNS_IS_NEW_LEARNER_PAGE (self));
  g_return_if_fail (KNS_IS_STORE (store));

  draw_avatar_pictures (self);
  g_set_object (&self->store, store);
  self->guest = guest;
  self->grade_chosen = FALSE;
  session = kns_store_get_running_session (store, NULL);
  record_sex = kns_store_get_setting (store, "record-sex", NULL);

  gtk_label_set_text (self->title_label, guest ? _("Try it out") : _("Welcome, new friend!"));
  gtk_widget_set_visible (self->nickname_section, !guest);
  gtk_widget_set_visible (self->class_section, !guest);
  gtk_widget_set_visible (self->sex_section, !guest && g_strcmp0 (record_sex, "true") == 0);
  gtk_toggle_button_set_active (self->sex_unstated, TRUE);

  new_suggestion (self);
  gtk_editable_set_text (GTK_EDITABLE (self->nickname_entry), self->suggestion);
  fill_classes (self);

  for (guint g = 1; g <= 12; g++)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->grade_buttons[g]), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->class_entry), session ? session->class_label : "");
  if (session != NULL && session->grade >= 1 && session->grade <= 12)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->grade_buttons[session->grade]), TRUE);

  if (n_avatars > 0)
    gtk_toggle_button_set_active (g_hash_table_lookup (self->avatar_buttons,
                                                       avatars[g_rand_int_range (self->rand, 0, n_avatars)]),
                                  TRUE);

  show_error (self, NULL);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (get_scroller (self)), 0);
}

gboolean
kns_new_learner_page_is_guest (KnsNewLearnerPage *self)
{
  g_return_val_if_fail (KNS_IS_NEW_LEARNER_PAGE (self), FALSE);
  return self->guest;
}

GtkEditable *
kns_new_learner_page_get_nickname (KnsNewLearnerPage *self)
{
  g_return_val_if_fail (KNS_IS_NEW_LEARNER_PAGE (self), NULL);
  return GTK_EDITABLE (self->nickname_entry);
}

GtkEditable *
kns_new_learner_page_get_class (KnsNewLearnerPage *self)
{
  g_return_val_if_fail (KNS_IS_NEW_LEARNER_PAGE (self), NULL);
  return GTK_EDITABLE (self->class_entry);
}

GtkWidget *
kns_new_learner_page_get_grade_button (KnsNewLearnerPage *self,
                                       guint              grade)
{
  g_return_val_if_fail (KNS_IS_NEW_LEARNER_PAGE (self), NULL);
  g_return_val_if_fail (grade >= 1 && grade <= 12, NULL);
  return self->grade_buttons[grade];
}

GtkWidget *
kns_new_learner_page_get_start_button (KnsNewLearnerPage *self)
{
  g_return_val_if_fail (KNS_IS_NEW_LEARNER_PAGE (self), NULL);
  return GTK_WIDGET (self->start_button);
}

gboolean
kns_new_learner_page_get_name_warning_visible (KnsNewLearnerPage *self)
{
  g_return_val_if_fail (KNS_IS_NEW_LEARNER_PAGE (self), FALSE);
  return gtk_widget_get_visible (self->name_warning);
}

/* The button of the note about real names, that takes the suggestion. */
GtkWidget *
kns_new_learner_page_get_use_suggestion_button (KnsNewLearnerPage *self)
{
  g_return_val_if_fail (KNS_IS_NEW_LEARNER_PAGE (self), NULL);
  return GTK_WIDGET (self->use_suggestion_button);
}

/**
 * kns_new_learner_page_set_wide:
 *
 * On a big screen, bigger pictures to choose from and a wider page.
 */
void
kns_new_learner_page_set_wide (KnsNewLearnerPage *self,
                               gboolean           wide)
{
  GHashTableIter iter;
  gpointer button;

  g_return_if_fail (KNS_IS_NEW_LEARNER_PAGE (self));

  adw_clamp_set_maximum_size (self->clamp, wide ? 1100 : 820);
  g_hash_table_iter_init (&iter, self->avatar_buttons);
  while (g_hash_table_iter_next (&iter, NULL, &button))
    adw_avatar_set_size (ADW_AVATAR (gtk_button_get_child (button)),
                         wide ? WIDE_AVATAR_SIZE : NORMAL_AVATAR_SIZE);
}
