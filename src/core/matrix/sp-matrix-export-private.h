/* sp-matrix-export-private.h
 *
 * The PNG export's drawing (sp-matrix-png.c), for the export functions that write it and
 * for the tests, which can make its tiles small.
 */
#pragma once

#include "sp-matrix-export.h"

G_BEGIN_DECLS

GBytes *_sp_matrix_render_png_full (SpMatrix                *matrix,
                                    double                   scale,
                                    int                      tile_width,
                                    SpMatrixExportProgress   progress,
                                    gpointer                 progress_data,
                                    GCancellable            *cancellable,
                                    GError                 **error);

GBytes *_sp_matrix_render_vector   (SpMatrix                *matrix,
                                    SpMatrixFormat           format,
                                    GError                 **error);

G_END_DECLS
