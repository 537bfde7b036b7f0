/* sp-review-view-private.h
 *
 * SpReviewView's internals, shared by sp-review-view.c (the suggestions, their filters and
 * the reader), sp-review-view-decisions.c (accepting, correcting, rejecting, moving on) and
 * sp-review-view-speakers.c (actor discovery: the speakers the engine saw who are not in
 * the codebook).
 */
#pragma once

#include "sp-review-view.h"
#include "sp-reader-popover.h"

G_BEGIN_DECLS

struct _SpReviewView
{
  GtkWidget         parent_instance;

  SpProject        *project;
  gboolean          editable;
  GPtrArray        *pending;          /* of SpSuggestion, most confident first */
  GPtrArray        *shown;            /* the rows: the first the filters let through, in order */
  guint             n_filtered;       /* how many the filters let through, shown or not */
  gint64            current;          /* the suggestion under review, or 0 */
  gint64            uncertain_current; /* where U last went: U steps on from there */
  GArray           *issue_ids;        /* per position of the issue filter; 0 for every issue */
  GArray           *actor_ids;        /* per position of the actor filter; 0 for every actor */
  gint64            issue_filter;
  gint64            actor_filter;
  double            min_confidence;
  gboolean          filling;          /* the filters are being refilled, not chosen */
  gboolean          has_codebook;
  guint             n_decisions;
  guint             n_speakers;
  char             *precision_text;
  SpClaimPopover   *claim_popover;
  SpReaderPopover   popover_wait;     /* for the folded list to slide off the reader */

  /* Template children */
  GtkStack         *stack;
  AdwStatusPage    *done_page;
  GtkButton        *codebook_button;
  AdwFlap          *flap;
  GtkStack         *sidebar_stack;
  GtkStackPage     *speakers_page;
  GtkDropDown      *issue_dropdown;
  GtkDropDown      *actor_dropdown;
  GtkSpinButton    *confidence_spin;
  GtkLabel         *count_label;
  GtkLabel         *precision_label;
  GtkListBox       *suggestion_list;
  GtkLabel         *list_placeholder;
  GtkListBox       *speaker_list;
  GtkWidget        *reader_bar;
  GtkToggleButton  *flap_toggle;
  GtkLabel         *summary_label;
  GtkStack         *reader_stack;
  SpReader         *reader;
};

SpSuggestion  *_sp_review_view_find_pending   (SpReviewView  *self,
                                               gint64         id);
int            _sp_review_view_shown_index    (SpReviewView  *self,
                                               gint64         id);
GtkListBoxRow *_sp_review_view_row_of         (SpReviewView  *self,
                                               gint64         id);
void           _sp_review_view_select_index   (SpReviewView  *self,
                                               int            index);
char          *_sp_review_view_format_percent (double         value);
gboolean       _sp_review_view_passes_filters (SpReviewView  *self,
                                               SpSuggestion  *suggestion);
void           _sp_review_view_row_activated_cb (SpReviewView *self,
                                               GtkListBoxRow *row,
                                               GtkListBox    *list);
void           _sp_review_view_popup_editor_again (gpointer data);
void           _sp_review_view_class_init_decisions (GtkWidgetClass *widget_class);

void  _sp_review_view_load_speakers   (SpReviewView *self);
void  _sp_review_view_update_page     (SpReviewView *self);
void  _sp_review_view_class_init_speakers (GtkWidgetClass *widget_class);

G_END_DECLS
