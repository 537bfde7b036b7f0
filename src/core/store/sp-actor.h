/* sp-actor.h
 *
 * A snapshot of one actor row: what the views and the CLI list. Changing an actor goes
 * through SpProject, never through this object.
 */
#pragma once

#include "sp-types.h"

G_BEGIN_DECLS

#define SP_TYPE_ACTOR (sp_actor_get_type ())

G_DECLARE_FINAL_TYPE (SpActor, sp_actor, SP, ACTOR, GObject)

gint64              sp_actor_get_id               (SpActor *self);
const char         *sp_actor_get_name             (SpActor *self);
SpActorKind         sp_actor_get_kind             (SpActor *self);
gint64              sp_actor_get_affiliation_id   (SpActor *self);
const char         *sp_actor_get_affiliation_name (SpActor *self);
gint64              sp_actor_get_group_id         (SpActor *self);
const char         *sp_actor_get_group_name       (SpActor *self);
const char * const *sp_actor_get_aliases          (SpActor *self);
guint               sp_actor_get_claim_count      (SpActor *self);
char               *sp_actor_dup_search_text      (SpActor *self);

G_END_DECLS
