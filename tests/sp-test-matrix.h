/* sp-test-matrix.h
 *
 * Projects of any size for the matrix tests, made in one action.
 */
#pragma once

#include "sp-project.h"

G_BEGIN_DECLS

void sp_test_matrix_fill (SpProject *project,
                          guint      n_actors,
                          guint      n_issues);

G_END_DECLS
