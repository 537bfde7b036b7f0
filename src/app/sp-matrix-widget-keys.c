/* sp-matrix-widget-keys.c
 *
 * The matrix by keyboard: a current cell that the arrows, Home and End, Page Up and Page Down
 * move, scrolled into view clear of the headers that stay in place; Enter opens what is behind
 * it. Each move sets the widget's accessible description to what the cell holds, for screen
 * readers (GTK 4.8 has no accessible objects for drawn parts of a widget).
 */
#define G_LOG_DOMAIN "sp-matrix-widget"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-matrix-widget-private.h"

typedef enum
{
  MOVE_STEP,        /* by (dx, dy) cells */
  MOVE_PAGE,        /* by dy pages of rows */
  MOVE_ROW_END,     /* to the first (dx < 0) or last column */
  MOVE_MATRIX_END,  /* to the first (dx < 0) or last cell */
} MoveKind;

static guint
clamp_index (int   value,
             guint n)
{
  return n == 0 ? 0 : (guint)CLAMP (value, 0, (int)n - 1);
}

/* Rows that fit under the issue labels */
static int
rows_per_page (SpMatrixWidget *self)
{
  cairo_rectangle_t cell;
  int visible = gtk_widget_get_height (GTK_WIDGET (self)) - self->header_height;

  if (!_sp_matrix_widget_content_rect (self, 0, 0, &cell) || cell.height <= 0)
    return 1;

  return MAX (1, (int)(visible / (cell.height + 1)) - 1);
}

static gboolean
move_cb (GtkWidget *widget,
         GVariant  *args,
         gpointer   user_data)
{
  SpMatrixWidget *self = SP_MATRIX_WIDGET (widget);
  int kind, dx, dy;
  int row, column;
  guint n_rows, n_columns;

  if (self->matrix == NULL)
    return FALSE;

  n_rows = sp_matrix_get_n_rows (self->matrix);
  n_columns = sp_matrix_get_n_columns (self->matrix);
  if (n_rows == 0 || n_columns == 0)
    return FALSE;

  g_variant_get (args, "(iii)", &kind, &dx, &dy);
  row = self->focus_row;
  column = self->focus_column;

  switch ((MoveKind)kind)
    {
    case MOVE_STEP:
      row += dy;
      column += dx;
      break;

    case MOVE_PAGE:
      row += dy * rows_per_page (self);
      break;

    case MOVE_ROW_END:
      column = dx < 0 ? 0 : (int)n_columns - 1;
      break;

    case MOVE_MATRIX_END:
      row = dx < 0 ? 0 : (int)n_rows - 1;
      column = dx < 0 ? 0 : (int)n_columns - 1;
      break;

    default:
      g_assert_not_reached ();
    }

  sp_matrix_widget_set_focus_cell (self, clamp_index (row, n_rows), clamp_index (column, n_columns));
  return TRUE;
}

static gboolean
activate_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  SpMatrixWidget *self = SP_MATRIX_WIDGET (widget);

  if (self->matrix == NULL || sp_matrix_get_n_rows (self->matrix) == 0 || sp_matrix_get_n_columns (self->matrix) == 0)
    return FALSE;

  g_signal_emit_by_name (self, "cell-activated", self->focus_row, self->focus_column);
  return TRUE;
}

static gboolean
activate_row_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  SpMatrixWidget *self = SP_MATRIX_WIDGET (widget);

  if (self->matrix == NULL || sp_matrix_get_n_rows (self->matrix) == 0)
    return FALSE;

  g_signal_emit_by_name (self, "row-header-activated", self->focus_row);
  return TRUE;
}

static void
add_move (GtkWidgetClass  *widget_class,
          guint            keyval,
          GdkModifierType  modifiers,
          MoveKind         kind,
          int              dx,
          int              dy)
{
  gtk_widget_class_add_binding (widget_class, keyval, modifiers, move_cb, "(iii)", kind, dx, dy);
}

void
_sp_matrix_widget_class_add_keys (GtkWidgetClass *widget_class)
{
  struct { guint key; guint keypad; } arrows[] = {
    { GDK_KEY_Left, GDK_KEY_KP_Left }, { GDK_KEY_Right, GDK_KEY_KP_Right },
    { GDK_KEY_Up, GDK_KEY_KP_Up }, { GDK_KEY_Down, GDK_KEY_KP_Down },
  };
  int steps[][2] = { { -1, 0 }, { 1, 0 }, { 0, -1 }, { 0, 1 } };

  for (guint i = 0; i < G_N_ELEMENTS (arrows); i++)
    {
      add_move (widget_class, arrows[i].key, 0, MOVE_STEP, steps[i][0], steps[i][1]);
      add_move (widget_class, arrows[i].keypad, 0, MOVE_STEP, steps[i][0], steps[i][1]);
    }

  add_move (widget_class, GDK_KEY_Home, 0, MOVE_ROW_END, -1, 0);
  add_move (widget_class, GDK_KEY_End, 0, MOVE_ROW_END, 1, 0);
  add_move (widget_class, GDK_KEY_Home, GDK_CONTROL_MASK, MOVE_MATRIX_END, -1, 0);
  add_move (widget_class, GDK_KEY_End, GDK_CONTROL_MASK, MOVE_MATRIX_END, 1, 0);
  add_move (widget_class, GDK_KEY_Page_Up, 0, MOVE_PAGE, 0, -1);
  add_move (widget_class, GDK_KEY_Page_Down, 0, MOVE_PAGE, 0, 1);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Return, 0, activate_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Enter, 0, activate_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_space, 0, activate_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Return, GDK_SHIFT_MASK, activate_row_cb, NULL);
}

/* Scrolls the least that shows the current cell whole, clear of the headers */
void
_sp_matrix_widget_scroll_to_focus (SpMatrixWidget *self)
{
  cairo_rectangle_t cell;
  double x = _sp_matrix_widget_scroll_x (self);
  double y = _sp_matrix_widget_scroll_y (self);
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  const int ring = 3;   /* the focus ring, outside the cell */

  if (!_sp_matrix_widget_content_rect (self, self->focus_row, self->focus_column, &cell))
    return;

  if (cell.x + cell.width + ring > x + width)
    x = cell.x + cell.width + ring - width;
  if (cell.x - ring < x + self->label_width)
    x = cell.x - ring - self->label_width;
  if (cell.y + cell.height + ring > y + height)
    y = cell.y + cell.height + ring - height;
  if (cell.y - ring < y + self->header_height)
    y = cell.y - ring - self->header_height;

  gtk_adjustment_set_value (self->adjustments[0], MAX (0, x));
  gtk_adjustment_set_value (self->adjustments[1], MAX (0, y));
}

/* The current cell, told to assistive technology */
void
_sp_matrix_widget_announce (SpMatrixWidget *self)
{
  g_autofree char *cell = NULL;
  g_autofree char *text = NULL;

  if (self->matrix == NULL || sp_matrix_get_n_rows (self->matrix) == 0 || sp_matrix_get_n_columns (self->matrix) == 0)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }

  cell = sp_matrix_widget_dup_cell_description (self, self->focus_row, self->focus_column);
  /* TRANSLATORS: a cell of the matrix, then where it is: "Ana Berg on Ceasefire: mean +1.5
   * from 2 claims; row 1 of 3, column 1 of 2" */
  text = g_strdup_printf (_("%s; row %u of %u, column %u of %u"), cell,
                          self->focus_row + 1, sp_matrix_get_n_rows (self->matrix),
                          self->focus_column + 1, sp_matrix_get_n_columns (self->matrix));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
}

/* Returns: whether there is a current cell (the matrix has cells) */
gboolean
sp_matrix_widget_get_focus_cell (SpMatrixWidget *self,
                                 guint          *row,
                                 guint          *column)
{
  g_return_val_if_fail (SP_IS_MATRIX_WIDGET (self), FALSE);

  if (row != NULL)
    *row = self->focus_row;
  if (column != NULL)
    *column = self->focus_column;

  return self->matrix != NULL && sp_matrix_get_n_rows (self->matrix) > 0 && sp_matrix_get_n_columns (self->matrix) > 0;
}

/* Makes a cell the current one, scrolls it into view and says what it holds */
void
sp_matrix_widget_set_focus_cell (SpMatrixWidget *self,
                                 guint           row,
                                 guint           column)
{
  g_return_if_fail (SP_IS_MATRIX_WIDGET (self));

  if (self->matrix == NULL || row >= sp_matrix_get_n_rows (self->matrix) || column >= sp_matrix_get_n_columns (self->matrix))
    return;

  self->focus_row = row;
  self->focus_column = column;
  _sp_matrix_widget_scroll_to_focus (self);
  _sp_matrix_widget_announce (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
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
  SpMatrixCellInfo info;
  const char *label, *issue;
  GString *text;
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
  text = g_string_new (NULL);
  label = sp_matrix_get_row_label (self->matrix, row);
  issue = sp_matrix_get_column_label (self->matrix, column);
  switch (sp_matrix_options_get_aggregate (sp_matrix_get_options (self->matrix)))
    {
    case SP_MATRIX_AGGREGATE_LATEST:
      /* TRANSLATORS: "Russia on Ukraine in NATO: latest +2 from 4 claims" */
      g_string_printf (text, g_dngettext (GETTEXT_PACKAGE, "%s on %s: latest %s from %u claim",
                                          "%s on %s: latest %s from %u claims", count), label, issue, mean_text, count);
      break;

    case SP_MATRIX_AGGREGATE_MAJORITY:
      /* TRANSLATORS: "Russia on Ukraine in NATO: majority +1 from 4 claims" */
      g_string_printf (text, g_dngettext (GETTEXT_PACKAGE, "%s on %s: majority %s from %u claim",
                                          "%s on %s: majority %s from %u claims", count), label, issue, mean_text, count);
      break;

    case SP_MATRIX_AGGREGATE_MEAN:
    default:
      /* TRANSLATORS: "Russia on Ukraine in NATO: mean +1.5 from 4 claims" */
      g_string_printf (text, g_dngettext (GETTEXT_PACKAGE, "%s on %s: mean %s from %u claim",
                                          "%s on %s: mean %s from %u claims", count), label, issue, mean_text, count);
      break;
    }

  if (sp_matrix_get_cell_info (self->matrix, row, column, &info))
    {
      if (info.flags & SP_MATRIX_CELL_DISAGREEMENT)
        /* TRANSLATORS: added to a cell's description */
        g_string_append_printf (text, _(", %u for and %u against"), info.n_support, info.n_oppose);
      if (info.flags & SP_MATRIX_CELL_PENDING)
        /* TRANSLATORS: added to a cell's description */
        g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, ", %u pending suggestion", ", %u pending suggestions",
                                                   info.n_pending), info.n_pending);
    }

  return g_string_free (text, FALSE);
}
