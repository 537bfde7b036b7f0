#pragma once

#include "sp-document.h"

G_BEGIN_DECLS

/* One row of the documents list, as the store read it; everything is borrowed. */
typedef struct
{
  gint64        id;
  const char   *file_name;
  const char   *title;
  const char   *date;
  const char   *source;
  const char   *url;
  const char   *author;
  const char   *section;
  const char   *document_type;
  guint         length;
  guint         claim_count;
  SpTitleKind   title_kind;
  SpDateSource  date_source;
  double        date_confidence;
  guint         removed_count;
  gint64        near_duplicate_of;
} SpDocumentRow;

SpDocument *_sp_document_new (const SpDocumentRow *row);

G_END_DECLS
