/* test-suggest-model.c
 *
 * The learnt model (scores, learning, its stored bytes refused when tampered with) and the
 * analyst's decisions on suggestions: accept, edit, reject, undo, running precision.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "sp-project-private.h"
#include "sp-suggest-engine.h"
#include "sp-suggest-model.h"
#include "sp-suggest-pass.h"
#include "sp-test-util.h"

static const char *quoted[] = { "attr:quote-said", "cue:support", "kw:canal", NULL };
static const char *unattributed[] = { "attr:none", "cue:support", "kw:canal", NULL };

/* No decisions: the engine's own confidence, unchanged */
static void
test_prior_before_decisions (void)
{
  g_autoptr(SpSuggestModel) model = sp_suggest_model_new ();

  g_assert_cmpuint (sp_suggest_model_get_n_decisions (model), ==, 0);
  g_assert_cmpfloat (sp_suggest_model_score (model, quoted, 0.37), ==, 0.37);
  g_assert_cmpfloat (sp_suggest_model_score (model, NULL, 0.9), ==, 0.9);
}

/* Rejecting one kind and accepting another separates them, whatever the prior said */
static void
test_learning_separates (void)
{
  g_autoptr(SpSuggestModel) model = sp_suggest_model_new ();

  for (guint i = 0; i < 30; i++)
    {
      sp_suggest_model_learn (model, quoted, 0.5, TRUE);
      sp_suggest_model_learn (model, unattributed, 0.7, FALSE);
    }

  g_assert_cmpuint (sp_suggest_model_get_n_decisions (model), ==, 60);
  g_assert_cmpfloat (sp_suggest_model_score (model, quoted, 0.5), >, 0.7);
  g_assert_cmpfloat (sp_suggest_model_score (model, unattributed, 0.7), <, 0.3);
}

/* What the model ends with depends little on the order of the decisions: forty accepted,
 * then ten of another kind rejected (an "Accept All Above…", then the rejects of what is
 * left) score the accepted kind as ten rejects among the accepts do, and still above one
 * half */
static void
test_order_of_decisions (void)
{
  g_autoptr(SpSuggestModel) in_runs = sp_suggest_model_new ();
  g_autoptr(SpSuggestModel) mixed = sp_suggest_model_new ();
  double after_runs, after_mixed;

  for (guint i = 0; i < 40; i++)
    sp_suggest_model_learn (in_runs, quoted, 0.8, TRUE);
  for (guint i = 0; i < 10; i++)
    sp_suggest_model_learn (in_runs, unattributed, 0.8, FALSE);
  for (guint i = 0; i < 50; i++)
    sp_suggest_model_learn (mixed, i % 5 == 4 ? unattributed : quoted, 0.8, i % 5 != 4);

  after_runs = sp_suggest_model_score (in_runs, quoted, 0.8);
  after_mixed = sp_suggest_model_score (mixed, quoted, 0.8);
  g_test_message ("accepted kind after runs %.3f, mixed %.3f", after_runs, after_mixed);
  g_assert_cmpfloat (after_runs, >, 0.5);
  g_assert_cmpfloat (fabs (after_runs - after_mixed), <, 0.2);
  g_assert_cmpfloat (sp_suggest_model_score (in_runs, unattributed, 0.8), <, after_runs);
}

static void
test_bytes_round_trip (void)
{
  g_autoptr(SpSuggestModel) model = sp_suggest_model_new ();
  g_autoptr(SpSuggestModel) read = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GError) error = NULL;

  sp_suggest_model_learn (model, quoted, 0.5, TRUE);
  sp_suggest_model_learn (model, unattributed, 0.6, FALSE);
  bytes = sp_suggest_model_to_bytes (model);
  /* header, then one entry per distinct feature with a weight */
  g_assert_cmpuint (g_bytes_get_size (bytes), ==, 32 + 4 * 12);

  read = sp_suggest_model_new_from_bytes (bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sp_suggest_model_get_n_decisions (read), ==, 2);
  g_assert_cmpfloat (sp_suggest_model_score (read, quoted, 0.4), ==, sp_suggest_model_score (model, quoted, 0.4));
  g_assert_cmpfloat (sp_suggest_model_score (read, unattributed, 0.4), ==,
                     sp_suggest_model_score (model, unattributed, 0.4));
  again = sp_suggest_model_to_bytes (read);
  g_assert_true (g_bytes_equal (bytes, again));
}

static void
assert_refused (const guint8 *data,
                gsize         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpSuggestModel) model = sp_suggest_model_new_from_bytes (bytes, &error);

  g_assert_null (model);
  g_assert_error (error, SP_SUGGEST_ERROR, SP_SUGGEST_ERROR_MODEL);
}

/* Truncated, oversized, out-of-range and out-of-order blobs are refused, never read past */
static void
test_tampered_bytes (void)
{
  g_autoptr(SpSuggestModel) model = sp_suggest_model_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autofree guint8 *copy = NULL;
  const guint8 *data;
  gsize size;
  double nan_value = NAN;
  guint32 huge = GUINT32_TO_LE (0x10000);

  sp_suggest_model_learn (model, quoted, 0.5, TRUE);
  bytes = sp_suggest_model_to_bytes (model);
  data = g_bytes_get_data (bytes, &size);

  for (gsize cut = 0; cut < size; cut++)
    assert_refused (data, cut);

  copy = g_malloc (size + 12);
  memcpy (copy, data, size);
  memset (copy + size, 0, 12);
  assert_refused (copy, size + 12);               /* longer than it says */

  memcpy (copy, data, size);
  copy[0] = 'X';
  assert_refused (copy, size);                    /* not our magic */

  memcpy (copy, data, size);
  copy[4] = 2;
  assert_refused (copy, size);                    /* a newer version */

  memcpy (copy, data, size);
  memset (copy + 12, 0xff, 4);
  assert_refused (copy, size);                    /* an entry count far beyond the blob */

  memcpy (copy, data, size);
  memcpy (copy + 32, &huge, 4);
  assert_refused (copy, size);                    /* an index outside the table */

  memcpy (copy, data, size);
  memcpy (copy + 32 + 12, copy + 32, 4);
  assert_refused (copy, size);                    /* two entries of one index */

  memcpy (copy, data, size);
  memcpy (copy + 36, &nan_value, 8);
  assert_refused (copy, size);                    /* a weight that is not a number */

  memcpy (copy, data, size);
  memset (copy + 36, 0, 8);
  assert_refused (copy, size);                    /* a weight of zero, never written */

  memcpy (copy, data, size);
  memcpy (copy + 16, &nan_value, 8);
  assert_refused (copy, size);                    /* nor a bias */
}

/* Decisions through the project */

/* A made-up debate about a canal, in our own words */
static const char article[] =
  "The mayor said the canal should be widened.\n"
  "Critics fear the canal plan will cost too much.\n"
  "The port authority backed the canal plan.";

typedef struct
{
  char      *dir;
  SpProject *project;
  gint64     document;
  gint64     mayor;
  gint64     port;
  gint64     canal;
  gint64     ids[3];
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) listed = NULL;
  SpSuggestionFields set[3] = {
    { 0, 0, 43, 0, 0, 2, FALSE, 0.6, 0.6, "said", quoted },
    { 1, 44, 91, 0, 0, -1, FALSE, 0.5, 0.5, "critics", unattributed },
    { 2, 92, 133, 0, 0, 1, FALSE, 0.4, 0.4, "backed", quoted },
  };

  f->dir = sp_test_make_tmpdir ();
  f->project = sp_test_new_project (f->dir, "decide.standpoint");
  f->document = sp_test_add_document (f->project, "canal.txt", "Canal", article);
  f->mayor = sp_project_add_actor (f->project, "Mayor", SP_ACTOR_KIND_PERSON, 0, NULL, &error);
  f->port = sp_project_add_actor (f->project, "Port Authority", SP_ACTOR_KIND_ORGANISATION, 0, NULL, &error);
  f->canal = sp_project_add_issue (f->project, "canal", "Widen the canal", "", NULL, &error);
  g_assert_no_error (error);

  set[0].actor_id = f->mayor;
  set[1].actor_id = f->mayor;
  set[2].actor_id = f->port;
  for (guint i = 0; i < 3; i++)
    set[i].issue_id = f->canal;
  g_assert_cmpuint (strlen (article), ==, 133);
  g_assert_true (sp_project_replace_suggestions (f->project, f->document, set, 3, NULL, &error));
  g_assert_no_error (error);

  listed = sp_project_list_suggestions (f->project, 0, 0, &error);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(SpSuggestion) s = g_list_model_get_item (listed, i);

      f->ids[sp_suggestion_get_sentence (s)] = sp_suggestion_get_id (s);
    }
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->project);
  sp_test_remove_tree (f->dir);
  g_free (f->dir);
}

static double
confidence_of (Fixture *f,
               gint64   id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpSuggestion) s = sp_project_get_suggestion (f->project, id, &error);

  g_assert_no_error (error);
  return sp_suggestion_get_confidence (s);
}

/* Accepting makes a suggested claim, teaches the model, re-scores the others; one undo
 * step takes all of it back */
static void
test_accept_teaches_and_undoes (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpClaim) claim = NULL;
  g_autoptr(SpSuggestModel) model = NULL;
  double before = confidence_of (f, f->ids[2]);
  gint64 claim_id;
  guint n = 9;

  claim_id = sp_suggest_accept (f->project, f->ids[0], NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (claim_id, >, 0);
  claim = sp_project_get_claim (f->project, claim_id, &error);
  g_assert_cmpint (sp_claim_get_origin (claim), ==, SP_CLAIM_ORIGIN_SUGGESTED);
  g_assert_cmpfloat (sp_claim_get_confidence (claim), ==, 0.6);
  g_assert_cmpuint (sp_claim_get_start (claim), ==, 0);
  g_assert_cmpint (sp_claim_get_stance (claim), ==, 2);

  /* the other suggestion with the same features rose */
  g_assert_cmpfloat (confidence_of (f, f->ids[2]), >, before);
  model = sp_suggest_load_model (f->project, &error);
  g_assert_cmpuint (sp_suggest_model_get_n_decisions (model), ==, 1);
  g_assert_cmpfloat (sp_suggest_running_precision (f->project, &n, &error), ==, 1.0);
  g_assert_cmpuint (n, ==, 1);

  /* decided once only */
  g_assert_cmpint (sp_suggest_accept (f->project, f->ids[0], NULL, &error), ==, 0);
  g_assert_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpstr (sp_project_get_undo_label (f->project), ==, "Accept Suggestion");
  g_assert_true (sp_project_undo (f->project, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sp_test_count_rows (f->project, "SELECT count(*) FROM claims"), ==, 0);
  g_assert_cmpint (sp_test_count_rows (f->project, "SELECT count(*) FROM suggestion_model"), ==, 0);
  g_assert_cmpint (sp_test_count_rows (f->project, "SELECT count(*) FROM suggestions WHERE status = 'pending'"), ==, 3);
  g_assert_cmpfloat (sp_suggest_running_precision (f->project, &n, &error), ==, 0.0);
  g_assert_cmpuint (n, ==, 0);

  g_assert_true (sp_project_redo (f->project, &error));
  g_assert_cmpint (sp_test_count_rows (f->project, "SELECT claim_id FROM suggestions WHERE status = 'accepted'"), ==, claim_id);
}

/* An edit keeps the analyst's version and counts against precision; a reject is one step */
static void
test_edit_and_reject (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpClaim) claim = NULL;
  SpClaimSpec edited = { f->document, 0, 20, f->mayor, f->canal, 1, "shorter", SP_CLAIM_ORIGIN_MANUAL, 0 };
  SpClaimSpec elsewhere = edited;
  double before = confidence_of (f, f->ids[2]);
  gint64 claim_id;
  guint n;

  elsewhere.document_id = 999;
  g_assert_cmpint (sp_suggest_accept (f->project, f->ids[0], &elsewhere, &error), ==, 0);
  g_assert_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  claim_id = sp_suggest_accept (f->project, f->ids[0], &edited, &error);
  g_assert_no_error (error);
  claim = sp_project_get_claim (f->project, claim_id, &error);
  g_assert_cmpuint (sp_claim_get_end (claim), ==, 20);
  g_assert_cmpint (sp_claim_get_stance (claim), ==, 1);
  g_assert_cmpint (sp_claim_get_origin (claim), ==, SP_CLAIM_ORIGIN_SUGGESTED);
  /* same actor, issue and sign: the model learnt it was right */
  g_assert_cmpfloat (confidence_of (f, f->ids[2]), >, before);

  g_assert_true (sp_suggest_reject (f->project, f->ids[1], &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sp_project_get_undo_label (f->project), ==, "Reject Suggestion");
  g_assert_cmpfloat (sp_suggest_running_precision (f->project, &n, &error), ==, 0.0);
  g_assert_cmpuint (n, ==, 2);

  g_assert_true (sp_suggest_accept (f->project, f->ids[2], NULL, &error) > 0);
  g_assert_cmpfloat (fabs (sp_suggest_running_precision (f->project, &n, &error) - 1.0 / 3.0), <, 1e-9);
  g_assert_cmpuint (n, ==, 3);
}

/* A tampered model in the project refuses the decision and changes nothing */
static void
test_tampered_model_refused (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GBytes) junk = g_bytes_new_static ("SPSM\1\0\0\0junk", 12);
  g_autoptr(GError) error = NULL;

  g_assert_true (sp_project_set_model (f->project, junk, &error));
  g_assert_false (sp_suggest_reject (f->project, f->ids[1], &error));
  g_assert_error (error, SP_SUGGEST_ERROR, SP_SUGGEST_ERROR_MODEL);
  g_assert_cmpint (sp_test_count_rows (f->project, "SELECT count(*) FROM suggestions WHERE status = 'pending'"), ==, 3);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/suggest-model/prior-before-decisions", test_prior_before_decisions);
  g_test_add_func ("/suggest-model/learning-separates", test_learning_separates);
  g_test_add_func ("/suggest-model/order-of-decisions", test_order_of_decisions);
  g_test_add_func ("/suggest-model/bytes-round-trip", test_bytes_round_trip);
  g_test_add_func ("/suggest-model/tampered-bytes", test_tampered_bytes);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/suggest-decide/accept-teaches-and-undoes", test_accept_teaches_and_undoes);
  ADD ("/suggest-decide/edit-and-reject", test_edit_and_reject);
  ADD ("/suggest-decide/tampered-model-refused", test_tampered_model_refused);
#undef ADD

  return g_test_run ();
}
