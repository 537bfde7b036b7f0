/* test-import-json.c
 *
 * What the JSON reader makes of the text inside a record: NULs that json-glib would cut a
 * string at, bodies written in Markdown (and how Markdown is told from plain text), and
 * titles with the site's name glued to their end.
 * Every record here was written for these tests.
 */
#include "config.h"

#include <string.h>

#include "import-test-util.h"
#include "sp-import-formats.h"
#include "sp-json-values.h"
#include "sp-markdown-reader.h"

static GPtrArray *
read_as (const char  *file_name,
         const char  *json,
         GError     **error)
{
  const SpImportFormat *format = sp_import_format_for_name (file_name);
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));

  g_assert_nonnull (format);
  return sp_import_format_read (format, bytes, error);
}

static SpArticle *
article_at (GPtrArray *articles,
            guint      index)
{
  g_assert_cmpuint (index, <, articles->len);
  return g_ptr_array_index (articles, index);
}

/* NULs */

/* The escape is marked in place; an escaped backslash before "u0000" is not a NUL */
static void
test_json_mark_nuls (void)
{
  char text[] = "{\"a\": \"x\\u0000y\", \"b\": \"\\\\u0000\", \"c\": \"\\uFFFF \357\277\277\"}";
  const char expected[] = "{\"a\": \"x\\uffffy\", \"b\": \"\\\\u0000\", \"c\": \"\\ufffd \357\277\275\"}";

  g_assert_cmpuint (sp_json_mark_nuls (text, strlen (text)), ==, 1);
  g_assert_cmpstr (text, ==, expected);
}

/* A NUL in a field the article is read from refuses the record, naming the field; the
 * records around it are read whole */
static void
test_json_nul_refused (void)
{
  static const char json[] =
    "[{\"title\": \"Before\", \"body\": \"The first record is whole.\"},\n"
    " {\"title\": \"Cut\", \"content\": \"The envoy said\\u0000 the talks would go on.\"},\n"
    " {\"title\": \"After\", \"body\": \"A path C:\\\\u0000 is no NUL.\"}]";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = read_as ("nul.json", json, &error);
  SpArticle *skipped;

  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 3);
  g_assert_cmpstr (article_at (articles, 0)->body, ==, "The first record is whole.");
  g_assert_cmpstr (article_at (articles, 1)->title, ==, "After");
  g_assert_cmpstr (article_at (articles, 1)->body, ==, "A path C:\\u0000 is no NUL.");

  skipped = article_at (articles, 2);
  g_assert_null (skipped->body);
  g_assert_nonnull (strstr (skipped->skipped, "NUL character"));
  g_assert_nonnull (strstr (skipped->skipped, "“content”"));
  g_assert_nonnull (strstr (skipped->skipped, "record 2"));
}

/* The same in JSON Lines, and in a field the body is found in by its length */
static void
test_json_nul_lines (void)
{
  static const char jsonl[] =
    "{\"title\": \"Fine\", \"text\": \"Nothing odd here.\"}\n"
    "{\"title\": \"Odd\", \"notes\": \"One two three four five six seven eight nine ten eleven "
    "twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty twenty-one "
    "words of prose, and then a NUL\\u0000 that would have ended the body right there, "
    "leaving the rest of this long paragraph unread and unreported.\"}\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = read_as ("nul.jsonl", jsonl, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 2);
  g_assert_cmpstr (article_at (articles, 0)->title, ==, "Fine");
  g_assert_nonnull (strstr (article_at (articles, 1)->skipped, "“notes”"));

  /* Every record cut: the file gives no article, and says why */
  g_clear_pointer (&articles, g_ptr_array_unref);
  articles = read_as ("all.json", "{\"title\": \"T\", \"body\": \"\\u0000\"}", &error);
  g_assert_null (articles);
  g_assert_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_EMPTY);
  g_assert_nonnull (strstr (error->message, "NUL character"));
}

/* Markdown */

static void
test_markdown_detect (void)
{
  static const struct {
    const char *text;
    gboolean    markdown;
  } cases[] = {
    { "Talks resumed.\n\n## What was agreed\n\nA levy.", TRUE },
    { "### Fighting\n- A drone struck a depot.", TRUE },
    { "The envoy read [the statement](https://wire.example/s) aloud.", TRUE },
    { "The deal is **not** final.", TRUE },
    { "It was *first* offered, then *withdrawn*.", TRUE },
    { "The __only__ road was closed.", TRUE },
    /* a '#' that starts no heading, asterisks and underscores inside words or runs */
    { "Ranked #1 in the poll.\n#Harbour trended all day.", FALSE },
    { "#\n#5 on the list", FALSE },
    { "Ships in port:\n# of ships: 40.", FALSE },
    { "He said he was \342\200\234p***** off\342\200\235 at the delay.", FALSE },
    { "The field snake_case_name and 2*3*4 are no emphasis.", FALSE },
    { "One *aside* in plain text is no proof.", FALSE },
    { "Brackets [like these] (and these) are prose.", FALSE },
    { "A list\n- of one\n- or two", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("case %u: %s", i, cases[i].text);
      g_assert_cmpint (sp_markdown_detect (cases[i].text), ==, cases[i].markdown);
    }
}

/* A Markdown body is read as the .md reader reads one; a plain body with a '#' is kept */
static void
test_json_markdown_body (void)
{
  static const char json[] =
    "[{\"title\": \"Levy talks\", \"formatted_content\": \"Delegates met on **Friday**.\\n\\n"
    "## What was agreed\\n\\nA levy, as [the minutes](https://port.example/minutes) say:\\n\\n"
    "- a lower rate\\n- a review in May\"},\n"
    " {\"title\": \"Ranking\", \"body\": \"The port ranks #1 in the region.\\n# of ships: 40.\"}]";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = read_as ("md.json", json, &error);
  g_autofree char *from_md = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 2);
  g_assert_cmpstr (article_at (articles, 0)->body, ==,
                   "Delegates met on Friday.\n\n"
                   "What was agreed\n\n"
                   "A levy, as the minutes say:\n\n"
                   "- a lower rate\n- a review in May");
  g_assert_cmpstr (article_at (articles, 1)->body, ==,
                   "The port ranks #1 in the region.\n# of ships: 40.");

  /* The very text the .md reader makes of the same Markdown */
  from_md = sp_markdown_to_text ("Delegates met on **Friday**.\n\n## What was agreed\n\n"
                                 "A levy, as [the minutes](https://port.example/minutes) say:\n\n"
                                 "- a lower rate\n- a review in May", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (from_md, ==, article_at (articles, 0)->body);
}

/* Titles */

/* A site's name glued to a title goes, and is the source when the record names none */
static void
test_json_title_site (void)
{
  static const struct {
    const char *json;
    const char *title;
    const char *source;
  } cases[] = {
    { "{\"title\": \"Levy talks stall again | World News | Coast Times\","
      " \"url\": \"https://www.coasttimes.example/levy\", \"body\": \"B.\"}",
      "Levy talks stall again", "Coast Times" },
    { "{\"title\": \"Ferry strike ends - Harbour Wire\","
      " \"url\": \"https://harbourwire.example/ferry\", \"body\": \"B.\"}",
      "Ferry strike ends", "Harbour Wire" },
    /* the record's own source stays; the suffix naming it still goes */
    { "{\"title\": \"Quota vote delayed | Port Gazette\", \"source\": \"The Port Gazette\","
      " \"url\": \"https://gazette.example/q\", \"body\": \"B.\"}",
      "Quota vote delayed", "The Port Gazette" },
    /* a dash inside a headline is no site's name */
    { "{\"title\": \"Fishing rights - the sticking point in the talks\","
      " \"url\": \"https://news.example/fish\", \"body\": \"B.\"}",
      "Fishing rights - the sticking point in the talks", NULL },
    { "{\"title\": \"Plain headline\", \"body\": \"B.\"}", "Plain headline", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) articles = read_as ("t.json", cases[i].json, &error);

      g_test_message ("case %u: %s", i, cases[i].json);
      g_assert_no_error (error);
      g_assert_cmpstr (article_at (articles, 0)->title, ==, cases[i].title);
      g_assert_cmpstr (article_at (articles, 0)->source, ==, cases[i].source);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/json/mark-nuls", test_json_mark_nuls);
  g_test_add_func ("/import/json/nul-refused", test_json_nul_refused);
  g_test_add_func ("/import/json/nul-lines", test_json_nul_lines);
  g_test_add_func ("/import/markdown/detect", test_markdown_detect);
  g_test_add_func ("/import/json/markdown-body", test_json_markdown_body);
  g_test_add_func ("/import/json/title-site", test_json_title_site);

  return g_test_run ();
}
