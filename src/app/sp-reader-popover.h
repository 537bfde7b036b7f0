/* sp-reader-popover.h
 *
 * The claim popover of a view that shows a reader beside an AdwFlap (the Documents view's
 * claims panel, the Review view's list of suggestions): the popover lives on the reader's text
 * view, and in a narrow window, where the flap folds over the reader and would hide the text,
 * it opens only once the flap has slid off: GTK 4.8 cannot open a popover on a widget that
 * is still being uncovered.
 */
#pragma once

#include <adwaita.h>

#include "sp-claim-popover.h"
#include "sp-reader.h"

G_BEGIN_DECLS

typedef struct
{
  AdwFlap  *flap;
  void    (*popup) (gpointer view);  /* the view's: opens the popover, asked again later */
  gpointer  view;
  gboolean  pending;                 /* until the flap has slid off the reader */
  guint     idle;
} SpReaderPopover;

SpClaimPopover *sp_reader_popover_init        (SpReaderPopover  *self,
                                               SpReader         *reader,
                                               AdwFlap          *flap,
                                               void            (*popup) (gpointer view),
                                               gpointer          view);
gboolean        sp_reader_popover_wait_for_flap (SpReaderPopover *self);
void            sp_reader_popover_clear       (SpReaderPopover  *self,
                                               SpClaimPopover  **popover);

G_END_DECLS
