/* sp-review-view.h
 *
 * The Review view: the engine's pending suggestions, most confident first, beside a reader
 * that shows each in its document. The analyst accepts, edits or rejects them (one key
 * each), and adds the speakers the engine saw who are not in the codebook.
 */
#pragma once

#include <adwaita.h>

#include "sp-claim-popover.h"
#include "sp-project.h"
#include "sp-reader.h"

G_BEGIN_DECLS

#define SP_TYPE_REVIEW_VIEW (sp_review_view_get_type ())

G_DECLARE_FINAL_TYPE (SpReviewView, sp_review_view, SP, REVIEW_VIEW, GtkWidget)

void            sp_review_view_set_project        (SpReviewView *self,
                                                   SpProject    *project);
void            sp_review_view_set_editable       (SpReviewView *self,
                                                   gboolean      editable);
guint           sp_review_view_get_n_pending      (SpReviewView *self);
guint           sp_review_view_get_n_shown        (SpReviewView *self);
gint64          sp_review_view_get_shown_id       (SpReviewView *self,
                                                   guint         position);
gint64          sp_review_view_get_current        (SpReviewView *self);
gboolean        sp_review_view_select             (SpReviewView *self,
                                                   gint64        suggestion_id);
gboolean        sp_review_view_reveal             (SpReviewView *self,
                                                   gint64        suggestion_id);
void            sp_review_view_set_filters        (SpReviewView *self,
                                                   gint64        issue_id,
                                                   gint64        actor_id,
                                                   double        min_confidence);
const char     *sp_review_view_get_page           (SpReviewView *self);
const char     *sp_review_view_get_precision_text (SpReviewView *self);
const char     *sp_review_view_get_explanation_text (SpReviewView *self);
SpReader       *sp_review_view_get_reader         (SpReviewView *self);
SpClaimPopover *sp_review_view_get_claim_popover  (SpReviewView *self);
void            sp_review_view_show_speakers      (SpReviewView *self);
guint           sp_review_view_get_n_speakers     (SpReviewView *self);

G_END_DECLS
