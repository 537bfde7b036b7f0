/* matrix-bench.c
 *
 * Figures for the matrix budgets in DESIGN.md (aggregation of 100,000 claims, render of
 * 200 actors × 50 issues to PNG), each printed next to a baseline measured in the same run
 * on the same data: the bare GROUP BY through plain sqlite3, and a plain cairo fill of as
 * many rectangles written to a PNG, in an image of the size rendered. A matrix this large
 * is drawn compact; the legible chart it would otherwise be, with numbers in every cell,
 * is timed too, with the same baseline at its size. Then the export of 10,000 actors ×
 * 80 issues, larger than one cairo surface, with its peak memory and, as its baseline, zlib
 * compressing the same rows alone. Prints figures; it never passes or fails.
 *
 * The aggregation is timed under several options (levels, aggregates, per document, a date
 * filter, similarity order), best and median of N_RUNS runs each, next to two baselines on
 * the same file: the bare GROUP BY, and the bare scan of the claims the matrix reads, with
 * nothing done with the rows.
 *
 *   matrix-bench [--keep DIR] [--aggregation-only]
 */
#define G_LOG_DOMAIN "matrix-bench"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include <cairo.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <sqlite3.h>

#include "bench-matrix-project.h"
#include "sp-matrix.h"
#include "sp-matrix-export.h"
#include "sp-matrix-export-context.h"
#include "sp-matrix-layout-private.h"
#include "sp-project.h"

#define N_ACTORS   200
#define N_GROUPS   20
#define N_ISSUES   50
#define N_CLAIMS   100000
#define N_DOCUMENTS 100
#define N_RUNS     9
#define N_RENDER_RUNS 5
#define LARGE_N_ACTORS 10000
#define LARGE_N_ISSUES 80

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return (x > y) - (x < y);
}

static double
median_ms (double *runs,
           guint   n)
{
  qsort (runs, n, sizeof *runs, (GCompareFunc)compare_doubles);
  return runs[n / 2];
}

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static SpProject *
build_project (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpProject) project = NULL;
  g_autofree char *body = sp_bench_repeat_sentence (40);
  gint64 actors[N_ACTORS];
  gint64 issues[N_ISSUES];
  gint64 documents[N_DOCUMENTS];
  guint lengths[N_DOCUMENTS];
  SpDocumentFields fields = { 0 };
  GRand *rand = g_rand_new_with_seed (20250304);
  gint64 start = g_get_monotonic_time ();

  if (!(project = sp_project_create (path, &error)))
    g_error ("%s", error->message);

  if (!sp_project_begin_action (project, NULL, &error))
    g_error ("%s", error->message);

  /* Documents a day apart from 2025-01-01, every tenth undated, from two sources */
  for (guint d = 0; d < N_DOCUMENTS; d++)
    {
      g_autofree char *name = g_strdup_printf ("bench-%03u.txt", d);
      g_autofree char *text = g_strdup_printf ("Day %u. %s", d, body);
      g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
      g_autoptr(GDateTime) first = g_date_time_new_utc (2025, 1, 1, 0, 0, 0);
      g_autoptr(GDateTime) day = g_date_time_add_days (first, d);
      g_autofree char *date = g_date_time_format (day, "%Y-%m-%d");

      fields.file_name = name;
      fields.title = name;
      fields.date = d % 10 == 9 ? NULL : date;
      fields.source = d % 2 == 0 ? "Harbour Post" : "River Times";
      fields.body = text;
      fields.content_hash = hash;
      fields.text_hash = hash;
      lengths[d] = strlen (text);
      if (!(documents[d] = sp_project_add_document (project, &fields, &error)))
        g_error ("%s", error->message);
    }

  /* The first N_GROUPS actors are groups; every other actor belongs to one of them. */
  for (guint i = 0; i < N_ACTORS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Actor %03u", (i * 7919) % N_ACTORS);
      gint64 affiliation = i < N_GROUPS ? 0 : actors[i % N_GROUPS];

      actors[i] = sp_project_add_actor (project, name,
                                        i < N_GROUPS ? SP_ACTOR_KIND_STATE : SP_ACTOR_KIND_PERSON,
                                        affiliation, NULL, &error);
      if (actors[i] == 0)
        g_error ("%s", error->message);
    }

  sp_bench_add_issues (project, N_ISSUES, issues);
  sp_bench_add_claims (project, &(SpBenchClaims) {
                         .documents = documents, .lengths = lengths, .n_documents = N_DOCUMENTS,
                         .random_document = TRUE,
                         .actors = actors, .n_actors = N_ACTORS,
                         .issues = issues, .n_issues = N_ISSUES,
                       }, N_CLAIMS, rand);

  if (!sp_project_end_action (project, TRUE, &error))
    g_error ("%s", error->message);

  g_rand_free (rand);
  g_print ("setup: %d actors (%d groups), %d issues, %d claims inserted in %.0f ms\n",
           N_ACTORS, N_GROUPS, N_ISSUES, N_CLAIMS, elapsed_ms (start));

  return g_steal_pointer (&project);
}

/* Times sp_matrix_compute_with_options(); prints the best and the median run */
static void
time_compute (SpProject             *project,
              const char            *what,
              const SpMatrixOptions *options)
{
  double runs[N_RUNS];
  guint n_claims = 0;

  for (guint i = 0; i < N_RUNS; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SpMatrix) matrix = NULL;
      gint64 start = g_get_monotonic_time ();

      if (!(matrix = sp_matrix_compute_with_options (project, options, &error)))
        g_error ("%s", error->message);
      runs[i] = elapsed_ms (start);
      n_claims = sp_matrix_get_n_claims (matrix);
    }

  median_ms (runs, N_RUNS);
  g_print ("  %-44s best %6.1f ms, median %6.1f ms (%u claims counted)\n",
           what, runs[0], runs[N_RUNS / 2], n_claims);
}

/* The bare row scan sp_matrix_compute_with_options() starts from (the documents' dates and
 * sources, a few hundred rows, aside), through plain sqlite3 */
static void
time_bare_scan (const char *path,
                double     *best,
                double     *median)
{
  double runs[N_RUNS];
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    g_error ("%s: %s", path, sqlite3_errmsg (db));

  for (guint i = 0; i < N_RUNS; i++)
    {
      sqlite3_stmt *stmt = NULL;
      gint64 start = g_get_monotonic_time ();
      gint64 sum = 0;

      if (sqlite3_prepare_v2 (db, "SELECT id, document_id, actor_id, issue_id, stance "
                                  "FROM claims ORDER BY id", -1, &stmt, NULL) != SQLITE_OK)
        g_error ("%s", sqlite3_errmsg (db));

      while (sqlite3_step (stmt) == SQLITE_ROW)
        sum += sqlite3_column_int64 (stmt, 2) + sqlite3_column_int (stmt, 4);
      sqlite3_finalize (stmt);
      runs[i] = elapsed_ms (start);
      g_assert (sum > 0);
    }

  sqlite3_close (db);
  median_ms (runs, N_RUNS);
  *best = runs[0];
  *median = runs[N_RUNS / 2];
}

static void
time_bare_group_by (const char *path,
                    double     *best,
                    double     *median)
{
  double runs[N_RUNS];
  sqlite3 *db = NULL;
  guint rows = 0;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    g_error ("%s: %s", path, sqlite3_errmsg (db));

  for (guint i = 0; i < N_RUNS; i++)
    {
      sqlite3_stmt *stmt = NULL;
      gint64 start = g_get_monotonic_time ();

      if (sqlite3_prepare_v2 (db, "SELECT actor_id, issue_id, avg(stance), count(*) "
                                  "FROM claims GROUP BY 1, 2", -1, &stmt, NULL) != SQLITE_OK)
        g_error ("%s", sqlite3_errmsg (db));

      rows = 0;
      while (sqlite3_step (stmt) == SQLITE_ROW)
        rows++;
      sqlite3_finalize (stmt);
      runs[i] = elapsed_ms (start);
    }

  sqlite3_close (db);
  g_assert (rows > 0);

  median_ms (runs, N_RUNS);
  *best = runs[0];
  *median = runs[N_RUNS / 2];
}

static void
count_row_cb (const SpStanceRow *row,
              gpointer           user_data)
{
  (*(guint *)user_data)++;
}

/* The store's part of the aggregation: one pass of sp_project_foreach_stance() */
static void
time_store_read (SpProject *project)
{
  double runs[N_RUNS];
  guint n = 0;

  for (guint i = 0; i < N_RUNS; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();

      n = 0;
      if (!sp_project_foreach_stance (project, FALSE, count_row_cb, &n, &error))
        g_error ("%s", error->message);
      runs[i] = elapsed_ms (start);
    }

  median_ms (runs, N_RUNS);
  g_print ("  %-44s best %6.1f ms, median %6.1f ms (%u rows)\n",
           "of which the store's read alone", runs[0], runs[N_RUNS / 2], n);
}

static void
time_aggregation (SpProject  *project,
                  const char *path)
{
  g_autoptr(SpMatrixOptions) options = sp_matrix_options_new ();
  g_autoptr(SpMatrixOptions) all = sp_matrix_options_new ();
  g_autoptr(GError) error = NULL;
  double best, median;

  g_print ("\naggregation of %d claims in %d documents, %d runs each:\n", N_CLAIMS, N_DOCUMENTS, N_RUNS);
  sp_matrix_options_set_hide_empty (all, FALSE);
  time_compute (project, "sp_matrix_compute (every row), actor level", all);
  time_compute (project, "default options (mean per claim, actor)", options);
  time_store_read (project);
  sp_matrix_options_set_level (options, SP_MATRIX_LEVEL_GROUP);
  time_compute (project, "group level", options);
  sp_matrix_options_set_level (options, SP_MATRIX_LEVEL_ACTOR);
  sp_matrix_options_set_unit (options, SP_MATRIX_UNIT_DOCUMENT);
  time_compute (project, "mean per document", options);
  sp_matrix_options_set_aggregate (options, SP_MATRIX_AGGREGATE_MAJORITY);
  time_compute (project, "majority per document", options);
  sp_matrix_options_set_unit (options, SP_MATRIX_UNIT_CLAIM);
  sp_matrix_options_set_aggregate (options, SP_MATRIX_AGGREGATE_LATEST);
  time_compute (project, "latest per claim", options);
  sp_matrix_options_set_aggregate (options, SP_MATRIX_AGGREGATE_MEAN);
  if (!sp_matrix_options_set_date_range (options, "2025-02-01", "2025-03-15", &error))
    g_error ("%s", error->message);
  time_compute (project, "dates 2025-02-01 to 2025-03-15", options);
  if (!sp_matrix_options_set_date_range (options, NULL, NULL, &error))
    g_error ("%s", error->message);
  sp_matrix_options_set_order (options, SP_MATRIX_ORDER_SIMILARITY);
  time_compute (project, "similarity order (200 x 50 clustered)", options);

  time_bare_group_by (path, &best, &median);
  g_print ("  %-44s best %6.1f ms, median %6.1f ms\n", "baseline: bare GROUP BY, plain sqlite3", best, median);
  time_bare_scan (path, &best, &median);
  g_print ("  %-44s best %6.1f ms, median %6.1f ms\n", "baseline: bare scan of the claims, sqlite3", best, median);
}

static cairo_status_t
append_bytes_cb (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* The baseline for the render: the same number of rectangles, in an image of the same
 * size, each filled with one colour and written with cairo's own PNG writer; no text. */
static void
time_plain_cairo (int     width,
                  int     height,
                  int     n_rows,
                  int     n_columns,
                  double *fill_ms,
                  double *total_ms)
{
  double fill_runs[N_RENDER_RUNS], total_runs[N_RENDER_RUNS];

  for (guint i = 0; i < N_RENDER_RUNS; i++)
    {
      g_autoptr(GByteArray) png = g_byte_array_new ();
      gint64 start = g_get_monotonic_time ();
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
      cairo_t *cr = cairo_create (surface);
      double cell_width = (double)width / (n_columns + 4);
      double cell_height = (double)height / (n_rows + 4);

      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      for (int r = 0; r < n_rows; r++)
        for (int c = 0; c < n_columns; c++)
          {
            double stance = ((r * 31 + c * 17) % 5) - 2;
            SpRgb fill;

            sp_stance_color (stance, &fill);
            cairo_set_source_rgb (cr, fill.red, fill.green, fill.blue);
            cairo_rectangle (cr, (c + 3) * cell_width + 1, (r + 3) * cell_height + 1,
                             cell_width - 2, cell_height - 2);
            cairo_fill (cr);
          }
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      fill_runs[i] = elapsed_ms (start);

      cairo_surface_write_to_png_stream (surface, append_bytes_cb, png);
      cairo_surface_destroy (surface);
      total_runs[i] = elapsed_ms (start);
    }

  *fill_ms = median_ms (fill_runs, N_RENDER_RUNS);
  *total_ms = median_ms (total_runs, N_RENDER_RUNS);
}

/* The renderer on its own: measuring, then drawing into one whole image */
static void
time_layout (SpMatrix *matrix,
             gboolean  legible,
             double    scale,
             double   *layout_ms,
             double   *draw_ms,
             int      *width,
             int      *height,
             gboolean *compact)
{
  double layout_runs[N_RENDER_RUNS], draw_runs[N_RENDER_RUNS];

  for (guint i = 0; i < N_RENDER_RUNS; i++)
    {
      g_autoptr(SpMatrixLayout) layout = NULL;
      PangoContext *context;
      cairo_surface_t *surface;
      cairo_t *cr;
      gint64 start = g_get_monotonic_time ();

      context = sp_matrix_create_export_context ();
      layout = legible ? _sp_matrix_layout_new_legible (matrix, context)
                       : sp_matrix_layout_new (matrix, context);
      g_object_unref (context);
      sp_matrix_layout_get_size (layout, width, height);
      *compact = sp_matrix_layout_is_compact (layout);
      layout_runs[i] = elapsed_ms (start);

      surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, ceil (*width * scale),
                                            ceil (*height * scale));
      start = g_get_monotonic_time ();
      cr = cairo_create (surface);
      cairo_scale (cr, scale, scale);
      sp_matrix_layout_draw (layout, cr);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      draw_runs[i] = elapsed_ms (start);
      cairo_surface_destroy (surface);
    }

  *layout_ms = median_ms (layout_runs, N_RENDER_RUNS);
  *draw_ms = median_ms (draw_runs, N_RENDER_RUNS);
}

static void
time_render (SpMatrix *matrix,
             double    scale)
{
  double total[N_RENDER_RUNS];
  guint n_rows = sp_matrix_get_n_rows (matrix);
  guint n_columns = sp_matrix_get_n_columns (matrix);
  int width = 0, height = 0;
  gsize png_size = 0;
  double layout_ms, draw_ms, fill_ms, plain_ms;
  gboolean compact;

  /* The export as a whole: layout, drawing in strips, PNG encoding */
  for (guint i = 0; i < N_RENDER_RUNS; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) png = NULL;
      gint64 start = g_get_monotonic_time ();

      if (!(png = sp_matrix_render_png (matrix, scale, &error)))
        g_error ("%s", error->message);
      total[i] = elapsed_ms (start);
      png_size = g_bytes_get_size (png);
    }

  time_layout (matrix, FALSE, scale, &layout_ms, &draw_ms, &width, &height, &compact);
  time_plain_cairo (ceil (width * scale), ceil (height * scale), n_rows, n_columns,
                    &fill_ms, &plain_ms);

  g_print ("\nrender %ux%u to PNG at scale %.0f (%s, %.0fx%.0f px, %" G_GSIZE_FORMAT " bytes), "
           "median of %d runs:\n",
           n_rows, n_columns, scale, compact ? "compact" : "legible",
           ceil (width * scale), ceil (height * scale), png_size, N_RENDER_RUNS);
  g_print ("  sp_matrix_render_png            %7.1f ms\n", median_ms (total, N_RENDER_RUNS));
  g_print ("    of which sp_matrix_layout_new %7.1f ms\n", layout_ms);
  g_print ("    drawing alone, one surface    %7.1f ms\n", draw_ms);
  g_print ("  baseline: plain cairo fill of %u rectangles, same size\n", n_rows * n_columns);
  g_print ("    fill alone                    %7.1f ms\n", fill_ms);
  g_print ("    fill + cairo PNG writer       %7.1f ms\n", plain_ms);

  if (!compact)
    return;

  time_layout (matrix, TRUE, scale, &layout_ms, &draw_ms, &width, &height, &compact);
  time_plain_cairo (ceil (width * scale), ceil (height * scale), n_rows, n_columns,
                    &fill_ms, &plain_ms);

  g_print ("  the legible chart, numbers in every cell (%.0fx%.0f px):\n",
           ceil (width * scale), ceil (height * scale));
  g_print ("    drawing alone, one surface    %7.1f ms\n", draw_ms);
  g_print ("  baseline: plain cairo fill of %u rectangles at the legible chart's size\n",
           n_rows * n_columns);
  g_print ("    fill alone                    %7.1f ms\n", fill_ms);
  g_print ("    fill + cairo PNG writer       %7.1f ms\n", plain_ms);
}

/* The export of a matrix larger than one cairo surface */

static SpProject *
build_large_project (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpProject) project = NULL;
  g_autofree gint64 *issues = g_new (gint64, LARGE_N_ISSUES);
  SpDocumentFields fields = {
    .file_name = "large.txt",
    .title = "Large benchmark article",
    .body = "The delegations met again and each side restated its position.",
    .content_hash = "large-content",
    .text_hash = "large-text",
  };
  gint64 start = g_get_monotonic_time ();
  gint64 document;
  guint n_claims = 0;

  if (!(project = sp_project_create (path, &error)) ||
      !sp_project_begin_action (project, NULL, &error) ||
      !(document = sp_project_add_document (project, &fields, &error)))
    g_error ("%s", error->message);

  for (guint c = 0; c < LARGE_N_ISSUES; c++)
    {
      g_autofree char *key = g_strdup_printf ("issue_%02u", c);
      g_autofree char *label = g_strdup_printf ("Issue %u: a proposition", c + 1);

      if (!(issues[c] = sp_project_add_issue (project, key, label, "", NULL, &error)))
        g_error ("%s", error->message);
    }

  /* A claim in every eighth cell; the rest are empty, hatched cells */
  for (guint r = 0; r < LARGE_N_ACTORS; r++)
    {
      g_autofree char *name = g_strdup_printf ("Actor %05u", r);
      gint64 actor = sp_project_add_actor (project, name, SP_ACTOR_KIND_PERSON, 0, NULL, &error);

      if (actor == 0)
        g_error ("%s", error->message);

      for (guint c = 0; c < LARGE_N_ISSUES; c++)
        if ((r + 3 * c) % 8 == 0)
          {
            SpClaimSpec spec = {
              .document_id = document,
              .start = 4,
              .end = 14,
              .actor_id = actor,
              .issue_id = issues[c],
              .stance = (int)((r + c) % 5) - 2,
              .origin = SP_CLAIM_ORIGIN_MANUAL,
            };

            if (!sp_project_add_claim (project, &spec, &error))
              g_error ("%s", error->message);
            n_claims++;
          }
    }

  if (!sp_project_end_action (project, TRUE, &error))
    g_error ("%s", error->message);

  g_print ("\nsetup: %d actors, %d issues, %u claims inserted in %.0f ms\n",
           LARGE_N_ACTORS, LARGE_N_ISSUES, n_claims, elapsed_ms (start));

  return g_steal_pointer (&project);
}

/* Linux keeps the peak resident memory (VmHWM) until "5" is written to clear_refs */
static void
reset_peak_memory (void)
{
  FILE *file = fopen ("/proc/self/clear_refs", "w");

  if (file != NULL)
    {
      fputs ("5", file);
      fclose (file);
    }
}

/* @field of /proc/self/status (VmRSS now, VmHWM the peak) in MB, or -1 */
static double
memory_mb (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      !(line = strstr (status, field)))
    return -1;

  return g_ascii_strtod (line + strlen (field) + 1, NULL) / 1024.0;
}

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32)p[0] << 24) | ((guint32)p[1] << 16) | ((guint32)p[2] << 8) | p[3];
}

/* The floor under the PNG export: zlib at the export's level compressing the image's rows,
 * read back from @path, alone. Returns the milliseconds spent in deflate(). */
static double
time_deflate_alone (const char *path,
                    gsize      *raw_size)
{
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *rows = g_malloc (1 << 20);
  g_autofree guint8 *compressed = g_malloc (1 << 20);
  z_stream in = { 0 }, out = { 0 };
  const guint8 *p, *end;
  double ms = 0;

  if (!(file = g_mapped_file_new (path, FALSE, &error)))
    g_error ("%s", error->message);
  p = (const guint8 *)g_mapped_file_get_contents (file) + 8;
  end = (const guint8 *)g_mapped_file_get_contents (file) + g_mapped_file_get_length (file);
  if (inflateInit (&in) != Z_OK || deflateInit (&out, 1) != Z_OK)
    g_error ("zlib");
  *raw_size = 0;

  for (; p + 12 <= end; p += 12 + read_be32 (p))
    {
      if (memcmp (p + 4, "IDAT", 4) != 0)
        continue;

      in.next_in = (Bytef *)p + 8;
      in.avail_in = read_be32 (p);
      while (in.avail_in > 0)
        {
          gint64 start;

          in.next_out = rows;
          in.avail_out = 1 << 20;
          if (inflate (&in, Z_NO_FLUSH) < 0)
            g_error ("%s: not a PNG the export wrote", path);

          start = g_get_monotonic_time ();
          out.next_in = rows;
          out.avail_in = (1 << 20) - in.avail_out;
          *raw_size += out.avail_in;
          while (out.avail_in > 0)
            {
              out.next_out = compressed;
              out.avail_out = 1 << 20;
              deflate (&out, Z_NO_FLUSH);
            }
          ms += elapsed_ms (start);
        }
    }

  inflateEnd (&in);
  deflateEnd (&out);

  return ms;
}

static void
time_large_export (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "large.standpoint", NULL);
  g_autofree char *csv_path = g_build_filename (dir, "large.csv", NULL);
  g_autoptr(SpProject) project = NULL;
  g_autoptr(SpMatrix) matrix = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;
  GStatBuf st;

  g_unlink (path);
  project = build_large_project (path);
  if (!(matrix = sp_matrix_compute (project, SP_MATRIX_LEVEL_ACTOR, &error)))
    g_error ("%s", error->message);

  g_print ("export of %u actors x %u issues, one run each (resident before: %.0f MB):\n",
           sp_matrix_get_n_rows (matrix), sp_matrix_get_n_columns (matrix), memory_mb ("VmRSS:"));

  for (double scale = 1; scale <= 2; scale++)
    {
      g_autofree char *png_path = g_strdup_printf ("%s/large-%g.png", dir, scale);
      gsize raw_size;
      double export_ms, peak_mb, deflate_ms;

      reset_peak_memory ();
      start = g_get_monotonic_time ();
      if (!sp_matrix_export_png (matrix, png_path, scale, &error))
        g_error ("%s", error->message);
      export_ms = elapsed_ms (start);
      peak_mb = memory_mb ("VmHWM:");

      deflate_ms = time_deflate_alone (png_path, &raw_size);
      g_stat (png_path, &st);
      g_print ("  PNG at scale %g (%.0f MB of rows, %.1f MB file)\n",
               scale, raw_size / 1e6, st.st_size / 1e6);
      g_print ("    sp_matrix_export_png        %9.0f ms, peak resident %.0f MB\n",
               export_ms, peak_mb);
      g_print ("    baseline: zlib level 1 over the same rows alone %9.0f ms\n", deflate_ms);
      g_unlink (png_path);
    }

  start = g_get_monotonic_time ();
  if (!sp_matrix_export_csv (matrix, csv_path, &error))
    g_error ("%s", error->message);
  g_stat (csv_path, &st);
  g_print ("  CSV (%.1f MB) sp_matrix_export_csv %7.0f ms\n", st.st_size / 1e6, elapsed_ms (start));
  g_unlink (csv_path);

  g_clear_object (&project);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_unlink (path);
    g_unlink (wal);
    g_unlink (shm);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpProject) project = NULL;
  g_autoptr(SpMatrix) matrix = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  gboolean keep = FALSE;
  gboolean aggregation_only = FALSE;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--aggregation-only"))
        aggregation_only = TRUE;
      else if (g_str_equal (argv[i], "--keep") && i + 1 < argc)
        {
          dir = g_strdup (argv[++i]);
          keep = TRUE;
          g_mkdir_with_parents (dir, 0755);
        }
      else
        {
          g_printerr ("usage: matrix-bench [--keep DIR] [--aggregation-only]\n");
          return 2;
        }
    }
  if (dir == NULL && !(dir = g_dir_make_tmp ("standpoint-bench-XXXXXX", &error)))
    g_error ("%s", error->message);

  path = g_build_filename (dir, "bench.standpoint", NULL);
  g_unlink (path);
  project = build_project (path);

  time_aggregation (project, path);

  if (!aggregation_only)
    {
      if (!(matrix = sp_matrix_compute (project, SP_MATRIX_LEVEL_ACTOR, &error)))
        g_error ("%s", error->message);

      time_render (matrix, 1.0);
      time_render (matrix, 2.0);

      time_large_export (dir);
    }

  g_clear_object (&project);
  if (!keep)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      g_unlink (path);
      g_unlink (wal);
      g_unlink (shm);
      g_rmdir (dir);
    }

  return 0;
}
