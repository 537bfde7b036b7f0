/* sp-importer.c
 *
 * The batch import: folders are expanded into their article files, each file is read,
 * decoded, read by its type, dated, hashed, checked against the documents already in the
 * project and added. Files are committed in batches (one transaction, each document a
 * nested action inside it), which is what makes importing thousands of files fast and lets
 * a crash or a cancellation keep every batch committed before it. Imports are not undone
 * with Ctrl+Z, so the actions have no undo label.
 *
 * This runs in an import worker thread with its own SpProject, or on the command line's
 * main thread; it never touches anything but the project and the files.
 */
#define G_LOG_DOMAIN "sp-importer"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-date-scan.h"
#include "sp-html-reader.h"
#include "sp-importer.h"
#include "sp-text-decode.h"
#include "sp-text-reader.h"

/* A batch ends after this many files or this many seconds, whichever comes first. */
#define BATCH_FILES   200
#define BATCH_SECONDS 2.0

#define FOLDER_ATTRIBUTES \
  G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE "," \
  G_FILE_ATTRIBUTE_STANDARD_IS_HIDDEN

typedef enum
{
  SP_FILE_KIND_UNSUPPORTED,
  SP_FILE_KIND_TEXT,
  SP_FILE_KIND_MARKDOWN,
  SP_FILE_KIND_HTML,
} SpFileKind;

struct _SpImportReport
{
  gatomicrefcount  ref_count;
  GPtrArray       *entries;
  guint            n_imported;
  guint            n_duplicates;
  guint            n_failed;
  gboolean         cancelled;
};

/* A file to import, or a path that already failed while the batch was being listed */
typedef struct
{
  GFile  *file;
  char   *path;
  GError *error;
} SpPendingFile;

G_DEFINE_BOXED_TYPE (SpImportReport, sp_import_report, sp_import_report_ref, sp_import_report_unref)

static void
sp_import_entry_free (SpImportEntry *entry)
{
  g_free (entry->path);
  g_free (entry->title);
  g_free (entry->message);
  g_free (entry);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpImportEntry, sp_import_entry_free)

static void
sp_pending_file_free (SpPendingFile *pending)
{
  g_clear_object (&pending->file);
  g_free (pending->path);
  g_clear_error (&pending->error);
  g_free (pending);
}

static SpImportReport *
sp_import_report_new (void)
{
  SpImportReport *self = g_new0 (SpImportReport, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify)sp_import_entry_free);

  return self;
}

/**
 * sp_import_report_ref:
 *
 * Returns: (transfer full): @self
 */
SpImportReport *
sp_import_report_ref (SpImportReport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
sp_import_report_unref (SpImportReport *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_ptr_array_unref (self->entries);
      g_free (self);
    }
}

guint
sp_import_report_get_n_entries (SpImportReport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->entries->len;
}

/**
 * sp_import_report_get_entry:
 *
 * Entries are in the order the files were imported: named files in the order given,
 * the files of a folder sorted by path.
 *
 * Returns: (transfer none): the entry for one file
 */
const SpImportEntry *
sp_import_report_get_entry (SpImportReport *self,
                            guint           index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->entries->len, NULL);

  return g_ptr_array_index (self->entries, index);
}

guint
sp_import_report_get_n_imported (SpImportReport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_imported;
}

guint
sp_import_report_get_n_duplicates (SpImportReport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_duplicates;
}

guint
sp_import_report_get_n_failed (SpImportReport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_failed;
}

/* Whether the import was cancelled before every file was seen to; the entries cover the
 * files it did see to, and those are in the project. */
gboolean
sp_import_report_get_cancelled (SpImportReport *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->cancelled;
}

static void
add_entry (SpImportReport *self,
           SpImportEntry  *entry)
{
  switch (entry->status)
    {
    case SP_IMPORT_STATUS_IMPORTED:
      self->n_imported++;
      break;

    case SP_IMPORT_STATUS_DUPLICATE:
      self->n_duplicates++;
      break;

    case SP_IMPORT_STATUS_FAILED:
    default:
      self->n_failed++;
      break;
    }

  g_ptr_array_add (self->entries, entry);
}

static SpFileKind
kind_for_name (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  if (g_str_has_suffix (lower, ".txt"))
    return SP_FILE_KIND_TEXT;
  if (g_str_has_suffix (lower, ".md") || g_str_has_suffix (lower, ".markdown"))
    return SP_FILE_KIND_MARKDOWN;
  if (g_str_has_suffix (lower, ".html") || g_str_has_suffix (lower, ".htm"))
    return SP_FILE_KIND_HTML;

  return SP_FILE_KIND_UNSUPPORTED;
}

static char *
dup_display_path (GFile *file)
{
  char *path = g_file_get_path (file);

  return path != NULL ? path : g_file_get_uri (file);
}

/* A GIO error as the end of a one-line message; GIO's own messages repeat the path. */
static void
set_read_error (GError  **error,
                GError   *io_error)
{
  const char *reason;

  if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    reason = _("no such file");
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    reason = _("permission denied");
  else
    reason = io_error->message;

  g_set_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_READ, _("cannot be read: %s"), reason);
}

static int
compare_pending (gconstpointer a,
                 gconstpointer b)
{
  const SpPendingFile *pa = *(SpPendingFile * const *)a;
  const SpPendingFile *pb = *(SpPendingFile * const *)b;

  return strcmp (pa->path, pb->path);
}

static SpPendingFile *
pending_new (GFile  *file,
             GError *error)
{
  SpPendingFile *pending = g_new0 (SpPendingFile, 1);

  pending->file = g_object_ref (file);
  pending->path = dup_display_path (file);
  pending->error = error;

  return pending;
}

/* A symbolic link in a folder counts when it leads to a regular file; links to folders
 * are not followed, so that a link loop cannot make the listing endless. */
static GFileType
link_target_type (GFile        *child,
                  GCancellable *cancellable)
{
  g_autoptr(GFileInfo) info = g_file_query_info (child, G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                                 G_FILE_QUERY_INFO_NONE, cancellable, NULL);

  return info != NULL ? g_file_info_get_file_type (info) : G_FILE_TYPE_UNKNOWN;
}

/* Adds the article files under @folder, sorted by path; hidden files and folders are
 * skipped. Returns FALSE only when cancelled. */
static gboolean
list_folder (GFile         *folder,
             GPtrArray     *pending,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify)sp_pending_file_free);
  g_autoptr(GQueue) folders = g_queue_new ();
  GFile *dir;

  g_queue_push_tail (folders, g_object_ref (folder));

  while ((dir = g_queue_pop_head (folders)) != NULL)
    {
      g_autoptr(GFile) owned_dir = dir;
      g_autoptr(GFileEnumerator) enumerator = NULL;
      g_autoptr(GError) local_error = NULL;

      enumerator = g_file_enumerate_children (dir, FOLDER_ATTRIBUTES,
                                              G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                              cancellable, &local_error);

      while (enumerator != NULL)
        {
          GFileInfo *info = NULL;
          GFile *child = NULL;
          const char *name;
          GFileType type;

          if (!g_file_enumerator_iterate (enumerator, &info, &child, cancellable, &local_error) ||
              info == NULL)
            break;

          name = g_file_info_get_name (info);
          if (name[0] == '.' || g_file_info_get_is_hidden (info))
            continue;

          type = g_file_info_get_file_type (info);
          if (type == G_FILE_TYPE_SYMBOLIC_LINK &&
              link_target_type (child, cancellable) == G_FILE_TYPE_REGULAR)
            type = G_FILE_TYPE_REGULAR;

          if (type == G_FILE_TYPE_DIRECTORY)
            g_queue_push_tail (folders, g_object_ref (child));
          else if (type == G_FILE_TYPE_REGULAR && kind_for_name (name) != SP_FILE_KIND_UNSUPPORTED)
            g_ptr_array_add (found, pending_new (child, NULL));
        }

      if (local_error != NULL)
        {
          GError *problem = NULL;

          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              g_queue_free_full (g_steal_pointer (&folders), g_object_unref);
              return FALSE;
            }

          set_read_error (&problem, local_error);
          g_ptr_array_add (found, pending_new (dir, problem));
        }
    }

  g_ptr_array_sort (found, compare_pending);
  g_ptr_array_extend_and_steal (pending, g_steal_pointer (&found));

  return TRUE;
}

static gboolean
list_files (GFile * const  *files,
            guint           n_files,
            GPtrArray      *pending,
            GCancellable   *cancellable,
            GError        **error)
{
  for (guint i = 0; i < n_files; i++)
    {
      g_autoptr(GFileInfo) info = NULL;

      info = g_file_query_info (files[i], G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE,
                                cancellable, NULL);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      /* Anything else, existing or not, is seen to (and its problem reported) file by file */
      if (info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        {
          if (!list_folder (files[i], pending, cancellable, error))
            return FALSE;
        }
      else
        g_ptr_array_add (pending, pending_new (files[i], NULL));
    }

  return TRUE;
}

/* The file's bytes, refused without reading when the file is too large. */
static GBytes *
read_bytes (GFile         *file,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        set_read_error (error, local_error);
      return NULL;
    }

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error_literal (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_READ, _("not a regular file"));
      return NULL;
    }

  if (g_file_info_get_size (info) > SP_IMPORT_MAX_FILE_SIZE)
    {
      g_autofree char *size = g_format_size_full (g_file_info_get_size (info), G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *limit = g_format_size_full (SP_IMPORT_MAX_FILE_SIZE, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_TOO_LARGE,
                   _("too large (%s; the limit is %s)"), size, limit);
      return NULL;
    }

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        set_read_error (error, local_error);
      return NULL;
    }

  /* The file grew since it was measured */
  if (length > SP_IMPORT_MAX_FILE_SIZE)
    {
      g_autofree char *limit = g_format_size_full (SP_IMPORT_MAX_FILE_SIZE, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_TOO_LARGE,
                   _("too large (over %s)"), limit);
      return NULL;
    }

  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

static gboolean
has_text (const char *body)
{
  for (const char *p = body; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return TRUE;

  return FALSE;
}

/* The article in a file's bytes, read by the reader for its type, with the date from the
 * text's header when the file's metadata has none. */
static SpArticle *
read_article (SpFileKind   kind,
              GBytes      *bytes,
              GError     **error)
{
  g_autoptr(SpArticle) article = NULL;
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);

  switch (kind)
    {
    case SP_FILE_KIND_HTML:
      article = sp_html_reader_read (data != NULL ? data : "", length, error);
      break;

    case SP_FILE_KIND_TEXT:
    case SP_FILE_KIND_MARKDOWN:
      {
        g_autofree char *text = sp_text_decode (data != NULL ? data : "", length, NULL,
                                                SP_TEXT_DECODE_DEFAULT, error);

        if (text != NULL)
          article = kind == SP_FILE_KIND_TEXT ? sp_text_reader_read_plain (text)
                                              : sp_text_reader_read_markdown (text);
      }
      break;

    case SP_FILE_KIND_UNSUPPORTED:
    default:
      g_set_error_literal (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_UNSUPPORTED,
                           _("unsupported file type"));
      return NULL;
    }

  if (article == NULL)
    return NULL;

  if (article->body == NULL || !has_text (article->body))
    {
      g_set_error_literal (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_EMPTY, _("no text to import"));
      return NULL;
    }

  if (article->date == NULL)
    article->date = sp_date_scan_header (article->body, SP_IMPORT_HEADER_LINES);

  if (article->title == NULL || article->title[0] == '\0')
    {
      g_free (article->title);
      article->title = sp_text_title_from_body (article->body);
    }

  return g_steal_pointer (&article);
}

static SpArticle *
read_file (GFile         *file,
           GBytes       **bytes_out,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GBytes) bytes = NULL;
  SpFileKind kind = kind_for_name (name);
  SpArticle *article;

  if (kind == SP_FILE_KIND_UNSUPPORTED)
    {
      g_set_error_literal (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_UNSUPPORTED,
                           _("unsupported file type"));
      return NULL;
    }

  if (!(bytes = read_bytes (file, cancellable, error)))
    return NULL;

  if ((article = read_article (kind, bytes, error)) != NULL && bytes_out != NULL)
    *bytes_out = g_steal_pointer (&bytes);

  return article;
}

/**
 * sp_import_read_file:
 *
 * Reads one article file the way sp_import_paths() does, without adding it anywhere.
 * Errors are in %SP_IMPORT_ERROR (or %G_IO_ERROR_CANCELLED) and their message starts with
 * the file's path.
 *
 * Returns: (transfer full): the article
 */
SpArticle *
sp_import_read_file (GFile         *file,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autofree char *path = NULL;
  SpArticle *article;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if ((article = read_file (file, NULL, cancellable, error)) == NULL)
    {
      path = dup_display_path (file);
      g_prefix_error (error, "%s: ", path);
    }

  return article;
}

static SpImportEntry *
entry_new (const char     *path,
           SpImportStatus  status)
{
  SpImportEntry *entry = g_new0 (SpImportEntry, 1);

  entry->path = g_strdup (path);
  entry->status = status;

  return entry;
}

static SpImportEntry *
failed_entry (const char   *path,
              const GError *problem)
{
  SpImportEntry *entry = entry_new (path, SP_IMPORT_STATUS_FAILED);

  entry->message = g_strdup_printf ("%s: %s", path, problem->message);
  return entry;
}

static gboolean
is_per_file_problem (const GError *error)
{
  return error->domain == SP_IMPORT_ERROR ||
         g_error_matches (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID) ||
         g_error_matches (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_CONFLICT);
}

/* Imports one file inside the open batch. Returns FALSE, with @error set, when the import
 * must stop: cancelled, or the database failed. */
static gboolean
import_file (SpProject      *project,
             SpPendingFile  *pending,
             GCancellable   *cancellable,
             SpImportEntry **entry_out,
             GError        **error)
{
  g_autoptr(SpImportEntry) entry = NULL;
  g_autoptr(SpArticle) article = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) problem = NULL;
  g_autofree char *name = NULL;
  g_autofree char *content_hash = NULL;
  g_autofree char *text_hash = NULL;
  SpDocumentFields fields = { 0 };
  gint64 existing = 0;
  gint64 id;

  if (pending->error != NULL)
    {
      *entry_out = failed_entry (pending->path, pending->error);
      return TRUE;
    }

  if (!(article = read_file (pending->file, &bytes, cancellable, &problem)))
    {
      if (g_error_matches (problem, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&problem));
          return FALSE;
        }

      *entry_out = failed_entry (pending->path, problem);
      return TRUE;
    }

  content_hash = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  text_hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, article->body, -1);

  if (!sp_project_find_duplicate (project, content_hash, text_hash, &existing, error))
    return FALSE;

  if (existing != 0)
    {
      g_autoptr(SpDocument) document = sp_project_get_document (project, existing, error);

      if (document == NULL)
        return FALSE;

      entry = entry_new (pending->path, SP_IMPORT_STATUS_DUPLICATE);
      entry->document_id = existing;
      entry->title = g_strdup (sp_document_get_title (document));
      entry->message = g_strdup_printf (_("%s: already imported as document %lld “%s”"),
                                        pending->path, (long long) existing, entry->title);
      *entry_out = g_steal_pointer (&entry);
      return TRUE;
    }

  name = g_file_get_basename (pending->file);
  fields.file_name = name;
  fields.title = article->title;
  fields.date = article->date;
  fields.source = article->source;
  fields.url = article->url;
  fields.author = article->author;
  fields.body = article->body;
  fields.content_hash = content_hash;
  fields.text_hash = text_hash;

  if ((id = sp_project_add_document (project, &fields, &problem)) == 0)
    {
      if (!is_per_file_problem (problem))
        {
          g_propagate_error (error, g_steal_pointer (&problem));
          return FALSE;
        }

      *entry_out = failed_entry (pending->path, problem);
      return TRUE;
    }

  entry = entry_new (pending->path, SP_IMPORT_STATUS_IMPORTED);
  entry->document_id = id;
  entry->title = g_strdup (article->title);
  *entry_out = g_steal_pointer (&entry);

  return TRUE;
}

/**
 * sp_import_paths:
 * @project: the project to add documents to; used from the calling thread only
 * @files: (array length=n_files): files and folders to import
 * @cancellable: (nullable): stops the import between two files
 * @progress: (nullable) (scope call): told about each file before it is read
 *
 * Imports article files (.txt, .md, .markdown, .html, .htm). Folders are searched
 * recursively for such files, skipping hidden ones; a named file of another type fails.
 * A file whose bytes or cleaned text are already in the project is reported as a
 * duplicate of that document and not added; a file that cannot be imported is reported
 * with the reason, and the others are imported all the same.
 *
 * Documents are committed in batches: when the import is cancelled, or fails, the
 * batches committed before stay. Cancelling is not an error: the report says the import
 * was cancelled and lists the files seen to.
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
  g_autoptr(GTimer) timer = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean in_batch = FALSE;
  guint n_in_batch = 0;
  guint done;

  g_return_val_if_fail (SP_IS_PROJECT (project), NULL);
  g_return_val_if_fail (files != NULL || n_files == 0, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  report = sp_import_report_new ();
  pending = g_ptr_array_new_with_free_func ((GDestroyNotify)sp_pending_file_free);

  if (!list_files (files, n_files, pending, cancellable, &local_error))
    {
      report->cancelled = TRUE;
      return g_steal_pointer (&report);
    }

  timer = g_timer_new ();

  for (done = 0; done < pending->len; done++)
    {
      SpPendingFile *file = g_ptr_array_index (pending, done);
      SpImportEntry *entry = NULL;

      if (progress != NULL)
        progress (done, pending->len, file->path, user_data);

      if (g_cancellable_is_cancelled (cancellable))
        {
          report->cancelled = TRUE;
          break;
        }

      if (!in_batch)
        {
          if (!sp_project_begin_action (project, NULL, error))
            return NULL;
          in_batch = TRUE;
          n_in_batch = 0;
          g_timer_start (timer);
        }

      if (!import_file (project, file, cancellable, &entry, &local_error))
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            {
              report->cancelled = TRUE;
              break;
            }

          /* Keep the batch's earlier files if the database still lets us */
          sp_project_end_action (project, TRUE, NULL);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }

      add_entry (report, entry);

      if (++n_in_batch >= BATCH_FILES || g_timer_elapsed (timer, NULL) >= BATCH_SECONDS)
        {
          in_batch = FALSE;
          if (!sp_project_end_action (project, TRUE, error))
            return NULL;
        }
    }

  if (in_batch && !sp_project_end_action (project, TRUE, error))
    return NULL;

  if (progress != NULL)
    progress (done, pending->len, NULL, user_data);

  return g_steal_pointer (&report);
}
