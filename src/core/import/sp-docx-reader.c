/* sp-docx-reader.c
 *
 * A .docx file is a zip archive of XML parts. The text is in word/document.xml: each
 * paragraph (w:p) becomes a paragraph of the body, its runs' text (w:t) is joined, a tab
 * (w:tab) stays a tab, a line break (w:br, w:cr) a line break and a non-breaking hyphen a
 * hyphen. Deleted text (w:delText) and field codes (w:instrText) are not w:t and are left
 * out, and so are the old place of moved text (w:moveFrom) and the fallback copy of an
 * alternate content block (mc:Fallback), which repeat text found elsewhere. The title,
 * author and creation date come from docProps/core.xml when it has them.
 *
 * The archive is unpacked under the bounds of sp-zip-entries.h; a file that is not a zip
 * archive, or a zip without word/document.xml, is refused with its reason.
 */
#define G_LOG_DOMAIN "sp-docx-reader"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-article.h"
#include "sp-date-scan.h"
#include "sp-docx-reader.h"
#include "sp-import-formats.h"
#include "sp-lexisnexis-reader.h"
#include "sp-text-reader.h"
#include "sp-xml-text.h"
#include "sp-zip-entries.h"

#define DOCUMENT_PART   "word/document.xml"
#define PROPERTIES_PART "docProps/core.xml"

#define WORD_NAMESPACE "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

/* The creation date of a document is often, not always, the article's */
#define CREATED_DATE_CONFIDENCE 0.5

static gboolean
is_word (xmlNode    *node,
         const char *local_name)
{
  return sp_xml_is_named (node, local_name) && node->ns != NULL && node->ns->href != NULL &&
         strcmp ((const char *)node->ns->href, WORD_NAMESPACE) == 0;
}

/* The paragraphs' text: paragraphs separated by a blank line, line breaks kept */
static char *
document_text (xmlDoc        *doc,
               SpReadBudget  *budget,
               GError       **error)
{
  xmlNode *top = xmlDocGetRootElement (doc);
  g_autoptr(GString) text = g_string_new (NULL);
  xmlNode *node = top;

  while (node != NULL)
    {
      gboolean into_children = TRUE;

      if (!sp_read_budget_spend (budget, 1))
        {
          sp_read_budget_set_error (budget, error);
          return NULL;
        }

      if (is_word (node, "p"))
        {
          if (text->len > 0)
            g_string_append (text, "\n\n");
        }
      else if (is_word (node, "tab"))
        g_string_append_c (text, '\t');
      else if (is_word (node, "br") || is_word (node, "cr"))
        g_string_append_c (text, '\n');
      else if (is_word (node, "t"))
        {
          g_autofree char *run = sp_xml_text_of (node, budget);

          g_string_append (text, run);
          into_children = FALSE;
        }
      else if (is_word (node, "noBreakHyphen"))
        g_string_append_c (text, '-');
      else if (sp_xml_is_named (node, "Fallback") || is_word (node, "moveFrom"))
        into_children = FALSE;

      node = sp_xml_next_node (node, top, into_children);
    }

  if (sp_read_budget_is_exhausted (budget))
    {
      sp_read_budget_set_error (budget, error);
      return NULL;
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The first element named @local_name in the properties */
static char *
property (xmlDoc       *doc,
          const char   *local_name,
          SpReadBudget *budget)
{
  xmlNode *top = xmlDocGetRootElement (doc);

  for (xmlNode *node = top; node != NULL; node = sp_xml_next_node (node, top, TRUE))
    if (sp_xml_is_named (node, local_name))
      {
        g_autofree char *text = sp_xml_text_of (node, budget);

        return sp_xml_field (text);
      }

  return NULL;
}

/* The title, author and date the document's properties give; a part that is not
 * well-formed gives none (the text is what matters), but the budget still counts */
static void
read_properties (GBytes       *part,
                 SpArticle    *article,
                 SpReadBudget *budget)
{
  g_autoptr(xmlDoc) doc = NULL;
  g_autofree char *created = NULL;
  gsize length;
  const char *data;

  if (part == NULL)
    return;

  data = g_bytes_get_data (part, &length);
  sp_read_budget_allow (budget, length);
  if (!(doc = sp_xml_parse (data, length, PROPERTIES_PART, budget, NULL)) ||
      xmlDocGetRootElement (doc) == NULL)
    return;

  article->title = property (doc, "title", budget);
  article->author = property (doc, "creator", budget);
  created = property (doc, "created", budget);
  if ((article->date = sp_date_parse (created)) != NULL)
    {
      article->date_source = SP_DATE_SOURCE_METADATA;
      article->date_confidence = CREATED_DATE_CONFIDENCE;
    }
}

/**
 * sp_docx_reader_read:
 * @budget: (nullable): what reading it may cost
 *
 * Reads a Word document: one article, or the articles of a LexisNexis export (see
 * sp_lexisnexis_reader_read()). Fails as sp_zip_read_entries() does, and with
 * %SP_IMPORT_ERROR_UNSUPPORTED for a zip archive that is not a Word document.
 *
 * Returns: (transfer full) (element-type SpArticle): the articles, or %NULL with @error set
 */
GPtrArray *
sp_docx_reader_read (GBytes        *bytes,
                     SpReadBudget  *budget,
                     GError       **error)
{
  static const char * const parts[] = { DOCUMENT_PART, PROPERTIES_PART, NULL };
  g_autoptr(GHashTable) entries = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(SpArticle) article = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  GBytes *document;
  const char *data;
  gsize length;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  if (!(entries = sp_zip_read_entries (data, length, parts, budget, error)))
    return NULL;

  if (!(document = g_hash_table_lookup (entries, DOCUMENT_PART)))
    {
      g_set_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_UNSUPPORTED,
                   _("not a Word document: the zip archive has no %s"), DOCUMENT_PART);
      return NULL;
    }

  /* What was unpacked is the input the rest reads */
  data = g_bytes_get_data (document, &length);
  sp_read_budget_allow (budget, length);
  if (!(doc = sp_xml_parse (data, length, DOCUMENT_PART, budget, error)) ||
      !(raw = document_text (doc, budget, error)))
    return NULL;

  text = sp_xml_clean (raw);

  if (sp_lexisnexis_detect (text))
    return sp_lexisnexis_reader_read (text, budget, error);

  article = sp_article_new ();
  read_properties (g_hash_table_lookup (entries, PROPERTIES_PART), article, budget);
  if (sp_read_budget_set_error (budget, error))
    return NULL;
  article->body = sp_text_tidy (text);
  if (article->title == NULL)
    article->title = sp_text_title_from_body (article->body);

  return sp_import_articles_new (g_steal_pointer (&article));
}
