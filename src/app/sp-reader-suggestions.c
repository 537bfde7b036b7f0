/* sp-reader-suggestions.c
 *
 * The engine's pending suggestions in the reader's text. They must never be taken for
 * claims: a claim is a half-strength tint of its stance's colour with a straight underline, a
 * suggestion a faint tint with a wavy one (the shape says it, not only the colour).
 * The suggestion being reviewed is tinted more strongly. A click on a suggestion's words
 * emits SpReader::suggestion-activated, so that the review list can select it.
 */
#define G_LOG_DOMAIN "sp-reader"

#include "config.h"

#include "sp-reader-private.h"
#include "sp-stance-palette.h"
#include "sp-suggestion.h"

#define SUGGESTION_ALPHA 0.16
#define CURRENT_ALPHA    0.42

enum {
  SUGGESTION_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
_sp_reader_class_init_suggestions (SpReaderClass *klass)
{
  /**
   * SpReader::suggestion-activated:
   * @suggestion_id: the suggestion whose words were clicked
   */
  signals[SUGGESTION_ACTIVATED] =
    g_signal_new ("suggestion-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
}

static GtkTextTag *
create_tag (SpReader   *self,
            const char *prefix,
            int         stance,
            double      alpha)
{
  g_autofree char *name = g_strdup_printf ("%s%+d", prefix, stance);
  GdkRGBA fill = { 0, 0, 0, alpha };
  GdkRGBA line = { 0, 0, 0, 1.0 };
  SpRgb color;

  sp_stance_mark_color (stance, &color);
  fill.red = line.red = color.red;
  fill.green = line.green = color.green;
  fill.blue = line.blue = color.blue;

  return gtk_text_buffer_create_tag (self->buffer, name,
                                     "background-rgba", &fill,
                                     "underline", PANGO_UNDERLINE_ERROR,
                                     "underline-rgba", &line,
                                     NULL);
}

void
_sp_reader_create_suggestion_tags (SpReader *self)
{
  for (int stance = SP_STANCE_MIN; stance <= SP_STANCE_MAX; stance++)
    self->suggestion_tags[stance - SP_STANCE_MIN] = create_tag (self, "suggestion", stance, SUGGESTION_ALPHA);
  for (int stance = SP_STANCE_MIN; stance <= SP_STANCE_MAX; stance++)
    self->current_suggestion_tags[stance - SP_STANCE_MIN] = create_tag (self, "current-suggestion", stance, CURRENT_ALPHA);
}

/* The shortest suggestion covering the body character at @offset: the most precise one */
gint64
sp_reader_get_suggestion_at (SpReader *self,
                             guint     offset)
{
  gint64 found = 0;
  guint found_length = G_MAXUINT;
  guint n;

  g_return_val_if_fail (SP_IS_READER (self), 0);

  n = self->suggestions ? g_list_model_get_n_items (self->suggestions) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SpSuggestion) suggestion = g_list_model_get_item (self->suggestions, i);
      guint start = sp_suggestion_get_start (suggestion);
      guint end = sp_suggestion_get_end (suggestion);

      if (offset >= start && offset < end && end - start < found_length)
        {
          found = sp_suggestion_get_id (suggestion);
          found_length = end - start;
        }
    }

  return found;
}

/* Returns: whether the character at @offset is marked as the suggestion under review */
gboolean
sp_reader_is_current_suggestion (SpReader *self,
                                 guint     offset)
{
  GtkTextIter iter;

  g_return_val_if_fail (SP_IS_READER (self), FALSE);

  _sp_reader_iter_at_body (self, &iter, offset, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (self->current_suggestion_tags); i++)
    if (gtk_text_iter_has_tag (&iter, self->current_suggestion_tags[i]))
      return TRUE;

  return FALSE;
}

void
_sp_reader_apply_suggestions (SpReader *self)
{
  GtkTextIter start, end;
  guint n;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  for (guint i = 0; i < G_N_ELEMENTS (self->suggestion_tags); i++)
    {
      gtk_text_buffer_remove_tag (self->buffer, self->suggestion_tags[i], &start, &end);
      gtk_text_buffer_remove_tag (self->buffer, self->current_suggestion_tags[i], &start, &end);
    }

  n = self->suggestions ? g_list_model_get_n_items (self->suggestions) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SpSuggestion) suggestion = g_list_model_get_item (self->suggestions, i);
      int stance = CLAMP (sp_suggestion_get_stance (suggestion), SP_STANCE_MIN, SP_STANCE_MAX);
      gboolean current = sp_suggestion_get_id (suggestion) == self->current_suggestion;
      GtkTextTag *tag = current ? self->current_suggestion_tags[stance - SP_STANCE_MIN]
                                : self->suggestion_tags[stance - SP_STANCE_MIN];

      _sp_reader_apply_tag (self, tag, sp_suggestion_get_start (suggestion), sp_suggestion_get_end (suggestion));
    }

  _sp_reader_update_title_line (self);
}

/**
 * sp_reader_set_suggestions:
 * @suggestions: (nullable): the shown document's pending suggestions (#SpSuggestion)
 */
void
sp_reader_set_suggestions (SpReader   *self,
                           GListModel *suggestions)
{
  g_return_if_fail (SP_IS_READER (self));

  g_set_object (&self->suggestions, suggestions);
  _sp_reader_apply_suggestions (self);
}

/* Marks one suggestion as the one under review (0 for none) */
void
sp_reader_set_current_suggestion (SpReader *self,
                                  gint64    suggestion_id)
{
  g_return_if_fail (SP_IS_READER (self));

  if (self->current_suggestion == suggestion_id)
    return;

  self->current_suggestion = suggestion_id;
  _sp_reader_apply_suggestions (self);
}

/* A plain click (not the end of a drag that selected words) on a suggestion's words. The
 * text view's own gestures claim every click, so this one only watches the releases. */
static gboolean
event_cb (SpReader                 *self,
          GdkEvent                 *event,
          GtkEventControllerLegacy *controller)
{
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self->text_view));
  GtkTextIter iter, sel_start, sel_end;
  graphene_point_t in_view;
  int buffer_x, buffer_y;
  double x, y, surface_x, surface_y;
  gint64 id;

  if (gdk_event_get_event_type (event) != GDK_BUTTON_RELEASE ||
      gdk_button_event_get_button (event) != GDK_BUTTON_PRIMARY ||
      self->suggestions == NULL || native == NULL ||
      gtk_text_buffer_get_selection_bounds (self->buffer, &sel_start, &sel_end) ||
      !gdk_event_get_position (event, &x, &y))
    return GDK_EVENT_PROPAGATE;

  /* The event is in the surface's coordinates */
  gtk_native_get_surface_transform (native, &surface_x, &surface_y);
  if (!gtk_widget_compute_point (GTK_WIDGET (native), GTK_WIDGET (self->text_view),
                                 &GRAPHENE_POINT_INIT (x - surface_x, y - surface_y), &in_view))
    return GDK_EVENT_PROPAGATE;

  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET,
                                         in_view.x, in_view.y, &buffer_x, &buffer_y);
  if (!gtk_text_view_get_iter_at_location (self->text_view, &iter, buffer_x, buffer_y))
    return GDK_EVENT_PROPAGATE;

  id = sp_reader_get_suggestion_at (self, _sp_reader_to_body (self, gtk_text_iter_get_offset (&iter)));
  if (id != 0)
    g_signal_emit (self, signals[SUGGESTION_ACTIVATED], 0, id);

  return GDK_EVENT_PROPAGATE;
}

void
_sp_reader_init_suggestions (SpReader *self)
{
  GtkEventController *legacy = gtk_event_controller_legacy_new ();

  gtk_event_controller_set_propagation_phase (legacy, GTK_PHASE_CAPTURE);
  g_signal_connect_object (legacy, "event", G_CALLBACK (event_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), legacy);
}
