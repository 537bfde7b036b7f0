/* sp-delete-dialog.h
 *
 * The question asked before deleting something that has claims (an actor, an issue, a
 * document): how many claims go with it, and that Undo brings them back.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

GtkWidget *sp_delete_dialog_new (GtkWidget  *widget,
                                 const char *name,
                                 guint       n_claims);

G_END_DECLS
