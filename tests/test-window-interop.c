/* test-window-interop.c
 *
 * DNA projects and networks in the real window under Xvfb: Import DNA Project reads the file
 * in a worker, writes it as one undo step and reports in a dialog (what was skipped and the
 * decisions included); the matrix of DNA's sample project; the Export Network dialog. The
 * screenshots (window-dna-*.png) are saved next to the test binary for people to look at.
 */
#include "config.h"

#include <adwaita.h>

#include "dna-fixture.h"
#include "import-test-util.h"
#include "sp-gui-test-util.h"
#include "sp-test-util.h"
#include "sp-window-private.h"

typedef struct
{
  char     *dir;
  SpWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SpProject) project = NULL;
  g_autofree char *path = NULL;

  f->dir = sp_test_make_tmpdir ();
  project = sp_test_new_project (f->dir, "dna.standpoint");
  path = g_strdup (sp_project_get_path (project));
  g_clear_object (&project);

  f->window = sp_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 760);
  sp_gui_test_open_project (f->window, path);
  gtk_window_present (GTK_WINDOW (f->window));
  sp_gui_test_settle (GTK_WIDGET (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  sp_gui_test_tear_down (f->window, f->dir);
}

static gboolean
dialog_shown (gpointer data)
{
  return sp_gui_test_find_dialog (data) != NULL;
}

static AdwMessageDialog *
import_and_wait (Fixture    *f,
                 const char *path)
{
  GtkWindow *dialog;

  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (f->window)));
  _sp_window_import_dna (f->window, path);
  g_assert_true (_sp_window_is_busy_with_interop (f->window));
  sp_gui_test_iterate_until (dialog_shown, f->window);
  g_assert_false (_sp_window_is_busy_with_interop (f->window));
  dialog = sp_gui_test_find_dialog (GTK_WINDOW (f->window));
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  sp_gui_test_settle (GTK_WIDGET (dialog));

  return ADW_MESSAGE_DIALOG (dialog);
}

static void
test_import_report_and_undo (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *dna = g_build_filename (f->dir, "harbour.dna", NULL);
  SpProject *project = sp_window_get_project (f->window);
  AdwMessageDialog *dialog;
  GtkWidget *details;
  const char *body;

  dna_fixture_write (dna, FALSE);
  dialog = import_and_wait (f, dna);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "DNA Project Imported");
  body = adw_message_dialog_get_body (dialog);
  g_assert_nonnull (strstr (body, "2 documents, 7 actors, 2 issues and 6 claims were added from harbour.dna."));
  details = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (adw_message_dialog_get_extra_child (dialog)));
  if (GTK_IS_VIEWPORT (details))
    details = gtk_viewport_get_child (GTK_VIEWPORT (details));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (details)), "• Statements of type “Annotation”: 1"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (details)),
                            "Lina Ostrova is coded with 2 organizations: affiliated with Harbour Council (2)"));
  g_object_unref (sp_gui_test_screenshot (GTK_WIDGET (dialog), "window-dna-report.png"));
  sp_gui_test_destroy_window (GTK_WINDOW (dialog));

  g_assert_cmpint (sp_test_count_rows (project, "SELECT count(*) FROM claims"), ==, 6);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (f->window->undo_button)), ==, "Undo Import DNA Project");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_cmpint (sp_test_count_rows (project, "SELECT count(*) FROM claims"), ==, 0);
  g_assert_cmpint (sp_test_count_rows (project, "SELECT count(*) FROM documents"), ==, 0);
}

static void
test_refused_file (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *bad = g_build_filename (f->dir, "notes.dna", NULL);
  AdwMessageDialog *dialog;

  g_assert_true (g_file_set_contents (bad, "these are notes, not a database", -1, NULL));
  dialog = import_and_wait (f, bad);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Import the DNA Project");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "notes.dna: not a DNA project"));
  g_assert_cmpuint (sp_project_count_documents (sp_window_get_project (f->window)), ==, 0);
}

static void
test_sample_matrix (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *corpus = sp_test_corpus_dir ("dna-sample");
  g_autofree char *path = NULL;
  AdwMessageDialog *dialog;

  if (corpus == NULL)
    return;

  path = g_build_filename (corpus, "sample.dna", NULL);
  dialog = import_and_wait (f, path);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                            "7 documents, 14 actors, 6 issues and 40 claims were added from sample.dna."));
  g_object_unref (sp_gui_test_screenshot (GTK_WIDGET (dialog), "window-dna-sample-report.png"));
  sp_gui_test_destroy_window (GTK_WINDOW (dialog));

  adw_view_stack_set_visible_child_name (f->window->view_stack, "matrix");
  sp_gui_test_settle (GTK_WIDGET (f->window));
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_object_unref (sp_gui_test_screenshot (GTK_WIDGET (f->window), "window-dna-matrix.png"));
}

static void
test_export_network_dialog (Fixture       *f,
                            gconstpointer  data)
{
  GtkWindow *dialog;
  GtkDropDown *drop_down;
  GtkWidget *normalize;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export-network", NULL));
  sp_gui_test_iterate_until (dialog_shown, f->window);
  dialog = sp_gui_test_find_dialog (GTK_WINDOW (f->window));
  sp_gui_test_settle (GTK_WIDGET (dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Export Network");
  g_assert_nonnull (sp_gui_test_find_type (GTK_WIDGET (dialog), GTK_TYPE_DROP_DOWN));
  g_assert_true (sp_gui_test_shows_text (GTK_WIDGET (dialog), "Actors and issues (two-mode)"));
  g_object_unref (sp_gui_test_screenshot (GTK_WIDGET (dialog), "window-dna-network-dialog.png"));

  /* normalising is for the one-mode networks: off for two-mode, on for congruence */
  drop_down = GTK_DROP_DOWN (sp_gui_test_find_type (GTK_WIDGET (dialog), GTK_TYPE_DROP_DOWN));
  normalize = gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (GTK_WIDGET (drop_down)))));
  g_assert_true (GTK_IS_DROP_DOWN (normalize));
  g_assert_false (gtk_widget_get_sensitive (normalize));
  gtk_drop_down_set_selected (drop_down, 1);
  g_assert_true (gtk_widget_get_sensitive (normalize));
}

/* Closing the window while the worker reads: the application lasts until the worker is done,
 * which then calls back into no window and writes nothing */
static void
start_import_and_close (SpWindow *window,
                        gpointer  dna)
{
  _sp_window_import_dna (window, dna);
  g_assert_true (_sp_window_is_busy_with_interop (window));
  gtk_window_close (GTK_WINDOW (window));
}

static void
test_close_mid_import (void)
{
  g_autofree char *dir = sp_test_make_tmpdir ();
  g_autofree char *dna = g_build_filename (dir, "harbour.dna", NULL);
  g_autoptr(SpProject) project = sp_test_new_project (dir, "closing.standpoint");
  g_autofree char *path = g_strdup (sp_project_get_path (project));

  dna_fixture_write (dna, FALSE);
  g_clear_object (&project);
  sp_gui_test_close_mid_job (path, start_import_and_close, dna);

  project = sp_project_open (path, NULL);
  g_assert_nonnull (project);
  g_assert_cmpuint (sp_project_count_documents (project), ==, 0);
  g_clear_object (&project);
  sp_test_remove_tree (dir);
}

/* The export itself: in a worker, on a connection of its own, then a toast */
static gboolean
file_written (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static void
test_export_network_file (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *dna = g_build_filename (f->dir, "harbour.dna", NULL);
  g_autofree char *out = g_build_filename (f->dir, "conflict.graphml", NULL);
  g_autofree char *contents = NULL;
  SpNetworkOptions options = { .type = SP_NETWORK_CONFLICT };
  AdwMessageDialog *dialog;

  dna_fixture_write (dna, FALSE);
  dialog = import_and_wait (f, dna);
  sp_gui_test_destroy_window (GTK_WINDOW (dialog));

  _sp_window_export_network (f->window, out, &options, SP_NETWORK_FORMAT_GRAPHML);
  g_assert_true (_sp_window_is_busy_with_interop (f->window));
  sp_gui_test_iterate_until (file_written, out);
  while (_sp_window_is_busy_with_interop (f->window))
    g_main_context_iteration (NULL, TRUE);
  sp_gui_test_wait_for_label (GTK_WIDGET (f->window), "Network exported to conflict.graphml: 3 nodes, 2 edges");
  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "<data key=\"label\">Mira Holt</data>"));
}

int
main (int   argc,
      char *argv[])
{
  sp_gui_test_init (&argc, &argv);

  g_test_add ("/window/dna/import-report-and-undo", Fixture, NULL, fixture_set_up, test_import_report_and_undo, fixture_tear_down);
  g_test_add ("/window/dna/refused-file", Fixture, NULL, fixture_set_up, test_refused_file, fixture_tear_down);
  g_test_add ("/window/dna/sample-matrix", Fixture, NULL, fixture_set_up, test_sample_matrix, fixture_tear_down);
  g_test_add_func ("/window/dna/close-mid-import", test_close_mid_import);
  g_test_add ("/window/dna/export-network-file", Fixture, NULL, fixture_set_up, test_export_network_file, fixture_tear_down);
  g_test_add ("/window/dna/export-network-dialog", Fixture, NULL, fixture_set_up, test_export_network_dialog, fixture_tear_down);

  return g_test_run ();
}
