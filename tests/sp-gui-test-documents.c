/* sp-gui-test-documents.c
 *
 * See sp-gui-test-documents.h.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <adwaita.h>

#include "sp-gui-test-documents.h"
#include "sp-gui-test-util.h"
#include "sp-test-util.h"

typedef SpGuiTestDocuments Fixture;

#define N_PARAGRAPHS   60
#define TARGET_PARAGRAPH 48
#define N_DELEGATES    30

static const char target_sentence[] = "The envoy said the corridor would stay open through the winter.";
const char sp_gui_test_documents_long_title[] =
  "Mediators from three capitals spend a long night in Portbridge drafting the wording of a "
  "corridor agreement that both delegations say they could sign before the winter begins";
const char sp_gui_test_documents_long_url[] =
  "https://news.example.org/world/europe/2026/02/23/mediators-spend-a-long-night-in-portbridge-"
  "drafting-the-wording-of-a-corridor-agreement-both-delegations-could-sign";
const char sp_gui_test_documents_ceasefire_proposition[] = "A ceasefire should come before any talks on borders";
const char sp_gui_test_documents_corridor_proposition[] = "The humanitarian corridor should stay open";
/* Without descenders, so that the bottom of their line is background, not ink */
const char * const sp_gui_test_documents_stance_words[5] = { "summer", "manure", "carers", "reason", "sources" };

static char *
make_long_body (void)
{
  const char * const *words = sp_gui_test_documents_stance_words;
  GString *body = g_string_new ("Corridor talks resume in Portbridge\n\n");

  for (guint i = 1; i <= N_PARAGRAPHS; i++)
    {
      if (i == 1)
        g_string_append_printf (body, "Paragraph 1. Words to mark: %s, %s, %s, %s and %s. ",
                                words[0], words[1], words[2], words[3], words[4]);
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

void
sp_gui_test_documents_setup (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  int width = GPOINTER_TO_INT (data);
  SpDocumentFields titled = {
    .file_name = "long-title.html",
    .title = sp_gui_test_documents_long_title,
    .date = "2026-02-23",
    .source = "Example News",
    .url = sp_gui_test_documents_long_url,
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
  f->ceasefire = sp_project_add_issue (project, "ceasefire", "Ceasefire first", sp_gui_test_documents_ceasefire_proposition, NULL, &error);
  f->corridor = sp_project_add_issue (project, "corridor", "Humanitarian corridor", sp_gui_test_documents_corridor_proposition, NULL, &error);
  g_assert_no_error (error);

  f->target_start = sp_gui_test_offset_of (f->long_body, target_sentence);
  f->target_end = f->target_start + g_utf8_strlen (target_sentence, -1);
  f->target_claim = sp_test_add_claim (project, f->long_doc, f->target_start, f->target_end, f->berg, f->corridor, 2, NULL);
  for (int stance = -2; stance <= 2; stance++)
    {
      const char *word = sp_gui_test_documents_stance_words[stance + 2];
      guint start = sp_gui_test_offset_of (f->long_body, word);

      sp_test_add_claim (project, f->long_doc, start, start + strlen (word), f->berg, f->ceasefire, stance, NULL);
    }
  g_clear_object (&project);

  f->window = sp_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), width, 760);
  sp_gui_test_open_project (f->window, path);
  gtk_window_present (GTK_WINDOW (f->window));
  f->view = SP_DOCUMENTS_VIEW (sp_gui_test_find_type (GTK_WIDGET (f->window), SP_TYPE_DOCUMENTS_VIEW));
  g_assert_nonnull (f->view);
  f->reader = sp_documents_view_get_reader (f->view);
  f->text_view = sp_reader_get_text_view (f->reader);
  f->vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (f->text_view));
  f->popover = sp_documents_view_get_claim_popover (f->view);
  sp_gui_test_settle (GTK_WIDGET (f->window));
  /* The window's frame takes a few pixels of the size asked for */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), >, width - 16);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), <=, width);
}

void
sp_gui_test_documents_teardown (Fixture       *f,
                                gconstpointer  data)
{
  sp_gui_test_tear_down (f->window, f->dir);
  g_free (f->long_body);
}

/* Saves what @widget draws as docs-WHAT-WIDTH.png */
void
sp_gui_test_documents_screenshot (Fixture    *f,
                                  GtkWidget  *widget,
                                  const char *what)
{
  g_autofree char *name = g_strdup_printf ("docs-%s-%d.png", what, f->width);

  g_object_unref (sp_gui_test_screenshot (widget, name));
}

static gboolean
scroll_stopped (gpointer data)
{
  Fixture *f = data;
  double before = gtk_adjustment_get_value (f->vadjustment);

  sp_gui_test_settle (GTK_WIDGET (f->window));
  return gtk_adjustment_get_value (f->vadjustment) == before;
}

/* Lets the window settle: the reader's (smooth) scrolling, the list sliding in or out and
 * the claims panel folding come to an end */
void
sp_gui_test_documents_settle_motion (Fixture *f)
{
  sp_gui_test_iterate_until (sp_gui_test_transitions_done, f->view);
  sp_gui_test_iterate_until (scroll_stopped, f);
}

void
sp_gui_test_documents_show (Fixture *f,
                            gint64   document)
{
  g_assert_true (sp_documents_view_select_document (f->view, document));
  sp_gui_test_documents_settle_motion (f);
}

/* Where a range is drawn and what the reader shows, in buffer coordinates */
static void
range_and_view (Fixture      *f,
                guint         start,
                guint         end,
                GdkRectangle *range,
                GdkRectangle *visible)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (f->text_view);
  GdkRectangle first, last;
  GtkTextIter iter;

  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (f->text_view)));
  gtk_text_view_get_visible_rect (f->text_view, visible);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, start);
  gtk_text_view_get_iter_location (f->text_view, &iter, &first);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, end - 1);
  gtk_text_view_get_iter_location (f->text_view, &iter, &last);
  range->x = 0;
  range->y = first.y;
  range->width = visible->width;
  range->height = last.y + last.height - first.y;
  g_test_message ("range %d…%d, visible %d…%d", range->y, range->y + range->height,
                  visible->y, visible->y + visible->height);
}

void
sp_gui_test_documents_assert_in_view (Fixture *f,
                                      guint    start,
                                      guint    end)
{
  GdkRectangle range, visible;

  range_and_view (f, start, end, &range, &visible);
  g_assert_cmpint (range.y, >=, visible.y);
  g_assert_cmpint (range.y + range.height, <=, visible.y + visible.height);
}

void
sp_gui_test_documents_assert_centred (Fixture *f,
                                      guint    start,
                                      guint    end)
{
  GdkRectangle range, visible;

  sp_gui_test_documents_assert_in_view (f, start, end);
  range_and_view (f, start, end, &range, &visible);
  g_assert_cmpfloat (fabs (range.y + range.height / 2.0 - (visible.y + visible.height / 2.0)), <=, visible.height / 4.0);
}

/* Tag Claim on the selection: the popover opens for a new claim */
void
sp_gui_test_documents_open_new_claim (Fixture *f)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.tag-claim", NULL));
  sp_gui_test_documents_settle_motion (f);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->popover)));
}

/* Where the text between two offsets is drawn, in the window surface's coordinates */
static void
range_surface_rect (Fixture         *f,
                    guint            start,
                    guint            end,
                    graphene_rect_t *rect)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (f->text_view);
  graphene_rect_t view_bounds;
  GdkRectangle first, last;
  GtkTextIter iter;
  int top, bottom, unused;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, start);
  gtk_text_view_get_iter_location (f->text_view, &iter, &first);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, end - 1);
  gtk_text_view_get_iter_location (f->text_view, &iter, &last);
  gtk_text_view_buffer_to_window_coords (f->text_view, GTK_TEXT_WINDOW_WIDGET, 0, first.y, &unused, &top);
  gtk_text_view_buffer_to_window_coords (f->text_view, GTK_TEXT_WINDOW_WIDGET, 0, last.y + last.height, &unused, &bottom);

  g_assert_true (sp_gui_test_surface_bounds (GTK_WIDGET (f->text_view), &view_bounds));
  graphene_rect_init (rect, view_bounds.origin.x, view_bounds.origin.y + top, view_bounds.size.width, bottom - top);
}

/* The claim popover is beside the range, not over it, and inside the window; a screenshot of
 * both is saved as docs-WHAT-WIDTH.png */
void
sp_gui_test_documents_assert_popover_beside (Fixture    *f,
                                             guint       start,
                                             guint       end,
                                             const char *what)
{
  g_autofree char *name = g_strdup_printf ("docs-%s-%d.png", what, f->width);
  GtkWidget *child = gtk_popover_get_child (GTK_POPOVER (f->popover));
  graphene_rect_t selection, content, window;

  range_surface_rect (f, start, end, &selection);
  g_assert_true (sp_gui_test_surface_bounds (child, &content));
  g_assert_true (sp_gui_test_surface_bounds (GTK_WIDGET (f->window), &window));
  sp_gui_test_screenshot_with (GTK_WIDGET (f->window), GTK_WIDGET (f->popover), name);
  g_test_message ("%s: selection y %g…%g, popover %g,%g %g×%g, window %g×%g", what,
                  selection.origin.y, selection.origin.y + selection.size.height,
                  content.origin.x, content.origin.y, content.size.width, content.size.height,
                  window.size.width, window.size.height);

  g_assert_false (graphene_rect_intersection (&selection, &content, NULL));
  g_assert_true (graphene_rect_contains_rect (&window, &content));
}

