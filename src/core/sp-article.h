/* sp-article.h
 *
 * What a reader makes of one article file before it becomes a document: plain UTF-8 text and
 * the metadata found in the file. Every field is owned by the struct; all but the body may be
 * NULL.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char *title;
  char *date;    /* YYYY-MM-DD */
  char *source;  /* the publication, e.g. from og:site_name */
  char *url;
  char *author;
  char *body;    /* cleaned text: LF line ends, NFC, paragraphs separated by one blank line */
} SpArticle;

SpArticle *sp_article_new  (void);
void       sp_article_free (SpArticle *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpArticle, sp_article_free)

G_END_DECLS
