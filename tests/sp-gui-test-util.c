/* sp-gui-test-util.c
 *
 * See sp-gui-test-util.h. Windows under test are real windows under Xvfb, painted by GTK's
 * renderer; a screenshot is what that renderer draws for a widget.
 */
#include "config.h"

#include <string.h>

#include "sp-gui-test-util.h"
#include "sp-stance-palette.h"
#include "sp-test-util.h"
#include "sp-window-private.h"

/* Generous: a hang fails the test, but a busy machine running the sanitizer build paints
 * slowly. Not a timing threshold: nothing is asserted about how long things take. */
#define DEADLINE_SECONDS 60

/* This many painted frames in a row that leave the layout as it was end a settle; when
 * something keeps changing it (a progress bar), so many frames do */
#define QUIET_FRAMES 2
#define MAX_SETTLE_FRAMES 30

static void
load_css (const char *resource,
          const char *data)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  if (resource != NULL)
    gtk_css_provider_load_from_resource (provider, resource);
  else
    gtk_css_provider_load_from_data (provider, data, -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

/**
 * sp_gui_test_init:
 *
 * GTest, GTK and libadwaita, and the style the application loads at startup (its style sheet
 * and the stance colours), which the tests' windows have without an application.
 */
void
sp_gui_test_init (int    *argc,
                  char ***argv)
{
  g_autofree char *stance_css = NULL;

  g_test_init (argc, argv, NULL);
  gtk_init ();
  adw_init ();

  stance_css = sp_stance_palette_to_css ();
  load_css ("/io/github/standpoint/Standpoint/style.css", NULL);
  load_css (NULL, stance_css);
}

/* The main loop */

/**
 * sp_gui_test_iterate_until:
 *
 * Runs the main loop until @done says so. Not getting there within a minute fails the test
 * as a hang.
 */
void
sp_gui_test_iterate_until (SpGuiTestCondition done,
                           gpointer           data)
{
  gint64 deadline = g_get_monotonic_time () + DEADLINE_SECONDS * G_USEC_PER_SEC;

  while (!done (data))
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
}

/* What a window's layout is: where each shown widget is. A relayout that moves or resizes
 * anything changes it; a CSS animation (a spinner turning, a colour fading) runs GTK's layout
 * phase every frame without changing it. */
static void
hash_layout (GtkWidget *widget,
             guint64   *hash)
{
  GtkAllocation allocation;
  gint64 values[6];

  gtk_widget_get_allocation (widget, &allocation);
  values[0] = GPOINTER_TO_SIZE (widget);
  values[1] = gtk_widget_get_mapped (widget);
  values[2] = allocation.x;
  values[3] = allocation.y;
  values[4] = allocation.width;
  values[5] = allocation.height;
  /* FNV-1a over the values */
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      *hash ^= (guint64)values[i];
      *hash *= G_GUINT64_CONSTANT (1099511628211);
    }

  if (!gtk_widget_get_mapped (widget))
    return;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    hash_layout (child, hash);
}

typedef struct
{
  GtkWidget *root;
  guint64    layout;        /* as the last frame left it */
  guint      quiet_frames;  /* painted in a row without the layout changing */
  guint      frames;
} Settle;

static void
after_paint_cb (GdkFrameClock *clock,
                Settle        *settle)
{
  guint64 layout = G_GUINT64_CONSTANT (14695981039346656037);

  hash_layout (settle->root, &layout);
  settle->quiet_frames = settle->frames > 0 && layout == settle->layout ? settle->quiet_frames + 1 : 0;
  settle->layout = layout;
  settle->frames++;
}

static gboolean
keep_drawing_cb (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       data)
{
  return G_SOURCE_CONTINUE;
}

static gboolean
settled (gpointer data)
{
  Settle *settle = data;

  return settle->quiet_frames >= QUIET_FRAMES || settle->frames >= MAX_SETTLE_FRAMES;
}

/**
 * sp_gui_test_settle:
 * @widget: a widget in the window to settle (a popover settles with its window)
 *
 * Lets the window run its idle callbacks, lay out and paint until frames come without its
 * layout changing: what idle work and animations changed is laid out, so that a screenshot
 * finds every widget allocated (one taken while a relayout is pending comes out empty) and
 * sizes and positions are final. It returns just after a frame was painted, with nothing
 * left to lay out. Animations that only repaint (a spinner, a colour fading, a crossfade)
 * may still run; so may a progress bar, which changes the layout as long as its job runs:
 * after MAX_SETTLE_FRAMES the settle ends anyway.
 */
void
sp_gui_test_settle (GtkWidget *widget)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (widget));
  GdkFrameClock *clock = gtk_widget_get_frame_clock (root);
  Settle settle = { root, 0, 0, 0 };
  gulong after_paint_id;
  guint tick_id;

  while (g_main_context_iteration (NULL, FALSE))
    ;

  /* Not shown: nothing to lay out or paint */
  if (clock == NULL)
    return;

  after_paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &settle);
  tick_id = gtk_widget_add_tick_callback (root, keep_drawing_cb, NULL, NULL);

  sp_gui_test_iterate_until (settled, &settle);

  gtk_widget_remove_tick_callback (root, tick_id);
  g_signal_handler_disconnect (clock, after_paint_id);
}

/**
 * sp_gui_test_transitions_done:
 * @widget: (type GtkWidget): where to look
 *
 * Returns: whether no squeezer crossfades, no stack or leaflet changes its page, no
 *   revealer slides and no flap folds under @widget
 */
gboolean
sp_gui_test_transitions_done (gpointer data)
{
  GtkWidget *widget = data;

  if (ADW_IS_SQUEEZER (widget) && adw_squeezer_get_transition_running (ADW_SQUEEZER (widget)))
    return FALSE;
  if (ADW_IS_LEAFLET (widget) && adw_leaflet_get_child_transition_running (ADW_LEAFLET (widget)))
    return FALSE;
  if (ADW_IS_FLAP (widget) && adw_flap_get_reveal_progress (ADW_FLAP (widget)) != 0 &&
      adw_flap_get_reveal_progress (ADW_FLAP (widget)) != 1)
    return FALSE;
  if (GTK_IS_STACK (widget) && gtk_stack_get_transition_running (GTK_STACK (widget)))
    return FALSE;
  if (GTK_IS_REVEALER (widget) &&
      gtk_revealer_get_reveal_child (GTK_REVEALER (widget)) != gtk_revealer_get_child_revealed (GTK_REVEALER (widget)))
    return FALSE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (!sp_gui_test_transitions_done (child))
      return FALSE;

  return TRUE;
}

/* Windows and what they do in workers */

static gboolean
open_done (gpointer window)
{
  return !_sp_window_is_opening (window);
}

/* Runs the main loop until @window has finished opening a project, or failed to */
void
sp_gui_test_wait_for_open (SpWindow *window)
{
  sp_gui_test_iterate_until (open_done, window);
}

/* Opens @path in @window the way the window does, in a worker, and waits until it shows it */
void
sp_gui_test_open_project (SpWindow   *window,
                          const char *path)
{
  SpProject *project;

  sp_window_open_project (window, path);
  g_assert_true (_sp_window_is_opening (window));
  sp_gui_test_wait_for_open (window);

  project = sp_window_get_project (window);
  g_assert_nonnull (project);
  g_assert_cmpstr (sp_project_get_path (project), ==, path);
}

static gboolean
export_done (gpointer view)
{
  return !sp_matrix_view_is_exporting (view);
}

/* Runs the main loop until @view's export has written its file, failed or been cancelled */
void
sp_gui_test_wait_for_export (SpMatrixView *view)
{
  sp_gui_test_iterate_until (export_done, view);
}

/* Destroys a window or dialog. Unmapping first lets GTK drop pointer state (a pending
 * tooltip) while the window's surface still exists; GTK 4.8 can otherwise query the
 * destroyed surface. */
void
sp_gui_test_destroy_window (GtkWindow *window)
{
  gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  gtk_window_destroy (window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Returns: (transfer none) (nullable): a visible window transient for @parent: a dialog it
 *   opened */
GtkWindow *
sp_gui_test_find_dialog (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (gtk_window_get_transient_for (toplevel) == parent &&
          gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return toplevel;
    }

  return NULL;
}

/**
 * sp_gui_test_tear_down:
 * @dir: (transfer full): the fixture's temporary folder
 *
 * The end of a fixture: @window, any dialog it left open and @dir go.
 */
void
sp_gui_test_tear_down (SpWindow *window,
                       char     *dir)
{
  GtkWindow *dialog;

  while ((dialog = sp_gui_test_find_dialog (GTK_WINDOW (window))))
    sp_gui_test_destroy_window (dialog);
  sp_gui_test_destroy_window (GTK_WINDOW (window));
  sp_test_remove_tree (dir);
  g_free (dir);
}

typedef struct
{
  const char          *path;
  SpGuiTestWindowFunc  start_job;
  gpointer             data;
  SpWindow            *window;
} MidJob;

static void
mid_job_activate_cb (GApplication *app,
                     MidJob       *job)
{
  /* Instead of the application's own activate, which opens the last project */
  g_signal_stop_emission_by_name (app, "activate");

  job->window = sp_window_new (SP_APPLICATION (app));
  g_object_add_weak_pointer (G_OBJECT (job->window), (gpointer *)&job->window);
  gtk_window_present (GTK_WINDOW (job->window));
  sp_gui_test_open_project (job->window, job->path);

  job->start_job (job->window, job->data);

  /* The running job does not keep the closed window alive to call back into it */
  g_assert_null (job->window);
}

/**
 * sp_gui_test_close_mid_job:
 * @path: the project to open
 * @start_job: starts a job in the window showing @path, then closes the window
 *
 * Runs the application (in real life, the process) with one window showing @path, and
 * returns when nothing holds the application any more: a job that must finish holds it
 * after its window is gone.
 */
void
sp_gui_test_close_mid_job (const char          *path,
                           SpGuiTestWindowFunc  start_job,
                           gpointer             data)
{
  g_autoptr(SpApplication) app = sp_application_new ();
  MidJob job = { path, start_job, data, NULL };

  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (mid_job_activate_cb), &job);

  g_assert_cmpint (g_application_run (G_APPLICATION (app), 0, NULL), ==, 0);
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
}

/* Screenshots and pixels */

/**
 * sp_gui_test_screenshot:
 * @widget: a window, dialog or popover
 * @name: file name, saved in G_TEST_BUILDDIR for people to look at
 *
 * Settle the window first: see sp_gui_test_settle().
 *
 * Returns: (transfer full): what @widget draws
 */
GdkTexture *
sp_gui_test_screenshot (GtkWidget  *widget,
                        const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autofree char *path = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int paint_width, paint_height;
  GdkTexture *texture;

  /* A window's paintable is its surface, the margins of its shadow included: painted at the
   * widget's size it would be scaled down, so it is painted at its own size and the widget
   * cut out of it (the margins are even) */
  paint_width = MAX (width, gdk_paintable_get_intrinsic_width (paintable));
  paint_height = MAX (height, gdk_paintable_get_intrinsic_height (paintable));
  gdk_paintable_snapshot (paintable, snapshot, paint_width, paint_height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT ((paint_width - width) / 2, (paint_height - height) / 2,
                                                              width, height));

  path = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".", name, NULL);
  gdk_texture_save_to_png (texture, path);
  g_test_message ("screenshot: %s", path);

  return texture;
}

static cairo_surface_t *
texture_to_surface (GdkTexture *texture)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                         gdk_texture_get_width (texture),
                                                         gdk_texture_get_height (texture));

  cairo_surface_flush (surface);
  gdk_texture_download (texture, cairo_image_surface_get_data (surface), cairo_image_surface_get_stride (surface));
  cairo_surface_mark_dirty (surface);

  return surface;
}

/* A window with a popover over it, as a person sees them (they are two surfaces) */
void
sp_gui_test_screenshot_with (GtkWidget  *window,
                             GtkWidget  *popover,
                             const char *name)
{
  g_autoptr(GdkTexture) under = sp_gui_test_screenshot (window, name);
  g_autoptr(GdkTexture) over = sp_gui_test_screenshot (popover, name);
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".", name, NULL);
  cairo_surface_t *target = texture_to_surface (under);
  cairo_surface_t *source = texture_to_surface (over);
  graphene_rect_t window_bounds, popover_bounds;
  cairo_t *cr = cairo_create (target);

  g_assert_true (sp_gui_test_surface_bounds (window, &window_bounds));
  g_assert_true (sp_gui_test_surface_bounds (popover, &popover_bounds));
  cairo_set_source_surface (cr, source, popover_bounds.origin.x - window_bounds.origin.x,
                            popover_bounds.origin.y - window_bounds.origin.y);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (target, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (source);
  cairo_surface_destroy (target);
}

/* A texture's pixels, downloaded on the first read: a texture never changes */
static const guchar *
texture_pixels (GdkTexture *texture)
{
  GBytes *pixels = g_object_get_data (G_OBJECT (texture), "sp-gui-test-pixels");

  if (pixels == NULL)
    {
      gsize stride = (gsize)gdk_texture_get_width (texture) * 4;
      gsize size = stride * gdk_texture_get_height (texture);
      guchar *data = g_malloc (size);

      gdk_texture_download (texture, data, stride);
      pixels = g_bytes_new_take (data, size);
      g_object_set_data_full (G_OBJECT (texture), "sp-gui-test-pixels", pixels, (GDestroyNotify)g_bytes_unref);
    }

  return g_bytes_get_data (pixels, NULL);
}

/* Reads one opaque pixel as red, green, blue in 0…1 */
void
sp_gui_test_read_pixel (GdkTexture *texture,
                        int         x,
                        int         y,
                        double      rgb[3])
{
  int width = gdk_texture_get_width (texture);
  const guchar *pixel;

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, width);
  g_assert_cmpint (y, <, gdk_texture_get_height (texture));

  /* Downloads are CAIRO_FORMAT_ARGB32: B, G, R, A in memory, premultiplied (opaque here) */
  pixel = texture_pixels (texture) + ((gsize)y * width + x) * 4;
  rgb[0] = pixel[2] / 255.0;
  rgb[1] = pixel[1] / 255.0;
  rgb[2] = pixel[0] / 255.0;
}

/**
 * sp_gui_test_surface_bounds:
 * @bounds: (out): where @widget is, in the coordinates of its toplevel's surface
 *
 * Works across popovers (their own surfaces), so that a popover's place can be compared
 * with the window's widgets.
 */
gboolean
sp_gui_test_surface_bounds (GtkWidget       *widget,
                            graphene_rect_t *bounds)
{
  GtkNative *native = gtk_widget_get_native (widget);
  GdkSurface *surface;
  double x, y;

  if (native == NULL)
    return FALSE;

  /* A native's own bounds would take in its shadow */
  if (widget == GTK_WIDGET (native))
    graphene_rect_init (bounds, 0, 0, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  else if (!gtk_widget_compute_bounds (widget, GTK_WIDGET (native), bounds))
    return FALSE;

  gtk_native_get_surface_transform (native, &x, &y);
  graphene_rect_offset (bounds, x, y);

  for (surface = gtk_native_get_surface (native); GDK_IS_POPUP (surface); surface = gdk_popup_get_parent (GDK_POPUP (surface)))
    graphene_rect_offset (bounds, gdk_popup_get_position_x (GDK_POPUP (surface)), gdk_popup_get_position_y (GDK_POPUP (surface)));

  return TRUE;
}

/* Finding widgets. Each looks at @widget and under it, depth first, drawn or not unless its
 * name says "drawn". */

/**
 * sp_gui_test_find:
 *
 * Returns: (transfer none) (nullable): the first widget under @widget (or itself) for which
 *   @predicate is true
 */
GtkWidget *
sp_gui_test_find (GtkWidget          *widget,
                  SpGuiTestPredicate  predicate,
                  gpointer            data)
{
  if (predicate (widget, data))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = sp_gui_test_find (child, predicate, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_of_type (GtkWidget *widget,
            gpointer   type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

/* Returns: (transfer none) (nullable): the first widget of @type */
GtkWidget *
sp_gui_test_find_type (GtkWidget *widget,
                       GType      type)
{
  return sp_gui_test_find (widget, is_of_type, GSIZE_TO_POINTER (type));
}

static gboolean
is_drawn_of_type (GtkWidget *widget,
                  gpointer   type)
{
  return is_of_type (widget, type) && gtk_widget_is_drawable (widget);
}

/* Returns: (transfer none) (nullable): the first drawn widget of @type */
GtkWidget *
sp_gui_test_find_drawn_type (GtkWidget *widget,
                             GType      type)
{
  return sp_gui_test_find (widget, is_drawn_of_type, GSIZE_TO_POINTER (type));
}

static gboolean
is_label_showing (GtkWidget *widget,
                  gpointer   text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

/* Returns: (transfer none) (nullable): the first label whose text is exactly @text */
GtkWidget *
sp_gui_test_find_label (GtkWidget  *widget,
                        const char *text)
{
  return sp_gui_test_find (widget, is_label_showing, (gpointer)text);
}

static gboolean
is_drawn_label_starting (GtkWidget *widget,
                         gpointer   prefix)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget) &&
         g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix);
}

/* Returns: (transfer none) (nullable): the first drawn label whose text starts with @prefix */
GtkWidget *
sp_gui_test_find_label_starting (GtkWidget  *widget,
                                 const char *prefix)
{
  return sp_gui_test_find (widget, is_drawn_label_starting, (gpointer)prefix);
}

static gboolean
is_label_in_full (GtkWidget *widget,
                  gpointer   text)
{
  return is_label_showing (widget, text) && gtk_widget_is_drawable (widget) &&
         !pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget))) &&
         gtk_widget_get_width (widget) > 0;
}

/* Whether a label shows @text in full: drawn, and neither cut short nor squeezed to nothing */
gboolean
sp_gui_test_shows_text (GtkWidget  *widget,
                        const char *text)
{
  return sp_gui_test_find (widget, is_label_in_full, (gpointer)text) != NULL;
}

typedef struct
{
  const char *action_name;
  const char *target;
} Actionable;

static gboolean
is_drawn_actionable (GtkWidget *widget,
                     gpointer   data)
{
  Actionable *wanted = data;
  GVariant *value;

  if (!GTK_IS_ACTIONABLE (widget) || !gtk_widget_is_drawable (widget) ||
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), wanted->action_name) != 0)
    return FALSE;

  value = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget));
  return wanted->target == NULL ||
         (value != NULL && g_variant_is_of_type (value, G_VARIANT_TYPE_STRING) &&
          g_str_equal (g_variant_get_string (value, NULL), wanted->target));
}

/* Returns: (transfer none) (nullable): the first drawn button (or other actionable) for
 *   @action_name, with the string @target if given */
GtkWidget *
sp_gui_test_find_drawn_actionable (GtkWidget  *widget,
                                   const char *action_name,
                                   const char *target)
{
  Actionable wanted = { action_name, target };

  return sp_gui_test_find (widget, is_drawn_actionable, &wanted);
}

/* Asserts that a button for @action_name is drawn, and whether it can be clicked */
void
sp_gui_test_assert_action_button (GtkWidget  *widget,
                                  const char *action_name,
                                  gboolean    sensitive)
{
  GtkWidget *button = sp_gui_test_find_drawn_actionable (widget, action_name, NULL);

  g_assert_nonnull (button);
  g_assert_cmpint (gtk_widget_is_sensitive (button), ==, sensitive);
}

static gboolean
is_claim_row (GtkWidget *widget,
              gpointer   data)
{
  gint64 claim_id = *(gint64 *)data;
  SpClaim *claim = g_object_get_data (G_OBJECT (widget), "sp-claim");

  return GTK_IS_LIST_BOX_ROW (widget) && claim != NULL &&
         (claim_id == 0 || sp_claim_get_id (claim) == claim_id);
}

/* Returns: (transfer none) (nullable): the Documents view's row for the claim @claim_id, or
 *   the first claim row when @claim_id is 0 */
GtkWidget *
sp_gui_test_find_claim_row (GtkWidget *widget,
                            gint64     claim_id)
{
  return sp_gui_test_find (widget, is_claim_row, &claim_id);
}

/* Whether @widget is @ancestor or inside it */
gboolean
sp_gui_test_is_inside (GtkWidget *widget,
                       GtkWidget *ancestor)
{
  return widget != NULL && (widget == ancestor || gtk_widget_is_ancestor (widget, ancestor));
}

/* Acting as a user */

/* Where @text first starts in @body, in characters: a reader's offset */
guint
sp_gui_test_offset_of (const char *body,
                       const char *text)
{
  const char *found = strstr (body, text);

  g_assert_nonnull (found);
  return g_utf8_pointer_to_offset (body, found);
}

/* Selects the reader's text between two character offsets, as a mouse drag does: without
 * scrolling */
void
sp_gui_test_select_text (SpReader *reader,
                         guint     start,
                         guint     end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (sp_reader_get_text_view (reader));
  GtkTextIter start_iter, end_iter;

  gtk_text_buffer_get_iter_at_offset (buffer, &start_iter, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end_iter, end);
  gtk_text_buffer_select_range (buffer, &start_iter, &end_iter);
}

static gboolean
trigger_matches (GtkShortcutTrigger *trigger,
                 guint               keyval,
                 GdkModifierType     modifiers)
{
  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    return trigger_matches (gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)), keyval, modifiers) ||
           trigger_matches (gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)), keyval, modifiers);

  if (GTK_IS_KEYVAL_TRIGGER (trigger))
    return gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
           gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers;

  return FALSE;
}

/* The widget under @widget whose managed shortcut controller holds @shortcut, or NULL */
static GtkWidget *
managed_owner (GtkWidget   *widget,
               GtkShortcut *shortcut)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
          gtk_shortcut_controller_get_scope (GTK_SHORTCUT_CONTROLLER (controller)) != GTK_SHORTCUT_SCOPE_MANAGED)
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (item == (GObject *) shortcut)
            return widget;
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *owner = managed_owner (child, shortcut);

      if (owner != NULL)
        return owner;
    }

  return NULL;
}

static gboolean
run_shortcuts (GtkWidget           *widget,
               GtkPropagationPhase  phase,
               guint                keyval,
               GdkModifierType      modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      GListModel *shortcuts;

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
          gtk_event_controller_get_propagation_phase (controller) != phase ||
          gtk_shortcut_controller_get_scope (GTK_SHORTCUT_CONTROLLER (controller)) != GTK_SHORTCUT_SCOPE_LOCAL)
        continue;

      shortcuts = G_LIST_MODEL (controller);
      for (guint j = 0; j < g_list_model_get_n_items (shortcuts); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (shortcuts, j);
          /* a managed shortcut (GTK_SHORTCUT_SCOPE_MANAGED) runs in the window's controllers
           * but acts on its own widget, while that is shown */
          GtkWidget *owner;
          GtkWidget *target;

          if (!trigger_matches (gtk_shortcut_get_trigger (shortcut), keyval, modifiers))
            continue;
          owner = GTK_IS_ROOT (widget) ? managed_owner (widget, shortcut) : NULL;
          target = owner != NULL ? owner : widget;
          if (owner != NULL && (!gtk_widget_get_mapped (owner) || !gtk_widget_is_sensitive (owner)))
            continue;
          if (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                            target, gtk_shortcut_get_arguments (shortcut)))
            return TRUE;
        }
    }

  return FALSE;
}

/**
 * sp_gui_test_press_key:
 *
 * Presses a key the way GTK propagates it to shortcuts: from @window down to its focus
 * widget in the capture phase, then back up in the bubble phase, the first shortcut that
 * handles it ending the walk. Xvfb offers no input a test could inject, and GTK 4.8 no
 * public way to make a key event; key controllers (text input) are not modelled, which is
 * right for navigation keys (Tab, Escape, Menu) that widgets bind as shortcuts.
 *
 * Returns: whether a shortcut handled the key
 */
gboolean
sp_gui_test_press_key (GtkWindow       *window,
                       guint            keyval,
                       GdkModifierType  modifiers)
{
  g_autoptr(GPtrArray) path = g_ptr_array_new ();
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  for (GtkWidget *widget = focus ? focus : GTK_WIDGET (window); widget; widget = gtk_widget_get_parent (widget))
    g_ptr_array_insert (path, 0, widget);

  for (guint i = 0; i < path->len; i++)
    if (run_shortcuts (g_ptr_array_index (path, i), GTK_PHASE_CAPTURE, keyval, modifiers))
      return TRUE;

  if (run_shortcuts (g_ptr_array_index (path, path->len - 1), GTK_PHASE_TARGET, keyval, modifiers))
    return TRUE;

  for (guint i = path->len; i > 0; i--)
    if (run_shortcuts (g_ptr_array_index (path, i - 1), GTK_PHASE_BUBBLE, keyval, modifiers))
      return TRUE;

  return FALSE;
}

/* Toasts */

typedef struct
{
  GtkWidget  *widget;
  const char *text;
} LabelWait;

static gboolean
label_drawn (gpointer data)
{
  LabelWait *wait = data;
  GtkWidget *label = sp_gui_test_find_label (wait->widget, wait->text);

  return label != NULL && gtk_widget_is_drawable (label);
}

/* Runs the main loop until a label under @widget shows @text: a toast waits its turn behind
 * the one shown before it */
void
sp_gui_test_wait_for_label (GtkWidget  *widget,
                            const char *text)
{
  LabelWait wait = { widget, text };

  g_test_message ("waiting for “%s”", text);
  sp_gui_test_iterate_until (label_drawn, &wait);
}

static gboolean
is_in_toast (GtkWidget *widget)
{
  GType toast_type = g_type_from_name ("AdwToastWidget");

  return toast_type != 0 && gtk_widget_get_ancestor (widget, toast_type) != NULL;
}

static gboolean
is_toast_action (GtkWidget *widget,
                 gpointer   action_name)
{
  return GTK_IS_ACTIONABLE (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0 &&
         is_in_toast (widget);
}

/* Returns: (transfer none) (nullable): the button of a toast under @widget for @action_name */
GtkWidget *
sp_gui_test_find_toast_action (GtkWidget  *widget,
                               const char *action_name)
{
  return sp_gui_test_find (widget, is_toast_action, (gpointer)action_name);
}

static gboolean
is_toast_close_button (GtkWidget *widget,
                       gpointer   data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_is_drawable (widget) &&
         g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), "window-close-symbolic") == 0 &&
         is_in_toast (widget);
}

typedef struct
{
  GdkFrameClock *clock;
  gint64         until;
} ClockWait;

static gboolean
clock_passed (gpointer data)
{
  ClockWait *wait = data;

  return gdk_frame_clock_get_frame_time (wait->clock) >= wait->until;
}

/* Lets @widget's animations of up to @msec run to their end: they go by the frame clock */
/* Lets @widget's frame clock run for @msec of frame time, drawing every frame, as a running
 * animation would */
void
sp_gui_test_animate_for (GtkWidget *widget,
                         guint      msec)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  ClockWait wait = { clock, gdk_frame_clock_get_frame_time (clock) + msec * 1000 };
  guint id = gtk_widget_add_tick_callback (widget, keep_drawing_cb, NULL, NULL);

  sp_gui_test_iterate_until (clock_passed, &wait);
  gtk_widget_remove_tick_callback (widget, id);
}

/* Closes the toast shown under @widget, as its close button does, so the next one shows.
 * libadwaita 1.2 crashes when a toast is dismissed while it still slides in, so its show
 * animation (300 ms of the frame clock) ends first, and the hide animation after. */
void
sp_gui_test_dismiss_toast (GtkWidget *widget)
{
  GtkWidget *button;

  sp_gui_test_animate_for (widget, 400);
  button = sp_gui_test_find (widget, is_toast_close_button, NULL);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  sp_gui_test_animate_for (widget, 400);
}
