/* sp-claim-popover.h
 *
 * The popover in which a claim is made or edited: actor (type to search names and aliases),
 * issue and stance, with an optional note. It writes to the project itself, so that each
 * save is one action and one undo step.
 */
#pragma once

#include <gtk/gtk.h>

#include "sp-project.h"

G_BEGIN_DECLS

#define SP_TYPE_CLAIM_POPOVER (sp_claim_popover_get_type ())

G_DECLARE_FINAL_TYPE (SpClaimPopover, sp_claim_popover, SP, CLAIM_POPOVER, GtkPopover)

GtkWidget *sp_claim_popover_new              (void);
void       sp_claim_popover_set_project      (SpClaimPopover *self,
                                              SpProject      *project);
void       sp_claim_popover_start_new        (SpClaimPopover *self,
                                              gint64          document_id,
                                              guint           start,
                                              guint           end,
                                              const char     *quote);
void       sp_claim_popover_start_edit       (SpClaimPopover *self,
                                              SpClaim        *claim);
void       sp_claim_popover_start_suggestion (SpClaimPopover *self,
                                              SpSuggestion   *suggestion);
gint64     sp_claim_popover_get_claim_id     (SpClaimPopover *self);
gint64     sp_claim_popover_get_suggestion_id (SpClaimPopover *self);
void       sp_claim_popover_set_actor_search (SpClaimPopover *self,
                                              const char     *text);
gboolean   sp_claim_popover_choose_actor     (SpClaimPopover *self,
                                              gint64          actor_id);
gboolean   sp_claim_popover_choose_issue     (SpClaimPopover *self,
                                              gint64          issue_id);
void       sp_claim_popover_set_stance       (SpClaimPopover *self,
                                              int             stance);
void       sp_claim_popover_set_note         (SpClaimPopover *self,
                                              const char     *note);
gboolean   sp_claim_popover_point_at         (SpClaimPopover     *self,
                                              const GdkRectangle *rect);

G_END_DECLS
