/* sp-issue-profile.h
 *
 * One issue's page in the Issues view: its proposition, the actors for, against and neutral
 * with their strongest quote, and a timeline of the claims on it.
 */
#pragma once

#include <adwaita.h>

#include "sp-profile-page.h"

G_BEGIN_DECLS

#define SP_TYPE_ISSUE_PROFILE (sp_issue_profile_get_type ())

G_DECLARE_FINAL_TYPE (SpIssueProfile, sp_issue_profile, SP, ISSUE_PROFILE, SpProfilePage)

GtkWidget *sp_issue_profile_new          (void);
gint64     sp_issue_profile_get_issue_id (SpIssueProfile *self);

G_END_DECLS
