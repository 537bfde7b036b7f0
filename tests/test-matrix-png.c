/* test-matrix-png.c
 *
 * PNG exports beyond what one cairo surface can hold: a chart of 10,000 actors (over
 * 140,000 pixels tall) at scale 1 and 2, and a chart wider than the exporter's tiles. The
 * files are read back by a PNG reader of the test's own (every chunk's CRC, every row
 * unfiltered), so that no row goes unchecked however large the image: every actor's row has
 * its cells in their colours, and stretches at the top, middle and bottom are exactly what
 * the layout draws there. The tiles a chart wider than a cairo surface is cut into are seen
 * on a narrower chart with narrower tiles.
 */
#define G_LOG_DOMAIN "test-matrix-png"

#include "config.h"

#include <math.h>
#include <string.h>

#include <pango/pangocairo.h>
#include <zlib.h>

#include "sp-matrix-export-context.h"
#include "sp-matrix-export-private.h"
#include "sp-matrix-layout.h"
#include "sp-test-matrix.h"
#include "sp-test-util.h"

/* A PNG reader for 8-bit RGB images without interlace, which is what the export writes */

typedef void (*RowFunc) (guint32       y,
                         const guint8 *rgb,
                         gpointer      data);

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32)p[0] << 24) | ((guint32)p[1] << 16) | ((guint32)p[2] << 8) | p[3];
}

static guint8
paeth (guint8 a,
       guint8 b,
       guint8 c)
{
  int p = a + b - c;
  int pa = ABS (p - a), pb = ABS (p - b), pc = ABS (p - c);

  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/* Undoes the row's filter in place; @above is the previous row, unfiltered. The export
 * writes "up" throughout, which gets a loop of its own (the sanitizer build is slow); both
 * rows start on an eight-byte boundary. */
static void
unfilter (guint8        filter,
          guint8       *row,
          const guint8 *above,
          gsize         length)
{
  if (filter == 2)
    {
      const guint64 high = G_GUINT64_CONSTANT (0x8080808080808080);
      gsize i = 0;

      /* Eight bytes at a time, each added on its own (no carry into the next) */
      for (; i + 8 <= length; i += 8)
        {
          guint64 *x = (guint64 *)(void *)(row + i);
          guint64 y = *(const guint64 *)(const void *)(above + i);

          *x = ((*x & ~high) + (y & ~high)) ^ ((*x ^ y) & high);
        }
      for (; i < length; i++)
        row[i] += above[i];
      return;
    }

  for (gsize i = 0; i < length; i++)
    {
      guint8 left = i >= 3 ? row[i - 3] : 0;
      guint8 up_left = i >= 3 ? above[i - 3] : 0;

      switch (filter)
        {
        case 0: break;
        case 1: row[i] += left; break;
        case 3: row[i] += (left + above[i]) / 2; break;
        case 4: row[i] += paeth (left, above[i], up_left); break;
        default: g_error ("row filter %u", filter);
        }
    }
}

static void
read_png (const char *path,
          guint32    *width,
          guint32    *height,
          RowFunc     func,
          gpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GMappedFile) file = g_mapped_file_new (path, FALSE, &error);
  g_autofree guint8 *line_buffer = NULL;
  g_autofree guint8 *above_buffer = NULL;
  guint8 *line = NULL;
  guint8 *above = NULL;
  const guint8 *p, *end;
  z_stream zlib = { 0 };
  gsize stride = 0, filled = 0;
  guint32 y = 0;
  gboolean ended = FALSE;

  g_assert_no_error (error);
  p = (const guint8 *)g_mapped_file_get_contents (file);
  end = p + g_mapped_file_get_length (file);
  g_assert_cmpmem (p, 8, "\x89PNG\r\n\x1a\n", 8);
  p += 8;
  g_assert_cmpint (inflateInit (&zlib), ==, Z_OK);

  while (!ended)
    {
      guint32 length, crc;
      const guint8 *type, *chunk;

      g_assert_cmpint (end - p, >=, 12);
      length = read_be32 (p);
      type = p + 4;
      chunk = p + 8;
      g_assert_cmpint (end - chunk, >=, (gint64)length + 4);
      crc = crc32 (0, type, length + 4);
      g_assert_cmpuint (read_be32 (chunk + length), ==, crc);
      p = chunk + length + 4;

      if (memcmp (type, "IHDR", 4) == 0)
        {
          g_assert_cmpuint (length, ==, 13);
          *width = read_be32 (chunk);
          *height = read_be32 (chunk + 4);
          g_assert_cmpmem (chunk + 8, 5, "\x08\x02\x00\x00\x00", 5);
          /* The filter byte last of a first word, so that the row starts on the next */
          stride = (gsize)*width * 3 + 1;
          line_buffer = g_malloc (stride + 7);
          above_buffer = g_malloc0 (stride + 7);
          line = line_buffer + 7;
          above = above_buffer + 7;
        }
      else if (memcmp (type, "IDAT", 4) == 0)
        {
          zlib.next_in = (Bytef *)chunk;
          zlib.avail_in = length;
          while (zlib.avail_in > 0)
            {
              int rc;

              g_assert_nonnull (line);
              zlib.next_out = line + filled;
              zlib.avail_out = stride - filled;
              rc = inflate (&zlib, Z_NO_FLUSH);
              g_assert_true (rc == Z_OK || rc == Z_STREAM_END);
              filled = stride - zlib.avail_out;

              if (filled == stride)
                {
                  g_assert_cmpuint (y, <, *height);
                  unfilter (line[0], line + 1, above + 1, stride - 1);
                  func (y++, line + 1, data);
                  memcpy (above, line, stride);
                  filled = 0;
                }
              if (rc == Z_STREAM_END)
                g_assert_cmpuint (zlib.avail_in, ==, 0);
            }
        }
      else if (memcmp (type, "IEND", 4) == 0)
        ended = TRUE;
    }

  g_assert_true (p == end);
  g_assert_cmpuint (filled, ==, 0);
  g_assert_cmpuint (y, ==, *height);
  inflateEnd (&zlib);
}

/* What the rows must hold */

#define WINDOW_HEIGHT 64

typedef struct
{
  SpMatrix        *matrix;
  SpMatrixLayout  *layout;
  double           scale;
  int              width;
  int              height;
  /* stretches drawn by the layout alone, to compare whole rows with */
  cairo_surface_t *windows[3];
  int              window_tops[3];
  /* the cells' centres, row after row */
  guint            next_row;
} Expectation;

static void
expectation_init (Expectation    *e,
                  SpMatrix       *matrix,
                  SpMatrixLayout *layout,
                  double          scale)
{
  int layout_width, layout_height;
  cairo_rectangle_t middle;

  sp_matrix_layout_get_size (layout, &layout_width, &layout_height);
  e->matrix = matrix;
  e->layout = layout;
  e->scale = scale;
  e->width = (int)ceil (layout_width * scale);
  e->height = (int)ceil (layout_height * scale);
  e->next_row = 0;

  g_assert_true (sp_matrix_layout_get_cell_rect (layout, sp_matrix_get_n_rows (matrix) / 2, 0,
                                                 &middle));
  e->window_tops[0] = 0;
  e->window_tops[1] = (int)(middle.y * scale) - WINDOW_HEIGHT / 2;
  e->window_tops[2] = e->height - WINDOW_HEIGHT;

  for (guint i = 0; i < G_N_ELEMENTS (e->windows); i++)
    {
      cairo_t *cr;

      e->windows[i] = cairo_image_surface_create (CAIRO_FORMAT_RGB24, e->width, WINDOW_HEIGHT);
      cairo_surface_set_device_offset (e->windows[i], 0, -e->window_tops[i]);
      cr = cairo_create (e->windows[i]);
      cairo_scale (cr, scale, scale);
      sp_matrix_layout_draw (layout, cr);
      cairo_destroy (cr);
      cairo_surface_flush (e->windows[i]);
    }
}

static void
expectation_clear (Expectation *e)
{
  for (guint i = 0; i < G_N_ELEMENTS (e->windows); i++)
    g_clear_pointer (&e->windows[i], cairo_surface_destroy);
}

static void
assert_cell_pixel (SpMatrix     *matrix,
                   guint         row,
                   guint         column,
                   const guint8 *pixel)
{
  double mean;

  if (sp_matrix_get_cell (matrix, row, column, &mean, NULL))
    {
      SpRgb fill;

      sp_stance_color (mean, &fill);
      g_assert_cmpint (ABS (pixel[0] - (int)round (fill.red * 255)), <=, 1);
      g_assert_cmpint (ABS (pixel[1] - (int)round (fill.green * 255)), <=, 1);
      g_assert_cmpint (ABS (pixel[2] - (int)round (fill.blue * 255)), <=, 1);
    }
  else
    {
      /* White or the light grey hatch: no hue */
      g_assert_cmpint (MIN (pixel[0], MIN (pixel[1], pixel[2])), >=, 0xd8);
      g_assert_cmpint (MAX (pixel[0], MAX (pixel[1], pixel[2])) -
                       MIN (pixel[0], MIN (pixel[1], pixel[2])), <=, 8);
    }
}

static void
check_row_cb (guint32       y,
              const guint8 *rgb,
              gpointer      data)
{
  Expectation *e = data;
  guint n_rows = sp_matrix_get_n_rows (e->matrix);
  guint n_columns = sp_matrix_get_n_columns (e->matrix);

  for (guint i = 0; i < G_N_ELEMENTS (e->windows); i++)
    {
      int top = e->window_tops[i];

      if ((int)y >= top && (int)y < top + WINDOW_HEIGHT)
        {
          cairo_surface_t *window = e->windows[i];
          const guint8 *pixels = cairo_image_surface_get_data (window) +
                                 (gsize)(y - top) * cairo_image_surface_get_stride (window);

          for (int x = 0; x < e->width; x++)
            {
              guint32 pixel;

              memcpy (&pixel, pixels + (gsize)x * 4, sizeof pixel);
              if (rgb[x * 3] != (guint8)(pixel >> 16) || rgb[x * 3 + 1] != (guint8)(pixel >> 8) ||
                  rgb[x * 3 + 2] != (guint8)pixel)
                g_error ("The exported pixel at %d,%u differs from the layout's drawing", x, y);
            }
        }
    }

  while (e->next_row < n_rows)
    {
      cairo_rectangle_t rect;

      sp_matrix_layout_get_cell_rect (e->layout, e->next_row, 0, &rect);
      if ((guint32)((rect.y + rect.height / 2) * e->scale) != y)
        break;

      for (guint c = 0; c < n_columns; c++)
        {
          sp_matrix_layout_get_cell_rect (e->layout, e->next_row, c, &rect);
          assert_cell_pixel (e->matrix, e->next_row, c,
                             rgb + (gsize)((rect.x + rect.width / 2) * e->scale) * 3);
        }
      e->next_row++;
    }
}

static void
assert_png (const char     *path,
            SpMatrix       *matrix,
            SpMatrixLayout *layout,
            double          scale)
{
  Expectation e = { 0 };
  guint32 width = 0, height = 0;

  expectation_init (&e, matrix, layout, scale);
  read_png (path, &width, &height, check_row_cb, &e);

  g_assert_cmpuint (width, ==, e.width);
  g_assert_cmpuint (height, ==, e.height);
  g_assert_cmpuint (e.next_row, ==, sp_matrix_get_n_rows (matrix));

  expectation_clear (&e);
}

typedef struct
{
  char      *dir;
  SpProject *project;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = sp_test_make_tmpdir ();
  f->project = sp_test_new_project (f->dir, "test.standpoint");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->project);
  sp_test_remove_tree (f->dir);
  g_free (f->dir);
}

static SpMatrixLayout *
make_export_layout (SpMatrix *matrix)
{
  PangoContext *context = sp_matrix_create_export_context ();
  SpMatrixLayout *layout = sp_matrix_layout_new_with_caption (matrix, context);

  g_object_unref (context);
  return layout;
}

/* 10,000 actors: taller than any cairo surface at scale 1 and 2, too large at scale 8 */
static void
test_ten_thousand_actors (Fixture       *f,
                          gconstpointer  data)
{
  static const double scales[] = { 1.0, 2.0 };
  g_autoptr(SpMatrix) matrix = NULL;
  g_autoptr(SpMatrixLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *too_large = g_build_filename (f->dir, "scale-8.png", NULL);
  int width, height;

  sp_test_matrix_fill (f->project, 10000, 3);
  matrix = sp_matrix_compute (f->project, SP_MATRIX_LEVEL_ACTOR, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sp_matrix_get_n_rows (matrix), ==, 10000);

  layout = make_export_layout (matrix);
  g_assert_true (sp_matrix_layout_is_compact (layout));
  sp_matrix_layout_get_size (layout, &width, &height);
  g_assert_cmpint (height, >, 32767);

  for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
    {
      g_autofree char *name = g_strdup_printf ("scale-%g.png", scales[i]);
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_assert_true (sp_matrix_export_png (matrix, path, scales[i], &error));
      g_assert_no_error (error);
      assert_png (path, matrix, layout, scales[i]);
    }

  /* Billions of pixels: refused at once, in one line that names a scale that fits */
  g_assert_false (sp_matrix_export_png (matrix, too_large, 8.0, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "at scale 8"));
  g_assert_nonnull (strstr (error->message, "or less, or as CSV"));
  g_assert_null (strchr (error->message, '\n'));
  g_assert_false (g_file_test (too_large, G_FILE_TEST_EXISTS));
}

static cairo_status_t
read_bytes_cb (void          *closure,
               unsigned char *data,
               unsigned int   length)
{
  return g_input_stream_read_all (closure, data, length, NULL, NULL, NULL)
         ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_READ_ERROR;
}

static cairo_surface_t *
decode (GBytes *png)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (png);
  cairo_surface_t *image = cairo_image_surface_create_from_png_stream (read_bytes_cb, stream);

  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_flush (image);
  return image;
}

/* Every pixel of @image within @tolerance of @whole's, per channel */
static void
assert_same_image (cairo_surface_t *image,
                   cairo_surface_t *whole,
                   int              tolerance)
{
  int stride = cairo_image_surface_get_stride (whole);

  g_assert_cmpint (cairo_image_surface_get_width (image), ==, cairo_image_surface_get_width (whole));
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, cairo_image_surface_get_height (whole));
  g_assert_cmpint (cairo_image_surface_get_stride (image), ==, stride);

  for (int y = 0; y < cairo_image_surface_get_height (whole); y++)
    for (int x = 0; x < cairo_image_surface_get_width (whole); x++)
      {
        guint32 a, b;

        memcpy (&a, cairo_image_surface_get_data (image) + (gsize)y * stride + x * 4, 4);
        memcpy (&b, cairo_image_surface_get_data (whole) + (gsize)y * stride + x * 4, 4);
        for (int shift = 0; shift < 24; shift += 8)
          if (ABS ((int)((a >> shift) & 0xff) - (int)((b >> shift) & 0xff)) > tolerance)
            g_error ("The exported pixel at %d,%d is %06x, drawn in one go %06x",
                     x, y, a & 0xffffff, b & 0xffffff);
      }
}

/* 300 issues at scale 1.5, over 6,000 pixels wide: in whole rows exactly as drawn in one go;
 * cut into tiles 1,000 pixels wide (as a chart wider than a cairo surface is), in place,
 * with at most a level of grey of difference in the antialiasing of the hatch */
static void
test_wide (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(SpMatrix) matrix = NULL;
  g_autoptr(SpMatrixLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GBytes) tiled_png = NULL;
  cairo_surface_t *image, *tiled, *whole;
  cairo_t *cr;
  const double scale = 1.5;
  int width, height;

  sp_test_matrix_fill (f->project, 61, 300);
  matrix = sp_matrix_compute (f->project, SP_MATRIX_LEVEL_ACTOR, &error);
  g_assert_no_error (error);
  layout = make_export_layout (matrix);
  sp_matrix_layout_get_size (layout, &width, &height);
  g_assert_cmpfloat (ceil (width * scale), >, 6000);

  png = sp_matrix_render_png (matrix, scale, &error);
  g_assert_no_error (error);
  tiled_png = _sp_matrix_render_png_full (matrix, scale, 1000, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  image = decode (png);
  tiled = decode (tiled_png);

  whole = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int)ceil (width * scale),
                                      (int)ceil (height * scale));
  cr = cairo_create (whole);
  cairo_scale (cr, scale, scale);
  sp_matrix_layout_draw (layout, cr);
  cairo_destroy (cr);
  cairo_surface_flush (whole);

  assert_same_image (image, whole, 0);
  assert_same_image (tiled, whole, 1);

  cairo_surface_destroy (whole);
  cairo_surface_destroy (tiled);
  cairo_surface_destroy (image);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/matrix-png/ten-thousand-actors", Fixture, NULL, fixture_set_up,
              test_ten_thousand_actors, fixture_tear_down);
  g_test_add ("/matrix-png/wide", Fixture, NULL, fixture_set_up, test_wide, fixture_tear_down);

  return g_test_run ();
}
