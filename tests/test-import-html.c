/* test-import-html.c
 *
 * Saved web pages: the article kept and the page around it dropped (menus, share bars, ad
 * notes, teasers, comments, newsletter boxes, petitions), the JSON-LD body used to check
 * and to stand in for the page's text, and the metadata: title without the site's name,
 * the article's date rather than a teaser's, source, address and author. The fixtures
 * html-*.html in fixtures/import/ are pages written for these tests.
 */
#include "config.h"

#include <string.h>

#include "import-test-util.h"
#include "sp-html-reader.h"

static void
assert_lacks (const char *body,
              const char *junk)
{
  if (strstr (body, junk) != NULL)
    g_error ("the body holds \"%s\":\n%s", junk, body);
}

/* The article's furniture holding @text is kept as a removed block that goes back before
 * the body's text @before */
static void
assert_removed_before (SpArticle  *article,
                       const char *text,
                       const char *before)
{
  g_assert_nonnull (article->removed);

  for (guint i = 0; i < article->removed->len; i++)
    {
      const SpRemovedBlock *block = &g_array_index (article->removed, SpRemovedBlock, i);
      const char *at;

      if (strstr (block->text, text) == NULL)
        continue;

      g_assert_nonnull (block->reason);
      at = g_utf8_offset_to_pointer (article->body, block->offset);
      g_assert_true (g_str_has_prefix (at, before));
      return;
    }

  g_error ("no removed block holds \"%s\"", text);
}

static void
test_page_around_article (void)
{
  g_autoptr(SpArticle) article = sp_test_read_html_fixture ("html-page-around-article.html");
  static const char * const junk[] = {
    "Home", "Share on", "Story continues below", "morning briefing", "newsletter",
    "More from World", "Port workers", "ferry", "42 comments", "I have been saying",
    "petition", "All rights reserved", "Grain corridor talks resume", NULL
  };

  g_assert_cmpstr (article->body, ==,
                   "Negotiators from both delegations returned to Istanbul on Tuesday to restart "
                   "talks on the grain corridor, three weeks after the last round ended without a "
                   "statement.\n\n"
                   "The mediators said the first session would deal with inspections at the ports, "
                   "the point on which the previous round broke down, before moving on to insurance "
                   "for the ships.\n\n"
                   "“We are here to close the file, not to open new ones,” the head of one "
                   "delegation told reporters outside the venue, declining to say how long the "
                   "round would last.\n\n"
                   "Diplomats briefed on the agenda said a draft text on inspections had been "
                   "circulated over the weekend and that both sides had sent back written comments "
                   "on it.\n\n"
                   "The talks are expected to run until Thursday, when the mediators plan to brief "
                   "the press on whatever has been agreed by then.");
  for (guint i = 0; junk[i] != NULL; i++)
    assert_lacks (article->body, junk[i]);

  assert_removed_before (article, "Story continues below this ad", "“We are here");
  assert_removed_before (article, "Sign up for our free newsletter", "The talks are expected");
  assert_removed_before (article, "Share on Facebook", "Negotiators from");

  g_assert_cmpstr (article->title, ==, "Grain corridor talks resume in Istanbul");
  g_assert_cmpint (article->title_kind, ==, SP_TITLE_KIND_HEADLINE);
  g_assert_cmpstr (article->date, ==, "2025-03-04");
  g_assert_cmpint (article->date_source, ==, SP_DATE_SOURCE_METADATA);
  g_assert_cmpfloat (article->date_confidence, >=, 0.9);
  g_assert_cmpstr (article->author, ==, "Mira Castellan");
  g_assert_cmpstr (article->url, ==, "https://www.harbourledger.example/world/grain-corridor-talks");
  /* No og:site_name: the domain names the source */
  g_assert_cmpstr (article->source, ==, "harbourledger.example");
}

/* The JSON-LD body says which of the page's paragraphs are the article: a promotional
 * paragraph between them, which reads like prose, goes */
static void
test_json_ld_body (void)
{
  g_autoptr(SpArticle) article = sp_test_read_html_fixture ("html-json-ld-body.html");

  g_assert_cmpstr (article->body, ==,
                   "The two provinces reached a deal on sharing the river's water on Thursday "
                   "after eleven hours of talks in the capital.\n\n"
                   "The agreement sets the share of each province for the next ten years and "
                   "creates a joint commission to settle disputes.\n\n"
                   "Farmers' groups on both sides said they would study the text before deciding "
                   "whether to support it in the coming weeks.");
  g_assert_cmpstr (article->title, ==, "Water-sharing deal reached");
  g_assert_cmpstr (article->date, ==, "2025-06-12");
  g_assert_cmpint (article->date_source, ==, SP_DATE_SOURCE_METADATA);
  g_assert_cmpstr (article->author, ==, "Odile Brand");
  g_assert_cmpstr (article->source, ==, "Valley Courier");
}

/* A page whose text a script puts in holds only "Loading…": the JSON-LD body is the article */
static void
test_script_rendered (void)
{
  g_autoptr(SpArticle) article = sp_test_read_html_fixture ("html-script-rendered.html");

  g_assert_cmpstr (article->body, ==,
                   "The northern border crossing reopened to lorries on Monday morning after a "
                   "closure that lasted six weeks.\n\n"
                   "Customs officers said the queue on the first day was shorter than feared, with "
                   "most drivers through within two hours.");
  g_assert_cmpstr (article->title, ==, "Border crossing reopens");
  g_assert_cmpstr (article->date, ==, "2025-01-20");
  g_assert_cmpstr (article->source, ==, "Plains Gazette");
}

/* Teasers of other stories, before the article in the page, carry their own dates: the
 * article's <time> is its date */
static void
test_teaser_date (void)
{
  g_autoptr(SpArticle) article = sp_test_read_html_fixture ("html-teaser-date.html");

  g_assert_cmpstr (article->date, ==, "2025-02-14");
  g_assert_cmpint (article->date_source, ==, SP_DATE_SOURCE_METADATA);
  g_assert_cmpfloat (article->date_confidence, >, 0.5);
  g_assert_cmpfloat (article->date_confidence, <, 0.9);
  g_assert_cmpstr (article->title, ==, "Observers report calm along the line");
  g_assert_true (g_str_has_prefix (article->body, "International observers reported"));
  g_assert_true (g_str_has_suffix (article->body, "if the talks on prisoner exchanges stalled again."));
  assert_lacks (article->body, "Envoys");
  assert_lacks (article->body, "Shelling");
}

/* A page cut off in the middle of a word keeps what it has */
static void
test_truncated (void)
{
  g_autoptr(SpArticle) article = sp_test_read_html_fixture ("html-truncated.html");

  g_assert_cmpstr (article->title, ==, "Tariff talks stall");
  g_assert_cmpstr (article->source, ==, "Daily Wire Service");
  g_assert_cmpstr (article->body, ==,
                   "Trade ministers failed to agree on a new tariff schedule on Wednesday, leaving "
                   "the current rates in place for at least another month.\n\n"
                   "A spokesman said the ministers would meet again after consulting their "
                   "governments, but gave no date for the next round of the tal");
  g_assert_null (article->date);
  g_assert_cmpint (article->date_source, ==, SP_DATE_SOURCE_NONE);
}

/* Site names glued to the page's title, before or after it, with any separator */
static void
test_title_site_name (void)
{
  static const struct {
    const char *head;
    const char *title;
    const char *source;
  } cases[] = {
    { "<title>Ceasefire holds for a third day - Coast Times</title>"
      "<link rel=\"canonical\" href=\"https://www.coasttimes.example/a/1\">",
      "Ceasefire holds for a third day", "coasttimes.example" },
    { "<title>Coast Times | Ceasefire holds for a third day</title>"
      "<meta property=\"og:site_name\" content=\"Coast Times\">",
      "Ceasefire holds for a third day", "Coast Times" },
    { "<title>Ceasefire holds for a third day — coasttimes.example</title>",
      "Ceasefire holds for a third day", "coasttimes.example" },
    /* A section's name behind a bar is cut, but it is not the source */
    { "<title>Ceasefire holds for a third day | World</title>",
      "Ceasefire holds for a third day", NULL },
    /* Nothing else names the site: the name cut off the title does */
    { "<title>Ceasefire holds for a third day - Entermedia</title>",
      "Ceasefire holds for a third day", "Entermedia" },
    /* A dash inside a headline is not a site name */
    { "<title>Ukraine - Russia talks open in Riyadh</title>",
      "Ukraine - Russia talks open in Riyadh", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *html = g_strconcat ("<html><head>", cases[i].head, "</head><body>"
                                           "<p>Some text of the article.</p></body></html>", NULL);
      g_autoptr(SpArticle) article = sp_test_read_html (html);

      g_test_message ("%s", cases[i].head);
      g_assert_cmpstr (article->title, ==, cases[i].title);
      g_assert_cmpstr (article->source, ==, cases[i].source);
    }
}

/* 100,000 nested elements around another story's teaser and the article: read in full,
 * the teaser dropped */
static void
test_deeply_nested_page (void)
{
  g_autoptr(GString) html = g_string_new ("<html><head><title>Deep page</title></head><body>");
  g_autoptr(SpArticle) article = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append (html, "<div>");
  g_string_append (html, "<article><p>The article at the bottom of a very deep page still has its "
                         "paragraphs read in full by the reader.</p>"
                         "<div class=\"rail\"><h3><a href=\"/x\">Another story entirely</a></h3>"
                         "<p>A line of another story, which is about something else altogether.</p>"
                         "</div></article>");
  for (guint i = 0; i < 100000; i++)
    g_string_append (html, "</div>");
  g_string_append (html, "</body></html>");

  article = sp_test_read_html (html->str);
  g_assert_cmpstr (article->body, ==,
                   "The article at the bottom of a very deep page still has its paragraphs read in "
                   "full by the reader.");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/html/page-around-article", test_page_around_article);
  g_test_add_func ("/import/html/json-ld-body", test_json_ld_body);
  g_test_add_func ("/import/html/script-rendered", test_script_rendered);
  g_test_add_func ("/import/html/teaser-date", test_teaser_date);
  g_test_add_func ("/import/html/truncated", test_truncated);
  g_test_add_func ("/import/html/title-site-name", test_title_site_name);
  g_test_add_func ("/import/html/deeply-nested-page", test_deeply_nested_page);

  return g_test_run ();
}
