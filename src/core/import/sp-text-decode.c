/* sp-text-decode.c
 *
 * Article files come from anywhere: saved web pages, exports of news databases, text pasted
 * into Notepad. The order of the decisions below matters: a byte order mark is the strongest
 * signal, then whether the bytes are binary at all (NUL bytes are, unless they are UTF-16
 * written without a mark), then valid UTF-8 (the common case), then the charset the file
 * declares, then ICU's guess for 8-bit text when it is sure enough (Cyrillic, Greek, Central
 * European...), and last Windows-1252, which decodes every byte and is what an undeclared
 * 8-bit Western file almost always is. The result has LF line ends, no control characters
 * but tab and newline, and is in NFC so that equal text has equal bytes (the duplicate check
 * hashes it).
 */
#define G_LOG_DOMAIN "sp-text-decode"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "sp-charset.h"
#include "sp-text-decode.h"
#include "sp-utf8.h"

/* Above this share of control characters a file without NUL bytes is still binary. */
#define BINARY_CONTROL_PERCENT 2
/* UTF-16 without a mark is believed when at most this share of its characters are
 * unassigned or private: random binary read as UTF-16 has far more. */
#define UTF16_ODD_PER_MILLE 10

/* Signatures of the binary formats people most often drop by mistake. */
static const struct {
  const char *magic;
  gsize       length;
} binary_signatures[] = {
  { "%PDF-", 5 },
  { "PK\003\004", 4 },              /* zip: docx, odt, epub */
  { "\211PNG", 4 },
  { "GIF8", 4 },
  { "\377\330\377", 3 },            /* JPEG */
  { "\037\213", 2 },                /* gzip */
  { "\320\317\021\340", 4 },        /* OLE: doc, xls */
  { "Rar!", 4 },
  { "7z\274\257", 4 },
};

/* Windows-1252 0x80..0x9F; the five unassigned bytes map to the C1 controls (as in the
 * WHATWG encoding standard), which the cleaning pass then drops. */
static const gunichar cp1252_high[32] = {
  0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
  0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

static gboolean
has_binary_signature (const char *data,
                      gsize       length)
{
  for (guint i = 0; i < G_N_ELEMENTS (binary_signatures); i++)
    {
      if (length >= binary_signatures[i].length &&
          memcmp (data, binary_signatures[i].magic, binary_signatures[i].length) == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
is_control_byte (guchar c)
{
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') || c == 0x7F;
}

/* is_control_byte() of each byte */
static const guchar control_bytes[256] = {
  [0x00] = 1, [0x01] = 1, [0x02] = 1, [0x03] = 1, [0x04] = 1, [0x05] = 1, [0x06] = 1,
  [0x07] = 1, [0x08] = 1, [0x0E] = 1, [0x0F] = 1, [0x10] = 1, [0x11] = 1, [0x12] = 1,
  [0x13] = 1, [0x14] = 1, [0x15] = 1, [0x16] = 1, [0x17] = 1, [0x18] = 1, [0x19] = 1,
  [0x1A] = 1, [0x1B] = 1, [0x1C] = 1, [0x1D] = 1, [0x1E] = 1, [0x1F] = 1, [0x7F] = 1,
};

/* NUL bytes, or more control characters than text ever has. Works on any ASCII-compatible
 * encoding, UTF-8 included. */
static gboolean
looks_binary (const char *data,
              gsize       length)
{
  gsize n_control = 0;

  if (memchr (data, '\0', length) != NULL)
    return TRUE;

  /* Without a branch, so that the compiler counts many bytes at once */
  for (gsize i = 0; i < length; i++)
    n_control += control_bytes[(guchar)data[i]];

  return n_control * 100 > length * BINARY_CONTROL_PERCENT;
}

static char *
decode_cp1252 (const char *data,
               gsize       length)
{
  GString *out = g_string_sized_new (length + length / 8);

  for (gsize i = 0; i < length; i++)
    {
      guchar c = data[i];

      if (c < 0x80)
        g_string_append_c (out, c);
      else if (c < 0xA0)
        g_string_append_unichar (out, cp1252_high[c - 0x80]);
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* Whether invalid UTF-8 is mostly UTF-8 with a few broken bytes (a file pieced together
 * from several sources) rather than an 8-bit encoding, which has no valid multi-byte
 * sequences to speak of. */
static gboolean
mostly_utf8 (const char *data,
             gsize       length)
{
  const char *p = data;
  const char *end = data + length;
  gsize n_sequences = 0;
  gsize n_invalid = 0;

  while (p < end)
    {
      const char *stop = NULL;
      gboolean valid = g_utf8_validate_len (p, end - p, &stop);

      for (const char *q = p; q < stop; q++)
        if (((guchar)*q & 0xC0) == 0xC0)
          n_sequences++;

      if (valid)
        break;

      n_invalid++;
      p = stop + 1;
    }

  return n_sequences > 0 && n_invalid <= n_sequences;
}

/* The declared charset as iconv should see it, or NULL when it cannot be used. The name
 * comes from the file, so only plain charset names are passed on. */
static char *
normalise_charset (const char *charset)
{
  g_autofree char *name = NULL;

  if (charset == NULL)
    return NULL;

  name = g_ascii_strdown (charset, -1);
  g_strstrip (name);

  if (name[0] == '\0' || strlen (name) > 40)
    return NULL;

  for (const char *p = name; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_' && *p != '.' && *p != ':')
      return NULL;

  return g_steal_pointer (&name);
}

static gboolean
is_utf8_label (const char *name)
{
  /* A BOM-less "UTF-16" declaration in a byte-oriented file means UTF-8 in practice (and in
   * the HTML standard). */
  return g_str_equal (name, "utf-8") || g_str_equal (name, "utf8") ||
         g_str_equal (name, "unicode-1-1-utf-8") || g_str_has_prefix (name, "utf-16");
}

static gboolean
is_cp1252_label (const char *name)
{
  static const char * const labels[] = {
    "windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "iso_8859-1",
    "latin1", "latin-1", "l1", "us-ascii", "ascii", "cp819", "ibm819",
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (name, labels[i]))
      return TRUE;

  return FALSE;
}

/* The bytes clean_controls() looks at: controls but tab and newline, DEL, and the first
 * bytes of the C1 controls (C2 80..C2 9F) and of the Unicode line and paragraph separators
 * (E2 80 A8, E2 80 A9). Every other byte is copied as it is, a run at a time. */
static const guchar cleaned_bytes[256] = {
  [0x00] = 1, [0x01] = 1, [0x02] = 1, [0x03] = 1, [0x04] = 1, [0x05] = 1, [0x06] = 1,
  [0x07] = 1, [0x08] = 1, [0x0B] = 1, [0x0C] = 1, [0x0D] = 1, [0x0E] = 1, [0x0F] = 1,
  [0x10] = 1, [0x11] = 1, [0x12] = 1, [0x13] = 1, [0x14] = 1, [0x15] = 1, [0x16] = 1,
  [0x17] = 1, [0x18] = 1, [0x19] = 1, [0x1A] = 1, [0x1B] = 1, [0x1C] = 1, [0x1D] = 1,
  [0x1E] = 1, [0x1F] = 1, [0x7F] = 1, [0xC2] = 1, [0xE2] = 1,
};

/* LF line ends; no controls but tab and newline (form feeds and Unicode line separators
 * become line breaks). @text is valid UTF-8, so the C1 controls are exactly the byte pairs
 * C2 80..C2 9F. */
static char *
clean_controls (const char *text,
                gsize       length)
{
  /* Every rule keeps a character's length or shortens it, so the text fits in its own
   * length; bytes go straight into the buffer rather than through a GString */
  char *out = g_malloc (length + 1);
  gsize n = 0;
  gsize i = 0;

  while (i < length)
    {
      gsize start = i;
      guchar c;
      guchar next;

      while (i < length && !cleaned_bytes[(guchar)text[i]])
        i++;
      memcpy (out + n, text + start, i - start);
      n += i - start;
      if (i == length)
        break;

      c = text[i];
      next = i + 1 < length ? (guchar)text[i + 1] : 0;

      if (c == '\r')
        {
          out[n++] = '\n';
          if (next == '\n')
            i++;
        }
      else if (c == '\f' || c == '\v')
        out[n++] = '\n';
      else if (is_control_byte (c))
        ;
      else if (c == 0xC2 && next >= 0x80 && next <= 0x9F)
        {
          if (next == 0x85)  /* NEL */
            out[n++] = '\n';
          i++;
        }
      else if (c == 0xE2 && next == 0x80 && i + 2 < length &&
               ((guchar)text[i + 2] == 0xA8 || (guchar)text[i + 2] == 0xA9))
        {
          out[n++] = '\n';
          if ((guchar)text[i + 2] == 0xA9)
            out[n++] = '\n';
          i += 2;
        }
      else
        out[n++] = c;
      i++;
    }

  out[n] = '\0';
  return out;
}

/* Whether each character of valid UTF-8 @text is one that ICU's quick check passes over on
 * its own: composed as it stands (NFC_Quick_Check "yes") and not combining (class 0), as
 * ASCII and the letters of most text are. Then the whole text passes the check, and it is
 * not turned into UTF-16 to be told so; ASCII is passed over eight bytes at a time. */
static gboolean
is_nfc_by_characters (const char *text,
                      gsize       length)
{
  gsize i = 0;

  while (i < length)
    {
      UChar32 c;

      i += sp_utf8_ascii_prefix (text + i, length - i);
      if (i == length)
        break;

      c = (UChar32)g_utf8_get_char (text + i);
      if (u_getIntPropertyValue (c, UCHAR_NFC_QUICK_CHECK) != UNORM_YES ||
          u_getCombiningClass (c) != 0)
        return FALSE;
      i += g_utf8_skip[(guchar)text[i]];
    }

  return TRUE;
}

/* Whether valid UTF-8 @text is in NFC already, as almost all text is, by ICU's quick check:
 * normalising it (every character decomposed, reordered and composed again) would give
 * the same bytes. FALSE when it cannot tell. */
static gboolean
is_nfc (const char *text,
        gsize       length)
{
  const UNormalizer2 *nfc;
  UErrorCode status = U_ZERO_ERROR;
  g_autofree UChar *utf16 = NULL;
  int32_t n_units = 0;

  if (is_nfc_by_characters (text, length))
    return TRUE;

  if (length >= G_MAXINT32 || !(nfc = unorm2_getNFCInstance (&status)) || U_FAILURE (status))
    return FALSE;

  /* UTF-16 never has more code units than UTF-8 has bytes */
  utf16 = g_new (UChar, length + 1);
  u_strFromUTF8 (utf16, (int32_t)length + 1, &n_units, text, (int32_t)length, &status);
  if (U_FAILURE (status))
    return FALSE;

  return unorm2_quickCheck (nfc, utf16, n_units, &status) == UNORM_YES && U_SUCCESS (status);
}

static char *
set_binary_error (GError **error)
{
  g_set_error_literal (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_BINARY,
                       _("binary file, not an article"));
  return NULL;
}

/* Text that carries a UTF-16 or UTF-32 byte order mark. */
static char *
convert_unicode (const char  *data,
                 gsize        length,
                 const char  *from,
                 const char  *label,
                 GError     **error)
{
  g_autofree char *converted = NULL;
  gsize written = 0;

  converted = g_convert (data, length, "UTF-8", from, NULL, &written, NULL);
  if (converted == NULL)
    {
      g_set_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_ENCODING,
                   _("not valid %s text"), label);
      return NULL;
    }

  if (looks_binary (converted, written))
    return set_binary_error (error);

  return g_steal_pointer (&converted);
}

/* UTF-16 without a byte order mark, when the zero bytes say so and the text reads as text */
static char *
convert_unmarked_utf16 (const char *data,
                        gsize       length)
{
  const char *charset = sp_charset_guess_utf16 (data, length);
  g_autofree char *converted = NULL;
  gsize written = 0;
  gsize n_chars = 0;
  gsize n_odd = 0;

  if (charset == NULL ||
      !(converted = g_convert (data, length, "UTF-8", charset, NULL, &written, NULL)) ||
      looks_binary (converted, written))
    return NULL;

  for (const char *p = converted; *p; p = g_utf8_next_char (p))
    {
      GUnicodeType type = g_unichar_type (g_utf8_get_char (p));

      n_chars++;
      if (type == G_UNICODE_UNASSIGNED || type == G_UNICODE_PRIVATE_USE ||
          type == G_UNICODE_SURROGATE)
        n_odd++;
    }

  if (n_odd * 1000 > n_chars * UTF16_ODD_PER_MILLE)
    return NULL;

  return g_steal_pointer (&converted);
}

/* The UTF-8 that the raw bytes stand for, before cleaning. */
static char *
to_utf8 (const char         *data,
         gsize               length,
         const char         *charset,
         SpTextDecodeFlags   flags,
         GError            **error)
{
  g_autofree char *name = normalise_charset (charset);
  g_autofree char *guess = NULL;
  gboolean utf8_bom = FALSE;

  if (has_binary_signature (data, length))
    return set_binary_error (error);

  /* UTF-32LE first: its mark starts like UTF-16LE's */
  if (length >= 4 && memcmp (data, "\377\376\0\0", 4) == 0)
    return convert_unicode (data + 4, length - 4, "UTF-32LE", "UTF-32", error);
  if (length >= 4 && memcmp (data, "\0\0\376\377", 4) == 0)
    return convert_unicode (data + 4, length - 4, "UTF-32BE", "UTF-32", error);
  if (length >= 2 && memcmp (data, "\377\376", 2) == 0)
    return convert_unicode (data + 2, length - 2, "UTF-16LE", "UTF-16", error);
  if (length >= 2 && memcmp (data, "\376\377", 2) == 0)
    return convert_unicode (data + 2, length - 2, "UTF-16BE", "UTF-16", error);

  if (length >= 3 && memcmp (data, "\357\273\277", 3) == 0)
    {
      data += 3;
      length -= 3;
      utf8_bom = TRUE;
    }

  if (!utf8_bom && memchr (data, '\0', length) != NULL)
    {
      char *utf16 = convert_unmarked_utf16 (data, length);

      return utf16 != NULL ? utf16 : set_binary_error (error);
    }

  if (looks_binary (data, length))
    return set_binary_error (error);

  if (g_utf8_validate_len (data, length, NULL))
    return g_strndup (data, length);

  /* A UTF-8 mark is a promise: keep its text and mark the broken bytes. */
  if (utf8_bom)
    return g_utf8_make_valid (data, length);

  if (name != NULL && !is_utf8_label (name) && !is_cp1252_label (name))
    {
      g_autoptr(GError) local_error = NULL;
      char *converted;

      converted = g_convert (data, length, "UTF-8", name, NULL, NULL, &local_error);
      if (converted != NULL)
        return converted;

      if (!g_error_matches (local_error, G_CONVERT_ERROR, G_CONVERT_ERROR_NO_CONVERSION))
        {
          g_set_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_ENCODING,
                       _("not valid %s text"), charset);
          return NULL;
        }

      g_debug ("No converter for the declared charset %s; guessing", name);
    }

  if (mostly_utf8 (data, length))
    return g_utf8_make_valid (data, length);

  /* A declared Western charset is believed; anything else may be guessed */
  if ((name == NULL || !is_cp1252_label (name)) &&
      (guess = sp_charset_guess_8bit (data, length, (flags & SP_TEXT_DECODE_MARKUP) != 0, NULL)))
    {
      char *converted = sp_charset_convert (data, length, guess, NULL);

      if (converted != NULL)
        return converted;
    }

  return decode_cp1252 (data, length);
}

/**
 * sp_text_decode:
 * @data: (array length=length): the file's bytes
 * @charset: (nullable): the charset the file declares (an HTML meta charset), used when the
 *   bytes are neither valid UTF-8 nor marked with a byte order mark
 *
 * Decodes an article file. The UTF-8 byte order mark is removed, UTF-16 and UTF-32 with a
 * byte order mark and UTF-16 without one are converted, valid UTF-8 is kept, other text is
 * converted from @charset, else from the charset ICU detects with confidence, else from
 * Windows-1252. CRLF and CR become LF; control characters other than tab and
 * newline are dropped; the result is in NFC unless @flags has %SP_TEXT_DECODE_MARKUP.
 *
 * Fails with %SP_IMPORT_ERROR_EMPTY for no bytes, %SP_IMPORT_ERROR_BINARY for data that is
 * not text, and %SP_IMPORT_ERROR_ENCODING for bytes that are invalid in the encoding their
 * byte order mark or @charset names. Messages do not name the file: the caller does.
 *
 * Returns: (transfer full): the text
 */
char *
sp_text_decode (const char         *data,
                gsize               length,
                const char         *charset,
                SpTextDecodeFlags   flags,
                GError            **error)
{
  g_autofree char *utf8 = NULL;
  g_autofree char *clean = NULL;
  gsize clean_length;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length == 0)
    {
      g_set_error_literal (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_EMPTY, _("empty file"));
      return NULL;
    }

  if (!(utf8 = to_utf8 (data, length, charset, flags, error)))
    return NULL;

  clean = clean_controls (utf8, strlen (utf8));
  clean_length = strlen (clean);

  if ((flags & SP_TEXT_DECODE_MARKUP) != 0 || sp_utf8_ascii_prefix (clean, clean_length) == clean_length ||
      is_nfc (clean, clean_length))
    return g_steal_pointer (&clean);

  return g_utf8_normalize (clean, -1, G_NORMALIZE_NFC);
}
