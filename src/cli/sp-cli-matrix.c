/* sp-cli-matrix.c: the verb matrix, and the matrix options it shares with evidence */
#define G_LOG_DOMAIN "standpoint-cli"

#include "config.h"

#include <string.h>

#include "sp-cli.h"
#include "sp-matrix-export.h"

/**
 * sp_cli_matrix_options:
 * @level, @from, @to: the option values as given, or %NULL
 *
 * Builds matrix options from what a verb parsed; says what is wrong on stderr.
 *
 * Returns: (transfer full) (nullable): the options, or %NULL after a one-line reason
 */
SpMatrixOptions *
sp_cli_matrix_options (const char *level,
                       const char *aggregate,
                       const char *per,
                       const char *order,
                       const char *from,
                       const char *to,
                       gboolean    include_suggestions)
{
  g_autoptr(SpMatrixOptions) options = sp_matrix_options_new ();
  g_autoptr(GError) error = NULL;
  SpMatrixLevel level_value = SP_MATRIX_LEVEL_ACTOR;
  SpMatrixAggregate aggregate_value = SP_MATRIX_AGGREGATE_MEAN;
  SpMatrixUnit unit_value = SP_MATRIX_UNIT_CLAIM;
  SpMatrixOrder order_value = SP_MATRIX_ORDER_ALPHA;

  if (level != NULL && !sp_matrix_level_from_string (level, &level_value))
    {
      sp_cli_error ("--level: “%s” is not one of actor, group", level);
      return NULL;
    }
  if (aggregate != NULL && !sp_matrix_aggregate_from_string (aggregate, &aggregate_value))
    {
      sp_cli_error ("--aggregate: “%s” is not one of mean, latest, majority", aggregate);
      return NULL;
    }
  if (per != NULL && !sp_matrix_unit_from_string (per, &unit_value))
    {
      sp_cli_error ("--per: “%s” is not one of claim, document", per);
      return NULL;
    }
  if (order != NULL && !sp_matrix_order_from_string (order, &order_value))
    {
      sp_cli_error ("--order: “%s” is not one of alpha, activity, similarity", order);
      return NULL;
    }
  if (!sp_matrix_options_set_date_range (options, from, to, &error))
    {
      sp_cli_error ("--from/--to: %s", error->message);
      return NULL;
    }

  sp_matrix_options_set_level (options, level_value);
  sp_matrix_options_set_aggregate (options, aggregate_value);
  sp_matrix_options_set_unit (options, unit_value);
  sp_matrix_options_set_order (options, order_value);
  sp_matrix_options_set_include_suggestions (options, include_suggestions);

  return g_steal_pointer (&options);
}

int
sp_cli_matrix (int    argc,
               char **argv)
{
  g_autofree char *format_text = NULL;
  g_autofree char *output = NULL;
  g_autofree char *level = NULL;
  g_autofree char *aggregate = NULL;
  g_autofree char *per = NULL;
  g_autofree char *order = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *title = NULL;
  gboolean include_suggestions = FALSE;
  gboolean all_rows = FALSE;
  double scale = 2.0;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, "csv, csv-long, json, png, svg or pdf", "FORMAT" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "The file to write (- for standard output, text formats only)", "FILE" },
    { "level", 0, 0, G_OPTION_ARG_STRING, &level, "Rows per actor (default) or per group", "actor|group" },
    { "aggregate", 0, 0, G_OPTION_ARG_STRING, &aggregate, "A cell's score: the mean (default), the latest or the majority stance", "mean|latest|majority" },
    { "per", 0, 0, G_OPTION_ARG_STRING, &per, "Count every claim (default), or every document once", "claim|document" },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, "Only claims of documents dated on or after DATE", "YYYY-MM-DD" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, "Only claims of documents dated on or before DATE (the matrix as of DATE)", "YYYY-MM-DD" },
    { "include-suggestions", 0, 0, G_OPTION_ARG_NONE, &include_suggestions, "Count pending suggestions as claims (their cells are marked)", NULL },
    { "order", 0, 0, G_OPTION_ARG_STRING, &order, "Rows and columns by name (default), number of claims, or similarity", "alpha|activity|similarity" },
    { "all-rows", 0, 0, G_OPTION_ARG_NONE, &all_rows, "Keep actors and issues without claims", NULL },
    { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &scale, "PNG pixels per point (default 2)", "N" },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, "The title above a PNG, SVG or PDF", "TEXT" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SpMatrixOptions) options = NULL;
  g_autoptr(SpProject) project = NULL;
  g_autoptr(SpMatrix) matrix = NULL;
  g_autoptr(GError) error = NULL;
  SpMatrixFormat format;
  gboolean image;
  int status;

  if (!sp_cli_parse_options (&argc, &argv, 1, "PROJECT — export the position matrix",
                             entries, &context, &status))
    return status;

  if (format_text == NULL || output == NULL)
    return sp_cli_usage (context, "--format and -o are required");
  if (!sp_matrix_format_from_string (format_text, &format))
    {
      sp_cli_error ("--format: “%s” is not one of csv, csv-long, json, png, svg, pdf", format_text);
      return SP_CLI_USAGE;
    }
  if (!(options = sp_cli_matrix_options (level, aggregate, per, order, from, to, include_suggestions)))
    return SP_CLI_USAGE;
  if (!(scale >= 0.25 && scale <= 8))
    {
      sp_cli_error ("--scale: use a number from 0.25 to 8");
      return SP_CLI_USAGE;
    }
  if (title != NULL && !sp_cli_check_text (title, "--title"))
    return SP_CLI_USAGE;

  sp_matrix_options_set_hide_empty (options, !all_rows);
  sp_matrix_options_set_title (options, title);

  image = format == SP_MATRIX_FORMAT_PNG || format == SP_MATRIX_FORMAT_SVG ||
          format == SP_MATRIX_FORMAT_PDF;
  if (image && g_str_equal (output, "-"))
    {
      sp_cli_error ("-o: write the %s to a file, not to standard output", format_text);
      return SP_CLI_USAGE;
    }

  /* Refused before the work: -o must never cost the project, a link or a device */
  if (!sp_cli_check_output (output, argv[1]))
    return SP_CLI_FAILED;

  if (!(project = sp_cli_open_project (argv[1])))
    return SP_CLI_FAILED;

  if (!(matrix = sp_matrix_compute_with_options (project, options, &error)))
    return sp_cli_fail (error);

  if (!g_str_equal (output, "-"))
    return sp_matrix_export (matrix, format, output, scale, &error) ? SP_CLI_OK : sp_cli_fail (error);

  {
    g_autoptr(GBytes) bytes = sp_matrix_export_to_bytes (matrix, format, scale, &error);
    gconstpointer data;
    gsize size;

    if (bytes == NULL)
      return sp_cli_fail (error);
    data = g_bytes_get_data (bytes, &size);
    return sp_cli_write_output (NULL, data, size) ? SP_CLI_OK : SP_CLI_FAILED;
  }
}
