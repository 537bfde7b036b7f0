/* test-import.c
 *
 * The batch import into a project: folders, named files, what is refused or skipped and
 * why, duplicates, progress and cancelling, a worker thread. The tests at the end read the
 * shared corpus (../shared/corpus, or $SP_CORPUS_DIR) when it is there and skip otherwise.
 */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include <gio/gunixsocketaddress.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "import-test-util.h"
#include "sp-import-formats.h"

/* Batch import */

/* Lays out a folder with good, bad and duplicate files; returns its path. */
static char *
make_import_folder (const char *tmp)
{
  g_autofree char *in = g_build_filename (tmp, "in", NULL);
  g_autoptr(GBytes) crlf = sp_test_fixture_bytes ("bom-crlf.txt");
  g_autoptr(GString) lf = g_string_new (NULL);
  gsize length = 0;
  const char *data = g_bytes_get_data (crlf, &length);
  g_autofree char *p1 = NULL, *p2 = NULL, *p3 = NULL, *p4 = NULL, *p5 = NULL, *p6 = NULL;
  g_autofree char *p7 = NULL, *p8 = NULL, *p9 = NULL, *p10 = NULL, *p11 = NULL, *p12 = NULL;
  g_autofree char *p13 = NULL, *p14 = NULL;

  /* The same text without the byte order mark and with LF line ends */
  for (gsize i = 3; i < length; i++)
    {
      if (data[i] == '\r')
        {
          g_string_append_c (lf, '\n');
          if (i + 1 < length && data[i + 1] == '\n')
            i++;
        }
      else
        g_string_append_c (lf, data[i]);
    }

  p1 = sp_test_copy_fixture (in, "bom-crlf.txt", "a-bom-crlf.txt");
  p2 = sp_test_copy_fixture (in, "cp1252.txt", "b-cp1252.txt");
  p3 = sp_test_copy_fixture (in, "article.html", "c-article.html");
  p4 = sp_test_copy_fixture (in, "article-latin9.html", "d-latin9.HTM");
  p5 = sp_test_copy_fixture (in, "front-matter.md", "e-front-matter.md");
  p6 = sp_test_write_file (in, "f-binary.txt", sp_test_png_bytes, sp_test_png_length);
  p7 = sp_test_write_file (in, "g-empty.txt", "", 0);
  p8 = sp_test_write_file (in, "h-blank.md", "  \n\n\t\n<!-- nothing -->\n", -1);
  p9 = sp_test_copy_fixture (in, "bom-crlf.txt", "i-copy.txt");
  p10 = sp_test_write_file (in, "j-lf.txt", lf->str, lf->len);
  p11 = sp_test_write_file (in, ".hidden.txt", "Hidden file\n", -1);
  p12 = sp_test_write_file (in, "notes.odt", "PK\003\004", -1);
  p13 = sp_test_write_file (in, "sub/k-nested.markdown", "# Nested note\n\nWritten on 3 May 2024.\n", -1);
  p14 = sp_test_write_file (in, ".git/l-ignored.txt", "Inside a hidden folder\n", -1);

  return g_steal_pointer (&in);
}

static void
test_import_folder (void)
{
  g_autofree char *tmp = sp_test_make_tmpdir ();
  g_autofree char *in = make_import_folder (tmp);
  g_autoptr(SpProject) project = sp_test_new_project (tmp, "test.standpoint");
  g_autoptr(SpImportReport) report = NULL;
  g_autoptr(SpImportReport) again = NULL;
  g_autoptr(GError) error = NULL;
  static const char * const order[] = {
    ".git", ".hidden.txt", "a-bom-crlf.txt", "b-cp1252.txt", "c-article.html", "d-latin9.HTM",
    "e-front-matter.md", "f-binary.txt", "g-empty.txt", "h-blank.md", "i-copy.txt", "j-lf.txt",
    "notes.odt", "k-nested.markdown",
  };
  const SpImportEntry *entry;
  g_autoptr(SpDocument) document = NULL;
  g_autofree char *body = NULL;
  g_autofree char *unsupported = NULL;
  gint64 first_id;

  report = sp_test_import_path (project, in);

  /* Every file, sorted by path; hidden and unsupported files are listed as skipped */
  g_assert_cmpuint (sp_import_report_get_n_entries (report), ==, G_N_ELEMENTS (order));
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autofree char *name = g_path_get_basename (sp_import_report_get_entry (report, i)->path);

      g_assert_cmpstr (name, ==, order[i]);
    }

  g_assert_cmpuint (sp_import_report_get_n_imported (report), ==, 6);
  g_assert_cmpuint (sp_import_report_get_n_duplicates (report), ==, 2);
  g_assert_cmpuint (sp_import_report_get_n_failed (report), ==, 3);
  g_assert_cmpuint (sp_import_report_get_n_skipped (report), ==, 3);
  g_assert_false (sp_import_report_get_cancelled (report));
  g_assert_cmpuint (sp_project_count_documents (project), ==, 6);

  /* Skipped: not read, and each says why */
  entry = sp_test_entry_for (report, ".git");
  g_assert_cmpint (entry->status, ==, SP_IMPORT_STATUS_SKIPPED);
  g_assert_cmpint (entry->document_id, ==, 0);
  g_assert_true (g_str_has_suffix (entry->message, ".git: skipped: a hidden folder"));
  g_assert_true (g_str_has_suffix (sp_test_entry_for (report, ".hidden.txt")->message,
                                   ".hidden.txt: skipped: a hidden file"));
  unsupported = g_strdup_printf ("notes.odt: skipped: not a %s file", sp_import_formats_describe ());
  g_assert_true (g_str_has_suffix (sp_test_entry_for (report, "notes.odt")->message, unsupported));
  g_assert_true (g_str_has_prefix (sp_import_formats_describe (), ".txt, .md, .markdown, .html, .htm"));

  /* Imported */
  entry = sp_test_entry_for (report, "a-bom-crlf.txt");
  g_assert_cmpint (entry->status, ==, SP_IMPORT_STATUS_IMPORTED);
  g_assert_cmpstr (entry->title, ==, "Council Weighs Harbour Levy");
  g_assert_null (entry->message);
  first_id = entry->document_id;
  g_assert_cmpint (first_id, >, 0);

  document = sp_project_get_document (project, first_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sp_document_get_file_name (document), ==, "a-bom-crlf.txt");
  g_assert_cmpstr (sp_document_get_title (document), ==, "Council Weighs Harbour Levy");
  g_assert_cmpstr (sp_document_get_date (document), ==, "2024-03-14");
  /* The dateline is in the date field; cleaning keeps it as a removed block */
  g_assert_cmpuint (sp_document_get_removed_count (document), ==, 1);
  body = sp_project_dup_document_body (project, first_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (body, ==,
                   "Council Weighs Harbour Levy\n"
                   "\n"
                   "The harbour council of Portmere said on Thursday that it would consider a "
                   "levy on cruise ships.\n"
                   "“We cannot keep the quay open on goodwill,” said Mayor Ilse Brandt.\n"
                   "Fishermen oppose the plan.\n"
                   "\n"
                   "The vote is due in April.");
  g_clear_object (&document);
  g_clear_pointer (&body, g_free);

  entry = sp_test_entry_for (report, "b-cp1252.txt");
  g_assert_cmpint (entry->status, ==, SP_IMPORT_STATUS_IMPORTED);
  document = sp_project_get_document (project, entry->document_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sp_document_get_title (document), ==, "Euro Zone Ministers Split on Rescue Fund");
  g_assert_cmpstr (sp_document_get_date (document), ==, "2024-06-02");
  /* The byline is in the fields; cleaning keeps it as a removed block */
  g_assert_cmpuint (sp_document_get_removed_count (document), ==, 1);
  body = sp_project_dup_document_body (project, entry->document_id, &error);
  g_assert_cmpstr (body, ==,
                   "Euro Zone Ministers Split on Rescue Fund\n"
                   "\n"
                   "Finance ministers said the fund would hold € 40 billion.\n"
                   "“We will not sign this,” the Dutch minister said – and left the room…\n"
                   "Café owners near the ministry were unimpressed.");
  g_clear_object (&document);
  g_clear_pointer (&body, g_free);

  entry = sp_test_entry_for (report, "c-article.html");
  document = sp_project_get_document (project, entry->document_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sp_document_get_title (document), ==, "Rivers Pact Signed After Night of Talks");
  g_assert_cmpstr (sp_document_get_date (document), ==, "2024-09-21");
  g_assert_cmpstr (sp_document_get_author (document), ==, "Jonas Whitfield");
  g_assert_cmpstr (sp_document_get_source (document), ==, "The Valley Courier");
  g_assert_cmpstr (sp_document_get_url (document), ==, "https://courier.example/2024/09/rivers-pact");
  g_clear_object (&document);

  entry = sp_test_entry_for (report, "e-front-matter.md");
  document = sp_project_get_document (project, entry->document_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sp_document_get_title (document), ==, "Mayors Back \"Green Corridor\" Plan");
  g_assert_cmpstr (sp_document_get_date (document), ==, "2024-04-09");
  g_assert_cmpstr (sp_document_get_author (document), ==, "Lena Ortiz, Sam Hale");
  g_assert_cmpstr (sp_document_get_source (document), ==, "Northern Ledger");
  g_assert_cmpstr (sp_document_get_url (document), ==, "https://news.example/green-corridor");
  body = sp_project_dup_document_body (project, entry->document_id, &error);
  g_assert_cmpstr (body, ==,
                   "Mayors back green corridor plan\n"
                   "\n"
                   "Three mayors endorsed the green corridor on Tuesday, according to the "
                   "regional council.\n"
                   "\n"
                   "\"It is the cheapest road we will ever build,\" said mayor_elect Dana Price.\n"
                   "\n"
                   "Key points:\n"
                   "\n"
                   "* Cost: 12 million\n"
                   "* Length: 40 km\n"
                   "\n"
                   "route_a = north_loop   # keep *as is*\n"
                   "\n"
                   "Setext heading\n"
                   "The plan goes to a vote in May.");
  g_clear_object (&document);
  g_clear_pointer (&body, g_free);

  /* The date of a text without metadata comes from its header */
  entry = sp_test_entry_for (report, "k-nested.markdown");
  g_assert_cmpint (entry->status, ==, SP_IMPORT_STATUS_IMPORTED);
  g_assert_cmpstr (entry->title, ==, "Nested note");
  document = sp_project_get_document (project, entry->document_id, &error);
  g_assert_cmpstr (sp_document_get_date (document), ==, "2024-05-03");
  g_clear_object (&document);

  /* Failures name the file and say why */
  entry = sp_test_entry_for (report, "f-binary.txt");
  g_assert_cmpint (entry->status, ==, SP_IMPORT_STATUS_FAILED);
  g_assert_cmpint (entry->document_id, ==, 0);
  g_assert_true (g_str_has_prefix (entry->message, entry->path));
  g_assert_true (g_str_has_suffix (entry->message, ": binary file, not an article"));
  g_assert_null (strchr (entry->message, '\n'));

  entry = sp_test_entry_for (report, "g-empty.txt");
  g_assert_cmpint (entry->status, ==, SP_IMPORT_STATUS_FAILED);
  g_assert_true (g_str_has_suffix (entry->message, "g-empty.txt: empty file"));

  entry = sp_test_entry_for (report, "h-blank.md");
  g_assert_cmpint (entry->status, ==, SP_IMPORT_STATUS_FAILED);
  g_assert_true (g_str_has_suffix (entry->message, "h-blank.md: no text to import"));

  /* Duplicates: the same bytes, and the same text with other line ends */
  entry = sp_test_entry_for (report, "i-copy.txt");
  g_assert_cmpint (entry->status, ==, SP_IMPORT_STATUS_DUPLICATE);
  g_assert_cmpint (entry->document_id, ==, first_id);
  g_assert_cmpstr (entry->title, ==, "Council Weighs Harbour Levy");
  g_assert_true (g_str_has_prefix (entry->message, entry->path));
  g_assert_nonnull (strstr (entry->message, "Council Weighs Harbour Levy"));

  entry = sp_test_entry_for (report, "j-lf.txt");
  g_assert_cmpint (entry->status, ==, SP_IMPORT_STATUS_DUPLICATE);
  g_assert_cmpint (entry->document_id, ==, first_id);

  /* Imports are not undone with Ctrl+Z */
  g_assert_false (sp_project_can_undo (project));

  /* Importing the folder again adds nothing */
  again = sp_test_import_path (project, in);
  g_assert_cmpuint (sp_import_report_get_n_imported (again), ==, 0);
  g_assert_cmpuint (sp_import_report_get_n_duplicates (again), ==, 8);
  g_assert_cmpuint (sp_import_report_get_n_failed (again), ==, 3);
  g_assert_cmpuint (sp_import_report_get_n_skipped (again), ==, 3);
  g_assert_cmpuint (sp_project_count_documents (project), ==, 6);

  sp_test_remove_tree (tmp);
}

static void
test_import_named_files (void)
{
  g_autofree char *tmp = sp_test_make_tmpdir ();
  g_autoptr(SpProject) project = sp_test_new_project (tmp, "test.standpoint");
  g_autofree char *missing = g_build_filename (tmp, "missing.txt", NULL);
  g_autofree char *png = sp_test_write_file (tmp, "photo.png", sp_test_png_bytes, sp_test_png_length);
  g_autofree char *hidden = sp_test_write_file (tmp, ".named-hidden.txt", "Named on purpose\n", -1);
  g_autofree char *good = sp_test_copy_fixture (tmp, "cp1252.txt", "good.txt");
  g_autofree char *binary = sp_test_write_file (tmp, "binary.html", "<html>\0\0\0</html>", 17);
  g_autofree char *large = g_build_filename (tmp, "large.txt", NULL);
  const char *paths[] = { missing, png, hidden, good, binary, large, NULL };
  g_autoptr(SpImportReport) report = NULL;
  g_autoptr(SpImportReport) bad_only = NULL;
  const char *bad_paths[] = { png, binary, NULL };
  FILE *file;

  /* A sparse file over the size limit: refused without being read */
  file = g_fopen (large, "w");
  g_assert_nonnull (file);
  g_assert_cmpint (ftruncate (fileno (file), 25 * 1024 * 1024), ==, 0);
  fclose (file);

  report = sp_test_import_paths (project, paths);
  g_assert_cmpuint (sp_import_report_get_n_entries (report), ==, 6);
  g_assert_cmpuint (sp_import_report_get_n_imported (report), ==, 2);
  g_assert_cmpuint (sp_import_report_get_n_failed (report), ==, 4);

  g_assert_true (g_str_has_suffix (sp_test_entry_for (report, "missing.txt")->message,
                                   "missing.txt: cannot be read: no such file"));
  g_assert_true (g_str_has_suffix (sp_test_entry_for (report, "photo.png")->message,
                                   "photo.png: unsupported file type"));
  g_assert_cmpint (sp_test_entry_for (report, ".named-hidden.txt")->status, ==, SP_IMPORT_STATUS_IMPORTED);
  g_assert_cmpint (sp_test_entry_for (report, "good.txt")->status, ==, SP_IMPORT_STATUS_IMPORTED);
  g_assert_true (g_str_has_suffix (sp_test_entry_for (report, "binary.html")->message,
                                   "binary.html: binary file, not an article"));
  g_assert_true (g_str_has_suffix (sp_test_entry_for (report, "large.txt")->message,
                                   "large.txt: too large (25.0\302\240MiB; the limit is 20.0\302\240MiB)"));
  g_assert_cmpuint (sp_project_count_documents (project), ==, 2);

  /* A batch of bad files changes nothing */
  bad_only = sp_test_import_paths (project, bad_paths);
  g_assert_cmpuint (sp_import_report_get_n_failed (bad_only), ==, 2);
  g_assert_cmpuint (sp_project_count_documents (project), ==, 2);

  sp_test_remove_tree (tmp);
}

static void
test_import_read_file (void)
{
  g_autofree char *path = sp_test_fixture_path ("front-matter.md");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) png = g_file_new_for_path ("/nonexistent/picture.png");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GPtrArray) none = NULL;
  SpArticle *article;

  articles = sp_import_read_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 1);
  article = g_ptr_array_index (articles, 0);
  g_assert_cmpstr (article->title, ==, "Mayors Back \"Green Corridor\" Plan");
  g_assert_cmpint (article->title_kind, ==, SP_TITLE_KIND_HEADLINE);
  /* The front matter's date is the file's metadata, and says so */
  g_assert_nonnull (article->date);
  g_assert_cmpint (article->date_source, ==, SP_DATE_SOURCE_METADATA);
  g_assert_cmpfloat (article->date_confidence, >, 0.5);

  none = sp_import_read_file (png, NULL, &error);
  g_assert_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_UNSUPPORTED);
  g_assert_cmpstr (error->message, ==, "/nonexistent/picture.png: unsupported file type");
  g_assert_null (none);
}

typedef struct
{
  GCancellable *cancellable;
  guint         cancel_at;
  guint         n_calls;
  guint         last_done;
  guint         last_total;
  gboolean      saw_end;
} ProgressLog;

static void
progress_cb (guint       done,
             guint       total,
             const char *current_path,
             gpointer    user_data)
{
  ProgressLog *log = user_data;

  g_assert_false (log->saw_end);
  g_assert_cmpuint (done, <=, total);

  if (current_path == NULL)
    log->saw_end = TRUE;
  else
    g_assert_cmpuint (done, ==, log->n_calls);

  log->n_calls++;
  log->last_done = done;
  log->last_total = total;

  if (log->cancellable != NULL && done == log->cancel_at)
    g_cancellable_cancel (log->cancellable);
}

/* Many files: several batches, progress, and a cancellation that keeps what was done */
static void
test_import_batches_and_cancel (void)
{
  g_autofree char *tmp = sp_test_make_tmpdir ();
  g_autofree char *in = g_build_filename (tmp, "many", NULL);
  g_autoptr(SpProject) project = sp_test_new_project (tmp, "test.standpoint");
  g_autofree char *few = g_build_filename (tmp, "few", NULL);
  g_autofree char *second = g_build_filename (tmp, "second", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (in);
  g_autoptr(GFile) few_folder = g_file_new_for_path (few);
  g_autoptr(SpImportReport) report = NULL;
  g_autoptr(SpImportReport) cancelled = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  ProgressLog log = { 0 };
  const guint n_files = 450;

  for (guint i = 0; i < n_files; i++)
    {
      g_autofree char *name = g_strdup_printf ("%04u.txt", i);
      g_autofree char *text = g_strdup_printf ("Note %u\n\nThe council met for the %u. time.\n", i, i);
      g_free (sp_test_write_file (in, name, text, -1));
    }

  report = sp_import_paths (project, &folder, 1, NULL, progress_cb, &log, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sp_import_report_get_n_imported (report), ==, n_files);
  g_assert_cmpuint (sp_project_count_documents (project), ==, n_files);
  g_assert_cmpstr (sp_import_report_get_entry (report, 449)->title, ==, "Note 449");
  g_assert_cmpuint (log.n_calls, ==, n_files + 1);
  g_assert_true (log.saw_end);
  g_assert_cmpuint (log.last_done, ==, n_files);
  g_assert_cmpuint (log.last_total, ==, n_files);

  /* Cancelled while the third file is announced: two files are done and stay */
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *name = g_strdup_printf ("%u.txt", i);
      g_autofree char *text = g_strdup_printf ("Item %u\n", i);
      g_free (sp_test_write_file (few, name, text, -1));
    }

  g_assert_cmpint (g_mkdir (second, 0755), ==, 0);
  g_clear_object (&project);
  project = sp_test_new_project (second, "test.standpoint");

  memset (&log, 0, sizeof log);
  log.cancellable = cancellable;
  log.cancel_at = 2;
  cancelled = sp_import_paths (project, &few_folder, 1, cancellable, progress_cb, &log, &error);
  g_assert_no_error (error);
  g_assert_true (sp_import_report_get_cancelled (cancelled));
  g_assert_cmpuint (sp_import_report_get_n_entries (cancelled), ==, 2);
  g_assert_cmpuint (sp_import_report_get_n_imported (cancelled), ==, 2);
  g_assert_cmpuint (sp_project_count_documents (project), ==, 2);
  g_assert_true (log.saw_end);
  g_assert_cmpuint (log.last_done, ==, 2);
  g_assert_cmpuint (log.last_total, ==, 5);

  /* The project is usable afterwards: no action was left open */
  g_assert_true (sp_project_begin_action (project, NULL, &error));
  g_assert_true (sp_project_end_action (project, TRUE, &error));
  g_assert_no_error (error);

  sp_test_remove_tree (tmp);
}

/* FIFOs, sockets and devices in a folder each get a line, and are never opened: opening a
 * FIFO for reading blocks until someone writes to it */
static void
test_import_special_files (void)
{
  g_autofree char *tmp = sp_test_make_tmpdir ();
  g_autofree char *in = g_build_filename (tmp, "in", NULL);
  g_autofree char *fifo = g_build_filename (in, "pipe.txt", NULL);
  g_autofree char *socket_path = g_build_filename (in, "socket.txt", NULL);
  g_autofree char *device = g_build_filename (in, "device.txt", NULL);
  g_autofree char *folder_link = g_build_filename (in, "elsewhere", NULL);
  g_autofree char *broken_link = g_build_filename (in, "broken.txt", NULL);
  g_autofree char *good = NULL;
  g_autoptr(SpProject) project = sp_test_new_project (tmp, "test.standpoint");
  g_autoptr(SpImportReport) report = NULL;
  g_autoptr(SpImportReport) named = NULL;
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *fifo_message = NULL;
  const SpImportEntry *entry;

  good = sp_test_write_file (in, "good.txt", "A headline\n\nSome text.\n", -1);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (symlink ("/dev/zero", device), ==, 0);
  g_assert_cmpint (symlink (tmp, folder_link), ==, 0);
  g_assert_cmpint (symlink ("/nonexistent/target.txt", broken_link), ==, 0);

  socket = g_socket_new (G_SOCKET_FAMILY_UNIX, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_DEFAULT, &error);
  g_assert_no_error (error);
  address = g_unix_socket_address_new (socket_path);
  g_assert_true (g_socket_bind (socket, address, TRUE, &error));
  g_assert_no_error (error);

  report = sp_test_import_path (project, in);
  g_assert_cmpuint (sp_import_report_get_n_entries (report), ==, 6);
  g_assert_cmpuint (sp_import_report_get_n_imported (report), ==, 1);
  g_assert_cmpuint (sp_import_report_get_n_skipped (report), ==, 5);
  g_assert_cmpuint (sp_import_report_get_n_failed (report), ==, 0);

  entry = sp_test_entry_for (report, "pipe.txt");
  g_assert_cmpint (entry->status, ==, SP_IMPORT_STATUS_SKIPPED);
  g_assert_true (g_str_has_suffix (entry->message, "pipe.txt: skipped: not a regular file (a FIFO)"));
  g_assert_true (g_str_has_suffix (sp_test_entry_for (report, "socket.txt")->message,
                                   "socket.txt: skipped: not a regular file (a socket)"));
  g_assert_true (g_str_has_suffix (sp_test_entry_for (report, "device.txt")->message,
                                   "device.txt: skipped: not a regular file (a device)"));
  g_assert_true (g_str_has_suffix (sp_test_entry_for (report, "elsewhere")->message,
                                   "elsewhere: skipped: a link to a folder (links to folders are "
                                   "not followed)"));
  g_assert_true (g_str_has_suffix (sp_test_entry_for (report, "broken.txt")->message,
                                   "broken.txt: skipped: a broken link"));

  /* Named directly, a FIFO is refused: not opened, and not waited for */
  named = sp_test_import_path (project, fifo);
  entry = sp_import_report_get_entry (named, 0);
  g_assert_cmpint (entry->status, ==, SP_IMPORT_STATUS_FAILED);
  fifo_message = g_strconcat (fifo, ": not a regular file (a FIFO)", NULL);
  g_assert_cmpstr (entry->message, ==, fifo_message);

  g_socket_close (socket, NULL);
  sp_test_remove_tree (tmp);
}

/* A file name in another encoding than UTF-8 (Latin-1 here) is stored and reported as
 * valid UTF-8, so that `documents` never prints invalid UTF-8 */
static void
test_import_non_utf8_name (void)
{
  g_autofree char *tmp = sp_test_make_tmpdir ();
  g_autofree char *in = g_build_filename (tmp, "in", NULL);
  g_autofree char *path = NULL;
  g_autoptr(SpProject) project = sp_test_new_project (tmp, "test.standpoint");
  g_autoptr(SpImportReport) report = NULL;
  g_autoptr(SpDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  const SpImportEntry *entry;

  path = sp_test_write_file (in, "caf\351 talks.txt", "Caf\303\251 talks\n\nText.\n", -1);
  g_assert_false (g_utf8_validate (path, -1, NULL));

  report = sp_test_import_path (project, in);
  g_assert_cmpuint (sp_import_report_get_n_imported (report), ==, 1);
  entry = sp_import_report_get_entry (report, 0);
  g_assert_true (g_utf8_validate (entry->path, -1, NULL));
  g_assert_true (g_str_has_suffix (entry->path, "caf\357\277\275 talks.txt"));

  document = sp_project_get_document (project, entry->document_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sp_document_get_file_name (document), ==, "caf\357\277\275 talks.txt");
  g_assert_cmpstr (sp_document_get_title (document), ==, "Café talks");

  sp_test_remove_tree (tmp);
}

/* As the window does it: a worker thread imports through its own connection while the
 * main thread's connection to the same file stays open and reads. */
static void
import_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  const char *project_path = task_data;
  g_autofree char *folder = g_path_get_dirname (project_path);
  g_autofree char *in = g_build_filename (folder, "in", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (in);
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GError) error = NULL;
  SpImportReport *report;

  if (!(project = sp_project_open (project_path, &error)) ||
      !(report = sp_import_paths (project, &file, 1, cancellable, NULL, NULL, &error)))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, report, (GDestroyNotify)sp_import_report_unref);
}

static void
test_import_worker_thread (void)
{
  g_autofree char *tmp = sp_test_make_tmpdir ();
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GTask) task = g_task_new (NULL, NULL, NULL, NULL);
  g_autoptr(SpImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  /* the folder the worker imports: in/ beside the project */
  g_free (make_import_folder (tmp));
  project = sp_test_new_project (tmp, "test.standpoint");
  g_assert_cmpuint (sp_project_count_documents (project), ==, 0);

  g_task_set_task_data (task, g_strdup (sp_project_get_path (project)), g_free);
  g_task_run_in_thread_sync (task, import_worker);
  report = g_task_propagate_pointer (task, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (sp_import_report_get_n_imported (report), ==, 6);
  g_assert_cmpuint (sp_project_count_documents (project), ==, 6);

  sp_test_remove_tree (tmp);
}

/* The shared corpus */

static guint
count_files (const char *dir,
             const char *suffix)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, suffix) && name[0] != '.')
      n++;

  return n;
}

static void
report_counts (const char     *what,
               SpImportReport *report)
{
  g_test_message ("%s: %u files, %u imported, %u duplicates, %u failed", what,
                  sp_import_report_get_n_entries (report),
                  sp_import_report_get_n_imported (report),
                  sp_import_report_get_n_duplicates (report),
                  sp_import_report_get_n_failed (report));

  for (guint i = 0; i < sp_import_report_get_n_entries (report); i++)
    {
      const SpImportEntry *entry = sp_import_report_get_entry (report, i);

      if (entry->message != NULL)
        g_test_message ("  %s", entry->message);
    }
}

static void
test_corpus_seeds (void)
{
  static const struct {
    const char *prefix;
    const char *date;
  } dates[] = {
    { "000_", "2025-05-30" },  /* "Ukraine | May 30, 2025, Friday" under the headline */
    { "001_", NULL },          /* no date in the header */
    { "002_", NULL },          /* only a photo caption's date, at the end of a long line */
    { "003_", NULL },
    { "004_", "2025-08-17" },  /* "site -- Sunday, August 17, 2025, 10:59:41 PM ..." */
  };
  g_autofree char *seeds = sp_test_corpus_dir ("seeds");
  g_autofree char *tmp = NULL;
  g_autoptr(SpProject) project = NULL;
  g_autoptr(SpImportReport) report = NULL;
  g_autoptr(SpImportReport) again = NULL;

  if (seeds == NULL)
    return;

  tmp = sp_test_make_tmpdir ();
  project = sp_test_new_project (tmp, "test.standpoint");
  report = sp_test_import_path (project, seeds);
  report_counts ("seeds", report);

  g_assert_cmpuint (sp_import_report_get_n_entries (report), ==, 5);
  g_assert_cmpuint (sp_import_report_get_n_imported (report), ==, 5);
  g_assert_cmpuint (sp_project_count_documents (project), ==, 5);

  for (guint i = 0; i < 5; i++)
    {
      const SpImportEntry *entry = sp_import_report_get_entry (report, i);
      g_autofree char *name = g_path_get_basename (entry->path);
      g_autoptr(SpDocument) document = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *raw = NULL;
      g_autofree char *body = NULL;
      g_autofree char *stem = NULL;
      g_auto(GStrv) lines = NULL;

      g_assert_true (g_str_has_prefix (name, dates[i].prefix));
      document = sp_project_get_document (project, entry->document_id, &error);
      g_assert_no_error (error);

      /* The title is the file's first line, or its start when a site's name was glued to
       * it, and the body starts with it */
      g_file_get_contents (entry->path, &raw, NULL, &error);
      g_assert_no_error (error);
      lines = g_strsplit (raw, "\n", 2);
      g_strchomp (lines[0]);
      g_test_message ("%s: “%s”", name, sp_document_get_title (document));
      g_assert_cmpstr (sp_document_get_title (document), !=, "");
      /* …or its first words (003 has no headline), with an ellipsis */
      stem = g_strdup (sp_document_get_title (document));
      if (sp_document_get_title_kind (document) == SP_TITLE_KIND_FIRST_WORDS &&
          g_str_has_suffix (stem, "…"))
        stem[strlen (stem) - strlen ("…")] = '\0';
      g_assert_true (g_str_has_prefix (lines[0], stem));
      g_assert_cmpstr (sp_document_get_date (document), ==, dates[i].date);

      body = sp_project_dup_document_body (project, entry->document_id, &error);
      g_assert_no_error (error);
      g_assert_true (g_str_has_prefix (body, stem));
      g_assert_null (strchr (body, '\r'));
      g_assert_null (strstr (body, "\n\n\n"));
    }

  again = sp_test_import_path (project, seeds);
  g_assert_cmpuint (sp_import_report_get_n_duplicates (again), ==, 5);
  g_assert_cmpuint (sp_project_count_documents (project), ==, 5);

  sp_test_remove_tree (tmp);
}

static void
check_titles (SpProject      *project,
              SpImportReport *report)
{
  for (guint i = 0; i < sp_import_report_get_n_entries (report); i++)
    {
      const SpImportEntry *entry = sp_import_report_get_entry (report, i);
      g_autoptr(SpDocument) document = NULL;
      g_autoptr(GError) error = NULL;

      if (entry->status != SP_IMPORT_STATUS_IMPORTED)
        continue;

      document = sp_project_get_document (project, entry->document_id, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (sp_document_get_title (document), !=, "");
      g_assert_cmpuint (sp_document_get_length (document), >, 0);
    }
}

static void
test_corpus_crawls (void)
{
  g_autofree char *crawls = sp_test_corpus_dir ("ukraine-peace-news-2025-26/universal-agent-crawls-2026-01-02");
  g_autofree char *tmp = NULL;
  g_autoptr(SpProject) project = NULL;
  g_autoptr(SpImportReport) report = NULL;
  guint n_dated = 0;

  if (crawls == NULL)
    return;

  tmp = sp_test_make_tmpdir ();
  project = sp_test_new_project (tmp, "test.standpoint");
  report = sp_test_import_path (project, crawls);
  report_counts ("universal-agent-crawls-2026-01-02", report);

  /* The folder's other files (a .tsv) are skipped */
  g_assert_cmpuint (sp_import_report_get_n_entries (report) -
                    sp_import_report_get_n_skipped (report), ==, count_files (crawls, ".md"));
  g_assert_cmpuint (sp_import_report_get_n_failed (report), ==, 0);
  g_assert_cmpuint (sp_import_report_get_n_imported (report) +
                    sp_import_report_get_n_duplicates (report), ==, count_files (crawls, ".md"));
  g_assert_cmpuint (sp_project_count_documents (project), ==,
                    sp_import_report_get_n_imported (report));
  check_titles (project, report);

  for (guint i = 0; i < sp_import_report_get_n_entries (report); i++)
    {
      const SpImportEntry *entry = sp_import_report_get_entry (report, i);
      g_autoptr(SpDocument) document = NULL;

      if (entry->status != SP_IMPORT_STATUS_IMPORTED)
        continue;

      document = sp_project_get_document (project, entry->document_id, NULL);
      if (sp_document_get_date (document) != NULL)
        n_dated++;
    }

  g_test_message ("%u of the imported crawls have a date", n_dated);

  sp_test_remove_tree (tmp);
}

/* The benchmark's pages are stored gzipped; reading .gz is not the importer's job, so the
 * test unpacks them first. */
static guint
gunzip_folder (const char *from,
               const char *to)
{
  g_autoptr(GDir) dir = g_dir_open (from, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *src = NULL;
      g_autofree char *dest = NULL;
      g_autoptr(GFile) src_file = NULL;
      g_autoptr(GFile) dest_file = NULL;
      g_autoptr(GFileInputStream) in = NULL;
      g_autoptr(GInputStream) unzipped = NULL;
      g_autoptr(GFileOutputStream) out = NULL;
      g_autoptr(GZlibDecompressor) decompressor = NULL;
      g_autoptr(GError) error = NULL;

      if (!g_str_has_suffix (name, ".gz"))
        continue;

      src = g_build_filename (from, name, NULL);
      dest = g_build_filename (to, name, NULL);
      dest[strlen (dest) - 3] = '\0';

      src_file = g_file_new_for_path (src);
      dest_file = g_file_new_for_path (dest);
      in = g_file_read (src_file, NULL, &error);
      g_assert_no_error (error);
      decompressor = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
      unzipped = g_converter_input_stream_new (G_INPUT_STREAM (in), G_CONVERTER (decompressor));
      out = g_file_replace (dest_file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
      g_assert_no_error (error);
      g_output_stream_splice (G_OUTPUT_STREAM (out), unzipped,
                              G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE |
                              G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, &error);
      g_assert_no_error (error);
      n++;
    }

  return n;
}

static void
test_corpus_html (void)
{
  g_autofree char *bench = sp_test_corpus_dir ("scrapinghub-article-extraction-benchmark/html");
  g_autofree char *tmp = NULL;
  g_autofree char *pages = NULL;
  g_autoptr(SpProject) project = NULL;
  g_autoptr(SpImportReport) report = NULL;
  guint n_pages;

  if (bench == NULL)
    return;

  tmp = sp_test_make_tmpdir ();
  if ((n_pages = count_files (bench, ".html")) > 0)
    pages = g_strdup (bench);
  else
    {
      pages = g_build_filename (tmp, "pages", NULL);
      g_assert_cmpint (g_mkdir (pages, 0755), ==, 0);
      n_pages = gunzip_folder (bench, pages);
    }

  project = sp_test_new_project (tmp, "test.standpoint");
  report = sp_test_import_path (project, pages);
  report_counts ("scrapinghub-article-extraction-benchmark", report);

  g_assert_cmpuint (sp_import_report_get_n_entries (report), ==, n_pages);
  g_assert_cmpuint (sp_import_report_get_n_failed (report), ==, 0);
  g_assert_cmpuint (sp_project_count_documents (project), ==,
                    sp_import_report_get_n_imported (report));
  check_titles (project, report);

  sp_test_remove_tree (tmp);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/importer/folder", test_import_folder);
  g_test_add_func ("/import/importer/named-files", test_import_named_files);
  g_test_add_func ("/import/importer/read-file", test_import_read_file);
  g_test_add_func ("/import/importer/batches-and-cancel", test_import_batches_and_cancel);
  g_test_add_func ("/import/importer/worker-thread", test_import_worker_thread);
  g_test_add_func ("/import/importer/special-files", test_import_special_files);
  g_test_add_func ("/import/importer/non-utf8-name", test_import_non_utf8_name);
  g_test_add_func ("/import/corpus/seeds", test_corpus_seeds);
  g_test_add_func ("/import/corpus/crawls", test_corpus_crawls);
  g_test_add_func ("/import/corpus/html", test_corpus_html);

  return g_test_run ();
}
