/* test-project.c
 *
 * The project store: opening and refusing files, migrations, the codebook and claim rules,
 * and undo/redo.
 */
#include "config.h"

#include <string.h>

#include <sqlite3.h>
#include <glib/gstdio.h>

#include "sp-project-private.h"
#include "sp-test-util.h"

static const char article[] =
  "Envoys met in Lakeside on Tuesday.\n\n"
  "The foreign minister said the alliance must stay open to new members.\n\n"
  "A spokesman for the other side rejected any expansion.";

typedef struct
{
  char      *dir;
  SpProject *project;
  gint64     document;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = sp_test_make_tmpdir ();
  f->project = sp_test_new_project (f->dir, "test.standpoint");
  f->document = sp_test_add_document (f->project, "lakeside.txt", "Envoys meet", article);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->project);
  sp_test_remove_tree (f->dir);
  g_free (f->dir);
}

static gint64
add_actor (SpProject          *project,
           const char         *name,
           SpActorKind         kind,
           gint64              affiliation,
           const char * const *aliases)
{
  g_autoptr(GError) error = NULL;
  gint64 id = sp_project_add_actor (project, name, kind, affiliation, aliases, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
add_issue (SpProject  *project,
           const char *key,
           const char *label)
{
  g_autoptr(GError) error = NULL;
  gint64 id = sp_project_add_issue (project, key, label, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
add_claim (SpProject *project,
           gint64     document,
           guint      start,
           guint      end,
           gint64     actor,
           gint64     issue,
           int        stance)
{
  g_autoptr(GError) error = NULL;
  SpClaimSpec spec = { document, start, end, actor, issue, stance, NULL, SP_CLAIM_ORIGIN_MANUAL, 0 };
  gint64 id = sp_project_add_claim (project, &spec, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* Opening and refusing */

static void
test_create_and_reopen (void)
{
  g_autofree char *dir = sp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "new.standpoint", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpProject) project = NULL;
  g_autoptr(SpDocument) document = NULL;
  gint64 id;

  project = sp_project_create (path, &error);
  g_assert_no_error (error);
  id = sp_test_add_document (project, "a.txt", "A title", "Some text with ünïcode.");
  g_clear_object (&project);

  /* A second create must not clobber the file */
  project = sp_project_create (path, &error);
  g_assert_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_EXISTS);
  g_assert_null (project);
  g_clear_error (&error);

  project = sp_project_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sp_project_count_documents (project), ==, 1);
  document = sp_project_get_document (project, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sp_document_get_title (document), ==, "A title");
  g_assert_cmpuint (sp_document_get_length (document), ==, g_utf8_strlen ("Some text with ünïcode.", -1));

  g_clear_object (&project);
  sp_test_remove_tree (dir);
}

static void
test_open_missing (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpProject) project = sp_project_open ("/nonexistent/dir/x.standpoint", &error);

  g_assert_null (project);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
assert_refused_unchanged (const char *path,
                          int         code)
{
  g_autofree char *before = sp_test_sha256_file (path);
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpProject) project = sp_project_open (path, &error);

  g_assert_null (project);
  g_assert_error (error, SP_PROJECT_ERROR, code);
  /* The message names the file */
  g_assert_nonnull (strstr (error->message, path));

  after = sp_test_sha256_file (path);
  g_assert_cmpstr (before, ==, after);
  g_unlink (wal);
}

static void
test_refuse_text_file (void)
{
  g_autofree char *dir = sp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "notes.standpoint", NULL);

  g_assert_true (g_file_set_contents (path, "just some notes, not a database\n", -1, NULL));
  assert_refused_unchanged (path, SP_PROJECT_ERROR_NOT_A_PROJECT);
  sp_test_remove_tree (dir);
}

static void
test_refuse_foreign_database (void)
{
  g_autofree char *dir = sp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "other.db", NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x); INSERT INTO t VALUES (1);", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  assert_refused_unchanged (path, SP_PROJECT_ERROR_NOT_A_PROJECT);
  sp_test_remove_tree (dir);
}

static void
test_refuse_newer_version (void)
{
  g_autofree char *dir = sp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "future.standpoint", NULL);
  g_autoptr(SpProject) project = NULL;
  g_autofree char *pragma = g_strdup_printf ("PRAGMA user_version = %d", SP_PROJECT_SCHEMA_VERSION + 1);
  sqlite3 *db = NULL;

  project = sp_test_new_project (dir, "future.standpoint");
  g_clear_object (&project);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, pragma, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  assert_refused_unchanged (path, SP_PROJECT_ERROR_NEWER_VERSION);
  sp_test_remove_tree (dir);
}

static void
test_refuse_corrupt (void)
{
  g_autofree char *dir = sp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "broken.standpoint", NULL);
  g_autoptr(SpProject) project = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *big = NULL;
  gsize length;

  project = sp_test_new_project (dir, "broken.standpoint");
  big = g_strnfill (60000, 'x');
  sp_test_add_document (project, "big.txt", "Big", big);
  g_clear_object (&project);

  /* Overwrite the middle of the file with garbage, past the header page */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 4096 * 4);
  memset (contents + 4096 * 2, 0xA5, 4096);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));

  project = sp_project_open (path, &error);
  g_assert_null (project);
  g_assert_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_CORRUPT);

  sp_test_remove_tree (dir);
}

/* A version 1 file, as the first release wrote it, is backed up and migrated */
static void
test_migrate_from_version_1 (void)
{
  g_autofree char *dir = sp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "old.standpoint", NULL);
  g_autofree char *backup = g_strconcat (path, ".v1.bak", NULL);
  g_autofree char *set_id = g_strdup_printf ("PRAGMA application_id = %d", SP_PROJECT_APPLICATION_ID);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpProject) project = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, set_id, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (_sp_project_schema_migrate (db, 0, 1, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO documents (file_name, title, body, body_length, "
                                 "content_hash, text_hash, imported) VALUES ('old.txt', 'Old', "
                                 "'The ceasefire talks resumed.', 28, 'c1', 't1', '2025-01-01T00:00:00Z')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO issues (id, key, label, created, updated) VALUES "
                                 "(1, 'ceasefire', 'Ceasefire', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z');"
                                 "INSERT INTO issue_keywords (issue_id, keyword) VALUES (1, 'truce')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  project = sp_project_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);

  /* The backup is the untouched version 1 file */
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (sqlite3_open (backup, &db), ==, SQLITE_OK);
  {
    sqlite3_stmt *stmt = NULL;
    sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
    sqlite3_finalize (stmt);
  }
  sqlite3_close (db);

  /* Version 2 indexed the existing document */
  g_assert_cmpuint (sp_test_count_rows (project, "PRAGMA user_version"), ==, SP_PROJECT_SCHEMA_VERSION);
  g_assert_cmpuint (sp_test_count_rows (project, "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'ceasefire'"), ==, 1);

  /* Version 10: a keyword of before is a keyword, not an opposing one */
  {
    g_autoptr(SpIssue) issue = sp_project_get_issue (project, 1, &error);

    g_assert_no_error (error);
    g_assert_cmpstrv (sp_issue_get_keywords (issue), ((const char * const[]) { "truce", NULL }));
    g_assert_null (sp_issue_get_opposing_keywords (issue)[0]);
  }

  g_clear_object (&project);
  sp_test_remove_tree (dir);
}

/* Documents */

static void
test_documents (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  g_autoptr(GListModel) documents = NULL;
  gint64 found = 0;
  gint64 duplicate = 0;
  gint64 second;

  body = sp_project_dup_document_body (f->project, f->document, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (body, ==, article);

  g_assert_true (sp_project_find_document (f->project, "lakeside.txt", &found, &error));
  g_assert_cmpint (found, ==, f->document);
  g_assert_true (sp_project_find_document (f->project, "1", &found, &error));
  g_assert_cmpint (found, ==, f->document);

  g_assert_false (sp_project_find_document (f->project, "nothere.txt", &found, &error));
  g_assert_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Two files of the same name from different folders: the name is ambiguous */
  second = sp_test_add_document (f->project, "lakeside.txt", "Other", "Different text entirely.");
  g_assert_false (sp_project_find_document (f->project, "lakeside.txt", &found, &error));
  g_assert_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_CONFLICT);
  g_clear_error (&error);

  /* The same text is found as a duplicate */
  {
    g_autofree char *text_hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, article, -1);
    g_assert_true (sp_project_find_duplicate (f->project, "no-such-file-hash", text_hash, &duplicate, &error));
    g_assert_cmpint (duplicate, ==, f->document);
    g_assert_true (sp_project_find_duplicate (f->project, "x", "y", &duplicate, &error));
    g_assert_cmpint (duplicate, ==, 0);
  }

  documents = sp_project_list_documents (f->project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 2);
  {
    g_autoptr(SpDocument) last = g_list_model_get_item (documents, 1);
    g_assert_cmpint (sp_document_get_id (last), ==, second);
  }

  /* The full-text index follows the documents */
  g_assert_cmpuint (sp_test_count_rows (f->project, "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'spokesman'"), ==, 1);
}

/* Codebook rules */

static void
test_actor_rules (Fixture       *f,
                  gconstpointer  data)
{
  const char *russia_aliases[] = { "Moscow", " Kremlin ", "moscow", "", NULL };
  const char *putin_aliases[] = { "Putin", NULL };
  const char *stolen[] = { "kremlin", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(SpActor) russia_actor = NULL;
  gint64 russia, putin, id;

  russia = add_actor (f->project, "Russia", SP_ACTOR_KIND_STATE, 0, russia_aliases);
  russia_actor = sp_project_get_actor (f->project, russia, &error);
  g_assert_no_error (error);
  /* trimmed, empty and repeated aliases dropped, sorted */
  g_assert_cmpuint (g_strv_length ((char **)sp_actor_get_aliases (russia_actor)), ==, 2);
  g_assert_cmpstr (sp_actor_get_aliases (russia_actor)[0], ==, "Kremlin");
  g_assert_cmpstr (sp_actor_get_aliases (russia_actor)[1], ==, "Moscow");

  putin = add_actor (f->project, "Vladimir Putin", SP_ACTOR_KIND_PERSON, russia, putin_aliases);

  /* Names are unique, case-insensitively */
  id = sp_project_add_actor (f->project, "russia", SP_ACTOR_KIND_STATE, 0, NULL, &error);
  g_assert_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_CONFLICT);
  g_assert_cmpint (id, ==, 0);
  g_clear_error (&error);

  /* An alias belongs to one actor only */
  id = sp_project_add_actor (f->project, "Kremlin Press Office", SP_ACTOR_KIND_ORGANISATION, 0, stolen, &error);
  g_assert_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Russia"));
  g_clear_error (&error);

  /* A name may not be someone else's alias */
  id = sp_project_add_actor (f->project, "Putin", SP_ACTOR_KIND_PERSON, 0, NULL, &error);
  g_assert_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_CONFLICT);
  g_clear_error (&error);

  /* No affiliation cycles */
  g_assert_false (sp_project_update_actor (f->project, russia, "Russia", SP_ACTOR_KIND_STATE, putin, NULL, &error));
  g_assert_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  /* Refused edits changed nothing */
  g_assert_cmpuint (sp_test_count_rows (f->project, "SELECT count(*) FROM actors"), ==, 2);
  g_assert_cmpuint (sp_test_count_rows (f->project, "SELECT count(*) FROM actor_aliases"), ==, 3);

  g_assert_true (sp_project_find_actor (f->project, "KREMLIN", &id, &error));
  g_assert_cmpint (id, ==, russia);
  g_assert_true (sp_project_find_actor (f->project, "vladimir putin", &id, &error));
  g_assert_cmpint (id, ==, putin);
  g_assert_false (sp_project_find_actor (f->project, "Kyiv", &id, &error));
  g_assert_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_NOT_FOUND);
}

static void
test_groups (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) groups = NULL;
  g_autoptr(GListModel) actors = NULL;
  gint64 state, ministry, minister, loner;

  state = add_actor (f->project, "Northland", SP_ACTOR_KIND_STATE, 0, NULL);
  ministry = add_actor (f->project, "Northland Foreign Ministry", SP_ACTOR_KIND_ORGANISATION, state, NULL);
  minister = add_actor (f->project, "Ana Berg", SP_ACTOR_KIND_PERSON, ministry, NULL);
  loner = add_actor (f->project, "Independent Observer", SP_ACTOR_KIND_PERSON, 0, NULL);

  groups = sp_project_dup_actor_groups (f->project, &error);
  g_assert_no_error (error);
  g_assert_cmpint (*(gint64 *)g_hash_table_lookup (groups, &minister), ==, state);
  g_assert_cmpint (*(gint64 *)g_hash_table_lookup (groups, &ministry), ==, state);
  g_assert_cmpint (*(gint64 *)g_hash_table_lookup (groups, &state), ==, state);
  g_assert_cmpint (*(gint64 *)g_hash_table_lookup (groups, &loner), ==, loner);

  actors = sp_project_list_actors (f->project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (actors), ==, 4);
  {
    /* sorted by name: Ana Berg first */
    g_autoptr(SpActor) first = g_list_model_get_item (actors, 0);
    g_assert_cmpstr (sp_actor_get_name (first), ==, "Ana Berg");
    g_assert_cmpstr (sp_actor_get_affiliation_name (first), ==, "Northland Foreign Ministry");
    g_assert_cmpstr (sp_actor_get_group_name (first), ==, "Northland");
  }
}

/* Chains longer than the 64 steps the store once followed: the group is the real top, and a
 * cycle through the whole chain is refused */
static void
test_deep_affiliation_chain (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) groups = NULL;
  gint64 top, bottom = 0;

  top = add_actor (f->project, "Level 0", SP_ACTOR_KIND_GROUP, 0, NULL);
  bottom = top;
  for (guint i = 1; i < 100; i++)
    {
      g_autofree char *name = g_strdup_printf ("Level %u", i);
      bottom = add_actor (f->project, name, SP_ACTOR_KIND_GROUP, bottom, NULL);
    }

  groups = sp_project_dup_actor_groups (f->project, &error);
  g_assert_no_error (error);
  g_assert_cmpint (*(gint64 *)g_hash_table_lookup (groups, &bottom), ==, top);

  g_assert_false (sp_project_update_actor (f->project, top, "Level 0", SP_ACTOR_KIND_GROUP, bottom, NULL, &error));
  g_assert_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID);
  g_assert_cmpint (sp_test_count_rows (f->project, "SELECT count(*) FROM actors WHERE affiliation_id IS NULL"), ==, 1);
}

static void
test_issue_rules (Fixture       *f,
                  gconstpointer  data)
{
  const char *keywords[] = { "join NATO", "NATO membership", "join nato", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(SpIssue) issue = NULL;
  gint64 id;

  id = sp_project_add_issue (f->project, "ukraine_nato", "Ukraine in NATO",
                             "Ukraine should join NATO", keywords, &error);
  g_assert_no_error (error);

  issue = sp_project_get_issue (f->project, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sp_issue_get_proposition (issue), ==, "Ukraine should join NATO");
  g_assert_cmpuint (g_strv_length ((char **)sp_issue_get_keywords (issue)), ==, 2);

  g_assert_cmpint (sp_project_add_issue (f->project, "ukraine_nato", "Again", NULL, NULL, &error), ==, 0);
  g_assert_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_CONFLICT);
  g_clear_error (&error);

  g_assert_cmpint (sp_project_add_issue (f->project, "has space", "Bad key", NULL, NULL, &error), ==, 0);
  g_assert_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (sp_project_add_issue (f->project, "no_label", "  ", NULL, NULL, &error), ==, 0);
  g_assert_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpuint (sp_test_count_rows (f->project, "SELECT count(*) FROM issues"), ==, 1);
  g_assert_cmpuint (sp_project_count_issues (f->project), ==, 1);

  /* Opposing keywords: a phrase is of one kind only, the last written; each write is one
   * undo step */
  g_assert_true (sp_project_set_issue_keywords_of_kind (f->project, id, SP_KEYWORD_KIND_OPPOSING,
                                                         (const char * const[]) { " neutrality ", "NATO Membership", NULL },
                                                         &error));
  g_assert_no_error (error);
  g_clear_object (&issue);
  issue = sp_project_get_issue (f->project, id, &error);
  g_assert_cmpstrv (sp_issue_get_keywords (issue), ((const char * const[]) { "join NATO", NULL }));
  g_assert_cmpstrv (sp_issue_get_opposing_keywords (issue), ((const char * const[]) { "neutrality", "NATO Membership", NULL }));
  g_assert_true (sp_project_update_issue (f->project, id, "ukraine_nato", "Ukraine in NATO", "Ukraine should join NATO",
                                          (const char * const[]) { "join NATO", "nato membership", NULL }, &error));
  g_clear_object (&issue);
  issue = sp_project_get_issue (f->project, id, &error);
  g_assert_cmpstrv (sp_issue_get_keywords (issue), ((const char * const[]) { "join NATO", "nato membership", NULL }));
  g_assert_cmpstrv (sp_issue_get_opposing_keywords (issue), ((const char * const[]) { "neutrality", NULL }));
  g_assert_true (sp_project_undo (f->project, &error));
  g_assert_true (sp_project_undo (f->project, &error));
  g_assert_no_error (error);
  g_clear_object (&issue);
  issue = sp_project_get_issue (f->project, id, &error);
  g_assert_cmpstrv (sp_issue_get_keywords (issue), ((const char * const[]) { "join NATO", "NATO membership", NULL }));
  g_assert_cmpstrv (sp_issue_get_opposing_keywords (issue), ((const char * const[]) { NULL }));
  /* an excluded phrase taken from the opposing keywords */
  g_assert_true (sp_project_set_issue_keywords_of_kind (f->project, id, SP_KEYWORD_KIND_OPPOSING,
                                                        (const char * const[]) { "neutrality", NULL }, &error));
  g_assert_true (sp_project_set_issue_keywords_of_kind (f->project, id, SP_KEYWORD_KIND_EXCLUDED,
                                                        (const char * const[]) { "Neutrality", "NATO summit", NULL }, &error));
  g_assert_no_error (error);
  g_clear_object (&issue);
  issue = sp_project_get_issue (f->project, id, &error);
  g_assert_cmpstrv (sp_issue_get_opposing_keywords (issue), ((const char * const[]) { NULL }));
  g_assert_cmpstrv (sp_issue_get_excluded_phrases (issue), ((const char * const[]) { "Neutrality", "NATO summit", NULL }));
  g_assert_true (sp_project_undo (f->project, &error));
  g_clear_object (&issue);
  issue = sp_project_get_issue (f->project, id, &error);
  g_assert_cmpstrv (sp_issue_get_opposing_keywords (issue), ((const char * const[]) { "neutrality", NULL }));
  g_assert_cmpstrv (sp_issue_get_excluded_phrases (issue), ((const char * const[]) { NULL }));
  g_assert_false (sp_project_set_issue_keywords_of_kind (f->project, 999, SP_KEYWORD_KIND_OPPOSING, NULL, &error));
  g_assert_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (sp_project_count_actors (f->project), ==, 0);
  add_actor (f->project, "Foreign Minister", SP_ACTOR_KIND_PERSON, 0, NULL);
  g_assert_cmpuint (sp_project_count_actors (f->project), ==, 1);
}

/* Claims */

static void
test_claim_rules (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpClaim) claim = NULL;
  gint64 actor, issue, id;
  SpClaimSpec spec;
  /* "the alliance must stay open to new members" */
  const char *sentence = "The foreign minister said the alliance must stay open to new members.";
  guint start = g_utf8_pointer_to_offset (article, strstr (article, sentence));
  guint end = start + g_utf8_strlen (sentence, -1);

  actor = add_actor (f->project, "Foreign Minister", SP_ACTOR_KIND_PERSON, 0, NULL);
  issue = add_issue (f->project, "expansion", "Alliance expansion");

  spec = (SpClaimSpec) { f->document, start, end, actor, issue, 2, "  first reading ", SP_CLAIM_ORIGIN_MANUAL, 0 };
  id = sp_project_add_claim (f->project, &spec, &error);
  g_assert_no_error (error);

  claim = sp_project_get_claim (f->project, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sp_claim_get_quote (claim), ==, sentence);
  g_assert_cmpstr (sp_claim_get_note (claim), ==, "first reading");
  g_assert_cmpint (sp_claim_get_stance (claim), ==, 2);
  g_assert_cmpstr (sp_claim_get_document_file (claim), ==, "lakeside.txt");
  g_assert_cmpfloat (sp_claim_get_confidence (claim), <, 0);

  /* Refused: stance out of range, span outside the body, unknown actor or issue */
  spec.stance = 3;
  g_assert_cmpint (sp_project_add_claim (f->project, &spec, &error), ==, 0);
  g_assert_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  spec.stance = -1;
  spec.end = g_utf8_strlen (article, -1) + 1;
  g_assert_cmpint (sp_project_add_claim (f->project, &spec, &error), ==, 0);
  g_assert_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "not inside the document"));
  g_clear_error (&error);

  /* A reversed or empty span gets its own reason */
  spec.start = end;
  spec.end = start;
  g_assert_cmpint (sp_project_add_claim (f->project, &spec, &error), ==, 0);
  g_assert_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "ends before it starts"));
  g_clear_error (&error);

  spec.end = end;
  g_assert_cmpint (sp_project_add_claim (f->project, &spec, &error), ==, 0);
  g_assert_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "is empty"));
  g_clear_error (&error);
  spec.start = start;

  spec.end = end;
  spec.actor_id = 999;
  g_assert_cmpint (sp_project_add_claim (f->project, &spec, &error), ==, 0);
  g_assert_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  spec.actor_id = actor;
  spec.issue_id = 999;
  g_assert_cmpint (sp_project_add_claim (f->project, &spec, &error), ==, 0);
  g_assert_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_cmpuint (sp_test_count_rows (f->project, "SELECT count(*) FROM claims"), ==, 1);

  /* A refused edit leaves the claim as it was */
  spec.issue_id = issue;
  spec.stance = -7;
  g_assert_false (sp_project_update_claim (f->project, id, &spec, &error));
  g_clear_error (&error);
  g_clear_object (&claim);
  claim = sp_project_get_claim (f->project, id, &error);
  g_assert_cmpint (sp_claim_get_stance (claim), ==, 2);
}

/* Undo and redo */

static void
test_undo_claims (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpClaim) claim = NULL;
  gint64 actor, issue, id;
  SpClaimSpec spec;

  actor = add_actor (f->project, "Spokesman", SP_ACTOR_KIND_PERSON, 0, NULL);
  issue = add_issue (f->project, "expansion", "Alliance expansion");
  id = add_claim (f->project, f->document, 0, 10, actor, issue, -2);

  g_assert_true (sp_project_can_undo (f->project));
  g_assert_false (sp_project_can_redo (f->project));
  g_assert_cmpstr (sp_project_get_undo_label (f->project), ==, "Add Claim");

  spec = (SpClaimSpec) { f->document, 5, 20, actor, issue, 1, "changed my mind", SP_CLAIM_ORIGIN_MANUAL, 0 };
  g_assert_true (sp_project_update_claim (f->project, id, &spec, &error));
  g_assert_no_error (error);

  /* Undo the edit: the earlier values come back */
  g_assert_true (sp_project_undo (f->project, &error));
  g_assert_no_error (error);
  claim = sp_project_get_claim (f->project, id, &error);
  g_assert_cmpint (sp_claim_get_stance (claim), ==, -2);
  g_assert_cmpuint (sp_claim_get_start (claim), ==, 0);
  g_assert_cmpstr (sp_claim_get_note (claim), ==, "");
  g_clear_object (&claim);

  /* Undo the add: gone */
  g_assert_true (sp_project_undo (f->project, &error));
  g_assert_cmpuint (sp_test_count_rows (f->project, "SELECT count(*) FROM claims"), ==, 0);

  /* Redo twice: back with the same id and the edited values */
  g_assert_true (sp_project_redo (f->project, &error));
  g_assert_true (sp_project_redo (f->project, &error));
  g_assert_no_error (error);
  claim = sp_project_get_claim (f->project, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sp_claim_get_stance (claim), ==, 1);
  g_assert_cmpstr (sp_claim_get_note (claim), ==, "changed my mind");
  g_assert_false (sp_project_can_redo (f->project));

  /* A new edit clears the redo stack */
  g_assert_true (sp_project_undo (f->project, &error));
  g_assert_true (sp_project_can_redo (f->project));
  g_assert_true (sp_project_delete_claim (f->project, id, &error));
  g_assert_false (sp_project_can_redo (f->project));
}

static void
test_undo_delete_actor (Fixture       *f,
                        gconstpointer  data)
{
  const char *aliases[] = { "Northland", "the north", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(SpActor) member = NULL;
  gint64 state, member_id, issue;

  state = add_actor (f->project, "Northern Republic", SP_ACTOR_KIND_STATE, 0, aliases);
  member_id = add_actor (f->project, "Ana Berg", SP_ACTOR_KIND_PERSON, state, NULL);
  issue = add_issue (f->project, "expansion", "Alliance expansion");
  add_claim (f->project, f->document, 0, 10, state, issue, 2);
  add_claim (f->project, f->document, 12, 20, state, issue, 1);
  add_claim (f->project, f->document, 30, 40, member_id, issue, -1);

  g_assert_true (sp_project_delete_actor (f->project, state, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sp_test_count_rows (f->project, "SELECT count(*) FROM claims"), ==, 1);
  g_assert_cmpuint (sp_test_count_rows (f->project, "SELECT count(*) FROM actor_aliases"), ==, 0);
  member = sp_project_get_actor (f->project, member_id, &error);
  g_assert_cmpint (sp_actor_get_affiliation_id (member), ==, 0);
  g_clear_object (&member);

  /* One undo restores the actor, its aliases, its claims and the member's affiliation */
  g_assert_cmpstr (sp_project_get_undo_label (f->project), ==, "Delete Actor");
  g_assert_true (sp_project_undo (f->project, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sp_test_count_rows (f->project, "SELECT count(*) FROM claims"), ==, 3);
  g_assert_cmpuint (sp_test_count_rows (f->project, "SELECT count(*) FROM actor_aliases"), ==, 2);
  member = sp_project_get_actor (f->project, member_id, &error);
  g_assert_cmpint (sp_actor_get_affiliation_id (member), ==, state);
  g_assert_cmpuint (sp_test_count_rows (f->project, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);

  g_assert_true (sp_project_redo (f->project, &error));
  g_assert_cmpuint (sp_test_count_rows (f->project, "SELECT count(*) FROM actors"), ==, 1);
}

static void
test_undo_rename_aliases (Fixture       *f,
                          gconstpointer  data)
{
  const char *before[] = { "Kyiv", NULL };
  const char *after[] = { "kyiv", "Zelensky's office", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(SpActor) actor = NULL;
  gint64 id;

  id = add_actor (f->project, "Ukraine", SP_ACTOR_KIND_STATE, 0, before);
  g_assert_true (sp_project_update_actor (f->project, id, "Ukraina", SP_ACTOR_KIND_STATE, 0, after, &error));
  g_assert_no_error (error);

  g_assert_true (sp_project_undo (f->project, &error));
  g_assert_no_error (error);
  actor = sp_project_get_actor (f->project, id, &error);
  g_assert_cmpstr (sp_actor_get_name (actor), ==, "Ukraine");
  g_assert_cmpuint (g_strv_length ((char **)sp_actor_get_aliases (actor)), ==, 1);
  g_assert_cmpstr (sp_actor_get_aliases (actor)[0], ==, "Kyiv");
}

static void
test_nested_action_rollback (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_assert_true (sp_project_begin_action (f->project, "Several", &error));
  add_actor (f->project, "First", SP_ACTOR_KIND_PERSON, 0, NULL);
  /* fails inside: only its own savepoint rolls back */
  id = sp_project_add_actor (f->project, "first", SP_ACTOR_KIND_PERSON, 0, NULL, &error);
  g_assert_cmpint (id, ==, 0);
  g_clear_error (&error);
  add_actor (f->project, "Second", SP_ACTOR_KIND_PERSON, 0, NULL);
  g_assert_true (sp_project_end_action (f->project, TRUE, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (sp_test_count_rows (f->project, "SELECT count(*) FROM actors"), ==, 2);
  g_assert_cmpstr (sp_project_get_undo_label (f->project), ==, "Several");

  /* One step undoes both */
  g_assert_true (sp_project_undo (f->project, &error));
  g_assert_cmpuint (sp_test_count_rows (f->project, "SELECT count(*) FROM actors"), ==, 0);

  /* A failed outer action leaves nothing behind and no undo step */
  g_assert_true (sp_project_begin_action (f->project, "Doomed", &error));
  add_actor (f->project, "Third", SP_ACTOR_KIND_PERSON, 0, NULL);
  g_assert_false (sp_project_end_action (f->project, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sp_test_count_rows (f->project, "SELECT count(*) FROM actors"), ==, 0);
  g_assert_false (sp_project_can_undo (f->project));
}

static void
changed_cb (SpProject *project,
            guint      what,
            guint     *collected)
{
  *collected |= what;
}

static void
test_changed_signal (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint collected = 0;
  gint64 actor, issue;

  g_signal_connect (f->project, "changed", G_CALLBACK (changed_cb), &collected);

  actor = add_actor (f->project, "Envoy", SP_ACTOR_KIND_PERSON, 0, NULL);
  g_assert_true (collected & SP_CHANGE_ACTORS);
  g_assert_false (collected & SP_CHANGE_ISSUES);

  collected = 0;
  issue = add_issue (f->project, "talks", "Talks");
  g_assert_true (collected & SP_CHANGE_ISSUES);

  collected = 0;
  add_claim (f->project, f->document, 0, 5, actor, issue, 0);
  g_assert_cmpuint (collected, ==, SP_CHANGE_CLAIMS);

  collected = 0;
  g_assert_true (sp_project_undo (f->project, &error));
  g_assert_cmpuint (collected, ==, SP_CHANGE_CLAIMS);

  /* A refused edit announces nothing */
  collected = 0;
  g_assert_cmpint (sp_project_add_actor (f->project, "envoy", SP_ACTOR_KIND_PERSON, 0, NULL, &error), ==, 0);
  g_clear_error (&error);
  g_assert_cmpuint (collected, ==, 0);
}

/* A worker's connection writes while the main one reads */
static void
test_two_connections (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpProject) worker = NULL;
  g_autoptr(GListModel) documents = NULL;

  worker = sp_project_open (sp_project_get_path (f->project), &error);
  g_assert_no_error (error);

  documents = sp_project_list_documents (f->project, &error);
  sp_test_add_document (worker, "second.txt", "Second", "Written by another connection.");
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 1);
  g_assert_cmpuint (sp_project_count_documents (f->project), ==, 2);
}

/* Row ids are whatever a project file holds, up to SQLite's largest: a claim with one near
 * 2^63 is deleted, undone and redone like any other */
static void
test_undo_huge_row_id (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpClaim) claim = NULL;
  g_autoptr(SpStmt) stmt = NULL;
  const gint64 huge = G_MAXINT64 - 7;
  gint64 actor, issue, id;

  actor = add_actor (f->project, "Spokesman", SP_ACTOR_KIND_PERSON, 0, NULL);
  issue = add_issue (f->project, "expansion", "Alliance expansion");
  id = add_claim (f->project, f->document, 0, 10, actor, issue, -2);

  stmt = _sp_project_prepare (f->project, "UPDATE claims SET id = ?1 WHERE id = ?2", &error);
  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, huge);
  sqlite3_bind_int64 (stmt, 2, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);

  g_assert_true (sp_project_delete_claim (f->project, huge, &error));
  g_assert_no_error (error);
  g_assert_true (sp_project_undo (f->project, &error));
  g_assert_no_error (error);
  claim = sp_project_get_claim (f->project, huge, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sp_claim_get_stance (claim), ==, -2);
  g_assert_true (sp_project_redo (f->project, &error));
  g_assert_no_error (error);
  g_clear_object (&claim);
  claim = sp_project_get_claim (f->project, huge, &error);
  g_assert_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_NOT_FOUND);
  g_assert_null (claim);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/project/create-and-reopen", test_create_and_reopen);
  g_test_add_func ("/project/open-missing", test_open_missing);
  g_test_add_func ("/project/refuse-text-file", test_refuse_text_file);
  g_test_add_func ("/project/refuse-foreign-database", test_refuse_foreign_database);
  g_test_add_func ("/project/refuse-newer-version", test_refuse_newer_version);
  g_test_add_func ("/project/refuse-corrupt", test_refuse_corrupt);
  g_test_add_func ("/project/migrate-from-version-1", test_migrate_from_version_1);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/project/documents", test_documents);
  ADD ("/project/actor-rules", test_actor_rules);
  ADD ("/project/groups", test_groups);
  ADD ("/project/deep-affiliation-chain", test_deep_affiliation_chain);
  ADD ("/project/issue-rules", test_issue_rules);
  ADD ("/project/claim-rules", test_claim_rules);
  ADD ("/project/undo-claims", test_undo_claims);
  ADD ("/project/undo-delete-actor", test_undo_delete_actor);
  ADD ("/project/undo-rename-aliases", test_undo_rename_aliases);
  ADD ("/project/undo-huge-row-id", test_undo_huge_row_id);
  ADD ("/project/nested-action-rollback", test_nested_action_rollback);
  ADD ("/project/changed-signal", test_changed_signal);
  ADD ("/project/two-connections", test_two_connections);
#undef ADD

  return g_test_run ();
}
