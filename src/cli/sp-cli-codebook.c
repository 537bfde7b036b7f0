/* sp-cli-codebook.c: the verbs codebook, actor, actors, issue and issues */
#define G_LOG_DOMAIN "standpoint-cli"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <gio/gunixinputstream.h>

#include "sp-cli-table.h"
#include "sp-codebook.h"
#include "sp-name.h"

/* Opens the codebook file to read, refusing anything but a regular file: reading a FIFO
 * would wait for a writer for good, and /dev/zero never ends. The file is opened without
 * blocking so that a FIFO is refused, not waited on. Returns: the descriptor, or -1 */
static int
open_input (const char  *path,
            GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  struct stat st;
  int fd;

  if ((fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC, 0)) < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "Cannot read %s: %s", display, g_strerror (saved_errno));
      return -1;
    }

  if (fstat (fd, &st) != 0)
    {
      int saved_errno = errno;

      close (fd);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "Cannot read %s: %s", display, g_strerror (saved_errno));
      return -1;
    }

  if (!S_ISREG (st.st_mode))
    {
      close (fd);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   S_ISDIR (st.st_mode) ? "Cannot read %s: it is a folder"
                                        : "Cannot read %s: it is not a regular file",
                   display);
      return -1;
    }

  return fd;
}

/* Reads FILE, or standard input for "-" */
static char *
read_input (const char  *path,
            gsize       *length,
            GError     **error)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GOutputStream) memory = NULL;
  gboolean from_stdin = g_str_equal (path, "-");
  int fd = STDIN_FILENO;

  if (!from_stdin && (fd = open_input (path, error)) < 0)
    return NULL;

  stream = g_unix_input_stream_new (fd, !from_stdin);
  memory = g_memory_output_stream_new_resizable ();
  if (g_output_stream_splice (memory, stream,
                              G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                              NULL, error) < 0)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_prefix_error (error, "Cannot read %s: ", from_stdin ? "standard input" : display);
      return NULL;
    }

  *length = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (memory));
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (memory));
}

static int
codebook_import (int    argc,
                 char **argv)
{
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  SpCodebookImportStats stats = { 0 };
  gsize length = 0;
  int status;

  if (!sp_cli_parse_options (&argc, &argv, 2, "PROJECT FILE — merge a codebook (JSON) into the project; FILE may be - for standard input",
                             NULL, NULL, &status))
    return status;

  if (!(contents = read_input (argv[2], &length, &error)))
    return sp_cli_fail (error);

  if (!(project = sp_cli_open_project_to_edit (argv[1])))
    return SP_CLI_FAILED;

  name = g_str_equal (argv[2], "-") ? g_strdup ("<stdin>") : g_path_get_basename (argv[2]);
  if (!sp_codebook_import (project, contents, length, name, &stats, &error))
    return sp_cli_fail (error);

  sp_cli_print ("actors added %u, updated %u; issues added %u, updated %u\n",
                stats.actors_added, stats.actors_updated, stats.issues_added, stats.issues_updated);

  return SP_CLI_OK;
}

static int
codebook_export (int    argc,
                 char **argv)
{
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write to FILE instead of standard output", "FILE" },
    { NULL }
  };
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  int status;

  if (!sp_cli_parse_options (&argc, &argv, 1, "PROJECT — write the project's codebook as JSON",
                             entries, NULL, &status))
    return status;

  if (!sp_cli_check_output (output, argv[1]))
    return SP_CLI_FAILED;

  if (!(project = sp_cli_open_project (argv[1])))
    return SP_CLI_FAILED;

  if (!(json = sp_codebook_export (project, &error)))
    return sp_cli_fail (error);

  return sp_cli_write_output (output, json, strlen (json)) ? SP_CLI_OK : SP_CLI_FAILED;
}

int
sp_cli_codebook (int    argc,
                 char **argv)
{
  static const SpCliSubcommand subcommands[] = {
    { "import", codebook_import },
    { "export", codebook_export },
    { NULL }
  };

  return sp_cli_dispatch (argc, argv, subcommands,
                          "usage: standpoint-cli codebook import PROJECT FILE | codebook export PROJECT [-o FILE]");
}

/* Nothing is deleted silently: an actor's or issue's claims go only when asked for */
/* What deleting a codebook entry needs to know of its kind: actors by name or alias, issues
 * by key. */
typedef struct
{
  const char *argument;          /* "NAME", "KEY" */
  const char *parameter_string;
  const char *with_claims_help;
  gboolean  (*find)     (SpProject *project, const char *name, gint64 *id, GError **error);
  char     *(*describe) (SpProject *project, gint64 id, guint *n_claims, GError **error);
  gboolean  (*remove)   (SpProject *project, gint64 id, GError **error);
} EntryKind;

/* Deleting an entry that has claims needs --with-claims, so that none is lost by a slip */
static int
delete_entry (const EntryKind  *kind,
              int               argc,
              char            **argv)
{
  gboolean with_claims = FALSE;
  GOptionEntry entries[] = {
    { "with-claims", 0, 0, G_OPTION_ARG_NONE, &with_claims, kind->with_claims_help, NULL },
    { NULL }
  };
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  guint n_claims = 0;
  gint64 id;
  int status;

  if (!sp_cli_parse_options (&argc, &argv, 2, kind->parameter_string,
                             entries, NULL, &status))
    return status;

  if (!sp_cli_check_text (argv[2], kind->argument))
    return SP_CLI_USAGE;

  if (!(project = sp_cli_open_project_to_edit (argv[1])))
    return SP_CLI_FAILED;
  if (!kind->find (project, argv[2], &id, &error) ||
      !(label = kind->describe (project, id, &n_claims, &error)))
    return sp_cli_fail (error);

  if (n_claims > 0 && !with_claims)
    {
      sp_cli_error ("%s has %u claims; add --with-claims to delete them too", label, n_claims);
      return SP_CLI_FAILED;
    }

  if (!kind->remove (project, id, &error))
    return sp_cli_fail (error);

  return SP_CLI_OK;
}

/* Actors */

static gboolean
resolve_affiliation (SpProject  *project,
                     const char *name,
                     gint64     *id)
{
  g_autoptr(GError) error = NULL;

  if (!sp_project_find_actor (project, name, id, &error))
    {
      sp_cli_error ("--affiliation: %s", error->message);
      return FALSE;
    }

  return TRUE;
}

static gboolean
parse_kind (const char  *text,
            SpActorKind *kind)
{
  if (!sp_actor_kind_from_string (text, kind))
    {
      sp_cli_error ("--kind: “%s” is not one of person, organisation, state, group", text ? text : "");
      return FALSE;
    }

  return TRUE;
}

/* Returns: (transfer full): @current without @remove and with @add appended */
static GStrv
edit_list (const char * const *current,
           const char * const *add,
           const char * const *remove)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; current != NULL && current[i] != NULL; i++)
    {
      gboolean removed = FALSE;

      for (guint j = 0; remove != NULL && remove[j] != NULL; j++)
        removed |= g_ascii_strcasecmp (current[i], remove[j]) == 0;
      if (!removed)
        g_strv_builder_add (builder, current[i]);
    }

  if (add != NULL)
    g_strv_builder_addv (builder, (const char **)add);

  return g_strv_builder_end (builder);
}

static int
actor_add (int    argc,
           char **argv)
{
  g_autofree char *kind_text = NULL;
  g_autofree char *affiliation = NULL;
  g_auto(GStrv) aliases = NULL;
  GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_text, "person, organisation, state or group", "KIND" },
    { "affiliation", 0, 0, G_OPTION_ARG_STRING, &affiliation, "The actor it belongs to (name or alias)", "NAME" },
    { "alias", 0, 0, G_OPTION_ARG_STRING_ARRAY, &aliases, "Another name it goes by (repeatable)", "ALIAS" },
    { NULL }
  };
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GError) error = NULL;
  SpActorKind kind;
  gint64 affiliation_id = 0;
  gint64 id;
  int status;

  if (!sp_cli_parse_options (&argc, &argv, 2, "PROJECT NAME — add an actor",
                             entries, NULL, &status))
    return status;
  if (!parse_kind (kind_text ? kind_text : "person", &kind))
    return SP_CLI_USAGE;

  if (!sp_cli_check_text (argv[2], "NAME"))
    return SP_CLI_USAGE;

  if (!(project = sp_cli_open_project_to_edit (argv[1])))
    return SP_CLI_FAILED;
  if (affiliation != NULL && !resolve_affiliation (project, affiliation, &affiliation_id))
    return SP_CLI_FAILED;

  if (!(id = sp_project_add_actor (project, argv[2], kind, affiliation_id, (const char * const *)aliases, &error)))
    return sp_cli_fail (error);

  sp_cli_print ("actor %" G_GINT64_FORMAT "\n", id);
  return SP_CLI_OK;
}

static int
actor_edit (int    argc,
            char **argv)
{
  g_autofree char *name = NULL;
  g_autofree char *kind_text = NULL;
  g_autofree char *affiliation = NULL;
  gboolean no_affiliation = FALSE;
  g_auto(GStrv) add_aliases = NULL;
  g_auto(GStrv) remove_aliases = NULL;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, "A new name", "NAME" },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_text, "person, organisation, state or group", "KIND" },
    { "affiliation", 0, 0, G_OPTION_ARG_STRING, &affiliation, "The actor it belongs to", "NAME" },
    { "no-affiliation", 0, 0, G_OPTION_ARG_NONE, &no_affiliation, "Remove the affiliation", NULL },
    { "alias", 0, 0, G_OPTION_ARG_STRING_ARRAY, &add_aliases, "Add an alias (repeatable)", "ALIAS" },
    { "remove-alias", 0, 0, G_OPTION_ARG_STRING_ARRAY, &remove_aliases, "Remove an alias (repeatable)", "ALIAS" },
    { NULL }
  };
  g_autoptr(SpProject) project = NULL;
  g_autoptr(SpActor) actor = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) aliases = NULL;
  SpActorKind kind;
  gint64 id, affiliation_id;
  int status;

  if (!sp_cli_parse_options (&argc, &argv, 2, "PROJECT NAME — change an actor (NAME may be an alias)",
                             entries, NULL, &status))
    return status;

  if (!sp_cli_check_text (argv[2], "NAME"))
    return SP_CLI_USAGE;

  if (!(project = sp_cli_open_project_to_edit (argv[1])))
    return SP_CLI_FAILED;
  if (!sp_project_find_actor (project, argv[2], &id, &error) ||
      !(actor = sp_project_get_actor (project, id, &error)))
    return sp_cli_fail (error);

  kind = sp_actor_get_kind (actor);
  if (kind_text != NULL && !parse_kind (kind_text, &kind))
    return SP_CLI_USAGE;

  affiliation_id = no_affiliation ? 0 : sp_actor_get_affiliation_id (actor);
  if (affiliation != NULL && !resolve_affiliation (project, affiliation, &affiliation_id))
    return SP_CLI_FAILED;

  aliases = edit_list (sp_actor_get_aliases (actor), (const char * const *)add_aliases,
                       (const char * const *)remove_aliases);

  if (!sp_project_update_actor (project, id, name ? name : sp_actor_get_name (actor), kind,
                                affiliation_id, (const char * const *)aliases, &error))
    return sp_cli_fail (error);

  return SP_CLI_OK;
}

static char *
describe_actor (SpProject  *project,
                gint64      id,
                guint      *n_claims,
                GError    **error)
{
  g_autoptr(SpActor) actor = sp_project_get_actor (project, id, error);

  if (actor == NULL)
    return NULL;

  *n_claims = sp_actor_get_claim_count (actor);
  return g_strdup (sp_actor_get_name (actor));
}

static int
actor_delete (int    argc,
              char **argv)
{
  static const EntryKind actors = {
    "NAME", "PROJECT NAME — delete an actor", "Also delete the actor's claims",
    sp_project_find_actor, describe_actor, sp_project_delete_actor,
  };

  return delete_entry (&actors, argc, argv);
}

/* Two actors that are one: the second goes into the first, with its claims, aliases and
 * members; one undo step in the window takes it back */
static int
actor_merge (int    argc,
             char **argv)
{
  g_autoptr(SpProject) project = NULL;
  g_autoptr(SpActor) merged = NULL;
  g_autoptr(GError) error = NULL;
  gint64 keep_id;
  gint64 merged_id;
  int status;

  if (!sp_cli_parse_options (&argc, &argv, 3, "PROJECT KEEP MERGED — merge the actor MERGED into KEEP (names or aliases)",
                             NULL, NULL, &status))
    return status;

  if (!sp_cli_check_text (argv[2], "KEEP") || !sp_cli_check_text (argv[3], "MERGED"))
    return SP_CLI_USAGE;

  if (!(project = sp_cli_open_project_to_edit (argv[1])))
    return SP_CLI_FAILED;
  if (!sp_project_find_actor (project, argv[2], &keep_id, &error) ||
      !sp_project_find_actor (project, argv[3], &merged_id, &error) ||
      !(merged = sp_project_get_actor (project, merged_id, &error)) ||
      !sp_project_merge_actors (project, keep_id, merged_id, &error))
    return sp_cli_fail (error);

  sp_cli_print ("actor %" G_GINT64_FORMAT ": %u claims moved\n", keep_id,
                sp_actor_get_claim_count (merged));
  return SP_CLI_OK;
}

int
sp_cli_actor (int    argc,
              char **argv)
{
  static const SpCliSubcommand subcommands[] = {
    { "add", actor_add },
    { "edit", actor_edit },
    { "delete", actor_delete },
    { "merge", actor_merge },
    { NULL }
  };

  return sp_cli_dispatch (argc, argv, subcommands,
                          "usage: standpoint-cli actor add|edit|delete PROJECT NAME [options] | actor merge PROJECT KEEP MERGED");
}

static void
add_actor_row (SpCliTable *table,
               gpointer    item)
{
  SpActor *actor = item;

  sp_cli_table_add_int (table, sp_actor_get_id (actor));
  sp_cli_table_add_text (table, sp_actor_get_name (actor));
  sp_cli_table_add_word (table, sp_actor_kind_to_string (sp_actor_get_kind (actor)));
  sp_cli_table_add_text (table, sp_actor_get_affiliation_name (actor));
  sp_cli_table_add_text (table, sp_actor_get_group_name (actor));
  sp_cli_table_add_list (table, sp_actor_get_aliases (actor));
  sp_cli_table_add_int (table, sp_actor_get_claim_count (actor));
}

int
sp_cli_actors (int    argc,
              char **argv)
{
  const char * const columns[] = { "id", "name", "kind", "affiliation", "group", "aliases", "claims", NULL };
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GListModel) actors = NULL;
  g_autoptr(SpCliTable) table = sp_cli_table_new (columns);
  g_autoptr(GError) error = NULL;
  SpCliFormat format;
  int status;

  if (!(project = sp_cli_open_listing (&argc, &argv, 1, "PROJECT — list the actors", NULL, &format, &status)))
    return status;
  if (!(actors = sp_project_list_actors (project, &error)))
    return sp_cli_fail (error);

  return sp_cli_table_print_model (table, actors, add_actor_row, format);
}

/* Issues */

/* A phrase given in two of the options --keyword, --opposing-keyword and --excluded-phrase
 * would be of two kinds at once: refused with the phrase and both options named */
static gboolean
check_phrase_kinds (char          **keywords,
                    char          **opposing,
                    char          **excluded,
                    int            *status)
{
  static const char * const options[] = { "--keyword", "--opposing-keyword", "--excluded-phrase" };
  const char * const *lists[] = {
    (const char * const *) keywords, (const char * const *) opposing, (const char * const *) excluded,
  };
  guint list, index, earlier;
  g_autofree char *message = NULL;

  if (!sp_name_lists_overlap (lists, G_N_ELEMENTS (lists), &list, &index, &earlier))
    return TRUE;

  message = g_strdup_printf ("\"%s\" is given both as %s and as %s", lists[list][index],
                             options[earlier], options[list]);
  *status = sp_cli_usage (NULL, message);
  return FALSE;
}

static int
issue_add (int    argc,
           char **argv)
{
  g_autofree char *label = NULL;
  g_autofree char *proposition = NULL;
  g_auto(GStrv) keywords = NULL;
  g_auto(GStrv) opposing = NULL;
  g_auto(GStrv) excluded = NULL;
  GOptionEntry entries[] = {
    { "label", 0, 0, G_OPTION_ARG_STRING, &label, "A short label (required)", "LABEL" },
    { "proposition", 0, 0, G_OPTION_ARG_STRING, &proposition, "The proposition stances are coded on", "TEXT" },
    { "keyword", 0, 0, G_OPTION_ARG_STRING_ARRAY, &keywords, "A phrase that signals the issue (repeatable)", "PHRASE" },
    { "opposing-keyword", 0, 0, G_OPTION_ARG_STRING_ARRAY, &opposing,
      "A phrase that names the contrary of the proposition (repeatable)", "PHRASE" },
    { "excluded-phrase", 0, 0, G_OPTION_ARG_STRING_ARRAY, &excluded,
      "A phrase in which a keyword does not stand for the issue (repeatable)", "PHRASE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;
  gboolean ok;
  int status;

  if (!sp_cli_parse_options (&argc, &argv, 2, "PROJECT KEY — add an issue",
                             entries, &context, &status))
    return status;
  if (label == NULL)
    return sp_cli_usage (context, "--label is required");
  if (!check_phrase_kinds (keywords, opposing, excluded, &status))
    return status;

  if (!sp_cli_check_text (argv[2], "KEY"))
    return SP_CLI_USAGE;

  if (!(project = sp_cli_open_project_to_edit (argv[1])))
    return SP_CLI_FAILED;

  if (!sp_project_begin_action (project, "Add Issue", &error))
    return sp_cli_fail (error);
  id = sp_project_add_issue (project, argv[2], label, proposition, (const char * const *)keywords, &error);
  ok = id != 0 &&
       (opposing == NULL ||
        sp_project_set_issue_keywords_of_kind (project, id, SP_KEYWORD_KIND_OPPOSING,
                                               (const char * const *)opposing, &error)) &&
       (excluded == NULL ||
        sp_project_set_issue_keywords_of_kind (project, id, SP_KEYWORD_KIND_EXCLUDED,
                                               (const char * const *)excluded, &error));
  if (!sp_project_end_action (project, ok, ok ? &error : NULL) || !ok)
    return sp_cli_fail (error);

  sp_cli_print ("issue %" G_GINT64_FORMAT "\n", id);
  return SP_CLI_OK;
}

static int
issue_edit (int    argc,
            char **argv)
{
  g_autofree char *key = NULL;
  g_autofree char *label = NULL;
  g_autofree char *proposition = NULL;
  g_auto(GStrv) add_keywords = NULL;
  g_auto(GStrv) remove_keywords = NULL;
  g_auto(GStrv) add_opposing = NULL;
  g_auto(GStrv) remove_opposing = NULL;
  g_auto(GStrv) add_excluded = NULL;
  g_auto(GStrv) remove_excluded = NULL;
  GOptionEntry entries[] = {
    { "key", 0, 0, G_OPTION_ARG_STRING, &key, "A new key", "KEY" },
    { "label", 0, 0, G_OPTION_ARG_STRING, &label, "A new label", "LABEL" },
    { "proposition", 0, 0, G_OPTION_ARG_STRING, &proposition, "A new proposition", "TEXT" },
    { "keyword", 0, 0, G_OPTION_ARG_STRING_ARRAY, &add_keywords, "Add a keyword (repeatable)", "PHRASE" },
    { "remove-keyword", 0, 0, G_OPTION_ARG_STRING_ARRAY, &remove_keywords, "Remove a keyword (repeatable)", "PHRASE" },
    { "opposing-keyword", 0, 0, G_OPTION_ARG_STRING_ARRAY, &add_opposing,
      "Add an opposing keyword, one that names the contrary of the proposition (repeatable)", "PHRASE" },
    { "remove-opposing-keyword", 0, 0, G_OPTION_ARG_STRING_ARRAY, &remove_opposing,
      "Remove an opposing keyword (repeatable)", "PHRASE" },
    { "excluded-phrase", 0, 0, G_OPTION_ARG_STRING_ARRAY, &add_excluded,
      "Add a phrase in which a keyword does not stand for the issue (repeatable)", "PHRASE" },
    { "remove-excluded-phrase", 0, 0, G_OPTION_ARG_STRING_ARRAY, &remove_excluded,
      "Remove an excluded phrase (repeatable)", "PHRASE" },
    { NULL }
  };
  g_autoptr(SpProject) project = NULL;
  g_autoptr(SpIssue) issue = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) keywords = NULL;
  g_auto(GStrv) opposing = NULL;
  g_auto(GStrv) excluded = NULL;
  gint64 id;
  gboolean ok;
  int status;

  if (!sp_cli_parse_options (&argc, &argv, 2, "PROJECT KEY — change an issue",
                             entries, NULL, &status))
    return status;
  if (!check_phrase_kinds (add_keywords, add_opposing, add_excluded, &status))
    return status;

  if (!sp_cli_check_text (argv[2], "KEY"))
    return SP_CLI_USAGE;

  if (!(project = sp_cli_open_project_to_edit (argv[1])))
    return SP_CLI_FAILED;
  if (!sp_project_find_issue (project, argv[2], &id, &error) ||
      !(issue = sp_project_get_issue (project, id, &error)))
    return sp_cli_fail (error);

  keywords = edit_list (sp_issue_get_keywords (issue), (const char * const *)add_keywords,
                        (const char * const *)remove_keywords);
  opposing = edit_list (sp_issue_get_opposing_keywords (issue), (const char * const *)add_opposing,
                        (const char * const *)remove_opposing);
  excluded = edit_list (sp_issue_get_excluded_phrases (issue), (const char * const *)add_excluded,
                        (const char * const *)remove_excluded);

  /* One undo step; a phrase given as one kind leaves the others, so each other kind is
   * written only when asked for */
  if (!sp_project_begin_action (project, "Edit Issue", &error))
    return sp_cli_fail (error);
  ok = sp_project_update_issue (project, id,
                                key ? key : sp_issue_get_key (issue),
                                label ? label : sp_issue_get_label (issue),
                                proposition ? proposition : sp_issue_get_proposition (issue),
                                (const char * const *)keywords, &error) &&
       ((add_opposing == NULL && remove_opposing == NULL) ||
        sp_project_set_issue_keywords_of_kind (project, id, SP_KEYWORD_KIND_OPPOSING,
                                               (const char * const *)opposing, &error)) &&
       ((add_excluded == NULL && remove_excluded == NULL) ||
        sp_project_set_issue_keywords_of_kind (project, id, SP_KEYWORD_KIND_EXCLUDED,
                                               (const char * const *)excluded, &error));
  if (!sp_project_end_action (project, ok, ok ? &error : NULL) || !ok)
    return sp_cli_fail (error);

  return SP_CLI_OK;
}

static char *
describe_issue (SpProject  *project,
                gint64      id,
                guint      *n_claims,
                GError    **error)
{
  g_autoptr(SpIssue) issue = sp_project_get_issue (project, id, error);

  if (issue == NULL)
    return NULL;

  *n_claims = sp_issue_get_claim_count (issue);
  return g_strdup (sp_issue_get_key (issue));
}

static int
issue_delete (int    argc,
              char **argv)
{
  static const EntryKind issues = {
    "KEY", "PROJECT KEY — delete an issue", "Also delete the issue's claims",
    sp_project_find_issue, describe_issue, sp_project_delete_issue,
  };

  return delete_entry (&issues, argc, argv);
}

int
sp_cli_issue (int    argc,
              char **argv)
{
  static const SpCliSubcommand subcommands[] = {
    { "add", issue_add },
    { "edit", issue_edit },
    { "delete", issue_delete },
    { NULL }
  };

  return sp_cli_dispatch (argc, argv, subcommands,
                          "usage: standpoint-cli issue add|edit|delete PROJECT KEY [options]");
}

static void
add_issue_row (SpCliTable *table,
               gpointer    item)
{
  SpIssue *issue = item;

  sp_cli_table_add_int (table, sp_issue_get_id (issue));
  sp_cli_table_add_text (table, sp_issue_get_key (issue));
  sp_cli_table_add_text (table, sp_issue_get_label (issue));
  sp_cli_table_add_text (table, sp_issue_get_proposition (issue));
  sp_cli_table_add_list (table, sp_issue_get_keywords (issue));
  sp_cli_table_add_int (table, sp_issue_get_claim_count (issue));
  sp_cli_table_add_list (table, sp_issue_get_opposing_keywords (issue));
  sp_cli_table_add_list (table, sp_issue_get_excluded_phrases (issue));
}

int
sp_cli_issues (int    argc,
              char **argv)
{
  const char * const columns[] = { "id", "key", "label", "proposition", "keywords", "claims",
                                   "opposing_keywords", "excluded_phrases", NULL };
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GListModel) issues = NULL;
  g_autoptr(SpCliTable) table = sp_cli_table_new (columns);
  g_autoptr(GError) error = NULL;
  SpCliFormat format;
  int status;

  if (!(project = sp_cli_open_listing (&argc, &argv, 1, "PROJECT — list the issues", NULL, &format, &status)))
    return status;
  if (!(issues = sp_project_list_issues (project, &error)))
    return sp_cli_fail (error);

  return sp_cli_table_print_model (table, issues, add_issue_row, format);
}
