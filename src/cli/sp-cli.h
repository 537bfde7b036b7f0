/* sp-cli.h
 *
 * Shared by the standpoint-cli verbs: how they report failures (one line per reason on
 * stderr, naming the file or field), open projects, parse common values and write output.
 * Every verb returns the process exit status. Everything the tool prints is valid UTF-8,
 * whatever bytes a file name or a crafted project holds, and every file it writes goes
 * through sp-output-file.
 */
#pragma once

#include <gio/gio.h>

#include "sp-matrix-options.h"
#include "sp-project.h"

G_BEGIN_DECLS

typedef enum
{
  SP_CLI_OK = 0,
  SP_CLI_FAILED = 1,   /* input refused or an operation failed; nothing was changed */
  SP_CLI_USAGE = 2,    /* the command line itself is wrong */
} SpCliStatus;

typedef enum
{
  SP_CLI_FORMAT_CSV,
  SP_CLI_FORMAT_JSON,
} SpCliFormat;

void       sp_cli_error          (const char   *format,
                                  ...) G_GNUC_PRINTF (1, 2);
void       sp_cli_print          (const char   *format,
                                  ...) G_GNUC_PRINTF (1, 2);
int        sp_cli_fail           (GError       *error);
int        sp_cli_usage          (GOptionContext *context,
                                  const char   *message);
gboolean   sp_cli_parse          (GOptionContext *context,
                                  int          *argc,
                                  char       ***argv,
                                  int           n_positional,
                                  int          *status);
gboolean   sp_cli_parse_options  (int                 *argc,
                                  char              ***argv,
                                  int                  n_positional,
                                  const char          *parameter_string,
                                  const GOptionEntry  *entries,
                                  GOptionContext     **context,
                                  int                 *status);
SpProject *sp_cli_open_project   (const char   *path);
SpProject *sp_cli_open_project_to_edit
                                 (const char   *path);
gboolean   sp_cli_check_text     (const char   *text,
                                  const char   *what);
gboolean   sp_cli_parse_format   (const char   *text,
                                  SpCliFormat  *format);
gboolean   sp_cli_parse_stance   (const char   *text,
                                  int          *stance);
gboolean   sp_cli_parse_uint     (const char   *text,
                                  const char   *what,
                                  guint        *value);
gboolean   sp_cli_check_output   (const char   *path,
                                  const char   *project_path);
gboolean   sp_cli_write_output   (const char   *path,
                                  const char   *contents,
                                  gsize         length);

/* sp-cli-matrix.c: the matrix options that matrix and evidence share */
SpMatrixOptions *sp_cli_matrix_options (const char *level,
                                        const char *aggregate,
                                        const char *per,
                                        const char *order,
                                        const char *from,
                                        const char *to,
                                        gboolean    include_suggestions);

typedef struct
{
  const char *name;
  int       (*run) (int argc, char **argv);
} SpCliSubcommand;

void       sp_cli_set_command    (const char            *words);
int        sp_cli_dispatch       (int                    argc,
                                  char                 **argv,
                                  const SpCliSubcommand *subcommands,
                                  const char            *usage);
SpProject *sp_cli_open_listing   (int                  *argc,
                                  char               ***argv,
                                  int                   n_positional,
                                  const char           *description,
                                  GOptionEntry         *extra_entries,
                                  SpCliFormat          *format,
                                  int                  *status);

int sp_cli_new            (int argc, char **argv);
int sp_cli_import         (int argc, char **argv);
int sp_cli_documents      (int argc, char **argv);
int sp_cli_document       (int argc, char **argv);
int sp_cli_codebook       (int argc, char **argv);
int sp_cli_actor          (int argc, char **argv);
int sp_cli_actors         (int argc, char **argv);
int sp_cli_issue          (int argc, char **argv);
int sp_cli_issues         (int argc, char **argv);
int sp_cli_claim          (int argc, char **argv);
int sp_cli_claims         (int argc, char **argv);
int sp_cli_matrix         (int argc, char **argv);
int sp_cli_evidence       (int argc, char **argv);
int sp_cli_suggest        (int argc, char **argv);
int sp_cli_suggestions    (int argc, char **argv);
int sp_cli_accept         (int argc, char **argv);
int sp_cli_reject         (int argc, char **argv);
int sp_cli_evaluate       (int argc, char **argv);
int sp_cli_import_dna     (int argc, char **argv);
int sp_cli_network        (int argc, char **argv);

G_END_DECLS
