/* sp-window-open.c
 *
 * Opening projects in the window: New, Open, Open Read-Only, Recent, and the project a new
 * window starts with. Opening checks the whole file and may back it up and migrate it, so it
 * runs in a worker thread (sp_project_open_async()) while the window shows an opening page
 * with the file's name and a Cancel button. A project that could not be opened is named with
 * the reason: on the window's closed page when it has no other project to show, or in a
 * dialog over the project it keeps showing. What opening found (names a migration renamed,
 * rows that refer to missing rows) is shown once the project is open.
 *
 * One open runs per window: another open, Cancel, or closing the window cancels it, and its
 * finish callback then only lets go of what the worker opened. The job holds the application
 * until then, so that a migration being rolled back is not cut short by the process ending.
 */
#define G_LOG_DOMAIN "sp-window-open"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-toast.h"
#include "sp-window-private.h"

/* After this long the opening page says what takes the time */
#define OPENING_HINT_SECONDS 1

struct _SpWindowOpenJob
{
  /* Read by the worker; set before it starts */
  char             *path;
  SpWindowOpenMode  mode;
  GCancellable     *cancellable;

  /* Main thread only. NULL once the window has let go of the job: it was disposed, the open
   * was cancelled, or another open began. */
  SpWindow         *window;
  GApplication     *application;
};

static void
open_job_free (SpWindowOpenJob *job)
{
  g_free (job->path);
  g_clear_object (&job->cancellable);
  g_assert (job->application == NULL);
  g_free (job);
}

/* The file's name as the header would show it: without the folder and the suffix */
static char *
dup_display_name (const char *path)
{
  char *base = g_path_get_basename (path);

  if (g_str_has_suffix (base, SP_PROJECT_SUFFIX) && strlen (base) > strlen (SP_PROJECT_SUFFIX))
    base[strlen (base) - strlen (SP_PROJECT_SUFFIX)] = '\0';

  return base;
}

/* The closed page: no project, and why when an open failed. A status page's description is
 * markup, and a reason names a file: it is escaped. */
static void
set_closed_page (SpWindow     *self,
                 const char   *path,
                 const GError *error)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;

  if (error == NULL)
    {
      adw_status_page_set_icon_name (self->closed_page, "document-open-symbolic");
      adw_status_page_set_title (self->closed_page, _("No Project Open"));
      adw_status_page_set_description (self->closed_page,
                                       _("Open a project to read and tag its articles, or create a new one"));
      gtk_button_set_label (self->closed_open_button, _("_Open Project…"));
      return;
    }

  name = dup_display_name (path);
  /* TRANSLATORS: %s is a project's name */
  title = g_strdup_printf (_("Could Not Open “%s”"), name);
  description = g_markup_escape_text (error->message, -1);
  adw_status_page_set_icon_name (self->closed_page, "dialog-warning-symbolic");
  adw_status_page_set_title (self->closed_page, title);
  adw_status_page_set_description (self->closed_page, description);
  gtk_button_set_label (self->closed_open_button, _("_Open Another Project…"));
}

/* Called once the open has taken more than a moment; the timeout belongs to the window */
static gboolean
opening_hint_cb (gpointer user_data)
{
  SpWindow *self = SP_WINDOW (user_data);

  self->open_timeout = 0;
  adw_status_page_set_description (self->opening_page,
                                   _("Checking the project. One written by an older version of Standpoint is also backed up and updated, which can take a while."));

  return G_SOURCE_REMOVE;
}

static void
show_opening_page (SpWindow         *self,
                   const char       *path,
                   SpWindowOpenMode  mode)
{
  g_autofree char *name = dup_display_name (path);
  g_autofree char *folder = _sp_window_dup_folder_for_display (path);
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;

  /* TRANSLATORS: %s is a project's name */
  title = g_strdup_printf (mode == SP_WINDOW_OPEN_CREATE ? _("Creating “%s”") : _("Opening “%s”"), name);
  /* TRANSLATORS: %s is the folder a project is in */
  description = g_markup_printf_escaped (_("In %s"), folder);
  adw_status_page_set_title (self->opening_page, title);
  adw_status_page_set_description (self->opening_page, description);
  gtk_spinner_start (self->opening_spinner);

  g_clear_handle_id (&self->open_timeout, g_source_remove);
  if (mode != SP_WINDOW_OPEN_CREATE)
    self->open_timeout = g_timeout_add_seconds (OPENING_HINT_SECONDS, opening_hint_cb, self);
}

/* What opening found */

static void
show_open_notes (SpWindow  *self,
                 SpProject *project)
{
  GPtrArray *notes = sp_project_get_open_notes (project);
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  GtkWidget *dialog, *scroller, *box;

  if (notes == NULL || notes->len == 0)
    return;

  name = dup_display_name (sp_project_get_path (project));
  /* TRANSLATORS: %s is a project's name */
  heading = g_strdup_printf (_("Notes on Opening “%s”"), name);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   g_dngettext (GETTEXT_PACKAGE,
                                                "Standpoint found this while opening the project:",
                                                "Standpoint found these while opening the project:",
                                                notes->len));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));

  /* Plain text: notes quote names from the file */
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  for (guint i = 0; i < notes->len; i++)
    {
      GtkWidget *label = gtk_label_new (g_ptr_array_index (notes, i));

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      /* Without a width of its own, a note would count as one long line for the height
       * the list asks for */
      gtk_label_set_width_chars (GTK_LABEL (label), 36);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_box_append (GTK_BOX (box), label);
    }

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);

  gtk_window_present (GTK_WINDOW (dialog));
}

/* Why an open failed, over the project the window goes on showing */

static void
open_failed_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         SpWindow         *self)
{
  if (g_str_equal (response, "open"))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-project", NULL);
  else if (g_str_equal (response, "new"))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.new-project", NULL);
}

static void
show_open_failed_dialog (SpWindow     *self,
                         const char   *path,
                         const GError *error)
{
  g_autofree char *name = dup_display_name (path);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  /* TRANSLATORS: %s is a project's name */
  heading = g_strdup_printf (_("Could Not Open “%s”"), name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "new", _("_Create New…"),
                                    "open", _("_Open Another…"),
                                    "close", _("_Close"),
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_signal_connect_object (dialog, "response", G_CALLBACK (open_failed_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The open itself */

/* The modes sp_project_open_async() does not cover; creating and opening read-only are
 * quick, and run here so that the main loop never waits on the disk. */
static void
open_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SpWindowOpenJob *job = task_data;
  g_autoptr(GError) error = NULL;
  SpProject *project = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  switch (job->mode)
    {
    case SP_WINDOW_OPEN_CREATE:
      project = sp_project_create (job->path, &error);
      break;

    case SP_WINDOW_OPEN_READ_ONLY:
      project = sp_project_open_read_only (job->path, &error);
      break;

    case SP_WINDOW_OPEN_EXISTING:
    case SP_WINDOW_OPEN_OR_CREATE:
    default:
      g_assert_not_reached ();
    }

  if (project == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, project, g_object_unref);
}

static void
open_finished_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  SpWindowOpenJob *job = user_data;
  g_autoptr(GApplication) application = g_steal_pointer (&job->application);
  SpWindow *self = job->window;
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_steal_pointer (&job->path);

  if (g_async_result_is_tagged (result, sp_project_open_async))
    project = sp_project_open_finish (result, &error);
  else
    project = g_task_propagate_pointer (G_TASK (result), &error);

  /* The worker is done with the file: the process may end */
  if (application != NULL)
    g_application_release (application);

  open_job_free (job);

  /* The window let go of this open: whatever it opened is closed again here */
  if (self == NULL)
    return;

  self->open_job = NULL;
  g_clear_handle_id (&self->open_timeout, g_source_remove);
  gtk_spinner_stop (self->opening_spinner);

  if (project == NULL)
    {
      if (self->project == NULL)
        set_closed_page (self, path, error);
      _sp_window_update_content (self);
      if (self->project != NULL)
        show_open_failed_dialog (self, path, error);
      return;
    }

  _sp_window_set_project (self, project);

  if (SP_IS_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))))
    sp_application_add_recent_project (SP_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))), path);
  _sp_window_update_recent (self);

  show_open_notes (self, project);
}

gboolean
_sp_window_is_opening (SpWindow *self)
{
  return self->open_job != NULL;
}

/* Cancels the running open and forgets it: from dispose, Cancel, or a new open */
void
_sp_window_detach_open (SpWindow *self)
{
  g_assert (SP_IS_WINDOW (self));

  g_clear_handle_id (&self->open_timeout, g_source_remove);

  if (self->open_job == NULL)
    return;

  g_cancellable_cancel (self->open_job->cancellable);
  self->open_job->window = NULL;
  self->open_job = NULL;
}

/**
 * _sp_window_open:
 * @mode: how to open @path; %SP_WINDOW_OPEN_OR_CREATE creates it when nothing is there
 *
 * Opens @path in a worker thread, cancelling an open already running, and shows the project
 * once it is open. An import running in the window must finish first: it writes to the
 * project the window shows.
 */
void
_sp_window_open (SpWindow         *self,
                 const char       *path,
                 SpWindowOpenMode  mode)
{
  GtkApplication *application;
  SpWindowOpenJob *job;

  g_assert (SP_IS_WINDOW (self));
  g_assert (path != NULL);

  if (_sp_window_is_importing (self))
    {
      sp_toast_show_error (GTK_WIDGET (self), _("Wait for the import to finish before opening another project"));
      return;
    }

  _sp_window_detach_open (self);

  if (mode == SP_WINDOW_OPEN_OR_CREATE)
    mode = g_file_test (path, G_FILE_TEST_EXISTS) ? SP_WINDOW_OPEN_EXISTING : SP_WINDOW_OPEN_CREATE;

  job = g_new0 (SpWindowOpenJob, 1);
  job->path = g_strdup (path);
  job->mode = mode;
  job->cancellable = g_cancellable_new ();
  job->window = self;
  if ((application = gtk_window_get_application (GTK_WINDOW (self))))
    {
      job->application = G_APPLICATION (g_object_ref (application));
      g_application_hold (job->application);
    }
  self->open_job = job;

  show_opening_page (self, path, mode);
  _sp_window_update_content (self);

  if (mode == SP_WINDOW_OPEN_EXISTING)
    sp_project_open_async (path, job->cancellable, open_finished_cb, job);
  else
    {
      /* No source object: the task must not keep a closed window alive */
      g_autoptr(GTask) task = g_task_new (NULL, job->cancellable, open_finished_cb, job);

      g_task_set_source_tag (task, _sp_window_open);
      /* The job outlives the task's worker: open_finished_cb frees it */
      g_task_set_task_data (task, job, NULL);
      g_task_run_in_thread (task, open_worker);
    }
}

static void
cancel_open_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  SpWindow *self = SP_WINDOW (widget);

  if (!_sp_window_is_opening (self))
    return;

  /* Back to the project shown before, or to none */
  _sp_window_detach_open (self);
  gtk_spinner_stop (self->opening_spinner);
  set_closed_page (self, NULL, NULL);
  _sp_window_update_content (self);
}

/* Projects */

static void
new_project_chosen (SpWindow *self,
                    GFile    *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *with_suffix = NULL;

  if (path == NULL)
    return;

  if (!g_str_has_suffix (path, SP_PROJECT_SUFFIX))
    with_suffix = g_strconcat (path, SP_PROJECT_SUFFIX, NULL);
  else
    with_suffix = g_strdup (path);

  /* Creating never replaces a file, even one the chooser was told to overwrite: it may be
   * weeks of someone's work. sp_project_create() refuses it. */
  _sp_window_open (self, with_suffix, SP_WINDOW_OPEN_CREATE);
}

static void
new_project_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  SpWindow *self = SP_WINDOW (widget);
  g_autofree char *name = g_strconcat (_("Untitled"), SP_PROJECT_SUFFIX, NULL);
  GtkFileChooserNative *chooser;

  chooser = _sp_window_new_chooser (self, _("New Project"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Create"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  _sp_window_add_filter (GTK_FILE_CHOOSER (chooser), _("Standpoint Projects"), "*" SP_PROJECT_SUFFIX, NULL);
  _sp_window_run_chooser (self, chooser, new_project_chosen);
}

static void
open_project_chosen (SpWindow *self,
                     GFile    *file)
{
  g_autofree char *path = g_file_get_path (file);

  if (path != NULL)
    _sp_window_open (self, path, SP_WINDOW_OPEN_EXISTING);
}

static void
open_read_only_chosen (SpWindow *self,
                       GFile    *file)
{
  g_autofree char *path = g_file_get_path (file);

  if (path != NULL)
    _sp_window_open (self, path, SP_WINDOW_OPEN_READ_ONLY);
}

static void
open_project_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  SpWindow *self = SP_WINDOW (widget);
  gboolean read_only = g_str_equal (action_name, "win.open-project-read-only");
  GtkFileChooserNative *chooser;

  chooser = _sp_window_new_chooser (self,
                                    read_only ? _("Open Project Read-Only") : _("Open Project"),
                                    GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"));
  _sp_window_add_filter (GTK_FILE_CHOOSER (chooser), _("Standpoint Projects"), "*" SP_PROJECT_SUFFIX, NULL);
  _sp_window_add_filter (GTK_FILE_CHOOSER (chooser), _("All Files"), "*", NULL);
  _sp_window_run_chooser (self, chooser, read_only ? open_read_only_chosen : open_project_chosen);
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  _sp_window_open (SP_WINDOW (widget), g_variant_get_string (param, NULL), SP_WINDOW_OPEN_EXISTING);
}

void
_sp_window_update_recent (SpWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_auto(GStrv) recent = NULL;
  const char *current = self->project ? sp_project_get_path (self->project) : NULL;

  g_menu_remove_all (self->recent_section);

  if (SP_IS_APPLICATION (app))
    recent = sp_application_dup_recent_projects (SP_APPLICATION (app));

  for (guint i = 0; recent != NULL && recent[i] != NULL; i++)
    {
      g_autofree char *base = NULL;
      g_autoptr(GMenuItem) item = NULL;

      if (g_strcmp0 (recent[i], current) == 0 || !g_file_test (recent[i], G_FILE_TEST_IS_REGULAR))
        continue;

      base = g_path_get_basename (recent[i]);
      item = g_menu_item_new (base, NULL);
      g_menu_item_set_action_and_target_value (item, "win.open-recent", g_variant_new_string (recent[i]));
      g_menu_append_item (self->recent_section, item);
    }

  /* Said rather than an empty submenu; its action is never enabled, so it shows greyed out */
  if (g_menu_model_get_n_items (G_MENU_MODEL (self->recent_section)) == 0)
    g_menu_append (self->recent_section, _("No Recent Projects"), "win.no-recent-projects");
}

static void
no_recent_projects_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
}

void
_sp_window_init_open (SpWindow *self)
{
  set_closed_page (self, NULL, NULL);
}

void
_sp_window_class_add_open_actions (SpWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.new-project", NULL, new_project_action);
  gtk_widget_class_install_action (widget_class, "win.open-project", NULL, open_project_action);
  gtk_widget_class_install_action (widget_class, "win.open-project-read-only", NULL, open_project_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.no-recent-projects", NULL, no_recent_projects_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-open", NULL, cancel_open_action);
}
