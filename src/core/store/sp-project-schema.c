/* sp-project-schema.c
 *
 * The project file's schema as a list of migrations: migrations[n] takes a file from
 * user_version n to n + 1. A new file runs them all; an older file runs the ones it lacks,
 * after sp-project-open.c has made a backup. Never edit a migration that has shipped: add
 * one. A migration is SQL, optionally followed by C code (for what SQLite cannot compute,
 * such as Unicode case folding) and more SQL, all inside the caller's transaction.
 *
 * The same list is the definition of what a project file may hold: opening a file compares
 * its schema with the one these migrations create on an empty database, and refuses a file
 * with anything else in it (_sp_project_schema_validate()).
 *
 * Triggers are not used to keep the full-text index in step, because project files come
 * from anywhere and are opened with SQLITE_DBCONFIG_TRUSTED_SCHEMA off, which forbids
 * virtual tables in triggers. sp-project-documents.c maintains documents_fts itself.
 */
#define G_LOG_DOMAIN "sp-project-schema"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-project-private.h"

static const char migration_1[] =
  "CREATE TABLE documents ("
  "  id INTEGER PRIMARY KEY,"
  "  file_name TEXT NOT NULL,"
  "  title TEXT NOT NULL DEFAULT '',"
  "  date TEXT CHECK (date IS NULL OR date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),"
  "  source TEXT,"
  "  url TEXT,"
  "  author TEXT,"
  "  body TEXT NOT NULL CHECK (length(body) > 0),"
  "  body_length INTEGER NOT NULL CHECK (body_length > 0),"
  "  content_hash TEXT NOT NULL UNIQUE,"
  "  text_hash TEXT NOT NULL UNIQUE,"
  "  imported TEXT NOT NULL"
  ");"
  "CREATE TABLE actors ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),"
  "  kind TEXT NOT NULL CHECK (kind IN ('person', 'organisation', 'state', 'group')),"
  "  affiliation_id INTEGER REFERENCES actors (id) ON DELETE RESTRICT"
  "                 CHECK (affiliation_id IS NULL OR affiliation_id <> id),"
  "  created TEXT NOT NULL,"
  "  updated TEXT NOT NULL"
  ");"
  "CREATE INDEX actors_affiliation ON actors (affiliation_id);"
  "CREATE TABLE actor_aliases ("
  "  id INTEGER PRIMARY KEY,"
  "  actor_id INTEGER NOT NULL REFERENCES actors (id) ON DELETE RESTRICT,"
  "  alias TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(alias)) > 0)"
  ");"
  "CREATE INDEX actor_aliases_actor ON actor_aliases (actor_id);"
  "CREATE TABLE issues ("
  "  id INTEGER PRIMARY KEY,"
  "  key TEXT NOT NULL UNIQUE"
  "      CHECK (length(key) > 0 AND key NOT GLOB '*[^A-Za-z0-9_.-]*'),"
  "  label TEXT NOT NULL CHECK (length(trim(label)) > 0),"
  "  proposition TEXT NOT NULL DEFAULT '',"
  "  created TEXT NOT NULL,"
  "  updated TEXT NOT NULL"
  ");"
  "CREATE TABLE issue_keywords ("
  "  id INTEGER PRIMARY KEY,"
  "  issue_id INTEGER NOT NULL REFERENCES issues (id) ON DELETE RESTRICT,"
  "  keyword TEXT NOT NULL CHECK (length(trim(keyword)) > 0),"
  "  UNIQUE (issue_id, keyword)"
  ");"
  "CREATE TABLE claims ("
  "  id INTEGER PRIMARY KEY,"
  "  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE RESTRICT,"
  "  start_offset INTEGER NOT NULL CHECK (start_offset >= 0),"
  "  end_offset INTEGER NOT NULL CHECK (end_offset > start_offset),"
  "  actor_id INTEGER NOT NULL REFERENCES actors (id) ON DELETE RESTRICT,"
  "  issue_id INTEGER NOT NULL REFERENCES issues (id) ON DELETE RESTRICT,"
  "  stance INTEGER NOT NULL CHECK (stance BETWEEN -2 AND 2),"
  "  origin TEXT NOT NULL CHECK (origin IN ('manual', 'suggested')),"
  "  confidence REAL CHECK (confidence IS NULL OR (confidence >= 0 AND confidence <= 1)),"
  "  note TEXT NOT NULL DEFAULT '',"
  "  created TEXT NOT NULL,"
  "  updated TEXT NOT NULL"
  ");"
  "CREATE INDEX claims_document ON claims (document_id, start_offset);"
  "CREATE INDEX claims_actor ON claims (actor_id);"
  "CREATE INDEX claims_issue ON claims (issue_id);"
  /* Filled by the suggestion engine; a suggestion becomes a claim when accepted. */
  "CREATE TABLE suggestions ("
  "  id INTEGER PRIMARY KEY,"
  "  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE RESTRICT,"
  "  start_offset INTEGER NOT NULL CHECK (start_offset >= 0),"
  "  end_offset INTEGER NOT NULL CHECK (end_offset > start_offset),"
  "  actor_id INTEGER NOT NULL REFERENCES actors (id) ON DELETE RESTRICT,"
  "  issue_id INTEGER NOT NULL REFERENCES issues (id) ON DELETE RESTRICT,"
  "  stance INTEGER NOT NULL CHECK (stance BETWEEN -2 AND 2),"
  "  confidence REAL NOT NULL CHECK (confidence >= 0 AND confidence <= 1),"
  "  explanation TEXT NOT NULL DEFAULT '',"
  "  status TEXT NOT NULL DEFAULT 'pending'"
  "         CHECK (status IN ('pending', 'accepted', 'edited', 'rejected')),"
  "  claim_id INTEGER REFERENCES claims (id) ON DELETE SET NULL,"
  "  created TEXT NOT NULL"
  ");"
  "CREATE INDEX suggestions_document ON suggestions (document_id, status);";

/* Full-text index over title and body, kept in step by sp-project-documents.c. */
static const char migration_2[] =
  "CREATE VIRTUAL TABLE documents_fts USING fts5 ("
  "  title, body, content='documents', content_rowid='id',"
  "  tokenize='unicode61 remove_diacritics 2'"
  ");"
  "INSERT INTO documents_fts (documents_fts) VALUES ('rebuild');";

/* The position matrix groups all claims by actor and issue (DESIGN.md: 100,000 claims in
 * under 100 ms). Without this index SQLite walks claims_actor and looks every row up in the
 * table, ten times slower than reading this index alone; it also serves everything
 * claims_actor did. */
static const char migration_3[] =
  "CREATE INDEX claims_actor_issue ON claims (actor_id, issue_id, stance);"
  "DROP INDEX claims_actor;";

/* Names, aliases and issue keys unique under the one rule for names (sp-name.h). SQLite
 * cannot fold Unicode case, so the keys are computed in C: actor_keys holds one row per
 * actor name and alias, so that one UNIQUE index covers both; issues.key_fold is filled for
 * existing rows before its index is made. */
static const char migration_4[] =
  "CREATE TABLE actor_keys ("
  "  id INTEGER PRIMARY KEY,"
  "  key TEXT NOT NULL UNIQUE CHECK (length(key) > 0),"
  "  actor_id INTEGER NOT NULL REFERENCES actors (id) ON DELETE RESTRICT,"
  "  alias_id INTEGER UNIQUE REFERENCES actor_aliases (id) ON DELETE RESTRICT"
  ");"
  "CREATE INDEX actor_keys_actor ON actor_keys (actor_id);"
  "CREATE UNIQUE INDEX actor_keys_name ON actor_keys (actor_id) WHERE alias_id IS NULL;"
  "ALTER TABLE issues ADD COLUMN key_fold TEXT NOT NULL DEFAULT '';";

static const char migration_4_after[] =
  "CREATE UNIQUE INDEX issues_key_fold ON issues (key_fold);";

/* What import learns about a document beyond its text: how its title and date were found,
 * the blocks cleaning took out (to show and put back), its sentences as little-endian
 * guint32 (start, end) character offsets, and in a table of their own, appended in id order
 * and small enough to read whole, a 64-bit fingerprint of its words (near duplicates) and
 * the hashes of its short lines (site furniture recurs across documents):
 * sp-project-fingerprints.c says why they are searched in memory. A document of an older version keeps a date of
 * unknown origin: "text", at half confidence. */
static const char migration_5[] =
  "ALTER TABLE documents ADD COLUMN title_kind TEXT NOT NULL DEFAULT 'headline'"
  "  CHECK (title_kind IN ('headline', 'first-words', 'file-name'));"
  "ALTER TABLE documents ADD COLUMN date_source TEXT NOT NULL DEFAULT 'none'"
  "  CHECK (date_source IN ('none', 'metadata', 'dateline', 'text', 'file', 'analyst'));"
  "ALTER TABLE documents ADD COLUMN date_confidence REAL NOT NULL DEFAULT 0"
  "  CHECK (date_confidence >= 0 AND date_confidence <= 1);"
  "ALTER TABLE documents ADD COLUMN near_duplicate_of INTEGER"
  "  REFERENCES documents (id) ON DELETE RESTRICT"
  "  CHECK (near_duplicate_of IS NULL OR near_duplicate_of <> id);"
  "ALTER TABLE documents ADD COLUMN sentences BLOB"
  "  CHECK (sentences IS NULL OR (typeof (sentences) = 'blob' AND length (sentences) % 8 = 0));"
  "UPDATE documents SET date_source = 'text', date_confidence = 0.5 WHERE date IS NOT NULL;"
  "CREATE INDEX documents_near_duplicate ON documents (near_duplicate_of)"
  "  WHERE near_duplicate_of IS NOT NULL;"
  "CREATE TABLE removals ("
  "  id INTEGER PRIMARY KEY,"
  "  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE RESTRICT,"
  "  body_offset INTEGER NOT NULL CHECK (body_offset >= 0),"
  "  text TEXT NOT NULL CHECK (length (text) > 0),"
  "  reason TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX removals_document ON removals (document_id, body_offset);"
  "CREATE TABLE document_fingerprints ("
  "  document_id INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE RESTRICT,"
  "  simhash INTEGER CHECK (simhash IS NULL OR typeof (simhash) = 'integer'),"
  "  line_hashes BLOB"
  "    CHECK (line_hashes IS NULL OR (typeof (line_hashes) = 'blob' AND length (line_hashes) % 8 = 0))"
  ");";

/* The suggestion engine's proposals and what it learns from the analyst's decisions: a
 * suggestion's sentence, whether it is hedged, the engine's own confidence (the prior; the
 * confidence column becomes the learnt model's) and the features the model reads, one per
 * line. The index finds an earlier decision on the same span, actor and issue: a rejected
 * one is never proposed again. The learnt model is one row of bytes
 * (sp-suggest-model.c reads them, bounds-checked). Speakers the engine saw who are not in
 * the codebook are kept for the analyst to add or dismiss, one row per name under the one
 * rule for names (sp-name.h). */
static const char migration_6[] =
  "ALTER TABLE suggestions ADD COLUMN sentence INTEGER NOT NULL DEFAULT 0"
  "  CHECK (sentence >= 0);"
  "ALTER TABLE suggestions ADD COLUMN conditional INTEGER NOT NULL DEFAULT 0"
  "  CHECK (conditional IN (0, 1));"
  "ALTER TABLE suggestions ADD COLUMN prior REAL NOT NULL DEFAULT 0"
  "  CHECK (prior >= 0 AND prior <= 1);"
  "ALTER TABLE suggestions ADD COLUMN features TEXT NOT NULL DEFAULT '';"
  "UPDATE suggestions SET prior = confidence;"
  "CREATE INDEX suggestions_span ON suggestions"
  "  (document_id, start_offset, end_offset, actor_id, issue_id);"
  "CREATE INDEX suggestions_claim ON suggestions (claim_id) WHERE claim_id IS NOT NULL;"
  "CREATE TABLE suggestion_model ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  model BLOB NOT NULL CHECK (typeof (model) = 'blob'),"
  "  updated TEXT NOT NULL"
  ");"
  "CREATE TABLE speakers ("
  "  id INTEGER PRIMARY KEY,"
  "  key TEXT NOT NULL UNIQUE CHECK (length (key) > 0),"
  "  name TEXT NOT NULL CHECK (length (trim (name)) > 0),"
  "  title TEXT,"
  "  affiliation TEXT,"
  "  mentions INTEGER NOT NULL DEFAULT 0 CHECK (mentions >= 0),"
  "  document_id INTEGER REFERENCES documents (id) ON DELETE RESTRICT,"
  "  dismissed INTEGER NOT NULL DEFAULT 0 CHECK (dismissed IN (0, 1))"
  ");"
  "CREATE INDEX speakers_document ON speakers (document_id) WHERE document_id IS NOT NULL;";

/* Where a document stood in its publication and what kind of text it is ("Opinion",
 * "Testimony"), as exports of other tools give them */
static const char migration_7[] =
  "ALTER TABLE documents ADD COLUMN section TEXT;"
  "ALTER TABLE documents ADD COLUMN document_type TEXT;";

/* How the full-text index merges the segments each commit leaves: by eight of a level at a
 * time rather than FTS5's default four. A segment's terms are rewritten once per level, and
 * levels of four are half again as many as levels of eight: FTS5 indexing the 20,000
 * articles of bench/import-bench takes a fifth less time with eight. A search reads at
 * most seven segments of a level instead of three, which it does in about the same time. */
static const char migration_8[] =
  "INSERT INTO documents_fts (documents_fts, rank) VALUES ('automerge', 8);";

/* How many terms the full-text index holds in memory before it writes them as a segment:
 * 8 MiB rather than FTS5's default 1 MiB, so that a transaction of an import (a batch,
 * at most 8 MB of files, sp-importer.c) writes its terms once, at its commit. With 1 MiB a
 * transaction of 512 press releases wrote several small segments, each to be merged later:
 * writing the 1,796 press releases of bench/import-bench in the import's transactions took
 * a fifth less time with 8 MiB. The memory is taken only while a transaction writes that
 * much, and searches read the same segments either way. */
static const char migration_9[] =
  "INSERT INTO documents_fts (documents_fts, rank) VALUES ('hashsize', 8388608);";

/* Kinds of keyword (SpKeywordKind): 0 a keyword; 1 an opposing keyword, a phrase that names
 * the contrary of the proposition ("neutrality" for "Ukraine should be allowed to
 * join NATO"), so that a statement for it is against the proposition; 2 an excluded phrase,
 * in which a keyword does not stand for the issue ("nuclear weapons" for "weapons"). They
 * share the keyword list; a phrase is of one kind only. */
static const char migration_10[] =
  "ALTER TABLE issue_keywords ADD COLUMN kind INTEGER NOT NULL DEFAULT 0"
  "  CHECK (kind IN (0, 1, 2));";

typedef struct
{
  const char *sql;
  gboolean  (*fill) (sqlite3    *db,
                     GPtrArray  *notes,
                     GError    **error);
  const char *sql_after;
} SpMigration;

static const SpMigration migrations[] = {
  { migration_1, NULL, NULL },
  { migration_2, NULL, NULL },
  { migration_3, NULL, NULL },
  { migration_4, _sp_project_schema_fold_names, migration_4_after },
  { migration_5, NULL, NULL },
  { migration_6, NULL, NULL },
  { migration_7, NULL, NULL },
  { migration_8, NULL, NULL },
  { migration_9, NULL, NULL },
  { migration_10, NULL, NULL },
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == SP_PROJECT_SCHEMA_VERSION);

static gboolean
exec_migration_sql (sqlite3     *db,
                    const char  *sql,
                    int          version,
                    GError     **error)
{
  g_autofree char *context = NULL;

  if (sql == NULL || sqlite3_exec (db, sql, NULL, NULL, NULL) == SQLITE_OK)
    return TRUE;

  context = g_strdup_printf (_("Could not update the project to version %d"), version);
  _sp_sqlite_set_error (db, error, sqlite3_extended_errcode (db), context);
  return FALSE;
}

/*
 * _sp_project_schema_migrate:
 * @notes: (nullable): where a migration reports what the user should know (names it had to
 *   rename), one line each
 *
 * Runs the migrations from @from_version up to @to_version inside the caller's
 * transaction and records the new user_version. PRAGMA user_version takes no parameter,
 * which is why its statement is the one place that is formatted; the value is an integer
 * from the table above, never input.
 */
gboolean
_sp_project_schema_migrate (sqlite3    *db,
                            int         from_version,
                            int         to_version,
                            GPtrArray  *notes,
                            GError    **error)
{
  g_autofree char *pragma = NULL;

  g_return_val_if_fail (from_version >= 0, FALSE);
  g_return_val_if_fail (to_version <= SP_PROJECT_SCHEMA_VERSION, FALSE);

  for (int v = from_version; v < to_version; v++)
    {
      const SpMigration *m = &migrations[v];

      if (!exec_migration_sql (db, m->sql, v + 1, error) ||
          (m->fill != NULL && !m->fill (db, notes, error)) ||
          !exec_migration_sql (db, m->sql_after, v + 1, error))
        return FALSE;
    }

  pragma = g_strdup_printf ("PRAGMA user_version = %d", to_version);
  if (sqlite3_exec (db, pragma, NULL, NULL, NULL) != SQLITE_OK)
    {
      _sp_sqlite_set_error (db, error, sqlite3_extended_errcode (db),
                            _("Could not record the project version"));
      return FALSE;
    }

  return TRUE;
}
