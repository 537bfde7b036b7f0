/* sp-suggest-decide.c
 *
 * The analyst's decisions on suggestions (sp-suggest-pass.h). Each is one action, so one
 * undo step: the suggestion's status, the claim it becomes, the learnt model taught and
 * stored, and the confidences of every other pending suggestion re-scored.
 *
 * What the model learns from an edit: the suggestion was right when the analyst kept its
 * actor, issue and the sign of its stance (changing the span or the strength is a
 * correction, not a rejection), wrong otherwise.
 */
#define G_LOG_DOMAIN "sp-suggest-decide"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-suggest-engine.h"
#include "sp-suggest-model.h"
#include "sp-suggest-pass.h"

/**
 * sp_suggest_load_model:
 *
 * Returns: (transfer full): the project's learnt model, a new one when it has none, or
 *   %NULL with %SP_SUGGEST_ERROR_MODEL when the stored one cannot be read
 */
SpSuggestModel *
sp_suggest_load_model (SpProject  *project,
                       GError    **error)
{
  g_autoptr(GBytes) bytes = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (SP_IS_PROJECT (project), NULL);

  if (!(bytes = sp_project_get_model (project, &local_error)))
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return NULL;
        }
      return sp_suggest_model_new ();
    }

  return sp_suggest_model_new_from_bytes (bytes, error);
}

/**
 * sp_suggest_rescore:
 * @document_id: the document whose pending suggestions to re-score, or 0 for all
 *
 * Gives every pending suggestion the model's confidence; part of the caller's action if
 * one is open.
 */
static double
score_with_model (const char * const *features,
                  double              prior,
                  gpointer            user_data)
{
  return sp_suggest_model_score (user_data, features, prior);
}

gboolean
sp_suggest_rescore (SpProject             *project,
                    const SpSuggestModel  *model,
                    gint64                 document_id,
                    GError               **error)
{
  g_return_val_if_fail (SP_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (model != NULL, FALSE);

  return sp_project_rescore_suggestions (project, document_id, score_with_model,
                                         (gpointer)model, error);
}

static SpSuggestion *
get_pending (SpProject  *project,
             gint64      suggestion_id,
             GError    **error)
{
  g_autoptr(SpSuggestion) suggestion = sp_project_get_suggestion (project, suggestion_id, error);

  if (suggestion == NULL)
    return NULL;

  if (sp_suggestion_get_status (suggestion) != SP_SUGGESTION_STATUS_PENDING)
    {
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID,
                   _("Suggestion %lld was already %s"), (long long)suggestion_id,
                   sp_suggestion_status_to_string (sp_suggestion_get_status (suggestion)));
      return NULL;
    }

  return g_steal_pointer (&suggestion);
}

/* Within the open action: the model learns, is stored, and re-scores every pending
 * suggestion, so that a decision in one document re-ranks the others too */
static gboolean
teach (SpProject     *project,
       SpSuggestion  *suggestion,
       gboolean       right,
       GError       **error)
{
  g_autoptr(SpSuggestModel) model = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (!(model = sp_suggest_load_model (project, error)))
    return FALSE;

  sp_suggest_model_learn (model, sp_suggestion_get_features (suggestion),
                          sp_suggestion_get_prior (suggestion), right);
  bytes = sp_suggest_model_to_bytes (model);

  return sp_project_set_model (project, bytes, error) &&
         sp_suggest_rescore (project, model, 0, error);
}

static int
sign (int stance)
{
  return (stance > 0) - (stance < 0);
}

/**
 * sp_suggest_accept:
 * @edited: (nullable): the analyst's version of the claim, on the suggestion's document;
 *   %NULL to accept it as proposed
 *
 * Returns: the new claim's id, or 0 with @error set (the suggestion is not pending, the
 *   edited claim breaks a rule, the stored model cannot be read); nothing changes then
 */
gint64
sp_suggest_accept (SpProject          *project,
                   gint64              suggestion_id,
                   const SpClaimSpec  *edited,
                   GError            **error)
{
  g_autoptr(SpSuggestion) suggestion = NULL;
  SpClaimSpec spec;
  gboolean right = TRUE;
  gboolean ok;
  gint64 claim = 0;

  g_return_val_if_fail (SP_IS_PROJECT (project), 0);

  if (!(suggestion = get_pending (project, suggestion_id, error)))
    return 0;

  if (edited != NULL)
    {
      if (edited->document_id != sp_suggestion_get_document_id (suggestion))
        {
          g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID,
                       _("An edited suggestion stays on its document"));
          return 0;
        }
      spec = *edited;
      right = edited->actor_id == sp_suggestion_get_actor_id (suggestion) &&
              edited->issue_id == sp_suggestion_get_issue_id (suggestion) &&
              sign (edited->stance) == sign (sp_suggestion_get_stance (suggestion));
    }
  else
    spec = (SpClaimSpec) {
      .document_id = sp_suggestion_get_document_id (suggestion),
      .start = sp_suggestion_get_start (suggestion),
      .end = sp_suggestion_get_end (suggestion),
      .actor_id = sp_suggestion_get_actor_id (suggestion),
      .issue_id = sp_suggestion_get_issue_id (suggestion),
      .stance = sp_suggestion_get_stance (suggestion),
    };
  spec.origin = SP_CLAIM_ORIGIN_SUGGESTED;
  spec.confidence = sp_suggestion_get_confidence (suggestion);

  if (!sp_project_begin_action (project, _("Accept Suggestion"), error))
    return 0;

  ok = (claim = sp_project_add_claim (project, &spec, error)) > 0 &&
       sp_project_set_suggestion_status (project, suggestion_id,
                                         edited != NULL ? SP_SUGGESTION_STATUS_EDITED
                                                        : SP_SUGGESTION_STATUS_ACCEPTED,
                                         claim, error) &&
       teach (project, suggestion, right, error);

  return sp_project_end_action (project, ok, error) ? claim : 0;
}

/**
 * sp_suggest_reject:
 *
 * The span, actor and issue are never proposed again.
 */
gboolean
sp_suggest_reject (SpProject  *project,
                   gint64      suggestion_id,
                   GError    **error)
{
  g_autoptr(SpSuggestion) suggestion = NULL;
  gboolean ok;

  g_return_val_if_fail (SP_IS_PROJECT (project), FALSE);

  if (!(suggestion = get_pending (project, suggestion_id, error)))
    return FALSE;

  if (!sp_project_begin_action (project, _("Reject Suggestion"), error))
    return FALSE;

  ok = sp_project_set_suggestion_status (project, suggestion_id, SP_SUGGESTION_STATUS_REJECTED, 0, error) &&
       teach (project, suggestion, FALSE, error);

  return sp_project_end_action (project, ok, error);
}

/**
 * sp_suggest_running_precision:
 * @n_decisions: (out) (optional): accepted + edited + rejected
 *
 * How often the suggestions were right as proposed: the ones accepted unchanged over all
 * decisions (accepted, edited, rejected). An edited suggestion counts against: the analyst
 * had to correct it.
 *
 * Returns: the precision, 0 … 1, or 0 before any decision; a negative value with @error set
 *   when the suggestions could not be counted
 */
double
sp_suggest_running_precision (SpProject  *project,
                              guint      *n_decisions,
                              GError    **error)
{
  guint counts[4];
  guint n;

  g_return_val_if_fail (SP_IS_PROJECT (project), -1.0);

  if (n_decisions != NULL)
    *n_decisions = 0;

  if (!sp_project_count_suggestions (project, counts, error))
    return -1.0;

  n = counts[SP_SUGGESTION_STATUS_ACCEPTED] + counts[SP_SUGGESTION_STATUS_EDITED] +
      counts[SP_SUGGESTION_STATUS_REJECTED];
  if (n_decisions != NULL)
    *n_decisions = n;

  return n == 0 ? 0.0 : (double)counts[SP_SUGGESTION_STATUS_ACCEPTED] / n;
}
