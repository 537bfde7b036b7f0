/* sp-checkpointer.c
 *
 * SQLite copies a project's write-ahead log back into the database file (a checkpoint) on
 * the connection that commits once the log holds CHECKPOINT_PAGES pages: that commit then
 * also waits for the copy and for two syncs of the disk, about a quarter of an import's
 * writing (bench/import-bench). While an SpCheckpointer lives, the project's connection only
 * wakes a thread with a connection of its own, which makes the same passive checkpoint
 * there: it copies what is committed, never waits for a lock and never holds up a writer.
 * Nothing is less durable: a commit is durable once its pages in the log are synced, which
 * the committing connection still does before it returns, and a checkpoint copies only
 * committed pages, as before. When the thread falls behind and the log reaches
 * MAX_LOG_PAGES all the same, the committing connection checkpoints itself, as it would
 * without the thread, so that the log stays bounded.
 */
#define G_LOG_DOMAIN "sp-checkpointer"

#include "config.h"

#include "sp-checkpointer.h"
#include "sp-project-private.h"

/* SQLite's own mark (SQLITE_DEFAULT_WAL_AUTOCHECKPOINT), which the project keeps */
#define CHECKPOINT_PAGES 1000
#define MAX_LOG_PAGES    (16 * CHECKPOINT_PAGES)

struct _SpCheckpointer
{
  SpProject *project;    /* borrowed: outlives this; its connection's hook points here */
  sqlite3   *db;         /* the thread's */
  GThread   *thread;
  GMutex     mutex;
  GCond      cond;
  gboolean   requested;  /* under @mutex */
  gboolean   stopping;   /* under @mutex */
};

static gpointer
checkpoint_worker (gpointer data)
{
  SpCheckpointer *self = data;

  g_mutex_lock (&self->mutex);
  for (;;)
    {
      while (!self->requested && !self->stopping)
        g_cond_wait (&self->cond, &self->mutex);
      if (!self->requested)
        break;
      self->requested = FALSE;
      g_mutex_unlock (&self->mutex);

      /* Busy (another connection's checkpoint is running) leaves the pages to the next one */
      sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);

      g_mutex_lock (&self->mutex);
    }
  g_mutex_unlock (&self->mutex);

  return NULL;
}

/* Called by SQLite on the project's thread after each commit, with the log's size */
static int
wal_hook_cb (void       *data,
             sqlite3    *db,
             const char *schema,
             int         n_pages)
{
  SpCheckpointer *self = data;

  if (n_pages >= MAX_LOG_PAGES)
    sqlite3_wal_checkpoint_v2 (db, schema, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
  else if (n_pages >= CHECKPOINT_PAGES)
    {
      g_mutex_lock (&self->mutex);
      self->requested = TRUE;
      g_cond_signal (&self->cond);
      g_mutex_unlock (&self->mutex);
    }

  return SQLITE_OK;
}

static sqlite3 *
open_connection (const char *filename)
{
  sqlite3 *db = NULL;

  /* Set up as every connection to a project is, and made to read the file once, so that
   * it knows the file has a write-ahead log */
  if (sqlite3_open_v2 (filename, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_EXRESCODE, NULL) != SQLITE_OK ||
      sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL) != SQLITE_OK ||
      sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL) != SQLITE_OK ||
      sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL) != SQLITE_OK ||
      sqlite3_exec (db, "PRAGMA schema_version", NULL, NULL, NULL) != SQLITE_OK)
    {
      sqlite3_close_v2 (db);
      return NULL;
    }

  return db;
}

/**
 * sp_checkpointer_new:
 * @project: a writable project, used from the calling thread; it must outlive the result
 *
 * Moves @project's checkpoints to a thread of their own until sp_checkpointer_free().
 *
 * Returns: (transfer full) (nullable): the checkpointer, or %NULL when @project keeps
 *   checkpointing itself (read-only, or no second connection or thread could be had)
 */
SpCheckpointer *
sp_checkpointer_new (SpProject *project)
{
  g_autofree SpCheckpointer *self = NULL;
  const char *filename;
  sqlite3 *db;

  g_return_val_if_fail (SP_IS_PROJECT (project), NULL);

  if (project->read_only || project->db == NULL ||
      (filename = sqlite3_db_filename (project->db, "main")) == NULL || filename[0] == '\0' ||
      (db = open_connection (filename)) == NULL)
    return NULL;

  self = g_new0 (SpCheckpointer, 1);
  self->project = project;
  self->db = db;
  g_mutex_init (&self->mutex);
  g_cond_init (&self->cond);

  if (!(self->thread = g_thread_try_new ("sp-checkpoint", checkpoint_worker, self, NULL)))
    {
      sqlite3_close_v2 (db);
      g_mutex_clear (&self->mutex);
      g_cond_clear (&self->cond);
      return NULL;
    }

  sqlite3_wal_hook (project->db, wal_hook_cb, self);
  return g_steal_pointer (&self);
}

/**
 * sp_checkpointer_free:
 *
 * Gives the project its own checkpoints back, after the one under way, if any.
 */
void
sp_checkpointer_free (SpCheckpointer *self)
{
  if (self == NULL)
    return;

  /* Puts SQLite's own hook back */
  sqlite3_wal_autocheckpoint (self->project->db, CHECKPOINT_PAGES);

  g_mutex_lock (&self->mutex);
  self->stopping = TRUE;
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->mutex);
  g_thread_join (self->thread);

  sqlite3_close_v2 (self->db);
  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->cond);
  g_free (self);
}
