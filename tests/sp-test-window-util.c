/* sp-test-window-util.c
 *
 * See sp-test-window-util.h. Windows under test are real windows under Xvfb, painted by
 * GTK's renderer; a screenshot is what that renderer draws for the widget.
 */
#include "config.h"

#include "sp-test-window-util.h"
#include "sp-window-private.h"

/* Generous: a busy machine running the sanitizer build paints slowly */
#define DEADLINE_SECONDS 60

/* GTK, libadwaita and the application's style sheet, which the tests' windows have without
 * an application */
void
sp_test_window_init (int    *argc,
                     char ***argv)
{
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  g_test_init (argc, argv, NULL);
  gtk_init ();
  adw_init ();

  gtk_css_provider_load_from_resource (css, "/io/github/standpoint/Standpoint/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

void
sp_test_iterate_until (SpTestCondition done,
                       gpointer        data)
{
  gint64 deadline = g_get_monotonic_time () + DEADLINE_SECONDS * G_USEC_PER_SEC;

  while (!done (data))
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
}

static gboolean
frames_drawn (gpointer data)
{
  guint *remaining = data;
  return *remaining == 0;
}

static gboolean
count_frame_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       data)
{
  guint *remaining = data;

  if (*remaining > 0)
    (*remaining)--;
  return *remaining > 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/* Lets the window lay out and paint a few frames */
void
sp_test_settle (GtkWidget *widget)
{
  guint remaining = 3;

  gtk_widget_add_tick_callback (widget, count_frame_cb, &remaining, NULL);
  sp_test_iterate_until (frames_drawn, &remaining);
}

/* No squeezer crossfades, no stack changes page and no revealer slides under @widget */
gboolean
sp_test_transitions_done (gpointer data)
{
  GtkWidget *widget = data;

  if (ADW_IS_SQUEEZER (widget) && adw_squeezer_get_transition_running (ADW_SQUEEZER (widget)))
    return FALSE;
  if (GTK_IS_STACK (widget) && gtk_stack_get_transition_running (GTK_STACK (widget)))
    return FALSE;
  if (GTK_IS_REVEALER (widget) &&
      gtk_revealer_get_reveal_child (GTK_REVEALER (widget)) != gtk_revealer_get_child_revealed (GTK_REVEALER (widget)))
    return FALSE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (!sp_test_transitions_done (child))
      return FALSE;

  return TRUE;
}

static gboolean
open_done (gpointer data)
{
  return !_sp_window_is_opening (data);
}

/* Runs the main loop until @window has finished opening a project, or failed to */
void
sp_test_wait_for_open (SpWindow *window)
{
  sp_test_iterate_until (open_done, window);
}

/* Opens @path in @window the way the window does, in a worker, and waits until it shows it */
void
sp_test_open_project (SpWindow   *window,
                      const char *path)
{
  SpProject *project;

  sp_window_open_project (window, path);
  g_assert_true (_sp_window_is_opening (window));
  sp_test_wait_for_open (window);

  project = sp_window_get_project (window);
  g_assert_nonnull (project);
  g_assert_cmpstr (sp_project_get_path (project), ==, path);
}

void
sp_test_destroy_window (GtkWindow *window)
{
  /* Unmapping first lets GTK drop pointer state (a pending tooltip) while the window's
   * surface still exists; GTK 4.8 can otherwise query the destroyed surface. */
  gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  gtk_window_destroy (window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Saves what @widget draws next to the test binary as @name, for people to look at */
GdkTexture *
sp_test_take_screenshot (GtkWidget  *widget,
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

GtkWidget *
sp_test_find_widget_of_type (GtkWidget *widget,
                             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = sp_test_find_widget_of_type (child, type);
      if (found != NULL)
        return found;
    }

  return NULL;
}

gboolean
sp_test_draws_widget_of_type (GtkWidget *widget,
                              GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_is_drawable (widget))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (sp_test_draws_widget_of_type (child, type))
      return TRUE;

  return FALSE;
}

/* A label showing @text in full: drawn, and neither cut short nor squeezed to nothing */
gboolean
sp_test_shows_text (GtkWidget  *widget,
                    const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0 &&
      !pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget))) &&
      gtk_widget_get_width (widget) > 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (sp_test_shows_text (child, text))
      return TRUE;

  return FALSE;
}

/* A label whose text is @text, drawn or not */
GtkWidget *
sp_test_find_label (GtkWidget  *widget,
                    const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = sp_test_find_label (child, text);
      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A drawn label whose text starts with @prefix */
GtkWidget *
sp_test_find_label_starting (GtkWidget  *widget,
                             const char *prefix)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget) &&
      g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = sp_test_find_label_starting (child, prefix);
      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A drawn button (or other actionable) for @action_name, with the string @target if given */
GtkWidget *
sp_test_find_drawn_actionable (GtkWidget  *widget,
                               const char *action_name,
                               const char *target)
{
  if (GTK_IS_ACTIONABLE (widget) && gtk_widget_is_drawable (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0)
    {
      GVariant *value = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget));

      if (target == NULL || (value != NULL && g_variant_is_of_type (value, G_VARIANT_TYPE_STRING) &&
                             g_str_equal (g_variant_get_string (value, NULL), target)))
        return widget;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = sp_test_find_drawn_actionable (child, action_name, target);
      if (found != NULL)
        return found;
    }

  return NULL;
}

AdwStatusPage *
sp_test_find_drawn_status_page (GtkWidget *widget)
{
  if (ADW_IS_STATUS_PAGE (widget) && gtk_widget_is_drawable (widget))
    return ADW_STATUS_PAGE (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      AdwStatusPage *found = sp_test_find_drawn_status_page (child);
      if (found != NULL)
        return found;
    }

  return NULL;
}

void
sp_test_assert_action_buttons (GtkWidget  *widget,
                               const char *action_name,
                               gboolean    sensitive)
{
  GtkWidget *button = sp_test_find_drawn_actionable (widget, action_name, NULL);

  g_assert_nonnull (button);
  g_assert_cmpint (gtk_widget_is_sensitive (button), ==, sensitive);
}

typedef struct
{
  GtkWidget  *widget;
  const char *text;
} LabelWait;

static gboolean
label_shown (gpointer data)
{
  LabelWait *wait = data;
  GtkWidget *label = sp_test_find_label (wait->widget, wait->text);

  return label != NULL && gtk_widget_is_drawable (label);
}

/* Runs the main loop until a label under @widget shows @text: a toast waits its turn behind
 * the one shown before it */
void
sp_test_wait_for_label (GtkWidget  *widget,
                        const char *text)
{
  LabelWait wait = { widget, text };

  g_test_message ("waiting for “%s”", text);
  sp_test_iterate_until (label_shown, &wait);
}

static GtkWidget *
find_toast_close_button (GtkWidget *widget,
                         gboolean   in_toast)
{
  in_toast = in_toast || g_str_equal (G_OBJECT_TYPE_NAME (widget), "AdwToastWidget");

  if (in_toast && GTK_IS_BUTTON (widget) && gtk_widget_is_drawable (widget) &&
      g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), "window-close-symbolic") == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_toast_close_button (child, in_toast);
      if (found != NULL)
        return found;
    }

  return NULL;
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

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       data)
{
  return G_SOURCE_CONTINUE;
}

/* Lets @widget's animations of up to @msec run to their end: they go by the frame clock */
static void
animate_for (GtkWidget *widget,
             guint      msec)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  ClockWait wait = { clock, gdk_frame_clock_get_frame_time (clock) + msec * 1000 };
  guint id = gtk_widget_add_tick_callback (widget, tick_cb, NULL, NULL);

  sp_test_iterate_until (clock_passed, &wait);
  gtk_widget_remove_tick_callback (widget, id);
}

/* Closes the toast shown under @widget, as its close button does, so the next one shows.
 * libadwaita 1.2 crashes when a toast is dismissed while it still slides in, so its show
 * animation (300 ms of the frame clock) ends first, and the hide animation after. */
void
sp_test_dismiss_toast (GtkWidget *widget)
{
  GtkWidget *button;

  animate_for (widget, 400);
  button = find_toast_close_button (widget, FALSE);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  animate_for (widget, 400);
}

/* A visible window transient for @parent: a dialog it opened */
GtkWindow *
sp_test_find_dialog (GtkWindow *parent)
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

void
sp_test_close_dialog (GtkWindow *dialog)
{
  sp_test_destroy_window (dialog);
}
