/* sp-project-blobs.c
 *
 * A document's sentences and line hashes are stored as BLOBs of little-endian integers: the
 * sentences as guint32 (start, end) character offsets, the hashes as guint64. A project file
 * comes from anywhere, so a BLOB is never trusted: sentences are read back only when they
 * are whole pairs, each non-empty, in order, not overlapping and inside the body.
 */
#define G_LOG_DOMAIN "sp-project-blobs"

#include "config.h"

#include <string.h>

#include "sp-project-private.h"

int
_sp_compare_guint64 (const guint64 *a,
                     const guint64 *b)
{
  return (*a > *b) - (*a < *b);
}

/*
 * _sp_sentences_are_valid:
 *
 * Whether @pairs are sentences of a body of @body_length characters: each start before its
 * end, each one starting at or after the end of the one before, the last ending inside the
 * body.
 */
gboolean
_sp_sentences_are_valid (const guint32 *pairs,
                         guint          n_pairs,
                         guint          body_length)
{
  guint32 previous_end = 0;

  for (guint i = 0; i < n_pairs; i++)
    {
      guint32 start = pairs[2 * i];
      guint32 end = pairs[2 * i + 1];

      if (start < previous_end || start >= end || end > body_length)
        return FALSE;
      previous_end = end;
    }

  return TRUE;
}

/* Returns: (transfer full) (nullable): the pairs as stored, %NULL for none */
GBytes *
_sp_sentences_encode (const guint32 *pairs,
                      guint          n_pairs)
{
  guint32 *le;

  if (n_pairs == 0)
    return NULL;

  le = g_new (guint32, 2 * (gsize)n_pairs);
  for (gsize i = 0; i < 2 * (gsize)n_pairs; i++)
    le[i] = GUINT32_TO_LE (pairs[i]);

  return g_bytes_new_take (le, 2 * (gsize)n_pairs * sizeof (guint32));
}

/*
 * _sp_sentences_decode:
 * @n_pairs: (out): how many (start, end) pairs
 *
 * Returns: (transfer full) (nullable): the pairs, or %NULL when @blob is not a valid list of
 *   sentences of a body of @body_length characters; an empty list is a valid one of no pairs
 *   (returned as an allocated empty array)
 */
guint32 *
_sp_sentences_decode (const void  *blob,
                      gsize        n_bytes,
                      guint        body_length,
                      guint       *n_pairs)
{
  g_autofree guint32 *pairs = NULL;
  gsize n = n_bytes / (2 * sizeof (guint32));

  *n_pairs = 0;

  if (n_bytes % (2 * sizeof (guint32)) != 0 || n > G_MAXUINT / 2 || (n_bytes > 0 && blob == NULL))
    return NULL;

  pairs = g_new0 (guint32, 2 * n + 1);
  if (n_bytes > 0)
    memcpy (pairs, blob, n_bytes);
  for (gsize i = 0; i < 2 * n; i++)
    pairs[i] = GUINT32_FROM_LE (pairs[i]);

  if (!_sp_sentences_are_valid (pairs, n, body_length))
    return NULL;

  *n_pairs = n;
  return g_steal_pointer (&pairs);
}

/* Returns: (transfer full) (nullable): the hashes as stored, %NULL for none */
GBytes *
_sp_hashes_encode (const guint64 *hashes,
                   guint          n_hashes)
{
  guint64 *le;

  if (n_hashes == 0)
    return NULL;

  le = g_new (guint64, n_hashes);
  for (guint i = 0; i < n_hashes; i++)
    le[i] = GUINT64_TO_LE (hashes[i]);

  return g_bytes_new_take (le, (gsize)n_hashes * sizeof (guint64));
}

/* Returns: (transfer full): the hashes of a BLOB, a partial last one left out */
guint64 *
_sp_hashes_decode (const void  *blob,
                   gsize        n_bytes,
                   guint       *n_hashes)
{
  gsize n = blob != NULL ? MIN (n_bytes / sizeof (guint64), G_MAXUINT) : 0;
  guint64 *hashes = g_new0 (guint64, n + 1);

  if (n > 0)
    memcpy (hashes, blob, n * sizeof (guint64));
  for (gsize i = 0; i < n; i++)
    hashes[i] = GUINT64_FROM_LE (hashes[i]);

  *n_hashes = n;
  return hashes;
}

/* Binds @bytes (nullable: SQL NULL) without copying; they must outlive the statement's steps */
void
_sp_project_bind_blob (SpStmt *stmt,
                       int     column,
                       GBytes *bytes)
{
  gsize size = 0;
  gconstpointer data = bytes != NULL ? g_bytes_get_data (bytes, &size) : NULL;

  if (data == NULL)
    sqlite3_bind_null (stmt, column);
  else
    sqlite3_bind_blob64 (stmt, column, data, size, SQLITE_STATIC);
}
