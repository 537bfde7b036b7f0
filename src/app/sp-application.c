/* sp-application.c
 *
 * Owns the settings and the list of recent projects, and decides which project a new window
 * shows: the files given on the command line, else the last project, else a default project
 * in the user's data folder, so that a first start needs no set-up.
 */
#define G_LOG_DOMAIN "sp-application"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-application.h"
#include "sp-renderer.h"
#include "sp-stance-palette.h"
#include "sp-window.h"

#define MAX_RECENT_PROJECTS 10

struct _SpApplication
{
  AdwApplication  parent_instance;

  /* NULL when the schema is not installed (running from a build tree without
   * GSETTINGS_SCHEMA_DIR): recent projects then live only as long as the process. */
  GSettings      *settings;
  GStrv           recent_fallback;
};

G_DEFINE_FINAL_TYPE (SpApplication, sp_application, ADW_TYPE_APPLICATION)

static void
sp_application_open_path (SpApplication *self,
                          const char    *path)
{
  SpWindow *window = sp_window_new (self);

  sp_window_open_project (window, path);
  gtk_window_present (GTK_WINDOW (window));
}

static char *
dup_last_project (SpApplication *self)
{
  g_auto(GStrv) recent = sp_application_dup_recent_projects (self);

  for (guint i = 0; recent[i] != NULL; i++)
    if (g_file_test (recent[i], G_FILE_TEST_IS_REGULAR))
      return g_strdup (recent[i]);

  return NULL;
}

static void
sp_application_activate (GApplication *app)
{
  SpApplication *self = SP_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_autofree char *path = NULL;

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  path = dup_last_project (self);
  if (path == NULL)
    path = sp_application_dup_default_project (self);

  sp_application_open_path (self, path);
}

static void
sp_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  SpApplication *self = SP_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);

      if (path != NULL)
        sp_application_open_path (self, path);
    }
}

static void
about_action_cb (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  SpApplication *self = user_data;
  const char *developers[] = { "The Standpoint developers", NULL };

  adw_show_about_window (gtk_application_get_active_window (GTK_APPLICATION (self)),
                         "application-name", _("Standpoint"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("The Standpoint developers"),
                         "developers", developers,
                         "comments", _("Tag who says what on which issue in news articles, and read the positions as a matrix"),
                         "website", "https://github.com/standpoint/standpoint",
                         "issue-url", "https://github.com/standpoint/standpoint/issues",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "copyright", "© 2026 The Standpoint developers",
                         NULL);
}

static void
quit_action_cb (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  SpApplication *self = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Closing each window cancels its work and saves its size; edits are already on disk. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);

  g_list_free (windows);
}

static const GActionEntry app_actions[] = {
  { "about", about_action_cb },
  { "quit", quit_action_cb },
};

/* The stance colours of badges and stance buttons come from the core palette, the one
 * definition the matrix and the reader also use; ui/style.css holds only their shape. */
static void
load_stance_css (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
  g_autofree char *css = sp_stance_palette_to_css ();

  gtk_css_provider_load_from_data (provider, css, -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
sp_application_startup (GApplication *app)
{
  SpApplication *self = SP_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *new_accels[] = { "<Control>n", NULL };
  static const char *open_accels[] = { "<Control>o", NULL };
  static const char *import_accels[] = { "<Control>i", NULL };
  static const char *import_dna_accels[] = { "<Control><Shift>d", NULL };
  static const char *undo_accels[] = { "<Control>z", NULL };
  static const char *redo_accels[] = { "<Control><Shift>z", "<Control>y", NULL };
  static const char *tag_accels[] = { "<Control>t", NULL };
  static const char *suggest_accels[] = { "<Control><Shift>s", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *view_accels[][2] = {
    { "<Alt>1", NULL }, { "<Alt>2", NULL }, { "<Alt>3", NULL }, { "<Alt>4", NULL }, { "<Alt>5", NULL },
  };
  static const char *views[] = { "documents", "actors", "issues", "matrix", "review" };

  G_APPLICATION_CLASS (sp_application_parent_class)->startup (app);

  sp_renderer_choose (gdk_display_get_default ());
  load_stance_css ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);

  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.new-project", new_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.open-project", open_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.import-articles", import_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.import-dna", import_dna_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.undo", undo_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.redo", redo_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.tag-claim", tag_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.suggest-claims", suggest_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_autofree char *detailed = g_strdup_printf ("win.show-view::%s", views[i]);
      gtk_application_set_accels_for_action (GTK_APPLICATION (self), detailed, view_accels[i]);
    }
}

static void
sp_application_finalize (GObject *object)
{
  SpApplication *self = (SpApplication *)object;

  g_clear_object (&self->settings);
  g_clear_pointer (&self->recent_fallback, g_strfreev);

  G_OBJECT_CLASS (sp_application_parent_class)->finalize (object);
}

static void
sp_application_class_init (SpApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = sp_application_finalize;

  app_class->activate = sp_application_activate;
  app_class->open = sp_application_open;
  app_class->startup = sp_application_startup;
}

static void
sp_application_init (SpApplication *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  if (schema != NULL)
    self->settings = g_settings_new (APP_ID);
  else
    g_message ("The settings schema %s is not installed; recent projects will not be remembered", APP_ID);

  self->recent_fallback = g_new0 (char *, 1);
}

SpApplication *
sp_application_new (void)
{
  return g_object_new (SP_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/standpoint/Standpoint",
                       NULL);
}

/* Returns: (transfer none) (nullable): the settings, or %NULL when the schema is missing */
GSettings *
sp_application_get_settings (SpApplication *self)
{
  g_return_val_if_fail (SP_IS_APPLICATION (self), NULL);
  return self->settings;
}

/**
 * sp_application_dup_default_project:
 *
 * Returns: (transfer full): the path of the project a first start opens, in the user's data
 *   folder (inside the sandbox when running as a Flatpak)
 */
char *
sp_application_dup_default_project (SpApplication *self)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "standpoint", NULL);

  g_mkdir_with_parents (dir, 0700);
  return g_build_filename (dir, "Default" SP_PROJECT_SUFFIX, NULL);
}

/* Returns: (transfer full): recent projects, most recent first */
GStrv
sp_application_dup_recent_projects (SpApplication *self)
{
  g_return_val_if_fail (SP_IS_APPLICATION (self), NULL);

  if (self->settings != NULL)
    return g_settings_get_strv (self->settings, "recent-projects");

  return g_strdupv (self->recent_fallback);
}

void
sp_application_add_recent_project (SpApplication *self,
                                   const char    *path)
{
  g_auto(GStrv) recent = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;
  guint n = 1;

  g_return_if_fail (SP_IS_APPLICATION (self));
  g_return_if_fail (path != NULL);

  recent = sp_application_dup_recent_projects (self);
  g_strv_builder_add (builder, path);
  for (guint i = 0; recent[i] != NULL && n < MAX_RECENT_PROJECTS; i++)
    {
      if (g_str_equal (recent[i], path))
        continue;
      g_strv_builder_add (builder, recent[i]);
      n++;
    }

  updated = g_strv_builder_end (builder);

  if (self->settings != NULL)
    g_settings_set_strv (self->settings, "recent-projects", (const char * const *)updated);
  else
    {
      g_strfreev (self->recent_fallback);
      self->recent_fallback = g_steal_pointer (&updated);
    }
}
