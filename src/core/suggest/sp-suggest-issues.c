/* sp-suggest-issues.c
 *
 * What a statement is about: the issues whose keywords stand in its content (whole words,
 * any case, phrases, the suffix rule's inflections, a keyword of several content words with a
 * few function words between them and, when the first is a verb, one modifier after it ("halt
 * military strikes" for "halt strikes"), the last word of a two-word keyword before "on" and an
 * actor ("pressure on X" for "economic pressure"); an issue without keywords uses the
 * content words of its label and proposition), and the direction of each issue's own
 * proposition, read with the same action words as a statement ("Ukraine should cede
 * territory" is a giving-up (the first action word after its modal decides, or its first action
 * word when it has no modal), so "refused to give up territory" is against it).
 */
#define G_LOG_DOMAIN "sp-suggest"

#include "config.h"

#include <string.h>

#include "sp-suggest-private.h"

/* Whether the token at @i is a function word a gapped keyword may skip: a stop word or a
 * preposition, but not "and" or "or" (two things, not one) */
static gboolean
skippable (SpSuggestRun *run,
           guint         i)
{
  const SpToken *t = &g_array_index (run->tokens, SpToken, i);
  guint32 function = SP_LEX_BIT (SP_LEX_STOP) | SP_LEX_BIT (SP_LEX_PREPOSITION);

  return t->kind == SP_TOKEN_WORD && t->word != 0 && t->word != run->word_and && t->word != run->word_or
         && (g_array_index (run->engine->word_kinds, guint32, t->word) & function) != 0;
}

/* Whether the token at @i may stand between the verb and the object of a keyword such as
 * "halt strikes": a word the engine knows nothing of, a role word or a demonym ("halt
 * military strikes", "pause Russian attacks"); not a cue, an action, a keyword's word, an
 * actor's, "and" or "or" */
static gboolean
modifier (SpSuggestRun *run,
          guint         i)
{
  const SpToken *t = &g_array_index (run->tokens, SpToken, i);
  guint32 adjective = SP_LEX_BIT (SP_LEX_TITLE) | SP_LEX_BIT (SP_LEX_DEMONYM);

  if (t->kind != SP_TOKEN_WORD)
    return FALSE;
  if (t->word == 0)
    return TRUE;
  return t->word != run->word_and && t->word != run->word_or
         && (g_array_index (run->engine->word_kinds, guint32, t->word) & ~adjective) == 0;
}

/* An excluded phrase of an issue ("nuclear weapons" for "weapons") hides the issue's keywords
 * that share a token with it, and is no hit itself: of the hits from @from on, those are
 * dropped. Tokens covered by excluded phrases are marked with the issue + 1, or G_MAXUINT32
 * where phrases of two issues overlap, which hides the keywords of both. Linear in the
 * hits' tokens. */
static void
drop_excluded (SpSuggestRun *run,
               GArray       *hits,
               guint         from)
{
  g_autoptr(GArray) hidden = NULL;
  guint kept = from;

  for (guint h = from; h < hits->len && hidden == NULL; h++)
    if (g_array_index (hits, SpIssueHit, h).entry->excluded)
      hidden = g_array_new (FALSE, TRUE, sizeof (guint32));
  if (hidden == NULL)
    return;

  g_array_set_size (hidden, run->tokens->len);
  for (guint h = from; h < hits->len; h++)
    {
      const SpIssueHit *hit = &g_array_index (hits, SpIssueHit, h);

      if (!hit->entry->excluded)
        continue;
      for (guint t = hit->first; t <= hit->last && t < hidden->len; t++)
        {
          guint32 *mark = &g_array_index (hidden, guint32, t);

          run->work++;
          *mark = (*mark == 0 || *mark == hit->issue + 1) ? hit->issue + 1 : G_MAXUINT32;
        }
    }

  for (guint h = from; h < hits->len; h++)
    {
      const SpIssueHit *hit = &g_array_index (hits, SpIssueHit, h);
      gboolean drop = hit->entry->excluded;

      for (guint t = hit->first; !drop && t <= hit->last && t < hidden->len; t++)
        {
          guint32 mark = g_array_index (hidden, guint32, t);

          run->work++;
          drop = mark == hit->issue + 1 || mark == G_MAXUINT32;
        }
      if (!drop)
        g_array_index (hits, SpIssueHit, kept++) = *hit;
    }
  g_array_set_size (hits, kept);
}

/* "A halt in the fighting" for the keyword "halt to fighting": the keyword's content words
 * in order, each at most SP_SUGGEST_KEYWORD_GAP function words after the one before, when
 * no keyword of the same issue starts at @j as written. A keyword whose first word is a verb
 * may also have one modifier after it. Appends a hit. */
static void
find_gapped (SpSuggestRun *run,
             guint         j,
             guint         end,
             GArray       *hits,
             guint         hits_at_j)
{
  SpSuggestEngine *engine = run->engine;
  guint32 word = g_array_index (run->tokens, SpToken, j).word;

  for (guint g = 0; g < engine->gapped->len; g++)
    {
      const SpGappedKeyword *gapped = &g_array_index (engine->gapped, SpGappedKeyword, g);
      const SpLexEntry *entry = g_ptr_array_index (engine->entries, gapped->entry);
      gboolean seen = FALSE;
      gboolean modified = !gapped->verb_first;
      guint pos = j;
      SpIssueHit hit;

      run->work++;
      if (gapped->words[0] != word)
        continue;
      for (guint h = hits_at_j; h < hits->len; h++)
        if (g_array_index (hits, SpIssueHit, h).issue == entry->index)
          seen = TRUE;
      if (seen)
        continue;
      for (guint c = 1; c < gapped->n_words && pos != G_MAXUINT; c++)
        {
          guint next = G_MAXUINT;

          for (guint p = pos + 1; p < end && p <= pos + 1 + SP_SUGGEST_KEYWORD_GAP; p++)
            {
              run->work++;
              if (g_array_index (run->tokens, SpToken, p).word == gapped->words[c]
                  && g_array_index (run->tokens, SpToken, p).kind == SP_TOKEN_WORD)
                {
                  next = p;
                  break;
                }
              if (!modified && c == 1 && modifier (run, p))
                modified = TRUE;
              else if (!skippable (run, p))
                break;
            }
          pos = next;
        }
      if (pos == G_MAXUINT)
        continue;
      hit.issue = entry->index;
      hit.first = j;
      hit.last = pos;
      hit.entry = entry;
      g_array_append_val (hits, hit);
    }
}

void
_sp_suggest_find_issues (SpSuggestRun *run,
                         guint         first,
                         guint         end,
                         GArray       *hits)
{
  guint hits_before = hits->len;

  end = MIN (end, run->tokens->len);
  for (guint j = first; j < end; j++)
    {
      guint32 from = g_array_index (run->match_index, guint32, j);
      guint32 to = g_array_index (run->match_index, guint32, j + 1);

      guint hits_at_j = hits->len;

      run->work++;
      for (guint32 m = from; m < to; m++)
        {
          const SpPhraseMatch *match = &g_array_index (run->matches, SpPhraseMatch, m);
          const SpLexEntry *entry = g_ptr_array_index (run->engine->entries, match->entry);
          SpIssueHit hit;

          if (entry->kind != SP_LEX_KEYWORD || match->last >= end)
            continue;
          hit.issue = entry->index;
          hit.first = j;
          hit.last = match->last;
          hit.entry = entry;
          g_array_append_val (hits, hit);
        }
      if (g_array_index (run->engine->gap_start, guint8, g_array_index (run->tokens, SpToken, j).word))
        find_gapped (run, j, end, hits, hits_at_j);
      /* "pressure on X" for the keyword "economic pressure": the head of a two-word keyword
       * whose object is an actor */
      {
        guint32 head = g_array_index (run->engine->heads, guint32, g_array_index (run->tokens, SpToken, j).word);

        int m;

        if (head != 0 && hits->len == hits_at_j && j + 2 < end && run->engine->word_on != 0
            && g_array_index (run->tokens, SpToken, j + 1).word == run->engine->word_on
            && j + 2 < run->mention_start->len
            && (m = _sp_suggest_mention_starting_at ((const guint32 *)(gpointer) run->mention_start->data, j + 2,
                                                     run->mention_start->len)) >= 0
            && g_array_index (run->mentions, SpMention, m).actor >= 0)
          {
            const SpLexEntry *entry = g_ptr_array_index (run->engine->entries, head - 1);
            SpIssueHit hit = { entry->index, j, j, entry };

            g_array_append_val (hits, hit);
          }
      }
    }
  drop_excluded (run, hits, hits_before);
}

/* The direction of the issue's proposition (+1 or -1): the first action word after its modal
 * ("talks to settle the dispute should continue" is a going on, "the council should cede the
 * park" a giving up), or its first action word when it has no modal, or +1. When the
 * proposition is a passive that gives up or ends something ("Sanctions on Russia should be
 * eased or lifted"), @removed_words gets the vocabulary ids of the words before its modal:
 * what it removes, which a keyword names when all its words stand there (not "Ukraine should
 * cede territory", where what is given up goes to someone). */
int
_sp_suggest_issue_direction (SpSuggestEngine *engine,
                             guint            issue,
                             GArray          *removed_words)
{
  const SpCodebookIssue *i = g_ptr_array_index (engine->codebook->issues, issue);
  const char *proposition = i->public.proposition;
  g_autoptr(GString) scratch = g_string_new (NULL);
  SpSuggestRun run = { 0, };
  guint32 word_be = _sp_suggest_vocab_lookup (engine, "be", 2);
  int direction = 0;
  int first_direction = 0;
  gboolean negated = FALSE;
  guint modal = G_MAXUINT;
  guint modal_last = 0;

  g_array_set_size (removed_words, 0);
  if (proposition == NULL || *proposition == '\0')
    return 1;
  run.engine = engine;
  run.tokens = g_array_new (FALSE, TRUE, sizeof (SpToken));
  run.matches = g_array_new (FALSE, TRUE, sizeof (SpPhraseMatch));
  run.match_index = g_array_new (FALSE, TRUE, sizeof (guint32));
  _sp_suggest_tokenize (engine, proposition, 0, strlen (proposition), 0, run.tokens, scratch);
  _sp_suggest_find_phrases (&run);
  for (guint k = 0; k < run.tokens->len; k++)
    {
      const SpLexEntry *entry;
      guint last;

      if (_sp_suggest_phrase_at (&run, k, SP_LEX_NEGATION, &last) != NULL)
        {
          negated = TRUE;
          k = last;
        }
      else if (_sp_suggest_phrase_at (&run, k, SP_LEX_STANCE, &last) != NULL)
        {
          if (modal == G_MAXUINT)
            {
              modal = k;
              modal_last = last;
            }
          k = last;
        }
      else if ((entry = _sp_suggest_phrase_at (&run, k, SP_LEX_ACTION, &last)) != NULL)
        {
          int d = entry->polarity * (negated ? -1 : 1);

          negated = FALSE;
          if (first_direction == 0)
            first_direction = d;
          if (modal != G_MAXUINT)
            {
              direction = d;
              /* "… should be eased": a passive, its subject what is removed */
              if (entry->polarity < 0 && k == modal_last + 2 && word_be != 0
                  && g_array_index (run.tokens, SpToken, modal_last + 1).word == word_be)
                for (guint w = 0; w < modal; w++)
                  {
                    const SpToken *t = &g_array_index (run.tokens, SpToken, w);

                    if (t->kind == SP_TOKEN_WORD && t->word != 0)
                      g_array_append_val (removed_words, t->word);
                  }
              break;
            }
          k = last;
        }
    }
  if (direction == 0)
    direction = first_direction != 0 ? first_direction : 1;
  if (negated)
    direction = -direction;
  g_array_unref (run.tokens);
  g_array_unref (run.matches);
  g_array_unref (run.match_index);
  return direction;
}

/* Whether every word of @keyword is one of @removed_words (see _sp_suggest_issue_direction()) */
gboolean
_sp_suggest_keyword_names_removed (SpSuggestEngine *engine,
                                   const char      *keyword,
                                   GArray          *removed_words)
{
  g_autoptr(GString) scratch = NULL;
  g_autoptr(GArray) words = NULL;
  gboolean all = TRUE;

  if (removed_words->len == 0 || keyword == NULL)
    return FALSE;
  scratch = g_string_new (NULL);
  words = g_array_new (FALSE, TRUE, sizeof (SpToken));
  _sp_suggest_tokenize (engine, keyword, 0, strlen (keyword), 0, words, scratch);
  for (guint w = 0; w < words->len && all; w++)
    {
      const SpToken *t = &g_array_index (words, SpToken, w);
      gboolean found = FALSE;

      if (t->kind != SP_TOKEN_WORD)
        continue;
      for (guint r = 0; r < removed_words->len && !found; r++)
        found = t->word != 0 && g_array_index (removed_words, guint32, r) == t->word;
      all = found;
    }
  return all;
}
