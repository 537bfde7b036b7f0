/* import-bench-corpus.h
 *
 * Real press releases for the import benchmark, from the shared corpus's CSV files: each
 * row becomes a plain-text article file (headline, date, body), as an analyst would save it.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char  *sp_bench_corpus_dir             (const char  *sub);
gsize  sp_bench_write_press_releases   (const char  *corpus_dir,
                                        const char  *folder,
                                        GPtrArray   *paths,
                                        GError     **error);

G_END_DECLS
