/* sp-article.h
 *
 * What a reader makes of one article file before it becomes a document: plain UTF-8 text and
 * the metadata found in the file. Every field is owned by the struct; all but the body may be
 * NULL.
 */
#pragma once

#include <glib.h>

#include "sp-types.h"

G_BEGIN_DECLS

#define SP_IMPORT_ERROR (sp_import_error_quark ())

/* Why one article file could not be imported; the batch goes on with the next file. */
typedef enum
{
  SP_IMPORT_ERROR_BINARY,       /* NUL bytes, control characters or a binary format's signature */
  SP_IMPORT_ERROR_EMPTY,        /* no text left after cleaning */
  SP_IMPORT_ERROR_TOO_LARGE,    /* over SP_IMPORT_MAX_FILE_SIZE */
  SP_IMPORT_ERROR_ENCODING,     /* not valid in the encoding it carries or declares */
  SP_IMPORT_ERROR_UNSUPPORTED,  /* a file type no reader handles */
  SP_IMPORT_ERROR_READ,         /* the file could not be read */
  SP_IMPORT_ERROR_TOO_SLOW,     /* reading it ran over its time or work budget */
  SP_IMPORT_ERROR_INCOMPLETE,   /* only part of it could be read; nothing of it is kept */
} SpImportError;

GQuark     sp_import_error_quark (void);

/* A block the cleaning took out of an article (a share bar, a teaser, a newsletter box, a
 * metadata line): kept so that the analyst can read it and put it back. */
typedef struct
{
  guint  offset;   /* where it stood: the body character before which it goes back */
  char  *text;
  char  *reason;   /* why it was taken out, in a few words the reader shows */
} SpRemovedBlock;

typedef struct
{
  char          *title;
  SpTitleKind    title_kind;
  char          *date;            /* YYYY-MM-DD */
  SpDateSource   date_source;
  double         date_confidence; /* 0 … 1: how sure the reader is that @date is the article's */
  char          *source;          /* the publication, e.g. from og:site_name, or the domain */
  char          *url;             /* canonical */
  char          *author;
  char          *body;            /* cleaned text: LF line ends, NFC, paragraphs separated by one blank line */
  GArray        *removed;         /* SpRemovedBlock in body order; NULL when nothing was removed */
  char          *skipped;         /* set instead of a body: why part of a file of several articles
                                   * gave none (records without body text...); reported as skipped */
} SpArticle;

SpArticle *sp_article_new          (void);
void       sp_article_free         (SpArticle  *self);
void       sp_article_add_removed  (SpArticle  *self,
                                    guint       offset,
                                    const char *text,
                                    const char *reason);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpArticle, sp_article_free)

G_END_DECLS
