#pragma once

#include "sp-claim.h"
#include "sp-statement-private.h"

G_BEGIN_DECLS

/* What a claim has beside its statement, borrowed for the duration of _sp_claim_new(). */
typedef struct
{
  SpClaimOrigin  origin;
  double         confidence;
  const char    *note;
  const char    *updated;
} SpClaimFields;

SpClaim *_sp_claim_new (SpStatement         *statement,
                        const SpClaimFields *fields);

G_END_DECLS
