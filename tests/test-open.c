/* test-open.c
 *
 * Opening a project file that was tampered with, cannot be written or is in use: the schema
 * check, dangling references, read-only projects (asked for, or because the file and its
 * folder cannot be written), the real cause of a failure, opening in a worker thread, and
 * edits that wait for another connection's write lock.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <grp.h>
#include <unistd.h>

#include <sqlite3.h>
#include <glib/gstdio.h>

#include "sp-project-private.h"
#include "sp-test-util.h"

/* Who the read-only tests become when they run as root, for whom nothing is unwritable */
#define NOBODY 65534

static const char article[] = "Envoys met in Lakeside on Tuesday and agreed to meet again.";

/* A project with a document, an actor, an issue and two claims; closed again. */
static char *
make_project (const char *dir,
              const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpProject) project = sp_test_new_project (dir, name);
  gint64 document = sp_test_add_document (project, "lakeside.txt", "Envoys meet", article);
  gint64 actor = sp_project_add_actor (project, "Envoy", SP_ACTOR_KIND_PERSON, 0, NULL, &error);
  gint64 issue = sp_project_add_issue (project, "talks", "Talks", NULL, NULL, &error);
  SpClaimSpec first = { document, 0, 6, actor, issue, 1, NULL, SP_CLAIM_ORIGIN_MANUAL, 0 };
  SpClaimSpec second = { document, 7, 10, actor, issue, -1, NULL, SP_CLAIM_ORIGIN_MANUAL, 0 };

  g_assert_no_error (error);
  g_assert_cmpint (sp_project_add_claim (project, &first, &error), >, 0);
  g_assert_cmpint (sp_project_add_claim (project, &second, &error), >, 0);
  g_assert_no_error (error);

  return g_strdup (sp_project_get_path (project));
}

/* What someone with the sqlite3 shell does to a project; foreign keys are off there. */
static void
tamper (const char *path,
        const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
assert_mentions (const GError *error,
                 const char   *part)
{
  if (strstr (error->message, part) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, part);
}

static void
assert_one_line (const GError *error)
{
  g_assert_null (strchr (error->message, '\n'));
}

/* Opening @path fails with @code and a message naming @object; the file is unchanged. */
static void
assert_refused (const char *path,
                int         code,
                const char *object)
{
  g_autofree char *before = sp_test_sha256_file (path);
  g_autofree char *after = NULL;
  g_autofree char *quoted = g_strdup_printf ("“%s”", object);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpProject) project = sp_project_open (path, &error);

  g_assert_null (project);
  g_assert_error (error, SP_PROJECT_ERROR, code);
  assert_mentions (error, path);
  assert_mentions (error, quoted);
  assert_one_line (error);

  after = sp_test_sha256_file (path);
  g_assert_cmpstr (before, ==, after);
}

/* Schema */

/* The reproduction: a trigger that deletes every other claim behind each insert */
static void
test_refuse_trigger (void)
{
  g_autofree char *dir = sp_test_make_tmpdir ();
  g_autofree char *path = make_project (dir, "trigger.standpoint");

  tamper (path, "CREATE TRIGGER e AFTER INSERT ON claims BEGIN DELETE FROM claims WHERE id <> new.id; END");
  assert_refused (path, SP_PROJECT_ERROR_UNEXPECTED_SCHEMA, "e");

  sp_test_remove_tree (dir);
}

static void
test_refuse_objects (void)
{
  struct {
    const char *sql;
    const char *object;
    int         code;
  } cases[] = {
    { "CREATE VIEW everything AS SELECT * FROM claims", "everything", SP_PROJECT_ERROR_UNEXPECTED_SCHEMA },
    { "CREATE TABLE notes (x)", "notes", SP_PROJECT_ERROR_UNEXPECTED_SCHEMA },
    { "CREATE INDEX claims_note ON claims (note)", "claims_note", SP_PROJECT_ERROR_UNEXPECTED_SCHEMA },
    /* ours, redefined */
    { "DROP INDEX claims_issue; CREATE INDEX claims_issue ON claims (stance)", "claims_issue",
      SP_PROJECT_ERROR_UNEXPECTED_SCHEMA },
    { "DROP INDEX claims_issue", "claims_issue", SP_PROJECT_ERROR_CORRUPT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *dir = sp_test_make_tmpdir ();
      g_autofree char *path = make_project (dir, "tampered.standpoint");

      tamper (path, cases[i].sql);
      assert_refused (path, cases[i].code, cases[i].object);
      sp_test_remove_tree (dir);
    }
}

/* The full-text index's settings are ours: one changed, or one added, is refused */
static void
test_refuse_index_settings (void)
{
  struct {
    const char *sql;
    const char *setting;
  } cases[] = {
    { "UPDATE documents_fts_config SET v = 2147483647 WHERE k = 'hashsize'", "hashsize" },
    { "UPDATE documents_fts_config SET v = 'eight' WHERE k = 'automerge'", "automerge" },
    { "INSERT INTO documents_fts_config (k, v) VALUES ('pgsz', 64000)", "pgsz" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *dir = sp_test_make_tmpdir ();
      g_autofree char *path = make_project (dir, "tampered.standpoint");

      tamper (path, cases[i].sql);
      assert_refused (path, SP_PROJECT_ERROR_UNEXPECTED_SCHEMA, cases[i].setting);
      sp_test_remove_tree (dir);
    }
}

/* ANALYZE's statistics only guide the query planner: they are allowed */
static void
test_statistics_allowed (void)
{
  g_autofree char *dir = sp_test_make_tmpdir ();
  g_autofree char *path = make_project (dir, "analyzed.standpoint");
  g_autoptr(GError) error = NULL;
  g_autoptr(SpProject) project = NULL;

  tamper (path, "ANALYZE");
  project = sp_project_open (path, &error);
  g_assert_no_error (error);

  g_clear_object (&project);
  sp_test_remove_tree (dir);
}

static void
test_dangling_references (void)
{
  g_autofree char *dir = sp_test_make_tmpdir ();
  g_autofree char *path = make_project (dir, "dangling.standpoint");
  g_autoptr(GError) error = NULL;
  g_autoptr(SpProject) project = NULL;
  GPtrArray *notes;

  tamper (path, "UPDATE claims SET actor_id = 99 WHERE id = 2");
  project = sp_project_open (path, &error);
  g_assert_no_error (error);

  notes = sp_project_get_open_notes (project);
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_nonnull (strstr (notes->pdata[0], "“claims” (id 2)"));
  g_assert_nonnull (strstr (notes->pdata[0], "“actors”"));

  /* The row is still there */
  g_assert_cmpint (sp_test_count_rows (project, "SELECT count(*) FROM claims"), ==, 2);

  g_clear_object (&project);
  sp_test_remove_tree (dir);
}

/* Names, keys and the codebook that are not UTF-8 (or hide a NUL): refused as damaged,
 * naming the table, row and column, and the file left as it was */
static void
test_refuse_name_not_utf8 (void)
{
  static const struct { const char *sql; const char *table; const char *column; } cases[] = {
    { "UPDATE actors SET name = CAST (X'C3' AS TEXT) WHERE id = 1", "actors", "name" },
    { "UPDATE issues SET label = 'Cease' || char (0) || 'fire' WHERE id = 1", "issues", "label" },
    { "UPDATE issues SET proposition = CAST (X'EDA080' AS TEXT)", "issues", "proposition" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *dir = sp_test_make_tmpdir ();
      g_autofree char *path = make_project (dir, "damaged.standpoint");
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(SpProject) project = NULL;
      g_autofree char *sql = g_strconcat ("PRAGMA ignore_check_constraints = ON;", cases[i].sql, NULL);

      tamper (path, sql);
      before = sp_test_sha256_file (path);
      project = sp_project_open (path, &error);
      g_assert_null (project);
      g_assert_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_CORRUPT);
      g_test_message ("%s", error->message);
      assert_mentions (error, "not UTF-8");
      assert_mentions (error, cases[i].table);
      assert_mentions (error, cases[i].column);
      after = sp_test_sha256_file (path);
      g_assert_cmpstr (before, ==, after);

      sp_test_remove_tree (dir);
    }
}

/* Text that is only shown (a document's metadata and body, a claim's note) and is not UTF-8,
 * as older versions stored file names: the project opens, says so, and reads the text with
 * U+FFFD in place of the bad bytes */
static void
test_shown_text_not_utf8 (void)
{
  g_autofree char *dir = sp_test_make_tmpdir ();
  g_autofree char *path = make_project (dir, "shown.standpoint");
  g_autoptr(GError) error = NULL;
  g_autoptr(SpProject) project = NULL;
  g_autoptr(SpDocument) document = NULL;
  g_autoptr(GListModel) claims = NULL;
  g_autofree char *body = NULL;
  GPtrArray *notes;

  tamper (path, "UPDATE documents SET file_name = CAST (X'636166E92E747874' AS TEXT), "
                "body = CAST (X'4F6B2EFF' AS TEXT) || substr (body, 4) WHERE id = 1;"
                "UPDATE claims SET note = 'no' || char (0) || 'te' WHERE id = 1");
  project = sp_project_open (path, &error);
  g_assert_no_error (error);

  notes = sp_project_get_open_notes (project);
  g_assert_cmpuint (notes->len, ==, 2);
  g_assert_nonnull (strstr (notes->pdata[0], "“documents” (id 1)"));
  g_assert_nonnull (strstr (notes->pdata[0], "not UTF-8"));
  g_assert_nonnull (strstr (notes->pdata[1], "“claims” (id 1)"));

  document = sp_project_get_document (project, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sp_document_get_file_name (document), ==, "caf\xef\xbf\xbd.txt");
  body = sp_project_dup_document_body (project, 1, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (body, "Ok.\xef\xbf\xbd"));

  claims = sp_project_list_claims (project, 1, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(SpClaim) claim = g_list_model_get_item (claims, i);

      g_assert_true (g_utf8_validate (sp_claim_get_quote (claim), -1, NULL));
      g_assert_true (g_utf8_validate (sp_claim_get_note (claim), -1, NULL));
      g_assert_true (g_utf8_validate (sp_claim_get_document_file (claim), -1, NULL));
    }

  g_clear_object (&project);
  sp_test_remove_tree (dir);
}

/* The text check reads every table of the schema but the full-text index's */
static void
test_every_table_text_checked (void)
{
  g_autofree char *dir = sp_test_make_tmpdir ();
  g_autofree char *path = make_project (dir, "tables.standpoint");
  g_autoptr(GError) error = NULL;
  g_autoptr(SpProject) project = sp_project_open (path, &error);
  const char * const *checked = _sp_project_text_checked_tables ();
  g_autoptr(SpStmt) stmt = NULL;
  guint n_tables = 0;

  g_assert_no_error (error);
  stmt = _sp_project_prepare (project,
                              "SELECT name FROM sqlite_schema WHERE type = 'table' "
                              "AND name NOT LIKE 'documents_fts%' AND name NOT LIKE 'sqlite_%'",
                              &error);
  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *table = (const char *)sqlite3_column_text (stmt, 0);

      if (!g_strv_contains (checked, table))
        g_error ("the text check does not read table “%s”", table);
      n_tables++;
    }
  g_assert_cmpuint (n_tables, ==, g_strv_length ((char **)checked));

  g_clear_object (&project);
  sp_test_remove_tree (dir);
}

/* Every foreign key the schema declares is followed: break them all, one note each */
static void
test_every_reference_checked (void)
{
  g_autofree char *dir = sp_test_make_tmpdir ();
  g_autofree char *path = make_project (dir, "references.standpoint");
  g_autoptr(GError) error = NULL;
  g_autoptr(SpProject) project = NULL;
  const char *aliases[] = { "the envoy", NULL };
  const char *keywords[] = { "talks", NULL };
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n_keys = 0;

  project = sp_project_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sp_project_add_actor (project, "Mediator", SP_ACTOR_KIND_PERSON, 1, aliases, &error), >, 0);
  g_assert_true (sp_project_update_issue (project, 1, "talks", "Talks", NULL, keywords, &error));
  g_assert_true (_sp_project_exec (project,
                                   "INSERT INTO suggestions (document_id, start_offset, end_offset, actor_id, "
                                   "  issue_id, stance, confidence, claim_id, created) "
                                   "VALUES (1, 0, 5, 1, 1, 1, 0.5, 1, '');"
                                   "INSERT INTO removals (document_id, body_offset, text) VALUES (1, 0, 'Share');"
                                   "INSERT INTO document_fingerprints (document_id, simhash) VALUES (1, 5);"
                                   "INSERT INTO speakers (key, name, mentions, document_id) "
                                   "VALUES ('a speaker', 'A Speaker', 1, 1)",
                                   &error));
  g_assert_no_error (error);
  g_clear_object (&project);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT m.name, f.\"from\" FROM sqlite_schema m "
                                       "JOIN pragma_foreign_key_list (m.name) f WHERE m.type = 'table'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      /* the last row: the one with an affiliation, an alias key, a claim */
      g_autofree char *sql = g_strdup_printf ("UPDATE \"%1$s\" SET \"%2$s\" = 999999 "
                                              "WHERE rowid = (SELECT max (rowid) FROM \"%1$s\")",
                                              sqlite3_column_text (stmt, 0),
                                              sqlite3_column_text (stmt, 1));

      g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
      n_keys++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  project = sp_project_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_keys, ==, _sp_project_n_checked_references ());
  g_assert_cmpuint (sp_project_get_open_notes (project)->len, ==, n_keys);
  g_assert_cmpint (sp_test_count_rows (project, "SELECT count(DISTINCT \"table\" || '.' || fkid) FROM pragma_foreign_key_check"),
                   ==, n_keys);

  g_clear_object (&project);
  sp_test_remove_tree (dir);
}

/* Read-only */

static void
assert_edits_refused (SpProject *project)
{
  g_autoptr(GError) error = NULL;
  SpClaimSpec spec = { 1, 0, 3, 1, 1, 0, NULL, SP_CLAIM_ORIGIN_MANUAL, 0 };

  g_assert_cmpint (sp_project_add_actor (project, "Mediator", SP_ACTOR_KIND_PERSON, 0, NULL, &error), ==, 0);
  g_assert_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_READ_ONLY);
  assert_mentions (error, sp_project_get_path (project));
  assert_mentions (error, "read-only");
  assert_mentions (error, sp_project_get_read_only_reason (project));
  g_clear_error (&error);

  g_assert_cmpint (sp_project_add_claim (project, &spec, &error), ==, 0);
  g_assert_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_assert_false (sp_project_delete_claim (project, 1, &error));
  g_assert_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_assert_cmpint (sp_project_count_documents (project), >, 0);
  g_assert_false (sp_project_begin_action (project, NULL, &error));
  g_assert_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_READ_ONLY);
}

static void
test_read_only_on_request (void)
{
  g_autofree char *dir = sp_test_make_tmpdir ();
  g_autofree char *path = make_project (dir, "shared.standpoint");
  g_autofree char *before = sp_test_sha256_file (path);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GListModel) claims = NULL;

  project = sp_project_open_read_only (path, &error);
  g_assert_no_error (error);
  g_assert_true (sp_project_is_read_only (project));
  g_assert_nonnull (sp_project_get_read_only_reason (project));

  claims = sp_project_list_claims (project, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (claims), ==, 2);
  assert_edits_refused (project);

  g_clear_object (&project);
  after = sp_test_sha256_file (path);
  g_assert_cmpstr (before, ==, after);
  sp_test_remove_tree (dir);
}

/* A read-only connection reads what another connection committed to the write-ahead log */
static void
test_read_only_sees_log (void)
{
  g_autofree char *dir = sp_test_make_tmpdir ();
  g_autofree char *path = make_project (dir, "busy.standpoint");
  g_autoptr(GError) error = NULL;
  g_autoptr(SpProject) writer = NULL;
  g_autoptr(SpProject) reader = NULL;

  writer = sp_project_open (path, &error);
  g_assert_no_error (error);
  sp_test_add_document (writer, "late.txt", "Late", "Written after the reader was made.");

  reader = sp_project_open_read_only (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sp_project_count_documents (reader), ==, 2);

  sp_test_add_document (writer, "later.txt", "Later", "Written while the reader is open.");
  g_assert_cmpuint (sp_project_count_documents (reader), ==, 3);

  g_clear_object (&reader);
  g_clear_object (&writer);
  sp_test_remove_tree (dir);
}

/* An older project needs a migration, which a read-only project cannot take */
static void
test_read_only_older_version (void)
{
  g_autofree char *dir = sp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "old.standpoint", NULL);
  g_autofree char *set_id = g_strdup_printf ("PRAGMA application_id = %d", SP_PROJECT_APPLICATION_ID);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpProject) project = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, set_id, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (_sp_project_schema_migrate (db, 0, 3, NULL, &error));
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  before = sp_test_sha256_file (path);

  project = sp_project_open_read_only (path, &error);
  g_assert_null (project);
  g_assert_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_READ_ONLY);
  assert_mentions (error, "older");
  after = sp_test_sha256_file (path);
  g_assert_cmpstr (before, ==, after);

  sp_test_remove_tree (dir);
}

/* The read-only tests that need a file and folder the test cannot write. Root can write
 * anything, so as root the check runs in a child that becomes nobody; otherwise chmod is
 * enough. The child finds the project and what to expect in the environment. */
static void
check_unwritable_as_child (void)
{
  const char *path = g_getenv ("SP_TEST_PROJECT");
  guint documents = atoi (g_getenv ("SP_TEST_DOCUMENTS"));
  guint notes = atoi (g_getenv ("SP_TEST_NOTES"));
  g_autoptr(GError) error = NULL;
  g_autoptr(SpProject) project = NULL;

  if (geteuid () == 0)
    {
      g_assert_cmpint (setgroups (0, NULL), ==, 0);
      g_assert_cmpint (setgid (NOBODY), ==, 0);
      g_assert_cmpint (setuid (NOBODY), ==, 0);
      /* LeakSanitizer's tracer needs to attach to a process that changed its user */
      prctl (PR_SET_DUMPABLE, 1);
    }

  /* Before, this was "is not a Standpoint project: attempt to write a readonly database" */
  project = sp_project_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (sp_project_is_read_only (project));
  g_assert_cmpuint (sp_project_count_documents (project), ==, documents);
  g_assert_cmpuint (sp_project_get_open_notes (project)->len, ==, notes);
  assert_edits_refused (project);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (from, &contents, &length, &error));
  g_assert_true (g_file_set_contents (to, contents, length, &error));
  g_assert_cmpint (g_chmod (to, 0444), ==, 0);
}

/* Copies the project at @path with the given companion files ("-wal", "-shm") into a new
 * folder that cannot be written, and opens it there in a child. */
static void
open_unwritable_copy (const char         *path,
                      const char * const *companions,
                      guint               documents,
                      guint               notes)
{
  g_autofree char *dir = sp_test_make_tmpdir ();
  g_autofree char *copy = g_build_filename (dir, "copy.standpoint", NULL);
  g_autofree char *n_documents = g_strdup_printf ("%u", documents);
  g_autofree char *n_notes = g_strdup_printf ("%u", notes);

  copy_file (path, copy);
  for (guint i = 0; companions[i] != NULL; i++)
    {
      g_autofree char *from = g_strconcat (path, companions[i], NULL);
      g_autofree char *to = g_strconcat (copy, companions[i], NULL);

      copy_file (from, to);
    }

  /* root owns the folder: nobody can enter it but not write it; a user who is not root
   * cannot write it either */
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);

  g_setenv ("SP_TEST_PROJECT", copy, TRUE);
  g_setenv ("SP_TEST_DOCUMENTS", n_documents, TRUE);
  g_setenv ("SP_TEST_NOTES", n_notes, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();

  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  sp_test_remove_tree (dir);
}

static void
test_unwritable (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpProject) writer = NULL;
  const char *no_companions[] = { NULL };
  const char *log_only[] = { "-wal", NULL };
  const char *log_and_index[] = { "-wal", "-shm", NULL };

  if (g_test_subprocess ())
    {
      check_unwritable_as_child ();
      return;
    }

  dir = sp_test_make_tmpdir ();
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  path = make_project (dir, "closed.standpoint");

  /* Closed cleanly: no -wal or -shm, and none can be made */
  open_unwritable_copy (path, no_companions, 1, 0);

  /* As a crash leaves it: the last document is only in the write-ahead log */
  writer = sp_project_open (path, &error);
  g_assert_no_error (error);
  sp_test_add_document (writer, "late.txt", "Late", "Committed to the log only.");

  /* With its -shm the log is read; without, the file is read alone and a note says so */
  open_unwritable_copy (path, log_and_index, 2, 0);
  open_unwritable_copy (path, log_only, 1, 1);

  g_clear_object (&writer);
  sp_test_remove_tree (dir);
}

/* Real causes */

static void
test_disk_full (void)
{
  g_autofree char *dir = sp_test_make_tmpdir ();
  g_autofree char *path = make_project (dir, "full.standpoint");
  g_autofree char *limit = NULL;
  g_autofree char *big = g_strnfill (200000, 'x');
  g_autoptr(GError) error = NULL;
  g_autoptr(SpProject) project = NULL;
  SpDocumentFields fields = {
    .file_name = "big.txt", .title = "Big", .body = big,
    .content_hash = "big-content", .text_hash = "big-text",
  };

  project = sp_project_open (path, &error);
  g_assert_no_error (error);
  limit = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT,
                           sp_test_count_rows (project, "PRAGMA page_count"));
  g_assert_true (_sp_project_exec (project, limit, &error));

  g_assert_cmpint (sp_project_add_document (project, &fields, &error), ==, 0);
  g_assert_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_DISK_FULL);
  assert_mentions (error, "disk is full");
  g_clear_error (&error);

  /* Nothing half-written, and the project goes on once there is room */
  g_assert_cmpuint (sp_project_count_documents (project), ==, 1);
  g_assert_true (_sp_project_exec (project, "PRAGMA max_page_count = 1000000", &error));
  g_assert_cmpint (sp_project_add_document (project, &fields, &error), >, 0);
  g_assert_no_error (error);

  g_clear_object (&project);
  sp_test_remove_tree (dir);
}

/* A failed lookup is a failure, not "there is no actor" */
static void
test_error_is_not_not_found (void)
{
  g_autofree char *dir = sp_test_make_tmpdir ();
  g_autofree char *path = make_project (dir, "broken.standpoint");
  g_autoptr(GError) error = NULL;
  g_autoptr(SpProject) project = NULL;
  SpClaimSpec spec = { 1, 0, 3, 1, 1, 0, NULL, SP_CLAIM_ORIGIN_MANUAL, 0 };
  gint64 id = 0;

  project = sp_project_open (path, &error);
  g_assert_no_error (error);

  /* id 0 is no actor, not the first one */
  g_assert_null (sp_project_get_actor (project, 0, &error));
  g_assert_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (_sp_project_exec (project, "ALTER TABLE actors RENAME TO actors_elsewhere", &error));

  g_assert_cmpint (sp_project_add_claim (project, &spec, &error), ==, 0);
  g_assert_nonnull (error);
  g_assert_false (g_error_matches (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_NOT_FOUND));
  g_clear_error (&error);

  g_assert_false (sp_project_find_actor (project, "Envoy", &id, &error));
  g_assert_nonnull (error);
  g_assert_false (g_error_matches (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_NOT_FOUND));
  g_clear_error (&error);

  g_assert_cmpint (sp_project_add_issue (project, "other", "Other", NULL, NULL, &error), >, 0);
  g_assert_true (_sp_project_exec (project, "ALTER TABLE issues RENAME TO issues_elsewhere", &error));
  g_assert_cmpint (sp_project_add_issue (project, "third", "Third", NULL, NULL, &error), ==, 0);
  g_assert_nonnull (error);
  g_assert_false (g_error_matches (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_NOT_FOUND));

  g_clear_object (&project);
  sp_test_remove_tree (dir);
}

/* Opening in a worker thread */

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

static SpProject *
open_async_and_wait (const char    *path,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  sp_project_open_async (path, cancellable, store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return sp_project_open_finish (result, error);
}

static void
test_open_async (void)
{
  g_autofree char *dir = sp_test_make_tmpdir ();
  g_autofree char *path = make_project (dir, "async.standpoint");
  g_autofree char *tampered = make_project (dir, "tampered.standpoint");
  g_autoptr(GError) error = NULL;
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  project = open_async_and_wait (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sp_project_count_documents (project), ==, 1);
  sp_test_add_document (project, "main.txt", "Main", "Written from the main thread.");
  g_clear_object (&project);

  tamper (tampered, "CREATE TRIGGER e AFTER INSERT ON claims BEGIN SELECT 1; END");
  project = open_async_and_wait (tampered, NULL, &error);
  g_assert_null (project);
  g_assert_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_UNEXPECTED_SCHEMA);
  g_clear_error (&error);

  g_cancellable_cancel (cancellable);
  project = open_async_and_wait (path, cancellable, &error);
  g_assert_null (project);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  sp_test_remove_tree (dir);
}

/* Waiting for another connection's write lock */

typedef struct
{
  const char *path;
  gboolean    until_released;  /* hold the lock until released, not for a moment */
  GMutex      mutex;
  GCond       cond;
  gboolean    holding;
  gboolean    released;
} LockHolder;

static gpointer
hold_lock_thread (gpointer data)
{
  LockHolder *holder = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpProject) project = sp_project_open (holder->path, &error);

  g_assert_no_error (error);
  g_assert_true (sp_project_begin_action (project, NULL, &error));
  sp_test_add_document (project, "import.txt", "Import", "An import's short transaction.");

  g_mutex_lock (&holder->mutex);
  holder->holding = TRUE;
  g_cond_signal (&holder->cond);
  g_mutex_unlock (&holder->mutex);

  if (holder->until_released)
    {
      g_mutex_lock (&holder->mutex);
      while (!holder->released)
        g_cond_wait (&holder->cond, &holder->mutex);
      g_mutex_unlock (&holder->mutex);
    }
  else
    g_usleep (100 * 1000);  /* as long as an import's transaction */

  g_assert_true (sp_project_end_action (project, TRUE, &error));
  g_assert_no_error (error);

  return NULL;
}

static GThread *
start_holding (LockHolder *holder)
{
  GThread *thread;

  g_mutex_init (&holder->mutex);
  g_cond_init (&holder->cond);
  thread = g_thread_new ("lock-holder", hold_lock_thread, holder);

  g_mutex_lock (&holder->mutex);
  while (!holder->holding)
    g_cond_wait (&holder->cond, &holder->mutex);
  g_mutex_unlock (&holder->mutex);

  return thread;
}

static void
stop_holding (LockHolder *holder,
              GThread    *thread)
{
  g_mutex_lock (&holder->mutex);
  holder->released = TRUE;
  g_cond_signal (&holder->cond);
  g_mutex_unlock (&holder->mutex);

  g_thread_join (thread);
  g_mutex_clear (&holder->mutex);
  g_cond_clear (&holder->cond);
}

static void
test_edit_waits_for_lock (void)
{
  g_autofree char *dir = sp_test_make_tmpdir ();
  g_autofree char *path = make_project (dir, "shared.standpoint");
  g_autoptr(GError) error = NULL;
  g_autoptr(SpProject) project = NULL;
  LockHolder holder = { path, FALSE };
  GThread *thread;

  project = sp_project_open (path, &error);
  g_assert_no_error (error);

  thread = start_holding (&holder);
  g_assert_cmpint (sp_project_add_actor (project, "Mediator", SP_ACTOR_KIND_PERSON, 0, NULL, &error), >, 0);
  g_assert_no_error (error);
  stop_holding (&holder, thread);

  g_assert_cmpuint (sp_project_count_documents (project), ==, 2);

  g_clear_object (&project);
  sp_test_remove_tree (dir);
}

/* A lock that is not released in time: the edit fails, saying why (after the busy
 * handler's timeout, a few seconds) */
static void
test_edit_gives_up_on_lock (void)
{
  g_autofree char *dir = sp_test_make_tmpdir ();
  g_autofree char *path = make_project (dir, "locked.standpoint");
  g_autoptr(GError) error = NULL;
  g_autoptr(SpProject) project = NULL;
  LockHolder holder = { path, TRUE };
  GThread *thread;

  project = sp_project_open (path, &error);
  g_assert_no_error (error);

  thread = start_holding (&holder);
  g_assert_cmpint (sp_project_add_actor (project, "Mediator", SP_ACTOR_KIND_PERSON, 0, NULL, &error), ==, 0);
  g_assert_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_BUSY);
  assert_mentions (error, "locked");
  g_clear_error (&error);
  stop_holding (&holder, thread);

  /* and goes through once it is */
  g_assert_cmpint (sp_project_add_actor (project, "Mediator", SP_ACTOR_KIND_PERSON, 0, NULL, &error), >, 0);
  g_assert_no_error (error);

  g_clear_object (&project);
  sp_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/open/refuse-trigger", test_refuse_trigger);
  g_test_add_func ("/open/refuse-objects", test_refuse_objects);
  g_test_add_func ("/open/refuse-index-settings", test_refuse_index_settings);
  g_test_add_func ("/open/statistics-allowed", test_statistics_allowed);
  g_test_add_func ("/open/dangling-references", test_dangling_references);
  g_test_add_func ("/open/refuse-name-not-utf8", test_refuse_name_not_utf8);
  g_test_add_func ("/open/shown-text-not-utf8", test_shown_text_not_utf8);
  g_test_add_func ("/open/every-table-text-checked", test_every_table_text_checked);
  g_test_add_func ("/open/every-reference-checked", test_every_reference_checked);
  g_test_add_func ("/open/read-only-on-request", test_read_only_on_request);
  g_test_add_func ("/open/read-only-sees-log", test_read_only_sees_log);
  g_test_add_func ("/open/read-only-older-version", test_read_only_older_version);
  g_test_add_func ("/open/unwritable", test_unwritable);
  g_test_add_func ("/open/disk-full", test_disk_full);
  g_test_add_func ("/open/error-is-not-not-found", test_error_is_not_not_found);
  g_test_add_func ("/open/async", test_open_async);
  g_test_add_func ("/open/edit-waits-for-lock", test_edit_waits_for_lock);
  g_test_add_func ("/open/edit-gives-up-on-lock", test_edit_gives_up_on_lock);

  return g_test_run ();
}
