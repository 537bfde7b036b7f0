/* sp-checked-document.c
 *
 * Everything about a new document that can be refused or computed without the project: its
 * text is UTF-8 and not too long, its date a day, its sentences and removed blocks inside
 * the body, and the sentences and line hashes encoded as stored. sp_project_add_document()
 * does this on the calling thread; an import does it in its worker threads
 * (sp-import-prepare.c), which leaves its writing thread, the one the import waits for,
 * only the writing. The errors are the same either way: they are made here.
 */
#define G_LOG_DOMAIN "sp-checked-document"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-checked-document-private.h"
#include "sp-project-private.h"
#include "sp-utf8.h"

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

/**
 * sp_checked_document_new:
 * @fields: borrowed by the result, strings and all (the arrays of sentences and line
 *   hashes excepted, which are copied), until it is freed
 *
 * Checks a new document as sp_project_add_document() does, and encodes what it stores; any
 * thread may do this. Fields that break a rule (no text, text that is not UTF-8, a date
 * that is not a day, sentences out of order or outside the body, a removed block outside
 * it) are refused with %SP_PROJECT_ERROR_INVALID naming the file.
 *
 * Returns: (transfer full): the checked document, for sp_project_add_checked_document(),
 *   or %NULL with @error set
 */
SpCheckedDocument *
sp_checked_document_new (const SpDocumentFields  *fields,
                         GError                 **error)
{
  g_autoptr(SpCheckedDocument) self = NULL;
  double confidence;
  gsize size;
  glong length;

  g_return_val_if_fail (fields != NULL, NULL);
  g_return_val_if_fail (fields->file_name != NULL, NULL);
  g_return_val_if_fail (fields->content_hash != NULL && fields->text_hash != NULL, NULL);
  g_return_val_if_fail (fields->n_removed == 0 || fields->removed != NULL, NULL);
  g_return_val_if_fail (fields->n_sentences == 0 || fields->sentences != NULL, NULL);
  g_return_val_if_fail (fields->n_line_hashes == 0 || fields->line_hashes != NULL, NULL);

  if (fields->body == NULL || fields->body[0] == '\0')
    {
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID,
                   _("%s has no text"), fields->file_name);
      return NULL;
    }

  size = strlen (fields->body);
  if (!sp_utf8_validate_count (fields->body, size, &length))
    {
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID,
                   _("%s: the text is not valid UTF-8"), fields->file_name);
      return NULL;
    }

  if (length > G_MAXINT32)
    {
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID,
                   _("%s: the text is too long"), fields->file_name);
      return NULL;
    }

  if (!check_fields (fields, length, error))
    return NULL;

  confidence = fields->date_confidence;
  if (!(confidence >= 0))
    confidence = 0;

  self = g_new0 (SpCheckedDocument, 1);
  self->fields = *fields;
  self->length = length;
  self->date_confidence = fields->date != NULL ? MIN (confidence, 1) : 0;
  self->sentences = _sp_sentences_encode (fields->sentences, fields->n_sentences);
  self->line_hashes = distinct_line_hashes (fields);
  self->line_hashes_blob = _sp_hashes_encode ((const guint64 *)(gpointer)self->line_hashes->data,
                                              self->line_hashes->len);
  if (fields->n_removed > 0)
    self->removed = g_memdup2 (fields->removed, fields->n_removed * sizeof *fields->removed);

  self->fields.removed = self->removed;
  self->fields.sentences = NULL;
  self->fields.n_sentences = 0;
  self->fields.line_hashes = NULL;
  self->fields.n_line_hashes = 0;

  return g_steal_pointer (&self);
}

void
sp_checked_document_free (SpCheckedDocument *self)
{
  if (self == NULL)
    return;

  g_free (self->removed);
  g_clear_pointer (&self->sentences, g_bytes_unref);
  g_clear_pointer (&self->line_hashes, g_array_unref);
  g_clear_pointer (&self->line_hashes_blob, g_bytes_unref);
  g_free (self);
}

/**
 * sp_checked_document_set_near_duplicate_of:
 * @id: a document of the project the document nearly repeats, or 0
 *
 * Known only once the documents before it are written, where a checked document is made
 * earlier.
 */
void
sp_checked_document_set_near_duplicate_of (SpCheckedDocument *self,
                                           gint64             id)
{
  g_return_if_fail (self != NULL);

  self->fields.near_duplicate_of = MAX (id, 0);
}
