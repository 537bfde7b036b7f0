/* test-import-decode.c
 *
 * Turning an article file's bytes into text: byte order marks, binary files, UTF-8,
 * declared charsets, ICU's detection of undeclared 8-bit text, UTF-16 without a mark.
 */
#include "config.h"

#include <string.h>

#include "import-test-util.h"
#include "sp-charset.h"
#include "sp-text-decode.h"

/* Decoding */

static void
test_decode_bom_and_line_ends (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  text = sp_test_decode ("\357\273\277One\r\nTwo\rThree\n\r\nFour", -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "One\nTwo\nThree\n\nFour");
}

static void
test_decode_utf16 (void)
{
  /* "Zoë\r\n€" in UTF-16 LE and BE, each with its byte order mark */
  static const char le[] = "\377\376Z\0o\0\353\0\r\0\n\0\254\040";
  static const char be[] = "\376\377\0Z\0o\0\353\0\r\0\n\040\254";
  g_autoptr(GError) error = NULL;
  g_autofree char *from_le = NULL;
  g_autofree char *from_be = NULL;
  g_autofree char *odd = NULL;

  from_le = sp_test_decode (le, sizeof le - 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (from_le, ==, "Zo\303\253\n\342\202\254");

  from_be = sp_test_decode (be, sizeof be - 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (from_be, ==, from_le);

  /* A byte order mark followed by an odd number of bytes is broken UTF-16 */
  odd = sp_test_decode (le, sizeof le - 2, NULL, &error);
  g_assert_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_ENCODING);
  g_assert_null (odd);
}

static void
test_decode_windows_1252 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *latin1 = NULL;

  /* Not UTF-8, nothing declared: Windows-1252, whose 0x80..0x9F are printable */
  text = sp_test_decode ("\223Caf\351\224 \200 5 \226 done\205", -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "“Café” € 5 – done…");

  /* Declared Latin-1 is read as Windows-1252 too, as browsers do */
  latin1 = sp_test_decode ("\223Caf\351\224", -1, "ISO-8859-1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (latin1, ==, "“Café”");
}

static void
test_decode_declared_charset (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *latin9 = NULL;
  g_autofree char *unknown = NULL;
  g_autofree char *valid_utf8 = NULL;
  g_autofree char *broken = NULL;

  /* 0xA4 is € in ISO-8859-15 but ¤ in Windows-1252 */
  latin9 = sp_test_decode ("3 \244 au c\275ur", -1, "iso-8859-15", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (latin9, ==, "3 € au cœur");

  /* A charset nobody knows falls back to guessing */
  unknown = sp_test_decode ("Caf\351", -1, "x-no-such-charset", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (unknown, ==, "Café");

  /* Valid UTF-8 wins over a declaration that says otherwise */
  valid_utf8 = sp_test_decode ("Caf\303\251", -1, "windows-1251", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (valid_utf8, ==, "Café");

  /* Bytes that are invalid in the declared charset */
  broken = sp_test_decode ("abc \216\376\377", -1, "EUC-JP", &error);
  g_assert_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_ENCODING);
  g_assert_null (broken);
}

static void
test_decode_repair (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *mostly = NULL;
  g_autofree char *bom = NULL;

  /* Mostly UTF-8 with one stray byte: the stray byte is marked, the rest kept */
  mostly = sp_test_decode ("K\303\266ln \342\200\223 M\303\274nchen \351 Z\303\274rich", -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mostly, ==, "Köln – München \357\277\275 Zürich");

  /* A UTF-8 byte order mark is trusted the same way */
  bom = sp_test_decode ("\357\273\277Caf\351", -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bom, ==, "Caf\357\277\275");
}

static const struct {
  const char *text;
  const char *nfc;
} nfc_cases[] = {
  { "Talks in Kyiv \342\200\223 the second day, \320\271 and \303\251 as they are.",
    "Talks in Kyiv \342\200\223 the second day, \320\271 and \303\251 as they are." },
  { "Measured in \342\204\253ngstr\303\266m units, in a text long enough to be text.",
    "Measured in \303\205ngstr\303\266m units, in a text long enough to be text." },
  { "A wide\342\200\201space between two words of a text long enough to be text.",
    "A wide\342\200\203space between two words of a text long enough to be text." },
  { "Seoul: \341\204\222\341\205\241\341\206\253 in jamo, in a text long enough to be text.",
    "Seoul: \355\225\234 in jamo, in a text long enough to be text." },
};

static void
test_decode_controls_and_nfc (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *markup = NULL;

  /* Stray controls (a DOS end-of-file mark, a C1 control, a form feed) and a
   * decomposed é */
  text = sp_test_decode ("Cafe\314\201 one\302\205two\fthree, in a text long enough for one stray "
                 "control character\032", -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "Café one\ntwo\nthree, in a text long enough for one stray "
                   "control character");

  /* Every line end and control rule next to the characters that share their first byte:
   * CR, CRLF, a vertical tab, a C1 control and DEL go, the line and paragraph separators
   * become one and two line ends, a no-break space and a right quotation mark stay */
  g_clear_pointer (&text, g_free);
  text = sp_test_decode ("One\rtwo\r\nthree\vfour\302\200five\177six\342\200\250seven"
                         "\342\200\251eight\302\240nine\342\200\231s ten, a text long enough\r",
                         -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "One\ntwo\nthree\nfourfivesix\nseven\n\neight\302\240nine"
                   "\342\200\231s ten, a text long enough\n");

  markup = sp_text_decode ("<b>e\314\201</b>", 10, NULL, SP_TEXT_DECODE_MARKUP, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (markup, ==, "<b>e\314\201</b>");

  /* Text in NFC already is kept as it is (an en dash, Cyrillic й); characters that NFC
   * replaces on their own (an angstrom sign, an em quad) and Hangul jamo are changed */
  for (guint i = 0; i < G_N_ELEMENTS (nfc_cases); i++)
    {
      g_autofree char *normal = sp_test_decode (nfc_cases[i].text, -1, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (normal, ==, nfc_cases[i].nfc);
    }
}

static void
test_decode_refuses (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  char controls[200];

  text = sp_test_decode ("", 0, NULL, &error);
  g_assert_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_EMPTY);
  g_clear_error (&error);

  text = sp_test_decode (sp_test_png_bytes, sp_test_png_length, NULL, &error);
  g_assert_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_BINARY);
  g_assert_cmpstr (error->message, ==, "binary file, not an article");
  g_clear_error (&error);

  text = sp_test_decode ("plain text\0with a NUL", 21, NULL, &error);
  g_assert_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_BINARY);
  g_clear_error (&error);

  text = sp_test_decode ("%PDF-1.7\n%\342\343\317\323\n", -1, NULL, &error);
  g_assert_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_BINARY);
  g_clear_error (&error);

  /* Text with one control character in a hundred bytes is text; with ten, it is not */
  memset (controls, 'a', sizeof controls);
  controls[50] = '\001';
  text = sp_test_decode (controls, sizeof controls, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (text), ==, sizeof controls - 1);
  g_clear_pointer (&text, g_free);

  for (guint i = 0; i < sizeof controls; i += 10)
    controls[i] = '\002';
  text = sp_test_decode (controls, sizeof controls, NULL, &error);
  g_assert_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_BINARY);
  g_assert_null (text);
}

static void
test_html_sniff_charset (void)
{
  static const struct {
    const char *html;
    const char *charset;
  } cases[] = {
    { "<html><head><meta charset=\"windows-1251\"></head>", "windows-1251" },
    { "<META CHARSET=ISO-8859-2>", "iso-8859-2" },
    { "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\">", "koi8-r" },
    { "<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?><html>", "iso-8859-15" },
    { "<meta name=\"description\" content=\"charset\"><p>charset=x</p>", NULL },
    { "<html><body>no declaration</body></html>", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *charset = sp_charset_sniff_html (cases[i].html, strlen (cases[i].html));

      g_assert_cmpstr (charset, ==, cases[i].charset);
    }
}

/* Undeclared 8-bit text: ICU's detection */

/* The fixture's text as the charset it is in reads it */
static char *
fixture_as (const char *name,
            const char *charset)
{
  g_autoptr(GBytes) bytes = sp_test_fixture_bytes (name);
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);
  char *text = g_convert (data, length, "UTF-8", charset, NULL, NULL, &error);

  g_assert_no_error (error);
  return text;
}

static char *
decode_fixture (const char  *name,
                GError     **error)
{
  g_autoptr(GBytes) bytes = sp_test_fixture_bytes (name);
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);

  return sp_test_decode (data, length, NULL, error);
}

/* Windows-1251 without a declaration imported as "Ïåðåãîâîðû…" */
static void
test_decode_cyrillic (void)
{
  static const char * const fixtures[] = { "ru-cp1251.txt", "uk-cp1251.txt" };

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = decode_fixture (fixtures[i], &error);
      g_autofree char *expected = fixture_as (fixtures[i], "WINDOWS-1251");

      g_assert_no_error (error);
      g_assert_cmpstr (text, ==, expected);
      g_assert_null (strstr (text, "\303\217"));  /* Ï */
    }

  {
    g_autoptr(GError) error = NULL;
    g_autofree char *russian = decode_fixture ("ru-cp1251.txt", &error);
    g_autofree char *ukrainian = decode_fixture ("uk-cp1251.txt", &error);

    g_assert_true (g_str_has_prefix (russian, "Переговоры о перемирии продолжатся в четверг\n"));
    g_assert_true (g_str_has_prefix (ukrainian, "Сторони домовилися про обмін полоненими\n"));
    g_assert_nonnull (strstr (ukrainian, "ґарантій"));
  }
}

/* Western text stays Windows-1252, whatever else ICU thinks it might be */
static void
test_decode_western (void)
{
  static const char * const fixtures[] = { "west-cp1252.txt", "cp1252.txt" };
  g_autoptr(GError) error = NULL;
  g_autofree char *short_text = NULL;
  int confidence = -1;

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autofree char *text = decode_fixture (fixtures[i], &error);
      g_autofree char *expected = fixture_as (fixtures[i], "WINDOWS-1252");
      g_autoptr(GString) lf = g_string_new (NULL);

      g_assert_no_error (error);
      /* cp1252.txt has CRLF and NEL (0x85) line ends, which decoding turns into LF */
      for (const char *p = expected; *p; p++)
        {
          if (p[0] == '\r' && p[1] == '\n')
            continue;
          if ((guchar)p[0] == 0xC2 && (guchar)p[1] == 0x85)
            {
              g_string_append_c (lf, '\n');
              p++;
              continue;
            }
          g_string_append_c (lf, *p);
        }
      g_assert_cmpstr (text, ==, lf->str);
    }

  /* ICU is nearly as sure of a Turkish or a Cyrillic reading of these: the Western one is
   * close enough behind to be taken */
  {
    static const char * const western[] = {
      "Die K\344ufer z\366gerten; B\374rger \374bten Kritik an \336\363r.",
      "\375\360\376 \335\320\336 \347a va",
    };
    static const char * const expected[] = {
      "Die Käufer zögerten; Bürger übten Kritik an Þór.",
      "ýðþ ÝÐÞ ça va",
    };

    for (guint i = 0; i < G_N_ELEMENTS (western); i++)
      {
        g_autofree char *text = sp_test_decode (western[i], -1, NULL, &error);

        g_assert_no_error (error);
        g_assert_cmpstr (text, ==, expected[i]);
      }
  }

  /* A few accented letters are too little for ICU to be sure of anything */
  short_text = sp_test_decode ("R\351sum\351 of the talks", -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (short_text, ==, "Résumé of the talks");

  g_assert_null (sp_charset_guess_8bit ("R\351sum\351", 8, FALSE, &confidence));
  g_assert_cmpint (confidence, ==, 0);
}

/* Other 8-bit charsets ICU knows, through ICU's own converters */
static void
test_decode_other_8bit (void)
{
  static const struct {
    const char *utf8;
    const char *charset;
  } cases[] = {
    { "Η κυβέρνηση ανακοίνωσε ότι οι συνομιλίες θα συνεχιστούν την επόμενη εβδομάδα στην Αθήνα.",
      "ISO-8859-7" },
    { "Переговоры о перемирии продолжатся в четверг, сообщил представитель министерства.",
      "KOI8-R" },
    { "Rząd ogłosił, że rozmowy będą kontynuowane w przyszłym tygodniu w Warszawie; "
      "zażółć gęślą jaźń.", "WINDOWS-1250" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *bytes = g_convert (cases[i].utf8, -1, cases[i].charset, "UTF-8", NULL, NULL, &error);
      g_autofree char *text = NULL;

      g_assert_no_error (error);
      text = sp_test_decode (bytes, -1, NULL, &error);
      g_assert_no_error (error);
      g_test_message ("%s", cases[i].charset);
      g_assert_cmpstr (text, ==, cases[i].utf8);
    }
}

/* UTF-16 without a byte order mark was refused as "binary file" */
static void
test_decode_utf16_unmarked (void)
{
  static const char * const texts[] = {
    "Harbour talks resume\nThe envoy arrived on Monday.\n",
    "Переговоры продолжатся в четверг.\nДелегации встретятся в Минске.\n",
  };
  static const char * const charsets[] = { "UTF-16LE", "UTF-16BE" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    for (guint j = 0; j < G_N_ELEMENTS (charsets); j++)
      {
        g_autoptr(GError) error = NULL;
        gsize length = 0;
        g_autofree char *bytes = g_convert (texts[i], -1, charsets[j], "UTF-8", NULL, &length, &error);
        g_autofree char *text = NULL;

        g_assert_no_error (error);
        g_assert_cmpstr (sp_charset_guess_utf16 (bytes, length), ==, charsets[j]);
        text = sp_test_decode (bytes, length, NULL, &error);
        g_assert_no_error (error);
        g_assert_cmpstr (text, ==, texts[i]);
      }
}

/* Binary data with zero bytes on one side is not taken for UTF-16 */
static void
test_decode_utf16_binary (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint16 samples[512];

  /* 16-bit little-endian numbers below 256: a zero high byte in each */
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    samples[i] = GUINT16_TO_LE (g_rand_int_range (rand, 0, 256));

  text = sp_test_decode ((const char *)samples, sizeof samples, NULL, &error);
  g_assert_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_BINARY);
  g_assert_null (text);
  g_clear_error (&error);

  /* ... nor data that reads as UTF-16 of letters and characters no text uses (private use) */
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    samples[i] = GUINT16_TO_LE (i % 2 == 0 ? g_rand_int_range (rand, 'a', 'z' + 1)
                                           : g_rand_int_range (rand, 0xE001, 0xF8FF));

  text = sp_test_decode ((const char *)samples, sizeof samples, NULL, &error);
  g_assert_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_BINARY);
  g_assert_null (text);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/decode/bom-and-line-ends", test_decode_bom_and_line_ends);
  g_test_add_func ("/import/decode/utf16", test_decode_utf16);
  g_test_add_func ("/import/decode/windows-1252", test_decode_windows_1252);
  g_test_add_func ("/import/decode/declared-charset", test_decode_declared_charset);
  g_test_add_func ("/import/decode/repair", test_decode_repair);
  g_test_add_func ("/import/decode/controls-and-nfc", test_decode_controls_and_nfc);
  g_test_add_func ("/import/decode/refuses", test_decode_refuses);
  g_test_add_func ("/import/decode/cyrillic", test_decode_cyrillic);
  g_test_add_func ("/import/decode/western", test_decode_western);
  g_test_add_func ("/import/decode/other-8bit", test_decode_other_8bit);
  g_test_add_func ("/import/decode/utf16-unmarked", test_decode_utf16_unmarked);
  g_test_add_func ("/import/decode/utf16-binary", test_decode_utf16_binary);
  g_test_add_func ("/import/html/sniff-charset", test_html_sniff_charset);

  return g_test_run ();
}
