/* sp-import-formats.c
 *
 * The table of formats the importer reads. A reader for a new format is a function of
 * SpImportReadFunc's shape and one row below; the listing, the importer, the messages that
 * name the readable extensions and the fuzz harnesses follow from the table.
 *
 * sp_import_format_read() runs a reader under its budget and gives every article it makes
 * what the importer expects of it: text in the body, a title, and the date of the text's
 * header when the file's metadata had none.
 */
#define G_LOG_DOMAIN "sp-import-formats"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-date-scan.h"
#include "sp-docx-reader.h"
#include "sp-eml-reader.h"
#include "sp-factiva-reader.h"
#include "sp-html-reader.h"
#include "sp-import-formats.h"
#include "sp-importer.h"
#include "sp-json-reader.h"
#include "sp-lexisnexis-reader.h"
#include "sp-markdown-reader.h"
#include "sp-pdf-reader.h"
#include "sp-text-decode.h"
#include "sp-text-reader.h"

/**
 * sp_import_articles_new:
 * @article: (transfer full) (nullable): an article, or %NULL
 *
 * Returns: (transfer full) (element-type SpArticle) (nullable): a list of the one article,
 *   for readers of files that hold one; %NULL when @article is
 */
GPtrArray *
sp_import_articles_new (SpArticle *article)
{
  GPtrArray *articles;

  if (article == NULL)
    return NULL;

  articles = g_ptr_array_new_with_free_func ((GDestroyNotify)sp_article_free);
  g_ptr_array_add (articles, article);
  return articles;
}

static const char *
bytes_data (GBytes *bytes,
            gsize  *length)
{
  const char *data = g_bytes_get_data (bytes, length);

  return data != NULL ? data : "";
}

static GPtrArray *
read_html (GBytes        *bytes,
           SpReadBudget  *budget,
           GError       **error)
{
  gsize length;
  const char *data = bytes_data (bytes, &length);

  /* A Factiva export is an HTML page of articles */
  if (sp_factiva_detect_html (data, length))
    {
      g_autoptr(GPtrArray) articles = sp_factiva_reader_read_html (data, length, budget, error);

      if (articles == NULL || articles->len > 0)
        return g_steal_pointer (&articles);
    }
  else
    {
      /* So is a LexisNexis export */
      g_autoptr(GPtrArray) articles = sp_lexisnexis_reader_read_html (data, length, budget, error);

      if (articles == NULL || articles->len > 0)
        return g_steal_pointer (&articles);
    }

  return sp_import_articles_new (sp_html_reader_read (data, length, budget, error));
}

static GPtrArray *
read_text (GBytes        *bytes,
           SpReadBudget  *budget,
           GError       **error)
{
  gsize length;
  const char *data = bytes_data (bytes, &length);
  g_autofree char *text = sp_text_decode (data, length, NULL, SP_TEXT_DECODE_DEFAULT, error);

  if (text == NULL)
    return NULL;

  /* A LexisNexis export is a text file of articles */
  if (sp_lexisnexis_detect (text))
    return sp_lexisnexis_reader_read (text, budget, error);

  return sp_import_articles_new (sp_text_reader_read_plain (text, budget, error));
}

static GPtrArray *
read_markdown (GBytes        *bytes,
               SpReadBudget  *budget,
               GError       **error)
{
  gsize length;
  const char *data = bytes_data (bytes, &length);
  g_autofree char *text = sp_text_decode (data, length, NULL, SP_TEXT_DECODE_DEFAULT, error);

  if (text == NULL)
    return NULL;

  return sp_import_articles_new (sp_markdown_reader_read (text, budget, error));
}

static const char * const text_extensions[] = { "txt", NULL };
static const char * const markdown_extensions[] = { "md", "markdown", NULL };
static const char * const html_extensions[] = { "html", "htm", NULL };
static const char * const docx_extensions[] = { "docx", NULL };
static const char * const factiva_xml_extensions[] = { "xml", NULL };
static const char * const json_extensions[] = { "json", NULL };
static const char * const json_lines_extensions[] = { "jsonl", "ndjson", NULL };
static const char * const eml_extensions[] = { "eml", NULL };
static const char * const pdf_extensions[] = { "pdf", NULL };

static const SpImportFormat formats[] = {
  { "text", text_extensions, read_text },
  { "markdown", markdown_extensions, read_markdown },
  { "html", html_extensions, read_html },
  { "docx", docx_extensions, sp_docx_reader_read },
  { "factiva-xml", factiva_xml_extensions, sp_factiva_reader_read_xml },
  { "json", json_extensions, sp_json_reader_read },
  { "json-lines", json_lines_extensions, sp_json_reader_read_lines },
  { "eml", eml_extensions, sp_eml_reader_read },
  { "pdf", pdf_extensions, sp_pdf_reader_read },
};

/**
 * sp_import_formats_get:
 * @n_formats: (out): how many there are
 *
 * Returns: every format the importer reads, for file choosers and listings
 */
const SpImportFormat *
sp_import_formats_get (guint *n_formats)
{
  *n_formats = G_N_ELEMENTS (formats);
  return formats;
}

/**
 * sp_import_format_for_name:
 *
 * Returns: (nullable): the format of a file, by its name's extension (in any case), or %NULL
 */
const SpImportFormat *
sp_import_format_for_name (const char *file_name)
{
  const char *dot;
  g_autofree char *extension = NULL;

  g_return_val_if_fail (file_name != NULL, NULL);

  if ((dot = strrchr (file_name, '.')) == NULL || dot[1] == '\0')
    return NULL;

  extension = g_ascii_strdown (dot + 1, -1);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_strv_contains (formats[i].extensions, extension))
      return &formats[i];

  return NULL;
}

/**
 * sp_import_formats_describe:
 *
 * Returns: the extensions the importer reads, for messages: ".txt, .md, … or .htm"
 */
const char *
sp_import_formats_describe (void)
{
  static char *described;

  if (g_once_init_enter (&described))
    {
      g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_free);
      GString *text = g_string_new (NULL);

      for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
        for (guint j = 0; formats[i].extensions[j] != NULL; j++)
          g_ptr_array_add (all, g_strconcat (".", formats[i].extensions[j], NULL));

      for (guint i = 0; i < all->len; i++)
        {
          if (i > 0)
            /* TRANSLATORS: between the last two extensions in a list: ".html or .htm" */
            g_string_append (text, i + 1 == all->len ? _(" or ") : ", ");
          g_string_append (text, g_ptr_array_index (all, i));
        }

      g_once_init_leave (&described, g_string_free (text, FALSE));
    }

  return described;
}

static gboolean
has_text (const char *body)
{
  for (const char *p = body; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return TRUE;

  return FALSE;
}

/* Whether @articles has one that is not a skip; else @error says why, with what was skipped */
static gboolean
has_article (GPtrArray  *articles,
             GError    **error)
{
  g_autoptr(GString) skipped = g_string_new (NULL);

  for (guint i = 0; i < articles->len; i++)
    {
      SpArticle *article = g_ptr_array_index (articles, i);

      if (article->skipped == NULL)
        return TRUE;
      g_string_append_printf (skipped, skipped->len > 0 ? "; %s" : "%s", article->skipped);
    }

  if (skipped->len > 0)
    g_set_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_EMPTY, _("no article: %s"), skipped->str);
  else
    g_set_error_literal (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_EMPTY, _("no text to import"));

  return FALSE;
}

/**
 * sp_import_format_read:
 *
 * Reads @bytes with @format's reader under a budget for their size, and completes each
 * article: an article without text is refused (a file whose every article is empty fails),
 * what the reader skipped (an entry with only SpArticle.skipped set) stays in the list,
 * the date comes from the text's header when the file's metadata had none, and an article
 * without a title gets its first words.
 *
 * Returns: (transfer full) (element-type SpArticle): at least one article, or %NULL with
 *   @error set
 */
GPtrArray *
sp_import_format_read (const SpImportFormat  *format,
                       GBytes                *bytes,
                       GError               **error)
{
  g_autoptr(SpReadBudget) budget = NULL;
  g_autoptr(GPtrArray) articles = NULL;

  g_return_val_if_fail (format != NULL, NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  budget = sp_read_budget_new (g_bytes_get_size (bytes));
  if (!(articles = format->read (bytes, budget, error)))
    return NULL;

  for (guint i = articles->len; i > 0; i--)
    {
      SpArticle *article = g_ptr_array_index (articles, i - 1);

      if (article->skipped == NULL && (article->body == NULL || !has_text (article->body)))
        g_ptr_array_remove_index (articles, i - 1);
    }

  if (!has_article (articles, error))
    return NULL;

  for (guint i = 0; i < articles->len; i++)
    {
      SpArticle *article = g_ptr_array_index (articles, i);

      /* What a reader skipped stays in the list, to be reported */
      if (article->skipped != NULL)
        continue;

      /* A reader that found a date and did not say where is taken at its word, no more */
      if (article->date != NULL && article->date_source == SP_DATE_SOURCE_NONE)
        {
          article->date_source = SP_DATE_SOURCE_TEXT;
          article->date_confidence = 0.5;
        }
      else if (article->date == NULL &&
               (article->date = sp_date_scan_header (article->body, SP_IMPORT_HEADER_LINES)) != NULL)
        {
          article->date_source = SP_DATE_SOURCE_DATELINE;
          article->date_confidence = 0.6;
        }

      if (article->title == NULL || article->title[0] == '\0')
        {
          g_free (article->title);
          article->title = sp_text_title_from_body (article->body);
          article->title_kind = SP_TITLE_KIND_FIRST_WORDS;
        }
    }

  return g_steal_pointer (&articles);
}
