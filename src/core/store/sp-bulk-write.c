/* sp-bulk-write.c
 *
 * A project's connection set up for many transactions in a row (an import), from
 * sp_bulk_write_begin() to sp_bulk_write_end(). Nothing stored changes, nor how durable a
 * commit is; two costs of the writing thread go:
 *
 * - Checkpoints. SQLite copies the write-ahead log back into the database file on the
 *   connection that commits once the log holds CHECKPOINT_PAGES pages: that commit then
 *   also waits for the copy and for two syncs of the disk, about a sixth of an import's
 *   writing (bench/import-bench). Here the commit only wakes a thread with a connection of
 *   its own, which makes the same passive checkpoint there: it copies what is committed,
 *   never waits for a lock and never holds up a writer. A commit is durable once its pages
 *   in the log are synced, which the committing connection still does before it returns,
 *   and a checkpoint copies only committed pages, as before. When the thread falls behind
 *   and the log reaches MAX_LOG_PAGES all the same, the committing connection checkpoints
 *   itself, as it would without the thread, so that the log stays bounded.
 * - The page cache. The project's connections keep a large one, for reading; an import
 *   reads little and writes pages it never reads again, each of which took fresh memory
 *   from the system, a page fault each (11 µs on the benchmark's machine; importing the
 *   1,796 press releases of bench/import-bench with the command line took 3,000 more of
 *   them, 8,500 in all). While it writes, the connection keeps SQLite's default cache,
 *   whose pages are reused.
 */
#define G_LOG_DOMAIN "sp-bulk-write"

#include "config.h"

#include "sp-bulk-write.h"
#include "sp-project-private.h"

/* SQLite's own mark (SQLITE_DEFAULT_WAL_AUTOCHECKPOINT), which the project keeps */
#define CHECKPOINT_PAGES 1000
#define MAX_LOG_PAGES    (16 * CHECKPOINT_PAGES)

/* SQLite's default cache (SQLITE_DEFAULT_CACHE_SIZE: 2,000 KiB) */
#define BULK_CACHE_PRAGMA "PRAGMA cache_size = -2000;"

struct _SpBulkWrite
{
  SpProject *project;    /* borrowed: outlives this; its connection's hook points here */
  sqlite3   *db;         /* the checkpointing thread's */
  GThread   *thread;
  GMutex     mutex;
  GCond      cond;
  gboolean   requested;  /* under @mutex */
  gboolean   stopping;   /* under @mutex */
  int        backfilled; /* under @mutex: the log's pages the last checkpoint had copied */
};

static gpointer
checkpoint_worker (gpointer data)
{
  SpBulkWrite *self = data;
  int n_copied;

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
      n_copied = -1;
      if (sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL,
                                     &n_copied) != SQLITE_OK)
        n_copied = -1;

      g_mutex_lock (&self->mutex);
      if (n_copied >= 0)
        self->backfilled = n_copied;
    }
  g_mutex_unlock (&self->mutex);

  return NULL;
}

/* Called by SQLite on the project's thread after each commit, with the log's size. The
 * log starts over only once a checkpoint has copied all of it, which the thread rarely has
 * by the next write, so it grows: a checkpoint is asked for when CHECKPOINT_PAGES pages are
 * left to copy, as SQLite asks for one when the log has as many. A log smaller than what
 * the last checkpoint copied has started over since: every page of it is left to copy. */
static int
wal_hook_cb (void       *data,
             sqlite3    *db,
             const char *schema,
             int         n_pages)
{
  SpBulkWrite *self = data;

  if (n_pages >= MAX_LOG_PAGES)
    {
      sqlite3_wal_checkpoint_v2 (db, schema, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
      return SQLITE_OK;
    }

  g_mutex_lock (&self->mutex);
  if (n_pages >= CHECKPOINT_PAGES &&
      (n_pages < self->backfilled || n_pages - self->backfilled >= CHECKPOINT_PAGES))
    {
      self->requested = TRUE;
      g_cond_signal (&self->cond);
    }
  g_mutex_unlock (&self->mutex);

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
 * sp_bulk_write_begin:
 * @project: a writable project, used from the calling thread; it must outlive the result
 *
 * Sets @project's connection up for many transactions in a row until sp_bulk_write_end().
 *
 * Returns: (transfer full) (nullable): the set-up to end, or %NULL when @project stays as
 *   it is (read-only, or no second connection or thread could be had)
 */
SpBulkWrite *
sp_bulk_write_begin (SpProject *project)
{
  g_autofree SpBulkWrite *self = NULL;
  const char *filename;
  sqlite3 *db;

  g_return_val_if_fail (SP_IS_PROJECT (project), NULL);

  if (project->read_only || project->db == NULL ||
      (filename = sqlite3_db_filename (project->db, "main")) == NULL || filename[0] == '\0' ||
      (db = open_connection (filename)) == NULL)
    return NULL;

  self = g_new0 (SpBulkWrite, 1);
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
  sqlite3_exec (project->db, BULK_CACHE_PRAGMA, NULL, NULL, NULL);
  return g_steal_pointer (&self);
}

/**
 * sp_bulk_write_end:
 *
 * Gives the project its own checkpoints and cache back, after the checkpoint under way, if
 * any.
 */
void
sp_bulk_write_end (SpBulkWrite *self)
{
  if (self == NULL)
    return;

  /* Puts SQLite's own hook back */
  sqlite3_wal_autocheckpoint (self->project->db, CHECKPOINT_PAGES);
  sqlite3_exec (self->project->db, SP_PROJECT_CACHE_PRAGMA, NULL, NULL, NULL);

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
