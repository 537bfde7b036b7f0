/* sp-project-documents.c
 *
 * The documents table and its full-text index. A document's body never changes after
 * import: claim offsets point into it.
 */
#define G_LOG_DOMAIN "sp-project-documents"

#include "config.h"

#include <errno.h>

#include <stdlib.h>

#include <glib/gi18n-lib.h>

#include "sp-document-private.h"
#include "sp-project-private.h"

#define DOCUMENT_COLUMNS \
  "d.id, d.file_name, d.title, d.date, d.source, d.url, d.author, d.body_length, " \
  "(SELECT count(*) FROM claims c WHERE c.document_id = d.id)"

static SpDocument *
document_from_row (SpStmt *stmt)
{
  g_autofree char *file_name = _sp_project_dup_display_text (stmt, 1);
  g_autofree char *title = _sp_project_dup_display_text (stmt, 2);
  g_autofree char *source = _sp_project_dup_display_text (stmt, 4);
  g_autofree char *url = _sp_project_dup_display_text (stmt, 5);
  g_autofree char *author = _sp_project_dup_display_text (stmt, 6);

  return _sp_document_new (sqlite3_column_int64 (stmt, 0),
                           file_name,
                           title,
                           _sp_project_column_text (stmt, 3),
                           source,
                           url,
                           author,
                           sqlite3_column_int (stmt, 7),
                           sqlite3_column_int (stmt, 8));
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
  g_autoptr(SpStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (SP_IS_PROJECT (self), 0);

  if (!(stmt = _sp_project_prepare (self, "SELECT count(*) FROM documents", &error)) ||
      _sp_project_step_row (self, stmt, _("Could not count the documents"), &error) <= 0)
    {
      g_warning ("%s: %s", self->path, error ? error->message : "no result");
      return 0;
    }

  return sqlite3_column_int (stmt, 0);
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
                              "SELECT " DOCUMENT_COLUMNS " FROM documents d ORDER BY d.id",
                              error);
  if (stmt == NULL)
    return NULL;

  items = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = _sp_project_step_row (self, stmt, _("Could not list the documents"), error)) > 0)
    g_ptr_array_add (items, document_from_row (stmt));

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
                              "SELECT " DOCUMENT_COLUMNS " FROM documents d WHERE d.id = ?1",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = _sp_project_step_row (self, stmt, _("Could not read the document"), error);
  if (rc > 0)
    return document_from_row (stmt);

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
  g_autoptr(SpStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);

  *existing_id = 0;

  stmt = _sp_project_prepare (self,
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
insert_document (SpProject               *self,
                 const SpDocumentFields  *fields,
                 gint64                  *id,
                 GError                 **error)
{
  g_autoptr(SpStmt) stmt = NULL;
  g_autoptr(SpStmt) fts = NULL;
  g_autofree char *now = _sp_project_now ();

  stmt = _sp_project_prepare (self,
                              "INSERT INTO documents (file_name, title, date, source, url, author, "
                              "body, body_length, content_hash, text_hash, imported) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
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
  sqlite3_bind_int64 (stmt, 8, g_utf8_strlen (fields->body, -1));
  _sp_project_bind_text (stmt, 9, fields->content_hash);
  _sp_project_bind_text (stmt, 10, fields->text_hash);
  _sp_project_bind_text (stmt, 11, now);

  if (!_sp_project_step_done (self, stmt, error))
    return FALSE;

  *id = sqlite3_last_insert_rowid (self->db);

  fts = _sp_project_prepare (self,
                             "INSERT INTO documents_fts (rowid, title, body) VALUES (?1, ?2, ?3)",
                             error);
  if (fts == NULL)
    return FALSE;

  sqlite3_bind_int64 (fts, 1, *id);
  _sp_project_bind_text (fts, 2, fields->title ? fields->title : "");
  _sp_project_bind_text (fts, 3, fields->body);

  return _sp_project_step_done (self, fts, error);
}

/**
 * sp_project_add_document:
 *
 * Adds an imported article. The importer checks for duplicates first; a hash that is
 * already present is refused here too, with %SP_PROJECT_ERROR_CONFLICT.
 *
 * Returns: the new document's id, or 0 on error
 */
gint64
sp_project_add_document (SpProject               *self,
                         const SpDocumentFields  *fields,
                         GError                 **error)
{
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (SP_IS_PROJECT (self), 0);
  g_return_val_if_fail (fields != NULL, 0);
  g_return_val_if_fail (fields->file_name != NULL, 0);
  g_return_val_if_fail (fields->content_hash != NULL && fields->text_hash != NULL, 0);

  if (fields->body == NULL || fields->body[0] == '\0')
    {
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID,
                   _("%s has no text"), fields->file_name);
      return 0;
    }

  if (!g_utf8_validate (fields->body, -1, NULL))
    {
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID,
                   _("%s: the text is not valid UTF-8"), fields->file_name);
      return 0;
    }

  if (!sp_project_begin_action (self, NULL, error))
    return 0;

  ok = insert_document (self, fields, &id, error);
  if (ok)
    _sp_project_mark_changed (self, SP_CHANGE_DOCUMENTS);

  return sp_project_end_action (self, ok, error) ? id : 0;
}
