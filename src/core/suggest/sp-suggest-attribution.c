/* sp-suggest-attribution.c
 *
 * Who says what in a sentence: a quotation with its speaker before (`X said: "…"`) or after
 * it (`"…," X said`, `"…," said X`), a quotation going on from the previous speaker, reported
 * speech (`X said (that) …`, `…, X said`), `according to X`, and stance verbs without a
 * reporting verb (`X rejected …`). The content is the quotation, or the clause after the
 * verb up to the next speaker; a verb's subject is the nearest mention before it, within
 * SP_SUGGEST_SUBJECT_REACH tokens and not behind a preposition. A vague source takes its
 * verb away from everyone; a sentence with no speaker is the journalist's and gives nothing.
 */
#define G_LOG_DOMAIN "sp-suggest"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "sp-suggest-private.h"

typedef struct
{
  guint first;    /* content */
  guint end;
  guint open;     /* the opening mark, G_MAXUINT when it was in an earlier sentence */
  guint close;    /* the closing mark, G_MAXUINT when it runs on */
} QuoteSpan;

/* Whether the word token @t is an adverb by its form ("firmly", "sincerely") */
static gboolean
is_adverb (SpSuggestRun  *run,
           const SpToken *t)
{
  return _sp_suggest_word_ends_with (run, t, "ly", 4);
}

/* Whether the word token @t is written in -ing ("demanding") */
static gboolean
is_gerund (SpSuggestRun  *run,
           const SpToken *t)
{
  return _sp_suggest_word_ends_with (run, t, "ing", 4);
}

/* A stance word that is neither a verb nor a noun at @i, after a copula with at most two
 * adverbs or negators between ("is ready to", "was not willing to", "remains firmly against");
 * @copula is set to the copula's token. Returns the stance word, or NULL */
static const SpLexEntry *
predicate_at (SpSuggestRun *run,
              guint         i,
              guint        *last,
              guint        *copula)
{
  const SpLexEntry *entry = _sp_suggest_phrase_at (run, i, SP_LEX_STANCE, last);

  if (entry == NULL || entry->verb || entry->noun)
    return NULL;
  for (guint d = 1; d <= 3 && d <= i; d++)
    {
      guint j = i - d;
      const SpToken *t = _sp_suggest_tok (run, j);

      run->work++;
      if (t->kind != SP_TOKEN_WORD || (t->flags & SP_TOKEN_IN_QUOTE))
        return NULL;
      if (_sp_suggest_phrase_at (run, j, SP_LEX_COPULA, NULL) != NULL)
        {
          *copula = j;
          return entry;
        }
      if (_sp_suggest_phrase_at (run, j, SP_LEX_NEGATION, NULL) == NULL && !is_adverb (run, t))
        return NULL;
    }
  return NULL;
}

/* Whether the word token @j ends a clause looking back from it: "and", "or" (unless
 * @of_object), a verb, a stance cue but a noun ("the peace plan"), or for the object of a
 * relative clause or apposition (@of_object) a condition word ("… conditional on a halt of
 * X – demands rejected by Y": what was rejected is the halt) */
static gboolean
ends_clause_before (SpSuggestRun  *run,
                    guint          j,
                    gboolean       of_object)
{
  const SpToken *t = _sp_suggest_tok (run, j);
  const SpLexEntry *cue;
  guint last;

  if (of_object)
    for (guint back = 0; back < SP_SUGGEST_MAX_PHRASE_WORDS && back <= j; back++)
      if (_sp_suggest_phrase_at (run, j - back, SP_LEX_CONDITION, &last) != NULL && last == j)
        return TRUE;
  return (!of_object && t->word != 0 && (t->word == run->word_and || t->word == run->word_or))
         || _sp_suggest_verb_at (run, j, NULL) != NULL
         || ((cue = _sp_suggest_phrase_at (run, j, SP_LEX_STANCE, NULL)) != NULL && !cue->noun);
}

static gboolean
is_clause_mark (const SpToken *t)
{
  return t->kind == SP_TOKEN_PUNCT ? strchr (",;:()[]-", t->punct) != NULL : t->kind != SP_TOKEN_WORD;
}

/* Where the clause that ends before token @end starts: back to the last break (sentence
 * start, ; : ( ) [ ], a dash, a quotation mark, another verb, a stance cue but a noun ("the
 * peace plan"), "and", "or") or comma, at most @reach tokens */
static guint
clause_start_before (SpSuggestRun *run,
                     guint         end,
                     guint         reach)
{
  guint j = end;
  guint stop = j > reach ? j - reach : 0;

  while (j > stop)
    {
      run->work++;
      if (is_clause_mark (_sp_suggest_tok (run, j - 1)) || ends_clause_before (run, j - 1, FALSE))
        break;
      j--;
    }
  return j;
}

/* Where the clause that a relative clause or an apposition opened at @mark ("…, a proposal X
 * rejected", "… – demands rejected by X") speaks about starts: back to a break, verb or cue
 * as for clause_start_before(), past "and" and "or" ("a halt of X and a suspension of Y –
 * demands …"), within SP_SUGGEST_OBJECT_CLAUSE_REACH tokens; G_MAXUINT when no such start is
 * in reach, as a clause cut short may have lost the word that governs its keyword */
static guint
object_clause_start (SpSuggestRun *run,
                     guint         mark)
{
  guint j = mark;

  for (guint d = 0; d < SP_SUGGEST_OBJECT_CLAUSE_REACH; d++, j--)
    {
      run->work++;
      if (j == 0 || is_clause_mark (_sp_suggest_tok (run, j - 1)) || ends_clause_before (run, j - 1, TRUE))
        return j;
    }
  return G_MAXUINT;
}

/* Where the clause that a passive stance verb at @v speaks of starts, at most
 * SP_SUGGEST_AGENT_REACH tokens back; a comma just before the verb opens an apposition ("the
 * plan, backed by X,"), whose clause runs on before it */
static guint
passive_clause_start (SpSuggestRun *run,
                      guint         v)
{
  if (v > 0 && _sp_suggest_is_punct (run, v - 1, ","))
    v--;
  return clause_start_before (run, v, SP_SUGGEST_AGENT_REACH);
}

/* Whether a condition word ends just before token @i (an article between is allowed: "if
 * the council …") */
static gboolean
after_condition (SpSuggestRun *run,
                 guint         i)
{
  for (guint d = 1; d <= 2 && d <= i; d++)
    {
      guint j = i - d;
      guint last;

      for (guint back = 0; back < SP_SUGGEST_MAX_PHRASE_WORDS && back <= j; back++)
        if (_sp_suggest_phrase_at (run, j - back, SP_LEX_CONDITION, &last) != NULL && last == j)
          return TRUE;
      if (_sp_suggest_phrase_at (run, j, SP_LEX_STOP, NULL) == NULL)
        return FALSE;
    }
  return FALSE;
}


/* Whether the stance verb ending at token @last has no object: only adverbs ("flatly"), or
 * one word that is no stop word, name or keyword ("outright"), stand between it and the end
 * of its clause */
static gboolean
verb_ends_clause (SpSuggestRun  *run,
                  const guint32 *mention_start,
                  guint          last)
{
  guint n = run->tokens->len;
  gboolean word_seen = FALSE;

  for (guint j = last + 1; j < n; j++)
    {
      const SpToken *t = _sp_suggest_tok (run, j);

      run->work++;
      if (t->kind == SP_TOKEN_PUNCT)
        return strchr (".;,!?-", t->punct) != NULL;
      if (t->kind != SP_TOKEN_WORD)
        return FALSE;
      if (is_adverb (run, t))
        continue;
      if (word_seen || _sp_suggest_mention_starting_at (mention_start, j, n) >= 0
          || _sp_suggest_phrase_at (run, j, SP_LEX_STOP, NULL) != NULL
          || _sp_suggest_phrase_at (run, j, SP_LEX_PRONOUN, NULL) != NULL
          || _sp_suggest_phrase_at (run, j, SP_LEX_KEYWORD, NULL) != NULL)
        return FALSE;
      word_seen = TRUE;
    }
  return TRUE;
}

/* "…, a proposal X has flatly rejected", "…, something X and Y rejected outright", "…,
 * which X opposes": the comma or dash that opens the relative clause whose subject is the
 * mention @m (with the mentions listed before it), or G_MAXUINT. One to three words stand
 * between the mark and the subject, the first an article, "which", "that", "something" or
 * "what", none a verb, a name or a keyword. */
static guint
relative_clause_mark (SpSuggestRun  *run,
                      const guint32 *mention_end,
                      int            m)
{
  guint j;
  int co;

  for (guint c = 0; c < SP_SUGGEST_MAX_COORDINATED && (co = _sp_suggest_coordinated_before (run, mention_end, m)) >= 0; c++)
    m = co;
  j = g_array_index (run->mentions, SpMention, m).first;
  for (guint words = 0; words <= 3 && j > 1; words++, j--)
    {
      const SpToken *t = _sp_suggest_tok (run, j - 1);
      guint32 opener;

      run->work++;
      if (t->kind == SP_TOKEN_PUNCT)
        {
          if (words == 0 || strchr (",-", t->punct) == NULL)
            return G_MAXUINT;
          opener = _sp_suggest_tok (run, j)->word;
          if (opener == 0
              || (opener != run->word_the && opener != run->word_a && opener != run->word_an
                  && opener != run->word_which && opener != run->word_that
                  && opener != run->word_something && opener != run->word_what))
            return G_MAXUINT;
          return j - 1;
        }
      if (t->kind != SP_TOKEN_WORD || _sp_suggest_verb_at (run, j - 1, NULL) != NULL
          || _sp_suggest_mention_ending_at (mention_end, j - 1) >= 0
          || _sp_suggest_phrase_at (run, j - 1, SP_LEX_KEYWORD, NULL) != NULL
          || _sp_suggest_phrase_at (run, j - 1, SP_LEX_NEGATION, NULL) != NULL)
        return G_MAXUINT;
    }
  return G_MAXUINT;
}

/* The comma or dash before the verb at @v when at most three words stand between that
 * name a stance ("…, a demand rejected by X", "… – demands backed by X"): one of them a
 * stance noun, none a keyword; G_MAXUINT otherwise */
static guint
stance_apposition (SpSuggestRun *run,
                   guint         v)
{
  gboolean noun = FALSE;

  for (guint d = 1; d <= 4 && d <= v; d++)
    {
      guint j = v - d;
      guint last;

      run->work++;
      if (_sp_suggest_is_punct (run, j, ",-"))
        return noun && d > 1 ? j : G_MAXUINT;
      if (_sp_suggest_tok (run, j)->kind != SP_TOKEN_WORD || _sp_suggest_phrase_at (run, j, SP_LEX_KEYWORD, NULL) != NULL)
        return G_MAXUINT;
      if (_sp_suggest_noun_at (run, j, &last) != NULL)
        noun = TRUE;
    }
  return G_MAXUINT;
}

/* The stance noun starting at @i, or NULL; @last is set to its last token */
const SpLexEntry *
_sp_suggest_noun_at (SpSuggestRun *run,
                     guint         i,
                     guint        *last)
{
  guint32 from = g_array_index (run->match_index, guint32, i);
  guint32 to = g_array_index (run->match_index, guint32, i + 1);

  for (guint32 m = from; m < to; m++)
    {
      const SpPhraseMatch *match = &g_array_index (run->matches, SpPhraseMatch, m);
      const SpLexEntry *entry = g_ptr_array_index (run->engine->entries, match->entry);

      if (entry->kind == SP_LEX_STANCE && entry->noun)
        {
          *last = match->last;
          return entry;
        }
    }
  return NULL;
}

/* The owner of the stance noun at @k: a possessive mention ("X's demand"), a mention
 * after an article ("a X proposal"), or one actor just before a noun in the form of a verb
 * ("another US demand"), with at most SP_SUGGEST_NOUN_GAP words between that
 * are no cue, verb or stop word ("X's aggression and demands" is two phrases); -1 if none. @first is set to the first token after the owner. */
static int
noun_owner (SpSuggestRun  *run,
            const guint32 *mention_end,
            guint          k,
            guint         *first)
{
  for (guint d = 1; d <= SP_SUGGEST_NOUN_GAP + 1 && d <= k; d++)
    {
      guint j = k - d;
      const SpToken *t = _sp_suggest_tok (run, j);
      int m;

      run->work++;
      if (t->kind != SP_TOKEN_WORD || (t->flags & SP_TOKEN_IN_QUOTE))
        return -1;
      if ((m = _sp_suggest_mention_ending_at (mention_end, j)) >= 0)
        {
          const SpMention *mention = &g_array_index (run->mentions, SpMention, m);
          const SpToken *before = mention->first > 0 ? _sp_suggest_tok (run, mention->first - 1) : NULL;

          if (mention->kind == SP_MENTION_VAGUE || mention->kind == SP_MENTION_PRONOUN)
            return -1;
          /* "another US demand": one actor before a stance noun that could be a verb but
           * for its form owns it */
          if (d == 1 && _sp_suggest_is_base_form (run, k) && _sp_suggest_is_singular (run, mention))
            {
              *first = k;
              return m;
            }
          if (!(t->flags & SP_TOKEN_POSSESSIVE)
              && (before == NULL || before->kind != SP_TOKEN_WORD || before->word == 0
                  || (before->word != run->word_a && before->word != run->word_an && before->word != run->word_the)))
            return -1;
          *first = j + 1;
          return m;
        }
      if (_sp_suggest_verb_at (run, j, NULL) != NULL || _sp_suggest_phrase_at (run, j, SP_LEX_STANCE, NULL) != NULL
          || _sp_suggest_phrase_at (run, j, SP_LEX_NEGATION, NULL) != NULL
          || _sp_suggest_phrase_at (run, j, SP_LEX_STOP, NULL) != NULL
          || _sp_suggest_phrase_at (run, j, SP_LEX_CLAUSE, NULL) != NULL
          || _sp_suggest_phrase_at (run, j, SP_LEX_PREPOSITION, NULL) != NULL)
        return -1;
    }
  return -1;
}

/* Where a stance noun's clause ends: at a break, a quotation mark, a clause word or the
 * next verb */
static guint
noun_clause_end (SpSuggestRun *run,
                 guint         from)
{
  guint n = run->tokens->len;

  /* "on X's insistence, …": the noun ends its phrase */
  if (_sp_suggest_is_punct (run, from, ","))
    return from;

  for (guint j = from; j < n; j++)
    {
      const SpToken *t = _sp_suggest_tok (run, j);

      run->work++;
      if (t->kind == SP_TOKEN_PUNCT && strchr (".;:!?()[]", t->punct) != NULL)
        return j;
      if (t->kind != SP_TOKEN_WORD && t->kind != SP_TOKEN_PUNCT)
        return j;
      if (t->kind == SP_TOKEN_WORD
          && (_sp_suggest_verb_at (run, j, NULL) != NULL || _sp_suggest_phrase_at (run, j, SP_LEX_CLAUSE, NULL) != NULL))
        return j;
    }
  return n;
}

static void
add_attribution (SpSuggestRun *run,
                 SpAttrKind    kind,
                 int           mention,
                 guint         verb,
                 const SpLexEntry *verb_entry,
                 guint         first,
                 guint         end)
{
  SpAttribution attr = {
    .kind = kind,
    .mention = mention >= 0 ? (guint) mention : G_MAXUINT,
    .actor = -1,
    .verb = verb,
    .verb_entry = verb_entry,
    .first = first,
    .end = end,
  };

  if (mention >= 0)
    {
      const SpMention *m = &g_array_index (run->mentions, SpMention, mention);

      attr.actor = m->actor;
      attr.subject = m->first;
      if (m->kind == SP_MENTION_VAGUE)
        return;
      /* "if X agrees to …", "unless X rejects …": a hypothesis, not X's stance */
      if ((_sp_attr_kind_is_cue (kind) || kind == SP_ATTR_REPORTED) && verb > m->last
          && after_condition (run, m->first))
        return;
    }
  else
    {
      attr.actor = run->last_speaker;
      attr.subject = first;
    }
  if (first >= end)
    return;
  g_array_append_val (run->attrs, attr);
  /* "the two sides agreed": the other of the pair says it too */
  if (mention >= 0 && g_array_index (run->mentions, SpMention, mention).actor2 >= 0)
    {
      attr.actor = g_array_index (run->mentions, SpMention, mention).actor2;
      g_array_append_val (run->attrs, attr);
    }
}

/* The speaker of a quotation: after its closing mark, or before its opening one */
static gboolean
quote_speaker (SpSuggestRun      *run,
               const guint32     *mention_start,
               const guint32     *mention_end,
               const QuoteSpan   *span,
               int               *mention,
               guint             *verb,
               const SpLexEntry **verb_entry)
{
  guint n = run->tokens->len;
  guint last;

  if (span->close != G_MAXUINT)
    {
      guint q = span->close + 1;
      int m;

      while (_sp_suggest_is_punct (run, q, ",-"))
        q++;
      /* "…," X said */
      if ((m = _sp_suggest_mention_starting_at (mention_start, q, n)) >= 0)
        {
          const SpMention *mm = &g_array_index (run->mentions, SpMention, m);

          for (guint v = mm->last + 1; v <= mm->last + 2 && v < n; v++)
            if ((*verb_entry = _sp_suggest_phrase_at (run, v, SP_LEX_REPORT, &last)) != NULL)
              {
                /* "On “Sunday Show,” X said the …": a short quotation before a verb whose
                 * content follows it is a name */
                if (last + 1 < n && _sp_suggest_tok (run, last + 1)->kind == SP_TOKEN_WORD
                    && span->end - span->first <= SP_SUGGEST_NAME_QUOTE)
                  break;
                *mention = m;
                *verb = v;
                return TRUE;
              }
        }
      /* "…," said X */
      if ((*verb_entry = _sp_suggest_phrase_at (run, q, SP_LEX_REPORT, &last)) != NULL
          && (m = _sp_suggest_mention_starting_at (mention_start, last + 1, n)) >= 0)
        {
          *mention = m;
          *verb = q;
          return TRUE;
        }
    }
  if (span->open != G_MAXUINT && span->open > 0)
    {
      /* X said: "…" / X said that "…" */
      guint from = span->open > 4 ? span->open - 4 : 0;

      for (guint v = span->open; v-- > from;)
        {
          run->work++;
          if ((*verb_entry = _sp_suggest_phrase_at (run, v, SP_LEX_REPORT, &last)) != NULL
              && last + 3 >= span->open)
            {
              int m = _sp_suggest_find_subject (run, mention_end, v);

              if (m >= 0)
                {
                  *mention = m;
                  *verb = v;
                  return TRUE;
                }
              return FALSE;
            }
        }
    }
  return FALSE;
}

static int
compare_by_subject (gconstpointer a,
                    gconstpointer b)
{
  const SpAttribution *x = a;
  const SpAttribution *y = b;

  if (x->subject != y->subject)
    return x->subject < y->subject ? -1 : 1;
  return x->first < y->first ? -1 : x->first > y->first;
}

void
_sp_suggest_attribute (SpSuggestRun *run)
{
  guint n = run->tokens->len;
  guint32 *mention_start;
  guint32 *mention_end;
  g_autofree guint8 *consumed = g_new0 (guint8, n + 1);
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (QuoteSpan));
  g_autoptr(GArray) nouns = g_array_new (FALSE, FALSE, sizeof (SpAttribution));
  gboolean in_quote = run->quote_open;
  guint span_first = 0;
  guint span_open = G_MAXUINT;
  guint n_plain;

  g_array_set_size (run->attrs, 0);
  g_array_set_size (run->mention_start, n + 1);
  g_array_set_size (run->mention_end, n + 1);
  mention_start = (guint32 *)(gpointer) run->mention_start->data;
  mention_end = (guint32 *)(gpointer) run->mention_end->data;
  memset (mention_start, 0, (n + 1) * sizeof *mention_start);
  memset (mention_end, 0, (n + 1) * sizeof *mention_end);
  for (guint m = 0; m < run->mentions->len; m++)
    {
      const SpMention *mention = &g_array_index (run->mentions, SpMention, m);

      mention_start[mention->first] = m + 1;
      mention_end[mention->last] = m + 1;
    }

  /* quotations: pair the marks, carrying an open one over from the last sentence */
  for (guint k = 0; k < n; k++)
    {
      SpToken *t = &g_array_index (run->tokens, SpToken, k);
      gboolean opens = t->kind == SP_TOKEN_QUOTE_OPEN || (t->kind == SP_TOKEN_QUOTE && !in_quote);
      gboolean closes = t->kind == SP_TOKEN_QUOTE_CLOSE || (t->kind == SP_TOKEN_QUOTE && in_quote);

      run->work++;
      if (opens && !in_quote)
        {
          in_quote = TRUE;
          span_first = k + 1;
          span_open = k;
        }
      else if (closes && in_quote)
        {
          QuoteSpan span = { span_first, k, span_open, k };

          g_array_append_val (spans, span);
          in_quote = FALSE;
        }
      else if (in_quote)
        t->flags |= SP_TOKEN_IN_QUOTE;
    }
  if (in_quote)
    {
      QuoteSpan span = { span_first, n, span_open, G_MAXUINT };

      g_array_append_val (spans, span);
    }
  run->quote_open = in_quote;

  for (guint s = 0; s < spans->len; s++)
    {
      const QuoteSpan *span = &g_array_index (spans, QuoteSpan, s);
      const SpLexEntry *verb_entry = NULL;
      guint verb = G_MAXUINT;
      int m = -1;

      if (span->first >= span->end)
        continue;
      if (quote_speaker (run, mention_start, mention_end, span, &m, &verb, &verb_entry))
        {
          const SpMention *mention = &g_array_index (run->mentions, SpMention, m);

          add_attribution (run, SP_ATTR_QUOTE_SAID, m, verb, verb_entry, span->first, span->end);
          /* "X said he expected “progress” at the talks": a quoted phrase inside reported
           * speech leaves the verb its clause */
          if (verb > span->first || span->close == G_MAXUINT || span->close + 1 >= n
              || _sp_suggest_is_punct (run, span->close + 1, ".!?") || _sp_suggest_tok (run, span->close + 1)->kind != SP_TOKEN_WORD)
            consumed[verb] = 1;
          if (mention->kind != SP_MENTION_VAGUE)
            run->last_speaker = mention->actor;
        }
      else if ((span->open == G_MAXUINT || span->open == 0) && run->last_speaker >= 0)
        add_attribution (run, SP_ATTR_QUOTE_CONTINUED, -1, G_MAXUINT, NULL, span->first, span->end);
    }

  /* reported speech, stance verbs and "according to", outside quotations */
  n_plain = run->attrs->len;
  for (guint k = 0; k < n; k++)
    {
      const SpToken *t = _sp_suggest_tok (run, k);
      const SpLexEntry *entry;
      gboolean by_gerund;
      guint last;
      int m;

      if (t->kind != SP_TOKEN_WORD || (t->flags & SP_TOKEN_IN_QUOTE) || consumed[k])
        continue;

      if ((entry = _sp_suggest_phrase_at (run, k, SP_LEX_ACCORDING, &last)) != NULL)
        {
          guint q = last + 1;

          if ((m = _sp_suggest_mention_starting_at (mention_start, q, n)) >= 0)
            {
              const SpMention *mention = &g_array_index (run->mentions, SpMention, m);
              guint after = mention->last + 1;

              while (_sp_suggest_is_punct (run, after, ","))
                after++;
              if (k == 0)
                add_attribution (run, SP_ATTR_ACCORDING, m, k, entry, after, n);
              else
                add_attribution (run, SP_ATTR_ACCORDING, m, k, entry, 0, _sp_suggest_is_punct (run, k - 1, ",") ? k - 1 : k);
              k = mention->last;
            }
          continue;
        }

      /* a noun's owner is no speaker: its clause is inside another's, cut by none */
      if ((entry = _sp_suggest_noun_at (run, k, &last)) != NULL && !((t->flags & SP_TOKEN_CAP) && !(t->flags & SP_TOKEN_FIRST)))
        {
          guint first = k;

          if ((m = noun_owner (run, mention_end, k, &first)) >= 0)
            {
              guint n_before = run->attrs->len;

              add_attribution (run, SP_ATTR_STANCE_NOUN, m, k, entry, first, noun_clause_end (run, last + 1));
              if (run->attrs->len > n_before)
                {
                  g_array_append_val (nouns, g_array_index (run->attrs, SpAttribution, n_before));
                  g_array_set_size (run->attrs, n_before);
                }
            }
        }

      /* "X is ready to …", "X remains firmly against …": the copula's subject holds the
       * stance */
      {
        guint copula;

        if ((entry = predicate_at (run, k, &last, &copula)) != NULL)
          {
            if ((m = _sp_suggest_find_subject (run, mention_end, copula)) >= 0)
              add_attribution (run, SP_ATTR_STANCE_WORD, m, k, entry, k, n);
            k = last;
            continue;
          }
      }

      if ((entry = _sp_suggest_verb_at (run, k, &last)) == NULL)
        continue;

      /* "Y accused X of undermining …": what X is said to do, in another's words */
      if (entry->kind == SP_LEX_STANCE && k > 1 && run->word_of != 0 && _sp_suggest_tok (run, k - 1)->word == run->word_of
          && _sp_suggest_mention_ending_at (mention_end, k - 2) >= 0
          && is_gerund (run, t))
        {
          k = last;
          continue;
        }

      /* "the plan was rejected by X", "the truce, backed by X,": the agent holds the stance
       * on the clause before the verb */
      if (entry->kind == SP_LEX_STANCE && run->word_by != 0 && last + 2 < n
          && _sp_suggest_tok (run, last + 1)->word == run->word_by
          && (m = _sp_suggest_mention_starting_at (mention_start, last + 2, n)) >= 0)
        {
          const SpMention *agent = &g_array_index (run->mentions, SpMention, m);
          guint mark = stance_apposition (run, k);
          guint first;

          if (mark != G_MAXUINT)
            {
              /* "…, a demand rejected by X": what was demanded is the clause before the
               * comma, and the verb speaks about it from after it */
              first = object_clause_start (run, mark);
              if (first < mark)
                add_attribution (run, SP_ATTR_OBJECT_BEFORE, m, k, entry, first, mark);
            }
          else if ((first = passive_clause_start (run, k)) < k)
            add_attribution (run, SP_ATTR_PASSIVE, m, k, entry, first, last + 1);
          k = agent->last;
          continue;
        }

      /* "…, a proposal X has flatly rejected.": a stance verb with no object of its own
       * speaks of the clause before its subject's relative clause, which is its content */
      if (entry->kind == SP_LEX_STANCE && (m = _sp_suggest_find_subject (run, mention_end, k)) >= 0
          && verb_ends_clause (run, mention_start, last))
        {
          guint mark = relative_clause_mark (run, mention_end, m);
          guint first = mark != G_MAXUINT ? object_clause_start (run, mark) : G_MAXUINT;

          if (first < mark)
            {
              int co = m;

              add_attribution (run, SP_ATTR_OBJECT_BEFORE, m, k, entry, first, mark);
              for (guint c = 0; c < SP_SUGGEST_MAX_COORDINATED && (co = _sp_suggest_coordinated_before (run, mention_end, co)) >= 0; c++)
                add_attribution (run, SP_ATTR_OBJECT_BEFORE, co, k, entry, first, mark);
              k = last;
              continue;
            }
        }

      /* "… by calling for …": the means of the clause's subject, not of the name nearest */
      by_gerund = k > 1 && run->word_by != 0 && _sp_suggest_tok (run, k - 1)->word == run->word_by && is_gerund (run, t);
      if (by_gerund)
        m = -1;
      else if ((m = _sp_suggest_find_subject (run, mention_end, k)) < 0
               && (m = _sp_suggest_subject_before_apposition (run, mention_end, k)) < 0)
        m = _sp_suggest_subject_in_apposition (run, mention_end, k);
      /* "X rejected the plan, saying …", "…, demanding …", "X said …, and threatened to
       * …", "X answered by calling for …": the subject of the clause before */
      if (m < 0 && k > 1 && run->attrs->len > n_plain && last + 1 < n && _sp_suggest_tok (run, last + 1)->kind == SP_TOKEN_WORD
          && ((_sp_suggest_is_punct (run, k - 1, ",") && (entry->kind == SP_LEX_REPORT || is_gerund (run, t)))
              || by_gerund
              || (_sp_suggest_tok (run, k - 1)->word == run->word_and && run->word_and != 0 && _sp_suggest_is_punct (run, k - 2, ","))))
        {
          SpAttribution *before = &g_array_index (run->attrs, SpAttribution, run->attrs->len - 1);

          if (before->mention != G_MAXUINT && before->verb < k && before->first <= k)
            {
              m = (int) before->mention;
              /* the clause before ends at the comma */
              before->end = MIN (before->end, k - 1);
            }
        }
      if (m >= 0)
        {
          const SpMention *mention = &g_array_index (run->mentions, SpMention, m);
          int co = m;

          /* what analysts say is nobody's, whoever they say it about */
          if (mention->kind == SP_MENTION_VAGUE && entry->kind == SP_LEX_REPORT)
            break;
          /* the others of a list of subjects say it too */
          for (guint c = 0; c < SP_SUGGEST_MAX_COORDINATED && (co = _sp_suggest_coordinated_before (run, mention_end, co)) >= 0; c++)
            {
              guint first = last + 1;

              if (first < n && _sp_suggest_tok (run, first)->word == run->word_that && run->word_that != 0)
                first++;
              if (entry->kind == SP_LEX_STANCE)
                add_attribution (run, SP_ATTR_STANCE_VERB, co, k, entry, k, n);
              else
                add_attribution (run, SP_ATTR_REPORTED, co, k, entry, first, n);
            }
          if (entry->kind == SP_LEX_STANCE)
            add_attribution (run, SP_ATTR_STANCE_VERB, m, k, entry, k, n);
          else if (mention->first > 0 && _sp_suggest_is_punct (run, mention->first - 1, ",")
                   && (last + 1 >= n || _sp_suggest_is_punct (run, last + 1, ".!?")))
            /* "…, X said." */
            add_attribution (run, SP_ATTR_REPORTED, m, k, entry, 0, mention->first - 1);
          else if (mention->first > 0 && _sp_suggest_is_punct (run, mention->first - 1, ",")
                   && _sp_suggest_is_punct (run, last + 1, ","))
            {
              /* "…, X said, …": the sentence around the aside, the aside with it (a
               * reporting verb is no cue) */
              add_attribution (run, SP_ATTR_REPORTED, m, k, entry, 0, n);
            }
          else
            {
              guint first = last + 1;

              if (first < n && _sp_suggest_tok (run, first)->word == run->word_that && run->word_that != 0)
                first++;
              add_attribution (run, SP_ATTR_REPORTED, m, k, entry, first, n);
            }
        }
      else if (entry->kind == SP_LEX_REPORT && k > 0 && _sp_suggest_is_punct (run, k - 1, ",")
               && (m = _sp_suggest_mention_starting_at (mention_start, last + 1, n)) >= 0)
        /* "…, said X" */
        add_attribution (run, SP_ATTR_REPORTED, m, k, entry, 0, k - 1);
      k = last;
    }

  /* a clause after a verb ends where the next speaker begins */
  if (run->attrs->len > n_plain + 1)
    {
      SpAttribution *plain = &g_array_index (run->attrs, SpAttribution, n_plain);
      guint count = run->attrs->len - n_plain;

      qsort (plain, count, sizeof (SpAttribution), compare_by_subject);
      for (guint a = 0; a + 1 < count; a++)
        if (plain[a + 1].subject > plain[a].first && plain[a + 1].subject < plain[a].end)
          plain[a].end = plain[a + 1].subject;
    }
  g_array_append_vals (run->attrs, nouns->data, nouns->len);
}
