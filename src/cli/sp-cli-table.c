/* sp-cli-table.c
 *
 * Text in a table comes from articles, file names and project files, any of which may hold
 * bytes that are not UTF-8 (a file name in Latin-1, a crafted project). CSV and JSON output
 * is UTF-8 whatever the input: such bytes become U+FFFD here, the one place every listing
 * goes through.
 */
#define G_LOG_DOMAIN "standpoint-cli"

#include "config.h"

#include <json-glib/json-glib.h>

#include "sp-cli-table.h"
#include "sp-csv.h"

struct _SpCliTable
{
  GStrv       columns;
  guint       n_columns;
  guint       column;   /* the next value's column in the current row */
  GString    *csv;
  JsonArray  *rows;
  JsonObject *row;
};

/* Returns: (transfer full): a table with these column names, in order */
SpCliTable *
sp_cli_table_new (const char * const *columns)
{
  SpCliTable *self = g_new0 (SpCliTable, 1);

  self->columns = g_strdupv ((char **)columns);
  self->n_columns = g_strv_length (self->columns);
  self->csv = g_string_new (NULL);
  self->rows = json_array_new ();

  for (guint i = 0; i < self->n_columns; i++)
    sp_csv_append_field (self->csv, self->columns[i], i == 0);
  g_string_append_c (self->csv, '\n');

  return self;
}

void
sp_cli_table_free (SpCliTable *self)
{
  if (self == NULL)
    return;

  g_strfreev (self->columns);
  g_string_free (self->csv, TRUE);
  json_array_unref (self->rows);
  g_free (self);
}

static void
end_row (SpCliTable *self)
{
  if (self->row == NULL)
    return;

  g_assert (self->column == self->n_columns);
  g_string_append_c (self->csv, '\n');
  json_array_add_object_element (self->rows, g_steal_pointer (&self->row));
}

void
sp_cli_table_begin_row (SpCliTable *self)
{
  end_row (self);
  self->row = json_object_new ();
  self->column = 0;
}

/* Moves to the next column and returns its name */
static const char *
next_column (SpCliTable *self)
{
  g_assert (self->row != NULL);
  g_assert (self->column < self->n_columns);

  return self->columns[self->column++];
}

void
sp_cli_table_add_int (SpCliTable *self,
                      gint64      value)
{
  gboolean first = self->column == 0;
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, value);

  json_object_set_int_member (self->row, next_column (self), value);
  sp_csv_append_field (self->csv, text, first);
}

/* A number with two decimals, or an empty cell and null when not @present */
void
sp_cli_table_add_double (SpCliTable *self,
                         double      value,
                         gboolean    present)
{
  gboolean first = self->column == 0;
  const char *column = next_column (self);
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (!present)
    {
      json_object_set_null_member (self->row, column);
      sp_csv_append_field (self->csv, NULL, first);
      return;
    }

  json_object_set_double_member (self->row, column, value);
  sp_csv_append_field (self->csv, g_ascii_formatd (buffer, sizeof buffer, "%.2f", value), first);
}

/* Returns: (transfer full) (nullable): @text with every byte that is not UTF-8 replaced */
static char *
make_valid (const char *text)
{
  return text != NULL ? g_utf8_make_valid (text, -1) : NULL;
}

/* Text that came from a person or an article: neutralised in CSV; %NULL is null in JSON */
void
sp_cli_table_add_text (SpCliTable *self,
                       const char *text)
{
  gboolean first = self->column == 0;
  const char *column = next_column (self);
  g_autofree char *valid = make_valid (text);

  if (valid != NULL)
    json_object_set_string_member (self->row, column, valid);
  else
    json_object_set_null_member (self->row, column);
  sp_csv_append_text_field (self->csv, valid, first);
}

/* A fixed word or a date, written as it is (a kind, a status, YYYY-MM-DD) */
void
sp_cli_table_add_word (SpCliTable *self,
                       const char *word)
{
  gboolean first = self->column == 0;
  const char *column = next_column (self);
  g_autofree char *valid = make_valid (word);

  if (valid != NULL)
    json_object_set_string_member (self->row, column, valid);
  else
    json_object_set_null_member (self->row, column);
  sp_csv_append_field (self->csv, valid, first);
}

/* A list: one CSV cell joined with "; ", a JSON array */
void
sp_cli_table_add_list (SpCliTable         *self,
                       const char * const *items)
{
  gboolean first = self->column == 0;
  const char *column = next_column (self);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) valid = NULL;
  g_autofree char *joined = NULL;
  JsonArray *array = json_array_new ();

  for (guint i = 0; items[i] != NULL; i++)
    {
      g_autofree char *item = make_valid (items[i]);

      json_array_add_string_element (array, item);
      g_strv_builder_add (builder, item);
    }

  valid = g_strv_builder_end (builder);
  joined = g_strjoinv ("; ", valid);

  json_object_set_array_member (self->row, column, array);
  sp_csv_append_text_field (self->csv, joined, first);
}

/* Writes the table to standard output; returns the exit status */
int
sp_cli_table_print (SpCliTable  *self,
                    SpCliFormat  format)
{
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  g_autofree char *json = NULL;

  end_row (self);

  if (format == SP_CLI_FORMAT_CSV)
    return sp_cli_write_output (NULL, self->csv->str, self->csv->len) ? SP_CLI_OK : SP_CLI_FAILED;

  root = json_node_new (JSON_NODE_ARRAY);
  json_node_set_array (root, self->rows);
  text = json_to_string (root, TRUE);
  json = g_strconcat (text, "\n", NULL);

  return sp_cli_write_output (NULL, json, strlen (json)) ? SP_CLI_OK : SP_CLI_FAILED;
}

/* Writes one row per item of @model, in its order; returns the exit status */
int
sp_cli_table_print_model (SpCliTable        *self,
                          GListModel        *model,
                          SpCliTableRowFunc  add_row,
                          SpCliFormat        format)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      sp_cli_table_begin_row (self);
      add_row (self, item);
    }

  return sp_cli_table_print (self, format);
}
