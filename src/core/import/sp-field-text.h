/* sp-field-text.h
 *
 * Text that a library hands over already decoded (a JSON string, a mail header, a PDF's
 * text layer and info dictionary) made into what every reader's output is: valid UTF-8 in
 * NFC, LF line ends, no control characters but tab and newline.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *sp_field_text_clean (const char *text,
                           gssize      length);
char *sp_field_text_line  (const char *text,
                           gssize      length);

G_END_DECLS
