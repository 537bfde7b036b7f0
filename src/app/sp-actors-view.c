#define G_LOG_DOMAIN "sp-actors-view"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-actor-dialog.h"
#include "sp-actor-profile.h"
#include "sp-actors-view.h"

struct _SpActorsView
{
  SpCodebookView  parent_instance;

  SpActorProfile *profile;
};

G_DEFINE_FINAL_TYPE (SpActorsView, sp_actors_view, SP_TYPE_CODEBOOK_VIEW)

static GListModel *
sp_actors_view_list (SpCodebookView  *view,
                     SpProject       *project,
                     GError         **error)
{
  return sp_project_list_actors (project, error);
}

static GtkWindow *
sp_actors_view_create_editor (SpCodebookView *view,
                              SpProject      *project,
                              gpointer        item)
{
  return GTK_WINDOW (sp_actor_dialog_new (NULL, project, item));
}

static gboolean
sp_actors_view_delete_item (SpCodebookView  *view,
                            SpProject       *project,
                            gpointer         item,
                            GError         **error)
{
  return sp_project_delete_actor (project, sp_actor_get_id (item), error);
}

static char *
sp_actors_view_dup_name (gpointer item)
{
  return g_strdup (sp_actor_get_name (item));
}

static guint
sp_actors_view_get_claim_count (gpointer item)
{
  return sp_actor_get_claim_count (item);
}

static char *
sp_actors_view_dup_search_text (gpointer item)
{
  return sp_actor_dup_search_text (item);
}

static gint64
sp_actors_view_get_id (gpointer item)
{
  return sp_actor_get_id (item);
}

/**
 * sp_actors_view_show_actor:
 *
 * Shows the profile of the actor @id (win.show-actor).
 *
 * Returns: %FALSE with @error set when the project has no such actor
 */
gboolean
sp_actors_view_show_actor (SpActorsView  *self,
                           gint64         id,
                           GError       **error)
{
  SpProject *project = sp_codebook_view_get_project (SP_CODEBOOK_VIEW (self));
  g_autoptr(SpActor) actor = NULL;

  g_return_val_if_fail (SP_IS_ACTORS_VIEW (self), FALSE);

  if (project == NULL || !(actor = sp_project_get_actor (project, id, error)))
    return FALSE;

  sp_codebook_view_open_profile (SP_CODEBOOK_VIEW (self), actor);
  return TRUE;
}

/* Returns: (transfer none): the actor's page */
SpActorProfile *
sp_actors_view_get_profile (SpActorsView *self)
{
  g_return_val_if_fail (SP_IS_ACTORS_VIEW (self), NULL);
  return self->profile;
}

static void
sp_actors_view_class_init (SpActorsViewClass *klass)
{
  SpCodebookViewClass *view_class = SP_CODEBOOK_VIEW_CLASS (klass);

  view_class->list = sp_actors_view_list;
  view_class->create_editor = sp_actors_view_create_editor;
  view_class->delete_item = sp_actors_view_delete_item;
  view_class->dup_name = sp_actors_view_dup_name;
  view_class->get_claim_count = sp_actors_view_get_claim_count;
  view_class->dup_search_text = sp_actors_view_dup_search_text;
  view_class->get_id = sp_actors_view_get_id;
}

static void
sp_actors_view_init (SpActorsView *self)
{
  SpCodebookView *view = SP_CODEBOOK_VIEW (self);

  sp_codebook_view_add_column (view, _("Name"), SP_TYPE_ACTOR, "name", TRUE);
  sp_codebook_view_add_column (view, _("Kind"), SP_TYPE_ACTOR, "kind-label", FALSE);
  sp_codebook_view_add_column (view, _("Affiliation"), SP_TYPE_ACTOR, "affiliation-name", TRUE);
  sp_codebook_view_add_column (view, _("Group"), SP_TYPE_ACTOR, "group-name", TRUE);
  sp_codebook_view_add_column (view, _("Aliases"), SP_TYPE_ACTOR, "aliases-text", TRUE);
  sp_codebook_view_add_column (view, _("Claims"), SP_TYPE_ACTOR, "claim-count", FALSE);

  sp_codebook_view_set_empty_state (view, "system-users-symbolic",
                                    _("No Actors Yet"),
                                    _("Add the people, organisations, states and groups whose positions you follow, or import a codebook"),
                                    _("_Add Actor…"));

  self->profile = SP_ACTOR_PROFILE (sp_actor_profile_new ());
  sp_codebook_view_set_profile_page (view, GTK_WIDGET (self->profile));
}
