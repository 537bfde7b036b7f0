/* fuzz-pdf-reader.c: PDF files, from their bytes, through poppler-glib's text layer; and the
 * same bytes as pages of text ('\f' between pages) through the layout, which poppler's
 * output rarely drives into its corners */
#include "config.h"

#include "fuzz-common.h"
#include "sp-field-text.h"
#include "sp-pdf-layout.h"
#include "sp-pdf-reader.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static void
fuzz_layout (const guint8 *data,
             size_t        size)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(SpArticle) article = sp_article_new ();
  glong length;
  gsize start = 0;

  for (gsize i = 0; i <= size; i++)
    if (i == size || data[i] == '\f')
      {
        g_ptr_array_add (pages, sp_field_text_clean ((const char *)data + start, i - start));
        start = i + 1;
      }

  sp_pdf_layout (pages, article);
  fuzz_check_text (article->body);
  fuzz_check_text (article->url);
  if (article->body[0] == '\n' || strstr (article->body, "\n\n\n") != NULL)
    abort ();

  /* Removed blocks in body order, within the body */
  length = g_utf8_strlen (article->body, -1);
  for (guint i = 0; article->removed != NULL && i < article->removed->len; i++)
    {
      SpRemovedBlock *block = &g_array_index (article->removed, SpRemovedBlock, i);

      if (block->offset > (guint)length ||
          (i > 0 && block->offset < g_array_index (article->removed, SpRemovedBlock, i - 1).offset))
        abort ();
      fuzz_check_text (block->text);
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(SpReadBudget) budget = fuzz_budget_new (size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = sp_pdf_reader_read (bytes, budget, &error);

  fuzz_check_articles (articles, error);
  fuzz_layout (data, size);
  return 0;
}
