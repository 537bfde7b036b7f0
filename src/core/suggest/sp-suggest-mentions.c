/* sp-suggest-mentions.c
 *
 * Who is named in a sentence: codebook names and aliases (longest first, acronyms only in
 * capitals), a person's surname once the person is known in the document or after a title,
 * titles around names ("Russian President X", "Secretary of State X", "X, a spokesperson
 * for Y"), a place's demonym or possessive before a role ("Russian officials", "Ukraine's
 * foreign minister" are that place), pronouns and "the president" resolved to the nearest
 * person before them in the paragraph or the one before it, vague sources, and capitalised
 * names the codebook does not know (for actor discovery). Left to right, each step looking a bounded number of
 * tokens ahead.
 */
#define G_LOG_DOMAIN "sp-suggest"

#include "config.h"

#include <string.h>

#include "sp-suggest-private.h"

/* Words a title may have in front of its role word: "foreign policy chief" */
#define MAX_TITLE_MODIFIERS 3
/* Words of an unknown name: "Kaja Kallas", "Jean-Noël Barrot" */
#define MAX_NAME_WORDS 4

static const SpToken *
token_at (SpSuggestRun *run,
          guint         i)
{
  return i < run->tokens->len ? &g_array_index (run->tokens, SpToken, i) : NULL;
}

static guint32
word_kinds (SpSuggestRun  *run,
            const SpToken *token)
{
  return g_array_index (run->engine->word_kinds, guint32, token->word);
}

/* @len ASCII letters of @text in lower case into @out (len + 1 bytes at least); returns @out */
static const char *
fold_ascii (const char *text,
            gsize       len,
            char       *out)
{
  for (gsize k = 0; k < len; k++)
    out[k] = g_ascii_tolower (text[k]);
  out[len] = '\0';
  return out;
}

/* The words of ASCII letters that the document writes in lower case, folded, each once: a
 * word it also writes so is a common word where a sentence starts with it capitalised
 * ("Now Kireev said …", "Having met Pezeshkian, …"), not the first word of a name. One pass
 * over the body, made the first time a sentence's first word could start a name. */
static GHashTable *
collect_lower_words (SpSuggestRun *run)
{
  GHashTable *lower_words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *body = run->body;
  char word[SP_SUGGEST_MAX_WORD_BYTES + 1];
  gsize i = 0;

  while (body[i] != '\0')
    {
      gsize start = i;
      gboolean lower = g_ascii_islower (body[i]);

      if (!g_ascii_isalpha (body[i]))
        {
          i++;
          continue;
        }
      while (g_ascii_isalpha (body[i]))
        i++;
      run->work++;
      /* a word's start, a whole word, of two letters or more */
      if (!lower || i - start < 2 || i - start > SP_SUGGEST_MAX_WORD_BYTES
          || (start > 0 && ((guchar) body[start - 1] >= 0x80 || g_ascii_isalnum (body[start - 1])))
          || (guchar) body[i] >= 0x80 || g_ascii_isdigit (body[i]))
        continue;
      if (!g_hash_table_contains (lower_words, fold_ascii (body + start, i - start, word)))
        g_hash_table_add (lower_words, g_strdup (word));
    }

  return lower_words;
}

/* Whether the sentence's first word @token is one the document also writes in lower case */
static gboolean
is_lower_elsewhere (SpSuggestRun  *run,
                    const SpToken *token)
{
  gsize len = token->byte_end - token->byte_start;
  char word[SP_SUGGEST_MAX_WORD_BYTES + 1];

  if (!(token->flags & SP_TOKEN_FIRST) || len < 2 || len > SP_SUGGEST_MAX_WORD_BYTES)
    return FALSE;
  for (gsize k = token->byte_start; k < token->byte_end; k++)
    if (!g_ascii_isalpha (run->body[k]))
      return FALSE;
  if (run->lower_words == NULL)
    run->lower_words = collect_lower_words (run);
  return g_hash_table_contains (run->lower_words, fold_ascii (run->body + token->byte_start, len, word));
}

/* A capitalised word that is nothing else we know: part of an unknown name, unless it starts
 * the sentence and the document writes it in lower case too */
static gboolean
is_name_word (SpSuggestRun *run,
              guint         i)
{
  const SpToken *token = token_at (run, i);

  return token != NULL && token->kind == SP_TOKEN_WORD && (token->flags & SP_TOKEN_CAP)
         && !(token->flags & SP_TOKEN_ALL_CAPS) && word_kinds (run, token) == 0
         && (token->word == 0 || _sp_suggest_trie_step (run->engine, 0, token->word) == 0)
         && !is_lower_elsewhere (run, token);
}

/* A run of name words at @i; returns its last token, or G_MAXUINT */
static guint
name_words_at (SpSuggestRun *run,
               guint         i)
{
  guint j = i;

  while (j - i < MAX_NAME_WORDS && is_name_word (run, j))
    {
      if (token_at (run, j)->flags & SP_TOKEN_POSSESSIVE)
        return j;
      j++;
    }
  return j > i ? j - 1 : G_MAXUINT;
}

/* A title at @p, after at most MAX_TITLE_MODIFIERS lower-case words, extended while
 * another role word follows ("Deputy Foreign Minister") */
static gboolean
title_at (SpSuggestRun *run,
          guint         p,
          guint        *first,
          guint        *last)
{
  for (guint k = p; k < p + MAX_TITLE_MODIFIERS + 1; k++)
    {
      const SpToken *token = token_at (run, k);
      guint end;

      if (token == NULL || token->kind != SP_TOKEN_WORD)
        return FALSE;
      /* "officials", "diplomats": vague alone, a role after a place */
      if (_sp_suggest_phrase_at (run, k, SP_LEX_TITLE, &end) != NULL
          || _sp_suggest_phrase_at (run, k, SP_LEX_VAGUE, &end) != NULL)
        {
          guint more;

          *first = k;
          while (end - k < 8 && _sp_suggest_phrase_at (run, end + 1, SP_LEX_TITLE, &more) != NULL)
            end = more;
          *last = end;
          return TRUE;
        }
      /* modifiers: lower-case words, or capitalised ones we know from a phrase */
      if ((token->flags & SP_TOKEN_CAP) && is_name_word (run, k))
        return FALSE;
      if (_sp_suggest_phrase_at (run, k, SP_LEX_ACTOR, NULL) != NULL
          || _sp_suggest_phrase_at (run, k, SP_LEX_REPORT, NULL) != NULL
          || _sp_suggest_phrase_at (run, k, SP_LEX_STANCE, NULL) != NULL)
        return FALSE;
      run->work++;
    }
  return FALSE;
}

static gboolean
actor_is_person (SpSuggestRun *run,
                 int           actor)
{
  const SpCodebookActor *a = g_ptr_array_index (run->engine->codebook->actors, actor);

  return a->public.kind == SP_ACTOR_KIND_PERSON;
}

gint64
_sp_suggest_group_of (SpSuggestRun *run,
                      int           actor)
{
  const SpCodebookActor *a = g_ptr_array_index (run->engine->codebook->actors, actor);

  return a->public.group_id;
}

/* The pair "the two sides" points to: the last actor named, and the last one of another
 * group named before it */
static void
note_recent (SpSuggestRun *run,
             int           actor)
{
  if (run->recent[0] >= 0 && _sp_suggest_group_of (run, run->recent[0]) != _sp_suggest_group_of (run, actor))
    run->recent[1] = run->recent[0];
  run->recent[0] = actor;
}

static SpMention *
add_mention (SpSuggestRun  *run,
             SpMentionKind  kind,
             guint          first,
             guint          last,
             int            actor)
{
  SpMention mention = {
    .first = first, .last = last, .kind = kind, .actor = actor,
    .name_first = first, .name_last = last,
    .title_first = G_MAXUINT, .title_last = G_MAXUINT,
    .aff_first = G_MAXUINT, .aff_last = G_MAXUINT,
    .pronoun = G_MAXUINT,
    .actor2 = -1,
  };

  g_array_append_val (run->mentions, mention);
  if (actor >= 0 && kind != SP_MENTION_PRONOUN && kind != SP_MENTION_VAGUE)
    note_recent (run, actor);
  if (actor >= 0 && (kind == SP_MENTION_NAME || kind == SP_MENTION_SURNAME || kind == SP_MENTION_TITLE)
      && actor_is_person (run, actor))
    {
      g_hash_table_add (run->known, GINT_TO_POINTER (actor + 1));
      run->last_person = actor;
      run->person_named = TRUE;
    }
  /* a person the codebook does not know is the nearest one now */
  if (kind == SP_MENTION_UNKNOWN && actor < 0)
    run->last_person = -1;
  return &g_array_index (run->mentions, SpMention, run->mentions->len - 1);
}

/* The name after a title at @p: a codebook name, a known surname (a title makes a surname
 * enough) or an unknown name. Returns the mention's last token or G_MAXUINT */
static guint
name_after_title (SpSuggestRun  *run,
                  guint          p,
                  SpMentionKind *kind,
                  int           *actor,
                  guint         *name_first)
{
  const SpLexEntry *entry;
  guint last;

  *name_first = p;
  if ((entry = _sp_suggest_phrase_at (run, p, SP_LEX_ACTOR, &last)) != NULL)
    {
      *kind = SP_MENTION_NAME;
      *actor = entry->index;
      return last;
    }
  /* "President Vladimir Putin" when the codebook has "Putin" alone */
  if (is_name_word (run, p) && (entry = _sp_suggest_phrase_at (run, p + 1, SP_LEX_ACTOR, &last)) != NULL
      && actor_is_person (run, entry->index))
    {
      *kind = SP_MENTION_NAME;
      *actor = entry->index;
      return last;
    }
  if ((entry = _sp_suggest_phrase_at (run, p, SP_LEX_SURNAME, &last)) != NULL)
    {
      *kind = SP_MENTION_SURNAME;
      *actor = entry->index;
      return last;
    }
  if ((last = name_words_at (run, p)) != G_MAXUINT)
    {
      /* "Sergei Lavrov" with only "Lavrov" known as a surname */
      if ((entry = _sp_suggest_phrase_at (run, last, SP_LEX_SURNAME, NULL)) != NULL)
        {
          *kind = SP_MENTION_SURNAME;
          *actor = entry->index;
          *name_first = last;
          return last;
        }
      *kind = SP_MENTION_UNKNOWN;
      *actor = -1;
      return last;
    }
  return G_MAXUINT;
}

/* "X, a spokesperson for Y": the title and affiliation after a name, from @p (the comma) */
static void
apposition (SpSuggestRun *run,
            SpMention    *mention,
            guint         p)
{
  const SpToken *comma = token_at (run, p);
  const SpToken *det = token_at (run, p + 1);
  guint t_first;
  guint t_last;

  if (comma == NULL || comma->kind != SP_TOKEN_PUNCT || comma->punct != ',' || det == NULL
      || det->kind != SP_TOKEN_WORD)
    return;
  if (!title_at (run, p + 1, &t_first, &t_last) && !title_at (run, p + 2, &t_first, &t_last))
    return;
  mention->title_first = t_first;
  mention->title_last = t_last;
  /* "for Y", "of Y", "at Y", or a place's possessive before the title */
  if (_sp_suggest_phrase_at (run, t_last + 1, SP_LEX_PREPOSITION, NULL) != NULL)
    {
      const SpLexEntry *entry;
      guint last;
      guint q = t_last + 2;
      const SpToken *the = token_at (run, q);

      if (the != NULL && the->kind == SP_TOKEN_WORD && !(the->flags & SP_TOKEN_CAP)
          && _sp_suggest_phrase_at (run, q, SP_LEX_STOP, NULL) != NULL)
        q++;
      if ((entry = _sp_suggest_phrase_at (run, q, SP_LEX_ACTOR, &last)) != NULL)
        {
          mention->aff_first = q;
          mention->aff_last = last;
          if (mention->actor < 0)
            mention->actor = entry->index;
        }
      else if ((last = name_words_at (run, q)) != G_MAXUINT)
        {
          mention->aff_first = q;
          mention->aff_last = last;
        }
    }
  else
    for (guint k = p + 1; k < t_first; k++)
      {
        const SpLexEntry *entry;
        guint last;

        if ((entry = _sp_suggest_phrase_at (run, k, SP_LEX_ACTOR, &last)) != NULL)
          {
            mention->aff_first = k;
            mention->aff_last = last;
            if (mention->actor < 0)
              mention->actor = entry->index;
            break;
          }
      }
}

/* A place before a role: a demonym ("Russian"), a place's possessive ("Ukraine's") or a
 * non-person actor ("Kremlin spokesman"). Sets the place's actor (-1 when the codebook has
 * no such place) and returns the prefix's last token, or G_MAXUINT */
static guint
place_prefix (SpSuggestRun *run,
              guint         i,
              int          *actor)
{
  const SpLexEntry *entry;
  guint last;

  if ((entry = _sp_suggest_phrase_at (run, i, SP_LEX_DEMONYM, &last)) != NULL)
    {
      g_autoptr(GString) place = g_string_new (NULL);

      _sp_suggest_fold (entry->text, strlen (entry->text), place);
      *actor = GPOINTER_TO_INT (g_hash_table_lookup (run->engine->place_actor, place->str)) - 1;
      /* "Russian" is also the name of nothing else: an actor named like it wins below */
      if (_sp_suggest_phrase_at (run, i, SP_LEX_ACTOR, NULL) == NULL)
        return last;
    }
  if ((entry = _sp_suggest_phrase_at (run, i, SP_LEX_ACTOR, &last)) != NULL
      && !actor_is_person (run, entry->index))
    {
      *actor = entry->index;
      return last;
    }
  return G_MAXUINT;
}

/* "A former Ukrainian minister", "US senators", "X, an opposition lawmaker from Y": a role
 * whose actor is only its place, with a word of unofficial.txt in it or just before it,
 * speaks for nobody */
static void
drop_unofficial (SpSuggestRun *run)
{
  for (guint m = 0; m < run->mentions->len; m++)
    {
      SpMention *mention = &g_array_index (run->mentions, SpMention, m);
      guint from = mention->first > 0 ? mention->first - 1 : 0;
      guint to = mention->last;

      if ((mention->kind != SP_MENTION_ROLE && mention->kind != SP_MENTION_UNKNOWN) || mention->actor < 0)
        continue;
      if (mention->title_first != G_MAXUINT)
        {
          from = MIN (from, mention->title_first > 0 ? mention->title_first - 1 : 0);
          to = MAX (to, mention->title_last);
        }
      for (guint k = from; k <= to; k++)
        {
          run->work++;
          if (_sp_suggest_phrase_at (run, k, SP_LEX_UNOFFICIAL, NULL) != NULL)
            {
              mention->actor = -1;
              if (mention->kind == SP_MENTION_ROLE)
                mention->kind = SP_MENTION_VAGUE;
              break;
            }
        }
    }
}

void
_sp_suggest_find_mentions (SpSuggestRun *run)
{
  guint n = run->tokens->len;
  guint i = 0;

  g_array_set_size (run->mentions, 0);
  while (i < n)
    {
      const SpToken *token = token_at (run, i);
      const SpLexEntry *entry;
      guint start = i;
      guint last;
      guint prefix_last;
      guint t_first;
      guint t_last;
      int place = -1;

      run->work++;
      if (token->kind != SP_TOKEN_WORD)
        {
          i++;
          continue;
        }

      /* he, she, the president */
      if ((entry = _sp_suggest_phrase_at (run, i, SP_LEX_PRONOUN, &last)) != NULL)
        {
          if (entry->text != NULL && g_str_equal (entry->text, "pair"))
            {
              /* "the two sides agreed": both of the last two actors of different groups */
              if (run->recent[0] >= 0 && run->recent[1] >= 0)
                {
                  SpMention *m = add_mention (run, SP_MENTION_PRONOUN, i, last, run->recent[1]);

                  m->actor2 = run->recent[0];
                  m->pronoun = i;
                }
            }
          else if (run->last_person >= 0 && !_sp_suggest_is_possessive_pronoun (entry))
            {
              SpMention *m = add_mention (run, SP_MENTION_PRONOUN, i, last, run->last_person);

              run->person_named = TRUE;

              m->pronoun = i;
            }
          i = last + 1;
          continue;
        }

      /* Russian President X, Ukraine's foreign minister, Kremlin spokesman X */
      if ((prefix_last = place_prefix (run, i, &place)) != G_MAXUINT
          && title_at (run, prefix_last + 1, &t_first, &t_last))
        {
          SpMentionKind kind;
          int actor;
          guint name_first;
          guint name_last = name_after_title (run, t_last + 1, &kind, &actor, &name_first);
          SpMention *m;

          if (name_last != G_MAXUINT)
            {
              m = add_mention (run, kind, i, name_last, kind == SP_MENTION_UNKNOWN ? place : actor);
              m->name_first = name_first;
              m->name_last = name_last;
              i = name_last + 1;
            }
          else
            {
              m = add_mention (run, place >= 0 ? SP_MENTION_ROLE : SP_MENTION_VAGUE, i, t_last, place);
              i = t_last + 1;
            }
          m->title_first = t_first;
          m->title_last = t_last;
          m->aff_first = start;
          m->aff_last = prefix_last;
          if (kind == SP_MENTION_UNKNOWN || name_last == G_MAXUINT)
            apposition (run, m, m->last + 1);
          continue;
        }

      /* a codebook name or alias */
      if ((entry = _sp_suggest_phrase_at (run, i, SP_LEX_ACTOR, &last)) != NULL)
        {
          SpMention *m = add_mention (run, SP_MENTION_NAME, i, last, entry->index);

          apposition (run, m, last + 1);
          i = last + 1;
          continue;
        }

      /* a surname once its person is known */
      if ((entry = _sp_suggest_phrase_at (run, i, SP_LEX_SURNAME, &last)) != NULL
          && g_hash_table_contains (run->known, GINT_TO_POINTER (entry->index + 1)))
        {
          SpMention *m = add_mention (run, SP_MENTION_SURNAME, i, last, entry->index);

          apposition (run, m, last + 1);
          i = last + 1;
          continue;
        }

      /* President X, Secretary of State X */
      if ((token->flags & SP_TOKEN_CAP) && title_at (run, i, &t_first, &t_last) && t_first == i)
        {
          SpMentionKind kind;
          int actor;
          guint name_first;
          guint name_last = name_after_title (run, t_last + 1, &kind, &actor, &name_first);

          if (name_last != G_MAXUINT)
            {
              SpMention *m = add_mention (run, kind, i, name_last, actor);

              m->name_first = name_first;
              m->name_last = name_last;
              m->title_first = t_first;
              m->title_last = t_last;
              apposition (run, m, name_last + 1);
              i = name_last + 1;
              continue;
            }
        }

      /* analysts, observers */
      if ((entry = _sp_suggest_phrase_at (run, i, SP_LEX_VAGUE, &last)) != NULL)
        {
          add_mention (run, SP_MENTION_VAGUE, i, last, -1);
          i = last + 1;
          continue;
        }

      /* Kaja Kallas (said …), or X, a spokesperson for Y */
      if ((last = name_words_at (run, i)) != G_MAXUINT)
        {
          SpMention probe = { 0, };
          gboolean two = last > i;

          probe.actor = -1;
          probe.title_first = G_MAXUINT;
          probe.aff_first = G_MAXUINT;
          probe.aff_last = G_MAXUINT;
          apposition (run, &probe, last + 1);
          if (two || probe.title_first != G_MAXUINT)
            {
              SpMention *m = add_mention (run, SP_MENTION_UNKNOWN, i, last, probe.actor);

              m->title_first = probe.title_first;
              m->title_last = probe.title_last;
              m->aff_first = probe.aff_first;
              m->aff_last = probe.aff_last;
            }
          i = last + 1;
          continue;
        }
      i++;
    }
  drop_unofficial (run);
}

gboolean
_sp_suggest_is_possessive_pronoun (const SpLexEntry *entry)
{
  return entry != NULL && entry->kind == SP_LEX_PRONOUN && entry->text != NULL
         && g_str_equal (entry->text, "possessive");
}
