/* sp-cli-documents.c: the verbs new, import and documents */
#define G_LOG_DOMAIN "standpoint-cli"

#include "config.h"

#include <glib/gstdio.h>

#include "sp-cli-table.h"
#include "sp-importer.h"

int
sp_cli_new (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("PROJECT — create an empty project file");
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  GStatBuf st;
  int status;

  if (!sp_cli_parse (context, &argc, &argv, 1, &status))
    return status;

  display = g_filename_display_name (argv[1]);

  /* Nothing that is already there is replaced: a file, a folder, or a symbolic link, even
   * one that points nowhere (SQLite would create the file it points to). */
  if (g_lstat (argv[1], &st) == 0)
    {
      sp_cli_error (S_ISDIR (st.st_mode) ? "%s is a folder; name the project file to create"
                                          : "%s already exists",
                    display);
      return SP_CLI_FAILED;
    }

  if (!(project = sp_project_create (argv[1], &error)))
    return sp_cli_fail (error);

  sp_cli_print ("created %s\n", display);
  return SP_CLI_OK;
}

int
sp_cli_import (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("PROJECT PATH... — import article files and folders (.txt, .md, .html)");
  g_autoptr(SpProject) project = NULL;
  g_autoptr(SpImportReport) report = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  int status;

  if (!sp_cli_parse (context, &argc, &argv, -2, &status))
    return status;

  /* g_file_new_for_commandline_arg ("") is the current folder: never import it by mistake */
  for (int i = 2; i < argc; i++)
    if (argv[i][0] == '\0')
      return sp_cli_usage (NULL, "PATH: an empty path names no file");

  if (!(project = sp_cli_open_project_to_edit (argv[1])))
    return SP_CLI_FAILED;

  for (int i = 2; i < argc; i++)
    g_ptr_array_add (files, g_file_new_for_commandline_arg (argv[i]));

  report = sp_import_paths (project, (GFile * const *)files->pdata, files->len,
                            NULL, NULL, NULL, &error);
  if (report == NULL)
    return sp_cli_fail (error);

  for (guint i = 0; i < sp_import_report_get_n_entries (report); i++)
    {
      const SpImportEntry *entry = sp_import_report_get_entry (report, i);

      switch (entry->status)
        {
        case SP_IMPORT_STATUS_IMPORTED:
          break;

        case SP_IMPORT_STATUS_DUPLICATE:
        case SP_IMPORT_STATUS_SKIPPED:
          sp_cli_print ("%s\n", entry->message);
          break;

        case SP_IMPORT_STATUS_FAILED:
          sp_cli_error ("%s", entry->message);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  sp_cli_print ("imported %u, duplicates %u, failed %u\n",
          sp_import_report_get_n_imported (report),
          sp_import_report_get_n_duplicates (report),
          sp_import_report_get_n_failed (report));

  return sp_import_report_get_n_failed (report) > 0 ? SP_CLI_FAILED : SP_CLI_OK;
}

int
sp_cli_documents (int    argc,
                  char **argv)
{
  gboolean with_body = FALSE;
  GOptionEntry entries[] = {
    { "with-body", 0, 0, G_OPTION_ARG_NONE, &with_body, "Include each document's text", NULL },
    { NULL }
  };
  const char *columns[] = { "id", "file", "title", "date", "source", "url", "author", "body", NULL };
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GListModel) documents = NULL;
  g_autoptr(SpCliTable) table = NULL;
  g_autoptr(GError) error = NULL;
  SpCliFormat format;
  int status;

  if (!(project = sp_cli_open_listing (argc, argv, "PROJECT — list the documents", entries, &format, &status)))
    return status;

  if (!(documents = sp_project_list_documents (project, &error)))
    return sp_cli_fail (error);

  if (!with_body)
    columns[7] = NULL;
  table = sp_cli_table_new (columns);

  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(SpDocument) document = g_list_model_get_item (documents, i);

      sp_cli_table_begin_row (table);
      sp_cli_table_add_int (table, sp_document_get_id (document));
      sp_cli_table_add_text (table, sp_document_get_file_name (document));
      sp_cli_table_add_text (table, sp_document_get_title (document));
      sp_cli_table_add_word (table, sp_document_get_date (document));
      sp_cli_table_add_text (table, sp_document_get_source (document));
      sp_cli_table_add_text (table, sp_document_get_url (document));
      sp_cli_table_add_text (table, sp_document_get_author (document));
      if (with_body)
        {
          g_autofree char *body = sp_project_dup_document_body (project, sp_document_get_id (document), &error);

          if (body == NULL)
            return sp_cli_fail (error);
          sp_cli_table_add_text (table, body);
        }
    }

  return sp_cli_table_print (table, format);
}
