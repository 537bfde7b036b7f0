/* standpoint-cli.c
 *
 * The command-line front end: every core operation without a window, for batch work, scripts
 * and tests. The verbs and their output columns are a public interface (README.md).
 */
#define G_LOG_DOMAIN "standpoint-cli"

#include "config.h"

#include <locale.h>
#include <stdio.h>

#include <glib/gi18n.h>

#include "sp-cli.h"

typedef struct
{
  const char *name;
  int       (*run) (int argc, char **argv);
  const char *usage;
} SpCliVerb;

static const SpCliVerb verbs[] = {
  { "new", sp_cli_new, "new PROJECT" },
  { "import", sp_cli_import, "import PROJECT PATH..." },
  { "documents", sp_cli_documents, "documents PROJECT [--format csv|json] [--with-body] [--search QUERY] [--sort date|title|source]" },
  { "document", sp_cli_document, "document edit|delete|removed PROJECT DOCUMENT [options] | document restore PROJECT REMOVAL-ID" },
  { "codebook", sp_cli_codebook, "codebook import PROJECT FILE | codebook export PROJECT [-o FILE]" },
  { "actor", sp_cli_actor, "actor add|edit|delete PROJECT NAME [options]" },
  { "actors", sp_cli_actors, "actors PROJECT [--format csv|json]" },
  { "issue", sp_cli_issue, "issue add|edit|delete PROJECT KEY [options]" },
  { "issues", sp_cli_issues, "issues PROJECT [--format csv|json]" },
  { "claim", sp_cli_claim, "claim add|edit|delete PROJECT ... [options]" },
  { "claims", sp_cli_claims, "claims PROJECT [--format csv|json] [--include-suggestions]" },
  { "suggest", sp_cli_suggest, "suggest PROJECT [--document ID|FILE-NAME]..." },
  { "suggestions", sp_cli_suggestions, "suggestions PROJECT [--format csv|json]" },
  { "accept", sp_cli_accept, "accept PROJECT SUGGESTION-ID..." },
  { "reject", sp_cli_reject, "reject PROJECT SUGGESTION-ID..." },
  { "evaluate", sp_cli_evaluate, "evaluate PROJECT GOLD.tsv" },
  { "matrix", sp_cli_matrix, "matrix PROJECT --format csv|csv-long|json|png|svg|pdf -o FILE [--level actor|group] [--aggregate mean|latest|majority] [--per claim|document] [--from DATE] [--to DATE] [--include-suggestions] [--order alpha|activity|similarity] [--all-rows] [--scale N] [--title TEXT]" },
  { "evidence", sp_cli_evidence, "evidence PROJECT --actor NAME --issue KEY [--level actor|group] [--format csv|json]" },
};

static void
print_usage (FILE *out)
{
  fprintf (out, "Usage: standpoint-cli COMMAND ...\n\nCommands:\n");
  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    fprintf (out, "  standpoint-cli %s\n", verbs[i].usage);
  fprintf (out, "\nA name or path that starts with “-” goes right after “--”, and options may follow it:\n"
                "  standpoint-cli actor edit PROJECT -- -Foo --name Foo\n"
                "\nRun standpoint-cli COMMAND --help for a command's options.\n");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("standpoint-cli");

  if (argc < 2)
    {
      print_usage (stderr);
      return SP_CLI_USAGE;
    }

  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "help"))
    {
      print_usage (stdout);
      return SP_CLI_OK;
    }

  if (g_str_equal (argv[1], "--version"))
    {
      printf ("standpoint-cli %s\n", PACKAGE_VERSION);
      return SP_CLI_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    if (g_str_equal (argv[1], verbs[i].name))
      {
        sp_cli_set_command (verbs[i].name);
        return verbs[i].run (argc - 1, argv + 1);
      }

  sp_cli_error ("unknown command “%s”; run standpoint-cli --help", argv[1]);
  return SP_CLI_USAGE;
}
