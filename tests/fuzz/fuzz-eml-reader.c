/* fuzz-eml-reader.c: e-mail messages, from their bytes (MIME, transfer encodings, charsets,
 * and the web page reader for HTML parts) */
#include "config.h"

#include "fuzz-common.h"
#include "sp-eml-reader.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(SpReadBudget) budget = fuzz_budget_new (size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = sp_eml_reader_read (bytes, budget, &error);

  fuzz_check_articles (articles, error);
  return 0;
}
