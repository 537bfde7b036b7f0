/* sp-window-import.c
 *
 * Importing articles into the window's project: files and folders dropped anywhere on the
 * window or chosen in a file chooser. The import runs in a worker thread on its own
 * connection to the project file (WAL lets the window keep reading); the main loop polls
 * its progress a few times a second (files done of all, and the file being read) and ends
 * with a summary toast, with the per-file reasons one click away. A toast that reports
 * failures or skipped files stays until it is dismissed, so that a batch of a thousand files
 * left to run on its own still says what it could not import.
 *
 * An import outlives its window: closing the window lets the batch finish in the
 * background, and the job holds the application meanwhile so that the process does not end
 * before the worker has committed what it reports. Only Stop ends a batch early. The job
 * points at its window only until the window is disposed; its finish callback then updates
 * nothing but the other windows showing the same project.
 */
#define G_LOG_DOMAIN "sp-window-import"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-import-details-dialog.h"
#include "sp-toast.h"
#include "sp-window-private.h"

#define PROGRESS_INTERVAL_MS 100

typedef struct
{
  char         *project_path;
  GPtrArray    *files;
  /* Main thread only. NULL once the window has been disposed (_sp_window_detach_import);
   * the application is held from the start of the job to its finish callback. */
  SpWindow     *window;
  GApplication *application;
  /* written by the worker, read by the main loop */
  guint         done;
  guint         total;
  GMutex        lock;         /* guards current */
  char         *current;      /* base name of the file being read, or NULL */
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_free (job->project_path);
  g_free (job->current);
  g_mutex_clear (&job->lock);
  g_ptr_array_unref (job->files);
  g_free (job);
}

static void
import_progress_cb (guint       done,
                    guint       total,
                    const char *current_path,
                    gpointer    user_data)
{
  ImportJob *job = user_data;

  char *name = current_path ? g_path_get_basename (current_path) : NULL;

  g_mutex_lock (&job->lock);
  g_free (job->current);
  job->current = name;
  g_mutex_unlock (&job->lock);

  g_atomic_int_set (&job->total, total);
  g_atomic_int_set (&job->done, done);
}

static void
import_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GError) error = NULL;
  SpImportReport *report;

  if (!(project = sp_project_open (job->project_path, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  report = sp_import_paths (project, (GFile * const *)job->files->pdata, job->files->len,
                            cancellable, import_progress_cb, job, &error);
  if (report == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, report, (GDestroyNotify)sp_import_report_unref);
}

gboolean
_sp_window_is_importing (SpWindow *self)
{
  return self->import_task != NULL;
}

/* Called from the window's dispose: the import goes on without it */
void
_sp_window_detach_import (SpWindow *self)
{
  ImportJob *job;

  g_assert (SP_IS_WINDOW (self));

  g_clear_handle_id (&self->import_timeout, g_source_remove);

  if (self->import_task == NULL)
    return;

  job = g_task_get_task_data (self->import_task);
  job->window = NULL;
  g_clear_object (&self->import_task);
}

/* The timeout belongs to the window: it is removed before the window goes */
static gboolean
import_progress_timeout_cb (gpointer user_data)
{
  SpWindow *self = SP_WINDOW (user_data);
  ImportJob *job = g_task_get_task_data (self->import_task);
  guint done = g_atomic_int_get (&job->done);
  guint total = g_atomic_int_get (&job->total);
  g_autofree char *text = NULL;

  if (total == 0)
    {
      gtk_progress_bar_pulse (self->progress_bar);
      gtk_label_set_text (self->progress_label, _("Looking for articles…"));
      return G_SOURCE_CONTINUE;
    }

  gtk_progress_bar_set_fraction (self->progress_bar, (double)done / total);
  /* TRANSLATORS: progress of an import, e.g. "Importing 12 of 1,000 files…" */
  text = g_strdup_printf (_("Importing %'u of %'u files…"), done, total);
  gtk_label_set_text (self->progress_label, text);

  /* The file being read, in the bar; file names come from anywhere: plain text */
  g_mutex_lock (&job->lock);
  gtk_progress_bar_set_text (self->progress_bar, job->current ? job->current : "");
  g_mutex_unlock (&job->lock);

  return G_SOURCE_CONTINUE;
}

static char *
describe_report (SpImportReport *report)
{
  guint imported = sp_import_report_get_n_imported (report);
  guint duplicates = sp_import_report_get_n_duplicates (report);
  guint failed = sp_import_report_get_n_failed (report);
  guint skipped = sp_import_report_get_n_skipped (report);
  g_autoptr(GString) text = g_string_new (NULL);

  if (sp_import_report_get_cancelled (report))
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                               "Import stopped after %u article",
                                               "Import stopped after %u articles", imported),
                            imported);
  else
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "Imported %u article", "Imported %u articles", imported), imported);
  if (duplicates > 0)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, ", %u duplicate", ", %u duplicates", duplicates), duplicates);
  if (failed > 0)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, ", %u failed", ", %u failed", failed), failed);
  if (skipped > 0)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, ", %u skipped", ", %u skipped", skipped), skipped);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
show_import_details_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  SpWindow *self = SP_WINDOW (widget);
  g_autofree char *heading = NULL;
  SpImportDetailsDialog *dialog;

  if (self->last_import == NULL)
    return;

  heading = describe_report (self->last_import);
  dialog = sp_import_details_dialog_new (GTK_WINDOW (self), heading, self->last_import);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The window that started an import is gone: other windows showing the same project
 * (opened meanwhile) still learn that it has new documents. */
static void
notify_other_windows (GApplication *application,
                      const char   *project_path)
{
  if (application == NULL)
    return;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (application)); l; l = l->next)
    {
      SpProject *project;

      if (!SP_IS_WINDOW (l->data) || !(project = sp_window_get_project (l->data)))
        continue;
      if (g_strcmp0 (sp_project_get_path (project), project_path) == 0)
        sp_project_notify_changed (project, SP_CHANGE_DOCUMENTS);
    }
}

static void
import_finished_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  ImportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GApplication) application = g_steal_pointer (&job->application);
  SpWindow *self = job->window;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(SpImportReport) report = NULL;
  AdwToast *toast;

  /* Everything the worker reports is committed by now: the process may end */
  if (application != NULL)
    g_application_release (application);

  report = g_task_propagate_pointer (G_TASK (result), &error);

  if (self == NULL)
    {
      notify_other_windows (application, job->project_path);
      return;
    }

  job->window = NULL;
  g_clear_object (&self->import_task);
  g_clear_handle_id (&self->import_timeout, g_source_remove);
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  _sp_window_update_actions (self);

  /* Whatever the worker committed is in the file: show it even after an error */
  if (self->project != NULL)
    sp_project_notify_changed (self->project, SP_CHANGE_DOCUMENTS);

  if (report == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        sp_toast_show_error (GTK_WIDGET (self), error->message);
      return;
    }

  g_clear_pointer (&self->last_import, sp_import_report_unref);
  self->last_import = sp_import_report_ref (report);

  summary = describe_report (report);
  toast = adw_toast_new (summary);
  if (sp_import_report_get_n_duplicates (report) + sp_import_report_get_n_failed (report) +
      sp_import_report_get_n_skipped (report) > 0)
    {
      adw_toast_set_button_label (toast, _("_Details"));
      adw_toast_set_action_name (toast, "win.show-import-details");
      adw_toast_set_timeout (toast, 10);
    }
  /* What could not be imported is not to be missed: the toast waits to be dismissed */
  if (sp_import_report_get_n_failed (report) + sp_import_report_get_n_skipped (report) > 0)
    {
      adw_toast_set_timeout (toast, 0);
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);

  g_signal_emit_by_name (self, "import-finished", report);
  _sp_window_suggest_after_import (self, report);
}

static void
cancel_import_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  SpWindow *self = SP_WINDOW (widget);

  /* The worker stops after the current file and keeps what it committed */
  if (self->import_task != NULL)
    g_cancellable_cancel (g_task_get_cancellable (self->import_task));
}

/**
 * _sp_window_import_files:
 *
 * Imports files and folders into the window's project in a worker thread. One import runs
 * at a time; the actions that start one are disabled meanwhile.
 */
void
_sp_window_import_files (SpWindow  *self,
                         GFile    **files,
                         guint      n_files)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GCancellable) cancellable = NULL;
  GtkApplication *application;
  ImportJob *job;

  g_assert (SP_IS_WINDOW (self));

  /* Nothing to import into while the window opens another project or has none */
  if (!_sp_window_shows_project (self) || n_files == 0)
    return;

  /* A drop reaches here even when the import actions are off */
  if (self->read_only)
    {
      sp_toast_show_error (GTK_WIDGET (self), _("This project is read-only: nothing can be imported into it"));
      return;
    }

  if (_sp_window_is_importing (self) || _sp_window_is_suggesting (self))
    {
      sp_toast_show_error (GTK_WIDGET (self), _("An import or a suggestion pass is running; drop the files again when it has finished"));
      return;
    }

  job = g_new0 (ImportJob, 1);
  job->project_path = g_strdup (sp_project_get_path (self->project));
  job->files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (job->files, g_object_ref (files[i]));
  job->window = self;
  g_mutex_init (&job->lock);

  /* Held until the finish callback, like a text editor holds itself while saving */
  if ((application = gtk_window_get_application (GTK_WINDOW (self))))
    {
      job->application = G_APPLICATION (g_object_ref (application));
      g_application_hold (job->application);
    }

  /* No source object: the task must not keep a closed window alive, nor call back into it */
  cancellable = g_cancellable_new ();
  task = g_task_new (NULL, cancellable, import_finished_cb, NULL);
  g_task_set_source_tag (task, _sp_window_import_files);
  /* A stopped import still returns what it did: the files it committed stay */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, job, (GDestroyNotify)import_job_free);

  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_text (self->progress_bar, "");
  gtk_progress_bar_set_show_text (self->progress_bar, TRUE);
  gtk_progress_bar_set_ellipsize (self->progress_bar, PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_text (self->progress_label, _("Looking for articles…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->progress_stop_button), "win.cancel-import");
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  self->import_task = g_object_ref (task);
  self->import_timeout = g_timeout_add (PROGRESS_INTERVAL_MS, import_progress_timeout_cb, self);
  _sp_window_update_actions (self);

  g_task_run_in_thread (task, import_worker);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         SpWindow      *self)
{
  GSList *list;
  g_autoptr(GPtrArray) files = g_ptr_array_new ();

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  list = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = list; l != NULL; l = l->next)
    g_ptr_array_add (files, l->data);
  g_slist_free (list);

  if (files->len == 0)
    return FALSE;

  _sp_window_import_files (self, (GFile **)files->pdata, files->len);
  return TRUE;
}

void
_sp_window_setup_drop (SpWindow *self)
{
  GtkDropTarget *target;

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  gtk_event_controller_set_name (GTK_EVENT_CONTROLLER (target), "sp-import-drop-target");
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

void
_sp_window_class_add_import_actions (SpWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.show-import-details", NULL, show_import_details_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-import", NULL, cancel_import_action);
}
