/* import-bench-stages.h
 *
 * The import's stages timed one by one, in one thread, for the benchmark's breakdown.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double read;      /* reading and parsing the files (CPU seconds) */
  double prepare;   /* cleaning, text hash, sentences, fingerprint, the document checked for the
                     * store (CPU seconds) */
  double sentences; /* of which sentences (CPU seconds) */
  double fingerprint; /* of which fingerprints (CPU seconds) */
  double store;     /* sp_project_add_checked_document() with its duplicate check, one transaction
                     * (CPU seconds): what the writing thread does */
  double store_wall;
  double store_no_check; /* the same without the duplicate check */
  double store_plain;    /* and without removed blocks, sentences, fingerprint and line hashes */
  double near;           /* sp_project_find_nearest_duplicates() for every article at once, as the importer asks a batch */
  double line_counts;    /* sp_project_count_lines() for all the articles' lines */
} SpStageTimes;

gboolean sp_bench_time_stages (GPtrArray     *paths,
                               const char    *project_path,
                               SpStageTimes  *times,
                               GError       **error);
double   sp_bench_cpu_seconds (void);

G_END_DECLS
