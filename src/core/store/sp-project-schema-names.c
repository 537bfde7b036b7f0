/* sp-project-schema-names.c
 *
 * The C step of migration 4: every actor name, alias and issue key is put in its normal form
 * and given its fold key (sp-name.h). A file written under the old rule (ASCII-only NOCASE)
 * can hold two names that are the same under the new one: "Ōsaka Group" and "ōSAKA GROUP",
 * or a decomposed "Émile" beside the precomposed one. Nothing is merged and nothing is
 * dropped: the first (lowest id, names before aliases) keeps its spelling, each later one
 * is renamed with a visible suffix, " (duplicate)" for names and aliases, "-duplicate" for
 * keys (which are limited to letters, digits, "_", "-" and "."), and every rename becomes an
 * open note. A suffix is chosen so that it is the same as no other name in the file, as it
 * was before the migration or as it is after.
 *
 * The old UNIQUE NOCASE constraints stay on the tables. Two names that differ under the new
 * rule also differ under NOCASE, so the final names satisfy them; to reach them without two
 * rows meeting on the way, changed rows first take a placeholder unique to their id (one
 * that is also a valid issue key).
 */
#define G_LOG_DOMAIN "sp-project-schema"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-name.h"
#include "sp-project-private.h"

typedef struct
{
  gint64  id;
  gint64  actor_id;  /* an alias's actor */
  char   *stored;    /* as the file held it */
  char   *final;     /* normal form, renamed when it had to be */
  char   *key;       /* sp_name_fold (final) */
  gboolean unreadable; /* not valid UTF-8, or nothing but white space */
} NameRow;

static void
name_row_clear (gpointer data)
{
  NameRow *row = data;

  g_free (row->stored);
  g_free (row->final);
  g_free (row->key);
}

typedef struct
{
  sqlite3    *db;
  GPtrArray  *notes;
  GArray     *actors;    /* NameRow */
  GArray     *aliases;   /* NameRow of aliases whose actor exists */
  GArray     *issues;    /* NameRow */
  GHashTable *reserved;  /* the fold key of every name, alias or key as the file held it */
  GHashTable *taken;     /* fold key -> the NameRow that holds it after the migration */
  GHashTable *actor_by_id;
} Migration;

static void
migration_clear (Migration *m)
{
  g_clear_pointer (&m->actors, g_array_unref);
  g_clear_pointer (&m->aliases, g_array_unref);
  g_clear_pointer (&m->issues, g_array_unref);
  g_clear_pointer (&m->reserved, g_hash_table_unref);
  g_clear_pointer (&m->taken, g_hash_table_unref);
  g_clear_pointer (&m->actor_by_id, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Migration, migration_clear)

static void
add_note (Migration  *m,
          char       *note)
{
  if (m->notes != NULL)
    g_ptr_array_add (m->notes, note);
  else
    g_free (note);
}

static GArray *
name_rows_new (void)
{
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (NameRow));

  g_array_set_clear_func (rows, name_row_clear);
  return rows;
}

/* Reads (id, owner id, text) rows; the text as valid UTF-8 in its normal form, which is
 * empty when nothing but white space was there. */
static gboolean
load_rows (Migration   *m,
           const char  *sql,
           GArray      *rows,
           GError     **error)
{
  g_autoptr(SpStmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (m->db, sql, -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *text = (const char *)sqlite3_column_text (stmt, 2);
      g_autofree char *valid = NULL;
      NameRow row = { 0 };

      if (text == NULL)
        {
          rc = sqlite3_column_type (stmt, 2) == SQLITE_NULL ? SQLITE_CORRUPT : SQLITE_NOMEM;
          break;
        }

      valid = g_utf8_make_valid (text, -1);
      row.id = sqlite3_column_int64 (stmt, 0);
      row.actor_id = sqlite3_column_int64 (stmt, 1);
      row.stored = g_strdup (text);
      row.final = sp_name_normalize (valid);
      row.key = sp_name_fold (row.final);
      row.unreadable = !g_str_equal (valid, text) || row.final[0] == '\0';
      g_hash_table_add (m->reserved, g_strdup (row.key));
      g_array_append_val (rows, row);
      rc = SQLITE_OK;
    }

  if (rc != SQLITE_DONE)
    {
      _sp_sqlite_set_error (m->db, error, rc == SQLITE_OK ? sqlite3_extended_errcode (m->db) : rc,
                            _("Could not read the names to update them"));
      return FALSE;
    }

  return TRUE;
}

/* Gives @row a spelling whose key nobody holds or held: @row->final with " (duplicate)",
 * " (duplicate 2)", … or, for an issue key, "-duplicate", "-duplicate2", … */
static void
rename_row (Migration  *m,
            NameRow    *row,
            gboolean    is_key)
{
  g_autofree char *base = g_strdup (row->final);

  for (guint n = 1; ; n++)
    {
      g_autofree char *candidate = NULL;
      g_autofree char *key = NULL;

      if (is_key)
        candidate = n == 1 ? g_strconcat (base, "-duplicate", NULL)
                           : g_strdup_printf ("%s-duplicate%u", base, n);
      else if (base[0] == '\0')
        candidate = n == 1 ? g_strdup (_("(no name)")) : g_strdup_printf (_("(no name) %u"), n);
      else
        candidate = n == 1 ? g_strdup_printf (_("%s (duplicate)"), base)
                           : g_strdup_printf (_("%s (duplicate %u)"), base, n);

      key = sp_name_fold (candidate);
      if (!g_hash_table_contains (m->reserved, key) && !g_hash_table_contains (m->taken, key))
        {
          g_free (row->final);
          g_free (row->key);
          row->final = g_steal_pointer (&candidate);
          row->key = g_steal_pointer (&key);
          return;
        }
    }
}

/* Keeps the spelling of the first holder of each key, renames the later ones. Returns the
 * row already holding the key that @row had to leave, or NULL when it kept its own. */
static NameRow *
claim_key (Migration  *m,
           GHashTable *taken,
           NameRow    *row,
           gboolean    is_key)
{
  NameRow *holder = NULL;

  if (row->final[0] == '\0' || (holder = g_hash_table_lookup (taken, row->key)) != NULL)
    rename_row (m, row, is_key);

  g_hash_table_insert (taken, row->key, row);
  return holder;
}

static const char *
actor_name (Migration *m,
            gint64     actor_id)
{
  NameRow *actor = g_hash_table_lookup (m->actor_by_id, &actor_id);

  return actor != NULL ? actor->final : "";
}

static void
decide_names (Migration *m)
{
  for (guint i = 0; i < m->actors->len; i++)
    {
      NameRow *row = &g_array_index (m->actors, NameRow, i);
      NameRow *holder = claim_key (m, m->taken, row, FALSE);

      g_hash_table_insert (m->actor_by_id, &row->id, row);
      if (holder != NULL)
        add_note (m, g_strdup_printf (_("The actor “%s” (id %lld) has the same name as the actor “%s” under the rule for names (case, spacing and the encoding of accents do not count); it was renamed “%s”"),
                                      row->stored, (long long)row->id, holder->final, row->final));
      else if (row->unreadable)
        add_note (m, g_strdup_printf (_("The name of the actor %lld was not readable text; it is now “%s”"),
                                      (long long)row->id, row->final));
    }

  for (guint i = 0; i < m->aliases->len; i++)
    {
      NameRow *row = &g_array_index (m->aliases, NameRow, i);
      g_autofree char *stored = g_strdup (row->stored);
      NameRow *holder = claim_key (m, m->taken, row, FALSE);

      if (holder == NULL && row->unreadable)
        add_note (m, g_strdup_printf (_("The alias %lld of “%s” was not readable text; it is now “%s”"),
                                      (long long)row->id, actor_name (m, row->actor_id), row->final));
      else if (holder == NULL)
        continue;
      else if (holder->actor_id == 0)
        add_note (m, g_strdup_printf (_("The alias “%s” of “%s” is the same as the name of the actor “%s” under the rule for names (case, spacing and the encoding of accents do not count); it was renamed “%s”"),
                                      stored, actor_name (m, row->actor_id), holder->final, row->final));
      else
        add_note (m, g_strdup_printf (_("The alias “%s” of “%s” is the same as the alias “%s” of “%s” under the rule for names (case, spacing and the encoding of accents do not count); it was renamed “%s”"),
                                      stored, actor_name (m, row->actor_id), holder->final,
                                      actor_name (m, holder->actor_id), row->final));
    }
}

static void
decide_issue_keys (Migration *m)
{
  g_autoptr(GHashTable) taken = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < m->issues->len; i++)
    {
      NameRow *row = &g_array_index (m->issues, NameRow, i);
      NameRow *holder = claim_key (m, taken, row, TRUE);

      if (holder != NULL)
        add_note (m, g_strdup_printf (_("The issue key “%s” (issue %lld) is the same as the key “%s” when case does not count; it was renamed “%s”, and so is its column in the matrix CSV"),
                                      row->stored, (long long)row->id, holder->final, row->final));
    }
}

static gboolean
run (Migration   *m,
     SpStmt      *stmt,
     GError     **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _sp_sqlite_set_error (m->db, error, sqlite3_extended_errcode (m->db),
                            _("Could not update the names"));
      return FALSE;
    }

  sqlite3_reset (stmt);
  return TRUE;
}

/* Writes the final spellings of @rows with @update_sql (?1 text, ?2 id): the changed ones
 * first to a placeholder, then to their final value. */
static gboolean
write_spellings (Migration   *m,
                 GArray      *rows,
                 const char  *update_sql,
                 GError     **error)
{
  g_autoptr(SpStmt) update = NULL;

  if (sqlite3_prepare_v2 (m->db, update_sql, -1, &update, NULL) != SQLITE_OK)
    {
      _sp_sqlite_set_error (m->db, error, sqlite3_extended_errcode (m->db),
                            _("Could not update the names"));
      return FALSE;
    }

  for (guint pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < rows->len; i++)
        {
          NameRow *row = &g_array_index (rows, NameRow, i);
          g_autofree char *placeholder = NULL;

          if (g_str_equal (row->stored, row->final))
            continue;

          if (pass == 0)
            placeholder = g_strdup_printf ("_standpoint_migration_%" G_GINT64_FORMAT, row->id);

          sqlite3_bind_text (update, 1, pass == 0 ? placeholder : row->final, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (update, 2, row->id);
          if (!run (m, update, error))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
write_keys (Migration   *m,
            GError     **error)
{
  g_autoptr(SpStmt) insert = NULL;
  g_autoptr(SpStmt) issue = NULL;

  if (sqlite3_prepare_v2 (m->db, "INSERT INTO actor_keys (key, actor_id, alias_id) VALUES (?1, ?2, ?3)",
                          -1, &insert, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (m->db, "UPDATE issues SET key_fold = ?1 WHERE id = ?2",
                          -1, &issue, NULL) != SQLITE_OK)
    {
      _sp_sqlite_set_error (m->db, error, sqlite3_extended_errcode (m->db),
                            _("Could not update the names"));
      return FALSE;
    }

  for (guint i = 0; i < m->actors->len; i++)
    {
      NameRow *row = &g_array_index (m->actors, NameRow, i);

      sqlite3_bind_text (insert, 1, row->key, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (insert, 2, row->id);
      sqlite3_bind_null (insert, 3);
      if (!run (m, insert, error))
        return FALSE;
    }

  for (guint i = 0; i < m->aliases->len; i++)
    {
      NameRow *row = &g_array_index (m->aliases, NameRow, i);

      sqlite3_bind_text (insert, 1, row->key, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (insert, 2, row->actor_id);
      sqlite3_bind_int64 (insert, 3, row->id);
      if (!run (m, insert, error))
        return FALSE;
    }

  for (guint i = 0; i < m->issues->len; i++)
    {
      NameRow *row = &g_array_index (m->issues, NameRow, i);

      sqlite3_bind_text (issue, 1, row->key, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (issue, 2, row->id);
      if (!run (m, issue, error))
        return FALSE;
    }

  return TRUE;
}

/*
 * _sp_project_schema_fold_names:
 * @notes: (nullable): receives one line per renamed name, alias or key
 *
 * Runs inside the migration's transaction, after migration 4's SQL made actor_keys and
 * issues.key_fold. An alias whose actor does not exist gets no key; opening reports it as a
 * dangling reference.
 */
gboolean
_sp_project_schema_fold_names (sqlite3    *db,
                               GPtrArray  *notes,
                               GError    **error)
{
  g_auto(Migration) m = { 0 };

  m.db = db;
  m.notes = notes;
  m.actors = name_rows_new ();
  m.aliases = name_rows_new ();
  m.issues = name_rows_new ();
  m.reserved = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  m.taken = g_hash_table_new (g_str_hash, g_str_equal);
  m.actor_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);

  if (!load_rows (&m, "SELECT id, 0, name FROM actors ORDER BY id", m.actors, error) ||
      !load_rows (&m,
                  "SELECT al.id, al.actor_id, al.alias FROM actor_aliases al "
                  "JOIN actors a ON a.id = al.actor_id ORDER BY al.id",
                  m.aliases, error) ||
      !load_rows (&m, "SELECT id, 0, key FROM issues ORDER BY id", m.issues, error))
    return FALSE;

  decide_names (&m);
  decide_issue_keys (&m);

  return write_spellings (&m, m.actors, "UPDATE actors SET name = ?1 WHERE id = ?2", error) &&
         write_spellings (&m, m.aliases, "UPDATE actor_aliases SET alias = ?1 WHERE id = ?2", error) &&
         write_spellings (&m, m.issues, "UPDATE issues SET key = ?1 WHERE id = ?2", error) &&
         write_keys (&m, error);
}
