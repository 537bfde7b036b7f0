/* sp-network.h
 *
 * Networks from a project's claims, the ones the Discourse Network Analyzer computes, for
 * network tools (Gephi, visone, networkx, igraph):
 *   two-mode    actors and issues; an edge for each actor's claims on an issue, weighted by
 *               their number, with their mean stance
 *   congruence  actors; weight = the number of issues on which both take the same sign
 *   conflict    actors; weight = the number of issues on which they take opposite signs
 *   subtract    congruence − conflict
 * written as GraphML or as a CSV edge list, deterministically.
 */
#pragma once

#include "sp-project.h"

G_BEGIN_DECLS

typedef enum
{
  SP_NETWORK_TWO_MODE,
  SP_NETWORK_CONGRUENCE,
  SP_NETWORK_CONFLICT,
  SP_NETWORK_SUBTRACT,
} SpNetworkType;

typedef enum
{
  SP_NETWORK_NORMALIZE_NONE,
  SP_NETWORK_NORMALIZE_AVERAGE,
  SP_NETWORK_NORMALIZE_JACCARD,
  SP_NETWORK_NORMALIZE_COSINE,
} SpNetworkNormalize;

typedef enum
{
  SP_NETWORK_PER_CLAIM,     /* every claim counts; one-mode units are issues */
  SP_NETWORK_PER_DOCUMENT,  /* an actor's claims on an issue count once per document */
} SpNetworkUnit;

typedef enum
{
  SP_NETWORK_FORMAT_GRAPHML,
  SP_NETWORK_FORMAT_CSV,
} SpNetworkFormat;

typedef struct
{
  SpNetworkType       type;
  SpNetworkNormalize  normalize;
  SpNetworkUnit       per;
  gboolean            group_level;         /* actors replaced by their group */
  const char         *from;                /* YYYY-MM-DD or NULL: documents dated on or after */
  const char         *to;                  /* YYYY-MM-DD or NULL: on or before */
  guint               min_claims;          /* actors and issues with fewer claims are left out */
  gboolean            include_suggestions; /* pending suggestions count as claims */
} SpNetworkOptions;

typedef struct _SpNetwork SpNetwork;

SpNetwork *sp_network_build          (SpProject               *project,
                                      const SpNetworkOptions  *options,
                                      GError                 **error);
void       sp_network_free           (SpNetwork               *self);
guint      sp_network_get_n_nodes    (SpNetwork               *self);
guint      sp_network_get_n_edges    (SpNetwork               *self);
GBytes    *sp_network_serialize      (SpNetwork               *self,
                                      SpNetworkFormat          format);
gboolean   sp_network_write          (SpNetwork               *self,
                                      SpNetworkFormat          format,
                                      const char              *path,
                                      GError                 **error);

gboolean   sp_network_type_from_string      (const char         *text,
                                             SpNetworkType      *type);
gboolean   sp_network_normalize_from_string (const char         *text,
                                             SpNetworkNormalize *normalize);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpNetwork, sp_network_free)

G_END_DECLS
