/* sp-cli-claims.c: the verbs claim and claims */
#define G_LOG_DOMAIN "standpoint-cli"

#include "config.h"


#include "sp-cli-table.h"

/* Claims from accepted suggestions say "accepted"; with --include-suggestions, the
 * suggestions that are not claims say "pending" or "rejected". */
static const char *
claim_status (SpClaim *claim)
{
  return sp_claim_get_origin (claim) == SP_CLAIM_ORIGIN_SUGGESTED ? "accepted" : "manual";
}

/* Folds runs of white space to one space, remembering for each kept character its
 * character offset in @text. */
static char *
fold_spaces (const char *text,
             GArray     *offsets)
{
  g_autoptr(GString) folded = g_string_new (NULL);
  gboolean in_space = TRUE;
  guint offset = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p), offset++)
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          if (in_space)
            continue;
          c = ' ';
          in_space = TRUE;
        }
      else
        in_space = FALSE;

      g_string_append_unichar (folded, c);
      if (offsets != NULL)
        g_array_append_val (offsets, offset);
    }

  if (folded->len > 0 && folded->str[folded->len - 1] == ' ')
    {
      g_string_truncate (folded, folded->len - 1);
      if (offsets != NULL)
        g_array_set_size (offsets, offsets->len - 1);
    }

  return g_string_free (g_steal_pointer (&folded), FALSE);
}

/**
 * find_quote_as_typed:
 *
 * Finds the first place @quote occurs in @body, first exactly, then ignoring differences in
 * white space (a quote copied from a wrapped page has line breaks where the body has
 * spaces). Offsets are characters.
 */
static gboolean
find_quote_as_typed (const char *body,
                     const char *quote,
                     guint      *start,
                     guint      *end)
{
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *folded_body = NULL;
  g_autofree char *folded_quote = NULL;
  const char *found;
  guint first, length;

  if (quote[0] == '\0')
    return FALSE;

  if ((found = strstr (body, quote)) != NULL)
    {
      *start = g_utf8_pointer_to_offset (body, found);
      *end = *start + g_utf8_strlen (quote, -1);
      return TRUE;
    }

  folded_body = fold_spaces (body, offsets);
  folded_quote = fold_spaces (quote, NULL);
  if (folded_quote[0] == '\0' || !(found = strstr (folded_body, folded_quote)))
    return FALSE;

  first = g_utf8_pointer_to_offset (folded_body, found);
  length = g_utf8_strlen (folded_quote, -1);
  *start = g_array_index (offsets, guint, first);
  *end = g_array_index (offsets, guint, first + length - 1) + 1;

  return TRUE;
}

/* Bodies are stored in NFC, and a quote typed or pasted in another form ("E" and a combining
 * accent for "É") is the same text: it is looked for as typed and then in NFC, so that a body
 * stored before import normalised still matches a quote copied from it. */
static gboolean
find_quote (const char *body,
            const char *quote,
            guint      *start,
            guint      *end)
{
  g_autofree char *nfc = g_utf8_normalize (quote, -1, G_NORMALIZE_NFC);

  return find_quote_as_typed (body, quote, start, end) ||
         (nfc != NULL && find_quote_as_typed (body, nfc, start, end));
}

/* An option naming a document, actor or issue must name something */
static gboolean
check_not_empty (const char *value,
                 const char *option)
{
  if (value != NULL && value[0] == '\0')
    {
      sp_cli_error ("%s is empty", option);
      return FALSE;
    }

  return TRUE;
}

static int
claim_add (int    argc,
           char **argv)
{
  g_autofree char *document = NULL;
  g_autofree char *actor = NULL;
  g_autofree char *issue = NULL;
  g_autofree char *stance_text = NULL;
  g_autofree char *quote = NULL;
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;
  g_autofree char *note = NULL;
  GOptionEntry entries[] = {
    { "document", 0, 0, G_OPTION_ARG_STRING, &document, "The document's id or file name", "ID|FILE-NAME" },
    { "actor", 0, 0, G_OPTION_ARG_STRING, &actor, "Who takes the stance (name or alias)", "NAME" },
    { "issue", 0, 0, G_OPTION_ARG_STRING, &issue, "The issue's key", "KEY" },
    { "stance", 0, 0, G_OPTION_ARG_STRING, &stance_text, "From -2 (strongly oppose) to 2 (strongly support)", "N" },
    { "quote", 0, 0, G_OPTION_ARG_STRING, &quote, "The claim's words, as they occur in the document", "TEXT" },
    { "start", 0, 0, G_OPTION_ARG_STRING, &start_text, "First character of the claim (instead of --quote)", "N" },
    { "end", 0, 0, G_OPTION_ARG_STRING, &end_text, "One past the claim's last character", "N" },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, "A note", "TEXT" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  SpClaimSpec spec = { 0 };
  gint64 id;
  int status;

  if (!sp_cli_parse_options (&argc, &argv, 1, "PROJECT — add a claim",
                             entries, &context, &status))
    return status;

  if (document == NULL || actor == NULL || issue == NULL || stance_text == NULL)
    return sp_cli_usage (context, "--document, --actor, --issue and --stance are required");
  if ((quote != NULL) == (start_text != NULL || end_text != NULL) ||
      (start_text != NULL) != (end_text != NULL))
    return sp_cli_usage (context, "give either --quote or both --start and --end");
  if (!check_not_empty (document, "--document") || !check_not_empty (actor, "--actor") ||
      !check_not_empty (issue, "--issue") || (quote != NULL && !check_not_empty (quote, "--quote")))
    return SP_CLI_USAGE;
  if (!sp_cli_parse_stance (stance_text, &spec.stance))
    return SP_CLI_USAGE;
  if (start_text != NULL &&
      (!sp_cli_parse_uint (start_text, "--start", &spec.start) ||
       !sp_cli_parse_uint (end_text, "--end", &spec.end)))
    return SP_CLI_USAGE;
  if (start_text != NULL && spec.end <= spec.start)
    {
      if (spec.end < spec.start)
        sp_cli_error ("--start %u, --end %u: the end comes before the start", spec.start, spec.end);
      else
        sp_cli_error ("--start %u, --end %u: the claim is empty; --end is one past its last character",
                      spec.start, spec.end);
      return SP_CLI_USAGE;
    }

  if (!(project = sp_cli_open_project_to_edit (argv[1])))
    return SP_CLI_FAILED;

  if (!sp_project_find_document (project, document, &spec.document_id, &error) ||
      !sp_project_find_actor (project, actor, &spec.actor_id, &error) ||
      !sp_project_find_issue (project, issue, &spec.issue_id, &error))
    return sp_cli_fail (error);

  if (quote != NULL)
    {
      if (!(body = sp_project_dup_document_body (project, spec.document_id, &error)))
        return sp_cli_fail (error);

      if (!find_quote (body, quote, &spec.start, &spec.end))
        {
          sp_cli_error ("--quote: the text does not occur in document %" G_GINT64_FORMAT " (%s)",
                        spec.document_id, document);
          return SP_CLI_FAILED;
        }
    }

  spec.note = note;
  spec.origin = SP_CLAIM_ORIGIN_MANUAL;

  if (!(id = sp_project_add_claim (project, &spec, &error)))
    return sp_cli_fail (error);

  sp_cli_print ("claim %" G_GINT64_FORMAT " (characters %u-%u)\n", id, spec.start, spec.end);
  return SP_CLI_OK;
}

static gboolean
parse_claim_id (const char *text,
                gint64     *id)
{
  if (!g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, id, NULL))
    {
      sp_cli_error ("“%s” is not a claim id", text);
      return FALSE;
    }

  return TRUE;
}

static int
claim_edit (int    argc,
            char **argv)
{
  g_autofree char *actor = NULL;
  g_autofree char *issue = NULL;
  g_autofree char *stance_text = NULL;
  g_autofree char *note = NULL;
  GOptionEntry entries[] = {
    { "actor", 0, 0, G_OPTION_ARG_STRING, &actor, "Who takes the stance (name or alias)", "NAME" },
    { "issue", 0, 0, G_OPTION_ARG_STRING, &issue, "The issue's key", "KEY" },
    { "stance", 0, 0, G_OPTION_ARG_STRING, &stance_text, "From -2 to 2", "N" },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, "A note (empty to remove it)", "TEXT" },
    { NULL }
  };
  g_autoptr(SpProject) project = NULL;
  g_autoptr(SpClaim) claim = NULL;
  g_autoptr(GError) error = NULL;
  SpClaimSpec spec = { 0 };
  gint64 id;
  int status;

  if (!sp_cli_parse_options (&argc, &argv, 2, "PROJECT CLAIM-ID — change a claim",
                             entries, NULL, &status))
    return status;
  if (!parse_claim_id (argv[2], &id))
    return SP_CLI_USAGE;
  if (!check_not_empty (actor, "--actor") || !check_not_empty (issue, "--issue"))
    return SP_CLI_USAGE;

  if (!(project = sp_cli_open_project_to_edit (argv[1])))
    return SP_CLI_FAILED;
  if (!(claim = sp_project_get_claim (project, id, &error)))
    return sp_cli_fail (error);

  spec.document_id = sp_claim_get_document_id (claim);
  spec.start = sp_claim_get_start (claim);
  spec.end = sp_claim_get_end (claim);
  spec.actor_id = sp_claim_get_actor_id (claim);
  spec.issue_id = sp_claim_get_issue_id (claim);
  spec.stance = sp_claim_get_stance (claim);
  spec.note = note ? note : sp_claim_get_note (claim);
  spec.origin = sp_claim_get_origin (claim);
  spec.confidence = sp_claim_get_confidence (claim);

  if (stance_text != NULL && !sp_cli_parse_stance (stance_text, &spec.stance))
    return SP_CLI_USAGE;
  if ((actor != NULL && !sp_project_find_actor (project, actor, &spec.actor_id, &error)) ||
      (issue != NULL && !sp_project_find_issue (project, issue, &spec.issue_id, &error)))
    return sp_cli_fail (error);

  if (!sp_project_update_claim (project, id, &spec, &error))
    return sp_cli_fail (error);

  return SP_CLI_OK;
}

static int
claim_delete (int    argc,
              char **argv)
{
  g_autoptr(SpProject) project = NULL;
  g_autoptr(SpClaim) claim = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;
  int status;

  if (!sp_cli_parse_options (&argc, &argv, 2, "PROJECT CLAIM-ID — delete a claim",
                             NULL, NULL, &status))
    return status;
  if (!parse_claim_id (argv[2], &id))
    return SP_CLI_USAGE;

  /* Looked up first, as claim edit does: the store's delete is not the place to learn that
   * an id typed on the command line names no claim */
  if (!(project = sp_cli_open_project_to_edit (argv[1])))
    return SP_CLI_FAILED;
  if (!(claim = sp_project_get_claim (project, id, &error)) ||
      !sp_project_delete_claim (project, id, &error))
    return sp_cli_fail (error);

  return SP_CLI_OK;
}

int
sp_cli_claim (int    argc,
              char **argv)
{
  static const SpCliSubcommand subcommands[] = {
    { "add", claim_add },
    { "edit", claim_edit },
    { "delete", claim_delete },
    { NULL }
  };

  return sp_cli_dispatch (argc, argv, subcommands,
                          "usage: standpoint-cli claim add PROJECT [options] | claim edit|delete PROJECT CLAIM-ID");
}

/* A row of the listing: a claim or, with --include-suggestions, a suggestion not (yet)
 * a claim, placed by document and position */
typedef struct
{
  gint64   document_id;
  guint    start;
  guint    end;
  gpointer item;   /* SpClaim or SpSuggestion, borrowed */
} Row;

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const Row *x = a, *y = b;

  if (x->document_id != y->document_id)
    return x->document_id < y->document_id ? -1 : 1;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;
  /* a claim before a suggestion of the same span; then by id */
  if (SP_IS_SUGGESTION (x->item) != SP_IS_SUGGESTION (y->item))
    return SP_IS_SUGGESTION (x->item) ? 1 : -1;
  if (SP_IS_SUGGESTION (x->item))
    return sp_suggestion_get_id (x->item) < sp_suggestion_get_id (y->item) ? -1 : 1;
  return sp_claim_get_id (x->item) < sp_claim_get_id (y->item) ? -1 : 1;
}

/* The columns after note: the document's source, author, section and type and the actor's affiliation
 * and kind, looked up in the lists loaded once (the store's claim rows do not carry them) */
typedef struct
{
  GHashTable *documents;  /* id -> SpDocument */
  GHashTable *actors;     /* id -> SpActor */
} Lookups;

static void
lookups_clear (Lookups *lookups)
{
  g_clear_pointer (&lookups->documents, g_hash_table_unref);
  g_clear_pointer (&lookups->actors, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Lookups, lookups_clear)

static void
add_context_cells (SpCliTable *table,
                   Lookups    *lookups,
                   gint64      document_id,
                   gint64      actor_id)
{
  SpDocument *document = g_hash_table_lookup (lookups->documents, &document_id);
  SpActor *actor = g_hash_table_lookup (lookups->actors, &actor_id);

  sp_cli_table_add_text (table, document != NULL ? sp_document_get_source (document) : NULL);
  sp_cli_table_add_text (table, document != NULL ? sp_document_get_author (document) : NULL);
  sp_cli_table_add_text (table, document != NULL ? sp_document_get_section (document) : NULL);
  sp_cli_table_add_text (table, document != NULL ? sp_document_get_document_type (document) : NULL);
  sp_cli_table_add_text (table, actor != NULL ? sp_actor_get_affiliation_name (actor) : NULL);
  sp_cli_table_add_word (table, actor != NULL ? sp_actor_kind_to_string (sp_actor_get_kind (actor)) : NULL);
}

static gboolean
load_lookups (SpProject  *project,
              Lookups    *lookups,
              GError    **error)
{
  g_autoptr(GListModel) documents = sp_project_list_documents (project, error);
  g_autoptr(GListModel) actors = NULL;

  if (documents == NULL || !(actors = sp_project_list_actors (project, error)))
    return FALSE;

  lookups->documents = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  lookups->actors = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      SpDocument *document = g_list_model_get_item (documents, i);
      gint64 id = sp_document_get_id (document);

      g_hash_table_insert (lookups->documents, g_memdup2 (&id, sizeof id), document);
    }
  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      SpActor *actor = g_list_model_get_item (actors, i);
      gint64 id = sp_actor_get_id (actor);

      g_hash_table_insert (lookups->actors, g_memdup2 (&id, sizeof id), actor);
    }

  return TRUE;
}

static void
add_claim_row (SpCliTable *table,
               SpClaim    *claim)
{
  sp_cli_table_begin_row (table);
  sp_cli_table_add_int (table, sp_claim_get_id (claim));
  sp_cli_table_add_int (table, sp_claim_get_document_id (claim));
  sp_cli_table_add_text (table, sp_claim_get_document_file (claim));
  sp_cli_table_add_text (table, sp_claim_get_document_title (claim));
  sp_cli_table_add_word (table, sp_claim_get_document_date (claim));
  sp_cli_table_add_text (table, sp_claim_get_actor_name (claim));
  sp_cli_table_add_text (table, sp_claim_get_group_name (claim));
  sp_cli_table_add_text (table, sp_claim_get_issue_key (claim));
  sp_cli_table_add_int (table, sp_claim_get_stance (claim));
  sp_cli_table_add_word (table, claim_status (claim));
  sp_cli_table_add_double (table, sp_claim_get_confidence (claim), sp_claim_get_confidence (claim) >= 0);
  sp_cli_table_add_int (table, sp_claim_get_start (claim));
  sp_cli_table_add_int (table, sp_claim_get_end (claim));
  sp_cli_table_add_text (table, sp_claim_get_quote (claim));
  sp_cli_table_add_text (table, sp_claim_get_note (claim));
}

int
sp_cli_claims (int    argc,
               char **argv)
{
  const char * const columns[] = {
    "id", "document_id", "file", "title", "date", "actor", "group", "issue", "stance", "status",
    "confidence", "start", "end", "quote", "note", "source", "author", "section", "document_type", "affiliation",
    "actor_kind", NULL
  };
  gboolean with_suggestions = FALSE;
  GOptionEntry entries[] = {
    { "include-suggestions", 0, 0, G_OPTION_ARG_NONE, &with_suggestions,
      "Also list the pending and rejected suggestions (their id is the suggestion's)", NULL },
    { NULL }
  };
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GListModel) claims = NULL;
  g_autoptr(GListModel) suggestions = NULL;
  g_autoptr(SpCliTable) table = sp_cli_table_new (columns);
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (Row));
  g_autoptr(GError) error = NULL;
  g_auto(Lookups) lookups = { 0 };
  SpCliFormat format;
  int status;

  if (!(project = sp_cli_open_listing (&argc, &argv, 1, "PROJECT — list the claims", entries, &format, &status)))
    return status;
  if (!(claims = sp_project_list_claims (project, 0, &error)) ||
      !load_lookups (project, &lookups, &error))
    return sp_cli_fail (error);
  if (with_suggestions &&
      !(suggestions = sp_project_list_suggestions (project, 0,
                                                   SP_SUGGESTION_STATUS_MASK (SP_SUGGESTION_STATUS_PENDING) |
                                                   SP_SUGGESTION_STATUS_MASK (SP_SUGGESTION_STATUS_REJECTED),
                                                   &error)))
    return sp_cli_fail (error);

  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      SpClaim *claim = g_list_model_get_item (claims, i);
      Row row = { sp_claim_get_document_id (claim), sp_claim_get_start (claim), sp_claim_get_end (claim), claim };

      g_object_unref (claim);   /* the list keeps it */
      g_array_append_val (rows, row);
    }
  for (guint i = 0; suggestions != NULL && i < g_list_model_get_n_items (suggestions); i++)
    {
      SpSuggestion *s = g_list_model_get_item (suggestions, i);
      Row row = { sp_suggestion_get_document_id (s), sp_suggestion_get_start (s), sp_suggestion_get_end (s), s };

      g_object_unref (s);
      g_array_append_val (rows, row);
    }
  g_array_sort (rows, compare_rows);

  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);

      if (SP_IS_SUGGESTION (row->item))
        {
          sp_cli_add_suggestion_row (table, row->item);
          add_context_cells (table, &lookups, row->document_id, sp_suggestion_get_actor_id (row->item));
        }
      else
        {
          add_claim_row (table, row->item);
          add_context_cells (table, &lookups, row->document_id, sp_claim_get_actor_id (row->item));
        }
    }

  return sp_cli_table_print (table, format);
}
