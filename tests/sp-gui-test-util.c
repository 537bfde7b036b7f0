#include "config.h"

#include "sp-gui-test-util.h"
#include "sp-stance-palette.h"

/* The style sheet and the stance colours, as SpApplication loads them at startup: tests build
 * windows without the application. */
void
sp_gui_test_load_css (void)
{
  g_autoptr(GtkCssProvider) style = gtk_css_provider_new ();
  g_autoptr(GtkCssProvider) stances = gtk_css_provider_new ();
  g_autofree char *stance_css = sp_stance_palette_to_css ();

  gtk_css_provider_load_from_resource (style, "/io/github/standpoint/Standpoint/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (style),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_css_provider_load_from_data (stances, stance_css, -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (stances),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

/* Runs the main loop until @done says so; 20 s without it fails the test (a hang, not a
 * timing threshold). */
void
sp_gui_test_iterate_until (gboolean (*done) (gpointer),
                           gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!done (data))
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
}

static gboolean
no_frames_left (gpointer data)
{
  return *(guint *)data == 0;
}

static gboolean
count_down_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       data)
{
  guint *remaining = data;

  if (*remaining > 0)
    (*remaining)--;
  return *remaining > 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static void
wait_frames (GtkWidget *widget,
             guint      n_frames)
{
  guint remaining = n_frames;

  gtk_widget_add_tick_callback (GTK_WIDGET (gtk_widget_get_root (widget)), count_down_cb, &remaining, NULL);
  sp_gui_test_iterate_until (no_frames_left, &remaining);
}

/* Lets the window lay out and paint a few frames and idle work run, then lays out what that
 * work changed, so that a screenshot finds every widget allocated */
void
sp_gui_test_settle (GtkWidget *widget)
{
  wait_frames (widget, 4);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  wait_frames (widget, 2);
}

/* Unmapping first lets GTK drop pointer state (a pending tooltip) while the window's surface
 * still exists; GTK 4.8 can otherwise query the destroyed surface. */
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

/**
 * sp_gui_test_screenshot:
 * @widget: a window or popover
 * @name: file name, saved in G_TEST_BUILDDIR for people to look at
 *
 * Returns: (transfer full): what @widget shows
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
  GdkTexture *texture;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));

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

/* Reads one opaque pixel as red, green, blue in 0…1 */
void
sp_gui_test_read_pixel (GdkTexture *texture,
                        int         x,
                        int         y,
                        double      rgb[3])
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guchar *data = g_malloc ((gsize)width * height * 4);
  guchar *pixel;

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, width);
  g_assert_cmpint (y, <, height);

  /* Downloads are CAIRO_FORMAT_ARGB32: B, G, R, A in memory */
  gdk_texture_download (texture, data, width * 4);
  pixel = data + ((gsize)y * width + x) * 4;
  rgb[0] = pixel[2] / 255.0;
  rgb[1] = pixel[1] / 255.0;
  rgb[2] = pixel[0] / 255.0;
}

/**
 * sp_gui_test_find:
 *
 * Returns: (transfer none) (nullable): the first widget under @widget (or itself), depth
 *   first, for which @predicate is true
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
is_label_showing (GtkWidget *widget,
                  gpointer   text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

/* Returns: (transfer none) (nullable): the first label under @widget showing exactly @text */
GtkWidget *
sp_gui_test_find_label (GtkWidget  *widget,
                        const char *text)
{
  return sp_gui_test_find (widget, is_label_showing, (gpointer)text);
}

static gboolean
is_of_type (GtkWidget *widget,
            gpointer   type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

/* Returns: (transfer none) (nullable): the first widget of @type under @widget */
GtkWidget *
sp_gui_test_find_type (GtkWidget *widget,
                       GType      type)
{
  return sp_gui_test_find (widget, is_of_type, GSIZE_TO_POINTER (type));
}

gboolean
sp_gui_test_is_inside (GtkWidget *widget,
                       GtkWidget *ancestor)
{
  return widget != NULL && (widget == ancestor || gtk_widget_is_ancestor (widget, ancestor));
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

          if (trigger_matches (gtk_shortcut_get_trigger (shortcut), keyval, modifiers) &&
              gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                            widget, gtk_shortcut_get_arguments (shortcut)))
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
