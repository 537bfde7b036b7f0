/* sp-window-private.h
 *
 * SpWindow's internals, shared by sp-window.c (project, views, state), sp-window-actions.c
 * (menu and keyboard actions), sp-window-open.c (opening projects in a worker thread),
 * sp-window-import.c (importing dropped and chosen files in a worker thread) and
 * sp-window-codebook.c (reading and writing codebook files in a worker thread) and
 * sp-window-suggest.c (suggestion passes in a worker thread).
 */
#pragma once

#include "sp-window.h"
#include "sp-actors-view.h"
#include "sp-documents-view.h"
#include "sp-importer.h"
#include "sp-issues-view.h"
#include "sp-matrix-view.h"
#include "sp-network.h"
#include "sp-review-view.h"

G_BEGIN_DECLS

typedef enum
{
  SP_WINDOW_OPEN_EXISTING,   /* sp_project_open_async(): checks, backup and migration */
  SP_WINDOW_OPEN_OR_CREATE,  /* the default project: created the first time */
  SP_WINDOW_OPEN_CREATE,     /* a new project: the file must not exist */
  SP_WINDOW_OPEN_READ_ONLY,  /* sp_project_open_read_only(): no way to change it */
} SpWindowOpenMode;

typedef struct _SpWindowOpenJob SpWindowOpenJob;
typedef struct _SpWindowCodebookJob SpWindowCodebookJob;
typedef struct _SpWindowSuggestJob SpWindowSuggestJob;

typedef void (*SpWindowChooserDone) (SpWindow *self,
                                     GFile    *file);

struct _SpWindow
{
  AdwApplicationWindow  parent_instance;

  SpProject            *project;
  gboolean              read_only;       /* the project cannot be changed: every edit is off */
  GTask                *import_task;     /* the running import, or NULL; it outlives the window */
  SpImportReport       *last_import;
  guint                 import_timeout;  /* refreshes the progress bar while importing */
  SpWindowOpenJob      *open_job;        /* the project being opened, or NULL */
  guint                 open_timeout;    /* says more on the opening page after a moment */
  SpWindowCodebookJob  *codebook_job;    /* the codebook file being read or written, or NULL */
  SpWindowSuggestJob   *suggest_job;     /* the suggestion pass running, or NULL */
  gboolean              suggest_after_import; /* without settings (tests): the setting's value */

  /* Template children */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *content_stack;
  AdwStatusPage        *opening_page;
  GtkSpinner           *opening_spinner;
  AdwStatusPage        *closed_page;
  GtkButton            *closed_open_button;
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
  GtkLabel             *read_only_label;
  GtkRevealer          *progress_revealer;
  GtkProgressBar       *progress_bar;
  GtkLabel             *progress_label;
  GtkButton            *progress_stop_button;
  GMenu                *recent_section;
  SpDocumentsView      *documents_view;
  SpActorsView         *actors_view;
  SpIssuesView         *issues_view;
  SpMatrixView         *matrix_view;
  SpReviewView         *review_view;
};

void      _sp_window_class_add_actions         (SpWindowClass     *klass);
void      _sp_window_class_add_open_actions    (SpWindowClass     *klass);
void      _sp_window_class_add_import_actions  (SpWindowClass     *klass);
void      _sp_window_class_add_codebook_actions (SpWindowClass    *klass);
void      _sp_window_class_add_suggest_actions (SpWindowClass     *klass);
GSettings *_sp_window_get_settings             (SpWindow          *self);
void      _sp_window_update_actions            (SpWindow          *self);
void      _sp_window_update_title              (SpWindow          *self);
void      _sp_window_update_content            (SpWindow          *self);
void      _sp_window_update_recent             (SpWindow          *self);
void      _sp_window_set_project               (SpWindow          *self,
                                                SpProject         *project);
gboolean  _sp_window_shows_project             (SpWindow          *self);
char     *_sp_window_dup_folder_for_display    (const char        *path);

GtkFileChooserNative *
          _sp_window_new_chooser               (SpWindow          *self,
                                                const char        *title,
                                                GtkFileChooserAction action,
                                                const char        *accept_label);
void      _sp_window_add_filter                (GtkFileChooser    *chooser,
                                                const char        *name,
                                                const char        *first_pattern,
                                                ...) G_GNUC_NULL_TERMINATED;
void      _sp_window_run_chooser               (SpWindow          *self,
                                                GtkFileChooserNative *chooser,
                                                SpWindowChooserDone done);

void      _sp_window_open                      (SpWindow          *self,
                                                const char        *path,
                                                SpWindowOpenMode   mode);
gboolean  _sp_window_is_opening                (SpWindow          *self);
void      _sp_window_init_open                 (SpWindow          *self);
void      _sp_window_detach_open               (SpWindow          *self);

void      _sp_window_setup_drop                (SpWindow          *self);
void      _sp_window_import_files              (SpWindow          *self,
                                                GFile            **files,
                                                guint              n_files);
gboolean  _sp_window_is_importing              (SpWindow          *self);
void      _sp_window_detach_import             (SpWindow          *self);

void      _sp_window_import_codebook           (SpWindow          *self,
                                                GFile             *file);
void      _sp_window_export_codebook           (SpWindow          *self,
                                                GFile             *file);
gboolean  _sp_window_is_busy_with_codebook     (SpWindow          *self);
void      _sp_window_detach_codebook           (SpWindow          *self);

void      _sp_window_suggest                   (SpWindow          *self,
                                                const gint64      *document_ids,
                                                guint              n_document_ids);
void      _sp_window_suggest_after_import      (SpWindow          *self,
                                                SpImportReport    *report);
gboolean  _sp_window_is_suggesting             (SpWindow          *self);
void      _sp_window_detach_suggest            (SpWindow          *self);

/* sp-window-interop.c: Import DNA Project and Export Network (win.export-network) */
void      _sp_window_class_add_interop_actions (SpWindowClass     *klass);
void      _sp_window_update_interop_actions    (SpWindow          *self);
void      _sp_window_import_dna                (SpWindow          *self,
                                                const char        *path);
gboolean  _sp_window_is_busy_with_interop      (SpWindow          *self);
void      _sp_window_export_network            (SpWindow          *self,
                                                const char        *path,
                                                const SpNetworkOptions *options,
                                                SpNetworkFormat    format);

G_END_DECLS
