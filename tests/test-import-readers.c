/* test-import-readers.c
 *
 * The readers: plain text and its layout, Markdown, HTML (content, metadata, title), and
 * finding dates. The fixtures in fixtures/import/ are articles written for these tests.
 */
#include "config.h"

#include <string.h>

#include "import-test-util.h"
#include "sp-date-scan.h"
#include "sp-html-reader.h"
#include "sp-text-reader.h"

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

  article = sp_test_read_plain ("\n\n  Harbour levy approved  \nBy Ann Lee\n\n\n\nText.\n");
  g_assert_cmpstr (article->title, ==, "Harbour levy approved");
  g_assert_cmpstr (article->body, ==, "  Harbour levy approved\nBy Ann Lee\n\nText.");
  g_assert_null (article->date);

  /* Front matter in a text file is metadata, not text */
  front = sp_test_read_plain ("---\ntitle: Levy approved\nurl: https://x.example/a\n---\nBody.\n");
  g_assert_cmpstr (front->title, ==, "Levy approved");
  g_assert_cmpstr (front->url, ==, "https://x.example/a");
  g_assert_cmpstr (front->body, ==, "Body.");

  /* ... but dashes around ordinary lines are text */
  not_front = sp_test_read_plain ("---\nJust a rule above a line\n---\nBody.\n");
  g_assert_cmpstr (not_front->title, ==, "---");
  g_assert_cmpstr (not_front->body, ==, "---\nJust a rule above a line\n---\nBody.");

  /* A first line that is a whole paragraph gives a shortened title */
  for (guint i = 0; i < 100; i++)
    g_string_append (words, "word ");
  long_line = sp_test_read_plain (words->str);
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
    { "[**bold link**](u) and [ref link][r] and [no link]\n\n[r]: https://x.example/r",
      "bold link and ref link and [no link]" },
    /* CommonMark: a reference to a label nobody defined is text */
    { "[ref link][undefined]", "[ref link][undefined]" },
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
      g_autoptr(SpArticle) article = sp_test_read_markdown (cases[i].markdown);

      g_autofree char *escaped = g_strescape (cases[i].markdown, NULL);

      g_test_message ("%s", escaped);
      g_assert_cmpstr (article->body, ==, cases[i].text);
    }
}

static void
test_text_markdown_title (void)
{
  g_autoptr(SpArticle) heading = sp_test_read_markdown ("Kicker line\n\n## Sub\n\n# The *Real* Title\n\nBody");
  g_autoptr(SpArticle) setext = sp_test_read_markdown ("Setext Title\n============\n\nBody");
  g_autoptr(SpArticle) plain = sp_test_read_markdown ("\n**First** line\n\nBody");
  g_autoptr(SpArticle) yaml = sp_test_read_markdown (
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

/* HTML */

static void
test_html_fixture (void)
{
  g_autoptr(SpArticle) article = sp_test_read_html_fixture ("article.html");

  g_assert_cmpstr (article->title, ==, "Rivers Pact Signed After Night of Talks");
  g_assert_cmpstr (article->date, ==, "2024-09-21");
  g_assert_cmpstr (article->author, ==, "Jonas Whitfield");
  g_assert_cmpstr (article->url, ==, "https://courier.example/2024/09/rivers-pact");
  g_assert_cmpstr (article->source, ==, "The Valley Courier");
  g_assert_cmpint (article->date_source, ==, SP_DATE_SOURCE_METADATA);
  g_assert_cmpfloat (article->date_confidence, >=, 0.9);
  /* The headline is the title and the byline the author: neither stays in the body */
  g_assert_cmpstr (article->body, ==,
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
  g_autoptr(SpArticle) article = sp_test_read_html_fixture ("article-latin9.html");

  g_assert_cmpstr (article->title, ==, "Café prices climb in Lille");
  g_assert_cmpstr (article->date, ==, "2023-11-05");
  g_assert_cmpstr (article->body, ==,
                   "A coffee now costs 3 € in the cœur of the old town, said François Müller.");
}

static void
test_html_structure (void)
{
  /* A site whose <h1> is its logo: the page's title is taken, without the site's name */
  g_autoptr(SpArticle) logo = sp_test_read_html (
    "<html><head><title>Ferry strike ends after talks – Coast Times</title>"
    "<meta property=\"og:site_name\" content=\"Coast Times\"></head>"
    "<body><h1>Coast Times</h1><h2>Ferry strike ends after talks</h2><p>Text.</p></body></html>");
  /* A page wrapped in one <form> (ASP.NET) keeps its text; a search form does not */
  g_autoptr(SpArticle) form = sp_test_read_html (
    "<html><body><form action=\"/search\"><input name=\"q\"><p>Search tips</p></form>"
    "<form method=\"post\"><h1>Budget passed</h1><p>One.</p><p>Two.</p></form></body></html>");
  /* The largest <article> is the content; teasers and chrome around it are not */
  g_autoptr(SpArticle) largest = sp_test_read_html (
    "<html><body><div>Top bar text</div>"
    "<article><h2><a href=\"/t\">Teaser</a></h2></article>"
    "<article><h1>Main story</h1><p>A long enough paragraph of the main story's text.</p>"
    "<footer>Filed under politics</footer></article>"
    "<footer>Site footer</footer></body></html>");
  /* Lists of links (menus, related stories) go; links inside prose stay */
  g_autoptr(SpArticle) links = sp_test_read_html (
    "<html><body><div><a href=\"/1\">Home</a> <a href=\"/2\">World</a> <a href=\"/3\">Sport</a></div>"
    "<p>The minister <a href=\"/m\">said</a> no.</p>"
    "<div id=\"comments\"><p>First!</p></div></body></html>");
  /* Entities, <br>, table cells, a JSON-LD date, and no title but the text */
  g_autoptr(SpArticle) misc = sp_test_read_html (
    "<html><head><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", "
    "\"datePublished\": \"2024-01-05T09:00:00Z\"}</script></head>"
    "<body><p>A&amp;B &lt;tag&gt; caf&eacute;<br/>next line</p>"
    "<table><tr><td>x</td><td>y</td></tr><tr><td>z</td></tr></table></body></html>");
  /* Broken markup is read as well as it can be */
  g_autoptr(SpArticle) broken = sp_test_read_html ("<p>Unclosed <b>bold <i>italic</p><p>Next</div></span>");
  g_autoptr(SpArticle) empty = sp_test_read_html ("<html><head><title>Only a title</title></head></html>");

  g_assert_cmpstr (logo->title, ==, "Ferry strike ends after talks");
  g_assert_cmpstr (form->title, ==, "Budget passed");
  g_assert_cmpstr (form->body, ==, "Budget passed\n\nOne.\n\nTwo.");
  g_assert_cmpstr (largest->title, ==, "Main story");
  g_assert_cmpstr (largest->body, ==,
                   "A long enough paragraph of the main story's text.\n\nFiled under politics");
  g_assert_cmpstr (links->body, ==, "The minister said no.");
  g_assert_cmpstr (misc->date, ==, "2024-01-05");
  g_assert_cmpstr (misc->title, ==, "A&B <tag> café");
  g_assert_cmpstr (misc->body, ==, "A&B <tag> café\nnext line\n\nx y\nz");
  g_assert_cmpstr (broken->body, ==, "Unclosed bold italic\n\nNext");
  g_assert_cmpstr (empty->body, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/text/tidy", test_tidy);
  g_test_add_func ("/import/date/scan-header", test_date_scan_header);
  g_test_add_func ("/import/date/parse", test_date_parse);
  g_test_add_func ("/import/text/plain", test_text_plain);
  g_test_add_func ("/import/text/markdown-inline", test_text_markdown_inline);
  g_test_add_func ("/import/text/markdown-title", test_text_markdown_title);
  g_test_add_func ("/import/html/fixture", test_html_fixture);
  g_test_add_func ("/import/html/declared-charset", test_html_declared_charset);
  g_test_add_func ("/import/html/structure", test_html_structure);

  return g_test_run ();
}
