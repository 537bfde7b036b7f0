/* sp-project-codebook.c
 *
 * Actors (with aliases and affiliations) and issues (with keywords). The rules that SQLite
 * cannot state — aliases unique across names and aliases of all actors, no affiliation
 * cycles — are checked here, before writing, so the user reads a sentence rather than a
 * constraint name.
 */
#define G_LOG_DOMAIN "sp-project-codebook"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-actor-private.h"
#include "sp-issue-private.h"
#include "sp-project-private.h"

/* Affiliation chains deeper than this are treated as broken (a hand-edited file). */
#define MAX_AFFILIATION_DEPTH 64

static gint64
lookup_int64 (GHashTable *table,
              gint64      key)
{
  gint64 *value = g_hash_table_lookup (table, &key);

  return value ? *value : 0;
}

static void
insert_int64 (GHashTable *table,
              gint64      key,
              gint64      value)
{
  g_hash_table_insert (table, g_memdup2 (&key, sizeof key), g_memdup2 (&value, sizeof value));
}

/* Trims, drops empty entries and case-insensitive repeats, keeps the first spelling. */
static GStrv
clean_list (const char * const *items)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      g_autofree char *item = g_strstrip (g_strdup (items[i]));
      g_autofree char *folded = NULL;

      if (item[0] == '\0')
        continue;

      folded = g_utf8_casefold (item, -1);
      if (g_hash_table_contains (seen, folded))
        continue;

      g_hash_table_add (seen, g_steal_pointer (&folded));
      g_strv_builder_add (builder, item);
    }

  return g_strv_builder_end (builder);
}

static void
null_terminate_cb (gpointer key,
                   gpointer value,
                   gpointer user_data)
{
  g_ptr_array_add (value, NULL);
}

/* Loads "owner id -> NULL-terminated strings" for aliases or keywords. */
static GHashTable *
load_string_lists (SpProject   *self,
                   const char  *sql,
                   GError     **error)
{
  g_autoptr(GHashTable) lists = NULL;
  g_autoptr(SpStmt) stmt = NULL;
  int rc;

  stmt = _sp_project_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;

  lists = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                 (GDestroyNotify)g_ptr_array_unref);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 owner = sqlite3_column_int64 (stmt, 0);
      GPtrArray *list = g_hash_table_lookup (lists, &owner);

      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (lists, g_memdup2 (&owner, sizeof owner), list);
        }
      g_ptr_array_add (list, g_strdup (_sp_project_column_text (stmt, 1)));
    }

  if (rc != SQLITE_DONE)
    {
      _sp_project_set_error (self, error, rc, _("Could not read the codebook"));
      return NULL;
    }

  g_hash_table_foreach (lists, null_terminate_cb, NULL);

  return g_steal_pointer (&lists);
}

static const char * const *
list_strings (GHashTable *lists,
              gint64      owner)
{
  GPtrArray *list = g_hash_table_lookup (lists, &owner);

  if (list == NULL)
    return NULL;

  /* load_string_lists() NULL-terminated every list */
  return (const char * const *)list->pdata;
}

/* Actors */

static GHashTable *
load_affiliations (SpProject  *self,
                   GError    **error)
{
  g_autoptr(GHashTable) parents = NULL;
  g_autoptr(SpStmt) stmt = NULL;
  int rc;

  stmt = _sp_project_prepare (self, "SELECT id, affiliation_id FROM actors", error);
  if (stmt == NULL)
    return NULL;

  parents = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    insert_int64 (parents, sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1));

  if (rc != SQLITE_DONE)
    {
      _sp_project_set_error (self, error, rc, _("Could not read the actors"));
      return NULL;
    }

  return g_steal_pointer (&parents);
}

static gint64
top_of (GHashTable *parents,
        gint64      id)
{
  for (guint depth = 0; depth < MAX_AFFILIATION_DEPTH; depth++)
    {
      gint64 parent = lookup_int64 (parents, id);

      if (parent == 0)
        break;
      id = parent;
    }

  return id;
}

/**
 * sp_project_dup_actor_groups:
 *
 * Maps every actor to its group: its top-most affiliation, or itself when it has none.
 *
 * Returns: (transfer full) (element-type gint64 gint64): actor id -> group id
 */
GHashTable *
sp_project_dup_actor_groups (SpProject  *self,
                             GError    **error)
{
  g_autoptr(GHashTable) parents = NULL;
  g_autoptr(GHashTable) groups = NULL;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);

  if (!(parents = load_affiliations (self, error)))
    return NULL;

  groups = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_hash_table_iter_init (&iter, parents);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    insert_int64 (groups, *(gint64 *)key, top_of (parents, *(gint64 *)key));

  return g_steal_pointer (&groups);
}

/* Returns: (transfer full): actor id -> name, for every actor */
GHashTable *
_sp_project_load_actor_names (SpProject  *self,
                              GError    **error)
{
  g_autoptr(GHashTable) names = NULL;
  g_autoptr(SpStmt) stmt = NULL;
  int rc;

  if (!(stmt = _sp_project_prepare (self, "SELECT id, name FROM actors", error)))
    return NULL;

  names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_hash_table_insert (names, g_memdup2 (&id, sizeof id),
                           g_strdup (_sp_project_column_text (stmt, 1)));
    }

  if (rc != SQLITE_DONE)
    {
      _sp_project_set_error (self, error, rc, _("Could not read the actors"));
      return NULL;
    }

  return g_steal_pointer (&names);
}

static GListModel *
query_actors (SpProject  *self,
              gint64      only_id,
              GError    **error)
{
  g_autoptr(GHashTable) aliases = NULL;
  g_autoptr(GHashTable) parents = NULL;
  g_autoptr(GHashTable) names = NULL;
  g_autoptr(GListStore) store = NULL;
  g_autoptr(SpStmt) stmt = NULL;
  int rc;

  /* Affiliations and groups may name any actor, not only the ones listed */
  if (!(aliases = load_string_lists (self,
                                     "SELECT actor_id, alias FROM actor_aliases "
                                     "ORDER BY actor_id, alias COLLATE NOCASE",
                                     error)) ||
      !(parents = load_affiliations (self, error)) ||
      !(names = _sp_project_load_actor_names (self, error)))
    return NULL;

  stmt = _sp_project_prepare (self,
                              "SELECT a.id, a.name, a.kind, a.affiliation_id, "
                              "  (SELECT count(*) FROM claims c WHERE c.actor_id = a.id) "
                              "FROM actors a WHERE ?1 = 0 OR a.id = ?1 "
                              "ORDER BY a.name COLLATE NOCASE, a.id",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, only_id);
  store = g_list_store_new (SP_TYPE_ACTOR);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 affiliation = sqlite3_column_int64 (stmt, 3);
      gint64 group = top_of (parents, id);
      SpActorKind kind = SP_ACTOR_KIND_PERSON;
      g_autoptr(SpActor) actor = NULL;

      sp_actor_kind_from_string (_sp_project_column_text (stmt, 2), &kind);
      actor = _sp_actor_new (id, _sp_project_column_text (stmt, 1), kind,
                             affiliation,
                             affiliation ? g_hash_table_lookup (names, &affiliation) : NULL,
                             group, g_hash_table_lookup (names, &group),
                             list_strings (aliases, id),
                             sqlite3_column_int (stmt, 4));
      g_list_store_append (store, actor);
    }

  if (rc != SQLITE_DONE)
    {
      _sp_project_set_error (self, error, rc, _("Could not list the actors"));
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&store));
}

/**
 * sp_project_list_actors:
 *
 * Returns: (transfer full): a #GListModel of #SpActor sorted by name
 */
GListModel *
sp_project_list_actors (SpProject  *self,
                        GError    **error)
{
  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);

  return query_actors (self, 0, error);
}

/**
 * sp_project_get_actor:
 *
 * Returns: (transfer full): the actor, or %NULL with %SP_PROJECT_ERROR_NOT_FOUND
 */
SpActor *
sp_project_get_actor (SpProject  *self,
                      gint64      id,
                      GError    **error)
{
  g_autoptr(GListModel) one = NULL;

  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);

  if (!(one = query_actors (self, id, error)))
    return NULL;

  if (g_list_model_get_n_items (one) == 0)
    {
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_NOT_FOUND,
                   _("There is no actor %lld"), (long long) id);
      return NULL;
    }

  return g_list_model_get_item (one, 0);
}

/* Finds who holds @text as a name or an alias (case-insensitively), other than @except_id. */
static gboolean
find_name_holder (SpProject   *self,
                  const char  *text,
                  gint64       except_id,
                  gint64      *holder_id,
                  gboolean    *is_alias,
                  GError     **error)
{
  g_autoptr(SpStmt) stmt = NULL;
  int rc;

  stmt = _sp_project_prepare (self,
                              "SELECT id, 0 FROM actors WHERE name = ?1 COLLATE NOCASE AND id <> ?2 "
                              "UNION ALL "
                              "SELECT actor_id, 1 FROM actor_aliases "
                              "WHERE alias = ?1 COLLATE NOCASE AND actor_id <> ?2 "
                              "LIMIT 1",
                              error);
  if (stmt == NULL)
    return FALSE;

  _sp_project_bind_text (stmt, 1, text);
  sqlite3_bind_int64 (stmt, 2, except_id);

  *holder_id = 0;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *holder_id = sqlite3_column_int64 (stmt, 0);
      *is_alias = sqlite3_column_int (stmt, 1) != 0;
    }
  else if (rc != SQLITE_DONE)
    {
      _sp_project_set_error (self, error, rc, _("Could not read the actors"));
      return FALSE;
    }

  return TRUE;
}

static char *
dup_actor_name (SpProject *self,
                gint64     id)
{
  g_autoptr(SpStmt) stmt = _sp_project_prepare (self, "SELECT name FROM actors WHERE id = ?1", NULL);

  if (stmt == NULL)
    return g_strdup ("?");

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return g_strdup ("?");

  return g_strdup (_sp_project_column_text (stmt, 0));
}

/**
 * sp_project_find_actor:
 * @name_or_alias: an actor's name or one of its aliases, in any case
 */
gboolean
sp_project_find_actor (SpProject   *self,
                       const char  *name_or_alias,
                       gint64      *id,
                       GError     **error)
{
  g_autofree char *text = NULL;
  gboolean is_alias;

  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (name_or_alias != NULL, FALSE);

  text = g_strstrip (g_strdup (name_or_alias));
  if (!find_name_holder (self, text, 0, id, &is_alias, error))
    return FALSE;

  if (*id == 0)
    {
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_NOT_FOUND,
                   _("There is no actor named %s (by name or alias)"), text);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_actor (SpProject           *self,
             gint64               id,
             const char          *name,
             SpActorKind          kind,
             gint64               affiliation_id,
             const char * const  *aliases,
             GError             **error)
{
  gint64 holder;
  gboolean is_alias;

  if (name[0] == '\0')
    {
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID,
                   _("An actor needs a name"));
      return FALSE;
    }

  if ((guint)kind > SP_ACTOR_KIND_GROUP)
    {
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID,
                   _("%s: unknown kind of actor"), name);
      return FALSE;
    }

  if (!find_name_holder (self, name, id, &holder, &is_alias, error))
    return FALSE;

  if (holder != 0)
    {
      g_autofree char *holder_name = dup_actor_name (self, holder);

      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_CONFLICT,
                   is_alias ? _("%s is already an alias of %s")
                            : _("There is already an actor named %s"),
                   name, holder_name);
      return FALSE;
    }

  for (guint i = 0; aliases[i] != NULL; i++)
    {
      if (!find_name_holder (self, aliases[i], id, &holder, &is_alias, error))
        return FALSE;

      if (holder != 0)
        {
          g_autofree char *holder_name = dup_actor_name (self, holder);

          g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_CONFLICT,
                       is_alias ? _("The alias %s of %s already belongs to %s")
                                : _("The alias %s of %s is the name of another actor, %s"),
                       aliases[i], name, holder_name);
          return FALSE;
        }
    }

  if (affiliation_id != 0)
    {
      g_autoptr(GHashTable) parents = load_affiliations (self, error);
      gint64 up = affiliation_id;

      if (parents == NULL)
        return FALSE;

      if (!g_hash_table_contains (parents, &affiliation_id))
        {
          g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_NOT_FOUND,
                       _("%s: the affiliation is not an actor of this project"), name);
          return FALSE;
        }

      for (guint depth = 0; up != 0 && depth < MAX_AFFILIATION_DEPTH; depth++)
        {
          if (up == id)
            {
              g_autofree char *parent_name = dup_actor_name (self, affiliation_id);

              g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID,
                           _("%s cannot be affiliated with %s, which is part of %s itself"),
                           name, parent_name, name);
              return FALSE;
            }
          up = lookup_int64 (parents, up);
        }
    }

  return TRUE;
}

/* Makes the actor's alias rows exactly @aliases: removed ones first, so that a change of
 * case does not collide with the old spelling. */
static gboolean
write_aliases (SpProject           *self,
               gint64               actor_id,
               const char * const  *aliases,
               GError             **error)
{
  g_autoptr(SpStmt) select = NULL;
  g_autoptr(SpStmt) delete = NULL;
  g_autoptr(SpStmt) insert = NULL;
  g_autoptr(GHashTable) existing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int rc;

  if (!(select = _sp_project_prepare (self, "SELECT id, alias FROM actor_aliases WHERE actor_id = ?1", error)) ||
      !(delete = _sp_project_prepare (self, "DELETE FROM actor_aliases WHERE id = ?1", error)) ||
      !(insert = _sp_project_prepare (self, "INSERT INTO actor_aliases (actor_id, alias) VALUES (?1, ?2)", error)))
    return FALSE;

  sqlite3_bind_int64 (select, 1, actor_id);
  while ((rc = sqlite3_step (select)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (select, 0);
      const char *alias = _sp_project_column_text (select, 1);

      if (g_strv_contains (aliases, alias))
        {
          g_hash_table_add (existing, g_strdup (alias));
          continue;
        }

      if (!_sp_project_touch (self, SP_TABLE_ACTOR_ALIASES, id, error))
        return FALSE;
      sqlite3_reset (delete);
      sqlite3_bind_int64 (delete, 1, id);
      if (!_sp_project_step_done (self, delete, error))
        return FALSE;
    }

  if (rc != SQLITE_DONE)
    {
      _sp_project_set_error (self, error, rc, _("Could not read the aliases"));
      return FALSE;
    }

  for (guint i = 0; aliases[i] != NULL; i++)
    {
      if (g_hash_table_contains (existing, aliases[i]))
        continue;

      sqlite3_reset (insert);
      sqlite3_bind_int64 (insert, 1, actor_id);
      _sp_project_bind_text (insert, 2, aliases[i]);
      if (!_sp_project_step_done (self, insert, error) ||
          !_sp_project_touch_inserted (self, SP_TABLE_ACTOR_ALIASES,
                                       sqlite3_last_insert_rowid (self->db), error))
        return FALSE;
    }

  return TRUE;
}

/* Drops aliases that merely repeat the actor's own name. */
static GStrv
clean_aliases (const char          *name,
               const char * const  *aliases)
{
  g_auto(GStrv) cleaned = clean_list (aliases);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *folded_name = g_utf8_casefold (name, -1);

  for (guint i = 0; cleaned[i] != NULL; i++)
    {
      g_autofree char *folded = g_utf8_casefold (cleaned[i], -1);

      if (!g_str_equal (folded, folded_name))
        g_strv_builder_add (builder, cleaned[i]);
    }

  return g_strv_builder_end (builder);
}

static gboolean
write_actor (SpProject           *self,
             gint64              *id,
             const char          *raw_name,
             SpActorKind          kind,
             gint64               affiliation_id,
             const char * const  *raw_aliases,
             GError             **error)
{
  g_autofree char *name = g_strstrip (g_strdup (raw_name ? raw_name : ""));
  g_auto(GStrv) aliases = clean_aliases (name, raw_aliases);
  g_autofree char *now = _sp_project_now ();
  g_autoptr(SpStmt) stmt = NULL;

  if (!check_actor (self, *id, name, kind, affiliation_id, (const char * const *)aliases, error))
    return FALSE;

  if (*id == 0)
    stmt = _sp_project_prepare (self,
                                "INSERT INTO actors (name, kind, affiliation_id, created, updated) "
                                "VALUES (?1, ?2, ?3, ?4, ?4)",
                                error);
  else if (_sp_project_touch (self, SP_TABLE_ACTORS, *id, error))
    stmt = _sp_project_prepare (self,
                                "UPDATE actors SET name = ?1, kind = ?2, affiliation_id = ?3, "
                                "updated = ?4 WHERE id = ?5",
                                error);
  if (stmt == NULL)
    return FALSE;

  _sp_project_bind_text (stmt, 1, name);
  _sp_project_bind_text (stmt, 2, sp_actor_kind_to_string (kind));
  if (affiliation_id != 0)
    sqlite3_bind_int64 (stmt, 3, affiliation_id);
  else
    sqlite3_bind_null (stmt, 3);
  _sp_project_bind_text (stmt, 4, now);
  if (*id != 0)
    sqlite3_bind_int64 (stmt, 5, *id);

  if (!_sp_project_step_done (self, stmt, error))
    return FALSE;

  if (*id == 0)
    {
      *id = sqlite3_last_insert_rowid (self->db);
      if (!_sp_project_touch_inserted (self, SP_TABLE_ACTORS, *id, error))
        return FALSE;
    }
  else if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_NOT_FOUND,
                   _("There is no actor %lld"), (long long) *id);
      return FALSE;
    }

  if (!write_aliases (self, *id, (const char * const *)aliases, error))
    return FALSE;

  /* Claims show actor and group names, so they change with the actor too. */
  _sp_project_mark_changed (self, SP_CHANGE_ACTORS | SP_CHANGE_CLAIMS);

  return TRUE;
}

/**
 * sp_project_add_actor:
 * @affiliation_id: the parent actor, or 0
 * @aliases: (nullable): other names the actor goes by; unique across all actors
 *
 * Returns: the new actor's id, or 0 on error
 */
gint64
sp_project_add_actor (SpProject           *self,
                      const char          *name,
                      SpActorKind          kind,
                      gint64               affiliation_id,
                      const char * const  *aliases,
                      GError             **error)
{
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (SP_IS_PROJECT (self), 0);

  if (!sp_project_begin_action (self, _("Add Actor"), error))
    return 0;

  ok = write_actor (self, &id, name, kind, affiliation_id, aliases, error);

  if (!sp_project_end_action (self, ok, ok ? error : NULL))
    return 0;

  return id;
}

gboolean
sp_project_update_actor (SpProject           *self,
                         gint64               id,
                         const char          *name,
                         SpActorKind          kind,
                         gint64               affiliation_id,
                         const char * const  *aliases,
                         GError             **error)
{
  gboolean ok;

  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (id > 0, FALSE);

  if (!sp_project_begin_action (self, _("Edit Actor"), error))
    return FALSE;

  ok = write_actor (self, &id, name, kind, affiliation_id, aliases, error);

  return sp_project_end_action (self, ok, ok ? error : NULL);
}

static gboolean
delete_actor_rows (SpProject  *self,
                   gint64      id,
                   GError    **error)
{
  g_autoptr(SpStmt) children = NULL;
  g_autoptr(SpStmt) detach = NULL;
  g_autoptr(SpStmt) delete = NULL;
  g_autoptr(GArray) child_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (!_sp_project_delete_rows (self, SP_TABLE_CLAIMS,
                                "SELECT id FROM claims WHERE actor_id = ?1", id, error) ||
      !_sp_project_delete_rows (self, SP_TABLE_SUGGESTIONS,
                                "SELECT id FROM suggestions WHERE actor_id = ?1", id, error) ||
      !_sp_project_delete_rows (self, SP_TABLE_ACTOR_ALIASES,
                                "SELECT id FROM actor_aliases WHERE actor_id = ?1", id, error))
    return FALSE;

  if (!(children = _sp_project_prepare (self, "SELECT id FROM actors WHERE affiliation_id = ?1", error)) ||
      !(detach = _sp_project_prepare (self, "UPDATE actors SET affiliation_id = NULL WHERE id = ?1", error)) ||
      !(delete = _sp_project_prepare (self, "DELETE FROM actors WHERE id = ?1", error)))
    return FALSE;

  sqlite3_bind_int64 (children, 1, id);
  while ((rc = sqlite3_step (children)) == SQLITE_ROW)
    {
      gint64 child = sqlite3_column_int64 (children, 0);
      g_array_append_val (child_ids, child);
    }

  if (rc != SQLITE_DONE)
    {
      _sp_project_set_error (self, error, rc, _("Could not read the actors"));
      return FALSE;
    }

  for (guint i = 0; i < child_ids->len; i++)
    {
      gint64 child = g_array_index (child_ids, gint64, i);

      if (!_sp_project_touch (self, SP_TABLE_ACTORS, child, error))
        return FALSE;
      sqlite3_reset (detach);
      sqlite3_bind_int64 (detach, 1, child);
      if (!_sp_project_step_done (self, detach, error))
        return FALSE;
    }

  if (!_sp_project_touch (self, SP_TABLE_ACTORS, id, error))
    return FALSE;

  sqlite3_bind_int64 (delete, 1, id);
  if (!_sp_project_step_done (self, delete, error))
    return FALSE;

  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_NOT_FOUND,
                   _("There is no actor %lld"), (long long) id);
      return FALSE;
    }

  _sp_project_mark_changed (self, SP_CHANGE_ACTORS | SP_CHANGE_CLAIMS);

  return TRUE;
}

/**
 * sp_project_delete_actor:
 *
 * Deletes the actor with its aliases and its claims; actors affiliated with it lose that
 * affiliation. Ask the user first when sp_actor_get_claim_count() is not 0. One undo step
 * restores all of it.
 */
gboolean
sp_project_delete_actor (SpProject  *self,
                         gint64      id,
                         GError    **error)
{
  gboolean ok;

  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);

  if (!sp_project_begin_action (self, _("Delete Actor"), error))
    return FALSE;

  ok = delete_actor_rows (self, id, error);

  return sp_project_end_action (self, ok, ok ? error : NULL);
}

/* Issues */

static GListModel *
query_issues (SpProject  *self,
              gint64      only_id,
              GError    **error)
{
  g_autoptr(GHashTable) keywords = NULL;
  g_autoptr(GListStore) store = NULL;
  g_autoptr(SpStmt) stmt = NULL;
  int rc;

  keywords = load_string_lists (self,
                                "SELECT issue_id, keyword FROM issue_keywords ORDER BY issue_id, id",
                                error);
  if (keywords == NULL)
    return NULL;

  stmt = _sp_project_prepare (self,
                              "SELECT i.id, i.key, i.label, i.proposition, "
                              "  (SELECT count(*) FROM claims c WHERE c.issue_id = i.id) "
                              "FROM issues i WHERE ?1 = 0 OR i.id = ?1 ORDER BY i.id",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, only_id);
  store = g_list_store_new (SP_TYPE_ISSUE);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_autoptr(SpIssue) issue = NULL;

      issue = _sp_issue_new (id,
                             _sp_project_column_text (stmt, 1),
                             _sp_project_column_text (stmt, 2),
                             _sp_project_column_text (stmt, 3),
                             list_strings (keywords, id),
                             sqlite3_column_int (stmt, 4));
      g_list_store_append (store, issue);
    }

  if (rc != SQLITE_DONE)
    {
      _sp_project_set_error (self, error, rc, _("Could not list the issues"));
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&store));
}

/**
 * sp_project_list_issues:
 *
 * Returns: (transfer full): a #GListModel of #SpIssue in codebook order (the matrix's
 *   column order)
 */
GListModel *
sp_project_list_issues (SpProject  *self,
                        GError    **error)
{
  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);

  return query_issues (self, 0, error);
}

/**
 * sp_project_get_issue:
 *
 * Returns: (transfer full): the issue, or %NULL with %SP_PROJECT_ERROR_NOT_FOUND
 */
SpIssue *
sp_project_get_issue (SpProject  *self,
                      gint64      id,
                      GError    **error)
{
  g_autoptr(GListModel) one = NULL;

  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);

  if (!(one = query_issues (self, id, error)))
    return NULL;

  if (id <= 0 || g_list_model_get_n_items (one) == 0)
    {
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_NOT_FOUND,
                   _("There is no issue %lld"), (long long) id);
      return NULL;
    }

  return g_list_model_get_item (one, 0);
}

gboolean
sp_project_find_issue (SpProject   *self,
                       const char  *key,
                       gint64      *id,
                       GError     **error)
{
  g_autoptr(SpStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  stmt = _sp_project_prepare (self, "SELECT id FROM issues WHERE key = ?1", error);
  if (stmt == NULL)
    return FALSE;

  _sp_project_bind_text (stmt, 1, key);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *id = sqlite3_column_int64 (stmt, 0);
      return TRUE;
    }

  if (rc == SQLITE_DONE)
    g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_NOT_FOUND,
                 _("There is no issue with the key %s"), key);
  else
    _sp_project_set_error (self, error, rc, _("Could not read the issues"));

  return FALSE;
}

static gboolean
write_keywords (SpProject           *self,
                gint64               issue_id,
                const char * const  *keywords,
                GError             **error)
{
  g_autoptr(SpStmt) insert = NULL;

  if (!_sp_project_delete_rows (self, SP_TABLE_ISSUE_KEYWORDS,
                                "SELECT id FROM issue_keywords WHERE issue_id = ?1", issue_id, error))
    return FALSE;

  insert = _sp_project_prepare (self,
                                "INSERT INTO issue_keywords (issue_id, keyword) VALUES (?1, ?2)",
                                error);
  if (insert == NULL)
    return FALSE;

  for (guint i = 0; keywords[i] != NULL; i++)
    {
      sqlite3_reset (insert);
      sqlite3_bind_int64 (insert, 1, issue_id);
      _sp_project_bind_text (insert, 2, keywords[i]);
      if (!_sp_project_step_done (self, insert, error) ||
          !_sp_project_touch_inserted (self, SP_TABLE_ISSUE_KEYWORDS,
                                       sqlite3_last_insert_rowid (self->db), error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_issue (SpProject           *self,
             gint64              *id,
             const char          *raw_key,
             const char          *raw_label,
             const char          *raw_proposition,
             const char * const  *raw_keywords,
             GError             **error)
{
  g_autofree char *key = g_strstrip (g_strdup (raw_key ? raw_key : ""));
  g_autofree char *label = g_strstrip (g_strdup (raw_label ? raw_label : ""));
  g_autofree char *proposition = g_strstrip (g_strdup (raw_proposition ? raw_proposition : ""));
  g_auto(GStrv) keywords = clean_list (raw_keywords);
  g_autofree char *now = _sp_project_now ();
  g_autoptr(SpStmt) stmt = NULL;
  gint64 holder = 0;

  if (!sp_issue_key_is_valid (key))
    {
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID,
                   _("The issue key “%s” may only use letters, digits, “_”, “-” and “.”"), key);
      return FALSE;
    }

  if (label[0] == '\0')
    {
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID,
                   _("The issue %s needs a label"), key);
      return FALSE;
    }

  if (sp_project_find_issue (self, key, &holder, NULL) && holder != *id)
    {
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_CONFLICT,
                   _("There is already an issue with the key %s"), key);
      return FALSE;
    }

  if (*id == 0)
    stmt = _sp_project_prepare (self,
                                "INSERT INTO issues (key, label, proposition, created, updated) "
                                "VALUES (?1, ?2, ?3, ?4, ?4)",
                                error);
  else if (_sp_project_touch (self, SP_TABLE_ISSUES, *id, error))
    stmt = _sp_project_prepare (self,
                                "UPDATE issues SET key = ?1, label = ?2, proposition = ?3, "
                                "updated = ?4 WHERE id = ?5",
                                error);
  if (stmt == NULL)
    return FALSE;

  _sp_project_bind_text (stmt, 1, key);
  _sp_project_bind_text (stmt, 2, label);
  _sp_project_bind_text (stmt, 3, proposition);
  _sp_project_bind_text (stmt, 4, now);
  if (*id != 0)
    sqlite3_bind_int64 (stmt, 5, *id);

  if (!_sp_project_step_done (self, stmt, error))
    return FALSE;

  if (*id == 0)
    {
      *id = sqlite3_last_insert_rowid (self->db);
      if (!_sp_project_touch_inserted (self, SP_TABLE_ISSUES, *id, error))
        return FALSE;
    }
  else if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_NOT_FOUND,
                   _("There is no issue %lld"), (long long) *id);
      return FALSE;
    }

  if (!write_keywords (self, *id, (const char * const *)keywords, error))
    return FALSE;

  _sp_project_mark_changed (self, SP_CHANGE_ISSUES | SP_CHANGE_CLAIMS);

  return TRUE;
}

/**
 * sp_project_add_issue:
 * @key: the stable identifier (letters, digits, `_`, `-`, `.`): the matrix CSV's column name
 * @keywords: (nullable): phrases that signal the issue in a text
 *
 * Returns: the new issue's id, or 0 on error
 */
gint64
sp_project_add_issue (SpProject           *self,
                      const char          *key,
                      const char          *label,
                      const char          *proposition,
                      const char * const  *keywords,
                      GError             **error)
{
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (SP_IS_PROJECT (self), 0);

  if (!sp_project_begin_action (self, _("Add Issue"), error))
    return 0;

  ok = write_issue (self, &id, key, label, proposition, keywords, error);

  if (!sp_project_end_action (self, ok, ok ? error : NULL))
    return 0;

  return id;
}

gboolean
sp_project_update_issue (SpProject           *self,
                         gint64               id,
                         const char          *key,
                         const char          *label,
                         const char          *proposition,
                         const char * const  *keywords,
                         GError             **error)
{
  gboolean ok;

  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (id > 0, FALSE);

  if (!sp_project_begin_action (self, _("Edit Issue"), error))
    return FALSE;

  ok = write_issue (self, &id, key, label, proposition, keywords, error);

  return sp_project_end_action (self, ok, ok ? error : NULL);
}

static gboolean
delete_issue_rows (SpProject  *self,
                   gint64      id,
                   GError    **error)
{
  g_autoptr(SpStmt) delete = NULL;

  if (!_sp_project_delete_rows (self, SP_TABLE_CLAIMS,
                                "SELECT id FROM claims WHERE issue_id = ?1", id, error) ||
      !_sp_project_delete_rows (self, SP_TABLE_SUGGESTIONS,
                                "SELECT id FROM suggestions WHERE issue_id = ?1", id, error) ||
      !_sp_project_delete_rows (self, SP_TABLE_ISSUE_KEYWORDS,
                                "SELECT id FROM issue_keywords WHERE issue_id = ?1", id, error) ||
      !_sp_project_touch (self, SP_TABLE_ISSUES, id, error) ||
      !(delete = _sp_project_prepare (self, "DELETE FROM issues WHERE id = ?1", error)))
    return FALSE;

  sqlite3_bind_int64 (delete, 1, id);
  if (!_sp_project_step_done (self, delete, error))
    return FALSE;

  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_NOT_FOUND,
                   _("There is no issue %lld"), (long long) id);
      return FALSE;
    }

  _sp_project_mark_changed (self, SP_CHANGE_ISSUES | SP_CHANGE_CLAIMS);

  return TRUE;
}

/**
 * sp_project_delete_issue:
 *
 * Deletes the issue with its keywords and claims. Ask the user first when
 * sp_issue_get_claim_count() is not 0. One undo step restores all of it.
 */
gboolean
sp_project_delete_issue (SpProject  *self,
                         gint64      id,
                         GError    **error)
{
  gboolean ok;

  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);

  if (!sp_project_begin_action (self, _("Delete Issue"), error))
    return FALSE;

  ok = delete_issue_rows (self, id, error);

  return sp_project_end_action (self, ok, ok ? error : NULL);
}
