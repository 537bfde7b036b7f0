/* sp-documents-view.h
 *
 * The Documents view: the list of imported articles, the reader with the selected article's
 * claims highlighted, and the list of those claims. Claims are tagged from here, and
 * documents are sorted, searched, edited and deleted.
 */
#pragma once

#include <adwaita.h>

#include "sp-claim-popover.h"
#include "sp-project.h"
#include "sp-reader.h"

G_BEGIN_DECLS

#define SP_TYPE_DOCUMENTS_VIEW (sp_documents_view_get_type ())

G_DECLARE_FINAL_TYPE (SpDocumentsView, sp_documents_view, SP, DOCUMENTS_VIEW, GtkWidget)

void            sp_documents_view_set_project       (SpDocumentsView *self,
                                                     SpProject       *project);
void            sp_documents_view_set_editable      (SpDocumentsView *self,
                                                     gboolean         editable);
gboolean        sp_documents_view_select_document   (SpDocumentsView *self,
                                                     gint64           document_id);
gint64          sp_documents_view_get_document_id   (SpDocumentsView *self);
guint           sp_documents_view_get_n_documents   (SpDocumentsView *self);
guint           sp_documents_view_get_n_claims      (SpDocumentsView *self);
SpReader       *sp_documents_view_get_reader        (SpDocumentsView *self);
SpClaimPopover *sp_documents_view_get_claim_popover (SpDocumentsView *self);
void            sp_documents_view_set_sort          (SpDocumentsView *self,
                                                     const char      *sort);
const char     *sp_documents_view_get_sort          (SpDocumentsView *self);
guint           sp_documents_view_get_n_shown       (SpDocumentsView *self);
const char     *sp_documents_view_get_count_text    (SpDocumentsView *self);
SpDocument     *sp_documents_view_get_shown_item    (SpDocumentsView *self,
                                                     guint            position);

G_END_DECLS
