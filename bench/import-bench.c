/* import-bench.c
 *
 * How fast plain-text articles are imported (read, cleaned, split into sentences,
 * fingerprinted and written), next to what plain SQLite needs for the same texts. Two
 * corpora: the 1,796 real press releases of the shared corpus (skipped when it is not
 * there; $SP_CORPUS_DIR or ../shared/corpus), and N synthetic articles (3–5 KB of made-up
 * words, a headline and a dateline each). Each is written to a temporary folder as .txt
 * files, then, RUNS times, imported into a new project with sp_import_paths() and inserted
 * into a bare SQLite database (one table and an FTS5 index like the project's, one
 * transaction, the same journal settings). Prints each run, the best of each and their
 * ratio; there is no pass or fail.
 *
 *   ninja -C build && ./build/bench/import-bench [--runs RUNS] [N]
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "bench-articles.h"
#include "import-bench-corpus.h"
#include "sp-importer.h"

typedef struct
{
  sqlite3      *db;
  sqlite3_stmt *insert;
  sqlite3_stmt *index;
} SpBaseline;

static void
sp_baseline_clear (SpBaseline *self)
{
  sqlite3_finalize (self->insert);
  sqlite3_finalize (self->index);
  sqlite3_close (self->db);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SpBaseline, sp_baseline_clear)

static gboolean
exec_sql (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_printerr ("SQLite: %s\n", message);
      sqlite3_free (message);
      return FALSE;
    }

  return TRUE;
}

/* The same files into one table and an FTS5 index like the project's, in one transaction,
 * with the project's journal settings. Returns the seconds taken, or -1. */
static double
run_baseline (const char *db_path,
              GPtrArray  *paths)
{
  g_auto(SpBaseline) self = { 0 };
  g_autoptr(GTimer) timer = NULL;

  if (sqlite3_open (db_path, &self.db) != SQLITE_OK ||
      !exec_sql (self.db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
                          "CREATE TABLE docs (id INTEGER PRIMARY KEY, title TEXT, body TEXT);"
                          "CREATE VIRTUAL TABLE docs_fts USING fts5 (title, body,"
                          " content='docs', content_rowid='id',"
                          " tokenize='unicode61 remove_diacritics 2');") ||
      sqlite3_prepare_v2 (self.db, "INSERT INTO docs (title, body) VALUES (?1, ?2)", -1,
                          &self.insert, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (self.db, "INSERT INTO docs_fts (rowid, title, body) VALUES (?1, ?2, ?3)",
                          -1, &self.index, NULL) != SQLITE_OK)
    {
      g_printerr ("Baseline: %s\n", sqlite3_errmsg (self.db));
      return -1;
    }

  timer = g_timer_new ();

  if (!exec_sql (self.db, "BEGIN"))
    return -1;

  for (guint i = 0; i < paths->len; i++)
    {
      g_autofree char *contents = NULL;
      g_autofree char *title = NULL;
      const char *eol;
      gsize length = 0;

      if (!g_file_get_contents (g_ptr_array_index (paths, i), &contents, &length, NULL))
        return -1;

      eol = strchr (contents, '\n');
      title = eol != NULL ? g_strndup (contents, eol - contents) : g_strdup (contents);

      sqlite3_bind_text (self.insert, 1, title, -1, SQLITE_STATIC);
      sqlite3_bind_text (self.insert, 2, contents, length, SQLITE_STATIC);
      if (sqlite3_step (self.insert) != SQLITE_DONE)
        return -1;
      sqlite3_reset (self.insert);

      sqlite3_bind_int64 (self.index, 1, sqlite3_last_insert_rowid (self.db));
      sqlite3_bind_text (self.index, 2, title, -1, SQLITE_STATIC);
      sqlite3_bind_text (self.index, 3, contents, length, SQLITE_STATIC);
      if (sqlite3_step (self.index) != SQLITE_DONE)
        return -1;
      sqlite3_reset (self.index);
    }

  if (!exec_sql (self.db, "COMMIT"))
    return -1;

  return g_timer_elapsed (timer, NULL);
}

/* Imports @folder into a new project in @tmp; returns the seconds taken, or -1 */
static double
run_import (const char *tmp,
            const char *folder,
            guint       n)
{
  g_autofree char *project_path = g_build_filename (tmp, "bench.standpoint", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpProject) project = NULL;
  g_autoptr(SpImportReport) report = NULL;
  g_autoptr(GFile) folder_file = g_file_new_for_path (folder);
  g_autoptr(GTimer) timer = NULL;
  double seconds;

  if (!(project = sp_project_create (project_path, &error)))
    {
      g_printerr ("%s\n", error->message);
      return -1;
    }

  timer = g_timer_new ();
  report = sp_import_paths (project, &folder_file, 1, NULL, NULL, NULL, &error);
  seconds = g_timer_elapsed (timer, NULL);

  if (report == NULL || sp_import_report_get_n_imported (report) != n)
    {
      g_printerr ("The import did not import every article (%u of %u): %s\n",
                  report != NULL ? sp_import_report_get_n_imported (report) : 0, n,
                  error != NULL ? error->message : "see the report");
      return -1;
    }

  return seconds;
}

/* Runs both @runs times on the files of @folder; returns FALSE when one failed */
static gboolean
bench_corpus (const char *name,
              const char *folder,
              GPtrArray  *paths,
              gsize       n_bytes,
              guint       runs)
{
  double best_import = G_MAXDOUBLE;
  double best_baseline = G_MAXDOUBLE;
  guint n = paths->len;

  g_print ("%s: %u plain-text articles, %.1f MB (%.1f KB each on average)\n",
           name, n, n_bytes / 1e6, n_bytes / 1e3 / n);

  for (guint run = 0; run < runs; run++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *tmp = g_dir_make_tmp ("sp-import-bench-run-XXXXXX", &error);
      g_autofree char *baseline_path = NULL;
      double import_seconds;
      double baseline_seconds;

      if (tmp == NULL)
        {
          g_printerr ("%s\n", error->message);
          return FALSE;
        }

      baseline_path = g_build_filename (tmp, "baseline.sqlite", NULL);
      import_seconds = run_import (tmp, folder, n);
      baseline_seconds = import_seconds > 0 ? run_baseline (baseline_path, paths) : -1;
      sp_bench_remove_tree (tmp);

      if (import_seconds <= 0 || baseline_seconds <= 0)
        {
          g_printerr ("Run %u failed\n", run + 1);
          return FALSE;
        }

      g_print ("  run %u: import %.2f s (%.0f articles/s), plain SQLite %.2f s (%.0f articles/s), "
               "ratio %.2f\n", run + 1, import_seconds, n / import_seconds,
               baseline_seconds, n / baseline_seconds, import_seconds / baseline_seconds);
      best_import = MIN (best_import, import_seconds);
      best_baseline = MIN (best_baseline, baseline_seconds);
    }

  g_print ("  best of %u: Standpoint import (sp_import_paths into a new project: cleaning, "
           "sentences, fingerprints, FTS index) %.0f articles/s (%.1f MB/s); plain SQLite "
           "(read the files, one table + FTS5, one transaction) %.0f articles/s; "
           "ratio %.2f\n",
           runs, n / best_import, n_bytes / 1e6 / best_import, n / best_baseline,
           best_import / best_baseline);

  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *generated = NULL;
  g_autofree char *press = NULL;
  g_autofree char *corpus = sp_bench_corpus_dir ("ru-ua-presidential-press-releases-2021-22");
  g_autoptr(GPtrArray) generated_paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) press_paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240914);
  gboolean ok = TRUE;
  gsize n_bytes;
  guint runs = 3;
  guint n = 20000;
  int arg = 1;

  if (arg + 1 < argc && g_str_equal (argv[arg], "--runs"))
    {
      runs = (guint)g_ascii_strtoull (argv[arg + 1], NULL, 10);
      arg += 2;
    }
  if (arg < argc)
    n = (guint)g_ascii_strtoull (argv[arg++], NULL, 10);

  if (n == 0 || runs == 0 || arg < argc)
    {
      g_printerr ("Usage: %s [--runs RUNS] [NUMBER-OF-ARTICLES]\n", argv[0]);
      return EXIT_FAILURE;
    }

  if (!(tmp = g_dir_make_tmp ("sp-import-bench-XXXXXX", &error)))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  if (corpus == NULL)
    g_print ("Press releases: the shared corpus is not there (set SP_CORPUS_DIR); skipped\n");
  else
    {
      press = g_build_filename (tmp, "press-releases", NULL);
      g_mkdir (press, 0700);
      if ((n_bytes = sp_bench_write_press_releases (corpus, press, press_paths, &error)) == 0)
        {
          g_printerr ("%s\n", error->message);
          sp_bench_remove_tree (tmp);
          return EXIT_FAILURE;
        }
      ok = bench_corpus ("Press releases (shared corpus)", press, press_paths, n_bytes, runs);
    }

  generated = g_build_filename (tmp, "generated", NULL);
  g_mkdir (generated, 0700);
  if ((n_bytes = sp_bench_write_articles (generated, n, rand, generated_paths, &error)) == 0)
    {
      g_printerr ("%s\n", error->message);
      sp_bench_remove_tree (tmp);
      return EXIT_FAILURE;
    }
  ok = bench_corpus ("Generated", generated, generated_paths, n_bytes, runs) && ok;

  sp_bench_remove_tree (tmp);
  return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
