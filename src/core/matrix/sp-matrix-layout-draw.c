/* sp-matrix-layout-draw.c
 *
 * Painting an SpMatrixLayout with cairo and pango: each cell coloured on the stance palette
 * (sp-stance-palette.h), its mean and count written in it or, in the compact layout, the
 * colour alone; the labels, the headers and the legend where the layout placed them. The
 * window paints through gtk_snapshot_append_cairo() and the PNG export strip by strip, so
 * everything outside the cairo clip is skipped, and what is inside comes out the same
 * however the chart is cut.
 */
#define G_LOG_DOMAIN "sp-matrix-layout"

#include "config.h"

#include <math.h>

#include <pango/pangocairo.h>

#include "sp-matrix-layout-private.h"

static const SpRgb background_color = { 1.0, 1.0, 1.0 };
static const SpRgb grid_color = { 0xd0 / 255.0, 0xd4 / 255.0, 0xd9 / 255.0 };
static const SpRgb empty_color = { 1.0, 1.0, 1.0 };
static const SpRgb hatch_color = { 0xdd / 255.0, 0xe0 / 255.0, 0xe4 / 255.0 };
static const SpRgb text_color = SP_STANCE_DARK_TEXT;
static const SpRgb secondary_text_color = { 0x57 / 255.0, 0x60 / 255.0, 0x6a / 255.0 };

/* The marks in a cell's top corners: a dark one on the right where its claims disagree
 * (support and opposition), an amber one on the left where it rests on pending suggestions.
 * Both are edged in white so that they stand out on the dark ends of the palette. */
static const SpRgb disagreement_color = SP_STANCE_DARK_TEXT;
static const SpRgb pending_color = { 0xe5 / 255.0, 0xa5 / 255.0, 0x0a / 255.0 };
static const SpRgb mark_edge_color = { 1.0, 1.0, 1.0 };

static void
set_source (cairo_t     *cr,
            const SpRgb *c)
{
  cairo_set_source_rgb (cr, c->red, c->green, c->blue);
}

static void
show_text (cairo_t     *cr,
           PangoLayout *layout,
           double       x,
           double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* Cell texts repeat (there are at most 401 different means), so each is shaped once. */
static PangoLayout *
cell_text (SpMatrixLayout             *self,
           const PangoFontDescription *font,
           const char                 *text)
{
  g_autofree char *key = g_strdup_printf ("%c%s", font == self->mean_font ? 'm' : 'c', text);
  PangoLayout *layout = g_hash_table_lookup (self->cell_texts, key);

  if (layout == NULL)
    {
      layout = _sp_matrix_layout_make_text (self, font, text);
      g_hash_table_insert (self->cell_texts, g_steal_pointer (&key), layout);
    }

  return layout;
}

static void
draw_hatch (cairo_t                 *cr,
            const cairo_rectangle_t *rect)
{
  cairo_save (cr);
  cairo_rectangle (cr, rect->x, rect->y, rect->width, rect->height);
  cairo_clip (cr);

  set_source (cr, &hatch_color);
  cairo_set_line_width (cr, 1.0);
  for (double d = HATCH_SPACING; d < rect->width + rect->height; d += HATCH_SPACING)
    {
      cairo_move_to (cr, rect->x + d, rect->y);
      cairo_line_to (cr, rect->x + d - rect->height, rect->y + rect->height);
    }
  cairo_stroke (cr);

  cairo_restore (cr);
}

/* A right triangle in one top corner of @rect, its legs @size long */
static void
corner_path (cairo_t                 *cr,
             const cairo_rectangle_t *rect,
             double                   size,
             gboolean                 right)
{
  double x = right ? rect->x + rect->width : rect->x;
  double dx = right ? -size : size;

  cairo_move_to (cr, x, rect->y);
  cairo_line_to (cr, x + dx, rect->y);
  cairo_line_to (cr, x, rect->y + size);
  cairo_close_path (cr);
}

/**
 * _sp_matrix_layout_draw_marks:
 * @marks: the cell's #SpMatrixCellFlags
 *
 * Paints the marks of a cell over its fill: the window, the exports and the legend use it.
 */
void
_sp_matrix_layout_draw_marks (cairo_t                 *cr,
                              const cairo_rectangle_t *rect,
                              guint                    marks)
{
  double size = CLAMP (floor (MIN (rect->width, rect->height) * 0.4), 4, 12);

  if ((marks & (SP_MATRIX_CELL_DISAGREEMENT | SP_MATRIX_CELL_PENDING)) == 0)
    return;

  cairo_save (cr);
  cairo_rectangle (cr, rect->x, rect->y, rect->width, rect->height);
  cairo_clip (cr);
  for (guint i = 0; i < 2; i++)
    {
      guint mark = i == 0 ? SP_MATRIX_CELL_DISAGREEMENT : SP_MATRIX_CELL_PENDING;

      if ((marks & mark) == 0)
        continue;

      /* The edge: the same triangle one unit larger, in white */
      set_source (cr, &mark_edge_color);
      corner_path (cr, rect, size + 1.5, mark == SP_MATRIX_CELL_DISAGREEMENT);
      cairo_fill (cr);
      set_source (cr, mark == SP_MATRIX_CELL_DISAGREEMENT ? &disagreement_color : &pending_color);
      corner_path (cr, rect, size, mark == SP_MATRIX_CELL_DISAGREEMENT);
      cairo_fill (cr);
    }
  cairo_restore (cr);
}

static void
draw_cell (SpMatrixLayout *self,
           cairo_t        *cr,
           guint           row,
           guint           column)
{
  cairo_rectangle_t rect;
  SpRgb fill;
  SpRgb ink;
  char mean_text[SP_MATRIX_MEAN_TEXT_SIZE];
  char count_text[SP_MATRIX_COUNT_TEXT_SIZE];
  PangoLayout *mean_layout, *count_layout;
  SpMatrixCellInfo info;
  double mean;
  guint count;
  int mean_width, count_width;
  double top;

  _sp_matrix_layout_cell_rect (self, row, column, &rect);

  if (!sp_matrix_get_cell_info (self->matrix, row, column, &info))
    {
      set_source (cr, &empty_color);
      cairo_rectangle (cr, rect.x, rect.y, rect.width, rect.height);
      cairo_fill (cr);
      draw_hatch (cr, &rect);
      return;
    }
  mean = info.score;
  count = info.n_claims;

  sp_stance_color (mean, &fill);
  set_source (cr, &fill);
  cairo_rectangle (cr, rect.x, rect.y, rect.width, rect.height);
  cairo_fill (cr);

  sp_matrix_format_mean (mean, TRUE, mean_text);
  _sp_matrix_format_count (count, count_text);
  mean_layout = cell_text (self, self->mean_font, mean_text);
  count_layout = cell_text (self, self->count_font, count_text);
  _sp_matrix_text_measure (mean_layout, &mean_width, NULL);
  _sp_matrix_text_measure (count_layout, &count_width, NULL);

  sp_stance_text_color (&fill, &ink);
  top = rect.y + floor ((rect.height - self->mean_height - self->count_height) / 2.0);

  set_source (cr, &ink);
  show_text (cr, mean_layout, rect.x + floor ((rect.width - mean_width) / 2.0), top);
  cairo_set_source_rgba (cr, ink.red, ink.green, ink.blue, 0.85);
  show_text (cr, count_layout, rect.x + floor ((rect.width - count_width) / 2.0),
             top + self->mean_height);

  _sp_matrix_layout_draw_marks (cr, &rect, info.flags);
}

/* The hatch of draw_hatch() for many cells at once: each line is cut to its cell (inset by
 * half a pixel so that no line end reaches the grid) instead of clipping cell by cell, and
 * all of them go into one path. */
static void
add_hatch_path (cairo_t                 *cr,
                const cairo_rectangle_t *rect)
{
  double left = rect->x + 0.5;
  double top = rect->y + 0.5;
  double right = rect->x + rect->width - 0.5;
  double bottom = rect->y + rect->height - 0.5;

  for (double d = HATCH_SPACING; d < rect->width + rect->height; d += HATCH_SPACING)
    {
      double c = rect->x + rect->y + d;   /* the line x + y = c */
      double x_start = MIN (c - top, right);
      double x_end = MAX (c - bottom, left);

      if (x_start > x_end)
        {
          cairo_move_to (cr, x_start, c - x_start);
          cairo_line_to (cr, x_end, c - x_end);
        }
    }
}

/* A heat map has thousands of cells: no text, and the empty cells filled and hatched all
 * in one go. */
static void
draw_compact_cells (SpMatrixLayout *self,
                    cairo_t        *cr,
                    guint           first_row,
                    guint           last_row,
                    guint           first_column,
                    guint           last_column)
{
  gboolean any_empty = FALSE;

  for (guint r = first_row; r < last_row; r++)
    for (guint c = first_column; c < last_column; c++)
      {
        cairo_rectangle_t rect;
        SpMatrixCellInfo info;
        SpRgb fill;

        if (!sp_matrix_get_cell_info (self->matrix, r, c, &info))
          {
            any_empty = TRUE;
            continue;
          }

        _sp_matrix_layout_cell_rect (self, r, c, &rect);
        sp_stance_color (info.score, &fill);
        set_source (cr, &fill);
        cairo_rectangle (cr, rect.x, rect.y, rect.width, rect.height);
        cairo_fill (cr);
        _sp_matrix_layout_draw_marks (cr, &rect, info.flags);
      }

  if (!any_empty)
    return;

  for (guint r = first_row; r < last_row; r++)
    for (guint c = first_column; c < last_column; c++)
      if (!sp_matrix_get_cell (self->matrix, r, c, NULL, NULL))
        {
          cairo_rectangle_t rect;

          _sp_matrix_layout_cell_rect (self, r, c, &rect);
          cairo_rectangle (cr, rect.x, rect.y, rect.width, rect.height);
        }
  set_source (cr, &empty_color);
  cairo_fill (cr);

  for (guint r = first_row; r < last_row; r++)
    for (guint c = first_column; c < last_column; c++)
      if (!sp_matrix_get_cell (self->matrix, r, c, NULL, NULL))
        {
          cairo_rectangle_t rect;

          _sp_matrix_layout_cell_rect (self, r, c, &rect);
          add_hatch_path (cr, &rect);
        }
  set_source (cr, &hatch_color);
  cairo_set_line_width (cr, 1.0);
  cairo_stroke (cr);
}

static void
draw_headers (SpMatrixLayout *self,
              cairo_t        *cr,
              double          clip_x1,
              double          clip_x2)
{
  int corner_width, corner_height;
  guint n_columns, first, last;
  double reach;

  _sp_matrix_text_measure (self->corner, &corner_width, &corner_height);
  set_source (cr, &secondary_text_color);
  show_text (cr, self->corner, self->grid_x - LABEL_GAP - corner_width,
             self->grid_y - LABEL_GAP / 2 - corner_height);

  /* No label reaches further sideways than the header is high, or than its column is wide:
   * only the columns near the clip are looked at, however many there are. */
  reach = MAX (self->grid_y, self->column_width);
  n_columns = self->column_labels->len;
  first = (guint)CLAMP (floor ((clip_x1 - reach - self->grid_x) / self->column_width) - 1, 0, n_columns);
  last = (guint)CLAMP (ceil ((clip_x2 + reach - self->grid_x) / self->column_width) + 1, 0, n_columns);

  set_source (cr, &text_color);
  for (guint c = first; c < last; c++)
    {
      PangoLayout *layout = g_ptr_array_index (self->column_labels, c);
      double x = self->grid_x + self->gap / 2.0 + (c + 0.5) * self->column_width;
      int width, height;

      _sp_matrix_text_measure (layout, &width, &height);

      if (self->compact)
        {
          cairo_matrix_t upright;

          /* Upright, reading upwards from the grid, centred on the column: an exact
           * quarter turn (cairo_rotate() leaves a cosine of 6e-17) */
          if (x + height < clip_x1 || x - height > clip_x2)
            continue;

          cairo_save (cr);
          cairo_matrix_init (&upright, 0, -1, 1, 0, x, self->grid_y - LABEL_GAP / 2);
          cairo_transform (cr, &upright);
          show_text (cr, layout, 0, -height / 2.0);
          cairo_restore (cr);
        }
      else if (!self->rotated)
        {
          double left = self->grid_x + self->gap + c * self->column_width;

          if (left > clip_x2 || left + self->column_width < clip_x1)
            continue;

          /* Centred across the cell (the layout centres its lines in its width), standing
           * on the grid */
          show_text (cr, layout, x - pango_layout_get_width (layout) / (2.0 * PANGO_SCALE),
                     self->grid_y - LABEL_GAP / 2 - height);
        }
      else
        {
          double anchor_y = self->grid_y - LABEL_GAP / 2 - height / 2.0 * G_SQRT2 / 2.0;

          if (x - height > clip_x2 || x + MAX_ROTATED_WIDTH + height < clip_x1)
            continue;

          cairo_save (cr);
          cairo_translate (cr, x, anchor_y);
          cairo_rotate (cr, -G_PI / 4.0);
          show_text (cr, layout, 0, -height / 2.0);
          cairo_restore (cr);
        }
    }
}

static void
draw_legend (SpMatrixLayout *self,
             cairo_t        *cr)
{
  set_source (cr, &text_color);
  show_text (cr, self->legend_title, MARGIN, self->legend_y);

  for (guint i = 0; i < self->legend_items->len; i++)
    {
      SpLegendItem *item = &g_array_index (self->legend_items, SpLegendItem, i);
      cairo_rectangle_t swatch = { item->x, item->y, SWATCH_WIDTH, SWATCH_HEIGHT };
      int height;

      set_source (cr, &grid_color);
      cairo_rectangle (cr, swatch.x - 1, swatch.y - 1, swatch.width + 2, swatch.height + 2);
      cairo_fill (cr);

      if (item->marks != 0)
        {
          set_source (cr, &empty_color);
          cairo_rectangle (cr, swatch.x, swatch.y, swatch.width, swatch.height);
          cairo_fill (cr);
          _sp_matrix_layout_draw_marks (cr, &swatch, item->marks);
        }
      else if (isnan (item->stance))
        {
          set_source (cr, &empty_color);
          cairo_rectangle (cr, swatch.x, swatch.y, swatch.width, swatch.height);
          cairo_fill (cr);
          draw_hatch (cr, &swatch);
        }
      else
        {
          SpRgb fill;

          sp_stance_color (item->stance, &fill);
          set_source (cr, &fill);
          cairo_rectangle (cr, swatch.x, swatch.y, swatch.width, swatch.height);
          cairo_fill (cr);
        }

      _sp_matrix_text_measure (item->text, NULL, &height);
      set_source (cr, &text_color);
      show_text (cr, item->text, item->x + SWATCH_WIDTH + SWATCH_TEXT_GAP,
                 item->y + (SWATCH_HEIGHT - height) / 2.0);
    }

  set_source (cr, &secondary_text_color);
  show_text (cr, self->legend_note, MARGIN, self->legend_note_y);
}

/**
 * sp_matrix_layout_draw:
 * @cr: a cairo context in layout units: scale it for a larger image
 *
 * Draws the whole chart on its own opaque background, skipping what lies outside the
 * current clip, so a view can draw just what is visible.
 */
void
sp_matrix_layout_draw (SpMatrixLayout *self,
                       cairo_t        *cr)
{
  guint n_rows, n_columns;
  double x1, y1, x2, y2;
  guint first_row, last_row, first_column, last_column;

  g_return_if_fail (SP_IS_MATRIX_LAYOUT (self));
  g_return_if_fail (cr != NULL);

  n_rows = sp_matrix_get_n_rows (self->matrix);
  n_columns = sp_matrix_get_n_columns (self->matrix);

  cairo_save (cr);
  cairo_clip_extents (cr, &x1, &y1, &x2, &y2);

  /* The background covers the whole clip, a sliver past the chart included, so that
   * nothing from before shows through; at fractional scales cell edges blend into it. */
  set_source (cr, &background_color);
  cairo_paint (cr);

  if (self->caption_info != NULL && y1 < self->grid_y)
    {
      set_source (cr, &text_color);
      if (self->caption_title != NULL)
        show_text (cr, self->caption_title, MARGIN, MARGIN);
      set_source (cr, &secondary_text_color);
      show_text (cr, self->caption_info, MARGIN, self->caption_info_y);
    }

  if (self->empty_message != NULL)
    {
      set_source (cr, &secondary_text_color);
      show_text (cr, self->empty_message, self->grid_x, self->grid_y);
      draw_legend (self, cr);
      cairo_restore (cr);
      return;
    }

  if (y1 < self->grid_y)
    draw_headers (self, cr, x1, x2);

  /* Rows and columns that reach into the clip */
  first_row = (guint)CLAMP (floor ((y1 - self->grid_y) / self->row_height), 0, n_rows);
  last_row = (guint)CLAMP (ceil ((y2 - self->grid_y) / self->row_height), 0, n_rows);
  first_column = (guint)CLAMP (floor ((x1 - self->grid_x) / self->column_width), 0, n_columns);
  last_column = (guint)CLAMP (ceil ((x2 - self->grid_x) / self->column_width), 0, n_columns);

  /* Row labels end LABEL_GAP before the grid */
  set_source (cr, &text_color);
  for (guint r = first_row; x1 < self->grid_x && r < last_row; r++)
    {
      PangoLayout *layout = g_ptr_array_index (self->row_labels, r);
      cairo_rectangle_t rect;
      int height;

      _sp_matrix_layout_cell_rect (self, r, 0, &rect);
      _sp_matrix_text_measure (layout, NULL, &height);
      show_text (cr, layout, MARGIN, rect.y + floor ((rect.height - height) / 2.0));
    }

  /* Grid lines rather than a grid-sized rectangle under the cells: the cells would paint
   * most of it again, and charts run to tens of millions of pixels. */
  set_source (cr, &grid_color);
  for (guint r = first_row; r <= last_row; r++)
    cairo_rectangle (cr, self->grid_x, self->grid_y + r * self->row_height,
                     n_columns * self->column_width + self->gap, self->gap);
  for (guint c = first_column; c <= last_column; c++)
    cairo_rectangle (cr, self->grid_x + c * self->column_width, self->grid_y,
                     self->gap, n_rows * self->row_height + self->gap);
  cairo_fill (cr);

  if (self->compact)
    draw_compact_cells (self, cr, first_row, last_row, first_column, last_column);
  else
    for (guint r = first_row; r < last_row; r++)
      for (guint c = first_column; c < last_column; c++)
        draw_cell (self, cr, r, c);

  if (y2 > self->legend_y)
    draw_legend (self, cr);

  cairo_restore (cr);
}
