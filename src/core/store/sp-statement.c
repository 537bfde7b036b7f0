/* sp-statement.c
 *
 * The part of a claim and of a suggestion that is the same: its fields, its properties and
 * the reading of them from a row (sp-statement-private.h).
 */
#define G_LOG_DOMAIN "sp-statement"

#include "config.h"

#include "sp-statement-private.h"

void
_sp_statement_clear (SpStatement *statement)
{
  g_clear_pointer (&statement->document_file, g_free);
  g_clear_pointer (&statement->document_title, g_free);
  g_clear_pointer (&statement->document_date, g_free);
  g_clear_pointer (&statement->quote, g_free);
  g_clear_pointer (&statement->actor_name, g_free);
  g_clear_pointer (&statement->group_name, g_free);
  g_clear_pointer (&statement->issue_key, g_free);
  g_clear_pointer (&statement->issue_label, g_free);
  g_clear_pointer (&statement->created, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SpStatement, _sp_statement_clear)

/* Fills @properties from SP_STATEMENT_PROP_ID to SP_STATEMENT_N_PROPS - 1 */
void
_sp_statement_init_properties (GParamSpec **properties)
{
  properties[SP_STATEMENT_PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[SP_STATEMENT_PROP_QUOTE] =
    g_param_spec_string ("quote", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[SP_STATEMENT_PROP_ACTOR_NAME] =
    g_param_spec_string ("actor-name", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[SP_STATEMENT_PROP_ISSUE_KEY] =
    g_param_spec_string ("issue-key", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[SP_STATEMENT_PROP_ISSUE_LABEL] =
    g_param_spec_string ("issue-label", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[SP_STATEMENT_PROP_STANCE] =
    g_param_spec_int ("stance", NULL, NULL, SP_STANCE_MIN, SP_STANCE_MAX, 0,
                      (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
}

/* Returns: whether @prop_id is one of the statement's properties (and @value set) */
gboolean
_sp_statement_get_property (const SpStatement *statement,
                            guint              prop_id,
                            GValue            *value)
{
  switch (prop_id)
    {
    case SP_STATEMENT_PROP_ID:
      g_value_set_int64 (value, statement->id);
      return TRUE;

    case SP_STATEMENT_PROP_QUOTE:
      g_value_set_string (value, statement->quote);
      return TRUE;

    case SP_STATEMENT_PROP_ACTOR_NAME:
      g_value_set_string (value, statement->actor_name);
      return TRUE;

    case SP_STATEMENT_PROP_ISSUE_KEY:
      g_value_set_string (value, statement->issue_key);
      return TRUE;

    case SP_STATEMENT_PROP_ISSUE_LABEL:
      g_value_set_string (value, statement->issue_label);
      return TRUE;

    case SP_STATEMENT_PROP_STANCE:
      g_value_set_int (value, statement->stance);
      return TRUE;

    default:
      return FALSE;
    }
}

/* The columns of SP_STATEMENT_SELECT, in their order */
enum {
  COLUMN_ID,
  COLUMN_DOCUMENT_ID,
  COLUMN_DOCUMENT_FILE,
  COLUMN_DOCUMENT_TITLE,
  COLUMN_DOCUMENT_DATE,
  COLUMN_START,
  COLUMN_END,
  COLUMN_QUOTE,
  COLUMN_ACTOR_ID,
  COLUMN_ACTOR_NAME,
  COLUMN_ISSUE_ID,
  COLUMN_ISSUE_KEY,
  COLUMN_ISSUE_LABEL,
  COLUMN_STANCE,
  COLUMN_CREATED,
  N_COLUMNS
};

G_STATIC_ASSERT (N_COLUMNS == SP_STATEMENT_N_COLUMNS);

/* @groups and @names as _sp_project_load_actor_groups() returns them: the group is the
 * actor's top-most affiliation, the actor itself when it has none */
static void
read_statement (SpStmt      *stmt,
                GHashTable  *groups,
                GHashTable  *names,
                SpStatement *statement)
{
  const char *actor_name = _sp_project_column_text (stmt, COLUMN_ACTOR_NAME);
  gint64 *group;

  statement->id = sqlite3_column_int64 (stmt, COLUMN_ID);
  statement->document_id = sqlite3_column_int64 (stmt, COLUMN_DOCUMENT_ID);
  statement->document_file = _sp_project_dup_display_text (stmt, COLUMN_DOCUMENT_FILE);
  statement->document_title = _sp_project_dup_display_text (stmt, COLUMN_DOCUMENT_TITLE);
  statement->document_date = g_strdup (_sp_project_column_text (stmt, COLUMN_DOCUMENT_DATE));
  statement->start = sqlite3_column_int (stmt, COLUMN_START);
  statement->end = sqlite3_column_int (stmt, COLUMN_END);
  statement->quote = _sp_project_dup_display_text (stmt, COLUMN_QUOTE);
  if (statement->quote == NULL)
    statement->quote = g_strdup ("");
  statement->actor_id = sqlite3_column_int64 (stmt, COLUMN_ACTOR_ID);
  statement->actor_name = g_strdup (actor_name);
  group = g_hash_table_lookup (groups, &statement->actor_id);
  statement->group_name = g_strdup (group ? g_hash_table_lookup (names, group) : actor_name);
  statement->issue_id = sqlite3_column_int64 (stmt, COLUMN_ISSUE_ID);
  statement->issue_key = g_strdup (_sp_project_column_text (stmt, COLUMN_ISSUE_KEY));
  statement->issue_label = g_strdup (_sp_project_column_text (stmt, COLUMN_ISSUE_LABEL));
  statement->stance = sqlite3_column_int (stmt, COLUMN_STANCE);
  statement->created = g_strdup (_sp_project_column_text (stmt, COLUMN_CREATED));
}

/*
 * _sp_project_query_statements:
 * @sql: SP_STATEMENT_SELECT, the item's own columns, SP_STATEMENT_FROM, then the rest
 * @params: (array length=n_params): bound to ?1, ?2, …
 * @build: makes the item of each row
 * @context: what failed, for the error
 *
 * Returns: (transfer full): a #GListModel of @item_type, in the rows' order
 */
GListModel *
_sp_project_query_statements (SpProject             *self,
                              const char            *sql,
                              const gint64          *params,
                              guint                  n_params,
                              GType                  item_type,
                              SpStatementBuildFunc   build,
                              const char            *context,
                              GError               **error)
{
  g_autoptr(GHashTable) groups = NULL;
  g_autoptr(GHashTable) names = NULL;
  g_autoptr(GListStore) store = NULL;
  g_autoptr(SpStmt) stmt = NULL;
  int rc;

  g_assert (SP_IS_PROJECT (self));

  if (!(groups = _sp_project_load_actor_groups (self, &names, error)) ||
      !(stmt = _sp_project_prepare (self, sql, error)))
    return NULL;

  for (guint i = 0; i < n_params; i++)
    sqlite3_bind_int64 (stmt, i + 1, params[i]);
  store = g_list_store_new (item_type);

  while ((rc = _sp_project_step_row (self, stmt, context, error)) > 0)
    {
      g_auto(SpStatement) statement = { 0 };
      g_autoptr(GObject) item = NULL;

      read_statement (stmt, groups, names, &statement);
      item = build (stmt, &statement);
      g_list_store_append (store, item);
    }

  if (rc < 0)
    return NULL;

  return G_LIST_MODEL (g_steal_pointer (&store));
}
