/* sp-html-reader.c
 *
 * A saved web page is mostly page: menus, scripts, share buttons, teasers, comments. The
 * reader parses it, reads what it says about itself (sp-html-metadata.c: <meta>, <link>,
 * JSON-LD) and takes the article's text from its <body> (sp-html-content.c, which uses the
 * JSON-LD's articleBody, when there is one, to check what it finds). The title is the
 * page's headline, without the site's name glued to it; the date is the article's own,
 * with where it came from and how sure it is; the source is the site's name or domain.
 *
 * The bytes are decoded by sp_text_decode() (with the charset the page declares) before
 * libxml2 sees them, so the parser is always given UTF-8 and told to ignore the page's own
 * declaration; sp_html_bound() first takes out what would make libxml2 slow or stop early.
 * Entities are decoded by libxml2; everything that leaves here is plain text.
 *
 * Every article costs linear time: a constant number of walks visit each node once (the
 * metadata, the content's blocks) and what follows works on the list of blocks. No walk
 * recurses; pages nest deep. Every walk spends from the reader's budget.
 */
#define G_LOG_DOMAIN "sp-html-reader"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include "sp-charset.h"
#include "sp-html-bounds.h"
#include "sp-html-content.h"
#include "sp-html-metadata.h"
#include "sp-html-node.h"
#include "sp-html-reader.h"
#include "sp-text-decode.h"
#include "sp-text-reader.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (htmlParserCtxt, htmlFreeParserCtxt)

#define HTML_OPTIONS (HTML_PARSE_NONET | HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | \
                      HTML_PARSE_NOWARNING | HTML_PARSE_IGNORE_ENC)

static void
ensure_parser (void)
{
  static gsize initialised = 0;

  /* xmlInitParser() must run once before threads parse */
  if (g_once_init_enter (&initialised))
    {
      xmlInitParser ();
      g_once_init_leave (&initialised, 1);
    }
}

/* Normalised to NFC, like every other text that goes into a project */
static char *
nfc (char *text)
{
  g_autofree char *owned = text;

  if (owned == NULL)
    return NULL;

  return g_utf8_normalize (owned, -1, G_NORMALIZE_NFC);
}

/* Parses the page into @doc_out, which stays NULL for a page libxml2 makes no tree of */
static gboolean
parse (const char    *text,
       gsize          length,
       SpReadBudget  *budget,
       xmlDoc       **doc_out,
       GError       **error)
{
  g_autoptr(htmlParserCtxt) context = NULL;
  g_autofree char *bounded = NULL;
  gsize bounded_length = 0;
  htmlDocPtr doc;

  if (!sp_html_bound (text, length, budget, &bounded, &bounded_length, error))
    return FALSE;

  if (bounded != NULL)
    {
      text = bounded;
      length = bounded_length;
    }

  if (length > G_MAXINT)
    {
      g_set_error_literal (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_TOO_LARGE, _("too large"));
      return FALSE;
    }

  ensure_parser ();

  if (!(context = htmlNewParserCtxt ()))
    {
      g_set_error_literal (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_READ, _("out of memory"));
      return FALSE;
    }

  doc = htmlCtxtReadMemory (context, text, (int)length, NULL, "UTF-8", HTML_OPTIONS);

  /* libxml2 halts on what it cannot take (too deep a tree, no memory) and keeps what it
   * read so far: that is not the article */
  if (context->disableSAX != 0 || context->instate == XML_PARSER_EOF)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      g_set_error_literal (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_INCOMPLETE,
                           _("the page could not be read whole (its structure is too deep "
                             "or too large)"));
      return FALSE;
    }

  if (!sp_read_budget_check_clock (budget))
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      sp_read_budget_set_error (budget, error);
      return FALSE;
    }

  *doc_out = doc;
  return TRUE;
}

/**
 * sp_html_reader_read:
 * @data: (array length=length): the page's bytes, in any encoding
 * @budget: (nullable): what reading it may cost; %NULL for the default
 *
 * Reads the article out of a saved web page. Fails as sp_text_decode() does, with
 * %SP_IMPORT_ERROR_TOO_SLOW when the budget runs out, %SP_IMPORT_ERROR_TOO_LARGE for a page
 * with too many elements, and %SP_IMPORT_ERROR_INCOMPLETE when the page could not be read
 * whole; a page without text gives an article with an empty body.
 *
 * Returns: (transfer full): the article
 */
SpArticle *
sp_html_reader_read (const char    *data,
                     gsize          length,
                     SpReadBudget  *budget,
                     GError       **error)
{
  g_autoptr(SpArticle) article = NULL;
  g_autoptr(SpReadBudget) own_budget = NULL;
  g_autofree char *charset = NULL;
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *site_found = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  g_auto(SpHtmlPage) page = { 0 };
  g_auto(SpHtmlContent) content = { 0 };
  xmlNode *top;
  xmlNode *body;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (budget == NULL)
    budget = own_budget = sp_read_budget_new (length);

  charset = sp_charset_sniff_html (data, length);
  if (!(text = sp_text_decode (data, length, charset, SP_TEXT_DECODE_MARKUP, error)))
    return NULL;

  if (!parse (text, strlen (text), budget, &doc, error))
    return NULL;

  article = sp_article_new ();
  if (doc == NULL || (top = xmlDocGetRootElement (doc)) == NULL)
    {
      article->body = g_strdup ("");
      return g_steal_pointer (&article);
    }

  if (!sp_html_page_read (&page, top, budget))
    {
      sp_read_budget_set_error (budget, error);
      return NULL;
    }

  body = top;
  for (xmlNode *node = top; node != NULL; node = sp_html_next_node (node, top))
    if (sp_html_is_named (node, "body"))
      {
        body = node;
        break;
      }

  if (sp_read_budget_is_exhausted (budget) ||
      !sp_html_content_extract (&content, body, page.ld.body, budget))
    {
      sp_read_budget_set_error (budget, error);
      return NULL;
    }

  article->body = nfc (sp_text_tidy (content.text));
  for (guint i = 0; i < content.removed->len; i++)
    {
      const SpRemovedBlock *block = &g_array_index (content.removed, SpRemovedBlock, i);

      sp_article_add_removed (article, block->offset, block->text, block->reason);
    }

  if ((title = sp_html_page_choose_title (&page, content.headline, &site_found)) != NULL &&
      title[0] != '\0')
    article->title = nfc (sp_text_title_from_body (title));
  else
    {
      article->title = sp_text_title_from_body (article->body);
      article->title_kind = SP_TITLE_KIND_FIRST_WORDS;
    }
  article->author = nfc (sp_html_page_find_author (&page));
  if ((article->date = sp_html_page_find_date (&page, content.time,
                                               &article->date_confidence)) != NULL)
    article->date_source = SP_DATE_SOURCE_METADATA;
  article->url = nfc (g_strdup (sp_html_page_find_url (&page)));
  /* Without a name or an address, the name glued to the title is the site's */
  if ((article->source = nfc (sp_html_page_find_source (&page))) == NULL)
    article->source = nfc (g_steal_pointer (&site_found));

  return g_steal_pointer (&article);
}
