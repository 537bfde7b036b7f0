/* sp-project-suggestions.c
 *
 * Suggestions: claims the engine proposed, pending until the analyst accepts, edits or
 * rejects them. A suggestion pass replaces a document's pending suggestions with its new
 * set; the analyst's decisions are kept, and a span, actor and issue that was rejected or
 * already is a claim is never proposed again.
 *
 * What undo covers: a decision (status, claim, the learnt model: sp-project-model.c) is the
 * analyst's and is recorded in the journal. A pass's replacement is not (like an import, it
 * is not an edit), and neither are re-scored confidences: they follow from the model, and
 * the next re-score puts them in step with it again. A pass keeps the row of a suggestion it
 * proposes again, so that its id stays what the window shows and what an undo step names.
 */
#define G_LOG_DOMAIN "sp-project-suggestions"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-project-private.h"
#include "sp-suggestion-private.h"

#define SUGGESTION_QUERY \
  SP_STATEMENT_SELECT ("s") ", s.sentence, s.conditional, s.confidence, s.prior, " \
  "  s.explanation, s.features, s.status, s.claim_id " \
  SP_STATEMENT_FROM ("suggestions", "s")

/* The columns of SUGGESTION_QUERY after the statement's */
enum {
  COLUMN_SENTENCE = SP_STATEMENT_N_COLUMNS,
  COLUMN_CONDITIONAL,
  COLUMN_CONFIDENCE,
  COLUMN_PRIOR,
  COLUMN_EXPLANATION,
  COLUMN_FEATURES,
  COLUMN_STATUS,
  COLUMN_CLAIM_ID,
};

/* The bit of a status in a statuses mask, as SQL computes it */
#define STATUS_BIT_SQL \
  "(CASE s.status WHEN 'pending' THEN 1 WHEN 'accepted' THEN 2 WHEN 'edited' THEN 4 ELSE 8 END)"

G_STATIC_ASSERT (SP_SUGGESTION_STATUS_MASK (SP_SUGGESTION_STATUS_PENDING) == 1);
G_STATIC_ASSERT (SP_SUGGESTION_STATUS_MASK (SP_SUGGESTION_STATUS_ACCEPTED) == 2);
G_STATIC_ASSERT (SP_SUGGESTION_STATUS_MASK (SP_SUGGESTION_STATUS_EDITED) == 4);
G_STATIC_ASSERT (SP_SUGGESTION_STATUS_MASK (SP_SUGGESTION_STATUS_REJECTED) == 8);

/* Features are stored one per line; an empty string is no feature */
static GStrv
split_features (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (text != NULL && text[0] != '\0')
    {
      g_auto(GStrv) parts = g_strsplit (text, "\n", -1);

      for (guint i = 0; parts[i] != NULL; i++)
        if (parts[i][0] != '\0')
          g_strv_builder_add (builder, parts[i]);
    }

  return g_strv_builder_end (builder);
}

static gpointer
build_suggestion (SpStmt      *stmt,
                  SpStatement *statement)
{
  g_autofree char *explanation = _sp_project_dup_display_text (stmt, COLUMN_EXPLANATION);
  g_autofree char *features_text = _sp_project_dup_display_text (stmt, COLUMN_FEATURES);
  g_auto(GStrv) features = split_features (features_text);
  SpSuggestionSnapshot f = { 0 };

  f.sentence = sqlite3_column_int (stmt, COLUMN_SENTENCE);
  f.conditional = sqlite3_column_int (stmt, COLUMN_CONDITIONAL) != 0;
  f.confidence = sqlite3_column_double (stmt, COLUMN_CONFIDENCE);
  f.prior = sqlite3_column_double (stmt, COLUMN_PRIOR);
  f.explanation = explanation;
  f.features = (const char * const *)features;
  f.status = SP_SUGGESTION_STATUS_PENDING;
  sp_suggestion_status_from_string (_sp_project_column_text (stmt, COLUMN_STATUS), &f.status);
  f.claim_id = sqlite3_column_int64 (stmt, COLUMN_CLAIM_ID);

  return _sp_suggestion_new (statement, &f);
}

static GListModel *
query_suggestions (SpProject   *self,
                   const char  *sql,
                   gint64       param1,
                   gint64       param2,
                   GError     **error)
{
  const gint64 params[] = { param1, param2 };

  return _sp_project_query_statements (self, sql, params, G_N_ELEMENTS (params),
                                       SP_TYPE_SUGGESTION, build_suggestion,
                                       _("Could not list the suggestions"), error);
}

/**
 * sp_project_list_suggestions:
 * @document_id: the document whose suggestions to list, or 0 for all
 * @statuses: a mask of SP_SUGGESTION_STATUS_MASK() bits, or 0 for every status
 *
 * Returns: (transfer full): a #GListModel of #SpSuggestion, most confident first, then in
 *   text order (document, position)
 */
GListModel *
sp_project_list_suggestions (SpProject  *self,
                             gint64      document_id,
                             guint       statuses,
                             GError    **error)
{
  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);

  return query_suggestions (self,
                            SUGGESTION_QUERY
                            "WHERE (?1 = 0 OR s.document_id = ?1) "
                            "AND (?2 = 0 OR (" STATUS_BIT_SQL " & ?2) <> 0) "
                            "ORDER BY s.confidence DESC, s.document_id, s.start_offset, "
                            "s.end_offset, s.id",
                            document_id, statuses, error);
}

/**
 * sp_project_get_suggestion:
 *
 * Returns: (transfer full): the suggestion, or %NULL with %SP_PROJECT_ERROR_NOT_FOUND
 */
SpSuggestion *
sp_project_get_suggestion (SpProject  *self,
                           gint64      id,
                           GError    **error)
{
  g_autoptr(GListModel) one = NULL;

  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);

  if (!(one = query_suggestions (self, SUGGESTION_QUERY "WHERE s.id = ?1", id, 0, error)))
    return NULL;

  return _sp_project_only_item (one, SP_TABLE_SUGGESTIONS, id, error);
}

/* What identifies a proposal across passes: its span, actor and issue */
typedef struct
{
  guint  start;
  guint  end;
  gint64 actor_id;
  gint64 issue_id;
} SpanKey;

static guint
span_key_hash (gconstpointer data)
{
  const SpanKey *k = data;

  return (k->start * 31u + k->end) * 131u ^ (guint)k->actor_id * 7919u ^ (guint)k->issue_id;
}

static gboolean
span_key_equal (gconstpointer a,
                gconstpointer b)
{
  return memcmp (a, b, sizeof (SpanKey)) == 0;
}

static SpanKey *
span_key_new (guint  start,
              guint  end,
              gint64 actor_id,
              gint64 issue_id)
{
  SpanKey *k = g_new0 (SpanKey, 1);

  k->start = start;
  k->end = end;
  k->actor_id = actor_id;
  k->issue_id = issue_id;

  return k;
}

/* Loads the spans of @sql's rows (start, end, actor, issue[, id]) of @document_id */
static gboolean
load_spans (SpProject   *self,
            const char  *sql,
            gint64       document_id,
            GHashTable  *spans,
            GError     **error)
{
  g_autoptr(SpStmt) stmt = NULL;
  int rc;

  if (!(stmt = _sp_project_prepare (self, sql, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, document_id);
  while ((rc = _sp_project_step_row (self, stmt, _("Could not read the suggestions"), error)) > 0)
    {
      gint64 id = sqlite3_column_count (stmt) > 4 ? sqlite3_column_int64 (stmt, 4) : 0;

      g_hash_table_replace (spans,
                            span_key_new (sqlite3_column_int (stmt, 0), sqlite3_column_int (stmt, 1),
                                          sqlite3_column_int64 (stmt, 2), sqlite3_column_int64 (stmt, 3)),
                            g_memdup2 (&id, sizeof id));
    }

  return rc == 0;
}

static gboolean
is_probability (double value)
{
  return isfinite (value) && value >= 0.0 && value <= 1.0;
}

/* Refuses a set with any suggestion the schema would refuse, before anything is written */
static gboolean
check_suggestions (SpProject                 *self,
                   gint64                     document_id,
                   const SpSuggestionFields  *suggestions,
                   guint                      n_suggestions,
                   GError                   **error)
{
  g_autoptr(GHashTable) known_actors = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) known_issues = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(SpStmt) stmt = NULL;
  guint length;
  int rc;

  if (!(stmt = _sp_project_prepare (self, "SELECT body_length FROM documents WHERE id = ?1", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, document_id);
  if ((rc = _sp_project_step_row (self, stmt, _("Could not read the document"), error)) < 0)
    return FALSE;
  if (rc == 0)
    {
      _sp_project_set_not_found (error, SP_TABLE_DOCUMENTS, document_id);
      return FALSE;
    }
  length = sqlite3_column_int (stmt, 0);

  for (guint i = 0; i < n_suggestions; i++)
    {
      const SpSuggestionFields *s = &suggestions[i];

      if (s->start >= s->end || s->end > length)
        {
          g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID,
                       _("The suggested span %u–%u is not a span of document %lld, which has %u characters"),
                       s->start, s->end, (long long)document_id, length);
          return FALSE;
        }
      if (s->stance < SP_STANCE_MIN || s->stance > SP_STANCE_MAX)
        {
          g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID,
                       _("A stance is between %d and +%d, not %d"),
                       SP_STANCE_MIN, SP_STANCE_MAX, s->stance);
          return FALSE;
        }
      if (!is_probability (s->prior) || !is_probability (s->confidence))
        {
          g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID,
                       _("A suggestion's confidence is between 0 and 1"));
          return FALSE;
        }
      if ((s->explanation != NULL && !g_utf8_validate (s->explanation, -1, NULL)))
        {
          g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID,
                       _("A suggestion's explanation is not valid UTF-8 text"));
          return FALSE;
        }
      for (guint k = 0; s->features != NULL && s->features[k] != NULL; k++)
        if (!g_utf8_validate (s->features[k], -1, NULL) || strchr (s->features[k], '\n') != NULL)
          {
            g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID,
                         _("A suggestion's feature is not one line of UTF-8 text"));
            return FALSE;
          }

      if (!g_hash_table_contains (known_actors, &s->actor_id))
        {
          if (!_sp_project_check_exists (self, SP_TABLE_ACTORS, "SELECT 1 FROM actors WHERE id = ?1",
                                         s->actor_id, _("Could not read the project"), error))
            return FALSE;
          g_hash_table_add (known_actors, g_memdup2 (&s->actor_id, sizeof (gint64)));
        }
      if (!g_hash_table_contains (known_issues, &s->issue_id))
        {
          if (!_sp_project_check_exists (self, SP_TABLE_ISSUES, "SELECT 1 FROM issues WHERE id = ?1",
                                         s->issue_id, _("Could not read the project"), error))
            return FALSE;
          g_hash_table_add (known_issues, g_memdup2 (&s->issue_id, sizeof (gint64)));
        }
    }

  return TRUE;
}

static void
bind_suggestion (SpStmt                   *stmt,
                 const SpSuggestionFields *s)
{
  g_autofree char *features = s->features ? g_strjoinv ("\n", (char **)s->features) : g_strdup ("");

  sqlite3_bind_int64 (stmt, 2, s->start);
  sqlite3_bind_int64 (stmt, 3, s->end);
  sqlite3_bind_int64 (stmt, 4, s->actor_id);
  sqlite3_bind_int64 (stmt, 5, s->issue_id);
  sqlite3_bind_int (stmt, 6, s->stance);
  sqlite3_bind_double (stmt, 7, s->confidence);
  _sp_project_bind_text (stmt, 8, s->explanation ? s->explanation : "");
  sqlite3_bind_int64 (stmt, 9, s->sentence);
  sqlite3_bind_int (stmt, 10, s->conditional ? 1 : 0);
  sqlite3_bind_double (stmt, 11, s->prior);
  sqlite3_bind_text (stmt, 12, features, -1, SQLITE_TRANSIENT);
}

static gboolean
write_suggestions (SpProject                 *self,
                   gint64                     document_id,
                   const SpSuggestionFields  *suggestions,
                   guint                      n_suggestions,
                   guint                     *n_stored,
                   GError                   **error)
{
  g_autoptr(GHashTable) decided = g_hash_table_new_full (span_key_hash, span_key_equal, g_free, g_free);
  g_autoptr(GHashTable) pending = g_hash_table_new_full (span_key_hash, span_key_equal, g_free, g_free);
  g_autoptr(GHashTable) kept = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (span_key_hash, span_key_equal, g_free, NULL);
  g_autofree char *now = _sp_project_now ();
  g_autoptr(SpStmt) insert = NULL;
  g_autoptr(SpStmt) update = NULL;
  g_autoptr(SpStmt) remove = NULL;
  GHashTableIter iter;
  gpointer key, value;
  guint stored = 0;

  if (!load_spans (self,
                   "SELECT start_offset, end_offset, actor_id, issue_id FROM suggestions "
                   "WHERE document_id = ?1 AND status <> 'pending' "
                   "UNION ALL "
                   "SELECT start_offset, end_offset, actor_id, issue_id FROM claims WHERE document_id = ?1",
                   document_id, decided, error) ||
      !load_spans (self,
                   "SELECT start_offset, end_offset, actor_id, issue_id, id FROM suggestions "
                   "WHERE document_id = ?1 AND status = 'pending'",
                   document_id, pending, error))
    return FALSE;

  if (!(insert = _sp_project_prepare (self,
                                      "INSERT INTO suggestions (document_id, start_offset, end_offset, "
                                      "actor_id, issue_id, stance, confidence, explanation, sentence, "
                                      "conditional, prior, features, status, created) "
                                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
                                      "'pending', ?13)",
                                      error)) ||
      !(update = _sp_project_prepare (self,
                                      "UPDATE suggestions SET start_offset = ?2, end_offset = ?3, "
                                      "actor_id = ?4, issue_id = ?5, stance = ?6, confidence = ?7, "
                                      "explanation = ?8, sentence = ?9, conditional = ?10, prior = ?11, "
                                      "features = ?12 WHERE id = ?1",
                                      error)) ||
      !(remove = _sp_project_prepare (self, "DELETE FROM suggestions WHERE id = ?1", error)))
    return FALSE;

  for (guint i = 0; i < n_suggestions; i++)
    {
      const SpSuggestionFields *s = &suggestions[i];
      SpanKey k = { s->start, s->end, s->actor_id, s->issue_id };
      gint64 *existing;
      SpStmt *stmt;

      /* a decision stands; of two proposals of one span, actor and issue the first counts */
      if (g_hash_table_contains (decided, &k) || g_hash_table_contains (seen, &k))
        continue;
      g_hash_table_add (seen, g_memdup2 (&k, sizeof k));

      existing = g_hash_table_lookup (pending, &k);
      stmt = existing != NULL ? update : insert;
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      bind_suggestion (stmt, s);
      if (existing != NULL)
        {
          sqlite3_bind_int64 (stmt, 1, *existing);
          g_hash_table_add (kept, g_memdup2 (existing, sizeof (gint64)));
        }
      else
        {
          sqlite3_bind_int64 (stmt, 1, document_id);
          _sp_project_bind_text (stmt, 13, now);
        }

      if (!_sp_project_step_done (self, stmt, error))
        return FALSE;
      stored++;
    }

  g_hash_table_iter_init (&iter, pending);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (g_hash_table_contains (kept, value))
        continue;

      sqlite3_reset (remove);
      sqlite3_bind_int64 (remove, 1, *(gint64 *)value);
      if (!_sp_project_step_done (self, remove, error))
        return FALSE;
    }

  if (n_stored != NULL)
    *n_stored = stored;

  return TRUE;
}

/**
 * sp_project_replace_suggestions:
 * @suggestions: (array length=n_suggestions): the pass's proposals for the document
 * @n_stored: (out) (optional): how many are pending now: those that were neither decided
 *   before (accepted, edited, rejected) nor already claims, nor repeated in the set
 *
 * Replaces the document's pending suggestions with @suggestions in one transaction. A
 * suggestion proposed again keeps its row (and id). The whole set is refused, changing
 * nothing, when one of its suggestions is outside the document, names an actor or issue that
 * is not there, or has a stance or confidence out of range. Not an undo step: the pass is
 * not an edit.
 */
gboolean
sp_project_replace_suggestions (SpProject                 *self,
                                gint64                     document_id,
                                const SpSuggestionFields  *suggestions,
                                guint                      n_suggestions,
                                guint                     *n_stored,
                                GError                   **error)
{
  gboolean ok;

  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (suggestions != NULL || n_suggestions == 0, FALSE);

  if (!sp_project_begin_action (self, NULL, error))
    return FALSE;

  ok = check_suggestions (self, document_id, suggestions, n_suggestions, error) &&
       write_suggestions (self, document_id, suggestions, n_suggestions, n_stored, error);
  if (ok)
    _sp_project_mark_changed (self, SP_CHANGE_SUGGESTIONS);

  return sp_project_end_action (self, ok, error);
}

static gboolean
write_status (SpProject           *self,
              gint64               id,
              SpSuggestionStatus   status,
              gint64               claim_id,
              GError             **error)
{
  g_autoptr(SpStmt) stmt = NULL;

  if (claim_id != 0)
    {
      if (!_sp_project_check_exists (self, SP_TABLE_CLAIMS, "SELECT 1 FROM claims WHERE id = ?1",
                                     claim_id, _("Could not read the project"), error))
        return FALSE;
    }

  if (!_sp_project_touch (self, SP_TABLE_SUGGESTIONS, id, error) ||
      !(stmt = _sp_project_prepare (self,
                                    "UPDATE suggestions SET status = ?1, claim_id = ?2 WHERE id = ?3",
                                    error)))
    return FALSE;

  _sp_project_bind_text (stmt, 1, sp_suggestion_status_to_string (status));
  if (claim_id != 0)
    sqlite3_bind_int64 (stmt, 2, claim_id);
  else
    sqlite3_bind_null (stmt, 2);
  sqlite3_bind_int64 (stmt, 3, id);

  return _sp_project_step_done (self, stmt, error) &&
         _sp_project_row_written (self, SP_TABLE_SUGGESTIONS, &id, error);
}

/**
 * sp_project_set_suggestion_status:
 * @claim_id: the claim an accepted or edited suggestion became, or 0 for none
 *
 * Records a decision, as one undo step or as part of the caller's action (the suggestion
 * pass's sp_suggest_accept() makes the claim, records this and teaches the model in one).
 * A pending suggestion has no claim; an accepted or edited one needs one.
 */
gboolean
sp_project_set_suggestion_status (SpProject           *self,
                                  gint64               id,
                                  SpSuggestionStatus   status,
                                  gint64               claim_id,
                                  GError             **error)
{
  gboolean ok;

  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);
  g_return_val_if_fail ((guint)status <= SP_SUGGESTION_STATUS_REJECTED, FALSE);

  if ((status == SP_SUGGESTION_STATUS_ACCEPTED || status == SP_SUGGESTION_STATUS_EDITED) !=
      (claim_id != 0))
    {
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID,
                   claim_id == 0 ? _("An accepted suggestion becomes a claim: which one is missing")
                                 : _("Only an accepted suggestion has a claim"));
      return FALSE;
    }

  if (!sp_project_begin_action (self, _("Decide on Suggestion"), error))
    return FALSE;

  ok = write_status (self, id, status, claim_id, error);
  if (ok)
    _sp_project_mark_changed (self, SP_CHANGE_SUGGESTIONS);

  return sp_project_end_action (self, ok, error);
}

/**
 * sp_project_update_suggestion_confidences:
 * @scores: (array length=n_scores): new confidences of pending suggestions
 *
 * Re-scoring after the model learnt. Suggestions that are no longer pending (or no longer
 * there) are passed over. Not recorded for undo (see the top of this file); inside an
 * action, part of it. A confidence outside 0 … 1 refuses the whole set.
 */
gboolean
sp_project_update_suggestion_confidences (SpProject                *self,
                                          const SpSuggestionScore  *scores,
                                          guint                     n_scores,
                                          GError                  **error)
{
  g_autoptr(SpStmt) stmt = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (scores != NULL || n_scores == 0, FALSE);

  for (guint i = 0; i < n_scores; i++)
    if (!is_probability (scores[i].confidence))
      {
        g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID,
                     _("A suggestion's confidence is between 0 and 1"));
        return FALSE;
      }

  if (n_scores == 0)
    return TRUE;

  if (!sp_project_begin_action (self, NULL, error))
    return FALSE;

  if (!(stmt = _sp_project_prepare (self,
                                    "UPDATE suggestions SET confidence = ?2 "
                                    "WHERE id = ?1 AND status = 'pending'",
                                    error)))
    ok = FALSE;

  for (guint i = 0; ok && i < n_scores; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, scores[i].id);
      sqlite3_bind_double (stmt, 2, scores[i].confidence);
      ok = _sp_project_step_done (self, stmt, error);
    }

  if (ok)
    _sp_project_mark_changed (self, SP_CHANGE_SUGGESTIONS);

  return sp_project_end_action (self, ok, error);
}

/**
 * sp_project_rescore_suggestions:
 * @document_id: the document whose pending suggestions to re-score, or 0 for all
 * @scorer: gives a suggestion's new confidence from its features and prior
 *
 * Re-scores pending suggestions reading only what a score needs (id, prior, features), not
 * the documents' text: a decision re-scores every pending suggestion of the project, so
 * this is on the path of every key press in review. The confidences are written as by
 * sp_project_update_suggestion_confidences().
 */
gboolean
sp_project_rescore_suggestions (SpProject            *self,
                                gint64                document_id,
                                SpSuggestionScorer    scorer,
                                gpointer              user_data,
                                GError              **error)
{
  g_autoptr(SpStmt) stmt = NULL;
  g_autoptr(GArray) scores = NULL;
  int rc;

  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (scorer != NULL, FALSE);

  if (!(stmt = _sp_project_prepare (self,
                                    "SELECT id, prior, features FROM suggestions "
                                    "WHERE status = 'pending' AND (?1 = 0 OR document_id = ?1) "
                                    "ORDER BY id",
                                    error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, document_id);

  scores = g_array_new (FALSE, FALSE, sizeof (SpSuggestionScore));
  while ((rc = _sp_project_step_row (self, stmt, _("Could not read the suggestions"), error)) > 0)
    {
      g_autofree char *features_text = _sp_project_dup_display_text (stmt, 2);
      g_auto(GStrv) features = split_features (features_text);
      SpSuggestionScore score = { sqlite3_column_int64 (stmt, 0), 0 };

      score.confidence = scorer ((const char * const *)features, sqlite3_column_double (stmt, 1), user_data);
      if (!is_probability (score.confidence))
        score.confidence = CLAMP (score.confidence, 0.0, 1.0);
      g_array_append_val (scores, score);
    }
  if (rc < 0)
    return FALSE;

  return sp_project_update_suggestion_confidences (self, (const SpSuggestionScore *)(gpointer)scores->data,
                                                   scores->len, error);
}

/**
 * sp_project_count_suggestions:
 * @counts: (out caller-allocates) (array fixed-size=4): per #SpSuggestionStatus
 *
 * How many suggestions the project holds in each status.
 */
gboolean
sp_project_count_suggestions (SpProject  *self,
                              guint       counts[4],
                              GError    **error)
{
  g_autoptr(SpStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);

  memset (counts, 0, 4 * sizeof (guint));
  if (!(stmt = _sp_project_prepare (self, "SELECT status, count(*) FROM suggestions GROUP BY status",
                                    error)))
    return FALSE;

  while ((rc = _sp_project_step_row (self, stmt, _("Could not count the suggestions"), error)) > 0)
    {
      SpSuggestionStatus status;

      if (sp_suggestion_status_from_string (_sp_project_column_text (stmt, 0), &status))
        counts[status] = sqlite3_column_int (stmt, 1);
    }

  return rc == 0;
}
