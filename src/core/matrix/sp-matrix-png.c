/* sp-matrix-png.c
 *
 * The chart as a PNG of any size an image can sensibly have. A chart of 10,000 actors is
 * over 140,000 pixels tall, beyond the 32767 pixels cairo allows a surface, and at scale 2
 * more than two gigabytes as one image in memory. So it is drawn in strips of whole rows,
 * each a surface placed by a device offset, and the rows of a strip go to the PNG writer as
 * soon as it is drawn. The memory is that of one strip (about STRIP_PIXELS pixels) besides
 * the compressed file.
 *
 * Strips come out exactly as the chart drawn in one go. Cutting the rows across does not:
 * cairo's rasteriser computes a pixel row's coverage in one of two ways depending on every
 * edge in that row of the path, so an antialiased hatch line can differ by one level of
 * grey from one cut to another. Only a chart wider than cairo's surfaces, which cannot be
 * drawn in one go at all, is cut into tiles across.
 *
 * Where a limit remains it is said before anything is drawn, with the scale that would fit:
 * cairo's fixed-point coordinates (24.8 bits) reach ±8,388,608 device pixels, so neither side
 * may be over half that, and no image is over MAX_PIXELS, beyond what image viewers open
 * and what the window's export is worth waiting for.
 */
#define G_LOG_DOMAIN "sp-matrix-export"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <gio/gio.h>

#include "sp-matrix-export-context.h"
#include "sp-matrix-export-private.h"
#include "sp-matrix-layout.h"
#include "sp-png-writer.h"

#define MAX_TILE_WIDTH  32767  /* cairo's limit for an image surface */
#define STRIP_HEIGHT    256
#define STRIP_PIXELS    (4096 * STRIP_HEIGHT)
#define MAX_SIDE      (1 << 22)
#define MAX_PIXELS    ((gint64)1 << 31)

static gboolean
fits (int    width,
      int    height,
      double scale)
{
  double w = ceil (width * scale);
  double h = ceil (height * scale);

  return w <= MAX_SIDE && h <= MAX_SIDE && w * h <= MAX_PIXELS;
}

/* The largest scale, in hundredths, at which a chart of @width × @height layout units fits */
static double
largest_scale (int width,
               int height)
{
  double scale = MIN (MAX_SIDE / (double)width, MAX_SIDE / (double)height);

  scale = floor (MIN (scale, sqrt (MAX_PIXELS / ((double)width * height))) * 100) / 100;

  /* Rounding up to whole pixels can take the last hundredth over */
  while (scale > 0 && !fits (width, height, scale))
    scale -= 0.01;

  return scale;
}

static gboolean
check_size (int       width,
            int       height,
            double    scale,
            int      *pixel_width,
            int      *pixel_height,
            GError  **error)
{
  double w = ceil (width * scale);
  double h = ceil (height * scale);
  double largest;

  if (fits (width, height, scale))
    {
      *pixel_width = (int)w;
      *pixel_height = (int)h;
      return TRUE;
    }

  largest = largest_scale (width, height);
  if (largest >= 0.01)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                 _("The matrix is too large for one image at scale %g (%.0f × %.0f pixels): "
                   "export it at scale %g or less, or as CSV"),
                 scale, w, h, largest);
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                 _("The matrix is too large for one image (%.0f × %.0f pixels at scale %g): "
                   "export it as CSV"),
                 w, h, scale);
  return FALSE;
}

/* Draws the strip from @top into @tiles, each @tile_width wide, which cover the image */
static gboolean
draw_strip (SpMatrixLayout  *layout,
            double           scale,
            GPtrArray       *tiles,
            int              tile_width,
            int              top,
            GError         **error)
{
  for (guint t = 0; t < tiles->len; t++)
    {
      cairo_surface_t *tile = g_ptr_array_index (tiles, t);
      cairo_status_t status;
      cairo_t *cr;

      /* The tile's place as a device offset, not a translation: the user space is then
       * the same in every tile, and text comes out exactly as when the chart is drawn in
       * one go (pango finds its place through the inverse of the transformation, which at
       * a scale like 1.5 is not exact, and a glyph on a half pixel could round either way).
       * The layout paints everything in the clip, so the tile needs no clearing. */
      cairo_surface_set_device_offset (tile, -(double)t * tile_width, -top);
      cr = cairo_create (tile);
      cairo_scale (cr, scale, scale);
      sp_matrix_layout_draw (layout, cr);
      status = cairo_status (cr);
      cairo_destroy (cr);
      cairo_surface_flush (tile);

      if (status != CAIRO_STATUS_SUCCESS)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       _("Could not draw the matrix: %s"), cairo_status_to_string (status));
          return FALSE;
        }
    }

  return TRUE;
}

/* Row @y of the strip in @tiles, whole: from the surface when there is one tile, otherwise
 * put together in @row */
static const guint32 *
strip_row (GPtrArray *tiles,
           int        tile_width,
           int        y,
           guint32   *row)
{
  for (guint t = 0; t < tiles->len; t++)
    {
      cairo_surface_t *tile = g_ptr_array_index (tiles, t);
      const guint8 *pixels = cairo_image_surface_get_data (tile) +
                             (gsize)y * cairo_image_surface_get_stride (tile);

      if (tiles->len == 1)
        return (const guint32 *)(const void *)pixels;

      memcpy (row + (gsize)t * tile_width, pixels,
              (gsize)cairo_image_surface_get_width (tile) * sizeof (guint32));
    }

  return row;
}

static GBytes *
encode (SpMatrixLayout          *layout,
        double                   scale,
        int                      width,
        int                      height,
        int                      tile_width,
        SpMatrixExportProgress   progress,
        gpointer                 progress_data,
        GCancellable            *cancellable,
        GError                 **error)
{
  g_autoptr(SpPngWriter) writer = NULL;
  g_autoptr(GPtrArray) tiles = g_ptr_array_new_with_free_func ((GDestroyNotify)cairo_surface_destroy);
  g_autofree guint32 *row = g_new (guint32, width);
  int strip_height = CLAMP (STRIP_PIXELS / width, 1, STRIP_HEIGHT);

  if (!(writer = sp_png_writer_new (width, height, error)))
    return NULL;

  for (int left = 0; left < width; left += tile_width)
    {
      cairo_surface_t *tile = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                                          MIN (tile_width, width - left),
                                                          strip_height);

      g_ptr_array_add (tiles, tile);
      if (cairo_surface_status (tile) != CAIRO_STATUS_SUCCESS)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not draw the matrix: %s"),
                       cairo_status_to_string (cairo_surface_status (tile)));
          return NULL;
        }
    }

  for (int top = 0; top < height; top += strip_height)
    {
      int rows = MIN (strip_height, height - top);

      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !draw_strip (layout, scale, tiles, tile_width, top, error))
        return NULL;

      for (int y = 0; y < rows; y++)
        if (!sp_png_writer_add_row (writer, strip_row (tiles, tile_width, y, row), error))
          return NULL;

      if (progress != NULL)
        progress ((double)(top + rows) / height, progress_data);
    }

  return sp_png_writer_finish (writer, error);
}

/**
 * _sp_matrix_render_png_full:
 * @tile_width: the widest surface to draw on, or 0 for cairo's limit; tests make it
 *   smaller to see tiles without an image of billions of pixels
 * @progress: (nullable): called after each strip, in the calling thread
 * @cancellable: (nullable): checked before each strip
 *
 * sp_matrix_render_png() with progress and cancellation. Makes its own #PangoContext and
 * layout, so it can run in any thread.
 *
 * Returns: (transfer full): the PNG file's bytes, or %NULL on error
 */
GBytes *
_sp_matrix_render_png_full (SpMatrix                *matrix,
                            double                   scale,
                            int                      tile_width,
                            SpMatrixExportProgress   progress,
                            gpointer                 progress_data,
                            GCancellable            *cancellable,
                            GError                 **error)
{
  g_autoptr(SpMatrixLayout) layout = NULL;
  PangoContext *context;
  int width, height, pixel_width, pixel_height;

  g_return_val_if_fail (matrix != NULL, NULL);
  g_return_val_if_fail (scale > 0, NULL);
  g_return_val_if_fail (tile_width >= 0 && tile_width <= MAX_TILE_WIDTH, NULL);

  context = sp_matrix_create_export_context ();
  layout = sp_matrix_layout_new_with_caption (matrix, context);
  g_object_unref (context);
  sp_matrix_layout_get_size (layout, &width, &height);

  if (!check_size (width, height, scale, &pixel_width, &pixel_height, error))
    return NULL;

  return encode (layout, scale, pixel_width, pixel_height,
                 tile_width > 0 ? tile_width : MAX_TILE_WIDTH,
                 progress, progress_data, cancellable, error);
}
