/* sp-text-reader.h
 *
 * Readers for plain text and Markdown articles, and the paragraph layout every reader's
 * output ends in.
 */
#pragma once

#include "sp-article.h"

G_BEGIN_DECLS

/* Longer first lines are cut at a word for the title; the body keeps them whole. */
#define SP_TEXT_TITLE_MAX_CHARS 200

SpArticle *sp_text_reader_read_plain    (const char *text);
SpArticle *sp_text_reader_read_markdown (const char *text);

char      *sp_text_tidy                 (const char *text);
char      *sp_text_title_from_body      (const char *body);

G_END_DECLS
