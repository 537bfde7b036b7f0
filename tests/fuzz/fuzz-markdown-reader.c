/* fuzz-markdown-reader.c: Markdown through md4c and what makes text of its events */
#include "config.h"

#include "fuzz-common.h"
#include "sp-markdown-reader.h"
#include "sp-text-decode.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpReadBudget) budget = fuzz_budget_new (size);
  g_autoptr(SpArticle) article = NULL;
  g_autofree char *text = NULL;

  text = sp_text_decode ((const char *)data, size, NULL, SP_TEXT_DECODE_DEFAULT, &error);
  if (text == NULL)
    return 0;

  article = sp_markdown_reader_read (text, budget, &error);
  fuzz_check_result (article, error);

  return 0;
}
