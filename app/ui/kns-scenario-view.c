/* kns-scenario-view.c
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
 * One scene at a time. A choice is committed to the store before the
 * next scene fades in, with what the child chose and "what happened
 * next" above it; an ending closes the run and shows the debrief and the
 * way the child went. The run starts at the first choice, so opening a
 * scenario and leaving it again leaves nothing behind. An interrupted run
 * is replayed from the store, choice by choice, when the scenario opens.
 */

#define G_LOG_DOMAIN "kns-scenario-view"

#include "kns-config.h"

#include <glib/gi18n.h>

#include "kns-block-view.h"
#include "kns-read-aloud-button.h"
#include "kns-scenario-view.h"
#include "kns-speech-text.h"
#include "kns-store-scenario.h"
#include "kns-ui-util.h"

typedef struct
{
  KnsScene *scene;  /* borrowed from the scenario */
  guint     choice;
} Step;

struct _KnsScenarioView
{
  AdwBin             parent_instance;

  /* Template widgets */
  GtkBox            *content;
  GtkLabel          *step_label;
  KnsReadAloudButton *read_aloud_button;
  GtkStack          *scene_stack;
  GtkRevealer       *end_revealer;
  GtkWidget         *verdict_box;
  GtkImage          *verdict_icon;
  GtkLabel          *verdict_label;
  GtkLabel          *verdict_detail;
  KnsBlockView      *debrief;
  GtkWidget         *help_box;
  GtkBox            *path_box;
  GtkWidget         *replay_button;
  GtkWidget         *home_button;

  /* Owned */
  KnsStore          *store;
  KnsLesson         *lesson;
  GArray            *path;      /* Step: the choices made in this run */
  GPtrArray         *choices;   /* GtkButton, of the scene on screen */
  gint64             learner_id;
  gint64             attempt_id; /* 0 until the run's first choice */
  guint              tier;
  guint              n_pages;   /* ever added, for unique page names */
  KnsScene          *scene;     /* on screen */
};

G_DEFINE_FINAL_TYPE (KnsScenarioView, kns_scenario_view, ADW_TYPE_BIN)

/* The AdwBin's own child: not bound as a template child, since disposing
 * the template would unparent it before AdwBin does. */
static GtkScrolledWindow *
get_scroller (KnsScenarioView *self)
{
  return GTK_SCROLLED_WINDOW (adw_bin_get_child (ADW_BIN (self)));
}

static KnsScenario *
get_scenario (KnsScenarioView *self)
{
  return kns_lesson_get_scenario (self->lesson);
}

static const char *
choice_text (KnsScene *scene,
             guint     choice)
{
  return ((KnsChoice *) g_ptr_array_index (scene->choices, choice))->text;
}

/* Leaves the page on screen and the one fading out; the rest go. */
static void
prune_pages (KnsScenarioView *self,
             gboolean         all)
{
  GtkWidget *visible = gtk_stack_get_visible_child (self->scene_stack);
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->scene_stack));

  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (all || child != visible)
        gtk_stack_remove (self->scene_stack, child);
      child = next;
    }
}

/* The scene that faded out goes once the fade is over: the stack is as
 * tall as its tallest page. */
static void
transition_running_cb (KnsScenarioView *self)
{
  if (!gtk_stack_get_transition_running (self->scene_stack))
    prune_pages (self, FALSE);
}

/* A choice is the action scenario.choose with the scene's id and the
 * choice's number: a button of the scene fading out names its own scene,
 * and is ignored. */
static GtkWidget *
choice_button_new (KnsScene  *scene,
                   KnsChoice *choice,
                   guint      index)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 14);
  g_autofree char *number = g_strdup_printf ("%u", index + 1);
  /* Translators: what a screen reader says for a choice button: "Choice 2: Tell mum" */
  g_autofree char *name = g_strdup_printf (_("Choice %u: %s"), index + 1, choice->text);
  GtkWidget *mark = gtk_label_new (number);
  GtkWidget *label = kns_label_new_for_spans (choice->spans);

  gtk_widget_add_css_class (mark, "option-letter");
  gtk_widget_set_valign (mark, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), mark);
  gtk_box_append (GTK_BOX (box), label);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "scenario-choice");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(su)", scene->id, index);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "scenario.choose");
  return button;
}

/* "You chose …", then "what happened next", above every scene but the
 * first: the child sees the link between the choice and what follows. */
static GtkWidget *
next_card_new (const char *chosen)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autofree char *chosen_text = g_strdup_printf (_("You chose: “%s”"), chosen);
  GtkWidget *chosen_label = kns_ui_wrapped_label_new (chosen_text);
  GtkWidget *next_label = kns_ui_wrapped_label_new (_("What happened next…"));

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "scenario-next");
  /* Full text colour: dimmed on the tint it fell to 3.2:1. */
  gtk_widget_add_css_class (chosen_label, "scenario-chosen");
  gtk_widget_add_css_class (next_label, "heading");
  gtk_box_append (GTK_BOX (box), chosen_label);
  gtk_box_append (GTK_BOX (box), next_label);
  return box;
}

static GtkWidget *
scene_page_new (KnsScenarioView *self,
                KnsScene        *scene,
                const char      *chosen)
{
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 16);
  GtkWidget *body = kns_block_view_new ();

  if (chosen != NULL)
    gtk_box_append (GTK_BOX (page), next_card_new (chosen));

  if (scene->title != NULL)
    {
      g_autofree char *markup = kns_spans_to_markup (scene->title);

      gtk_box_append (GTK_BOX (page), kns_ui_heading_new (markup, "title-2"));
    }

  kns_block_view_set_blocks (KNS_BLOCK_VIEW (body), scene->body);
  gtk_box_append (GTK_BOX (page), body);

  g_ptr_array_set_size (self->choices, 0);
  if (scene->choices->len == 0)
    return page;

  {
    g_autofree char *question = g_markup_escape_text (_("What do you do?"), -1);
    GtkWidget *choices = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);

    gtk_box_append (GTK_BOX (page), kns_ui_heading_new (question, "title-4"));
    for (guint i = 0; i < scene->choices->len; i++)
      {
        GtkWidget *button = choice_button_new (scene, g_ptr_array_index (scene->choices, i), i);

        gtk_box_append (GTK_BOX (choices), button);
        g_ptr_array_add (self->choices, button);
      }
    gtk_box_append (GTK_BOX (page), choices);
  }
  return page;
}

static void
update_step (KnsScenarioView *self)
{
  g_autofree char *step = NULL;

  if (kns_scene_is_ending (self->scene))
    /* Translators: above the last scene of a scenario */
    step = g_strdup (_("The end"));
  else
    /* Translators: "Step 2": how many choices the child has come to */
    step = g_strdup_printf (_("Step %u"), self->path->len + 1);
  gtk_label_set_text (self->step_label, step);
}

static void
clear_path (KnsScenarioView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->path_box))) != NULL)
    gtk_box_remove (self->path_box, child);
}

static GtkWidget *
path_row_new (guint       number,
              const char *text,
              const char *css_class)
{
  GtkWidget *row = g_object_new (GTK_TYPE_BOX,
                                 "accessible-role", GTK_ACCESSIBLE_ROLE_LIST_ITEM,
                                 "spacing", 10,
                                 NULL);
  g_autofree char *mark = number > 0 ? g_strdup_printf ("%u.", number) : g_strdup ("→");
  GtkWidget *mark_label = gtk_label_new (mark);
  GtkWidget *label = kns_ui_wrapped_label_new (text);

  gtk_label_set_yalign (GTK_LABEL (mark_label), 0.0);
  gtk_widget_add_css_class (mark_label, "list-mark");
  gtk_widget_set_hexpand (label, TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (row), mark_label);
  gtk_box_append (GTK_BOX (row), label);
  return row;
}

/* The choices made, in order, then where they led. */
static void
fill_path (KnsScenarioView *self)
{
  gboolean safe = self->scene->ending == KNS_ENDING_SAFE;

  clear_path (self);
  for (guint i = 0; i < self->path->len; i++)
    {
      Step *step = &g_array_index (self->path, Step, i);
      g_autofree char *text = NULL;

      if (step->scene->title_text != NULL)
        /* Translators: a step of the way a child went: "The message: you chose “Tell mum”" */
        text = g_strdup_printf (_("%s: you chose “%s”"), step->scene->title_text,
                                choice_text (step->scene, step->choice));
      else
        text = g_strdup_printf (_("You chose “%s”"), choice_text (step->scene, step->choice));
      gtk_box_append (self->path_box, path_row_new (i + 1, text, NULL));
    }
  gtk_box_append (self->path_box,
                  path_row_new (0, safe ? _("A safe ending") : _("An ending that is not safe yet"),
                                "heading"));
}

static void
show_ending (KnsScenarioView *self)
{
  gboolean safe = self->scene->ending == KNS_ENDING_SAFE;

  gtk_label_set_text (self->verdict_label, safe ? _("A safe ending") : _("An ending that is not safe yet"));
  gtk_label_set_text (self->verdict_detail,
                      safe ? _("Well done! Your choices kept you safe. Read why below.")
                           : _("This time it went wrong. Read why, and what to do, then play again "
                               "and choose another way."));
  gtk_image_set_from_icon_name (self->verdict_icon,
                                safe ? "emblem-ok-symbolic" : "dialog-information-symbolic");
  gtk_widget_remove_css_class (self->verdict_box, safe ? "unsafe" : "safe");
  gtk_widget_add_css_class (self->verdict_box, safe ? "safe" : "unsafe");
  kns_block_view_set_blocks (self->debrief, self->scene->debrief);
  gtk_widget_set_visible (self->help_box, !kns_scene_has_help (self->scene));
  fill_path (self);
  /* The highlighted button is the one the words point to: "play again"
   * after an ending that is not safe yet, the lessons after a safe one. */
  if (safe)
    {
      gtk_widget_remove_css_class (self->replay_button, "suggested-action");
      gtk_widget_add_css_class (self->home_button, "suggested-action");
    }
  else
    {
      gtk_widget_remove_css_class (self->home_button, "suggested-action");
      gtk_widget_add_css_class (self->replay_button, "suggested-action");
    }
  kns_ui_reveal (self->end_revealer, TRUE);
}

/* The button an ending highlights, and gives the focus. */
static GtkWidget *
main_ending_button (KnsScenarioView *self)
{
  return self->scene->ending == KNS_ENDING_SAFE ? self->home_button : self->replay_button;
}

/* Focusing a button at the end of a long page scrolls to it; a child
 * reads from the top, so the top is shown once the page is laid out. */
static gboolean
scroll_to_top_cb (GtkWidget     *widget,
                  GdkFrameClock *clock,
                  gpointer       user_data)
{
  KnsScenarioView *self = KNS_SCENARIO_VIEW (widget);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (get_scroller (self)), 0);
  return G_SOURCE_REMOVE;
}

/* Puts @scene on screen, fading from the one before when @animate. */
static void
show_scene (KnsScenarioView *self,
            KnsScene        *scene,
            const char      *chosen,
            gboolean         animate)
{
  g_autofree char *name = g_strdup_printf ("scene-%u", ++self->n_pages);
  g_autofree char *spoken = NULL;
  GtkWidget *page;

  prune_pages (self, !animate);
  self->scene = scene;
  page = scene_page_new (self, scene, chosen);
  gtk_stack_add_named (self->scene_stack, page, name);
  gtk_stack_set_visible_child_full (self->scene_stack, name,
                                    animate ? GTK_STACK_TRANSITION_TYPE_CROSSFADE
                                            : GTK_STACK_TRANSITION_TYPE_NONE);
  update_step (self);

  gtk_revealer_set_transition_duration (self->end_revealer, animate ? 450 : 0);
  if (kns_scene_is_ending (scene))
    show_ending (self);
  else
    kns_ui_reveal (self->end_revealer, FALSE);

  spoken = kns_speech_text_for_scene (scene);
  kns_read_aloud_button_set_text (self->read_aloud_button, spoken);

  if (self->choices->len > 0)
    gtk_widget_grab_focus (g_ptr_array_index (self->choices, 0));
  else
    gtk_widget_grab_focus (main_ending_button (self));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (get_scroller (self)), 0);
  gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_to_top_cb, NULL, NULL);
}

/* Closes the run at the ending on screen. On failure the run stays open
 * and is closed the next time the scenario opens. */
static void
finish (KnsScenarioView *self)
{
  g_autoptr(KnsAttempt) run = NULL;
  g_autoptr(GError) error = NULL;

  run = kns_store_finish_scenario (self->store, self->attempt_id, self->scene->id,
                                   self->scene->ending == KNS_ENDING_SAFE, &error);
  if (run == NULL)
    {
      kns_report_error (GTK_WIDGET (self), error);
      return;
    }
}

static void
choose (KnsScenarioView *self,
        guint            index)
{
  KnsScene *scene = self->scene;
  KnsScene *next = kns_scene_follow (scene, index);
  g_autoptr(GError) error = NULL;
  Step step = { scene, index };

  if (next == NULL)
    return;

  /* Saved first; if that fails, the child can press again. */
  if (self->attempt_id == 0)
    {
      g_autoptr(KnsAttempt) run = kns_store_start_scenario (self->store, self->learner_id,
                                                            kns_lesson_get_id (self->lesson),
                                                            kns_lesson_get_version (self->lesson),
                                                            self->tier, &error);

      if (run == NULL)
        {
          kns_report_error (GTK_WIDGET (self), error);
          return;
        }
      self->attempt_id = run->id;
    }
  if (!kns_store_record_choice (self->store, self->attempt_id, scene->id, index, &error))
    {
      kns_report_error (GTK_WIDGET (self), error);
      return;
    }

  g_array_append_val (self->path, step);
  show_scene (self, next, choice_text (scene, index), TRUE);
  if (kns_scene_is_ending (next))
    finish (self);
}

static void
choose_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KnsScenarioView *self = KNS_SCENARIO_VIEW (widget);
  const char *scene_id;
  guint index;

  g_variant_get (parameter, "(&su)", &scene_id, &index);
  /* A button of the scene fading out can still be pressed. */
  if (self->scene == NULL || g_strcmp0 (scene_id, self->scene->id) != 0)
    return;
  choose (self, index);
}

static void
replay_button_clicked_cb (KnsScenarioView *self)
{
  if (self->lesson == NULL)
    return;

  /* A new run starts at the next first choice. */
  self->attempt_id = 0;
  g_array_set_size (self->path, 0);
  show_scene (self, kns_scenario_get_start (get_scenario (self)), NULL, TRUE);
}

/* Follows the choices of an open run from the start. Returns the scene
 * reached, or %NULL when they do not fit this scenario. */
static KnsScene *
replay (KnsScenarioView  *self,
        const KnsAttempt *run)
{
  KnsScene *scene = kns_scenario_get_start (get_scenario (self));

  for (guint i = 0; i < run->answers->len; i++)
    {
      const KnsAnswer *answer = g_ptr_array_index (run->answers, i);
      gint choice = kns_store_answer_get_choice (answer);
      Step step = { scene, (guint) choice };

      if (choice < 0 || kns_scene_is_ending (scene) || !kns_store_answer_is_scene (answer, scene->id) ||
          kns_scene_follow (scene, choice) == NULL)
        return NULL;
      g_array_append_val (self->path, step);
      scene = kns_scene_follow (scene, choice);
    }
  return scene;
}

static void
kns_scenario_view_dispose (GObject *object)
{
  KnsScenarioView *self = (KnsScenarioView *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), KNS_TYPE_SCENARIO_VIEW);
  g_clear_object (&self->store);
  g_clear_object (&self->lesson);
  g_clear_pointer (&self->path, g_array_unref);
  g_clear_pointer (&self->choices, g_ptr_array_unref);

  G_OBJECT_CLASS (kns_scenario_view_parent_class)->dispose (object);
}

static void
kns_scenario_view_class_init (KnsScenarioViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kns_scenario_view_dispose;

  g_type_ensure (KNS_TYPE_BLOCK_VIEW);
  g_type_ensure (KNS_TYPE_READ_ALOUD_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/kns-scenario-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KnsScenarioView, content);
  gtk_widget_class_bind_template_child (widget_class, KnsScenarioView, step_label);
  gtk_widget_class_bind_template_child (widget_class, KnsScenarioView, read_aloud_button);
  gtk_widget_class_bind_template_child (widget_class, KnsScenarioView, scene_stack);
  gtk_widget_class_bind_template_child (widget_class, KnsScenarioView, end_revealer);
  gtk_widget_class_bind_template_child (widget_class, KnsScenarioView, verdict_box);
  gtk_widget_class_bind_template_child (widget_class, KnsScenarioView, verdict_icon);
  gtk_widget_class_bind_template_child (widget_class, KnsScenarioView, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, KnsScenarioView, verdict_detail);
  gtk_widget_class_bind_template_child (widget_class, KnsScenarioView, debrief);
  gtk_widget_class_bind_template_child (widget_class, KnsScenarioView, help_box);
  gtk_widget_class_bind_template_child (widget_class, KnsScenarioView, path_box);
  gtk_widget_class_bind_template_child (widget_class, KnsScenarioView, replay_button);
  gtk_widget_class_bind_template_child (widget_class, KnsScenarioView, home_button);
  gtk_widget_class_bind_template_callback (widget_class, replay_button_clicked_cb);

  gtk_widget_class_install_action (widget_class, "scenario.choose", "(su)", choose_activated);
}

static void
kns_scenario_view_init (KnsScenarioView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->path = g_array_new (FALSE, FALSE, sizeof (Step));
  self->choices = g_ptr_array_new ();
  g_signal_connect_object (self->scene_stack, "notify::transition-running",
                           G_CALLBACK (transition_running_cb), self, G_CONNECT_SWAPPED);
}

/**
 * kns_scenario_view_start:
 * @lesson: a lesson with a scenario
 * @tier: the scenario's tier, for the tallies and the text size
 *
 * Resumes the learner's open run at this version of the scenario, or
 * shows its first scene. A run interrupted after its last choice is
 * closed now.
 *
 * Returns: %FALSE if the store could not be read
 */
gboolean
kns_scenario_view_start (KnsScenarioView  *self,
                         KnsStore         *store,
                         gint64            learner_id,
                         KnsLesson        *lesson,
                         guint             tier,
                         GError          **error)
{
  g_autoptr(KnsAttempt) run = NULL;
  KnsScene *scene = NULL;
  const char *chosen = NULL;

  g_return_val_if_fail (KNS_IS_SCENARIO_VIEW (self), FALSE);
  g_return_val_if_fail (KNS_IS_STORE (store), FALSE);
  g_return_val_if_fail (KNS_IS_LESSON (lesson), FALSE);
  g_return_val_if_fail (kns_lesson_get_scenario (lesson) != NULL, FALSE);

  kns_scenario_view_clear (self);

  run = kns_store_get_open_attempt (store, learner_id, kns_lesson_get_id (lesson),
                                    kns_lesson_get_version (lesson), error);
  if (run == NULL && error != NULL && *error != NULL)
    return FALSE;

  g_set_object (&self->store, store);
  g_set_object (&self->lesson, lesson);
  self->learner_id = learner_id;
  self->tier = tier;

  /* Young readers get bigger text, as in the lesson. */
  if (tier <= 2)
    gtk_widget_add_css_class (GTK_WIDGET (self->content), "young");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->content), "young");

  if (run != NULL && (scene = replay (self, run)) != NULL)
    {
      self->attempt_id = run->id;
      if (self->path->len > 0)
        {
          Step *last = &g_array_index (self->path, Step, self->path->len - 1);

          chosen = choice_text (last->scene, last->choice);
        }
    }
  else
    {
      /* Nothing to resume, or choices that no longer fit: a fresh run
       * replaces the open one at the first choice. */
      g_array_set_size (self->path, 0);
      scene = kns_scenario_get_start (kns_lesson_get_scenario (lesson));
    }

  show_scene (self, scene, chosen, FALSE);
  if (kns_scene_is_ending (scene))
    finish (self);
  return TRUE;
}

/* Forgets the scenario, so that the next child never sees it. */
void
kns_scenario_view_clear (KnsScenarioView *self)
{
  g_return_if_fail (KNS_IS_SCENARIO_VIEW (self));

  prune_pages (self, TRUE);
  g_ptr_array_set_size (self->choices, 0);
  g_array_set_size (self->path, 0);
  clear_path (self);
  kns_block_view_set_blocks (self->debrief, NULL);
  kns_ui_reveal (self->end_revealer, FALSE);
  gtk_label_set_text (self->step_label, "");
  kns_read_aloud_button_set_text (self->read_aloud_button, NULL);
  g_clear_object (&self->store);
  g_clear_object (&self->lesson);
  self->scene = NULL;
  self->attempt_id = 0;
}

/* The id of the scene on screen, or %NULL. */
const char *
kns_scenario_view_get_scene_id (KnsScenarioView *self)
{
  g_return_val_if_fail (KNS_IS_SCENARIO_VIEW (self), NULL);
  return self->scene != NULL ? self->scene->id : NULL;
}

gint64
kns_scenario_view_get_attempt_id (KnsScenarioView *self)
{
  g_return_val_if_fail (KNS_IS_SCENARIO_VIEW (self), 0);
  return self->attempt_id;
}

/* How many choices the run on screen holds. */
guint
kns_scenario_view_get_n_steps (KnsScenarioView *self)
{
  g_return_val_if_fail (KNS_IS_SCENARIO_VIEW (self), 0);
  return self->path->len;
}

/**
 * kns_scenario_view_get_choice:
 *
 * Returns: (transfer none) (nullable): the button of choice @index of
 *   the scene on screen
 */
GtkWidget *
kns_scenario_view_get_choice (KnsScenarioView *self,
                              guint            index)
{
  g_return_val_if_fail (KNS_IS_SCENARIO_VIEW (self), NULL);

  return index < self->choices->len ? g_ptr_array_index (self->choices, index) : NULL;
}

/**
 * kns_scenario_view_set_speech:
 * @speech: (nullable): the voice for the "Read aloud" button
 */
void
kns_scenario_view_set_speech (KnsScenarioView *self,
                              KnsSpeech       *speech)
{
  g_return_if_fail (KNS_IS_SCENARIO_VIEW (self));
  kns_read_aloud_button_set_speech (self->read_aloud_button, speech);
}
