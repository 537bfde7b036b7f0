/* sp-reader.c
 *
 * The reader: one document's text with its claims highlighted in their stance's colour, and
 * the user's selection reported as character offsets into the stored body. What stands above
 * the text is in sp-reader-header.c, the text is laid out in sp-reader-text.c, and the find
 * bar and search matches live in sp-reader-find.c.
 */
#define G_LOG_DOMAIN "sp-reader"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-stance-palette.h"
#include "sp-reader-private.h"

/* Highlights are the matrix palette's colour at this opacity, so the text stays readable in
 * both light and dark styles; the underline carries the full colour. */
#define HIGHLIGHT_ALPHA 0.5

enum {
  PROP_0,
  PROP_SHOW_REMOVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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
  g_clear_object (&self->claims);
  g_clear_object (&self->suggestions);
  g_clear_object (&self->removals);

  G_OBJECT_CLASS (sp_reader_parent_class)->dispose (object);
}

static void
sp_reader_finalize (GObject *object)
{
  SpReader *self = (SpReader *)object;

  g_clear_pointer (&self->body, g_free);
  g_clear_pointer (&self->segments, g_array_unref);
  g_clear_pointer (&self->search_ranges, g_array_unref);
  g_clear_pointer (&self->find_matches, g_array_unref);

  G_OBJECT_CLASS (sp_reader_parent_class)->finalize (object);
}

static void
sp_reader_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SpReader *self = SP_READER (object);

  switch (prop_id)
    {
    case PROP_SHOW_REMOVED:
      g_value_set_boolean (value, self->show_removed);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_reader_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  SpReader *self = SP_READER (object);

  switch (prop_id)
    {
    case PROP_SHOW_REMOVED:
      sp_reader_set_show_removed (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}


static void
sp_reader_class_init (SpReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_reader_dispose;
  object_class->finalize = sp_reader_finalize;
  object_class->get_property = sp_reader_get_property;
  object_class->set_property = sp_reader_set_property;

  /**
   * SpReader:show-removed:
   *
   * Whether the blocks cleaning took out of the document are shown inside its text
   */
  properties[PROP_SHOW_REMOVED] =
    g_param_spec_boolean ("show-removed", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "reader");
  _sp_reader_class_init_suggestions (klass);
}

static void
create_tags (SpReader *self)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (self->buffer);

  /* First, so that a claim's highlight wins over a suggestion's where they overlap */
  _sp_reader_create_suggestion_tags (self);

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
                                                    "pixels-below-lines", 14,
                                                    NULL);
  /* Grey at half strength reads as dimmed on both light and dark backgrounds; the block is
   * set in from the text and tinted, so it cannot be taken for the article */
  self->removed_tag = gtk_text_buffer_create_tag (self->buffer, "removed",
                                                  "foreground-rgba", &(GdkRGBA) { 0.5, 0.5, 0.5, 1.0 },
                                                  "paragraph-background-rgba", &(GdkRGBA) { 0.5, 0.5, 0.5, 0.10 },
                                                  "style", PANGO_STYLE_ITALIC,
                                                  "left-margin", 40,
                                                  "right-margin", 16,
                                                  NULL);
  self->removed_top_tag = gtk_text_buffer_create_tag (self->buffer, "removed-top",
                                                      "pixels-above-lines", 6,
                                                      "pixels-below-lines", 0,
                                                      NULL);
  self->removed_bottom_tag = gtk_text_buffer_create_tag (self->buffer, "removed-bottom",
                                                         "pixels-above-lines", 0,
                                                         "pixels-below-lines", 14,
                                                         NULL);
  /* The matches of a search: the yellow of a highlighter pen, the current one in orange */
  self->match_tag = gtk_text_buffer_create_tag (self->buffer, "match",
                                                "background-rgba", &(GdkRGBA) { 0.96, 0.83, 0.18, 0.55 },
                                                NULL);
  self->current_tag = gtk_text_buffer_create_tag (self->buffer, "current-match",
                                                  "background-rgba", &(GdkRGBA) { 1.0, 0.47, 0.0, 0.75 },
                                                  NULL);
}

/* The context menu: what applies to a read-only article */

static void
popup_context_menu (SpReader *self,
                    double    x,
                    double    y,
                    guint     buffer_offset)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();
  gint64 removal_id = _sp_reader_removal_at (self, buffer_offset);

  g_menu_append (section, _("_Copy"), "clipboard.copy");
  g_menu_append (section, _("Select _All"), "selection.select-all");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));

  /* In removed text: putting it back, not tagging it */
  if (removal_id != 0)
    {
      g_autoptr(GMenu) restore = g_menu_new ();
      g_autoptr(GMenuItem) item = g_menu_item_new (_("_Restore This Text"), NULL);

      g_menu_item_set_action_and_target_value (item, "documents.restore-removal", g_variant_new_int64 (removal_id));
      g_menu_append_item (restore, item);
      g_menu_append_section (menu, NULL, G_MENU_MODEL (restore));
    }
  else if (self->extra_menu != NULL)
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

  popup_context_menu (self, x, y, gtk_text_iter_get_offset (&iter));
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
  popup_context_menu (self, x, y, gtk_text_iter_get_offset (&iter));

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
  GtkWidget *scroller;

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (self->box, "view");
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  _sp_reader_init_header (self, self->box);
  _sp_reader_init_find (self, self->box);

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
  self->segments = g_array_new (FALSE, FALSE, sizeof (SpReaderSegment));
  self->search_ranges = g_array_new (FALSE, FALSE, sizeof (SpTextRange));
  self->can_restore = TRUE;
  gtk_text_buffer_set_enable_undo (self->buffer, FALSE);
  g_signal_connect_object (self->text_view, "map", G_CALLBACK (text_view_mapped_cb), self, G_CONNECT_SWAPPED);
  create_tags (self);
  setup_context_menu (self);
  _sp_reader_init_suggestions (self);
}

GtkWidget *
sp_reader_new (void)
{
  return g_object_new (SP_TYPE_READER, NULL);
}

/* Keeps the view where it was while the buffer is refilled: the same document shown again,
 * or its removed text shown or hidden */
static void
refill_keeping_place (SpReader *self)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->text_view));
  GtkTextIter top, iter;
  guint top_body;
  int y;

  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET, 0, 0, NULL, &y);
  gtk_text_view_get_line_at_y (self->text_view, &top, y, NULL);
  top_body = _sp_reader_to_body (self, gtk_text_iter_get_offset (&top));

  _sp_reader_fill_text (self);

  if (gtk_adjustment_get_value (adjustment) <= 0)
    return;
  _sp_reader_iter_at_body (self, &iter, top_body, FALSE);
  if (self->scroll_mark == NULL)
    self->scroll_mark = gtk_text_buffer_create_mark (self->buffer, NULL, &iter, TRUE);
  else
    gtk_text_buffer_move_mark (self->buffer, self->scroll_mark, &iter);
  self->scroll_yalign = 0.0;
  self->scroll_pending = TRUE;
  queue_scroll (self);
}

/**
 * sp_reader_set_document:
 * @document: (nullable): the document to show
 * @body: (nullable): its stored body, which claim offsets refer to
 *
 * A new document opens at its top. The document already shown (as when the document list
 * reloads after an import) keeps its scroll position and selection while its body is the
 * same; restoring removed text changes the body, and the view then stays near where it was.
 * The document's removed blocks, claims and search matches are forgotten when another
 * document comes.
 */
void
sp_reader_set_document (SpReader   *self,
                        SpDocument *document,
                        const char *body)
{
  GtkTextIter start;
  gboolean same;

  g_return_if_fail (SP_IS_READER (self));

  same = document != NULL && self->document != NULL &&
         sp_document_get_id (document) == sp_document_get_id (self->document);
  g_set_object (&self->document, document);

  if (!same)
    {
      g_clear_object (&self->claims);
      g_clear_object (&self->suggestions);
      self->current_suggestion = 0;
      g_clear_object (&self->removals);
      g_array_set_size (self->search_ranges, 0);
      sp_reader_set_near_duplicate (self, 0, NULL);
    }
  _sp_reader_show_header (self);

  if (same && g_strcmp0 (body, self->body) == 0)
    return;

  g_free (self->body);
  self->body = g_strdup (body ? body : "");

  if (same)
    {
      refill_keeping_place (self);
      return;
    }

  _sp_reader_fill_text (self);

  /* set_text() leaves the cursor at the end, where the text view would scroll to follow it */
  _sp_reader_iter_at_body (self, &start, self->title_end, TRUE);
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
_sp_reader_apply_claims (SpReader *self)
{
  GtkTextIter start, end;
  guint n;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  for (guint i = 0; i < G_N_ELEMENTS (self->stance_tags); i++)
    gtk_text_buffer_remove_tag (self->buffer, self->stance_tags[i], &start, &end);

  n = self->claims ? g_list_model_get_n_items (self->claims) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SpClaim) claim = g_list_model_get_item (self->claims, i);
      int stance = CLAMP (sp_claim_get_stance (claim), SP_STANCE_MIN, SP_STANCE_MAX);

      _sp_reader_apply_tag (self, self->stance_tags[stance - SP_STANCE_MIN],
                            sp_claim_get_start (claim), sp_claim_get_end (claim));
    }

  _sp_reader_apply_suggestions (self);
}

/* Whether a claim or a pending suggestion starts on the first line */
static gboolean
title_line_marked (SpReader *self)
{
  GListModel *models[] = { self->claims, self->suggestions };

  for (guint m = 0; m < G_N_ELEMENTS (models); m++)
    for (guint i = 0; models[m] != NULL && i < g_list_model_get_n_items (models[m]); i++)
      {
        g_autoptr(GObject) item = g_list_model_get_item (models[m], i);
        guint start = SP_IS_CLAIM (item) ? sp_claim_get_start (SP_CLAIM (item))
                                         : sp_suggestion_get_start (SP_SUGGESTION (item));

        if (start < self->title_end)
          return TRUE;
      }
  return FALSE;
}

/* A first line that repeats the title is hidden, unless a claim or a suggestion is on it */
void
_sp_reader_update_title_line (SpReader *self)
{
  GtkTextIter start, end;

  if (self->title_end == 0)
    return;

  _sp_reader_iter_at_body (self, &start, 0, TRUE);
  _sp_reader_iter_at_body (self, &end, self->title_end, FALSE);
  if (title_line_marked (self))
    gtk_text_buffer_remove_tag (self->buffer, self->hidden_tag, &start, &end);
  else
    gtk_text_buffer_apply_tag (self->buffer, self->hidden_tag, &start, &end);
}

/**
 * sp_reader_is_shown:
 * @offset: a character offset into the body
 *
 * Returns: whether the body's character at @offset is shown (not hidden by the layout)
 */
gboolean
sp_reader_is_shown (SpReader *self,
                    guint     offset)
{
  GtkTextIter iter;

  g_return_val_if_fail (SP_IS_READER (self), FALSE);

  _sp_reader_iter_at_body (self, &iter, offset, TRUE);
  return !gtk_text_iter_has_tag (&iter, self->hidden_tag);
}

void
sp_reader_set_claims (SpReader   *self,
                      GListModel *claims)
{
  g_return_if_fail (SP_IS_READER (self));

  g_set_object (&self->claims, claims);
  _sp_reader_apply_claims (self);
}

/**
 * sp_reader_set_removals:
 * @removals: (nullable): the shown document's removed blocks (#SpRemoval), in any order
 *
 * The blocks are shown inside the text while #SpReader:show-removed is on.
 */
void
sp_reader_set_removals (SpReader   *self,
                        GListModel *removals)
{
  g_return_if_fail (SP_IS_READER (self));

  if (removals == NULL && self->removals == NULL)
    return;

  g_set_object (&self->removals, removals);
  _sp_reader_show_header (self);
  if (self->show_removed)
    refill_keeping_place (self);
}

void
sp_reader_set_show_removed (SpReader *self,
                            gboolean  show_removed)
{
  g_return_if_fail (SP_IS_READER (self));

  show_removed = !!show_removed;
  if (self->show_removed == show_removed)
    return;

  self->show_removed = show_removed;
  if (self->removals != NULL && g_list_model_get_n_items (self->removals) > 0)
    refill_keeping_place (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_REMOVED]);
}

gboolean
sp_reader_get_show_removed (SpReader *self)
{
  g_return_val_if_fail (SP_IS_READER (self), FALSE);
  return self->show_removed;
}

/**
 * sp_reader_set_can_restore:
 * @can_restore: %FALSE for a read-only project: removed text is shown, never put back
 */
void
sp_reader_set_can_restore (SpReader *self,
                           gboolean  can_restore)
{
  g_return_if_fail (SP_IS_READER (self));

  if (self->can_restore == !!can_restore)
    return;

  self->can_restore = !!can_restore;
  if (self->show_removed && self->segments->len > 0)
    refill_keeping_place (self);
}

/* Returns: how many removed blocks the text shows */
guint
sp_reader_get_n_shown_removals (SpReader *self)
{
  g_return_val_if_fail (SP_IS_READER (self), 0);
  return self->segments->len;
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

  /* A selection inside removed text holds nothing of the body */
  *start = _sp_reader_to_body (self, gtk_text_iter_get_offset (&begin_iter));
  *end = _sp_reader_to_body (self, gtk_text_iter_get_offset (&end_iter));

  return *start < *end;
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
  start = _sp_reader_to_buffer (self, start, TRUE);
  end = MAX (start, _sp_reader_to_buffer (self, end, FALSE));
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

  _sp_reader_iter_at_body (self, &start_iter, start, TRUE);
  _sp_reader_iter_at_body (self, &end_iter, end, FALSE);
  gtk_text_buffer_select_range (self->buffer, &start_iter, &end_iter);
  sp_reader_scroll_to_range (self, start, end, 0.5);
}

/* Returns: (transfer full): the body's text between two character offsets, exactly as stored */
char *
sp_reader_dup_text (SpReader *self,
                    guint     start,
                    guint     end)
{
  const char *body;
  const char *from, *to;
  glong length;

  g_return_val_if_fail (SP_IS_READER (self), NULL);

  /* From the body itself: the buffer may hold removed text in between */
  body = self->body ? self->body : "";
  length = g_utf8_strlen (body, -1);
  end = MIN (end, (guint)length);
  start = MIN (start, end);
  from = g_utf8_offset_to_pointer (body, start);
  to = g_utf8_offset_to_pointer (from, end - start);

  return g_strndup (from, to - from);
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

  end = end > start ? _sp_reader_to_buffer (self, end, FALSE) - 1 : _sp_reader_to_buffer (self, start, TRUE);
  start = _sp_reader_to_buffer (self, start, TRUE);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &start_iter, start);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &end_iter, MAX (start, end));
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

  _sp_reader_iter_at_body (self, &iter, offset, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (self->stance_tags); i++)
    if (gtk_text_iter_has_tag (&iter, self->stance_tags[i]))
      n++;

  return n;
}

/* Returns: whether a match of a search or of the find bar covers the body character at
 * @offset */
gboolean
sp_reader_is_match (SpReader *self,
                    guint     offset)
{
  GtkTextIter iter;

  g_return_val_if_fail (SP_IS_READER (self), FALSE);

  _sp_reader_iter_at_body (self, &iter, offset, TRUE);
  return gtk_text_iter_has_tag (&iter, self->match_tag) || gtk_text_iter_has_tag (&iter, self->current_tag);
}
