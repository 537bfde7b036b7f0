/* sp-dna-import.h
 *
 * Writes a DNA project (sp-dna-file.h) into a Standpoint project as one undoable action:
 * documents with their exact text, persons and organisations as actors, concepts as issues,
 * statements as claims. The report says what came in and, line by line, what did not.
 */
#pragma once

#include "sp-dna-file.h"
#include "sp-project.h"

G_BEGIN_DECLS

/* Splits a document's text into sentences for the store: (start, end) character pairs as
 * guint32, the way the importer's splitter returns them. The interop room does not split
 * text itself; the caller hands over the importer's splitter. */
typedef GArray *(*SpDnaSentenceFunc) (const char *text,
                                      gsize       length,
                                      gpointer    user_data);

/* Called from the importing thread with the fraction done, 0 … 1 */
typedef void (*SpDnaProgressFunc) (double   fraction,
                                   gpointer user_data);

typedef struct
{
  char      *file_name;
  guint      n_documents;          /* added */
  guint      n_documents_present;  /* already in the project: left out with their statements */
  guint      n_actors;             /* added */
  guint      n_actors_present;     /* found in the project by name or alias */
  guint      n_issues;
  guint      n_issues_present;
  guint      n_claims;
  guint      n_skipped;            /* statements that did not become claims */
  GPtrArray *skipped;              /* one line per reason, with its count */
  GPtrArray *notes;                /* decisions the analyst should know of */
} SpDnaReport;

void         sp_dna_report_free    (SpDnaReport        *report);
char        *sp_dna_report_summary (SpDnaReport        *report);

SpDnaReport *sp_dna_import         (SpProject          *project,
                                    SpDnaFile          *file,
                                    SpDnaSentenceFunc   split,
                                    gpointer            split_data,
                                    SpDnaProgressFunc   progress,
                                    gpointer            progress_data,
                                    GCancellable       *cancellable,
                                    GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpDnaReport, sp_dna_report_free)

G_END_DECLS
