/* sp-project-fingerprints.c
 *
 * What import asks the project about an article before it writes it: which documents carry
 * nearly the same words (the same wire story on two sites: their 64-bit fingerprints are a
 * few bits apart), and how many documents hold each of its short lines (a line that recurs
 * across documents is site furniture). Fingerprints are indexed in four bands of 16 bits:
 * two fingerprints at most 3 bits apart agree on at least one band, so such a search reads
 * only the documents that share a band.
 */
#define G_LOG_DOMAIN "sp-project-fingerprints"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-project-private.h"

typedef struct
{
  gint64 id;
  guint  distance;
} Candidate;

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = a;
  const Candidate *y = b;

  if (x->distance != y->distance)
    return x->distance < y->distance ? -1 : 1;
  return (x->id > y->id) - (x->id < y->id);
}

/**
 * sp_project_find_near_duplicates:
 * @simhash: a fingerprint; 0 (none) finds nothing
 * @max_distance: how many bits may differ; up to %SP_NEAR_DUPLICATE_INDEXED_DISTANCE the
 *   search reads the band indexes only, above it every fingerprint
 *
 * Returns: (transfer full) (element-type gint64): the ids of the documents whose fingerprint
 *   is at most @max_distance bits from @simhash, nearest first (then by id); %NULL on error
 */
GArray *
sp_project_find_near_duplicates (SpProject  *self,
                                 guint64     simhash,
                                 guint       max_distance,
                                 GError    **error)
{
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(SpCachedStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);

  if (simhash == 0)
    return g_steal_pointer (&ids);

  if (max_distance <= SP_NEAR_DUPLICATE_INDEXED_DISTANCE)
    stmt = _sp_project_prepare_cached (self,
                                       "SELECT id, simhash FROM documents "
                                       "WHERE (simhash & 65535) = ?1 AND simhash IS NOT NULL "
                                       "UNION SELECT id, simhash FROM documents "
                                       "WHERE ((simhash >> 16) & 65535) = ?2 AND simhash IS NOT NULL "
                                       "UNION SELECT id, simhash FROM documents "
                                       "WHERE ((simhash >> 32) & 65535) = ?3 AND simhash IS NOT NULL "
                                       "UNION SELECT id, simhash FROM documents "
                                       "WHERE ((simhash >> 48) & 65535) = ?4 AND simhash IS NOT NULL",
                                       error);
  else
    stmt = _sp_project_prepare_cached (self,
                                       "SELECT id, simhash FROM documents WHERE simhash IS NOT NULL",
                                       error);
  if (stmt == NULL)
    return NULL;

  if (max_distance <= SP_NEAR_DUPLICATE_INDEXED_DISTANCE)
    for (int band = 0; band < 4; band++)
      sqlite3_bind_int (stmt, band + 1, (simhash >> (16 * band)) & 0xFFFF);

  while ((rc = _sp_project_step_row (self, stmt, _("Could not look for near duplicates"), error)) > 0)
    {
      guint64 other = (guint64)sqlite3_column_int64 (stmt, 1);
      Candidate candidate = { sqlite3_column_int64 (stmt, 0), __builtin_popcountll (other ^ simhash) };

      if (sqlite3_column_type (stmt, 1) == SQLITE_INTEGER && candidate.distance <= max_distance)
        g_array_append_val (candidates, candidate);
    }
  if (rc < 0)
    return NULL;

  g_array_sort (candidates, compare_candidates);
  for (guint i = 0; i < candidates->len; i++)
    g_array_append_val (ids, g_array_index (candidates, Candidate, i).id);

  return g_steal_pointer (&ids);
}

/**
 * sp_project_set_near_duplicate:
 * @of_id: the document @id nearly repeats, or 0 to clear the mark
 *
 * Marks a document as a near duplicate of another (the analyst decides what to do with it),
 * as one undo step when it is not part of an import.
 */
gboolean
sp_project_set_near_duplicate (SpProject  *self,
                               gint64      id,
                               gint64      of_id,
                               GError    **error)
{
  g_autoptr(SpDocument) document = NULL;
  g_autoptr(SpDocument) original = NULL;
  g_autoptr(SpStmt) stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);

  if (of_id == id)
    {
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID,
                   _("Document %lld cannot be a near duplicate of itself"), (long long)id);
      return FALSE;
    }

  if (!(document = sp_project_get_document (self, id, error)) ||
      (of_id != 0 && !(original = sp_project_get_document (self, of_id, error))))
    return FALSE;

  if (!sp_project_begin_action (self, _("Mark Near Duplicate"), error))
    return FALSE;

  ok = _sp_project_touch (self, SP_TABLE_DOCUMENTS, id, error) &&
       (stmt = _sp_project_prepare (self, "UPDATE documents SET near_duplicate_of = ?2 WHERE id = ?1",
                                    error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      if (of_id != 0)
        sqlite3_bind_int64 (stmt, 2, of_id);
      ok = _sp_project_step_done (self, stmt, error);
    }
  if (ok)
    _sp_project_mark_changed (self, SP_CHANGE_DOCUMENTS);

  return sp_project_end_action (self, ok, error);
}

/**
 * sp_project_count_lines:
 * @hashes: (array length=n_hashes): hashes of short lines
 * @counts: (out caller-allocates) (array length=n_hashes): for each hash, how many documents
 *   of the project hold the line
 */
gboolean
sp_project_count_lines (SpProject      *self,
                        const guint64  *hashes,
                        guint           n_hashes,
                        guint          *counts,
                        GError        **error)
{
  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (n_hashes == 0 || (hashes != NULL && counts != NULL), FALSE);

  for (guint i = 0; i < n_hashes; i++)
    {
      g_autoptr(SpCachedStmt) stmt = NULL;
      int rc;

      if (!(stmt = _sp_project_prepare_cached (self, "SELECT documents FROM line_counts WHERE hash = ?1",
                                               error)))
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, (gint64)hashes[i]);
      if ((rc = _sp_project_step_row (self, stmt, _("Could not count recurring lines"), error)) < 0)
        return FALSE;

      counts[i] = rc > 0 ? (guint)CLAMP (sqlite3_column_int64 (stmt, 0), 0, G_MAXINT) : 0;
    }

  return TRUE;
}
