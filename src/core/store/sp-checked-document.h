/* sp-checked-document.h
 *
 * A new document's fields, checked and encoded the way the store writes them, before any
 * project is involved: an import does this in its worker threads, so that its one writing
 * thread, which the import waits for, only writes (sp-importer.c).
 */
#pragma once

#include "sp-project.h"

G_BEGIN_DECLS

typedef struct _SpCheckedDocument SpCheckedDocument;

SpCheckedDocument *sp_checked_document_new          (const SpDocumentFields   *fields,
                                                     GError                  **error);
void               sp_checked_document_free         (SpCheckedDocument        *self);
void               sp_checked_document_set_near_duplicate_of (SpCheckedDocument *self,
                                                     gint64                    id);
gint64             sp_project_add_checked_document  (SpProject                *project,
                                                     const SpCheckedDocument  *document,
                                                     GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpCheckedDocument, sp_checked_document_free)

G_END_DECLS
