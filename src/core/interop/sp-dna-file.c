/* sp-dna-file.c
 *
 * Reads a DNA project (a SQLite database written by the Discourse Network Analyzer) into an
 * SpDnaFile. The database is someone else's: it is opened read-only and immutable, so that
 * SQLite writes nothing beside it either, and a file whose -wal or -journal holds changes
 * DNA has not written back is refused rather than read half-way. Every table and column the
 * reader uses is checked first, every value's type is checked as it is read, and the sizes
 * are bounded (sp-dna-file.h), so that a crafted file gets one line naming what is wrong.
 */
#define G_LOG_DOMAIN "sp-dna-file"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "sp-dna-file.h"

G_DEFINE_QUARK (sp-dna-error-quark, sp_dna_error)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

#include "sp-dna-file-private.h"


static void
variable_free (gpointer data)
{
  Variable *variable = data;

  g_free (variable->name);
  g_free (variable->data_type);
  g_free (variable);
}

static void
document_free (gpointer data)
{
  SpDnaDocument *document = data;

  g_free (document->title);
  g_free (document->text);
  g_free (document->author);
  g_free (document->source);
  g_free (document->section);
  g_free (document->type);
  g_free (document->notes);
  g_free (document);
}

static void
statement_free (gpointer data)
{
  SpDnaStatement *statement = data;

  g_free (statement->coder);
  g_free (statement->person);
  g_free (statement->organisation);
  g_free (statement->concept);
  g_free (statement);
}

static void
entity_free (gpointer data)
{
  SpDnaEntity *entity = data;

  g_free (entity->type);
  g_free (entity->alias);
  g_free (entity->notes);
  g_free (entity);
}

static void
skip_free (gpointer data)
{
  SpDnaSkip *skip = data;

  g_free (skip->what);
  g_free (skip);
}

void
sp_dna_file_free (SpDnaFile *self)
{
  if (self == NULL)
    return;

  g_free (self->name);
  g_free (self->version);
  g_clear_pointer (&self->documents, g_ptr_array_unref);
  g_clear_pointer (&self->statements, g_ptr_array_unref);
  g_clear_pointer (&self->entities, g_hash_table_unref);
  g_clear_pointer (&self->skipped, g_ptr_array_unref);
  g_free (self);
}

void
_sp_dna_reader_clear (Reader *r)
{
  if (r->db != NULL)
    sqlite3_close_v2 (r->db);
  g_clear_pointer (&r->variables, g_hash_table_unref);
  g_clear_pointer (&r->types, g_hash_table_unref);
  g_clear_pointer (&r->statements, g_hash_table_unref);
}

static void
add_skip (SpDnaFile  *file,
          const char *what,
          guint       count)
{
  SpDnaSkip *skip;

  for (guint i = 0; i < file->skipped->len; i++)
    {
      skip = g_ptr_array_index (file->skipped, i);
      if (g_str_equal (skip->what, what))
        {
          skip->count += count;
          return;
        }
    }

  skip = g_new0 (SpDnaSkip, 1);
  skip->what = g_strdup (what);
  skip->count = count;
  g_ptr_array_add (file->skipped, skip);
}

gboolean
_sp_dna_sqlite_failed (Reader      *r,
               int          rc,
               const char  *table,
               GError     **error)
{
  int code = rc & 0xff;

  if (code == SQLITE_TOOBIG)
    g_set_error (error, SP_DNA_ERROR, SP_DNA_ERROR_TOO_LARGE,
                 _("%s: table %s holds a value over %d MB"), r->file->name, table,
                 SP_DNA_MAX_TEXT_BYTES >> 20);
  else if (code == SQLITE_INTERRUPT && g_cancellable_set_error_if_cancelled (r->cancellable, error))
    ;
  else if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
    g_set_error (error, SP_DNA_ERROR, SP_DNA_ERROR_NOT_DNA,
                 _("%s: table %s: the database is damaged (%s)"), r->file->name, table,
                 sqlite3_errstr (rc));
  else
    g_set_error (error, SP_DNA_ERROR, SP_DNA_ERROR_IO, _("%s: table %s: %s"), r->file->name, table,
                 r->db != NULL ? sqlite3_errmsg (r->db) : sqlite3_errstr (rc));
  return FALSE;
}

static sqlite3_stmt *
prepare (Reader      *r,
         const char  *sql,
         const char  *table,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (r->db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      _sp_dna_sqlite_failed (r, rc, table, error);
      return NULL;
    }

  return stmt;
}

/* Steps a statement: 1 for a row, 0 at the end, -1 on error */
static int
step (Reader        *r,
      sqlite3_stmt  *stmt,
      const char    *table,
      GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return 1;
  if (rc == SQLITE_DONE)
    return 0;

  _sp_dna_sqlite_failed (r, rc, table, error);
  return -1;
}

/* An INTEGER column; a row whose value is anything else is refused, naming the field */
static gboolean
column_int (Reader        *r,
            sqlite3_stmt  *stmt,
            int            column,
            const char    *table,
            gint64        *value,
            GError       **error)
{
  if (sqlite3_column_type (stmt, column) != SQLITE_INTEGER)
    {
      g_set_error (error, SP_DNA_ERROR, SP_DNA_ERROR_INVALID,
                   _("%s: table %s, field %s: not a whole number"), r->file->name, table,
                   sqlite3_column_name (stmt, column));
      return FALSE;
    }

  *value = sqlite3_column_int64 (stmt, column);
  return TRUE;
}

/* A TEXT column (NULL reads as ""), checked to be UTF-8 without NUL characters */
static char *
column_text (Reader        *r,
             sqlite3_stmt  *stmt,
             int            column,
             const char    *table,
             GError       **error)
{
  int type = sqlite3_column_type (stmt, column);
  const char *text;
  int size;

  if (type == SQLITE_NULL)
    return g_strdup ("");
  if (type != SQLITE_TEXT)
    {
      g_set_error (error, SP_DNA_ERROR, SP_DNA_ERROR_INVALID,
                   _("%s: table %s, field %s: not text"), r->file->name, table,
                   sqlite3_column_name (stmt, column));
      return NULL;
    }

  text = (const char *)sqlite3_column_text (stmt, column);
  size = sqlite3_column_bytes (stmt, column);
  if (text == NULL)
    {
      g_set_error (error, SP_DNA_ERROR, SP_DNA_ERROR_TOO_LARGE,
                   _("%s: table %s, field %s: out of memory"), r->file->name, table,
                   sqlite3_column_name (stmt, column));
      return NULL;
    }
  if (!g_utf8_validate_len (text, size, NULL) || memchr (text, '\0', size) != NULL)
    {
      g_set_error (error, SP_DNA_ERROR, SP_DNA_ERROR_INVALID,
                   _("%s: table %s, field %s: the text is not valid UTF-8"), r->file->name, table,
                   sqlite3_column_name (stmt, column));
      return NULL;
    }

  return g_strndup (text, size);
}

static gboolean
check_cancelled (Reader  *r,
                 guint    row,
                 GError **error)
{
  return (row % 1024) != 0 || !g_cancellable_set_error_if_cancelled (r->cancellable, error);
}

/* The tables and columns each schema must have, as the reader uses them. A table that is
 * there but lacks a column, or is a view, is refused by name. */
typedef struct
{
  const char *table;
  const char *columns[12];
} TableShape;

static const TableShape common_tables[] = {
  { "SETTINGS", { "Property", "Value" } },
  { "CODERS", { "ID", "Name" } },
  { "DOCUMENTS", { "ID", "Title", "Text", "Author", "Source", "Section", "Notes", "Type", "Date" } },
  { "STATEMENTTYPES", { "ID", "Label" } },
  { "VARIABLES", { "ID", "Variable", "DataType", "StatementTypeId" } },
  { "STATEMENTS", { "ID", "StatementTypeId", "DocumentId", "Start", "Stop", "Coder" } },
  { "DATABOOLEAN", { "StatementId", "VariableId", "Value" } },
  { "DATAINTEGER", { "StatementId", "VariableId", "Value" } },
  { "DATALONGTEXT", { "StatementId", "VariableId", "Value" } },
};

static const TableShape tables_3[] = {
  { "DATASHORTTEXT", { "StatementId", "VariableId", "Entity" } },
  { "ENTITIES", { "ID", "VariableId", "Value" } },
  { "ATTRIBUTEVARIABLES", { "ID", "VariableId", "AttributeVariable" } },
  { "ATTRIBUTEVALUES", { "EntityId", "AttributeVariableId", "AttributeValue" } },
};

static const TableShape tables_2[] = {
  { "DATASHORTTEXT", { "StatementId", "VariableId", "Value" } },
  { "ATTRIBUTES", { "VariableId", "Value", "Type", "Alias", "Notes" } },
};

static int
table_kind (Reader      *r,
            const char  *table,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int found;

  if (!(stmt = prepare (r, "SELECT type FROM sqlite_schema WHERE name = ?1 COLLATE NOCASE", "sqlite_schema", error)))
    return -1;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  if ((found = step (r, stmt, "sqlite_schema", error)) <= 0)
    return found;

  return g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), "table") == 0 ? 1 : 2;
}

static gboolean
check_table (Reader            *r,
             const TableShape  *shape,
             GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int kind, found;

  if ((kind = table_kind (r, shape->table, error)) < 0)
    return FALSE;
  if (kind != 1)
    {
      g_set_error (error, SP_DNA_ERROR, SP_DNA_ERROR_NOT_DNA,
                   kind == 0 ? _("%s: not a DNA project (no table %s)")
                             : _("%s: table %s is not a table"),
                   r->file->name, shape->table);
      return FALSE;
    }

  if (!(stmt = prepare (r, "SELECT lower(name) FROM pragma_table_info(?1)", shape->table, error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, shape->table, -1, SQLITE_STATIC);
  while ((found = step (r, stmt, shape->table, error)) > 0)
    if (sqlite3_column_text (stmt, 0) != NULL)
      g_hash_table_add (columns, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  if (found < 0)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (shape->columns) && shape->columns[i] != NULL; i++)
    {
      g_autofree char *lower = g_ascii_strdown (shape->columns[i], -1);

      if (!g_hash_table_contains (columns, lower))
        {
          g_set_error (error, SP_DNA_ERROR, SP_DNA_ERROR_NOT_DNA,
                       _("%s: table %s has no field %s"), r->file->name, shape->table,
                       shape->columns[i]);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
check_schema (Reader  *r,
              GError **error)
{
  int has_entities, has_attributes;

  if ((has_entities = table_kind (r, "ENTITIES", error)) < 0 ||
      (has_attributes = table_kind (r, "ATTRIBUTES", error)) < 0)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (common_tables); i++)
    if (!check_table (r, &common_tables[i], error))
      return FALSE;

  r->file->schema = has_entities != 0 ? 3 : has_attributes != 0 ? 2 : 0;
  if (r->file->schema == 0)
    {
      g_set_error (error, SP_DNA_ERROR, SP_DNA_ERROR_NOT_DNA,
                   _("%s: not a DNA project (neither table ENTITIES nor table ATTRIBUTES)"), r->file->name);
      return FALSE;
    }

  for (guint i = 0; r->file->schema == 3 && i < G_N_ELEMENTS (tables_3); i++)
    if (!check_table (r, &tables_3[i], error))
      return FALSE;
  for (guint i = 0; r->file->schema == 2 && i < G_N_ELEMENTS (tables_2); i++)
    if (!check_table (r, &tables_2[i], error))
      return FALSE;

  return TRUE;
}

static gboolean
read_version (Reader  *r,
              GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int found;

  if (!(stmt = prepare (r, "SELECT Value FROM SETTINGS WHERE Property = 'version'", "SETTINGS", error)))
    return FALSE;
  if ((found = step (r, stmt, "SETTINGS", error)) < 0)
    return FALSE;
  if (found == 0 || !(r->file->version = column_text (r, stmt, 0, "SETTINGS", error)))
    {
      if (found == 0)
        g_set_error (error, SP_DNA_ERROR, SP_DNA_ERROR_NOT_DNA,
                     _("%s: table SETTINGS has no version"), r->file->name);
      return FALSE;
    }

  /* The version's first digit says which DNA wrote the file; the tables must agree */
  if (r->file->version[0] != '0' + (int)r->file->schema || r->file->version[1] != '.')
    {
      g_autofree char *shown = g_utf8_substring (r->file->version, 0,
                                                 MIN (g_utf8_strlen (r->file->version, -1), 40));

      g_set_error (error, SP_DNA_ERROR, SP_DNA_ERROR_UNSUPPORTED,
                   _("%s: DNA version “%s” is not one Standpoint reads (2.x and 3.x)"),
                   r->file->name, shown);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_documents (Reader  *r,
                GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int found;

  if (!(stmt = prepare (r, "SELECT ID, Title, Text, Author, Source, Section, Type, Notes, Date "
                           "FROM DOCUMENTS ORDER BY ID", "DOCUMENTS", error)))
    return FALSE;

  while ((found = step (r, stmt, "DOCUMENTS", error)) > 0)
    {
      g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
      SpDnaDocument *document;
      gint64 id, date;

      if (r->file->documents->len >= SP_DNA_MAX_DOCUMENTS)
        {
          g_set_error (error, SP_DNA_ERROR, SP_DNA_ERROR_TOO_LARGE,
                       _("%s: table DOCUMENTS has more than %d documents"), r->file->name,
                       SP_DNA_MAX_DOCUMENTS);
          return FALSE;
        }
      if (!check_cancelled (r, r->file->documents->len, error) ||
          !column_int (r, stmt, 0, "DOCUMENTS", &id, error) ||
          !column_int (r, stmt, 8, "DOCUMENTS", &date, error))
        return FALSE;

      for (int column = 1; column <= 7; column++)
        {
          char *text = column_text (r, stmt, column, "DOCUMENTS", error);

          if (text == NULL)
            return FALSE;
          g_ptr_array_add (texts, text);
        }

      r->text_bytes += sqlite3_column_bytes (stmt, 2);
      if (r->text_bytes > (gsize)SP_DNA_MAX_FILE_SIZE)
        {
          g_set_error (error, SP_DNA_ERROR, SP_DNA_ERROR_TOO_LARGE,
                       _("%s: table DOCUMENTS, field Text: more than %d MB of text in all"),
                       r->file->name, (int)(SP_DNA_MAX_FILE_SIZE >> 20));
          return FALSE;
        }

      document = g_new0 (SpDnaDocument, 1);
      document->id = id;
      document->title = g_steal_pointer (&texts->pdata[0]);
      document->text = g_steal_pointer (&texts->pdata[1]);
      document->author = g_steal_pointer (&texts->pdata[2]);
      document->source = g_steal_pointer (&texts->pdata[3]);
      document->section = g_steal_pointer (&texts->pdata[4]);
      document->type = g_steal_pointer (&texts->pdata[5]);
      document->notes = g_steal_pointer (&texts->pdata[6]);
      /* DNA 2.x kept Java milliseconds, DNA 3.x keeps Unix seconds */
      document->date = r->file->schema == 2 ? date / 1000 : date;
      g_ptr_array_add (r->file->documents, document);
    }

  return found == 0;
}

static gboolean
read_variables (Reader  *r,
                GError **error)
{
  g_autoptr(sqlite3_stmt) types = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int found;

  if (!(types = prepare (r, "SELECT ID, Label FROM STATEMENTTYPES ORDER BY ID", "STATEMENTTYPES", error)))
    return FALSE;
  while ((found = step (r, types, "STATEMENTTYPES", error)) > 0)
    {
      g_autofree char *label = NULL;
      gint64 id;

      if (!column_int (r, types, 0, "STATEMENTTYPES", &id, error) ||
          !(label = column_text (r, types, 1, "STATEMENTTYPES", error)))
        return FALSE;
      if (r->statement_type == 0 && g_str_equal (label, "DNA Statement"))
        r->statement_type = id;
      g_hash_table_insert (r->types, g_memdup2 (&id, sizeof id), g_steal_pointer (&label));
    }
  if (found < 0)
    return FALSE;

  if (!(stmt = prepare (r, "SELECT ID, Variable, DataType, StatementTypeId FROM VARIABLES ORDER BY ID",
                        "VARIABLES", error)))
    return FALSE;
  while ((found = step (r, stmt, "VARIABLES", error)) > 0)
    {
      Variable *variable = g_new0 (Variable, 1);
      gint64 id = 0;

      if (!column_int (r, stmt, 0, "VARIABLES", &id, error) ||
          !(variable->name = column_text (r, stmt, 1, "VARIABLES", error)) ||
          !(variable->data_type = column_text (r, stmt, 2, "VARIABLES", error)) ||
          !column_int (r, stmt, 3, "VARIABLES", &variable->statement_type, error))
        {
          variable_free (variable);
          return FALSE;
        }

      if (variable->statement_type == r->statement_type && r->statement_type != 0)
        {
          gboolean short_text = g_str_equal (variable->data_type, "short text");

          if (short_text && g_str_equal (variable->name, "person"))
            r->var_person = id;
          else if (short_text && g_str_equal (variable->name, "organization"))
            r->var_organisation = id;
          else if (short_text && g_str_equal (variable->name, "concept"))
            r->var_concept = id;
          else if (g_str_equal (variable->name, "agreement") &&
                   (g_str_equal (variable->data_type, "boolean") || g_str_equal (variable->data_type, "integer")))
            r->var_agreement = id;
        }
      g_hash_table_insert (r->variables, g_memdup2 (&id, sizeof id), variable);
    }
  if (found < 0)
    return FALSE;

  if (r->statement_type == 0 || r->var_concept == 0 || r->var_agreement == 0 ||
      (r->var_person == 0 && r->var_organisation == 0))
    {
      g_set_error (error, SP_DNA_ERROR, SP_DNA_ERROR_UNSUPPORTED,
                   _("%s: tables STATEMENTTYPES and VARIABLES have no “DNA Statement” type with "
                     "person or organization, concept and agreement"), r->file->name);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_statements (Reader  *r,
                 GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) other_types = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key, value;
  guint row = 0;
  int found;

  if (!(stmt = prepare (r, "SELECT s.ID, s.StatementTypeId, s.DocumentId, s.Start, s.Stop, c.Name "
                           "FROM STATEMENTS s LEFT JOIN CODERS c ON c.ID = s.Coder ORDER BY s.ID",
                        "STATEMENTS", error)))
    return FALSE;

  while ((found = step (r, stmt, "STATEMENTS", error)) > 0)
    {
      SpDnaStatement *statement;
      gint64 id, type;

      if (++row > SP_DNA_MAX_STATEMENTS)
        {
          g_set_error (error, SP_DNA_ERROR, SP_DNA_ERROR_TOO_LARGE,
                       _("%s: table STATEMENTS has more than %d statements"), r->file->name,
                       SP_DNA_MAX_STATEMENTS);
          return FALSE;
        }
      if (!check_cancelled (r, row, error) ||
          !column_int (r, stmt, 0, "STATEMENTS", &id, error) ||
          !column_int (r, stmt, 1, "STATEMENTS", &type, error))
        return FALSE;

      if (type != r->statement_type)
        {
          gpointer count = g_hash_table_lookup (other_types, &type);

          g_hash_table_insert (other_types, g_memdup2 (&type, sizeof type),
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (count) + 1));
          r->file->n_skipped_statements++;
          continue;
        }

      statement = g_new0 (SpDnaStatement, 1);
      statement->id = id;
      if (!column_int (r, stmt, 2, "STATEMENTS", &statement->document_id, error) ||
          !column_int (r, stmt, 3, "STATEMENTS", &statement->start, error) ||
          !column_int (r, stmt, 4, "STATEMENTS", &statement->stop, error))
        {
          statement_free (statement);
          return FALSE;
        }
      if (sqlite3_column_type (stmt, 5) == SQLITE_TEXT &&
          !(statement->coder = column_text (r, stmt, 5, "CODERS", error)))
        {
          statement_free (statement);
          return FALSE;
        }
      statement->person = g_strdup ("");
      statement->organisation = g_strdup ("");
      statement->concept = g_strdup ("");
      g_ptr_array_add (r->file->statements, statement);
      g_hash_table_insert (r->statements, g_memdup2 (&id, sizeof id), statement);
    }
  if (found < 0)
    return FALSE;

  g_hash_table_iter_init (&iter, other_types);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *label = g_hash_table_lookup (r->types, key);
      g_autofree char *what = g_strdup_printf (_("Statements of type “%s”"),
                                               label != NULL ? label : _("(unknown)"));

      add_skip (r->file, what, GPOINTER_TO_UINT (value));
    }

  return TRUE;
}

/* Counts a value of a variable of the standard type that becomes nothing in Standpoint */
static void
skip_variable (Reader *r,
               gint64  variable_id)
{
  Variable *variable = g_hash_table_lookup (r->variables, &variable_id);
  g_autofree char *what = g_strdup_printf (_("Values of variable “%s”"),
                                           variable != NULL ? variable->name : _("(unknown)"));

  add_skip (r->file, what, 1);
}

static gboolean
read_short_text (Reader  *r,
                 GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *sql = r->file->schema == 3
    ? "SELECT d.StatementId, d.VariableId, e.Value FROM DATASHORTTEXT d "
      "JOIN ENTITIES e ON e.ID = d.Entity ORDER BY d.ID"
    : "SELECT StatementId, VariableId, Value FROM DATASHORTTEXT ORDER BY ID";
  guint row = 0;
  int found;

  if (!(stmt = prepare (r, sql, "DATASHORTTEXT", error)))
    return FALSE;

  while ((found = step (r, stmt, "DATASHORTTEXT", error)) > 0)
    {
      SpDnaStatement *statement;
      gint64 statement_id, variable_id;
      char **slot = NULL;
      char *text;

      if (!check_cancelled (r, ++row, error) ||
          !column_int (r, stmt, 0, "DATASHORTTEXT", &statement_id, error) ||
          !column_int (r, stmt, 1, "DATASHORTTEXT", &variable_id, error))
        return FALSE;
      if (!(statement = g_hash_table_lookup (r->statements, &statement_id)))
        continue;

      if (variable_id == r->var_person)
        slot = &statement->person;
      else if (variable_id == r->var_organisation)
        slot = &statement->organisation;
      else if (variable_id == r->var_concept)
        slot = &statement->concept;

      if (!(text = column_text (r, stmt, 2, r->file->schema == 3 ? "ENTITIES" : "DATASHORTTEXT", error)))
        return FALSE;
      if (slot != NULL)
        {
          g_free (*slot);
          *slot = g_strstrip (text);
        }
      else
        {
          if (text[0] != '\0')
            skip_variable (r, variable_id);
          g_free (text);
        }
    }

  return found == 0;
}

static gboolean
read_numbers (Reader      *r,
              const char  *table,
              const char  *sql,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint row = 0;
  int found;

  if (!(stmt = prepare (r, sql, table, error)))
    return FALSE;

  while ((found = step (r, stmt, table, error)) > 0)
    {
      SpDnaStatement *statement;
      gint64 statement_id, variable_id;

      if (!check_cancelled (r, ++row, error) ||
          !column_int (r, stmt, 0, table, &statement_id, error) ||
          !column_int (r, stmt, 1, table, &variable_id, error))
        return FALSE;
      if (!(statement = g_hash_table_lookup (r->statements, &statement_id)))
        continue;

      if (variable_id == r->var_agreement && !g_str_equal (table, "DATALONGTEXT"))
        {
          if (!column_int (r, stmt, 2, table, &statement->agreement, error))
            return FALSE;
          statement->has_agreement = TRUE;
          statement->agreement_is_boolean = g_str_equal (table, "DATABOOLEAN");
        }
      else if (sqlite3_column_type (stmt, 2) != SQLITE_NULL &&
               (sqlite3_column_type (stmt, 2) != SQLITE_TEXT || sqlite3_column_bytes (stmt, 2) > 0))
        skip_variable (r, variable_id);
    }

  return found == 0;
}

static char *
entity_key (const char *variable,
            const char *value)
{
  return g_strconcat (variable, "\n", value, NULL);
}

static SpDnaEntity *
ensure_entity (Reader     *r,
               const char *variable,
               const char *value)
{
  g_autofree char *key = entity_key (variable, value);
  SpDnaEntity *entity = g_hash_table_lookup (r->file->entities, key);

  if (entity == NULL)
    {
      entity = g_new0 (SpDnaEntity, 1);
      g_hash_table_insert (r->file->entities, g_steal_pointer (&key), entity);
    }

  return entity;
}

/* Keeps an attribute of an entity; the attributes Standpoint has no place for are counted */
static void
set_attribute (Reader     *r,
               gint64      variable_id,
               const char *value,
               const char *attribute,
               char       *text)
{
  Variable *variable = g_hash_table_lookup (r->variables, &variable_id);
  SpDnaEntity *entity;
  char **slot = NULL;

  g_strstrip (text);
  if (variable == NULL || variable->statement_type != r->statement_type || text[0] == '\0' ||
      (variable_id != r->var_person && variable_id != r->var_organisation && variable_id != r->var_concept))
    {
      g_free (text);
      return;
    }

  entity = ensure_entity (r, variable->name, value);
  if (g_ascii_strcasecmp (attribute, "Type") == 0)
    slot = &entity->type;
  else if (g_ascii_strcasecmp (attribute, "Alias") == 0)
    slot = &entity->alias;
  else if (g_ascii_strcasecmp (attribute, "Notes") == 0)
    slot = &entity->notes;

  if (slot != NULL)
    {
      g_free (*slot);
      *slot = text;
    }
  else
    {
      g_autofree char *what = g_strdup_printf (_("Values of attribute “%s”"), attribute);

      add_skip (r->file, what, 1);
      g_free (text);
    }
}

static gboolean
read_attributes (Reader  *r,
                 GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *table = r->file->schema == 3 ? "ATTRIBUTEVALUES" : "ATTRIBUTES";
  guint row = 0;
  int found;

  if (r->file->schema == 3)
    stmt = prepare (r, "SELECT e.VariableId, e.Value, v.AttributeVariable, a.AttributeValue "
                       "FROM ATTRIBUTEVALUES a JOIN ATTRIBUTEVARIABLES v ON v.ID = a.AttributeVariableId "
                       "JOIN ENTITIES e ON e.ID = a.EntityId ORDER BY a.ID", table, error);
  else
    stmt = prepare (r, "SELECT VariableId, Value, Type, Alias, Notes FROM ATTRIBUTES ORDER BY ID", table, error);
  if (stmt == NULL)
    return FALSE;

  while ((found = step (r, stmt, table, error)) > 0)
    {
      g_autofree char *value = NULL;
      gint64 variable_id;

      if (!check_cancelled (r, ++row, error) ||
          !column_int (r, stmt, 0, table, &variable_id, error) ||
          !(value = column_text (r, stmt, 1, table, error)))
        return FALSE;
      g_strstrip (value);

      if (r->file->schema == 3)
        {
          g_autofree char *attribute = column_text (r, stmt, 2, table, error);
          char *text;

          if (attribute == NULL || !(text = column_text (r, stmt, 3, table, error)))
            return FALSE;
          set_attribute (r, variable_id, value, attribute, text);
        }
      else
        {
          static const char * const names[] = { "Type", "Alias", "Notes" };

          for (int i = 0; i < 3; i++)
            {
              char *text = column_text (r, stmt, 2 + i, table, error);

              if (text == NULL)
                return FALSE;
              set_attribute (r, variable_id, value, names[i], text);
            }
        }
    }

  return found == 0;
}

static gboolean
read_all (Reader  *r,
          GError **error)
{
  g_autoptr(sqlite3_stmt) check = NULL;
  int found;

  if (sqlite3_db_config (r->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL) != SQLITE_OK ||
      sqlite3_db_config (r->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL) != SQLITE_OK ||
      sqlite3_db_config (r->db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL) != SQLITE_OK)
    return _sp_dna_sqlite_failed (r, sqlite3_extended_errcode (r->db), "sqlite_schema", error);
  sqlite3_limit (r->db, SQLITE_LIMIT_LENGTH, SP_DNA_MAX_TEXT_BYTES);

  if (!(check = prepare (r, "PRAGMA quick_check(1)", "sqlite_schema", error)) ||
      (found = step (r, check, "sqlite_schema", error)) < 0)
    return FALSE;
  if (found == 0 || g_strcmp0 ((const char *)sqlite3_column_text (check, 0), "ok") != 0)
    {
      g_set_error (error, SP_DNA_ERROR, SP_DNA_ERROR_NOT_DNA,
                   _("%s: the database is damaged (SQLite's quick check failed)"), r->file->name);
      return FALSE;
    }

  return check_schema (r, error) &&
         read_version (r, error) &&
         read_documents (r, error) &&
         read_variables (r, error) &&
         read_statements (r, error) &&
         read_short_text (r, error) &&
         read_numbers (r, "DATABOOLEAN", "SELECT StatementId, VariableId, Value FROM DATABOOLEAN ORDER BY ID", error) &&
         read_numbers (r, "DATAINTEGER", "SELECT StatementId, VariableId, Value FROM DATAINTEGER ORDER BY ID", error) &&
         read_numbers (r, "DATALONGTEXT", "SELECT StatementId, VariableId, Value FROM DATALONGTEXT ORDER BY ID", error) &&
         read_attributes (r, error) &&
         !g_cancellable_set_error_if_cancelled (r->cancellable, error);
}

SpDnaFile *
_sp_dna_file_new (const char *name)
{
  SpDnaFile *file = g_new0 (SpDnaFile, 1);

  file->name = g_utf8_make_valid (name, -1);
  file->documents = g_ptr_array_new_with_free_func (document_free);
  file->statements = g_ptr_array_new_with_free_func (statement_free);
  file->entities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, entity_free);
  file->skipped = g_ptr_array_new_with_free_func (skip_free);
  return file;
}

static void
interrupt_cb (GCancellable *cancellable,
              sqlite3      *db)
{
  sqlite3_interrupt (db);
}

SpDnaFile *
_sp_dna_read_database (Reader  *r,
               GError **error)
{
  g_autoptr(SpDnaFile) file = r->file;
  gulong handler = 0;
  gboolean ok;

  r->variables = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, variable_free);
  r->types = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  r->statements = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  if (r->cancellable != NULL)
    handler = g_cancellable_connect (r->cancellable, G_CALLBACK (interrupt_cb), r->db, NULL);
  ok = read_all (r, error);
  if (handler != 0)
    g_cancellable_disconnect (r->cancellable, handler);

  _sp_dna_reader_clear (r);
  return ok ? g_steal_pointer (&file) : NULL;
}

const SpDnaEntity *
sp_dna_file_lookup_entity (SpDnaFile  *self,
                           const char *variable,
                           const char *value)
{
  g_autofree char *key = entity_key (variable, value);

  g_return_val_if_fail (self != NULL, NULL);

  return g_hash_table_lookup (self->entities, key);
}
