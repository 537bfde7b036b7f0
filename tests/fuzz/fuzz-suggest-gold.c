/* fuzz-suggest-gold.c
 *
 * libFuzzer harness for the gold claims reader: any bytes go to sp_suggest_list_parse(), as a
 * gold file and as a prediction file. A gold file it accepts, scored against itself, must be
 * entirely right; read as predictions, the same bytes score against that gold without any
 * false negative. Criticals and warnings count as crashes.
 *
 *   ./fuzz-suggest-gold tests/fuzz/corpus/suggest-gold bench/gold
 */
#define G_LOG_DOMAIN "fuzz-suggest-gold"

#include "config.h"

#include <stdint.h>

#include "sp-suggest-evaluate.h"

int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

static void
check_message (const GError *error)
{
  g_assert_nonnull (error);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_true (g_str_has_prefix (error->message, "fuzz.tsv:"));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpSuggestList) gold = NULL;
  g_autoptr(SpSuggestList) predictions = NULL;

  gold = sp_suggest_list_parse ((const char *) data, size, "fuzz.tsv", SP_SUGGEST_TSV_GOLD, &error);
  if (gold == NULL)
    check_message (error);
  g_clear_error (&error);

  predictions = sp_suggest_list_parse ((const char *) data, size, "fuzz.tsv",
                                       SP_SUGGEST_TSV_PREDICTIONS, &error);
  if (predictions == NULL)
    check_message (error);

  /* What reads as gold also reads as predictions: the gold's rules are the stricter */
  g_assert_true (gold == NULL || predictions != NULL);

  if (gold != NULL)
    {
      g_autoptr(SpSuggestScore) self = sp_suggest_evaluate_list (gold, gold, 0);
      g_autoptr(SpSuggestScore) other = sp_suggest_evaluate_list (gold, predictions, 0);
      g_autofree char *report = sp_suggest_score_format (other, TRUE);
      guint n = sp_suggest_list_get_n_items (gold);

      g_assert_cmpuint (self->documents.tp, ==, n);
      g_assert_cmpuint (self->documents.fp + self->documents.fn, ==, 0);
      g_assert_cmpuint (self->sentences.tp, ==, n);
      g_assert_cmpuint (self->sentences.fp + self->sentences.fn, ==, 0);
      g_assert_cmpuint (other->documents.fn, ==, 0);
      g_assert_cmpuint (other->n_ignored, ==, 0);
      g_assert_true (g_utf8_validate (report, -1, NULL));
    }

  return 0;
}
