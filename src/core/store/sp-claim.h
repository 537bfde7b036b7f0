/* sp-claim.h
 *
 * A snapshot of one claim: actor A takes stance S on issue I in this span of a document's
 * body. Offsets count characters (Unicode code points) of the stored body.
 */
#pragma once

#include "sp-types.h"

G_BEGIN_DECLS

#define SP_TYPE_CLAIM (sp_claim_get_type ())

G_DECLARE_FINAL_TYPE (SpClaim, sp_claim, SP, CLAIM, GObject)

gint64         sp_claim_get_id             (SpClaim *self);
gint64         sp_claim_get_document_id    (SpClaim *self);
const char    *sp_claim_get_document_file  (SpClaim *self);
const char    *sp_claim_get_document_title (SpClaim *self);
const char    *sp_claim_get_document_date  (SpClaim *self);
guint          sp_claim_get_start          (SpClaim *self);
guint          sp_claim_get_end            (SpClaim *self);
const char    *sp_claim_get_quote          (SpClaim *self);
gint64         sp_claim_get_actor_id       (SpClaim *self);
const char    *sp_claim_get_actor_name     (SpClaim *self);
const char    *sp_claim_get_group_name     (SpClaim *self);
gint64         sp_claim_get_issue_id       (SpClaim *self);
const char    *sp_claim_get_issue_key      (SpClaim *self);
const char    *sp_claim_get_issue_label    (SpClaim *self);
int            sp_claim_get_stance         (SpClaim *self);
SpClaimOrigin  sp_claim_get_origin         (SpClaim *self);
double         sp_claim_get_confidence     (SpClaim *self);
const char    *sp_claim_get_note           (SpClaim *self);
const char    *sp_claim_get_created        (SpClaim *self);
const char    *sp_claim_get_updated        (SpClaim *self);

G_END_DECLS
