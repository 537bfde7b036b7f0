/* sp-html-json-ld.h
 *
 * What a page's JSON-LD (<script type="application/ld+json">) says about its article: the
 * first object typed as an article (NewsArticle, BlogPosting, ReportageNewsArticle...) gives
 * the headline, date, authors, publisher and body; other objects only a date, and only when
 * no article object has one.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  gboolean  has_article;   /* an article object was found */
  char     *headline;
  char     *date;          /* the article's datePublished (else dateCreated), as YYYY-MM-DD */
  char     *any_date;      /* the first datePublished of any object, when no article has one */
  char     *author;        /* names, joined with ", " */
  char     *publisher;
  char     *body;          /* articleBody as given: plain text or markup */
  char     *url;
} SpHtmlJsonLd;

void  sp_html_json_ld_clear (SpHtmlJsonLd *ld);
void  sp_html_json_ld_read  (SpHtmlJsonLd *ld,
                             const char   *json);

char *sp_html_json_ld_date      (const char   *json);
char *sp_html_json_ld_body_text (const char   *body);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SpHtmlJsonLd, sp_html_json_ld_clear)

G_END_DECLS
