/* sp-matrix-layout.c
 *
 * The position matrix as a chart, measured: row labels on the left, issue labels on top
 * (wrapped when they fit in a few lines, otherwise turned 45°), one cell per actor and issue
 * with its mean and number of claims written in it, and a legend below. Painting it is
 * sp-matrix-layout-draw.c.
 *
 * A matrix too large to be read number by number (more than COMPACT_MAX_CELLS cells, or
 * more than COMPACT_MAX_LINES rows or columns) is laid out compact instead, as a heat map:
 * small square cells without text, labels in a smaller font on one line, issue labels
 * turned upright. The layout chooses by itself, from the matrix alone, so the window and
 * the exports always agree; the mean and count of a cell are then in the window's tooltip
 * and popover.
 *
 * SpMatrixLayout measures everything once, in whole layout units, so the geometry is the same
 * for the same matrix and fonts, and hit tests and cell rectangles agree with what is drawn.
 * The window measures with its own PangoContext; exports use
 * sp_matrix_create_export_context(), which fixes font, resolution and hinting so that an
 * export gives the same bytes every time. Text from the project is always set as plain text,
 * never as markup.
 */
#define G_LOG_DOMAIN "sp-matrix-layout"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "sp-matrix-layout-private.h"

/* Geometry, in layout units (pixels at scale 1); the rest is in sp-matrix-layout-private.h */
#define GAP                  2     /* the grid line between two legible cells */
#define CELL_PAD_X           8
#define CELL_PAD_Y           5
#define MIN_CELL_WIDTH       50
#define MAX_LABEL_WIDTH      220
#define MAX_LABEL_LINES      2
#define MAX_HEADER_LINES     3
#define MAX_WRAPPED_WIDTH    1200  /* the widest grid whose headers are written across */
#define LEGEND_GAP           24
#define LEGEND_ITEM_GAP      20
#define MIN_LEGEND_WIDTH     420

/* The compact layout. Up to 600 cells the legible chart stays within a few screens and
 * well inside the export budget; past that, or past 60 rows or columns, a chart with
 * numbers in every cell is only scrolled through, never read, and runs to tens of
 * millions of pixels. */
#define COMPACT_MAX_CELLS    600
#define COMPACT_MAX_LINES    60
#define COMPACT_GAP          1
#define COMPACT_MIN_CELL     12    /* grows with the label font, so labels never overlap */
#define COMPACT_LABEL_WIDTH  180

G_DEFINE_FINAL_TYPE (SpMatrixLayout, sp_matrix_layout, G_TYPE_OBJECT)

static void
clear_legend_item (gpointer data)
{
  SpLegendItem *item = data;

  g_clear_object (&item->text);
}

static void
sp_matrix_layout_dispose (GObject *object)
{
  SpMatrixLayout *self = (SpMatrixLayout *)object;

  g_clear_pointer (&self->row_labels, g_ptr_array_unref);
  g_clear_pointer (&self->column_labels, g_ptr_array_unref);
  g_clear_pointer (&self->cell_texts, g_hash_table_unref);
  g_clear_pointer (&self->legend_items, g_array_unref);
  g_clear_object (&self->corner);
  g_clear_object (&self->empty_message);
  g_clear_object (&self->legend_title);
  g_clear_object (&self->legend_note);
  g_clear_object (&self->caption_title);
  g_clear_object (&self->caption_info);
  g_clear_object (&self->context);
  g_clear_pointer (&self->matrix, sp_matrix_unref);

  G_OBJECT_CLASS (sp_matrix_layout_parent_class)->dispose (object);
}

static void
sp_matrix_layout_finalize (GObject *object)
{
  SpMatrixLayout *self = (SpMatrixLayout *)object;
  PangoFontDescription **fonts[] = {
    &self->label_font, &self->mean_font, &self->count_font, &self->caption_font,
  };

  for (guint i = 0; i < G_N_ELEMENTS (fonts); i++)
    g_clear_pointer (fonts[i], pango_font_description_free);

  G_OBJECT_CLASS (sp_matrix_layout_parent_class)->finalize (object);
}

static void
sp_matrix_layout_class_init (SpMatrixLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sp_matrix_layout_dispose;
  object_class->finalize = sp_matrix_layout_finalize;
}

static void
sp_matrix_layout_init (SpMatrixLayout *self)
{
  self->row_labels = g_ptr_array_new_with_free_func (g_object_unref);
  self->column_labels = g_ptr_array_new_with_free_func (g_object_unref);
  self->cell_texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->legend_items = g_array_new (FALSE, TRUE, sizeof (SpLegendItem));
  g_array_set_clear_func (self->legend_items, clear_legend_item);
}

/* Measuring */

static PangoFontDescription *
derive_font (const PangoFontDescription *base,
             double                      factor,
             PangoWeight                 weight)
{
  PangoFontDescription *font = pango_font_description_copy (base);
  int size = pango_font_description_get_size (base);

  if (size <= 0)
    size = 10 * PANGO_SCALE;

  if (pango_font_description_get_size_is_absolute (base))
    pango_font_description_set_absolute_size (font, round (size * factor));
  else
    pango_font_description_set_size (font, (int)round (size * factor));
  pango_font_description_set_weight (font, weight);

  return font;
}

/* Returns: (transfer full): @text in @font, as plain text */
PangoLayout *
_sp_matrix_layout_make_text (SpMatrixLayout             *self,
                             const PangoFontDescription *font,
                             const char                 *text)
{
  PangoLayout *layout = pango_layout_new (self->context);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);

  return layout;
}

/* The logical size of @layout in whole layout units, rounded up */
void
_sp_matrix_text_measure (PangoLayout *layout,
                         int         *width,
                         int         *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = PANGO_PIXELS_CEIL (logical.width);
  if (height != NULL)
    *height = PANGO_PIXELS_CEIL (logical.height);
}

void
_sp_matrix_format_count (guint count,
                         char  buffer[SP_MATRIX_COUNT_TEXT_SIZE])
{
  g_snprintf (buffer, SP_MATRIX_COUNT_TEXT_SIZE, "n=%u", count);
}

static void
measure_cells (SpMatrixLayout *self,
               int            *cell_width)
{
  guint n_rows = sp_matrix_get_n_rows (self->matrix);
  guint n_columns = sp_matrix_get_n_columns (self->matrix);
  guint max_count = 0;
  char text[SP_MATRIX_COUNT_TEXT_SIZE];
  g_autoptr(PangoLayout) mean = NULL;
  g_autoptr(PangoLayout) count = NULL;
  int mean_width, count_width;

  for (guint r = 0; r < n_rows; r++)
    for (guint c = 0; c < n_columns; c++)
      {
        guint n;

        sp_matrix_get_cell (self->matrix, r, c, NULL, &n);
        max_count = MAX (max_count, n);
      }

  /* The widest mean there can be, so that cells keep their size as claims come and go. */
  mean = _sp_matrix_layout_make_text (self, self->mean_font, "\xe2\x88\x92" "0.00");
  _sp_matrix_text_measure (mean, &mean_width, &self->mean_height);

  _sp_matrix_format_count (MAX (max_count, 100), text);
  count = _sp_matrix_layout_make_text (self, self->count_font, text);
  _sp_matrix_text_measure (count, &count_width, &self->count_height);

  *cell_width = MAX (MIN_CELL_WIDTH, MAX (mean_width, count_width) + 2 * CELL_PAD_X);
}

static int
measure_row_labels (SpMatrixLayout *self)
{
  guint n_rows = sp_matrix_get_n_rows (self->matrix);
  int label_width = 0;
  int height = 0;

  _sp_matrix_text_measure (self->corner, &label_width, NULL);

  for (guint r = 0; r < n_rows; r++)
    {
      PangoLayout *layout = _sp_matrix_layout_make_text (self, self->label_font,
                                       sp_matrix_get_row_label (self->matrix, r));
      int width;

      _sp_matrix_text_measure (layout, &width, NULL);
      label_width = MAX (label_width, MIN (width, MAX_LABEL_WIDTH));
      g_ptr_array_add (self->row_labels, layout);
    }

  /* Long names wrap onto a second line, then end in an ellipsis. */
  for (guint r = 0; r < n_rows; r++)
    {
      PangoLayout *layout = g_ptr_array_index (self->row_labels, r);
      int h;

      pango_layout_set_width (layout, label_width * PANGO_SCALE);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (layout, -MAX_LABEL_LINES);
      pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
      _sp_matrix_text_measure (layout, NULL, &h);
      height = MAX (height, h);
    }

  self->label_width = label_width;

  return height;
}

/* Tries to write the issue labels across their columns, wrapped at word boundaries into a
 * few lines. Returns the header height, or 0 when they do not fit in @column_width. */
static int
try_wrapped_headers (SpMatrixLayout *self,
                     int             column_width)
{
  int text_width = column_width - GAP - 6;
  int height = 0;

  for (guint c = 0; c < self->column_labels->len; c++)
    {
      PangoLayout *layout = g_ptr_array_index (self->column_labels, c);
      int width, h;

      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
      pango_layout_set_height (layout, -1);
      pango_layout_set_width (layout, text_width * PANGO_SCALE);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      _sp_matrix_text_measure (layout, &width, &h);

      if (width > text_width || pango_layout_get_line_count (layout) > MAX_HEADER_LINES)
        return 0;

      height = MAX (height, h);
    }

  return height;
}

static void
measure_headers (SpMatrixLayout *self,
                 int             cell_width,
                 int            *header_height,
                 int            *overhang)
{
  static const int wrapped_widths[] = { 72, 96, 120 };
  guint n_columns = sp_matrix_get_n_columns (self->matrix);
  g_autoptr(PangoLayout) measuring = _sp_matrix_layout_make_text (self, self->label_font, "");
  double max_extent = 0.0;
  double max_right = 0.0;
  int line_height;
  int max_lines;

  *header_height = 0;
  *overhang = 0;
  self->column_width = cell_width + GAP;
  self->rotated = FALSE;

  for (guint c = 0; c < n_columns; c++)
    g_ptr_array_add (self->column_labels,
                     _sp_matrix_layout_make_text (self, self->label_font, sp_matrix_get_column_label (self->matrix, c)));

  if (n_columns == 0)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (wrapped_widths); i++)
    {
      int width = MAX (wrapped_widths[i], cell_width + GAP);
      int height;

      if ((int)n_columns * width > MAX_WRAPPED_WIDTH)
        break;

      if ((height = try_wrapped_headers (self, width)) > 0)
        {
          self->column_width = width;
          *header_height = height + LABEL_GAP;
          return;
        }
    }

  /* Too many or too long: labels turned 45°. The label's middle runs from the bottom of
   * its column's centre up to the right; a long one wraps onto a second line when the
   * columns leave room for two, and ends in an ellipsis past that. */
  self->rotated = TRUE;
  pango_layout_set_text (measuring, "Ag", -1);
  _sp_matrix_text_measure (measuring, NULL, &line_height);
  max_lines = self->column_width * G_SQRT2 / 2.0 >= 2 * line_height + 4 ? 2 : 1;

  for (guint c = 0; c < n_columns; c++)
    {
      PangoLayout *layout = g_ptr_array_index (self->column_labels, c);
      double x = (c + 0.5) * self->column_width;
      int width, height;

      pango_layout_set_width (layout, -1);
      pango_layout_set_height (layout, -1);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
      pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
      _sp_matrix_text_measure (layout, &width, &height);
      if (width > MAX_ROTATED_WIDTH)
        {
          pango_layout_set_width (layout, MAX_ROTATED_WIDTH * PANGO_SCALE);
          pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
          pango_layout_set_height (layout, -max_lines);
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
          _sp_matrix_text_measure (layout, &width, &height);
        }

      max_extent = MAX (max_extent, (width + height) * G_SQRT2 / 2.0);
      max_right = MAX (max_right, x + (width + height / 2.0) * G_SQRT2 / 2.0);
    }

  *header_height = (int)ceil (max_extent) + LABEL_GAP;
  *overhang = MAX (0, (int)ceil (max_right) - (int)(n_columns * self->column_width + GAP));
}

static gboolean
wants_compact (guint n_rows,
               guint n_columns)
{
  if (n_rows == 0 || n_columns == 0)
    return FALSE;

  return n_rows > COMPACT_MAX_LINES || n_columns > COMPACT_MAX_LINES ||
         (guint64)n_rows * n_columns > COMPACT_MAX_CELLS;
}

/* A label of the compact layout: small, on one line, ending in an ellipsis past @max_width.
 * Returns its width. */
static int
compact_label (PangoLayout *layout,
               int          max_width)
{
  int width;

  pango_layout_set_single_paragraph_mode (layout, TRUE);
  _sp_matrix_text_measure (layout, &width, NULL);
  if (width > max_width)
    {
      pango_layout_set_width (layout, max_width * PANGO_SCALE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      _sp_matrix_text_measure (layout, &width, NULL);
    }

  return width;
}

/* Square cells as tall as a line of the small font, row labels on one line, issue labels
 * upright (reading upwards from the grid), all ellipsized. Returns the header height. */
static int
measure_compact (SpMatrixLayout *self)
{
  guint n_rows = sp_matrix_get_n_rows (self->matrix);
  guint n_columns = sp_matrix_get_n_columns (self->matrix);
  g_autoptr(PangoLayout) measuring = _sp_matrix_layout_make_text (self, self->count_font, "Ag");
  int line_height;
  int label_width = 0;
  int header_width = 0;

  _sp_matrix_text_measure (measuring, NULL, &line_height);
  self->column_width = self->row_height = MAX (COMPACT_MIN_CELL, line_height) + self->gap;

  _sp_matrix_text_measure (self->corner, &label_width, NULL);
  for (guint r = 0; r < n_rows; r++)
    {
      PangoLayout *layout = _sp_matrix_layout_make_text (self, self->count_font,
                                       sp_matrix_get_row_label (self->matrix, r));

      label_width = MAX (label_width, compact_label (layout, COMPACT_LABEL_WIDTH));
      g_ptr_array_add (self->row_labels, layout);
    }

  /* Right-aligned against the grid */
  for (guint r = 0; r < n_rows; r++)
    {
      PangoLayout *layout = g_ptr_array_index (self->row_labels, r);

      pango_layout_set_width (layout, label_width * PANGO_SCALE);
      pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
    }
  self->label_width = label_width;

  for (guint c = 0; c < n_columns; c++)
    {
      PangoLayout *layout = _sp_matrix_layout_make_text (self, self->count_font,
                                       sp_matrix_get_column_label (self->matrix, c));

      header_width = MAX (header_width, compact_label (layout, COMPACT_LABEL_WIDTH));
      g_ptr_array_add (self->column_labels, layout);
    }

  return header_width + LABEL_GAP;
}

static void
add_legend_item (SpMatrixLayout *self,
                 double          stance,
                 guint           marks,
                 const char     *text)
{
  SpLegendItem item = { 0, 0, stance, marks, _sp_matrix_layout_make_text (self, self->label_font, text) };

  g_array_append_val (self->legend_items, item);
}

/* The marks any cell of @matrix carries */
static guint
matrix_marks (SpMatrix *matrix)
{
  guint marks = 0;

  for (guint r = 0; r < sp_matrix_get_n_rows (matrix); r++)
    for (guint c = 0; c < sp_matrix_get_n_columns (matrix); c++)
      {
        SpMatrixCellInfo info;

        if (sp_matrix_get_cell_info (matrix, r, c, &info))
          marks |= info.flags;
      }

  return marks;
}

static const char *
legend_title (const SpMatrixOptions *options)
{
  gboolean per_document = sp_matrix_options_get_unit (options) == SP_MATRIX_UNIT_DOCUMENT;

  switch (sp_matrix_options_get_aggregate (options))
    {
    case SP_MATRIX_AGGREGATE_LATEST:
      return per_document ? _("Stance of the latest document") : _("Latest stance");
    case SP_MATRIX_AGGREGATE_MAJORITY:
      return per_document ? _("Majority stance of the documents") : _("Majority stance of the claims");
    case SP_MATRIX_AGGREGATE_MEAN:
    default:
      return per_document ? _("Mean stance of the documents") : _("Mean stance of the claims");
    }
}

static const char *
order_note (const SpMatrixOptions *options)
{
  switch (sp_matrix_options_get_order (options))
    {
    case SP_MATRIX_ORDER_ACTIVITY:
      return _("Rows and issues are ordered by their number of claims.");
    case SP_MATRIX_ORDER_SIMILARITY:
      return _("Rows with similar positions are next to each other, and issues likewise.");
    case SP_MATRIX_ORDER_ALPHA:
    default:
      return _("Rows are ordered by name, issues as in the codebook.");
    }
}

/**
 * sp_matrix_dup_scope_description:
 *
 * The line under an exported chart's title, for a window to show the same.
 *
 * Returns: (transfer full): one line saying what the matrix counts: the date range, the
 *   documents and claims, pending suggestions and undated claims left out
 */
char *
sp_matrix_dup_scope_description (SpMatrix *matrix)
{
  const SpMatrixOptions *options = sp_matrix_get_options (matrix);
  const char *from = sp_matrix_options_get_date_from (options);
  const char *to = sp_matrix_options_get_date_to (options);
  guint n_documents = sp_matrix_get_n_documents (matrix);
  guint n_claims = sp_matrix_get_n_claims (matrix);
  guint n_pending = sp_matrix_get_n_pending (matrix);
  guint n_undated = sp_matrix_get_n_undated (matrix);
  GString *text = g_string_new (NULL);

  if (from != NULL && to != NULL)
    g_string_append_printf (text, _("From %s to %s"), from, to);
  else if (from != NULL)
    g_string_append_printf (text, _("From %s"), from);
  else if (to != NULL)
    g_string_append_printf (text, _("As of %s"), to);
  else
    g_string_append (text, _("All dates"));

  g_string_append (text, " · ");
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u document", "%u documents", n_documents), n_documents);
  g_string_append (text, " · ");
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u claim", "%u claims", n_claims), n_claims);
  if (n_pending > 0)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, " (%u a pending suggestion)",
                                               " (%u pending suggestions)", n_pending), n_pending);
  if (n_undated > 0)
    {
      g_string_append (text, " · ");
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u undated claim left out",
                                                 "%u undated claims left out", n_undated), n_undated);
    }

  return g_string_free (text, FALSE);
}

/* The title and scope line above an exported chart, wrapped in @width; returns their
 * height, gap below included */
static int
measure_caption (SpMatrixLayout *self,
                 int             width)
{
  const char *title = sp_matrix_options_get_title (sp_matrix_get_options (self->matrix));
  g_autofree char *info = sp_matrix_dup_scope_description (self->matrix);
  g_autoptr(PangoFontDescription) title_font = NULL;
  int title_height = 0, info_height;

  if (title != NULL)
    {
      title_font = pango_font_description_copy (self->mean_font);
      pango_font_description_set_size (title_font, pango_font_description_get_size (self->label_font) * 3 / 2);
      self->caption_title = _sp_matrix_layout_make_text (self, title_font, title);
      pango_layout_set_width (self->caption_title, width * PANGO_SCALE);
      pango_layout_set_wrap (self->caption_title, PANGO_WRAP_WORD_CHAR);
      _sp_matrix_text_measure (self->caption_title, NULL, &title_height);
      title_height += 4;
    }

  self->caption_info = _sp_matrix_layout_make_text (self, self->label_font, info);
  pango_layout_set_width (self->caption_info, width * PANGO_SCALE);
  pango_layout_set_wrap (self->caption_info, PANGO_WRAP_WORD_CHAR);
  _sp_matrix_text_measure (self->caption_info, NULL, &info_height);
  self->caption_info_y = MARGIN + title_height;

  return title_height + info_height + LEGEND_GAP;
}

/* Lays the legend out below the grid within @available width; returns its width. */
static int
measure_legend (SpMatrixLayout *self,
                int             top,
                int             available)
{
  int x = MARGIN;
  int y;
  int used = 0;
  int title_height, line_height = SWATCH_HEIGHT;
  int note_height;

  const SpMatrixOptions *options = sp_matrix_get_options (self->matrix);
  guint marks = matrix_marks (self->matrix);

  self->legend_title = _sp_matrix_layout_make_text (self, self->caption_font, legend_title (options));
  _sp_matrix_text_measure (self->legend_title, &used, &title_height);

  add_legend_item (self, -2, 0, _("−2 Strongly oppose"));
  add_legend_item (self, -1, 0, _("−1 Oppose"));
  add_legend_item (self, 0, 0, _("0 Neutral"));
  add_legend_item (self, 1, 0, _("+1 Support"));
  add_legend_item (self, 2, 0, _("+2 Strongly support"));
  add_legend_item (self, NAN, 0, _("No claims"));
  if (marks & SP_MATRIX_CELL_DISAGREEMENT)
    add_legend_item (self, NAN, SP_MATRIX_CELL_DISAGREEMENT, _("Support and opposition"));
  if (marks & SP_MATRIX_CELL_PENDING)
    add_legend_item (self, NAN, SP_MATRIX_CELL_PENDING, _("Rests on pending suggestions"));

  for (guint i = 0; i < self->legend_items->len; i++)
    {
      SpLegendItem *item = &g_array_index (self->legend_items, SpLegendItem, i);
      int width, height;

      _sp_matrix_text_measure (item->text, &width, &height);
      line_height = MAX (line_height, height);
    }

  self->legend_y = top;
  y = top + title_height + 8;

  for (guint i = 0; i < self->legend_items->len; i++)
    {
      SpLegendItem *item = &g_array_index (self->legend_items, SpLegendItem, i);
      int width;

      _sp_matrix_text_measure (item->text, &width, NULL);
      width += SWATCH_WIDTH + SWATCH_TEXT_GAP;

      if (x > MARGIN && x + width > MARGIN + available)
        {
          x = MARGIN;
          y += line_height + 8;
        }

      item->x = x;
      item->y = y + (line_height - SWATCH_HEIGHT) / 2;
      used = MAX (used, x + width - MARGIN);
      x += width + LEGEND_ITEM_GAP;
    }

  {
    g_autofree char *note = NULL;

    if (self->compact)
      note = g_strconcat (_("Each cell is coloured by its score (see above). "), order_note (options),
                          _("\nPoint at a cell in the window to see its score and number "
                            "of claims; the CSV export has every score."), NULL);
    else
      note = g_strconcat (_("Each cell shows its score and, below it, the number of claims (n). "),
                          order_note (options), NULL);
    self->legend_note = _sp_matrix_layout_make_text (self, self->count_font, note);
  }
  pango_layout_set_width (self->legend_note, MAX (available, used) * PANGO_SCALE);
  pango_layout_set_wrap (self->legend_note, PANGO_WRAP_WORD);
  self->legend_note_y = y + line_height + 10;
  _sp_matrix_text_measure (self->legend_note, NULL, &note_height);

  self->height = self->legend_note_y + note_height + MARGIN;

  return used;
}

static void
compute (SpMatrixLayout *self,
         gboolean        allow_compact,
         gboolean        caption)
{
  guint n_rows = sp_matrix_get_n_rows (self->matrix);
  guint n_columns = sp_matrix_get_n_columns (self->matrix);
  const PangoFontDescription *base = pango_context_get_font_description (self->context);
  g_autoptr(PangoFontDescription) fallback = NULL;
  int cell_width, label_height, header_height, overhang;
  int grid_width, grid_height, right, legend_width;
  int caption_height = 0;

  if (base == NULL)
    base = fallback = pango_font_description_from_string ("Sans 10");

  self->label_font = derive_font (base, 1.0, PANGO_WEIGHT_NORMAL);
  self->mean_font = derive_font (base, 1.0, PANGO_WEIGHT_BOLD);
  self->count_font = derive_font (base, 0.8, PANGO_WEIGHT_NORMAL);
  self->caption_font = derive_font (base, 0.9, PANGO_WEIGHT_BOLD);

  self->corner = _sp_matrix_layout_make_text (self, self->caption_font,
                            sp_matrix_get_level (self->matrix) == SP_MATRIX_LEVEL_GROUP
                            ? _("Group") : _("Actor"));

  self->compact = allow_compact && wants_compact (n_rows, n_columns);
  self->gap = self->compact ? COMPACT_GAP : GAP;

  if (self->compact)
    {
      header_height = measure_compact (self);
      overhang = 0;
    }
  else
    {
      measure_cells (self, &cell_width);
      label_height = measure_row_labels (self);
      measure_headers (self, cell_width, &header_height, &overhang);

      self->row_height = MAX (self->mean_height + self->count_height + 2 * CELL_PAD_Y,
                              label_height + 4) + GAP;
    }

  self->grid_x = MARGIN + self->label_width + LABEL_GAP;
  self->grid_y = MARGIN + MAX (header_height, 0);

  if ((n_rows == 0 || n_columns == 0) &&
      sp_matrix_options_get_hide_empty (sp_matrix_get_options (self->matrix)))
    {
      /* Rows and columns without claims are hidden: the message says why none is left */
      const char *message = sp_matrix_options_has_filters (sp_matrix_get_options (self->matrix))
                            ? _("No claims match these filters") : _("No claims yet");

      self->empty_message = _sp_matrix_layout_make_text (self, self->label_font, message);
      _sp_matrix_text_measure (self->empty_message, &grid_width, &grid_height);
      self->grid_x = MARGIN;
      self->grid_y = MARGIN;
      overhang = 0;
    }
  else if (n_rows == 0 || n_columns == 0)
    {
      const char *message = n_rows == 0 && n_columns == 0 ? _("No actors and no issues yet")
                            : n_rows == 0 ? _("No actors yet") : _("No issues yet");

      /* Neither labels nor headers: just the message where the grid would be */
      self->empty_message = _sp_matrix_layout_make_text (self, self->label_font, message);
      _sp_matrix_text_measure (self->empty_message, &grid_width, &grid_height);
      self->grid_x = MARGIN;
      self->grid_y = MARGIN;
      overhang = 0;
    }
  else
    {
      grid_width = n_columns * self->column_width + self->gap;
      grid_height = n_rows * self->row_height + self->gap;
    }

  right = self->grid_x + grid_width + overhang;
  if (caption)
    {
      caption_height = measure_caption (self, MAX (right - MARGIN, MIN_LEGEND_WIDTH));
      self->grid_y += caption_height;
    }
  legend_width = measure_legend (self, self->grid_y + grid_height + LEGEND_GAP,
                                 MAX (right - MARGIN, MIN_LEGEND_WIDTH));

  self->width = MAX (right, MARGIN + legend_width) + MARGIN;
}

static SpMatrixLayout *
layout_new (SpMatrix     *matrix,
            PangoContext *context,
            gboolean      allow_compact,
            gboolean      caption)
{
  SpMatrixLayout *self = g_object_new (SP_TYPE_MATRIX_LAYOUT, NULL);

  self->matrix = sp_matrix_ref (matrix);
  self->context = g_object_ref (context);
  compute (self, allow_compact, caption);

  return self;
}

/**
 * sp_matrix_layout_new:
 * @context: the #PangoContext to measure and draw text with: the widget's, or
 *   sp_matrix_create_export_context() for files
 *
 * Measures the whole chart once. Make a new layout when the matrix, the font or the
 * context's settings change.
 *
 * Returns: (transfer full): the layout
 */
SpMatrixLayout *
sp_matrix_layout_new (SpMatrix     *matrix,
                      PangoContext *context)
{
  g_return_val_if_fail (matrix != NULL, NULL);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), NULL);

  return layout_new (matrix, context, TRUE, FALSE);
}

/**
 * sp_matrix_layout_new_with_caption:
 *
 * The chart of sp_matrix_layout_new() under a caption: the options' title and a line saying
 * what the matrix counts (dates, documents, claims). The image exports draw this one.
 *
 * Returns: (transfer full): the layout
 */
SpMatrixLayout *
sp_matrix_layout_new_with_caption (SpMatrix     *matrix,
                                   PangoContext *context)
{
  g_return_val_if_fail (matrix != NULL, NULL);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), NULL);

  return layout_new (matrix, context, TRUE, TRUE);
}

/* Returns: (transfer full): the layout with numbers in every cell, however large */
SpMatrixLayout *
_sp_matrix_layout_new_legible (SpMatrix     *matrix,
                               PangoContext *context)
{
  g_return_val_if_fail (matrix != NULL && PANGO_IS_CONTEXT (context), NULL);
  return layout_new (matrix, context, FALSE, FALSE);
}

/**
 * sp_matrix_layout_get_matrix:
 *
 * Returns: (transfer none): the matrix the layout draws
 */
SpMatrix *
sp_matrix_layout_get_matrix (SpMatrixLayout *self)
{
  g_return_val_if_fail (SP_IS_MATRIX_LAYOUT (self), NULL);
  return self->matrix;
}

/**
 * sp_matrix_layout_get_size:
 * @width: (out) (optional): the chart's width in layout units
 * @height: (out) (optional): its height
 */
void
sp_matrix_layout_get_size (SpMatrixLayout *self,
                           int            *width,
                           int            *height)
{
  g_return_if_fail (SP_IS_MATRIX_LAYOUT (self));

  if (width != NULL)
    *width = self->width;
  if (height != NULL)
    *height = self->height;
}

/**
 * sp_matrix_layout_is_compact:
 *
 * Whether the layout draws the matrix as a heat map: small cells coloured by their mean,
 * without the mean and count written in them, and smaller labels. The layout chooses this
 * by itself for a matrix too large to be read cell by cell, the same way for the window
 * and the exports.
 *
 * Returns: %TRUE for the compact layout
 */
gboolean
sp_matrix_layout_is_compact (SpMatrixLayout *self)
{
  g_return_val_if_fail (SP_IS_MATRIX_LAYOUT (self), FALSE);
  return self->compact;
}

/* The area a cell is painted in, without the grid lines around it; no range check */
void
_sp_matrix_layout_cell_rect (SpMatrixLayout    *self,
                             guint              row,
                             guint              column,
                             cairo_rectangle_t *rect)
{
  rect->x = self->grid_x + self->gap + column * self->column_width;
  rect->y = self->grid_y + self->gap + row * self->row_height;
  rect->width = self->column_width - self->gap;
  rect->height = self->row_height - self->gap;
}

/**
 * sp_matrix_layout_get_cell_rect:
 * @rect: (out): the area the cell is painted in, without the grid lines around it
 *
 * Returns: %FALSE when @row or @column is out of range
 */
gboolean
sp_matrix_layout_get_cell_rect (SpMatrixLayout    *self,
                                guint              row,
                                guint              column,
                                cairo_rectangle_t *rect)
{
  g_return_val_if_fail (SP_IS_MATRIX_LAYOUT (self), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  if (row >= sp_matrix_get_n_rows (self->matrix) ||
      column >= sp_matrix_get_n_columns (self->matrix))
    return FALSE;

  _sp_matrix_layout_cell_rect (self, row, column, rect);
  return TRUE;
}

/**
 * sp_matrix_layout_hit_test:
 * @row: (out) (optional): the row under the point
 * @column: (out) (optional): the column under the point
 *
 * Finds the cell under a point in layout units; the grid line after a cell counts as part
 * of it, so that the pointer is never between cells.
 *
 * Returns: whether the point is over a cell
 */
gboolean
sp_matrix_layout_hit_test (SpMatrixLayout *self,
                           double          x,
                           double          y,
                           guint          *row,
                           guint          *column)
{
  double c, r;

  g_return_val_if_fail (SP_IS_MATRIX_LAYOUT (self), FALSE);

  if (self->empty_message != NULL)
    return FALSE;

  c = floor ((x - self->grid_x - self->gap) / self->column_width);
  r = floor ((y - self->grid_y - self->gap) / self->row_height);

  if (c < 0 || r < 0 ||
      c >= sp_matrix_get_n_columns (self->matrix) ||
      r >= sp_matrix_get_n_rows (self->matrix))
    return FALSE;

  if (row != NULL)
    *row = (guint)r;
  if (column != NULL)
    *column = (guint)c;

  return TRUE;
}
