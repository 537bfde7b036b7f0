/* test-interop-dna.c
 *
 * DNA projects in: the reader (UTF-16 spans, both schemas, hostile files refused and never
 * written to) and the import (documents, actors with affiliations, issues, claims, what is
 * skipped, one undo step), on fixtures the tests write and, when the shared corpus is there,
 * on DNA's own sample project.
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "dna-fixture.h"
#include "import-test-util.h"
#include "sp-dna-import.h"
#include "sp-sentences.h"
#include "sp-test-util.h"

typedef struct
{
  char      *dir;
  char      *dna;
  SpProject *project;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = sp_test_make_tmpdir ();
  f->dna = g_build_filename (f->dir, "harbour.dna", NULL);
  dna_fixture_write (f->dna, GPOINTER_TO_INT (data));
  f->project = sp_test_new_project (f->dir, "p.standpoint");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->project);
  sp_test_remove_tree (f->dir);
  g_free (f->dna);
  g_free (f->dir);
}

static GArray *
split_cb (const char *text,
          gsize       length,
          gpointer    user_data)
{
  return sp_sentence_splitter_split (user_data, text, length);
}

static SpDnaReport *
import_path (SpProject   *project,
             const char  *path,
             GError     **error)
{
  g_autoptr(SpSentenceSplitter) splitter = sp_sentence_splitter_new (NULL);
  g_autoptr(SpDnaFile) file = sp_dna_file_read (path, NULL, error);

  g_assert_nonnull (splitter);
  if (file == NULL)
    return NULL;

  return sp_dna_import (project, file, split_cb, splitter, NULL, NULL, NULL, error);
}

static gboolean
has_line (GPtrArray  *lines,
          const char *needle)
{
  for (guint i = 0; i < lines->len; i++)
    if (strstr (lines->pdata[i], needle) != NULL)
      return TRUE;
  return FALSE;
}

static SpActor *
find_actor (SpProject  *project,
            const char *name)
{
  gint64 id = 0;

  g_assert_true (sp_project_find_actor (project, name, &id, NULL));
  return sp_project_get_actor (project, id, NULL);
}

static void
test_offsets (void)
{
  /* "a😀b𝔄c": the astral characters take two UTF-16 units each */
  g_autoptr(SpDnaOffsets) offsets = sp_dna_offsets_new ("a\U0001F600b\U0001D504c");
  guint start, end;

  g_assert_true (sp_dna_offsets_convert (offsets, 0, 1, &start, &end));
  g_assert_cmpuint (start, ==, 0);
  g_assert_cmpuint (end, ==, 1);
  g_assert_true (sp_dna_offsets_convert (offsets, 3, 4, &start, &end));   /* "b" */
  g_assert_cmpuint (start, ==, 2);
  g_assert_cmpuint (end, ==, 3);
  g_assert_true (sp_dna_offsets_convert (offsets, 1, 7, &start, &end));   /* "😀b𝔄c" */
  g_assert_cmpuint (start, ==, 1);
  g_assert_cmpuint (end, ==, 5);
  /* a bound in the middle of a pair takes the whole character */
  g_assert_true (sp_dna_offsets_convert (offsets, 2, 5, &start, &end));
  g_assert_cmpuint (start, ==, 1);
  g_assert_cmpuint (end, ==, 4);
  g_assert_false (sp_dna_offsets_convert (offsets, 0, 8, &start, &end));  /* past the end */
  g_assert_false (sp_dna_offsets_convert (offsets, 3, 3, &start, &end));
  g_assert_false (sp_dna_offsets_convert (offsets, -1, 2, &start, &end));
}

static void
test_fixture_boolean (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpDnaReport) report = import_path (f->project, f->dna, &error);
  g_autoptr(GListModel) claims = NULL;
  g_autoptr(GListModel) documents = NULL;
  g_autoptr(SpActor) ostrova = NULL;
  g_autoptr(SpActor) council = NULL;
  g_autoptr(SpActor) freight = NULL;
  g_autoptr(SpIssue) levy = NULL;
  g_autofree guint32 *sentences = NULL;
  const int stances[] = { 1, 1, 1, -1, -1, 1 };
  gint64 id = 0;
  guint n_pairs = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (report->n_documents, ==, 2);
  g_assert_cmpuint (report->n_actors, ==, 7);
  g_assert_cmpuint (report->n_issues, ==, 2);
  g_assert_cmpuint (report->n_claims, ==, 6);
  g_assert_cmpuint (report->n_skipped, ==, 2);
  g_assert_true (has_line (report->skipped, "Statements of type “Annotation”: 1"));
  g_assert_true (has_line (report->skipped, "Statements with no concept: 1"));
  g_assert_true (has_line (report->skipped, "Values of variable “certainty”: 1"));
  g_assert_true (has_line (report->notes, "Lina Ostrova is coded with 2 organizations: affiliated with Harbour Council (2), not with Regional Party (1)"));
  g_assert_true (has_line (report->notes, "not kept: Business (1 actors)"));
  g_assert_true (has_line (report->notes, "notes have no field in Standpoint and were not kept: 1"));

  /* documents: DNA's text exactly, metadata, sentences */
  documents = sp_project_list_documents (f->project, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(SpDocument) document = g_list_model_get_item (documents, i);
      g_autofree char *body = sp_project_dup_document_body (f->project, sp_document_get_id (document), NULL);

      g_assert_cmpstr (body, ==, dna_fixture_documents[i].text);
      g_assert_cmpstr (sp_document_get_title (document), ==, dna_fixture_documents[i].title);
      g_assert_cmpstr (sp_document_get_source (document), ==, dna_fixture_documents[i].source);
      g_assert_cmpstr (sp_document_get_date (document), ==, i == 0 ? "2024-06-01" : "2024-06-15");
      g_assert_cmpstr (sp_document_get_section (document), ==, "Local");
      if (i == 0)
        {
          g_assert_cmpstr (sp_document_get_author (document), ==, "Anna Reed");
          g_assert_cmpstr (sp_document_get_document_type (document), ==, "Report");
        }
      else
        {
          g_assert_null (sp_document_get_author (document));
          g_assert_null (sp_document_get_document_type (document));
        }
      sentences = (g_free (sentences), sp_project_dup_document_sentences (f->project, sp_document_get_id (document), &n_pairs, NULL));
      g_assert_cmpuint (n_pairs, >=, 3);
    }

  /* claims: the quote is DNA's statement text, the stance its agreement, the coder the note */
  claims = sp_project_list_claims (f->project, 0, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (claims), ==, 6);
  for (guint i = 0; i < 6; i++)
    {
      const DnaFixtureStatement *s = &dna_fixture_statements[i];
      g_autoptr(SpClaim) claim = NULL;

      for (guint j = 0; j < 6 && claim == NULL; j++)
        {
          g_autoptr(SpClaim) c = g_list_model_get_item (claims, j);

          if (g_str_equal (sp_claim_get_quote (c), s->quote))
            claim = g_steal_pointer (&c);
        }
      g_assert_nonnull (claim);
      g_assert_cmpstr (sp_claim_get_actor_name (claim), ==, s->person);
      g_assert_cmpstr (sp_claim_get_issue_label (claim), ==, s->concept);
      g_assert_cmpint (sp_claim_get_stance (claim), ==, stances[i]);
      g_assert_cmpstr (sp_claim_get_note (claim), ==, (i + 1) % 2 ? "DNA coder: Karl" : "DNA coder: Ines");
    }

  /* actors: affiliation chosen by majority, kind and aliases from the attributes */
  ostrova = find_actor (f->project, "Mayor Ostrova");
  g_assert_cmpstr (sp_actor_get_name (ostrova), ==, "Lina Ostrova");
  g_assert_cmpint (sp_actor_get_kind (ostrova), ==, SP_ACTOR_KIND_PERSON);
  g_assert_cmpstr (sp_actor_get_affiliation_name (ostrova), ==, "Harbour Council");
  g_assert_cmpuint (g_strv_length ((GStrv)sp_actor_get_aliases (ostrova)), ==, 2);
  council = find_actor (f->project, "Harbour Council");
  g_assert_cmpint (sp_actor_get_kind (council), ==, SP_ACTOR_KIND_GROUP);
  freight = find_actor (f->project, "Coastline Freight");
  g_assert_cmpint (sp_actor_get_kind (freight), ==, SP_ACTOR_KIND_ORGANISATION);

  /* issues: a valid key, the concept as label and proposition, aliases as keywords */
  g_assert_true (sp_project_find_issue (f->project, "the-ferry-levy-should-be-scrapped", &id, NULL));
  levy = sp_project_get_issue (f->project, id, NULL);
  g_assert_cmpstr (sp_issue_get_proposition (levy), ==, DNA_FIXTURE_LEVY);
  g_assert_cmpuint (g_strv_length ((GStrv)sp_issue_get_keywords (levy)), ==, 2);
}

static void
test_fixture_integer (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpDnaReport) report = import_path (f->project, f->dna, &error);
  g_autoptr(GListModel) claims = NULL;
  g_autoptr(SpActor) ostrova = NULL;
  int sum = 0, strong = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (report->n_claims, ==, 5);
  g_assert_cmpuint (report->n_actors, ==, 6);   /* the out-of-range statement named Regional Party */
  g_assert_true (has_line (report->skipped, "Statements whose integer agreement is outside −2 … +2: 1"));
  g_assert_false (has_line (report->notes, "coded with 2 organizations"));

  claims = sp_project_list_claims (f->project, 0, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(SpClaim) claim = g_list_model_get_item (claims, i);

      sum += sp_claim_get_stance (claim);
      strong += ABS (sp_claim_get_stance (claim)) == 2;
    }
  g_assert_cmpint (sum, ==, 2 + 1 + 1 - 2 - 1);
  g_assert_cmpint (strong, ==, 2);
  ostrova = find_actor (f->project, "Lina Ostrova");
  g_assert_cmpstr (sp_actor_get_affiliation_name (ostrova), ==, "Harbour Council");
}

static void
test_undo_and_again (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpDnaReport) report = import_path (f->project, f->dna, &error);
  g_autoptr(SpDnaReport) again = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_true (sp_project_can_undo (f->project));
  g_assert_cmpstr (sp_project_get_undo_label (f->project), ==, "Import DNA Project");

  g_assert_true (sp_project_undo (f->project, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sp_test_count_rows (f->project, "SELECT count(*) FROM documents"), ==, 0);
  g_assert_cmpint (sp_test_count_rows (f->project, "SELECT count(*) FROM claims"), ==, 0);
  g_assert_cmpint (sp_test_count_rows (f->project, "SELECT count(*) FROM actors"), ==, 0);
  g_assert_cmpint (sp_test_count_rows (f->project, "SELECT count(*) FROM issues"), ==, 0);

  g_assert_true (sp_project_redo (f->project, &error));
  g_assert_cmpint (sp_test_count_rows (f->project, "SELECT count(*) FROM documents"), ==, 2);
  g_assert_cmpint (sp_test_count_rows (f->project, "SELECT count(*) FROM claims"), ==, 6);

  /* the same file again adds nothing twice */
  again = import_path (f->project, f->dna, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->n_documents, ==, 0);
  g_assert_cmpuint (again->n_documents_present, ==, 2);
  g_assert_cmpuint (again->n_claims, ==, 0);
  g_assert_cmpint (sp_test_count_rows (f->project, "SELECT count(*) FROM claims"), ==, 6);
}

/* The DNA file is someone else's: not a byte of it changes, nothing appears beside it */
static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *before = sp_test_sha256_file (f->dna);
  g_autofree char *after = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpDnaReport) report = NULL;
  const char *name;

  g_assert_cmpint (g_chmod (f->dna, 0444), ==, 0);
  report = import_path (f->project, f->dna, &error);
  g_assert_no_error (error);
  after = sp_test_sha256_file (f->dna);
  g_assert_cmpstr (before, ==, after);

  dir = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_prefix (name, "harbour.dna-"));
}

typedef struct
{
  const char *sql;       /* run on the fixture to break it */
  const char *message;   /* a part of the refusal */
} Breakage;

static const Breakage breakages[] = {
  { "DROP TABLE SETTINGS", "no table SETTINGS" },
  { "ALTER TABLE DOCUMENTS DROP COLUMN Section", "table DOCUMENTS has no field Section" },
  { "ALTER TABLE STATEMENTS RENAME TO S2; CREATE VIEW STATEMENTS AS SELECT * FROM S2", "table STATEMENTS is not a table" },
  { "UPDATE DOCUMENTS SET Text = x'00ff' WHERE ID = 1", "table DOCUMENTS, field Text: not text" },
  { "UPDATE DOCUMENTS SET Text = CAST(x'41ff42' AS TEXT) WHERE ID = 1", "field Text: the text is not valid UTF-8" },
  { "UPDATE STATEMENTS SET Start = 'x' WHERE ID = 1", "table STATEMENTS, field Start: not a whole number" },
  { "UPDATE SETTINGS SET Value = '4.1' WHERE Property = 'version'", "DNA version “4.1” is not one Standpoint reads" },
  { "UPDATE STATEMENTTYPES SET Label = 'Other' WHERE ID = 1", "no “DNA Statement” type" },
  { "DROP TABLE ENTITIES; DROP TABLE ATTRIBUTEVALUES", "neither table ENTITIES nor table ATTRIBUTES" },
};

static void
test_hostile (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *garbage = g_build_filename (f->dir, "garbage.dna", NULL);
  g_autofree char *wal = g_strconcat (f->dna, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpDnaReport) report = NULL;

  g_assert_true (g_file_set_contents (garbage, "no database here, just words", -1, NULL));
  g_assert_null (sp_dna_file_read (garbage, NULL, &error));
  g_assert_error (error, SP_DNA_ERROR, SP_DNA_ERROR_NOT_DNA);
  g_assert_nonnull (strstr (error->message, "garbage.dna: not a DNA project (not an SQLite database)"));
  g_clear_error (&error);

  g_assert_null (sp_dna_file_read (f->dir, NULL, &error));
  g_assert_nonnull (strstr (error->message, "not a regular file"));
  g_clear_error (&error);

  /* changes DNA has not written back are not read half-way */
  g_assert_true (g_file_set_contents (wal, "pending", -1, NULL));
  g_assert_null (sp_dna_file_read (f->dna, NULL, &error));
  g_assert_error (error, SP_DNA_ERROR, SP_DNA_ERROR_BUSY);
  g_clear_error (&error);
  g_unlink (wal);

  for (guint i = 0; i < G_N_ELEMENTS (breakages); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/broken-%u.dna", f->dir, i);

      dna_fixture_write (path, FALSE);
      dna_fixture_exec (path, breakages[i].sql);
      g_assert_null (sp_dna_file_read (path, NULL, &error));
      g_assert_nonnull (error);
      if (strstr (error->message, breakages[i].message) == NULL)
        g_error ("%s: “%s” does not say “%s”", breakages[i].sql, error->message, breakages[i].message);
      g_assert_null (strchr (error->message, '\n'));
      g_clear_error (&error);
    }

  /* a span past its document's end skips the statement, and says so */
  dna_fixture_exec (f->dna, "UPDATE STATEMENTS SET Start = 10, Stop = 100000 WHERE ID = 3");
  report = import_path (f->project, f->dna, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_claims, ==, 5);
  g_assert_true (has_line (report->skipped, "Statements whose span lies outside their document's text: 1"));
}

static void
test_bytes (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SpDnaFile) file = NULL;
  g_autofree char *contents = NULL;
  gsize size;

  g_assert_true (g_file_get_contents (f->dna, &contents, &size, NULL));
  bytes = g_bytes_new (contents, size);
  file = sp_dna_file_read_bytes ("in memory", bytes, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (file->schema, ==, 3);
  g_assert_cmpuint (file->documents->len, ==, 2);
  g_assert_cmpuint (file->statements->len, ==, 7);
  g_assert_cmpuint (file->n_skipped_statements, ==, 1);
}

/* What DNA's own sample should give, computed from the file with plain SQL */
typedef struct
{
  char *quote;
  char *person;
  char *organisation;
  char *concept;
  int   sign;
} Expected;

static char *
utf16_slice (const char *text,
             gint64      start,
             gint64      stop)
{
  glong n = 0;
  g_autofree gunichar2 *units = g_utf8_to_utf16 (text, -1, NULL, &n, NULL);

  g_assert_cmpint (stop, <=, n);
  return g_utf16_to_utf8 (units + start, stop - start, NULL, NULL, NULL);
}

static GPtrArray *
expected_from_sample (const char *path,
                      gboolean    v2)
{
  GPtrArray *rows = g_ptr_array_new ();
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  const char *sql3 =
    "SELECT d.Text, s.Start, s.Stop,"
    " (SELECT e.Value FROM DATASHORTTEXT x JOIN ENTITIES e ON e.ID = x.Entity WHERE x.StatementId = s.ID AND x.VariableId = 1),"
    " (SELECT e.Value FROM DATASHORTTEXT x JOIN ENTITIES e ON e.ID = x.Entity WHERE x.StatementId = s.ID AND x.VariableId = 2),"
    " (SELECT e.Value FROM DATASHORTTEXT x JOIN ENTITIES e ON e.ID = x.Entity WHERE x.StatementId = s.ID AND x.VariableId = 3),"
    " (SELECT Value FROM DATABOOLEAN b WHERE b.StatementId = s.ID AND b.VariableId = 4)"
    " FROM STATEMENTS s JOIN DOCUMENTS d ON d.ID = s.DocumentId WHERE s.StatementTypeId = 1";
  const char *sql2 =
    "SELECT d.Text, s.Start, s.Stop,"
    " (SELECT Value FROM DATASHORTTEXT x WHERE x.StatementId = s.ID AND x.VariableId = 1),"
    " (SELECT Value FROM DATASHORTTEXT x WHERE x.StatementId = s.ID AND x.VariableId = 2),"
    " (SELECT Value FROM DATASHORTTEXT x WHERE x.StatementId = s.ID AND x.VariableId = 3),"
    " (SELECT Value FROM DATABOOLEAN b WHERE b.StatementId = s.ID AND b.VariableId = 4)"
    " FROM STATEMENTS s JOIN DOCUMENTS d ON d.ID = s.DocumentId WHERE s.StatementTypeId = 1";

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, v2 ? sql2 : sql3, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Expected *e = g_new0 (Expected, 1);

      e->quote = utf16_slice ((const char *)sqlite3_column_text (stmt, 0),
                              sqlite3_column_int64 (stmt, 1), sqlite3_column_int64 (stmt, 2));
      e->person = g_strdup ((const char *)sqlite3_column_text (stmt, 3));
      e->organisation = g_strdup ((const char *)sqlite3_column_text (stmt, 4));
      e->concept = g_strdup ((const char *)sqlite3_column_text (stmt, 5));
      e->sign = sqlite3_column_int (stmt, 6) == 1 ? 1 : -1;
      g_ptr_array_add (rows, e);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return rows;
}

static void
check_sample (const char *sub,
              gboolean    v2)
{
  g_autofree char *corpus = sp_test_corpus_dir ("dna-sample");
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(SpProject) project = NULL;
  g_autoptr(SpDnaReport) report = NULL;
  g_autoptr(GListModel) claims = NULL;
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GError) error = NULL;
  guint matched = 0;

  if (corpus == NULL)
    return;

  path = g_build_filename (corpus, sub, NULL);
  dir = sp_test_make_tmpdir ();
  project = sp_test_new_project (dir, "sample.standpoint");
  report = import_path (project, path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_documents, ==, 7);
  g_assert_cmpuint (report->n_claims, ==, 40);
  g_assert_cmpuint (report->n_skipped, ==, 1);   /* the annotation */
  g_assert_cmpuint (report->n_actors, ==, 14);
  g_assert_cmpuint (report->n_issues, ==, 6);

  expected = expected_from_sample (path, v2);
  g_assert_cmpuint (expected->len, ==, 40);
  claims = sp_project_list_claims (project, 0, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (claims), ==, 40);

  /* every statement has its claim: the same words, actor, affiliation, issue and sign */
  for (guint i = 0; i < expected->len; i++)
    {
      Expected *e = g_ptr_array_index (expected, i);

      for (guint j = 0; j < g_list_model_get_n_items (claims); j++)
        {
          g_autoptr(SpClaim) claim = g_list_model_get_item (claims, j);

          if (g_str_equal (sp_claim_get_quote (claim), e->quote) &&
              g_str_equal (sp_claim_get_actor_name (claim), e->person) &&
              g_str_equal (sp_claim_get_group_name (claim), e->organisation) &&
              g_str_equal (sp_claim_get_issue_label (claim), e->concept) &&
              sp_claim_get_stance (claim) == e->sign)
            {
              matched++;
              break;
            }
        }
      g_free (e->quote);
      g_free (e->person);
      g_free (e->organisation);
      g_free (e->concept);
      g_free (e);
    }
  g_ptr_array_set_size (expected, 0);
  g_assert_cmpuint (matched, ==, 40);

  g_clear_object (&project);
  sp_test_remove_tree (dir);
}

static void
test_sample_v3 (void)
{
  check_sample ("sample.dna", FALSE);
}

static void
test_sample_v2 (void)
{
  check_sample ("rDNA2-extdata/sample.dna", TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/interop/dna/offsets", test_offsets);
  g_test_add ("/interop/dna/fixture-boolean", Fixture, GINT_TO_POINTER (FALSE), fixture_set_up, test_fixture_boolean, fixture_tear_down);
  g_test_add ("/interop/dna/fixture-integer", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_fixture_integer, fixture_tear_down);
  g_test_add ("/interop/dna/undo-and-again", Fixture, GINT_TO_POINTER (FALSE), fixture_set_up, test_undo_and_again, fixture_tear_down);
  g_test_add ("/interop/dna/read-only", Fixture, GINT_TO_POINTER (FALSE), fixture_set_up, test_read_only, fixture_tear_down);
  g_test_add ("/interop/dna/hostile", Fixture, GINT_TO_POINTER (FALSE), fixture_set_up, test_hostile, fixture_tear_down);
  g_test_add ("/interop/dna/bytes", Fixture, GINT_TO_POINTER (FALSE), fixture_set_up, test_bytes, fixture_tear_down);
  g_test_add_func ("/interop/dna/sample-v3", test_sample_v3);
  g_test_add_func ("/interop/dna/sample-v2", test_sample_v2);

  return g_test_run ();
}
