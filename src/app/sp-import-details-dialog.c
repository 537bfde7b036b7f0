/* sp-import-details-dialog.c
 *
 * The files an import could not read (failures), left out (skipped: not article files) or
 * found already imported (duplicates), one row each, failures first: the file's name, what
 * happened to it, the reason, and its folder. A batch can leave thousands of them, so the rows
 * are a list view over a model rather than one label; the window is resizable and the list
 * grows with it. Copy puts every reason on the clipboard, one line each, for a bug report or
 * a colleague.
 */
#define G_LOG_DOMAIN "sp-import-details-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-import-details-dialog.h"

/* One row: what the list shows of a report entry */
#define SP_TYPE_IMPORT_PROBLEM (sp_import_problem_get_type ())
G_DECLARE_FINAL_TYPE (SpImportProblem, sp_import_problem, SP, IMPORT_PROBLEM, GObject)

struct _SpImportProblem
{
  GObject  parent_instance;

  char    *name;
  char    *reason;
  char    *folder;
  SpImportStatus status;
};

G_DEFINE_FINAL_TYPE (SpImportProblem, sp_import_problem, G_TYPE_OBJECT)

static void
sp_import_problem_finalize (GObject *object)
{
  SpImportProblem *self = (SpImportProblem *)object;

  g_free (self->name);
  g_free (self->reason);
  g_free (self->folder);

  G_OBJECT_CLASS (sp_import_problem_parent_class)->finalize (object);
}

static void
sp_import_problem_class_init (SpImportProblemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sp_import_problem_finalize;
}

static void
sp_import_problem_init (SpImportProblem *self)
{
}

/* The importer's message is "PATH: reason"; the row shows the path as name and folder */
static SpImportProblem *
sp_import_problem_new (const SpImportEntry *entry)
{
  SpImportProblem *self = g_object_new (SP_TYPE_IMPORT_PROBLEM, NULL);
  const char *message = entry->message ? entry->message : "";
  gsize path_len = strlen (entry->path);

  self->status = entry->status;
  self->name = g_path_get_basename (entry->path);
  self->folder = g_path_get_dirname (entry->path);
  if (g_str_has_prefix (message, entry->path) && g_str_has_prefix (message + path_len, ": "))
    self->reason = g_strdup (message + path_len + 2);
  else
    self->reason = g_strdup (message);

  return self;
}

struct _SpImportDetailsDialog
{
  AdwWindow          parent_instance;

  SpImportReport    *report;

  /* Template children */
  AdwWindowTitle    *window_title;
  GtkStack          *stack;
  GtkListView       *list_view;
};

G_DEFINE_FINAL_TYPE (SpImportDetailsDialog, sp_import_details_dialog, ADW_TYPE_WINDOW)

static const char *
status_label (SpImportStatus status)
{
  switch (status)
    {
    case SP_IMPORT_STATUS_FAILED:
      return _("Failed");
    case SP_IMPORT_STATUS_SKIPPED:
      return _("Skipped");
    case SP_IMPORT_STATUS_DUPLICATE:
      return _("Already imported");
    case SP_IMPORT_STATUS_IMPORTED:
    default:
      return "";
    }
}

/* Failures first, then skipped files, then duplicates; in report order within each */
static int
status_rank (SpImportStatus status)
{
  switch (status)
    {
    case SP_IMPORT_STATUS_FAILED:
      return 0;
    case SP_IMPORT_STATUS_SKIPPED:
      return 1;
    case SP_IMPORT_STATUS_DUPLICATE:
      return 2;
    case SP_IMPORT_STATUS_IMPORTED:
    default:
      return 3;
    }
}

static void
row_setup_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *status = gtk_label_new (NULL);
  GtkWidget *reason = gtk_label_new (NULL);
  GtkWidget *folder = gtk_label_new (NULL);

  /* File names and reasons come from anywhere: plain text, wrapped, never cut */
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (name), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (name, "heading");
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_set_valign (status, GTK_ALIGN_START);
  gtk_widget_add_css_class (status, "caption-heading");
  gtk_widget_add_css_class (status, "import-status");
  gtk_label_set_xalign (GTK_LABEL (reason), 0);
  gtk_label_set_wrap (GTK_LABEL (reason), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (reason), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (folder), 0);
  gtk_label_set_wrap (GTK_LABEL (folder), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (folder), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (folder, "dim-label");
  gtk_widget_add_css_class (folder, "caption");

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (top), name);
  gtk_box_append (GTK_BOX (top), status);
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), reason);
  gtk_box_append (GTK_BOX (box), folder);
  gtk_list_item_set_child (item, box);
  gtk_list_item_set_activatable (item, FALSE);
}

static void
row_bind_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  SpImportProblem *problem = gtk_list_item_get_item (item);
  GtkWidget *top = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *name = gtk_widget_get_first_child (top);
  GtkWidget *status = gtk_widget_get_next_sibling (name);
  GtkWidget *reason = gtk_widget_get_next_sibling (top);
  GtkWidget *folder = gtk_widget_get_next_sibling (reason);

  gtk_label_set_text (GTK_LABEL (name), problem->name);
  gtk_label_set_text (GTK_LABEL (status), status_label (problem->status));
  if (problem->status == SP_IMPORT_STATUS_FAILED)
    {
      gtk_widget_add_css_class (status, "error");
      gtk_widget_remove_css_class (status, "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (status, "error");
      gtk_widget_add_css_class (status, "dim-label");
    }
  gtk_label_set_text (GTK_LABEL (reason), problem->reason);
  gtk_label_set_text (GTK_LABEL (folder), problem->folder);
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  SpImportDetailsDialog *self = SP_IMPORT_DETAILS_DIALOG (widget);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < sp_import_report_get_n_entries (self->report); i++)
    {
      const SpImportEntry *entry = sp_import_report_get_entry (self->report, i);

      if (entry->status != SP_IMPORT_STATUS_IMPORTED && entry->message != NULL)
        g_string_append_printf (text, "%s\n", entry->message);
    }

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text->str);
}

static void
sp_import_details_dialog_dispose (GObject *object)
{
  SpImportDetailsDialog *self = (SpImportDetailsDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_IMPORT_DETAILS_DIALOG);
  g_clear_pointer (&self->report, sp_import_report_unref);

  G_OBJECT_CLASS (sp_import_details_dialog_parent_class)->dispose (object);
}

static void
sp_import_details_dialog_class_init (SpImportDetailsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_import_details_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/standpoint/Standpoint/sp-import-details-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SpImportDetailsDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, SpImportDetailsDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, SpImportDetailsDialog, list_view);

  gtk_widget_class_install_action (widget_class, "details.copy", NULL, copy_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sp_import_details_dialog_init (SpImportDetailsDialog *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (row_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (row_bind_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
}

/* "3 failed, 7 skipped, 2 already imported" */
static char *
describe_problems (SpImportReport *report)
{
  guint failed = sp_import_report_get_n_failed (report);
  guint skipped = sp_import_report_get_n_skipped (report);
  guint duplicates = sp_import_report_get_n_duplicates (report);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (failed > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u failed", "%'u failed", failed), failed));
  if (skipped > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u skipped", "%'u skipped", skipped), skipped));
  if (duplicates > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u already imported", "%'u already imported", duplicates), duplicates));
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (", ", (char **)parts->pdata);
}

/**
 * sp_import_details_dialog_new:
 * @heading: the import's summary, e.g. "Imported 12 articles, 3 failed"
 * @report: the import's report; its duplicates and failures are listed
 */
SpImportDetailsDialog *
sp_import_details_dialog_new (GtkWindow      *parent,
                              const char     *heading,
                              SpImportReport *report)
{
  SpImportDetailsDialog *self;
  g_autoptr(GListStore) problems = g_list_store_new (SP_TYPE_IMPORT_PROBLEM);
  g_autofree char *subtitle = NULL;
  guint n;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (report != NULL, NULL);

  self = g_object_new (SP_TYPE_IMPORT_DETAILS_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->report = sp_import_report_ref (report);

  for (int rank = 0; rank < 3; rank++)
    for (guint i = 0; i < sp_import_report_get_n_entries (report); i++)
      {
        const SpImportEntry *entry = sp_import_report_get_entry (report, i);

        if (status_rank (entry->status) == rank)
          {
            g_autoptr(SpImportProblem) problem = sp_import_problem_new (entry);
            g_list_store_append (problems, problem);
          }
      }

  n = g_list_model_get_n_items (G_LIST_MODEL (problems));
  gtk_list_view_set_model (self->list_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&problems)))));
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "details.copy", n > 0);

  subtitle = describe_problems (report);
  adw_window_title_set_title (self->window_title, heading);
  adw_window_title_set_subtitle (self->window_title, n > 0 ? subtitle : NULL);

  return self;
}

/* Returns: how many files the dialog lists */
guint
sp_import_details_dialog_get_n_rows (SpImportDetailsDialog *self)
{
  GListModel *model;

  g_return_val_if_fail (SP_IS_IMPORT_DETAILS_DIALOG (self), 0);

  model = G_LIST_MODEL (gtk_list_view_get_model (self->list_view));
  return model ? g_list_model_get_n_items (model) : 0;
}
