/* import-contention-bench.c
 *
 * How long an edit from another connection waits while an import runs. Generates N
 * articles (3,000 by default), imports them in a worker thread through its own connection,
 * as the window does, while the main thread adds an actor through a second connection
 * every 50 ms, as an analyst editing in the window or the command line would; each edit's
 * wall-clock time is its wait (it also holds the edit's own commit, and a WAL checkpoint
 * when that commit is the one that starts it). The same edits on the same project with no
 * import running are the baseline. Prints the longest and the median wait of both; there is
 * no pass or fail.
 *
 *   ninja -C build && ./build/bench/import-contention-bench [N]
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <glib/gstdio.h>

#include "bench-articles.h"
#include "sp-importer.h"

#define EDIT_INTERVAL_US (50 * 1000)

typedef struct
{
  char           *project_path;
  char           *folder;
  gint            finished;   /* atomic */
  guint           n_imported;
  double          seconds;
  char           *error;
} ImportJob;

static gpointer
import_thread (gpointer data)
{
  ImportJob *job = data;
  g_autoptr(SpProject) project = NULL;
  g_autoptr(SpImportReport) report = NULL;
  g_autoptr(GFile) folder = g_file_new_for_path (job->folder);
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();

  if ((project = sp_project_open (job->project_path, &error)) != NULL &&
      (report = sp_import_paths (project, &folder, 1, NULL, NULL, NULL, &error)) != NULL)
    job->n_imported = sp_import_report_get_n_imported (report);
  else
    job->error = g_strdup (error->message);

  job->seconds = g_timer_elapsed (timer, NULL);
  g_atomic_int_set (&job->finished, 1);
  return NULL;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *)a;
  double db = *(const double *)b;

  return da < db ? -1 : da > db;
}

/* One edit, as the window makes it: one transaction. Returns its wall-clock seconds. */
static double
timed_edit (SpProject *project,
            guint      serial)
{
  g_autofree char *name = g_strdup_printf ("Negotiator %u", serial);
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  if (sp_project_add_actor (project, name, SP_ACTOR_KIND_PERSON, 0, NULL, &error) == 0)
    g_printerr ("The edit failed: %s\n", error->message);

  return (g_get_monotonic_time () - start) / 1e6;
}

static void
print_waits (const char *what,
             GArray     *waits)
{
  g_array_sort (waits, compare_doubles);
  g_print ("%-40s %4u edits, longest wait %7.1f ms, median %6.2f ms\n", what, waits->len,
           waits->len > 0 ? g_array_index (waits, double, waits->len - 1) * 1000 : 0,
           waits->len > 0 ? g_array_index (waits, double, waits->len / 2) * 1000 : 0);
}

/* Edits every EDIT_INTERVAL_US until @job finishes or, without a job, @n_edits are made */
static GArray *
edit_while (SpProject *project,
            ImportJob *job,
            guint      n_edits,
            guint     *serial)
{
  GArray *waits = g_array_new (FALSE, FALSE, sizeof (double));
  gint64 next = g_get_monotonic_time ();

  while (job != NULL ? !g_atomic_int_get (&job->finished) : waits->len < n_edits)
    {
      double wait = timed_edit (project, (*serial)++);
      gint64 now;

      g_array_append_val (waits, wait);
      next += EDIT_INTERVAL_US;
      if ((now = g_get_monotonic_time ()) < next)
        g_usleep (next - now);
    }

  return waits;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240914);
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GArray) during = NULL;
  g_autoptr(GArray) baseline = NULL;

  ImportJob job = { 0 };
  GThread *thread;
  gsize n_bytes;
  guint serial = 0;
  guint n = 3000;

  if (argc > 1 && (n = (guint)g_ascii_strtoull (argv[1], NULL, 10)) == 0)
    {
      g_printerr ("Usage: %s [NUMBER-OF-ARTICLES]\n", argv[0]);
      return EXIT_FAILURE;
    }

  if (!(tmp = g_dir_make_tmp ("sp-contention-bench-XXXXXX", &error)))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  job.folder = g_build_filename (tmp, "articles", NULL);
  job.project_path = g_build_filename (tmp, "bench.standpoint", NULL);
  g_mkdir (job.folder, 0700);

  if ((n_bytes = sp_bench_write_articles (job.folder, n, rand, NULL, &error)) == 0 ||
      !(project = sp_project_create (job.project_path, &error)))
    {
      g_printerr ("%s\n", error->message);
      sp_bench_remove_tree (tmp);
      return EXIT_FAILURE;
    }

  g_print ("Generated %u plain-text articles, %.1f MB; one edit (add an actor) every %u ms\n",
           n, n_bytes / 1e6, EDIT_INTERVAL_US / 1000);

  thread = g_thread_new ("import", import_thread, &job);
  during = edit_while (project, &job, 0, &serial);
  g_thread_join (thread);

  if (job.error != NULL)
    {
      g_printerr ("The import failed: %s\n", job.error);
      sp_bench_remove_tree (tmp);
      return EXIT_FAILURE;
    }

  /* The same number of edits on the same project, now that nothing else writes */
  baseline = edit_while (project, NULL, MAX (during->len, 20), &serial);

  g_print ("Import in a worker thread: %u articles in %.2f s = %.0f articles/s\n",
           job.n_imported, job.seconds, job.n_imported / job.seconds);
  print_waits ("Edits during the import:", during);
  print_waits ("The same edits, no import (baseline):", baseline);


  g_free (job.folder);
  g_free (job.project_path);
  g_free (job.error);
  sp_bench_remove_tree (tmp);
  return EXIT_SUCCESS;
}
