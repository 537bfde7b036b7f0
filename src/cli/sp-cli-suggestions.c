/* sp-cli-suggestions.c: the verbs suggestions, accept, reject and evaluate */
#define G_LOG_DOMAIN "standpoint-cli"

#include "config.h"

#include "sp-cli-table.h"
#include "sp-suggest-evaluate.h"
#include "sp-suggest-pass.h"

/* The claims columns, then what only a suggestion has */
static const char * const suggestion_columns[] = {
  "id", "document_id", "file", "title", "date", "actor", "group", "issue", "stance", "status",
  "confidence", "start", "end", "quote", "note", "conditional", "prior", "explanation", NULL
};

/* One row of the claims columns for a suggestion (note empty); the caller adds the rest */
void
sp_cli_add_suggestion_row (SpCliTable   *table,
                           SpSuggestion *s)
{
  sp_cli_table_begin_row (table);
  sp_cli_table_add_int (table, sp_suggestion_get_id (s));
  sp_cli_table_add_int (table, sp_suggestion_get_document_id (s));
  sp_cli_table_add_text (table, sp_suggestion_get_document_file (s));
  sp_cli_table_add_text (table, sp_suggestion_get_document_title (s));
  sp_cli_table_add_word (table, sp_suggestion_get_document_date (s));
  sp_cli_table_add_text (table, sp_suggestion_get_actor_name (s));
  sp_cli_table_add_text (table, sp_suggestion_get_group_name (s));
  sp_cli_table_add_text (table, sp_suggestion_get_issue_key (s));
  sp_cli_table_add_int (table, sp_suggestion_get_stance (s));
  sp_cli_table_add_word (table, sp_suggestion_status_to_string (sp_suggestion_get_status (s)));
  sp_cli_table_add_double (table, sp_suggestion_get_confidence (s), TRUE);
  sp_cli_table_add_int (table, sp_suggestion_get_start (s));
  sp_cli_table_add_int (table, sp_suggestion_get_end (s));
  sp_cli_table_add_text (table, sp_suggestion_get_quote (s));
  sp_cli_table_add_text (table, "");
}

int
sp_cli_suggestions (int    argc,
                    char **argv)
{
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GListModel) pending = NULL;
  g_autoptr(SpCliTable) table = sp_cli_table_new (suggestion_columns);
  g_autoptr(GError) error = NULL;
  SpCliFormat format;
  int status;

  if (!(project = sp_cli_open_listing (&argc, &argv, 1, "PROJECT — list the pending suggestions, most confident first",
                                       NULL, &format, &status)))
    return status;
  if (!(pending = sp_project_list_suggestions (project, 0,
                                               SP_SUGGESTION_STATUS_MASK (SP_SUGGESTION_STATUS_PENDING),
                                               &error)))
    return sp_cli_fail (error);

  for (guint i = 0; i < g_list_model_get_n_items (pending); i++)
    {
      g_autoptr(SpSuggestion) s = g_list_model_get_item (pending, i);

      sp_cli_add_suggestion_row (table, s);
      sp_cli_table_add_word (table, sp_suggestion_get_conditional (s) ? "true" : "false");
      sp_cli_table_add_double (table, sp_suggestion_get_prior (s), TRUE);
      sp_cli_table_add_text (table, sp_suggestion_get_explanation (s));
    }

  return sp_cli_table_print (table, format);
}

/* Every id names a pending suggestion, or nothing is decided */
static gboolean
parse_pending_ids (SpProject  *project,
                   int         argc,
                   char      **argv,
                   GArray     *ids)
{
  for (int i = 2; i < argc; i++)
    {
      g_autoptr(SpSuggestion) s = NULL;
      g_autoptr(GError) error = NULL;
      gint64 id;

      if (!g_ascii_string_to_signed (argv[i], 10, 1, G_MAXINT64, &id, NULL))
        {
          sp_cli_error ("“%s” is not a suggestion id", argv[i]);
          return FALSE;
        }
      if (!(s = sp_project_get_suggestion (project, id, &error)))
        {
          sp_cli_fail (error);
          return FALSE;
        }
      if (sp_suggestion_get_status (s) != SP_SUGGESTION_STATUS_PENDING)
        {
          sp_cli_error ("suggestion %lld was already %s", (long long)id,
                        sp_suggestion_status_to_string (sp_suggestion_get_status (s)));
          return FALSE;
        }
      for (guint k = 0; k < ids->len; k++)
        if (g_array_index (ids, gint64, k) == id)
          {
            sp_cli_error ("suggestion %lld is named twice", (long long)id);
            return FALSE;
          }
      g_array_append_val (ids, id);
    }

  return TRUE;
}

static int
decide (int         argc,
        char      **argv,
        gboolean    accept)
{
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  double precision;
  guint n_decisions;
  int status;

  if (!sp_cli_parse_options (&argc, &argv, -2,
                             accept ? "PROJECT SUGGESTION-ID... — accept suggestions as proposed: each becomes a claim"
                                    : "PROJECT SUGGESTION-ID... — reject suggestions: they are not proposed again",
                             NULL, NULL, &status))
    return status;
  if (!(project = sp_cli_open_project_to_edit (argv[1])))
    return SP_CLI_FAILED;
  if (!parse_pending_ids (project, argc, argv, ids))
    return SP_CLI_FAILED;

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      if (accept)
        {
          gint64 claim = sp_suggest_accept (project, id, NULL, &error);

          if (claim == 0)
            return sp_cli_fail (error);
          sp_cli_print ("suggestion %lld accepted as claim %lld\n", (long long)id, (long long)claim);
        }
      else
        {
          if (!sp_suggest_reject (project, id, &error))
            return sp_cli_fail (error);
          sp_cli_print ("suggestion %lld rejected\n", (long long)id);
        }
    }

  precision = sp_suggest_running_precision (project, &n_decisions, &error);
  if (precision < 0)
    return sp_cli_fail (error);
  sp_cli_print ("precision so far: %.2f (accepted as proposed, of %u decisions)\n", precision, n_decisions);

  return SP_CLI_OK;
}

int
sp_cli_accept (int    argc,
               char **argv)
{
  return decide (argc, argv, TRUE);
}

int
sp_cli_reject (int    argc,
               char **argv)
{
  return decide (argc, argv, FALSE);
}

/* The document's name as the gold files write it: its file, and for a file that gave
 * several documents, "#" and its title */
static GHashTable *
document_names (SpProject  *project,
                GError    **error)
{
  g_autoptr(GListModel) documents = sp_project_list_documents (project, error);
  g_autoptr(GHashTable) per_file = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) names = NULL;

  if (documents == NULL)
    return NULL;

  names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(SpDocument) d = g_list_model_get_item (documents, i);
      const char *file = sp_document_get_file_name (d);

      g_hash_table_insert (per_file, (gpointer)g_intern_string (file),
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (per_file, g_intern_string (file))) + 1));
    }
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(SpDocument) d = g_list_model_get_item (documents, i);
      const char *file = sp_document_get_file_name (d);
      gint64 id = sp_document_get_id (d);

      g_hash_table_insert (names, g_memdup2 (&id, sizeof id),
                           GPOINTER_TO_UINT (g_hash_table_lookup (per_file, g_intern_string (file))) > 1
                             ? g_strconcat (file, "#", sp_document_get_title (d), NULL)
                             : g_strdup (file));
    }

  return g_steal_pointer (&names);
}

/* The 1-based number of the sentence @start lies in, or 0 */
static guint
sentence_of (SpProject  *project,
             GHashTable *sentences,
             gint64      document_id,
             guint       start)
{
  GArray *pairs = g_hash_table_lookup (sentences, &document_id);

  if (pairs == NULL)
    {
      guint n = 0;
      guint32 *data = sp_project_dup_document_sentences (project, document_id, &n, NULL);

      pairs = g_array_new (FALSE, FALSE, sizeof (guint32));
      if (data != NULL)
        g_array_append_vals (pairs, data, 2 * n);
      g_free (data);
      g_hash_table_insert (sentences, g_memdup2 (&document_id, sizeof document_id), pairs);
    }

  for (guint i = 0; i + 1 < pairs->len; i += 2)
    if (start < g_array_index (pairs, guint32, i + 1))
      return i / 2 + 1;

  return 0;
}

typedef struct
{
  GPtrArray *strings;   /* owns the texts the items borrow */
  GArray    *items;     /* SpSuggestItem */
} Predictions;

static void
add_prediction (Predictions *p,
                const char  *doc,
                const char  *actor,
                const char  *issue,
                int          stance,
                guint        sentence)
{
  SpSuggestItem item = { g_strdup (doc), g_strdup (actor), g_strdup (issue), stance, sentence };

  g_ptr_array_add (p->strings, (char *)item.doc);
  g_ptr_array_add (p->strings, (char *)item.actor);
  g_ptr_array_add (p->strings, (char *)item.issue);
  g_array_append_val (p->items, item);
}

int
sp_cli_evaluate (int    argc,
                 char **argv)
{
  g_autoptr(SpProject) project = NULL;
  g_autoptr(SpSuggestList) gold = NULL;
  g_autoptr(GListModel) claims = NULL;
  g_autoptr(GListModel) pending = NULL;
  g_autoptr(GHashTable) names = NULL;
  g_autoptr(GHashTable) sentences = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                            (GDestroyNotify)g_array_unref);
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (SpSuggestItem));
  g_autoptr(SpSuggestScore) score = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  Predictions p = { strings, items };
  int status;

  if (!sp_cli_parse_options (&argc, &argv, 2, "PROJECT GOLD.tsv — score the claims and pending suggestions against hand-coded claims",
                             NULL, NULL, &status))
    return status;
  if (!(project = sp_cli_open_project (argv[1])))
    return SP_CLI_FAILED;
  if (!(gold = sp_suggest_list_load (argv[2], SP_SUGGEST_TSV_GOLD, &error)) ||
      !(names = document_names (project, &error)) ||
      !(claims = sp_project_list_claims (project, 0, &error)) ||
      !(pending = sp_project_list_suggestions (project, 0,
                                               SP_SUGGESTION_STATUS_MASK (SP_SUGGESTION_STATUS_PENDING),
                                               &error)))
    return sp_cli_fail (error);

  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(SpClaim) c = g_list_model_get_item (claims, i);
      gint64 doc = sp_claim_get_document_id (c);

      add_prediction (&p, g_hash_table_lookup (names, &doc), sp_claim_get_group_name (c),
                      sp_claim_get_issue_key (c), sp_claim_get_stance (c),
                      sentence_of (project, sentences, doc, sp_claim_get_start (c)));
    }
  for (guint i = 0; i < g_list_model_get_n_items (pending); i++)
    {
      g_autoptr(SpSuggestion) s = g_list_model_get_item (pending, i);
      gint64 doc = sp_suggestion_get_document_id (s);

      add_prediction (&p, g_hash_table_lookup (names, &doc), sp_suggestion_get_group_name (s),
                      sp_suggestion_get_issue_key (s), sp_suggestion_get_stance (s),
                      sentence_of (project, sentences, doc, sp_suggestion_get_start (s)));
    }

  score = sp_suggest_evaluate (gold, (const SpSuggestItem *)(gpointer)items->data, items->len, 0);
  text = sp_suggest_score_format (score, FALSE);
  sp_cli_print ("%s", text);

  return SP_CLI_OK;
}
