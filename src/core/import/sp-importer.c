/* sp-importer.c
 *
 * The batch import: the listing gives the files; each file is read, decoded, read by its
 * type and dated; plain text is cleaned of site furniture; each article is hashed, split
 * into sentences and fingerprinted, checked against the documents already in the project,
 * and added. The files go in batches through the stages of sp-import-pipeline.h: a batch
 * is read and parsed in worker threads, its lines counted, then its articles prepared in
 * the workers while the next batch is read there too and the batch before is written
 * here, in the files' order.
 *
 * Reading and preparing happen outside any transaction; the project's write lock is taken
 * only to write what was prepared, in short transactions (the store writes each document
 * without a savepoint of its own, and refuses a bad one before writing any of it), so that an edit from the window or the command line during an import waits
 * for one short write at most. A transaction is not opened for each document, which would
 * cost a sync of the journal each and make the import several times slower. A write ends
 * after WRITE_SECONDS even if more are waiting, and the next one starts PAUSE_SECONDS later
 * at the earliest: SQLite's lock is not fair, and back-to-back transactions would starve a
 * waiting writer. Shorter transactions cost more than their commits: each leaves the
 * full-text index a segment to merge later (bench/import-bench,
 * bench/import-contention-bench).
 * A crash or a cancellation keeps every transaction committed before it, and the report
 * lists a file only once its document is committed.
 * Imports are not undone with Ctrl+Z, so the actions have no undo label.
 *
 * This runs in an import worker thread with its own SpProject, or on the command line's
 * main thread; it never touches anything but the project and the files, and its own worker
 * threads touch only the files.
 */
#define G_LOG_DOMAIN "sp-importer"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-bulk-write.h"
#include "sp-import-formats.h"
#include "sp-import-pipeline.h"
#include "sp-sha256.h"
#include "sp-text-cleaner.h"

/* Files are read in batches that double from FIRST_BATCH_FILES to MAX_BATCH_FILES files, so
 * that the first writes and progress come soon. The batches are the same on any machine, however
 * fast: which lines recur across articles (site furniture) is counted over every article
 * read up to the end of an article's batch, so batches that followed the clock would clean
 * the same files differently on a busy machine */
#define FIRST_BATCH_FILES 32
#define MAX_BATCH_FILES   512
/* A batch holds no more files once they have this many bytes, so that the two batches in
 * memory at a time (one read, one written) stay small however large the files */
#define BATCH_BYTES       (8 * 1024 * 1024)
/* One write transaction ends after this long, and the next starts no sooner than this long
 * after it ends: long enough for another connection waiting for the lock (the store's
 * connections look every millisecond) to take it */
#define WRITE_SECONDS 0.1
#define PAUSE_SECONDS 0.005

/* Whether articles of @format get sp_text_clean(): plain text keeps whatever surrounded the
 * article when it was copied; HTML's reader keeps only the article already */
static gboolean
is_plain_text (const SpImportFormat *format)
{
  return g_str_equal (format->name, "text") || g_str_equal (format->name, "markdown");
}

static GPtrArray *
read_file (GFile                 *file,
           GBytes               **bytes_out,
           const SpImportFormat **format_out,
           GCancellable          *cancellable,
           GError               **error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GBytes) bytes = NULL;
  const SpImportFormat *format = sp_import_format_for_name (name);
  GPtrArray *articles;

  if (format == NULL)
    {
      g_set_error_literal (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_UNSUPPORTED,
                           _("unsupported file type"));
      return NULL;
    }

  if (!(bytes = _sp_import_read_bytes (file, cancellable, error)))
    return NULL;

  if ((articles = sp_import_format_read (format, bytes, error)) != NULL && bytes_out != NULL)
    *bytes_out = g_steal_pointer (&bytes);
  if (format_out != NULL)
    *format_out = format;

  return articles;
}

/**
 * sp_import_read_file:
 *
 * Reads one article file the way sp_import_paths() does, without adding it anywhere; plain
 * text is cleaned without knowing which of its lines other documents hold.
 * Errors are in %SP_IMPORT_ERROR (or %G_IO_ERROR_CANCELLED) and their message starts with
 * the file's path.
 *
 * Returns: (transfer full) (element-type SpArticle): the file's articles, at least one
 */
GPtrArray *
sp_import_read_file (GFile         *file,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autofree char *path = NULL;
  const SpImportFormat *format = NULL;
  GPtrArray *articles;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if ((articles = read_file (file, NULL, &format, cancellable, error)) == NULL)
    {
      path = _sp_import_display_path (file);
      g_prefix_error (error, "%s: ", path);
      return NULL;
    }

  if (is_plain_text (format))
    for (guint i = 0; i < articles->len; i++)
      sp_text_clean (g_ptr_array_index (articles, i), NULL, NULL);

  return articles;
}


/* Reading, in worker threads */

/* The content hash of article @index of @n read from one file: the file's bytes for a file
 * of one article, and the bytes with the article's place for a file of several, so that the
 * same export imported twice is found article by article */
static char *
content_hash_of (GBytes *bytes,
                 guint   index,
                 guint   n)
{
  SpSha256 *checksum = sp_sha256_new ();
  gsize length;
  const guchar *data = g_bytes_get_data (bytes, &length);
  char place[32];

  sp_sha256_update (checksum, data, length);
  if (n > 1)
    {
      g_snprintf (place, sizeof place, "\n%u/%u", index + 1, n);
      sp_sha256_update (checksum, place, strlen (place));
    }

  return sp_sha256_free_hex (checksum);
}

static SpReadFile *
read_problem (SpPendingFile  *file,
              SpImportStatus  status,
              const GError   *problem)
{
  SpReadFile *read = g_new0 (SpReadFile, 1);

  read->file = file;
  read->path = g_strdup (file->path);
  read->entry = _sp_import_entry_new_problem (file->path, status, problem);

  return read;
}

/* Reads one listed file: one entry per article, or one saying why there is none. Returns
 * %NULL, with @error set, only when cancelled. */
static GPtrArray *
read_listed_file (SpPendingFile  *file,
                  GCancellable   *cancellable,
                  GError        **error)
{
  g_autoptr(GPtrArray) reads = g_ptr_array_new_with_free_func ((GDestroyNotify)_sp_read_file_free);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) problem = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  g_autofree char *base_name = NULL;
  g_autofree char *file_name = NULL;
  const SpImportFormat *format = NULL;
  guint n_articles = 0;
  guint n_read = 0;

  if (file->error != NULL)
    {
      g_ptr_array_add (reads, read_problem (file, file->status, file->error));
      return g_steal_pointer (&reads);
    }

  if (!(articles = read_file (file->file, &bytes, &format, cancellable, &problem)))
    {
      if (g_error_matches (problem, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&problem));
          return NULL;
        }

      g_ptr_array_add (reads, read_problem (file, SP_IMPORT_STATUS_FAILED, problem));
      return g_steal_pointer (&reads);
    }

  base_name = g_file_get_basename (file->file);
  file_name = g_filename_display_name (base_name);

  for (guint i = 0; i < articles->len; i++)
    if (((SpArticle *)g_ptr_array_index (articles, i))->skipped == NULL)
      n_articles++;

  for (guint i = 0; i < articles->len; i++)
    {
      SpArticle *article = g_ptr_array_index (articles, i);
      SpReadFile *read = g_new0 (SpReadFile, 1);

      read->file = file;
      if (article->skipped != NULL)
        {
          read->path = g_strdup (file->path);
          read->entry = _sp_import_entry_new (file->path, SP_IMPORT_STATUS_SKIPPED);
          read->entry->message = g_strdup_printf ("%s: %s", file->path, article->skipped);
          g_ptr_array_add (reads, read);
          continue;
        }

      read->path = n_articles == 1
                     ? g_strdup (file->path)
                     /* TRANSLATORS: one article of a file that holds several */
                     : g_strdup_printf (_("%s (article %u of %u)"), file->path, ++n_read, n_articles);
      read->article = g_steal_pointer (&g_ptr_array_index (articles, i));
      read->clean = is_plain_text (format);
      read->file_name = g_strdup (file_name);
      read->content_hash = content_hash_of (bytes, n_read > 0 ? n_read - 1 : 0, n_articles);
      read->line_hashes = sp_text_line_hashes (read->article->body);
      g_ptr_array_add (reads, read);
    }

  return g_steal_pointer (&reads);
}

/* A batch: files read and parsed together, then prepared together, then written in order */
typedef struct
{
  GPtrArray     *files;    /* SpPendingFile, borrowed, in order */
  GPtrArray    **slots;    /* what each file gave, or NULL when it was not read (cancelled) */
  GPtrArray     *reads;    /* SpReadFile: the slots' in order, once read */
  GCancellable  *cancellable; /* stops the reading; NULL when the files were announced
                              * before a cancellation, to be read all the same */
  SpBatchCounts *counts;
  guint          written;  /* reads[0, written) are written and reported */
} SpBatch;

static void
sp_batch_free (SpBatch *batch)
{
  for (guint i = 0; batch->slots != NULL && i < batch->files->len; i++)
    g_clear_pointer (&batch->slots[i], g_ptr_array_unref);
  g_free (batch->slots);
  g_ptr_array_unref (batch->files);
  g_clear_pointer (&batch->reads, g_ptr_array_unref);
  g_clear_pointer (&batch->counts, _sp_batch_counts_free);
  g_free (batch);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpBatch, sp_batch_free)

/* The size of a listed file, or 0 when it cannot be told (reading will say why) */
static goffset
file_size (SpPendingFile *file)
{
  g_autoptr(GFileInfo) info = NULL;

  if (file->error != NULL)
    return 0;
  if (file->size >= 0)
    return file->size;

  info = g_file_query_info (file->file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  return info != NULL ? g_file_info_get_size (info) : 0;
}

/* Announces the next files, up to @size of them or BATCH_BYTES, to @progress; %NULL when
 * there are none, or the import was cancelled before the first. Sets @cancelled when it
 * was cancelled. */
static SpBatch *
announce_batch (GPtrArray            *pending,
                guint                *next_file,
                guint                 size,
                SpImportProgressFunc  progress,
                gpointer              user_data,
                GCancellable         *cancellable,
                gboolean             *cancelled)
{
  g_autoptr(SpBatch) batch = g_new0 (SpBatch, 1);
  goffset bytes = 0;

  batch->files = g_ptr_array_new ();

  while (*next_file < pending->len && batch->files->len < size && bytes < BATCH_BYTES)
    {
      SpPendingFile *file = g_ptr_array_index (pending, *next_file);

      if (progress != NULL)
        progress (*next_file, pending->len, file->path, user_data);

      if (g_cancellable_is_cancelled (cancellable))
        {
          *cancelled = TRUE;
          cancellable = NULL;
          break;
        }

      g_ptr_array_add (batch->files, file);
      bytes += MIN (file_size (file), (goffset)SP_IMPORT_MAX_FILE_SIZE);
      (*next_file)++;
    }

  if (batch->files->len == 0)
    return NULL;

  batch->slots = g_new0 (GPtrArray *, batch->files->len);
  batch->cancellable = cancellable;
  return g_steal_pointer (&batch);
}

/* Puts the batch's reads in order, up to the first file that was not read; returns how many
 * files were. Sets @cancelled when one was not. */
static guint
collect_reads (SpBatch  *batch,
               gboolean *cancelled)
{
  guint i;

  batch->reads = g_ptr_array_new_with_free_func ((GDestroyNotify)_sp_read_file_free);

  for (i = 0; i < batch->files->len && batch->slots[i] != NULL; i++)
    g_ptr_array_extend_and_steal (batch->reads, g_steal_pointer (&batch->slots[i]));

  if (i < batch->files->len)
    *cancelled = TRUE;

  return i;
}

/* One job for the workers: preparing one batch's articles and reading the next batch's
 * files */
typedef struct
{
  SpBatch *prepare;
  SpBatch *read;
} SpJob;

static guint
job_size (const SpJob *job)
{
  return (job->prepare != NULL ? job->prepare->reads->len : 0) +
         (job->read != NULL ? job->read->files->len : 0);
}

static void
run_job_item (guint               index,
              SpSentenceSplitter *splitter,
              gpointer            user_data)
{
  SpJob *job = user_data;
  guint n_prepare = job->prepare != NULL ? job->prepare->reads->len : 0;

  if (index < n_prepare)
    {
      _sp_read_file_prepare (g_ptr_array_index (job->prepare->reads, index),
                             job->prepare->counts, splitter);
      return;
    }

  index -= n_prepare;
  if (!g_cancellable_is_cancelled (job->read->cancellable))
    /* NULL when cancelled meanwhile */
    job->read->slots[index] = read_listed_file (g_ptr_array_index (job->read->files, index),
                                                job->read->cancellable, NULL);
}

/* Writing, in short transactions */

static gboolean
is_per_file_problem (const GError *error)
{
  return error->domain == SP_IMPORT_ERROR ||
         g_error_matches (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID) ||
         g_error_matches (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_CONFLICT);
}

/* Reports @read as a duplicate of the document @existing. Returns FALSE, with @error set,
 * when the database failed. */
static gboolean
report_duplicate (SpProject   *project,
                  SpReadFile  *read,
                  gint64       existing,
                  GError     **error)
{
  g_autoptr(SpDocument) document = sp_project_get_document (project, existing, error);

  if (document == NULL)
    return FALSE;

  read->document_id = existing;
  read->entry = _sp_import_entry_new (read->path, SP_IMPORT_STATUS_DUPLICATE);
  read->entry->document_id = existing;
  read->entry->title = g_strdup (sp_document_get_title (document));
  read->entry->message = g_strdup_printf (_("%s: already imported as document %lld “%s”"),
                                          read->path, (long long) existing, read->entry->title);
  return TRUE;
}

/* Adds one prepared article inside the open transaction and sets its entry. The store
 * refuses a document whose bytes or text it has (SP_PROJECT_ERROR_CONFLICT), so the
 * duplicate is looked up only then: most articles are new, and the look-up would cost
 * each of them about a fifth of its write (bench/import-bench). What the store would refuse
 * otherwise was found when the article was prepared. Returns FALSE, with @error set, when
 * the database failed. */
static gboolean
write_article (SpProject   *project,
               SpReadFile  *read,
               GError     **error)
{
  g_autoptr(GError) problem = NULL;
  gint64 near_duplicate_of = read->near_duplicate_of;
  gint64 id;

  if (near_duplicate_of == 0 && read->near_duplicate_read != NULL)
    near_duplicate_of = read->near_duplicate_read->document_id;
  sp_checked_document_set_near_duplicate_of (read->checked, near_duplicate_of);

  if ((id = sp_project_add_checked_document (project, read->checked, &problem)) == 0)
    {
      if (g_error_matches (problem, SP_PROJECT_ERROR, SP_PROJECT_ERROR_CONFLICT))
        {
          gint64 existing = 0;

          if (!sp_project_find_duplicate (project, read->content_hash, read->text_hash,
                                          &existing, error))
            return FALSE;
          if (existing != 0)
            return report_duplicate (project, read, existing, error);
        }

      if (!is_per_file_problem (problem))
        {
          g_propagate_error (error, g_steal_pointer (&problem));
          return FALSE;
        }

      read->entry = _sp_import_entry_new_problem (read->path, SP_IMPORT_STATUS_FAILED, problem);
      return TRUE;
    }

  read->document_id = id;
  read->entry = _sp_import_entry_new (read->path, SP_IMPORT_STATUS_IMPORTED);
  read->entry->document_id = id;
  read->entry->title = g_strdup (read->article->title);
  return TRUE;
}

/* Moves the entries of the batch's reads [from, to) into the report, once they are
 * committed; their lines now count in the project, or nowhere */
static void
report_entries (SpImportReport *report,
                SpBatch        *batch,
                guint           to,
                SpLineCounts   *unwritten)
{
  for (guint i = batch->written; i < to; i++)
    {
      SpReadFile *read = g_ptr_array_index (batch->reads, i);

      _sp_line_counts_add (unwritten, read->line_hashes, -1);
      _sp_import_report_add (report, g_steal_pointer (&read->entry));
      /* What a later article needs of it is its document id */
      g_clear_pointer (&read->checked, sp_checked_document_free);
      g_clear_pointer (&read->article, sp_article_free);
    }

  batch->written = to;
}

/* Writes the batch's next articles in one transaction of at most WRITE_SECONDS and reports
 * them; files that failed to read are reported on the way. Returns FALSE, with @error set,
 * when the database failed; what was committed before stays. */
static gboolean
write_some (SpProject       *project,
            SpBatch         *batch,
            SpImportReport  *report,
            SpLineCounts    *unwritten,
            GError         **error)
{
  g_autoptr(GTimer) timer = NULL;
  g_autoptr(GError) local_error = NULL;
  guint i = batch->written;

  /* Files that failed to read need no transaction */
  for (; i < batch->reads->len && ((SpReadFile *)g_ptr_array_index (batch->reads, i))->article == NULL; i++)
    ;
  report_entries (report, batch, i, unwritten);

  if (i == batch->reads->len)
    return TRUE;

  if (!sp_project_begin_action (project, NULL, error))
    return FALSE;

  timer = g_timer_new ();

  for (; i < batch->reads->len; i++)
    {
      SpReadFile *read = g_ptr_array_index (batch->reads, i);

      if (read->article != NULL && !write_article (project, read, &local_error))
        {
          /* Keep the transaction's earlier files if the database still lets us: not when
           * the failure left a document half-written, which rolls the transaction back */
          sp_project_end_action (project, TRUE, NULL);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      if (g_timer_elapsed (timer, NULL) >= WRITE_SECONDS)
        {
          i++;
          break;
        }
    }

  if (!sp_project_end_action (project, TRUE, error))
    return FALSE;

  report_entries (report, batch, i, unwritten);
  return TRUE;
}

/* Writes the whole batch, in transactions at least PAUSE_SECONDS apart; in between, this
 * thread helps the workers with their job */
static gboolean
write_batch (SpProject       *project,
             SpBatch         *batch,
             SpImportReport  *report,
             SpLineCounts    *unwritten,
             SpImportWorkers *workers,
             GTimer          *since_write,
             GError         **error)
{
  while (batch->written < batch->reads->len)
    {
      gdouble since = g_timer_elapsed (since_write, NULL);

      if (since < PAUSE_SECONDS)
        _sp_import_workers_help (workers, PAUSE_SECONDS - since);

      if (!write_some (project, batch, report, unwritten, error))
        return FALSE;
      g_timer_start (since_write);
    }

  return TRUE;
}

/* The number of files of the batch after one of @size files (at most BATCH_BYTES of them) */
guint
_sp_import_next_batch_size (guint size)
{
  return CLAMP (size * 2, FIRST_BATCH_FILES, MAX_BATCH_FILES);
}

/**
 * sp_import_paths:
 * @project: the project to add documents to; used from the calling thread only
 * @files: (array length=n_files): files and folders to import
 * @cancellable: (nullable): stops the import between two files
 * @progress: (nullable) (scope call): told about each file before it is read
 *
 * Imports article files (the formats of sp-import-formats.c); a file may hold several
 * articles, each imported and reported on its own. Folders are searched recursively for
 * such files; what else they hold is listed in the report as skipped
 * (other types, hidden files, links to folders, FIFOs, sockets, devices) and never opened.
 * A named file of another type fails. A file whose bytes or cleaned text are already in the
 * project is reported as a duplicate of that document and not added; a file that cannot be
 * imported is reported with the reason, and the others are imported all the same.
 *
 * Plain text is cleaned of site furniture (sp_text_clean()), with the lines that other
 * documents of the project and of the import hold; every document gets its sentences, its
 * fingerprint and, when it nearly repeats an earlier document, that document's id.
 *
 * Files are read, parsed and prepared in worker threads, one for each core, in batches,
 * without holding the project's write lock, which is taken only for short transactions
 * that write what was read, in the files' order: when @progress is called, no transaction
 * is open. When the import is cancelled, or fails, what was committed before stays;
 * SpProject::changed is emitted on @project after each commit. Cancelling is not an
 * error: the report says the import was cancelled and lists the files seen to.
 *
 * Returns: (transfer full): the report, or %NULL with @error set when the project could
 *   not be written or read
 */
SpImportReport *
sp_import_paths (SpProject             *project,
                 GFile * const         *files,
                 guint                  n_files,
                 GCancellable          *cancellable,
                 SpImportProgressFunc   progress,
                 gpointer               user_data,
                 GError               **error)
{
  g_autoptr(SpImportReport) report = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(SpLineCounts) unwritten = NULL;
  g_autoptr(GTimer) since_write = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(SpBatch) current = NULL;   /* read, to be prepared */
  g_autoptr(SpBatch) previous = NULL;  /* prepared, to be written */
  g_autoptr(SpBulkWrite) bulk_write = NULL;
  g_autoptr(SpImportWorkers) workers = NULL;  /* freed first: waits for its job */
  gboolean cancelled = FALSE;
  guint batch_size = FIRST_BATCH_FILES;
  guint next_file = 0;
  guint done = 0;

  g_return_val_if_fail (SP_IS_PROJECT (project), NULL);
  g_return_val_if_fail (files != NULL || n_files == 0, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  report = _sp_import_report_new ();
  pending = g_ptr_array_new_with_free_func ((GDestroyNotify)_sp_pending_file_free);

  if (!_sp_import_list_files (files, n_files, pending, cancellable, &local_error))
    {
      _sp_import_report_set_cancelled (report);
      return g_steal_pointer (&report);
    }

  if (!(workers = _sp_import_workers_new (error)))
    return NULL;

  /* The writing thread is the one the import waits for: it neither checkpoints nor keeps
   * pages it will not read again (sp-bulk-write.c) */
  bulk_write = sp_bulk_write_begin (project);
  unwritten = _sp_line_counts_new ();
  since_write = g_timer_new ();

  /* The first batch is read before anything else can be done */
  if ((current = announce_batch (pending, &next_file, batch_size, progress, user_data,
                                 cancellable, &cancelled)) != NULL)
    {
      SpJob job = { NULL, current };

      _sp_import_workers_start (workers, job_size (&job), run_job_item, &job);
      _sp_import_workers_wait (workers);
      done += collect_reads (current, &cancelled);
    }

  while (current != NULL || previous != NULL)
    {
      g_autoptr(SpBatch) next = NULL;
      SpJob job = { NULL, NULL };
      gboolean written = TRUE;

      if (current != NULL &&
          !(current->counts = _sp_batch_counts_new (project, current->reads, unwritten, error)))
        return NULL;

      if (!cancelled)
        next = announce_batch (pending, &next_file, batch_size, progress, user_data,
                               cancellable, &cancelled);

      /* This batch is prepared and the next one read while the one before is written */
      job.prepare = current;
      job.read = next;
      _sp_import_workers_start (workers, job_size (&job), run_job_item, &job);

      if (previous != NULL)
        written = write_batch (project, previous, report, unwritten, workers, since_write,
                               error);

      _sp_import_workers_wait (workers);

      if (!written)
        return NULL;

      if (current != NULL && !_sp_import_find_near_duplicates (project, current->reads, error))
        return NULL;

      if (next != NULL)
        {
          done += collect_reads (next, &cancelled);

          batch_size = _sp_import_next_batch_size (batch_size);
        }

      g_clear_pointer (&previous, sp_batch_free);
      previous = g_steal_pointer (&current);
      current = g_steal_pointer (&next);
    }

  if (cancelled)
    _sp_import_report_set_cancelled (report);

  if (progress != NULL)
    progress (done, pending->len, NULL, user_data);

  return g_steal_pointer (&report);
}
