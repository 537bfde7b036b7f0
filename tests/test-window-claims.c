/* test-window-claims.c
 *
 * Claims through the real window under Xvfb: tagging a selection with the claim popover and
 * undoing it, opening a claim from the list to edit or delete it, and going from a claim to
 * its sentence as the matrix's cell popover does. Screenshots are saved next to the test
 * binary (window-*.png) for people to look at.
 */
#include "config.h"

#include <adwaita.h>

#include "sp-gui-test-talks.h"
#include "sp-gui-test-util.h"
#include "sp-test-util.h"
#include "sp-window-private.h"

typedef SpGuiTestTalks Fixture;

/* Tagging a claim */

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
  guint start = sp_gui_test_offset_of (sp_gui_test_talks_body, sentence);
  SpDocument *shown;

  g_assert_true (sp_documents_view_select_document (view, f->document));
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_cmpuint (sp_documents_view_get_n_claims (view), ==, 0);

  /* As a mouse drag often does, with a space on either side */
  sp_gui_test_select_text (reader, start - 1, start + g_utf8_strlen (sentence, -1) + 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.tag-claim", NULL));
  sp_gui_test_settle (GTK_WIDGET (f->window));
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
  sp_gui_test_settle (GTK_WIDGET (f->window));
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
  g_object_unref (sp_gui_test_screenshot (GTK_WIDGET (f->window), "window-tagged.png"));

  /* Ctrl+Z takes it back out of the file and the view; Ctrl+Shift+Z restores it */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_cmpuint (sp_documents_view_get_n_claims (view), ==, 0);
  g_assert_cmpuint (sp_reader_count_highlighted (reader, start + 3), ==, 0);
  g_clear_object (&claims);
  claims = sp_project_list_claims (project, 0, &error);
  g_assert_cmpuint (g_list_model_get_n_items (claims), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL));
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_cmpuint (sp_documents_view_get_n_claims (view), ==, 1);
  g_assert_cmpuint (sp_reader_count_highlighted (reader, start + 3), ==, 1);
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
  sp_gui_test_settle (GTK_WIDGET (f->window));

  row = sp_gui_test_find_claim_row (GTK_WIDGET (view), 0);
  g_assert_nonnull (row);
  gtk_widget_activate (row);
  sp_gui_test_settle (GTK_WIDGET (f->window));
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
  sp_gui_test_settle (GTK_WIDGET (f->window));
  gtk_widget_activate (sp_gui_test_find_claim_row (GTK_WIDGET (view), 0));
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (popover), "claim.delete", NULL));
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_null (sp_gui_test_find_claim_row (GTK_WIDGET (view), 0));
  g_clear_object (&claim);
  claim = sp_project_get_claim (project, id, &error);
  g_assert_null (claim);
  g_clear_error (&error);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_nonnull (sp_gui_test_find_claim_row (GTK_WIDGET (view), 0));
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
  guint claimed = sp_gui_test_offset_of (sp_gui_test_talks_body, "Ana Berg said");
  SpClaimSpec spec = { f->document, claimed, claimed + 13, f->berg, f->ceasefire, 2, NULL, SP_CLAIM_ORIGIN_MANUAL, 0 };
  gint64 id = sp_project_add_claim (project, &spec, &error);
  guint start, end;

  sp_project_notify_changed (project, SP_CHANGE_DOCUMENTS);
  g_assert_true (sp_documents_view_select_document (f->window->documents_view, other));
  adw_view_stack_set_visible_child_name (f->window->view_stack, "matrix");
  sp_gui_test_settle (GTK_WIDGET (f->window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-claim", "x", id));
  sp_gui_test_settle (GTK_WIDGET (f->window));

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
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
}

int
main (int   argc,
      char *argv[])
{
  sp_gui_test_init (&argc, &argv);

  SP_GUI_TEST_ADD_TALKS ("/window/tag-claim", test_tag_claim);
  SP_GUI_TEST_ADD_TALKS ("/window/tag-without-selection", test_tag_without_selection);
  SP_GUI_TEST_ADD_TALKS ("/window/edit-and-delete-claim", test_edit_and_delete_claim);
  SP_GUI_TEST_ADD_TALKS ("/window/show-claim", test_show_claim);

  return g_test_run ();
}
