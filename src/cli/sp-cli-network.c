/* sp-cli-network.c: the verb network */
#define G_LOG_DOMAIN "standpoint-cli"

#include "config.h"

#include "sp-cli.h"
#include "sp-network.h"

static gboolean
check_date (const char *text,
            const char *option)
{
  g_autoptr(GDateTime) parsed = NULL;
  g_autofree char *iso = NULL;

  if (text == NULL)
    return TRUE;

  iso = g_strconcat (text, "T00:00:00Z", NULL);
  if (strlen (text) != 10 || !(parsed = g_date_time_new_from_iso8601 (iso, NULL)))
    {
      sp_cli_error ("%s: “%s” is not a date (YYYY-MM-DD)", option, text);
      return FALSE;
    }

  return TRUE;
}

int
sp_cli_network (int    argc,
                char **argv)
{
  g_autofree char *type_text = NULL;
  g_autofree char *output = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *level_text = NULL;
  g_autofree char *normalize_text = NULL;
  g_autofree char *per_text = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  int min_claims = 0;
  gboolean with_suggestions = FALSE;
  GOptionEntry entries[] = {
    { "type", 0, 0, G_OPTION_ARG_STRING, &type_text, "two-mode, congruence, conflict or subtract", "TYPE" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "The file to write (- for standard output)", "FILE" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, "graphml (default) or csv (an edge list)", "FORMAT" },
    { "level", 0, 0, G_OPTION_ARG_STRING, &level_text, "Actors (default) or their groups", "actor|group" },
    { "normalize", 0, 0, G_OPTION_ARG_STRING, &normalize_text, "One-mode weights: none (default), average, jaccard or cosine", "HOW" },
    { "per", 0, 0, G_OPTION_ARG_STRING, &per_text, "Count every claim (default) or once per document", "claim|document" },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, "Only documents dated on or after", "YYYY-MM-DD" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, "Only documents dated on or before", "YYYY-MM-DD" },
    { "min-claims", 0, 0, G_OPTION_ARG_INT, &min_claims, "Leave out actors and issues with fewer claims", "N" },
    { "include-suggestions", 0, 0, G_OPTION_ARG_NONE, &with_suggestions, "Count pending suggestions as claims", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SpProject) project = NULL;
  g_autoptr(SpNetwork) network = NULL;
  g_autoptr(GError) error = NULL;
  SpNetworkOptions options = { 0 };
  SpNetworkFormat format = SP_NETWORK_FORMAT_GRAPHML;
  int status;

  if (!sp_cli_parse_options (&argc, &argv, 1, "PROJECT — export an actor or actor × issue network",
                             entries, &context, &status))
    return status;

  if (type_text == NULL || output == NULL)
    return sp_cli_usage (context, "--type and -o are required");
  if (!sp_network_type_from_string (type_text, &options.type))
    {
      sp_cli_error ("--type: “%s” is not one of two-mode, congruence, conflict, subtract", type_text);
      return SP_CLI_USAGE;
    }
  if (format_text != NULL && g_str_equal (format_text, "csv"))
    format = SP_NETWORK_FORMAT_CSV;
  else if (format_text != NULL && !g_str_equal (format_text, "graphml"))
    {
      sp_cli_error ("--format: “%s” is not one of graphml, csv", format_text);
      return SP_CLI_USAGE;
    }
  if (level_text != NULL && !g_str_equal (level_text, "actor") && !g_str_equal (level_text, "group"))
    {
      sp_cli_error ("--level: “%s” is not one of actor, group", level_text);
      return SP_CLI_USAGE;
    }
  options.group_level = level_text != NULL && g_str_equal (level_text, "group");
  if (normalize_text != NULL && !sp_network_normalize_from_string (normalize_text, &options.normalize))
    {
      sp_cli_error ("--normalize: “%s” is not one of none, average, jaccard, cosine", normalize_text);
      return SP_CLI_USAGE;
    }
  if (options.type == SP_NETWORK_TWO_MODE && options.normalize != SP_NETWORK_NORMALIZE_NONE)
    {
      sp_cli_error ("--normalize: applies to congruence, conflict and subtract networks, not to two-mode");
      return SP_CLI_USAGE;
    }
  if (per_text != NULL && g_str_equal (per_text, "document"))
    options.per = SP_NETWORK_PER_DOCUMENT;
  else if (per_text != NULL && !g_str_equal (per_text, "claim"))
    {
      sp_cli_error ("--per: “%s” is not one of claim, document", per_text);
      return SP_CLI_USAGE;
    }
  if (!check_date (from, "--from") || !check_date (to, "--to"))
    return SP_CLI_USAGE;
  if (from != NULL && to != NULL && g_strcmp0 (from, to) > 0)
    {
      sp_cli_error ("--from %s comes after --to %s", from, to);
      return SP_CLI_USAGE;
    }
  if (min_claims < 0)
    {
      sp_cli_error ("--min-claims: use 0 or more");
      return SP_CLI_USAGE;
    }
  options.from = from;
  options.to = to;
  options.min_claims = (guint)min_claims;
  options.include_suggestions = with_suggestions;

  if (!sp_cli_check_output (output, argv[1]))
    return SP_CLI_FAILED;
  if (!(project = sp_cli_open_project (argv[1])))
    return SP_CLI_FAILED;
  if (!(network = sp_network_build (project, &options, &error)))
    return sp_cli_fail (error);

  if (g_str_equal (output, "-"))
    {
      g_autoptr(GBytes) bytes = sp_network_serialize (network, format);
      gsize size;
      const char *data = g_bytes_get_data (bytes, &size);

      return sp_cli_write_output (NULL, data, size) ? SP_CLI_OK : SP_CLI_FAILED;
    }
  if (!sp_network_write (network, format, output, &error))
    return sp_cli_fail (error);

  sp_cli_print ("%u nodes, %u edges\n", sp_network_get_n_nodes (network), sp_network_get_n_edges (network));
  return SP_CLI_OK;
}
