/* sp-codebook-view.h
 *
 * What the Actors and Issues views share: a searchable, sortable table of codebook entries
 * with Add, Edit and Delete, an empty state, and reloading when the project changes. The
 * subclasses say what the rows are and which editor opens them.
 */
#pragma once

#include <adwaita.h>

#include "sp-project.h"

G_BEGIN_DECLS

#define SP_TYPE_CODEBOOK_VIEW (sp_codebook_view_get_type ())

G_DECLARE_DERIVABLE_TYPE (SpCodebookView, sp_codebook_view, SP, CODEBOOK_VIEW, GtkWidget)

struct _SpCodebookViewClass
{
  GtkWidgetClass parent_class;

  GListModel *(*list)         (SpCodebookView  *self,
                               SpProject       *project,
                               GError         **error);
  GtkWindow  *(*create_editor) (SpCodebookView *self,
                               SpProject       *project,
                               gpointer         item);
  gboolean    (*delete_item)  (SpCodebookView  *self,
                               SpProject       *project,
                               gpointer         item,
                               GError         **error);
  char       *(*dup_name)     (gpointer         item);
  guint       (*get_claim_count) (gpointer      item);
  char       *(*dup_search_text) (gpointer      item);
  /* For a view with a profile page: the id the page shows @item by */
  gint64      (*get_id)       (gpointer         item);
};

void        sp_codebook_view_set_project     (SpCodebookView *self,
                                              SpProject      *project);
SpProject  *sp_codebook_view_get_project     (SpCodebookView *self);
void        sp_codebook_view_set_editable    (SpCodebookView *self,
                                              gboolean        editable);
void        sp_codebook_view_add_column      (SpCodebookView *self,
                                              const char     *title,
                                              GType           item_type,
                                              const char     *property,
                                              gboolean        expand);
void        sp_codebook_view_add_optional_column
                                             (SpCodebookView *self,
                                              const char     *title,
                                              GType           item_type,
                                              const char     *property);
void        sp_codebook_view_set_empty_state (SpCodebookView *self,
                                              const char     *icon_name,
                                              const char     *title,
                                              const char     *description,
                                              const char     *add_label);
guint       sp_codebook_view_get_n_items     (SpCodebookView *self);
gpointer    sp_codebook_view_dup_item        (SpCodebookView *self,
                                              guint           position);
gboolean    sp_codebook_view_select          (SpCodebookView *self,
                                              guint           position);
void        sp_codebook_view_delete_selected (SpCodebookView *self,
                                              gboolean        confirmed);
void        sp_codebook_view_set_profile_page (SpCodebookView *self,
                                              GtkWidget      *page);
void        sp_codebook_view_show_profile    (SpCodebookView *self,
                                              gboolean        shown);
void        sp_codebook_view_open_profile    (SpCodebookView *self,
                                              gpointer        item);
gboolean    sp_codebook_view_get_profile_shown (SpCodebookView *self);
gboolean    sp_codebook_view_get_editable    (SpCodebookView *self);

G_END_DECLS
