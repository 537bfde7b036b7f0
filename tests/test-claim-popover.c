/* test-claim-popover.c
 *
 * The claim popover over the reader in the real window under Xvfb: where it sits beside the
 * selection at 1280, 760 and 560 px, Escape, its issue list with each issue's proposition,
 * its actor list, and its stance buttons' colours. Screenshots are saved next to the test
 * binary (docs-*.png) for people to look at.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <adwaita.h>

#include "sp-gui-test-documents.h"
#include "sp-gui-test-util.h"
#include "sp-stance-palette.h"

typedef SpGuiTestDocuments Fixture;

/* The last words of the display line at @fraction of the reader's height */
static void
words_at_line_end (Fixture *f,
                   double   fraction,
                   guint   *start,
                   guint   *end)
{
  GdkRectangle visible;
  GtkTextIter iter;

  gtk_text_view_get_visible_rect (f->text_view, &visible);
  gtk_text_view_get_iter_at_location (f->text_view, &iter, 40, visible.y + visible.height * fraction);
  gtk_text_view_forward_display_line_end (f->text_view, &iter);
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
  guint start = sp_gui_test_offset_of (f->long_body, "Paragraph 5.");
  guint end = sp_gui_test_offset_of (f->long_body, "Paragraph 6.") - 2;

  sp_gui_test_documents_show (f, f->long_doc);
  gtk_adjustment_set_value (f->vadjustment, 0);
  sp_gui_test_settle (GTK_WIDGET (f->window));

  /* A whole paragraph of several lines, in the middle of the reader */
  sp_gui_test_select_text (f->reader, start, end);
  sp_gui_test_documents_open_new_claim (f);
  sp_gui_test_documents_assert_popover_beside (f, start, end, "popover-middle");
  gtk_popover_popdown (GTK_POPOVER (f->popover));
  sp_gui_test_settle (GTK_WIDGET (f->window));

  /* Two words at the right end of a line near the bottom */
  words_at_line_end (f, 0.85, &start, &end);
  sp_gui_test_select_text (f->reader, start, end);
  sp_gui_test_documents_open_new_claim (f);
  sp_gui_test_documents_assert_popover_beside (f, start, end, "popover-right");
}

static void
test_popover_escape (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *search;

  sp_gui_test_documents_show (f, f->long_doc);
  sp_gui_test_select_text (f->reader, 10, 30);
  sp_gui_test_documents_open_new_claim (f);

  search = sp_gui_test_find_type (GTK_WIDGET (f->popover), GTK_TYPE_SEARCH_ENTRY);
  g_assert_true (sp_gui_test_is_inside (gtk_root_get_focus (GTK_ROOT (f->window)), search));

  sp_claim_popover_set_actor_search (f->popover, "dele");
  sp_gui_test_press_key (GTK_WINDOW (f->window), GDK_KEY_Escape, 0);
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->popover)));
}

static void
test_popover_issue_propositions (Fixture       *f,
                                 gconstpointer  data)
{
  GtkWidget *dropdown;
  GtkWidget *list_popover;

  sp_gui_test_documents_show (f, f->long_doc);
  sp_gui_test_select_text (f->reader, 10, 30);
  sp_gui_test_documents_open_new_claim (f);

  /* The chosen issue's proposition says which way "support" points */
  g_assert_true (sp_claim_popover_choose_issue (f->popover, f->ceasefire));
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_true (sp_gui_test_shows_text (GTK_WIDGET (f->popover), sp_gui_test_documents_ceasefire_proposition));

  /* ...and so does every issue in the list to choose from */
  dropdown = sp_gui_test_find_type (GTK_WIDGET (f->popover), GTK_TYPE_DROP_DOWN);
  list_popover = sp_gui_test_find_type (dropdown, GTK_TYPE_POPOVER);
  gtk_popover_popup (GTK_POPOVER (list_popover));
  sp_gui_test_settle (GTK_WIDGET (f->window));
  sp_gui_test_documents_screenshot (f, list_popover, "issue-list");
  g_assert_nonnull (sp_gui_test_find_label (list_popover, sp_gui_test_documents_ceasefire_proposition));
  g_assert_nonnull (sp_gui_test_find_label (list_popover, sp_gui_test_documents_corridor_proposition));
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

  sp_gui_test_documents_show (f, f->long_doc);
  sp_gui_test_select_text (f->reader, 10, 30);
  sp_gui_test_documents_open_new_claim (f);
  sp_gui_test_documents_screenshot (f, GTK_WIDGET (f->popover), "popover");

  list = sp_gui_test_find_type (GTK_WIDGET (f->popover), GTK_TYPE_LIST_VIEW);
  scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (list, GTK_TYPE_SCROLLED_WINDOW));
  adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  row_height = gtk_widget_get_height (actor_row (GTK_WIDGET (f->popover), "Ana Berg"));

  /* Opens at the first actor, showing more than a handful */
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (scroller)), >=, 6 * row_height);

  /* Scrolled down, closed and opened again: at the top again */
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  sp_gui_test_settle (GTK_WIDGET (f->window));
  gtk_popover_popdown (GTK_POPOVER (f->popover));
  sp_gui_test_settle (GTK_WIDGET (f->window));
  sp_gui_test_documents_open_new_claim (f);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);

  /* Filtered to one actor: the list shrinks to it, no blank rows under it */
  sp_claim_popover_set_actor_search (f->popover, "berg");
  sp_gui_test_settle (GTK_WIDGET (f->window));
  sp_gui_test_documents_screenshot (f, GTK_WIDGET (f->popover), "popover-filtered");
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (scroller)), <=, row_height + 8);
  /* ...and the popover shrinks with it */
  gtk_widget_measure (gtk_popover_get_child (GTK_POPOVER (f->popover)), GTK_ORIENTATION_VERTICAL, -1,
                      NULL, &natural, NULL, NULL);
  g_assert_cmpint (gtk_widget_get_height (gtk_popover_get_child (GTK_POPOVER (f->popover))), <=, natural + 8);}

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

  sp_gui_test_documents_show (f, f->long_doc);
  sp_gui_test_select_text (f->reader, 10, 30);
  sp_gui_test_documents_open_new_claim (f);

  for (int stance = -2; stance <= 2; stance++)
    {
      GtkWidget *button = gtk_widget_get_parent (sp_gui_test_find_label (GTK_WIDGET (f->popover), labels[stance + 2]));
      graphene_rect_t bounds;
      Pixel edge = { GTK_WIDGET (f->popover), 0, 0, { -1, -1, -1 } };
      Pixel fill = { GTK_WIDGET (f->popover), 0, 0, { -1, -1, -1 } };

      g_assert_true (GTK_IS_TOGGLE_BUTTON (button));
      g_assert_true (gtk_widget_compute_bounds (button, GTK_WIDGET (f->popover), &bounds));

      /* Not pressed: an edge of the stance's colour along the bottom */
      g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
      edge.x = bounds.origin.x + bounds.size.width / 2;
      edge.y = bounds.origin.y + bounds.size.height - 2;
      sp_gui_test_iterate_until (pixel_settled, &edge);
      g_test_message ("stance %+d: edge %.2f %.2f %.2f", stance, edge.rgb[0], edge.rgb[1], edge.rgb[2]);
      g_assert_cmpfloat (colour_distance (edge.rgb, stance), <, 0.1);

      /* Pressed: filled with it */
      sp_claim_popover_set_stance (f->popover, stance);
      fill.x = bounds.origin.x + 4;
      fill.y = bounds.origin.y + bounds.size.height / 2;
      sp_gui_test_iterate_until (pixel_settled, &fill);
      g_test_message ("stance %+d pressed: %.2f %.2f %.2f", stance, fill.rgb[0], fill.rgb[1], fill.rgb[2]);
      g_assert_cmpfloat (colour_distance (fill.rgb, stance), <, 0.1);
      sp_claim_popover_set_stance (f->popover, G_MAXINT);
    }
}

int
main (int   argc,
      char *argv[])
{
  sp_gui_test_init (&argc, &argv);

  SP_GUI_TEST_ADD_DOCUMENTS ("/documents/popover/beside-selection/1280", 1280, test_popover_beside_selection);
  SP_GUI_TEST_ADD_DOCUMENTS ("/documents/popover/beside-selection/760", 760, test_popover_beside_selection);
  SP_GUI_TEST_ADD_DOCUMENTS ("/documents/popover/beside-selection/560", 560, test_popover_beside_selection);
  SP_GUI_TEST_ADD_DOCUMENTS ("/documents/popover/escape", 1280, test_popover_escape);
  SP_GUI_TEST_ADD_DOCUMENTS ("/documents/popover/issue-propositions", 1280, test_popover_issue_propositions);
  SP_GUI_TEST_ADD_DOCUMENTS ("/documents/popover/actor-list", 1280, test_popover_actor_list);
  SP_GUI_TEST_ADD_DOCUMENTS ("/documents/popover/stance-colours", 1280, test_popover_stance_colours);

  return g_test_run ();
}
