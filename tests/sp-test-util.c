#include "config.h"

#include <sqlite3.h>
#include <glib/gstdio.h>

#include "sp-project-private.h"
#include "sp-test-util.h"

char *
sp_test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("standpoint-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
sp_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          sp_test_remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

SpProject *
sp_test_new_project (const char *dir,
                     const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  SpProject *project = sp_project_create (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);
  return project;
}

gint64
sp_test_add_document (SpProject  *project,
                      const char *file_name,
                      const char *title,
                      const char *body)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *bytes = g_strconcat (file_name, "\n", body, NULL);
  g_autofree char *content_hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, bytes, -1);
  g_autofree char *text_hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, body, -1);
  SpDocumentFields fields = {
    .file_name = file_name,
    .title = title,
    .body = body,
    .content_hash = content_hash,
    .text_hash = text_hash,
  };
  gint64 id = sp_project_add_document (project, &fields, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* A document whose sentences are its paragraphs (split at blank lines), as the importer
 * would store them for short fixture articles; @body must be ASCII, so that bytes are
 * characters */
gint64
sp_test_add_article (SpProject  *project,
                     const char *file_name,
                     const char *title,
                     const char *body)
{
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GError) error = NULL;
  g_autofree char *content_hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, file_name, -1);
  g_autofree char *text_hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, body, -1);
  SpDocumentFields fields = { .file_name = file_name, .title = title, .body = body,
                              .content_hash = content_hash, .text_hash = text_hash };
  guint32 start = 0;
  gint64 id;

  g_assert_true (g_str_is_ascii (body));
  for (guint32 i = 0; ; i++)
    if (body[i] == '\0' || (body[i] == '\n' && body[i + 1] == '\n'))
      {
        guint32 end = i;

        g_array_append_val (pairs, start);
        g_array_append_val (pairs, end);
        if (body[i] == '\0')
          break;
        start = i + 2;
        i++;
      }

  fields.sentences = (const guint32 *)(gpointer)pairs->data;
  fields.n_sentences = pairs->len / 2;
  id = sp_project_add_document (project, &fields, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* A manual claim; @note may be NULL */
gint64
sp_test_add_claim (SpProject  *project,
                   gint64      document,
                   guint       start,
                   guint       end,
                   gint64      actor,
                   gint64      issue,
                   int         stance,
                   const char *note)
{
  g_autoptr(GError) error = NULL;
  SpClaimSpec spec = { document, start, end, actor, issue, stance, note, SP_CLAIM_ORIGIN_MANUAL, 0 };
  gint64 id = sp_project_add_claim (project, &spec, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

char *
sp_test_sha256_file (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return NULL;

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, length);
}

/**
 * sp_test_make_old_project:
 * @name: the file name in @dir
 * @version: the schema version to write, older than today's
 * @sql: (nullable): statements to run in it, as that version's tables take them
 *
 * Writes a project file as version @version of the file format did, for opening to migrate
 * it.
 *
 * Returns: (transfer full): its path
 */
char *
sp_test_make_old_project (const char *dir,
                          const char *name,
                          guint       version,
                          const char *sql)
{
  g_autofree char *set_id = g_strdup_printf ("PRAGMA application_id = %d", SP_PROJECT_APPLICATION_ID);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, set_id, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (_sp_project_schema_migrate (db, 0, version, NULL, &error));
  g_assert_no_error (error);
  if (sql != NULL && sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  return path;
}

/* The first column of the one row @sql returns, read through @project's own connection */
gint64
sp_test_count_rows (SpProject  *project,
                    const char *sql)
{
  g_autoptr(SpStmt) stmt = _sp_project_prepare (project, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}
