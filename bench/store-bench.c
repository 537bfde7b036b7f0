/* store-bench.c
 *
 * Figures for the project store, each next to a baseline measured in the same run:
 *
 *  - opening a project of 10,000 articles (DESIGN.md: a usable window in under 1 s), whole,
 *    and the parts opening added to the quick check: the schema comparison, the check that
 *    all text is UTF-8 and the check of references; the baseline is a bare sqlite3_open and PRAGMA quick_check;
 *  - how long an edit waits for the write lock while another connection commits in 100 ms
 *    transactions (an import), with the store's busy handler and, as the baseline, SQLite's
 *    own busy_timeout, which backs off to 100 ms between tries.
 *
 * Prints figures; it never passes or fails.
 *
 *   store-bench [--keep DIR]
 */
#define G_LOG_DOMAIN "store-bench"

#include "config.h"

#include <stdlib.h>

#include <glib/gstdio.h>

#include "sp-project-private.h"

#define N_DOCUMENTS   10000
#define N_ACTORS      200
#define N_ISSUES      50
#define N_RUNS        5
#define N_WAITS       40
#define WRITER_HOLD_MS 100
#define WRITER_GAP_MS  2

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return (x > y) - (x < y);
}

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
print_figure (const char *what,
              double     *runs,
              guint       n)
{
  qsort (runs, n, sizeof *runs, (GCompareFunc)compare_doubles);
  g_print ("  %-46s median %8.1f ms   max %8.1f ms\n", what, runs[n / 2], runs[n - 1]);
}

static void
fill_project (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpProject) project = sp_project_create (path, &error);
  g_autoptr(GString) body = g_string_new (NULL);

  if (project == NULL)
    g_error ("%s", error->message);

  for (guint i = 0; i < 60; i++)
    g_string_append (body, "The envoys met again on Tuesday and said the talks would go on. ");

  if (!sp_project_begin_action (project, NULL, &error))
    g_error ("%s", error->message);

  for (guint i = 0; i < N_DOCUMENTS; i++)
    {
      g_autofree char *name = g_strdup_printf ("article-%05u.txt", i);
      g_autofree char *text = g_strdup_printf ("%u %s", i, body->str);
      g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
      SpDocumentFields fields = {
        .file_name = name, .title = name, .body = text,
        .content_hash = hash, .text_hash = hash,
      };

      if (sp_project_add_document (project, &fields, &error) == 0)
        g_error ("%s", error->message);
    }

  if (!sp_project_end_action (project, TRUE, &error))
    g_error ("%s", error->message);

  /* The matrix budget's 100,000 claims, so that the foreign-key check has rows to follow */
  for (guint i = 0; i < N_ACTORS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Actor %u", i);

      if (sp_project_add_actor (project, name, SP_ACTOR_KIND_PERSON, 0, NULL, &error) == 0)
        g_error ("%s", error->message);
    }
  for (guint i = 0; i < N_ISSUES; i++)
    {
      g_autofree char *key = g_strdup_printf ("issue%u", i);

      if (sp_project_add_issue (project, key, key, NULL, NULL, &error) == 0)
        g_error ("%s", error->message);
    }

  if (!_sp_project_exec (project,
                         "WITH RECURSIVE n (i) AS (VALUES (0) UNION ALL SELECT i + 1 FROM n WHERE i < 99999) "
                         "INSERT INTO claims (document_id, start_offset, end_offset, actor_id, issue_id, "
                         "  stance, origin, created, updated) "
                         "SELECT 1 + i % 10000, 0, 5, 1 + i % 200, 1 + i % 50, i % 5 - 2, 'manual', '', '' FROM n",
                         &error))
    g_error ("%s", error->message);
}

static void
bench_open (const char *path)
{
  double whole[N_RUNS], bare[N_RUNS], schema[N_RUNS], text[N_RUNS], references[N_RUNS];
  GStatBuf st;

  g_stat (path, &st);
  g_print ("Opening a project of %u articles and 100,000 claims (%.1f MB)\n",
           N_DOCUMENTS, st.st_size / 1e6);

  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SpProject) project = NULL;
      g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
      sqlite3 *db = NULL;
      sqlite3_stmt *stmt = NULL;
      gint64 start;

      start = g_get_monotonic_time ();
      if (!(project = sp_project_open (path, &error)))
        g_error ("%s", error->message);
      whole[run] = elapsed_ms (start);
      g_clear_object (&project);

      start = g_get_monotonic_time ();
      sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
      sqlite3_exec (db, "PRAGMA cell_size_check = ON", NULL, NULL, NULL);
      sqlite3_prepare_v2 (db, "PRAGMA quick_check(1)", -1, &stmt, NULL);
      sqlite3_step (stmt);
      sqlite3_finalize (stmt);
      bare[run] = elapsed_ms (start);

      start = g_get_monotonic_time ();
      if (!_sp_project_schema_validate (db, path, SP_PROJECT_SCHEMA_VERSION, &error))
        g_error ("%s", error->message);
      schema[run] = elapsed_ms (start);

      start = g_get_monotonic_time ();
      if (!_sp_project_check_text (db, path, notes, &error))
        g_error ("%s", error->message);
      text[run] = elapsed_ms (start);

      start = g_get_monotonic_time ();
      if (!_sp_project_check_references (db, notes, &error))
        g_error ("%s", error->message);
      references[run] = elapsed_ms (start);

      sqlite3_close_v2 (db);
    }

  print_figure ("sp_project_open, whole", whole, N_RUNS);
  print_figure ("baseline: sqlite3_open + PRAGMA quick_check", bare, N_RUNS);
  print_figure ("of which the schema comparison", schema, N_RUNS);
  print_figure ("of which the check that all text is UTF-8", text, N_RUNS);
  print_figure ("of which the check of references", references, N_RUNS);
}

/* A writer that commits a transaction held WRITER_HOLD_MS, then parses for WRITER_GAP_MS
 * outside any transaction, as an import does. */
typedef struct
{
  const char *path;
  gint        stop;
} Writer;

static gpointer
writer_thread (gpointer data)
{
  Writer *writer = data;
  sqlite3 *db = NULL;

  sqlite3_open_v2 (writer->path, &db, SQLITE_OPEN_READWRITE, NULL);
  sqlite3_busy_timeout (db, 10000);

  while (!g_atomic_int_get (&writer->stop))
    {
      if (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        g_error ("writer: %s", sqlite3_errmsg (db));
      g_usleep (WRITER_HOLD_MS * 1000);
      sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
      g_usleep (WRITER_GAP_MS * 1000);
    }

  sqlite3_close_v2 (db);
  return NULL;
}

/* How long BEGIN IMMEDIATE waits, N_WAITS times, at moments spread over the writer's cycle */
static guint
measure_waits (const char *path,
               gboolean    store_handler,
               double     *waits)
{
  guint n_failed = 0;
  gint64 busy_since = 0;
  sqlite3 *db = NULL;

  sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL);
  if (store_handler)
    sqlite3_busy_handler (db, _sp_sqlite_busy_cb, &busy_since);
  else
    sqlite3_busy_timeout (db, 10000);

  for (guint i = 0; i < N_WAITS; i++)
    {
      gint64 start;

      g_usleep ((i * 37 % (WRITER_HOLD_MS + WRITER_GAP_MS)) * 1000);
      start = g_get_monotonic_time ();
      if (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        n_failed++;  /* gave up: the wait is its timeout */
      else
        sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
      waits[i] = elapsed_ms (start);
    }

  sqlite3_close_v2 (db);
  return n_failed;
}

static void
bench_lock_wait (const char *path)
{
  double store[N_WAITS], baseline[N_WAITS];
  Writer writer = { path, 0 };
  GThread *thread;
  guint n_store, n_baseline;

  g_print ("An edit while another connection commits in %d ms transactions (%u edits)\n",
           WRITER_HOLD_MS, N_WAITS);

  thread = g_thread_new ("writer", writer_thread, &writer);
  g_usleep (20 * 1000);
  n_store = measure_waits (path, TRUE, store);
  n_baseline = measure_waits (path, FALSE, baseline);
  g_atomic_int_set (&writer.stop, 1);
  g_thread_join (thread);

  print_figure ("store busy handler (polls every 2 ms)", store, N_WAITS);
  g_print ("  %-46s %u of %u gave up (timeout 5 s)\n", "", n_store, N_WAITS);
  print_figure ("baseline: sqlite3_busy_timeout", baseline, N_WAITS);
  g_print ("  %-46s %u of %u gave up (timeout 10 s)\n", "", n_baseline, N_WAITS);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  gboolean keep = argc == 3 && g_str_equal (argv[1], "--keep");

  dir = keep ? g_strdup (argv[2]) : g_dir_make_tmp ("store-bench-XXXXXX", &error);
  if (dir == NULL)
    g_error ("%s", error->message);
  g_mkdir_with_parents (dir, 0755);
  path = g_build_filename (dir, "bench.standpoint", NULL);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    fill_project (path);

  bench_open (path);
  bench_lock_wait (path);

  if (!keep)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      g_unlink (wal);
      g_unlink (shm);
      g_unlink (path);
      g_rmdir (dir);
    }

  return 0;
}
