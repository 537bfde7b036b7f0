#pragma once

#include "sp-claim.h"

G_BEGIN_DECLS

/* Everything the store reads for a claim, borrowed for the duration of _sp_claim_new(). */
typedef struct
{
  gint64         id;
  gint64         document_id;
  const char    *document_file;
  const char    *document_title;
  const char    *document_date;
  guint          start;
  guint          end;
  const char    *quote;
  gint64         actor_id;
  const char    *actor_name;
  const char    *group_name;
  gint64         issue_id;
  const char    *issue_key;
  const char    *issue_label;
  int            stance;
  SpClaimOrigin  origin;
  double         confidence;
  const char    *note;
  const char    *created;
  const char    *updated;
} SpClaimFields;

SpClaim *_sp_claim_new (const SpClaimFields *fields);

G_END_DECLS
