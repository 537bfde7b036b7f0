/* sp-project-open.c
 *
 * Opening, creating and migrating a project file. Project files come from anywhere, so the
 * connection is opened defensively and nothing is written to a file before it is known to be
 * ours, of a version we understand, undamaged and holding only the schema our migrations
 * create (DESIGN.md, "Untrusted input"); a file refused for any of these reasons is left
 * exactly as it was.
 *
 * A file that cannot be written (the file, or its folder, which must take the WAL's -wal and
 * -shm files) is opened read-only. A read-only connection to a WAL database still needs the
 * -shm file: when it is missing and cannot be created, the file is opened "immutable", which
 * reads the database file alone, and a note says so if a write-ahead log was left behind.
 */
#define G_LOG_DOMAIN "sp-project"

#include "config.h"

#include <errno.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sp-project-private.h"

typedef enum
{
  OPEN_EXISTING,
  OPEN_CREATE,
  OPEN_READ_ONLY,
} OpenMode;

/* Words for a failure while opening @path; SQLite's own only where ours would say less. */
static void
set_open_error (sqlite3     *db,
                const char  *path,
                int          rc,
                GError     **error)
{
  g_autofree char *context = NULL;

  if ((rc & 0xff) == SQLITE_NOTADB)
    {
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_NOT_A_PROJECT,
                   _("%s is not a Standpoint project (it is not an SQLite database)"), path);
      return;
    }

  if ((rc & 0xff) == SQLITE_CORRUPT)
    {
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_CORRUPT,
                   _("%s is damaged and cannot be opened"), path);
      return;
    }

  context = g_strdup_printf (_("Could not open %s"), path);
  _sp_sqlite_set_error (db, error, rc, context);
}

static gboolean
exec_or_fail (sqlite3     *db,
              const char  *path,
              const char  *sql,
              GError     **error)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      set_open_error (db, path, sqlite3_extended_errcode (db), error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_int (sqlite3     *db,
          const char  *path,
          const char  *sql,
          gint64      *value,
          GError     **error)
{
  g_autoptr(SpStmt) stmt = NULL;
  int rc;

  if ((rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL)) != SQLITE_OK ||
      (rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      set_open_error (db, path, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, error);
      return FALSE;
    }

  *value = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static gboolean
check_cancelled (GCancellable  *cancellable,
                 GError       **error)
{
  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

static void
interrupt_cb (GCancellable *cancellable,
              sqlite3      *db)
{
  sqlite3_interrupt (db);
}

/* Sets up a connection the same way for every file, ours or not yet checked. Nothing here
 * writes to the file: a database that turns out not to be ours must stay untouched. */
static gboolean
configure_connection (SpProject   *self,
                      GError     **error)
{
  sqlite3 *db = self->db;

  if (sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL) != SQLITE_OK ||
      sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL) != SQLITE_OK ||
      sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL) != SQLITE_OK)
    {
      set_open_error (db, self->path, sqlite3_extended_errcode (db), error);
      return FALSE;
    }

  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_handler (db, _sp_sqlite_busy_cb, &self->busy_since);

  return TRUE;
}

/* Some of these read the schema, so they come after open_read_only() has made sure the file
 * can be read at all. */
static gboolean
set_pragmas (SpProject   *self,
             GError     **error)
{
  return exec_or_fail (self->db, self->path,
                       "PRAGMA foreign_keys = ON;"
                       "PRAGMA cell_size_check = ON;"
                       "PRAGMA synchronous = FULL;"
                       /* a log grown by a long import shrinks back at its next reset */
                       "PRAGMA journal_size_limit = 8388608;"
                       SP_PROJECT_CACHE_PRAGMA,
                       error);
}

/* Returns: (nullable): why @path cannot be written, or %NULL when it can */
static char *
unwritable_reason (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_access (path, W_OK) != 0)
    return g_strdup (errno == EROFS ? _("its file system is read-only")
                                    : _("the file cannot be written"));

  if (g_access (dir, W_OK) != 0)
    return g_strdup (errno == EROFS ? _("its file system is read-only")
                                    : _("its folder cannot be written"));

  return NULL;
}

static gboolean
open_connection (SpProject   *self,
                 const char  *filename,
                 int          flags,
                 GError     **error)
{
  int rc;

  g_assert (self->db == NULL);

  rc = sqlite3_open_v2 (filename, &self->db, flags | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc != SQLITE_OK)
    {
      set_open_error (self->db, self->path, rc, error);
      return FALSE;
    }

  return configure_connection (self, error);
}

static void
close_connection (SpProject *self)
{
  _sp_project_clear_statements (self);
  if (self->db != NULL && sqlite3_close_v2 (self->db) != SQLITE_OK)
    g_warning ("%s: could not close: %s", self->path, sqlite3_errmsg (self->db));
  self->db = NULL;
}

/* A read-only connection to a WAL database fails on its first read when the -shm file is
 * missing and cannot be created. Then the file is opened immutable: SQLite reads it without
 * locks or the write-ahead log, which is right for a file nobody can write. */
static gboolean
open_read_only (SpProject   *self,
                GError     **error)
{
  g_autoptr(SpStmt) probe = NULL;
  g_autofree char *absolute = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *immutable = NULL;
  g_autofree char *wal = NULL;
  GStatBuf wal_stat;
  int rc;

  if (self->db == NULL &&
      !open_connection (self, self->path, SQLITE_OPEN_READONLY, error))
    return FALSE;

  if ((rc = sqlite3_prepare_v2 (self->db, "SELECT count(*) FROM sqlite_schema", -1, &probe, NULL)) == SQLITE_OK)
    rc = sqlite3_step (probe);
  g_clear_pointer (&probe, sqlite3_finalize);

  if (rc == SQLITE_ROW || rc == SQLITE_READONLY_ROLLBACK ||
      ((rc & 0xff) != SQLITE_READONLY && (rc & 0xff) != SQLITE_CANTOPEN))
    return TRUE;  /* readable, or a failure the checks that follow will name */

  g_debug ("%s: %s; opening it immutable", self->path, sqlite3_errstr (rc));
  close_connection (self);

  absolute = g_canonicalize_filename (self->path, NULL);
  if (!(uri = g_filename_to_uri (absolute, NULL, error)))
    return FALSE;
  immutable = g_strconcat (uri, "?immutable=1", NULL);
  if (!open_connection (self, immutable, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, error))
    return FALSE;

  wal = g_strconcat (self->path, "-wal", NULL);
  if (g_stat (wal, &wal_stat) == 0 && wal_stat.st_size > 0)
    g_ptr_array_add (self->open_notes,
                     g_strdup_printf (_("%s has a log of recent edits (%s-wal) that cannot be read without writing to its folder: the project is shown without them"),
                                      self->path, self->path));

  return TRUE;
}

static gboolean
quick_check (SpProject   *self,
             GError     **error)
{
  g_autoptr(SpStmt) stmt = NULL;
  const char *result;
  int rc;

  if ((rc = sqlite3_prepare_v2 (self->db, "PRAGMA quick_check(1)", -1, &stmt, NULL)) != SQLITE_OK ||
      (rc = _sp_project_step_row (self, stmt, _("Could not check the project"), NULL)) <= 0)
    {
      set_open_error (self->db, self->path,
                      rc <= 0 ? sqlite3_extended_errcode (self->db) : rc, error);
      return FALSE;
    }

  result = _sp_project_column_text (stmt, 0);
  if (g_strcmp0 (result, "ok") != 0)
    {
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_CORRUPT,
                   _("%s is damaged and cannot be opened: %s"), self->path, result);
      return FALSE;
    }

  return TRUE;
}

/* Copies the file aside with SQLite's online backup before a migration touches it. A backup
 * that could not be made completely stops the migration. */
static gboolean
backup_before_migration (SpProject   *self,
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
        backup_path = g_strdup_printf ("%s.v%" G_GINT64_FORMAT ".bak", self->path, version);
      else
        backup_path = g_strdup_printf ("%s.v%" G_GINT64_FORMAT "-%u.bak", self->path, version, i);
    }

  rc = sqlite3_open_v2 (backup_path, &backup_db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc == SQLITE_OK)
    {
      if ((backup = sqlite3_backup_init (backup_db, "main", self->db, "main")) == NULL)
        rc = sqlite3_extended_errcode (backup_db);
      else
        {
          int step = sqlite3_backup_step (backup, -1);
          int finish = sqlite3_backup_finish (backup);

          rc = step != SQLITE_DONE ? step : finish;
        }
    }

  if (rc != SQLITE_OK)
    {
      g_autofree char *context = g_strdup_printf (_("Could not back up %s to %s before updating it"),
                                                  self->path, backup_path);

      _sp_sqlite_set_error (backup_db, error, rc, context);
      sqlite3_close_v2 (backup_db);
      g_unlink (backup_path);
      return FALSE;
    }

  if (sqlite3_close_v2 (backup_db) != SQLITE_OK)
    g_warning ("%s: could not close the backup", backup_path);
  g_debug ("Backed up %s to %s before migration", self->path, backup_path);

  return TRUE;
}

/* WAL lets the window read while an import worker writes; a crash leaves the WAL behind and
 * the next open replays every committed transaction in it. Switching writes the header, so
 * it happens only once the file is known to be ours. */
static gboolean
enable_wal (SpProject   *self,
            GError     **error)
{
  g_autoptr(SpStmt) stmt = NULL;
  int rc;

  if ((rc = sqlite3_prepare_v2 (self->db, "PRAGMA journal_mode = WAL", -1, &stmt, NULL)) != SQLITE_OK ||
      (rc = _sp_project_step_row (self, stmt, _("Could not open the project"), NULL)) <= 0)
    {
      set_open_error (self->db, self->path,
                      rc <= 0 ? sqlite3_extended_errcode (self->db) : rc, error);
      return FALSE;
    }

  if (g_strcmp0 (_sp_project_column_text (stmt, 0), "wal") != 0)
    g_warning ("%s: journal mode is %s, not wal", self->path, _sp_project_column_text (stmt, 0));

  return TRUE;
}

/* Runs @from_version's missing migrations in one transaction. */
static gboolean
migrate (SpProject   *self,
         int          from_version,
         GError     **error)
{
  if (!exec_or_fail (self->db, self->path, "BEGIN IMMEDIATE", error))
    return FALSE;

  if (!_sp_project_schema_migrate (self->db, from_version, SP_PROJECT_SCHEMA_VERSION,
                                   self->open_notes, error) ||
      !exec_or_fail (self->db, self->path, "COMMIT", error))
    {
      if (sqlite3_get_autocommit (self->db) == 0)
        _sp_project_rollback (self, "ROLLBACK", error);
      g_ptr_array_set_size (self->open_notes, 0);
      return FALSE;
    }

  return TRUE;
}

static gboolean
initialise_new_file (SpProject   *self,
                     GError     **error)
{
  g_autofree char *set_id = g_strdup_printf ("PRAGMA application_id = %d", SP_PROJECT_APPLICATION_ID);

  if (!enable_wal (self, error) ||
      !exec_or_fail (self->db, self->path, "BEGIN IMMEDIATE", error))
    return FALSE;

  if (!exec_or_fail (self->db, self->path, set_id, error) ||
      !_sp_project_schema_migrate (self->db, 0, SP_PROJECT_SCHEMA_VERSION, NULL, error) ||
      !exec_or_fail (self->db, self->path, "COMMIT", error))
    {
      if (sqlite3_get_autocommit (self->db) == 0)
        _sp_project_rollback (self, "ROLLBACK", error);
      return FALSE;
    }

  return TRUE;
}

/* Everything that decides whether an existing file is opened, in the order that leaves a
 * refused file untouched: whose file it is, its version, its pages, its schema; then the
 * writes (WAL, backup, migration) and what the user should know about its rows. */
static gboolean
check_and_migrate (SpProject     *self,
                   GCancellable  *cancellable,
                   GError       **error)
{
  gint64 application_id = 0;
  gint64 version = 0;

  if (!read_int (self->db, self->path, "PRAGMA application_id", &application_id, error) ||
      !read_int (self->db, self->path, "PRAGMA user_version", &version, error))
    return FALSE;

  if (application_id != SP_PROJECT_APPLICATION_ID || version < 1)
    {
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_NOT_A_PROJECT,
                   _("%s is not a Standpoint project (it is an SQLite database of another program)"),
                   self->path);
      return FALSE;
    }

  if (version > SP_PROJECT_SCHEMA_VERSION)
    {
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_NEWER_VERSION,
                   _("%s was written by a newer Standpoint (project version %d; this version understands up to %d)"),
                   self->path, (int)version, SP_PROJECT_SCHEMA_VERSION);
      return FALSE;
    }

  if (!quick_check (self, error) ||
      !check_cancelled (cancellable, error) ||
      !_sp_project_schema_validate (self->db, self->path, version, error) ||
      !check_cancelled (cancellable, error) ||
      !_sp_project_check_text (self->db, self->path, self->open_notes, error))
    return FALSE;

  if (version < SP_PROJECT_SCHEMA_VERSION && self->read_only)
    {
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_READ_ONLY,
                   _("%s was written by an older Standpoint and must be updated before it can be opened, but it is read-only because %s; copy it to a folder you can write to"),
                   self->path, self->read_only_reason);
      return FALSE;
    }

  if (!self->read_only &&
      (!enable_wal (self, error) ||
       !check_cancelled (cancellable, error)))
    return FALSE;

  if (version < SP_PROJECT_SCHEMA_VERSION &&
      (!backup_before_migration (self, version, error) ||
       !check_cancelled (cancellable, error) ||
       !migrate (self, version, error)))
    return FALSE;

  return _sp_project_check_index_settings (self->db, self->path, error) &&
         _sp_project_check_references (self->db, self->open_notes, error);
}

static SpProject *
open_path (const char    *path,
           OpenMode       mode,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(SpProject) self = NULL;
  g_autoptr(GError) local_error = NULL;
  gulong interrupt_id = 0;
  gboolean ok;

  g_return_val_if_fail (path != NULL, NULL);

  if (path[0] == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME, _("A project needs a file name"));
      return NULL;
    }

  if (mode == OPEN_CREATE && g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_EXISTS,
                   _("%s already exists"), path);
      return NULL;
    }

  if (mode != OPEN_CREATE && !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("%s does not exist or is not a file"), path);
      return NULL;
    }

  self = g_object_new (SP_TYPE_PROJECT, NULL);
  self->path = g_strdup (path);

  if (mode == OPEN_READ_ONLY)
    self->read_only_reason = g_strdup (_("it was opened for reading only"));
  else if (mode == OPEN_EXISTING)
    self->read_only_reason = unwritable_reason (path);
  self->read_only = self->read_only_reason != NULL;

  if (mode == OPEN_CREATE)
    {
      if (!open_connection (self, path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error) ||
          !set_pragmas (self, error) ||
          !initialise_new_file (self, error))
        {
          close_connection (self);
          g_unlink (path);
          return NULL;
        }

      return g_steal_pointer (&self);
    }

  if (!open_connection (self, path, self->read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE,
                        error))
    return NULL;

  /* SQLite opens a file read-only by itself when the system refuses to write it for a
   * reason access() did not see */
  if (!self->read_only && sqlite3_db_readonly (self->db, "main") == 1)
    {
      self->read_only = TRUE;
      self->read_only_reason = g_strdup (_("the file cannot be written"));
    }

  /* open_read_only() may reopen the connection, so the interrupt is connected after it */
  ok = !self->read_only || open_read_only (self, &local_error);

  if (ok && cancellable != NULL)
    interrupt_id = g_cancellable_connect (cancellable, G_CALLBACK (interrupt_cb), self->db, NULL);

  ok = ok &&
       set_pragmas (self, &local_error) &&
       check_and_migrate (self, cancellable, &local_error);

  /* Blocks until a running interrupt_cb has returned, so the connection can be closed */
  g_cancellable_disconnect (cancellable, interrupt_id);

  if (!ok)
    {
      if (g_cancellable_is_cancelled (cancellable))
        g_cancellable_set_error_if_cancelled (cancellable, error);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

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
  return open_path (path, OPEN_CREATE, NULL, error);
}

/**
 * sp_project_open:
 *
 * Opens an existing project, refusing files that are not ours, newer than we understand,
 * damaged, or holding triggers, views, tables or indexes that Standpoint did not create. An
 * older project is backed up (PATH.vN.bak) and migrated. A project whose file or folder
 * cannot be written is opened read-only (sp_project_is_read_only()). Read
 * sp_project_get_open_notes() afterwards. This blocks for as long as the checks take: the
 * window uses sp_project_open_async().
 *
 * Returns: (transfer full): the project
 */
SpProject *
sp_project_open (const char  *path,
                 GError     **error)
{
  return open_path (path, OPEN_EXISTING, NULL, error);
}

/**
 * sp_project_open_read_only:
 *
 * Opens an existing project like sp_project_open(), but read-only whether or not it could
 * be written: for reading it without any chance of changing it (listings, exports). A
 * project of an older version is refused, as it would need a migration.
 *
 * Returns: (transfer full): the project
 */
SpProject *
sp_project_open_read_only (const char  *path,
                           GError     **error)
{
  return open_path (path, OPEN_READ_ONLY, NULL, error);
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
  return open_path (path, g_file_test (path, G_FILE_TEST_EXISTS) ? OPEN_EXISTING : OPEN_CREATE,
                    NULL, error);
}

static void
open_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  SpProject *project = open_path (task_data, OPEN_EXISTING, cancellable, &error);

  if (project == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, project, g_object_unref);
}

/**
 * sp_project_open_async:
 * @cancellable: (nullable): cancels the checks and a migration (which then rolls back)
 *
 * Does what sp_project_open() does in a worker thread: the quick check, the schema check,
 * the backup and migration of an older file. The project the worker opened is handed to
 * @callback's thread through sp_project_open_finish(); from then on use it from that thread
 * only.
 */
void
sp_project_open_async (const char          *path,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (path != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sp_project_open_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, open_worker);
}

/**
 * sp_project_open_finish:
 *
 * Returns: (transfer full): the project, or %NULL with @error set (%G_IO_ERROR_CANCELLED
 *   when cancelled)
 */
SpProject *
sp_project_open_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sp_project_open_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
