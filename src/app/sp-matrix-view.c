/* sp-matrix-view.c
 *
 * The Matrix view: the toolbar (actor or group rows, what the matrix holds, Export), the
 * matrix widget or an empty state that says what to do next, and the claims behind a cell.
 *
 * Exports run in a worker thread (sp_matrix_export_async()) on the matrix the view shows, so
 * they follow its options; an image shows its progress under the toolbar with a Cancel
 * button. Like an import, an export outlives its view: it holds the application until the file is written, and its callbacks point at the
 * view only until the view is disposed.
 */
#define G_LOG_DOMAIN "sp-matrix-view"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-error-dialog.h"
#include "sp-matrix-enums.h"
#include "sp-matrix-evidence-popover.h"
#include "sp-matrix-export.h"
#include "sp-matrix-view-private.h"
#include "sp-project-watch.h"
#include "sp-toast.h"

/* Exported PNGs are drawn at twice the screen size so that they stay sharp in reports */
#define EXPORT_SCALE 2.0

enum {
  PROP_0,
  PROP_LEVEL,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (SpMatrixView, sp_matrix_view, GTK_TYPE_WIDGET)

static GParamSpec *properties[N_PROPS];

static void
set_empty_button (GtkButton  *button,
                  const char *label,
                  const char *detailed_action)
{
  g_autofree char *name = NULL;
  g_autoptr(GVariant) target = NULL;
  g_autoptr(GError) error = NULL;

  gtk_widget_set_visible (GTK_WIDGET (button), label != NULL);
  if (label == NULL)
    return;

  gtk_button_set_label (button, label);

  /* The target goes first: an action with a parameter never sees the old, empty target */
  if (!g_action_parse_detailed_name (detailed_action, &name, &target, &error))
    g_error ("%s", error->message);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), NULL);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), name);
}

/* An empty matrix says what the project lacks, in the order the work goes: articles, then a
 * codebook, then claims tagged in the articles. */
static void
update_empty_state (SpMatrixView *self)
{
  SpMatrix *matrix = sp_matrix_widget_get_matrix (self->matrix_widget);
  guint n_rows = self->n_actors;
  guint n_columns = self->n_issues;

  if (self->project == NULL)
    {
      adw_status_page_set_title (self->empty_page, _("No Project"));
      adw_status_page_set_description (self->empty_page, _("Open or create a project from the main menu"));
      set_empty_button (self->empty_primary_button, NULL, NULL);
      set_empty_button (self->empty_secondary_button, NULL, NULL);
    }
  else if (sp_project_count_documents (self->project) == 0)
    {
      adw_status_page_set_title (self->empty_page, _("No Articles Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("The matrix shows who takes which stance on which issue, from the claims you tag in news articles. Start by importing some articles, or drop their files on this window."));
      set_empty_button (self->empty_primary_button, _("_Import Articles…"), "win.import-articles");
      set_empty_button (self->empty_secondary_button, NULL, NULL);
    }
  else if (n_rows == 0 || n_columns == 0)
    {
      if (n_rows == 0 && n_columns == 0)
        {
          adw_status_page_set_title (self->empty_page, _("No Codebook Yet"));
          adw_status_page_set_description (self->empty_page,
                                           _("Claims say which actor takes which stance on which issue. Add the actors you follow and the issues they take stances on, or import a codebook that has them."));
        }
      else if (n_rows == 0)
        {
          adw_status_page_set_title (self->empty_page, _("No Actors Yet"));
          adw_status_page_set_description (self->empty_page,
                                           _("Claims say which actor takes which stance on which issue. Add the actors whose stances you follow, or import a codebook that has them."));
        }
      else
        {
          adw_status_page_set_title (self->empty_page, _("No Issues Yet"));
          adw_status_page_set_description (self->empty_page,
                                           _("Claims say which actor takes which stance on which issue. Add the issues your actors take stances on, or import a codebook that has them."));
        }

      if (n_rows == 0)
        set_empty_button (self->empty_primary_button, _("Add _Actors"), "win.show-view::actors");
      else
        set_empty_button (self->empty_primary_button, _("Add _Issues"), "win.show-view::issues");
      set_empty_button (self->empty_secondary_button, _("Import _Codebook…"), "win.import-codebook");
    }
  else if (matrix != NULL && sp_matrix_get_n_claims (matrix) == 0 &&
           sp_matrix_options_has_filters (sp_matrix_get_options (matrix)))
    {
      /* Claims there are, but the options leave every one out */
      adw_status_page_set_title (self->empty_page, _("No Claims Match"));
      adw_status_page_set_description (self->empty_page,
                                       _("No claim falls within the dates and filters chosen in Options and Filter."));
      set_empty_button (self->empty_primary_button, _("_Clear Filters"), "matrix.clear-filters");
      set_empty_button (self->empty_secondary_button, NULL, NULL);
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Claims Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("The matrix fills in as you tag claims: in Documents, select the words of a claim and press Ctrl+T to say who takes which stance on which issue."));
      set_empty_button (self->empty_primary_button, _("Go to _Documents"), "win.show-view::documents");
      set_empty_button (self->empty_secondary_button, NULL, NULL);
    }
}

/* One export at a time, of a matrix that has claims */
static void
update_export_actions (SpMatrixView *self)
{
  SpMatrix *matrix = sp_matrix_widget_get_matrix (self->matrix_widget);
  gboolean has_claims = matrix != NULL && sp_matrix_get_n_claims (matrix) > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "matrix.export", has_claims && self->export_job == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "matrix.cancel-export", self->export_job != NULL);
}

/* What the empty states need to know about the project itself, whatever the options leave out */
static void
count_codebook (SpMatrixView *self)
{
  self->n_actors = self->project != NULL ? sp_project_count_actors (self->project) : 0;
  self->n_issues = self->project != NULL ? sp_project_count_issues (self->project) : 0;
}

void
_sp_matrix_view_recompute (SpMatrixView *self)
{
  g_autoptr(SpMatrix) matrix = NULL;
  g_autoptr(SpMatrixOptions) options = NULL;
  g_autoptr(GArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *later = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *columns = NULL;
  g_autofree char *claims = NULL;
  g_autoptr(GString) summary = NULL;
  const char *since = NULL;
  guint n_rows, n_columns, n_claims;

  self->dirty = FALSE;
  count_codebook (self);

  /* A date that is not a day is marked in its entry; the matrix stays as it was */
  if (!(options = _sp_matrix_view_read_options (self, &error)))
    return;

  if (self->project != NULL)
    {
      if (_sp_matrix_view_changes_since (self, &since, &later))
        changes = sp_matrix_compute_changes (self->project, options, since, later, &matrix, &error);
      else
        matrix = sp_matrix_compute_with_options (self->project, options, &error);

      if (matrix == NULL)
        {
          gtk_widget_add_css_class (GTK_WIDGET (self->since_entry), "error");
          sp_toast_show_error (GTK_WIDGET (self), error->message);
          return;
        }
      gtk_widget_remove_css_class (GTK_WIDGET (self->since_entry), "error");
    }

  sp_matrix_widget_set_matrix (self->matrix_widget, matrix);
  sp_matrix_widget_set_marked_cells (self->matrix_widget, changes);

  n_claims = matrix ? sp_matrix_get_n_claims (matrix) : 0;
  gtk_stack_set_visible_child_name (self->stack, n_claims > 0 ? "matrix" : "empty");
  update_empty_state (self);
  update_export_actions (self);

  g_clear_pointer (&self->summary, g_free);
  if (matrix == NULL)
    {
      gtk_label_set_text (self->summary_label, "");
      return;
    }

  n_rows = sp_matrix_get_n_rows (matrix);
  n_columns = sp_matrix_get_n_columns (matrix);
  if (self->level == SP_MATRIX_LEVEL_GROUP)
    rows = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u group", "%u groups", n_rows), n_rows);
  else
    rows = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u actor", "%u actors", n_rows), n_rows);
  columns = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u issue", "%u issues", n_columns), n_columns);
  claims = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u claim", "%u claims", n_claims), n_claims);
  summary = g_string_new (NULL);
  g_string_printf (summary, "%s × %s · %s", rows, columns, claims);

  if (sp_matrix_get_n_undated (matrix) > 0)
    {
      guint n = sp_matrix_get_n_undated (matrix);

      g_string_append (summary, " · ");
      /* TRANSLATORS: claims from undated documents that a date range leaves out */
      g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%u undated claim left out",
                                                    "%u undated claims left out", n), n);
    }
  if (self->level == SP_MATRIX_LEVEL_GROUP && self->expanded_groups->len > 0 && self->project != NULL)
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i < self->expanded_groups->len; i++)
        {
          g_autoptr(SpActor) group = sp_project_get_actor (self->project, g_array_index (self->expanded_groups, gint64, i), NULL);

          if (group != NULL)
            g_string_append_printf (names, "%s%s", names->len > 0 ? ", " : "", sp_actor_get_name (group));
        }
      /* TRANSLATORS: %s lists the groups shown as their members' rows */
      g_string_append_printf (summary, _(" · opened: %s"), names->str);
    }
  if (changes != NULL)
    {
      g_string_append (summary, " · ");
      /* TRANSLATORS: %u cells whose stance changed sign between two days, %s the earlier day */
      g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%u cell changed sign since %s",
                                                    "%u cells changed sign since %s", changes->len),
                              changes->len, since);
    }

  self->summary = g_string_free (g_steal_pointer (&summary), FALSE);
  gtk_label_set_text (self->summary_label, self->summary);
}

static void
project_changed_cb (SpMatrixView *self,
                    guint         what)
{
  /* Documents matter only to what an empty matrix says; nothing to aggregate again */
  if (what & SP_CHANGE_DOCUMENTS)
    update_empty_state (self);

  if (!(what & (SP_CHANGE_CLAIMS | SP_CHANGE_ACTORS | SP_CHANGE_ISSUES)))
    return;

  /* Aggregation runs when the data changes, not per frame, and not while hidden */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    _sp_matrix_view_recompute (self);
  else
    self->dirty = TRUE;
}

static void
sp_matrix_view_map (GtkWidget *widget)
{
  SpMatrixView *self = SP_MATRIX_VIEW (widget);

  GTK_WIDGET_CLASS (sp_matrix_view_parent_class)->map (widget);

  if (self->dirty)
    _sp_matrix_view_recompute (self);
}

static void
level_toggled_cb (SpMatrixView    *self,
                  GtkToggleButton *button)
{
  if (gtk_toggle_button_get_active (button))
    sp_matrix_view_set_level (self, button == self->group_button ? SP_MATRIX_LEVEL_GROUP
                                                                 : SP_MATRIX_LEVEL_ACTOR);
}

/* The claims behind a cell */

static void
cell_activated_cb (SpMatrixView   *self,
                   guint           row,
                   guint           column,
                   SpMatrixWidget *widget)
{
  SpMatrix *matrix = sp_matrix_widget_get_matrix (widget);
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *heading = NULL;
  const SpMatrixEvidence *evidence;
  graphene_rect_t cell;
  guint n_evidence;

  if (matrix == NULL || self->project == NULL ||
      !(evidence = sp_matrix_get_cell_evidence (matrix, row, column, &n_evidence)) || n_evidence == 0)
    return;

  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_evidence; i++)
    {
      g_autoptr(GError) error = NULL;
      GObject *item = evidence[i].pending ? G_OBJECT (sp_project_get_suggestion (self->project, evidence[i].id, &error))
                                          : G_OBJECT (sp_project_get_claim (self->project, evidence[i].id, &error));

      if (item == NULL)
        {
          sp_toast_show_error (GTK_WIDGET (self), error->message);
          return;
        }
      g_ptr_array_add (items, item);
    }

  if (self->cell_popover == NULL)
    {
      self->cell_popover = sp_matrix_evidence_popover_new ();
      gtk_widget_set_parent (self->cell_popover, GTK_WIDGET (self->matrix_widget));
      /* Back to the cell, for the next arrow key */
      g_signal_connect_object (self->cell_popover, "closed", G_CALLBACK (gtk_widget_grab_focus),
                               self->matrix_widget, G_CONNECT_SWAPPED);
    }

  heading = sp_matrix_widget_dup_cell_description (widget, row, column);
  sp_matrix_evidence_popover_set_claims (SP_MATRIX_EVIDENCE_POPOVER (self->cell_popover), heading, items);
  sp_matrix_evidence_popover_set_profiles (SP_MATRIX_EVIDENCE_POPOVER (self->cell_popover),
                                           sp_matrix_get_row_id (matrix, row),
                                           sp_matrix_get_column_id (matrix, column));
  if (sp_matrix_widget_get_cell_rect (widget, row, column, &cell))
    gtk_popover_set_pointing_to (GTK_POPOVER (self->cell_popover),
                                 &(GdkRectangle) { cell.origin.x, cell.origin.y, cell.size.width, cell.size.height });
  gtk_popover_popup (GTK_POPOVER (self->cell_popover));
}

static void
row_header_activated_cb (SpMatrixView   *self,
                         guint           row,
                         SpMatrixWidget *widget)
{
  _sp_matrix_view_toggle_group (self, row);
}

/* The toolbar says what the pointed-at cell holds: a compact matrix writes nothing in it */
static void
cell_hovered_cb (SpMatrixView   *self,
                 int             row,
                 int             column,
                 SpMatrixWidget *widget)
{
  g_autofree char *description = NULL;

  if (row >= 0 && column >= 0)
    description = sp_matrix_widget_dup_cell_description (widget, row, column);

  gtk_label_set_text (self->summary_label, description ? description : self->summary ? self->summary : "");
}

/* Export */

struct _ExportJob
{
  GFile        *file;
  SpMatrixFormat format;
  GCancellable *cancellable;
  /* Main thread only. NULL once the view has been disposed; the application is held from
   * the start of the export to its finish callback. */
  SpMatrixView *view;
  GApplication *application;
};

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->file);
  g_clear_object (&job->cancellable);
  g_assert (job->application == NULL);
  g_free (job);
}

/* In the main loop, never after export_finished_cb */
static void
export_progress_cb (double   fraction,
                    gpointer user_data)
{
  ExportJob *job = user_data;

  if (job->view != NULL)
    gtk_progress_bar_set_fraction (job->view->export_progress, fraction);
}

static void
export_finished_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  ExportJob *job = user_data;
  g_autoptr(GApplication) application = g_steal_pointer (&job->application);
  SpMatrixView *self = job->view;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (job->file);
  g_autofree char *text = NULL;
  gboolean written;

  written = sp_matrix_export_finish (result, &error);

  /* The file is written, or was left as it was: the process may end */
  if (application != NULL)
    g_application_release (application);

  export_job_free (job);

  if (self == NULL)
    return;

  self->export_job = NULL;
  gtk_revealer_set_reveal_child (self->export_revealer, FALSE);
  update_export_actions (self);

  if (written)
    {
      /* TRANSLATORS: %s is a file's name */
      text = g_strdup_printf (_("Matrix exported to %s"), name);
      sp_toast_show (GTK_WIDGET (self), text);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* TRANSLATORS: %s is a file's name */
      text = g_strdup_printf (_("Export cancelled: %s was not written"), name);
      sp_toast_show (GTK_WIDGET (self), text);
    }
  else
    sp_error_dialog_show (GTK_WIDGET (self), _("Could Not Export the Matrix"), error->message);
}

/* Writes what the view shows, under its options, in a worker thread; an image shows its
 * progress and can be cancelled. Says how it went in a toast. One export runs at a time. */
static void
export_as (SpMatrixView   *self,
           GFile          *file,
           SpMatrixFormat  format)
{
  SpMatrix *matrix;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;
  GtkRoot *root;
  ExportJob *job;

  matrix = sp_matrix_widget_get_matrix (self->matrix_widget);
  path = g_file_get_path (file);

  if (self->export_job != NULL)
    {
      sp_toast_show_error (GTK_WIDGET (self), _("An export is already running; try again when it is done"));
      return;
    }

  if (matrix == NULL || sp_matrix_get_n_claims (matrix) == 0)
    {
      sp_toast_show_error (GTK_WIDGET (self), _("There is no matrix to export yet: tag some claims first"));
      return;
    }

  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_autofree char *message = g_strdup_printf (_("Cannot write %s: it is not a local file"), uri);

      sp_toast_show_error (GTK_WIDGET (self), message);
      return;
    }

  job = g_new0 (ExportJob, 1);
  job->file = g_object_ref (file);
  job->format = format;
  job->cancellable = g_cancellable_new ();
  job->view = self;

  /* Held until the file is written, like a text editor holds itself while saving */
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root) && gtk_window_get_application (GTK_WINDOW (root)) != NULL)
    {
      job->application = G_APPLICATION (g_object_ref (gtk_window_get_application (GTK_WINDOW (root))));
      g_application_hold (job->application);
    }

  self->export_job = job;
  update_export_actions (self);

  /* Tables are written at once; images are drawn strip by strip, with progress */
  if (format == SP_MATRIX_FORMAT_CSV || format == SP_MATRIX_FORMAT_CSV_LONG || format == SP_MATRIX_FORMAT_JSON)
    {
      sp_matrix_export_async (matrix, format, path, 1.0, NULL, job->cancellable, export_finished_cb, job);
      return;
    }

  name = g_file_get_basename (file);
  /* TRANSLATORS: %s is a file's name */
  label = g_strdup_printf (_("Exporting %s…"), name);
  gtk_label_set_text (self->export_label, label);
  gtk_progress_bar_set_fraction (self->export_progress, 0);
  gtk_revealer_set_reveal_child (self->export_revealer, TRUE);

  sp_matrix_export_async (matrix, format, path, EXPORT_SCALE, export_progress_cb,
                          job->cancellable, export_finished_cb, job);
}

/**
 * sp_matrix_view_export:
 * @file: where to write; the name's extension chooses the format: .csv (the table), .json,
 *   .svg, .pdf, anything else PNG
 *
 * Writes what the view shows, under its options (sp_matrix_get_options() of the matrix).
 */
void
sp_matrix_view_export (SpMatrixView *self,
                       GFile        *file)
{
  g_autofree char *name = NULL;
  SpMatrixFormat format = SP_MATRIX_FORMAT_PNG;

  g_return_if_fail (SP_IS_MATRIX_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  name = g_file_get_basename (file);
  if (g_str_has_suffix (name, ".csv"))
    format = SP_MATRIX_FORMAT_CSV;
  else if (g_str_has_suffix (name, ".json"))
    format = SP_MATRIX_FORMAT_JSON;
  else if (g_str_has_suffix (name, ".svg"))
    format = SP_MATRIX_FORMAT_SVG;
  else if (g_str_has_suffix (name, ".pdf"))
    format = SP_MATRIX_FORMAT_PDF;

  export_as (self, file, format);
}

/* Returns: whether an export started by this view is running */
gboolean
sp_matrix_view_is_exporting (SpMatrixView *self)
{
  g_return_val_if_fail (SP_IS_MATRIX_VIEW (self), FALSE);
  return self->export_job != NULL;
}

static void
cancel_export_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  SpMatrixView *self = SP_MATRIX_VIEW (widget);

  /* The drawing stops between two strips; nothing is written then */
  if (self->export_job != NULL)
    g_cancellable_cancel (self->export_job->cancellable);
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    SpMatrixView    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        export_as (self, file, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "sp-format")));
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  SpMatrixView *self = SP_MATRIX_VIEW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;
  SpMatrixFormat format;
  struct { const char *title; const char *name; const char *filter; const char *pattern; } kinds[] = {
    [SP_MATRIX_FORMAT_CSV] = { N_("Export Matrix as CSV"), N_("position-matrix.csv"), N_("CSV Tables"), "*.csv" },
    [SP_MATRIX_FORMAT_CSV_LONG] = { N_("Export Matrix Cells as CSV"), N_("position-matrix-cells.csv"), N_("CSV Tables"), "*.csv" },
    [SP_MATRIX_FORMAT_JSON] = { N_("Export Matrix as JSON"), N_("position-matrix.json"), N_("JSON Files"), "*.json" },
    [SP_MATRIX_FORMAT_PNG] = { N_("Export Matrix as PNG"), N_("position-matrix.png"), N_("PNG Images"), "*.png" },
    [SP_MATRIX_FORMAT_SVG] = { N_("Export Matrix as SVG"), N_("position-matrix.svg"), N_("SVG Images"), "*.svg" },
    [SP_MATRIX_FORMAT_PDF] = { N_("Export Matrix as PDF"), N_("position-matrix.pdf"), N_("PDF Documents"), "*.pdf" },
  };

  if (!sp_matrix_format_from_string (g_variant_get_string (param, NULL), &format) || format >= G_N_ELEMENTS (kinds))
    return;

  chooser = gtk_file_chooser_native_new (_(kinds[format].title),
                                         GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _(kinds[format].name));
  gtk_file_filter_set_name (filter, _(kinds[format].filter));
  gtk_file_filter_add_pattern (filter, kinds[format].pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_set_data (G_OBJECT (chooser), "sp-format", GINT_TO_POINTER (format));

  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Lifecycle */

static void
sp_matrix_view_dispose (GObject *object)
{
  SpMatrixView *self = (SpMatrixView *)object;
  GtkWidget *child;

  /* A running export goes on without the view */
  if (self->export_job != NULL)
    self->export_job->view = NULL;
  self->export_job = NULL;

  g_clear_pointer (&self->cell_popover, gtk_widget_unparent);
  /* Template children without an id are not cleared by dispose_template() in GTK 4.8 */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_MATRIX_VIEW);

  sp_project_watch_clear (&self->project, self);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->expanded_groups, g_array_unref);

  G_OBJECT_CLASS (sp_matrix_view_parent_class)->dispose (object);
}

static void
sp_matrix_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SpMatrixView *self = SP_MATRIX_VIEW (object);

  switch (prop_id)
    {
    case PROP_LEVEL:
      g_value_set_enum (value, self->level);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_matrix_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SpMatrixView *self = SP_MATRIX_VIEW (object);

  switch (prop_id)
    {
    case PROP_LEVEL:
      sp_matrix_view_set_level (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_matrix_view_class_init (SpMatrixViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_matrix_view_dispose;
  object_class->get_property = sp_matrix_view_get_property;
  object_class->set_property = sp_matrix_view_set_property;

  widget_class->map = sp_matrix_view_map;

  properties[PROP_LEVEL] =
    g_param_spec_enum ("level", NULL, NULL,
                       SP_TYPE_MATRIX_LEVEL, SP_MATRIX_LEVEL_ACTOR,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  g_type_ensure (SP_TYPE_MATRIX_WIDGET);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/standpoint/Standpoint/sp-matrix-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SpMatrixView, actor_button);
  gtk_widget_class_bind_template_child (widget_class, SpMatrixView, group_button);
  gtk_widget_class_bind_template_child (widget_class, SpMatrixView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SpMatrixView, export_revealer);
  gtk_widget_class_bind_template_child (widget_class, SpMatrixView, export_label);
  gtk_widget_class_bind_template_child (widget_class, SpMatrixView, export_progress);
  gtk_widget_class_bind_template_child (widget_class, SpMatrixView, stack);
  gtk_widget_class_bind_template_child (widget_class, SpMatrixView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, SpMatrixView, empty_primary_button);
  gtk_widget_class_bind_template_child (widget_class, SpMatrixView, empty_secondary_button);
  gtk_widget_class_bind_template_child (widget_class, SpMatrixView, matrix_widget);
  _sp_matrix_view_class_init_options (widget_class);

  gtk_widget_class_install_action (widget_class, "matrix.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "matrix.cancel-export", NULL, cancel_export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "matrix.export", "s", "png");
}

static void
sp_matrix_view_init (SpMatrixView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->actor_button, "toggled", G_CALLBACK (level_toggled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->group_button, "toggled", G_CALLBACK (level_toggled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->matrix_widget, "cell-activated", G_CALLBACK (cell_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->matrix_widget, "cell-hovered", G_CALLBACK (cell_hovered_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->matrix_widget, "row-header-activated", G_CALLBACK (row_header_activated_cb), self, G_CONNECT_SWAPPED);
  _sp_matrix_view_init_options (self);

  update_export_actions (self);
}

void
sp_matrix_view_set_project (SpMatrixView *self,
                            SpProject    *project)
{
  g_return_if_fail (SP_IS_MATRIX_VIEW (self));

  if (!sp_project_watch_set (&self->project, project, G_CALLBACK (project_changed_cb), self))
    return;

  _sp_matrix_view_recompute (self);
}

SpMatrixLevel
sp_matrix_view_get_level (SpMatrixView *self)
{
  g_return_val_if_fail (SP_IS_MATRIX_VIEW (self), SP_MATRIX_LEVEL_ACTOR);
  return self->level;
}

void
sp_matrix_view_set_level (SpMatrixView  *self,
                          SpMatrixLevel  level)
{
  g_return_if_fail (SP_IS_MATRIX_VIEW (self));

  if (self->level == level)
    return;

  self->level = level;
  gtk_toggle_button_set_active (level == SP_MATRIX_LEVEL_GROUP ? self->group_button : self->actor_button, TRUE);
  _sp_matrix_view_recompute (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEVEL]);
}

/* Returns: (transfer none) */
SpMatrixWidget *
sp_matrix_view_get_widget (SpMatrixView *self)
{
  g_return_val_if_fail (SP_IS_MATRIX_VIEW (self), NULL);
  return self->matrix_widget;
}
