/* sp-front-matter.h
 *
 * The YAML front matter at the top of text and Markdown articles: metadata, not text.
 */
#pragma once

#include "sp-article.h"

G_BEGIN_DECLS

gsize sp_front_matter_read (const char *text,
                            SpArticle  *article);

G_END_DECLS
