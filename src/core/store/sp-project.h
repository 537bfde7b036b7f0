/* sp-project.h
 *
 * One .standpoint file: a SQLite database holding documents, the codebook (actors and
 * issues) and claims. Every public mutator is one transaction and, for claim and codebook
 * edits, one undo step. An SpProject is one connection: use it from one thread at a time, and
 * open another SpProject on the same path for a worker thread (WAL lets readers and one
 * writer run side by side). sp_project_open_async() opens in a worker thread and hands the
 * project over: from its callback on, use it from the thread that called it only.
 */
#pragma once

#include <gio/gio.h>

#include "sp-types.h"
#include "sp-actor.h"
#include "sp-claim.h"
#include "sp-document.h"
#include "sp-issue.h"
#include "sp-removal.h"
#include "sp-suggestion.h"

G_BEGIN_DECLS

#define SP_TYPE_PROJECT (sp_project_get_type ())

G_DECLARE_FINAL_TYPE (SpProject, sp_project, SP, PROJECT, GObject)

/* "StPt" in the database header, so that no other program's SQLite file is taken for ours */
#define SP_PROJECT_APPLICATION_ID 0x53745074
#define SP_PROJECT_SCHEMA_VERSION 10
#define SP_PROJECT_SUFFIX         ".standpoint"

/* A block that cleaning took out of a document's text, to be shown and put back on demand */
typedef struct
{
  guint       offset;        /* the body character before which the block stood */
  const char *text;
  const char *reason;        /* why it was taken out, for the reader */
} SpRemovedBlockFields;

/* What a new document is made of; everything is borrowed. */
typedef struct
{
  const char                 *file_name;     /* base name of the imported file */
  const char                 *title;
  SpTitleKind                 title_kind;
  const char                 *date;          /* YYYY-MM-DD or NULL */
  SpDateSource                date_source;
  double                      date_confidence; /* 0 … 1 */
  const char                 *source;        /* nullable */
  const char                 *url;           /* nullable */
  const char                 *author;        /* nullable */
  const char                 *section;       /* nullable: where it stood in its publication */
  const char                 *document_type; /* nullable: "Opinion", "Testimony", … */
  const char                 *body;          /* cleaned UTF-8, the text claims are anchored to */
  const char                 *content_hash;  /* SHA-256 of the file's bytes (and the article's place in it) */
  const char                 *text_hash;     /* SHA-256 of body */
  const SpRemovedBlockFields *removed;       /* in body order */
  guint                       n_removed;
  const guint32              *sentences;     /* (start, end) character offsets, in order */
  guint                       n_sentences;
  guint64                     simhash;       /* of the body's words, for near-duplicates; 0 for none */
  gint64                      near_duplicate_of; /* a document this one nearly repeats, or 0 */
  const guint64              *line_hashes;   /* the body's short lines, for recurring-line counts */
  guint                       n_line_hashes;
} SpDocumentFields;

/* What an analyst can change about a document; everything is borrowed. */
typedef struct
{
  const char *title;   /* not empty */
  const char *date;    /* YYYY-MM-DD, or NULL for none */
  const char *source;  /* NULL or "" for none; the same for url and author */
  const char *url;
  const char *author;
} SpDocumentMetadata;

/* A span of a document's body, in characters: [start, end) */
typedef struct
{
  guint start;
  guint end;
} SpTextRange;


/* What a claim is made of. note may be NULL; confidence is ignored for manual claims. */
typedef struct
{
  gint64         document_id;
  guint          start;
  guint          end;
  gint64         actor_id;
  gint64         issue_id;
  int            stance;
  const char    *note;
  SpClaimOrigin  origin;
  double         confidence;
} SpClaimSpec;

/* What a suggestion is made of, as a suggestion pass stores it; everything is borrowed.
 * Offsets are characters of the stored body, [start, end). */
typedef struct
{
  guint               sentence;     /* index into the document's sentences */
  guint               start;
  guint               end;
  gint64              actor_id;
  gint64              issue_id;
  int                 stance;       /* -2 … 2 */
  gboolean            conditional;  /* hedged or modal */
  double              prior;        /* the engine's own confidence, 0 … 1 */
  double              confidence;   /* the learnt model's, 0 … 1 (the prior before any decision) */
  const char         *explanation;  /* nullable */
  const char * const *features;     /* nullable, NULL-terminated; no element contains '\n' */
} SpSuggestionFields;

/* sp_project_list_suggestions() filters on a set of statuses: 0 for all */
#define SP_SUGGESTION_STATUS_MASK(status) (1u << (status))

/* A pending suggestion's new confidence (sp_project_update_suggestion_confidences()) */
typedef struct
{
  gint64 id;
  double confidence;
} SpSuggestionScore;

/* A pending suggestion's new confidence, 0 … 1, from its features and the engine's prior */
typedef double (*SpSuggestionScorer) (const char * const *features,
                                      double              prior,
                                      gpointer            user_data);

/* A speaker a suggestion pass saw who is not in the codebook; everything is borrowed */
typedef struct
{
  const char *name;         /* as written, e.g. "Kaja Kallas" */
  const char *title;        /* nullable */
  const char *affiliation;  /* nullable, as written */
  guint       n_mentions;   /* attributed statements */
  gint64      document_id;  /* a document where the speaker was seen */
} SpSpeakerFields;

/* A discovered speaker as the store lists it (sp_project_list_speakers()) */
typedef struct
{
  gint64    id;
  char     *name;
  char     *title;        /* nullable */
  char     *affiliation;  /* nullable */
  guint     n_mentions;
  gint64    document_id;  /* 0 when that document was deleted since */
  gboolean  dismissed;
} SpDiscoveredSpeaker;

void sp_discovered_speaker_free (SpDiscoveredSpeaker *speaker);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpDiscoveredSpeaker, sp_discovered_speaker_free)

/* One stance behind the position matrix: a claim, or a pending suggestion. Strings are
 * borrowed for the duration of the call. See sp_project_foreach_stance(). */
typedef struct
{
  gint64       id;           /* the claim's id, or the suggestion's when @pending */
  gint64       document_id;
  gint64       actor_id;
  gint64       issue_id;
  int          stance;       /* −2..+2 */
  gboolean     pending;      /* a suggestion nobody has reviewed yet */
  const char  *date;         /* the document's YYYY-MM-DD, or NULL when undated */
  const char  *source;       /* the document's source, or NULL */
} SpStanceRow;

typedef void (*SpStanceRowFunc) (const SpStanceRow *row,
                                 gpointer           user_data);

SpProject   *sp_project_create                (const char          *path,
                                               GError             **error);
SpProject   *sp_project_open                  (const char          *path,
                                               GError             **error);
SpProject   *sp_project_open_or_create        (const char          *path,
                                               GError             **error);
SpProject   *sp_project_open_read_only        (const char          *path,
                                               GError             **error);
void         sp_project_open_async            (const char          *path,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
SpProject   *sp_project_open_finish           (GAsyncResult        *result,
                                               GError             **error);
const char  *sp_project_get_path              (SpProject           *self);
gboolean     sp_project_is_read_only          (SpProject           *self);
const char  *sp_project_get_read_only_reason  (SpProject           *self);
GPtrArray   *sp_project_get_open_notes        (SpProject           *self);
void         sp_project_notify_changed        (SpProject           *self,
                                               SpChangeFlags        what);

guint        sp_project_count_documents       (SpProject           *self);
guint        sp_project_count_actors          (SpProject           *self);
guint        sp_project_count_issues          (SpProject           *self);
GListModel  *sp_project_list_documents        (SpProject           *self,
                                               GError             **error);
SpDocument  *sp_project_get_document          (SpProject           *self,
                                               gint64               id,
                                               GError             **error);
char        *sp_project_dup_document_body     (SpProject           *self,
                                               gint64               id,
                                               GError             **error);
gboolean     sp_project_find_document         (SpProject           *self,
                                               const char          *id_or_file_name,
                                               gint64              *id,
                                               GError             **error);
gboolean     sp_project_find_duplicate        (SpProject           *self,
                                               const char          *content_hash,
                                               const char          *text_hash,
                                               gint64              *existing_id,
                                               GError             **error);
gint64       sp_project_add_document          (SpProject           *self,
                                               const SpDocumentFields *fields,
                                               GError             **error);
guint32     *sp_project_dup_document_sentences (SpProject          *self,
                                               gint64               id,
                                               guint               *n_pairs,
                                               GError             **error);
gboolean     sp_project_update_document       (SpProject           *self,
                                               gint64               id,
                                               const SpDocumentMetadata *metadata,
                                               GError             **error);
gboolean     sp_project_delete_document       (SpProject           *self,
                                               gint64               id,
                                               gboolean             with_claims,
                                               GError             **error);
GListModel  *sp_project_list_removals         (SpProject           *self,
                                               gint64               document_id,
                                               GError             **error);
gboolean     sp_project_restore_removal       (SpProject           *self,
                                               gint64               removal_id,
                                               GError             **error);
GListModel  *sp_project_search_documents      (SpProject           *self,
                                               const char          *query,
                                               GError             **error);
GArray      *sp_project_find_in_document      (SpProject           *self,
                                               gint64               id,
                                               const char          *query,
                                               GError             **error);
GArray      *sp_project_find_near_duplicates  (SpProject           *self,
                                               guint64              simhash,
                                               guint                max_distance,
                                               GError             **error);
gboolean     sp_project_find_nearest_duplicates (SpProject         *self,
                                               const guint64       *simhashes,
                                               guint                n,
                                               guint                max_distance,
                                               gint64              *nearest,
                                               GError             **error);
gboolean     sp_project_set_near_duplicate    (SpProject           *self,
                                               gint64               id,
                                               gint64               of_id,
                                               GError             **error);
gboolean     sp_project_count_lines           (SpProject           *self,
                                               const guint64       *hashes,
                                               guint                n_hashes,
                                               guint               *counts,
                                               GError             **error);

GListModel  *sp_project_list_actors           (SpProject           *self,
                                               GError             **error);
SpActor     *sp_project_get_actor             (SpProject           *self,
                                               gint64               id,
                                               GError             **error);
gboolean     sp_project_find_actor            (SpProject           *self,
                                               const char          *name_or_alias,
                                               gint64              *id,
                                               GError             **error);
gint64       sp_project_add_actor             (SpProject           *self,
                                               const char          *name,
                                               SpActorKind          kind,
                                               gint64               affiliation_id,
                                               const char * const  *aliases,
                                               GError             **error);
gboolean     sp_project_update_actor          (SpProject           *self,
                                               gint64               id,
                                               const char          *name,
                                               SpActorKind          kind,
                                               gint64               affiliation_id,
                                               const char * const  *aliases,
                                               GError             **error);
gboolean     sp_project_delete_actor          (SpProject           *self,
                                               gint64               id,
                                               GError             **error);
GHashTable  *sp_project_dup_actor_groups      (SpProject           *self,
                                               GError             **error);
gboolean     sp_project_merge_actors          (SpProject           *self,
                                               gint64               keep_id,
                                               gint64               merged_id,
                                               GError             **error);

GListModel  *sp_project_list_issues           (SpProject           *self,
                                               GError             **error);
SpIssue     *sp_project_get_issue             (SpProject           *self,
                                               gint64               id,
                                               GError             **error);
gboolean     sp_project_find_issue            (SpProject           *self,
                                               const char          *key,
                                               gint64              *id,
                                               GError             **error);
gint64       sp_project_add_issue             (SpProject           *self,
                                               const char          *key,
                                               const char          *label,
                                               const char          *proposition,
                                               const char * const  *keywords,
                                               GError             **error);
gboolean     sp_project_update_issue          (SpProject           *self,
                                               gint64               id,
                                               const char          *key,
                                               const char          *label,
                                               const char          *proposition,
                                               const char * const  *keywords,
                                               GError             **error);
gboolean     sp_project_set_issue_keywords_of_kind
                                              (SpProject           *self,
                                               gint64               id,
                                               SpKeywordKind        kind,
                                               const char * const  *keywords,
                                               GError             **error);
gboolean     sp_project_delete_issue          (SpProject           *self,
                                               gint64               id,
                                               GError             **error);

GListModel  *sp_project_list_claims           (SpProject           *self,
                                               gint64               document_id,
                                               GError             **error);
GListModel  *sp_project_list_issue_claims     (SpProject           *self,
                                               gint64               issue_id,
                                               GError             **error);
GListModel  *sp_project_list_actor_claims     (SpProject           *self,
                                               gint64               actor_id,
                                               gboolean             with_members,
                                               GError             **error);
SpClaim     *sp_project_get_claim             (SpProject           *self,
                                               gint64               id,
                                               GError             **error);
gboolean     sp_project_foreach_stance        (SpProject           *self,
                                               gboolean             with_pending,
                                               SpStanceRowFunc      func,
                                               gpointer             user_data,
                                               GError             **error);
gint64       sp_project_add_claim             (SpProject           *self,
                                               const SpClaimSpec   *spec,
                                               GError             **error);
gboolean     sp_project_update_claim          (SpProject           *self,
                                               gint64               id,
                                               const SpClaimSpec   *spec,
                                               GError             **error);
gboolean     sp_project_delete_claim          (SpProject           *self,
                                               gint64               id,
                                               GError             **error);

gboolean     sp_project_replace_suggestions   (SpProject           *self,
                                               gint64               document_id,
                                               const SpSuggestionFields *suggestions,
                                               guint                n_suggestions,
                                               guint               *n_stored,
                                               GError             **error);
GListModel  *sp_project_list_suggestions      (SpProject           *self,
                                               gint64               document_id,
                                               guint                statuses,
                                               GError             **error);
SpSuggestion *sp_project_get_suggestion       (SpProject           *self,
                                               gint64               id,
                                               GError             **error);
gboolean     sp_project_set_suggestion_status (SpProject           *self,
                                               gint64               id,
                                               SpSuggestionStatus   status,
                                               gint64               claim_id,
                                               GError             **error);
gboolean     sp_project_update_suggestion_confidences (SpProject   *self,
                                               const SpSuggestionScore *scores,
                                               guint                n_scores,
                                               GError             **error);
gboolean     sp_project_rescore_suggestions   (SpProject           *self,
                                               gint64               document_id,
                                               SpSuggestionScorer   scorer,
                                               gpointer             user_data,
                                               GError             **error);
gboolean     sp_project_count_suggestions     (SpProject           *self,
                                               guint                counts[4],
                                               GError             **error);
GBytes      *sp_project_get_model             (SpProject           *self,
                                               GError             **error);
gboolean     sp_project_set_model             (SpProject           *self,
                                               GBytes              *model,
                                               GError             **error);
gboolean     sp_project_replace_speakers      (SpProject           *self,
                                               const SpSpeakerFields *speakers,
                                               guint                n_speakers,
                                               GError             **error);
GPtrArray   *sp_project_list_speakers         (SpProject           *self,
                                               gboolean             with_dismissed,
                                               GError             **error);
gboolean     sp_project_dismiss_speaker       (SpProject           *self,
                                               gint64               id,
                                               gboolean             dismissed,
                                               GError             **error);

gboolean     sp_project_begin_action          (SpProject           *self,
                                               const char          *undo_label,
                                               GError             **error);
gboolean     sp_project_end_action            (SpProject           *self,
                                               gboolean             success,
                                               GError             **error);

gboolean     sp_project_can_undo              (SpProject           *self);
gboolean     sp_project_can_redo              (SpProject           *self);
const char  *sp_project_get_undo_label        (SpProject           *self);
const char  *sp_project_get_redo_label        (SpProject           *self);
gboolean     sp_project_undo                  (SpProject           *self,
                                               GError             **error);
gboolean     sp_project_redo                  (SpProject           *self,
                                               GError             **error);

G_END_DECLS
