/* sp-project-documents.c
 *
 * The documents table and its full-text index: reading documents and adding them. A
 * document's body changes only when an analyst puts a removed block back
 * (sp-project-removals.c), which moves the claims after it along. Editing and deleting
 * documents is sp-project-document-edits.c.
 *
 * Adding runs thousands of times per import, so its statements stay prepared
 * (_sp_project_prepare_cached()) and it does nothing per row that the import does not need.
 */
#define G_LOG_DOMAIN "sp-project-documents"

#include "config.h"

#include <errno.h>

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-checked-document-private.h"
#include "sp-document-private.h"
#include "sp-project-private.h"

static guint
column_count (SpStmt *stmt,
              int     column)
{
  gint64 value = sqlite3_column_int64 (stmt, column);

  return (guint)CLAMP (value, 0, G_MAXINT);
}

/* Reads a row of SP_DOCUMENT_COLUMNS (the rows sp-project-search.c returns too) */
SpDocument *
_sp_project_document_from_row (SpStmt *stmt)
{
  g_autofree char *file_name = _sp_project_dup_display_text (stmt, 1);
  g_autofree char *title = _sp_project_dup_display_text (stmt, 2);
  g_autofree char *source = _sp_project_dup_display_text (stmt, 4);
  g_autofree char *url = _sp_project_dup_display_text (stmt, 5);
  g_autofree char *author = _sp_project_dup_display_text (stmt, 6);
  g_autofree char *section = _sp_project_dup_display_text (stmt, 14);
  g_autofree char *document_type = _sp_project_dup_display_text (stmt, 15);
  SpDocumentRow row = {
    .id = sqlite3_column_int64 (stmt, 0),
    .file_name = file_name,
    .title = title,
    .date = _sp_project_column_text (stmt, 3),
    .source = source,
    .url = url,
    .author = author,
    .section = section,
    .document_type = document_type,
    .length = column_count (stmt, 7),
    .claim_count = column_count (stmt, 8),
    .title_kind = SP_TITLE_KIND_HEADLINE,
    .date_source = SP_DATE_SOURCE_NONE,
    .date_confidence = sqlite3_column_double (stmt, 11),
    .near_duplicate_of = sqlite3_column_int64 (stmt, 12),
    .removed_count = column_count (stmt, 13),
  };

  sp_title_kind_from_string (_sp_project_column_text (stmt, 9), &row.title_kind);
  sp_date_source_from_string (_sp_project_column_text (stmt, 10), &row.date_source);

  return _sp_document_new (&row);
}

/**
 * sp_project_count_documents:
 *
 * Returns: the number of documents; 0 when they could not be counted, which is logged as a
 *   warning (use sp_project_list_documents() where a failure must reach the user)
 */
guint
sp_project_count_documents (SpProject *self)
{
  g_return_val_if_fail (SP_IS_PROJECT (self), 0);

  return _sp_project_count (self, "SELECT count(*) FROM documents", _("Could not count the documents"));
}

/**
 * sp_project_list_documents:
 *
 * Returns: (transfer full): a #GListModel of #SpDocument in import order
 */
GListModel *
sp_project_list_documents (SpProject  *self,
                           GError    **error)
{
  g_autoptr(GListStore) store = NULL;
  g_autoptr(SpStmt) stmt = NULL;
  g_autoptr(GPtrArray) items = NULL;
  int rc;

  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);

  stmt = _sp_project_prepare (self,
                              "SELECT " SP_DOCUMENT_COLUMNS " FROM documents d ORDER BY d.id",
                              error);
  if (stmt == NULL)
    return NULL;

  items = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = _sp_project_step_row (self, stmt, _("Could not list the documents"), error)) > 0)
    g_ptr_array_add (items, _sp_project_document_from_row (stmt));

  if (rc < 0)
    return NULL;

  store = g_list_store_new (SP_TYPE_DOCUMENT);
  g_list_store_splice (store, 0, 0, items->pdata, items->len);

  return G_LIST_MODEL (g_steal_pointer (&store));
}

/**
 * sp_project_get_document:
 *
 * Returns: (transfer full): the document, or %NULL with %SP_PROJECT_ERROR_NOT_FOUND
 */
SpDocument *
sp_project_get_document (SpProject  *self,
                         gint64      id,
                         GError    **error)
{
  g_autoptr(SpStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);

  stmt = _sp_project_prepare (self,
                              "SELECT " SP_DOCUMENT_COLUMNS " FROM documents d WHERE d.id = ?1",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = _sp_project_step_row (self, stmt, _("Could not read the document"), error);
  if (rc > 0)
    return _sp_project_document_from_row (stmt);

  if (rc == 0)
    g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_NOT_FOUND,
                 _("There is no document %lld"), (long long) id);

  return NULL;
}

/**
 * sp_project_dup_document_body:
 *
 * Returns: (transfer full): the cleaned body the document's claim offsets refer to
 */
char *
sp_project_dup_document_body (SpProject  *self,
                              gint64      id,
                              GError    **error)
{
  g_autoptr(SpStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);

  stmt = _sp_project_prepare (self, "SELECT body FROM documents WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = _sp_project_step_row (self, stmt, _("Could not read the document"), error);
  if (rc > 0)
    return _sp_project_dup_display_text (stmt, 0);

  if (rc == 0)
    g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_NOT_FOUND,
                 _("There is no document %lld"), (long long) id);

  return NULL;
}

static gboolean
parse_id (const char *str,
          gint64     *id)
{
  char *end = NULL;
  gint64 value;

  if (str[0] < '0' || str[0] > '9')
    return FALSE;

  errno = 0;
  value = g_ascii_strtoll (str, &end, 10);
  if (*end != '\0' || value <= 0 || errno == ERANGE)
    return FALSE;

  *id = value;
  return TRUE;
}

/**
 * sp_project_find_document:
 * @id_or_file_name: a document id, or the name of the file it was imported from
 *
 * Resolves how the command line names a document. A file name shared by several documents
 * is refused with the ids to use instead.
 */
gboolean
sp_project_find_document (SpProject   *self,
                          const char  *id_or_file_name,
                          gint64      *id,
                          GError     **error)
{
  g_autoptr(SpStmt) stmt = NULL;
  g_autoptr(GString) ids = NULL;
  gint64 found = 0;
  guint n_found = 0;
  int rc;

  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (id_or_file_name != NULL, FALSE);

  if (parse_id (id_or_file_name, &found))
    {
      g_autoptr(SpDocument) document = sp_project_get_document (self, found, error);

      if (document == NULL)
        return FALSE;
      *id = found;
      return TRUE;
    }

  stmt = _sp_project_prepare (self, "SELECT id FROM documents WHERE file_name = ?1 ORDER BY id",
                              error);
  if (stmt == NULL)
    return FALSE;

  _sp_project_bind_text (stmt, 1, id_or_file_name);
  ids = g_string_new (NULL);
  while ((rc = _sp_project_step_row (self, stmt, _("Could not look up the document"), error)) > 0)
    {
      found = sqlite3_column_int64 (stmt, 0);
      g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, n_found ? ", " : "", found);
      n_found++;
    }

  if (rc < 0)
    return FALSE;

  if (n_found == 0)
    {
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_NOT_FOUND,
                   _("There is no document %s"), id_or_file_name);
      return FALSE;
    }

  if (n_found > 1)
    {
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_CONFLICT,
                   _("Several documents were imported from a file named %s; use one of the ids %s"),
                   id_or_file_name, ids->str);
      return FALSE;
    }

  *id = found;
  return TRUE;
}

/**
 * sp_project_find_duplicate:
 * @existing_id: (out): the document already holding these bytes or this text, 0 if none
 *
 * Returns: %FALSE only when the lookup failed
 */
gboolean
sp_project_find_duplicate (SpProject   *self,
                           const char  *content_hash,
                           const char  *text_hash,
                           gint64      *existing_id,
                           GError     **error)
{
  g_autoptr(SpCachedStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);

  *existing_id = 0;

  stmt = _sp_project_prepare_cached (self,
                              "SELECT id FROM documents WHERE content_hash = ?1 OR text_hash = ?2 "
                              "ORDER BY id LIMIT 1",
                              error);
  if (stmt == NULL)
    return FALSE;

  _sp_project_bind_text (stmt, 1, content_hash);
  _sp_project_bind_text (stmt, 2, text_hash);
  rc = _sp_project_step_row (self, stmt, _("Could not look for duplicates"), error);
  if (rc > 0)
    *existing_id = sqlite3_column_int64 (stmt, 0);

  return rc >= 0;
}

static gboolean
insert_removals (SpProject               *self,
                 gint64                   id,
                 const SpDocumentFields  *fields,
                 GError                 **error)
{
  for (guint i = 0; i < fields->n_removed; i++)
    {
      const SpRemovedBlockFields *block = &fields->removed[i];
      g_autoptr(SpCachedStmt) stmt = NULL;
      gint64 removal_id = 0;

      if (!(stmt = _sp_project_prepare_cached (self,
                                               "INSERT INTO removals (document_id, body_offset, text, reason) "
                                               "VALUES (?1, ?2, ?3, ?4)",
                                               error)))
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, block->offset);
      _sp_project_bind_text (stmt, 3, block->text);
      _sp_project_bind_text (stmt, 4, block->reason ? block->reason : "");
      if (!_sp_project_step_done (self, stmt, error) ||
          !_sp_project_row_written (self, SP_TABLE_REMOVALS, &removal_id, error))
        return FALSE;
    }

  return TRUE;
}

/* The document's fingerprint and line hashes go into a table of their own, whose rows are
 * appended in id order. Indexing fingerprints, or counting lines per hash in a table, would
 * write pages at random places of tables that grow with the project, for every document:
 * sp-project-fingerprints.c searches and counts them in memory instead. */
static gboolean
insert_fingerprints (SpProject                *self,
                     gint64                    id,
                     const SpCheckedDocument  *document,
                     GError                  **error)
{
  g_autoptr(SpCachedStmt) stmt = NULL;
  const GArray *hashes = document->line_hashes;
  guint64 simhash = document->fields.simhash;

  if (hashes->len == 0 && simhash == 0)
    return TRUE;

  if (!(stmt = _sp_project_prepare_cached (self,
                                           "INSERT INTO document_fingerprints (document_id, simhash, line_hashes) "
                                           "VALUES (?1, ?2, ?3)",
                                           error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if (simhash != 0)
    sqlite3_bind_int64 (stmt, 2, (gint64)simhash);
  _sp_project_bind_blob (stmt, 3, document->line_hashes_blob);
  if (!_sp_project_step_done (self, stmt, error) ||
      !_sp_project_touch_inserted (self, SP_TABLE_DOCUMENT_FINGERPRINTS, id, error))
    return FALSE;

  _sp_project_add_fingerprints (self, id, simhash, (const guint64 *)(gpointer)hashes->data, hashes->len);
  return TRUE;
}

/* Writes the document's rows. *@id is set once the first one, the documents row, is written:
 * a statement that fails undoes only itself, so a failure before that leaves nothing behind,
 * and one after it leaves part of the document. */
static gboolean
insert_document (SpProject                *self,
                 const SpCheckedDocument  *document,
                 gint64                   *id,
                 GError                  **error)
{
  const SpDocumentFields *fields = &document->fields;
  g_autoptr(SpCachedStmt) stmt = NULL;
  g_autoptr(SpCachedStmt) fts = NULL;

  stmt = _sp_project_prepare_cached (self,
                                     "INSERT INTO documents (file_name, title, date, source, url, author, "
                                     "body, body_length, content_hash, text_hash, imported, title_kind, "
                                     "date_source, date_confidence, near_duplicate_of, sentences, "
                                     "section, document_type) "
                                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
                                     "?15, ?16, ?17, ?18)",
                                     error);
  if (stmt == NULL)
    return FALSE;

  _sp_project_bind_text (stmt, 1, fields->file_name);
  _sp_project_bind_text (stmt, 2, fields->title ? fields->title : "");
  _sp_project_bind_text (stmt, 3, fields->date);
  _sp_project_bind_text (stmt, 4, fields->source);
  _sp_project_bind_text (stmt, 5, fields->url);
  _sp_project_bind_text (stmt, 6, fields->author);
  _sp_project_bind_text (stmt, 7, fields->body);
  sqlite3_bind_int64 (stmt, 8, document->length);
  _sp_project_bind_text (stmt, 9, fields->content_hash);
  _sp_project_bind_text (stmt, 10, fields->text_hash);
  _sp_project_bind_text (stmt, 11, _sp_project_action_time (self));
  _sp_project_bind_text (stmt, 12, sp_title_kind_to_string (fields->title_kind));
  _sp_project_bind_text (stmt, 13, sp_date_source_to_string (fields->date != NULL ? fields->date_source
                                                                                  : SP_DATE_SOURCE_NONE));
  sqlite3_bind_double (stmt, 14, document->date_confidence);
  if (fields->near_duplicate_of > 0)
    sqlite3_bind_int64 (stmt, 15, fields->near_duplicate_of);
  _sp_project_bind_blob (stmt, 16, document->sentences);
  _sp_project_bind_text (stmt, 17, fields->section);
  _sp_project_bind_text (stmt, 18, fields->document_type);

  *id = 0;
  if (!_sp_project_step_done (self, stmt, error) ||
      !_sp_project_row_written (self, SP_TABLE_DOCUMENTS, id, error))
    return FALSE;

  if (!(fts = _sp_project_prepare_cached (self,
                                          "INSERT INTO documents_fts (rowid, title, body) VALUES (?1, ?2, ?3)",
                                          error)))
    return FALSE;

  sqlite3_bind_int64 (fts, 1, *id);
  _sp_project_bind_text (fts, 2, fields->title ? fields->title : "");
  _sp_project_bind_text (fts, 3, fields->body);

  return _sp_project_step_done (self, fts, error) &&
         insert_removals (self, *id, fields, error) &&
         insert_fingerprints (self, *id, document, error);
}

/**
 * sp_project_add_document:
 *
 * Adds an imported article with what import learnt about it: removed blocks, sentences, its
 * fingerprint and line hashes (which count towards sp_project_count_lines()). The importer
 * checks for duplicates first; a hash that is already present is refused here too, with
 * %SP_PROJECT_ERROR_CONFLICT. Fields that break a rule (a date that is not a day, sentences
 * out of order or outside the body, a removed block outside it) are refused with
 * %SP_PROJECT_ERROR_INVALID naming the file, and nothing is written.
 *
 * Inside an action (an import adds many documents in one transaction) a refused document
 * leaves nothing behind either, and the action goes on. A database failure after part of the
 * document was written (I/O, memory) breaks the action: ending it rolls it back, and
 * sp_project_end_action() then returns %FALSE.
 *
 * The same as sp_checked_document_new() followed by sp_project_add_checked_document().
 *
 * Returns: the new document's id, or 0 on error
 */
gint64
sp_project_add_document (SpProject               *self,
                         const SpDocumentFields  *fields,
                         GError                 **error)
{
  g_autoptr(SpCheckedDocument) document = NULL;

  g_return_val_if_fail (SP_IS_PROJECT (self), 0);
  g_return_val_if_fail (fields != NULL, 0);

  if (!(document = sp_checked_document_new (fields, error)))
    return 0;

  return sp_project_add_checked_document (self, document, error);
}

/**
 * sp_project_add_checked_document:
 * @document: made by sp_checked_document_new(), in any thread; the fields it borrows must
 *   still be there
 *
 * Writes a checked document, as sp_project_add_document() does once it has checked it.
 *
 * Returns: the new document's id, or 0 on error
 */
gint64
sp_project_add_checked_document (SpProject                *self,
                                 const SpCheckedDocument  *document,
                                 GError                  **error)
{
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (SP_IS_PROJECT (self), 0);
  g_return_val_if_fail (document != NULL, 0);

  /* Inside an action (an import's transaction) the document gets no savepoint of its own:
   * each savepoint makes the full-text index flush what it holds, which took most of the
   * time of an import. Every rule the rows could break is checked beforehand
   * (sp-checked-document.c), and a duplicate is refused by the first statement, which then
   * undoes itself; what can still fail after the first row is written (I/O, memory) breaks
   * the whole action, which rolls back. */
  if (self->action_depth > 0)
    {
      if (!_sp_project_action_can_write (self, error))
        return 0;
      if (!insert_document (self, document, &id, error))
        {
          if (id != 0)
            _sp_project_break_action (self);
          return 0;
        }
      _sp_project_mark_changed (self, SP_CHANGE_DOCUMENTS);
      return id;
    }

  if (!sp_project_begin_action (self, NULL, error))
    return 0;

  ok = insert_document (self, document, &id, error);
  if (ok)
    _sp_project_mark_changed (self, SP_CHANGE_DOCUMENTS);

  return sp_project_end_action (self, ok, error) ? id : 0;
}

/*
 * _sp_project_index_document:
 * @add: %TRUE to index the row as it is now, %FALSE to take the row as it is now out of the
 *   index (before it changes or goes)
 *
 * Keeps documents_fts in step with one documents row: the index holds no copy of the text,
 * so taking a row out needs the values it was indexed with, which are the row's own.
 */
gboolean
_sp_project_index_document (SpProject  *self,
                            gint64      id,
                            gboolean    add,
                            GError    **error)
{
  g_autoptr(SpStmt) stmt = NULL;

  stmt = _sp_project_prepare (self,
                              add ? SP_FTS_INSERT_SQL : SP_FTS_DELETE_SQL,
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  return _sp_project_step_done (self, stmt, error);
}

/**
 * sp_project_dup_document_sentences:
 * @n_pairs: (out): how many sentences
 *
 * The document's sentences as (start, end) character offsets into its body, in order. A
 * document imported before sentences were stored has none: an empty array. Sentences a
 * project file holds out of order, overlapping or outside the body are not trusted: they
 * are refused with %SP_PROJECT_ERROR_CORRUPT.
 *
 * Returns: (transfer full) (array length=n_pairs): 2 × @n_pairs offsets, or %NULL on error
 */
guint32 *
sp_project_dup_document_sentences (SpProject  *self,
                                   gint64      id,
                                   guint      *n_pairs,
                                   GError    **error)
{
  g_autoptr(SpStmt) stmt = NULL;
  g_autofree char *body = NULL;
  guint32 *pairs;
  int rc;

  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);
  g_return_val_if_fail (n_pairs != NULL, NULL);

  *n_pairs = 0;

  stmt = _sp_project_prepare (self, "SELECT body, sentences FROM documents WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = _sp_project_step_row (self, stmt, _("Could not read the document"), error);
  if (rc <= 0)
    {
      if (rc == 0)
        _sp_project_set_not_found (error, SP_TABLE_DOCUMENTS, id);
      return NULL;
    }

  if (sqlite3_column_type (stmt, 1) == SQLITE_NULL)
    return g_new0 (guint32, 1);

  body = _sp_project_dup_display_text (stmt, 0);
  pairs = _sp_sentences_decode (sqlite3_column_blob (stmt, 1), sqlite3_column_bytes (stmt, 1),
                                body != NULL ? g_utf8_strlen (body, -1) : 0, n_pairs);
  if (pairs == NULL)
    g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_CORRUPT,
                 _("The sentences stored for document %lld are damaged (out of order or outside its text); they are not used"),
                 (long long)id);

  return pairs;
}
