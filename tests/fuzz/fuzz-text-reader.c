/* fuzz-text-reader.c: plain text with its front matter, its layout and its dates */
#include "config.h"

#include "fuzz-common.h"
#include "sp-date-scan.h"
#include "sp-text-decode.h"
#include "sp-text-reader.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpReadBudget) budget = fuzz_budget_new (size);
  g_autoptr(SpArticle) article = NULL;
  g_autofree char *text = NULL;
  g_autofree char *date = NULL;

  text = sp_text_decode ((const char *)data, size, NULL, SP_TEXT_DECODE_DEFAULT, &error);
  if (text == NULL)
    return 0;

  article = sp_text_reader_read_plain (text, budget, &error);
  fuzz_check_result (article, error);

  if (article != NULL)
    {
      date = sp_date_scan_header (article->body, 8);
      if (date != NULL && strlen (date) != 10)
        abort ();
    }

  g_free (sp_date_parse (text));
  return 0;
}
