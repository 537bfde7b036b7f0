/* sp-suggest-subjects.c
 *
 * Who the subject of a verb is: the nearest mention before it within
 * SP_SUGGEST_SUBJECT_REACH tokens, not an owner ("Putin's plan"), an object ("talks with
 * Putin", "urged Y to …") or one actor before a verb in its base form ("U.S. support for …");
 * the others of a list of subjects ("X, Y, and Z rejected …"); a subject before an apposition
 * or a relative clause ("X, a spokesperson for Y, said", "X, who …, said"), or a name in an
 * apposition ("The Kremlin spokesperson, Dmitry Peskov, said").
 */
#define G_LOG_DOMAIN "sp-suggest"

#include "config.h"

#include <string.h>

#include "sp-suggest-private.h"

gboolean
_sp_suggest_is_punct (SpSuggestRun *run,
                      guint         i,
                      const char   *which)
{
  const SpToken *t = _sp_suggest_tok (run, i);

  return t != NULL && t->kind == SP_TOKEN_PUNCT && strchr (which, t->punct) != NULL;
}

/* A reporting verb, or a stance verb, starting at @i */
const SpLexEntry *
_sp_suggest_verb_at (SpSuggestRun *run,
                     guint         i,
                     guint        *last)
{
  const SpLexEntry *report;
  const SpLexEntry *stance;
  guint report_last = 0;
  guint stance_last = 0;

  if (_sp_suggest_tok (run, i)->flags & SP_TOKEN_VERB_TAIL)
    return NULL;
  report = _sp_suggest_phrase_at (run, i, SP_LEX_REPORT, &report_last);
  stance = _sp_suggest_phrase_at (run, i, SP_LEX_STANCE, &stance_last);
  if (stance != NULL && !stance->verb)
    stance = NULL;
  /* "insisted on": the longer of a reporting verb and a stance verb */
  if (stance != NULL && (report == NULL || stance_last > report_last))
    {
      if (last != NULL)
        *last = stance_last;
      return stance;
    }
  if (report != NULL && last != NULL)
    *last = report_last;
  return report;
}

/* "Putin's plan": a possessive mention owns what follows and is no subject; a role with a
 * possessive place ("Riverton's mayor") still speaks */
gboolean
_sp_suggest_possessive_owner (SpSuggestRun    *run,
                              const SpMention *mention)
{
  return (_sp_suggest_tok (run, mention->last)->flags & SP_TOKEN_POSSESSIVE) && mention->kind != SP_MENTION_ROLE;
}

/* The mention whose last token is @i, from the index built per sentence */
int
_sp_suggest_mention_ending_at (const guint32 *mention_end,
                               guint          i)
{
  return (int) mention_end[i] - 1;
}

int
_sp_suggest_mention_starting_at (const guint32 *mention_start,
                                 guint          i,
                                 guint          n)
{
  return i < n ? (int) mention_start[i] - 1 : -1;
}

/* Whether the verb at @v is written in its base form ("back", not "backs" or "backed") */
gboolean
_sp_suggest_is_base_form (SpSuggestRun *run,
                          guint         v)
{
  const SpLexEntry *entry = _sp_suggest_verb_at (run, v, NULL);

  return entry != NULL && _sp_suggest_word_is (run, _sp_suggest_tok (run, v), entry->lemma);
}

/* Whether @mention names one actor, who takes a verb in -s: a name or title of a person,
 * state or organisation, not a group, a pair or a demonym's people */
gboolean
_sp_suggest_is_singular (SpSuggestRun    *run,
                         const SpMention *mention)
{
  const SpCodebookActor *actor;

  if (mention->actor < 0 || mention->actor2 >= 0
      || (mention->kind != SP_MENTION_NAME && mention->kind != SP_MENTION_SURNAME && mention->kind != SP_MENTION_TITLE))
    return FALSE;
  actor = g_ptr_array_index (run->engine->codebook->actors, mention->actor);
  return actor->public.kind != SP_ACTOR_KIND_GROUP;
}

/* The subject of the verb at @v: the nearest mention before it in reach, or -1 */
int
_sp_suggest_find_subject (SpSuggestRun  *run,
                          const guint32 *mention_end,
                          guint          v)
{
  guint reach = MIN (v, SP_SUGGEST_SUBJECT_REACH);

  for (guint d = 1; d <= reach; d++)
    {
      guint j = v - d;
      const SpToken *t = _sp_suggest_tok (run, j);
      const SpLexEntry *cue;
      guint cue_last = 0;
      int m;

      run->work++;
      if (t->kind == SP_TOKEN_PUNCT && strchr (".;:!?()[]-", t->punct) != NULL)
        return -1;
      if (t->kind != SP_TOKEN_WORD || (t->flags & SP_TOKEN_IN_QUOTE))
        return -1;
      /* "…, X, who has rejected …": the relative clause's subject is the name before it,
       * whatever preposition stands before the name */
      if (t->word != 0 && t->word == run->word_who && j >= 2 && _sp_suggest_is_punct (run, j - 1, ",")
          && (m = _sp_suggest_mention_ending_at (mention_end, j - 2)) >= 0)
        {
          return _sp_suggest_possessive_owner (run, &g_array_index (run->mentions, SpMention, m)) ? -1 : m;
        }
      if ((m = _sp_suggest_mention_ending_at (mention_end, j)) >= 0)
        {
          const SpMention *mention = &g_array_index (run->mentions, SpMention, m);

          /* "Putin's plan", "talks with Putin" */
          if (_sp_suggest_possessive_owner (run, mention))
            return -1;
          /* "U.S. support for …", "to bring Ukraine back": one actor takes no verb in its
           * base form; the word is a noun or a particle */
          if (j + 1 == v && _sp_suggest_is_base_form (run, v) && _sp_suggest_is_singular (run, mention)
              && _sp_suggest_coordinated_before (run, mention_end, m) < 0)
            return -1;
          if (mention->first > 0 && _sp_suggest_phrase_at (run, mention->first - 1, SP_LEX_PREPOSITION, NULL) != NULL)
            return -1;
          /* "X urged Y to abandon …", "asked Y not to agree to …": Y is asked, and holds
           * nothing yet */
          if (mention->first > 0 && mention->last + 1 < v && run->word_to != 0
              && _sp_suggest_verb_at (run, mention->first - 1, NULL) != NULL
              && (_sp_suggest_tok (run, mention->last + 1)->word == run->word_to
                  || (mention->last + 2 < v && _sp_suggest_tok (run, mention->last + 2)->word == run->word_to
                      && _sp_suggest_phrase_at (run, mention->last + 1, SP_LEX_NEGATION, NULL) != NULL)))
            return -1;
          return m;
        }
      if (_sp_suggest_verb_at (run, j, NULL) != NULL || _sp_suggest_phrase_at (run, j, SP_LEX_CLAUSE, NULL) != NULL)
        return -1;
      /* "X is unwilling to accept …": the verb is the stance word's infinitive, and X's
       * stance is read from the stance word */
      if ((cue = _sp_suggest_phrase_at (run, j, SP_LEX_STANCE, &cue_last)) != NULL && !cue->verb && !cue->noun
          && cue_last + 1 == v)
        return -1;
      /* "X called Y a liar and demanded …": a name shortly before "and" is the first verb's
       * object, and the subject is out of sight */
      if (t->word != 0 && t->word == run->word_and)
        for (guint b = 1; b <= SP_SUGGEST_OBJECT_BEFORE_AND && b <= j; b++)
          if (_sp_suggest_mention_ending_at (mention_end, j - b) >= 0)
            return -1;
    }
  return -1;
}


/* "X's plan", "talks with X": a possessive mention, or one after a preposition, is no one's
 * subject */
gboolean
_sp_suggest_owner_or_object (SpSuggestRun    *run,
                             const SpMention *mention)
{
  return (_sp_suggest_tok (run, mention->last)->flags & SP_TOKEN_POSSESSIVE)
         || (mention->first > 0 && _sp_suggest_phrase_at (run, mention->first - 1, SP_LEX_PREPOSITION, NULL) != NULL);
}

/* "X and Y agreed", "X, Y and Z rejected", "X, Y, and Z rejected": the mention listed before
 * the subject @m, or -1 */
int
_sp_suggest_coordinated_before (SpSuggestRun  *run,
                                const guint32 *mention_end,
                                int            m)
{
  const SpMention *mention = &g_array_index (run->mentions, SpMention, m);
  guint j = mention->first;
  int other;

  if (j < 2)
    return -1;
  j--;
  /* an article of the later mention: "X and the Y" */
  if (_sp_suggest_tok (run, j)->kind == SP_TOKEN_WORD && j > 1
      && (_sp_suggest_tok (run, j)->word == run->word_the || _sp_suggest_tok (run, j)->word == run->word_a)
      && _sp_suggest_tok (run, j)->word != 0)
    j--;
  if (!_sp_suggest_is_punct (run, j, ",")
      && !(_sp_suggest_tok (run, j)->kind == SP_TOKEN_WORD && _sp_suggest_tok (run, j)->word == run->word_and
           && run->word_and != 0))
    return -1;
  /* "X, Y, and Z" */
  if (!_sp_suggest_is_punct (run, j, ",") && j > 1 && _sp_suggest_is_punct (run, j - 1, ","))
    j--;
  if ((other = _sp_suggest_mention_ending_at (mention_end, j - 1)) < 0)
    return -1;
  mention = &g_array_index (run->mentions, SpMention, other);
  if (mention->kind == SP_MENTION_VAGUE || _sp_suggest_owner_or_object (run, mention))
    return -1;
  return other;
}

/* "The Kremlin spokesperson, Dmitry Peskov, said": a name between commas just before the
 * verb at @v, after a word, renames the subject before it and speaks; or -1 */
int
_sp_suggest_subject_in_apposition (SpSuggestRun  *run,
                                   const guint32 *mention_end,
                                   guint          v)
{
  const SpMention *mention;
  int m;

  if (v < 4 || !_sp_suggest_is_punct (run, v - 1, ",") || (m = _sp_suggest_mention_ending_at (mention_end, v - 2)) < 0)
    return -1;
  mention = &g_array_index (run->mentions, SpMention, m);
  if (mention->first < 2 || !_sp_suggest_is_punct (run, mention->first - 1, ",")
      || _sp_suggest_tok (run, mention->first - 2)->kind != SP_TOKEN_WORD
      || (_sp_suggest_tok (run, mention->first - 2)->flags & SP_TOKEN_IN_QUOTE)
      || mention->kind == SP_MENTION_VAGUE || mention->kind == SP_MENTION_PRONOUN
      || _sp_suggest_owner_or_object (run, mention))
    return -1;
  return m;
}

/* "X, who …, said", "X, a spokesperson for Y, said": the subject before an apposition or a
 * relative clause that ends with a comma just before the verb at @v; the earliest "mention ,"
 * in reach whose comma opens one ("who", "which", an article), or -1 */
int
_sp_suggest_subject_before_apposition (SpSuggestRun  *run,
                                       const guint32 *mention_end,
                                       guint          v)
{
  guint reach = MIN (v, SP_SUGGEST_APPOSITION_REACH);
  int found = -1;

  if (v < 3 || !_sp_suggest_is_punct (run, v - 1, ","))
    return -1;
  for (guint d = 2; d <= reach; d++)
    {
      guint c = v - d;
      const SpToken *t = _sp_suggest_tok (run, c);
      const SpToken *next = _sp_suggest_tok (run, c + 1);
      int m;

      run->work++;
      if (t->kind == SP_TOKEN_PUNCT && strchr (".;:!?()[]", t->punct) != NULL)
        break;
      if (t->kind != SP_TOKEN_WORD && t->kind != SP_TOKEN_PUNCT)
        break;
      if (c == 0 || !_sp_suggest_is_punct (run, c, ",") || next == NULL || next->kind != SP_TOKEN_WORD)
        continue;
      if ((m = _sp_suggest_mention_ending_at (mention_end, c - 1)) < 0)
        continue;
      if (next->word == 0
          || (next->word != run->word_who && next->word != run->word_which && next->word != run->word_the
              && next->word != run->word_a && next->word != run->word_an))
        continue;
      if (_sp_suggest_owner_or_object (run, &g_array_index (run->mentions, SpMention, m)))
        continue;
      found = m;
    }
  return found;
}
