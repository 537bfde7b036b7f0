#define G_LOG_DOMAIN "standpoint-cli"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "sp-cli.h"
#include "sp-output-file.h"

/* Returns: (transfer full): the formatted text, with U+FFFD in place of every byte that is
 * not UTF-8: a message or an output line may quote a file name or a crafted project's text */
static char * G_GNUC_PRINTF (1, 0)
format_valid (const char *format,
              va_list     args)
{
  g_autofree char *text = g_strdup_vprintf (format, args);

  return g_utf8_make_valid (text, -1);
}

/* Prints one line on stderr: the reason, naming the file or field it is about. */
void
sp_cli_error (const char *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = format_valid (format, args);
  va_end (args);

  /* One line per reason, even when a message quotes text with line breaks */
  g_strdelimit (message, "\r\n", ' ');
  fprintf (stderr, "standpoint-cli: %s\n", message);
}

/* Prints to standard output, as valid UTF-8 */
void
sp_cli_print (const char *format,
              ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = format_valid (format, args);
  va_end (args);

  fputs (text, stdout);
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

/* The argument after "--" is taken as it is, even when it starts with "-" (an actor named
 * "-Foo", a file named "-notes.txt"); options may come before and after it, so both
 * `actor delete P -- -Foo` and `actor edit P -- -Foo --name Foo` work. Each such argument
 * needs its own "--"; a "--" at the end quotes nothing. GOption itself would stop parsing
 * options at "--" and keep it among the arguments whenever the next one starts with "-",
 * so the quoted arguments are hidden from it behind placeholders that do not look like
 * options, and put back after parsing. */
typedef struct
{
  GPtrArray *placeholders;  /* owned strings, each the stand-in for one quoted argument */
  GPtrArray *originals;     /* the quoted arguments, borrowed from argv */
} Quoted;

static void
quoted_clear (Quoted *quoted)
{
  g_clear_pointer (&quoted->placeholders, g_ptr_array_unref);
  g_clear_pointer (&quoted->originals, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Quoted, quoted_clear)

static void
hide_quoted (Quoted   *quoted,
             int      *argc,
             char    **argv)
{
  int n = 1;

  quoted->placeholders = g_ptr_array_new_with_free_func (g_free);
  quoted->originals = g_ptr_array_new ();

  for (int i = 1; i < *argc; i++)
    {
      char *placeholder;

      if (!g_str_equal (argv[i], "--"))
        {
          argv[n++] = argv[i];
          continue;
        }

      if (++i == *argc)
        break;

      placeholder = g_strdup_printf ("quoted argument %u", quoted->placeholders->len + 1);
      g_ptr_array_add (quoted->placeholders, placeholder);
      g_ptr_array_add (quoted->originals, argv[i]);
      argv[n++] = placeholder;
    }

  *argc = n;
  argv[n] = NULL;
}

/* Puts the quoted arguments back; returns how many were still among the arguments (the
 * others were taken as an option's value: `--name -- -Foo`). */
static guint
restore_quoted (Quoted  *quoted,
                int      argc,
                char   **argv)
{
  guint restored = 0;

  for (int i = 1; i < argc; i++)
    {
      guint index;

      if (g_ptr_array_find (quoted->placeholders, argv[i], &index))
        {
          argv[i] = g_ptr_array_index (quoted->originals, index);
          restored++;
        }
    }

  return restored;
}

/* A path of nothing but white space names no file: refused rather than letting SQLite
 * open a temporary database ("") or making a file called " ". */
static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;

  return TRUE;
}

/**
 * sp_cli_parse:
 * @n_positional: how many arguments must remain after the options; a negative number
 *   means at least that many
 * @status: (out): the exit status to return when parsing fails
 *
 * Parses a verb's options. argv[0] is the verb, as GOption expects a program name there.
 * An argument after "--" is never taken for an option (see hide_quoted()). The first
 * argument of every verb is the project, which must not be empty or blank.
 */
gboolean
sp_cli_parse (GOptionContext   *context,
              int              *argc,
              char           ***argv,
              int               n_positional,
              int              *status)
{
  g_autoptr(GError) error = NULL;
  g_auto(Quoted) quoted = { NULL, NULL };
  gboolean parsed;
  int remaining;

  hide_quoted (&quoted, argc, *argv);
  parsed = g_option_context_parse (context, argc, argv, &error);

  if (restore_quoted (&quoted, *argc, *argv) != quoted.placeholders->len && parsed)
    {
      *status = sp_cli_usage (NULL, "“--” goes right before a name or path; give an option a value that starts with “-” as --OPTION=VALUE");
      return FALSE;
    }

  if (!parsed)
    {
      if (g_error_matches (error, G_OPTION_ERROR, G_OPTION_ERROR_UNKNOWN_OPTION))
        sp_cli_error ("%s; put “--” before a name or path that starts with “-”", error->message);
      else
        sp_cli_error ("%s", error->message);
      *status = SP_CLI_USAGE;
      return FALSE;
    }

  remaining = *argc - 1;
  if ((n_positional >= 0 && remaining != n_positional) ||
      (n_positional < 0 && remaining < -n_positional))
    {
      *status = sp_cli_usage (context, "wrong number of arguments");
      return FALSE;
    }

  if (remaining > 0 && is_blank ((*argv)[1]))
    {
      *status = sp_cli_usage (NULL, "PROJECT: the path is empty");
      return FALSE;
    }

  return TRUE;
}

/**
 * sp_cli_parse_options:
 * @argc: (inout): as sp_cli_parse() takes it
 * @argv: (inout): as sp_cli_parse() takes it; the positional arguments are left in it
 * @n_positional: as sp_cli_parse() takes it
 * @parameter_string: what --help shows after the verb: its arguments and what it does
 * @entries: (nullable): the verb's options, NULL-terminated
 * @context: (out) (optional) (transfer full): the parsed context, for sp_cli_usage() to show
 *   the verb's help with a later complaint
 * @status: (out): the exit status when %FALSE is returned
 *
 * The common start of a verb: its options and arguments parsed, and a bad command line
 * refused with one line on stderr.
 */
gboolean
sp_cli_parse_options (int                 *argc,
                      char              ***argv,
                      int                  n_positional,
                      const char          *parameter_string,
                      const GOptionEntry  *entries,
                      GOptionContext     **context,
                      int                 *status)
{
  g_autoptr(GOptionContext) parsed = g_option_context_new (parameter_string);

  if (entries != NULL)
    g_option_context_add_main_entries (parsed, entries, NULL);
  if (!sp_cli_parse (parsed, argc, argv, n_positional, status))
    return FALSE;

  if (context != NULL)
    *context = g_steal_pointer (&parsed);
  return TRUE;
}

/* Returns: (transfer full) (nullable): the project, or %NULL after saying why */
SpProject *
sp_cli_open_project (const char *path)
{
  g_autoptr(GError) error = NULL;
  SpProject *project = sp_project_open (path, &error);
  GPtrArray *notes;

  if (project == NULL)
    {
      sp_cli_error ("%s", error->message);
      return NULL;
    }

  /* What opening found (names a migration renamed, rows that refer to missing rows) is
   * said on standard error, where it does not mix with a listing on standard output. */
  notes = sp_project_get_open_notes (project);
  for (guint i = 0; notes != NULL && i < notes->len; i++)
    sp_cli_error ("note: %s", (const char *) g_ptr_array_index (notes, i));

  return project;
}

/**
 * sp_cli_open_project_to_edit:
 *
 * Opens a project for a verb that changes it, refusing a project the store could only open
 * read-only before the verb does any work.
 *
 * Returns: (transfer full) (nullable): the project, or %NULL after saying why
 */
SpProject *
sp_cli_open_project_to_edit (const char *path)
{
  g_autoptr(SpProject) project = sp_cli_open_project (path);
  g_autofree char *display = NULL;

  if (project == NULL)
    return NULL;

  if (sp_project_is_read_only (project))
    {
      display = g_filename_display_name (path);
      sp_cli_error ("%s is read-only: it can be listed and exported but not changed", display);
      return NULL;
    }

  return g_steal_pointer (&project);
}

/* Names, keys and other text given as arguments are stored as they are: they must be UTF-8. */
gboolean
sp_cli_check_text (const char *text,
                   const char *what)
{
  if (!g_utf8_validate (text, -1, NULL))
    {
      sp_cli_error ("%s: “%s” is not valid UTF-8 text", what, text);
      return FALSE;
    }

  return TRUE;
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

  if (text == NULL || (text[0] == '+' && !g_ascii_isdigit (text[1])) ||
      !g_ascii_string_to_signed (text[0] == '+' ? text + 1 : text, 10,
                                 SP_STANCE_MIN, SP_STANCE_MAX, &value, NULL))
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
  g_autoptr(GError) error = NULL;
  guint64 parsed;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT, &parsed, &error))
    {
      if (g_error_matches (error, G_NUMBER_PARSER_ERROR, G_NUMBER_PARSER_ERROR_OUT_OF_BOUNDS))
        sp_cli_error ("%s: %s is past the end of any document (at most %d)", what, text, G_MAXINT);
      else
        sp_cli_error ("%s: “%s” is not a whole number", what, text ? text : "");
      return FALSE;
    }

  *value = (guint)parsed;
  return TRUE;
}

static gboolean
same_file (const GStatBuf *a,
           const char     *path)
{
  GStatBuf b;

  return g_stat (path, &b) == 0 && a->st_dev == b.st_dev && a->st_ino == b.st_ino;
}

/**
 * sp_cli_check_output:
 * @path: (nullable): the file named by -o; %NULL or "-" is standard output
 * @project_path: the project the command reads
 *
 * Refuses, before a verb does its work, an output file that sp_output_file_replace() would
 * refuse, and the project being read by any other name (a hard link, another relative path)
 * or its side files: sp-output-file recognises a project by the header on disk, and a new
 * project that another program holds open may not have all of it there yet.
 */
gboolean
sp_cli_check_output (const char *path,
                     const char *project_path)
{
  static const char * const side_files[] = { "", "-wal", "-shm", "-journal" };
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  if (path == NULL || g_str_equal (path, "-"))
    return TRUE;

  if (!sp_output_file_check (path, &error))
    {
      sp_cli_error ("%s", error->message);
      return FALSE;
    }

  if (g_lstat (path, &st) != 0)
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (side_files); i++)
    {
      g_autofree char *project_file = g_strconcat (project_path, side_files[i], NULL);

      if (same_file (&st, project_file))
        {
          g_autofree char *display = g_filename_display_name (path);

          sp_cli_error ("Will not write %s: it is the project this command reads", display);
          return FALSE;
        }
    }

  return TRUE;
}

/* Writes to @path through sp_output_file_replace(), or to stdout when @path is %NULL or "-". */
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
          sp_cli_error ("could not write to standard output: %s", g_strerror (errno));
          return FALSE;
        }
      return TRUE;
    }

  if (!sp_output_file_replace (path, contents, length, &error))
    {
      sp_cli_error ("%s", error->message);
      return FALSE;
    }

  return TRUE;
}

/**
 * sp_cli_set_command:
 * @words: the command as typed, "actor add"
 *
 * Names the command in every --help ("Usage: standpoint-cli actor add [OPTION…] …"): GOption
 * puts the program name there.
 */
void
sp_cli_set_command (const char *words)
{
  g_autofree char *name = g_strconcat ("standpoint-cli ", words, NULL);

  g_set_prgname (g_intern_string (name));
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
      {
        g_autofree char *words = g_strconcat (argv[0], " ", argv[1], NULL);

        sp_cli_set_command (words);
        return subcommands[i].run (argc - 1, argv + 1);
      }

  if (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      sp_cli_print ("%s\n", usage);
      return SP_CLI_OK;
    }

  return sp_cli_usage (NULL, usage);
}

/**
 * sp_cli_open_listing:
 * @argc: (inout): as sp_cli_parse() takes it
 * @argv: (inout): as sp_cli_parse() takes it; the positional arguments are left in it
 * @n_positional: how many positional arguments the verb takes, PROJECT first
 * @extra_entries: (nullable): options besides --format, NULL-terminated
 * @status: (out): the exit status when %NULL is returned
 *
 * The common start of the listing verbs: parse `PROJECT [MORE…] [--format csv|json]` and
 * open the project.
 *
 * Returns: (transfer full) (nullable): the project
 */
SpProject *
sp_cli_open_listing (int           *argc,
                     char        ***argv,
                     int            n_positional,
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

  if (!sp_cli_parse (context, argc, argv, n_positional, status))
    return NULL;

  if (!sp_cli_parse_format (format_text, format))
    {
      *status = SP_CLI_USAGE;
      return NULL;
    }

  if (!(project = sp_cli_open_project ((*argv)[1])))
    *status = SP_CLI_FAILED;

  return project;
}
