/* sp-form-dialog.h
 *
 * A small modal editor window: Cancel and Save in the header bar, preference rows below, and
 * a line for the reason a save was refused. Subclasses add their rows and implement save();
 * the dialog closes only when save() succeeds, so a refused edit keeps what the user typed.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SP_TYPE_FORM_DIALOG (sp_form_dialog_get_type ())

G_DECLARE_DERIVABLE_TYPE (SpFormDialog, sp_form_dialog, SP, FORM_DIALOG, AdwWindow)

struct _SpFormDialogClass
{
  AdwWindowClass parent_class;

  gboolean (*save) (SpFormDialog  *self,
                    GError       **error);
};

void     sp_form_dialog_set_heading  (SpFormDialog        *self,
                                      const char          *heading);
void     sp_form_dialog_add_group    (SpFormDialog        *self,
                                      AdwPreferencesGroup *group);
gboolean sp_form_dialog_save         (SpFormDialog        *self);
void     sp_form_dialog_set_can_save (SpFormDialog        *self,
                                      gboolean             can_save);

GStrv    sp_split_list               (const char          *text);
char    *sp_join_list                (const char * const  *items);

G_END_DECLS
