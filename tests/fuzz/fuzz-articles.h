/* fuzz-articles.h
 *
 * The checks of fuzz-common.h for the readers of database exports and Word documents, which
 * may also find no article in a page (it is then read as an ordinary page): every article
 * is plain, valid, tidy text, and its removed blocks are valid text in body order.
 */
#pragma once

#include "fuzz-common.h"

/* A refusal is fine when its code is one of @allowed (0-terminated, after the first);
 * anything else, a refusal for lack of steps included, is a finding */
static inline void
fuzz_check_export_articles (GPtrArray           *articles,
                            GError              *error,
                            const SpImportError *allowed,
                            guint                n_allowed)
{
  if (articles == NULL)
    {
      if (error == NULL || error->domain != SP_IMPORT_ERROR)
        abort ();
      for (guint i = 0; i < n_allowed; i++)
        if (error->code == (int)allowed[i])
          return;
      abort ();
    }

  if (error != NULL)
    abort ();

  for (guint i = 0; i < articles->len; i++)
    {
      SpArticle *article = g_ptr_array_index (articles, i);
      glong n_chars;

      fuzz_check_result (article, NULL);
      n_chars = g_utf8_strlen (article->body, -1);

      for (guint j = 0; article->removed != NULL && j < article->removed->len; j++)
        {
          SpRemovedBlock *block = &g_array_index (article->removed, SpRemovedBlock, j);

          fuzz_check_text (block->text);
          if (block->offset > (guint)n_chars ||
              (j > 0 && block->offset < g_array_index (article->removed, SpRemovedBlock, j - 1).offset))
            abort ();
        }
    }
}
