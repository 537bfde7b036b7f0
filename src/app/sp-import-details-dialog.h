/* sp-import-details-dialog.h: what an import did not import, file by file, and why */
#pragma once

#include <adwaita.h>

#include "sp-importer.h"

G_BEGIN_DECLS

#define SP_TYPE_IMPORT_DETAILS_DIALOG (sp_import_details_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SpImportDetailsDialog, sp_import_details_dialog, SP, IMPORT_DETAILS_DIALOG, AdwWindow)

SpImportDetailsDialog *sp_import_details_dialog_new       (GtkWindow             *parent,
                                                           const char            *heading,
                                                           SpImportReport        *report);
guint                  sp_import_details_dialog_get_n_rows (SpImportDetailsDialog *self);

G_END_DECLS
