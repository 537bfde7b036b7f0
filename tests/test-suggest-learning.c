/* test-suggest-learning.c
 *
 * Decisions on some documents raise the engine's precision on others. An invented debate
 * (a dam on a border river): the analyst reads every sentence about the river's flow as off
 * the dam issue and rejects those suggestions in the first article, accepting the rest. The
 * real engine, lexicons and model run; the second article's pending suggestions, re-scored
 * after the decisions, are then more often right at the same confidence threshold.
 */
#include "config.h"

#include <string.h>

#include "sp-suggest-engine.h"
#include "sp-suggest-pass.h"
#include "sp-test-util.h"

#define THRESHOLD 0.5

static const char train_body[] =
  "Minister Ilse Varga said the Kessel dam must be finished before the spring floods.\n\n"
  "Piet Aalto rejected any plan that cuts the river's flow downstream.\n\n"
  "Varga backed the dam in a speech to farmers.\n\n"
  "Aalto opposed any scheme that slows the flow of the river.\n\n"
  "Varga said shared water quotas must be agreed this year.";

static const char test_body[] =
  "Ilse Varga insisted the dam must be built on time.\n\n"
  "Piet Aalto condemned every project that reduces the flow of water to Osterlund.\n\n"
  "Aalto said water quotas must be shared fairly.\n\n"
  "Varga welcomed the dam as a source of jobs.\n\n"
  "Aalto dismissed any proposal that blocks the flow of the river.";

/* The analyst's reading: a suggestion resting on the keyword "flow" is wrong */
static gboolean
is_right (SpSuggestion *suggestion)
{
  return strstr (sp_suggestion_get_explanation (suggestion), "“flow”") == NULL;
}

static GListModel *
list_pending (SpProject *project,
              gint64     document)
{
  g_autoptr(GError) error = NULL;
  GListModel *pending = sp_project_list_suggestions (project, document,
                                                     SP_SUGGESTION_STATUS_MASK (SP_SUGGESTION_STATUS_PENDING),
                                                     &error);

  g_assert_no_error (error);
  return pending;
}

/* Right ones among those at or above the threshold; the counts go to @n_right and @n_shown */
static double
precision_at_threshold (SpProject *project,
                        gint64     document,
                        guint     *n_right,
                        guint     *n_shown)
{
  g_autoptr(GListModel) pending = list_pending (project, document);

  *n_right = *n_shown = 0;
  for (guint i = 0; i < g_list_model_get_n_items (pending); i++)
    {
      g_autoptr(SpSuggestion) s = g_list_model_get_item (pending, i);

      if (sp_suggestion_get_confidence (s) < THRESHOLD)
        continue;
      (*n_shown)++;
      *n_right += is_right (s) ? 1 : 0;
    }

  return *n_shown > 0 ? (double)*n_right / *n_shown : 0;
}

static void
test_decisions_raise_precision_elsewhere (void)
{
  g_autofree char *dir = sp_test_make_tmpdir ();
  g_autoptr(SpProject) project = sp_test_new_project (dir, "learning.standpoint");
  g_autoptr(GListModel) train_pending = NULL;
  g_autoptr(GError) error = NULL;
  const char *varga_aliases[] = { "Varga", NULL };
  const char *aalto_aliases[] = { "Aalto", NULL };
  const char *dam_keywords[] = { "dam", "flow", NULL };
  const char *quota_keywords[] = { "quota", "quotas", NULL };
  SpSuggestStats stats = { 0 };
  gint64 veldmark, osterlund, train, test;
  guint right_before, shown_before, right_after, shown_after, n_wrong_taught = 0;
  double before, after;

  veldmark = sp_project_add_actor (project, "Veldmark", SP_ACTOR_KIND_STATE, 0, NULL, &error);
  sp_project_add_actor (project, "Ilse Varga", SP_ACTOR_KIND_PERSON, veldmark, varga_aliases, &error);
  osterlund = sp_project_add_actor (project, "Osterlund", SP_ACTOR_KIND_STATE, 0, NULL, &error);
  sp_project_add_actor (project, "Piet Aalto", SP_ACTOR_KIND_PERSON, osterlund, aalto_aliases, &error);
  sp_project_add_issue (project, "dam", "Kessel dam", "The Kessel dam should be completed", dam_keywords, &error);
  sp_project_add_issue (project, "quotas", "Shared quotas", "Water quotas should be shared", quota_keywords, &error);
  g_assert_no_error (error);
  train = sp_test_add_article (project, "train.txt", "train.txt", train_body);
  test = sp_test_add_article (project, "test.txt", "test.txt", test_body);

  g_assert_true (sp_suggest_documents (project, NULL, 0, NULL, NULL, NULL, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.n_documents, ==, 2);

  before = precision_at_threshold (project, test, &right_before, &shown_before);
  /* Without decisions the engine shows wrong suggestions above the threshold */
  g_assert_cmpuint (shown_before, >, right_before);
  g_assert_cmpuint (right_before, >, 0);

  /* The decisions, on the first article only */
  train_pending = list_pending (project, train);
  g_assert_cmpuint (g_list_model_get_n_items (train_pending), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (train_pending); i++)
    {
      g_autoptr(SpSuggestion) s = g_list_model_get_item (train_pending, i);

      if (is_right (s))
        g_assert_cmpint (sp_suggest_accept (project, sp_suggestion_get_id (s), NULL, &error), >, 0);
      else
        {
          g_assert_true (sp_suggest_reject (project, sp_suggestion_get_id (s), &error));
          n_wrong_taught++;
        }
      g_assert_no_error (error);
    }
  g_assert_cmpuint (n_wrong_taught, >, 0);

  /* The second article was re-scored by the decisions, without a new pass */
  after = precision_at_threshold (project, test, &right_after, &shown_after);
  g_test_message ("precision at %.2f on the other article: %.2f (%u of %u) before, %.2f (%u of %u) after",
                  THRESHOLD, before, right_before, shown_before, after, right_after, shown_after);
  g_assert_cmpfloat (after, >, before);
  g_assert_cmpuint (right_after, >, 0);

  g_clear_object (&project);
  sp_test_remove_tree (dir);
}

/* Words the analyst's claims share teach an issue a keyword: the toll is spoken of as
 * "crossing fees" in two claims tagged by hand, and a new sentence about crossing fees,
 * without the codebook's keyword, is then proposed on the toll, marked as learnt */
static const char tagged_body[] =
  "Mayor Rosa Lind said the crossing fees must be abolished.\n\n"
  "Harbour master Ole Brandt rejected any cut to the crossing fees.";

static const char new_body[] =
  "Rosa Lind insisted the crossing fees must go before summer.";

static guint
count_on_issue (SpProject  *project,
                gint64      document,
                gint64      issue,
                gboolean   *learnt)
{
  g_autoptr(GListModel) pending = list_pending (project, document);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (pending); i++)
    {
      g_autoptr(SpSuggestion) s = g_list_model_get_item (pending, i);

      if (sp_suggestion_get_issue_id (s) != issue)
        continue;
      n++;
      *learnt |= g_strv_contains (sp_suggestion_get_features (s), "kw-learned");
    }
  return n;
}

static void
test_words_learnt_from_claims (void)
{
  g_autofree char *dir = sp_test_make_tmpdir ();
  g_autoptr(SpProject) project = sp_test_new_project (dir, "learn.standpoint");
  g_autoptr(GError) error = NULL;
  const char *keywords[] = { "toll", NULL };
  SpSuggestStats stats = { 0 };
  gboolean learnt = FALSE;
  gint64 lind, brandt, toll, tagged, fresh;

  lind = sp_project_add_actor (project, "Rosa Lind", SP_ACTOR_KIND_PERSON, 0, NULL, &error);
  brandt = sp_project_add_actor (project, "Ole Brandt", SP_ACTOR_KIND_PERSON, 0, NULL, &error);
  toll = sp_project_add_issue (project, "toll", "Bridge toll", "The bridge toll should be abolished", keywords, &error);
  g_assert_no_error (error);
  tagged = sp_test_add_article (project, "tagged.txt", "tagged.txt", tagged_body);
  fresh = sp_test_add_article (project, "fresh.txt", "fresh.txt", new_body);

  /* Before any claim, nothing in the new article names the toll */
  g_assert_true (sp_suggest_documents (project, NULL, 0, NULL, NULL, NULL, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_on_issue (project, fresh, toll, &learnt), ==, 0);

  /* Two claims tagged by hand, each holding "crossing fees" */
  sp_test_add_claim (project, tagged, 0, 57, lind, toll, 2, NULL);
  sp_test_add_claim (project, tagged, 59, 123, brandt, toll, -2, NULL);

  g_assert_true (sp_suggest_documents (project, NULL, 0, NULL, NULL, NULL, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_on_issue (project, fresh, toll, &learnt), ==, 1);
  g_assert_true (learnt);

  g_clear_object (&project);
  sp_test_remove_tree (dir);
}

/* What is learnt is a phrase of two words the claims share, not a single word, and never a
 * word the lexicons know: claims that share "agreed" and "partners" teach neither, so "agreed
 * to" stays a cue for the bridge and praise of partners is not taken for the toll. A keyword
 * of the codebook speaks for a cue before a learnt phrase nearer to it. */
static const char shared_body[] =
  "Rosa Lind agreed the crossing fees must be abolished, our partners say.\n\n"
  "Ole Brandt agreed the crossing fees should stay, say our partners.\n\n"
  "Rosa Lind agreed that the crossing fees hurt our partners.";

static const char other_body[] =
  "Rosa Lind agreed to the new bridge.\n\n"
  "Ole Brandt praised our partners.\n\n"
  "Ole Brandt welcomed the crossing fees.\n\n"
  "Rosa Lind welcomed the crossing fees on the new bridge.";

static void
test_common_words_not_learnt (void)
{
  g_autofree char *dir = sp_test_make_tmpdir ();
  g_autoptr(SpProject) project = sp_test_new_project (dir, "common.standpoint");
  g_autoptr(GListModel) pending = NULL;
  g_autoptr(GError) error = NULL;
  const char *toll_keywords[] = { "toll", NULL };
  const char *bridge_keywords[] = { "bridge", NULL };
  SpSuggestStats stats = { 0 };
  gint64 lind, brandt, toll, bridge, tagged, fresh;
  gboolean bridge_for = FALSE, toll_on_fees = FALSE;

  lind = sp_project_add_actor (project, "Rosa Lind", SP_ACTOR_KIND_PERSON, 0, NULL, &error);
  brandt = sp_project_add_actor (project, "Ole Brandt", SP_ACTOR_KIND_PERSON, 0, NULL, &error);
  toll = sp_project_add_issue (project, "toll", "Bridge toll", "The bridge toll should be abolished", toll_keywords, &error);
  bridge = sp_project_add_issue (project, "bridge", "New bridge", "A new bridge should be built", bridge_keywords, &error);
  g_assert_no_error (error);
  tagged = sp_test_add_article (project, "tagged.txt", "tagged.txt", shared_body);
  fresh = sp_test_add_article (project, "fresh.txt", "fresh.txt", other_body);
  sp_test_add_claim (project, tagged, 0, 71, lind, toll, 2, NULL);
  sp_test_add_claim (project, tagged, 73, 139, brandt, toll, -2, NULL);
  sp_test_add_claim (project, tagged, 141, 199, lind, toll, 2, NULL);

  g_assert_true (sp_suggest_documents (project, NULL, 0, NULL, NULL, NULL, &stats, &error));
  g_assert_no_error (error);

  pending = list_pending (project, fresh);
  for (guint i = 0; i < g_list_model_get_n_items (pending); i++)
    {
      g_autoptr(SpSuggestion) s = g_list_model_get_item (pending, i);
      const char *quote = sp_suggestion_get_quote (s);

      g_test_message ("%s: %s", quote, sp_suggestion_get_explanation (s));
      if (sp_suggestion_get_issue_id (s) == bridge && sp_suggestion_get_stance (s) > 0)
        bridge_for |= strstr (quote, "agreed to") != NULL;
      /* nothing but the phrase the claims share is the toll's, and not beside the bridge */
      if (sp_suggestion_get_issue_id (s) == toll)
        {
          g_assert_nonnull (strstr (quote, "crossing fees"));
          g_assert_null (strstr (quote, "bridge"));
          toll_on_fees = TRUE;
        }
    }
  g_assert_true (bridge_for);
  g_assert_true (toll_on_fees);

  g_clear_object (&project);
  sp_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/suggest-learning/words-learnt-from-claims", test_words_learnt_from_claims);
  g_test_add_func ("/suggest-learning/common-words-not-learnt", test_common_words_not_learnt);
  g_test_add_func ("/suggest-learning/decisions-raise-precision-elsewhere",
                   test_decisions_raise_precision_elsewhere);
  return g_test_run ();
}
