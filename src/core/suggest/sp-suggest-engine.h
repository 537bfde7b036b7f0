/* sp-suggest-engine.h
 *
 * The suggestion engine: reads a document's sentences against the project's codebook and
 * proposes claims (actor A takes stance S on issue I in this span). Sentence by sentence:
 * - who speaks: actor mentions (names, aliases, possessives, titles such as "President X",
 *   demonym + role, pronouns and "the president" resolved to the nearest compatible person
 *   before them), and attribution of content to its source (direct quotes, reported speech,
 *   "according to X", stance verbs without quotes); the journalist's own sentences and vague
 *   sources are nobody's claims;
 * - about what: the issues whose keywords (or, without keywords, the words of the label and
 *   proposition) occur in the attributed content;
 * - for or against: the sign chain of stance cues towards the issue's proposition, with
 *   negation scope; hedges and modals lower the confidence and mark the claim conditional.
 * The lexicons (reporting verbs, stance verbs, negation, hedges…) are data files, one folder
 * per language (data/lexicons/en/), read by sp_suggest_lexicons_load().
 *
 * An engine is built once per pass and is then read-only: sp_suggest_engine_run() may be
 * called from any number of threads at once. Nothing here touches the project file except
 * sp_suggest_codebook_new_from_project(), which reads the codebook in the project's thread.
 */
#pragma once

#include <gio/gio.h>

#include "sp-project.h"

G_BEGIN_DECLS

#define SP_SUGGEST_ERROR (sp_suggest_error_quark ())

typedef enum
{
  SP_SUGGEST_ERROR_LEXICON,   /* a lexicon file is missing or has a bad line (FILE:LINE: why) */
  SP_SUGGEST_ERROR_MODEL,     /* a stored model could not be read */
} SpSuggestError;

/* One codebook actor, as the engine sees it; strings are owned by the codebook */
typedef struct
{
  gint64        id;
  const char   *name;
  SpActorKind   kind;
  gint64        group_id;      /* top-most affiliation, or id itself */
  gint64        affiliation_id;/* 0 for none */
  const char  **aliases;       /* NULL-terminated */
} SpSuggestActor;

/* One codebook issue */
typedef struct
{
  gint64        id;
  const char   *key;
  const char   *label;
  const char   *proposition;
  const char  **keywords;      /* NULL-terminated; may be empty */
  const char  **opposing_keywords; /* name the contrary of the proposition: a statement
                                    * for them is against it; NULL-terminated, nullable */
  const char  **excluded_phrases;  /* a keyword in them is not the issue's ("nuclear
                                    * weapons"); NULL-terminated, nullable */
} SpSuggestIssue;

typedef struct _SpSuggestCodebook SpSuggestCodebook;
typedef struct _SpSuggestLexicons SpSuggestLexicons;
typedef struct _SpSuggestEngine   SpSuggestEngine;

/* A proposed claim. Offsets are characters of the stored body, [start, end). */
typedef struct
{
  guint    sentence;     /* index into the document's sentences */
  guint    start;
  guint    end;
  gint64   actor_id;
  gint64   issue_id;
  int      stance;       /* -2 … 2, never 0 unless the cue is neutral */
  gboolean conditional;  /* hedged or modal: "would be willing", "reportedly" */
  double   confidence;   /* the engine's own, 0 … 1, before any learning */
  char    *explanation;  /* for people: the cue words, the attribution pattern, the keyword */
  char   **features;     /* for the learning model: names such as "attr:quote-said",
                          * "cue:reject", "neg", "kw:nato", "actor:12"; NULL-terminated */
} SpSuggestCandidate;

/* A speaker the engine saw who is not in the codebook, for actor discovery */
typedef struct
{
  char    *name;         /* as written, e.g. "Kaja Kallas" */
  char    *title;        /* nullable, e.g. "foreign policy chief" */
  char    *affiliation;  /* nullable, as written, e.g. "European Union" */
  guint    n_mentions;   /* attributed statements in this document */
} SpSuggestSpeaker;

/* What one document gave */
typedef struct
{
  GPtrArray *candidates; /* (element-type SpSuggestCandidate), in text order */
  GPtrArray *speakers;   /* (element-type SpSuggestSpeaker) */
} SpSuggestResult;

GQuark              sp_suggest_error_quark                (void);

/* The lexicons of @language ("en"), from $STANDPOINT_LEXICON_DIR or the installed data dir */
SpSuggestLexicons  *sp_suggest_lexicons_load              (const char              *language,
                                                           GError                 **error);
SpSuggestLexicons  *sp_suggest_lexicons_load_from_dir     (const char              *dir,
                                                           GError                 **error);
void                sp_suggest_lexicons_free              (SpSuggestLexicons       *lexicons);

SpSuggestCodebook  *sp_suggest_codebook_new               (void);
void                sp_suggest_codebook_add_actor         (SpSuggestCodebook       *codebook,
                                                           const SpSuggestActor    *actor);
void                sp_suggest_codebook_add_example       (SpSuggestCodebook       *codebook,
                                                           gint64                   issue_id,
                                                           const char              *quote);
void                sp_suggest_codebook_add_issue         (SpSuggestCodebook       *codebook,
                                                           const SpSuggestIssue    *issue);
SpSuggestCodebook  *sp_suggest_codebook_new_from_project  (SpProject               *project,
                                                           GError                 **error);
void                sp_suggest_codebook_free              (SpSuggestCodebook       *codebook);

/* Takes both */
SpSuggestEngine    *sp_suggest_engine_new                 (SpSuggestCodebook       *codebook,
                                                           SpSuggestLexicons       *lexicons);
void                sp_suggest_engine_free                (SpSuggestEngine         *engine);

/* @sentences: (start, end) character pairs as the store keeps them (sp_project_dup_document_sentences) */
SpSuggestResult    *sp_suggest_engine_run                 (SpSuggestEngine         *engine,
                                                           const char              *body,
                                                           const guint32           *sentences,
                                                           guint                    n_sentences);

void                sp_suggest_candidate_free             (SpSuggestCandidate      *candidate);
void                sp_suggest_speaker_free               (SpSuggestSpeaker        *speaker);
void                sp_suggest_result_free                (SpSuggestResult         *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpSuggestLexicons, sp_suggest_lexicons_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpSuggestCodebook, sp_suggest_codebook_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpSuggestEngine, sp_suggest_engine_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpSuggestResult, sp_suggest_result_free)

G_END_DECLS
