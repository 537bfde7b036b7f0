/* sp-project-text-check.c
 *
 * Every text a project holds is UTF-8 when Standpoint writes it; the window, the CLI and the
 * exports rely on that. A file damaged on disk, or written by another program, can hold
 * anything, and SQLite hands bytes back as they are. So opening reads every row of every
 * table once and refuses a file holding text that is not UTF-8, naming the table, row and
 * column, the way a file that fails SQLite's own quick_check is refused.
 */
#define G_LOG_DOMAIN "sp-project-text-check"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-project-private.h"

typedef struct
{
  const char *table;
  const char *sql;
} TextTable;

/* Every table of the current schema but the full-text index (whose content is documents)
 * and its shadow tables; tests/test-open.c checks that none is missing. Tables an older
 * version lacks are passed over. */
static const TextTable text_tables[] = {
  { "documents", "SELECT * FROM documents" },
  { "actors", "SELECT * FROM actors" },
  { "actor_aliases", "SELECT * FROM actor_aliases" },
  { "actor_keys", "SELECT * FROM actor_keys" },
  { "issues", "SELECT * FROM issues" },
  { "issue_keywords", "SELECT * FROM issue_keywords" },
  { "claims", "SELECT * FROM claims" },
  { "suggestions", "SELECT * FROM suggestions" },
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
check_table (sqlite3          *db,
             const char       *path,
             const TextTable  *table,
             GError          **error)
{
  g_autoptr(SpStmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, table->sql, -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int n_columns = sqlite3_column_count (stmt);

      for (int i = 0; i < n_columns; i++)
        {
          const char *text;
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
          if (!g_utf8_validate (text, length, NULL) || (gsize)length != strlen (text))
            {
              g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_CORRUPT,
                           _("%s is damaged: row %lld of “%s” holds text that is not UTF-8 in its “%s” column"),
                           path, (long long) sqlite3_column_int64 (stmt, 0), table->table,
                           sqlite3_column_name (stmt, i));
              return FALSE;
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

  return TRUE;
}

/*
 * _sp_project_check_text:
 *
 * Refuses, with SP_PROJECT_ERROR_CORRUPT naming the table, row and column, a project holding
 * text that is not UTF-8 or that has a NUL inside. Reads only.
 */
gboolean
_sp_project_check_text (sqlite3     *db,
                        const char  *path,
                        GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (text_tables); i++)
    {
      gboolean exists = FALSE;

      if (!table_exists (db, text_tables[i].table, &exists, error))
        return FALSE;
      if (exists && !check_table (db, path, &text_tables[i], error))
        return FALSE;
    }

  return TRUE;
}
