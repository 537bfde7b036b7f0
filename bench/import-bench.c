/* import-bench.c
 *
 * How fast plain-text articles are imported, next to what plain SQLite needs for the same
 * texts. Generates N synthetic articles (3–5 KB of made-up words, a headline and a dateline
 * each) into a temporary folder, imports them into a new project with sp_import_paths(),
 * then inserts the same files into a bare SQLite database (one table and an FTS5 index like
 * the project's, one transaction, the same journal settings). Prints both figures; there is
 * no pass or fail.
 *
 *   ninja -C build && ./build/bench/import-bench [N]
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "bench-articles.h"
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

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *project_path = NULL;
  g_autofree char *baseline_path = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240914);
  g_autoptr(SpProject) project = NULL;
  g_autoptr(SpImportReport) report = NULL;
  g_autoptr(GFile) folder_file = NULL;
  g_autoptr(GTimer) timer = NULL;
  double import_seconds;
  double baseline_seconds;
  gsize n_bytes = 0;
  guint n = 2000;

  if (argc > 1 && (n = (guint)g_ascii_strtoull (argv[1], NULL, 10)) == 0)
    {
      g_printerr ("Usage: %s [NUMBER-OF-ARTICLES]\n", argv[0]);
      return EXIT_FAILURE;
    }

  if (!(tmp = g_dir_make_tmp ("sp-import-bench-XXXXXX", &error)))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  folder = g_build_filename (tmp, "articles", NULL);
  project_path = g_build_filename (tmp, "bench.standpoint", NULL);
  baseline_path = g_build_filename (tmp, "baseline.sqlite", NULL);
  g_mkdir (folder, 0700);

  if ((n_bytes = sp_bench_write_articles (folder, n, rand, paths, &error)) == 0)
    {
      g_printerr ("%s\n", error->message);
      sp_bench_remove_tree (tmp);
      return EXIT_FAILURE;
    }

  g_print ("Generated %u plain-text articles, %.1f MB (%.1f KB each on average)\n",
           n, n_bytes / 1e6, n_bytes / 1e3 / n);

  if (!(project = sp_project_create (project_path, &error)))
    {
      g_printerr ("%s\n", error->message);
      sp_bench_remove_tree (tmp);
      return EXIT_FAILURE;
    }

  folder_file = g_file_new_for_path (folder);
  timer = g_timer_new ();
  report = sp_import_paths (project, &folder_file, 1, NULL, NULL, NULL, &error);
  import_seconds = g_timer_elapsed (timer, NULL);

  if (report == NULL || sp_import_report_get_n_imported (report) != n)
    {
      g_printerr ("The import did not import every article: %s\n",
                  error != NULL ? error->message : "see the report");
      sp_bench_remove_tree (tmp);
      return EXIT_FAILURE;
    }

  g_clear_object (&project);
  baseline_seconds = run_baseline (baseline_path, paths);

  g_print ("Standpoint import (sp_import_paths into a new project, FTS index included): "
           "%u articles in %.2f s = %.0f articles/s (%.1f MB/s)\n",
           n, import_seconds, n / import_seconds, n_bytes / 1e6 / import_seconds);

  if (baseline_seconds > 0)
    g_print ("Plain SQLite baseline (read the files, one table + FTS5, one transaction): "
             "%u articles in %.2f s = %.0f articles/s\n",
             n, baseline_seconds, n / baseline_seconds);
  else
    g_print ("Plain SQLite baseline: failed\n");

  sp_bench_remove_tree (tmp);
  return EXIT_SUCCESS;
}
