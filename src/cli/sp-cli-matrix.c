/* sp-cli-matrix.c: the verb matrix */
#define G_LOG_DOMAIN "standpoint-cli"

#include "config.h"

#include "sp-cli.h"
#include "sp-matrix-export.h"

int
sp_cli_matrix (int    argc,
               char **argv)
{
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  g_autofree char *level_text = NULL;
  double scale = 2.0;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, "csv or png", "FORMAT" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "The file to write (- for standard output, CSV only)", "FILE" },
    { "level", 0, 0, G_OPTION_ARG_STRING, &level_text, "Rows per actor (default) or per group", "actor|group" },
    { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &scale, "PNG pixels per point (default 2)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("PROJECT — export the position matrix");
  g_autoptr(SpProject) project = NULL;
  g_autoptr(SpMatrix) matrix = NULL;
  g_autoptr(GError) error = NULL;
  SpMatrixLevel level = SP_MATRIX_LEVEL_ACTOR;
  gboolean png;
  int status;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!sp_cli_parse (context, &argc, &argv, 1, &status))
    return status;

  if (format == NULL || output == NULL)
    return sp_cli_usage (context, "--format and -o are required");
  if (!g_str_equal (format, "csv") && !g_str_equal (format, "png"))
    {
      sp_cli_error ("--format: “%s” is not one of csv, png", format);
      return SP_CLI_USAGE;
    }
  if (level_text != NULL && !sp_matrix_level_from_string (level_text, &level))
    {
      sp_cli_error ("--level: “%s” is not one of actor, group", level_text);
      return SP_CLI_USAGE;
    }
  if (!(scale >= 0.25 && scale <= 8))
    {
      sp_cli_error ("--scale: use a number from 0.25 to 8");
      return SP_CLI_USAGE;
    }

  png = g_str_equal (format, "png");
  if (png && g_str_equal (output, "-"))
    {
      sp_cli_error ("-o: write the PNG to a file, not to standard output");
      return SP_CLI_USAGE;
    }

  /* Refused before the work: -o must never cost the project, a link or a device */
  if (!sp_cli_check_output (output, argv[1]))
    return SP_CLI_FAILED;

  if (!(project = sp_cli_open_project (argv[1])))
    return SP_CLI_FAILED;

  if (!(matrix = sp_matrix_compute (project, level, &error)))
    return sp_cli_fail (error);

  if (png)
    return sp_matrix_export_png (matrix, output, scale, &error) ? SP_CLI_OK : sp_cli_fail (error);

  if (!g_str_equal (output, "-"))
    return sp_matrix_export_csv (matrix, output, &error) ? SP_CLI_OK : sp_cli_fail (error);

  {
    g_autofree char *csv = sp_matrix_to_csv (matrix);
    return sp_cli_write_output (NULL, csv, strlen (csv)) ? SP_CLI_OK : SP_CLI_FAILED;
  }
}
