/* sp-html-content.h
 *
 * The part of a parsed page that is the article: its text, without the menus, share bars,
 * teasers, comments and boxes around and inside it.
 */
#pragma once

#include <libxml/tree.h>

#include "sp-article.h"
#include "sp-read-budget.h"

G_BEGIN_DECLS

typedef struct
{
  char     *text;        /* tidied, NFC, paragraphs separated by blank lines */
  char     *headline;    /* the text of the content's first <h1>, else of the page's */
  char     *time;        /* the first <time datetime> in the content, as YYYY-MM-DD */
  gboolean  from_reference; /* the page's own text did not hold the article: @text is the reference */
  GArray   *removed;     /* SpRemovedBlock: what was taken out of the article's element, in body order */
} SpHtmlContent;

void     sp_html_content_clear   (SpHtmlContent *content);
gboolean sp_html_content_extract (SpHtmlContent *content,
                                  xmlNode       *body,
                                  const char    *reference,
                                  SpReadBudget  *budget);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SpHtmlContent, sp_html_content_clear)

G_END_DECLS
