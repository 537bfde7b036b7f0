/* sp-charset.h
 *
 * What encoding an article's bytes are in, when nothing (no byte order mark, no valid
 * UTF-8) says so plainly: the charset a web page declares, ICU's statistical detection for
 * undeclared 8-bit text, and UTF-16 written without a byte order mark.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Below this confidence (0..100) ICU's guess is not taken over Windows-1252 ... */
#define SP_CHARSET_MIN_CONFIDENCE 30
/* ... unless most letters are 8-bit, which Western text never has (Cyrillic, Greek...) */
#define SP_CHARSET_MIN_CONFIDENCE_NON_LATIN 10
/* ...nor when a Western (Windows-1252 or Latin-1) reading is this close behind it */
#define SP_CHARSET_WESTERN_MARGIN 10

char       *sp_charset_sniff_html   (const char  *data,
                                     gsize        length);
char       *sp_charset_guess_8bit   (const char  *data,
                                     gsize        length,
                                     gboolean     markup,
                                     int         *confidence);
const char *sp_charset_guess_utf16  (const char  *data,
                                     gsize        length);
char       *sp_charset_convert      (const char  *data,
                                     gsize        length,
                                     const char  *charset,
                                     GError     **error);

G_END_DECLS
