#pragma once

#include "sp-actor.h"

G_BEGIN_DECLS

SpActor *_sp_actor_new (gint64              id,
                        const char         *name,
                        SpActorKind         kind,
                        gint64              affiliation_id,
                        const char         *affiliation_name,
                        gint64              group_id,
                        const char         *group_name,
                        const char * const *aliases,
                        guint               claim_count);

G_END_DECLS
