/* test-matrix-formats.c
 *
 * The matrix exports under options: the long CSV and the JSON text, formula neutralisation,
 * the same bytes for every format on every run, text in the SVG and the PDF, and the marks of
 * disagreement and pending suggestions in the drawn cells.
 */
#define G_LOG_DOMAIN "test-matrix-formats"

#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo.h>
#include <json-glib/json-glib.h>
#if HAVE_POPPLER
#include <poppler.h>
#endif

#include "sp-matrix.h"
#include "sp-matrix-export.h"
#include "sp-matrix-export-context.h"
#include "sp-matrix-layout.h"
#include "sp-project.h"
#include "sp-stance-palette.h"
#include "sp-test-matrix.h"
#include "sp-test-util.h"

typedef struct
{
  char      *dir;
  SpProject *project;
  gint64     jan, feb;
  gint64     formula, minus, plain;
  gint64     toll, bridge;
  gint64     plain_toll_claims[2];
} Fixture;

static gint64
add_dated (Fixture    *f,
           const char *file_name,
           const char *date)
{
  return sp_test_matrix_add_dated (f->project, file_name, date, NULL,
                                   "The harbour board met on the quay and the toll was discussed.");
}

static gint64
actor (Fixture    *f,
       const char *name)
{
  g_autoptr(GError) error = NULL;
  gint64 id = sp_project_add_actor (f->project, name, SP_ACTOR_KIND_ORGANISATION, 0, NULL, &error);

  g_assert_no_error (error);
  return id;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SpSuggestionFields pending = { .sentence = 0, .start = 0, .end = 16, .stance = 2,
                                 .prior = 0.5, .confidence = 0.5 };

  f->dir = sp_test_make_tmpdir ();
  f->project = sp_test_new_project (f->dir, "formats.standpoint");
  f->jan = add_dated (f, "jan.txt", "2025-01-05");
  f->feb = add_dated (f, "feb.txt", "2025-02-07");
  f->formula = actor (f, "=HYPERLINK(\"x\")");
  f->minus = actor (f, "-Minus, the party");
  f->plain = actor (f, "Harbour Board");
  f->toll = sp_project_add_issue (f->project, "toll", "Abolish the toll", "", NULL, &error);
  g_assert_no_error (error);
  f->bridge = sp_project_add_issue (f->project, "bridge", "Build the bridge", "", NULL, &error);
  g_assert_no_error (error);

  /* Harbour Board: support then opposition on the toll (a disagreement) */
  f->plain_toll_claims[0] = sp_test_add_claim (f->project, f->jan, 0, 10, f->plain, f->toll, 2, NULL);
  f->plain_toll_claims[1] = sp_test_add_claim (f->project, f->feb, 0, 10, f->plain, f->toll, -1, NULL);
  sp_test_add_claim (f->project, f->jan, 0, 10, f->formula, f->toll, -2, NULL);
  sp_test_add_claim (f->project, f->feb, 0, 10, f->minus, f->bridge, -1, NULL);
  sp_test_add_claim (f->project, f->feb, 0, 10, f->minus, f->bridge, -2, NULL);

  /* A pending suggestion: the only claim on the bridge by the board */
  pending.actor_id = f->plain;
  pending.issue_id = f->bridge;
  g_assert_true (sp_project_replace_suggestions (f->project, f->jan, &pending, 1, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->project);
  sp_test_remove_tree (f->dir);
  g_free (f->dir);
}

static SpMatrix *
compute (Fixture  *f,
         gboolean  with_suggestions)
{
  g_autoptr(SpMatrixOptions) options = sp_matrix_options_new ();
  g_autoptr(GError) error = NULL;
  SpMatrix *matrix;

  sp_matrix_options_set_include_suggestions (options, with_suggestions);
  sp_matrix_options_set_title (options, "Harbour positions");
  g_assert_true (sp_matrix_options_set_date_range (options, NULL, "2025-12-31", &error));
  matrix = sp_matrix_compute_with_options (f->project, options, &error);
  g_assert_no_error (error);
  return matrix;
}

static void
test_csv_long (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(SpMatrix) matrix = compute (f, FALSE);
  g_autofree char *csv = sp_matrix_to_csv_long (matrix);
  g_autofree char *wide = sp_matrix_to_csv (matrix);

  /* Names are neutralised with a leading ', scores keep their minus sign; rows by name
   * ("-Minus" folds before "=HYP" and "Harbour") */
  g_assert_cmpstr (csv, ==,
                   "actor,issue,score,claims,support,oppose,neutral,first_date,last_date\n"
                   "\"'-Minus, the party\",bridge,-1.5,2,0,2,0,2025-02-07,2025-02-07\n"
                   "\"'=HYPERLINK(\"\"x\"\")\",toll,-2,1,0,1,0,2025-01-05,2025-01-05\n"
                   "Harbour Board,toll,0.5,2,1,1,0,2025-01-05,2025-02-07\n");
  g_assert_cmpstr (wide, ==,
                   "actor,toll,bridge\n"
                   "\"'-Minus, the party\",,-1.5\n"
                   "\"'=HYPERLINK(\"\"x\"\")\",-2,\n"
                   "Harbour Board,0.5,\n");
}

static void
test_json (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(SpMatrix) matrix = compute (f, TRUE);
  g_autofree char *text = sp_matrix_to_json (matrix);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *options, *board_toll = NULL, *board_bridge = NULL;
  JsonArray *cells, *ids;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (root, "version"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (root, "title"), ==, "Harbour positions");
  g_assert_cmpint (json_object_get_int_member (root, "claims"), ==, 6);
  g_assert_cmpint (json_object_get_int_member (root, "pending"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (root, "documents"), ==, 2);

  options = json_object_get_object_member (root, "options");
  g_assert_cmpstr (json_object_get_string_member (options, "aggregate"), ==, "mean");
  g_assert_cmpstr (json_object_get_string_member (options, "to"), ==, "2025-12-31");
  g_assert_true (json_object_get_null_member (options, "from"));
  g_assert_true (json_object_get_boolean_member (options, "include_suggestions"));

  cells = json_object_get_array_member (root, "cells");
  g_assert_cmpuint (json_array_get_length (cells), ==, 4);
  for (guint i = 0; i < json_array_get_length (cells); i++)
    {
      JsonObject *cell = json_array_get_object_element (cells, i);

      if (g_str_equal (json_object_get_string_member (cell, "actor"), "Harbour Board"))
        {
          if (g_str_equal (json_object_get_string_member (cell, "issue"), "toll"))
            board_toll = cell;
          else
            board_bridge = cell;
        }
    }

  g_assert_nonnull (board_toll);
  g_assert_cmpfloat (json_object_get_double_member (board_toll, "score"), ==, 0.5);
  g_assert_true (json_object_get_boolean_member (board_toll, "disagreement"));
  g_assert_false (json_object_get_boolean_member (board_toll, "rests_on_pending"));
  ids = json_object_get_array_member (board_toll, "claim_ids");
  g_assert_cmpuint (json_array_get_length (ids), ==, 2);
  g_assert_cmpint (json_array_get_int_element (ids, 0), ==, f->plain_toll_claims[0]);
  g_assert_cmpint (json_array_get_int_element (ids, 1), ==, f->plain_toll_claims[1]);

  g_assert_nonnull (board_bridge);
  g_assert_true (json_object_get_boolean_member (board_bridge, "rests_on_pending"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (board_bridge, "claim_ids")), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (board_bridge, "suggestion_ids")), ==, 1);
}

/* Every format, twice from one matrix and once from a matrix computed again: the same bytes */
static void
test_deterministic (Fixture       *f,
                    gconstpointer  data)
{
  static const struct { SpMatrixFormat format; double scale; } exports[] = {
    { SP_MATRIX_FORMAT_CSV, 0 }, { SP_MATRIX_FORMAT_CSV_LONG, 0 }, { SP_MATRIX_FORMAT_JSON, 0 },
    { SP_MATRIX_FORMAT_PNG, 1 }, { SP_MATRIX_FORMAT_PNG, 2 },
    { SP_MATRIX_FORMAT_SVG, 0 }, { SP_MATRIX_FORMAT_PDF, 0 },
  };
  g_autoptr(SpMatrix) matrix = compute (f, TRUE);
  g_autoptr(SpMatrix) again = compute (f, TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (exports); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) first = sp_matrix_export_to_bytes (matrix, exports[i].format, exports[i].scale, &error);
      g_autoptr(GBytes) second = sp_matrix_export_to_bytes (matrix, exports[i].format, exports[i].scale, &error);
      g_autoptr(GBytes) third = sp_matrix_export_to_bytes (again, exports[i].format, exports[i].scale, &error);
      g_autofree char *path = g_build_filename (f->dir, "export", NULL);
      g_autofree char *written = NULL;
      gsize written_length;

      g_assert_no_error (error);
      g_assert_cmpuint (g_bytes_get_size (first), >, 50);
      g_assert_true (g_bytes_equal (first, second));
      g_assert_true (g_bytes_equal (first, third));

      g_assert_true (sp_matrix_export (matrix, exports[i].format, path, exports[i].scale, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &written, &written_length, &error));
      g_assert_cmpmem (written, written_length, g_bytes_get_data (first, NULL), g_bytes_get_size (first));
    }
}

/* Whether binary @data holds @needle */
static gboolean
contains (const char *data,
          gsize       size,
          const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= size; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;

  return FALSE;
}

static void
test_vector_text (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(SpMatrix) matrix = compute (f, FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) svg = sp_matrix_export_to_bytes (matrix, SP_MATRIX_FORMAT_SVG, 0, &error);
  g_autoptr(GBytes) pdf = sp_matrix_export_to_bytes (matrix, SP_MATRIX_FORMAT_PDF, 0, &error);
  g_autofree char *svg_text = g_strndup (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg));
  gsize pdf_size;
  const char *pdf_data = g_bytes_get_data (pdf, &pdf_size);

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (svg_text, "<?xml"));
  g_assert_nonnull (strstr (svg_text, "<text x="));
  g_assert_nonnull (strstr (svg_text, ">Harbour Board</text>"));
  g_assert_nonnull (strstr (svg_text, ">=HYPERLINK(&quot;x&quot;)</text>"));
  g_assert_nonnull (strstr (svg_text, ">Harbour positions</text>"));
  g_assert_nonnull (strstr (svg_text, "As of 2025-12-31 · 2 documents · 5 claims"));
  g_assert_nonnull (strstr (svg_text, ">Build the bridge</text>"));

  g_assert_cmpuint (pdf_size, >, 8);
  g_assert_cmpmem (pdf_data, 5, "%PDF-", 5);
  /* No clock in the file: the fixed date, and the text's fonts with their Unicode map */
  g_assert_true (contains (pdf_data, pdf_size, "/CreationDate (D:20000101000000") ||
                 contains (pdf_data, pdf_size, "/CreationDate (20000101000000"));
  g_assert_true (contains (pdf_data, pdf_size, "/ToUnicode"));

#if HAVE_POPPLER
  {
    PopplerDocument *document = poppler_document_new_from_bytes (pdf, NULL, &error);
    PopplerPage *page;
    g_autofree char *text = NULL;
    g_autofree char *title = NULL;

    g_assert_no_error (error);
    page = poppler_document_get_page (document, 0);
    text = poppler_page_get_text (page);
    title = poppler_document_get_title (document);
    g_assert_nonnull (strstr (text, "Harbour positions"));
    g_assert_nonnull (strstr (text, "Harbour Board"));
    g_assert_nonnull (strstr (text, "Abolish"));   /* the header may wrap */
    g_assert_cmpstr (title, ==, "Harbour positions");
    g_object_unref (page);
    g_object_unref (document);
  }
#else
  g_test_message ("poppler-glib is not built in: the PDF's text is not read back");
#endif
}

static guint32
pixel_at (cairo_surface_t *image,
          double           x,
          double           y)
{
  const guchar *data = cairo_image_surface_get_data (image);
  int stride = cairo_image_surface_get_stride (image);

  return *(const guint32 *)(gpointer)(data + (int)y * stride + (int)x * 4) & 0xffffff;
}

static void
assert_rgb (guint32      pixel,
            const SpRgb *color)
{
  int r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;

  g_assert_cmpint (ABS (r - (int)round (color->red * 255)), <=, 2);
  g_assert_cmpint (ABS (g - (int)round (color->green * 255)), <=, 2);
  g_assert_cmpint (ABS (b - (int)round (color->blue * 255)), <=, 2);
}

static cairo_status_t
read_bytes_cb (void          *closure,
               unsigned char *data,
               unsigned int   length)
{
  return g_input_stream_read_all (closure, data, length, NULL, NULL, NULL)
         ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_READ_ERROR;
}

/* The dark mark in the top right corner where support meets opposition, the amber one in
 * the top left where a cell rests on a pending suggestion, nothing elsewhere */
static void
test_marks (Fixture       *f,
            gconstpointer  data)
{
  static const SpRgb dark = SP_STANCE_DARK_TEXT;
  static const SpRgb amber = { 0xe5 / 255.0, 0xa5 / 255.0, 0x0a / 255.0 };
  g_autoptr(SpMatrix) matrix = compute (f, TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = sp_matrix_render_png (matrix, 1, &error);
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(SpMatrixLayout) layout = NULL;
  PangoContext *context = sp_matrix_create_export_context ();
  cairo_surface_t *image;
  guint board, formula, toll, bridge;

  g_assert_no_error (error);
  layout = sp_matrix_layout_new_with_caption (matrix, context);
  g_object_unref (context);
  stream = g_memory_input_stream_new_from_bytes (png);
  image = cairo_image_surface_create_from_png_stream (read_bytes_cb, stream);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_flush (image);

  g_assert_true (sp_matrix_find_row (matrix, f->plain, &board));
  g_assert_true (sp_matrix_find_row (matrix, f->formula, &formula));
  g_assert_true (sp_matrix_find_column (matrix, f->toll, &toll));
  g_assert_true (sp_matrix_find_column (matrix, f->bridge, &bridge));

  {
    cairo_rectangle_t rect;
    SpRgb fill;

    /* Board × toll: +0.5, support and opposition */
    sp_matrix_layout_get_cell_rect (layout, board, toll, &rect);
    assert_rgb (pixel_at (image, rect.x + rect.width - 2, rect.y + 1), &dark);
    sp_stance_color (0.5, &fill);
    assert_rgb (pixel_at (image, rect.x + 1, rect.y + 1), &fill);
    assert_rgb (pixel_at (image, rect.x + 1, rect.y + rect.height - 2), &fill);

    /* Board × bridge: +2 from a pending suggestion alone */
    sp_matrix_layout_get_cell_rect (layout, board, bridge, &rect);
    assert_rgb (pixel_at (image, rect.x + 1, rect.y + 1), &amber);
    sp_stance_color (2, &fill);
    assert_rgb (pixel_at (image, rect.x + rect.width - 2, rect.y + 1), &fill);

    /* The formula-named actor × toll: −2, one claim, no mark in either corner */
    sp_matrix_layout_get_cell_rect (layout, formula, toll, &rect);
    sp_stance_color (-2, &fill);
    assert_rgb (pixel_at (image, rect.x + 1, rect.y + 1), &fill);
    assert_rgb (pixel_at (image, rect.x + rect.width - 2, rect.y + 1), &fill);
  }

  cairo_surface_destroy (image);
}

/* Filters that leave nothing: every format still writes a file that says so */
static void
test_nothing_left (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(SpMatrixOptions) options = sp_matrix_options_new ();
  g_autoptr(SpMatrix) matrix = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *json = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *long_csv = NULL;
  JsonObject *root;

  g_assert_true (sp_matrix_options_set_date_range (options, "2030-01-01", NULL, &error));
  matrix = sp_matrix_compute_with_options (f->project, options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sp_matrix_get_n_rows (matrix), ==, 0);

  csv = sp_matrix_to_csv (matrix);
  g_assert_cmpstr (csv, ==, "actor\n");
  long_csv = sp_matrix_to_csv_long (matrix);
  g_assert_cmpstr (long_csv, ==, "actor,issue,score,claims,support,oppose,neutral,first_date,last_date\n");
  json = sp_matrix_to_json (matrix);
  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "cells")), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "rows")), ==, 0);

  for (SpMatrixFormat format = SP_MATRIX_FORMAT_PNG; format <= SP_MATRIX_FORMAT_PDF; format++)
    {
      g_autoptr(GBytes) bytes = sp_matrix_export_to_bytes (matrix, format, 1, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (g_bytes_get_size (bytes), >, 100);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/matrix-formats/csv-long", test_csv_long);
  ADD ("/matrix-formats/json", test_json);
  ADD ("/matrix-formats/deterministic", test_deterministic);
  ADD ("/matrix-formats/vector-text", test_vector_text);
  ADD ("/matrix-formats/marks", test_marks);
  ADD ("/matrix-formats/nothing-left", test_nothing_left);

  return g_test_run ();
}
