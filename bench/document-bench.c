/* document-bench.c
 *
 * What the store costs per imported document: the duplicate check, the questions an
 * importer asks before cleaning (how many documents hold each line, which documents are near
 * duplicates), and sp_project_add_document() with everything an importer hands it (removed
 * blocks, sentences, a fingerprint, line hashes), in transactions of TRANSACTION-SIZE
 * documents (50 unless given; the importer commits every 100 ms, some 60 to 100 documents), next to plain SQLite inserting the same titles and
 * bodies into one table and an FTS5 index like the project's (the baseline of DESIGN.md's
 * import budget), with the same journal settings and transactions. Everything the importer
 * computes before it writes (hashes, sentences, line hashes) is computed before the clock
 * starts. Runs alternate between the two, on a new file each; prints the best run of each
 * and their ratio, by the wall clock and by the CPU time of the process (on a machine shared
 * with other work, the steadier of the two). There is no pass or fail.
 *
 *   ninja -C build && ./build/bench/document-bench [N [TRANSACTION-SIZE]]
 */
#define G_LOG_DOMAIN "document-bench"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "bench-articles.h"
#include "sp-project.h"

/* How near a near duplicate is, as the importer asks (sp-simhash.h) */
#define NEAR_DISTANCE 3

#define N_RUNS            5
static guint transaction_size = 50;

#define N_FURNITURE       40

typedef struct
{
  char    *title;
  char    *body;
  char    *content_hash;
  char    *text_hash;
  GArray  *sentences;     /* guint32 pairs */
  GArray  *line_hashes;   /* guint64 */
  guint64  simhash;
  SpRemovedBlockFields removed[2];
} BenchDocument;

static void
bench_document_free (gpointer data)
{
  BenchDocument *doc = data;

  g_free (doc->title);
  g_free (doc->body);
  g_free (doc->content_hash);
  g_free (doc->text_hash);
  g_array_unref (doc->sentences);
  g_array_unref (doc->line_hashes);
  g_free (doc);
}

/* Sentences as a splitter would find them in the made-up text: ends at ". ", "? " and line
 * breaks, in characters (the text is ASCII). */
static GArray *
split_sentences (const char *body)
{
  GArray *pairs = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint32 start = 0;
  guint32 i = 0;

  for (; body[i] != '\0'; i++)
    {
      gboolean end = body[i] == '\n' ||
                     ((body[i] == '.' || body[i] == '?') && (body[i + 1] == ' ' || body[i + 1] == '\n' || body[i + 1] == '\0'));

      if (!end)
        continue;

      if (body[i] != '\n')
        i++;
      if (i > start)
        {
          g_array_append_val (pairs, start);
          g_array_append_val (pairs, i);
        }
      while (body[i] == ' ' || body[i] == '\n')
        i++;
      start = i;
      if (body[i] == '\0')
        break;
    }

  if (body[start] != '\0' && i > start)
    {
      g_array_append_val (pairs, start);
      g_array_append_val (pairs, i);
    }

  return pairs;
}

static GPtrArray *
make_documents (guint n)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20250601);
  GPtrArray *documents = g_ptr_array_new_with_free_func (bench_document_free);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = sp_bench_make_article (rand);
      BenchDocument *doc = g_new0 (BenchDocument, 1);
      const char *eol = strchr (text, '\n');
      guint n_lines = g_rand_int_range (rand, 10, 30);
      guint length;

      doc->title = g_strndup (text, eol - text);
      doc->body = g_strdup (eol + 2);
      length = strlen (doc->body);
      doc->content_hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
      doc->text_hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, doc->body, -1);
      doc->sentences = split_sentences (doc->body);
      doc->simhash = ((guint64)g_rand_int (rand) << 32) | g_rand_int (rand);

      /* a few lines of site furniture shared across documents, the rest the article's own */
      doc->line_hashes = g_array_new (FALSE, FALSE, sizeof (guint64));
      for (guint k = 0; k < n_lines; k++)
        {
          guint64 hash = k < 5 ? 1000 + (guint64)g_rand_int_range (rand, 0, N_FURNITURE)
                               : ((guint64)g_rand_int (rand) << 32) | g_rand_int (rand) | 1;
          g_array_append_val (doc->line_hashes, hash);
        }

      doc->removed[0] = (SpRemovedBlockFields) { length / 2, "Story continues below this ad", "advertisement" };
      doc->removed[1] = (SpRemovedBlockFields) { length, "Share on Facebook · Share on X", "share bar" };

      g_ptr_array_add (documents, doc);
    }

  return documents;
}

/* CPU time of the process: on a machine shared with other work, the wall clock counts the
 * time other programs ran; this does not (both sides run in this one thread) */
static double
cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static double
run_store (const char *path,
           GPtrArray  *documents,
           double     *cpu)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpProject) project = sp_project_create (path, &error);
  g_autoptr(GTimer) timer = NULL;
  guint counts[64];

  if (project == NULL)
    g_error ("%s", error->message);

  timer = g_timer_new ();
  *cpu = cpu_seconds ();

  for (guint i = 0; i < documents->len; i++)
    {
      BenchDocument *doc = g_ptr_array_index (documents, i);
      g_autoptr(GArray) near = NULL;
      gint64 existing = 0;
      SpDocumentFields fields = {
        .file_name = "article.txt",
        .title = doc->title,
        .title_kind = SP_TITLE_KIND_HEADLINE,
        .date = "2025-06-01",
        .date_source = SP_DATE_SOURCE_DATELINE,
        .date_confidence = 0.9,
        .body = doc->body,
        .content_hash = doc->content_hash,
        .text_hash = doc->text_hash,
        .removed = doc->removed,
        .n_removed = G_N_ELEMENTS (doc->removed),
        .sentences = (const guint32 *)(gpointer)doc->sentences->data,
        .n_sentences = doc->sentences->len / 2,
        .simhash = doc->simhash,
        .line_hashes = (const guint64 *)(gpointer)doc->line_hashes->data,
        .n_line_hashes = doc->line_hashes->len,
      };

      if (i % transaction_size == 0 && !sp_project_begin_action (project, NULL, &error))
        g_error ("%s", error->message);

      if (!sp_project_find_duplicate (project, doc->content_hash, doc->text_hash, &existing, &error) ||
          !sp_project_count_lines (project, fields.line_hashes, MIN (fields.n_line_hashes, G_N_ELEMENTS (counts)),
                                   counts, &error) ||
          !(near = sp_project_find_near_duplicates (project, doc->simhash,
                                                    NEAR_DISTANCE, &error)))
        g_error ("%s", error->message);

      if (existing != 0 || sp_project_add_document (project, &fields, &error) == 0)
        g_error ("document %u: %s", i, error ? error->message : "a duplicate");

      if ((i % transaction_size == transaction_size - 1 || i == documents->len - 1) &&
          !sp_project_end_action (project, TRUE, &error))
        g_error ("%s", error->message);
    }

  *cpu = cpu_seconds () - *cpu;
  return g_timer_elapsed (timer, NULL);
}

static void
exec_sql (sqlite3    *db,
          const char *sql)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    g_error ("SQLite: %s", sqlite3_errmsg (db));
}

static double
run_baseline (const char *path,
              GPtrArray  *documents,
              double     *cpu)
{
  g_autoptr(GTimer) timer = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *insert = NULL;
  sqlite3_stmt *index = NULL;
  double seconds;

  if (sqlite3_open (path, &db) != SQLITE_OK)
    g_error ("SQLite: %s", sqlite3_errmsg (db));

  exec_sql (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
                "CREATE TABLE docs (id INTEGER PRIMARY KEY, title TEXT, body TEXT);"
                "CREATE VIRTUAL TABLE docs_fts USING fts5 (title, body,"
                " content='docs', content_rowid='id',"
                " tokenize='unicode61 remove_diacritics 2');");
  if (sqlite3_prepare_v2 (db, "INSERT INTO docs (title, body) VALUES (?1, ?2)", -1, &insert, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "INSERT INTO docs_fts (rowid, title, body) VALUES (?1, ?2, ?3)", -1, &index, NULL) != SQLITE_OK)
    g_error ("SQLite: %s", sqlite3_errmsg (db));

  timer = g_timer_new ();
  *cpu = cpu_seconds ();

  for (guint i = 0; i < documents->len; i++)
    {
      BenchDocument *doc = g_ptr_array_index (documents, i);

      if (i % transaction_size == 0)
        exec_sql (db, "BEGIN IMMEDIATE");

      sqlite3_bind_text (insert, 1, doc->title, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 2, doc->body, -1, SQLITE_STATIC);
      if (sqlite3_step (insert) != SQLITE_DONE)
        g_error ("SQLite: %s", sqlite3_errmsg (db));
      sqlite3_reset (insert);

      sqlite3_bind_int64 (index, 1, sqlite3_last_insert_rowid (db));
      sqlite3_bind_text (index, 2, doc->title, -1, SQLITE_STATIC);
      sqlite3_bind_text (index, 3, doc->body, -1, SQLITE_STATIC);
      if (sqlite3_step (index) != SQLITE_DONE)
        g_error ("SQLite: %s", sqlite3_errmsg (db));
      sqlite3_reset (index);

      if (i % transaction_size == transaction_size - 1 || i == documents->len - 1)
        exec_sql (db, "COMMIT");
    }

  seconds = g_timer_elapsed (timer, NULL);
  *cpu = cpu_seconds () - *cpu;

  sqlite3_finalize (insert);
  sqlite3_finalize (index);
  sqlite3_close (db);

  return seconds;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return (x > y) - (x < y);
}

static void
remove_database (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *project_path = NULL;
  g_autofree char *baseline_path = NULL;
  double store[N_RUNS], baseline[N_RUNS], store_cpu[N_RUNS], baseline_cpu[N_RUNS];
  guint n = 5000;
  guint n_sentences = 0;
  gsize n_bytes = 0;

  if ((argc > 1 && (n = (guint)g_ascii_strtoull (argv[1], NULL, 10)) == 0) ||
      (argc > 2 && (transaction_size = (guint)g_ascii_strtoull (argv[2], NULL, 10)) == 0))
    {
      g_printerr ("Usage: %s [NUMBER-OF-DOCUMENTS [TRANSACTION-SIZE]]\n", argv[0]);
      return EXIT_FAILURE;
    }

  if (!(dir = g_dir_make_tmp ("document-bench-XXXXXX", &error)))
    g_error ("%s", error->message);
  project_path = g_build_filename (dir, "bench.standpoint", NULL);
  baseline_path = g_build_filename (dir, "baseline.sqlite", NULL);

  documents = make_documents (n);
  for (guint i = 0; i < documents->len; i++)
    {
      BenchDocument *doc = g_ptr_array_index (documents, i);

      n_bytes += strlen (doc->body);
      n_sentences += doc->sentences->len / 2;
    }

  g_print ("%u made-up documents, %.1f KB and %.0f sentences each on average, "
           "%u per transaction; best of %u runs each, alternating\n",
           n, n_bytes / 1e3 / n, (double)n_sentences / n, transaction_size, N_RUNS);

  for (guint run = 0; run < N_RUNS; run++)
    {
      baseline[run] = run_baseline (baseline_path, documents, &baseline_cpu[run]);
      remove_database (baseline_path);
      store[run] = run_store (project_path, documents, &store_cpu[run]);
      remove_database (project_path);
    }

  qsort (store, N_RUNS, sizeof (double), (GCompareFunc)compare_doubles);
  qsort (baseline, N_RUNS, sizeof (double), (GCompareFunc)compare_doubles);
  qsort (store_cpu, N_RUNS, sizeof (double), (GCompareFunc)compare_doubles);
  qsort (baseline_cpu, N_RUNS, sizeof (double), (GCompareFunc)compare_doubles);

  g_print ("  %-44s %7.1f us/document  %6.0f documents/s  (CPU %6.1f us/document)\n",
           "store: lookups + sp_project_add_document()",
           store[0] * 1e6 / n, n / store[0], store_cpu[0] * 1e6 / n);
  g_print ("  %-44s %7.1f us/document  %6.0f documents/s  (CPU %6.1f us/document)\n",
           "baseline: plain SQLite, one table + FTS5",
           baseline[0] * 1e6 / n, n / baseline[0], baseline_cpu[0] * 1e6 / n);
  g_print ("  ratio store / baseline: %.2f wall clock, %.2f CPU\n",
           store[0] / baseline[0], store_cpu[0] / baseline_cpu[0]);

  g_rmdir (dir);
  return EXIT_SUCCESS;
}
