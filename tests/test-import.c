/* test-import.c
 *
 * Article import: decoding, the readers, date finding and the batch import into a
 * project. The fixtures in fixtures/import/ are articles written for these tests; the
 * tests at the end read the shared corpus (../shared/corpus, or $SP_CORPUS_DIR) when it
 * is there and skip otherwise.
 */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "sp-date-scan.h"
#include "sp-html-reader.h"
#include "sp-importer.h"
#include "sp-text-decode.h"
#include "sp-text-reader.h"

/* Helpers */

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "import", name, NULL);
}

static GBytes *
fixture_bytes (const char *name)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static char *
make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("sp-import-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static char *
write_file (const char *dir,
            const char *name,
            const char *data,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *parent = NULL;
  char *path = g_build_filename (dir, name, NULL);

  parent = g_path_get_dirname (path);
  g_assert_cmpint (g_mkdir_with_parents (parent, 0755), ==, 0);
  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);

  return path;
}

static char *
copy_fixture (const char *dir,
              const char *fixture,
              const char *name)
{
  g_autoptr(GBytes) bytes = fixture_bytes (fixture);
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);

  return write_file (dir, name, data, length);
}

static SpProject *
new_project (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "test.standpoint", NULL);
  SpProject *project = sp_project_create (path, &error);

  g_assert_no_error (error);
  return project;
}

static SpImportReport *
import_paths (SpProject          *project,
              const char * const *paths)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  SpImportReport *report;

  for (guint i = 0; paths[i] != NULL; i++)
    g_ptr_array_add (files, g_file_new_for_path (paths[i]));

  report = sp_import_paths (project, (GFile * const *)files->pdata, files->len,
                            NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);

  return report;
}

static SpImportReport *
import_path (SpProject  *project,
             const char *path)
{
  const char *paths[] = { path, NULL };

  return import_paths (project, paths);
}

static const SpImportEntry *
entry_for (SpImportReport *report,
           const char     *base_name)
{
  for (guint i = 0; i < sp_import_report_get_n_entries (report); i++)
    {
      const SpImportEntry *entry = sp_import_report_get_entry (report, i);
      g_autofree char *name = g_path_get_basename (entry->path);

      if (g_str_equal (name, base_name))
        return entry;
    }

  g_error ("No report entry for %s", base_name);
  return NULL;
}

static char *
decode (const char  *data,
        gssize       length,
        const char  *charset,
        GError     **error)
{
  return sp_text_decode (data, length < 0 ? strlen (data) : (gsize)length, charset,
                         SP_TEXT_DECODE_DEFAULT, error);
}

/* A PNG's first bytes: signature, then the IHDR chunk of a 1×1 image */
static const char png_bytes[] =
  "\211PNG\r\n\032\n\0\0\0\rIHDR\0\0\0\001\0\0\0\001\010\006\0\0\0\037\025\304\211";

/* Decoding */

static void
test_decode_bom_and_line_ends (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  text = decode ("\357\273\277One\r\nTwo\rThree\n\r\nFour", -1, NULL, &error);
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

  from_le = decode (le, sizeof le - 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (from_le, ==, "Zo\303\253\n\342\202\254");

  from_be = decode (be, sizeof be - 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (from_be, ==, from_le);

  /* A byte order mark followed by an odd number of bytes is broken UTF-16 */
  odd = decode (le, sizeof le - 2, NULL, &error);
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
  text = decode ("\223Caf\351\224 \200 5 \226 done\205", -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "“Café” € 5 – done…");

  /* Declared Latin-1 is read as Windows-1252 too, as browsers do */
  latin1 = decode ("\223Caf\351\224", -1, "ISO-8859-1", &error);
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
  latin9 = decode ("3 \244 au c\275ur", -1, "iso-8859-15", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (latin9, ==, "3 € au cœur");

  /* A charset nobody knows falls back to guessing */
  unknown = decode ("Caf\351", -1, "x-no-such-charset", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (unknown, ==, "Café");

  /* Valid UTF-8 wins over a declaration that says otherwise */
  valid_utf8 = decode ("Caf\303\251", -1, "windows-1251", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (valid_utf8, ==, "Café");

  /* Bytes that are invalid in the declared charset */
  broken = decode ("abc \216\376\377", -1, "EUC-JP", &error);
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
  mostly = decode ("K\303\266ln \342\200\223 M\303\274nchen \351 Z\303\274rich", -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mostly, ==, "Köln – München \357\277\275 Zürich");

  /* A UTF-8 byte order mark is trusted the same way */
  bom = decode ("\357\273\277Caf\351", -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bom, ==, "Caf\357\277\275");
}

static void
test_decode_controls_and_nfc (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *markup = NULL;

  /* Stray controls (a DOS end-of-file mark, a C1 control, a form feed) and a
   * decomposed é */
  text = decode ("Cafe\314\201 one\302\205two\fthree, in a text long enough for one stray "
                 "control character\032", -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "Café one\ntwo\nthree, in a text long enough for one stray "
                   "control character");

  markup = sp_text_decode ("<b>e\314\201</b>", 10, NULL, SP_TEXT_DECODE_MARKUP, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (markup, ==, "<b>e\314\201</b>");
}

static void
test_decode_refuses (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  char controls[200];

  text = decode ("", 0, NULL, &error);
  g_assert_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_EMPTY);
  g_clear_error (&error);

  text = decode (png_bytes, sizeof png_bytes - 1, NULL, &error);
  g_assert_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_BINARY);
  g_assert_cmpstr (error->message, ==, "binary file, not an article");
  g_clear_error (&error);

  text = decode ("plain text\0with a NUL", 21, NULL, &error);
  g_assert_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_BINARY);
  g_clear_error (&error);

  text = decode ("%PDF-1.7\n%\342\343\317\323\n", -1, NULL, &error);
  g_assert_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_BINARY);
  g_clear_error (&error);

  /* Text with one control character in a hundred bytes is text; with ten, it is not */
  memset (controls, 'a', sizeof controls);
  controls[50] = '\001';
  text = decode (controls, sizeof controls, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (text), ==, sizeof controls - 1);
  g_clear_pointer (&text, g_free);

  for (guint i = 0; i < sizeof controls; i += 10)
    controls[i] = '\002';
  text = decode (controls, sizeof controls, NULL, &error);
  g_assert_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_BINARY);
  g_assert_null (text);
}

/* Layout */

static void
test_tidy (void)
{
  g_autofree char *tidy = sp_text_tidy ("\n \nOne  \t\nTwo\302\240\n\n\n\n Three\n  \n\n");
  g_autofree char *blank = sp_text_tidy (" \n\t\n");

  g_assert_cmpstr (tidy, ==, "One\nTwo\n\n Three");
  g_assert_cmpstr (blank, ==, "");
}

/* Dates */

static void
test_date_scan_header (void)
{
  static const struct {
    const char *text;
    const char *date;
  } cases[] = {
    { "Title\nPublished 2025-05-30T10:00:00Z\nBody", "2025-05-30" },
    { "Title\nUkraine | May 30, 2025, Friday // 10:45", "2025-05-30" },
    { "Title\nsite.example -- Sunday, August 17, 2025, 10:59:41 PM Eastern", "2025-08-17" },
    { "Title\nFriday, May 30, 2025", "2025-05-30" },
    { "Title\nUpdated Aug. 17, 2025", "2025-08-17" },
    { "Title\nUpdated Sept. 5, 2025", "2025-09-05" },
    { "Title\n17 Aug 2025 · 3 min read", "2025-08-17" },
    { "Title\nBy A. Writer, 3rd March, 2024", "2024-03-03" },
    { "Title\nAugust 1st, 2024", "2024-08-01" },
    { "Title\n30. Mai 2025", "2025-05-30" },
    { "Title\nle 2 février 2025", "2025-02-02" },
    { "Title\n30.05.2025", "2025-05-30" },
    { "Title\n5/30/2025", "2025-05-30" },
    { "Title\n13-05-2025", "2025-05-13" },
    { "Title\n07/07/2025", "2025-07-07" },
    /* ambiguous numeric forms are skipped, and a later certain date counts */
    { "Title\n05/06/2025 — June 5, 2025", "2025-06-05" },
    { "Title\n05/06/2025", NULL },
    /* two-digit years, impossible days, years out of range */
    { "Title\nMay 30, 25", NULL },
    { "Title\nFebruary 30, 2024", NULL },
    { "Title\n2024-02-30", NULL },
    { "Title\nFebruary 29, 2024", "2024-02-29" },
    { "Title\nMay 30, 1066", NULL },
    /* words that only look like months, numbers that only look like dates */
    { "Title\nThe mayor said 30 maybe 2025 times", NULL },
    { "Title\nVersion 1.2.2025 released", NULL },
    { "Title\nCall 2025-0530", NULL },
    /* a date at the end of a long caption is not the article's */
    { "Title\nThe envoy speaks during a ceremony for the new attorney at the White House in "
      "Washington, hosted by the president, on May 28, 2025.", NULL },
    /* only the first lines (here three non-empty ones) are the header */
    { "Title\n\n\nOne\nTwo\nMay 30, 2025", NULL },
    { "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *date = sp_date_scan_header (cases[i].text, 3);

      g_autofree char *escaped = g_strescape (cases[i].text, NULL);

      g_test_message ("%s", escaped);
      g_assert_cmpstr (date, ==, cases[i].date);
    }
}

static void
test_date_parse (void)
{
  static const struct {
    const char *value;
    const char *date;
  } cases[] = {
    { "2025-05-30", "2025-05-30" },
    { " 2025-05-30T23:30:00-05:00 ", "2025-05-30" },
    { "2025-5-3", "2025-05-03" },
    { "2025/05/30", "2025-05-30" },
    { "Fri, 30 May 2025 10:00:00 +0000", "2025-05-30" },
    { "May 30, 2025", "2025-05-30" },
    { "20250530", "2025-05-30" },
    { "20251330", NULL },
    { "unknown", NULL },
    { "", NULL },
    { NULL, NULL },
    { "2025", NULL },
    { "11/12/2025", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *date = sp_date_parse (cases[i].value);

      g_test_message ("%s", cases[i].value != NULL ? cases[i].value : "(NULL)");
      g_assert_cmpstr (date, ==, cases[i].date);
    }
}

/* Text readers */

static void
test_text_plain (void)
{
  g_autoptr(SpArticle) article = NULL;
  g_autoptr(SpArticle) front = NULL;
  g_autoptr(SpArticle) not_front = NULL;
  g_autoptr(SpArticle) long_line = NULL;
  g_autoptr(GString) words = g_string_new (NULL);

  article = sp_text_reader_read_plain ("\n\n  Harbour levy approved  \nBy Ann Lee\n\n\n\nText.\n");
  g_assert_cmpstr (article->title, ==, "Harbour levy approved");
  g_assert_cmpstr (article->body, ==, "  Harbour levy approved\nBy Ann Lee\n\nText.");
  g_assert_null (article->date);

  /* Front matter in a text file is metadata, not text */
  front = sp_text_reader_read_plain ("---\ntitle: Levy approved\nurl: https://x.example/a\n---\nBody.\n");
  g_assert_cmpstr (front->title, ==, "Levy approved");
  g_assert_cmpstr (front->url, ==, "https://x.example/a");
  g_assert_cmpstr (front->body, ==, "Body.");

  /* ... but dashes around ordinary lines are text */
  not_front = sp_text_reader_read_plain ("---\nJust a rule above a line\n---\nBody.\n");
  g_assert_cmpstr (not_front->title, ==, "---");
  g_assert_cmpstr (not_front->body, ==, "---\nJust a rule above a line\n---\nBody.");

  /* A first line that is a whole paragraph gives a shortened title */
  for (guint i = 0; i < 100; i++)
    g_string_append (words, "word ");
  long_line = sp_text_reader_read_plain (words->str);
  g_assert_cmpuint (g_utf8_strlen (long_line->title, -1), <=, SP_TEXT_TITLE_MAX_CHARS);
  g_assert_true (g_str_has_suffix (long_line->title, "word…"));
  g_assert_cmpuint (strlen (long_line->body), ==, 499);
}

static void
test_text_markdown_inline (void)
{
  static const struct {
    const char *markdown;
    const char *text;
  } cases[] = {
    { "**bold** and __strong__ and *em* and _em_", "bold and strong and em and em" },
    { "snake_case_name and 2 * 3 = 6", "snake_case_name and 2 * 3 = 6" },
    { "[text](http://x.example/a_(b)) after", "text after" },
    { "[**bold link**](u) and [ref link][r] and [no link]", "bold link and ref link and [no link]" },
    { "[[ii]](https://x.example/#ii) note", "[ii] note" },
    { "before ![alt text](img.png) after", "before  after" },
    { "`code *not em*` and ``a ` b``", "code *not em* and a ` b" },
    { "\\*not em\\* and \\[not link\\](x)", "*not em* and [not link](x)" },
    { "<https://x.example/page> and <span>", "https://x.example/page and <span>" },
    { "~~struck~~ and ~one~", "struck and ~one~" },
    { "# Heading #", "Heading" },
    { "### Third level", "Third level" },
    { "#hashtag", "#hashtag" },
    { "> > quoted *twice*", "quoted twice" },
    { "* item *one*\n- item two\n1. first\n2) second", "* item one\n- item two\n1. first\n2) second" },
    { "| a | b |\n|---|:-:|\n| 1 | 2 |", "| a | b |\n| 1 | 2 |" },
    { "Text[^1]\n\n[1]: https://x.example/note", "Text[^1]" },
    { "one <!-- gone --> two\n<!-- a\n\nb -->\nthree", "one  two\nthree" },
    { "Intro\n\n***\n\n- - -\n\nOutro", "Intro\n\nOutro" },
    { "```c\nint *p = a_b;\n\n```\nafter", "int *p = a_b;\n\nafter" },
    { "~~~\nunclosed *fence*", "unclosed *fence*" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SpArticle) article = sp_text_reader_read_markdown (cases[i].markdown);

      g_autofree char *escaped = g_strescape (cases[i].markdown, NULL);

      g_test_message ("%s", escaped);
      g_assert_cmpstr (article->body, ==, cases[i].text);
    }
}

static void
test_text_markdown_title (void)
{
  g_autoptr(SpArticle) heading = sp_text_reader_read_markdown ("Kicker line\n\n## Sub\n\n# The *Real* Title\n\nBody");
  g_autoptr(SpArticle) setext = sp_text_reader_read_markdown ("Setext Title\n============\n\nBody");
  g_autoptr(SpArticle) plain = sp_text_reader_read_markdown ("\n**First** line\n\nBody");
  g_autoptr(SpArticle) yaml = sp_text_reader_read_markdown (
    "---\ntitle: 'It''s agreed'\ndate: unknown\nauthors:\n  - Ann Lee\n  - Bo Chen\n"
    "link: https://y.example/b\nsource: Daily Example\n---\n# Heading\nBody\n");

  g_assert_cmpstr (heading->title, ==, "The Real Title");
  g_assert_cmpstr (heading->body, ==, "Kicker line\n\nSub\n\nThe Real Title\n\nBody");
  g_assert_cmpstr (setext->title, ==, "Setext Title");
  g_assert_cmpstr (setext->body, ==, "Setext Title\n\nBody");
  g_assert_cmpstr (plain->title, ==, "First line");

  g_assert_cmpstr (yaml->title, ==, "It's agreed");
  g_assert_null (yaml->date);
  g_assert_cmpstr (yaml->author, ==, "Ann Lee, Bo Chen");
  g_assert_cmpstr (yaml->url, ==, "https://y.example/b");
  g_assert_cmpstr (yaml->source, ==, "Daily Example");
  g_assert_cmpstr (yaml->body, ==, "Heading\nBody");
}

/* Lines that would make a naive Markdown reader take quadratic time or deep recursion */
static void
test_text_markdown_hostile (void)
{
  static const char units[] = "[(`*_!<";

  for (guint u = 0; u < strlen (units); u++)
    {
      g_autoptr(GString) line = g_string_new (NULL);
      g_autoptr(SpArticle) article = NULL;
      g_autoptr(GTimer) timer = g_timer_new ();

      for (guint i = 0; i < 200000; i++)
        g_string_append_c (line, units[u]);
      g_string_append (line, "](x) ``` end");

      article = sp_text_reader_read_markdown (line->str);
      g_assert_nonnull (article->body);
      g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, 5.0);
    }
}

/* HTML */

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
      g_autofree char *charset = sp_html_sniff_charset (cases[i].html, strlen (cases[i].html));

      g_assert_cmpstr (charset, ==, cases[i].charset);
    }
}

static void
test_html_fixture (void)
{
  g_autoptr(GBytes) bytes = fixture_bytes ("article.html");
  g_autoptr(GError) error = NULL;
  g_autoptr(SpArticle) article = NULL;
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);

  article = sp_html_reader_read (data, length, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (article->title, ==, "Rivers Pact Signed After Night of Talks");
  g_assert_cmpstr (article->date, ==, "2024-09-21");
  g_assert_cmpstr (article->author, ==, "Jonas Whitfield");
  g_assert_cmpstr (article->url, ==, "https://courier.example/2024/09/rivers-pact");
  g_assert_cmpstr (article->source, ==, "The Valley Courier");
  g_assert_cmpstr (article->body, ==,
                   "Rivers Pact Signed After Night of Talks\n"
                   "\n"
                   "By Jonas Whitfield, yesterday\n"
                   "\n"
                   "The two provinces signed a water-sharing pact on Saturday & ended a dispute "
                   "that had lasted a decade.\n"
                   "\n"
                   "“Nobody got everything,” said the negotiator, Amara\302\240Osei. "
                   "\"That is how you know it is fair.\"\n"
                   "The pact runs for 25\302\240years.\n"
                   "\n"
                   "The river belongs to all of us.\n"
                   "\n"
                   "Clause 4:  flows   below 20 m³/s\n"
                   "Clause 5:  shared   equally\n"
                   "\n"
                   "Province A: 55 %\n"
                   "Province B: 45 %");
}

static void
test_html_declared_charset (void)
{
  g_autoptr(GBytes) bytes = fixture_bytes ("article-latin9.html");
  g_autoptr(GError) error = NULL;
  g_autoptr(SpArticle) article = NULL;
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);

  article = sp_html_reader_read (data, length, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (article->title, ==, "Café prices climb in Lille");
  g_assert_cmpstr (article->date, ==, "2023-11-05");
  g_assert_cmpstr (article->body, ==,
                   "Café prices climb in Lille\n\n"
                   "A coffee now costs 3 € in the cœur of the old town, said François Müller.");
}

static SpArticle *
read_html (const char *html)
{
  g_autoptr(GError) error = NULL;
  SpArticle *article = sp_html_reader_read (html, strlen (html), &error);

  g_assert_no_error (error);
  return article;
}

static void
test_html_structure (void)
{
  /* A site whose <h1> is its logo: the page's title is taken, without the site's name */
  g_autoptr(SpArticle) logo = read_html (
    "<html><head><title>Ferry strike ends after talks – Coast Times</title>"
    "<meta property=\"og:site_name\" content=\"Coast Times\"></head>"
    "<body><h1>Coast Times</h1><h2>Ferry strike ends after talks</h2><p>Text.</p></body></html>");
  /* A page wrapped in one <form> (ASP.NET) keeps its text; a search form does not */
  g_autoptr(SpArticle) form = read_html (
    "<html><body><form action=\"/search\"><input name=\"q\"><p>Search tips</p></form>"
    "<form method=\"post\"><h1>Budget passed</h1><p>One.</p><p>Two.</p></form></body></html>");
  /* The largest <article> is the content; teasers and chrome around it are not */
  g_autoptr(SpArticle) largest = read_html (
    "<html><body><div>Top bar text</div>"
    "<article><h2><a href=\"/t\">Teaser</a></h2></article>"
    "<article><h1>Main story</h1><p>A long enough paragraph of the main story's text.</p>"
    "<footer>Filed under politics</footer></article>"
    "<footer>Site footer</footer></body></html>");
  /* Lists of links (menus, related stories) go; links inside prose stay */
  g_autoptr(SpArticle) links = read_html (
    "<html><body><div><a href=\"/1\">Home</a> <a href=\"/2\">World</a> <a href=\"/3\">Sport</a></div>"
    "<p>The minister <a href=\"/m\">said</a> no.</p>"
    "<div id=\"comments\"><p>First!</p></div></body></html>");
  /* Entities, <br>, table cells, a JSON-LD date, and no title but the text */
  g_autoptr(SpArticle) misc = read_html (
    "<html><head><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", "
    "\"datePublished\": \"2024-01-05T09:00:00Z\"}</script></head>"
    "<body><p>A&amp;B &lt;tag&gt; caf&eacute;<br/>next line</p>"
    "<table><tr><td>x</td><td>y</td></tr><tr><td>z</td></tr></table></body></html>");
  /* Broken markup is read as well as it can be */
  g_autoptr(SpArticle) broken = read_html ("<p>Unclosed <b>bold <i>italic</p><p>Next</div></span>");
  g_autoptr(SpArticle) empty = read_html ("<html><head><title>Only a title</title></head></html>");

  g_assert_cmpstr (logo->title, ==, "Ferry strike ends after talks");
  g_assert_cmpstr (form->title, ==, "Budget passed");
  g_assert_cmpstr (form->body, ==, "Budget passed\n\nOne.\n\nTwo.");
  g_assert_cmpstr (largest->title, ==, "Main story");
  g_assert_cmpstr (largest->body, ==,
                   "Main story\n\nA long enough paragraph of the main story's text.\n\n"
                   "Filed under politics");
  g_assert_cmpstr (links->body, ==, "The minister said no.");
  g_assert_cmpstr (misc->date, ==, "2024-01-05");
  g_assert_cmpstr (misc->title, ==, "A&B <tag> café");
  g_assert_cmpstr (misc->body, ==, "A&B <tag> café\nnext line\n\nx y\nz");
  g_assert_cmpstr (broken->body, ==, "Unclosed bold italic\n\nNext");
  g_assert_cmpstr (empty->body, ==, "");
}

/* Batch import */

/* Lays out a folder with good, bad and duplicate files; returns its path. */
static char *
make_import_folder (const char *tmp)
{
  g_autofree char *in = g_build_filename (tmp, "in", NULL);
  g_autoptr(GBytes) crlf = fixture_bytes ("bom-crlf.txt");
  g_autoptr(GString) lf = g_string_new (NULL);
  gsize length = 0;
  const char *data = g_bytes_get_data (crlf, &length);
  g_autofree char *p1 = NULL, *p2 = NULL, *p3 = NULL, *p4 = NULL, *p5 = NULL, *p6 = NULL;
  g_autofree char *p7 = NULL, *p8 = NULL, *p9 = NULL, *p10 = NULL, *p11 = NULL, *p12 = NULL;
  g_autofree char *p13 = NULL, *p14 = NULL;

  /* The same text without the byte order mark and with LF line ends */
  for (gsize i = 3; i < length; i++)
    {
      if (data[i] == '\r')
        {
          g_string_append_c (lf, '\n');
          if (i + 1 < length && data[i + 1] == '\n')
            i++;
        }
      else
        g_string_append_c (lf, data[i]);
    }

  p1 = copy_fixture (in, "bom-crlf.txt", "a-bom-crlf.txt");
  p2 = copy_fixture (in, "cp1252.txt", "b-cp1252.txt");
  p3 = copy_fixture (in, "article.html", "c-article.html");
  p4 = copy_fixture (in, "article-latin9.html", "d-latin9.HTM");
  p5 = copy_fixture (in, "front-matter.md", "e-front-matter.md");
  p6 = write_file (in, "f-binary.txt", png_bytes, sizeof png_bytes - 1);
  p7 = write_file (in, "g-empty.txt", "", 0);
  p8 = write_file (in, "h-blank.md", "  \n\n\t\n<!-- nothing -->\n", -1);
  p9 = copy_fixture (in, "bom-crlf.txt", "i-copy.txt");
  p10 = write_file (in, "j-lf.txt", lf->str, lf->len);
  p11 = write_file (in, ".hidden.txt", "Hidden file\n", -1);
  p12 = write_file (in, "notes.pdf", "%PDF-1.4\n", -1);
  p13 = write_file (in, "sub/k-nested.markdown", "# Nested note\n\nWritten on 3 May 2024.\n", -1);
  p14 = write_file (in, ".git/l-ignored.txt", "Inside a hidden folder\n", -1);

  return g_steal_pointer (&in);
}

static void
test_import_folder (void)
{
  g_autofree char *tmp = make_tmpdir ();
  g_autofree char *in = make_import_folder (tmp);
  g_autoptr(SpProject) project = new_project (tmp);
  g_autoptr(SpImportReport) report = NULL;
  g_autoptr(SpImportReport) again = NULL;
  g_autoptr(GError) error = NULL;
  static const char * const order[] = {
    "a-bom-crlf.txt", "b-cp1252.txt", "c-article.html", "d-latin9.HTM", "e-front-matter.md",
    "f-binary.txt", "g-empty.txt", "h-blank.md", "i-copy.txt", "j-lf.txt", "k-nested.markdown",
  };
  const SpImportEntry *entry;
  g_autoptr(SpDocument) document = NULL;
  g_autofree char *body = NULL;
  gint64 first_id;

  report = import_path (project, in);

  /* Every supported file, sorted by path; hidden and unsupported files are not listed */
  g_assert_cmpuint (sp_import_report_get_n_entries (report), ==, G_N_ELEMENTS (order));
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autofree char *name = g_path_get_basename (sp_import_report_get_entry (report, i)->path);

      g_assert_cmpstr (name, ==, order[i]);
    }

  g_assert_cmpuint (sp_import_report_get_n_imported (report), ==, 6);
  g_assert_cmpuint (sp_import_report_get_n_duplicates (report), ==, 2);
  g_assert_cmpuint (sp_import_report_get_n_failed (report), ==, 3);
  g_assert_false (sp_import_report_get_cancelled (report));
  g_assert_cmpuint (sp_project_count_documents (project), ==, 6);

  /* Imported */
  entry = entry_for (report, "a-bom-crlf.txt");
  g_assert_cmpint (entry->status, ==, SP_IMPORT_STATUS_IMPORTED);
  g_assert_cmpstr (entry->title, ==, "Council Weighs Harbour Levy");
  g_assert_null (entry->message);
  first_id = entry->document_id;
  g_assert_cmpint (first_id, >, 0);

  document = sp_project_get_document (project, first_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sp_document_get_file_name (document), ==, "a-bom-crlf.txt");
  g_assert_cmpstr (sp_document_get_title (document), ==, "Council Weighs Harbour Levy");
  g_assert_cmpstr (sp_document_get_date (document), ==, "2024-03-14");
  body = sp_project_dup_document_body (project, first_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (body, ==,
                   "Council Weighs Harbour Levy\n"
                   "\n"
                   "Portmere, 14 March 2024\n"
                   "\n"
                   "The harbour council of Portmere said on Thursday that it would consider a "
                   "levy on cruise ships.\n"
                   "“We cannot keep the quay open on goodwill,” said Mayor Ilse Brandt.\n"
                   "Fishermen oppose the plan.\n"
                   "\n"
                   "The vote is due in April.");
  g_clear_object (&document);
  g_clear_pointer (&body, g_free);

  entry = entry_for (report, "b-cp1252.txt");
  g_assert_cmpint (entry->status, ==, SP_IMPORT_STATUS_IMPORTED);
  document = sp_project_get_document (project, entry->document_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sp_document_get_title (document), ==, "Euro Zone Ministers Split on Rescue Fund");
  g_assert_cmpstr (sp_document_get_date (document), ==, "2024-06-02");
  body = sp_project_dup_document_body (project, entry->document_id, &error);
  g_assert_cmpstr (body, ==,
                   "Euro Zone Ministers Split on Rescue Fund\n"
                   "\n"
                   "By Marta Lenz | Sunday, June 2, 2024\n"
                   "\n"
                   "Finance ministers said the fund would hold € 40 billion.\n"
                   "“We will not sign this,” the Dutch minister said – and left the room…\n"
                   "Café owners near the ministry were unimpressed.");
  g_clear_object (&document);
  g_clear_pointer (&body, g_free);

  entry = entry_for (report, "c-article.html");
  document = sp_project_get_document (project, entry->document_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sp_document_get_title (document), ==, "Rivers Pact Signed After Night of Talks");
  g_assert_cmpstr (sp_document_get_date (document), ==, "2024-09-21");
  g_assert_cmpstr (sp_document_get_author (document), ==, "Jonas Whitfield");
  g_assert_cmpstr (sp_document_get_source (document), ==, "The Valley Courier");
  g_assert_cmpstr (sp_document_get_url (document), ==, "https://courier.example/2024/09/rivers-pact");
  g_clear_object (&document);

  entry = entry_for (report, "e-front-matter.md");
  document = sp_project_get_document (project, entry->document_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sp_document_get_title (document), ==, "Mayors Back \"Green Corridor\" Plan");
  g_assert_cmpstr (sp_document_get_date (document), ==, "2024-04-09");
  g_assert_cmpstr (sp_document_get_author (document), ==, "Lena Ortiz, Sam Hale");
  g_assert_cmpstr (sp_document_get_source (document), ==, "Northern Ledger");
  g_assert_cmpstr (sp_document_get_url (document), ==, "https://news.example/green-corridor");
  body = sp_project_dup_document_body (project, entry->document_id, &error);
  g_assert_cmpstr (body, ==,
                   "Mayors back green corridor plan\n"
                   "\n"
                   "Three mayors endorsed the green corridor on Tuesday, according to the "
                   "regional council.\n"
                   "\n"
                   "\"It is the cheapest road we will ever build,\" said mayor_elect Dana Price.\n"
                   "\n"
                   "Key points:\n"
                   "\n"
                   "* Cost: 12 million\n"
                   "* Length: 40 km\n"
                   "\n"
                   "route_a = north_loop   # keep *as is*\n"
                   "\n"
                   "Setext heading\n"
                   "The plan goes to a vote in May.");
  g_clear_object (&document);
  g_clear_pointer (&body, g_free);

  /* The date of a text without metadata comes from its header */
  entry = entry_for (report, "k-nested.markdown");
  g_assert_cmpint (entry->status, ==, SP_IMPORT_STATUS_IMPORTED);
  g_assert_cmpstr (entry->title, ==, "Nested note");
  document = sp_project_get_document (project, entry->document_id, &error);
  g_assert_cmpstr (sp_document_get_date (document), ==, "2024-05-03");
  g_clear_object (&document);

  /* Failures name the file and say why */
  entry = entry_for (report, "f-binary.txt");
  g_assert_cmpint (entry->status, ==, SP_IMPORT_STATUS_FAILED);
  g_assert_cmpint (entry->document_id, ==, 0);
  g_assert_true (g_str_has_prefix (entry->message, entry->path));
  g_assert_true (g_str_has_suffix (entry->message, ": binary file, not an article"));
  g_assert_null (strchr (entry->message, '\n'));

  entry = entry_for (report, "g-empty.txt");
  g_assert_cmpint (entry->status, ==, SP_IMPORT_STATUS_FAILED);
  g_assert_true (g_str_has_suffix (entry->message, "g-empty.txt: empty file"));

  entry = entry_for (report, "h-blank.md");
  g_assert_cmpint (entry->status, ==, SP_IMPORT_STATUS_FAILED);
  g_assert_true (g_str_has_suffix (entry->message, "h-blank.md: no text to import"));

  /* Duplicates: the same bytes, and the same text with other line ends */
  entry = entry_for (report, "i-copy.txt");
  g_assert_cmpint (entry->status, ==, SP_IMPORT_STATUS_DUPLICATE);
  g_assert_cmpint (entry->document_id, ==, first_id);
  g_assert_cmpstr (entry->title, ==, "Council Weighs Harbour Levy");
  g_assert_true (g_str_has_prefix (entry->message, entry->path));
  g_assert_nonnull (strstr (entry->message, "Council Weighs Harbour Levy"));

  entry = entry_for (report, "j-lf.txt");
  g_assert_cmpint (entry->status, ==, SP_IMPORT_STATUS_DUPLICATE);
  g_assert_cmpint (entry->document_id, ==, first_id);

  /* Imports are not undone with Ctrl+Z */
  g_assert_false (sp_project_can_undo (project));

  /* Importing the folder again adds nothing */
  again = import_path (project, in);
  g_assert_cmpuint (sp_import_report_get_n_imported (again), ==, 0);
  g_assert_cmpuint (sp_import_report_get_n_duplicates (again), ==, 8);
  g_assert_cmpuint (sp_import_report_get_n_failed (again), ==, 3);
  g_assert_cmpuint (sp_project_count_documents (project), ==, 6);

  remove_tree (tmp);
}

static void
test_import_named_files (void)
{
  g_autofree char *tmp = make_tmpdir ();
  g_autoptr(SpProject) project = new_project (tmp);
  g_autofree char *missing = g_build_filename (tmp, "missing.txt", NULL);
  g_autofree char *png = write_file (tmp, "photo.png", png_bytes, sizeof png_bytes - 1);
  g_autofree char *hidden = write_file (tmp, ".named-hidden.txt", "Named on purpose\n", -1);
  g_autofree char *good = copy_fixture (tmp, "cp1252.txt", "good.txt");
  g_autofree char *binary = write_file (tmp, "binary.html", "<html>\0\0\0</html>", 17);
  g_autofree char *large = g_build_filename (tmp, "large.txt", NULL);
  const char *paths[] = { missing, png, hidden, good, binary, large, NULL };
  g_autoptr(SpImportReport) report = NULL;
  g_autoptr(SpImportReport) bad_only = NULL;
  const char *bad_paths[] = { png, binary, NULL };
  FILE *file;

  /* A sparse file over the size limit: refused without being read */
  file = g_fopen (large, "w");
  g_assert_nonnull (file);
  g_assert_cmpint (ftruncate (fileno (file), 25 * 1024 * 1024), ==, 0);
  fclose (file);

  report = import_paths (project, paths);
  g_assert_cmpuint (sp_import_report_get_n_entries (report), ==, 6);
  g_assert_cmpuint (sp_import_report_get_n_imported (report), ==, 2);
  g_assert_cmpuint (sp_import_report_get_n_failed (report), ==, 4);

  g_assert_true (g_str_has_suffix (entry_for (report, "missing.txt")->message,
                                   "missing.txt: cannot be read: no such file"));
  g_assert_true (g_str_has_suffix (entry_for (report, "photo.png")->message,
                                   "photo.png: unsupported file type"));
  g_assert_cmpint (entry_for (report, ".named-hidden.txt")->status, ==, SP_IMPORT_STATUS_IMPORTED);
  g_assert_cmpint (entry_for (report, "good.txt")->status, ==, SP_IMPORT_STATUS_IMPORTED);
  g_assert_true (g_str_has_suffix (entry_for (report, "binary.html")->message,
                                   "binary.html: binary file, not an article"));
  g_assert_true (g_str_has_suffix (entry_for (report, "large.txt")->message,
                                   "large.txt: too large (25.0\302\240MiB; the limit is 20.0\302\240MiB)"));
  g_assert_cmpuint (sp_project_count_documents (project), ==, 2);

  /* A batch of bad files changes nothing */
  bad_only = import_paths (project, bad_paths);
  g_assert_cmpuint (sp_import_report_get_n_failed (bad_only), ==, 2);
  g_assert_cmpuint (sp_project_count_documents (project), ==, 2);

  remove_tree (tmp);
}

static void
test_import_read_file (void)
{
  g_autofree char *path = fixture_path ("front-matter.md");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) png = g_file_new_for_path ("/nonexistent/picture.png");
  g_autoptr(GError) error = NULL;
  g_autoptr(SpArticle) article = NULL;
  g_autoptr(SpArticle) none = NULL;

  article = sp_import_read_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (article->title, ==, "Mayors Back \"Green Corridor\" Plan");

  none = sp_import_read_file (png, NULL, &error);
  g_assert_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_UNSUPPORTED);
  g_assert_cmpstr (error->message, ==, "/nonexistent/picture.png: unsupported file type");
  g_assert_null (none);
}

typedef struct
{
  GCancellable *cancellable;
  guint         cancel_at;
  guint         n_calls;
  guint         last_done;
  guint         last_total;
  gboolean      saw_end;
} ProgressLog;

static void
progress_cb (guint       done,
             guint       total,
             const char *current_path,
             gpointer    user_data)
{
  ProgressLog *log = user_data;

  g_assert_false (log->saw_end);
  g_assert_cmpuint (done, <=, total);

  if (current_path == NULL)
    log->saw_end = TRUE;
  else
    g_assert_cmpuint (done, ==, log->n_calls);

  log->n_calls++;
  log->last_done = done;
  log->last_total = total;

  if (log->cancellable != NULL && done == log->cancel_at)
    g_cancellable_cancel (log->cancellable);
}

/* Many files: several batches, progress, and a cancellation that keeps what was done */
static void
test_import_batches_and_cancel (void)
{
  g_autofree char *tmp = make_tmpdir ();
  g_autofree char *in = g_build_filename (tmp, "many", NULL);
  g_autoptr(SpProject) project = new_project (tmp);
  g_autofree char *few = g_build_filename (tmp, "few", NULL);
  g_autofree char *second = g_build_filename (tmp, "second", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (in);
  g_autoptr(GFile) few_folder = g_file_new_for_path (few);
  g_autoptr(SpImportReport) report = NULL;
  g_autoptr(SpImportReport) cancelled = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  ProgressLog log = { 0 };
  const guint n_files = 450;

  for (guint i = 0; i < n_files; i++)
    {
      g_autofree char *name = g_strdup_printf ("%04u.txt", i);
      g_autofree char *text = g_strdup_printf ("Note %u\n\nThe council met for the %u. time.\n", i, i);
      g_autofree char *path = write_file (in, name, text, -1);
    }

  report = sp_import_paths (project, &folder, 1, NULL, progress_cb, &log, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sp_import_report_get_n_imported (report), ==, n_files);
  g_assert_cmpuint (sp_project_count_documents (project), ==, n_files);
  g_assert_cmpstr (sp_import_report_get_entry (report, 449)->title, ==, "Note 449");
  g_assert_cmpuint (log.n_calls, ==, n_files + 1);
  g_assert_true (log.saw_end);
  g_assert_cmpuint (log.last_done, ==, n_files);
  g_assert_cmpuint (log.last_total, ==, n_files);

  /* Cancelled while the third file is announced: two files are done and stay */
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *name = g_strdup_printf ("%u.txt", i);
      g_autofree char *text = g_strdup_printf ("Item %u\n", i);
      g_autofree char *path = write_file (few, name, text, -1);
    }

  g_assert_cmpint (g_mkdir (second, 0755), ==, 0);
  g_clear_object (&project);
  project = new_project (second);

  memset (&log, 0, sizeof log);
  log.cancellable = cancellable;
  log.cancel_at = 2;
  cancelled = sp_import_paths (project, &few_folder, 1, cancellable, progress_cb, &log, &error);
  g_assert_no_error (error);
  g_assert_true (sp_import_report_get_cancelled (cancelled));
  g_assert_cmpuint (sp_import_report_get_n_entries (cancelled), ==, 2);
  g_assert_cmpuint (sp_import_report_get_n_imported (cancelled), ==, 2);
  g_assert_cmpuint (sp_project_count_documents (project), ==, 2);
  g_assert_true (log.saw_end);
  g_assert_cmpuint (log.last_done, ==, 2);
  g_assert_cmpuint (log.last_total, ==, 5);

  /* The project is usable afterwards: no action was left open */
  g_assert_true (sp_project_begin_action (project, NULL, &error));
  g_assert_true (sp_project_end_action (project, TRUE, &error));
  g_assert_no_error (error);

  remove_tree (tmp);
}

/* As the window does it: a worker thread imports through its own connection while the
 * main thread's connection to the same file stays open and reads. */
static void
import_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  const char *project_path = task_data;
  g_autofree char *folder = g_path_get_dirname (project_path);
  g_autofree char *in = g_build_filename (folder, "in", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (in);
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GError) error = NULL;
  SpImportReport *report;

  if (!(project = sp_project_open (project_path, &error)) ||
      !(report = sp_import_paths (project, &file, 1, cancellable, NULL, NULL, &error)))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, report, (GDestroyNotify)sp_import_report_unref);
}

static void
test_import_worker_thread (void)
{
  g_autofree char *tmp = make_tmpdir ();
  g_autofree char *in = make_import_folder (tmp);
  g_autoptr(SpProject) project = new_project (tmp);
  g_autoptr(GTask) task = g_task_new (NULL, NULL, NULL, NULL);
  g_autoptr(SpImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (sp_project_count_documents (project), ==, 0);

  g_task_set_task_data (task, g_strdup (sp_project_get_path (project)), g_free);
  g_task_run_in_thread_sync (task, import_worker);
  report = g_task_propagate_pointer (task, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (sp_import_report_get_n_imported (report), ==, 6);
  g_assert_cmpuint (sp_project_count_documents (project), ==, 6);

  remove_tree (tmp);
}

/* The shared corpus */

static char *
corpus_dir (const char *sub)
{
  const char *env = g_getenv ("SP_CORPUS_DIR");
  g_autofree char *dir = NULL;

  if (env != NULL && env[0] != '\0')
    dir = g_build_filename (env, sub, NULL);
  else
    dir = g_test_build_filename (G_TEST_DIST, "..", "..", "shared", "corpus", sub, NULL);

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *message = g_strdup_printf ("%s is not there (set SP_CORPUS_DIR to the "
                                                  "shared corpus to run this test)", dir);
      g_test_skip (message);
      return NULL;
    }

  return g_steal_pointer (&dir);
}

static guint
count_files (const char *dir,
             const char *suffix)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, suffix) && name[0] != '.')
      n++;

  return n;
}

static void
report_counts (const char     *what,
               SpImportReport *report)
{
  g_test_message ("%s: %u files, %u imported, %u duplicates, %u failed", what,
                  sp_import_report_get_n_entries (report),
                  sp_import_report_get_n_imported (report),
                  sp_import_report_get_n_duplicates (report),
                  sp_import_report_get_n_failed (report));

  for (guint i = 0; i < sp_import_report_get_n_entries (report); i++)
    {
      const SpImportEntry *entry = sp_import_report_get_entry (report, i);

      if (entry->message != NULL)
        g_test_message ("  %s", entry->message);
    }
}

static void
test_corpus_seeds (void)
{
  static const struct {
    const char *prefix;
    const char *date;
  } dates[] = {
    { "000_", "2025-05-30" },  /* "Ukraine | May 30, 2025, Friday" under the headline */
    { "001_", NULL },          /* no date in the header */
    { "002_", NULL },          /* only a photo caption's date, at the end of a long line */
    { "003_", NULL },
    { "004_", "2025-08-17" },  /* "site -- Sunday, August 17, 2025, 10:59:41 PM ..." */
  };
  g_autofree char *seeds = corpus_dir ("seeds");
  g_autofree char *tmp = NULL;
  g_autoptr(SpProject) project = NULL;
  g_autoptr(SpImportReport) report = NULL;
  g_autoptr(SpImportReport) again = NULL;

  if (seeds == NULL)
    return;

  tmp = make_tmpdir ();
  project = new_project (tmp);
  report = import_path (project, seeds);
  report_counts ("seeds", report);

  g_assert_cmpuint (sp_import_report_get_n_entries (report), ==, 5);
  g_assert_cmpuint (sp_import_report_get_n_imported (report), ==, 5);
  g_assert_cmpuint (sp_project_count_documents (project), ==, 5);

  for (guint i = 0; i < 5; i++)
    {
      const SpImportEntry *entry = sp_import_report_get_entry (report, i);
      g_autofree char *name = g_path_get_basename (entry->path);
      g_autoptr(SpDocument) document = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *raw = NULL;
      g_autofree char *body = NULL;
      g_auto(GStrv) lines = NULL;

      g_assert_true (g_str_has_prefix (name, dates[i].prefix));
      document = sp_project_get_document (project, entry->document_id, &error);
      g_assert_no_error (error);

      /* The title is the file's first line, as it stands in the file */
      g_file_get_contents (entry->path, &raw, NULL, &error);
      g_assert_no_error (error);
      lines = g_strsplit (raw, "\n", 2);
      g_strchomp (lines[0]);
      g_assert_cmpstr (sp_document_get_title (document), !=, "");
      g_assert_cmpstr (sp_document_get_title (document), ==, lines[0]);
      g_assert_cmpstr (sp_document_get_date (document), ==, dates[i].date);

      body = sp_project_dup_document_body (project, entry->document_id, &error);
      g_assert_no_error (error);
      g_assert_true (g_str_has_prefix (body, lines[0]));
      g_assert_null (strchr (body, '\r'));
      g_assert_null (strstr (body, "\n\n\n"));
    }

  again = import_path (project, seeds);
  g_assert_cmpuint (sp_import_report_get_n_duplicates (again), ==, 5);
  g_assert_cmpuint (sp_project_count_documents (project), ==, 5);

  remove_tree (tmp);
}

static void
check_titles (SpProject      *project,
              SpImportReport *report)
{
  for (guint i = 0; i < sp_import_report_get_n_entries (report); i++)
    {
      const SpImportEntry *entry = sp_import_report_get_entry (report, i);
      g_autoptr(SpDocument) document = NULL;
      g_autoptr(GError) error = NULL;

      if (entry->status != SP_IMPORT_STATUS_IMPORTED)
        continue;

      document = sp_project_get_document (project, entry->document_id, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (sp_document_get_title (document), !=, "");
      g_assert_cmpuint (sp_document_get_length (document), >, 0);
    }
}

static void
test_corpus_crawls (void)
{
  g_autofree char *crawls = corpus_dir ("ukraine-peace-news-2025-26/universal-agent-crawls-2026-01-02");
  g_autofree char *tmp = NULL;
  g_autoptr(SpProject) project = NULL;
  g_autoptr(SpImportReport) report = NULL;
  guint n_dated = 0;

  if (crawls == NULL)
    return;

  tmp = make_tmpdir ();
  project = new_project (tmp);
  report = import_path (project, crawls);
  report_counts ("universal-agent-crawls-2026-01-02", report);

  g_assert_cmpuint (sp_import_report_get_n_entries (report), ==, count_files (crawls, ".md"));
  g_assert_cmpuint (sp_import_report_get_n_failed (report), ==, 0);
  g_assert_cmpuint (sp_import_report_get_n_imported (report) +
                    sp_import_report_get_n_duplicates (report), ==,
                    sp_import_report_get_n_entries (report));
  g_assert_cmpuint (sp_project_count_documents (project), ==,
                    sp_import_report_get_n_imported (report));
  check_titles (project, report);

  for (guint i = 0; i < sp_import_report_get_n_entries (report); i++)
    {
      const SpImportEntry *entry = sp_import_report_get_entry (report, i);
      g_autoptr(SpDocument) document = NULL;

      if (entry->status != SP_IMPORT_STATUS_IMPORTED)
        continue;

      document = sp_project_get_document (project, entry->document_id, NULL);
      if (sp_document_get_date (document) != NULL)
        n_dated++;
    }

  g_test_message ("%u of the imported crawls have a date", n_dated);

  remove_tree (tmp);
}

/* The benchmark's pages are stored gzipped; reading .gz is not the importer's job, so the
 * test unpacks them first. */
static guint
gunzip_folder (const char *from,
               const char *to)
{
  g_autoptr(GDir) dir = g_dir_open (from, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *src = NULL;
      g_autofree char *dest = NULL;
      g_autoptr(GFile) src_file = NULL;
      g_autoptr(GFile) dest_file = NULL;
      g_autoptr(GFileInputStream) in = NULL;
      g_autoptr(GInputStream) unzipped = NULL;
      g_autoptr(GFileOutputStream) out = NULL;
      g_autoptr(GZlibDecompressor) decompressor = NULL;
      g_autoptr(GError) error = NULL;

      if (!g_str_has_suffix (name, ".gz"))
        continue;

      src = g_build_filename (from, name, NULL);
      dest = g_build_filename (to, name, NULL);
      dest[strlen (dest) - 3] = '\0';

      src_file = g_file_new_for_path (src);
      dest_file = g_file_new_for_path (dest);
      in = g_file_read (src_file, NULL, &error);
      g_assert_no_error (error);
      decompressor = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
      unzipped = g_converter_input_stream_new (G_INPUT_STREAM (in), G_CONVERTER (decompressor));
      out = g_file_replace (dest_file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
      g_assert_no_error (error);
      g_output_stream_splice (G_OUTPUT_STREAM (out), unzipped,
                              G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE |
                              G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, &error);
      g_assert_no_error (error);
      n++;
    }

  return n;
}

static void
test_corpus_html (void)
{
  g_autofree char *bench = corpus_dir ("scrapinghub-article-extraction-benchmark/html");
  g_autofree char *tmp = NULL;
  g_autofree char *pages = NULL;
  g_autoptr(SpProject) project = NULL;
  g_autoptr(SpImportReport) report = NULL;
  guint n_pages;

  if (bench == NULL)
    return;

  tmp = make_tmpdir ();
  if ((n_pages = count_files (bench, ".html")) > 0)
    pages = g_strdup (bench);
  else
    {
      pages = g_build_filename (tmp, "pages", NULL);
      g_assert_cmpint (g_mkdir (pages, 0755), ==, 0);
      n_pages = gunzip_folder (bench, pages);
    }

  project = new_project (tmp);
  report = import_path (project, pages);
  report_counts ("scrapinghub-article-extraction-benchmark", report);

  g_assert_cmpuint (sp_import_report_get_n_entries (report), ==, n_pages);
  g_assert_cmpuint (sp_import_report_get_n_failed (report), ==, 0);
  g_assert_cmpuint (sp_project_count_documents (project), ==,
                    sp_import_report_get_n_imported (report));
  check_titles (project, report);

  remove_tree (tmp);
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
  g_test_add_func ("/import/text/tidy", test_tidy);
  g_test_add_func ("/import/date/scan-header", test_date_scan_header);
  g_test_add_func ("/import/date/parse", test_date_parse);
  g_test_add_func ("/import/text/plain", test_text_plain);
  g_test_add_func ("/import/text/markdown-inline", test_text_markdown_inline);
  g_test_add_func ("/import/text/markdown-title", test_text_markdown_title);
  g_test_add_func ("/import/text/markdown-hostile", test_text_markdown_hostile);
  g_test_add_func ("/import/html/sniff-charset", test_html_sniff_charset);
  g_test_add_func ("/import/html/fixture", test_html_fixture);
  g_test_add_func ("/import/html/declared-charset", test_html_declared_charset);
  g_test_add_func ("/import/html/structure", test_html_structure);
  g_test_add_func ("/import/importer/folder", test_import_folder);
  g_test_add_func ("/import/importer/named-files", test_import_named_files);
  g_test_add_func ("/import/importer/read-file", test_import_read_file);
  g_test_add_func ("/import/importer/batches-and-cancel", test_import_batches_and_cancel);
  g_test_add_func ("/import/importer/worker-thread", test_import_worker_thread);
  g_test_add_func ("/import/corpus/seeds", test_corpus_seeds);
  g_test_add_func ("/import/corpus/crawls", test_corpus_crawls);
  g_test_add_func ("/import/corpus/html", test_corpus_html);

  return g_test_run ();
}
