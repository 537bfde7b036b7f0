/* matrix-frame-bench.c
 *
 * Frame times of the Matrix view on a 300 actors × 80 issues matrix, in a real window: how
 * long each frame takes from the start of its update phase (the scroll step, the pointer
 * move) to the end of its paint phase (GdkFrameClock's "update" and "after-paint"), which
 * includes GTK's rendering and presenting of the frame.
 *
 * It prints the renderer in use, chosen as the application chooses it (GSK_RENDERER when set;
 * otherwise cairo where OpenGL renders in software, as Xvfb's llvmpipe does: sp-renderer.c), the
 * window and the matrix widget's size and its headers that stay in view; as a baseline what
 * the core renderer takes to draw the visible area once, which every scroll step cost before
 * the tiles were kept (and under the cairo renderer until they kept pixels); then for each phase the median, the 95th percentile, the longest frame,
 * how many frames took over 16 ms and the process's CPU time a frame (the renderer's threads
 * included; on a shared machine it moves less with the load than the frame times do), and for
 * the matrix's phases how much of a frame was the matrix widget's own snapshot. The phases,
 * 120 frames each after 20 first frames and a second with nothing moving (PAUSE_MS: the matrix is
 * read a moment before it is scrolled, and idle time draws the tiles near the view):
 *
 *   down, across, diagonal  the view scrolls a step per frame
 *   hover                   the pointer moves from cell to cell
 *   keyboard                the current cell moves by keyboard (and the view scrolls to it)
 *   floor                   the fair floor: GTK scrolling down the cheapest content of the
 *                           chart's size (opaque colour stripes, a few dozen colour nodes in
 *                           view) in the same scrolled window, the rest of the window
 *                           unchanged: the fixed cost of a frame of this window here
 *   picture                 GTK scrolling down a GtkPicture of the chart's size: under GL the
 *                           floor for content made of textures; the cairo renderer converts
 *                           its whole texture in every frame, so no floor there
 *
 * Prints figures; it never passes or fails. Run it under Xvfb: bench/matrix-frame-bench.sh.
 * Compare the matrix with the floor of the same run: on a shared machine both move with the
 * load.
 *
 *   matrix-frame-bench [--keep DIR] [--only PHASE,…]
 *
 * --keep keeps the benchmark project in DIR (and reuses it); --only runs only the phases
 * named (the first frames always run). MATRIX_BENCH_PHASES=1 prints each frame clock phase.
 */
#define G_LOG_DOMAIN "matrix-frame-bench"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "bench-matrix-project.h"
#include "sp-matrix-layout.h"
#include "sp-matrix-view.h"
#include "sp-matrix-widget.h"
#include "sp-project.h"
#include "sp-renderer.h"

#define N_ACTORS 300
#define N_ISSUES 80
#define N_CLAIMS 30000
#define N_DOCUMENTS 500  /* 60 claims an article, so that the project opens in the window as a real one would */
#define WIDTH    1280
#define HEIGHT   800
#define N_FRAMES 120
#define PAUSE_MS 1000  /* after the first frames, before the first phase that moves */

typedef enum
{
  PHASE_SETTLE,
  PHASE_SCROLL_DOWN,
  PHASE_SCROLL_ACROSS,
  PHASE_SCROLL_DIAGONAL,
  PHASE_HOVER,
  PHASE_KEYBOARD,
  PHASE_FLOOR,
  PHASE_PICTURE,
  N_PHASES
} Phase;

static const char *phase_names[N_PHASES] = {
  "first frames (tiles drawn)",
  "scrolling down, 40 px a frame",
  "scrolling across, 40 px a frame",
  "scrolling diagonally, 60 px a frame",
  "pointer moving cell to cell",
  "current cell moving by keyboard",
  "floor: GTK scrolling colour stripes",
  "GTK scrolling a picture as large",
};

/* For --only: the phases to run (the first frames always run) */
static const char *phase_ids[N_PHASES] = {
  "settle", "down", "across", "diagonal", "hover", "keyboard", "floor", "picture",
};

typedef struct
{
  SpMatrixWidget *widget;
  GtkAdjustment  *hadjustment;
  GtkAdjustment  *vadjustment;
  GtkScrolledWindow *scroller;
  int             chart_width;
  int             chart_height;
  gboolean        selected[N_PHASES];
  GMainLoop      *loop;
  Phase           phase;
  guint           frame;
  gint64          update_start;
  GArray         *times[N_PHASES];  /* double, ms */
  double          cpu[N_PHASES];    /* ms of the process's CPU time, its threads included */
  double          cpu_start;
  GArray         *snapshots[N_PHASES];  /* double, ms: the matrix widget's own snapshot */
  gboolean        paused;           /* after the first frames: nothing moves, nothing is timed */
} Bench;

static void     next_phase   (Bench         *bench);
static void     end_pause_cb (gpointer       user_data);
static gboolean tick_cb      (GtkWidget     *widget,
                              GdkFrameClock *clock,
                              gpointer       user_data);
static void     print_setup  (Bench         *bench);
static void     show_floor   (Bench         *bench);
static void     show_picture (Bench         *bench);

/* The fair floor: the cheapest content GTK can scroll, opaque colour stripes the size of the
 * chart (a few dozen colour nodes in view), in a GtkViewport in the same scrolled window */
#define BENCH_TYPE_STRIPES (bench_stripes_get_type ())
G_DECLARE_FINAL_TYPE (BenchStripes, bench_stripes, BENCH, STRIPES, GtkWidget)

struct _BenchStripes
{
  GtkWidget parent_instance;
  int       width;
  int       height;
};

G_DEFINE_FINAL_TYPE (BenchStripes, bench_stripes, GTK_TYPE_WIDGET)

static void
bench_stripes_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  BenchStripes *self = BENCH_STRIPES (widget);

  *minimum = *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? self->width : self->height;
}

static void
bench_stripes_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  BenchStripes *self = BENCH_STRIPES (widget);

  for (int y = 0; y < self->height; y += 16)
    gtk_snapshot_append_color (snapshot,
                               &(GdkRGBA) { (y / 16) % 2 ? 0.9 : 0.3, 0.5, 0.7, 1.0 },
                               &GRAPHENE_RECT_INIT (0, y, self->width, MIN (16, self->height - y)));
}

static void
bench_stripes_class_init (BenchStripesClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->measure = bench_stripes_measure;
  widget_class->snapshot = bench_stripes_snapshot;
}

static void
bench_stripes_init (BenchStripes *self)
{
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return (x > y) - (x < y);
}

static void
build_project (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpProject) project = NULL;
  g_autofree char *body = sp_bench_repeat_sentence (100);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20251201);
  gint64 actors[N_ACTORS];
  gint64 issues[N_ISSUES];
  SpDocumentFields fields = { 0 };
  gint64 documents[N_DOCUMENTS];
  guint lengths[N_DOCUMENTS];
  guint length = strlen (body);

  if (!(project = sp_project_create (path, &error)) ||
      !sp_project_begin_action (project, NULL, &error))
    g_error ("%s", error->message);

  for (guint i = 0; i < N_DOCUMENTS; i++)
    {
      g_autofree char *file_name = g_strdup_printf ("bench-%03u.txt", i);
      g_autofree char *title = g_strdup_printf ("Benchmark article %u", i + 1);
      g_autofree char *content_hash = g_strdup_printf ("bench-content-%u", i);
      g_autofree char *text_hash = g_strdup_printf ("bench-text-%u", i);

      fields.file_name = file_name;
      fields.title = title;
      fields.body = body;
      fields.content_hash = content_hash;
      fields.text_hash = text_hash;
      lengths[i] = length;
      if (!(documents[i] = sp_project_add_document (project, &fields, &error)))
        g_error ("%s", error->message);
    }

  for (guint i = 0; i < N_ACTORS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Delegate %03u of the assembly", i);

      if (!(actors[i] = sp_project_add_actor (project, name, SP_ACTOR_KIND_PERSON, 0, NULL, &error)))
        g_error ("%s", error->message);
    }

  sp_bench_add_issues (project, N_ISSUES, issues);
  sp_bench_add_claims (project, &(SpBenchClaims) {
                         .documents = documents, .lengths = lengths, .n_documents = N_DOCUMENTS,
                         .actors = actors, .n_actors = N_ACTORS,
                         .issues = issues, .n_issues = N_ISSUES,
                       }, N_CLAIMS, rand);

  if (!sp_project_end_action (project, TRUE, &error))
    g_error ("%s", error->message);
}

static void
step_adjustment (GtkAdjustment *adjustment,
                 double         step)
{
  double value = gtk_adjustment_get_value (adjustment) + step;
  double upper = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

  /* Back to the start at the end, so that every frame scrolls */
  gtk_adjustment_set_value (adjustment, value > upper ? 0 : value);
}

static void
hover (Bench *bench)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (bench->widget));
  int label_width, header_height;
  int width = gtk_widget_get_width (GTK_WIDGET (bench->widget));
  int height = gtk_widget_get_height (GTK_WIDGET (bench->widget));

  sp_matrix_widget_get_header_size (bench->widget, &label_width, &header_height);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_MOTION (controller))
        g_signal_emit_by_name (controller, "motion",
                               (double)(label_width + (bench->frame * 37) % MAX (1, width - label_width)),
                               (double)(header_height + (bench->frame * 23) % MAX (1, height - header_height)));
    }
}

/* Each frame changes what the phase changes, then waits for the next */
static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  Bench *bench = user_data;

  if (bench->paused)
    return G_SOURCE_CONTINUE;

  switch (bench->phase)
    {
    case PHASE_SETTLE:
      gtk_widget_queue_draw (widget);
      break;

    case PHASE_SCROLL_DOWN:
      step_adjustment (bench->vadjustment, 40);
      break;

    case PHASE_SCROLL_ACROSS:
      step_adjustment (bench->hadjustment, 40);
      break;

    case PHASE_SCROLL_DIAGONAL:
      step_adjustment (bench->hadjustment, 60);
      step_adjustment (bench->vadjustment, 60);
      break;

    case PHASE_HOVER:
      hover (bench);
      break;

    case PHASE_KEYBOARD:
      sp_matrix_widget_set_focus_cell (bench->widget, (bench->frame * 7) % N_ACTORS, (bench->frame * 3) % N_ISSUES);
      break;

    case PHASE_FLOOR:
    case PHASE_PICTURE:
      step_adjustment (bench->vadjustment, 40);
      break;

    case N_PHASES:
    default:
      g_assert_not_reached ();
    }

  return G_SOURCE_CONTINUE;
}

/* The CPU time the process has used, in ms: on a shared machine it moves less with the load
 * than the frame times do */
static double
cpu_time (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

static void
update_cb (GdkFrameClock *clock,
           Bench         *bench)
{
  if (bench->paused)
    return;
  bench->update_start = g_get_monotonic_time ();
  if (bench->frame == 0)
    bench->cpu_start = cpu_time ();
}

static void
phase_cb (GdkFrameClock *clock,
          const char    *name)
{
  static gint64 last;
  gint64 now = g_get_monotonic_time ();

  if (g_getenv ("MATRIX_BENCH_PHASES") != NULL)
    g_printerr ("%s +%.2f ms\n", name, (now - last) / 1000.0);
  last = now;
}

static void
after_paint_cb (GdkFrameClock *clock,
                Bench         *bench)
{
  double ms = (g_get_monotonic_time () - bench->update_start) / 1000.0;
  guint frames = bench->phase == PHASE_SETTLE ? 20 : N_FRAMES;

  if (bench->update_start == 0)
    return;
  bench->update_start = 0;

  g_array_append_val (bench->times[bench->phase], ms);
  ms = bench->phase >= PHASE_FLOOR ? 0 : sp_matrix_widget_get_last_snapshot_time (bench->widget) / 1000.0;
  g_array_append_val (bench->snapshots[bench->phase], ms);
  if (++bench->frame < frames)
    return;

  bench->frame = 0;
  bench->cpu[bench->phase] = cpu_time () - bench->cpu_start;
  if (bench->phase == PHASE_SETTLE)
    {
      print_setup (bench);
      gtk_adjustment_set_value (bench->hadjustment, 0);
      gtk_adjustment_set_value (bench->vadjustment, 0);
      /* The matrix is read a moment before it is scrolled */
      bench->paused = TRUE;
      g_timeout_add_once (PAUSE_MS, end_pause_cb, bench);
      return;
    }

  next_phase (bench);
}

static void
end_pause_cb (gpointer user_data)
{
  Bench *bench = user_data;

  bench->paused = FALSE;
  next_phase (bench);
}

static void
next_phase (Bench *bench)
{
  do
    bench->phase++;
  while (bench->phase < N_PHASES && !bench->selected[bench->phase]);

  if (bench->phase == N_PHASES)
    g_main_loop_quit (bench->loop);
  else if (bench->phase == PHASE_FLOOR)
    show_floor (bench);
  else if (bench->phase == PHASE_PICTURE)
    show_picture (bench);
}

static void
print_phase (const char *name,
             GArray     *times,
             double      cpu)
{
  g_autofree char *cpu_text = cpu < 0 ? g_strdup ("") : g_strdup_printf (", CPU %.1f ms a frame", cpu / times->len);
  guint over = 0;

  g_array_sort (times, compare_doubles);
  for (guint i = 0; i < times->len; i++)
    over += g_array_index (times, double, i) > 16.0;

  g_print ("%-38s %4u frames: median %5.2f ms, p95 %5.2f ms, max %6.2f ms, %u over 16 ms%s\n",
           name, times->len,
           g_array_index (times, double, times->len / 2),
           g_array_index (times, double, MIN (times->len - 1, times->len * 95 / 100)),
           g_array_index (times, double, times->len - 1), over, cpu_text);
}

/* What drawing the visible area with the core renderer takes, at a few scroll positions */
static void
print_baseline (SpMatrixWidget *widget)
{
  g_autoptr(SpMatrixLayout) layout = sp_matrix_layout_new (sp_matrix_widget_get_matrix (widget),
                                                           gtk_widget_get_pango_context (GTK_WIDGET (widget)));
  int width = gtk_widget_get_width (GTK_WIDGET (widget));
  int height = gtk_widget_get_height (GTK_WIDGET (widget));
  int chart_width, chart_height;
  double runs[9];

  sp_matrix_layout_get_size (layout, &chart_width, &chart_height);
  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
      cairo_t *cr = cairo_create (surface);
      double y = (double)(chart_height - height) * i / G_N_ELEMENTS (runs);
      gint64 start = g_get_monotonic_time ();

      cairo_translate (cr, 0, -y);
      cairo_rectangle (cr, 0, y, width, height);
      cairo_clip (cr);
      sp_matrix_layout_draw (layout, cr);
      cairo_surface_flush (surface);
      runs[i] = (g_get_monotonic_time () - start) / 1000.0;
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
  qsort (runs, G_N_ELEMENTS (runs), sizeof *runs, (GCompareFunc)compare_doubles);
  g_print ("baseline: the core renderer draws the visible %d × %d px in %.2f ms (median of %u; %.2f max)\n",
           width, height, runs[G_N_ELEMENTS (runs) / 2], (guint)G_N_ELEMENTS (runs), runs[G_N_ELEMENTS (runs) - 1]);
  g_print ("chart: %d × %d px\n", chart_width, chart_height);
}

static void
print_setup (Bench *bench)
{
  GtkWidget *widget = GTK_WIDGET (bench->widget);
  int label_width, header_height;

  sp_matrix_widget_get_header_size (bench->widget, &label_width, &header_height);
  g_print ("renderer: %s, window %d × %d, matrix widget %d × %d, headers %d px wide and %d px high\n",
           G_OBJECT_TYPE_NAME (gtk_native_get_renderer (gtk_widget_get_native (widget))), WIDTH, HEIGHT,
           gtk_widget_get_width (widget), gtk_widget_get_height (widget), label_width, header_height);
  print_baseline (bench->widget);
  bench->chart_width = gtk_adjustment_get_upper (bench->hadjustment);
  bench->chart_height = gtk_adjustment_get_upper (bench->vadjustment);
}

/* Puts @child in the scrolled window instead of the matrix, to scroll it the same way */
static void
show_child (Bench     *bench,
            GtkWidget *child)
{
  gtk_scrolled_window_set_child (bench->scroller, child);
  bench->hadjustment = gtk_scrolled_window_get_hadjustment (bench->scroller);
  bench->vadjustment = gtk_scrolled_window_get_vadjustment (bench->scroller);
  gtk_widget_add_tick_callback (child, tick_cb, bench, NULL);
}

/* The fair floor: GTK scrolling the cheapest content of the chart's size, in the same place,
 * with the rest of the window unchanged: the fixed cost of a frame of this window */
static void
show_floor (Bench *bench)
{
  BenchStripes *stripes = g_object_new (BENCH_TYPE_STRIPES, NULL);

  stripes->width = bench->chart_width;
  stripes->height = bench->chart_height;
  show_child (bench, GTK_WIDGET (stripes));
}

/* GTK scrolling a picture the size of the chart: what a plain GtkPicture would cost (the cairo
 * renderer converts the whole texture in every frame, so it is no floor there) */
static void
show_picture (Bench *bench)
{
  int width = bench->chart_width;
  int height = bench->chart_height;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkWidget *picture;

  /* Stripes, so that every frame differs */
  for (int y = 0; y < height; y += 16)
    {
      cairo_set_source_rgb (cr, (y / 16) % 2 ? 0.9 : 0.3, 0.5, 0.7);
      cairo_rectangle (cr, 0, y, width, 16);
      cairo_fill (cr);
    }
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize)cairo_image_surface_get_stride (surface) * height,
                                      (GDestroyNotify)cairo_surface_destroy, surface);
  texture = gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, cairo_image_surface_get_stride (surface));
  picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (texture));
  gtk_picture_set_can_shrink (GTK_PICTURE (picture), FALSE);
  show_child (bench, picture);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *keep = NULL;
  g_autofree char *only = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  const GOptionEntry entries[] = {
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, "Keep the benchmark project in DIR", "DIR" },
    { "only", 0, 0, G_OPTION_ARG_STRING, &only,
      "Run only these phases: down, across, diagonal, hover, keyboard, floor, picture", "PHASE,…" },
    { NULL }
  };
  GdkFrameClock *clock;
  SpMatrixView *view;
  GtkWidget *window;
  Bench bench = { 0 };
  gint64 start;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  bench.selected[PHASE_SETTLE] = TRUE;
  for (guint i = 1; i < N_PHASES; i++)
    bench.selected[i] = only == NULL;
  if (only != NULL)
    {
      g_auto(GStrv) ids = g_strsplit (only, ",", -1);

      for (guint i = 0; ids[i] != NULL; i++)
        {
          guint phase = 1;

          while (phase < N_PHASES && !g_str_equal (ids[i], phase_ids[phase]))
            phase++;
          if (phase == N_PHASES)
            {
              g_printerr ("No phase \"%s\": the phases are down, across, diagonal, hover, keyboard, floor, picture\n", ids[i]);
              return EXIT_FAILURE;
            }
          bench.selected[phase] = TRUE;
        }
    }

  if (keep != NULL)
    dir = g_strdup (keep);
  else if (!(dir = g_dir_make_tmp ("matrix-frame-bench-XXXXXX", &error)))
    g_error ("%s", error->message);

  adw_init ();
  sp_renderer_choose (gdk_display_get_default ());

  path = g_build_filename (dir, "frames.standpoint", NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      start = g_get_monotonic_time ();
      build_project (path);
      g_print ("setup: %d actors × %d issues, %d claims in %d articles in %.0f ms\n", N_ACTORS, N_ISSUES, N_CLAIMS, N_DOCUMENTS,
               (g_get_monotonic_time () - start) / 1000.0);
    }
  if (!(project = sp_project_open (path, &error)))
    g_error ("%s", error->message);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  view = g_object_new (SP_TYPE_MATRIX_VIEW, NULL);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  start = g_get_monotonic_time ();
  sp_matrix_view_set_project (view, project);
  g_print ("aggregation and layout: %.0f ms\n", (g_get_monotonic_time () - start) / 1000.0);

  bench.widget = g_object_ref (sp_matrix_view_get_widget (view));
  bench.scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (bench.widget), GTK_TYPE_SCROLLED_WINDOW));
  bench.hadjustment = gtk_scrolled_window_get_hadjustment (bench.scroller);
  bench.vadjustment = gtk_scrolled_window_get_vadjustment (bench.scroller);
  bench.loop = g_main_loop_new (NULL, FALSE);
  for (guint i = 0; i < N_PHASES; i++)
    {
      bench.times[i] = g_array_new (FALSE, FALSE, sizeof (double));
      bench.snapshots[i] = g_array_new (FALSE, FALSE, sizeof (double));
    }

  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_grab_focus (GTK_WIDGET (bench.widget));
  clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (clock, "update", G_CALLBACK (update_cb), &bench);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &bench);
  g_signal_connect (clock, "update", G_CALLBACK (phase_cb), (gpointer)"update");
  g_signal_connect (clock, "layout", G_CALLBACK (phase_cb), (gpointer)"layout");
  g_signal_connect (clock, "paint", G_CALLBACK (phase_cb), (gpointer)"paint");
  g_signal_connect (clock, "after-paint", G_CALLBACK (phase_cb), (gpointer)"after-paint");
  gtk_widget_add_tick_callback (GTK_WIDGET (bench.widget), tick_cb, &bench, NULL);

  g_main_loop_run (bench.loop);

  g_object_unref (bench.widget);
  for (guint i = 0; i < N_PHASES; i++)
    {
      if (bench.times[i]->len > 0)
        {
          print_phase (phase_names[i], bench.times[i], bench.cpu[i]);
          if (i < PHASE_FLOOR)
            print_phase ("  of which the matrix's snapshot", bench.snapshots[i], -1);
        }
      g_array_unref (bench.times[i]);
      g_array_unref (bench.snapshots[i]);
    }

  g_main_loop_unref (bench.loop);
  gtk_window_destroy (GTK_WINDOW (window));
  if (keep == NULL)
    {
      g_unlink (path);
      g_rmdir (dir);
    }

  return 0;
}
