#pragma once

#include "sp-statement-private.h"
#include "sp-suggestion.h"

G_BEGIN_DECLS

/* What a suggestion has beside its statement, borrowed for the duration of
 * _sp_suggestion_new(). */
typedef struct
{
  guint              sentence;
  gboolean           conditional;
  double             confidence;
  double             prior;
  const char         *explanation;
  const char * const *features;
  SpSuggestionStatus status;
  gint64             claim_id;
} SpSuggestionSnapshot;

SpSuggestion *_sp_suggestion_new (SpStatement                *statement,
                                  const SpSuggestionSnapshot *fields);

G_END_DECLS
