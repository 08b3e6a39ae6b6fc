/* kns-home-page.c
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
 * The learner's own tier comes from their grade. Other tiers can be
 * opened, but a banner says so, so that a child never mistakes the lessons
 * of older pupils for their own.
 */

#define G_LOG_DOMAIN "kns-home-page"

#include "kns-config.h"

#include <glib/gi18n.h>

#include "kns-home-page.h"
#include "kns-ui-util.h"

struct _KnsHomePage
{
  AdwBin             parent_instance;

  /* Template widgets */
  GtkWidget         *other_tier_banner;
  GtkLabel          *other_tier_label;
  GtkButton         *own_tier_button;
  AdwAvatar         *avatar;
  GtkLabel          *greeting_label;
  GtkLabel          *tier_label;
  GtkButton         *continue_button;
  GtkLabel          *continue_kind_label;
  GtkLabel          *continue_title_label;
  GtkWidget         *all_done_label;
  GtkWidget         *lessons_heading;
  GtkFlowBox        *lessons_box;
  GtkWidget         *empty_page;
  GtkWidget         *other_tiers_heading;
  GtkFlowBox        *other_tiers_box;

  /* Owned */
  GHashTable        *cards;       /* lesson id → GtkButton (borrowed) */
  char              *continue_id;
  guint              shown_tier;
};

G_DEFINE_FINAL_TYPE (KnsHomePage, kns_home_page, ADW_TYPE_BIN)

/* The AdwBin's own child: not bound as a template child, since disposing
 * the template would unparent it before AdwBin does. */
static GtkScrolledWindow *
get_scroller (KnsHomePage *self)
{
  return GTK_SCROLLED_WINDOW (adw_bin_get_child (ADW_BIN (self)));
}

static const char *
state_text (const KnsProgress *progress,
            char             **owned)
{
  if (progress == NULL)
    return _("Not started");

  switch (progress->state)
    {
    case KNS_LESSON_READING:
      return _("In progress");
    case KNS_LESSON_QUIZ:
      return _("Quiz started");
    case KNS_LESSON_DONE:
      if (progress->best_score >= 0)
        {
          /* Translators: a finished lesson and the child's best quiz score */
          *owned = g_strdup_printf (_("Finished · %d%%"), progress->best_score);
          return *owned;
        }
      return _("Finished");
    case KNS_LESSON_NOT_STARTED:
    default:
      return _("Not started");
    }
}

/* A scenario's state: started, or which ending the child reached best. */
static const char *
scenario_state_text (const KnsProgress *progress)
{
  if (progress == NULL)
    return C_("scenario state", "Not started");

  switch (progress->state)
    {
    case KNS_LESSON_READING:
    case KNS_LESSON_QUIZ:
      return C_("scenario state", "In progress");
    case KNS_LESSON_DONE:
      return progress->best_score >= 100
               /* Translators: a scenario the child brought to a safe ending */
               ? _("Finished · safe ending")
               /* Translators: a scenario the child ended badly; inviting to play again */
               : _("Finished · try another way");
    case KNS_LESSON_NOT_STARTED:
    default:
      return C_("scenario state", "Not started");
    }
}

static gboolean
is_scenario (KnsLesson *lesson)
{
  return kns_lesson_get_scenario (lesson) != NULL;
}

static const char *
open_action (KnsLesson *lesson)
{
  return is_scenario (lesson) ? "win.open-scenario" : "win.open-lesson";
}

static const char *
state_class (const KnsProgress *progress)
{
  if (progress == NULL)
    return "state-new";
  switch (progress->state)
    {
    case KNS_LESSON_READING:
    case KNS_LESSON_QUIZ:
      return "state-started";
    case KNS_LESSON_DONE:
      return "state-done";
    case KNS_LESSON_NOT_STARTED:
    default:
      return "state-new";
    }
}

static GtkWidget *
lesson_card_new (KnsLesson         *lesson,
                 guint              number,
                 const KnsProgress *progress)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  /* Translators: marks a branching scenario on its card, where a lesson shows "Lesson 3" */
  g_autofree char *number_text = is_scenario (lesson) ? g_strdup (_("Scenario"))
                                                      : g_strdup_printf (_("Lesson %u"), number);
  g_autofree char *owned_state = NULL;
  const char *state = is_scenario (lesson) ? scenario_state_text (progress)
                                           : state_text (progress, &owned_state);
  g_autofree char *minutes = g_strdup_printf (ngettext ("%u minute", "%u minutes",
                                                       kns_lesson_get_minutes (lesson)),
                                              kns_lesson_get_minutes (lesson));
  g_autofree char *accessible = NULL;
  GtkWidget *number_label = gtk_label_new (number_text);
  GtkWidget *badge = gtk_label_new (state);
  GtkWidget *title = gtk_label_new (kns_lesson_get_title (lesson));
  GtkWidget *minutes_label = gtk_label_new (minutes);
  const char *summary = kns_lesson_get_summary (lesson);

  gtk_widget_add_css_class (number_label, "dim-label");
  gtk_widget_set_hexpand (number_label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (number_label), 0.0);
  gtk_widget_add_css_class (badge, "badge");
  gtk_widget_add_css_class (badge, state_class (progress));
  gtk_box_append (GTK_BOX (top), number_label);
  gtk_box_append (GTK_BOX (top), badge);

  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (title), 0.0);
  gtk_label_set_yalign (GTK_LABEL (title), 0.0);
  gtk_widget_add_css_class (title, "lesson-card-title");

  gtk_label_set_xalign (GTK_LABEL (minutes_label), 0.0);
  gtk_widget_add_css_class (minutes_label, "dim-label");

  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), title);
  if (summary != NULL && *summary != '\0')
    {
      GtkWidget *summary_label = gtk_label_new (summary);

      gtk_label_set_wrap (GTK_LABEL (summary_label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (summary_label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (summary_label), 0.0);
      gtk_label_set_yalign (GTK_LABEL (summary_label), 0.0);
      /* Cards side by side share a height; the minutes stay at the bottom. */
      gtk_widget_set_vexpand (summary_label, TRUE);
      gtk_widget_add_css_class (summary_label, "lesson-card-summary");
      gtk_box_append (GTK_BOX (box), summary_label);
    }
  gtk_box_append (GTK_BOX (box), minutes_label);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "card");
  gtk_widget_add_css_class (button, "lesson-card");
  if (is_scenario (lesson))
    gtk_widget_add_css_class (button, "scenario-card");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), open_action (lesson));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", kns_lesson_get_id (lesson));

  /* Translators: what a screen reader says for a lesson card: "Lesson 2: title. Finished · 80%" */
  accessible = g_strdup_printf (_("%s: %s. %s"), number_text, kns_lesson_get_title (lesson), state);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  return button;
}

/* The lesson to offer first: the one last worked on and not finished,
 * else the first not started. */
static KnsLesson *
pick_continue (KnsTier    *tier,
               GHashTable *progress,
               gboolean   *resuming)
{
  KnsLesson *best = NULL;
  gint64 best_time = 0;

  for (guint i = 0; i < kns_tier_get_n_lessons (tier); i++)
    {
      KnsLesson *lesson = kns_tier_get_lesson (tier, i);
      KnsProgress *p = g_hash_table_lookup (progress, kns_lesson_get_id (lesson));

      if (p != NULL && (p->state == KNS_LESSON_READING || p->state == KNS_LESSON_QUIZ) &&
          p->updated >= best_time)
        {
          best = lesson;
          best_time = p->updated;
        }
    }

  *resuming = best != NULL;
  if (best != NULL)
    return best;

  for (guint i = 0; i < kns_tier_get_n_lessons (tier); i++)
    {
      KnsLesson *lesson = kns_tier_get_lesson (tier, i);
      KnsProgress *p = g_hash_table_lookup (progress, kns_lesson_get_id (lesson));

      if (p == NULL || p->state == KNS_LESSON_NOT_STARTED)
        return lesson;
    }
  return NULL;
}

static void
fill_other_tiers (KnsHomePage *self,
                  KnsCourse   *course,
                  guint        shown)
{
  GPtrArray *tiers = kns_course_get_tiers (course);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->other_tiers_box))) != NULL)
    gtk_flow_box_remove (self->other_tiers_box, child);

  for (guint i = 0; i < tiers->len; i++)
    {
      KnsTier *tier = g_ptr_array_index (tiers, i);
      GtkWidget *button;

      if (kns_tier_get_id (tier) == shown)
        continue;
      button = gtk_button_new_with_label (kns_tier_get_title (tier));
      gtk_widget_add_css_class (button, "pill");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-tier");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", kns_tier_get_id (tier));
      gtk_flow_box_append (self->other_tiers_box, button);
    }
}

static void
kns_home_page_dispose (GObject *object)
{
  KnsHomePage *self = (KnsHomePage *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), KNS_TYPE_HOME_PAGE);
  g_clear_pointer (&self->cards, g_hash_table_unref);
  g_clear_pointer (&self->continue_id, g_free);

  G_OBJECT_CLASS (kns_home_page_parent_class)->dispose (object);
}

static void
kns_home_page_class_init (KnsHomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kns_home_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/kns-home-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KnsHomePage, other_tier_banner);
  gtk_widget_class_bind_template_child (widget_class, KnsHomePage, other_tier_label);
  gtk_widget_class_bind_template_child (widget_class, KnsHomePage, own_tier_button);
  gtk_widget_class_bind_template_child (widget_class, KnsHomePage, avatar);
  gtk_widget_class_bind_template_child (widget_class, KnsHomePage, greeting_label);
  gtk_widget_class_bind_template_child (widget_class, KnsHomePage, tier_label);
  gtk_widget_class_bind_template_child (widget_class, KnsHomePage, continue_button);
  gtk_widget_class_bind_template_child (widget_class, KnsHomePage, continue_kind_label);
  gtk_widget_class_bind_template_child (widget_class, KnsHomePage, continue_title_label);
  gtk_widget_class_bind_template_child (widget_class, KnsHomePage, all_done_label);
  gtk_widget_class_bind_template_child (widget_class, KnsHomePage, lessons_heading);
  gtk_widget_class_bind_template_child (widget_class, KnsHomePage, lessons_box);
  gtk_widget_class_bind_template_child (widget_class, KnsHomePage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, KnsHomePage, other_tiers_heading);
  gtk_widget_class_bind_template_child (widget_class, KnsHomePage, other_tiers_box);
}

static void
kns_home_page_init (KnsHomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cards = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->own_tier_button), "u", 0);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->own_tier_button), "win.show-tier");
}

static void
show_continue (KnsHomePage *self,
               KnsTier     *tier,
               GHashTable  *progress,
               gboolean     own)
{
  gboolean resuming = FALSE;
  KnsLesson *next = pick_continue (tier, progress, &resuming);
  g_autofree char *accessible = NULL;

  g_clear_pointer (&self->continue_id, g_free);
  gtk_widget_set_visible (GTK_WIDGET (self->continue_button), next != NULL);
  gtk_widget_set_visible (self->all_done_label, own && next == NULL && kns_tier_get_n_lessons (tier) > 0);
  if (next == NULL)
    return;

  self->continue_id = g_strdup (kns_lesson_get_id (next));
  gtk_label_set_text (self->continue_kind_label,
                      /* Translators: above the lesson a child was reading when they stopped */
                      resuming ? _("Continue where you stopped")
                               : is_scenario (next)
                                 /* Translators: above the next scenario a child has not played */
                                 ? _("Your next scenario")
                                 /* Translators: above the next lesson a child has not started */
                                 : _("Your next lesson"));
  gtk_label_set_text (self->continue_title_label, kns_lesson_get_title (next));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->continue_button), "s", self->continue_id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->continue_button), open_action (next));
  accessible = g_strdup_printf ("%s: %s", gtk_label_get_text (self->continue_kind_label),
                                kns_lesson_get_title (next));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->continue_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

/**
 * kns_home_page_show:
 * @tier: the tier to show: the learner's own, or another they chose
 *
 * Returns: %FALSE if the learner's progress could not be read
 */
gboolean
kns_home_page_show (KnsHomePage      *self,
                    KnsCourse        *course,
                    KnsStore         *store,
                    const KnsLearner *learner,
                    guint             tier_id,
                    GError          **error)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GHashTable) progress = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GdkPaintable) picture = NULL;
  g_autofree char *greeting = NULL;
  KnsTier *own = kns_course_get_tier_for_grade (course, learner->grade);
  KnsTier *tier = kns_course_get_tier (course, tier_id);
  gboolean is_own = tier != NULL && tier == own;

  g_return_val_if_fail (KNS_IS_HOME_PAGE (self), FALSE);
  g_return_val_if_fail (KNS_IS_COURSE (course), FALSE);
  g_return_val_if_fail (KNS_IS_STORE (store), FALSE);

  list = kns_store_list_progress (store, learner->id, error);
  if (list == NULL)
    return FALSE;
  for (guint i = 0; i < list->len; i++)
    {
      KnsProgress *p = g_ptr_array_index (list, i);

      g_hash_table_insert (progress, p->lesson_id, p);
    }

  kns_home_page_clear (self);
  self->shown_tier = tier_id;

  /* Translators: greets the child by nickname */
  greeting = g_strdup_printf (_("Hello, %s!"), learner->nickname);
  gtk_label_set_text (self->greeting_label, greeting);
  adw_avatar_set_text (self->avatar, learner->nickname);
  picture = kns_avatar_paintable_new (learner->avatar);
  adw_avatar_set_custom_image (self->avatar, picture);

  if (tier != NULL)
    {
      /* Translators: %s is a tier's title, such as "Lớp 1–3" */
      g_autofree char *subtitle = g_strdup_printf (_("Lessons for %s"), kns_tier_get_title (tier));
      gtk_label_set_text (self->tier_label, subtitle);
    }

  gtk_widget_set_visible (self->other_tier_banner, !is_own && own != NULL);
  if (!is_own && own != NULL && tier != NULL)
    {
      g_autofree char *banner = g_strdup_printf (_("These are the lessons for %s, not for your class."),
                                                 kns_tier_get_title (tier));
      gtk_label_set_text (self->other_tier_label, banner);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->own_tier_button), "u",
                                        kns_tier_get_id (own));
    }

  if (tier == NULL || kns_tier_get_n_lessons (tier) == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->continue_button), FALSE);
      gtk_widget_set_visible (self->lessons_heading, FALSE);
      gtk_widget_set_visible (self->empty_page, TRUE);
    }
  else
    {
      gtk_widget_set_visible (self->lessons_heading, TRUE);
      gtk_widget_set_visible (self->empty_page, FALSE);
      show_continue (self, tier, progress, is_own);

      /* Lessons are numbered; scenarios between them are not. */
      for (guint i = 0, number = 0; i < kns_tier_get_n_lessons (tier); i++)
        {
          KnsLesson *lesson = kns_tier_get_lesson (tier, i);
          GtkWidget *card = lesson_card_new (lesson, is_scenario (lesson) ? 0 : ++number,
                                             g_hash_table_lookup (progress, kns_lesson_get_id (lesson)));

          gtk_flow_box_append (self->lessons_box, card);
          g_hash_table_insert (self->cards, g_strdup (kns_lesson_get_id (lesson)), card);
        }
    }

  fill_other_tiers (self, course, tier_id);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (get_scroller (self)), 0);
  return TRUE;
}

/* Forgets the learner, so that the next child never sees their page. */
void
kns_home_page_clear (KnsHomePage *self)
{
  GtkWidget *child;

  g_return_if_fail (KNS_IS_HOME_PAGE (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->lessons_box))) != NULL)
    gtk_flow_box_remove (self->lessons_box, child);
  g_hash_table_remove_all (self->cards);
  g_clear_pointer (&self->continue_id, g_free);
  gtk_label_set_text (self->greeting_label, "");
  adw_avatar_set_custom_image (self->avatar, NULL);
  self->shown_tier = 0;
}

guint
kns_home_page_get_shown_tier (KnsHomePage *self)
{
  g_return_val_if_fail (KNS_IS_HOME_PAGE (self), 0);
  return self->shown_tier;
}

/* The lesson the big "continue" button opens, or %NULL. */
const char *
kns_home_page_get_continue_id (KnsHomePage *self)
{
  g_return_val_if_fail (KNS_IS_HOME_PAGE (self), NULL);
  return self->continue_id;
}

/**
 * kns_home_page_get_lesson_card:
 *
 * Returns: (transfer none) (nullable): the card of @lesson_id
 */
GtkWidget *
kns_home_page_get_lesson_card (KnsHomePage *self,
                               const char  *lesson_id)
{
  g_return_val_if_fail (KNS_IS_HOME_PAGE (self), NULL);
  return g_hash_table_lookup (self->cards, lesson_id);
}
