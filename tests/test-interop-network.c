/* test-interop-network.c
 *
 * Networks from claims: the harbour fixture (dna-fixture.c) imported, then every network type
 * with its weights worked out by hand, the filters, and deterministic output.
 *
 * The fixture's claims: Ostrova +1 levy (doc 1), +1 pier (doc 1), +1 levy (doc 2);
 * Verde +1 levy (doc 1); Holt −1 levy (doc 2), −1 pier (doc 2).
 */
#include "config.h"

#include <string.h>

#include "dna-fixture.h"
#include "sp-dna-import.h"
#include "sp-network.h"
#include "sp-sentences.h"
#include "sp-test-util.h"

typedef struct
{
  char      *dir;
  SpProject *project;
} Fixture;

static GArray *
split_cb (const char *text,
          gsize       length,
          gpointer    user_data)
{
  return sp_sentence_splitter_split (user_data, text, length);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *dna = NULL;
  g_autoptr(SpDnaFile) file = NULL;
  g_autoptr(SpDnaReport) report = NULL;
  g_autoptr(SpSentenceSplitter) splitter = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = sp_test_make_tmpdir ();
  dna = g_build_filename (f->dir, "harbour.dna", NULL);
  dna_fixture_write (dna, FALSE);
  f->project = sp_test_new_project (f->dir, "p.standpoint");
  file = sp_dna_file_read (dna, NULL, &error);
  g_assert_no_error (error);
  splitter = sp_sentence_splitter_new (&error);
  g_assert_no_error (error);
  report = sp_dna_import (f->project, file, split_cb, splitter, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_claims, ==, 6);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->project);
  sp_test_remove_tree (f->dir);
  g_free (f->dir);
}

static char *
csv_of (SpProject              *project,
        const SpNetworkOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpNetwork) network = sp_network_build (project, options, &error);
  g_autoptr(GBytes) bytes = NULL;

  g_assert_no_error (error);
  bytes = sp_network_serialize (network, SP_NETWORK_FORMAT_CSV);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static gboolean
has_edge (const char *csv,
          const char *source,
          const char *target,
          const char *weights)
{
  g_auto(GStrv) lines = g_strsplit (csv, "\n", -1);

  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[i], ",", -1);
      g_autofree char *rest = NULL;

      if (g_strv_length (cells) < 5)
        continue;
      rest = g_strjoinv (",", cells + 4);
      if ((g_str_equal (cells[1], source) && g_str_equal (cells[3], target)) ||
          (g_str_equal (cells[1], target) && g_str_equal (cells[3], source)))
        return g_str_equal (rest, weights);
    }
  return FALSE;
}

static guint
n_edges (const char *csv)
{
  guint n = 0;

  for (const char *p = csv; (p = strchr (p, '\n')) != NULL; p++)
    n++;
  return n - 1;
}

static void
test_two_mode (Fixture       *f,
               gconstpointer  data)
{
  SpNetworkOptions options = { .type = SP_NETWORK_TWO_MODE };
  g_autofree char *csv = csv_of (f->project, &options);
  g_autofree char *filtered = NULL;
  g_autofree char *early = NULL;
  g_autoptr(SpNetwork) network = NULL;
  g_autoptr(GBytes) a = NULL;
  g_autoptr(GBytes) b = NULL;

  g_assert_cmpuint (n_edges (csv), ==, 5);
  g_assert_true (has_edge (csv, "Lina Ostrova", DNA_FIXTURE_LEVY, "2,1"));
  g_assert_true (has_edge (csv, "Lina Ostrova", DNA_FIXTURE_PIER, "1,1"));
  g_assert_true (has_edge (csv, "Tomas Verde", DNA_FIXTURE_LEVY, "1,1"));
  g_assert_true (has_edge (csv, "Mira Holt", DNA_FIXTURE_LEVY, "1,-1"));
  g_assert_true (has_edge (csv, "Mira Holt", DNA_FIXTURE_PIER, "1,-1"));

  /* --min-claims 2 leaves out Verde (one claim) */
  options.min_claims = 2;
  filtered = csv_of (f->project, &options);
  g_assert_cmpuint (n_edges (filtered), ==, 4);
  g_assert_null (strstr (filtered, "Tomas Verde"));

  /* --to the first document's day */
  options.min_claims = 0;
  options.to = "2024-06-01";
  early = csv_of (f->project, &options);
  g_assert_cmpuint (n_edges (early), ==, 3);
  g_assert_true (has_edge (early, "Lina Ostrova", DNA_FIXTURE_LEVY, "1,1"));
  g_assert_null (strstr (early, "Mira Holt"));

  /* a pending suggestion counts with --include-suggestions only */
  {
    g_autofree char *with = NULL;
    g_autofree char *without = NULL;
    gint64 verde = 0, pier = 0, document = 0;
    guint n_stored = 0;
    SpSuggestionFields suggestion = { 0 };

    options.to = NULL;
    g_assert_true (sp_project_find_actor (f->project, "Tomas Verde", &verde, NULL));
    g_assert_true (sp_project_find_issue (f->project, "a-new-pier-should-be-built", &pier, NULL));
    g_assert_true (sp_project_find_document (f->project, "harbour.dna#1", &document, NULL));
    suggestion.sentence = 0;
    suggestion.start = 0;
    suggestion.end = 10;
    suggestion.actor_id = verde;
    suggestion.issue_id = pier;
    suggestion.stance = -2;
    suggestion.prior = suggestion.confidence = 0.5;
    g_assert_true (sp_project_replace_suggestions (f->project, document, &suggestion, 1, &n_stored, NULL));
    g_assert_cmpuint (n_stored, ==, 1);
    without = csv_of (f->project, &options);
    g_assert_cmpuint (n_edges (without), ==, 5);
    options.include_suggestions = TRUE;
    with = csv_of (f->project, &options);
    g_assert_cmpuint (n_edges (with), ==, 6);
    g_assert_true (has_edge (with, "Tomas Verde", DNA_FIXTURE_PIER, "1,-2"));
    options.include_suggestions = FALSE;
  }

  /* the same project and options give the same bytes */
  options.to = NULL;
  network = sp_network_build (f->project, &options, NULL);
  a = sp_network_serialize (network, SP_NETWORK_FORMAT_GRAPHML);
  g_clear_pointer (&network, sp_network_free);
  network = sp_network_build (f->project, &options, NULL);
  b = sp_network_serialize (network, SP_NETWORK_FORMAT_GRAPHML);
  g_assert_true (g_bytes_equal (a, b));
  g_assert_cmpuint (sp_network_get_n_nodes (network), ==, 5);
  g_assert_nonnull (strstr (g_bytes_get_data (a, NULL),
                            "<key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>"));
}

static void
test_one_mode (Fixture       *f,
               gconstpointer  data)
{
  SpNetworkOptions options = { .type = SP_NETWORK_CONGRUENCE };
  g_autofree char *congruence = csv_of (f->project, &options);
  g_autofree char *conflict = NULL;
  g_autofree char *subtract = NULL;
  g_autofree char *jaccard = NULL;
  g_autofree char *cosine = NULL;
  g_autofree char *groups = NULL;
  g_autofree char *per_document = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (n_edges (congruence), ==, 1);
  g_assert_true (has_edge (congruence, "Lina Ostrova", "Tomas Verde", "1"));

  options.type = SP_NETWORK_CONFLICT;
  conflict = csv_of (f->project, &options);
  g_assert_cmpuint (n_edges (conflict), ==, 2);
  g_assert_true (has_edge (conflict, "Lina Ostrova", "Mira Holt", "2"));
  g_assert_true (has_edge (conflict, "Tomas Verde", "Mira Holt", "1"));

  options.type = SP_NETWORK_SUBTRACT;
  subtract = csv_of (f->project, &options);
  g_assert_cmpuint (n_edges (subtract), ==, 3);
  g_assert_true (has_edge (subtract, "Lina Ostrova", "Mira Holt", "-2"));

  /* Ostrova has 2 issues, Verde 1, they share 1: Jaccard 1 / (2 + 1 − 1), cosine 1 / √2 */
  options.type = SP_NETWORK_CONGRUENCE;
  options.normalize = SP_NETWORK_NORMALIZE_JACCARD;
  jaccard = csv_of (f->project, &options);
  g_assert_true (has_edge (jaccard, "Lina Ostrova", "Tomas Verde", "0.5"));
  options.normalize = SP_NETWORK_NORMALIZE_COSINE;
  cosine = csv_of (f->project, &options);
  g_assert_true (has_edge (cosine, "Lina Ostrova", "Tomas Verde", "0.7071067812"));

  /* per document, actors meet only on an issue within one document: Ostrova and Holt
   * disagree on the levy in the second document, and on the pier only across documents */
  options.type = SP_NETWORK_CONFLICT;
  options.normalize = SP_NETWORK_NORMALIZE_NONE;
  options.per = SP_NETWORK_PER_DOCUMENT;
  per_document = csv_of (f->project, &options);
  g_assert_cmpuint (n_edges (per_document), ==, 1);
  g_assert_true (has_edge (per_document, "Lina Ostrova", "Mira Holt", "1"));
  options.type = SP_NETWORK_CONGRUENCE;
  options.per = SP_NETWORK_PER_CLAIM;

  /* the group level links the actors' organisations */
  options.normalize = SP_NETWORK_NORMALIZE_NONE;
  options.group_level = TRUE;
  groups = csv_of (f->project, &options);
  g_assert_true (has_edge (groups, "Harbour Council", "Coastline Freight", "1"));

  /* two-mode networks are not normalised */
  options.type = SP_NETWORK_TWO_MODE;
  options.normalize = SP_NETWORK_NORMALIZE_AVERAGE;
  g_assert_null (sp_network_build (f->project, &options, &error));
  g_assert_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/interop/network/two-mode", Fixture, NULL, fixture_set_up, test_two_mode, fixture_tear_down);
  g_test_add ("/interop/network/one-mode", Fixture, NULL, fixture_set_up, test_one_mode, fixture_tear_down);

  return g_test_run ();
}
