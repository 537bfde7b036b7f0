/* sp-reader-popover.c
 *
 * See sp-reader-popover.h. The view embeds an SpReaderPopover, sets it up in its init and
 * clears it first thing in its dispose, while the flap and the reader are still there.
 */
#define G_LOG_DOMAIN "sp-reader-popover"

#include "config.h"

#include "sp-reader-popover.h"

static gboolean
popup_cb (gpointer data)
{
  SpReaderPopover *self = data;

  self->idle = 0;
  if (self->pending)
    self->popup (self->view);

  return G_SOURCE_REMOVE;
}

/* The popover opens after the frame in which the flap is off the reader */
static void
reveal_progress_cb (SpReaderPopover *self)
{
  if (self->pending && adw_flap_get_reveal_progress (self->flap) <= 0 && self->idle == 0)
    self->idle = g_idle_add (popup_cb, self);
}

/**
 * sp_reader_popover_init:
 * @reader: where the popover points at text
 * @flap: what may fold over @reader
 * @popup: opens the popover; called with @view once more after the flap slid off, when
 *   sp_reader_popover_wait_for_flap() asked it to wait
 * @view: the view that embeds @self and holds @reader and @flap
 *
 * Returns: (transfer none): the claim popover, a child of @reader's text view until
 *   sp_reader_popover_clear()
 */
SpClaimPopover *
sp_reader_popover_init (SpReaderPopover  *self,
                        SpReader         *reader,
                        AdwFlap          *flap,
                        void            (*popup) (gpointer view),
                        gpointer          view)
{
  GtkWidget *popover;

  g_return_val_if_fail (SP_IS_READER (reader), NULL);
  g_return_val_if_fail (ADW_IS_FLAP (flap), NULL);

  self->flap = flap;
  self->popup = popup;
  self->view = view;
  self->pending = FALSE;
  self->idle = 0;
  g_signal_connect_swapped (flap, "notify::reveal-progress", G_CALLBACK (reveal_progress_cb), self);
  popover = sp_claim_popover_new ();
  gtk_widget_set_parent (popover, GTK_WIDGET (sp_reader_get_text_view (reader)));

  return SP_CLAIM_POPOVER (popover);
}

/**
 * sp_reader_popover_wait_for_flap:
 *
 * For the view's popup function, before it opens the popover: a flap folded over the reader
 * slides off it, and the popup function is called again once it is off.
 *
 * Returns: %TRUE when the popover must wait (return at once); %FALSE to open it now
 */
gboolean
sp_reader_popover_wait_for_flap (SpReaderPopover *self)
{
  self->pending = adw_flap_get_folded (self->flap) && adw_flap_get_reveal_progress (self->flap) > 0;
  if (self->pending)
    adw_flap_set_reveal_flap (self->flap, FALSE);

  return self->pending;
}

/**
 * sp_reader_popover_clear:
 * @popover: (inout): the view's pointer to the popover sp_reader_popover_init() gave, %NULL
 *   afterwards
 *
 * For the view's dispose: no popup waits any more, and the popover goes.
 */
void
sp_reader_popover_clear (SpReaderPopover  *self,
                         SpClaimPopover  **popover)
{
  self->pending = FALSE;
  g_clear_handle_id (&self->idle, g_source_remove);
  if (self->flap != NULL)
    g_signal_handlers_disconnect_by_data (self->flap, self);
  self->flap = NULL;

  if (*popover != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (*popover));
      *popover = NULL;
    }
}
