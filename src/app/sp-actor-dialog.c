#define G_LOG_DOMAIN "sp-actor-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-actor-dialog.h"

struct _SpActorDialog
{
  SpFormDialog  parent_instance;

  SpProject    *project;
  gint64        actor_id;      /* 0 when adding */
  gint64        saved_id;      /* the actor added or edited, once saved */
  GArray       *affiliations;  /* actor id per row of affiliation_row; 0 for "None" */

  AdwEntryRow  *name_row;
  AdwComboRow  *kind_row;
  AdwComboRow  *affiliation_row;
  AdwEntryRow  *aliases_row;
};

G_DEFINE_FINAL_TYPE (SpActorDialog, sp_actor_dialog, SP_TYPE_FORM_DIALOG)

static const SpActorKind kinds[] = {
  SP_ACTOR_KIND_PERSON,
  SP_ACTOR_KIND_ORGANISATION,
  SP_ACTOR_KIND_STATE,
  SP_ACTOR_KIND_GROUP,
};

static gboolean
sp_actor_dialog_save (SpFormDialog  *dialog,
                      GError       **error)
{
  SpActorDialog *self = SP_ACTOR_DIALOG (dialog);
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  SpActorKind kind = kinds[adw_combo_row_get_selected (self->kind_row)];
  guint affiliation_pos = adw_combo_row_get_selected (self->affiliation_row);
  gint64 affiliation = 0;
  g_auto(GStrv) aliases = sp_split_list (gtk_editable_get_text (GTK_EDITABLE (self->aliases_row)));

  if (affiliation_pos < self->affiliations->len)
    affiliation = g_array_index (self->affiliations, gint64, affiliation_pos);

  if (self->actor_id == 0)
    {
      self->saved_id = sp_project_add_actor (self->project, name, kind, affiliation,
                                             (const char * const *)aliases, error);
      return self->saved_id != 0;
    }

  if (!sp_project_update_actor (self->project, self->actor_id, name, kind, affiliation,
                                (const char * const *)aliases, error))
    return FALSE;
  self->saved_id = self->actor_id;
  return TRUE;
}

static void
name_changed_cb (SpActorDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));

  sp_form_dialog_set_can_save (SP_FORM_DIALOG (self), name[0] != '\0');
}

static void
sp_actor_dialog_dispose (GObject *object)
{
  SpActorDialog *self = (SpActorDialog *)object;

  g_clear_object (&self->project);
  g_clear_pointer (&self->affiliations, g_array_unref);

  G_OBJECT_CLASS (sp_actor_dialog_parent_class)->dispose (object);
}

static void
sp_actor_dialog_class_init (SpActorDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SpFormDialogClass *dialog_class = SP_FORM_DIALOG_CLASS (klass);

  object_class->dispose = sp_actor_dialog_dispose;
  dialog_class->save = sp_actor_dialog_save;
}

static void
sp_actor_dialog_init (SpActorDialog *self)
{
  const char * const kind_names[] = {
    sp_actor_kind_to_label (kinds[0]),
    sp_actor_kind_to_label (kinds[1]),
    sp_actor_kind_to_label (kinds[2]),
    sp_actor_kind_to_label (kinds[3]),
    NULL
  };
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *aliases_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  self->affiliations = g_array_new (FALSE, FALSE, sizeof (gint64));

  self->name_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->name_row), _("Name"));
  g_signal_connect_object (self->name_row, "changed", G_CALLBACK (name_changed_cb), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (group, GTK_WIDGET (self->name_row));

  self->kind_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->kind_row), _("Kind"));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (gtk_string_list_new (kind_names)));
  adw_preferences_group_add (group, GTK_WIDGET (self->kind_row));

  self->affiliation_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->affiliation_row), _("Affiliation"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->affiliation_row),
                               _("The actor it belongs to; the matrix can group actors by their top-most affiliation"));
  adw_preferences_group_add (group, GTK_WIDGET (self->affiliation_row));

  adw_preferences_group_set_title (aliases_group, _("Aliases"));
  adw_preferences_group_set_description (aliases_group,
                                         _("Other names the actor goes by, separated by commas. An alias belongs to one actor only."));
  self->aliases_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->aliases_row), _("Aliases"));
  adw_preferences_group_add (aliases_group, GTK_WIDGET (self->aliases_row));

  sp_form_dialog_add_group (SP_FORM_DIALOG (self), group);
  sp_form_dialog_add_group (SP_FORM_DIALOG (self), aliases_group);
}

/* Every actor except @self_id and those affiliated (directly or not) with it: choosing one of
 * them would make a cycle, which the store refuses anyway. */
static void
fill_affiliations (SpActorDialog *self,
                   gint64         current_affiliation)
{
  g_autoptr(GListModel) actors = sp_project_list_actors (self->project, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GHashTable) excluded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gint64 none = 0;
  guint selected = 0;
  gboolean grew = TRUE;
  guint n = actors ? g_list_model_get_n_items (actors) : 0;

  gtk_string_list_append (names, C_("affiliation", "None"));
  g_array_append_val (self->affiliations, none);

  if (self->actor_id != 0)
    g_hash_table_add (excluded, g_memdup2 (&self->actor_id, sizeof (gint64)));

  while (grew)
    {
      grew = FALSE;
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(SpActor) actor = g_list_model_get_item (actors, i);
          gint64 id = sp_actor_get_id (actor);
          gint64 parent = sp_actor_get_affiliation_id (actor);

          if (parent != 0 && g_hash_table_contains (excluded, &parent) && !g_hash_table_contains (excluded, &id))
            {
              g_hash_table_add (excluded, g_memdup2 (&id, sizeof id));
              grew = TRUE;
            }
        }
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SpActor) actor = g_list_model_get_item (actors, i);
      gint64 id = sp_actor_get_id (actor);

      if (g_hash_table_contains (excluded, &id))
        continue;

      if (id == current_affiliation)
        selected = self->affiliations->len;
      gtk_string_list_append (names, sp_actor_get_name (actor));
      g_array_append_val (self->affiliations, id);
    }

  adw_combo_row_set_model (self->affiliation_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->affiliation_row, selected);
}

/**
 * sp_actor_dialog_new:
 * @actor: (nullable): the actor to edit, or %NULL to add one
 */
SpActorDialog *
sp_actor_dialog_new (GtkWindow *parent,
                     SpProject *project,
                     SpActor   *actor)
{
  SpActorDialog *self;

  g_return_val_if_fail (SP_IS_PROJECT (project), NULL);

  self = g_object_new (SP_TYPE_ACTOR_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->project = g_object_ref (project);
  self->actor_id = actor ? sp_actor_get_id (actor) : 0;

  sp_form_dialog_set_heading (SP_FORM_DIALOG (self), actor ? _("Edit Actor") : _("New Actor"));
  fill_affiliations (self, actor ? sp_actor_get_affiliation_id (actor) : 0);

  if (actor != NULL)
    {
      g_autofree char *aliases = sp_join_list (sp_actor_get_aliases (actor));

      gtk_editable_set_text (GTK_EDITABLE (self->name_row), sp_actor_get_name (actor));
      adw_combo_row_set_selected (self->kind_row, sp_actor_get_kind (actor));
      gtk_editable_set_text (GTK_EDITABLE (self->aliases_row), aliases);
    }

  name_changed_cb (self);

  return self;
}

/**
 * sp_actor_dialog_prefill:
 * @name: the name to start from, as an article wrote it
 * @affiliation_id: the affiliation to preselect, or 0 for none
 *
 * Fills a new actor's fields with what is known of it (from actor discovery), for the
 * analyst to check before saving.
 */
void
sp_actor_dialog_prefill (SpActorDialog *self,
                         const char    *name,
                         SpActorKind    kind,
                         gint64         affiliation_id)
{
  g_return_if_fail (SP_IS_ACTOR_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name ? name : "");
  adw_combo_row_set_selected (self->kind_row, kind);
  for (guint i = 0; i < self->affiliations->len; i++)
    if (g_array_index (self->affiliations, gint64, i) == affiliation_id)
      adw_combo_row_set_selected (self->affiliation_row, i);
}

/* Returns: the actor the dialog added or edited, or 0 before it saved */
gint64
sp_actor_dialog_get_saved_id (SpActorDialog *self)
{
  g_return_val_if_fail (SP_IS_ACTOR_DIALOG (self), 0);
  return self->saved_id;
}
