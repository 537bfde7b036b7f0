/* sp-text-cleaner.h
 *
 * Takes what is not the article out of an article's body: share bars, ads, teasers of other
 * articles, newsletter and comment boxes, petitions, glued-on unrelated pieces, and lines
 * that belong in fields (source, dateline, categories). Every block it takes out is kept in
 * the article's removed blocks, so that nothing is lost and the analyst can put it back.
 *
 * Lines that recur across the documents of a project are site furniture: the importer tells
 * the cleaner how many other documents hold each of an article's lines.
 */
#pragma once

#include "sp-article.h"

G_BEGIN_DECLS

/* Returns: how many other documents (in the project and the batch being imported) hold the
 * line whose hash is @line_hash */
typedef guint (*SpLineCountFunc) (guint64  line_hash,
                                  gpointer user_data);

guint64  sp_text_line_hash   (const char       *line,
                              gsize             length);
GArray  *sp_text_line_hashes (const char       *body);
void     sp_text_clean       (SpArticle        *article,
                              SpLineCountFunc   count,
                              gpointer          user_data);

G_END_DECLS
