/* sp-import-private.h
 *
 * What the importer's files share: the files waiting to be imported, as the listing found
 * them, and the report's entries as the writer fills them in.
 */
#pragma once

#include "sp-importer.h"

G_BEGIN_DECLS

/* A file to import, or one that was skipped or failed while the batch was being listed */
typedef struct
{
  GFile          *file;
  char           *sort_key;  /* the path as the file system has it */
  char           *path;      /* the path for display: valid UTF-8 */
  SpImportStatus  status;    /* with @error: what the listing decided */
  GError         *error;
  goffset         size;      /* as the folder listed it; -1 when it did not say */
} SpPendingFile;

char           *_sp_import_display_path     (GFile           *file);
void            _sp_import_set_read_error   (GError         **error,
                                             GError          *io_error);
const char     *_sp_import_describe_mode    (guint32          mode);
gboolean        _sp_import_list_files       (GFile * const   *files,
                                             guint            n_files,
                                             GPtrArray       *pending,
                                             GCancellable    *cancellable,
                                             GError         **error);
void            _sp_pending_file_free       (SpPendingFile   *pending);
GBytes         *_sp_import_read_bytes       (GFile           *file,
                                             GCancellable    *cancellable,
                                             GError         **error);

SpImportReport *_sp_import_report_new       (void);
void            _sp_import_report_add       (SpImportReport  *self,
                                             SpImportEntry   *entry);
void            _sp_import_report_set_cancelled (SpImportReport *self);
SpImportEntry  *_sp_import_entry_new        (const char      *path,
                                             SpImportStatus   status);
SpImportEntry  *_sp_import_entry_new_problem (const char     *path,
                                              SpImportStatus  status,
                                              const GError   *problem);
void            _sp_import_entry_free       (SpImportEntry   *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpImportEntry, _sp_import_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpPendingFile, _sp_pending_file_free)

G_END_DECLS
