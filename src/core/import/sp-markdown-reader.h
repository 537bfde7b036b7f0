/* sp-markdown-reader.h
 *
 * Markdown articles (as web clippers and crawlers save them), reduced to the text a reader
 * sees.
 */
#pragma once

#include "sp-article.h"
#include "sp-read-budget.h"

G_BEGIN_DECLS

SpArticle *sp_markdown_reader_read (const char    *text,
                                    SpReadBudget  *budget,
                                    GError       **error);

G_END_DECLS
