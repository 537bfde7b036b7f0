/* sp-suggest-private.h
 *
 * What the engine's files share: the lexicon entries, the codebook's copy of actors and
 * issues, the vocabulary and phrase trie the engine compiles from both, a sentence's tokens
 * and the marks the passes put on them. Every pass over a sentence is linear in its tokens:
 * each token costs one hash lookup, phrases are walked through the trie from the tokens that
 * start one, and every backward or forward look is bounded by a constant.
 */
#pragma once

#include "sp-suggest-engine.h"

G_BEGIN_DECLS

/* Longer words are never in a lexicon or a codebook */
#define SP_SUGGEST_MAX_WORD_BYTES   64

/* The analyst's claims an issue learns its words from, and how much of each is read */
#define SP_SUGGEST_MAX_EXAMPLES        500
#define SP_SUGGEST_MAX_EXAMPLE_BYTES   2000
/* How many words an issue learns at most, and from how many of its examples at least */
#define SP_SUGGEST_MAX_LEARNED         8
#define SP_SUGGEST_MIN_LEARNED_CLAIMS  2
/* A phrase of this many words at most */
#define SP_SUGGEST_MAX_PHRASE_WORDS 8
/* How far a verb looks back for its subject, and a cue for its keyword, in tokens */
#define SP_SUGGEST_SUBJECT_REACH    10
#define SP_SUGGEST_CUE_REACH        24
/* How far an action word before a keyword may stand from it ("hold the next round of talks"),
 * and one after it ("the tolls will not be lifted"), in tokens between */
#define SP_SUGGEST_OBJECT_REACH     8
#define SP_SUGGEST_PASSIVE_REACH    4
/* How far back from a passive stance verb ("the peace plan was not rejected by X") the
 * clause it speaks of may reach, in tokens */
#define SP_SUGGEST_AGENT_REACH      6
/* How much further a keyword before its cue counts than one after it, in tokens */
#define SP_SUGGEST_SUBJECT_DISTANCE 4
/* How far back the clause before "…, a proposal X rejected." may start, in tokens */
#define SP_SUGGEST_OBJECT_CLAUSE_REACH 20
/* The most tokens between two keywords listed together ("a truce, the tolls and a park") */
#define SP_SUGGEST_LIST_GAP         4
/* How far back a subject may stand before an apposition ("X, who …, said"), in tokens, and
 * how many subjects a list of them may have */
#define SP_SUGGEST_APPOSITION_REACH 30
#define SP_SUGGEST_MAX_COORDINATED  4
/* A name this close before "and" and a verb is the object of a first verb, not the subject */
#define SP_SUGGEST_OBJECT_BEFORE_AND 5
/* A quotation of this many tokens at most before "X said" and its content is a name */
#define SP_SUGGEST_NAME_QUOTE       5
/* The most function words (stop words, prepositions) a keyword of several words may have
 * between its content words, or in place of its own ("halt to fighting" in "a halt in the
 * fighting") */
#define SP_SUGGEST_KEYWORD_GAP      2
#define SP_SUGGEST_QUOTED_SUBJECT_REACH 3 /* auxiliaries and adverbs between a subject and its verb in a quotation */
#define SP_SUGGEST_INFINITIVE_REACH 3   /* words between a verb and the "to" of its infinitive: "urged the council not to" */
/* The most words between a stance noun's owner and the noun ("X's latest peace plan") */
#define SP_SUGGEST_NOUN_GAP         3

typedef enum
{
  SP_LEX_REPORT,     /* reporting verb */
  SP_LEX_STANCE,     /* stance cue, polarity and strength */
  SP_LEX_ACTION,     /* action word, polarity */
  SP_LEX_NEGATION,   /* negator, strength */
  SP_LEX_HEDGE,
  SP_LEX_VAGUE,      /* vague source */
  SP_LEX_TITLE,      /* role word */
  SP_LEX_DEMONYM,    /* text = place */
  SP_LEX_PRONOUN,
  SP_LEX_STOP,
  SP_LEX_PREPOSITION,
  SP_LEX_CLAUSE,     /* clause break */
  SP_LEX_ACCORDING,  /* "according to" */
  SP_LEX_CONDITION,  /* opens a condition: "if", "unless" */
  SP_LEX_ANAPHOR,    /* points back: "this", "such" */
  SP_LEX_UNOFFICIAL, /* a role that speaks for nobody: "former", "senator" */
  SP_LEX_COPULA,     /* links a subject to a stance word: "is", "remains" */
  SP_LEX_CIRCUMSTANCE, /* opens a circumstance of the claim: "during", "after" */
  SP_LEX_ACTOR,      /* codebook: name or alias; index = actor */
  SP_LEX_SURNAME,    /* codebook: a person's last name; index = actor */
  SP_LEX_KEYWORD,    /* codebook: issue keyword; index = issue */
  SP_LEX_N_KINDS
} SpLexKind;

#define SP_LEX_BIT(kind) (1u << (kind))

/* Inflection of an entry's words by the suffix rule (README, "Lexicons") */
typedef enum
{
  SP_INFLECT_NONE,
  SP_INFLECT_FIRST,   /* verbs: "rule out" -> "ruled out" */
  SP_INFLECT_LAST,    /* nouns and keywords: "peace deal" -> "peace deals" */
  SP_INFLECT_PLURAL,  /* the last word's plural only: titles, vague sources */
} SpInflect;

/* One lexicon line's form, or one codebook name, keyword or surname */
typedef struct
{
  SpLexKind  kind;
  char      *phrase;    /* as written */
  char      *lemma;     /* the line's first form, for explanations and features */
  char      *text;      /* demonym's place, pronoun's class; nullable */
  int        polarity;  /* -1, 0, +1 */
  int        strength;  /* 1 or 2 */
  guint      index;     /* actor or issue index in the codebook */
  gboolean   exact_case;/* acronyms: the text must be written as the phrase is */
  gboolean   needs_cap; /* names: the first word must start with a capital */
  gboolean   common;    /* a keyword written in lower case: not inside a name ("Strategic Arms Reduction Treaty") */
  SpInflect  inflect;
  gboolean   verb;      /* a stance verb, which attributes its clause to its subject */
  gboolean   noun;      /* a stance noun, which attributes its clause to its owner ("X's demand") */
  gboolean   reported_future; /* a hedge but in reported speech, where it is the future as stated ("said it would not …") */
  gboolean   removed;   /* a keyword that names what its issue's proposition removes ("sanctions" for "… should be lifted") */
  gboolean   opposes;   /* an opposing keyword: names the contrary of its issue's proposition ("neutrality" for "… should join the alliance") */
  gboolean   learned;   /* a keyword learnt from the analyst's claims, not written in the codebook */
  gboolean   excluded;  /* an excluded phrase: hides its issue's keywords inside it ("nuclear weapons") */
} SpLexEntry;

void        _sp_lex_entry_free           (SpLexEntry *entry);

struct _SpSuggestLexicons
{
  GPtrArray *entries;   /* SpLexEntry */
};

typedef struct
{
  SpSuggestActor public;
  char        **aliases;
  char         *surname;   /* persons: folded last word of the name, nullable */
} SpCodebookActor;

typedef struct
{
  SpSuggestIssue public;
  char         **keywords;
  char         **opposing;  /* opposing keywords */
  char         **excluded;  /* excluded phrases */
  char         **derived;   /* filled by the engine when keywords is empty */
  GPtrArray     *examples;  /* the quotes of the analyst's claims on the issue */
  char         **learned;   /* filled by the engine from the examples: words they share */
} SpCodebookIssue;

struct _SpSuggestCodebook
{
  GPtrArray *actors;    /* SpCodebookActor */
  GPtrArray *issues;    /* SpCodebookIssue */
};

/* Case-folds @word (of @len bytes) into @out; ASCII is folded in place, anything else by
 * GLib. Returns the folded length */
gsize       _sp_suggest_fold             (const char *word,
                                          gsize       len,
                                          GString    *out);

/* ---- tokens ---- */

typedef enum
{
  SP_TOKEN_WORD,
  SP_TOKEN_PUNCT,
  SP_TOKEN_QUOTE_OPEN,
  SP_TOKEN_QUOTE_CLOSE,
  SP_TOKEN_QUOTE,        /* straight quote: open or close by context */
} SpTokenKind;

enum
{
  SP_TOKEN_CAP        = 1 << 0,  /* starts with an upper-case letter */
  SP_TOKEN_ALL_CAPS   = 1 << 1,
  SP_TOKEN_POSSESSIVE = 1 << 2,  /* "Putin's", "allies'" */
  SP_TOKEN_FIRST      = 1 << 3,  /* first word of its sentence */
  SP_TOKEN_IN_QUOTE   = 1 << 4,  /* inside a quotation */
  SP_TOKEN_SPACE_BEFORE = 1 << 5,
  SP_TOKEN_VERB_TAIL  = 1 << 6,  /* a later word of a verb or action of several ("took back") */
};

typedef struct
{
  guint32 byte_start;
  guint32 byte_end;
  guint32 char_start;
  guint32 char_end;
  guint32 word;          /* vocabulary id, 0 when unknown */
  guint16 kind;
  guint16 flags;
  char    punct;         /* the punctuation character (ASCII) for SP_TOKEN_PUNCT */
} SpToken;

/* Tokenizes body[byte_start, byte_end) whose first character is number @char_start;
 * appends to @tokens (SpToken). Words are looked up in @engine's vocabulary. */
void        _sp_suggest_tokenize         (SpSuggestEngine *engine,
                                          const char      *body,
                                          gsize            byte_start,
                                          gsize            byte_end,
                                          guint32          char_start,
                                          GArray          *tokens,
                                          GString         *scratch);
/* The vocabulary id of a folded word, 0 if unknown */
guint32     _sp_suggest_vocab_lookup     (SpSuggestEngine *engine,
                                          const char      *folded,
                                          gsize            len);

/* ---- compiled engine ---- */

typedef struct
{
  guint32  first_entry;  /* into engine->node_entries */
  guint16  n_entries;
  guint16  has_children;
} SpTrieNode;

/* A keyword of several words as its content words, which may stand a few function words
 * apart in the text */
typedef struct
{
  guint32 entry;                              /* into engine->entries */
  guint32 n_words;
  gboolean verb_first;                        /* its first word is an action or a cue: "halt strikes" */
  guint32 words[SP_SUGGEST_MAX_PHRASE_WORDS]; /* vocabulary ids of its content words */
} SpGappedKeyword;

struct _SpSuggestEngine
{
  SpSuggestCodebook *codebook;
  SpSuggestLexicons *lexicons;
  GPtrArray         *entries;      /* SpLexEntry, all (lexicons' and the codebook's), unowned */
  GPtrArray         *own_entries;  /* SpLexEntry made from the codebook */
  GArray            *directions;   /* issue index -> int: its proposition's direction */
  GHashTable        *vocab;        /* folded word -> id (GUINT_TO_POINTER) */
  GPtrArray         *words;        /* id -> folded word (base form) */
  GArray            *word_kinds;   /* id -> guint32 kind bits of single-word entries */
  GArray            *word_starts;  /* id -> gboolean: starts a phrase */
  GArray            *nodes;        /* SpTrieNode; 0 is the root */
  GArray            *node_entries; /* guint32 entry indices */
  /* The trie's edges: open addressing over (node << 32 | word) */
  guint64           *edge_keys;
  guint32           *edge_values;
  gsize              edge_mask;
  GHashTable        *place_actor;  /* folded place -> actor index + 1 */
  GArray            *gapped;       /* SpGappedKeyword: keywords of two content words or more */
  GArray            *gap_start;    /* id -> guint8: the first content word of a gapped keyword */
  GArray            *heads;        /* id -> guint32: entry + 1 of the two-word keyword it is the last word of */
  guint32            word_on;
};

/* sp_suggest_engine_run() that also counts its work (token visits) into @work */
SpSuggestResult *_sp_suggest_engine_run_counted (SpSuggestEngine *engine,
                                                 const char      *body,
                                                 const guint32   *sentences,
                                                 guint            n_sentences,
                                                 guint64         *work);

/* Builds the vocabulary, the trie, the derived keywords and the directions */
void        _sp_suggest_engine_compile   (SpSuggestEngine *engine);

/* The node reached from @node by @word, 0 if none */
guint32     _sp_suggest_trie_step        (const SpSuggestEngine *engine,
                                          guint32                node,
                                          guint32                word);

/* ---- marks on a sentence's tokens ---- */

typedef enum
{
  SP_MENTION_NAME,       /* name or alias */
  SP_MENTION_SURNAME,
  SP_MENTION_TITLE,      /* "President X", "the president" resolved */
  SP_MENTION_ROLE,       /* demonym or possessive place + role: "Russian officials" */
  SP_MENTION_PRONOUN,
  SP_MENTION_UNKNOWN,    /* a capitalised name not in the codebook, with a title */
  SP_MENTION_VAGUE,
} SpMentionKind;

typedef struct
{
  guint          first;       /* token range [first, last] */
  guint          last;
  SpMentionKind  kind;
  int            actor;       /* codebook index, -1 for none */
  guint          name_first;  /* the name itself, for unknown speakers and explanations */
  guint          name_last;
  guint          title_first; /* the title before or after the name, G_MAXUINT for none */
  guint          title_last;
  guint          aff_first;   /* the affiliation as written, G_MAXUINT for none */
  guint          aff_last;
  guint          pronoun;     /* the word that was resolved (pronoun, "the president"), or G_MAXUINT */
  int            actor2;      /* "the two sides": the other of the pair, -1 for none */
} SpMention;

typedef enum
{
  SP_ATTR_QUOTE_SAID,       /* "…," X said / X said: "…" */
  SP_ATTR_QUOTE_CONTINUED,  /* a quotation going on from the previous speaker */
  SP_ATTR_REPORTED,         /* X said (that) … / …, X said */
  SP_ATTR_ACCORDING,        /* according to X */
  SP_ATTR_STANCE_VERB,      /* X rejected … */
  SP_ATTR_STANCE_NOUN,      /* X's demand that …, a X proposal for … */
  SP_ATTR_STANCE_WORD,      /* X is ready to …, X remains opposed to … */
  SP_ATTR_PASSIVE,          /* … was rejected by X, …, backed by X, */
  SP_ATTR_OBJECT_BEFORE,    /* …, a proposal X has flatly rejected. */
} SpAttrKind;

/* Whether an attribution's verb, noun or word is itself the first cue of its content's sign
 * chain ("X rejected …"), as a reporting verb or a passive's verb is not */
static inline gboolean
_sp_attr_kind_is_cue (SpAttrKind kind)
{
  return kind == SP_ATTR_STANCE_VERB || kind == SP_ATTR_STANCE_NOUN || kind == SP_ATTR_STANCE_WORD;
}

typedef struct
{
  SpAttrKind kind;
  guint      mention;       /* index into the sentence's mentions, G_MAXUINT for a continued quotation */
  int        actor;         /* codebook index, -1 for an unknown speaker */
  guint      subject;       /* the first token of the subject (or of the verb) */
  guint      verb;          /* token of the verb or G_MAXUINT */
  const SpLexEntry *verb_entry; /* the verb (report or stance), nullable */
  guint      first;         /* content tokens [first, end) */
  guint      end;
} SpAttribution;

typedef struct
{
  int        sign;          /* -1, +1, 0 when no cue */
  int        strength;
  gboolean   negated;
  gboolean   hedged;        /* conditional: a hedge, a modal or a condition */
  gboolean   removed;       /* read the other way: the keyword names what the proposition removes */
  gboolean   opposes;       /* read the other way: an opposing keyword */
  gboolean   speculative;   /* hedged by a hedge, a modal or a condition before the keyword, not only by one after it: with a negator, a forecast or a hypothesis */
  gboolean   explicit_cue;  /* a stance cue, not only action words */
  const SpLexEntry *cue_entry;    /* the last stance cue, nullable */
  const SpLexEntry *cue_before;   /* the last stance cue before the keyword but the attributing verb, nullable */
  guint             cue_before_at;/* its first token */
  const SpLexEntry *neg_entry;
  const SpLexEntry *hedge_entry;
  const SpLexEntry *action_entry;
  guint      clause_from;   /* the keyword's clause, tokens [clause_from, clause_to) */
  guint      clause_to;
  gboolean   in_condition;  /* the keyword follows a condition word ("if") in its clause */
  guint      anchor;        /* the first cue or action word the sign was read from, G_MAXUINT if none */
} SpStance;

typedef struct
{
  guint32 entry;
  guint32 first;
  guint32 last;
} SpPhraseMatch;

/* The state carried from sentence to sentence while reading one document */
typedef struct
{
  SpSuggestEngine *engine;
  const char      *body;
  GArray          *tokens;     /* SpToken of the current sentence */
  GArray          *mentions;   /* SpMention */
  GArray          *attrs;      /* SpAttribution */
  GArray          *matches;    /* SpPhraseMatch, by first token */
  GArray          *match_index;/* token -> first match starting at it; n_tokens + 1 of them */
  GString         *scratch;
  GHashTable      *known;      /* actor indices seen in full in this document */
  GHashTable      *lower_words;/* the words (ASCII) the document writes in lower case, folded;
                                * NULL until a sentence's first word may start a name */
  int              last_person;      /* nearest person before, -1 */
  gboolean         person_named;     /* last_person was named or pointed to in this paragraph */
  int              recent[2];        /* the last actor named and the last one of another group before it, -1 */
  int              last_speaker;     /* actor of the last quotation, -1 */
  guint            last_speaker_sp;  /* its unknown speaker + 1 */
  gboolean         quote_open;       /* a quotation runs on into the next sentence */
  GPtrArray       *speakers;         /* SpSuggestSpeaker */
  GHashTable      *speaker_index;    /* name -> index + 1 */
  guint32          word_that;        /* "that" after a reporting verb */
  guint32          word_of;          /* "of" and "from" may stand between an action and its object */
  guint32          word_from;
  guint32          word_in;
  guint32          word_against;     /* "sanctions against X": a preposition right after a keyword */
  guint32          word_by;          /* "rejected by X": a passive stance verb's agent */
  guint32          word_and;         /* list glue and articles, for keywords listed together */
  guint32          word_or;
  guint32          word_a;
  guint32          word_an;
  guint32          word_the;
  guint32          word_who;         /* open a relative clause after a subject */
  guint32          word_which;
  guint32          word_something;   /* open a relative clause after a comma ("…, something X rejected") */
  guint32          word_what;
  guint32          word_to;          /* "urged X to …": X is asked */
  GArray          *mention_start;    /* guint32, of this sentence: token -> the mention + 1 whose first token it is, 0 for none */
  GArray          *mention_end;      /* guint32, of this sentence: token -> the mention + 1 whose last token it is, 0 for none */
  guint64          work;             /* token visits, for the linear-time tests */
} SpSuggestRun;

/* Trie matches over the sentence's tokens: at each token, the longest phrase of each kind
 * (SpLexKind) that starts there, all of its entries */
void        _sp_suggest_find_phrases     (SpSuggestRun    *run);
/* Whether @t is a word of more than @min_bytes bytes ending in @suffix ("-ing", "-ly") */
gboolean          _sp_suggest_word_ends_with (SpSuggestRun  *run,
                                              const SpToken *t,
                                              const char    *suffix,
                                              gsize          min_bytes);
/* The entry (in engine->entries) of kind @kind that starts at token @i, or NULL; @last is
 * set to the phrase's last token */
/* Whether @t is @word (its first word, for a phrase), in either case */
gboolean          _sp_suggest_word_is    (SpSuggestRun    *run,
                                          const SpToken   *t,
                                          const char      *word);
const SpLexEntry *_sp_suggest_phrase_at  (SpSuggestRun    *run,
                                          guint            i,
                                          SpLexKind        kind,
                                          guint           *last);
void        _sp_suggest_find_mentions    (SpSuggestRun    *run);
/* The group (top-most affiliation) of codebook actor @actor */
gint64      _sp_suggest_group_of         (SpSuggestRun    *run,
                                          int              actor);
/* A pronoun entry of the kind "possessive" ("his"): no mention, the owner of what follows */
gboolean    _sp_suggest_is_possessive_pronoun (const SpLexEntry *entry);
/* Token @i of the sentence, or NULL past its end */
static inline const SpToken *
_sp_suggest_tok (SpSuggestRun *run,
                 guint         i)
{
  return i < run->tokens->len ? &g_array_index (run->tokens, SpToken, i) : NULL;
}

/* sp-suggest-subjects.c: who the subject of a verb is. Mentions are looked up by their
 * first or last token in per-sentence indexes of mention + 1 (0 for none). */
gboolean          _sp_suggest_is_punct       (SpSuggestRun    *run,
                                              guint            i,
                                              const char      *which);
/* A reporting verb, or a stance verb, starting at @i; @last is set to its last token */
const SpLexEntry *_sp_suggest_verb_at        (SpSuggestRun    *run,
                                              guint            i,
                                              guint           *last);
int               _sp_suggest_mention_ending_at   (const guint32 *mention_end,
                                                   guint          i);
int               _sp_suggest_mention_starting_at (const guint32 *mention_start,
                                                   guint          i,
                                                   guint          n);
gboolean          _sp_suggest_possessive_owner (SpSuggestRun    *run,
                                                const SpMention *mention);
gboolean          _sp_suggest_owner_or_object  (SpSuggestRun    *run,
                                                const SpMention *mention);
gboolean          _sp_suggest_is_base_form   (SpSuggestRun    *run,
                                              guint            v);
gboolean          _sp_suggest_is_singular    (SpSuggestRun    *run,
                                              const SpMention *mention);
int               _sp_suggest_find_subject   (SpSuggestRun    *run,
                                              const guint32   *mention_end,
                                              guint            v);
int               _sp_suggest_coordinated_before (SpSuggestRun  *run,
                                                  const guint32 *mention_end,
                                                  int            m);
int               _sp_suggest_subject_in_apposition     (SpSuggestRun  *run,
                                                         const guint32 *mention_end,
                                                         guint          v);
int               _sp_suggest_subject_before_apposition (SpSuggestRun  *run,
                                                         const guint32 *mention_end,
                                                         guint          v);

void        _sp_suggest_attribute        (SpSuggestRun    *run);
/* The stance noun (stance-nouns.txt) starting at token @i, or NULL; @last is set to its last
 * token */
const SpLexEntry *_sp_suggest_noun_at    (SpSuggestRun    *run,
                                          guint            i,
                                          guint           *last);
typedef struct
{
  guint             issue;
  guint             first;   /* the keyword's tokens */
  guint             last;
  const SpLexEntry *entry;
} SpIssueHit;

/* The issue keywords in tokens [first, end): appends SpIssueHit */
void        _sp_suggest_find_issues      (SpSuggestRun    *run,
                                          guint            first,
                                          guint            end,
                                          GArray          *hits);
void        _sp_suggest_read_stance      (SpSuggestRun    *run,
                                          const SpAttribution *attr,
                                          const SpLexEntry *keyword_entry,
                                          guint            keyword,
                                          guint            keyword_last,
                                          guint            issue,
                                          SpStance        *stance);
/* The direction (+1/-1) of an issue's proposition, and in @removed_words (guint32) the words
 * of what it removes when it is a passive that gives up or ends something ("Sanctions on
 * Russia should be lifted") */
int         _sp_suggest_issue_direction  (SpSuggestEngine *engine,
                                          guint            issue,
                                          GArray          *removed_words);
/* Whether every word of @keyword is one of @removed_words */
gboolean    _sp_suggest_keyword_names_removed (SpSuggestEngine *engine,
                                               const char      *keyword,
                                               GArray          *removed_words);

G_END_DECLS
