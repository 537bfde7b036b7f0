/* dna-fixture.c
 *
 * Writes small DNA 3.x projects for the tests: two invented articles about a harbour town
 * (our own text, with characters outside the BMP before and inside the statements, so that
 * DNA's UTF-16 offsets differ from character offsets), statements of the standard type with a
 * person coded with two organisations, an annotation, a statement with no concept and an
 * extra variable, and entity attributes.
 */
#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "dna-fixture.h"

static const char schema[] =
  "CREATE TABLE SETTINGS(Property TEXT PRIMARY KEY, Value TEXT NOT NULL);"
  "CREATE TABLE CODERS(ID INTEGER NOT NULL PRIMARY KEY, Name TEXT NOT NULL);"
  "CREATE TABLE DOCUMENTS(ID INTEGER NOT NULL PRIMARY KEY, Title TEXT NOT NULL, Text TEXT NOT NULL,"
  " Coder INTEGER, Author TEXT NOT NULL DEFAULT '', Source TEXT NOT NULL DEFAULT '',"
  " Section TEXT NOT NULL DEFAULT '', Notes TEXT NOT NULL DEFAULT '', Type TEXT NOT NULL DEFAULT '',"
  " Date INTEGER NOT NULL);"
  "CREATE TABLE STATEMENTTYPES(ID INTEGER NOT NULL PRIMARY KEY, Label TEXT NOT NULL);"
  "CREATE TABLE VARIABLES(ID INTEGER NOT NULL PRIMARY KEY, Variable TEXT NOT NULL,"
  " DataType TEXT NOT NULL, StatementTypeId INTEGER);"
  "CREATE TABLE STATEMENTS(ID INTEGER NOT NULL PRIMARY KEY, StatementTypeId INTEGER,"
  " DocumentId INTEGER, Start INTEGER NOT NULL, Stop INTEGER NOT NULL, Coder INTEGER);"
  "CREATE TABLE DATABOOLEAN(ID INTEGER PRIMARY KEY NOT NULL, StatementId INTEGER NOT NULL,"
  " VariableId INTEGER NOT NULL, Value INTEGER NOT NULL DEFAULT 1);"
  "CREATE TABLE DATAINTEGER(ID INTEGER PRIMARY KEY NOT NULL, StatementId INTEGER NOT NULL,"
  " VariableId INTEGER NOT NULL, Value INTEGER NOT NULL DEFAULT 0);"
  "CREATE TABLE ENTITIES(ID INTEGER PRIMARY KEY NOT NULL, VariableId INTEGER NOT NULL,"
  " Value TEXT NOT NULL DEFAULT '', ChildOf INTEGER);"
  "CREATE TABLE DATASHORTTEXT(ID INTEGER PRIMARY KEY NOT NULL, StatementId INTEGER NOT NULL,"
  " VariableId INTEGER NOT NULL, Entity INTEGER NOT NULL);"
  "CREATE TABLE DATALONGTEXT(ID INTEGER PRIMARY KEY NOT NULL, StatementId INTEGER NOT NULL,"
  " VariableId INTEGER NOT NULL, Value TEXT DEFAULT '');"
  "CREATE TABLE ATTRIBUTEVARIABLES(ID INTEGER PRIMARY KEY NOT NULL, VariableId INTEGER NOT NULL,"
  " AttributeVariable TEXT NOT NULL);"
  "CREATE TABLE ATTRIBUTEVALUES(ID INTEGER PRIMARY KEY NOT NULL, EntityId INTEGER NOT NULL,"
  " AttributeVariableId INTEGER NOT NULL, AttributeValue TEXT NOT NULL DEFAULT '');"
  "INSERT INTO SETTINGS VALUES ('version', '3.0.7'), ('date', '2022-06-10');"
  "INSERT INTO CODERS VALUES (1, 'Ines'), (2, 'Karl');"
  "INSERT INTO STATEMENTTYPES VALUES (1, 'DNA Statement'), (2, 'Annotation');"
  "INSERT INTO VARIABLES VALUES (1, 'person', 'short text', 1), (2, 'organization', 'short text', 1),"
  " (3, 'concept', 'short text', 1), (4, 'agreement', '%s', 1), (5, 'certainty', 'short text', 1),"
  " (6, 'note', 'long text', 2);"
  "INSERT INTO ATTRIBUTEVARIABLES VALUES (1, 1, 'Type'), (2, 2, 'Type'), (3, 1, 'Alias'), (4, 2, 'Alias'),"
  " (5, 3, 'Alias'), (6, 2, 'Notes');";

const DnaFixtureDocument dna_fixture_documents[DNA_FIXTURE_N_DOCUMENTS] = {
  { "Harbour council debates the ferry levy",
    "The harbour council met on Monday. \U0001F6A2 Mayor Lina Ostrova said the ferry levy must be "
    "scrapped. \U0001D504 spokesman for Coastline Freight agreed that the levy should go. Ostrova "
    "added: the new pier will be built by 2030.",
    "Port Gazette", "Anna Reed", 1717200000 /* 2024-06-01 */ },
  { "Dockworkers push back",
    "Dockworkers \U0001F6F3 rejected the pier plan on Friday. Their union leader, Mira Holt, said the "
    "ferry levy funds jobs and must stay. Lina Ostrova, speaking for the regional party, held her ground.",
    "Coast Radio", "", 1718409600 /* 2024-06-15 */ },
};

/* person, organisation, concept, agreement (boolean, integer), document, quote, type */
const DnaFixtureStatement dna_fixture_statements[DNA_FIXTURE_N_STATEMENTS] = {
  { "Lina Ostrova", "Harbour Council", DNA_FIXTURE_LEVY, 1, 2, 1, "the ferry levy must be scrapped", 1 },
  { "Tomas Verde", "Coastline Freight", DNA_FIXTURE_LEVY, 1, 1, 1,
    "\U0001D504 spokesman for Coastline Freight agreed that the levy should go", 1 },
  { "Lina Ostrova", "Harbour Council", DNA_FIXTURE_PIER, 1, 1, 1, "the new pier will be built by 2030", 1 },
  { "Mira Holt", "Dockworkers Union", DNA_FIXTURE_LEVY, 0, -2, 2, "the ferry levy funds jobs and must stay", 1 },
  { "Mira Holt", "Dockworkers Union", DNA_FIXTURE_PIER, 0, -1, 2, "rejected the pier plan", 1 },
  { "Lina Ostrova", "Regional Party", DNA_FIXTURE_LEVY, 1, 7, 2, "held her ground", 1 },
  { "", "", "", 0, 0, 1, "The harbour council met on Monday.", 2 },
  { "Mira Holt", "Dockworkers Union", "", 1, 1, 2, "Their union leader", 1 },
};

static gint64
utf16_length (const char *text,
              gssize      bytes)
{
  glong n = 0;
  g_autofree gunichar2 *units = g_utf8_to_utf16 (text, bytes, NULL, &n, NULL);

  g_assert_nonnull (units);
  return n;
}

/* The statement's span in UTF-16 units, the way DNA stores it */
void
dna_fixture_span (guint   statement,
                  gint64 *start,
                  gint64 *stop)
{
  const DnaFixtureStatement *s = &dna_fixture_statements[statement];
  const char *text = dna_fixture_documents[s->document - 1].text;
  const char *found = strstr (text, s->quote);

  g_assert_nonnull (found);
  *start = utf16_length (text, found - text);
  *stop = *start + utf16_length (s->quote, -1);
}

static gint64
entity (sqlite3    *db,
        int         variable,
        const char *value)
{
  sqlite3_stmt *stmt = NULL;
  gint64 id = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT ID FROM ENTITIES WHERE VariableId = ?1 AND Value = ?2", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int (stmt, 1, variable);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  if (id != 0)
    return id;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO ENTITIES (VariableId, Value) VALUES (?1, ?2)", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int (stmt, 1, variable);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  return sqlite3_last_insert_rowid (db);
}

static void
exec (sqlite3    *db,
      const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static void
run (sqlite3    *db,
     const char *sql,
     gint64      a,
     gint64      b,
     gint64      c,
     const char *text)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  sqlite3_bind_int64 (stmt, 3, c);
  if (text != NULL)
    sqlite3_bind_text (stmt, 4, text, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

/**
 * dna_fixture_write:
 * @integer_agreement: agreement as an integer variable (−2 … +2 and one out of range)
 *   rather than a boolean
 */
void
dna_fixture_write (const char *path,
                   gboolean    integer_agreement)
{
  g_autofree char *sql = g_strdup_printf (schema, integer_agreement ? "integer" : "boolean");
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  exec (db, sql);

  for (guint i = 0; i < DNA_FIXTURE_N_DOCUMENTS; i++)
    {
      const DnaFixtureDocument *d = &dna_fixture_documents[i];
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO DOCUMENTS (ID, Title, Text, Coder, Author, Source, Section, Date, Type) "
                                               "VALUES (?1, ?2, ?3, 1, ?4, ?5, 'Local', ?6, ?7)", -1, &stmt, NULL), ==, SQLITE_OK);
      sqlite3_bind_int (stmt, 1, i + 1);
      sqlite3_bind_text (stmt, 2, d->title, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, d->text, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, d->author, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, d->source, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 6, d->date);
      sqlite3_bind_text (stmt, 7, i == 0 ? "Report" : "", -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_finalize (stmt);
    }

  for (guint i = 0; i < DNA_FIXTURE_N_STATEMENTS; i++)
    {
      const DnaFixtureStatement *s = &dna_fixture_statements[i];
      gint64 id = i + 1, start, stop;

      dna_fixture_span (i, &start, &stop);
      run (db, "INSERT INTO STATEMENTS (ID, StatementTypeId, DocumentId, Start, Stop, Coder) VALUES (?1, ?2, ?3, 0, 1, 1 + (?1 % 2))", id, s->type, s->document, NULL);
      run (db, "UPDATE STATEMENTS SET Start = ?2, Stop = ?3 WHERE ID = ?1", id, start, stop, NULL);
      if (s->type != 1)
        {
          run (db, "INSERT INTO DATALONGTEXT (StatementId, VariableId, Value) VALUES (?1, ?2, ?4)", id, 6, 0,
               "check the date of the meeting");
          continue;
        }
      run (db, "INSERT INTO DATASHORTTEXT (StatementId, VariableId, Entity) VALUES (?1, ?2, ?3)", id, 1, entity (db, 1, s->person), NULL);
      run (db, "INSERT INTO DATASHORTTEXT (StatementId, VariableId, Entity) VALUES (?1, ?2, ?3)", id, 2, entity (db, 2, s->organisation), NULL);
      run (db, "INSERT INTO DATASHORTTEXT (StatementId, VariableId, Entity) VALUES (?1, ?2, ?3)", id, 3, entity (db, 3, s->concept), NULL);
      if (integer_agreement)
        run (db, "INSERT INTO DATAINTEGER (StatementId, VariableId, Value) VALUES (?1, ?2, ?3)", id, 4, s->integer_agreement, NULL);
      else
        run (db, "INSERT INTO DATABOOLEAN (StatementId, VariableId, Value) VALUES (?1, ?2, ?3)", id, 4, s->boolean_agreement, NULL);
    }
  /* an extra variable with one value, which the import reports as skipped */
  run (db, "INSERT INTO DATASHORTTEXT (StatementId, VariableId, Entity) VALUES (?1, ?2, ?3)", 1, 5,
       entity (db, 5, "high"), NULL);

  /* attributes: kinds, an alias, a type that is no kind, notes, and a concept's aliases */
  run (db, "INSERT INTO ATTRIBUTEVALUES (EntityId, AttributeVariableId, AttributeValue) VALUES (?1, ?2, ?4)",
       entity (db, 1, "Lina Ostrova"), 1, 0, "Person");
  run (db, "INSERT INTO ATTRIBUTEVALUES (EntityId, AttributeVariableId, AttributeValue) VALUES (?1, ?2, ?4)",
       entity (db, 1, "Lina Ostrova"), 3, 0, "L. Ostrova; Mayor Ostrova");
  run (db, "INSERT INTO ATTRIBUTEVALUES (EntityId, AttributeVariableId, AttributeValue) VALUES (?1, ?2, ?4)",
       entity (db, 2, "Coastline Freight"), 2, 0, "Business");
  run (db, "INSERT INTO ATTRIBUTEVALUES (EntityId, AttributeVariableId, AttributeValue) VALUES (?1, ?2, ?4)",
       entity (db, 2, "Coastline Freight"), 6, 0, "A shipping firm");
  run (db, "INSERT INTO ATTRIBUTEVALUES (EntityId, AttributeVariableId, AttributeValue) VALUES (?1, ?2, ?4)",
       entity (db, 2, "Harbour Council"), 2, 0, "group");
  run (db, "INSERT INTO ATTRIBUTEVALUES (EntityId, AttributeVariableId, AttributeValue) VALUES (?1, ?2, ?4)",
       entity (db, 3, DNA_FIXTURE_LEVY), 5, 0, "ferry levy; harbour levy");

  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

void
dna_fixture_exec (const char *path,
                  const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  exec (db, sql);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}
