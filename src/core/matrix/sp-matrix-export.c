/* sp-matrix-export.c
 *
 * Exports of the position matrix to files. Both are deterministic (the same matrix gives
 * the same bytes), built in memory and put in place by sp_output_file_replace(), so a
 * failed or cancelled export never leaves half a file behind and never writes over
 * anything but a regular file. The target is checked before the work starts too, so that a
 * refusal comes at once rather than after the drawing.
 *
 * The _async variants run in a worker thread (GTask); progress reaches the caller's main
 * context through an idle source, one pending at a time, carrying the latest fraction.
 */
#define G_LOG_DOMAIN "sp-matrix-export"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-csv.h"
#include "sp-matrix-export-private.h"
#include "sp-output-file.h"

/**
 * sp_matrix_to_csv:
 *
 * The matrix as CSV: a header `actor,KEY,KEY,…` with the issue keys, then one line per row
 * (actor or group, named in the `actor` column) with the mean stance of each cell — at most
 * two decimals, a dot, no trailing zeros — or nothing for a cell without claims. Names are
 * neutralised against formulas (sp_csv_append_text_field()); lines end with "\n".
 *
 * Returns: (transfer full): the CSV text
 */
char *
sp_matrix_to_csv (SpMatrix *matrix)
{
  g_autoptr(GString) csv = NULL;
  guint n_rows, n_columns;

  g_return_val_if_fail (matrix != NULL, NULL);

  n_rows = sp_matrix_get_n_rows (matrix);
  n_columns = sp_matrix_get_n_columns (matrix);
  csv = g_string_new (NULL);

  sp_csv_append_field (csv, "actor", TRUE);
  for (guint c = 0; c < n_columns; c++)
    sp_csv_append_text_field (csv, sp_matrix_get_column_key (matrix, c), FALSE);
  g_string_append_c (csv, '\n');

  for (guint r = 0; r < n_rows; r++)
    {
      sp_csv_append_text_field (csv, sp_matrix_get_row_label (matrix, r), TRUE);

      for (guint c = 0; c < n_columns; c++)
        {
          char text[SP_MATRIX_MEAN_TEXT_SIZE];
          double mean;

          if (sp_matrix_get_cell (matrix, r, c, &mean, NULL))
            {
              sp_matrix_format_mean (mean, FALSE, text);
              sp_csv_append_field (csv, text, FALSE);
            }
          else
            sp_csv_append_field (csv, NULL, FALSE);
        }

      g_string_append_c (csv, '\n');
    }

  return g_string_free (g_steal_pointer (&csv), FALSE);
}

/**
 * sp_matrix_export_csv:
 *
 * Writes sp_matrix_to_csv() to @path through sp_output_file_replace().
 *
 * Returns: %TRUE when @path holds the CSV; otherwise %FALSE with one sentence naming @path,
 *   and @path as it was
 */
gboolean
sp_matrix_export_csv (SpMatrix    *matrix,
                      const char  *path,
                      GError     **error)
{
  g_autofree char *csv = NULL;

  g_return_val_if_fail (matrix != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!sp_output_file_check (path, error))
    return FALSE;

  csv = sp_matrix_to_csv (matrix);

  return sp_output_file_replace (path, csv, strlen (csv), error);
}

/**
 * sp_matrix_render_png:
 * @scale: device pixels per layout unit; 2 gives crisp images for reports
 *
 * Draws the matrix as the window does, at @scale, on an opaque image. A matrix too large
 * for one image at @scale is refused with a reason that names a scale that fits.
 *
 * Returns: (transfer full): the PNG file's bytes, or %NULL on error
 */
GBytes *
sp_matrix_render_png (SpMatrix  *matrix,
                      double     scale,
                      GError   **error)
{
  g_return_val_if_fail (matrix != NULL, NULL);
  g_return_val_if_fail (scale > 0, NULL);

  return _sp_matrix_render_png_full (matrix, scale, 0, NULL, NULL, NULL, error);
}

static gboolean
export_png (SpMatrix                *matrix,
            const char              *path,
            double                   scale,
            SpMatrixExportProgress   progress,
            gpointer                 progress_data,
            GCancellable            *cancellable,
            GError                 **error)
{
  g_autoptr(GBytes) png = NULL;
  gconstpointer data;
  gsize size;

  if (!sp_output_file_check (path, error))
    return FALSE;

  if (!(png = _sp_matrix_render_png_full (matrix, scale, 0, progress, progress_data,
                                          cancellable, error)) ||
      g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  data = g_bytes_get_data (png, &size);
  return sp_output_file_replace (path, data, size, error);
}

/**
 * sp_matrix_export_png:
 * @scale: device pixels per layout unit; 2 gives crisp images for reports
 *
 * Writes sp_matrix_render_png() to @path through sp_output_file_replace().
 *
 * Returns: %TRUE when @path holds the image; otherwise %FALSE with one sentence, and @path
 *   as it was
 */
gboolean
sp_matrix_export_png (SpMatrix    *matrix,
                      const char  *path,
                      double       scale,
                      GError     **error)
{
  g_return_val_if_fail (matrix != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (scale > 0, FALSE);

  return export_png (matrix, path, scale, NULL, NULL, NULL, error);
}

/* Asynchronous exports */

typedef struct
{
  SpMatrix               *matrix;
  char                   *path;
  SpMatrixFormat          format;
  double                  scale;      /* PNG only */
  SpMatrixExportProgress  progress;
  gpointer                user_data;

  GMutex                  mutex;      /* guards the two fields below */
  double                  fraction;   /* the latest the worker reported */
  gboolean                scheduled;  /* an idle source will report it */
} SpExportJob;

static void
export_job_free (gpointer data)
{
  SpExportJob *job = data;

  g_clear_pointer (&job->matrix, sp_matrix_unref);
  g_free (job->path);
  g_mutex_clear (&job->mutex);
  g_free (job);
}

/* In the caller's main context */
static gboolean
report_progress_cb (gpointer data)
{
  GTask *task = data;
  SpExportJob *job = g_task_get_task_data (task);
  double fraction;

  g_mutex_lock (&job->mutex);
  fraction = job->fraction;
  job->scheduled = FALSE;
  g_mutex_unlock (&job->mutex);

  /* Never after the task's callback, which may have let go of user_data */
  if (!g_task_get_completed (task))
    job->progress (fraction, job->user_data);

  return G_SOURCE_REMOVE;
}

/* In the worker */
static void
progress_cb (double   fraction,
             gpointer data)
{
  GTask *task = data;
  SpExportJob *job = g_task_get_task_data (task);

  g_mutex_lock (&job->mutex);
  job->fraction = fraction;
  if (!job->scheduled)
    {
      g_autoptr(GSource) source = g_idle_source_new ();

      job->scheduled = TRUE;
      g_source_set_priority (source, g_task_get_priority (task));
      g_source_set_callback (source, report_progress_cb, g_object_ref (task), g_object_unref);
      g_source_set_static_name (source, "[standpoint] matrix export progress");
      g_source_attach (source, g_task_get_context (task));
    }
  g_mutex_unlock (&job->mutex);
}

/* The whole export of @task_data */
static void
export_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  SpExportJob *job = task_data;
  GError *error = NULL;
  gboolean written;

  if (job->format == SP_MATRIX_FORMAT_PNG)
    written = export_png (job->matrix, job->path, job->scale,
                          job->progress != NULL ? progress_cb : NULL, task, cancellable, &error);
  else
    written = !g_cancellable_set_error_if_cancelled (cancellable, &error) &&
              sp_matrix_export (job->matrix, job->format, job->path, job->scale, &error);

  if (written)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Runs @job in a worker, as the _async function @source_tag */
static void
run_export (SpExportJob         *job,
            gpointer             source_tag,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, job->user_data);

  g_mutex_init (&job->mutex);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, job, export_job_free);
  /* The result says what happened to the file: a cancel that came after it was written
   * does not turn into an error */
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, export_worker);
}

static gboolean
export_finish (GAsyncResult  *result,
               gpointer       source_tag,
               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * sp_matrix_export_async:
 * @scale: device pixels per layout unit, for PNG only
 * @progress: (nullable) (scope async): for PNG, called with @user_data in the thread-default
 *   main context of the caller as the image is drawn, never after @callback
 * @cancellable: (nullable): checked before the export starts, and between the strips of a
 *   PNG; nothing is written when it stops the export
 *
 * sp_matrix_export() in a worker thread. @matrix is kept until the export ends.
 */
void
sp_matrix_export_async (SpMatrix               *matrix,
                        SpMatrixFormat          format,
                        const char             *path,
                        double                  scale,
                        SpMatrixExportProgress  progress,
                        GCancellable           *cancellable,
                        GAsyncReadyCallback     callback,
                        gpointer                user_data)
{
  SpExportJob *job;

  g_return_if_fail (matrix != NULL && path != NULL);
  g_return_if_fail (format <= SP_MATRIX_FORMAT_PDF);
  g_return_if_fail (format != SP_MATRIX_FORMAT_PNG || scale > 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job = g_new0 (SpExportJob, 1);
  *job = (SpExportJob) {
    .matrix = sp_matrix_ref (matrix),
    .path = g_strdup (path),
    .format = format,
    .scale = scale,
    .progress = progress,
    .user_data = user_data,
  };
  run_export (job, sp_matrix_export_async, cancellable, callback);
}

/**
 * sp_matrix_export_finish:
 *
 * Returns: %TRUE when the file was written; otherwise %FALSE with the reason, and the file
 *   as it was
 */
gboolean
sp_matrix_export_finish (GAsyncResult  *result,
                         GError       **error)
{
  return export_finish (result, sp_matrix_export_async, error);
}
