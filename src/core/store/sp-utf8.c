/* sp-utf8.c
 *
 * Counting the characters of UTF-8 text without decoding it, for the store's checks and the
 * importer's lines and sentences.
 */
#include "config.h"

#include <string.h>

#include "sp-utf8.h"

/* The characters of valid UTF-8: the bytes that start one. A loop the compiler turns into
 * vector instructions, where g_utf8_strlen() steps from character to character. */
gsize
sp_utf8_count_chars (const char *text,
                     gsize       size)
{
  gsize n = 0;

  for (gsize i = 0; i < size; i++)
    n += ((guchar)text[i] & 0xC0) != 0x80;

  return n;
}

gsize
sp_utf8_ascii_prefix (const char *text,
                      gsize       length)
{
  gsize i = 0;
  guint64 word;

  /* a byte of 0x80 or above has its top bit set */
  while (i + sizeof word <= length)
    {
      memcpy (&word, text + i, sizeof word);
      if ((word & G_GUINT64_CONSTANT (0x8080808080808080)) != 0)
        break;
      i += sizeof word;
    }
  while (i < length && (guchar)text[i] < 0x80)
    i++;

  return i;
}

/* Whether @text (@size bytes without a NUL) is valid UTF-8, as g_utf8_validate_len() says,
 * and how many characters it has. A character of several bytes is made of bytes of 0x80
 * and above only, so the text is valid when each run of such bytes is on its own: ASCII,
 * most of an article, is passed over eight bytes at a time, and only those runs go
 * through GLib's check. */
gboolean
sp_utf8_validate_count (const char *text,
                        gsize       size,
                        glong      *n_chars)
{
  gsize chars = 0;
  gsize i = 0;

  while (i < size)
    {
      gsize ascii = sp_utf8_ascii_prefix (text + i, size - i);
      gsize start;

      i += ascii;
      chars += ascii;
      start = i;
      while (i < size && (guchar)text[i] >= 0x80)
        i++;
      if (i > start)
        {
          if (!g_utf8_validate_len (text + start, i - start, NULL))
            return FALSE;
          chars += sp_utf8_count_chars (text + start, i - start);
        }
    }

  *n_chars = (glong)MIN (chars, (gsize)G_MAXLONG);
  return TRUE;
}
