/* sp-cli-evidence.c: the verb evidence — the claims behind one cell of the matrix, in time
 * order, as the window's evidence panel lists them */
#define G_LOG_DOMAIN "standpoint-cli"

#include "config.h"

#include "sp-cli-table.h"
#include "sp-matrix.h"

static gboolean
add_evidence_row (SpCliTable             *table,
                  SpProject              *project,
                  const SpMatrixEvidence *evidence,
                  GError                **error)
{
  char date[SP_MATRIX_DATE_TEXT_SIZE];

  sp_matrix_format_date (evidence->date, date);
  sp_cli_table_begin_row (table);
  sp_cli_table_add_word (table, date[0] != '\0' ? date : NULL);
  sp_cli_table_add_int (table, evidence->stance);

  if (evidence->pending)
    {
      g_autoptr(SpSuggestion) suggestion = sp_project_get_suggestion (project, evidence->id, error);

      if (suggestion == NULL)
        return FALSE;
      sp_cli_table_add_word (table, "pending");
      sp_cli_table_add_int (table, evidence->id);
      sp_cli_table_add_int (table, evidence->document_id);
      sp_cli_table_add_text (table, sp_suggestion_get_document_file (suggestion));
      sp_cli_table_add_text (table, sp_suggestion_get_document_title (suggestion));
      sp_cli_table_add_text (table, sp_suggestion_get_actor_name (suggestion));
      sp_cli_table_add_text (table, sp_suggestion_get_quote (suggestion));
    }
  else
    {
      g_autoptr(SpClaim) claim = sp_project_get_claim (project, evidence->id, error);

      if (claim == NULL)
        return FALSE;
      sp_cli_table_add_word (table, sp_claim_get_origin (claim) == SP_CLAIM_ORIGIN_SUGGESTED
                                    ? "accepted" : "manual");
      sp_cli_table_add_int (table, evidence->id);
      sp_cli_table_add_int (table, evidence->document_id);
      sp_cli_table_add_text (table, sp_claim_get_document_file (claim));
      sp_cli_table_add_text (table, sp_claim_get_document_title (claim));
      sp_cli_table_add_text (table, sp_claim_get_actor_name (claim));
      sp_cli_table_add_text (table, sp_claim_get_quote (claim));
    }

  return TRUE;
}

int
sp_cli_evidence (int    argc,
                 char **argv)
{
  const char * const columns[] = {
    "date", "stance", "status", "id", "document_id", "file", "title", "actor", "quote", NULL
  };
  g_autofree char *actor = NULL;
  g_autofree char *issue = NULL;
  g_autofree char *level = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  gboolean include_suggestions = FALSE;
  GOptionEntry entries[] = {
    { "actor", 0, 0, G_OPTION_ARG_STRING, &actor, "The actor (a name or alias); at group level, any member names its group", "NAME" },
    { "issue", 0, 0, G_OPTION_ARG_STRING, &issue, "The issue's key", "KEY" },
    { "level", 0, 0, G_OPTION_ARG_STRING, &level, "The row is the actor (default) or its group", "actor|group" },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, "Only claims of documents dated on or after DATE", "YYYY-MM-DD" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, "Only claims of documents dated on or before DATE", "YYYY-MM-DD" },
    { "include-suggestions", 0, 0, G_OPTION_ARG_NONE, &include_suggestions, "Also the pending suggestions behind the cell", NULL },
    { NULL }
  };
  g_autoptr(SpProject) project = NULL;
  g_autoptr(SpMatrixOptions) options = NULL;
  g_autoptr(SpMatrix) matrix = NULL;
  g_autoptr(SpCliTable) table = sp_cli_table_new (columns);
  g_autoptr(GError) error = NULL;
  const SpMatrixEvidence *evidence = NULL;
  SpCliFormat format;
  gint64 actor_id, issue_id, row_id;
  guint row, column, n = 0;
  int status;

  if (!(project = sp_cli_open_listing (&argc, &argv, 1, "PROJECT — the claims behind one cell of the matrix, in time order",
                                       entries, &format, &status)))
    return status;

  if (actor == NULL || issue == NULL)
    {
      sp_cli_error ("--actor and --issue are required");
      return SP_CLI_USAGE;
    }
  if (!(options = sp_cli_matrix_options (level, NULL, NULL, NULL, from, to, include_suggestions)))
    return SP_CLI_USAGE;

  if (!sp_project_find_actor (project, actor, &actor_id, &error) ||
      !sp_project_find_issue (project, issue, &issue_id, &error))
    return sp_cli_fail (error);

  row_id = actor_id;
  if (sp_matrix_options_get_level (options) == SP_MATRIX_LEVEL_GROUP)
    {
      g_autoptr(GHashTable) groups = sp_project_dup_actor_groups (project, &error);
      gint64 *group;

      if (groups == NULL)
        return sp_cli_fail (error);
      if ((group = g_hash_table_lookup (groups, &actor_id)) != NULL)
        row_id = *group;
    }

  /* Only this issue, every row kept: the cell is there even when it is empty */
  sp_matrix_options_set_issue_ids (options, &issue_id, 1);
  sp_matrix_options_set_hide_empty (options, FALSE);
  if (!(matrix = sp_matrix_compute_with_options (project, options, &error)))
    return sp_cli_fail (error);

  if (sp_matrix_find_row (matrix, row_id, &row) && sp_matrix_find_column (matrix, issue_id, &column))
    evidence = sp_matrix_get_cell_evidence (matrix, row, column, &n);

  for (guint i = 0; i < n; i++)
    if (!add_evidence_row (table, project, &evidence[i], &error))
      return sp_cli_fail (error);

  return sp_cli_table_print (table, format);
}
