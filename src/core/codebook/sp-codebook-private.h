/* sp-codebook-private.h
 *
 * What the codebook's files share: the parsed file (reader → merge) and the JSON gate in
 * front of json-glib (sp-codebook-json.c).
 */
#pragma once

#include <json-glib/json-glib.h>

#include "sp-codebook.h"

G_BEGIN_DECLS

/* A codebook of ten thousand actors is a few megabytes; anything far larger is not one. */
#define SP_CODEBOOK_MAX_SIZE (64 * 1024 * 1024)

/* The format nests four levels deep; a file nested deeper is not a codebook. */
#define SP_CODEBOOK_MAX_NESTING 32

/* Every JSON value costs json-glib a node: a million is a codebook of well over a hundred
 * thousand actors, and keeps the tree of any accepted file around a hundred megabytes. */
#define SP_CODEBOOK_MAX_VALUES 1000000

/* Names, aliases and issue keys are short; a longer one is a broken file, and would not fit
 * in a message or a table cell. */
#define SP_CODEBOOK_MAX_NAME 500

/* At most this many characters of a value are quoted in a message. */
#define SP_CODEBOOK_MAX_QUOTE 60

/* An actor as the file gives it. Names, aliases and affiliations are in normal form
 * (sp_name_normalize); each has its fold key (sp_name_fold) beside it. */
typedef struct
{
  char        *name;
  char        *fold;
  SpActorKind  kind;
  char        *affiliation;       /* nullable */
  char        *affiliation_fold;  /* nullable */
  GPtrArray   *aliases;           /* as in the file, repeats included, for the messages */
  GPtrArray   *alias_folds;
} SpFileActor;

typedef struct
{
  char      *key;
  char      *fold;
  char      *label;
  char      *proposition;  /* nullable: absent from the file */
  GPtrArray *keywords;
  GPtrArray *opposing_keywords;  /* name the contrary of the proposition */
  GPtrArray *excluded_phrases;   /* a keyword in them is not the issue's */
} SpFileIssue;

struct _SpCodebook
{
  char      *source;
  GPtrArray *actors;  /* SpFileActor */
  GPtrArray *issues;  /* SpFileIssue */
};

gboolean   _sp_codebook_fail       (GError          **error,
                                    SpCodebookError   code,
                                    const char       *source,
                                    const char       *where,
                                    const char       *format,
                                    ...) G_GNUC_PRINTF (5, 6);
char      *_sp_codebook_one_line   (const char       *text);
JsonNode  *_sp_codebook_parse_json (const char       *data,
                                    gsize             length,
                                    const char       *source,
                                    GError          **error);

G_END_DECLS
