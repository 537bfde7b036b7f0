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

static void
show_with_action (GtkWidget  *widget,
                  const char *text,
                  const char *button_label,
                  const char *action_name)
{
  AdwToastOverlay *overlay;
  g_autofree char *escaped = NULL;
  AdwToast *previous;
  AdwToast *toast;

  if (!(overlay = find_overlay (widget)))
    return;

  /* An earlier Undo or Redo button now names the wrong step: it goes, and this one is
   * shown at once instead of waiting its turn behind it */
  if ((previous = g_object_get_data (G_OBJECT (overlay), "sp-toast-step")))
    adw_toast_dismiss (previous);

  escaped = g_markup_escape_text (text, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_button_label (toast, button_label);
  adw_toast_set_action_name (toast, action_name);
  g_object_set_data_full (G_OBJECT (overlay), "sp-toast-step", g_object_ref (toast), g_object_unref);
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
