/* sp-document-edit-dialog.h: editing a document's title, date, source, address and author */
#pragma once

#include "sp-form-dialog.h"
#include "sp-project.h"

G_BEGIN_DECLS

#define SP_TYPE_DOCUMENT_EDIT_DIALOG (sp_document_edit_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SpDocumentEditDialog, sp_document_edit_dialog, SP, DOCUMENT_EDIT_DIALOG, SpFormDialog)

GtkWidget *sp_document_edit_dialog_new (GtkWindow  *parent,
                                        SpProject  *project,
                                        SpDocument *document);

G_END_DECLS
