/* sp-matrix-export.h
 *
 * The position matrix as files: PNG, SVG and PDF drawn by the same layout as the window,
 * CSV (wide and long) and JSON, whose columns and members are a public interface (README.md,
 * "File formats"). Every format gives the same bytes for the same project and options. Every export writes
 * through sp_output_file_replace(): never through a symbolic link, over a device, a folder
 * or a project, always atomically, keeping the mode of the file it replaces.
 *
 * A matrix is an immutable snapshot and an export makes its own fonts and layout, so the
 * _async functions run the whole export, drawing included, in a worker thread.
 */
#pragma once

#include <gio/gio.h>

#include "sp-matrix.h"

G_BEGIN_DECLS

/**
 * SpMatrixExportProgress:
 * @fraction: how much of the export is done, from 0 to 1
 * @user_data: the user_data of the export, the same as its GAsyncReadyCallback's
 */
/* The export formats; the string forms are the CLI's --format values */
typedef enum
{
  SP_MATRIX_FORMAT_CSV,       /* wide: one column per issue */
  SP_MATRIX_FORMAT_CSV_LONG,  /* one line per cell */
  SP_MATRIX_FORMAT_JSON,
  SP_MATRIX_FORMAT_PNG,
  SP_MATRIX_FORMAT_SVG,
  SP_MATRIX_FORMAT_PDF,
} SpMatrixFormat;

typedef void (*SpMatrixExportProgress) (double   fraction,
                                        gpointer user_data);

const char *sp_matrix_format_to_string   (SpMatrixFormat         format);
gboolean  sp_matrix_format_from_string (const char              *str,
                                       SpMatrixFormat          *format);

char     *sp_matrix_to_csv            (SpMatrix                *matrix);
char     *sp_matrix_to_csv_long       (SpMatrix                *matrix);
char     *sp_matrix_to_json           (SpMatrix                *matrix);
GBytes   *sp_matrix_export_to_bytes   (SpMatrix                *matrix,
                                       SpMatrixFormat           format,
                                       double                   scale,
                                       GError                 **error);
gboolean  sp_matrix_export            (SpMatrix                *matrix,
                                       SpMatrixFormat           format,
                                       const char              *path,
                                       double                   scale,
                                       GError                 **error);
void      sp_matrix_export_async      (SpMatrix                *matrix,
                                       SpMatrixFormat           format,
                                       const char              *path,
                                       double                   scale,
                                       SpMatrixExportProgress   progress,
                                       GCancellable            *cancellable,
                                       GAsyncReadyCallback      callback,
                                       gpointer                 user_data);
gboolean  sp_matrix_export_finish     (GAsyncResult            *result,
                                       GError                 **error);
gboolean  sp_matrix_export_csv        (SpMatrix                *matrix,
                                       const char              *path,
                                       GError                 **error);

GBytes   *sp_matrix_render_png        (SpMatrix                *matrix,
                                       double                   scale,
                                       GError                 **error);
gboolean  sp_matrix_export_png        (SpMatrix                *matrix,
                                       const char              *path,
                                       double                   scale,
                                       GError                 **error);

G_END_DECLS
