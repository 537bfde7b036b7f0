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
char      *sp_markdown_to_text     (const char    *text,
                                    SpReadBudget  *budget,
                                    GError       **error);
gboolean   sp_markdown_detect      (const char    *text);

G_END_DECLS
