/* test-window-profiles.c
 *
 * The actor and issue profiles of the real window under Xvfb: opened from the codebook
 * tables, what they show (positions, aliases, members, claims; sides with their strongest
 * quote, the timeline), Back by keyboard, a claim opening its sentence in the reader, the
 * window actions the matrix's headers use, and merging two actors with Undo and Redo.
 * Screenshots at 1200 and 560 px are saved next to the test binary (profile-*.png).
 */
#include "config.h"

#include <adwaita.h>

#include "sp-actor-dialog.h"
#include "sp-gui-test-talks.h"
#include "sp-gui-test-util.h"
#include "sp-test-util.h"
#include "sp-window-private.h"

typedef SpGuiTestTalks Fixture;

typedef struct
{
  const char *action_name;
  gint64      target;
} Target;

static gboolean
is_row_for (GtkWidget *widget,
            gpointer   data)
{
  Target *wanted = data;
  GVariant *value;

  if (!GTK_IS_LIST_BOX_ROW (widget) || !gtk_widget_is_drawable (widget) ||
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), wanted->action_name) != 0)
    return FALSE;

  value = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget));
  return value != NULL && g_variant_is_of_type (value, G_VARIANT_TYPE_INT64) &&
         g_variant_get_int64 (value) == wanted->target;
}

/* Returns: (transfer none) (nullable): the drawn row that runs @action_name with @target */
static GtkWidget *
find_row (GtkWidget  *widget,
          const char *action_name,
          gint64      target)
{
  Target wanted = { action_name, target };

  return sp_gui_test_find (widget, is_row_for, &wanted);
}

static void
settle (Fixture *f)
{
  sp_gui_test_settle (GTK_WIDGET (f->window));
  sp_gui_test_iterate_until (sp_gui_test_transitions_done, f->window);
  sp_gui_test_settle (GTK_WIDGET (f->window));
}

/* Ana Berg +2 and Tomas Reyes −2 on the ceasefire, Berg −1 on membership; the article is
 * dated 4 March 2025 */
static void
add_claims (Fixture *f,
            gint64  *berg_claim)
{
  SpProject *project = sp_window_get_project (f->window);
  const char *body = sp_gui_test_talks_body;
  guint berg_start = sp_gui_test_offset_of (body, "Ana Berg said");
  guint reyes_start = sp_gui_test_offset_of (body, "Tomas Reyes");
  SpClaimSpec berg = { f->document, berg_start, berg_start + 63, f->berg, f->ceasefire, 2, NULL, SP_CLAIM_ORIGIN_MANUAL, 0 };
  SpClaimSpec berg_no = { f->document, berg_start, berg_start + 63, f->berg, f->membership, -1, NULL, SP_CLAIM_ORIGIN_MANUAL, 0 };
  SpClaimSpec reyes = { f->document, reyes_start, reyes_start + 52, f->reyes, f->ceasefire, -2, NULL, SP_CLAIM_ORIGIN_MANUAL, 0 };
  SpDocumentMetadata metadata = { "Talks in Portbridge", "2025-03-04", NULL, NULL, NULL };
  g_autoptr(GError) error = NULL;

  g_assert_true (sp_project_update_document (project, f->document, &metadata, &error));
  *berg_claim = sp_project_add_claim (project, &berg, &error);
  g_assert_cmpint (sp_project_add_claim (project, &berg_no, &error), >, 0);
  g_assert_cmpint (sp_project_add_claim (project, &reyes, &error), >, 0);
  g_assert_no_error (error);
}

/* An earlier article, of January 2025, where Tomas Reyes was neutral on the ceasefire */
static void
add_january (Fixture *f)
{
  static const char body[] = "Tomas Reyes would not say whether a ceasefire could hold.";
  SpProject *project = sp_window_get_project (f->window);
  SpDocumentMetadata metadata = { "Earlier talks", "2025-01-10", NULL, NULL, NULL };
  g_autoptr(GError) error = NULL;
  gint64 document = sp_test_add_document (project, "earlier.txt", "Earlier talks", body);
  SpClaimSpec reyes = { document, 0, sizeof body - 1, f->reyes, f->ceasefire, 0, NULL, SP_CLAIM_ORIGIN_MANUAL, 0 };

  g_assert_true (sp_project_update_document (project, document, &metadata, &error));
  g_assert_cmpint (sp_project_add_claim (project, &reyes, &error), >, 0);
  g_assert_no_error (error);
}

static guint
position_of (SpCodebookView *view,
             const char     *name)
{
  for (guint i = 0; i < sp_codebook_view_get_n_items (view); i++)
    {
      g_autoptr(GObject) item = sp_codebook_view_dup_item (view, i);
      g_autofree char *item_name = NULL;

      g_object_get (item, SP_IS_ACTOR (item) ? "name" : "label", &item_name, NULL);
      if (g_str_equal (item_name, name))
        return i;
    }

  g_assert_not_reached ();
}

/* Activates the table's row as a double click or Enter would */
static void
activate_row (Fixture        *f,
              SpCodebookView *view,
              const char     *name)
{
  GtkWidget *table = sp_gui_test_find_type (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW);

  g_assert_nonnull (table);
  g_signal_emit_by_name (table, "activate", position_of (view, name));
  settle (f);
}

static void
test_actor_profile (Fixture       *f,
                    gconstpointer  data)
{
  SpCodebookView *view = SP_CODEBOOK_VIEW (f->window->actors_view);
  GtkWidget *profile = GTK_WIDGET (sp_actors_view_get_profile (f->window->actors_view));
  SpReader *reader = sp_documents_view_get_reader (f->window->documents_view);
  GtkWidget *claim_row;
  GtkWidget *members;
  GtkWindow *dialog;
  gint64 berg_claim;
  guint start;
  guint end;

  add_claims (f, &berg_claim);
  adw_view_stack_set_visible_child_name (f->window->view_stack, "actors");
  settle (f);
  activate_row (f, view, "Ana Berg");

  g_assert_true (sp_codebook_view_get_profile_shown (view));
  g_assert_cmpint (sp_actor_profile_get_actor_id (SP_ACTOR_PROFILE (profile)), ==, f->berg);
  g_assert_true (gtk_widget_get_mapped (profile));
  g_assert_true (sp_gui_test_shows_text (profile, "Ana Berg"));
  g_assert_true (sp_gui_test_shows_text (profile, "Person · part of Northland"));
  g_assert_true (sp_gui_test_shows_text (profile, "Also known as: Berg"));

  /* The actor's row of the matrix: both issues, each with its count and latest claim */
  g_assert_nonnull (find_row (profile, "win.show-issue", f->ceasefire));
  g_assert_nonnull (find_row (profile, "win.show-issue", f->membership));
  g_assert_true (sp_gui_test_shows_text (profile, "Ceasefire first"));
  g_assert_true (sp_gui_test_shows_text (profile, "1 claim · latest 4 Mar 2025 (+2)"));
  g_assert_true (sp_gui_test_shows_text (profile, "1 claim · latest 4 Mar 2025 (−1)"));
  g_assert_true (sp_gui_test_shows_text (profile, "Claims (2)"));
  /* No members: the section is not there */
  members = sp_gui_test_find_label (profile, "Members");
  g_assert_true (members == NULL || !gtk_widget_is_drawable (members));
  /* The editor stays one click away */
  sp_gui_test_assert_action_button (profile, "profile.edit", TRUE);
  sp_gui_test_assert_action_button (profile, "profile.merge", TRUE);
  g_object_unref (sp_gui_test_screenshot (GTK_WIDGET (f->window), "profile-actor.png"));

  /* Ctrl+E opens the actor's editor over the window */
  g_assert_null (sp_gui_test_find_dialog (GTK_WINDOW (f->window)));
  g_assert_true (sp_gui_test_press_key (GTK_WINDOW (f->window), GDK_KEY_e, GDK_CONTROL_MASK));
  settle (f);
  dialog = sp_gui_test_find_dialog (GTK_WINDOW (f->window));
  g_assert_true (SP_IS_ACTOR_DIALOG (dialog));
  gtk_window_destroy (dialog);
  settle (f);
  gtk_widget_grab_focus (profile);

  /* The keyboard is in the page: Alt+Left goes back to the table */
  g_assert_true (sp_gui_test_is_inside (gtk_root_get_focus (GTK_ROOT (f->window)), profile));
  g_assert_true (sp_gui_test_press_key (GTK_WINDOW (f->window), GDK_KEY_Left, GDK_ALT_MASK));
  settle (f);
  g_assert_false (sp_codebook_view_get_profile_shown (view));
  g_assert_cmpint (sp_actor_profile_get_actor_id (SP_ACTOR_PROFILE (profile)), ==, 0);

  /* Again, and a claim opens its sentence in the reader */
  activate_row (f, view, "Ana Berg");
  claim_row = find_row (profile, "win.show-claim", berg_claim);
  g_assert_nonnull (claim_row);
  g_signal_emit_by_name (claim_row, "activate");
  settle (f);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (f->window->view_stack), ==, "documents");
  g_assert_true (sp_reader_get_selection (reader, &start, &end));
  g_assert_cmpuint (start, ==, sp_gui_test_offset_of (sp_gui_test_talks_body, "Ana Berg said"));
}

static void
test_actor_without_claims (Fixture       *f,
                           gconstpointer  data)
{
  SpCodebookView *view = SP_CODEBOOK_VIEW (f->window->actors_view);
  GtkWidget *profile = GTK_WIDGET (sp_actors_view_get_profile (f->window->actors_view));
  GtkWidget *member;

  gtk_window_set_default_size (GTK_WINDOW (f->window), 560, 760);
  adw_view_stack_set_visible_child_name (f->window->view_stack, "actors");
  settle (f);

  /* The toolbar's Show Profile opens the selected row's profile */
  sp_gui_test_assert_action_button (GTK_WIDGET (view), "codebook.open", FALSE);
  g_assert_true (sp_codebook_view_select (view, position_of (view, "Northland")));
  settle (f);
  sp_gui_test_assert_action_button (GTK_WIDGET (view), "codebook.open", TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "codebook.open", NULL));
  settle (f);

  g_assert_true (sp_gui_test_shows_text (profile, "Northland"));
  g_assert_true (sp_gui_test_shows_text (profile, "No Claims Yet"));
  g_assert_true (sp_gui_test_shows_text (profile, "No aliases"));
  g_assert_true (sp_gui_test_shows_text (profile, "No claims"));
  /* Its member, which opens the member's profile */
  member = find_row (profile, "win.show-actor", f->berg);
  g_assert_nonnull (member);
  g_assert_true (gtk_widget_get_width (GTK_WIDGET (f->window)) <= 600);
  g_object_unref (sp_gui_test_screenshot (GTK_WIDGET (f->window), "profile-actor-empty-narrow.png"));

  g_signal_emit_by_name (member, "activate");
  settle (f);
  g_assert_cmpint (sp_actor_profile_get_actor_id (SP_ACTOR_PROFILE (profile)), ==, f->berg);
  g_assert_true (sp_gui_test_shows_text (profile, "Ana Berg"));
  g_object_unref (sp_gui_test_screenshot (GTK_WIDGET (f->window), "profile-actor-narrow.png"));

  /* Escape goes back too; the keyboard stayed in the page when it showed another actor */
  g_assert_true (sp_gui_test_is_inside (gtk_root_get_focus (GTK_ROOT (f->window)), profile));
  g_assert_true (sp_gui_test_press_key (GTK_WINDOW (f->window), GDK_KEY_Escape, 0));
  settle (f);
  g_assert_false (sp_codebook_view_get_profile_shown (view));

  /* A project that cannot be changed: the profile reads, and offers no edit or merge */
  sp_codebook_view_set_editable (view, FALSE);
  activate_row (f, view, "Ana Berg");
  sp_gui_test_assert_action_button (profile, "profile.edit", FALSE);
  sp_gui_test_assert_action_button (profile, "profile.merge", FALSE);
  g_assert_true (sp_gui_test_shows_text (profile, "Ana Berg"));
}

static void
test_issue_profile (Fixture       *f,
                    gconstpointer  data)
{
  SpCodebookView *view = SP_CODEBOOK_VIEW (f->window->issues_view);
  GtkWidget *profile = GTK_WIDGET (sp_issues_view_get_profile (f->window->issues_view));
  GtkScrolledWindow *scroller;
  GtkAdjustment *adjustment;
  gint64 berg_claim;

  add_claims (f, &berg_claim);
  add_january (f);
  adw_view_stack_set_visible_child_name (f->window->view_stack, "issues");
  settle (f);
  activate_row (f, view, "Ceasefire first");

  g_assert_true (sp_codebook_view_get_profile_shown (view));
  g_assert_cmpint (sp_issue_profile_get_issue_id (SP_ISSUE_PROFILE (profile)), ==, f->ceasefire);
  g_assert_true (sp_gui_test_shows_text (profile, "ceasefire"));
  g_assert_true (sp_gui_test_shows_text (profile, "3 claims by 2 actors: 1 for, 1 against, 0 neutral"));
  g_assert_true (sp_gui_test_shows_text (profile, "For (1)"));
  g_assert_true (sp_gui_test_shows_text (profile, "Against (1)"));
  g_assert_false (sp_gui_test_shows_text (profile, "Neutral (0)"));
  /* Each side's actor with its strongest quote, which opens in the reader */
  g_assert_true (sp_gui_test_shows_text (profile, "Strongest claim (+2) · Talks in Portbridge · 4 Mar 2025"));
  g_assert_true (sp_gui_test_shows_text (profile, "Ana Berg said a ceasefire must come before any talk of borders."));
  g_assert_true (sp_gui_test_shows_text (profile, "Tomas Reyes rejected a ceasefire without guarantees."));
  g_assert_nonnull (find_row (profile, "win.show-claim", berg_claim));
  /* Reyes's strongest is his −2 of March, not his neutral claim of January */
  g_assert_true (sp_gui_test_shows_text (profile, "Strongest claim (−2) · Talks in Portbridge · 4 Mar 2025"));
  g_assert_true (sp_gui_test_shows_text (profile, "2 claims"));
  /* The timeline: each month with its counts, the latest first */
  g_assert_true (sp_gui_test_shows_text (profile, "March 2025"));
  g_assert_true (sp_gui_test_shows_text (profile, "1 for · 1 against · 0 neutral"));
  g_assert_true (sp_gui_test_shows_text (profile, "January 2025"));
  g_assert_true (sp_gui_test_shows_text (profile, "0 for · 0 against · 1 neutral"));
  g_assert_false (sp_gui_test_shows_text (profile, "February 2025"));
  g_object_unref (sp_gui_test_screenshot (GTK_WIDGET (f->window), "profile-issue.png"));
  scroller = GTK_SCROLLED_WINDOW (sp_gui_test_find_type (profile, GTK_TYPE_SCROLLED_WINDOW));
  adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  settle (f);
  g_object_unref (sp_gui_test_screenshot (GTK_WIDGET (f->window), "profile-issue-timeline.png"));

  gtk_window_set_default_size (GTK_WINDOW (f->window), 560, 760);
  settle (f);
  g_assert_true (sp_gui_test_shows_text (profile, "For (1)"));
  g_object_unref (sp_gui_test_screenshot (GTK_WIDGET (f->window), "profile-issue-narrow.png"));

  /* An issue without claims says so */
  activate_row (f, view, "Alliance membership");
  g_assert_true (sp_gui_test_shows_text (profile, "1 claim by 1 actor: 0 for, 1 against, 0 neutral"));
  g_assert_cmpint (sp_project_add_issue (sp_window_get_project (f->window), "elections", "Early elections",
                                         "Northland should hold early elections", NULL, NULL), >, 0);
  settle (f);
  activate_row (f, view, "Early elections");
  g_assert_true (sp_gui_test_shows_text (profile, "No Claims on This Issue Yet"));
  g_assert_true (sp_gui_test_shows_text (profile, "Northland should hold early elections"));
  g_assert_false (sp_gui_test_shows_text (profile, "Timeline"));
}

/* What the matrix's row and column headers call */
static void
test_window_actions (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *actor_profile = GTK_WIDGET (sp_actors_view_get_profile (f->window->actors_view));
  GtkWidget *issue_profile = GTK_WIDGET (sp_issues_view_get_profile (f->window->issues_view));
  gint64 berg_claim;

  add_claims (f, &berg_claim);
  adw_view_stack_set_visible_child_name (f->window->view_stack, "matrix");
  settle (f);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-issue", "x", f->ceasefire));
  settle (f);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (f->window->view_stack), ==, "issues");
  g_assert_cmpint (sp_issue_profile_get_issue_id (SP_ISSUE_PROFILE (issue_profile)), ==, f->ceasefire);

  /* From the issue to an actor on it */
  g_assert_nonnull (sp_gui_test_find_drawn_actionable (issue_profile, "win.show-actor", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-actor", "x", f->reyes));
  settle (f);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (f->window->view_stack), ==, "actors");
  g_assert_cmpint (sp_actor_profile_get_actor_id (SP_ACTOR_PROFILE (actor_profile)), ==, f->reyes);
  g_assert_true (sp_gui_test_shows_text (actor_profile, "Tomas Reyes"));

  /* An id that is no actor changes nothing and says why */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-actor", "x", (gint64)4242));
  settle (f);
  g_assert_cmpint (sp_actor_profile_get_actor_id (SP_ACTOR_PROFILE (actor_profile)), ==, f->reyes);
}

static void
test_merge_and_undo (Fixture       *f,
                     gconstpointer  data)
{
  SpCodebookView *view = SP_CODEBOOK_VIEW (f->window->actors_view);
  SpProject *project = sp_window_get_project (f->window);
  GtkWidget *profile = GTK_WIDGET (sp_actors_view_get_profile (f->window->actors_view));
  GtkWindow *dialog;
  GtkDropDown *choice;
  GListModel *names;
  guint reyes_position = G_MAXUINT;
  gint64 berg_claim;

  add_claims (f, &berg_claim);
  adw_view_stack_set_visible_child_name (f->window->view_stack, "actors");
  settle (f);
  activate_row (f, view, "Ana Berg");
  g_assert_true (sp_gui_test_shows_text (profile, "Claims (2)"));

  /* The dialog offers every actor but Ana Berg and Northland, which she is part of */
  g_assert_true (gtk_widget_activate_action (profile, "profile.merge", NULL));
  settle (f);
  dialog = sp_gui_test_find_dialog (GTK_WINDOW (f->window));
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  choice = GTK_DROP_DOWN (adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog)));
  names = gtk_drop_down_get_model (choice);
  g_assert_cmpuint (g_list_model_get_n_items (names), ==, 1);
  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (names), i), "Tomas Reyes"))
      reyes_position = i;
  g_assert_cmpuint (reyes_position, !=, G_MAXUINT);
  g_object_unref (sp_gui_test_screenshot (GTK_WIDGET (dialog), "profile-merge-dialog.png"));

  gtk_drop_down_set_selected (choice, reyes_position);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "merge");
  settle (f);

  /* One actor fewer; the claims, and the name as an alias, are Ana Berg's */
  g_assert_cmpuint (sp_codebook_view_get_n_items (view), ==, 2);
  g_assert_true (sp_codebook_view_get_profile_shown (view));
  g_assert_true (sp_gui_test_shows_text (profile, "Claims (3)"));
  g_assert_true (sp_gui_test_shows_text (profile, "Also known as: Berg, Tomas Reyes"));
  g_assert_cmpstr (sp_project_get_undo_label (project), ==, "Merge Actors");
  g_assert_nonnull (sp_gui_test_find_toast_action (GTK_WIDGET (f->window->toast_overlay), "win.undo"));
  g_object_unref (sp_gui_test_screenshot (GTK_WIDGET (f->window), "profile-merged.png"));

  /* One undo brings Tomas Reyes back with his claim */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  settle (f);
  g_assert_cmpuint (sp_codebook_view_get_n_items (view), ==, 3);
  g_assert_true (sp_gui_test_shows_text (profile, "Claims (2)"));
  g_assert_true (sp_gui_test_shows_text (profile, "Also known as: Berg"));
  g_assert_cmpint (sp_test_count_rows (project, "SELECT count(*) FROM claims WHERE actor_id = (SELECT id FROM actors WHERE name = 'Tomas Reyes')"), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL));
  settle (f);
  g_assert_cmpuint (sp_codebook_view_get_n_items (view), ==, 2);
  g_assert_true (sp_gui_test_shows_text (profile, "Claims (3)"));

  /* Merging Ana Berg away from Northland's page sends her page back to the table */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  settle (f);
  g_assert_true (sp_project_merge_actors (project, f->reyes, f->berg, NULL));
  settle (f);
  g_assert_false (sp_codebook_view_get_profile_shown (view));
}

int
main (int   argc,
      char *argv[])
{
  sp_gui_test_init (&argc, &argv);

  SP_GUI_TEST_ADD_TALKS ("/profiles/actor", test_actor_profile);
  SP_GUI_TEST_ADD_TALKS ("/profiles/actor-without-claims", test_actor_without_claims);
  SP_GUI_TEST_ADD_TALKS ("/profiles/issue", test_issue_profile);
  SP_GUI_TEST_ADD_TALKS ("/profiles/window-actions", test_window_actions);
  SP_GUI_TEST_ADD_TALKS ("/profiles/merge-and-undo", test_merge_and_undo);

  return g_test_run ();
}
