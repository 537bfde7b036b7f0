/* sp-matrix-widget.c
 *
 * Only the part of the matrix inside the scrolled window's view is drawn, as one render node
 * kept until the view scrolls or the matrix changes: a large matrix is megapixels, which
 * must not be painted in one frame, while the visible part takes a few milliseconds. (Tiles
 * would show seams: text crossing a tile edge lands a fraction of a pixel apart in the two
 * tiles.) Hovering draws a light outline on top of the kept node and reports the cell, so
 * that the view can say its mean and count, which a large matrix, drawn compact, does not
 * write in its cells.
 */
#define G_LOG_DOMAIN "sp-matrix-widget"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-matrix-layout.h"
#include "sp-matrix-widget.h"

struct _SpMatrixWidget
{
  GtkWidget       parent_instance;

  SpMatrix       *matrix;
  SpMatrixLayout *layout;
  GskRenderNode  *shown;          /* the drawing of shown_area */
  graphene_rect_t shown_area;
  GtkAdjustment  *adjustments[2]; /* of the viewport we scroll in, to redraw what comes into view */
  int             width;
  int             height;
  guint           hover_row;
  guint           hover_column;
  gboolean        hovering;
};

enum {
  CELL_ACTIVATED,
  CELL_HOVERED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (SpMatrixWidget, sp_matrix_widget, GTK_TYPE_WIDGET)

static guint signals[N_SIGNALS];

static void
rebuild_layout (SpMatrixWidget *self)
{
  g_clear_object (&self->layout);
  g_clear_pointer (&self->shown, gsk_render_node_unref);
  self->width = self->height = 0;

  if (self->matrix != NULL)
    {
      self->layout = sp_matrix_layout_new (self->matrix, gtk_widget_get_pango_context (GTK_WIDGET (self)));
      sp_matrix_layout_get_size (self->layout, &self->width, &self->height);
    }

  gtk_widget_queue_resize (GTK_WIDGET (self));
}

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

  *minimum = *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? self->width : self->height;
}

/* The part of the widget the scrolled window shows, in the widget's coordinates, widened to
 * whole pixels */
static void
get_visible_area (SpMatrixWidget  *self,
                  graphene_rect_t *visible)
{
  GtkWidget *viewport = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_VIEWPORT);
  graphene_rect_t all = GRAPHENE_RECT_INIT (0, 0, self->width, self->height);
  graphene_rect_t shown;
  float x1, y1, x2, y2;

  if (viewport == NULL || !gtk_widget_compute_bounds (viewport, GTK_WIDGET (self), &shown) ||
      !graphene_rect_intersection (&shown, &all, visible))
    *visible = all;

  x1 = floorf (visible->origin.x);
  y1 = floorf (visible->origin.y);
  x2 = ceilf (visible->origin.x + visible->size.width);
  y2 = ceilf (visible->origin.y + visible->size.height);
  graphene_rect_init (visible, x1, y1, x2 - x1, y2 - y1);
}

static void
sp_matrix_widget_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  SpMatrixWidget *self = SP_MATRIX_WIDGET (widget);
  graphene_rect_t visible;
  cairo_rectangle_t cell;

  if (self->layout == NULL || self->width == 0 || self->height == 0)
    return;

  get_visible_area (self, &visible);

  if (self->shown == NULL || !graphene_rect_equal (&visible, &self->shown_area))
    {
      GtkSnapshot *drawing = gtk_snapshot_new ();
      cairo_t *cr;

      /* The renderer draws only what lies inside the cairo clip: the visible area */
      cr = gtk_snapshot_append_cairo (drawing, &visible);
      sp_matrix_layout_draw (self->layout, cr);
      cairo_destroy (cr);

      g_clear_pointer (&self->shown, gsk_render_node_unref);
      self->shown = gtk_snapshot_free_to_node (drawing);
      self->shown_area = visible;
    }

  if (self->shown != NULL)
    gtk_snapshot_append_node (snapshot, self->shown);

  if (self->hovering &&
      sp_matrix_layout_get_cell_rect (self->layout, self->hover_row, self->hover_column, &cell))
    {
      GskRoundedRect outline;
      GdkRGBA color = { 0.1, 0.1, 0.1, 0.55 };
      float widths[4] = { 2, 2, 2, 2 };
      GdkRGBA colors[4] = { color, color, color, color };

      gsk_rounded_rect_init_from_rect (&outline,
                                       &GRAPHENE_RECT_INIT (cell.x, cell.y, cell.width, cell.height), 0);
      gtk_snapshot_append_border (snapshot, &outline, widths, colors);
    }
}

/* Scrolling moves the widget without redrawing it: redraw, so that what comes into view is
 * drawn */
static void
watch_adjustments (SpMatrixWidget *self)
{
  GtkWidget *viewport = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_VIEWPORT);
  GtkAdjustment *adjustments[2] = { NULL, NULL };

  if (viewport != NULL)
    {
      adjustments[0] = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (viewport));
      adjustments[1] = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (viewport));
    }

  for (guint i = 0; i < G_N_ELEMENTS (adjustments); i++)
    {
      if (self->adjustments[i] == adjustments[i])
        continue;

      if (self->adjustments[i] != NULL)
        g_signal_handlers_disconnect_by_data (self->adjustments[i], self);
      g_set_object (&self->adjustments[i], adjustments[i]);
      if (adjustments[i] != NULL)
        g_signal_connect_object (adjustments[i], "value-changed",
                                 G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
    }
}

static void
sp_matrix_widget_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (sp_matrix_widget_parent_class)->root (widget);
  watch_adjustments (SP_MATRIX_WIDGET (widget));
}

static void
sp_matrix_widget_unroot (GtkWidget *widget)
{
  SpMatrixWidget *self = SP_MATRIX_WIDGET (widget);

  for (guint i = 0; i < G_N_ELEMENTS (self->adjustments); i++)
    {
      if (self->adjustments[i] != NULL)
        g_signal_handlers_disconnect_by_data (self->adjustments[i], self);
      g_clear_object (&self->adjustments[i]);
    }

  GTK_WIDGET_CLASS (sp_matrix_widget_parent_class)->unroot (widget);
}

static void
motion_cb (SpMatrixWidget           *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *motion)
{
  guint row, column;
  gboolean hit = self->layout != NULL && sp_matrix_layout_hit_test (self->layout, x, y, &row, &column);

  if (hit == self->hovering && (!hit || (row == self->hover_row && column == self->hover_column)))
    return;

  self->hovering = hit;
  self->hover_row = hit ? row : 0;
  self->hover_column = hit ? column : 0;
  g_signal_emit (self, signals[CELL_HOVERED], 0, hit ? (int)row : -1, hit ? (int)column : -1);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), hit ? "pointer" : NULL);
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

  if (self->layout != NULL && sp_matrix_layout_hit_test (self->layout, x, y, &row, &column))
    g_signal_emit (self, signals[CELL_ACTIVATED], 0, row, column);
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
  g_clear_pointer (&self->shown, gsk_render_node_unref);
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

  widget_class->measure = sp_matrix_widget_measure;
  widget_class->snapshot = sp_matrix_widget_snapshot;
  widget_class->root = sp_matrix_widget_root;
  widget_class->unroot = sp_matrix_widget_unroot;
  widget_class->system_setting_changed = sp_matrix_widget_system_setting_changed;

  /**
   * SpMatrixWidget::cell-activated:
   * @row: the matrix row
   * @column: the matrix column
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

  gtk_widget_class_set_css_name (widget_class, "matrix");
}

static void
sp_matrix_widget_init (SpMatrixWidget *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  g_signal_connect_object (motion, "motion", G_CALLBACK (motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (motion, "leave", G_CALLBACK (leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  g_signal_connect_object (click, "pressed", G_CALLBACK (pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

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

/* Where a cell is drawn, in the widget's coordinates */
gboolean
sp_matrix_widget_get_cell_rect (SpMatrixWidget  *self,
                                guint            row,
                                guint            column,
                                graphene_rect_t *rect)
{
  cairo_rectangle_t cell;

  g_return_val_if_fail (SP_IS_MATRIX_WIDGET (self), FALSE);

  if (self->layout == NULL || !sp_matrix_layout_get_cell_rect (self->layout, row, column, &cell))
    return FALSE;

  graphene_rect_init (rect, cell.x, cell.y, cell.width, cell.height);
  return TRUE;
}

/**
 * sp_matrix_widget_dup_cell_description:
 *
 * Returns: (transfer full) (nullable): "Russia on Ukraine in NATO: mean +1.5 from 4 claims",
 *   or "…: no claims", as plain text
 */
char *
sp_matrix_widget_dup_cell_description (SpMatrixWidget *self,
                                       guint           row,
                                       guint           column)
{
  char mean_text[SP_MATRIX_MEAN_TEXT_SIZE];
  double mean;
  guint count;

  g_return_val_if_fail (SP_IS_MATRIX_WIDGET (self), NULL);

  if (self->matrix == NULL ||
      row >= sp_matrix_get_n_rows (self->matrix) || column >= sp_matrix_get_n_columns (self->matrix))
    return NULL;

  if (!sp_matrix_get_cell (self->matrix, row, column, &mean, &count))
    /* TRANSLATORS: "Russia on Ukraine in NATO: no claims" */
    return g_strdup_printf (_("%s on %s: no claims"),
                            sp_matrix_get_row_label (self->matrix, row),
                            sp_matrix_get_column_label (self->matrix, column));

  sp_matrix_format_mean (mean, TRUE, mean_text);
  /* TRANSLATORS: "Russia on Ukraine in NATO: mean +1.5 from 4 claims" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%s on %s: mean %s from %u claim",
                                       "%s on %s: mean %s from %u claims", count),
                          sp_matrix_get_row_label (self->matrix, row),
                          sp_matrix_get_column_label (self->matrix, column),
                          mean_text, count);
}
