/* sp-import-workers.c
 *
 * The import's worker threads: a job is a function and a number of items, which the
 * threads take in order, one at a time, until none is left. The thread that started the job
 * goes on with other work (writing), takes items in the pauses between its transactions,
 * then takes items until none is left, and waits for the ones still being done. So there
 * is one worker thread fewer than cores: the writing thread keeps a core of its own while
 * it writes, which is what the import waits for most (bench/import-bench), and lends it to
 * the job when it has nothing to write. Each
 * thread has a sentence splitter of its own, as ICU's iterators are used by one thread at a
 * time.
 */
#define G_LOG_DOMAIN "sp-import-workers"

#include "config.h"

#include "sp-import-pipeline.h"

struct _SpImportWorkers
{
  GThreadPool      *pool;
  guint             n_threads;
  GAsyncQueue      *splitters;  /* one for each thread, taken while it works */

  SpImportItemFunc  func;
  gpointer          user_data;
  guint             n_items;
  guint             next_item;  /* atomic */

  GMutex            mutex;
  GCond             done;
  guint             n_running;  /* threads still at the job, under @mutex */
  gboolean          job_open;   /* started and not waited for; the starting thread's */
};

/* Does items of the job until none is left */
static void
take_items (SpImportWorkers *self)
{
  SpSentenceSplitter *splitter = g_async_queue_pop (self->splitters);
  guint index;

  while ((index = g_atomic_int_add (&self->next_item, 1)) < self->n_items)
    self->func (index, splitter, self->user_data);

  g_async_queue_push (self->splitters, splitter);
}

static void
run_items (gpointer data,
           gpointer pool_data)
{
  SpImportWorkers *self = pool_data;

  take_items (self);

  g_mutex_lock (&self->mutex);
  if (--self->n_running == 0)
    g_cond_signal (&self->done);
  g_mutex_unlock (&self->mutex);
}

/**
 * _sp_import_workers_new:
 *
 * Returns: (transfer full): the workers, or %NULL with @error set when no thread could be
 *   started or ICU has no sentence rules
 */
SpImportWorkers *
_sp_import_workers_new (GError **error)
{
  g_autoptr(SpImportWorkers) self = g_new0 (SpImportWorkers, 1);

  g_mutex_init (&self->mutex);
  g_cond_init (&self->done);
  self->n_threads = CLAMP (g_get_num_processors () - 1, 1, 8);
  self->splitters = g_async_queue_new_full ((GDestroyNotify)sp_sentence_splitter_free);

  /* One for each worker thread, and one for the thread that waits */
  for (guint i = 0; i < self->n_threads + 1; i++)
    {
      SpSentenceSplitter *splitter = sp_sentence_splitter_new (error);

      if (splitter == NULL)
        return NULL;
      g_async_queue_push (self->splitters, splitter);
    }

  self->pool = g_thread_pool_new (run_items, self, self->n_threads, TRUE, error);
  if (self->pool == NULL)
    return NULL;

  return g_steal_pointer (&self);
}

void
_sp_import_workers_free (SpImportWorkers *self)
{
  if (self == NULL)
    return;

  if (self->pool != NULL)
    {
      _sp_import_workers_wait (self);
      g_thread_pool_free (self->pool, FALSE, TRUE);
    }
  g_async_queue_unref (self->splitters);
  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->done);
  g_free (self);
}

/**
 * _sp_import_workers_start:
 * @func: (scope notified): called once for each index below @n_items, in a worker thread
 *   or in the thread that waits for the job
 *
 * Starts a job; the previous one must have been waited for.
 */
void
_sp_import_workers_start (SpImportWorkers  *self,
                          guint             n_items,
                          SpImportItemFunc  func,
                          gpointer          user_data)
{
  guint n_threads = MIN (self->n_threads, n_items);

  g_return_if_fail (!self->job_open);

  self->func = func;
  self->user_data = user_data;
  self->n_items = n_items;
  self->job_open = TRUE;
  g_atomic_int_set (&self->next_item, 0);

  g_mutex_lock (&self->mutex);
  self->n_running = n_threads;
  g_mutex_unlock (&self->mutex);

  /* The pool's exclusive threads are running already: pushing cannot fail */
  for (guint i = 0; i < n_threads; i++)
    g_thread_pool_push (self->pool, GUINT_TO_POINTER (i + 1), NULL);
}

/**
 * _sp_import_workers_help:
 * @seconds: how long the calling thread has nothing else to do
 *
 * Lets the thread that started the job do items of it for about @seconds (an item started
 * is finished), and sleeps for what is left when no item is. The writing thread waits this
 * way between two transactions, with its core at work.
 */
void
_sp_import_workers_help (SpImportWorkers *self,
                         gdouble          seconds)
{
  gint64 end = g_get_monotonic_time () + (gint64)(seconds * G_USEC_PER_SEC);
  gint64 now;

  if (self->job_open && (guint)g_atomic_int_get (&self->next_item) < self->n_items)
    {
      SpSentenceSplitter *splitter = g_async_queue_pop (self->splitters);
      guint index;

      while (g_get_monotonic_time () < end &&
             (index = g_atomic_int_add (&self->next_item, 1)) < self->n_items)
        self->func (index, splitter, self->user_data);

      g_async_queue_push (self->splitters, splitter);
    }

  if ((now = g_get_monotonic_time ()) < end)
    g_usleep (end - now);
}

/* Helps with the job's items left, and returns once every item is done */
void
_sp_import_workers_wait (SpImportWorkers *self)
{
  if (self->job_open)
    take_items (self);
  self->job_open = FALSE;

  g_mutex_lock (&self->mutex);
  while (self->n_running > 0)
    g_cond_wait (&self->done, &self->mutex);
  g_mutex_unlock (&self->mutex);
}
