/* fuzz-json-reader.c: JSON and JSON Lines exports, from their bytes, read both ways */
#include "config.h"

#include "fuzz-common.h"
#include "sp-json-reader.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(SpReadBudget) budget = fuzz_budget_new (size);
  g_autoptr(SpReadBudget) lines_budget = fuzz_budget_new (size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) lines_error = NULL;
  g_autoptr(GPtrArray) articles = sp_json_reader_read (bytes, budget, &error);
  g_autoptr(GPtrArray) lines = sp_json_reader_read_lines (bytes, lines_budget, &lines_error);

  fuzz_check_articles (articles, error);
  fuzz_check_articles (lines, lines_error);
  return 0;
}
