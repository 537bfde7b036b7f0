/* sp-project-fingerprints.c
 *
 * What import asks the project about an article before it writes it: which documents carry
 * nearly the same words (the same wire story on two sites: their 64-bit fingerprints are a
 * few bits apart), and how many documents hold each of its short lines (a line that recurs
 * across documents is site furniture).
 *
 * Both are answered in memory. Each document's fingerprint and distinct line hashes are one
 * row of document_fingerprints, appended in id order; the first question reads them all
 * (a few hundred kilobytes for ten thousand articles). The answers then follow this
 * connection's imports, and are read again after anything they cannot follow: another
 * connection's commit (PRAGMA data_version), a rollback, a deletion, undo or redo. Indexes
 * on the fingerprint's bands and a table of line counts, the alternative, made every
 * imported document write pages at random places of tables that grow with the project: the
 * largest cost of an import after the text itself. In memory, the fingerprints are also
 * indexed by their four 16-bit bands: two fingerprints at most 3 bits apart agree on at least
 * one band (the pigeonhole), so such a search reads only the fingerprints that share a band
 * with it, and an import of N articles stays linear in N instead of comparing each with
 * every one before it. A search of a larger distance compares every fingerprint.
 */
#define G_LOG_DOMAIN "sp-project-fingerprints"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-project-private.h"

/* The fingerprint's bands, each of this many bits */
#define N_BANDS   4
#define BAND_BITS 16
/* A distance at most this is found through the bands */
#define MAX_BANDED_DISTANCE (N_BANDS - 1)

typedef struct
{
  gint64  id;
  guint64 simhash;
  guint   next[N_BANDS];  /* the one before with the same band, as an index + 1; 0 for none */
} Fingerprint;

typedef struct
{
  guint64 hash;       /* first: the key g_int64_hash() reads */
  guint   documents;
} LineCount;

struct _SpFingerprints
{
  GArray     *fingerprints;  /* Fingerprint */
  GHashTable *bands[N_BANDS]; /* a band's value → the last fingerprint with it, index + 1 */
  GHashTable *line_counts;   /* LineCount, by hash */
};

static inline guint
band_of (guint64 simhash,
         guint   band)
{
  return (guint)(simhash >> (band * BAND_BITS)) & ((1u << BAND_BITS) - 1);
}

static void
fingerprints_free (SpFingerprints *fingerprints)
{
  g_array_unref (fingerprints->fingerprints);
  for (guint band = 0; band < N_BANDS; band++)
    g_hash_table_unref (fingerprints->bands[band]);
  g_hash_table_unref (fingerprints->line_counts);
  g_free (fingerprints);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpFingerprints, fingerprints_free)

static SpFingerprints *
fingerprints_new (void)
{
  SpFingerprints *fingerprints = g_new0 (SpFingerprints, 1);

  fingerprints->fingerprints = g_array_new (FALSE, FALSE, sizeof (Fingerprint));
  for (guint band = 0; band < N_BANDS; band++)
    fingerprints->bands[band] = g_hash_table_new (g_direct_hash, g_direct_equal);
  fingerprints->line_counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  return fingerprints;
}

static void
fingerprints_add (SpFingerprints *fingerprints,
                  gint64          id,
                  guint64         simhash,
                  const guint64  *hashes,
                  guint           n_hashes)
{
  if (simhash != 0)
    {
      Fingerprint fingerprint = { id, simhash, { 0 } };
      guint index = fingerprints->fingerprints->len;

      for (guint band = 0; band < N_BANDS; band++)
        {
          gpointer key = GUINT_TO_POINTER (band_of (simhash, band));

          fingerprint.next[band] = GPOINTER_TO_UINT (g_hash_table_lookup (fingerprints->bands[band], key));
          g_hash_table_insert (fingerprints->bands[band], key, GUINT_TO_POINTER (index + 1));
        }
      g_array_append_val (fingerprints->fingerprints, fingerprint);
    }

  for (guint i = 0; i < n_hashes; i++)
    {
      LineCount *count = g_hash_table_lookup (fingerprints->line_counts, &hashes[i]);

      if (count == NULL)
        {
          count = g_new0 (LineCount, 1);
          count->hash = hashes[i];
          g_hash_table_add (fingerprints->line_counts, count);
        }
      count->documents++;
    }
}

/* Adds a document this connection just wrote, when the fingerprints are in memory */
void
_sp_project_add_fingerprints (SpProject     *self,
                              gint64         id,
                              guint64        simhash,
                              const guint64 *line_hashes,
                              guint          n_line_hashes)
{
  if (self->fingerprints != NULL)
    fingerprints_add (self->fingerprints, id, simhash, line_hashes, n_line_hashes);
}

/* After a change they cannot follow: they are read again when next asked for */
void
_sp_project_forget_fingerprints (SpProject *self)
{
  g_clear_pointer (&self->fingerprints, fingerprints_free);
}

static gboolean
read_data_version (SpProject  *self,
                   gint64     *version,
                   GError    **error)
{
  g_autoptr(SpCachedStmt) stmt = _sp_project_prepare_cached (self, "PRAGMA data_version", error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = _sp_project_step_row (self, stmt, _("Could not read the fingerprints of the documents"), error);
  if (rc == 0)
    g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_FAILED,
                 _("Could not read the fingerprints of the documents"));
  if (rc <= 0)
    return FALSE;

  *version = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static gboolean
ensure_fingerprints (SpProject  *self,
                     GError    **error)
{
  g_autoptr(SpFingerprints) fingerprints = NULL;
  g_autoptr(SpStmt) stmt = NULL;
  gint64 version = 0;
  int rc;

  if (!read_data_version (self, &version, error))
    return FALSE;

  if (self->fingerprints != NULL && version == self->fingerprints_version)
    return TRUE;

  if (!(stmt = _sp_project_prepare (self,
                                    "SELECT document_id, simhash, line_hashes FROM document_fingerprints",
                                    error)))
    return FALSE;

  fingerprints = fingerprints_new ();
  while ((rc = _sp_project_step_row (self, stmt, _("Could not read the fingerprints of the documents"),
                                     error)) > 0)
    {
      guint n = 0;
      g_autofree guint64 *hashes = _sp_hashes_decode (sqlite3_column_blob (stmt, 2),
                                                      sqlite3_column_bytes (stmt, 2), &n);
      guint64 simhash = sqlite3_column_type (stmt, 1) == SQLITE_INTEGER
                        ? (guint64)sqlite3_column_int64 (stmt, 1) : 0;

      fingerprints_add (fingerprints, sqlite3_column_int64 (stmt, 0), simhash, hashes, n);
    }
  if (rc < 0)
    return FALSE;

  _sp_project_forget_fingerprints (self);
  self->fingerprints = g_steal_pointer (&fingerprints);
  self->fingerprints_version = version;
  return TRUE;
}

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

/* Adds to @candidates the in-memory fingerprints at most @max_distance bits from @simhash */
static void
collect_candidates (SpFingerprints *fingerprints,
                    guint64         simhash,
                    guint           max_distance,
                    GArray         *candidates)
{
  GArray *all = fingerprints->fingerprints;

  if (max_distance <= MAX_BANDED_DISTANCE)
    for (guint band = 0; band < N_BANDS; band++)
      {
        guint value = band_of (simhash, band);
        guint next = GPOINTER_TO_UINT (g_hash_table_lookup (fingerprints->bands[band],
                                                            GUINT_TO_POINTER (value)));

        while (next != 0)
          {
            const Fingerprint *other = &g_array_index (all, Fingerprint, next - 1);
            guint distance = __builtin_popcountll (other->simhash ^ simhash);
            gboolean seen = FALSE;

            /* Found once: through the first band it shares */
            for (guint before = 0; before < band && !seen; before++)
              seen = band_of (other->simhash, before) == band_of (simhash, before);

            if (!seen && distance <= max_distance)
              g_array_append_val (candidates, ((Candidate) { other->id, distance }));
            next = other->next[band];
          }
      }
  else
    for (guint i = 0; i < all->len; i++)
      {
        const Fingerprint *other = &g_array_index (all, Fingerprint, i);
        guint distance = __builtin_popcountll (other->simhash ^ simhash);

        if (distance <= max_distance)
          g_array_append_val (candidates, ((Candidate) { other->id, distance }));
      }
}

/**
 * sp_project_find_near_duplicates:
 * @simhash: a fingerprint; 0 (none) finds nothing
 * @max_distance: how many bits may differ
 *
 * Answered in memory (see the top of this file): a distance up to 3 reads only the
 * fingerprints that share one of @simhash's bands, a larger one every fingerprint.
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

  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);

  if (simhash == 0)
    return g_steal_pointer (&ids);

  if (!ensure_fingerprints (self, error))
    return NULL;

  collect_candidates (self->fingerprints, simhash, max_distance, candidates);
  g_array_sort (candidates, compare_candidates);
  for (guint i = 0; i < candidates->len; i++)
    g_array_append_val (ids, g_array_index (candidates, Candidate, i).id);

  return g_steal_pointer (&ids);
}

/**
 * sp_project_find_nearest_duplicates:
 * @simhashes: (array length=n): fingerprints; 0 (none) finds nothing
 * @max_distance: how many bits may differ
 * @nearest: (out caller-allocates) (array length=n): for each fingerprint, the first id
 *   sp_project_find_near_duplicates() would return for it, or 0 when it returns none
 *
 * sp_project_find_near_duplicates() for many fingerprints at once, as an import asks for
 * those of a batch: the project is asked whether its documents changed once, not once for
 * each fingerprint, which cost each of them a read transaction.
 *
 * Returns: FALSE, with @error set, when the fingerprints could not be read
 */
gboolean
sp_project_find_nearest_duplicates (SpProject      *self,
                                    const guint64  *simhashes,
                                    guint           n,
                                    guint           max_distance,
                                    gint64         *nearest,
                                    GError        **error)
{
  g_autoptr(GArray) candidates = NULL;

  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (n == 0 || (simhashes != NULL && nearest != NULL), FALSE);

  if (n == 0)
    return TRUE;

  if (!ensure_fingerprints (self, error))
    return FALSE;

  candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  for (guint i = 0; i < n; i++)
    {
      const Candidate *best = NULL;

      nearest[i] = 0;
      if (simhashes[i] == 0)
        continue;

      g_array_set_size (candidates, 0);
      collect_candidates (self->fingerprints, simhashes[i], max_distance, candidates);
      for (guint j = 0; j < candidates->len; j++)
        {
          const Candidate *candidate = &g_array_index (candidates, Candidate, j);

          if (best == NULL || compare_candidates (candidate, best) < 0)
            best = candidate;
        }
      if (best != NULL)
        nearest[i] = best->id;
    }

  return TRUE;
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
 *
 * The first question reads every document's line hashes; later ones are answered from
 * memory while nothing but this connection's imports changed the project.
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

  if (n_hashes > 0 && !ensure_fingerprints (self, error))
    return FALSE;

  for (guint i = 0; i < n_hashes; i++)
    {
      LineCount *count = g_hash_table_lookup (self->fingerprints->line_counts, &hashes[i]);

      counts[i] = count != NULL ? count->documents : 0;
    }

  return TRUE;
}
