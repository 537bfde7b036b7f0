/* sp-project-claims.c
 *
 * Claims: spans of a document's body where an actor takes a stance on an issue. Offsets
 * count characters, which is also how SQLite's substr() counts in a TEXT value, so the quote
 * is read straight from the stored body.
 */
#define G_LOG_DOMAIN "sp-project-claims"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-claim-private.h"
#include "sp-project-private.h"

#define CLAIM_QUERY \
  SP_STATEMENT_SELECT ("c") ", c.origin, c.confidence, c.note, c.updated " \
  SP_STATEMENT_FROM ("claims", "c")

/* The columns of CLAIM_QUERY after the statement's */
enum {
  COLUMN_ORIGIN = SP_STATEMENT_N_COLUMNS,
  COLUMN_CONFIDENCE,
  COLUMN_NOTE,
  COLUMN_UPDATED,
};

static gpointer
build_claim (SpStmt      *stmt,
             SpStatement *statement)
{
  g_autofree char *note = _sp_project_dup_display_text (stmt, COLUMN_NOTE);
  SpClaimFields f = { 0 };

  f.origin = SP_CLAIM_ORIGIN_MANUAL;
  sp_claim_origin_from_string (_sp_project_column_text (stmt, COLUMN_ORIGIN), &f.origin);
  f.confidence = sqlite3_column_type (stmt, COLUMN_CONFIDENCE) == SQLITE_NULL
                 ? -1.0 : sqlite3_column_double (stmt, COLUMN_CONFIDENCE);
  f.note = note;
  f.updated = _sp_project_column_text (stmt, COLUMN_UPDATED);

  return _sp_claim_new (statement, &f);
}

static GListModel *
query_claims (SpProject   *self,
              const char  *sql,
              gint64       param,
              GError     **error)
{
  return _sp_project_query_statements (self, sql, &param, 1, SP_TYPE_CLAIM, build_claim,
                                       _("Could not list the claims"), error);
}

/**
 * sp_project_list_claims:
 * @document_id: the document whose claims to list, or 0 for all claims
 *
 * Returns: (transfer full): a #GListModel of #SpClaim ordered by document and position
 */
GListModel *
sp_project_list_claims (SpProject  *self,
                        gint64      document_id,
                        GError    **error)
{
  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);

  return query_claims (self,
                       CLAIM_QUERY
                       "WHERE ?1 = 0 OR c.document_id = ?1 "
                       "ORDER BY c.document_id, c.start_offset, c.end_offset, c.id",
                       document_id, error);
}

/**
 * sp_project_list_issue_claims:
 *
 * The claims on one issue, for what is behind a column or a cell of the matrix.
 *
 * Returns: (transfer full): a #GListModel of #SpClaim ordered by document and position
 */
GListModel *
sp_project_list_issue_claims (SpProject  *self,
                              gint64      issue_id,
                              GError    **error)
{
  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);

  return query_claims (self,
                       CLAIM_QUERY
                       "WHERE c.issue_id = ?1 "
                       "ORDER BY c.document_id, c.start_offset, c.end_offset, c.id",
                       issue_id, error);
}

/**
 * sp_project_list_actor_claims:
 * @with_members: also the claims of the actors affiliated with it, at any depth: the
 *   claims of the actor's row of the matrix at the group level
 *
 * The claims of one actor, for an actor's profile.
 *
 * Returns: (transfer full): a #GListModel of #SpClaim ordered by document and position
 */
GListModel *
sp_project_list_actor_claims (SpProject  *self,
                              gint64      actor_id,
                              gboolean    with_members,
                              GError    **error)
{
  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);

  if (with_members)
    /* UNION, not UNION ALL: a circle of affiliations in a damaged file ends the walk */
    return query_claims (self,
                         "WITH RECURSIVE tree (id) AS ("
                         "  SELECT ?1 UNION SELECT a.id FROM actors a JOIN tree t ON a.affiliation_id = t.id) "
                         CLAIM_QUERY
                         "WHERE c.actor_id IN (SELECT id FROM tree) "
                         "ORDER BY c.document_id, c.start_offset, c.end_offset, c.id",
                         actor_id, error);

  return query_claims (self,
                       CLAIM_QUERY
                       "WHERE c.actor_id = ?1 "
                       "ORDER BY c.document_id, c.start_offset, c.end_offset, c.id",
                       actor_id, error);
}

typedef struct
{
  char *date;
  char *source;
} DocumentFacts;

static void
clear_document_facts (gpointer data)
{
  DocumentFacts *facts = data;

  g_free (facts->date);
  g_free (facts->source);
}

/**
 * sp_project_foreach_stance:
 * @with_pending: also pass every pending suggestion (with #SpStanceRow.pending set), after
 *   all the claims
 * @func: (scope call): called once per claim (and pending suggestion), in id order
 *
 * One lean pass over the claims with their document's date and source: what the position
 * matrix filters and aggregates.
 *
 * Returns: %FALSE if the claims could not be read
 */
gboolean
sp_project_foreach_stance (SpProject        *self,
                           gboolean          with_pending,
                           SpStanceRowFunc   func,
                           gpointer          user_data,
                           GError          **error)
{
  /* The documents' dates and sources are read once, rather than joined to every claim:
   * a project has far fewer documents than claims. */
  static const char * const queries[] = {
    "SELECT id, document_id, actor_id, issue_id, stance FROM claims ORDER BY id",
    "SELECT id, document_id, actor_id, issue_id, stance FROM suggestions "
    "WHERE status = 'pending' ORDER BY id",
  };
  g_autoptr(GArray) facts = g_array_new (FALSE, TRUE, sizeof (DocumentFacts));
  g_autoptr(GHashTable) index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(SpStmt) documents = NULL;
  int rc;

  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  g_array_set_clear_func (facts, clear_document_facts);
  if (!(documents = _sp_project_prepare (self, "SELECT id, date, source FROM documents", error)))
    return FALSE;
  while ((rc = _sp_project_step_row (self, documents, _("Could not read the documents"), error)) > 0)
    {
      gint64 id = sqlite3_column_int64 (documents, 0);
      DocumentFacts document = {
        g_strdup ((const char *)sqlite3_column_text (documents, 1)),
        g_strdup ((const char *)sqlite3_column_text (documents, 2)),
      };

      g_array_append_val (facts, document);
      g_hash_table_insert (index, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (facts->len));
    }
  if (rc != 0)
    return FALSE;

  for (guint q = 0; q < (with_pending ? 2u : 1u); q++)
    {
      g_autoptr(SpStmt) stmt = _sp_project_prepare (self, queries[q], error);
      gint64 last_document = 0;
      const DocumentFacts *document = NULL;

      if (stmt == NULL)
        return FALSE;

      /* sqlite3_step() itself: every column is an integer, and this loop is the matrix's
       * budget (_sp_project_step_row() checks text columns and translates its message on
       * every row) */
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          SpStanceRow row = {
            .id = sqlite3_column_int64 (stmt, 0),
            .document_id = sqlite3_column_int64 (stmt, 1),
            .actor_id = sqlite3_column_int64 (stmt, 2),
            .issue_id = sqlite3_column_int64 (stmt, 3),
            .stance = sqlite3_column_int (stmt, 4),
            .pending = q == 1,
          };

          if (document == NULL || row.document_id != last_document)
            {
              guint i = GPOINTER_TO_UINT (g_hash_table_lookup (index, &row.document_id));

              /* The foreign key makes a claim without its document impossible */
              document = i > 0 ? &g_array_index (facts, DocumentFacts, i - 1) : NULL;
              last_document = row.document_id;
            }
          if (document != NULL)
            {
              row.date = document->date;
              row.source = document->source;
            }

          func (&row, user_data);
        }

      if (rc != SQLITE_DONE)
        {
          _sp_project_set_error (self, error, rc, _("Could not read the claims"));
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * sp_project_get_claim:
 *
 * Returns: (transfer full): the claim, or %NULL with %SP_PROJECT_ERROR_NOT_FOUND
 */
SpClaim *
sp_project_get_claim (SpProject  *self,
                      gint64      id,
                      GError    **error)
{
  g_autoptr(GListModel) one = NULL;

  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);

  if (!(one = query_claims (self, CLAIM_QUERY "WHERE c.id = ?1", id, error)))
    return NULL;

  return _sp_project_only_item (one, SP_TABLE_CLAIMS, id, error);
}

static gboolean
check_claim (SpProject          *self,
             const SpClaimSpec  *spec,
             GError            **error)
{
  g_autoptr(SpStmt) stmt = NULL;
  guint length;
  int rc;

  if (spec->stance < SP_STANCE_MIN || spec->stance > SP_STANCE_MAX)
    {
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID,
                   _("A stance is between %d and +%d, not %d"),
                   SP_STANCE_MIN, SP_STANCE_MAX, spec->stance);
      return FALSE;
    }

  if ((guint)spec->origin > SP_CLAIM_ORIGIN_SUGGESTED)
    {
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID,
                   _("Unknown origin of a claim"));
      return FALSE;
    }

  if (spec->origin == SP_CLAIM_ORIGIN_SUGGESTED &&
      !(spec->confidence >= 0.0 && spec->confidence <= 1.0))
    {
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID,
                   _("A suggested claim's confidence is between 0 and 1"));
      return FALSE;
    }

  if (!(stmt = _sp_project_prepare (self, "SELECT body_length FROM documents WHERE id = ?1", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, spec->document_id);
  if ((rc = _sp_project_step_row (self, stmt, _("Could not read the document"), error)) < 0)
    return FALSE;

  if (rc == 0)
    {
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_NOT_FOUND,
                   _("There is no document %lld"), (long long) spec->document_id);
      return FALSE;
    }

  length = sqlite3_column_int (stmt, 0);
  if (spec->start > spec->end)
    {
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID,
                   _("The span %u–%u ends before it starts"), spec->start, spec->end);
      return FALSE;
    }
  if (spec->start == spec->end)
    {
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID,
                   _("The span %u–%u is empty: a claim quotes at least one character"),
                   spec->start, spec->end);
      return FALSE;
    }
  if (spec->end > length)
    {
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID,
                   _("The span %u–%u is not inside the document, which has %u characters"),
                   spec->start, spec->end, length);
      return FALSE;
    }

  return _sp_project_check_exists (self, SP_TABLE_ACTORS, "SELECT 1 FROM actors WHERE id = ?1",
                                   spec->actor_id, _("Could not read the codebook"), error) &&
         _sp_project_check_exists (self, SP_TABLE_ISSUES, "SELECT 1 FROM issues WHERE id = ?1",
                                   spec->issue_id, _("Could not read the codebook"), error);
}

static gboolean
write_claim (SpProject          *self,
             gint64             *id,
             const SpClaimSpec  *spec,
             GError            **error)
{
  g_autofree char *now = _sp_project_now ();
  g_autofree char *note = g_strstrip (g_strdup (spec->note ? spec->note : ""));
  g_autoptr(SpStmt) stmt = NULL;

  if (!check_claim (self, spec, error))
    return FALSE;

  if (*id == 0)
    stmt = _sp_project_prepare (self,
                                "INSERT INTO claims (document_id, start_offset, end_offset, actor_id, "
                                "issue_id, stance, origin, confidence, note, created, updated) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
                                error);
  else if (_sp_project_touch (self, SP_TABLE_CLAIMS, *id, error))
    stmt = _sp_project_prepare (self,
                                "UPDATE claims SET document_id = ?1, start_offset = ?2, end_offset = ?3, "
                                "actor_id = ?4, issue_id = ?5, stance = ?6, origin = ?7, "
                                "confidence = ?8, note = ?9, updated = ?10 WHERE id = ?11",
                                error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, spec->document_id);
  sqlite3_bind_int64 (stmt, 2, spec->start);
  sqlite3_bind_int64 (stmt, 3, spec->end);
  sqlite3_bind_int64 (stmt, 4, spec->actor_id);
  sqlite3_bind_int64 (stmt, 5, spec->issue_id);
  sqlite3_bind_int (stmt, 6, spec->stance);
  _sp_project_bind_text (stmt, 7, sp_claim_origin_to_string (spec->origin));
  if (spec->origin == SP_CLAIM_ORIGIN_SUGGESTED)
    sqlite3_bind_double (stmt, 8, spec->confidence);
  else
    sqlite3_bind_null (stmt, 8);
  _sp_project_bind_text (stmt, 9, note);
  _sp_project_bind_text (stmt, 10, now);
  if (*id != 0)
    sqlite3_bind_int64 (stmt, 11, *id);

  if (!_sp_project_step_done (self, stmt, error) ||
      !_sp_project_row_written (self, SP_TABLE_CLAIMS, id, error))
    return FALSE;

  _sp_project_mark_changed (self, SP_CHANGE_CLAIMS);

  return TRUE;
}

/**
 * sp_project_add_claim:
 *
 * Refuses, changing nothing, a claim whose span is not inside the document, whose actor,
 * issue or document does not exist, or whose stance is outside −2..+2.
 *
 * Returns: the new claim's id, or 0 on error
 */
gint64
sp_project_add_claim (SpProject          *self,
                      const SpClaimSpec  *spec,
                      GError            **error)
{
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (SP_IS_PROJECT (self), 0);
  g_return_val_if_fail (spec != NULL, 0);

  if (!sp_project_begin_action (self, _("Add Claim"), error))
    return 0;

  ok = write_claim (self, &id, spec, error);

  return sp_project_end_action (self, ok, error) ? id : 0;
}

gboolean
sp_project_update_claim (SpProject          *self,
                         gint64              id,
                         const SpClaimSpec  *spec,
                         GError            **error)
{
  gboolean ok;

  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (id > 0, FALSE);
  g_return_val_if_fail (spec != NULL, FALSE);

  if (!sp_project_begin_action (self, _("Edit Claim"), error))
    return FALSE;

  ok = write_claim (self, &id, spec, error);

  return sp_project_end_action (self, ok, error);
}

gboolean
sp_project_delete_claim (SpProject  *self,
                         gint64      id,
                         GError    **error)
{
  gboolean ok;

  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);

  if (!sp_project_begin_action (self, _("Delete Claim"), error))
    return FALSE;

  ok = _sp_project_delete_row (self, SP_TABLE_CLAIMS, id, error);
  if (ok)
    _sp_project_mark_changed (self, SP_CHANGE_CLAIMS);

  return sp_project_end_action (self, ok, error);
}
