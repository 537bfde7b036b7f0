/* sp-matrix-widget.c
 *
 * The matrix scrolls itself (GtkScrollable) so that its headers can stay in view: the issue
 * labels above the grid stay at the top and the actor names stay at the left while the cells
 * move under them.
 *
 * The chart is drawn by the core renderer into images, tiles of TILE_SIZE layout units, each
 * kept as a render node (a texture, or for the cairo renderer a cairo node that paints the
 * image) until the matrix, the fonts or the scale change: a scroll step or a hover moves
 * pixels the renderer already has and draws only the light layer on top (hover outline, focus
 * ring, the highlighted headers). Tiles start at whole pixels, so text crossing a tile edge
 * lands on the same pixels in both tiles. Tiles are drawn when they come into view, and those
 * near the view in idle time, up to a memory budget.
 *
 * Every pixel of the view is drawn once in a frame: the scrolled cells, the names and labels
 * that stay in view and their corner each show their own part of the tiles, clipped to it.
 *
 * The widget takes focus and moves a current cell by keyboard; each move updates the accessible
 * description with what the cell holds, so a screen reader says it.
 */
#define G_LOG_DOMAIN "sp-matrix-widget"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "sp-matrix-layout.h"
#include "sp-matrix-widget-private.h"

G_DEFINE_FINAL_TYPE_WITH_CODE (SpMatrixWidget, sp_matrix_widget, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

enum {
  PROP_0,
  PROP_HADJUSTMENT,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
  N_PROPS
};

enum {
  CELL_ACTIVATED,
  CELL_HOVERED,
  ROW_HEADER_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Geometry */

double
_sp_matrix_widget_scroll_x (SpMatrixWidget *self)
{
  return self->adjustments[0] ? round (gtk_adjustment_get_value (self->adjustments[0])) : 0;
}

double
_sp_matrix_widget_scroll_y (SpMatrixWidget *self)
{
  return self->adjustments[1] ? round (gtk_adjustment_get_value (self->adjustments[1])) : 0;
}

/* Where the chart's origin is in the widget: centred across when narrower, at the top */
static int
origin_x (SpMatrixWidget *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  return width > self->width ? (width - self->width) / 2 : 0;
}

static void
rebuild_layout (SpMatrixWidget *self)
{
  cairo_rectangle_t first, last;

  g_clear_object (&self->layout);
  _sp_matrix_widget_drop_tiles (self);
  self->width = self->height = 0;
  self->label_width = self->header_height = self->grid_bottom = 0;

  if (self->matrix != NULL)
    {
      self->layout = sp_matrix_layout_new (self->matrix, gtk_widget_get_pango_context (GTK_WIDGET (self)));
      sp_matrix_layout_get_size (self->layout, &self->width, &self->height);

      /* The labels end where the first cell begins; the grid line above it goes with the
       * headers, as an edge under them */
      if (sp_matrix_layout_get_cell_rect (self->layout, 0, 0, &first))
        {
          self->label_width = (int)floor (first.x);
          self->header_height = (int)floor (first.y);
        }
      if (sp_matrix_layout_get_cell_rect (self->layout, sp_matrix_get_n_rows (self->matrix) - 1, 0, &last))
        self->grid_bottom = (int)ceil (last.y + last.height) + 1;
    }

  if (self->matrix == NULL ||
      self->focus_row >= sp_matrix_get_n_rows (self->matrix) ||
      self->focus_column >= sp_matrix_get_n_columns (self->matrix))
    self->focus_row = self->focus_column = 0;

  gtk_widget_queue_resize (GTK_WIDGET (self));
  _sp_matrix_widget_announce (self);
}

gboolean
_sp_matrix_widget_content_rect (SpMatrixWidget    *self,
                                guint              row,
                                guint              column,
                                cairo_rectangle_t *rect)
{
  return self->layout != NULL && sp_matrix_layout_get_cell_rect (self->layout, row, column, rect);
}

/* From the widget's coordinates to the chart's, through the headers that stay in place */
static void
widget_to_content (SpMatrixWidget *self,
                   double          x,
                   double          y,
                   double         *cx,
                   double         *cy,
                   gboolean       *in_row_header,
                   gboolean       *in_column_header)
{
  double px = x - origin_x (self);

  *in_row_header = px < self->label_width;
  *in_column_header = y < self->header_height;
  *cx = *in_row_header ? px : px + _sp_matrix_widget_scroll_x (self);
  *cy = *in_column_header ? y : y + _sp_matrix_widget_scroll_y (self);
}

static gboolean
hit_cell (SpMatrixWidget *self,
          double          x,
          double          y,
          guint          *row,
          guint          *column)
{
  double cx, cy;
  gboolean row_header, column_header;

  if (self->layout == NULL)
    return FALSE;

  widget_to_content (self, x, y, &cx, &cy, &row_header, &column_header);
  if (row_header || column_header)
    return FALSE;

  return sp_matrix_layout_hit_test (self->layout, cx, cy, row, column);
}

/* A row header at (x, y): the name left of a row */
static gboolean
hit_row_header (SpMatrixWidget *self,
                double          x,
                double          y,
                guint          *row)
{
  double cx, cy;
  gboolean row_header, column_header;
  guint column;

  if (self->layout == NULL)
    return FALSE;

  widget_to_content (self, x, y, &cx, &cy, &row_header, &column_header);
  if (!row_header || column_header)
    return FALSE;

  /* The row's first cell shares its y */
  return sp_matrix_layout_hit_test (self->layout, self->label_width + 4, cy, row, &column);
}

/* GtkWidget */

static void
sp_matrix_widget_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  SpMatrixWidget *self = SP_MATRIX_WIDGET (widget);

  /* Scrolls when it does not fit: it asks only for the headers' corner */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN (self->width, self->label_width + 48);
      *natural = self->width;
    }
  else
    {
      *minimum = MIN (self->height, self->header_height + 48);
      *natural = self->height;
    }
}

static void
configure_adjustment (GtkAdjustment *adjustment,
                      int            content,
                      int            page)
{
  double upper = MAX (content, page);
  double value = CLAMP (gtk_adjustment_get_value (adjustment), 0, upper - page);

  gtk_adjustment_configure (adjustment, value, 0, upper, page * 0.1, page * 0.9, page);
}

static void
sp_matrix_widget_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  SpMatrixWidget *self = SP_MATRIX_WIDGET (widget);

  if (self->adjustments[0] != NULL)
    configure_adjustment (self->adjustments[0], self->width, width);
  if (self->adjustments[1] != NULL)
    configure_adjustment (self->adjustments[1], self->height, height);

  _sp_matrix_widget_schedule_prefetch (self);
}

static void
append_outline (GtkSnapshot           *snapshot,
                const graphene_rect_t *rect,
                const GdkRGBA         *color,
                float                  width)
{
  GskRoundedRect outline;
  float widths[4] = { width, width, width, width };
  GdkRGBA colors[4] = { *color, *color, *color, *color };

  gsk_rounded_rect_init_from_rect (&outline, (graphene_rect_t *)rect, 0);
  gtk_snapshot_append_border (snapshot, &outline, widths, colors);
}

/* The light layer: the pointed-at and the current cell, and their row and column headers
 * tinted so that the eye finds the names of a cell far from them */
static void
snapshot_marks (SpMatrixWidget *self,
                GtkSnapshot    *snapshot,
                int             width,
                int             height,
                double          sx,
                double          sy)
{
  static const GdkRGBA tint = { 0.21, 0.52, 0.89, 0.16 };
  static const GdkRGBA hover_color = { 0.1, 0.1, 0.1, 0.55 };
  static const GdkRGBA focus_color = { 0.21, 0.52, 0.89, 1.0 };
  gboolean has_focus = gtk_widget_has_focus (GTK_WIDGET (self));
  struct { gboolean on; guint row; guint column; } marks[2] = {
    { self->hovering, self->hover_row, self->hover_column },
    { has_focus, self->focus_row, self->focus_column },
  };

  /* Cells that changed sign: a dark frame inside the cell, over any colour */
  if (self->marked != NULL && self->marked->len > 0)
    {
      static const GdkRGBA changed_color = { 0.45, 0.05, 0.55, 1.0 };
      double top = sy > 0 ? self->header_height : 0;
      double left = sx > 0 ? self->label_width : 0;

      gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (left, top, width, height));
      for (guint i = 0; i < self->marked->len; i++)
        {
          SpMatrixChange *change = &g_array_index (self->marked, SpMatrixChange, i);
          cairo_rectangle_t cell;

          if (!_sp_matrix_widget_content_rect (self, change->row, change->column, &cell) ||
              cell.x - sx > width || cell.y - sy > height || cell.x + cell.width < sx || cell.y + cell.height < sy)
            continue;
          append_outline (snapshot, &GRAPHENE_RECT_INIT (cell.x - sx, cell.y - sy, cell.width, cell.height),
                          &changed_color, 3);
        }
      gtk_snapshot_pop (snapshot);
    }

  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    {
      cairo_rectangle_t cell;

      if (!marks[i].on || !_sp_matrix_widget_content_rect (self, marks[i].row, marks[i].column, &cell))
        continue;

      /* Headers, where they stay; a row gone under the issue labels tints no name */
      gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, sy > 0 ? self->header_height : 0, self->label_width, height));
      gtk_snapshot_append_color (snapshot, &tint,
                                 &GRAPHENE_RECT_INIT (0, cell.y - sy, self->label_width, cell.height));
      gtk_snapshot_pop (snapshot);
      gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (sx > 0 ? self->label_width : 0, 0, width, self->header_height));
      gtk_snapshot_append_color (snapshot, &tint,
                                 &GRAPHENE_RECT_INIT (cell.x - sx, 0, cell.width, self->header_height));
      gtk_snapshot_pop (snapshot);

      /* The cell, where it shows between the headers */
      gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (sx > 0 ? self->label_width : 0,
                                                             sy > 0 ? self->header_height : 0,
                                                             width, height));
      if (i == 0)
        append_outline (snapshot, &GRAPHENE_RECT_INIT (cell.x - sx, cell.y - sy, cell.width, cell.height),
                        &hover_color, 2);
      else
        append_outline (snapshot, &GRAPHENE_RECT_INIT (cell.x - sx - 2, cell.y - sy - 2, cell.width + 4, cell.height + 4),
                        &focus_color, 3);
      gtk_snapshot_pop (snapshot);
    }
}

/* Shows the chart scrolled by @dx, @dy in @rect of the widget: the kept tiles that reach
 * into it, clipped to it */
static void
append_layer (SpMatrixWidget        *self,
              GtkSnapshot           *snapshot,
              const graphene_rect_t *rect,
              double                 dx,
              double                 dy)
{
  if (rect->size.width <= 0 || rect->size.height <= 0)
    return;

  gtk_snapshot_push_clip (snapshot, rect);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (-dx, -dy));
  _sp_matrix_widget_append_tiles (self, snapshot,
                                  &GRAPHENE_RECT_INIT (rect->origin.x + dx, rect->origin.y + dy,
                                                       rect->size.width, rect->size.height));
  gtk_snapshot_restore (snapshot);
  gtk_snapshot_pop (snapshot);
}

static void
sp_matrix_widget_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  SpMatrixWidget *self = SP_MATRIX_WIDGET (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double sx = _sp_matrix_widget_scroll_x (self);
  double sy = _sp_matrix_widget_scroll_y (self);
  int ox = origin_x (self);
  /* Where the scrolled cells show: the headers that stay in view cover the rest */
  int x0 = sx > 0 ? self->label_width : 0;
  int y0 = sy > 0 ? self->header_height : 0;
  gint64 start = g_get_monotonic_time ();

  if (self->layout == NULL || self->width == 0 || self->height == 0)
    return;

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (ox, 0));

  /* Each pixel is drawn once: the cells, scrolled, where no header covers them */
  append_layer (self, snapshot, &GRAPHENE_RECT_INIT (x0, y0, width - x0, height - y0), sx, sy);

  if (sx > 0)
    {
      /* The actor names, scrolled down only, as far as the grid goes; under it the legend
       * scrolls away with the cells */
      int names_bottom = MAX (self->header_height, MIN (height, self->grid_bottom - (int)sy));

      append_layer (self, snapshot,
                    &GRAPHENE_RECT_INIT (0, self->header_height, self->label_width, names_bottom - self->header_height),
                    0, sy);
      append_layer (self, snapshot,
                    &GRAPHENE_RECT_INIT (0, MAX (y0, names_bottom), self->label_width, height - MAX (y0, names_bottom)),
                    sx, sy);
    }

  /* The issue labels, scrolled across only */
  if (sy > 0)
    append_layer (self, snapshot,
                  &GRAPHENE_RECT_INIT (self->label_width, 0, width - self->label_width, self->header_height),
                  sx, 0);

  /* Their corner, fixed */
  if (sx > 0 || sy > 0)
    {
      static const GdkRGBA edge = { 0, 0, 0, 0.18 };

      append_layer (self, snapshot, &GRAPHENE_RECT_INIT (0, 0, self->label_width, self->header_height), 0, 0);

      /* An edge where the cells pass under the headers */
      if (sy > 0)
        gtk_snapshot_append_color (snapshot, &edge, &GRAPHENE_RECT_INIT (0, self->header_height, MIN (width, self->width), 1));
      if (sx > 0)
        gtk_snapshot_append_color (snapshot, &edge, &GRAPHENE_RECT_INIT (self->label_width, 0, 1, MIN (height, self->grid_bottom - sy)));
    }

  snapshot_marks (self, snapshot, width - ox, height, sx, sy);

  gtk_snapshot_restore (snapshot);
  gtk_snapshot_pop (snapshot);

  _sp_matrix_widget_trim_tiles (self);
  _sp_matrix_widget_schedule_prefetch (self);
  self->last_snapshot_usec = g_get_monotonic_time () - start;
}

static void
adjustment_changed_cb (SpMatrixWidget *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (SpMatrixWidget *self,
                guint           i,
                GtkAdjustment  *adjustment)
{
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);

  if (self->adjustments[i] == adjustment)
    return;

  if (self->adjustments[i] != NULL)
    g_signal_handlers_disconnect_by_data (self->adjustments[i], self);
  g_set_object (&self->adjustments[i], g_object_ref_sink (adjustment));
  g_object_unref (adjustment);
  g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (adjustment_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* Pointer */

static void
motion_cb (SpMatrixWidget           *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *motion)
{
  guint row, column;
  gboolean hit = hit_cell (self, x, y, &row, &column);
  gboolean on_header = !hit && hit_row_header (self, x, y, &row);

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), hit || on_header ? "pointer" : NULL);

  if (hit == self->hovering && (!hit || (row == self->hover_row && column == self->hover_column)))
    return;

  self->hovering = hit;
  self->hover_row = hit ? row : 0;
  self->hover_column = hit ? column : 0;
  g_signal_emit (self, signals[CELL_HOVERED], 0, hit ? (int)row : -1, hit ? (int)column : -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
leave_cb (SpMatrixWidget *self)
{
  if (!self->hovering)
    return;

  self->hovering = FALSE;
  g_signal_emit (self, signals[CELL_HOVERED], 0, -1, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
pressed_cb (SpMatrixWidget  *self,
            int              n_press,
            double           x,
            double           y,
            GtkGestureClick *click)
{
  guint row, column;

  if (hit_cell (self, x, y, &row, &column))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self));
      sp_matrix_widget_set_focus_cell (self, row, column);
      g_signal_emit (self, signals[CELL_ACTIVATED], 0, row, column);
    }
  else if (hit_row_header (self, x, y, &row))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self));
      g_signal_emit (self, signals[ROW_HEADER_ACTIVATED], 0, row);
    }
}

static void
focus_changed_cb (SpMatrixWidget *self)
{
  if (gtk_widget_has_focus (GTK_WIDGET (self)))
    {
      _sp_matrix_widget_scroll_to_focus (self);
      _sp_matrix_widget_announce (self);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
sp_matrix_widget_system_setting_changed (GtkWidget        *widget,
                                         GtkSystemSetting  setting)
{
  GTK_WIDGET_CLASS (sp_matrix_widget_parent_class)->system_setting_changed (widget, setting);

  /* The layout measured its text with the old font or resolution */
  if (SP_MATRIX_WIDGET (widget)->matrix != NULL)
    rebuild_layout (SP_MATRIX_WIDGET (widget));
}

/* Another window, perhaps another renderer: tiles are made for one */
static void
sp_matrix_widget_realize (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (sp_matrix_widget_parent_class)->realize (widget);
  _sp_matrix_widget_drop_tiles (SP_MATRIX_WIDGET (widget));
}

static void
scale_changed_cb (SpMatrixWidget *self)
{
  _sp_matrix_widget_drop_tiles (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* GObject */

static void
sp_matrix_widget_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SpMatrixWidget *self = SP_MATRIX_WIDGET (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->adjustments[0]);
      break;

    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->adjustments[1]);
      break;

    case PROP_HSCROLL_POLICY:
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, GTK_SCROLL_MINIMUM);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_matrix_widget_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SpMatrixWidget *self = SP_MATRIX_WIDGET (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      set_adjustment (self, 0, g_value_get_object (value));
      break;

    case PROP_VADJUSTMENT:
      set_adjustment (self, 1, g_value_get_object (value));
      break;

    case PROP_HSCROLL_POLICY:
    case PROP_VSCROLL_POLICY:
      /* Always the minimum: the headers' corner, and the rest scrolls */
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_matrix_widget_dispose (GObject *object)
{
  SpMatrixWidget *self = (SpMatrixWidget *)object;

  for (guint i = 0; i < G_N_ELEMENTS (self->adjustments); i++)
    {
      if (self->adjustments[i] != NULL)
        g_signal_handlers_disconnect_by_data (self->adjustments[i], self);
      g_clear_object (&self->adjustments[i]);
    }
  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_clear_pointer (&self->tiles, g_hash_table_unref);
  g_clear_pointer (&self->marked, g_array_unref);
  g_clear_object (&self->layout);
  g_clear_pointer (&self->matrix, sp_matrix_unref);

  G_OBJECT_CLASS (sp_matrix_widget_parent_class)->dispose (object);
}

static void
sp_matrix_widget_class_init (SpMatrixWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_matrix_widget_dispose;
  object_class->get_property = sp_matrix_widget_get_property;
  object_class->set_property = sp_matrix_widget_set_property;

  widget_class->measure = sp_matrix_widget_measure;
  widget_class->size_allocate = sp_matrix_widget_size_allocate;
  widget_class->snapshot = sp_matrix_widget_snapshot;
  widget_class->system_setting_changed = sp_matrix_widget_system_setting_changed;
  widget_class->realize = sp_matrix_widget_realize;

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /**
   * SpMatrixWidget::cell-activated:
   * @row: the matrix row
   * @column: the matrix column
   *
   * A click on a cell, or Enter on the current cell.
   */
  signals[CELL_ACTIVATED] =
    g_signal_new ("cell-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  /**
   * SpMatrixWidget::cell-hovered:
   * @row: the matrix row under the pointer, or -1 when it left the cells
   * @column: the matrix column, or -1
   */
  signals[CELL_HOVERED] =
    g_signal_new ("cell-hovered",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_INT);

  /**
   * SpMatrixWidget::row-header-activated:
   * @row: the matrix row whose name was clicked (or the current row, by keyboard)
   */
  signals[ROW_HEADER_ACTIVATED] =
    g_signal_new ("row-header-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  _sp_matrix_widget_class_add_keys (widget_class);

  gtk_widget_class_set_css_name (widget_class, "matrix");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
sp_matrix_widget_init (SpMatrixWidget *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  self->tiles = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)gsk_render_node_unref);
  set_adjustment (self, 0, NULL);
  set_adjustment (self, 1, NULL);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  g_signal_connect_object (motion, "motion", G_CALLBACK (motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (motion, "leave", G_CALLBACK (leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  g_signal_connect_object (focus, "enter", G_CALLBACK (focus_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (focus, "leave", G_CALLBACK (focus_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);

  g_signal_connect_object (click, "pressed", G_CALLBACK (pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (scale_changed_cb), NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Position matrix"),
                                  -1);
}

GtkWidget *
sp_matrix_widget_new (void)
{
  return g_object_new (SP_TYPE_MATRIX_WIDGET, NULL);
}

void
sp_matrix_widget_set_matrix (SpMatrixWidget *self,
                             SpMatrix       *matrix)
{
  g_return_if_fail (SP_IS_MATRIX_WIDGET (self));

  if (self->matrix == matrix)
    return;

  g_clear_pointer (&self->matrix, sp_matrix_unref);
  self->matrix = matrix ? sp_matrix_ref (matrix) : NULL;
  self->hovering = FALSE;

  rebuild_layout (self);
}

/* Returns: (transfer none) (nullable) */
SpMatrix *
sp_matrix_widget_get_matrix (SpMatrixWidget *self)
{
  g_return_val_if_fail (SP_IS_MATRIX_WIDGET (self), NULL);
  return self->matrix;
}

/**
 * sp_matrix_widget_get_cell_rect:
 *
 * Where a cell is drawn now, in the widget's coordinates (after scrolling): it may lie
 * outside the widget, or under the headers that stay in view.
 */
gboolean
sp_matrix_widget_get_cell_rect (SpMatrixWidget  *self,
                                guint            row,
                                guint            column,
                                graphene_rect_t *rect)
{
  cairo_rectangle_t cell;

  g_return_val_if_fail (SP_IS_MATRIX_WIDGET (self), FALSE);

  if (!_sp_matrix_widget_content_rect (self, row, column, &cell))
    return FALSE;

  graphene_rect_init (rect, cell.x - _sp_matrix_widget_scroll_x (self) + origin_x (self),
                      cell.y - _sp_matrix_widget_scroll_y (self), cell.width, cell.height);
  return TRUE;
}

/**
 * sp_matrix_widget_get_header_size:
 *
 * The width of the actor names and the height of the issue labels, which stay in view while
 * the cells scroll.
 */
void
sp_matrix_widget_get_header_size (SpMatrixWidget *self,
                                  int            *label_width,
                                  int            *header_height)
{
  g_return_if_fail (SP_IS_MATRIX_WIDGET (self));

  if (label_width != NULL)
    *label_width = self->label_width;
  if (header_height != NULL)
    *header_height = self->header_height;
}

/* Returns: how long the last frame's snapshot took, in microseconds (for measuring) */
gint64
sp_matrix_widget_get_last_snapshot_time (SpMatrixWidget *self)
{
  g_return_val_if_fail (SP_IS_MATRIX_WIDGET (self), 0);
  return self->last_snapshot_usec;
}

/**
 * sp_matrix_widget_set_marked_cells:
 * @changes: (nullable) (element-type SpMatrixChange): cells to mark as changed, indexed in
 *   the widget's matrix (sp_matrix_compute_changes())
 */
void
sp_matrix_widget_set_marked_cells (SpMatrixWidget *self,
                                   GArray         *changes)
{
  g_return_if_fail (SP_IS_MATRIX_WIDGET (self));

  g_clear_pointer (&self->marked, g_array_unref);
  if (changes != NULL)
    self->marked = g_array_ref (changes);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Returns: how many cells are marked as changed */
guint
sp_matrix_widget_get_n_marked_cells (SpMatrixWidget *self)
{
  g_return_val_if_fail (SP_IS_MATRIX_WIDGET (self), 0);
  return self->marked ? self->marked->len : 0;
}
