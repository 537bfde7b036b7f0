/* sp-matrix-export.h
 *
 * The position matrix as files: a PNG drawn by the same renderer as the window, and a CSV
 * whose columns are a public interface (README.md, "File formats").
 */
#pragma once

#include "sp-matrix.h"

G_BEGIN_DECLS

char     *sp_matrix_to_csv      (SpMatrix    *matrix);
gboolean  sp_matrix_export_csv  (SpMatrix    *matrix,
                                 const char  *path,
                                 GError     **error);
GBytes   *sp_matrix_render_png  (SpMatrix    *matrix,
                                 double       scale,
                                 GError     **error);
gboolean  sp_matrix_export_png  (SpMatrix    *matrix,
                                 const char  *path,
                                 double       scale,
                                 GError     **error);

G_END_DECLS
