/* test-suggest.c: the suggestion engine on invented sentences about a city council and a
 * bridge, so that nothing in it can depend on one debate */
#include <string.h>

#include "sp-suggest-engine.h"
#include "sp-suggest-private.h"

static SpSuggestEngine *
make_engine (void)
{
  g_autoptr(GError) error = NULL;
  SpSuggestLexicons *lexicons = sp_suggest_lexicons_load ("en", &error);
  SpSuggestCodebook *codebook = sp_suggest_codebook_new ();
  const char *council_aliases[] = { "the council", NULL };
  const char *none[] = { NULL };
  const char *bridge_kw[] = { "bridge", "toll", NULL };
  const char *park_kw[] = { "park", NULL };

  g_assert_no_error (error);
  sp_suggest_codebook_add_actor (codebook, &(SpSuggestActor) { 1, "Riverton", SP_ACTOR_KIND_STATE, 1, 0, council_aliases });
  sp_suggest_codebook_add_actor (codebook, &(SpSuggestActor) { 2, "Marta Okafor", SP_ACTOR_KIND_PERSON, 1, 1, none });
  sp_suggest_codebook_add_actor (codebook, &(SpSuggestActor) { 3, "Lakeside", SP_ACTOR_KIND_STATE, 3, 0, none });
  sp_suggest_codebook_add_issue (codebook, &(SpSuggestIssue) { 10, "bridge", "Bridge", "The city should build the bridge", bridge_kw });
  sp_suggest_codebook_add_issue (codebook, &(SpSuggestIssue) { 11, "park", "Park", "The city should give up the park", park_kw });
  return sp_suggest_engine_new (codebook, lexicons);
}

/* Runs @text as paragraphs split at "\n", sentences at ". " */
static SpSuggestResult *
run_text (SpSuggestEngine *engine,
          const char      *text,
          guint64         *work)
{
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint32 start = 0;
  guint32 chars = 0;

  for (const char *p = text; ; p = g_utf8_next_char (p))
    {
      gboolean end = *p == '\0' || *p == '\n' || ((p[0] == '.' || p[0] == '?') && p[1] == ' ');

      if (end)
        {
          guint32 stop = chars + ((*p == '.' || *p == '?') ? 1 : 0);

          if (stop > start)
            {
              g_array_append_val (pairs, start);
              g_array_append_val (pairs, stop);
            }
          start = stop + 1;
        }
      if (*p == '\0')
        break;
      chars++;
    }
  return _sp_suggest_engine_run_counted (engine, text, (guint32 *) pairs->data, pairs->len / 2, work);
}

static const SpSuggestCandidate *
find (SpSuggestResult *result,
      gint64           actor,
      gint64           issue)
{
  for (guint i = 0; i < result->candidates->len; i++)
    {
      const SpSuggestCandidate *c = g_ptr_array_index (result->candidates, i);

      if (c->actor_id == actor && c->issue_id == issue)
        return c;
    }
  return NULL;
}

static void
test_patterns (void)
{
  g_autoptr(SpSuggestEngine) engine = make_engine ();
  struct { const char *text; gint64 actor; gint64 issue; int sign; } cases[] = {
    { "\"We will never pay for that bridge,\" Marta Okafor said.", 2, 10, -1 },
    { "Marta Okafor said: \"The bridge is essential.\"", 2, 10, 1 },
    { "Marta Okafor said that the council backed the bridge.", 2, 10, 1 },
    { "Marta Okafor rejected the bridge.", 2, 10, -1 },
    { "According to Marta Okafor, the bridge is unacceptable.", 2, 10, -1 },
    { "Riverton's mayor opposed the bridge.", 1, 10, -1 },
    { "Riverton officials demanded the bridge.", 1, 10, 1 },
    { "Marta Okafor arrived. Okafor rejected the toll.", 2, 10, -1 },
    { "Marta Okafor arrived. She opposed the bridge.", 2, 10, -1 },
    { "Marta Okafor rejected giving up the park.", 2, 11, -1 },
    { "Marta Okafor urged the council not to push for the bridge.", 2, 10, -1 },
    { "Marta Okafor said Riverton will never recognise the bridge.", 2, 10, -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SpSuggestResult) result = run_text (engine, cases[i].text, NULL);
      const SpSuggestCandidate *c = find (result, cases[i].actor, cases[i].issue);

      g_test_message ("%s", cases[i].text);
      g_assert_nonnull (c);
      g_assert_cmpint (c->stance > 0 ? 1 : -1, ==, cases[i].sign);
      g_assert_nonnull (c->explanation);
      g_assert_nonnull (c->features);
      g_assert_cmpfloat (c->confidence, >, 0);
      g_assert_cmpfloat (c->confidence, <=, 1);
    }
}

/* One cue, one claim: of two issues' keywords in the clause of a cue, the one nearest it */
static void
test_nearest_keyword (void)
{
  g_autoptr(SpSuggestEngine) engine = make_engine ();
  g_autoptr(SpSuggestResult) result = run_text (engine, "Marta Okafor backed the bridge next to the park.", NULL);
  g_autoptr(SpSuggestResult) other = run_text (engine, "Marta Okafor backed the park next to the bridge.", NULL);
  g_autoptr(SpSuggestResult) apart = run_text (engine, "Marta Okafor backed the bridge; she rejected the park.", NULL);

  g_assert_nonnull (find (result, 2, 10));
  g_assert_null (find (result, 2, 11));
  g_assert_nonnull (find (other, 2, 11));
  g_assert_null (find (other, 2, 10));
  /* each clause with a cue of its own keeps its claim */
  g_assert_nonnull (find (apart, 2, 10));
  g_assert_nonnull (find (apart, 2, 11));
}

/* A keyword in an "if" or "unless" clause is the condition, not the claim */
static void
test_condition (void)
{
  g_autoptr(SpSuggestEngine) engine = make_engine ();
  g_autoptr(SpSuggestResult) unless = run_text (engine, "Marta Okafor said she would back the plan unless the park was sold.", NULL);
  g_autoptr(SpSuggestResult) cond = run_text (engine, "Marta Okafor said she would back the bridge if the council asked.", NULL);
  g_autoptr(SpSuggestResult) both = run_text (engine, "Marta Okafor said she would back the bridge unless the park was sold.", NULL);

  g_assert_null (find (unless, 2, 11));
  g_assert_nonnull (find (cond, 2, 10));
  g_assert_nonnull (find (both, 2, 10));
  g_assert_null (find (both, 2, 11));
}

/* A negated modal is a forecast or a hypothesis, not a stance: no claim */
static void
test_negated_modal (void)
{
  g_autoptr(SpSuggestEngine) engine = make_engine ();
  g_autoptr(SpSuggestResult) modal = run_text (engine, "Marta Okafor said she would not accept the bridge unchanged.", NULL);
  g_autoptr(SpSuggestResult) plain = run_text (engine, "Marta Okafor said she did not accept the bridge.", NULL);

  g_assert_null (find (modal, 2, 10));
  g_assert_nonnull (find (plain, 2, 10));
}

/* A stance cue inside the object of a stance verb is another party's stance: no claim */
static void
test_embedded_stance (void)
{
  g_autoptr(SpSuggestEngine) engine = make_engine ();
  g_autoptr(SpSuggestResult) embedded = run_text (engine, "Marta Okafor rejected the council's demand for the bridge.", NULL);
  g_autoptr(SpSuggestResult) plain = run_text (engine, "Marta Okafor rejected the bridge.", NULL);

  g_assert_null (find (embedded, 2, 10));
  g_assert_nonnull (find (plain, 2, 10));
}

/* A plain "not" with no cue and no action word states a fact, not a stance */
static void
test_plain_negation (void)
{
  g_autoptr(SpSuggestEngine) engine = make_engine ();
  g_autoptr(SpSuggestResult) fact = run_text (engine, "Marta Okafor said the bridge is not finished.", NULL);
  g_autoptr(SpSuggestResult) never = run_text (engine, "Marta Okafor said Riverton will never pay for the bridge.", NULL);

  g_assert_null (find (fact, 2, 10));
  g_assert_nonnull (find (never, 2, 10));
}

static void
test_nobody (void)
{
  g_autoptr(SpSuggestEngine) engine = make_engine ();
  const char *texts[] = {
    "The bridge was rejected last year.",
    "Analysts said Riverton rejected the bridge.",
    "Marta Okafor arrived.\nShe opposed the bridge.",
    "\"The park is lovely,\" Marta Okafor said of the bridge.",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(SpSuggestResult) result = run_text (engine, texts[i], NULL);

      g_test_message ("%s", texts[i]);
      g_assert_null (find (result, 2, 10));
      if (i < 2)
        g_assert_cmpuint (result->candidates->len, ==, 0);
    }
}

static void
test_hedge_and_explanation (void)
{
  g_autoptr(SpSuggestEngine) engine = make_engine ();
  g_autoptr(SpSuggestResult) plain = run_text (engine, "Marta Okafor said she backed the bridge.", NULL);
  g_autoptr(SpSuggestResult) hedged = run_text (engine, "Marta Okafor said she could back the bridge.", NULL);
  const SpSuggestCandidate *a = find (plain, 2, 10);
  const SpSuggestCandidate *b = find (hedged, 2, 10);

  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_false (a->conditional);
  g_assert_true (b->conditional);
  g_assert_cmpint (b->stance, >, 0);
  g_assert_cmpfloat (b->confidence, <, a->confidence);
  g_assert_nonnull (strstr (a->explanation, "Okafor"));
  g_assert_nonnull (strstr (a->explanation, "bridge"));
  g_assert_nonnull (strstr (a->explanation, "said"));
  g_assert_true (g_strv_contains ((const char * const *) a->features, "attr:reported"));
  g_assert_true (g_strv_contains ((const char * const *) a->features, "kw:bridge"));
}

static void
test_discovery (void)
{
  g_autoptr(SpSuggestEngine) engine = make_engine ();
  g_autoptr(SpSuggestResult) result =
    run_text (engine, "Lakeside transport minister Tomas Vidal said the bridge must be built.", NULL);
  const SpSuggestSpeaker *speaker;

  g_assert_cmpuint (result->speakers->len, ==, 1);
  speaker = g_ptr_array_index (result->speakers, 0);
  g_assert_cmpstr (speaker->name, ==, "Tomas Vidal");
  g_assert_nonnull (speaker->title);
  g_assert_nonnull (strstr (speaker->title, "minister"));
  g_assert_cmpstr (speaker->affiliation, ==, "Lakeside");
  g_assert_nonnull (find (result, 3, 10));
}

static void
test_bad_lexicon (void)
{
  g_autofree char *dir = g_dir_make_tmp ("sp-lexicon-XXXXXX", NULL);
  const char *src = g_getenv ("STANDPOINT_LEXICON_DIR");
  g_autoptr(GDir) d = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  g_autofree char *en = g_build_filename (src, "en", NULL);
  g_autofree char *bad = g_build_filename (dir, "stance-verbs.txt", NULL);

  d = g_dir_open (en, 0, NULL);
  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *from = g_build_filename (en, name, NULL);
      g_autofree char *to = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;

      g_assert_true (g_file_get_contents (from, &contents, NULL, NULL));
      g_assert_true (g_file_set_contents (to, contents, -1, NULL));
    }
  g_assert_true (g_file_set_contents (bad, "# comment\nreject | - 2\nback | maybe 1\n", -1, NULL));
  g_assert_null (sp_suggest_lexicons_load_from_dir (dir, &error));
  g_assert_error (error, SP_SUGGEST_ERROR, SP_SUGGEST_ERROR_LEXICON);
  g_assert_nonnull (strstr (error->message, "stance-verbs.txt:3:"));
}

static void
test_hostile (void)
{
  g_autoptr(SpSuggestEngine) engine = make_engine ();
  g_autoptr(GString) quotes = g_string_new ("Marta Okafor said ");
  g_autoptr(GString) big = g_string_new ("Marta Okafor said ");
  guint64 work_quotes = 0;
  guint64 work_big = 0;
  guint32 pair[2];

  for (guint i = 0; i < 100000; i++)
    g_string_append (quotes, i % 2 ? "\" bridge " : "\"");
  while (big->len < 1024 * 1024)
    g_string_append (big, "the bridge, rejected by Riverton, ");
  pair[0] = 0;
  pair[1] = g_utf8_strlen (quotes->str, -1);
  sp_suggest_result_free (_sp_suggest_engine_run_counted (engine, quotes->str, pair, 1, &work_quotes));
  pair[1] = g_utf8_strlen (big->str, -1);
  sp_suggest_result_free (_sp_suggest_engine_run_counted (engine, big->str, pair, 1, &work_big));
  /* linear: a bounded number of visits a byte */
  g_assert_cmpuint (work_quotes, <, 64 * quotes->len);
  g_assert_cmpuint (work_big, <, 64 * big->len);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/suggest/patterns", test_patterns);
  g_test_add_func ("/suggest/nobody", test_nobody);
  g_test_add_func ("/suggest/nearest-keyword", test_nearest_keyword);
  g_test_add_func ("/suggest/condition", test_condition);
  g_test_add_func ("/suggest/negated-modal", test_negated_modal);
  g_test_add_func ("/suggest/embedded-stance", test_embedded_stance);
  g_test_add_func ("/suggest/plain-negation", test_plain_negation);
  g_test_add_func ("/suggest/hedge-and-explanation", test_hedge_and_explanation);
  g_test_add_func ("/suggest/discovery", test_discovery);
  g_test_add_func ("/suggest/bad-lexicon", test_bad_lexicon);
  g_test_add_func ("/suggest/hostile", test_hostile);
  return g_test_run ();
}
