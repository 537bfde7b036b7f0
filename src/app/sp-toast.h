/* sp-toast.h
 *
 * Lets any widget inside a window show a toast without knowing the window: the toast goes to
 * the nearest AdwToastOverlay above the widget.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void sp_toast_show       (GtkWidget  *widget,
                          const char *text);
void sp_toast_show_error (GtkWidget  *widget,
                          const char *message);
void sp_toast_show_undo  (GtkWidget  *widget,
                          const char *text);
void sp_toast_show_redo  (GtkWidget  *widget,
                          const char *text);

G_END_DECLS
