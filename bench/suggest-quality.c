/* suggest-quality.c: the engine over every document of a project, scored at document level
 * against a gold TSV (doc, group actor, issue key, stance sign): the set of (document, group
 * actor, issue, sign) triples, precision, recall and F1. --verbose prints each error.
 *
 *   STANDPOINT_LEXICON_DIR=data/lexicons build/bench/suggest-quality PROJECT GOLD.tsv [--verbose] [--min-confidence X] [--doc TEXT]
 *
 * --doc TEXT prints every candidate (sentence number, triple, confidence, explanation) of the
 * gold documents whose name contains TEXT.
 *
 * A gold document is "FILE" or "FILE#TITLE", matched to the project's file name (and title).
 */
#include <string.h>

#include "sp-actor.h"
#include "sp-document.h"
#include "sp-issue.h"
#include "sp-suggest-engine.h"

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GListModel) documents = NULL;
  g_autoptr(GHashTable) gold = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) gold_docs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) group_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) issue_keys = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autofree char *tsv = NULL;
  g_auto(GStrv) lines = NULL;
  SpSuggestEngine *engine;
  gboolean verbose = FALSE;
  double min_confidence = 0;
  const char *only_doc = NULL;
  guint tp = 0;
  guint fp = 0;
  guint fn = 0;

  if (argc < 3)
    {
      g_printerr ("usage: %s PROJECT GOLD.tsv [--verbose]\n", argv[0]);
      return 2;
    }
  for (int i = 3; i < argc; i++)
    {
      verbose |= g_str_equal (argv[i], "--verbose");
      if (g_str_equal (argv[i], "--min-confidence") && i + 1 < argc)
        min_confidence = g_ascii_strtod (argv[++i], NULL);
      else if (g_str_equal (argv[i], "--doc") && i + 1 < argc)
        only_doc = argv[++i];
    }
  if (!(project = sp_project_open (argv[1], &error)) || !g_file_get_contents (argv[2], &tsv, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  {
    g_autoptr(SpSuggestLexicons) lexicons = sp_suggest_lexicons_load ("en", &error);
    g_autoptr(SpSuggestCodebook) codebook = lexicons ? sp_suggest_codebook_new_from_project (project, &error) : NULL;
    g_autoptr(GListModel) actors = sp_project_list_actors (project, NULL);
    g_autoptr(GListModel) issues = sp_project_list_issues (project, NULL);

    if (codebook == NULL)
      {
        g_printerr ("%s\n", error->message);
        return 1;
      }
    for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
      {
        g_autoptr(SpActor) a = g_list_model_get_item (actors, i);
        gint64 *k = g_new (gint64, 1);

        *k = sp_actor_get_id (a);
        g_hash_table_insert (group_names, k, g_strdup (sp_actor_get_group_name (a) ? sp_actor_get_group_name (a) : sp_actor_get_name (a)));
      }
    for (guint i = 0; i < g_list_model_get_n_items (issues); i++)
      {
        g_autoptr(SpIssue) x = g_list_model_get_item (issues, i);
        gint64 *k = g_new (gint64, 1);

        *k = sp_issue_get_id (x);
        g_hash_table_insert (issue_keys, k, g_strdup (sp_issue_get_key (x)));
      }
    engine = sp_suggest_engine_new (g_steal_pointer (&codebook), g_steal_pointer (&lexicons));
  }

  lines = g_strsplit (tsv, "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], "\t", -1);

      if (g_strv_length (f) < 4)
        continue;
      g_hash_table_add (gold_docs, g_strdup (f[0]));
      g_hash_table_add (gold, g_strdup_printf ("%s\t%s\t%s\t%c", f[0], f[1], f[2], f[3][0] == '-' ? '-' : '+'));
    }

  documents = sp_project_list_documents (project, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(SpDocument) doc = g_list_model_get_item (documents, i);
      g_autofree char *with_title = g_strdup_printf ("%s#%s", sp_document_get_file_name (doc), sp_document_get_title (doc) ? sp_document_get_title (doc) : "");
      const char *name = g_hash_table_contains (gold_docs, with_title) ? with_title : sp_document_get_file_name (doc);
      g_autofree char *body = NULL;
      g_autofree guint32 *sentences = NULL;
      guint n_pairs = 0;
      g_autoptr(SpSuggestResult) result = NULL;

      if (!g_hash_table_contains (gold_docs, name))
        continue;
      body = sp_project_dup_document_body (project, sp_document_get_id (doc), NULL);
      sentences = sp_project_dup_document_sentences (project, sp_document_get_id (doc), &n_pairs, NULL);
      if (body == NULL || sentences == NULL)
        continue;
      result = sp_suggest_engine_run (engine, body, sentences, n_pairs);
      for (guint c = 0; c < result->candidates->len; c++)
        {
          const SpSuggestCandidate *cand = g_ptr_array_index (result->candidates, c);
          char *key;

          if (cand->stance == 0 || cand->confidence < min_confidence)
            continue;
          key = g_strdup_printf ("%s\t%s\t%s\t%c", name,
                                 (char *) g_hash_table_lookup (group_names, &cand->actor_id),
                                 (char *) g_hash_table_lookup (issue_keys, &cand->issue_id),
                                 cand->stance < 0 ? '-' : '+');
          if (only_doc != NULL && strstr (name, only_doc) != NULL)
            g_print ("%u %s %.2f\n    %s\n", cand->sentence + 1, key, cand->confidence, cand->explanation);
          if (verbose && !g_hash_table_contains (found, key))
            g_print ("%s %s\n    %s\n", g_hash_table_contains (gold, key) ? "TP" : "FP", key, cand->explanation);
          g_hash_table_add (found, key);
        }
    }
  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, found);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      g_hash_table_contains (gold, key) ? tp++ : fp++;
    g_hash_table_iter_init (&iter, gold);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      if (!g_hash_table_contains (found, key))
        {
          fn++;
          if (verbose)
            g_print ("FN %s\n", (char *) key);
        }
  }
  {
    double p = tp + fp ? (double) tp / (tp + fp) : 0;
    double r = tp + fn ? (double) tp / (tp + fn) : 0;

    g_print ("documents %u  tp %u fp %u fn %u  precision %.3f recall %.3f F1 %.3f\n",
             g_hash_table_size (gold_docs), tp, fp, fn, p, r, p + r > 0 ? 2 * p * r / (p + r) : 0);
  }
  sp_suggest_engine_free (engine);
  return 0;
}
