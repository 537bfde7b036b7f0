/* sp-project-schema-check.c
 *
 * What opening checks in a file's schema and rows before trusting them. A crafted project
 * can carry a trigger that deletes claims behind every insert, a view or table that shadows
 * ours, or a table of ours redefined with other constraints; SQLITE_DBCONFIG_TRUSTED_SCHEMA
 * off limits what such objects may call, but not what they do with our own tables. So a
 * file's schema must be exactly the one our migrations create for its version: the same
 * objects (FTS5's shadow tables included) with the same definitions. SQLite's statistics
 * tables (ANALYZE) are the one exception: they only guide the query planner.
 *
 * Dangling references (a claim whose actor is gone, possible in a file written with foreign
 * keys off) are not refused: the rows are kept and reported as open notes.
 */
#define G_LOG_DOMAIN "sp-project-schema"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-project-private.h"

/* How many row ids a note about dangling references lists before it stops counting them. */
#define MAX_IDS_SHOWN 10

typedef struct
{
  char *type;
  char *name;
  char *tbl_name;
  char *sql;
} SchemaObject;

static void
schema_object_free (gpointer data)
{
  SchemaObject *object = data;

  g_free (object->type);
  g_free (object->name);
  g_free (object->tbl_name);
  g_free (object->sql);
  g_free (object);
}

/* Returns: (transfer full): the objects of @db's main schema in the order SQLite lists them */
static GPtrArray *
load_schema (sqlite3     *db,
             const char  *path,
             GError     **error)
{
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func (schema_object_free);
  g_autoptr(SpStmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "SELECT type, name, tbl_name, sql FROM main.sqlite_schema ORDER BY rowid",
                           -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *text[4];
      SchemaObject *object;

      for (int i = 0; i < 4; i++)
        {
          int type = sqlite3_column_type (stmt, i);

          text[i] = (const char *)sqlite3_column_text (stmt, i);
          if (text[i] == NULL && type != SQLITE_NULL)
            rc = SQLITE_NOMEM;
        }

      /* type and name are never NULL in SQLite's own table; a file claiming otherwise is
       * damaged */
      if (rc == SQLITE_ROW && (text[0] == NULL || text[1] == NULL))
        rc = SQLITE_CORRUPT;
      if (rc != SQLITE_ROW)
        break;

      object = g_new0 (SchemaObject, 1);
      object->type = g_strdup (text[0]);
      object->name = g_strdup (text[1]);
      object->tbl_name = g_strdup (text[2]);
      object->sql = g_strdup (text[3]);
      g_ptr_array_add (objects, object);
      rc = SQLITE_OK;
    }

  if (rc != SQLITE_DONE)
    {
      g_autofree char *context = g_strdup_printf (_("Could not read the schema of %s"), path);

      _sp_sqlite_set_error (db, error, rc == SQLITE_OK ? sqlite3_extended_errcode (db) : rc, context);
      return NULL;
    }

  return g_steal_pointer (&objects);
}

/* Returns: (transfer full): the schema the migrations create for @version, by name */
static GHashTable *
expected_schema (int      version,
                 GError **error)
{
  g_autoptr(GHashTable) expected = NULL;
  g_autoptr(GPtrArray) objects = NULL;
  sqlite3 *db = NULL;
  int rc;

  rc = sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc == SQLITE_OK)
    sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);

  if (rc != SQLITE_OK)
    _sp_sqlite_set_error (db, error, rc, _("Could not build the schema to compare with"));
  else if (_sp_project_schema_migrate (db, 0, version, NULL, error))
    objects = load_schema (db, ":memory:", error);

  sqlite3_close_v2 (db);

  if (objects == NULL)
    return NULL;

  expected = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, schema_object_free);
  for (guint i = 0; i < objects->len; i++)
    {
      SchemaObject *object = objects->pdata[i];
      g_hash_table_insert (expected, object->name, object);
    }
  g_ptr_array_set_free_func (objects, NULL);

  return g_steal_pointer (&expected);
}

/* FTS5 writes the definitions of its shadow tables itself, and they may differ between
 * SQLite versions; their names and types are still checked. */
static gboolean
is_shadow_table (GHashTable   *expected,
                 SchemaObject *object)
{
  GHashTableIter iter;
  SchemaObject *other;

  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&other))
    {
      gsize length = strlen (other->name);

      if (other->sql != NULL && g_str_has_prefix (other->sql, "CREATE VIRTUAL TABLE") &&
          strncmp (object->name, other->name, length) == 0 && object->name[length] == '_')
        return TRUE;
    }

  return FALSE;
}

static void
set_unknown_object (GError       **error,
                    const char    *path,
                    SchemaObject  *object)
{
  if (g_str_equal (object->type, "trigger"))
    g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_UNEXPECTED_SCHEMA,
                 _("%s holds a trigger “%s” that Standpoint did not create, so it is not opened"),
                 path, object->name);
  else if (g_str_equal (object->type, "view"))
    g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_UNEXPECTED_SCHEMA,
                 _("%s holds a view “%s” that Standpoint did not create, so it is not opened"),
                 path, object->name);
  else if (g_str_equal (object->type, "table"))
    g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_UNEXPECTED_SCHEMA,
                 _("%s holds a table “%s” that Standpoint did not create, so it is not opened"),
                 path, object->name);
  else if (g_str_equal (object->type, "index"))
    g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_UNEXPECTED_SCHEMA,
                 _("%s holds an index “%s” that Standpoint did not create, so it is not opened"),
                 path, object->name);
  else
    g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_UNEXPECTED_SCHEMA,
                 _("%s holds “%s”, which Standpoint did not create, so it is not opened"),
                 path, object->name);
}

/*
 * _sp_project_schema_validate:
 * @version: the file's user_version, already known to be one we understand
 *
 * Refuses, with one line naming the object, a file whose schema is not exactly the one the
 * migrations create for @version. Reads only.
 */
gboolean
_sp_project_schema_validate (sqlite3     *db,
                             const char  *path,
                             int          version,
                             GError     **error)
{
  g_autoptr(GHashTable) expected = NULL;
  g_autoptr(GPtrArray) actual = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  SchemaObject *missing;

  if (!(expected = expected_schema (version, error)) ||
      !(actual = load_schema (db, path, error)))
    return FALSE;

  for (guint i = 0; i < actual->len; i++)
    {
      SchemaObject *object = actual->pdata[i];
      SchemaObject *ours = g_hash_table_lookup (expected, object->name);

      if (g_str_has_prefix (object->name, "sqlite_stat") && g_str_equal (object->type, "table"))
        continue;

      if (ours == NULL || !g_str_equal (ours->type, object->type))
        {
          set_unknown_object (error, path, object);
          return FALSE;
        }

      if (g_strcmp0 (ours->tbl_name, object->tbl_name) != 0 ||
          (!is_shadow_table (expected, ours) && g_strcmp0 (ours->sql, object->sql) != 0))
        {
          g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_UNEXPECTED_SCHEMA,
                       _("%s: “%s” is not defined the way Standpoint defines it, so the project is not opened"),
                       path, object->name);
          return FALSE;
        }

      g_hash_table_add (seen, object->name);
    }

  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&missing))
    {
      if (!g_hash_table_contains (seen, missing->name))
        {
          g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_CORRUPT,
                       _("%s is damaged: “%s”, part of every Standpoint project, is missing"),
                       path, missing->name);
          return FALSE;
        }
    }

  return TRUE;
}

/* Every foreign key of the current schema, as one query for the ids of the rows whose
 * reference leads nowhere. PRAGMA foreign_key_check does the same for any schema, but
 * several times slower (on 100,000 claims, longer than the quick check of the whole
 * file); the schema is known to be ours by now. test-open checks that this list covers
 * every foreign key the schema declares. A nullable reference needs its IS NOT NULL: NULL
 * NOT IN an empty set is true. "+id" makes SQLite list the parent ids once from the
 * smallest index instead of looking each one up in the table, whose leaves are the
 * documents' bodies, and no ORDER BY lets it read the children from a covering index: the
 * check takes a fraction of the quick check's time on 10,000 articles (store-bench). */
typedef struct
{
  const char *table;
  const char *parent;
  const char *sql;
} Reference;

static const Reference references[] = {
  { "actors", "actors",
    "SELECT id FROM actors WHERE affiliation_id IS NOT NULL AND affiliation_id NOT IN (SELECT +id FROM actors)" },
  { "actor_aliases", "actors",
    "SELECT id FROM actor_aliases WHERE actor_id NOT IN (SELECT +id FROM actors)" },
  { "actor_keys", "actors",
    "SELECT id FROM actor_keys WHERE actor_id NOT IN (SELECT +id FROM actors)" },
  { "actor_keys", "actor_aliases",
    "SELECT id FROM actor_keys WHERE alias_id IS NOT NULL AND alias_id NOT IN (SELECT +id FROM actor_aliases)" },
  { "issue_keywords", "issues",
    "SELECT id FROM issue_keywords WHERE issue_id NOT IN (SELECT +id FROM issues)" },
  { "claims", "documents",
    "SELECT id FROM claims WHERE document_id NOT IN (SELECT +id FROM documents)" },
  { "claims", "actors",
    "SELECT id FROM claims WHERE actor_id NOT IN (SELECT +id FROM actors)" },
  { "claims", "issues",
    "SELECT id FROM claims WHERE issue_id NOT IN (SELECT +id FROM issues)" },
  { "suggestions", "documents",
    "SELECT id FROM suggestions WHERE document_id NOT IN (SELECT +id FROM documents)" },
  { "suggestions", "actors",
    "SELECT id FROM suggestions WHERE actor_id NOT IN (SELECT +id FROM actors)" },
  { "suggestions", "issues",
    "SELECT id FROM suggestions WHERE issue_id NOT IN (SELECT +id FROM issues)" },
  { "suggestions", "claims",
    "SELECT id FROM suggestions WHERE claim_id IS NOT NULL AND claim_id NOT IN (SELECT +id FROM claims)" },
  { "documents", "documents",
    "SELECT id FROM documents WHERE near_duplicate_of IS NOT NULL AND near_duplicate_of NOT IN (SELECT +id FROM documents)" },
  { "removals", "documents",
    "SELECT id FROM removals WHERE document_id NOT IN (SELECT +id FROM documents)" },
  { "document_fingerprints", "documents",
    "SELECT document_id FROM document_fingerprints WHERE document_id NOT IN (SELECT +id FROM documents)" },
  { "speakers", "documents",
    "SELECT id FROM speakers WHERE document_id IS NOT NULL AND document_id NOT IN (SELECT +id FROM documents)" },
};

/* Returns: how many foreign keys _sp_project_check_references() follows */
guint
_sp_project_n_checked_references (void)
{
  return G_N_ELEMENTS (references);
}

/* Runs @sql, which lists row ids, and returns how many rows it listed with the first ids
 * written out in @ids */
static gboolean
list_ids (sqlite3      *db,
          const char   *sql,
          const char   *context,
          GString      *ids,
          guint        *count,
          GError      **error)
{
  g_autoptr(SpStmt) stmt = NULL;
  int rc;

  *count = 0;
  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (*count < MAX_IDS_SHOWN)
        g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, *count > 0 ? ", " : "",
                                (gint64)sqlite3_column_int64 (stmt, 0));
      else if (*count == MAX_IDS_SHOWN)
        g_string_append (ids, ", …");
      (*count)++;
      rc = SQLITE_OK;
    }

  if (rc != SQLITE_DONE)
    {
      _sp_sqlite_set_error (db, error, rc == SQLITE_OK ? sqlite3_extended_errcode (db) : rc, context);
      return FALSE;
    }

  return TRUE;
}

/* Adds the note for the rows of one reference that lead nowhere, if any. */
static gboolean
check_reference (sqlite3          *db,
                 const Reference  *reference,
                 GPtrArray        *notes,
                 GError          **error)
{
  g_autoptr(GString) ids = g_string_new (NULL);
  guint count = 0;

  if (!list_ids (db, reference->sql, _("Could not check the references between rows"), ids, &count, error))
    return FALSE;

  if (count > 0)
    g_ptr_array_add (notes,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%u row of “%s” (id %s) refers to a row of “%s” that does not exist; it is kept, but lists that need the missing row leave it out",
                                                   "%u rows of “%s” (ids %s) refer to rows of “%s” that do not exist; they are kept, but lists that need the missing rows leave them out",
                                                   count),
                                      count, reference->table, ids->str, reference->parent));

  return TRUE;
}

/* A removed block placed past the end of its document's text cannot be shown or put back:
 * the store leaves it out of lists and refuses to restore it, and opening says so. The
 * stored length is compared here; restoring measures the text itself. */
static gboolean
check_removal_offsets (sqlite3     *db,
                       GPtrArray   *notes,
                       GError     **error)
{
  g_autoptr(GString) ids = g_string_new (NULL);
  guint count = 0;

  if (!list_ids (db,
                 "SELECT r.id FROM removals r JOIN documents d ON d.id = r.document_id "
                 "WHERE r.body_offset < 0 OR r.body_offset > d.body_length ORDER BY r.id",
                 _("Could not check the removed blocks"), ids, &count, error))
    return FALSE;

  if (count > 0)
    g_ptr_array_add (notes,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%u removed block (id %s) lies outside its document's text; it is kept, but not shown and cannot be put back",
                                                   "%u removed blocks (ids %s) lie outside their documents' text; they are kept, but not shown and cannot be put back",
                                                   count),
                                      count, ids->str));

  return TRUE;
}

/* The full-text index's settings (rows of documents_fts_config) that our migrations write;
 * FTS5's own "version" row it checks itself */
static const struct
{
  const char *key;
  gint64      value;
} index_settings[] = {
  { "automerge", 8 },
  { "hashsize", 8388608 },
};

/*
 * _sp_project_check_index_settings:
 *
 * Refuses a file whose full-text index has a setting other than ours: a crafted "hashsize"
 * of gigabytes would have the index hold that much memory while a transaction writes, a
 * "pgsz" or "crisismerge" of its own would change how much each write costs. Expects the
 * current schema.
 */
gboolean
_sp_project_check_index_settings (sqlite3     *db,
                                  const char  *path,
                                  GError     **error)
{
  g_autoptr(SpStmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "SELECT k, v FROM documents_fts_config ORDER BY k", -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 0);
      gboolean known = key != NULL && g_str_equal (key, "version");

      for (guint i = 0; !known && key != NULL && i < G_N_ELEMENTS (index_settings); i++)
        known = g_str_equal (key, index_settings[i].key)
                && sqlite3_column_type (stmt, 1) == SQLITE_INTEGER
                && sqlite3_column_int64 (stmt, 1) == index_settings[i].value;
      if (!known)
        {
          g_autofree char *shown = g_utf8_make_valid (key != NULL ? key : "", -1);

          g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_UNEXPECTED_SCHEMA,
                       _("%s holds a full-text index setting “%s” that Standpoint did not write, so it is not opened"),
                       path, shown);
          return FALSE;
        }
      rc = SQLITE_OK;
    }

  if (rc != SQLITE_DONE)
    {
      _sp_sqlite_set_error (db, error, rc == SQLITE_OK ? sqlite3_extended_errcode (db) : rc,
                            _("Could not read the full-text index's settings"));
      return FALSE;
    }

  return TRUE;
}

/*
 * _sp_project_check_references:
 *
 * Adds one note per foreign key that rows break: how many rows refer to rows that do not
 * exist, and the first ids. Reads only; expects the current schema.
 */
gboolean
_sp_project_check_references (sqlite3     *db,
                              GPtrArray   *notes,
                              GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (references); i++)
    if (!check_reference (db, &references[i], notes, error))
      return FALSE;

  return check_removal_offsets (db, notes, error);
}
