/* sp-project-document-edits.c
 *
 * What an analyst changes about documents after import: their metadata, and deleting them.
 * Both are undo steps like every other edit. A document's rows in other tables go with it
 * (claims, only when asked; suggestions, removed blocks; its fingerprint and line hashes;
 * other documents' marks as its near duplicates), each recorded for undo,
 * and the full-text index follows the documents row.
 */
#define G_LOG_DOMAIN "sp-project-documents"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-project-private.h"

/* NULL for an empty value, the way the other optional fields store "none" */
static const char *
nullable (const char *value)
{
  return value != NULL && value[0] != '\0' ? value : NULL;
}

static gboolean
check_metadata (const SpDocumentMetadata  *metadata,
                GError                   **error)
{
  const char *texts[] = { metadata->title, metadata->source, metadata->url, metadata->author };
  g_autofree char *title = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (texts[i] != NULL && !g_utf8_validate (texts[i], -1, NULL))
      {
        g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID,
                     _("The title, source, url or author is not valid UTF-8"));
        return FALSE;
      }

  title = g_strstrip (g_strdup (metadata->title ? metadata->title : ""));
  if (title[0] == '\0')
    {
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID,
                   _("A document's title cannot be empty"));
      return FALSE;
    }

  if (metadata->date != NULL && !sp_date_is_valid (metadata->date))
    {
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID,
                   _("“%s” is not a date: write it as YYYY-MM-DD"), metadata->date);
      return FALSE;
    }

  return TRUE;
}

static gboolean
write_metadata (SpProject                 *self,
                gint64                     id,
                const SpDocumentMetadata  *metadata,
                gboolean                   date_changed,
                GError                   **error)
{
  g_autoptr(SpStmt) stmt = NULL;

  stmt = _sp_project_prepare (self,
                              "UPDATE documents SET title = ?2, date = ?3, source = ?4, url = ?5, "
                              "author = ?6, "
                              "date_source = CASE WHEN ?7 THEN 'analyst' ELSE date_source END, "
                              "date_confidence = CASE WHEN ?7 THEN 1 ELSE date_confidence END "
                              "WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  _sp_project_bind_text (stmt, 2, metadata->title);
  _sp_project_bind_text (stmt, 3, metadata->date);
  _sp_project_bind_text (stmt, 4, nullable (metadata->source));
  _sp_project_bind_text (stmt, 5, nullable (metadata->url));
  _sp_project_bind_text (stmt, 6, nullable (metadata->author));
  sqlite3_bind_int (stmt, 7, date_changed);

  return _sp_project_step_done (self, stmt, error);
}

/**
 * sp_project_update_document:
 * @metadata: the document's title, date, source, url and author as they are to be
 *
 * Changes what an analyst can change about a document, as one undo step. A date that
 * differs from the stored one becomes the analyst's (%SP_DATE_SOURCE_ANALYST, full
 * confidence). The title is searched again under its new words.
 */
gboolean
sp_project_update_document (SpProject                 *self,
                            gint64                     id,
                            const SpDocumentMetadata  *metadata,
                            GError                   **error)
{
  g_autoptr(SpDocument) document = NULL;
  gboolean date_changed;
  gboolean ok;

  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (metadata != NULL, FALSE);

  if (!check_metadata (metadata, error) ||
      !(document = sp_project_get_document (self, id, error)))
    return FALSE;

  date_changed = g_strcmp0 (sp_document_get_date (document), metadata->date) != 0;

  if (!sp_project_begin_action (self, _("Edit Document"), error))
    return FALSE;

  ok = _sp_project_touch (self, SP_TABLE_DOCUMENTS, id, error) &&
       _sp_project_index_document (self, id, FALSE, error) &&
       write_metadata (self, id, metadata, date_changed, error) &&
       _sp_project_index_document (self, id, TRUE, error);
  if (ok)
    _sp_project_mark_changed (self, SP_CHANGE_DOCUMENTS);

  return sp_project_end_action (self, ok, error);
}

static gboolean
delete_document_rows (SpProject  *self,
                      gint64      id,
                      GError    **error)
{
  return _sp_project_delete_rows (self, SP_TABLE_SUGGESTIONS,
                                  "SELECT id FROM suggestions WHERE document_id = ?1", id, error) &&
         _sp_project_delete_rows (self, SP_TABLE_CLAIMS,
                                  "SELECT id FROM claims WHERE document_id = ?1", id, error) &&
         _sp_project_delete_rows (self, SP_TABLE_REMOVALS,
                                  "SELECT id FROM removals WHERE document_id = ?1", id, error) &&
         _sp_project_delete_rows (self, SP_TABLE_DOCUMENT_FINGERPRINTS,
                                  "SELECT document_id FROM document_fingerprints WHERE document_id = ?1",
                                  id, error) &&
         /* Other documents marked as near duplicates of this one lose the mark */
         _sp_project_update_rows (self, SP_TABLE_DOCUMENTS,
                                  "SELECT id FROM documents WHERE near_duplicate_of = ?1",
                                  "UPDATE documents SET near_duplicate_of = NULL WHERE id = ?1",
                                  id, 0, error) &&
         /* A discovered speaker stays when the document it was seen in goes; it no longer
          * points there */
         _sp_project_update_rows (self, SP_TABLE_SPEAKERS,
                                  "SELECT id FROM speakers WHERE document_id = ?1",
                                  "UPDATE speakers SET document_id = NULL WHERE id = ?1",
                                  id, 0, error) &&
         _sp_project_touch (self, SP_TABLE_DOCUMENTS, id, error) &&
         _sp_project_index_document (self, id, FALSE, error) &&
         _sp_project_delete_row (self, SP_TABLE_DOCUMENTS, id, error);
}

/**
 * sp_project_delete_document:
 * @with_claims: whether the document's claims go with it; when %FALSE, a document with
 *   claims is refused with %SP_PROJECT_ERROR_IN_USE (the window asks first)
 *
 * Deletes a document with its suggestions and removed blocks, as one undo step.
 */
gboolean
sp_project_delete_document (SpProject  *self,
                            gint64      id,
                            gboolean    with_claims,
                            GError    **error)
{
  g_autoptr(SpDocument) document = NULL;
  guint n_claims;
  gboolean ok;

  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);

  if (!(document = sp_project_get_document (self, id, error)))
    return FALSE;

  n_claims = sp_document_get_claim_count (document);
  if (n_claims > 0 && !with_claims)
    {
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_IN_USE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "Document %lld “%s” has %u claim; delete it with its claim, or keep it",
                                "Document %lld “%s” has %u claims; delete it with its claims, or keep it",
                                n_claims),
                   (long long)id, sp_document_get_title (document), n_claims);
      return FALSE;
    }

  if (!sp_project_begin_action (self, _("Delete Document"), error))
    return FALSE;

  ok = delete_document_rows (self, id, error);
  _sp_project_forget_fingerprints (self);
  if (ok)
    _sp_project_mark_changed (self, SP_CHANGE_DOCUMENTS | SP_CHANGE_SUGGESTIONS |
                                    (n_claims > 0 ? SP_CHANGE_CLAIMS : 0));

  return sp_project_end_action (self, ok, error);
}
