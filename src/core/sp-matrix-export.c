/* sp-matrix-export.c
 *
 * Exports of the position matrix. Both are deterministic (the same matrix gives the same
 * bytes) and written atomically: built in memory, then put in place with
 * g_file_set_contents(), so a failed export never leaves half a file behind.
 */
#define G_LOG_DOMAIN "sp-matrix-export"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <pango/pangocairo.h>

#include "sp-csv.h"
#include "sp-matrix-export.h"
#include "sp-matrix-renderer.h"

/* cairo's limit for an image surface's side. */
#define MAX_IMAGE_SIDE 32767

/**
 * sp_matrix_to_csv:
 *
 * The matrix as CSV: a header `actor,KEY,KEY,…` with the issue keys, then one line per row
 * (actor or group, named in the `actor` column) with the mean stance of each cell — at most
 * two decimals, a dot, no trailing zeros — or nothing for a cell without claims. Names are
 * neutralised against formulas (sp_csv_append_text_field()); lines end with "\n".
 *
 * Returns: (transfer full): the CSV text
 */
char *
sp_matrix_to_csv (SpMatrix *matrix)
{
  g_autoptr(GString) csv = NULL;
  guint n_rows, n_columns;

  g_return_val_if_fail (matrix != NULL, NULL);

  n_rows = sp_matrix_get_n_rows (matrix);
  n_columns = sp_matrix_get_n_columns (matrix);
  csv = g_string_new (NULL);

  sp_csv_append_field (csv, "actor", TRUE);
  for (guint c = 0; c < n_columns; c++)
    sp_csv_append_text_field (csv, sp_matrix_get_column_key (matrix, c), FALSE);
  g_string_append_c (csv, '\n');

  for (guint r = 0; r < n_rows; r++)
    {
      sp_csv_append_text_field (csv, sp_matrix_get_row_label (matrix, r), TRUE);

      for (guint c = 0; c < n_columns; c++)
        {
          char text[SP_MATRIX_MEAN_TEXT_SIZE];
          double mean;

          if (sp_matrix_get_cell (matrix, r, c, &mean, NULL))
            {
              sp_matrix_format_mean (mean, FALSE, text);
              sp_csv_append_field (csv, text, FALSE);
            }
          else
            sp_csv_append_field (csv, NULL, FALSE);
        }

      g_string_append_c (csv, '\n');
    }

  return g_string_free (g_steal_pointer (&csv), FALSE);
}

/**
 * sp_matrix_export_csv:
 *
 * Writes sp_matrix_to_csv() to @path, replacing it atomically.
 */
gboolean
sp_matrix_export_csv (SpMatrix    *matrix,
                      const char  *path,
                      GError     **error)
{
  g_autofree char *csv = NULL;

  g_return_val_if_fail (matrix != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  csv = sp_matrix_to_csv (matrix);

  return g_file_set_contents (path, csv, -1, error);
}

static cairo_status_t
append_bytes_cb (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/**
 * sp_matrix_render_png:
 * @scale: device pixels per layout unit; 2 gives crisp images for reports
 *
 * Draws the matrix with the window's renderer, at @scale, on an opaque image.
 *
 * Returns: (transfer full): the PNG file's bytes, or %NULL on error
 */
GBytes *
sp_matrix_render_png (SpMatrix  *matrix,
                      double     scale,
                      GError   **error)
{
  PangoContext *context;
  g_autoptr(SpMatrixLayout) layout = NULL;
  g_autoptr(GByteArray) png = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  int width, height;
  double pixel_width, pixel_height;

  g_return_val_if_fail (matrix != NULL, NULL);
  g_return_val_if_fail (scale > 0, NULL);

  context = sp_matrix_create_export_context ();
  layout = sp_matrix_layout_new (matrix, context);
  g_object_unref (context);
  sp_matrix_layout_get_size (layout, &width, &height);

  pixel_width = ceil (width * scale);
  pixel_height = ceil (height * scale);
  if (pixel_width > MAX_IMAGE_SIDE || pixel_height > MAX_IMAGE_SIDE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The matrix is too large for an image at this scale (%.0f × %.0f pixels)"),
                   pixel_width, pixel_height);
      return NULL;
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, pixel_width, pixel_height);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  sp_matrix_layout_draw (layout, cr);
  status = cairo_status (cr);
  cairo_destroy (cr);

  png = g_byte_array_new ();
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, append_bytes_cb, png);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not draw the matrix: %s"), cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&png));
}

/**
 * sp_matrix_export_png:
 * @scale: device pixels per layout unit; 2 gives crisp images for reports
 *
 * Writes the matrix as a PNG image to @path, replacing it atomically. The image is what the
 * window shows: the same layout and renderer, on an opaque light background.
 */
gboolean
sp_matrix_export_png (SpMatrix    *matrix,
                      const char  *path,
                      double       scale,
                      GError     **error)
{
  g_autoptr(GBytes) png = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (matrix != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (scale > 0, FALSE);

  if (!(png = sp_matrix_render_png (matrix, scale, error)))
    return FALSE;

  data = g_bytes_get_data (png, &size);
  return g_file_set_contents (path, data, size, error);
}
