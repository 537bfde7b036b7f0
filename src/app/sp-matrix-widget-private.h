/* sp-matrix-widget-private.h
 *
 * What the matrix widget's drawing (sp-matrix-widget.c), its tiles (sp-matrix-widget-tiles.c)
 * and its keyboard and accessibility side (sp-matrix-widget-keys.c) share.
 */
#pragma once

#include "sp-matrix-layout.h"
#include "sp-matrix-widget.h"

G_BEGIN_DECLS

/* Tiles of the drawn chart, in layout units, and how many are kept: 2,560 tiles of 128 × 128
 * are 160 MB at scale 1, a matrix of about 1,500 × 300 cells in the compact layout. The GL
 * renderer shades the whole of a clipped texture, so a tile reaching out of the view or under
 * the headers costs its full size in every frame: small tiles keep that waste small. */
#define TILE_SIZE 128
#define MAX_TILES 2560

struct _SpMatrixWidget
{
  GtkWidget       parent_instance;

  SpMatrix       *matrix;
  SpMatrixLayout *layout;
  GHashTable     *tiles;          /* tile key -> GskRenderNode */
  guint           idle_id;        /* drawing the tiles near the view */
  GtkAdjustment  *adjustments[2];
  int             width;          /* the chart, in layout units */
  int             height;
  int             label_width;    /* the actor names left of the grid, kept in view */
  int             header_height;  /* the issue labels above it, kept in view */
  int             grid_bottom;    /* the end of the last row: the legend below scrolls */
  guint           hover_row;
  guint           hover_column;
  gboolean        hovering;
  guint           focus_row;      /* the current cell, for the keyboard */
  guint           focus_column;
  GArray         *marked;         /* SpMatrixChange: cells whose stance changed sign */
  gint64          last_snapshot_usec;
};

double   _sp_matrix_widget_scroll_x         (SpMatrixWidget    *self);
double   _sp_matrix_widget_scroll_y         (SpMatrixWidget    *self);
gboolean _sp_matrix_widget_content_rect     (SpMatrixWidget    *self,
                                             guint              row,
                                             guint              column,
                                             cairo_rectangle_t *rect);
void     _sp_matrix_widget_scroll_to_focus  (SpMatrixWidget    *self);
void     _sp_matrix_widget_announce         (SpMatrixWidget    *self);
void     _sp_matrix_widget_class_add_keys   (GtkWidgetClass    *widget_class);
void     _sp_matrix_widget_drop_tiles       (SpMatrixWidget    *self);
void     _sp_matrix_widget_append_tiles     (SpMatrixWidget        *self,
                                             GtkSnapshot           *snapshot,
                                             const graphene_rect_t *area);
void     _sp_matrix_widget_schedule_prefetch (SpMatrixWidget   *self);
void     _sp_matrix_widget_trim_tiles       (SpMatrixWidget    *self);

G_END_DECLS
