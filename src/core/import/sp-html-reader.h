/* sp-html-reader.h
 *
 * Saved web pages: the article's text and metadata, without the page around it.
 */
#pragma once

#include "sp-article.h"

G_BEGIN_DECLS

char      *sp_html_sniff_charset (const char  *data,
                                  gsize        length);
SpArticle *sp_html_reader_read   (const char  *data,
                                  gsize        length,
                                  GError     **error);

G_END_DECLS
