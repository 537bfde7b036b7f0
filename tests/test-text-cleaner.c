/* test-text-cleaner.c
 *
 * The cleaning of text articles: furniture at the ends and in the middle, the article's end
 * (its credit line, a piece in another voice glued under it), the metadata at the top
 * (headline, dateline, source, photo captions), lines that recur across documents, and
 * removed blocks that go back where they stood. The fixtures in fixtures/text-cleaner/ are
 * articles written for these tests; the seeds of the shared corpus are read when they are
 * there.
 */
#include "config.h"

#include <string.h>

#include "import-test-util.h"
#include "sp-date-scan.h"
#include "sp-text-cleaner.h"
#include "sp-text-decode.h"
#include "sp-text-header.h"
#include "sp-text-reader.h"

/* A line counter over a set of documents: how many of the others hold a line */
typedef struct
{
  GHashTable *counts;  /* line hash → documents holding it */
  GArray     *own;     /* the hashes of the document being cleaned */
} LineCounter;

static void
line_counter_add (LineCounter *counter,
                  const char  *body)
{
  g_autoptr(GArray) hashes = sp_text_line_hashes (body);

  for (guint i = 0; i < hashes->len; i++)
    {
      guint64 hash = g_array_index (hashes, guint64, i);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counter->counts, &hash));

      g_hash_table_insert (counter->counts, g_memdup2 (&hash, sizeof hash),
                           GUINT_TO_POINTER (n + 1));
    }
}

static guint
line_counter_count (guint64  line_hash,
                    gpointer user_data)
{
  LineCounter *counter = user_data;
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counter->counts, &line_hash));

  for (guint i = 0; counter->own != NULL && i < counter->own->len; i++)
    if (g_array_index (counter->own, guint64, i) == line_hash)
      return n > 0 ? n - 1 : 0;

  return n;
}

static LineCounter *
line_counter_new (void)
{
  LineCounter *counter = g_new0 (LineCounter, 1);

  counter->counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  return counter;
}

static void
line_counter_free (LineCounter *counter)
{
  g_hash_table_unref (counter->counts);
  g_clear_pointer (&counter->own, g_array_unref);
  g_free (counter);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LineCounter, line_counter_free)

static void
clean_counted (SpArticle   *article,
               LineCounter *counter)
{
  g_clear_pointer (&counter->own, g_array_unref);
  counter->own = sp_text_line_hashes (article->body);
  sp_text_clean (article, line_counter_count, counter);
  g_clear_pointer (&counter->own, g_array_unref);
}

static SpArticle *
read_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  SpArticle *article = sp_text_reader_read_plain (text, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (article);
  return article;
}

static SpArticle *
read_path (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  gsize length;

  g_file_get_contents (path, &raw, &length, &error);
  g_assert_no_error (error);
  text = sp_text_decode (raw, length, NULL, SP_TEXT_DECODE_DEFAULT, &error);
  g_assert_no_error (error);

  return read_text (text);
}

static SpArticle *
read_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "text-cleaner", name,
                                                 NULL);

  return read_path (path);
}

static guint
n_removed (const SpArticle *article)
{
  return article->removed != NULL ? article->removed->len : 0;
}

/* Cleans @article and checks that nothing of it went */
static void
assert_kept_whole (SpArticle *article)
{
  g_autofree char *before = g_strdup (article->body);

  sp_text_clean (article, NULL, NULL);
  g_assert_cmpstr (article->body, ==, before);
  g_assert_cmpuint (n_removed (article), ==, 0);
}

static const SpRemovedBlock *
removed_block (const SpArticle *article,
               guint            i)
{
  g_assert_cmpuint (i, <, n_removed (article));
  return &g_array_index (article->removed, SpRemovedBlock, i);
}

/* The reasons of the removed blocks, joined by "," */
static char *
reasons (const SpArticle *article)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n_removed (article); i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, removed_block (article, i)->reason);
    }

  return g_string_free (out, FALSE);
}

static char *
last_line (const char *body)
{
  const char *start = strrchr (body, '\n');

  return g_strdup (start != NULL ? start + 1 : body);
}

/* Puts every removed block back before the character it names and returns the non-empty
 * lines of the result, joined by "\n" */
static char *
restore_all (const SpArticle *article)
{
  g_autoptr(GString) text = g_string_new (article->body);
  g_autoptr(GString) lines = g_string_new (NULL);
  g_auto(GStrv) split = NULL;
  guint previous = 0;

  for (guint i = 0; i < n_removed (article); i++)
    {
      g_assert_cmpuint (removed_block (article, i)->offset, >=, previous);
      previous = removed_block (article, i)->offset;
    }

  for (guint i = n_removed (article); i > 0; i--)
    {
      const SpRemovedBlock *block = removed_block (article, i - 1);
      glong length = g_utf8_strlen (text->str, -1);
      gsize at;
      g_autofree char *insert = NULL;

      g_assert_cmpuint (block->offset, <=, length);
      at = g_utf8_offset_to_pointer (text->str, block->offset) - text->str;
      insert = g_strconcat ("\n", block->text, "\n", NULL);
      g_string_insert (text, at, insert);
    }

  split = g_strsplit (text->str, "\n", -1);
  for (guint i = 0; split[i] != NULL; i++)
    {
      g_strstrip (split[i]);
      if (split[i][0] == '\0')
        continue;
      if (lines->len > 0)
        g_string_append_c (lines, '\n');
      g_string_append (lines, split[i]);
    }

  return g_string_free (g_steal_pointer (&lines), FALSE);
}

static char *
nonblank_lines (const char *text)
{
  g_autoptr(SpArticle) article = sp_article_new ();

  article->body = g_strdup (text);
  return restore_all (article);
}

static void
drop_newlines (char *text)
{
  char *out = text;

  for (const char *p = text; *p != '\0'; p++)
    if (*p != '\n')
      *out++ = *p;
  *out = '\0';
}

/* Nothing is lost: the kept body and the removed blocks, each put back before the
 * character it names, make the text read, in its order (a label glued to a paragraph comes
 * back on a line of its own) */
static void
assert_nothing_lost (const char *before,
                     SpArticle  *article)
{
  g_autofree char *original = nonblank_lines (before);
  g_autofree char *restored = restore_all (article);

  drop_newlines (original);
  drop_newlines (restored);
  g_assert_cmpstr (restored, ==, original);
}

/* Line hashes */

/* The hashes are stored with a project's line counts: they never change */
static void
test_line_hash (void)
{
  static const struct {
    const char *line;
    guint64     hash;
  } pinned[] = {
    { "Posted 3 hours ago", 0x44705df42192ee7cULL },
    { "Share on Facebook \302\253||\302\273 Share on X", 0x20a040e8b93f4877ULL },
    { "\303\234n\303\257c\303\266d\303\251  Zeile 12", 0xa6fecc4acaf34811ULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pinned); i++)
    g_assert_cmphex (sp_text_line_hash (pinned[i].line, strlen (pinned[i].line)), ==,
                     pinned[i].hash);

  /* Case, runs of digits and of white space do not count */
  g_assert_cmphex (sp_text_line_hash ("Posted 3 hours ago", 18), ==,
                   sp_text_line_hash ("posted 12  HOURS\tago ", 21));
  g_assert_cmphex (sp_text_line_hash ("a\vb", 3), !=, sp_text_line_hash ("a b", 3));
}

/* An article read from a fixture and cleaned, with the reasons of its removed blocks and
 * its body's last line; what was removed is checked to be all there */
typedef struct
{
  SpArticle *article;
  char      *why;
  char      *last;
} Cleaned;

static void
cleaned_clear (Cleaned *cleaned)
{
  g_clear_pointer (&cleaned->article, sp_article_free);
  g_clear_pointer (&cleaned->why, g_free);
  g_clear_pointer (&cleaned->last, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Cleaned, cleaned_clear)

static void
clean_fixture (const char *name,
               Cleaned    *cleaned)
{
  g_autofree char *before = NULL;

  cleaned->article = read_fixture (name);
  before = g_strdup (cleaned->article->body);
  sp_text_clean (cleaned->article, NULL, NULL);
  cleaned->why = reasons (cleaned->article);
  cleaned->last = last_line (cleaned->article->body);
  assert_nothing_lost (before, cleaned->article);
}

/* Fixtures */

static void
test_tail_furniture (void)
{
  g_auto(Cleaned) cleaned = { 0 };
  SpArticle *article;

  clean_fixture ("tail-furniture.txt", &cleaned);
  article = cleaned.article;

  g_assert_cmpstr (article->title, ==, "Harbour Council Weighs New Ferry Timetable in Port Talks");
  g_assert_cmpint (article->title_kind, ==, SP_TITLE_KIND_HEADLINE);
  g_assert_cmpstr (article->date, ==, "2024-06-03");
  g_assert_cmpint (article->date_source, ==, SP_DATE_SOURCE_DATELINE);
  g_assert_cmpfloat (article->date_confidence, >, 0.5);
  g_assert_cmpstr (cleaned.why, ==, "dateline,tags,related articles");
  g_assert_true (g_str_has_suffix (cleaned.last, "according to the council's spokesperson."));
  g_assert_null (strstr (article->body, "Search"));
  g_assert_null (strstr (article->body, "views"));
  /* The headline stays the body's first line */
  g_assert_true (g_str_has_prefix (article->body, "Harbour Council Weighs"));
  /* The dateline stood before the first paragraph; the tail goes back at the end */
  g_assert_cmpuint (removed_block (article, 0)->offset, ==,
                    g_utf8_strlen ("Harbour Council Weighs New Ferry Timetable in Port Talks\n\n", -1));
  g_assert_cmpuint (removed_block (article, 2)->offset, ==, g_utf8_strlen (article->body, -1));
}

static void
test_credit_teasers (void)
{
  g_auto(Cleaned) cleaned = { 0 };
  SpArticle *article;

  clean_fixture ("credit-teasers.txt", &cleaned);
  article = cleaned.article;

  g_assert_cmpstr (article->title, ==, "In talks with growers, ministry says quota must be halved");
  g_assert_null (article->date);
  g_assert_cmpstr (cleaned.last, ==, "Contributing: Example Wire reporter Ola Berg");
  g_assert_cmpstr (cleaned.why, ==, "related articles,newsletter box");
  g_assert_nonnull (strstr (removed_block (article, 0)->text, "A former mayor marked"));
}

static void
test_caption_date (void)
{
  g_auto(Cleaned) cleaned = { 0 };
  SpArticle *article;

  clean_fixture ("caption-date.txt", &cleaned);
  article = cleaned.article;

  /* The site's name glued to the headline goes; the caption's date is not the article's */
  g_assert_cmpstr (article->title, ==, "Mediator says both sides accepted river border commission");
  g_assert_cmpint (article->title_kind, ==, SP_TITLE_KIND_HEADLINE);
  g_assert_null (article->date);
  g_assert_cmpint (article->date_source, ==, SP_DATE_SOURCE_NONE);
  g_assert_cmpstr (cleaned.why, ==, "site name,photo caption,comments");
  /* The body's headline loses it too, and it is kept where it stood */
  g_assert_true (g_str_has_prefix (article->body,
                                   "Mediator says both sides accepted river border commission\n"));
  g_assert_cmpstr (removed_block (article, 0)->text, ==, "westbankdaily");
  g_assert_cmpuint (removed_block (article, 0)->offset, ==,
                    g_utf8_strlen (article->title, -1));
  g_assert_nonnull (strstr (removed_block (article, 1)->text, "Jane Doe | Reuters"));
  g_assert_true (g_str_has_suffix (cleaned.last, "contributed to this report"));
  g_assert_null (sp_date_scan_header (article->body, 8));
}

/* A date the text's header scan took from a caption before the cleaning is not kept */
static void
test_caption_date_scanned (void)
{
  g_autoptr(SpArticle) article = read_text ("Talks resume on the river\n"
                                            "March 12, 2024: the mediator arrives in Lorvik.\n"
                                            "Jane Doe | Reuters\n"
                                            "The mediator said on Sunday that the talks "
                                            "would resume within the week, according to a "
                                            "statement.\n");

  article->date = sp_date_scan_header (article->body, 8);
  g_assert_cmpstr (article->date, ==, "2024-03-12");
  article->date_source = SP_DATE_SOURCE_DATELINE;
  article->date_confidence = 0.6;

  sp_text_clean (article, NULL, NULL);
  g_assert_null (article->date);
  g_assert_cmpint (article->date_source, ==, SP_DATE_SOURCE_NONE);
  g_assert_cmpstr (removed_block (article, 0)->reason, ==, "photo caption");
}

static void
test_no_headline (void)
{
  g_auto(Cleaned) cleaned = { 0 };
  SpArticle *article;

  clean_fixture ("no-headline-share.txt", &cleaned);
  article = cleaned.article;

  g_assert_cmpint (article->title_kind, ==, SP_TITLE_KIND_FIRST_WORDS);
  g_assert_true (g_str_has_prefix (article->title, "In Lorvik, negotiators from both river"));
  g_assert_true (g_str_has_suffix (article->title, "…"));
  g_assert_cmpuint (g_utf8_strlen (article->title, -1), <=, 81);
  g_assert_cmpstr (cleaned.why, ==, "share bar");
  /* Sub-headings inside the article stay */
  g_assert_nonnull (strstr (article->body, "\nLooking Ahead\n"));
  g_assert_true (g_str_has_suffix (article->body, "would take place in May."));
}

/* "Source:" lines at either end belong in the source field */
static void
test_source_lines (void)
{
  static const struct {
    const char *before;  /* the line before the article's paragraph */
    const char *after;   /* and after it */
    const char *source;
  } cases[] = {
    { "Source: Example Wire\n", "", "Example Wire" },
    { "", "Source: https://www.example.org/news/talks-resume\n", "example.org" },
    /* In the middle, a source line is a chart's or a quotation's: it stays */
    { "", "Source: regional statistics office\nThe talks will go on.\n", NULL },
  };
  const char *paragraph = "The mediator said on Sunday that the talks would resume within "
                          "the week, according to a statement.\n";

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strconcat ("Talks resume on the river\n", cases[i].before,
                                           paragraph, cases[i].after, NULL);
      g_autoptr(SpArticle) article = read_text (text);

      sp_text_clean (article, NULL, NULL);
      g_assert_cmpstr (article->source, ==, cases[i].source);
      if (cases[i].source != NULL)
        {
          g_assert_null (strstr (article->body, "Source:"));
          g_assert_cmpstr (removed_block (article, 0)->reason, ==, "source line");
        }
      else
        g_assert_nonnull (strstr (article->body, "Source:"));
    }
}

static void
test_byline (void)
{
  static const struct {
    const char *line;
    const char *author;
    const char *date;
  } cases[] = {
    { "By Jane Doe", "Jane Doe", NULL },
    { "by Maria de la Cruz 10:41 AM March 5, 2024", "Maria de la Cruz", "2024-03-05" },
    { "By Jane Doe and John Roe | Example Wire", "Jane Doe and John Roe", NULL },
    { "By Aoife O\342\200\231Brien \342\200\224 Lorvik", "Aoife O\342\200\231Brien", NULL },
    /* Not bylines: a sentence, a single word */
    { "By the end of the week the talks had stalled", NULL, NULL },
    { "By Monday", NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strconcat ("Talks resume on the river\n", cases[i].line,
                                           "\nThe mediator said on Sunday that the talks "
                                           "would resume within the week, according to a "
                                           "statement.\n", NULL);
      g_autoptr(SpArticle) article = read_text (text);

      sp_text_clean (article, NULL, NULL);
      g_assert_cmpstr (article->author, ==, cases[i].author);
      g_assert_cmpstr (article->date, ==, cases[i].date);
      if (cases[i].author != NULL)
        g_assert_null (strstr (article->body, cases[i].author));
      else
        g_assert_nonnull (strstr (article->body, cases[i].line));
    }
}

/* Long headlines, and headlines that read as a sentence when a blank line sets them off */
static void
test_long_headlines (void)
{
  static const char * const headlines[] = {
    "Ferries must run at dawn again, and the council will pay for it if it must - address "
    "by the mayor of Eastmere to the harbour council and the island operators at the "
    "opening of the spring session in the town hall",
    "The mayor of Eastmere presented a plan for early ferries to the harbour council.",
  };

  for (guint i = 0; i < G_N_ELEMENTS (headlines); i++)
    {
      g_autofree char *text = g_strconcat (headlines[i], "\n\nThe mayor said on Monday that "
                                           "the plan would cost the town little.\n", NULL);
      g_autoptr(SpArticle) article = read_text (text);

      sp_text_clean (article, NULL, NULL);
      g_assert_cmpint (article->title_kind, ==, SP_TITLE_KIND_HEADLINE);
      g_assert_true (g_str_has_prefix (headlines[i], article->title) ||
                     g_str_has_suffix (article->title, "…"));
    }
}

static void
test_op_ed (void)
{
  g_auto(Cleaned) cleaned = { 0 };
  SpArticle *article;

  clean_fixture ("op-ed.txt", &cleaned);
  article = cleaned.article;

  g_assert_cmpstr (article->title, ==, "'A real step' on the river border, says mediator");
  g_assert_cmpstr (article->date, ==, "2024-03-17");
  g_assert_cmpstr (article->source, ==, "westbankdaily.example");
  g_assert_cmpstr (cleaned.why, ==, "dateline,categories,advertisement,related articles,petition,"
                            "appended article");
  g_assert_cmpstr (removed_block (article, 4)->text, ==, "Sign Our Petition");
  g_assert_true (g_str_has_prefix (removed_block (article, 5)->text, "The news of a border"));
  g_assert_true (g_str_has_suffix (removed_block (article, 5)->text, "unites us again."));
  g_assert_cmpstr (cleaned.last, ==, "Virtanen said the hardest question, the summer flow of the river, "
                             "was still open.");
}

/* Metadata from the file is kept: its date and title are better than the text's */
static void
test_metadata_kept (void)
{
  g_autoptr(SpArticle) article = read_text ("---\ntitle: The river talks | Example Site\n"
                                            "date: 2024-03-18\n---\n"
                                            "A real step on the river\n"
                                            "Updated: March 17, 2024\n"
                                            "The mediator said on Sunday that the delegations "
                                            "had agreed to a commission, a first in two years.\n");

  g_assert_cmpstr (article->date, ==, "2024-03-18");
  article->date_source = SP_DATE_SOURCE_METADATA;
  sp_text_clean (article, NULL, NULL);

  g_assert_cmpstr (article->title, ==, "The river talks");
  g_assert_cmpstr (article->date, ==, "2024-03-18");
  g_assert_cmpint (article->date_source, ==, SP_DATE_SOURCE_METADATA);
  g_assert_cmpuint (n_removed (article), ==, 1);
  g_assert_cmpstr (removed_block (article, 0)->reason, ==, "dateline");
}

static void
test_keep_whole (void)
{
  const char *names[] = { "keep-whole.txt", "keep-quoted-voice.txt" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(SpArticle) article = read_fixture (names[i]);

      assert_kept_whole (article);
    }
}

/* An analysis that ends in its author's voice is the article's own ending, even when a
 * notice in the same voice follows it: without a furniture line where the voice changes,
 * nothing is cut */
static void
test_keep_analysis_ending (void)
{
  g_autoptr(SpArticle) article = read_fixture ("keep-analysis-ending.txt");

  sp_text_clean (article, NULL, NULL);
  g_assert_nonnull (strstr (article->body, "We will need our leaders to remember who they work for"));
  g_assert_nonnull (strstr (article->body, "When I first crossed the old bridge"));
}

/* A furniture phrase inside a reported sentence is the article's */
static void
test_keep_reported_phrases (void)
{
  const char *text = "Gazette drops tracking on its site\n"
                     "The Eastmere Gazette said on Monday that it would change how it "
                     "treats its readers' data.\n"
                     "The paper said it would no longer use cookies to follow readers.\n"
                     "Its editor told staff the change would cost some advertising income.\n"
                     "The change takes effect in May, the paper said.\n";
  g_autoptr(SpArticle) article = read_text (text);

  assert_kept_whole (article);
}

/* A saved page's notices above the article go: a share bar holding the page's own address,
 * a consent banner longer than any furniture line, a sign-in box. The first line under a
 * title from the file's metadata is the article's, and cleaned like the others. */
static void
test_lead_notices (void)
{
  const char *text = "---\ntitle: Ferry fares frozen | Example Post\n"
                     "source: https://post.example.org/ferry-fares-frozen\n---\n"
                     "* Share  !Email share !url-copy https://post.example.org/ferry-fares-frozen Copied\n"
                     "We use cookies to personalise content and ads, to offer social features and to "
                     "analyse our traffic. We also share information about your use of our site with "
                     "our advertising and analytics partners, who may combine it with other data you "
                     "have given them or that they have collected from your use of their services.\n"
                     "Enter the email address you registered with and we will send you a code to "
                     "reset your password.\n"
                     "Check your inbox and enter the verification code\n"
                     "The harbour board froze ferry fares for another year on Monday, after a "
                     "month of talks with the island councils.\n"
                     "The board's chair said the freeze would cost the operator two million a year.\n";
  g_autoptr(SpArticle) article = read_text (text);
  g_autofree char *why = NULL;

  sp_text_clean (article, NULL, NULL);
  why = reasons (article);

  g_assert_cmpstr (article->title, ==, "Ferry fares frozen");
  g_assert_true (g_str_has_prefix (article->body, "The harbour board froze ferry fares"));
  g_assert_nonnull (strstr (why, "share bar"));
  g_assert_nonnull (strstr (why, "site notice"));
  g_assert_null (strstr (article->body, "password"));
}

/* An article that opens on privacy is not a site's notice: it does not address its reader */
static void
test_keep_privacy_lede (void)
{
  const char *text = "---\ntitle: Retailer fined over cookie banners\n---\n"
                     "The data authority fined a retailer on Tuesday over consent banners that set "
                     "cookies before anyone agreed.\n"
                     "Inspectors found the website placed advertising cookies on the browsers of "
                     "visitors who had refused them.\n"
                     "The company said it would appeal.\n"
                     "Its lawyers argued that the banners met the rules in force at the time.\n";
  g_autoptr(SpArticle) article = read_text (text);

  assert_kept_whole (article);
}

/* Endnotes stay with the article; the teasers under them go */
static void
test_keep_endnotes (void)
{
  g_auto(Cleaned) cleaned = { 0 };

  clean_fixture ("keep-endnotes.txt", &cleaned);
  g_assert_cmpstr (cleaned.last, ==, "[4] https://example.org/mediator/lorvik");
  g_assert_nonnull (strstr (cleaned.article->body,
                            "\n[1] https://example.org/north/statement-0304\n"));
  g_assert_cmpstr (cleaned.why, ==, "related articles");
}

static void
test_headline_clean (void)
{
  static const struct {
    const char *headline;
    const char *body;
    const char *title;
  } cases[] = {
    { "Talks resume on the border | Example News", "", "Talks resume on the border" },
    { "Talks resume | World | Example News", "", "Talks resume" },
    { "Talks resume - example.org", "", "Talks resume" },
    /* A dash before words is part of the headline */
    { "Talks resume - and stall again", "", "Talks resume - and stall again" },
    { "Both sides accept guaranteessitename", "the guarantees were given", "Both sides accept guarantees" },
    /* A word of the body stays, and so does a word the body never has in part */
    { "Both sides accept guarantees", "the guarantees were given", "Both sides accept guarantees" },
    { "Both sides sign the memorandum", "nothing here", "Both sides sign the memorandum" },
    /* A compound whose first part is a word of the body, when the body has the compound's
     * kin */
    { "Talks on peacekeepers", "peace talks on peacekeeping", "Talks on peacekeepers" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *title = sp_text_headline_clean (cases[i].headline,
                                                       strlen (cases[i].headline),
                                                       cases[i].body);

      g_assert_cmpstr (title, ==, cases[i].title);
    }
}

/* Lines other documents hold are furniture; an article most of whose lines others hold is
 * the same story again, not furniture */
static void
test_recurring_lines (void)
{
  static const char furniture_line[] = "Eastmere Gazette — your town, every morning";
  static const char * const places[] = { "Eastmere", "Tarnby", "Lorvik" };
  g_autoptr(LineCounter) counter = line_counter_new ();
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func ((GDestroyNotify)sp_article_free);
  g_autoptr(SpArticle) duplicate = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    {
      /* Headlines alike but for a number count as the same line: they must stay */
      g_autofree char *text = g_strdup_printf ("Ferry talks, day %u\n\n"
                                               "The harbour council of %s said that the "
                                               "talks with the operators went on.\n\n"
                                               "The operators in %s said they needed a "
                                               "subsidy, according to a statement.\n\n%s\n",
                                               i + 1, places[i], places[i], furniture_line);
      SpArticle *article = read_text (text);

      line_counter_add (counter, article->body);
      g_ptr_array_add (articles, article);
    }

  for (guint i = 0; i < articles->len; i++)
    {
      SpArticle *article = g_ptr_array_index (articles, i);

      clean_counted (article, counter);
      g_assert_cmpuint (n_removed (article), ==, 1);
      g_assert_cmpstr (removed_block (article, 0)->text, ==, furniture_line);
      g_assert_cmpstr (removed_block (article, 0)->reason, ==, "site furniture");
      g_assert_null (strstr (article->body, "Gazette"));
      g_assert_true (g_str_has_prefix (article->body, "Ferry talks, day "));
    }

  /* Above the text of an article whose file gave its title, the site's line goes too */
  {
    g_autofree char *text = g_strdup_printf ("---\ntitle: Ferry talks resume\n---\n%s\n"
                                             "The council of Eastmere said the talks "
                                             "resumed on Monday.\n"
                                             "The operators said they wanted a subsidy, "
                                             "according to a statement.\n", furniture_line);
    g_autoptr(SpArticle) titled = read_text (text);

    clean_counted (titled, counter);
    g_assert_cmpstr (titled->title, ==, "Ferry talks resume");
    g_assert_true (g_str_has_prefix (titled->body, "The council of Eastmere"));
    g_assert_cmpuint (n_removed (titled), ==, 1);
    g_assert_cmpuint (removed_block (titled, 0)->offset, ==, 0);
  }

  /* The same wire story, held three times: its lines all recur, and all stay */
  {
    const char *story = "Wire story on the ferries\n"
                        "The council said the talks went on.\n"
                        "The operators said they needed a subsidy.\n"
                        "A statement said the next round is in May.\n"
                        "The mayor said she was hopeful.\n";
    g_autoptr(LineCounter) wire = line_counter_new ();

    for (guint i = 0; i < 3; i++)
      {
        g_autoptr(SpArticle) copy = read_text (story);

        line_counter_add (wire, copy->body);
      }

    duplicate = read_text (story);
    clean_counted (duplicate, wire);
    g_assert_cmpuint (n_removed (duplicate), ==, 0);
  }
}

/* Blocks already taken out keep their place when the cleaning takes out more */
static void
test_earlier_blocks (void)
{
  g_autoptr(SpArticle) article = read_fixture ("tail-furniture.txt");
  gsize first_paragraph = strstr (article->body, "The harbour council") - article->body;
  guint offset = g_utf8_strlen (article->body, first_paragraph);

  sp_article_add_removed (article, offset, "An earlier block", "advertisement");
  sp_text_clean (article, NULL, NULL);

  g_assert_cmpuint (n_removed (article), ==, 4);
  g_assert_cmpstr (removed_block (article, 0)->reason, ==, "dateline");
  g_assert_cmpstr (removed_block (article, 1)->text, ==, "An earlier block");
  /* The dateline before it went: it now stands where the first paragraph starts */
  g_assert_cmpuint (removed_block (article, 1)->offset, ==,
                    g_utf8_strlen (article->body,
                                   strstr (article->body, "The harbour council") - article->body));
}

static void
test_degenerate (void)
{
  const char *texts[] = {
    "", "\n\n", "Search", "Search\nSearch\nShare", "Headline only",
    "Headline\nTags: one, two", "Share on Facebook\nShare on Twitter\n",
    "Contributing: nobody\nRead more", "\342\200\234\n\342\200\235",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(SpArticle) article = read_text (texts[i]);
      g_autofree char *before = g_strdup (article->body);

      sp_text_clean (article, NULL, NULL);
      g_assert_nonnull (article->body);
      /* Something of a text that had some always stays */
      if (before[0] != '\0')
        g_assert_cmpstr (article->body, !=, "");
      assert_nothing_lost (before, article);
    }
}

/* The shared corpus */

static char *
find_seed (const char *dir,
           const char *prefix)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, prefix) && g_str_has_suffix (name, ".txt"))
      return g_build_filename (dir, name, NULL);

  return NULL;
}

static void
test_corpus_seeds (void)
{
  static const struct {
    const char *prefix;
    SpTitleKind title_kind;
    const char *date;
    const char *removed_at_end;  /* reasons of the blocks after the article, in order */
  } seeds[] = {
    { "000_", SP_TITLE_KIND_HEADLINE, "2025-05-30", "tags,related articles" },
    { "001_", SP_TITLE_KIND_HEADLINE, NULL, "related articles,newsletter box" },
    { "002_", SP_TITLE_KIND_HEADLINE, NULL, "comments" },
    { "003_", SP_TITLE_KIND_FIRST_WORDS, NULL, "share bar" },
    { "004_", SP_TITLE_KIND_HEADLINE, "2025-08-17", "petition,appended article" },
  };
  g_autofree char *dir = sp_test_corpus_dir ("seeds");
  g_autoptr(LineCounter) counter = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GPtrArray) originals = NULL;

  if (dir == NULL)
    return;

  counter = line_counter_new ();
  articles = g_ptr_array_new_with_free_func ((GDestroyNotify)sp_article_free);
  originals = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      g_autofree char *path = find_seed (dir, seeds[i].prefix);
      SpArticle *article;

      g_assert_nonnull (path);
      article = read_path (path);
      line_counter_add (counter, article->body);
      g_ptr_array_add (originals, g_strdup (article->body));
      g_ptr_array_add (articles, article);
    }

  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      SpArticle *article = g_ptr_array_index (articles, i);
      const char *original = g_ptr_array_index (originals, i);
      g_autofree char *first_line = g_strndup (original, strcspn (original, "\n"));
      g_autofree char *why = NULL;
      g_autofree char *last = NULL;
      gunichar end;

      clean_counted (article, counter);
      why = reasons (article);
      last = last_line (article->body);
      end = g_utf8_get_char (g_utf8_find_prev_char (last, last + strlen (last)));
      g_test_message ("%s: \"%s\", %s, removed: %s", seeds[i].prefix, article->title,
                      article->date, why);

      g_assert_cmpint (article->title_kind, ==, seeds[i].title_kind);
      g_assert_cmpstr (article->date, ==, seeds[i].date);
      g_assert_true (g_str_has_suffix (why, seeds[i].removed_at_end));
      assert_nothing_lost (original, article);

      /* The headline is the first line without what was glued to it; without one, the
       * title is the first words */
      g_assert_true (g_str_has_prefix (first_line, article->title) ||
                     (seeds[i].title_kind == SP_TITLE_KIND_FIRST_WORDS &&
                      g_str_has_suffix (article->title, "…")));
      /* and the body starts with it, without what was glued to it either */
      if (seeds[i].title_kind == SP_TITLE_KIND_HEADLINE)
        g_assert_true (g_str_has_prefix (article->body, article->title) &&
                       article->body[strlen (article->title)] == '\n');
      else
        g_assert_true (g_str_has_prefix (article->body, first_line));

      /* The body ends where the article does: a sentence or the article's credit line */
      g_assert_true (strchr (".\"”", end) != NULL || end == 0x201D ||
                     strstr (last, "Contributing") != NULL || strstr (last, "contributed") != NULL);
      for (guint k = 0; k < n_removed (article); k++)
        g_assert_cmpstr (removed_block (article, k)->reason, !=, "site furniture");
    }

  /* What each seed is known to carry */
  {
    SpArticle *s000 = g_ptr_array_index (articles, 0);
    SpArticle *s002 = g_ptr_array_index (articles, 2);
    SpArticle *s004 = g_ptr_array_index (articles, 4);
    const char *first_002 = g_ptr_array_index (originals, 2);

    g_assert_null (strstr (s000->body, "Related Articles"));
    g_assert_cmpstr (removed_block (s000, 0)->reason, ==, "dateline");
    /* The glued site name is off the title, and the caption's date is not the article's */
    g_assert_cmpuint (strlen (s002->title), <, strcspn (first_002, "\n"));
    g_assert_false (g_str_has_suffix (s002->title, "trails"));
    g_assert_cmpstr (removed_block (s002, 0)->reason, ==, "site name");
    g_assert_null (strstr (s002->body, "trails"));
    g_assert_cmpstr (removed_block (s002, 1)->reason, ==, "photo caption");
    g_assert_cmpstr (s004->source, ==, "indianexpress.com");
    g_assert_cmpint (s004->date_source, ==, SP_DATE_SOURCE_DATELINE);
    g_assert_null (strstr (s004->body, "Story continues below this ad"));
    g_assert_null (strstr (s004->body, "Categories:"));
    g_assert_null (strstr (s004->body, "Petition"));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text-cleaner/line-hash", test_line_hash);
  g_test_add_func ("/text-cleaner/tail-furniture", test_tail_furniture);
  g_test_add_func ("/text-cleaner/credit-teasers", test_credit_teasers);
  g_test_add_func ("/text-cleaner/caption-date", test_caption_date);
  g_test_add_func ("/text-cleaner/caption-date-scanned", test_caption_date_scanned);
  g_test_add_func ("/text-cleaner/no-headline", test_no_headline);
  g_test_add_func ("/text-cleaner/byline", test_byline);
  g_test_add_func ("/text-cleaner/source-lines", test_source_lines);
  g_test_add_func ("/text-cleaner/long-headlines", test_long_headlines);
  g_test_add_func ("/text-cleaner/op-ed", test_op_ed);
  g_test_add_func ("/text-cleaner/metadata-kept", test_metadata_kept);
  g_test_add_func ("/text-cleaner/keep-whole", test_keep_whole);
  g_test_add_func ("/text-cleaner/keep-analysis-ending", test_keep_analysis_ending);
  g_test_add_func ("/text-cleaner/keep-endnotes", test_keep_endnotes);
  g_test_add_func ("/text-cleaner/lead-notices", test_lead_notices);
  g_test_add_func ("/text-cleaner/keep-privacy-lede", test_keep_privacy_lede);
  g_test_add_func ("/text-cleaner/keep-reported-phrases", test_keep_reported_phrases);
  g_test_add_func ("/text-cleaner/headline-clean", test_headline_clean);
  g_test_add_func ("/text-cleaner/recurring-lines", test_recurring_lines);
  g_test_add_func ("/text-cleaner/earlier-blocks", test_earlier_blocks);
  g_test_add_func ("/text-cleaner/degenerate", test_degenerate);
  g_test_add_func ("/text-cleaner/corpus-seeds", test_corpus_seeds);

  return g_test_run ();
}
