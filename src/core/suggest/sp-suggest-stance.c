/* sp-suggest-stance.c
 *
 * For or against: the sign chain of a keyword's clause. The clause runs back from the
 * keyword and on after it (within SP_SUGGEST_CUE_REACH tokens and the attributed content)
 * up to a clause break: ; : ( ) a dash, or a word of clause-breaks.txt. In it, left to right,
 * every stance cue multiplies the sign by its polarity, every action word the keyword's
 * direction by its own, and a negator flips the next cue or action word after it; a stance
 * verb that attributed the content is the first cue when the keyword's clause starts with
 * it. The issue's proposition has a direction of its own (sp-suggest-issues.c), which the
 * result is read against. Hedges and modals mark the claim conditional; they never flip it;
 * a keyword after a condition word ("if", conditions.txt) is the claim's condition, and a
 * condition after the keyword ends its clause. No cue and no action word means no sign, unless a strong negator ("never") is there.
 */
#define G_LOG_DOMAIN "sp-suggest"

#include "config.h"

#include <string.h>

#include "sp-suggest-private.h"

static gboolean
is_break (SpSuggestRun *run,
          guint         i)
{
  const SpToken *t = &g_array_index (run->tokens, SpToken, i);

  if (t->kind == SP_TOKEN_PUNCT)
    return strchr (";:()[]-.!?", t->punct) != NULL;
  if (t->kind != SP_TOKEN_WORD)
    return FALSE;  /* a quotation mark: a quoted word or two ("called the talks “productive”") are part of the clause */
  return _sp_suggest_phrase_at (run, i, SP_LEX_CLAUSE, NULL) != NULL;
}

/* Whether a possessive pronoun stands at most two words before token @k (not before @from) */
static gboolean
after_possessive_pronoun (SpSuggestRun *run,
                          guint         k,
                          guint         from)
{
  for (guint d = 1; d <= 3 && d <= k && k - d >= from; d++)
    if (_sp_suggest_is_possessive_pronoun (_sp_suggest_phrase_at (run, k - d, SP_LEX_PRONOUN, NULL)))
      return TRUE;
  return FALSE;
}

/* "and" or "or" before a predicate of its own: a negator, stance cue, hedge or reporting
 * verb within two words ("… and is not ready to", "… and rejects …") */
static gboolean
new_predicate (SpSuggestRun *run,
               guint         i)
{
  const SpToken *t = &g_array_index (run->tokens, SpToken, i);
  guint n = run->tokens->len;

  if (t->kind != SP_TOKEN_WORD || t->word == 0 || (t->word != run->word_and && t->word != run->word_or))
    return FALSE;
  for (guint j = i + 1; j < n && j <= i + 2; j++)
    {
      const SpLexEntry *stance_entry = _sp_suggest_phrase_at (run, j, SP_LEX_STANCE, NULL);

      if (_sp_suggest_phrase_at (run, j, SP_LEX_NEGATION, NULL) != NULL
          || (stance_entry != NULL && !stance_entry->noun)
          || _sp_suggest_phrase_at (run, j, SP_LEX_HEDGE, NULL) != NULL
          || _sp_suggest_phrase_at (run, j, SP_LEX_REPORT, NULL) != NULL)
        return TRUE;
      if (_sp_suggest_phrase_at (run, j, SP_LEX_KEYWORD, NULL) != NULL)
        return FALSE;
    }
  return FALSE;
}

/* Whether the word at @i is written as a past participle ("rejected", "backed") */
static gboolean
past_participle (SpSuggestRun *run,
                 guint         i)
{
  return _sp_suggest_word_ends_with (run, &g_array_index (run->tokens, SpToken, i), "ed", 2);
}

static gboolean
is_punct_at (SpSuggestRun *run,
             guint         i,
             char          punct)
{
  const SpToken *t = &g_array_index (run->tokens, SpToken, i);

  return t->kind == SP_TOKEN_PUNCT && t->punct == punct;
}

static gboolean
is_relative (SpSuggestRun *run,
             guint         i)
{
  guint32 word = g_array_index (run->tokens, SpToken, i).word;

  return word != 0 && (word == run->word_that || word == run->word_which || word == run->word_who);
}

/* Whether a word in -ing follows token @i ("keep fighting") */
static gboolean
gerund_after (SpSuggestRun *run,
              guint         i)
{
  return i + 1 < run->tokens->len
         && _sp_suggest_word_ends_with (run, &g_array_index (run->tokens, SpToken, i + 1), "ing", 4);
}

/* Whether the action word at @i is written in a past form ("lifted", "kept", "frozen"): not
 * its base form, nor one in -s or -ing */
static gboolean
past_form (SpSuggestRun     *run,
           guint             i,
           const SpLexEntry *entry)
{
  const SpToken *t = &g_array_index (run->tokens, SpToken, i);

  return !_sp_suggest_word_is (run, t, entry->lemma) && !_sp_suggest_word_ends_with (run, t, "ing", 3)
         && !_sp_suggest_word_ends_with (run, t, "s", 1);
}

/* Whether the action word at [@a, @a_last] is done to the keyword at [@kw, @kw_last]: it
 * comes before it with a short object phrase between ("hold the next round of talks", "cede
 * the rest of the region", "give up land in the region") that crosses no punctuation, cue,
 * other action or preposition but "of", "from" and "in"; or it comes after it with nothing but stop words that are not prepositions
 * between (a passive: "the tolls will be lifted"). "Talks to end the dispute" is not an ending
 * of the talks, nor is "end the dispute with talks" one, nor "stop the sales that get round
 * the tolls" a stopping of the tolls. */
static gboolean
governs (SpSuggestRun     *run,
         const SpLexEntry *entry,
         guint             a,
         guint             a_last,
         guint             kw,
         guint             kw_last)
{
  if (a_last < kw)
    {
      const SpToken *next = &g_array_index (run->tokens, SpToken, a_last + 1);

      if (kw - a_last - 1 > SP_SUGGEST_OBJECT_REACH)
        return FALSE;
      /* "more than 300 prisoners": a comparison, not an adding */
      if (_sp_suggest_word_is (run, next, "than"))
        return FALSE;
      for (guint j = a_last + 1; j < kw; j++)
        {
          const SpToken *t = &g_array_index (run->tokens, SpToken, j);

          run->work++;
          if (t->kind != SP_TOKEN_WORD && !(t->kind == SP_TOKEN_PUNCT && strchr ("%'", t->punct) != NULL))
            return FALSE;
          if (t->kind != SP_TOKEN_WORD)
            continue;
          if (_sp_suggest_phrase_at (run, j, SP_LEX_STANCE, NULL) != NULL
              || _sp_suggest_phrase_at (run, j, SP_LEX_ACTION, NULL) != NULL
              || _sp_suggest_phrase_at (run, j, SP_LEX_REPORT, NULL) != NULL
              || _sp_suggest_phrase_at (run, j, SP_LEX_CLAUSE, NULL) != NULL)
            return FALSE;
          if (_sp_suggest_phrase_at (run, j, SP_LEX_PREPOSITION, NULL) != NULL
              && t->word != run->word_of && t->word != run->word_from && t->word != run->word_in)
            return FALSE;
          /* "stop the sales that get round the tolls": a relative clause of its own */
          if (t->word == run->word_that && t->word != 0)
            return FALSE;
        }
      return TRUE;
    }
  if (a > kw_last)
    {
      /* "the troops would keep fighting": the keyword is the subject of another verb */
      if (a - kw_last - 1 > SP_SUGGEST_PASSIVE_REACH || (!past_form (run, a, entry) && gerund_after (run, a_last)))
        return FALSE;
      for (guint j = kw_last + 1; j < a; j++)
        {
          const SpToken *t = &g_array_index (run->tokens, SpToken, j);

          run->work++;
          if (t->kind != SP_TOKEN_WORD)
            return FALSE;
          if (_sp_suggest_phrase_at (run, j, SP_LEX_NEGATION, NULL) != NULL)
            continue;
          if (_sp_suggest_phrase_at (run, j, SP_LEX_STOP, NULL) == NULL
              || _sp_suggest_phrase_at (run, j, SP_LEX_PREPOSITION, NULL) != NULL)
            return FALSE;
        }
      return TRUE;
    }
  return TRUE;
}

/* Whether "by" and a mention start at token @i: the agent of a passive */
static gboolean
agent_at (SpSuggestRun *run,
          guint         i)
{
  if (i + 1 >= run->tokens->len || run->word_by == 0
      || g_array_index (run->tokens, SpToken, i).word != run->word_by)
    return FALSE;
  for (guint m = 0; m < run->mentions->len; m++)
    {
      run->work++;
      if (g_array_index (run->mentions, SpMention, m).first == i + 1)
        return TRUE;
    }
  return FALSE;
}

/* The stance cue at @i: a noun after an article or a possessive ("the demand for …", "his
 * call for …") where the word is also a verb */
static const SpLexEntry *
stance_cue_at (SpSuggestRun *run,
               guint         i,
               guint        *last)
{
  const SpLexEntry *noun;

  if (i > 0 && (noun = _sp_suggest_noun_at (run, i, last)) != NULL)
    {
      const SpToken *before = &g_array_index (run->tokens, SpToken, i - 1);

      if ((before->kind == SP_TOKEN_WORD && before->word != 0
           && (before->word == run->word_the || before->word == run->word_a || before->word == run->word_an))
          || (before->flags & SP_TOKEN_POSSESSIVE)
          || _sp_suggest_is_possessive_pronoun (_sp_suggest_phrase_at (run, i - 1, SP_LEX_PRONOUN, NULL)))
        return noun;
    }
  return _sp_suggest_phrase_at (run, i, SP_LEX_STANCE, last);
}

void
_sp_suggest_read_stance (SpSuggestRun        *run,
                         const SpAttribution *attr,
                         const SpLexEntry    *keyword_entry,
                         guint                keyword,
                         guint                keyword_last,
                         guint                issue,
                         SpStance            *stance)
{
  guint n = run->tokens->len;
  guint from = keyword;
  guint to = keyword_last + 1;
  guint lower = MAX (attr->first, keyword > SP_SUGGEST_CUE_REACH ? keyword - SP_SUGGEST_CUE_REACH : 0);
  guint upper = MIN (MIN (attr->end, n), keyword_last + 1 + SP_SUGGEST_CUE_REACH);
  int sign = 1;
  int direction = 1;
  gboolean pending_negation = FALSE;
  guint pending_at = 0;
  gboolean any_action = FALSE;

  memset (stance, 0, sizeof *stance);
  stance->strength = 1;
  stance->anchor = G_MAXUINT;

  while (from > lower && !is_break (run, from - 1))
    {
      from--;
      run->work++;
    }
  while (to < upper && !is_break (run, to) && !new_predicate (run, to))
    {
      to++;
      run->work++;
    }
  stance->clause_from = from;
  stance->clause_to = to;

  /* "X rejected …": the verb that attributed the content is the chain's first cue; in "…, a
   * proposal X rejected" it comes after the content, which is its object all the same */
  if (attr->verb_entry != NULL
      && ((_sp_attr_kind_is_cue (attr->kind) && from <= attr->first) || attr->kind == SP_ATTR_OBJECT_BEFORE))
    {
      sign *= attr->verb_entry->polarity;
      stance->explicit_cue = TRUE;
      stance->cue_entry = attr->verb_entry;
      stance->strength = MAX (stance->strength, attr->verb_entry->strength);
      stance->anchor = attr->verb;
      if (attr->kind != SP_ATTR_OBJECT_BEFORE)
        from = MAX (from, attr->verb + 1);
      /* a negator before the verb ("did not reject") */
      for (guint k = attr->verb > 3 ? attr->verb - 3 : 0; k < attr->verb; k++)
        {
          const SpLexEntry *entry;

          if ((entry = _sp_suggest_phrase_at (run, k, SP_LEX_NEGATION, NULL)) != NULL)
            {
              sign = -sign;
              stance->negated = TRUE;
              stance->neg_entry = entry;
              stance->strength = MAX (stance->strength, entry->strength);
            }
          else if ((entry = _sp_suggest_phrase_at (run, k, SP_LEX_HEDGE, NULL)) != NULL
                   || (entry = _sp_suggest_phrase_at (run, k, SP_LEX_CONDITION, NULL)) != NULL)
            {
              stance->hedged = TRUE;
              stance->speculative = TRUE;
              stance->hedge_entry = entry;
            }
        }
    }

  for (guint k = from; k < to; k++)
    {
      const SpLexEntry *entry;
      guint last;
      int flip;

      run->work++;
      /* a keyword that is itself an action ("cede") counts as one, in the direction of its
       * issue's proposition: the analyst's keyword names the issue ("halt to fighting" is
       * a ceasefire, not the ending of one) */
      if (k == keyword && (entry = _sp_suggest_phrase_at (run, k, SP_LEX_ACTION, &last)) != NULL)
        {
          direction *= g_array_index (run->engine->directions, int, issue) * (pending_negation ? -1 : 1);
          pending_negation = FALSE;
          any_action = TRUE;
          stance->action_entry = entry;
          k = MAX (last, keyword_last);
          continue;
        }
      if (k >= keyword && k <= keyword_last)
        continue;
      /* "X is not ready to … and wants …": the keyword's predicate starts after "and"; "X
       * demanded a truce during the talks": a keyword after "during" is when, not what */
      if (k < keyword && (new_predicate (run, k) || _sp_suggest_phrase_at (run, k, SP_LEX_CIRCUMSTANCE, NULL) != NULL))
        {
          sign = 1;
          direction = 1;
          pending_negation = FALSE;
          any_action = FALSE;
          stance->explicit_cue = FALSE;
          stance->negated = FALSE;
          stance->cue_entry = NULL;
          stance->neg_entry = NULL;
          stance->action_entry = NULL;
          stance->strength = 1;
          stance->anchor = G_MAXUINT;
          continue;
        }
      /* a relative clause after the keyword, up to its comma, is about something else
       * ("the tolls that the council has not lifted") */
      if (k > keyword_last && is_relative (run, k))
        {
          while (k + 1 < to && !is_punct_at (run, k + 1, ','))
            {
              k++;
              run->work++;
            }
          continue;
        }
      flip = pending_negation ? -1 : 1;
      if ((entry = _sp_suggest_phrase_at (run, k, SP_LEX_NEGATION, &last)) != NULL)
        {
          pending_negation = TRUE;
          pending_at = k;
          stance->negated = TRUE;
          stance->neg_entry = entry;
          stance->strength = MAX (stance->strength, entry->strength);
          k = last;
        }
      else if (k == keyword_last + 1 && run->word_against != 0
               && g_array_index (run->tokens, SpToken, k).word == run->word_against)
        {
          /* "sanctions against Russia": a preposition, not a stance on the sanctions */
          pending_negation = FALSE;
        }
      else if ((entry = stance_cue_at (run, k, &last)) != NULL && entry->noun)
        {
          /* a stance noun is its owner's stance, not the speaker's; in the object of a
           * stance cue ("rejected the demand for …") the cue is about what it asks */
          if (stance->explicit_cue)
            sign *= entry->polarity * flip;
          else if (after_possessive_pronoun (run, k, from))
            {
              /* "X reaffirmed his refusal to …": the speaker's own */
              sign *= entry->polarity * flip;
              stance->explicit_cue = TRUE;
              stance->cue_entry = entry;
              stance->strength = MAX (stance->strength, entry->strength);
              if (stance->anchor == G_MAXUINT)
                stance->anchor = k;
            }
          pending_negation = FALSE;
          k = last;
        }
      else if (entry != NULL && entry->verb && k > keyword_last && attr->kind != SP_ATTR_PASSIVE
               && agent_at (run, last + 1))
        {
          /* "… arms supplies, a demand rejected by X": the agent's stance, not the speaker's */
          break;
        }
      else if (entry != NULL && entry->verb && k > keyword_last && !past_participle (run, k))
        {
          /* after the keyword, a stance verb takes it as its object only in a passive ("the
           * toll was rejected"); "… the tolls, to make them step back" is another verb's, and
           * its clause another */
          break;
        }
      else if (entry != NULL)
        {
          sign *= entry->polarity * flip;
          pending_negation = FALSE;
          stance->explicit_cue = TRUE;
          stance->cue_entry = entry;
          if (k < keyword)
            {
              stance->cue_before = entry;
              stance->cue_before_at = k;
            }
          stance->strength = MAX (stance->strength, entry->strength);
          if (stance->anchor == G_MAXUINT)
            stance->anchor = k;
          k = last;
        }
      else if ((entry = _sp_suggest_phrase_at (run, k, SP_LEX_ACTION, &last)) != NULL)
        {
          pending_negation = FALSE;
          if (!governs (run, entry, k, last, keyword, keyword_last))
            {
              k = last;
              continue;
            }
          direction *= entry->polarity * flip;
          any_action = TRUE;
          stance->action_entry = entry;
          if (stance->anchor == G_MAXUINT)
            stance->anchor = k;
          k = last;
        }
      else if ((entry = _sp_suggest_phrase_at (run, k, SP_LEX_CONDITION, &last)) != NULL)
        {
          /* a condition word opens what the claim depends on, not what it is about ("we
           * will sign unless the bridge is tolled"); the claim is conditional */
          stance->hedged = TRUE;
          stance->hedge_entry = entry;
          if (k > keyword_last)
            break;  /* "… talks only if Y were willing to …": the condition's cues are its own */
          stance->in_condition = TRUE;
          stance->speculative = TRUE;
          k = last;
        }
      else if ((entry = _sp_suggest_phrase_at (run, k, SP_LEX_HEDGE, &last)) != NULL)
        {
          const SpToken *t = &g_array_index (run->tokens, SpToken, k);

          /* "May" in the middle of a sentence is a month; "said it would not …" reports
           * what will be as it was said, no condition */
          if (entry->reported_future && attr->kind == SP_ATTR_REPORTED
              && attr->verb != G_MAXUINT && k > attr->verb)
            ;
          else if (!(t->flags & SP_TOKEN_CAP) || (t->flags & SP_TOKEN_FIRST))
            {
              stance->hedged = TRUE;
              stance->speculative = TRUE;
              stance->hedge_entry = entry;
            }
          k = last;
        }
    }
  /* a negator with nothing after it, close after the keyword, negates the clause ("… will
   * not happen"); one further on is another verb's ("… to make sure the ferry does not
   * stop") */
  if (pending_negation && (pending_at < keyword || pending_at - keyword_last <= SP_SUGGEST_PASSIVE_REACH))
    sign = -sign;

  /* a plain "not" with no cue and no action word says what is or is not the case ("there
   * will not be elections this year"), not what the speaker wants; "never" does */
  if (!stance->explicit_cue && !any_action
      && (!stance->negated || stance->neg_entry == NULL || stance->neg_entry->strength < 2))
    {
      stance->sign = 0;
      return;
    }
  /* "X backed neutrality", "X demanded that Y abandon neutrality": an opposing keyword
   * names the contrary of the proposition, so the statement's stance on it, an action word
   * done to it included, is the other way round; the proposition's own action does not
   * count, being done to something else */
  if (keyword_entry != NULL && keyword_entry->opposes)
    {
      stance->sign = -sign * (any_action ? direction : 1);
      stance->opposes = TRUE;
      if (!stance->explicit_cue && !stance->negated)
        stance->strength = 1;
      return;
    }
  /* the proposition's direction counts against an action word of the statement's own */
  stance->sign = sign * (any_action ? direction * g_array_index (run->engine->directions, int, issue) : 1);
  /* "X backed the sanctions", read against "sanctions should be lifted" */
  if (!any_action && keyword_entry != NULL && keyword_entry->removed)
    {
      stance->sign = -stance->sign;
      stance->removed = TRUE;
    }
  if (!stance->explicit_cue && !stance->negated)
    stance->strength = 1;
}
