/* sp-article.h
 *
 * What a reader makes of one article file before it becomes a document: plain UTF-8 text and
 * the metadata found in the file. Every field is owned by the struct; all but the body may be
 * NULL.
 */
#pragma once

#include <glib.h>

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

typedef struct
{
  char *title;
  char *date;    /* YYYY-MM-DD */
  char *source;  /* the publication, e.g. from og:site_name */
  char *url;
  char *author;
  char *body;    /* cleaned text: LF line ends, NFC, paragraphs separated by one blank line */
} SpArticle;

SpArticle *sp_article_new  (void);
void       sp_article_free (SpArticle *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpArticle, sp_article_free)

G_END_DECLS
