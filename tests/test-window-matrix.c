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

#include "sp-actor-profile.h"
#include "sp-actors-view.h"
#include "sp-documents-view.h"
#include "sp-issue-profile.h"
#include "sp-issues-view.h"
#include "sp-gui-test-talks.h"
#include "sp-matrix-evidence-popover.h"
#include "sp-reader.h"
#include "sp-gui-test-util.h"
#include "sp-stance-palette.h"
#include "sp-test-util.h"
#include "sp-matrix-view-private.h"
#include "sp-window-private.h"

typedef SpGuiTestTalks Fixture;

/* Rows and columns without claims are hidden by default; the tests below that look at
 * empty cells show them */
static void
show_empty (Fixture *f)
{
  gtk_check_button_set_active (f->window->matrix_view->hide_empty_check, FALSE);
  sp_gui_test_settle (GTK_WIDGET (f->window));
}

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

  /* By default, Northland, without claims, is left out */
  matrix = sp_matrix_widget_get_matrix (widget);
  g_assert_nonnull (matrix);
  g_assert_cmpuint (sp_matrix_get_n_rows (matrix), ==, 2);
  g_assert_cmpstr (sp_matrix_get_row_label (matrix, 1), ==, "Tomas Reyes");
  show_empty (f);
  matrix = sp_matrix_widget_get_matrix (widget);

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

/* Whether two screenshots agree on a rectangle of the window */
static gboolean
same_pixels (GdkTexture *a,
             GdkTexture *b,
             int         x,
             int         y,
             int         width,
             int         height)
{
  for (int j = y; j < y + height; j += 2)
    for (int i = x; i < x + width; i += 3)
      {
        double pa[3], pb[3];

        sp_gui_test_read_pixel (a, i, j, pa);
        sp_gui_test_read_pixel (b, i, j, pb);
        if (fabs (pa[0] - pb[0]) > 0.01 || fabs (pa[1] - pb[1]) > 0.01 || fabs (pa[2] - pb[2]) > 0.01)
          return FALSE;
      }

  return TRUE;
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
  g_autoptr(GdkTexture) before = NULL;
  g_autoptr(GError) error = NULL;
  GtkAdjustment *vadjustment;
  graphene_point_t origin;
  graphene_rect_t first;
  int label_width, header_height;
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
  show_empty (f);

  n_rows = sp_matrix_get_n_rows (sp_matrix_widget_get_matrix (widget));
  g_assert_cmpuint (n_rows, ==, 123);
  vadjustment = gtk_scrolled_window_get_vadjustment (scroller);
  g_assert_cmpfloat (gtk_adjustment_get_upper (vadjustment), >, gtk_adjustment_get_page_size (vadjustment));

  before = sp_gui_test_screenshot (GTK_WIDGET (f->window), "window-matrix-top.png");
  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_upper (vadjustment));
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), >, 0);

  /* The last row is "Zz Delegate 119", stance 119 % 5 - 2 = 2 on membership */
  g_assert_cmpstr (sp_matrix_get_row_label (sp_matrix_widget_get_matrix (widget), n_rows - 1), ==, "Zz Delegate 119");
  texture = sp_gui_test_screenshot (GTK_WIDGET (f->window), "window-matrix-scrolled.png");
  assert_cell_colour (widget, texture, n_rows - 1, 1, 2);
  assert_cell_colour (widget, texture, n_rows - 1, 0, NAN);

  /* The issue labels stayed where they were, pixel for pixel, while the rows moved under them */
  sp_matrix_widget_get_header_size (widget, &label_width, &header_height);
  g_assert_cmpint (header_height, >, 10);
  g_assert_true (sp_matrix_widget_get_cell_rect (widget, 0, 0, &first));
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (widget), GTK_WIDGET (f->window),
                                           &GRAPHENE_POINT_INIT (first.origin.x - label_width, 0), &origin));
  g_assert_true (same_pixels (before, texture, origin.x, origin.y, label_width + 2 * first.size.width, header_height));
  g_assert_false (same_pixels (before, texture, origin.x, origin.y + header_height + 4, label_width, 40));
}

/* Keyboard and accessibility */

static void
add_talks_claims (Fixture *f)
{
  SpProject *project = sp_window_get_project (f->window);
  g_autoptr(GError) error = NULL;
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
}

static void
assert_focus_cell (SpMatrixWidget *widget,
                   guint           row,
                   guint           column)
{
  guint focus_row, focus_column;

  g_assert_true (sp_matrix_widget_get_focus_cell (widget, &focus_row, &focus_column));
  g_assert_cmpuint (focus_row, ==, row);
  g_assert_cmpuint (focus_column, ==, column);
}

static SpMatrixEvidencePopover *
find_evidence (Fixture *f)
{
  return SP_MATRIX_EVIDENCE_POPOVER (sp_gui_test_find_drawn_type (GTK_WIDGET (sp_matrix_view_get_widget (f->window->matrix_view)),
                                                           SP_TYPE_MATRIX_EVIDENCE_POPOVER));
}

static void
test_matrix_keyboard (Fixture       *f,
                      gconstpointer  data)
{
  SpMatrixWidget *widget = sp_matrix_view_get_widget (f->window->matrix_view);
  g_autoptr(GdkTexture) texture = NULL;
  SpMatrixEvidencePopover *evidence;
  graphene_rect_t cell;
  graphene_point_t ring;
  gboolean found_ring = FALSE;
  double rgb[3];

  add_talks_claims (f);
  adw_view_stack_set_visible_child_name (f->window->view_stack, "matrix");
  show_empty (f);

  /* One tab stop, on the first cell, said to assistive technology */
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (widget)));
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (widget)));
  sp_gui_test_settle (GTK_WIDGET (f->window));
  assert_focus_cell (widget, 0, 0);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_ROLE_GRID);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Ana Berg on Ceasefire first: mean +1.5 from 2 claims; row 1 of 3, column 1 of 2");

  /* Arrows move the current cell, and stop at the edges */
  g_assert_true (sp_gui_test_press_key (GTK_WINDOW (f->window), GDK_KEY_Right, 0));
  assert_focus_cell (widget, 0, 1);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Ana Berg on Alliance membership: no claims; row 1 of 3, column 2 of 2");
  g_assert_true (sp_gui_test_press_key (GTK_WINDOW (f->window), GDK_KEY_Right, 0));
  assert_focus_cell (widget, 0, 1);
  g_assert_true (sp_gui_test_press_key (GTK_WINDOW (f->window), GDK_KEY_Down, 0));
  g_assert_true (sp_gui_test_press_key (GTK_WINDOW (f->window), GDK_KEY_Down, 0));
  g_assert_true (sp_gui_test_press_key (GTK_WINDOW (f->window), GDK_KEY_Down, 0));
  assert_focus_cell (widget, 2, 1);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Tomas Reyes on Alliance membership: mean −1 from 1 claim; row 3 of 3, column 2 of 2");
  g_assert_true (sp_gui_test_press_key (GTK_WINDOW (f->window), GDK_KEY_Home, 0));
  assert_focus_cell (widget, 2, 0);
  g_assert_true (sp_gui_test_press_key (GTK_WINDOW (f->window), GDK_KEY_End, 0));
  assert_focus_cell (widget, 2, 1);
  g_assert_true (sp_gui_test_press_key (GTK_WINDOW (f->window), GDK_KEY_Home, GDK_CONTROL_MASK));
  assert_focus_cell (widget, 0, 0);
  g_assert_true (sp_gui_test_press_key (GTK_WINDOW (f->window), GDK_KEY_Page_Down, 0));
  assert_focus_cell (widget, 2, 0);
  g_assert_true (sp_gui_test_press_key (GTK_WINDOW (f->window), GDK_KEY_Up, 0));
  g_assert_true (sp_gui_test_press_key (GTK_WINDOW (f->window), GDK_KEY_Up, 0));
  assert_focus_cell (widget, 0, 0);

  /* The focus ring: the accent blue just outside the current cell */
  sp_gui_test_settle (GTK_WIDGET (f->window));
  texture = sp_gui_test_screenshot (GTK_WIDGET (f->window), "window-matrix-focus.png");
  g_assert_true (sp_matrix_widget_get_cell_rect (widget, 0, 0, &cell));
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (widget), GTK_WIDGET (f->window),
                                           &GRAPHENE_POINT_INIT (cell.origin.x, cell.origin.y + cell.size.height / 2), &ring));
  for (int x = (int)ring.x - 4; x <= (int)ring.x && !found_ring; x++)
    {
      sp_gui_test_read_pixel (texture, x, (int)ring.y, rgb);
      g_test_message ("left of the cell, %d: %.2f %.2f %.2f", x, rgb[0], rgb[1], rgb[2]);
      found_ring = fabs (rgb[0] - 0.21) < 0.05 && fabs (rgb[1] - 0.52) < 0.05 && fabs (rgb[2] - 0.89) < 0.05;
    }
  g_assert_true (found_ring);

  /* Enter opens the claims behind the current cell */
  g_assert_null (find_evidence (f));
  g_assert_true (sp_gui_test_press_key (GTK_WINDOW (f->window), GDK_KEY_Return, 0));
  sp_gui_test_settle (GTK_WIDGET (f->window));
  evidence = find_evidence (f);
  g_assert_nonnull (evidence);
  g_assert_cmpuint (sp_matrix_evidence_popover_get_n_claims (evidence), ==, 2);
  g_assert_cmpuint (count_show_claim_buttons (GTK_WIDGET (evidence)), ==, 2);
  g_assert_nonnull (sp_gui_test_find_label (GTK_WIDGET (evidence), "Over time: no claim is dated"));
  g_object_unref (sp_gui_test_screenshot (GTK_WIDGET (evidence), "window-matrix-evidence.png"));
  gtk_popover_popdown (GTK_POPOVER (evidence));
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (widget)));
}

/* The first button in @widget that activates @action */
static gboolean
is_button_for (GtkWidget *widget,
               gpointer   action)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

static GtkWidget *
find_action_button (GtkWidget  *widget,
                    const char *action)
{
  return sp_gui_test_find (widget, is_button_for, (gpointer)action);
}

/* A cell's claims lead to the profiles of its actor and its issue */
static void
test_matrix_evidence_profiles (Fixture       *f,
                               gconstpointer  data)
{
  SpMatrixWidget *widget = sp_matrix_view_get_widget (f->window->matrix_view);
  SpMatrixEvidencePopover *evidence;
  GtkWidget *profile;

  add_talks_claims (f);
  adw_view_stack_set_visible_child_name (f->window->view_stack, "matrix");
  show_empty (f);
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (widget)));
  g_assert_true (sp_gui_test_press_key (GTK_WINDOW (f->window), GDK_KEY_Return, 0));
  sp_gui_test_settle (GTK_WIDGET (f->window));
  evidence = find_evidence (f);
  g_assert_nonnull (evidence);

  /* Row 1 is Ana Berg, column 1 the ceasefire */
  g_signal_emit_by_name (find_action_button (GTK_WIDGET (evidence), "win.show-actor"), "clicked");
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (f->window->view_stack), ==, "actors");
  profile = GTK_WIDGET (sp_actors_view_get_profile (f->window->actors_view));
  g_assert_true (gtk_widget_get_mapped (profile));
  g_assert_cmpint (sp_actor_profile_get_actor_id (SP_ACTOR_PROFILE (profile)), ==, f->berg);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (evidence)));

  adw_view_stack_set_visible_child_name (f->window->view_stack, "matrix");
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (widget)));
  g_assert_true (sp_gui_test_press_key (GTK_WINDOW (f->window), GDK_KEY_Return, 0));
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_signal_emit_by_name (find_action_button (GTK_WIDGET (find_evidence (f)), "win.show-issue"), "clicked");
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (f->window->view_stack), ==, "issues");
  profile = GTK_WIDGET (sp_issues_view_get_profile (f->window->issues_view));
  g_assert_true (gtk_widget_get_mapped (profile));
  g_assert_cmpint (sp_issue_profile_get_issue_id (SP_ISSUE_PROFILE (profile)), ==, f->ceasefire);
}

/* A current cell far down: the keys scroll it into view, clear of the issue labels */
static void
test_matrix_keyboard_scrolls (Fixture       *f,
                              gconstpointer  data)
{
  SpProject *project = sp_window_get_project (f->window);
  SpMatrixWidget *widget = sp_matrix_view_get_widget (f->window->matrix_view);
  g_autoptr(GError) error = NULL;
  int header_height;
  graphene_rect_t cell;
  guint row, n_rows;

  g_assert_true (sp_project_begin_action (project, NULL, &error));
  for (guint i = 0; i < 80; i++)
    {
      g_autofree char *name = g_strdup_printf ("Zz Delegate %03u", i);
      SpClaimSpec spec = { f->document, 0, 8, 0, f->ceasefire, (int)(i % 5) - 2, NULL, SP_CLAIM_ORIGIN_MANUAL, 0 };

      spec.actor_id = sp_project_add_actor (project, name, SP_ACTOR_KIND_PERSON, 0, NULL, &error);
      g_assert_cmpint (sp_project_add_claim (project, &spec, &error), >, 0);
    }
  g_assert_true (sp_project_end_action (project, TRUE, &error));
  g_assert_no_error (error);

  adw_view_stack_set_visible_child_name (f->window->view_stack, "matrix");
  show_empty (f);
  n_rows = sp_matrix_get_n_rows (sp_matrix_widget_get_matrix (widget));
  sp_matrix_widget_get_header_size (widget, NULL, &header_height);
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (widget)));

  g_assert_true (sp_gui_test_press_key (GTK_WINDOW (f->window), GDK_KEY_End, GDK_CONTROL_MASK));
  sp_gui_test_settle (GTK_WIDGET (f->window));
  assert_focus_cell (widget, n_rows - 1, 1);
  g_assert_true (sp_matrix_widget_get_cell_rect (widget, n_rows - 1, 1, &cell));
  g_assert_cmpfloat (cell.origin.y, >=, header_height);
  g_assert_cmpfloat (cell.origin.y + cell.size.height, <=, gtk_widget_get_height (GTK_WIDGET (widget)));
  g_object_unref (sp_gui_test_screenshot (GTK_WIDGET (f->window), "window-matrix-focus-end.png"));

  /* Page Up moves by what fits on screen; the cell comes back out from under the labels */
  g_assert_true (sp_gui_test_press_key (GTK_WINDOW (f->window), GDK_KEY_Page_Up, 0));
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_true (sp_matrix_widget_get_focus_cell (widget, &row, NULL));
  g_assert_cmpuint (row, <, n_rows - 5);
  g_assert_true (sp_matrix_widget_get_cell_rect (widget, row, 1, &cell));
  g_assert_cmpfloat (cell.origin.y, >=, header_height);
  g_assert_cmpfloat (cell.origin.y + cell.size.height, <=, gtk_widget_get_height (GTK_WIDGET (widget)));
}

/* From a click on a cell to the quoted sentence, in view in the reader */

static void
click_cell (SpMatrixWidget *widget,
            guint           row,
            guint           column)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (widget));
  graphene_rect_t cell;

  g_assert_true (sp_matrix_widget_get_cell_rect (widget, row, column, &cell));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller))
        {
          g_signal_emit_by_name (controller, "pressed", 1,
                                 (double)cell.origin.x + cell.size.width / 2,
                                 (double)cell.origin.y + cell.size.height / 2);
          return;
        }
    }
  g_assert_not_reached ();
}

static void
test_matrix_cell_to_reader (Fixture       *f,
                            gconstpointer  data)
{
  SpProject *project = sp_window_get_project (f->window);
  SpMatrixWidget *widget = sp_matrix_view_get_widget (f->window->matrix_view);
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  const char *sentence = "The envoy said the corridor must stay open all winter.";
  SpDocumentMetadata metadata = { "Briefing notes", "2024-11-02", NULL, NULL, NULL };
  SpMatrixEvidencePopover *evidence;
  GtkTextView *text_view;
  GtkTextIter iter;
  GdkRectangle visible, first, last;
  guint start, end, row, column;
  gint64 document;

  for (guint i = 0; i < 60; i++)
    g_string_append_printf (body, "Note %u of the briefing lists the rooms and the times of the meetings.\n\n", i + 1);
  start = g_utf8_strlen (body->str, -1);
  g_string_append (body, sentence);
  end = start + g_utf8_strlen (sentence, -1);

  document = sp_test_add_document (project, "briefing.txt", "Briefing notes", body->str);
  g_assert_true (sp_project_update_document (project, document, &metadata, &error));
  {
    SpClaimSpec spec = { document, start, end, f->reyes, f->membership, 2, NULL, SP_CLAIM_ORIGIN_MANUAL, 0 };

    g_assert_cmpint (sp_project_add_claim (project, &spec, &error), >, 0);
  }
  g_assert_no_error (error);
  sp_project_notify_changed (project, SP_CHANGE_DOCUMENTS | SP_CHANGE_CLAIMS);

  adw_view_stack_set_visible_child_name (f->window->view_stack, "matrix");
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_true (sp_matrix_find_row (sp_matrix_widget_get_matrix (widget), f->reyes, &row));
  g_assert_true (sp_matrix_find_column (sp_matrix_widget_get_matrix (widget), f->membership, &column));

  click_cell (widget, row, column);
  sp_gui_test_settle (GTK_WIDGET (f->window));
  assert_focus_cell (widget, row, column);
  evidence = find_evidence (f);
  g_assert_nonnull (evidence);
  g_assert_cmpuint (sp_matrix_evidence_popover_get_n_claims (evidence), ==, 1);
  g_assert_nonnull (sp_gui_test_find_label (GTK_WIDGET (evidence), sentence));
  g_assert_nonnull (sp_gui_test_find_label_starting (GTK_WIDGET (evidence), "Tomas Reyes · Briefing notes · 2 Nov 2024 · tagged by hand"));
  g_object_unref (sp_gui_test_screenshot (GTK_WIDGET (evidence), "window-matrix-evidence-dated.png"));

  g_signal_emit_by_name (find_action_button (GTK_WIDGET (evidence), "win.show-claim"), "clicked");
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (f->window->view_stack), ==, "documents");

  /* The reader shows the sentence, selected and in view */
  text_view = sp_reader_get_text_view (sp_documents_view_get_reader (f->window->documents_view));
  {
    GtkTextIter sel_start, sel_end;

    g_assert_true (gtk_text_buffer_get_selection_bounds (gtk_text_view_get_buffer (text_view), &sel_start, &sel_end));
    g_assert_cmpuint (gtk_text_iter_get_offset (&sel_start), ==, start);
    g_assert_cmpuint (gtk_text_iter_get_offset (&sel_end), ==, end);
  }
  gtk_text_view_get_visible_rect (text_view, &visible);
  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (text_view), &iter, start);
  gtk_text_view_get_iter_location (text_view, &iter, &first);
  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (text_view), &iter, end - 1);
  gtk_text_view_get_iter_location (text_view, &iter, &last);
  g_test_message ("sentence %d…%d, visible %d…%d", first.y, last.y + last.height, visible.y, visible.y + visible.height);
  g_assert_cmpint (visible.y, >, 0);
  g_assert_cmpint (first.y, >=, visible.y);
  g_assert_cmpint (last.y + last.height, <=, visible.y + visible.height);
  g_object_unref (sp_gui_test_screenshot (GTK_WIDGET (f->window), "window-matrix-to-reader.png"));
}

/* The controls change the matrix: score, dates, what changed, filters, groups */

static gboolean
is_check_labelled (GtkWidget *widget,
                   gpointer   label)
{
  return GTK_IS_CHECK_BUTTON (widget) && g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)), label) == 0;
}

static GtkCheckButton *
find_check (GtkWidget  *widget,
            const char *label)
{
  return (GtkCheckButton *)sp_gui_test_find (widget, is_check_labelled, (gpointer)label);
}

static double
cell_score (SpMatrixWidget *widget,
            gint64          row_id,
            gint64          column_id)
{
  SpMatrix *matrix = sp_matrix_widget_get_matrix (widget);
  guint row, column, count;
  double mean;

  g_assert_true (sp_matrix_find_row (matrix, row_id, &row));
  g_assert_true (sp_matrix_find_column (matrix, column_id, &column));
  g_assert_true (sp_matrix_get_cell (matrix, row, column, &mean, &count));
  return mean;
}

static void
set_entry (Fixture    *f,
           GtkEntry   *entry,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "activate");
  sp_gui_test_settle (GTK_WIDGET (f->window));
}

static void
test_matrix_controls (Fixture       *f,
                      gconstpointer  data)
{
  SpProject *project = sp_window_get_project (f->window);
  SpMatrixView *view = f->window->matrix_view;
  SpMatrixWidget *widget = sp_matrix_view_get_widget (view);
  g_autoptr(GError) error = NULL;
  SpDocumentMetadata january = { "January talks", "2024-01-10", NULL, NULL, NULL };
  SpDocumentMetadata june = { "June talks", "2024-06-01", NULL, NULL, NULL };
  gint64 early, late;
  SpMatrix *matrix;
  GtkCheckButton *check;
  guint row, rows_before;

  early = sp_test_add_document (project, "january.txt", "January talks", "Ana Berg wanted a ceasefire at once.");
  late = sp_test_add_document (project, "june.txt", "June talks", "Ana Berg now doubted any ceasefire.");
  g_assert_true (sp_project_update_document (project, early, &january, &error));
  g_assert_true (sp_project_update_document (project, late, &june, &error));
  {
    SpClaimSpec specs[] = {
      { early, 0, 10, f->berg, f->ceasefire, 2, NULL, SP_CLAIM_ORIGIN_MANUAL, 0 },
      { late, 0, 10, f->berg, f->ceasefire, -1, NULL, SP_CLAIM_ORIGIN_MANUAL, 0 },
      { f->document, 0, 10, f->reyes, f->membership, -1, NULL, SP_CLAIM_ORIGIN_MANUAL, 0 },
    };

    for (guint i = 0; i < G_N_ELEMENTS (specs); i++)
      g_assert_cmpint (sp_project_add_claim (project, &specs[i], &error), >, 0);
  }
  g_assert_no_error (error);
  sp_project_notify_changed (project, SP_CHANGE_DOCUMENTS | SP_CHANGE_CLAIMS);
  adw_view_stack_set_visible_child_name (f->window->view_stack, "matrix");
  sp_gui_test_settle (GTK_WIDGET (f->window));

  gtk_popover_popup (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (view->aggregate_dropdown), GTK_TYPE_POPOVER)));
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_object_unref (sp_gui_test_screenshot (gtk_widget_get_ancestor (GTK_WIDGET (view->aggregate_dropdown), GTK_TYPE_POPOVER),
                                          "window-matrix-options.png"));
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (view->aggregate_dropdown), GTK_TYPE_POPOVER)));

  /* Mean, then the latest stance */
  g_assert_cmpfloat (cell_score (widget, f->berg, f->ceasefire), ==, 0.5);
  gtk_drop_down_set_selected (view->aggregate_dropdown, SP_MATRIX_AGGREGATE_LATEST);
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_cmpfloat (cell_score (widget, f->berg, f->ceasefire), ==, -1);
  g_assert_cmpint (sp_matrix_options_get_aggregate (sp_matrix_get_options (sp_matrix_widget_get_matrix (widget))), ==,
                   SP_MATRIX_AGGREGATE_LATEST);

  /* As of March: June's claim is not yet made, and the undated one is left out, and said */
  set_entry (f, view->to_entry, "2024-03-01");
  g_assert_cmpfloat (cell_score (widget, f->berg, f->ceasefire), ==, 2);
  matrix = sp_matrix_widget_get_matrix (widget);
  g_assert_false (sp_matrix_find_row (matrix, f->reyes, &row));
  g_assert_nonnull (strstr (gtk_label_get_text (view->summary_label), "1 undated claim left out"));

  /* A day that is not one marks its entry and keeps the matrix */
  set_entry (f, view->to_entry, "2024-02-31");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (view->to_entry), "error"));
  g_assert_true (sp_matrix_widget_get_matrix (widget) == matrix);
  set_entry (f, view->to_entry, "");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (view->to_entry), "error"));

  /* What changed since March: Ana Berg on the ceasefire went from +2 to −1 */
  gtk_check_button_set_active (view->changes_check, TRUE);
  set_entry (f, view->since_entry, "2024-03-01");
  g_assert_cmpuint (sp_matrix_widget_get_n_marked_cells (widget), ==, 1);
  g_assert_nonnull (strstr (gtk_label_get_text (view->summary_label), "1 cell changed sign since 2024-03-01"));
  g_object_unref (sp_gui_test_screenshot (GTK_WIDGET (f->window), "window-matrix-changes.png"));
  gtk_check_button_set_active (view->changes_check, FALSE);
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_cmpuint (sp_matrix_widget_get_n_marked_cells (widget), ==, 0);

  /* Filter: only Tomas Reyes */
  gtk_popover_popup (view->filter_popover);
  sp_gui_test_settle (GTK_WIDGET (f->window));
  gtk_stack_set_visible_child_name (view->filter_stack, "actors");
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_object_unref (sp_gui_test_screenshot (GTK_WIDGET (view->filter_popover), "window-matrix-filter.png"));
  check = find_check (GTK_WIDGET (view->filter_stack), "Tomas Reyes");
  g_assert_nonnull (check);
  g_assert_nonnull (find_check (GTK_WIDGET (view->filter_stack), "June talks"));
  gtk_check_button_set_active (check, TRUE);
  sp_gui_test_settle (GTK_WIDGET (f->window));
  matrix = sp_matrix_widget_get_matrix (widget);
  g_assert_cmpuint (sp_matrix_get_n_rows (matrix), ==, 1);
  g_assert_cmpstr (sp_matrix_get_row_label (matrix, 0), ==, "Tomas Reyes");
  gtk_widget_activate_action (GTK_WIDGET (view), "matrix.clear-filters", NULL);
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_false (gtk_check_button_get_active (check));
  g_assert_cmpuint (sp_matrix_get_n_rows (sp_matrix_widget_get_matrix (widget)), ==, 2);
  gtk_popover_popdown (view->filter_popover);

  /* Groups: Northland opens to Ana Berg in place, and closes again */
  sp_matrix_view_set_level (view, SP_MATRIX_LEVEL_GROUP);
  sp_gui_test_settle (GTK_WIDGET (f->window));
  matrix = sp_matrix_widget_get_matrix (widget);
  rows_before = sp_matrix_get_n_rows (matrix);
  g_assert_true (sp_matrix_find_row (matrix, f->northland, &row));
  g_signal_emit_by_name (widget, "row-header-activated", row);
  sp_gui_test_settle (GTK_WIDGET (f->window));
  matrix = sp_matrix_widget_get_matrix (widget);
  /* In Northland's place, its one member with claims */
  g_assert_cmpuint (sp_matrix_get_n_rows (matrix), ==, rows_before);
  g_assert_false (sp_matrix_find_row (matrix, f->northland, &row));
  g_assert_true (sp_matrix_find_row (matrix, f->berg, &row));
  g_assert_cmpint (sp_matrix_get_row_group_id (matrix, row), ==, f->northland);
  g_assert_nonnull (strstr (gtk_label_get_text (view->summary_label), "opened: Northland"));
  g_object_unref (sp_gui_test_screenshot (GTK_WIDGET (f->window), "window-matrix-group-open.png"));
  g_signal_emit_by_name (widget, "row-header-activated", row);
  sp_gui_test_settle (GTK_WIDGET (f->window));
  matrix = sp_matrix_widget_get_matrix (widget);
  g_assert_true (sp_matrix_find_row (matrix, f->northland, &row));
  g_assert_false (sp_matrix_find_row (matrix, f->berg, &row));
}

static gboolean
is_menu_button_labelled (GtkWidget *widget,
                         gpointer   label)
{
  return GTK_IS_MENU_BUTTON (widget) && g_strcmp0 (gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)), label) == 0;
}

static GtkWidget *
find_menu_button (GtkWidget  *widget,
                  const char *label)
{
  return sp_gui_test_find (widget, is_menu_button_labelled, (gpointer)label);
}

/* At 1280, 760 and 560 px: the toolbar's controls stay reachable, the headers stay in view
 * across, and the claims behind a cell fit in the window */
static void
test_matrix_widths (Fixture       *f,
                    gconstpointer  data)
{
  int width = GPOINTER_TO_INT (data);
  SpProject *project = sp_window_get_project (f->window);
  SpMatrixView *view = f->window->matrix_view;
  SpMatrixWidget *widget = sp_matrix_view_get_widget (view);
  GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (widget), GTK_TYPE_SCROLLED_WINDOW));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GdkTexture) before = NULL;
  g_autoptr(GdkTexture) after = NULL;
  SpMatrixEvidencePopover *evidence;
  graphene_rect_t bounds, cell;
  graphene_point_t origin;
  GtkAdjustment *hadjustment;
  const char *toolbar[] = { "_Options", "_Filter", "_Export" };
  int label_width;

  /* Twenty issues: wider than a narrow window */
  g_assert_true (sp_project_begin_action (project, NULL, &error));
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *key = g_strdup_printf ("topic%02u", i);
      g_autofree char *label = g_strdup_printf ("Topic %02u of the talks", i);
      SpClaimSpec spec = { f->document, 0, 10, i % 2 ? f->berg : f->reyes, 0, (int)(i % 5) - 2, NULL, SP_CLAIM_ORIGIN_MANUAL, 0 };

      spec.issue_id = sp_project_add_issue (project, key, label, NULL, NULL, &error);
      g_assert_cmpint (sp_project_add_claim (project, &spec, &error), >, 0);
    }
  g_assert_true (sp_project_end_action (project, TRUE, &error));
  g_assert_no_error (error);

  gtk_window_set_default_size (GTK_WINDOW (f->window), width, 760);
  adw_view_stack_set_visible_child_name (f->window->view_stack, "matrix");
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), <=, width);

  /* Every control of the toolbar is on screen */
  for (guint i = 0; i < G_N_ELEMENTS (toolbar); i++)
    {
      GtkWidget *control = find_menu_button (GTK_WIDGET (view), toolbar[i]);

      g_assert_nonnull (control);
      g_assert_true (gtk_widget_compute_bounds (control, GTK_WIDGET (f->window), &bounds));
      g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, width);
    }

  /* Scrolled across, the actor names stay where they were */
  name = g_strdup_printf ("window-matrix-%d.png", width);
  before = sp_gui_test_screenshot (GTK_WIDGET (f->window), name);
  hadjustment = gtk_scrolled_window_get_hadjustment (scroller);
  if (width < 1280)
    {
      g_assert_cmpfloat (gtk_adjustment_get_upper (hadjustment), >, gtk_adjustment_get_page_size (hadjustment));
      gtk_adjustment_set_value (hadjustment, gtk_adjustment_get_upper (hadjustment));
      sp_gui_test_settle (GTK_WIDGET (f->window));
      g_free (name);
      name = g_strdup_printf ("window-matrix-%d-across.png", width);
      after = sp_gui_test_screenshot (GTK_WIDGET (f->window), name);
      sp_matrix_widget_get_header_size (widget, &label_width, NULL);
      g_assert_true (gtk_widget_compute_point (GTK_WIDGET (widget), GTK_WIDGET (f->window), &GRAPHENE_POINT_INIT (0, 0), &origin));
      g_assert_true (sp_matrix_widget_get_cell_rect (widget, 0, 0, &cell));
      g_assert_true (same_pixels (before, after, origin.x, origin.y + cell.origin.y, label_width, cell.size.height * 2));
      g_assert_false (same_pixels (before, after, origin.x + label_width + 4, origin.y + cell.origin.y, 60, cell.size.height));
    }

  /* The claims behind the last cell of the first row, brought into view by keyboard */
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (widget)));
  g_assert_true (sp_gui_test_press_key (GTK_WINDOW (f->window), GDK_KEY_End, GDK_CONTROL_MASK));
  g_assert_true (sp_gui_test_press_key (GTK_WINDOW (f->window), GDK_KEY_Home, 0));
  g_assert_true (sp_gui_test_press_key (GTK_WINDOW (f->window), GDK_KEY_Return, 0));
  sp_gui_test_settle (GTK_WIDGET (f->window));
  evidence = find_evidence (f);
  g_assert_nonnull (evidence);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (evidence)), <=, width);
  g_free (name);
  name = g_strdup_printf ("window-matrix-%d-evidence.png", width);
  g_object_unref (sp_gui_test_screenshot (GTK_WIDGET (evidence), name));
  gtk_popover_popdown (GTK_POPOVER (evidence));
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_free (name);
  name = g_strdup_printf ("window-matrix-%d-focus.png", width);
  g_object_unref (sp_gui_test_screenshot (GTK_WIDGET (f->window), name));
}

/* Whether a menu (or one of its sections) has an item for @action */
static gboolean
menu_has_action (GMenuModel *menu,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_str_equal (name, action))
        return TRUE;
      if (section != NULL && menu_has_action (section, action))
        return TRUE;
    }

  return FALSE;
}

static gboolean
is_menu_button_with_action (GtkWidget *widget,
                            gpointer   action)
{
  GMenuModel *menu;

  if (!GTK_IS_MENU_BUTTON (widget))
    return FALSE;
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget));
  return menu != NULL && menu_has_action (menu, action);
}

static gboolean
some_menu_button_has_action (GtkWidget  *widget,
                             const char *action)
{
  return sp_gui_test_find (widget, is_menu_button_with_action, (gpointer)action) != NULL;
}

/* The Export menu offers the networks too (window-interop tests the action itself) */
static void
test_matrix_export_network_item (Fixture       *f,
                                 gconstpointer  data)
{
  adw_view_stack_set_visible_child_name (f->window->view_stack, "matrix");
  sp_gui_test_settle (GTK_WIDGET (f->window));

  g_assert_true (some_menu_button_has_action (GTK_WIDGET (f->window->matrix_view), "win.export-network"));
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
  /* What the view shows: without the rows and columns that have no claims */
  g_assert_true (g_file_get_contents (csv_path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "actor,membership\nTomas Reyes,-2\n");
  g_clear_pointer (&contents, g_free);

  show_empty (f);
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

  /* The other formats, by the file's extension */
  {
    const char *names[] = { "matrix.svg", "matrix.pdf", "matrix.json" };
    const char *starts[] = { "<?xml", "%PDF", "{" };

    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autofree char *path = g_build_filename (f->dir, names[i], NULL);
        g_autoptr(GFile) file = g_file_new_for_path (path);

        sp_matrix_view_export (f->window->matrix_view, file);
        sp_gui_test_wait_for_export (f->window->matrix_view);
        g_clear_pointer (&contents, g_free);
        g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
        g_test_message ("%s starts with %.20s", names[i], contents);
        g_assert_true (g_str_has_prefix (contents, starts[i]));
      }
  }
}

int
main (int   argc,
      char *argv[])
{
  /* What the matrix tells assistive technology is read back from GTK's test context, which
   * needs no accessibility bus */
  g_setenv ("GTK_A11Y", "test", TRUE);
  sp_gui_test_init (&argc, &argv);

  SP_GUI_TEST_ADD_TALKS ("/window/matrix-colours", test_matrix_colours);
  SP_GUI_TEST_ADD_TALKS ("/window/matrix-empty-states", test_matrix_empty_states);
  SP_GUI_TEST_ADD_TALKS ("/window/matrix-scrolls", test_matrix_scrolls);
  SP_GUI_TEST_ADD_TALKS ("/window/matrix-keyboard", test_matrix_keyboard);
  SP_GUI_TEST_ADD_TALKS ("/window/matrix-keyboard-scrolls", test_matrix_keyboard_scrolls);
  SP_GUI_TEST_ADD_TALKS ("/window/matrix-cell-to-reader", test_matrix_cell_to_reader);
  SP_GUI_TEST_ADD_TALKS ("/window/matrix-controls", test_matrix_controls);
  SP_GUI_TEST_ADD_TALKS ("/window/matrix-export", test_matrix_export);
  SP_GUI_TEST_ADD_TALKS ("/window/matrix-evidence-profiles", test_matrix_evidence_profiles);
  SP_GUI_TEST_ADD_TALKS ("/window/matrix-export-network-item", test_matrix_export_network_item);
  g_test_add ("/window/matrix-width/1280", SpGuiTestTalks, GINT_TO_POINTER (1280),
              sp_gui_test_talks_setup, test_matrix_widths, sp_gui_test_talks_teardown);
  g_test_add ("/window/matrix-width/760", SpGuiTestTalks, GINT_TO_POINTER (760),
              sp_gui_test_talks_setup, test_matrix_widths, sp_gui_test_talks_teardown);
  g_test_add ("/window/matrix-width/560", SpGuiTestTalks, GINT_TO_POINTER (560),
              sp_gui_test_talks_setup, test_matrix_widths, sp_gui_test_talks_teardown);

  return g_test_run ();
}
