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
  return _sp_suggest_engine_run_counted (engine, text, (guint32 *)(gpointer)pairs->data, pairs->len / 2, work);
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

/* One cue, one claim: of two issues' keywords in the clause of a cue, the one nearest it,
 * where one before the cue counts further than one after it */
static void
test_nearest_keyword (void)
{
  g_autoptr(SpSuggestEngine) engine = make_engine ();
  g_autoptr(SpSuggestResult) result = run_text (engine, "Marta Okafor backed the bridge next to the park.", NULL);
  g_autoptr(SpSuggestResult) other = run_text (engine, "Marta Okafor backed the park next to the bridge.", NULL);
  g_autoptr(SpSuggestResult) apart = run_text (engine, "Marta Okafor backed the bridge; she rejected the park.", NULL);
  g_autoptr(SpSuggestResult) subject = run_text (engine, "Marta Okafor said any toll deal must mean giving up the park.", NULL);
  g_autoptr(SpSuggestResult) during = run_text (engine, "Marta Okafor rejected the toll during the fight over the park.", NULL);
  g_autoptr(SpSuggestResult) after = run_text (engine, "Marta Okafor demanded a vote after the bridge opened.", NULL);

  g_assert_nonnull (find (result, 2, 10));
  g_assert_null (find (result, 2, 11));
  g_assert_nonnull (find (other, 2, 11));
  g_assert_null (find (other, 2, 10));
  /* each clause with a cue of its own keeps its claim */
  g_assert_nonnull (find (apart, 2, 10));
  g_assert_nonnull (find (apart, 2, 11));
  /* a keyword after "during" or "after" is a circumstance of the claim, not its object */
  g_assert_null (find (during, 2, 11));
  g_assert_nonnull (find (during, 2, 10));
  g_assert_null (find (after, 2, 10));
  /* a keyword before the cue is its subject; what the cue asks for comes after it */
  g_assert_null (find (subject, 2, 10));
  g_assert_nonnull (find (subject, 2, 11));
  g_assert_cmpint (find (subject, 2, 11)->stance, >, 0);
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

/* A negated modal is a forecast or a hypothesis, not a stance: no claim; but "would" after a
 * reporting verb is the future as it was stated ("said she would not accept" refuses) */
static void
test_negated_modal (void)
{
  g_autoptr(SpSuggestEngine) engine = make_engine ();
  g_autoptr(SpSuggestResult) modal = run_text (engine, "Marta Okafor said she could not accept the bridge unchanged.", NULL);
  g_autoptr(SpSuggestResult) plain = run_text (engine, "Marta Okafor said she did not accept the bridge.", NULL);
  g_autoptr(SpSuggestResult) reported = run_text (engine, "Marta Okafor said she would not accept the bridge.", NULL);
  g_autoptr(SpSuggestResult) quoted = run_text (engine, "\"We would not accept the bridge,\" Marta Okafor said.", NULL);
  const SpSuggestCandidate *refusal = find (reported, 2, 10);

  g_assert_null (find (modal, 2, 10));
  g_assert_nonnull (find (plain, 2, 10));
  g_assert_nonnull (refusal);
  g_assert_cmpint (refusal->stance, <, 0);
  g_assert_false (refusal->conditional);
  g_assert_null (find (quoted, 2, 10));
}

/* A stance verb inside the object of a stance verb is another party's stance: no claim */
static void
test_embedded_stance (void)
{
  g_autoptr(SpSuggestEngine) engine = make_engine ();
  g_autoptr(SpSuggestResult) embedded = run_text (engine, "Marta Okafor rejected a text supporting the bridge.", NULL);
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
    "Marta Okafor arrived.\nThe hall was full.\nShe opposed the bridge.",
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

  /* a connective opening the sentence is no name, even before a role */
  g_clear_pointer (&result, sp_suggest_result_free);
  result = run_text (engine, "Meanwhile, Lakeside mayor Marta Okafor said the bridge must be built.", NULL);
  g_assert_cmpuint (result->speakers->len, ==, 0);
  g_assert_nonnull (find (result, 2, 10));

  /* a common word that starts a sentence and that the document writes in lower case too is
   * no part of a name; a word the document writes only capitalised still is */
  g_clear_pointer (&result, sp_suggest_result_free);
  result = run_text (engine, "The vote is now over. Now Tomas Vidal said the bridge must be built.", NULL);
  g_assert_cmpuint (result->speakers->len, ==, 1);
  g_assert_cmpstr (((SpSuggestSpeaker *) g_ptr_array_index (result->speakers, 0))->name, ==, "Tomas Vidal");
  g_clear_pointer (&result, sp_suggest_result_free);
  result = run_text (engine, "The vote is over. Vera Tomas Vidal said the bridge must be built.", NULL);
  g_assert_cmpuint (result->speakers->len, ==, 1);
  g_assert_cmpstr (((SpSuggestSpeaker *) g_ptr_array_index (result->speakers, 0))->name, ==, "Vera Tomas Vidal");
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

/* An engine whose one issue (id 20) has @proposition and @keywords */
static SpSuggestEngine *
make_engine_with (const char  *proposition,
                  const char **keywords)
{
  g_autoptr(GError) error = NULL;
  SpSuggestLexicons *lexicons = sp_suggest_lexicons_load ("en", &error);
  SpSuggestCodebook *codebook = sp_suggest_codebook_new ();
  const char *none[] = { NULL };

  g_assert_no_error (error);
  sp_suggest_codebook_add_actor (codebook, &(SpSuggestActor) { 2, "Marta Okafor", SP_ACTOR_KIND_PERSON, 1, 1, none });
  sp_suggest_codebook_add_issue (codebook, &(SpSuggestIssue) { 20, "ferry", "Ferry", proposition, keywords });
  return sp_suggest_engine_new (codebook, lexicons);
}

static int
sign_of (SpSuggestResult *result,
         gint64           actor,
         gint64           issue)
{
  const SpSuggestCandidate *c = find (result, actor, issue);

  g_assert_nonnull (c);
  return c->stance > 0 ? 1 : -1;
}

/* A text and what the engine makes of it: the sign of the candidate of @actor on @issue,
 * or 0 for no candidate */
typedef struct
{
  const char *text;
  gint64      actor;
  gint64      issue;
  int         sign;
} Case;

static void
check_cases (SpSuggestEngine *engine,
             const Case      *cases,
             guint            n_cases)
{
  for (guint i = 0; i < n_cases; i++)
    {
      g_autoptr(SpSuggestResult) result = run_text (engine, cases[i].text, NULL);

      g_test_message ("%s", cases[i].text);
      if (cases[i].sign == 0)
        g_assert_null (find (result, cases[i].actor, cases[i].issue));
      else
        g_assert_cmpint (sign_of (result, cases[i].actor, cases[i].issue), ==, cases[i].sign);
    }
}

/* Which attribution pattern gave @actor's candidate on @issue in @text */
static gboolean
has_feature (SpSuggestEngine *engine,
             const char      *text,
             gint64           actor,
             gint64           issue,
             const char      *feature)
{
  g_autoptr(SpSuggestResult) result = run_text (engine, text, NULL);
  const SpSuggestCandidate *c = find (result, actor, issue);

  g_assert_nonnull (c);
  return g_strv_contains ((const char * const *) c->features, feature);
}

/* A stance word after a copula is its subject's stance, negated or with adverbs between;
 * without a named subject, or in a condition, it is nobody's */
static void
test_stance_word (void)
{
  g_autoptr(SpSuggestEngine) engine = make_engine ();
  const Case cases[] = {
    { "Lakeside is ready to build the bridge.", 3, 10, 1 },
    { "Marta Okafor remains firmly against the bridge.", 2, 10, -1 },
    { "Lakeside was not willing to build the bridge.", 3, 10, -1 },
    { "The talks on the bridge are productive.", 2, 10, 0 },
    { "If Lakeside is ready to build the bridge, the works begin.", 3, 10, 0 },
  };

  g_autoptr(SpSuggestResult) ready = run_text (engine, cases[0].text, NULL);

  check_cases (engine, cases, G_N_ELEMENTS (cases));
  g_assert_true (has_feature (engine, cases[0].text, 3, 10, "attr:stance-word"));
  g_assert_nonnull (strstr (find (ready, 3, 10)->explanation, "stance word"));
}

/* "insisted on" is the stance verb, not the reporting verb "insist"; a relative clause's
 * subject is the name just before it, even after a preposition, and nobody else */
static void
test_longer_verb_and_relative (void)
{
  g_autoptr(SpSuggestEngine) engine = make_engine ();
  g_autoptr(SpSuggestResult) insisted = run_text (engine, "Lakeside insisted on the bridge.", NULL);
  const Case cases[] = {
    { "The vote surprised many in Riverton, who rejected the bridge last year.", 1, 10, -1 },
    { "Lakeside hired the engineers, who rejected the bridge.", 3, 10, 0 },
  };

  g_assert_nonnull (find (insisted, 3, 10));
  g_assert_cmpint (find (insisted, 3, 10)->stance, ==, 2);
  check_cases (engine, cases, G_N_ELEMENTS (cases));
}

/* The last word of a longer verb or action is no verb of its own: "took back" is not "back" */
static void
test_particle (void)
{
  g_autoptr(SpSuggestEngine) engine = make_engine ();
  const Case cases[] = {
    { "Riverton took back the bridge.", 1, 10, 0 },
    { "Riverton backed the bridge.", 1, 10, 1 },
  };

  check_cases (engine, cases, G_N_ELEMENTS (cases));
}

/* A passive stance verb's agent holds the stance on the clause before the verb, negated or
 * in an apposition; the clause stops at another cue (not at a stance noun: "the plan"), at
 * "and", and a few words back */
static void
test_passive (void)
{
  g_autoptr(SpSuggestEngine) engine = make_engine ();
  const Case cases[] = {
    { "The bridge was rejected by Lakeside.", 3, 10, -1 },
    { "The bridge, backed by Marta Okafor, opens in May.", 2, 10, 1 },
    { "The bridge was not accepted by Lakeside.", 3, 10, -1 },
    { "Riverton opposes the bridge demanded by Lakeside.", 3, 10, 1 },
    { "Riverton opposes the bridge demanded by Lakeside.", 1, 10, -1 },
    { "The plan for the bridge was rejected by Lakeside.", 3, 10, -1 },
    { "Crews were building the bridge and putting up homes supported by Lakeside.", 3, 10, 0 },
  };

  check_cases (engine, cases, G_N_ELEMENTS (cases));
  g_assert_true (has_feature (engine, cases[0].text, 3, 10, "attr:passive"));
}

/* A stance verb with no object after it, in a relative clause opened after a comma ("…, a
 * plan Lakeside rejected."), speaks of the clause before the comma, for every subject listed;
 * with an object of its own, or no opening word, it does not. So does a passive stance verb
 * after an apposition that names a stance ("…, a demand rejected by Lakeside"), which is
 * not the speaker's cue. */
static void
test_object_before (void)
{
  g_autoptr(SpSuggestEngine) engine = make_engine ();
  const Case cases[] = {
    { "Riverton wants to build the bridge, a plan Lakeside has flatly rejected.", 3, 10, -1 },
    { "Riverton wants to build the bridge, something Lakeside and Marta Okafor rejected outright.", 3, 10, -1 },
    { "Riverton wants to build the bridge, something Lakeside and Marta Okafor rejected outright.", 2, 10, -1 },
    { "The city plans to give up the park, which Lakeside has not accepted.", 3, 11, -1 },
    { "The city plans to build the bridge, which Lakeside welcomed.", 3, 10, 1 },
    { "The city plans to build the bridge, a plan Lakeside rejected yesterday in a vote.", 3, 10, 0 },
    { "The city plans to build the bridge, and Lakeside rejected.", 3, 10, 0 },
  };

  const Case appositions[] = {
    /* "a demand rejected by X": X rejects what was demanded, not the speaker */
    { "Riverton wants a halt of the toll, a demand rejected by Lakeside.", 3, 10, 1 },
    { "Riverton wants a halt of the toll, a demand rejected by Lakeside.", 1, 10, -1 },
    { "Riverton wants a halt of the toll and a new park – demands rejected by Lakeside.", 3, 10, 1 },
    /* a clause whose start is out of reach may have lost what governs its keyword */
    { "Riverton says that the council and the people of the old town on the river by the hills near the lake will build the bridge, something Lakeside rejected.", 3, 10, 0 },
  };

  check_cases (engine, cases, G_N_ELEMENTS (cases));
  check_cases (engine, appositions, G_N_ELEMENTS (appositions));
  g_assert_true (has_feature (engine, cases[0].text, 3, 10, "attr:object-before"));
}

/* An action word counts only when the keyword is its object ("give up the old park", "the
 * park should be kept"), not when a preposition stands between ("end the quarrel with a
 * bridge") or the keyword is the subject of a purpose clause */
static void
test_governing_action (void)
{
  g_autoptr(SpSuggestEngine) engine = make_engine ();
  const Case cases[] = {
    /* "The city should give up the park": giving it up is for */
    { "Marta Okafor said she wants to give up the old park.", 2, 11, 1 },
    { "Marta Okafor said the park should be kept.", 2, 11, -1 },
    { "Marta Okafor said she wants to end the quarrel with a bridge.", 2, 10, 1 },
    { "Marta Okafor said she wants to stop the cars that avoid the toll.", 2, 10, 1 },
    { "Marta Okafor said the park would keep growing.", 2, 11, 0 },
  };

  check_cases (engine, cases, G_N_ELEMENTS (cases));
}

/* A proposition's direction is its main verb's, after the modal; a plural keyword also
 * matches its singular */
static void
test_direction_and_singular (void)
{
  const char *keywords[] = { "ferries", NULL };
  g_autoptr(SpSuggestEngine) engine = make_engine_with ("Ferries to end the quarrel should continue", keywords);
  g_autoptr(SpSuggestResult) keep = run_text (engine, "Marta Okafor said the ferries must continue.", NULL);
  g_autoptr(SpSuggestResult) stop = run_text (engine, "Marta Okafor demanded to stop the ferry.", NULL);

  g_autoptr(GArray) removed = g_array_new (FALSE, FALSE, sizeof (guint32));

  g_assert_cmpint (_sp_suggest_issue_direction (engine, 0, removed), ==, 1);
  g_assert_cmpuint (removed->len, ==, 0);
  g_assert_cmpint (sign_of (keep, 2, 20), ==, 1);
  g_assert_cmpint (sign_of (stop, 2, 20), ==, -1);
}

/* Keywords listed together share their cue; one after a preposition does not */
static void
test_listed_keywords (void)
{
  g_autoptr(SpSuggestEngine) engine = make_engine ();
  g_autoptr(SpSuggestResult) list = run_text (engine, "Marta Okafor backed the bridge and a new park.", NULL);
  g_autoptr(SpSuggestResult) near = run_text (engine, "Marta Okafor backed the bridge near the park.", NULL);

  g_assert_nonnull (find (list, 2, 10));
  g_assert_nonnull (find (list, 2, 11));
  g_assert_nonnull (find (near, 2, 10));
  g_assert_null (find (near, 2, 11));
}

/* Subjects: a list of them, one before an apposition, none after a condition word or across
 * "and" */
static void
test_subjects (void)
{
  g_autoptr(SpSuggestEngine) engine = make_engine ();
  const Case cases[] = {
    { "Riverton and Lakeside rejected the bridge.", 1, 10, -1 },
    { "Riverton and Lakeside rejected the bridge.", 3, 10, -1 },
    { "Marta Okafor, Riverton, and Lakeside rejected the bridge.", 2, 10, -1 },
    { "Marta Okafor, who chairs the committee, said the bridge is essential.", 2, 10, 1 },
    { "The committee chair, Marta Okafor, said the bridge is essential.", 2, 10, 1 },
    { "Speaking in Lakeside, Marta Okafor rejected the bridge.", 3, 10, 0 },
    { "At the committee, Marta Okafor, a chair, said the bridge is essential.", 2, 10, 1 },
    { "Lakeside will sue if Marta Okafor rejects the bridge.", 2, 10, 0 },
    { "The mayor praised Marta Okafor and demanded the bridge.", 2, 10, 0 },
    { "The bridge, Marta Okafor said, is essential.", 2, 10, 1 },
    { "Lakeside rejected the delay, saying the park should be kept.", 3, 11, -1 },
    { "Lakeside rejected the delay, demanding the bridge instead.", 3, 10, 1 },
    { "Lakeside answered Riverton by calling for the bridge.", 3, 10, 1 },
    { "Lakeside answered Riverton by calling for the bridge.", 1, 10, 0 },
    /* who is asked holds nothing yet; who asks does */
    { "Marta Okafor urged Lakeside to reject the bridge.", 3, 10, 0 },
    { "Marta Okafor urged Lakeside to reject the bridge.", 2, 10, -1 },
    /* who reports another's refusal does not share it; the refusal is the other's */
    { "Marta Okafor said Lakeside rejected the bridge.", 2, 10, 0 },
    { "Marta Okafor said Lakeside rejected the bridge.", 3, 10, -1 },
    { "Marta Okafor said Lakeside agreed to the bridge.", 2, 10, 1 },
    /* an accusation is the accuser's word, not the stance of the accused */
    { "Riverton accused Lakeside of undermining the bridge.", 3, 10, 0 },
    { "Marta Okafor ran on a platform of backing the bridge.", 2, 10, 1 },
    /* one actor takes no verb in its base form: "support" is a noun, "back" a particle */
    { "After years of Riverton support for the bridge, the vote failed.", 1, 10, 0 },
    { "The vote failed to bring Riverton back to the bridge.", 1, 10, 0 },
    { "Lakeside rejected another Riverton demand for the bridge.", 1, 10, 1 },
  };

  check_cases (engine, cases, G_N_ELEMENTS (cases));
}

/* A stance verb's infinitive is a cue of the chain ("refused to back": against); another
 * stance word between the verb and the keyword is someone else's stance, and drops the claim */
static void
test_infinitive (void)
{
  g_autoptr(SpSuggestEngine) engine = make_engine ();
  const Case cases[] = {
    { "Marta Okafor refused to back the bridge.", 2, 10, -1 },
    { "Marta Okafor agreed to support the bridge.", 2, 10, 1 },
    { "Marta Okafor wants Lakeside to back the bridge.", 2, 10, 1 },
    { "Marta Okafor wants Lakeside to back the bridge.", 3, 10, 0 },
    { "Marta Okafor urged Lakeside not to back the bridge.", 2, 10, -1 },
    { "Marta Okafor urged Lakeside not to back the bridge.", 3, 10, 0 },
    { "Marta Okafor opposed a text supporting the bridge.", 2, 10, 0 },
    { "Marta Okafor refused, after long talks, to back the bridge.", 2, 10, 0 },
    /* a stance word's infinitive has no subject of its own */
    { "Lakeside is unwilling to accept the bridge.", 3, 10, -1 },
    { "Lakeside is ready to accept the bridge.", 3, 10, 1 },
  };

  check_cases (engine, cases, G_N_ELEMENTS (cases));
}

/* What a condition after the keyword asks is its own: its cues are not the claim's ("… if Y
 * does not back …") */
static void
test_condition_after (void)
{
  g_autoptr(SpSuggestEngine) engine = make_engine ();
  const Case cases[] = {
    { "Marta Okafor threatened to give up the park if Lakeside did not back the plan.", 2, 11, 1 },
    { "Marta Okafor would reject the bridge unless Lakeside agreed to pay.", 2, 10, -1 },
    /* a negator and a condition after the keyword are a refusal on terms, not a forecast */
    { "Marta Okafor said the city would not give up the park until Lakeside paid.", 2, 11, -1 },
    { "Marta Okafor could not give up the park.", 2, 11, 0 },
  };

  check_cases (engine, cases, G_N_ELEMENTS (cases));
}

/* In a quotation, a stance verb of another actor, or of "he", "she" or "they", is what the
 * speaker says of them; "we" and the speaker's own side are the speaker's */
static void
test_quoted_subject (void)
{
  g_autoptr(SpSuggestEngine) engine = make_engine ();
  const Case cases[] = {
    { "\"Lakeside rejected the bridge,\" Marta Okafor said.", 2, 10, 0 },
    { "\"They have firmly rejected the bridge,\" Marta Okafor said.", 2, 10, 0 },
    { "\"He will never accept the bridge,\" Marta Okafor said.", 2, 10, 0 },
    { "\"We rejected the bridge,\" Marta Okafor said.", 2, 10, -1 },
    { "\"Riverton rejected the bridge,\" Marta Okafor said.", 2, 10, -1 },
  };

  check_cases (engine, cases, G_N_ELEMENTS (cases));
}

/* "The two sides agreed": the last two actors of different groups named before say it both;
 * two actors of one group are no pair */
static void
test_pair (void)
{
  g_autoptr(SpSuggestEngine) engine = make_engine ();
  g_autoptr(SpSuggestResult) pair = run_text (engine, "Riverton and Lakeside met on Monday. The two sides agreed to build the bridge.", NULL);
  g_autoptr(SpSuggestResult) one_group = run_text (engine, "Marta Okafor met Riverton officials. Both sides agreed to build the bridge.", NULL);
  g_autoptr(SpSuggestResult) nobody = run_text (engine, "Both sides agreed to build the bridge.", NULL);

  g_assert_cmpint (sign_of (pair, 1, 10), ==, 1);
  g_assert_cmpint (sign_of (pair, 3, 10), ==, 1);
  g_assert_null (find (one_group, 1, 10));
  g_assert_null (find (one_group, 2, 10));
  g_assert_cmpuint (nobody->candidates->len, ==, 0);
}

/* A pronoun points to the person of its paragraph or of the one before, not further back,
 * and not past a person the codebook does not know */
static void
test_pronoun_reach (void)
{
  g_autoptr(SpSuggestEngine) engine = make_engine ();
  const Case cases[] = {
    { "Marta Okafor spoke on Monday.\nShe said the bridge is essential.", 2, 10, 1 },
    { "Marta Okafor spoke on Monday.\nThe weather was cold.\nShe said the bridge is essential.", 2, 10, 0 },
    { "Marta Okafor met Jonas Wendt on Monday. He said the bridge is essential.", 2, 10, 0 },
  };

  check_cases (engine, cases, G_N_ELEMENTS (cases));
}

/* A keyword that starts with an action word names its issue: "a halt to shelling" proposed
 * is a truce proposed, and refused one refused */
static SpSuggestEngine *
make_truce_engine (void)
{
  g_autoptr(GError) error = NULL;
  SpSuggestLexicons *lexicons = sp_suggest_lexicons_load ("en", &error);
  SpSuggestCodebook *codebook = sp_suggest_codebook_new ();
  const char *none[] = { NULL };
  const char *truce_kw[] = { "truce", "halt to shelling", "stop shelling", NULL };
  const char *tolls_kw[] = { "tolls", "financial pressure", NULL };

  g_assert_no_error (error);
  sp_suggest_codebook_add_actor (codebook, &(SpSuggestActor) { 1, "Riverton", SP_ACTOR_KIND_STATE, 1, 0, none });
  sp_suggest_codebook_add_actor (codebook, &(SpSuggestActor) { 3, "Lakeside", SP_ACTOR_KIND_STATE, 3, 0, none });
  sp_suggest_codebook_add_issue (codebook, &(SpSuggestIssue) { 10, "truce", "Truce", "A truce should be agreed", truce_kw });
  sp_suggest_codebook_add_issue (codebook, &(SpSuggestIssue) { 12, "tolls", "Lifting the tolls", "The tolls on Lakeside should be lifted", tolls_kw });
  return sp_suggest_engine_new (codebook, lexicons);
}

/* Every form of a keyword matches, also one that a lexicon spells out as a word of its own
 * ("negotiating", of the role "negotiating team" in titles.txt, "guarantee", a stance verb);
 * a keyword of one word whose form is a cue ("guarantee") leaves the cue alone */
static void
test_keyword_forms (void)
{
  g_autoptr(GError) error = NULL;
  SpSuggestLexicons *lexicons = sp_suggest_lexicons_load ("en", &error);
  SpSuggestCodebook *codebook = sp_suggest_codebook_new ();
  const char *none[] = { NULL };
  const char *talks_kw[] = { "negotiate", NULL };
  const char *guarantees_kw[] = { "firm guarantees", "guarantees", NULL };
  g_autoptr(SpSuggestEngine) engine = NULL;
  const Case cases[] = {
    { "Lakeside wants to keep negotiating.", 3, 10, 1 },
    { "Lakeside refused to keep negotiating.", 3, 10, -1 },
    { "Lakeside negotiated.", 3, 10, 0 },
    { "Lakeside wants a firm guarantee.", 3, 11, 1 },
    { "Lakeside said it would never guarantee.", 3, 11, 0 },
  };

  g_assert_no_error (error);
  sp_suggest_codebook_add_actor (codebook, &(SpSuggestActor) { 3, "Lakeside", SP_ACTOR_KIND_STATE, 3, 0, none });
  sp_suggest_codebook_add_issue (codebook, &(SpSuggestIssue) { 10, "talks", "Talks", "The towns should negotiate", talks_kw });
  sp_suggest_codebook_add_issue (codebook, &(SpSuggestIssue) { 11, "guarantees", "Guarantees", "Lakeside should get firm guarantees", guarantees_kw });
  engine = sp_suggest_engine_new (codebook, lexicons);

  check_cases (engine, cases, G_N_ELEMENTS (cases));
}

static void
test_action_keyword (void)
{
  g_autoptr(SpSuggestEngine) engine = make_truce_engine ();
  const Case cases[] = {
    { "Riverton proposed a halt to shelling.", 1, 10, 1 },
    { "Riverton refused a halt to shelling.", 1, 10, -1 },
  };

  check_cases (engine, cases, G_N_ELEMENTS (cases));
}

/* A keyword of several words matches with a function word or two between or in place of
 * its own ("a halt in the shelling"), not across "and" or other words; one whose first word
 * is a verb also with one modifier after the verb ("stop heavy shelling"), where one that
 * starts with another word has none ("financial and other pressure") */
static void
test_gapped_keyword (void)
{
  g_autoptr(SpSuggestEngine) engine = make_truce_engine ();
  const Case cases[] = {
    { "Riverton proposed a halt in the shelling.", 1, 10, 1 },
    { "Riverton proposed a halt and shelling.", 1, 10, 0 },
    { "Riverton proposed a halt to the new shelling.", 1, 10, 0 },
    { "Riverton proposed a halt to all of the shelling.", 1, 10, 0 },
    { "Riverton agreed to stop heavy shelling.", 1, 10, 1 },
    { "Riverton refused to stop military shelling.", 1, 10, -1 },
    { "Riverton agreed to stop heavy nightly shelling.", 1, 10, 0 },
    { "Riverton agreed to stop and resume shelling.", 1, 10, 0 },
    { "Riverton backed financial pressure.", 1, 12, 1 },
    { "Riverton backed financial heavy pressure.", 1, 12, 0 },
  };

  check_cases (engine, cases, G_N_ELEMENTS (cases));
}

/* A keyword written in lower case is no keyword inside a name ("the Bridge Tolls
 * Commission"), but is in a headline, where every word is capitalised */
static void
test_keyword_in_name (void)
{
  g_autoptr(SpSuggestEngine) engine = make_truce_engine ();
  const Case cases[] = {
    { "Riverton rejected the tolls.", 1, 12, 1 },
    { "Riverton said on Monday that it rejected the rulings of the Bridge Tolls Commission.", 1, 12, 0 },
    { "Riverton said on Monday that it rejected the Tolls Commission and its rulings.", 1, 12, 0 },
    { "Riverton Rejects New Tolls For Lakeside Drivers", 1, 12, 1 },
  };

  check_cases (engine, cases, G_N_ELEMENTS (cases));
}

/* A keyword that names what the proposition removes ("the tolls" of "the tolls should be
 * lifted") is against it when backed without an action of its own; "sanctions against X" is
 * no cue */
static void
test_removed_keyword (void)
{
  g_autoptr(SpSuggestEngine) engine = make_truce_engine ();
  const Case cases[] = {
    { "Riverton backed the tolls.", 1, 12, -1 },
    { "Riverton opposed the tolls.", 1, 12, 1 },
    { "Riverton backed lifting the tolls.", 1, 12, 1 },
    { "Riverton said the tolls against Lakeside were effective.", 1, 12, -1 },
    { "Riverton backed a truce.", 1, 10, 1 },
  };
  g_autoptr(SpSuggestResult) backed = NULL;

  check_cases (engine, cases, G_N_ELEMENTS (cases));
  /* the explanation says why the sign turned */
  backed = run_text (engine, "Riverton backed the tolls.", NULL);
  g_assert_nonnull (strstr (find (backed, 1, 12)->explanation, "names what the proposition removes"));
}

/* An opposing keyword names the contrary of the proposition: a statement for it is against
 * the proposition, an action done to it included; a longer opposing keyword wins over the
 * plain keyword inside it; the explanation says why the sign turned */
static void
test_opposing_keyword (void)
{
  g_autoptr(GError) error = NULL;
  SpSuggestLexicons *lexicons = sp_suggest_lexicons_load ("en", &error);
  SpSuggestCodebook *codebook = sp_suggest_codebook_new ();
  const char *none[] = { NULL };
  const char *bridge_kw[] = { "bridge", NULL };
  const char *bridge_against[] = { "ferry service", "bridge closure", NULL };
  g_autoptr(SpSuggestEngine) engine = NULL;
  g_autoptr(SpSuggestResult) backed = NULL;

  g_assert_no_error (error);
  sp_suggest_codebook_add_actor (codebook, &(SpSuggestActor) { 1, "Riverton", SP_ACTOR_KIND_STATE, 1, 0, none });
  sp_suggest_codebook_add_issue (codebook, &(SpSuggestIssue) { 10, "bridge", "Bridge", "The city should build the bridge",
                                                               bridge_kw, bridge_against });
  engine = sp_suggest_engine_new (codebook, lexicons);

  {
    const Case cases[] = {
      { "Riverton backed the ferry service.", 1, 10, -1 },
      { "Riverton rejected the ferry service.", 1, 10, 1 },
      { "Riverton demanded that the city give up the ferry service.", 1, 10, 1 },
      { "Riverton backed the bridge closure.", 1, 10, -1 },
      { "Riverton backed the bridge.", 1, 10, 1 },
    };

    check_cases (engine, cases, G_N_ELEMENTS (cases));
  }
  backed = run_text (engine, "Riverton backed the ferry service.", NULL);
  g_assert_nonnull (strstr (find (backed, 1, 10)->explanation, "opposing keyword"));
}

/* An excluded phrase hides its issue's keywords inside it, also one that starts before the
 * keyword ("nuclear weapons" for "weapons"), and gives no claim of its own; the same keyword
 * elsewhere, and another issue's keyword inside the phrase, still count */
static void
test_excluded_phrase (void)
{
  g_autoptr(GError) error = NULL;
  SpSuggestLexicons *lexicons = sp_suggest_lexicons_load ("en", &error);
  SpSuggestCodebook *codebook = sp_suggest_codebook_new ();
  const char *none[] = { NULL };
  const char *bridge_kw[] = { "bridge", "toll", NULL };
  const char *bridge_excluded[] = { "toll road", "railway bridge", NULL };
  const char *road_kw[] = { "road", NULL };
  g_autoptr(SpSuggestEngine) engine = NULL;

  g_assert_no_error (error);
  sp_suggest_codebook_add_actor (codebook, &(SpSuggestActor) { 1, "Riverton", SP_ACTOR_KIND_STATE, 1, 0, none });
  sp_suggest_codebook_add_issue (codebook, &(SpSuggestIssue) { 10, "bridge", "Bridge", "The city should build the bridge",
                                                               bridge_kw, NULL, bridge_excluded });
  sp_suggest_codebook_add_issue (codebook, &(SpSuggestIssue) { 11, "road", "Road", "The city should build a road",
                                                               road_kw, NULL, NULL });
  engine = sp_suggest_engine_new (codebook, lexicons);

  {
    const Case cases[] = {
      { "Riverton backed the toll road.", 1, 10, 0 },
      { "Riverton backed the toll road.", 1, 11, 1 },
      { "Riverton backed the new railway bridge.", 1, 10, 0 },
      { "Riverton backed the bridge.", 1, 10, 1 },
      { "Riverton opposed the toll on the bridge.", 1, 10, -1 },
    };

    check_cases (engine, cases, G_N_ELEMENTS (cases));
  }
}

/* "Pressure on X" names the keyword "financial pressure": the head of a two-word keyword
 * with an actor as its object; not with anything else as its object */
static void
test_keyword_head (void)
{
  g_autoptr(SpSuggestEngine) engine = make_truce_engine ();
  const Case cases[] = {
    { "Riverton said the region must increase pressure on Lakeside.", 1, 12, -1 },
    { "Riverton said the region must increase pressure on the budget.", 1, 12, 0 },
    /* "stop shelling" is the truce; "shelling on Lakeside" is not */
    { "Riverton condemned the shelling on Lakeside.", 1, 10, 0 },
  };

  check_cases (engine, cases, G_N_ELEMENTS (cases));
}

/* "More" and "further" add to what follows them; "more than" compares */
static void
test_more (void)
{
  g_autoptr(SpSuggestEngine) engine = make_truce_engine ();
  const Case cases[] = {
    { "Riverton said it wants more tolls on Lakeside.", 1, 12, -1 },
    { "Riverton urged further tolls on Lakeside.", 1, 12, -1 },
    { "Riverton said more than ten tolls were paid.", 1, 12, 0 },
  };

  check_cases (engine, cases, G_N_ELEMENTS (cases));
}

/* A former official, a legislator or the opposition speaks for nobody, whatever the place */
static void
test_unofficial (void)
{
  g_autoptr(SpSuggestEngine) engine = make_engine ();
  const Case cases[] = {
    { "Riverton's mayor said the bridge is essential.", 1, 10, 1 },
    { "Riverton's former mayor said the bridge is essential.", 1, 10, 0 },
    { "Riverton lawmakers said the bridge is essential.", 1, 10, 0 },
  };

  check_cases (engine, cases, G_N_ELEMENTS (cases));
}

/* A mediator of a truce is for it */
static void
test_mediate (void)
{
  g_autoptr(SpSuggestEngine) engine = make_truce_engine ();
  g_autoptr(SpSuggestResult) result = run_text (engine, "Lakeside mediated the truce between the two towns.", NULL);

  g_assert_cmpint (sign_of (result, 3, 10), ==, 1);
}

/* A stance noun is its owner's ("Lakeside's demand", "her refusal"); "rejected this
 * demand" takes up the claim of the sentence before. In the object of a stance verb it is
 * what the object asks for, even when the word is also a verb ("the demand for …"):
 * rejecting it is against what it asks. */
static void
test_stance_nouns (void)
{
  g_autoptr(SpSuggestEngine) engine = make_engine ();
  const Case cases[] = {
    { "Lakeside's demand that the city give up the park was discussed.", 3, 11, 1 },
    { "Marta Okafor rejected the council's demand for the bridge.", 1, 10, 1 },
    { "Marta Okafor rejected the council's demand for the bridge.", 2, 10, -1 },
    { "Marta Okafor rejected the demand for the bridge.", 2, 10, -1 },
    { "Marta Okafor rejected her demand for the bridge.", 2, 10, -1 },
    { "Marta Okafor rejected the proposal for the bridge.", 2, 10, -1 },
    { "Marta Okafor reaffirmed her refusal to fund the bridge.", 2, 10, -1 },
    { "Marta Okafor said the proposal for a bridge was discussed.", 2, 10, 0 },
    { "Lakeside demanded the bridge. Marta Okafor rejected this demand.", 3, 10, 1 },
    { "Lakeside demanded the bridge. Marta Okafor rejected this demand.", 2, 10, -1 },
    { "Lakeside condemned Riverton's delays and demands a bridge.", 1, 10, 0 },
  };

  check_cases (engine, cases, G_N_ELEMENTS (cases));
}

/* The sign chain: "and" before a predicate starts a new one; a negator far after the keyword
 * is another verb's; a stance verb after the keyword counts only as a passive; quoted words
 * are part of the clause; a judgement word is a cue */
static void
test_sign_chain (void)
{
  g_autoptr(SpSuggestEngine) engine = make_engine ();
  const Case cases[] = {
    /* "and" and a predicate */
    { "Marta Okafor is not ready to wait and wants the bridge.", 2, 10, 1 },
    /* a late negator */
    { "Marta Okafor said the bridge must be built so that the old road does not flood again.", 2, 10, 1 },
    /* "cannot", "far from" and "yet to" negate as "not" does ("yet" is no clause break there) */
    { "Marta Okafor said the city cannot accept the bridge.", 2, 10, -1 },
    { "Marta Okafor said the city was far from ready to back the bridge.", 2, 10, -1 },
    { "Lakeside has yet to accept the bridge.", 3, 10, -1 },
    { "Marta Okafor said she was not happy with the bridge.", 2, 10, -1 },
    { "Marta Okafor said the toll made the rivals back off.", 2, 10, 0 },
    /* a passive */
    { "Marta Okafor said the toll was rejected.", 2, 10, -1 },
    /* a quoted word */
    { "Marta Okafor said the bridge was \"essential\".", 2, 10, 1 },
    /* a judgement */
    { "Marta Okafor said the talks on the bridge were productive.", 2, 10, 1 },
    /* "no" with no cue */
    { "Marta Okafor said there was no agreement on the bridge.", 2, 10, 0 },
    /* a cue after the keyword of a stance verb is no embedded stance */
    { "Lakeside opposed giving up the park, a place its people call vital.", 3, 11, -1 },
    /* a quoted phrase inside reported speech */
    { "Marta Okafor said she expected \"real progress\" on the bridge.", 2, 10, 1 },
    /* a short quotation that is a name */
    { "Speaking on \"Riverton Today,\" Marta Okafor said the bridge was essential.", 2, 10, 1 },
    /* quotation marks inside a phrase: "interested in" */
    { "Marta Okafor said Lakeside was \u201csincerely interested\u201d in the bridge.", 2, 10, 1 },
    /* a judgement of failure after the keyword; a demand made a condition */
    { "Marta Okafor argued the talks on the bridge have failed.", 2, 10, -1 },
    { "Marta Okafor said the deal was conditional on building the bridge.", 2, 10, 1 },
  };

  check_cases (engine, cases, G_N_ELEMENTS (cases));
}

static void
test_hostile (void)
{
  g_autoptr(SpSuggestEngine) engine = make_engine ();
  g_autoptr(GString) quotes = g_string_new ("Marta Okafor said ");
  g_autoptr(GString) big = g_string_new ("Marta Okafor said ");
  g_autoptr(GString) quoted = g_string_new ("\"");
  g_autoptr(GString) heads = g_string_new ("Riverton backed ");
  g_autoptr(SpSuggestEngine) truce_engine = make_truce_engine ();
  guint64 work_quotes = 0;
  guint64 work_big = 0;
  guint64 work_quoted = 0;
  guint64 work_heads = 0;
  guint32 pair[2];

  for (guint i = 0; i < 100000; i++)
    g_string_append (quotes, i % 2 ? "\" bridge " : "\"");
  while (big->len < 1024 * 1024)
    g_string_append (big, "the bridge, rejected by Riverton, ");
  /* many heads of a keyword before "on" and a name */
  while (heads->len < 1024 * 1024)
    g_string_append (heads, "pressure on Lakeside, ");
  /* one quotation of many stances of others */
  while (quoted->len < 1024 * 1024)
    g_string_append (quoted, "Lakeside rejected the bridge and ");
  g_string_append (quoted, "the park,\" Marta Okafor said.");
  pair[0] = 0;
  pair[1] = g_utf8_strlen (quotes->str, -1);
  sp_suggest_result_free (_sp_suggest_engine_run_counted (engine, quotes->str, pair, 1, &work_quotes));
  pair[1] = g_utf8_strlen (big->str, -1);
  sp_suggest_result_free (_sp_suggest_engine_run_counted (engine, big->str, pair, 1, &work_big));
  pair[1] = g_utf8_strlen (heads->str, -1);
  sp_suggest_result_free (_sp_suggest_engine_run_counted (truce_engine, heads->str, pair, 1, &work_heads));
  pair[1] = g_utf8_strlen (quoted->str, -1);
  sp_suggest_result_free (_sp_suggest_engine_run_counted (engine, quoted->str, pair, 1, &work_quoted));
  /* linear: a bounded number of visits a byte */
  g_assert_cmpuint (work_quotes, <, 64 * quotes->len);
  g_assert_cmpuint (work_big, <, 64 * big->len);
  g_assert_cmpuint (work_quoted, <, 64 * quoted->len);
  g_assert_cmpuint (work_heads, <, 64 * heads->len);
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
  g_test_add_func ("/suggest/stance-word", test_stance_word);
  g_test_add_func ("/suggest/passive", test_passive);
  g_test_add_func ("/suggest/object-before", test_object_before);
  g_test_add_func ("/suggest/particle", test_particle);
  g_test_add_func ("/suggest/longer-verb-and-relative", test_longer_verb_and_relative);
  g_test_add_func ("/suggest/hedge-and-explanation", test_hedge_and_explanation);
  g_test_add_func ("/suggest/discovery", test_discovery);
  g_test_add_func ("/suggest/bad-lexicon", test_bad_lexicon);
  g_test_add_func ("/suggest/hostile", test_hostile);
  g_test_add_func ("/suggest/governing-action", test_governing_action);
  g_test_add_func ("/suggest/direction-and-singular", test_direction_and_singular);
  g_test_add_func ("/suggest/listed-keywords", test_listed_keywords);
  g_test_add_func ("/suggest/subjects", test_subjects);
  g_test_add_func ("/suggest/pair", test_pair);
  g_test_add_func ("/suggest/action-keyword", test_action_keyword);
  g_test_add_func ("/suggest/keyword-forms", test_keyword_forms);
  g_test_add_func ("/suggest/infinitive", test_infinitive);
  g_test_add_func ("/suggest/opposing-keyword", test_opposing_keyword);
  g_test_add_func ("/suggest/excluded-phrase", test_excluded_phrase);
  g_test_add_func ("/suggest/quoted-subject", test_quoted_subject);
  g_test_add_func ("/suggest/condition-after", test_condition_after);
  g_test_add_func ("/suggest/keyword-in-name", test_keyword_in_name);
  g_test_add_func ("/suggest/removed-keyword", test_removed_keyword);
  g_test_add_func ("/suggest/gapped-keyword", test_gapped_keyword);
  g_test_add_func ("/suggest/keyword-head", test_keyword_head);
  g_test_add_func ("/suggest/more", test_more);
  g_test_add_func ("/suggest/mediate", test_mediate);
  g_test_add_func ("/suggest/unofficial", test_unofficial);
  g_test_add_func ("/suggest/pronoun-reach", test_pronoun_reach);
  g_test_add_func ("/suggest/stance-nouns", test_stance_nouns);
  g_test_add_func ("/suggest/sign-chain", test_sign_chain);
  return g_test_run ();
}
