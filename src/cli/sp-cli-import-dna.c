/* sp-cli-import-dna.c: the verb import-dna */
#define G_LOG_DOMAIN "standpoint-cli"

#include "config.h"

#include "sp-cli.h"
#include "sp-dna-import.h"
#include "sp-sentences.h"

static GArray *
split_sentences (const char *text,
                 gsize       length,
                 gpointer    user_data)
{
  return sp_sentence_splitter_split (user_data, text, length);
}

int
sp_cli_import_dna (int    argc,
                   char **argv)
{
  g_autoptr(SpSentenceSplitter) splitter = NULL;
  g_autoptr(SpProject) project = NULL;
  g_autoptr(SpDnaFile) file = NULL;
  g_autoptr(SpDnaReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  int status;

  if (!sp_cli_parse_options (&argc, &argv, 2, "PROJECT FILE.dna — import a Discourse Network Analyzer project",
                             NULL, NULL, &status))
    return status;

  /* the DNA file is read (and refused) before the project is touched */
  if (!(file = sp_dna_file_read (argv[2], NULL, &error)) ||
      !(splitter = sp_sentence_splitter_new (&error)))
    return sp_cli_fail (error);
  if (!(project = sp_cli_open_project_to_edit (argv[1])))
    return SP_CLI_FAILED;

  if (!(report = sp_dna_import (project, file, split_sentences, splitter, NULL, NULL, NULL, &error)))
    return sp_cli_fail (error);

  summary = sp_dna_report_summary (report);
  sp_cli_print ("%s\n", summary);
  sp_cli_print ("actors already in the project %u, issues already in the project %u, documents already in the project %u\n",
                report->n_actors_present, report->n_issues_present, report->n_documents_present);
  for (guint i = 0; i < report->skipped->len; i++)
    sp_cli_print ("skipped: %s\n", (const char *)report->skipped->pdata[i]);
  for (guint i = 0; i < report->notes->len; i++)
    sp_cli_print ("note: %s\n", (const char *)report->notes->pdata[i]);

  return SP_CLI_OK;
}
