/* test-documents-view.c
 *
 * The Documents view in the real window under Xvfb, at 1280, 760 and 560 px: where the reader
 * opens and jumps to, the claim popover (where it sits, Escape, its actor and issue lists,
 * its stance buttons), the narrow layouts, the reader's typography, colours and context
 * menu, the claims list and the document list's keyboard behaviour. Screenshots are saved
 * next to the test binary (docs-*.png) for people to look at.
 */
#include "config.h"

#include <math.h>

#include <adwaita.h>

#include "sp-documents-view.h"
#include "sp-gui-test-util.h"
#include "sp-stance-palette.h"
#include "sp-test-util.h"
#include "sp-window.h"

#define N_PARAGRAPHS   60
#define TARGET_PARAGRAPH 48
#define N_DELEGATES    30

static const char target_sentence[] = "The envoy said the corridor would stay open through the winter.";
static const char long_title[] =
  "Mediators from three capitals spend a long night in Portbridge drafting the wording of a "
  "corridor agreement that both delegations say they could sign before the winter begins";
static const char long_url[] =
  "https://news.example.org/world/europe/2026/02/23/mediators-spend-a-long-night-in-portbridge-"
  "drafting-the-wording-of-a-corridor-agreement-both-delegations-could-sign";
static const char ceasefire_proposition[] = "A ceasefire should come before any talks on borders";
static const char corridor_proposition[] = "The humanitarian corridor should stay open";
/* Words in paragraph 1 claimed with stances −2 … +2, without descenders so that the bottom
 * of their line is background, not ink */
static const char * const stance_words[] = { "summer", "manure", "carers", "reason", "sources" };

typedef struct
{
  char            *dir;
  char            *long_body;
  int              width;       /* asked for */
  SpWindow        *window;
  SpDocumentsView *view;
  SpReader        *reader;
  gint64           long_doc;
  gint64           plain_doc;
  gint64           titled_doc;
  gint64           berg;
  gint64           ceasefire;
  gint64           corridor;
  gint64           target_claim;
  guint            target_start;
  guint            target_end;
} Fixture;

static guint
offset_of (const char *body,
           const char *text)
{
  const char *found = strstr (body, text);

  g_assert_nonnull (found);
  return g_utf8_pointer_to_offset (body, found);
}

static char *
make_long_body (void)
{
  GString *body = g_string_new ("Corridor talks resume in Portbridge\n\n");

  for (guint i = 1; i <= N_PARAGRAPHS; i++)
    {
      if (i == 1)
        g_string_append_printf (body, "Paragraph 1. Words to mark: %s, %s, %s, %s and %s. ",
                                stance_words[0], stance_words[1], stance_words[2], stance_words[3], stance_words[4]);
      else
        g_string_append_printf (body, "Paragraph %u. ", i);
      if (i == TARGET_PARAGRAPH)
        g_string_append_printf (body, "%s ", target_sentence);
      g_string_append (body, "The delegations from Northland and Southland discussed the corridor again, "
                             "and the mediators took notes on every proposal made in the room that day.");
      if (i < N_PARAGRAPHS)
        g_string_append (body, "\n\n");
    }

  return g_string_free (body, FALSE);
}

static gboolean
window_has_project (gpointer window)
{
  return sp_window_get_project (window) != NULL;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  int width = GPOINTER_TO_INT (data);
  SpDocumentFields titled = {
    .file_name = "long-title.html",
    .title = long_title,
    .date = "2026-02-23",
    .source = "Example News",
    .url = long_url,
    .author = "A. Reporter",
    .body = "The short body of an article with a long title.",
    .content_hash = "c0",
    .text_hash = "t0",
  };

  f->width = width;
  f->dir = sp_test_make_tmpdir ();
  project = sp_test_new_project (f->dir, "documents.standpoint");
  path = g_strdup (sp_project_get_path (project));
  f->long_body = make_long_body ();
  f->long_doc = sp_test_add_document (project, "corridor.txt", "Corridor talks resume in Portbridge", f->long_body);
  f->plain_doc = sp_test_add_document (project, "plain.md", "Plain article",
                                       "The first paragraph of the plain article ends here.\n"
                                       "The second paragraph follows on the next line.\n"
                                       "A third one closes it.");
  f->titled_doc = sp_project_add_document (project, &titled, &error);
  g_assert_no_error (error);

  f->berg = sp_project_add_actor (project, "Ana Berg", SP_ACTOR_KIND_PERSON, 0, NULL, &error);
  for (guint i = 0; i < N_DELEGATES; i++)
    {
      g_autofree char *name = g_strdup_printf ("Delegate %02u", i);
      sp_project_add_actor (project, name, SP_ACTOR_KIND_PERSON, 0, NULL, &error);
      g_assert_no_error (error);
    }
  f->ceasefire = sp_project_add_issue (project, "ceasefire", "Ceasefire first", ceasefire_proposition, NULL, &error);
  f->corridor = sp_project_add_issue (project, "corridor", "Humanitarian corridor", corridor_proposition, NULL, &error);
  g_assert_no_error (error);

  f->target_start = offset_of (f->long_body, target_sentence);
  f->target_end = f->target_start + g_utf8_strlen (target_sentence, -1);
  f->target_claim = sp_test_add_claim (project, f->long_doc, f->target_start, f->target_end, f->berg, f->corridor, 2, NULL);
  for (int stance = -2; stance <= 2; stance++)
    {
      const char *word = stance_words[stance + 2];
      guint start = offset_of (f->long_body, word);

      sp_test_add_claim (project, f->long_doc, start, start + strlen (word), f->berg, f->ceasefire, stance, NULL);
    }
  g_clear_object (&project);

  f->window = sp_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), width, 760);
  sp_window_open_project (f->window, path);
  sp_gui_test_iterate_until (window_has_project, f->window);
  gtk_window_present (GTK_WINDOW (f->window));
  f->view = SP_DOCUMENTS_VIEW (sp_gui_test_find_type (GTK_WIDGET (f->window), SP_TYPE_DOCUMENTS_VIEW));
  g_assert_nonnull (f->view);
  f->reader = sp_documents_view_get_reader (f->view);
  sp_gui_test_settle (GTK_WIDGET (f->window));
  /* The window's frame takes a few pixels of the size asked for */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), >, width - 16);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), <=, width);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  sp_gui_test_destroy_window (GTK_WINDOW (f->window));
  sp_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->long_body);
}

static void
screenshot (Fixture    *f,
            GtkWidget  *widget,
            const char *what)
{
  g_autofree char *name = g_strdup_printf ("docs-%s-%d.png", what, f->width);

  g_object_unref (sp_gui_test_screenshot (widget, name));
}

static GtkTextView *
text_view (Fixture *f)
{
  return sp_reader_get_text_view (f->reader);
}

static GtkAdjustment *
reader_vadjustment (Fixture *f)
{
  return gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (text_view (f)));
}

static gboolean
scroll_stopped (gpointer data)
{
  Fixture *f = data;
  double before = gtk_adjustment_get_value (reader_vadjustment (f));

  sp_gui_test_settle (GTK_WIDGET (f->window));
  return gtk_adjustment_get_value (reader_vadjustment (f)) == before;
}

static gboolean
transitions_ended (gpointer data)
{
  Fixture *f = data;
  AdwLeaflet *leaflet = ADW_LEAFLET (sp_gui_test_find_type (GTK_WIDGET (f->view), ADW_TYPE_LEAFLET));
  AdwFlap *flap = ADW_FLAP (sp_gui_test_find_type (GTK_WIDGET (f->view), ADW_TYPE_FLAP));
  double progress = adw_flap_get_reveal_progress (flap);

  sp_gui_test_settle (GTK_WIDGET (f->window));
  return !adw_leaflet_get_child_transition_running (leaflet) && (progress == 0 || progress == 1);
}

/* Lets the window settle: the reader's (smooth) scrolling, the list sliding in or out and
 * the claims panel folding come to an end */
static void
settle_motion (Fixture *f)
{
  sp_gui_test_iterate_until (transitions_ended, f);
  sp_gui_test_iterate_until (scroll_stopped, f);
}

static void
show_document (Fixture *f,
               gint64   id)
{
  g_assert_true (sp_documents_view_select_document (f->view, id));
  settle_motion (f);
}

static SpClaimPopover *
popover (Fixture *f)
{
  return sp_documents_view_get_claim_popover (f->view);
}

/* The reader opens at the top, and stays where it is when an import finishes */

static void
test_opens_at_top (Fixture       *f,
                   gconstpointer  data)
{
  GtkAdjustment *adjustment = reader_vadjustment (f);

  show_document (f, f->long_doc);
  screenshot (f, GTK_WIDGET (f->window), "reader");
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >, 3 * gtk_adjustment_get_page_size (adjustment));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);

  /* An import committing documents reloads the list; the reader stays where the user is */
  gtk_adjustment_set_value (adjustment, 400);
  sp_gui_test_settle (GTK_WIDGET (f->window));
  sp_project_notify_changed (sp_window_get_project (f->window), SP_CHANGE_DOCUMENTS);
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_cmpint (sp_documents_view_get_document_id (f->view), ==, f->long_doc);
  g_assert_cmpfloat (fabs (gtk_adjustment_get_value (adjustment) - 400), <, 1);

  /* Another document, and back: each opens at the top */
  show_document (f, f->plain_doc);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
  show_document (f, f->long_doc);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
}

/* Jumping to a claim centres its sentence */

/* Where a range is drawn and what the reader shows, in buffer coordinates */
static void
range_and_view (Fixture      *f,
                guint         start,
                guint         end,
                GdkRectangle *range,
                GdkRectangle *visible)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view (f));
  GdkRectangle first, last;
  GtkTextIter iter;

  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (text_view (f))));
  gtk_text_view_get_visible_rect (text_view (f), visible);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, start);
  gtk_text_view_get_iter_location (text_view (f), &iter, &first);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, end - 1);
  gtk_text_view_get_iter_location (text_view (f), &iter, &last);
  range->x = 0;
  range->y = first.y;
  range->width = visible->width;
  range->height = last.y + last.height - first.y;
  g_test_message ("range %d…%d, visible %d…%d", range->y, range->y + range->height,
                  visible->y, visible->y + visible->height);
}

static void
assert_in_view (Fixture *f,
                guint    start,
                guint    end)
{
  GdkRectangle range, visible;

  range_and_view (f, start, end, &range, &visible);
  g_assert_cmpint (range.y, >=, visible.y);
  g_assert_cmpint (range.y + range.height, <=, visible.y + visible.height);
}

static void
assert_centred (Fixture *f,
                guint    start,
                guint    end)
{
  GdkRectangle range, visible;

  assert_in_view (f, start, end);
  range_and_view (f, start, end, &range, &visible);
  g_assert_cmpfloat (fabs (range.y + range.height / 2.0 - (visible.y + visible.height / 2.0)), <=, visible.height / 4.0);
}

static GtkWidget *
find_claim_row (GtkWidget *widget,
                gint64     claim_id)
{
  SpClaim *claim = g_object_get_data (G_OBJECT (widget), "sp-claim");

  if (GTK_IS_LIST_BOX_ROW (widget) && claim != NULL && (claim_id == 0 || sp_claim_get_id (claim) == claim_id))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = find_claim_row (child, claim_id);

      if (row != NULL)
        return row;
    }

  return NULL;
}

static void assert_popover_beside (Fixture    *f,
                                   guint       start,
                                   guint       end,
                                   const char *what);

static void
test_jump_centres (Fixture       *f,
                   gconstpointer  data)
{
  AdwViewStack *stack = ADW_VIEW_STACK (sp_gui_test_find_type (GTK_WIDGET (f->window), ADW_TYPE_VIEW_STACK));
  guint start, end;

  /* From the matrix, as its cell popover does, to a sentence far down another document (in a
   * narrow window, the Documents view was left showing its list) */
  show_document (f, f->plain_doc);
  if (f->width < 700)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "documents.show-list", NULL));
  adw_view_stack_set_visible_child_name (stack, "matrix");
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-claim", "x", f->target_claim));
  settle_motion (f);
  screenshot (f, GTK_WIDGET (f->window), "jump");

  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "documents");
  g_assert_cmpint (sp_documents_view_get_document_id (f->view), ==, f->long_doc);
  g_assert_true (sp_reader_get_selection (f->reader, &start, &end));
  g_assert_cmpuint (start, ==, f->target_start);
  g_assert_cmpuint (end, ==, f->target_end);
  assert_centred (f, f->target_start, f->target_end);

  /* From the claims list, with the reader scrolled back to the top: the claim opens for
   * editing, its sentence in view and the popover beside it */
  gtk_adjustment_set_value (reader_vadjustment (f), 0);
  sp_gui_test_settle (GTK_WIDGET (f->window));
  gtk_widget_activate (find_claim_row (GTK_WIDGET (f->view), f->target_claim));
  settle_motion (f);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover (f))));
  assert_in_view (f, f->target_start, f->target_end);
  assert_popover_beside (f, f->target_start, f->target_end, "popover-edit");
  gtk_popover_popdown (GTK_POPOVER (popover (f)));
}

/* The claim popover */

static void
select_range (Fixture *f,
              guint    start,
              guint    end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view (f));
  GtkTextIter start_iter, end_iter;

  gtk_text_buffer_get_iter_at_offset (buffer, &start_iter, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end_iter, end);
  gtk_text_buffer_select_range (buffer, &start_iter, &end_iter);
}

static void
open_new_claim (Fixture *f)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.tag-claim", NULL));
  settle_motion (f);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover (f))));
}

/* Where the text between two offsets is drawn, in the window surface's coordinates */
static void
range_surface_rect (Fixture         *f,
                    guint            start,
                    guint            end,
                    graphene_rect_t *rect)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view (f));
  graphene_rect_t view_bounds;
  GdkRectangle first, last;
  GtkTextIter iter;
  int top, bottom, unused;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, start);
  gtk_text_view_get_iter_location (text_view (f), &iter, &first);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, end - 1);
  gtk_text_view_get_iter_location (text_view (f), &iter, &last);
  gtk_text_view_buffer_to_window_coords (text_view (f), GTK_TEXT_WINDOW_WIDGET, 0, first.y, &unused, &top);
  gtk_text_view_buffer_to_window_coords (text_view (f), GTK_TEXT_WINDOW_WIDGET, 0, last.y + last.height, &unused, &bottom);

  g_assert_true (sp_gui_test_surface_bounds (GTK_WIDGET (text_view (f)), &view_bounds));
  graphene_rect_init (rect, view_bounds.origin.x, view_bounds.origin.y + top, view_bounds.size.width, bottom - top);
}

static void
assert_popover_beside (Fixture    *f,
                       guint       start,
                       guint       end,
                       const char *what)
{
  g_autofree char *name = g_strdup_printf ("docs-%s-%d.png", what, f->width);
  GtkWidget *child = gtk_popover_get_child (GTK_POPOVER (popover (f)));
  graphene_rect_t selection, content, window;

  range_surface_rect (f, start, end, &selection);
  g_assert_true (sp_gui_test_surface_bounds (child, &content));
  g_assert_true (sp_gui_test_surface_bounds (GTK_WIDGET (f->window), &window));
  sp_gui_test_screenshot_with (GTK_WIDGET (f->window), GTK_WIDGET (popover (f)), name);
  g_test_message ("%s: selection y %g…%g, popover %g,%g %g×%g, window %g×%g", what,
                  selection.origin.y, selection.origin.y + selection.size.height,
                  content.origin.x, content.origin.y, content.size.width, content.size.height,
                  window.size.width, window.size.height);

  g_assert_false (graphene_rect_intersection (&selection, &content, NULL));
  g_assert_true (graphene_rect_contains_rect (&window, &content));
}

/* The last words of the display line at @fraction of the reader's height */
static void
words_at_line_end (Fixture *f,
                   double   fraction,
                   guint   *start,
                   guint   *end)
{
  GdkRectangle visible;
  GtkTextIter iter;

  gtk_text_view_get_visible_rect (text_view (f), &visible);
  gtk_text_view_get_iter_at_location (text_view (f), &iter, 40, visible.y + visible.height * fraction);
  gtk_text_view_forward_display_line_end (text_view (f), &iter);
  while (g_unichar_isspace (gtk_text_iter_get_char (&iter)) || gtk_text_iter_ends_line (&iter))
    if (!gtk_text_iter_backward_char (&iter))
      break;
  gtk_text_iter_forward_char (&iter);
  *end = gtk_text_iter_get_offset (&iter);
  gtk_text_iter_backward_word_starts (&iter, 2);
  *start = gtk_text_iter_get_offset (&iter);
}

static void
test_popover_beside_selection (Fixture       *f,
                               gconstpointer  data)
{
  guint start = offset_of (f->long_body, "Paragraph 5.");
  guint end = offset_of (f->long_body, "Paragraph 6.") - 2;

  show_document (f, f->long_doc);
  gtk_adjustment_set_value (reader_vadjustment (f), 0);
  sp_gui_test_settle (GTK_WIDGET (f->window));

  /* A whole paragraph of several lines, in the middle of the reader */
  select_range (f, start, end);
  open_new_claim (f);
  assert_popover_beside (f, start, end, "popover-middle");
  gtk_popover_popdown (GTK_POPOVER (popover (f)));
  sp_gui_test_settle (GTK_WIDGET (f->window));

  /* Two words at the right end of a line near the bottom */
  words_at_line_end (f, 0.85, &start, &end);
  select_range (f, start, end);
  open_new_claim (f);
  assert_popover_beside (f, start, end, "popover-right");
}

static void
test_popover_escape (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *search;

  show_document (f, f->long_doc);
  select_range (f, 10, 30);
  open_new_claim (f);

  search = sp_gui_test_find_type (GTK_WIDGET (popover (f)), GTK_TYPE_SEARCH_ENTRY);
  g_assert_true (sp_gui_test_is_inside (gtk_root_get_focus (GTK_ROOT (f->window)), search));

  sp_claim_popover_set_actor_search (popover (f), "dele");
  sp_gui_test_press_key (GTK_WINDOW (f->window), GDK_KEY_Escape, 0);
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover (f))));
}

static gboolean
is_drawable_label (GtkWidget *widget,
                   gpointer   text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static void
test_popover_issue_propositions (Fixture       *f,
                                 gconstpointer  data)
{
  GtkWidget *dropdown;
  GtkWidget *list_popover;
  GtkWidget *label;

  show_document (f, f->long_doc);
  select_range (f, 10, 30);
  open_new_claim (f);

  /* The chosen issue's proposition says which way "support" points */
  g_assert_true (sp_claim_popover_choose_issue (popover (f), f->ceasefire));
  sp_gui_test_settle (GTK_WIDGET (f->window));
  label = sp_gui_test_find (GTK_WIDGET (popover (f)), is_drawable_label, (gpointer)ceasefire_proposition);
  g_assert_nonnull (label);

  /* ...and so does every issue in the list to choose from */
  dropdown = sp_gui_test_find_type (GTK_WIDGET (popover (f)), GTK_TYPE_DROP_DOWN);
  list_popover = sp_gui_test_find_type (dropdown, GTK_TYPE_POPOVER);
  gtk_popover_popup (GTK_POPOVER (list_popover));
  sp_gui_test_settle (GTK_WIDGET (f->window));
  screenshot (f, list_popover, "issue-list");
  g_assert_nonnull (sp_gui_test_find_label (list_popover, ceasefire_proposition));
  g_assert_nonnull (sp_gui_test_find_label (list_popover, corridor_proposition));
  g_assert_nonnull (sp_gui_test_find_label (list_popover, "Humanitarian corridor"));
  gtk_popover_popdown (GTK_POPOVER (list_popover));
}

static GtkWidget *
actor_row (GtkWidget  *popover_widget,
           const char *name)
{
  GtkWidget *label = sp_gui_test_find_label (popover_widget, name);

  g_assert_nonnull (label);
  return gtk_widget_get_parent (gtk_widget_get_parent (label));
}

static void
test_popover_actor_list (Fixture       *f,
                         gconstpointer  data)
{
  GtkWidget *list;
  GtkScrolledWindow *scroller;
  GtkAdjustment *adjustment;
  int row_height;
  int natural;

  show_document (f, f->long_doc);
  select_range (f, 10, 30);
  open_new_claim (f);
  screenshot (f, GTK_WIDGET (popover (f)), "popover");

  list = sp_gui_test_find_type (GTK_WIDGET (popover (f)), GTK_TYPE_LIST_VIEW);
  scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (list, GTK_TYPE_SCROLLED_WINDOW));
  adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  row_height = gtk_widget_get_height (actor_row (GTK_WIDGET (popover (f)), "Ana Berg"));

  /* Opens at the first actor, showing more than a handful */
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (scroller)), >=, 6 * row_height);

  /* Scrolled down, closed and opened again: at the top again */
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  sp_gui_test_settle (GTK_WIDGET (f->window));
  gtk_popover_popdown (GTK_POPOVER (popover (f)));
  sp_gui_test_settle (GTK_WIDGET (f->window));
  open_new_claim (f);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);

  /* Filtered to one actor: the list shrinks to it, no blank rows under it */
  sp_claim_popover_set_actor_search (popover (f), "berg");
  sp_gui_test_settle (GTK_WIDGET (f->window));
  screenshot (f, GTK_WIDGET (popover (f)), "popover-filtered");
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (scroller)), <=, row_height + 8);
  /* ...and the popover shrinks with it */
  gtk_widget_measure (gtk_popover_get_child (GTK_POPOVER (popover (f))), GTK_ORIENTATION_VERTICAL, -1,
                      NULL, &natural, NULL, NULL);
  g_assert_cmpint (gtk_widget_get_height (gtk_popover_get_child (GTK_POPOVER (popover (f)))), <=, natural + 8);}

typedef struct
{
  GtkWidget *widget;
  int        x;
  int        y;
  double     rgb[3];
} Pixel;

/* Screenshots until the pixel stays the same: buttons change colour with a CSS transition */
static gboolean
pixel_settled (gpointer data)
{
  Pixel *pixel = data;
  g_autoptr(GdkTexture) texture = NULL;
  double before[3];

  sp_gui_test_settle (pixel->widget);
  texture = sp_gui_test_screenshot (pixel->widget, "docs-stance-buttons.png");
  memcpy (before, pixel->rgb, sizeof before);
  sp_gui_test_read_pixel (texture, pixel->x, pixel->y, pixel->rgb);

  return memcmp (before, pixel->rgb, sizeof before) == 0;
}

static double
colour_distance (const double rgb[3],
                 int          stance)
{
  SpRgb mark;

  sp_stance_mark_color (stance, &mark);
  return fabs (rgb[0] - mark.red) + fabs (rgb[1] - mark.green) + fabs (rgb[2] - mark.blue);
}

/* Each stance button carries its stance's colour, pressed or not */
static void
test_popover_stance_colours (Fixture       *f,
                             gconstpointer  data)
{
  static const char * const labels[] = { "−2", "−1", "0", "+1", "+2" };

  show_document (f, f->long_doc);
  select_range (f, 10, 30);
  open_new_claim (f);

  for (int stance = -2; stance <= 2; stance++)
    {
      GtkWidget *button = gtk_widget_get_parent (sp_gui_test_find_label (GTK_WIDGET (popover (f)), labels[stance + 2]));
      graphene_rect_t bounds;
      Pixel edge = { GTK_WIDGET (popover (f)), 0, 0, { -1, -1, -1 } };
      Pixel fill = { GTK_WIDGET (popover (f)), 0, 0, { -1, -1, -1 } };

      g_assert_true (GTK_IS_TOGGLE_BUTTON (button));
      g_assert_true (gtk_widget_compute_bounds (button, GTK_WIDGET (popover (f)), &bounds));

      /* Not pressed: an edge of the stance's colour along the bottom */
      g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
      edge.x = bounds.origin.x + bounds.size.width / 2;
      edge.y = bounds.origin.y + bounds.size.height - 2;
      sp_gui_test_iterate_until (pixel_settled, &edge);
      g_test_message ("stance %+d: edge %.2f %.2f %.2f", stance, edge.rgb[0], edge.rgb[1], edge.rgb[2]);
      g_assert_cmpfloat (colour_distance (edge.rgb, stance), <, 0.1);

      /* Pressed: filled with it */
      sp_claim_popover_set_stance (popover (f), stance);
      fill.x = bounds.origin.x + 4;
      fill.y = bounds.origin.y + bounds.size.height / 2;
      sp_gui_test_iterate_until (pixel_settled, &fill);
      g_test_message ("stance %+d pressed: %.2f %.2f %.2f", stance, fill.rgb[0], fill.rgb[1], fill.rgb[2]);
      g_assert_cmpfloat (colour_distance (fill.rgb, stance), <, 0.1);
      sp_claim_popover_set_stance (popover (f), G_MAXINT);
    }
}

/* Narrow windows: the reader wins */

static void
assert_reader_shown (Fixture *f,
                     int      min_width)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (text_view (f))));
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (f->reader), GTK_WIDGET (f->window), &bounds));
  g_test_message ("reader at x %g, %g px wide in a %d px window", bounds.origin.x, bounds.size.width,
                  gtk_widget_get_width (GTK_WIDGET (f->window)));
  g_assert_cmpfloat (bounds.size.width, >=, min_width);
  g_assert_cmpfloat (bounds.origin.x, >=, 0);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (GTK_WIDGET (f->window)));
}

static gboolean
is_document_list (GtkWidget *widget,
                  gpointer   data)
{
  GtkSelectionModel *model = GTK_IS_LIST_VIEW (widget) ? gtk_list_view_get_model (GTK_LIST_VIEW (widget)) : NULL;
  g_autoptr(GObject) first = model ? g_list_model_get_item (G_LIST_MODEL (model), 0) : NULL;

  return SP_IS_DOCUMENT (first);
}

static GtkWidget *
document_list (Fixture *f)
{
  GtkWidget *list = sp_gui_test_find (GTK_WIDGET (f->view), is_document_list, NULL);

  g_assert_nonnull (list);
  return list;
}

static GtkWidget *
claims_toggle (Fixture *f)
{
  GtkWidget *toggle = sp_gui_test_find_type (GTK_WIDGET (f->view), GTK_TYPE_TOGGLE_BUTTON);

  g_assert_nonnull (toggle);
  return toggle;
}

static void
test_wide (Fixture       *f,
           gconstpointer  data)
{
  show_document (f, f->long_doc);
  screenshot (f, GTK_WIDGET (f->window), "layout");

  /* Everything side by side */
  assert_reader_shown (f, 600);
  g_assert_true (gtk_widget_is_drawable (document_list (f)));
  g_assert_true (gtk_widget_is_drawable (find_claim_row (GTK_WIDGET (f->view), f->target_claim)));

  /* Made narrow and wide again, the layout follows */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 560, 760);
  settle_motion (f);
  g_test_message ("narrowed to %d px", gtk_widget_get_width (GTK_WIDGET (f->window)));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), <, 600);
  assert_reader_shown (f, 500);
  g_assert_false (gtk_widget_is_drawable (document_list (f)));

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 760);
  settle_motion (f);
  assert_reader_shown (f, 600);
  g_assert_true (gtk_widget_is_drawable (document_list (f)));
  g_assert_true (gtk_widget_is_drawable (find_claim_row (GTK_WIDGET (f->view), f->target_claim)));
}

static void
test_narrow (Fixture       *f,
             gconstpointer  data)
{
  int width = GPOINTER_TO_INT (data);
  GtkWidget *row;

  show_document (f, f->long_doc);
  screenshot (f, GTK_WIDGET (f->window), "layout");
  assert_reader_shown (f, width >= 760 ? 440 : 500);

  /* The claims fold away, one button away */
  row = find_claim_row (GTK_WIDGET (f->view), f->target_claim);
  g_assert_false (gtk_widget_is_drawable (row));
  g_assert_true (gtk_widget_is_drawable (claims_toggle (f)));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (claims_toggle (f)), TRUE);
  settle_motion (f);
  screenshot (f, GTK_WIDGET (f->window), "layout-claims");
  g_assert_true (gtk_widget_is_drawable (row));

  /* Opening a claim from the list gives the reader back for it */
  gtk_widget_activate (row);
  settle_motion (f);
  g_assert_false (gtk_widget_is_drawable (row));
  assert_in_view (f, f->target_start, f->target_end);
  gtk_popover_popdown (GTK_POPOVER (popover (f)));
  settle_motion (f);

  if (width >= 760)
    {
      g_assert_true (gtk_widget_is_drawable (document_list (f)));
      return;
    }

  /* At the narrowest the document list folds away too, with a way back to it */
  g_assert_false (gtk_widget_is_drawable (document_list (f)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "documents.show-list", NULL));
  settle_motion (f);
  screenshot (f, GTK_WIDGET (f->window), "layout-list");
  g_assert_true (gtk_widget_is_drawable (document_list (f)));
  g_assert_false (gtk_widget_is_drawable (GTK_WIDGET (text_view (f))));

  /* Choosing a document (Enter, or a click) shows it */
  g_signal_emit_by_name (document_list (f), "activate", 0);
  settle_motion (f);
  assert_reader_shown (f, 500);
  g_assert_false (gtk_widget_is_drawable (document_list (f)));
}

static gboolean
is_drawable_search_entry (GtkWidget *widget,
                          gpointer   data)
{
  return GTK_IS_SEARCH_ENTRY (widget) && gtk_widget_is_drawable (widget);
}

/* The document list is one Tab stop: arrows move inside it */
static void
test_list_one_tab_stop (Fixture       *f,
                        gconstpointer  data)
{
  SpProject *project = sp_window_get_project (f->window);
  GtkWidget *list = document_list (f);
  GtkWidget *search = sp_gui_test_find (GTK_WIDGET (f->view), is_drawable_search_entry, NULL);
  GtkWindow *window = GTK_WINDOW (f->window);

  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *name = g_strdup_printf ("briefing-%02u.txt", i);
      g_autofree char *body = g_strdup_printf ("Briefing %u\n\nThe delegations met again.", i);

      sp_test_add_document (project, name, name, body);
    }
  sp_project_notify_changed (project, SP_CHANGE_DOCUMENTS);
  show_document (f, f->long_doc);

  gtk_widget_grab_focus (search);

  sp_gui_test_press_key (window, GDK_KEY_Tab, 0);
  g_assert_true (sp_gui_test_is_inside (gtk_root_get_focus (GTK_ROOT (window)), list));

  /* One Tab leaves the list for the reader's side */
  sp_gui_test_press_key (window, GDK_KEY_Tab, 0);
  g_test_message ("focus after Tab: %s", G_OBJECT_TYPE_NAME (gtk_root_get_focus (GTK_ROOT (window))));
  g_assert_false (sp_gui_test_is_inside (gtk_root_get_focus (GTK_ROOT (window)), list));
  g_assert_false (sp_gui_test_is_inside (gtk_root_get_focus (GTK_ROOT (window)), search));

  /* Shift+Tab comes back into it, and once more goes to the search */
  sp_gui_test_press_key (window, GDK_KEY_Tab, GDK_SHIFT_MASK);
  g_assert_true (sp_gui_test_is_inside (gtk_root_get_focus (GTK_ROOT (window)), list));
  sp_gui_test_press_key (window, GDK_KEY_Tab, GDK_SHIFT_MASK);
  g_assert_true (sp_gui_test_is_inside (gtk_root_get_focus (GTK_ROOT (window)), search));
}

/* Right-click or the Menu key offers what applies to a read-only article */

static void
collect_actions (GMenuModel *model,
                 GPtrArray  *actions)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);
      g_autofree char *action = NULL;

      if (section != NULL)
        collect_actions (section, actions);
      else if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &action))
        g_ptr_array_add (actions, g_steal_pointer (&action));
    }
}

static void
test_context_menu (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) actions = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *menu;
  g_autofree char *joined = NULL;

  show_document (f, f->long_doc);
  select_range (f, 10, 30);
  gtk_widget_grab_focus (GTK_WIDGET (text_view (f)));
  sp_gui_test_press_key (GTK_WINDOW (f->window), GDK_KEY_Menu, 0);
  sp_gui_test_settle (GTK_WIDGET (f->window));

  menu = sp_gui_test_find_type (GTK_WIDGET (f->reader), GTK_TYPE_POPOVER_MENU);
  g_assert_nonnull (menu);
  g_assert_true (gtk_widget_get_visible (menu));
  screenshot (f, menu, "context-menu");

  collect_actions (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (menu)), actions);
  g_ptr_array_add (actions, NULL);
  joined = g_strjoinv (" ", (char **)actions->pdata);
  g_assert_cmpstr (joined, ==, "clipboard.copy selection.select-all documents.tag-claim");
  gtk_popover_popdown (GTK_POPOVER (menu));
}

/* Reader typography */

static int
gap_between (Fixture    *f,
             const char *body,
             const char *end_of_first,
             const char *start_of_second,
             int        *line_height)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view (f));
  GdkRectangle first, second;
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset_of (body, end_of_first));
  gtk_text_view_get_iter_location (text_view (f), &iter, &first);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset_of (body, start_of_second));
  gtk_text_view_get_iter_location (text_view (f), &iter, &second);
  *line_height = first.height;

  return second.y - (first.y + first.height);
}

static void
test_typography (Fixture       *f,
                 gconstpointer  data)
{
  const char *plain = "The first paragraph of the plain article ends here.\n"
                      "The second paragraph follows on the next line.\n"
                      "A third one closes it.";
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view (f));
  GdkRectangle location;
  GtkTextIter iter;
  GtkWidget *title;
  GtkWidget *url;
  int line_height;
  int gap;

  /* Paragraphs on lines of their own are a blank line apart */
  show_document (f, f->plain_doc);
  gap = gap_between (f, plain, "here.", "The second", &line_height);
  g_test_message ("single newlines: gap %d px, line %d px", gap, line_height);
  g_assert_cmpint (gap, >=, line_height / 2);

  /* ...and so are paragraphs with blank lines between them, not twice as far */
  show_document (f, f->long_doc);
  screenshot (f, GTK_WIDGET (f->window), "typography");
  gap = gap_between (f, f->long_body, "that day.\n\nParagraph 2", "Paragraph 2", &line_height);
  g_test_message ("blank lines: gap %d px, line %d px", gap, line_height);
  g_assert_cmpint (gap, >=, line_height / 2);
  g_assert_cmpint (gap, <=, line_height * 3 / 2);

  /* The title is not repeated as the body's first line */
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset_of (f->long_body, "Paragraph 1."));
  gtk_text_view_get_iter_location (text_view (f), &iter, &location);
  g_assert_cmpint (location.y, <=, gtk_text_view_get_top_margin (text_view (f)));

  /* A long title takes two lines at most, a long URL one; each says the rest on hover */
  show_document (f, f->titled_doc);
  screenshot (f, GTK_WIDGET (f->window), "long-title");
  title = sp_gui_test_find_label (GTK_WIDGET (f->reader), long_title);
  g_assert_nonnull (title);
  g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (title))), <=, 2);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (title), ==, long_title);
  url = sp_gui_test_find_label (GTK_WIDGET (f->reader), long_url);
  g_assert_nonnull (url);
  g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (url))), ==, 1);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (url), ==, long_url);
}

/* The selection never looks like a claim's highlight */

static void
background_at (GdkTexture  *texture,
               Fixture     *f,
               guint        start,
               guint        end,
               double       rgb[3])
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view (f));
  GdkRectangle first, last;
  GtkTextIter iter;
  graphene_point_t point;
  guint counts[1 << 12] = { 0 };
  guint best = 0;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, start);
  gtk_text_view_get_iter_location (text_view (f), &iter, &first);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, end);
  gtk_text_view_get_iter_location (text_view (f), &iter, &last);

  /* The commonest colour along the bottom of the line: background, not ink */
  for (int x = first.x + 1; x < last.x - 1; x++)
    {
      int wx, wy;
      double sample[3];
      guint key;

      gtk_text_view_buffer_to_window_coords (text_view (f), GTK_TEXT_WINDOW_WIDGET, x, first.y + first.height - 2, &wx, &wy);
      g_assert_true (gtk_widget_compute_point (GTK_WIDGET (text_view (f)), GTK_WIDGET (f->window),
                                               &GRAPHENE_POINT_INIT (wx, wy), &point));
      sp_gui_test_read_pixel (texture, point.x, point.y, sample);
      key = (guint)(sample[0] * 15) << 8 | (guint)(sample[1] * 15) << 4 | (guint)(sample[2] * 15);
      counts[key]++;
      if (counts[key] > best)
        {
          best = counts[key];
          memcpy (rgb, sample, sizeof sample);
        }
    }
}

static double
distance (const double a[3],
          const double b[3])
{
  return sqrt ((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]) + (a[2] - b[2]) * (a[2] - b[2]));
}

static void
test_selection_unlike_highlights (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GdkTexture) texture = NULL;
  guint start = offset_of (f->long_body, "mediators");
  double selection[3];
  double page[3];

  show_document (f, f->long_doc);
  select_range (f, start, start + strlen ("mediators"));
  gtk_widget_grab_focus (GTK_WIDGET (text_view (f)));
  sp_gui_test_settle (GTK_WIDGET (f->window));
  texture = sp_gui_test_screenshot (GTK_WIDGET (f->window), "docs-selection.png");

  background_at (texture, f, start + 1, start + strlen ("mediators") - 1, selection);
  start = offset_of (f->long_body, "discussed");
  background_at (texture, f, start, start + strlen ("discussed"), page);
  g_test_message ("selection %.2f %.2f %.2f, page %.2f %.2f %.2f",
                  selection[0], selection[1], selection[2], page[0], page[1], page[2]);
  g_assert_cmpfloat (distance (selection, page), >, 0.15);

  for (int stance = -2; stance <= 2; stance++)
    {
      const char *word = stance_words[stance + 2];
      double highlight[3];

      start = offset_of (f->long_body, word);
      background_at (texture, f, start, start + strlen (word), highlight);
      g_test_message ("stance %+d: %.2f %.2f %.2f, %.2f from the selection", stance,
                      highlight[0], highlight[1], highlight[2], distance (selection, highlight));
      g_assert_cmpfloat (distance (highlight, page), >, 0.05);
      g_assert_cmpfloat (distance (selection, highlight), >, 0.3);
    }
}

/* The claims list */

static gboolean
text_readable (GtkWidget *label,
               GtkWidget *row)
{
  const char *text = gtk_label_get_text (GTK_LABEL (label));

  if (gtk_label_get_ellipsize (GTK_LABEL (label)) == PANGO_ELLIPSIZE_NONE)
    return TRUE;

  for (GtkWidget *widget = label; widget != gtk_widget_get_parent (row); widget = gtk_widget_get_parent (widget))
    {
      const char *tooltip = gtk_widget_get_tooltip_text (widget);

      if (tooltip != NULL && strstr (tooltip, text) != NULL)
        return TRUE;
    }

  return FALSE;
}

static void
assert_labels_readable (GtkWidget *widget,
                        GtkWidget *row)
{
  if (GTK_IS_LABEL (widget))
    {
      g_test_message ("claim row label “%s”", gtk_label_get_text (GTK_LABEL (widget)));
      g_assert_true (text_readable (widget, row));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    assert_labels_readable (child, row);
}

static void
test_claims_list_full_text (Fixture       *f,
                            gconstpointer  data)
{
  SpProject *project = sp_window_get_project (f->window);
  guint start = offset_of (f->long_body, "Paragraph 5.");
  guint end = offset_of (f->long_body, "Paragraph 7.") - 2;
  gint64 id;

  /* Two paragraphs quoted, with a long note */
  id = sp_test_add_claim (project, f->long_doc, start, end, f->berg, f->corridor, -1,
                          "Coded as opposition because the delegation tied the corridor to conditions "
                          "that the other side has already rejected twice this month");
  show_document (f, f->long_doc);
  screenshot (f, GTK_WIDGET (f->window), "claims-list");
  assert_labels_readable (find_claim_row (GTK_WIDGET (f->view), id), find_claim_row (GTK_WIDGET (f->view), id));
}

static gboolean
is_claims_placeholder (GtkWidget *widget,
                       gpointer   data)
{
  return GTK_IS_LABEL (widget) && GTK_IS_LIST_BOX (gtk_widget_get_parent (widget)) &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), "Ctrl+T") != NULL;
}

static void
test_empty_claims_hint (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *hint;

  show_document (f, f->plain_doc);
  g_assert_cmpuint (sp_documents_view_get_n_claims (f->view), ==, 0);

  hint = sp_gui_test_find (GTK_WIDGET (f->view), is_claims_placeholder, NULL);
  g_assert_nonnull (hint);
  g_assert_true (gtk_widget_is_drawable (hint));
  g_test_message ("hint: %s", gtk_label_get_text (GTK_LABEL (hint)));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (hint)), "Ctrl+T"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (hint)), "Tag Claim"));
}

/* A read-only project: claims are read and jumped to, never tagged or edited */
static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  guint start, end;

  show_document (f, f->long_doc);
  sp_documents_view_set_editable (f->view, FALSE);

  /* Tag Claim does nothing, from the window's shortcut or the reader's menu */
  select_range (f, 10, 30);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.tag-claim", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "documents.tag-claim", NULL);
  settle_motion (f);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover (f))));

  /* A claim in the list still leads to its sentence, without the editor */
  gtk_widget_activate (find_claim_row (GTK_WIDGET (f->view), f->target_claim));
  settle_motion (f);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover (f))));
  g_assert_true (sp_reader_get_selection (f->reader, &start, &end));
  g_assert_cmpuint (start, ==, f->target_start);
  g_assert_cmpuint (end, ==, f->target_end);

  /* Editable again, the same row opens the editor */
  sp_documents_view_set_editable (f->view, TRUE);
  gtk_widget_activate (find_claim_row (GTK_WIDGET (f->view), f->target_claim));
  settle_motion (f);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover (f))));
  gtk_popover_popdown (GTK_POPOVER (popover (f)));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  sp_gui_test_load_css ();

#define ADD(path, width, func) \
  g_test_add (path, Fixture, GINT_TO_POINTER (width), fixture_setup, func, fixture_teardown)
  ADD ("/documents/opens-at-top", 1280, test_opens_at_top);
  ADD ("/documents/jump-centres", 1280, test_jump_centres);
  ADD ("/documents/jump-centres-narrow", 560, test_jump_centres);
  ADD ("/documents/popover/beside-selection/1280", 1280, test_popover_beside_selection);
  ADD ("/documents/popover/beside-selection/760", 760, test_popover_beside_selection);
  ADD ("/documents/popover/beside-selection/560", 560, test_popover_beside_selection);
  ADD ("/documents/popover/escape", 1280, test_popover_escape);
  ADD ("/documents/popover/issue-propositions", 1280, test_popover_issue_propositions);
  ADD ("/documents/popover/actor-list", 1280, test_popover_actor_list);
  ADD ("/documents/popover/stance-colours", 1280, test_popover_stance_colours);
  ADD ("/documents/layout/1280", 1280, test_wide);
  ADD ("/documents/layout/760", 760, test_narrow);
  ADD ("/documents/layout/560", 560, test_narrow);
  ADD ("/documents/list-one-tab-stop", 1280, test_list_one_tab_stop);
  ADD ("/documents/context-menu", 1280, test_context_menu);
  ADD ("/documents/typography", 560, test_typography);
  ADD ("/documents/selection-unlike-highlights", 1280, test_selection_unlike_highlights);
  ADD ("/documents/claims-list-full-text", 1280, test_claims_list_full_text);
  ADD ("/documents/empty-claims-hint", 1280, test_empty_claims_hint);
  ADD ("/documents/read-only", 1280, test_read_only);
#undef ADD

  return g_test_run ();
}
