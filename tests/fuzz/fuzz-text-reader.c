/* fuzz-text-reader.c: plain text with its front matter, its layout and its dates */
#include "config.h"

#include "fuzz-common.h"
#include "sp-date-scan.h"
#include "sp-text-reader.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(SpArticle) article = fuzz_read_text (data, size, sp_text_reader_read_plain);
  g_autofree char *header_date = NULL;
  g_autofree char *date = NULL;

  if (article != NULL)
    header_date = sp_date_scan_header (article->body, 8);
  if (header_date != NULL && strlen (header_date) != 10)
    abort ();

  /* The same bytes as a metadata value */
  if (g_utf8_validate ((const char *)data, size, NULL))
    {
      g_autofree char *value = g_strndup ((const char *)data, size);

      date = sp_date_parse (value);
      if (date != NULL && strlen (date) != 10)
        abort ();
    }

  return 0;
}
