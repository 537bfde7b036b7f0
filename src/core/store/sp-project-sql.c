/* sp-project-sql.c
 *
 * The few ways every file of SpProject talks to SQLite: preparing, stepping and reading rows
 * with every failure turned into a GError that names its real cause (a full disk, a damaged
 * or read-only file, a lock held too long) rather than into "not found"; and the row-level
 * steps of a mutator (record for undo, insert or update, delete one row) that actors,
 * issues and claims share.
 */
#define G_LOG_DOMAIN "sp-project"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-project-private.h"

/* How long a connection waits for another one's write lock, and how often it looks. Writers
 * (imports included) commit in short transactions, so a wait normally ends within one of
 * them; polling every 2 ms lets an edit in as soon as the lock is free, where SQLite's own
 * busy_timeout backs off to 100 ms between tries. A lock held longer than the timeout is
 * another program's, and the edit fails with SP_PROJECT_ERROR_BUSY instead of freezing. */
#define BUSY_TIMEOUT_USEC (5 * G_USEC_PER_SEC)
#define BUSY_POLL_USEC    2000

/*
 * _sp_sqlite_busy_cb:
 * @data: the connection's gint64 that remembers when the current wait began
 *
 * The busy handler of every project connection (see BUSY_TIMEOUT_USEC).
 */
int
_sp_sqlite_busy_cb (void *data,
                    int   n_calls)
{
  gint64 *since = data;
  gint64 now = g_get_monotonic_time ();

  if (n_calls == 0)
    *since = now;

  if (now - *since >= BUSY_TIMEOUT_USEC)
    return 0;

  g_usleep (BUSY_POLL_USEC);
  return 1;
}

/*
 * _sp_sqlite_set_error:
 * @db: (nullable): the connection, for SQLite's own words when no better ones exist
 * @rc: the (extended) result code
 * @context: what was being done, e.g. "Could not update the project"
 *
 * Sets @error to "@context: cause", with the cause in plain words and an error code that
 * tells the caller what happened.
 */
void
_sp_sqlite_set_error (sqlite3     *db,
                      GError     **error,
                      int          rc,
                      const char  *context)
{
  SpProjectError code = SP_PROJECT_ERROR_FAILED;
  const char *cause = NULL;

  switch (rc & 0xff)
    {
    case SQLITE_CONSTRAINT:
      if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
        code = SP_PROJECT_ERROR_CONFLICT;
      else if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
        code = SP_PROJECT_ERROR_IN_USE;
      else if (rc == SQLITE_CONSTRAINT_CHECK || rc == SQLITE_CONSTRAINT_NOTNULL)
        code = SP_PROJECT_ERROR_INVALID;
      break;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      code = SP_PROJECT_ERROR_CORRUPT;
      cause = _("the project file is damaged");
      break;

    case SQLITE_FULL:
      code = SP_PROJECT_ERROR_DISK_FULL;
      cause = _("the disk is full");
      break;

    case SQLITE_READONLY:
      code = SP_PROJECT_ERROR_READ_ONLY;
      cause = _("the project file cannot be written");
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = SP_PROJECT_ERROR_BUSY;
      cause = _("another program is keeping the project locked; try again in a moment");
      break;

    case SQLITE_IOERR:
      code = SP_PROJECT_ERROR_IO;
      cause = rc == SQLITE_IOERR_NOMEM ? _("out of memory")
                                       : _("the disk could not be read or written (input/output error)");
      break;

    case SQLITE_CANTOPEN:
      code = SP_PROJECT_ERROR_IO;
      cause = _("a file of the project could not be opened");
      break;

    case SQLITE_NOMEM:
      cause = _("out of memory");
      break;

    case SQLITE_INTERRUPT:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s: %s", context, _("cancelled"));
      return;

    default:
      break;
    }

  if (cause == NULL)
    cause = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  g_set_error (error, SP_PROJECT_ERROR, code, "%s: %s", context, cause);
}

void
_sp_project_set_error (SpProject   *self,
                       GError     **error,
                       int          rc,
                       const char  *context)
{
  _sp_sqlite_set_error (self->db, error, rc, context);
}

/* The one sentence per table for a row that is not there. */
void
_sp_project_set_not_found (GError  **error,
                           SpTable   table,
                           gint64    id)
{
  long long n = id;

  switch (table)
    {
    case SP_TABLE_ACTORS:
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_NOT_FOUND, _("There is no actor %lld"), n);
      break;

    case SP_TABLE_ISSUES:
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_NOT_FOUND, _("There is no issue %lld"), n);
      break;

    case SP_TABLE_CLAIMS:
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_NOT_FOUND, _("There is no claim %lld"), n);
      break;

    case SP_TABLE_SUGGESTIONS:
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_NOT_FOUND, _("There is no suggestion %lld"), n);
      break;

    case SP_TABLE_DOCUMENTS:
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_NOT_FOUND, _("There is no document %lld"), n);
      break;

    case SP_TABLE_REMOVALS:
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_NOT_FOUND, _("There is no removed block %lld"), n);
      break;

    case SP_TABLE_SPEAKERS:
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_NOT_FOUND, _("There is no discovered speaker %lld"), n);
      break;

    case SP_TABLE_ACTOR_ALIASES:
    case SP_TABLE_ACTOR_KEYS:
    case SP_TABLE_ISSUE_KEYWORDS:
    case SP_TABLE_DOCUMENT_FINGERPRINTS:
    case SP_TABLE_SUGGESTION_MODEL:
    case SP_N_TABLES:
    default:
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_NOT_FOUND, _("There is no row %lld"), n);
      break;
    }
}

SpStmt *
_sp_project_prepare (SpProject   *self,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_assert (SP_IS_PROJECT (self));

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _sp_project_set_error (self, error, rc, _("Could not read the project"));
      return NULL;
    }

  return stmt;
}

/*
 * _sp_project_prepare_cached:
 * @sql: a string literal: the cache knows statements by the address of their text
 *
 * Returns the statement prepared once for the life of the connection (an import writes the
 * same rows thousands of times). Only for statements stepped to their end or released
 * before the same text is asked for again: see #SpCachedStmt.
 *
 * Returns: (transfer none): the statement, reset, or %NULL with @error set
 */
SpCachedStmt *
_sp_project_prepare_cached (SpProject   *self,
                            const char  *sql,
                            GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_assert (SP_IS_PROJECT (self));

  if (self->statements == NULL)
    self->statements = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                              (GDestroyNotify)sqlite3_finalize);

  if ((stmt = g_hash_table_lookup (self->statements, sql)) != NULL)
    return stmt;

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _sp_project_set_error (self, error, rc, _("Could not read the project"));
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer)sql, stmt);
  return stmt;
}

/* Finalizes the cached statements, before the connection closes. */
void
_sp_project_clear_statements (SpProject *self)
{
  g_clear_pointer (&self->statements, g_hash_table_unref);
}

gboolean
_sp_project_exec (SpProject   *self,
                  const char  *sql,
                  GError     **error)
{
  g_assert (SP_IS_PROJECT (self));

  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      _sp_project_set_error (self, error, sqlite3_extended_errcode (self->db),
                             _("Could not update the project"));
      return FALSE;
    }

  return TRUE;
}

/*
 * _sp_project_rollback:
 * @sql: "ROLLBACK", or the statements that roll back a savepoint
 * @error: where a failure goes when nothing is there yet
 *
 * Rolls back after something failed. The first failure is what the user reads, so a failed
 * rollback only fills @error when it is still empty, and is logged otherwise.
 */
void
_sp_project_rollback (SpProject   *self,
                      const char  *sql,
                      GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  g_assert (SP_IS_PROJECT (self));

  if (_sp_project_exec (self, sql, &local_error))
    return;

  if (error != NULL && *error == NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    g_warning ("%s: could not roll back: %s", self->path, local_error->message);
}

/* Steps a statement that returns no rows (INSERT, UPDATE, DELETE). */
gboolean
_sp_project_step_done (SpProject  *self,
                       SpStmt     *stmt,
                       GError    **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    {
      _sp_project_set_error (self, error, rc, _("Could not update the project"));
      return FALSE;
    }

  return TRUE;
}

/*
 * _sp_project_step_row:
 * @context: what a failure message starts with, e.g. "Could not list the actors"
 *
 * Steps a query. A row is returned only when every text value in it could be read: SQLite
 * returns %NULL from sqlite3_column_text() when it runs out of memory converting one, which
 * would otherwise pass for an SQL NULL. Later _sp_project_column_text() calls on the row
 * return the values read here without allocating again.
 *
 * Returns: 1 on a row, 0 when there are no more, -1 with @error set
 */
int
_sp_project_step_row (SpProject   *self,
                      SpStmt      *stmt,
                      const char  *context,
                      GError     **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE)
    return 0;

  if (rc != SQLITE_ROW)
    {
      _sp_project_set_error (self, error, rc, context);
      return -1;
    }

  for (int i = 0, n = sqlite3_column_count (stmt); i < n; i++)
    {
      if (sqlite3_column_type (stmt, i) == SQLITE_TEXT && sqlite3_column_text (stmt, i) == NULL)
        {
          _sp_project_set_error (self, error, SQLITE_NOMEM, context);
          return -1;
        }
    }

  return 1;
}

/*
 * _sp_project_bind_text:
 * @text: (nullable): must stay alive until the statement has been stepped for the last time
 *
 * Binds without copying (SQLITE_STATIC), so that binding cannot fail for want of memory and
 * leave the parameter NULL: a nullable column would then take NULL without a word. Every
 * caller binds strings that outlive the statement's steps.
 */
void
_sp_project_bind_text (SpStmt     *stmt,
                       int         column,
                       const char *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, column);
  else
    sqlite3_bind_text (stmt, column, text, -1, SQLITE_STATIC);
}

/* Returns: (nullable): a text column of a row that _sp_project_step_row() returned */
const char *
_sp_project_column_text (SpStmt *stmt,
                         int     column)
{
  return (const char *)sqlite3_column_text (stmt, column);
}

/*
 * _sp_project_dup_display_text:
 *
 * A column of text that is only shown (a document's metadata and body, a claim's note and
 * quote): a project damaged on disk or written by an older importer may hold bytes there that
 * are not UTF-8, and opening it only notes them (sp-project-text-check.c). They are read with
 * U+FFFD in their place, so nothing above the store ever sees text that is not UTF-8.
 *
 * Returns: (transfer full) (nullable): the text, valid UTF-8, or %NULL for SQL NULL
 */
char *
_sp_project_dup_display_text (SpStmt *stmt,
                              int     column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);
  int length = sqlite3_column_bytes (stmt, column);

  if (text == NULL)
    return NULL;

  if (g_utf8_validate (text, length, NULL))
    return g_strndup (text, length);

  return g_utf8_make_valid (text, length);
}

char *
_sp_project_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/*
 * _sp_project_action_time:
 *
 * The time the open action's new rows are stamped with, as _sp_project_now() gives it: the
 * time the first of them asked. An import writes hundreds of documents in a transaction of
 * a tenth of a second, and formatting the time for each took as long as writing its
 * fingerprint.
 *
 * Returns: (transfer none): valid until the outermost action ends
 */
const char *
_sp_project_action_time (SpProject *self)
{
  g_assert (SP_IS_PROJECT (self));
  g_assert (self->action_depth > 0);

  if (self->action_time == NULL)
    self->action_time = _sp_project_now ();

  return self->action_time;
}

void
_sp_project_mark_changed (SpProject     *self,
                          SpChangeFlags  what)
{
  g_assert (SP_IS_PROJECT (self));
  g_assert (self->action_depth > 0);

  self->action_changes |= what;
}

static gboolean
record_for_undo (SpProject  *self,
                 SpTable     table,
                 gint64      id,
                 gboolean    inserted,
                 GError    **error)
{
  g_assert (SP_IS_PROJECT (self));
  g_assert (self->action_depth > 0);

  /* Actions without an undo label (imports) record nothing */
  if (self->action_step == NULL)
    return TRUE;

  return _sp_undo_step_record (self->action_step, self->db, table, id, inserted, error);
}

/* Called by a mutator before it changes or deletes a row inside an action, so that the undo
 * step can restore the row's earlier state. */
gboolean
_sp_project_touch (SpProject  *self,
                   SpTable     table,
                   gint64      id,
                   GError    **error)
{
  return record_for_undo (self, table, id, FALSE, error);
}

/* Called by a mutator right after it inserted a row: undoing the action deletes it. */
gboolean
_sp_project_touch_inserted (SpProject  *self,
                            SpTable     table,
                            gint64      id,
                            GError    **error)
{
  return record_for_undo (self, table, id, TRUE, error);
}

/*
 * _sp_project_row_written:
 * @id: (inout): 0 after an INSERT, which sets it to the new row's id; the row's id after an
 *   UPDATE (touched for undo before it ran)
 *
 * What follows the INSERT or UPDATE of one row in a mutator: the new row is recorded for
 * undo; an UPDATE that found no row is "not found".
 */
gboolean
_sp_project_row_written (SpProject  *self,
                         SpTable     table,
                         gint64     *id,
                         GError    **error)
{
  if (*id == 0)
    {
      *id = sqlite3_last_insert_rowid (self->db);
      return _sp_project_touch_inserted (self, table, *id, error);
    }

  if (sqlite3_changes (self->db) == 0)
    {
      _sp_project_set_not_found (error, table, *id);
      return FALSE;
    }

  return TRUE;
}

/* A claim's deletion leaves the suggestion it came from accepted, with no claim: the
 * foreign key would clear claim_id behind the journal's back, so that undoing the deletion
 * brought the claim back without its link; the link is cleared here, recorded. */
static gboolean
unlink_suggestions (SpProject  *self,
                    gint64      claim_id,
                    GError    **error)
{
  g_autoptr(SpStmt) select = NULL;
  g_autoptr(SpStmt) update = NULL;
  g_autoptr(GArray) ids = NULL;

  if (!(select = _sp_project_prepare (self, "SELECT id FROM suggestions WHERE claim_id = ?1", error)))
    return FALSE;

  sqlite3_bind_int64 (select, 1, claim_id);
  if (!(ids = _sp_project_select_ids (self, select, error)))
    return FALSE;
  if (ids->len == 0)
    return TRUE;

  for (guint i = 0; i < ids->len; i++)
    if (!_sp_project_touch (self, SP_TABLE_SUGGESTIONS, g_array_index (ids, gint64, i), error))
      return FALSE;

  if (!(update = _sp_project_prepare (self, "UPDATE suggestions SET claim_id = NULL WHERE claim_id = ?1",
                                      error)))
    return FALSE;

  sqlite3_bind_int64 (update, 1, claim_id);
  if (!_sp_project_step_done (self, update, error))
    return FALSE;

  _sp_project_mark_changed (self, SP_CHANGE_SUGGESTIONS);

  return TRUE;
}

/* Deletes one row, recorded for undo; "not found" when it is not there. */
gboolean
_sp_project_delete_row (SpProject  *self,
                        SpTable     table,
                        gint64      id,
                        GError    **error)
{
  g_autoptr(SpStmt) stmt = NULL;

  if ((table == SP_TABLE_CLAIMS && !unlink_suggestions (self, id, error)) ||
      !_sp_project_touch (self, table, id, error) ||
      !(stmt = _sp_project_prepare (self, _sp_table_delete_sql (table), error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!_sp_project_step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (self->db) == 0)
    {
      _sp_project_set_not_found (error, table, id);
      return FALSE;
    }

  return TRUE;
}

/*
 * _sp_project_check_exists:
 * @sql: selects the row @id of @table, bound to ?1
 * @context: what failed, for the error when the lookup itself fails
 *
 * Refuses a reference to a row that is not there (a claim's actor, a suggestion's claim); a
 * failed lookup is a failure, never "not found".
 *
 * Returns: %FALSE with %SP_PROJECT_ERROR_NOT_FOUND when there is no such row
 */
gboolean
_sp_project_check_exists (SpProject   *self,
                          SpTable      table,
                          const char  *sql,
                          gint64       id,
                          const char  *context,
                          GError     **error)
{
  g_autoptr(SpStmt) stmt = NULL;
  int rc;

  g_assert (SP_IS_PROJECT (self));

  if (!(stmt = _sp_project_prepare (self, sql, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if ((rc = _sp_project_step_row (self, stmt, context, error)) < 0)
    return FALSE;

  if (rc == 0)
    {
      _sp_project_set_not_found (error, table, id);
      return FALSE;
    }

  return TRUE;
}

/*
 * _sp_project_count:
 * @sql: a query whose one row's first column is a count
 * @context: what failed, for the warning when the query fails
 *
 * Returns: the count, or 0 (with a warning) when the project could not be read
 */
guint
_sp_project_count (SpProject  *self,
                   const char *sql,
                   const char *context)
{
  g_autoptr(SpStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (SP_IS_PROJECT (self));

  if (!(stmt = _sp_project_prepare (self, sql, &error)) ||
      _sp_project_step_row (self, stmt, context, &error) <= 0)
    {
      g_warning ("%s: %s", self->path, error ? error->message : "no result");
      return 0;
    }

  return sqlite3_column_int (stmt, 0);
}

/*
 * _sp_project_select_ids:
 * @select: a bound query whose first column is a row id
 *
 * Returns: (transfer full) (element-type gint64): the ids it returns, or %NULL with @error set
 */
GArray *
_sp_project_select_ids (SpProject  *self,
                        SpStmt     *select,
                        GError    **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  while ((rc = _sp_project_step_row (self, select, _("Could not read the project"), error)) > 0)
    {
      gint64 id = sqlite3_column_int64 (select, 0);
      g_array_append_val (ids, id);
    }

  return rc < 0 ? NULL : g_steal_pointer (&ids);
}

/*
 * _sp_project_delete_rows:
 * @select_ids_sql: selects the ids of the rows to delete, with @owner_id bound to ?1
 *
 * Deletes rows one by one so that each is recorded for undo; used where a deletion takes
 * dependent rows with it (an actor's claims and aliases).
 */
gboolean
_sp_project_delete_rows (SpProject   *self,
                         SpTable      table,
                         const char  *select_ids_sql,
                         gint64       owner_id,
                         GError     **error)
{
  g_autoptr(SpStmt) select = NULL;
  g_autoptr(GArray) ids = NULL;

  if (!(select = _sp_project_prepare (self, select_ids_sql, error)))
    return FALSE;

  sqlite3_bind_int64 (select, 1, owner_id);
  if (!(ids = _sp_project_select_ids (self, select, error)))
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    if (!_sp_project_delete_row (self, table, g_array_index (ids, gint64, i), error))
      return FALSE;

  return TRUE;
}

/*
 * _sp_project_update_rows:
 * @select_ids_sql: finds the rows to change, with @owner_id as ?1
 * @update_sql: changes one row, its id as ?1 and, when it has a ?2, @value as ?2 (0 binds
 *   NULL)
 *
 * Touches each row for the undo journal, then rewrites it: the rows of one owner that move
 * to another, or lose it.
 */
gboolean
_sp_project_update_rows (SpProject   *self,
                         SpTable      table,
                         const char  *select_ids_sql,
                         const char  *update_sql,
                         gint64       owner_id,
                         gint64       value,
                         GError     **error)
{
  g_autoptr(SpStmt) select = NULL;
  g_autoptr(SpStmt) update = NULL;
  g_autoptr(GArray) ids = NULL;

  if (!(select = _sp_project_prepare (self, select_ids_sql, error)))
    return FALSE;

  sqlite3_bind_int64 (select, 1, owner_id);
  if (!(ids = _sp_project_select_ids (self, select, error)) ||
      !(update = _sp_project_prepare (self, update_sql, error)))
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      if (!_sp_project_touch (self, table, id, error))
        return FALSE;

      sqlite3_reset (update);
      sqlite3_bind_int64 (update, 1, id);
      if (sqlite3_bind_parameter_count (update) >= 2)
        {
          if (value != 0)
            sqlite3_bind_int64 (update, 2, value);
          else
            sqlite3_bind_null (update, 2);
        }
      if (!_sp_project_step_done (self, update, error))
        return FALSE;
    }

  return TRUE;
}

/*
 * _sp_project_only_item:
 * @one: (transfer none): what a query for the row @id returned
 *
 * Returns: (transfer full) (nullable): the one item of @one, or %NULL with "not found"
 */
gpointer
_sp_project_only_item (GListModel  *one,
                       SpTable      table,
                       gint64       id,
                       GError     **error)
{
  /* a query for id 0 lists every row */
  if (id <= 0 || g_list_model_get_n_items (one) == 0)
    {
      _sp_project_set_not_found (error, table, id);
      return NULL;
    }

  return g_list_model_get_item (one, 0);
}
