/* sp-window.c
 *
 * The main window: one project, five views (Documents, Actors, Issues, Matrix, Review) in a view
 * stack, a progress bar for imports and toasts for summaries. The window owns the project's
 * main connection; views get it through their "project" property and reload on
 * SpProject::changed. In place of the views, the window says when it is opening a project
 * and when it has none (sp-window-open.c).
 */
#define G_LOG_DOMAIN "sp-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-project-watch.h"
#include "sp-toast.h"
#include "sp-window-private.h"

enum {
  PROP_0,
  PROP_PROJECT,
  N_PROPS
};

enum {
  IMPORT_FINISHED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (SpWindow, sp_window, ADW_TYPE_APPLICATION_WINDOW)

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

GSettings *
_sp_window_get_settings (SpWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (!SP_IS_APPLICATION (app))
    return NULL;

  return sp_application_get_settings (SP_APPLICATION (app));
}

static void
project_can_undo_changed_cb (SpWindow   *self,
                             GParamSpec *pspec,
                             SpProject  *project)
{
  _sp_window_update_actions (self);
}

/* Every edit is one undo step, and each ends with SpProject::changed: the step Undo would
 * take back may have changed even when can-undo did not */
static void
project_changed_cb (SpWindow  *self,
                    guint      what,
                    SpProject *project)
{
  _sp_window_update_actions (self);
}

/* The folder a project is in, the home folder written as "~" */
char *
_sp_window_dup_folder_for_display (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  const char *home = g_get_home_dir ();
  gsize home_len = strlen (home);

  if (home_len > 1 && g_str_has_prefix (folder, home) &&
      (folder[home_len] == '\0' || folder[home_len] == G_DIR_SEPARATOR))
    return g_strconcat ("~", folder + home_len, NULL);

  return g_steal_pointer (&folder);
}

static void
set_project_name (SpWindow   *self,
                  const char *name,
                  const char *folder,
                  const char *path)
{
  GtkLabel *name_labels[] = { self->name_label_wide, self->name_label_narrow };
  GtkLabel *folder_labels[] = { self->folder_label_wide, self->folder_label_narrow };

  adw_window_title_set_title (self->window_title, name);
  adw_window_title_set_subtitle (self->window_title, folder);
  for (guint i = 0; i < G_N_ELEMENTS (name_labels); i++)
    {
      gtk_label_set_text (name_labels[i], name);
      gtk_label_set_text (folder_labels[i], folder ? folder : "");
      /* Beside the switcher the folder may be cut short: the whole path on hover */
      gtk_widget_set_tooltip_text (gtk_widget_get_parent (GTK_WIDGET (name_labels[i])), path);
    }
}

static void title_squeezer_child_cb (SpWindow    *self,
                                     GParamSpec  *pspec,
                                     AdwSqueezer *squeezer);

/* The header names the project the window shows: none while it opens another */
void
_sp_window_update_title (SpWindow *self)
{
  g_autofree char *base = NULL;
  g_autofree char *title = NULL;
  g_autofree char *folder = NULL;

  g_assert (SP_IS_WINDOW (self));

  if (!_sp_window_shows_project (self))
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Standpoint"));
      set_project_name (self, _("Standpoint"), NULL, NULL);
      return;
    }

  base = g_path_get_basename (sp_project_get_path (self->project));
  if (g_str_has_suffix (base, SP_PROJECT_SUFFIX) && strlen (base) > strlen (SP_PROJECT_SUFFIX))
    base[strlen (base) - strlen (SP_PROJECT_SUFFIX)] = '\0';
  folder = _sp_window_dup_folder_for_display (sp_project_get_path (self->project));

  title = g_strdup_printf ("%s — %s", base, _("Standpoint"));
  gtk_window_set_title (GTK_WINDOW (self), title);
  set_project_name (self, base, folder, sp_project_get_path (self->project));
}

/**
 * _sp_window_update_content:
 *
 * Shows what the window is doing in place of its views when it does not show a project:
 * opening one, or having none (sp-window-open.c sets the words on those pages first). The
 * header then names no project and offers no views.
 */
void
_sp_window_update_content (SpWindow *self)
{
  g_autoptr(GtkSelectionModel) pages = NULL;
  gboolean shows_project;

  g_assert (SP_IS_WINDOW (self));

  shows_project = _sp_window_shows_project (self);
  gtk_stack_set_visible_child_name (self->content_stack,
                                    _sp_window_is_opening (self) ? "opening"
                                    : shows_project ? "project" : "closed");

  /* The title alone, without a view switcher beside it */
  pages = adw_squeezer_get_pages (self->title_squeezer);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
    {
      g_autoptr(AdwSqueezerPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);

      if (adw_squeezer_page_get_child (page) != GTK_WIDGET (self->window_title))
        adw_squeezer_page_set_enabled (page, shows_project);
    }
  title_squeezer_child_cb (self, NULL, self->title_squeezer);

  _sp_window_update_title (self);
  _sp_window_update_actions (self);
}

/**
 * _sp_window_shows_project:
 *
 * Whether the window shows its project's views: it has a project and is not opening
 * another one. Otherwise the views are hidden and every action on a project is off.
 */
gboolean
_sp_window_shows_project (SpWindow *self)
{
  g_assert (SP_IS_WINDOW (self));

  return self->project != NULL && !_sp_window_is_opening (self);
}

/* When the title squeezer has no room left for a view switcher, the views move to the bar
 * at the bottom */
static void
title_squeezer_child_cb (SpWindow    *self,
                         GParamSpec  *pspec,
                         AdwSqueezer *squeezer)
{
  adw_view_switcher_bar_set_reveal (self->switcher_bar,
                                    _sp_window_shows_project (self) &&
                                    adw_squeezer_get_visible_child (squeezer) == GTK_WIDGET (self->window_title));
}

/* Shows the project for reading only: the banner says why, and every way to change it
 * (tagging, the codebook's add, edit and delete, imports, undo and redo) is off. */
static void
set_read_only (SpWindow *self,
               gboolean  read_only)
{
  const char *reason = read_only ? sp_project_get_read_only_reason (self->project) : NULL;
  g_autofree char *text = NULL;

  g_assert (SP_IS_WINDOW (self));

  self->read_only = !!read_only;

  if (reason != NULL)
    /* TRANSLATORS: %s says why, e.g. "its folder cannot be written" */
    text = g_strdup_printf (_("This project is read-only because %s: you can read, search and export it, but not change it"),
                            reason);
  else
    text = g_strdup (_("This project is read-only: you can read, search and export it, but not change it"));
  gtk_label_set_text (self->read_only_label, text);

  gtk_revealer_set_reveal_child (self->read_only_revealer, self->read_only);
  sp_documents_view_set_editable (self->documents_view, !self->read_only);
  sp_codebook_view_set_editable (SP_CODEBOOK_VIEW (self->actors_view), !self->read_only);
  sp_codebook_view_set_editable (SP_CODEBOOK_VIEW (self->issues_view), !self->read_only);
  sp_review_view_set_editable (self->review_view, !self->read_only);
  _sp_window_update_actions (self);
}

/* Gives the views @project; sp-window-open.c calls it when an open has succeeded. */
void
_sp_window_set_project (SpWindow  *self,
                        SpProject *project)
{
  g_assert (SP_IS_WINDOW (self));

  if (!sp_project_watch_set (&self->project, project, G_CALLBACK (project_changed_cb), self))
    return;

  if (project != NULL)
    {
      g_signal_connect_object (project, "notify::can-undo",
                               G_CALLBACK (project_can_undo_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (project, "notify::can-redo",
                               G_CALLBACK (project_can_undo_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }

  sp_documents_view_set_project (self->documents_view, project);
  sp_codebook_view_set_project (SP_CODEBOOK_VIEW (self->actors_view), project);
  sp_codebook_view_set_project (SP_CODEBOOK_VIEW (self->issues_view), project);
  sp_matrix_view_set_project (self->matrix_view, project);
  sp_review_view_set_project (self->review_view, project);

  set_read_only (self, project != NULL && sp_project_is_read_only (project));
  _sp_window_update_content (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

/**
 * sp_window_open_project:
 * @path: a project file; created when it is the default project and does not exist yet
 *
 * Opens the project at @path in a worker thread and shows it when it is open. Meanwhile the
 * window says that it is opening, and the open can be cancelled; when the project cannot be
 * opened, the window says why. Read #SpWindow:project to learn which project it shows.
 */
void
sp_window_open_project (SpWindow   *self,
                        const char *path)
{
  GtkApplication *app;
  g_autofree char *default_path = NULL;

  g_return_if_fail (SP_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  app = gtk_window_get_application (GTK_WINDOW (self));
  if (SP_IS_APPLICATION (app))
    default_path = sp_application_dup_default_project (SP_APPLICATION (app));

  _sp_window_open (self, path,
                   g_strcmp0 (path, default_path) == 0 ? SP_WINDOW_OPEN_OR_CREATE
                                                       : SP_WINDOW_OPEN_EXISTING);
}

/* Returns: (transfer none) (nullable) */
SpProject *
sp_window_get_project (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);
  return self->project;
}

static void
save_window_state (SpWindow *self)
{
  GSettings *settings = _sp_window_get_settings (self);
  int width, height;

  if (settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)))
    {
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
    }
}

static gboolean
sp_window_close_request (GtkWindow *window)
{
  SpWindow *self = SP_WINDOW (window);

  /* A running import, export or codebook job finishes in the background, holding the
   * application; an open is cancelled (dispose). Claims and codebook edits are committed
   * when made, so nothing else is pending. */
  save_window_state (self);

  return GTK_WINDOW_CLASS (sp_window_parent_class)->close_request (window);
}

static void
sp_window_constructed (GObject *object)
{
  SpWindow *self = SP_WINDOW (object);
  g_autoptr(GAction) after_import = NULL;
  GSettings *settings;

  G_OBJECT_CLASS (sp_window_parent_class)->constructed (object);

  if ((settings = _sp_window_get_settings (self)))
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (settings, "window-width"),
                                   g_settings_get_int (settings, "window-height"));
      if (g_settings_get_boolean (settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
      /* The enum's nicks are the key's choices */
      g_settings_bind (settings, "matrix-level", self->matrix_view, "level", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "document-sort", self->documents_view, "sort", G_SETTINGS_BIND_DEFAULT);
      /* "win.suggest-after-import", the main menu's toggle */
      after_import = g_settings_create_action (settings, "suggest-after-import");
      g_action_map_add_action (G_ACTION_MAP (self), after_import);
    }

  _sp_window_update_recent (self);
  _sp_window_update_actions (self);
}

static void
sp_window_dispose (GObject *object)
{
  SpWindow *self = (SpWindow *)object;

  _sp_window_detach_open (self);
  _sp_window_detach_import (self);
  _sp_window_detach_codebook (self);
  _sp_window_detach_suggest (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_WINDOW);

  sp_project_watch_clear (&self->project, self);
  g_clear_pointer (&self->last_import, sp_import_report_unref);

  G_OBJECT_CLASS (sp_window_parent_class)->dispose (object);
}

static void
sp_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SpWindow *self = SP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_window_class_init (SpWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = sp_window_constructed;
  object_class->dispose = sp_window_dispose;
  object_class->get_property = sp_window_get_property;

  window_class->close_request = sp_window_close_request;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL,
                         SP_TYPE_PROJECT,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SpWindow::import-finished:
   * @report: (type SpImportReport): what the import did with each file
   *
   * Emitted when an import of dropped or chosen files has finished and the views show it.
   */
  signals[IMPORT_FINISHED] =
    g_signal_new ("import-finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_POINTER);

  g_type_ensure (SP_TYPE_DOCUMENTS_VIEW);
  g_type_ensure (SP_TYPE_ACTORS_VIEW);
  g_type_ensure (SP_TYPE_ISSUES_VIEW);
  g_type_ensure (SP_TYPE_MATRIX_VIEW);
  g_type_ensure (SP_TYPE_REVIEW_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/standpoint/Standpoint/sp-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SpWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, opening_page);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, opening_spinner);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, closed_page);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, closed_open_button);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, title_squeezer);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, name_label_wide);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, folder_label_wide);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, name_label_narrow);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, folder_label_narrow);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, read_only_revealer);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, progress_stop_button);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, recent_section);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, documents_view);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, actors_view);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, issues_view);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, matrix_view);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, review_view);

  _sp_window_class_add_actions (klass);
  _sp_window_class_add_open_actions (klass);
  _sp_window_class_add_import_actions (klass);
  _sp_window_class_add_codebook_actions (klass);
  _sp_window_class_add_suggest_actions (klass);
  _sp_window_class_add_interop_actions (klass);
}

static void
sp_window_init (SpWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->title_squeezer, "notify::visible-child",
                           G_CALLBACK (title_squeezer_child_cb), self, G_CONNECT_SWAPPED);
  _sp_window_init_open (self);
  _sp_window_update_content (self);

  _sp_window_setup_drop (self);
}

SpWindow *
sp_window_new (SpApplication *application)
{
  return g_object_new (SP_TYPE_WINDOW,
                       "application", application,
                       NULL);
}
