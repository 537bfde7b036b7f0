/* sp-suggest-evaluate.h
 *
 * How good the suggestions are: predicted claims scored against a hand-coded gold set
 * (bench/gold/README.md). Both are lists of items (document, group actor, issue key, stance
 * sign, sentence). The gold is read from its tab-separated file, checked line by line; the
 * predictions come from the caller, or from a file in the same format.
 *
 * Two levels of agreement:
 * - document level: a prediction is right when the gold has the same (document, actor,
 *   issue, sign) triple; several predictions of one triple count once;
 * - sentence level: a prediction is right when, in addition, its sentence lies within the
 *   tolerance of the one sentence the gold names for that triple; each gold line is matched
 *   once, other predictions of its triple count as false positives (and are also counted in
 *   n_other_sentence, to tell them from wrong triples). A prediction without a sentence is a
 *   false positive at sentence level.
 * Documents are compared by their normal form (sp_name_normalize), actors and issue keys by the
 * store's rule for names (sp_name_fold); only the sign of a stance counts. Predictions on
 * documents the gold does not name are left out and counted in n_ignored, so that one run of
 * the engine over a whole corpus can be scored on each part of the gold.
 *
 * Pure: no project, no I/O beyond sp_suggest_gold_load(); every function may run in any thread.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SP_SUGGEST_EVALUATE_ERROR (sp_suggest_evaluate_error_quark ())

/* The header line every gold or prediction file starts with, columns separated by tabs */
#define SP_SUGGEST_TSV_HEADER    "doc\tactor\tissue\tstance\tsentence"
#define SP_SUGGEST_TSV_MAX_LINE  4096                 /* bytes, without the line break */
#define SP_SUGGEST_TSV_MAX_SIZE  (16 * 1024 * 1024)   /* bytes */
#define SP_SUGGEST_MAX_SENTENCE  1000000

typedef enum
{
  SP_SUGGEST_EVALUATE_ERROR_INVALID,   /* a bad line: the message is FILE:LINE: why */
  SP_SUGGEST_EVALUATE_ERROR_TOO_LARGE, /* a file over SP_SUGGEST_TSV_MAX_SIZE */
} SpSuggestEvaluateError;

/* What a file holds */
typedef enum
{
  SP_SUGGEST_TSV_GOLD,        /* stance +1, -1 or 0; a sentence on every claim; no duplicates */
  SP_SUGGEST_TSV_PREDICTIONS, /* stance -2 … 2; the sentence may be empty; duplicates allowed */
} SpSuggestTsvKind;

/* One claim, of the gold or predicted; strings are borrowed (or owned by their list) */
typedef struct
{
  const char *doc;
  const char *actor;     /* the group actor's name */
  const char *issue;     /* the issue key */
  int         stance;    /* only its sign counts */
  guint       sentence;  /* 1-based; 0 for none */
} SpSuggestItem;

/* A list of items read from a file; for the gold, also the documents it names */
typedef struct _SpSuggestList SpSuggestList;

typedef struct
{
  guint  tp;
  guint  fp;
  guint  fn;
  double precision;  /* tp / (tp + fp), 0 when nothing was predicted */
  double recall;     /* tp / (tp + fn), 0 when the gold is empty */
  double f1;         /* their harmonic mean, 0 when both are 0 */
} SpSuggestCounts;

typedef struct
{
  SpSuggestCounts documents;        /* document level */
  SpSuggestCounts sentences;        /* sentence level, within sentence_tolerance */
  guint           sentence_tolerance;
  guint           n_documents;      /* documents the gold names */
  guint           n_predictions;    /* items given */
  guint           n_ignored;        /* items on documents the gold does not name */
  guint           n_other_sentence; /* sentence-level false positives of a gold triple */
  GPtrArray      *false_positives;  /* (element-type SpSuggestItem) document level, sorted */
  GPtrArray      *false_negatives;  /* (element-type SpSuggestItem) document level, sorted */
} SpSuggestScore;

GQuark          sp_suggest_evaluate_error_quark (void);

/* @source_name names the file in messages. Refuses the whole file at its first bad line. */
SpSuggestList  *sp_suggest_list_parse       (const char            *data,
                                             gsize                  length,
                                             const char            *source_name,
                                             SpSuggestTsvKind       kind,
                                             GError               **error);
SpSuggestList  *sp_suggest_list_load        (const char            *path,
                                             SpSuggestTsvKind       kind,
                                             GError               **error);
void            sp_suggest_list_free        (SpSuggestList         *list);
/* The claims, in file order (a gold document's line without a claim is not an item) */
guint           sp_suggest_list_get_n_items (const SpSuggestList   *list);
const SpSuggestItem *sp_suggest_list_get_item (const SpSuggestList *list,
                                             guint                  index);
guint           sp_suggest_list_get_n_documents (const SpSuggestList *list);
gboolean        sp_suggest_list_has_document (const SpSuggestList  *list,
                                             const char            *doc);

/* Scores @predictions against @gold (read as SP_SUGGEST_TSV_GOLD). @predictions may be
 * NULL when @n_predictions is 0. */
SpSuggestScore *sp_suggest_evaluate         (const SpSuggestList   *gold,
                                             const SpSuggestItem   *predictions,
                                             guint                  n_predictions,
                                             guint                  sentence_tolerance);
SpSuggestScore *sp_suggest_evaluate_list    (const SpSuggestList   *gold,
                                             const SpSuggestList   *predictions,
                                             guint                  sentence_tolerance);
void            sp_suggest_score_free       (SpSuggestScore        *score);

/* The figures as text, one per line; with @verbose, then every false positive ("fp") and
 * false negative ("fn") at document level, one a line, tab-separated */
char           *sp_suggest_score_format     (const SpSuggestScore  *score,
                                             gboolean               verbose);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpSuggestList, sp_suggest_list_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpSuggestScore, sp_suggest_score_free)

G_END_DECLS
