/* test-documents-view.c
 *
 * The Documents view in the real window under Xvfb, at 1280, 760 and 560 px: where the reader
 * opens and jumps to, the narrow layouts, the reader's typography, colours and context menu,
 * the claims list, the document list's keyboard behaviour and a read-only project. The claim
 * popover has tests of its own (test-claim-popover.c). Screenshots are saved next to the test
 * binary (docs-*.png) for people to look at.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <adwaita.h>

#include "sp-gui-test-documents.h"
#include "sp-gui-test-util.h"
#include "sp-test-util.h"

typedef SpGuiTestDocuments Fixture;

/* The reader opens at the top, and stays where it is when an import finishes */

static void
test_opens_at_top (Fixture       *f,
                   gconstpointer  data)
{
  GtkAdjustment *adjustment = f->vadjustment;

  sp_gui_test_documents_show (f, f->long_doc);
  sp_gui_test_documents_screenshot (f, GTK_WIDGET (f->window), "reader");
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
  sp_gui_test_documents_show (f, f->plain_doc);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
  sp_gui_test_documents_show (f, f->long_doc);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
}

/* Jumping to a claim centres its sentence */

static void
test_jump_centres (Fixture       *f,
                   gconstpointer  data)
{
  AdwViewStack *stack = ADW_VIEW_STACK (sp_gui_test_find_type (GTK_WIDGET (f->window), ADW_TYPE_VIEW_STACK));
  guint start, end;

  /* From the matrix, as its cell popover does, to a sentence far down another document (in a
   * narrow window, the Documents view was left showing its list) */
  sp_gui_test_documents_show (f, f->plain_doc);
  if (f->width < 700)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "documents.show-list", NULL));
  adw_view_stack_set_visible_child_name (stack, "matrix");
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-claim", "x", f->target_claim));
  sp_gui_test_documents_settle_motion (f);
  sp_gui_test_documents_screenshot (f, GTK_WIDGET (f->window), "jump");

  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "documents");
  g_assert_cmpint (sp_documents_view_get_document_id (f->view), ==, f->long_doc);
  g_assert_true (sp_reader_get_selection (f->reader, &start, &end));
  g_assert_cmpuint (start, ==, f->target_start);
  g_assert_cmpuint (end, ==, f->target_end);
  sp_gui_test_documents_assert_centred (f, f->target_start, f->target_end);

  /* From the claims list, with the reader scrolled back to the top: the claim opens for
   * editing, its sentence in view and the popover beside it */
  gtk_adjustment_set_value (f->vadjustment, 0);
  sp_gui_test_settle (GTK_WIDGET (f->window));
  gtk_widget_activate (sp_gui_test_find_claim_row (GTK_WIDGET (f->view), f->target_claim));
  sp_gui_test_documents_settle_motion (f);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->popover)));
  sp_gui_test_documents_assert_in_view (f, f->target_start, f->target_end);
  sp_gui_test_documents_assert_popover_beside (f, f->target_start, f->target_end, "popover-edit");
  gtk_popover_popdown (GTK_POPOVER (f->popover));
}

/* Narrow windows: the reader wins */

static void
assert_reader_shown (Fixture *f,
                     int      min_width)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (f->text_view)));
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
  sp_gui_test_documents_show (f, f->long_doc);
  sp_gui_test_documents_screenshot (f, GTK_WIDGET (f->window), "layout");

  /* Everything side by side */
  assert_reader_shown (f, 600);
  g_assert_true (gtk_widget_is_drawable (document_list (f)));
  g_assert_true (gtk_widget_is_drawable (sp_gui_test_find_claim_row (GTK_WIDGET (f->view), f->target_claim)));

  /* Made narrow and wide again, the layout follows */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 560, 760);
  sp_gui_test_documents_settle_motion (f);
  g_test_message ("narrowed to %d px", gtk_widget_get_width (GTK_WIDGET (f->window)));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), <, 600);
  assert_reader_shown (f, 500);
  g_assert_false (gtk_widget_is_drawable (document_list (f)));

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 760);
  sp_gui_test_documents_settle_motion (f);
  assert_reader_shown (f, 600);
  g_assert_true (gtk_widget_is_drawable (document_list (f)));
  g_assert_true (gtk_widget_is_drawable (sp_gui_test_find_claim_row (GTK_WIDGET (f->view), f->target_claim)));
}

static void
test_narrow (Fixture       *f,
             gconstpointer  data)
{
  int width = GPOINTER_TO_INT (data);
  GtkWidget *row;

  sp_gui_test_documents_show (f, f->long_doc);
  sp_gui_test_documents_screenshot (f, GTK_WIDGET (f->window), "layout");
  assert_reader_shown (f, width >= 760 ? 440 : 500);

  /* The claims fold away, one button away */
  row = sp_gui_test_find_claim_row (GTK_WIDGET (f->view), f->target_claim);
  g_assert_false (gtk_widget_is_drawable (row));
  g_assert_true (gtk_widget_is_drawable (claims_toggle (f)));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (claims_toggle (f)), TRUE);
  sp_gui_test_documents_settle_motion (f);
  sp_gui_test_documents_screenshot (f, GTK_WIDGET (f->window), "layout-claims");
  g_assert_true (gtk_widget_is_drawable (row));

  /* Opening a claim from the list gives the reader back for it */
  gtk_widget_activate (row);
  sp_gui_test_documents_settle_motion (f);
  g_assert_false (gtk_widget_is_drawable (row));
  sp_gui_test_documents_assert_in_view (f, f->target_start, f->target_end);
  gtk_popover_popdown (GTK_POPOVER (f->popover));
  sp_gui_test_documents_settle_motion (f);

  if (width >= 760)
    {
      g_assert_true (gtk_widget_is_drawable (document_list (f)));
      return;
    }

  /* At the narrowest the document list folds away too, with a way back to it */
  g_assert_false (gtk_widget_is_drawable (document_list (f)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "documents.show-list", NULL));
  sp_gui_test_documents_settle_motion (f);
  sp_gui_test_documents_screenshot (f, GTK_WIDGET (f->window), "layout-list");
  g_assert_true (gtk_widget_is_drawable (document_list (f)));
  g_assert_false (gtk_widget_is_drawable (GTK_WIDGET (f->text_view)));

  /* Choosing a document (Enter, or a click) shows it */
  g_signal_emit_by_name (document_list (f), "activate", 0);
  sp_gui_test_documents_settle_motion (f);
  assert_reader_shown (f, 500);
  g_assert_false (gtk_widget_is_drawable (document_list (f)));
}

/* The document list is one Tab stop: arrows move inside it */
static void
test_list_one_tab_stop (Fixture       *f,
                        gconstpointer  data)
{
  SpProject *project = sp_window_get_project (f->window);
  GtkWidget *list = document_list (f);
  GtkWidget *search = sp_gui_test_find_drawn_type (GTK_WIDGET (f->view), GTK_TYPE_SEARCH_ENTRY);
  GtkWidget *sort = sp_gui_test_find_drawn_type (GTK_WIDGET (f->view), GTK_TYPE_MENU_BUTTON);
  GtkWindow *window = GTK_WINDOW (f->window);

  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *name = g_strdup_printf ("briefing-%02u.txt", i);
      g_autofree char *body = g_strdup_printf ("Briefing %u\n\nThe delegations met again.", i);

      sp_test_add_document (project, name, name, body);
    }
  sp_project_notify_changed (project, SP_CHANGE_DOCUMENTS);
  sp_gui_test_documents_show (f, f->long_doc);

  gtk_widget_grab_focus (search);

  /* Between the search and the list: the sort menu */
  sp_gui_test_press_key (window, GDK_KEY_Tab, 0);
  g_assert_true (sp_gui_test_is_inside (gtk_root_get_focus (GTK_ROOT (window)), sort));
  sp_gui_test_press_key (window, GDK_KEY_Tab, 0);
  g_assert_true (sp_gui_test_is_inside (gtk_root_get_focus (GTK_ROOT (window)), list));

  /* One Tab leaves the list for the reader's side */
  sp_gui_test_press_key (window, GDK_KEY_Tab, 0);
  g_test_message ("focus after Tab: %s", G_OBJECT_TYPE_NAME (gtk_root_get_focus (GTK_ROOT (window))));
  g_assert_false (sp_gui_test_is_inside (gtk_root_get_focus (GTK_ROOT (window)), list));
  g_assert_false (sp_gui_test_is_inside (gtk_root_get_focus (GTK_ROOT (window)), search));

  /* Shift+Tab comes back into it, and once more goes to the sort menu, then the search */
  sp_gui_test_press_key (window, GDK_KEY_Tab, GDK_SHIFT_MASK);
  g_assert_true (sp_gui_test_is_inside (gtk_root_get_focus (GTK_ROOT (window)), list));
  sp_gui_test_press_key (window, GDK_KEY_Tab, GDK_SHIFT_MASK);
  g_assert_true (sp_gui_test_is_inside (gtk_root_get_focus (GTK_ROOT (window)), sort));
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

  sp_gui_test_documents_show (f, f->long_doc);
  sp_gui_test_select_text (f->reader, 10, 30);
  gtk_widget_grab_focus (GTK_WIDGET (f->text_view));
  sp_gui_test_press_key (GTK_WINDOW (f->window), GDK_KEY_Menu, 0);
  sp_gui_test_settle (GTK_WIDGET (f->window));

  menu = sp_gui_test_find_type (GTK_WIDGET (f->reader), GTK_TYPE_POPOVER_MENU);
  g_assert_nonnull (menu);
  g_assert_true (gtk_widget_get_visible (menu));
  sp_gui_test_documents_screenshot (f, menu, "context-menu");

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
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (f->text_view);
  GdkRectangle first, second;
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, sp_gui_test_offset_of (body, end_of_first));
  gtk_text_view_get_iter_location (f->text_view, &iter, &first);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, sp_gui_test_offset_of (body, start_of_second));
  gtk_text_view_get_iter_location (f->text_view, &iter, &second);
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
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (f->text_view);
  GdkRectangle location;
  GtkTextIter iter;
  GtkWidget *title;
  GtkWidget *url;
  int line_height;
  int gap;

  /* Paragraphs on lines of their own are a blank line apart */
  sp_gui_test_documents_show (f, f->plain_doc);
  gap = gap_between (f, plain, "here.", "The second", &line_height);
  g_test_message ("single newlines: gap %d px, line %d px", gap, line_height);
  g_assert_cmpint (gap, >=, line_height / 2);

  /* ...and so are paragraphs with blank lines between them, not twice as far */
  sp_gui_test_documents_show (f, f->long_doc);
  sp_gui_test_documents_screenshot (f, GTK_WIDGET (f->window), "typography");
  gap = gap_between (f, f->long_body, "that day.\n\nParagraph 2", "Paragraph 2", &line_height);
  g_test_message ("blank lines: gap %d px, line %d px", gap, line_height);
  g_assert_cmpint (gap, >=, line_height / 2);
  g_assert_cmpint (gap, <=, line_height * 3 / 2);

  /* The title is not repeated as the body's first line */
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, sp_gui_test_offset_of (f->long_body, "Paragraph 1."));
  gtk_text_view_get_iter_location (f->text_view, &iter, &location);
  g_assert_cmpint (location.y, <=, gtk_text_view_get_top_margin (f->text_view));

  /* A long title takes two lines at most, a long URL one; each says the rest on hover */
  sp_gui_test_documents_show (f, f->titled_doc);
  sp_gui_test_documents_screenshot (f, GTK_WIDGET (f->window), "long-title");
  title = sp_gui_test_find_label (GTK_WIDGET (f->reader), sp_gui_test_documents_long_title);
  g_assert_nonnull (title);
  g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (title))), <=, 2);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (title), ==, sp_gui_test_documents_long_title);
  url = sp_gui_test_find_label (GTK_WIDGET (f->reader), sp_gui_test_documents_long_url);
  g_assert_nonnull (url);
  g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (url))), ==, 1);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (url), ==, sp_gui_test_documents_long_url);
}

/* The selection never looks like a claim's highlight */

static void
background_at (GdkTexture *texture,
               Fixture    *f,
               guint       start,
               guint       end,
               double      rgb[3])
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (f->text_view);
  GdkRectangle first, last;
  GtkTextIter iter;
  graphene_point_t point;
  guint counts[1 << 12] = { 0 };
  guint best = 0;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, start);
  gtk_text_view_get_iter_location (f->text_view, &iter, &first);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, end);
  gtk_text_view_get_iter_location (f->text_view, &iter, &last);

  /* The commonest colour along the bottom of the line: background, not ink */
  for (int x = first.x + 1; x < last.x - 1; x++)
    {
      int wx, wy;
      double sample[3];
      guint key;

      gtk_text_view_buffer_to_window_coords (f->text_view, GTK_TEXT_WINDOW_WIDGET, x, first.y + first.height - 2, &wx, &wy);
      g_assert_true (gtk_widget_compute_point (GTK_WIDGET (f->text_view), GTK_WIDGET (f->window),
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
  guint start = sp_gui_test_offset_of (f->long_body, "mediators");
  double selection[3];
  double page[3];

  sp_gui_test_documents_show (f, f->long_doc);
  sp_gui_test_select_text (f->reader, start, start + strlen ("mediators"));
  gtk_widget_grab_focus (GTK_WIDGET (f->text_view));
  sp_gui_test_settle (GTK_WIDGET (f->window));
  texture = sp_gui_test_screenshot (GTK_WIDGET (f->window), "docs-selection.png");

  background_at (texture, f, start + 1, start + strlen ("mediators") - 1, selection);
  start = sp_gui_test_offset_of (f->long_body, "discussed");
  background_at (texture, f, start, start + strlen ("discussed"), page);
  g_test_message ("selection %.2f %.2f %.2f, page %.2f %.2f %.2f",
                  selection[0], selection[1], selection[2], page[0], page[1], page[2]);
  g_assert_cmpfloat (distance (selection, page), >, 0.15);

  for (int stance = -2; stance <= 2; stance++)
    {
      const char *word = sp_gui_test_documents_stance_words[stance + 2];
      double highlight[3];

      start = sp_gui_test_offset_of (f->long_body, word);
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
  guint start = sp_gui_test_offset_of (f->long_body, "Paragraph 5.");
  guint end = sp_gui_test_offset_of (f->long_body, "Paragraph 7.") - 2;
  gint64 id;

  /* Two paragraphs quoted, with a long note */
  id = sp_test_add_claim (project, f->long_doc, start, end, f->berg, f->corridor, -1,
                          "Coded as opposition because the delegation tied the corridor to conditions "
                          "that the other side has already rejected twice this month");
  sp_gui_test_documents_show (f, f->long_doc);
  sp_gui_test_documents_screenshot (f, GTK_WIDGET (f->window), "claims-list");
  assert_labels_readable (sp_gui_test_find_claim_row (GTK_WIDGET (f->view), id), sp_gui_test_find_claim_row (GTK_WIDGET (f->view), id));
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

  sp_gui_test_documents_show (f, f->plain_doc);
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

  sp_gui_test_documents_show (f, f->long_doc);
  sp_documents_view_set_editable (f->view, FALSE);

  /* Tag Claim does nothing, from the window's shortcut or the reader's menu */
  sp_gui_test_select_text (f->reader, 10, 30);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.tag-claim", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "documents.tag-claim", NULL);
  sp_gui_test_documents_settle_motion (f);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->popover)));

  /* A claim in the list still leads to its sentence, without the editor */
  gtk_widget_activate (sp_gui_test_find_claim_row (GTK_WIDGET (f->view), f->target_claim));
  sp_gui_test_documents_settle_motion (f);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->popover)));
  g_assert_true (sp_reader_get_selection (f->reader, &start, &end));
  g_assert_cmpuint (start, ==, f->target_start);
  g_assert_cmpuint (end, ==, f->target_end);

  /* Editable again, the same row opens the editor */
  sp_documents_view_set_editable (f->view, TRUE);
  gtk_widget_activate (sp_gui_test_find_claim_row (GTK_WIDGET (f->view), f->target_claim));
  sp_gui_test_documents_settle_motion (f);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->popover)));
  gtk_popover_popdown (GTK_POPOVER (f->popover));
}

int
main (int   argc,
      char *argv[])
{
  sp_gui_test_init (&argc, &argv);

  SP_GUI_TEST_ADD_DOCUMENTS ("/documents/opens-at-top", 1280, test_opens_at_top);
  SP_GUI_TEST_ADD_DOCUMENTS ("/documents/jump-centres", 1280, test_jump_centres);
  SP_GUI_TEST_ADD_DOCUMENTS ("/documents/jump-centres-narrow", 560, test_jump_centres);
  SP_GUI_TEST_ADD_DOCUMENTS ("/documents/layout/1280", 1280, test_wide);
  SP_GUI_TEST_ADD_DOCUMENTS ("/documents/layout/760", 760, test_narrow);
  SP_GUI_TEST_ADD_DOCUMENTS ("/documents/layout/560", 560, test_narrow);
  SP_GUI_TEST_ADD_DOCUMENTS ("/documents/list-one-tab-stop", 1280, test_list_one_tab_stop);
  SP_GUI_TEST_ADD_DOCUMENTS ("/documents/context-menu", 1280, test_context_menu);
  SP_GUI_TEST_ADD_DOCUMENTS ("/documents/typography", 560, test_typography);
  SP_GUI_TEST_ADD_DOCUMENTS ("/documents/selection-unlike-highlights", 1280, test_selection_unlike_highlights);
  SP_GUI_TEST_ADD_DOCUMENTS ("/documents/claims-list-full-text", 1280, test_claims_list_full_text);
  SP_GUI_TEST_ADD_DOCUMENTS ("/documents/empty-claims-hint", 1280, test_empty_claims_hint);
  SP_GUI_TEST_ADD_DOCUMENTS ("/documents/read-only", 1280, test_read_only);

  return g_test_run ();
}
