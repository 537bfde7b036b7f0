/* sp-window-interop.c
 *
 * Other tools' files from the window. Import DNA Project (win.import-dna) reads a Discourse
 * Network Analyzer project and splits its documents into sentences in a worker thread, with
 * the window's progress bar and Stop button, then writes it into the window's project as one
 * undo step (the undo journal belongs to the window's connection, so the writing happens
 * here, from the prepared data) and shows a report. Export Network (win.export-network) asks
 * for the network's type and options, then builds and writes it in a worker thread on a
 * read-only connection of its own; any view's menu can offer it with the action's name.
 *
 * A job holds the application until its finish callback and points at its window through a
 * weak pointer, so that closing the window neither ends the process halfway through a write
 * nor leaves the callback with a window that is gone.
 */
#define G_LOG_DOMAIN "sp-window-interop"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-dna-import.h"
#include "sp-error-dialog.h"
#include "sp-network.h"
#include "sp-sentences.h"
#include "sp-toast.h"
#include "sp-window-private.h"

#define JOB_KEY "sp-window-interop-job"

typedef struct
{
  char         *name;          /* the file's name, for what the window says */
  char         *path;
  SpWindow     *window;        /* weak */
  GApplication *application;
  GCancellable *cancellable;
  guint         pulse;         /* the progress bar's pulse while the worker runs */
  /* Import: what the worker prepared */
  SpDnaFile    *file;
  GHashTable   *sentences;     /* document text (borrowed from @file) -> GArray */
  /* Export */
  char         *project_path;
  SpNetworkOptions options;
  SpNetworkFormat format;
  guint         n_nodes;
  guint         n_edges;
} Job;

static void
job_free (Job *job)
{
  if (job->window != NULL)
    g_object_remove_weak_pointer (G_OBJECT (job->window), (gpointer *)&job->window);
  g_clear_handle_id (&job->pulse, g_source_remove);
  if (job->application != NULL)
    {
      g_application_release (job->application);
      g_clear_object (&job->application);
    }
  g_clear_object (&job->cancellable);
  g_clear_pointer (&job->sentences, g_hash_table_unref);
  g_clear_pointer (&job->file, sp_dna_file_free);
  g_free (job->name);
  g_free (job->path);
  g_free (job->project_path);
  g_free (job);
}

static Job *
get_job (SpWindow *self)
{
  return g_object_get_data (G_OBJECT (self), JOB_KEY);
}

static Job *
job_new (SpWindow   *self,
         const char *path)
{
  Job *job = g_new0 (Job, 1);
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  job->path = g_strdup (path);
  job->name = g_path_get_basename (path);
  job->cancellable = g_cancellable_new ();
  job->window = self;
  g_object_add_weak_pointer (G_OBJECT (self), (gpointer *)&job->window);
  if (application != NULL)
    {
      job->application = G_APPLICATION (g_object_ref (application));
      g_application_hold (job->application);
    }

  g_object_set_data (G_OBJECT (self), JOB_KEY, job);
  _sp_window_update_actions (self);
  return job;
}

/* Ends the job's hold on its window. Returns: (nullable): the window, if still there */
static SpWindow *
job_detach (Job *job)
{
  SpWindow *self = job->window;

  g_clear_handle_id (&job->pulse, g_source_remove);
  if (self == NULL)
    return NULL;

  if (get_job (self) == job)
    g_object_set_data (G_OBJECT (self), JOB_KEY, NULL);
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  _sp_window_update_actions (self);
  return self;
}

static gboolean
pulse_cb (gpointer user_data)
{
  Job *job = user_data;

  if (job->window != NULL)
    gtk_progress_bar_pulse (job->window->progress_bar);
  return G_SOURCE_CONTINUE;
}

/* Shows @text with a pulsing bar and runs @worker on the job in a thread, then @callback */
static void
run_job (SpWindow            *self,
         Job                 *job,
         const char          *text,
         gpointer             source_tag,
         GTaskThreadFunc      worker,
         GAsyncReadyCallback  callback)
{
  g_autoptr(GTask) task = NULL;

  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_show_text (self->progress_bar, FALSE);
  gtk_label_set_text (self->progress_label, text);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->progress_stop_button), "win.cancel-interop");
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  job->pulse = g_timeout_add (100, pulse_cb, job);

  task = g_task_new (NULL, job->cancellable, callback, NULL);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, job, (GDestroyNotify)job_free);
  g_task_run_in_thread (task, worker);
}

/* Import DNA Project */

static void
read_dna_worker (GTask        *task,
                 gpointer      source,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpSentenceSplitter) splitter = NULL;

  if (!(job->file = sp_dna_file_read (job->path, cancellable, &error)) ||
      !(splitter = sp_sentence_splitter_new (&error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  job->sentences = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, (GDestroyNotify)g_array_unref);
  for (guint i = 0; i < job->file->documents->len; i++)
    {
      const SpDnaDocument *document = g_ptr_array_index (job->file->documents, i);

      if (g_task_return_error_if_cancelled (task))
        return;
      g_hash_table_insert (job->sentences, document->text,
                           sp_sentence_splitter_split (splitter, document->text, strlen (document->text)));
    }

  g_task_return_boolean (task, TRUE);
}

/* The sentences the worker found, handed to the import; a copy, as the import frees them */
static GArray *
prepared_sentences_cb (const char *text,
                       gsize       length,
                       gpointer    user_data)
{
  GArray *found = g_hash_table_lookup (user_data, text);

  return found != NULL ? g_array_copy (found) : NULL;
}

static void
append_lines (GString    *text,
              const char *heading,
              GPtrArray  *lines)
{
  if (lines->len == 0)
    return;

  g_string_append_printf (text, "%s%s", text->len > 0 ? "\n\n" : "", heading);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (text, "\n• %s", (const char *)lines->pdata[i]);
}

static void
show_report (SpWindow    *self,
             SpDnaReport *report)
{
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GString) details = g_string_new (NULL);
  AdwMessageDialog *dialog;

  g_string_append_printf (body,
                          _("%u documents, %u actors, %u issues and %u claims were added from %s."),
                          report->n_documents, report->n_actors, report->n_issues,
                          report->n_claims, report->file_name);
  if (report->n_documents_present + report->n_actors_present + report->n_issues_present > 0)
    g_string_append_printf (body, "\n%s",
                            _("What the project already had was used as it is (see below)."));
  g_string_append_printf (body, "\n%s", _("Undo takes the whole import back."));
  append_lines (details, _("Not imported:"), report->skipped);
  append_lines (details, _("Notes:"), report->notes);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("DNA Project Imported"), NULL));
  adw_message_dialog_set_body (dialog, body->str);
  if (details->len > 0)
    {
      /* the lists read from the left, as plain text (names come from the file), and scroll
       * when a file has many */
      GtkWidget *label = gtk_label_new (details->str);
      GtkWidget *scrolled = gtk_scrolled_window_new ();

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
      /* a few lines at least, whatever height the dialog's first layout gives the label */
      gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled),
                                                  MIN (320, 22 * (int)(report->skipped->len + 2 * report->notes->len + 3)));
      adw_message_dialog_set_extra_child (dialog, scrolled);
    }
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  gtk_widget_add_css_class (GTK_WIDGET (dialog), "dna-report");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
dna_read_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(SpDnaReport) report = NULL;
  SpWindow *self = job_detach (job);

  if (self == NULL)
    return;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        sp_error_dialog_show (GTK_WIDGET (self), _("Could Not Import the DNA Project"), error->message);
      else
        sp_toast_show (GTK_WIDGET (self), _("DNA import stopped: nothing was added"));
      return;
    }
  if (!_sp_window_shows_project (self) || self->read_only)
    return;

  if (!(report = sp_dna_import (self->project, job->file, prepared_sentences_cb, job->sentences,
                                NULL, NULL, NULL, &error)))
    {
      sp_error_dialog_show (GTK_WIDGET (self), _("Could Not Import the DNA Project"), error->message);
      return;
    }

  _sp_window_update_actions (self);
  show_report (self, report);
}

/**
 * _sp_window_import_dna:
 * @path: a DNA project (.dna)
 *
 * Imports @path into the window's project: read in a worker thread, written as one undo
 * step, reported in a dialog.
 */
void
_sp_window_import_dna (SpWindow   *self,
                       const char *path)
{
  g_autofree char *text = NULL;
  Job *job;

  g_assert (SP_IS_WINDOW (self));

  if (!_sp_window_shows_project (self) || self->read_only || get_job (self) != NULL)
    return;

  job = job_new (self, path);
  /* TRANSLATORS: %s is a file's name */
  text = g_strdup_printf (_("Reading %s…"), job->name);
  run_job (self, job, text, _sp_window_import_dna, read_dna_worker, dna_read_cb);
}

static void
dna_chosen (SpWindow *self,
            GFile    *file)
{
  g_autofree char *path = g_file_get_path (file);

  if (path != NULL)
    _sp_window_import_dna (self, path);
}

static void
import_dna_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  SpWindow *self = SP_WINDOW (widget);
  GtkFileChooserNative *chooser;

  chooser = _sp_window_new_chooser (self, _("Import DNA Project"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"));
  _sp_window_add_filter (GTK_FILE_CHOOSER (chooser), _("DNA Projects"), "*.dna", NULL);
  _sp_window_add_filter (GTK_FILE_CHOOSER (chooser), _("All Files"), "*", NULL);
  _sp_window_run_chooser (self, chooser, dna_chosen);
}

/* Export Network */

static void
write_network_worker (GTask        *task,
                      gpointer      source,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpProject) project = NULL;
  g_autoptr(SpNetwork) network = NULL;

  /* a connection of the worker's own; reading only */
  if (!(project = sp_project_open_read_only (job->project_path, &error)) ||
      !(network = sp_network_build (project, &job->options, &error)) ||
      g_task_return_error_if_cancelled (task) ||
      !sp_network_write (network, job->format, job->path, &error))
    {
      if (error != NULL)
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  job->n_nodes = sp_network_get_n_nodes (network);
  job->n_edges = sp_network_get_n_edges (network);
  g_task_return_boolean (task, TRUE);
}

static void
network_written_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *done = NULL;
  SpWindow *self = job_detach (job);
  gboolean written = g_task_propagate_boolean (G_TASK (result), &error);

  if (self == NULL)
    return;

  if (!written)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        sp_error_dialog_show (GTK_WIDGET (self), _("Could Not Export the Network"), error->message);
      return;
    }

  /* TRANSLATORS: a file's name, then numbers of nodes and edges */
  done = g_strdup_printf (_("Network exported to %s: %u nodes, %u edges"), job->name, job->n_nodes, job->n_edges);
  sp_toast_show (GTK_WIDGET (self), done);
}

typedef struct
{
  GtkDropDown *type;
  GtkDropDown *level;
  GtkDropDown *normalize;
  GtkDropDown *format;
} NetworkForm;

/**
 * _sp_window_export_network:
 * @path: the file to write
 *
 * Builds the network of the window's project and writes it to @path in a worker thread;
 * says how it went in a toast, or why not in a dialog.
 */
void
_sp_window_export_network (SpWindow               *self,
                           const char             *path,
                           const SpNetworkOptions *options,
                           SpNetworkFormat         format)
{
  g_autofree char *text = NULL;
  Job *job;

  g_assert (SP_IS_WINDOW (self));

  if (!_sp_window_shows_project (self) || get_job (self) != NULL)
    return;

  job = job_new (self, path);
  job->project_path = g_strdup (sp_project_get_path (self->project));
  job->options = *options;
  job->options.from = job->options.to = NULL;
  job->format = format;
  /* TRANSLATORS: %s is a file's name */
  text = g_strdup_printf (_("Writing %s…"), job->name);
  run_job (self, job, text, _sp_window_export_network, write_network_worker, network_written_cb);
}

static void
network_chosen (SpWindow *self,
                GFile    *file)
{
  NetworkForm *form = g_object_get_data (G_OBJECT (self), "sp-network-form");
  g_autofree char *path = g_file_get_path (file);
  SpNetworkOptions options = { 0 };

  if (path == NULL || form == NULL)
    return;

  options.type = gtk_drop_down_get_selected (form->type);
  options.group_level = gtk_drop_down_get_selected (form->level) == 1;
  options.normalize = options.type == SP_NETWORK_TWO_MODE ? SP_NETWORK_NORMALIZE_NONE
                                                          : gtk_drop_down_get_selected (form->normalize);
  _sp_window_export_network (self, path, &options,
                             gtk_drop_down_get_selected (form->format) == 1 ? SP_NETWORK_FORMAT_CSV
                                                                            : SP_NETWORK_FORMAT_GRAPHML);
}

static void
network_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     SpWindow         *self)
{
  NetworkForm *form = g_object_get_data (G_OBJECT (self), "sp-network-form");
  GtkFileChooserNative *chooser;
  gboolean csv;

  g_assert (SP_IS_WINDOW (self));

  if (!g_str_equal (response, "export") || form == NULL)
    return;

  csv = gtk_drop_down_get_selected (form->format) == 1;
  chooser = _sp_window_new_chooser (self, _("Export Network"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), csv ? _("network.csv") : _("network.graphml"));
  if (csv)
    _sp_window_add_filter (GTK_FILE_CHOOSER (chooser), _("CSV Edge Lists"), "*.csv", NULL);
  else
    _sp_window_add_filter (GTK_FILE_CHOOSER (chooser), _("GraphML Networks"), "*.graphml", NULL);
  _sp_window_run_chooser (self, chooser, network_chosen);
}

/* Normalising applies to the one-mode networks only */
static void
type_selected_cb (GtkDropDown *type,
                  GParamSpec  *pspec,
                  GtkWidget   *normalize)
{
  gtk_widget_set_sensitive (normalize, gtk_drop_down_get_selected (type) != SP_NETWORK_TWO_MODE);
}

static GtkDropDown *
add_choice (GtkWidget          *grid,
            int                 row,
            const char         *label,
            const char * const *choices)
{
  GtkWidget *title = gtk_label_new_with_mnemonic (label);
  GtkWidget *drop_down = gtk_drop_down_new_from_strings (choices);

  gtk_label_set_xalign (GTK_LABEL (title), 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (title), drop_down);
  gtk_widget_set_hexpand (drop_down, TRUE);
  gtk_grid_attach (GTK_GRID (grid), title, 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), drop_down, 1, row, 1, 1);

  return GTK_DROP_DOWN (drop_down);
}

static void
export_network_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  SpWindow *self = SP_WINDOW (widget);
  const char * const types[] = { _("Actors and issues (two-mode)"), _("Congruence"), _("Conflict"),
                                 _("Congruence minus conflict"), NULL };
  const char * const levels[] = { _("Actors"), _("Groups"), NULL };
  const char * const norms[] = { _("None"), _("Average"), _("Jaccard"), _("Cosine"), NULL };
  const char * const formats[] = { _("GraphML (Gephi, visone)"), _("CSV edge list"), NULL };
  NetworkForm *form = g_new0 (NetworkForm, 1);
  GtkWidget *grid = gtk_grid_new ();
  AdwMessageDialog *dialog;

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  form->type = add_choice (grid, 0, _("_Network"), types);
  form->level = add_choice (grid, 1, _("_Nodes"), levels);
  form->normalize = add_choice (grid, 2, _("_Weights normalised"), norms);
  form->format = add_choice (grid, 3, _("_Format"), formats);
  g_signal_connect_object (form->type, "notify::selected", G_CALLBACK (type_selected_cb), form->normalize, 0);
  type_selected_cb (form->type, NULL, GTK_WIDGET (form->normalize));
  g_object_set_data_full (G_OBJECT (self), "sp-network-form", form, g_free);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Export Network"),
                                                       _("Congruence and conflict link actors by the issues on "
                                                         "which they take the same or the opposite side; "
                                                         "normalising applies to them, not to two-mode networks.")));
  adw_message_dialog_set_extra_child (dialog, grid);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "export", _("_Export…"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "export", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "export");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (network_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  Job *job = get_job (SP_WINDOW (widget));

  if (job != NULL)
    g_cancellable_cancel (job->cancellable);
}

gboolean
_sp_window_is_busy_with_interop (SpWindow *self)
{
  return get_job (self) != NULL;
}

void
_sp_window_update_interop_actions (SpWindow *self)
{
  gboolean has_project = _sp_window_shows_project (self);
  gboolean busy = _sp_window_is_busy_with_interop (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-dna", has_project && !self->read_only && !busy &&
                                                                      !_sp_window_is_importing (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-network", has_project && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-interop", busy);
}

void
_sp_window_class_add_interop_actions (SpWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.import-dna", NULL, import_dna_action);
  gtk_widget_class_install_action (widget_class, "win.export-network", NULL, export_network_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-interop", NULL, cancel_action);
}
