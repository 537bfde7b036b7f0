/* sp-matrix-view.h
 *
 * The Matrix view: the position matrix at actor or group level, its export to PNG and CSV,
 * and the claims behind each cell.
 */
#pragma once

#include <adwaita.h>

#include "sp-matrix-widget.h"
#include "sp-project.h"

G_BEGIN_DECLS

#define SP_TYPE_MATRIX_VIEW (sp_matrix_view_get_type ())

G_DECLARE_FINAL_TYPE (SpMatrixView, sp_matrix_view, SP, MATRIX_VIEW, GtkWidget)

void            sp_matrix_view_set_project (SpMatrixView  *self,
                                            SpProject     *project);
SpMatrixLevel   sp_matrix_view_get_level   (SpMatrixView  *self);
void            sp_matrix_view_set_level   (SpMatrixView  *self,
                                            SpMatrixLevel  level);
SpMatrixWidget *sp_matrix_view_get_widget  (SpMatrixView  *self);
void            sp_matrix_view_export      (SpMatrixView  *self,
                                            GFile         *file);
gboolean        sp_matrix_view_is_exporting (SpMatrixView *self);

G_END_DECLS
