/* sp-docx-reader.h
 *
 * Word documents (.docx): the text of their paragraphs and the title, author and date of
 * their properties. A LexisNexis export saved as .docx is split into its articles.
 */
#pragma once

#include <gio/gio.h>

#include "sp-read-budget.h"

G_BEGIN_DECLS

GPtrArray *sp_docx_reader_read (GBytes        *bytes,
                                SpReadBudget  *budget,
                                GError       **error);

G_END_DECLS
