/* sp-import-formats.h
 *
 * The kinds of file the importer reads, each by its extensions, and the reader that makes
 * articles of a file's bytes. A file may hold several articles (a database export).
 */
#pragma once

#include <gio/gio.h>

#include "sp-article.h"
#include "sp-read-budget.h"

G_BEGIN_DECLS

/* Returns: (transfer full) (element-type SpArticle): at least one article, or %NULL with
 * @error set (SP_IMPORT_ERROR). An entry with only SpArticle.skipped set says what part of
 * the file gave no article, and why; it is reported as skipped. */
typedef GPtrArray *(*SpImportReadFunc) (GBytes        *bytes,
                                        SpReadBudget  *budget,
                                        GError       **error);

typedef struct
{
  const char         *name;         /* what the format is called in messages and tests */
  const char * const *extensions;   /* lower case, without the dot */
  SpImportReadFunc    read;
} SpImportFormat;

const SpImportFormat *sp_import_formats_get         (guint                 *n_formats);
const SpImportFormat *sp_import_format_for_name     (const char            *file_name);
const char           *sp_import_formats_describe    (void);
GPtrArray            *sp_import_format_read         (const SpImportFormat  *format,
                                                     GBytes                *bytes,
                                                     GError               **error);
GPtrArray            *sp_import_articles_new        (SpArticle             *article);

G_END_DECLS
