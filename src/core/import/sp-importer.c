/* sp-importer.c
 *
 * The batch import: the listing gives the files, each file is read, decoded, read by its
 * type, dated and hashed, then checked against the documents already in the project and
 * added. Reading and parsing happen outside any transaction; the project's write lock is
 * taken only to write what was read, in short transactions (each document a nested action
 * inside one), so that an edit from the window or the command line during an import waits
 * for one short write at most. A transaction is not opened for each document, which would
 * cost a sync of the journal each and make the import several times slower; read articles
 * are queued and written together once enough are waiting. A write ends after WRITE_SECONDS
 * even if more are queued, and the next one starts PAUSE_SECONDS later at the earliest:
 * SQLite's lock is not fair, and back-to-back transactions would starve a waiting writer.
 * Shorter transactions cost more than their commits: each leaves the full-text index a
 * segment to merge later (bench/import-bench, bench/import-contention-bench).
 * A crash or a cancellation keeps every transaction committed before it, and the report
 * lists a file only once its document is committed.
 * Imports are not undone with Ctrl+Z, so the actions have no undo label.
 *
 * This runs in an import worker thread with its own SpProject, or on the command line's
 * main thread; it never touches anything but the project and the files.
 */
#define G_LOG_DOMAIN "sp-importer"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sp-import-formats.h"
#include "sp-import-private.h"

/* Read articles wait to be written until this many are queued, they hold this many bytes of
 * text, or the first of them has waited this long */
#define QUEUE_FILES   512
#define QUEUE_BYTES   (8 * 1024 * 1024)
#define QUEUE_SECONDS 0.5
/* One write transaction ends after this long, and the next starts no sooner than this long
 * after it ends: long enough for another connection waiting for the lock (the store's
 * connections look every millisecond) to take it */
#define WRITE_SECONDS 0.1
#define PAUSE_SECONDS 0.005

#define READ_CHUNK (64 * 1024)

/* One article of a file (or the file, when it could not be read), read and parsed, waiting
 * to be written */
typedef struct
{
  SpPendingFile *file;          /* borrowed from the listing */
  char          *path;          /* the file's path, and which of its articles this is */
  SpArticle     *article;       /* NULL when @entry already says what became of the file */
  char          *file_name;
  char          *content_hash;
  char          *text_hash;
  SpImportEntry *entry;
} SpReadFile;

static void
sp_read_file_free (SpReadFile *read)
{
  g_clear_pointer (&read->article, sp_article_free);
  g_free (read->path);
  g_free (read->file_name);
  g_free (read->content_hash);
  g_free (read->text_hash);
  g_clear_pointer (&read->entry, _sp_import_entry_free);
  g_free (read);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpReadFile, sp_read_file_free)

static void
set_too_large (GError **error,
               goffset  size)
{
  g_autofree char *limit = g_format_size_full (SP_IMPORT_MAX_FILE_SIZE, G_FORMAT_SIZE_IEC_UNITS);

  if (size > 0)
    {
      g_autofree char *formatted = g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_TOO_LARGE,
                   _("too large (%s; the limit is %s)"), formatted, limit);
    }
  else
    g_set_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_TOO_LARGE,
                 _("too large (over %s)"), limit);
}

static void
set_errno_error (GError **error,
                 int      saved_errno)
{
  g_autoptr(GError) io_error = g_error_new_literal (G_IO_ERROR,
                                                    g_io_error_from_errno (saved_errno),
                                                    g_strerror (saved_errno));

  _sp_import_set_read_error (error, io_error);
}

/* A local file's bytes. Anything but a regular file is refused before it is opened, and it
 * is opened without blocking, so that a FIFO put in its place meanwhile cannot hang the
 * import either. */
static GBytes *
read_local_bytes (const char    *path,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autofree char *contents = NULL;
  struct stat st;
  gsize length = 0;
  gsize allocated;
  int fd;

  if (g_stat (path, &st) != 0)
    {
      set_errno_error (error, errno);
      return NULL;
    }

  if (!S_ISREG (st.st_mode))
    {
      g_set_error_literal (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_READ,
                           _sp_import_describe_mode (st.st_mode));
      return NULL;
    }

  if (st.st_size > SP_IMPORT_MAX_FILE_SIZE)
    {
      set_too_large (error, st.st_size);
      return NULL;
    }

  if ((fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0)) < 0)
    {
      set_errno_error (error, errno);
      return NULL;
    }

  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_set_error_literal (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_READ,
                           _sp_import_describe_mode (st.st_mode));
      g_close (fd, NULL);
      return NULL;
    }

  /* One byte more than the limit shows a file that grew since it was measured */
  allocated = MIN ((gsize)st.st_size, (gsize)SP_IMPORT_MAX_FILE_SIZE) + 1;
  contents = g_malloc (allocated + 1);

  for (;;)
    {
      gssize n;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          g_close (fd, NULL);
          return NULL;
        }

      if (length == allocated)
        {
          if (allocated > SP_IMPORT_MAX_FILE_SIZE)
            {
              g_close (fd, NULL);
              set_too_large (error, 0);
              return NULL;
            }
          allocated = MIN (allocated * 2, (gsize)SP_IMPORT_MAX_FILE_SIZE + 1);
          contents = g_realloc (contents, allocated + 1);
        }

      n = read (fd, contents + length, MIN (allocated - length, READ_CHUNK));
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          g_close (fd, NULL);
          set_errno_error (error, saved_errno);
          return NULL;
        }
      if (n == 0)
        break;
      length += n;
    }

  g_close (fd, NULL);
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

/* A file without a local path (a GVfs location): through GIO */
static GBytes *
read_remote_bytes (GFile         *file,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info != NULL && g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error_literal (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_READ, _("not a regular file"));
      return NULL;
    }

  if (info != NULL && g_file_info_get_size (info) > SP_IMPORT_MAX_FILE_SIZE)
    {
      set_too_large (error, g_file_info_get_size (info));
      return NULL;
    }

  if (info == NULL ||
      !g_file_load_contents (file, cancellable, &contents, &length, NULL, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        _sp_import_set_read_error (error, local_error);
      return NULL;
    }

  if (length > SP_IMPORT_MAX_FILE_SIZE)
    {
      set_too_large (error, 0);
      return NULL;
    }

  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

/* The file's bytes, refused without reading when the file is too large or not a file. */
static GBytes *
read_bytes (GFile         *file,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autofree char *path = g_file_get_path (file);

  if (path != NULL)
    return read_local_bytes (path, cancellable, error);

  return read_remote_bytes (file, cancellable, error);
}

static GPtrArray *
read_file (GFile         *file,
           GBytes       **bytes_out,
           GCancellable  *cancellable,
           GError       **error)
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

  if (!(bytes = read_bytes (file, cancellable, error)))
    return NULL;

  if ((articles = sp_import_format_read (format, bytes, error)) != NULL && bytes_out != NULL)
    *bytes_out = g_steal_pointer (&bytes);

  return articles;
}

/**
 * sp_import_read_file:
 *
 * Reads one article file the way sp_import_paths() does, without adding it anywhere.
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
  GPtrArray *articles;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if ((articles = read_file (file, NULL, cancellable, error)) == NULL)
    {
      path = _sp_import_display_path (file);
      g_prefix_error (error, "%s: ", path);
    }

  return articles;
}

/* Reading, outside any transaction */

/* The content hash of article @index of @n read from one file: the file's bytes for a file
 * of one article, and the bytes with the article's place for a file of several, so that the
 * same export imported twice is found article by article */
static char *
content_hash_of (GBytes *bytes,
                 guint   index,
                 guint   n)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  gsize length;
  const guchar *data = g_bytes_get_data (bytes, &length);
  char place[32];

  g_checksum_update (checksum, data, length);
  if (n > 1)
    {
      g_snprintf (place, sizeof place, "\n%u/%u", index + 1, n);
      g_checksum_update (checksum, (const guchar *)place, -1);
    }

  return g_strdup (g_checksum_get_string (checksum));
}

/* Reads one listed file and queues what it gives: one entry per article, or one saying why
 * there is none. Returns FALSE, with @error set, only when cancelled. */
static gboolean
read_listed_file (SpPendingFile  *file,
                  GPtrArray      *queue,
                  GCancellable   *cancellable,
                  GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) problem = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  g_autofree char *base_name = NULL;
  g_autofree char *file_name = NULL;
  guint n_articles = 0;
  guint n_read = 0;

  if (file->error != NULL)
    {
      SpReadFile *read = g_new0 (SpReadFile, 1);

      read->file = file;
      read->path = g_strdup (file->path);
      read->entry = _sp_import_entry_new_problem (file->path, file->status, file->error);
      g_ptr_array_add (queue, read);
      return TRUE;
    }

  if (!(articles = read_file (file->file, &bytes, cancellable, &problem)))
    {
      SpReadFile *read;

      if (g_error_matches (problem, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&problem));
          return FALSE;
        }

      read = g_new0 (SpReadFile, 1);
      read->file = file;
      read->path = g_strdup (file->path);
      read->entry = _sp_import_entry_new_problem (file->path, SP_IMPORT_STATUS_FAILED, problem);
      g_ptr_array_add (queue, read);
      return TRUE;
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
          g_ptr_array_add (queue, read);
          continue;
        }

      read->path = n_articles == 1
                     ? g_strdup (file->path)
                     /* TRANSLATORS: one article of a file that holds several */
                     : g_strdup_printf (_("%s (article %u of %u)"), file->path, ++n_read, n_articles);
      read->article = g_steal_pointer (&g_ptr_array_index (articles, i));
      read->file_name = g_strdup (file_name);
      read->content_hash = content_hash_of (bytes, n_read > 0 ? n_read - 1 : 0, n_articles);
      read->text_hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, read->article->body, -1);
      g_ptr_array_add (queue, read);
    }

  return TRUE;
}

/* Writing, in short transactions */

static gboolean
is_per_file_problem (const GError *error)
{
  return error->domain == SP_IMPORT_ERROR ||
         g_error_matches (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID) ||
         g_error_matches (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_CONFLICT);
}

/* Adds one read article inside the open transaction and sets its entry. Returns FALSE,
 * with @error set, when the database failed. */
static gboolean
write_article (SpProject   *project,
               SpReadFile  *read,
               GError     **error)
{
  g_autoptr(GError) problem = NULL;
  const char *path = read->path;
  SpArticle *article = read->article;
  SpDocumentFields fields = { 0 };
  gint64 existing = 0;
  gint64 id;

  if (!sp_project_find_duplicate (project, read->content_hash, read->text_hash, &existing, error))
    return FALSE;

  if (existing != 0)
    {
      g_autoptr(SpDocument) document = sp_project_get_document (project, existing, error);

      if (document == NULL)
        return FALSE;

      read->entry = _sp_import_entry_new (path, SP_IMPORT_STATUS_DUPLICATE);
      read->entry->document_id = existing;
      read->entry->title = g_strdup (sp_document_get_title (document));
      read->entry->message = g_strdup_printf (_("%s: already imported as document %lld “%s”"),
                                              path, (long long) existing, read->entry->title);
      return TRUE;
    }

  fields.file_name = read->file_name;
  fields.title = article->title;
  fields.date = article->date;
  fields.source = article->source;
  fields.url = article->url;
  fields.author = article->author;
  fields.body = article->body;
  fields.content_hash = read->content_hash;
  fields.text_hash = read->text_hash;

  if ((id = sp_project_add_document (project, &fields, &problem)) == 0)
    {
      if (!is_per_file_problem (problem))
        {
          g_propagate_error (error, g_steal_pointer (&problem));
          return FALSE;
        }

      read->entry = _sp_import_entry_new_problem (path, SP_IMPORT_STATUS_FAILED, problem);
      return TRUE;
    }

  read->entry = _sp_import_entry_new (path, SP_IMPORT_STATUS_IMPORTED);
  read->entry->document_id = id;
  read->entry->title = g_strdup (article->title);
  return TRUE;
}

/* Moves the entries of @queue[from..to) into the report, once they are committed */
static void
report_entries (SpImportReport *report,
                GPtrArray      *queue,
                guint           from,
                guint           to)
{
  for (guint i = from; i < to; i++)
    {
      SpReadFile *read = g_ptr_array_index (queue, i);

      _sp_import_report_add (report, g_steal_pointer (&read->entry));
    }
}

/* Writes queued files from the head of the queue in one transaction of at most
 * WRITE_SECONDS, reports them and takes them off the queue; files that failed to read are
 * reported on the way. Returns FALSE, with @error set, when the database failed; what was
 * committed before stays. */
static gboolean
write_some (SpProject       *project,
            GPtrArray       *queue,
            SpImportReport  *report,
            GError         **error)
{
  g_autoptr(GTimer) timer = NULL;
  g_autoptr(GError) local_error = NULL;
  guint first = 0;
  guint i = 0;

  /* Files that failed to read need no transaction */
  for (; i < queue->len && ((SpReadFile *)g_ptr_array_index (queue, i))->article == NULL; i++)
    ;
  report_entries (report, queue, 0, i);

  if (i < queue->len)
    {
      if (!sp_project_begin_action (project, NULL, error))
        return FALSE;

      first = i;
      timer = g_timer_new ();

      for (; i < queue->len; i++)
        {
          SpReadFile *read = g_ptr_array_index (queue, i);

          if (read->article != NULL && !write_article (project, read, &local_error))
            {
              /* Keep the transaction's earlier files if the database still lets us */
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

      report_entries (report, queue, first, i);
    }

  g_ptr_array_remove_range (queue, 0, i);
  return TRUE;
}

static gsize
queued_bytes (GPtrArray *queue)
{
  gsize n = 0;

  for (guint i = 0; i < queue->len; i++)
    {
      SpReadFile *read = g_ptr_array_index (queue, i);

      if (read->article != NULL)
        n += strlen (read->article->body);
    }

  return n;
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
 * Files are read and parsed without holding the project's write lock, which is taken only
 * for short transactions that write what was read: when @progress is called, no
 * transaction is open. When the import is cancelled, or fails, what was committed before
 * stays; SpProject::changed is emitted on @project after each commit. Cancelling is not an
 * error: the report says the import was cancelled and lists the files seen to.
 *
 * Returns: (transfer full): the report, or %NULL with @error set when the project could
 *   not be written
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
  g_autoptr(GPtrArray) queue = NULL;
  g_autoptr(GTimer) waiting = NULL;
  g_autoptr(GTimer) since_write = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize bytes = 0;
  guint done;

  g_return_val_if_fail (SP_IS_PROJECT (project), NULL);
  g_return_val_if_fail (files != NULL || n_files == 0, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  report = _sp_import_report_new ();
  pending = g_ptr_array_new_with_free_func ((GDestroyNotify)_sp_pending_file_free);
  queue = g_ptr_array_new_with_free_func ((GDestroyNotify)sp_read_file_free);

  if (!_sp_import_list_files (files, n_files, pending, cancellable, &local_error))
    {
      _sp_import_report_set_cancelled (report);
      return g_steal_pointer (&report);
    }

  waiting = g_timer_new ();
  since_write = g_timer_new ();

  for (done = 0; done < pending->len; done++)
    {
      SpPendingFile *file = g_ptr_array_index (pending, done);
      guint queued;

      if (progress != NULL)
        progress (done, pending->len, file->path, user_data);

      if (g_cancellable_is_cancelled (cancellable))
        {
          _sp_import_report_set_cancelled (report);
          break;
        }

      if (queue->len == 0)
        g_timer_start (waiting);

      queued = queue->len;
      if (!read_listed_file (file, queue, cancellable, &local_error))
        {
          _sp_import_report_set_cancelled (report);
          break;
        }

      for (guint i = queued; i < queue->len; i++)
        {
          SpReadFile *read = g_ptr_array_index (queue, i);

          if (read->article != NULL)
            bytes += strlen (read->article->body);
        }

      if ((queue->len >= QUEUE_FILES || bytes >= QUEUE_BYTES ||
           g_timer_elapsed (waiting, NULL) >= QUEUE_SECONDS) &&
          g_timer_elapsed (since_write, NULL) >= PAUSE_SECONDS)
        {
          if (!write_some (project, queue, report, error))
            return NULL;
          bytes = queued_bytes (queue);
          g_timer_start (waiting);
          g_timer_start (since_write);
        }
    }

  /* What was read (also before a cancellation) is written, with the same pauses */
  while (queue->len > 0)
    {
      gdouble since = g_timer_elapsed (since_write, NULL);

      if (since < PAUSE_SECONDS)
        g_usleep ((gulong)((PAUSE_SECONDS - since) * G_USEC_PER_SEC));

      if (!write_some (project, queue, report, error))
        return NULL;
      g_timer_start (since_write);
    }

  if (progress != NULL)
    progress (done, pending->len, NULL, user_data);

  return g_steal_pointer (&report);
}
