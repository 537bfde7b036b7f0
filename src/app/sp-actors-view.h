/* sp-actors-view.h: the Actors view, a table of the codebook's actors */
#pragma once

#include "sp-codebook-view.h"

G_BEGIN_DECLS

#define SP_TYPE_ACTORS_VIEW (sp_actors_view_get_type ())

G_DECLARE_FINAL_TYPE (SpActorsView, sp_actors_view, SP, ACTORS_VIEW, SpCodebookView)

G_END_DECLS
