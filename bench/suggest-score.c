/* suggest-score.c
 *
 * Scores predicted claims against a part of the hand-coded gold set (bench/gold/README.md),
 * with sp_suggest_evaluate(): document-level and sentence-level precision, recall and F1.
 * Predictions are a file in the gold's format, stances -2 … 2 and sentences optional.
 * Given only a gold file, checks it and says how many documents and claims it holds.
 *
 *   ./build/bench/suggest-score [--verbose] [--tolerance N] GOLD.tsv [PREDICTIONS.tsv]
 */
#include "config.h"

#include <stdio.h>

#include "sp-suggest-evaluate.h"

int
main (int   argc,
      char *argv[])
{
  gboolean verbose = FALSE;
  int tolerance = 0;
  GOptionEntry entries[] = {
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose, "List every false positive and false negative", NULL },
    { "tolerance", 't', 0, G_OPTION_ARG_INT, &tolerance, "Sentences a prediction may lie from the gold's (0)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("GOLD.tsv [PREDICTIONS.tsv]");
  g_autoptr(GError) error = NULL;
  g_autoptr(SpSuggestList) gold = NULL;
  g_autoptr(SpSuggestList) predictions = NULL;
  g_autoptr(SpSuggestScore) score = NULL;
  g_autofree char *report = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 2;
    }
  if (argc < 2 || argc > 3 || tolerance < 0)
    {
      fprintf (stderr, "usage: %s [--verbose] [--tolerance N] GOLD.tsv [PREDICTIONS.tsv]\n", argv[0]);
      return 2;
    }

  gold = sp_suggest_list_load (argv[1], SP_SUGGEST_TSV_GOLD, &error);
  if (gold == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  if (argc == 2)
    {
      printf ("%s: %u documents, %u claims\n", argv[1],
              sp_suggest_list_get_n_documents (gold), sp_suggest_list_get_n_items (gold));
      return 0;
    }

  predictions = sp_suggest_list_load (argv[2], SP_SUGGEST_TSV_PREDICTIONS, &error);
  if (predictions == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  score = sp_suggest_evaluate_list (gold, predictions, (guint) tolerance);
  report = sp_suggest_score_format (score, verbose);
  fputs (report, stdout);
  return 0;
}
