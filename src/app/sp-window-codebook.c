/* sp-window-codebook.c
 *
 * Codebook files from the window: Import Codebook reads and checks the file in a worker
 * thread and merges it into the window's project as one undo step
 * (sp_codebook_import_file_async()); Export Codebook builds and writes the file in a worker
 * thread through the store's safe writer (sp_codebook_export_file_async()), which refuses a
 * symbolic link, a folder, a device or a project.
 *
 * A job that fails says why in a dialog: the reason names a file. One codebook job runs at
 * a time. Like an import of articles, it outlives its window: the
 * job holds the application until its finish callback, so that closing the window does not
 * end the process halfway through a write, and it points at its window only until the window
 * is disposed.
 */
#define G_LOG_DOMAIN "sp-window-codebook"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-codebook.h"
#include "sp-error-dialog.h"
#include "sp-toast.h"
#include "sp-window-private.h"

struct _SpWindowCodebookJob
{
  char         *name;         /* the file's name, for what the window says afterwards */
  /* Main thread only. NULL once the window has been disposed; the application is held
   * from the start of the job to its finish callback. */
  SpWindow     *window;
  GApplication *application;
};

static SpWindowCodebookJob *
codebook_job_new (SpWindow *self,
                  GFile    *file)
{
  SpWindowCodebookJob *job = g_new0 (SpWindowCodebookJob, 1);
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  job->name = g_file_get_basename (file);
  job->window = self;
  if (application != NULL)
    {
      job->application = G_APPLICATION (g_object_ref (application));
      g_application_hold (job->application);
    }

  self->codebook_job = job;
  _sp_window_update_actions (self);

  return job;
}

/* Ends @job: lets the application go and frees the job.
 * Returns: (nullable): the window to tell how it went, or %NULL when it is gone */
static SpWindow *
codebook_job_end (SpWindowCodebookJob *job)
{
  SpWindow *self = job->window;

  if (job->application != NULL)
    {
      g_application_release (job->application);
      g_clear_object (&job->application);
    }
  g_free (job->name);
  g_free (job);

  if (self != NULL)
    {
      self->codebook_job = NULL;
      _sp_window_update_actions (self);
    }

  return self;
}

gboolean
_sp_window_is_busy_with_codebook (SpWindow *self)
{
  return self->codebook_job != NULL;
}

/* Called from the window's dispose: the job goes on without it */
void
_sp_window_detach_codebook (SpWindow *self)
{
  g_assert (SP_IS_WINDOW (self));

  if (self->codebook_job != NULL)
    self->codebook_job->window = NULL;
  self->codebook_job = NULL;
}

static gboolean
refuse_when_busy (SpWindow *self)
{
  if (!_sp_window_is_busy_with_codebook (self))
    return FALSE;

  sp_toast_show_error (GTK_WIDGET (self), _("A codebook file is already being read or written; try again when it is done"));
  return TRUE;
}

/* Import */

static void
codebook_imported_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  SpWindowCodebookJob *job = user_data;
  SpCodebookImportStats stats = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  gboolean merged;
  SpWindow *self;

  /* The merge has run in this thread, on the project the import began with */
  merged = sp_codebook_import_file_finish (SP_PROJECT (object), result, &stats, &error);

  if (!(self = codebook_job_end (job)))
    return;

  if (!merged)
    {
      sp_error_dialog_show (GTK_WIDGET (self), _("Could Not Import the Codebook"), error->message);
      return;
    }

  summary = g_strdup_printf (_("Codebook imported: %u actors and %u issues added, %u actors and %u issues updated"),
                             stats.actors_added, stats.issues_added,
                             stats.actors_updated, stats.issues_updated);
  sp_toast_show (GTK_WIDGET (self), summary);
}

/**
 * _sp_window_import_codebook:
 *
 * Merges the codebook in @file into the window's project, reading it in a worker thread.
 * Says how it went in a toast.
 */
void
_sp_window_import_codebook (SpWindow *self,
                            GFile    *file)
{
  SpWindowCodebookJob *job;

  g_assert (SP_IS_WINDOW (self));

  if (!_sp_window_shows_project (self) || self->read_only || refuse_when_busy (self))
    return;

  job = codebook_job_new (self, file);
  sp_codebook_import_file_async (self->project, file, NULL, codebook_imported_cb, job);
}

static void
import_codebook_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  SpWindow *self = SP_WINDOW (widget);
  GtkFileChooserNative *chooser;

  chooser = _sp_window_new_chooser (self, _("Import Codebook"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"));
  _sp_window_add_filter (GTK_FILE_CHOOSER (chooser), _("Codebooks (JSON)"), "*.json", NULL);
  _sp_window_add_filter (GTK_FILE_CHOOSER (chooser), _("All Files"), "*", NULL);
  _sp_window_run_chooser (self, chooser, _sp_window_import_codebook);
}

/* Export */

static void
codebook_exported_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  SpWindowCodebookJob *job = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *done = NULL;
  gboolean written;
  SpWindow *self;

  written = sp_codebook_export_file_finish (SP_PROJECT (object), result, &error);
  /* TRANSLATORS: %s is a file's name */
  done = g_strdup_printf (_("Codebook exported to %s"), job->name);

  if (!(self = codebook_job_end (job)))
    return;

  if (!written)
    sp_error_dialog_show (GTK_WIDGET (self), _("Could Not Export the Codebook"), error->message);
  else
    sp_toast_show (GTK_WIDGET (self), done);
}

/**
 * _sp_window_export_codebook:
 *
 * Writes the window's codebook to @file in a worker thread. Says how it went in a toast.
 */
void
_sp_window_export_codebook (SpWindow *self,
                            GFile    *file)
{
  SpWindowCodebookJob *job;

  g_assert (SP_IS_WINDOW (self));

  if (!_sp_window_shows_project (self) || refuse_when_busy (self))
    return;

  job = codebook_job_new (self, file);
  sp_codebook_export_file_async (self->project, file, NULL, codebook_exported_cb, job);
}

static void
export_codebook_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  SpWindow *self = SP_WINDOW (widget);
  GtkFileChooserNative *chooser;

  chooser = _sp_window_new_chooser (self, _("Export Codebook"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("codebook.json"));
  _sp_window_add_filter (GTK_FILE_CHOOSER (chooser), _("Codebooks (JSON)"), "*.json", NULL);
  _sp_window_run_chooser (self, chooser, _sp_window_export_codebook);
}

void
_sp_window_class_add_codebook_actions (SpWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.import-codebook", NULL, import_codebook_action);
  gtk_widget_class_install_action (widget_class, "win.export-codebook", NULL, export_codebook_action);
}
