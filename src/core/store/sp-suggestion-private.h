#pragma once

#include "sp-suggestion.h"

G_BEGIN_DECLS

/* Everything the store reads for a suggestion, borrowed for the duration of _sp_suggestion_new(). */
typedef struct
{
  gint64             id;
  gint64             document_id;
  const char         *document_file;
  const char         *document_title;
  const char         *document_date;
  guint              sentence;
  guint              start;
  guint              end;
  const char         *quote;
  gint64             actor_id;
  const char         *actor_name;
  const char         *group_name;
  gint64             issue_id;
  const char         *issue_key;
  const char         *issue_label;
  int                stance;
  gboolean           conditional;
  double             confidence;
  double             prior;
  const char         *explanation;
  const char * const *features;
  SpSuggestionStatus status;
  gint64             claim_id;
  const char         *created;
} SpSuggestionSnapshot;

SpSuggestion *_sp_suggestion_new (const SpSuggestionSnapshot *fields);

G_END_DECLS
