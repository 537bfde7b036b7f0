/* sp-matrix.h
 *
 * The position matrix: every actor (or group) against every issue, each cell the aggregated
 * stance of the claims behind it under a set of options (sp-matrix-options.h), with their
 * number, their support/opposition/neutral counts, their dates and the claims themselves.
 * A computed, immutable snapshot of the store; compute a new one when the project or the
 * options change.
 */
#pragma once

#include "sp-matrix-options.h"
#include "sp-project.h"

G_BEGIN_DECLS

#define SP_TYPE_MATRIX (sp_matrix_get_type ())

typedef struct _SpMatrix SpMatrix;

/* The longest text sp_matrix_format_mean() writes, with its NUL: "−0.33" is 8 bytes. */
#define SP_MATRIX_MEAN_TEXT_SIZE 16

/* The longest text sp_matrix_format_date() writes, with its NUL: "2025-01-31" */
#define SP_MATRIX_DATE_TEXT_SIZE 11

typedef enum /*< flags >*/
{
  SP_MATRIX_CELL_NONE         = 0,
  SP_MATRIX_CELL_DISAGREEMENT = 1 << 0,  /* support and opposition both among its claims */
  SP_MATRIX_CELL_PENDING      = 1 << 1,  /* rests partly on pending, unreviewed suggestions */
} SpMatrixCellFlags;

/**
 * SpMatrixCellInfo:
 * @score: the aggregated stance, −2..+2 (NAN for an empty cell)
 * @n_claims: the claims (and, when included, pending suggestions) behind it
 * @n_support: of those, how many have a stance above 0
 * @n_oppose: below 0
 * @n_neutral: exactly 0
 * @n_pending: how many are pending suggestions
 * @n_documents: the documents they come from
 * @first_date: the earliest document date as YYYYMMDD, 0 when every claim is undated
 * @last_date: the latest
 * @flags: what the chart marks
 */
typedef struct
{
  double             score;
  guint              n_claims;
  guint              n_support;
  guint              n_oppose;
  guint              n_neutral;
  guint              n_pending;
  guint              n_documents;
  guint32            first_date;
  guint32            last_date;
  SpMatrixCellFlags  flags;
} SpMatrixCellInfo;

/**
 * SpMatrixEvidence:
 * @id: the claim's id, or the suggestion's when @pending
 * @document_id: where it was said
 * @actor_id: who said it (at group level, the member)
 * @date: the document's date as YYYYMMDD, 0 when undated
 * @stance: −2..+2
 * @pending: a pending suggestion rather than a claim
 *
 * One claim behind a cell. A cell's evidence is in time order: undated first, then by
 * date, document and id.
 */
typedef struct
{
  gint64    id;
  gint64    document_id;
  gint64    actor_id;
  guint32   date;
  gint8     stance;
  gboolean  pending;
} SpMatrixEvidence;

/**
 * SpMatrixChange:
 * @row: the cell's row in the later matrix
 * @column: its column in the later matrix
 * @before: the score in the earlier matrix
 * @after: the score in the later one
 *
 * A cell whose sign (support, neutral, opposition) differs between two matrices.
 */
typedef struct
{
  guint   row;
  guint   column;
  double  before;
  double  after;
} SpMatrixChange;

GType        sp_matrix_get_type          (void) G_GNUC_CONST;
SpMatrix    *sp_matrix_compute           (SpProject              *project,
                                          SpMatrixLevel           level,
                                          GError                **error);
SpMatrix    *sp_matrix_compute_with_options (SpProject           *project,
                                          const SpMatrixOptions  *options,
                                          GError                **error);
SpMatrix    *sp_matrix_ref               (SpMatrix               *self);
void         sp_matrix_unref             (SpMatrix               *self);

const SpMatrixOptions *sp_matrix_get_options (SpMatrix           *self);
SpMatrixLevel sp_matrix_get_level        (SpMatrix               *self);
guint        sp_matrix_get_n_rows        (SpMatrix               *self);
guint        sp_matrix_get_n_columns     (SpMatrix               *self);
gint64       sp_matrix_get_row_id        (SpMatrix               *self,
                                          guint                   row);
const char  *sp_matrix_get_row_label     (SpMatrix               *self,
                                          guint                   row);
gint64       sp_matrix_get_row_group_id  (SpMatrix               *self,
                                          guint                   row);
gint64       sp_matrix_get_column_id     (SpMatrix               *self,
                                          guint                   column);
const char  *sp_matrix_get_column_key    (SpMatrix               *self,
                                          guint                   column);
const char  *sp_matrix_get_column_label  (SpMatrix               *self,
                                          guint                   column);
gboolean     sp_matrix_find_row          (SpMatrix               *self,
                                          gint64                  id,
                                          guint                  *row);
gboolean     sp_matrix_find_column       (SpMatrix               *self,
                                          gint64                  id,
                                          guint                  *column);
gboolean     sp_matrix_get_cell          (SpMatrix               *self,
                                          guint                   row,
                                          guint                   column,
                                          double                 *mean,
                                          guint                  *count);
gboolean     sp_matrix_get_cell_info     (SpMatrix               *self,
                                          guint                   row,
                                          guint                   column,
                                          SpMatrixCellInfo       *info);
const SpMatrixEvidence *sp_matrix_get_cell_evidence (SpMatrix    *self,
                                          guint                   row,
                                          guint                   column,
                                          guint                  *n_evidence);
guint        sp_matrix_get_n_claims      (SpMatrix               *self);
guint        sp_matrix_get_n_pending     (SpMatrix               *self);
guint        sp_matrix_get_n_documents   (SpMatrix               *self);
guint        sp_matrix_get_n_undated     (SpMatrix               *self);

GArray      *sp_matrix_compare           (SpMatrix               *earlier,
                                          SpMatrix               *later);
GArray      *sp_matrix_compute_changes   (SpProject              *project,
                                          const SpMatrixOptions  *options,
                                          const char             *earlier_date,
                                          const char             *later_date,
                                          SpMatrix              **later,
                                          GError                **error);

void         sp_matrix_format_mean       (double                  mean,
                                          gboolean                for_display,
                                          char                    buffer[SP_MATRIX_MEAN_TEXT_SIZE]);
void         sp_matrix_format_date       (guint32                 date,
                                          char                    buffer[SP_MATRIX_DATE_TEXT_SIZE]);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpMatrix, sp_matrix_unref)

G_END_DECLS
