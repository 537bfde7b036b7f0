/* sp-review-view-speakers.c
 *
 * Actor discovery: the people a suggestion pass saw speaking who are not in the codebook,
 * with what it saw of them (a title, an affiliation, how many statements). Add opens the
 * actor dialog filled in with them, for the analyst to check; once the actor is saved the
 * speaker leaves the list. Dismiss drops a speaker who is not worth an actor.
 */
#define G_LOG_DOMAIN "sp-review-view"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-actor-dialog.h"
#include "sp-review-view-private.h"
#include "sp-toast.h"

static char *
describe_speaker (const SpDiscoveredSpeaker *speaker)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (speaker->title != NULL && speaker->title[0] != '\0')
    g_string_append (text, speaker->title);
  if (speaker->affiliation != NULL && speaker->affiliation[0] != '\0')
    {
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, speaker->affiliation);
    }
  if (text->len > 0)
    g_string_append_c (text, '\n');
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u statement", "%u statements",
                                             speaker->n_mentions),
                          speaker->n_mentions);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
speaker_button (const char *label,
                const char *icon_name,
                const char *action,
                gint64      id,
                const char *accessible)
{
  GtkWidget *button = label ? gtk_button_new_with_mnemonic (label) : gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (id));
  gtk_widget_set_tooltip_text (button, accessible);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  if (label == NULL)
    gtk_widget_add_css_class (button, "flat");

  return button;
}

/* Names come from articles: the row shows them as plain text */
static GtkWidget *
create_speaker_row (const SpDiscoveredSpeaker *speaker,
                    gboolean                   editable)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = describe_speaker (speaker);
  /* TRANSLATORS: a button's accessible name, e.g. "Add Kaja Kallas as an actor" */
  g_autofree char *add_label = g_strdup_printf (_("Add %s as an actor"), speaker->name);
  /* TRANSLATORS: a button's accessible name, e.g. "Dismiss Kaja Kallas" */
  g_autofree char *dismiss_label = g_strdup_printf (_("Dismiss %s"), speaker->name);
  GtkWidget *add = speaker_button (_("_Add…"), NULL, "review.add-speaker", speaker->id, add_label);
  GtkWidget *dismiss = speaker_button (NULL, "window-close-symbolic", "review.dismiss-speaker", speaker->id, dismiss_label);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), speaker->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  gtk_widget_set_sensitive (add, editable);
  gtk_widget_set_sensitive (dismiss, editable);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), add);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), dismiss);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  g_object_set_data_full (G_OBJECT (row), "sp-speaker-id", g_memdup2 (&speaker->id, sizeof speaker->id), g_free);

  return row;
}

void
_sp_review_view_load_speakers (SpReviewView *self)
{
  g_autoptr(GPtrArray) speakers = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  GtkWidget *child;

  if (self->project != NULL && !(speakers = sp_project_list_speakers (self->project, FALSE, &error)))
    sp_toast_show_error (GTK_WIDGET (self), error->message);

  child = gtk_widget_get_first_child (GTK_WIDGET (self->speaker_list));
  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (GTK_IS_LIST_BOX_ROW (child) && g_object_get_data (G_OBJECT (child), "sp-speaker-id"))
        gtk_list_box_remove (self->speaker_list, child);
      child = next;
    }

  self->n_speakers = speakers ? speakers->len : 0;
  for (guint i = 0; i < self->n_speakers; i++)
    gtk_list_box_append (self->speaker_list, create_speaker_row (g_ptr_array_index (speakers, i), self->editable));

  if (self->n_speakers == 0)
    title = g_strdup (_("New Speakers"));
  else
    /* TRANSLATORS: a tab's title with a count, e.g. "New Speakers (3)" */
    title = g_strdup_printf (_("New Speakers (%u)"), self->n_speakers);
  gtk_stack_page_set_title (self->speakers_page, title);
}

static SpDiscoveredSpeaker *
find_speaker (SpReviewView *self,
              gint64        id,
              GPtrArray   **speakers)
{
  if (!(*speakers = sp_project_list_speakers (self->project, FALSE, NULL)))
    return NULL;

  for (guint i = 0; i < (*speakers)->len; i++)
    {
      SpDiscoveredSpeaker *speaker = g_ptr_array_index (*speakers, i);

      if (speaker->id == id)
        return speaker;
    }

  return NULL;
}

/* The codebook actor whose name or an alias is what the article gave as the affiliation */
static gint64
find_affiliation (SpReviewView *self,
                  const char   *written)
{
  g_autoptr(GListModel) actors = NULL;
  g_autofree char *folded = NULL;

  if (written == NULL || written[0] == '\0' || !(actors = sp_project_list_actors (self->project, NULL)))
    return 0;

  folded = g_utf8_casefold (written, -1);
  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(SpActor) actor = g_list_model_get_item (actors, i);
      g_autofree char *name = g_utf8_casefold (sp_actor_get_name (actor), -1);
      const char * const *aliases = sp_actor_get_aliases (actor);

      if (g_str_equal (name, folded))
        return sp_actor_get_id (actor);
      for (guint k = 0; aliases && aliases[k]; k++)
        {
          g_autofree char *alias = g_utf8_casefold (aliases[k], -1);

          if (g_str_equal (alias, folded))
            return sp_actor_get_id (actor);
        }
    }

  return 0;
}

static void
dismiss (SpReviewView *self,
         gint64        id)
{
  g_autoptr(GError) error = NULL;

  if (!sp_project_dismiss_speaker (self->project, id, TRUE, &error))
    sp_toast_show_error (GTK_WIDGET (self), error->message);
}

/* The actor was saved: the speaker is in the codebook now */
static gboolean
actor_dialog_close_cb (SpReviewView  *self,
                       SpActorDialog *dialog)
{
  gint64 speaker_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "sp-speaker-id"));

  if (sp_actor_dialog_get_saved_id (dialog) != 0 && self->project != NULL)
    dismiss (self, speaker_id);

  return FALSE;
}

static void
add_speaker_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  SpReviewView *self = SP_REVIEW_VIEW (widget);
  g_autoptr(GPtrArray) speakers = NULL;
  SpDiscoveredSpeaker *speaker;
  SpActorDialog *dialog;
  gint64 id = g_variant_get_int64 (param);

  if (!self->editable || self->project == NULL || !(speaker = find_speaker (self, id, &speakers)))
    return;

  dialog = sp_actor_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->project, NULL);
  sp_actor_dialog_prefill (dialog, speaker->name, SP_ACTOR_KIND_PERSON,
                           find_affiliation (self, speaker->affiliation));
  g_object_set_data (G_OBJECT (dialog), "sp-speaker-id", GSIZE_TO_POINTER ((gsize)id));
  g_signal_connect_object (dialog, "close-request", G_CALLBACK (actor_dialog_close_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
dismiss_speaker_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  SpReviewView *self = SP_REVIEW_VIEW (widget);

  if (!self->editable || self->project == NULL)
    return;

  dismiss (self, g_variant_get_int64 (param));
}

void
_sp_review_view_class_init_speakers (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "review.add-speaker", "x", add_speaker_action);
  gtk_widget_class_install_action (widget_class, "review.dismiss-speaker", "x", dismiss_speaker_action);
}

/* Shows the list of speakers in place of the suggestions */
void
sp_review_view_show_speakers (SpReviewView *self)
{
  g_return_if_fail (SP_IS_REVIEW_VIEW (self));

  gtk_stack_set_visible_child_name (self->sidebar_stack, "speakers");
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, TRUE);
}

guint
sp_review_view_get_n_speakers (SpReviewView *self)
{
  g_return_val_if_fail (SP_IS_REVIEW_VIEW (self), 0);
  return self->n_speakers;
}
