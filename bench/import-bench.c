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
#include <sys/resource.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "bench-articles.h"
#include "import-bench-corpus.h"
#include "import-bench-stages.h"
#include "sp-importer.h"
#include "sp-sentences.h"

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
              GPtrArray  *paths,
              double     *cpu)
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
  *cpu = sp_bench_cpu_seconds ();

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

  *cpu = sp_bench_cpu_seconds () - *cpu;
  return g_timer_elapsed (timer, NULL);
}

/* CPU seconds of the whole process, every thread */
static double
process_cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
         usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

/* Imports @folder into a new project in @tmp; returns the seconds taken, or -1 */
static double
run_import (const char *tmp,
            const char *folder,
            guint       n,
            double     *cpu)
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
  *cpu = process_cpu_seconds ();
  report = sp_import_paths (project, &folder_file, 1, NULL, NULL, NULL, &error);
  seconds = g_timer_elapsed (timer, NULL);
  *cpu = process_cpu_seconds () - *cpu;

  /* A corpus may hold the same text twice (a statement published on two days): it comes in
   * once, and the other is reported as its duplicate */
  if (report == NULL ||
      sp_import_report_get_n_imported (report) + sp_import_report_get_n_duplicates (report) != n)
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
  double best_import_cpu = G_MAXDOUBLE;
  double best_baseline_cpu = G_MAXDOUBLE;
  g_autoptr(GError) stages_error = NULL;
  g_autofree char *stages_tmp = NULL;
  g_autofree char *stages_path = NULL;
  SpStageTimes stages;
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
      double import_cpu = 0;
      double baseline_cpu = 0;

      if (tmp == NULL)
        {
          g_printerr ("%s\n", error->message);
          return FALSE;
        }

      baseline_path = g_build_filename (tmp, "baseline.sqlite", NULL);
      import_seconds = run_import (tmp, folder, n, &import_cpu);
      baseline_seconds = import_seconds > 0 ? run_baseline (baseline_path, paths, &baseline_cpu) : -1;
      sp_bench_remove_tree (tmp);

      if (import_seconds <= 0 || baseline_seconds <= 0)
        {
          g_printerr ("Run %u failed\n", run + 1);
          return FALSE;
        }

      g_print ("  run %u: import %.2f s (%.0f articles/s; %.2f CPU s in all threads), "
               "plain SQLite %.2f s (%.0f articles/s; %.2f CPU s), ratio %.2f\n",
               run + 1, import_seconds, n / import_seconds, import_cpu,
               baseline_seconds, n / baseline_seconds, baseline_cpu,
               import_seconds / baseline_seconds);
      best_import = MIN (best_import, import_seconds);
      best_baseline = MIN (best_baseline, baseline_seconds);
      best_import_cpu = MIN (best_import_cpu, import_cpu);
      best_baseline_cpu = MIN (best_baseline_cpu, baseline_cpu);
    }

  g_print ("  best of %u: Standpoint import (sp_import_paths into a new project: cleaning, "
           "sentences, fingerprints, FTS index) %.0f articles/s (%.1f MB/s); plain SQLite "
           "(read the files, one table + FTS5, one transaction) %.0f articles/s; "
           "ratio %.2f\n",
           runs, n / best_import, n_bytes / 1e6 / best_import, n / best_baseline,
           best_import / best_baseline);
  g_print ("  best CPU time: import %.2f s in all threads, plain SQLite %.2f s\n",
           best_import_cpu, best_baseline_cpu);

  /* Where the time goes, stage by stage in one thread */
  if (!(stages_tmp = g_dir_make_tmp ("sp-import-bench-stages-XXXXXX", &stages_error)))
    {
      g_printerr ("%s\n", stages_error->message);
      return FALSE;
    }
  stages_path = g_build_filename (stages_tmp, "stages.standpoint", NULL);
  if (!sp_bench_time_stages (paths, stages_path, &stages, &stages_error))
    {
      g_printerr ("Stages: %s\n", stages_error->message);
      sp_bench_remove_tree (stages_tmp);
      return FALSE;
    }
  sp_bench_remove_tree (stages_tmp);

  g_print ("  stages in one thread, CPU s per 1,000 articles: read and parse %.3f; prepare %.3f "
           "(sentences alone %.3f, fingerprints alone %.3f); store (duplicate check and "
           "sp_project_add_checked_document, one transaction) %.3f (%.3f s wall), of which the "
           "duplicate checks %.3f and removed blocks, sentences, fingerprints and line hashes %.3f; "
           "near-duplicate look-ups %.3f, line counts %.3f; plain SQLite %.3f\n",
           stages.read * 1000 / n, stages.prepare * 1000 / n, stages.sentences * 1000 / n,
           stages.fingerprint * 1000 / n, stages.store * 1000 / n, stages.store_wall * 1000 / n,
           (stages.store - stages.store_no_check) * 1000 / n,
           (stages.store_no_check - stages.store_plain) * 1000 / n,
           stages.near * 1000 / n, stages.line_counts * 1000 / n, best_baseline_cpu * 1000 / n);

  return TRUE;
}

/* The sentence splitter's worst case: every few bytes an end ICU proposes and the
 * corrections look at ("A. A. A. ..."), next to the same number of bytes of articles. Both
 * grow in step with the text; the figures say by how much per megabyte. */
static void
bench_sentence_worst_case (GPtrArray *paths)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpSentenceSplitter) splitter = sp_sentence_splitter_new (&error);
  g_autoptr(GString) articles = g_string_new (NULL);
  g_autoptr(GString) initials = g_string_new (NULL);
  double times[2];
  GString *texts[] = { articles, initials };

  if (splitter == NULL)
    {
      g_printerr ("Sentences: %s\n", error->message);
      return;
    }

  for (guint i = 0; i < paths->len && articles->len < 1024 * 1024; i++)
    {
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (g_file_get_contents (g_ptr_array_index (paths, i), &contents, &length, NULL) &&
          g_utf8_validate_len (contents, length, NULL))
        g_string_append_len (g_string_append_c (articles, '\n'), contents, length);
    }
  while (initials->len < articles->len)
    g_string_append (initials, "A. ");

  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    for (guint size = 0; size < 2; size++)
      {
        gsize length = size == 0 ? texts[t]->len / 5 : texts[t]->len;
        double start = sp_bench_cpu_seconds ();
        g_autoptr(GArray) sentences = NULL;

        while (length > 0 && (texts[t]->str[length] & 0xC0) == 0x80)
          length--;
        sentences = sp_sentence_splitter_split (splitter, texts[t]->str, length);
        times[size] = (sp_bench_cpu_seconds () - start) / (length / 1e6);
        if (size == 1)
          g_print ("Sentences of %s: %.3f CPU s per MB over %.1f MB, %.3f over a fifth of it\n",
                   t == 0 ? "articles" : "\"A. A. A. ...\"", times[1], length / 1e6, times[0]);
      }
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
  bench_sentence_worst_case (generated_paths);

  sp_bench_remove_tree (tmp);
  return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
