#define G_LOG_DOMAIN "sp-toast"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-toast.h"

/* The overlay above @widget; for a window, or a dialog on top of one, the main window's */
static AdwToastOverlay *
find_overlay (GtkWidget *widget)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  GtkRoot *root;
  GtkWindow *window;

  if (overlay != NULL)
    return ADW_TOAST_OVERLAY (overlay);

  root = gtk_widget_get_root (widget);
  if (!GTK_IS_WINDOW (root))
    return NULL;

  window = GTK_WINDOW (root);
  if (!ADW_IS_APPLICATION_WINDOW (window))
    window = gtk_window_get_transient_for (window);

  if (ADW_IS_APPLICATION_WINDOW (window))
    {
      GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));

      if (ADW_IS_TOAST_OVERLAY (content))
        return ADW_TOAST_OVERLAY (content);
    }

  return NULL;
}

/* Text is plain: titles of articles reach here, so markup is escaped. */
void
sp_toast_show (GtkWidget  *widget,
               const char *text)
{
  AdwToastOverlay *overlay;
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (text != NULL);

  if (!(overlay = find_overlay (widget)))
    {
      g_message ("%s", text);
      return;
    }

  escaped = g_markup_escape_text (text, -1);
  toast = adw_toast_new (escaped);
  adw_toast_overlay_add_toast (overlay, toast);
}

/* A reason something failed: shown longer, and ahead of other toasts */
void
sp_toast_show_error (GtkWidget  *widget,
                     const char *message)
{
  AdwToastOverlay *overlay;
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (message != NULL);

  if (!(overlay = find_overlay (widget)))
    {
      g_warning ("%s", message);
      return;
    }

  escaped = g_markup_escape_text (message, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, 10);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (overlay, toast);
}

#define STEP_TOAST_KEY "sp-toast-step"

static void
step_toast_dismissed_cb (AdwToast        *toast,
                         AdwToastOverlay *overlay)
{
  if (g_object_get_data (G_OBJECT (overlay), STEP_TOAST_KEY) == toast)
    g_object_set_data (G_OBJECT (overlay), STEP_TOAST_KEY, NULL);
}

/* One toast at a time says what the last step was, with a button that reverses it. An
 * earlier one still on screen names the wrong step, so it is given the new step's words in
 * place: dismissing a toast while it still slides in makes libadwaita 1.2 use freed memory,
 * and Ctrl+Z held down makes a step every few frames. */
static void
show_with_action (GtkWidget  *widget,
                  const char *text,
                  const char *button_label,
                  const char *action_name)
{
  AdwToastOverlay *overlay;
  g_autofree char *escaped = NULL;
  AdwToast *shown;
  AdwToast *toast;

  if (!(overlay = find_overlay (widget)))
    return;

  escaped = g_markup_escape_text (text, -1);

  if ((shown = g_object_get_data (G_OBJECT (overlay), STEP_TOAST_KEY)))
    {
      adw_toast_set_title (shown, escaped);
      adw_toast_set_button_label (shown, button_label);
      adw_toast_set_action_name (shown, action_name);
      return;
    }

  toast = adw_toast_new (escaped);
  adw_toast_set_button_label (toast, button_label);
  adw_toast_set_action_name (toast, action_name);
  g_object_set_data_full (G_OBJECT (overlay), STEP_TOAST_KEY, g_object_ref (toast), g_object_unref);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (step_toast_dismissed_cb), overlay, 0);
  adw_toast_overlay_add_toast (overlay, toast);
}

/* A toast for a destructive edit (or a redone one), with a button that undoes it. */
void
sp_toast_show_undo (GtkWidget  *widget,
                    const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (text != NULL);

  show_with_action (widget, text, _("_Undo"), "win.undo");
}

/* A toast for an undone edit, with a button that redoes it. */
void
sp_toast_show_redo (GtkWidget  *widget,
                    const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (text != NULL);

  show_with_action (widget, text, _("_Redo"), "win.redo");
}
