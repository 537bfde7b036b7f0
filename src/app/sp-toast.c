#define G_LOG_DOMAIN "sp-toast"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-toast.h"

static AdwToastOverlay *
find_overlay (GtkWidget *widget)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay == NULL && GTK_IS_WIDGET (gtk_widget_get_root (widget)))
    {
      /* Dialogs are their own roots: fall back to their transient parent's overlay. */
      GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (gtk_widget_get_root (widget)));

      if (parent != NULL)
        {
          GtkWidget *child = gtk_window_get_child (parent);

          if (ADW_IS_APPLICATION_WINDOW (parent))
            child = adw_application_window_get_content (ADW_APPLICATION_WINDOW (parent));
          if (ADW_IS_TOAST_OVERLAY (child))
            overlay = child;
        }
    }

  return overlay ? ADW_TOAST_OVERLAY (overlay) : NULL;
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

void
sp_toast_show_error (GtkWidget *widget,
                     GError    *error)
{
  AdwToastOverlay *overlay;
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (error != NULL);

  if (!(overlay = find_overlay (widget)))
    {
      g_warning ("%s", error->message);
      return;
    }

  escaped = g_markup_escape_text (error->message, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, 8);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (overlay, toast);
}

/* A toast for a destructive edit, with a button that undoes it. */
void
sp_toast_show_undo (GtkWidget  *widget,
                    const char *text)
{
  AdwToastOverlay *overlay;
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (text != NULL);

  if (!(overlay = find_overlay (widget)))
    return;

  escaped = g_markup_escape_text (text, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_overlay_add_toast (overlay, toast);
}
