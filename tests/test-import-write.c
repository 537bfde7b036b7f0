/* test-import-write.c
 *
 * How an import writes: never holding the project's write lock while it reads and parses,
 * so that another connection's edit goes through at once, and committing so that a kill -9
 * at any moment keeps every document the import had reported committed.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <sqlite3.h>

#include "import-test-util.h"

#define N_FILES 1200

static char *
write_articles (const char *dir,
                guint       n)
{
  char *in = g_build_filename (dir, "in", NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("%05u.txt", i);
      g_autofree char *text = g_strdup_printf ("Note %u\n\nThe council met for the %u. time and "
                                               "agreed on nothing.\n", i, i);
      g_free (sp_test_write_file (in, name, text, -1));
    }

  return in;
}

typedef struct
{
  sqlite3 *db;
  guint    n_calls;
  guint    n_locked;
} OtherWriter;

/* Between two files, another connection takes the write lock without waiting for it */
static void
take_lock_cb (guint       done,
              guint       total,
              const char *current_path,
              gpointer    user_data)
{
  OtherWriter *other = user_data;
  int rc = sqlite3_exec (other->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);

  other->n_calls++;
  if (rc != SQLITE_OK)
    {
      g_test_message ("file %u: %s", done, sqlite3_errstr (rc));
      other->n_locked++;
      return;
    }

  g_assert_cmpint (sqlite3_exec (other->db, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
}

static void
test_lock_free_between_files (void)
{
  g_autofree char *tmp = sp_test_make_tmpdir ();
  g_autofree char *in = write_articles (tmp, N_FILES);
  g_autoptr(SpProject) project = sp_test_new_project (tmp, "test.standpoint");
  g_autoptr(GFile) folder = g_file_new_for_path (in);
  g_autoptr(SpImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  OtherWriter other = { 0 };

  g_assert_cmpint (sqlite3_open_v2 (sp_project_get_path (project), &other.db,
                                    SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (other.db, 0);

  report = sp_import_paths (project, &folder, 1, NULL, take_lock_cb, &other, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sp_import_report_get_n_imported (report), ==, N_FILES);
  g_assert_cmpuint (other.n_calls, ==, N_FILES + 1);
  g_assert_cmpuint (other.n_locked, ==, 0);

  sqlite3_close (other.db);
  sp_test_remove_tree (tmp);
}

/* The child: imports and prints how many documents the project has each time the import
 * commits. The parent kills it mid-import. */
static void
committed_cb (SpProject     *project,
              SpChangeFlags  what,
              gpointer       user_data)
{
  printf ("committed %u\n", sp_project_count_documents (project));
  fflush (stdout);
}

static int
run_child (const char *path,
           const char *folder)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpProject) project = sp_project_open (path, &error);
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  g_autoptr(SpImportReport) report = NULL;

  g_assert_no_error (error);
  g_signal_connect (project, "changed", G_CALLBACK (committed_cb), NULL);

  report = sp_import_paths (project, &file, 1, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  printf ("done %u\n", sp_import_report_get_n_imported (report));
  fflush (stdout);

  return 0;
}

static void
test_kill_during_import (void)
{
  g_autofree char *tmp = sp_test_make_tmpdir ();
  g_autofree char *in = write_articles (tmp, N_FILES * 3);
  g_autofree char *path = NULL;
  g_autoptr(SpProject) project = sp_test_new_project (tmp, "test.standpoint");
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autoptr(GListModel) documents = NULL;
  g_autoptr(GError) error = NULL;
  guint reported = 0;
  guint n_reports = 0;

  path = g_strdup (sp_project_get_path (project));
  g_clear_object (&project);

  child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                            g_test_get_filename (G_TEST_BUILT, "test-import-write", NULL),
                            "--child", path, in, NULL);
  g_assert_no_error (error);

  /* Killed after its second commit, while it reads the next files or writes them */
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
  while (n_reports < 2)
    {
      g_autofree char *line = g_data_input_stream_read_line (lines, NULL, NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (line);
      if (g_str_has_prefix (line, "done "))
        break;
      g_assert_true (g_str_has_prefix (line, "committed "));
      reported = (guint)g_ascii_strtoull (line + strlen ("committed "), NULL, 10);
      n_reports++;
    }

  g_subprocess_force_exit (child);
  g_subprocess_wait (child, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("killed after %u documents were reported committed", reported);
  g_assert_cmpuint (reported, >, 0);

  /* Every reported document is there, whole, and the project takes the rest of the import */
  project = sp_project_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sp_project_count_documents (project), >=, reported);

  documents = sp_project_list_documents (project, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(SpDocument) document = g_list_model_get_item (documents, i);
      g_autofree char *title = g_strdup_printf ("Note %u", i);
      g_autofree char *file_name = g_strdup_printf ("%05u.txt", i);

      g_assert_cmpstr (sp_document_get_file_name (document), ==, file_name);
      g_assert_cmpstr (sp_document_get_title (document), ==, title);
    }

  {
    g_autoptr(SpImportReport) rest = sp_test_import_path (project, in);

    g_assert_cmpuint (sp_import_report_get_n_failed (rest), ==, 0);
    g_assert_cmpuint (sp_project_count_documents (project), ==, N_FILES * 3);
  }

  sp_test_remove_tree (tmp);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 4 && g_str_equal (argv[1], "--child"))
    return run_child (argv[2], argv[3]);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/write/lock-free-between-files", test_lock_free_between_files);
  g_test_add_func ("/import/write/kill-during-import", test_kill_during_import);

  return g_test_run ();
}
