/* sp-charset.c
 *
 * ICU's detector (ucsdet) guesses from byte statistics and is often nearly as sure of a
 * Central European or Turkish reading of Western text as of the right one, so its guess only
 * wins when it is confident and clearly ahead of every Western reading; otherwise the
 * caller falls back to Windows-1252, which decodes every byte and is what undeclared 8-bit
 * Western text almost always is. Text whose letters are mostly 8-bit cannot be Western, and
 * there a weaker guess is taken (ICU's model of Windows-1251 is Russian, and is much less
 * sure of Ukrainian). Text ICU recognises is converted with ICU itself, which knows every
 * name its detector gives.
 */
#define G_LOG_DOMAIN "sp-charset"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include "sp-article.h"
#include "sp-charset.h"

/* How far into a page its charset declaration is looked for */
#define SNIFF_BYTES (64 * 1024)
/* How much text the detector and the UTF-16 check look at */
#define DETECT_BYTES (256 * 1024)
/* A declaration longer than this is not a tag anyone wrote */
#define MAX_META_LENGTH 1024
/* UTF-16 without a mark: this share of code units has a zero byte on one side ... */
#define UTF16_MIN_ZERO_PERCENT 5
/* ... and the other side has at most this share of the zero bytes */
#define UTF16_MAX_OTHER_PERCENT 10

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UCharsetDetector, ucsdet_close)

/**
 * sp_charset_sniff_html:
 * @data: (array length=length): the page's bytes
 *
 * Finds the charset a page declares in a <meta charset>, a <meta http-equiv="Content-Type">
 * or an XML declaration near its start.
 *
 * Returns: (transfer full) (nullable): the declared charset's name, in lower case
 */
char *
sp_charset_sniff_html (const char *data,
                       gsize       length)
{
  g_autofree char *head = NULL;
  const char *end;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  head = g_ascii_strdown (data != NULL ? data : "", MIN (length, SNIFF_BYTES));
  end = head + strlen (head);

  /* <?xml version="1.0" encoding="..."?> */
  if (g_str_has_prefix (head, "<?xml"))
    {
      const char *close = strstr (head, "?>");
      const char *enc = close != NULL ? g_strstr_len (head, close - head, "encoding=") : NULL;

      if (enc != NULL)
        {
          enc += strlen ("encoding=");
          if (*enc == '"' || *enc == '\'')
            {
              const char *quote = memchr (enc + 1, *enc, close - enc - 1);

              if (quote != NULL && quote > enc + 1)
                return g_strndup (enc + 1, quote - enc - 1);
            }
        }
    }

  /* Each <meta is looked at up to its '>' and the search goes on after it, so that no byte
   * is looked at twice */
  for (const char *p = strstr (head, "<meta"); p != NULL; )
    {
      const char *close = memchr (p, '>', MIN ((gsize)(end - p), MAX_META_LENGTH));
      const char *value;
      gsize n = 0;

      if (close == NULL)
        {
          p = strstr (p + 5, "<meta");
          continue;
        }

      if ((value = g_strstr_len (p, close - p, "charset=")) != NULL)
        {
          value += strlen ("charset=");
          while (*value == '"' || *value == '\'' || *value == ' ')
            value++;

          while (value + n < close &&
                 (g_ascii_isalnum (value[n]) || value[n] == '-' || value[n] == '_' ||
                  value[n] == '.' || value[n] == ':'))
            n++;

          if (n > 0)
            return g_strndup (value, n);
        }

      p = strstr (close, "<meta");
    }

  return NULL;
}

static gboolean
is_western (const char *name)
{
  return g_ascii_strcasecmp (name, "windows-1252") == 0 ||
         g_ascii_strcasecmp (name, "ISO-8859-1") == 0;
}

/* Whether most letters are 8-bit bytes: Western text has a few accented letters among
 * ASCII ones, Cyrillic or Greek text in an 8-bit charset almost no ASCII letters. In markup
 * only the text between tags counts. */
static gboolean
mostly_8bit_letters (const char *data,
                     gsize       length,
                     gboolean    markup)
{
  gboolean in_tag = FALSE;
  gsize n_ascii = 0;
  gsize n_high = 0;

  for (gsize i = 0; i < length; i++)
    {
      guchar c = data[i];

      if (markup && (c == '<' || c == '>'))
        in_tag = c == '<';
      else if (in_tag)
        continue;
      else if (c >= 0x80)
        n_high++;
      else if (g_ascii_isalpha (c))
        n_ascii++;
    }

  return n_high > n_ascii;
}

static gboolean
is_unicode (const char *name)
{
  return g_ascii_strncasecmp (name, "UTF-", 4) == 0;
}

/**
 * sp_charset_guess_8bit:
 * @data: (array length=length): text that is neither valid UTF-8 nor declared
 * @markup: whether @data is a web page (its tags are left out of the statistics)
 * @confidence: (out) (optional): ICU's confidence in the guess, 0..100
 *
 * Returns: (transfer full) (nullable): the charset ICU is sure enough of, or %NULL to read
 *   the text as Windows-1252
 */
char *
sp_charset_guess_8bit (const char *data,
                       gsize       length,
                       gboolean    markup,
                       int        *confidence)
{
  g_autoptr(UCharsetDetector) detector = NULL;
  const UCharsetMatch **matches;
  const UCharsetMatch *best = NULL;
  UErrorCode status = U_ZERO_ERROR;
  int32_t n_matches = 0;
  int32_t best_confidence = 0;
  int32_t western = 0;

  if (confidence != NULL)
    *confidence = 0;

  detector = ucsdet_open (&status);
  if (U_FAILURE (status))
    return NULL;

  ucsdet_enableInputFilter (detector, markup);
  ucsdet_setText (detector, data, (int32_t)MIN (length, DETECT_BYTES), &status);
  matches = ucsdet_detectAll (detector, &n_matches, &status);
  if (U_FAILURE (status) || matches == NULL)
    return NULL;

  /* The matches come best first */
  for (int32_t i = 0; i < n_matches; i++)
    {
      const char *name = ucsdet_getName (matches[i], &status);
      int32_t c = ucsdet_getConfidence (matches[i], &status);

      if (U_FAILURE (status) || name == NULL || is_unicode (name))
        continue;

      if (is_western (name))
        western = MAX (western, c);
      else if (best == NULL)
        {
          best = matches[i];
          best_confidence = c;
        }
    }

  if (best == NULL || best_confidence < western + SP_CHARSET_WESTERN_MARGIN ||
      best_confidence < (mostly_8bit_letters (data, MIN (length, DETECT_BYTES), markup)
                           ? SP_CHARSET_MIN_CONFIDENCE_NON_LATIN : SP_CHARSET_MIN_CONFIDENCE))
    return NULL;

  if (confidence != NULL)
    *confidence = best_confidence;

  return g_strdup (ucsdet_getName (best, &status));
}

/**
 * sp_charset_guess_utf16:
 * @data: (array length=length): text with NUL bytes in it
 *
 * UTF-16 without a byte order mark shows itself by its zero bytes: Latin, Cyrillic or Greek
 * text has them in the high byte of every space, digit and ASCII letter, and almost never in
 * the low byte. Whether the text really is UTF-16 is for the conversion to show.
 *
 * Returns: (nullable): "UTF-16LE", "UTF-16BE", or %NULL
 */
const char *
sp_charset_guess_utf16 (const char *data,
                        gsize       length)
{
  gsize n_even = 0;
  gsize n_odd = 0;
  gsize units;
  gsize most;
  gsize other;

  if (length < 4 || length % 2 != 0)
    return NULL;

  length = MIN (length, DETECT_BYTES);
  units = length / 2;

  for (gsize i = 0; i < length; i += 2)
    {
      if (data[i] == '\0')
        n_even++;
      if (data[i + 1] == '\0')
        n_odd++;
    }

  most = MAX (n_even, n_odd);
  other = MIN (n_even, n_odd);

  if (most * 100 < units * UTF16_MIN_ZERO_PERCENT || other * 100 > most * UTF16_MAX_OTHER_PERCENT)
    return NULL;

  /* Little-endian puts the high byte second */
  return n_odd > n_even ? "UTF-16LE" : "UTF-16BE";
}

/**
 * sp_charset_convert:
 * @charset: a name ICU knows (as sp_charset_guess_8bit() gives)
 *
 * Converts with ICU; bytes that have no character in @charset become U+FFFD.
 *
 * Returns: (transfer full): UTF-8 text, or %NULL with %SP_IMPORT_ERROR_ENCODING
 */
char *
sp_charset_convert (const char  *data,
                    gsize        length,
                    const char  *charset,
                    GError     **error)
{
  g_autofree char *out = NULL;
  UErrorCode status = U_ZERO_ERROR;
  int32_t needed;

  if (length > G_MAXINT32 / 4)
    {
      g_set_error_literal (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_TOO_LARGE, _("too large"));
      return NULL;
    }

  /* Asking for the size first; every byte of an 8-bit charset gives at most 3 bytes */
  needed = ucnv_convert ("UTF-8", charset, NULL, 0, data, (int32_t)length, &status);
  if (status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING)
    status = U_ZERO_ERROR;

  if (U_SUCCESS (status))
    {
      out = g_malloc ((gsize)needed + 1);
      ucnv_convert ("UTF-8", charset, out, needed + 1, data, (int32_t)length, &status);
    }

  if (U_FAILURE (status) || !g_utf8_validate_len (out, needed, NULL))
    {
      g_set_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_ENCODING,
                   _("not valid %s text"), charset);
      return NULL;
    }

  out[needed] = '\0';
  return g_steal_pointer (&out);
}
