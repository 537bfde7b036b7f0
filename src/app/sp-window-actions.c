/* sp-window-actions.c
 *
 * The window's actions: importing articles, undo and redo, tagging and showing claims, and
 * switching views, and the file choosers every action of the window uses. File choosers are
 * GtkFileChooserNative so that they go through the portal inside the Flatpak. Projects have
 * their actions in sp-window-open.c, codebook files theirs in sp-window-codebook.c.
 */
#define G_LOG_DOMAIN "sp-window-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-import-formats.h"
#include "sp-toast.h"
#include "sp-window-private.h"

void
_sp_window_add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *first_pattern,
            ...)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  va_list args;

  gtk_file_filter_set_name (filter, name);
  va_start (args, first_pattern);
  for (const char *pattern = first_pattern; pattern != NULL; pattern = va_arg (args, const char *))
    gtk_file_filter_add_pattern (filter, pattern);
  va_end (args);

  gtk_file_chooser_add_filter (chooser, filter);
}

GtkFileChooserNative *
_sp_window_new_chooser (SpWindow             *self,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *accept_label)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept_label, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  return chooser;
}

static void
single_file_response_cb (GtkNativeDialog *dialog,
                         int              response,
                         SpWindow        *self)
{
  SpWindowChooserDone done = g_object_get_data (G_OBJECT (dialog), "sp-chooser-done");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        done (self, file);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

/* Shows @chooser and calls @done with the chosen file; the chooser frees itself. */
void
_sp_window_run_chooser (SpWindow             *self,
                        GtkFileChooserNative *chooser,
                        SpWindowChooserDone   done)
{
  g_object_set_data (G_OBJECT (chooser), "sp-chooser-done", done);
  g_signal_connect_object (chooser, "response", G_CALLBACK (single_file_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Importing */

static void
import_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    SpWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        g_ptr_array_add (array, g_list_model_get_item (files, i));

      if (array->len > 0)
        _sp_window_import_files (self, (GFile **)array->pdata, array->len);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
import_articles_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  SpWindow *self = SP_WINDOW (widget);
  gboolean folders = g_str_equal (action_name, "win.import-folder");
  GtkFileChooserNative *chooser;

  chooser = _sp_window_new_chooser (self,
                                    folders ? _("Import Folders of Articles") : _("Import Articles"),
                                    folders ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER : GTK_FILE_CHOOSER_ACTION_OPEN,
                                    _("_Import"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  if (!folders)
    {
      g_autoptr(GtkFileFilter) articles = gtk_file_filter_new ();
      const SpImportFormat *formats;
      guint n_formats;

      /* Every extension the importer reads, in any case */
      formats = sp_import_formats_get (&n_formats);
      for (guint i = 0; i < n_formats; i++)
        for (guint k = 0; formats[i].extensions[k] != NULL; k++)
          gtk_file_filter_add_suffix (articles, formats[i].extensions[k]);
      gtk_file_filter_set_name (articles, _("Articles"));
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), articles);
      _sp_window_add_filter (GTK_FILE_CHOOSER (chooser), _("All Files"), "*", NULL);
    }

  g_signal_connect_object (chooser, "response", G_CALLBACK (import_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Undo and redo */

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  SpWindow *self = SP_WINDOW (widget);
  gboolean redo = g_str_equal (action_name, "win.redo");
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *text = NULL;

  if (self->project == NULL || self->read_only)
    return;

  label = g_strdup (redo ? sp_project_get_redo_label (self->project)
                         : sp_project_get_undo_label (self->project));
  if (label == NULL)
    return;

  if (!(redo ? sp_project_redo (self->project, &error) : sp_project_undo (self->project, &error)))
    {
      sp_toast_show_error (GTK_WIDGET (self), error->message);
      return;
    }

  /* The toast offers the way back: Redo after an undo, Undo after a redo */
  /* TRANSLATORS: %s is what was undone or redone, e.g. "Add Claim" */
  text = g_strdup_printf (redo ? _("Redone: %s") : _("Undone: %s"), label);
  if (redo)
    sp_toast_show_undo (GTK_WIDGET (self), text);
  else
    sp_toast_show_redo (GTK_WIDGET (self), text);
}

/* The buttons name the step they would take back or bring back */
static void
update_undo_tooltips (SpWindow *self)
{
  const char *undo = self->project ? sp_project_get_undo_label (self->project) : NULL;
  const char *redo = self->project ? sp_project_get_redo_label (self->project) : NULL;
  g_autofree char *undo_text = NULL;
  g_autofree char *redo_text = NULL;

  /* TRANSLATORS: a button's tooltip; %s is the step, e.g. "Delete Actor" */
  undo_text = undo ? g_strdup_printf (_("Undo %s"), undo) : g_strdup (_("Undo"));
  /* TRANSLATORS: a button's tooltip; %s is the step, e.g. "Delete Actor" */
  redo_text = redo ? g_strdup_printf (_("Redo %s"), redo) : g_strdup (_("Redo"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->undo_button), undo_text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->redo_button), redo_text);
}

/* Views */

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  SpWindow *self = SP_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, g_variant_get_string (param, NULL));
}

static void
tag_claim_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  SpWindow *self = SP_WINDOW (widget);

  if (self->read_only)
    return;

  adw_view_stack_set_visible_child_name (self->view_stack, "documents");
  gtk_widget_activate_action (GTK_WIDGET (self->documents_view), "documents.tag-claim", NULL);
}

/* Shows the sentence behind a claim, from the matrix's cell popover */
static void
show_claim_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  SpWindow *self = SP_WINDOW (widget);
  g_autoptr(SpClaim) claim = NULL;
  g_autoptr(GError) error = NULL;

  if (self->project == NULL)
    return;

  if (!(claim = sp_project_get_claim (self->project, g_variant_get_int64 (param), &error)))
    {
      sp_toast_show_error (GTK_WIDGET (self), error->message);
      return;
    }

  adw_view_stack_set_visible_child_name (self->view_stack, "documents");
  if (sp_documents_view_select_document (self->documents_view, sp_claim_get_document_id (claim)))
    sp_reader_select_range (sp_documents_view_get_reader (self->documents_view),
                            sp_claim_get_start (claim), sp_claim_get_end (claim));
}

/* An actor's or an issue's profile, from the codebook, the profiles themselves and the
 * matrix's row and column headers */
static void
show_profile_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  SpWindow *self = SP_WINDOW (widget);
  gboolean actor = g_str_equal (action_name, "win.show-actor");
  gint64 id = g_variant_get_int64 (param);
  g_autoptr(GError) error = NULL;

  if (self->project == NULL)
    return;

  /* The page first, so that the profile takes the keyboard focus once it shows */
  adw_view_stack_set_visible_child_name (self->view_stack, actor ? "actors" : "issues");
  if (!(actor ? sp_actors_view_show_actor (self->actors_view, id, &error)
              : sp_issues_view_show_issue (self->issues_view, id, &error)))
    sp_toast_show_error (GTK_WIDGET (self), error->message);
}

void
_sp_window_update_actions (SpWindow *self)
{
  /* While the window opens another project, its views are hidden: no action on a project */
  gboolean has_project = _sp_window_shows_project (self);
  gboolean editable = has_project && !self->read_only;
  gboolean importing = _sp_window_is_importing (self);
  gboolean suggesting = _sp_window_is_suggesting (self);
  gboolean codebook_busy = _sp_window_is_busy_with_codebook (self);
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "win.undo", editable && sp_project_can_undo (self->project));
  gtk_widget_action_set_enabled (widget, "win.redo", editable && sp_project_can_redo (self->project));
  gtk_widget_action_set_enabled (widget, "win.import-articles", editable && !importing && !suggesting);
  gtk_widget_action_set_enabled (widget, "win.import-folder", editable && !importing && !suggesting);
  gtk_widget_action_set_enabled (widget, "win.suggest-claims", editable && !importing && !suggesting &&
                                                               sp_project_count_documents (self->project) > 0);
  gtk_widget_action_set_enabled (widget, "win.suggest-documents", editable && !importing && !suggesting);
  gtk_widget_action_set_enabled (widget, "win.cancel-suggest", suggesting);
  gtk_widget_action_set_enabled (widget, "win.import-codebook", editable && !codebook_busy);
  gtk_widget_action_set_enabled (widget, "win.tag-claim", editable);
  gtk_widget_action_set_enabled (widget, "win.export-codebook", has_project && !codebook_busy);
  gtk_widget_action_set_enabled (widget, "win.cancel-import", importing);
  gtk_widget_action_set_enabled (widget, "win.cancel-open", _sp_window_is_opening (self));
  gtk_widget_action_set_enabled (widget, "win.no-recent-projects", FALSE);
  _sp_window_update_interop_actions (self);

  update_undo_tooltips (self);
}

void
_sp_window_class_add_actions (SpWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.import-articles", NULL, import_articles_action);
  gtk_widget_class_install_action (widget_class, "win.import-folder", NULL, import_articles_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "win.tag-claim", NULL, tag_claim_action);
  gtk_widget_class_install_action (widget_class, "win.show-claim", "x", show_claim_action);
  gtk_widget_class_install_action (widget_class, "win.show-actor", "x", show_profile_action);
  gtk_widget_class_install_action (widget_class, "win.show-issue", "x", show_profile_action);
}
