/* sp-project.c
 *
 * Opening, creating and migrating a project file, and the action machinery every mutator
 * goes through: an action is one SQLite transaction (nested actions are savepoints inside
 * it) and, when it has an undo label, one undo step. Project files come from anywhere, so
 * the connection is opened defensively (see DESIGN.md, "Untrusted input").
 */
#define G_LOG_DOMAIN "sp-project"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sp-project-private.h"

enum {
  PROP_0,
  PROP_PATH,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (SpProject, sp_project, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
sp_project_finalize (GObject *object)
{
  SpProject *self = (SpProject *)object;

  if (self->action_depth > 0)
    {
      g_critical ("Project %s closed with an open action; rolling it back", self->path);
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
    }

  g_clear_pointer (&self->action_step, _sp_undo_step_free);
  g_clear_pointer (&self->action_marks, g_array_unref);
  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->redo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->db, sqlite3_close);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (sp_project_parent_class)->finalize (object);
}

static void
sp_project_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SpProject *self = SP_PROJECT (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_CAN_UNDO:
      g_value_set_boolean (value, sp_project_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, sp_project_can_redo (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_project_class_init (SpProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sp_project_finalize;
  object_class->get_property = sp_project_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SpProject::changed:
   * @what: the #SpChangeFlags of what a committed action, undo or redo touched
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
sp_project_init (SpProject *self)
{
  self->action_marks = g_array_new (FALSE, FALSE, sizeof (guint));
  self->undo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify)_sp_undo_step_free);
  self->redo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify)_sp_undo_step_free);
}

/* Helpers shared by the sp-project-*.c files */

void
_sp_project_set_error (SpProject   *self,
                       GError     **error,
                       int          rc,
                       const char  *context)
{
  SpProjectError code = SP_PROJECT_ERROR_FAILED;

  switch (rc)
    {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      code = SP_PROJECT_ERROR_CONFLICT;
      break;

    case SQLITE_CONSTRAINT_CHECK:
    case SQLITE_CONSTRAINT_NOTNULL:
      code = SP_PROJECT_ERROR_INVALID;
      break;

    case SQLITE_CONSTRAINT_FOREIGNKEY:
      code = SP_PROJECT_ERROR_IN_USE;
      break;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      code = SP_PROJECT_ERROR_CORRUPT;
      break;

    default:
      break;
    }

  g_set_error (error, SP_PROJECT_ERROR, code, "%s: %s",
               context, self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
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

gboolean
_sp_project_exec (SpProject   *self,
                  const char  *sql,
                  GError     **error)
{
  int rc;

  g_assert (SP_IS_PROJECT (self));

  rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      _sp_project_set_error (self, error, sqlite3_extended_errcode (self->db),
                             _("Could not update the project"));
      return FALSE;
    }

  return TRUE;
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
      _sp_project_set_error (self, error, sqlite3_extended_errcode (self->db),
                             _("Could not update the project"));
      return FALSE;
    }

  return TRUE;
}

void
_sp_project_bind_text (SpStmt     *stmt,
                       int         column,
                       const char *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, column);
  else
    sqlite3_bind_text (stmt, column, text, -1, SQLITE_TRANSIENT);
}

const char *
_sp_project_column_text (SpStmt *stmt,
                         int     column)
{
  return (const char *)sqlite3_column_text (stmt, column);
}

char *
_sp_project_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

void
_sp_project_mark_changed (SpProject     *self,
                          SpChangeFlags  what)
{
  g_assert (SP_IS_PROJECT (self));
  g_assert (self->action_depth > 0);

  self->action_changes |= what;
}

/*
 * _sp_project_touch:
 *
 * Called by a mutator before it changes or deletes a row inside an action, so that the undo
 * step can restore the row's earlier state. Actions without an undo label (imports) record
 * nothing.
 */
gboolean
_sp_project_touch (SpProject  *self,
                   SpTable     table,
                   gint64      id,
                   GError    **error)
{
  g_assert (SP_IS_PROJECT (self));
  g_assert (self->action_depth > 0);

  if (self->action_step == NULL)
    return TRUE;

  return _sp_undo_step_record (self->action_step, self->db, table, id, FALSE, error);
}

/* Called by a mutator right after it inserted a row: undoing the action deletes it. */
gboolean
_sp_project_touch_inserted (SpProject  *self,
                            SpTable     table,
                            gint64      id,
                            GError    **error)
{
  g_assert (SP_IS_PROJECT (self));
  g_assert (self->action_depth > 0);

  if (self->action_step == NULL)
    return TRUE;

  return _sp_undo_step_record (self->action_step, self->db, table, id, TRUE, error);
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
  g_autoptr(SpStmt) delete = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (!(select = _sp_project_prepare (self, select_ids_sql, error)) ||
      !(delete = _sp_project_prepare (self, _sp_table_delete_sql (table), error)))
    return FALSE;

  sqlite3_bind_int64 (select, 1, owner_id);
  while ((rc = sqlite3_step (select)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (select, 0);
      g_array_append_val (ids, id);
    }

  if (rc != SQLITE_DONE)
    {
      _sp_project_set_error (self, error, rc, _("Could not read the project"));
      return FALSE;
    }

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      if (!_sp_project_touch (self, table, id, error))
        return FALSE;

      sqlite3_reset (delete);
      sqlite3_bind_int64 (delete, 1, id);
      if (!_sp_project_step_done (self, delete, error))
        return FALSE;
    }

  return TRUE;
}

/* Opening */

static gboolean
read_int_pragma (sqlite3    *db,
                 const char *sql,
                 gint64     *value)
{
  g_autoptr(SpStmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;

  *value = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static gboolean
quick_check (sqlite3     *db,
             const char  *path,
             GError     **error)
{
  g_autoptr(SpStmt) stmt = NULL;
  const char *result;

  if (sqlite3_prepare_v2 (db, "PRAGMA quick_check(1)", -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_CORRUPT,
                   _("%s is damaged and cannot be opened: %s"), path, sqlite3_errmsg (db));
      return FALSE;
    }

  result = (const char *)sqlite3_column_text (stmt, 0);
  if (g_strcmp0 (result, "ok") != 0)
    {
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_CORRUPT,
                   _("%s is damaged and cannot be opened: %s"), path, result);
      return FALSE;
    }

  return TRUE;
}

/* Copies the file aside with SQLite's online backup before a migration touches it. */
static gboolean
backup_before_migration (sqlite3     *db,
                         const char  *path,
                         gint64       version,
                         GError     **error)
{
  g_autofree char *backup_path = NULL;
  sqlite3 *backup_db = NULL;
  sqlite3_backup *backup;
  int rc;

  for (guint i = 0; backup_path == NULL || g_file_test (backup_path, G_FILE_TEST_EXISTS); i++)
    {
      g_free (backup_path);
      if (i == 0)
        backup_path = g_strdup_printf ("%s.v%" G_GINT64_FORMAT ".bak", path, version);
      else
        backup_path = g_strdup_printf ("%s.v%" G_GINT64_FORMAT "-%u.bak", path, version, i);
    }

  rc = sqlite3_open_v2 (backup_path, &backup_db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (backup_db, "main", db, "main");
      if (backup != NULL)
        {
          sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
        }
      rc = sqlite3_errcode (backup_db);
    }

  if (rc != SQLITE_OK)
    {
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_FAILED,
                   _("Could not back up %s to %s before updating it: %s"),
                   path, backup_path, sqlite3_errstr (rc));
      sqlite3_close (backup_db);
      g_unlink (backup_path);
      return FALSE;
    }

  sqlite3_close (backup_db);
  g_debug ("Backed up %s to %s before migration", path, backup_path);

  return TRUE;
}

/* How long a connection waits for another one's write lock, looking every millisecond:
 * SQLite's own busy timeout looks again only every 100 ms once it has waited a while, so
 * it would miss the short gaps an import leaves between its write transactions. */
#define BUSY_WAIT_MS 10000

static int
busy_cb (void *user_data,
         int   n_calls)
{
  if (n_calls >= BUSY_WAIT_MS)
    return 0;

  g_usleep (1000);
  return 1;
}

/* Sets up a connection the same way for every file, ours or not yet checked. Nothing here
 * writes to the file: a database that turns out not to be ours must stay untouched. */
static gboolean
configure_connection (sqlite3     *db,
                      const char  *path,
                      GError     **error)
{
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_handler (db, busy_cb, NULL);

  if (sqlite3_exec (db,
                    "PRAGMA foreign_keys = ON;"
                    "PRAGMA cell_size_check = ON;"
                    "PRAGMA synchronous = FULL;",
                    NULL, NULL, NULL) != SQLITE_OK)
    {
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_NOT_A_PROJECT,
                   _("%s is not a Standpoint project: %s"), path, sqlite3_errmsg (db));
      return FALSE;
    }

  return TRUE;
}

/* WAL lets the window read while an import worker writes; a crash leaves the WAL behind and
 * the next open replays every committed transaction in it. Switching writes the header, so
 * it happens only once the file is known to be ours. */
static gboolean
enable_wal (sqlite3     *db,
            const char  *path,
            GError     **error)
{
  g_autoptr(SpStmt) stmt = NULL;
  const char *mode = NULL;

  if (sqlite3_prepare_v2 (db, "PRAGMA journal_mode = WAL", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    mode = (const char *)sqlite3_column_text (stmt, 0);

  if (mode == NULL)
    {
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_FAILED,
                   _("Could not open %s: %s"), path, sqlite3_errmsg (db));
      return FALSE;
    }

  if (g_strcmp0 (mode, "wal") != 0)
    g_warning ("%s: journal mode is %s, not wal", path, mode);

  return TRUE;
}

static gboolean
initialise_new_file (sqlite3     *db,
                     const char  *path,
                     GError     **error)
{
  g_autofree char *set_id = NULL;

  set_id = g_strdup_printf ("PRAGMA application_id = %d", SP_PROJECT_APPLICATION_ID);

  if (!enable_wal (db, path, error))
    return FALSE;

  if (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_exec (db, set_id, NULL, NULL, NULL) != SQLITE_OK)
    {
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_FAILED,
                   _("Could not create %s: %s"), path, sqlite3_errmsg (db));
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  if (!_sp_project_schema_migrate (db, 0, SP_PROJECT_SCHEMA_VERSION, error) ||
      sqlite3_exec (db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    {
      if (error && *error == NULL)
        g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_FAILED,
                     _("Could not create %s: %s"), path, sqlite3_errmsg (db));
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_and_migrate (sqlite3     *db,
                   const char  *path,
                   GError     **error)
{
  gint64 application_id = 0;
  gint64 version = 0;

  if (!read_int_pragma (db, "PRAGMA application_id", &application_id) ||
      !read_int_pragma (db, "PRAGMA user_version", &version))
    {
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_NOT_A_PROJECT,
                   _("%s is not a Standpoint project: %s"), path, sqlite3_errmsg (db));
      return FALSE;
    }

  if (application_id != SP_PROJECT_APPLICATION_ID || version < 1)
    {
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_NOT_A_PROJECT,
                   _("%s is not a Standpoint project (it is an SQLite database of another program)"),
                   path);
      return FALSE;
    }

  if (version > SP_PROJECT_SCHEMA_VERSION)
    {
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_NEWER_VERSION,
                   _("%s was written by a newer Standpoint (project version %d; this version understands up to %d)"),
                   path, (int)version, SP_PROJECT_SCHEMA_VERSION);
      return FALSE;
    }

  if (!quick_check (db, path, error) ||
      !enable_wal (db, path, error))
    return FALSE;

  if (version < SP_PROJECT_SCHEMA_VERSION)
    {
      if (!backup_before_migration (db, path, version, error))
        return FALSE;

      if (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        {
          g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_FAILED,
                       _("Could not update %s: %s"), path, sqlite3_errmsg (db));
          return FALSE;
        }

      if (!_sp_project_schema_migrate (db, version, SP_PROJECT_SCHEMA_VERSION, error) ||
          sqlite3_exec (db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        {
          if (error && *error == NULL)
            g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_FAILED,
                         _("Could not update %s: %s"), path, sqlite3_errmsg (db));
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
    }

  return TRUE;
}

static SpProject *
open_path (const char  *path,
           gboolean     create,
           GError     **error)
{
  g_autoptr(SpProject) self = NULL;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_EXRESCODE;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  if (create)
    {
      if (g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_EXISTS,
                       _("%s already exists"), path);
          return NULL;
        }
      flags |= SQLITE_OPEN_CREATE;
    }
  else if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("%s does not exist or is not a file"), path);
      return NULL;
    }

  self = g_object_new (SP_TYPE_PROJECT, NULL);
  self->path = g_strdup (path);

  rc = sqlite3_open_v2 (path, &self->db, flags, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_FAILED,
                   _("Could not open %s: %s"), path,
                   self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return NULL;
    }

  if (!configure_connection (self->db, path, error))
    return NULL;

  if (create)
    {
      if (!initialise_new_file (self->db, path, error))
        {
          g_clear_pointer (&self->db, sqlite3_close);
          g_unlink (path);
          return NULL;
        }
    }
  else if (!check_and_migrate (self->db, path, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * sp_project_create:
 * @path: where the new project file goes; it must not exist yet
 *
 * Returns: (transfer full): the new, empty project
 */
SpProject *
sp_project_create (const char  *path,
                   GError     **error)
{
  return open_path (path, TRUE, error);
}

/**
 * sp_project_open:
 *
 * Opens an existing project, refusing files that are not ours, newer than we understand or
 * damaged. An older project is backed up (PATH.vN.bak) and migrated.
 *
 * Returns: (transfer full): the project
 */
SpProject *
sp_project_open (const char  *path,
                 GError     **error)
{
  return open_path (path, FALSE, error);
}

/**
 * sp_project_open_or_create:
 *
 * Returns: (transfer full): the project at @path, created when nothing is there
 */
SpProject *
sp_project_open_or_create (const char  *path,
                           GError     **error)
{
  return open_path (path, !g_file_test (path, G_FILE_TEST_EXISTS), error);
}

const char *
sp_project_get_path (SpProject *self)
{
  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);
  return self->path;
}

/**
 * sp_project_is_read_only:
 *
 * Returns: whether the project was opened read-only (its file or folder cannot be written);
 *   every edit then fails with %SP_PROJECT_ERROR_READ_ONLY
 */
gboolean
sp_project_is_read_only (SpProject *self)
{
  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);
  return self->read_only;
}

/**
 * sp_project_notify_changed:
 *
 * Emits SpProject::changed for changes another connection (a worker thread's) committed to
 * the same file, so that views over this connection reload.
 */
void
sp_project_notify_changed (SpProject     *self,
                           SpChangeFlags  what)
{
  g_return_if_fail (SP_IS_PROJECT (self));

  if (what != 0)
    g_signal_emit (self, signals[CHANGED], 0, (guint)what);
}

/* Actions */

/**
 * sp_project_begin_action:
 * @undo_label: (nullable): what Undo will say it undoes, or %NULL for an action that is not
 *   undone (an import)
 *
 * Starts an action: one transaction, and one undo step when @undo_label is given. Actions
 * nest; a nested action is a savepoint whose failure rolls back only its own changes, and the
 * outermost action's label names the undo step. Every call must be paired with
 * sp_project_end_action().
 */
gboolean
sp_project_begin_action (SpProject   *self,
                         const char  *undo_label,
                         GError     **error)
{
  guint mark = 0;

  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);

  if (self->action_depth == 0)
    {
      if (!_sp_project_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;

      self->action_changes = 0;
      g_clear_pointer (&self->action_step, _sp_undo_step_free);
      if (undo_label != NULL)
        self->action_step = _sp_undo_step_new (undo_label);
    }
  else if (!_sp_project_exec (self, "SAVEPOINT sp_action", error))
    return FALSE;

  if (self->action_step != NULL)
    mark = _sp_undo_step_get_length (self->action_step);

  g_array_append_val (self->action_marks, mark);
  self->action_depth++;

  return TRUE;
}

static void
push_undo_step (SpProject  *self,
                SpUndoStep *step)
{
  gboolean could_redo = sp_project_can_redo (self);
  gboolean could_undo = sp_project_can_undo (self);

  g_ptr_array_add (self->undo_stack, step);
  g_ptr_array_set_size (self->redo_stack, 0);

  if (!could_undo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

/**
 * sp_project_end_action:
 * @success: whether the action's changes stand; %FALSE rolls them back
 *
 * Ends the innermost action. Ending the outermost one commits the transaction, records the
 * undo step and emits SpProject::changed. Returns %FALSE when the changes could not be
 * committed, or when @success was %FALSE (without setting @error then).
 */
gboolean
sp_project_end_action (SpProject  *self,
                       gboolean    success,
                       GError    **error)
{
  guint mark;
  SpChangeFlags changes;
  g_autoptr(SpUndoStep) step = NULL;

  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (self->action_depth > 0, FALSE);

  self->action_depth--;
  mark = g_array_index (self->action_marks, guint, self->action_depth);
  g_array_set_size (self->action_marks, self->action_depth);

  if (self->action_depth > 0)
    {
      if (success)
        return _sp_project_exec (self, "RELEASE sp_action", error);

      sqlite3_exec (self->db, "ROLLBACK TO sp_action; RELEASE sp_action", NULL, NULL, NULL);
      if (self->action_step != NULL)
        _sp_undo_step_truncate (self->action_step, mark);
      return FALSE;
    }

  step = g_steal_pointer (&self->action_step);
  changes = self->action_changes;
  self->action_changes = 0;

  if (!success)
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  if ((step != NULL && !_sp_undo_step_finish (step, self->db, error)) ||
      !_sp_project_exec (self, "COMMIT", error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  if (step != NULL && _sp_undo_step_get_length (step) > 0)
    push_undo_step (self, g_steal_pointer (&step));

  sp_project_notify_changed (self, changes);

  return TRUE;
}

/* Undo and redo */

gboolean
sp_project_can_undo (SpProject *self)
{
  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);
  return self->undo_stack->len > 0;
}

gboolean
sp_project_can_redo (SpProject *self)
{
  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);
  return self->redo_stack->len > 0;
}

/* Returns: (nullable): the label of the step Undo would undo */
const char *
sp_project_get_undo_label (SpProject *self)
{
  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);

  if (self->undo_stack->len == 0)
    return NULL;
  return _sp_undo_step_get_label (g_ptr_array_index (self->undo_stack, self->undo_stack->len - 1));
}

/* Returns: (nullable): the label of the step Redo would redo */
const char *
sp_project_get_redo_label (SpProject *self)
{
  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);

  if (self->redo_stack->len == 0)
    return NULL;
  return _sp_undo_step_get_label (g_ptr_array_index (self->redo_stack, self->redo_stack->len - 1));
}

/* Moves the top step of @from to @to after applying it in one transaction. On failure the
 * step is dropped: the rows it would restore have been changed by other means. */
static gboolean
replay_step (SpProject  *self,
             GPtrArray  *from,
             GPtrArray  *to,
             gboolean    backwards,
             GError    **error)
{
  SpUndoStep *step;
  SpChangeFlags changes = 0;

  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (self->action_depth == 0, FALSE);

  if (from->len == 0)
    return TRUE;

  step = g_ptr_array_steal_index (from, from->len - 1);

  if (!_sp_project_exec (self, "BEGIN IMMEDIATE; PRAGMA defer_foreign_keys = ON", error))
    {
      g_ptr_array_add (from, step);
      return FALSE;
    }

  if (!_sp_undo_step_apply (step, self->db, backwards, &changes, error) ||
      !_sp_project_exec (self, "COMMIT", error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      _sp_undo_step_free (step);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
      return FALSE;
    }

  g_ptr_array_add (to, step);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  sp_project_notify_changed (self, changes);

  return TRUE;
}

/**
 * sp_project_undo:
 *
 * Restores every row the last undoable action changed, in one transaction.
 */
gboolean
sp_project_undo (SpProject  *self,
                 GError    **error)
{
  return replay_step (self, self->undo_stack, self->redo_stack, TRUE, error);
}

/**
 * sp_project_redo:
 *
 * Reapplies the last undone action, in one transaction.
 */
gboolean
sp_project_redo (SpProject  *self,
                 GError    **error)
{
  return replay_step (self, self->redo_stack, self->undo_stack, FALSE, error);
}
