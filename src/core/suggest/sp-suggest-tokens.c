/* sp-suggest-tokens.c
 *
 * A sentence's words and marks, and the phrases of the lexicons and the codebook that stand
 * in it. Words are runs of letters and digits (with inner apostrophes, and the dots of
 * "U.S."); hyphens and spaces separate them; "'s" and a final apostrophe make a word
 * possessive; "n't" is a word of its own. Quotation marks are tokens: typographic ones say
 * whether they open or close, a straight one is decided by the spaces around it.
 * One pass over the bytes, one hash lookup a word, and a trie walk from each word that starts
 * a phrase, never longer than SP_SUGGEST_MAX_PHRASE_WORDS.
 */
#define G_LOG_DOMAIN "sp-suggest"

#include "config.h"

#include <string.h>

#include "sp-suggest-private.h"

static inline gboolean
is_space (gunichar c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xa0 || c == 0x2009
         || c == 0x202f || c == 0x200b;
}

static inline gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019;
}

static void
push_word (SpSuggestEngine *engine,
           const char      *body,
           GArray          *tokens,
           GString         *scratch,
           SpToken         *token,
           guint            n_apostrophe_bytes)
{
  const char *word = body + token->byte_start;
  gsize len = token->byte_end - token->byte_start;
  gboolean cap;
  gboolean all_caps = TRUE;
  guint n_letters = 0;

  /* "Putin's", "allies'": the word without its possessive ending */
  if (len > n_apostrophe_bytes + 1 && n_apostrophe_bytes > 0
      && (word[len - 1] == 's' || word[len - 1] == 'S')
      && is_apostrophe (g_utf8_get_char (g_utf8_prev_char (word + len - 1))))
    {
      len -= 1 + n_apostrophe_bytes;
      token->flags |= SP_TOKEN_POSSESSIVE;
    }
  else if (len > n_apostrophe_bytes && n_apostrophe_bytes > 0
           && is_apostrophe (g_utf8_get_char (g_utf8_prev_char (word + len))))
    {
      len -= n_apostrophe_bytes;
      token->flags |= SP_TOKEN_POSSESSIVE;
    }

  cap = g_unichar_isupper (g_utf8_get_char (word));
  for (gsize i = 0; i < len && i < 16; i++)
    {
      if (g_ascii_islower (word[i]))
        all_caps = FALSE;
      else if (g_ascii_isupper (word[i]))
        n_letters++;
    }
  if (cap)
    token->flags |= SP_TOKEN_CAP;
  if (all_caps && n_letters >= 2)
    token->flags |= SP_TOKEN_ALL_CAPS;

  if (len > SP_SUGGEST_MAX_WORD_BYTES)
    token->word = 0;
  else
    {
      _sp_suggest_fold (word, len, scratch);
      /* "don't" -> "do" "n't" */
      if (scratch->len > 3 && g_str_has_suffix (scratch->str, "n't"))
        {
          SpToken neg = *token;

          g_string_truncate (scratch, scratch->len - 3);
          token->word = _sp_suggest_vocab_lookup (engine, scratch->str, scratch->len);
          g_array_append_vals (tokens, token, 1);
          neg.flags = 0;
          neg.word = _sp_suggest_vocab_lookup (engine, "n't", 3);
          g_array_append_val (tokens, neg);
          return;
        }
      token->word = _sp_suggest_vocab_lookup (engine, scratch->str, scratch->len);
    }
  g_array_append_vals (tokens, token, 1);
}

void
_sp_suggest_tokenize (SpSuggestEngine *engine,
                      const char      *body,
                      gsize            byte_start,
                      gsize            byte_end,
                      guint32          char_start,
                      GArray          *tokens,
                      GString         *scratch)
{
  gsize i = byte_start;
  guint32 chars = char_start;
  gboolean space_before = TRUE;
  gboolean first_word = TRUE;

  while (i < byte_end)
    {
      guchar b = body[i];
      gunichar c;
      gsize clen;
      SpToken token = { 0, };

      if (b < 0x80)
        {
          c = b;
          clen = 1;
        }
      else
        {
          c = g_utf8_get_char (body + i);
          clen = g_utf8_next_char (body + i) - (body + i);
          if (i + clen > byte_end)
            break;
        }

      if (is_space (c))
        {
          space_before = TRUE;
          i += clen;
          chars++;
          continue;
        }

      token.byte_start = i;
      token.char_start = chars;
      if (space_before)
        token.flags |= SP_TOKEN_SPACE_BEFORE;

      if (g_unichar_isalnum (c))
        {
          guint n_apostrophe_bytes = 0;

          /* a word: letters, digits, inner apostrophes, the dots of an abbreviation */
          while (i < byte_end)
            {
              gunichar d;
              gsize dlen;

              if ((guchar) body[i] < 0x80)
                {
                  d = (guchar) body[i];
                  dlen = 1;
                }
              else
                {
                  d = g_utf8_get_char (body + i);
                  dlen = g_utf8_next_char (body + i) - (body + i);
                  if (i + dlen > byte_end)
                    break;
                }
              if (g_unichar_isalnum (d))
                {
                  i += dlen;
                  chars++;
                  continue;
                }
              if (is_apostrophe (d) || d == '.')
                {
                  gboolean letter_after = FALSE;

                  if (i + dlen < byte_end)
                    {
                      gunichar e = g_utf8_get_char (body + i + dlen);

                      letter_after = g_unichar_isalpha (e);
                    }
                  if (d == '.')
                    {
                      /* "U.S.": a dot between single letters, and the one after them */
                      gboolean single = i >= 1 && i - 1 >= token.byte_start
                                        && (i - 1 == token.byte_start || body[i - 2] == '.');

                      if (single && (letter_after || memchr (body + token.byte_start, '.', i - token.byte_start) != NULL))
                        {
                          i += dlen;
                          chars++;
                          continue;
                        }
                      break;
                    }
                  /* an apostrophe inside a word, or a possessive one after an s */
                  if (letter_after || (i > token.byte_start && (body[i - 1] == 's' || body[i - 1] == 'S')))
                    {
                      n_apostrophe_bytes = dlen;
                      i += dlen;
                      chars++;
                      continue;
                    }
                }
              break;
            }
          token.byte_end = i;
          token.char_end = chars;
          token.kind = SP_TOKEN_WORD;
          if (first_word)
            token.flags |= SP_TOKEN_FIRST;
          first_word = FALSE;
          push_word (engine, body, tokens, scratch, &token, n_apostrophe_bytes);
          space_before = FALSE;
          continue;
        }

      i += clen;
      chars++;
      token.byte_end = i;
      token.char_end = chars;
      switch (c)
        {
        case 0x201c: /* “ */
        case 0x201e: /* „ */
        case 0x00ab: /* « */
          token.kind = SP_TOKEN_QUOTE_OPEN;
          break;
        case 0x201d: /* ” */
        case 0x00bb: /* » */
          token.kind = SP_TOKEN_QUOTE_CLOSE;
          break;
        case '"':
          {
            gboolean space_after = i >= byte_end || is_space ((guchar) body[i]);

            if (space_before && !space_after)
              token.kind = SP_TOKEN_QUOTE_OPEN;
            else if (!space_before && space_after)
              token.kind = SP_TOKEN_QUOTE_CLOSE;
            else if (!space_before && i < byte_end && strchr (".,;:!?)", body[i]) != NULL)
              token.kind = SP_TOKEN_QUOTE_CLOSE;
            else
              token.kind = SP_TOKEN_QUOTE;
          }
          break;
        case 0x2014: /* — */
        case 0x2013: /* – */
          token.kind = SP_TOKEN_PUNCT;
          token.punct = '-';
          break;
        case '-':
          /* a hyphen inside a word only separates; a free-standing one is a dash */
          if (!space_before)
            {
              space_before = FALSE;
              continue;
            }
          token.kind = SP_TOKEN_PUNCT;
          token.punct = '-';
          break;
        default:
          if (c < 0x80 && strchr (",;:.!?()[]", (int) c) != NULL)
            {
              token.kind = SP_TOKEN_PUNCT;
              token.punct = (char) c;
            }
          else
            {
              /* other signs are spaces to us */
              space_before = TRUE;
              continue;
            }
          break;
        }
      space_before = FALSE;
      g_array_append_val (tokens, token);
    }
}

/* Whether @t is a word of more than @min_bytes bytes that ends in the ASCII @suffix, in
 * either case: the forms the engine reads from spelling ("firmly", "demanding", "rejected") */
gboolean
_sp_suggest_word_ends_with (SpSuggestRun  *run,
                            const SpToken *t,
                            const char    *suffix,
                            gsize          min_bytes)
{
  gsize len = t->byte_end - t->byte_start;
  gsize n = strlen (suffix);

  return t->kind == SP_TOKEN_WORD && len > min_bytes && len >= n
         && g_ascii_strncasecmp (run->body + t->byte_end - n, suffix, n) == 0;
}

/* Whether @t is the word @word, or its first word when it has several ("rule" of "rule out"),
 * in either case */
gboolean
_sp_suggest_word_is (SpSuggestRun  *run,
                     const SpToken *t,
                     const char    *word)
{
  gsize n = strcspn (word, " ");

  return t->kind == SP_TOKEN_WORD && t->byte_end - t->byte_start == n
         && g_ascii_strncasecmp (run->body + t->byte_start, word, n) == 0;
}

/* ---- phrases ---- */

/* Whether @t is a capitalised word inside its sentence */
static gboolean
is_name_word (const SpToken *t)
{
  return t->kind == SP_TOKEN_WORD && (t->flags & SP_TOKEN_CAP) && !(t->flags & SP_TOKEN_FIRST);
}

/* Whether the sentence is written in title case, as headlines are: three in four of its words
 * of four letters or more after the first capitalised, and at least three of them */
static gboolean
is_title_case (const SpToken *tokens,
               guint          n)
{
  guint words = 0;
  guint capitalised = 0;

  for (guint i = 0; i < n; i++)
    if (tokens[i].kind == SP_TOKEN_WORD && !(tokens[i].flags & SP_TOKEN_FIRST)
        && tokens[i].byte_end - tokens[i].byte_start >= 4)
      {
        words++;
        if (tokens[i].flags & SP_TOKEN_CAP)
          capitalised++;
      }
  return capitalised >= 3 && capitalised * 4 >= words * 3;
}

static gboolean
is_quote_mark (const SpToken *token)
{
  return token->kind == SP_TOKEN_QUOTE_OPEN || token->kind == SP_TOKEN_QUOTE_CLOSE || token->kind == SP_TOKEN_QUOTE;
}

static gboolean
entry_fits (const SpLexEntry *entry,
            const SpToken    *tokens,
            guint             n,
            gboolean          title_case,
            guint             first,
            guint             last)
{
  /* a common word capitalised between capitalised words is part of a name: "arms" in the
   * "Strategic Arms Reduction Treaty"; in a headline, every word is */
  if (entry->common && !title_case && is_name_word (&tokens[first])
      && ((first > 0 && is_name_word (&tokens[first - 1])) || (last + 1 < n && is_name_word (&tokens[last + 1]))))
    return FALSE;
  if (entry->exact_case)
    {
      for (guint k = first; k <= last; k++)
        if (!(tokens[k].flags & SP_TOKEN_ALL_CAPS))
          return FALSE;
    }
  else if (entry->needs_cap && !(tokens[first].flags & SP_TOKEN_CAP))
    return FALSE;
  return TRUE;
}

void
_sp_suggest_find_phrases (SpSuggestRun *run)
{
  SpSuggestEngine *engine = run->engine;
  SpToken *tokens = (SpToken *)(gpointer)run->tokens->data;
  guint n = run->tokens->len;
  gboolean title_case = is_title_case (tokens, n);

  g_array_set_size (run->matches, 0);
  g_array_set_size (run->match_index, n + 1);

  for (guint i = 0; i < n; i++)
    {
      guint32 best_node[SP_LEX_N_KINDS];
      guint best_last[SP_LEX_N_KINDS];
      guint32 seen = 0;
      guint32 node;

      g_array_index (run->match_index, guint32, i) = run->matches->len;
      if (tokens[i].kind != SP_TOKEN_WORD || tokens[i].word == 0)
        continue;

      node = 0;
      for (guint j = i; j < n && j - i < SP_SUGGEST_MAX_PHRASE_WORDS; j++)
        {
          const SpTrieNode *trie;

          run->work++;
          if (tokens[j].kind != SP_TOKEN_WORD)
            {
              /* a quotation mark between two words of a phrase: "was “sincerely
               * interested” in …" is "interested in" */
              if (j > i && is_quote_mark (&tokens[j]) && j + 1 < n && tokens[j + 1].kind == SP_TOKEN_WORD)
                continue;
              break;
            }
          if ((node = _sp_suggest_trie_step (engine, node, tokens[j].word)) == 0)
            break;
          trie = &g_array_index (engine->nodes, SpTrieNode, node);
          for (guint e = 0; e < trie->n_entries; e++)
            {
              guint32 index = g_array_index (engine->node_entries, guint32, trie->first_entry + e);
              const SpLexEntry *entry = g_ptr_array_index (engine->entries, index);

              if (!entry_fits (entry, tokens, n, title_case, i, j))
                continue;
              best_node[entry->kind] = node;
              best_last[entry->kind] = j;
              seen |= SP_LEX_BIT (entry->kind);
            }
          /* a possessive ends a phrase: "Ukraine's foreign minister" is two */
          if (!trie->has_children || (tokens[j].flags & SP_TOKEN_POSSESSIVE))
            break;
        }

      /* a clause break that starts a longer negator is the negator: "yet" of "has yet to" */
      if ((seen & SP_LEX_BIT (SP_LEX_CLAUSE)) && (seen & SP_LEX_BIT (SP_LEX_NEGATION))
          && best_last[SP_LEX_NEGATION] > best_last[SP_LEX_CLAUSE])
        seen &= ~SP_LEX_BIT (SP_LEX_CLAUSE);

      for (guint kind = 0; seen != 0 && kind < SP_LEX_N_KINDS; kind++)
        {
          const SpTrieNode *trie;

          if (!(seen & SP_LEX_BIT (kind)))
            continue;
          trie = &g_array_index (engine->nodes, SpTrieNode, best_node[kind]);
          for (guint e = 0; e < trie->n_entries; e++)
            {
              guint32 index = g_array_index (engine->node_entries, guint32, trie->first_entry + e);
              const SpLexEntry *entry = g_ptr_array_index (engine->entries, index);
              SpPhraseMatch match = { index, i, best_last[kind] };

              if (entry->kind != kind || !entry_fits (entry, tokens, n, title_case, i, best_last[kind]))
                continue;
              g_array_append_val (run->matches, match);
              /* the later words of "took back" are no verbs of their own */
              if (kind == SP_LEX_ACTION || kind == SP_LEX_REPORT || (kind == SP_LEX_STANCE && entry->verb))
                for (guint j = i + 1; j <= best_last[kind]; j++)
                  tokens[j].flags |= SP_TOKEN_VERB_TAIL;
            }
        }
    }
  g_array_index (run->match_index, guint32, n) = run->matches->len;
}

const SpLexEntry *
_sp_suggest_phrase_at (SpSuggestRun *run,
                       guint         i,
                       SpLexKind     kind,
                       guint        *last)
{
  guint32 from;
  guint32 to;

  if (i >= run->tokens->len)
    return NULL;
  from = g_array_index (run->match_index, guint32, i);
  to = g_array_index (run->match_index, guint32, i + 1);
  for (guint32 m = from; m < to; m++)
    {
      const SpPhraseMatch *match = &g_array_index (run->matches, SpPhraseMatch, m);
      const SpLexEntry *entry = g_ptr_array_index (run->engine->entries, match->entry);

      if (entry->kind == kind)
        {
          if (last != NULL)
            *last = match->last;
          return entry;
        }
    }
  return NULL;
}
