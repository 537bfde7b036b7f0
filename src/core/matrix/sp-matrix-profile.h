/* sp-matrix-profile.h
 *
 * What explains one row or one column of the position matrix: an actor's stance on every
 * issue with the latest claim behind it, and an issue's actors with their strongest quote.
 * Computed from the store's snapshot types, like the matrix; compute again when the project
 * changes.
 */
#pragma once

#include "sp-matrix.h"

G_BEGIN_DECLS

/* An actor's position on one issue (a cell of the actor's row) */
typedef struct
{
  gint64    issue_id;
  char     *issue_key;
  char     *issue_label;
  guint     n_claims;      /* 0: the actor has said nothing on the issue */
  double    mean;          /* the mean stance, as the matrix shows it, when n_claims > 0 */
  SpClaim  *latest;        /* (nullable): the latest claim, by its document's date */
  gboolean  sign_changed;  /* the latest claim takes another side (for, against, neutral)
                            * than the claim before it */
} SpActorPosition;

/* One actor's position on an issue (a cell of the issue's column) */
typedef struct
{
  gint64    actor_id;
  char     *actor_name;
  guint     n_claims;
  double    mean;
  SpClaim  *strongest;     /* the claim with the highest |stance|, the latest of those */
} SpIssuePosition;

void       sp_actor_position_free       (SpActorPosition *position);
void       sp_issue_position_free       (SpIssuePosition *position);

int        sp_matrix_compare_claim_dates (SpClaim        *a,
                                          SpClaim        *b);
GPtrArray *sp_matrix_actor_positions     (SpProject      *project,
                                          gint64          actor_id,
                                          SpMatrixLevel   level,
                                          GListModel    **claims,
                                          GError        **error);
GPtrArray *sp_matrix_issue_positions     (SpProject      *project,
                                          gint64          issue_id,
                                          GListModel    **claims,
                                          GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpActorPosition, sp_actor_position_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpIssuePosition, sp_issue_position_free)

G_END_DECLS
