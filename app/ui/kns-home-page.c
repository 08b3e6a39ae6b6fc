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
 * The learner's own tier comes from their grade. The tiers of younger
 * classes can be opened, with a banner that says so, so that a child
 * never mistakes them for their own. The tiers of older classes are not
 * listed at all unless the teacher allows them (the window decides, and
 * refuses them too when asked by any other way): a six-year-old has no
 * business with the lessons on sextortion, and a locked door only makes
 * them curious.
 *
 * The cards are made from the tier's own list of lessons, bound to the
 * flow box; what each card says comes from the learner's progress read
 * when the page is shown.
 */

#define G_LOG_DOMAIN "kns-home-page"

#include "kns-config.h"

#include <glib/gi18n.h>

#include "kns-home-page.h"
#include "kns-lesson-card.h"
#include "kns-ui-util.h"

/* Wider than this, the page grows: bigger picture, three cards a row. */
#define WIDE_AVATAR_SIZE   112
#define NORMAL_AVATAR_SIZE 72

struct _KnsHomePage
{
  AdwBin             parent_instance;

  /* Template widgets */
  AdwClamp          *clamp;
  GtkWidget         *other_tier_banner;
  GtkLabel          *other_tier_label;
  GtkWidget         *kit_banner;
  GtkLabel          *kit_label;
  GtkButton         *kit_button;
  GtkButton         *own_tier_button;
  AdwAvatar         *avatar;
  GtkLabel          *greeting_label;
  GtkLabel          *tier_label;
  GtkWidget         *guest_label;
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
  GListStore        *other_tiers;  /* KnsTier: the other tiers the learner may open */
  GHashTable        *progress;     /* lesson id → KnsProgress, of the learner shown */
  GHashTable        *numbers;      /* lesson id → its number in the tier */
  GPtrArray         *progress_list;
  char              *continue_id;
  guint              shown_tier;
  guint              pass_mark;
  gboolean           wide;
};

G_DEFINE_FINAL_TYPE (KnsHomePage, kns_home_page, ADW_TYPE_BIN)

/* The AdwBin's own child: not bound as a template child, since disposing
 * the template would unparent it before AdwBin does. */
static GtkScrolledWindow *
get_scroller (KnsHomePage *self)
{
  return GTK_SCROLLED_WINDOW (adw_bin_get_child (ADW_BIN (self)));
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

/* Where the learner stands with @lesson: reading, or the quiz passed, or
 * not yet, as the teacher's grid says it (kns_progress_get_outcome ():
 * the best score against today's pass mark). */
static KnsCardState
card_state (KnsHomePage *self,
            KnsLesson   *lesson)
{
  KnsProgress *progress = g_hash_table_lookup (self->progress, kns_lesson_get_id (lesson));

  if (progress == NULL)
    return KNS_CARD_NOT_STARTED;

  switch (progress->state)
    {
    case KNS_LESSON_READING:
      return KNS_CARD_READING;
    case KNS_LESSON_QUIZ:
      return KNS_CARD_QUIZ_STARTED;
    case KNS_LESSON_DONE:
      if (is_scenario (lesson))
        return progress->best_score >= 100 ? KNS_CARD_PASSED : KNS_CARD_NOT_PASSED;
      /* A lesson without a quiz, done once read. */
      if (progress->best_score < 0)
        return KNS_CARD_FINISHED;
      return kns_progress_get_outcome (progress, self->pass_mark) == KNS_OUTCOME_PASSED
             ? KNS_CARD_PASSED
             : KNS_CARD_NOT_PASSED;
    case KNS_LESSON_NOT_STARTED:
    default:
      return KNS_CARD_NOT_STARTED;
    }
}

static GtkWidget *
create_card_cb (gpointer item,
                gpointer user_data)
{
  KnsHomePage *self = user_data;
  KnsLesson *lesson = KNS_LESSON (item);
  KnsProgress *progress = g_hash_table_lookup (self->progress, kns_lesson_get_id (lesson));

  return kns_lesson_card_new (lesson,
                              GPOINTER_TO_UINT (g_hash_table_lookup (self->numbers, kns_lesson_get_id (lesson))),
                              card_state (self, lesson),
                              progress != NULL ? progress->best_score : -1);
}

/* A tier a child may open: one pill, one stop for Tab. */
static GtkWidget *
create_tier_button_cb (gpointer item,
                       gpointer user_data)
{
  KnsTier *tier = KNS_TIER (item);
  GtkWidget *button = gtk_button_new_with_label (kns_tier_get_title (tier));

  gtk_widget_add_css_class (button, "pill");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", kns_tier_get_id (tier));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-tier");
  return kns_ui_flow_box_child_new (button);
}

/* The lesson to offer first: the one last worked on and not finished,
 * else the first not started. */
static KnsLesson *
pick_continue (KnsHomePage *self,
               KnsTier     *tier,
               gboolean    *resuming)
{
  KnsLesson *best = NULL;
  gint64 best_time = 0;

  for (guint i = 0; i < kns_tier_get_n_lessons (tier); i++)
    {
      KnsLesson *lesson = kns_tier_get_lesson (tier, i);
      KnsProgress *p = g_hash_table_lookup (self->progress, kns_lesson_get_id (lesson));

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
      KnsProgress *p = g_hash_table_lookup (self->progress, kns_lesson_get_id (lesson));

      if (p == NULL || p->state == KNS_LESSON_NOT_STARTED)
        return lesson;
    }
  return NULL;
}

/* The tiers other than @shown that a child of @max_grade may open. */
static void
fill_other_tiers (KnsHomePage *self,
                  KnsCourse   *course,
                  guint        shown,
                  guint        max_grade)
{
  GPtrArray *tiers = kns_course_get_tiers (course);

  g_list_store_remove_all (self->other_tiers);
  for (guint i = 0; i < tiers->len; i++)
    {
      KnsTier *tier = g_ptr_array_index (tiers, i);

      if (kns_tier_get_id (tier) != shown && kns_tier_get_grade_min (tier) <= max_grade)
        g_list_store_append (self->other_tiers, tier);
    }
  gtk_widget_set_visible (self->other_tiers_heading,
                          g_list_model_get_n_items (G_LIST_MODEL (self->other_tiers)) > 0);
}

static void
show_continue (KnsHomePage *self,
               KnsTier     *tier,
               gboolean     own)
{
  gboolean resuming = FALSE;
  KnsLesson *next = pick_continue (self, tier, &resuming);
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

/* Lessons are numbered; scenarios between them are not. */
static void
number_lessons (KnsHomePage *self,
                KnsTier     *tier)
{
  g_hash_table_remove_all (self->numbers);
  for (guint i = 0, number = 0; i < kns_tier_get_n_lessons (tier); i++)
    {
      KnsLesson *lesson = kns_tier_get_lesson (tier, i);

      if (!is_scenario (lesson))
        g_hash_table_insert (self->numbers, (gpointer) kns_lesson_get_id (lesson),
                             GUINT_TO_POINTER (++number));
    }
}

/* Reads the learner's progress; %FALSE if the store could not be read. */
static gboolean
read_progress (KnsHomePage       *self,
               KnsStore          *store,
               const KnsLearner  *learner,
               GError           **error)
{
  g_autoptr(GPtrArray) list = kns_store_list_progress (store, learner->id, error);

  if (list == NULL)
    return FALSE;

  g_hash_table_remove_all (self->progress);
  for (guint i = 0; i < list->len; i++)
    {
      KnsProgress *p = g_ptr_array_index (list, i);

      g_hash_table_insert (self->progress, p->lesson_id, p);
    }
  g_clear_pointer (&self->progress_list, g_ptr_array_unref);
  self->progress_list = g_steal_pointer (&list);
  return TRUE;
}

static void
show_learner (KnsHomePage      *self,
              const KnsLearner *learner,
              KnsTier          *tier)
{
  g_autoptr(GdkPaintable) picture = kns_avatar_paintable_new (learner->avatar);
  /* Translators: greets the child by nickname */
  g_autofree char *greeting = g_strdup_printf (_("Hello, %s!"), learner->nickname);

  gtk_label_set_text (self->greeting_label, greeting);
  adw_avatar_set_text (self->avatar, learner->nickname);
  adw_avatar_set_custom_image (self->avatar, picture);
  gtk_widget_set_visible (self->guest_label, learner->kind == KNS_LEARNER_GUEST);

  if (tier != NULL)
    {
      /* Translators: %s is a tier's title, such as "Lớp 1–3" */
      g_autofree char *subtitle = g_strdup_printf (_("Lessons for %s"), kns_tier_get_title (tier));
      gtk_label_set_text (self->tier_label, subtitle);
    }
}

/* Focusing a widget far down a page scrolls to it; after a new tier the
 * page starts at the top, once laid out. */
static gboolean
scroll_to_top_cb (GtkWidget     *widget,
                  GdkFrameClock *clock,
                  gpointer       user_data)
{
  KnsHomePage *self = KNS_HOME_PAGE (widget);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (get_scroller (self)), 0);
  return G_SOURCE_REMOVE;
}

static void
kns_home_page_dispose (GObject *object)
{
  KnsHomePage *self = (KnsHomePage *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), KNS_TYPE_HOME_PAGE);
  g_clear_object (&self->other_tiers);
  g_clear_pointer (&self->progress, g_hash_table_unref);
  g_clear_pointer (&self->numbers, g_hash_table_unref);
  g_clear_pointer (&self->progress_list, g_ptr_array_unref);
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
  gtk_widget_class_bind_template_child (widget_class, KnsHomePage, clamp);
  gtk_widget_class_bind_template_child (widget_class, KnsHomePage, other_tier_banner);
  gtk_widget_class_bind_template_child (widget_class, KnsHomePage, other_tier_label);
  gtk_widget_class_bind_template_child (widget_class, KnsHomePage, kit_banner);
  gtk_widget_class_bind_template_child (widget_class, KnsHomePage, kit_label);
  gtk_widget_class_bind_template_child (widget_class, KnsHomePage, kit_button);
  gtk_widget_class_bind_template_child (widget_class, KnsHomePage, own_tier_button);
  gtk_widget_class_bind_template_child (widget_class, KnsHomePage, avatar);
  gtk_widget_class_bind_template_child (widget_class, KnsHomePage, greeting_label);
  gtk_widget_class_bind_template_child (widget_class, KnsHomePage, tier_label);
  gtk_widget_class_bind_template_child (widget_class, KnsHomePage, guest_label);
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
  self->other_tiers = g_list_store_new (KNS_TYPE_TIER);
  self->progress = g_hash_table_new (g_str_hash, g_str_equal);
  self->numbers = g_hash_table_new (g_str_hash, g_str_equal);
  gtk_flow_box_bind_model (self->other_tiers_box, G_LIST_MODEL (self->other_tiers),
                           create_tier_button_cb, self, NULL);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->own_tier_button), "u", 0);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->own_tier_button), "win.show-tier");
  kns_ui_status_page_skip_focus (self->empty_page);
}

/**
 * kns_home_page_show:
 * @tier_id: the tier to show: the learner's own, or another they chose
 * @max_grade: the tiers of classes up to this grade are offered: the
 *   learner's own grade, or 12 when the teacher allows older classes'
 *   lessons
 * @pass_mark: the percentage a quiz needs to be passed (GSettings
 *   pass-mark)
 *
 * Returns: %FALSE if the learner's progress could not be read
 */
gboolean
kns_home_page_show (KnsHomePage      *self,
                    KnsCourse        *course,
                    KnsStore         *store,
                    const KnsLearner *learner,
                    guint             tier_id,
                    guint             max_grade,
                    guint             pass_mark,
                    GError          **error)
{
  KnsTier *own;
  KnsTier *tier;
  gboolean is_own;
  gboolean other_tier;

  g_return_val_if_fail (KNS_IS_HOME_PAGE (self), FALSE);
  g_return_val_if_fail (KNS_IS_COURSE (course), FALSE);
  g_return_val_if_fail (KNS_IS_STORE (store), FALSE);
  g_return_val_if_fail (learner != NULL, FALSE);

  own = kns_course_get_tier_for_grade (course, learner->grade);
  tier = kns_course_get_tier (course, tier_id);
  is_own = tier != NULL && tier == own;
  other_tier = !is_own && own != NULL;
  if (!read_progress (self, store, learner, error))
    return FALSE;
  self->pass_mark = pass_mark;

  kns_home_page_clear (self);
  self->shown_tier = tier_id;
  show_learner (self, learner, tier);

  gtk_widget_set_visible (self->other_tier_banner, other_tier);
  if (other_tier && tier != NULL)
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
      show_continue (self, tier, is_own);
      number_lessons (self, tier);
      gtk_flow_box_bind_model (self->lessons_box, kns_tier_get_lessons (tier),
                               create_card_cb, self, NULL);
    }

  fill_other_tiers (self, course, tier_id, max_grade);
  return TRUE;
}

/* Forgets the learner, so that the next child never sees their page. */
void
kns_home_page_clear (KnsHomePage *self)
{
  g_return_if_fail (KNS_IS_HOME_PAGE (self));

  gtk_flow_box_bind_model (self->lessons_box, NULL, NULL, NULL, NULL);
  g_list_store_remove_all (self->other_tiers);
  g_clear_pointer (&self->continue_id, g_free);
  gtk_label_set_text (self->greeting_label, "");
  adw_avatar_set_custom_image (self->avatar, NULL);
  gtk_widget_set_visible (self->kit_banner, FALSE);
  self->shown_tier = 0;
}

/**
 * kns_home_page_focus_top:
 *
 * Shows the top of the page with the focus on its first action: "back to
 * my lessons" in another tier, else "continue". For a tier just chosen.
 */
void
kns_home_page_focus_top (KnsHomePage *self)
{
  g_return_if_fail (KNS_IS_HOME_PAGE (self));

  if (gtk_widget_get_visible (self->other_tier_banner))
    gtk_widget_grab_focus (GTK_WIDGET (self->own_tier_button));
  else if (gtk_widget_get_visible (GTK_WIDGET (self->continue_button)))
    gtk_widget_grab_focus (GTK_WIDGET (self->continue_button));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (get_scroller (self)), 0);
  gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_to_top_cb, NULL, NULL);
}

/**
 * kns_home_page_focus_lesson:
 *
 * Puts the focus on the card of @lesson_id, scrolled into view: where a
 * child who left that lesson expects to be. Without such a card, the
 * top of the page.
 */
void
kns_home_page_focus_lesson (KnsHomePage *self,
                            const char  *lesson_id)
{
  GtkWidget *card;

  g_return_if_fail (KNS_IS_HOME_PAGE (self));

  card = kns_home_page_get_lesson_card (self, lesson_id);
  if (card == NULL)
    kns_home_page_focus_top (self);
  else
    gtk_widget_grab_focus (card);
}

/**
 * kns_home_page_set_wide:
 *
 * On a big screen a bigger picture, three cards a row and a wider page.
 */
void
kns_home_page_set_wide (KnsHomePage *self,
                        gboolean     wide)
{
  g_return_if_fail (KNS_IS_HOME_PAGE (self));

  self->wide = wide;
  adw_avatar_set_size (self->avatar, wide ? WIDE_AVATAR_SIZE : NORMAL_AVATAR_SIZE);
  gtk_flow_box_set_max_children_per_line (self->lessons_box, wide ? 3 : 2);
  adw_clamp_set_maximum_size (self->clamp, wide ? 1600 : 1100);
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
 * kns_home_page_get_card:
 *
 * Returns: (transfer none) (nullable): the card of @lesson_id
 */
KnsLessonCard *
kns_home_page_get_card (KnsHomePage *self,
                        const char  *lesson_id)
{
  g_return_val_if_fail (KNS_IS_HOME_PAGE (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->lessons_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (KNS_IS_LESSON_CARD (child) &&
        g_strcmp0 (kns_lesson_get_id (kns_lesson_card_get_lesson (KNS_LESSON_CARD (child))), lesson_id) == 0)
      return KNS_LESSON_CARD (child);
  return NULL;
}

/**
 * kns_home_page_get_lesson_card:
 *
 * Returns: (transfer none) (nullable): the button of @lesson_id's card,
 *   which opens it
 */
GtkWidget *
kns_home_page_get_lesson_card (KnsHomePage *self,
                               const char  *lesson_id)
{
  KnsLessonCard *card;

  g_return_val_if_fail (KNS_IS_HOME_PAGE (self), NULL);

  card = kns_home_page_get_card (self, lesson_id);
  return card != NULL ? kns_lesson_card_get_button (card) : NULL;
}

/**
 * kns_home_page_set_kit_banner:
 * @text: (nullable): what the banner says, or %NULL to hide it
 * @button_label: (nullable): its button, or %NULL for none
 * @action: (nullable): the button's action
 *
 * The session kit's word to the pupil (issue 21): the check at the end
 * of the session is open, or the tier's lessons are all done.
 */
void
kns_home_page_set_kit_banner (KnsHomePage *self,
                              const char  *text,
                              const char  *button_label,
                              const char  *action)
{
  g_return_if_fail (KNS_IS_HOME_PAGE (self));

  gtk_widget_set_visible (self->kit_banner, text != NULL);
  gtk_label_set_text (self->kit_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->kit_button), button_label != NULL);
  if (button_label != NULL)
    gtk_button_set_label (self->kit_button, button_label);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->kit_button), action);
}

GtkWidget *
kns_home_page_get_kit_button (KnsHomePage *self)
{
  g_return_val_if_fail (KNS_IS_HOME_PAGE (self), NULL);
  return gtk_widget_get_visible (self->kit_banner) ? GTK_WIDGET (self->kit_button) : NULL;
}
