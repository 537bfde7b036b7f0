/* sp-matrix-widget-tiles.c
 *
 * The matrix widget's drawn chart, kept in tiles of TILE_SIZE layout units: drawn by the core
 * renderer when they first come into view, those near the view in idle time, and kept until
 * the matrix, the fonts, the scale or the renderer change, up to MAX_TILES.
 *
 * The first column of tiles is as wide as the actor names and the first row as high as the
 * issue labels, so that the headers that stay in view are whole tiles: the GL renderer shades
 * the whole of a clipped tile, and a header strip cut from taller tiles would cost their
 * whole height in every frame.
 */
#define G_LOG_DOMAIN "sp-matrix-widget"

#include "config.h"

#include "sp-matrix-widget-private.h"

/* How many tiles away from the view idle time looks: a square this wide around it holds
 * about MAX_TILES */
#define PREFETCH_REACH 25

/* The tiles' grid along one axis: the first tile as long as @first (the headers), the others
 * TILE_SIZE; without headers, all TILE_SIZE */
static int
first_length (int header)
{
  return header > 0 ? header : TILE_SIZE;
}

static guint
tile_index (int    first,
            double position)
{
  return position < first ? 0 : 1 + (guint)((position - first) / TILE_SIZE);
}

static int
tile_start (int   first,
            guint index)
{
  return index == 0 ? 0 : first + (int)(index - 1) * TILE_SIZE;
}

static guint
tile_count (int first,
            int length)
{
  return length > 0 ? tile_index (first, length - 1) + 1 : 0;
}

static guint
tile_key (guint tx,
          guint ty)
{
  return (ty << 16) | (tx & 0xffff);
}

void
_sp_matrix_widget_drop_tiles (SpMatrixWidget *self)
{
  g_hash_table_remove_all (self->tiles);
  g_clear_handle_id (&self->idle_id, g_source_remove);
}

/* Draws one tile with the core renderer into an image, at the widget's scale, once. The GL
 * renderer keeps a texture's upload. The cairo renderer would convert a texture in every
 * frame, and a cairo node keeps the drawing commands, not their pixels, so it replays them in
 * every frame it shows: a cairo node that only paints the drawn image copies pixels instead
 * of drawing the text and the cells again, and the image's device scale keeps it sharp. */
static GskRenderNode *
render_tile (SpMatrixWidget *self,
             guint           tx,
             guint           ty)
{
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  int first_x = first_length (self->label_width);
  int first_y = first_length (self->header_height);
  int x = tile_start (first_x, tx);
  int y = tile_start (first_y, ty);
  int width = MIN (tx == 0 ? first_x : TILE_SIZE, self->width - x);
  int height = MIN (ty == 0 ? first_y : TILE_SIZE, self->height - y);
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (x, y, width, height);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  cairo_translate (cr, -x, -y);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);
  sp_matrix_layout_draw (self->layout, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  if (native != NULL && GSK_IS_CAIRO_RENDERER (gtk_native_get_renderer (native)))
    {
      GskRenderNode *node = gsk_cairo_node_new (&bounds);

      cr = gsk_cairo_node_get_draw_context (node);
      cairo_set_source_surface (cr, surface, x, y);
      cairo_paint (cr);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
      return node;
    }

  /* ARGB32 in native order is GDK's default memory format */
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize)cairo_image_surface_get_stride (surface) * height * scale,
                                      (GDestroyNotify)cairo_surface_destroy, surface);
  texture = gdk_memory_texture_new (width * scale, height * scale, GDK_MEMORY_DEFAULT,
                                    bytes, cairo_image_surface_get_stride (surface));
  return gsk_texture_node_new (texture, &bounds);
}

static GskRenderNode *
get_tile (SpMatrixWidget *self,
          guint           tx,
          guint           ty)
{
  guint key = tile_key (tx, ty);
  GskRenderNode *node = g_hash_table_lookup (self->tiles, GUINT_TO_POINTER (key));

  if (node == NULL)
    {
      node = render_tile (self, tx, ty);
      g_hash_table_insert (self->tiles, GUINT_TO_POINTER (key), node);
    }

  return node;
}

/* Appends the tiles that cover @area (layout units), placed at their layout position */
void
_sp_matrix_widget_append_tiles (SpMatrixWidget        *self,
              GtkSnapshot           *snapshot,
              const graphene_rect_t *area)
{
  int first_x = first_length (self->label_width);
  int first_y = first_length (self->header_height);
  guint tx1, ty1, tx2, ty2;

  if (area->size.width <= 0 || area->size.height <= 0 || self->width <= 0 || self->height <= 0)
    return;

  tx1 = tile_index (first_x, MAX (0, area->origin.x));
  ty1 = tile_index (first_y, MAX (0, area->origin.y));
  tx2 = MIN (tile_count (first_x, self->width) - 1, tile_index (first_x, MAX (0, area->origin.x + area->size.width - 1)));
  ty2 = MIN (tile_count (first_y, self->height) - 1, tile_index (first_y, MAX (0, area->origin.y + area->size.height - 1)));

  for (guint ty = ty1; ty <= ty2; ty++)
    for (guint tx = tx1; tx <= tx2; tx++)
      gtk_snapshot_append_node (snapshot, get_tile (self, tx, ty));
}

/* The tile under the middle of the view: the view reaches as far from it each way */
static void
view_centre (SpMatrixWidget *self,
             guint          *tx,
             guint          *ty)
{
  *tx = tile_index (first_length (self->label_width),
                    _sp_matrix_widget_scroll_x (self) + gtk_widget_get_width (GTK_WIDGET (self)) / 2);
  *ty = tile_index (first_length (self->header_height),
                    _sp_matrix_widget_scroll_y (self) + gtk_widget_get_height (GTK_WIDGET (self)) / 2);
}

/* Idle time draws the tiles around the view, nearest first, so that scrolling finds them
 * ready; a budget keeps a huge matrix from filling memory (tiles far away are then drawn
 * when they come into view, and dropped again). */
static gboolean
prefetch_cb (gpointer user_data)
{
  SpMatrixWidget *self = user_data;
  guint n_tx, n_ty, cx, cy, best_key = 0;
  guint best_distance = G_MAXUINT;

  if (self->layout == NULL || self->width == 0 || self->height == 0)
    {
      self->idle_id = 0;
      return G_SOURCE_REMOVE;
    }

  n_tx = tile_count (first_length (self->label_width), self->width);
  n_ty = tile_count (first_length (self->header_height), self->height);
  view_centre (self, &cx, &cy);

  if (g_hash_table_size (self->tiles) >= MAX_TILES)
    {
      self->idle_id = 0;
      return G_SOURCE_REMOVE;
    }

  /* Only as far as the budget reaches, so that a huge chart costs each call the same */
  for (guint ty = cy > PREFETCH_REACH ? cy - PREFETCH_REACH : 0; ty < MIN (n_ty, cy + PREFETCH_REACH + 1); ty++)
    for (guint tx = cx > PREFETCH_REACH ? cx - PREFETCH_REACH : 0; tx < MIN (n_tx, cx + PREFETCH_REACH + 1); tx++)
      {
        guint distance = (guint)(ABS ((int)tx - (int)cx) + ABS ((int)ty - (int)cy));

        if (distance < best_distance && !g_hash_table_contains (self->tiles, GUINT_TO_POINTER (tile_key (tx, ty))))
          {
            best_distance = distance;
            best_key = tile_key (tx, ty);
          }
      }

  if (best_distance == G_MAXUINT)
    {
      self->idle_id = 0;
      return G_SOURCE_REMOVE;
    }

  get_tile (self, best_key & 0xffff, best_key >> 16);
  return G_SOURCE_CONTINUE;
}

void
_sp_matrix_widget_schedule_prefetch (SpMatrixWidget *self)
{
  if (self->idle_id == 0 && self->layout != NULL)
    self->idle_id = g_idle_add_full (G_PRIORITY_LOW, prefetch_cb, self, NULL);
}

/* Keeps the tiles near the view when the budget is exceeded */
void
_sp_matrix_widget_trim_tiles (SpMatrixWidget *self)
{
  GHashTableIter iter;
  gpointer key;
  guint cx, cy, reach;

  if (g_hash_table_size (self->tiles) <= MAX_TILES)
    return;

  view_centre (self, &cx, &cy);
  reach = 1 + (guint)MAX (gtk_widget_get_width (GTK_WIDGET (self)), gtk_widget_get_height (GTK_WIDGET (self))) / TILE_SIZE;

  g_hash_table_iter_init (&iter, self->tiles);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint k = GPOINTER_TO_UINT (key);
      guint tx = k & 0xffff, ty = k >> 16;

      /* The header tiles stay: they are shown in every frame */
      if (ty == 0 || tx == 0)
        continue;
      if ((guint)ABS ((int)tx - (int)cx) > reach || (guint)ABS ((int)ty - (int)cy) > reach)
        g_hash_table_iter_remove (&iter);
    }
}

