/* test-matrix.c
 *
 * The position matrix: aggregation (means, counts, empty cells, group level), the CSV export
 * byte for byte, and the PNG export drawn by the renderer, legible or compact.
 */
#define G_LOG_DOMAIN "test-matrix"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "sp-csv.h"
#include "sp-matrix.h"
#include "sp-matrix-export.h"
#include "sp-matrix-export-context.h"
#include "sp-matrix-layout.h"
#include "sp-project.h"

typedef struct
{
  char      *dir;
  SpProject *project;
  gint64     document_id;
} Fixture;

static const char article[] =
  "Talks in Geneva ended without agreement on Tuesday. The Kremlin said Ukraine must never join "
  "NATO, while Kyiv insisted that membership remained its goal. A ceasefire along the current "
  "front line was discussed but not agreed.";

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  SpDocumentFields fields = {
    .file_name = "geneva.txt",
    .title = "Geneva talks end without agreement",
    .date = "2025-03-04",
    .body = article,
    .content_hash = "content-geneva",
    .text_hash = "text-geneva",
  };

  f->dir = g_dir_make_tmp ("standpoint-matrix-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "test.standpoint", NULL);
  f->project = sp_project_create (path, &error);
  g_assert_no_error (error);

  f->document_id = sp_project_add_document (f->project, &fields, &error);
  g_assert_no_error (error);
  g_assert_cmpint (f->document_id, >, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&f->project);

  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static gint64
add_actor (Fixture     *f,
           const char  *name,
           gint64       affiliation_id)
{
  g_autoptr(GError) error = NULL;
  gint64 id = sp_project_add_actor (f->project, name, SP_ACTOR_KIND_PERSON, affiliation_id,
                                    NULL, &error);

  g_assert_no_error (error);
  return id;
}

static gint64
add_issue (Fixture    *f,
           const char *key,
           const char *label)
{
  g_autoptr(GError) error = NULL;
  gint64 id = sp_project_add_issue (f->project, key, label, "", NULL, &error);

  g_assert_no_error (error);
  return id;
}

static void
add_claim (Fixture *f,
           gint64   actor_id,
           gint64   issue_id,
           int      stance)
{
  g_autoptr(GError) error = NULL;
  SpClaimSpec spec = {
    .document_id = f->document_id,
    .start = 0,
    .end = 50,
    .actor_id = actor_id,
    .issue_id = issue_id,
    .stance = stance,
    .origin = SP_CLAIM_ORIGIN_MANUAL,
  };

  sp_project_add_claim (f->project, &spec, &error);
  g_assert_no_error (error);
}

static SpMatrix *
compute (Fixture       *f,
         SpMatrixLevel  level)
{
  g_autoptr(GError) error = NULL;
  SpMatrix *matrix = sp_matrix_compute (f->project, level, &error);

  g_assert_no_error (error);
  g_assert_nonnull (matrix);
  return matrix;
}

static void
assert_cell (SpMatrix *matrix,
             guint     row,
             guint     column,
             double    expected_mean,
             guint     expected_count)
{
  double mean = 0;
  guint count = 0;

  g_assert_true (sp_matrix_get_cell (matrix, row, column, &mean, &count));
  g_assert_cmpfloat_with_epsilon (mean, expected_mean, 1e-12);
  g_assert_cmpuint (count, ==, expected_count);
}

static void
assert_empty (SpMatrix *matrix,
              guint     row,
              guint     column)
{
  double mean = 0;
  guint count = 99;

  g_assert_false (sp_matrix_get_cell (matrix, row, column, &mean, &count));
  g_assert_cmpuint (count, ==, 0);
  g_assert_true (isnan (mean));
}

static void
test_means (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(SpMatrix) matrix = NULL;
  gint64 putin = add_actor (f, "Vladimir Putin", 0);
  gint64 zelensky = add_actor (f, "volodymyr Zelensky", 0);
  gint64 macron = add_actor (f, "Emmanuel Macron", 0);
  gint64 nato = add_issue (f, "ukraine_nato", "Ukraine in NATO");
  gint64 ceasefire = add_issue (f, "ceasefire", "Ceasefire");
  gint64 assets = add_issue (f, "assets", "Frozen assets");

  add_claim (f, putin, nato, 2);
  add_claim (f, putin, nato, -1);
  add_claim (f, putin, ceasefire, -2);
  add_claim (f, zelensky, nato, 2);
  add_claim (f, zelensky, nato, 1);
  add_claim (f, zelensky, nato, 2);
  add_claim (f, zelensky, ceasefire, 0);

  matrix = compute (f, SP_MATRIX_LEVEL_ACTOR);
  g_assert_cmpint (sp_matrix_get_level (matrix), ==, SP_MATRIX_LEVEL_ACTOR);

  /* Rows by name without case: Emmanuel, Vladimir, volodymyr */
  g_assert_cmpuint (sp_matrix_get_n_rows (matrix), ==, 3);
  g_assert_cmpstr (sp_matrix_get_row_label (matrix, 0), ==, "Emmanuel Macron");
  g_assert_cmpstr (sp_matrix_get_row_label (matrix, 1), ==, "Vladimir Putin");
  g_assert_cmpstr (sp_matrix_get_row_label (matrix, 2), ==, "volodymyr Zelensky");
  g_assert_cmpint (sp_matrix_get_row_id (matrix, 0), ==, macron);
  g_assert_cmpint (sp_matrix_get_row_id (matrix, 1), ==, putin);

  /* Columns in codebook order, including an issue without claims */
  g_assert_cmpuint (sp_matrix_get_n_columns (matrix), ==, 3);
  g_assert_cmpstr (sp_matrix_get_column_key (matrix, 0), ==, "ukraine_nato");
  g_assert_cmpstr (sp_matrix_get_column_label (matrix, 0), ==, "Ukraine in NATO");
  g_assert_cmpstr (sp_matrix_get_column_key (matrix, 1), ==, "ceasefire");
  g_assert_cmpstr (sp_matrix_get_column_key (matrix, 2), ==, "assets");
  g_assert_cmpint (sp_matrix_get_column_id (matrix, 2), ==, assets);

  assert_cell (matrix, 1, 0, 0.5, 2);
  assert_cell (matrix, 1, 1, -2.0, 1);
  assert_cell (matrix, 2, 0, 5.0 / 3.0, 3);
  assert_cell (matrix, 2, 1, 0.0, 1);   /* a neutral claim: 0, not empty */
  assert_empty (matrix, 1, 2);
  assert_empty (matrix, 0, 0);          /* an actor without claims keeps its row */
  g_assert_cmpuint (sp_matrix_get_n_claims (matrix), ==, 7);
}

/* Witkoff → White House → United States: the group row holds all three. */
static void
test_group_level (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(SpMatrix) matrix = NULL;
  g_autoptr(SpMatrix) actors = NULL;
  gint64 us = add_actor (f, "United States", 0);
  gint64 house = add_actor (f, "White House", us);
  gint64 witkoff = add_actor (f, "Steve Witkoff", house);
  gint64 ukraine = add_actor (f, "Ukraine", 0);
  gint64 zelensky = add_actor (f, "Volodymyr Zelensky", ukraine);
  gint64 eu = add_actor (f, "European Union", 0);
  gint64 nato = add_issue (f, "ukraine_nato", "Ukraine in NATO");
  gint64 ceasefire = add_issue (f, "ceasefire", "Ceasefire");

  add_claim (f, witkoff, nato, -2);
  add_claim (f, house, nato, -1);
  add_claim (f, us, nato, 1);
  add_claim (f, us, ceasefire, 2);
  add_claim (f, zelensky, nato, 2);
  add_claim (f, zelensky, ceasefire, -1);
  add_claim (f, ukraine, ceasefire, -2);

  matrix = compute (f, SP_MATRIX_LEVEL_GROUP);
  g_assert_cmpint (sp_matrix_get_level (matrix), ==, SP_MATRIX_LEVEL_GROUP);

  g_assert_cmpuint (sp_matrix_get_n_rows (matrix), ==, 3);
  g_assert_cmpstr (sp_matrix_get_row_label (matrix, 0), ==, "European Union");
  g_assert_cmpstr (sp_matrix_get_row_label (matrix, 1), ==, "Ukraine");
  g_assert_cmpstr (sp_matrix_get_row_label (matrix, 2), ==, "United States");
  g_assert_cmpint (sp_matrix_get_row_id (matrix, 0), ==, eu);
  g_assert_cmpint (sp_matrix_get_row_id (matrix, 2), ==, us);

  assert_empty (matrix, 0, 0);
  assert_empty (matrix, 0, 1);
  assert_cell (matrix, 1, 0, 2.0, 1);
  assert_cell (matrix, 1, 1, -1.5, 2);
  assert_cell (matrix, 2, 0, -2.0 / 3.0, 3);  /* the mean of all claims, not of means */
  assert_cell (matrix, 2, 1, 2.0, 1);

  actors = compute (f, SP_MATRIX_LEVEL_ACTOR);
  g_assert_cmpuint (sp_matrix_get_n_rows (actors), ==, 6);
}

static void
test_empty_project (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(SpMatrix) matrix = compute (f, SP_MATRIX_LEVEL_ACTOR);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autofree char *csv = NULL;

  g_assert_cmpuint (sp_matrix_get_n_rows (matrix), ==, 0);
  g_assert_cmpuint (sp_matrix_get_n_columns (matrix), ==, 0);

  csv = sp_matrix_to_csv (matrix);
  g_assert_cmpstr (csv, ==, "actor\n");

  png = sp_matrix_render_png (matrix, 1.0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (png);
}

static void
test_format_mean (void)
{
  static const struct {
    double      mean;
    const char *data;
    const char *display;
  } cases[] = {
    { 1.0, "1", "+1" },
    { 2.0, "2", "+2" },
    { -2.0, "-2", "\xe2\x88\x92" "2" },
    { 0.0, "0", "0" },
    { -0.5, "-0.5", "\xe2\x88\x92" "0.5" },
    { 1.0 / 3.0, "0.33", "+0.33" },
    { 5.0 / 3.0, "1.67", "+1.67" },
    { -5.0 / 3.0, "-1.67", "\xe2\x88\x92" "1.67" },
    { 1.5, "1.5", "+1.5" },
    { 0.1, "0.1", "+0.1" },
    { 201.0 / 200.0, "1.01", "+1.01" },   /* an exact half rounds away from zero */
    { -201.0 / 200.0, "-1.01", "\xe2\x88\x92" "1.01" },
    { -1.0 / 300.0, "0", "0" },            /* never "-0" */
    { 0.995, "1", "+1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char text[SP_MATRIX_MEAN_TEXT_SIZE];

      sp_matrix_format_mean (cases[i].mean, FALSE, text);
      g_assert_cmpstr (text, ==, cases[i].data);
      sp_matrix_format_mean (cases[i].mean, TRUE, text);
      g_assert_cmpstr (text, ==, cases[i].display);
    }
}

static void
test_csv_fields (void)
{
  g_autoptr(GString) line = g_string_new (NULL);

  sp_csv_append_field (line, "plain", TRUE);
  sp_csv_append_field (line, "a,b", FALSE);
  sp_csv_append_field (line, "say \"hi\"", FALSE);
  sp_csv_append_field (line, "two\nlines", FALSE);
  sp_csv_append_field (line, "cr\r", FALSE);
  sp_csv_append_field (line, NULL, FALSE);
  sp_csv_append_field (line, "-0.5", FALSE);
  sp_csv_append_text_field (line, "-0.5", FALSE);
  sp_csv_append_text_field (line, "=SUM(A1:A9)", FALSE);
  sp_csv_append_text_field (line, "+1", FALSE);
  sp_csv_append_text_field (line, "@cmd", FALSE);
  sp_csv_append_text_field (line, "\tindented", FALSE);
  sp_csv_append_text_field (line, "\rreturn", FALSE);
  sp_csv_append_text_field (line, "=\"x\",y", FALSE);
  sp_csv_append_text_field (line, "Zoë", FALSE);
  sp_csv_append_text_field (line, "", FALSE);

  g_assert_cmpstr (line->str, ==,
                   "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\r\",,-0.5,'-0.5,"
                   "'=SUM(A1:A9),'+1,'@cmd,'\tindented,\"'\rreturn\",\"'=\"\"x\"\",y\",Zoë,");
}

static void
test_csv (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(SpMatrix) matrix = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *again = NULL;
  g_autofree char *path = g_build_filename (f->dir, "matrix.csv", NULL);
  g_autofree char *written = NULL;
  gint64 cmd = add_actor (f, "=cmd", 0);
  gint64 foo = add_actor (f, "-Foo", 0);
  gint64 smith = add_actor (f, "Smith, John \"JS\"", 0);
  gint64 alpha = add_actor (f, "alpha", 0);
  gint64 nato = add_issue (f, "ukraine_nato", "Ukraine in NATO");
  gint64 ceasefire = add_issue (f, "ceasefire", "Ceasefire");
  gint64 assets = add_issue (f, "assets", "Frozen assets");

  add_claim (f, cmd, nato, 2);
  add_claim (f, cmd, nato, -1);
  add_claim (f, foo, ceasefire, -1);
  add_claim (f, foo, ceasefire, -2);
  add_claim (f, foo, ceasefire, 0);
  add_claim (f, smith, assets, 1);
  add_claim (f, smith, assets, 2);
  add_claim (f, smith, assets, 2);
  add_claim (f, smith, nato, 0);
  add_claim (f, alpha, nato, -2);
  add_claim (f, alpha, nato, 1);
  add_claim (f, alpha, nato, 1);

  matrix = compute (f, SP_MATRIX_LEVEL_ACTOR);
  csv = sp_matrix_to_csv (matrix);

  /* Rows in name order ("-", "=", "a", "S"), empty cells empty, negative means plain
   * numbers, names neutralised and quoted */
  g_assert_cmpstr (csv, ==,
                   "actor,ukraine_nato,ceasefire,assets\n"
                   "'-Foo,,-1,\n"
                   "'=cmd,0.5,,\n"
                   "alpha,0,,\n"
                   "\"Smith, John \"\"JS\"\"\",0,,1.67\n");

  again = sp_matrix_to_csv (matrix);
  g_assert_cmpstr (again, ==, csv);

  g_assert_true (sp_matrix_export_csv (matrix, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &written, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (written, ==, csv);
}

static void
test_csv_group_level (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(SpMatrix) matrix = NULL;
  g_autofree char *csv = NULL;
  gint64 russia = add_actor (f, "Russia", 0);
  gint64 putin = add_actor (f, "Vladimir Putin", russia);
  gint64 lavrov = add_actor (f, "Sergei Lavrov", russia);
  gint64 nato = add_issue (f, "ukraine_nato", "Ukraine in NATO");

  add_claim (f, putin, nato, -2);
  add_claim (f, lavrov, nato, -1);

  matrix = compute (f, SP_MATRIX_LEVEL_GROUP);
  csv = sp_matrix_to_csv (matrix);
  g_assert_cmpstr (csv, ==, "actor,ukraine_nato\nRussia,-1.5\n");
}

static guint
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  return *(const guint32 *)(const void *)(data + y * stride + x * 4) & 0xffffff;
}

static void assert_color (guint pixel, double red, double green, double blue);

/* The pixel has the palette's colour for @mean. */
static void
assert_stance_color (guint  pixel,
                     double mean)
{
  SpRgb fill;

  sp_stance_color (mean, &fill);
  assert_color (pixel, fill.red, fill.green, fill.blue);
}

static void
assert_color (guint  pixel,
              double red,
              double green,
              double blue)
{
  int r = (pixel >> 16) & 0xff;
  int g = (pixel >> 8) & 0xff;
  int b = pixel & 0xff;

  g_assert_cmpint (ABS (r - (int)round (red * 255)), <=, 1);
  g_assert_cmpint (ABS (g - (int)round (green * 255)), <=, 1);
  g_assert_cmpint (ABS (b - (int)round (blue * 255)), <=, 1);
}

static cairo_status_t
read_bytes_cb (void          *closure,
               unsigned char *data,
               unsigned int   length)
{
  GInputStream *stream = closure;

  if (!g_input_stream_read_all (stream, data, length, NULL, NULL, NULL))
    return CAIRO_STATUS_READ_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

static void
test_png (Fixture       *f,
          gconstpointer  data)
{
  static const guchar signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  g_autoptr(SpMatrix) matrix = NULL;
  g_autoptr(SpMatrixLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autofree char *path = g_build_filename (f->dir, "matrix.png", NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gsize first_length, second_length;
  PangoContext *context;
  cairo_surface_t *image;
  cairo_surface_t *whole;
  cairo_t *cr;
  int width, height;
  const double scale = *(const double *)data;
  gint64 putin = add_actor (f, "Vladimir Putin", 0);
  gint64 zelensky = add_actor (f, "Volodymyr Zelensky", 0);
  gint64 nato = add_issue (f, "ukraine_nato", "Ukraine in NATO");
  gint64 ceasefire = add_issue (f, "ceasefire", "Ceasefire along the current front line");

  add_claim (f, putin, nato, -2);
  add_claim (f, putin, nato, -1);
  add_claim (f, zelensky, nato, 2);
  add_claim (f, zelensky, ceasefire, 1);
  add_claim (f, zelensky, ceasefire, 0);

  matrix = compute (f, SP_MATRIX_LEVEL_ACTOR);

  g_assert_true (sp_matrix_export_png (matrix, path, scale, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &first, &first_length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (first_length, >, sizeof signature);
  g_assert_cmpmem (first, sizeof signature, signature, sizeof signature);

  /* The same matrix gives the same bytes. */
  g_assert_true (sp_matrix_export_png (matrix, path, scale, &error));
  g_assert_true (g_file_get_contents (path, &second, &second_length, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (first, first_length, second, second_length);

  context = sp_matrix_create_export_context ();
  layout = sp_matrix_layout_new_with_caption (matrix, context);
  g_object_unref (context);
  sp_matrix_layout_get_size (layout, &width, &height);

  stream = g_memory_input_stream_new_from_data (first, first_length, NULL);
  image = cairo_image_surface_create_from_png_stream (read_bytes_cb, stream);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, (int)ceil (width * scale));
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, (int)ceil (height * scale));
  cairo_surface_flush (image);

  /* Near each cell's top-left corner, away from its text, the cell has its palette colour;
   * an empty cell has none. */
  for (guint r = 0; r < sp_matrix_get_n_rows (matrix); r++)
    for (guint c = 0; c < sp_matrix_get_n_columns (matrix); c++)
      {
        cairo_rectangle_t rect;
        double mean;
        guint pixel;

        g_assert_true (sp_matrix_layout_get_cell_rect (layout, r, c, &rect));
        pixel = pixel_at (image, (int)(rect.x * scale) + 3, (int)(rect.y * scale) + 3);

        if (sp_matrix_get_cell (matrix, r, c, &mean, NULL))
          {
            assert_stance_color (pixel, mean);
          }
        else
          {
            int r8 = (pixel >> 16) & 0xff, g8 = (pixel >> 8) & 0xff, b8 = pixel & 0xff;

            /* white or the light grey hatch: no hue */
            g_assert_cmpint (MIN (r8, MIN (g8, b8)), >=, 0xd8);
            g_assert_cmpint (MAX (r8, MAX (g8, b8)) - MIN (r8, MIN (g8, b8)), <=, 8);
          }
      }

  /* The background is painted, not transparent: the corner is white. */
  assert_color (pixel_at (image, 0, 0), 1, 1, 1);

  /* The export, drawn in strips, is exactly the layout drawn in one go, as a view does. */
  whole = cairo_image_surface_create (CAIRO_FORMAT_RGB24, cairo_image_surface_get_width (image),
                                      cairo_image_surface_get_height (image));
  cr = cairo_create (whole);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  sp_matrix_layout_draw (layout, cr);
  cairo_destroy (cr);
  cairo_surface_flush (whole);

  for (int y = 0; y < cairo_image_surface_get_height (image); y++)
    for (int x = 0; x < cairo_image_surface_get_width (image); x++)
      if (pixel_at (image, x, y) != pixel_at (whole, x, y))
        g_error ("The exported pixel at %d,%d is %06x, drawn in one go %06x",
                 x, y, pixel_at (image, x, y), pixel_at (whole, x, y));

  cairo_surface_destroy (whole);

  cairo_surface_destroy (image);
}

static void
test_layout (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(SpMatrix) matrix = NULL;
  g_autoptr(SpMatrixLayout) layout = NULL;
  g_autoptr(SpMatrixLayout) again = NULL;
  PangoContext *context;
  cairo_rectangle_t rect, other;
  int width, height, width2, height2;
  guint row, column;
  char key[32];

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("Actor %u with a rather long name that wraps", i);
      add_actor (f, name, 0);
    }
  for (guint i = 0; i < 40; i++)
    {
      g_snprintf (key, sizeof key, "issue_%02u", i);
      add_issue (f, key, "An issue label long enough to be turned on its side");
    }

  matrix = compute (f, SP_MATRIX_LEVEL_ACTOR);
  context = sp_matrix_create_export_context ();
  layout = sp_matrix_layout_new (matrix, context);
  again = sp_matrix_layout_new (matrix, context);
  g_object_unref (context);

  /* Deterministic geometry */
  sp_matrix_layout_get_size (layout, &width, &height);
  sp_matrix_layout_get_size (again, &width2, &height2);
  g_assert_cmpint (width, ==, width2);
  g_assert_cmpint (height, ==, height2);

  /* Cells do not overlap, lie inside the chart, and hit tests find them. */
  g_assert_true (sp_matrix_layout_get_cell_rect (layout, 2, 39, &rect));
  g_assert_cmpfloat (rect.x + rect.width, <=, width);
  g_assert_cmpfloat (rect.y + rect.height, <=, height);
  g_assert_true (sp_matrix_layout_get_cell_rect (layout, 2, 38, &other));
  g_assert_cmpfloat (other.x + other.width, <, rect.x);
  g_assert_false (sp_matrix_layout_get_cell_rect (layout, 3, 0, &rect));
  g_assert_false (sp_matrix_layout_get_cell_rect (layout, 0, 40, &rect));

  for (guint r = 0; r < 3; r++)
    for (guint c = 0; c < 40; c += 13)
      {
        g_assert_true (sp_matrix_layout_get_cell_rect (layout, r, c, &rect));
        g_assert_true (sp_matrix_layout_hit_test (layout, rect.x + rect.width / 2,
                                                  rect.y + rect.height / 2, &row, &column));
        g_assert_cmpuint (row, ==, r);
        g_assert_cmpuint (column, ==, c);
      }

  g_assert_false (sp_matrix_layout_hit_test (layout, 1, 1, &row, &column));
  g_assert_false (sp_matrix_layout_hit_test (layout, width - 1, height - 1, &row, &column));
}

/* Adds actors "Actor 000"… (so rows keep their order) up to @n_actors and issues up to
 * @n_issues, in one action; with @claims, a third of the cells get claims: one, whose stance
 * runs through the scale, and in every fourth column a second of +2, so that some means
 * fall between the palette's classes. */
static void
add_grid (Fixture  *f,
          guint     n_actors,
          guint     n_issues,
          gboolean  claims)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) actors = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) issues = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(SpMatrix) before = compute (f, SP_MATRIX_LEVEL_ACTOR);

  g_assert_true (sp_project_begin_action (f->project, NULL, &error));
  g_assert_no_error (error);

  for (guint i = sp_matrix_get_n_rows (before); i < n_actors; i++)
    {
      g_autofree char *name = g_strdup_printf ("Actor %03u", i);
      gint64 id = add_actor (f, name, 0);

      g_array_append_val (actors, id);
    }

  for (guint i = sp_matrix_get_n_columns (before); i < n_issues; i++)
    {
      g_autofree char *key = g_strdup_printf ("issue_%03u", i);
      g_autofree char *label = g_strdup_printf ("Issue %u: a proposition long enough to be cut short", i);
      gint64 id = add_issue (f, key, label);

      g_array_append_val (issues, id);
    }

  for (guint r = 0; claims && r < actors->len; r++)
    for (guint c = 0; c < issues->len; c++)
      if ((r + 2 * c) % 3 == 0)
        {
          add_claim (f, g_array_index (actors, gint64, r), g_array_index (issues, gint64, c),
                     (int)((r + c) % 5) - 2);
          if (c % 4 == 0)
            add_claim (f, g_array_index (actors, gint64, r), g_array_index (issues, gint64, c), 2);
        }

  g_assert_true (sp_project_end_action (f->project, TRUE, &error));
  g_assert_no_error (error);
}

static gboolean
is_compact (Fixture *f)
{
  g_autoptr(SpMatrix) matrix = compute (f, SP_MATRIX_LEVEL_ACTOR);
  g_autoptr(SpMatrixLayout) layout = NULL;
  PangoContext *context = sp_matrix_create_export_context ();

  layout = sp_matrix_layout_new (matrix, context);
  g_object_unref (context);

  return sp_matrix_layout_is_compact (layout);
}

static void
test_compact_threshold (Fixture       *f,
                        gconstpointer  data)
{
  g_assert_false (is_compact (f));

  /* 600 cells are still written out, 620 are not */
  add_grid (f, 20, 30, TRUE);
  g_assert_false (is_compact (f));
  add_grid (f, 20, 31, FALSE);
  g_assert_true (is_compact (f));
}

/* Without issues there is only the message, however many actors */
static void
test_compact_no_cells (Fixture       *f,
                       gconstpointer  data)
{
  add_grid (f, 61, 0, FALSE);
  g_assert_false (is_compact (f));
}

static void
test_compact_rows (Fixture       *f,
                   gconstpointer  data)
{
  add_grid (f, 60, 1, TRUE);
  g_assert_false (is_compact (f));
  add_grid (f, 61, 1, FALSE);
  g_assert_true (is_compact (f));
}

static void
test_compact_columns (Fixture       *f,
                      gconstpointer  data)
{
  add_grid (f, 1, 60, TRUE);
  g_assert_false (is_compact (f));
  add_grid (f, 1, 61, FALSE);
  g_assert_true (is_compact (f));
}

/* The budget case of DESIGN.md, 200 actors × 50 issues, exported as a heat map */
static void
test_compact_png (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(SpMatrix) matrix = NULL;
  g_autoptr(SpMatrixLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GInputStream) stream = NULL;
  const double scale = *(const double *)data;
  PangoContext *context;
  cairo_surface_t *image;
  cairo_surface_t *whole;
  cairo_t *cr;
  int width, height;
  guint n_filled = 0, n_empty = 0;
  guint row, column;

  add_grid (f, 200, 50, TRUE);
  matrix = compute (f, SP_MATRIX_LEVEL_ACTOR);
  g_assert_cmpuint (sp_matrix_get_n_rows (matrix), ==, 200);
  g_assert_cmpuint (sp_matrix_get_n_columns (matrix), ==, 50);

  context = sp_matrix_create_export_context ();
  layout = sp_matrix_layout_new_with_caption (matrix, context);
  g_object_unref (context);
  g_assert_true (sp_matrix_layout_is_compact (layout));

  /* Layout units are pixels at scale 1: 29 Mpx when every cell had its numbers */
  sp_matrix_layout_get_size (layout, &width, &height);
  g_assert_cmpint ((gint64)width * height, <, 4000000);

  png = sp_matrix_render_png (matrix, scale, &error);
  g_assert_no_error (error);
  again = sp_matrix_render_png (matrix, scale, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (png, again));

  stream = g_memory_input_stream_new_from_bytes (png);
  image = cairo_image_surface_create_from_png_stream (read_bytes_cb, stream);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, (int)ceil (width * scale));
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, (int)ceil (height * scale));
  cairo_surface_flush (image);

  for (guint r = 0; r < 200; r++)
    for (guint c = 0; c < 50; c++)
      {
        cairo_rectangle_t rect, next;
        double mean;

        g_assert_true (sp_matrix_layout_get_cell_rect (layout, r, c, &rect));
        g_assert_cmpfloat (rect.width, >=, 8);
        g_assert_cmpfloat (rect.width, <=, 20);
        g_assert_cmpfloat (rect.height, ==, rect.width);
        g_assert_cmpfloat (rect.x + rect.width, <=, width);
        g_assert_cmpfloat (rect.y + rect.height, <=, height);
        if (c + 1 < 50)
          {
            g_assert_true (sp_matrix_layout_get_cell_rect (layout, r, c + 1, &next));
            g_assert_cmpfloat (rect.x + rect.width, <, next.x);
          }

        /* The pointer finds the cell the widget outlines and opens */
        g_assert_true (sp_matrix_layout_hit_test (layout, rect.x + rect.width / 2,
                                                  rect.y + rect.height / 2, &row, &column));
        g_assert_cmpuint (row, ==, r);
        g_assert_cmpuint (column, ==, c);

        if (sp_matrix_get_cell (matrix, r, c, &mean, NULL))
          {
            /* Filled with its palette colour, with no text in it */
            assert_stance_color (pixel_at (image, (int)((rect.x + rect.width / 2) * scale),
                                           (int)((rect.y + rect.height / 2) * scale)),
                                 mean);
            n_filled++;
          }
        else
          {
            gboolean hatched = FALSE;

            /* No hue anywhere in it, but not plain white either: the "No claims" hatch */
            for (int y = (int)ceil (rect.y * scale); y < (int)((rect.y + rect.height) * scale); y++)
              for (int x = (int)ceil (rect.x * scale); x < (int)((rect.x + rect.width) * scale); x++)
                {
                  guint pixel = pixel_at (image, x, y);
                  int r8 = (pixel >> 16) & 0xff, g8 = (pixel >> 8) & 0xff, b8 = pixel & 0xff;

                  if (MIN (r8, MIN (g8, b8)) < 0xd8 ||
                      MAX (r8, MAX (g8, b8)) - MIN (r8, MIN (g8, b8)) > 8)
                    g_error ("The empty cell %u,%u has the colour %06x at %d,%d", r, c, pixel, x, y);
                  hatched |= pixel != 0xffffff;
                }
            g_assert_true (hatched);
            n_empty++;
          }
      }

  g_assert_cmpuint (n_filled, >, 3000);
  g_assert_cmpuint (n_empty, >, 3000);

  g_assert_false (sp_matrix_layout_hit_test (layout, 1, 1, &row, &column));
  g_assert_false (sp_matrix_layout_hit_test (layout, width - 1, height - 1, &row, &column));

  /* Drawn in strips as in one go, as the window does */
  whole = cairo_image_surface_create (CAIRO_FORMAT_RGB24, cairo_image_surface_get_width (image),
                                      cairo_image_surface_get_height (image));
  cr = cairo_create (whole);
  cairo_scale (cr, scale, scale);
  sp_matrix_layout_draw (layout, cr);
  cairo_destroy (cr);
  cairo_surface_flush (whole);

  for (int y = 0; y < cairo_image_surface_get_height (image); y++)
    for (int x = 0; x < cairo_image_surface_get_width (image); x++)
      if (pixel_at (image, x, y) != pixel_at (whole, x, y))
        g_error ("The exported pixel at %d,%d is %06x, drawn in one go %06x",
                 x, y, pixel_at (image, x, y), pixel_at (whole, x, y));

  cairo_surface_destroy (whole);
  cairo_surface_destroy (image);
}

static void
test_stance_color (void)
{
  assert_stance_color (0xca0020, -2);
  assert_stance_color (0xf7f7f7, 0);
  assert_stance_color (0x0571b0, 2);
  assert_stance_color (0x92c5de, 1);
  assert_stance_color (0xdf5351, -1.5);
  assert_stance_color (0x0571b0, 7);
}

int
main (int   argc,
      char *argv[])
{
  static const double one = 1.0;
  static const double two = 2.0;
  static const double one_and_a_half = 1.5;

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/matrix/means", test_means);
  ADD ("/matrix/group-level", test_group_level);
  ADD ("/matrix/empty-project", test_empty_project);
  g_test_add_func ("/matrix/format-mean", test_format_mean);
  g_test_add_func ("/matrix/csv-fields", test_csv_fields);
  ADD ("/matrix/csv", test_csv);
  ADD ("/matrix/csv-group-level", test_csv_group_level);
  g_test_add ("/matrix/png", Fixture, &two, fixture_set_up, test_png, fixture_tear_down);
  g_test_add ("/matrix/png-fractional-scale", Fixture, &one_and_a_half, fixture_set_up, test_png,
              fixture_tear_down);
  ADD ("/matrix/layout", test_layout);
  ADD ("/matrix/compact/threshold", test_compact_threshold);
  ADD ("/matrix/compact/no-cells", test_compact_no_cells);
  ADD ("/matrix/compact/rows", test_compact_rows);
  ADD ("/matrix/compact/columns", test_compact_columns);
  g_test_add ("/matrix/compact/png", Fixture, &one, fixture_set_up, test_compact_png,
              fixture_tear_down);
  g_test_add ("/matrix/compact/png-fractional-scale", Fixture, &one_and_a_half, fixture_set_up,
              test_compact_png, fixture_tear_down);
  g_test_add_func ("/matrix/stance-color", test_stance_color);

#undef ADD

  return g_test_run ();
}
