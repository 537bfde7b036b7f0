/* sp-html-reader.c
 *
 * A saved web page is mostly page: menus, scripts, share buttons, teasers, comments. The
 * reader parses it, reads what it says about itself (sp-html-metadata.c: <meta>, <link>,
 * JSON-LD) and takes the article's text from its <body> (sp-html-content.c, which uses the
 * JSON-LD's articleBody, when there is one, to check what it finds). The title is the
 * page's headline, without the site's name glued to it; the date is the article's own,
 * with where it came from and how sure it is; the source is the site's name or domain.
 *
 * The page is parsed by sp_xml_parse_html(), as every reader of pages is: decoded with the
 * charset it declares before libxml2 sees it, bounded by sp_html_bound() first, and read
 * whole or not at all.
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

#include "sp-html-content.h"
#include "sp-html-metadata.h"
#include "sp-html-node.h"
#include "sp-html-reader.h"
#include "sp-text-reader.h"
#include "sp-xml-text.h"

/* Normalised to NFC, like every other text that goes into a project */
static char *
nfc (char *text)
{
  g_autofree char *owned = text;

  if (owned == NULL)
    return NULL;

  return g_utf8_normalize (owned, -1, G_NORMALIZE_NFC);
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
  g_autoptr(GError) local_error = NULL;
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

  /* A page libxml2 makes no tree of is an empty article, which the caller refuses */
  if (!(doc = sp_xml_parse_html (data, length, budget, &local_error)) && local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

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
