/* test-codebook-files.c
 *
 * Codebook files off the main loop: the import reads in a worker and merges into the
 * caller's project (one undo step there); the export writes from a worker's own connection
 * through sp_output_file_replace(). Refusals: a FIFO, a file too large to be a codebook,
 * broken JSON, a missing file, cancelling, a link, the project itself.
 */
#define G_LOG_DOMAIN "test-codebook-files"

#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "sp-codebook.h"
#include "sp-test-util.h"

typedef struct
{
  char      *dir;
  SpProject *project;
} Fixture;

#define HEAD "{\"format\": \"standpoint-codebook\", \"version\": 1, "

static const char example[] =
  HEAD "\"actors\": [{\"name\": \"Russia\", \"kind\": \"state\", \"aliases\": [\"Moscow\"]},"
  " {\"name\": \"Vladimir Putin\", \"kind\": \"person\", \"affiliation\": \"Russia\"}],"
  " \"issues\": [{\"key\": \"ukraine_nato\", \"label\": \"Ukraine in NATO\"}]}";

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = sp_test_make_tmpdir ();
  f->project = sp_test_new_project (f->dir, "test.standpoint");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->project);
  sp_test_remove_tree (f->dir);
  g_free (f->dir);
}

static char *
export (SpProject *project)
{
  g_autoptr(GError) error = NULL;
  char *json = sp_codebook_export (project, &error);

  g_assert_no_error (error);
  g_assert_nonnull (json);
  return json;
}

static guint
count_actors (SpProject *project)
{
  g_autoptr(GListModel) actors = sp_project_list_actors (project, NULL);

  g_assert_nonnull (actors);
  return g_list_model_get_n_items (actors);
}

static char *
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);
  return path;
}

static void
async_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

/* The worker reads; the merge lands in the caller's project, as one undo step there. */
static void
test_import_file_async (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *path = write_file (f->dir, "codebook.json", example);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  SpCodebookImportStats stats = { 0 };
  g_autofree char *json = NULL;

  sp_codebook_import_file_async (f->project, file, NULL, async_done_cb, &result);
  g_assert_true (sp_codebook_import_file_finish (f->project, wait_for (&result), &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.actors_added, ==, 2);
  g_assert_cmpuint (stats.issues_added, ==, 1);

  json = export (f->project);
  g_assert_nonnull (strstr (json, "\"affiliation\" : \"Russia\""));
  g_assert_cmpstr (sp_project_get_undo_label (f->project), ==, "Import Codebook");
  g_assert_true (sp_project_undo (f->project, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_actors (f->project), ==, 0);
}

static void
import_file_refused (Fixture    *f,
                     GFile      *file,
                     GQuark      domain,
                     int         code,
                     const char *message)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  sp_codebook_import_file_async (f->project, file, NULL, async_done_cb, &result);
  g_assert_false (sp_codebook_import_file_finish (f->project, wait_for (&result), NULL, &error));
  g_assert_error (error, domain, code);
  if (message != NULL)
    g_assert_cmpstr (error->message, ==, message);
  g_assert_cmpuint (count_actors (f->project), ==, 0);
}

/* A FIFO would block the worker for good, and a huge file is not read whole. */
static void
test_import_file_refusals (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *fifo_path = g_build_filename (f->dir, "fifo.json", NULL);
  g_autofree char *huge_path = g_build_filename (f->dir, "huge.json", NULL);
  g_autofree char *broken_path = write_file (f->dir, "broken.json", HEAD "\"actors\": [], \"actors\": []}");
  g_autoptr(GFile) fifo = g_file_new_for_path (fifo_path);
  g_autoptr(GFile) huge = g_file_new_for_path (huge_path);
  g_autoptr(GFile) broken = g_file_new_for_path (broken_path);
  g_autoptr(GFile) missing = g_file_get_child (huge, "nothing.json");
  int fd;

  g_assert_cmpint (mkfifo (fifo_path, 0600), ==, 0);
  import_file_refused (f, fifo, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, "fifo.json: not a regular file");

  fd = g_open (huge_path, O_WRONLY | O_CREAT, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) 65 * 1024 * 1024), ==, 0);
  close (fd);
  import_file_refused (f, huge, SP_CODEBOOK_ERROR, SP_CODEBOOK_ERROR_INVALID,
                       "huge.json: 68157440 bytes is too large for a codebook");

  import_file_refused (f, broken, SP_CODEBOOK_ERROR, SP_CODEBOOK_ERROR_PARSE,
                       "broken.json:1:63: the member \"actors\" is given twice (first at 1:49)");
  import_file_refused (f, missing, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY, NULL);
}

/* Cancelled before the merge: nothing is written. */
static void
test_import_file_cancelled (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *path = write_file (f->dir, "codebook.json", example);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  sp_codebook_import_file_async (f->project, file, cancellable, async_done_cb, &result);
  g_cancellable_cancel (cancellable);
  g_assert_false (sp_codebook_import_file_finish (f->project, wait_for (&result), NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (count_actors (f->project), ==, 0);
  g_assert_false (sp_project_can_undo (f->project));
}

static gboolean
export_file (SpProject   *project,
             const char  *path,
             GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;

  sp_codebook_export_file_async (project, file, NULL, async_done_cb, &result);
  return sp_codebook_export_file_finish (project, wait_for (&result), error);
}

/* The worker's own connection writes the same bytes, keeps a file's mode, and refuses a
 * link and the project itself. */
static void
test_export_file_async (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *path = write_file (f->dir, "out.json", "old");
  g_autofree char *target = write_file (f->dir, "target.json", "keep");
  g_autofree char *link = g_build_filename (f->dir, "link.json", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_true (sp_codebook_import (f->project, example, -1, "codebook.json", NULL, &error));
  g_assert_no_error (error);
  expected = export (f->project);

  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  g_assert_true (export_file (f->project, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_cmpint (symlink (target, link), ==, 0);
  g_assert_false (export_file (f->project, link, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (target, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "keep");

  g_assert_false (export_file (f->project, sp_project_get_path (f->project), &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (count_actors (f->project), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/codebook-files/import-async", test_import_file_async);
  ADD ("/codebook-files/import-refusals", test_import_file_refusals);
  ADD ("/codebook-files/import-cancelled", test_import_file_cancelled);
  ADD ("/codebook-files/export-async", test_export_file_async);

#undef ADD

  return g_test_run ();
}
