/* sp-dna-file.h
 *
 * A Discourse Network Analyzer (DNA) project read into memory: its documents, the
 * statements of the standard "DNA Statement" type with their person, organisation, concept
 * and agreement, and the attributes of those entities. DNA 3.x and 2.x databases are read;
 * the file is opened read-only and immutable and treated as hostile input: its schema is
 * checked, sizes are bounded, and every refusal is one line naming the file, table and field.
 * What the reader does not carry over (other statement types, other variables) is counted in
 * @skipped so that the import can report it.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SP_DNA_ERROR (sp_dna_error_quark ())

typedef enum
{
  SP_DNA_ERROR_NOT_DNA,      /* not SQLite, or not a DNA project */
  SP_DNA_ERROR_UNSUPPORTED,  /* a DNA version or a statement type this reader does not know */
  SP_DNA_ERROR_INVALID,      /* a value breaks DNA's own rules */
  SP_DNA_ERROR_TOO_LARGE,    /* over one of the reader's bounds */
  SP_DNA_ERROR_BUSY,         /* DNA has unsaved changes beside the file (a -wal or -journal) */
  SP_DNA_ERROR_IO,           /* the file could not be read */
} SpDnaError;

/* The reader's bounds; a file over one of them is refused, never cut */
#define SP_DNA_MAX_FILE_SIZE  ((goffset)2 << 30)
#define SP_DNA_MAX_TEXT_BYTES (64 << 20)
#define SP_DNA_MAX_DOCUMENTS  100000
#define SP_DNA_MAX_STATEMENTS 2000000

typedef struct
{
  gint64  id;
  char   *title;
  char   *text;      /* exactly as DNA stores it: statements point into it */
  char   *author;
  char   *source;
  char   *section;
  char   *type;
  char   *notes;
  gint64  date;      /* Unix seconds (DNA 2.x milliseconds are converted) */
} SpDnaDocument;

typedef struct
{
  gint64    id;
  gint64    document_id;
  gint64    start;          /* UTF-16 code units of the document's text (Java strings) */
  gint64    stop;
  char     *coder;          /* the coder's name, or NULL */
  char     *person;         /* "" when not coded */
  char     *organisation;
  char     *concept;
  gint64    agreement;
  gboolean  has_agreement;
  gboolean  agreement_is_boolean;
} SpDnaStatement;

/* The attributes DNA keeps for a value of person, organization or concept */
typedef struct
{
  char *type;
  char *alias;
  char *notes;
} SpDnaEntity;

/* Something the reader did not carry over, with how many times it occurred */
typedef struct
{
  char  *what;
  guint  count;
} SpDnaSkip;

typedef struct
{
  char       *name;           /* the file's base name, for messages */
  guint       schema;         /* 2 or 3 */
  char       *version;        /* DNA's version string from SETTINGS */
  GPtrArray  *documents;      /* SpDnaDocument, by id */
  GPtrArray  *statements;     /* SpDnaStatement of the "DNA Statement" type, by id */
  GHashTable *entities;       /* "variable\nvalue" -> SpDnaEntity */
  GPtrArray  *skipped;        /* SpDnaSkip */
  guint       n_skipped_statements; /* statements of other types */
} SpDnaFile;

GQuark     sp_dna_error_quark     (void);

SpDnaFile *sp_dna_file_read       (const char    *path,
                                   GCancellable  *cancellable,
                                   GError       **error);
SpDnaFile *sp_dna_file_read_bytes (const char    *name,
                                   GBytes        *bytes,
                                   GCancellable  *cancellable,
                                   GError       **error);
void       sp_dna_file_free       (SpDnaFile     *self);

const SpDnaEntity *sp_dna_file_lookup_entity (SpDnaFile  *self,
                                              const char *variable,
                                              const char *value);

/* Where a document's characters outside the Basic Multilingual Plane are, so that DNA's
 * UTF-16 offsets turn into character offsets in logarithmic time */
typedef struct _SpDnaOffsets SpDnaOffsets;

SpDnaOffsets *sp_dna_offsets_new     (const char    *text);
void          sp_dna_offsets_free    (SpDnaOffsets  *self);
gboolean      sp_dna_offsets_convert (SpDnaOffsets  *self,
                                      gint64         start16,
                                      gint64         stop16,
                                      guint         *start,
                                      guint         *end);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpDnaFile, sp_dna_file_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpDnaOffsets, sp_dna_offsets_free)

G_END_DECLS
