/* test-documents-store.c
 *
 * Documents as the store keeps them since schema 5: what import learnt about them (how the
 * title and date were found, sentences, removed blocks, fingerprints, recurring lines),
 * editing, deleting and restoring removed blocks with undo and redo, searching, and project
 * files whose new columns were tampered with.
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "sp-bulk-write.h"
#include "sp-checked-document.h"
#include "sp-project-private.h"
#include "sp-test-util.h"

/* How near a near duplicate is, as the importer asks (sp-simhash.h) */
#define NEAR_DISTANCE 3

static const char body[] =
  "Envoys met in Lakeside on Tuesday.\n\n"
  "The minister said the talks must go on.\n\n"
  "A spokesman rejected the plan.";

typedef struct
{
  char      *dir;
  char      *path;
  SpProject *project;
  gint64     document;
  gint64     actor;
  gint64     issue;
} Fixture;

/* The character offset of the first @needle in the ASCII @text */
static guint
offset_of (const char *text,
           const char *needle)
{
  const char *found = strstr (text, needle);

  g_assert_nonnull (found);
  return found - text;
}

static gint64
add_full_document (SpProject  *project,
                   const char *file_name,
                   const char *title,
                   const char *text,
                   guint64     simhash)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *content_hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, file_name, -1);
  g_autofree char *text_hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
  guint second = strstr (text, "\n\n") ? offset_of (text, "\n\n") + 2 : 0;
  SpRemovedBlockFields removed[] = {
    { second, "Share on Facebook", "share bar" },
    { strlen (text), "Related: the other story", "teaser" },
  };
  guint32 sentences[] = { 0, second ? second - 2 : strlen (text), second, strlen (text) };
  guint64 lines[] = { 7, 11, 7 };
  SpDocumentFields fields = {
    .file_name = file_name,
    .title = title,
    .title_kind = SP_TITLE_KIND_FIRST_WORDS,
    .date = "2025-05-30",
    .date_source = SP_DATE_SOURCE_DATELINE,
    .date_confidence = 0.8,
    .source = "Example News",
    .body = text,
    .content_hash = content_hash,
    .text_hash = text_hash,
    .removed = removed,
    .n_removed = G_N_ELEMENTS (removed),
    .sentences = sentences,
    .n_sentences = second ? 2 : 1,
    .simhash = simhash,
    .line_hashes = lines,
    .n_line_hashes = G_N_ELEMENTS (lines),
  };
  gint64 id = sp_project_add_document (project, &fields, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = sp_test_make_tmpdir ();
  f->project = sp_test_new_project (f->dir, "test.standpoint");
  f->path = g_strdup (sp_project_get_path (f->project));
  f->document = add_full_document (f->project, "lakeside.txt", "Envoys meet", body, 0xF0F0F0F0F0F0F0F0);
  f->actor = sp_project_add_actor (f->project, "Envoy", SP_ACTOR_KIND_PERSON, 0, NULL, &error);
  g_assert_no_error (error);
  f->issue = sp_project_add_issue (f->project, "talks", "Talks", NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->project);
  sp_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* What someone with the sqlite3 shell does to a project: foreign keys and checks off.
 * Returns: (transfer full) (nullable): why the project then does not open */
static GError *
try_tamper (Fixture    *f,
            const char *sql)
{
  GError *error = NULL;
  const char *path = f->path;
  sqlite3 *db = NULL;
  char *message = NULL;

  g_clear_object (&f->project);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, "PRAGMA ignore_check_constraints = ON", NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  f->project = sp_project_open (path, &error);
  return error;
}

static void
tamper (Fixture    *f,
        const char *sql)
{
  g_autoptr(GError) error = try_tamper (f, sql);

  g_assert_no_error (error);
}

static gint64
count (Fixture    *f,
       const char *sql)
{
  return sp_test_count_rows (f->project, sql);
}

static guint
count_line (Fixture *f,
            guint64  hash)
{
  g_autoptr(GError) error = NULL;
  guint n = 99;

  g_assert_true (sp_project_count_lines (f->project, &hash, 1, &n, &error));
  g_assert_no_error (error);
  return n;
}

static SpDocument *
get_document (Fixture *f,
              gint64   id)
{
  g_autoptr(GError) error = NULL;
  SpDocument *document = sp_project_get_document (f->project, id, &error);

  g_assert_no_error (error);
  return document;
}

static char *
get_body (Fixture *f,
          gint64   id)
{
  g_autoptr(GError) error = NULL;
  char *text = sp_project_dup_document_body (f->project, id, &error);

  g_assert_no_error (error);
  return text;
}

static guint
n_search_hits (Fixture    *f,
               const char *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) found = sp_project_search_documents (f->project, query, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (found);
}

/* A version 4 file opens as the current version with its documents, index and claims as they were */
static void
test_migrate_from_version_4 (void)
{
  g_autofree char *dir = sp_test_make_tmpdir ();
  g_autofree char *path = sp_test_make_old_project (dir, "old.standpoint", 4,
    "INSERT INTO documents (file_name, title, date, body, body_length, content_hash, text_hash, imported) "
    "VALUES ('old.txt', 'Old', '2025-01-02', 'The ceasefire talks resumed.', 28, 'c1', 't1', '2025-01-01T00:00:00Z'),"
    "       ('undated.txt', 'Undated', NULL, 'Nothing happened.', 17, 'c2', 't2', '2025-01-01T00:00:00Z');"
    "INSERT INTO documents_fts (documents_fts) VALUES ('rebuild');");
  g_autoptr(GError) error = NULL;
  g_autoptr(SpProject) project = sp_project_open (path, &error);
  g_autoptr(SpDocument) dated = NULL;
  g_autoptr(SpDocument) undated = NULL;
  g_autoptr(GListModel) removals = NULL;
  g_autoptr(GListModel) found = NULL;
  g_autofree guint32 *sentences = NULL;
  guint n_pairs = 99;

  g_assert_no_error (error);
  g_assert_cmpint (sp_test_count_rows (project, "PRAGMA user_version"), ==, SP_PROJECT_SCHEMA_VERSION);

  dated = sp_project_get_document (project, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sp_document_get_date (dated), ==, "2025-01-02");
  g_assert_cmpint (sp_document_get_date_source (dated), ==, SP_DATE_SOURCE_TEXT);
  g_assert_cmpfloat (sp_document_get_date_confidence (dated), ==, 0.5);
  g_assert_cmpint (sp_document_get_title_kind (dated), ==, SP_TITLE_KIND_HEADLINE);
  g_assert_cmpuint (sp_document_get_removed_count (dated), ==, 0);
  g_assert_cmpint (sp_document_get_near_duplicate_of (dated), ==, 0);

  undated = sp_project_get_document (project, 2, &error);
  g_assert_cmpint (sp_document_get_date_source (undated), ==, SP_DATE_SOURCE_NONE);

  sentences = sp_project_dup_document_sentences (project, 1, &n_pairs, &error);
  g_assert_no_error (error);
  g_assert_nonnull (sentences);
  g_assert_cmpuint (n_pairs, ==, 0);

  removals = sp_project_list_removals (project, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (removals), ==, 0);

  found = sp_project_search_documents (project, "ceasefire", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);

  /* and the migrated file is one a later opening accepts as ours */
  g_clear_object (&project);
  project = sp_project_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sp_project_get_open_notes (project)->len, ==, 0);

  g_clear_object (&project);
  sp_test_remove_tree (dir);
}

/* A file of @version, holding one document whose body has @word, opens as the current
 * version, backed up first, with the full-text index @setting as a new project has it
 * (@value; an older file has no row of its own, which is FTS5's default), and its document
 * still found */
static void
assert_index_setting_migrated (int         version,
                               const char *setting,
                               gint64      value,
                               const char *word)
{
  g_autofree char *dir = sp_test_make_tmpdir ();
  g_autofree char *name = g_strdup_printf ("v%d.standpoint", version);
  g_autofree char *insert = g_strdup_printf (
    "INSERT INTO documents (file_name, title, body, body_length, content_hash, text_hash, imported) "
    "VALUES ('old.txt', 'Old', 'The %s held.', %d, 'c1', 't1', '2025-01-01T00:00:00Z');"
    "INSERT INTO documents_fts (documents_fts) VALUES ('rebuild');",
    word, (int) strlen (word) + 10);
  g_autofree char *path = sp_test_make_old_project (dir, name, version, insert);
  g_autofree char *backup = g_strdup_printf ("%s.v%d.bak", path, version);
  g_autofree char *new_path = g_build_filename (dir, "new.standpoint", NULL);
  g_autofree char *query = g_strdup_printf ("SELECT v FROM documents_fts_config WHERE k = '%s'", setting);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpProject) project = NULL;
  g_autoptr(SpProject) created = NULL;
  g_autoptr(GListModel) found = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, query, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  project = sp_project_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sp_test_count_rows (project, "PRAGMA user_version"), ==, SP_PROJECT_SCHEMA_VERSION);
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (sp_test_count_rows (project, query), ==, value);
  g_assert_cmpint (sp_test_count_rows (project, "SELECT v FROM documents_fts_config WHERE k = 'automerge'"), ==, 8);

  found = sp_project_search_documents (project, word, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);

  created = sp_project_create (new_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sp_test_count_rows (created, query), ==, value);

  g_clear_object (&project);
  g_clear_object (&created);
  sp_test_remove_tree (dir);
}

/* Version 8 had the index merge eight segments at a time */
static void
test_migrate_from_version_7 (void)
{
  assert_index_setting_migrated (7, "automerge", 8, "truce");
}

/* Version 9 has it hold up to 8 MiB of new terms in memory */
static void
test_migrate_from_version_8 (void)
{
  assert_index_setting_migrated (8, "hashsize", 8388608, "talks");
}

static void
test_add_with_fields (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpDocument) document = get_document (f, f->document);
  g_autoptr(GListModel) removals = sp_project_list_removals (f->project, f->document, &error);
  g_autoptr(SpRemoval) first = NULL;
  g_autofree guint32 *sentences = NULL;
  guint n_pairs = 0;

  g_assert_no_error (error);
  g_assert_cmpstr (sp_document_get_title (document), ==, "Envoys meet");
  g_assert_cmpint (sp_document_get_title_kind (document), ==, SP_TITLE_KIND_FIRST_WORDS);
  g_assert_cmpstr (sp_document_get_date (document), ==, "2025-05-30");
  g_assert_cmpint (sp_document_get_date_source (document), ==, SP_DATE_SOURCE_DATELINE);
  g_assert_cmpfloat (sp_document_get_date_confidence (document), ==, 0.8);
  g_assert_cmpstr (sp_document_get_source (document), ==, "Example News");
  g_assert_cmpuint (sp_document_get_removed_count (document), ==, 2);
  g_assert_cmpuint (sp_document_get_length (document), ==, strlen (body));

  g_assert_cmpuint (g_list_model_get_n_items (removals), ==, 2);
  first = g_list_model_get_item (removals, 0);
  g_assert_cmpstr (sp_removal_get_text (first), ==, "Share on Facebook");
  g_assert_cmpstr (sp_removal_get_reason (first), ==, "share bar");
  g_assert_cmpuint (sp_removal_get_offset (first), ==, offset_of (body, "The minister"));
  g_assert_cmpint (sp_removal_get_document_id (first), ==, f->document);

  sentences = sp_project_dup_document_sentences (f->project, f->document, &n_pairs, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_pairs, ==, 2);
  g_assert_cmpuint (sentences[0], ==, 0);
  g_assert_cmpuint (sentences[3], ==, strlen (body));

  /* the line repeated inside the document counts once */
  g_assert_cmpuint (count_line (f, 7), ==, 1);
  g_assert_cmpuint (count_line (f, 11), ==, 1);
  g_assert_cmpint (count (f, "SELECT length (line_hashes) FROM document_fingerprints"), ==, 16);
}

static void
assert_refused (SpProject              *project,
                const SpDocumentFields *fields)
{
  g_autoptr(GError) error = NULL;

  g_autoptr(GError) check_error = NULL;
  g_autoptr(SpCheckedDocument) checked = NULL;

  g_assert_cmpint (sp_project_add_document (project, fields, &error), ==, 0);
  g_assert_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "bad.txt"));

  /* An import checks its documents before writing them, and says the same */
  checked = sp_checked_document_new (fields, &check_error);
  g_assert_null (checked);
  g_assert_error (check_error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID);
  g_assert_cmpstr (check_error->message, ==, error->message);
}

static void
test_add_refuses_bad_fields (Fixture       *f,
                             gconstpointer  data)
{
  guint32 unordered[] = { 10, 20, 5, 8 };
  guint32 outside[] = { 0, 500 };
  guint32 empty[] = { 4, 4 };
  SpRemovedBlockFields past_end[] = { { 500, "Share", "share bar" } };
  SpDocumentFields fields = {
    .file_name = "bad.txt",
    .title = "Bad",
    .body = "A short text of some forty characters.",
    .content_hash = "c-bad",
    .text_hash = "t-bad",
  };

  fields.sentences = unordered;
  fields.n_sentences = 2;
  assert_refused (f->project, &fields);
  fields.sentences = outside;
  fields.n_sentences = 1;
  assert_refused (f->project, &fields);
  fields.sentences = empty;
  assert_refused (f->project, &fields);
  fields.sentences = NULL;
  fields.n_sentences = 0;

  fields.removed = past_end;
  fields.n_removed = 1;
  assert_refused (f->project, &fields);
  fields.removed = NULL;
  fields.n_removed = 0;

  fields.date = "2025-02-30";
  assert_refused (f->project, &fields);
  fields.date = NULL;

  g_assert_cmpint (count (f, "SELECT count(*) FROM documents"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM removals"), ==, 2);
}

/* A document checked ahead of its writing, as an import checks its documents in worker
 * threads: the arrays it was made from may go, its near duplicate is set when it is
 * written, and it is written as sp_project_add_document() writes it. The documents of one
 * action share their import time. */
static void
test_add_checked (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text_hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "Checked text. Two.", -1);
  g_autofree guint32 *sentences = g_new (guint32, 4);
  g_autofree guint64 *lines = g_new (guint64, 3);
  g_autoptr(SpCheckedDocument) checked = NULL;
  g_autoptr(SpDocument) document = NULL;
  g_autofree guint32 *stored = NULL;
  SpRemovedBlockFields removed[] = { { 14, "Share", "share bar" } };
  SpDocumentFields fields = {
    .file_name = "checked.txt",
    .title = "Checked",
    .date = "2025-06-01",
    .date_source = SP_DATE_SOURCE_TEXT,
    .date_confidence = 3,
    .body = "Checked text. Two.",
    .content_hash = "c-checked",
    .text_hash = text_hash,
    .removed = removed,
    .n_removed = 1,
    .sentences = sentences,
    .n_sentences = 2,
    .simhash = 99,
    .line_hashes = lines,
    .n_line_hashes = 3,
  };
  guint n_pairs = 0;
  gint64 id;

  sentences[0] = 0; sentences[1] = 13; sentences[2] = 14; sentences[3] = 18;
  lines[0] = 5; lines[1] = 3; lines[2] = 5;
  checked = sp_checked_document_new (&fields, &error);
  g_assert_no_error (error);
  g_assert_nonnull (checked);
  g_clear_pointer (&sentences, g_free);
  g_clear_pointer (&lines, g_free);
  removed[0].offset = 1000;

  g_assert_true (sp_project_begin_action (f->project, NULL, &error));
  add_full_document (f->project, "same-time.txt", "Same time", "Written in the same action.", 7);
  sp_checked_document_set_near_duplicate_of (checked, f->document);
  id = sp_project_add_checked_document (f->project, checked, &error);
  g_assert_no_error (error);
  g_assert_true (sp_project_end_action (f->project, TRUE, &error));
  g_assert_no_error (error);

  document = get_document (f, id);
  g_assert_cmpstr (sp_document_get_title (document), ==, "Checked");
  g_assert_cmpfloat (sp_document_get_date_confidence (document), ==, 1);
  g_assert_cmpint (sp_document_get_near_duplicate_of (document), ==, f->document);
  g_assert_cmpuint (sp_document_get_removed_count (document), ==, 1);
  g_assert_cmpint (count (f, "SELECT body_offset FROM removals WHERE text = 'Share'"), ==, 14);
  stored = sp_project_dup_document_sentences (f->project, id, &n_pairs, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_pairs, ==, 2);
  g_assert_cmpuint (stored[2], ==, 14);
  g_assert_cmpint (count (f, "SELECT length (line_hashes) FROM document_fingerprints "
                             "WHERE simhash = 99"), ==, 16);
  g_assert_cmpuint (count_line (f, 5), ==, 1);
  g_assert_cmpint (count (f, "SELECT count (DISTINCT imported) FROM documents "
                             "WHERE file_name IN ('checked.txt', 'same-time.txt')"), ==, 1);
}

/* A body that is not UTF-8 is refused wherever the bad bytes stand: after ASCII of any
 * length (the check passes over ASCII in words of eight bytes), between other characters,
 * or at the end; a good one gets its length in characters */
static void
test_add_refuses_bad_utf8 (Fixture       *f,
                           gconstpointer  data)
{
  const char * const bad[] = {
    "\xff", "\xc3", "\xc3(", "\xc0\xaf", "\xe2\x80", "\xed\xa0\x80", "\xf4\x90\x80\x80",
    "\xe2\x80\x99\x99", "caf\xc3\xa9 \xa9",
  };
  const char good[] = "Caf\xc3\xa9 \xe2\x80\x9cne\xe2\x80\x9d \xf0\x9f\x98\x80 over";
  SpDocumentFields fields = {
    .file_name = "bad.txt",
    .title = "Bad",
    .content_hash = "c-utf8",
    .text_hash = "t-utf8",
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *length_sql = NULL;
  gint64 id;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    for (guint ascii = 0; ascii <= 17; ascii++)
      {
        g_autofree char *text = g_strdup_printf ("%.*s%s tail", ascii, "abcdefghijklmnopqrstuvwxyz",
                                                 bad[i]);

        fields.body = text;
        assert_refused (f->project, &fields);
      }

  fields.body = good;
  id = sp_project_add_document (f->project, &fields, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  length_sql = g_strdup_printf ("SELECT body_length FROM documents WHERE id = %" G_GINT64_FORMAT, id);
  g_assert_cmpint (count (f, length_sql), ==, g_utf8_strlen (good, -1));
}

/* Inside an action, as an import adds them, a refused document leaves nothing behind and
 * the documents around it stand; one undo step takes them all back */
/* Returns: the new document's id, or 0 when the project refused it */
static gint64
try_add_document (SpProject  *project,
                                const char *file_name,
                                const char *text)
{
  g_autoptr(GError) error = NULL;
  SpDocumentFields fields = {
    .file_name = file_name,
    .body = text,
    .content_hash = file_name,
    .text_hash = text,
  };

  return sp_project_add_document (project, &fields, &error);
}

static void
test_add_inside_action (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text_hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, body, -1);
  guint32 outside[] = { 0, 500 };
  SpRemovedBlockFields removed[] = { { 0, "Share", "share bar" } };
  SpDocumentFields copy = {
    .file_name = "copy.txt",
    .title = "Copy",
    .body = body,
    .content_hash = "c-copy",
    .text_hash = text_hash,
    .removed = removed,
    .n_removed = 1,
  };
  SpDocumentFields bad = {
    .file_name = "bad.txt",
    .title = "Bad",
    .body = "A short text of some forty characters.",
    .content_hash = "c-bad",
    .text_hash = "t-bad",
    .sentences = outside,
    .n_sentences = 1,
  };
  gint64 before = count (f, "SELECT count(*) FROM documents");

  g_assert_true (sp_project_begin_action (f->project, "Import", &error));
  g_assert_no_error (error);
  add_full_document (f->project, "first.txt", "First", "The first text of the action.", 1);

  g_assert_cmpint (sp_project_add_document (f->project, &copy, &error), ==, 0);
  g_assert_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (sp_project_add_document (f->project, &bad, &error), ==, 0);
  g_assert_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  add_full_document (f->project, "second.txt", "Second", "The second text of the action.", 2);
  g_assert_true (sp_project_end_action (f->project, TRUE, &error));
  g_assert_no_error (error);

  g_assert_cmpint (count (f, "SELECT count(*) FROM documents"), ==, before + 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM documents WHERE file_name IN ('copy.txt', 'bad.txt')"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM removals WHERE text = 'Share'"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM document_fingerprints"), ==, before + 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'action'"), ==, 2);

  g_assert_true (sp_project_undo (f->project, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM documents"), ==, before);
  g_assert_cmpint (count (f, "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'action'"), ==, 0);
  g_assert_true (sp_project_redo (f->project, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'action'"), ==, 2);
}

/* A document that failed after part of it was written (I/O, memory) breaks the action it was
 * added in: ending that action rolls it back, whatever the caller says, and nothing more is
 * added to it */
static void
test_broken_action_rolls_back (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 before = count (f, "SELECT count(*) FROM documents");

  g_assert_true (sp_project_begin_action (f->project, NULL, &error));
  add_full_document (f->project, "kept.txt", "Kept", "The text that stays in the project.", 1);

  g_assert_true (sp_project_begin_action (f->project, NULL, &error));
  add_full_document (f->project, "half.txt", "Half", "The text whose write failed halfway.", 2);
  _sp_project_break_action (f->project);
  g_assert_cmpint (try_add_document (f->project, "later.txt", "Later text."), ==, 0);
  g_assert_false (sp_project_end_action (f->project, TRUE, &error));
  g_assert_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_FAILED);
  g_clear_error (&error);

  g_assert_true (sp_project_end_action (f->project, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM documents"), ==, before + 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM documents WHERE file_name = 'kept.txt'"), ==, 1);

  g_assert_true (sp_project_begin_action (f->project, NULL, &error));
  add_full_document (f->project, "lost.txt", "Lost", "The text of a transaction that breaks.", 3);
  _sp_project_break_action (f->project);
  g_assert_false (sp_project_end_action (f->project, TRUE, &error));
  g_assert_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM documents"), ==, before + 1);

  /* The next action is whole again */
  add_full_document (f->project, "next.txt", "Next", "The text of the next action.", 4);
  g_assert_cmpint (count (f, "SELECT count(*) FROM documents"), ==, before + 2);
}

static void
test_update_undo_redo (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SpDocumentMetadata metadata = { "Envoys agree on a truce", "2025-06-01", "", "https://example.org/a", "A. Writer" };
  SpDocumentMetadata empty_title = { "  ", NULL, NULL, NULL, NULL };
  SpDocumentMetadata bad_date = { "Title", "June", NULL, NULL, NULL };
  g_autoptr(SpDocument) edited = NULL;
  g_autoptr(SpDocument) undone = NULL;
  g_autoptr(SpDocument) redone = NULL;

  g_assert_false (sp_project_update_document (f->project, f->document, &empty_title, &error));
  g_assert_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sp_project_update_document (f->project, f->document, &bad_date, &error));
  g_assert_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sp_project_update_document (f->project, 999, &metadata, &error));
  g_assert_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (sp_project_update_document (f->project, f->document, &metadata, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sp_project_get_undo_label (f->project), ==, "Edit Document");

  edited = get_document (f, f->document);
  g_assert_cmpstr (sp_document_get_title (edited), ==, "Envoys agree on a truce");
  g_assert_cmpstr (sp_document_get_date (edited), ==, "2025-06-01");
  g_assert_cmpint (sp_document_get_date_source (edited), ==, SP_DATE_SOURCE_ANALYST);
  g_assert_cmpfloat (sp_document_get_date_confidence (edited), ==, 1);
  g_assert_null (sp_document_get_source (edited));
  g_assert_cmpstr (sp_document_get_url (edited), ==, "https://example.org/a");
  g_assert_cmpstr (sp_document_get_author (edited), ==, "A. Writer");
  g_assert_cmpuint (n_search_hits (f, "truce"), ==, 1);
  g_assert_cmpuint (n_search_hits (f, "meet"), ==, 0);

  g_assert_true (sp_project_undo (f->project, &error));
  g_assert_no_error (error);
  undone = get_document (f, f->document);
  g_assert_cmpstr (sp_document_get_title (undone), ==, "Envoys meet");
  g_assert_cmpstr (sp_document_get_date (undone), ==, "2025-05-30");
  g_assert_cmpint (sp_document_get_date_source (undone), ==, SP_DATE_SOURCE_DATELINE);
  g_assert_cmpstr (sp_document_get_source (undone), ==, "Example News");
  g_assert_cmpuint (n_search_hits (f, "truce"), ==, 0);
  g_assert_cmpuint (n_search_hits (f, "meet"), ==, 1);

  g_assert_true (sp_project_redo (f->project, &error));
  g_assert_no_error (error);
  redone = get_document (f, f->document);
  g_assert_cmpstr (sp_document_get_title (redone), ==, "Envoys agree on a truce");
  g_assert_cmpuint (n_search_hits (f, "truce"), ==, 1);

  /* the index is intact after all this: FTS5's own check */
  g_assert_true (_sp_project_exec (f->project, "INSERT INTO documents_fts (documents_fts, rank) VALUES ('integrity-check', 1)", &error));
  g_assert_no_error (error);
}

static void
test_delete_undo_redo (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 other = add_full_document (f->project, "copy.txt", "Envoys meet again", "Envoys met once more.", 0xF0F0F0F0F0F0F0F1);
  gint64 claim = sp_test_add_claim (f->project, f->document, 0, 6, f->actor, f->issue, 1, NULL);

  g_assert_true (sp_project_set_near_duplicate (f->project, other, f->document, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_line (f, 7), ==, 2);

  g_assert_false (sp_project_delete_document (f->project, f->document, FALSE, &error));
  g_assert_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_IN_USE);
  g_assert_nonnull (strstr (error->message, "1 claim"));
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM documents"), ==, 2);

  g_assert_true (sp_project_delete_document (f->project, f->document, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sp_project_get_undo_label (f->project), ==, "Delete Document");
  g_assert_cmpint (count (f, "SELECT count(*) FROM documents"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM claims"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM removals"), ==, 2);
  g_assert_cmpuint (count_line (f, 7), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM documents WHERE near_duplicate_of IS NOT NULL"), ==, 0);
  g_assert_cmpuint (n_search_hits (f, "Lakeside"), ==, 0);

  g_assert_true (sp_project_undo (f->project, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM documents"), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM claims WHERE id = 1"), ==, claim);
  g_assert_cmpint (count (f, "SELECT count(*) FROM removals"), ==, 4);
  g_assert_cmpuint (count_line (f, 7), ==, 2);
  g_assert_cmpint (count (f, "SELECT near_duplicate_of FROM documents WHERE id = 2"), ==, f->document);
  g_assert_cmpuint (n_search_hits (f, "Lakeside"), ==, 1);

  g_assert_true (sp_project_redo (f->project, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM documents"), ==, 1);
  g_assert_cmpuint (n_search_hits (f, "Lakeside"), ==, 0);
  g_assert_true (_sp_project_exec (f->project, "INSERT INTO documents_fts (documents_fts, rank) VALUES ('integrity-check', 1)", &error));
  g_assert_no_error (error);

  /* without claims, no question */
  g_assert_true (sp_project_delete_document (f->project, other, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_line (f, 7), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM document_fingerprints"), ==, 0);
}

static void
test_restore_shifts_claims (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint minister = offset_of (body, "minister");
  guint second = offset_of (body, "The minister");
  gint64 before = sp_test_add_claim (f->project, f->document, 0, 6, f->actor, f->issue, 1, NULL);
  gint64 after = sp_test_add_claim (f->project, f->document, minister, minister + 8, f->actor, f->issue, -1, NULL);
  gint64 around = sp_test_add_claim (f->project, f->document, 0, minister, f->actor, f->issue, 2, NULL);
  g_autoptr(GListModel) removals = sp_project_list_removals (f->project, f->document, &error);
  g_autoptr(SpRemoval) share = g_list_model_get_item (removals, 0);
  g_autoptr(SpRemoval) teaser = g_list_model_get_item (removals, 1);
  g_autoptr(GListModel) left = NULL;
  g_autoptr(SpRemoval) moved = NULL;
  g_autoptr(SpClaim) claim = NULL;
  g_autofree char *restored = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *undone = NULL;
  g_autofree guint32 *sentences = NULL;
  guint shift, n_pairs = 0;

  g_assert_no_error (error);
  g_assert_true (sp_project_restore_removal (f->project, sp_removal_get_id (share), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sp_project_get_undo_label (f->project), ==, "Restore Removed Text");

  restored = get_body (f, f->document);
  expected = g_strdup_printf ("%.*sShare on Facebook\n\n%s", second, body, body + second);
  g_assert_cmpstr (restored, ==, expected);
  shift = strlen ("Share on Facebook\n\n");

  claim = sp_project_get_claim (f->project, before, &error);
  g_assert_cmpuint (sp_claim_get_start (claim), ==, 0);
  g_assert_cmpuint (sp_claim_get_end (claim), ==, 6);
  g_clear_object (&claim);
  claim = sp_project_get_claim (f->project, after, &error);
  g_assert_cmpuint (sp_claim_get_start (claim), ==, minister + shift);
  g_assert_cmpuint (sp_claim_get_end (claim), ==, minister + 8 + shift);
  g_assert_true (strncmp (restored + sp_claim_get_start (claim), "minister", 8) == 0);
  g_clear_object (&claim);
  claim = sp_project_get_claim (f->project, around, &error);
  g_assert_cmpuint (sp_claim_get_start (claim), ==, 0);
  g_assert_cmpuint (sp_claim_get_end (claim), ==, minister + shift);
  g_clear_object (&claim);

  /* the block is a sentence of its own; the later sentence moved */
  sentences = sp_project_dup_document_sentences (f->project, f->document, &n_pairs, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_pairs, ==, 3);
  g_assert_cmpuint (sentences[2], ==, second);
  g_assert_cmpuint (sentences[3], ==, second + strlen ("Share on Facebook"));
  g_assert_cmpuint (sentences[4], ==, second + shift);
  g_assert_cmpuint (sentences[5], ==, strlen (restored));

  left = sp_project_list_removals (f->project, f->document, &error);
  g_assert_cmpuint (g_list_model_get_n_items (left), ==, 1);
  moved = g_list_model_get_item (left, 0);
  g_assert_cmpuint (sp_removal_get_offset (moved), ==, sp_removal_get_offset (teaser) + shift);
  g_assert_cmpuint (n_search_hits (f, "Facebook"), ==, 1);

  g_assert_true (sp_project_undo (f->project, &error));
  g_assert_no_error (error);
  undone = get_body (f, f->document);
  g_assert_cmpstr (undone, ==, body);
  claim = sp_project_get_claim (f->project, after, &error);
  g_assert_cmpuint (sp_claim_get_start (claim), ==, minister);
  g_clear_object (&claim);
  g_assert_cmpint (count (f, "SELECT count(*) FROM removals"), ==, 2);
  g_assert_cmpuint (n_search_hits (f, "Facebook"), ==, 0);

  g_assert_true (sp_project_redo (f->project, &error));
  g_assert_no_error (error);
  g_free (undone);
  undone = get_body (f, f->document);
  g_assert_cmpstr (undone, ==, restored);

  /* the block at the very end goes on a paragraph of its own */
  g_assert_true (sp_project_restore_removal (f->project, sp_removal_get_id (moved), &error));
  g_assert_no_error (error);
  g_free (undone);
  undone = get_body (f, f->document);
  g_assert_true (g_str_has_suffix (undone, "rejected the plan.\n\nRelated: the other story"));

  g_assert_false (sp_project_restore_removal (f->project, sp_removal_get_id (moved), &error));
  g_assert_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_NOT_FOUND);
}

/* Sentences a file holds out of order, outside the body or cut short are refused, never
 * trusted or read past */
static void
test_hostile_sentences (Fixture       *f,
                        gconstpointer  data)
{
  static const char * const blobs[] = {
    "UPDATE documents SET sentences = X'0A000000140000000000000005000000'", /* (10,20) (0,5) */
    "UPDATE documents SET sentences = X'00000000FFFFFF7F'",                 /* (0, 2^31-1) */
    "UPDATE documents SET sentences = X'0500000005000000'",                 /* empty */
  };
  /* what the schema's checks refuse: SQLite's quick check finds it, the file is not opened */
  static const char * const refused[] = {
    "UPDATE documents SET sentences = X'00000000050000000300'",             /* 10 bytes */
    "UPDATE documents SET sentences = 'not a blob'",
    "UPDATE documents SET title_kind = 'guess'",
    "UPDATE documents SET date_confidence = 7",
    "UPDATE document_fingerprints SET simhash = 'x'",
  };

  for (guint i = 0; i < G_N_ELEMENTS (blobs); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree guint32 *pairs = NULL;
      g_autoptr(GListModel) removals = NULL;
      guint n_pairs = 99;

      tamper (f, blobs[i]);
      pairs = sp_project_dup_document_sentences (f->project, f->document, &n_pairs, &error);
      g_assert_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_CORRUPT);
      g_assert_null (pairs);
      g_assert_cmpuint (n_pairs, ==, 0);
      g_clear_error (&error);

      /* restoring a block would shift them: refused, nothing changed */
      removals = sp_project_list_removals (f->project, f->document, &error);
      g_assert_no_error (error);
      g_assert_false (sp_project_restore_removal (f->project, 1, &error));
      g_assert_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_CORRUPT);
      g_assert_cmpint (count (f, "SELECT count(*) FROM removals"), ==, 2);
    }

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *sql = g_strconcat ("UPDATE documents SET sentences = NULL, title_kind = 'headline', "
                                          "date_confidence = 0; UPDATE document_fingerprints SET simhash = 1;",
                                          refused[i], NULL);
      g_autoptr(GError) error = try_tamper (f, sql);

      g_assert_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_CORRUPT);
      g_assert_null (f->project);
    }
}

/* Removed blocks a file places outside the text are noted on opening, left out of the
 * list, and cannot be restored */
static void
test_hostile_removals (Fixture       *f,
                       gconstpointer  data)
{
  static const char * const refused[] = {
    "INSERT INTO removals (document_id, body_offset, text) VALUES (1, -5, 'Negative')",
    "INSERT INTO removals (document_id, body_offset, text) VALUES (1, 3, '')",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) removals = NULL;
  g_autofree char *unchanged = NULL;
  GPtrArray *notes;

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *sql = g_strconcat ("DELETE FROM removals WHERE id > 2;", refused[i], NULL);
      g_autoptr(GError) refusal = try_tamper (f, sql);

      g_assert_error (refusal, SP_PROJECT_ERROR, SP_PROJECT_ERROR_CORRUPT);
      g_assert_null (f->project);
    }

  tamper (f, "DELETE FROM removals WHERE id > 2;"
             "UPDATE removals SET body_offset = 100000 WHERE id = 1;"
             "INSERT INTO removals (id, document_id, body_offset, text) VALUES (3, 1, 3, X'FF00FE');");

  notes = sp_project_get_open_notes (f->project);
  g_assert_cmpuint (notes->len, >=, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (notes, notes->len - 1), "1 removed block (id 1)"));

  removals = sp_project_list_removals (f->project, f->document, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (removals), ==, 2);

  for (gint64 id = 1; id <= 3; id += 2)
    {
      g_assert_false (sp_project_restore_removal (f->project, id, &error));
      g_assert_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_CORRUPT);
      g_clear_error (&error);
    }

  unchanged = get_body (f, f->document);
  g_assert_cmpstr (unchanged, ==, body);
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  static const char * const odd[] = { "\"", "talks\"", "NOT", "minister AND", "a -b", "NEAR(", "(*)", "talks*", "^x", "col:x" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) found = NULL;
  g_autoptr(SpDocument) first = NULL;

  sp_test_add_document (f->project, "second.txt", "The talks, the talks, the talks", "Talks about other talks.");

  /* every word must occur; case does not count; the title weighs more */
  g_assert_cmpuint (n_search_hits (f, "TALKS"), ==, 2);
  g_assert_cmpuint (n_search_hits (f, "talks minister"), ==, 1);
  g_assert_cmpuint (n_search_hits (f, "talk*"), ==, 2);
  g_assert_cmpuint (n_search_hits (f, "talk"), ==, 0);
  found = sp_project_search_documents (f->project, "talks", &error);
  first = g_list_model_get_item (found, 0);
  g_assert_cmpstr (sp_document_get_title (first), ==, "The talks, the talks, the talks");

  /* what would be FTS5 syntax is searched as words, never an error */
  for (guint i = 0; i < G_N_ELEMENTS (odd); i++)
    {
      g_autoptr(GListModel) model = sp_project_search_documents (f->project, odd[i], &error);

      if (model == NULL)
        {
          g_assert_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID);
          g_clear_error (&error);
        }
    }
  g_assert_cmpuint (n_search_hits (f, "talks\""), ==, 2);

  g_clear_object (&found);
  found = sp_project_search_documents (f->project, "  !! ", &error);
  g_assert_null (found);
  g_assert_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID);
}

static void
test_find_in_document (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ranges = NULL;
  g_autoptr(GArray) none = NULL;
  gint64 id = sp_test_add_document (f->project, "accents.txt", "Accents",
                                    "Über die Gespräche: ÜBER alles.\nPeace\n talks, peace talks.");

  ranges = sp_project_find_in_document (f->project, id, "über", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ranges->len, ==, 2);
  g_assert_cmpuint (g_array_index (ranges, SpTextRange, 0).start, ==, 0);
  g_assert_cmpuint (g_array_index (ranges, SpTextRange, 0).end, ==, 4);
  /* "Über die Gespräche: " is 20 characters (and more bytes) */
  g_assert_cmpuint (g_array_index (ranges, SpTextRange, 1).start, ==, 20);
  g_clear_pointer (&ranges, g_array_unref);

  ranges = sp_project_find_in_document (f->project, id, "peace talks", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ranges->len, ==, 2);
  g_assert_cmpuint (g_array_index (ranges, SpTextRange, 0).end - g_array_index (ranges, SpTextRange, 0).start, ==, 12);

  none = sp_project_find_in_document (f->project, id, "   ", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);

  g_assert_null (sp_project_find_in_document (f->project, 999, "x", &error));
  g_assert_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_NOT_FOUND);
}

static void
test_near_duplicates (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint64 base = 0xF0F0F0F0F0F0F0F0;
  /* 3 bits apart: a near duplicate */
  gint64 near = add_full_document (f->project, "near.txt", "Near", "A near copy.", base ^ 0x0001000100010000);
  /* 4 bits apart: found only when asked for that distance */
  gint64 far = add_full_document (f->project, "far.txt", "Far", "A farther copy.", base ^ 0x0001000100010001);
  g_autoptr(GArray) found = NULL;

  found = sp_project_find_near_duplicates (f->project, base, NEAR_DISTANCE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 2);
  g_assert_cmpint (g_array_index (found, gint64, 0), ==, f->document);
  g_assert_cmpint (g_array_index (found, gint64, 1), ==, near);
  g_clear_pointer (&found, g_array_unref);

  found = sp_project_find_near_duplicates (f->project, base, 4, &error);
  g_assert_cmpuint (found->len, ==, 3);
  g_assert_cmpint (g_array_index (found, gint64, 2), ==, far);
  g_clear_pointer (&found, g_array_unref);

  found = sp_project_find_near_duplicates (f->project, 0, 64, &error);
  g_assert_cmpuint (found->len, ==, 0);

  g_assert_false (sp_project_set_near_duplicate (f->project, near, near, &error));
  g_assert_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sp_project_set_near_duplicate (f->project, near, 999, &error));
  g_assert_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (sp_project_set_near_duplicate (f->project, near, f->document, &error));
  g_assert_no_error (error);
  {
    g_autoptr(SpDocument) document = get_document (f, near);
    g_assert_cmpint (sp_document_get_near_duplicate_of (document), ==, f->document);
  }
  g_assert_true (sp_project_undo (f->project, &error));
  {
    g_autoptr(SpDocument) document = get_document (f, near);
    g_assert_cmpint (sp_document_get_near_duplicate_of (document), ==, 0);
  }
}

typedef struct
{
  gint64  id;
  guint64 simhash;
} Stored;

/* The near duplicates of @simhash among @stored, by comparing every one */
static GArray *
near_by_hand (const Stored *stored,
              guint         n_stored,
              guint64       simhash,
              guint         max_distance)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint distance = 0; distance <= max_distance; distance++)
    for (guint i = 0; i < n_stored; i++)
      if ((guint)__builtin_popcountll (stored[i].simhash ^ simhash) == distance)
        g_array_append_val (ids, stored[i].id);

  return ids;
}

/* Fingerprints a few bits from a handful of bases, anywhere in their 64 bits: the search
 * through the bands finds what comparing every one finds, each document once, and asking
 * for many at once gives each the first of its own answer */
static void
test_near_duplicates_bands (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (4242);
  guint64 bases[] = { 0xF0F0F0F0F0F0F0F0, 0x0123456789ABCDEF, 0xFFFF00000000FFFF, 1 };
  Stored stored[161];
  guint n_stored = 0;

  stored[n_stored++] = (Stored) { f->document, 0xF0F0F0F0F0F0F0F0 };
  for (guint i = 0; i < 160; i++)
    {
      g_autofree char *name = g_strdup_printf ("copy-%u.txt", i);
      g_autofree char *text = g_strdup_printf ("Copy number %u of the story.", i);
      guint64 simhash = bases[i % G_N_ELEMENTS (bases)];
      guint flips = g_rand_int_range (rand, 0, 7);

      for (guint k = 0; k < flips; k++)
        simhash ^= G_GUINT64_CONSTANT (1) << g_rand_int_range (rand, 0, 64);
      if (simhash == 0)
        simhash = 2;
      stored[n_stored++] = (Stored) { add_full_document (f->project, name, "Copy", text, simhash), simhash };
    }

  for (guint max_distance = 0; max_distance <= 5; max_distance++)
    {
      guint64 queries[65];
      gint64 nearest[G_N_ELEMENTS (queries)];
      g_autoptr(GError) batch_error = NULL;

      for (guint q = 0; q < 64; q++)
        {
          g_autoptr(GError) error = NULL;
          guint64 simhash = bases[q % G_N_ELEMENTS (bases)];
          g_autoptr(GArray) expected = NULL;
          g_autoptr(GArray) found = NULL;

          for (guint k = 0; k < q / 8; k++)
            simhash ^= G_GUINT64_CONSTANT (1) << g_rand_int_range (rand, 0, 64);
          /* 0 is no fingerprint, which finds nothing */
          if (simhash == 0)
            simhash = 2;

          expected = near_by_hand (stored, n_stored, simhash, max_distance);
          found = sp_project_find_near_duplicates (f->project, simhash, max_distance, &error);
          g_assert_no_error (error);
          g_assert_cmpuint (found->len, ==, expected->len);
          for (guint i = 0; i < found->len; i++)
            g_assert_cmpint (g_array_index (found, gint64, i), ==, g_array_index (expected, gint64, i));
          queries[q] = simhash;
        }
      queries[64] = 0;

      /* Asked all at once, each gets the first of its own answer, 0 for none */
      g_assert_true (sp_project_find_nearest_duplicates (f->project, queries, G_N_ELEMENTS (queries),
                                                         max_distance, nearest, &batch_error));
      g_assert_no_error (batch_error);
      for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
        {
          g_autoptr(GArray) found = sp_project_find_near_duplicates (f->project, queries[q],
                                                                     max_distance, NULL);

          g_assert_cmpint (nearest[q], ==, found->len > 0 ? g_array_index (found, gint64, 0) : 0);
        }
    }
}

static void
test_count_lines (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint64 hashes[] = { 7, 11, 12345, G_MAXUINT64 };
  guint counts[G_N_ELEMENTS (hashes)];

  add_full_document (f->project, "more.txt", "More", "More furniture.", 0);
  g_assert_true (sp_project_count_lines (f->project, hashes, G_N_ELEMENTS (hashes), counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts[0], ==, 2);
  g_assert_cmpuint (counts[1], ==, 2);
  g_assert_cmpuint (counts[2], ==, 0);
  g_assert_cmpuint (counts[3], ==, 0);

  /* counts follow what another connection commits */
  {
    g_autoptr(SpProject) other = sp_project_open (f->path, &error);

    g_assert_no_error (error);
    add_full_document (other, "elsewhere.txt", "Elsewhere", "Written elsewhere.", 0);
  }
  g_assert_cmpuint (count_line (f, 7), ==, 3);

  /* and what this one rolls back */
  g_assert_true (sp_project_begin_action (f->project, NULL, &error));
  add_full_document (f->project, "rolled-back.txt", "Rolled back", "Never kept.", 0);
  g_assert_cmpuint (count_line (f, 7), ==, 4);
  g_assert_false (sp_project_end_action (f->project, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_line (f, 7), ==, 3);
}

static void
test_compare (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SpDocumentMetadata b = { "Beta", "2024-01-01", "Zeta Times", NULL, NULL };
  SpDocumentMetadata c = { "Alpha", NULL, NULL, NULL, NULL };
  gint64 second = sp_test_add_document (f->project, "b.txt", "x", "Second body.");
  gint64 third = sp_test_add_document (f->project, "c.txt", "x", "Third body.");
  g_autoptr(GListModel) all = NULL;
  SpDocument *d[3];

  g_assert_true (sp_project_update_document (f->project, second, &b, &error));
  g_assert_true (sp_project_update_document (f->project, third, &c, &error));
  g_assert_no_error (error);
  all = sp_project_list_documents (f->project, &error);
  for (guint i = 0; i < 3; i++)
    {
      d[i] = g_list_model_get_item (all, i);
      g_object_unref (d[i]);
    }

  /* dates: oldest first, none last */
  g_assert_cmpint (sp_document_compare (d[1], d[0], SP_DOCUMENT_SORT_DATE), <, 0);
  g_assert_cmpint (sp_document_compare (d[0], d[2], SP_DOCUMENT_SORT_DATE), <, 0);
  /* titles as the locale sorts them: "Alpha" < "Beta" < "Envoys meet" */
  g_assert_cmpint (sp_document_compare (d[2], d[1], SP_DOCUMENT_SORT_TITLE), <, 0);
  g_assert_cmpint (sp_document_compare (d[1], d[0], SP_DOCUMENT_SORT_TITLE), <, 0);
  /* sources: none last */
  g_assert_cmpint (sp_document_compare (d[0], d[1], SP_DOCUMENT_SORT_SOURCE), <, 0);
  g_assert_cmpint (sp_document_compare (d[1], d[2], SP_DOCUMENT_SORT_SOURCE), <, 0);
  /* ties by id */
  g_assert_cmpint (sp_document_compare (d[0], d[1], SP_DOCUMENT_SORT_IMPORTED), <, 0);
  g_assert_cmpint (sp_document_compare (d[2], d[2], SP_DOCUMENT_SORT_TITLE), ==, 0);
}

/* An import's set-up of its connection: while it lasts, the log is copied back into the
 * file by a thread of its own (the connection no longer does it, yet the file grows) and
 * the cache is SQLite's default; afterwards the connection is as it was, and another one
 * reads every committed document. A read-only project is left as it is. */
static void
test_bulk_write (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(SpProject) other = NULL;
  g_autoptr(SpProject) read_only = NULL;
  gint64 own_cache = sp_test_count_rows (f->project, "PRAGMA cache_size");
  GStatBuf before;
  GStatBuf after;

  g_assert_cmpint (g_stat (f->path, &before), ==, 0);

  {
    g_autoptr(SpBulkWrite) bulk_write = sp_bulk_write_begin (f->project);

    g_assert_nonnull (bulk_write);
    g_assert_cmpint (sp_test_count_rows (f->project, "PRAGMA cache_size"), ==, -2000);

    /* About 2,000 pages of log, 20 documents a transaction */
    for (guint i = 0; i < 400; i++)
      {
        g_autofree char *name = g_strdup_printf ("bulk-%u.txt", i);

        g_string_printf (text, "Bulk document %u.\n\n", i);
        while (text->len < 20000)
          g_string_append (text, "The talks went on through the night. ");

        if (i % 20 == 0)
          g_assert_true (sp_project_begin_action (f->project, NULL, &error));
        add_full_document (f->project, name, "Bulk", text->str, 0);
        if (i % 20 == 19)
          g_assert_true (sp_project_end_action (f->project, TRUE, &error));
        g_assert_no_error (error);
      }
  }

  g_assert_cmpint (sp_test_count_rows (f->project, "PRAGMA cache_size"), ==, own_cache);
  g_assert_cmpint (g_stat (f->path, &after), ==, 0);
  g_assert_cmpint (after.st_size, >, before.st_size + 4 * 1024 * 1024);

  other = sp_project_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sp_project_count_documents (other), ==, 401);

  g_clear_object (&other);
  read_only = sp_project_open_read_only (f->path, &error);
  g_assert_no_error (error);
  g_assert_null (sp_bulk_write_begin (read_only));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "C.UTF-8");

  g_test_add_func ("/documents-store/migrate-from-version-4", test_migrate_from_version_4);
  g_test_add_func ("/documents-store/migrate-from-version-7", test_migrate_from_version_7);
  g_test_add_func ("/documents-store/migrate-from-version-8", test_migrate_from_version_8);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/documents-store/add-with-fields", test_add_with_fields);
  ADD ("/documents-store/add-refuses-bad-fields", test_add_refuses_bad_fields);
  ADD ("/documents-store/add-refuses-bad-utf8", test_add_refuses_bad_utf8);
  ADD ("/documents-store/add-checked", test_add_checked);
  ADD ("/documents-store/add-inside-action", test_add_inside_action);
  ADD ("/documents-store/broken-action-rolls-back", test_broken_action_rolls_back);
  ADD ("/documents-store/update-undo-redo", test_update_undo_redo);
  ADD ("/documents-store/delete-undo-redo", test_delete_undo_redo);
  ADD ("/documents-store/restore-shifts-claims", test_restore_shifts_claims);
  ADD ("/documents-store/hostile-sentences", test_hostile_sentences);
  ADD ("/documents-store/hostile-removals", test_hostile_removals);
  ADD ("/documents-store/search", test_search);
  ADD ("/documents-store/find-in-document", test_find_in_document);
  ADD ("/documents-store/near-duplicates", test_near_duplicates);
  ADD ("/documents-store/near-duplicates-bands", test_near_duplicates_bands);
  ADD ("/documents-store/count-lines", test_count_lines);
  ADD ("/documents-store/compare", test_compare);
  ADD ("/documents-store/bulk-write", test_bulk_write);
#undef ADD

  return g_test_run ();
}
