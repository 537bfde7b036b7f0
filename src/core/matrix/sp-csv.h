/* sp-csv.h
 *
 * Writing CSV fields (RFC 4180) for the matrix, claims and documents exports, with the
 * neutralisation of text that a spreadsheet would otherwise run as a formula.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void     sp_csv_append_field       (GString    *line,
                                    const char *text,
                                    gboolean    first);
void     sp_csv_append_text_field  (GString    *line,
                                    const char *text,
                                    gboolean    first);
gboolean sp_csv_needs_neutralising (const char *text);

G_END_DECLS
