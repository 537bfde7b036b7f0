/* sp-matrix-layout-private.h
 *
 * What measuring (sp-matrix-layout.c) and painting (sp-matrix-layout-draw.c) share: the
 * layout's fields, the geometry both need, and text helpers. Also the legible chart of any
 * matrix, for matrix-bench, which compares the compact chart of a large matrix with the
 * chart it would otherwise be.
 */
#pragma once

#include "sp-matrix-layout.h"

G_BEGIN_DECLS

/* Geometry, in layout units (pixels at scale 1) */
#define MARGIN               20
#define LABEL_GAP            10    /* between the labels and the grid */
#define MAX_ROTATED_WIDTH    220
#define HATCH_SPACING        6
#define SWATCH_WIDTH         30
#define SWATCH_HEIGHT        18
#define SWATCH_TEXT_GAP      6

/* The longest text _sp_matrix_format_count() writes, with its NUL */
#define SP_MATRIX_COUNT_TEXT_SIZE 32

typedef struct
{
  int          x;
  int          y;
  double       stance;  /* NAN for the "No claims" swatch and the marks */
  guint        marks;   /* SpMatrixCellFlags the swatch shows */
  PangoLayout *text;
} SpLegendItem;

struct _SpMatrixLayout
{
  GObject               parent_instance;

  SpMatrix             *matrix;
  PangoContext         *context;

  PangoFontDescription *label_font;
  PangoFontDescription *mean_font;
  PangoFontDescription *count_font;     /* also the compact layout's labels */
  PangoFontDescription *caption_font;

  GPtrArray            *row_labels;     /* PangoLayout per row */
  GPtrArray            *column_labels;  /* PangoLayout per column */
  GHashTable           *cell_texts;     /* "font:text" -> PangoLayout, filled while drawing */
  PangoLayout          *corner;
  PangoLayout          *empty_message;  /* nullable: shown when there are no cells */
  PangoLayout          *legend_title;
  PangoLayout          *legend_note;
  PangoLayout          *caption_title;  /* nullable: the title of an export */
  PangoLayout          *caption_info;   /* nullable: dates and counts, for an export */
  GArray               *legend_items;   /* SpLegendItem */

  gboolean              compact;
  gboolean              rotated;
  int                   width;
  int                   height;
  int                   label_width;
  int                   grid_x;
  int                   grid_y;
  int                   gap;            /* the width of a grid line */
  int                   column_width;   /* a cell and the grid line after it */
  int                   row_height;
  int                   mean_height;
  int                   count_height;
  int                   legend_y;
  int                   legend_note_y;
  int                   caption_info_y;
};

SpMatrixLayout *_sp_matrix_layout_new_legible (SpMatrix                   *matrix,
                                               PangoContext               *context);
PangoLayout    *_sp_matrix_layout_make_text   (SpMatrixLayout             *self,
                                               const PangoFontDescription *font,
                                               const char                 *text);
void            _sp_matrix_layout_draw_marks  (cairo_t                    *cr,
                                               const cairo_rectangle_t    *rect,
                                               guint                       marks);
void            _sp_matrix_layout_cell_rect   (SpMatrixLayout             *self,
                                               guint                       row,
                                               guint                       column,
                                               cairo_rectangle_t          *rect);
void            _sp_matrix_text_measure       (PangoLayout                *layout,
                                               int                        *width,
                                               int                        *height);
void            _sp_matrix_format_count       (guint                       count,
                                               char                        buffer[SP_MATRIX_COUNT_TEXT_SIZE]);

G_END_DECLS
