/* sp-issues-view.h: the Issues view, a table of the codebook's issues */
#pragma once

#include "sp-codebook-view.h"
#include "sp-issue-profile.h"

G_BEGIN_DECLS

#define SP_TYPE_ISSUES_VIEW (sp_issues_view_get_type ())

G_DECLARE_FINAL_TYPE (SpIssuesView, sp_issues_view, SP, ISSUES_VIEW, SpCodebookView)

gboolean        sp_issues_view_show_issue  (SpIssuesView  *self,
                                            gint64         id,
                                            GError       **error);
SpIssueProfile *sp_issues_view_get_profile (SpIssuesView  *self);

G_END_DECLS
