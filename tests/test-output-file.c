/* test-output-file.c
 *
 * The one way exports write a file the user named: what it refuses, and that what it writes
 * replaces the old file whole and keeps its mode.
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "sp-output-file.h"
#include "sp-test-util.h"

static const char contents[] = "actor,membership\nRussia,-2\n";

static void
assert_refused (const char *path,
                const char *reason)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (sp_output_file_check (path, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, reason));
  g_clear_error (&error);

  g_assert_false (sp_output_file_replace (path, contents, strlen (contents), &error));
  g_assert_nonnull (strstr (error->message, reason));
}

static char *
read_file (const char *path)
{
  char *data = NULL;

  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  return data;
}

static void
test_writes_and_keeps_mode (void)
{
  g_autofree char *dir = sp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "matrix.csv", NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  GStatBuf st;

  /* A new file */
  g_assert_true (sp_output_file_replace (path, contents, strlen (contents), &error));
  g_assert_no_error (error);
  data = read_file (path);
  g_assert_cmpstr (data, ==, contents);

  /* A private file stays private when it is replaced */
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  g_assert_true (sp_output_file_replace (path, "x\n", 2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);
  g_clear_pointer (&data, g_free);
  data = read_file (path);
  g_assert_cmpstr (data, ==, "x\n");

  /* No temporary file is left behind */
  listing = g_dir_open (dir, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (listing), ==, "matrix.csv");
  g_assert_null (g_dir_read_name (listing));

  sp_test_remove_tree (dir);
}

static void
test_refuses_links_and_specials (void)
{
  g_autofree char *dir = sp_test_make_tmpdir ();
  g_autofree char *target = g_build_filename (dir, "target.csv", NULL);
  g_autofree char *link = g_build_filename (dir, "link.csv", NULL);
  g_autofree char *dangling = g_build_filename (dir, "dangling.csv", NULL);
  g_autofree char *fifo = g_build_filename (dir, "fifo.csv", NULL);
  g_autofree char *data = NULL;
  GStatBuf st;

  g_assert_true (g_file_set_contents (target, "keep\n", -1, NULL));
  g_assert_cmpint (symlink (target, link), ==, 0);
  g_assert_cmpint (symlink ("nowhere.csv", dangling), ==, 0);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);

  assert_refused (link, "symbolic link");
  assert_refused (dangling, "symbolic link");
  assert_refused (fifo, "not a regular file");
  assert_refused (dir, "folder");
  assert_refused ("/dev/null", "not a regular file");
  assert_refused ("", "no name");

  /* The link still points where it did, and its target is untouched */
  g_assert_cmpint (g_lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  data = read_file (target);
  g_assert_cmpstr (data, ==, "keep\n");

  sp_test_remove_tree (dir);
}

static void
test_refuses_projects (void)
{
  g_autofree char *dir = sp_test_make_tmpdir ();
  g_autofree char *path = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(SpProject) project = sp_test_new_project (dir, "talks");

  path = g_strdup (sp_project_get_path (project));
  wal = g_strconcat (path, "-wal", NULL);

  /* Open and just created: its header does not carry the application id yet */
  before = sp_test_sha256_file (path);
  assert_refused (path, "is a ");
  after = sp_test_sha256_file (path);
  g_assert_cmpstr (before, ==, after);
  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    assert_refused (wal, "database");

  /* Closed: recognised as a project by its header */
  g_clear_object (&project);
  assert_refused (path, "is a Standpoint project");

  sp_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/output-file/writes-and-keeps-mode", test_writes_and_keeps_mode);
  g_test_add_func ("/output-file/refuses-links-and-specials", test_refuses_links_and_specials);
  g_test_add_func ("/output-file/refuses-projects", test_refuses_projects);

  return g_test_run ();
}
