/* sp-factiva-reader.h
 *
 * Factiva exports: the articles of a saved Factiva HTML page or of a Factiva XML file
 * (PPSResponse), each with its headline, source, date, author and text.
 */
#pragma once

#include <gio/gio.h>

#include "sp-article.h"
#include "sp-read-budget.h"

G_BEGIN_DECLS

/* How sure the reader is of the date an export gives */
#define SP_FACTIVA_DATE_CONFIDENCE 0.9

gboolean   sp_factiva_detect_html    (const char    *data,
                                      gsize          length);
GPtrArray *sp_factiva_reader_read_html (const char    *data,
                                        gsize          length,
                                        SpReadBudget  *budget,
                                        GError       **error);
GPtrArray *sp_factiva_reader_read_xml  (GBytes        *bytes,
                                        SpReadBudget  *budget,
                                        GError       **error);

G_END_DECLS
