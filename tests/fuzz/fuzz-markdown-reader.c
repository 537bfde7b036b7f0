/* fuzz-markdown-reader.c: Markdown through md4c and what makes text of its events */
#include "config.h"

#include "fuzz-common.h"
#include "sp-markdown-reader.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  sp_article_free (fuzz_read_text (data, size, sp_markdown_reader_read));
  return 0;
}
