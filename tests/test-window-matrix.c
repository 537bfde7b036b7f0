/* test-window-matrix.c
 *
 * The matrix view of the real window under Xvfb: the colours its widget draws (read back from
 * screenshots and compared with the stance palette), the mean on hover and the claims behind
 * a cell, the group level, what an empty matrix says to do next, scrolling a matrix larger
 * than the window, and exports. Screenshots are saved next to the test binary
 * (window-matrix-*.png) for people to look at.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <adwaita.h>

#include "sp-gui-test-talks.h"
#include "sp-gui-test-util.h"
#include "sp-stance-palette.h"
#include "sp-test-util.h"
#include "sp-window-private.h"

typedef SpGuiTestTalks Fixture;

/* The matrix widget's colours */

static void
assert_cell_colour (SpMatrixWidget *widget,
                    GdkTexture     *texture,
                    guint           row,
                    guint           column,
                    double          mean)
{
  graphene_rect_t cell;
  graphene_point_t corner;
  double rgb[3];
  SpRgb expected;

  g_assert_true (sp_matrix_widget_get_cell_rect (widget, row, column, &cell));
  /* The cell's corner, inside its border, away from the text in its middle */
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (widget), GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (widget))),
                                           &GRAPHENE_POINT_INIT (cell.origin.x + 5, cell.origin.y + 5), &corner));
  sp_gui_test_read_pixel (texture, (int)corner.x, (int)corner.y, rgb);

  if (isnan (mean))
    {
      /* An empty cell is not coloured: white or the light grey of its hatching */
      g_assert_cmpfloat (fabs (rgb[0] - rgb[1]), <, 0.05);
      g_assert_cmpfloat (fabs (rgb[1] - rgb[2]), <, 0.05);
      g_assert_cmpfloat (rgb[0], >, 0.8);
      return;
    }

  sp_stance_color (mean, &expected);
  g_test_message ("cell %u,%u: drawn %.2f %.2f %.2f, palette %.2f %.2f %.2f", row, column,
                  rgb[0], rgb[1], rgb[2], expected.red, expected.green, expected.blue);
  g_assert_cmpfloat (fabs (rgb[0] - expected.red), <, 0.04);
  g_assert_cmpfloat (fabs (rgb[1] - expected.green), <, 0.04);
  g_assert_cmpfloat (fabs (rgb[2] - expected.blue), <, 0.04);
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
  sp_gui_test_settle (GTK_WIDGET (f->window));

  matrix = sp_matrix_widget_get_matrix (widget);
  g_assert_nonnull (matrix);
  /* Rows by name: Ana Berg, Northland, Tomas Reyes; columns: ceasefire, membership */
  g_assert_cmpuint (sp_matrix_get_n_rows (matrix), ==, 3);
  g_assert_cmpstr (sp_matrix_get_row_label (matrix, 2), ==, "Tomas Reyes");

  texture = sp_gui_test_screenshot (GTK_WIDGET (f->window), "window-matrix.png");
  assert_cell_colour (widget, texture, 0, 0, 1.5);
  assert_cell_colour (widget, texture, 0, 1, NAN);
  assert_cell_colour (widget, texture, 1, 0, NAN);
  assert_cell_colour (widget, texture, 2, 0, -2);
  assert_cell_colour (widget, texture, 2, 1, -1);

  /* Pointing at a cell puts its mean and count in the toolbar */
  g_signal_emit_by_name (widget, "cell-hovered", 0, 0);
  g_assert_nonnull (sp_gui_test_find_label (GTK_WIDGET (f->window->matrix_view), "Ana Berg on Ceasefire first: mean +1.5 from 2 claims"));
  g_signal_emit_by_name (widget, "cell-hovered", -1, -1);
  g_assert_null (sp_gui_test_find_label (GTK_WIDGET (f->window->matrix_view), "Ana Berg on Ceasefire first: mean +1.5 from 2 claims"));

  /* A cell's popover lists the claims behind it, each a way to its sentence */
  g_signal_emit_by_name (widget, "cell-activated", 0, 0);
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_cmpuint (count_show_claim_buttons (GTK_WIDGET (widget)), ==, 2);
  g_signal_emit_by_name (widget, "cell-activated", 2, 1);
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_cmpuint (count_show_claim_buttons (GTK_WIDGET (widget)), ==, 1);
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_first_child (GTK_WIDGET (widget))));
  sp_gui_test_settle (GTK_WIDGET (f->window));

  /* Group level: Ana Berg's claims count for Northland */
  sp_matrix_view_set_level (f->window->matrix_view, SP_MATRIX_LEVEL_GROUP);
  sp_gui_test_settle (GTK_WIDGET (f->window));
  matrix = sp_matrix_widget_get_matrix (widget);
  g_assert_cmpuint (sp_matrix_get_n_rows (matrix), ==, 2);
  g_assert_cmpstr (sp_matrix_get_row_label (matrix, 0), ==, "Northland");
  g_clear_object (&texture);
  texture = sp_gui_test_screenshot (GTK_WIDGET (f->window), "window-matrix-groups.png");
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

  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_object_unref (sp_gui_test_screenshot (GTK_WIDGET (f->window), screenshot));

  page = ADW_STATUS_PAGE (sp_gui_test_find_drawn_type (view, ADW_TYPE_STATUS_PAGE));
  g_assert_nonnull (page);
  g_test_message ("%s: %s", adw_status_page_get_title (page), adw_status_page_get_description (page));
  button = sp_gui_test_find_drawn_actionable (view, action_name, target);
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
  sp_gui_test_open_project (f->window, path);
  project = sp_window_get_project (f->window);
  adw_view_stack_set_visible_child_name (f->window->view_stack, "matrix");

  /* Nothing at all: import articles */
  assert_empty_matrix (f, "window-matrix-empty-project.png", "win.import-articles", NULL, FALSE);

  /* Articles but no codebook: add actors, or import a codebook */
  document = sp_test_add_document (project, "talks.txt", "Talks in Portbridge", sp_gui_test_talks_body);
  sp_project_notify_changed (project, SP_CHANGE_DOCUMENTS);
  assert_empty_matrix (f, "window-matrix-empty-codebook.png", "win.import-codebook", NULL, FALSE);
  g_assert_nonnull (sp_gui_test_find_drawn_actionable (GTK_WIDGET (f->window->matrix_view), "win.show-view", "actors"));

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
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_null (sp_gui_test_find_drawn_type (GTK_WIDGET (f->window->matrix_view), ADW_TYPE_STATUS_PAGE));
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
  sp_gui_test_settle (GTK_WIDGET (f->window));

  n_rows = sp_matrix_get_n_rows (sp_matrix_widget_get_matrix (widget));
  g_assert_cmpuint (n_rows, ==, 123);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (widget)), >, gtk_widget_get_height (GTK_WIDGET (scroller)));

  vadjustment = gtk_scrolled_window_get_vadjustment (scroller);
  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_upper (vadjustment));
  sp_gui_test_settle (GTK_WIDGET (f->window));

  /* The last row is "Zz Delegate 119", stance 119 % 5 - 2 = 2 on membership */
  g_assert_cmpstr (sp_matrix_get_row_label (sp_matrix_widget_get_matrix (widget), n_rows - 1), ==, "Zz Delegate 119");
  texture = sp_gui_test_screenshot (GTK_WIDGET (f->window), "window-matrix-scrolled.png");
  assert_cell_colour (widget, texture, n_rows - 1, 1, 2);
  assert_cell_colour (widget, texture, n_rows - 1, 0, NAN);
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
  sp_gui_test_settle (GTK_WIDGET (f->window));

  sp_matrix_view_export (f->window->matrix_view, csv);
  sp_gui_test_wait_for_export (f->window->matrix_view);
  g_assert_true (g_file_get_contents (csv_path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==,
                   "actor,ceasefire,membership\n"
                   "Ana Berg,,\n"
                   "Northland,,\n"
                   "Tomas Reyes,,-2\n");

  sp_matrix_view_export (f->window->matrix_view, png);
  sp_gui_test_wait_for_export (f->window->matrix_view);
  g_assert_true (g_file_test (png_path, G_FILE_TEST_IS_REGULAR));
}

int
main (int   argc,
      char *argv[])
{
  sp_gui_test_init (&argc, &argv);

  SP_GUI_TEST_ADD_TALKS ("/window/matrix-colours", test_matrix_colours);
  SP_GUI_TEST_ADD_TALKS ("/window/matrix-empty-states", test_matrix_empty_states);
  SP_GUI_TEST_ADD_TALKS ("/window/matrix-scrolls", test_matrix_scrolls);
  SP_GUI_TEST_ADD_TALKS ("/window/matrix-export", test_matrix_export);

  return g_test_run ();
}
