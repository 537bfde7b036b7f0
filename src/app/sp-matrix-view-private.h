/* sp-matrix-view-private.h
 *
 * What the Matrix view (sp-matrix-view.c: the matrix, its cells' claims, exports) and its
 * option and filter controls (sp-matrix-view-options.c) share.
 */
#pragma once

#include "sp-matrix-view.h"

G_BEGIN_DECLS

typedef struct _ExportJob ExportJob;

struct _SpMatrixView
{
  GtkWidget        parent_instance;

  SpProject       *project;
  SpMatrixLevel    level;
  GArray          *expanded_groups;  /* gint64: groups shown with their members */
  guint            n_actors;    /* in the project, for the empty states */
  guint            n_issues;
  gboolean         dirty;       /* the project changed while the view was hidden */
  gboolean         reading_controls;  /* filling the controls: their signals change nothing */
  char            *summary;     /* what the toolbar says when no cell is pointed at */
  GtkWidget       *cell_popover;
  ExportJob       *export_job;  /* the running export, or NULL; it outlives the view */

  /* Template children */
  GtkToggleButton *actor_button;
  GtkToggleButton *group_button;
  GtkLabel        *summary_label;
  GtkDropDown     *aggregate_dropdown;
  GtkDropDown     *unit_dropdown;
  GtkDropDown     *order_dropdown;
  GtkEntry        *from_entry;
  GtkEntry        *to_entry;
  GtkCheckButton  *pending_check;
  GtkCheckButton  *hide_empty_check;
  GtkCheckButton  *changes_check;
  GtkEntry        *since_entry;
  GtkPopover      *filter_popover;
  GtkStack        *filter_stack;
  GtkRevealer     *export_revealer;
  GtkLabel        *export_label;
  GtkProgressBar  *export_progress;
  GtkStack        *stack;
  AdwStatusPage   *empty_page;
  GtkButton       *empty_primary_button;
  GtkButton       *empty_secondary_button;
  SpMatrixWidget  *matrix_widget;
};

SpMatrixOptions *_sp_matrix_view_read_options    (SpMatrixView    *self,
                                                  GError         **error);
gboolean         _sp_matrix_view_changes_since   (SpMatrixView    *self,
                                                  const char     **since,
                                                  char           **later);
void             _sp_matrix_view_init_options    (SpMatrixView    *self);
void             _sp_matrix_view_fill_filters    (SpMatrixView    *self);
void             _sp_matrix_view_toggle_group    (SpMatrixView    *self,
                                                  guint            row);
void             _sp_matrix_view_recompute       (SpMatrixView    *self);
void             _sp_matrix_view_class_init_options (GtkWidgetClass *widget_class);

G_END_DECLS
