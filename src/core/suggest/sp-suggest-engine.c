/* sp-suggest-engine.c
 *
 * The engine: compiled once from a codebook and lexicons, then read-only. A run reads a
 * document's sentences in order, carrying from one to the next the persons a pronoun may
 * point to (until a paragraph that names nobody) and the speaker of the last quotation, and
 * turns every attributed statement with an issue keyword and a stance cue into a candidate.
 */
#define G_LOG_DOMAIN "sp-suggest"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-suggest-private.h"

SpSuggestEngine *
sp_suggest_engine_new (SpSuggestCodebook *codebook,
                       SpSuggestLexicons *lexicons)
{
  SpSuggestEngine *engine;

  g_return_val_if_fail (codebook != NULL, NULL);
  g_return_val_if_fail (lexicons != NULL, NULL);

  engine = g_new0 (SpSuggestEngine, 1);
  engine->codebook = codebook;
  engine->lexicons = lexicons;
  _sp_suggest_engine_compile (engine);
  return engine;
}

void
sp_suggest_engine_free (SpSuggestEngine *engine)
{
  if (engine == NULL)
    return;
  g_ptr_array_unref (engine->entries);
  g_ptr_array_unref (engine->own_entries);
  g_array_unref (engine->directions);
  g_hash_table_unref (engine->vocab);
  g_ptr_array_unref (engine->words);
  g_array_unref (engine->word_kinds);
  g_array_unref (engine->nodes);
  g_array_unref (engine->node_entries);
  g_free (engine->edge_keys);
  g_free (engine->edge_values);
  g_hash_table_unref (engine->place_actor);
  g_array_unref (engine->gapped);
  g_array_unref (engine->gap_start);
  g_array_unref (engine->heads);
  sp_suggest_codebook_free (engine->codebook);
  sp_suggest_lexicons_free (engine->lexicons);
  g_free (engine);
}

void
sp_suggest_candidate_free (SpSuggestCandidate *candidate)
{
  if (candidate == NULL)
    return;
  g_free (candidate->explanation);
  g_strfreev (candidate->features);
  g_free (candidate);
}

void
sp_suggest_speaker_free (SpSuggestSpeaker *speaker)
{
  if (speaker == NULL)
    return;
  g_free (speaker->name);
  g_free (speaker->title);
  g_free (speaker->affiliation);
  g_free (speaker);
}

void
sp_suggest_result_free (SpSuggestResult *result)
{
  if (result == NULL)
    return;
  g_ptr_array_unref (result->candidates);
  g_ptr_array_unref (result->speakers);
  g_free (result);
}

/* The text of tokens [first, last], without a final possessive */
static char *
tokens_text (SpSuggestRun *run,
             guint         first,
             guint         last)
{
  const SpToken *a = &g_array_index (run->tokens, SpToken, first);
  const SpToken *b = &g_array_index (run->tokens, SpToken, last);
  gsize len = b->byte_end - a->byte_start;
  const char *text = run->body + a->byte_start;

  if (len > 256)
    len = 256;
  while (len > 0 && ((guchar) text[len - 1] & 0xc0) == 0x80)
    len--;
  if (b->flags & SP_TOKEN_POSSESSIVE)
    {
      if (len >= 2 && (text[len - 1] == 's' || text[len - 1] == 'S') && text[len - 2] == '\'')
        len -= 2;
      else if (len >= 4 && (text[len - 1] == 's' || text[len - 1] == 'S')
               && g_str_has_prefix (text + len - 4, "\xe2\x80\x99"))
        len -= 4;
      else if (len >= 1 && text[len - 1] == '\'')
        len -= 1;
      else if (len >= 3 && g_str_has_prefix (text + len - 3, "\xe2\x80\x99"))
        len -= 3;
    }
  return g_utf8_make_valid (text, len);
}

static const char *
pattern_feature (SpAttrKind kind)
{
  switch (kind)
    {
    case SP_ATTR_QUOTE_SAID: return "attr:quote-said";
    case SP_ATTR_QUOTE_CONTINUED: return "attr:quote-continued";
    case SP_ATTR_REPORTED: return "attr:reported";
    case SP_ATTR_ACCORDING: return "attr:according";
    case SP_ATTR_STANCE_VERB: return "attr:stance-verb";
    case SP_ATTR_STANCE_NOUN: return "attr:stance-noun";
    case SP_ATTR_STANCE_WORD: return "attr:stance-word";
    case SP_ATTR_PASSIVE: return "attr:passive";
    case SP_ATTR_OBJECT_BEFORE: return "attr:object-before";
    default: g_assert_not_reached ();
    }
}

static double
pattern_confidence (SpAttrKind kind)
{
  switch (kind)
    {
    case SP_ATTR_QUOTE_SAID: return 0.75;
    case SP_ATTR_REPORTED: return 0.7;
    case SP_ATTR_STANCE_VERB: return 0.65;
    case SP_ATTR_STANCE_NOUN: return 0.6;
    case SP_ATTR_STANCE_WORD: return 0.6;
    case SP_ATTR_PASSIVE: return 0.6;
    case SP_ATTR_OBJECT_BEFORE: return 0.6;
    case SP_ATTR_ACCORDING: return 0.6;
    case SP_ATTR_QUOTE_CONTINUED: return 0.55;
    default: g_assert_not_reached ();
    }
}

static const char *
mention_feature (SpMentionKind kind)
{
  switch (kind)
    {
    case SP_MENTION_NAME: return "mention:name";
    case SP_MENTION_SURNAME: return "mention:surname";
    case SP_MENTION_TITLE: return "mention:title";
    case SP_MENTION_ROLE: return "mention:role";
    case SP_MENTION_PRONOUN: return "mention:pronoun";
    case SP_MENTION_UNKNOWN: return "mention:affiliation";
    case SP_MENTION_VAGUE: return "mention:vague";
    default: g_assert_not_reached ();
    }
}

static double
mention_factor (SpMentionKind kind)
{
  switch (kind)
    {
    case SP_MENTION_NAME: return 1.0;
    case SP_MENTION_SURNAME: return 0.95;
    case SP_MENTION_TITLE: return 0.9;
    case SP_MENTION_ROLE: return 0.85;
    case SP_MENTION_PRONOUN: return 0.8;
    case SP_MENTION_UNKNOWN:
    case SP_MENTION_VAGUE:
    default: return 0.75;
    }
}

static void
note_speaker (SpSuggestRun     *run,
              const SpMention  *m)
{
  g_autofree char *name = tokens_text (run, m->name_first, m->name_last);
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (run->speaker_index, name));
  SpSuggestSpeaker *speaker;

  if (index == 0)
    {
      speaker = g_new0 (SpSuggestSpeaker, 1);
      speaker->name = g_strdup (name);
      if (m->title_first != G_MAXUINT)
        speaker->title = tokens_text (run, m->title_first, m->title_last);
      if (m->aff_first != G_MAXUINT)
        speaker->affiliation = tokens_text (run, m->aff_first, m->aff_last);
      g_ptr_array_add (run->speakers, speaker);
      g_hash_table_insert (run->speaker_index, g_strdup (name), GUINT_TO_POINTER (run->speakers->len));
    }
  else
    speaker = g_ptr_array_index (run->speakers, index - 1);
  speaker->n_mentions++;
}

static SpSuggestCandidate *
make_candidate (SpSuggestRun        *run,
                guint                sentence,
                guint                start,
                guint                end,
                const SpAttribution *attr,
                const SpIssueHit    *hit,
                const SpStance      *stance)
{
  SpSuggestEngine *engine = run->engine;
  const SpCodebookActor *actor = g_ptr_array_index (engine->codebook->actors, attr->actor);
  const SpCodebookIssue *issue = g_ptr_array_index (engine->codebook->issues, hit->issue);
  const SpMention *m = attr->mention != G_MAXUINT ? &g_array_index (run->mentions, SpMention, attr->mention) : NULL;
  SpSuggestCandidate *candidate = g_new0 (SpSuggestCandidate, 1);
  g_autoptr(GPtrArray) features = g_ptr_array_new ();
  g_autoptr(GString) why = g_string_new (NULL);
  g_autofree char *speaker = m != NULL ? tokens_text (run, m->name_first, m->name_last) : g_strdup (actor->public.name);
  g_autofree char *keyword = tokens_text (run, hit->first, hit->last);
  g_autofree char *verb = NULL;
  double confidence = pattern_confidence (attr->kind);

  if (attr->verb != G_MAXUINT && attr->verb < run->tokens->len)
    verb = tokens_text (run, attr->verb, attr->verb);

  candidate->sentence = sentence;
  candidate->start = start;
  candidate->end = end;
  candidate->actor_id = actor->public.id;
  candidate->issue_id = issue->public.id;
  candidate->stance = stance->sign * stance->strength;
  candidate->conditional = stance->hedged;

  g_string_append_printf (why, _("Speaker “%s”"), speaker);
  switch (attr->kind)
    {
    case SP_ATTR_QUOTE_SAID: g_string_append_printf (why, _(" (quotation: “%s”)"), verb ? verb : ""); break;
    case SP_ATTR_QUOTE_CONTINUED: g_string_append (why, _(" (quotation continued from the previous speaker)")); break;
    case SP_ATTR_REPORTED: g_string_append_printf (why, _(" (reported speech: “%s”)"), verb ? verb : ""); break;
    case SP_ATTR_ACCORDING: g_string_append (why, _(" (according to)")); break;
    case SP_ATTR_STANCE_VERB: g_string_append_printf (why, _(" (stance verb: “%s”)"), verb ? verb : ""); break;
    case SP_ATTR_STANCE_NOUN: g_string_append_printf (why, _(" (stance noun: “%s”)"), verb ? verb : ""); break;
    case SP_ATTR_STANCE_WORD: g_string_append_printf (why, _(" (stance word: “%s”)"), attr->verb_entry->lemma); break;
    case SP_ATTR_PASSIVE: g_string_append_printf (why, _(" (passive: “%s by”)"), verb ? verb : ""); break;
    case SP_ATTR_OBJECT_BEFORE: g_string_append_printf (why, _(" (stance verb on what comes before: “%s”)"), verb ? verb : ""); break;
    default: g_assert_not_reached ();
    }
  g_ptr_array_add (features, g_strdup (pattern_feature (attr->kind)));
  if (attr->verb_entry != NULL)
    g_ptr_array_add (features, g_strdup_printf ("verb:%s", attr->verb_entry->lemma));
  if (m != NULL)
    {
      g_ptr_array_add (features, g_strdup (mention_feature (m->kind)));
      confidence *= mention_factor (m->kind);
      if (m->pronoun != G_MAXUINT)
        {
          g_autofree char *pronoun = tokens_text (run, m->pronoun, m->last);

          g_string_append_printf (why, _(", resolved from “%s” to %s"), pronoun, actor->public.name);
        }
      else if (m->kind == SP_MENTION_UNKNOWN || m->kind == SP_MENTION_ROLE)
        g_string_append_printf (why, _(", for %s"), actor->public.name);
    }
  g_string_append_printf (why, _("; keyword “%s”"), keyword);
  {
    g_autofree char *kw = g_ascii_strdown (hit->entry->phrase, -1);

    g_ptr_array_add (features, g_strdup_printf ("kw:%s", kw));
  }
  if (issue->keywords[0] == NULL)
    {
      g_ptr_array_add (features, g_strdup ("kw-derived"));
      confidence *= 0.8;
    }
  if (issue->learned != NULL && g_strv_contains ((const char * const *) issue->learned, hit->entry->phrase))
    {
      g_string_append (why, _(" (learnt from your claims)"));
      g_ptr_array_add (features, g_strdup ("kw-learned"));
      confidence *= 0.8;
    }
  if (stance->cue_entry != NULL)
    {
      g_string_append_printf (why, _("; cue “%s” (%s)"), stance->cue_entry->lemma,
                              stance->cue_entry->polarity > 0 ? _("for") : _("against"));
      g_ptr_array_add (features, g_strdup_printf ("cue:%s", stance->cue_entry->lemma));
      confidence += stance->strength > 1 ? 0.15 : 0.05;
    }
  else
    {
      g_ptr_array_add (features, g_strdup ("cue:none"));
      confidence -= 0.15;
    }
  if (stance->action_entry != NULL)
    {
      g_string_append_printf (why, _("; action “%s”"), stance->action_entry->lemma);
      g_ptr_array_add (features, g_strdup_printf ("action:%s", stance->action_entry->lemma));
    }
  if (stance->opposes)
    {
      g_string_append (why, _("; an opposing keyword: it names the contrary of the proposition"));
      g_ptr_array_add (features, g_strdup ("kw-opposing"));
    }
  if (stance->removed)
    {
      g_string_append (why, _("; the keyword names what the proposition removes"));
      g_ptr_array_add (features, g_strdup ("kw-removed"));
    }
  if (stance->negated)
    {
      g_string_append_printf (why, _("; negated by “%s”"),
                              stance->neg_entry != NULL ? stance->neg_entry->lemma : "not");
      g_ptr_array_add (features, g_strdup ("neg"));
    }
  if (stance->hedged)
    {
      g_string_append_printf (why, _("; hedged by “%s” (conditional)"), stance->hedge_entry->lemma);
      g_ptr_array_add (features, g_strdup ("hedge"));
      g_ptr_array_add (features, g_strdup_printf ("hedge:%s", stance->hedge_entry->lemma));
      confidence *= 0.7;
    }
  g_string_append_printf (why, _("; stance %+d"), candidate->stance);
  g_ptr_array_add (features, g_strdup_printf ("strength:%d", stance->strength));
  g_ptr_array_add (features, g_strdup_printf ("actor:%" G_GINT64_FORMAT, actor->public.id));
  g_ptr_array_add (features, g_strdup_printf ("issue:%" G_GINT64_FORMAT, issue->public.id));
  g_ptr_array_add (features, NULL);

  candidate->confidence = CLAMP (confidence, 0.05, 0.99);
  candidate->explanation = g_string_free (g_steal_pointer (&why), FALSE);
  candidate->features = (char **) g_ptr_array_free (g_steal_pointer (&features), FALSE);
  return candidate;
}

/* The claim a sentence left for the next one to take up */
typedef struct
{
  int               issue;   /* -1 for none */
  int               sign;
  int               actor;
  const SpLexEntry *entry;   /* its keyword */
} LastClaim;

/* Whether the cue at @at is the infinitive the verb of @attr governs: "to" just before it
 * (or "not to"), at most SP_SUGGEST_INFINITIVE_REACH words after the verb, none of them
 * punctuation ("X refused to back …", "X urged Y not to push for …") */
static gboolean
infinitive_of (SpSuggestRun        *run,
               const SpAttribution *attr,
               guint                at)
{
  if (run->word_to == 0 || attr->verb == G_MAXUINT || at < 1 || at <= attr->verb + 1
      || at - attr->verb > SP_SUGGEST_INFINITIVE_REACH + 2
      || g_array_index (run->tokens, SpToken, at - 1).word != run->word_to)
    return FALSE;
  for (guint k = attr->verb + 1; k < at; k++)
    if (g_array_index (run->tokens, SpToken, k).kind != SP_TOKEN_WORD)
      return FALSE;
  return TRUE;
}

/* "X opposed a text supporting …": a second stance verb or word after the stance verb that
 * attributed the clause, before the keyword, is someone else's stance inside X's, and the
 * chain of the two signs is not to be trusted, unless it is the verb's own infinitive ("X
 * refused to back …"); one after the keyword ("… the park, which X
 * calls vital") is a judgement of it. A stance noun there ("X rejected Y's demand for …") is
 * what the object asks for, and the chain holds (sp-suggest-stance.c). */
static gboolean
embedded_stance (SpSuggestRun        *run,
                 const SpAttribution *attr,
                 const SpStance      *stance)
{
  return _sp_attr_kind_is_cue (attr->kind) && stance->cue_before != NULL
         && attr->verb_entry != NULL && stance->cue_before != attr->verb_entry
         && !infinitive_of (run, attr, stance->cue_before_at);
}

/* Whether an attribution of @kind says what its speaker said, rather than what its
 * subject did or holds */
static gboolean
reports (SpAttrKind kind)
{
  return kind == SP_ATTR_QUOTE_SAID || kind == SP_ATTR_QUOTE_CONTINUED || kind == SP_ATTR_REPORTED
         || kind == SP_ATTR_ACCORDING;
}

/* "X said Y rejected …": the cue of what X says is the verb or word of another's own
 * attribution, against what it is about; the stance is Y's, which X reports, and rarely
 * shares. One that is for it stays X's too: "X said Y agreed to …" mostly announces what X
 * wanted. (Inside a quotation no one else's verb is attributed.) */
static gboolean
reports_another (SpSuggestRun        *run,
                 const SpAttribution *attr,
                 const SpStance      *stance)
{
  if (!reports (attr->kind) || stance->anchor == G_MAXUINT)
    return FALSE;
  for (guint a = 0; a < run->attrs->len; a++)
    {
      const SpAttribution *other = &g_array_index (run->attrs, SpAttribution, a);

      run->work++;
      if (other->verb == stance->anchor && other->actor != attr->actor && !reports (other->kind)
          && other->verb_entry != NULL && other->verb_entry->polarity < 0)
        return TRUE;
    }
  return FALSE;
}

/* "“Russia rejected the truce,” X said": in a quotation, a stance verb whose subject is an
 * actor of another group, or "he", "she" or "they", is what the speaker says of others, not
 * the speaker's own stance ("we" and "I" are the speaker's). The subject is the word before
 * the verb, past at most SP_SUGGEST_QUOTED_SUBJECT_REACH auxiliaries, negators, hedges and
 * adverbs. */
static gboolean
quoted_other_subject (SpSuggestRun        *run,
                      const SpAttribution *attr,
                      const SpStance      *stance)
{
  guint v = stance->anchor;

  if ((attr->kind != SP_ATTR_QUOTE_SAID && attr->kind != SP_ATTR_QUOTE_CONTINUED) || attr->actor < 0
      || v == G_MAXUINT || v == 0 || _sp_suggest_verb_at (run, v, NULL) == NULL)
    return FALSE;
  for (guint d = 1; d <= SP_SUGGEST_QUOTED_SUBJECT_REACH + 1 && d <= v; d++)
    {
      guint j = v - d;
      const SpToken *t = _sp_suggest_tok (run, j);
      int m;

      run->work++;
      if (t->kind != SP_TOKEN_WORD)
        return FALSE;
      if (_sp_suggest_word_is (run, t, "he") || _sp_suggest_word_is (run, t, "she") || _sp_suggest_word_is (run, t, "they"))
        return TRUE;
      if ((m = _sp_suggest_mention_ending_at ((const guint32 *)(gpointer) run->mention_end->data, j)) >= 0)
        {
          const SpMention *mention = &g_array_index (run->mentions, SpMention, m);

          return mention->actor >= 0 && mention->kind != SP_MENTION_PRONOUN
                 && _sp_suggest_group_of (run, mention->actor) != _sp_suggest_group_of (run, attr->actor);
        }
      if (_sp_suggest_phrase_at (run, j, SP_LEX_STOP, NULL) == NULL
          && !_sp_suggest_word_is (run, t, "have") && !_sp_suggest_word_is (run, t, "has") && !_sp_suggest_word_is (run, t, "had")
          && !_sp_suggest_word_is (run, t, "do") && !_sp_suggest_word_is (run, t, "does") && !_sp_suggest_word_is (run, t, "did")
          && _sp_suggest_phrase_at (run, j, SP_LEX_NEGATION, NULL) == NULL
          && _sp_suggest_phrase_at (run, j, SP_LEX_HEDGE, NULL) == NULL
          && !_sp_suggest_word_ends_with (run, t, "ly", 4))
        return FALSE;
    }
  return FALSE;
}

/* How far a keyword is from the cue its sign was read from; one before the cue is its
 * subject rather than what it asks for ("any settlement must include ceding X"), and
 * counts as SP_SUGGEST_SUBJECT_DISTANCE tokens further */
static guint
anchor_distance (const SpIssueHit *hit,
                 const SpStance   *stance)
{
  if (stance->anchor == G_MAXUINT)
    return G_MAXUINT;
  if (stance->anchor < hit->first)
    return hit->first - stance->anchor;
  if (stance->anchor > hit->last)
    return stance->anchor - hit->last + SP_SUGGEST_SUBJECT_DISTANCE;
  return 0;
}

/* Whether the keywords @a and @b (in either order) are items of one list: only commas,
 * "and", "or", articles and words of no lexicon stand between them, and at least one comma,
 * "and" or "or" ("a truce, the tolls and the park") */
static gboolean
listed_together (SpSuggestRun     *run,
                 const SpIssueHit *a,
                 const SpIssueHit *b)
{
  guint from = a->last < b->first ? a->last + 1 : b->last + 1;
  guint to = a->last < b->first ? b->first : a->first;
  gboolean glue = FALSE;

  if (to < from || to - from > SP_SUGGEST_LIST_GAP)
    return FALSE;
  for (guint j = from; j < to; j++)
    {
      const SpToken *t = &g_array_index (run->tokens, SpToken, j);
      const SpLexEntry *entry;

      run->work++;
      if (t->kind == SP_TOKEN_PUNCT && t->punct == ',')
        {
          glue = TRUE;
          continue;
        }
      if (t->kind != SP_TOKEN_WORD)
        return FALSE;
      if (t->word != 0 && (t->word == run->word_and || t->word == run->word_or))
        {
          glue = TRUE;
          continue;
        }
      if (t->word != 0 && (t->word == run->word_a || t->word == run->word_an || t->word == run->word_the))
        continue;
      if (t->word == 0)
        continue;
      /* any phrase of a lexicon or a name starting here */
      for (guint32 m = g_array_index (run->match_index, guint32, j);
           m < g_array_index (run->match_index, guint32, j + 1); m++)
        {
          entry = g_ptr_array_index (run->engine->entries,
                                     g_array_index (run->matches, SpPhraseMatch, m).entry);
          if (entry->kind != SP_LEX_KEYWORD)
            return FALSE;
        }
    }
  return glue;
}

/* One cue speaks to one issue: of the keywords of different issues that share a clause and
 * its cue ("X favours a freeze of the front line before talks"), only the one nearest the
 * cue is the claim; the others are the circumstances of it. Ties go to the earlier keyword.
 * Items of one list share the cue ("X called for a truce, the tolls and a new park"). */
static gboolean
nearest_in_clause (SpSuggestRun *run,
                   GArray       *hits,
                   GArray       *stances,
                   guint         h)
{
  const SpIssueHit *hit = &g_array_index (hits, SpIssueHit, h);
  const SpStance *stance = &g_array_index (stances, SpStance, h);
  guint distance = anchor_distance (hit, stance);

  if (stance->anchor == G_MAXUINT)
    return TRUE;
  for (guint o = 0; o < hits->len; o++)
    {
      const SpIssueHit *other = &g_array_index (hits, SpIssueHit, o);
      const SpStance *os = &g_array_index (stances, SpStance, o);
      guint od;

      if (o == h || other->issue == hit->issue || os->sign == 0 || os->in_condition
          || os->anchor != stance->anchor)
        continue;
      /* a keyword of the codebook speaks for the cue before one learnt from claims */
      if (hit->entry->learned != other->entry->learned)
        {
          if (hit->entry->learned)
            return FALSE;
          continue;
        }
      od = anchor_distance (other, os);
      if ((od < distance || (od == distance && o < h)) && !listed_together (run, hit, other))
        return FALSE;
    }
  return TRUE;
}

/* Adds a candidate, or keeps the more confident of it and the one the sentence already has
 * for the same actor and issue */
static void
add_candidate (SpSuggestRun        *run,
               SpSuggestResult     *result,
               GHashTable          *best,
               guint                sentence,
               guint                start,
               guint                end,
               const SpAttribution *attr,
               const SpIssueHit    *hit,
               const SpStance      *stance)
{
  SpSuggestCandidate *candidate = make_candidate (run, sentence, start, end, attr, hit, stance);
  gint64 key = ((gint64) attr->actor << 32) | hit->issue;
  gpointer old;
  gint64 *k;

  if ((old = g_hash_table_lookup (best, &key)) != NULL)
    {
      guint index = GPOINTER_TO_UINT (old) - 1;
      SpSuggestCandidate *kept = g_ptr_array_index (result->candidates, index);

      if (kept->confidence >= candidate->confidence)
        sp_suggest_candidate_free (candidate);
      else
        {
          result->candidates->pdata[index] = candidate;
          sp_suggest_candidate_free (kept);
        }
      return;
    }
  g_ptr_array_add (result->candidates, candidate);
  k = g_new (gint64, 1);
  *k = key;
  g_hash_table_insert (best, k, GUINT_TO_POINTER (result->candidates->len));
}

/* "X rejected this demand", "X accepted those terms": a stance verb whose object is an
 * anaphor (anaphors.txt) and a stance noun takes up the claim of the sentence before, of
 * another actor, with the verb's sign times that claim's. Fills @hit (the noun) and
 * @stance. */
static gboolean
anaphoric_object (SpSuggestRun        *run,
                  const SpAttribution *attr,
                  const LastClaim     *last_claim,
                  SpIssueHit          *hit,
                  SpStance            *stance)
{
  const SpLexEntry *verb = attr->verb_entry;
  guint n = run->tokens->len;
  guint last;
  guint det;

  if (attr->kind != SP_ATTR_STANCE_VERB || verb == NULL || attr->verb >= n
      || _sp_suggest_phrase_at (run, attr->verb, SP_LEX_STANCE, &last) == NULL)
    return FALSE;
  det = last + 1;
  if (det >= n || _sp_suggest_phrase_at (run, det, SP_LEX_ANAPHOR, &last) == NULL)
    return FALSE;
  for (guint j = last + 1; j < n && j <= last + 2; j++)
    {
      guint noun_last;
      const SpLexEntry *noun = _sp_suggest_noun_at (run, j, &noun_last);

      run->work++;
      if (noun == NULL)
        continue;
      memset (stance, 0, sizeof *stance);
      stance->sign = verb->polarity * last_claim->sign;
      stance->strength = verb->strength;
      stance->explicit_cue = TRUE;
      stance->cue_entry = verb;
      stance->anchor = attr->verb;
      hit->issue = (guint) last_claim->issue;
      hit->first = j;
      hit->last = noun_last;
      hit->entry = last_claim->entry;
      /* "did not reject this demand" */
      for (guint k = attr->verb > 3 ? attr->verb - 3 : 0; k < attr->verb; k++)
        if (_sp_suggest_phrase_at (run, k, SP_LEX_NEGATION, NULL) != NULL)
          return FALSE;
      return TRUE;
    }
  return FALSE;
}

SpSuggestResult *
_sp_suggest_engine_run_counted (SpSuggestEngine *engine,
                                const char      *body,
                                const guint32   *sentences,
                                guint            n_sentences,
                                guint64         *work)
{
  SpSuggestResult *result = g_new0 (SpSuggestResult, 1);
  SpSuggestRun run = { 0, };
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (SpIssueHit));
  g_autoptr(GArray) stances = g_array_new (FALSE, TRUE, sizeof (SpStance));
  g_autoptr(GHashTable) best = g_hash_table_new (g_int64_hash, g_int64_equal);
  gsize body_len = body != NULL ? strlen (body) : 0;
  gsize byte_pos = 0;
  guint32 char_pos = 0;
  LastClaim last_claim = { -1, 0, -1, NULL };
  LastClaim this_claim = { -1, 0, -1, NULL };

  result->candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_suggest_candidate_free);
  result->speakers = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_suggest_speaker_free);
  if (body == NULL || sentences == NULL)
    return result;

  run.engine = engine;
  run.body = body;
  run.tokens = g_array_new (FALSE, TRUE, sizeof (SpToken));
  run.mentions = g_array_new (FALSE, TRUE, sizeof (SpMention));
  run.attrs = g_array_new (FALSE, TRUE, sizeof (SpAttribution));
  run.mention_start = g_array_new (FALSE, TRUE, sizeof (guint32));
  run.mention_end = g_array_new (FALSE, TRUE, sizeof (guint32));
  run.matches = g_array_new (FALSE, TRUE, sizeof (SpPhraseMatch));
  run.match_index = g_array_new (FALSE, TRUE, sizeof (guint32));
  run.scratch = g_string_new (NULL);
  run.known = g_hash_table_new (NULL, NULL);
  run.speakers = result->speakers;
  run.speaker_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  run.last_person = -1;
  run.last_speaker = -1;
  run.recent[0] = run.recent[1] = -1;
  run.word_that = _sp_suggest_vocab_lookup (engine, "that", 4);
  run.word_of = _sp_suggest_vocab_lookup (engine, "of", 2);
  run.word_and = _sp_suggest_vocab_lookup (engine, "and", 3);
  run.word_or = _sp_suggest_vocab_lookup (engine, "or", 2);
  run.word_a = _sp_suggest_vocab_lookup (engine, "a", 1);
  run.word_an = _sp_suggest_vocab_lookup (engine, "an", 2);
  run.word_the = _sp_suggest_vocab_lookup (engine, "the", 3);
  run.word_who = _sp_suggest_vocab_lookup (engine, "who", 3);
  run.word_which = _sp_suggest_vocab_lookup (engine, "which", 5);
  run.word_something = _sp_suggest_vocab_lookup (engine, "something", 9);
  run.word_what = _sp_suggest_vocab_lookup (engine, "what", 4);
  run.word_to = _sp_suggest_vocab_lookup (engine, "to", 2);
  run.word_from = _sp_suggest_vocab_lookup (engine, "from", 4);
  run.word_in = _sp_suggest_vocab_lookup (engine, "in", 2);
  run.word_against = _sp_suggest_vocab_lookup (engine, "against", 7);
  run.word_by = _sp_suggest_vocab_lookup (engine, "by", 2);

  for (guint s = 0; s < n_sentences; s++)
    {
      guint32 cs = sentences[2 * s];
      guint32 ce = sentences[2 * s + 1];
      gboolean paragraph = s == 0;
      gsize bs;
      gsize be;

      if (ce < cs || cs < char_pos)
        continue;  /* out of order: not what the store keeps */
      while (char_pos < cs && byte_pos < body_len)
        {
          if (body[byte_pos] == '\n')
            paragraph = TRUE;
          byte_pos = g_utf8_next_char (body + byte_pos) - body;
          char_pos++;
        }
      if (byte_pos >= body_len)
        break;
      bs = byte_pos;
      while (char_pos < ce && byte_pos < body_len)
        {
          byte_pos = g_utf8_next_char (body + byte_pos) - body;
          char_pos++;
        }
      be = MIN (byte_pos, body_len);

      g_array_set_size (run.tokens, 0);
      _sp_suggest_tokenize (engine, body, bs, be, cs, run.tokens, run.scratch);
      run.work += run.tokens->len;
      if (paragraph)
        {
          const SpToken *first = run.tokens->len > 0 ? &g_array_index (run.tokens, SpToken, 0) : NULL;

          /* a pronoun may point to the person of the paragraph before ("X met Y on
           * Monday. ¶ He said …"), not further back */
          if (!run.person_named)
            run.last_person = -1;
          run.person_named = FALSE;
          run.quote_open = FALSE;
          /* a paragraph that opens with a quotation may go on with the last speaker */
          if (first == NULL || (first->kind != SP_TOKEN_QUOTE_OPEN && first->kind != SP_TOKEN_QUOTE))
            run.last_speaker = -1;
        }
      _sp_suggest_find_phrases (&run);
      _sp_suggest_find_mentions (&run);
      _sp_suggest_attribute (&run);

      g_hash_table_remove_all (best);
      this_claim.issue = -1;
      for (guint a = 0; a < run.attrs->len; a++)
        {
          const SpAttribution *attr = &g_array_index (run.attrs, SpAttribution, a);
          const SpMention *m = attr->mention != G_MAXUINT ? &g_array_index (run.mentions, SpMention, attr->mention) : NULL;

          if (m != NULL && m->kind == SP_MENTION_UNKNOWN)
            note_speaker (&run, m);
          if (attr->actor < 0)
            continue;
          g_array_set_size (hits, 0);
          _sp_suggest_find_issues (&run, attr->first, attr->end, hits);
          g_array_set_size (stances, hits->len);
          for (guint h = 0; h < hits->len; h++)
            {
              const SpIssueHit *hit = &g_array_index (hits, SpIssueHit, h);

              _sp_suggest_read_stance (&run, attr, hit->entry, hit->first, hit->last, hit->issue,
                                       &g_array_index (stances, SpStance, h));
            }
          for (guint h = 0; h < hits->len; h++)
            {
              const SpIssueHit *hit = &g_array_index (hits, SpIssueHit, h);
              const SpStance *stance = &g_array_index (stances, SpStance, h);

              if (stance->sign == 0)
                continue;
              if (stance->in_condition || (stance->negated && stance->speculative))
                continue;
              if (embedded_stance (&run, attr, stance) || reports_another (&run, attr, stance)
                  || quoted_other_subject (&run, attr, stance))
                continue;
              if (!nearest_in_clause (&run, hits, stances, h))
                continue;
              add_candidate (&run, result, best, s, cs, ce, attr, hit, stance);
              this_claim.issue = (int) hit->issue;
              this_claim.sign = stance->sign;
              this_claim.actor = attr->actor;
              this_claim.entry = hit->entry;
            }
          /* "Kyiv rejected this demand": the claim of the sentence before */
          if (hits->len == 0 && last_claim.issue >= 0 && last_claim.actor != attr->actor)
            {
              SpIssueHit hit;
              SpStance stance;

              if (anaphoric_object (&run, attr, &last_claim, &hit, &stance))
                add_candidate (&run, result, best, s, cs, ce, attr, &hit, &stance);
            }
        }
      last_claim = this_claim;
      /* the keys were allocated for this sentence */
      {
        GHashTableIter iter;
        gpointer k;

        g_hash_table_iter_init (&iter, best);
        while (g_hash_table_iter_next (&iter, &k, NULL))
          g_free (k);
        g_hash_table_remove_all (best);
      }
    }

  if (work != NULL)
    *work = run.work;
  g_array_unref (run.tokens);
  g_array_unref (run.mentions);
  g_array_unref (run.attrs);
  g_array_unref (run.mention_start);
  g_array_unref (run.mention_end);
  g_array_unref (run.matches);
  g_array_unref (run.match_index);
  g_string_free (run.scratch, TRUE);
  g_hash_table_unref (run.known);
  g_clear_pointer (&run.lower_words, g_hash_table_unref);
  g_hash_table_unref (run.speaker_index);
  return result;
}

/**
 * sp_suggest_engine_run:
 * @body: the stored body (UTF-8)
 * @sentences: (array): @n_sentences (start, end) character pairs, in order
 *
 * Returns: (transfer full): the candidates in text order and the unknown speakers
 */
SpSuggestResult *
sp_suggest_engine_run (SpSuggestEngine *engine,
                       const char      *body,
                       const guint32   *sentences,
                       guint            n_sentences)
{
  g_return_val_if_fail (engine != NULL, NULL);

  return _sp_suggest_engine_run_counted (engine, body, sentences, n_sentences, NULL);
}
