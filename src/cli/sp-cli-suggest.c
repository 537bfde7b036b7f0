/* sp-cli-suggest.c: the verb suggest, which runs the suggestion engine (built only with the
 * engine's sources in src/core/suggest: see src/cli/meson.build) */
#define G_LOG_DOMAIN "standpoint-cli"

#include "config.h"

#include "sp-cli.h"
#include "sp-suggest-pass.h"

int
sp_cli_suggest (int    argc,
                char **argv)
{
  g_auto(GStrv) documents = NULL;
  GOptionEntry entries[] = {
    { "document", 0, 0, G_OPTION_ARG_STRING_ARRAY, &documents,
      "Only this document, by id or file name (repeatable; default: every document)", "DOCUMENT" },
    { NULL }
  };
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  SpSuggestStats stats = { 0 };
  int status;

  if (!sp_cli_parse_options (&argc, &argv, 1, "PROJECT — propose claims: store pending suggestions for the documents",
                             entries, NULL, &status))
    return status;
  if (!(project = sp_cli_open_project_to_edit (argv[1])))
    return SP_CLI_FAILED;

  /* every document is found before any is read: a wrong name changes nothing */
  for (guint i = 0; documents != NULL && documents[i] != NULL; i++)
    {
      gint64 id;

      if (!sp_project_find_document (project, documents[i], &id, &error))
        return sp_cli_fail (error);
      g_array_append_val (ids, id);
    }

  if (!sp_suggest_documents (project, (const gint64 *)(gpointer)ids->data, ids->len, NULL, NULL, NULL, &stats, &error))
    return sp_cli_fail (error);

  sp_cli_print ("suggested %u claims in %u documents; %u speakers not in the codebook\n",
                stats.n_suggestions, stats.n_documents, stats.n_speakers);

  return SP_CLI_OK;
}
