/* sp-pdf-reader.c
 *
 * A PDF's text layer, read with poppler-glib, page after page in poppler's reading order,
 * and laid out in paragraphs without the pages' furniture by sp-pdf-layout.c.
 *
 * Poppler cannot be interrupted inside a page, so the budget's clock is looked at between
 * pages, and documents of more than SP_PDF_MAX_PAGES pages are refused. Poppler's global
 * state is made on first use and is not safe to make from two threads at once: one PDF is
 * read at a time.
 */
#define G_LOG_DOMAIN "sp-pdf-reader"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-import-formats.h"
#include "sp-pdf-reader.h"

#if HAVE_POPPLER

#include <poppler.h>

#include "sp-field-text.h"
#include "sp-pdf-layout.h"
#include "sp-text-reader.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

static GMutex poppler_lock;

/* The information dictionary's title, unless it is an application's stand-in for one */
static char *
read_title (PopplerDocument *document)
{
  g_autofree char *raw = poppler_document_get_title (document);
  g_autofree char *title = raw != NULL ? sp_field_text_line (raw, -1) : NULL;
  g_autofree char *lower = NULL;

  if (title == NULL)
    return NULL;

  lower = g_ascii_strdown (title, -1);
  if (g_str_has_prefix (lower, "microsoft word - ") || g_str_has_suffix (lower, ".doc") ||
      g_str_has_suffix (lower, ".docx") || g_str_has_suffix (lower, ".pdf") ||
      g_str_has_suffix (lower, ".indd") || g_str_equal (lower, "untitled") ||
      g_str_has_prefix (lower, "untitled "))
    return NULL;

  return sp_text_title_from_body (title);
}

static SpArticle *
read_document (GBytes        *bytes,
               SpReadBudget  *budget,
               GError       **error)
{
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(GError) poppler_error = NULL;
  g_autoptr(SpArticle) article = NULL;
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDateTime) created = NULL;
  g_autofree char *author = NULL;
  int n_pages;

  if (!(document = poppler_document_new_from_bytes (bytes, NULL, &poppler_error)))
    {
      if (g_error_matches (poppler_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        g_set_error_literal (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_READ,
                             _("the PDF is encrypted (it needs a password to be opened)"));
      else
        g_set_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_READ,
                     _("not a PDF that can be read (%s)"), poppler_error->message);
      return NULL;
    }

  n_pages = poppler_document_get_n_pages (document);
  if (n_pages > SP_PDF_MAX_PAGES)
    {
      g_set_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_TOO_LARGE,
                   _("the PDF has %d pages; an article has at most %d"), n_pages, SP_PDF_MAX_PAGES);
      return NULL;
    }

  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (document, i);
      g_autofree char *page_text = page != NULL ? poppler_page_get_text (page) : NULL;

      if (!sp_read_budget_check_clock (budget) ||
          !sp_read_budget_spend (budget, page_text != NULL ? strlen (page_text) + 1 : 1))
        {
          sp_read_budget_set_error (budget, error);
          return NULL;
        }

      g_ptr_array_add (pages, sp_field_text_clean (page_text != NULL ? page_text : "", -1));
    }

  article = sp_article_new ();
  sp_pdf_layout (pages, article);
  if (article->body[0] == '\0')
    {
      g_set_error_literal (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_EMPTY,
                           n_pages == 0 ? _("the PDF has no pages")
                                        : _("the PDF has no text layer (a scan: it needs "
                                            "text recognition first)"));
      return NULL;
    }

  if ((article->title = read_title (document)) != NULL)
    article->title_kind = SP_TITLE_KIND_HEADLINE;

  author = poppler_document_get_author (document);
  if (author != NULL)
    article->author = sp_field_text_line (author, -1);

  /* When the PDF was made, which for a saved article is the day it was read or printed: a
   * weak sign of the article's own date */
  if ((created = poppler_document_get_creation_date_time (document)) != NULL &&
      g_date_time_get_year (created) >= 1990)
    {
      article->date = g_date_time_format (created, "%Y-%m-%d");
      article->date_source = SP_DATE_SOURCE_METADATA;
      article->date_confidence = 0.4;
    }

  return g_steal_pointer (&article);
}

/**
 * sp_pdf_reader_read:
 * @bytes: a PDF file
 * @budget: (nullable): what reading it may cost; %NULL for the default
 *
 * Fails with %SP_IMPORT_ERROR_READ for a file poppler cannot open (damaged, not a PDF, or
 * encrypted), %SP_IMPORT_ERROR_EMPTY for a PDF without a text layer,
 * %SP_IMPORT_ERROR_TOO_LARGE for one of more than %SP_PDF_MAX_PAGES pages, and
 * %SP_IMPORT_ERROR_TOO_SLOW when the budget runs out.
 *
 * Returns: (transfer full) (element-type SpArticle): the document's article
 */
GPtrArray *
sp_pdf_reader_read (GBytes        *bytes,
                    SpReadBudget  *budget,
                    GError       **error)
{
  g_autoptr(SpReadBudget) own_budget = NULL;
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);

  if (g_bytes_get_size (bytes) == 0)
    {
      g_set_error_literal (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_EMPTY, _("empty file"));
      return NULL;
    }

  if (budget == NULL)
    budget = own_budget = sp_read_budget_new (g_bytes_get_size (bytes));

  locker = g_mutex_locker_new (&poppler_lock);
  return sp_import_articles_new (read_document (bytes, budget, error));
}

#else /* !HAVE_POPPLER */

GPtrArray *
sp_pdf_reader_read (GBytes        *bytes,
                    SpReadBudget  *budget,
                    GError       **error)
{
  g_set_error_literal (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_UNSUPPORTED,
                       _("PDF files are not supported in this build (it was built without "
                         "poppler-glib)"));
  return NULL;
}

#endif /* HAVE_POPPLER */
