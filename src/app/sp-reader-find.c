/* sp-reader-find.c
 *
 * Finding words in the open document: Ctrl+F opens a find bar above the text that highlights
 * every match as you type, counts them and steps through them (Enter and Shift+Enter, or the
 * arrows). While the find bar is closed or empty, the matches of the document list's search
 * are highlighted instead.
 */
#define G_LOG_DOMAIN "sp-reader"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sp-reader-private.h"

/* A find in a huge text stops counting here, and says so */
#define MAX_FIND_MATCHES 10000

static void
show_count (SpReader *self)
{
  g_autofree char *text = NULL;
  guint n = self->find_matches->len;

  if (gtk_editable_get_text (GTK_EDITABLE (self->find_entry))[0] == '\0')
    text = g_strdup ("");
  else if (n == 0)
    text = g_strdup (_("No matches"));
  else if (self->find_current < 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u match", "%u matches", n), n);
  else if (n >= MAX_FIND_MATCHES)
    /* TRANSLATORS: the find bar's count when it stopped counting, e.g. "3 of 10000+" */
    text = g_strdup_printf (_("%d of %u+"), self->find_current + 1, n);
  else
    /* TRANSLATORS: the find bar's count, e.g. "3 of 12" */
    text = g_strdup_printf (_("%d of %u"), self->find_current + 1, n);

  gtk_label_set_text (self->find_count, text);
  if (n == 0 && text[0] != '\0')
    gtk_widget_add_css_class (GTK_WIDGET (self->find_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->find_entry), "error");
}

static void
clear_tag (SpReader   *self,
           GtkTextTag *tag)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, tag, &start, &end);
}

static void
show_current (SpReader *self,
              gboolean  scroll)
{
  const SpTextRange *range;
  GtkTextIter start, end;

  clear_tag (self, self->current_tag);
  show_count (self);
  if (self->find_current < 0 || (guint)self->find_current >= self->find_matches->len)
    return;

  range = &g_array_index (self->find_matches, SpTextRange, self->find_current);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &start, range->start);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &end, range->end);
  gtk_text_buffer_apply_tag (self->buffer, self->current_tag, &start, &end);
  if (!scroll)
    return;

  /* The cursor follows, so that the next find starts from here */
  gtk_text_buffer_place_cursor (self->buffer, &start);
  if (self->scroll_mark == NULL)
    self->scroll_mark = gtk_text_buffer_create_mark (self->buffer, NULL, &start, TRUE);
  else
    gtk_text_buffer_move_mark (self->buffer, self->scroll_mark, &start);
  gtk_text_view_scroll_to_mark (self->text_view, self->scroll_mark, 0.0, TRUE, 0.0, 0.4);
}

/* Highlights what is looked for: the find bar's words when it has some, else the matches of
 * the list's search (body offsets, translated around removed text) */
void
_sp_reader_apply_matches (SpReader *self)
{
  clear_tag (self, self->match_tag);

  if (self->find_matches->len > 0 || gtk_search_bar_get_search_mode (self->find_bar))
    {
      for (guint i = 0; i < self->find_matches->len; i++)
        {
          const SpTextRange *range = &g_array_index (self->find_matches, SpTextRange, i);
          GtkTextIter start, end;

          gtk_text_buffer_get_iter_at_offset (self->buffer, &start, range->start);
          gtk_text_buffer_get_iter_at_offset (self->buffer, &end, range->end);
          gtk_text_buffer_apply_tag (self->buffer, self->match_tag, &start, &end);
        }
      return;
    }

  for (guint i = 0; i < self->search_ranges->len; i++)
    {
      const SpTextRange *range = &g_array_index (self->search_ranges, SpTextRange, i);

      _sp_reader_apply_tag (self, self->match_tag, range->start, range->end);
    }
}

/* Finds the find bar's words again in the buffer as it now is */
void
_sp_reader_refind (SpReader *self)
{
  const char *needle = gtk_editable_get_text (GTK_EDITABLE (self->find_entry));
  GtkTextIter iter, match_start, match_end;

  g_array_set_size (self->find_matches, 0);
  self->find_current = -1;
  clear_tag (self, self->current_tag);

  if (gtk_search_bar_get_search_mode (self->find_bar) && needle[0] != '\0')
    {
      gtk_text_buffer_get_start_iter (self->buffer, &iter);
      while (self->find_matches->len < MAX_FIND_MATCHES &&
             gtk_text_iter_forward_search (&iter, needle,
                                           GTK_TEXT_SEARCH_CASE_INSENSITIVE | GTK_TEXT_SEARCH_TEXT_ONLY,
                                           &match_start, &match_end, NULL))
        {
          SpTextRange range = { gtk_text_iter_get_offset (&match_start), gtk_text_iter_get_offset (&match_end) };

          g_array_append_val (self->find_matches, range);
          iter = match_end;
        }
    }

  _sp_reader_apply_matches (self);
  show_count (self);
}

/* Steps to the next match after the cursor (or the previous before it), round the end */
static void
step (SpReader *self,
      int       direction)
{
  GtkTextIter cursor;
  guint n = self->find_matches->len;
  guint at;

  if (n == 0)
    return;

  if (self->find_current >= 0)
    self->find_current = (self->find_current + direction + n) % n;
  else
    {
      gtk_text_buffer_get_iter_at_mark (self->buffer, &cursor, gtk_text_buffer_get_insert (self->buffer));
      at = gtk_text_iter_get_offset (&cursor);
      self->find_current = direction > 0 ? 0 : (int)n - 1;
      for (guint i = 0; i < n; i++)
        {
          const SpTextRange *range = &g_array_index (self->find_matches, SpTextRange, direction > 0 ? i : n - 1 - i);

          if (direction > 0 ? range->start >= at : range->start < at)
            {
              self->find_current = direction > 0 ? (int)i : (int)(n - 1 - i);
              break;
            }
        }
    }

  show_current (self, TRUE);
}

static void
find_changed_cb (SpReader       *self,
                 GtkSearchEntry *entry)
{
  _sp_reader_refind (self);
  step (self, 1);
}

static void
find_next_cb (SpReader *self)
{
  step (self, 1);
}

static void
find_previous_cb (SpReader *self)
{
  step (self, -1);
}

static gboolean
find_previous_key_cb (GtkWidget *widget,
                      GVariant  *args,
                      gpointer   user_data)
{
  step (SP_READER (user_data), -1);
  return TRUE;
}

static void
find_mode_cb (SpReader     *self,
              GParamSpec   *pspec,
              GtkSearchBar *bar)
{
  _sp_reader_refind (self);
  if (!gtk_search_bar_get_search_mode (bar) && gtk_widget_get_mapped (GTK_WIDGET (self->text_view)))
    gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static gboolean
open_find_cb (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  sp_reader_open_find (SP_READER (widget));
  return TRUE;
}

static GtkWidget *
arrow_button (const char *icon,
              const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (button, "flat");

  return button;
}

void
_sp_reader_init_find (SpReader  *self,
                      GtkWidget *parent)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *previous = arrow_button ("go-up-symbolic", _("Previous Match (Shift+Enter)"));
  GtkWidget *next = arrow_button ("go-down-symbolic", _("Next Match (Enter)"));
  GtkEventController *keys;

  self->find_matches = g_array_new (FALSE, FALSE, sizeof (SpTextRange));
  self->find_current = -1;

  self->find_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->find_entry, "placeholder-text", _("Find in document"), NULL);
  gtk_widget_set_hexpand (GTK_WIDGET (self->find_entry), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->find_entry));

  self->find_count = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_width_chars (self->find_count, 9);
  gtk_label_set_xalign (self->find_count, 1);
  gtk_widget_add_css_class (GTK_WIDGET (self->find_count), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->find_count), "numeric");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->find_count));

  gtk_box_append (GTK_BOX (box), previous);
  gtk_box_append (GTK_BOX (box), next);
  gtk_widget_add_css_class (box, "linked-flat");

  self->find_bar = GTK_SEARCH_BAR (gtk_search_bar_new ());
  gtk_search_bar_set_child (self->find_bar, box);
  gtk_search_bar_set_show_close_button (self->find_bar, TRUE);
  gtk_search_bar_connect_entry (self->find_bar, GTK_EDITABLE (self->find_entry));
  gtk_box_append (GTK_BOX (parent), GTK_WIDGET (self->find_bar));

  g_signal_connect_object (self->find_entry, "search-changed", G_CALLBACK (find_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->find_entry, "activate", G_CALLBACK (find_next_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->find_entry, "next-match", G_CALLBACK (find_next_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->find_entry, "previous-match", G_CALLBACK (find_previous_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (next, "clicked", G_CALLBACK (find_next_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (previous, "clicked", G_CALLBACK (find_previous_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->find_bar, "notify::search-mode-enabled", G_CALLBACK (find_mode_cb), self, G_CONNECT_SWAPPED);

  /* Shift+Enter goes back, as in a browser's find bar */
  keys = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Return, GDK_SHIFT_MASK),
                                                                                       gtk_keyval_trigger_new (GDK_KEY_KP_Enter, GDK_SHIFT_MASK)),
                                                          gtk_callback_action_new (find_previous_key_cb, self, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self->find_entry), keys);

  /* Ctrl+F anywhere in the reader */
  keys = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_f, GDK_CONTROL_MASK),
                                                          gtk_callback_action_new (open_find_cb, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

/* Opens the find bar with its words selected, or the selected text of the document */
void
sp_reader_open_find (SpReader *self)
{
  GtkTextIter start, end;

  g_return_if_fail (SP_IS_READER (self));

  if (gtk_text_buffer_get_selection_bounds (self->buffer, &start, &end) &&
      gtk_text_iter_get_line (&start) == gtk_text_iter_get_line (&end) &&
      gtk_text_iter_get_offset (&end) - gtk_text_iter_get_offset (&start) < 100)
    {
      g_autofree char *text = gtk_text_buffer_get_text (self->buffer, &start, &end, FALSE);

      gtk_editable_set_text (GTK_EDITABLE (self->find_entry), text);
    }

  gtk_search_bar_set_search_mode (self->find_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->find_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->find_entry), 0, -1);
}

/**
 * sp_reader_set_search_ranges:
 * @ranges: (nullable) (element-type SpTextRange): the matches of the list's search in the
 *   shown document, in body characters
 *
 * Highlights them (while the find bar is not in use) and brings the first into view.
 */
void
sp_reader_set_search_ranges (SpReader *self,
                             GArray   *ranges)
{
  gboolean same;

  g_return_if_fail (SP_IS_READER (self));

  /* The same matches again (the list reloaded): the reader stays where the user is */
  same = (ranges ? ranges->len : 0) == self->search_ranges->len &&
         (self->search_ranges->len == 0 ||
          memcmp (ranges->data, self->search_ranges->data, ranges->len * sizeof (SpTextRange)) == 0);

  g_array_set_size (self->search_ranges, 0);
  if (ranges != NULL && ranges->len > 0)
    g_array_append_vals (self->search_ranges, ranges->data, ranges->len);

  _sp_reader_apply_matches (self);

  if (!same && self->search_ranges->len > 0 && self->find_matches->len == 0)
    {
      const SpTextRange *first = &g_array_index (self->search_ranges, SpTextRange, 0);

      sp_reader_scroll_to_range (self, first->start, first->end, 0.3);
    }
}

/* Returns: how many matches the find bar found, and (nullable) which one it is on (from 1,
 * or 0 for none) */
guint
sp_reader_get_find_count (SpReader *self,
                          guint    *current)
{
  g_return_val_if_fail (SP_IS_READER (self), 0);

  if (current != NULL)
    *current = self->find_current < 0 ? 0 : (guint)self->find_current + 1;
  return self->find_matches->len;
}

/* Returns: (transfer none): the find bar's entry */
GtkEditable *
sp_reader_get_find_entry (SpReader *self)
{
  g_return_val_if_fail (SP_IS_READER (self), NULL);
  return GTK_EDITABLE (self->find_entry);
}
