/* sp-cli-document.c: the verb document — edit, delete, removed, restore */
#define G_LOG_DOMAIN "standpoint-cli"

#include "config.h"

#include "sp-cli-table.h"

/* A document named on the command line by id or by the file it was imported from */
static gboolean
find_document (SpProject   *project,
               const char  *name,
               gint64      *id)
{
  g_autoptr(GError) error = NULL;

  if (!sp_cli_check_text (name, "DOCUMENT"))
    return FALSE;

  if (!sp_project_find_document (project, name, id, &error))
    {
      sp_cli_fail (error);
      return FALSE;
    }

  return TRUE;
}

static int
document_edit (int    argc,
               char **argv)
{
  g_autofree char *title = NULL;
  g_autofree char *date = NULL;
  g_autofree char *source = NULL;
  g_autofree char *url = NULL;
  g_autofree char *author = NULL;
  gboolean no_date = FALSE;
  GOptionEntry entries[] = {
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, "The title (not empty)", "TITLE" },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, "The date, as YYYY-MM-DD", "DATE" },
    { "no-date", 0, 0, G_OPTION_ARG_NONE, &no_date, "Take the date away", NULL },
    { "source", 0, 0, G_OPTION_ARG_STRING, &source, "The source (empty for none)", "SOURCE" },
    { "url", 0, 0, G_OPTION_ARG_STRING, &url, "The address (empty for none)", "URL" },
    { "author", 0, 0, G_OPTION_ARG_STRING, &author, "The author (empty for none)", "AUTHOR" },
    { NULL }
  };
  const char * const texts[][2] = {
    { title, "--title" }, { date, "--date" }, { source, "--source" }, { url, "--url" }, { author, "--author" },
  };
  g_autoptr(SpProject) project = NULL;
  g_autoptr(SpDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  SpDocumentMetadata metadata;
  gint64 id;
  int status;

  if (!sp_cli_parse_options (&argc, &argv, 2, "PROJECT DOCUMENT — change a document's title, date, source, url or author",
                             entries, NULL, &status))
    return status;

  if (date != NULL && no_date)
    return sp_cli_usage (NULL, "--date and --no-date exclude each other");
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (texts[i][0] != NULL && !sp_cli_check_text (texts[i][0], texts[i][1]))
      return SP_CLI_USAGE;
  if (date != NULL && !sp_date_is_valid (date))
    {
      sp_cli_error ("--date: “%s” is not a day written as YYYY-MM-DD", date);
      return SP_CLI_USAGE;
    }

  if (!(project = sp_cli_open_project_to_edit (argv[1])))
    return SP_CLI_FAILED;
  if (!find_document (project, argv[2], &id))
    return SP_CLI_FAILED;
  if (!(document = sp_project_get_document (project, id, &error)))
    return sp_cli_fail (error);

  metadata.title = title ? title : sp_document_get_title (document);
  metadata.date = no_date ? NULL : date ? date : sp_document_get_date (document);
  metadata.source = source ? source : sp_document_get_source (document);
  metadata.url = url ? url : sp_document_get_url (document);
  metadata.author = author ? author : sp_document_get_author (document);

  if (!sp_project_update_document (project, id, &metadata, &error))
    return sp_cli_fail (error);

  return SP_CLI_OK;
}

static int
document_delete (int    argc,
                 char **argv)
{
  gboolean with_claims = FALSE;
  GOptionEntry entries[] = {
    { "with-claims", 0, 0, G_OPTION_ARG_NONE, &with_claims, "Delete the document's claims with it", NULL },
    { NULL }
  };
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;
  int status;

  if (!sp_cli_parse_options (&argc, &argv, 2, "PROJECT DOCUMENT — delete a document (one with claims only with --with-claims)",
                             entries, NULL, &status))
    return status;

  if (!(project = sp_cli_open_project_to_edit (argv[1])))
    return SP_CLI_FAILED;
  if (!find_document (project, argv[2], &id))
    return SP_CLI_FAILED;

  if (!sp_project_delete_document (project, id, with_claims, &error))
    {
      if (g_error_matches (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_IN_USE))
        sp_cli_error ("%s (--with-claims deletes them too)", error->message);
      else
        sp_cli_fail (error);
      return SP_CLI_FAILED;
    }

  return SP_CLI_OK;
}

static void
add_removal_row (SpCliTable *table,
                 gpointer    item)
{
  SpRemoval *removal = item;

  sp_cli_table_add_int (table, sp_removal_get_id (removal));
  sp_cli_table_add_int (table, sp_removal_get_document_id (removal));
  sp_cli_table_add_int (table, sp_removal_get_offset (removal));
  sp_cli_table_add_text (table, sp_removal_get_reason (removal));
  sp_cli_table_add_text (table, sp_removal_get_text (removal));
}

static int
document_removed (int    argc,
                  char **argv)
{
  const char * const columns[] = { "id", "document_id", "offset", "reason", "text", NULL };
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GListModel) removals = NULL;
  g_autoptr(SpCliTable) table = sp_cli_table_new (columns);
  g_autoptr(GError) error = NULL;
  SpCliFormat format;
  gint64 id;
  int status;

  if (!(project = sp_cli_open_listing (&argc, &argv, 2,
                                       "PROJECT DOCUMENT — list the blocks cleaning took out of a document",
                                       NULL, &format, &status)))
    return status;
  if (!find_document (project, argv[2], &id))
    return SP_CLI_FAILED;
  if (!(removals = sp_project_list_removals (project, id, &error)))
    return sp_cli_fail (error);

  return sp_cli_table_print_model (table, removals, add_removal_row, format);
}

static int
document_restore (int    argc,
                  char **argv)
{
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;
  int status;

  if (!sp_cli_parse_options (&argc, &argv, 2, "PROJECT REMOVAL-ID — put a removed block back into its document",
                             NULL, NULL, &status))
    return status;
  if (!g_ascii_string_to_signed (argv[2], 10, 1, G_MAXINT64, &id, NULL))
    {
      sp_cli_error ("“%s” is not the id of a removed block (document removed lists them)", argv[2]);
      return SP_CLI_USAGE;
    }

  if (!(project = sp_cli_open_project_to_edit (argv[1])))
    return SP_CLI_FAILED;
  if (!sp_project_restore_removal (project, id, &error))
    return sp_cli_fail (error);

  return SP_CLI_OK;
}

int
sp_cli_document (int    argc,
                 char **argv)
{
  static const SpCliSubcommand subcommands[] = {
    { "edit", document_edit },
    { "delete", document_delete },
    { "removed", document_removed },
    { "restore", document_restore },
    { NULL }
  };

  return sp_cli_dispatch (argc, argv, subcommands,
                          "usage: standpoint-cli document edit|delete|removed PROJECT DOCUMENT [options] | "
                          "document restore PROJECT REMOVAL-ID");
}
