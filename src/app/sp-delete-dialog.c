#define G_LOG_DOMAIN "sp-delete-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-delete-dialog.h"

/**
 * sp_delete_dialog_new:
 * @widget: a widget of the window the dialog belongs to
 * @name: what is deleted, as the user knows it: shown as plain text, never markup
 *
 * Returns: (transfer floating): a dialog whose "delete" response deletes and whose "cancel"
 *   response (the default, and Escape) keeps; the caller connects ::response and presents it
 */
GtkWidget *
sp_delete_dialog_new (GtkWidget  *widget,
                      const char *name,
                      guint       n_claims)
{
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* TRANSLATORS: %s is the name of an actor, the label of an issue or a document's title */
  heading = g_strdup_printf (_("Delete “%s”?"), name);
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Its %u claim will be deleted too. Undo brings both back.",
                                       "Its %u claims will be deleted too. Undo brings them all back.",
                                       n_claims),
                          n_claims);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  return dialog;
}
