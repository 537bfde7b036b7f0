/* sp-cli-documents.c: the verbs new, import and documents */
#define G_LOG_DOMAIN "standpoint-cli"

#include "config.h"

#include <stdio.h>

#include <json-glib/json-glib.h>

#include "sp-cli.h"
#include "sp-csv.h"
#include "sp-importer.h"

int
sp_cli_new (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("PROJECT — create an empty project file");
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!sp_cli_parse (context, &argc, &argv, 1, &status))
    return status;

  if (!(project = sp_project_create (argv[1], &error)))
    return sp_cli_fail (error);

  printf ("created %s\n", argv[1]);
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

  if (!(project = sp_cli_open_project (argv[1])))
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
          printf ("%s\n", entry->message);
          break;

        case SP_IMPORT_STATUS_FAILED:
          sp_cli_error ("%s", entry->message);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  printf ("imported %u, duplicates %u, failed %u\n",
          sp_import_report_get_n_imported (report),
          sp_import_report_get_n_duplicates (report),
          sp_import_report_get_n_failed (report));

  return sp_import_report_get_n_failed (report) > 0 ? SP_CLI_FAILED : SP_CLI_OK;
}

static void
add_nullable_member (JsonBuilder *builder,
                     const char  *name,
                     const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

int
sp_cli_documents (int    argc,
                  char **argv)
{
  g_autofree char *format_text = NULL;
  gboolean with_body = FALSE;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, "Output format: csv (default) or json", "FORMAT" },
    { "with-body", 0, 0, G_OPTION_ARG_NONE, &with_body, "Include each document's text", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("PROJECT — list the documents");
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GListModel) documents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  SpCliFormat format;
  int status;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!sp_cli_parse (context, &argc, &argv, 1, &status))
    return status;
  if (!sp_cli_parse_format (format_text, &format))
    return SP_CLI_USAGE;

  if (!(project = sp_cli_open_project (argv[1])))
    return SP_CLI_FAILED;

  if (!(documents = sp_project_list_documents (project, &error)))
    return sp_cli_fail (error);

  if (format == SP_CLI_FORMAT_JSON)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *json = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
        {
          g_autoptr(SpDocument) document = g_list_model_get_item (documents, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_int_value (builder, sp_document_get_id (document));
          add_nullable_member (builder, "file", sp_document_get_file_name (document));
          add_nullable_member (builder, "title", sp_document_get_title (document));
          add_nullable_member (builder, "date", sp_document_get_date (document));
          add_nullable_member (builder, "source", sp_document_get_source (document));
          add_nullable_member (builder, "url", sp_document_get_url (document));
          add_nullable_member (builder, "author", sp_document_get_author (document));
          if (with_body)
            {
              g_autofree char *body = sp_project_dup_document_body (project, sp_document_get_id (document), &error);

              if (body == NULL)
                return sp_cli_fail (error);
              add_nullable_member (builder, "body", body);
            }
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);

      root = json_builder_get_root (builder);
      json = json_to_string (root, TRUE);
      g_string_append (out, json);
      g_string_append_c (out, '\n');
    }
  else
    {
      g_string_append (out, with_body ? "id,file,title,date,source,url,author,body\n"
                                      : "id,file,title,date,source,url,author\n");
      for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
        {
          g_autoptr(SpDocument) document = g_list_model_get_item (documents, i);
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, sp_document_get_id (document));

          sp_csv_append_field (out, id, TRUE);
          sp_csv_append_text_field (out, sp_document_get_file_name (document), FALSE);
          sp_csv_append_text_field (out, sp_document_get_title (document), FALSE);
          sp_csv_append_field (out, sp_document_get_date (document), FALSE);
          sp_csv_append_text_field (out, sp_document_get_source (document), FALSE);
          sp_csv_append_text_field (out, sp_document_get_url (document), FALSE);
          sp_csv_append_text_field (out, sp_document_get_author (document), FALSE);
          if (with_body)
            {
              g_autofree char *body = sp_project_dup_document_body (project, sp_document_get_id (document), &error);

              if (body == NULL)
                return sp_cli_fail (error);
              sp_csv_append_text_field (out, body, FALSE);
            }
          g_string_append_c (out, '\n');
        }
    }

  return sp_cli_write_output (NULL, out->str, out->len) ? SP_CLI_OK : SP_CLI_FAILED;
}
