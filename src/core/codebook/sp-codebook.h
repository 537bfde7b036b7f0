/* sp-codebook.h
 *
 * The codebook file: a project's actors and issues as JSON, to share a codebook between
 * projects and people. The format is a public interface (README.md, "File formats"); any change that
 * an older Standpoint would misread raises SP_CODEBOOK_VERSION.
 */
#pragma once

#include "sp-project.h"

G_BEGIN_DECLS

#define SP_CODEBOOK_FORMAT  "standpoint-codebook"
#define SP_CODEBOOK_VERSION 1

#define SP_CODEBOOK_ERROR (sp_codebook_error_quark ())

typedef enum
{
  SP_CODEBOOK_ERROR_PARSE,          /* not JSON; the message has FILE:LINE:COLUMN */
  SP_CODEBOOK_ERROR_NOT_A_CODEBOOK, /* JSON, but no "format": "standpoint-codebook" */
  SP_CODEBOOK_ERROR_NEWER_VERSION,  /* written for a newer Standpoint */
  SP_CODEBOOK_ERROR_INVALID,        /* a member has the wrong type or a value breaks a rule */
  SP_CODEBOOK_ERROR_CONFLICT,       /* a name or alias that another actor holds */
} SpCodebookError;

/* What an import did. Entries that matched the project and changed nothing count in neither
 * field. */
typedef struct
{
  guint actors_added;
  guint actors_updated;
  guint issues_added;
  guint issues_updated;
} SpCodebookImportStats;

GQuark    sp_codebook_error_quark (void);

gboolean  sp_codebook_import      (SpProject              *project,
                                   const char             *data,
                                   gssize                  length,
                                   const char             *source_name,
                                   SpCodebookImportStats  *stats,
                                   GError                **error);
char     *sp_codebook_export      (SpProject              *project,
                                   GError                **error);

G_END_DECLS
