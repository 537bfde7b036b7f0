/* bench-articles.h
 *
 * Made-up articles for the import benchmarks.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char  *sp_bench_make_article   (GRand       *rand);
gsize  sp_bench_write_articles (const char  *folder,
                                guint        n,
                                GRand       *rand,
                                GPtrArray   *paths,
                                GError     **error);
void   sp_bench_remove_tree    (const char  *path);

G_END_DECLS
