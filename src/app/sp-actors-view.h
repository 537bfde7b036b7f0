/* sp-actors-view.h: the Actors view, a table of the codebook's actors */
#pragma once

#include "sp-actor-profile.h"
#include "sp-codebook-view.h"

G_BEGIN_DECLS

#define SP_TYPE_ACTORS_VIEW (sp_actors_view_get_type ())

G_DECLARE_FINAL_TYPE (SpActorsView, sp_actors_view, SP, ACTORS_VIEW, SpCodebookView)

gboolean        sp_actors_view_show_actor  (SpActorsView  *self,
                                            gint64         id,
                                            GError       **error);
SpActorProfile *sp_actors_view_get_profile (SpActorsView  *self);

G_END_DECLS
