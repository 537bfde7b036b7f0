/* test-suggest-evaluate.c
 *
 * The gold claims file and the scoring of predicted claims against it: every reason a line is
 * refused, and the arithmetic of both levels on a small gold set invented for these tests
 * (an imaginary dispute over a river between two countries). Then the gold set in
 * bench/gold/: it reads, and names only group actors and issues of its own codebook.
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "sp-codebook.h"
#include "sp-suggest-evaluate.h"
#include "sp-test-util.h"

#define HEADER SP_SUGGEST_TSV_HEADER "\n"

/* Three documents, five claims; the third document was read and holds no claim */
static const char gold_text[] =
  HEADER
  "dam.md\tAltavia\tshared_dam\t+1\t3\n"
  "dam.md\tBorlund\tshared_dam\t-1\t5\n"
  "dam.md\tBorlund\tfishing_quota\t+1\t7\n"
  "river.json#Ministers meet at the border\tAltavia\ttalks\t+1\t1\n"
  "river.json#Ministers meet at the border\tAltavia\tshared_dam\t0\t2\n"
  "weather.md\t\t\t\t\n";

static SpSuggestList *
parse_gold (const char *text)
{
  g_autoptr(GError) error = NULL;
  SpSuggestList *gold = sp_suggest_list_parse (text, strlen (text), "gold.tsv",
                                               SP_SUGGEST_TSV_GOLD, &error);

  g_assert_no_error (error);
  g_assert_nonnull (gold);
  return gold;
}

static void
test_parse (void)
{
  g_autoptr(SpSuggestList) gold = parse_gold (gold_text);
  const SpSuggestItem *item;

  g_assert_cmpuint (sp_suggest_list_get_n_items (gold), ==, 5);
  g_assert_cmpuint (sp_suggest_list_get_n_documents (gold), ==, 3);
  g_assert_true (sp_suggest_list_has_document (gold, "weather.md"));
  g_assert_true (sp_suggest_list_has_document (gold, "  dam.md "));
  g_assert_false (sp_suggest_list_has_document (gold, "DAM.md"));
  g_assert_false (sp_suggest_list_has_document (gold, "river.json"));

  item = sp_suggest_list_get_item (gold, 1);
  g_assert_cmpstr (item->doc, ==, "dam.md");
  g_assert_cmpstr (item->actor, ==, "Borlund");
  g_assert_cmpstr (item->issue, ==, "shared_dam");
  g_assert_cmpint (item->stance, ==, -1);
  g_assert_cmpuint (item->sentence, ==, 5);
  g_assert_cmpint (sp_suggest_list_get_item (gold, 4)->stance, ==, 0);
}

/* A byte-order mark, CR LF line ends, empty lines, "1" for "+1" and a missing final line
 * break are all accepted */
static void
test_parse_lenient (void)
{
  g_autoptr(SpSuggestList) gold =
    parse_gold ("\xef\xbb\xbf" SP_SUGGEST_TSV_HEADER "\r\n"
                "\r\n"
                "a.md\tAltavia\ttalks\t1\t4\r\n"
                "\n"
                "a.md\tBorlund\ttalks\t-1\t9");

  g_assert_cmpuint (sp_suggest_list_get_n_items (gold), ==, 2);
  g_assert_cmpint (sp_suggest_list_get_item (gold, 0)->stance, ==, 1);
  g_assert_cmpuint (sp_suggest_list_get_item (gold, 1)->sentence, ==, 9);
}

typedef struct
{
  const char *text;
  const char *message;
} BadFile;

static void
test_parse_errors (void)
{
  static const BadFile bad[] = {
    { "", "gold.tsv:1: the file is empty: it must start with the header line" },
    { "a.md\tAltavia\ttalks\t+1\t4\n",
      "gold.tsv:1: the first line must be the header: doc, actor, issue, stance, sentence, "
      "separated by tabs" },
    { "doc,actor,issue,stance,sentence\n",
      "gold.tsv:1: the first line must be the header: doc, actor, issue, stance, sentence, "
      "separated by tabs" },
    { HEADER "a.md\tAltavia\ttalks\t+1\n",
      "gold.tsv:2: 4 columns where 5 are expected (doc, actor, issue, stance, sentence, "
      "separated by tabs)" },
    { HEADER "a.md\tAltavia\ttalks\t+1\t4\t\n",
      "gold.tsv:2: 6 columns where 5 are expected (doc, actor, issue, stance, sentence, "
      "separated by tabs)" },
    { HEADER "\tAltavia\ttalks\t+1\t4\n", "gold.tsv:2: the doc is empty" },
    { HEADER "a.md\t \ttalks\t+1\t4\n", "gold.tsv:2: the actor is empty" },
    { HEADER "a.md\tAltavia\t\t+1\t4\n", "gold.tsv:2: the issue is empty" },
    { HEADER "a.md\tAltavia\ttalks\t\t4\n", "gold.tsv:2: the stance is empty" },
    { HEADER "a.md\tAltavia\ttalks\t+1\t\n", "gold.tsv:2: the sentence is empty" },
    { HEADER "a.md\tAltavia\ttalks\t+2\t4\n", "gold.tsv:2: the stance \"+2\" is not +1, -1 or 0" },
    { HEADER "a.md\tAltavia\ttalks\tyes\t4\n", "gold.tsv:2: the stance \"yes\" is not +1, -1 or 0" },
    { HEADER "a.md\tAltavia\ttalks\t+0\t4\n", "gold.tsv:2: the stance \"+0\" is not +1, -1 or 0" },
    { HEADER "a.md\tAltavia\ttalks\t--1\t4\n", "gold.tsv:2: the stance \"--1\" is not +1, -1 or 0" },
    { HEADER "a.md\tAltavia\ttalks\t+1\t0\n",
      "gold.tsv:2: the sentence \"0\" is not a sentence number from 1 to 1000000" },
    { HEADER "a.md\tAltavia\ttalks\t+1\t-3\n",
      "gold.tsv:2: the sentence \"-3\" is not a sentence number from 1 to 1000000" },
    { HEADER "a.md\tAltavia\ttalks\t+1\t4th\n",
      "gold.tsv:2: the sentence \"4th\" is not a sentence number from 1 to 1000000" },
    { HEADER "a.md\tAltavia\ttalks\t+1\t99999999999999999999\n",
      "gold.tsv:2: the sentence \"99999999999999999999\" is not a sentence number from 1 to 1000000" },
    /* The same triple again, under another spelling of the actor and another sentence */
    { HEADER "a.md\tAltavia\ttalks\t+1\t4\n\na.md\t ALTAVIA \ttalks\t1\t8\n",
      "gold.tsv:4: the same doc, actor, issue and stance as line 2" },
    { HEADER "a.md\t\t\t\t\na.md\t\t\t\t\n", "gold.tsv:3: the document is already named on line 2" },
    { HEADER "a.md\tAlta\x01via\ttalks\t+1\t4\n", "gold.tsv:2: the actor holds a control character" },
    { HEADER "a.md\tAltavia\ttalks\t+1\t4\rx\n", "gold.tsv:2: the sentence holds a control character" },
    { HEADER "a.md\tAlt\xc3via\ttalks\t+1\t4\n", "gold.tsv:2: the line is not UTF-8 text" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SpSuggestList) gold = sp_suggest_list_parse (bad[i].text, strlen (bad[i].text),
                                                             "gold.tsv", SP_SUGGEST_TSV_GOLD,
                                                             &error);

      g_assert_null (gold);
      g_assert_error (error, SP_SUGGEST_EVALUATE_ERROR, SP_SUGGEST_EVALUATE_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, bad[i].message);
    }
}

/* What strlen() cannot see: a NUL byte inside a line */
static void
test_parse_nul (void)
{
  static const char text[] = HEADER "a.md\tAlta\0via\ttalks\t+1\t4\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(SpSuggestList) gold = sp_suggest_list_parse (text, sizeof text - 1, "gold.tsv",
                                                         SP_SUGGEST_TSV_GOLD, &error);

  g_assert_null (gold);
  g_assert_error (error, SP_SUGGEST_EVALUATE_ERROR, SP_SUGGEST_EVALUATE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "gold.tsv:2: the line is not UTF-8 text");
}

static void
test_parse_bounds (void)
{
  g_autoptr(GString) text = g_string_new (HEADER "a.md\t");
  g_autoptr(GError) error = NULL;
  g_autoptr(SpSuggestList) gold = NULL;
  g_autoptr(SpSuggestList) at_limit = NULL;
  g_autofree char *huge = NULL;
  gsize prefix;

  /* A line of exactly the limit is read; one byte more is refused */
  prefix = text->len - strlen (HEADER);
  for (gsize i = prefix; i < SP_SUGGEST_TSV_MAX_LINE - strlen ("\ttalks\t+1\t4"); i++)
    g_string_append_c (text, 'x');
  g_string_append (text, "\ttalks\t+1\t4\n");
  at_limit = sp_suggest_list_parse (text->str, text->len, "gold.tsv", SP_SUGGEST_TSV_GOLD, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (sp_suggest_list_get_item (at_limit, 0)->actor), ==,
                    SP_SUGGEST_TSV_MAX_LINE - strlen ("a.md\t\ttalks\t+1\t4"));

  g_string_insert_c (text, strlen (HEADER) + 6, 'x');
  gold = sp_suggest_list_parse (text->str, text->len, "gold.tsv", SP_SUGGEST_TSV_GOLD, &error);
  g_assert_null (gold);
  g_assert_error (error, SP_SUGGEST_EVALUATE_ERROR, SP_SUGGEST_EVALUATE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "gold.tsv:2: the line is longer than 4096 bytes");
  g_clear_error (&error);

  /* A file over the limit is refused before any of it is read */
  huge = g_malloc0 (SP_SUGGEST_TSV_MAX_SIZE + 1);
  memcpy (huge, HEADER, strlen (HEADER));
  gold = sp_suggest_list_parse (huge, SP_SUGGEST_TSV_MAX_SIZE + 1, "gold.tsv",
                                SP_SUGGEST_TSV_GOLD, &error);
  g_assert_null (gold);
  g_assert_error (error, SP_SUGGEST_EVALUATE_ERROR, SP_SUGGEST_EVALUATE_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "gold.tsv: larger than 16 MiB");
}

static void
test_load (void)
{
  g_autofree char *dir = sp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "gold.tsv", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.tsv", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpSuggestList) gold = NULL;
  g_autoptr(SpSuggestList) none = NULL;

  g_assert_true (g_file_set_contents (path, gold_text, -1, &error));
  gold = sp_suggest_list_load (path, SP_SUGGEST_TSV_GOLD, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sp_suggest_list_get_n_items (gold), ==, 5);

  none = sp_suggest_list_load (missing, SP_SUGGEST_TSV_GOLD, &error);
  g_assert_null (none);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_clear_error (&error);

  /* The file's path names it in messages */
  g_assert_true (g_file_set_contents (path, HEADER "a.md\tAltavia\ttalks\tmaybe\t1\n", -1, &error));
  none = sp_suggest_list_load (path, SP_SUGGEST_TSV_GOLD, &error);
  g_assert_null (none);
  expected = g_strdup_printf ("%s:2: the stance \"maybe\" is not +1, -1 or 0", path);
  g_assert_cmpstr (error->message, ==, expected);

  sp_test_remove_tree (dir);
}

/* Predictions: stances of any strength, sentences optional, repeats allowed */
static void
test_parse_predictions (void)
{
  static const char text[] =
    HEADER
    "dam.md\tAltavia\tshared_dam\t2\t3\n"
    "dam.md\tAltavia\tshared_dam\t+1\t3\n"
    "dam.md\tBorlund\tshared_dam\t-2\t\n";
  static const char too_strong[] = HEADER "a.md\tA\tt\t3\t1\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(SpSuggestList) predictions = sp_suggest_list_parse (text, strlen (text), "p.tsv",
                                                                SP_SUGGEST_TSV_PREDICTIONS,
                                                                &error);

  g_assert_no_error (error);
  g_assert_cmpuint (sp_suggest_list_get_n_items (predictions), ==, 3);
  g_assert_cmpint (sp_suggest_list_get_item (predictions, 0)->stance, ==, 2);
  g_assert_cmpuint (sp_suggest_list_get_item (predictions, 2)->sentence, ==, 0);

  g_clear_pointer (&predictions, sp_suggest_list_free);
  predictions = sp_suggest_list_parse (too_strong, strlen (too_strong), "p.tsv",
                                       SP_SUGGEST_TSV_PREDICTIONS, &error);
  g_assert_null (predictions);
  g_assert_cmpstr (error->message, ==, "p.tsv:2: the stance \"3\" is not a whole number from -2 to 2");
}

static void
assert_counts (const SpSuggestCounts *counts,
               guint                  tp,
               guint                  fp,
               guint                  fn,
               double                 precision,
               double                 recall,
               double                 f1)
{
  g_assert_cmpuint (counts->tp, ==, tp);
  g_assert_cmpuint (counts->fp, ==, fp);
  g_assert_cmpuint (counts->fn, ==, fn);
  g_assert_cmpfloat_with_epsilon (counts->precision, precision, 1e-9);
  g_assert_cmpfloat_with_epsilon (counts->recall, recall, 1e-9);
  g_assert_cmpfloat_with_epsilon (counts->f1, f1, 1e-9);
}

static void
test_empty_prediction (void)
{
  g_autoptr(SpSuggestList) gold = parse_gold (gold_text);
  g_autoptr(SpSuggestScore) score = sp_suggest_evaluate (gold, NULL, 0, 0);

  assert_counts (&score->documents, 0, 0, 5, 0, 0, 0);
  assert_counts (&score->sentences, 0, 0, 5, 0, 0, 0);
  g_assert_cmpuint (score->n_documents, ==, 3);
  g_assert_cmpuint (score->false_positives->len, ==, 0);
  g_assert_cmpuint (score->false_negatives->len, ==, 5);
}

static void
test_all_right (void)
{
  g_autoptr(SpSuggestList) gold = parse_gold (gold_text);
  g_autoptr(SpSuggestScore) score = sp_suggest_evaluate_list (gold, gold, 0);

  assert_counts (&score->documents, 5, 0, 0, 1, 1, 1);
  assert_counts (&score->sentences, 5, 0, 0, 1, 1, 1);
  g_assert_cmpuint (score->n_ignored, ==, 0);
  g_assert_cmpuint (score->n_other_sentence, ==, 0);
}

/* A wrong sign is a claim the gold does not have and misses the one it has */
static void
test_sign_wrong (void)
{
  static const SpSuggestItem predictions[] = {
    { "dam.md", "Altavia", "shared_dam", -1, 3 },
  };
  g_autoptr(SpSuggestList) gold = parse_gold (gold_text);
  g_autoptr(SpSuggestScore) score = sp_suggest_evaluate (gold, predictions, 1, 0);
  const SpSuggestItem *fp;

  assert_counts (&score->documents, 0, 1, 5, 0, 0, 0);
  assert_counts (&score->sentences, 0, 1, 5, 0, 0, 0);
  g_assert_cmpuint (score->false_positives->len, ==, 1);
  fp = g_ptr_array_index (score->false_positives, 0);
  g_assert_cmpstr (fp->actor, ==, "Altavia");
  g_assert_cmpint (fp->stance, ==, -1);
  g_assert_cmpuint (score->false_negatives->len, ==, 5);
}

/* Names compare by the store's rule, documents by their normal form, stances by their sign;
 * a triple predicted twice counts once */
static void
test_matching_rules (void)
{
  static const SpSuggestItem predictions[] = {
    { "dam.md", "ALTAVIA", "Shared_Dam", 2, 3 },
    { " dam.md", "altavia", "shared_dam", 1, 3 },
    { "river.json#Ministers  meet at the border", "Altavia", "TALKS", 1, 1 },
    { "Dam.md", "Altavia", "shared_dam", 1, 3 },
  };
  g_autoptr(SpSuggestList) gold = parse_gold (gold_text);
  g_autoptr(SpSuggestScore) score = sp_suggest_evaluate (gold, predictions,
                                                         G_N_ELEMENTS (predictions), 0);

  assert_counts (&score->documents, 2, 0, 3, 1, 0.4, 2 * 0.4 / 1.4);
  assert_counts (&score->sentences, 2, 0, 3, 1, 0.4, 2 * 0.4 / 1.4);
  g_assert_cmpuint (score->n_predictions, ==, 4);
  g_assert_cmpuint (score->n_ignored, ==, 1);
}

/* A right triple one sentence away: right at document level, wrong at sentence level unless
 * the tolerance allows it; without a sentence it is wrong at sentence level */
static void
test_sentences (void)
{
  static const SpSuggestItem predictions[] = {
    { "dam.md", "Altavia", "shared_dam", 1, 4 },
    { "dam.md", "Borlund", "shared_dam", -1, 0 },
    { "dam.md", "Borlund", "fishing_quota", 1, 7 },
    { "dam.md", "Borlund", "fishing_quota", 1, 8 },
  };
  g_autoptr(SpSuggestList) gold = parse_gold (gold_text);
  g_autoptr(SpSuggestScore) exact = sp_suggest_evaluate (gold, predictions,
                                                         G_N_ELEMENTS (predictions), 0);
  g_autoptr(SpSuggestScore) near = sp_suggest_evaluate (gold, predictions,
                                                        G_N_ELEMENTS (predictions), 1);

  assert_counts (&exact->documents, 3, 0, 2, 1, 0.6, 0.75);
  /* Four distinct (triple, sentence) predictions, one in its gold sentence */
  assert_counts (&exact->sentences, 1, 3, 4, 0.25, 0.2, 2 * 0.25 * 0.2 / 0.45);
  g_assert_cmpuint (exact->n_other_sentence, ==, 3);

  /* Within one sentence, sentence 4 now matches 3; sentence 8 finds 7 already matched */
  assert_counts (&near->sentences, 2, 2, 3, 0.5, 0.4, 2 * 0.5 * 0.4 / 0.9);
  g_assert_cmpuint (near->n_other_sentence, ==, 2);
  g_assert_cmpuint (near->sentence_tolerance, ==, 1);
}

/* Predictions on a document the gold names without claims are false positives; on a
 * document it does not name they are left out */
static void
test_documents (void)
{
  static const SpSuggestItem predictions[] = {
    { "weather.md", "Altavia", "talks", 1, 2 },
    { "elsewhere.md", "Altavia", "talks", 1, 2 },
    { "river.json", "Altavia", "talks", 1, 1 },
    { "dam.md", "Altavia", "shared_dam", 1, 3 },
    { "dam.md", "Borlund", "shared_dam", -1, 5 },
    { "dam.md", "Borlund", "fishing_quota", 1, 7 },
    { "dam.md", "Cordova", "fishing_quota", 1, 7 },
  };
  g_autoptr(SpSuggestList) gold = parse_gold (gold_text);
  g_autoptr(SpSuggestScore) score = sp_suggest_evaluate (gold, predictions,
                                                         G_N_ELEMENTS (predictions), 0);
  g_autofree char *report = NULL;
  g_autofree char *verbose = NULL;

  /* 3 right of 5 counted, 3 of the gold's 5 found */
  assert_counts (&score->documents, 3, 2, 2, 0.6, 0.6, 0.6);
  g_assert_cmpuint (score->n_ignored, ==, 2);
  g_assert_cmpuint (score->false_positives->len, ==, 2);
  g_assert_cmpstr (((SpSuggestItem *) g_ptr_array_index (score->false_positives, 0))->doc, ==,
                   "dam.md");
  g_assert_cmpstr (((SpSuggestItem *) g_ptr_array_index (score->false_positives, 1))->doc, ==,
                   "weather.md");

  report = sp_suggest_score_format (score, FALSE);
  g_assert_cmpstr (report, ==,
                   "gold: 3 documents, 5 claims\n"
                   "predictions: 7, of which 2 on documents outside the gold (left out)\n"
                   "document level: precision 0.600, recall 0.600, F1 0.600 (tp 3, fp 2, fn 2)\n"
                   "sentence level (within 0): precision 0.600, recall 0.600, F1 0.600 "
                   "(tp 3, fp 2, fn 2)\n"
                   "sentence-level false positives of a gold triple in another sentence: 0\n");

  verbose = sp_suggest_score_format (score, TRUE);
  g_assert_true (g_str_has_prefix (verbose, report));
  g_assert_cmpstr (verbose + strlen (report), ==,
                   "fp\tdam.md\tCordova\tfishing_quota\t+1\t7\n"
                   "fp\tweather.md\tAltavia\ttalks\t+1\t2\n"
                   "fn\triver.json#Ministers meet at the border\tAltavia\tshared_dam\t0\t2\n"
                   "fn\triver.json#Ministers meet at the border\tAltavia\ttalks\t+1\t1\n");
}

static char *
gold_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "..", "bench", "gold", name, NULL);
}

/* The gold set in bench/gold/ reads, and names only group actors (no affiliation) and issue
 * keys of its own codebook */
static void
test_bench_gold (void)
{
  static const struct { const char *name; guint documents; guint claims; } parts[] = {
    { "dev.tsv", 28, 165 },
    { "heldback.tsv", 18, 134 },
  };
  g_autofree char *dir = sp_test_make_tmpdir ();
  g_autoptr(SpProject) project = sp_test_new_project (dir, "gold.standpoint");
  g_autofree char *codebook_path = gold_path ("codebook.json");
  g_autofree char *codebook = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (codebook_path, &codebook, &length, &error));
  g_assert_true (sp_codebook_import (project, codebook, (gssize) length, "codebook.json",
                                     NULL, &error));
  g_assert_no_error (error);

  for (guint p = 0; p < G_N_ELEMENTS (parts); p++)
    {
      g_autofree char *path = gold_path (parts[p].name);
      g_autoptr(SpSuggestList) gold = sp_suggest_list_load (path, SP_SUGGEST_TSV_GOLD, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (sp_suggest_list_get_n_documents (gold), ==, parts[p].documents);
      g_assert_cmpuint (sp_suggest_list_get_n_items (gold), ==, parts[p].claims);

      for (guint i = 0; i < sp_suggest_list_get_n_items (gold); i++)
        {
          const SpSuggestItem *item = sp_suggest_list_get_item (gold, i);
          g_autoptr(SpActor) actor = NULL;
          gint64 actor_id = 0;
          gint64 issue_id = 0;

          g_assert_true (sp_project_find_actor (project, item->actor, &actor_id, &error));
          g_assert_no_error (error);
          actor = sp_project_get_actor (project, actor_id, &error);
          g_assert_no_error (error);
          g_assert_cmpint (sp_actor_get_affiliation_id (actor), ==, 0);
          g_assert_true (sp_project_find_issue (project, item->issue, &issue_id, &error));
          g_assert_no_error (error);
        }

      /* No document is in both parts */
      if (p == 1)
        {
          g_autofree char *dev_path = gold_path (parts[0].name);
          g_autoptr(SpSuggestList) dev = sp_suggest_list_load (dev_path, SP_SUGGEST_TSV_GOLD,
                                                               &error);

          g_assert_no_error (error);
          for (guint i = 0; i < sp_suggest_list_get_n_items (gold); i++)
            g_assert_false (sp_suggest_list_has_document (dev, sp_suggest_list_get_item (gold, i)->doc));
        }
    }

  g_clear_object (&project);
  sp_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/suggest-evaluate/parse", test_parse);
  g_test_add_func ("/suggest-evaluate/parse-lenient", test_parse_lenient);
  g_test_add_func ("/suggest-evaluate/parse-errors", test_parse_errors);
  g_test_add_func ("/suggest-evaluate/parse-nul", test_parse_nul);
  g_test_add_func ("/suggest-evaluate/parse-bounds", test_parse_bounds);
  g_test_add_func ("/suggest-evaluate/load", test_load);
  g_test_add_func ("/suggest-evaluate/parse-predictions", test_parse_predictions);
  g_test_add_func ("/suggest-evaluate/empty-prediction", test_empty_prediction);
  g_test_add_func ("/suggest-evaluate/all-right", test_all_right);
  g_test_add_func ("/suggest-evaluate/sign-wrong", test_sign_wrong);
  g_test_add_func ("/suggest-evaluate/matching-rules", test_matching_rules);
  g_test_add_func ("/suggest-evaluate/sentences", test_sentences);
  g_test_add_func ("/suggest-evaluate/documents", test_documents);
  g_test_add_func ("/suggest-evaluate/bench-gold", test_bench_gold);

  return g_test_run ();
}
