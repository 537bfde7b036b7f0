/* sp-documents-view-private.h
 *
 * SpDocumentsView's internals, shared by sp-documents-view.c (the reader beside the list, the
 * claims panel, the narrow layouts) and sp-documents-view-list.c (the list's sorting, count,
 * full-text search, context menu, and editing, deleting and restoring documents' text).
 */
#pragma once

#include "sp-documents-view.h"
#include "sp-reader-popover.h"

G_BEGIN_DECLS

struct _SpDocumentsView
{
  GtkWidget           parent_instance;

  SpProject          *project;
  GListStore         *documents;
  GtkFilterListModel *filtered;
  GtkCustomFilter    *filter;
  GtkSortListModel   *sorted;       /* what the list shows: filtered, then sorted */
  GtkCustomSorter    *sorter;
  SpDocumentSort      sort;
  GHashTable         *matches;      /* ids the full-text search found, or NULL */
  char               *query;        /* the search, or NULL */
  GtkSingleSelection *selection;
  GtkWidget          *list_menu;    /* the document list's context menu */
  GListModel         *claims;       /* of the selected document */
  SpClaimPopover     *claim_popover;
  guint               popover_start; /* the text the claim popover is about */
  guint               popover_end;
  gboolean            popover_made_room;
  guint               place_idle;    /* follows the reader's scrolling, outside its layout */
  SpReaderPopover     popover_wait;  /* for the claims panel to slide off the reader */
  gboolean            reloading;     /* the document list is being replaced */
  guint               open_idle;     /* shows the reader after a click in the folded list */
  gboolean            editable;      /* FALSE for a read-only project: claims are only read */

  /* Template children */
  GtkStack           *stack;
  AdwLeaflet         *leaflet;
  GtkSearchEntry     *search_entry;
  GtkStack           *list_stack;
  GtkListView        *document_list;
  GtkLabel           *count_label;
  GtkMenuButton      *sort_button;
  AdwFlap            *claims_flap;
  GtkWidget          *reader_bar;
  GtkWidget          *back_button;
  GtkToggleButton    *claims_toggle;
  GtkStack           *reader_stack;
  SpReader           *reader;
  GtkLabel           *claims_heading;
  GtkListBox         *claims_list;
};

void     _sp_documents_view_init_list      (SpDocumentsView *self);
void     _sp_documents_view_class_init_list (GtkWidgetClass *widget_class);
void     _sp_documents_view_dispose_list   (SpDocumentsView *self);
void     _sp_documents_view_update_count   (SpDocumentsView *self);
void     _sp_documents_view_show_search    (SpDocumentsView *self);
void     _sp_documents_view_update_actions (SpDocumentsView *self);
gboolean _sp_documents_view_select         (SpDocumentsView *self,
                                            gint64           document_id,
                                            gboolean         reveal);
void     _sp_documents_view_show_reader    (SpDocumentsView *self,
                                            gboolean         focus);
gint64   _sp_documents_view_shown_id       (SpDocumentsView *self);
void     _sp_documents_view_show_selected  (SpDocumentsView *self);

G_END_DECLS
