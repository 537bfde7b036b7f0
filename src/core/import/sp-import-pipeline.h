/* sp-import-pipeline.h
 *
 * The stages an import takes each article through, between reading its file and writing
 * its document: what the importer's files share. A batch of files is read and parsed in
 * worker threads; the lines of its articles are counted against the project and the
 * import (site furniture recurs); each article is cleaned with those counts, hashed, split
 * into sentences and fingerprinted, again in worker threads; its near-duplicates are
 * looked up; and it is written in order, in short transactions.
 */
#pragma once

#include "sp-checked-document.h"
#include "sp-import-private.h"
#include "sp-sentences.h"

G_BEGIN_DECLS

/* One article of a file (or the file, when it could not be read), read and parsed, waiting
 * to be written */
typedef struct _SpReadFile SpReadFile;
struct _SpReadFile
{
  SpPendingFile *file;              /* borrowed from the listing */
  char          *path;              /* the file's path, and which of its articles this is */
  SpArticle     *article;           /* NULL when @entry already says what became of the file */
  gboolean       clean;             /* a plain-text body, for sp_text_clean() */
  char          *file_name;
  char          *content_hash;
  char          *text_hash;         /* of the cleaned body */
  GArray        *line_hashes;       /* guint64: the short lines of the body as read */
  GArray        *sentences;         /* guint32 pairs, of the cleaned body */
  guint64        simhash;
  SpCheckedDocument *checked;       /* the document to write, once prepared; borrows from
                                     * @article and the fields above */
  gint64         near_duplicate_of; /* a document of the project, or 0 */
  SpReadFile    *near_duplicate_read; /* or an earlier article of the same batch */
  gint64         document_id;       /* once written: the new document or the one it duplicates */
  SpImportEntry *entry;
};

void        _sp_read_file_free            (SpReadFile          *read);

/* How many documents hold each short line: those of the project, as counted when a batch
 * came in, and those of the import that are not written yet */
typedef struct _SpLineCounts SpLineCounts;

SpLineCounts *_sp_line_counts_new         (void);
void        _sp_line_counts_free          (SpLineCounts        *self);
void        _sp_line_counts_add           (SpLineCounts        *self,
                                           const GArray        *hashes,
                                           int                  delta);
guint       _sp_line_counts_get           (const SpLineCounts  *self,
                                           guint64              hash);

/* What the cleaning of one batch's articles reads, the same for all of them */
typedef struct _SpBatchCounts SpBatchCounts;

SpBatchCounts *_sp_batch_counts_new       (SpProject           *project,
                                           GPtrArray           *reads,
                                           SpLineCounts        *unwritten,
                                           GError             **error);
void        _sp_batch_counts_free         (SpBatchCounts       *self);
guint       _sp_batch_counts_get          (const SpBatchCounts *self,
                                           guint64              hash);

void        _sp_read_file_prepare         (SpReadFile          *read,
                                           const SpBatchCounts *counts,
                                           SpSentenceSplitter  *splitter);
gboolean    _sp_import_find_near_duplicates (SpProject         *project,
                                           GPtrArray           *reads,
                                           GError             **error);

/* Running a function over the items of a job in worker threads, one core each */
typedef struct _SpImportWorkers SpImportWorkers;

typedef void (*SpImportItemFunc) (guint               index,
                                  SpSentenceSplitter *splitter,
                                  gpointer            user_data);

SpImportWorkers *_sp_import_workers_new   (GError             **error);
void        _sp_import_workers_free       (SpImportWorkers     *self);
void        _sp_import_workers_start      (SpImportWorkers     *self,
                                           guint                n_items,
                                           SpImportItemFunc     func,
                                           gpointer             user_data);
void        _sp_import_workers_wait       (SpImportWorkers     *self);
void        _sp_import_workers_help       (SpImportWorkers     *self,
                                           gdouble              seconds);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpReadFile, _sp_read_file_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpLineCounts, _sp_line_counts_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpBatchCounts, _sp_batch_counts_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpImportWorkers, _sp_import_workers_free)

/* The batch after one of @size files: twice as many, from 32 to 512 files, whatever the
 * time a batch took (sp-importer.c) */
guint       _sp_import_next_batch_size    (guint               size);

G_END_DECLS
