/* sp-pdf-reader.h
 *
 * PDF files with a text layer (a saved or printed article): the text page by page, and the
 * title, author and creation date of the document's information dictionary. Read with
 * poppler-glib when the build has it; a scan without text is refused, not read by OCR.
 */
#pragma once

#include <gio/gio.h>

#include "sp-read-budget.h"

G_BEGIN_DECLS

/* Longer documents are not articles, and are refused */
#define SP_PDF_MAX_PAGES 500

GPtrArray *sp_pdf_reader_read (GBytes        *bytes,
                               SpReadBudget  *budget,
                               GError       **error);

G_END_DECLS
