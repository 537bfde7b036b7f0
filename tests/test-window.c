/* test-window.c
 *
 * The real window under Xvfb: importing through the drop target's code path, tagging a claim
 * through the claim popover's action and undoing it, deleting from the Actors view, a project
 * opened read-only, and the colours the matrix widget draws. Screenshots are saved next to
 * the test binary (window-*.png) for people to look at. Opening projects, exports and codebook
 * files in workers have their own tests in test-window-jobs.c.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "sp-stance-palette.h"
#include "sp-test-util.h"
#include "sp-test-window-util.h"
#include "sp-window-private.h"

static const char talks_body[] =
  "Delegations from Northland and Southland met in Portbridge.\n\n"
  "Ana Berg said a ceasefire must come before any talk of borders.\n\n"
  "Tomas Reyes rejected a ceasefire without guarantees.";

typedef struct
{
  char      *dir;
  char      *path;
  SpWindow  *window;
  gint64     document;
  gint64     berg;
  gint64     reyes;
  gint64     northland;
  gint64     ceasefire;
  gint64     membership;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GError) error = NULL;
  const char *berg_aliases[] = { "Berg", NULL };

  f->dir = sp_test_make_tmpdir ();
  project = sp_test_new_project (f->dir, "window.standpoint");
  f->path = g_strdup (sp_project_get_path (project));
  f->document = sp_test_add_document (project, "talks.txt", "Talks in Portbridge", talks_body);
  f->northland = sp_project_add_actor (project, "Northland", SP_ACTOR_KIND_STATE, 0, NULL, &error);
  f->berg = sp_project_add_actor (project, "Ana Berg", SP_ACTOR_KIND_PERSON, f->northland, berg_aliases, &error);
  f->reyes = sp_project_add_actor (project, "Tomas Reyes", SP_ACTOR_KIND_PERSON, 0, NULL, &error);
  f->ceasefire = sp_project_add_issue (project, "ceasefire", "Ceasefire first", NULL, NULL, &error);
  f->membership = sp_project_add_issue (project, "membership", "Alliance membership", NULL, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&project);

  f->window = sp_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 760);
  sp_test_open_project (f->window, f->path);
  gtk_window_present (GTK_WINDOW (f->window));
  sp_test_settle (GTK_WIDGET (f->window));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  sp_test_destroy_window (GTK_WINDOW (f->window));
  sp_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* The header names the project at every width; narrow windows reach the views from a bar at
 * the bottom */

static void
test_header_names_project (Fixture       *f,
                           gconstpointer  data)
{
  GtkWidget *header = sp_test_find_widget_of_type (GTK_WIDGET (f->window), ADW_TYPE_HEADER_BAR);
  GtkWidget *bar = sp_test_find_widget_of_type (GTK_WIDGET (f->window), ADW_TYPE_VIEW_SWITCHER_BAR);
  int widths[] = { 1280, 960, 760, 560 };

  g_assert_nonnull (header);
  g_assert_nonnull (bar);

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      g_autofree char *name = g_strdup_printf ("window-header-%d.png", widths[i]);
      gboolean switcher_in_header;
      gboolean bar_shown;

      gtk_window_set_default_size (GTK_WINDOW (f->window), widths[i], 700);
      sp_test_settle (GTK_WIDGET (f->window));
      sp_test_iterate_until (sp_test_transitions_done, header);
      sp_test_iterate_until (sp_test_transitions_done, bar);
      if (widths[i] == 1280 || widths[i] == 560)
        g_object_unref (sp_test_take_screenshot (GTK_WIDGET (f->window), name));

      switcher_in_header = sp_test_draws_widget_of_type (header, ADW_TYPE_VIEW_SWITCHER);
      bar_shown = adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (bar));
      g_test_message ("%d px: switcher in the header %d, in the bottom bar %d",
                      widths[i], switcher_in_header, bar_shown);

      /* The fixture's project is window.standpoint */
      g_assert_true (sp_test_shows_text (header, "window"));
      /* The views are one click away, in one place */
      g_assert_true (switcher_in_header != bar_shown);

      if (widths[i] == 1280)
        g_assert_true (switcher_in_header);
      if (widths[i] == 560)
        g_assert_true (bar_shown);
    }
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

  sp_test_iterate_until (report_arrived, &report);

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
  sp_test_settle (GTK_WIDGET (f->window));
  g_assert_cmpuint (sp_documents_view_get_n_documents (f->window->documents_view), ==, 4);
  g_assert_cmpuint (sp_project_count_documents (sp_window_get_project (f->window)), ==, 4);
  g_assert_false (gtk_revealer_get_reveal_child (f->window->progress_revealer));

  g_object_unref (sp_test_take_screenshot (GTK_WIDGET (f->window), "window-documents.png"));
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
  sp_test_iterate_until (report_arrived, &report);
  g_assert_cmpuint (sp_import_report_get_n_failed (report), ==, 12);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-import-details", NULL));
  dialog = sp_test_find_dialog (GTK_WINDOW (f->window));
  g_assert_nonnull (dialog);
  sp_test_settle (GTK_WIDGET (dialog));
  g_object_unref (sp_test_take_screenshot (GTK_WIDGET (dialog), "window-import-details.png"));

  /* As it opens, a file name and its reason fit on a line or two */
  width = gtk_widget_get_width (GTK_WIDGET (dialog));
  g_test_message ("details: %d × %d", width, gtk_widget_get_height (GTK_WIDGET (dialog)));
  g_assert_cmpint (width, >=, 600);
  g_assert_true (sp_test_shows_text (GTK_WIDGET (dialog), "00-negotiations-archive-export-2025-11-03-reuters-afp-combined-final.txt"));

  /* The list takes what the window gives it */
  scroller = sp_test_find_widget_of_type (GTK_WIDGET (dialog), GTK_TYPE_SCROLLED_WINDOW);
  g_assert_nonnull (scroller);
  gtk_window_set_default_size (dialog, width, 420);
  sp_test_settle (GTK_WIDGET (dialog));
  short_height = gtk_widget_get_height (scroller);
  gtk_window_set_default_size (dialog, width, 720);
  sp_test_settle (GTK_WIDGET (dialog));
  tall_height = gtk_widget_get_height (scroller);
  g_test_message ("list: %d px in a 420 px window, %d px in a 720 px one", short_height, tall_height);
  g_assert_cmpint (tall_height, >=, short_height + 250);

  sp_test_close_dialog (dialog);
}

/* Stop: the import ends early, keeps what it committed and says so */
static void
test_stop_import (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (f->dir, "many", NULL);
  g_autoptr(GFile) folder_file = g_file_new_for_path (folder);
  g_autoptr(SpImportReport) report = NULL;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  for (guint i = 0; i < 3000; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/article-%04u.txt", folder, i);
      g_autofree char *text = g_strdup_printf ("Briefing number %u\n\nThe delegations met again on day %u.\n", i, i);

      g_assert_true (g_file_set_contents (path, text, -1, NULL));
    }

  g_signal_connect (f->window, "import-finished", G_CALLBACK (import_finished_cb), &report);
  _sp_window_import_files (f->window, &folder_file, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.cancel-import", NULL));
  sp_test_iterate_until (report_arrived, &report);

  g_assert_true (sp_import_report_get_cancelled (report));
  g_assert_cmpuint (sp_import_report_get_n_imported (report), <, 3000);
  g_assert_cmpuint (sp_project_count_documents (sp_window_get_project (f->window)), ==,
                    1 + sp_import_report_get_n_imported (report));
  sp_test_settle (GTK_WIDGET (f->window));
  g_assert_cmpuint (sp_documents_view_get_n_documents (f->window->documents_view), ==,
                    1 + sp_import_report_get_n_imported (report));
  g_assert_false (gtk_revealer_get_reveal_child (f->window->progress_revealer));
}

/* Closing the window mid-import: the batch goes on in the background and the application
 * (the process, in real life) lasts until the worker has committed every article */

typedef struct
{
  char     *path;
  char     *folder;
  SpWindow *window;
} CloseMidImport;

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

static void
close_mid_import_activate_cb (GApplication   *app,
                              CloseMidImport *state)
{
  g_autoptr(GFile) folder = g_file_new_for_path (state->folder);

  /* Instead of the application's own activate, which opens the last project */
  g_signal_stop_emission_by_name (app, "activate");

  state->window = sp_window_new (SP_APPLICATION (app));
  g_object_add_weak_pointer (G_OBJECT (state->window), (gpointer *)&state->window);
  sp_test_open_project (state->window, state->path);
  gtk_window_present (GTK_WINDOW (state->window));
  _sp_window_import_files (state->window, &folder, 1);
  g_assert_true (_sp_window_is_importing (state->window));
  gtk_window_close (GTK_WINDOW (state->window));

  /* The running import does not keep the closed window alive to call back into it */
  g_assert_null (state->window);
}

static void
test_close_mid_import (void)
{
  g_autofree char *dir = sp_test_make_tmpdir ();
  g_autoptr(SpProject) project = sp_test_new_project (dir, "background.standpoint");
  g_autoptr(SpApplication) app = sp_application_new ();
  g_autoptr(GError) error = NULL;
  CloseMidImport state = { NULL, };
  guint n_articles = 1000;

  state.path = g_strdup (sp_project_get_path (project));
  state.folder = g_build_filename (dir, "many", NULL);
  sp_test_add_document (project, "talks.txt", "Talks in Portbridge", talks_body);
  g_clear_object (&project);
  write_articles (state.folder, n_articles);

  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (close_mid_import_activate_cb), &state);

  /* Returns when nothing holds the application any more */
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 0, NULL), ==, 0);
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));

  project = sp_project_open (state.path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sp_project_count_documents (project), ==, 1 + n_articles);

  g_clear_object (&project);
  sp_test_remove_tree (dir);
  g_free (state.path);
  g_free (state.folder);
}

/* Tagging a claim */

static void
select_text (SpReader   *reader,
             const char *body,
             const char *text,
             gboolean    sloppy)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (sp_reader_get_text_view (reader));
  guint start = g_utf8_pointer_to_offset (body, strstr (body, text));
  guint end = start + g_utf8_strlen (text, -1);
  GtkTextIter start_iter, end_iter;

  /* A mouse drag often takes a space on either side */
  gtk_text_buffer_get_iter_at_offset (buffer, &start_iter, sloppy ? start - 1 : start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end_iter, sloppy ? end + 1 : end);
  gtk_text_buffer_select_range (buffer, &start_iter, &end_iter);
}

static void
test_tag_claim (Fixture       *f,
                gconstpointer  data)
{
  const char *sentence = "a ceasefire must come before any talk of borders.";
  SpDocumentsView *view = f->window->documents_view;
  SpReader *reader = sp_documents_view_get_reader (view);
  SpClaimPopover *popover = sp_documents_view_get_claim_popover (view);
  SpProject *project = sp_window_get_project (f->window);
  g_autoptr(GListModel) claims = NULL;
  g_autoptr(SpClaim) claim = NULL;
  g_autoptr(GError) error = NULL;
  guint start = g_utf8_pointer_to_offset (talks_body, strstr (talks_body, sentence));
  SpDocument *shown;

  g_assert_true (sp_documents_view_select_document (view, f->document));
  sp_test_settle (GTK_WIDGET (f->window));
  g_assert_cmpuint (sp_documents_view_get_n_claims (view), ==, 0);

  select_text (reader, talks_body, sentence, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.tag-claim", NULL));
  sp_test_settle (GTK_WIDGET (f->window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));

  /* Nothing is saved until actor, issue and stance are chosen */
  gtk_widget_activate_action (GTK_WIDGET (popover), "claim.save", NULL);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_cmpuint (sp_project_count_documents (project), ==, 1);
  claims = sp_project_list_claims (project, 0, &error);
  g_assert_cmpuint (g_list_model_get_n_items (claims), ==, 0);
  g_clear_object (&claims);

  sp_claim_popover_set_actor_search (popover, "berg");
  g_assert_true (sp_claim_popover_choose_actor (popover, f->berg));
  g_assert_true (sp_claim_popover_choose_issue (popover, f->ceasefire));
  sp_claim_popover_set_stance (popover, 2);
  sp_claim_popover_set_note (popover, "first round");

  shown = sp_reader_get_document (reader);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (popover), "claim.save", NULL));
  sp_test_settle (GTK_WIDGET (f->window));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));

  /* The reader is not reloaded (which would scroll it back to the top) */
  g_assert_true (sp_reader_get_document (reader) == shown);

  /* The claim is in the file, with the trimmed span */
  claims = sp_project_list_claims (project, f->document, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (claims), ==, 1);
  claim = g_list_model_get_item (claims, 0);
  g_assert_cmpint (sp_claim_get_actor_id (claim), ==, f->berg);
  g_assert_cmpint (sp_claim_get_issue_id (claim), ==, f->ceasefire);
  g_assert_cmpint (sp_claim_get_stance (claim), ==, 2);
  g_assert_cmpuint (sp_claim_get_start (claim), ==, start);
  g_assert_cmpstr (sp_claim_get_quote (claim), ==, sentence);
  g_assert_cmpstr (sp_claim_get_note (claim), ==, "first round");

  /* ...highlighted in the text and listed beside it */
  g_assert_cmpuint (sp_reader_count_highlighted (reader, start + 3), ==, 1);
  g_assert_cmpuint (sp_reader_count_highlighted (reader, start - 2), ==, 0);
  g_assert_cmpuint (sp_documents_view_get_n_claims (view), ==, 1);
  g_object_unref (sp_test_take_screenshot (GTK_WIDGET (f->window), "window-tagged.png"));

  /* Ctrl+Z takes it back out of the file and the view; Ctrl+Shift+Z restores it */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  sp_test_settle (GTK_WIDGET (f->window));
  g_assert_cmpuint (sp_documents_view_get_n_claims (view), ==, 0);
  g_assert_cmpuint (sp_reader_count_highlighted (reader, start + 3), ==, 0);
  g_clear_object (&claims);
  claims = sp_project_list_claims (project, 0, &error);
  g_assert_cmpuint (g_list_model_get_n_items (claims), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL));
  sp_test_settle (GTK_WIDGET (f->window));
  g_assert_cmpuint (sp_documents_view_get_n_claims (view), ==, 1);
  g_assert_cmpuint (sp_reader_count_highlighted (reader, start + 3), ==, 1);
}

static GtkWidget *
find_claim_row (GtkWidget *widget)
{
  if (GTK_IS_LIST_BOX_ROW (widget) && g_object_get_data (G_OBJECT (widget), "sp-claim"))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = find_claim_row (child);
      if (row != NULL)
        return row;
    }

  return NULL;
}

/* Clicking a claim in the list opens it for editing; Delete removes it, Undo brings it back */
static void
test_edit_and_delete_claim (Fixture       *f,
                            gconstpointer  data)
{
  SpDocumentsView *view = f->window->documents_view;
  SpClaimPopover *popover = sp_documents_view_get_claim_popover (view);
  SpProject *project = sp_window_get_project (f->window);
  g_autoptr(SpClaim) claim = NULL;
  g_autoptr(GError) error = NULL;
  SpClaimSpec spec = { f->document, 12, 30, f->reyes, f->ceasefire, -1, NULL, SP_CLAIM_ORIGIN_MANUAL, 0 };
  gint64 id = sp_project_add_claim (project, &spec, &error);
  GtkWidget *row;

  g_assert_true (sp_documents_view_select_document (view, f->document));
  sp_test_settle (GTK_WIDGET (f->window));

  row = find_claim_row (GTK_WIDGET (view));
  g_assert_nonnull (row);
  gtk_widget_activate (row);
  sp_test_settle (GTK_WIDGET (f->window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_cmpint (sp_claim_popover_get_claim_id (popover), ==, id);

  /* Change the stance and issue of the existing claim */
  sp_claim_popover_set_stance (popover, -2);
  g_assert_true (sp_claim_popover_choose_issue (popover, f->membership));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (popover), "claim.save", NULL));
  claim = sp_project_get_claim (project, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sp_claim_get_stance (claim), ==, -2);
  g_assert_cmpint (sp_claim_get_issue_id (claim), ==, f->membership);
  g_assert_cmpuint (sp_claim_get_start (claim), ==, 12);

  /* Open it again and delete it */
  sp_test_settle (GTK_WIDGET (f->window));
  gtk_widget_activate (find_claim_row (GTK_WIDGET (view)));
  sp_test_settle (GTK_WIDGET (f->window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (popover), "claim.delete", NULL));
  sp_test_settle (GTK_WIDGET (f->window));
  g_assert_null (find_claim_row (GTK_WIDGET (view)));
  g_clear_object (&claim);
  claim = sp_project_get_claim (project, id, &error);
  g_assert_null (claim);
  g_clear_error (&error);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  sp_test_settle (GTK_WIDGET (f->window));
  g_assert_nonnull (find_claim_row (GTK_WIDGET (view)));
}

/* From a claim (as the matrix's cell popover offers) to its sentence in the reader */
static void
test_show_claim (Fixture       *f,
                 gconstpointer  data)
{
  SpProject *project = sp_window_get_project (f->window);
  SpReader *reader = sp_documents_view_get_reader (f->window->documents_view);
  g_autoptr(GError) error = NULL;
  gint64 other = sp_test_add_document (project, "other.txt", "Other", "A different article about the talks.");
  guint claimed = g_utf8_pointer_to_offset (talks_body, strstr (talks_body, "Ana Berg said"));
  SpClaimSpec spec = { f->document, claimed, claimed + 13, f->berg, f->ceasefire, 2, NULL, SP_CLAIM_ORIGIN_MANUAL, 0 };
  gint64 id = sp_project_add_claim (project, &spec, &error);
  guint start, end;

  sp_project_notify_changed (project, SP_CHANGE_DOCUMENTS);
  g_assert_true (sp_documents_view_select_document (f->window->documents_view, other));
  adw_view_stack_set_visible_child_name (f->window->view_stack, "matrix");
  sp_test_settle (GTK_WIDGET (f->window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-claim", "x", id));
  sp_test_settle (GTK_WIDGET (f->window));

  g_assert_cmpstr (adw_view_stack_get_visible_child_name (f->window->view_stack), ==, "documents");
  g_assert_cmpint (sp_documents_view_get_document_id (f->window->documents_view), ==, f->document);
  g_assert_true (sp_reader_get_selection (reader, &start, &end));
  g_assert_cmpuint (start, ==, claimed);
  g_assert_cmpuint (end, ==, claimed + 13);
}

static void
test_tag_without_selection (Fixture       *f,
                            gconstpointer  data)
{
  SpDocumentsView *view = f->window->documents_view;
  SpClaimPopover *popover = sp_documents_view_get_claim_popover (view);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (sp_reader_get_text_view (sp_documents_view_get_reader (view)));
  GtkTextIter start;

  g_assert_true (sp_documents_view_select_document (view, f->document));
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.tag-claim", NULL));
  sp_test_settle (GTK_WIDGET (f->window));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
}

/* Editing the codebook from the Actors view */

static void
test_delete_actor_and_undo (Fixture       *f,
                            gconstpointer  data)
{
  SpCodebookView *view = SP_CODEBOOK_VIEW (f->window->actors_view);
  SpProject *project = sp_window_get_project (f->window);
  g_autoptr(SpActor) first = NULL;
  g_autoptr(GError) error = NULL;
  SpClaimSpec spec = { f->document, 0, 10, f->berg, f->ceasefire, 1, NULL, SP_CLAIM_ORIGIN_MANUAL, 0 };

  g_assert_cmpint (sp_project_add_claim (project, &spec, &error), >, 0);
  adw_view_stack_set_visible_child_name (f->window->view_stack, "actors");
  sp_test_settle (GTK_WIDGET (f->window));

  /* Sorted by name: Ana Berg, Northland, Tomas Reyes */
  g_assert_cmpuint (sp_codebook_view_get_n_items (view), ==, 3);
  first = sp_codebook_view_dup_item (view, 0);
  g_assert_cmpstr (sp_actor_get_name (first), ==, "Ana Berg");
  g_assert_cmpuint (sp_actor_get_claim_count (first), ==, 1);
  g_object_unref (sp_test_take_screenshot (GTK_WIDGET (f->window), "window-actors.png"));

  g_assert_true (sp_codebook_view_select (view, 0));
  sp_codebook_view_delete_selected (view, TRUE);
  sp_test_settle (GTK_WIDGET (f->window));
  g_assert_cmpuint (sp_codebook_view_get_n_items (view), ==, 2);
  g_assert_cmpuint (sp_project_count_documents (project), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  sp_test_settle (GTK_WIDGET (f->window));
  g_assert_cmpuint (sp_codebook_view_get_n_items (view), ==, 3);
  g_clear_object (&first);
  first = sp_codebook_view_dup_item (view, 0);
  g_assert_cmpuint (sp_actor_get_claim_count (first), ==, 1);
}

/* Undo and Redo are buttons in the header, named after the step, and an undo's toast offers
 * Redo */

static GtkWidget *
find_toast_button (GtkWidget  *widget,
                   const char *action_name)
{
  GType toast_type = g_type_from_name ("AdwToastWidget");

  if (GTK_IS_ACTIONABLE (widget) && toast_type != 0 &&
      gtk_widget_get_ancestor (widget, toast_type) != NULL &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_toast_button (child, action_name);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_undo_redo_buttons (Fixture       *f,
                        gconstpointer  data)
{
  SpCodebookView *view = SP_CODEBOOK_VIEW (f->window->actors_view);
  GtkWidget *undo = GTK_WIDGET (f->window->undo_button);
  GtkWidget *redo = GTK_WIDGET (f->window->redo_button);
  GtkWidget *toast_redo;

  adw_view_stack_set_visible_child_name (f->window->view_stack, "actors");
  sp_test_settle (GTK_WIDGET (f->window));

  /* Both in the header, both off while there is nothing to undo or redo */
  g_assert_true (gtk_widget_get_mapped (undo));
  g_assert_true (gtk_widget_get_mapped (redo));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (redo)), ==, "win.redo");
  g_assert_false (gtk_widget_is_sensitive (undo));
  g_assert_false (gtk_widget_is_sensitive (redo));

  g_assert_true (sp_codebook_view_select (view, 0));
  sp_codebook_view_delete_selected (view, TRUE);
  sp_test_settle (GTK_WIDGET (f->window));
  g_assert_true (gtk_widget_is_sensitive (undo));
  g_assert_false (gtk_widget_is_sensitive (redo));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (undo), ==, "Undo Delete Actor");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  sp_test_settle (GTK_WIDGET (f->window));
  g_assert_cmpuint (sp_codebook_view_get_n_items (view), ==, 3);
  g_assert_false (gtk_widget_is_sensitive (undo));
  g_assert_true (gtk_widget_is_sensitive (redo));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (redo), ==, "Redo Delete Actor");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (undo), ==, "Undo");
  g_object_unref (sp_test_take_screenshot (GTK_WIDGET (f->window), "window-undone.png"));

  /* The undo's toast brings the step back */
  toast_redo = find_toast_button (GTK_WIDGET (f->window->toast_overlay), "win.redo");
  g_assert_nonnull (toast_redo);
  g_assert_true (GTK_IS_BUTTON (toast_redo) && gtk_widget_is_sensitive (toast_redo));
  /* A click: activate() would press the button for a quarter of a second first */
  g_signal_emit_by_name (toast_redo, "clicked");
  sp_test_settle (GTK_WIDGET (f->window));
  g_assert_cmpuint (sp_codebook_view_get_n_items (view), ==, 2);
  g_assert_true (gtk_widget_is_sensitive (undo));
  g_assert_false (gtk_widget_is_sensitive (redo));
}

/* Long propositions and alias lists are never cut off in the tables: they wrap */
static void
test_codebook_text_wraps (Fixture       *f,
                          gconstpointer  data)
{
  SpProject *project = sp_window_get_project (f->window);
  g_autoptr(GError) error = NULL;
  const char *proposition = "Western states should give Southland binding security guarantees before any ceasefire line is agreed";
  const char *aliases[] = { "President of the Northland Federation", "Northland head of state", "the president", NULL };

  sp_project_add_issue (project, "guarantees", "Security guarantees", proposition, NULL, &error);
  g_assert_no_error (error);
  sp_project_add_actor (project, "Northland Federation Presidential Administration", SP_ACTOR_KIND_ORGANISATION,
                        f->northland, aliases, &error);
  g_assert_no_error (error);

  gtk_window_set_default_size (GTK_WINDOW (f->window), 760, 700);
  adw_view_stack_set_visible_child_name (f->window->view_stack, "issues");
  sp_test_settle (GTK_WIDGET (f->window));
  sp_test_settle (GTK_WIDGET (f->window));
  g_object_unref (sp_test_take_screenshot (GTK_WIDGET (f->window), "window-issues-narrow.png"));
  g_assert_true (sp_test_shows_text (GTK_WIDGET (f->window->issues_view), proposition));

  adw_view_stack_set_visible_child_name (f->window->view_stack, "actors");
  sp_test_settle (GTK_WIDGET (f->window));
  sp_test_settle (GTK_WIDGET (f->window));
  g_object_unref (sp_test_take_screenshot (GTK_WIDGET (f->window), "window-actors-narrow.png"));
  g_assert_true (sp_test_shows_text (GTK_WIDGET (f->window->actors_view),
                             "Northland head of state, President of the Northland Federation, the president"));
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
  GtkWidget *header = sp_test_find_widget_of_type (GTK_WIDGET (f->window), ADW_TYPE_HEADER_BAR);
  const char *banner = "This project is read-only because it was opened for reading only: you can read, search and export it, but not change it";

  g_assert_true (g_file_set_contents (loose, "# Troops\n\nPeacekeepers were proposed.\n", -1, NULL));

  /* An edit to undo, and no banner on a project that can be written */
  adw_view_stack_set_visible_child_name (f->window->view_stack, "actors");
  sp_test_settle (GTK_WIDGET (f->window));
  g_assert_true (sp_codebook_view_select (actors, 2));
  sp_codebook_view_delete_selected (actors, TRUE);
  sp_test_settle (GTK_WIDGET (f->window));
  g_assert_cmpuint (sp_codebook_view_get_n_items (actors), ==, 2);
  g_assert_false (gtk_revealer_get_reveal_child (f->window->read_only_revealer));
  g_assert_null (sp_test_find_label_starting (GTK_WIDGET (f->window), "This project is read-only"));
  sp_test_assert_action_buttons (header, "win.undo", TRUE);
  sp_test_assert_action_buttons (GTK_WIDGET (actors), "codebook.add", TRUE);

  /* The same file, opened read-only by the store */
  _sp_window_open (f->window, f->path, SP_WINDOW_OPEN_READ_ONLY);
  sp_test_wait_for_open (f->window);
  project = sp_window_get_project (f->window);
  g_assert_true (sp_project_is_read_only (project));
  g_assert_cmpstr (sp_project_get_path (project), ==, f->path);

  adw_view_stack_set_visible_child_name (f->window->view_stack, "actors");
  sp_test_settle (GTK_WIDGET (f->window));
  sp_test_iterate_until (sp_test_transitions_done, f->window->read_only_revealer);
  g_object_unref (sp_test_take_screenshot (GTK_WIDGET (f->window), "window-read-only.png"));

  g_assert_true (sp_test_shows_text (GTK_WIDGET (f->window), banner));
  sp_test_assert_action_buttons (header, "win.import-articles", FALSE);
  sp_test_assert_action_buttons (header, "win.undo", FALSE);
  sp_test_assert_action_buttons (header, "win.redo", FALSE);
  sp_test_assert_action_buttons (GTK_WIDGET (actors), "codebook.add", FALSE);
  g_assert_true (sp_codebook_view_select (actors, 0));
  sp_test_assert_action_buttons (GTK_WIDGET (actors), "codebook.edit", FALSE);
  sp_test_assert_action_buttons (GTK_WIDGET (actors), "codebook.delete", FALSE);

  /* Nor do the ways around the buttons change anything */
  sp_codebook_view_delete_selected (actors, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  _sp_window_import_files (f->window, &loose_file, 1);
  g_assert_false (_sp_window_is_importing (f->window));
  sp_test_settle (GTK_WIDGET (f->window));
  g_assert_cmpuint (sp_codebook_view_get_n_items (actors), ==, 2);
  g_assert_cmpuint (sp_project_count_documents (project), ==, 1);

  g_assert_true (sp_documents_view_select_document (documents, f->document));
  select_text (sp_documents_view_get_reader (documents), talks_body, "Ana Berg said", FALSE);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.tag-claim", NULL);
  sp_test_settle (GTK_WIDGET (f->window));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (sp_documents_view_get_claim_popover (documents))));

  /* and the store itself refuses an edit */
  g_assert_cmpint (sp_project_add_actor (project, "Mara Holm", SP_ACTOR_KIND_PERSON, 0, NULL, &error), ==, 0);
  g_assert_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_READ_ONLY);

  /* Opened as usual again: all back */
  sp_test_open_project (f->window, f->path);
  g_assert_false (sp_project_is_read_only (sp_window_get_project (f->window)));
  adw_view_stack_set_visible_child_name (f->window->view_stack, "actors");
  sp_test_settle (GTK_WIDGET (f->window));
  sp_test_iterate_until (sp_test_transitions_done, f->window->read_only_revealer);
  g_assert_false (gtk_revealer_get_child_revealed (f->window->read_only_revealer));
  g_assert_null (sp_test_find_label_starting (GTK_WIDGET (f->window), "This project is read-only because"));
  sp_test_assert_action_buttons (header, "win.import-articles", TRUE);
  sp_test_assert_action_buttons (GTK_WIDGET (actors), "codebook.add", TRUE);
}

/* The matrix widget's colours */

static void
read_pixel (GdkTexture *texture,
            int         x,
            int         y,
            double     *r,
            double     *g,
            double     *b)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guchar *data = g_malloc ((gsize)width * height * 4);
  guchar *pixel;

  g_assert_cmpint (x, <, width);
  g_assert_cmpint (y, <, height);

  /* Downloads are CAIRO_FORMAT_ARGB32: B, G, R, A in memory, premultiplied (opaque here) */
  gdk_texture_download (texture, data, width * 4);
  pixel = data + ((gsize)y * width + x) * 4;
  *r = pixel[2] / 255.0;
  *g = pixel[1] / 255.0;
  *b = pixel[0] / 255.0;
}

static void
assert_cell_colour (SpMatrixWidget *widget,
                    GdkTexture     *texture,
                    guint           row,
                    guint           column,
                    double          mean)
{
  graphene_rect_t cell;
  graphene_point_t corner;
  double r, g, b;
  SpRgb expected;

  g_assert_true (sp_matrix_widget_get_cell_rect (widget, row, column, &cell));
  /* The cell's corner, inside its border, away from the text in its middle */
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (widget), GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (widget))),
                                           &GRAPHENE_POINT_INIT (cell.origin.x + 5, cell.origin.y + 5), &corner));
  read_pixel (texture, (int)corner.x, (int)corner.y, &r, &g, &b);

  if (isnan (mean))
    {
      /* An empty cell is not coloured: white or the light grey of its hatching */
      g_assert_cmpfloat (fabs (r - g), <, 0.05);
      g_assert_cmpfloat (fabs (g - b), <, 0.05);
      g_assert_cmpfloat (r, >, 0.8);
      return;
    }

  sp_stance_color (mean, &expected);
  g_test_message ("cell %u,%u: drawn %.2f %.2f %.2f, palette %.2f %.2f %.2f", row, column,
                  r, g, b, expected.red, expected.green, expected.blue);
  g_assert_cmpfloat (fabs (r - expected.red), <, 0.04);
  g_assert_cmpfloat (fabs (g - expected.green), <, 0.04);
  g_assert_cmpfloat (fabs (b - expected.blue), <, 0.04);
}

static guint
count_show_claim_buttons (GtkWidget *widget)
{
  guint n = 0;

  if (GTK_IS_ACTIONABLE (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "win.show-claim") == 0)
    n++;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += count_show_claim_buttons (child);

  return n;
}

static void
test_matrix_colours (Fixture       *f,
                     gconstpointer  data)
{
  SpProject *project = sp_window_get_project (f->window);
  SpMatrixWidget *widget = sp_matrix_view_get_widget (f->window->matrix_view);
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  SpMatrix *matrix;
  struct { gint64 actor; gint64 issue; int stance; } claims[] = {
    { f->berg, f->ceasefire, 2 },
    { f->berg, f->ceasefire, 1 },
    { f->reyes, f->ceasefire, -2 },
    { f->reyes, f->membership, -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (claims); i++)
    {
      SpClaimSpec spec = { f->document, i * 5, i * 5 + 4, claims[i].actor, claims[i].issue, claims[i].stance, NULL, SP_CLAIM_ORIGIN_MANUAL, 0 };
      g_assert_cmpint (sp_project_add_claim (project, &spec, &error), >, 0);
    }

  adw_view_stack_set_visible_child_name (f->window->view_stack, "matrix");
  sp_test_settle (GTK_WIDGET (f->window));

  matrix = sp_matrix_widget_get_matrix (widget);
  g_assert_nonnull (matrix);
  /* Rows by name: Ana Berg, Northland, Tomas Reyes; columns: ceasefire, membership */
  g_assert_cmpuint (sp_matrix_get_n_rows (matrix), ==, 3);
  g_assert_cmpstr (sp_matrix_get_row_label (matrix, 2), ==, "Tomas Reyes");

  texture = sp_test_take_screenshot (GTK_WIDGET (f->window), "window-matrix.png");
  assert_cell_colour (widget, texture, 0, 0, 1.5);
  assert_cell_colour (widget, texture, 0, 1, NAN);
  assert_cell_colour (widget, texture, 1, 0, NAN);
  assert_cell_colour (widget, texture, 2, 0, -2);
  assert_cell_colour (widget, texture, 2, 1, -1);

  /* Pointing at a cell puts its mean and count in the toolbar */
  g_signal_emit_by_name (widget, "cell-hovered", 0, 0);
  g_assert_nonnull (sp_test_find_label (GTK_WIDGET (f->window->matrix_view), "Ana Berg on Ceasefire first: mean +1.5 from 2 claims"));
  g_signal_emit_by_name (widget, "cell-hovered", -1, -1);
  g_assert_null (sp_test_find_label (GTK_WIDGET (f->window->matrix_view), "Ana Berg on Ceasefire first: mean +1.5 from 2 claims"));

  /* A cell's popover lists the claims behind it, each a way to its sentence */
  g_signal_emit_by_name (widget, "cell-activated", 0, 0);
  sp_test_settle (GTK_WIDGET (f->window));
  g_assert_cmpuint (count_show_claim_buttons (GTK_WIDGET (widget)), ==, 2);
  g_signal_emit_by_name (widget, "cell-activated", 2, 1);
  sp_test_settle (GTK_WIDGET (f->window));
  g_assert_cmpuint (count_show_claim_buttons (GTK_WIDGET (widget)), ==, 1);
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_first_child (GTK_WIDGET (widget))));
  sp_test_settle (GTK_WIDGET (f->window));

  /* Group level: Ana Berg's claims count for Northland */
  sp_matrix_view_set_level (f->window->matrix_view, SP_MATRIX_LEVEL_GROUP);
  sp_test_settle (GTK_WIDGET (f->window));
  matrix = sp_matrix_widget_get_matrix (widget);
  g_assert_cmpuint (sp_matrix_get_n_rows (matrix), ==, 2);
  g_assert_cmpstr (sp_matrix_get_row_label (matrix, 0), ==, "Northland");
  g_clear_object (&texture);
  texture = sp_test_take_screenshot (GTK_WIDGET (f->window), "window-matrix-groups.png");
  assert_cell_colour (widget, texture, 0, 0, 1.5);
  assert_cell_colour (widget, texture, 1, 1, -1);
}

/* An empty matrix says what to do next: import articles, then build a codebook, then tag
 * claims */

static void
assert_empty_matrix (Fixture    *f,
                     const char *screenshot,
                     const char *action_name,
                     const char *target,
                     gboolean    mentions_shortcut)
{
  GtkWidget *view = GTK_WIDGET (f->window->matrix_view);
  AdwStatusPage *page;
  GtkWidget *button;

  sp_test_settle (GTK_WIDGET (f->window));
  g_object_unref (sp_test_take_screenshot (GTK_WIDGET (f->window), screenshot));

  page = sp_test_find_drawn_status_page (view);
  g_assert_nonnull (page);
  g_test_message ("%s: %s", adw_status_page_get_title (page), adw_status_page_get_description (page));
  button = sp_test_find_drawn_actionable (view, action_name, target);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_cmpint (strstr (adw_status_page_get_description (page), "Ctrl+T") != NULL, ==, mentions_shortcut);
}

static void
test_matrix_empty_states (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "empty.standpoint", NULL);
  g_autoptr(SpProject) created = sp_project_create (path, NULL);
  g_autoptr(GError) error = NULL;
  SpProject *project;
  gint64 document, actor, issue;

  g_assert_nonnull (created);
  g_clear_object (&created);
  sp_test_open_project (f->window, path);
  project = sp_window_get_project (f->window);
  adw_view_stack_set_visible_child_name (f->window->view_stack, "matrix");

  /* Nothing at all: import articles */
  assert_empty_matrix (f, "window-matrix-empty-project.png", "win.import-articles", NULL, FALSE);

  /* Articles but no codebook: add actors, or import a codebook */
  document = sp_test_add_document (project, "talks.txt", "Talks in Portbridge", talks_body);
  sp_project_notify_changed (project, SP_CHANGE_DOCUMENTS);
  assert_empty_matrix (f, "window-matrix-empty-codebook.png", "win.import-codebook", NULL, FALSE);
  g_assert_nonnull (sp_test_find_drawn_actionable (GTK_WIDGET (f->window->matrix_view), "win.show-view", "actors"));

  /* Actors but no issues: add issues */
  actor = sp_project_add_actor (project, "Ana Berg", SP_ACTOR_KIND_PERSON, 0, NULL, &error);
  g_assert_no_error (error);
  assert_empty_matrix (f, "window-matrix-empty-issues.png", "win.show-view", "issues", FALSE);

  /* A codebook but no claims: tag claims in Documents with Ctrl+T */
  issue = sp_project_add_issue (project, "ceasefire", "Ceasefire first", NULL, NULL, &error);
  g_assert_no_error (error);
  assert_empty_matrix (f, "window-matrix-empty-claims.png", "win.show-view", "documents", TRUE);

  /* The button takes the user there */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "documents");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (f->window->view_stack), ==, "documents");

  /* A claim: the matrix itself */
  {
    SpClaimSpec spec = { document, 0, 10, actor, issue, 1, NULL, SP_CLAIM_ORIGIN_MANUAL, 0 };

    g_assert_cmpint (sp_project_add_claim (project, &spec, &error), >, 0);
  }
  adw_view_stack_set_visible_child_name (f->window->view_stack, "matrix");
  sp_test_settle (GTK_WIDGET (f->window));
  g_assert_null (sp_test_find_drawn_status_page (GTK_WIDGET (f->window->matrix_view)));
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
  header = sp_test_find_widget_of_type (GTK_WIDGET (f->window), ADW_TYPE_HEADER_BAR);
  menu_button = sp_test_find_widget_of_type (header, GTK_TYPE_MENU_BUTTON);
  g_assert_nonnull (menu_button);
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button)));
  g_assert_nonnull (popover);
  item = sp_test_find_label (popover, "No Recent Projects");
  g_assert_nonnull (item);
  g_assert_false (gtk_widget_is_sensitive (item));
}

/* A matrix far larger than the window: what scrolls into view is drawn, in the right colour */
static void
test_matrix_scrolls (Fixture       *f,
                     gconstpointer  data)
{
  SpProject *project = sp_window_get_project (f->window);
  SpMatrixWidget *widget = sp_matrix_view_get_widget (f->window->matrix_view);
  GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (widget), GTK_TYPE_SCROLLED_WINDOW));
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  GtkAdjustment *vadjustment;
  gint64 last_actor = 0;
  guint n_rows;

  g_assert_true (sp_project_begin_action (project, NULL, &error));
  for (guint i = 0; i < 120; i++)
    {
      g_autofree char *name = g_strdup_printf ("Zz Delegate %03u", i);
      SpClaimSpec spec = { f->document, 0, 8, 0, f->membership, (int)(i % 5) - 2, NULL, SP_CLAIM_ORIGIN_MANUAL, 0 };

      spec.actor_id = last_actor = sp_project_add_actor (project, name, SP_ACTOR_KIND_PERSON, 0, NULL, &error);
      g_assert_cmpint (sp_project_add_claim (project, &spec, &error), >, 0);
    }
  g_assert_true (sp_project_end_action (project, TRUE, &error));
  g_assert_no_error (error);

  adw_view_stack_set_visible_child_name (f->window->view_stack, "matrix");
  sp_test_settle (GTK_WIDGET (f->window));

  n_rows = sp_matrix_get_n_rows (sp_matrix_widget_get_matrix (widget));
  g_assert_cmpuint (n_rows, ==, 123);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (widget)), >, gtk_widget_get_height (GTK_WIDGET (scroller)));

  vadjustment = gtk_scrolled_window_get_vadjustment (scroller);
  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_upper (vadjustment));
  sp_test_settle (GTK_WIDGET (f->window));

  /* The last row is "Zz Delegate 119", stance 119 % 5 - 2 = 2 on membership */
  g_assert_cmpstr (sp_matrix_get_row_label (sp_matrix_widget_get_matrix (widget), n_rows - 1), ==, "Zz Delegate 119");
  texture = sp_test_take_screenshot (GTK_WIDGET (f->window), "window-matrix-scrolled.png");
  assert_cell_colour (widget, texture, n_rows - 1, 1, 2);
  assert_cell_colour (widget, texture, n_rows - 1, 0, NAN);
}

static gboolean
export_done (gpointer data)
{
  return !sp_matrix_view_is_exporting (data);
}

static void
test_matrix_export (Fixture       *f,
                    gconstpointer  data)
{
  SpProject *project = sp_window_get_project (f->window);
  g_autoptr(GError) error = NULL;
  g_autofree char *csv_path = g_build_filename (f->dir, "matrix.csv", NULL);
  g_autofree char *png_path = g_build_filename (f->dir, "matrix.png", NULL);
  g_autoptr(GFile) csv = g_file_new_for_path (csv_path);
  g_autoptr(GFile) png = g_file_new_for_path (png_path);
  g_autofree char *contents = NULL;
  SpClaimSpec spec = { f->document, 0, 10, f->reyes, f->membership, -2, NULL, SP_CLAIM_ORIGIN_MANUAL, 0 };

  g_assert_cmpint (sp_project_add_claim (project, &spec, &error), >, 0);
  adw_view_stack_set_visible_child_name (f->window->view_stack, "matrix");
  sp_test_settle (GTK_WIDGET (f->window));

  sp_matrix_view_export (f->window->matrix_view, csv);
  sp_test_iterate_until (export_done, f->window->matrix_view);
  g_assert_true (g_file_get_contents (csv_path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==,
                   "actor,ceasefire,membership\n"
                   "Ana Berg,,\n"
                   "Northland,,\n"
                   "Tomas Reyes,,-2\n");

  sp_matrix_view_export (f->window->matrix_view, png);
  sp_test_iterate_until (export_done, f->window->matrix_view);
  g_assert_true (g_file_test (png_path, G_FILE_TEST_IS_REGULAR));
}

int
main (int   argc,
      char *argv[])
{
  sp_test_window_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/window/header-names-project", test_header_names_project);
  ADD ("/window/drop-imports", test_drop_imports);
  ADD ("/window/import-details", test_import_details);
  ADD ("/window/stop-import", test_stop_import);
  g_test_add_func ("/window/close-mid-import", test_close_mid_import);
  ADD ("/window/tag-claim", test_tag_claim);
  ADD ("/window/tag-without-selection", test_tag_without_selection);
  ADD ("/window/edit-and-delete-claim", test_edit_and_delete_claim);
  ADD ("/window/show-claim", test_show_claim);
  ADD ("/window/delete-actor-and-undo", test_delete_actor_and_undo);
  ADD ("/window/undo-redo-buttons", test_undo_redo_buttons);
  ADD ("/window/codebook-text-wraps", test_codebook_text_wraps);
  ADD ("/window/read-only", test_read_only);
  ADD ("/window/matrix-colours", test_matrix_colours);
  ADD ("/window/matrix-empty-states", test_matrix_empty_states);
  ADD ("/window/no-recent-projects", test_no_recent_projects);
  ADD ("/window/matrix-scrolls", test_matrix_scrolls);
  ADD ("/window/matrix-export", test_matrix_export);
#undef ADD

  return g_test_run ();
}
