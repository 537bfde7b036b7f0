/* sp-reader.c
 *
 * The body is shown exactly as stored, because claim offsets count its characters: the
 * layout (paragraph spacing, blank lines, a first line that repeats the title) is done with
 * text tags and never with inserted or removed characters.
 */
#define G_LOG_DOMAIN "sp-reader"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-stance-palette.h"
#include "sp-reader.h"

/* Highlights are the matrix palette's colour at this opacity, so the text stays readable in
 * both light and dark styles; the underline carries the full colour. */
#define HIGHLIGHT_ALPHA 0.5

/* Space after a paragraph: about a blank line of the reader's text */
#define PARAGRAPH_GAP 14

struct _SpReader
{
  GtkWidget       parent_instance;

  SpDocument     *document;
  guint           title_end;     /* characters of a first line that repeats the title, or 0 */

  GtkWidget      *box;
  GtkLabel       *title_label;
  GtkLabel       *meta_label;
  GtkLabel       *url_label;
  GtkTextView    *text_view;
  GtkTextBuffer  *buffer;
  GtkTextTag     *stance_tags[SP_STANCE_MAX - SP_STANCE_MIN + 1];
  GtkTextTag     *hidden_tag;    /* blank lines, and a first line repeating the title */
  GtkTextTag     *paragraph_tag; /* the last line of a paragraph */
  GtkTextMark    *scroll_mark;   /* where a scroll waiting for the layout goes */
  double          scroll_yalign;
  gboolean        scroll_pending;
  guint           scroll_idle;
  GtkWidget      *context_menu;
  GMenuModel     *extra_menu;
};

G_DEFINE_FINAL_TYPE (SpReader, sp_reader, GTK_TYPE_WIDGET)

static void
sp_reader_dispose (GObject *object)
{
  SpReader *self = (SpReader *)object;

  g_clear_handle_id (&self->scroll_idle, g_source_remove);
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->document);
  g_clear_object (&self->extra_menu);

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
create_tags (SpReader *self)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (self->buffer);

  for (int stance = SP_STANCE_MIN; stance <= SP_STANCE_MAX; stance++)
    {
      g_autofree char *name = g_strdup_printf ("stance%+d", stance);
      GdkRGBA fill_rgba = { 0, 0, 0, HIGHLIGHT_ALPHA };
      GdkRGBA line_rgba = { 0, 0, 0, 1.0 };
      GtkTextTag *tag;
      SpRgb fill;

      sp_stance_mark_color (stance, &fill);
      fill_rgba.red = line_rgba.red = fill.red;
      fill_rgba.green = line_rgba.green = fill.green;
      fill_rgba.blue = line_rgba.blue = fill.blue;

      tag = gtk_text_tag_new (name);
      g_object_set (tag,
                    "background-rgba", &fill_rgba,
                    "underline", PANGO_UNDERLINE_SINGLE,
                    "underline-rgba", &line_rgba,
                    NULL);
      gtk_text_tag_table_add (table, tag);
      self->stance_tags[stance - SP_STANCE_MIN] = tag;
      g_object_unref (tag);
    }

  self->hidden_tag = gtk_text_buffer_create_tag (self->buffer, "hidden", "invisible", TRUE, NULL);
  self->paragraph_tag = gtk_text_buffer_create_tag (self->buffer, "paragraph-end",
                                                    "pixels-below-lines", PARAGRAPH_GAP,
                                                    NULL);
}

/* The context menu: what applies to a read-only article */

static void
popup_context_menu (SpReader *self,
                    double    x,
                    double    y)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();

  g_menu_append (section, _("_Copy"), "clipboard.copy");
  g_menu_append (section, _("Select _All"), "selection.select-all");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  if (self->extra_menu != NULL)
    g_menu_append_section (menu, NULL, self->extra_menu);

  if (self->context_menu == NULL)
    {
      self->context_menu = gtk_popover_menu_new_from_model (NULL);
      gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self->text_view));
      gtk_popover_set_position (GTK_POPOVER (self->context_menu), GTK_POS_BOTTOM);
      gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
      gtk_widget_set_halign (self->context_menu, GTK_ALIGN_START);
    }

  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->context_menu), G_MENU_MODEL (menu));
  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu), &(GdkRectangle) { x, y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

static void
context_click_cb (SpReader        *self,
                  int              n_press,
                  double           x,
                  double           y,
                  GtkGestureClick *gesture)
{
  GdkEventSequence *sequence = gtk_gesture_single_get_current_sequence (GTK_GESTURE_SINGLE (gesture));
  GdkEvent *event = gtk_gesture_get_last_event (GTK_GESTURE (gesture), sequence);
  GtkTextIter iter, start, end;
  int buffer_x, buffer_y;

  if (event == NULL || !gdk_event_triggers_context_menu (event))
    return;

  /* Ours instead of the text view's, which offers editing to a read-only text */
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);

  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET, x, y, &buffer_x, &buffer_y);
  gtk_text_view_get_iter_at_location (self->text_view, &iter, buffer_x, buffer_y);
  if (!gtk_text_buffer_get_selection_bounds (self->buffer, &start, &end) ||
      !gtk_text_iter_in_range (&iter, &start, &end))
    gtk_text_buffer_place_cursor (self->buffer, &iter);

  popup_context_menu (self, x, y);
}

static gboolean
context_key_cb (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  SpReader *self = SP_READER (user_data);
  GdkRectangle cursor;
  GtkTextIter iter;
  int x, y;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, gtk_text_buffer_get_insert (self->buffer));
  gtk_text_view_get_iter_location (self->text_view, &iter, &cursor);
  gtk_text_view_buffer_to_window_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET,
                                         cursor.x, cursor.y + cursor.height, &x, &y);
  x = CLAMP (x, 0, gtk_widget_get_width (GTK_WIDGET (self->text_view)));
  y = CLAMP (y, 0, gtk_widget_get_height (GTK_WIDGET (self->text_view)));
  popup_context_menu (self, x, y);

  return TRUE;
}

static void
setup_context_menu (SpReader *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_shortcut_controller_new ();
  GtkShortcutAction *action = gtk_callback_action_new (context_key_cb, self, NULL);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_object (click, "pressed", G_CALLBACK (context_click_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), GTK_EVENT_CONTROLLER (click));

  /* The keys GtkTextView binds to its own menu */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Menu, 0),
                                                                                       gtk_keyval_trigger_new (GDK_KEY_F10, GDK_SHIFT_MASK)),
                                                          action));
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), keys);
}

/* Scrolling */

/* GtkTextView measures a new text's lines in idle callbacks above this priority; until it has,
 * the position of a line far down is a guess, and so is a scroll to it (its own queued
 * scrolls are done after measuring only the lines on screen). */
static gboolean
scroll_when_laid_out_cb (gpointer data)
{
  SpReader *self = data;

  self->scroll_idle = 0;

  /* Hidden: the text view measures its lines when it is shown again */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self->text_view)))
    return G_SOURCE_REMOVE;

  self->scroll_pending = FALSE;
  gtk_text_view_scroll_to_mark (self->text_view, self->scroll_mark, 0.0, TRUE, 0.0, self->scroll_yalign);

  return G_SOURCE_REMOVE;
}

static void
queue_scroll (SpReader *self)
{
  if (self->scroll_pending && self->scroll_idle == 0)
    self->scroll_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, scroll_when_laid_out_cb, self, NULL);
}

static void
text_view_mapped_cb (SpReader *self)
{
  queue_scroll (self);
}

static void
cancel_scroll (SpReader *self)
{
  self->scroll_pending = FALSE;
  g_clear_handle_id (&self->scroll_idle, g_source_remove);
}

static void
sp_reader_init (SpReader *self)
{
  GtkWidget *header;
  GtkWidget *scroller;

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (self->box, "view");
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  /* Title and metadata stay in view above the text, so they are kept short: the title in two
   * lines at most and the rest in one line each, all of it in tooltips */
  header = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_margin_start (header, 24);
  gtk_widget_set_margin_end (header, 24);
  gtk_widget_set_margin_top (header, 14);
  gtk_widget_set_margin_bottom (header, 4);
  gtk_box_append (GTK_BOX (self->box), header);

  self->title_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->title_label, TRUE);
  gtk_label_set_wrap_mode (self->title_label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (self->title_label, 2);
  gtk_label_set_ellipsize (self->title_label, PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (self->title_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "title-3");
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->title_label));

  self->meta_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_ellipsize (self->meta_label, PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (self->meta_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->meta_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->meta_label), "caption");
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->meta_label));

  /* Selectable, so that the address can be copied */
  self->url_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_ellipsize (self->url_label, PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_single_line_mode (self->url_label, TRUE);
  gtk_label_set_xalign (self->url_label, 0);
  gtk_label_set_selectable (self->url_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->url_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->url_label), "caption");
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->url_label));

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
  gtk_text_view_set_top_margin (self->text_view, 8);
  gtk_text_view_set_bottom_margin (self->text_view, 24);
  gtk_text_view_set_pixels_inside_wrap (self->text_view, 3);
  gtk_widget_add_css_class (GTK_WIDGET (self->text_view), "reader-text");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->text_view));

  self->buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_set_enable_undo (self->buffer, FALSE);
  g_signal_connect_object (self->text_view, "map", G_CALLBACK (text_view_mapped_cb), self, G_CONNECT_SWAPPED);
  create_tags (self);
  setup_context_menu (self);
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
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (" · ", (char **)parts->pdata);
}

static void
set_label (GtkLabel   *label,
           const char *text)
{
  gtk_label_set_text (label, text ? text : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), text && text[0] ? text : NULL);
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && text[0] != '\0');
}

/* Title and line compared without case, Markdown heading marks and runs of white space */
static char *
comparable_line (const char *text,
                 gssize      length)
{
  g_autofree char *normal = g_utf8_normalize (text, length, G_NORMALIZE_NFC);
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = NULL;
  const char *start;

  if (normal == NULL)
    return g_strdup ("");

  for (start = normal; *start == '#' || g_ascii_isspace (*start); start++)
    ;
  folded = g_utf8_casefold (start, -1);
  words = g_strsplit_set (g_strstrip (folded), " \t\r\n", -1);

  return g_strjoinv (" ", words);
}

static gboolean
is_blank (const char *line,
          const char *end)
{
  for (const char *p = line; p < end; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static void
apply_tag (SpReader   *self,
           GtkTextTag *tag,
           guint       start,
           guint       end)
{
  GtkTextIter start_iter, end_iter;

  gtk_text_buffer_get_iter_at_offset (self->buffer, &start_iter, start);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &end_iter, end);
  gtk_text_buffer_apply_tag (self->buffer, tag, &start_iter, &end_iter);
}

/* Paragraphs a blank line apart whichever way the body marks them: when it has blank lines,
 * those are the breaks (they are hidden, and the line before one gets the space); otherwise
 * every line is a paragraph. A first line repeating the title is hidden too. */
static void
lay_out_body (SpReader   *self,
              const char *body)
{
  gboolean blank_separated = FALSE;
  gboolean first_seen = FALSE;
  const char *line;
  guint offset = 0;

  self->title_end = 0;

  /* A blank line with text after it */
  for (line = body; *line != '\0' && !blank_separated; )
    {
      const char *newline = strchr (line, '\n');

      if (newline == NULL)
        break;
      blank_separated = first_seen && is_blank (line, newline);
      first_seen |= !is_blank (line, newline);
      line = newline + 1;
    }
  first_seen = FALSE;

  gtk_text_view_set_pixels_below_lines (self->text_view, blank_separated ? 0 : PARAGRAPH_GAP);

  for (line = body; *line != '\0'; )
    {
      const char *newline = strchr (line, '\n');
      const char *line_end = newline ? newline : line + strlen (line);
      const char *next_line = newline ? newline + 1 : NULL;
      guint length = g_utf8_strlen (line, line_end - line);
      guint next_offset = offset + length + (newline ? 1 : 0);
      gboolean is_title = FALSE;

      if (is_blank (line, line_end))
        apply_tag (self, self->hidden_tag, offset, next_offset);
      else
        {
          if (!first_seen && self->document != NULL)
            {
              g_autofree char *title = comparable_line (sp_document_get_title (self->document), -1);
              g_autofree char *first = comparable_line (line, line_end - line);

              is_title = title[0] != '\0' && g_str_equal (title, first);
              if (is_title)
                {
                  self->title_end = next_offset;
                  apply_tag (self, self->hidden_tag, offset, next_offset);
                }
            }

          if (!is_title && blank_separated)
            {
              const char *next_end = next_line ? strchr (next_line, '\n') : NULL;

              if (next_line == NULL || is_blank (next_line, next_end ? next_end : next_line + strlen (next_line)))
                apply_tag (self, self->paragraph_tag, offset, next_offset);
            }
          first_seen = TRUE;
        }

      offset = next_offset;
      line = next_line ? next_line : line_end;
    }
}

/**
 * sp_reader_set_document:
 * @document: (nullable): the document to show
 * @body: (nullable): its stored body, which claim offsets refer to
 *
 * A new document opens at its top. The document already shown (as when the document list
 * reloads after an import) keeps its scroll position and selection: a body never changes
 * after import.
 */
void
sp_reader_set_document (SpReader   *self,
                        SpDocument *document,
                        const char *body)
{
  g_autofree char *meta = NULL;
  GtkTextIter start;
  gboolean same;

  g_return_if_fail (SP_IS_READER (self));

  same = document != NULL && self->document != NULL &&
         sp_document_get_id (document) == sp_document_get_id (self->document);
  g_set_object (&self->document, document);

  if (document != NULL)
    {
      meta = describe_document (document);
      set_label (self->title_label, sp_document_get_title (document));
      set_label (self->meta_label, meta);
      set_label (self->url_label, sp_document_get_url (document));
    }
  else
    {
      set_label (self->title_label, NULL);
      set_label (self->meta_label, NULL);
      set_label (self->url_label, NULL);
    }

  if (same)
    return;

  /* Article text is plain text: set_text, never markup */
  gtk_text_buffer_set_text (self->buffer, body ? body : "", -1);
  lay_out_body (self, body ? body : "");

  /* set_text() leaves the cursor at the end, where the text view would scroll to follow it */
  gtk_text_buffer_get_iter_at_offset (self->buffer, &start, self->title_end);
  gtk_text_buffer_place_cursor (self->buffer, &start);
  cancel_scroll (self);
  gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->text_view)), 0);
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
  gboolean title_claimed = FALSE;
  guint n;

  g_return_if_fail (SP_IS_READER (self));

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  for (guint i = 0; i < G_N_ELEMENTS (self->stance_tags); i++)
    gtk_text_buffer_remove_tag (self->buffer, self->stance_tags[i], &start, &end);

  n = claims ? g_list_model_get_n_items (claims) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SpClaim) claim = g_list_model_get_item (claims, i);
      int stance = CLAMP (sp_claim_get_stance (claim), SP_STANCE_MIN, SP_STANCE_MAX);

      apply_tag (self, self->stance_tags[stance - SP_STANCE_MIN], sp_claim_get_start (claim), sp_claim_get_end (claim));
      title_claimed |= sp_claim_get_start (claim) < self->title_end;
    }

  /* A claim on the first line shows it, title or not */
  if (self->title_end > 0)
    {
      gtk_text_buffer_get_iter_at_offset (self->buffer, &end, self->title_end);
      if (title_claimed)
        gtk_text_buffer_remove_tag (self->buffer, self->hidden_tag, &start, &end);
      else
        gtk_text_buffer_apply_tag (self->buffer, self->hidden_tag, &start, &end);
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

/**
 * sp_reader_scroll_to_range:
 * @yalign: where the range goes: 0 at the top of the view, 0.5 in its middle
 *
 * The scroll happens once the text is laid out (at once if it is, or when the reader is
 * next shown and has measured its lines), so that it lands where it was meant to right
 * after a new document was loaded or while the reader is hidden.
 */
void
sp_reader_scroll_to_range (SpReader *self,
                           guint     start,
                           guint     end,
                           double    yalign)
{
  GtkTextIter iter;

  g_return_if_fail (SP_IS_READER (self));

  self->scroll_yalign = CLAMP (yalign, 0.0, 1.0);
  end = MAX (start, end);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &iter, start + (guint)((end - start) * self->scroll_yalign));
  if (self->scroll_mark == NULL)
    self->scroll_mark = gtk_text_buffer_create_mark (self->buffer, NULL, &iter, TRUE);
  else
    gtk_text_buffer_move_mark (self->buffer, self->scroll_mark, &iter);

  self->scroll_pending = TRUE;
  queue_scroll (self);
}

/* Selects a range and brings it to the middle of the view */
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
  sp_reader_scroll_to_range (self, start, end, 0.5);
}

/* Returns: (transfer full): the body's text between two character offsets, exactly as stored */
char *
sp_reader_dup_text (SpReader *self,
                    guint     start,
                    guint     end)
{
  GtkTextIter start_iter, end_iter;

  g_return_val_if_fail (SP_IS_READER (self), NULL);

  gtk_text_buffer_get_iter_at_offset (self->buffer, &start_iter, start);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &end_iter, end);

  return gtk_text_buffer_get_text (self->buffer, &start_iter, &end_iter, TRUE);
}

/**
 * sp_reader_get_range_rect:
 * @rect: (out): the part of the text view the range covers, in its coordinates: the full
 *   width of its lines, cut to what the view shows
 *
 * Used to point a popover at the claimed text without covering it.
 *
 * Returns: %FALSE when no part of the range is in view (@rect is then the view's edge
 *   nearest to it)
 */
gboolean
sp_reader_get_range_rect (SpReader     *self,
                          guint         start,
                          guint         end,
                          GdkRectangle *rect)
{
  GtkTextIter start_iter, end_iter;
  GdkRectangle first, last;
  int width, height;
  int top, bottom, x;

  g_return_val_if_fail (SP_IS_READER (self), FALSE);

  width = gtk_widget_get_width (GTK_WIDGET (self->text_view));
  height = gtk_widget_get_height (GTK_WIDGET (self->text_view));
  if (width <= 0 || height <= 0)
    {
      *rect = (GdkRectangle) { 0, 0, 1, 1 };
      return FALSE;
    }

  gtk_text_buffer_get_iter_at_offset (self->buffer, &start_iter, start);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &end_iter, end > start ? end - 1 : start);
  gtk_text_view_get_iter_location (self->text_view, &start_iter, &first);
  gtk_text_view_get_iter_location (self->text_view, &end_iter, &last);
  gtk_text_view_buffer_to_window_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET, first.x, first.y, &x, &top);
  gtk_text_view_buffer_to_window_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET, last.x, last.y + last.height, &x, &bottom);

  if (first.y == last.y)
    {
      int left, right, unused;

      gtk_text_view_buffer_to_window_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET, first.x, 0, &left, &unused);
      gtk_text_view_buffer_to_window_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET, last.x + last.width, 0, &right, &unused);
      rect->x = CLAMP (left, 0, width - 1);
      rect->width = MAX (CLAMP (right, 0, width) - rect->x, 1);
    }
  else
    {
      rect->x = 0;
      rect->width = MAX (width, 1);
    }

  rect->y = CLAMP (top, 0, height - 1);
  rect->height = MAX (CLAMP (bottom, 0, height) - rect->y, 1);

  return bottom > 0 && top < height;
}

/* Returns: (transfer none) */
GtkTextView *
sp_reader_get_text_view (SpReader *self)
{
  g_return_val_if_fail (SP_IS_READER (self), NULL);
  return self->text_view;
}

/**
 * sp_reader_set_extra_menu:
 * @model: (nullable): items for the context menu, after Copy and Select All
 */
void
sp_reader_set_extra_menu (SpReader   *self,
                          GMenuModel *model)
{
  g_return_if_fail (SP_IS_READER (self));

  g_set_object (&self->extra_menu, model);
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
