/* import-bench-stages.c
 *
 * Where an import's time goes: each stage over all the files before the next, in the
 * calling thread, timed in CPU seconds of that thread (the machine is shared, and wall
 * time is another program's as much as ours). The store's stage writes the prepared
 * articles into a new project in one transaction, as the plain SQLite baseline does.
 */
#include "config.h"

#include <string.h>
#include <time.h>

#include <gio/gio.h>

#include "import-bench-stages.h"
#include "sp-import-formats.h"
#include "sp-import-pipeline.h"
#include "sp-sha256.h"
#include "sp-simhash.h"
#include "sp-text-cleaner.h"

double
sp_bench_cpu_seconds (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec + now.tv_nsec / 1e9;
}

/* The documents of the prepared articles as the importer writes them, checked beforehand as
 * its workers check them; without @all_fields, with only what documents had before removed
 * blocks, sentences, fingerprints and line hashes */
static GPtrArray *
check_all (GPtrArray  *reads,
           gboolean    all_fields,
           GError    **error)
{
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func ((GDestroyNotify)sp_checked_document_free);

  for (guint i = 0; i < reads->len; i++)
    {
      SpReadFile *read = g_ptr_array_index (reads, i);
      SpDocumentFields fields = { 0 };
      SpCheckedDocument *document;

      if (all_fields)
        {
          g_ptr_array_add (documents, g_steal_pointer (&read->checked));
          continue;
        }

      fields.file_name = read->file_name;
      fields.title = read->article->title;
      fields.title_kind = read->article->title_kind;
      fields.date = read->article->date;
      fields.date_source = read->article->date_source;
      fields.date_confidence = read->article->date_confidence;
      fields.body = read->article->body;
      fields.content_hash = read->content_hash;
      fields.text_hash = read->text_hash;
      if (!(document = sp_checked_document_new (&fields, error)))
        return NULL;
      g_ptr_array_add (documents, document);
    }

  return g_steal_pointer (&documents);
}

/* Writes the checked documents in one transaction, as the importer's writing thread does;
 * with @check, after the importer's duplicate check */
static gboolean
store_all (SpProject  *project,
           GPtrArray  *reads,
           GPtrArray  *documents,
           gboolean    check,
           GError    **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!sp_project_begin_action (project, NULL, error))
    return FALSE;

  for (guint i = 0; i < reads->len; i++)
    {
      SpReadFile *read = g_ptr_array_index (reads, i);
      gint64 existing = 0;

      if (check &&
          !sp_project_find_duplicate (project, read->content_hash, read->text_hash, &existing, error))
        return FALSE;

      if (existing == 0 &&
          sp_project_add_checked_document (project, g_ptr_array_index (documents, i), &local_error) == 0)
        {
          /* Without the check, a text found twice is refused the second time */
          if (!g_error_matches (local_error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_CONFLICT))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          g_clear_error (&local_error);
        }
    }

  return sp_project_end_action (project, TRUE, error);
}

gboolean
sp_bench_time_stages (GPtrArray     *paths,
                      const char    *project_path,
                      SpStageTimes  *times,
                      GError       **error)
{
  g_autoptr(GPtrArray) reads = g_ptr_array_new_with_free_func ((GDestroyNotify)_sp_read_file_free);
  g_autoptr(SpLineCounts) unwritten = _sp_line_counts_new ();
  g_autoptr(SpBatchCounts) counts = NULL;
  g_autoptr(SpSentenceSplitter) splitter = NULL;
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GTimer) timer = NULL;
  g_autoptr(GPtrArray) plain = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  double start;

  if (!(splitter = sp_sentence_splitter_new (error)) ||
      !(project = sp_project_create (project_path, error)))
    return FALSE;

  memset (times, 0, sizeof *times);

  start = sp_bench_cpu_seconds ();
  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (g_ptr_array_index (paths, i));
      g_autoptr(GPtrArray) articles = NULL;
      g_autoptr(GBytes) bytes = NULL;
      SpReadFile *read;

      g_autofree char *name = g_file_get_basename (file);
      const SpImportFormat *format = sp_import_format_for_name (name);

      /* What sp_import_paths() reads: the bytes once, their hash, the articles, not yet
       * cleaned (sp_import_read_file() would clean them, which preparing does) */
      if (!(bytes = g_file_load_bytes (file, NULL, NULL, error)) ||
          !(articles = sp_import_format_read (format, bytes, error)))
        return FALSE;

      read = g_new0 (SpReadFile, 1);
      read->path = g_strdup (g_ptr_array_index (paths, i));
      read->file_name = g_file_get_basename (file);
      read->content_hash = sp_sha256_hex (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      read->article = g_steal_pointer (&g_ptr_array_index (articles, 0));
      read->clean = TRUE;
      read->line_hashes = sp_text_line_hashes (read->article->body);
      g_ptr_array_add (reads, read);
    }
  times->read = sp_bench_cpu_seconds () - start;

  start = sp_bench_cpu_seconds ();
  if (!(counts = _sp_batch_counts_new (project, reads, unwritten, error)))
    return FALSE;
  for (guint i = 0; i < reads->len; i++)
    _sp_read_file_prepare (g_ptr_array_index (reads, i), counts, splitter);
  times->prepare = sp_bench_cpu_seconds () - start;

  /* The two costliest parts again, alone */
  start = sp_bench_cpu_seconds ();
  for (guint i = 0; i < reads->len; i++)
    {
      const char *body = ((SpReadFile *)g_ptr_array_index (reads, i))->article->body;
      g_array_unref (sp_sentence_splitter_split (splitter, body, strlen (body)));
    }
  times->sentences = sp_bench_cpu_seconds () - start;

  start = sp_bench_cpu_seconds ();
  for (guint i = 0; i < reads->len; i++)
    {
      const char *body = ((SpReadFile *)g_ptr_array_index (reads, i))->article->body;
      volatile guint64 simhash = sp_simhash_compute (body, strlen (body));

      (void)simhash;
    }
  times->fingerprint = sp_bench_cpu_seconds () - start;

  /* Every prepared article is a document: the corpus holds none the store refuses */
  if (!(plain = check_all (reads, FALSE, error)) ||
      !(documents = check_all (reads, TRUE, error)))
    return FALSE;

  timer = g_timer_new ();
  start = sp_bench_cpu_seconds ();
  if (!store_all (project, reads, documents, TRUE, error))
    return FALSE;
  times->store = sp_bench_cpu_seconds () - start;
  times->store_wall = g_timer_elapsed (timer, NULL);

  /* The importer's look-ups on the writing thread: near-duplicates, and the line counts of
   * the cleaning, here for every article at once */
  start = sp_bench_cpu_seconds ();
  {
    g_autofree guint64 *simhashes = g_new0 (guint64, MAX (reads->len, 1));
    g_autofree gint64 *nearest = g_new0 (gint64, MAX (reads->len, 1));

    for (guint i = 0; i < reads->len; i++)
      simhashes[i] = ((SpReadFile *)g_ptr_array_index (reads, i))->simhash;
    if (!sp_project_find_nearest_duplicates (project, simhashes, reads->len,
                                             SP_SIMHASH_NEAR_DISTANCE, nearest, error))
      return FALSE;
  }
  times->near = sp_bench_cpu_seconds () - start;

  start = sp_bench_cpu_seconds ();
  g_clear_pointer (&counts, _sp_batch_counts_free);
  if (!(counts = _sp_batch_counts_new (project, reads, unwritten, error)))
    return FALSE;
  times->line_counts = sp_bench_cpu_seconds () - start;

  /* The same without the duplicate checks, and without the fields import adds, each in a new
   * project */
  for (guint variant = 0; variant < 2; variant++)
    {
      g_autofree char *path = g_strdup_printf ("%s-%u", project_path, variant);
      g_autoptr(SpProject) other = sp_project_create (path, error);

      if (other == NULL)
        return FALSE;

      start = sp_bench_cpu_seconds ();
      if (!store_all (other, reads, variant == 0 ? documents : plain, FALSE, error))
        return FALSE;
      if (variant == 0)
        times->store_no_check = sp_bench_cpu_seconds () - start;
      else
        times->store_plain = sp_bench_cpu_seconds () - start;
    }

  return TRUE;
}
