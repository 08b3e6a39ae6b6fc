/* kns-kit-panel.c — teacher mode's session kit: plans, posters, certificates
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
 * One group per tier: its session plan (to read and to print), its
 * class poster, and a row for each pupil on this computer who passed
 * every lesson of the tier, whose certificate the teacher prints with
 * the name typed then. Pupils print nothing themselves: in a kiosk a
 * file chooser would open the computer's folders to them.
 */

#define G_LOG_DOMAIN "kns-kit-panel"

#include "kns-config.h"

#include <glib/gi18n.h>

#include "kns-kit-panel.h"
#include "kns-kit-print.h"
#include "kns-plan-window.h"
#include "kns-ui-util.h"

struct _KnsKitPanel
{
  AdwBin               parent_instance;

  AdwPreferencesPage  *page;
  AdwPreferencesGroup *intro_group;

  GPtrArray           *groups;  /* AdwPreferencesGroup added per refresh */
  KnsStore            *store;
  KnsCourse           *course;
};

G_DEFINE_FINAL_TYPE (KnsKitPanel, kns_kit_panel, ADW_TYPE_BIN)

static KnsTier *
tier_of (KnsKitPanel *self,
         GVariant    *parameter)
{
  return self->course != NULL ? kns_course_get_tier (self->course, g_variant_get_uint32 (parameter))
                              : NULL;
}

static GtkWindow *
get_window (KnsKitPanel *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static char *
school_name (KnsKitPanel *self)
{
  return self->store != NULL ? kns_store_get_setting (self->store, KNS_STORE_SETTING_SCHOOL_NAME, NULL)
                             : NULL;
}

static void
view_plan_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  KnsKitPanel *self = KNS_KIT_PANEL (widget);
  KnsTier *tier = tier_of (self, parameter);

  if (tier == NULL || kns_tier_get_plan (tier) == NULL)
    return;
  gtk_window_present (GTK_WINDOW (kns_plan_window_new (get_window (self), self->course,
                                                       kns_tier_get_plan (tier))));
}

static void
save_plan_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  KnsKitPanel *self = KNS_KIT_PANEL (widget);
  KnsTier *tier = tier_of (self, parameter);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *name = NULL;

  if (tier == NULL || kns_tier_get_plan (tier) == NULL)
    return;
  pdf = kns_kit_plan_pdf (kns_tier_get_plan (tier), self->course, &error);
  if (pdf == NULL)
    {
      kns_report_error (widget, error);
      return;
    }
  name = g_strdup_printf (_("session-plan-tier-%u.pdf"), kns_tier_get_id (tier));
  kns_kit_save_pdf (widget, pdf, name);
}

static void
save_poster_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  KnsKitPanel *self = KNS_KIT_PANEL (widget);
  KnsTier *tier = tier_of (self, parameter);
  g_autofree char *school = school_name (self);

  if (tier != NULL && kns_tier_get_pledge (tier) != NULL)
    kns_kit_save_poster (widget, tier, school);
}

static void
certificate_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  KnsKitPanel *self = KNS_KIT_PANEL (widget);
  KnsTier *tier = tier_of (self, parameter);
  g_autofree char *school = school_name (self);

  if (tier == NULL || kns_tier_get_pledge (tier) == NULL)
    return;
  gtk_window_present (GTK_WINDOW (kns_kit_certificate_dialog_new (get_window (self), tier, school)));
}

static void
save_parents_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  KnsKitPanel *self = KNS_KIT_PANEL (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;

  if (self->course == NULL)
    return;
  /* A school's copy goes to every family: no child is listed on it. */
  pdf = kns_kit_parents_pdf (self->course, NULL, 0, &error);
  if (pdf == NULL)
    {
      kns_report_error (widget, error);
      return;
    }
  /* Translators: the file name offered for the parents' page; no spaces */
  kns_kit_save_pdf (widget, pdf, _("for-parents.pdf"));
}

static GtkWidget *
button_new (const char *label,
            const char *action,
            guint       tier,
            gboolean    suggested)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", tier);
  if (suggested)
    gtk_widget_add_css_class (button, "suggested-action");
  return button;
}

static GtkWidget *
row_new (const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static void
add_certificates (KnsKitPanel         *self,
                  AdwPreferencesGroup *group,
                  KnsTier             *tier,
                  GPtrArray           *learners,
                  guint                pass_mark)
{
  guint id = kns_tier_get_id (tier);
  guint n = 0;

  for (guint i = 0; learners != NULL && i < learners->len; i++)
    {
      KnsLearner *learner = g_ptr_array_index (learners, i);
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (learner->kind != KNS_LEARNER_PROFILE || !kns_tier_has_grade (tier, learner->grade) ||
          !kns_kit_tier_finished (tier, self->store, learner->id, pass_mark))
        continue;
      /* Translators: a pupil who finished their tier: "Class 1A · finished every lesson" */
      subtitle = g_strdup_printf (_("Class %s · finished every lesson"),
                                  *learner->class_label ? learner->class_label : "–");
      row = row_new (learner->nickname, subtitle);
      /* Translators: prints a pupil's certificate */
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button_new (_("Certificate…"), "kit.certificate",
                                                                 id, FALSE));
      adw_preferences_group_add (group, row);
      n++;
    }
  if (n == 0)
    adw_preferences_group_add (group, row_new (_("No pupil on this computer has finished every "
                                                 "lesson of this class yet."), NULL));
}

static void
add_tier (KnsKitPanel *self,
          KnsTier     *tier,
          GPtrArray   *learners,
          guint        pass_mark)
{
  GtkWidget *group = adw_preferences_group_new ();
  KnsPlan *plan = kns_tier_get_plan (tier);
  guint id = kns_tier_get_id (tier);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), kns_tier_get_title (tier));
  if (plan != NULL)
    {
      /* Translators: a row of the session kit; the plan's title is its subtitle */
      GtkWidget *row = row_new (_("Session plan"), plan->title);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button_new (_("Open"), "kit.view-plan", id, TRUE));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button_new (_("Save to print"), "kit.save-plan", id, FALSE));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  if (kns_tier_get_pledge (tier) != NULL)
    {
      /* Translators: a row of the session kit */
      GtkWidget *row = row_new (_("The class’s promise poster"), kns_tier_get_pledge (tier)[0]);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button_new (_("Save to print"), "kit.save-poster", id, FALSE));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      add_certificates (self, ADW_PREFERENCES_GROUP (group), tier, learners, pass_mark);
    }
  if (plan == NULL && kns_tier_get_pledge (tier) == NULL)
    {
      g_object_ref_sink (group);
      g_object_unref (group);
      return;
    }
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
  g_ptr_array_add (self->groups, group);
}

static void
kns_kit_panel_dispose (GObject *object)
{
  KnsKitPanel *self = KNS_KIT_PANEL (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), KNS_TYPE_KIT_PANEL);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_object (&self->store);
  g_clear_object (&self->course);

  G_OBJECT_CLASS (kns_kit_panel_parent_class)->dispose (object);
}

static void
kns_kit_panel_class_init (KnsKitPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kns_kit_panel_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/kns-kit-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, KnsKitPanel, intro_group);
  gtk_widget_class_install_action (widget_class, "kit.view-plan", "u", view_plan_activated);
  gtk_widget_class_install_action (widget_class, "kit.save-plan", "u", save_plan_activated);
  gtk_widget_class_install_action (widget_class, "kit.save-poster", "u", save_poster_activated);
  gtk_widget_class_install_action (widget_class, "kit.certificate", "u", certificate_activated);
  gtk_widget_class_install_action (widget_class, "kit.save-parents", NULL, save_parents_activated);
}

static void
kns_kit_panel_init (KnsKitPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The bin's own child: AdwBin lets go of it, not the template. */
  self->page = ADW_PREFERENCES_PAGE (adw_bin_get_child (ADW_BIN (self)));
  self->groups = g_ptr_array_new ();
}

/**
 * kns_kit_panel_refresh:
 * @pass_mark: what passing a lesson's quiz takes, as the pupils see it
 *
 * Reads the course's kit and who finished which tier again.
 */
void
kns_kit_panel_refresh (KnsKitPanel *self,
                       KnsStore    *store,
                       KnsCourse   *course,
                       guint        pass_mark)
{
  g_autoptr(GPtrArray) learners = NULL;
  GtkWidget *parents_group, *row;
  GPtrArray *tiers;

  g_return_if_fail (KNS_IS_KIT_PANEL (self));
  g_return_if_fail (KNS_IS_STORE (store));

  g_set_object (&self->store, store);
  g_set_object (&self->course, course);
  for (guint i = 0; i < self->groups->len; i++)
    adw_preferences_page_remove (self->page, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);
  if (course == NULL)
    return;

  learners = kns_store_list_learners (store, NULL, FALSE, NULL);
  tiers = kns_course_get_tiers (course);
  for (guint i = 0; i < tiers->len; i++)
    add_tier (self, g_ptr_array_index (tiers, i), learners, pass_mark);

  if (kns_course_get_parents (course) == NULL)
    return;
  parents_group = adw_preferences_group_new ();
  /* Translators: a group of the session kit */
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (parents_group), _("For parents"));
  /* Translators: a row of the session kit; its subtitle says what the page holds */
  row = row_new (_("The parents’ page"), _("What each class learns, talking points, a family "
                                           "agreement and where to get help"));
  {
    GtkWidget *button = gtk_button_new_with_label (_("Save to print"));

    gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
    gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "kit.save-parents");
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (parents_group), row);
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (parents_group));
  g_ptr_array_add (self->groups, parents_group);
}

static GtkWidget *
find_in (GtkWidget  *widget,
         const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_in (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/**
 * kns_kit_panel_find_row:
 *
 * Returns: (transfer none) (nullable): the first row titled @title
 */
GtkWidget *
kns_kit_panel_find_row (KnsKitPanel *self,
                        const char  *title)
{
  g_return_val_if_fail (KNS_IS_KIT_PANEL (self), NULL);
  return find_in (GTK_WIDGET (self), title);
}
