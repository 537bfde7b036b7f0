/* sp-utf8.h
 *
 * Counting the characters of UTF-8 text without decoding it.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How many bytes at the start of [@text, @text + @length) are ASCII (below 0x80), read eight
 * at a time */
gsize     sp_utf8_ascii_prefix   (const char *text,
                                  gsize       length);
/* The characters of valid UTF-8 [@text, @text + @size): its bytes but continuation bytes */
gsize     sp_utf8_count_chars    (const char *text,
                                  gsize       size);
/* Whether [@text, @text + @size) (no NUL) is valid UTF-8, as g_utf8_validate_len() says;
 * @n_chars is set to its characters */
gboolean  sp_utf8_validate_count (const char *text,
                                  gsize       size,
                                  glong      *n_chars);

G_END_DECLS
