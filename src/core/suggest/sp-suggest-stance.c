/* sp-suggest-stance.c
 *
 * For or against: the sign chain of a keyword's clause. The clause runs back from the
 * keyword and on after it (within SP_SUGGEST_CUE_REACH tokens and the attributed content)
 * up to a clause break: ; : ( ) a dash, or a word of clause-breaks.txt. In it, left to right,
 * every stance cue multiplies the sign by its polarity, every action word the keyword's
 * direction by its own, and a negator flips the next cue or action word after it; a stance
 * verb that attributed the content is the first cue when the keyword's clause starts with
 * it. The issue's proposition has a direction of its own (sp-suggest-issues.c), which the
 * result is read against. Hedges and modals mark the claim conditional; they never flip it.
 * No cue and no action word means no sign, unless a strong negator ("never") is there.
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
    return TRUE;  /* a quotation mark */
  return _sp_suggest_phrase_at (run, i, SP_LEX_CLAUSE, NULL) != NULL;
}

/* "if" and "unless" open a condition: a keyword after one is what the claim depends on,
 * not what it is about ("we will sign unless the bridge is tolled") */
static gboolean
is_condition (const SpLexEntry *entry)
{
  return g_ascii_strcasecmp (entry->lemma, "if") == 0 || g_ascii_strcasecmp (entry->lemma, "unless") == 0;
}

void
_sp_suggest_read_stance (SpSuggestRun        *run,
                         const SpAttribution *attr,
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
  gboolean any_action = FALSE;

  memset (stance, 0, sizeof *stance);
  stance->strength = 1;
  stance->anchor = G_MAXUINT;

  while (from > lower && !is_break (run, from - 1))
    {
      from--;
      run->work++;
    }
  while (to < upper && !is_break (run, to))
    {
      to++;
      run->work++;
    }
  stance->clause_from = from;
  stance->clause_to = to;

  /* "X rejected …": the verb that attributed the content is the chain's first cue */
  if (attr->kind == SP_ATTR_STANCE_VERB && attr->verb_entry != NULL && from <= attr->first)
    {
      sign *= attr->verb_entry->polarity;
      stance->explicit_cue = TRUE;
      stance->cue_entry = attr->verb_entry;
      stance->strength = MAX (stance->strength, attr->verb_entry->strength);
      stance->anchor = attr->verb;
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
          else if ((entry = _sp_suggest_phrase_at (run, k, SP_LEX_HEDGE, NULL)) != NULL)
            {
              stance->hedged = TRUE;
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
      /* a keyword that is itself an action ("cede") counts as one */
      if (k == keyword && (entry = _sp_suggest_phrase_at (run, k, SP_LEX_ACTION, &last)) != NULL)
        {
          direction *= entry->polarity * (pending_negation ? -1 : 1);
          pending_negation = FALSE;
          any_action = TRUE;
          stance->action_entry = entry;
          k = MAX (last, keyword_last);
          continue;
        }
      if (k >= keyword && k <= keyword_last)
        continue;
      flip = pending_negation ? -1 : 1;
      if ((entry = _sp_suggest_phrase_at (run, k, SP_LEX_NEGATION, &last)) != NULL)
        {
          pending_negation = TRUE;
          stance->negated = TRUE;
          stance->neg_entry = entry;
          stance->strength = MAX (stance->strength, entry->strength);
          k = last;
        }
      else if ((entry = _sp_suggest_phrase_at (run, k, SP_LEX_STANCE, &last)) != NULL)
        {
          sign *= entry->polarity * flip;
          pending_negation = FALSE;
          stance->explicit_cue = TRUE;
          stance->cue_entry = entry;
          stance->strength = MAX (stance->strength, entry->strength);
          if (stance->anchor == G_MAXUINT)
            stance->anchor = k;
          k = last;
        }
      else if ((entry = _sp_suggest_phrase_at (run, k, SP_LEX_ACTION, &last)) != NULL)
        {
          direction *= entry->polarity * flip;
          pending_negation = FALSE;
          any_action = TRUE;
          stance->action_entry = entry;
          if (stance->anchor == G_MAXUINT)
            stance->anchor = k;
          k = last;
        }
      else if ((entry = _sp_suggest_phrase_at (run, k, SP_LEX_HEDGE, &last)) != NULL)
        {
          const SpToken *t = &g_array_index (run->tokens, SpToken, k);

          /* "May" in the middle of a sentence is a month */
          if (!(t->flags & SP_TOKEN_CAP) || (t->flags & SP_TOKEN_FIRST))
            {
              stance->hedged = TRUE;
              stance->hedge_entry = entry;
              if (k < keyword && is_condition (entry))
                stance->in_condition = TRUE;
            }
          k = last;
        }
    }
  /* a negator with nothing after it negates the clause ("… will not happen") */
  if (pending_negation)
    sign = -sign;

  /* a plain "not" with no cue and no action word says what is or is not the case ("there
   * will not be elections this year"), not what the speaker wants; "never" does */
  if (!stance->explicit_cue && !any_action
      && (!stance->negated || stance->neg_entry == NULL || stance->neg_entry->strength < 2))
    {
      stance->sign = 0;
      return;
    }
  /* the proposition's direction counts against an action word of the statement's own */
  stance->sign = sign * (any_action ? direction * g_array_index (run->engine->directions, int, issue) : 1);
  if (!stance->explicit_cue && !stance->negated)
    stance->strength = 1;
}
