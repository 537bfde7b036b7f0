/* bench-matrix-project.h
 *
 * The generated projects the matrix benchmarks measure: issues and random claims.
 */
#pragma once

#include "sp-project.h"

G_BEGIN_DECLS

/* Where the claims of sp_bench_add_claims() fall */
typedef struct
{
  const gint64 *documents;
  const guint  *lengths;         /* each document's body in bytes */
  guint         n_documents;
  gboolean      random_document; /* else claim i is in document i % n_documents */
  const gint64 *actors;
  guint         n_actors;
  const gint64 *issues;
  guint         n_issues;
} SpBenchClaims;

char *sp_bench_repeat_sentence (guint                n);
void  sp_bench_add_issues      (SpProject           *project,
                                guint                n,
                                gint64              *issues);
void  sp_bench_add_claims      (SpProject           *project,
                                const SpBenchClaims *where,
                                guint                n_claims,
                                GRand               *rand);

G_END_DECLS
