/* sp-checked-document-private.h
 *
 * What sp-project-documents.c writes of a checked document.
 */
#pragma once

#include "sp-checked-document.h"

G_BEGIN_DECLS

struct _SpCheckedDocument
{
  SpDocumentFields      fields;      /* the strings borrowed, as given; removed is @removed,
                                      * sentences and line_hashes are left out (encoded below) */
  SpRemovedBlockFields *removed;     /* a copy of the array, its strings borrowed */
  glong                 length;      /* of the body, in characters */
  double                date_confidence; /* as stored: within 0 … 1, 0 without a date */
  GBytes               *sentences;   /* as stored; NULL for none */
  GArray               *line_hashes; /* guint64: the body's short lines, each once, sorted */
  GBytes               *line_hashes_blob; /* the same as stored; NULL for none */
};

G_END_DECLS
