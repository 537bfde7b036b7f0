/* sp-project-removals.c
 *
 * The blocks cleaning took out of documents on import, and putting one back. Restoring a
 * block is the one edit that changes a body after import: everything anchored to the body
 * after the block (claims, suggestions, sentences, the document's other removed blocks)
 * moves along by the block's length, the full-text index follows, and the whole is one undo
 * step.
 *
 * A project file comes from anywhere: a block whose offset lies outside its document's text
 * is not listed (opening notes it) and cannot be restored.
 */
#define G_LOG_DOMAIN "sp-project-removals"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-project-private.h"
#include "sp-removal-private.h"

/* Reads a document's body as stored, refusing one that is not text: a body that is not
 * UTF-8 is only shown with U+FFFD, and offsets into it cannot be trusted. */
static char *
dup_body (SpProject  *self,
          gint64      id,
          GBytes    **sentences,
          GError    **error)
{
  g_autoptr(SpStmt) stmt = NULL;
  const char *body;
  int rc;

  if (!(stmt = _sp_project_prepare (self, "SELECT body, sentences FROM documents WHERE id = ?1", error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if ((rc = _sp_project_step_row (self, stmt, _("Could not read the document"), error)) <= 0)
    {
      if (rc == 0)
        _sp_project_set_not_found (error, SP_TABLE_DOCUMENTS, id);
      return NULL;
    }

  body = _sp_project_column_text (stmt, 0);
  if (body == NULL || !g_utf8_validate (body, sqlite3_column_bytes (stmt, 0), NULL) ||
      strlen (body) != (gsize)sqlite3_column_bytes (stmt, 0))
    {
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_CORRUPT,
                   _("The text of document %lld is damaged (not UTF-8), so nothing can be put back into it"),
                   (long long)id);
      return NULL;
    }

  if (sentences != NULL)
    *sentences = sqlite3_column_type (stmt, 1) == SQLITE_NULL
                 ? NULL
                 : g_bytes_new (sqlite3_column_blob (stmt, 1), sqlite3_column_bytes (stmt, 1));

  return g_strdup (body);
}

/**
 * sp_project_list_removals:
 *
 * Returns: (transfer full): a #GListModel of the #SpRemoval blocks of the document, in body
 *   order; blocks a damaged file places outside the text are left out
 */
GListModel *
sp_project_list_removals (SpProject  *self,
                          gint64      document_id,
                          GError    **error)
{
  g_autoptr(GListStore) store = NULL;
  g_autoptr(SpStmt) stmt = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *body = NULL;
  glong length;
  int rc;

  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);

  stmt = _sp_project_prepare (self, "SELECT body FROM documents WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document_id);
  if ((rc = _sp_project_step_row (self, stmt, _("Could not read the document"), error)) <= 0)
    {
      if (rc == 0)
        _sp_project_set_not_found (error, SP_TABLE_DOCUMENTS, document_id);
      return NULL;
    }
  body = _sp_project_dup_display_text (stmt, 0);
  length = body != NULL ? g_utf8_strlen (body, -1) : 0;
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = _sp_project_prepare (self,
                              "SELECT id, document_id, body_offset, text, reason FROM removals "
                              "WHERE document_id = ?1 ORDER BY body_offset, id",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, document_id);
  items = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = _sp_project_step_row (self, stmt, _("Could not list the removed blocks"), error)) > 0)
    {
      gint64 offset = sqlite3_column_int64 (stmt, 2);
      g_autofree char *text = NULL;
      g_autofree char *reason = NULL;

      if (offset < 0 || offset > length)
        continue;

      text = _sp_project_dup_display_text (stmt, 3);
      reason = _sp_project_dup_display_text (stmt, 4);
      g_ptr_array_add (items, _sp_removal_new (sqlite3_column_int64 (stmt, 0), document_id,
                                               (guint)offset, text, reason));
    }

  if (rc < 0)
    return NULL;

  store = g_list_store_new (SP_TYPE_REMOVAL);
  g_list_store_splice (store, 0, 0, items->pdata, items->len);

  return G_LIST_MODEL (g_steal_pointer (&store));
}

/* What goes into the body: the block, with a line break on each side where it would
 * otherwise run on into a line of the body, a blank line where the body's paragraphs are
 * separated by one. @lead receives how many characters come before the block itself. */
static char *
make_insertion (const char  *body,
                gsize        at,
                const char  *text,
                glong       *lead)
{
  gsize text_length = strlen (text);
  gboolean paragraphs = strstr (body, "\n\n") != NULL;
  const char *before = "";
  const char *after = "";

  if (at > 0 && body[at - 1] != '\n' && text[0] != '\n')
    before = paragraphs ? "\n\n" : "\n";

  if (body[at] != '\0' && body[at] != '\n' && text[text_length - 1] != '\n')
    after = at >= 2 && body[at - 1] == '\n' && body[at - 2] == '\n' ? "\n\n" : "\n";

  *lead = strlen (before);
  return g_strconcat (before, text, after, NULL);
}

/* Moves every sentence at or after @offset on by @shift, and gives the block [start, end) a
 * sentence of its own when it does not fall inside one */
static GBytes *
shift_sentences (GBytes   *stored,
                 guint     body_length,
                 guint     offset,
                 guint     shift,
                 guint     start,
                 guint     end,
                 gint64    document_id,
                 GError  **error)
{
  g_autofree guint32 *pairs = NULL;
  g_autoptr(GArray) shifted = g_array_new (FALSE, FALSE, sizeof (guint32));
  gboolean inside = FALSE;
  gboolean added = FALSE;
  gsize size = 0;
  gconstpointer data;
  guint n = 0;

  if (stored == NULL)
    return NULL;

  data = g_bytes_get_data (stored, &size);
  if (!(pairs = _sp_sentences_decode (data, size, body_length, &n)))
    {
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_CORRUPT,
                   _("The sentences stored for document %lld are damaged (out of order or outside its text), so nothing can be put back into it"),
                   (long long)document_id);
      return NULL;
    }

  for (guint i = 0; i < n; i++)
    if (pairs[2 * i] < offset && pairs[2 * i + 1] > offset)
      inside = TRUE;

  for (guint i = 0; i < n; i++)
    {
      guint32 s = pairs[2 * i] + (pairs[2 * i] >= offset ? shift : 0);
      guint32 e = pairs[2 * i + 1] + (pairs[2 * i + 1] > offset ? shift : 0);

      if (!inside && !added && start < end && s >= end)
        {
          g_array_append_val (shifted, start);
          g_array_append_val (shifted, end);
          added = TRUE;
        }
      g_array_append_val (shifted, s);
      g_array_append_val (shifted, e);
    }

  if (!inside && !added && start < end)
    {
      g_array_append_val (shifted, start);
      g_array_append_val (shifted, end);
    }

  return _sp_sentences_encode ((const guint32 *)(gpointer)shifted->data, shifted->len / 2);
}

/* Records the rows @select_sql finds for undo, then runs @update_sql; both take the document
 * (?1), the offset (?2), the shift (?3) and the restored block (?4) */
static gboolean
shift_rows (SpProject   *self,
            SpTable      table,
            const char  *select_sql,
            const char  *update_sql,
            gint64       document_id,
            guint        offset,
            guint        shift,
            gint64       removal_id,
            GError     **error)
{
  g_autoptr(SpStmt) select = NULL;
  g_autoptr(SpStmt) update = NULL;
  g_autoptr(GArray) ids = NULL;

  if (!(select = _sp_project_prepare (self, select_sql, error)) ||
      !(update = _sp_project_prepare (self, update_sql, error)))
    return FALSE;

  sqlite3_bind_int64 (select, 1, document_id);
  sqlite3_bind_int64 (select, 2, offset);
  sqlite3_bind_int64 (select, 4, removal_id);
  if (!(ids = _sp_project_select_ids (self, select, error)))
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    if (!_sp_project_touch (self, table, g_array_index (ids, gint64, i), error))
      return FALSE;

  sqlite3_bind_int64 (update, 1, document_id);
  sqlite3_bind_int64 (update, 2, offset);
  sqlite3_bind_int64 (update, 3, shift);
  sqlite3_bind_int64 (update, 4, removal_id);
  return _sp_project_step_done (self, update, error);
}

static gboolean
write_body (SpProject   *self,
            gint64       document_id,
            const char  *body,
            glong        length,
            GBytes      *sentences,
            GError     **error)
{
  g_autoptr(SpStmt) stmt = NULL;

  if (!(stmt = _sp_project_prepare (self,
                                    "UPDATE documents SET body = ?2, body_length = ?3, sentences = ?4 "
                                    "WHERE id = ?1",
                                    error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, document_id);
  _sp_project_bind_text (stmt, 2, body);
  sqlite3_bind_int64 (stmt, 3, length);
  _sp_project_bind_blob (stmt, 4, sentences);

  return _sp_project_step_done (self, stmt, error);
}

typedef struct
{
  gint64  removal_id;
  gint64  document_id;
  guint   offset;
  guint   shift;
  char   *body;       /* the new body */
  glong   length;
  GBytes *sentences;
  guint   new_sentences; /* sentences the block added: a suggestion after it moves by them */
} Restore;

static void
restore_clear (Restore *r)
{
  g_clear_pointer (&r->body, g_free);
  g_clear_pointer (&r->sentences, g_bytes_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Restore, restore_clear)

/* Works out the new body and sentences, reading only */
static gboolean
prepare_restore (SpProject  *self,
                 Restore    *r,
                 GError    **error)
{
  g_autoptr(SpStmt) stmt = NULL;
  g_autoptr(GBytes) stored = NULL;
  g_autofree char *body = NULL;
  g_autofree char *text = NULL;
  g_autofree char *insertion = NULL;
  gint64 offset;
  glong length, lead, block_end;
  const char *at;
  int rc;

  if (!(stmt = _sp_project_prepare (self, "SELECT document_id, body_offset, text FROM removals WHERE id = ?1",
                                    error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, r->removal_id);
  if ((rc = _sp_project_step_row (self, stmt, _("Could not read the removed block"), error)) <= 0)
    {
      if (rc == 0)
        _sp_project_set_not_found (error, SP_TABLE_REMOVALS, r->removal_id);
      return FALSE;
    }

  r->document_id = sqlite3_column_int64 (stmt, 0);
  offset = sqlite3_column_int64 (stmt, 1);
  text = g_strdup (_sp_project_column_text (stmt, 2));

  if (text == NULL || text[0] == '\0' || !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_CORRUPT,
                   _("The removed block %lld is damaged (empty or not UTF-8), so it cannot be put back"),
                   (long long)r->removal_id);
      return FALSE;
    }

  if (!(body = dup_body (self, r->document_id, &stored, error)))
    return FALSE;

  length = g_utf8_strlen (body, -1);
  if (offset < 0 || offset > length)
    {
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_CORRUPT,
                   _("The removed block %lld lies outside the text of document %lld (at character %lld of %ld), so it cannot be put back"),
                   (long long)r->removal_id, (long long)r->document_id, (long long)offset, length);
      return FALSE;
    }

  r->offset = offset;
  at = g_utf8_offset_to_pointer (body, offset);
  insertion = make_insertion (body, at - body, text, &lead);
  r->shift = g_utf8_strlen (insertion, -1);
  r->length = length + r->shift;
  if (r->length > G_MAXINT32)
    {
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID,
                   _("Document %lld would be too long with the block put back"), (long long)r->document_id);
      return FALSE;
    }

  /* the block's sentence ends at its last character that is not white space */
  block_end = lead + g_utf8_strlen (text, -1);
  for (const char *p = text + strlen (text); p > text && g_ascii_isspace (p[-1]); p--)
    block_end--;
  while (lead < block_end && g_ascii_isspace (insertion[lead]))
    lead++;

  r->sentences = shift_sentences (stored, length, r->offset, r->shift,
                                  r->offset + lead, r->offset + block_end, r->document_id, error);
  if (r->sentences == NULL && stored != NULL)
    return FALSE;
  if (r->sentences != NULL)
    r->new_sentences = (g_bytes_get_size (r->sentences) - (stored ? g_bytes_get_size (stored) : 0)) / 8;

  r->body = g_strdup_printf ("%.*s%s%s", (int)(at - body), body, insertion, at);

  return TRUE;
}

/* After shift_rows() touched them: a suggestion after the block counts its sentence on */
static gboolean
shift_suggestion_sentences (SpProject  *self,
                            Restore    *r,
                            GError    **error)
{
  g_autoptr(SpStmt) update = NULL;

  if (r->new_sentences == 0)
    return TRUE;

  if (!(update = _sp_project_prepare (self,
                                      "UPDATE suggestions SET sentence = sentence + ?3 "
                                      "WHERE document_id = ?1 AND start_offset >= ?2",
                                      error)))
    return FALSE;

  sqlite3_bind_int64 (update, 1, r->document_id);
  sqlite3_bind_int64 (update, 2, r->offset);
  sqlite3_bind_int64 (update, 3, r->new_sentences);
  return _sp_project_step_done (self, update, error);
}

static gboolean
restore_rows (SpProject  *self,
              Restore    *r,
              GError    **error)
{
  return _sp_project_touch (self, SP_TABLE_DOCUMENTS, r->document_id, error) &&
         _sp_project_index_document (self, r->document_id, FALSE, error) &&
         write_body (self, r->document_id, r->body, r->length, r->sentences, error) &&
         _sp_project_index_document (self, r->document_id, TRUE, error) &&
         shift_rows (self, SP_TABLE_CLAIMS,
                     "SELECT id FROM claims WHERE document_id = ?1 AND end_offset > ?2",
                     "UPDATE claims SET "
                     "start_offset = start_offset + (CASE WHEN start_offset >= ?2 THEN ?3 ELSE 0 END), "
                     "end_offset = end_offset + ?3 "
                     "WHERE document_id = ?1 AND end_offset > ?2",
                     r->document_id, r->offset, r->shift, r->removal_id, error) &&
         shift_rows (self, SP_TABLE_SUGGESTIONS,
                     "SELECT id FROM suggestions WHERE document_id = ?1 AND end_offset > ?2",
                     "UPDATE suggestions SET "
                     "start_offset = start_offset + (CASE WHEN start_offset >= ?2 THEN ?3 ELSE 0 END), "
                     "end_offset = end_offset + ?3 "
                     "WHERE document_id = ?1 AND end_offset > ?2",
                     r->document_id, r->offset, r->shift, r->removal_id, error) &&
         shift_suggestion_sentences (self, r, error) &&
         shift_rows (self, SP_TABLE_REMOVALS,
                     "SELECT id FROM removals WHERE document_id = ?1 AND id <> ?4 "
                     "AND (body_offset > ?2 OR (body_offset = ?2 AND id > ?4))",
                     "UPDATE removals SET body_offset = body_offset + ?3 "
                     "WHERE document_id = ?1 AND id <> ?4 "
                     "AND (body_offset > ?2 OR (body_offset = ?2 AND id > ?4))",
                     r->document_id, r->offset, r->shift, r->removal_id, error) &&
         _sp_project_delete_row (self, SP_TABLE_REMOVALS, r->removal_id, error);
}

/**
 * sp_project_restore_removal:
 *
 * Puts a removed block back into its document's body where it stood, on a line of its own,
 * as one undo step. Claims, suggestions, sentences and removed blocks after it move on by
 * the length put in (a claim around the spot grows by it), the block gets a sentence of its
 * own when it does not fall inside one, and the full-text index follows. The document's
 * text hash stays the hash of the text as imported, so importing the same article again is
 * still seen as a duplicate.
 */
gboolean
sp_project_restore_removal (SpProject  *self,
                            gint64      removal_id,
                            GError    **error)
{
  g_auto(Restore) r = { .removal_id = removal_id };
  gboolean ok;

  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);

  if (!sp_project_begin_action (self, _("Restore Removed Text"), error))
    return FALSE;

  /* read inside the transaction: another connection may have restored a block meanwhile */
  ok = prepare_restore (self, &r, error) && restore_rows (self, &r, error);
  if (ok)
    _sp_project_mark_changed (self, SP_CHANGE_DOCUMENTS | SP_CHANGE_CLAIMS | SP_CHANGE_SUGGESTIONS);

  return sp_project_end_action (self, ok, error);
}
