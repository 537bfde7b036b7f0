/* sp-importer.h
 *
 * Importing a batch of article files and folders into a project. The batch goes on past a
 * file it cannot import and says why in its report; only a failing database stops it.
 */
#pragma once

#include <gio/gio.h>

#include "sp-article.h"
#include "sp-project.h"

G_BEGIN_DECLS

/* Larger files are refused without being read. */
#define SP_IMPORT_MAX_FILE_SIZE (20 * 1024 * 1024)
/* How many non-empty lines at the top of a text are searched for its date. */
#define SP_IMPORT_HEADER_LINES  8

typedef enum
{
  SP_IMPORT_STATUS_IMPORTED,
  SP_IMPORT_STATUS_DUPLICATE,
  SP_IMPORT_STATUS_FAILED,
  SP_IMPORT_STATUS_SKIPPED,     /* in a folder, and not an article file; or records of an export
                                 * that hold no article: see the message */
} SpImportStatus;

typedef struct
{
  char           *path;         /* the file's path (or URI when it has none), as valid UTF-8 */
  SpImportStatus  status;
  gint64          document_id;  /* the new document, the one it duplicates, or 0 */
  char           *title;        /* that document's title; NULL for failures */
  char           *message;      /* one line naming the file, for all but imported files */
} SpImportEntry;

typedef struct _SpImportReport SpImportReport;

/* Called from the thread running the import, before each file is read and once at the end
 * (with @done == @total and @current_path %NULL); never inside a transaction. */
typedef void (*SpImportProgressFunc) (guint       done,
                                      guint       total,
                                      const char *current_path,
                                      gpointer    user_data);

#define SP_TYPE_IMPORT_REPORT (sp_import_report_get_type ())

GType                sp_import_report_get_type          (void);
SpImportReport      *sp_import_report_ref               (SpImportReport        *self);
void                 sp_import_report_unref             (SpImportReport        *self);
guint                sp_import_report_get_n_entries     (SpImportReport        *self);
const SpImportEntry *sp_import_report_get_entry         (SpImportReport        *self,
                                                         guint                  index);
guint                sp_import_report_get_n_imported    (SpImportReport        *self);
guint                sp_import_report_get_n_duplicates  (SpImportReport        *self);
guint                sp_import_report_get_n_failed      (SpImportReport        *self);
guint                sp_import_report_get_n_skipped     (SpImportReport        *self);
gboolean             sp_import_report_get_cancelled     (SpImportReport        *self);

GPtrArray           *sp_import_read_file                (GFile                 *file,
                                                         GCancellable          *cancellable,
                                                         GError               **error);
SpImportReport      *sp_import_paths                    (SpProject             *project,
                                                         GFile * const         *files,
                                                         guint                  n_files,
                                                         GCancellable          *cancellable,
                                                         SpImportProgressFunc   progress,
                                                         gpointer               user_data,
                                                         GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpImportReport, sp_import_report_unref)

G_END_DECLS
