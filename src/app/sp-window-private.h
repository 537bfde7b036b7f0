/* sp-window-private.h
 *
 * SpWindow's internals, shared by sp-window.c (project, views, state), sp-window-actions.c
 * (menu and keyboard actions) and sp-window-import.c (importing dropped and chosen files in a
 * worker thread).
 */
#pragma once

#include "sp-window.h"
#include "sp-actors-view.h"
#include "sp-documents-view.h"
#include "sp-importer.h"
#include "sp-issues-view.h"
#include "sp-matrix-view.h"

G_BEGIN_DECLS

struct _SpWindow
{
  AdwApplicationWindow  parent_instance;

  SpProject            *project;
  gboolean              read_only;       /* the project cannot be changed: every edit is off */
  GTask                *import_task;     /* the running import, or NULL; it outlives the window */
  SpImportReport       *last_import;
  guint                 import_timeout;  /* refreshes the progress bar while importing */

  /* Template children */
  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *view_stack;
  AdwSqueezer          *title_squeezer;
  AdwWindowTitle       *window_title;
  AdwViewSwitcherBar   *switcher_bar;
  GtkLabel             *name_label_wide;
  GtkLabel             *folder_label_wide;
  GtkLabel             *name_label_narrow;
  GtkLabel             *folder_label_narrow;
  GtkButton            *undo_button;
  GtkButton            *redo_button;
  GtkRevealer          *read_only_revealer;
  GtkRevealer          *progress_revealer;
  GtkProgressBar       *progress_bar;
  GtkLabel             *progress_label;
  GMenu                *recent_section;
  SpDocumentsView      *documents_view;
  SpActorsView         *actors_view;
  SpIssuesView         *issues_view;
  SpMatrixView         *matrix_view;
};

void      _sp_window_class_add_actions (SpWindowClass  *klass);
void      _sp_window_class_add_import_actions (SpWindowClass *klass);
void      _sp_window_update_actions    (SpWindow       *self);
void      _sp_window_update_recent     (SpWindow       *self);
void      _sp_window_setup_drop        (SpWindow       *self);
void      _sp_window_import_files      (SpWindow       *self,
                                        GFile         **files,
                                        guint           n_files);
gboolean  _sp_window_is_importing      (SpWindow       *self);
void      _sp_window_detach_import     (SpWindow       *self);
void      _sp_window_set_read_only     (SpWindow       *self,
                                        gboolean        read_only);

G_END_DECLS
