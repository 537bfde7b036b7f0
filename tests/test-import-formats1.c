/* test-import-formats1.c
 *
 * The readers of structured files: JSON and JSON Lines exports, e-mail messages and PDF text
 * layers — what each takes from its fixture, what each skips and says so, and the bad input
 * each must refuse with a clear reason: random bytes, no bytes, a file cut short, JSON nested
 * 100,000 deep, a multipart of 10,000 parts, a PDF without text and an encrypted one. The
 * fixtures in fixtures/import/ (json-*, eml-*, pdf-*) were written for these tests.
 */
#include "config.h"

#include <string.h>

#include "import-test-util.h"
#include "sp-eml-reader.h"
#include "sp-import-formats.h"
#include "sp-json-reader.h"
#include "sp-pdf-layout.h"
#include "sp-pdf-reader.h"

typedef GPtrArray *(*ReadFunc) (GBytes        *bytes,
                                SpReadBudget  *budget,
                                GError       **error);

static GBytes *
bytes_of (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

/* Random bytes, the same in every run */
static GBytes *
random_bytes (guint32 seed,
              gsize   length)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  guint8 *data = g_malloc (length);

  for (gsize i = 0; i < length; i++)
    data[i] = (guint8)g_rand_int_range (rand, 0, 256);

  return g_bytes_new_take (data, length);
}

/* The file's articles as the importer gets them (sp_import_format_read) */
static GPtrArray *
read_as (const char  *file_name,
         GBytes      *bytes,
         GError     **error)
{
  const SpImportFormat *format = sp_import_format_for_name (file_name);

  g_assert_nonnull (format);
  return sp_import_format_read (format, bytes, error);
}

static GPtrArray *
read_fixture (const char  *name,
              GError     **error)
{
  g_autoptr(GBytes) bytes = sp_test_fixture_bytes (name);

  return read_as (name, bytes, error);
}

static SpArticle *
article_at (GPtrArray *articles,
            guint      index)
{
  g_assert_cmpuint (index, <, articles->len);
  return g_ptr_array_index (articles, index);
}

/* The articles that are not skips */
static guint
count_read (GPtrArray *articles)
{
  guint n = 0;

  for (guint i = 0; i < articles->len; i++)
    if (article_at (articles, i)->skipped == NULL)
      n++;

  return n;
}

/* A reader's refusal: @code, and a message containing @words */
static void
assert_refused (GPtrArray   *articles,
                GError      *error,
                int          code,
                const char  *words)
{
  g_assert_null (articles);
  g_assert_error (error, SP_IMPORT_ERROR, code);
  if (words != NULL && strstr (error->message, words) == NULL)
    g_error ("“%s” does not say “%s”", error->message, words);
}

/* JSON */

static void
test_json_newsapi (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = read_fixture ("json-newsapi.json", &error);
  SpArticle *first, *third, *skipped;

  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 3);
  g_assert_cmpuint (count_read (articles), ==, 2);

  first = article_at (articles, 0);
  g_assert_cmpstr (first->title, ==, "Harbour levy talks resume in Geneva");
  g_assert_cmpint (first->title_kind, ==, SP_TITLE_KIND_HEADLINE);
  g_assert_cmpstr (first->date, ==, "2025-05-30");
  g_assert_cmpint (first->date_source, ==, SP_DATE_SOURCE_METADATA);
  g_assert_cmpstr (first->source, ==, "Harbour Gazette");
  g_assert_cmpstr (first->url, ==, "https://gazette.example/levy-talks");
  g_assert_cmpstr (first->author, ==, "Ann Lee");
  /* content is the body, not the shorter description; CRLF became LF */
  g_assert_cmpstr (first->body, ==, "Negotiators from both delegations met again on Friday.\n"
                                    "The minister called the talks constructive.");

  /* HTML in the body is read as a page; a list of authors is joined; a date in milliseconds */
  third = article_at (articles, 1);
  /* A no-break space is a space in a title */
  g_assert_cmpstr (third->title, ==, "Transit fees on the table");
  g_assert_cmpstr (third->body, ==, "The second round will settle transit fees.\n\n"
                                    "Both sides expect a deal.");
  g_assert_cmpstr (third->author, ==, "Ben Ito, Cleo Park");
  g_assert_cmpstr (third->source, ==, "Coast Daily");
  g_assert_cmpstr (third->date, ==, "2025-06-01");

  /* The record without a body is reported, by its number */
  skipped = article_at (articles, 2);
  g_assert_null (skipped->body);
  g_assert_nonnull (strstr (skipped->skipped, "no body text"));
  g_assert_nonnull (strstr (skipped->skipped, "record 2"));
}

static void
test_json_guardian (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = read_fixture ("json-guardian.json", &error);
  SpArticle *article;

  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 1);
  article = article_at (articles, 0);
  g_assert_cmpstr (article->title, ==, "Levy deal within reach, say negotiators");
  g_assert_cmpstr (article->date, ==, "2025-06-02");
  g_assert_cmpstr (article->url, ==, "https://news.example/world/2025/jun/02/levy");
  g_assert_cmpstr (article->author, ==, "Dana Roe");
  g_assert_true (g_str_has_prefix (article->body, "A deal on the harbour levy"));
}

/* The shapes other exports have, each one record read through the table */
static void
test_json_shapes (void)
{
  static const struct {
    const char *json;
    const char *title;
    const char *date;
    const char *body;
    const char *author;
  } cases[] = {
    /* one record, not in a list */
    { "{\"title\": \"One\", \"body\": \"Text.\"}", "One", NULL, "Text.", NULL },
    /* Elasticsearch */
    { "{\"hits\": {\"total\": 1, \"hits\": [{\"_id\": \"x\", \"_source\": {\"headline\": \"Es\","
      " \"published_at\": \"2025-03-04\", \"article_body\": \"Found.\"}}]}}",
      "Es", "2025-03-04", "Found.", NULL },
    /* New York Times: objects for the headline and the byline */
    { "{\"response\": {\"docs\": [{\"headline\": {\"main\": \"Nyt\"}, \"pub_date\":"
      " \"2025-02-01T05:00:00+0000\", \"lead_paragraph\": \"Lead.\", \"byline\":"
      " {\"original\": \"By Al Bo\"}}]}}",
      "Nyt", "2025-02-01", "Lead.", "By Al Bo" },
    /* WordPress: rendered HTML */
    { "[{\"title\": {\"rendered\": \"Wp\"}, \"date\": \"2025-01-31T09:00:00\", \"content\":"
      " {\"rendered\": \"<p>Para one.</p>\\n<p>Para two.</p>\"}}]",
      "Wp", "2025-01-31", "Para one.\n\nPara two.", NULL },
    /* Unix seconds; a "data" list inside a record is not a list of records */
    { "{\"title\": \"T\", \"timestamp\": 1748600000, \"text\": \"Body.\", \"data\": [1, 2]}",
      "T", "2025-05-30", "Body.", NULL },
    /* a search cache's body field; a date in the url's path */
    { "[{\"title\": \"F\", \"url\": \"https://news.example/2025/3/31/talks\","
      " \"formatted_content\": \"Para.\"}]", "F", "2025-03-31", "Para.", NULL },
    /* a body under a name no list knows: the longest prose of the record */
    { "{\"title\": \"L\", \"id\": \"a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6\","
      " \"prose\": \"One two three four five six seven eight nine ten eleven twelve thirteen "
      "fourteen fifteen sixteen seventeen eighteen nineteen twenty twenty-one words of "
      "prose make this the body of the record, long enough to count as one.\"}",
      "L", NULL, "One two three four five six seven eight nine ten eleven twelve thirteen "
      "fourteen fifteen sixteen seventeen eighteen nineteen twenty twenty-one words of "
      "prose make this the body of the record, long enough to count as one.", NULL },
    /* a description when nothing else holds text; paragraphs given as a list */
    { "{\"title\": \"D\", \"description\": \"Only a summary.\"}", "D", NULL, "Only a summary.", NULL },
    { "{\"Title\": \"P\", \"Body\": [\"First.\", \"Second.\"]}", "P", NULL, "First.\n\nSecond.", NULL },
    /* control characters and CR are cleaned, combining marks composed */
    { "{\"title\": \"C\\u0007a\\u0301\", \"body\": \"a\\rb\\u2028c\"}",
      "Cá", NULL, "a\nb\nc", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = bytes_of (cases[i].json);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) articles = read_as ("case.json", bytes, &error);
      SpArticle *article;

      g_test_message ("case %u: %s", i, cases[i].json);
      g_assert_no_error (error);
      g_assert_cmpuint (articles->len, ==, 1);
      article = article_at (articles, 0);
      g_assert_cmpstr (article->title, ==, cases[i].title);
      g_assert_cmpstr (article->date, ==, cases[i].date);
      g_assert_cmpstr (article->body, ==, cases[i].body);
      g_assert_cmpstr (article->author, ==, cases[i].author);
    }
}

/* A wrapper of two fields is searched and is not the source; a source of two fields is */
static void
test_json_wrapper (void)
{
  g_autoptr(GBytes) bytes = bytes_of ("[{\"_id\": 1, \"_source\": {\"title\": \"W\", \"body\": \"Wrapped.\"}},"
                                      " {\"source\": {\"id\": 2, \"name\": \"Name\"}, \"text\": \"B.\"}]");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = read_as ("w.json", bytes, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 2);
  g_assert_cmpstr (article_at (articles, 0)->title, ==, "W");
  g_assert_cmpstr (article_at (articles, 0)->body, ==, "Wrapped.");
  g_assert_null (article_at (articles, 0)->source);
  g_assert_cmpstr (article_at (articles, 1)->source, ==, "Name");
}

static void
test_json_control_characters (void)
{
  g_autoptr(GBytes) bytes = bytes_of ("{\"title\": \"T\", \"body\": \"one\\rtwo\\u0007\\u2028three\\ttab\"}");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = read_as ("c.json", bytes, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (article_at (articles, 0)->body, ==, "one\ntwo\nthree\ttab");
}

static void
test_json_lines (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = read_fixture ("json-scraper.jsonl", &error);
  SpArticle *first, *second, *skipped;

  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 3);

  first = article_at (articles, 0);
  g_assert_cmpstr (first->title, ==, "Ferry strike ends");
  g_assert_cmpstr (first->date, ==, "2025-06-03");
  g_assert_cmpstr (first->source, ==, "Island Post");
  g_assert_cmpstr (first->url, ==, "https://post.example/strike");

  second = article_at (articles, 1);
  g_assert_cmpstr (second->title, ==, "Fishing quotas agreed");
  g_assert_cmpstr (second->date, ==, "2025-06-04");
  g_assert_cmpstr (second->author, ==, "By Eve Sol");
  g_assert_cmpstr (second->body, ==, "The quota talks ended with a deal.\n\nBoth fleets keep their share.");

  skipped = article_at (articles, 2);
  g_assert_nonnull (strstr (skipped->skipped, "not valid JSON"));
  g_assert_nonnull (strstr (skipped->skipped, "line 2"));
}

/* JSON Lines saved as .json is read as JSON Lines */
static void
test_json_lines_as_json (void)
{
  g_autoptr(GBytes) bytes = bytes_of ("{\"title\": \"A\", \"text\": \"One.\"}\n"
                                      "{\"title\": \"B\", \"text\": \"Two.\"}\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = read_as ("lines.json", bytes, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 2);
  g_assert_cmpstr (article_at (articles, 1)->title, ==, "B");
}

/* json-glib 1.6 reads "{…} {…}" as the first object and drops the second without a word */
static void
test_json_several_values (void)
{
  g_autoptr(GBytes) bytes = bytes_of ("{\"title\": \"A\", \"text\": \"One.\"} "
                                      "{\"title\": \"B\", \"text\": \"Two.\"}\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) lines_error = NULL;
  g_autoptr(GPtrArray) articles = read_as ("two.json", bytes, &error);
  g_autoptr(GPtrArray) lines = read_as ("two.jsonl", bytes, &lines_error);

  assert_refused (articles, error, SP_IMPORT_ERROR_READ, "more than one value");
  assert_refused (lines, lines_error, SP_IMPORT_ERROR_EMPTY, "more than one value on the line");
}

/* No control characters but tab and newline, and valid UTF-8 */
static void
assert_plain_text (const char *text)
{
  g_assert_true (g_utf8_validate (text, -1, NULL));
  for (const char *p = text; *p; p++)
    g_assert_true ((guchar)*p >= 0x20 || *p == '\n' || *p == '\t');
}

/* json-glib's message quotes what it stopped at, bytes that need not be text: the reason
 * shown must still be plain text (a file the JSON reader's fuzzer found) */
static void
test_json_error_message_is_text (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fuzz", "crashes", "json-reader",
                                                 "parse-error-quotes-half-a-character.jsonl", NULL);
  g_autoptr(GMappedFile) file = g_mapped_file_new (path, FALSE, NULL);
  g_autoptr(GBytes) bytes = g_mapped_file_get_bytes (file);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) whole_error = NULL;
  g_autoptr(GPtrArray) articles = read_as ("e.jsonl", bytes, &error);
  g_autoptr(GPtrArray) none = read_as ("e.json", bytes, &whole_error);

  g_assert_no_error (error);
  g_assert_cmpuint (count_read (articles), ==, 1);
  assert_plain_text (article_at (articles, 1)->skipped);
  assert_refused (none, whole_error, SP_IMPORT_ERROR_READ, "not valid JSON");
  assert_plain_text (whole_error->message);
}

/* A codebook among the articles is named as one */
static void
test_json_codebook (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "codebooks",
                                                 "border-talks.json", NULL);
  g_autoptr(GMappedFile) file = g_mapped_file_new (path, FALSE, NULL);
  g_autoptr(GBytes) bytes = g_mapped_file_get_bytes (file);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = read_as ("border-talks.json", bytes, &error);

  assert_refused (articles, error, SP_IMPORT_ERROR_UNSUPPORTED, "a Standpoint codebook");
}

static void
test_json_no_body (void)
{
  g_autoptr(GBytes) bytes = bytes_of ("[{\"title\": \"A\"}, {\"title\": \"B\", \"body\": \"  \"}, 3]");
  g_autoptr(GBytes) empty_list = bytes_of ("{\"articles\": []}");
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) empty_error = NULL;
  g_autoptr(GPtrArray) articles = read_as ("a.json", bytes, &error);
  g_autoptr(GPtrArray) none = read_as ("b.json", empty_list, &empty_error);

  assert_refused (articles, error, SP_IMPORT_ERROR_EMPTY, "2 records skipped, no body text");
  g_assert_nonnull (strstr (error->message, "records 1, 2"));
  g_assert_nonnull (strstr (error->message, "1 record skipped, not an object: record 3"));
  assert_refused (none, empty_error, SP_IMPORT_ERROR_EMPTY, "no records");
}

static char *
nested_json (const char *open,
             const char *close,
             guint       depth,
             const char *inside)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append (out, open);
  g_string_append (out, inside);
  for (guint i = 0; i < depth; i++)
    g_string_append (out, close);

  return g_string_free (out, FALSE);
}

static void
test_json_deep (void)
{
  g_autofree char *arrays = nested_json ("[", "]", 100000, "");
  g_autofree char *objects = nested_json ("{\"body\":", "}", 100000, "\"x\"");
  g_autofree char *lines = g_strconcat ("{\"title\": \"Kept\", \"text\": \"Kept.\"}\n", arrays, "\n", NULL);
  /* Brackets inside strings do not count */
  g_autofree char *in_string = nested_json ("[", "]", 1, "{\"body\": \"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\"}");
  g_autoptr(GBytes) arrays_bytes = bytes_of (arrays);
  g_autoptr(GBytes) objects_bytes = bytes_of (objects);
  g_autoptr(GBytes) lines_bytes = bytes_of (lines);
  g_autoptr(GBytes) string_bytes = bytes_of (in_string);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) objects_error = NULL;
  g_autoptr(GError) lines_error = NULL;
  g_autoptr(GError) string_error = NULL;
  g_autoptr(GPtrArray) from_arrays = read_as ("deep.json", arrays_bytes, &error);
  g_autoptr(GPtrArray) from_objects = read_as ("deep.json", objects_bytes, &objects_error);
  g_autoptr(GPtrArray) from_lines = read_as ("deep.jsonl", lines_bytes, &lines_error);
  g_autoptr(GPtrArray) from_string = read_as ("string.json", string_bytes, &string_error);

  assert_refused (from_arrays, error, SP_IMPORT_ERROR_TOO_LARGE, "nests deeper than 64 levels");
  assert_refused (from_objects, objects_error, SP_IMPORT_ERROR_TOO_LARGE, "nests deeper");

  g_assert_no_error (lines_error);
  g_assert_cmpuint (from_lines->len, ==, 2);
  g_assert_cmpstr (article_at (from_lines, 0)->body, ==, "Kept.");
  g_assert_nonnull (strstr (article_at (from_lines, 1)->skipped, "nested deeper than 64 levels: line 2"));

  g_assert_no_error (string_error);
  g_assert_cmpuint (count_read (from_string), ==, 1);
}

static void
test_json_bad_input (void)
{
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GBytes) noise = random_bytes (6, 4096);
  g_autoptr(GBytes) cut = bytes_of ("{\"articles\": [{\"title\": \"A\", \"body\": \"Cut");
  g_autoptr(GBytes) cut_lines = bytes_of ("{\"title\": \"A\", \"body\": \"Cut");
  g_autoptr(GBytes) png = g_bytes_new_static (sp_test_png_bytes, sp_test_png_length);
  GBytes *inputs[] = { empty, noise, cut, png };
  int codes[] = { SP_IMPORT_ERROR_EMPTY, SP_IMPORT_ERROR_BINARY, SP_IMPORT_ERROR_READ,
                  SP_IMPORT_ERROR_BINARY };
  /* A cut line in JSON Lines is a skipped line, and no line left is no article */
  int lines_codes[] = { SP_IMPORT_ERROR_EMPTY, SP_IMPORT_ERROR_BINARY, SP_IMPORT_ERROR_EMPTY,
                        SP_IMPORT_ERROR_BINARY };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) lines_error = NULL;
      g_autoptr(GPtrArray) articles = read_as ("bad.json", inputs[i], &error);
      g_autoptr(GPtrArray) lines = read_as ("bad.jsonl", inputs[i], &lines_error);

      g_test_message ("input %u: %s / %s", i, error ? error->message : "-",
                      lines_error ? lines_error->message : "-");
      assert_refused (articles, error, codes[i], NULL);
      g_assert_null (lines);
      g_assert_error (lines_error, SP_IMPORT_ERROR, lines_codes[i]);
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) articles = read_as ("cut.json", cut, &error);

    assert_refused (articles, error, SP_IMPORT_ERROR_READ, "not valid JSON");
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) articles = read_as ("cut.jsonl", cut_lines, &error);

    assert_refused (articles, error, SP_IMPORT_ERROR_EMPTY, "1 line skipped, not valid JSON: line 1");
  }
}

/* E-mail */

#if HAVE_GMIME

static void
test_eml_alert (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = read_fixture ("eml-alert.eml", &error);
  SpArticle *article;

  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 1);
  article = article_at (articles, 0);
  /* Subject decoded from RFC 2047 ISO-8859-1, without "Fwd:" */
  g_assert_cmpstr (article->title, ==, "Gespräche über die Hafengebühr");
  g_assert_cmpint (article->title_kind, ==, SP_TITLE_KIND_HEADLINE);
  /* The date as the header writes it, not in UTC (which would be the 30th too, but later) */
  g_assert_cmpstr (article->date, ==, "2025-05-30");
  g_assert_cmpint (article->date_source, ==, SP_DATE_SOURCE_METADATA);
  g_assert_cmpstr (article->author, ==, "Jürgen Müller");
  /* The plain part, quoted-printable in ISO-8859-1; not the HTML, not the attachment */
  g_assert_cmpstr (article->body, ==, "Die Gespräche über die Hafengebühr wurden am Freitag fortgesetzt.\n"
                                      "Beide Seiten sprachen von Fortschritt.");
}

static void
test_eml_html (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = read_fixture ("eml-html.eml", &error);
  SpArticle *article;

  g_assert_no_error (error);
  article = article_at (articles, 0);
  g_assert_cmpstr (article->title, ==, "Fangquoten für 2026 vereinbart");
  g_assert_cmpstr (article->author, ==, "Island Post");
  g_assert_cmpstr (article->date, ==, "2025-06-04");
  /* Base64 in Windows-1252, read as a page: the navigation is gone */
  g_assert_nonnull (strstr (article->body, "Die Fangquoten für 2026 stehen fest – beide Flotten"));
  g_assert_null (strstr (article->body, "Home"));
}

static GBytes *
message_of (const char *content_type,
            const char *body)
{
  g_autofree char *text = g_strdup_printf ("From: a@example.org\nSubject: S\n"
                                           "Date: Mon, 2 Jun 2025 10:00:00 +0000\n"
                                           "MIME-Version: 1.0\nContent-Type: %s\n\n%s",
                                           content_type, body);

  return g_bytes_new (text, strlen (text));
}

/* format=flowed: soft line breaks are joined, the signature separator is not a soft break */
static void
test_eml_flowed (void)
{
  g_autoptr(GBytes) bytes = message_of ("text/plain; charset=UTF-8; format=flowed",
                                        "The talks resumed on Friday and both \n"
                                        "sides spoke of progress.\n"
                                        " From the minister: a deal is near.\n"
                                        "-- \nAnn\n");
  g_autoptr(GBytes) delsp = message_of ("text/plain; charset=UTF-8; format=flowed; delsp=yes",
                                        "Hafen-\ngebühr und Trans \nitgebühren\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) delsp_error = NULL;
  g_autoptr(GPtrArray) articles = read_as ("f.eml", bytes, &error);
  g_autoptr(GPtrArray) delsp_articles = read_as ("d.eml", delsp, &delsp_error);

  g_assert_no_error (error);
  g_assert_cmpstr (article_at (articles, 0)->body, ==,
                   "The talks resumed on Friday and both sides spoke of progress.\n"
                   "From the minister: a deal is near.\n--\nAnn");
  g_assert_no_error (delsp_error);
  g_assert_cmpstr (article_at (delsp_articles, 0)->body, ==, "Hafen-\ngebühr und Transitgebühren");
}

static void
test_eml_no_text (void)
{
  g_autoptr(GBytes) bytes = message_of ("multipart/mixed; boundary=\"b\"",
                                        "--b\nContent-Type: application/pdf\n"
                                        "Content-Disposition: attachment; filename=a.pdf\n\n"
                                        "JVBERi0=\n--b--\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = read_as ("a.eml", bytes, &error);

  assert_refused (articles, error, SP_IMPORT_ERROR_EMPTY, "no text part");
}

static void
test_eml_many_parts (void)
{
  g_autoptr(GString) parts = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = NULL;

  for (guint i = 0; i < 10000; i++)
    g_string_append_printf (parts, "--b\nContent-Type: text/plain\n\nPart %u.\n", i);
  g_string_append (parts, "--b--\n");

  bytes = message_of ("multipart/mixed; boundary=\"b\"", parts->str);
  articles = read_as ("many.eml", bytes, &error);
  assert_refused (articles, error, SP_IMPORT_ERROR_TOO_LARGE, "more than 1000 parts");
}

static void
test_eml_deep (void)
{
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = NULL;

  for (guint i = 0; i < 10000; i++)
    g_string_append_printf (body, "--b%u\nContent-Type: multipart/mixed; boundary=\"b%u\"\n\n", i, i + 1);
  g_string_append (body, "--b10000\nContent-Type: text/plain\n\nDeep.\n");
  for (guint i = 10001; i > 0; i--)
    g_string_append_printf (body, "--b%u--\n", i - 1);

  bytes = message_of ("multipart/mixed; boundary=\"b0\"", body->str);
  articles = read_as ("deep.eml", bytes, &error);
  g_assert_null (articles);
  g_assert_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_TOO_LARGE);
}

static void
test_eml_bad_input (void)
{
  g_autoptr(GBytes) fixture = sp_test_fixture_bytes ("eml-alert.eml");
  g_autoptr(GBytes) cut = g_bytes_new_from_bytes (fixture, 0, 600);
  g_autoptr(GBytes) cut_header = bytes_of ("From: a@example.org\nSubject: Cut in the mid");
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GBytes) noise = random_bytes (7, 4096);
  g_autoptr(GBytes) words = bytes_of ("Just some words, no headers at all.\n");
  g_autoptr(GError) cut_error = NULL;
  g_autoptr(GError) header_error = NULL;
  g_autoptr(GError) empty_error = NULL;
  g_autoptr(GError) noise_error = NULL;
  g_autoptr(GError) words_error = NULL;
  g_autoptr(GPtrArray) from_cut = read_as ("cut.eml", cut, &cut_error);
  g_autoptr(GPtrArray) from_header = read_as ("cut.eml", cut_header, &header_error);
  g_autoptr(GPtrArray) from_empty = read_as ("empty.eml", empty, &empty_error);
  g_autoptr(GPtrArray) from_noise = read_as ("noise.eml", noise, &noise_error);
  g_autoptr(GPtrArray) from_words = read_as ("words.eml", words, &words_error);

  assert_refused (from_cut, cut_error, SP_IMPORT_ERROR_INCOMPLETE, "cut short");
  assert_refused (from_header, header_error, SP_IMPORT_ERROR_INCOMPLETE, "cut short");
  assert_refused (from_empty, empty_error, SP_IMPORT_ERROR_EMPTY, "empty file");
  g_test_message ("random bytes: %s", noise_error->message);
  g_assert_null (from_noise);
  g_assert_error (noise_error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_READ);
  assert_refused (from_words, words_error, SP_IMPORT_ERROR_READ, "not an e-mail message");
}

#else

static void
test_eml_unsupported (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = read_fixture ("eml-alert.eml", &error);

  assert_refused (articles, error, SP_IMPORT_ERROR_UNSUPPORTED, "not supported in this build");
}

#endif

/* PDF */

/* The layout of pages' text, without poppler: a browser's printout of three pages */
static void
test_pdf_layout (void)
{
  static const char * const texts[] = {
    "30/05/2025, 10:15   Talks resume – Gazette\n"
    "Talks resume\n"
    "Negotiators from both delegations met again on Friday to discuss\n"
    "the levy.\n"
    "https://gazette.example/talks   1/3",
    "30/05/2025, 10:15   Talks resume – Gazette\n"
    "The minister said the talks were constructive and that a second\n"
    "round would follow in June.\n"
    "https://gazette.example/talks   2/3",
    "30/05/2025, 10:16   Talks resume – Gazette\n"
    "Page 3 of 3\n"
    "Both sides expect a deal.\n"
    "https://gazette.example/talks   3/3",
  };
  static const struct {
    guint       offset;
    const char *text;
    const char *reason;
  } removed[] = {
    { 0, "30/05/2025, 10:15   Talks resume – Gazette", "page header" },
    { 87, "https://gazette.example/talks   1/3", "page footer" },
    { 87, "30/05/2025, 10:15   Talks resume – Gazette", "page header" },
    { 180, "https://gazette.example/talks   2/3", "page footer" },
    { 180, "30/05/2025, 10:16   Talks resume – Gazette", "page header" },
    { 180, "Page 3 of 3", "page number" },
    { 207, "https://gazette.example/talks   3/3", "page footer" },
  };
  g_autoptr(GPtrArray) pages = g_ptr_array_new ();
  g_autoptr(SpArticle) article = sp_article_new ();

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    g_ptr_array_add (pages, (gpointer)texts[i]);
  sp_pdf_layout (pages, article);

  g_assert_cmpstr (article->body, ==,
                   "Talks resume\n"
                   "Negotiators from both delegations met again on Friday to discuss the levy.\n\n"
                   "The minister said the talks were constructive and that a second round would "
                   "follow in June.\n\n"
                   "Both sides expect a deal.");
  g_assert_cmpstr (article->url, ==, "https://gazette.example/talks");
  g_assert_cmpuint (article->removed->len, ==, G_N_ELEMENTS (removed));
  for (guint i = 0; i < G_N_ELEMENTS (removed); i++)
    {
      SpRemovedBlock *block = &g_array_index (article->removed, SpRemovedBlock, i);

      g_assert_cmpuint (block->offset, ==, removed[i].offset);
      g_assert_cmpstr (block->text, ==, removed[i].text);
      g_assert_cmpstr (block->reason, ==, removed[i].reason);
    }
}

/* Two pages that begin differently keep their first lines; a number in the text is no page
 * number */
static void
test_pdf_layout_keeps_text (void)
{
  const char *texts[] = { "Levy talks\nThe levy rose by\n12", "Fees\nThe fees stay.\n2025 figures" };
  g_autoptr(GPtrArray) pages = g_ptr_array_new ();
  g_autoptr(SpArticle) article = sp_article_new ();

  g_ptr_array_add (pages, (gpointer)texts[0]);
  g_ptr_array_add (pages, (gpointer)texts[1]);
  sp_pdf_layout (pages, article);

  /* "12" at the bottom of a page is taken for its number: it is kept among removed text */
  g_assert_cmpstr (article->body, ==, "Levy talks\nThe levy rose by\n\nFees\nThe fees stay.\n2025 figures");
  g_assert_cmpuint (article->removed->len, ==, 1);
  g_assert_cmpstr (g_array_index (article->removed, SpRemovedBlock, 0).text, ==, "12");
}

#if HAVE_POPPLER

static void
test_pdf_article (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = read_fixture ("pdf-article.pdf", &error);
  SpArticle *article;

  g_assert_no_error (error);
  article = article_at (articles, 0);
  g_assert_cmpstr (article->title, ==, "Harbour levy talks resume");
  g_assert_cmpstr (article->author, ==, "Ann Lee");
  g_assert_cmpstr (article->date, ==, "2025-05-30");
  /* Lines broken by the page's width are joined; short lines and pages end paragraphs */
  g_assert_cmpstr (article->body, ==,
                   "Harbour levy talks resume in Geneva\n"
                   "Negotiators from both delegations met again on Friday to discuss the harbour "
                   "levy, which the port authority wants to double before the end of the year.\n"
                   "The minister said the talks were constructive.\n\n"
                   "A second round is planned for June, when the two sides expect to settle the "
                   "remaining questions about transit fees.");
  /* The page number is taken out, and kept where it stood */
  g_assert_nonnull (article->removed);
  g_assert_cmpuint (article->removed->len, ==, 1);
  g_assert_cmpstr (g_array_index (article->removed, SpRemovedBlock, 0).text, ==, "3");
  g_assert_cmpstr (g_array_index (article->removed, SpRemovedBlock, 0).reason, ==, "page number");
  g_assert_cmpuint (g_array_index (article->removed, SpRemovedBlock, 0).offset, ==,
                    g_utf8_strlen (article->body, -1));
}

static void
test_pdf_refused (void)
{
  static const struct {
    const char *fixture;
    int         code;
    const char *words;
  } cases[] = {
    { "pdf-no-text.pdf", SP_IMPORT_ERROR_EMPTY, "has no text layer" },
    { "pdf-encrypted.pdf", SP_IMPORT_ERROR_READ, "encrypted" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) articles = read_fixture (cases[i].fixture, &error);

      assert_refused (articles, error, cases[i].code, cases[i].words);
    }
}

static void
test_pdf_bad_input (void)
{
  g_autoptr(GBytes) fixture = sp_test_fixture_bytes ("pdf-article.pdf");
  g_autoptr(GBytes) cut = g_bytes_new_from_bytes (fixture, 0, g_bytes_get_size (fixture) / 2);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GBytes) noise = random_bytes (8, 4096);
  g_autoptr(GError) cut_error = NULL;
  g_autoptr(GError) empty_error = NULL;
  g_autoptr(GError) noise_error = NULL;
  g_autoptr(GPtrArray) from_cut = read_as ("cut.pdf", cut, &cut_error);
  g_autoptr(GPtrArray) from_empty = read_as ("empty.pdf", empty, &empty_error);
  g_autoptr(GPtrArray) from_noise = read_as ("noise.pdf", noise, &noise_error);

  /* Poppler reconstructs what it can of a cut file; whatever it gives is the text it has */
  if (from_cut == NULL)
    g_assert_error (cut_error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_READ);
  assert_refused (from_empty, empty_error, SP_IMPORT_ERROR_EMPTY, "empty file");
  assert_refused (from_noise, noise_error, SP_IMPORT_ERROR_READ, "not a PDF");
}

#else

static void
test_pdf_unsupported (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = read_fixture ("pdf-article.pdf", &error);

  assert_refused (articles, error, SP_IMPORT_ERROR_UNSUPPORTED, "not supported in this build");
}

#endif

/* The importer reports what a reader skipped, and goes on */

static void
test_import_report (void)
{
  g_autofree char *dir = sp_test_make_tmpdir ();
  g_autofree char *in = g_build_filename (dir, "in", NULL);
  g_autoptr(SpProject) project = NULL;
  g_autoptr(SpImportReport) report = NULL;
  g_autofree char *deep = nested_json ("[", "]", 100000, "");
  g_autofree char *p1 = NULL, *p2 = NULL, *p3 = NULL;
  guint n_skipped = 0;

  g_assert_cmpint (g_mkdir_with_parents (in, 0700), ==, 0);
  p1 = sp_test_copy_fixture (in, "json-newsapi.json", "a-news.json");
  p2 = sp_test_write_file (in, "b-deep.json", deep, -1);
  p3 = sp_test_copy_fixture (in, "json-guardian.json", "c-guardian.json");
  project = sp_test_new_project (dir, "p.standpoint");
  report = sp_test_import_path (project, in);

  g_assert_cmpuint (sp_import_report_get_n_imported (report), ==, 3);
  g_assert_cmpuint (sp_import_report_get_n_failed (report), ==, 1);
  g_assert_cmpuint (sp_import_report_get_n_skipped (report), ==, 1);

  for (guint i = 0; i < sp_import_report_get_n_entries (report); i++)
    {
      const SpImportEntry *entry = sp_import_report_get_entry (report, i);

      if (entry->status == SP_IMPORT_STATUS_SKIPPED)
        {
          n_skipped++;
          g_assert_true (g_str_has_suffix (entry->path, "a-news.json"));
          g_assert_nonnull (strstr (entry->message, "a-news.json: 1 record skipped, no body text"));
        }
      else if (entry->status == SP_IMPORT_STATUS_IMPORTED && strstr (entry->path, "a-news.json"))
        /* Numbered among the articles, not among the records */
        g_assert_true (g_str_has_suffix (entry->path, " of 2)"));
    }
  g_assert_cmpuint (n_skipped, ==, 1);
  g_assert_nonnull (strstr (sp_test_entry_for (report, "b-deep.json")->message, "nests deeper"));

  g_clear_object (&project);
  sp_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/json/newsapi", test_json_newsapi);
  g_test_add_func ("/import/json/guardian", test_json_guardian);
  g_test_add_func ("/import/json/shapes", test_json_shapes);
  g_test_add_func ("/import/json/wrapper", test_json_wrapper);
  g_test_add_func ("/import/json/control-characters", test_json_control_characters);
  g_test_add_func ("/import/json/lines", test_json_lines);
  g_test_add_func ("/import/json/lines-as-json", test_json_lines_as_json);
  g_test_add_func ("/import/json/several-values", test_json_several_values);
  g_test_add_func ("/import/json/error-message-is-text", test_json_error_message_is_text);
  g_test_add_func ("/import/json/codebook", test_json_codebook);
  g_test_add_func ("/import/json/no-body", test_json_no_body);
  g_test_add_func ("/import/json/deep", test_json_deep);
  g_test_add_func ("/import/json/bad-input", test_json_bad_input);
#if HAVE_GMIME
  g_test_add_func ("/import/eml/alert", test_eml_alert);
  g_test_add_func ("/import/eml/html", test_eml_html);
  g_test_add_func ("/import/eml/flowed", test_eml_flowed);
  g_test_add_func ("/import/eml/no-text", test_eml_no_text);
  g_test_add_func ("/import/eml/many-parts", test_eml_many_parts);
  g_test_add_func ("/import/eml/deep", test_eml_deep);
  g_test_add_func ("/import/eml/bad-input", test_eml_bad_input);
#else
  g_test_add_func ("/import/eml/unsupported", test_eml_unsupported);
#endif
  g_test_add_func ("/import/pdf/layout", test_pdf_layout);
  g_test_add_func ("/import/pdf/layout-keeps-text", test_pdf_layout_keeps_text);
#if HAVE_POPPLER
  g_test_add_func ("/import/pdf/article", test_pdf_article);
  g_test_add_func ("/import/pdf/refused", test_pdf_refused);
  g_test_add_func ("/import/pdf/bad-input", test_pdf_bad_input);
#else
  g_test_add_func ("/import/pdf/unsupported", test_pdf_unsupported);
#endif
  g_test_add_func ("/import/formats/report", test_import_report);

  return g_test_run ();
}
