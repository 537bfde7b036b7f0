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

/* The body's short-line hashes, each once, in order: a document holds a line or not */
static GArray *
distinct_line_hashes (const SpDocumentFields *fields)
{
  GArray *hashes = g_array_sized_new (FALSE, FALSE, sizeof (guint64), fields->n_line_hashes);
  guint n = 0;

  if (fields->n_line_hashes == 0)
    return hashes;

  g_array_append_vals (hashes, fields->line_hashes, fields->n_line_hashes);
  g_array_sort (hashes, (GCompareFunc)_sp_compare_guint64);
  for (guint i = 0; i < hashes->len; i++)
    if (n == 0 || g_array_index (hashes, guint64, i) != g_array_index (hashes, guint64, n - 1))
      g_array_index (hashes, guint64, n++) = g_array_index (hashes, guint64, i);
  g_array_set_size (hashes, n);

  return hashes;
}

/* What must hold before a document is written; the one line names the file and the field */
static gboolean
check_fields (const SpDocumentFields  *fields,
              glong                    length,
              GError                 **error)
{
  const char *texts[] = { fields->title, fields->source, fields->url, fields->author,
                          fields->section, fields->document_type };
  guint previous = 0;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (texts[i] != NULL && !g_utf8_validate (texts[i], -1, NULL))
      {
        g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID,
                     _("%s: the title, source, url, author, section or type is not valid UTF-8"),
                     fields->file_name);
        return FALSE;
      }

  if (fields->date != NULL && !sp_date_is_valid (fields->date))
    {
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID,
                   _("%s: the date “%s” is not a day written as YYYY-MM-DD"),
                   fields->file_name, fields->date);
      return FALSE;
    }

  if ((guint)fields->title_kind > SP_TITLE_KIND_FILE_NAME ||
      (guint)fields->date_source > SP_DATE_SOURCE_ANALYST)
    {
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID,
                   _("%s: how the title or the date was found is not one Standpoint knows"),
                   fields->file_name);
      return FALSE;
    }

  if (!_sp_sentences_are_valid (fields->sentences, fields->n_sentences, length))
    {
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID,
                   _("%s: the sentences are not in order or lie outside the text"), fields->file_name);
      return FALSE;
    }

  for (guint i = 0; i < fields->n_removed; i++)
    {
      const SpRemovedBlockFields *block = &fields->removed[i];

      if (block->offset < previous || block->offset > (guint)length ||
          block->text == NULL || block->text[0] == '\0' || !g_utf8_validate (block->text, -1, NULL) ||
          (block->reason != NULL && !g_utf8_validate (block->reason, -1, NULL)))
        {
          g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID,
                       _("%s: removed block %u is empty, not valid UTF-8, out of order or outside the text"),
                       fields->file_name, i + 1);
          return FALSE;
        }
      previous = block->offset;
    }

  return TRUE;
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
insert_fingerprints (SpProject  *self,
                     gint64      id,
                     guint64     simhash,
                     GArray     *hashes,
                     GError    **error)
{
  g_autoptr(SpCachedStmt) stmt = NULL;
  g_autoptr(GBytes) blob = NULL;

  if (hashes->len == 0 && simhash == 0)
    return TRUE;

  if (!(stmt = _sp_project_prepare_cached (self,
                                           "INSERT INTO document_fingerprints (document_id, simhash, line_hashes) "
                                           "VALUES (?1, ?2, ?3)",
                                           error)))
    return FALSE;

  blob = _sp_hashes_encode ((const guint64 *)(gpointer)hashes->data, hashes->len);
  sqlite3_bind_int64 (stmt, 1, id);
  if (simhash != 0)
    sqlite3_bind_int64 (stmt, 2, (gint64)simhash);
  _sp_project_bind_blob (stmt, 3, blob);
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
insert_document (SpProject               *self,
                 const SpDocumentFields  *fields,
                 glong                    length,
                 gint64                  *id,
                 GError                 **error)
{
  g_autoptr(SpCachedStmt) stmt = NULL;
  g_autoptr(SpCachedStmt) fts = NULL;
  g_autoptr(GBytes) sentences = _sp_sentences_encode (fields->sentences, fields->n_sentences);
  g_autoptr(GArray) lines = distinct_line_hashes (fields);
  g_autofree char *now = _sp_project_now ();
  double confidence = fields->date_confidence;

  if (!(confidence >= 0))
    confidence = 0;
  confidence = MIN (confidence, 1);

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
  sqlite3_bind_int64 (stmt, 8, length);
  _sp_project_bind_text (stmt, 9, fields->content_hash);
  _sp_project_bind_text (stmt, 10, fields->text_hash);
  _sp_project_bind_text (stmt, 11, now);
  _sp_project_bind_text (stmt, 12, sp_title_kind_to_string (fields->title_kind));
  _sp_project_bind_text (stmt, 13, sp_date_source_to_string (fields->date != NULL ? fields->date_source
                                                                                  : SP_DATE_SOURCE_NONE));
  sqlite3_bind_double (stmt, 14, fields->date != NULL ? confidence : 0);
  if (fields->near_duplicate_of > 0)
    sqlite3_bind_int64 (stmt, 15, fields->near_duplicate_of);
  _sp_project_bind_blob (stmt, 16, sentences);
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
         insert_fingerprints (self, *id, fields->simhash, lines, error);
}

/* The characters of valid UTF-8: the bytes that start one. A loop the compiler turns into
 * vector instructions, where g_utf8_strlen() steps from character to character. */
static gsize
count_utf8_chars (const char *text,
                  gsize       size)
{
  gsize n = 0;

  for (gsize i = 0; i < size; i++)
    n += ((guchar)text[i] & 0xC0) != 0x80;

  return n;
}

/* Whether @text (@size bytes without a NUL) is valid UTF-8, as g_utf8_validate_len() says,
 * and how many characters it has. A character of several bytes is made of bytes of 0x80
 * and above only, so the text is valid when each run of such bytes is on its own: ASCII,
 * most of an article, is passed over eight bytes at a time, and only those runs go
 * through GLib's check. */
static gboolean
validate_utf8 (const char *text,
               gsize       size,
               glong      *n_chars)
{
  gsize chars = 0;
  gsize i = 0;

  while (i < size)
    {
      gsize start;
      guint64 word;

      while (i + sizeof word <= size)
        {
          memcpy (&word, text + i, sizeof word);
          if ((word & G_GUINT64_CONSTANT (0x8080808080808080)) != 0)
            break;
          i += sizeof word;
          chars += sizeof word;
        }
      while (i < size && (guchar)text[i] < 0x80)
        {
          i++;
          chars++;
        }

      start = i;
      while (i < size && (guchar)text[i] >= 0x80)
        i++;
      if (i > start)
        {
          if (!g_utf8_validate_len (text + start, i - start, NULL))
            return FALSE;
          chars += count_utf8_chars (text + start, i - start);
        }
    }

  *n_chars = (glong)MIN (chars, (gsize)G_MAXLONG);
  return TRUE;
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
 * Returns: the new document's id, or 0 on error
 */
gint64
sp_project_add_document (SpProject               *self,
                         const SpDocumentFields  *fields,
                         GError                 **error)
{
  gint64 id = 0;
  gsize size;
  glong length;
  gboolean ok;

  g_return_val_if_fail (SP_IS_PROJECT (self), 0);
  g_return_val_if_fail (fields != NULL, 0);
  g_return_val_if_fail (fields->file_name != NULL, 0);
  g_return_val_if_fail (fields->content_hash != NULL && fields->text_hash != NULL, 0);
  g_return_val_if_fail (fields->n_removed == 0 || fields->removed != NULL, 0);
  g_return_val_if_fail (fields->n_sentences == 0 || fields->sentences != NULL, 0);
  g_return_val_if_fail (fields->n_line_hashes == 0 || fields->line_hashes != NULL, 0);

  if (fields->body == NULL || fields->body[0] == '\0')
    {
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID,
                   _("%s has no text"), fields->file_name);
      return 0;
    }

  size = strlen (fields->body);
  if (!validate_utf8 (fields->body, size, &length))
    {
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID,
                   _("%s: the text is not valid UTF-8"), fields->file_name);
      return 0;
    }

  if (length > G_MAXINT32 || !check_fields (fields, length, error))
    {
      if (length > G_MAXINT32)
        g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID,
                     _("%s: the text is too long"), fields->file_name);
      return 0;
    }

  /* Inside an action (an import's transaction) the document gets no savepoint of its own:
   * each savepoint makes the full-text index flush what it holds, which took most of the
   * time of an import. Every rule the rows could break is checked above, and a duplicate is
   * refused by the first statement, which then undoes itself; what can still fail after
   * the first row is written (I/O, memory) breaks the whole action, which rolls back. */
  if (self->action_depth > 0)
    {
      if (!_sp_project_action_can_write (self, error))
        return 0;
      if (!insert_document (self, fields, length, &id, error))
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

  ok = insert_document (self, fields, length, &id, error);
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
