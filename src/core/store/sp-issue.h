/* sp-issue.h
 *
 * A snapshot of one issue row. An issue is a proposition written so that "support" is
 * unambiguous ("Ukraine should join NATO"); its key names the matrix column.
 */
#pragma once

#include "sp-types.h"

G_BEGIN_DECLS

#define SP_TYPE_ISSUE (sp_issue_get_type ())

G_DECLARE_FINAL_TYPE (SpIssue, sp_issue, SP, ISSUE, GObject)

gint64              sp_issue_get_id          (SpIssue *self);
const char         *sp_issue_get_key         (SpIssue *self);
const char         *sp_issue_get_label       (SpIssue *self);
const char         *sp_issue_get_proposition (SpIssue *self);
const char * const *sp_issue_get_keywords    (SpIssue *self);
const char * const *sp_issue_get_opposing_keywords (SpIssue *self);
const char * const *sp_issue_get_excluded_phrases  (SpIssue *self);
guint               sp_issue_get_claim_count (SpIssue *self);

G_END_DECLS
