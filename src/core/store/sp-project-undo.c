/* sp-project-undo.c
 *
 * The undo journal. An undo step is the list of rows an action touched, each with its state
 * before and after the action (NULL when the row did not exist). Undo writes the "before"
 * states back in reverse order, redo the "after" states in order, so that the journal works
 * for every table below without an inverse function per operation. Rows are copied as
 * sqlite3_values and written back through constant, bound statements. A documents row is
 * also taken out of the full-text index before it changes and put back in after, since the
 * index is kept in step by hand (sp-project-schema.c says why).
 */
#define G_LOG_DOMAIN "sp-project-undo"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-project-private.h"

typedef struct
{
  const char    *select_sql;  /* all columns, id first, WHERE id = ?1 */
  const char    *insert_sql;  /* the same columns as ?1..?n */
  const char    *update_sql;  /* SET column k = ?k WHERE id = ?1 */
  const char    *delete_sql;
  guint          n_columns;
  SpChangeFlags  changes;
  gboolean       indexed;     /* the row is in documents_fts */
} SpTableInfo;

static const SpTableInfo tables[SP_N_TABLES] = {
  [SP_TABLE_ACTORS] = {
    "SELECT id, name, kind, affiliation_id, created, updated FROM actors WHERE id = ?1",
    "INSERT INTO actors (id, name, kind, affiliation_id, created, updated) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    "UPDATE actors SET name = ?2, kind = ?3, affiliation_id = ?4, created = ?5, updated = ?6 "
      "WHERE id = ?1",
    "DELETE FROM actors WHERE id = ?1",
    6, SP_CHANGE_ACTORS,
  },
  [SP_TABLE_ACTOR_ALIASES] = {
    "SELECT id, actor_id, alias FROM actor_aliases WHERE id = ?1",
    "INSERT INTO actor_aliases (id, actor_id, alias) VALUES (?1, ?2, ?3)",
    "UPDATE actor_aliases SET actor_id = ?2, alias = ?3 WHERE id = ?1",
    "DELETE FROM actor_aliases WHERE id = ?1",
    3, SP_CHANGE_ACTORS,
  },
  [SP_TABLE_ACTOR_KEYS] = {
    "SELECT id, key, actor_id, alias_id FROM actor_keys WHERE id = ?1",
    "INSERT INTO actor_keys (id, key, actor_id, alias_id) VALUES (?1, ?2, ?3, ?4)",
    "UPDATE actor_keys SET key = ?2, actor_id = ?3, alias_id = ?4 WHERE id = ?1",
    "DELETE FROM actor_keys WHERE id = ?1",
    4, SP_CHANGE_ACTORS,
  },
  [SP_TABLE_ISSUES] = {
    "SELECT id, key, label, proposition, created, updated, key_fold FROM issues WHERE id = ?1",
    "INSERT INTO issues (id, key, label, proposition, created, updated, key_fold) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    "UPDATE issues SET key = ?2, label = ?3, proposition = ?4, created = ?5, updated = ?6, "
      "key_fold = ?7 WHERE id = ?1",
    "DELETE FROM issues WHERE id = ?1",
    7, SP_CHANGE_ISSUES,
  },
  [SP_TABLE_ISSUE_KEYWORDS] = {
    "SELECT id, issue_id, keyword, kind FROM issue_keywords WHERE id = ?1",
    "INSERT INTO issue_keywords (id, issue_id, keyword, kind) VALUES (?1, ?2, ?3, ?4)",
    "UPDATE issue_keywords SET issue_id = ?2, keyword = ?3, kind = ?4 WHERE id = ?1",
    "DELETE FROM issue_keywords WHERE id = ?1",
    4, SP_CHANGE_ISSUES,
  },
  [SP_TABLE_CLAIMS] = {
    "SELECT id, document_id, start_offset, end_offset, actor_id, issue_id, stance, origin, "
      "confidence, note, created, updated FROM claims WHERE id = ?1",
    "INSERT INTO claims (id, document_id, start_offset, end_offset, actor_id, issue_id, stance, "
      "origin, confidence, note, created, updated) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    "UPDATE claims SET document_id = ?2, start_offset = ?3, end_offset = ?4, actor_id = ?5, "
      "issue_id = ?6, stance = ?7, origin = ?8, confidence = ?9, note = ?10, created = ?11, "
      "updated = ?12 WHERE id = ?1",
    "DELETE FROM claims WHERE id = ?1",
    12, SP_CHANGE_CLAIMS,
  },
  [SP_TABLE_SUGGESTIONS] = {
    "SELECT id, document_id, start_offset, end_offset, actor_id, issue_id, stance, confidence, "
      "explanation, status, claim_id, created, sentence, conditional, prior, features "
      "FROM suggestions WHERE id = ?1",
    "INSERT INTO suggestions (id, document_id, start_offset, end_offset, actor_id, issue_id, "
      "stance, confidence, explanation, status, claim_id, created, sentence, conditional, prior, "
      "features) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
    "UPDATE suggestions SET document_id = ?2, start_offset = ?3, end_offset = ?4, actor_id = ?5, "
      "issue_id = ?6, stance = ?7, confidence = ?8, explanation = ?9, status = ?10, "
      "claim_id = ?11, created = ?12, sentence = ?13, conditional = ?14, prior = ?15, "
      "features = ?16 WHERE id = ?1",
    "DELETE FROM suggestions WHERE id = ?1",
    16, SP_CHANGE_SUGGESTIONS,
  },
  [SP_TABLE_DOCUMENTS] = {
    "SELECT id, file_name, title, date, source, url, author, body, body_length, content_hash, "
      "text_hash, imported, title_kind, date_source, date_confidence, near_duplicate_of, "
      "sentences, section, document_type FROM documents WHERE id = ?1",
    "INSERT INTO documents (id, file_name, title, date, source, url, author, body, body_length, "
      "content_hash, text_hash, imported, title_kind, date_source, date_confidence, "
      "near_duplicate_of, sentences, section, document_type) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)",
    "UPDATE documents SET file_name = ?2, title = ?3, date = ?4, source = ?5, url = ?6, "
      "author = ?7, body = ?8, body_length = ?9, content_hash = ?10, text_hash = ?11, "
      "imported = ?12, title_kind = ?13, date_source = ?14, date_confidence = ?15, "
      "near_duplicate_of = ?16, sentences = ?17, section = ?18, document_type = ?19 WHERE id = ?1",
    "DELETE FROM documents WHERE id = ?1",
    19, SP_CHANGE_DOCUMENTS, TRUE,
  },
  [SP_TABLE_REMOVALS] = {
    "SELECT id, document_id, body_offset, text, reason FROM removals WHERE id = ?1",
    "INSERT INTO removals (id, document_id, body_offset, text, reason) VALUES (?1, ?2, ?3, ?4, ?5)",
    "UPDATE removals SET document_id = ?2, body_offset = ?3, text = ?4, reason = ?5 WHERE id = ?1",
    "DELETE FROM removals WHERE id = ?1",
    5, SP_CHANGE_DOCUMENTS,
  },
  [SP_TABLE_DOCUMENT_FINGERPRINTS] = {
    "SELECT document_id, simhash, line_hashes FROM document_fingerprints WHERE document_id = ?1",
    "INSERT INTO document_fingerprints (document_id, simhash, line_hashes) VALUES (?1, ?2, ?3)",
    "UPDATE document_fingerprints SET simhash = ?2, line_hashes = ?3 WHERE document_id = ?1",
    "DELETE FROM document_fingerprints WHERE document_id = ?1",
    3, SP_CHANGE_DOCUMENTS,
  },
  [SP_TABLE_SUGGESTION_MODEL] = {
    "SELECT id, model, updated FROM suggestion_model WHERE id = ?1",
    "INSERT INTO suggestion_model (id, model, updated) VALUES (?1, ?2, ?3)",
    "UPDATE suggestion_model SET model = ?2, updated = ?3 WHERE id = ?1",
    "DELETE FROM suggestion_model WHERE id = ?1",
    3, SP_CHANGE_SUGGESTIONS,
  },
  [SP_TABLE_SPEAKERS] = {
    "SELECT id, key, name, title, affiliation, mentions, document_id, dismissed "
      "FROM speakers WHERE id = ?1",
    "INSERT INTO speakers (id, key, name, title, affiliation, mentions, document_id, dismissed) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    "UPDATE speakers SET key = ?2, name = ?3, title = ?4, affiliation = ?5, mentions = ?6, "
      "document_id = ?7, dismissed = ?8 WHERE id = ?1",
    "DELETE FROM speakers WHERE id = ?1",
    8, SP_CHANGE_SUGGESTIONS,
  },
};

typedef struct
{
  SpTable         table;
  gint64          id;
  sqlite3_value **before;
  sqlite3_value **after;
} SpRowChange;

struct _SpUndoStep
{
  char       *label;
  GArray     *changes;  /* SpRowChange, in the order the action first touched the rows */
  GHashTable *index[SP_N_TABLES];  /* per table: row id -> position + 1 in changes */
};

static void
free_row (sqlite3_value **row,
          guint           n_columns)
{
  if (row == NULL)
    return;

  for (guint i = 0; i < n_columns; i++)
    sqlite3_value_free (row[i]);
  g_free (row);
}

static void
clear_change (gpointer data)
{
  SpRowChange *change = data;
  guint n_columns = tables[change->table].n_columns;

  free_row (change->before, n_columns);
  free_row (change->after, n_columns);
  change->before = change->after = NULL;
}

static void
set_db_error (sqlite3     *db,
              GError     **error,
              const char  *what)
{
  int rc = sqlite3_extended_errcode (db);

  /* Any constraint that stops a row from coming back means the row's place was taken by
   * later edits made by other means */
  if ((rc & 0xff) == SQLITE_CONSTRAINT)
    g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_CONFLICT,
                 "%s: %s", what, sqlite3_errmsg (db));
  else
    _sp_sqlite_set_error (db, error, rc, what);
}

/* Reads the row as it is now; *row is NULL when it does not exist. */
static gboolean
snapshot_row (sqlite3          *db,
              SpTable           table,
              gint64            id,
              sqlite3_value  ***row,
              GError          **error)
{
  const SpTableInfo *info = &tables[table];
  g_autoptr(SpStmt) stmt = NULL;
  int rc;

  *row = NULL;

  if (sqlite3_prepare_v2 (db, info->select_sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      set_db_error (db, error, _("Could not record the change for undo"));
      return FALSE;
    }

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE)
    return TRUE;

  if (rc != SQLITE_ROW)
    {
      set_db_error (db, error, _("Could not record the change for undo"));
      return FALSE;
    }

  g_assert ((guint)sqlite3_column_count (stmt) == info->n_columns);

  *row = g_new0 (sqlite3_value *, info->n_columns);
  for (guint i = 0; i < info->n_columns; i++)
    {
      (*row)[i] = sqlite3_value_dup (sqlite3_column_value (stmt, i));

      if ((*row)[i] == NULL)
        {
          free_row (g_steal_pointer (row), info->n_columns);
          _sp_sqlite_set_error (db, error, SQLITE_NOMEM, _("Could not record the change for undo"));
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
run_bound (sqlite3         *db,
           const char      *sql,
           gint64           id,
           sqlite3_value  **row,
           guint            n_columns,
           GError         **error)
{
  g_autoptr(SpStmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      set_db_error (db, error, _("Could not restore the change"));
      return FALSE;
    }

  if (row == NULL)
    sqlite3_bind_int64 (stmt, 1, id);
  else
    for (guint i = 0; i < n_columns; i++)
      {
        /* copies text: a failure would leave the column NULL */
        int rc = sqlite3_bind_value (stmt, i + 1, row[i]);

        if (rc != SQLITE_OK)
          {
            _sp_sqlite_set_error (db, error, rc, _("Could not restore the change"));
            return FALSE;
          }
      }

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      set_db_error (db, error, _("Could not restore the change"));
      return FALSE;
    }

  return TRUE;
}

/* Puts the row into the state @target describes: deleted when NULL, else inserted or
 * updated to exactly those column values. */
static gboolean
restore_row (sqlite3         *db,
             SpTable          table,
             gint64           id,
             sqlite3_value  **target,
             GError         **error)
{
  const SpTableInfo *info = &tables[table];
  sqlite3_value **current = NULL;
  gboolean exists;

  if (!snapshot_row (db, table, id, &current, error))
    return FALSE;

  exists = current != NULL;
  free_row (current, info->n_columns);

  if (info->indexed && exists &&
      !run_bound (db, SP_FTS_DELETE_SQL, id, NULL, 0, error))
    return FALSE;

  if (target == NULL)
    return !exists || run_bound (db, info->delete_sql, id, NULL, 0, error);

  return run_bound (db, exists ? info->update_sql : info->insert_sql,
                    id, target, info->n_columns, error) &&
         (!info->indexed || run_bound (db, SP_FTS_INSERT_SQL, id, NULL, 0, error));
}

const char *
_sp_table_delete_sql (SpTable table)
{
  g_assert (table < SP_N_TABLES);
  return tables[table].delete_sql;
}

SpUndoStep *
_sp_undo_step_new (const char *label)
{
  SpUndoStep *step = g_new0 (SpUndoStep, 1);

  step->label = g_strdup (label);
  step->changes = g_array_new (FALSE, TRUE, sizeof (SpRowChange));
  g_array_set_clear_func (step->changes, clear_change);
  for (guint i = 0; i < SP_N_TABLES; i++)
    step->index[i] = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  return step;
}

void
_sp_undo_step_free (SpUndoStep *step)
{
  if (step == NULL)
    return;

  g_clear_pointer (&step->changes, g_array_unref);
  for (guint i = 0; i < SP_N_TABLES; i++)
    g_clear_pointer (&step->index[i], g_hash_table_unref);
  g_free (step->label);
  g_free (step);
}

const char *
_sp_undo_step_get_label (SpUndoStep *step)
{
  return step->label;
}

guint
_sp_undo_step_get_length (SpUndoStep *step)
{
  return step->changes->len;
}

/* Forgets the rows recorded after the first @length, when a nested action rolled back. */
void
_sp_undo_step_truncate (SpUndoStep *step,
                        guint       length)
{
  for (guint i = length; i < step->changes->len; i++)
    {
      SpRowChange *change = &g_array_index (step->changes, SpRowChange, i);

      g_hash_table_remove (step->index[change->table], &change->id);
    }

  if (length < step->changes->len)
    g_array_set_size (step->changes, length);
}

/*
 * _sp_undo_step_record:
 * @inserted: the row was just inserted by this action, so its "before" state is absence
 *
 * Records a row's state before the action first touches it; later touches of the same row
 * in the same step keep the first state.
 */
gboolean
_sp_undo_step_record (SpUndoStep  *step,
                      sqlite3     *db,
                      SpTable      table,
                      gint64       id,
                      gboolean     inserted,
                      GError     **error)
{
  SpRowChange change = { table, id, NULL, NULL };

  g_assert (table < SP_N_TABLES);

  if (g_hash_table_contains (step->index[table], &id))
    return TRUE;

  if (!inserted && !snapshot_row (db, table, id, &change.before, error))
    return FALSE;

  g_array_append_val (step->changes, change);
  g_hash_table_insert (step->index[table],
                       g_memdup2 (&id, sizeof id),
                       GUINT_TO_POINTER (step->changes->len));

  return TRUE;
}

/* Reads the "after" state of every recorded row, just before the action commits. */
gboolean
_sp_undo_step_finish (SpUndoStep  *step,
                      sqlite3     *db,
                      GError     **error)
{
  for (guint i = 0; i < step->changes->len; i++)
    {
      SpRowChange *change = &g_array_index (step->changes, SpRowChange, i);

      if (!snapshot_row (db, change->table, change->id, &change->after, error))
        return FALSE;
    }

  return TRUE;
}

/*
 * _sp_undo_step_apply:
 * @backwards: %TRUE to undo (restore "before" states, last row first), %FALSE to redo
 *
 * Runs inside the caller's transaction, which has deferred foreign keys so that rows can be
 * restored in any order that the action's own order allows.
 */
gboolean
_sp_undo_step_apply (SpUndoStep     *step,
                     sqlite3        *db,
                     gboolean        backwards,
                     SpChangeFlags  *changes,
                     GError        **error)
{
  guint n = step->changes->len;

  for (guint k = 0; k < n; k++)
    {
      SpRowChange *change = &g_array_index (step->changes, SpRowChange, backwards ? n - 1 - k : k);
      sqlite3_value **target = backwards ? change->before : change->after;

      if (change->before == NULL && change->after == NULL)
        continue;

      if (!restore_row (db, change->table, change->id, target, error))
        return FALSE;

      *changes |= tables[change->table].changes;
    }

  return TRUE;
}
