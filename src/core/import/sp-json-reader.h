/* sp-json-reader.h
 *
 * JSON and JSON Lines exports of articles (a news API's response, a scraper's output): one
 * article for each object that has body text.
 */
#pragma once

#include "sp-article.h"
#include "sp-read-budget.h"

G_BEGIN_DECLS

/* json-glib parses recursively: a file (or a line) that nests deeper is refused */
#define SP_JSON_MAX_DEPTH 64

GPtrArray *sp_json_reader_read       (GBytes        *bytes,
                                      SpReadBudget  *budget,
                                      GError       **error);
GPtrArray *sp_json_reader_read_lines (GBytes        *bytes,
                                      SpReadBudget  *budget,
                                      GError       **error);

G_END_DECLS
