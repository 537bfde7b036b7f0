/* sp-codebook.h
 *
 * The codebook file: a project's actors and issues as JSON, to share a codebook between
 * projects and people. The format is a public interface (README.md, "File formats"); any change that
 * an older Standpoint would misread raises SP_CODEBOOK_VERSION.
 *
 * Reading a file (sp_codebook_read) needs no project and may run in any thread; the
 * SpCodebook it returns is immutable and may be handed to another thread. Merging it into a
 * project (sp_codebook_merge) uses that SpProject and so runs in the project's thread.
 */
#pragma once

#include <gio/gio.h>

#include "sp-project.h"

G_BEGIN_DECLS

#define SP_CODEBOOK_FORMAT  "standpoint-codebook"
#define SP_CODEBOOK_VERSION 1

#define SP_CODEBOOK_ERROR (sp_codebook_error_quark ())

typedef enum
{
  SP_CODEBOOK_ERROR_PARSE,          /* not strict JSON; the message has FILE:LINE:COLUMN */
  SP_CODEBOOK_ERROR_NOT_A_CODEBOOK, /* JSON, but no "format": "standpoint-codebook" */
  SP_CODEBOOK_ERROR_NEWER_VERSION,  /* written for a newer Standpoint */
  SP_CODEBOOK_ERROR_INVALID,        /* a member has the wrong type or a value breaks a rule */
  SP_CODEBOOK_ERROR_CONFLICT,       /* a name or alias that another actor holds */
} SpCodebookError;

/* A codebook file, read and checked on its own (without a project). */
typedef struct _SpCodebook SpCodebook;

/* What an import did. Entries that matched the project and changed nothing count in neither
 * field. */
typedef struct
{
  guint actors_added;
  guint actors_updated;
  guint issues_added;
  guint issues_updated;
} SpCodebookImportStats;

GQuark       sp_codebook_error_quark        (void);

SpCodebook  *sp_codebook_read               (const char             *data,
                                             gssize                  length,
                                             const char             *source_name,
                                             GError                **error);
void         sp_codebook_free               (SpCodebook             *book);
const char  *sp_codebook_get_source_name    (const SpCodebook       *book);
guint        sp_codebook_get_n_actors       (const SpCodebook       *book);
guint        sp_codebook_get_n_issues       (const SpCodebook       *book);

gboolean     sp_codebook_merge              (SpProject              *project,
                                             const SpCodebook       *book,
                                             SpCodebookImportStats  *stats,
                                             GError                **error);
gboolean     sp_codebook_import             (SpProject              *project,
                                             const char             *data,
                                             gssize                  length,
                                             const char             *source_name,
                                             SpCodebookImportStats  *stats,
                                             GError                **error);
void         sp_codebook_import_file_async  (SpProject              *project,
                                             GFile                  *file,
                                             GCancellable           *cancellable,
                                             GAsyncReadyCallback     callback,
                                             gpointer                user_data);
gboolean     sp_codebook_import_file_finish (SpProject              *project,
                                             GAsyncResult           *result,
                                             SpCodebookImportStats  *stats,
                                             GError                **error);

char        *sp_codebook_export             (SpProject              *project,
                                             GError                **error);
gboolean     sp_codebook_export_to_file     (SpProject              *project,
                                             const char             *path,
                                             GError                **error);
void         sp_codebook_export_file_async  (SpProject              *project,
                                             GFile                  *file,
                                             GCancellable           *cancellable,
                                             GAsyncReadyCallback     callback,
                                             gpointer                user_data);
gboolean     sp_codebook_export_file_finish (SpProject              *project,
                                             GAsyncResult           *result,
                                             GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpCodebook, sp_codebook_free)

G_END_DECLS
