/* sp-matrix-profile.c
 *
 * The profiles behind the matrix's rows and columns (sp-matrix-profile.h). A claim's date is
 * its document's: a claim in a document without a date counts as older than every dated one,
 * so that "latest" means the latest that can be placed in time. Ties keep the order of the
 * text (document, position), which is the order the analyst read them in.
 */
#define G_LOG_DOMAIN "sp-matrix-profile"

#include "config.h"

#include <math.h>
#include <string.h>

#include "sp-matrix-profile.h"

void
sp_actor_position_free (SpActorPosition *position)
{
  if (position == NULL)
    return;

  g_free (position->issue_key);
  g_free (position->issue_label);
  g_clear_object (&position->latest);
  g_free (position);
}

void
sp_issue_position_free (SpIssuePosition *position)
{
  if (position == NULL)
    return;

  g_free (position->actor_name);
  g_clear_object (&position->strongest);
  g_free (position);
}

static int
sign_of (int stance)
{
  return (stance > 0) - (stance < 0);
}

/**
 * sp_matrix_compare_claim_dates:
 *
 * Orders claims in time: by their document's date (undated first), then document and
 * position.
 */
int
sp_matrix_compare_claim_dates (SpClaim *a,
                               SpClaim *b)
{
  const char *da = sp_claim_get_document_date (a);
  const char *db = sp_claim_get_document_date (b);
  int order;

  if ((da == NULL) != (db == NULL))
    return da == NULL ? -1 : 1;
  if (da != NULL && (order = strcmp (da, db)) != 0)
    return order;
  if (sp_claim_get_document_id (a) != sp_claim_get_document_id (b))
    return sp_claim_get_document_id (a) < sp_claim_get_document_id (b) ? -1 : 1;
  if (sp_claim_get_start (a) != sp_claim_get_start (b))
    return sp_claim_get_start (a) < sp_claim_get_start (b) ? -1 : 1;
  return (sp_claim_get_id (a) > sp_claim_get_id (b)) - (sp_claim_get_id (a) < sp_claim_get_id (b));
}

static int
compare_claims_cb (gconstpointer a,
                   gconstpointer b)
{
  return sp_matrix_compare_claim_dates (*(SpClaim **)a, *(SpClaim **)b);
}

/* The claims of @model in time order */
static GPtrArray *
claims_in_time (GListModel *model)
{
  GPtrArray *claims = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (claims, g_list_model_get_item (model, i));
  g_ptr_array_sort (claims, compare_claims_cb);

  return claims;
}

/**
 * sp_matrix_actor_positions:
 * @level: %SP_MATRIX_LEVEL_ACTOR for the actor's own claims, %SP_MATRIX_LEVEL_GROUP for
 *   those of its members (at any depth) too
 * @claims: (out) (optional) (transfer full): the claims behind the row, in time order
 *
 * The actor's row of the matrix at @level: one position for every issue of the project, in
 * the project's order of issues, with no claims where the actor said nothing.
 *
 * Returns: (transfer full) (element-type SpActorPosition): the positions, or %NULL on error
 */
GPtrArray *
sp_matrix_actor_positions (SpProject     *project,
                           gint64         actor_id,
                           SpMatrixLevel  level,
                           GListModel **claims,
                           GError     **error)
{
  g_autoptr(GListModel) issues = NULL;
  g_autoptr(GListModel) listed = NULL;
  g_autoptr(GPtrArray) in_time = NULL;
  g_autoptr(GPtrArray) positions = NULL;
  g_autoptr(GHashTable) by_issue = NULL;

  g_return_val_if_fail (SP_IS_PROJECT (project), NULL);

  if (!(issues = sp_project_list_issues (project, error)) ||
      !(listed = sp_project_list_actor_claims (project, actor_id, level == SP_MATRIX_LEVEL_GROUP, error)))
    return NULL;

  positions = g_ptr_array_new_with_free_func ((GDestroyNotify)sp_actor_position_free);
  by_issue = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < g_list_model_get_n_items (issues); i++)
    {
      g_autoptr(SpIssue) issue = g_list_model_get_item (issues, i);
      SpActorPosition *position = g_new0 (SpActorPosition, 1);

      position->issue_id = sp_issue_get_id (issue);
      position->issue_key = g_strdup (sp_issue_get_key (issue));
      position->issue_label = g_strdup (sp_issue_get_label (issue));
      g_ptr_array_add (positions, position);
      g_hash_table_insert (by_issue, &position->issue_id, position);
    }

  /* In time order, so that each claim is the latest so far when it comes */
  in_time = claims_in_time (listed);
  for (guint i = 0; i < in_time->len; i++)
    {
      SpClaim *claim = g_ptr_array_index (in_time, i);
      gint64 issue_id = sp_claim_get_issue_id (claim);
      SpActorPosition *position = g_hash_table_lookup (by_issue, &issue_id);

      if (position == NULL)
        continue;

      if (position->latest != NULL)
        position->sign_changed = sign_of (sp_claim_get_stance (claim)) !=
                                 sign_of (sp_claim_get_stance (position->latest));
      g_set_object (&position->latest, claim);
      /* The sum for now, divided below: the same figure the matrix shows */
      position->mean += sp_claim_get_stance (claim);
      position->n_claims++;
    }

  for (guint i = 0; i < positions->len; i++)
    {
      SpActorPosition *position = g_ptr_array_index (positions, i);

      if (position->n_claims > 0)
        position->mean /= position->n_claims;
    }

  if (claims != NULL)
    {
      GListStore *store = g_list_store_new (SP_TYPE_CLAIM);

      g_list_store_splice (store, 0, 0, in_time->pdata, in_time->len);
      *claims = G_LIST_MODEL (store);
    }

  return g_steal_pointer (&positions);
}

static int
compare_issue_positions_cb (gconstpointer a,
                            gconstpointer b)
{
  const SpIssuePosition *pa = *(SpIssuePosition **)a;
  const SpIssuePosition *pb = *(SpIssuePosition **)b;

  if (fabs (pa->mean) != fabs (pb->mean))
    return fabs (pa->mean) > fabs (pb->mean) ? -1 : 1;
  if (pa->n_claims != pb->n_claims)
    return pa->n_claims > pb->n_claims ? -1 : 1;
  return g_utf8_collate (pa->actor_name, pb->actor_name);
}

/**
 * sp_matrix_issue_positions:
 * @claims: (out) (optional) (transfer full): the claims on the issue, in time order
 *
 * The issue's column of the matrix at the actor level: one position for every actor with
 * claims on it, the most decided first (highest |mean|, then most claims, then by name).
 *
 * Returns: (transfer full) (element-type SpIssuePosition): the positions, or %NULL on error
 */
GPtrArray *
sp_matrix_issue_positions (SpProject   *project,
                           gint64       issue_id,
                           GListModel **claims,
                           GError     **error)
{
  g_autoptr(GListModel) listed = NULL;
  g_autoptr(GPtrArray) in_time = NULL;
  g_autoptr(GPtrArray) positions = NULL;
  g_autoptr(GHashTable) by_actor = NULL;

  g_return_val_if_fail (SP_IS_PROJECT (project), NULL);

  if (!(listed = sp_project_list_issue_claims (project, issue_id, error)))
    return NULL;

  positions = g_ptr_array_new_with_free_func ((GDestroyNotify)sp_issue_position_free);
  by_actor = g_hash_table_new (g_int64_hash, g_int64_equal);

  in_time = claims_in_time (listed);
  for (guint i = 0; i < in_time->len; i++)
    {
      SpClaim *claim = g_ptr_array_index (in_time, i);
      gint64 actor_id = sp_claim_get_actor_id (claim);
      SpIssuePosition *position = g_hash_table_lookup (by_actor, &actor_id);
      int stance = sp_claim_get_stance (claim);

      if (position == NULL)
        {
          position = g_new0 (SpIssuePosition, 1);
          position->actor_id = actor_id;
          position->actor_name = g_strdup (sp_claim_get_actor_name (claim));
          g_ptr_array_add (positions, position);
          g_hash_table_insert (by_actor, &position->actor_id, position);
        }

      /* Later claims come later: ">=" keeps the latest of the strongest */
      if (position->strongest == NULL || ABS (stance) >= ABS (sp_claim_get_stance (position->strongest)))
        g_set_object (&position->strongest, claim);
      position->mean += stance;  /* the sum, divided below */
      position->n_claims++;
    }

  for (guint i = 0; i < positions->len; i++)
    {
      SpIssuePosition *position = g_ptr_array_index (positions, i);

      position->mean /= position->n_claims;
    }

  g_ptr_array_sort (positions, compare_issue_positions_cb);

  if (claims != NULL)
    {
      GListStore *store = g_list_store_new (SP_TYPE_CLAIM);

      g_list_store_splice (store, 0, 0, in_time->pdata, in_time->len);
      *claims = G_LIST_MODEL (store);
    }

  return g_steal_pointer (&positions);
}
