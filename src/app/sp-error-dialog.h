/* sp-error-dialog.h
 *
 * Why a job the user started (an export, a codebook file) failed, in a dialog over the
 * window: its sentence names a file and is shown whole at any width, where a toast would cut
 * it short.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void sp_error_dialog_show (GtkWidget  *widget,
                           const char *heading,
                           const char *message);

G_END_DECLS
