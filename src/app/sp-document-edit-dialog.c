/* sp-document-edit-dialog.c
 *
 * The metadata an analyst can correct after import. The date is checked as it is typed
 * (YYYY-MM-DD, a real day) and its row says what is wrong beneath it; Save stays off until
 * the title is not empty and the date is valid or empty. The store records a date set here
 * as set by the analyst, and the edit is one undo step.
 */
#define G_LOG_DOMAIN "sp-document-edit-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-document-edit-dialog.h"

struct _SpDocumentEditDialog
{
  SpFormDialog  parent_instance;

  SpProject    *project;
  gint64        document_id;

  AdwEntryRow  *title_row;
  AdwEntryRow  *date_row;
  GtkLabel     *date_error;
  AdwEntryRow  *source_row;
  AdwEntryRow  *url_row;
  AdwEntryRow  *author_row;
};

G_DEFINE_FINAL_TYPE (SpDocumentEditDialog, sp_document_edit_dialog, SP_TYPE_FORM_DIALOG)

static char *
stripped_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static gboolean
sp_document_edit_dialog_save (SpFormDialog  *dialog,
                              GError       **error)
{
  SpDocumentEditDialog *self = SP_DOCUMENT_EDIT_DIALOG (dialog);
  g_autofree char *title = stripped_text (self->title_row);
  g_autofree char *date = stripped_text (self->date_row);
  g_autofree char *source = stripped_text (self->source_row);
  g_autofree char *url = stripped_text (self->url_row);
  g_autofree char *author = stripped_text (self->author_row);
  SpDocumentMetadata metadata = {
    .title = title,
    .date = date[0] ? date : NULL,
    .source = source,
    .url = url,
    .author = author,
  };

  return sp_project_update_document (self->project, self->document_id, &metadata, error);
}

/* Returns: (nullable): what is wrong with a date as typed, or %NULL when it is fine */
static const char *
date_problem (const char *date)
{
  if (date[0] == '\0' || sp_date_is_valid (date))
    return NULL;

  if (!g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", date, 0, 0))
    return _("Write the date as YYYY-MM-DD, e.g. 2025-05-30, or leave it empty");

  return _("There is no such day: check the month and the day");
}

static void
update_can_save (SpDocumentEditDialog *self)
{
  g_autofree char *title = stripped_text (self->title_row);
  g_autofree char *date = stripped_text (self->date_row);
  const char *problem = date_problem (date);

  gtk_label_set_text (self->date_error, problem ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->date_error), problem != NULL);
  if (problem != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");

  if (title[0] == '\0')
    gtk_widget_add_css_class (GTK_WIDGET (self->title_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->title_row), "error");

  sp_form_dialog_set_can_save (SP_FORM_DIALOG (self), title[0] != '\0' && problem == NULL);
}

static void
sp_document_edit_dialog_dispose (GObject *object)
{
  SpDocumentEditDialog *self = (SpDocumentEditDialog *)object;

  g_clear_object (&self->project);

  G_OBJECT_CLASS (sp_document_edit_dialog_parent_class)->dispose (object);
}

static void
sp_document_edit_dialog_class_init (SpDocumentEditDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SpFormDialogClass *dialog_class = SP_FORM_DIALOG_CLASS (klass);

  object_class->dispose = sp_document_edit_dialog_dispose;
  dialog_class->save = sp_document_edit_dialog_save;
}

static AdwEntryRow *
add_entry_row (SpDocumentEditDialog *self,
               AdwPreferencesGroup  *group,
               const char           *title)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_preferences_group_add (group, GTK_WIDGET (row));
  g_signal_connect_object (row, "changed", G_CALLBACK (update_can_save), self, G_CONNECT_SWAPPED);

  return row;
}

static void
sp_document_edit_dialog_init (SpDocumentEditDialog *self)
{
  AdwPreferencesGroup *title_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *date_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *origin_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  self->title_row = add_entry_row (self, title_group, _("_Title"));

  self->date_row = add_entry_row (self, date_group, _("_Date (YYYY-MM-DD)"));
  adw_entry_row_set_input_purpose (self->date_row, GTK_INPUT_PURPOSE_DIGITS);
  self->date_error = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->date_error, 0);
  gtk_label_set_wrap (self->date_error, TRUE);
  gtk_widget_set_margin_top (GTK_WIDGET (self->date_error), 6);
  gtk_widget_set_margin_start (GTK_WIDGET (self->date_error), 12);
  gtk_widget_add_css_class (GTK_WIDGET (self->date_error), "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->date_error), "caption");
  gtk_widget_set_visible (GTK_WIDGET (self->date_error), FALSE);
  adw_preferences_group_add (date_group, GTK_WIDGET (self->date_error));

  self->source_row = add_entry_row (self, origin_group, _("_Source"));
  self->url_row = add_entry_row (self, origin_group, _("_Address (URL)"));
  adw_entry_row_set_input_purpose (self->url_row, GTK_INPUT_PURPOSE_URL);
  self->author_row = add_entry_row (self, origin_group, _("A_uthor"));

  sp_form_dialog_add_group (SP_FORM_DIALOG (self), title_group);
  sp_form_dialog_add_group (SP_FORM_DIALOG (self), date_group);
  sp_form_dialog_add_group (SP_FORM_DIALOG (self), origin_group);
}

static void
set_row_text (AdwEntryRow *row,
              const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

/**
 * sp_document_edit_dialog_new:
 * @document: the document to edit; the dialog saves into @project
 *
 * Returns: (transfer none): the dialog, a modal window that closes once the edit is saved
 */
GtkWidget *
sp_document_edit_dialog_new (GtkWindow  *parent,
                             SpProject  *project,
                             SpDocument *document)
{
  SpDocumentEditDialog *self;

  g_return_val_if_fail (SP_IS_PROJECT (project), NULL);
  g_return_val_if_fail (SP_IS_DOCUMENT (document), NULL);

  self = g_object_new (SP_TYPE_DOCUMENT_EDIT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->project = g_object_ref (project);
  self->document_id = sp_document_get_id (document);
  sp_form_dialog_set_heading (SP_FORM_DIALOG (self), _("Edit Document"));

  set_row_text (self->title_row, sp_document_get_title (document));
  set_row_text (self->date_row, sp_document_get_date (document));
  set_row_text (self->source_row, sp_document_get_source (document));
  set_row_text (self->url_row, sp_document_get_url (document));
  set_row_text (self->author_row, sp_document_get_author (document));
  update_can_save (self);

  return GTK_WIDGET (self);
}
