#define G_LOG_DOMAIN "sp-reader"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-stance-palette.h"
#include "sp-reader.h"

/* Highlights are the matrix palette's colour at this opacity, so the text stays readable in
 * both light and dark styles. */
#define HIGHLIGHT_ALPHA 0.5

struct _SpReader
{
  GtkWidget       parent_instance;

  SpDocument     *document;

  GtkWidget      *box;
  GtkLabel       *title_label;
  GtkLabel       *meta_label;
  GtkTextView    *text_view;
  GtkTextBuffer  *buffer;
  GtkTextTag     *stance_tags[SP_STANCE_MAX - SP_STANCE_MIN + 1];
};

G_DEFINE_FINAL_TYPE (SpReader, sp_reader, GTK_TYPE_WIDGET)

static void
sp_reader_dispose (GObject *object)
{
  SpReader *self = (SpReader *)object;

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (sp_reader_parent_class)->dispose (object);
}

static void
sp_reader_class_init (SpReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_reader_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "reader");
}

static void
create_stance_tags (SpReader *self)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (self->buffer);

  for (int stance = SP_STANCE_MIN; stance <= SP_STANCE_MAX; stance++)
    {
      g_autofree char *name = g_strdup_printf ("stance%+d", stance);
      GdkRGBA rgba = { 0, 0, 0, HIGHLIGHT_ALPHA };
      GtkTextTag *tag;
      SpRgb fill;

      sp_stance_mark_color (stance, &fill);
      rgba.red = fill.red;
      rgba.green = fill.green;
      rgba.blue = fill.blue;

      tag = gtk_text_tag_new (name);
      g_object_set (tag,
                    "background-rgba", &rgba,
                    "underline", PANGO_UNDERLINE_SINGLE,
                    NULL);
      gtk_text_tag_table_add (table, tag);
      self->stance_tags[stance - SP_STANCE_MIN] = tag;
      g_object_unref (tag);
    }
}

static void
sp_reader_init (SpReader *self)
{
  GtkWidget *header;
  GtkWidget *scroller;

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (self->box, "view");
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  header = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_margin_start (header, 24);
  gtk_widget_set_margin_end (header, 24);
  gtk_widget_set_margin_top (header, 18);
  gtk_widget_set_margin_bottom (header, 6);
  gtk_box_append (GTK_BOX (self->box), header);

  self->title_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->title_label, TRUE);
  gtk_label_set_xalign (self->title_label, 0);
  gtk_label_set_selectable (self->title_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "title-3");
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->title_label));

  self->meta_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->meta_label, TRUE);
  gtk_label_set_wrap_mode (self->meta_label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (self->meta_label, 0);
  gtk_label_set_selectable (self->meta_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->meta_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->meta_label), "caption");
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->meta_label));

  scroller = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_box_append (GTK_BOX (self->box), scroller);

  self->text_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_editable (self->text_view, FALSE);
  gtk_text_view_set_cursor_visible (self->text_view, TRUE);
  gtk_text_view_set_wrap_mode (self->text_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (self->text_view, 24);
  gtk_text_view_set_right_margin (self->text_view, 24);
  gtk_text_view_set_top_margin (self->text_view, 6);
  gtk_text_view_set_bottom_margin (self->text_view, 24);
  gtk_text_view_set_pixels_below_lines (self->text_view, 4);
  gtk_text_view_set_pixels_inside_wrap (self->text_view, 2);
  gtk_widget_add_css_class (GTK_WIDGET (self->text_view), "reader-text");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->text_view));

  self->buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_set_enable_undo (self->buffer, FALSE);
  create_stance_tags (self);
}

GtkWidget *
sp_reader_new (void)
{
  return g_object_new (SP_TYPE_READER, NULL);
}

static char *
describe_document (SpDocument *document)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  if (sp_document_get_date (document))
    g_ptr_array_add (parts, (gpointer)sp_document_get_date (document));
  if (sp_document_get_source (document))
    g_ptr_array_add (parts, (gpointer)sp_document_get_source (document));
  if (sp_document_get_author (document))
    g_ptr_array_add (parts, (gpointer)sp_document_get_author (document));
  g_ptr_array_add (parts, (gpointer)sp_document_get_file_name (document));
  if (sp_document_get_url (document))
    g_ptr_array_add (parts, (gpointer)sp_document_get_url (document));
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (" · ", (char **)parts->pdata);
}

/**
 * sp_reader_set_document:
 * @document: (nullable): the document to show
 * @body: (nullable): its stored body, which claim offsets refer to
 */
void
sp_reader_set_document (SpReader   *self,
                        SpDocument *document,
                        const char *body)
{
  g_autofree char *meta = NULL;

  g_return_if_fail (SP_IS_READER (self));

  g_set_object (&self->document, document);

  /* Article text is plain text: set_text, never markup */
  gtk_text_buffer_set_text (self->buffer, body ? body : "", -1);

  if (document != NULL)
    {
      meta = describe_document (document);
      gtk_label_set_text (self->title_label, sp_document_get_title (document));
      gtk_label_set_text (self->meta_label, meta);
    }
  else
    {
      gtk_label_set_text (self->title_label, "");
      gtk_label_set_text (self->meta_label, "");
    }

  gtk_text_view_scroll_to_mark (self->text_view, gtk_text_buffer_get_insert (self->buffer),
                                0, FALSE, 0, 0);
}

/* Returns: (transfer none) (nullable) */
SpDocument *
sp_reader_get_document (SpReader *self)
{
  g_return_val_if_fail (SP_IS_READER (self), NULL);
  return self->document;
}

void
sp_reader_set_claims (SpReader   *self,
                      GListModel *claims)
{
  GtkTextIter start, end;
  guint n;

  g_return_if_fail (SP_IS_READER (self));

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  for (guint i = 0; i < G_N_ELEMENTS (self->stance_tags); i++)
    gtk_text_buffer_remove_tag (self->buffer, self->stance_tags[i], &start, &end);

  if (claims == NULL)
    return;

  n = g_list_model_get_n_items (claims);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SpClaim) claim = g_list_model_get_item (claims, i);
      int stance = CLAMP (sp_claim_get_stance (claim), SP_STANCE_MIN, SP_STANCE_MAX);

      gtk_text_buffer_get_iter_at_offset (self->buffer, &start, sp_claim_get_start (claim));
      gtk_text_buffer_get_iter_at_offset (self->buffer, &end, sp_claim_get_end (claim));
      gtk_text_buffer_apply_tag (self->buffer, self->stance_tags[stance - SP_STANCE_MIN], &start, &end);
    }
}

/**
 * sp_reader_get_selection:
 * @start: (out): first selected character
 * @end: (out): one past the last selected character
 *
 * The selection without leading and trailing white space, so that a sloppy mouse drag still
 * gives a clean claim span.
 *
 * Returns: %FALSE when nothing but white space is selected
 */
gboolean
sp_reader_get_selection (SpReader *self,
                         guint    *start,
                         guint    *end)
{
  GtkTextIter begin_iter, end_iter;

  g_return_val_if_fail (SP_IS_READER (self), FALSE);

  if (!gtk_text_buffer_get_selection_bounds (self->buffer, &begin_iter, &end_iter))
    return FALSE;

  while (gtk_text_iter_compare (&begin_iter, &end_iter) < 0 &&
         g_unichar_isspace (gtk_text_iter_get_char (&begin_iter)))
    gtk_text_iter_forward_char (&begin_iter);

  while (gtk_text_iter_compare (&begin_iter, &end_iter) < 0)
    {
      GtkTextIter before = end_iter;

      gtk_text_iter_backward_char (&before);
      if (!g_unichar_isspace (gtk_text_iter_get_char (&before)))
        break;
      end_iter = before;
    }

  if (gtk_text_iter_equal (&begin_iter, &end_iter))
    return FALSE;

  *start = gtk_text_iter_get_offset (&begin_iter);
  *end = gtk_text_iter_get_offset (&end_iter);

  return TRUE;
}

void
sp_reader_select_range (SpReader *self,
                        guint     start,
                        guint     end)
{
  GtkTextIter start_iter, end_iter;

  g_return_if_fail (SP_IS_READER (self));

  gtk_text_buffer_get_iter_at_offset (self->buffer, &start_iter, start);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &end_iter, end);
  gtk_text_buffer_select_range (self->buffer, &start_iter, &end_iter);
  gtk_text_view_scroll_to_iter (self->text_view, &start_iter, 0.1, FALSE, 0, 0);
}

/* Returns: (transfer full): the body's text between two character offsets */
char *
sp_reader_dup_text (SpReader *self,
                    guint     start,
                    guint     end)
{
  GtkTextIter start_iter, end_iter;

  g_return_val_if_fail (SP_IS_READER (self), NULL);

  gtk_text_buffer_get_iter_at_offset (self->buffer, &start_iter, start);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &end_iter, end);

  return gtk_text_buffer_get_text (self->buffer, &start_iter, &end_iter, FALSE);
}

/**
 * sp_reader_get_range_rect:
 * @rect: (out): where the range is drawn, in the text view's coordinates
 *
 * Used to point a popover at the claimed text.
 */
gboolean
sp_reader_get_range_rect (SpReader     *self,
                          guint         start,
                          guint         end,
                          GdkRectangle *rect)
{
  GtkTextIter start_iter, end_iter;
  GdkRectangle first, last;
  int x, y;

  g_return_val_if_fail (SP_IS_READER (self), FALSE);

  gtk_text_buffer_get_iter_at_offset (self->buffer, &start_iter, start);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &end_iter, end);
  gtk_text_view_get_iter_location (self->text_view, &start_iter, &first);
  gtk_text_view_get_iter_location (self->text_view, &end_iter, &last);

  if (first.y == last.y)
    gdk_rectangle_union (&first, &last, rect);
  else
    *rect = first;

  gtk_text_view_buffer_to_window_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET,
                                         rect->x, rect->y, &x, &y);
  rect->x = x;
  rect->y = y;
  rect->width = MAX (rect->width, 1);
  rect->height = MAX (rect->height, 1);

  return TRUE;
}

/* Returns: (transfer none) */
GtkTextView *
sp_reader_get_text_view (SpReader *self)
{
  g_return_val_if_fail (SP_IS_READER (self), NULL);
  return self->text_view;
}

/* Returns: how many claim highlights cover the character at @offset */
guint
sp_reader_count_highlighted (SpReader *self,
                             guint     offset)
{
  GtkTextIter iter;
  guint n = 0;

  g_return_val_if_fail (SP_IS_READER (self), 0);

  gtk_text_buffer_get_iter_at_offset (self->buffer, &iter, offset);
  for (guint i = 0; i < G_N_ELEMENTS (self->stance_tags); i++)
    if (gtk_text_iter_has_tag (&iter, self->stance_tags[i]))
      n++;

  return n;
}
