/* sp-issue-dialog.h: adds or edits one issue: key, label, proposition and keywords */
#pragma once

#include "sp-form-dialog.h"
#include "sp-project.h"

G_BEGIN_DECLS

#define SP_TYPE_ISSUE_DIALOG (sp_issue_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SpIssueDialog, sp_issue_dialog, SP, ISSUE_DIALOG, SpFormDialog)

SpIssueDialog *sp_issue_dialog_new (GtkWindow *parent,
                                    SpProject *project,
                                    SpIssue   *issue);

G_END_DECLS
