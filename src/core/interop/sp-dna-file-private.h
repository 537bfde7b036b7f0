/* sp-dna-file-private.h
 *
 * What the DNA reader's files share: the reader's state, and the steps that opening a file
 * (sp-dna-open.c) and reading its tables (sp-dna-file.c) have in common.
 */
#pragma once

#include <sqlite3.h>

#include "sp-dna-file.h"

G_BEGIN_DECLS

typedef struct
{
  char   *name;
  char   *data_type;
  gint64  statement_type;
} Variable;

typedef struct
{
  sqlite3      *db;
  SpDnaFile    *file;
  GCancellable *cancellable;
  GHashTable   *variables;      /* id -> Variable */
  GHashTable   *types;          /* statement type id -> label */
  GHashTable   *statements;     /* id -> SpDnaStatement (of the standard type) */
  gint64        statement_type; /* the "DNA Statement" type */
  gint64        var_person;
  gint64        var_organisation;
  gint64        var_concept;
  gint64        var_agreement;
  gsize         text_bytes;
} Reader;

void       _sp_dna_reader_clear  (Reader      *r);
gboolean   _sp_dna_sqlite_failed (Reader      *r,
                                  int          rc,
                                  const char  *table,
                                  GError     **error);
SpDnaFile *_sp_dna_file_new      (const char  *name);
SpDnaFile *_sp_dna_read_database (Reader      *r,
                                  GError     **error);

G_END_DECLS
