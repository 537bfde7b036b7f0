/* sp-matrix-layout.h
 *
 * The position matrix as a chart, measured once and drawn with cairo and pango. The same
 * SpMatrixLayout draws the window's matrix view (through gtk_snapshot_append_cairo()) and
 * the image exports, so what is exported is what is seen.
 *
 * A layout keeps the PangoContext it measured with and shapes text while drawing: use it
 * from one thread at a time (the export makes its own, in its worker).
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "sp-matrix.h"
#include "sp-stance-palette.h"

G_BEGIN_DECLS

#define SP_TYPE_MATRIX_LAYOUT (sp_matrix_layout_get_type ())

G_DECLARE_FINAL_TYPE (SpMatrixLayout, sp_matrix_layout, SP, MATRIX_LAYOUT, GObject)

SpMatrixLayout *sp_matrix_layout_new             (SpMatrix           *matrix,
                                                  PangoContext       *context);
SpMatrixLayout *sp_matrix_layout_new_with_caption (SpMatrix         *matrix,
                                                  PangoContext       *context);
SpMatrix       *sp_matrix_layout_get_matrix      (SpMatrixLayout     *self);
void            sp_matrix_layout_get_size        (SpMatrixLayout     *self,
                                                  int                *width,
                                                  int                *height);
gboolean        sp_matrix_layout_is_compact      (SpMatrixLayout     *self);
gboolean        sp_matrix_layout_get_cell_rect   (SpMatrixLayout     *self,
                                                  guint               row,
                                                  guint               column,
                                                  cairo_rectangle_t  *rect);
gboolean        sp_matrix_layout_hit_test        (SpMatrixLayout     *self,
                                                  double              x,
                                                  double              y,
                                                  guint              *row,
                                                  guint              *column);
char           *sp_matrix_dup_scope_description  (SpMatrix          *matrix);
void            sp_matrix_layout_draw            (SpMatrixLayout     *self,
                                                  cairo_t            *cr);

G_END_DECLS
