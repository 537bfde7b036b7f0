/* sp-matrix-renderer-private.h
 *
 * For matrix-bench, which compares the compact chart of a large matrix with the legible
 * chart the same matrix would give.
 */
#pragma once

#include "sp-matrix-renderer.h"

G_BEGIN_DECLS

SpMatrixLayout *_sp_matrix_layout_new_legible (SpMatrix     *matrix,
                                               PangoContext *context);

G_END_DECLS
