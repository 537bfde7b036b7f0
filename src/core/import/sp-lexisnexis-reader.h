/* sp-lexisnexis-reader.h
 *
 * LexisNexis exports: many articles in one plain text, Word or HTML file, each with its source,
 * date, headline, byline and the database's own fields, split into articles.
 */
#pragma once

#include "sp-article.h"
#include "sp-read-budget.h"

G_BEGIN_DECLS

/* How sure the reader is of the date of an export's date line, and of its load date (the day
 * the article entered the database, used when there is no date line) */
#define SP_LEXISNEXIS_DATE_CONFIDENCE      0.9
#define SP_LEXISNEXIS_LOAD_DATE_CONFIDENCE 0.4

gboolean   sp_lexisnexis_detect      (const char    *text);
GPtrArray *sp_lexisnexis_reader_read (const char    *text,
                                      SpReadBudget  *budget,
                                      GError       **error);
GPtrArray *sp_lexisnexis_reader_read_html (const char    *data,
                                           gsize          length,
                                           SpReadBudget  *budget,
                                           GError       **error);

G_END_DECLS
