#define G_LOG_DOMAIN "sp-error-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-error-dialog.h"

/**
 * sp_error_dialog_show:
 * @widget: a widget in the window the dialog goes over
 * @heading: what failed, e.g. "Could Not Export the Matrix"
 * @message: why, in one sentence; plain text
 *
 * Shows @message under @heading in a dialog over @widget's window, or logs it when @widget
 * is in no window.
 */
void
sp_error_dialog_show (GtkWidget  *widget,
                      const char *heading,
                      const char *message)
{
  GtkRoot *root;
  GtkWidget *dialog;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (heading != NULL && message != NULL);

  root = gtk_widget_get_root (widget);
  if (!GTK_IS_WINDOW (root))
    {
      g_warning ("%s: %s", heading, message);
      return;
    }

  /* AdwMessageDialog's heading and body are plain text unless told otherwise */
  dialog = adw_message_dialog_new (GTK_WINDOW (root), heading, message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}
