/* sp-reader-text.c
 *
 * What the reader's text buffer holds. The body is shown exactly as stored, because claim
 * offsets count its characters: the layout (paragraph spacing, blank lines, a first line that
 * repeats the title) is done with text tags and never with inserted or removed characters.
 * The one exception is the removed blocks the analyst asked to see: they are inserted where
 * they stood, each under a heading with its reason and a Restore button, and every offset
 * that goes in or out of the reader is translated around them.
 */
#define G_LOG_DOMAIN "sp-reader"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-reader-private.h"

/* Space after a paragraph: about a blank line of the reader's text */
#define PARAGRAPH_GAP 14

/**
 * _sp_reader_to_buffer:
 * @after_blocks: where a removed block stands right at @body_offset, %TRUE for the buffer
 *   offset after it (where a range starts), %FALSE for the one before it (where it ends)
 */
guint
_sp_reader_to_buffer (SpReader *self,
                      guint     body_offset,
                      gboolean  after_blocks)
{
  guint offset = body_offset;

  for (guint i = 0; i < self->segments->len; i++)
    {
      const SpReaderSegment *segment = &g_array_index (self->segments, SpReaderSegment, i);

      if (segment->body_offset > body_offset || (segment->body_offset == body_offset && !after_blocks))
        break;
      offset += segment->length;
    }

  return offset;
}

/* A buffer offset inside a removed block is the body offset the block stands before */
guint
_sp_reader_to_body (SpReader *self,
                    guint     buffer_offset)
{
  guint shift = 0;

  for (guint i = 0; i < self->segments->len; i++)
    {
      const SpReaderSegment *segment = &g_array_index (self->segments, SpReaderSegment, i);

      if (buffer_offset < segment->buffer_start)
        break;
      if (buffer_offset < segment->buffer_start + segment->length)
        return segment->body_offset;
      shift += segment->length;
    }

  return buffer_offset - shift;
}

/* Returns: the removed block shown at a buffer offset, or 0 */
gint64
_sp_reader_removal_at (SpReader *self,
                       guint     buffer_offset)
{
  for (guint i = 0; i < self->segments->len; i++)
    {
      const SpReaderSegment *segment = &g_array_index (self->segments, SpReaderSegment, i);

      if (buffer_offset >= segment->buffer_start && buffer_offset < segment->buffer_start + segment->length)
        return segment->removal_id;
    }

  return 0;
}

static void
apply_buffer_tag (SpReader   *self,
                  GtkTextTag *tag,
                  guint       start,
                  guint       end)
{
  GtkTextIter start_iter, end_iter;

  gtk_text_buffer_get_iter_at_offset (self->buffer, &start_iter, start);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &end_iter, end);
  gtk_text_buffer_apply_tag (self->buffer, tag, &start_iter, &end_iter);
}

/* Sets @iter at the buffer position of the body's character @body_offset
 * (_sp_reader_to_buffer()) */
void
_sp_reader_iter_at_body (SpReader    *self,
                         GtkTextIter *iter,
                         guint        body_offset,
                         gboolean     after_blocks)
{
  gtk_text_buffer_get_iter_at_offset (self->buffer, iter, _sp_reader_to_buffer (self, body_offset, after_blocks));
}

/* Tags a range of the body, leaving any removed block inside it untagged */
void
_sp_reader_apply_tag (SpReader   *self,
                      GtkTextTag *tag,
                      guint       body_start,
                      guint       body_end)
{
  guint start = body_start;

  for (guint i = 0; i < self->segments->len; i++)
    {
      const SpReaderSegment *segment = &g_array_index (self->segments, SpReaderSegment, i);

      if (segment->body_offset <= start)
        continue;
      if (segment->body_offset >= body_end)
        break;
      apply_buffer_tag (self, tag, _sp_reader_to_buffer (self, start, TRUE),
                        _sp_reader_to_buffer (self, segment->body_offset, FALSE));
      start = segment->body_offset;
    }

  apply_buffer_tag (self, tag, _sp_reader_to_buffer (self, start, TRUE),
                    _sp_reader_to_buffer (self, body_end, FALSE));
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

/* Paragraphs a blank line apart whichever way the body marks them: when it has blank lines,
 * those are the breaks (they are hidden, and the line before one gets the space); otherwise
 * every line is a paragraph. A first line repeating the title is hidden too. Runs before
 * any removed block is inserted, so body and buffer offsets are still the same. */
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
        apply_buffer_tag (self, self->hidden_tag, offset, next_offset);
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
                  apply_buffer_tag (self, self->hidden_tag, offset, next_offset);
                }
            }

          if (blank_separated)
            {
              const char *next_end = next_line ? strchr (next_line, '\n') : NULL;

              if (next_line == NULL || is_blank (next_line, next_end ? next_end : next_line + strlen (next_line)))
                apply_buffer_tag (self, self->paragraph_tag, offset, next_offset);
            }
          first_seen = TRUE;
        }

      offset = next_offset;
      line = next_line ? next_line : line_end;
    }
}

/* The heading above a removed block: why it was taken out, and the way to put it back */
static GtkWidget *
create_block_heading (SpReader  *self,
                      SpRemoval *removal)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label;
  GtkWidget *button;
  g_autofree char *text = NULL;
  const char *reason = sp_removal_get_reason (removal);

  /* TRANSLATORS: above a block that cleaning took out of an article; %s says why,
   * e.g. "share bar" (the reasons the importer gives are translated with the rest) */
  text = reason && reason[0] ? g_strdup_printf (_("Removed on import: %s"), _(reason))
                             : g_strdup (_("Removed on import"));
  label = gtk_label_new (text);
  /* A child of the text view gets its minimum width: a short reason stays on one line, a
   * long one wraps at about 36 characters, which fit beside the button in the narrowest
   * window */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_width_chars (GTK_LABEL (label), MIN ((int)g_utf8_strlen (text, -1), 36));
  gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), label);

  button = gtk_button_new_with_mnemonic (_("_Restore"));
  gtk_widget_set_tooltip_text (button, _("Put this text back into the article"));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", sp_removal_get_id (removal));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "documents.restore-removal");
  gtk_widget_set_visible (button, self->can_restore);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "small");
  gtk_box_append (GTK_BOX (box), button);

  gtk_widget_add_css_class (box, "removed-heading");

  return box;
}

static int
compare_removals (gconstpointer a,
                  gconstpointer b)
{
  SpRemoval *ra = *(SpRemoval **)a;
  SpRemoval *rb = *(SpRemoval **)b;
  guint oa = sp_removal_get_offset (ra);
  guint ob = sp_removal_get_offset (rb);

  if (oa != ob)
    return oa < ob ? -1 : 1;
  return sp_removal_get_id (ra) < sp_removal_get_id (rb) ? -1 : sp_removal_get_id (ra) > sp_removal_get_id (rb);
}

/* Inserts the removed blocks, the last first so that each one's body offset is still its
 * buffer offset when it goes in; then records where each landed. */
static void
insert_removed_blocks (SpReader *self)
{
  g_autoptr(GPtrArray) removals = g_ptr_array_new_with_free_func (g_object_unref);
  guint body_length = g_utf8_strlen (self->body, -1);
  guint shift = 0;

  for (guint i = 0; i < g_list_model_get_n_items (self->removals); i++)
    g_ptr_array_add (removals, g_list_model_get_item (self->removals, i));
  g_ptr_array_sort (removals, compare_removals);
  g_array_set_size (self->segments, removals->len);

  for (guint i = removals->len; i-- > 0; )
    {
      SpRemoval *removal = g_ptr_array_index (removals, i);
      SpReaderSegment *segment = &g_array_index (self->segments, SpReaderSegment, i);
      guint offset = MIN (sp_removal_get_offset (removal), body_length);
      const char *text = sp_removal_get_text (removal);
      GtkTextIter iter, start;
      GtkTextChildAnchor *anchor;
      guint start_offset;
      gboolean line_break = FALSE;

      gtk_text_buffer_get_iter_at_offset (self->buffer, &iter, offset);
      start_offset = offset;

      /* On a line of its own */
      if (offset > 0)
        {
          GtkTextIter before = iter;

          gtk_text_iter_backward_char (&before);
          line_break = gtk_text_iter_get_char (&before) != '\n';
          if (line_break)
            gtk_text_buffer_insert (self->buffer, &iter, "\n", 1);
        }

      anchor = gtk_text_buffer_create_child_anchor (self->buffer, &iter);
      gtk_text_view_add_child_at_anchor (self->text_view, create_block_heading (self, removal), anchor);
      gtk_text_buffer_insert (self->buffer, &iter, "\n", 1);
      gtk_text_buffer_insert (self->buffer, &iter, text ? text : "", -1);
      if (!g_str_has_suffix (text ? text : "", "\n"))
        gtk_text_buffer_insert (self->buffer, &iter, "\n", 1);

      gtk_text_buffer_get_iter_at_offset (self->buffer, &start, start_offset);
      gtk_text_buffer_apply_tag (self->buffer, self->removed_tag, &start, &iter);
      /* Space above the heading and below the text, none in between */
      {
        GtkTextIter heading_end = start;

        gtk_text_iter_forward_line (&heading_end);
        if (line_break && !gtk_text_iter_equal (&heading_end, &iter))
          gtk_text_iter_forward_line (&heading_end);
        gtk_text_buffer_apply_tag (self->buffer, self->removed_top_tag, &start, &heading_end);
        gtk_text_buffer_apply_tag (self->buffer, self->removed_bottom_tag, &heading_end, &iter);
      }
      /* Nothing of the body's layout runs into it */
      gtk_text_buffer_remove_tag (self->buffer, self->hidden_tag, &start, &iter);
      gtk_text_buffer_remove_tag (self->buffer, self->paragraph_tag, &start, &iter);

      segment->body_offset = offset;
      segment->length = gtk_text_iter_get_offset (&iter) - start_offset;
      segment->removal_id = sp_removal_get_id (removal);
    }

  for (guint i = 0; i < self->segments->len; i++)
    {
      SpReaderSegment *segment = &g_array_index (self->segments, SpReaderSegment, i);

      segment->buffer_start = segment->body_offset + shift;
      shift += segment->length;
    }
}

/* Fills the buffer from the body (and the removed blocks when they are shown), with the
 * claims and the matches of a search highlighted */
void
_sp_reader_fill_text (SpReader *self)
{
  const char *body = self->body ? self->body : "";

  g_array_set_size (self->segments, 0);

  /* Article text is plain text: set_text, never markup */
  gtk_text_buffer_set_text (self->buffer, body, -1);
  lay_out_body (self, body);

  if (self->show_removed && self->removals != NULL && g_list_model_get_n_items (self->removals) > 0)
    insert_removed_blocks (self);

  _sp_reader_apply_claims (self);
  _sp_reader_refind (self);
}
