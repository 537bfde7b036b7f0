/* sp-matrix-widget.h
 *
 * Draws an SpMatrix on screen with the core renderer (the same code that draws the PNG
 * export), scrolls it under headers that stay in view, reports clicks on cells and moves a
 * current cell by keyboard. Put it in a GtkScrolledWindow: it is GtkScrollable.
 */
#pragma once

#include <gtk/gtk.h>

#include "sp-matrix.h"

G_BEGIN_DECLS

#define SP_TYPE_MATRIX_WIDGET (sp_matrix_widget_get_type ())

G_DECLARE_FINAL_TYPE (SpMatrixWidget, sp_matrix_widget, SP, MATRIX_WIDGET, GtkWidget)

GtkWidget *sp_matrix_widget_new                  (void);
void       sp_matrix_widget_set_matrix           (SpMatrixWidget  *self,
                                                  SpMatrix        *matrix);
SpMatrix  *sp_matrix_widget_get_matrix           (SpMatrixWidget  *self);
gboolean   sp_matrix_widget_get_cell_rect        (SpMatrixWidget  *self,
                                                  guint            row,
                                                  guint            column,
                                                  graphene_rect_t *rect);
void       sp_matrix_widget_get_header_size      (SpMatrixWidget  *self,
                                                  int             *label_width,
                                                  int             *header_height);
char      *sp_matrix_widget_dup_cell_description (SpMatrixWidget  *self,
                                                  guint            row,
                                                  guint            column);
gboolean   sp_matrix_widget_get_focus_cell       (SpMatrixWidget  *self,
                                                  guint           *row,
                                                  guint           *column);
void       sp_matrix_widget_set_focus_cell       (SpMatrixWidget  *self,
                                                  guint            row,
                                                  guint            column);
void       sp_matrix_widget_set_marked_cells     (SpMatrixWidget  *self,
                                                  GArray          *changes);
guint      sp_matrix_widget_get_n_marked_cells   (SpMatrixWidget  *self);
gint64     sp_matrix_widget_get_last_snapshot_time (SpMatrixWidget *self);

G_END_DECLS
