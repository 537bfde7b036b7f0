/* sp-field-text.c
 *
 * The readers of structured files (JSON, e-mail, PDF) get their text from a library rather
 * than from sp_text_decode(), so the cleaning that the decoder gives a text file is done
 * here: libraries pass on whatever the file holds, control characters and broken UTF-8
 * included (a JSON string may escape any code point).
 */
#define G_LOG_DOMAIN "sp-field-text"

#include "config.h"

#include <string.h>

#include "sp-field-text.h"

static gboolean
is_kept_control (gunichar c)
{
  return c == '\t' || c == '\n';
}

/**
 * sp_field_text_clean:
 * @text: (array length=length): text, UTF-8 or nearly
 * @length: its length in bytes, or -1 when it ends with a NUL
 *
 * Broken UTF-8 is marked with U+FFFD, CRLF, CR and the Unicode line and paragraph separators
 * become LF, other control characters (but tab) and byte order marks are dropped, and the
 * result is in NFC.
 *
 * Returns: (transfer full): the cleaned text
 */
char *
sp_field_text_clean (const char *text,
                     gssize      length)
{
  g_autofree char *valid = NULL;
  g_autofree char *raw = NULL;
  GString *out;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  if (length < 0)
    length = strlen (text);

  valid = g_utf8_make_valid (text != NULL ? text : "", length);
  out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\r')
        {
          g_string_append_c (out, '\n');
          if (p[1] == '\n')
            p++;
        }
      else if (c == 0x2028 || c == 0x2029 || c == 0x85)
        g_string_append_c (out, '\n');
      else if (c == '\f' || c == '\v')
        g_string_append_c (out, '\n');
      else if (g_unichar_iscntrl (c) && !is_kept_control (c))
        continue;
      else if (c == 0xFEFF)
        continue;
      else
        g_string_append_unichar (out, c);
    }

  raw = g_string_free (out, FALSE);
  return g_utf8_normalize (raw, -1, G_NORMALIZE_NFC);
}

/**
 * sp_field_text_line:
 *
 * sp_field_text_clean() on one line of metadata (a title, an author, a date): every run of
 * whitespace, line breaks included, becomes one space, and the ends are trimmed.
 *
 * Returns: (transfer full) (nullable): the line, or %NULL when nothing but whitespace is left
 */
char *
sp_field_text_line (const char *text,
                    gssize      length)
{
  g_autofree char *clean = sp_field_text_clean (text, length);
  GString *out = g_string_sized_new (strlen (clean));
  gboolean space = FALSE;

  for (const char *p = clean; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        space = out->len > 0;
      else
        {
          if (space)
            g_string_append_c (out, ' ');
          g_string_append_unichar (out, c);
          space = FALSE;
        }
    }

  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }

  return g_string_free (out, FALSE);
}
