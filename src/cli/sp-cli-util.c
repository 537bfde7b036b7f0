#define G_LOG_DOMAIN "standpoint-cli"

#include "config.h"

#include <stdio.h>

#include "sp-cli.h"

/* Prints one line on stderr: the reason, naming the file or field it is about. */
void
sp_cli_error (const char *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* One line per reason, even when a message quotes text with line breaks */
  g_strdelimit (message, "\r\n", ' ');
  fprintf (stderr, "standpoint-cli: %s\n", message);
}

int
sp_cli_fail (GError *error)
{
  sp_cli_error ("%s", error->message);
  return SP_CLI_FAILED;
}

int
sp_cli_usage (GOptionContext *context,
              const char     *message)
{
  g_autofree char *help = NULL;

  sp_cli_error ("%s", message);
  if (context != NULL)
    {
      help = g_option_context_get_help (context, TRUE, NULL);
      fprintf (stderr, "%s", help);
    }

  return SP_CLI_USAGE;
}

/**
 * sp_cli_parse:
 * @n_positional: how many arguments must remain after the options; a negative number
 *   means at least that many
 * @status: (out): the exit status to return when parsing fails
 *
 * Parses a verb's options. argv[0] is the verb, as GOption expects a program name there.
 */
gboolean
sp_cli_parse (GOptionContext   *context,
              int              *argc,
              char           ***argv,
              int               n_positional,
              int              *status)
{
  g_autoptr(GError) error = NULL;
  int remaining;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = sp_cli_usage (NULL, error->message);
      return FALSE;
    }

  remaining = *argc - 1;
  if ((n_positional >= 0 && remaining != n_positional) ||
      (n_positional < 0 && remaining < -n_positional))
    {
      *status = sp_cli_usage (context, "wrong number of arguments");
      return FALSE;
    }

  return TRUE;
}

/* Returns: (transfer full) (nullable): the project, or %NULL after saying why */
SpProject *
sp_cli_open_project (const char *path)
{
  g_autoptr(GError) error = NULL;
  SpProject *project = sp_project_open (path, &error);

  if (project == NULL)
    sp_cli_error ("%s", error->message);

  return project;
}

gboolean
sp_cli_parse_format (const char  *text,
                     SpCliFormat *format)
{
  if (text == NULL || g_str_equal (text, "csv"))
    *format = SP_CLI_FORMAT_CSV;
  else if (g_str_equal (text, "json"))
    *format = SP_CLI_FORMAT_JSON;
  else
    {
      sp_cli_error ("--format: “%s” is not one of csv, json", text);
      return FALSE;
    }

  return TRUE;
}

/* A stance is a whole number from −2 to +2; "+1" and "1" are the same. */
gboolean
sp_cli_parse_stance (const char *text,
                     int        *stance)
{
  gint64 value;

  if (text == NULL || !g_ascii_string_to_signed (text[0] == '+' ? text + 1 : text, 10,
                                                 SP_STANCE_MIN, SP_STANCE_MAX,
                                                 &value, NULL))
    {
      sp_cli_error ("--stance: “%s” is not a stance; use a whole number from -2 (strongly oppose) to 2 (strongly support)",
                    text ? text : "");
      return FALSE;
    }

  *stance = (int)value;
  return TRUE;
}

gboolean
sp_cli_parse_uint (const char *text,
                   const char *what,
                   guint      *value)
{
  guint64 parsed;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT, &parsed, NULL))
    {
      sp_cli_error ("%s: “%s” is not a whole number", what, text ? text : "");
      return FALSE;
    }

  *value = (guint)parsed;
  return TRUE;
}

/* Writes to @path atomically, or to stdout when @path is %NULL or "-". */
gboolean
sp_cli_write_output (const char *path,
                     const char *contents,
                     gsize       length)
{
  g_autoptr(GError) error = NULL;

  if (path == NULL || g_str_equal (path, "-"))
    {
      if (fwrite (contents, 1, length, stdout) != length || fflush (stdout) != 0)
        {
          sp_cli_error ("could not write to standard output");
          return FALSE;
        }
      return TRUE;
    }

  if (!g_file_set_contents (path, contents, length, &error))
    {
      sp_cli_error ("%s", error->message);
      return FALSE;
    }

  return TRUE;
}

/* Runs the subcommand named by argv[1] ("add" in "actor add …"), or says how to call it */
int
sp_cli_dispatch (int                    argc,
                 char                 **argv,
                 const SpCliSubcommand *subcommands,
                 const char            *usage)
{
  for (guint i = 0; argc >= 2 && subcommands[i].name != NULL; i++)
    if (g_str_equal (argv[1], subcommands[i].name))
      return subcommands[i].run (argc - 1, argv + 1);

  return sp_cli_usage (NULL, usage);
}

/**
 * sp_cli_open_listing:
 * @extra_entries: (nullable): options besides --format, NULL-terminated
 * @status: (out): the exit status when %NULL is returned
 *
 * The common start of the listing verbs: parse `PROJECT [--format csv|json]` and open the
 * project.
 *
 * Returns: (transfer full) (nullable): the project
 */
SpProject *
sp_cli_open_listing (int            argc,
                     char         **argv,
                     const char    *description,
                     GOptionEntry  *extra_entries,
                     SpCliFormat   *format,
                     int           *status)
{
  g_autofree char *format_text = NULL;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, "Output format: csv (default) or json", "FORMAT" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (description);
  SpProject *project;

  g_option_context_add_main_entries (context, entries, NULL);
  if (extra_entries != NULL)
    g_option_context_add_main_entries (context, extra_entries, NULL);

  if (!sp_cli_parse (context, &argc, &argv, 1, status))
    return NULL;

  if (!sp_cli_parse_format (format_text, format))
    {
      *status = SP_CLI_USAGE;
      return NULL;
    }

  if (!(project = sp_cli_open_project (argv[1])))
    *status = SP_CLI_FAILED;

  return project;
}
