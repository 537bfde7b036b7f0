/* sp-matrix.h
 *
 * The position matrix: every actor (or group) against every issue, each cell the mean stance
 * of the claims behind it and their number. A computed, immutable snapshot of the store;
 * compute a new one when the project changes.
 */
#pragma once

#include "sp-project.h"

G_BEGIN_DECLS

#define SP_TYPE_MATRIX (sp_matrix_get_type ())

typedef struct _SpMatrix SpMatrix;

/* Rows of the position matrix: one per actor, or one per group (an actor's top-most
 * affiliation). The string forms are part of the CLI and must never change. */
typedef enum
{
  SP_MATRIX_LEVEL_ACTOR,
  SP_MATRIX_LEVEL_GROUP,
} SpMatrixLevel;

/* The longest text sp_matrix_format_mean() writes, with its NUL: "−0.33" is 8 bytes. */
#define SP_MATRIX_MEAN_TEXT_SIZE 16

GType        sp_matrix_get_type          (void) G_GNUC_CONST;
SpMatrix    *sp_matrix_compute           (SpProject     *project,
                                          SpMatrixLevel  level,
                                          GError       **error);
SpMatrix    *sp_matrix_ref               (SpMatrix      *self);
void         sp_matrix_unref             (SpMatrix      *self);

SpMatrixLevel sp_matrix_get_level        (SpMatrix      *self);
guint        sp_matrix_get_n_rows        (SpMatrix      *self);
guint        sp_matrix_get_n_columns     (SpMatrix      *self);
gint64       sp_matrix_get_row_id        (SpMatrix      *self,
                                          guint          row);
const char  *sp_matrix_get_row_label     (SpMatrix      *self,
                                          guint          row);
gint64       sp_matrix_get_column_id     (SpMatrix      *self,
                                          guint          column);
const char  *sp_matrix_get_column_key    (SpMatrix      *self,
                                          guint          column);
const char  *sp_matrix_get_column_label  (SpMatrix      *self,
                                          guint          column);
gboolean     sp_matrix_get_cell          (SpMatrix      *self,
                                          guint          row,
                                          guint          column,
                                          double        *mean,
                                          guint         *count);
guint        sp_matrix_get_n_claims      (SpMatrix      *self);

const char  *sp_matrix_level_to_string   (SpMatrixLevel  level);
gboolean     sp_matrix_level_from_string (const char    *str,
                                          SpMatrixLevel *level);

void         sp_matrix_format_mean       (double         mean,
                                          gboolean       for_display,
                                          char           buffer[SP_MATRIX_MEAN_TEXT_SIZE]);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpMatrix, sp_matrix_unref)

G_END_DECLS
