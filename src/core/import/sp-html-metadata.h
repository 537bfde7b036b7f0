/* sp-html-metadata.h
 *
 * What a web page says about itself: its <title>, <meta> and <link rel=canonical> tags and
 * the JSON-LD it carries, and the article's title, author and date chosen from them.
 */
#pragma once

#include <libxml/tree.h>

#include "sp-html-json-ld.h"
#include "sp-read-budget.h"

G_BEGIN_DECLS

typedef struct
{
  char       *title;      /* <title> */
  GHashTable *meta;       /* <meta> name, property or itemprop → content */
  char       *canonical;
  SpHtmlJsonLd ld;
} SpHtmlPage;

void        sp_html_page_clear        (SpHtmlPage   *page);
gboolean    sp_html_page_read         (SpHtmlPage   *page,
                                       xmlNode      *top,
                                       SpReadBudget *budget);
const char *sp_html_page_get_meta     (SpHtmlPage   *page,
                                       const char   *key);
char       *sp_html_page_find_author  (SpHtmlPage   *page);
char       *sp_html_page_find_date    (SpHtmlPage   *page,
                                       const char   *content_time,
                                       double       *confidence);
const char *sp_html_page_find_url     (SpHtmlPage   *page);
char       *sp_html_page_find_source  (SpHtmlPage   *page);
char       *sp_html_page_choose_title (SpHtmlPage   *page,
                                       const char   *h1,
                                       char        **site_found);
char       *sp_html_title_strip_site  (const char   *title,
                                       const char   *site,
                                       const char   *url,
                                       char        **site_found);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SpHtmlPage, sp_html_page_clear)

G_END_DECLS
