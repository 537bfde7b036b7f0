/* sp-actor-dialog.h: adds or edits one actor: name, kind, affiliation and aliases */
#pragma once

#include "sp-form-dialog.h"
#include "sp-project.h"

G_BEGIN_DECLS

#define SP_TYPE_ACTOR_DIALOG (sp_actor_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SpActorDialog, sp_actor_dialog, SP, ACTOR_DIALOG, SpFormDialog)

SpActorDialog *sp_actor_dialog_new (GtkWindow *parent,
                                    SpProject *project,
                                    SpActor   *actor);
void           sp_actor_dialog_prefill      (SpActorDialog *self,
                                             const char    *name,
                                             SpActorKind    kind,
                                             gint64         affiliation_id);
gint64         sp_actor_dialog_get_saved_id (SpActorDialog *self);

G_END_DECLS
