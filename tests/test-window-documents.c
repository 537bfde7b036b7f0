/* test-window-documents.c
 *
 * Managing documents through the real window under Xvfb, at 1280 and 400 px: sorting the
 * list and its count, the full-text search and its matches in the reader, the find bar,
 * removed text shown inside the reader and restored (and undone), where a date came from, a
 * title that is no headline, a near duplicate, and editing and deleting documents with the
 * mouse's menu and the keyboard. Screenshots are saved next to the test binary
 * (manage-*.png) for people to look at.
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "sp-gui-test-util.h"
#include "sp-test-util.h"
#include "sp-window-private.h"

typedef struct
{
  char            *dir;
  int              width;
  SpWindow        *window;
  SpDocumentsView *view;
  SpReader        *reader;
  SpProject       *project;   /* the window's */
  gint64           wire;      /* dated from metadata, with removed blocks and a claim */
  gint64           repost;    /* the wire story again on another site: a near duplicate */
  gint64           untitled;  /* no headline, the file's date */
  gint64           undated;   /* no date, no claims */
  guint            claim_start;
  guint            claim_end;
} Fixture;

static const char wire_body[] =
  "Ceasefire talks resume in Geneva\n\n"
  "Negotiators from both sides met in Geneva on Friday to resume the ceasefire talks.\n\n"
  "The mediators said the humanitarian corridor would stay open through the winter.\n\n"
  "A second round is planned for June.";
static const char claimed_sentence[] = "the humanitarian corridor would stay open through the winter";
static const char teaser_block[] = "Related: Ten things to know about Geneva";
static const char share_block[] = "Share on Facebook · Share on X · Email this story";

static gint64
add_document (SpProject              *project,
              const SpDocumentFields *fields)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *content_hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, fields->file_name, -1);
  g_autofree char *text_hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, fields->body, -1);
  SpDocumentFields copy = *fields;
  gint64 id;

  copy.content_hash = content_hash;
  copy.text_hash = text_hash;
  id = sp_project_add_document (project, &copy, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  guint paragraph3 = sp_gui_test_offset_of (wire_body, "The mediators");
  SpRemovedBlockFields removed[] = {
    { paragraph3, teaser_block, "a teaser for another article" },
    { g_utf8_strlen (wire_body, -1), share_block, "share bar" },
  };
  SpDocumentFields wire = {
    .file_name = "wire.html", .title = "Ceasefire talks resume in Geneva",
    .title_kind = SP_TITLE_KIND_HEADLINE,
    .date = "2025-05-30", .date_source = SP_DATE_SOURCE_METADATA, .date_confidence = 0.95,
    .source = "Wire Service", .url = "https://wire.example.org/geneva", .author = "A. Reporter",
    .body = wire_body, .removed = removed, .n_removed = G_N_ELEMENTS (removed),
  };
  SpDocumentFields repost = {
    .file_name = "repost.txt", .title = "Geneva: ceasefire talks resume",
    .title_kind = SP_TITLE_KIND_HEADLINE,
    .date = "2025-05-31", .date_source = SP_DATE_SOURCE_DATELINE, .date_confidence = 0.6,
    .source = "Daily Example",
    .body = "GENEVA, May 31 — Negotiators from both sides met in Geneva to resume the ceasefire talks. "
            "The mediators said the humanitarian corridor would stay open through the winter.",
  };
  SpDocumentFields untitled = {
    .file_name = "notes-0412.txt", .title = "Delegations met again behind closed doors",
    .title_kind = SP_TITLE_KIND_FIRST_WORDS,
    .date = "2024-11-02", .date_source = SP_DATE_SOURCE_FILE, .date_confidence = 0.1,
    .source = "Archive",
    .body = "Delegations met again behind closed doors on Tuesday, and no statement followed.",
  };
  SpDocumentFields undated = {
    .file_name = "zeta.md", .title = "Aid convoys wait at the border",
    .title_kind = SP_TITLE_KIND_HEADLINE,
    .body = "Aid convoys waited at the border for a third day while the talks went on.",
  };
  gint64 actor, issue;

  f->width = GPOINTER_TO_INT (data);
  f->dir = sp_test_make_tmpdir ();
  project = sp_test_new_project (f->dir, "manage.standpoint");
  path = g_strdup (sp_project_get_path (project));

  f->wire = add_document (project, &wire);
  repost.near_duplicate_of = f->wire;
  f->repost = add_document (project, &repost);
  f->untitled = add_document (project, &untitled);
  f->undated = add_document (project, &undated);

  actor = sp_project_add_actor (project, "Mediation team", SP_ACTOR_KIND_GROUP, 0, NULL, &error);
  issue = sp_project_add_issue (project, "corridor", "Humanitarian corridor", "The corridor should stay open", NULL, &error);
  g_assert_no_error (error);
  f->claim_start = sp_gui_test_offset_of (wire_body, claimed_sentence);
  f->claim_end = f->claim_start + g_utf8_strlen (claimed_sentence, -1);
  sp_test_add_claim (project, f->wire, f->claim_start, f->claim_end, actor, issue, 2, NULL);
  g_clear_object (&project);

  f->window = sp_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), f->width, 760);
  sp_gui_test_open_project (f->window, path);
  gtk_window_present (GTK_WINDOW (f->window));
  f->view = f->window->documents_view;
  f->reader = sp_documents_view_get_reader (f->view);
  f->project = sp_window_get_project (f->window);
  sp_gui_test_settle (GTK_WIDGET (f->window));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  sp_gui_test_tear_down (f->window, f->dir);
}

static void
screenshot (Fixture    *f,
            const char *what)
{
  g_autofree char *name = g_strdup_printf ("manage-%s-%d.png", what, f->width);

  sp_gui_test_iterate_until (sp_gui_test_transitions_done, f->view);
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_object_unref (sp_gui_test_screenshot (GTK_WIDGET (f->window), name));
}

static void
show (Fixture *f,
      gint64   document)
{
  g_assert_true (sp_documents_view_select_document (f->view, document));
  sp_gui_test_settle (GTK_WIDGET (f->window));
}

static gint64
shown_id (Fixture *f,
          guint    position)
{
  g_autoptr(SpDocument) document = sp_documents_view_get_shown_item (f->view, position);

  return document ? sp_document_get_id (document) : 0;
}

static char *
dup_body (Fixture *f,
          gint64   id)
{
  g_autoptr(GError) error = NULL;
  char *body = sp_project_dup_document_body (f->project, id, &error);

  g_assert_no_error (error);
  return body;
}

/* Sorting and the count */

static void
test_sort (Fixture       *f,
           gconstpointer  data)
{
  g_assert_cmpstr (sp_documents_view_get_count_text (f->view), ==, "4 documents");

  /* By date (the default): oldest first, the undated last */
  g_assert_cmpstr (sp_documents_view_get_sort (f->view), ==, "date");
  g_assert_cmpint (shown_id (f, 0), ==, f->untitled);
  g_assert_cmpint (shown_id (f, 1), ==, f->wire);
  g_assert_cmpint (shown_id (f, 2), ==, f->repost);
  g_assert_cmpint (shown_id (f, 3), ==, f->undated);

  /* Through the menu's action, as a click on "By Title" does; the reader keeps its document */
  show (f, f->repost);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "documents.sort", "s", "title"));
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_cmpint (shown_id (f, 0), ==, f->undated);   /* Aid convoys… */
  g_assert_cmpint (shown_id (f, 1), ==, f->wire);      /* Ceasefire… */
  g_assert_cmpint (shown_id (f, 2), ==, f->untitled);  /* Delegations… */
  g_assert_cmpint (shown_id (f, 3), ==, f->repost);    /* Geneva… */
  g_assert_cmpint (sp_documents_view_get_document_id (f->view), ==, f->repost);
  if (f->width < 700)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "documents.show-list", NULL));
  sp_gui_test_iterate_until (sp_gui_test_transitions_done, f->view);
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_true (sp_gui_test_shows_text (GTK_WIDGET (f->view), "By Title"));
  /* Dates as the reader writes them, the month shortened: not "2024-11-02" */
  g_assert_true (sp_gui_test_shows_text (GTK_WIDGET (f->view), "2 Nov 2024 · Archive"));
  g_assert_true (sp_gui_test_shows_text (GTK_WIDGET (f->view), "30 May 2025 · Wire Service · 1 claim"));
  g_assert_true (sp_gui_test_shows_text (GTK_WIDGET (f->view), "No date"));
  screenshot (f, "sorted");

  /* By source: those without one last */
  sp_documents_view_set_sort (f->view, "source");
  g_assert_cmpint (shown_id (f, 0), ==, f->untitled);  /* Archive */
  g_assert_cmpint (shown_id (f, 1), ==, f->repost);    /* Daily Example */
  g_assert_cmpint (shown_id (f, 2), ==, f->wire);      /* Wire Service */
  g_assert_cmpint (shown_id (f, 3), ==, f->undated);

  /* Remembered in the settings */
  if (gtk_window_get_application (GTK_WINDOW (f->window)) == NULL)
    g_test_message ("no application: the sort is not stored here");
}

/* The full-text search: the list shows the matches, the reader highlights them */

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  GtkEditable *entry;
  guint corridor;

  if (f->width < 700)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "documents.show-list", NULL));
  sp_gui_test_iterate_until (sp_gui_test_transitions_done, f->view);
  sp_gui_test_settle (GTK_WIDGET (f->window));
  entry = GTK_EDITABLE (sp_gui_test_find_drawn_type (GTK_WIDGET (f->view), GTK_TYPE_SEARCH_ENTRY));
  g_assert_nonnull (entry);
  gtk_editable_set_text (entry, "corridor");
  g_signal_emit_by_name (entry, "search-changed");
  sp_gui_test_settle (GTK_WIDGET (f->window));

  /* "corridor" is in the bodies of two documents and in no title */
  g_assert_cmpuint (sp_documents_view_get_n_shown (f->view), ==, 2);
  g_assert_cmpstr (sp_documents_view_get_count_text (f->view), ==, "2 of 4");
  if (f->width < 700)
    screenshot (f, "search-list");

  show (f, f->wire);
  corridor = sp_gui_test_offset_of (wire_body, "corridor");
  g_assert_true (sp_reader_is_match (f->reader, corridor));
  g_assert_false (sp_reader_is_match (f->reader, 0));
  screenshot (f, "search");

  /* Words no document holds: the list says so */
  if (f->width < 700)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "documents.show-list", NULL));
  gtk_editable_set_text (entry, "corridor zeppelin");
  g_signal_emit_by_name (entry, "search-changed");
  sp_gui_test_iterate_until (sp_gui_test_transitions_done, f->view);
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_cmpuint (sp_documents_view_get_n_shown (f->view), ==, 0);
  g_assert_cmpstr (sp_documents_view_get_count_text (f->view), ==, "0 of 4");
  g_assert_true (sp_gui_test_shows_text (GTK_WIDGET (f->view), "No Matches"));

  /* Opening a document the search hides ends the search */
  g_assert_true (sp_documents_view_select_document (f->view, f->undated));
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_cmpuint (sp_documents_view_get_n_shown (f->view), ==, 4);
  g_assert_cmpstr (sp_documents_view_get_count_text (f->view), ==, "4 documents");
}

/* Ctrl+F finds inside the open document; Enter and Shift+Enter step */

static void
test_find_bar (Fixture       *f,
               gconstpointer  data)
{
  GtkEditable *entry = sp_reader_get_find_entry (f->reader);
  guint current = 0;

  show (f, f->wire);
  gtk_widget_grab_focus (GTK_WIDGET (sp_reader_get_text_view (f->reader)));
  g_assert_true (sp_gui_test_press_key (GTK_WINDOW (f->window), GDK_KEY_f, GDK_CONTROL_MASK));
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (entry)) ||
                 sp_gui_test_is_inside (gtk_root_get_focus (GTK_ROOT (f->window)), GTK_WIDGET (entry)));

  /* "the" without case: "The mediators", "the ceasefire", "the humanitarian", "the winter" */
  gtk_editable_set_text (entry, "the");
  g_signal_emit_by_name (entry, "search-changed");
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_cmpuint (sp_reader_get_find_count (f->reader, &current), ==, 4);
  g_assert_cmpuint (current, ==, 1);
  g_assert_true (sp_gui_test_shows_text (GTK_WIDGET (f->reader), "1 of 4"));

  g_signal_emit_by_name (entry, "activate");
  sp_reader_get_find_count (f->reader, &current);
  g_assert_cmpuint (current, ==, 2);
  g_assert_true (sp_gui_test_press_key (GTK_WINDOW (f->window), GDK_KEY_Return, GDK_SHIFT_MASK));
  sp_reader_get_find_count (f->reader, &current);
  g_assert_cmpuint (current, ==, 1);
  /* Backwards round the start */
  g_assert_true (sp_gui_test_press_key (GTK_WINDOW (f->window), GDK_KEY_Return, GDK_SHIFT_MASK));
  sp_reader_get_find_count (f->reader, &current);
  g_assert_cmpuint (current, ==, 4);
  screenshot (f, "find");

  gtk_editable_set_text (entry, "no such words");
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_cmpuint (sp_reader_get_find_count (f->reader, NULL), ==, 0);
  g_assert_true (sp_gui_test_shows_text (GTK_WIDGET (f->reader), "No matches"));
}

/* Removed text: shown where it stood, without moving the claims; restored, and undone */

static void
test_removed_text (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *before = dup_body (f, f->wire);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *claimed = NULL;
  g_autoptr(GListModel) removals = NULL;
  g_autoptr(SpRemoval) teaser = NULL;
  g_autoptr(GError) error = NULL;
  GtkTextBuffer *buffer;
  g_autofree char *shown = NULL;
  GtkTextIter start, end;
  guint selected_start, selected_end;

  show (f, f->wire);
  g_assert_true (sp_gui_test_shows_text (GTK_WIDGET (f->reader), "Show Removed Text (2 blocks)"));
  g_assert_cmpuint (sp_reader_get_n_shown_removals (f->reader), ==, 0);

  sp_reader_set_show_removed (f->reader, TRUE);
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_cmpuint (sp_reader_get_n_shown_removals (f->reader), ==, 2);
  buffer = gtk_text_view_get_buffer (sp_reader_get_text_view (f->reader));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_nonnull (strstr (shown, teaser_block));
  g_assert_nonnull (strstr (shown, share_block));
  /* The teaser stands before the third paragraph */
  g_assert_true (strstr (shown, teaser_block) < strstr (shown, "The mediators"));
  g_assert_true (sp_gui_test_shows_text (GTK_WIDGET (f->reader), "Removed on import: share bar"));

  /* The claim after the teaser is still drawn on its words, and read back as stored */
  g_assert_cmpuint (sp_reader_count_highlighted (f->reader, f->claim_start), ==, 1);
  g_assert_cmpuint (sp_reader_count_highlighted (f->reader, f->claim_start - 2), ==, 0);
  claimed = sp_reader_dup_text (f->reader, f->claim_start, f->claim_end);
  g_assert_cmpstr (claimed, ==, claimed_sentence);
  sp_reader_select_range (f->reader, f->claim_start, f->claim_end);
  g_assert_true (sp_reader_get_selection (f->reader, &selected_start, &selected_end));
  g_assert_cmpuint (selected_start, ==, f->claim_start);
  g_assert_cmpuint (selected_end, ==, f->claim_end);
  screenshot (f, "removed");

  /* The context menu inside removed text offers to put it back */
  {
    GtkTextView *text_view = sp_reader_get_text_view (f->reader);
    GtkTextIter inside, match_end;
    GtkWidget *menu;

    gtk_text_buffer_get_start_iter (buffer, &start);
    g_assert_true (gtk_text_iter_forward_search (&start, share_block, 0, &inside, &match_end, NULL));
    gtk_text_iter_forward_chars (&inside, 3);
    gtk_text_buffer_place_cursor (buffer, &inside);
    gtk_widget_grab_focus (GTK_WIDGET (text_view));
    g_assert_true (sp_gui_test_press_key (GTK_WINDOW (f->window), GDK_KEY_Menu, 0));
    sp_gui_test_settle (GTK_WIDGET (f->window));
    menu = sp_gui_test_find_drawn_type (GTK_WIDGET (text_view), GTK_TYPE_POPOVER_MENU);
    g_assert_nonnull (menu);
    g_assert_true (sp_gui_test_shows_text (menu, "Restore This Text"));
    g_assert_false (sp_gui_test_shows_text (menu, "Tag Claim…"));
    gtk_popover_popdown (GTK_POPOVER (menu));
    sp_gui_test_settle (GTK_WIDGET (f->window));
  }

  /* Restore, as the block's button does: the body takes the block, the claim moves along */
  removals = sp_project_list_removals (f->project, f->wire, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (removals); i++)
    {
      g_autoptr(SpRemoval) removal = g_list_model_get_item (removals, i);

      if (strcmp (sp_removal_get_text (removal), teaser_block) == 0)
        teaser = g_object_ref (removal);
    }
  g_assert_nonnull (teaser);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "documents.restore-removal", "x",
                                             sp_removal_get_id (teaser)));
  sp_gui_test_settle (GTK_WIDGET (f->window));
  after = dup_body (f, f->wire);
  g_assert_nonnull (strstr (after, teaser_block));
  g_assert_cmpuint (sp_reader_get_n_shown_removals (f->reader), ==, 1);
  g_assert_cmpuint (sp_reader_count_highlighted (f->reader, f->claim_start), ==, 0);
  g_assert_cmpuint (sp_reader_count_highlighted (f->reader, sp_gui_test_offset_of (after, claimed_sentence)), ==, 1);

  /* Undo, as the toast offers */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  sp_gui_test_settle (GTK_WIDGET (f->window));
  undone = dup_body (f, f->wire);
  g_assert_cmpstr (undone, ==, before);
  g_assert_cmpuint (sp_reader_get_n_shown_removals (f->reader), ==, 2);
  g_assert_cmpuint (sp_reader_count_highlighted (f->reader, f->claim_start), ==, 1);

  /* Hidden again, the text is the body alone */
  sp_reader_set_show_removed (f->reader, FALSE);
  g_clear_pointer (&shown, g_free);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  shown = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  g_assert_cmpstr (shown, ==, before);
}

/* Where a date came from, a title that is no headline, and a near duplicate */

static void
test_provenance (Fixture       *f,
                 gconstpointer  data)
{
  show (f, f->wire);
  g_assert_true (sp_gui_test_shows_text (GTK_WIDGET (f->reader), "30 May 2025 · from the page’s metadata"));
  g_assert_false (sp_gui_test_shows_text (GTK_WIDGET (f->reader), "(first words, no headline)"));

  show (f, f->repost);
  g_assert_true (sp_gui_test_shows_text (GTK_WIDGET (f->reader), "31 May 2025 · from a dateline, fairly sure"));
  g_assert_true (sp_gui_test_shows_text (GTK_WIDGET (f->reader), "Nearly the same as «Ceasefire talks resume in Geneva»"));
  screenshot (f, "duplicate");

  /* The badge leads to the other document */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "documents.select", "x", f->wire));
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_cmpint (sp_documents_view_get_document_id (f->view), ==, f->wire);
  g_assert_false (sp_gui_test_shows_text (GTK_WIDGET (f->reader), "Nearly the same as «Ceasefire talks resume in Geneva»"));

  show (f, f->untitled);
  g_assert_true (sp_gui_test_shows_text (GTK_WIDGET (f->reader), "2 November 2024 · the file’s date, not the article’s"));
  g_assert_true (sp_gui_test_shows_text (GTK_WIDGET (f->reader), "(first words, no headline)"));

  show (f, f->undated);
  g_assert_true (sp_gui_test_shows_text (GTK_WIDGET (f->reader), "No date"));
}

/* Editing: the date is checked as it is typed; the edit is one undo step */

static AdwEntryRow *
find_row (GtkWidget  *dialog,
          const char *title)
{
  GtkWidget *label = sp_gui_test_find_label (dialog, title);

  g_assert_nonnull (label);
  return ADW_ENTRY_ROW (gtk_widget_get_ancestor (label, ADW_TYPE_ENTRY_ROW));
}

static void
test_edit (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(SpDocument) edited = NULL;
  GtkWindow *dialog;
  AdwEntryRow *date_row;
  AdwEntryRow *title_row;

  show (f, f->untitled);
  gtk_widget_grab_focus (GTK_WIDGET (sp_reader_get_text_view (f->reader)));
  g_assert_true (sp_gui_test_press_key (GTK_WINDOW (f->window), GDK_KEY_F2, 0));
  sp_gui_test_settle (GTK_WIDGET (f->window));
  dialog = sp_gui_test_find_dialog (GTK_WINDOW (f->window));
  g_assert_nonnull (dialog);
  date_row = find_row (GTK_WIDGET (dialog), "Date (YYYY-MM-DD)");
  title_row = find_row (GTK_WIDGET (dialog), "Title");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date_row)), ==, "2024-11-02");

  gtk_editable_set_text (GTK_EDITABLE (date_row), "2 Nov 2024");
  sp_gui_test_settle (GTK_WIDGET (dialog));
  g_assert_true (sp_gui_test_shows_text (GTK_WIDGET (dialog), "Write the date as YYYY-MM-DD, e.g. 2025-05-30, or leave it empty"));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (dialog), "form.save", NULL) &&
                  sp_gui_test_find_dialog (GTK_WINDOW (f->window)) == NULL);
  gtk_editable_set_text (GTK_EDITABLE (date_row), "2024-02-30");
  sp_gui_test_settle (GTK_WIDGET (dialog));
  g_assert_true (sp_gui_test_shows_text (GTK_WIDGET (dialog), "There is no such day: check the month and the day"));
  g_object_unref (sp_gui_test_screenshot (GTK_WIDGET (dialog), "manage-edit-error.png"));

  gtk_editable_set_text (GTK_EDITABLE (date_row), "2024-11-01");
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Delegations meet behind closed doors");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "form.save", NULL));
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_null (sp_gui_test_find_dialog (GTK_WINDOW (f->window)));

  edited = sp_project_get_document (f->project, f->untitled, NULL);
  g_assert_cmpstr (sp_document_get_title (edited), ==, "Delegations meet behind closed doors");
  g_assert_cmpstr (sp_document_get_date (edited), ==, "2024-11-01");
  g_assert_true (sp_gui_test_shows_text (GTK_WIDGET (f->reader), "1 November 2024 · set by you"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_clear_object (&edited);
  edited = sp_project_get_document (f->project, f->untitled, NULL);
  g_assert_cmpstr (sp_document_get_date (edited), ==, "2024-11-02");
  g_assert_true (sp_gui_test_shows_text (GTK_WIDGET (f->reader), "2 November 2024 · the file’s date, not the article’s"));
}

/* Deleting: at once (with Undo) without claims, asking with them */

static void
test_delete (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *list = sp_gui_test_find_drawn_type (GTK_WIDGET (f->view), GTK_TYPE_LIST_VIEW);
  GtkWindow *dialog;

  show (f, f->undated);
  if (f->width < 700)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "documents.show-list", NULL));
  sp_gui_test_settle (GTK_WIDGET (f->window));
  if (list == NULL)
    list = sp_gui_test_find_drawn_type (GTK_WIDGET (f->view), GTK_TYPE_LIST_VIEW);
  g_assert_nonnull (list);
  gtk_widget_grab_focus (list);

  g_assert_true (sp_gui_test_press_key (GTK_WINDOW (f->window), GDK_KEY_Delete, 0));
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_null (sp_gui_test_find_dialog (GTK_WINDOW (f->window)));
  g_assert_cmpuint (sp_project_count_documents (f->project), ==, 3);
  g_assert_cmpstr (sp_documents_view_get_count_text (f->view), ==, "3 documents");
  g_assert_nonnull (sp_gui_test_find_toast_action (GTK_WIDGET (f->window), "win.undo"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_cmpuint (sp_project_count_documents (f->project), ==, 4);

  /* A document with a claim asks, naming the claim; Cancel keeps it */
  show (f, f->wire);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "documents.delete", NULL));
  sp_gui_test_settle (GTK_WIDGET (f->window));
  dialog = sp_gui_test_find_dialog (GTK_WINDOW (f->window));
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_true (sp_gui_test_shows_text (GTK_WIDGET (dialog), "Its 1 claim will be deleted too. Undo brings both back."));
  g_object_unref (sp_gui_test_screenshot (GTK_WIDGET (dialog), "manage-delete-ask.png"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_cmpuint (sp_project_count_documents (f->project), ==, 4);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "documents.delete", NULL));
  sp_gui_test_settle (GTK_WIDGET (f->window));
  dialog = sp_gui_test_find_dialog (GTK_WINDOW (f->window));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "delete");
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_cmpuint (sp_project_count_documents (f->project), ==, 3);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_cmpuint (sp_project_count_documents (f->project), ==, 4);
}

/* The list's context menu: right-click, Menu or Shift+F10 */

static void
test_context_menu (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *list;
  GtkWidget *menu;

  show (f, f->wire);
  if (f->width < 700)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "documents.show-list", NULL));
  sp_gui_test_iterate_until (sp_gui_test_transitions_done, f->view);
  list = sp_gui_test_find_drawn_type (GTK_WIDGET (f->view), GTK_TYPE_LIST_VIEW);
  g_assert_nonnull (list);
  gtk_widget_grab_focus (list);

  g_assert_true (sp_gui_test_press_key (GTK_WINDOW (f->window), GDK_KEY_F10, GDK_SHIFT_MASK));
  sp_gui_test_settle (GTK_WIDGET (f->window));
  menu = sp_gui_test_find_drawn_type (list, GTK_TYPE_POPOVER_MENU);
  g_assert_nonnull (menu);
  g_assert_true (sp_gui_test_shows_text (menu, "Edit…"));
  g_assert_true (sp_gui_test_shows_text (menu, "Delete…"));
  g_assert_true (sp_gui_test_shows_text (menu, "Open"));
  {
    g_autofree char *name = g_strdup_printf ("manage-menu-%d.png", f->width);

    sp_gui_test_screenshot_with (GTK_WIDGET (f->window), menu, name);
  }
  gtk_popover_popdown (GTK_POPOVER (menu));
}

#define ADD(path, width, func) \
  g_test_add (path, Fixture, GINT_TO_POINTER (width), fixture_setup, func, fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  sp_gui_test_init (&argc, &argv);

  ADD ("/window-documents/sort/1280", 1280, test_sort);
  ADD ("/window-documents/sort/400", 400, test_sort);
  ADD ("/window-documents/search/1280", 1280, test_search);
  ADD ("/window-documents/search/400", 400, test_search);
  ADD ("/window-documents/find-bar", 1280, test_find_bar);
  ADD ("/window-documents/removed-text/1280", 1280, test_removed_text);
  ADD ("/window-documents/removed-text/400", 400, test_removed_text);
  ADD ("/window-documents/provenance", 1280, test_provenance);
  ADD ("/window-documents/edit", 1280, test_edit);
  ADD ("/window-documents/delete/1280", 1280, test_delete);
  ADD ("/window-documents/delete/400", 400, test_delete);
  ADD ("/window-documents/context-menu/1280", 1280, test_context_menu);
  ADD ("/window-documents/context-menu/400", 400, test_context_menu);

  return g_test_run ();
}
