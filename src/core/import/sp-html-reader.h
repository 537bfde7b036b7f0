/* sp-html-reader.h
 *
 * Saved web pages: the article's text and metadata, without the page around it.
 */
#pragma once

#include "sp-article.h"
#include "sp-read-budget.h"

G_BEGIN_DECLS

SpArticle *sp_html_reader_read (const char    *data,
                                gsize          length,
                                SpReadBudget  *budget,
                                GError       **error);

G_END_DECLS
