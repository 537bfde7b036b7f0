/* sp-test-matrix.h
 *
 * Projects of any size for the matrix tests, made in one action, and dated documents of one
 * sentence.
 */
#pragma once

#include "sp-project.h"

G_BEGIN_DECLS

void   sp_test_matrix_fill      (SpProject  *project,
                                guint       n_actors,
                                guint       n_issues);
gint64 sp_test_matrix_add_dated (SpProject  *project,
                                const char *file_name,
                                const char *date,
                                const char *source,
                                const char *body);

G_END_DECLS
