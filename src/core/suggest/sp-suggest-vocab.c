/* sp-suggest-vocab.c
 *
 * Compiling the lexicons and the codebook into what reading needs: a vocabulary (one hash
 * lookup gives a word's id, its inflected forms sharing the id of their base) and a trie of
 * phrases over word ids, whose edges live in one open-addressing table. Also the candidate
 * keywords of issues that have none, and each proposition's own direction.
 *
 * The suffix rule: a word of a verb entry (its first word), of a keyword or of a noun entry
 * (its last word) also matches the word plus -s/-es (-y -> -ies), -ed/-d (-y -> -ied) and
 * -ing (dropping a final -e), with a doubled final consonant as well ("stopped"). Titles and
 * vague sources get the plural only. A form spelt out in the vocabulary as its own word
 * keeps its own meaning.
 */
#define G_LOG_DOMAIN "sp-suggest"

#include "config.h"

#include <string.h>

#include "sp-suggest-private.h"

gsize
_sp_suggest_fold (const char *word,
                  gsize       len,
                  GString    *out)
{
  gboolean ascii = TRUE;

  g_string_truncate (out, 0);
  for (gsize i = 0; i < len; i++)
    if ((guchar) word[i] >= 0x80)
      {
        ascii = FALSE;
        break;
      }
  if (ascii)
    {
      for (gsize i = 0; i < len; i++)
        g_string_append_c (out, g_ascii_tolower (word[i]));
    }
  else
    {
      g_autofree char *down = g_utf8_strdown (word, len);

      /* the typographic apostrophe is the plain one */
      for (const char *p = down; *p != '\0'; p++)
        {
          if ((guchar) p[0] == 0xe2 && (guchar) p[1] == 0x80 && (guchar) p[2] == 0x99)
            {
              g_string_append_c (out, '\'');
              p += 2;
            }
          else
            g_string_append_c (out, *p);
        }
    }
  return out->len;
}

/* Whether entries of @kind are cues or grammar that a sentence is read by, rather than
 * names and keywords */
static gboolean
is_cue_kind (SpLexKind kind)
{
  switch (kind)
    {
    case SP_LEX_REPORT:
    case SP_LEX_STANCE:
    case SP_LEX_ACTION:
    case SP_LEX_NEGATION:
    case SP_LEX_HEDGE:
    case SP_LEX_CLAUSE:
    case SP_LEX_ACCORDING:
    case SP_LEX_CONDITION:
    case SP_LEX_COPULA:
    case SP_LEX_CIRCUMSTANCE:
    case SP_LEX_STOP:
    case SP_LEX_PREPOSITION:
    case SP_LEX_PRONOUN:
    case SP_LEX_ANAPHOR:
      return TRUE;
    case SP_LEX_VAGUE:
    case SP_LEX_TITLE:
    case SP_LEX_DEMONYM:
    case SP_LEX_UNOFFICIAL:
    case SP_LEX_ACTOR:
    case SP_LEX_SURNAME:
    case SP_LEX_KEYWORD:
    case SP_LEX_N_KINDS:
    default:
      return FALSE;
    }
}

static guint32
vocab_add (SpSuggestEngine *engine,
           const char      *folded,
           gboolean         variant,
           guint32          base)
{
  gpointer value;

  if (g_hash_table_lookup_extended (engine->vocab, folded, NULL, &value))
    return GPOINTER_TO_UINT (value);
  if (variant)
    {
      g_hash_table_insert (engine->vocab, g_strdup (folded), GUINT_TO_POINTER (base));
      return base;
    }
  else
    {
      guint32 id = engine->words->len;
      guint32 zero = 0;

      g_ptr_array_add (engine->words, g_strdup (folded));
      g_array_append_val (engine->word_kinds, zero);
      g_hash_table_insert (engine->vocab, g_strdup (folded), GUINT_TO_POINTER (id));
      return id;
    }
}

guint32
_sp_suggest_vocab_lookup (SpSuggestEngine *engine,
                          const char      *folded,
                          gsize            len)
{
  (void) len;
  return GPOINTER_TO_UINT (g_hash_table_lookup (engine->vocab, folded));
}

static gboolean
is_vowel (char c)
{
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* The suffix rule's forms of @w (ASCII lower case only; other words are left alone) */
static void
inflect (const char *w,
         gboolean    plural_only,
         GPtrArray  *out)
{
  gsize n = strlen (w);
  char last;
  gboolean cvc;
  g_autofree char *stem_y = NULL;
  g_autofree char *stem_e = NULL;

  if (n < 2)
    return;
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_islower (w[i]))
      return;
  last = w[n - 1];

  if (last == 's' || last == 'x' || last == 'z' || g_str_has_suffix (w, "ch") || g_str_has_suffix (w, "sh"))
    g_ptr_array_add (out, g_strconcat (w, "es", NULL));
  else if (last == 'y' && !is_vowel (w[n - 2]))
    g_ptr_array_add (out, g_strdup_printf ("%.*sies", (int) (n - 1), w));
  else
    g_ptr_array_add (out, g_strconcat (w, "s", NULL));
  if (plural_only)
    return;

  stem_y = last == 'y' && !is_vowel (w[n - 2]) ? g_strndup (w, n - 1) : NULL;
  stem_e = last == 'e' && w[n - 2] != 'e' ? g_strndup (w, n - 1) : NULL;
  if (stem_y != NULL)
    g_ptr_array_add (out, g_strconcat (stem_y, "ied", NULL));
  else if (last == 'e')
    g_ptr_array_add (out, g_strconcat (w, "d", NULL));
  else
    g_ptr_array_add (out, g_strconcat (w, "ed", NULL));
  g_ptr_array_add (out, g_strconcat (stem_e != NULL ? stem_e : w, "ing", NULL));

  /* "stop" -> "stopped": a consonant after a single vowel */
  cvc = n >= 3 && !is_vowel (last) && last != 'w' && last != 'x' && last != 'y'
        && is_vowel (w[n - 2]) && !is_vowel (w[n - 3]);
  if (cvc)
    {
      g_ptr_array_add (out, g_strdup_printf ("%s%ced", w, last));
      g_ptr_array_add (out, g_strdup_printf ("%s%cing", w, last));
    }
}

/* A keyword written as a plural also matches its singular ("tolls" -> "toll", "parties" ->
 * "party"); short words are left alone, where the singular is often another word ("arms") */
static void
singular (const char *w,
          GPtrArray  *out)
{
  gsize n = strlen (w);

  if (n < 7 || w[n - 1] != 's')
    return;
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_islower (w[i]))
      return;
  if (g_str_has_suffix (w, "ies"))
    g_ptr_array_add (out, g_strdup_printf ("%.*sy", (int) (n - 3), w));
  else if (g_str_has_suffix (w, "sses") || g_str_has_suffix (w, "ches") || g_str_has_suffix (w, "shes")
           || g_str_has_suffix (w, "xes"))
    g_ptr_array_add (out, g_strndup (w, n - 2));
  else if (!g_str_has_suffix (w, "ss") && !g_str_has_suffix (w, "us") && !g_str_has_suffix (w, "is"))
    g_ptr_array_add (out, g_strndup (w, n - 1));
}

/* Splits a phrase as the tokenizer splits text: at spaces and hyphens */
static GStrv
phrase_words (const char *phrase,
              GString    *scratch)
{
  g_auto(GStrv) parts = g_strsplit_set (phrase, " -", -1);
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *part = parts[i];
      gsize len = strlen (part);

      if (len == 0)
        continue;
      _sp_suggest_fold (part, len, scratch);
      /* "U.S." keeps its dots, as the tokenizer keeps them; a final possessive goes */
      if (g_str_has_suffix (scratch->str, "'s") && scratch->len > 2)
        g_string_truncate (scratch, scratch->len - 2);
      g_ptr_array_add (words, g_strdup (scratch->str));
    }
  g_ptr_array_add (words, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&words), FALSE);
}

static guint32
edge_hash (guint64 key,
           gsize   mask)
{
  return (guint32) (((key * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> 32) & mask);
}

static void edge_insert (SpSuggestEngine *engine, guint64 key, guint32 value);

static void
edges_grow (SpSuggestEngine *engine)
{
  guint64 *old_keys = engine->edge_keys;
  guint32 *old_values = engine->edge_values;
  gsize old_size = engine->edge_mask + 1;
  gsize size = old_keys == NULL ? 1024 : old_size * 2;

  engine->edge_keys = g_new0 (guint64, size);
  engine->edge_values = g_new0 (guint32, size);
  engine->edge_mask = size - 1;
  if (old_keys != NULL)
    for (gsize i = 0; i < old_size; i++)
      if (old_keys[i] != 0)
        edge_insert (engine, old_keys[i], old_values[i]);
  g_free (old_keys);
  g_free (old_values);
}

static void
edge_insert (SpSuggestEngine *engine,
             guint64          key,
             guint32          value)
{
  gsize i = edge_hash (key, engine->edge_mask);

  while (engine->edge_keys[i] != 0)
    i = (i + 1) & engine->edge_mask;
  engine->edge_keys[i] = key;
  engine->edge_values[i] = value;
}

guint32
_sp_suggest_trie_step (const SpSuggestEngine *engine,
                       guint32                node,
                       guint32                word)
{
  guint64 key = ((guint64) node << 32) | word;
  gsize i;

  if (word == 0 || engine->edge_keys == NULL)
    return 0;
  for (i = edge_hash (key, engine->edge_mask); engine->edge_keys[i] != 0; i = (i + 1) & engine->edge_mask)
    if (engine->edge_keys[i] == key)
      return engine->edge_values[i];
  return 0;
}

static guint32
trie_child (SpSuggestEngine *engine,
            GPtrArray       *node_lists,
            guint32          node,
            guint32          word,
            gsize           *n_edges)
{
  guint32 child = _sp_suggest_trie_step (engine, node, word);
  SpTrieNode fresh = { 0, 0, 0 };

  if (child != 0)
    return child;
  if ((*n_edges + 1) * 2 > engine->edge_mask + 1)
    edges_grow (engine);
  child = engine->nodes->len;
  g_array_append_val (engine->nodes, fresh);
  g_ptr_array_add (node_lists, NULL);
  edge_insert (engine, ((guint64) node << 32) | word, child);
  g_array_index (engine->nodes, SpTrieNode, node).has_children = 1;
  (*n_edges)++;
  return child;
}

static SpLexEntry *
codebook_entry (SpLexKind   kind,
                const char *phrase,
                guint       index,
                SpInflect   inflect)
{
  SpLexEntry *entry = g_new0 (SpLexEntry, 1);
  gboolean has_lower = FALSE;
  gsize n_letters = 0;

  entry->kind = kind;
  entry->phrase = g_strdup (phrase);
  entry->lemma = g_strdup (phrase);
  entry->index = index;
  entry->strength = 1;
  entry->inflect = inflect;
  for (const char *p = phrase; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_islower (c))
        has_lower = TRUE;
      if (g_unichar_isalpha (c))
        n_letters++;
    }
  if (kind == SP_LEX_ACTOR || kind == SP_LEX_SURNAME)
    {
      /* "NATO", "US": an acronym is only itself; a name starts with a capital */
      entry->exact_case = !has_lower && n_letters <= 6;
      entry->needs_cap = g_unichar_isupper (g_utf8_get_char (phrase));
    }
  else if (kind == SP_LEX_KEYWORD)
    entry->common = g_unichar_islower (g_utf8_get_char (phrase));
  return entry;
}

/* An issue without keywords: the content words of its label and proposition, minus stop
 * words and the lexicons' cue words (and actor names, unless nothing else is left) */
/* Moves *@p past the next word of letters and digits (with the apostrophes inside it when
 * @apostrophes: "Ukraine's"), sets *@start to its start and returns its length in bytes, 0
 * at the end of the text */
static gsize
next_word (const char **p,
           gboolean     apostrophes,
           const char **start)
{
  const char *q = *p;

  while (*q != '\0' && !g_unichar_isalnum (g_utf8_get_char (q)))
    q = g_utf8_next_char (q);
  *start = q;
  while (*q != '\0' && (g_unichar_isalnum (g_utf8_get_char (q)) || (apostrophes && *q == '\'')))
    q = g_utf8_next_char (q);
  *p = q;
  return q - *start;
}

static void
derive_keywords (SpCodebookIssue *issue,
                 GHashTable      *stop,
                 GHashTable      *actor_words,
                 GString         *scratch)
{
  g_autofree char *text = g_strconcat (issue->public.label, " ", issue->public.proposition, NULL);
  g_autoptr(GPtrArray) content = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *p = text;

  const char *start;
  gsize len;

  while ((len = next_word (&p, TRUE, &start)) > 0)
    {
      _sp_suggest_fold (start, len, scratch);
      if (scratch->len < 3 || scratch->len > SP_SUGGEST_MAX_WORD_BYTES
          || g_hash_table_contains (stop, scratch->str)
          || g_hash_table_contains (seen, scratch->str))
        continue;
      if (g_hash_table_contains (actor_words, scratch->str))
        g_ptr_array_add (names, g_strdup (scratch->str));
      else
        g_ptr_array_add (content, g_strdup (scratch->str));
      g_hash_table_add (seen, g_strdup (scratch->str));
    }
  {
    GPtrArray *chosen = content->len > 0 ? content : names;

    g_ptr_array_add (chosen, NULL);
    issue->derived = g_strdupv ((char **) chosen->pdata);
  }
}

/* The folded words of @text longer than three bytes, each once, into @words */
static void
add_example_words (const char *text,
                   GHashTable *words,
                   GString    *scratch)
{
  const char *p = text;
  const char *start;
  gsize len;

  while ((len = next_word (&p, FALSE, &start)) > 0)
    {
      _sp_suggest_fold (start, len, scratch);
      if (scratch->len > 3 && scratch->len <= SP_SUGGEST_MAX_WORD_BYTES)
        g_hash_table_add (words, g_strdup (scratch->str));
    }
}

/* Whether a folded word may be part of a phrase learnt from claims: longer than three bytes,
 * no number, no adverb in -ly, and no word the lexicons, the actors' names or the codebook's
 * keywords already have */
static gboolean
is_learnable (const char *word,
              GHashTable *known)
{
  gboolean letters = FALSE;

  if (strlen (word) <= 3 || g_str_has_suffix (word, "ly") || g_hash_table_contains (known, word))
    return FALSE;
  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    letters |= g_unichar_isalpha (g_utf8_get_char (p));
  return letters;
}

/* The two-word phrases of @text, folded, whose words stand next to each other with one space
 * or hyphen between and are both learnable ("crossing fees"), each once, into @pairs */
static void
add_example_pairs (const char *text,
                   GHashTable *known,
                   GHashTable *pairs,
                   GString    *scratch)
{
  g_autofree char *previous = NULL;
  const char *p = text;
  const char *gap = p;
  const char *start;
  gsize len;

  for (; (len = next_word (&p, TRUE, &start)) > 0; gap = p)
    {
      gboolean adjacent = start - gap == 1 && (*gap == ' ' || *gap == '-');

      _sp_suggest_fold (start, len, scratch);
      if (scratch->len > SP_SUGGEST_MAX_WORD_BYTES || !is_learnable (scratch->str, known))
        {
          g_clear_pointer (&previous, g_free);
          continue;
        }
      if (previous != NULL && adjacent)
        g_hash_table_add (pairs, g_strconcat (previous, " ", scratch->str, NULL));
      g_free (previous);
      previous = g_strdup (scratch->str);
    }
}

typedef struct
{
  const char *word;
  guint       count;
} LearnedWord;

static int
compare_learned (gconstpointer a,
                 gconstpointer b)
{
  const LearnedWord *x = a;
  const LearnedWord *y = b;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return strcmp (x->word, y->word);
}

/* Every word of a lexicon's @phrase with the forms the suffix rule gives it, into @words:
 * words the lexicons know ("agreed" of "agree to") are grammar or cues, never learnt */
static void
add_lexicon_words (const char *phrase,
                   GHashTable *words,
                   GString    *scratch)
{
  g_auto(GStrv) parts = phrase_words (phrase, scratch);
  g_autoptr(GPtrArray) forms = g_ptr_array_new_with_free_func (g_free);

  for (guint k = 0; parts[k] != NULL; k++)
    {
      g_ptr_array_set_size (forms, 0);
      inflect (parts[k], FALSE, forms);
      g_hash_table_add (words, g_strdup (parts[k]));
      for (guint f = 0; f < forms->len; f++)
        g_hash_table_add (words, g_strdup (g_ptr_array_index (forms, f)));
    }
}

/* Phrases an issue learns from the analyst's claims on it: two words next to each other
 * ("crossing fees") that at least SP_SUGGEST_MIN_LEARNED_CLAIMS of them hold, and a quarter
 * of them, that the claims on other issues hold at most half as often, and whose words are
 * none the lexicons, the actors' names or the codebook's keywords have: those are grammar,
 * cues, speakers or words the analyst has placed. Single words are too common to tell an
 * issue from the claims of a few documents ("partners", "regions"). The most frequent first
 * (ties in byte order, so that every run learns the same), SP_SUGGEST_MAX_LEARNED at most.
 * Linear in the examples' length. */
static void
learn_keywords (SpSuggestCodebook *codebook,
                GPtrArray         *lexicon_entries,
                GHashTable        *actor_words,
                GString           *scratch)
{
  g_autoptr(GPtrArray) per_issue = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  g_autoptr(GHashTable) totals = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) known = NULL;
  gboolean any_examples = FALSE;
  GHashTableIter iter;
  gpointer word;

  for (guint i = 0; i < codebook->issues->len; i++)
    {
      SpCodebookIssue *issue = g_ptr_array_index (codebook->issues, i);

      g_clear_pointer (&issue->learned, g_strfreev);
      issue->learned = g_new0 (char *, 1);
      any_examples |= issue->examples->len > 0;
    }
  if (!any_examples)
    return;

  known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < lexicon_entries->len; i++)
    add_lexicon_words (((SpLexEntry *) g_ptr_array_index (lexicon_entries, i))->phrase, known, scratch);
  g_hash_table_iter_init (&iter, actor_words);
  while (g_hash_table_iter_next (&iter, &word, NULL))
    g_hash_table_add (known, g_strdup (word));
  for (guint i = 0; i < codebook->issues->len; i++)
    {
      SpCodebookIssue *issue = g_ptr_array_index (codebook->issues, i);
      const char * const *keywords = (const char * const *) (issue->keywords[0] != NULL ? issue->keywords
                                                                                        : issue->derived);

      for (guint k = 0; keywords != NULL && keywords[k] != NULL; k++)
        add_example_words (keywords[k], known, scratch);
      for (guint k = 0; issue->opposing[k] != NULL; k++)
        add_example_words (issue->opposing[k], known, scratch);
      for (guint k = 0; issue->excluded[k] != NULL; k++)
        add_example_words (issue->excluded[k], known, scratch);
    }

  for (guint i = 0; i < codebook->issues->len; i++)
    {
      SpCodebookIssue *issue = g_ptr_array_index (codebook->issues, i);
      GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (guint e = 0; e < issue->examples->len; e++)
        {
          g_autoptr(GHashTable) pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          gpointer pair;

          add_example_pairs (g_ptr_array_index (issue->examples, e), known, pairs, scratch);
          g_hash_table_iter_init (&iter, pairs);
          while (g_hash_table_iter_next (&iter, &pair, NULL))
            {
              guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, pair));

              g_hash_table_insert (counts, g_strdup (pair), GUINT_TO_POINTER (n + 1));
            }
        }
      g_ptr_array_add (per_issue, counts);
    }

  for (guint i = 0; i < per_issue->len; i++)
    {
      gpointer count;

      g_hash_table_iter_init (&iter, g_ptr_array_index (per_issue, i));
      while (g_hash_table_iter_next (&iter, &word, &count))
        g_hash_table_insert (totals, word,
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (totals, word)) +
                                               GPOINTER_TO_UINT (count)));
    }

  for (guint i = 0; i < codebook->issues->len; i++)
    {
      SpCodebookIssue *issue = g_ptr_array_index (codebook->issues, i);
      guint needed = MAX (SP_SUGGEST_MIN_LEARNED_CLAIMS, issue->examples->len / 4);
      g_autoptr(GArray) chosen = g_array_new (FALSE, FALSE, sizeof (LearnedWord));
      g_autoptr(GStrvBuilder) learned = g_strv_builder_new ();
      gpointer count;

      g_hash_table_iter_init (&iter, g_ptr_array_index (per_issue, i));
      while (g_hash_table_iter_next (&iter, &word, &count))
        {
          guint here = GPOINTER_TO_UINT (count);
          guint elsewhere = GPOINTER_TO_UINT (g_hash_table_lookup (totals, word)) - here;
          LearnedWord w = { word, here };

          if (here >= needed && elsewhere * 2 <= here)
            g_array_append_val (chosen, w);
        }

      g_array_sort (chosen, compare_learned);
      for (guint k = 0; k < chosen->len && k < SP_SUGGEST_MAX_LEARNED; k++)
        g_strv_builder_add (learned, g_array_index (chosen, LearnedWord, k).word);
      g_clear_pointer (&issue->learned, g_strfreev);
      issue->learned = g_strv_builder_end (learned);
    }
}

static void
node_list_free (gpointer list)
{
  if (list != NULL)
    g_array_unref (list);
}

void
_sp_suggest_engine_compile (SpSuggestEngine *engine)
{
  g_autoptr(GString) scratch = g_string_new (NULL);
  g_autoptr(GPtrArray) node_lists = g_ptr_array_new_with_free_func (node_list_free);
  g_autoptr(GHashTable) stop = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) actor_words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) all_words = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GHashTable) cue_words = NULL;
  guint n_entries;
  SpSuggestCodebook *codebook = engine->codebook;
  SpTrieNode root = { 0, 0, 0 };
  gsize n_edges = 0;
  guint32 zero = 0;

  engine->entries = g_ptr_array_new ();
  engine->own_entries = g_ptr_array_new_with_free_func ((GDestroyNotify) _sp_lex_entry_free);
  engine->vocab = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  engine->words = g_ptr_array_new_with_free_func (g_free);
  engine->word_kinds = g_array_new (FALSE, TRUE, sizeof (guint32));
  engine->nodes = g_array_new (FALSE, TRUE, sizeof (SpTrieNode));
  engine->node_entries = g_array_new (FALSE, TRUE, sizeof (guint32));
  engine->place_actor = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  engine->directions = g_array_new (FALSE, TRUE, sizeof (int));
  g_array_append_val (engine->nodes, root);
  g_ptr_array_add (node_lists, NULL);
  /* id 0 is "unknown" */
  g_ptr_array_add (engine->words, g_strdup (""));
  g_array_append_val (engine->word_kinds, zero);

  for (guint i = 0; i < engine->lexicons->entries->len; i++)
    {
      SpLexEntry *entry = g_ptr_array_index (engine->lexicons->entries, i);

      g_ptr_array_add (engine->entries, entry);
      if (entry->kind == SP_LEX_STOP || entry->kind == SP_LEX_STANCE
          || entry->kind == SP_LEX_ACTION || entry->kind == SP_LEX_HEDGE
          || entry->kind == SP_LEX_CONDITION
          || entry->kind == SP_LEX_NEGATION || entry->kind == SP_LEX_REPORT)
        {
          _sp_suggest_fold (entry->phrase, strlen (entry->phrase), scratch);
          g_hash_table_add (stop, g_strdup (scratch->str));
        }
    }

  for (guint i = 0; i < codebook->actors->len; i++)
    {
      SpCodebookActor *actor = g_ptr_array_index (codebook->actors, i);
      SpLexEntry *entry = codebook_entry (SP_LEX_ACTOR, actor->public.name, i, SP_INFLECT_NONE);
      g_auto(GStrv) name_words = phrase_words (actor->public.name, scratch);

      g_ptr_array_add (engine->own_entries, entry);
      for (guint k = 0; name_words[k] != NULL; k++)
        g_hash_table_add (actor_words, g_strdup (name_words[k]));
      _sp_suggest_fold (actor->public.name, strlen (actor->public.name), scratch);
      if (!g_hash_table_contains (engine->place_actor, scratch->str))
        g_hash_table_insert (engine->place_actor, g_strdup (scratch->str), GUINT_TO_POINTER (i + 1));
      for (guint a = 0; actor->aliases[a] != NULL; a++)
        {
          g_ptr_array_add (engine->own_entries,
                           codebook_entry (SP_LEX_ACTOR, actor->aliases[a], i, SP_INFLECT_NONE));
          _sp_suggest_fold (actor->aliases[a], strlen (actor->aliases[a]), scratch);
          if (!g_hash_table_contains (engine->place_actor, scratch->str))
            g_hash_table_insert (engine->place_actor, g_strdup (scratch->str), GUINT_TO_POINTER (i + 1));
        }
      if (actor->surname != NULL)
        g_ptr_array_add (engine->own_entries,
                         codebook_entry (SP_LEX_SURNAME, actor->surname, i, SP_INFLECT_NONE));
    }

  for (guint i = 0; i < codebook->issues->len; i++)
    {
      SpCodebookIssue *issue = g_ptr_array_index (codebook->issues, i);
      const char * const *keywords = (const char * const *) issue->keywords;

      if (keywords[0] == NULL)
        {
          derive_keywords (issue, stop, actor_words, scratch);
          keywords = (const char * const *) issue->derived;
        }
      for (guint k = 0; keywords[k] != NULL; k++)
        g_ptr_array_add (engine->own_entries,
                         codebook_entry (SP_LEX_KEYWORD, keywords[k], i, SP_INFLECT_LAST));
      for (guint k = 0; issue->opposing[k] != NULL; k++)
        {
          SpLexEntry *entry = codebook_entry (SP_LEX_KEYWORD, issue->opposing[k], i, SP_INFLECT_LAST);

          entry->opposes = TRUE;
          g_ptr_array_add (engine->own_entries, entry);
        }
      for (guint k = 0; issue->excluded[k] != NULL; k++)
        {
          SpLexEntry *entry = codebook_entry (SP_LEX_KEYWORD, issue->excluded[k], i, SP_INFLECT_LAST);

          entry->excluded = TRUE;
          g_ptr_array_add (engine->own_entries, entry);
        }
    }

  /* Then the words the analyst's claims taught each issue */
  learn_keywords (codebook, engine->lexicons->entries, actor_words, scratch);
  for (guint i = 0; i < codebook->issues->len; i++)
    {
      SpCodebookIssue *issue = g_ptr_array_index (codebook->issues, i);

      for (guint k = 0; issue->learned[k] != NULL; k++)
        {
          SpLexEntry *entry = codebook_entry (SP_LEX_KEYWORD, issue->learned[k], i, SP_INFLECT_LAST);

          entry->learned = TRUE;
          g_ptr_array_add (engine->own_entries, entry);
        }
    }
  g_ptr_array_extend (engine->entries, engine->own_entries, NULL, NULL);

  /* base words first, so that a spelt-out word is never taken for another's variant */
  for (guint i = 0; i < engine->entries->len; i++)
    {
      SpLexEntry *entry = g_ptr_array_index (engine->entries, i);
      GStrv words = phrase_words (entry->phrase, scratch);

      g_ptr_array_add (all_words, words);
      for (guint k = 0; words[k] != NULL; k++)
        vocab_add (engine, words[k], FALSE, 0);
    }
  /* the first words of the lexicons' cues and grammar, which no keyword may take over */
  cue_words = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < engine->entries->len; i++)
    {
      const SpLexEntry *entry = g_ptr_array_index (engine->entries, i);
      GStrv words = g_ptr_array_index (all_words, i);

      if (words[0] != NULL && is_cue_kind (entry->kind))
        g_hash_table_add (cue_words, words[0]);
    }
  n_entries = engine->entries->len;
  for (guint i = 0; i < n_entries; i++)
    {
      SpLexEntry *entry = g_ptr_array_index (engine->entries, i);
      GStrv words = g_ptr_array_index (all_words, i);
      guint n = g_strv_length (words);
      guint which;
      g_autoptr(GPtrArray) forms = g_ptr_array_new_with_free_func (g_free);
      guint32 base;

      if (entry->inflect == SP_INFLECT_NONE || n == 0)
        continue;
      which = entry->inflect == SP_INFLECT_FIRST ? 0 : n - 1;
      base = vocab_add (engine, words[which], FALSE, 0);
      inflect (words[which], entry->inflect == SP_INFLECT_PLURAL, forms);
      if (entry->inflect == SP_INFLECT_LAST)
        singular (words[which], forms);
      for (guint f = 0; f < forms->len; f++)
        {
          const char *form = g_ptr_array_index (forms, f);

          /* A keyword's form that a lexicon spells out as a word of its own ("negotiating"
           * in "negotiating team") cannot be a variant of the keyword's word: the keyword
           * gets a phrase with that form instead, so that no form of it is lost; but a word
           * alone that is a cue ("guarantee") stays a cue only */
          if (entry->kind == SP_LEX_KEYWORD && vocab_add (engine, form, TRUE, base) != base
              && (n > 1 || !g_hash_table_contains (cue_words, form)))
            {
              g_autofree char *phrase = NULL;
              char *own = words[which];
              SpLexEntry *spelt;

              words[which] = (char *) form;
              phrase = g_strjoinv (" ", words);
              words[which] = own;
              spelt = codebook_entry (SP_LEX_KEYWORD, phrase, entry->index, SP_INFLECT_NONE);
              spelt->opposes = entry->opposes;
              spelt->learned = entry->learned;
              spelt->excluded = entry->excluded;
              g_ptr_array_add (engine->own_entries, spelt);
              g_ptr_array_add (engine->entries, spelt);
              g_ptr_array_add (all_words, phrase_words (phrase, scratch));
            }
          else
            vocab_add (engine, form, TRUE, base);
        }
    }

  /* the trie */
  for (guint i = 0; i < engine->entries->len; i++)
    {
      SpLexEntry *entry = g_ptr_array_index (engine->entries, i);
      GStrv words = g_ptr_array_index (all_words, i);
      guint32 node = 0;
      GArray *list;

      if (words[0] == NULL)
        continue;
      if (words[1] == NULL)
        g_array_index (engine->word_kinds, guint32, vocab_add (engine, words[0], FALSE, 0))
          |= SP_LEX_BIT (entry->kind);
      for (guint k = 0; words[k] != NULL && k < SP_SUGGEST_MAX_PHRASE_WORDS; k++)
        node = trie_child (engine, node_lists, node, vocab_add (engine, words[k], FALSE, 0), &n_edges);
      if ((list = g_ptr_array_index (node_lists, node)) == NULL)
        {
          list = g_array_new (FALSE, FALSE, sizeof (guint32));
          node_lists->pdata[node] = list;
        }
      g_array_append_val (list, i);
    }
  for (guint n = 0; n < engine->nodes->len; n++)
    {
      GArray *list = g_ptr_array_index (node_lists, n);
      SpTrieNode *node = &g_array_index (engine->nodes, SpTrieNode, n);

      node->first_entry = engine->node_entries->len;
      node->n_entries = list != NULL ? MIN (list->len, G_MAXUINT16) : 0;
      if (list != NULL)
        g_array_append_vals (engine->node_entries, list->data, node->n_entries);
    }

  /* keywords of two content words or more, for matching with function words between */
  engine->gapped = g_array_new (FALSE, TRUE, sizeof (SpGappedKeyword));
  engine->gap_start = g_array_new (FALSE, TRUE, sizeof (guint8));
  engine->heads = g_array_new (FALSE, TRUE, sizeof (guint32));
  g_array_set_size (engine->heads, engine->words->len);
  engine->word_on = _sp_suggest_vocab_lookup (engine, "on", 2);
  g_array_set_size (engine->gap_start, engine->words->len);
  for (guint i = 0; i < engine->entries->len; i++)
    {
      SpLexEntry *entry = g_ptr_array_index (engine->entries, i);
      GStrv words = g_ptr_array_index (all_words, i);
      SpGappedKeyword gapped = { i, 0, FALSE, { 0, } };
      guint32 verb = SP_LEX_BIT (SP_LEX_ACTION) | SP_LEX_BIT (SP_LEX_STANCE) | SP_LEX_BIT (SP_LEX_NEGATION);
      guint32 function = SP_LEX_BIT (SP_LEX_STOP) | SP_LEX_BIT (SP_LEX_PREPOSITION);

      if (entry->kind != SP_LEX_KEYWORD || entry->exact_case)
        continue;
      for (guint k = 0; words[k] != NULL && k < SP_SUGGEST_MAX_PHRASE_WORDS; k++)
        {
          guint32 id = _sp_suggest_vocab_lookup (engine, words[k], strlen (words[k]));

          if ((g_array_index (engine->word_kinds, guint32, id) & function) == 0)
            gapped.words[gapped.n_words++] = id;
        }
      if (gapped.n_words < 2)
        continue;
      /* "economic pressure" also as "pressure on X"; but not "halt attacks" as "attacks on
       * X", whose first word, an action or a cue, is what makes it the issue */
      if (gapped.n_words == 2 && words[2] == NULL && gapped.words[1] != 0
          && (g_array_index (engine->word_kinds, guint32, gapped.words[1]) & SP_LEX_BIT (SP_LEX_KEYWORD)) == 0
          && (g_array_index (engine->word_kinds, guint32, gapped.words[0]) & verb) == 0)
        g_array_index (engine->heads, guint32, gapped.words[1]) = i + 1;
      gapped.verb_first = (g_array_index (engine->word_kinds, guint32, gapped.words[0]) & verb) != 0;
      g_array_index (engine->gap_start, guint8, gapped.words[0]) = 1;
      g_array_append_val (engine->gapped, gapped);
    }

  /* each issue's direction, and its keywords that name what it removes */
  {
    g_autoptr(GPtrArray) removed = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

    for (guint i = 0; i < codebook->issues->len; i++)
      {
        GArray *words = g_array_new (FALSE, FALSE, sizeof (guint32));
        int direction = _sp_suggest_issue_direction (engine, i, words);

        g_array_append_val (engine->directions, direction);
        g_ptr_array_add (removed, words);
      }
    for (guint i = 0; i < engine->entries->len; i++)
      {
        SpLexEntry *entry = g_ptr_array_index (engine->entries, i);

        if (entry->kind == SP_LEX_KEYWORD && !entry->opposes && entry->index < removed->len)
          entry->removed = _sp_suggest_keyword_names_removed (engine, entry->phrase,
                                                              g_ptr_array_index (removed, entry->index));
      }
  }
}
