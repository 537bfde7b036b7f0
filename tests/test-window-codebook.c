/* test-window-codebook.c
 *
 * The codebook views of the real window under Xvfb: deleting from the Actors view and undoing
 * it, the Undo and Redo buttons and the undo's toast, and long propositions and alias lists
 * wrapping in the tables. Screenshots are saved next to the test binary (window-*.png) for
 * people to look at.
 */
#include "config.h"

#include <adwaita.h>

#include "sp-gui-test-talks.h"
#include "sp-gui-test-util.h"
#include "sp-issue-dialog.h"
#include "sp-window-private.h"

typedef SpGuiTestTalks Fixture;

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
  sp_gui_test_settle (GTK_WIDGET (f->window));

  /* Sorted by name: Ana Berg, Northland, Tomas Reyes */
  g_assert_cmpuint (sp_codebook_view_get_n_items (view), ==, 3);
  first = sp_codebook_view_dup_item (view, 0);
  g_assert_cmpstr (sp_actor_get_name (first), ==, "Ana Berg");
  g_assert_cmpuint (sp_actor_get_claim_count (first), ==, 1);
  g_object_unref (sp_gui_test_screenshot (GTK_WIDGET (f->window), "window-actors.png"));

  g_assert_true (sp_codebook_view_select (view, 0));
  sp_codebook_view_delete_selected (view, TRUE);
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_cmpuint (sp_codebook_view_get_n_items (view), ==, 2);
  g_assert_cmpuint (sp_project_count_documents (project), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_cmpuint (sp_codebook_view_get_n_items (view), ==, 3);
  g_clear_object (&first);
  first = sp_codebook_view_dup_item (view, 0);
  g_assert_cmpuint (sp_actor_get_claim_count (first), ==, 1);
}

/* Undo and Redo are buttons in the header, named after the step, and an undo's toast offers
 * Redo */

static void
test_undo_redo_buttons (Fixture       *f,
                        gconstpointer  data)
{
  SpCodebookView *view = SP_CODEBOOK_VIEW (f->window->actors_view);
  GtkWidget *undo = GTK_WIDGET (f->window->undo_button);
  GtkWidget *redo = GTK_WIDGET (f->window->redo_button);
  GtkWidget *toast_redo;

  adw_view_stack_set_visible_child_name (f->window->view_stack, "actors");
  sp_gui_test_settle (GTK_WIDGET (f->window));

  /* Both in the header, both off while there is nothing to undo or redo */
  g_assert_true (gtk_widget_get_mapped (undo));
  g_assert_true (gtk_widget_get_mapped (redo));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (redo)), ==, "win.redo");
  g_assert_false (gtk_widget_is_sensitive (undo));
  g_assert_false (gtk_widget_is_sensitive (redo));

  g_assert_true (sp_codebook_view_select (view, 0));
  sp_codebook_view_delete_selected (view, TRUE);
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_true (gtk_widget_is_sensitive (undo));
  g_assert_false (gtk_widget_is_sensitive (redo));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (undo), ==, "Undo Delete Actor");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_cmpuint (sp_codebook_view_get_n_items (view), ==, 3);
  g_assert_false (gtk_widget_is_sensitive (undo));
  g_assert_true (gtk_widget_is_sensitive (redo));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (redo), ==, "Redo Delete Actor");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (undo), ==, "Undo");
  g_object_unref (sp_gui_test_screenshot (GTK_WIDGET (f->window), "window-undone.png"));

  /* The undo's toast brings the step back */
  toast_redo = sp_gui_test_find_toast_action (GTK_WIDGET (f->window->toast_overlay), "win.redo");
  g_assert_nonnull (toast_redo);
  g_assert_true (GTK_IS_BUTTON (toast_redo) && gtk_widget_is_sensitive (toast_redo));
  /* A click: activate() would press the button for a quarter of a second first */
  g_signal_emit_by_name (toast_redo, "clicked");
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_cmpuint (sp_codebook_view_get_n_items (view), ==, 2);
  g_assert_true (gtk_widget_is_sensitive (undo));
  g_assert_false (gtk_widget_is_sensitive (redo));
}

static int
count_toasts (GtkWidget *widget)
{
  int n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += (g_strcmp0 (gtk_widget_get_css_name (child), "toast") == 0 && gtk_widget_get_visible (child))
         + count_toasts (child);

  return n;
}

/* Ctrl+Z and Ctrl+Shift+Z held down: a step every few frames, each while the last step's
 * toast still slides in. One toast follows along, offering to reverse the last step (and
 * nothing crashes: libadwaita 1.2 uses freed memory when a toast is dismissed mid-slide). */
static void
test_undo_held_down (Fixture       *f,
                     gconstpointer  data)
{
  SpCodebookView *view = SP_CODEBOOK_VIEW (f->window->actors_view);
  GtkWidget *overlay = GTK_WIDGET (f->window->toast_overlay);

  adw_view_stack_set_visible_child_name (f->window->view_stack, "actors");
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_true (sp_codebook_view_select (view, 0));
  sp_codebook_view_delete_selected (view, TRUE);

  for (guint i = 0; i < 24; i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), i % 2 ? "win.redo" : "win.undo", NULL));
      sp_gui_test_animate_for (GTK_WIDGET (f->window), 40 + 20 * (i % 5));
    }

  sp_gui_test_animate_for (GTK_WIDGET (f->window), 400);
  /* The last step was a redo: the one toast offers to undo it */
  g_assert_cmpuint (sp_codebook_view_get_n_items (view), ==, 2);
  g_assert_cmpint (count_toasts (overlay), ==, 1);
  g_assert_nonnull (sp_gui_test_find_toast_action (overlay, "win.undo"));
  g_assert_null (sp_gui_test_find_toast_action (overlay, "win.redo"));
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
  sp_gui_test_settle (GTK_WIDGET (f->window));
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_object_unref (sp_gui_test_screenshot (GTK_WIDGET (f->window), "window-issues-narrow.png"));
  g_assert_true (sp_gui_test_shows_text (GTK_WIDGET (f->window->issues_view), proposition));

  adw_view_stack_set_visible_child_name (f->window->view_stack, "actors");
  sp_gui_test_settle (GTK_WIDGET (f->window));
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_object_unref (sp_gui_test_screenshot (GTK_WIDGET (f->window), "window-actors-narrow.png"));
  g_assert_true (sp_gui_test_shows_text (GTK_WIDGET (f->window->actors_view),
                             "Northland head of state, President of the Northland Federation, the president"));
}

/* The issue dialog edits opposing keywords: a phrase in both lists is refused with the
 * reason shown and nothing written; a save is one undo step; the Issues view lists them */

static gboolean
is_entry_row_titled (GtkWidget *widget,
                     gpointer   title)
{
  return ADW_IS_ENTRY_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static GtkEditable *
find_entry_row (GtkWindow  *dialog,
                const char *title)
{
  GtkWidget *row = sp_gui_test_find (GTK_WIDGET (dialog), is_entry_row_titled, (gpointer)title);

  g_assert_nonnull (row);
  return GTK_EDITABLE (row);
}

static void
test_opposing_keywords (Fixture       *f,
                        gconstpointer  data)
{
  SpCodebookView *view = SP_CODEBOOK_VIEW (f->window->issues_view);
  SpProject *project = sp_window_get_project (f->window);
  g_autoptr(SpIssue) issue = NULL;
  GtkWindow *dialog;

  adw_view_stack_set_visible_child_name (f->window->view_stack, "issues");
  sp_gui_test_settle (GTK_WIDGET (f->window));
  /* no issue has opposing keywords or excluded phrases: their columns are not shown */
  g_assert_false (sp_gui_test_shows_text (GTK_WIDGET (view), "Opposing Keywords"));
  g_assert_false (sp_gui_test_shows_text (GTK_WIDGET (view), "Excluded Phrases"));
  g_assert_true (sp_codebook_view_select (view, 0));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "codebook.edit", NULL));
  sp_gui_test_settle (GTK_WIDGET (f->window));
  dialog = sp_gui_test_find_dialog (GTK_WINDOW (f->window));
  g_assert_nonnull (dialog);

  gtk_editable_set_text (find_entry_row (dialog, "Keywords"), "ceasefire, truce");
  gtk_editable_set_text (find_entry_row (dialog, "Opposing Keywords"), "fighting on, Truce");
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (dialog), "form.save", NULL) &&
                  sp_gui_test_find_dialog (GTK_WINDOW (f->window)) == NULL);
  sp_gui_test_settle (GTK_WIDGET (dialog));
  g_assert_true (sp_gui_test_shows_text (GTK_WIDGET (dialog), "“Truce” is both among the keywords and the opposing keywords"));
  issue = sp_project_get_issue (project, f->ceasefire, NULL);
  g_assert_null (sp_issue_get_keywords (issue)[0]);

  gtk_editable_set_text (find_entry_row (dialog, "Opposing Keywords"), "fighting on, offensive");
  gtk_editable_set_text (find_entry_row (dialog, "Excluded Phrases"), "truce talks");
  sp_gui_test_settle (GTK_WIDGET (dialog));
  g_object_unref (sp_gui_test_screenshot (GTK_WIDGET (dialog), "issue-dialog-opposing.png"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "form.save", NULL));
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_null (sp_gui_test_find_dialog (GTK_WINDOW (f->window)));

  g_clear_object (&issue);
  issue = sp_project_get_issue (project, f->ceasefire, NULL);
  g_assert_cmpstrv (sp_issue_get_keywords (issue), ((const char * const[]) { "ceasefire", "truce", NULL }));
  g_assert_cmpstrv (sp_issue_get_opposing_keywords (issue), ((const char * const[]) { "fighting on", "offensive", NULL }));
  g_assert_cmpstrv (sp_issue_get_excluded_phrases (issue), ((const char * const[]) { "truce talks", NULL }));
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_true (sp_gui_test_shows_text (GTK_WIDGET (view), "fighting on, offensive"));
  g_assert_true (sp_gui_test_shows_text (GTK_WIDGET (view), "truce talks"));
  g_assert_true (sp_gui_test_shows_text (GTK_WIDGET (view), "Excluded Phrases"));
  g_object_unref (sp_gui_test_screenshot (GTK_WIDGET (f->window), "window-issues-opposing.png"));

  /* one undo takes back the keywords and the opposing keywords */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_clear_object (&issue);
  issue = sp_project_get_issue (project, f->ceasefire, NULL);
  g_assert_null (sp_issue_get_keywords (issue)[0]);
  g_assert_null (sp_issue_get_opposing_keywords (issue)[0]);
  g_assert_null (sp_issue_get_excluded_phrases (issue)[0]);
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_false (sp_gui_test_shows_text (GTK_WIDGET (view), "Excluded Phrases"));
}

/* Ctrl++ adds an issue though the focus is in the header (where Alt+3 leaves it), and the
 * dialog opens with its first field focused, so that typing fills it in */
static void
test_add_by_keyboard (Fixture       *f,
                      gconstpointer  data)
{
  GtkWindow *dialog;
  GtkWidget *focus;

  adw_view_stack_set_visible_child_name (f->window->view_stack, "issues");
  sp_gui_test_settle (GTK_WIDGET (f->window));
  gtk_widget_set_sensitive (GTK_WIDGET (f->window->undo_button), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (f->window->undo_button));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (f->window->undo_button)));
  g_assert_true (sp_gui_test_press_key (GTK_WINDOW (f->window), GDK_KEY_plus, GDK_CONTROL_MASK));
  sp_gui_test_settle (GTK_WIDGET (f->window));
  dialog = sp_gui_test_find_dialog (GTK_WINDOW (f->window));
  g_assert_nonnull (dialog);
  g_assert_true (SP_IS_ISSUE_DIALOG (dialog));
  sp_gui_test_settle (GTK_WIDGET (dialog));
  focus = gtk_root_get_focus (GTK_ROOT (dialog));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (find_entry_row (dialog, "Label"))));
  gtk_window_close (dialog);
  sp_gui_test_settle (GTK_WIDGET (f->window));

  /* and from inside the view, with the focus in its filter */
  gtk_widget_grab_focus (sp_gui_test_find_type (GTK_WIDGET (f->window->issues_view), GTK_TYPE_SEARCH_ENTRY));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), GTK_WIDGET (f->window->issues_view)));
  g_assert_true (sp_gui_test_press_key (GTK_WINDOW (f->window), GDK_KEY_plus, GDK_CONTROL_MASK));
  sp_gui_test_settle (GTK_WIDGET (f->window));
  dialog = sp_gui_test_find_dialog (GTK_WINDOW (f->window));
  g_assert_true (SP_IS_ISSUE_DIALOG (dialog));
  gtk_window_close (dialog);
  sp_gui_test_settle (GTK_WIDGET (f->window));

  /* the Documents view has no codebook table: nothing opens there */
  adw_view_stack_set_visible_child_name (f->window->view_stack, "documents");
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_false (sp_gui_test_press_key (GTK_WINDOW (f->window), GDK_KEY_plus, GDK_CONTROL_MASK));
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_null (sp_gui_test_find_dialog (GTK_WINDOW (f->window)));
}

int
main (int   argc,
      char *argv[])
{
  sp_gui_test_init (&argc, &argv);

  SP_GUI_TEST_ADD_TALKS ("/window/delete-actor-and-undo", test_delete_actor_and_undo);
  SP_GUI_TEST_ADD_TALKS ("/window/undo-redo-buttons", test_undo_redo_buttons);
  SP_GUI_TEST_ADD_TALKS ("/window/undo-held-down", test_undo_held_down);
  SP_GUI_TEST_ADD_TALKS ("/window/codebook-text-wraps", test_codebook_text_wraps);
  SP_GUI_TEST_ADD_TALKS ("/window/opposing-keywords", test_opposing_keywords);
  SP_GUI_TEST_ADD_TALKS ("/window/add-by-keyboard", test_add_by_keyboard);

  return g_test_run ();
}
