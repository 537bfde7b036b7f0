/* sp-project-text-check.c
 *
 * Every text a project holds is UTF-8 when Standpoint writes it; the window, the CLI and the
 * exports rely on that. A file damaged on disk, or written by another program, can hold
 * anything, and SQLite hands bytes back as they are. So opening reads every row of every
 * table once:
 *
 *  - text that is only shown (a document's file name, metadata and body, a claim's note, a
 *    suggestion's explanation; older versions stored file names as the file system gave
 *    them) is noted, and the store reads it with U+FFFD in place of the bad bytes;
 *  - any other text (names, aliases, keys, the codebook, the values the schema constrains)
 *    makes the file refused as damaged, naming the table, row and column, the way a file
 *    that fails SQLite's own quick_check is refused: a name that is not text cannot follow
 *    the rule for names.
 */
#define G_LOG_DOMAIN "sp-project-text-check"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-project-private.h"

typedef struct
{
  const char         *table;
  const char         *sql;
  const char * const *shown;  /* columns only shown, read with U+FFFD; NULL: none; {"*"}: all */
} TextTable;

#define MAX_IDS_NOTED 5

static const char * const all_columns[] = { "*", NULL };
static const char * const claim_shown[] = { "note", NULL };
static const char * const suggestion_shown[] = { "explanation", "features", NULL };
static const char * const speaker_shown[] = { "name", "title", "affiliation", NULL };
static const char * const removal_shown[] = { "text", "reason", NULL };

/* Every table of the current schema but the full-text index (whose content is documents)
 * and its shadow tables; tests/test-open.c checks that none is missing. Tables an older
 * version lacks are passed over. */
static const TextTable text_tables[] = {
  { "documents", "SELECT * FROM documents", all_columns },
  { "actors", "SELECT * FROM actors" },
  { "actor_aliases", "SELECT * FROM actor_aliases" },
  { "actor_keys", "SELECT * FROM actor_keys" },
  { "issues", "SELECT * FROM issues" },
  { "issue_keywords", "SELECT * FROM issue_keywords" },
  { "claims", "SELECT * FROM claims", claim_shown },
  { "suggestions", "SELECT * FROM suggestions", suggestion_shown },
  { "removals", "SELECT * FROM removals", removal_shown },
  { "document_fingerprints", "SELECT * FROM document_fingerprints" },
  { "suggestion_model", "SELECT * FROM suggestion_model" },
  { "speakers", "SELECT * FROM speakers", speaker_shown },
};

/* Returns: (transfer none): the table names _sp_project_check_text() reads, %NULL-terminated */
const char * const *
_sp_project_text_checked_tables (void)
{
  static const char *names[G_N_ELEMENTS (text_tables) + 1];

  for (guint i = 0; i < G_N_ELEMENTS (text_tables); i++)
    names[i] = text_tables[i].table;

  return names;
}

static gboolean
table_exists (sqlite3     *db,
              const char  *table,
              gboolean    *exists,
              GError     **error)
{
  g_autoptr(SpStmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _sp_sqlite_set_error (db, error, sqlite3_extended_errcode (db),
                            _("Could not read the project's tables"));
      return FALSE;
    }

  *exists = rc == SQLITE_ROW;
  return TRUE;
}

static gboolean
is_shown_column (const TextTable *table,
                 const char      *column)
{
  if (table->shown == NULL)
    return FALSE;

  return g_str_equal (table->shown[0], "*") || g_strv_contains (table->shown, column);
}

static gboolean
check_table (sqlite3          *db,
             const char       *path,
             const TextTable  *table,
             GPtrArray        *notes,
             GError          **error)
{
  g_autoptr(SpStmt) stmt = NULL;
  g_autoptr(GString) ids = g_string_new (NULL);
  guint n_rows = 0;
  int rc;

  rc = sqlite3_prepare_v2 (db, table->sql, -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int n_columns = sqlite3_column_count (stmt);
      gboolean noted = FALSE;

      for (int i = 0; i < n_columns; i++)
        {
          const char *text;
          const char *column;
          int length;

          if (sqlite3_column_type (stmt, i) != SQLITE_TEXT)
            continue;

          text = (const char *)sqlite3_column_text (stmt, i);
          length = sqlite3_column_bytes (stmt, i);
          if (text == NULL)
            {
              rc = SQLITE_NOMEM;
              break;
            }

          /* A NUL inside the text would cut it short wherever it is read as a C string */
          if (g_utf8_validate (text, length, NULL) && (gsize)length == strlen (text))
            continue;

          column = sqlite3_column_name (stmt, i);
          if (!is_shown_column (table, column))
            {
              g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_CORRUPT,
                           _("%s is damaged: row %lld of “%s” holds text that is not UTF-8 in its “%s” column"),
                           path, (long long) sqlite3_column_int64 (stmt, 0), table->table, column);
              return FALSE;
            }

          if (!noted)
            {
              if (n_rows < MAX_IDS_NOTED)
                g_string_append_printf (ids, "%s%lld", n_rows > 0 ? ", " : "",
                                        (long long) sqlite3_column_int64 (stmt, 0));
              else if (n_rows == MAX_IDS_NOTED)
                g_string_append (ids, ", …");
              n_rows++;
              noted = TRUE;
            }
        }

      if (rc == SQLITE_NOMEM)
        break;
      rc = SQLITE_OK;
    }

  if (rc != SQLITE_DONE)
    {
      _sp_sqlite_set_error (db, error, rc == SQLITE_OK ? sqlite3_extended_errcode (db) : rc,
                            _("Could not read the project's text"));
      return FALSE;
    }

  if (n_rows > 0)
    g_ptr_array_add (notes,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%u row of “%s” (id %s) holds text that is not UTF-8; it is shown with � in place of the bytes that are not",
                                                   "%u rows of “%s” (ids %s) hold text that is not UTF-8; it is shown with � in place of the bytes that are not",
                                                   n_rows),
                                      n_rows, table->table, ids->str));

  return TRUE;
}

/*
 * _sp_project_check_text:
 *
 * Adds a note per table whose shown text is not all UTF-8, and refuses, with
 * SP_PROJECT_ERROR_CORRUPT naming the table, row and column, a project holding any other text
 * that is not UTF-8 or that has a NUL inside. Reads only.
 */
gboolean
_sp_project_check_text (sqlite3     *db,
                        const char  *path,
                        GPtrArray   *notes,
                        GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (text_tables); i++)
    {
      gboolean exists = FALSE;

      if (!table_exists (db, text_tables[i].table, &exists, error))
        return FALSE;
      if (exists && !check_table (db, path, &text_tables[i], notes, error))
        return FALSE;
    }

  return TRUE;
}
