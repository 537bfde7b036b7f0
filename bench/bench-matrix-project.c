/* bench-matrix-project.c
 *
 * Pieces of the generated projects the matrix benchmarks measure, the same for a given seed:
 * a body of one sentence repeated, issues "issue_00"…, and claims of random actors on random
 * issues with random stances. Any failure ends the benchmark.
 */
#include "config.h"

#include "bench-matrix-project.h"

/* Returns: a body of @n times the same sentence */
char *
sp_bench_repeat_sentence (guint n)
{
  GString *body = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append (body, "The delegations met again and each side restated its position. ");

  return g_string_free (body, FALSE);
}

/* Adds @n issues "issue_00"… and stores their ids in @issues */
void
sp_bench_add_issues (SpProject *project,
                     guint      n,
                     gint64    *issues)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *key = g_strdup_printf ("issue_%02u", i);
      g_autofree char *label = g_strdup_printf ("Issue %u: a proposition of some length", i + 1);

      if (!(issues[i] = sp_project_add_issue (project, key, label, "", NULL, &error)))
        g_error ("%s", error->message);
    }
}

/* Adds @n_claims claims of 60 bytes at random places in @where's documents, each of a random
 * actor on a random issue with a random stance, drawn from @rand in that order */
void
sp_bench_add_claims (SpProject           *project,
                     const SpBenchClaims *where,
                     guint                n_claims,
                     GRand               *rand)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n_claims; i++)
    {
      guint d = where->random_document ? (guint)g_rand_int_range (rand, 0, where->n_documents)
                                       : i % where->n_documents;
      guint start = g_rand_int_range (rand, 0, where->lengths[d] - 100);
      SpClaimSpec spec = {
        .document_id = where->documents[d],
        .start = start,
        .end = start + 60,
        .actor_id = where->actors[g_rand_int_range (rand, 0, where->n_actors)],
        .issue_id = where->issues[g_rand_int_range (rand, 0, where->n_issues)],
        .stance = g_rand_int_range (rand, SP_STANCE_MIN, SP_STANCE_MAX + 1),
        .origin = SP_CLAIM_ORIGIN_MANUAL,
      };

      if (!sp_project_add_claim (project, &spec, &error))
        g_error ("%s", error->message);
    }
}
