/* sp-matrix-private.h
 *
 * The inside of SpMatrix, shared by the files that compute it (sp-matrix-compute.c), order
 * it (sp-matrix-order.c) and read it (sp-matrix.c, the exports).
 */
#pragma once

#include "sp-matrix.h"

G_BEGIN_DECLS

typedef struct
{
  gint64   id;        /* first, so that an id index can point into the array */
  char    *label;
  char    *sort_key;
  gint64   group_id;  /* the expanded group a member row belongs to, else 0 */
  char    *block_key; /* for such a member, the sort key of its group's name */
  guint    n_claims;
} SpMatrixRow;

typedef struct
{
  gint64   id;
  char    *key;
  char    *label;
  guint    n_claims;
} SpMatrixColumn;

typedef struct
{
  SpMatrixCellInfo info;
  guint            first;  /* its evidence: evidence[first .. first + info.n_claims) */
} SpMatrixCell;

struct _SpMatrix
{
  SpMatrixOptions  *options;
  GArray           *rows;      /* SpMatrixRow */
  GArray           *columns;   /* SpMatrixColumn */
  SpMatrixCell     *cells;     /* n_rows × n_columns, row-major */
  SpMatrixEvidence *evidence;
  guint             n_evidence;
  guint             n_claims;
  guint             n_pending;
  guint             n_documents;
  guint             n_undated;
};

SpMatrix *_sp_matrix_new            (const SpMatrixOptions *options);
void      _sp_matrix_order          (SpMatrix              *self);
char     *_sp_matrix_make_sort_key  (const char            *name);
guint32   _sp_matrix_parse_date     (const char            *date);

static inline SpMatrixCell *
_sp_matrix_cell (SpMatrix *self,
                 guint     row,
                 guint     column)
{
  return &self->cells[(gsize)row * self->columns->len + column];
}

G_END_DECLS
