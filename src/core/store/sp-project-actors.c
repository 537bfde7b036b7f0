/* sp-project-actors.c
 *
 * Actors, with their aliases and affiliations. Every name and alias is stored in its normal
 * form and has a row in actor_keys holding its fold key (sp-name.h); the UNIQUE index on
 * that key keeps names and aliases of all actors apart under the one rule for names. The
 * rules are also checked here, before writing, so that the user reads a sentence naming
 * the actor that holds a name rather than a constraint name; so are the ones SQLite cannot
 * state, such as no affiliation cycles.
 */
#define G_LOG_DOMAIN "sp-project-actors"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-actor-private.h"
#include "sp-name.h"
#include "sp-project-private.h"

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

/* Affiliations and groups */

/* Reads every actor's affiliation (0 for none) and, when @names is not NULL, its name, in
 * one pass. */
static GHashTable *
load_affiliations (SpProject   *self,
                   GHashTable **names,
                   GError     **error)
{
  g_autoptr(GHashTable) parents = NULL;
  g_autoptr(GHashTable) loaded_names = NULL;
  g_autoptr(SpStmt) stmt = NULL;
  int rc;

  if (!(stmt = _sp_project_prepare (self, "SELECT id, affiliation_id, name FROM actors", error)))
    return NULL;

  parents = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  if (names != NULL)
    loaded_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  while ((rc = _sp_project_step_row (self, stmt, _("Could not read the actors"), error)) > 0)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      insert_int64 (parents, id, sqlite3_column_int64 (stmt, 1));
      if (loaded_names != NULL)
        g_hash_table_insert (loaded_names, g_memdup2 (&id, sizeof id),
                             g_strdup (_sp_project_column_text (stmt, 2)));
    }

  if (rc < 0)
    return NULL;

  if (names != NULL)
    *names = g_steal_pointer (&loaded_names);

  return g_steal_pointer (&parents);
}

/* Finds the group (top-most affiliation) of @id and of every actor on the way up, in time
 * linear in the chain: the walk stops at an actor whose group is known. An affiliation that
 * leads nowhere or back into the chain (a hand-edited file) ends the chain there. */
static gint64
resolve_group (GHashTable *parents,
               GHashTable *groups,
               gint64      id)
{
  g_autoptr(GArray) chain = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) on_chain = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gint64 group = id;

  for (gint64 at = id; ; )
    {
      gint64 known = lookup_int64 (groups, at);
      gint64 parent;

      if (known != 0)
        {
          group = known;
          break;
        }

      g_array_append_val (chain, at);
      g_hash_table_add (on_chain, g_memdup2 (&at, sizeof at));

      parent = lookup_int64 (parents, at);
      group = at;
      if (parent == 0 || !g_hash_table_contains (parents, &parent) ||
          g_hash_table_contains (on_chain, &parent))
        break;
      at = parent;
    }

  for (guint i = 0; i < chain->len; i++)
    insert_int64 (groups, g_array_index (chain, gint64, i), group);

  return group;
}

static GHashTable *
groups_of (GHashTable *parents)
{
  GHashTable *groups = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, parents);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    resolve_group (parents, groups, *(gint64 *)key);

  return groups;
}

/*
 * _sp_project_load_actor_groups:
 * @names: (out) (optional) (transfer full): actor id -> name
 *
 * Returns: (transfer full): actor id -> group id, for every actor
 */
GHashTable *
_sp_project_load_actor_groups (SpProject   *self,
                               GHashTable **names,
                               GError     **error)
{
  g_autoptr(GHashTable) parents = NULL;

  if (!(parents = load_affiliations (self, names, error)))
    return NULL;

  return groups_of (parents);
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
  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);

  return _sp_project_load_actor_groups (self, NULL, error);
}

/*
 * _sp_project_actor_within:
 * @within: (out): whether @ancestor_id is @id or above it on its chain of affiliations
 *
 * One recursive query, whose UNION stops at a cycle a hand-edited file may hold.
 */
gboolean
_sp_project_actor_within (SpProject  *self,
                          gint64      id,
                          gint64      ancestor_id,
                          gboolean   *within,
                          GError    **error)
{
  g_autoptr(SpStmt) stmt = NULL;
  int rc;

  g_assert (SP_IS_PROJECT (self));

  stmt = _sp_project_prepare (self,
                              "WITH RECURSIVE chain (id) AS ("
                              "  VALUES (?1) "
                              "  UNION SELECT a.affiliation_id FROM actors a JOIN chain c ON a.id = c.id "
                              "  WHERE a.affiliation_id IS NOT NULL) "
                              "SELECT 1 FROM chain WHERE id = ?2",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, ancestor_id);
  if ((rc = _sp_project_step_row (self, stmt, _("Could not read the actors"), error)) < 0)
    return FALSE;

  *within = rc > 0;
  return TRUE;
}

/* Reading */

static GListModel *
query_actors (SpProject  *self,
              gint64      only_id,
              GError    **error)
{
  g_autoptr(GHashTable) aliases = NULL;
  g_autoptr(GHashTable) groups = NULL;
  g_autoptr(GHashTable) names = NULL;
  g_autoptr(GListStore) store = NULL;
  g_autoptr(SpStmt) stmt = NULL;
  int rc;

  /* Affiliations and groups may name any actor, not only the ones listed */
  if (!(aliases = _sp_project_load_string_lists (self,
                                                 "SELECT actor_id, alias FROM actor_aliases "
                                                 "ORDER BY actor_id, alias COLLATE NOCASE",
                                                 error)) ||
      !(groups = _sp_project_load_actor_groups (self, &names, error)))
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

  while ((rc = _sp_project_step_row (self, stmt, _("Could not list the actors"), error)) > 0)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 affiliation = sqlite3_column_int64 (stmt, 3);
      gint64 group = lookup_int64 (groups, id);
      SpActorKind kind = SP_ACTOR_KIND_PERSON;
      g_autoptr(SpActor) actor = NULL;

      sp_actor_kind_from_string (_sp_project_column_text (stmt, 2), &kind);
      actor = _sp_actor_new (id, _sp_project_column_text (stmt, 1), kind,
                             affiliation,
                             affiliation ? g_hash_table_lookup (names, &affiliation) : NULL,
                             group, g_hash_table_lookup (names, &group),
                             _sp_string_lists_lookup (aliases, id),
                             sqlite3_column_int (stmt, 4));
      g_list_store_append (store, actor);
    }

  if (rc < 0)
    return NULL;

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

  if (!(one = query_actors (self, MAX (id, 0), error)))
    return NULL;

  return _sp_project_only_item (one, SP_TABLE_ACTORS, id, error);
}

/* Who holds a fold key: which actor, as its name or as an alias, and how it is spelled. */
typedef struct
{
  gint64    actor_id;  /* 0 when nobody does */
  gboolean  is_alias;
  char     *actor_name;
  char     *spelling;
} NameHolder;

static void
name_holder_clear (NameHolder *holder)
{
  g_clear_pointer (&holder->actor_name, g_free);
  g_clear_pointer (&holder->spelling, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (NameHolder, name_holder_clear)

/* Finds who other than @except_id holds @key as a name or an alias. */
static gboolean
find_key_holder (SpProject   *self,
                 const char  *key,
                 gint64       except_id,
                 NameHolder  *holder,
                 GError     **error)
{
  g_autoptr(SpStmt) stmt = NULL;
  int rc;

  stmt = _sp_project_prepare (self,
                              "SELECT k.actor_id, k.alias_id IS NOT NULL, a.name, "
                              "  coalesce (al.alias, a.name) "
                              "FROM actor_keys k "
                              "JOIN actors a ON a.id = k.actor_id "
                              "LEFT JOIN actor_aliases al ON al.id = k.alias_id "
                              "WHERE k.key = ?1 AND k.actor_id <> ?2",
                              error);
  if (stmt == NULL)
    return FALSE;

  _sp_project_bind_text (stmt, 1, key);
  sqlite3_bind_int64 (stmt, 2, except_id);

  rc = _sp_project_step_row (self, stmt, _("Could not read the actors"), error);
  if (rc < 0)
    return FALSE;

  holder->actor_id = 0;
  if (rc > 0)
    {
      holder->actor_id = sqlite3_column_int64 (stmt, 0);
      holder->is_alias = sqlite3_column_int (stmt, 1) != 0;
      holder->actor_name = g_strdup (_sp_project_column_text (stmt, 2));
      holder->spelling = g_strdup (_sp_project_column_text (stmt, 3));
    }

  return TRUE;
}

/**
 * sp_project_find_actor:
 * @name_or_alias: an actor's name or one of its aliases, compared by the rule for names
 *   (sp_name_fold()): case, spacing and the encoding of accents do not count
 */
gboolean
sp_project_find_actor (SpProject   *self,
                       const char  *name_or_alias,
                       gint64      *id,
                       GError     **error)
{
  g_autofree char *key = NULL;
  g_auto(NameHolder) holder = { 0 };

  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (name_or_alias != NULL, FALSE);

  key = sp_name_fold (name_or_alias);
  if (key != NULL && !find_key_holder (self, key, 0, &holder, error))
    return FALSE;

  if (holder.actor_id == 0)
    {
      g_autofree char *shown = g_utf8_make_valid (name_or_alias, -1);

      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_NOT_FOUND,
                   _("There is no actor named %s (by name or alias)"), g_strstrip (shown));
      return FALSE;
    }

  *id = holder.actor_id;
  return TRUE;
}

/* Writing */

/* The sentence for a name or alias (@text, of the actor @owner) someone else holds. */
static void
set_name_conflict (GError           **error,
                   const char        *text,
                   const char        *owner,
                   const NameHolder  *holder)
{
  gboolean same = g_str_equal (text, holder->spelling);
  const char *h = holder->actor_name;
  const char *s = holder->spelling;

  if (owner == NULL && !holder->is_alias)
    {
      if (same)
        g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_CONFLICT,
                     _("There is already an actor named %s"), text);
      else
        g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_CONFLICT,
                     _("%s is the same name as the actor %s (case, spacing and the encoding of accents do not count)"),
                     text, s);
    }
  else if (owner == NULL)
    {
      if (same)
        g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_CONFLICT,
                     _("%s is already an alias of %s"), text, h);
      else
        g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_CONFLICT,
                     _("%s is the same name as %s, an alias of %s"), text, s, h);
    }
  else if (holder->is_alias)
    {
      if (same)
        g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_CONFLICT,
                     _("The alias %s of %s already belongs to %s"), text, owner, h);
      else
        g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_CONFLICT,
                     _("The alias %s of %s is the same as %s, an alias of %s"), text, owner, s, h);
    }
  else
    {
      if (same)
        g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_CONFLICT,
                     _("The alias %s of %s is the name of another actor, %s"), text, owner, h);
      else
        g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_CONFLICT,
                     _("The alias %s of %s is the same as the name of another actor, %s"),
                     text, owner, h);
    }
}

/* Refuses @text (a name, or an alias of @owner) when another actor than @id holds it. */
static gboolean
check_name_free (SpProject   *self,
                 gint64       id,
                 const char  *text,
                 const char  *owner,
                 GError     **error)
{
  g_autofree char *key = sp_name_fold (text);
  g_auto(NameHolder) holder = { 0 };

  if (!find_key_holder (self, key, id, &holder, error))
    return FALSE;

  if (holder.actor_id != 0)
    {
      set_name_conflict (error, text, owner, &holder);
      return FALSE;
    }

  return TRUE;
}

/* Refuses an affiliation that does not exist or would make @id part of itself. A new actor
 * cannot be above anyone yet, so only an edit walks the chain above the affiliation. */
static gboolean
check_affiliation (SpProject   *self,
                   gint64       id,
                   const char  *name,
                   gint64       affiliation_id,
                   GError     **error)
{
  g_autoptr(SpStmt) exists = NULL;
  g_autoptr(SpActor) parent = NULL;
  gboolean circle = FALSE;
  int rc;

  if (!(exists = _sp_project_prepare (self, "SELECT 1 FROM actors WHERE id = ?1", error)))
    return FALSE;

  sqlite3_bind_int64 (exists, 1, affiliation_id);
  if ((rc = _sp_project_step_row (self, exists, _("Could not read the actors"), error)) < 0)
    return FALSE;

  if (rc == 0)
    {
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_NOT_FOUND,
                   _("%s: the affiliation is not an actor of this project"), name);
      return FALSE;
    }

  if (id == 0)
    return TRUE;

  if (!_sp_project_actor_within (self, affiliation_id, id, &circle, error))
    return FALSE;
  if (!circle)
    return TRUE;

  if ((parent = sp_project_get_actor (self, affiliation_id, error)) == NULL)
    return FALSE;

  g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID,
               _("%s cannot be affiliated with %s, which is part of %s itself"),
               name, sp_actor_get_name (parent), name);
  return FALSE;
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

  if (!check_name_free (self, id, name, NULL, error))
    return FALSE;

  for (guint i = 0; aliases[i] != NULL; i++)
    if (!check_name_free (self, id, aliases[i], name, error))
      return FALSE;

  return affiliation_id == 0 || check_affiliation (self, id, name, affiliation_id, error);
}

/* Writes the key row of a name (@alias_id 0) or an alias: @key_id 0 inserts one. */
static gboolean
write_key (SpProject   *self,
           gint64       key_id,
           const char  *text,
           gint64       actor_id,
           gint64       alias_id,
           GError     **error)
{
  g_autofree char *key = sp_name_fold (text);
  g_autoptr(SpStmt) stmt = NULL;

  if (key_id == 0)
    stmt = _sp_project_prepare (self,
                                "INSERT INTO actor_keys (key, actor_id, alias_id) VALUES (?1, ?2, ?3)",
                                error);
  else if (_sp_project_touch (self, SP_TABLE_ACTOR_KEYS, key_id, error))
    stmt = _sp_project_prepare (self,
                                "UPDATE actor_keys SET key = ?1, actor_id = ?2, alias_id = ?3 "
                                "WHERE id = ?4",
                                error);
  if (stmt == NULL)
    return FALSE;

  _sp_project_bind_text (stmt, 1, key);
  sqlite3_bind_int64 (stmt, 2, actor_id);
  if (alias_id != 0)
    sqlite3_bind_int64 (stmt, 3, alias_id);
  else
    sqlite3_bind_null (stmt, 3);
  if (key_id != 0)
    sqlite3_bind_int64 (stmt, 4, key_id);

  return _sp_project_step_done (self, stmt, error) &&
         _sp_project_row_written (self, SP_TABLE_ACTOR_KEYS, &key_id, error);
}

/*
 * _sp_project_find_name_key:
 * @key_id: (out): the row of actor_keys that holds the key of @actor_id's name, or 0 when
 *   there is none (an actor being added)
 */
gboolean
_sp_project_find_name_key (SpProject  *self,
                           gint64      actor_id,
                           gint64     *key_id,
                           GError    **error)
{
  g_autoptr(SpStmt) stmt = NULL;
  int rc;

  g_assert (SP_IS_PROJECT (self));

  stmt = _sp_project_prepare (self,
                              "SELECT id FROM actor_keys WHERE actor_id = ?1 AND alias_id IS NULL",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, actor_id);
  if ((rc = _sp_project_step_row (self, stmt, _("Could not read the actors"), error)) < 0)
    return FALSE;

  *key_id = rc > 0 ? sqlite3_column_int64 (stmt, 0) : 0;
  return TRUE;
}

/*
 * _sp_project_insert_alias:
 * @alias_id: (out): the new row's id
 *
 * Inserts an alias row of @actor_id, recorded for undo; its key row is the caller's to write.
 */
gboolean
_sp_project_insert_alias (SpProject   *self,
                          gint64       actor_id,
                          const char  *alias,
                          gint64      *alias_id,
                          GError     **error)
{
  g_autoptr(SpStmt) insert = NULL;

  g_assert (SP_IS_PROJECT (self));

  if (!(insert = _sp_project_prepare (self, "INSERT INTO actor_aliases (actor_id, alias) VALUES (?1, ?2)", error)))
    return FALSE;

  sqlite3_bind_int64 (insert, 1, actor_id);
  _sp_project_bind_text (insert, 2, alias);
  *alias_id = 0;

  return _sp_project_step_done (self, insert, error) &&
         _sp_project_row_written (self, SP_TABLE_ACTOR_ALIASES, alias_id, error);
}

static gboolean
write_name_key (SpProject   *self,
                gint64       actor_id,
                const char  *name,
                GError     **error)
{
  gint64 key_id;

  return _sp_project_find_name_key (self, actor_id, &key_id, error) &&
         write_key (self, key_id, name, actor_id, 0, error);
}

/* Deletes the actor's aliases that are not in @aliases (spelled exactly so), with their key
 * rows, before the name changes: the new name may be one of them. Returns in @kept the ones
 * that stay. */
static gboolean
delete_dropped_aliases (SpProject           *self,
                        gint64               actor_id,
                        const char * const  *aliases,
                        GHashTable          *kept,
                        GError             **error)
{
  g_autoptr(SpStmt) select = NULL;
  g_autoptr(GArray) dropped = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (!(select = _sp_project_prepare (self, "SELECT id, alias FROM actor_aliases WHERE actor_id = ?1", error)))
    return FALSE;

  sqlite3_bind_int64 (select, 1, actor_id);
  while ((rc = _sp_project_step_row (self, select, _("Could not read the aliases"), error)) > 0)
    {
      gint64 id = sqlite3_column_int64 (select, 0);
      const char *alias = _sp_project_column_text (select, 1);

      if (g_strv_contains (aliases, alias))
        g_hash_table_add (kept, g_strdup (alias));
      else
        g_array_append_val (dropped, id);
    }

  if (rc < 0)
    return FALSE;

  for (guint i = 0; i < dropped->len; i++)
    {
      gint64 id = g_array_index (dropped, gint64, i);

      if (!_sp_project_delete_rows (self, SP_TABLE_ACTOR_KEYS,
                                    "SELECT id FROM actor_keys WHERE alias_id = ?1", id, error) ||
          !_sp_project_delete_row (self, SP_TABLE_ACTOR_ALIASES, id, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
insert_new_aliases (SpProject           *self,
                    gint64               actor_id,
                    const char * const  *aliases,
                    GHashTable          *kept,
                    GError             **error)
{
  for (guint i = 0; aliases[i] != NULL; i++)
    {
      gint64 alias_id;

      if (g_hash_table_contains (kept, aliases[i]))
        continue;

      if (!_sp_project_insert_alias (self, actor_id, aliases[i], &alias_id, error) ||
          !write_key (self, 0, aliases[i], actor_id, alias_id, error))
        return FALSE;
    }

  return TRUE;
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
  g_autofree char *name = sp_name_normalize (raw_name ? raw_name : "");
  g_auto(GStrv) aliases = NULL;
  g_autofree char *now = _sp_project_now ();
  g_autoptr(GHashTable) kept = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(SpStmt) stmt = NULL;

  if (name == NULL)
    {
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID,
                   _("The name of an actor is not valid UTF-8 text"));
      return FALSE;
    }

  aliases = _sp_string_list_clean (raw_aliases, name);
  if (!check_actor (self, *id, name, kind, affiliation_id, (const char * const *)aliases, error))
    return FALSE;

  /* Aliases go before the name changes and come after, so that a name and an alias can
   * trade places in one edit without two rows holding one key in between. */
  if (*id != 0 &&
      !delete_dropped_aliases (self, *id, (const char * const *)aliases, kept, error))
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

  if (!_sp_project_step_done (self, stmt, error) ||
      !_sp_project_row_written (self, SP_TABLE_ACTORS, id, error) ||
      !write_name_key (self, *id, name, error) ||
      !insert_new_aliases (self, *id, (const char * const *)aliases, kept, error))
    return FALSE;

  /* Claims show actor and group names, so they change with the actor too. */
  _sp_project_mark_changed (self, SP_CHANGE_ACTORS | SP_CHANGE_CLAIMS | SP_CHANGE_SUGGESTIONS);

  return TRUE;
}

/**
 * sp_project_add_actor:
 * @name: stored in its normal form (sp_name_normalize())
 * @affiliation_id: the parent actor, or 0
 * @aliases: (nullable): other names the actor goes by; no two names or aliases of any actors
 *   may be the same under sp_name_fold()
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

  return sp_project_end_action (self, ok, error) ? id : 0;
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

  return sp_project_end_action (self, ok, error);
}

static gboolean
delete_actor_rows (SpProject  *self,
                   gint64      id,
                   GError    **error)
{
  if (!_sp_project_delete_rows (self, SP_TABLE_CLAIMS,
                                "SELECT id FROM claims WHERE actor_id = ?1", id, error) ||
      !_sp_project_delete_rows (self, SP_TABLE_SUGGESTIONS,
                                "SELECT id FROM suggestions WHERE actor_id = ?1", id, error) ||
      !_sp_project_delete_rows (self, SP_TABLE_ACTOR_KEYS,
                                "SELECT id FROM actor_keys WHERE actor_id = ?1", id, error) ||
      !_sp_project_delete_rows (self, SP_TABLE_ACTOR_ALIASES,
                                "SELECT id FROM actor_aliases WHERE actor_id = ?1", id, error) ||
      /* Actors affiliated with it lose that affiliation */
      !_sp_project_update_rows (self, SP_TABLE_ACTORS,
                                "SELECT id FROM actors WHERE affiliation_id = ?1",
                                "UPDATE actors SET affiliation_id = NULL WHERE id = ?1",
                                id, 0, error) ||
      !_sp_project_delete_row (self, SP_TABLE_ACTORS, id, error))
    return FALSE;

  _sp_project_mark_changed (self, SP_CHANGE_ACTORS | SP_CHANGE_CLAIMS | SP_CHANGE_SUGGESTIONS);

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

  return sp_project_end_action (self, ok, error);
}

/**
 * sp_project_count_actors:
 *
 * Returns: how many actors the codebook holds; 0 when the project could not be read
 */
guint
sp_project_count_actors (SpProject *self)
{
  g_return_val_if_fail (SP_IS_PROJECT (self), 0);

  return _sp_project_count (self, "SELECT count(*) FROM actors", _("Could not count the actors"));
}
