/* fuzz-common.h
 *
 * What every reader's harness checks besides memory errors: a reader may refuse an input,
 * but never take more work than linear in it (a refusal for lack of steps is a finding), and
 * what it gives is plain, valid, tidy text.
 */
#pragma once

#include <stdlib.h>
#include <string.h>

#include "sp-article.h"
#include "sp-read-budget.h"
#include "sp-text-decode.h"

/* No deadline: libFuzzer's -timeout finds slow inputs; the steps find non-linear walks */
static inline SpReadBudget *
fuzz_budget_new (size_t size)
{
  return sp_read_budget_new_full (G_MAXINT64 / 4,
                                  SP_READ_BUDGET_BASE_STEPS +
                                  (guint64)size * SP_READ_BUDGET_STEPS_PER_BYTE);
}

static inline void
fuzz_check_text (const char *text)
{
  if (text == NULL)
    return;

  if (!g_utf8_validate (text, -1, NULL))
    abort ();

  for (const char *p = text; *p; p++)
    if (*p == '\r' || ((guchar)*p < 0x20 && *p != '\n' && *p != '\t'))
      abort ();
}

/* A refusal is fine, unless it says the walk needed more steps than the input allows */
static inline void
fuzz_check_result (SpArticle    *article,
                   GError       *error)
{
  if (article == NULL)
    {
      if (error == NULL || g_error_matches (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_TOO_SLOW))
        abort ();
      return;
    }

  if (article->body == NULL)
    abort ();

  fuzz_check_text (article->body);
  fuzz_check_text (article->title);
  fuzz_check_text (article->author);
  fuzz_check_text (article->source);
  fuzz_check_text (article->url);

  if (article->date != NULL && strlen (article->date) != 10)
    abort ();

  /* The body's layout: no blank lines at its ends, none doubled */
  if (article->body[0] == '\n' || strstr (article->body, "\n\n\n") != NULL)
    abort ();
}

typedef SpArticle *(*FuzzTextReader) (const char    *text,
                                      SpReadBudget  *budget,
                                      GError       **error);

/* Decodes @data as an article file of its type is, and reads the text with @read */
static inline SpArticle *
fuzz_read_text (const guint8   *data,
                size_t          size,
                FuzzTextReader  read)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpReadBudget) budget = fuzz_budget_new (size);
  g_autofree char *text = NULL;
  SpArticle *article;

  text = sp_text_decode ((const char *)data, size, NULL, SP_TEXT_DECODE_DEFAULT, &error);
  if (text == NULL)
    return NULL;

  article = read (text, budget, &error);
  fuzz_check_result (article, error);
  return article;
}

/* The same checks for a reader of files of several articles: each article as above, and
 * each skip (an entry with only its reason) a line of valid text */
static inline void
fuzz_check_articles (GPtrArray *articles,
                     GError    *error)
{
  if (articles == NULL)
    {
      fuzz_check_result (NULL, error);
      return;
    }

  if (articles->len == 0)
    abort ();

  for (guint i = 0; i < articles->len; i++)
    {
      SpArticle *article = g_ptr_array_index (articles, i);

      if (article->skipped != NULL)
        {
          if (article->body != NULL || article->skipped[0] == '\0')
            abort ();
          fuzz_check_text (article->skipped);
        }
      else
        fuzz_check_result (article, NULL);
    }
}
