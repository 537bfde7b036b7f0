/* test-import-hostile.c
 *
 * Articles written to hurt the readers: nesting that made a walk re-walk itself, nesting
 * deeper than libxml2 builds, tags with tens of thousands of attributes, Markdown that makes
 * md4c 0.4 quadratic, JSON-LD nested deeper than json-glib's recursion takes. Nothing here
 * measures time: work is counted in the readers' budget steps, and a reader whose walks are
 * linear reads each of these within a budget of a fixed number of steps per byte.
 */
#include "config.h"

#include <string.h>

#include "import-test-util.h"
#include "sp-html-bounds.h"
#include "sp-html-metadata.h"
#include "sp-html-reader.h"
#include "sp-markdown-bounds.h"
#include "sp-markdown-reader.h"
#include "sp-read-budget.h"
#include "sp-text-reader.h"

/* A linear reader needs far fewer steps per byte than this */
#define LINEAR_STEPS_PER_BYTE SP_READ_BUDGET_STEPS_PER_BYTE
/* No deadline: these tests count steps, not time */
#define NO_DEADLINE (G_MAXINT64 / 4)

/* Reads @html within LINEAR_STEPS_PER_BYTE steps a byte; @steps gets what it took */
static SpArticle *
read_html_linear (const char *html,
                  guint64    *steps)
{
  gsize length = strlen (html);
  g_autoptr(SpReadBudget) budget = sp_read_budget_new_full (NO_DEADLINE,
                                                            LINEAR_STEPS_PER_BYTE * length);
  g_autoptr(GError) error = NULL;
  SpArticle *article = sp_html_reader_read (html, length, budget, &error);

  g_assert_no_error (error);
  g_assert_nonnull (article);
  if (steps != NULL)
    *steps = sp_read_budget_get_steps (budget);

  return article;
}

static char *
repeat (const char *unit,
        guint       n)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append (out, unit);

  return g_string_free (out, FALSE);
}

/* Twice the input takes about twice the steps, not four times or more */
static void
assert_linear (const char *what,
               guint64     steps,
               guint64     steps_twice)
{
  g_test_message ("%s: %" G_GUINT64_FORMAT " steps, twice as much input %" G_GUINT64_FORMAT,
                  what, steps, steps_twice);
  g_assert_cmpuint (steps_twice * 2, <=, steps * 5);
}

/* '<h1>' * 40 + '<p>Body text.</p>': finding the first heading walked each nested <h1>
 * again, so the time doubled with every level */
static char *
nested_headings (guint n)
{
  g_autofree char *open = repeat ("<h1>", n);

  return g_strconcat (open, "<p>Body text.</p>\n", NULL);
}

static void
test_nested_headings (void)
{
  g_autofree char *html = nested_headings (40);
  g_autofree char *twice = nested_headings (80);
  g_autoptr(SpArticle) article = NULL;
  g_autoptr(SpArticle) article_twice = NULL;
  guint64 steps = 0;
  guint64 steps_twice = 0;

  article = read_html_linear (html, &steps);
  article_twice = read_html_linear (twice, &steps_twice);

  g_assert_cmpstr (article->body, ==, "Body text.");
  g_assert_cmpstr (article->title, ==, "Body text.");
  g_assert_cmpstr (article_twice->body, ==, "Body text.");
  assert_linear ("nested <h1>", steps, steps_twice);
}

/* Each <article> was measured with its whole subtree, and each checked all its ancestors */
static void
test_nested_articles (void)
{
  g_autofree char *html = repeat ("<article><p>Story text.</p>", 80);
  g_autofree char *twice = repeat ("<article><p>Story text.</p>", 160);
  g_autoptr(SpArticle) article = NULL;
  g_autoptr(SpArticle) article_twice = NULL;
  guint64 steps = 0;
  guint64 steps_twice = 0;

  article = read_html_linear (html, &steps);
  article_twice = read_html_linear (twice, &steps_twice);

  g_assert_true (g_str_has_prefix (article->body, "Story text.\n\nStory text."));
  assert_linear ("nested <article>", steps, steps_twice);
}

/* libxml2 stopped at 256 levels and the rest of the page was gone: the text ended at
 * "Sentence 253" */
static void
test_deep_nesting_keeps_text (void)
{
  g_autoptr(GString) html = g_string_new ("<h1>U</h1>");
  g_autoptr(GString) expected = g_string_new ("Sentence 0.");
  g_autoptr(SpArticle) article = NULL;

  for (guint i = 0; i < 300; i++)
    {
      g_string_append_printf (html, "<div class=c><p>Sentence %u.</p>", i);
      if (i > 0)
        g_string_append_printf (expected, "\n\nSentence %u.", i);
    }
  g_string_append (html, "<p>LAST</p>\n");
  g_string_append (expected, "\n\nLAST");

  article = read_html_linear (html->str, NULL);
  /* The headline is the title, not the body's first line */
  g_assert_cmpstr (article->title, ==, "U");
  g_assert_cmpstr (article->body, ==, expected->str);
}

/* Far deeper than libxml2 goes, with text at every level */
static void
test_very_deep_nesting (void)
{
  g_autoptr(GString) html = g_string_new (NULL);
  g_autoptr(SpArticle) article = NULL;

  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (html, "<section><span>w%u</span>", i);

  article = read_html_linear (html->str, NULL);
  g_assert_true (g_str_has_prefix (article->body, "w0"));
  g_assert_true (g_str_has_suffix (article->body, "w4999"));
  g_assert_nonnull (strstr (article->body, "w2500"));
}

/* The page libxml2 is given never opens more than SP_HTML_MAX_DEPTH elements at once */
static void
test_bound_depth (void)
{
  g_autofree char *deep = repeat ("<div>x", 1000);
  g_autofree char *shallow = repeat ("<div>x</div>", 1000);
  g_autofree char *bounded = NULL;
  g_autofree char *unchanged = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  guint n_divs = 0;

  g_assert_true (sp_html_bound (deep, strlen (deep), NULL, &bounded, &length, &error));
  g_assert_no_error (error);
  g_assert_nonnull (bounded);
  for (const char *p = bounded; (p = strstr (p, "<div>")) != NULL; p++)
    n_divs++;
  g_assert_cmpuint (n_divs, <, SP_HTML_MAX_DEPTH);
  g_assert_cmpuint (n_divs, >, SP_HTML_MAX_DEPTH - 10);

  /* Elements that close leave the page as it is */
  g_assert_true (sp_html_bound (shallow, strlen (shallow), NULL, &unchanged, &length, &error));
  g_assert_null (unchanged);
}

/* libxml2 2.9.14 compares each attribute with all before it: 80,000 took 77 s */
static void
test_many_attributes (void)
{
  g_autoptr(GString) html = g_string_new ("<p");
  g_autofree char *bounded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpArticle) article = NULL;
  gsize length = 0;
  guint n_attributes = 0;

  for (guint i = 0; i < 80000; i++)
    g_string_append_printf (html, " a%u=1", i);
  g_string_append (html, ">Text here.</p>\n");

  g_assert_true (sp_html_bound (html->str, html->len, NULL, &bounded, &length, &error));
  g_assert_no_error (error);
  g_assert_nonnull (bounded);
  for (const char *p = bounded; *p; p++)
    if (*p == '=')
      n_attributes++;
  g_assert_cmpuint (n_attributes, ==, SP_HTML_MAX_ATTRIBUTES);
  g_assert_true (g_str_has_suffix (bounded, ">Text here.</p>\n"));

  article = read_html_linear (html->str, NULL);
  g_assert_cmpstr (article->body, ==, "Text here.");
}

/* A page of a million empty elements is refused before libxml2 builds it */
static void
test_too_many_tags (void)
{
  g_autofree char *html = repeat ("<b></b>", SP_HTML_MAX_TAGS / 2 + 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpArticle) article = NULL;

  article = sp_html_reader_read (html, strlen (html), NULL, &error);
  g_assert_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "too many HTML elements (over 1000000)");
  g_assert_null (article);
}

/* Tags inside scripts are not tags, and end tags a table cell shields do not close */
static void
test_bound_follows_libxml2 (void)
{
  g_autofree char *in_script = NULL;
  g_autofree char *bounded = NULL;
  g_autoptr(GString) shielded = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpArticle) article = NULL;
  gsize length = 0;

  /* "</div>" inside a script closes nothing: the divs stay open, and are bounded */
  in_script = repeat ("<div><script>'</div>'</script>x", 1000);
  g_assert_true (sp_html_bound (in_script, strlen (in_script), NULL, &bounded, &length, &error));
  g_assert_nonnull (bounded);
  g_clear_pointer (&bounded, g_free);

  /* "</div>" does not close an open <td>: libxml2 keeps both open */
  for (guint i = 0; i < 1000; i++)
    g_string_append_printf (shielded, "<div><td>cell %u</div>", i);
  g_assert_true (sp_html_bound (shielded->str, shielded->len, NULL, &bounded, &length, &error));
  g_assert_nonnull (bounded);

  article = read_html_linear (shielded->str, NULL);
  g_assert_true (g_str_has_prefix (article->body, "cell 0"));
  g_assert_true (g_str_has_suffix (article->body, "cell 999"));
}

/* The budget itself: time, steps, and the messages */
static void
test_budget (void)
{
  static const char html[] = "<html><body><p>Text.</p></body></html>";
  g_autoptr(SpReadBudget) no_time = sp_read_budget_new_full (0, G_MAXUINT64);
  g_autoptr(SpReadBudget) no_steps = sp_read_budget_new_full (NO_DEADLINE, 3);
  g_autoptr(SpReadBudget) counting = sp_read_budget_new_full (NO_DEADLINE, 10);
  g_autoptr(SpReadBudget) for_markdown = sp_read_budget_new_full (0, G_MAXUINT64);
  g_autoptr(SpReadBudget) for_text = sp_read_budget_new_full (0, G_MAXUINT64);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpArticle) article = NULL;

  /* A budget of no time runs out at the first step */
  article = sp_html_reader_read (html, strlen (html), no_time, &error);
  g_assert_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_TOO_SLOW);
  g_assert_cmpstr (error->message, ==, "took too long to read (over 0 seconds)");
  g_assert_null (article);
  g_clear_error (&error);

  article = sp_markdown_reader_read ("# Title\n\nText.", for_markdown, &error);
  g_assert_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_TOO_SLOW);
  g_assert_null (article);
  g_clear_error (&error);

  article = sp_text_reader_read_plain ("Title\n\nText.", for_text, &error);
  g_assert_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_TOO_SLOW);
  g_assert_null (article);
  g_clear_error (&error);

  /* So does one of too few steps */
  article = sp_html_reader_read (html, strlen (html), no_steps, &error);
  g_assert_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_TOO_SLOW);
  g_assert_cmpstr (error->message, ==,
                   "took too long to read (its structure needs more work than its size allows)");
  g_assert_null (article);
  g_clear_error (&error);

  /* Spending: up to the limit, then spent for good */
  g_assert_true (sp_read_budget_spend (counting, 4));
  g_assert_true (sp_read_budget_spend (counting, 6));
  g_assert_false (sp_read_budget_is_exhausted (counting));
  g_assert_false (sp_read_budget_set_error (counting, &error));
  g_assert_no_error (error);
  g_assert_false (sp_read_budget_spend (counting, 1));
  g_assert_true (sp_read_budget_is_exhausted (counting));
  g_assert_false (sp_read_budget_spend (counting, 0));
  g_assert_true (sp_read_budget_set_error (counting, &error));
  g_assert_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_TOO_SLOW);

  /* No budget allows everything */
  g_assert_true (sp_read_budget_spend (NULL, G_MAXUINT64));
  g_assert_true (sp_read_budget_check_clock (NULL));
}

/* Markdown that md4c 0.4.8 takes quadratic time on is rewritten first, with the same text */
static void
test_markdown_bounds (void)
{
  g_autofree char *link_lines = repeat ("[a](b)\n", 3000);
  g_autofree char *nested = NULL;
  g_autofree char *bounded = NULL;
  g_autoptr(SpArticle) article = NULL;
  g_autoptr(SpArticle) nested_article = NULL;
  g_autofree char *open = repeat ("[", 100);
  g_autofree char *close = repeat ("]", 100);
  gsize length = 0;

  /* Thousands of lines of links in one paragraph become more than one paragraph */
  bounded = sp_markdown_bound (link_lines, strlen (link_lines), &length);
  g_assert_nonnull (bounded);
  g_assert_nonnull (strstr (bounded, "\n\n[a](b)"));
  g_clear_pointer (&bounded, g_free);

  article = sp_test_read_markdown (link_lines);
  g_assert_true (g_str_has_prefix (article->body, "a\na\na"));
  g_assert_cmpuint (strlen (article->body), <, 3 * 3000);

  /* Deeply nested brackets next to a link reference definition: the definition is text */
  nested = g_strconcat (open, "x", close, "\n\n[a]: /b\n", NULL);
  bounded = sp_markdown_bound (nested, strlen (nested), &length);
  g_assert_nonnull (bounded);
  g_assert_true (g_str_has_suffix (bounded, "\n\n\\[a]: /b\n"));

  nested_article = sp_test_read_markdown (nested);
  g_assert_true (g_str_has_suffix (nested_article->body, "]\n\n[a]: /b"));

  /* Ordinary Markdown is left as it is */
  g_clear_pointer (&bounded, g_free);
  {
    static const char plain[] = "# T\n\n[a][r] and [b](c)\n\n[r]: /x\n";

    g_assert_null (sp_markdown_bound (plain, strlen (plain), &length));
  }
}

/* Lines that would make a naive Markdown reader take quadratic time or deep recursion */
static void
test_markdown_hostile (void)
{
  static const char units[] = "[(`*_!<";

  for (guint u = 0; u < strlen (units); u++)
    {
      g_autoptr(GString) line = g_string_new (NULL);
      g_autoptr(SpArticle) article = NULL;

      for (guint i = 0; i < 200000; i++)
        g_string_append_c (line, units[u]);
      g_string_append (line, "](x) ``` end");

      article = sp_test_read_markdown (line->str);
      g_assert_nonnull (article->body);
    }
}

/* JSON-LD: json-glib finds the date wherever the article puts it, and JSON nested deeper
 * than its recursion can take is not given to it */
static void
test_json_ld (void)
{
  static const struct {
    const char *json;
    const char *date;
  } cases[] = {
    { "{\"@type\": \"NewsArticle\", \"datePublished\": \"2024-01-05T09:00:00Z\"}", "2024-01-05" },
    { "[{\"@type\": \"WebSite\"}, {\"@type\": \"NewsArticle\", \"datePublished\": \"2023-02-03\"}]",
      "2023-02-03" },
    { "{\"@graph\": [{\"@type\": \"WebPage\", \"datePublished\": \"soon\"}, "
      "{\"@type\": \"Article\", \"datePublished\": \"2022-03-04\"}]}", "2022-03-04" },
    /* The article's own date comes before those of what it mentions */
    { "{\"mainEntity\": {\"datePublished\": \"2020-01-01\"}, \"datePublished\": \"2021-01-01\"}",
      "2021-01-01" },
    { "{\"datePublished\": 20240105}", NULL },
    { "{\"datePublished\": \"2024-01-05\",}", NULL },
    { "not json at all", NULL },
    { "", NULL },
  };
  g_autofree char *open = repeat ("[", 100000);
  g_autofree char *close = repeat ("]", 100000);
  g_autofree char *deep = g_strconcat (open, "{\"datePublished\": \"2024-01-05\"}", close, NULL);
  g_autofree char *page = g_strconcat ("<html><head><script type=\"application/ld+json\">", deep,
                                       "</script></head><body><p>Text.</p></body></html>", NULL);
  g_autoptr(SpArticle) article = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *date = sp_html_json_ld_date (cases[i].json);

      g_test_message ("%s", cases[i].json);
      g_assert_cmpstr (date, ==, cases[i].date);
    }

  g_assert_null (sp_html_json_ld_date (deep));

  article = sp_test_read_html (page);
  g_assert_cmpstr (article->body, ==, "Text.");
  g_assert_null (article->date);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/hostile/nested-headings", test_nested_headings);
  g_test_add_func ("/import/hostile/nested-articles", test_nested_articles);
  g_test_add_func ("/import/hostile/deep-nesting-keeps-text", test_deep_nesting_keeps_text);
  g_test_add_func ("/import/hostile/very-deep-nesting", test_very_deep_nesting);
  g_test_add_func ("/import/hostile/bound-depth", test_bound_depth);
  g_test_add_func ("/import/hostile/many-attributes", test_many_attributes);
  g_test_add_func ("/import/hostile/too-many-tags", test_too_many_tags);
  g_test_add_func ("/import/hostile/bound-follows-libxml2", test_bound_follows_libxml2);
  g_test_add_func ("/import/hostile/budget", test_budget);
  g_test_add_func ("/import/hostile/markdown-bounds", test_markdown_bounds);
  g_test_add_func ("/import/hostile/markdown", test_markdown_hostile);
  g_test_add_func ("/import/hostile/json-ld", test_json_ld);

  return g_test_run ();
}
