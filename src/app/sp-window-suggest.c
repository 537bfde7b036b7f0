/* sp-window-suggest.c
 *
 * Suggesting claims: a suggestion pass over the selected documents or the whole project,
 * run in a worker thread on its own connection (sp_suggest_documents_async()), with the
 * import's progress bar and a Stop button, ending with a toast that counts what it found and
 * offers the Review view. After an import, a pass can run on the new documents by itself
 * ("Suggest Claims After Import" in the main menu, the suggest-after-import setting).
 *
 * One job uses the progress bar at a time: imports and passes wait for each other. Closing
 * the window stops a pass (what it stored stays: each document's suggestions are stored in
 * one transaction), and the application is held until the worker has let go of the file.
 */
#define G_LOG_DOMAIN "sp-window-suggest"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-suggest-pass.h"
#include "sp-toast.h"
#include "sp-window-private.h"

typedef struct _SpWindowSuggestJob
{
  SpWindow     *window;        /* NULL once the window has been disposed */
  GApplication *application;   /* held until the pass has finished */
  GCancellable *cancellable;
  char         *project_path;
} SuggestJob;

static void
suggest_job_free (SuggestJob *job)
{
  g_clear_object (&job->cancellable);
  g_free (job->project_path);
  g_free (job);
}

gboolean
_sp_window_is_suggesting (SpWindow *self)
{
  return self->suggest_job != NULL;
}

/* Called from the window's dispose */
void
_sp_window_detach_suggest (SpWindow *self)
{
  if (self->suggest_job == NULL)
    return;

  self->suggest_job->window = NULL;
  g_cancellable_cancel (self->suggest_job->cancellable);
  self->suggest_job = NULL;
}

/* Called in the main context, between documents */
static void
suggest_progress_cb (guint    done,
                     guint    total,
                     gpointer user_data)
{
  SuggestJob *job = user_data;
  SpWindow *self = job->window;
  g_autofree char *text = NULL;

  if (self == NULL || total == 0)
    return;

  gtk_progress_bar_set_fraction (self->progress_bar, (double)MIN (done, total) / total);
  /* TRANSLATORS: progress of a suggestion pass, e.g. "Reading 12 of 1,000 documents…" */
  text = g_strdup_printf (_("Reading %'u of %'u documents…"), MIN (done, total), total);
  gtk_label_set_text (self->progress_label, text);
}

static char *
describe_stats (const SpSuggestStats *stats,
                gboolean              stopped)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (stopped)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                               "Stopped after %u suggestion",
                                               "Stopped after %u suggestions", stats->n_suggestions),
                            stats->n_suggestions);
  else
    /* TRANSLATORS: the end of a suggestion pass, e.g. "23 suggestions in 12 documents" */
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u suggestion", "%u suggestions",
                                               stats->n_suggestions),
                            stats->n_suggestions);
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, " in %u document", " in %u documents",
                                             stats->n_documents),
                          stats->n_documents);
  if (stats->n_speakers > 0)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, ", %u new speaker", ", %u new speakers",
                                               stats->n_speakers),
                            stats->n_speakers);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
notify_other_windows (GApplication *application,
                      const char   *project_path)
{
  if (application == NULL || project_path == NULL)
    return;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (application)); l; l = l->next)
    {
      SpProject *project;

      if (SP_IS_WINDOW (l->data) && (project = sp_window_get_project (l->data)) &&
          g_strcmp0 (sp_project_get_path (project), project_path) == 0)
        sp_project_notify_changed (project, SP_CHANGE_SUGGESTIONS);
    }
}

static void
suggest_finished_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  SuggestJob *job = user_data;
  g_autoptr(GApplication) application = g_steal_pointer (&job->application);
  SpWindow *self = job->window;
  SpSuggestStats stats = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  gboolean stopped;
  AdwToast *toast;

  stopped = !sp_suggest_documents_finish (result, &stats, &error) &&
            g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  if (application != NULL)
    g_application_release (application);

  if (self == NULL)
    {
      notify_other_windows (application, job->project_path);
      suggest_job_free (job);
      return;
    }

  self->suggest_job = NULL;
  suggest_job_free (job);
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  _sp_window_update_actions (self);

  /* What the worker stored is in the file, even after an error or Stop */
  if (self->project != NULL)
    sp_project_notify_changed (self->project, SP_CHANGE_SUGGESTIONS);

  if (error != NULL && !stopped)
    {
      sp_toast_show_error (GTK_WIDGET (self), error->message);
      return;
    }

  summary = describe_stats (&stats, stopped);
  toast = adw_toast_new (summary);
  if (stats.n_suggestions + stats.n_speakers > 0)
    {
      adw_toast_set_button_label (toast, _("_Review"));
      adw_toast_set_detailed_action_name (toast, "win.show-view::review");
    }
  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * _sp_window_suggest:
 * @document_ids: (array length=n_document_ids) (nullable): the documents, or %NULL for all
 *
 * Runs a suggestion pass in a worker thread, one at a time, with progress and Stop.
 */
void
_sp_window_suggest (SpWindow     *self,
                    const gint64 *document_ids,
                    guint         n_document_ids)
{
  GtkApplication *application;
  SuggestJob *job;

  g_assert (SP_IS_WINDOW (self));

  if (!_sp_window_shows_project (self) || self->read_only)
    return;

  if (_sp_window_is_suggesting (self) || _sp_window_is_importing (self))
    {
      sp_toast_show_error (GTK_WIDGET (self), _("Wait for the running import or suggestion pass to finish"));
      return;
    }

  job = g_new0 (SuggestJob, 1);
  job->window = self;
  job->cancellable = g_cancellable_new ();
  job->project_path = g_strdup (sp_project_get_path (self->project));
  if ((application = gtk_window_get_application (GTK_WINDOW (self))))
    {
      job->application = G_APPLICATION (g_object_ref (application));
      g_application_hold (job->application);
    }
  self->suggest_job = job;

  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_show_text (self->progress_bar, FALSE);
  gtk_label_set_text (self->progress_label, _("Suggesting claims…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->progress_stop_button), "win.cancel-suggest");
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  _sp_window_update_actions (self);

  sp_suggest_documents_async (job->project_path,
                              document_ids, n_document_ids,
                              suggest_progress_cb, job,
                              job->cancellable,
                              suggest_finished_cb, job);
}

static void
suggest_claims_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  SpWindow *self = SP_WINDOW (widget);
  gsize n = 0;
  const gint64 *ids = param ? g_variant_get_fixed_array (param, &n, sizeof (gint64)) : NULL;

  _sp_window_suggest (self, ids, (guint)n);
}

static void
cancel_suggest_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  SpWindow *self = SP_WINDOW (widget);

  if (self->suggest_job != NULL)
    g_cancellable_cancel (self->suggest_job->cancellable);
}

/**
 * _sp_window_suggest_after_import:
 *
 * Runs a pass on the documents an import added, when the analyst asked for it.
 */
void
_sp_window_suggest_after_import (SpWindow       *self,
                                 SpImportReport *report)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GSettings *settings = _sp_window_get_settings (self);
  gboolean wanted = settings ? g_settings_get_boolean (settings, "suggest-after-import")
                             : self->suggest_after_import;

  if (!wanted || report == NULL)
    return;

  for (guint i = 0; i < sp_import_report_get_n_entries (report); i++)
    {
      const SpImportEntry *entry = sp_import_report_get_entry (report, i);

      if (entry->status == SP_IMPORT_STATUS_IMPORTED && entry->document_id != 0)
        g_array_append_val (ids, entry->document_id);
    }

  if (ids->len > 0)
    _sp_window_suggest (self, (const gint64 *)(gpointer)ids->data, ids->len);
}

/* From a suggestion marked in the Documents view's reader to its row in the Review view */
static void
review_suggestion_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  SpWindow *self = SP_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "review");
  if (!sp_review_view_reveal (self->review_view, g_variant_get_int64 (param)))
    sp_toast_show (widget, _("This suggestion has been decided meanwhile"));
}

void
_sp_window_class_add_suggest_actions (SpWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.suggest-claims", NULL, suggest_claims_action);
  gtk_widget_class_install_action (widget_class, "win.suggest-documents", "ax", suggest_claims_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-suggest", NULL, cancel_suggest_action);
  gtk_widget_class_install_action (widget_class, "win.review-suggestion", "x", review_suggestion_action);
}
