/* sp-text-reader.h
 *
 * The reader for plain text articles, and the paragraph layout every reader's output ends
 * in.
 */
#pragma once

#include "sp-article.h"
#include "sp-read-budget.h"

G_BEGIN_DECLS

/* Longer first lines are cut at a word for the title; the body keeps them whole. */
#define SP_TEXT_TITLE_MAX_CHARS 200

SpArticle *sp_text_reader_read_plain (const char    *text,
                                      SpReadBudget  *budget,
                                      GError       **error);

char      *sp_text_tidy              (const char    *text);
char      *sp_text_title_from_body   (const char    *body);
char      *sp_text_shorten_title     (const char    *text,
                                      gsize          length);
gsize      sp_text_trimmed_length    (const char    *line,
                                      gsize          length);

G_END_DECLS
