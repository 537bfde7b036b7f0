#pragma once

#include "sp-issue.h"

G_BEGIN_DECLS

SpIssue *_sp_issue_new (gint64              id,
                        const char         *key,
                        const char         *label,
                        const char         *proposition,
                        const char * const *keywords,
                        const char * const *opposing_keywords,
                        const char * const *excluded_phrases,
                        guint               claim_count);

G_END_DECLS
