/* sp-suggestion.h
 *
 * A snapshot of one suggestion: a claim the engine proposed (actor A takes stance S on issue
 * I in this span), with the engine's own confidence (the prior), the learnt model's
 * confidence, an explanation for people and the features the model learns from. Offsets
 * count characters (Unicode code points) of the stored body.
 */
#pragma once

#include "sp-types.h"

G_BEGIN_DECLS

#define SP_TYPE_SUGGESTION (sp_suggestion_get_type ())

G_DECLARE_FINAL_TYPE (SpSuggestion, sp_suggestion, SP, SUGGESTION, GObject)

gint64              sp_suggestion_get_id             (SpSuggestion *self);
gint64              sp_suggestion_get_document_id    (SpSuggestion *self);
const char         *sp_suggestion_get_document_file  (SpSuggestion *self);
const char         *sp_suggestion_get_document_title (SpSuggestion *self);
const char         *sp_suggestion_get_document_date  (SpSuggestion *self);
guint               sp_suggestion_get_sentence       (SpSuggestion *self);
guint               sp_suggestion_get_start          (SpSuggestion *self);
guint               sp_suggestion_get_end            (SpSuggestion *self);
const char         *sp_suggestion_get_quote          (SpSuggestion *self);
gint64              sp_suggestion_get_actor_id       (SpSuggestion *self);
const char         *sp_suggestion_get_actor_name     (SpSuggestion *self);
const char         *sp_suggestion_get_group_name     (SpSuggestion *self);
gint64              sp_suggestion_get_issue_id       (SpSuggestion *self);
const char         *sp_suggestion_get_issue_key      (SpSuggestion *self);
const char         *sp_suggestion_get_issue_label    (SpSuggestion *self);
int                 sp_suggestion_get_stance         (SpSuggestion *self);
gboolean            sp_suggestion_get_conditional    (SpSuggestion *self);
double              sp_suggestion_get_confidence     (SpSuggestion *self);
double              sp_suggestion_get_prior          (SpSuggestion *self);
const char         *sp_suggestion_get_explanation    (SpSuggestion *self);
const char * const *sp_suggestion_get_features       (SpSuggestion *self);
SpSuggestionStatus  sp_suggestion_get_status         (SpSuggestion *self);
gint64              sp_suggestion_get_claim_id       (SpSuggestion *self);
const char         *sp_suggestion_get_created        (SpSuggestion *self);

G_END_DECLS
