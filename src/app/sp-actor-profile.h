/* sp-actor-profile.h
 *
 * One actor's page in the Actors view: its row of the matrix as a profile (every issue with
 * its stance, claim count and latest claim), its aliases, affiliation and members, every claim
 * with its quote, and merging another actor into it.
 */
#pragma once

#include <adwaita.h>

#include "sp-profile-page.h"

G_BEGIN_DECLS

#define SP_TYPE_ACTOR_PROFILE (sp_actor_profile_get_type ())

G_DECLARE_FINAL_TYPE (SpActorProfile, sp_actor_profile, SP, ACTOR_PROFILE, SpProfilePage)

GtkWidget *sp_actor_profile_new          (void);
gint64     sp_actor_profile_get_actor_id (SpActorProfile *self);
gboolean   sp_actor_profile_merge        (SpActorProfile *self,
                                          gint64          merged_id);

G_END_DECLS
