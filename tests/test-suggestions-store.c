/* test-suggestions-store.c
 *
 * Suggestions in the project file: storing a pass's set, the decisions and their undo, the
 * learnt model's bytes, discovered speakers, and schema 6 (migration from version 5, the
 * check that still refuses what we did not create).
 */
#include "config.h"

#include <string.h>

#include <sqlite3.h>
#include <glib/gstdio.h>

#include "sp-project-private.h"
#include "sp-test-util.h"

/* A made-up debate, in our own words */
static const char article[] =
  "Delegates gathered in Northport on Monday.\n\n"
  "The harbour minister said the canal toll must be abolished.\n\n"
  "A council spokeswoman rejected any change to the toll.";

typedef struct
{
  char      *dir;
  SpProject *project;
  gint64     document;
  gint64     minister;
  gint64     council;
  gint64     spokeswoman;
  gint64     toll;
  guint      n_changed;
  SpChangeFlags changes;
} Fixture;

static void
changed_cb (SpProject     *project,
            SpChangeFlags  what,
            Fixture       *f)
{
  f->n_changed++;
  f->changes |= what;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *keywords[] = { "toll", NULL };

  f->dir = sp_test_make_tmpdir ();
  f->project = sp_test_new_project (f->dir, "test.standpoint");
  f->document = sp_test_add_document (f->project, "northport.txt", "Delegates gather", article);
  f->minister = sp_project_add_actor (f->project, "Harbour Minister", SP_ACTOR_KIND_PERSON, 0, NULL, &error);
  g_assert_no_error (error);
  f->council = sp_project_add_actor (f->project, "Town Council", SP_ACTOR_KIND_ORGANISATION, 0, NULL, &error);
  g_assert_no_error (error);
  f->spokeswoman = sp_project_add_actor (f->project, "Council Spokeswoman", SP_ACTOR_KIND_PERSON,
                                         f->council, NULL, &error);
  g_assert_no_error (error);
  f->toll = sp_project_add_issue (f->project, "toll", "Abolish the canal toll",
                                  "The canal toll should be abolished", keywords, &error);
  g_assert_no_error (error);
  g_signal_connect (f->project, "changed", G_CALLBACK (changed_cb), f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->project);
  sp_test_remove_tree (f->dir);
  g_free (f->dir);
}

/* Character offsets of @needle in the article (ASCII, so bytes are characters) */
static void
span_of (const char *needle,
         guint      *start,
         guint      *end)
{
  const char *at = strstr (article, needle);

  g_assert_nonnull (at);
  *start = at - article;
  *end = *start + strlen (needle);
}

static const char *minister_features[] = { "attr:said", "cue:abolish", "kw:toll", NULL };
static const char *council_features[] = { "attr:none", "cue:reject", "neg", NULL };

static SpSuggestionFields
minister_says (Fixture *f,
               double   confidence)
{
  SpSuggestionFields s = {
    .sentence = 1, .actor_id = f->minister, .issue_id = f->toll, .stance = 2,
    .prior = 0.7, .confidence = confidence, .explanation = "said: “must be abolished”",
    .features = minister_features,
  };

  span_of ("The harbour minister said the canal toll must be abolished.", &s.start, &s.end);
  return s;
}

static SpSuggestionFields
spokeswoman_rejects (Fixture *f,
                     double   confidence)
{
  SpSuggestionFields s = {
    .sentence = 2, .actor_id = f->spokeswoman, .issue_id = f->toll, .stance = -2,
    .conditional = TRUE, .prior = 0.6, .confidence = confidence, .explanation = NULL,
    .features = council_features,
  };

  span_of ("A council spokeswoman rejected any change to the toll.", &s.start, &s.end);
  return s;
}

static guint
replace (Fixture                  *f,
         const SpSuggestionFields *set,
         guint                     n)
{
  g_autoptr(GError) error = NULL;
  guint stored = 999;

  g_assert_true (sp_project_replace_suggestions (f->project, f->document, set, n, &stored, &error));
  g_assert_no_error (error);
  return stored;
}

static GListModel *
list (Fixture *f,
      guint    statuses)
{
  g_autoptr(GError) error = NULL;
  GListModel *model = sp_project_list_suggestions (f->project, 0, statuses, &error);

  g_assert_no_error (error);
  return model;
}

static SpSuggestion *
item (GListModel *model,
      guint       position)
{
  g_autoptr(SpSuggestion) s = g_list_model_get_item (model, position);

  g_assert_nonnull (s);
  return s;   /* the model keeps it alive */
}

static gint64
decide (Fixture            *f,
        gint64              id,
        SpSuggestionStatus  status)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sp_project_set_suggestion_status (f->project, id, status, 0, &error));
  g_assert_no_error (error);
  return id;
}

/* Everything a pass stores comes back, most confident first */
static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  SpSuggestionFields set[] = { minister_says (f, 0.4), spokeswoman_rejects (f, 0.9) };
  g_autoptr(GListModel) all = NULL;
  g_autoptr(SpSuggestion) again = NULL;
  g_autoptr(GError) error = NULL;
  SpSuggestion *first, *second;

  g_assert_cmpuint (replace (f, set, 2), ==, 2);
  g_assert_cmpuint (f->n_changed, ==, 1);
  g_assert_cmpint (f->changes & SP_CHANGE_SUGGESTIONS, !=, 0);
  g_assert_false (sp_project_can_undo (f->project) &&
                  g_strcmp0 (sp_project_get_undo_label (f->project), "Add Issue") != 0);

  all = list (f, 0);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 2);
  first = item (all, 0);
  second = item (all, 1);

  g_assert_cmpint (sp_suggestion_get_actor_id (first), ==, f->spokeswoman);
  g_assert_cmpstr (sp_suggestion_get_quote (first), ==, "A council spokeswoman rejected any change to the toll.");
  g_assert_cmpstr (sp_suggestion_get_actor_name (first), ==, "Council Spokeswoman");
  g_assert_cmpstr (sp_suggestion_get_group_name (first), ==, "Town Council");
  g_assert_cmpstr (sp_suggestion_get_issue_key (first), ==, "toll");
  g_assert_cmpint (sp_suggestion_get_stance (first), ==, -2);
  g_assert_true (sp_suggestion_get_conditional (first));
  g_assert_cmpfloat (sp_suggestion_get_confidence (first), ==, 0.9);
  g_assert_cmpfloat (sp_suggestion_get_prior (first), ==, 0.6);
  g_assert_cmpstr (sp_suggestion_get_explanation (first), ==, "");
  g_assert_cmpuint (sp_suggestion_get_sentence (first), ==, 2);
  g_assert_true (g_strv_equal (sp_suggestion_get_features (first), council_features));
  g_assert_cmpint (sp_suggestion_get_status (first), ==, SP_SUGGESTION_STATUS_PENDING);
  g_assert_cmpint (sp_suggestion_get_claim_id (first), ==, 0);
  g_assert_cmpstr (sp_suggestion_get_document_file (first), ==, "northport.txt");

  g_assert_cmpstr (sp_suggestion_get_explanation (second), ==, "said: “must be abolished”");
  g_assert_false (sp_suggestion_get_conditional (second));
  g_assert_cmpstr (sp_suggestion_get_group_name (second), ==, "Harbour Minister");

  again = sp_project_get_suggestion (f->project, sp_suggestion_get_id (second), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sp_suggestion_get_quote (again), ==, sp_suggestion_get_quote (second));
  g_assert_null (sp_project_get_suggestion (f->project, 4242, &error));
  g_assert_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_NOT_FOUND);
}

/* A set with one bad suggestion is refused whole, and the earlier set stays */
static void
test_bad_set_refused (Fixture       *f,
                      gconstpointer  data)
{
  SpSuggestionFields good = minister_says (f, 0.5);
  SpSuggestionFields bad[] = { spokeswoman_rejects (f, 0.5), minister_says (f, 0.5) };
  const char *broken_features[] = { "two\nlines", NULL };
  g_autoptr(GListModel) after = NULL;

  replace (f, &good, 1);

  for (guint k = 0; k < 5; k++)
    {
      g_autoptr(GError) error = NULL;

      bad[1] = minister_says (f, 0.5);
      switch (k)
        {
        case 0: bad[1].end = strlen (article) + 1; break;
        case 1: bad[1].stance = 3; break;
        case 2: bad[1].confidence = 1.5; break;
        case 3: bad[1].actor_id = 999; break;
        default: bad[1].features = broken_features; break;
        }
      g_assert_false (sp_project_replace_suggestions (f->project, f->document, bad, 2, NULL, &error));
      g_assert_nonnull (error);
    }

  after = list (f, 0);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, 1);
  g_assert_cmpint (sp_suggestion_get_actor_id (item (after, 0)), ==, f->minister);
}

/* A rejected span, actor and issue is never proposed again, nor one that already is a claim;
 * one proposed again keeps its row */
static void
test_replace_keeps_decisions (Fixture       *f,
                              gconstpointer  data)
{
  SpSuggestionFields set[] = { minister_says (f, 0.4), spokeswoman_rejects (f, 0.9) };
  SpSuggestionFields council = spokeswoman_rejects (f, 0.3);
  g_autoptr(GListModel) before = NULL;
  g_autoptr(GListModel) pending = NULL;
  g_autoptr(GListModel) rejected = NULL;
  g_autoptr(GListModel) all = NULL;
  gint64 spokeswoman_id, minister_id;
  guint start, end;

  replace (f, set, 2);
  before = list (f, 0);
  spokeswoman_id = sp_suggestion_get_id (item (before, 0));
  minister_id = sp_suggestion_get_id (item (before, 1));
  decide (f, spokeswoman_id, SP_SUGGESTION_STATUS_REJECTED);

  /* the same span for another actor is a new proposal */
  council.actor_id = f->council;
  {
    SpSuggestionFields again[] = { spokeswoman_rejects (f, 0.95), minister_says (f, 0.5), council };

    g_assert_cmpuint (replace (f, again, 3), ==, 2);
  }

  pending = list (f, SP_SUGGESTION_STATUS_MASK (SP_SUGGESTION_STATUS_PENDING));
  g_assert_cmpuint (g_list_model_get_n_items (pending), ==, 2);
  g_assert_cmpint (sp_suggestion_get_id (item (pending, 0)), ==, minister_id);
  g_assert_cmpfloat (sp_suggestion_get_confidence (item (pending, 0)), ==, 0.5);
  g_assert_cmpint (sp_suggestion_get_actor_id (item (pending, 1)), ==, f->council);

  rejected = list (f, SP_SUGGESTION_STATUS_MASK (SP_SUGGESTION_STATUS_REJECTED));
  g_assert_cmpuint (g_list_model_get_n_items (rejected), ==, 1);
  g_assert_cmpint (sp_suggestion_get_id (item (rejected, 0)), ==, spokeswoman_id);

  /* the analyst claims the minister's sentence by hand: the pass no longer proposes it, and
   * the pending suggestions it does not propose go */
  span_of ("The harbour minister said the canal toll must be abolished.", &start, &end);
  sp_test_add_claim (f->project, f->document, start, end, f->minister, f->toll, 1, NULL);
  {
    SpSuggestionFields again[] = { minister_says (f, 0.5) };

    g_assert_cmpuint (replace (f, again, 1), ==, 0);
  }
  all = list (f, 0);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 1);
  g_assert_cmpint (sp_suggestion_get_status (item (all, 0)), ==, SP_SUGGESTION_STATUS_REJECTED);
}

/* An accept in the store's terms: the claim, the status and the model in one action, undone
 * and redone together */
static void
test_accept_undo_redo (Fixture       *f,
                       gconstpointer  data)
{
  SpSuggestionFields s = minister_says (f, 0.8);
  g_autoptr(GListModel) pending = NULL;
  g_autoptr(GBytes) model = g_bytes_new_static ("model-1", 7);
  g_autoptr(GBytes) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpSuggestion) accepted = NULL;
  g_autoptr(SpSuggestion) undone = NULL;
  gint64 id, claim;
  SpClaimSpec spec = { 0 };

  replace (f, &s, 1);
  pending = list (f, 0);
  id = sp_suggestion_get_id (item (pending, 0));

  g_assert_true (sp_project_begin_action (f->project, "Accept Suggestion", &error));
  spec = (SpClaimSpec) { f->document, s.start, s.end, f->minister, f->toll, 2, NULL,
                         SP_CLAIM_ORIGIN_SUGGESTED, 0.8 };
  claim = sp_project_add_claim (f->project, &spec, &error);
  g_assert_cmpint (claim, >, 0);
  g_assert_true (sp_project_set_suggestion_status (f->project, id, SP_SUGGESTION_STATUS_ACCEPTED, claim, &error));
  g_assert_true (sp_project_set_model (f->project, model, &error));
  g_assert_true (sp_project_end_action (f->project, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sp_project_get_undo_label (f->project), ==, "Accept Suggestion");

  accepted = sp_project_get_suggestion (f->project, id, &error);
  g_assert_cmpint (sp_suggestion_get_status (accepted), ==, SP_SUGGESTION_STATUS_ACCEPTED);
  g_assert_cmpint (sp_suggestion_get_claim_id (accepted), ==, claim);
  read = sp_project_get_model (f->project, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (read, model));
  g_clear_pointer (&read, g_bytes_unref);

  g_assert_true (sp_project_undo (f->project, &error));
  g_assert_no_error (error);
  undone = sp_project_get_suggestion (f->project, id, &error);
  g_assert_cmpint (sp_suggestion_get_status (undone), ==, SP_SUGGESTION_STATUS_PENDING);
  g_assert_cmpint (sp_suggestion_get_claim_id (undone), ==, 0);
  g_assert_cmpint (sp_test_count_rows (f->project, "SELECT count(*) FROM claims"), ==, 0);
  g_assert_null (sp_project_get_model (f->project, &error));
  g_assert_no_error (error);

  g_assert_true (sp_project_redo (f->project, &error));
  g_assert_no_error (error);
  g_clear_object (&accepted);
  accepted = sp_project_get_suggestion (f->project, id, &error);
  g_assert_cmpint (sp_suggestion_get_status (accepted), ==, SP_SUGGESTION_STATUS_ACCEPTED);
  g_assert_cmpint (sp_suggestion_get_claim_id (accepted), ==, claim);
  read = sp_project_get_model (f->project, &error);
  g_assert_true (g_bytes_equal (read, model));

  /* deleting the claim keeps the decision and drops the link; undo brings both back */
  g_assert_true (sp_project_delete_claim (f->project, claim, &error));
  g_clear_object (&accepted);
  accepted = sp_project_get_suggestion (f->project, id, &error);
  g_assert_cmpint (sp_suggestion_get_status (accepted), ==, SP_SUGGESTION_STATUS_ACCEPTED);
  g_assert_cmpint (sp_suggestion_get_claim_id (accepted), ==, 0);
  g_assert_true (sp_project_undo (f->project, &error));
  g_clear_object (&accepted);
  accepted = sp_project_get_suggestion (f->project, id, &error);
  g_assert_cmpint (sp_suggestion_get_claim_id (accepted), ==, claim);

  /* a status and its claim go together */
  g_assert_false (sp_project_set_suggestion_status (f->project, id, SP_SUGGESTION_STATUS_ACCEPTED, 0, &error));
  g_assert_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sp_project_set_suggestion_status (f->project, id, SP_SUGGESTION_STATUS_EDITED, 777, &error));
  g_assert_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_NOT_FOUND);
}

static void
test_reject_undo (Fixture       *f,
                  gconstpointer  data)
{
  SpSuggestionFields s = spokeswoman_rejects (f, 0.5);
  g_autoptr(GListModel) pending = NULL;
  g_autoptr(GListModel) after = NULL;
  g_autoptr(GError) error = NULL;
  guint counts[4];
  gint64 id;

  replace (f, &s, 1);
  pending = list (f, 0);
  id = decide (f, sp_suggestion_get_id (item (pending, 0)), SP_SUGGESTION_STATUS_REJECTED);
  g_assert_true (sp_project_count_suggestions (f->project, counts, &error));
  g_assert_cmpuint (counts[SP_SUGGESTION_STATUS_REJECTED], ==, 1);
  g_assert_cmpuint (counts[SP_SUGGESTION_STATUS_PENDING], ==, 0);

  g_assert_true (sp_project_undo (f->project, &error));
  after = list (f, SP_SUGGESTION_STATUS_MASK (SP_SUGGESTION_STATUS_PENDING));
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, 1);
  g_assert_cmpint (sp_suggestion_get_id (item (after, 0)), ==, id);

  g_assert_false (sp_project_set_suggestion_status (f->project, 999, SP_SUGGESTION_STATUS_REJECTED, 0, &error));
  g_assert_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_NOT_FOUND);
}

/* Re-scoring reorders the pending ones and passes over decided ones */
static void
test_rescore (Fixture       *f,
              gconstpointer  data)
{
  SpSuggestionFields set[] = { minister_says (f, 0.4), spokeswoman_rejects (f, 0.9) };
  g_autoptr(GListModel) before = NULL;
  g_autoptr(GListModel) after = NULL;
  g_autoptr(GError) error = NULL;
  gint64 minister_id, spokeswoman_id;

  replace (f, set, 2);
  before = list (f, 0);
  spokeswoman_id = sp_suggestion_get_id (item (before, 0));
  minister_id = sp_suggestion_get_id (item (before, 1));
  decide (f, spokeswoman_id, SP_SUGGESTION_STATUS_REJECTED);

  {
    SpSuggestionScore scores[] = { { minister_id, 0.2 }, { spokeswoman_id, 0.99 } };
    SpSuggestionScore bad[] = { { minister_id, 0.7 }, { spokeswoman_id, -0.1 } };

    g_assert_true (sp_project_update_suggestion_confidences (f->project, scores, 2, &error));
    g_assert_no_error (error);
    g_assert_false (sp_project_update_suggestion_confidences (f->project, bad, 2, &error));
    g_assert_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID);
  }

  after = list (f, 0);
  g_assert_cmpint (sp_suggestion_get_id (item (after, 0)), ==, spokeswoman_id);
  g_assert_cmpfloat (sp_suggestion_get_confidence (item (after, 0)), ==, 0.9);
  g_assert_cmpint (sp_suggestion_get_id (item (after, 1)), ==, minister_id);
  g_assert_cmpfloat (sp_suggestion_get_confidence (item (after, 1)), ==, 0.2);
  g_assert_cmpfloat (sp_suggestion_get_prior (item (after, 1)), ==, 0.7);
}

/* A scorer that reads every feature and the prior: 0.1 per feature, plus half the prior;
 * counts its calls */
static double
count_features (const char * const *features,
                double              prior,
                gpointer            user_data)
{
  guint *calls = user_data;
  guint n = features != NULL ? g_strv_length ((char **)features) : 0;

  (*calls)++;
  return MIN (1.0, 0.1 * n + prior / 2);
}

/* Re-scoring by a scorer sees each pending suggestion's features and prior, passes over the
 * decided ones, and keeps to the document asked for */
static void
test_rescore_with_scorer (Fixture       *f,
                          gconstpointer  data)
{
  SpSuggestionFields set[] = { minister_says (f, 0.4), spokeswoman_rejects (f, 0.9) };
  g_autoptr(GListModel) after = NULL;
  g_autoptr(GError) error = NULL;
  guint calls = 0;
  double minister_expected;

  replace (f, set, 2);
  {
    g_autoptr(GListModel) before = list (f, 0);

    decide (f, sp_suggestion_get_id (item (before, 0)), SP_SUGGESTION_STATUS_REJECTED);
  }

  g_assert_true (sp_project_rescore_suggestions (f->project, f->document + 1, count_features, &calls, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (calls, ==, 0);

  g_assert_true (sp_project_rescore_suggestions (f->project, 0, count_features, &calls, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (calls, ==, 1);

  minister_expected = 0.1 * g_strv_length ((char **)minister_features) + 0.7 / 2;
  after = list (f, SP_SUGGESTION_STATUS_MASK (SP_SUGGESTION_STATUS_PENDING));
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, 1);
  g_assert_cmpfloat_with_epsilon (sp_suggestion_get_confidence (item (after, 0)), minister_expected, 1e-9);
  g_assert_cmpfloat (sp_suggestion_get_prior (item (after, 0)), ==, 0.7);

  {
    g_autoptr(GListModel) rejected = list (f, SP_SUGGESTION_STATUS_MASK (SP_SUGGESTION_STATUS_REJECTED));

    g_assert_cmpfloat (sp_suggestion_get_confidence (item (rejected, 0)), ==, 0.9);
  }
}

/* Speakers: one row per name, dismissed ones stay dismissed, actors hide them */
static void
test_speakers (Fixture       *f,
               gconstpointer  data)
{
  SpSpeakerFields seen[] = {
    { "Mara  Holm", "port commissioner", "Harbour Board", 2, f->document },
    { "MARA HOLM", NULL, NULL, 1, f->document },
    { "Ivo Brandt", NULL, "Town Council", 1, f->document },
    { "", NULL, NULL, 4, f->document },
  };
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) with_dismissed = NULL;
  g_autoptr(GPtrArray) after_actor = NULL;
  g_autoptr(GPtrArray) after_delete = NULL;
  g_autoptr(GError) error = NULL;
  SpDiscoveredSpeaker *holm, *brandt;

  g_assert_true (sp_project_replace_speakers (f->project, seen, G_N_ELEMENTS (seen), &error));
  g_assert_no_error (error);
  listed = sp_project_list_speakers (f->project, FALSE, &error);
  g_assert_cmpuint (listed->len, ==, 2);
  holm = g_ptr_array_index (listed, 0);
  brandt = g_ptr_array_index (listed, 1);
  g_assert_cmpstr (holm->name, ==, "Mara Holm");
  g_assert_cmpstr (holm->title, ==, "port commissioner");
  g_assert_cmpuint (holm->n_mentions, ==, 3);
  g_assert_cmpint (holm->document_id, ==, f->document);
  g_assert_cmpstr (brandt->affiliation, ==, "Town Council");

  g_assert_true (sp_project_dismiss_speaker (f->project, holm->id, TRUE, &error));
  g_assert_cmpstr (sp_project_get_undo_label (f->project), ==, "Dismiss Speaker");

  /* the next pass sees Holm again and not Brandt */
  g_assert_true (sp_project_replace_speakers (f->project, seen, 1, &error));
  again = sp_project_list_speakers (f->project, FALSE, &error);
  g_assert_cmpuint (again->len, ==, 0);
  with_dismissed = sp_project_list_speakers (f->project, TRUE, &error);
  g_assert_cmpuint (with_dismissed->len, ==, 1);
  g_assert_true (((SpDiscoveredSpeaker *)g_ptr_array_index (with_dismissed, 0))->dismissed);

  g_assert_true (sp_project_undo (f->project, &error));
  g_assert_no_error (error);
  g_clear_pointer (&again, g_ptr_array_unref);
  again = sp_project_list_speakers (f->project, FALSE, &error);
  g_assert_cmpuint (again->len, ==, 1);

  /* an actor of that name hides the speaker */
  g_assert_cmpint (sp_project_add_actor (f->project, "Mara Holm", SP_ACTOR_KIND_PERSON, 0, NULL, &error), >, 0);
  after_actor = sp_project_list_speakers (f->project, TRUE, &error);
  g_assert_cmpuint (after_actor->len, ==, 0);
  g_assert_true (sp_project_undo (f->project, &error));

  /* deleting the document keeps the speaker, pointing nowhere; undo points it back */
  g_assert_true (sp_project_delete_document (f->project, f->document, TRUE, &error));
  g_assert_no_error (error);
  after_delete = sp_project_list_speakers (f->project, FALSE, &error);
  g_assert_cmpuint (after_delete->len, ==, 1);
  g_assert_cmpint (((SpDiscoveredSpeaker *)g_ptr_array_index (after_delete, 0))->document_id, ==, 0);
  g_assert_true (sp_project_undo (f->project, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sp_test_count_rows (f->project, "SELECT document_id FROM speakers"), ==, f->document);
}

/* Deleting a document, actor or issue takes its suggestions; undo brings them back whole */
static void
test_delete_cascades (Fixture       *f,
                      gconstpointer  data)
{
  SpSuggestionFields set[] = { minister_says (f, 0.4), spokeswoman_rejects (f, 0.9) };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) back = NULL;

  replace (f, set, 2);
  g_assert_true (sp_project_delete_actor (f->project, f->minister, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sp_test_count_rows (f->project, "SELECT count(*) FROM suggestions"), ==, 1);
  g_assert_true (sp_project_undo (f->project, &error));

  g_assert_true (sp_project_delete_issue (f->project, f->toll, &error));
  g_assert_cmpint (sp_test_count_rows (f->project, "SELECT count(*) FROM suggestions"), ==, 0);
  g_assert_true (sp_project_undo (f->project, &error));

  g_assert_true (sp_project_delete_document (f->project, f->document, TRUE, &error));
  g_assert_cmpint (sp_test_count_rows (f->project, "SELECT count(*) FROM suggestions"), ==, 0);
  g_assert_true (sp_project_undo (f->project, &error));
  g_assert_no_error (error);

  back = list (f, 0);
  g_assert_cmpuint (g_list_model_get_n_items (back), ==, 2);
  g_assert_true (g_strv_equal (sp_suggestion_get_features (item (back, 0)), council_features));
  g_assert_cmpfloat (sp_suggestion_get_prior (item (back, 0)), ==, 0.6);
  g_assert_true (sp_suggestion_get_conditional (item (back, 0)));
}

/* A version 5 file opens as version 6, backed up first; its suggestions keep their
 * confidence as their prior */
static void
test_migrate_from_version_5 (void)
{
  g_autofree char *dir = sp_test_make_tmpdir ();
  g_autofree char *path = sp_test_make_old_project (dir, "five.standpoint", 5,
    "INSERT INTO documents (file_name, title, body, body_length, content_hash, text_hash, imported) "
    "VALUES ('five.txt', 'Five', 'The mayor backed the bridge.', 28, 'c1', 't1', '2025-01-01T00:00:00Z');"
    "INSERT INTO documents_fts (documents_fts) VALUES ('rebuild');"
    "INSERT INTO actors (name, kind, created, updated) VALUES ('Mayor', 'person', '', '');"
    "INSERT INTO actor_keys (key, actor_id) VALUES ('mayor', 1);"
    "INSERT INTO issues (key, label, created, updated, key_fold) VALUES ('bridge', 'Bridge', '', '', 'bridge');"
    "INSERT INTO suggestions (document_id, start_offset, end_offset, actor_id, issue_id, stance, "
    "  confidence, explanation, status, created) "
    "VALUES (1, 0, 28, 1, 1, 1, 0.75, 'backed', 'rejected', '2025-01-01T00:00:00Z');");
  g_autofree char *backup = g_strconcat (path, ".v5.bak", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpProject) project = sp_project_open (path, &error);
  g_autoptr(GListModel) all = NULL;
  g_autoptr(SpSuggestion) s = NULL;
  SpSuggestionFields again = { .start = 0, .end = 28, .actor_id = 1, .issue_id = 1, .stance = 1,
                               .prior = 0.8, .confidence = 0.8 };
  guint stored = 9;

  g_assert_no_error (error);
  g_assert_cmpint (sp_test_count_rows (project, "PRAGMA user_version"), ==, SP_PROJECT_SCHEMA_VERSION);
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));

  all = sp_project_list_suggestions (project, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 1);
  s = g_list_model_get_item (all, 0);
  g_assert_cmpfloat (sp_suggestion_get_prior (s), ==, 0.75);
  g_assert_cmpfloat (sp_suggestion_get_confidence (s), ==, 0.75);
  g_assert_cmpstr (sp_suggestion_get_quote (s), ==, "The mayor backed the bridge.");
  g_assert_cmpuint (g_strv_length ((char **)sp_suggestion_get_features (s)), ==, 0);
  g_assert_cmpint (sp_suggestion_get_status (s), ==, SP_SUGGESTION_STATUS_REJECTED);

  /* the rejection made under version 5 still keeps the span out */
  g_assert_true (sp_project_replace_suggestions (project, 1, &again, 1, &stored, &error));
  g_assert_cmpuint (stored, ==, 0);
  g_assert_null (sp_project_get_model (project, &error));
  g_assert_no_error (error);

  g_clear_object (&project);
  sp_test_remove_tree (dir);
}

/* Schema 6 is checked like the others: a table, index or column we did not create is refused */
static void
test_schema_check_still_refuses (void)
{
  const char *tampering[] = {
    "CREATE TABLE speaker_notes (speaker_id INTEGER, note TEXT)",
    "CREATE INDEX speakers_name ON speakers (name)",
    "ALTER TABLE suggestion_model ADD COLUMN author TEXT",
  };

  for (guint i = 0; i < G_N_ELEMENTS (tampering); i++)
    {
      g_autofree char *dir = sp_test_make_tmpdir ();
      g_autoptr(SpProject) project = sp_test_new_project (dir, "six.standpoint");
      g_autofree char *path = g_strdup (sp_project_get_path (project));
      g_autoptr(SpProject) reopened = NULL;
      g_autoptr(GError) error = NULL;
      sqlite3 *db = NULL;

      g_clear_object (&project);
      g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db, tampering[i], NULL, NULL, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

      reopened = sp_project_open (path, &error);
      g_assert_null (reopened);
      g_assert_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_UNEXPECTED_SCHEMA);
      sp_test_remove_tree (dir);
    }
}

/* Restoring a removed block before a suggestion moves its span and, when the block became a
 * sentence of its own, its sentence number */
static void
test_restore_moves_suggestions (void)
{
  g_autofree char *dir = sp_test_make_tmpdir ();
  g_autoptr(SpProject) project = sp_test_new_project (dir, "restore.standpoint");
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) removals = NULL;
  g_autoptr(SpRemoval) removal = NULL;
  g_autoptr(SpSuggestion) moved = NULL;
  static const char body[] = "The mayor backed the bridge.";
  const guint32 sentences[] = { 0, 28 };
  const SpRemovedBlockFields removed[] = { { 0, "Share this page", "share bar" } };
  SpDocumentFields fields = {
    .file_name = "bridge.txt", .title = "Bridge", .body = body, .content_hash = "c-bridge",
    .text_hash = "t-bridge", .removed = removed, .n_removed = 1, .sentences = sentences, .n_sentences = 1,
  };
  gint64 document = sp_project_add_document (project, &fields, &error);
  gint64 actor = sp_project_add_actor (project, "Mayor", SP_ACTOR_KIND_PERSON, 0, NULL, &error);
  gint64 issue = sp_project_add_issue (project, "bridge", "Bridge", "", NULL, &error);
  SpSuggestionFields s = { .sentence = 0, .start = 4, .end = 28, .actor_id = actor, .issue_id = issue,
                           .stance = 1, .prior = 0.5, .confidence = 0.5 };
  g_autoptr(GListModel) listed = NULL;
  guint shift;

  g_assert_no_error (error);
  g_assert_true (sp_project_replace_suggestions (project, document, &s, 1, NULL, &error));
  removals = sp_project_list_removals (project, document, &error);
  removal = g_list_model_get_item (removals, 0);
  g_assert_true (sp_project_restore_removal (project, sp_removal_get_id (removal), &error));
  g_assert_no_error (error);

  listed = sp_project_list_suggestions (project, document, 0, &error);
  moved = g_list_model_get_item (listed, 0);
  shift = sp_suggestion_get_start (moved) - 4;
  g_assert_cmpuint (shift, >, 0);
  g_assert_cmpuint (sp_suggestion_get_end (moved), ==, 28 + shift);
  g_assert_cmpstr (sp_suggestion_get_quote (moved), ==, "mayor backed the bridge.");
  g_assert_cmpuint (sp_suggestion_get_sentence (moved), ==, 1);

  g_clear_object (&project);
  sp_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/suggestions-store/round-trip", test_round_trip);
  ADD ("/suggestions-store/bad-set-refused", test_bad_set_refused);
  ADD ("/suggestions-store/replace-keeps-decisions", test_replace_keeps_decisions);
  ADD ("/suggestions-store/accept-undo-redo", test_accept_undo_redo);
  ADD ("/suggestions-store/reject-undo", test_reject_undo);
  ADD ("/suggestions-store/rescore", test_rescore);
  ADD ("/suggestions-store/rescore-with-scorer", test_rescore_with_scorer);
  ADD ("/suggestions-store/speakers", test_speakers);
  ADD ("/suggestions-store/delete-cascades", test_delete_cascades);
#undef ADD
  g_test_add_func ("/suggestions-store/migrate-from-version-5", test_migrate_from_version_5);
  g_test_add_func ("/suggestions-store/schema-check-still-refuses", test_schema_check_still_refuses);
  g_test_add_func ("/suggestions-store/restore-moves-suggestions", test_restore_moves_suggestions);

  return g_test_run ();
}
