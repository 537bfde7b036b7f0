/* sp-codebook-async.c
 *
 * Codebook files without blocking the window. An import reads and checks the file in a
 * worker thread — the part whose cost a file controls: up to SP_CODEBOOK_MAX_SIZE of JSON —
 * and merges it into the caller's SpProject back in the caller's thread, because the undo
 * journal lives in that connection and an import is one undo step there. An export opens its
 * own connection to the project's file in the worker thread (an SpProject is used from one
 * thread only), builds the JSON there and writes it with sp_output_file_replace().
 */
#define G_LOG_DOMAIN "sp-codebook"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-codebook-private.h"

/* A file is read in pieces of this size, so that one larger than the limit is not read whole. */
#define READ_CHUNK (64 * 1024)

/*
 * Reads @file whole if it is a regular file no larger than SP_CODEBOOK_MAX_SIZE.
 * @name: (out): the file's display name, for messages
 */
static GBytes *
load_file (GFile         *file,
           char         **name,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) bytes = g_byte_array_new ();

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;

  *name = g_strdup (g_file_info_get_display_name (info));

  /* A FIFO or a device could block the worker for good or never end. */
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("%s: not a regular file"), *name);
      return NULL;
    }

  if (g_file_info_get_size (info) > SP_CODEBOOK_MAX_SIZE)
    {
      g_set_error (error, SP_CODEBOOK_ERROR, SP_CODEBOOK_ERROR_INVALID,
                   _("%s: %llu bytes is too large for a codebook"),
                   *name, (unsigned long long) g_file_info_get_size (info));
      return NULL;
    }

  /* The file may grow between the look and the reading: the reading has the same limit. */
  if (!(stream = g_file_read (file, cancellable, error)))
    return NULL;

  for (;;)
    {
      guint length = bytes->len;
      gsize n = 0;

      g_byte_array_set_size (bytes, length + READ_CHUNK);
      if (!g_input_stream_read_all (G_INPUT_STREAM (stream), bytes->data + length, READ_CHUNK,
                                    &n, cancellable, error))
        return NULL;
      g_byte_array_set_size (bytes, length + n);

      if (bytes->len > SP_CODEBOOK_MAX_SIZE)
        {
          g_set_error (error, SP_CODEBOOK_ERROR, SP_CODEBOOK_ERROR_INVALID,
                       _("%s: more than %u bytes is too large for a codebook"),
                       *name, (guint) SP_CODEBOOK_MAX_SIZE);
          return NULL;
        }

      if (n < READ_CHUNK)
        break;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

/* Import */

static void
read_codebook_worker (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  SpCodebook *book;
  gsize length;
  const char *data;

  if (!(bytes = load_file (file, &name, cancellable, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  data = g_bytes_get_data (bytes, &length);
  if (!(book = sp_codebook_read (data, length, name, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, book, (GDestroyNotify)sp_codebook_free);
}

/* Back in the caller's thread: merge what the worker read into the caller's project. */
static void
read_codebook_done_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SpProject *project = g_task_get_source_object (task);
  SpCodebookImportStats *stats = g_task_get_task_data (task);
  g_autoptr(SpCodebook) book = NULL;
  GError *error = NULL;

  if (!(book = g_task_propagate_pointer (G_TASK (result), &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  if (!sp_codebook_merge (project, book, stats, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * sp_codebook_import_file_async:
 * @project: the project to merge into; its thread's main context runs @callback
 * @file: a codebook file
 * @cancellable: (nullable): cancels the import until the merge begins
 *
 * Reads and checks @file in a worker thread, then merges it into @project with
 * sp_codebook_merge() in the calling thread, just before @callback runs: one undo step on
 * @project. A file that is not a regular file or is larger than a codebook can be is refused
 * without being read whole. Nothing is written when the file has an error or @cancellable
 * was cancelled before the merge.
 */
void
sp_codebook_import_file_async (SpProject           *project,
                               GFile               *file,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) reader = NULL;

  g_return_if_fail (SP_IS_PROJECT (project));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (project, cancellable, callback, user_data);
  g_task_set_source_tag (task, sp_codebook_import_file_async);
  g_task_set_task_data (task, g_new0 (SpCodebookImportStats, 1), g_free);

  reader = g_task_new (NULL, cancellable, read_codebook_done_cb, g_steal_pointer (&task));
  g_task_set_source_tag (reader, sp_codebook_import_file_async);
  g_task_set_task_data (reader, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (reader, read_codebook_worker);
}

/**
 * sp_codebook_import_file_finish:
 * @stats: (out) (optional): what the import added and changed
 *
 * Returns: %TRUE when the codebook was merged; %FALSE with an #SP_CODEBOOK_ERROR, a
 *   #G_IO_ERROR (unreadable file, %G_IO_ERROR_CANCELLED) or an #SP_PROJECT_ERROR
 */
gboolean
sp_codebook_import_file_finish (SpProject              *project,
                                GAsyncResult           *result,
                                SpCodebookImportStats  *stats,
                                GError                **error)
{
  GTask *task = G_TASK (result);

  g_return_val_if_fail (g_task_is_valid (result, project), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (task) == sp_codebook_import_file_async, FALSE);

  if (!g_task_propagate_boolean (task, error))
    return FALSE;

  if (stats != NULL)
    *stats = *(SpCodebookImportStats *)g_task_get_task_data (task);

  return TRUE;
}

/* Export */

typedef struct
{
  char *project_path;
  char *output_path;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_free (job->project_path);
  g_free (job->output_path);
  g_free (job);
}

static void
export_codebook_worker (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GError) error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  if (!(project = sp_project_open (job->project_path, &error)) ||
      !sp_codebook_export_to_file (project, job->output_path, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * sp_codebook_export_file_async:
 * @project: the project whose codebook to write; only its path is used, by a connection of
 *   the worker thread's own, which sees what @project has committed
 * @file: the file to write; it must have a local path
 *
 * sp_codebook_export_to_file() in a worker thread.
 */
void
sp_codebook_export_file_async (SpProject           *project,
                               GFile               *file,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  g_return_if_fail (SP_IS_PROJECT (project));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (project, cancellable, callback, user_data);
  g_task_set_source_tag (task, sp_codebook_export_file_async);

  job = g_new0 (ExportJob, 1);
  job->project_path = g_strdup (sp_project_get_path (project));
  job->output_path = g_file_get_path (file);
  g_task_set_task_data (task, job, (GDestroyNotify)export_job_free);

  if (job->output_path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("%s is not a local file"), uri);
      return;
    }

  g_task_run_in_thread (task, export_codebook_worker);
}

/**
 * sp_codebook_export_file_finish:
 *
 * Returns: %TRUE when the file was written; %FALSE with the store's, the file's or
 *   %G_IO_ERROR_CANCELLED's error
 */
gboolean
sp_codebook_export_file_finish (SpProject     *project,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, project), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sp_codebook_export_file_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
