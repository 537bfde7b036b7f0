/* sp-project-merge.c
 *
 * Merging two actors that turn out to be one ("Kremlin" coded as an actor of its own beside
 * "Russia"): the claims and suggestions of the merged actor move to the kept one, its aliases
 * and its name become aliases of the kept one, and the actors affiliated with it are
 * affiliated with the kept one instead. Every row is touched for the undo journal before it
 * changes, so one undo step puts back every row exactly as it was. A name row in actor_keys
 * turns into an alias row in place, so the fold keys never collide in between.
 */
#define G_LOG_DOMAIN "sp-project-merge"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-project-private.h"

/* The merged actor's name becomes an alias of the kept one: a new alias row, and the name's
 * key row re-pointed to it. */
static gboolean
name_to_alias (SpProject   *self,
               gint64       merged_id,
               const char  *merged_name,
               gint64       keep_id,
               GError     **error)
{
  g_autoptr(SpStmt) update_key = NULL;
  gint64 alias_id;
  gint64 key_id;

  if (!_sp_project_insert_alias (self, keep_id, merged_name, &alias_id, error) ||
      !_sp_project_find_name_key (self, merged_id, &key_id, error))
    return FALSE;

  if (key_id == 0)
    {
      /* Every actor has a key row for its name: without one the file was edited by other means */
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_CORRUPT,
                   _("The name of %s has no entry in the index of names"), merged_name);
      return FALSE;
    }

  if (!_sp_project_touch (self, SP_TABLE_ACTOR_KEYS, key_id, error) ||
      !(update_key = _sp_project_prepare (self,
                                          "UPDATE actor_keys SET actor_id = ?2, alias_id = ?3 WHERE id = ?1",
                                          error)))
    return FALSE;

  sqlite3_bind_int64 (update_key, 1, key_id);
  sqlite3_bind_int64 (update_key, 2, keep_id);
  sqlite3_bind_int64 (update_key, 3, alias_id);

  return _sp_project_step_done (self, update_key, error);
}

/* The kept actor is updated now; it takes the merged actor's affiliation when it has none
 * of its own and that makes no circle. */
static gboolean
update_kept (SpProject  *self,
             SpActor    *keep,
             SpActor    *merged,
             GError    **error)
{
  gint64 keep_id = sp_actor_get_id (keep);
  gint64 affiliation = sp_actor_get_affiliation_id (keep);
  g_autofree char *now = _sp_project_now ();
  g_autoptr(SpStmt) stmt = NULL;

  if (affiliation == 0 && sp_actor_get_affiliation_id (merged) != keep_id)
    {
      gboolean circle = FALSE;

      affiliation = sp_actor_get_affiliation_id (merged);
      if (affiliation != 0 &&
          !_sp_project_actor_within (self, affiliation, keep_id, &circle, error))
        return FALSE;
      if (circle)
        affiliation = 0;
    }

  if (!_sp_project_touch (self, SP_TABLE_ACTORS, keep_id, error) ||
      !(stmt = _sp_project_prepare (self,
                                    "UPDATE actors SET affiliation_id = ?2, updated = ?3 WHERE id = ?1",
                                    error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, keep_id);
  if (affiliation != 0)
    sqlite3_bind_int64 (stmt, 2, affiliation);
  else
    sqlite3_bind_null (stmt, 2);
  _sp_project_bind_text (stmt, 3, now);

  return _sp_project_step_done (self, stmt, error);
}

static gboolean
merge_rows (SpProject  *self,
            gint64      keep_id,
            gint64      merged_id,
            GError    **error)
{
  g_autoptr(SpActor) keep = NULL;
  g_autoptr(SpActor) merged = NULL;
  gboolean circle = FALSE;

  if (keep_id == merged_id)
    {
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID,
                   _("An actor cannot be merged into itself"));
      return FALSE;
    }

  if (!(keep = sp_project_get_actor (self, keep_id, error)) ||
      !(merged = sp_project_get_actor (self, merged_id, error)))
    return FALSE;

  /* The merged actor's members become the kept one's: if the kept actor is one of them (or
   * below one), it would become part of itself */
  if (!_sp_project_actor_within (self, keep_id, merged_id, &circle, error))
    return FALSE;

  if (circle)
    {
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID,
                   _("%s cannot take in %s: %s is part of %s, so it would become part of itself"),
                   sp_actor_get_name (keep), sp_actor_get_name (merged),
                   sp_actor_get_name (keep), sp_actor_get_name (merged));
      return FALSE;
    }

  if (!_sp_project_update_rows (self, SP_TABLE_CLAIMS,
                                "SELECT id FROM claims WHERE actor_id = ?1 ORDER BY id",
                                "UPDATE claims SET actor_id = ?2 WHERE id = ?1",
                                merged_id, keep_id, error) ||
      !_sp_project_update_rows (self, SP_TABLE_SUGGESTIONS,
                                "SELECT id FROM suggestions WHERE actor_id = ?1 ORDER BY id",
                                "UPDATE suggestions SET actor_id = ?2 WHERE id = ?1",
                                merged_id, keep_id, error) ||
      !_sp_project_update_rows (self, SP_TABLE_ACTOR_ALIASES,
                                "SELECT id FROM actor_aliases WHERE actor_id = ?1 ORDER BY id",
                                "UPDATE actor_aliases SET actor_id = ?2 WHERE id = ?1",
                                merged_id, keep_id, error) ||
      !_sp_project_update_rows (self, SP_TABLE_ACTOR_KEYS,
                                "SELECT id FROM actor_keys WHERE actor_id = ?1 AND alias_id IS NOT NULL ORDER BY id",
                                "UPDATE actor_keys SET actor_id = ?2 WHERE id = ?1",
                                merged_id, keep_id, error) ||
      !name_to_alias (self, merged_id, sp_actor_get_name (merged), keep_id, error) ||
      !_sp_project_update_rows (self, SP_TABLE_ACTORS,
                                "SELECT id FROM actors WHERE affiliation_id = ?1 ORDER BY id",
                                "UPDATE actors SET affiliation_id = ?2 WHERE id = ?1",
                                merged_id, keep_id, error) ||
      !update_kept (self, keep, merged, error) ||
      !_sp_project_delete_row (self, SP_TABLE_ACTORS, merged_id, error))
    return FALSE;

  _sp_project_mark_changed (self, SP_CHANGE_ACTORS | SP_CHANGE_CLAIMS | SP_CHANGE_SUGGESTIONS);

  return TRUE;
}

/**
 * sp_project_merge_actors:
 * @keep_id: the actor that stays
 * @merged_id: the actor that goes into it
 *
 * Moves the claims and suggestions of @merged_id to @keep_id, makes its aliases and its name
 * aliases of @keep_id, affiliates its members with @keep_id and deletes it. @keep_id keeps
 * its name, kind and affiliation; when it has no affiliation it takes the merged actor's,
 * unless that would make a circle. Refused when @keep_id is part of @merged_id (directly or
 * further down), since it would become part of itself. One undo step restores all of it.
 */
gboolean
sp_project_merge_actors (SpProject  *self,
                         gint64      keep_id,
                         gint64      merged_id,
                         GError    **error)
{
  gboolean ok;

  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);

  if (!sp_project_begin_action (self, _("Merge Actors"), error))
    return FALSE;

  ok = merge_rows (self, keep_id, merged_id, error);

  return sp_project_end_action (self, ok, error);
}
