/* sp-cli-documents.c: the verbs new, import and documents */
#define G_LOG_DOMAIN "standpoint-cli"

#include "config.h"

#include <glib/gstdio.h>

#include "sp-cli-table.h"
#include "sp-import-formats.h"
#include "sp-importer.h"

int
sp_cli_new (int    argc,
            char **argv)
{
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  GStatBuf st;
  int status;

  if (!sp_cli_parse_options (&argc, &argv, 1, "PROJECT — create an empty project file",
                             NULL, NULL, &status))
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
  g_autoptr(GOptionContext) context = g_option_context_new ("PROJECT PATH... — import article files and folders");
  g_autoptr(SpProject) project = NULL;
  g_autoptr(SpImportReport) report = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  int status;
  g_autofree char *formats = g_strdup_printf ("Reads %s files.", sp_import_formats_describe ());

  g_option_context_set_summary (context, formats);
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

  /* The counts of skipped files come last: scripts read the line from its start */
  sp_cli_print ("imported %u, duplicates %u, failed %u, skipped %u\n",
                sp_import_report_get_n_imported (report),
                sp_import_report_get_n_duplicates (report),
                sp_import_report_get_n_failed (report),
                sp_import_report_get_n_skipped (report));

  /* Duplicates and skipped files are reported, not failures */
  return sp_import_report_get_n_failed (report) > 0 ? SP_CLI_FAILED : SP_CLI_OK;
}

static gboolean
parse_sort (const char     *text,
            SpDocumentSort *sort)
{
  static const struct { const char *name; SpDocumentSort sort; } sorts[] = {
    { "imported", SP_DOCUMENT_SORT_IMPORTED },
    { "date", SP_DOCUMENT_SORT_DATE },
    { "title", SP_DOCUMENT_SORT_TITLE },
    { "source", SP_DOCUMENT_SORT_SOURCE },
  };

  if (text == NULL)
    {
      *sort = SP_DOCUMENT_SORT_IMPORTED;
      return TRUE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (sorts); i++)
    if (g_str_equal (text, sorts[i].name))
      {
        *sort = sorts[i].sort;
        return TRUE;
      }

  sp_cli_error ("--sort: “%s” is not one of date, title, source, imported", text);
  return FALSE;
}

static int
compare_documents (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  return sp_document_compare (*(SpDocument **)a, *(SpDocument **)b, GPOINTER_TO_INT (user_data));
}

/* The columns after "author" (and "body") came later: they are only ever added at the end */
int
sp_cli_documents (int    argc,
                  char **argv)
{
  gboolean with_body = FALSE;
  g_autofree char *search = NULL;
  g_autofree char *sort_text = NULL;
  GOptionEntry entries[] = {
    { "with-body", 0, 0, G_OPTION_ARG_NONE, &with_body, "Include each document's text", NULL },
    { "search", 0, 0, G_OPTION_ARG_STRING, &search, "Only documents holding every word of QUERY, best match first", "QUERY" },
    { "sort", 0, 0, G_OPTION_ARG_STRING, &sort_text, "Sort by date (undated last), title or source (none last)", "ORDER" },
    { NULL }
  };
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) columns = NULL;
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GListModel) documents = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(SpCliTable) table = NULL;
  g_autoptr(GError) error = NULL;
  SpDocumentSort sort;
  SpCliFormat format;
  int status;

  if (!(project = sp_cli_open_listing (&argc, &argv, 1, "PROJECT — list the documents", entries, &format, &status)))
    return status;
  if (!parse_sort (sort_text, &sort) ||
      (search != NULL && !sp_cli_check_text (search, "--search")))
    return SP_CLI_USAGE;

  documents = search != NULL ? sp_project_search_documents (project, search, &error)
                             : sp_project_list_documents (project, &error);
  if (documents == NULL)
    return sp_cli_fail (error);

  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    g_ptr_array_add (rows, g_list_model_get_item (documents, i));
  /* a search lists the best match first unless another order is asked for */
  if (sort_text != NULL)
    g_ptr_array_sort_with_data (rows, compare_documents, GINT_TO_POINTER (sort));

  g_strv_builder_addv (builder, (const char *[]) { "id", "file", "title", "date", "source", "url", "author", NULL });
  if (with_body)
    g_strv_builder_add (builder, "body");
  g_strv_builder_addv (builder, (const char *[]) { "title_kind", "date_source", "date_confidence",
                                                   "near_duplicate_of", "removed_blocks", NULL });
  columns = g_strv_builder_end (builder);
  table = sp_cli_table_new ((const char * const *)columns);

  for (guint i = 0; i < rows->len; i++)
    {
      SpDocument *document = g_ptr_array_index (rows, i);
      gint64 near = sp_document_get_near_duplicate_of (document);

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
      sp_cli_table_add_word (table, sp_title_kind_to_string (sp_document_get_title_kind (document)));
      sp_cli_table_add_word (table, sp_date_source_to_string (sp_document_get_date_source (document)));
      sp_cli_table_add_double (table, sp_document_get_date_confidence (document),
                               sp_document_get_date (document) != NULL);
      if (near != 0)
        sp_cli_table_add_int (table, near);
      else
        sp_cli_table_add_word (table, NULL);
      sp_cli_table_add_int (table, sp_document_get_removed_count (document));
    }

  return sp_cli_table_print (table, format);
}
