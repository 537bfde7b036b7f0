/* test-window.c
 *
 * The real window under Xvfb: its frame (the header at every width, the main menu), importing
 * through the drop target's code path (the report, its Details, Stop, and closing the window
 * mid-import), and a project opened read-only. Screenshots are saved next to the test binary
 * (window-*.png) for people to look at. The claims, the codebook views, the matrix view and
 * the work done in workers have tests of their own (test-window-*.c).
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "sp-gui-test-talks.h"
#include "sp-gui-test-util.h"
#include "sp-test-util.h"
#include "sp-window-private.h"

typedef SpGuiTestTalks Fixture;

/* The header names the project at every width; narrow windows reach the views from a bar at
 * the bottom */

static void
test_header_names_project (Fixture       *f,
                           gconstpointer  data)
{
  GtkWidget *header = sp_gui_test_find_type (GTK_WIDGET (f->window), ADW_TYPE_HEADER_BAR);
  GtkWidget *bar = sp_gui_test_find_type (GTK_WIDGET (f->window), ADW_TYPE_VIEW_SWITCHER_BAR);
  int widths[] = { 1280, 960, 760, 560 };

  g_assert_nonnull (header);
  g_assert_nonnull (bar);

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      g_autofree char *name = g_strdup_printf ("window-header-%d.png", widths[i]);
      gboolean switcher_in_header;
      gboolean bar_shown;

      gtk_window_set_default_size (GTK_WINDOW (f->window), widths[i], 700);
      sp_gui_test_settle (GTK_WIDGET (f->window));
      sp_gui_test_iterate_until (sp_gui_test_transitions_done, header);
      sp_gui_test_iterate_until (sp_gui_test_transitions_done, bar);
      if (widths[i] == 1280 || widths[i] == 560)
        g_object_unref (sp_gui_test_screenshot (GTK_WIDGET (f->window), name));

      switcher_in_header = sp_gui_test_find_drawn_type (header, ADW_TYPE_VIEW_SWITCHER) != NULL;
      bar_shown = adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (bar));
      g_test_message ("%d px: switcher in the header %d, in the bottom bar %d",
                      widths[i], switcher_in_header, bar_shown);

      /* The fixture's project is window.standpoint */
      g_assert_true (sp_gui_test_shows_text (header, "window"));
      /* The views are one click away, in one place */
      g_assert_true (switcher_in_header != bar_shown);

      if (widths[i] == 1280)
        g_assert_true (switcher_in_header);
      if (widths[i] == 560)
        g_assert_true (bar_shown);
    }
}

/* With no recent project to offer, the menu says so instead of opening an empty submenu */
static void
test_no_recent_projects (Fixture       *f,
                         gconstpointer  data)
{
  GMenuModel *section = G_MENU_MODEL (f->window->recent_section);
  GtkWidget *header, *menu_button, *popover, *item;
  g_autofree char *label = NULL;
  g_autofree char *action = NULL;

  g_assert_cmpint (g_menu_model_get_n_items (section), ==, 1);
  g_assert_true (g_menu_model_get_item_attribute (section, 0, G_MENU_ATTRIBUTE_LABEL, "s", &label));
  g_assert_cmpstr (label, ==, "No Recent Projects");
  g_assert_true (g_menu_model_get_item_attribute (section, 0, G_MENU_ATTRIBUTE_ACTION, "s", &action));

  /* The item the main menu builds for it is greyed out */
  header = sp_gui_test_find_type (GTK_WIDGET (f->window), ADW_TYPE_HEADER_BAR);
  menu_button = sp_gui_test_find_type (header, GTK_TYPE_MENU_BUTTON);
  g_assert_nonnull (menu_button);
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button)));
  g_assert_nonnull (popover);
  item = sp_gui_test_find_label (popover, "No Recent Projects");
  g_assert_nonnull (item);
  g_assert_false (gtk_widget_is_sensitive (item));
}

/* Import by drop */

static gboolean
report_arrived (gpointer data)
{
  return *(SpImportReport **)data != NULL;
}

static void
import_finished_cb (SpWindow        *window,
                    SpImportReport  *report,
                    SpImportReport **out)
{
  *out = sp_import_report_ref (report);
}

static GtkDropTarget *
find_drop_target (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller) &&
          g_strcmp0 (gtk_event_controller_get_name (controller), "sp-import-drop-target") == 0)
        return GTK_DROP_TARGET (controller);
    }

  return NULL;
}

static void
test_drop_imports (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (f->dir, "dropped", NULL);
  g_autofree char *first = g_build_filename (folder, "summit.txt", NULL);
  g_autofree char *second = g_build_filename (folder, "guarantees.html", NULL);
  g_autofree char *binary = g_build_filename (folder, "photo.txt", NULL);
  g_autofree char *loose = g_build_filename (f->dir, "troops.md", NULL);
  g_autoptr(SpImportReport) report = NULL;
  g_autoptr(GFile) folder_file = g_file_new_for_path (folder);
  g_autoptr(GFile) loose_file = g_file_new_for_path (loose);
  g_auto(GValue) value = G_VALUE_INIT;
  GSList *files = NULL;
  GtkDropTarget *target;
  gboolean accepted = FALSE;
  gboolean found_reason = FALSE;
  static const char png_bytes[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01";

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (first, "Summit ends without a deal\n\nThe leaders met for six hours.\n", -1, NULL));
  g_assert_true (g_file_set_contents (second, "<html><head><title>Guarantees</title></head><body><p>What guarantees could mean.</p></body></html>", -1, NULL));
  g_assert_true (g_file_set_contents (binary, png_bytes, sizeof png_bytes - 1, NULL));
  g_assert_true (g_file_set_contents (loose, "# Troops\n\nPeacekeepers were proposed.\n", -1, NULL));

  g_assert_cmpuint (sp_documents_view_get_n_documents (f->window->documents_view), ==, 1);

  /* A folder and a file dropped together, as a file manager does */
  files = g_slist_append (files, folder_file);
  files = g_slist_append (files, loose_file);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_slist_free (files);

  g_signal_connect (f->window, "import-finished", G_CALLBACK (import_finished_cb), &report);
  target = find_drop_target (GTK_WIDGET (f->window));
  g_assert_nonnull (target);
  g_signal_emit_by_name (target, "drop", &value, 100.0, 100.0, &accepted);
  g_assert_true (accepted);

  sp_gui_test_iterate_until (report_arrived, &report);

  g_assert_cmpuint (sp_import_report_get_n_imported (report), ==, 3);
  g_assert_cmpuint (sp_import_report_get_n_failed (report), ==, 1);
  for (guint i = 0; i < sp_import_report_get_n_entries (report); i++)
    {
      const SpImportEntry *entry = sp_import_report_get_entry (report, i);

      if (entry->status == SP_IMPORT_STATUS_FAILED)
        found_reason = strstr (entry->message, "photo.txt") != NULL;
    }
  g_assert_true (found_reason);

  /* The list shows what the worker committed */
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_cmpuint (sp_documents_view_get_n_documents (f->window->documents_view), ==, 4);
  g_assert_cmpuint (sp_project_count_documents (sp_window_get_project (f->window)), ==, 4);
  g_assert_false (gtk_revealer_get_reveal_child (f->window->progress_revealer));

  g_object_unref (sp_gui_test_screenshot (GTK_WIDGET (f->window), "window-documents.png"));
}

/* The Details of an import: wide enough for file names and reasons, and a list that grows
 * with its window */

static void
test_import_details (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (f->dir, "archive", NULL);
  g_autoptr(GFile) folder_file = g_file_new_for_path (folder);
  g_autoptr(SpImportReport) report = NULL;
  static const char png_bytes[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01";
  const char *long_name = "negotiations-archive-export-2025-11-03-reuters-afp-combined-final.txt";
  GtkWindow *dialog;
  GtkWidget *scroller;
  int width, short_height, tall_height;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *name = g_strdup_printf ("%02u-%s", i, long_name);
      g_autofree char *path = g_build_filename (folder, name, NULL);

      g_assert_true (g_file_set_contents (path, png_bytes, sizeof png_bytes - 1, NULL));
    }

  g_signal_connect (f->window, "import-finished", G_CALLBACK (import_finished_cb), &report);
  _sp_window_import_files (f->window, &folder_file, 1);
  sp_gui_test_iterate_until (report_arrived, &report);
  g_assert_cmpuint (sp_import_report_get_n_failed (report), ==, 12);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-import-details", NULL));
  dialog = sp_gui_test_find_dialog (GTK_WINDOW (f->window));
  g_assert_nonnull (dialog);
  sp_gui_test_settle (GTK_WIDGET (dialog));
  g_object_unref (sp_gui_test_screenshot (GTK_WIDGET (dialog), "window-import-details.png"));

  /* As it opens, a file name and its reason fit on a line or two */
  width = gtk_widget_get_width (GTK_WIDGET (dialog));
  g_test_message ("details: %d × %d", width, gtk_widget_get_height (GTK_WIDGET (dialog)));
  g_assert_cmpint (width, >=, 600);
  g_assert_true (sp_gui_test_shows_text (GTK_WIDGET (dialog), "00-negotiations-archive-export-2025-11-03-reuters-afp-combined-final.txt"));

  /* The list takes what the window gives it */
  scroller = sp_gui_test_find_type (GTK_WIDGET (dialog), GTK_TYPE_SCROLLED_WINDOW);
  g_assert_nonnull (scroller);
  gtk_window_set_default_size (dialog, width, 420);
  sp_gui_test_settle (GTK_WIDGET (dialog));
  short_height = gtk_widget_get_height (scroller);
  gtk_window_set_default_size (dialog, width, 720);
  sp_gui_test_settle (GTK_WIDGET (dialog));
  tall_height = gtk_widget_get_height (scroller);
  g_test_message ("list: %d px in a 420 px window, %d px in a 720 px one", short_height, tall_height);
  g_assert_cmpint (tall_height, >=, short_height + 250);

  sp_gui_test_destroy_window (dialog);
}

/* Folders of many short articles */
static void
write_articles (const char *folder,
                guint       n)
{
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/article-%04u.txt", folder, i);
      g_autofree char *text = g_strdup_printf ("Briefing number %u\n\nThe delegations met again on day %u.\n", i, i);

      g_assert_true (g_file_set_contents (path, text, -1, NULL));
    }
}

/* Stop: the import ends early, keeps what it committed and says so */
static void
test_stop_import (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (f->dir, "many", NULL);
  g_autoptr(GFile) folder_file = g_file_new_for_path (folder);
  g_autoptr(SpImportReport) report = NULL;

  write_articles (folder, 3000);

  g_signal_connect (f->window, "import-finished", G_CALLBACK (import_finished_cb), &report);
  _sp_window_import_files (f->window, &folder_file, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.cancel-import", NULL));
  sp_gui_test_iterate_until (report_arrived, &report);

  g_assert_true (sp_import_report_get_cancelled (report));
  g_assert_cmpuint (sp_import_report_get_n_imported (report), <, 3000);
  g_assert_cmpuint (sp_project_count_documents (sp_window_get_project (f->window)), ==,
                    1 + sp_import_report_get_n_imported (report));
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_cmpuint (sp_documents_view_get_n_documents (f->window->documents_view), ==,
                    1 + sp_import_report_get_n_imported (report));
  g_assert_false (gtk_revealer_get_reveal_child (f->window->progress_revealer));
}

/* Closing the window mid-import: the batch goes on in the background and the application
 * (the process, in real life) lasts until the worker has committed every article */

static void
start_import_and_close (SpWindow *window,
                        gpointer  folder_path)
{
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);

  _sp_window_import_files (window, &folder, 1);
  g_assert_true (_sp_window_is_importing (window));
  gtk_window_close (GTK_WINDOW (window));
}

static void
test_close_mid_import (void)
{
  g_autofree char *dir = sp_test_make_tmpdir ();
  g_autoptr(SpProject) project = sp_test_new_project (dir, "background.standpoint");
  g_autofree char *path = g_strdup (sp_project_get_path (project));
  g_autofree char *folder = g_build_filename (dir, "many", NULL);
  g_autoptr(GError) error = NULL;
  guint n_articles = 1000;

  sp_test_add_document (project, "talks.txt", "Talks in Portbridge", sp_gui_test_talks_body);
  g_clear_object (&project);
  write_articles (folder, n_articles);

  sp_gui_test_close_mid_job (path, start_import_and_close, folder);

  project = sp_project_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sp_project_count_documents (project), ==, 1 + n_articles);

  g_clear_object (&project);
  sp_test_remove_tree (dir);
}

/* A read-only project: the store opens it read-only (here because the window opens it with
 * Open Read-Only; an unwritable file gets the same), a banner says why, and nothing offers
 * to change it */
static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  SpCodebookView *actors = SP_CODEBOOK_VIEW (f->window->actors_view);
  SpDocumentsView *documents = f->window->documents_view;
  SpProject *project;
  g_autofree char *loose = g_build_filename (f->dir, "troops.md", NULL);
  g_autoptr(GFile) loose_file = g_file_new_for_path (loose);
  g_autoptr(GError) error = NULL;
  GtkWidget *header = sp_gui_test_find_type (GTK_WIDGET (f->window), ADW_TYPE_HEADER_BAR);
  guint start;
  const char *banner = "This project is read-only because it was opened for reading only: you can read, search and export it, but not change it";

  g_assert_true (g_file_set_contents (loose, "# Troops\n\nPeacekeepers were proposed.\n", -1, NULL));

  /* An edit to undo, and no banner on a project that can be written */
  adw_view_stack_set_visible_child_name (f->window->view_stack, "actors");
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_true (sp_codebook_view_select (actors, 2));
  sp_codebook_view_delete_selected (actors, TRUE);
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_cmpuint (sp_codebook_view_get_n_items (actors), ==, 2);
  g_assert_false (gtk_revealer_get_reveal_child (f->window->read_only_revealer));
  g_assert_null (sp_gui_test_find_label_starting (GTK_WIDGET (f->window), "This project is read-only"));
  sp_gui_test_assert_action_button (header, "win.undo", TRUE);
  sp_gui_test_assert_action_button (GTK_WIDGET (actors), "codebook.add", TRUE);

  /* The same file, opened read-only by the store */
  _sp_window_open (f->window, f->path, SP_WINDOW_OPEN_READ_ONLY);
  sp_gui_test_wait_for_open (f->window);
  project = sp_window_get_project (f->window);
  g_assert_true (sp_project_is_read_only (project));
  g_assert_cmpstr (sp_project_get_path (project), ==, f->path);

  adw_view_stack_set_visible_child_name (f->window->view_stack, "actors");
  sp_gui_test_settle (GTK_WIDGET (f->window));
  sp_gui_test_iterate_until (sp_gui_test_transitions_done, f->window->read_only_revealer);
  g_object_unref (sp_gui_test_screenshot (GTK_WIDGET (f->window), "window-read-only.png"));

  g_assert_true (sp_gui_test_shows_text (GTK_WIDGET (f->window), banner));
  sp_gui_test_assert_action_button (header, "win.import-articles", FALSE);
  sp_gui_test_assert_action_button (header, "win.undo", FALSE);
  sp_gui_test_assert_action_button (header, "win.redo", FALSE);
  sp_gui_test_assert_action_button (GTK_WIDGET (actors), "codebook.add", FALSE);
  g_assert_true (sp_codebook_view_select (actors, 0));
  sp_gui_test_assert_action_button (GTK_WIDGET (actors), "codebook.edit", FALSE);
  sp_gui_test_assert_action_button (GTK_WIDGET (actors), "codebook.delete", FALSE);

  /* Nor do the ways around the buttons change anything */
  sp_codebook_view_delete_selected (actors, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  _sp_window_import_files (f->window, &loose_file, 1);
  g_assert_false (_sp_window_is_importing (f->window));
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_cmpuint (sp_codebook_view_get_n_items (actors), ==, 2);
  g_assert_cmpuint (sp_project_count_documents (project), ==, 1);

  g_assert_true (sp_documents_view_select_document (documents, f->document));
  start = sp_gui_test_offset_of (sp_gui_test_talks_body, "Ana Berg said");
  sp_gui_test_select_text (sp_documents_view_get_reader (documents), start, start + strlen ("Ana Berg said"));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.tag-claim", NULL);
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (sp_documents_view_get_claim_popover (documents))));

  /* and the store itself refuses an edit */
  g_assert_cmpint (sp_project_add_actor (project, "Mara Holm", SP_ACTOR_KIND_PERSON, 0, NULL, &error), ==, 0);
  g_assert_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_READ_ONLY);

  /* Opened as usual again: all back */
  sp_gui_test_open_project (f->window, f->path);
  g_assert_false (sp_project_is_read_only (sp_window_get_project (f->window)));
  adw_view_stack_set_visible_child_name (f->window->view_stack, "actors");
  sp_gui_test_settle (GTK_WIDGET (f->window));
  sp_gui_test_iterate_until (sp_gui_test_transitions_done, f->window->read_only_revealer);
  g_assert_false (gtk_revealer_get_child_revealed (f->window->read_only_revealer));
  g_assert_null (sp_gui_test_find_label_starting (GTK_WIDGET (f->window), "This project is read-only because"));
  sp_gui_test_assert_action_button (header, "win.import-articles", TRUE);
  sp_gui_test_assert_action_button (GTK_WIDGET (actors), "codebook.add", TRUE);
}

int
main (int   argc,
      char *argv[])
{
  sp_gui_test_init (&argc, &argv);

  SP_GUI_TEST_ADD_TALKS ("/window/header-names-project", test_header_names_project);
  SP_GUI_TEST_ADD_TALKS ("/window/drop-imports", test_drop_imports);
  SP_GUI_TEST_ADD_TALKS ("/window/import-details", test_import_details);
  SP_GUI_TEST_ADD_TALKS ("/window/stop-import", test_stop_import);
  g_test_add_func ("/window/close-mid-import", test_close_mid_import);
  SP_GUI_TEST_ADD_TALKS ("/window/read-only", test_read_only);
  SP_GUI_TEST_ADD_TALKS ("/window/no-recent-projects", test_no_recent_projects);

  return g_test_run ();
}
