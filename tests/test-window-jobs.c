/* test-window-jobs.c
 *
 * The window's work that runs in worker threads, under Xvfb: opening a project (the page that
 * says so, Cancel, the reason when it cannot be opened, and what a migration found), the
 * matrix exports (progress, Cancel, and the application held until the file is written when
 * the window closes), codebook files (refusing to write through a symbolic link) and a
 * thousand dropped article files (a determinate progress bar, Stop, and the report that
 * lists every file that failed or was skipped, and why).
 *
 * To see the opening page while a worker is busy, a test holds an exclusive lock on the
 * project file with a connection of its own: the worker waits on it (up to the store's busy
 * timeout) while the main loop goes on drawing the window. Screenshots go next to the test
 * binary (window-jobs-*.png), each at 1280 and 560 px.
 */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "sp-gui-test-util.h"
#include "sp-import-details-dialog.h"
#include "sp-test-util.h"
#include "sp-window-private.h"

static const int widths[] = { 1280, 560 };

typedef struct
{
  char     *dir;
  SpWindow *window;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = sp_test_make_tmpdir ();
  f->window = sp_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 760);
  gtk_window_present (GTK_WINDOW (f->window));
  sp_gui_test_settle (GTK_WIDGET (f->window));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  sp_gui_test_tear_down (f->window, f->dir);
}

/* Lays @window out at @width and saves what it (or @dialog, when given) draws as
 * window-jobs-NAME-WIDTH.png */
static void
screenshot_at (GtkWindow  *window,
               GtkWindow  *dialog,
               int         width,
               const char *name)
{
  g_autofree char *file = g_strdup_printf ("window-jobs-%s-%d.png", name, width);
  GtkWidget *shown = GTK_WIDGET (dialog ? dialog : window);

  gtk_window_set_default_size (window, width, 700);
  sp_gui_test_settle (GTK_WIDGET (window));
  sp_gui_test_iterate_until (sp_gui_test_transitions_done, window);
  if (dialog != NULL)
    sp_gui_test_settle (shown);
  g_object_unref (sp_gui_test_screenshot (shown, file));
}

static const char *
visible_page (SpWindow *window)
{
  return gtk_stack_get_visible_child_name (window->content_stack);
}

/* A project as version 3 of the file format wrote it, with two actors whose names are the
 * same under today's rule for names: opening it backs it up, migrates it and renames one. */
static char *
make_version_3_project (const char *dir,
                        const char *name)
{
  return sp_test_make_old_project (dir, name, 3,
                                   "INSERT INTO documents (id, file_name, title, body, body_length, "
                                   "  content_hash, text_hash, imported) "
                                   "VALUES (1, 'a.txt', 'A', 'Talks resumed in Osaka today.', 29, 'c', 't', 'x');"
                                   "INSERT INTO actors (id, name, kind, created, updated) VALUES "
                                   "  (1, 'Ōsaka Group', 'group', 'x', 'x'),"
                                   "  (2, 'ōSAKA GROUP', 'group', 'x', 'x');");
}

/* A connection of the test's own that keeps every other connection out of @path */
static sqlite3 *
lock_project (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);

  return db;
}

static void
unlock_project (sqlite3 *db)
{
  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static gboolean
description_changed (gpointer data)
{
  SpWindow *window = data;

  return !g_str_has_prefix (adw_status_page_get_description (window->opening_page), "In ");
}

/* Opening: the window draws while the worker waits, says what it opens, can be cancelled
 * without anything being written, and after the migration says what it renamed */
static void
test_open_migrates (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = make_version_3_project (f->dir, "old.standpoint");
  g_autofree char *backup = g_strconcat (path, ".v3.bak", NULL);
  g_autofree char *second_backup = g_strconcat (path, ".v3-1.bak", NULL);
  GtkWidget *window = GTK_WIDGET (f->window);
  AdwStatusPage *page;
  GtkWindow *dialog;
  SpProject *project;
  sqlite3 *lock;

  /* A window without a project says so, with the ways to get one */
  g_assert_cmpstr (visible_page (f->window), ==, "closed");
  g_assert_nonnull (sp_gui_test_find_drawn_actionable (window, "win.open-project", NULL));
  g_assert_nonnull (sp_gui_test_find_drawn_actionable (window, "win.new-project", NULL));
  screenshot_at (GTK_WINDOW (window), NULL, 560, "no-project");

  lock = lock_project (path);
  sp_window_open_project (f->window, path);

  /* The call returned before the project was open: the worker is waiting on the lock */
  g_assert_true (_sp_window_is_opening (f->window));
  g_assert_null (sp_window_get_project (f->window));
  g_assert_cmpstr (visible_page (f->window), ==, "opening");
  g_assert_cmpstr (adw_status_page_get_title (f->window->opening_page), ==, "Opening “old”");
  g_assert_true (gtk_spinner_get_spinning (f->window->opening_spinner));

  /* and the main loop goes on: the window lays out and paints frames meanwhile */
  screenshot_at (GTK_WINDOW (window), NULL, 1280, "opening");
  page = ADW_STATUS_PAGE (sp_gui_test_find_drawn_type (window, ADW_TYPE_STATUS_PAGE));
  g_assert_true (page == f->window->opening_page);
  g_assert_nonnull (sp_gui_test_find_drawn_actionable (window, "win.cancel-open", NULL));
  g_assert_false (gtk_widget_is_sensitive (sp_gui_test_find_drawn_actionable (window, "win.import-articles", NULL)));

  /* After a moment it says what takes the time */
  sp_gui_test_iterate_until (description_changed, f->window);
  g_test_message ("opening: %s", adw_status_page_get_description (f->window->opening_page));
  screenshot_at (GTK_WINDOW (window), NULL, 560, "opening");
  g_assert_true (_sp_window_is_opening (f->window));

  /* Cancel: back to no project, and the worker stops before it writes anything */
  g_assert_true (gtk_widget_activate_action (window, "win.cancel-open", NULL));
  g_assert_false (_sp_window_is_opening (f->window));
  g_assert_cmpstr (visible_page (f->window), ==, "closed");
  g_assert_null (sp_window_get_project (f->window));
  unlock_project (lock);

  /* Open again: the migration runs, and what it renamed is shown */
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 700);
  sp_gui_test_open_project (f->window, path);
  project = sp_window_get_project (f->window);
  g_assert_cmpstr (visible_page (f->window), ==, "project");
  g_assert_cmpuint (sp_project_count_documents (project), ==, 1);
  /* One backup: the cancelled open made none */
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (second_backup, G_FILE_TEST_EXISTS));

  dialog = sp_gui_test_find_dialog (GTK_WINDOW (window));
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Notes on Opening “old”");
  /* The rename the migration made, as the store words it; the open made exactly one (a
   * cancelled open that had migrated the file would have left nothing to rename) */
  g_assert_cmpuint (sp_project_get_open_notes (project)->len, ==, 1);
  g_assert_nonnull (sp_gui_test_find_label (GTK_WIDGET (dialog), g_ptr_array_index (sp_project_get_open_notes (project), 0)));
  g_assert_nonnull (strstr (g_ptr_array_index (sp_project_get_open_notes (project), 0), "ōSAKA GROUP (duplicate)"));
  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    screenshot_at (GTK_WINDOW (window), dialog, widths[i], "open-notes");
  sp_gui_test_destroy_window (dialog);

  /* The header names it */
  sp_gui_test_settle (window);
  g_assert_true (sp_gui_test_shows_text (window, "old"));
}

/* Another open while one runs: the second wins, the first is cancelled and forgotten */
static void
test_open_supersedes (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *old = make_version_3_project (f->dir, "old.standpoint");
  g_autoptr(SpProject) good = sp_test_new_project (f->dir, "good.standpoint");
  g_autofree char *good_path = g_strdup (sp_project_get_path (good));
  sqlite3 *lock;

  g_clear_object (&good);
  lock = lock_project (old);
  sp_window_open_project (f->window, old);
  g_assert_true (_sp_window_is_opening (f->window));

  sp_gui_test_open_project (f->window, good_path);
  unlock_project (lock);
  sp_gui_test_settle (GTK_WIDGET (f->window));

  g_assert_cmpstr (sp_project_get_path (sp_window_get_project (f->window)), ==, good_path);
  g_assert_cmpstr (visible_page (f->window), ==, "project");
  g_assert_null (sp_gui_test_find_dialog (GTK_WINDOW (f->window)));
}

/* A file that is not a project: the reason, in one sentence naming the file, and the ways on */
static void
test_open_fails (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *bad = g_build_filename (f->dir, "notes.standpoint", NULL);
  g_autoptr(SpProject) good = sp_test_new_project (f->dir, "good.standpoint");
  g_autofree char *good_path = g_strdup (sp_project_get_path (good));
  g_autofree char *reason = NULL;
  GtkWidget *window = GTK_WIDGET (f->window);
  const char *description;
  GtkWindow *dialog;

  g_clear_object (&good);
  g_assert_true (g_file_set_contents (bad, "Meeting notes, not a database at all.\n", -1, NULL));
  reason = g_strdup_printf ("%s is not a Standpoint project (it is not an SQLite database)", bad);

  /* No project to go back to: the closed page says why */
  sp_window_open_project (f->window, bad);
  sp_gui_test_wait_for_open (f->window);
  g_assert_null (sp_window_get_project (f->window));
  g_assert_cmpstr (visible_page (f->window), ==, "closed");
  g_assert_cmpstr (adw_status_page_get_title (f->window->closed_page), ==, "Could Not Open “notes”");
  description = adw_status_page_get_description (f->window->closed_page);
  g_test_message ("%s", description);
  g_assert_cmpstr (description, ==, reason);
  g_assert_cmpstr (gtk_button_get_label (f->window->closed_open_button), ==, "_Open Another Project…");
  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    screenshot_at (GTK_WINDOW (window), NULL, widths[i], "open-failed");
  g_assert_nonnull (sp_gui_test_find_drawn_actionable (window, "win.open-project", NULL));
  g_assert_nonnull (sp_gui_test_find_drawn_actionable (window, "win.new-project", NULL));

  /* With a project shown: it stays, and a dialog says why the other could not be opened */
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 700);
  sp_gui_test_open_project (f->window, good_path);
  sp_window_open_project (f->window, bad);
  sp_gui_test_wait_for_open (f->window);
  g_assert_cmpstr (sp_project_get_path (sp_window_get_project (f->window)), ==, good_path);
  g_assert_cmpstr (visible_page (f->window), ==, "project");

  dialog = sp_gui_test_find_dialog (GTK_WINDOW (window));
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Could Not Open “notes”");
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==, reason);
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "open"));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "new"));
  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    screenshot_at (GTK_WINDOW (window), dialog, widths[i], "open-failed-dialog");
  sp_gui_test_destroy_window (dialog);

  /* Creating never replaces a file */
  _sp_window_open (f->window, bad, SP_WINDOW_OPEN_CREATE);
  sp_gui_test_wait_for_open (f->window);
  dialog = sp_gui_test_find_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_test_message ("%s", adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)));
  g_assert_true (g_str_has_suffix (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "already exists"));
  sp_gui_test_destroy_window (dialog);
}

/* A new project is created by the worker and shown */
static void
test_open_new (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "fresh.standpoint", NULL);

  _sp_window_open (f->window, path, SP_WINDOW_OPEN_CREATE);
  g_assert_true (_sp_window_is_opening (f->window));
  g_assert_cmpstr (adw_status_page_get_title (f->window->opening_page), ==, "Creating “fresh”");
  sp_gui_test_wait_for_open (f->window);

  g_assert_nonnull (sp_window_get_project (f->window));
  g_assert_cmpstr (sp_project_get_path (sp_window_get_project (f->window)), ==, path);
  g_assert_false (sp_project_is_read_only (sp_window_get_project (f->window)));
  g_assert_null (sp_gui_test_find_dialog (GTK_WINDOW (f->window)));
}

/* Matrix exports */

/* Enough actors for a PNG of many strips, so that the export reports its progress */
static char *
make_matrix_project (const char *dir,
                     guint       n_actors)
{
  g_autoptr(SpProject) project = sp_test_new_project (dir, "matrix.standpoint");
  g_autoptr(GError) error = NULL;
  gint64 document, issues[6];
  char *path;

  document = sp_test_add_document (project, "talks.txt", "Talks", "Delegations met again in Portbridge.");
  g_assert_true (sp_project_begin_action (project, NULL, &error));
  for (guint i = 0; i < G_N_ELEMENTS (issues); i++)
    {
      g_autofree char *key = g_strdup_printf ("issue-%u", i);
      g_autofree char *label = g_strdup_printf ("Issue number %u", i);

      issues[i] = sp_project_add_issue (project, key, label, NULL, NULL, &error);
      g_assert_no_error (error);
    }
  for (guint i = 0; i < n_actors; i++)
    {
      g_autofree char *name = g_strdup_printf ("Delegate %04u", i);
      SpClaimSpec spec = { document, 0, 10, 0, issues[i % G_N_ELEMENTS (issues)], (int)(i % 5) - 2, NULL, SP_CLAIM_ORIGIN_MANUAL, 0 };

      spec.actor_id = sp_project_add_actor (project, name, SP_ACTOR_KIND_PERSON, 0, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (sp_project_add_claim (project, &spec, &error), >, 0);
    }
  g_assert_true (sp_project_end_action (project, TRUE, &error));
  g_assert_no_error (error);

  path = g_strdup (sp_project_get_path (project));
  return path;
}

typedef struct
{
  guint  n_reports;
  double last;
} Progress;

static void
fraction_changed_cb (GtkProgressBar *bar,
                     GParamSpec     *pspec,
                     Progress       *progress)
{
  double fraction = gtk_progress_bar_get_fraction (bar);

  if (fraction > 0)
    {
      progress->n_reports++;
      progress->last = fraction;
    }
}

static void
assert_png (const char *path,
            int         min_height)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = gdk_texture_new_from_filename (path, &error);

  g_assert_no_error (error);
  g_test_message ("%s: %d × %d", path, gdk_texture_get_width (texture), gdk_texture_get_height (texture));
  g_assert_cmpint (gdk_texture_get_height (texture), >=, min_height);
}

static GtkProgressBar *
export_progress_bar (SpMatrixView *view)
{
  return GTK_PROGRESS_BAR (sp_gui_test_find_type (GTK_WIDGET (view), GTK_TYPE_PROGRESS_BAR));
}

/* A PNG export runs in a worker and shows its progress; the window is the toast's */
static void
test_png_export (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *project_path = make_matrix_project (f->dir, 1500);
  g_autofree char *png_path = g_build_filename (f->dir, "matrix.png", NULL);
  g_autoptr(GFile) png = g_file_new_for_path (png_path);
  SpMatrixView *view = f->window->matrix_view;
  GtkRevealer *revealer;
  Progress progress = { 0, };

  sp_gui_test_open_project (f->window, project_path);
  adw_view_stack_set_visible_child_name (f->window->view_stack, "matrix");
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_signal_connect (export_progress_bar (view), "notify::fraction", G_CALLBACK (fraction_changed_cb), &progress);

  /* Shown at once, for the screenshots below to catch it */
  revealer = GTK_REVEALER (gtk_widget_get_ancestor (GTK_WIDGET (export_progress_bar (view)), GTK_TYPE_REVEALER));
  gtk_revealer_set_transition_duration (revealer, 0);

  sp_matrix_view_export (view, png);
  g_assert_true (sp_matrix_view_is_exporting (view));
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  g_assert_nonnull (sp_gui_test_find_label (GTK_WIDGET (view), "Exporting matrix.png…"));
  for (guint i = 0; i < G_N_ELEMENTS (widths) && sp_matrix_view_is_exporting (view); i++)
    screenshot_at (GTK_WINDOW (f->window), NULL, widths[i], "png-export");

  sp_gui_test_wait_for_export (view);
  g_test_message ("%u progress reports, the last %.2f", progress.n_reports, progress.last);
  g_assert_cmpuint (progress.n_reports, >=, 1);
  g_assert_cmpfloat (progress.last, ==, 1.0);
  g_assert_false (gtk_revealer_get_reveal_child (revealer));
  assert_png (png_path, 1500 * 2 * 10);
  sp_gui_test_wait_for_label (GTK_WIDGET (f->window), "Matrix exported to matrix.png");
}

/* Cancel: nothing is written, and a file already there stays as it was */
static void
test_png_export_cancel (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *project_path = make_matrix_project (f->dir, 400);
  g_autofree char *png_path = g_build_filename (f->dir, "matrix.png", NULL);
  g_autofree char *fresh_path = g_build_filename (f->dir, "fresh.png", NULL);
  g_autofree char *other_path = g_build_filename (f->dir, "other.png", NULL);
  g_autoptr(GFile) png = g_file_new_for_path (png_path);
  g_autoptr(GFile) fresh = g_file_new_for_path (fresh_path);
  g_autoptr(GFile) other = g_file_new_for_path (other_path);
  g_autofree char *contents = NULL;
  SpMatrixView *view = f->window->matrix_view;

  g_assert_true (g_file_set_contents (png_path, "an older export", -1, NULL));
  sp_gui_test_open_project (f->window, project_path);
  adw_view_stack_set_visible_child_name (f->window->view_stack, "matrix");
  sp_gui_test_settle (GTK_WIDGET (f->window));

  sp_matrix_view_export (view, png);
  /* One export at a time */
  sp_matrix_view_export (view, other);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "matrix.cancel-export", NULL));
  sp_gui_test_wait_for_export (view);
  g_assert_true (g_file_get_contents (png_path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "an older export");
  g_assert_false (g_file_test (other_path, G_FILE_TEST_EXISTS));
  sp_gui_test_wait_for_label (GTK_WIDGET (f->window), "An export is already running; try again when it is done");
  sp_gui_test_dismiss_toast (GTK_WIDGET (f->window));
  sp_gui_test_wait_for_label (GTK_WIDGET (f->window), "Export cancelled: matrix.png was not written");
  sp_gui_test_dismiss_toast (GTK_WIDGET (f->window));

  sp_matrix_view_export (view, fresh);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "matrix.cancel-export", NULL));
  sp_gui_test_wait_for_export (view);
  g_assert_false (g_file_test (fresh_path, G_FILE_TEST_EXISTS));
  sp_gui_test_wait_for_label (GTK_WIDGET (f->window), "Export cancelled: fresh.png was not written");
}

/* Closing the window mid-export: the application (the process, in real life) lasts until the
 * file is written, and the export does not call back into the closed window */

static void
start_export_and_close (SpWindow *window,
                        gpointer  png_path)
{
  g_autoptr(GFile) png = g_file_new_for_path (png_path);

  adw_view_stack_set_visible_child_name (window->view_stack, "matrix");
  sp_matrix_view_export (window->matrix_view, png);
  g_assert_true (sp_matrix_view_is_exporting (window->matrix_view));
  gtk_window_close (GTK_WINDOW (window));
  /* the worker may finish at any moment now, so whether the file is there yet is not asked */
}

static void
test_close_mid_export (void)
{
  g_autofree char *dir = sp_test_make_tmpdir ();
  g_autofree char *project_path = make_matrix_project (dir, 400);
  g_autofree char *png_path = g_build_filename (dir, "matrix.png", NULL);

  sp_gui_test_close_mid_job (project_path, start_export_and_close, png_path);
  assert_png (png_path, 400 * 2 * 10);

  sp_test_remove_tree (dir);
}

/* Codebook files */

static gboolean
codebook_done (gpointer data)
{
  return !_sp_window_is_busy_with_codebook (data);
}

static void
test_codebook_files (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *project_path = make_matrix_project (f->dir, 3);
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "codebooks", "border-talks.json", NULL);
  g_autofree char *kept = g_build_filename (f->dir, "kept.json", NULL);
  g_autofree char *link = g_build_filename (f->dir, "codebook.json", NULL);
  g_autofree char *written = g_build_filename (f->dir, "written.json", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *refusal = NULL;
  g_autoptr(GFile) fixture_file = g_file_new_for_path (fixture);
  g_autoptr(GFile) link_file = g_file_new_for_path (link);
  g_autoptr(GFile) written_file = g_file_new_for_path (written);
  g_autoptr(GListModel) actors = NULL;
  g_autoptr(GError) error = NULL;
  SpProject *project;
  GtkWindow *dialog;
  guint n_actors;

  sp_gui_test_open_project (f->window, project_path);
  project = sp_window_get_project (f->window);

  /* Import: read in a worker, merged as one undo step */
  _sp_window_import_codebook (f->window, fixture_file);
  g_assert_true (_sp_window_is_busy_with_codebook (f->window));
  /* One codebook file at a time */
  _sp_window_export_codebook (f->window, written_file);
  sp_gui_test_wait_for_label (GTK_WIDGET (f->window), "A codebook file is already being read or written; try again when it is done");
  sp_gui_test_dismiss_toast (GTK_WIDGET (f->window));
  sp_gui_test_iterate_until (codebook_done, f->window);
  g_assert_false (g_file_test (written, G_FILE_TEST_EXISTS));
  actors = sp_project_list_actors (project, &error);
  g_assert_no_error (error);
  n_actors = g_list_model_get_n_items (actors);
  g_assert_cmpuint (n_actors, >, 3);
  sp_gui_test_wait_for_label (GTK_WIDGET (f->window), "Codebook imported: 6 actors and 5 issues added, 0 actors and 0 issues updated");
  sp_gui_test_dismiss_toast (GTK_WIDGET (f->window));
  g_assert_true (sp_project_undo (project, &error));
  g_clear_object (&actors);
  actors = sp_project_list_actors (project, &error);
  g_assert_cmpuint (g_list_model_get_n_items (actors), ==, 3);
  g_assert_true (sp_project_redo (project, &error));

  /* Export through a symbolic link: refused in one sentence, and nothing changes */
  g_assert_true (g_file_set_contents (kept, "someone else's file", -1, NULL));
  g_assert_cmpint (symlink (kept, link), ==, 0);
  _sp_window_export_codebook (f->window, link_file);
  sp_gui_test_iterate_until (codebook_done, f->window);
  refusal = g_strdup_printf ("Will not write %s: it is a symbolic link; name the file it points to", link);
  dialog = sp_gui_test_find_dialog (GTK_WINDOW (f->window));
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Could Not Export the Codebook");
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==, refusal);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (g_file_get_contents (kept, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "someone else's file");
  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    screenshot_at (GTK_WINDOW (f->window), dialog, widths[i], "codebook-symlink");
  sp_gui_test_destroy_window (dialog);

  /* A file of its own: written */
  _sp_window_export_codebook (f->window, written_file);
  sp_gui_test_iterate_until (codebook_done, f->window);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (written, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"standpoint-codebook\""));
  g_assert_nonnull (strstr (contents, "Ana Berg"));
  sp_gui_test_wait_for_label (GTK_WIDGET (f->window), "Codebook exported to written.json");
}

/* A thousand files in a folder: 990 articles, 5 empty ones (they fail) and 5 pictures (they
 * are skipped) */

#define N_ARTICLES 990
#define N_EMPTY    5
#define N_PICTURES 5

static GFile *
make_thousand_files (const char *dir)
{
  g_autofree char *folder = g_build_filename (dir, "batch", NULL);
  static const char png_bytes[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  for (guint i = 0; i < N_ARTICLES + N_EMPTY + N_PICTURES; i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *path = NULL;
      g_autofree char *text = NULL;

      if (i < N_ARTICLES)
        {
          name = g_strdup_printf ("article-%04u.txt", i);
          text = g_strdup_printf ("Talks, day %u\n\nThe delegations met for the %u. time and agreed to meet again.\n", i, i);
        }
      else if (i < N_ARTICLES + N_EMPTY)
        {
          name = g_strdup_printf ("empty-%u.txt", i);
          text = g_strdup ("");
        }
      else
        name = g_strdup_printf ("picture-%u.png", i);

      path = g_build_filename (folder, name, NULL);
      if (text != NULL)
        g_assert_true (g_file_set_contents (path, text, -1, NULL));
      else
        g_assert_true (g_file_set_contents (path, png_bytes, sizeof png_bytes - 1, NULL));
    }

  return g_file_new_for_path (folder);
}

static void
import_finished_cb (SpWindow        *window,
                    SpImportReport  *report,
                    SpImportReport **out)
{
  *out = sp_import_report_ref (report);
}

static gboolean
report_arrived (gpointer data)
{
  return *(SpImportReport **)data != NULL;
}

static void
progress_text_cb (GtkLabel   *label,
                  GParamSpec *pspec,
                  GPtrArray  *texts)
{
  g_ptr_array_add (texts, g_strdup (gtk_label_get_text (label)));
}

static void
test_import_thousand (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(SpProject) project = sp_test_new_project (f->dir, "batch.standpoint");
  g_autofree char *path = g_strdup (sp_project_get_path (project));
  g_autoptr(GFile) folder = make_thousand_files (f->dir);
  g_autoptr(SpImportReport) report = NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  GtkWindow *dialog;
  GtkWidget *toast_button;

  g_clear_object (&project);
  sp_gui_test_open_project (f->window, path);
  g_signal_connect (f->window, "import-finished", G_CALLBACK (import_finished_cb), &report);
  g_signal_connect (f->window->progress_label, "notify::label", G_CALLBACK (progress_text_cb), texts);

  _sp_window_import_files (f->window, &folder, 1);
  g_assert_true (gtk_revealer_get_reveal_child (f->window->progress_revealer));
  g_assert_true (gtk_progress_bar_get_show_text (f->window->progress_bar));
  sp_gui_test_iterate_until (report_arrived, &report);

  g_assert_cmpuint (sp_import_report_get_n_imported (report), ==, N_ARTICLES);
  g_assert_cmpuint (sp_import_report_get_n_failed (report), ==, N_EMPTY);
  g_assert_cmpuint (sp_import_report_get_n_skipped (report), ==, N_PICTURES);
  g_assert_false (sp_import_report_get_cancelled (report));

  /* Whatever the progress said, it counted files of the whole batch */
  for (guint i = 0; i < texts->len; i++)
    {
      const char *text = g_ptr_array_index (texts, i);

      g_test_message ("progress: %s", text);
      g_assert_true (g_str_has_prefix (text, "Looking for articles") ||
                     strstr (text, " of 1,000 files") != NULL || strstr (text, " of 1000 files") != NULL);
    }

  /* The end says what happened, and the toast stays until it is dismissed */
  sp_gui_test_wait_for_label (GTK_WIDGET (f->window), "Imported 990 articles, 5 failed, 5 skipped");
  toast_button = sp_gui_test_find_toast_action (GTK_WIDGET (f->window), "win.show-import-details");
  g_assert_nonnull (toast_button);
  screenshot_at (GTK_WINDOW (f->window), NULL, 1280, "import-done");

  /* Every file that failed or was skipped, failures first, each with what happened and why */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-import-details", NULL));
  dialog = sp_gui_test_find_dialog (GTK_WINDOW (f->window));
  g_assert_nonnull (dialog);
  sp_gui_test_settle (GTK_WIDGET (dialog));
  g_assert_cmpuint (sp_import_details_dialog_get_n_rows (SP_IMPORT_DETAILS_DIALOG (dialog)), ==, N_EMPTY + N_PICTURES);
  g_assert_true (sp_gui_test_shows_text (GTK_WIDGET (dialog), "5 failed, 5 skipped"));
  g_assert_true (sp_gui_test_shows_text (GTK_WIDGET (dialog), "Failed"));
  g_assert_true (sp_gui_test_shows_text (GTK_WIDGET (dialog), "Skipped"));
  g_assert_true (sp_gui_test_shows_text (GTK_WIDGET (dialog), "empty file"));
  g_assert_true (sp_gui_test_shows_text (GTK_WIDGET (dialog), "empty-990.txt"));
  screenshot_at (GTK_WINDOW (f->window), dialog, 1280, "import-report");
  sp_gui_test_destroy_window (dialog);
}

/* Stop keeps what was committed and says so */
static void
test_import_stop (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(SpProject) project = sp_test_new_project (f->dir, "stop.standpoint");
  g_autofree char *path = g_strdup (sp_project_get_path (project));
  g_autoptr(GFile) folder = make_thousand_files (f->dir);
  g_autoptr(SpImportReport) report = NULL;

  g_clear_object (&project);
  sp_gui_test_open_project (f->window, path);
  g_signal_connect (f->window, "import-finished", G_CALLBACK (import_finished_cb), &report);

  _sp_window_import_files (f->window, &folder, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.cancel-import", NULL));
  sp_gui_test_iterate_until (report_arrived, &report);

  g_assert_true (sp_import_report_get_cancelled (report));
  g_assert_cmpuint (sp_import_report_get_n_imported (report), <, N_ARTICLES);
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_cmpuint (sp_documents_view_get_n_documents (f->window->documents_view), ==,
                    sp_import_report_get_n_imported (report));
  g_assert_false (gtk_revealer_get_reveal_child (f->window->progress_revealer));
}

int
main (int   argc,
      char *argv[])
{
  sp_gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/window-jobs/open-migrates", test_open_migrates);
  ADD ("/window-jobs/open-supersedes", test_open_supersedes);
  ADD ("/window-jobs/open-fails", test_open_fails);
  ADD ("/window-jobs/open-new", test_open_new);
  ADD ("/window-jobs/png-export", test_png_export);
  ADD ("/window-jobs/png-export-cancel", test_png_export_cancel);
  g_test_add_func ("/window-jobs/close-mid-export", test_close_mid_export);
  ADD ("/window-jobs/codebook-files", test_codebook_files);
  ADD ("/window-jobs/import-thousand", test_import_thousand);
  ADD ("/window-jobs/import-stop", test_import_stop);
#undef ADD

  return g_test_run ();
}
