/* sp-pdf-layout.h
 *
 * A PDF's pages of text made into an article's body: lines joined into paragraphs, and the
 * page's furniture (page numbers, running headers and footers) taken out as removed blocks.
 */
#pragma once

#include "sp-article.h"

G_BEGIN_DECLS

/* Lines this near the top or the bottom of a page are looked at as furniture */
#define SP_PDF_FURNITURE_LINES 2

void sp_pdf_layout (GPtrArray *pages,
                    SpArticle *article);

G_END_DECLS
