/* sp-text-header.h
 *
 * The metadata at the top of a text article: its headline (with site names glued to it
 * taken off), the date and source lines under it, category lines and photo captions. The
 * lines that belong in fields are marked for the cleaner to take out of the body.
 */
#pragma once

#include "sp-article.h"
#include "sp-text-lines.h"

G_BEGIN_DECLS

/* How many lines at the top can hold the article's metadata */
#define SP_TEXT_HEADER_MAX_LINES 8

guint  sp_text_header_read         (SpArticle  *article,
                                    GArray     *lines,
                                    gboolean   *headline_in_body);
char  *sp_text_headline_clean      (const char *headline,
                                    gsize       length,
                                    const char *body);
char  *sp_text_first_words         (const char *text,
                                    gsize       length);
void   sp_text_source_line_read    (SpArticle        *article,
                                    const SpTextLine *line);

G_END_DECLS
