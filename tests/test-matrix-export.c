/* test-matrix-export.c
 *
 * The matrix exports as files: what they refuse to write over (the project and its -wal
 * file, a symbolic link, a FIFO, a device, a folder) and what they keep (a replaced file's
 * mode), for CSV and PNG alike; and the asynchronous exports, with progress in the main
 * context, cancellation, refusals, and workers that draw the same bytes as the main
 * thread. Images larger than a cairo surface are test-matrix-png.c's.
 */
#define G_LOG_DOMAIN "test-matrix-export"

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "sp-matrix-export.h"
#include "sp-test-matrix.h"
#include "sp-test-util.h"

typedef struct
{
  char      *dir;
  SpProject *project;
  SpMatrix  *matrix;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = sp_test_make_tmpdir ();
  f->project = sp_test_new_project (f->dir, "test.standpoint");
  sp_test_matrix_fill (f->project, 4, 3);
  f->matrix = sp_matrix_compute (f->project, SP_MATRIX_LEVEL_ACTOR, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->matrix, sp_matrix_unref);
  g_clear_object (&f->project);
  sp_test_remove_tree (f->dir);
  g_free (f->dir);
}

/* Exports to @path as CSV (@data NULL) or PNG; returns the error */
static GError *
export_to (SpMatrix      *matrix,
           const char    *path,
           gconstpointer  data)
{
  GError *error = NULL;
  gboolean ok = data == NULL ? sp_matrix_export_csv (matrix, path, &error)
                             : sp_matrix_export_png (matrix, path, 1.0, &error);

  g_assert_true (ok == (error == NULL));
  return error;
}

static void
assert_one_line_naming (const GError *error,
                        const char   *path)
{
  g_autofree char *name = g_filename_display_name (path);

  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, name));
  g_assert_null (strchr (error->message, '\n'));
}

/* Files the temporary write may have left beside the target */
static guint
count_files (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (listing != NULL && g_dir_read_name (listing) != NULL)
    n++;
  return n;
}

/* The project as the command line has it when told `-o P`: closed once since it was made,
 * so that its file starts with the project's application id. Returns its path. */
static const char *
reopen_project (Fixture *f)
{
  g_autofree char *path = g_strdup (sp_project_get_path (f->project));
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->project);
  f->project = sp_project_open (path, &error);
  g_assert_no_error (error);
  return sp_project_get_path (f->project);
}

/* `-o P` where P is the project, and its -wal file */
static void
test_refuses_project (Fixture       *f,
                      gconstpointer  data)
{
  const char *path = reopen_project (f);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *before = sp_test_sha256_file (path);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) wal_error = NULL;
  guint n_files = count_files (f->dir);

  error = export_to (f->matrix, path, data);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  assert_one_line_naming (error, path);

  after = sp_test_sha256_file (path);
  g_assert_cmpstr (after, ==, before);

  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    {
      wal_error = export_to (f->matrix, wal, data);
      g_assert_error (wal_error, G_IO_ERROR, G_IO_ERROR_EXISTS);
    }

  g_assert_cmpuint (count_files (f->dir), ==, n_files);
}

static void
test_refuses_symlink (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *target = g_build_filename (f->dir, "target.txt", NULL);
  g_autofree char *link = g_build_filename (f->dir, "link.out", NULL);
  g_autofree char *pointed = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_true (g_file_set_contents (target, "keep me", -1, NULL));
  g_assert_cmpint (symlink ("target.txt", link), ==, 0);

  error = export_to (f->matrix, link, data);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  assert_one_line_naming (error, link);

  g_assert_cmpint (g_lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  pointed = g_file_read_link (link, NULL);
  g_assert_cmpstr (pointed, ==, "target.txt");
  g_assert_true (g_file_get_contents (target, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "keep me");
}

static void
test_keeps_mode (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "private.out", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  guint n_files;
  gsize length;
  GStatBuf st;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  n_files = count_files (f->dir);

  error = export_to (f->matrix, path, data);
  g_assert_no_error (error);

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_true (S_ISREG (st.st_mode));
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  if (data == NULL)
    g_assert_true (g_str_has_prefix (contents, "actor,issue_000"));
  else
    g_assert_cmpmem (contents, 4, "\x89PNG", 4);
  g_assert_cmpuint (count_files (f->dir), ==, n_files);
}

static void
test_refuses_fifo (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "pipe.out", NULL);
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);

  error = export_to (f->matrix, path, data);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  assert_one_line_naming (error, path);

  g_assert_cmpint (g_lstat (path, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));
}

/* A character device of our own (the null device's numbers) where we may make one; else,
 * unless we are root, /dev/null itself, which only root could replace. */
static void
test_refuses_device (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *own = g_build_filename (f->dir, "null.out", NULL);
  g_autoptr(GError) error = NULL;
  const char *path = own;
  GStatBuf st;

  if (mknod (own, S_IFCHR | 0600, makedev (1, 3)) != 0)
    {
      if (geteuid () == 0)
        {
          g_test_skip ("cannot make a device node here");
          return;
        }
      path = "/dev/null";
    }

  error = export_to (f->matrix, path, data);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  assert_one_line_naming (error, path);

  g_assert_cmpint (g_lstat (path, &st), ==, 0);
  g_assert_true (S_ISCHR (st.st_mode));
}

static void
test_refuses_folder (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = export_to (f->matrix, f->dir, data);

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_true (g_file_test (f->dir, G_FILE_TEST_IS_DIR));
}

/* Asynchronous exports */

typedef struct
{
  GMainLoop    *loop;
  GAsyncResult *result;
  GArray       *fractions;
  GThread      *main_thread;
  GCancellable *cancel_on_progress;
  guint         n_pending;
} AsyncState;

static void
async_state_init (AsyncState *state)
{
  state->loop = g_main_loop_new (NULL, FALSE);
  state->fractions = g_array_new (FALSE, FALSE, sizeof (double));
  state->main_thread = g_thread_self ();
  state->n_pending = 1;
}

static void
async_state_clear (AsyncState *state)
{
  g_clear_pointer (&state->loop, g_main_loop_unref);
  g_clear_object (&state->result);
  g_clear_pointer (&state->fractions, g_array_unref);
}

static void
progress_cb (double   fraction,
             gpointer data)
{
  AsyncState *state = data;

  g_assert_true (g_thread_self () == state->main_thread);
  g_assert_null (state->result);
  g_array_append_val (state->fractions, fraction);

  if (state->cancel_on_progress != NULL)
    g_cancellable_cancel (state->cancel_on_progress);
}

static void
ready_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  AsyncState *state = data;

  g_assert_true (g_thread_self () == state->main_thread);
  if (state->result == NULL)
    state->result = g_object_ref (result);
  if (--state->n_pending == 0)
    g_main_loop_quit (state->loop);
}

/* A matrix drawn in a few dozen strips: 300 actors, compact */
static SpMatrix *
make_tall_matrix (Fixture *f)
{
  g_autoptr(SpProject) project = sp_test_new_project (f->dir, "tall.standpoint");
  g_autoptr(GError) error = NULL;
  SpMatrix *matrix;

  sp_test_matrix_fill (project, 300, 5);
  matrix = sp_matrix_compute (project, SP_MATRIX_LEVEL_ACTOR, &error);
  g_assert_no_error (error);
  return matrix;
}

static void
assert_file_equals_bytes (const char *path,
                          GBytes     *expected)
{
  g_autoptr(GBytes) written = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  written = g_bytes_new_take (g_steal_pointer (&contents), length);
  g_assert_true (g_bytes_equal (written, expected));
}

static void
test_png_async (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SpMatrix) matrix = make_tall_matrix (f);
  g_autofree char *path = g_build_filename (f->dir, "async.png", NULL);
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GError) error = NULL;
  AsyncState state = { 0 };
  double last = 0;

  async_state_init (&state);
  sp_matrix_export_async (matrix, SP_MATRIX_FORMAT_PNG, path, 1.5, progress_cb, NULL, ready_cb, &state);
  g_main_loop_run (state.loop);

  g_assert_true (sp_matrix_export_finish (state.result, &error));
  g_assert_no_error (error);

  /* Progress in the main context, rising, ending at 1, all before the callback */
  g_assert_cmpuint (state.fractions->len, >=, 2);
  for (guint i = 0; i < state.fractions->len; i++)
    {
      double fraction = g_array_index (state.fractions, double, i);

      g_assert_cmpfloat (fraction, >, last);
      g_assert_cmpfloat (fraction, <=, 1.0);
      last = fraction;
    }
  g_assert_cmpfloat (last, ==, 1.0);

  /* The worker's fonts give the same bytes as the main thread's */
  expected = sp_matrix_render_png (matrix, 1.5, &error);
  g_assert_no_error (error);
  assert_file_equals_bytes (path, expected);

  async_state_clear (&state);
}

/* Two exports in two workers while the main thread draws: the same bytes everywhere */
static void
test_png_async_parallel (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(SpMatrix) matrix = make_tall_matrix (f);
  g_autofree char *first = g_build_filename (f->dir, "first.png", NULL);
  g_autofree char *second = g_build_filename (f->dir, "second.png", NULL);
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GError) error = NULL;
  AsyncState state = { 0 };

  async_state_init (&state);
  state.n_pending = 2;
  sp_matrix_export_async (matrix, SP_MATRIX_FORMAT_PNG, first, 2.0, NULL, NULL, ready_cb, &state);
  sp_matrix_export_async (matrix, SP_MATRIX_FORMAT_PNG, second, 2.0, NULL, NULL, ready_cb, &state);
  expected = sp_matrix_render_png (matrix, 2.0, &error);
  g_assert_no_error (error);
  g_main_loop_run (state.loop);

  assert_file_equals_bytes (first, expected);
  assert_file_equals_bytes (second, expected);

  async_state_clear (&state);
}

/* Cancelled while drawing: nothing written, the old file as it was */
static void
test_png_async_cancel (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(SpMatrix) matrix = make_tall_matrix (f);
  g_autofree char *path = g_build_filename (f->dir, "cancelled.png", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  AsyncState state = { 0 };
  guint n_files;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  n_files = count_files (f->dir);

  async_state_init (&state);
  state.cancel_on_progress = cancellable;
  sp_matrix_export_async (matrix, SP_MATRIX_FORMAT_PNG, path, 2.0, progress_cb, cancellable, ready_cb, &state);
  g_main_loop_run (state.loop);

  g_assert_false (sp_matrix_export_finish (state.result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  g_assert_cmpuint (count_files (f->dir), ==, n_files);

  async_state_clear (&state);
}

static void
test_async_refusal (Fixture       *f,
                    gconstpointer  data)
{
  const char *path = reopen_project (f);
  g_autofree char *before = sp_test_sha256_file (path);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  AsyncState state = { 0 };

  async_state_init (&state);
  if (data == NULL)
    {
      sp_matrix_export_async (f->matrix, SP_MATRIX_FORMAT_CSV, path, 1.0, NULL, NULL, ready_cb, &state);
      g_main_loop_run (state.loop);
      g_assert_false (sp_matrix_export_finish (state.result, &error));
    }
  else
    {
      sp_matrix_export_async (f->matrix, SP_MATRIX_FORMAT_PNG, path, 1.0, progress_cb, NULL, ready_cb, &state);
      g_main_loop_run (state.loop);
      g_assert_false (sp_matrix_export_finish (state.result, &error));
      g_assert_cmpuint (state.fractions->len, ==, 0);
    }

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  after = sp_test_sha256_file (path);
  g_assert_cmpstr (after, ==, before);

  async_state_clear (&state);
}

static void
test_csv_async (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "async.csv", NULL);
  g_autofree char *expected = sp_matrix_to_csv (f->matrix);
  g_autofree char *contents = NULL;
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  AsyncState state = { 0 };

  async_state_init (&state);
  sp_matrix_export_async (f->matrix, SP_MATRIX_FORMAT_CSV, path, 1.0, NULL, NULL, ready_cb, &state);
  g_main_loop_run (state.loop);
  g_assert_true (sp_matrix_export_finish (state.result, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);
  async_state_clear (&state);

  /* Cancelled before it starts: nothing written */
  g_unlink (path);
  async_state_init (&state);
  g_cancellable_cancel (cancelled);
  sp_matrix_export_async (f->matrix, SP_MATRIX_FORMAT_CSV, path, 1.0, NULL, cancelled, ready_cb, &state);
  g_main_loop_run (state.loop);
  g_assert_false (sp_matrix_export_finish (state.result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  async_state_clear (&state);
}

int
main (int   argc,
      char *argv[])
{
  static const int png = 1;

  g_test_init (&argc, &argv, NULL);

#define ADD(path, data, func) \
  g_test_add ("/matrix-export/" path, Fixture, data, fixture_set_up, func, fixture_tear_down)
#define ADD_BOTH(path, func) \
  ADD ("csv/" path, NULL, func); \
  ADD ("png/" path, &png, func)

  ADD_BOTH ("refuses-project", test_refuses_project);
  ADD_BOTH ("refuses-symlink", test_refuses_symlink);
  ADD_BOTH ("keeps-mode", test_keeps_mode);
  ADD_BOTH ("refuses-fifo", test_refuses_fifo);
  ADD_BOTH ("refuses-device", test_refuses_device);
  ADD_BOTH ("refuses-folder", test_refuses_folder);
  ADD_BOTH ("async-refusal", test_async_refusal);
  ADD ("csv/async", NULL, test_csv_async);
  ADD ("png/async", &png, test_png_async);
  ADD ("png/async-parallel", &png, test_png_async_parallel);
  ADD ("png/async-cancel", &png, test_png_async_cancel);

#undef ADD_BOTH
#undef ADD

  return g_test_run ();
}
