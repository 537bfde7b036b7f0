/* test-window-suggestions.c
 *
 * Reviewing suggestions through the real window under Xvfb: the empty states, the list
 * ordered by confidence with the explanation of the row under review, the reader's marks,
 * accepting, rejecting and correcting by keyboard with Undo taking each decision back,
 * stepping to uncertain suggestions, the filters, Accept All Above, actor discovery, and a
 * suggestion pass run from the window. The fixture is an invented dispute over a dam, in
 * our own words. Screenshots are saved next to the test binary (review-*.png).
 */
#include "config.h"

#include <adwaita.h>

#include "sp-actor-dialog.h"
#include "sp-gui-test-util.h"
#include "sp-test-util.h"
#include "sp-window-private.h"

static const char dam_body[] =
  "Negotiators from Veldmark and Osterlund met in Lindor on Tuesday.\n\n"
  "Minister Ilse Varga said the Kessel dam must be finished before the spring floods.\n\n"
  "Osterlund's envoy Piet Aalto rejected any deal that cuts the river's flow downstream.\n\n"
  "Varga would accept shared water quotas if the inspections were independent, an aide said.\n\n"
  "Mara Jensen, who chairs the Valley Growers' Union, warned that quotas would ruin the harvest.";

static const char quota_body[] =
  "Piet Aalto told reporters that Osterlund will never sign a quota plan written in Veldmark.\n\n"
  "Harbour official Tomas Lind said the dam could help shipping on the lower river.";

typedef struct
{
  char      *dir;
  char      *path;
  SpWindow  *window;
  gint64     dam_doc;
  gint64     quota_doc;
  gint64     veldmark;
  gint64     varga;
  gint64     osterlund;
  gint64     aalto;
  gint64     dam;
  gint64     quotas;
  gint64     s_varga_dam;      /* 0.92 */
  gint64     s_aalto_dam;      /* 0.75 */
  gint64     s_varga_quotas;   /* 0.55, conditional */
  gint64     s_aalto_quotas;   /* 0.30 */
} Fixture;

static gint64
find_suggestion (SpProject *project,
                 gint64     document_id,
                 guint      start)
{
  g_autoptr(GListModel) list = sp_project_list_suggestions (project, document_id, 0, NULL);

  for (guint i = 0; list && i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(SpSuggestion) suggestion = g_list_model_get_item (list, i);

      if (sp_suggestion_get_start (suggestion) == start)
        return sp_suggestion_get_id (suggestion);
    }

  g_assert_not_reached ();
}

static SpSuggestionFields
span (const char *body,
      guint       sentence,
      const char *text,
      gint64      actor,
      gint64      issue,
      int         stance,
      gboolean    conditional,
      double      confidence,
      const char *explanation)
{
  guint start = sp_gui_test_offset_of (body, text);
  SpSuggestionFields fields = {
    .sentence = sentence,
    .start = start,
    .end = start + g_utf8_strlen (text, -1),
    .actor_id = actor,
    .issue_id = issue,
    .stance = stance,
    .conditional = conditional,
    .prior = confidence,
    .confidence = confidence,
    .explanation = explanation,
  };

  return fields;
}

static void
add_suggestions (Fixture   *f,
                 SpProject *project)
{
  SpSuggestionFields dam[] = {
    span (dam_body, 1, "Minister Ilse Varga said the Kessel dam must be finished before the spring floods.",
          f->varga, f->dam, 2, FALSE, 0.92,
          "Reported speech: “Minister Ilse Varga said …”. Cue: “must be finished” (+2). Keyword: “dam”."),
    span (dam_body, 2, "Osterlund's envoy Piet Aalto rejected any deal that cuts the river's flow downstream.",
          f->aalto, f->dam, -1, FALSE, 0.75,
          "Stance verb without a quote: “Piet Aalto rejected”. Cue: “rejected” (−1). Keyword: “flow” of “dam”."),
    span (dam_body, 3, "Varga would accept shared water quotas if the inspections were independent, an aide said.",
          f->varga, f->quotas, 1, TRUE, 0.55,
          "Attributed by “an aide said” to Varga. Cue: “accept” (+1), hedged by “would … if”. Keyword: “quotas”."),
  };
  SpSuggestionFields quota[] = {
    span (quota_body, 0, "Piet Aalto told reporters that Osterlund will never sign a quota plan written in Veldmark.",
          f->aalto, f->quotas, -2, FALSE, 0.30,
          "Reported speech: “Piet Aalto told reporters that …”. Cue: “never sign” (−2). Keyword: “quota”."),
  };
  SpSpeakerFields speakers[] = {
    { "Mara Jensen", "chair", "Valley Growers' Union", 1, f->dam_doc },
    { "Tomas Lind", "harbour official", NULL, 1, f->quota_doc },
  };
  g_autoptr(GError) error = NULL;
  guint stored = 0;

  g_assert_true (sp_project_replace_suggestions (project, f->dam_doc, dam, G_N_ELEMENTS (dam), &stored, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stored, ==, 3);
  g_assert_true (sp_project_replace_suggestions (project, f->quota_doc, quota, G_N_ELEMENTS (quota), &stored, &error));
  g_assert_no_error (error);
  g_assert_true (sp_project_replace_speakers (project, speakers, G_N_ELEMENTS (speakers), &error));
  g_assert_no_error (error);

  f->s_varga_dam = find_suggestion (project, f->dam_doc, dam[0].start);
  f->s_aalto_dam = find_suggestion (project, f->dam_doc, dam[1].start);
  f->s_varga_quotas = find_suggestion (project, f->dam_doc, dam[2].start);
  f->s_aalto_quotas = find_suggestion (project, f->quota_doc, quota[0].start);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GError) error = NULL;
  const char *varga_aliases[] = { "Varga", NULL };
  const char *aalto_aliases[] = { "Aalto", NULL };
  const char *dam_keywords[] = { "dam", "flow", NULL };
  const char *quota_keywords[] = { "quota", "quotas", NULL };
  gboolean with_suggestions = GPOINTER_TO_INT (data);

  f->dir = sp_test_make_tmpdir ();
  project = sp_test_new_project (f->dir, "dam.standpoint");
  f->path = g_strdup (sp_project_get_path (project));
  f->dam_doc = sp_test_add_article (project, "lindor.txt", "Dam talks stall in Lindor", dam_body);
  f->quota_doc = sp_test_add_article (project, "quotas.txt", "Osterlund hardens its line", quota_body);
  f->veldmark = sp_project_add_actor (project, "Veldmark", SP_ACTOR_KIND_STATE, 0, NULL, &error);
  f->varga = sp_project_add_actor (project, "Ilse Varga", SP_ACTOR_KIND_PERSON, f->veldmark, varga_aliases, &error);
  f->osterlund = sp_project_add_actor (project, "Osterlund", SP_ACTOR_KIND_STATE, 0, NULL, &error);
  f->aalto = sp_project_add_actor (project, "Piet Aalto", SP_ACTOR_KIND_PERSON, f->osterlund, aalto_aliases, &error);
  f->dam = sp_project_add_issue (project, "dam", "Kessel dam", "The Kessel dam should be completed", dam_keywords, &error);
  f->quotas = sp_project_add_issue (project, "quotas", "Shared quotas", "Water quotas should be shared", quota_keywords, &error);
  g_assert_no_error (error);
  if (with_suggestions)
    add_suggestions (f, project);
  g_clear_object (&project);

  f->window = sp_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  sp_gui_test_open_project (f->window, f->path);
  gtk_window_present (GTK_WINDOW (f->window));
  adw_view_stack_set_visible_child_name (f->window->view_stack, "review");
  sp_gui_test_settle (GTK_WIDGET (f->window));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  sp_gui_test_tear_down (f->window, f->dir);
  g_free (f->path);
}

static guint
count_claims (SpProject *project)
{
  g_autoptr(GListModel) claims = sp_project_list_claims (project, 0, NULL);

  return g_list_model_get_n_items (claims);
}

static SpSuggestionStatus
status_of (SpProject *project,
           gint64     id)
{
  g_autoptr(SpSuggestion) suggestion = sp_project_get_suggestion (project, id, NULL);

  g_assert_nonnull (suggestion);
  return sp_suggestion_get_status (suggestion);
}

static gboolean
is_selected_row (GtkWidget *widget,
                 gpointer   data)
{
  return GTK_IS_LIST_BOX_ROW (widget) && gtk_list_box_row_is_selected (GTK_LIST_BOX_ROW (widget));
}

/* The keyboard on the row under review, as after a click on it */
static void
focus_current_row (Fixture *f)
{
  GtkWidget *row = sp_gui_test_find (GTK_WIDGET (f->window->review_view), is_selected_row, NULL);

  g_assert_nonnull (row);
  gtk_widget_grab_focus (row);
  g_assert_true (gtk_widget_has_focus (row));
}

/* A screenshot once every page change, slide and fold has ended */
static void
shoot (GtkWidget  *widget,
       const char *name)
{
  sp_gui_test_iterate_until (sp_gui_test_transitions_done, widget);
  sp_gui_test_settle (widget);
  g_object_unref (sp_gui_test_screenshot (widget, name));
}

static void
press (Fixture         *f,
       guint            keyval,
       GdkModifierType  modifiers)
{
  g_assert_true (sp_gui_test_press_key (GTK_WINDOW (f->window), keyval, modifiers));
  sp_gui_test_settle (GTK_WIDGET (f->window));
}

/* A suggestion on a first line that repeats the title shows that line in the reader, which
 * hides it otherwise */
static void
test_headline (Fixture       *f,
               gconstpointer  data)
{
  static const char body[] =
    "Osterlund rejects the dam deal\n\n"
    "Talks in Lindor ended without an agreement on Tuesday.";
  SpReviewView *view = f->window->review_view;
  SpReader *reader = sp_review_view_get_reader (view);
  SpSuggestionFields headline;
  g_autoptr(GError) error = NULL;
  gint64 doc;
  gint64 id;
  guint stored = 0;

  doc = sp_test_add_article (f->window->project, "headline.txt", "Osterlund rejects the dam deal", body);
  headline = span (body, 0, "Osterlund rejects the dam deal", f->osterlund, f->dam, -2, FALSE, 0.99,
                   "Stance verb: “Osterlund rejects”. Keyword: “dam”.");
  g_assert_true (sp_project_replace_suggestions (f->window->project, doc, &headline, 1, &stored, &error));
  g_assert_no_error (error);
  id = find_suggestion (f->window->project, doc, headline.start);
  sp_gui_test_settle (GTK_WIDGET (f->window));

  g_assert_true (sp_review_view_select (view, id));
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_cmpint (sp_document_get_id (sp_reader_get_document (reader)), ==, doc);
  g_assert_true (sp_reader_is_shown (reader, 3));
  g_assert_true (sp_reader_is_current_suggestion (reader, 3));

  shoot (GTK_WIDGET (f->window), "review-headline.png");

  /* Rejected, nothing is on the line any more: the Documents view's reader hides it again
   * under the title */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "review.reject", NULL));
  sp_gui_test_settle (GTK_WIDGET (f->window));
  adw_view_stack_set_visible_child_name (f->window->view_stack, "documents");
  g_assert_true (sp_documents_view_select_document (f->window->documents_view, doc));
  sp_gui_test_settle (GTK_WIDGET (f->window));
  reader = sp_documents_view_get_reader (f->window->documents_view);
  g_assert_cmpint (sp_document_get_id (sp_reader_get_document (reader)), ==, doc);
  g_assert_cmpint (sp_reader_get_suggestion_at (reader, 3), ==, 0);
  g_assert_false (sp_reader_is_shown (reader, 3));
  g_assert_true (sp_reader_is_shown (reader, sp_gui_test_offset_of (body, "Talks in Lindor")));
}

/* Empty states */

static void
test_empty_states (Fixture       *f,
                   gconstpointer  data)
{
  SpReviewView *view = f->window->review_view;
  SpProject *project = sp_window_get_project (f->window);
  g_autoptr(GError) error = NULL;

  /* A codebook and no suggestions yet: the way to make some */
  g_assert_cmpstr (sp_review_view_get_page (view), ==, "empty");
  g_assert_nonnull (sp_gui_test_find_drawn_actionable (GTK_WIDGET (view), "win.suggest-claims", NULL));
  shoot (GTK_WIDGET (f->window), "review-empty.png");

  /* Without issues nothing can be suggested: the codebook comes first */
  g_assert_true (sp_project_delete_issue (project, f->dam, &error));
  g_assert_true (sp_project_delete_issue (project, f->quotas, &error));
  g_assert_no_error (error);
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_cmpstr (sp_review_view_get_page (view), ==, "no-codebook");
  g_assert_nonnull (sp_gui_test_find_drawn_actionable (GTK_WIDGET (view), "win.import-codebook", NULL));
  g_assert_nonnull (sp_gui_test_find_drawn_actionable (GTK_WIDGET (view), "win.show-view", "issues"));
  shoot (GTK_WIDGET (f->window), "review-no-codebook.png");
}

/* The list, the explanation and the reader's marks */
static void
test_list_and_marks (Fixture       *f,
                     gconstpointer  data)
{
  SpReviewView *view = f->window->review_view;
  SpReader *reader = sp_review_view_get_reader (view);
  guint varga_start = sp_gui_test_offset_of (dam_body, "Minister Ilse Varga said");
  guint aalto_start = sp_gui_test_offset_of (dam_body, "Osterlund's envoy");
  guint intro = sp_gui_test_offset_of (dam_body, "Negotiators");

  g_assert_cmpstr (sp_review_view_get_page (view), ==, "review");
  g_assert_cmpuint (sp_review_view_get_n_pending (view), ==, 4);

  /* Most confident first */
  g_assert_cmpint (sp_review_view_get_shown_id (view, 0), ==, f->s_varga_dam);
  g_assert_cmpint (sp_review_view_get_shown_id (view, 1), ==, f->s_aalto_dam);
  g_assert_cmpint (sp_review_view_get_shown_id (view, 2), ==, f->s_varga_quotas);
  g_assert_cmpint (sp_review_view_get_shown_id (view, 3), ==, f->s_aalto_quotas);

  /* The first is under review and says why */
  g_assert_cmpint (sp_review_view_get_current (view), ==, f->s_varga_dam);
  g_assert_nonnull (sp_review_view_get_explanation_text (view));
  g_assert_true (g_str_has_prefix (sp_review_view_get_explanation_text (view), "Reported speech"));
  g_assert_true (sp_gui_test_shows_text (GTK_WIDGET (view), "Strongly supports · Kessel dam"));
  g_assert_true (sp_gui_test_shows_text (GTK_WIDGET (view), "92 %"));
  g_assert_true (sp_gui_test_shows_text (GTK_WIDGET (view), "conditional"));
  g_assert_true (sp_gui_test_shows_text (GTK_WIDGET (view), "No decisions yet: the engine learns from each one"));

  /* The reader shows its document with every pending suggestion of it marked, the one
   * under review apart; the introduction is nobody's */
  g_assert_nonnull (sp_reader_get_document (reader));
  g_assert_cmpint (sp_document_get_id (sp_reader_get_document (reader)), ==, f->dam_doc);
  g_assert_cmpint (sp_reader_get_suggestion_at (reader, varga_start + 3), ==, f->s_varga_dam);
  g_assert_cmpint (sp_reader_get_suggestion_at (reader, aalto_start + 3), ==, f->s_aalto_dam);
  g_assert_cmpint (sp_reader_get_suggestion_at (reader, intro + 3), ==, 0);
  g_assert_true (sp_reader_is_current_suggestion (reader, varga_start + 3));
  g_assert_false (sp_reader_is_current_suggestion (reader, aalto_start + 3));
  /* ...and never taken for claims */
  g_assert_cmpuint (sp_reader_count_highlighted (reader, varga_start + 3), ==, 0);

  shoot (GTK_WIDGET (f->window), "review-1280.png");

  /* A click on a marked sentence selects its suggestion in the list */
  g_signal_emit_by_name (reader, "suggestion-activated", f->s_aalto_dam);
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_cmpint (sp_review_view_get_current (view), ==, f->s_aalto_dam);
  g_assert_true (sp_reader_is_current_suggestion (reader, aalto_start + 3));
  g_assert_false (sp_reader_is_current_suggestion (reader, varga_start + 3));

  /* The Documents view's reader marks them too, and links each to its row here */
  {
    SpDocumentsView *documents = f->window->documents_view;
    SpReader *documents_reader = sp_documents_view_get_reader (documents);

    adw_view_stack_set_visible_child_name (f->window->view_stack, "documents");
    g_assert_true (sp_documents_view_select_document (documents, f->dam_doc));
    sp_gui_test_settle (GTK_WIDGET (f->window));
    g_assert_cmpint (sp_reader_get_suggestion_at (documents_reader, varga_start + 3), ==, f->s_varga_dam);
    g_assert_cmpuint (sp_reader_count_highlighted (documents_reader, varga_start + 3), ==, 0);
    shoot (GTK_WIDGET (f->window), "review-documents-marks.png");

    g_signal_emit_by_name (documents_reader, "suggestion-activated", f->s_varga_quotas);
    sp_gui_test_settle (GTK_WIDGET (f->window));
    g_assert_cmpstr (adw_view_stack_get_visible_child_name (f->window->view_stack), ==, "review");
    g_assert_cmpint (sp_review_view_get_current (view), ==, f->s_varga_quotas);
  }
}

/* Accept, reject and undo, by keyboard */
static void
test_keyboard_decisions (Fixture       *f,
                         gconstpointer  data)
{
  SpReviewView *view = f->window->review_view;
  SpProject *project = sp_window_get_project (f->window);
  g_autoptr(GListModel) claims = NULL;
  g_autoptr(SpClaim) claim = NULL;
  GtkWidget *focus;

  /* Coming to the view by its shortcut puts the keyboard on the row under review, so the
   * one-key decisions work at once */
  adw_view_stack_set_visible_child_name (f->window->view_stack, "documents");
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "review"));
  sp_gui_test_settle (GTK_WIDGET (f->window));
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (GTK_IS_LIST_BOX_ROW (focus));
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (view)));

  focus_current_row (f);

  /* A: the first becomes a claim as proposed, and the next is under review */
  press (f, GDK_KEY_a, 0);
  g_assert_cmpuint (count_claims (project), ==, 1);
  claims = sp_project_list_claims (project, f->dam_doc, NULL);
  claim = g_list_model_get_item (claims, 0);
  g_assert_cmpint (sp_claim_get_actor_id (claim), ==, f->varga);
  g_assert_cmpint (sp_claim_get_issue_id (claim), ==, f->dam);
  g_assert_cmpint (sp_claim_get_stance (claim), ==, 2);
  g_assert_cmpint (sp_claim_get_origin (claim), ==, SP_CLAIM_ORIGIN_SUGGESTED);
  g_assert_cmpint (status_of (project, f->s_varga_dam), ==, SP_SUGGESTION_STATUS_ACCEPTED);
  g_assert_cmpuint (sp_review_view_get_n_pending (view), ==, 3);
  g_assert_cmpint (sp_review_view_get_shown_id (view, 0), !=, f->s_varga_dam);
  g_assert_cmpint (sp_review_view_get_current (view), ==, sp_review_view_get_shown_id (view, 0));
  g_assert_true (sp_gui_test_shows_text (GTK_WIDGET (view), "Precision so far: 100 % of 1 decision"));
  /* The keyboard stays on the list */
  g_assert_true (GTK_IS_LIST_BOX_ROW (gtk_root_get_focus (GTK_ROOT (f->window))));

  /* R: the one under review is rejected and leaves the list; no claim is made */
  {
    gint64 rejected = sp_review_view_get_current (view);

    press (f, GDK_KEY_r, 0);
    g_assert_cmpuint (sp_review_view_get_n_pending (view), ==, 2);
    g_assert_cmpint (status_of (project, rejected), ==, SP_SUGGESTION_STATUS_REJECTED);
    g_assert_cmpuint (count_claims (project), ==, 1);
    for (guint i = 0; i < sp_review_view_get_n_shown (view); i++)
      g_assert_cmpint (sp_review_view_get_shown_id (view, i), !=, rejected);
    g_assert_true (sp_gui_test_shows_text (GTK_WIDGET (view), "Precision so far: 50 % of 2 decisions"));

    /* Ctrl+Z brings it back, pending; a second one takes the claim back out */
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
    sp_gui_test_settle (GTK_WIDGET (f->window));
    g_assert_cmpuint (sp_review_view_get_n_pending (view), ==, 3);
    g_assert_cmpint (status_of (project, rejected), ==, SP_SUGGESTION_STATUS_PENDING);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_cmpuint (sp_review_view_get_n_pending (view), ==, 4);
  g_assert_cmpuint (count_claims (project), ==, 0);
  g_assert_cmpint (status_of (project, f->s_varga_dam), ==, SP_SUGGESTION_STATUS_PENDING);
  g_assert_true (sp_gui_test_shows_text (GTK_WIDGET (view), "No decisions yet: the engine learns from each one"));

  /* Return accepts too, as the row's activation */
  g_assert_true (sp_review_view_select (view, f->s_aalto_quotas));
  focus_current_row (f);
  press (f, GDK_KEY_Return, 0);
  g_assert_cmpint (status_of (project, f->s_aalto_quotas), ==, SP_SUGGESTION_STATUS_ACCEPTED);
}

/* Moving without deciding: J and K, S to skip, U and Shift+U to the uncertain ones */
static void
test_keyboard_moves (Fixture       *f,
                     gconstpointer  data)
{
  SpReviewView *view = f->window->review_view;
  SpProject *project = sp_window_get_project (f->window);

  focus_current_row (f);
  press (f, GDK_KEY_j, 0);
  g_assert_cmpint (sp_review_view_get_current (view), ==, f->s_aalto_dam);
  press (f, GDK_KEY_s, 0);
  g_assert_cmpint (sp_review_view_get_current (view), ==, f->s_varga_quotas);
  press (f, GDK_KEY_k, 0);
  g_assert_cmpint (sp_review_view_get_current (view), ==, f->s_aalto_dam);

  /* Least certain first: 0.55, then 0.30 and 0.75 (both 0.20 and 0.25 from a coin toss) */
  press (f, GDK_KEY_u, 0);
  g_assert_cmpint (sp_review_view_get_current (view), ==, f->s_varga_quotas);
  press (f, GDK_KEY_u, 0);
  g_assert_cmpint (sp_review_view_get_current (view), ==, f->s_aalto_quotas);
  press (f, GDK_KEY_u, GDK_SHIFT_MASK);
  g_assert_cmpint (sp_review_view_get_current (view), ==, f->s_varga_quotas);

  /* Nothing was decided */
  g_assert_cmpuint (sp_review_view_get_n_pending (view), ==, 4);
  g_assert_cmpuint (count_claims (project), ==, 0);
}

/* The filters: issue, actor and the lowest confidence */
static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  SpReviewView *view = f->window->review_view;

  sp_review_view_set_filters (view, f->quotas, 0, 0);
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_cmpuint (sp_review_view_get_n_shown (view), ==, 2);
  g_assert_cmpint (sp_review_view_get_shown_id (view, 0), ==, f->s_varga_quotas);
  g_assert_cmpint (sp_review_view_get_current (view), ==, f->s_varga_quotas);
  g_assert_true (sp_gui_test_shows_text (GTK_WIDGET (view), "2 of 4 suggestions shown"));

  sp_review_view_set_filters (view, 0, f->aalto, 0);
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_cmpuint (sp_review_view_get_n_shown (view), ==, 2);
  g_assert_cmpint (sp_review_view_get_shown_id (view, 0), ==, f->s_aalto_dam);

  sp_review_view_set_filters (view, 0, 0, 0.7);
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_cmpuint (sp_review_view_get_n_shown (view), ==, 2);
  g_assert_cmpint (sp_review_view_get_shown_id (view, 1), ==, f->s_aalto_dam);

  sp_review_view_set_filters (view, f->quotas, f->varga, 0.9);
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_cmpuint (sp_review_view_get_n_shown (view), ==, 0);
  g_assert_cmpint (sp_review_view_get_current (view), ==, 0);
  g_assert_true (sp_gui_test_shows_text (GTK_WIDGET (view), "No suggestion matches these filters"));

  sp_review_view_set_filters (view, 0, 0, 0);
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_cmpuint (sp_review_view_get_n_shown (view), ==, 4);
}

/* E opens the claim popover on the suggestion; saving accepts it as edited */
static void
test_edit (Fixture       *f,
           gconstpointer  data)
{
  SpReviewView *view = f->window->review_view;
  SpClaimPopover *popover = sp_review_view_get_claim_popover (view);
  SpProject *project = sp_window_get_project (f->window);
  g_autoptr(GListModel) claims = NULL;
  g_autoptr(SpClaim) claim = NULL;

  g_assert_true (sp_review_view_select (view, f->s_varga_quotas));
  focus_current_row (f);
  press (f, GDK_KEY_e, 0);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_cmpint (sp_claim_popover_get_suggestion_id (popover), ==, f->s_varga_quotas);
  sp_gui_test_screenshot_with (GTK_WIDGET (f->window), GTK_WIDGET (popover), "review-edit-1280.png");

  /* The analyst reads it as stronger than the engine did */
  sp_claim_popover_set_stance (popover, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (popover), "claim.save", NULL));
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));

  g_assert_cmpint (status_of (project, f->s_varga_quotas), ==, SP_SUGGESTION_STATUS_EDITED);
  claims = sp_project_list_claims (project, f->dam_doc, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (claims), ==, 1);
  claim = g_list_model_get_item (claims, 0);
  g_assert_cmpint (sp_claim_get_stance (claim), ==, 2);
  g_assert_cmpint (sp_claim_get_issue_id (claim), ==, f->quotas);
  g_assert_cmpint (sp_claim_get_actor_id (claim), ==, f->varga);
  g_assert_cmpuint (sp_review_view_get_n_pending (view), ==, 3);

  /* One undo takes the edited acceptance back */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_cmpuint (count_claims (project), ==, 0);
  g_assert_cmpint (status_of (project, f->s_varga_quotas), ==, SP_SUGGESTION_STATUS_PENDING);
}

/* Accept All Above…: the dialog counts, accepts, and one Undo takes them all back */
static void
test_accept_above (Fixture       *f,
                   gconstpointer  data)
{
  SpReviewView *view = f->window->review_view;
  SpProject *project = sp_window_get_project (f->window);
  GtkWindow *dialog;
  GtkSpinButton *spin;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "review.accept-above", NULL));
  sp_gui_test_settle (GTK_WIDGET (f->window));
  dialog = sp_gui_test_find_dialog (GTK_WINDOW (f->window));
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  spin = GTK_SPIN_BUTTON (sp_gui_test_find_type (GTK_WIDGET (dialog), GTK_TYPE_SPIN_BUTTON));
  gtk_spin_button_set_value (spin, 70);
  sp_gui_test_settle (GTK_WIDGET (dialog));
  g_assert_cmpstr (adw_message_dialog_get_response_label (ADW_MESSAGE_DIALOG (dialog), "accept"), ==, "_Accept 2");
  shoot (GTK_WIDGET (dialog), "review-accept-above.png");

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "accept");
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_cmpuint (count_claims (project), ==, 2);
  g_assert_cmpuint (sp_review_view_get_n_pending (view), ==, 2);
  g_assert_cmpint (status_of (project, f->s_varga_dam), ==, SP_SUGGESTION_STATUS_ACCEPTED);
  g_assert_cmpint (status_of (project, f->s_aalto_dam), ==, SP_SUGGESTION_STATUS_ACCEPTED);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_cmpuint (count_claims (project), ==, 0);
  g_assert_cmpuint (sp_review_view_get_n_pending (view), ==, 4);
}

static gboolean
is_text_row (GtkWidget *widget,
             gpointer   data)
{
  return ADW_IS_ACTION_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

/* Actor discovery: Add opens the actor dialog filled in; Dismiss drops a speaker */
static void
test_discovery (Fixture       *f,
                gconstpointer  data)
{
  SpReviewView *view = f->window->review_view;
  SpProject *project = sp_window_get_project (f->window);
  g_autoptr(GPtrArray) speakers = NULL;
  g_autoptr(GListModel) actors = NULL;
  GtkWindow *dialog;
  GtkEditable *name;
  GtkWidget *row;
  gint64 jensen = 0, lind = 0;
  guint n_actors;

  speakers = sp_project_list_speakers (project, FALSE, NULL);
  g_assert_cmpuint (speakers->len, ==, 2);
  for (guint i = 0; i < speakers->len; i++)
    {
      SpDiscoveredSpeaker *speaker = g_ptr_array_index (speakers, i);

      if (g_str_equal (speaker->name, "Mara Jensen"))
        jensen = speaker->id;
      else
        lind = speaker->id;
    }

  sp_review_view_show_speakers (view);
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_cmpuint (sp_review_view_get_n_speakers (view), ==, 2);
  row = sp_gui_test_find (GTK_WIDGET (view), is_text_row, (gpointer)"Mara Jensen");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "chair, Valley Growers' Union\n1 statement");
  g_assert_true (sp_gui_test_shows_text (GTK_WIDGET (view), "New Speakers (2)"));
  shoot (GTK_WIDGET (f->window), "review-speakers-1280.png");

  actors = sp_project_list_actors (project, NULL);
  n_actors = g_list_model_get_n_items (actors);
  g_clear_object (&actors);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "review.add-speaker", "x", jensen));
  sp_gui_test_settle (GTK_WIDGET (f->window));
  dialog = sp_gui_test_find_dialog (GTK_WINDOW (f->window));
  g_assert_true (SP_IS_ACTOR_DIALOG (dialog));
  name = GTK_EDITABLE (sp_gui_test_find_type (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW));
  g_assert_cmpstr (gtk_editable_get_text (name), ==, "Mara Jensen");
  shoot (GTK_WIDGET (dialog), "review-add-speaker.png");
  g_assert_true (sp_form_dialog_save (SP_FORM_DIALOG (dialog)));
  sp_gui_test_settle (GTK_WIDGET (f->window));

  actors = sp_project_list_actors (project, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (actors), ==, n_actors + 1);
  g_assert_cmpuint (sp_review_view_get_n_speakers (view), ==, 1);
  g_assert_null (sp_gui_test_find (GTK_WIDGET (view), is_text_row, (gpointer)"Mara Jensen"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "review.dismiss-speaker", "x", lind));
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_cmpuint (sp_review_view_get_n_speakers (view), ==, 0);
  g_assert_true (sp_gui_test_shows_text (GTK_WIDGET (view), "Every speaker the suggestions saw is in the codebook"));
}

/* At 450 px the list folds over the reader and stays reachable */
static void
test_narrow (Fixture       *f,
             gconstpointer  data)
{
  SpReviewView *view = f->window->review_view;
  AdwFlap *flap = ADW_FLAP (sp_gui_test_find_type (GTK_WIDGET (view), ADW_TYPE_FLAP));

  gtk_window_set_default_size (GTK_WINDOW (f->window), 450, 800);
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_true (adw_flap_get_folded (flap));

  adw_flap_set_reveal_flap (flap, TRUE);
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (sp_gui_test_find (GTK_WIDGET (view), is_selected_row, NULL))));
  shoot (GTK_WIDGET (f->window), "review-450-list.png");

  /* F9 hides the list; the reader shows the suggestion, and the toggle brings it back */
  focus_current_row (f);
  press (f, GDK_KEY_F9, 0);
  g_assert_false (adw_flap_get_reveal_flap (flap));
  g_assert_nonnull (sp_gui_test_find_drawn_type (GTK_WIDGET (view), GTK_TYPE_TOGGLE_BUTTON));
  shoot (GTK_WIDGET (f->window), "review-450-reader.png");

  sp_review_view_show_speakers (view);
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_true (adw_flap_get_reveal_flap (flap));
  shoot (GTK_WIDGET (f->window), "review-450-speakers.png");
}

static gboolean
flap_revealed (gpointer flap)
{
  return adw_flap_get_reveal_progress (flap) >= 1;
}

static gboolean
popover_shown (gpointer popover)
{
  return gtk_widget_get_visible (popover);
}

/* At 450 px with the list over the reader, E slides the list off first: the popover opens on
 * the suggestion's text once the reader is uncovered */
static void
test_narrow_edit (Fixture       *f,
                  gconstpointer  data)
{
  SpReviewView *view = f->window->review_view;
  SpClaimPopover *popover = sp_review_view_get_claim_popover (view);
  AdwFlap *flap = ADW_FLAP (sp_gui_test_find_type (GTK_WIDGET (view), ADW_TYPE_FLAP));

  gtk_window_set_default_size (GTK_WINDOW (f->window), 450, 800);
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_true (adw_flap_get_folded (flap));
  adw_flap_set_reveal_flap (flap, TRUE);
  sp_gui_test_iterate_until (flap_revealed, flap);

  g_assert_true (sp_review_view_select (view, f->s_varga_quotas));
  focus_current_row (f);
  g_assert_true (sp_gui_test_press_key (GTK_WINDOW (f->window), GDK_KEY_e, 0));
  g_assert_false (adw_flap_get_reveal_flap (flap));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));

  sp_gui_test_iterate_until (popover_shown, popover);
  g_assert_cmpfloat (adw_flap_get_reveal_progress (flap), ==, 0);
  g_assert_cmpint (sp_claim_popover_get_suggestion_id (popover), ==, f->s_varga_quotas);
}

/* Every suggestion decided: the view says so, with the precision */
static void
test_all_reviewed (Fixture       *f,
                   gconstpointer  data)
{
  SpReviewView *view = f->window->review_view;
  SpProject *project = sp_window_get_project (f->window);
  g_autoptr(GPtrArray) speakers = sp_project_list_speakers (project, FALSE, NULL);

  for (guint i = 0; i < speakers->len; i++)
    g_assert_true (sp_project_dismiss_speaker (project, ((SpDiscoveredSpeaker *)g_ptr_array_index (speakers, i))->id, TRUE, NULL));
  sp_gui_test_settle (GTK_WIDGET (f->window));

  focus_current_row (f);
  press (f, GDK_KEY_a, 0);
  press (f, GDK_KEY_a, 0);
  press (f, GDK_KEY_Delete, 0);
  press (f, GDK_KEY_a, 0);
  g_assert_cmpuint (sp_review_view_get_n_pending (view), ==, 0);
  g_assert_cmpstr (sp_review_view_get_page (view), ==, "done");
  g_assert_cmpstr (sp_review_view_get_precision_text (view), ==, "Precision so far: 75 % of 4 decisions");
  shoot (GTK_WIDGET (f->window), "review-done.png");
}

/* A long list holds the most confident 200; the count says how many there are */
static void
test_many (Fixture       *f,
           gconstpointer  data)
{
  SpReviewView *view = f->window->review_view;
  SpProject *project = sp_window_get_project (f->window);
  g_autoptr(GArray) fields = g_array_new (FALSE, TRUE, sizeof (SpSuggestionFields));
  g_autoptr(GError) error = NULL;
  guint stored = 0;

  for (guint i = 0; i < 250; i++)
    {
      SpSuggestionFields one = {
        .start = i, .end = i + 5, .actor_id = i % 2 ? f->varga : f->aalto, .issue_id = f->dam,
        .stance = 1, .prior = 0.5, .confidence = 0.2 + i / 500.0, .explanation = "many",
      };

      g_array_append_val (fields, one);
    }
  g_assert_cmpuint (g_utf8_strlen (dam_body, -1), >, 260);
  g_assert_true (sp_project_replace_suggestions (project, f->dam_doc, (SpSuggestionFields *)(gpointer)fields->data,
                                                 fields->len, &stored, &error));
  g_assert_no_error (error);
  sp_gui_test_settle (GTK_WIDGET (f->window));

  /* The document's earlier suggestions were replaced; the other document's one stays */
  g_assert_cmpuint (sp_review_view_get_n_pending (view), ==, 250 + 1);
  g_assert_cmpuint (sp_review_view_get_n_shown (view), ==, 200);
  g_assert_true (sp_gui_test_shows_text (GTK_WIDGET (view), "The 200 most confident of 251"));
}

static gboolean
job_done (gpointer window)
{
  return !_sp_window_is_suggesting (window) && !_sp_window_is_importing (window);
}

/* Suggest Claims runs the engine over the project in a worker, with progress and Stop, and
 * ends with a toast offering the Review view */
static void
test_suggest_pass (Fixture       *f,
                   gconstpointer  data)
{
  SpReviewView *view = f->window->review_view;
  SpProject *project = sp_window_get_project (f->window);
  g_autoptr(GListModel) pending = NULL;

  g_assert_cmpstr (sp_review_view_get_page (view), ==, "empty");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.suggest-claims", NULL));
  g_assert_true (_sp_window_is_suggesting (f->window));
  g_assert_true (gtk_revealer_get_reveal_child (f->window->progress_revealer));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (f->window->progress_stop_button)), ==, "win.cancel-suggest");
  /* One job at a time: no import while it runs */
  g_assert_false (gtk_widget_is_sensitive (sp_gui_test_find_drawn_actionable (GTK_WIDGET (f->window), "win.import-articles", NULL)));

  sp_gui_test_iterate_until (job_done, f->window);
  sp_gui_test_settle (GTK_WIDGET (f->window));
  g_assert_false (gtk_revealer_get_reveal_child (f->window->progress_revealer));
  g_assert_nonnull (sp_gui_test_find_toast_action (GTK_WIDGET (f->window), "win.show-view"));

  pending = sp_project_list_suggestions (project, 0, SP_SUGGESTION_STATUS_MASK (SP_SUGGESTION_STATUS_PENDING), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (pending), >, 0);
  g_assert_cmpuint (sp_review_view_get_n_pending (view), ==, g_list_model_get_n_items (pending));
  g_assert_cmpstr (sp_review_view_get_page (view), ==, "review");
  shoot (GTK_WIDGET (f->window), "review-after-pass.png");
}

/* With Suggest Claims After Import on, an import's new documents are read at once */
static void
test_suggest_after_import (Fixture       *f,
                           gconstpointer  data)
{
  SpProject *project = sp_window_get_project (f->window);
  g_autofree char *path = g_build_filename (f->dir, "weir.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GListModel) documents = NULL;
  g_autoptr(GListModel) suggestions = NULL;
  g_autoptr(GError) error = NULL;
  gint64 added = 0;

  g_assert_true (g_file_set_contents (path,
                                      "Weir plan divides the valley\n\n"
                                      "Minister Ilse Varga said the Kessel dam must be completed this year.\n\n"
                                      "Piet Aalto said Osterlund opposes the dam.\n",
                                      -1, &error));
  f->window->suggest_after_import = TRUE;
  _sp_window_import_files (f->window, &file, 1);
  sp_gui_test_iterate_until (job_done, f->window);
  sp_gui_test_settle (GTK_WIDGET (f->window));

  documents = sp_project_list_documents (project, &error);
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(SpDocument) document = g_list_model_get_item (documents, i);

      if (sp_document_get_id (document) != f->dam_doc && sp_document_get_id (document) != f->quota_doc)
        added = sp_document_get_id (document);
    }
  g_assert_cmpint (added, !=, 0);
  suggestions = sp_project_list_suggestions (project, added, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (suggestions), >, 0);

  /* Only the new document was read */
  g_clear_object (&suggestions);
  suggestions = sp_project_list_suggestions (project, f->dam_doc, 0, &error);
  g_assert_cmpuint (g_list_model_get_n_items (suggestions), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  sp_gui_test_init (&argc, &argv);

  g_test_add ("/review/empty-states", Fixture, GINT_TO_POINTER (FALSE), fixture_setup, test_empty_states, fixture_teardown);
  g_test_add ("/review/list-and-marks", Fixture, GINT_TO_POINTER (TRUE), fixture_setup, test_list_and_marks, fixture_teardown);
  g_test_add ("/review/keyboard-decisions", Fixture, GINT_TO_POINTER (TRUE), fixture_setup, test_keyboard_decisions, fixture_teardown);
  g_test_add ("/review/keyboard-moves", Fixture, GINT_TO_POINTER (TRUE), fixture_setup, test_keyboard_moves, fixture_teardown);
  g_test_add ("/review/filters", Fixture, GINT_TO_POINTER (TRUE), fixture_setup, test_filters, fixture_teardown);
  g_test_add ("/review/edit", Fixture, GINT_TO_POINTER (TRUE), fixture_setup, test_edit, fixture_teardown);
  g_test_add ("/review/accept-above", Fixture, GINT_TO_POINTER (TRUE), fixture_setup, test_accept_above, fixture_teardown);
  g_test_add ("/review/discovery", Fixture, GINT_TO_POINTER (TRUE), fixture_setup, test_discovery, fixture_teardown);
  g_test_add ("/review/narrow", Fixture, GINT_TO_POINTER (TRUE), fixture_setup, test_narrow, fixture_teardown);
  g_test_add ("/review/narrow-edit", Fixture, GINT_TO_POINTER (TRUE), fixture_setup, test_narrow_edit, fixture_teardown);
  g_test_add ("/review/many", Fixture, GINT_TO_POINTER (TRUE), fixture_setup, test_many, fixture_teardown);
  g_test_add ("/review/suggest-pass", Fixture, GINT_TO_POINTER (FALSE), fixture_setup, test_suggest_pass, fixture_teardown);
  g_test_add ("/review/suggest-after-import", Fixture, GINT_TO_POINTER (FALSE), fixture_setup, test_suggest_after_import, fixture_teardown);
  g_test_add ("/review/headline", Fixture, GINT_TO_POINTER (FALSE), fixture_setup, test_headline, fixture_teardown);
  g_test_add ("/review/all-reviewed", Fixture, GINT_TO_POINTER (TRUE), fixture_setup, test_all_reviewed, fixture_teardown);

  return g_test_run ();
}
