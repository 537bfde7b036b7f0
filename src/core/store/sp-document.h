/* sp-document.h
 *
 * A snapshot of one document's metadata. The body is not kept here: a list of ten thousand
 * documents must stay small; read it with sp_project_dup_document_body().
 */
#pragma once

#include "sp-types.h"

G_BEGIN_DECLS

#define SP_TYPE_DOCUMENT (sp_document_get_type ())

G_DECLARE_FINAL_TYPE (SpDocument, sp_document, SP, DOCUMENT, GObject)

gint64      sp_document_get_id          (SpDocument *self);
const char *sp_document_get_file_name   (SpDocument *self);
const char *sp_document_get_title       (SpDocument *self);
const char *sp_document_get_date        (SpDocument *self);
const char *sp_document_get_source      (SpDocument *self);
const char *sp_document_get_url         (SpDocument *self);
const char *sp_document_get_author      (SpDocument *self);
const char *sp_document_get_section     (SpDocument *self);
const char *sp_document_get_document_type (SpDocument *self);
guint       sp_document_get_length      (SpDocument *self);
guint       sp_document_get_claim_count (SpDocument *self);
SpTitleKind  sp_document_get_title_kind      (SpDocument *self);
SpDateSource sp_document_get_date_source     (SpDocument *self);
double       sp_document_get_date_confidence (SpDocument *self);
guint        sp_document_get_removed_count   (SpDocument *self);
gint64       sp_document_get_near_duplicate_of (SpDocument *self);
int          sp_document_compare             (SpDocument     *a,
                                              SpDocument     *b,
                                              SpDocumentSort  sort);

G_END_DECLS
