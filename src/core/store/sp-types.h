/* sp-types.h
 *
 * Forward declarations and the enums of the store's snapshot types. Enum GTypes are
 * generated from this header by gnome.mkenums_simple (sp-enums.h).
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _SpProject  SpProject;
typedef struct _SpDocument SpDocument;
typedef struct _SpActor    SpActor;
typedef struct _SpIssue    SpIssue;
typedef struct _SpClaim    SpClaim;
typedef struct _SpRemoval  SpRemoval;
typedef struct _SpSuggestion SpSuggestion;

typedef enum
{
  SP_ACTOR_KIND_PERSON,
  SP_ACTOR_KIND_ORGANISATION,
  SP_ACTOR_KIND_STATE,
  SP_ACTOR_KIND_GROUP,
} SpActorKind;

/* The kinds of an issue's phrases: a keyword signals the issue; an opposing keyword names
 * the contrary of its proposition ("neutrality" for "Ukraine should join NATO"); an
 * excluded phrase is one in which a keyword does not stand for the issue ("nuclear weapons"
 * for "weapons"). The values are stored. */
typedef enum
{
  SP_KEYWORD_KIND_KEYWORD,
  SP_KEYWORD_KIND_OPPOSING,
  SP_KEYWORD_KIND_EXCLUDED,
} SpKeywordKind;

typedef enum
{
  SP_CLAIM_ORIGIN_MANUAL,
  SP_CLAIM_ORIGIN_SUGGESTED,
} SpClaimOrigin;

/* Where a suggestion stands: proposed and undecided, accepted as proposed, accepted after
 * the analyst changed it, or rejected (a rejected span, actor and issue is never proposed
 * again). */
typedef enum
{
  SP_SUGGESTION_STATUS_PENDING,
  SP_SUGGESTION_STATUS_ACCEPTED,
  SP_SUGGESTION_STATUS_EDITED,
  SP_SUGGESTION_STATUS_REJECTED,
} SpSuggestionStatus;

/* How a document's title was found */
typedef enum
{
  SP_TITLE_KIND_HEADLINE,     /* the article's own headline, or its page's title metadata */
  SP_TITLE_KIND_FIRST_WORDS,  /* no headline: the body's first words */
  SP_TITLE_KIND_FILE_NAME,    /* no headline and no words to use: the file's name */
} SpTitleKind;

/* Where a document's date came from, most trustworthy first. The file's own time is a last
 * resort and says so; an analyst's edit overrides everything. */
typedef enum
{
  SP_DATE_SOURCE_NONE,
  SP_DATE_SOURCE_METADATA,    /* JSON-LD, meta tags, <time>, an export's date field, front matter */
  SP_DATE_SOURCE_DATELINE,    /* a dateline or a date line at the top of the text */
  SP_DATE_SOURCE_TEXT,        /* a date elsewhere in the article's text */
  SP_DATE_SOURCE_FILE,        /* the file's modification time */
  SP_DATE_SOURCE_ANALYST,     /* set by hand */
} SpDateSource;

/* What a list of documents can be sorted by: see sp_document_compare() */
typedef enum
{
  SP_DOCUMENT_SORT_IMPORTED,  /* import order (the document id) */
  SP_DOCUMENT_SORT_DATE,      /* oldest first; documents without a date last */
  SP_DOCUMENT_SORT_TITLE,     /* by title, as the user's locale sorts text */
  SP_DOCUMENT_SORT_SOURCE,    /* by source; documents without a source last */
} SpDocumentSort;

/* What a committed change touched; carried by SpProject::changed so views reload only
 * what they show. */
typedef enum /*< flags >*/
{
  SP_CHANGE_DOCUMENTS = 1 << 0,
  SP_CHANGE_ACTORS    = 1 << 1,
  SP_CHANGE_ISSUES    = 1 << 2,
  SP_CHANGE_CLAIMS    = 1 << 3,
  SP_CHANGE_SUGGESTIONS = 1 << 4, /* suggestions, discovered speakers or the learnt model */
  SP_CHANGE_ALL       = 0x1F,
} SpChangeFlags;

#define SP_STANCE_MIN (-2)
#define SP_STANCE_MAX 2

#define SP_PROJECT_ERROR (sp_project_error_quark ())

typedef enum
{
  SP_PROJECT_ERROR_NOT_A_PROJECT,  /* not SQLite, or someone else's database */
  SP_PROJECT_ERROR_NEWER_VERSION,  /* written by a newer Standpoint */
  SP_PROJECT_ERROR_CORRUPT,        /* quick_check failed */
  SP_PROJECT_ERROR_EXISTS,         /* creating over an existing file */
  SP_PROJECT_ERROR_NOT_FOUND,      /* no such document, actor, issue or claim */
  SP_PROJECT_ERROR_INVALID,        /* a value breaks a rule (stance range, empty name, ...) */
  SP_PROJECT_ERROR_CONFLICT,       /* a name, alias or key already taken */
  SP_PROJECT_ERROR_IN_USE,         /* still referenced, e.g. an actor with claims */
  SP_PROJECT_ERROR_FAILED,         /* SQLite said no for another reason */
  SP_PROJECT_ERROR_READ_ONLY,      /* an edit of a project opened read-only, or a file that
                                    * cannot be written */
  SP_PROJECT_ERROR_DISK_FULL,      /* SQLITE_FULL: no room left on the disk */
  SP_PROJECT_ERROR_BUSY,           /* another connection held the project locked too long */
  SP_PROJECT_ERROR_IO,             /* the disk could not be read or written */
  SP_PROJECT_ERROR_UNEXPECTED_SCHEMA, /* triggers, views, tables or indexes Standpoint did not
                                       * create, or its own ones changed */
} SpProjectError;

GQuark       sp_project_error_quark      (void);

const char  *sp_actor_kind_to_string     (SpActorKind    kind);
const char  *sp_actor_kind_to_label      (SpActorKind    kind);
gboolean     sp_actor_kind_from_string   (const char    *str,
                                          SpActorKind   *kind);
const char  *sp_claim_origin_to_string   (SpClaimOrigin  origin);
gboolean     sp_claim_origin_from_string (const char    *str,
                                          SpClaimOrigin *origin);
const char  *sp_suggestion_status_to_string   (SpSuggestionStatus  status);
gboolean     sp_suggestion_status_from_string (const char         *str,
                                               SpSuggestionStatus *status);
gboolean     sp_issue_key_is_valid       (const char    *key);
const char  *sp_title_kind_to_string     (SpTitleKind    kind);
gboolean     sp_title_kind_from_string   (const char    *str,
                                          SpTitleKind   *kind);
const char  *sp_date_source_to_string    (SpDateSource   source);
gboolean     sp_date_source_from_string  (const char    *str,
                                          SpDateSource  *source);
gboolean     sp_date_is_valid            (const char    *date);

G_END_DECLS
